package bot

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestBucket(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	var b bucket
	// Burst 3 at 1/s: three immediate, then one per second, queued.
	for i := range 3 {
		if d := b.reserve(t0, 1, 3); d != 0 {
			t.Fatalf("reserve %d = %v", i, d)
		}
	}
	if d := b.reserve(t0, 1, 3); d != time.Second {
		t.Errorf("4th = %v, want 1s", d)
	}
	if d := b.reserve(t0, 1, 3); d != 2*time.Second {
		t.Errorf("5th = %v, want 2s (queued behind the 4th)", d)
	}
	if d := b.reserve(t0.Add(10*time.Second), 1, 3); d != 0 {
		t.Errorf("after a quiet spell = %v", d)
	}
	if !b.full(t0.Add(20*time.Second), 1, 3) {
		t.Error("bucket not full after 10s idle")
	}
}

func TestLimiterScopesAndSweep(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	// Group: 20/min with burst 1 means 3s between messages, stricter than
	// the chat's 1/s.
	l := newLimiter(Limits{PerChatPerSecond: 1, PerChatBurst: 1, GroupPerMinute: 20, GroupBurst: 1}, clock)
	l.mu.Lock()
	if d := l.take(l.groups, -1, now, 20.0/60, 1); d != 0 {
		t.Errorf("first group message waits %v", d)
	}
	if d := l.take(l.groups, -1, now, 20.0/60, 1); d != 3*time.Second {
		t.Errorf("second group message waits %v, want 3s", d)
	}
	l.mu.Unlock()

	ctx := context.Background()
	for id := range int64(100) {
		if _, _, err := l.wait(ctx, id, false); err != nil {
			t.Fatal(err)
		}
	}
	if n := l.size(); n != 101 {
		t.Errorf("buckets = %d", n)
	}
	now = now.Add(2 * time.Minute)
	if _, _, err := l.wait(ctx, 1000, false); err != nil {
		t.Fatal(err)
	}
	if n := l.size(); n != 1 {
		t.Errorf("buckets after sweep = %d, want 1 (idle chats forgotten)", n)
	}

	// A wait is abandoned when the context ends.
	l2 := newLimiter(Limits{PerChatPerSecond: 0.001, PerChatBurst: 1}, time.Now)
	l2.wait(ctx, 1, false)
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if scope, _, err := l2.wait(short, 1, false); !errors.Is(err, context.DeadlineExceeded) || scope != scopeChat {
		t.Errorf("wait = %s %v", scope, err)
	}
	// No limits: no waiting, no buckets.
	l3 := newLimiter(Limits{}, time.Now)
	if _, d, err := l3.wait(ctx, 1, true); d != 0 || err != nil || l3.size() != 0 {
		t.Errorf("unlimited wait = %v %v size %d", d, err, l3.size())
	}
}
