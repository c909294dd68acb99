package bot

import (
	"context"
	"crypto/subtle"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Webhook design. go-telegram/bot's WebhookHandler checks the secret only
// if the library was given one, and answers 200 to everything, including a
// request with the wrong secret: a forged request then looks accepted. The
// bot puts its own handler in front: it answers 405 to anything but POST,
// 401 without the right X-Telegram-Bot-Api-Secret-Token (compared in
// constant time), 503 while the bot is not running (Telegram then retries
// the update later, possibly on the restarted instance), and only then
// passes the request to the library's handler, which queues the update for
// the library's worker and so for Bot.onUpdate.

// secretHeader is the header Telegram sets to the webhook's secret_token.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds a webhook body; real updates are a few KB.
const maxUpdateBytes = 1 << 20

// secretRE is Telegram's rule for secret_token.
var secretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

type webhookHandler struct {
	b      *Bot
	secret string
	lib    http.Handler

	// mu makes close wait for requests in flight: each request holds a
	// read lock while it hands its update to the library.
	mu   sync.RWMutex
	open bool
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
		h.b.metrics.webhookRejected.WithLabelValues("method").Inc()
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := r.Header.Get(secretHeader)
	if subtle.ConstantTimeCompare([]byte(got), []byte(h.secret)) != 1 {
		h.b.metrics.webhookRejected.WithLabelValues("secret").Inc()
		h.b.log.Warn("webhook request with a wrong or missing secret token", "remote", r.RemoteAddr,
			"has_secret", got != "")
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
	r.Body = http.MaxBytesReader(w, r.Body, maxUpdateBytes)
	h.lib.ServeHTTP(w, r)
}

// setOpen starts (true) or stops (false) accepting updates. Stopping waits
// for the requests in flight to hand over their updates.
func (h *webhookHandler) setOpen(open bool) {
	h.mu.Lock()
	h.open = open
	h.mu.Unlock()
}

// sentinelID marks the update flush sends through the library's handler.
// Telegram's update ids are positive.
const sentinelID = -1

// flush waits until every update the library's webhook handler has
// accepted has been passed to onUpdate. The library queues webhook updates
// in a channel read by its single worker, and StartWebhook's workers stop
// on context cancellation without draining it, so accepted updates could
// be lost on shutdown although Telegram was told 200. flush sends a
// sentinel update through the same channel; the worker handles updates in
// order, so once onUpdate sees the sentinel everything before it has been
// dispatched. Call it after setOpen(false).
func (h *webhookHandler) flush(timeout time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "/", strings.NewReader(`{"update_id":-1}`))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	h.lib.ServeHTTP(discardResponse{}, req)
	select {
	case <-h.b.flushed:
		return true
	case <-ctx.Done():
		return false
	}
}

// discardResponse is a ResponseWriter for the sentinel request.
type discardResponse struct{}

func (discardResponse) Header() http.Header         { return http.Header{} }
func (discardResponse) Write(p []byte) (int, error) { return len(p), nil }
func (discardResponse) WriteHeader(int)             {}
