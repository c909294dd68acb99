package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/seeds"
)

// wait bounds every wait for the bot's behaviour; tests synchronise on
// recorded calls, never on sleeps.
const wait = 10 * time.Second

var (
	alice = telegramtest.User{ID: 5550001, FirstName: "Alice", Username: "alice_w"}
	bob   = telegramtest.User{ID: 5550002, FirstName: "Bob"}
	group = telegramtest.Chat{ID: -1001234567890, Type: telegramtest.ChatSupergroup, Title: "密云企业交流群"}
)

// fakeDialog records events and answers with handle (default: echo).
type fakeDialog struct {
	mu      sync.Mutex
	events  []seenEvent
	handle  func(ctx context.Context, chatID int64, ev dialog.Event) ([]dialog.Reply, error)
	inline  func(query string, max int) []dialog.InlineResult
	queries []string
}

type seenEvent struct {
	chatID int64
	ev     dialog.Event
}

func (f *fakeDialog) Handle(ctx context.Context, chatID int64, ev dialog.Event) ([]dialog.Reply, error) {
	f.mu.Lock()
	if ev.ID <= 0 {
		panic("dialog event without the update's id")
	}
	id := ev.ID
	ev.ID = 0 // the tests compare what the user did
	f.events = append(f.events, seenEvent{chatID, ev})
	ev.ID = id
	h := f.handle
	f.mu.Unlock()
	if h != nil {
		return h(ctx, chatID, ev)
	}
	return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答：" + ev.Text}}, nil
}

func (f *fakeDialog) Inline(_ context.Context, _ int64, query string, max int) []dialog.InlineResult {
	f.mu.Lock()
	f.queries = append(f.queries, query)
	in := f.inline
	f.mu.Unlock()
	if in != nil {
		return in(query, max)
	}
	return nil
}

func (f *fakeDialog) seen() []seenEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seenEvent(nil), f.events...)
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// harness is a Bot running against a fake Telegram server.
type harness struct {
	t    *testing.T
	srv  *telegramtest.Server
	bot  *Bot
	dlg  *fakeDialog
	logs *syncBuffer
	reg  *prometheus.Registry

	cancel context.CancelFunc
	done   chan error
	once   sync.Once
	runErr error
}

// fastRetry keeps retry tests quick while still exercising backoff.
var fastRetry = RetryPolicy{MaxAttempts: 5, BaseDelay: 40 * time.Millisecond, MaxDelay: 400 * time.Millisecond, RequestTimeout: 5 * time.Second}

// newHarness creates (but does not start) a bot for a fresh fake server.
// Outgoing rate limits are off unless opts set them; logs are captured at
// debug level.
func newHarness(t *testing.T, dlg *fakeDialog, opts ...Option) *harness {
	t.Helper()
	if dlg == nil {
		dlg = &fakeDialog{}
	}
	h := &harness{t: t, srv: telegramtest.NewServer(t), dlg: dlg, logs: &syncBuffer{}, reg: prometheus.NewRegistry()}
	logger := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	base := []Option{
		WithServerURL(h.srv.URL()),
		WithLogger(logger),
		WithRegistry(h.reg),
		WithLimits(Limits{}),
		WithRetry(fastRetry),
		WithShutdownTimeout(5 * time.Second),
	}
	b, err := New(h.srv.Token(), dlg, append(base, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.bot = b
	return h
}

// start runs the bot until the test ends and waits until it receives
// updates.
func (h *harness) start() *harness {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	h.done = make(chan error, 1)
	go func() { h.done <- h.bot.Run(ctx) }()
	h.t.Cleanup(func() { h.stop() })
	deadline := time.Now().Add(wait)
	for h.bot.state.Load() != stateRunning {
		if time.Now().After(deadline) {
			h.t.Fatalf("bot not running after %v; logs:\n%s", wait, h.logs)
		}
		select {
		case err := <-h.done:
			h.t.Fatalf("Run returned early: %v", err)
		case <-time.After(2 * time.Millisecond):
		}
	}
	return h
}

// stop cancels Run and returns its result.
func (h *harness) stop() error {
	h.once.Do(func() {
		h.cancel()
		select {
		case h.runErr = <-h.done:
		case <-time.After(wait):
			h.t.Errorf("Run did not return within %v of cancellation", wait)
		}
	})
	return h.runErr
}

// calls waits for n calls of method and returns them.
func (h *harness) calls(method string, n int) []telegramtest.Request {
	h.t.Helper()
	calls, err := h.srv.WaitCalls(method, n, wait)
	if err != nil {
		h.t.Fatalf("%v; logs:\n%s", err, h.logs)
	}
	return calls
}

// metric returns the sum of the counters, gauges or histogram counts
// named name whose labels include labels (0 if none).
func (h *harness) metric(name string, labels map[string]string) float64 {
	h.t.Helper()
	return metricValue(h.t, h.reg, name, labels)
}

func metricValue(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	sum := 0.0
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	metrics:
		for _, m := range f.GetMetric() {
			got := map[string]string{}
			for _, l := range m.GetLabel() {
				got[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if got[k] != v {
					continue metrics
				}
			}
			switch {
			case m.GetCounter() != nil:
				sum += m.GetCounter().GetValue()
			case m.GetGauge() != nil:
				sum += m.GetGauge().GetValue()
			case m.GetHistogram() != nil:
				sum += float64(m.GetHistogram().GetSampleCount())
			}
		}
	}
	return sum
}

// markup decodes a recorded reply_markup into rows of (text, data).
func markup(t *testing.T, raw string) [][][2]string {
	t.Helper()
	if raw == "" {
		return nil
	}
	var kb struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &kb); err != nil {
		t.Fatalf("reply_markup %q: %v", raw, err)
	}
	var out [][][2]string
	for _, row := range kb.InlineKeyboard {
		var r [][2]string
		for _, b := range row {
			r = append(r, [2]string{b.Text, b.CallbackData})
		}
		out = append(out, r)
	}
	return out
}

// botMessageAfter returns the first message the bot sent in chat after
// message id after. A recorded call may still be in flight, so it polls.
func botMessageAfter(t *testing.T, srv *telegramtest.Server, chatID int64, after int) *telegramtest.Message {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		for id := after + 1; id < after+50; id++ {
			m := srv.Message(chatID, id)
			if m == nil {
				break
			}
			if m.From != nil && m.From.IsBot {
				return m
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("no bot message in chat %d after %d", chatID, after)
	return nil
}

// percentile returns the p-th percentile (0..1) of ds.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(float64(len(s)-1) * p)
	return s[i]
}

// texts returns the text param of each call.
func texts(calls []telegramtest.Request) []string {
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.Params["text"]
	}
	return out
}

func containsAny(s string, subs ...string) string {
	for _, sub := range subs {
		if sub != "" && strings.Contains(s, sub) {
			return sub
		}
	}
	return ""
}
