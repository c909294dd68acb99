package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"policybot/bot"
	"policybot/bot/admin"
	"policybot/dialog/store"
)

const serveUsage = `usage: policybot serve [flags]

Run the Telegram bot. The token comes from --token-file, otherwise from the
TELEGRAM_BOT_TOKEN environment variable; it is read once and never printed.

Updates arrive by long polling (the default: no inbound port needed) or, with
--webhook-url, by webhook: Telegram POSTs to that HTTPS URL, a TLS reverse
proxy forwards to --listen, and requests without the webhook secret are
refused with 401. Without --webhook-secret a random secret is made per run.

Nothing is given up on quickly: a turn that cannot be saved (a full disk)
waits and is tried again, and an answer Telegram does not take (an outage,
5xx, 429, a revoked token) is tried again with growing waits, across
restarts, for --answer-expiry-hours; then it is logged and counted as expired.

The admin listener (--admin-listen; keep it private) serves
  GET  /healthz  200 "ok" while updates are being received and saved, else
                 503 with the reason (back to 200 by itself once it passes)
  GET  /metrics  Prometheus metrics
  POST /reload   re-read the seeds and lexicon and swap the index in (also on SIGHUP)
  GET  /backup   a consistent snapshot of the chat store (policybot backup uses it)
  GET  /         the review page: unanswered questions become examples
Every route but /healthz needs the admin token (POLICYBOT_ADMIN_TOKEN or
--admin-token-file) as "Authorization: Bearer <token>" or through the page's
login form; without a token only /healthz and /metrics are served, and the
admin listener may only be bound to a loopback address.

The chat store is policybot.db in --data-dir, or with --store
etcd://host:2379,… an etcd cluster that several replicas share (TLS and auth
with the --etcd-* flags; deploy/README.md section 3b): webhook replicas
behind a load balancer each handle the chats they claim; polling replicas
elect a leader that polls while the others stand by.

SIGINT or SIGTERM: stop receiving, finish the answers in flight, exit.

Examples:
  TELEGRAM_BOT_TOKEN=123456:ABC… policybot serve --log-format text
  policybot serve --token-file /run/secrets/telegram-token \
      --webhook-url https://bot.example.org/telegram --listen 127.0.0.1:8443`

// earlyHangup receives SIGHUP from package initialization on, before main
// and long before the index is loaded: SIGHUP's default action kills the
// process, and an operator's (or logrotate's) reload can come at any
// moment after start. Only the runtime's own start-up, before any Go code
// runs, is left uncovered. Other commands keep SIGHUP's default.
var earlyHangup = catchHangup(os.Args)

