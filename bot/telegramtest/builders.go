package telegramtest

import (
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// This file builds realistic incoming messages and updates. Builders are
// Server methods because message ids are per chat and shared with the
// messages the bot sends, exactly as in Telegram, so a test never sees two
// messages with the same (chat, message_id).

// PrivateChat returns the private chat between u and the bot. In Telegram
// its id equals the user's id.
func PrivateChat(u User) Chat {
	return Chat{ID: u.ID, Type: ChatPrivate, FirstName: u.FirstName, LastName: u.LastName, Username: u.Username}
}

// TextMessage builds (but does not push) a text message from from in chat
// with the next message_id, the current date, and the bot_command and
// mention entities Telegram would detect in text (offsets in UTF-16). Pass
// a nil from for channel posts; the chat then becomes the sender_chat.
func (s *Server) TextMessage(chat Chat, from *User, text string) *Message {
	m := s.newMessage(chat, from)
	m.Text = text
	m.Entities = detectEntities(text)
	return m
}

// PhotoMessage builds a photo message with three sizes, as Telegram sends
// them (thumbnail first, largest last), and an optional caption.
func (s *Server) PhotoMessage(chat Chat, from *User, caption string) *Message {
	m := s.newMessage(chat, from)
	for _, side := range []int{90, 320, 1280} {
		id, uid := s.fileIDs()
		m.Photo = append(m.Photo, PhotoSize{FileID: id, FileUniqueID: uid, Width: side, Height: side * 3 / 4, FileSize: side * side / 8})
	}
	m.Caption = caption
	m.CaptionEntities = detectEntities(caption)
	return m
}

// StickerMessage builds a message carrying a regular 512x512 static sticker
// for emoji.
func (s *Server) StickerMessage(chat Chat, from *User, emoji string) *Message {
	m := s.newMessage(chat, from)
	id, uid := s.fileIDs()
	m.Sticker = &Sticker{FileID: id, FileUniqueID: uid, Type: "regular", Width: 512, Height: 512, Emoji: emoji, FileSize: 24000}
	return m
}

// VoiceMessage builds a voice note of the given length in seconds.
func (s *Server) VoiceMessage(chat Chat, from *User, seconds int) *Message {
	m := s.newMessage(chat, from)
	id, uid := s.fileIDs()
	m.Voice = &Voice{FileID: id, FileUniqueID: uid, Duration: seconds, MimeType: "audio/ogg", FileSize: 2000 * max(seconds, 1)}
	return m
}

// LocationMessage builds a location message.
func (s *Server) LocationMessage(chat Chat, from *User, latitude, longitude float64) *Message {
	m := s.newMessage(chat, from)
	m.Location = &Location{Latitude: latitude, Longitude: longitude}
	return m
}

// DocumentMessage builds a message carrying a file.
func (s *Server) DocumentMessage(chat Chat, from *User, fileName, mimeType string) *Message {
	m := s.newMessage(chat, from)
	id, uid := s.fileIDs()
	m.Document = &Document{FileID: id, FileUniqueID: uid, FileName: fileName, MimeType: mimeType, FileSize: 1024}
	return m
}

// ReplyTo makes m a reply to parent and returns m. Like Telegram, the
// embedded reply_to_message does not nest its own reply.
func (m *Message) ReplyTo(parent *Message) *Message {
	p := *parent
	p.ReplyToMessage = nil
	m.ReplyToMessage = &p
	return m
}

// PushMessage queues m as a new message and returns the update with its
// UpdateID. Messages in channels are delivered as channel_post, as Telegram
// does; everything else as message.
func (s *Server) PushMessage(m *Message) Update {
	u := Update{Message: m}
	if m.Chat.Type == ChatChannel {
		u = Update{ChannelPost: m}
	}
	u.UpdateID = s.PushUpdate(u)
	return u
}

// PushEditedMessage queues an edit of m that replaces its text (entities
// recomputed, edit_date set to now) and returns the update. m itself is
// not modified. Channel messages arrive as edited_channel_post.
func (s *Server) PushEditedMessage(m *Message, text string) Update {
	edited := *m
	edited.Text = text
	edited.Entities = detectEntities(text)
	edited.EditDate = time.Now().Unix()
	u := Update{EditedMessage: &edited}
	if m.Chat.Type == ChatChannel {
		u = Update{EditedChannelPost: &edited}
	}
	u.UpdateID = s.PushUpdate(u)
	return u
}

// PushCallbackQuery queues a press by from of a button carrying data on
// message m (normally one the bot sent) and returns the update. The query
// id is fresh and becomes answerable with answerCallbackQuery once.
func (s *Server) PushCallbackQuery(from User, m *Message, data string) Update {
	cq := &CallbackQuery{ID: s.queryID(), From: from, Message: m, Data: data}
	if m != nil {
		cq.ChatInstance = chatInstance(m.Chat.ID)
	}
	u := Update{CallbackQuery: cq}
	u.UpdateID = s.PushUpdate(u)
	return u
}

// PushInlineQuery queues an inline query typed by from and returns the
// update. The query id becomes answerable with answerInlineQuery once.
func (s *Server) PushInlineQuery(from User, query string) Update {
	u := Update{InlineQuery: &InlineQuery{ID: s.queryID(), From: from, Query: query}}
	u.UpdateID = s.PushUpdate(u)
	return u
}

// newMessage allocates the next message_id in chat.
func (s *Server) newMessage(chat Chat, from *User) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &Message{MessageID: s.nextMessageID(chat.ID), Chat: chat, Date: time.Now().Unix()}
	if from != nil {
		f := *from
		m.From = &f
	} else if chat.Type == ChatChannel {
		c := chat
		m.SenderChat = &c
	}
	return m
}

