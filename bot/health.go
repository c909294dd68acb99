package bot

import (
	"fmt"
	"sync"
	"time"
)

// health is what /healthz reports beyond the run state: whether the
// journal and the chat store can be written, and whether the poll loop
// makes progress. Both come back by themselves: the first successful
// write, or the loop's next step, makes the bot healthy again.
type health struct {
	mu        sync.Mutex
	saveErr   error     // the last write failed with it; nil once one succeeds
	saveSince time.Time // when writes started failing
	stepAt    time.Time // when the poll loop last finished a step
}

// stallAfter is how long the poll loop may go without finishing a step
// (a long poll lasts the poll timeout) before /healthz reports it stuck.
const stallAfter = 30 * time.Second

// saved records the outcome of a write of the journal or the store.
func (h *health) saved(err error, now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case err == nil:
		h.saveErr = nil
	case h.saveErr == nil:
		h.saveErr, h.saveSince = err, now
	default:
		h.saveErr = err
	}
}

// stepped records that the poll loop finished a step.
func (h *health) stepped(now time.Time) {
	h.mu.Lock()
	h.stepAt = now
	h.mu.Unlock()
}

// reason returns why the bot is unhealthy at now, or "". pollTimeout is
// the long poll's length, 0 when not polling.
func (h *health) reason(now time.Time, pollTimeout time.Duration) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.saveErr != nil {
		return fmt.Sprintf("turns cannot be saved (for %v): %v", now.Sub(h.saveSince).Round(time.Second), h.saveErr)
	}
	if pollTimeout > 0 && !h.stepAt.IsZero() {
		if d := now.Sub(h.stepAt); d > pollTimeout+stallAfter {
			return fmt.Sprintf("the poll loop has made no progress for %v", d.Round(time.Second))
		}
	}
	return ""
}
