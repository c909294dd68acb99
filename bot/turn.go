package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"policybot/dialog"
	"policybot/seeds"
)

// handleTurn runs one turn on its chat's goroutine (see queue.go): the
// dialog is asked, its replies sent, and the turn's latency recorded. It
// never panics out (the dispatcher recovers anyway) and never leaves a
// button press unanswered. Unless the turn was stopped by a shutdown, its
// update is then finished in the journal.
func (b *Bot) handleTurn(ctx context.Context, t *turn) {
	if _, held := b.leftOver.Load(t.chatID); held {
		// An earlier turn of this chat stopped unfinished at shutdown:
		// this one waits for the next start too, or it would be answered
		// first.
		t.settle()
		return
	}
	defer func() {
		t.settle()
		b.metrics.turnSeconds.WithLabelValues(t.event).Observe(b.cfg.now().Sub(t.received).Seconds())
		if t.unfinished {
			b.leftOver.Store(t.chatID, true)
		} else if t.disowned {
			b.replicas.untrack(t.updateID) // the chat is another replica's now
		} else if ctx.Err() == nil {
			b.finishTurn(t)
		}
	}()
	switch t.kind {
	case turnHint:
		b.metrics.answers.WithLabelValues("hint").Inc()
		_ = b.sendPlain(ctx, t, hintText)
	case turnInline:
		results, err := b.inline(ctx, t.chatID, t.query)
		if err != nil {
			b.log.Error("dialog inline failed", "chat_id", t.chatID, "error", err)
		}
		_ = b.answerInline(ctx, t, results)
	case turnStalePress:
		b.metrics.answers.WithLabelValues("stale_button").Inc()
		b.log.Info("callback data refused", "chat_id", t.chatID)
		_ = b.answerCallback(ctx, t, staleButton)
	case turnAnswerOnly:
		_ = b.answerCallback(ctx, t, "")
	case turnEvent:
		b.dialogTurn(ctx, t)
	}
}

// dialogTurn passes the event to the dialog and delivers its replies. A
// press is answered (with the first Notice among the replies) before the
// replies are sent, so the button's spinner stops as soon as possible.
func (b *Bot) dialogTurn(ctx context.Context, t *turn) {
	if t.outbox != nil {
		// The turn committed before a restart: deliver what is left of
		// its replies; the button (if any) was answered back then or its
		// query has expired.
		b.log.Info("resuming the replies of a committed turn", "chat_id", t.chatID, "update_id", t.updateID, "delivered", t.skip)
		b.deliver(ctx, t, t.outbox)
		return
	}
	start := b.cfg.now()
	replies, err := b.handle(ctx, t)
	for n := 1; errors.Is(err, dialog.ErrNotSaved); n++ {
		if disowned(err) {
			// Another replica holds the chat now (this one was cut off
			// for longer than its lease): it answers, not this one.
			t.disowned = true
			if b.replicas != nil {
				b.replicas.disown(keyString(chatKey{id: t.chatID}))
			}
			b.log.Warn("turn dropped: another replica handles this chat now", "chat_id", t.chatID, "update_id", t.updateID)
			return
		}
		// Nothing of the turn was stored (a full disk): answering now
		// would answer from a state that is not kept, and a restart would
		// answer again. Try again later; the chat waits, the others not.
		t.settle() // the poll loop writes the update itself meanwhile
		b.health.saved(err, b.cfg.now())
		b.saveLog.log(b.log, slog.LevelError, b.cfg.now(), "turn not saved; trying again", "chat_id", t.chatID, "error", err)
		if b.pause(ctx, b.cfg.retry.backoff(n)) != nil {
			t.unfinished = true
			return
		}
		start = b.cfg.now()
		replies, err = b.handle(ctx, t)
	}
	b.logTurn(t, replies, b.cfg.now().Sub(start))
	t.settle()
	b.health.saved(nil, b.cfg.now())
	if err != nil {
		// The dialog's contract: an error means its state could not be
		// read, and whatever replies it returned are still worth
		// sending. Without any, the user gets an apology instead of
		// silence.
		b.log.Error("dialog failed", "chat_id", t.chatID, "event", t.event, "error", err)
		if len(replies) == 0 {
			replies = []dialog.Reply{{Kind: seeds.KindError, Text: errorText}}
		}
	}
	if t.callbackID != "" {
		notice := ""
		for _, r := range replies {
			if r.Notice != "" {
				notice = r.Notice
				break
			}
		}
		_ = b.answerCallback(ctx, t, notice)
	}
	b.deliver(ctx, t, replies)
}

