package index

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSearch times one question end to end as the bot reads it (typo
// correction, asks, analysis, bleve search, decision) over the development
// questions, and reports the median and 99th percentile per question, in
// wall time and in CPU time of the searching thread (which a loaded machine
// does not inflate).
func BenchmarkSearch(b *testing.B) {
	qs := readQuestions(b, "testdata/dev.jsonl")
	benchRead(b, func(i int) string { return qs[i%len(qs)].Q })
}

// BenchmarkStory is BenchmarkSearch over the story-first held-out
// messages (40 to 160 characters, some with two asks).
func BenchmarkStory(b *testing.B) {
	qs := readQuestions(b, "testdata/heldout4_story.jsonl")
	benchRead(b, func(i int) string { return qs[i%len(qs)].Q })
}

// BenchmarkLongStory times a 4,000-character story (stories of the
// held-out set run together, questions and all): the message is read in
// full and its first MaxAnswered asks answered, so the reply stays bounded.
func BenchmarkLongStory(b *testing.B) {
	var sb strings.Builder
	for _, q := range readQuestions(b, "testdata/heldout4_story.jsonl") {
		sb.WriteString(q.Q)
	}
	story := []rune(sb.String())
	if len(story) < MaxMessageRunes {
		b.Fatalf("only %d characters of stories", len(story))
	}
	text := string(story[:MaxMessageRunes])
	rd := must2(testIndex.Read(text, Context{}))
	if len(rd.Asks) == 0 || len(rd.Asks) > MaxAnswered || rd.Unanswered == 0 {
		b.Fatalf("%d asks answered, %d left: want at most %d and some left", len(rd.Asks), rd.Unanswered, MaxAnswered)
	}
	benchRead(b, func(int) string { return text })
}

func benchRead(b *testing.B, message func(i int) string) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	lat := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start, c := time.Now(), threadCPU()
		must2(testIndex.Read(message(i), Context{}))
		lat = append(lat, time.Since(start))
		cpu = append(cpu, threadCPU()-c)
	}
	b.StopTimer()
	for _, m := range []struct {
		unit string
		d    []time.Duration
	}{{"", lat}, {"cpu-", cpu}} {
		sort.Slice(m.d, func(i, j int) bool { return m.d[i] < m.d[j] })
		b.ReportMetric(float64(m.d[len(m.d)/2].Microseconds()), "p50-"+m.unit+"µs")
		b.ReportMetric(float64(m.d[len(m.d)*99/100].Microseconds()), "p99-"+m.unit+"µs")
	}
}

// must2 unwraps a reading; a read error fails the test binary.
func must2(rd Reading, err error) Reading {
	if err != nil {
		panic(err)
	}
	return rd
}

// BenchmarkBuild builds the index of the embedded guide from scratch,
// training included (jieba is already loaded: that cost is per process, not
// per build). cpu-s is the process's CPU time per build, all threads.
func BenchmarkBuild(b *testing.B) {
	g := testIndex.guide
	cpu := processCPU()
	for b.Loop() {
		dir := b.TempDir()
		ix, err := Open(g, WithDataDir(dir), WithLexiconDir(""))
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s")
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

// question is what these tests read of an evaluation file's line (package
// eval reads the whole of it).
type question struct {
	ID string `json:"id"`
	Q  string `json:"q"`
}

// readQuestions reads the questions of evaluation files (JSON lines).
func readQuestions(tb testing.TB, files ...string) []question {
	tb.Helper()
	var qs []question
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var q question
			if err := json.Unmarshal([]byte(line), &q); err != nil {
				tb.Fatalf("%s: %v", file, err)
			}
			qs = append(qs, q)
		}
	}
	return qs
}
