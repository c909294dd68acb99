//go:build linux

package dialog

import (
	"runtime"
	"sort"
	"testing"
	"time"

	"golang.org/x/sys/unix"
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
