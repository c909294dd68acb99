// Package bot is the thin Telegram adapter of policybot: it turns Telegram
// updates into dialog events, and the dialog's replies into Bot API calls,
// using github.com/go-telegram/bot for the wire protocol.
//
// The conversation itself lives in package dialog; this package adds what
// talking to Telegram reliably takes and the library leaves out:
//
//   - per-chat ordering with concurrency across chats (queue.go);
//   - outgoing rate limits (ratelimit.go) and retries of 429s, 5xx and
//     network errors (retry.go, client.go);
//   - HTML escaping, message splitting, keyboards, contact cards, edits,
//     inline answers (send.go);
//   - group etiquette and non-text updates (updates.go);
//   - at-least-once processing: every update journaled before Telegram is
//     told it arrived, resumed after a crash, never handled twice
//     (inbox.go, poll.go, webhook.go);
//   - an authenticated webhook endpoint and a graceful shutdown (webhook.go,
//     bot.go);
//   - Prometheus metrics and a health check (metrics.go);
//   - no bot token in any log line or error (redact.go).
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// Dialog is the conversation logic the bot drives; *dialog.Engine
// implements it. Handle is called for one chat's events strictly in order,
// for different chats concurrently; Inline may be called concurrently.
type Dialog interface {
	Handle(ctx context.Context, chatID int64, ev dialog.Event) ([]dialog.Reply, error)
	Inline(ctx context.Context, chatID int64, query string, max int) []dialog.InlineResult
}

// Bot is a running (or runnable) Telegram bot. Create it with New, start it
// with Run; WebhookHandler and AdminHandler may be served before Run.
type Bot struct {
	cfg     config
	token   string
	dialog  Dialog
	log     *slog.Logger
	red     redactor
	api     *tgbot.Bot
	http    *transport
	metrics *metrics
	limiter *limiter
	queue   *dispatcher
	webhook *webhookHandler
	journal dialog.Journal

	replicas *replicas // with WithClaims: webhook replicas (replicas.go)

	// stopping is cancelled when Run begins to shut down: turns waiting
	// to try again stop waiting and leave their updates in the journal.
	stopping context.Context
	stop     context.CancelFunc
	leftOver sync.Map // chat ids whose turns wait for the next start (turn.go)
	health   health

	// Rate-limited log lines (lograte.go).
	floodLog, saveLog, recordLog, heldLog, claimLog rateLog

	me      atomic.Pointer[identity]
	state   atomic.Int32
	started atomic.Bool
	turnSeq atomic.Uint64 // turn ids for the log
}

// Run states, for /healthz.
const (
	stateIdle int32 = iota
	stateStarting
	stateRunning
	stateStopping
	stateStopped
)

// unhealthyPollFailures is how many getUpdates failures in a row make
// /healthz report unhealthy (polling backs off 0.1s, 0.2s … 5s, so about
// 3s of failing, e.g. a 409 from a second instance polling).
const unhealthyPollFailures = 5

