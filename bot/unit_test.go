package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

func TestUTF16Helpers(t *testing.T) {
	s := "😀 @bot 社保" // 😀 is 2 units
	if n := utf16Len(s); n != 10 {
		t.Errorf("utf16Len = %d, want 10", n)
	}
	if got := sliceUTF16(s, 3, 4); got != "@bot" {
		t.Errorf("slice = %q", got)
	}
	if got := removeSpans(s, []span{{3, 4}}); got != "😀  社保" {
		t.Errorf("removeSpans = %q", got)
	}
	// Out-of-range entities from a hostile client must not panic.
	if got := sliceUTF16(s, 50, 4); got != "" {
		t.Errorf("out of range = %q", got)
	}
	if got := sliceUTF16(s, 1, 1); got != "" { // inside the surrogate pair
		t.Errorf("inside a pair = %q", got)
	}
	_ = removeSpans(s, []span{{8, 100}, {2, 1}, {-5, 3}})
}

func TestParseCommand(t *testing.T) {
	cases := []struct {
		in, name, args, target string
		ok                     bool
	}{
		{"/start", "start", "", "", true},
		{"/Contact  人社局 电话", "contact", "人社局 电话", "", true},
		{"/help@PolicyBot", "help", "", "PolicyBot", true},
		{"/list@other_bot 2", "list", "2", "other_bot", true},
		{"/社保", "", "", "", false},
		{"/", "", "", "", false},
		{"社保 /start", "", "", "", false},
		{"/" + strings.Repeat("a", 33), "", "", "", false},
	}
	for _, c := range cases {
		name, args, target, ok := parseCommand(c.in)
		if name != c.name || args != c.args || target != c.target || ok != c.ok {
			t.Errorf("parseCommand(%q) = %q %q %q %v", c.in, name, args, target, ok)
		}
	}
}

func TestAddressedText(t *testing.T) {
	me := identity{id: 42, username: "PolicyBot"}
	mention := func(text, who string) *models.Message {
		i := strings.Index(text, who)
		return &models.Message{Text: text, Entities: []models.MessageEntity{{Type: models.MessageEntityTypeMention,
			Offset: utf16Len(text[:i]), Length: utf16Len(who)}}}
	}
	cases := []struct {
		m    *models.Message
		text string
		ok   bool
	}{
		{&models.Message{Text: "社保能缓交吗"}, "", false},
		{mention("@policybot 社保能缓交吗", "@policybot"), "社保能缓交吗", true},
		{mention("🙂🙂 请问 @PolicyBot 社保", "@PolicyBot"), "🙂🙂 请问 社保", true},
		{mention("@otherbot 社保", "@otherbot"), "", false},
		{&models.Message{Text: "/help"}, "/help", true},
		{&models.Message{Text: "/help@policybot"}, "/help@policybot", true},
		{&models.Message{Text: "/help@other"}, "/help@other", false},
		{&models.Message{Text: "那医保呢", ReplyToMessage: &models.Message{From: &models.User{ID: 42}}}, "那医保呢", true},
		{&models.Message{Text: "那医保呢", ReplyToMessage: &models.Message{From: &models.User{ID: 7}}}, "", false},
		{&models.Message{Text: "小助手 社保", Entities: []models.MessageEntity{{Type: models.MessageEntityTypeTextMention,
			Offset: 0, Length: 3, User: &models.User{ID: 42}}}}, "社保", true},
	}
	for _, c := range cases {
		text, ok := addressedText(c.m, me)
		if ok != c.ok || (ok && text != c.text) {
			t.Errorf("addressedText(%q) = %q, %v; want %q, %v", c.m.Text, text, ok, c.text, c.ok)
		}
	}
}

