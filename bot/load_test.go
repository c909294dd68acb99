package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/seeds"
)

// TestLoad pushes 200 chats × 10 messages through the fake server and the
// whole pipeline (long polling, per-chat queues, sending) and checks that
// every message is answered exactly once and in order within its chat.
//
// The outgoing rate limits are switched off with WithLimits(Limits{}):
// with Telegram's real limits (1 message/s per chat) 10 messages per chat
// would take ten seconds by design, and the test is about the adapter's
// own throughput and ordering, not about waiting. The dialog takes a
// little time per turn, like a search does.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped with -short")
	}
	const chats, perChat = 200, 10
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		time.Sleep(500 * time.Microsecond)
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答 " + ev.Text}}, nil
	}}
	h := newHarness(t, dlg, WithLimits(Limits{})).start()

	pushed := make(map[string]time.Time, chats*perChat)
	start := time.Now()
	for i := range perChat {
		for c := range chats {
			u := telegramtest.User{ID: int64(900000 + c), FirstName: "U" + strconv.Itoa(c)}
			text := fmt.Sprintf("%d/%d", c, i)
			pushed[text] = time.Now()
			h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(u), &u, text))
		}
	}
	calls, err := h.srv.WaitCalls("sendMessage", chats*perChat, 60*time.Second)
	if err != nil {
		t.Fatalf("%v", err)
	}
	elapsed := calls[len(calls)-1].Time.Sub(start)

	next := make(map[string]int, chats)
	answered := map[string]bool{}
	var latencies []time.Duration
	for _, m := range calls {
		text := strings.TrimPrefix(m.Params["text"], "答 ")
		if answered[text] {
			t.Errorf("%s answered twice", text)
		}
		answered[text] = true
		c, i, _ := strings.Cut(text, "/")
		if want := strconv.Itoa(next[c]); i != want {
			t.Errorf("chat %s: answer to message %s came when %s was due", c, i, want)
		}
		next[c]++
		if m.Params["chat_id"] != strconv.Itoa(900000+atoi(c)) {
			t.Errorf("answer %s went to chat %s", text, m.Params["chat_id"])
		}
		latencies = append(latencies, m.Time.Sub(pushed[text]))
	}
	if len(answered) != chats*perChat {
		t.Errorf("answered %d distinct messages, want %d", len(answered), chats*perChat)
	}
	t.Logf("%d messages in %d chats answered in %v: %.0f messages/s; latency from push to answer p50 %v, p99 %v, max %v",
		len(calls), chats, elapsed.Round(time.Millisecond), float64(len(calls))/elapsed.Seconds(),
		percentile(latencies, 0.50).Round(time.Millisecond), percentile(latencies, 0.99).Round(time.Millisecond),
		percentile(latencies, 1).Round(time.Millisecond))
	if v := h.metric("policybot_telegram_send_errors_total", nil); v != 0 {
		t.Errorf("send errors = %v", v)
	}
	if v := h.metric("policybot_updates_dropped_total", nil); v != 0 {
		t.Errorf("dropped updates = %v", v)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
