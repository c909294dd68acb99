package admin

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// routes are the routes that need the token.
var routes = []struct{ method, path, body string }{
	{"GET", "/", ""},
	{"GET", "/api/summary", ""},
	{"GET", "/api/questions?kind=none", ""},
	{"POST", "/api/examples", `{"question":"q","measure":2}`},
	{"POST", "/reload", ""},
	{"GET", "/backup", ""},
	{"GET", "/metrics", ""},
}

// hourly is a clock an hour further on at every reading, so that no
// client is ever held back for its failed attempts.
func hourly() Option {
	var n atomic.Int64
	base := time.Now()
	return WithClock(func() time.Time { return base.Add(time.Duration(n.Add(1)) * time.Hour) })
}

func TestTokenRequired(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken, opts: []Option{hourly()}})
	for _, rt := range routes {
		for name, hdr := range map[string]map[string]string{
			"no token":          nil,
			"wrong token":       bearer(testToken + "x"),
			"empty bearer":      bearer(""),
			"basic scheme":      {"Authorization": "Basic " + testToken},
			"token as cookie":   {"Cookie": sessionCookie + "=" + testToken},
			"forged session":    {"Cookie": sessionCookie + "=99999999999.deadbeef"},
			"session of nobody": {"Cookie": sessionCookie + "=" + strings.Repeat("ab", 32)},
		} {
			code, body := f.do(rt.method, rt.path, rt.body, hdr)
			if rt.path == "/" && hdr["Authorization"] == "" {
				// A browser without a session is sent to the login form.
				if code != http.StatusOK || !strings.Contains(body, `action="/login"`) {
					t.Errorf("%s %s, %s: %d %.80s; want the login form", rt.method, rt.path, name, code, body)
				}
				continue
			}
			if code != http.StatusUnauthorized {
				t.Errorf("%s %s, %s: %d %.80s", rt.method, rt.path, name, code, body)
			}
		}
		code, body := f.do(rt.method, rt.path, rt.body, bearer(testToken))
		if code == http.StatusUnauthorized || code >= 500 {
			t.Errorf("%s %s with the token: %d %.200s", rt.method, rt.path, code, body)
		}
	}
	if code, _ := f.do("GET", "/healthz", "", nil); code != http.StatusOK {
		t.Errorf("/healthz without token: %d", code)
	}
	if f.reloads != 2 {
		t.Errorf("reloads = %d, want 2 (the authorized POST /reload and /api/examples)", f.reloads)
	}
}

func TestNoTokenServesOnlyHealthAndMetrics(t *testing.T) {
	f := newFixture(t, fixtureConfig{})
	for _, p := range []string{"/healthz", "/metrics"} {
		if code, _ := f.do("GET", p, "", nil); code != http.StatusOK {
			t.Errorf("GET %s: %d", p, code)
		}
	}
	for _, rt := range routes[:6] {
		if code, _ := f.do(rt.method, rt.path, rt.body, bearer("anything-at-all-long-enough")); code != http.StatusNotFound {
			t.Errorf("%s %s without a configured token: %d, want 404", rt.method, rt.path, code)
		}
	}
	if f.reloads != 0 {
		t.Error("a reload ran without a configured token")
	}
}

func TestWeakTokenRefused(t *testing.T) {
	for _, tok := range []string{"short", "16-chars-0123456", strings.Repeat("a", 40), "abababababababababababababab"} {
		_, err := New(WithToken(tok), WithHealth(health), WithStore(nil), WithReload(nil))
		if err == nil || strings.Contains(err.Error(), tok) || !strings.Contains(err.Error(), "openssl rand") {
			t.Errorf("token %q: %v", tok, err)
		}
	}
	if err := CheckToken("correct horse battery staple"); err != nil {
		t.Errorf("a passphrase: %v", err)
	}
	if err := CheckToken(testToken); err != nil {
		t.Errorf("the test token: %v", err)
	}
}