// New returns a bot for token (surrounding whitespace is trimmed) that
// answers with d. It makes no network call: the token is checked by Run.
// New fails on an empty token, a nil dialog, a webhook without a valid
// secret, an HTTP client whose timeout does not exceed the poll timeout,
// or metrics that cannot be registered.
func New(token string, d Dialog, opts ...Option) (*Bot, error) {
	token = strings.TrimSpace(token)
	if token == "" {
		return nil, errors.New("bot: empty token")
	}
	if d == nil {
		return nil, errors.New("bot: nil dialog")
	}
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	cfg.retry = cfg.retry.withDefaults()
	rd := newRedactor(token)

	if cfg.pollTimeout < 2*time.Second {
		return nil, fmt.Errorf("bot: poll timeout %v is too short (at least 2s)", cfg.pollTimeout)
	}
	if cfg.client == nil {
		cfg.client = &http.Client{Timeout: cfg.pollTimeout + 15*time.Second, Transport: newHTTPTransport(cfg.workers)}
	} else if cfg.client.Timeout != 0 && cfg.client.Timeout <= cfg.pollTimeout {
		return nil, fmt.Errorf("bot: HTTP client timeout %v must exceed the poll timeout %v", cfg.client.Timeout, cfg.pollTimeout)
	}
	if cfg.webhookURL != "" {
		if u, err := url.Parse(cfg.webhookURL); err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, errors.New("bot: webhook URL must be an absolute https:// URL")
		}
		if !secretRE.MatchString(cfg.webhookSecret) {
			return nil, errors.New("bot: webhook secret must be 1-256 characters of A-Z a-z 0-9 _ -")
		}
	}
	if cfg.logger == nil {
		cfg.logger = slog.Default()
	}

	b := &Bot{
		cfg:     cfg,
		token:   token,
		dialog:  d,
		log:     slog.New(newRedactHandler(cfg.logger.Handler(), rd)).With("component", "telegram"),
		red:     rd,
		http:    &transport{inner: cfg.client, now: cfg.now, red: rd},
		limiter: newLimiter(cfg.limits, cfg.now),
		journal: cfg.journal,
	}
	if b.journal == nil {
		b.journal = newMemJournal()
	}
	b.replicas = newReplicas(cfg.claims)
	b.stopping, b.stop = context.WithCancel(context.Background())
	b.queue = newDispatcher(cfg.perChatQueue, cfg.totalQueue, cfg.workers, b.handleTurn, func(v any) {
		b.metrics.panics.Inc()
		b.log.Error("turn panicked", "panic", fmt.Sprint(v))
	})
	b.queue.onIdle = b.idle
	m, err := newMetrics(cfg.registry, b.queue.stats)
	if err != nil {
		return nil, err
	}
	b.metrics = m

	api, err := tgbot.New(token,
		tgbot.WithServerURL(cfg.serverURL),
		tgbot.WithHTTPClient(cfg.pollTimeout, b.http),
		tgbot.WithSkipGetMe(),
		// The library only makes the calls: updates are received by the
		// bot itself (poll.go, webhook.go).
		tgbot.WithErrorsHandler(b.onLibError),
	)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", rd.Error(err))
	}
	b.api = api
	b.webhook = &webhookHandler{b: b, secret: cfg.webhookSecret}
	if cfg.webhookURL == "" {
		b.webhook.secret = "" // not in webhook mode: the endpoint answers 404
	}
	return b, nil
}

// Run connects to Telegram and answers updates until ctx is cancelled.
//
// Start-up: getMe (which checks the token and learns the bot's username,
// needed to recognise mentions in groups), setMyCommands from
// dialog.Commands() (a failure is logged, not fatal), then either
// deleteWebhook and long polling (the default) or setWebhook with the URL,
// secret and allowed updates given to WithWebhook, with updates arriving
// through WebhookHandler. A start-up call that fails for good (a wrong
// token gives 401) is returned as an error; one that fails for a reason
// that passes (no network, 5xx, 429) is tried again until it succeeds.
//
// Before receiving anything, the updates the journal (WithJournal) holds
// unfinished from the last run are handed to their chats' queues.
//
// Shutdown, when ctx is cancelled: stop receiving (the long poll is
// cancelled; the webhook answers 503 so Telegram retries later), wait for
// the queued and running turns to finish (at most the shutdown timeout;
// turns still running then are cancelled and stay in the journal for the
// next start), and return nil, after which the caller may close the
// dialog's store and index. Run may be called once.
func (b *Bot) Run(ctx context.Context) error {
	if !b.started.CompareAndSwap(false, true) {
		return errors.New("bot: Run called more than once")
	}
	b.state.Store(stateStarting)
	defer b.state.Store(stateStopped)
	defer b.stop()

	if err := b.startup(ctx); err != nil {
		_ = b.queue.close(time.Second, 0) // nothing was queued yet
		if ctx.Err() != nil {
			return nil // cancelled while starting: a normal stop
		}
		return err
	}
	if b.cfg.webhookURL != "" {
		return b.runWebhook(ctx)
	}
	return b.runPolling(ctx)
}

