package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"policybot/dialog"
)

// Long polling. go-telegram/bot's polling loop confirms a batch (by asking
// for the next one) as soon as its handler has been called for every
// update in it, before any turn has run, so a crash lost every update
// fetched but not yet answered. The bot runs its own loop instead: a batch
// is durable in the journal before the next getUpdates confirms it. The
// offset starts after the highest update ever journaled, so a batch that
// was journaled but never confirmed is not handled twice either.
//
// Making a batch durable costs no write of its own for an update whose
// turn starts at once: the turn's commit journals it, and the loop waits
// for that commit (a few ms) before polling again. The others (a chat
// still busy, an update ignored, no worker free) are written together in
// one transaction. So a quiet chat's turn has one fsync'd commit, not two.

// maxUpdateBytes bounds a getUpdates response and a webhook body.
const maxUpdateBytes = 1 << 20

// maxPollBytes bounds a getUpdates response: up to 100 updates.
const maxPollBytes = 100 * maxUpdateBytes

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
	offset := int64(0)
	if last > 0 {
		offset = last + 1
	}
	failures := 0
	for ctx.Err() == nil {
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
			continue
		}
		evs := make([]dialog.Inbound, 0, len(raws))
		next := offset
		for _, raw := range raws {
			id, err := updateID(raw)
			if err != nil {
				b.log.Warn("update ignored: no update_id", "error", err)
				continue
			}
			evs = append(evs, dialog.Inbound{ID: id, Raw: raw})
			next = max(next, id+1)
		}
		fresh, err := b.journal.Stage(evs)
		if err != nil {
			// Not confirmed: Telegram keeps the batch and hands it out
			// again.
			b.log.Error("could not journal updates; fetching them again", "error", err)
			_ = sleep(ctx, pollBackoff(1))
			continue
		}
		var prompt, rest []int64
		for i := range fresh {
			ok, err := b.accept(ctx, &dialog.Pending{Inbound: fresh[i]})
			if ok && err == nil {
				prompt = append(prompt, fresh[i].ID)
			} else {
				rest = append(rest, fresh[i].ID)
			}
		}
		if !b.makeDurable(ctx, prompt, rest) {
			break
		}
		offset = next
	}
	b.state.Store(stateStopping)
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

// makeDurable returns once the updates of a batch are durable: prompt ones
// by their turns' commits, the rest written now. On a write error it
// retries (the journal keeps them staged) until it succeeds or, at
// shutdown, makes a last attempt and reports false.
func (b *Bot) makeDurable(ctx context.Context, prompt, rest []int64) bool {
	bg := context.WithoutCancel(ctx)
	err := b.journal.Flush(bg, rest)
	if err == nil {
		// A prompt turn cancelled by shutdown never commits: then write it.
		if werr := b.journal.WaitDurable(ctx, prompt); werr != nil {
			err = b.journal.Flush(bg, prompt)
		}
	}
	for n := 1; err != nil; n++ {
		b.log.Error("could not journal updates; not confirming them to Telegram yet", "error", err)
		if ctx.Err() != nil {
			return false
		}
		_ = sleep(ctx, pollBackoff(n))
		err = b.journal.Flush(bg, append(rest, prompt...))
	}
	return true
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