// nextMessageID returns the next id in chat's sequence. Callers hold s.mu.
func (s *Server) nextMessageID(chatID int64) int {
	s.msgIDs[chatID]++
	return s.msgIDs[chatID]
}

// fileIDs returns a fresh (file_id, file_unique_id) pair.
func (s *Server) fileIDs() (string, string) {
	n := s.nextSeq()
	return "AgACAgQAAxkBAAI" + strconv.FormatInt(n, 36) + "telegramtest", "AQAD" + strconv.FormatInt(n, 36)
}

// queryID returns a fresh callback or inline query id; Telegram's are long
// decimal strings.
func (s *Server) queryID() string {
	return strconv.FormatInt(4_000_000_000_000_000_000+s.nextSeq(), 10)
}

func (s *Server) nextSeq() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return s.seq
}

// chatInstance derives a stable opaque chat_instance for a chat.
func chatInstance(chatID int64) string {
	return strconv.FormatInt(chatID*7919^0x2545F4914F6CDD1D, 10)
}

// detectEntities finds the bot_command and mention entities Telegram
// attaches on its own to plain text: "/cmd" or "/cmd@botname" at a word
// start (cmd 1-32 of [A-Za-z0-9_]) and "@username" (5-32 characters).
// Offsets and lengths are in UTF-16 code units, as the Bot API counts them.
func detectEntities(text string) []MessageEntity {
	var out []MessageEntity
	for i := 0; i < len(text); {
		c := text[i]
		if (c != '/' && c != '@') || !wordStart(text, i) {
			i++
			continue
		}
		end := scanWord(text, i+1)
		n := end - i - 1
		kind := ""
		switch {
		case c == '/' && n >= 1 && n <= 32:
			kind = "bot_command"
			if end < len(text) && text[end] == '@' {
				if e := scanWord(text, end+1); e-end-1 >= 5 && e-end-1 <= 32 {
					end = e
				}
			}
		case c == '@' && n >= 5 && n <= 32:
			kind = "mention"
		}
		if kind != "" {
			out = append(out, MessageEntity{Type: kind, Offset: utf16Len(text[:i]), Length: utf16Len(text[i:end])})
		}
		i = max(end, i+1)
	}
	return out
}

// wordStart reports whether position i begins a token: start of text or
// after an ASCII character that cannot be part of a name.
func wordStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	p := text[i-1]
	return p < utf8.RuneSelf && !isNameByte(p) && p != '/' && p != '@'
}

func scanWord(text string, i int) int {
	for i < len(text) && isNameByte(text[i]) {
		i++
	}
	return i
}

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
