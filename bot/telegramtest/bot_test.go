package telegramtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"policybot/bot/telegramtest"
)

// These tests drive the fake with the real github.com/go-telegram/bot
// client, so they pin both the fake's wire behaviour and the library facts
// an adapter relies on.

const wait = 5 * time.Second

var alice = telegramtest.User{ID: 5550001, FirstName: "Alice", Username: "alice_w", LanguageCode: "en"}

// startBot creates a client for srv and runs its long-polling loop until
// the test ends. Errors the library reports go to errs (if not nil).
func startBot(t *testing.T, srv *telegramtest.Server, handler bot.HandlerFunc, errs chan<- error) *bot.Bot {
	t.Helper()
	b, err := bot.New(srv.Token(),
		bot.WithServerURL(srv.URL()),
		bot.WithDefaultHandler(handler),
		bot.WithErrorsHandler(func(err error) {
			if errs != nil {
				select {
				case errs <- err:
				default:
				}
			}
		}),
	)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		b.Start(ctx)
		close(stopped)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-stopped:
		case <-time.After(wait):
			t.Error("bot.Start did not return after its context was cancelled")
		}
	})
	return b
}

// newClient is a client for one-shot calls; no polling loop.
func newClient(t *testing.T, srv *telegramtest.Server) *bot.Bot {
	t.Helper()
	b, err := bot.New(srv.Token(), bot.WithServerURL(srv.URL()), bot.WithSkipGetMe())
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

func TestLongPollThenReplyWithInlineKeyboard(t *testing.T) {
	srv := telegramtest.NewServer(t)
	got := make(chan *models.Update, 1)
	// Handlers run on their own goroutines and bot.Start does not wait for
	// them, so the handler reports its outcome instead of calling t.Errorf
	// after the test may have finished.
	sendErr := make(chan error, 1)
	startBot(t, srv, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		got <- u
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{
			ChatID: u.Message.Chat.ID,
			Text:   "Which policy?",
			ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{
				{Text: "Refunds", CallbackData: "policy:refunds"},
			}}},
		})
		sendErr <- err
	}, nil)

	// bot.New calls getMe unless WithSkipGetMe.
	if calls := srv.Calls("getMe"); len(calls) != 1 {
		t.Fatalf("getMe calls = %d, want 1", len(calls))
	}

	pushed := srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "/start hello"))

	var u *models.Update
	select {
	case u = <-got:
	case <-time.After(wait):
		t.Fatal("handler never received the pushed update")
	}
	if u.ID != pushed.UpdateID || u.Message.Text != "/start hello" || u.Message.From.ID != alice.ID ||
		u.Message.Chat.Type != models.ChatTypePrivate {
		t.Errorf("update = %+v, message = %+v", u, u.Message)
	}
	if len(u.Message.Entities) != 1 || u.Message.Entities[0].Type != models.MessageEntityTypeBotCommand ||
		u.Message.Entities[0].Length != len("/start") {
		t.Errorf("entities = %+v, want one bot_command over /start", u.Message.Entities)
	}

	select {
	case err := <-sendErr:
		if err != nil {
			t.Fatalf("SendMessage in handler: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("handler never finished SendMessage")
	}
	calls := srv.Calls("sendMessage")
	if len(calls) != 1 {
		t.Fatalf("sendMessage calls = %d, want 1", len(calls))
	}
	p := calls[0].Params
	if p["chat_id"] != strconv.FormatInt(alice.ID, 10) || p["text"] != "Which policy?" {
		t.Errorf("sendMessage params = %v", p)
	}
	var markup struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(p["reply_markup"]), &markup); err != nil {
		t.Fatalf("reply_markup %q is not JSON: %v", p["reply_markup"], err)
	}
	if len(markup.InlineKeyboard) != 1 || markup.InlineKeyboard[0][0].CallbackData != "policy:refunds" {
		t.Errorf("reply_markup = %s", p["reply_markup"])
	}

	// The next poll confirms the update: offset = update_id + 1.
	polls, err := srv.WaitCalls("getUpdates", 2, wait)
	if err != nil {
		t.Fatal(err)
	}
	if want := strconv.FormatInt(pushed.UpdateID+1, 10); polls[1].Params["offset"] != want {
		t.Errorf("second getUpdates offset = %q, want %q", polls[1].Params["offset"], want)
	}
	if polls[0].Params["timeout"] != "59" {
		t.Errorf("getUpdates timeout = %q, want 59 (library default poll timeout 1m minus 1s)", polls[0].Params["timeout"])
	}
}

