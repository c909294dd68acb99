package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"policybot/bot/telegramtest"
	"policybot/dialog"
	"policybot/seeds"
)

// guideText has everything HTML would choke on.
const guideText = "第2条 <社会保险费缓缴> & \"阶段性\" '政策'\n联系人：林桂香 010-69050322"

func TestQuestionSendsEscapedHTMLThenContactCard(t *testing.T) {
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		return []dialog.Reply{{
			Kind:     seeds.KindMeasure,
			Text:     guideText,
			Buttons:  [][]dialog.Button{{{Text: "👍 有用", Data: "fb:up:2"}, {Text: "👎", Data: "fb:down:2"}}},
			Contacts: []dialog.Contact{{Name: "林桂香", Org: "区人保局", Department: "社保中心登记征缴科", Phones: []string{"010-69050322", "13800138000"}}},
			Measures: []int{2},
		}}, nil
	}}
	h := newHarness(t, dlg).start()
	chat := telegramtest.PrivateChat(alice)
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "社保能缓交吗"))

	contact := h.calls("sendContact", 1)[0]
	msgs := h.calls("sendMessage", 1)
	if len(msgs) != 1 {
		t.Fatalf("sendMessage calls = %d, want 1", len(msgs))
	}
	m := msgs[0]
	// The second phone is not in the dialog's text, so the adapter adds a
	// contact block: its heading is the only markup in the message.
	wantText := html.EscapeString(guideText) + "\n\n<b>联系方式</b>\n林桂香（区人保局 社保中心登记征缴科）：010-69050322、13800138000"
	if m.Params["text"] != wantText {
		t.Errorf("text =\n%q\nwant\n%q", m.Params["text"], wantText)
	}
	if !strings.Contains(m.Params["text"], "&lt;社会保险费缓缴&gt; &amp; &#34;阶段性&#34; &#39;政策&#39;") {
		t.Errorf("text not escaped: %q", m.Params["text"])
	}
	if m.Params["parse_mode"] != "HTML" || m.Params["chat_id"] != strconv.FormatInt(alice.ID, 10) {
		t.Errorf("params = %v", m.Params)
	}
	if got := markup(t, m.Params["reply_markup"]); !slices.Equal(got[0], [][2]string{{"👍 有用", "fb:up:2"}, {"👎", "fb:down:2"}}) {
		t.Errorf("keyboard = %v", got)
	}
	if want := `{"inline_keyboard":[[{"text":"👍 有用","callback_data":"fb:up:2"},{"text":"👎","callback_data":"fb:down:2"}]]}`; m.Params["reply_markup"] != want {
		t.Errorf("reply_markup = %s, want exactly %s (no empty copy_text)", m.Params["reply_markup"], want)
	}
	if m.Params["reply_parameters"] != "" {
		t.Errorf("private answers do not quote the question: %v", m.Params["reply_parameters"])
	}

	if !contact.Time.After(m.Time) && !contact.Time.Equal(m.Time) {
		t.Errorf("sendContact at %v before sendMessage at %v", contact.Time, m.Time)
	}
	all := h.srv.Requests()
	if idx := slices.IndexFunc(all, func(r telegramtest.Request) bool { return r.Method == "sendContact" }); idx < slices.IndexFunc(all, func(r telegramtest.Request) bool { return r.Method == "sendMessage" }) {
		t.Error("sendContact was sent before the text")
	}
	if contact.Params["phone_number"] != "010-69050322" || contact.Params["first_name"] != "林桂香" || contact.Params["last_name"] != "区人保局" {
		t.Errorf("contact params = %v", contact.Params)
	}
	wantCard := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:林桂香\r\nN:林桂香;;;;\r\nORG:区人保局;社保中心登记征缴科\r\n" +
		"TITLE:社保中心登记征缴科\r\nTEL;TYPE=WORK:010-69050322\r\nTEL;TYPE=WORK:13800138000\r\nEND:VCARD"
	if contact.Params["vcard"] != wantCard {
		t.Errorf("vcard =\n%q\nwant\n%q", contact.Params["vcard"], wantCard)
	}

	// Start-up: the command menu comes from dialog.Commands().
	cmds := h.calls("setMyCommands", 1)[0]
	var got []struct{ Command, Description string }
	if err := json.Unmarshal([]byte(cmds.Params["commands"]), &got); err != nil {
		t.Fatal(err)
	}
	want := dialog.Commands()
	if len(got) != len(want) {
		t.Fatalf("commands = %v", got)
	}
	for i := range want {
		if got[i].Command != want[i].Name || got[i].Description != want[i].Description {
			t.Errorf("command %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if n := len(h.srv.Calls("deleteWebhook")); n != 1 {
		t.Errorf("deleteWebhook calls = %d, want 1 before polling", n)
	}
	if v := h.metric("policybot_answers_total", map[string]string{"kind": "measure"}); v != 1 {
		t.Errorf("answers{measure} = %v", v)
	}
	if v := h.metric("policybot_updates_received_total", map[string]string{"type": "message"}); v != 1 {
		t.Errorf("updates{message} = %v", v)
	}
	waitMetric(t, h, "policybot_turn_duration_seconds", map[string]string{"event": "message"}, 1)
}

func TestCommandsParsed(t *testing.T) {
	h := newHarness(t, nil).start()
	chat := telegramtest.PrivateChat(alice)
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "/contact 人社局"))
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "/START@telegramtest_bot"))
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "/社保 能缓交吗"))
	h.calls("sendMessage", 3)
	want := []dialog.Event{
		{Kind: dialog.Command, Command: "contact", Text: "人社局"},
		{Kind: dialog.Command, Command: "start"},
		{Kind: dialog.Message, Text: "/社保 能缓交吗"},
	}
	seen := h.dlg.seen()
	for i, w := range want {
		if seen[i].ev != w || seen[i].chatID != alice.ID {
			t.Errorf("event %d = %+v, want %+v", i, seen[i], w)
		}
	}
}

