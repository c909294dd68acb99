package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"time"

	"policybot/dialog"
)

// Long polling. go-telegram/bot's polling loop confirms a batch (by asking
// for the next one) as soon as its handler has been called for every
// update in it, before any turn has run, so a crash lost every update
// fetched but not yet answered. The bot runs its own loop instead: a batch
// is durable in the journal before the next getUpdates confirms it.
//
// Making a batch durable costs no write of its own for an update whose
// turn starts at once: the turn's commit journals it, and the loop waits
// for that commit (a few ms) before polling again. The others (a chat
// still busy, an update ignored, no worker free) are written together in
// one transaction. So a quiet chat's turn has one fsync'd commit, not two.
// A turn whose commit fails (a full disk) tries again later, holding up
// only its chat; the loop then writes its update itself, and keeps trying
// until it can (/healthz says why meanwhile), never waiting for a commit
// that may not come.
//
// Offsets. Update ids are not one sequence forever: a reinstalled
// self-hosted Bot API server starts its own, and Telegram picks a random
// next id after a week without updates. An offset confirms every update
// below it, so an offset taken from the journal (or from a batch long ago)
// would silently confirm a new, lower sequence away. The loop therefore
// sends an offset only to confirm the batch it has just made durable; the
// first poll and every poll after an empty one go without, which confirms
// nothing and returns the oldest pending updates (the journal drops those
// it has seen). Ids below the journal's last one are logged, once.

// maxUpdateBytes bounds a getUpdates response and a webhook body.
const maxUpdateBytes = 1 << 20

// maxPollBytes bounds a getUpdates response: up to 100 updates.
const maxPollBytes = 100 * maxUpdateBytes

// promptWait bounds how long the loop waits for a turn that was to start
// at once to try its commit (it may have had to wait for a worker after
// all) before writing its update itself.
const promptWait = time.Second

// runPolling polls until ctx is cancelled, then drains the queues.
func (b *Bot) runPolling(ctx context.Context) error {
	last, err := b.journal.LastID(ctx)
	if err != nil {
		return fmt.Errorf("bot: reading the update journal: %w", err)
	}
	if err := b.resume(ctx); err != nil {
		b.state.Store(stateStopping)
		return b.drainAfter(err)
	}
	b.state.Store(stateRunning)
	b.log.Info("polling for updates")
	seq := sequence{last: last}
	offset, failures := int64(0), 0
	for ctx.Err() == nil {
		b.health.stepped(b.cfg.now())
		raws, err := b.getUpdates(ctx, offset)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			failures++
			b.log.Warn("getUpdates failed", "error", b.red.Error(err), "failures", failures)
			_ = sleep(ctx, pollBackoff(failures))
			continue
		}
		failures = 0
		if len(raws) == 0 {
			offset = 0 // the poll confirmed everything before its offset
			continue
		}
		next, ok := b.takeBatch(ctx, raws, &seq)
		if !ok {
			break
		}
		offset = next
	}
	b.state.Store(stateStopping)
	b.stop()
	if offset > 0 {
		// Confirm the last batch, so the next start is not offered it
		// again (it would be refused by the journal anyway).
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := b.http.confirmOffset(cctx, b.cfg.serverURL, b.token, offset)
		cancel()
		if err != nil {
			b.log.Info("could not confirm the last updates; the journal will refuse them if they come again", "error", b.red.Error(err))
		}
	}
	return b.drain()
}

// sequence follows the update ids the loop receives, to notice (once) that
// they went below the journal's last one.
type sequence struct {
	last   int64 // the highest id seen: the journal's at start, then the batches'
	warned bool
}