func TestSendContactRecorded(t *testing.T) {
	srv := telegramtest.NewServer(t)
	b := newClient(t, srv)
	msg, err := b.SendContact(context.Background(), &bot.SendContactParams{
		ChatID: alice.ID, PhoneNumber: "+15550100", FirstName: "Support", LastName: "Desk",
	})
	if err != nil {
		t.Fatal(err)
	}
	if msg.Contact == nil || msg.Contact.PhoneNumber != "+15550100" || msg.From.ID != srv.BotUser().ID || msg.ID == 0 {
		t.Errorf("result = %+v", msg)
	}
	calls := srv.Calls("sendContact")
	if len(calls) != 1 {
		t.Fatalf("sendContact calls = %d", len(calls))
	}
	p := calls[0].Params
	if p["chat_id"] != "5550001" || p["phone_number"] != "+15550100" || p["first_name"] != "Support" || p["last_name"] != "Desk" {
		t.Errorf("params = %v", p)
	}
}

func TestTooManyRequests(t *testing.T) {
	srv := telegramtest.NewServer(t)
	b := newClient(t, srv)
	srv.FailNext("sendMessage", 1, telegramtest.TooManyRequests(1))

	_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: alice.ID, Text: "one"})
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 1 || !bot.IsTooManyRequestsError(err) {
		t.Fatalf("err = %#v, want *bot.TooManyRequestsError with RetryAfter 1", err)
	}

	// An adapter honours retry_after; the recorded times prove it waited.
	time.Sleep(time.Duration(tooMany.RetryAfter) * time.Second)
	if _, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: alice.ID, Text: "one"}); err != nil {
		t.Fatalf("retry: %v", err)
	}
	calls := srv.Calls("sendMessage")
	if len(calls) != 2 {
		t.Fatalf("sendMessage calls = %d, want 2", len(calls))
	}
	if gap := calls[1].Time.Sub(calls[0].Time); gap < time.Second {
		t.Errorf("retry came %v after the 429, want >= 1s", gap)
	}
}

func TestTooManyRequestsExactBody(t *testing.T) {
	srv := telegramtest.NewServer(t)
	srv.FailNext("sendMessage", 1, telegramtest.TooManyRequests(7))
	status, body := post(t, srv.URL()+"/bot"+srv.Token()+"/sendMessage", "application/json", `{"chat_id":1,"text":"x"}`)
	want := `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}`
	if status != http.StatusTooManyRequests || body != want {
		t.Errorf("got %d %s\nwant 429 %s", status, body, want)
	}
}

func TestServerErrorsAndDroppedConnections(t *testing.T) {
	srv := telegramtest.NewServer(t)
	b := newClient(t, srv)
	params := &bot.SendMessageParams{ChatID: alice.ID, Text: "hi"}

	srv.FailNext("sendMessage", 1, telegramtest.ServerError(http.StatusBadGateway))
	_, err := b.SendMessage(context.Background(), params)
	if err == nil || !strings.Contains(err.Error(), "502 Bad Gateway") {
		t.Errorf("502: err = %v", err)
	}

	srv.FailNext("sendMessage", 1, telegramtest.DropConnection())
	if _, err := b.SendMessage(context.Background(), params); err == nil {
		t.Error("dropped connection: err = nil")
	}

	if _, err := b.SendMessage(context.Background(), params); err != nil {
		t.Errorf("after faults: %v", err)
	}
	if n := len(srv.Calls("sendMessage")); n != 3 {
		t.Errorf("recorded %d sendMessage calls, want 3 (faulted calls are recorded too)", n)
	}
}