func TestButtonPressAnswersAndEdits(t *testing.T) {
	page := func(n int) dialog.Reply {
		return dialog.Reply{
			Kind: seeds.KindCommand, Text: fmt.Sprintf("第%d条 <措施> & 说明", n), Edit: true, Notice: fmt.Sprintf("第%d条", n),
			Buttons: [][]dialog.Button{{{Text: "上一条", Data: fmt.Sprintf("m:%d", n-1)}, {Text: "下一条", Data: fmt.Sprintf("m:%d", n+1)}}},
		}
	}
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		if ev.Kind == dialog.Press {
			n, err := strconv.Atoi(strings.TrimPrefix(ev.Data, "m:"))
			if err != nil || n > 100 {
				return []dialog.Reply{{Kind: seeds.KindCommand, Text: "该按钮已过期，请重新提问。", Notice: "已过期"}}, nil
			}
			return []dialog.Reply{page(n)}, nil
		}
		r := page(2)
		r.Edit, r.Notice = false, ""
		return []dialog.Reply{r}, nil
	}}
	h := newHarness(t, dlg).start()
	chat := telegramtest.PrivateChat(alice)
	q := h.srv.TextMessage(chat, &alice, "/list")
	h.srv.PushMessage(q)
	h.calls("sendMessage", 1)
	botMsg := botMessageAfter(t, h.srv, chat.ID, q.MessageID)

	// A press: answered with the notice, and the message edited in place.
	h.srv.PushCallbackQuery(alice, botMsg, "m:3")
	ans := h.calls("answerCallbackQuery", 1)[0]
	if ans.Params["text"] != "第3条" {
		t.Errorf("answerCallbackQuery text = %q", ans.Params["text"])
	}
	edit := h.calls("editMessageText", 1)[0]
	if edit.Params["message_id"] != strconv.Itoa(botMsg.MessageID) || edit.Params["chat_id"] != strconv.FormatInt(chat.ID, 10) ||
		edit.Params["text"] != "第3条 &lt;措施&gt; &amp; 说明" || edit.Params["parse_mode"] != "HTML" {
		t.Errorf("edit params = %v", edit.Params)
	}
	if kb := markup(t, edit.Params["reply_markup"]); len(kb) != 1 || kb[0][1] != [2]string{"下一条", "m:4"} {
		t.Errorf("edited keyboard = %v", kb)
	}
	// The call is recorded as it arrives; wait for the fake to apply it.
	deadline := time.Now().Add(wait)
	for h.srv.Message(chat.ID, botMsg.MessageID).Text != "第3条 &lt;措施&gt; &amp; 说明" {
		if time.Now().After(deadline) {
			t.Fatalf("message after edit = %q", h.srv.Message(chat.ID, botMsg.MessageID).Text)
		}
		time.Sleep(2 * time.Millisecond)
	}

	// The same press again: Telegram says "message is not modified", which
	// must not produce a new message.
	h.srv.PushCallbackQuery(alice, h.srv.Message(chat.ID, botMsg.MessageID), "m:3")
	h.calls("editMessageText", 2)
	// A press on a message the bot cannot edit (the user's own): the edit
	// fails and the answer comes as a new message instead.
	h.srv.PushCallbackQuery(alice, q, "m:5")
	msgs := h.calls("sendMessage", 2)
	if msgs[1].Params["text"] != "第5条 &lt;措施&gt; &amp; 说明" || markup(t, msgs[1].Params["reply_markup"]) == nil {
		t.Errorf("fallback message = %v", msgs[1].Params)
	}
	if n := len(h.srv.Calls("sendMessage")); n != 2 {
		t.Errorf("sendMessage calls = %d, want 2 (the not-modified edit must not send one)", n)
	}

	// Forged but well-formed data goes to the dialog, which answers it;
	// malformed data is answered by the adapter and never reaches it.
	h.srv.PushCallbackQuery(alice, botMsg, "m:999999")
	h.srv.PushCallbackQuery(alice, botMsg, strings.Repeat("x", 65))
	h.srv.PushCallbackQuery(alice, botMsg, "m:\u0001")
	answers := h.calls("answerCallbackQuery", 6)
	if answers[3].Params["text"] != "已过期" || answers[4].Params["text"] != staleButton || answers[5].Params["text"] != staleButton {
		t.Errorf("answers = %q %q %q", answers[3].Params["text"], answers[4].Params["text"], answers[5].Params["text"])
	}
	var presses []string
	for _, e := range h.dlg.seen() {
		if e.ev.Kind == dialog.Press {
			presses = append(presses, e.ev.Data)
		}
	}
	if !slices.Equal(presses, []string{"m:3", "m:3", "m:5", "m:999999"}) {
		t.Errorf("presses seen by the dialog = %q", presses)
	}
	if v := h.metric("policybot_answers_total", map[string]string{"kind": "stale_button"}); v != 2 {
		t.Errorf("stale_button answers = %v", v)
	}
}

