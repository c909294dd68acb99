package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/seeds"
)

// Transient faults: a full disk and a Bot API outage. Each test runs in a
// testing/synctest bubble against the fake Bot API reached in-process:
// time is fake (a ten-minute outage takes milliseconds) and it advances
// only when every goroutine of the bot waits, so no wait here depends on
// how fast or loaded the machine is.

// journalStore is what a fault rig needs of its store: the dialog's state
// and the adapter's journal, as *store.DB provides them.
type journalStore interface {
	dialog.Store
	dialog.Journal
}

// faultRig is a bot answering with commitDialog over a journaling store.
type faultRig struct {
	t    *testing.T
	srv  *telegramtest.Server
	bot  *Bot
	reg  *prometheus.Registry
	logs *syncBuffer

	cancel  context.CancelFunc
	done    chan error
	stopped bool
}

// startRig starts a bot on srv and j and waits until it receives updates.
// Call it inside a synctest bubble.
func startRig(t *testing.T, srv *telegramtest.Server, j journalStore, opts ...Option) *faultRig {
	t.Helper()
	r := launchRig(t, srv, j, opts...)
	for r.bot.state.Load() != stateRunning {
		select {
		case err := <-r.done:
			t.Fatalf("Run returned early: %v\n%s", err, r.logs)
		default:
			time.Sleep(time.Millisecond)
		}
	}
	return r
}