// TestPollingBackoffIgnoresRetryAfter pins go-telegram/bot's polling loop:
// after any getUpdates error it waits 100ms, then doubles, and it does not
// read retry_after from a 429.
func TestPollingBackoffIgnoresRetryAfter(t *testing.T) {
	srv := telegramtest.NewServer(t)
	srv.FailNext("getUpdates", 1, telegramtest.TooManyRequests(30))
	srv.FailNext("getUpdates", 1, telegramtest.ServerError(http.StatusBadGateway))
	errs := make(chan error, 10)
	startBot(t, srv, func(context.Context, *bot.Bot, *models.Update) {}, errs)

	polls, err := srv.WaitCalls("getUpdates", 3, wait)
	if err != nil {
		t.Fatal(err)
	}
	first, second := polls[1].Time.Sub(polls[0].Time), polls[2].Time.Sub(polls[1].Time)
	if first < 100*time.Millisecond || first > 2*time.Second {
		t.Errorf("gap after 429 = %v, want ~100ms (retry_after 30 is ignored)", first)
	}
	if second < 200*time.Millisecond || second > 2*time.Second {
		t.Errorf("gap after 502 = %v, want ~200ms", second)
	}
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), "error get updates") {
			t.Errorf("reported error = %v", err)
		}
	default:
		t.Error("no error reported to the errors handler")
	}
}

func TestGetUpdatesOffsetConfirms(t *testing.T) {
	srv := telegramtest.NewServer(t)
	chat := telegramtest.PrivateChat(alice)
	var ids []int64
	for _, text := range []string{"one", "two", "three"} {
		ids = append(ids, srv.PushMessage(srv.TextMessage(chat, &alice, text)).UpdateID)
	}
	if ids[1] != ids[0]+1 || ids[2] != ids[1]+1 {
		t.Fatalf("update ids not consecutive: %v", ids)
	}

	if got := getUpdates(t, srv, ""); len(got) != 3 {
		t.Fatalf("no offset: %d updates, want 3 (nothing confirmed yet)", len(got))
	}
	got := getUpdates(t, srv, `"offset":`+strconv.FormatInt(ids[1], 10))
	if len(got) != 2 || got[0].ID != ids[1] || got[0].Message.Text != "two" {
		t.Fatalf("offset=%d: %+v", ids[1], got)
	}
	// The first update is gone for good, even without an offset now.
	if got := getUpdates(t, srv, ""); len(got) != 2 {
		t.Errorf("after confirming: %d updates, want 2", len(got))
	}
	if got := getUpdates(t, srv, `"offset":-1`); len(got) != 1 || got[0].ID != ids[2] {
		t.Errorf("offset=-1: %+v, want only the last update", got)
	}
	if got := getUpdates(t, srv, `"offset":`+strconv.FormatInt(ids[2]+1, 10)); len(got) != 0 {
		t.Errorf("all confirmed: %+v", got)
	}
	srv.PushMessage(srv.TextMessage(chat, &alice, "four"))
	srv.PushMessage(srv.TextMessage(chat, &alice, "five"))
	if got := getUpdates(t, srv, `"limit":1`); len(got) != 1 || got[0].Message.Text != "four" {
		t.Errorf("limit=1: %+v", got)
	}
}

func TestGetUpdatesLongPoll(t *testing.T) {
	srv := telegramtest.NewServer(t)
	go func() {
		if _, err := srv.WaitCalls("getUpdates", 1, wait); err == nil {
			srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "late"))
		}
	}()
	start := time.Now()
	got := getUpdates(t, srv, `"timeout":10`)
	if len(got) != 1 || got[0].Message.Text != "late" {
		t.Fatalf("long poll returned %+v", got)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("long poll took %v; it should return as soon as an update is queued", elapsed)
	}

	start = time.Now()
	if got := getUpdates(t, srv, `"offset":`+strconv.FormatInt(got[0].ID+1, 10)+`,"timeout":1`); len(got) != 0 {
		t.Errorf("empty poll returned %+v", got)
	}
	if elapsed := time.Since(start); elapsed < 900*time.Millisecond {
		t.Errorf("timeout=1 poll returned after %v, want ~1s", elapsed)
	}
}

