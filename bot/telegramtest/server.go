// Package telegramtest provides an in-process fake of the Telegram Bot API
// for tests, in the spirit of net/http/httptest.
//
// A Server listens on loopback and answers /bot<token>/<method> like
// api.telegram.org: same URL shape, same {"ok":...} envelopes, same error
// codes and descriptions for the mistakes bots commonly make. Point a client
// at Server.URL (for github.com/go-telegram/bot: bot.WithServerURL), push
// updates with the Push* helpers, and assert on the recorded Requests.
// Telegram itself is never contacted.
//
// The fake keeps just enough state to be honest: a queue of updates with
// offset confirmation, the messages the bot can edit, open callback and
// inline query ids, webhook settings and command lists. It does not render
// parse_mode markup, deliver updates to a webhook by itself, or store files.
package telegramtest

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// DefaultToken is the token a Server accepts unless WithToken is given. It
// has the real shape "<bot id>:<35 characters>" so code that parses the bot
// id out of the token keeps working.
const DefaultToken = "7000000001:AAHtelegramtestFakeTokenForTests000"

// DefaultBotUsername is the bot's username unless WithBotUsername is given.
const DefaultBotUsername = "telegramtest_bot"

// Server is a fake Telegram Bot API server. All methods are safe for
// concurrent use; the zero value is not usable, call NewServer.
type Server struct {
	token   string
	bot     User
	ts      *httptest.Server // nil WithoutNetwork
	offline bool

	// done is closed by Close so long polls and waiters return before
	// httptest.Server.Close blocks on them.
	done      chan struct{}
	closeOnce sync.Once

	mu sync.Mutex
	// changed is closed and replaced whenever a request is recorded or an
	// update is queued; it is a broadcast that waiters select on.
	changed  chan struct{}
	requests []Request
	counts   map[string]int     // recorded requests by lower-case method
	faults   map[string][]Fault // by lower-case method name
	paused   map[string]bool    // by lower-case method name, see Pause
	resumed  chan struct{}      // closed by Resume
	outage   *Fault             // every call fails with it, see StartOutage
	held     atomic.Int64       // calls waiting in a Pause
	conns    atomic.Int64       // TCP connections accepted

	updates      []queuedUpdate
	lastUpdateID int64
	allowed      []string // allowed_updates remembered across getUpdates calls
	poll         *poller  // the getUpdates call currently waiting, if any
	webhook      webhookState

	chats    map[int64]Chat
	msgIDs   map[int64]int           // last message_id per chat
	messages map[msgKey]*storedMsg   // messages the server has seen
	queries  map[string]bool         // open callback/inline query ids
	commands map[string][]botCommand // by scope+language key
	seq      int64                   // for synthetic ids (files, queries)
}

// Option configures a Server in NewServer.
type Option func(*Server)

// WithToken makes the server accept token instead of DefaultToken. The bot's
// user id is taken from the digits before the colon, as Telegram does.
func WithToken(token string) Option {
	return func(s *Server) { s.token = token }
}

// WithBotUsername sets the username getMe reports and that mention entities
// in group messages are expected to name.
func WithBotUsername(username string) Option {
	return func(s *Server) { s.bot.Username = strings.TrimPrefix(username, "@") }
}

// NewServer starts a fake Bot API server on a loopback port. If tb is not
// nil the server is closed by tb.Cleanup; otherwise the caller must Close it.
func NewServer(tb testing.TB, opts ...Option) *Server {
	s := &Server{
		token:    DefaultToken,
		bot:      User{IsBot: true, FirstName: "Test Bot", Username: DefaultBotUsername},
		done:     make(chan struct{}),
		changed:  make(chan struct{}),
		faults:   map[string][]Fault{},
		counts:   map[string]int{},
		paused:   map[string]bool{},
		resumed:  make(chan struct{}),
		chats:    map[int64]Chat{},
		msgIDs:   map[int64]int{},
		messages: map[msgKey]*storedMsg{},
		queries:  map[string]bool{},
		commands: map[string][]botCommand{},
		// Real update ids are large and arbitrary; starting away from zero
		// catches code that treats 0 or small numbers specially.
		lastUpdateID: 100000000,
	}
	for _, o := range opts {
		o(s)
	}
	s.bot.ID = 7000000001
	if id, err := strconv.ParseInt(strings.SplitN(s.token, ":", 2)[0], 10, 64); err == nil && id > 0 {
		s.bot.ID = id
	}
	if !s.offline {
		s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
		s.ts.Config.ConnState = func(_ net.Conn, state http.ConnState) {
			if state == http.StateNew {
				s.conns.Add(1)
			}
		}
		s.ts.Start()
	}
	if tb != nil {
		tb.Cleanup(s.Close)
	}
	return s
}

// offlineURL is the URL of a server WithoutNetwork: reachable through
// Client only.
const offlineURL = "http://telegramtest.invalid"

