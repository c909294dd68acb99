package admin

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// minTokenLen is the shortest admin token accepted: the token is all that
// guards every stored chat.
const minTokenLen = 16

// sessionCookie is the login form's cookie; sessionTTL its lifetime.
const (
	sessionCookie = "policybot_admin"
	sessionTTL    = 12 * time.Hour
)

// sessionKey signs session cookies. It is derived from the token, so the
// cookie never holds the token, and changing the token ends every session.
type sessionKey []byte

func newSessionKey(token string) sessionKey {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte("policybot admin session key v1"))
	return m.Sum(nil)
}

// value is the cookie value for a session ending at expiry: the expiry and
// an HMAC over it.
func (k sessionKey) value(expiry time.Time) string {
	exp := strconv.FormatInt(expiry.Unix(), 10)
	return exp + "." + k.mac(exp)
}

func (k sessionKey) mac(exp string) string {
	m := hmac.New(sha256.New, k)
	m.Write([]byte(exp))
	return hex.EncodeToString(m.Sum(nil))
}

// valid reports whether v is a session value made by k that has not
// expired at now.
func (k sessionKey) valid(v string, now time.Time) bool {
	exp, mac, ok := strings.Cut(v, ".")
	if !ok {
		return false
	}
	sec, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || now.Unix() >= sec {
		return false
	}
	return hmac.Equal([]byte(mac), []byte(k.mac(exp)))
}

// tokenEqual compares a presented token with the configured one in
// constant time (over hashes, so not even the length leaks).
func (h *Handler) tokenEqual(presented string) bool {
	a, b := sha256.Sum256([]byte(presented)), sha256.Sum256([]byte(h.token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// authorized: a bearer token or a valid session cookie.
func (h *Handler) authorized(r *http.Request) bool {
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, tok, ok := strings.Cut(auth, " ")
		return ok && strings.EqualFold(scheme, "Bearer") && h.tokenEqual(strings.TrimSpace(tok))
	}
	c, err := r.Cookie(sessionCookie)
	return err == nil && h.sessions.valid(c.Value, h.now())
}

// authed answers 401 to requests without the token.
func (h *Handler) authed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="policybot admin"`)
			writeError(w, http.StatusUnauthorized, "unauthorized: send Authorization: Bearer <admin token>, or log in at /login")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authedPage answers a browser without a session with the login form,
// status 401.
func (h *Handler) authedPage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.authorized(r) {
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
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil || !h.tokenEqual(strings.TrimSpace(r.PostForm.Get("token"))) {
		if n, ok := h.refused.note(h.now()); ok {
			h.logger.Warn("admin login refused", "remote", r.RemoteAddr, "refused_since_last_log", n)
		}
		h.renderLogin(w, http.StatusUnauthorized, "令牌不正确。")
		return
	}
	expiry := h.now().Add(sessionTTL)
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: h.sessions.value(expiry), Path: "/",
		Expires: expiry, MaxAge: int(sessionTTL / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
	h.logger.Info("admin login", "remote", r.RemoteAddr)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
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