func TestConcurrentPollsConflict(t *testing.T) {
	srv := telegramtest.NewServer(t)
	statuses := make(chan int, 2)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			status, _ := post(t, srv.URL()+"/bot"+srv.Token()+"/getUpdates", "application/json", `{"timeout":10}`)
			statuses <- status
		})
	}
	// Whichever poll registered second terminates the first with 409.
	select {
	case s := <-statuses:
		if s != http.StatusConflict {
			t.Errorf("first poll to finish: status %d, want 409", s)
		}
	case <-time.After(wait):
		t.Fatal("neither poll was terminated")
	}
	srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "wake"))
	wg.Wait()
	if s := <-statuses; s != http.StatusOK {
		t.Errorf("surviving poll: status %d, want 200", s)
	}
}

func TestWrongTokenUnauthorized(t *testing.T) {
	srv := telegramtest.NewServer(t)
	_, err := bot.New("7000000001:AAHwrongTokenWrongTokenWrongToken00", bot.WithServerURL(srv.URL()))
	if !errors.Is(err, bot.ErrorUnauthorized) {
		t.Errorf("bot.New with wrong token: err = %v, want bot.ErrorUnauthorized", err)
	}
	status, body := post(t, srv.URL()+"/bot123:nope/getMe", "", "")
	if want := `{"ok":false,"error_code":401,"description":"Unauthorized"}`; status != 401 || body != want {
		t.Errorf("got %d %s, want 401 %s", status, body, want)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("unauthorized calls recorded: %d", n)
	}
}

func TestUnknownMethodNotFound(t *testing.T) {
	srv := telegramtest.NewServer(t)
	status, body := post(t, srv.URL()+"/bot"+srv.Token()+"/sendTelepathy", "", "")
	if want := `{"ok":false,"error_code":404,"description":"Not Found"}`; status != 404 || body != want {
		t.Errorf("got %d %s, want 404 %s", status, body, want)
	}
	if calls := srv.Calls("sendTelepathy"); len(calls) != 1 {
		t.Errorf("unknown method not recorded")
	}
}

func TestBodyEncodingsRecordTheSameParams(t *testing.T) {
	srv := telegramtest.NewServer(t)
	base := srv.URL() + "/bot" + srv.Token() + "/sendMessage"
	markup := `{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}`
	post(t, base, "application/json", `{"chat_id":42,"text":"hi","reply_markup":`+markup+`}`)
	post(t, base, "application/x-www-form-urlencoded", "chat_id=42&text=hi&reply_markup="+strings.ReplaceAll(markup, `"`, "%22"))
	post(t, base+"?chat_id=42&text=hi&reply_markup="+strings.ReplaceAll(markup, `"`, "%22"), "", "")
	calls := srv.Calls("sendmessage") // case-insensitive, like Telegram
	if len(calls) != 3 {
		t.Fatalf("calls = %d", len(calls))
	}
	for i, c := range calls {
		if c.Method != "sendMessage" || c.Params["chat_id"] != "42" || c.Params["text"] != "hi" || c.Params["reply_markup"] != markup {
			t.Errorf("call %d: %s %v", i, c.Method, c.Params)
		}
	}
}

func TestCallbackQueryAnswerAndEdit(t *testing.T) {
	srv := telegramtest.NewServer(t)
	b := newClient(t, srv)
	ctx := context.Background()
	keyboard := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "Yes", CallbackData: "yes"}}}}
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Confirm?", ReplyMarkup: keyboard})
	if err != nil {
		t.Fatal(err)
	}
	if sent.ReplyMarkup == nil || sent.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "yes" {
		t.Errorf("sent message does not echo the inline keyboard: %+v", sent.ReplyMarkup)
	}

	u := srv.PushCallbackQuery(alice, srv.Message(alice.ID, sent.ID), "yes")
	got := getUpdates(t, srv, "")
	cq := got[0].CallbackQuery
	if cq == nil || cq.ID != u.CallbackQuery.ID || cq.Data != "yes" || cq.Message.Message == nil || cq.Message.Message.ID != sent.ID {
		t.Fatalf("callback update = %+v", got[0])
	}

	if ok, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID, Text: "Done"}); !ok || err != nil {
		t.Errorf("answer: %v %v", ok, err)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID}); !errors.Is(err, bot.ErrorBadRequest) ||
		!strings.Contains(err.Error(), "query is too old") {
		t.Errorf("second answer: err = %v", err)
	}

	// Editing the text without reply_markup drops the keyboard, as in Telegram.
	edited, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: sent.ID, Text: "Confirmed."})
	if err != nil {
		t.Fatal(err)
	}
	if edited.Text != "Confirmed." || edited.EditDate == 0 || edited.ReplyMarkup != nil {
		t.Errorf("edited = %+v", edited)
	}
	if m := srv.Message(alice.ID, sent.ID); m.Text != "Confirmed." || m.ReplyMarkup != nil {
		t.Errorf("server state after edit = %+v", m)
	}
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: sent.ID, Text: "Confirmed."})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message is not modified") {
		t.Errorf("no-op edit: err = %v", err)
	}
	if _, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: alice.ID, MessageID: sent.ID, ReplyMarkup: keyboard}); err != nil {
		t.Errorf("restore keyboard: %v", err)
	}
	// Only the bot's own messages can be edited.
	user := srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "mine"))
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: user.Message.MessageID, Text: "x"})
	if err == nil || !strings.Contains(err.Error(), "message can't be edited") {
		t.Errorf("editing a user's message: err = %v", err)
	}
}