func TestClassify(t *testing.T) {
	me := identity{id: 42, username: "PolicyBot"}
	now := time.Now()
	private := models.Chat{ID: 5, Type: models.ChatTypePrivate}
	user := &models.User{ID: 5}
	cases := []struct {
		name   string
		u      *models.Update
		ignore string
		kind   turnKind
	}{
		{"text", &models.Update{Message: &models.Message{Chat: private, From: user, Text: "社保"}}, "", turnEvent},
		{"photo", &models.Update{Message: &models.Message{Chat: private, From: user, Photo: []models.PhotoSize{{}}}}, "", turnHint},
		{"contact", &models.Update{Message: &models.Message{Chat: private, From: user, Contact: &models.Contact{}}}, "", turnHint},
		{"video", &models.Update{Message: &models.Message{Chat: private, From: user, Video: &models.Video{}}}, "", turnHint},
		{"service", &models.Update{Message: &models.Message{Chat: private, From: user, NewChatTitle: "x"}}, "service", 0},
		{"from bot", &models.Update{Message: &models.Message{Chat: private, From: &models.User{ID: 9, IsBot: true}, Text: "hi"}}, "from_bot", 0},
		{"no sender", &models.Update{Message: &models.Message{Chat: private, Text: "hi"}}, "from_bot", 0},
		{"edited", &models.Update{EditedMessage: &models.Message{Chat: private, From: user, Text: "社保"}}, "edited", 0},
		{"channel post", &models.Update{ChannelPost: &models.Message{Chat: models.Chat{ID: -100, Type: models.ChatTypeChannel}, Text: "公告"}}, "channel", 0},
		{"edited channel post", &models.Update{EditedChannelPost: &models.Message{Text: "公告"}}, "channel", 0},
		{"poll answer", &models.Update{PollAnswer: &models.PollAnswer{}}, "unsupported", 0},
		{"inline", &models.Update{InlineQuery: &models.InlineQuery{ID: "1", From: user, Query: "社保"}}, "", turnInline},
		{"inline without sender", &models.Update{InlineQuery: &models.InlineQuery{ID: "1"}}, "malformed", 0},
		{"press", &models.Update{CallbackQuery: &models.CallbackQuery{ID: "1", Data: "m:2",
			Message: models.MaybeInaccessibleMessage{Message: &models.Message{ID: 3, Chat: private}}}}, "", turnEvent},
		{"press on old message", &models.Update{CallbackQuery: &models.CallbackQuery{ID: "1", Data: "m:2",
			Message: models.MaybeInaccessibleMessage{InaccessibleMessage: &models.InaccessibleMessage{Chat: private, MessageID: 3}}}}, "", turnEvent},
		{"press inline message", &models.Update{CallbackQuery: &models.CallbackQuery{ID: "1", Data: "m:2", InlineMessageID: "x"}}, "", turnAnswerOnly},
		{"press bad data", &models.Update{CallbackQuery: &models.CallbackQuery{ID: "1", Data: "\x00",
			Message: models.MaybeInaccessibleMessage{Message: &models.Message{ID: 3, Chat: private}}}}, "", turnStalePress},
		{"press no data", &models.Update{CallbackQuery: &models.CallbackQuery{ID: "1",
			Message: models.MaybeInaccessibleMessage{Message: &models.Message{ID: 3, Chat: private}}}}, "", turnStalePress},
		{"empty update", &models.Update{}, "unsupported", 0},
	}
	for _, c := range cases {
		_, tr, ignore := classify(c.u, me, now)
		if ignore != c.ignore || (ignore == "" && tr.kind != c.kind) {
			t.Errorf("%s: ignore %q turn %+v; want ignore %q kind %v", c.name, ignore, tr, c.ignore, c.kind)
		}
	}
	// A press on an inaccessible message cannot be edited.
	_, tr, _ := classify(cases[14].u, me, now)
	if tr.pressedMsg != 0 || tr.chatID != 5 {
		t.Errorf("inaccessible press turn = %+v", tr)
	}
}