// URL returns the base URL to hand to the client library, without a
// trailing slash (for go-telegram/bot: bot.WithServerURL(s.URL())).
func (s *Server) URL() string {
	if s.ts == nil {
		return offlineURL
	}
	return s.ts.URL
}

// Connections returns how many TCP connections the server has accepted,
// so a test can check that a client reuses its connections.
func (s *Server) Connections() int { return int(s.conns.Load()) }

// WithoutNetwork makes a server that listens on no socket: it is reached
// only through Client, which calls it in-process. Inside a testing/synctest
// bubble, whose fake clock advances only while every goroutine waits on
// something in the bubble, a goroutine reading a real socket would stop
// the clock. URL then returns a placeholder for the client library.
func WithoutNetwork() Option {
	return func(s *Server) { s.offline = true }
}

// WithFirstUpdateID makes id the update_id of the first update pushed (the
// default is 100000001), e.g. to play a reinstalled Bot API server whose
// ids start below those a bot has seen.
func WithFirstUpdateID(id int64) Option {
	return func(s *Server) { s.lastUpdateID = id - 1 }
}

// Token returns the only token the server accepts; any other gets 401.
func (s *Server) Token() string { return s.token }

// BotUser returns the bot's own user, as getMe reports it and as the From
// of every message the bot sends.
func (s *Server) BotUser() User { return s.bot }

// Close releases waiting long polls and WaitCalls, then shuts the listener
// down. It is idempotent.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		if s.ts != nil {
			s.ts.CloseClientConnections()
			s.ts.Close()
		}
	})
}

// broadcast wakes everything waiting on s.changed. Callers hold s.mu.
func (s *Server) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// serveHTTP routes /bot<token>[/test]/<method>. Token is checked before
// the method, as Telegram does, so a bad token never reveals method names.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	req := Request{Time: time.Now()}
	token, method, ok := splitPath(r.URL.Path)
	if !ok {
		writeReply(w, fail(http.StatusNotFound, "Not Found"))
		return
	}
	if token != s.token {
		writeReply(w, fail(http.StatusUnauthorized, "Unauthorized"))
		return
	}
	params, err := parseParams(r)
	spec, known := methodTable[strings.ToLower(method)]
	req.Method = method
	if known {
		req.Method = spec.name
	}
	req.Params = params
	if !s.waitUnpaused(r.Context(), req.Method) {
		// Held and dropped (see Pause): like a request lost on the way,
		// Telegram never saw it.
		panic(http.ErrAbortHandler)
	}
	s.record(req)

	if f, ok := s.takeFault(req.Method); ok {
		serveFault(w, f)
		return
	}
	switch {
	case !known:
		writeReply(w, fail(http.StatusNotFound, "Not Found"))
	case err != nil:
		writeReply(w, fail(http.StatusBadRequest, "Bad Request: "+err.Error()))
	default:
		writeReply(w, spec.fn(s, r.Context(), params))
	}
}

// splitPath parses "/bot<token>/<method>", also accepting Telegram's test
// environment form "/bot<token>/test/<method>".
func splitPath(p string) (token, method string, ok bool) {
	rest, found := strings.CutPrefix(p, "/bot")
	if !found {
		return "", "", false
	}
	token, method, found = strings.Cut(rest, "/")
	if !found {
		return "", "", false
	}
	method = strings.TrimPrefix(method, "test/")
	if method == "" || strings.Contains(method, "/") {
		return token, "", false
	}
	return token, method, true
}

// reply is Telegram's response envelope. Field order follows Telegram's
// own output so golden comparisons of raw bodies are stable.
type reply struct {
	OK          bool                `json:"ok"`
	Result      any                 `json:"result,omitempty"`
	ErrorCode   int                 `json:"error_code,omitempty"`
	Description string              `json:"description,omitempty"`
	Parameters  *responseParameters `json:"parameters,omitempty"`
}

// responseParameters is Telegram's ResponseParameters object.
type responseParameters struct {
	MigrateToChatID int64 `json:"migrate_to_chat_id,omitempty"`
	RetryAfter      int   `json:"retry_after,omitempty"`
}

func ok(result any) reply { return reply{OK: true, Result: result} }

func okDescribed(result any, description string) reply {
	return reply{OK: true, Result: result, Description: description}
}

func fail(code int, description string) reply {
	return reply{ErrorCode: code, Description: description}
}

func badRequest(description string) reply {
	return fail(http.StatusBadRequest, "Bad Request: "+description)
}

// writeReply sends the envelope with Telegram's HTTP status convention:
// 200 for ok, otherwise the error_code itself.
func writeReply(w http.ResponseWriter, rep reply) {
	status := http.StatusOK
	if !rep.OK {
		status = rep.ErrorCode
	}
	body, err := json.Marshal(rep)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"ok":false,"error_code":500,"description":"Internal Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
