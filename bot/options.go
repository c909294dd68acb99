package bot

import (
	"log/slog"

	"net/http"
	"policybot/dialog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Option configures a Bot in New, in the functional-option style of
// github.com/go-telegram/bot.
type Option func(*config)

// config is everything New needs; defaults come from defaultConfig.
type config struct {
	serverURL       string
	logger          *slog.Logger
	client          *http.Client
	pollTimeout     time.Duration
	registry        *prometheus.Registry
	webhookURL      string
	webhookSecret   string
	limits          Limits
	retry           RetryPolicy
	perChatQueue    int
	totalQueue      int
	shutdownTimeout time.Duration
	now             func() time.Time
	journal         dialog.Journal
	workers         int
	claims          Claims
}

// Defaults. The poll timeout is shorter than go-telegram/bot's minute so
// that a dead connection is noticed sooner; the HTTP client's own timeout
// must exceed it (the library asks for pollTimeout-1s of long polling).
const (
	DefaultServerURL       = "https://api.telegram.org"
	DefaultPollTimeout     = 30 * time.Second
	DefaultShutdownTimeout = 15 * time.Second
	DefaultPerChatQueue    = 32
	DefaultTotalQueue      = 4096
	DefaultConcurrency     = 64
)

func defaultConfig() config {
	return config{
		serverURL:       DefaultServerURL,
		pollTimeout:     DefaultPollTimeout,
		limits:          DefaultLimits(),
		retry:           DefaultRetryPolicy(),
		perChatQueue:    DefaultPerChatQueue,
		totalQueue:      DefaultTotalQueue,
		shutdownTimeout: DefaultShutdownTimeout,
		now:             time.Now,
		workers:         DefaultConcurrency,
	}
}

// WithServerURL points the bot at another Bot API server: a self-hosted
// telegram-bot-api or, in tests, telegramtest.Server.URL(). A trailing
// slash is ignored.
func WithServerURL(u string) Option {
	return func(c *config) { c.serverURL = strings.TrimRight(u, "/") }
}

// WithLogger sets the logger (default slog.Default()). Whatever handler it
// has is wrapped so that the bot token never reaches it. Message texts are
// never logged; chat ids are.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithHTTPClient sets the HTTP client for every Bot API call and the long
// poll timeout. client.Timeout, if set, must exceed pollTimeout or every
// long poll would be cut off by the client (New returns an error). Each
// call other than getUpdates also has its own per-attempt deadline, see
// RetryPolicy.RequestTimeout.
func WithHTTPClient(pollTimeout time.Duration, client *http.Client) Option {
	return func(c *config) {
		c.pollTimeout = pollTimeout
		c.client = client
	}
}

// WithRegistry registers the bot's metrics on reg instead of a registry
// of its own. The registry is served by AdminHandler's /metrics either way.
// Go runtime and process collectors are only added to the bot's own
// registry, since a caller's registry may already have them.
func WithRegistry(reg *prometheus.Registry) Option {
	return func(c *config) { c.registry = reg }
}

// WithWebhook switches Run from long polling to webhook mode: Run calls
// setWebhook with url and secret, and updates arrive through
// WebhookHandler, which answers 401 unless the request carries the
// X-Telegram-Bot-Api-Secret-Token header equal to secret. secret must be
// 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule); New
// rejects an empty or malformed one.
func WithWebhook(url, secret string) Option {
	return func(c *config) {
		c.webhookURL = url
		c.webhookSecret = secret
	}
}

// WithLimits sets the outgoing rate limits (default DefaultLimits()). A
// zero rate disables that limit; Limits{} disables them all, which is only
// sensible against a test or self-hosted server.
func WithLimits(l Limits) Option {
	return func(c *config) { c.limits = l }
}

// WithRetry sets how failed Bot API calls are retried (default
// DefaultRetryPolicy()). Zero fields keep their defaults.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) { c.retry = p }
}

// WithQueueLimits bounds the updates waiting to be handled: perChat per
// chat (further updates of a flooding chat are dropped and counted) and
// total over all chats (further updates wait, which stalls intake and so
// pushes back on Telegram). Non-positive values keep the defaults.
func WithQueueLimits(perChat, total int) Option {
	return func(c *config) {
		if perChat > 0 {
			c.perChatQueue = perChat
		}
		if total > 0 {
			c.totalQueue = total
		}
	}
}

// WithShutdownTimeout bounds how long Run waits, after its context is
// cancelled, for queued and running turns to finish (default
// DefaultShutdownTimeout). Turns still running then are cancelled.
func WithShutdownTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.shutdownTimeout = d
		}
	}
}

// WithJournal makes the bot journal every update in j before Telegram is
// told it arrived, and resume j's unfinished updates at start (see
// inbox.go). j should be the store the dialog commits its turns to, so
// that a turn's Commit marks its update answered (*store.DB is both).
// Without it the journal is in memory: a crash loses the updates received
// and not yet answered.
func WithJournal(j dialog.Journal) Option {
	return func(c *config) { c.journal = j }
}

// WithConcurrency sets how many turns may run at once over all chats
// (default DefaultConcurrency); the default HTTP client keeps as many idle
// connections to the Bot API, so sends reuse them instead of opening new
// ones. Non-positive values keep the default.
func WithConcurrency(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.workers = n
		}
	}
}
