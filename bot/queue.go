package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Ordering design. Two messages typed quickly in one chat must be answered
// in order, and the dialog's state (the engine requires one chat's events
// in order) would be corrupted otherwise. Updates reach Bot.accept one at
// a time in update_id order (the poll loop, poll.go, or the journal at
// start), and accept only files the update here. The dispatcher keeps one
// FIFO per chat and at most one goroutine per chat draining it: one chat's
// turns run strictly in order, different chats run concurrently, and a
// slow turn (a long rate-limit wait, a 429) holds up only its own chat.
//
// At most workers turns run at once (the others' chats wait for a worker),
// which bounds the connections to the Bot API. Memory is bounded twice: a
// chat may have at most perChat updates waiting (a flooding chat's excess
// is dropped and counted, so one chat cannot starve the rest), and all
// chats together at most total (beyond that enqueue blocks, which stalls
// the poll loop: back-pressure to Telegram, which keeps the updates).
// A chat's goroutine exits as soon as its queue is empty, so idle chats
// cost nothing.

// chatKey identifies a queue. Inline queries are keyed by the user but in
// a separate space: they need no ordering with the user's private chat,
// and a private chat stalled on a rate limit must not make them expire.
type chatKey struct {
	id     int64
	inline bool
}

// Errors from enqueue.
var (
	errQueueClosed = errors.New("bot: shutting down, update not accepted")
	errChatFlooded = errors.New("bot: too many updates waiting in this chat")
)

type dispatcher struct {
	handle  func(ctx context.Context, t *turn)
	perChat int
	slots   chan struct{} // one per queued or running turn, over all chats
	workers chan struct{} // one per running turn
	onPanic func(v any)
	onIdle  func(key chatKey) // called when a chat's queue ran empty (replicas.go)

	ctx    context.Context // turns' context: cancelled only if shutdown times out
	cancel context.CancelFunc

	mu     sync.Mutex
	chats  map[chatKey]*chatQueue
	closed bool
	wg     sync.WaitGroup // one per live chat goroutine
}

type chatQueue struct {
	turns []*turn
}

func newDispatcher(perChat, total, workers int, handle func(context.Context, *turn), onPanic func(any)) *dispatcher {
	ctx, cancel := context.WithCancel(context.Background())
	return &dispatcher{
		handle:  handle,
		perChat: perChat,
		slots:   make(chan struct{}, total),
		workers: make(chan struct{}, workers),
		onPanic: onPanic,
		ctx:     ctx,
		cancel:  cancel,
		chats:   map[chatKey]*chatQueue{},
	}
}

// enqueue files t for its chat. It blocks while the global bound is
// reached (until ctx is done), and fails at once if the chat already has
// perChat updates waiting or the dispatcher is closed. started reports
// that t's turn starts at once: its chat was idle and a worker was free.
func (d *dispatcher) enqueue(ctx context.Context, key chatKey, t *turn) (started bool, err error) {
	select {
	case d.slots <- struct{}{}:
	default:
		select {
		case d.slots <- struct{}{}:
		case <-ctx.Done():
			return false, fmt.Errorf("bot: waiting for queue space: %w", ctx.Err())
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		<-d.slots
		return false, errQueueClosed
	}
	q := d.chats[key]
	if q == nil {
		q = &chatQueue{}
		d.chats[key] = q
		d.wg.Add(1)
		go d.run(key, q)
		started = len(d.workers) < cap(d.workers)
	} else if len(q.turns) >= d.perChat {
		<-d.slots
		return false, errChatFlooded
	}
	q.turns = append(q.turns, t)
	return started, nil
}

// run drains one chat's queue and exits when it is empty. A chat has a
// goroutine exactly while it has an entry in d.chats; both change under
// d.mu, so an update filed concurrently is never stranded.
func (d *dispatcher) run(key chatKey, q *chatQueue) {
	defer d.wg.Done()
	for {
		d.mu.Lock()
		if len(q.turns) == 0 {
			delete(d.chats, key)
			d.mu.Unlock()
			if d.onIdle != nil {
				d.onIdle(key)
			}
			return
		}
		t := q.turns[0]
		q.turns[0] = nil
		q.turns = q.turns[1:]
		d.mu.Unlock()

		d.workers <- struct{}{}
		d.safeHandle(t)
		<-d.workers
		<-d.slots
	}
}

// rest runs wait, a turn's pause (a backoff before trying again), without
// the turn's worker, so that chats waiting out a failure do not hold up
// the others. It must be called from a turn being handled.
func (d *dispatcher) rest(wait func() error) error {
	<-d.workers
	defer func() { d.workers <- struct{}{} }()
	return wait()
}

// safeHandle runs one turn; a panic in it (a dialog bug, an unexpected
// update shape) is reported and the chat goes on with its next update.
func (d *dispatcher) safeHandle(t *turn) {
	defer func() {
		if v := recover(); v != nil && d.onPanic != nil {
			d.onPanic(v)
		}
	}()
	d.handle(d.ctx, t)
}

// busy reports whether key has turns queued or running.
func (d *dispatcher) busy(key chatKey) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.chats[key] != nil
}

// stats returns the number of chats with a live goroutine and the number
// of turns queued or running.
func (d *dispatcher) stats() (chats, turns int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.chats), len(d.slots)
}

// close stops accepting updates and waits up to timeout for every queued
// and running turn to finish. If they do not, their context is cancelled
// (rate-limit waits, retries and requests abort), they get grace more to
// return, and the error says how many turns were abandoned.
func (d *dispatcher) close(timeout, grace time.Duration) error {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()

	done := make(chan struct{})
	go func() {
		d.wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-done:
		d.cancel()
		return nil
	case <-timer.C:
	}
	_, pending := d.stats()
	d.cancel()
	select {
	case <-done:
	case <-time.After(grace):
	}
	return fmt.Errorf("bot: shutdown timed out after %v with %d turn(s) unfinished", timeout, pending)
}
