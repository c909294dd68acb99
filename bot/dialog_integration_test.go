package bot

import (
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index/indextest"
)

// These tests run the real dialog engine behind the adapter: what a user
// on Telegram gets, end to end, against the fake Bot API server.

// realHarness is a Bot with the real engine over a bbolt store at path,
// talking to srv (a new fake server if nil).
func realHarness(t *testing.T, srv *telegramtest.Server, path string) (*harness, *store.DB) {
	t.Helper()
	db, err := store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if srv == nil {
		srv = telegramtest.NewServer(t)
	}
	h := &harness{t: t, srv: srv, logs: &syncBuffer{}, reg: prometheus.NewRegistry()}
	logger := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(srv.Token(), dialog.New(indextest.Shared(t), db), WithServerURL(srv.URL()), WithLogger(logger),
		WithRegistry(h.reg), WithLimits(Limits{}), WithRetry(fastRetry), WithShutdownTimeout(5*time.Second), WithJournal(db))
	if err != nil {
		t.Fatal(err)
	}
	h.bot = b
	return h, db
}

func lastParam(reqs []telegramtest.Request, key string) string {
	return reqs[len(reqs)-1].Params[key]
}

func TestRealQuestionAnswerAndCard(t *testing.T) {
	h, db := realHarness(t, nil, filepath.Join(t.TempDir(), "chat.db"))
	defer db.Close()
	h.start()
	chat := telegramtest.PrivateChat(alice)
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "社保能缓交吗"))
	msgs := h.calls("sendMessage", 1)
	if text := lastParam(msgs, "text"); !strings.Contains(text, "010-69050322") || !strings.Contains(text, "第2条") || lastParam(msgs, "parse_mode") != "HTML" {
		t.Fatalf("answer: %s", text)
	}
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "找谁办"))
	cards := h.calls("sendContact", 1)
	c := cards[0].Params
	if c["phone_number"] != "010-69050322" || c["first_name"] != "林桂香" || !strings.Contains(c["vcard"], "ORG:区人保局") {
		t.Errorf("contact card %v", c)
	}
	if msgs := h.calls("sendMessage", 2); !strings.Contains(lastParam(msgs, "text"), "010-69050322") {
		t.Error("the text answer must carry the phone too")
	}
	if !strings.Contains(h.logs.String(), `"msg":"turn"`) || strings.Contains(h.logs.String(), "社保能缓交吗") {
		t.Errorf("turn log missing, or message text logged:\n%s", h.logs)
	}
}

// TestRestartKeepsTopic stops the bot after a question, reopens the store
// in a new bot, and asks a follow-up.
func TestRestartKeepsTopic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chat.db")
	h, db := realHarness(t, nil, path)
	h.start()
	chat := telegramtest.PrivateChat(bob)
	h.srv.PushMessage(h.srv.TextMessage(chat, &bob, "公积金能缓缴吗"))
	h.calls("sendMessage", 1)
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	h2, db2 := realHarness(t, h.srv, path)
	defer db2.Close()
	h2.start()
	h2.srv.PushMessage(h2.srv.TextMessage(chat, &bob, "电话多少"))
	cards := h2.calls("sendContact", 1)
	if cards[0].Params["phone_number"] != "010-69047748" {
		t.Errorf("after restart: %v", cards[0].Params)
	}
}

// TestCheckUpOnTelegram runs /match with button presses and a typed answer.
func TestCheckUpOnTelegram(t *testing.T) {
	h, db := realHarness(t, nil, filepath.Join(t.TempDir(), "chat.db"))
	defer db.Close()
	h.start()
	chat := telegramtest.PrivateChat(alice)
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "/match"))
	first := h.calls("sendMessage", 1)
	data := buttonData(t, lastParam(first, "reply_markup"), "小微企业")
	h.srv.PushCallbackQuery(alice, sentText(t, h, chat.ID, 1), data)
	h.calls("answerCallbackQuery", 1)
	h.calls("sendMessage", 2)
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "我们是开饭馆的"))
	third := h.calls("sendMessage", 3)
	need := buttonData(t, lastParam(third, "reply_markup"), "房租")
	h.srv.PushCallbackQuery(alice, sentText(t, h, chat.ID, 3), need)
	result := h.calls("sendMessage", 4)
	if text := lastParam(result, "text"); !strings.Contains(text, "第4条") || !strings.Contains(text, "010-69043376") || !strings.Contains(text, "小微企业·餐饮·房租") {
		t.Errorf("check-up result: %s", text)
	}
}

// buttonData finds the callback data of the button labelled label in a
// recorded reply_markup.
func buttonData(t *testing.T, markup, label string) string {
	t.Helper()
	i := strings.Index(markup, `"text":"`+label+`"`)
	if i < 0 {
		t.Fatalf("no button %q in %s", label, markup)
	}
	rest := markup[i:]
	j := strings.Index(rest, `"callback_data":"`)
	rest = rest[j+len(`"callback_data":"`):]
	return rest[:strings.Index(rest, `"`)]
}

// sentText returns the nth text message the bot sent to chat. The fake
// server records a call before it stores the message, so this waits.
func sentText(t *testing.T, h *harness, chatID int64, n int) *telegramtest.Message {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		var texts []telegramtest.Message
		for _, m := range h.srv.SentMessages(chatID) {
			if m.Text != "" {
				texts = append(texts, m)
			}
		}
		if len(texts) >= n {
			return &texts[n-1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d text messages sent, want %d", len(texts), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