func catchHangup(args []string) chan os.Signal {
	if len(args) < 2 || args[1] != "serve" {
		return nil
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	return c
}

// serveShutdownTimeout bounds closing the HTTP listeners after the bot has
// stopped (a /backup download in progress gets this long to finish).
const serveShutdownTimeout = 10 * time.Second

func runServe(env *environment, args []string) error {
	c, err := parseServeFlags(env, args)
	if err != nil {
		return err
	}
	logger, err := serveLogger(env.stderr, c.logFormat)
	if err != nil {
		return err
	}
	hup := earlyHangup
	if hup == nil { // not started as "policybot serve" (tests call runServe)
		hup = make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
	}
	defer signal.Stop(hup)
	token, err := readToken(c.tokenFile)
	if err != nil {
		return err
	}
	opts, err := c.botOptions(logger)
	if err != nil {
		return err
	}
	adminToken, err := serveAdminToken(c.adminTokenFile, c.adminListen)
	if err != nil {
		return err
	}
	// Listen before the slow start (index, dictionaries) so a busy port
	// fails at once.
	adminLn, hookLn, err := c.listen()
	if err != nil {
		return err
	}
	defer adminLn.Close()
	if hookLn != nil {
		defer hookLn.Close()
	}
	a, b, err := c.openBot(env, logger, token, opts)
	if err != nil {
		return err
	}
	defer func() {
		if err := a.Close(); err != nil {
			logger.Error("closing the index and store", "error", err)
		}
	}()
	adminH, err := newAdminHandler(b, a, adminToken, c.adminListen, logger)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(env.ctx)
	defer cancel()
	svc := &services{cancel: cancel, logger: logger}
	adminSrv := admin.NewServer(adminH)
	svc.serveHTTP("admin", adminSrv, adminLn)
	var hookSrv *http.Server
	if hookLn != nil {
		hookSrv = webhookServer(b.WebhookHandler(), logger)
		svc.serveHTTP("webhook", hookSrv, hookLn)
	}
	svc.startBackground(ctx, a, hup, time.Duration(c.retentionDays)*24*time.Hour)
	if hookLn != nil {
		logger.Info("serving", "admin", adminLn.Addr().String(), "webhook_listen", hookLn.Addr().String(), "webhook_url", c.webhookURL)
	} else {
		logger.Info("serving", "admin", adminLn.Addr().String(), "mode", "long polling")
	}

	// Run returns once ctx is cancelled (signal or a failed listener) and
	// the answers in flight are done; only then are the listeners closed
	// and, by the deferred Close, the store and index.
	runErr := runBot(ctx, b, a, c.webhookURL == "", logger)
	cancel()
	shutdownServers(hookSrv, adminSrv)
	return errors.Join(runErr, svc.wait())
}

// serveConfig is serve's command line.
type serveConfig struct {
	app                                                      appFlags
	tokenFile, webhookURL, webhookSecret, listenAddr, apiURL string
	adminListen, logFormat, adminTokenFile                   string
	retentionDays, expiryHours                               int
}

// parseServeFlags parses serve's flags (and their environment variables);
// serve takes no arguments.
func parseServeFlags(env *environment, args []string) (*serveConfig, error) {
	fs := newFlagSet("serve", serveUsage, env.stderr)
	app := addAppFlags(fs)
	tokenFile := fs.string("token-file", "", "file holding the bot token (one line); empty = use $TELEGRAM_BOT_TOKEN")
	webhookURL := fs.string("webhook-url", "", "public HTTPS URL Telegram posts updates to; empty = long polling")
	webhookSecret := fs.string("webhook-secret", "", "webhook secret, 1-256 characters of A-Z a-z 0-9 _ - (empty = random per run)")
	listen := fs.string("listen", "127.0.0.1:8443", "address of the webhook listener (webhook mode only; it belongs behind a TLS proxy on the same host)")
	apiURL := fs.string("api-url", bot.DefaultServerURL, "Bot API server (e.g. a self-hosted telegram-bot-api)")
	adminListen := fs.string("admin-listen", "127.0.0.1:9090", "address of the admin listener: /healthz, /metrics, /reload, /backup")
	logFormat := fs.string("log-format", "json", "log format: text or json")
	retentionDays := fs.intMin("retention-days", int(store.DefaultRetention/(24*time.Hour)), 1, "days logged questions and votes are kept; an hourly sweep removes older ones and expired chat states")
	expiryHours := fs.intMin("answer-expiry-hours", int(bot.DefaultRetryPolicy().GiveUpAfter/time.Hour), 1, "hours an answer Telegram does not take (outage, 5xx, 429, revoked token) is tried again, across restarts, before it is given up as expired")
	adminTokenFile := fs.string("admin-token-file", "", "file holding the admin token (one line, at least 24 characters, 8 of them different: openssl rand -hex 32); empty = use $POLICYBOT_ADMIN_TOKEN")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usageError("serve takes no arguments (got %q)", strings.Join(fs.Args(), " "))
	}
	return &serveConfig{app: app, tokenFile: *tokenFile, webhookURL: *webhookURL, webhookSecret: *webhookSecret,
		listenAddr: *listen, apiURL: *apiURL, adminListen: *adminListen, logFormat: *logFormat,
		adminTokenFile: *adminTokenFile, retentionDays: *retentionDays, expiryHours: *expiryHours}, nil
}

// botOptions are the bot's options from the command line: the webhook
// (its URL must be https; without a secret a random one is made for this
// run), the Bot API server, the logger and the retry limit.
func (c *serveConfig) botOptions(logger *slog.Logger) ([]bot.Option, error) {
	var opts []bot.Option
	if c.webhookURL != "" {
		if u, err := url.Parse(c.webhookURL); err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, usageError("--webhook-url must be an https:// URL (Telegram delivers webhooks over HTTPS only)")
		}
		secret := c.webhookSecret
		if secret == "" {
			var err error
			if secret, err = randomSecret(); err != nil {
				return nil, err
			}
			logger.Info("no --webhook-secret given: using a random secret for this run")
		}
		opts = append(opts, bot.WithWebhook(c.webhookURL, secret))
	}
	return append(opts, bot.WithServerURL(c.apiURL), bot.WithLogger(logger),
		bot.WithRetry(bot.RetryPolicy{GiveUpAfter: time.Duration(c.expiryHours) * time.Hour})), nil
}

// listen opens the admin listener and, in webhook mode, the webhook
// listener (nil when polling). On error nothing is left open.
func (c *serveConfig) listen() (adminLn, hookLn net.Listener, err error) {
	if adminLn, err = net.Listen("tcp", c.adminListen); err != nil {
		return nil, nil, fmt.Errorf("admin listener: %w", err)
	}
	if c.webhookURL != "" {
		if hookLn, err = net.Listen("tcp", c.listenAddr); err != nil {
			adminLn.Close()
			return nil, nil, fmt.Errorf("webhook listener: %w", err)
		}
	}
	return adminLn, hookLn, nil
}