func TestCommandsWebhookAndChatAction(t *testing.T) {
	srv := telegramtest.NewServer(t)
	b := newClient(t, srv)
	ctx := context.Background()

	cmds := []models.BotCommand{{Command: "policy", Description: "Look up a policy"}}
	if ok, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: cmds}); !ok || err != nil {
		t.Fatalf("setMyCommands: %v %v", ok, err)
	}
	got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{})
	if err != nil || len(got) != 1 || got[0] != cmds[0] {
		t.Errorf("getMyCommands = %+v, %v", got, err)
	}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "/Policy", Description: "x"}}}); err == nil ||
		!strings.Contains(err.Error(), "BOT_COMMAND_INVALID") {
		t.Errorf("invalid command: err = %v", err)
	}

	if ok, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: alice.ID, Action: models.ChatActionTyping}); !ok || err != nil {
		t.Errorf("sendChatAction: %v %v", ok, err)
	}

	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "http://insecure.example/hook"}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("http webhook: err = %v, want bad request", err)
	}
	if ok, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "https://policybot.example/hook", SecretToken: "s3cret"}); !ok || err != nil {
		t.Fatalf("setWebhook: %v %v", ok, err)
	}
	if p := srv.Calls("setWebhook")[1].Params; p["secret_token"] != "s3cret" {
		t.Errorf("setWebhook params = %v", p)
	}
	srv.PushMessage(srv.TextMessage(telegramtest.PrivateChat(alice), &alice, "queued"))
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != "https://policybot.example/hook" || info.PendingUpdateCount != 1 {
		t.Errorf("getWebhookInfo = %+v, %v", info, err)
	}
	status, body := post(t, srv.URL()+"/bot"+srv.Token()+"/getUpdates", "", "")
	if status != http.StatusConflict || !strings.Contains(body, "webhook is active") {
		t.Errorf("getUpdates with webhook: %d %s", status, body)
	}
	if ok, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{DropPendingUpdates: true}); !ok || err != nil {
		t.Errorf("deleteWebhook: %v %v", ok, err)
	}
	if info, _ := b.GetWebhookInfo(ctx); info.URL != "" || info.PendingUpdateCount != 0 {
		t.Errorf("after delete: %+v", info)
	}
}