func TestInlineQueryAnswersArticles(t *testing.T) {
	dlg := &fakeDialog{inline: func(query string, max int) []dialog.InlineResult {
		if query == "" || max != 10 {
			return nil
		}
		return []dialog.InlineResult{
			{ID: "m2", Title: "第2条 社会保险费缓缴", Description: "阶段性缓缴 <三项> 社保费", Text: "第2条 <缓缴> & 说明"},
			{ID: "m5", Title: "第5条 稳岗返还", Description: "返还", Text: "第5条 \"返还\""},
		}
	}}
	h := newHarness(t, dlg).start()
	h.srv.PushInlineQuery(alice, "社保")
	h.srv.PushInlineQuery(alice, "")
	calls := h.calls("answerInlineQuery", 2)

	a := calls[0]
	if a.Params["cache_time"] != "60" || a.Params["is_personal"] == "true" {
		t.Errorf("params = %v", a.Params)
	}
	var results []struct {
		Type                string `json:"type"`
		ID                  string `json:"id"`
		Title               string `json:"title"`
		Description         string `json:"description"`
		InputMessageContent struct {
			MessageText string `json:"message_text"`
			ParseMode   string `json:"parse_mode"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(a.Params["results"]), &results); err != nil {
		t.Fatalf("results %q: %v", a.Params["results"], err)
	}
	if len(results) != 2 {
		t.Fatalf("results = %+v", results)
	}
	r := results[0]
	if r.Type != "article" || r.ID != "m2" || r.Title != "第2条 社会保险费缓缴" || r.Description != "阶段性缓缴 <三项> 社保费" ||
		r.InputMessageContent.MessageText != "第2条 &lt;缓缴&gt; &amp; 说明" || r.InputMessageContent.ParseMode != "HTML" {
		t.Errorf("first result = %+v", r)
	}
	if results[1].InputMessageContent.MessageText != "第5条 &#34;返还&#34;" {
		t.Errorf("second result = %+v", results[1])
	}
	if calls[1].Params["results"] != "[]" {
		t.Errorf("empty query results = %q, want []", calls[1].Params["results"])
	}
}

func TestNonTextMessagesGetAHint(t *testing.T) {
	h := newHarness(t, nil).start()
	chat := telegramtest.PrivateChat(alice)
	h.srv.PushMessage(h.srv.PhotoMessage(chat, &alice, ""))
	h.srv.PushMessage(h.srv.StickerMessage(chat, &alice, "👍"))
	h.srv.PushMessage(h.srv.VoiceMessage(chat, &alice, 3))
	h.srv.PushMessage(h.srv.LocationMessage(chat, &alice, 40.37, 116.84))
	h.srv.PushMessage(h.srv.DocumentMessage(chat, &alice, "营业执照.pdf", "application/pdf"))
	// In a group, media is never answered.
	h.srv.PushMessage(h.srv.PhotoMessage(group, &bob, "@telegramtest_bot 这是什么"))
	// An edit of a question is not answered again.
	m := h.srv.TextMessage(chat, &alice, "社保")
	h.srv.PushEditedMessage(m, "社保能缓交吗")
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "最后一个问题"))

	msgs := h.calls("sendMessage", 6)
	for i, m := range msgs[:5] {
		if m.Params["text"] != hintText || m.Params["chat_id"] != strconv.FormatInt(alice.ID, 10) {
			t.Errorf("message %d = %v", i, m.Params)
		}
	}
	if msgs[5].Params["text"] != "答：最后一个问题" || len(msgs) != 6 {
		t.Errorf("messages = %q", texts(msgs))
	}
	if seen := h.dlg.seen(); len(seen) != 1 {
		t.Errorf("dialog saw %d events, want only the last question: %+v", len(seen), seen)
	}
	if v := h.metric("policybot_answers_total", map[string]string{"kind": "hint"}); v != 5 {
		t.Errorf("hint answers = %v", v)
	}
}

func TestGroupAnswersOnlyWhenAddressed(t *testing.T) {
	h := newHarness(t, nil).start()
	// Not addressed: chatter, another bot's command, a photo.
	h.srv.PushMessage(h.srv.TextMessage(group, &alice, "大家好，社保能缓交吗"))
	h.srv.PushMessage(h.srv.TextMessage(group, &alice, "/help@other_bot"))
	h.srv.PushMessage(h.srv.TextMessage(group, &bob, "@someone_else 社保"))
	// Addressed by mention (with an emoji before it, so UTF-16 offsets
	// differ from rune offsets).
	q := h.srv.TextMessage(group, &alice, "😀 @telegramtest_bot 社保能缓交吗")
	h.srv.PushMessage(q)
	first := h.calls("sendMessage", 1)[0]
	var rp struct {
		MessageID int  `json:"message_id"`
		Allow     bool `json:"allow_sending_without_reply"`
	}
	if err := json.Unmarshal([]byte(first.Params["reply_parameters"]), &rp); err != nil || rp.MessageID != q.MessageID || !rp.Allow {
		t.Errorf("reply_parameters = %q, want a reply to %d", first.Params["reply_parameters"], q.MessageID)
	}
	botMsg := botMessageAfter(t, h.srv, group.ID, q.MessageID)

	// Addressed by command to this bot, by replying to the bot, and by a
	// bare mention.
	h.srv.PushMessage(h.srv.TextMessage(group, &bob, "/contact@telegramtest_bot 人社局"))
	h.srv.PushMessage(h.srv.TextMessage(group, &bob, "那医保呢").ReplyTo(botMsg))
	h.srv.PushMessage(h.srv.TextMessage(group, &bob, "@TelegramTest_Bot"))
	h.calls("sendMessage", 4)

	want := []dialog.Event{
		{Kind: dialog.Message, Text: "😀 社保能缓交吗"},
		{Kind: dialog.Command, Command: "contact", Text: "人社局"},
		{Kind: dialog.Message, Text: "那医保呢"},
		{Kind: dialog.Command, Command: "help"},
	}
	seen := h.dlg.seen()
	if len(seen) != len(want) {
		t.Fatalf("dialog saw %+v", seen)
	}
	for i, w := range want {
		if seen[i].ev != w || seen[i].chatID != group.ID {
			t.Errorf("event %d = %+v, want %+v", i, seen[i], w)
		}
	}
	if v := h.metric("policybot_updates_ignored_total", map[string]string{"reason": "group_not_addressed"}); v != 3 {
		t.Errorf("ignored{group_not_addressed} = %v", v)
	}
}

func TestWebhookChecksSecret(t *testing.T) {
	const secret = "s3cret-Token_1"
	h := newHarness(t, nil, WithWebhook("https://bot.example.org/telegram/hook", secret))
	hook := httptest.NewServer(h.bot.WebhookHandler())
	t.Cleanup(hook.Close)

	// Before Run the endpoint exists but refuses updates (Telegram retries).
	upd := telegramtest.Update{Message: h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "太早了")}
	if code := post(t, h.srv, hook.URL, secret, upd); code != http.StatusServiceUnavailable {
		t.Errorf("before Run: status %d, want 503", code)
	}
	h.start()

	set := h.calls("setWebhook", 1)[0]
	if set.Params["url"] != "https://bot.example.org/telegram/hook" || set.Params["secret_token"] != secret ||
		set.Params["allowed_updates"] != `["message","callback_query","inline_query"]` {
		t.Errorf("setWebhook params = %v", set.Params)
	}
	if n := len(h.srv.Calls("getUpdates")); n != 0 {
		t.Errorf("getUpdates called %d times in webhook mode", n)
	}

	chat := telegramtest.PrivateChat(alice)
	for _, s := range []string{"", "wrong", secret + "x"} {
		if code := post(t, h.srv, hook.URL, s, telegramtest.Update{Message: h.srv.TextMessage(chat, &alice, "伪造")}); code != http.StatusUnauthorized {
			t.Errorf("secret %q: status %d, want 401", s, code)
		}
	}
	resp, err := http.Get(hook.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", resp.StatusCode)
	}

	if code := post(t, h.srv, hook.URL, secret, telegramtest.Update{Message: h.srv.TextMessage(chat, &alice, "社保能缓交吗")}); code != http.StatusOK {
		t.Errorf("right secret: status %d, want 200", code)
	}
	msgs := h.calls("sendMessage", 1)
	if msgs[0].Params["text"] != "答：社保能缓交吗" {
		t.Errorf("answer = %q", msgs[0].Params["text"])
	}
	if seen := h.dlg.seen(); len(seen) != 1 {
		t.Errorf("dialog saw %+v; forged updates must not reach it", seen)
	}
	if v := h.metric("policybot_webhook_rejected_total", map[string]string{"reason": "secret"}); v != 3 {
		t.Errorf("rejected{secret} = %v", v)
	}
}

func TestWebhookShutdownFinishesAcceptedUpdates(t *testing.T) {
	const secret = "shutdown-secret"
	release := make(chan struct{})
	entered := make(chan struct{}, 10)
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		entered <- struct{}{}
		<-release
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答：" + ev.Text}}, nil
	}}
	h := newHarness(t, dlg, WithWebhook("https://bot.example.org/hook", secret)).start()
	hook := httptest.NewServer(h.bot.WebhookHandler())
	t.Cleanup(hook.Close)
	chat := telegramtest.PrivateChat(alice)
	for _, q := range []string{"一", "二"} {
		if code := post(t, h.srv, hook.URL, secret, telegramtest.Update{Message: h.srv.TextMessage(chat, &alice, q)}); code != 200 {
			t.Fatalf("status %d", code)
		}
	}
	<-entered // the first turn is running, the second queued behind it
	stopped := make(chan error, 1)
	go func() { stopped <- h.stop() }()
	for deadline := time.Now().Add(wait); ; {
		h.bot.webhook.mu.RLock()
		open := h.bot.webhook.open
		h.bot.webhook.mu.RUnlock()
		if !open {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("webhook still open after cancellation")
		}
		time.Sleep(time.Millisecond)
	}
	if code := post(t, h.srv, hook.URL, secret, telegramtest.Update{Message: h.srv.TextMessage(chat, &alice, "三")}); code != http.StatusServiceUnavailable {
		t.Errorf("during shutdown: status %d, want 503", code)
	}
	select {
	case err := <-stopped:
		t.Fatalf("Run returned (%v) before the turns in flight finished", err)
	default:
	}
	close(release)
	if err := <-stopped; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := texts(h.srv.Calls("sendMessage")); !slices.Equal(got, []string{"答：一", "答：二"}) {
		t.Errorf("answers = %q", got)
	}
}

func post(t *testing.T, srv *telegramtest.Server, url, secret string, u telegramtest.Update) int {
	t.Helper()
	resp, err := srv.PostWebhook(url, secret, u)
	if err != nil {
		t.Fatalf("PostWebhook: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestTooManyRequestsWaitsRetryAfter(t *testing.T) {
	h := newHarness(t, nil).start()
	h.srv.FailNext("sendMessage", 1, telegramtest.TooManyRequests(1))
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "社保能缓交吗"))
	calls := h.calls("sendMessage", 2)
	if gap := calls[1].Time.Sub(calls[0].Time); gap < time.Second {
		t.Errorf("retried after %v, want at least retry_after=1s", gap)
	}
	if calls[1].Params["text"] != calls[0].Params["text"] {
		t.Error("retry sent a different message")
	}
	if v := h.metric("policybot_telegram_retries_total", map[string]string{"method": "sendMessage", "reason": "flood"}); v != 1 {
		t.Errorf("retries{flood} = %v", v)
	}
	waitMetric(t, h, "policybot_telegram_calls_total", map[string]string{"method": "sendMessage"}, 1)
	if v := h.metric("policybot_telegram_send_errors_total", nil); v != 0 {
		t.Errorf("send errors = %v", v)
	}
}

func TestServerErrorsRetriedWithBackoff(t *testing.T) {
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		return []dialog.Reply{{Kind: seeds.KindUnit, Text: "区人保局 010-69050322",
			Contacts: []dialog.Contact{{Name: "区人保局", Org: "区人保局", Phones: []string{"010-69050322"}}}}}, nil
	}}
	h := newHarness(t, dlg).start()
	h.srv.FailNext("sendMessage", 2, telegramtest.ServerError(502))
	h.srv.FailNext("sendContact", 1, telegramtest.DropConnection())
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "人社局电话"))
	calls := h.calls("sendMessage", 3)
	g1, g2 := calls[1].Time.Sub(calls[0].Time), calls[2].Time.Sub(calls[1].Time)
	// Equal jitter: the n-th wait is in [base·2^(n-1)/2, base·2^(n-1)].
	if g1 < fastRetry.BaseDelay/2 || g2 < fastRetry.BaseDelay {
		t.Errorf("backoff gaps %v, %v; want ≥ %v and ≥ %v", g1, g2, fastRetry.BaseDelay/2, fastRetry.BaseDelay)
	}
	contacts := h.calls("sendContact", 2)
	// A unit without a person: the card is the unit, once.
	if contacts[1].Params["first_name"] != "区人保局" || contacts[1].Params["last_name"] != "" {
		t.Errorf("contact = %v", contacts[1].Params)
	}
	waitMetric(t, h, "policybot_telegram_calls_total", map[string]string{"method": "sendContact"}, 1)
	if v := h.metric("policybot_telegram_retries_total", map[string]string{"method": "sendMessage", "reason": "server"}); v != 2 {
		t.Errorf("retries{server} = %v", v)
	}
	if v := h.metric("policybot_telegram_retries_total", map[string]string{"method": "sendContact", "reason": "network"}); v != 1 {
		t.Errorf("retries{network} = %v", v)
	}
}

func TestFinalFailureLoggedAndCounted(t *testing.T) {
	const secretAnswer = "只有用户能看到的答案内容"
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: secretAnswer,
			Contacts: []dialog.Contact{{Name: "林桂香", Org: "区人保局", Phones: []string{"010-69050322"}}}}}, nil
	}}
	h := newHarness(t, dlg, WithRetry(RetryPolicy{MaxAttempts: 3, BaseDelay: 10 * time.Millisecond, MaxDelay: 20 * time.Millisecond})).start()
	chat := telegramtest.PrivateChat(alice)

	// 5xx until the attempts run out: 3 calls, then a logged, counted
	// failure; the message is not given up on but tried again after a
	// pause (a fourth call, which succeeds), then the contact card.
	h.srv.FailNext("sendMessage", 3, telegramtest.ServerError(502))
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "一"))
	h.calls("sendContact", 1)
	if calls := h.srv.Calls("sendMessage"); len(calls) != 4 || calls[3].Params["text"] != calls[0].Params["text"] {
		t.Errorf("sendMessage attempts = %d, want 4 of the same message", len(calls))
	}
	if v := h.metric("policybot_telegram_send_errors_total", map[string]string{"method": "sendMessage", "reason": "server"}); v != 1 {
		t.Errorf("send_errors{sendMessage,server} = %v", v)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, `"msg":"telegram call failed"`) || !strings.Contains(logs, `"chat_id":5550001`) {
		t.Errorf("final failure not logged with the chat id:\n%s", logs)
	}
	if strings.Contains(logs, secretAnswer) {
		t.Error("message text appears in the logs")
	}

	// 403 (blocked by the user) is not retried, and the rest of the turn
	// (the contact card) is not attempted but counted.
	h.srv.FailNext("sendMessage", 1, telegramtest.Fault{Code: 403, Description: "Forbidden: bot was blocked by the user"})
	h.srv.PushMessage(h.srv.TextMessage(chat, &alice, "二"))
	waitMetric(t, h, "policybot_telegram_send_errors_total", map[string]string{"method": "sendMessage", "reason": "client"}, 1)
	waitMetric(t, h, "policybot_telegram_send_errors_total", map[string]string{"method": "sendContact", "reason": "abandoned"}, 1)
	if n := len(h.srv.Calls("sendContact")); n != 1 {
		t.Errorf("sendContact calls = %d; a blocked chat gets no more attempts", n)
	}
}

func waitMetric(t *testing.T, h *harness, name string, labels map[string]string, want float64) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		v := h.metric(name, labels)
		if v == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s%v = %v, want %v; logs:\n%s", name, labels, v, want, h.logs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPerChatOrdering(t *testing.T) {
	var running, peak atomic.Int32
	dlg := &fakeDialog{handle: func(_ context.Context, chatID int64, ev dialog.Event) ([]dialog.Reply, error) {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(time.Duration(rand.IntN(15)) * time.Millisecond)
		running.Add(-1)
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: ev.Text}}, nil
	}}
	h := newHarness(t, dlg).start()
	const chats, perChat = 6, 8
	for i := range perChat {
		for c := range chats {
			u := telegramtest.User{ID: int64(7000 + c), FirstName: "U"}
			h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(u), &u, fmt.Sprintf("%d-%d", c, i)))
		}
	}
	msgs := h.calls("sendMessage", chats*perChat)
	next := map[string]int{}
	for _, m := range msgs {
		c, i, _ := strings.Cut(m.Params["text"], "-")
		if want := strconv.Itoa(next[c]); i != want {
			t.Errorf("chat %s: got message %s, want %s", c, i, want)
		}
		next[c]++
	}
	if peak.Load() < 2 {
		t.Errorf("peak concurrent turns = %d; different chats should run concurrently", peak.Load())
	}
}

func TestLongReplySplit(t *testing.T) {
	var sb strings.Builder
	for i := range 120 {
		fmt.Fprintf(&sb, "第%03d行 %s <&>\n", i, strings.Repeat("政策", 40))
	}
	long := strings.TrimSuffix(sb.String(), "\n")
	dlg := &fakeDialog{handle: func(context.Context, int64, dialog.Event) ([]dialog.Reply, error) {
		return []dialog.Reply{{Kind: seeds.KindChoice, Text: long, Buttons: [][]dialog.Button{{{Text: "更多", Data: "more"}}}}}, nil
	}}
	h := newHarness(t, dlg).start()
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "有哪些政策"))
	h.calls("sendMessage", 3)
	waitMetric(t, h, "policybot_turn_duration_seconds", nil, 1) // the turn is over: no more parts
	msgs := h.srv.Calls("sendMessage")
	var parts []string
	for i, m := range msgs {
		if n := utf16Len(m.Params["text"]); n > maxMessageUnits {
			t.Errorf("part %d has %d UTF-16 units", i, n)
		}
		if hasKB := m.Params["reply_markup"] != ""; hasKB != (i == len(msgs)-1) {
			t.Errorf("part %d of %d: keyboard %v", i, len(msgs), hasKB)
		}
		parts = append(parts, m.Params["text"])
	}
	if got := strings.Join(parts, "\n"); got != html.EscapeString(long) {
		t.Error("parts do not add up to the text split at line boundaries")
	}
}

func TestShutdownFinishesTurnsAndConfirmsOffset(t *testing.T) {
	entered := make(chan struct{}, 1)
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		entered <- struct{}{}
		time.Sleep(300 * time.Millisecond)
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答：" + ev.Text}}, nil
	}}
	h := newHarness(t, dlg).start()
	u := h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "慢问题"))
	<-entered
	if err := h.stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if msgs := h.srv.Calls("sendMessage"); len(msgs) != 1 {
		t.Fatalf("sendMessage calls after Run returned = %d, want 1", len(msgs))
	}
	// The library's last long poll, cancelled mid-request, may be recorded
	// after the confirmation, so look for the confirmation itself.
	polls := h.srv.Calls("getUpdates")
	if !slices.ContainsFunc(polls, func(r telegramtest.Request) bool {
		return r.Params["offset"] == strconv.FormatInt(u.UpdateID+1, 10) && r.Params["timeout"] == "0"
	}) {
		t.Errorf("getUpdates calls = %v, want one with offset %d and timeout 0 confirming the handled update", polls, u.UpdateID+1)
	}
	if s := h.bot.unhealthy(); s == "" {
		t.Error("healthy after Run returned")
	}
}

func TestShutdownTimeoutCancelsTurns(t *testing.T) {
	entered := make(chan struct{}, 1)
	dlg := &fakeDialog{handle: func(ctx context.Context, _ int64, _ dialog.Event) ([]dialog.Reply, error) {
		entered <- struct{}{}
		<-ctx.Done()
		return nil, ctx.Err()
	}}
	h := newHarness(t, dlg, WithShutdownTimeout(200*time.Millisecond)).start()
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "永远"))
	<-entered
	start := time.Now()
	err := h.stop()
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("Run = %v, want a shutdown timeout error", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("shutdown took %v", d)
	}
}

func TestRateLimitSpacesMessagesToOneChat(t *testing.T) {
	dlg := &fakeDialog{handle: func(context.Context, int64, dialog.Event) ([]dialog.Reply, error) {
		return []dialog.Reply{{Kind: seeds.KindUnit, Text: "两位联系人 010-69050322 010-69050323", Contacts: []dialog.Contact{
			{Name: "甲", Org: "区人保局", Phones: []string{"010-69050322"}},
			{Name: "乙", Org: "区人保局", Phones: []string{"010-69050323"}},
		}}}, nil
	}}
	h := newHarness(t, dlg, WithLimits(Limits{PerChatPerSecond: 10, PerChatBurst: 1})).start()
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "电话"))
	cards := h.calls("sendContact", 2)
	text := h.calls("sendMessage", 1)[0]
	times := []time.Time{text.Time, cards[0].Time, cards[1].Time}
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 80*time.Millisecond {
			t.Errorf("gap %d = %v, want ≈100ms at 10 messages/s", i, gap)
		}
	}
	if v := h.metric("policybot_ratelimit_waits_total", map[string]string{"scope": "chat"}); v != 2 {
		t.Errorf("rate-limit waits = %v, want 2", v)
	}
}

func TestPollingHonoursRetryAfter(t *testing.T) {
	h := newHarness(t, nil)
	h.srv.FailNext("getUpdates", 1, telegramtest.TooManyRequests(1))
	h.start()
	polls := h.calls("getUpdates", 2)
	if gap := polls[1].Time.Sub(polls[0].Time); gap < time.Second {
		t.Errorf("polled again after %v, want ≥ retry_after 1s (the library alone waits 100ms)", gap)
	}
}

func TestAdminHandler(t *testing.T) {
	h := newHarness(t, nil)
	admin := httptest.NewServer(h.bot.AdminHandler())
	t.Cleanup(admin.Close)
	get := func(path string) (int, string) {
		resp, err := http.Get(admin.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, _ := get("/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("healthz before Run = %d", code)
	}
	h.start()
	if code, body := get("/healthz"); code != 200 || body != "ok" {
		t.Errorf("healthz = %d %q", code, body)
	}
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "你好"))
	waitMetric(t, h, "policybot_turn_duration_seconds", map[string]string{"event": "message"}, 1)
	code, body := get("/metrics")
	for _, want := range []string{`policybot_updates_received_total{type="message"} 1`, "policybot_turn_duration_seconds_bucket",
		`policybot_answers_total{kind="measure"} 1`, "policybot_queued_turns", "policybot_active_chats"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q (status %d)", want, code)
		}
	}
	h.stop()
	if code, _ := get("/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("healthz after stop = %d", code)
	}
}

func TestDialogErrorAndPanic(t *testing.T) {
	var n atomic.Int32
	dlg := &fakeDialog{handle: func(_ context.Context, _ int64, ev dialog.Event) ([]dialog.Reply, error) {
		switch n.Add(1) {
		case 1:
			return nil, errors.New("store unavailable")
		case 2:
			panic("dialog bug")
		case 3:
			return []dialog.Reply{{Kind: seeds.KindNone, Text: "仍然值得发送"}}, errors.New("state not saved")
		}
		return []dialog.Reply{{Kind: seeds.KindMeasure, Text: "好了"}}, nil
	}}
	h := newHarness(t, dlg).start()
	chat := telegramtest.PrivateChat(alice)
	for _, q := range []string{"一", "二", "三", "四"} {
		h.srv.PushMessage(h.srv.TextMessage(chat, &alice, q))
	}
	got := texts(h.calls("sendMessage", 4))
	if !slices.Equal(got, []string{errorText, errorText, "仍然值得发送", "好了"}) {
		t.Errorf("answers = %q", got)
	}
	if v := h.metric("policybot_turn_panics_total", nil); v != 1 {
		t.Errorf("panics = %v", v)
	}
}

func TestOversizedButtonDropped(t *testing.T) {
	dlg := &fakeDialog{handle: func(context.Context, int64, dialog.Event) ([]dialog.Reply, error) {
		return []dialog.Reply{{Kind: seeds.KindChoice, Text: "请选择", Buttons: [][]dialog.Button{
			{{Text: "太长", Data: strings.Repeat("长", 30)}}, // 90 bytes
			{{Text: "好的", Data: "m:2"}},
		}}}, nil
	}}
	h := newHarness(t, dlg).start()
	h.srv.PushMessage(h.srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "选"))
	m := h.calls("sendMessage", 1)[0]
	if kb := markup(t, m.Params["reply_markup"]); len(kb) != 1 || kb[0][0] != [2]string{"好的", "m:2"} {
		t.Errorf("keyboard = %v", kb)
	}
	if v := h.metric("policybot_buttons_dropped_total", nil); v != 1 {
		t.Errorf("buttons dropped = %v", v)
	}
	if !strings.Contains(h.logs.String(), "dropping inline button") {
		t.Error("dropped button not logged")
	}
}

// TestTokenNeverLogged makes the token reach error strings the library
// does not scrub: a transport whose error quotes the full request URL
// (http.Client wraps it in a url.Error whose URL the library masks, but the
// inner message still has it), plus failed polls, and checks every log
// line and the errors Run returns.
func TestTokenNeverLogged(t *testing.T) {
	srv := telegramtest.NewServer(t)
	leaky := &http.Client{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if strings.HasSuffix(req.URL.Path, "/sendMessage") {
			return nil, fmt.Errorf("proxy refused %s", req.URL.String())
		}
		return http.DefaultTransport.RoundTrip(req)
	}), Timeout: time.Minute}
	logs := &syncBuffer{}
	logger := slogJSON(logs)
	b, err := New(srv.Token(), &fakeDialog{}, WithServerURL(srv.URL()), WithLogger(logger), WithHTTPClient(5*time.Second, leaky),
		WithRetry(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond}), WithLimits(Limits{}))
	if err != nil {
		t.Fatal(err)
	}
	srv.FailNext("getUpdates", 2, telegramtest.ServerError(502))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "社保"))
	deadline := time.Now().Add(wait)
	for !strings.Contains(logs.String(), "telegram call failed") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "proxy refused") || !strings.Contains(out, redacted) {
		t.Fatalf("expected the leaky error, redacted, in the logs:\n%s", out)
	}
	_, secretHalf, _ := strings.Cut(srv.Token(), ":")
	if leak := containsAny(out, srv.Token(), secretHalf); leak != "" {
		t.Errorf("token in logs:\n%s", out)
	}

	// A start-up failure's error is scrubbed too (a 401 that quotes the
	// URL), and so are the lines about start-up calls tried again.
	b2, err := New(srv.Token(), &fakeDialog{}, WithServerURL(srv.URL()), WithLogger(slogJSON(logs)),
		WithHTTPClient(5*time.Second, &http.Client{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
			body := `{"ok":false,"error_code":401,"description":"Unauthorized: ` + req.URL.String() + `"}`
			return &http.Response{StatusCode: 401, Header: http.Header{"Content-Type": {"application/json"}},
				Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
		})}), WithRetry(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	err = b2.Run(context.Background())
	if err == nil || containsAny(err.Error(), srv.Token(), secretHalf) != "" || !strings.Contains(err.Error(), "Unauthorized") {
		t.Errorf("Run error = %v", err)
	}
	b3, err := New(srv.Token(), &fakeDialog{}, WithServerURL(srv.URL()), WithLogger(slogJSON(logs)),
		WithHTTPClient(5*time.Second, &http.Client{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
			return nil, fmt.Errorf("cannot reach %s", req.URL)
		})}), WithRetry(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxRedeliverDelay: 2 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	sctx, scancel := context.WithCancel(context.Background())
	go func() {
		for !strings.Contains(logs.String(), "not reachable at start-up") {
			time.Sleep(time.Millisecond)
		}
		scancel()
	}()
	if err := b3.Run(sctx); err != nil {
		t.Errorf("Run stopped while starting: %v", err)
	}
	if !strings.Contains(logs.String(), "cannot reach") {
		t.Error("the start-up failure was not logged")
	}
	if containsAny(logs.String(), srv.Token(), secretHalf) != "" {
		t.Error("token in logs after start-up failure")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNewValidates(t *testing.T) {
	d := &fakeDialog{}
	cases := map[string]func() (*Bot, error){
		"empty token":  func() (*Bot, error) { return New("  ", d) },
		"nil dialog":   func() (*Bot, error) { return New("1:x", nil) },
		"http webhook": func() (*Bot, error) { return New("1:x", d, WithWebhook("http://x.org/h", "s")) },
		"no secret":    func() (*Bot, error) { return New("1:x", d, WithWebhook("https://x.org/h", "")) },
		"bad secret":   func() (*Bot, error) { return New("1:x", d, WithWebhook("https://x.org/h", "a b")) },
		"client timeout": func() (*Bot, error) {
			return New("1:x", d, WithHTTPClient(30*time.Second, &http.Client{Timeout: 10 * time.Second}))
		},
	}
	for name, f := range cases {
		if _, err := f(); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
	b, err := New(" 1:x\n", d, WithLogger(slogJSON(io.Discard)))
	if err != nil || b.token != "1:x" {
		t.Errorf("New trims the token: %v", err)
	}
	// A cancelled context stops Run during start-up, before any request
	// leaves the machine; it is a normal stop, not an error.
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Run(cancelled); err != nil {
		t.Errorf("Run with a cancelled context = %v", err)
	}
	if err := b.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "more than once") {
		t.Errorf("second Run = %v", err)
	}
}

func slogJSON(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