// startCall is call for the start-up calls: a failure that passes (no
// network, 5xx, 429) is tried again, with growing waits, until the call
// succeeds or ctx ends, so a bot started during an outage comes up when it
// ends; a wrong token (401) or another permanent failure is returned.
func (b *Bot) startCall(ctx context.Context, spec callSpec, fn func(ctx context.Context) error) error {
	for n := 1; ; n++ {
		err := b.call(ctx, spec, fn)
		var ce *callError
		if err == nil || !errors.As(err, &ce) || !passing(ce.reason) || ce.reason == reasonUnauthorized {
			return err
		}
		wait := b.cfg.retry.redeliverDelay(n, ce.retryAfter)
		b.log.Warn("Telegram not reachable at start-up; trying again", "method", spec.method, "reason", ce.reason, "wait", wait.Round(time.Millisecond))
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// startup makes the calls Run needs before receiving updates.
func (b *Bot) startup(ctx context.Context) error {
	var me *models.User
	err := b.startCall(ctx, callSpec{method: "getMe"}, func(ctx context.Context) error {
		var err error
		me, err = b.api.GetMe(ctx)
		return err
	})
	if err != nil {
		return fmt.Errorf("bot: checking the token with getMe: %w", err)
	}
	b.me.Store(&identity{id: me.ID, username: me.Username})
	b.log.Info("connected to Telegram", "bot_id", me.ID, "username", me.Username)

	var cmds []models.BotCommand
	for _, c := range dialog.Commands() {
		cmds = append(cmds, models.BotCommand{Command: c.Name, Description: c.Description})
	}
	if err := b.call(ctx, callSpec{method: "setMyCommands"}, func(ctx context.Context) error {
		_, err := b.api.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds})
		return err
	}); err != nil {
		b.log.Warn("command menu not set; commands still work when typed", "error", err)
	}

	if b.cfg.webhookURL != "" {
		err = b.startCall(ctx, callSpec{method: "setWebhook"}, func(ctx context.Context) error {
			_, err := b.api.SetWebhook(ctx, &tgbot.SetWebhookParams{
				URL:            b.cfg.webhookURL,
				SecretToken:    b.cfg.webhookSecret,
				AllowedUpdates: allowedUpdates,
			})
			return err
		})
		if err != nil {
			return fmt.Errorf("bot: setting the webhook: %w", err)
		}
		return nil
	}
	// getUpdates fails with 409 while a webhook is set.
	err = b.startCall(ctx, callSpec{method: "deleteWebhook"}, func(ctx context.Context) error {
		_, err := b.api.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{})
		return err
	})
	if err != nil {
		return fmt.Errorf("bot: deleting the webhook before polling: %w", err)
	}
	return nil
}

// runWebhook accepts updates through WebhookHandler until ctx is
// cancelled, after resuming the journal's unfinished ones.
func (b *Bot) runWebhook(ctx context.Context) error {
	if err := b.resume(ctx); err != nil {
		b.state.Store(stateStopping)
		return b.drainAfter(err)
	}
	b.webhook.setOpen(true)
	b.state.Store(stateRunning)
	b.log.Info("receiving updates by webhook")
	if b.replicas != nil {
		sweepCtx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			defer close(done)
			b.sweepOrphans(sweepCtx)
		}()
		defer func() { cancel(); <-done }()
	}
	<-ctx.Done()

	b.state.Store(stateStopping)
	b.stop()
	b.webhook.setOpen(false) // waits for requests in flight
	return b.drain()
}

// drainAfter drains the queues and returns err (a failed start).
func (b *Bot) drainAfter(err error) error {
	return errors.Join(err, b.drain())
}

// drain waits for the queued and running turns.
func (b *Bot) drain() error {
	chats, turns := b.queue.stats()
	if turns > 0 {
		b.log.Info("finishing turns in flight", "chats", chats, "turns", turns)
	}
	if err := b.queue.close(b.cfg.shutdownTimeout, 2*time.Second); err != nil {
		b.log.Error("shutdown incomplete", "error", err)
		return err
	}
	b.log.Info("stopped")
	return nil
}

// onLibError logs errors the library reports itself (failed polls, bad
// webhook bodies), scrubbed of the token.
func (b *Bot) onLibError(err error) {
	if err == nil {
		return
	}
	if b.state.Load() >= stateStopping && errors.Is(err, context.Canceled) {
		return
	}
	b.log.Warn("telegram library error", "error", b.red.Error(err))
}

// unhealthy returns why /healthz should fail, or "" when healthy.
func (b *Bot) unhealthy() string {
	switch b.state.Load() {
	case stateIdle, stateStarting:
		return "not running yet"
	case stateStopping, stateStopped:
		return "stopped"
	}
	var poll time.Duration
	if b.cfg.webhookURL == "" {
		poll = b.cfg.pollTimeout
		if failures, _ := b.http.pollHealth(); failures >= unhealthyPollFailures {
			return fmt.Sprintf("getUpdates failed %d times in a row", failures)
		}
	}
	return b.health.reason(b.cfg.now(), poll)
}
