package admin

import (
	"net/http"
	"net/url"
	"strings"
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

func TestTokenRequired(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
	for _, rt := range routes {
		for name, hdr := range map[string]map[string]string{
			"no token":         nil,
			"wrong token":      bearer(testToken + "x"),
			"empty bearer":     bearer(""),
			"basic scheme":     {"Authorization": "Basic " + testToken},
			"token as cookie":  {"Cookie": sessionCookie + "=" + testToken},
			"forged session":   {"Cookie": sessionCookie + "=99999999999.deadbeef"},
			"session of other": {"Cookie": sessionCookie + "=" + newSessionKey("another-token-0123456789").value(time.Now().Add(time.Hour))},
		} {
			if code, body := f.do(rt.method, rt.path, rt.body, hdr); code != http.StatusUnauthorized {
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

func TestShortTokenRefused(t *testing.T) {
	_, err := New(WithToken("short"), WithHealth(health), WithStore(nil), WithReload(nil))
	if err == nil || strings.Contains(err.Error(), "short\"") {
		t.Fatalf("short token: %v", err)
	}
}

func TestLoginForm(t *testing.T) {
	f := newFixture(t, fixtureConfig{token: testToken})
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
	if code, _ := f.do("GET", "/api/summary", "", map[string]string{"Cookie": c.Name + "=" + c.Value}); code != http.StatusOK {
		t.Errorf("with the session cookie: %d", code)
	}
	// An expired session is refused.
	old := newSessionKey(testToken).value(time.Now().Add(-time.Minute))
	if code, _ := f.do("GET", "/api/summary", "", map[string]string{"Cookie": sessionCookie + "=" + old}); code != http.StatusUnauthorized {
		t.Errorf("expired session: %d", code)
	}
	// The page without a session is the login form, status 401.
	code, body := f.do("GET", "/", "", nil)
	if code != http.StatusUnauthorized || !strings.Contains(body, `action="/login"`) {
		t.Errorf("page without session: %d %.100s", code, body)
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