// launchRig starts a bot on srv and j without waiting for it.
func launchRig(t *testing.T, srv *telegramtest.Server, j journalStore, opts ...Option) *faultRig {
	t.Helper()
	r := &faultRig{t: t, srv: srv, reg: prometheus.NewRegistry(), logs: &syncBuffer{}, done: make(chan error, 1)}
	base := []Option{
		WithServerURL(srv.URL()),
		WithHTTPClient(30*time.Second, srv.Client()),
		WithLogger(slog.New(slog.NewJSONHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
		WithRegistry(r.reg),
		WithLimits(Limits{}),
		WithJournal(j),
	}
	b, err := New(srv.Token(), commitDialog{j}, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	r.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.done <- b.Run(ctx) }()
	// A failed test must still end the bot, or the bubble never ends.
	t.Cleanup(r.stop)
	return r
}

// stop cancels Run and waits for it, at most the shutdown timeout and a
// little more (fake time).
func (r *faultRig) stop() {
	r.t.Helper()
	if r.stopped {
		return
	}
	r.stopped = true
	r.cancel()
	select {
	case err := <-r.done:
		if err != nil {
			r.t.Errorf("Run: %v", err)
		}
	case <-time.After(DefaultShutdownTimeout + 5*time.Second):
		r.t.Fatalf("Run did not return after cancellation\n%s", r.logs)
	}
}

// healthz returns the status and body of GET /healthz.
func (r *faultRig) healthz() (int, string) {
	rec := httptest.NewRecorder()
	r.bot.AdminHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	return rec.Code, strings.TrimSpace(rec.Body.String())
}

// conversation is what a test's chats say: chat c's i-th message is "c<c>-<i>".
type conversation struct {
	srv   *telegramtest.Server
	users []telegramtest.User
	said  map[int64][]string
}

func newConversation(srv *telegramtest.Server, chats int) *conversation {
	c := &conversation{srv: srv, said: map[int64][]string{}}
	for i := range chats {
		c.users = append(c.users, telegramtest.User{ID: int64(810000 + i), FirstName: "U" + strconv.Itoa(i)})
	}
	return c
}

// round makes every chat send one more message.
func (c *conversation) round() {
	for i, u := range c.users {
		text := fmt.Sprintf("c%d-%d", i, len(c.said[u.ID]))
		c.said[u.ID] = append(c.said[u.ID], text)
		c.srv.PushMessage(c.srv.TextMessage(telegramtest.PrivateChat(u), &u, text))
	}
}

// missing describes how the answers differ from one per message, in order,
// in every chat ("" when they do not).
func (c *conversation) missing() string {
	for _, u := range c.users {
		var got []string
		for _, m := range c.srv.SentMessages(u.ID) {
			got = append(got, strings.TrimPrefix(m.Text, "答："))
		}
		if !slices.Equal(got, c.said[u.ID]) {
			return fmt.Sprintf("chat %d got %q, want %q", u.ID, got, c.said[u.ID])
		}
	}
	return ""
}

// answered waits (fake time) until every message is answered once, in
// order, at most within.
func (c *conversation) answered(t *testing.T, r *faultRig, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for c.missing() != "" {
		if time.Now().After(deadline) {
			t.Fatalf("not answered within %v: %s\n%s", within, c.missing(), r.logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// settled waits until the journal holds nothing unfinished: every
// delivery is recorded, so a restart would send nothing again.
func settled(t *testing.T, j dialog.Journal, r *faultRig) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for {
		p, err := j.Unfinished(context.Background())
		if err == nil && len(p) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("journal still holds %d unfinished updates (%v)\n%s", len(p), err, r.logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// fullDisk is a store whose writes fail with ENOSPC while full is set,
// or only the commits of chat badChat while that is not 0.
type fullDisk struct {
	*store.DB
	full    atomic.Bool
	badChat atomic.Int64
}

var errNoSpace = &os.PathError{Op: "write", Path: "policybot.db", Err: syscall.ENOSPC}

func (d *fullDisk) Commit(ctx context.Context, chatID int64, c dialog.Commit) error {
	if d.full.Load() || d.badChat.Load() == chatID {
		return fmt.Errorf("commit turn: %w", errNoSpace)
	}
	return d.DB.Commit(ctx, chatID, c)
}

func (d *fullDisk) Flush(ctx context.Context, ids []int64) error {
	if d.full.Load() {
		return fmt.Errorf("journal updates: %w", errNoSpace)
	}
	return d.DB.Flush(ctx, ids)
}

func (d *fullDisk) Delivered(id int64, sent int, done bool, then func(error)) {
	if d.full.Load() {
		if then != nil {
			then(fmt.Errorf("journal delivery: %w", errNoSpace))
		}
		return
	}
	d.DB.Delivered(id, sent, done, then)
}

func openStore(t *testing.T, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, "policybot.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// A disk that fills up during a burst stops nothing for good: while no
// turn can be saved nothing is answered (an answer from a state that is
// not kept would be repeated after a restart) and /healthz says why;
// once there is space again every message is answered, once and in
// order, without a restart, and /healthz is 200 again. A write that fails
// for one chat only holds up that chat, not the others.
func TestDiskFullDuringBurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork())
		db := openStore(t, t.TempDir())
		defer db.Close()
		disk := &fullDisk{DB: db}
		r := startRig(t, srv, disk)
		defer r.stop()
		conv := newConversation(srv, 10)
		conv.round()
		conv.answered(t, r, time.Minute)

		disk.full.Store(true)
		for range 3 {
			conv.round()
		}
		time.Sleep(10 * time.Second)
		if code, body := r.healthz(); code != http.StatusServiceUnavailable || !strings.Contains(body, "cannot be saved") {
			t.Errorf("/healthz while the disk is full: %d %q", code, body)
		}
		if n := len(srv.Calls("sendMessage")); n != 10 {
			t.Errorf("%d messages sent while nothing could be saved; want only the 10 of before", n)
		}
		disk.full.Store(false)
		conv.answered(t, r, time.Minute)
		settled(t, db, r)
		if code, body := r.healthz(); code != http.StatusOK {
			t.Errorf("/healthz after space came back: %d %q", code, body)
		}

		// One chat's commits fail; the others go on.
		bad := conv.users[3].ID
		disk.badChat.Store(bad)
		conv.round()
		deadline := time.Now().Add(time.Minute)
		for {
			n := 0
			for _, u := range conv.users {
				if len(srv.SentMessages(u.ID)) == len(conv.said[u.ID]) {
					n++
				}
			}
			if n == len(conv.users)-1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the other chats were held up by one chat's failing commits\n%s", r.logs)
			}
			time.Sleep(100 * time.Millisecond)
		}
		if len(srv.SentMessages(bad)) == len(conv.said[bad]) {
			t.Error("the chat whose commit failed was answered anyway")
		}
		disk.badChat.Store(0)
		conv.answered(t, r, time.Minute)
		settled(t, db, r)
		if code, _ := r.healthz(); code != http.StatusOK {
			t.Errorf("/healthz at the end: %d", code)
		}
	})
}

// The same on a real file system: the store on a 1 MiB tmpfs filled up by
// another file, which is then deleted. (bbolt reuses its free pages, so
// some writes may succeed on the full disk; every message is answered
// once, in order, either way.) It needs the right to mount (root).
func TestDiskFullOnTmpfs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := t.TempDir()
		if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
			t.Skipf("cannot mount a tmpfs (%v); TestDiskFullDuringBurst covers the behaviour with an injected error", err)
		}
		defer syscall.Unmount(dir, syscall.MNT_DETACH)
		srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork())
		db := openStore(t, dir)
		defer db.Close()
		r := startRig(t, srv, db)
		defer r.stop()
		conv := newConversation(srv, 20)
		conv.round()
		conv.answered(t, r, time.Minute)

		filler := filepath.Join(dir, "filler")
		f, err := os.Create(filler)
		if err != nil {
			t.Fatal(err)
		}
		block := make([]byte, 4096)
		for {
			if _, err := f.Write(block); err != nil {
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatal(err)
				}
				break
			}
		}
		f.Close()
		for range 5 {
			conv.round()
		}
		unhealthy := false
		for range 50 {
			time.Sleep(200 * time.Millisecond)
			if code, _ := r.healthz(); code != http.StatusOK {
				unhealthy = true
			}
		}
		t.Logf("answers while the disk was full: %d of %d; /healthz 503 seen: %v",
			len(srv.Calls("sendMessage")), 6*len(conv.users), unhealthy)
		if err := os.Remove(filler); err != nil {
			t.Fatal(err)
		}
		conv.answered(t, r, time.Minute)
		settled(t, db, r)
		if code, body := r.healthz(); code != http.StatusOK {
			t.Errorf("/healthz after space came back: %d %q", code, body)
		}
	})
}

