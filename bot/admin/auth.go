package admin

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Token rules: the token is all that guards every stored chat.
const (
	minTokenLen   = 24 // characters
	minTokenRunes = 8  // different characters ("aaaa…" is no token)
)

// CheckToken returns an error (saying what a good token looks like, never
// the token) when token is too weak to be the admin token: shorter than
// 24 characters or made of fewer than 8 different ones.
func CheckToken(token string) error {
	n := utf8.RuneCountInString(token)
	distinct := map[rune]bool{}
	for _, r := range token {
		distinct[r] = true
	}
	if n < minTokenLen || len(distinct) < minTokenRunes {
		return fmt.Errorf("the admin token is too weak (%d characters, %d different; it needs at least %d characters and %d different ones): make one with `openssl rand -hex 32`",
			n, len(distinct), minTokenLen, minTokenRunes)
	}
	return nil
}

// sessionCookie is the login form's cookie; sessionTTL its lifetime.
const (
	sessionCookie = "policybot_admin"
	sessionTTL    = 12 * time.Hour
	maxSessions   = 1000
)

// sessions are the logged-in browsers, kept in memory under a random id
// each: logout ends one for good (a cookie that only proved knowledge of
// the token could not be revoked), and a restart or a new token ends them
// all. The map is keyed by a hash of the id, so that a lookup's timing
// says nothing about the ids.
type sessions struct {
	mu     sync.Mutex
	expiry map[[sha256.Size]byte]time.Time
}

