package index

import (
	"bufio"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSearch times one question end to end (analysis, bleve search,
// decision) over the development questions and reports the median and
// 99th percentile per question.
func BenchmarkSearch(b *testing.B) {
	f, err := os.Open("testdata/dev.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	qs, err := ReadQuestions(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		must(testIndex.Search(qs[i%len(qs)].Q))
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkBuild builds the index of the embedded guide from scratch (jieba
// is already loaded: that cost is per process, not per build).
func BenchmarkBuild(b *testing.B) {
	g := testIndex.guide
	for b.Loop() {
		dir := b.TempDir()
		ix, err := Open(g, WithDataDir(dir), WithLexiconDir(""))
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkPeakRSS reports the process's peak resident set size after the
// index and jieba are loaded (VmHWM), the figure the memory target is about.
func BenchmarkPeakRSS(b *testing.B) {
	for b.Loop() {
		must(testIndex.Search("社保能缓交吗"))
	}
	b.ReportMetric(float64(vmHWM()/1024), "peak-RSS-MB")
}

func vmHWM() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return 0
}