// openBot opens the app (index and chat store; webhook replicas on etcd
// share the chats by claims) and the bot on it with opts, the store
// journalling its updates. The caller closes the app.
func (c *serveConfig) openBot(env *environment, logger *slog.Logger, token string, opts []bot.Option) (*app, *bot.Bot, error) {
	var etcdOpts []store.EtcdOption
	if c.webhookURL != "" {
		etcdOpts = append(etcdOpts, store.WithClaims()) // replicas share the chats (bot/replicas.go)
	}
	a, err := openApp(env, c.app, logger, etcdOpts)
	if err != nil {
		return nil, nil, err
	}
	// The chat store journals the updates too, so that a turn's commit
	// marks its update answered (see bot/inbox.go).
	opts = append(opts, bot.WithJournal(a.store))
	if a.etcd != nil && c.webhookURL != "" {
		opts = append(opts, bot.WithClaims(a.etcd))
	}
	b, err := bot.New(token, a.engine, opts...)
	if err != nil {
		if cerr := a.Close(); cerr != nil {
			logger.Error("closing the index and store", "error", cerr)
		}
		return nil, nil, err
	}
	return a, b, nil
}

// webhookServer is the HTTP server of the webhook listener, with timeouts
// for a listener behind a TLS proxy.
func webhookServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelDebug)}
}

// services are serve's goroutines besides the bot: the HTTP listeners and
// the background work. A listener that fails cancels the run (without it
// the bot is not worth running) and its error is kept for wait.
type services struct {
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error
	cancel context.CancelFunc
	logger *slog.Logger
}

// run runs fn in a goroutine that wait waits for.
func (s *services) run(fn func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		fn()
	}()
}

// serveHTTP serves srv on ln until srv is shut down.
func (s *services) serveHTTP(name string, srv *http.Server, ln net.Listener) {
	s.run(func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.logger.Error(name+" listener failed", "error", err)
			s.mu.Lock()
			s.err = errors.Join(s.err, fmt.Errorf("%s listener: %w", name, err))
			s.mu.Unlock()
			s.cancel()
		}
	})
}

// startBackground runs, until ctx is done: reloads on SIGHUP, the hourly
// retention sweep of entries older than retention and, on etcd, following
// the examples other replicas add.
func (s *services) startBackground(ctx context.Context, a *app, hup <-chan os.Signal, retention time.Duration) {
	s.run(func() { reloadOnHangup(ctx, hup, a, s.logger) })
	s.run(func() { a.store.RunRetention(ctx, time.Hour, retention) })
	if a.etcd != nil {
		s.run(func() { a.followSharedExamples(ctx) })
	}
}

// wait waits for every goroutine and returns the listeners' errors.
func (s *services) wait() error {
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// shutdownServers shuts the webhook server (nil when polling) and the
// admin server down, within serveShutdownTimeout.
func shutdownServers(hookSrv, adminSrv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if hookSrv != nil {
		hookSrv.Shutdown(ctx)
	}
	adminSrv.Shutdown(ctx)
}

// serveLogger returns the logger for serve: text or JSON lines on w.
func serveLogger(w io.Writer, format string) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	default:
		return nil, usageError("--log-format must be text or json, not %q", format)
	}
}

// readToken reads the bot token from path, or from $TELEGRAM_BOT_TOKEN when
// path is empty, trimmed. Errors never include the token.
func readToken(path string) (string, error) {
	var token string
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("reading the token file: %w", err)
		}
		token = strings.TrimSpace(string(b))
		if token == "" {
			return "", fmt.Errorf("token file %s is empty", path)
		}
	} else {
		token = strings.TrimSpace(os.Getenv("TELEGRAM_BOT_TOKEN"))
		if token == "" {
			return "", usageError("no bot token: pass --token-file (or set POLICYBOT_TOKEN_FILE) or set TELEGRAM_BOT_TOKEN")
		}
	}
	if strings.ContainsAny(token, " \t\r\n") {
		return "", errors.New("the bot token contains whitespace; the token file must hold the token alone")
	}
	return token, nil
}

// randomSecret returns 32 random bytes in hex, which satisfies Telegram's
// secret_token alphabet.
func randomSecret() (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("generating a webhook secret: %w", err)
	}
	return hex.EncodeToString(buf), nil
}

// reloadOnHangup reloads the guide on every SIGHUP until ctx is done.
func reloadOnHangup(ctx context.Context, hup <-chan os.Signal, a *app, logger *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			changed, err := a.reload()
			if err != nil {
				logger.Error("reload on SIGHUP failed; the running guide stays", "error", err)
				continue
			}
			logger.Info("reload on SIGHUP", "changed", changed)
		}
	}
}

// runBot runs the bot. Polling on an etcd store, the replicas elect a
// leader first: only the leader polls, the others wait as standbys and one
// takes over within the lease (--etcd-lease) when the leader dies, from
// the journal. A leader that loses the leadership (cut off from etcd)
// stops and exits with an error, for its supervisor to start it again as
// a standby.
func runBot(ctx context.Context, b *bot.Bot, a *app, polling bool, logger *slog.Logger) error {
	if a.etcd == nil || !polling {
		return b.Run(ctx)
	}
	logger.Info("standby: waiting for the polling leadership", "replica", a.etcd.ID())
	lead, err := a.etcd.Campaign(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	logger.Info("leading: this replica polls", "replica", a.etcd.ID())
	err = b.Run(lead)
	if ctx.Err() == nil && lead.Err() != nil {
		return errors.Join(err, errors.New("lost the polling leadership (etcd lease); restart to stand by"))
	}
	return err
}
