package bot

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// This file turns Telegram updates into turns: what to do, in which chat.
// It runs on the goroutine that receives updates (poll loop or webhook
// request), so it does no I/O; deciding early also keeps unaddressed group
// chatter out of the queues altogether.
//
// What is answered:
//   - private text: "/cmd args" and "/cmd@ThisBot args" are Command events,
//     anything else a Message event;
//   - private photo, sticker, voice, video, document, location, contact …:
//     a short hint that only text questions are understood;
//   - group and supergroup messages only when addressed to the bot: a
//     command (bare or @ThisBot, not @OtherBot), a mention of @ThisBot
//     (removed from the text; a bare mention means /help), or a reply to
//     one of the bot's messages. Non-text group messages are ignored;
//   - callback queries (button presses) become Press events and are always
//     answered; inline queries are answered with articles.
//
// What is ignored, on purpose: edited messages (the answer to the
// original is already in the chat, and answering again under an edit that
// fixed a typo would duplicate it; the user can simply ask again), channel
// posts, messages from bots, service messages and every other update type.

// Update types, as metric labels (Telegram's field names).
const (
	updMessage       = "message"
	updEdited        = "edited_message"
	updChannelPost   = "channel_post"
	updEditedChannel = "edited_channel_post"
	updCallback      = "callback_query"
	updInline        = "inline_query"
	updOther         = "other"
)

// allowedUpdates is what Run asks Telegram for: nothing the bot would
// ignore anyway is fetched.
var allowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdateInlineQuery}

// turnKind is what a turn does.
type turnKind int

const (
	turnEvent      turnKind = iota // pass ev to the dialog, send its replies
	turnHint                       // non-text message in a private chat
	turnInline                     // answer an inline query
	turnStalePress                 // callback data the adapter cannot accept: answer politely, skip the dialog
	turnAnswerOnly                 // callback without a chat (inline-mode message): just answer it
)

// turn is one update's work.
type turn struct {
	kind     turnKind
	event    string // metric label: message, command, press, hint, inline …
	received time.Time

	chatID  int64
	group   bool
	replyTo int // in groups, the user's message the answer replies to

	ev dialog.Event

	callbackID string // callback query to answer
	pressedMsg int    // message whose button was pressed, 0 if it cannot be edited

	inlineID string
	query    string

	// Journal bookkeeping (inbox.go): the update, the messages of the turn
	// delivered before a restart (skipped now), those recorded so far, and
	// for a turn that committed before the restart, its replies.
	updateID int64
	skip     int
	sent     int
	steps    int            // messages the turn sends in all, when known
	unmarked int            // messages delivered, recorded only by finishTurn
	outbox   []dialog.Reply // non-nil: send these instead of running the dialog

	// settled is closed once the turn's commit was first tried (made for
	// a turn whose commit makes its update durable, see poll.go);
	// unfinished leaves the update in the journal (the turn stopped for a
	// shutdown before its answer was delivered).
	settled    chan struct{}
	unfinished bool
	disowned   bool // the replica lost the chat's claim: the turn was dropped (replicas.go)
}

// settle closes t.settled, once.
func (t *turn) settle() {
	if t.settled != nil {
		select {
		case <-t.settled:
		default:
			close(t.settled)
		}
	}
}

// identity is the bot's own account, from getMe.
type identity struct {
	id       int64
	username string
}

// updateType names u's payload for metrics.
func updateType(u *models.Update) string {
	switch {
	case u.Message != nil:
		return updMessage
	case u.EditedMessage != nil:
		return updEdited
	case u.ChannelPost != nil:
		return updChannelPost
	case u.EditedChannelPost != nil:
		return updEditedChannel
	case u.CallbackQuery != nil:
		return updCallback
	case u.InlineQuery != nil:
		return updInline
	default:
		return updOther
	}
}

// classify decides what to do with u. It returns the queue key and the
// turn, or a non-empty reason why u is ignored.
func classify(u *models.Update, me identity, now time.Time) (chatKey, *turn, string) {
	switch {
	case u.Message != nil:
		return classifyMessage(u.Message, me, now)
	case u.EditedMessage != nil:
		return chatKey{}, nil, "edited"
	case u.ChannelPost != nil, u.EditedChannelPost != nil:
		return chatKey{}, nil, "channel"
	case u.CallbackQuery != nil:
		return classifyCallback(u.CallbackQuery, now)
	case u.InlineQuery != nil:
		q := u.InlineQuery
		if q.From == nil || q.ID == "" {
			return chatKey{}, nil, "malformed"
		}
		t := &turn{kind: turnInline, event: "inline", received: now, chatID: q.From.ID, inlineID: q.ID, query: q.Query}
		return chatKey{id: q.From.ID, inline: true}, t, ""
	default:
		return chatKey{}, nil, "unsupported"
	}
}

