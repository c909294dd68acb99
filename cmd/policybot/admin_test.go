package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"policybot/bot/admin"
	"policybot/bot/telegramtest"
	"policybot/index"
	"policybot/seeds"
)

func TestReadAdminToken(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	os.WriteFile(good, []byte("  s3cret-admin-token-0123456789\n"), 0o600)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("\n"), 0o600)
	spaced := filepath.Join(dir, "spaced")
	os.WriteFile(spaced, []byte("s3cret admin-token-0123456789"), 0o600)
	for _, c := range []struct {
		name, env, file, listen string
		want                    string // token, or "error: …" substring
	}{
		{"none on loopback", "", "", "127.0.0.1:9090", ""},
		{"none on ::1", "", "", "[::1]:9090", ""},
		{"none on localhost", "", "", "localhost:9090", ""},
		{"none on all addresses", "", "", "0.0.0.0:9090", "error: not a loopback"},
		{"none on empty host", "", "", ":9090", "error: not a loopback"},
		{"env on all addresses", "s3cret-admin-token-0123456789", "", "0.0.0.0:9090", "s3cret-admin-token-0123456789"},
		{"file", "", good, "0.0.0.0:9090", "s3cret-admin-token-0123456789"},
		{"file wins over env", "other-token-0123456789", good, "127.0.0.1:9090", "s3cret-admin-token-0123456789"},
		{"empty file", "", empty, "127.0.0.1:9090", "error: is empty"},
		{"missing file", "", filepath.Join(dir, "nope"), "127.0.0.1:9090", "error: reading the admin token file"},
		{"whitespace inside", "", spaced, "127.0.0.1:9090", "error: whitespace"},
		{"one letter", "s" + strings.Repeat("3", 40), "", "127.0.0.1:9090", "error: too weak"},
		{"16 characters", "s3cret-token-016", "", "127.0.0.1:9090", "error: too weak"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(adminTokenEnv, c.env)
			got, err := serveAdminToken(c.file, c.listen)
			if want, ok := strings.CutPrefix(c.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("got %q, %v; want an error with %q", got, err, want)
				}
				if strings.Contains(err.Error(), "s3cret") {
					t.Errorf("the error shows the token: %v", err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// TestServeAdminListener runs serve against the fake Bot API and checks the
// admin wiring: the token guards /backup and /reload, /healthz needs none,
// the token never reaches the log, and `policybot backup` fetches the
// snapshot with the token while the server holds the store.
func TestServeAdminListener(t *testing.T) {
	if testing.Short() {
		t.Skip("starts serve")
	}
	api := telegramtest.NewServer(t)
	dir := t.TempDir()
	const adminToken = "serve-admin-token-0123456789abcdef"
	t.Setenv("TELEGRAM_BOT_TOKEN", api.Token())
	t.Setenv(adminTokenEnv, adminToken)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	var logs adminTestLog
	done := make(chan int, 1)
	go func() {
		env := &environment{ctx: ctx, stdin: strings.NewReader(""), stdout: io.Discard, stderr: &logs}
		done <- run(env, []string{"serve", "--api-url", api.URL(), "--admin-listen", addr, "--data-dir", dir, "--log-format", "text"})
	}()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exit %d\n%s", code, logs.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
		if strings.Contains(logs.String(), adminToken) {
			t.Error("the admin token is in the log")
		}
	}()
	base := "http://" + addr
	get := func(method, path, token string) int {
		req, _ := http.NewRequest(method, base+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	for start := time.Now(); get("GET", "/healthz", "") != http.StatusOK; time.Sleep(100 * time.Millisecond) {
		if time.Since(start) > 60*time.Second {
			t.Fatalf("serve not healthy after 60 s\n%s", logs.String())
		}
	}
	for _, c := range []struct {
		method, path, token string
		want                int
	}{
		{"GET", "/backup", "", http.StatusUnauthorized},
		{"GET", "/backup", "wrong-token-0123456789", http.StatusUnauthorized},
		{"POST", "/reload", "", http.StatusUnauthorized},
		{"GET", "/metrics", "", http.StatusUnauthorized},
		{"GET", "/metrics", adminToken, http.StatusOK},
		{"POST", "/reload", adminToken, http.StatusOK},
		{"GET", "/api/summary", adminToken, http.StatusOK},
	} {
		if got := get(c.method, c.path, c.token); got != c.want {
			t.Errorf("%s %s (token %v): %d, want %d", c.method, c.path, c.token != "", got, c.want)
		}
	}
	snap := filepath.Join(t.TempDir(), "snap.db")
	var out, errb bytes.Buffer
	env := &environment{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(env, []string{"backup", "--data-dir", dir, "--admin-url", base, snap}); code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if st, err := os.Stat(snap); err != nil || st.Size() == 0 || !strings.Contains(out.String(), "/backup") {
		t.Errorf("backup: %v %v %s", st, err, out.String())
	}
	t.Setenv(adminTokenEnv, "")
	if code := run(env, []string{"backup", "--data-dir", dir, "--admin-url", base, snap}); code == 0 || !strings.Contains(errb.String(), "admin token") {
		t.Errorf("backup without the token: exit %d\n%s", code, errb.String())
	}
}

// adminTestLog is a bytes.Buffer safe for the logger's and the test's use.
type adminTestLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *adminTestLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *adminTestLog) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBuiltinBank: the review page compares questions with the built-in
// bank of the guide served, and only that guide's: serving another guide
// (after a reload) leaves the embedded guide's examples out.
func TestBuiltinBank(t *testing.T) {
	emb, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	other, err := seeds.Load(filepath.Join("..", "..", "seeds", "testdata", "other_district.txt"))
	if err != nil {
		t.Fatal(err)
	}
	served := emb
	bankOf, err := builtinBank(func() *seeds.Guide { return served }, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	bank := bankOf()
	lex, err := index.LoadLexicon("", emb)
	if err != nil {
		t.Fatal(err)
	}
	if len(bank) == 0 || len(lex.Examples) == 0 {
		t.Fatal("empty built-in example bank")
	}
	measureExample := ""
	for _, e := range lex.Examples {
		want := "none"
		if e.Measure > 0 {
			want = strconv.Itoa(e.Measure)
			measureExample = e.Text
		}
		if got, ok := bank[admin.NormalizeQuestion(e.Text)]; !ok || (got != want && countGroups(lex.Examples, e.Text) == 1) {
			t.Errorf("%q: bank has %q, want %q", e.Text, got, want)
		}
	}
	served = other
	otherBank := bankOf()
	if _, ok := otherBank[admin.NormalizeQuestion(measureExample)]; ok {
		t.Errorf("another guide's bank has the embedded guide's example %q", measureExample)
	}
	for q, group := range otherBank {
		if group != "none" {
			t.Errorf("another guide's built-in bank has %q under [%s]; it has no examples of its own", q, group)
		}
	}
	if len(otherBank) == 0 {
		t.Error("another guide's bank lacks the out-of-scope questions of any guide")
	}
}

// countGroups is how many groups list text (the bank may repeat one).
func countGroups(exs []index.Example, text string) int {
	seen := map[int]bool{}
	for _, e := range exs {
		if e.Text == text {
			seen[e.Measure] = true
		}
	}
	return len(seen)
}
