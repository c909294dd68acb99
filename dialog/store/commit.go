package store

import (
	"errors"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Group commit. Every write of the store goes through one writer
// goroutine. A write that arrives while the writer is idle is committed at
// once, in its own transaction; writes that arrive while a transaction is
// being committed (its fsyncs) wait and are then committed together in the
// next one. Nothing ever waits for a timer: bbolt's own Batch holds every
// write for up to 10 ms hoping for company, which made a quiet chat's
// turn wait 10 ms per write. Under load the batches grow by themselves, so
// many chats share each pair of fsyncs.
//
// If one write of a group fails, the group's transaction is rolled back
// and each of its writes is retried alone, so one bad write cannot fail
// the others.

// maxGroup bounds a group, so one transaction stays small.
const maxGroup = 256

// A record nobody waits for (submit: the bot's delivery records) that
// arrives while the writer is idle but a turn's commit is on its way
// (expect) is held for that commit, at most holdRecords, so that the two
// share one transaction and one pair of fsyncs. Committed at once, the
// record took a pair of its own, and the commit behind it waited for them:
// a bot's turn was two transactions, a commit and its delivery record.
// A write somebody waits for is never held.
const holdRecords = 10 * time.Millisecond

// errClosed is returned by writes after Close.
var errClosed = errors.New("store is closed")

type writer struct {
	db   *bolt.DB
	reqs chan *writeReq
	quit chan struct{}
	done chan struct{}
	// expect reports that a write somebody waits for is coming soon (nil:
	// never known); see holdRecords, which holdFor is (tests lengthen it).
	expect  func() bool
	holdFor time.Duration

	mu     sync.RWMutex // held (read) by writes in flight; Close takes it
	closed bool
}

type writeReq struct {
	fn   func(*bolt.Tx) error
	err  chan error  // for update
	then func(error) // for submit
}

// reply reports a request's outcome to its waiter or callback.
func (r *writeReq) reply(err error) {
	if r.then != nil {
		r.then(err)
		return
	}
	r.err <- err
}

func newWriter(db *bolt.DB, expect func() bool) *writer {
	w := &writer{db: db, reqs: make(chan *writeReq, maxGroup), quit: make(chan struct{}), done: make(chan struct{}),
		expect: expect, holdFor: holdRecords}
	go w.run()
	return w
}

// update runs fn in a write transaction, possibly shared with other
// writes, and returns once that transaction is durably committed (or has
// failed). fn may be run more than once (see above) and must not have side
// effects outside tx.
func (w *writer) update(fn func(*bolt.Tx) error) error {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return errClosed
	}
	r := &writeReq{fn: fn, err: make(chan error, 1)}
	w.reqs <- r
	return <-r.err
}

// submit queues fn like update but returns at once; then (if not nil) is
// called from the writer goroutine with the outcome once the write is
// durable or has failed. Writes are committed in submission order, so a
// later update sees fn's changes.
func (w *writer) submit(fn func(*bolt.Tx) error, then func(error)) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		if then != nil {
			then(errClosed)
		}
		return
	}
	if then == nil {
		then = func(error) {}
	}
	w.reqs <- &writeReq{fn: fn, then: then}
}

func (w *writer) run() {
	defer close(w.done)
	group := make([]*writeReq, 0, maxGroup)
	for {
		select {
		case r := <-w.reqs:
			group = append(group[:0], r)
		case <-w.quit:
			return
		}
		if group[0].then != nil && w.expect != nil && w.expect() {
			var quit bool
			if group, quit = w.hold(group); quit {
				w.commit(group) // close commits the writes queued after these
				return
			}
		}
	collect:
		for len(group) < maxGroup {
			select {
			case r := <-w.reqs:
				group = append(group, r)
			default:
				break collect
			}
		}
		w.commit(group)
		clear(group)
	}
}

// hold adds to a group of records the writes that arrive next, until one
// somebody waits for arrives or holdRecords has passed (see there). quit
// is true when the writer is closing.
func (w *writer) hold(group []*writeReq) (_ []*writeReq, quit bool) {
	t := time.NewTimer(w.holdFor)
	defer t.Stop()
	for len(group) < maxGroup {
		select {
		case r := <-w.reqs:
			group = append(group, r)
			if r.then == nil {
				return group, false
			}
		case <-t.C:
			return group, false
		case <-w.quit:
			return group, true
		}
	}
	return group, false
}

// commit writes a group in one transaction, or each write alone if the
// group's transaction fails.
func (w *writer) commit(group []*writeReq) {
	if len(group) > 1 {
		err := w.db.Update(func(tx *bolt.Tx) error {
			for _, r := range group {
				if err := call(r.fn, tx); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			for _, r := range group {
				r.reply(nil)
			}
			return
		}
	}
	for _, r := range group {
		r.reply(w.db.Update(func(tx *bolt.Tx) error { return call(r.fn, tx) }))
	}
}

// call runs fn, turning a panic into an error so that a bug in one write
// fails that write, not the writer goroutine and every later write.
func call(fn func(*bolt.Tx) error, tx *bolt.Tx) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("write panicked: %v", v)
		}
	}()
	return fn(tx)
}

// close waits for the writes in flight and stops the writer.
func (w *writer) close() {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return
	}
	w.closed = true
	w.mu.Unlock()
	close(w.quit)
	<-w.done
	// Submitted writes still queued are committed before the file closes.
	var rest []*writeReq
	for {
		select {
		case r := <-w.reqs:
			rest = append(rest, r)
			continue
		default:
		}
		break
	}
	if len(rest) > 0 {
		w.commit(rest)
	}
}
