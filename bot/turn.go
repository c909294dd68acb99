package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"policybot/dialog"
	"policybot/seeds"
)

// handleTurn runs one turn on its chat's goroutine (see queue.go): the
// dialog is asked, its replies sent, and the turn's latency recorded. It
// never panics out (the dispatcher recovers anyway) and never leaves a
// button press unanswered. Unless the turn was cancelled by a shutdown,
// its update is then finished in the journal.
func (b *Bot) handleTurn(ctx context.Context, t *turn) {
	defer func() {
		b.metrics.turnSeconds.WithLabelValues(t.event).Observe(b.cfg.now().Sub(t.received).Seconds())
		if ctx.Err() == nil {
			b.finishTurn(t)
		}
	}()
	switch t.kind {
	case turnHint:
		b.metrics.answers.WithLabelValues("hint").Inc()
		_ = b.sendPlain(ctx, t, hintText)
	case turnInline:
		results, err := b.inline(t.query)
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
	b.logTurn(t, replies, b.cfg.now().Sub(start))
	if err != nil {
		// The dialog's contract: an error means its state could not be
		// read or written, and whatever replies it returned are still
		// worth sending. Without any, the user gets an apology instead
		// of silence.
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

// deliver sends replies in order, stopping when the chat is unreachable.
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
		if err := b.sendReply(ctx, t, r); err != nil && chatGone(err) {
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
func (b *Bot) inline(query string) (results []dialog.InlineResult, err error) {
	defer func() {
		if v := recover(); v != nil {
			b.metrics.panics.Inc()
			err = fmt.Errorf("dialog inline panicked: %v", v)
			results = nil
		}
	}()
	return b.dialog.Inline(query, inlineMax), nil
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
	b.log.Info("turn", "turn_id", b.turnSeq.Add(1), "chat_id", t.chatID, "event", t.event,
		"kind", kind, "measure", measure, "latency_ms", float64(took.Microseconds())/1000)
}
