package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// params are a call's parameters as recorded (see Request.Params).
type params map[string]string

// methodSpec binds a canonical method name to its handler.
type methodSpec struct {
	name string
	fn   func(*Server, context.Context, params) reply
}

// methodTable maps lower-case method names to handlers: Telegram matches
// method names case-insensitively. Methods not listed answer 404.
var methodTable = func() map[string]methodSpec {
	specs := []methodSpec{
		{"getMe", (*Server).getMe},
		{"getUpdates", (*Server).getUpdates},
		{"setWebhook", (*Server).setWebhook},
		{"deleteWebhook", (*Server).deleteWebhook},
		{"getWebhookInfo", (*Server).getWebhookInfo},
		{"setMyCommands", (*Server).setMyCommands},
		{"getMyCommands", (*Server).getMyCommands},
		{"sendMessage", (*Server).sendMessage},
		{"sendContact", (*Server).sendContact},
		{"editMessageText", (*Server).editMessageText},
		{"editMessageReplyMarkup", (*Server).editMessageReplyMarkup},
		{"answerCallbackQuery", (*Server).answerQuery},
		{"answerInlineQuery", (*Server).answerQuery},
		{"sendChatAction", (*Server).sendChatAction},
	}
	table := make(map[string]methodSpec, len(specs))
	for _, s := range specs {
		table[strings.ToLower(s.name)] = s
	}
	return table
}()

// Telegram's descriptions for the edit failures bots run into most.
const (
	errNotModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
	errQueryTooOld = "query is too old and response timeout expired or query ID is invalid"
)

func (s *Server) getMe(context.Context, params) reply {
	return ok(struct {
		User
		CanJoinGroups           bool `json:"can_join_groups"`
		CanReadAllGroupMessages bool `json:"can_read_all_group_messages"`
		SupportsInlineQueries   bool `json:"supports_inline_queries"`
		CanConnectToBusiness    bool `json:"can_connect_to_business"`
		HasMainWebApp           bool `json:"has_main_web_app"`
	}{User: s.bot, CanJoinGroups: true})
}

var secretTokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// setWebhook stores the webhook. An empty url deletes it, as in Telegram.
// Non-HTTPS URLs are refused like Telegram refuses them, so point adapters
// at an https:// URL and deliver with PostWebhook to the real listener.
func (s *Server) setWebhook(_ context.Context, p params) reply {
	url := p["url"]
	if url == "" {
		return s.deleteWebhook(context.Background(), p)
	}
	if !strings.HasPrefix(strings.ToLower(url), "https://") {
		return badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	secret, hasSecret := p["secret_token"]
	if hasSecret && !secretTokenRE.MatchString(secret) {
		return badRequest("secret token contains unallowed characters")
	}
	maxConn := 40
	if v, err := strconv.Atoi(p["max_connections"]); err == nil && v > 0 {
		maxConn = min(v, 100)
	}
	var allowed []string
	if raw, has := p["allowed_updates"]; has && json.Unmarshal([]byte(raw), &allowed) != nil {
		return badRequest("can't parse allowed updates JSON object")
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	next := webhookState{url: url, secret: secret, ipAddress: p["ip_address"], maxConnections: maxConn, allowed: allowed}
	same := s.webhook.url == next.url && s.webhook.secret == next.secret &&
		s.webhook.maxConnections == next.maxConnections && slices.Equal(s.webhook.allowed, next.allowed)
	s.webhook = next
	if isTrue(p["drop_pending_updates"]) {
		s.updates = nil
	}
	if s.poll != nil {
		s.poll.reason = conflictWebhook
		close(s.poll.kick)
		s.poll = nil
	}
	if same {
		return okDescribed(true, "Webhook is already set")
	}
	return okDescribed(true, "Webhook was set")
}

func (s *Server) deleteWebhook(_ context.Context, p params) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	if isTrue(p["drop_pending_updates"]) {
		s.updates = nil
	}
	if s.webhook.url == "" {
		return okDescribed(true, "Webhook is already deleted")
	}
	s.webhook = webhookState{}
	return okDescribed(true, "Webhook was deleted")
}

func (s *Server) getWebhookInfo(context.Context, params) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := struct {
		URL                  string   `json:"url"`
		HasCustomCertificate bool     `json:"has_custom_certificate"`
		PendingUpdateCount   int      `json:"pending_update_count"`
		IPAddress            string   `json:"ip_address,omitempty"`
		MaxConnections       int      `json:"max_connections,omitempty"`
		AllowedUpdates       []string `json:"allowed_updates,omitempty"`
	}{URL: s.webhook.url, PendingUpdateCount: len(s.updates)}
	if s.webhook.url != "" {
		info.IPAddress = s.webhook.ipAddress
		info.MaxConnections = s.webhook.maxConnections
		info.AllowedUpdates = s.webhook.allowed
	}
	return ok(info)
}