func TestWebhookDelivery(t *testing.T) {
	srv := telegramtest.NewServer(t)
	got := make(chan *models.Update, 1)
	errs := make(chan error, 1)
	b, err := bot.New(srv.Token(), bot.WithServerURL(srv.URL()), bot.WithSkipGetMe(),
		bot.WithWebhookSecretToken("s3cret"),
		bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }),
		bot.WithErrorsHandler(func(err error) {
			select {
			case errs <- err:
			default: // never block the library's webhook handler
			}
		}))
	if err != nil {
		t.Fatal(err)
	}
	hook := httptest.NewServer(b.WebhookHandler())
	defer hook.Close()
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { b.StartWebhook(ctx); close(stopped) }()
	defer func() { cancel(); <-stopped }()

	group := telegramtest.Chat{ID: -1001234567890, Type: telegramtest.ChatSupergroup, Title: "Ops"}

	// A wrong secret is refused silently: 200, no update, an error logged.
	resp, err := srv.PostWebhook(hook.URL, "wrong", telegramtest.Update{Message: srv.TextMessage(group, &alice, "ignored")})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("wrong secret: status %d, want 200 (the library does not reject)", resp.StatusCode)
	}
	select {
	case err := <-errs:
		if !strings.Contains(err.Error(), "invalid webhook secret") {
			t.Errorf("error = %v", err)
		}
	case <-time.After(wait):
		t.Error("no error reported for a wrong secret")
	}

	resp, err = srv.PostWebhook(hook.URL, "s3cret", telegramtest.Update{Message: srv.TextMessage(group, &alice, "@telegramtest_bot hi")})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	select {
	case u := <-got:
		if u.Message.Text != "@telegramtest_bot hi" || u.Message.Chat.Type != models.ChatTypeSupergroup ||
			len(u.Message.Entities) != 1 || u.Message.Entities[0].Type != models.MessageEntityTypeMention {
			t.Errorf("webhook update = %+v", u.Message)
		}
	case <-time.After(wait):
		t.Fatal("webhook update never reached the handler")
	}
}

// TestBuildersDecodeWithTheLibrary checks every builder's JSON against the
// library's models, so fixtures look like what Telegram really sends.
func TestBuildersDecodeWithTheLibrary(t *testing.T) {
	srv := telegramtest.NewServer(t)
	botUser := srv.BotUser()
	private := telegramtest.PrivateChat(alice)
	group := telegramtest.Chat{ID: -4001234567, Type: telegramtest.ChatGroup, Title: "Policy team"}
	channel := telegramtest.Chat{ID: -1009876543210, Type: telegramtest.ChatChannel, Title: "News", Username: "policy_news"}

	// The bot's earlier question; the reply below embeds it.
	question := srv.TextMessage(group, &botUser, "Which region?")

	srv.PushMessage(srv.TextMessage(group, &alice, "no mention here"))
	srv.PushMessage(srv.TextMessage(group, &alice, "EU 🇪🇺 @telegramtest_bot").ReplyTo(question))
	srv.PushMessage(srv.PhotoMessage(private, &alice, "receipt"))
	srv.PushMessage(srv.StickerMessage(private, &alice, "👍"))
	srv.PushMessage(srv.VoiceMessage(private, &alice, 3))
	srv.PushMessage(srv.LocationMessage(private, &alice, 52.52, 13.405))
	doc := srv.DocumentMessage(private, &alice, "policy.pdf", "application/pdf")
	srv.PushMessage(doc)
	srv.PushEditedMessage(srv.TextMessage(private, &alice, "typo"), "fixed")
	srv.PushMessage(srv.TextMessage(channel, nil, "announcement"))
	srv.PushInlineQuery(alice, "refund")

	all := getUpdates(t, srv, "")
	if len(all) != 10 {
		t.Fatalf("got %d updates, want 10", len(all))
	}
	plain, mention := all[0].Message, all[1].Message
	if len(plain.Entities) != 0 || plain.Chat.Type != models.ChatTypeGroup || plain.Chat.Title != "Policy team" {
		t.Errorf("plain group message = %+v", plain)
	}
	// "EU " is 3 UTF-16 units and the flag is 4, so the mention starts at 8.
	if len(mention.Entities) != 1 || mention.Entities[0].Offset != 8 || mention.Entities[0].Length != len("@telegramtest_bot") {
		t.Errorf("mention entities = %+v", mention.Entities)
	}
	if r := mention.ReplyToMessage; r == nil || r.ID != question.MessageID || r.From == nil || !r.From.IsBot {
		t.Errorf("reply_to_message = %+v", mention.ReplyToMessage)
	}
	if m := all[2].Message; len(m.Photo) != 3 || m.Caption != "receipt" || m.Photo[2].Width <= m.Photo[0].Width {
		t.Errorf("photo = %+v", m)
	}
	if m := all[3].Message; m.Sticker == nil || m.Sticker.Emoji != "👍" || m.Sticker.Type != "regular" {
		t.Errorf("sticker = %+v", m.Sticker)
	}
	if m := all[4].Message; m.Voice == nil || m.Voice.Duration != 3 {
		t.Errorf("voice = %+v", m.Voice)
	}
	if m := all[5].Message; m.Location == nil || m.Location.Latitude != 52.52 {
		t.Errorf("location = %+v", m.Location)
	}
	if m := all[6].Message; m.Document == nil || m.Document.FileName != "policy.pdf" || m.ID != doc.MessageID {
		t.Errorf("document = %+v", m.Document)
	}
	if e := all[7].EditedMessage; e == nil || e.Text != "fixed" || e.EditDate == 0 {
		t.Errorf("edited_message = %+v", all[7])
	}
	if p := all[8].ChannelPost; p == nil || p.From != nil || p.SenderChat == nil || p.SenderChat.Username != "policy_news" {
		t.Errorf("channel_post = %+v", all[8])
	}
	if q := all[9].InlineQuery; q == nil || q.Query != "refund" || q.From.ID != alice.ID || q.ID == "" {
		t.Errorf("inline_query = %+v", all[9])
	}
	b := newClient(t, srv)
	ok, err := b.AnswerInlineQuery(context.Background(), &bot.AnswerInlineQueryParams{
		InlineQueryID: all[9].InlineQuery.ID,
		Results: []models.InlineQueryResult{&models.InlineQueryResultArticle{
			ID: "1", Title: "Refunds", InputMessageContent: &models.InputTextMessageContent{MessageText: "Refund policy"},
		}},
	})
	if !ok || err != nil {
		t.Errorf("answerInlineQuery: %v %v", ok, err)
	}
	if results := srv.Calls("answerInlineQuery")[0].Params["results"]; !strings.Contains(results, `"type":"article"`) {
		t.Errorf("results param = %s", results)
	}
}