// Webhook mode on a full disk: an update that cannot be journaled gets
// 500 (Telegram delivers it again later) and is not answered; delivered
// again once there is space, it is answered once.
func TestWebhookDiskFull(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const secret = "full-disk-secret"
		srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork())
		db := openStore(t, t.TempDir())
		defer db.Close()
		disk := &fullDisk{DB: db}
		r := startRig(t, srv, disk, WithWebhook("https://bot.example.org/hook", secret))
		defer r.stop()
		_, body, err := srv.WebhookUpdate(telegramtest.Update{Message: srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "满了")})
		if err != nil {
			t.Fatal(err)
		}
		deliver := func() int {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/hook", strings.NewReader(string(body)))
			req.Header.Set(secretHeader, secret)
			r.bot.WebhookHandler().ServeHTTP(rec, req)
			return rec.Code
		}
		disk.full.Store(true)
		if code := deliver(); code != http.StatusInternalServerError {
			t.Errorf("webhook on a full disk: %d, want 500", code)
		}
		time.Sleep(5 * time.Second)
		if code, _ := r.healthz(); code != http.StatusServiceUnavailable {
			t.Errorf("/healthz on a full disk: %d", code)
		}
		if n := len(srv.Calls("sendMessage")); n != 0 {
			t.Errorf("answered %d times while nothing could be saved", n)
		}
		disk.full.Store(false)
		if code := deliver(); code != http.StatusOK {
			t.Errorf("webhook redelivery after space came back: %d", code)
		}
		if code := deliver(); code != http.StatusOK {
			t.Errorf("second redelivery: %d", code)
		}
		deadline := time.Now().Add(time.Minute)
		for len(srv.SentMessages(alice.ID)) == 0 && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
		}
		settled(t, db, r)
		time.Sleep(time.Minute)
		if n := len(srv.SentMessages(alice.ID)); n != 1 {
			t.Errorf("answered %d times, want once", n)
		}
		if code, _ := r.healthz(); code != http.StatusOK {
			t.Errorf("/healthz after space came back: %d", code)
		}
	})
}