func TestValidCallbackData(t *testing.T) {
	for s, want := range map[string]bool{
		"m:2": true, "fb:up:2": true, "列表:第一章": true, strings.Repeat("x", 64): true,
		"": false, strings.Repeat("x", 65): false, strings.Repeat("长", 22): false, // 66 bytes
		"\xff\xfe": false, "a\nb": false, "a\u200fb": true,
	} {
		if got := validCallbackData(s); got != want {
			t.Errorf("validCallbackData(%q) = %v", s, got)
		}
	}
}

func TestRenderReplySplits(t *testing.T) {
	// A tiny limit makes every rule visible.
	r := dialog.Reply{Text: "第一行 <a>\n第二行 & 第三\n" + strings.Repeat("很长的一句话，", 6) + "\n\n结尾 😀"}
	parts := renderReply(r, 20)
	for _, p := range parts {
		if utf16Len(p) > 20 {
			t.Errorf("part %q has %d units", p, utf16Len(p))
		}
		if strings.Contains(p, "&") && !validEscapes(p) {
			t.Errorf("part %q cuts an escape", p)
		}
		if html.UnescapeString(p) == "" {
			t.Errorf("empty part")
		}
	}
	joined := html.UnescapeString(strings.Join(parts, ""))
	want := strings.NewReplacer("\n", "", " ", "").Replace(r.Text)
	if strings.NewReplacer("\n", "", " ", "").Replace(joined) != want {
		t.Errorf("parts %q lose text", parts)
	}
	// Splits prefer line boundaries: the first two lines fit together.
	if parts[0] != "第一行 &lt;a&gt;" {
		t.Errorf("first part = %q", parts[0])
	}
	// Long lines are cut after punctuation.
	for _, p := range parts[2:4] {
		if !strings.HasSuffix(p, "，") {
			t.Errorf("long line cut mid-phrase: %q", p)
		}
	}

	// Real limit: 5000 characters of one line, with surrogate pairs.
	long := strings.Repeat("😀社保&", 1250)
	parts = renderReply(dialog.Reply{Text: long}, maxMessageUnits)
	if len(parts) < 2 {
		t.Fatalf("parts = %d", len(parts))
	}
	var total strings.Builder
	for _, p := range parts {
		if utf16Len(p) > maxMessageUnits || !utf8Valid(p) {
			t.Errorf("bad part of %d units", utf16Len(p))
		}
		total.WriteString(html.UnescapeString(p))
	}
	if total.String() != long {
		t.Error("parts do not add up")
	}

	// Buttons without text still get a message to hang on; nothing at all
	// gives no message.
	if p := renderReply(dialog.Reply{Buttons: [][]dialog.Button{{{Text: "a", Data: "b"}}}}, 100); len(p) != 1 {
		t.Errorf("button-only reply = %q", p)
	}
	if p := renderReply(dialog.Reply{Text: " \n "}, 100); len(p) != 0 {
		t.Errorf("blank reply = %q", p)
	}
}

