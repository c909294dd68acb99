package bot

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/seeds"
)

// A start after a crash takes up the journal's unfinished updates before
// anything new: one whose turn never ran is handled by the dialog; one
// whose turn committed gets only its undelivered messages, without the
// dialog running again.
func TestResumeFromJournal(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "chat.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := newHarness(t, nil, WithJournal(db))
	chat := telegramtest.PrivateChat(alice)
	raw := func(text string) dialog.Inbound {
		_, body, err := h.srv.WebhookUpdate(telegramtest.Update{Message: h.srv.TextMessage(chat, &alice, text)})
		if err != nil {
			t.Fatal(err)
		}
		id, _ := updateID(body)
		return dialog.Inbound{ID: id, Raw: body}
	}
	ran, answered, partly := raw("未处理"), raw("已提交"), raw("发了一半")
	ctx := context.Background()
	if _, _, err := db.Stage([]dialog.Inbound{ran, answered, partly}); err != nil {
		t.Fatal(err)
	}
	if err := db.Flush(ctx, []int64{ran.ID, answered.ID, partly.ID}); err != nil {
		t.Fatal(err)
	}
	st := dialog.State{Mode: dialog.Answered, Updated: time.Now()}
	db.Commit(ctx, alice.ID, dialog.Commit{State: &st, EventID: answered.ID, Replies: []dialog.Reply{{Kind: seeds.KindMeasure, Text: "旧答案"}}})
	db.Commit(ctx, alice.ID, dialog.Commit{State: &st, EventID: partly.ID,
		Replies: []dialog.Reply{{Kind: seeds.KindMeasure, Text: "第一条"}, {Kind: seeds.KindCommand, Text: "第二条"}}})
	done := make(chan error, 1)
	db.Delivered(partly.ID, 1, false, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	h.start()
	msgs := h.calls("sendMessage", 3)
	if got := texts(msgs); !slices.Equal(got, []string{"答：未处理", "旧答案", "第二条"}) {
		t.Errorf("resumed answers %q", got)
	}
	if seen := h.dlg.seen(); len(seen) != 1 || seen[0].ev.Text != "未处理" {
		t.Errorf("dialog ran for %+v; only the update whose turn never ran should reach it", seen)
	}
	// Once delivered, nothing is left.
	deadline := time.Now().Add(wait)
	for {
		p, err := db.Unfinished(ctx)
		if err == nil && len(p) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still unfinished: %+v %v", p, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Telegram delivers a webhook update again when it did not see the 200;
// the second delivery is acknowledged and not answered again.
func TestWebhookRedeliveryAnsweredOnce(t *testing.T) {
	const secret = "redelivery-secret"
	db, err := store.Open(filepath.Join(t.TempDir(), "chat.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := newHarness(t, nil, WithWebhook("https://bot.example.org/hook", secret), WithJournal(db)).start()
	hook := httptest.NewServer(h.bot.WebhookHandler())
	t.Cleanup(hook.Close)
	_, body, err := h.srv.WebhookUpdate(telegramtest.Update{Message: h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "社保能缓交吗")})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		req, _ := http.NewRequest(http.MethodPost, hook.URL, bytes.NewReader(body))
		req.Header.Set(secretHeader, secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("status %d", resp.StatusCode)
		}
	}
	h.calls("sendMessage", 1)
	h.stop()
	if n := len(h.srv.Calls("sendMessage")); n != 1 {
		t.Errorf("answered %d times", n)
	}
}

// Rejected webhook requests are counted, logged at most once per
// interval, and their bodies never reach the log.
func TestWebhookRejectionsLoggedAtBoundedRate(t *testing.T) {
	const secret = "rate-secret"
	h := newHarness(t, nil, WithWebhook("https://bot.example.org/hook", secret)).start()
	hook := httptest.NewServer(h.bot.WebhookHandler())
	t.Cleanup(hook.Close)
	for i := range 50 {
		s := "wrong"
		if i%2 == 0 {
			s = secret
		}
		req, _ := http.NewRequest(http.MethodPost, hook.URL, strings.NewReader(`{"update_id":"TOPSECRETBODY`))
		req.Header.Set(secretHeader, s)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := map[bool]int{true: http.StatusBadRequest, false: http.StatusUnauthorized}[s == secret]; resp.StatusCode != want {
			t.Fatalf("status %d, want %d", resp.StatusCode, want)
		}
	}
	logs := h.logs.String()
	if n := strings.Count(logs, "webhook request rejected"); n != 1 {
		t.Errorf("%d log lines for 50 rejected requests, want 1", n)
	}
	if strings.Contains(logs, "TOPSECRETBODY") {
		t.Error("a request body reached the log")
	}
	if v := h.metric("policybot_webhook_rejected_total", nil); v != 50 {
		t.Errorf("rejected = %v, want 50", v)
	}
}

// A chat flooding the bot loses its excess updates, each counted, but the
// log gets one line about it per 10 s, not one per update.
func TestFloodDropsLoggedAtBoundedRate(t *testing.T) {
	release, entered := make(chan struct{}), make(chan struct{}, 1)
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		select {
		case entered <- struct{}{}:
		default:
		}
		<-release
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答：" + ev.Text}}, nil
	}}
	h := newHarness(t, dlg, WithQueueLimits(2, 0)).start()
	chat := telegramtest.PrivateChat(alice)
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "刷屏"))
	<-entered // one turn running; two more may wait, the rest are dropped
	const n = 200
	for i := range n {
		h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "刷屏"+strconv.Itoa(i)))
	}
	waitMetric(t, h, "policybot_updates_dropped_total", map[string]string{"reason": "chat_flooded"}, n-2)
	close(release)
	h.calls("sendMessage", 3)
	if lines := strings.Count(h.logs.String(), "update dropped: too many waiting in this chat"); lines != 1 {
		t.Errorf("%d log lines for %d dropped updates, want 1", lines, n-2)
	}
}
