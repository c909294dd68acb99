//go:build linux

package dialog

import (
	"runtime"
	"sort"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"policybot/index"
	"policybot/index/indextest"
)

// BenchmarkTurnCPU is BenchmarkTurn timed by the CPU time of the thread
// running the turn (CLOCK_THREAD_CPUTIME_ID), so the percentiles are the turn's own
// cost even on a machine busy with other work, where wall-clock tails
// measure the scheduler.
func BenchmarkTurnCPU(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	e := newEngine(newMemStore())
	qs := benchQuestions()
	cpu := func() time.Duration {
		var ts unix.Timespec
		if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ts.Nano())
	}
	lat := make([]time.Duration, 0, b.N)
	for i := 0; b.Loop(); i++ {
		start := cpu()
		e.Handle(ctx, 1, Event{Kind: Message, Text: qs[i%len(qs)]})
		lat = append(lat, cpu()-start)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-cpu-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-cpu-µs")
}

// BenchmarkTurnCPUGuides is BenchmarkTurnCPU for a bot serving 20 guides
// of 60 measures (indextest.SyntheticGuides): districts named, remembered,
// changed and asked for. A question while the district is unknown is read
// by every guide until two answer differently.
func BenchmarkTurnCPUGuides(b *testing.B) {
	gs, err := indextest.SyntheticGuides(20, 60)
	if err != nil {
		b.Fatal(err)
	}
	set, err := index.OpenSet(gs, index.WithDataDir(b.TempDir()), index.WithLexiconDir(""))
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		for _, ix := range set {
			ix.Close()
		}
	}()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	e := NewGuides(set, newMemStore())
	qs := []string{"我在海淀，社保能缓交吗", "找谁办", "缓缴多久", "房租能减免吗", "1", "那丰台呢", "找谁", "换个区",
		"社保能缓交吗", "东城区", "公积金呢", "谢谢啦，再见", "明天下雨吗", "公司注销流程", "我是货车司机，贷款还不上能延期吗", "会影响征信吗"}
	lat := make([]time.Duration, 0, b.N)
	for i := 0; b.Loop(); i++ {
		start := threadCPU(b)
		e.Handle(ctx, 1, Event{Kind: Message, Text: qs[i%len(qs)]})
		lat = append(lat, threadCPU(b)-start)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-cpu-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-cpu-µs")
}

// threadCPU is the CPU time of the calling thread.
func threadCPU(b *testing.B) time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ts.Nano())
}