// errStopping ends a turn that was waiting to try again when the bot began
// to shut down: its update stays in the journal for the next start.
var errStopping = errors.New("bot: stopping")

// pause waits d before a turn tries again, without holding a worker. It
// returns errStopping when the bot begins to shut down meanwhile.
func (b *Bot) pause(ctx context.Context, d time.Duration) error {
	return b.queue.rest(func() error { return b.sleepUnlessStopping(ctx, d) })
}

// expiredError is a message given up on: its calls kept failing for a
// reason that passes until RetryPolicy.GiveUpAfter was over.
type expiredError struct{ err error }

func (e *expiredError) Error() string { return "answer expired: " + e.err.Error() }
func (e *expiredError) Unwrap() error { return e.err }

// deliverMessage runs send until it succeeds, fails for good, the answer
// expires or the bot stops (errStopping; the turn is then left unfinished).
func (b *Bot) deliverMessage(ctx context.Context, t *turn, send func() error) error {
	for n := 1; ; n++ {
		err := send()
		if errors.Is(err, errStopping) {
			t.unfinished = true
			return errStopping
		}
		var ce *callError
		if err == nil || !errors.As(err, &ce) || !passing(ce.reason) {
			return err
		}
		if age := b.cfg.now().Sub(t.received); age >= b.cfg.retry.GiveUpAfter {
			b.metrics.expired.Inc()
			b.log.Warn("answer expired: Telegram did not take it in time; giving up", "chat_id", t.chatID,
				"update_id", t.updateID, "age", age.Round(time.Second), "reason", ce.reason)
			return &expiredError{err}
		}
		wait := b.cfg.retry.redeliverDelay(n, ce.retryAfter)
		b.log.Info("answer not delivered; trying again", "chat_id", t.chatID, "update_id", t.updateID,
			"reason", ce.reason, "wait", wait.Round(time.Millisecond))
		if err := b.pause(ctx, wait); err != nil {
			t.unfinished = true
			return errStopping
		}
	}
}

// deliver sends replies in order, stopping when the chat is unreachable,
// the answer expired or the bot stops.
func (b *Bot) deliver(ctx context.Context, t *turn, replies []dialog.Reply) {
	t.steps = 0
	for _, r := range replies {
		t.steps += len(renderReply(r, maxMessageUnits)) + cards(r)
	}
	for i, r := range replies {
		kind := string(r.Kind)
		if kind == "" {
			kind = "unknown"
		}
		b.metrics.answers.WithLabelValues(kind).Inc()
		err := b.sendReply(ctx, t, r)
		if errors.Is(err, errStopping) {
			return
		}
		if err != nil && endsDelivery(err) {
			for _, rest := range replies[i+1:] {
				b.abandon(t, "sendMessage", len(renderReply(rest, maxMessageUnits)))
				b.abandon(t, "sendContact", cards(rest))
			}
			return
		}
	}
}

// handle calls the dialog, turning a panic into an error so that a dialog
// bug costs one answer, not the process.
func (b *Bot) handle(ctx context.Context, t *turn) (replies []dialog.Reply, err error) {
	defer func() {
		if v := recover(); v != nil {
			b.metrics.panics.Inc()
			b.log.Error("dialog panicked", "chat_id", t.chatID, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			err = fmt.Errorf("dialog panicked: %v", v)
		}
	}()
	return b.dialog.Handle(ctx, t.chatID, t.ev)
}

// inline calls the dialog's inline search with the same protection.
func (b *Bot) inline(ctx context.Context, chatID int64, query string) (results []dialog.InlineResult, err error) {
	defer func() {
		if v := recover(); v != nil {
			b.metrics.panics.Inc()
			err = fmt.Errorf("dialog inline panicked: %v", v)
			results = nil
		}
	}()
	return b.dialog.Inline(ctx, chatID, query, inlineMax), nil
}

// logTurn writes one line per turn: what kind of answer about which
// measure, how long the dialog took. Never the message: at info level the
// log holds no user text.
func (b *Bot) logTurn(t *turn, replies []dialog.Reply, took time.Duration) {
	kind, measure := "", 0
	if len(replies) > 0 {
		kind = string(replies[0].Kind)
		if len(replies[0].Measures) > 0 {
			measure = replies[0].Measures[0]
		}
	}
	b.log.Info("turn", "turn_id", b.turnSeq.Add(1), "chat_id", t.chatID, "update_id", t.updateID, "event", t.event,
		"kind", kind, "measure", measure, "latency_ms", float64(took.Microseconds())/1000)
}