// Every Bot API call fails for a while (getUpdates included), the way an
// outage, a dead network, a flood limit or a revoked token looks: nothing
// is given up on, and once the calls succeed again every message is
// answered once, in order. In the long outages the bot is also restarted
// midway: the answers still owed come from the journal.
func TestBotAPIOutage(t *testing.T) {
	for _, c := range []struct {
		name    string
		fault   telegramtest.Fault
		length  time.Duration
		restart string // "": none; "during": stop and start again midway; "after": stop midway, start after
	}{
		{"15s of 502", telegramtest.ServerError(502), 15 * time.Second, ""},
		{"15s of dropped connections", telegramtest.DropConnection(), 15 * time.Second, ""},
		{"10min of dropped connections", telegramtest.DropConnection(), 10 * time.Minute, "during"},
		{"10min of 429 retry after 90s", telegramtest.TooManyRequests(90), 10 * time.Minute, ""},
		// A revoked token: the operator puts in the new one and restarts.
		{"10min of 401", telegramtest.Fault{Code: 401, Description: "Unauthorized"}, 10 * time.Minute, "after"},
	} {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork())
				db := openStore(t, t.TempDir())
				defer db.Close()
				r := startRig(t, srv, db)
				conv := newConversation(srv, 8)
				conv.round()
				conv.answered(t, r, time.Minute)

				// Two messages per chat are received before the outage and
				// fail to be answered; two more come during it.
				srv.Pause("sendMessage")
				conv.round()
				conv.round()
				for srv.Held() < len(conv.users) {
					time.Sleep(10 * time.Millisecond)
				}
				srv.StartOutage(c.fault)
				srv.Resume()
				start := time.Now()
				conv.round()
				time.Sleep(c.length / 2)
				conv.round()
				if c.restart != "" {
					r.stop()
					if p, _ := db.Unfinished(context.Background()); len(p) == 0 {
						t.Fatal("nothing left unfinished in the journal by the stop during the outage")
					}
				}
				if c.restart == "during" {
					r = launchRig(t, srv, db) // comes up when the outage ends
				}
				time.Sleep(time.Until(start.Add(c.length)))
				if c.restart != "after" {
					if code, body := r.healthz(); code != http.StatusServiceUnavailable {
						t.Errorf("/healthz during the outage: %d %q", code, body)
					}
				}
				srv.EndOutage()
				if c.restart == "after" {
					r = startRig(t, srv, db)
				}
				conv.answered(t, r, 5*time.Minute)
				settled(t, db, r)
				if v := metricValue(t, r.reg, "policybot_answers_expired_total", nil); v != 0 {
					t.Errorf("%v answers expired", v)
				}
				if code, body := r.healthz(); code != http.StatusOK {
					t.Errorf("/healthz after the outage: %d %q", code, body)
				}
				r.stop()
			})
		})
	}
}

// An outage longer than RetryPolicy.GiveUpAfter: the answers are given up
// on then, recorded (the journal finishes them, a metric counts them, a
// line says so), and the chats are answered again after the outage.
func TestAnswersExpire(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork())
		db := openStore(t, t.TempDir())
		defer db.Close()
		r := startRig(t, srv, db, WithRetry(RetryPolicy{GiveUpAfter: time.Hour}))
		defer r.stop()
		conv := newConversation(srv, 3)
		srv.Pause("sendMessage")
		conv.round()
		for srv.Held() < len(conv.users) {
			time.Sleep(10 * time.Millisecond)
		}
		srv.StartOutage(telegramtest.ServerError(503))
		srv.Resume()
		time.Sleep(2 * time.Hour)
		srv.EndOutage()
		settled(t, db, r)
		if v := metricValue(t, r.reg, "policybot_answers_expired_total", nil); v != 3 {
			t.Errorf("expired = %v, want 3", v)
		}
		if n := strings.Count(r.logs.String(), "answer expired"); n != 3 {
			t.Errorf("%d log lines about expired answers, want 3", n)
		}
		for _, u := range conv.users {
			conv.said[u.ID] = nil // given up on
		}
		conv.round()
		conv.answered(t, r, time.Minute)
	})
}