func classifyMessage(m *models.Message, me identity, now time.Time) (chatKey, *turn, string) {
	var group bool
	switch m.Chat.Type {
	case models.ChatTypePrivate:
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		group = true
	default:
		return chatKey{}, nil, "channel"
	}
	if m.From == nil || m.From.IsBot {
		return chatKey{}, nil, "from_bot"
	}
	key := chatKey{id: m.Chat.ID}
	t := &turn{received: now, chatID: m.Chat.ID, group: group}
	if m.Text == "" {
		switch {
		case group:
			return chatKey{}, nil, "group_non_text"
		case hasMedia(m):
			t.kind, t.event = turnHint, "hint"
			return key, t, ""
		default:
			return chatKey{}, nil, "service"
		}
	}
	text := m.Text
	if group {
		var ok bool
		if text, ok = addressedText(m, me); !ok {
			return chatKey{}, nil, "group_not_addressed"
		}
		t.replyTo = m.ID
	}
	switch name, args, _, isCmd := parseCommand(text); {
	case isCmd:
		t.ev = dialog.Event{Kind: dialog.Command, Command: name, Text: args}
		t.event = "command"
	case strings.TrimSpace(text) == "":
		// "@ThisBot" and nothing else: the user wants to know what to ask.
		t.ev = dialog.Event{Kind: dialog.Command, Command: "help"}
		t.event = "command"
	default:
		t.ev = dialog.Event{Kind: dialog.Message, Text: text}
		t.event = "message"
	}
	return key, t, ""
}

func classifyCallback(cq *models.CallbackQuery, now time.Time) (chatKey, *turn, string) {
	if cq.ID == "" {
		return chatKey{}, nil, "malformed"
	}
	t := &turn{kind: turnEvent, event: "press", received: now, callbackID: cq.ID}
	var chat *models.Chat
	switch {
	case cq.Message.Message != nil:
		chat = &cq.Message.Message.Chat
		t.pressedMsg = cq.Message.Message.ID
	case cq.Message.InaccessibleMessage != nil:
		// Too old to be shown to the bot (and to be edited): answer in a
		// new message.
		chat = &cq.Message.InaccessibleMessage.Chat
	}
	if chat == nil || chat.ID == 0 || chat.Type == models.ChatTypeChannel {
		// A button on an inline-mode message has no chat to answer in;
		// the bot never puts buttons there, so just stop the spinner.
		t.kind, t.event = turnAnswerOnly, "press_no_chat"
		return chatKey{id: cq.From.ID, inline: true}, t, ""
	}
	t.chatID = chat.ID
	t.group = chat.Type == models.ChatTypeGroup || chat.Type == models.ChatTypeSupergroup
	if validCallbackData(cq.Data) {
		t.ev = dialog.Event{Kind: dialog.Press, Data: cq.Data}
	} else {
		t.kind, t.event = turnStalePress, "press_invalid"
	}
	return chatKey{id: chat.ID}, t, ""
}

// validCallbackData is the adapter's check of incoming callback data:
// 1-64 bytes (Telegram's limit, which a forged update can exceed), valid
// UTF-8, and no control characters. Whether the data means anything is
// the dialog's business: well-formed but forged or stale data is passed
// on and the dialog answers it politely.
func validCallbackData(s string) bool {
	if s == "" || len(s) > dialog.MaxDataBytes || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// hasMedia reports whether m carries something other than text that a
// user might send hoping for an answer.
func hasMedia(m *models.Message) bool {
	return len(m.Photo) > 0 || m.Sticker != nil || m.Voice != nil || m.Video != nil ||
		m.VideoNote != nil || m.Audio != nil || m.Animation != nil || m.Document != nil ||
		m.Location != nil || m.Venue != nil || m.Contact != nil || m.Poll != nil ||
		m.Dice != nil || m.Story != nil
}

// parseCommand splits "/name@target args". name is lower-cased and must be
// 1-32 characters of [A-Za-z0-9_] (Telegram's command syntax); "/社保" is
// not a command but a question.
func parseCommand(text string) (name, args, target string, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return "", "", "", false
	}
	end := strings.IndexFunc(text, unicode.IsSpace)
	if end < 0 {
		end = len(text)
	}
	name, target, _ = strings.Cut(text[1:end], "@")
	if len(name) == 0 || len(name) > 32 {
		return "", "", "", false
	}
	for _, c := range []byte(name) {
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", "", "", false
		}
	}
	return strings.ToLower(name), strings.TrimSpace(text[end:]), target, true
}

// addressedText decides whether a group message is meant for the bot and
// returns its text with the bot's mentions removed.
func addressedText(m *models.Message, me identity) (string, bool) {
	text := m.Text
	if _, _, target, ok := parseCommand(text); ok {
		// A bare /cmd in a group goes to every bot there; /cmd@OtherBot
		// is someone else's.
		return text, target == "" || (me.username != "" && strings.EqualFold(target, me.username))
	}
	var spans []span
	for _, e := range m.Entities {
		switch e.Type {
		case models.MessageEntityTypeMention:
			if me.username != "" && strings.EqualFold(sliceUTF16(text, e.Offset, e.Length), "@"+me.username) {
				spans = append(spans, span{e.Offset, e.Length})
			}
		case models.MessageEntityTypeTextMention:
			if e.User != nil && e.User.ID == me.id {
				spans = append(spans, span{e.Offset, e.Length})
			}
		}
	}
	if len(spans) > 0 {
		return strings.Join(strings.Fields(removeSpans(text, spans)), " "), true
	}
	if r := m.ReplyToMessage; r != nil && r.From != nil && me.id != 0 && r.From.ID == me.id {
		return text, true
	}
	return "", false
}
