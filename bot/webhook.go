package bot

import (
	"context"
	"crypto/subtle"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"sync"
	"time"

	"policybot/dialog"
)

// Webhook design. The bot serves Telegram's POSTs itself (go-telegram/bot's
// handler answers 200 to everything, a forged request included, and queues
// the update in memory, so an update acknowledged with 200 could be lost
// in a crash). This handler answers 405 to anything but POST, 401 without
// the right X-Telegram-Bot-Api-Secret-Token (compared in constant time),
// 503 while the bot is not running (Telegram then retries the update
// later, possibly on the restarted instance), 400 to a body that is not an
// update; otherwise it journals the update durably and only then answers
// 200 and files it in its chat's queue. If the journal fails (a full disk)
// it answers 500 and Telegram retries; an update whose id is still in use
// by an unfinished one of an earlier id sequence gets 503 until that one is
// finished.
//
// Rejected requests are logged at most once per logEvery (a flood of
// forged requests must not flood the log), and a body is never logged.

// secretHeader is the header Telegram sets to the webhook's secret_token.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// secretRE is Telegram's rule for secret_token.
var secretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

type webhookHandler struct {
	b      *Bot
	secret string

	// mu makes setOpen(false) wait for requests in flight: each request
	// holds a read lock while it journals and files its update.
	mu   sync.RWMutex
	open bool

	rejectLog rateLog
}

// WebhookHandler returns the handler for Telegram's webhook requests. Serve
// it (on any path) behind the HTTPS endpoint given to WithWebhook; Run
// registers that URL with setWebhook. Without WithWebhook it answers 404.
func (b *Bot) WebhookHandler() http.Handler { return b.webhook }

func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.secret == "" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		h.reject(r, "method")
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := r.Header.Get(secretHeader)
	if subtle.ConstantTimeCompare([]byte(got), []byte(h.secret)) != 1 {
		h.reject(r, "secret")
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	if !h.open {
		h.b.metrics.webhookRejected.WithLabelValues("not_running").Inc()
		w.Header().Set("Retry-After", "5")
		http.Error(w, "not running", http.StatusServiceUnavailable)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxUpdateBytes))
	if err != nil {
		h.reject(r, "body")
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	id, err := updateID(raw)
	if err != nil {
		h.reject(r, "body")
		http.Error(w, "not an update", http.StatusBadRequest)
		return
	}
	fresh, held, err := h.b.journal.Stage([]dialog.Inbound{{ID: id, Raw: raw, Key: h.b.orderKey(raw)}})
	if err == nil && len(held) > 0 {
		// Its id is still in use by an unfinished update of an earlier
		// sequence (see Journal.Stage): Telegram retries it later.
		h.b.heldLog.log(h.b.log, slog.LevelWarn, h.b.cfg.now(), "webhook update held back: its id is still in use by an unfinished update of an earlier sequence", "update_id", id)
		w.Header().Set("Retry-After", "5")
		http.Error(w, "try again later", http.StatusServiceUnavailable)
		return
	}
	if err == nil {
		// As in polling (poll.go): a turn that starts at once journals
		// its update with its own commit, and the request waits for it to
		// try; anything else (and a turn whose commit failed) is written
		// now. A redelivery (not fresh) is written if it is still staged.
		switch {
		case len(fresh) == 1 && h.b.replicas != nil && fresh[0].Key != "":
			// Handled here only while this replica holds the chat.
			if t, started, _ := h.b.take(h.b.stopping, fresh[0]); started {
				h.b.awaitCommits(h.b.stopping, []*turn{t})
			}
		case len(fresh) == 1:
			if t, started, _ := h.b.accept(h.b.stopping, &dialog.Pending{Inbound: fresh[0]}); started {
				h.b.awaitCommits(h.b.stopping, []*turn{t})
			}
		}
		err = h.b.journal.Flush(context.WithoutCancel(r.Context()), []int64{id})
		h.b.health.saved(err, h.b.cfg.now())
	}
	if err != nil {
		h.b.health.saved(err, h.b.cfg.now())
		h.b.saveLog.log(h.b.log, slog.LevelError, h.b.cfg.now(), "could not journal a webhook update; Telegram will retry it", "update_id", id, "error", err)
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// reject counts a refused request and logs it at most once per logEvery.
// Only the reason and the remote address are logged, never the body.
func (h *webhookHandler) reject(r *http.Request, reason string) {
	h.b.metrics.webhookRejected.WithLabelValues(reason).Inc()
	h.rejectLog.log(h.b.log, slog.LevelWarn, time.Now(), "webhook request rejected", "reason", reason, "remote", r.RemoteAddr)
}

// setOpen starts (true) or stops (false) accepting updates. Stopping waits
// for the requests in flight to journal and file their updates.
func (h *webhookHandler) setOpen(open bool) {
	h.mu.Lock()
	h.open = open
	h.mu.Unlock()
}
