//go:build linux

package index_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"policybot/index"
	"policybot/index/indextest"
)

// setChildEnv marks the child process BenchmarkGuideSet runs: it builds
// the set and measures it in a process of its own, so that the peak RSS is
// the set's and not the test binary's shared index besides it.
const setChildEnv = "POLICYBOT_GUIDE_SET_CHILD"

// setFigures is what the child reports.
type setFigures struct {
	BuildSeconds float64 `json:"build_s"` // jieba loaded and 20 indexes built, trained
	// BuildCPU is the process's CPU time (all threads) for the same.
	BuildCPU  float64 `json:"build_cpu_s"`
	PeakRSSMB float64 `json:"peak_rss_mb"`
	P50, P99  float64 // one question, µs wall
	// CPUP50, CPUP99 are the CPU time of the thread reading the question,
	// which a machine busy with other work does not inflate.
	CPUP50, CPUP99 float64
	// Allocs is the heap allocations per question (all threads).
	Allocs float64 `json:"allocs"`
}

// BenchmarkGuideSet measures a bot serving 20 guides of 60 measures each
// (generated copies of the embedded guide's measures, each issued by
// another district), in a fresh process per iteration: the time to load
// jieba and build every index (training included), the peak RSS after
// building them and answering questions on each, and the time of one
// question (p50, p99), in wall time and in CPU time of the reading thread,
// and the allocations per question, over the development questions asked
// of every guide.
func BenchmarkGuideSet(b *testing.B) {
	var figs []setFigures
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestGuideSetChild$", "-test.v")
		cmd.Env = append(os.Environ(), setChildEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var f setFigures
		found := false
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "FIGURES "); ok {
				found = json.Unmarshal([]byte(rest), &f) == nil
			}
		}
		if !found {
			b.Fatalf("child reported nothing:\n%s", out)
		}
		figs = append(figs, f)
	}
	median := func(get func(setFigures) float64) float64 {
		v := make([]float64, len(figs))
		for i, f := range figs {
			v[i] = get(f)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	b.ReportMetric(median(func(f setFigures) float64 { return f.BuildSeconds }), "build-s")
	b.ReportMetric(median(func(f setFigures) float64 { return f.BuildCPU }), "build-cpu-s")
	b.ReportMetric(median(func(f setFigures) float64 { return f.PeakRSSMB }), "peak-RSS-MB")
	b.ReportMetric(median(func(f setFigures) float64 { return f.P50 }), "p50-µs")
	b.ReportMetric(median(func(f setFigures) float64 { return f.P99 }), "p99-µs")
	b.ReportMetric(median(func(f setFigures) float64 { return f.CPUP50 }), "p50-cpu-µs")
	b.ReportMetric(median(func(f setFigures) float64 { return f.CPUP99 }), "p99-cpu-µs")
	b.ReportMetric(median(func(f setFigures) float64 { return f.Allocs }), "allocs/question")
}

// TestGuideSetChild is BenchmarkGuideSet's child; it does nothing in a
// test run.
func TestGuideSetChild(t *testing.T) {
	if os.Getenv(setChildEnv) == "" {
		t.Skip("run by BenchmarkGuideSet")
	}
	gs, err := indextest.SyntheticGuides(20, 60)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	start, startCPU := time.Now(), processCPU(t)
	set, err := index.OpenSet(gs, index.WithDataDir(dir), index.WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	build, buildCPU := time.Since(start), processCPU(t)-startCPU
	qs := devQuestions(t)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var lat, cpu []time.Duration
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	mallocs := ms.Mallocs
	for round := 0; round < 3; round++ {
		for i, q := range qs {
			ix := set[(i+round)%len(set)]
			s, c := time.Now(), threadCPU(t)
			if _, err := ix.Read(q, index.Context{}); err != nil {
				t.Fatal(err)
			}
			lat = append(lat, time.Since(s))
			cpu = append(cpu, threadCPU(t)-c)
		}
	}
	runtime.ReadMemStats(&ms)
	allocs := float64(ms.Mallocs-mallocs) / float64(len(lat))
	slices.Sort(lat)
	slices.Sort(cpu)
	us := func(d []time.Duration, pct int) float64 { return float64(d[len(d)*pct/100].Microseconds()) }
	f := setFigures{BuildSeconds: build.Seconds(), BuildCPU: buildCPU.Seconds(), PeakRSSMB: float64(peakRSSKB()) / 1024,
		P50: us(lat, 50), P99: us(lat, 99), CPUP50: us(cpu, 50), CPUP99: us(cpu, 99), Allocs: allocs}
	js, _ := json.Marshal(f)
	fmt.Printf("FIGURES %s\n", js)
	for _, ix := range set {
		ix.Close()
	}
}

// threadCPU is the CPU time of the calling thread.
func threadCPU(t *testing.T) time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ts.Nano())
}

// processCPU is the CPU time of the process, all threads.
func processCPU(t *testing.T) time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// devQuestions are the questions of testdata/dev.jsonl.
func devQuestions(t *testing.T) []string {
	data, err := os.ReadFile("testdata/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		var q struct {
			Q string `json:"q"`
		}
		if json.Unmarshal([]byte(line), &q) == nil && q.Q != "" {
			out = append(out, q.Q)
		}
	}
	return out
}

// peakRSSKB is the process's peak resident set size (VmHWM), in kB.
func peakRSSKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return 0
}
