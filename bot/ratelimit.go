package bot

import (
	"context"
	"sync"
	"time"
)

// Limits are the outgoing message rates the bot keeps to. Telegram's
// published guidance (core.telegram.org/bots/faq) is about one message per
// second in a chat, no more than 20 per minute in a group, and about 30
// per second overall; going faster earns 429s, and repeated 429s earn
// longer bans. Only messages count (sendMessage, sendContact,
// editMessageText); query answers (answerCallbackQuery, answerInlineQuery)
// are not messages and are never delayed, since Telegram expires them
// within seconds.
//
// A zero rate disables that limit. A burst below 1 counts as 1.
type Limits struct {
	PerChatPerSecond float64 // messages per second to one chat
	PerChatBurst     int     // messages a chat may receive at once after a quiet spell
	GroupPerMinute   float64 // messages per minute to one group or supergroup (on top of the chat limit)
	GroupBurst       int
	GlobalPerSecond  float64 // messages per second over all chats
	GlobalBurst      int
}

// DefaultLimits are Telegram's published limits. The per-chat burst of 3
// lets an answer with two contact cards go out at once; the global burst is
// small so that 30/s holds over any one-second window too.
func DefaultLimits() Limits {
	return Limits{
		PerChatPerSecond: 1, PerChatBurst: 3,
		GroupPerMinute: 20, GroupBurst: 5,
		GlobalPerSecond: 30, GlobalBurst: 5,
	}
}

// bucket is a token bucket that may go into debt: a caller takes a token
// even when none is left and is told how long to wait for it. Debt makes
// waiting callers queue in arrival order without a timer per bucket, the
// same reservation model as golang.org/x/time/rate.
type bucket struct {
	tokens float64
	last   time.Time
}

// reserve takes one token at now and returns how long the caller must
// wait before using it. rate is tokens per second.
func (b *bucket) reserve(now time.Time, rate, burst float64) time.Duration {
	b.refill(now, rate, burst)
	b.tokens--
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / rate * float64(time.Second))
}

func (b *bucket) refill(now time.Time, rate, burst float64) {
	if b.last.IsZero() {
		b.tokens = burst
	} else if dt := now.Sub(b.last); dt > 0 {
		b.tokens = min(burst, b.tokens+dt.Seconds()*rate)
	}
	if now.After(b.last) {
		b.last = now
	}
}

// full reports whether the bucket has refilled to burst by now, i.e. it is
// indistinguishable from a new one and can be forgotten.
func (b *bucket) full(now time.Time, rate, burst float64) bool {
	return b.tokens+now.Sub(b.last).Seconds()*rate >= burst
}

// limiter applies Limits. Per-chat and per-group buckets live in maps that
// are swept once a minute of buckets that have refilled completely, so
// memory stays proportional to the chats active in the last few seconds.
type limiter struct {
	lim Limits
	now func() time.Time

	mu        sync.Mutex
	global    bucket
	chats     map[int64]*bucket
	groups    map[int64]*bucket
	lastSweep time.Time
}

func newLimiter(l Limits, now func() time.Time) *limiter {
	return &limiter{lim: l, now: now, chats: map[int64]*bucket{}, groups: map[int64]*bucket{}}
}

// Rate-limit scopes, used as metric labels.
const (
	scopeChat   = "chat"
	scopeGroup  = "group"
	scopeGlobal = "global"
)

// wait blocks until one more message may be sent to chatID (a group if
// group is set). It returns the scope that imposed the longest wait and
// the total time waited; on ctx cancellation it returns ctx.Err().
//
// The chat and group buckets are waited for first and the global one only
// afterwards: reserving the global token up front would let many chats'
// delayed sends pile up at the same instant and exceed the global rate.
func (l *limiter) wait(ctx context.Context, chatID int64, group bool) (scope string, waited time.Duration, err error) {
	l.mu.Lock()
	now := l.now()
	l.sweep(now)
	var local time.Duration
	if r := l.lim.PerChatPerSecond; r > 0 {
		local = l.take(l.chats, chatID, now, r, l.lim.PerChatBurst)
		scope = scopeChat
	}
	if r := l.lim.GroupPerMinute; r > 0 && group {
		if d := l.take(l.groups, chatID, now, r/60, l.lim.GroupBurst); d > local {
			local, scope = d, scopeGroup
		}
	}
	l.mu.Unlock()
	if err := sleep(ctx, local); err != nil {
		return scope, local, err
	}

	var global time.Duration
	if r := l.lim.GlobalPerSecond; r > 0 {
		l.mu.Lock()
		global = l.global.reserve(l.now(), r, burstOf(l.lim.GlobalBurst))
		l.mu.Unlock()
	}
	if global > local {
		scope = scopeGlobal
	}
	if err := sleep(ctx, global); err != nil {
		return scope, local + global, err
	}
	return scope, local + global, nil
}

// take reserves a token from the bucket of id in m. Callers hold l.mu.
func (l *limiter) take(m map[int64]*bucket, id int64, now time.Time, rate float64, burst int) time.Duration {
	b := m[id]
	if b == nil {
		b = &bucket{}
		m[id] = b
	}
	return b.reserve(now, rate, burstOf(burst))
}

// sweep forgets buckets that have refilled completely. Callers hold l.mu.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	for id, b := range l.chats {
		if b.full(now, l.lim.PerChatPerSecond, burstOf(l.lim.PerChatBurst)) {
			delete(l.chats, id)
		}
	}
	for id, b := range l.groups {
		if b.full(now, l.lim.GroupPerMinute/60, burstOf(l.lim.GroupBurst)) {
			delete(l.groups, id)
		}
	}
}

// size returns how many per-chat and per-group buckets are kept (tests).
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.chats) + len(l.groups)
}

func burstOf(n int) float64 { return float64(max(n, 1)) }

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