func TestLoginForm(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken, clock: true})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(tok string) *http.Response {
		resp, err := client.PostForm(f.srv.URL+"/login", url.Values{"token": {tok}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := post("wrong"); resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
		t.Errorf("wrong token: %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	resp := post(testToken)
	if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 {
		t.Fatalf("login: %d %v", resp.StatusCode, resp.Cookies())
	}
	c := resp.Cookies()[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Name != sessionCookie {
		t.Errorf("cookie flags: %+v", c)
	}
	if strings.Contains(c.Value, testToken) || strings.Contains(resp.Header.Get("Set-Cookie"), testToken) {
		t.Error("the cookie carries the token")
	}
	cookie := map[string]string{"Cookie": c.Name + "=" + c.Value}
	if code, _ := f.do("GET", "/api/summary", "", cookie); code != http.StatusOK {
		t.Errorf("with the session cookie: %d", code)
	}
	// An expired session is refused.
	f.now.Store(f.now.Load() + int64(sessionTTL))
	if code, _ := f.do("GET", "/api/summary", "", cookie); code != http.StatusUnauthorized {
		t.Errorf("expired session: %d", code)
	}
	// Logout ends the session: its cookie is worthless afterwards.
	c = post(testToken).Cookies()[0]
	cookie = map[string]string{"Cookie": c.Name + "=" + c.Value, "Sec-Fetch-Site": "same-origin"}
	if code, _ := f.do("GET", "/api/summary", "", cookie); code != http.StatusOK {
		t.Fatalf("second session: %d", code)
	}
	if code, _ := f.do("POST", "/logout", "", cookie); code != http.StatusOK && code != http.StatusSeeOther {
		t.Errorf("logout: %d", code)
	}
	if code, _ := f.do("GET", "/api/summary", "", cookie); code != http.StatusUnauthorized {
		t.Errorf("the cookie of a session logged out: %d", code)
	}
	// The page without a session sends the browser to the login form.
	resp, err := client.Get(f.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Errorf("page without session: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestForgedHost(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken, opts: []Option{WithListenAddr("10.1.2.3:9090")}})
	for _, host := range []string{"evil.example", "evil.example:9090", "127.0.0.1.evil.example", "localhost.evil.example:80", "10.1.2.4:9090"} {
		for _, p := range []string{"/backup", "/", "/api/summary", "/metrics"} {
			code, _ := f.do("GET", p, "", map[string]string{"Host": host, "Authorization": "Bearer " + testToken})
			if code != http.StatusMisdirectedRequest && code != http.StatusForbidden {
				t.Errorf("Host %s GET %s: %d, want 421 or 403", host, p, code)
			}
		}
	}
	for _, host := range []string{"localhost:9090", "127.0.0.1:80", "[::1]:9090", "10.1.2.3:9090", "LOCALHOST"} {
		if code, _ := f.do("GET", "/api/summary", "", map[string]string{"Host": host, "Authorization": "Bearer " + testToken}); code != http.StatusOK {
			t.Errorf("Host %s: %d", host, code)
		}
	}
	if code, _ := f.do("GET", "/healthz", "", map[string]string{"Host": "evil.example"}); code != http.StatusOK {
		t.Errorf("/healthz with another host: %d", code)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
	for _, hdr := range []map[string]string{
		{"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Origin": "http://evil.example"},
	} {
		hdr["Authorization"] = "Bearer " + testToken
		for _, p := range []string{"/reload", "/api/examples", "/login", "/logout"} {
			if code, _ := f.do("POST", p, `{"question":"社保能缓交吗","measure":2}`, hdr); code != http.StatusForbidden {
				t.Errorf("cross-origin POST %s %v: %d, want 403", p, hdr, code)
			}
		}
	}
	if f.reloads != 0 {
		t.Errorf("%d reloads ran from cross-origin requests", f.reloads)
	}
	if code, _ := f.do("POST", "/reload", "", map[string]string{"Authorization": "Bearer " + testToken, "Sec-Fetch-Site": "same-origin"}); code != http.StatusOK {
		t.Errorf("same-origin POST: %d", code)
	}
}

func TestLogLimit(t *testing.T) {
	var l logLimit
	t0 := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if n, ok := l.note(t0); !ok || n != 1 {
		t.Errorf("first: %d %v", n, ok)
	}
	for i := 1; i <= 50; i++ {
		if _, ok := l.note(t0.Add(time.Duration(i) * 100 * time.Millisecond)); ok {
			t.Fatalf("logged again after %d ms", i*100)
		}
	}
	if n, ok := l.note(t0.Add(logInterval + time.Second)); !ok || n != 51 {
		t.Errorf("after the interval: %d %v, want 51 true", n, ok)
	}
}

// A client that gets the token wrong 5 times is held back: further tries
// (the right token too) get 429 until a minute per try has passed; one
// log line per 10 s says so. Bearer tokens count like the form.
func TestLoginAttemptsLimited(t *testing.T) {
	logs := &lockedBuffer{}
	f := newFixture(t, fixtureConfig{token: testToken, clock: true, opts: []Option{WithLogger(slog.New(slog.NewTextHandler(logs, nil)))}})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(tok string) int {
		resp, err := client.PostForm(f.srv.URL+"/login", url.Values{"token": {tok}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := range maxFailures {
		if code := post(fmt.Sprintf("guess-%02d-abcdefghijklmnopqrstuvwxyz", i)); code != http.StatusUnauthorized {
			t.Fatalf("wrong token %d: %d", i, code)
		}
	}
	for range 20 {
		if code := post(testToken); code != http.StatusTooManyRequests {
			t.Fatalf("the right token after 5 wrong ones: %d, want 429", code)
		}
		if code, _ := f.do("GET", "/api/summary", "", bearer(testToken)); code != http.StatusTooManyRequests {
			t.Fatalf("bearer after 5 wrong ones: %d, want 429", code)
		}
	}
	if n := strings.Count(logs.String(), "admin login attempts limited"); n != 1 {
		t.Errorf("%d log lines for 40 refused tries within 10s, want 1", n)
	}
	f.now.Store(f.now.Load() + int64(failureRefill))
	if code := post(testToken); code != http.StatusSeeOther {
		t.Errorf("the right token a minute later: %d", code)
	}
	// The success cleared the count: five more wrong tries are allowed.
	for i := range maxFailures {
		if code, _ := f.do("GET", "/api/summary", "", bearer(fmt.Sprintf("wrong-%d-abcdefghijklmnopqrstuvwxyz", i))); code != http.StatusUnauthorized {
			t.Fatalf("wrong bearer %d after a success: %d", i, code)
		}
	}
	if code, _ := f.do("GET", "/api/summary", "", bearer(testToken)); code != http.StatusTooManyRequests {
		t.Errorf("after 5 wrong bearers: %d", code)
	}
}

// The page's notices come from a fixed set: a link cannot make the
// logged-in page say anything.
func TestNoticeFromFixedSet(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
	for _, q := range []string{"?msg=" + url.QueryEscape("令牌已过期，请访问 evil.example 重新登录"), "?notice=" + url.QueryEscape("请访问 evil.example"), "?notice=added"} {
		code, body := f.do("GET", "/"+q, "", bearer(testToken))
		if code != http.StatusOK || strings.Contains(body, "evil.example") {
			t.Errorf("GET /%s: %d, page shows text from the URL", q, code)
		}
		if strings.HasSuffix(q, "added") && !strings.Contains(body, notices[noticeAdded]) {
			t.Errorf("GET /%s: the notice is not shown", q)
		}
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Both pages carry their icon inline, so a browser asks for no
// /favicon.ico (which would be a 404 on every load).
func TestPagesCarryIcon(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
	for _, p := range []string{"/login", "/"} {
		_, body := f.do("GET", p, "", bearer(testToken))
		if !strings.Contains(body, `<link rel="icon" href="data:image/svg+xml,`) {
			t.Errorf("GET %s: no inline icon", p)
		}
	}
}
