// Package admin is the operator-facing HTTP side of the running bot: the
// admin listener's authentication, /healthz and /metrics (served by the
// bot), /reload, /backup, and the review page with its JSON API, which
// turns questions the bot declined into examples of the right measure.
//
// Everything the page needs is embedded (html/template, CSS, a small
// script); it loads nothing from elsewhere. Every route but /healthz needs
// the admin token, as "Authorization: Bearer <token>" or the session cookie
// the login form sets; without a configured token only /healthz and
// /metrics are served. Requests must name the listen address or a loopback
// name as Host (against DNS rebinding), and cross-origin POSTs are refused.
package admin

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"policybot/dialog/store"
	"policybot/index"
	"policybot/seeds"
)

// Store is the chat store as the admin listener reads it (*store.DB).
type Store interface {
	// Backup writes a consistent snapshot of the store to w.
	Backup(w io.Writer) (int64, error)
	// Review reads the summary and question lists in one pass.
	Review(q store.ReviewQuery) (store.Review, error)
}

// Handler is the admin listener's http.Handler. Make it with New.
type Handler struct {
	token     string // "" = only /healthz and /metrics
	sessions  sessions
	listen    string // the listen address, an allowed Host
	health    http.Handler
	store     Store
	dataDir   string
	storePath string // sent as StoreHeader with backups
	reload    func() (changed bool, err error)
	guide     func() *seeds.Guide
	guides    func(id string) *seeds.Guide // several guides served: by id
	bank      func() map[string]string
	logger    *slog.Logger
	now       func() time.Time
	loc       *time.Location

	refused    logLimit   // failed logins, for the log
	throttled  logLimit   // requests refused for too many failures, for the log
	attempts   attempts   // failed logins per client
	examplesMu sync.Mutex // one change of examples.txt and its reload at a time
	root       http.Handler
}

// Option configures New.
type Option func(*Handler)

// WithToken sets the admin token. Without one (or with ""), only /healthz
// and /metrics are served.
func WithToken(token string) Option { return func(h *Handler) { h.token = token } }

// WithListenAddr sets the address the listener is bound to; besides
// localhost, 127.0.0.1 and [::1], it is the only Host requests may name.
func WithListenAddr(addr string) Option { return func(h *Handler) { h.listen = addr } }

// WithHealth sets the handler of GET /healthz and GET /metrics (the bot's
// AdminHandler).
func WithHealth(hh http.Handler) Option { return func(h *Handler) { h.health = hh } }

// WithStore sets the chat store: /backup and the review page read it.
func WithStore(s Store) Option { return func(h *Handler) { h.store = s } }

// StoreHeader names, in the GET /backup response, the store file being
// served (see WithStorePath), so a backup client can refuse another bot's
// database.
const StoreHeader = "X-Policybot-Store"

// WithStorePath sets the absolute path of the store file, sent with every
// backup as StoreHeader.
func WithStorePath(path string) Option { return func(h *Handler) { h.storePath = path } }

// WithDataDir sets the data directory: backups are staged there, and each
// guide's examples.txt lives in its directory there (index.GuideDir).
func WithDataDir(dir string) Option { return func(h *Handler) { h.dataDir = dir } }

// WithReload sets what POST /reload and an added example run: re-read the
// seeds and data files and swap the index in, reporting whether anything
// changed.
func WithReload(fn func() (changed bool, err error)) Option {
	return func(h *Handler) { h.reload = fn }
}

// WithGuide sets where the current guide comes from (the measures an
// operator can assign a question to).
func WithGuide(fn func() *seeds.Guide) Option { return func(h *Handler) { h.guide = fn } }

// WithGuides sets, for a bot serving several guides, the guide of an id
// (index.GuideID; nil for none served): an example posted with a guide's id
// is checked against that guide's measures and goes to its examples.txt.
// Without it, or without an id, examples are the current guide's.
func WithGuides(fn func(id string) *seeds.Guide) Option { return func(h *Handler) { h.guides = fn } }

