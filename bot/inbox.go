package bot

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// At-least-once processing. Every update is journaled durably (a
// dialog.Journal, the chat store in production) before Telegram is told
// it arrived: the next getUpdates offset in polling (poll.go), the 200 in
// webhook mode (webhook.go). Received updates are staged in memory and go
// to their chat's queue in update order at once; a turn that starts at
// once journals its update with its own Commit (no write of its own), the
// others are written together before the acknowledgement. A dialog turn's
// Commit marks its update answered together with the chat's new state and
// the replies to send; each message sent is then recorded (asynchronously,
// the last one with the update's end). At start,
// unfinished updates are taken up again before anything new: an update
// whose turn never committed is handled from its bytes; one that
// committed has only its undelivered messages sent (the turn is not run
// twice). The journal refuses an update id it has seen, so a redelivery
// (a confirmation lost in the crash, a webhook retry) is not handled twice.
//
// The one window left: a crash after Telegram accepted a message and
// before the journal recorded it (a few ms, the next group commit). That
// message is sent again after the restart: the user sees it twice.
// Nothing is ever lost.

// memJournal is the journal used without WithJournal: in memory, so it
// survives nothing, but it keeps the single code path and refuses
// redeliveries while the process lives.
type memJournal struct {
	mu      sync.Mutex
	entries map[int64]*dialog.Pending
	done    map[int64]string // finished updates' bytes
	last    int64
}

func newMemJournal() *memJournal {
	return &memJournal{entries: map[int64]*dialog.Pending{}, done: map[int64]string{}}
}

func (j *memJournal) Flush(context.Context, []int64) error { return nil }

func (j *memJournal) Stage(evs []dialog.Inbound) (fresh []dialog.Inbound, held []int64, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, ev := range evs {
		if p := j.entries[ev.ID]; p != nil {
			if !bytes.Equal(p.Raw, ev.Raw) {
				held = append(held, ev.ID)
			}
			continue
		}
		if raw, ok := j.done[ev.ID]; ok && raw == string(ev.Raw) {
			continue
		}
		delete(j.done, ev.ID)
		j.entries[ev.ID] = &dialog.Pending{Inbound: ev, Received: time.Now()}
		j.last = ev.ID // the latest, which is the highest unless the ids started over
		fresh = append(fresh, ev)
	}
	return fresh, held, nil
}