func validEscapes(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0; i = strings.IndexByte(s, '&') {
		j := strings.IndexByte(s[i:], ';')
		if j < 0 || j > 6 {
			return false
		}
		s = s[i+j+1:]
	}
	return true
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestContactBlockOnlyForMissingPhones(t *testing.T) {
	c := dialog.Contact{Name: "林桂香", Org: "区人保局", Department: "登记征缴科", Phones: []string{"010-69050322"}}
	if p := renderReply(dialog.Reply{Text: "电话 010-69050322", Contacts: []dialog.Contact{c}}, 4096); p[0] != "电话 010-69050322" {
		t.Errorf("phone already in text, got %q", p)
	}
	p := renderReply(dialog.Reply{Text: "请联系区人保局", Contacts: []dialog.Contact{c, {Name: "区税务局", Org: "区税务局", Phones: []string{"12366"}}}}, 4096)
	want := "请联系区人保局\n\n<b>联系方式</b>\n林桂香（区人保局 登记征缴科）：010-69050322\n区税务局：12366"
	if p[0] != want {
		t.Errorf("got %q\nwant %q", p[0], want)
	}
}

func TestVCardEscapes(t *testing.T) {
	got := vCard(dialog.Contact{Name: "张三", Org: "区经信局", Department: "科室;一,二", Phones: []string{"010-1"}})
	want := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nN:张三;;;;\r\nORG:区经信局;科室\\;一\\,二\r\nTITLE:科室\\;一\\,二\r\nTEL;TYPE=WORK:010-1\r\nEND:VCARD"
	if got != want {
		t.Errorf("vcard = %q", got)
	}
	if got := vCard(dialog.Contact{Org: "区税务局", Phones: []string{"12366"}}); !strings.Contains(got, "FN:区税务局\r\n") || strings.Contains(got, "TITLE") {
		t.Errorf("unit-only vcard = %q", got)
	}
}

func TestTruncation(t *testing.T) {
	if got := truncateUnits("社保能缓交吗", 4); got != "社保能…" {
		t.Errorf("truncateUnits = %q", got)
	}
	if got := escapeTruncated(strings.Repeat("<", 10), 20); utf16Len(got) > 20 || !strings.HasSuffix(got, "…") || !validEscapes(got) {
		t.Errorf("escapeTruncated = %q", got)
	}
}

func TestBackoff(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}.withDefaults()
	for n, nominal := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 5: time.Second, 30: time.Second} {
		for range 50 {
			if d := p.backoff(n); d < nominal/2 || d > nominal {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", n, d, nominal/2, nominal)
			}
		}
	}
}

func TestClassifyError(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	flood := fmt.Errorf("wrapped: %w", &tgbot.TooManyRequestsError{Message: "too many requests", RetryAfter: 7})
	netErr := &url.Error{Op: "Post", URL: "x", Err: errors.New("connection reset")}
	cases := []struct {
		ctx    context.Context
		err    error
		status int
		reason string
		retry  bool
		wait   time.Duration
	}{
		{ctx, flood, 429, reasonFlood, true, 7 * time.Second},
		{ctx, &tgbot.TooManyRequestsError{}, 429, reasonFlood, true, time.Second},
		{ctx, errors.New("error response from telegram for method sendMessage, 502 Bad Gateway"), 502, reasonServer, true, 0},
		{ctx, errors.New("error decode response body"), 503, reasonServer, true, 0},
		{ctx, fmt.Errorf("%w, Bad Request: chat not found", tgbot.ErrorBadRequest), 400, reasonClient, false, 0},
		{ctx, fmt.Errorf("%w, Forbidden", tgbot.ErrorForbidden), 403, reasonClient, false, 0},
		{ctx, fmt.Errorf("error do request: %w", netErr), 0, reasonNetwork, true, 0},
		{ctx, context.DeadlineExceeded, 0, reasonNetwork, true, 0},
		{ctx, fmt.Errorf("error do request: %w", &transportError{msg: "EOF", cause: io.EOF}), 0, reasonNetwork, true, 0},
		{ctx, errors.New("error build request form"), 0, reasonOther, false, 0},
		{cancelled, netErr, 0, reasonCanceled, false, 0},
	}
	for i, c := range cases {
		reason, retry, wait := classifyError(c.ctx, c.err, c.status)
		if reason != c.reason || retry != c.retry || wait != c.wait {
			t.Errorf("case %d (%v): %s %v %v; want %s %v %v", i, c.err, reason, retry, wait, c.reason, c.retry, c.wait)
		}
	}
}

func TestBucket(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	var b bucket
	// Burst 3 at 1/s: three immediate, then one per second, queued.
	for i := range 3 {
		if d := b.reserve(t0, 1, 3); d != 0 {
			t.Fatalf("reserve %d = %v", i, d)
		}
	}
	if d := b.reserve(t0, 1, 3); d != time.Second {
		t.Errorf("4th = %v, want 1s", d)
	}
	if d := b.reserve(t0, 1, 3); d != 2*time.Second {
		t.Errorf("5th = %v, want 2s (queued behind the 4th)", d)
	}
	if d := b.reserve(t0.Add(10*time.Second), 1, 3); d != 0 {
		t.Errorf("after a quiet spell = %v", d)
	}
	if !b.full(t0.Add(20*time.Second), 1, 3) {
		t.Error("bucket not full after 10s idle")
	}
}

