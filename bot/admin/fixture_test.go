package admin

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index"
	"policybot/index/indextest"
	"policybot/seeds"
)

// testToken is the admin token of the fixtures.
const testToken = "test-admin-token-0123456789abcdef"

// fixture is an admin handler over a real store, index and dialog engine,
// served by an httptest server.
type fixture struct {
	t       *testing.T
	dir     string
	db      *store.DB
	engine  *dialog.Engine
	h       *Handler
	srv     *httptest.Server
	reloads int
	mu      sync.Mutex
	now     atomic.Int64 // the handler's clock (unix ns) with fixtureConfig.clock
}

type fixtureConfig struct {
	live  bool // own index, rebuilt by reload (else the shared test index, reload a no-op)
	clock bool // the handler reads f.now instead of the time
	token string
	guide func() *seeds.Guide
	opts  []Option
}

// health stands in for the bot's AdminHandler.
var health = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/metrics" {
		io.WriteString(w, "policybot_up 1\n")
		return
	}
	io.WriteString(w, "ok")
})

func newFixture(t *testing.T, cfg fixtureConfig) *fixture {
	t.Helper()
	f := &fixture{t: t, dir: t.TempDir()}
	db, err := store.Open(filepath.Join(f.dir, "policybot.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.db = db
	var ix *index.Index
	var reload func() (bool, error)
	if cfg.live {
		g, err := seeds.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		opts := []index.Option{index.WithDataDir(f.dir), index.WithoutCleanup()}
		if ix, err = index.Open(g, opts...); err != nil {
			t.Fatal(err)
		}
		// As the app's reload: build beside the running index, swap, close.
		reload = func() (bool, error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.reloads++
			fp, err := index.Fingerprint(g, opts...)
			if err != nil {
				return false, err
			}
			if fp == f.engine.Index().Fingerprint() {
				return false, nil
			}
			nix, err := index.Open(g, opts...)
			if err != nil {
				return false, err
			}
			old := f.engine.SetIndex(nix)
			old.Close() // releases its own segmenter
			return true, nil
		}
		t.Cleanup(func() { f.engine.Index().Close() })
	} else {
		ix = indextest.Shared(t)
		reload = func() (bool, error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.reloads++
			return false, nil
		}
	}
	f.engine = dialog.New(ix, db)
	guide := cfg.guide
	if guide == nil {
		guide = func() *seeds.Guide { return f.engine.Index().Guide() }
	}
	f.now.Store(time.Now().UnixNano())
	var clock []Option
	if cfg.clock {
		clock = append(clock, WithClock(func() time.Time { return time.Unix(0, f.now.Load()) }))
	}
	opts := append([]Option{
		WithToken(cfg.token), WithHealth(health), WithStore(db), WithDataDir(f.dir),
		WithReload(reload), WithGuide(guide), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
	}, append(clock, cfg.opts...)...)
	h, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	f.srv = httptest.NewServer(h)
	t.Cleanup(f.srv.Close)
	return f
}

// examplesPath is the operator's examples.txt of the guide served.
func (f *fixture) examplesPath() string {
	return filepath.Join(index.GuideDir(f.dir, f.engine.Index().Guide()), ExamplesFile)
}

// ask sends a message through the dialog as chat and returns the first reply.
func (f *fixture) ask(chat int64, text string) dialog.Reply {
	f.t.Helper()
	rs, err := f.engine.Handle(context.Background(), chat, dialog.Event{Kind: dialog.Message, Text: text})
	if err != nil || len(rs) == 0 {
		f.t.Fatalf("ask %q: %v %v", text, rs, err)
	}
	return rs[0]
}

// do sends a request with the fixture token (if bearer) and returns the
// status and body.
func (f *fixture) do(method, path, body string, header map[string]string) (int, string) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func bearer(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }

// logAsked and logVote write through the store's API, as a turn would.
func logAsked(tb testing.TB, db *store.DB, a dialog.Asked) {
	if err := db.Commit(context.Background(), a.ChatID, dialog.Commit{Asked: []dialog.Asked{a}}); err != nil {
		tb.Error(err)
	}
}

func logVote(tb testing.TB, db *store.DB, f dialog.Feedback) {
	if err := db.Commit(context.Background(), f.ChatID, dialog.Commit{Feedback: []dialog.Feedback{f}}); err != nil {
		tb.Error(err)
	}
}
