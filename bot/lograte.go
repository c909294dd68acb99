package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// logEvery is the minimum interval between two log lines about one kind
// of repeated event (rejected webhook requests, flood drops, failed
// writes); the metrics count every event.
const logEvery = 10 * time.Second

// rateLog writes a repeated event at most once per logEvery, with how many
// were not written since the last line, so that a flood of them (forged
// requests, a flooding chat, a full disk) cannot flood the log.
type rateLog struct {
	mu         sync.Mutex
	last       time.Time
	suppressed int
}

// log writes the line unless one was written less than logEvery before
// now; suppressed_since_last is added to it.
func (r *rateLog) log(l *slog.Logger, level slog.Level, now time.Time, msg string, args ...any) {
	r.mu.Lock()
	if !r.last.IsZero() && now.Sub(r.last) < logEvery {
		r.suppressed++
		r.mu.Unlock()
		return
	}
	n := r.suppressed
	r.last, r.suppressed = now, 0
	r.mu.Unlock()
	l.Log(context.Background(), level, msg, append(args, "suppressed_since_last", n)...)
}