func TestLimiterScopesAndSweep(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	// Group: 20/min with burst 1 means 3s between messages, stricter than
	// the chat's 1/s.
	l := newLimiter(Limits{PerChatPerSecond: 1, PerChatBurst: 1, GroupPerMinute: 20, GroupBurst: 1}, clock)
	l.mu.Lock()
	if d := l.take(l.groups, -1, now, 20.0/60, 1); d != 0 {
		t.Errorf("first group message waits %v", d)
	}
	if d := l.take(l.groups, -1, now, 20.0/60, 1); d != 3*time.Second {
		t.Errorf("second group message waits %v, want 3s", d)
	}
	l.mu.Unlock()

	ctx := context.Background()
	for id := range int64(100) {
		if _, _, err := l.wait(ctx, id, false); err != nil {
			t.Fatal(err)
		}
	}
	if n := l.size(); n != 101 {
		t.Errorf("buckets = %d", n)
	}
	now = now.Add(2 * time.Minute)
	if _, _, err := l.wait(ctx, 1000, false); err != nil {
		t.Fatal(err)
	}
	if n := l.size(); n != 1 {
		t.Errorf("buckets after sweep = %d, want 1 (idle chats forgotten)", n)
	}

	// A wait is abandoned when the context ends.
	l2 := newLimiter(Limits{PerChatPerSecond: 0.001, PerChatBurst: 1}, time.Now)
	l2.wait(ctx, 1, false)
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if scope, _, err := l2.wait(short, 1, false); !errors.Is(err, context.DeadlineExceeded) || scope != scopeChat {
		t.Errorf("wait = %s %v", scope, err)
	}
	// No limits: no waiting, no buckets.
	l3 := newLimiter(Limits{}, time.Now)
	if _, d, err := l3.wait(ctx, 1, true); d != 0 || err != nil || l3.size() != 0 {
		t.Errorf("unlimited wait = %v %v size %d", d, err, l3.size())
	}
}