// create starts a session ending at expiry and returns its cookie value.
func (s *sessions) create(now, expiry time.Time) string {
	var raw [32]byte
	rand.Read(raw[:])
	id := hex.EncodeToString(raw[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.expiry == nil {
		s.expiry = map[[sha256.Size]byte]time.Time{}
	}
	if len(s.expiry) >= maxSessions {
		for k, e := range s.expiry {
			if !now.Before(e) {
				delete(s.expiry, k)
			}
		}
	}
	for len(s.expiry) >= maxSessions { // still full: the one ending soonest goes
		var first [sha256.Size]byte
		var soonest time.Time
		for k, e := range s.expiry {
			if soonest.IsZero() || e.Before(soonest) {
				first, soonest = k, e
			}
		}
		delete(s.expiry, first)
	}
	s.expiry[sha256.Sum256([]byte(id))] = expiry
	return id
}

// valid reports whether v is the cookie of a live session at now.
func (s *sessions) valid(v string, now time.Time) bool {
	k := sha256.Sum256([]byte(v))
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.expiry[k]
	if ok && !now.Before(e) {
		delete(s.expiry, k)
		return false
	}
	return ok
}

// end ends the session of cookie value v, if any.
func (s *sessions) end(v string) {
	k := sha256.Sum256([]byte(v))
	s.mu.Lock()
	delete(s.expiry, k)
	s.mu.Unlock()
}

// tokenEqual compares a presented token with the configured one in
// constant time (over hashes, so not even the length leaks).
func (h *Handler) tokenEqual(presented string) bool {
	a, b := sha256.Sum256([]byte(presented)), sha256.Sum256([]byte(h.token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// authorized: a bearer token or a valid session cookie. A wrong bearer
// token counts as a failed login of its client (see attempts).
func (h *Handler) authorized(r *http.Request) bool {
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, tok, ok := strings.Cut(auth, " ")
		if ok && strings.EqualFold(scheme, "Bearer") && h.tokenEqual(strings.TrimSpace(tok)) {
			return true
		}
		h.attempts.failed(clientOf(r), h.now())
		return false
	}
	c, err := r.Cookie(sessionCookie)
	return err == nil && h.sessions.valid(c.Value, h.now())
}

// authed answers 401 to requests without the token, and 429 to a client
// that has guessed wrong too often (before looking at what it sent).
func (h *Handler) authed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.limited(w, r) {
			return
		}
		if !h.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="policybot admin"`)
			writeError(w, http.StatusUnauthorized, "unauthorized: send Authorization: Bearer <admin token>, or log in at /login")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limited answers 429 and returns true when r's client may not try a
// token now.
func (h *Handler) limited(w http.ResponseWriter, r *http.Request) bool {
	secs, ok := h.throttle(w, r)
	if ok {
		http.Error(w, "too many wrong tokens from this address; try again in "+strconv.Itoa(secs)+" s", http.StatusTooManyRequests)
	}
	return ok
}

// throttle reports whether r's client must wait before trying a token
// again, and how many seconds (set as Retry-After); the refusals are
// logged at most once per logInterval.
func (h *Handler) throttle(w http.ResponseWriter, r *http.Request) (secs int, limited bool) {
	wait := h.attempts.wait(clientOf(r), h.now())
	if wait <= 0 {
		return 0, false
	}
	if n, ok := h.throttled.note(h.now()); ok {
		h.logger.Warn("admin login attempts limited: too many wrong tokens from this client", "remote", r.RemoteAddr, "refused_since_last_log", n)
	}
	secs = max(int((wait+time.Second-1)/time.Second), 1)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return secs, true
}

// authedPage sends a browser without a session to the login form (a
// redirect, which a browser's console does not report as a failed load);
// a request that presented a wrong token gets the form with status 401.
func (h *Handler) authedPage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.limited(w, r) {
			return
		}
		if !h.authorized(r) {
			if r.Header.Get("Authorization") == "" {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			h.renderLogin(w, http.StatusUnauthorized, "")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) loginPage(w http.ResponseWriter, r *http.Request) {
	if h.authorized(r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	h.renderLogin(w, http.StatusOK, "")
}

// login checks the form's token and sets the session cookie.
func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	if secs, ok := h.throttle(w, r); ok {
		h.renderLogin(w, http.StatusTooManyRequests, "令牌错误次数过多，请 "+strconv.Itoa(secs)+" 秒后再试。")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil || !h.tokenEqual(strings.TrimSpace(r.PostForm.Get("token"))) {
		h.attempts.failed(clientOf(r), h.now())
		if n, ok := h.refused.note(h.now()); ok {
			h.logger.Warn("admin login refused", "remote", r.RemoteAddr, "refused_since_last_log", n)
		}
		h.renderLogin(w, http.StatusUnauthorized, "令牌不正确。")
		return
	}
	h.attempts.succeeded(clientOf(r))
	now := h.now()
	expiry := now.Add(sessionTTL)
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: h.sessions.create(now, expiry), Path: "/",
		Expires: expiry, MaxAge: int(sessionTTL / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
	h.logger.Info("admin login", "remote", r.RemoteAddr)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// logout ends the session (server-side: the cookie is worthless from now
// on, even if a copy of it survives) and clears the cookie.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		h.sessions.end(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// checkHost refuses requests whose Host is neither the listen address nor
// a loopback name with status 421: a page on another site that rebinds its
// name to 127.0.0.1 sends its own name as Host. /healthz is exempt (probes
// from a container runtime use whatever address they reach).
func (h *Handler) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" && !h.hostAllowed(r.Host) {
			http.Error(w, "misdirected request: use the admin listener's address or localhost as the host", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) hostAllowed(host string) bool {
	if host == "" {
		return false
	}
	if strings.EqualFold(host, h.listen) {
		return true
	}
	name := host
	if n, _, err := net.SplitHostPort(host); err == nil {
		name = n
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	switch strings.ToLower(name) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	if n, _, err := net.SplitHostPort(h.listen); err == nil && n != "" && n != "0.0.0.0" && n != "::" {
		// The listen address's own host with any port (a published port
		// may differ from the container's).
		return strings.EqualFold(strings.Trim(n, "[]"), name)
	}
	return false
}

// logLimit lets a repeated event be logged at most once per logInterval,
// so that a process hammering the login form cannot flood the log.
type logLimit struct {
	mu     sync.Mutex
	last   time.Time
	missed int
}

const logInterval = 10 * time.Second

// note counts an event and reports whether to log it now, with how many
// events (this one included) happened since the last line.
func (l *logLimit) note(now time.Time) (int, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.missed++
	if !l.last.IsZero() && now.Sub(l.last) < logInterval {
		return 0, false
	}
	n := l.missed
	l.last, l.missed = now, 0
	return n, true
}

// Failed logins per client. Each client (remote address) may get the token
// wrong maxFailures times in a row; then one more try is allowed per
// failureRefill, and every request in between gets 429 without its token
// being looked at. A correct token clears the client's count. Behind a
// reverse proxy every client has the proxy's address: keep the listener
// on loopback and reach it through an SSH tunnel (deploy/README.md §5).
const (
	maxFailures   = 5
	failureRefill = time.Minute
	maxClients    = 10000
)

type attempts struct {
	mu      sync.Mutex
	clients map[string]*tries
}

// tries is a client's bucket: left tries at time at.
type tries struct {
	left float64
	at   time.Time
}

// refill brings t up to now.
func (t *tries) refill(now time.Time) {
	t.left = min(maxFailures, t.left+now.Sub(t.at).Seconds()/failureRefill.Seconds())
	t.at = now
}

// failed counts a wrong token from client.
func (a *attempts) failed(client string, now time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.clients == nil {
		a.clients = map[string]*tries{}
	}
	t := a.clients[client]
	if t == nil {
		if len(a.clients) >= maxClients {
			a.sweep(now)
		}
		t = &tries{left: maxFailures, at: now}
		a.clients[client] = t
	}
	t.refill(now)
	t.left = max(t.left-1, 0)
}

// wait returns how long client must wait before its next try (0: now).
func (a *attempts) wait(client string, now time.Time) time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	t := a.clients[client]
	if t == nil {
		return 0
	}
	t.refill(now)
	if t.left >= 1 {
		return 0
	}
	return time.Duration((1 - t.left) * float64(failureRefill))
}

// succeeded forgets client's failures.
func (a *attempts) succeeded(client string) {
	a.mu.Lock()
	delete(a.clients, client)
	a.mu.Unlock()
}

// sweep forgets clients whose tries are back to full, and if that is not
// enough, all of them. Callers hold a.mu.
func (a *attempts) sweep(now time.Time) {
	for c, t := range a.clients {
		if t.refill(now); t.left >= maxFailures {
			delete(a.clients, c)
		}
	}
	if len(a.clients) >= maxClients {
		clear(a.clients)
	}
}

// clientOf is the client's address without the port.
func clientOf(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}