// botCommand is Telegram's BotCommand.
type botCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

var commandRE = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// setMyCommands stores the list per (scope, language_code), the key
// Telegram uses; a command outside [a-z0-9_]{1,32} (a leading slash,
// capitals, hyphens) fails the whole call with BOT_COMMAND_INVALID.
func (s *Server) setMyCommands(_ context.Context, p params) reply {
	var cmds []botCommand
	if json.Unmarshal([]byte(p["commands"]), &cmds) != nil {
		return badRequest("can't parse commands JSON object")
	}
	for _, c := range cmds {
		if !commandRE.MatchString(c.Command) {
			return badRequest("BOT_COMMAND_INVALID")
		}
	}
	key, rep := commandsKey(p)
	if rep != nil {
		return *rep
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[key] = slices.Clip(cmds)
	return ok(true)
}

func (s *Server) getMyCommands(_ context.Context, p params) reply {
	key, rep := commandsKey(p)
	if rep != nil {
		return *rep
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[key]
	if cmds == nil {
		cmds = []botCommand{} // Telegram answers [] rather than null
	}
	return ok(cmds)
}

// commandsKey canonicalises scope so an omitted scope and
// {"type":"default"} address the same list.
func commandsKey(p params) (string, *reply) {
	scope := p["scope"]
	if scope == "" {
		scope = `{"type":"default"}`
	}
	var v any
	if json.Unmarshal([]byte(scope), &v) != nil {
		rep := badRequest("can't parse BotCommandScope JSON object")
		return "", &rep
	}
	canon, _ := json.Marshal(v) // map keys sort, so equal scopes compare equal
	return string(canon) + "|" + p["language_code"], nil
}

func (s *Server) sendMessage(_ context.Context, p params) reply {
	text := p["text"]
	if strings.TrimSpace(text) == "" {
		return badRequest("message text is empty")
	}
	if utf16Len(text) > 4096 {
		return badRequest("message is too long")
	}
	return s.send(p, func(m *Message) *reply {
		m.Text = text
		entities, rep := messageEntities(p, text)
		m.Entities = entities
		return rep
	})
}

func (s *Server) sendContact(_ context.Context, p params) reply {
	return s.send(p, func(m *Message) *reply {
		m.Contact = &Contact{PhoneNumber: p["phone_number"], FirstName: p["first_name"], LastName: p["last_name"], VCard: p["vcard"]}
		return nil
	})
}

// send is the common part of send* methods: resolve the chat, validate the
// markup and reply target, allocate the message and remember it as the
// bot's so it can be edited later.
func (s *Server) send(p params, fill func(*Message) *reply) reply {
	markup, rep := parseMarkup(p["reply_markup"])
	if rep != nil {
		return *rep
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, rep := s.resolveChat(p["chat_id"])
	if rep != nil {
		return *rep
	}
	bot := s.bot
	m := &Message{From: &bot, Chat: chat, Date: time.Now().Unix(), ReplyMarkup: markup.echo}
	if rep := fill(m); rep != nil {
		return *rep
	}
	if replyTo := replyTarget(p); replyTo != 0 {
		if parent, found := s.messages[msgKey{chat.ID, replyTo}]; found {
			cp := parent.msg
			cp.ReplyToMessage = nil
			m.ReplyToMessage = &cp
		} else if !allowsWithoutReply(p) {
			return badRequest("message to be replied not found")
		}
	}
	m.MessageID = s.nextMessageID(chat.ID)
	s.rememberMessage(m, true)
	return ok(m)
}

// replyTarget reads reply_parameters.message_id, or the legacy
// reply_to_message_id.
func replyTarget(p params) int {
	if raw := p["reply_parameters"]; raw != "" {
		var rp struct {
			MessageID int `json:"message_id"`
		}
		_ = json.Unmarshal([]byte(raw), &rp)
		return rp.MessageID
	}
	id, _ := strconv.Atoi(p["reply_to_message_id"])
	return id
}

func allowsWithoutReply(p params) bool {
	if raw := p["reply_parameters"]; raw != "" {
		var rp struct {
			Allow bool `json:"allow_sending_without_reply"`
		}
		_ = json.Unmarshal([]byte(raw), &rp)
		return rp.Allow
	}
	return isTrue(p["allow_sending_without_reply"])
}

// messageEntities returns explicit entities if given, Telegram's automatic
// ones for plain text, and none when parse_mode is set: the fake does not
// render HTML or Markdown, it echoes the text as sent.
func messageEntities(p params, text string) ([]MessageEntity, *reply) {
	if raw := p["entities"]; raw != "" {
		var e []MessageEntity
		if json.Unmarshal([]byte(raw), &e) != nil {
			rep := badRequest("can't parse entities JSON object")
			return nil, &rep
		}
		return e, nil
	}
	if p["parse_mode"] != "" {
		return nil, nil
	}
	return detectEntities(text), nil
}

func (s *Server) editMessageText(_ context.Context, p params) reply {
	text := p["text"]
	if strings.TrimSpace(text) == "" {
		return badRequest("message text is empty")
	}
	return s.edit(p, func(old *Message) (*Message, *reply) {
		if old.Text == "" {
			rep := badRequest("there is no text in the message to edit")
			return nil, &rep
		}
		m := *old
		m.Text = text
		entities, rep := messageEntities(p, text)
		m.Entities = entities
		return &m, rep
	})
}

func (s *Server) editMessageReplyMarkup(_ context.Context, p params) reply {
	return s.edit(p, func(old *Message) (*Message, *reply) {
		m := *old
		return &m, nil
	})
}

// edit finds the message, applies change, and refuses no-op edits the way
// Telegram does. Markup is replaced by whatever the call carries: an edit
// without reply_markup removes the inline keyboard, as in Telegram.
func (s *Server) edit(p params, change func(*Message) (*Message, *reply)) reply {
	markup, rep := parseMarkup(p["reply_markup"])
	if rep != nil {
		return *rep
	}
	if p["inline_message_id"] != "" {
		return ok(true) // inline messages are not tracked; Telegram answers true
	}
	msgID, _ := strconv.Atoi(p["message_id"])
	if msgID == 0 {
		return badRequest("message identifier is not specified")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, rep := s.resolveChat(p["chat_id"])
	if rep != nil {
		return *rep
	}
	stored, found := s.messages[msgKey{chat.ID, msgID}]
	switch {
	case !found:
		return badRequest("message to edit not found")
	case !stored.fromBot:
		return badRequest("message can't be edited")
	}
	m, rep := change(&stored.msg)
	if rep != nil {
		return *rep
	}
	m.ReplyMarkup = markup.echo
	if m.Text == stored.msg.Text && slices.EqualFunc(m.Entities, stored.msg.Entities, entityEqual) &&
		markup.canon == canonicalJSON(stored.msg.ReplyMarkup) {
		return badRequest(errNotModified)
	}
	m.EditDate = time.Now().Unix()
	stored.msg = *m
	return ok(m)
}

func entityEqual(a, b MessageEntity) bool {
	return a.Type == b.Type && a.Offset == b.Offset && a.Length == b.Length && a.URL == b.URL
}

// answerQuery serves answerCallbackQuery and answerInlineQuery: a query id
// is answerable once, and only if the server issued it in an update.
func (s *Server) answerQuery(_ context.Context, p params) reply {
	id := p["callback_query_id"]
	if id == "" {
		id = p["inline_query_id"]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.queries[id] {
		return badRequest(errQueryTooOld)
	}
	delete(s.queries, id)
	return ok(true)
}

var chatActions = []string{
	"typing", "upload_photo", "record_video", "upload_video", "record_voice",
	"upload_voice", "upload_document", "choose_sticker", "find_location",
	"record_video_note", "upload_video_note",
}

func (s *Server) sendChatAction(_ context.Context, p params) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, rep := s.resolveChat(p["chat_id"]); rep != nil {
		return *rep
	}
	if !slices.Contains(chatActions, p["action"]) {
		return badRequest("wrong parameter action in request")
	}
	return ok(true)
}

// markup is a validated reply_markup: echo is what Telegram puts back in
// Message.reply_markup (inline keyboards only), canon is a normalised form
// for "not modified" comparisons.
type markup struct {
	echo  json.RawMessage
	canon string
}

// parseMarkup validates reply_markup like Telegram: it must be a JSON
// object, and callback_data is limited to 64 bytes (BUTTON_DATA_INVALID is
// the classic failure when a bot packs too much into a button).
func parseMarkup(raw string) (markup, *reply) {
	if raw == "" {
		return markup{}, nil
	}
	var kb struct {
		InlineKeyboard [][]struct {
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(raw), &obj) != nil || json.Unmarshal([]byte(raw), &kb) != nil {
		rep := badRequest("can't parse reply keyboard markup JSON object")
		return markup{}, &rep
	}
	if _, inline := obj["inline_keyboard"]; !inline {
		return markup{}, nil // reply keyboards are applied, never echoed
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if len(b.CallbackData) > 64 {
				rep := badRequest("BUTTON_DATA_INVALID")
				return markup{}, &rep
			}
		}
	}
	var compact bytes.Buffer
	_ = json.Compact(&compact, []byte(raw))
	return markup{echo: compact.Bytes(), canon: canonicalJSON([]byte(raw))}, nil
}

func canonicalJSON(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func isTrue(v string) bool {
	b, _ := strconv.ParseBool(v)
	return b
}

// msgKey identifies a message: ids are only unique within a chat.
type msgKey struct {
	chat int64
	id   int
}

// storedMsg is the latest known state of a message; fromBot decides
// whether the bot may edit it.
type storedMsg struct {
	msg     Message
	fromBot bool
}

// Message returns a copy of the latest state the server knows of message
// id in chat: sent by the bot, pushed in an update, or edited since. It
// returns nil for unknown messages. Use it to push a callback query on a
// message the bot really sent, or to assert what an edit left behind.
func (s *Server) Message(chatID int64, id int) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, found := s.messages[msgKey{chatID, id}]
	if !found {
		return nil
	}
	// A JSON round trip deep-copies slices and nested messages, so the
	// caller cannot race the server by modifying what it gets.
	raw, _ := json.Marshal(stored.msg)
	var m Message
	_ = json.Unmarshal(raw, &m)
	return &m
}

// rememberMessage records m and its chats. Top-level messages overwrite
// what is known; copies embedded in other messages (reply_to_message, a
// callback's message) only fill gaps, since they may be stale. It also
// advances the chat's id sequence past m so new ids never collide.
// Callers hold s.mu.
func (s *Server) rememberMessage(m *Message, authoritative bool) {
	if m == nil {
		return
	}
	s.rememberChat(m.Chat)
	if m.SenderChat != nil {
		s.rememberChat(*m.SenderChat)
	}
	if s.msgIDs[m.Chat.ID] < m.MessageID {
		s.msgIDs[m.Chat.ID] = m.MessageID
	}
	key := msgKey{m.Chat.ID, m.MessageID}
	if _, known := s.messages[key]; authoritative || !known {
		s.messages[key] = &storedMsg{msg: *m, fromBot: m.From != nil && m.From.ID == s.bot.ID}
	}
	s.rememberMessage(m.ReplyToMessage, false)
}

// rememberChat keeps the richest view of a chat for use in sent messages.
// Callers hold s.mu.
func (s *Server) rememberChat(c Chat) {
	if c.ID != 0 && c.Type != "" {
		s.chats[c.ID] = c
	}
}

// resolveChat turns a chat_id parameter into the Chat Telegram would echo.
// Chats seen in pushed updates are returned as they were seen. Unknown
// numeric ids are accepted with a type inferred from the id's range
// (positive: private, -100…: supergroup, other negative: group) so tests
// need not push an update before the bot may talk; unknown @usernames
// cannot be inferred and fail with "chat not found".
// Callers hold s.mu.
func (s *Server) resolveChat(raw string) (Chat, *reply) {
	fail := func(d string) (Chat, *reply) {
		rep := badRequest(d)
		return Chat{}, &rep
	}
	if raw == "" {
		return fail("chat_id is empty")
	}
	if name, isName := strings.CutPrefix(raw, "@"); isName {
		for _, c := range s.chats {
			if strings.EqualFold(c.Username, name) {
				return c, nil
			}
		}
		return fail("chat not found")
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id == 0 {
		return fail("chat not found")
	}
	if c, known := s.chats[id]; known {
		return c, nil
	}
	switch {
	case id > 0:
		return Chat{ID: id, Type: ChatPrivate}, nil
	case id <= -1_000_000_000_000:
		return Chat{ID: id, Type: ChatSupergroup}, nil
	default:
		return Chat{ID: id, Type: ChatGroup}, nil
	}
}

// SentMessages returns copies of the messages the bot has sent to chat
// (text messages and contact cards alike), oldest first, in their latest
// state. Use it to push a callback query on the message a button was on.
func (s *Server) SentMessages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for k, m := range s.messages {
		if k.chat == chatID && m.fromBot {
			raw, _ := json.Marshal(m.msg)
			var cp Message
			_ = json.Unmarshal(raw, &cp)
			out = append(out, cp)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MessageID < out[j].MessageID })
	return out
}