func TestDispatcher(t *testing.T) {
	var mu sync.Mutex
	got := map[int64][]int{}
	release := make(chan struct{})
	entered := make(chan struct{})
	var panics int
	d := newDispatcher(3, 100, 64, func(_ context.Context, tr *turn) {
		switch tr.replyTo {
		case -1:
			close(entered)
			<-release
		case -2:
			panic("boom")
		}
		mu.Lock()
		got[tr.chatID] = append(got[tr.chatID], tr.replyTo)
		mu.Unlock()
	}, func(any) { panics++ })
	ctx := context.Background()
	// Chat 1 is blocked by its first turn; chat 2 must still progress.
	if err := enqueueErr(d, ctx, chatKey{id: 1}, &turn{chatID: 1, replyTo: -1}); err != nil {
		t.Fatal(err)
	}
	<-entered
	for i := range 4 {
		err := enqueueErr(d, ctx, chatKey{id: 1}, &turn{chatID: 1, replyTo: i})
		if i < 3 && err != nil || i == 3 && !errors.Is(err, errChatFlooded) {
			t.Errorf("enqueue %d = %v", i, err)
		}
	}
	// A panicking turn does not stop its chat.
	enqueueErr(d, ctx, chatKey{id: 2}, &turn{chatID: 2, replyTo: -2})
	for i := range 2 {
		if err := enqueueErr(d, ctx, chatKey{id: 2}, &turn{chatID: 2, replyTo: i}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(wait)
	for {
		mu.Lock()
		n := len(got[2])
		mu.Unlock()
		if n == 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(5 * time.Millisecond) // let chat 2's goroutine see its empty queue
	if chats, turns := d.stats(); chats != 1 || turns != 4 {
		t.Errorf("stats = %d chats, %d turns; want chat 2 reaped and 4 turns of chat 1 left", chats, turns)
	}
	close(release)
	if err := d.close(wait, time.Second); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got[1]) != "[-1 0 1 2]" || fmt.Sprint(got[2]) != "[0 1]" || panics != 1 {
		t.Errorf("order = %v, panics = %d", got, panics)
	}
	if err := enqueueErr(d, ctx, chatKey{id: 3}, &turn{}); !errors.Is(err, errQueueClosed) {
		t.Errorf("enqueue after close = %v", err)
	}
	if chats, turns := d.stats(); chats != 0 || turns != 0 {
		t.Errorf("after close: %d chats, %d turns", chats, turns)
	}
}

func TestDispatcherGlobalBoundBlocks(t *testing.T) {
	release := make(chan struct{})
	d := newDispatcher(10, 2, 64, func(context.Context, *turn) { <-release }, nil)
	ctx := context.Background()
	enqueueErr(d, ctx, chatKey{id: 1}, &turn{})
	enqueueErr(d, ctx, chatKey{id: 2}, &turn{})
	short, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	if err := enqueueErr(d, short, chatKey{id: 3}, &turn{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("enqueue over the global bound = %v, want to block until the context ends", err)
	}
	close(release)
	if err := enqueueErr(d, ctx, chatKey{id: 3}, &turn{}); err != nil {
		t.Errorf("enqueue after space freed = %v", err)
	}
	if err := d.close(wait, time.Second); err != nil {
		t.Fatal(err)
	}
}

func TestRedactor(t *testing.T) {
	const token = "7000000001:AAHsecretPartOfTheToken1234567890ab"
	rd := newRedactor(token)
	for _, in := range []string{
		"Post https://api.telegram.org/bot" + token + "/sendMessage: EOF",
		"token=" + token,
		"escaped " + url.PathEscape(token),
		"half AAHsecretPartOfTheToken1234567890ab",
	} {
		if out := rd.String(in); strings.Contains(out, "AAHsecret") || !strings.Contains(out, redacted) {
			t.Errorf("String(%q) = %q", in, out)
		}
	}
	if out := rd.String("Post https://api.telegram.org/bot" + token + "/getMe"); out != "Post https://api.telegram.org/<redacted>/getMe" {
		t.Errorf("URL form = %q", out)
	}

	inner := &tgbot.TooManyRequestsError{Message: "flood " + token, RetryAfter: 3}
	err := rd.Error(fmt.Errorf("call: %w", inner))
	if strings.Contains(err.Error(), "AAHsecret") {
		t.Errorf("Error() = %q", err)
	}
	var flood *tgbot.TooManyRequestsError
	if !errors.As(err, &flood) || flood.RetryAfter != 3 {
		t.Error("redacted error no longer unwraps")
	}
	if rd.Error(nil) != nil || rd.Error(err) != err {
		t.Error("nil or double redaction")
	}
	if wrapped := fmt.Errorf("outer: %w", err); strings.Contains(wrapped.Error(), "AAHsecret") {
		t.Error("wrapping brings the token back")
	}
}

func TestRedactHandler(t *testing.T) {
	const token = "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ"
	var buf bytes.Buffer
	log := slog.New(newRedactHandler(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}), newRedactor(token)))
	log = log.With("url", "https://x/bot"+token+"/m").WithGroup("g")
	log.Info("msg "+token, "err", errors.New("failed "+token), "s", token, "n", 42,
		"stringer", stringer(token), "group", slog.GroupValue(slog.String("inner", token)), "list", []string{token})
	out := buf.String()
	if strings.Contains(out, "ABCdef") {
		t.Errorf("token in log line: %s", out)
	}
	if !strings.Contains(out, `"n":42`) || strings.Count(out, redacted) < 7 {
		t.Errorf("unexpected log line: %s", out)
	}
}

type stringer string

func (s stringer) String() string { return "stringer " + string(s) }

func enqueueErr(d *dispatcher, ctx context.Context, key chatKey, t *turn) error {
	_, err := d.enqueue(ctx, key, t)
	return err
}
