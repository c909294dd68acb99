package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

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