func (j *memJournal) Unfinished(context.Context) ([]dialog.Pending, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []dialog.Pending
	for _, p := range j.entries {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b dialog.Pending) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (j *memJournal) Delivered(id int64, sent int, done bool, then func(error)) {
	j.mu.Lock()
	if p := j.entries[id]; p != nil && done {
		delete(j.entries, id)
		j.done[id] = string(p.Raw)
	} else if p != nil {
		p.Sent = max(p.Sent, sent)
	}
	j.mu.Unlock()
	if then != nil {
		then(nil)
	}
}

func (j *memJournal) LastID(context.Context) (int64, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.last, nil
}

// updateID reads the update_id of a raw update.
func updateID(raw []byte) (int64, error) {
	var h struct {
		ID *int64 `json:"update_id"`
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return 0, fmt.Errorf("update is not JSON: %w", err)
	}
	if h.ID == nil || *h.ID <= 0 {
		return 0, errors.New("update has no positive update_id")
	}
	return *h.ID, nil
}

// resume hands the journal's unfinished updates to the queues, before any
// new update is received.
func (b *Bot) resume(ctx context.Context) error {
	pending, err := b.journal.Unfinished(ctx)
	if err != nil {
		return fmt.Errorf("bot: reading the update journal: %w", err)
	}
	if len(pending) > 0 {
		b.log.Info("resuming updates left unfinished by the last run", "updates", len(pending))
	}
	for i := range pending {
		if _, _, err := b.accept(ctx, &pending[i]); err != nil {
			if ctx.Err() != nil {
				return nil // stopping: the rest stay journaled
			}
			return err
		}
	}
	return nil
}

// accept classifies a journaled (or staged) update and files it in its
// chat's queue; updates that need no turn are finished at once. started
// reports that the update's turn starts at once and will make it durable
// by its own commit within moments (see Journal.Stage): t.settled is
// closed once it has tried, and the caller may wait for that instead of
// writing the update separately. It returns an error only when the bot is
// shutting down (the update stays in the journal).
func (b *Bot) accept(ctx context.Context, p *dialog.Pending) (t *turn, started bool, err error) {
	var u models.Update
	if err := json.Unmarshal(p.Raw, &u); err != nil {
		b.log.Warn("update ignored: unreadable", "update_id", p.ID, "error", err)
		b.finish(p.ID)
		return nil, false, nil
	}
	typ := updateType(&u)
	b.metrics.updates.WithLabelValues(typ).Inc()
	me := b.me.Load()
	if me == nil {
		me = &identity{}
	}
	key, t, ignore := classify(&u, *me, b.cfg.now())
	if ignore != "" {
		b.metrics.ignored.WithLabelValues(ignore).Inc()
		b.log.Debug("update ignored", "type", typ, "reason", ignore)
		b.finish(p.ID)
		return nil, false, nil
	}
	t.updateID, t.skip = p.ID, p.Sent
	if !p.Received.IsZero() {
		t.received = p.Received // the answer's age counts from the first arrival
	}
	if p.Answered {
		t.outbox = p.Replies
		if t.outbox == nil {
			t.outbox = []dialog.Reply{}
		}
	}
	t.ev.ID = p.ID
	if t.kind == turnEvent && t.outbox == nil {
		t.settled = make(chan struct{})
	}
	started, err = b.queue.enqueue(ctx, key, t)
	switch {
	case err == nil:
		return t, started && t.settled != nil, nil
	case errors.Is(err, errChatFlooded):
		// Deliberately dropped (and finished): a chat sending faster than
		// it can be answered loses its excess, not everyone's latency.
		b.metrics.dropped.WithLabelValues("chat_flooded").Inc()
		b.floodLog.log(b.log, slog.LevelWarn, b.cfg.now(), "update dropped: too many waiting in this chat", "chat_id", t.chatID)
		b.finish(p.ID)
		return nil, false, nil
	default:
		b.metrics.dropped.WithLabelValues("shutdown").Inc()
		b.log.Info("update left in the journal for the next start", "chat_id", t.chatID, "error", err)
		return nil, false, err
	}
}

// finish records that update id needs nothing more.
func (b *Bot) finish(id int64) {
	b.record(id, 0, true, nil)
}

// finishTurn finishes a turn's update, which also records its last
// message (see step).
func (b *Bot) finishTurn(t *turn) {
	n := t.unmarked
	b.record(t.updateID, t.sent, true, func() { b.metrics.delivered.Add(float64(n)) })
}

// record writes a delivery record (Journal.Delivered) without waiting for
// it, and calls ok once it is durable. A record that cannot be written (a
// full disk) is tried again with backoff until it is, so that no message
// is sent twice after a restart for want of it; records only move forward,
// so a late one never undoes a later one. When the bot has stopped, a
// failed record is given up with a log line.
func (b *Bot) record(id int64, sent int, done bool, ok func()) {
	var try func(n int)
	try = func(n int) {
		b.journal.Delivered(id, sent, done, func(err error) {
			b.health.saved(err, b.cfg.now())
			if err == nil {
				if done && b.replicas != nil {
					b.finished(id)
				}
				if ok != nil {
					ok()
				}
				return
			}
			if b.state.Load() == stateStopped {
				b.log.Error("could not record a delivery; the message may be sent again after a restart", "update_id", id, "error", err)
				return
			}
			b.recordLog.log(b.log, slog.LevelError, b.cfg.now(), "could not record a delivery; trying again", "update_id", id, "error", err)
			time.AfterFunc(b.cfg.retry.backoff(n), func() { try(n + 1) })
		})
	}
	try(1)
}

// step delivers one message of a turn, unless it was delivered before a
// restart, and records it in the journal. The steps of a turn are the
// same on every run (rendering is deterministic), so counting them is
// enough to know where to resume. A message whose call fails for a reason
// that passes is tried again (see deliverMessage); a message that failed
// for good, or expired, is counted: it is not retried forever. A message
// not delivered because the bot stops is not counted: it is sent after
// the restart.
func (b *Bot) step(ctx context.Context, t *turn, send func() error) error {
	if t.skip > 0 {
		t.skip--
		t.sent++
		return nil
	}
	err := b.deliverMessage(ctx, t, send)
	if errors.Is(err, errStopping) || ctx.Err() != nil && err != nil {
		return err
	}
	t.sent++
	if t.updateID == 0 {
		return err
	}
	if t.sent == t.steps {
		// The last message: finishTurn records it with the update's end,
		// one write instead of two.
		if err == nil {
			t.unmarked++
		}
		return err
	}
	ok := func() {}
	if err == nil {
		ok = b.metrics.delivered.Inc
	}
	b.record(t.updateID, t.sent, false, ok)
	return err
}