func TestPushUpdateRawAndWaitCallsTimeout(t *testing.T) {
	srv := telegramtest.NewServer(t)
	id := srv.PushUpdate(`{"update_id":1,"message":{"message_id":77,"date":1700000000,"chat":{"id":-100500,"type":"group","title":"Raw"},"from":{"id":9,"is_bot":false,"first_name":"Raw"},"text":"raw"}}`)
	got := getUpdates(t, srv, "")
	if len(got) != 1 || got[0].ID != id || got[0].Message.ID != 77 {
		t.Fatalf("raw update = %+v (id %d)", got, id)
	}
	// The raw message advanced the chat's id sequence: the bot's reply is 78.
	b := newClient(t, srv)
	m, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: -100500, Text: "ok"})
	if err != nil || m.ID != 78 || m.Chat.Title != "Raw" {
		t.Errorf("reply = %+v, %v", m, err)
	}

	start := time.Now()
	calls, err := srv.WaitCalls("sendMessage", 2, 50*time.Millisecond)
	if err == nil || len(calls) != 1 || time.Since(start) < 50*time.Millisecond {
		t.Errorf("WaitCalls = %d calls, %v", len(calls), err)
	}
}

// getUpdates calls the fake directly and decodes the result with the
// library's models. fields is the inside of a JSON object ("" for none).
func getUpdates(t *testing.T, srv *telegramtest.Server, fields string) []models.Update {
	t.Helper()
	status, body := post(t, srv.URL()+"/bot"+srv.Token()+"/getUpdates", "application/json", "{"+fields+"}")
	var resp struct {
		OK     bool            `json:"ok"`
		Result []models.Update `json:"result"`
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil || status != http.StatusOK || !resp.OK {
		t.Fatalf("getUpdates: %d %s (%v)", status, body, err)
	}
	if resp.Result == nil {
		t.Fatalf("getUpdates result is null, Telegram sends []: %s", body)
	}
	return resp.Result
}

func post(t *testing.T, url, contentType, body string) (int, string) {
	t.Helper()
	// Only t.Errorf here: post is also called from helper goroutines.
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Errorf("POST %s: %v", url, err)
		return 0, ""
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("POST %s: %v", url, err)
		return 0, ""
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Errorf("reading %s: %v", url, err)
	}
	return resp.StatusCode, string(data)
}