// WithBank sets the built-in example bank: each question, normalized (see
// NormalizeQuestion), to its group ("12" for 第12条, "none" for out of
// scope) — the bank of the guide served at the time of the call. Questions
// in it, or in the operator's examples.txt of that guide, are off the
// review lists and are not added again.
func WithBank(fn func() map[string]string) Option { return func(h *Handler) { h.bank = fn } }

// WithLogger sets the logger (default slog.Default()). The token is never
// logged, nor the text of users' questions.
func WithLogger(l *slog.Logger) Option { return func(h *Handler) { h.logger = l } }

// WithClock sets the clock of the charts and sessions (default time.Now).
func WithClock(now func() time.Time) Option { return func(h *Handler) { h.now = now } }

// WithLocation sets the time zone of days on the page (default Beijing
// time, UTC+8, which has no daylight saving).
func WithLocation(loc *time.Location) Option { return func(h *Handler) { h.loc = loc } }

// New returns the admin handler. A store, guide and reload function are
// needed for the review routes; health for /healthz and /metrics.
func New(opts ...Option) (*Handler, error) {
	h := &Handler{logger: slog.Default(), now: time.Now, loc: time.FixedZone("UTC+8", 8*3600)}
	for _, o := range opts {
		o(h)
	}
	if h.health == nil {
		return nil, errors.New("admin: no health handler (WithHealth)")
	}
	if h.token != "" {
		if err := CheckToken(h.token); err != nil {
			return nil, fmt.Errorf("admin: %w", err)
		}
		if h.store == nil || h.guide == nil || h.reload == nil {
			return nil, errors.New("admin: the review routes need WithStore, WithGuide and WithReload")
		}
	}
	h.removeStaging()
	h.routes()
	return h, nil
}

// removeStaging removes backup and examples.txt staging files a previous
// process left behind when it died mid-way (only one process uses a data
// directory, so none of them is in use).
func (h *Handler) removeStaging() {
	if h.dataDir == "" {
		return
	}
	for _, pattern := range []string{".backup-*.db", filepath.Join(index.GuidesDir, "*", "."+ExamplesFile+".*")} {
		files, _ := filepath.Glob(filepath.Join(h.dataDir, pattern))
		for _, f := range files {
			if err := os.Remove(f); err == nil {
				h.logger.Info("removed a staging file left by an earlier run", "file", f)
			}
		}
	}
}

// ServeHTTP serves a request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.root.ServeHTTP(w, r) }

func (h *Handler) routes() {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", h.health)
	if h.token == "" {
		mux.Handle("GET /metrics", h.health)
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "not served: this admin listener has no admin token (set POLICYBOT_ADMIN_TOKEN or --admin-token-file); only /healthz and /metrics are served", http.StatusNotFound)
		})
	} else {
		mux.Handle("GET /metrics", h.authed(h.health))
		mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
		mux.HandleFunc("GET /login", h.loginPage)
		mux.HandleFunc("POST /login", h.login)
		mux.HandleFunc("POST /logout", h.logout)
		mux.Handle("GET /{$}", h.authedPage(http.HandlerFunc(h.page)))
		mux.Handle("GET /api/summary", h.authed(http.HandlerFunc(h.apiSummary)))
		mux.Handle("GET /api/questions", h.authed(http.HandlerFunc(h.apiQuestions)))
		mux.Handle("POST /api/examples", h.authed(http.HandlerFunc(h.apiExamples)))
		mux.Handle("POST /reload", h.authed(http.HandlerFunc(h.reloadNow)))
		mux.Handle("GET /backup", h.authed(http.HandlerFunc(h.backup)))
	}
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
	}))
	h.root = h.checkHost(csrf.Handler(securityHeaders(mux)))
}

// reloadNow is POST /reload.
func (h *Handler) reloadNow(w http.ResponseWriter, _ *http.Request) {
	changed, err := h.reload()
	if err != nil {
		h.logger.Error("reload failed; the running guide stays", "error", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h.logger.Info("reload", "changed", changed)
	if changed {
		fmt.Fprintln(w, "reloaded")
	} else {
		fmt.Fprintln(w, "unchanged")
	}
}

// securityHeaders keeps the pages to their own resources and out of frames.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