// A Bot API whose update ids are below the journal's last one (a
// reinstalled self-hosted server, or Telegram's random id after a week
// without updates), some of them ids the journal finished before: every
// message is answered, with one warning.
func TestLowerUpdateIDSequence(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		db := openStore(t, t.TempDir())
		defer db.Close()
		old := telegramtest.NewServer(t, telegramtest.WithoutNetwork(), telegramtest.WithFirstUpdateID(1000))
		r := startRig(t, old, db)
		conv := newConversation(old, 2)
		for range 10 {
			conv.round()
		}
		conv.answered(t, r, time.Minute)
		settled(t, db, r)
		r.stop()
		if last, _ := db.LastID(context.Background()); last != 1019 {
			t.Fatalf("journal's last id %d, want 1019", last)
		}

		srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork(), telegramtest.WithFirstUpdateID(1005))
		conv = newConversation(srv, 2)
		for i := range conv.users {
			conv.users[i].ID += 100 // other chats: the texts differ from the first run's
		}
		for range 3 {
			conv.round() // waiting when the bot starts: ids 1005-1010
		}
		r = startRig(t, srv, db)
		defer r.stop()
		for range 2 {
			conv.round()
		}
		conv.answered(t, r, time.Minute)
		if n := strings.Count(r.logs.String(), "update ids went below the journal's last one"); n != 1 {
			t.Errorf("%d warnings about the lower sequence, want 1\n%s", n, r.logs)
		}
		settled(t, db, r)
		if last, _ := db.LastID(context.Background()); last != 1014 {
			t.Errorf("journal's last id %d after the new sequence, want 1014", last)
		}
	})
}

// A poll loop that cannot hand its updates on (every queue slot taken by
// turns that do not finish) makes /healthz fail after a while, and pass
// again once it moves.
func TestStalledPollLoopUnhealthy(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := telegramtest.NewServer(t, telegramtest.WithoutNetwork())
		release := make(chan struct{})
		dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
			<-release
			return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答：" + ev.Text}}, nil
		}}
		logs := &syncBuffer{}
		b, err := New(srv.Token(), dlg, WithServerURL(srv.URL()), WithHTTPClient(10*time.Second, srv.Client()),
			WithLogger(slog.New(slog.NewJSONHandler(logs, nil))), WithRegistry(prometheus.NewRegistry()),
			WithLimits(Limits{}), WithQueueLimits(8, 2))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- b.Run(ctx) }()
		r := &faultRig{t: t, srv: srv, bot: b, logs: logs, cancel: cancel, done: done}
		t.Cleanup(r.stop)
		conv := newConversation(srv, 3)
		conv.round() // two fill the queue; the loop waits with the third
		time.Sleep(30 * time.Second)
		if code, _ := r.healthz(); code != http.StatusOK {
			t.Errorf("/healthz 30s into a stall: %d (a long poll lasts 10s here; allow more)", code)
		}
		time.Sleep(time.Minute)
		if code, body := r.healthz(); code != http.StatusServiceUnavailable || !strings.Contains(body, "no progress") {
			t.Errorf("/healthz after 90s of no progress: %d %q", code, body)
		}
		close(release)
		conv.answered(t, r, time.Minute)
		time.Sleep(time.Second)
		if code, body := r.healthz(); code != http.StatusOK {
			t.Errorf("/healthz after the loop moved on: %d %q", code, body)
		}
	})
}