// takeBatch journals a batch, hands its fresh updates to their chats and
// returns once the batch is durable, with the offset that confirms it
// (not beyond an update the journal holds back). ok is false when the bot
// stopped before the batch was durable: it is then not confirmed.
func (b *Bot) takeBatch(ctx context.Context, raws []json.RawMessage, seq *sequence) (offset int64, ok bool) {
	evs := make([]dialog.Inbound, 0, len(raws))
	for _, raw := range raws {
		id, err := updateID(raw)
		if err != nil {
			b.log.Warn("update ignored: no update_id", "error", err)
			continue
		}
		evs = append(evs, dialog.Inbound{ID: id, Raw: raw, Key: b.orderKey(raw)})
		offset = max(offset, id+1)
	}
	fresh, held, err := b.journal.Stage(evs)
	for n := 1; err != nil; n++ {
		b.health.saved(err, b.cfg.now())
		b.saveLog.log(b.log, slog.LevelError, b.cfg.now(), "could not read the update journal; not confirming the updates", "error", err)
		if sleep(ctx, pollBackoff(n)) != nil {
			return 0, false
		}
		fresh, held, err = b.journal.Stage(evs)
	}
	// A batch fetched again after a crash may hold ids below the last one
	// that were never journaled, next to ones that were: not a new sequence.
	redelivered := len(evs) > len(fresh)+len(held)
	for _, ev := range fresh {
		if ev.ID < seq.last && !seq.warned && !redelivered {
			seq.warned = true
			b.log.Warn("update ids went below the journal's last one: the Bot API started a new sequence (another or reinstalled Bot API server, or a week without updates); following it",
				"update_id", ev.ID, "journal_last", seq.last)
		}
		seq.last = max(seq.last, ev.ID)
	}
	var prompt []*turn
	var rest []int64
	for i := range fresh {
		t, started, err := b.accept(ctx, &dialog.Pending{Inbound: fresh[i]})
		if started && err == nil {
			prompt = append(prompt, t)
		} else {
			rest = append(rest, fresh[i].ID)
		}
	}
	if !b.makeDurable(ctx, prompt, rest) {
		return 0, false
	}
	if len(held) > 0 {
		// Their ids are still in use by unfinished updates of an earlier
		// sequence: fetch them again once those are done.
		b.heldLog.log(b.log, slog.LevelWarn, b.cfg.now(), "updates held back: their ids are still in use by unfinished updates of an earlier sequence", "updates", len(held))
		offset = min(offset, slices.Min(held))
		_ = sleep(ctx, pollBackoff(3))
	}
	return offset, true
}

// makeDurable returns once the updates of a batch are durable: those of
// prompt turns by the turns' commits (or, when a commit failed or is slow
// to come, written here), the rest written here. On a write error it
// retries, while /healthz reports it, until it succeeds or, at shutdown,
// reports false.
func (b *Bot) makeDurable(ctx context.Context, prompt []*turn, rest []int64) bool {
	bg := context.WithoutCancel(ctx)
	err := b.journal.Flush(bg, rest)
	ids := rest
	if err == nil {
		b.awaitCommits(ctx, prompt)
		ids = slices.Clip(rest)
		for _, t := range prompt {
			ids = append(ids, t.updateID)
		}
		err = b.journal.Flush(bg, ids)
	}
	for n := 1; err != nil; n++ {
		b.health.saved(err, b.cfg.now())
		b.saveLog.log(b.log, slog.LevelError, b.cfg.now(), "could not journal updates; not confirming them to Telegram yet", "error", err)
		if ctx.Err() != nil {
			return false
		}
		_ = sleep(ctx, pollBackoff(n))
		err = b.journal.Flush(bg, ids)
	}
	if len(ids) > 0 {
		b.health.saved(nil, b.cfg.now())
	}
	return true
}

// awaitCommits waits until each of the prompt turns has tried its commit,
// at most promptWait in all, or until ctx is done. Without a durable
// journal there is nothing to wait for.
func (b *Bot) awaitCommits(ctx context.Context, prompt []*turn) {
	if _, mem := b.journal.(*memJournal); mem || len(prompt) == 0 {
		return
	}
	wait := time.NewTimer(promptWait)
	defer wait.Stop()
	for _, t := range prompt {
		select {
		case <-t.settled:
		case <-wait.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// pollBackoff is the wait after n failed polls in a row: 0.1s doubling to 5s.
func pollBackoff(n int) time.Duration {
	d := 100 * time.Millisecond << min(n-1, 6)
	return min(d, 5*time.Second)
}

// getUpdates makes one long poll and returns the raw updates.
func (b *Bot) getUpdates(ctx context.Context, offset int64) ([]json.RawMessage, error) {
	wait := max(int(b.cfg.pollTimeout/time.Second)-1, 1)
	body, _ := json.Marshal(struct {
		Offset  int64    `json:"offset,omitempty"`
		Timeout int      `json:"timeout"`
		Allowed []string `json:"allowed_updates"`
	}{offset, wait, allowedUpdates})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.cfg.serverURL+"/bot"+b.token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("getUpdates: %w", b.red.Error(err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := b.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("getUpdates: %w", err)
	}
	defer resp.Body.Close()
	var r struct {
		OK          bool              `json:"ok"`
		Result      []json.RawMessage `json:"result"`
		ErrorCode   int               `json:"error_code"`
		Description string            `json:"description"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxPollBytes)).Decode(&r); err != nil {
		return nil, fmt.Errorf("getUpdates: HTTP %d, unreadable response: %w", resp.StatusCode, err)
	}
	if !r.OK {
		return nil, fmt.Errorf("getUpdates: %s (%s)", r.Description, strconv.Itoa(r.ErrorCode))
	}
	return r.Result, nil
}
