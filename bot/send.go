package bot

import (
	"context"
	"errors"
	"html"
	"strings"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// This file turns dialog replies into Bot API calls.
//
// Text: the dialog writes plain Chinese, and the guide's text contains
// < > & and quotes, so everything from the dialog is HTML-escaped and sent
// with parse_mode HTML; the only markup is what this file adds itself (the
// bold heading of the contact block). Telegram refuses texts over 4096
// UTF-16 code units, so longer replies are split, on line boundaries when
// possible, and the inline keyboard goes on the last part.
//
// Contacts: every contact card is sent after the text, with sendContact
// and a vCard, so a user can save the number with one tap. The text itself
// always carries the phones too (the adapter appends any the dialog's text
// does not already contain), so nothing is lost if a card fails.

// maxMessageUnits is Telegram's limit on a message text, in UTF-16 units.
const maxMessageUnits = 4096

// Texts the adapter writes itself.
const (
	hintText       = "目前只能回答文字提问，请直接输入您的问题，例如：社保能缓交吗"
	errorText      = "抱歉，系统暂时出了点问题，请稍后再试。"
	staleButton    = "该按钮已失效，请重新提问。"
	emptyTextLabel = "请选择："
	contactHeading = "联系方式"
)

// line is one line of a message: html is what is sent, plain the text it
// came from (for splitting an overlong line without cutting an escape),
// markup marks lines carrying tags, which must never be cut.
type line struct {
	html, plain string
	markup      bool
}

// renderReply returns the reply's text as HTML parts of at most limit
// UTF-16 units each. It returns no parts for a reply with nothing to say.
func renderReply(r dialog.Reply, limit int) []string {
	var lines []line
	if strings.TrimSpace(r.Text) != "" {
		for _, l := range strings.Split(r.Text, "\n") {
			lines = append(lines, line{html: html.EscapeString(l), plain: l})
		}
	}
	if block := contactLines(r); len(block) > 0 {
		if len(lines) > 0 {
			lines = append(lines, line{})
		}
		lines = append(lines, block...)
	}
	if len(lines) == 0 && len(r.Buttons) > 0 {
		// Telegram needs text for a keyboard to hang on.
		lines = append(lines, line{html: html.EscapeString(emptyTextLabel), plain: emptyTextLabel})
	}
	return splitLines(lines, limit)
}

// contactLines lists the contacts whose phones the reply's text lacks,
// under a bold heading, one contact per line.
func contactLines(r dialog.Reply) []line {
	var out []line
	for _, c := range r.Contacts {
		missing := false
		for _, p := range c.Phones {
			if !strings.Contains(r.Text, p) {
				missing = true
			}
		}
		if !missing {
			continue
		}
		if out == nil {
			out = append(out, line{html: "<b>" + contactHeading + "</b>", markup: true})
		}
		who := c.Name
		var where []string
		if c.Org != "" && c.Org != c.Name {
			where = append(where, c.Org)
		}
		if c.Department != "" {
			where = append(where, c.Department)
		}
		if len(where) > 0 {
			who += "（" + strings.Join(where, " ") + "）"
		}
		plain := who + "：" + strings.Join(c.Phones, "、")
		out = append(out, line{html: html.EscapeString(plain), plain: plain})
	}
	return out
}

// splitLines packs lines into parts of at most limit UTF-16 units, joining
// lines with "\n" and breaking only between lines unless a single line is
// too long by itself. Parts are trimmed (Telegram trims anyway) and empty
// ones dropped.
func splitLines(lines []line, limit int) []string {
	var parts []string
	var cur strings.Builder
	curLen := 0
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			parts = append(parts, s)
		}
		cur.Reset()
		curLen = 0
	}
	add := func(s string) {
		n := utf16Len(s)
		if curLen > 0 && curLen+1+n > limit {
			flush()
		}
		if curLen > 0 {
			cur.WriteByte('\n')
			curLen++
		}
		cur.WriteString(s)
		curLen += n
	}
	for _, l := range lines {
		if l.markup || utf16Len(l.html) <= limit {
			add(l.html)
			continue
		}
		for _, chunk := range splitPlain(l.plain, limit) {
			add(html.EscapeString(chunk))
		}
	}
	flush()
	return parts
}

// breakAfter are characters after which an overlong line is preferably cut.
const breakAfter = "。！？；，、：.!?;,: \t"

// splitPlain cuts one overlong line of plain text into chunks whose
// escaped form fits limit, preferring to cut after punctuation or a space
// in the second half of a chunk. It never cuts inside a character (nor a
// surrogate pair) and, since it measures escaped text, never inside an
// HTML escape either.
func splitPlain(s string, limit int) []string {
	var chunks []string
	for s != "" {
		units, end, lastBreak := 0, len(s), -1
		for i, r := range s {
			n := utf16Len(html.EscapeString(string(r)))
			if units+n > limit {
				end = i
				break
			}
			units += n
			if strings.ContainsRune(breakAfter, r) && units > limit/2 {
				lastBreak = i + utf8.RuneLen(r)
			}
		}
		if end < len(s) && lastBreak > 0 {
			end = lastBreak
		}
		if end == 0 { // limit smaller than one character; cannot happen for 4096
			_, end = utf8.DecodeRuneInString(s)
		}
		chunks = append(chunks, s[:end])
		s = s[end:]
	}
	return chunks
}

// inlineKeyboard is an InlineKeyboardMarkup of callback buttons, sent in
// place of go-telegram/bot's models.InlineKeyboardMarkup: the library's
// button has a CopyText struct field that omitempty cannot omit, so every
// button it sends carries "copy_text":{"text":""} next to callback_data,
// which Telegram has been reported to refuse with BUTTON_COPY_TEXT_INVALID
// (go-telegram/bot PR #167). ReplyMarkup is an interface the library
// JSON-encodes as is, so this type sends exactly what a callback button
// needs and nothing else.
type inlineKeyboard struct {
	InlineKeyboard [][]callbackButton `json:"inline_keyboard"`
}

type callbackButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

// keyboard builds the inline keyboard for rows, leaving out (and logging)
// buttons Telegram would refuse: callback data over 64 bytes or empty,
// invalid UTF-8, or an empty label. It returns nil, not an empty keyboard,
// when nothing is left, so no reply_markup is sent.
func (b *Bot) keyboard(chatID int64, rows [][]dialog.Button) models.ReplyMarkup {
	var kb [][]callbackButton
	for _, row := range rows {
		var out []callbackButton
		for _, btn := range row {
			if btn.Data == "" || len(btn.Data) > dialog.MaxDataBytes || !utf8.ValidString(btn.Data) ||
				strings.TrimSpace(btn.Text) == "" {
				b.metrics.buttonsDropped.Inc()
				b.log.Error("dropping inline button with invalid callback data", "chat_id", chatID,
					"data_bytes", len(btn.Data), "max_bytes", dialog.MaxDataBytes)
				continue
			}
			out = append(out, callbackButton{Text: btn.Text, CallbackData: btn.Data})
		}
		if len(out) > 0 {
			kb = append(kb, out)
		}
	}
	if len(kb) == 0 {
		return nil
	}
	return &inlineKeyboard{InlineKeyboard: kb}
}

// vCard returns the contact as a vCard 3.0: FN and N are the person (or the
// unit when the guide names no one), ORG is "unit;department", TITLE the
// department, and every phone is a TEL;TYPE=WORK.
func vCard(c dialog.Contact) string {
	var sb strings.Builder
	w := func(s string) { sb.WriteString(s); sb.WriteString("\r\n") }
	name := c.Name
	if name == "" {
		name = c.Org
	}
	w("BEGIN:VCARD")
	w("VERSION:3.0")
	w("FN:" + vcardEscape(name))
	w("N:" + vcardEscape(name) + ";;;;")
	if c.Org != "" || c.Department != "" {
		org := vcardEscape(c.Org)
		if c.Department != "" {
			org += ";" + vcardEscape(c.Department)
		}
		w("ORG:" + org)
	}
	if c.Department != "" {
		w("TITLE:" + vcardEscape(c.Department))
	}
	for _, p := range c.Phones {
		w("TEL;TYPE=WORK:" + vcardEscape(p))
	}
	sb.WriteString("END:VCARD")
	return sb.String()
}

// vcardEscape escapes a vCard text value (RFC 2426 §4).
var vcardEscape = strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\r\n", `\n`, "\n", `\n`).Replace

// chatGone reports whether err means nothing more can be delivered to the
// chat in this turn (the user blocked the bot, the chat is gone, or the
// turn was cancelled), so the turn's remaining messages are not attempted.
func chatGone(err error) bool {
	var ce *callError
	if errors.As(err, &ce) && ce.reason == reasonCanceled {
		return true
	}
	if errors.Is(err, tgbot.ErrorForbidden) {
		return true
	}
	return errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "chat not found")
}

// sendReply delivers one reply: its text (one or more messages, or an
// edit of the pressed message when the reply asks for it), then its
// contact cards. Each message is one step (see Bot.step). It returns the
// first error that stopped delivery.
func (b *Bot) sendReply(ctx context.Context, t *turn, r dialog.Reply) error {
	parts := renderReply(r, maxMessageUnits)
	markup := b.keyboard(t.chatID, r.Buttons)

	// One message can only be edited into one message: a reply that needs
	// several parts (or a press on a message too old to edit) is sent anew.
	edit := r.Edit && t.pressedMsg != 0 && len(parts) == 1
	var firstErr error
	for i, p := range parts {
		params := &tgbot.SendMessageParams{
			ChatID:             t.chatID,
			Text:               p,
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		}
		if i == len(parts)-1 {
			params.ReplyMarkup = markup
		}
		if i == 0 && t.replyTo != 0 {
			// In a group the answer quotes the question it answers.
			params.ReplyParameters = &models.ReplyParameters{MessageID: t.replyTo, AllowSendingWithoutReply: true}
		}
		err := b.step(ctx, t, func() error {
			if edit && b.editText(ctx, t, p, markup) {
				return nil
			}
			return b.call(ctx, b.messageSpec("sendMessage", t), func(ctx context.Context) error {
				_, err := b.api.SendMessage(ctx, params)
				return err
			})
		})
		if err != nil {
			firstErr = firstOf(firstErr, err)
			if chatGone(err) {
				b.abandon(t, "sendMessage", len(parts)-i-1)
				b.abandon(t, "sendContact", cards(r))
				return firstErr
			}
		}
	}
	for i, c := range r.Contacts {
		if len(c.Phones) == 0 {
			continue
		}
		err := b.step(ctx, t, func() error { return b.sendContact(ctx, t, c) })
		if err != nil {
			firstErr = firstOf(firstErr, err)
			if chatGone(err) {
				b.abandon(t, "sendContact", len(r.Contacts)-i-1)
				return firstErr
			}
		}
	}
	return firstErr
}

func firstOf(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// cards counts the contact cards a reply sends.
func cards(r dialog.Reply) int {
	n := 0
	for _, c := range r.Contacts {
		if len(c.Phones) > 0 {
			n++
		}
	}
	return n
}

// abandon accounts for messages of a turn that are not attempted because
// an earlier one showed the chat unreachable: they are counted as failed,
// never silently dropped.
func (b *Bot) abandon(t *turn, method string, n int) {
	if n <= 0 {
		return
	}
	b.metrics.sendErrors.WithLabelValues(method, "abandoned").Add(float64(n))
	b.log.Warn("chat unreachable, not sending the rest of the answer", "chat_id", t.chatID, "method", method, "messages", n)
}

// messageSpec is the call spec of a message to t's chat: rate limited.
func (b *Bot) messageSpec(method string, t *turn) callSpec {
	return callSpec{method: method, chatID: t.chatID, limited: true, group: t.group}
}

// editText replaces the pressed message's text and keyboard. It reports
// whether the chat now shows the reply: true also when Telegram says the
// message is not modified (a second press of the same button), false when
// the edit failed and the reply must be sent as a new message instead.
func (b *Bot) editText(ctx context.Context, t *turn, text string, markup models.ReplyMarkup) bool {
	params := &tgbot.EditMessageTextParams{
		ChatID:             t.chatID,
		MessageID:          t.pressedMsg,
		Text:               text,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		ReplyMarkup:        markup,
	}
	var notModified bool
	err := b.call(ctx, b.messageSpec("editMessageText", t), func(ctx context.Context) error {
		_, err := b.api.EditMessageText(ctx, params)
		if err != nil && errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "message is not modified") {
			notModified = true
			return nil
		}
		return err
	})
	if err == nil {
		return true
	}
	if notModified {
		return true
	}
	b.log.Info("edit failed, sending the answer as a new message", "chat_id", t.chatID)
	return false
}

// sendContact sends one contact card.
func (b *Bot) sendContact(ctx context.Context, t *turn, c dialog.Contact) error {
	first, last := c.Name, c.Org
	if first == "" {
		first, last = c.Org, ""
	}
	if last == first {
		last = ""
	}
	params := &tgbot.SendContactParams{
		ChatID:      t.chatID,
		PhoneNumber: c.Phones[0],
		FirstName:   first,
		LastName:    last,
		VCard:       vCard(c),
	}
	return b.call(ctx, b.messageSpec("sendContact", t), func(ctx context.Context) error {
		_, err := b.api.SendContact(ctx, params)
		return err
	})
}

// sendPlain sends a text the adapter wrote itself (hint, apology).
func (b *Bot) sendPlain(ctx context.Context, t *turn, text string) error {
	return b.sendReply(ctx, t, dialog.Reply{Text: text})
}

// answerCallback stops the button's spinner, showing notice as a toast
// when it is not empty. Query answers are not rate limited (see Limits).
func (b *Bot) answerCallback(ctx context.Context, t *turn, notice string) error {
	params := &tgbot.AnswerCallbackQueryParams{CallbackQueryID: t.callbackID, Text: truncateUnits(notice, 200)}
	return b.call(ctx, callSpec{method: "answerCallbackQuery", chatID: t.chatID}, func(ctx context.Context) error {
		_, err := b.api.AnswerCallbackQuery(ctx, params)
		return err
	})
}

// Inline mode settings: results are the same for everyone, so Telegram may
// cache them across users for a minute.
const (
	inlineMax       = 10
	inlineCacheTime = 60
)

// answerInline answers an inline query with up to inlineMax articles from
// the dialog. An empty result list is a valid answer (Telegram shows
// nothing), which is what an empty query gets unless the dialog offers
// defaults for it.
func (b *Bot) answerInline(ctx context.Context, t *turn, results []dialog.InlineResult) error {
	articles := make([]models.InlineQueryResult, 0, len(results))
	seen := map[string]bool{}
	for _, r := range results {
		if r.ID == "" || len(r.ID) > 64 || seen[r.ID] || strings.TrimSpace(r.Text) == "" {
			continue // Telegram would reject the whole answer
		}
		seen[r.ID] = true
		title := r.Title
		if strings.TrimSpace(title) == "" {
			title = truncateUnits(r.Text, 60)
		}
		articles = append(articles, &models.InlineQueryResultArticle{
			ID:          r.ID,
			Title:       title,
			Description: r.Description,
			InputMessageContent: &models.InputTextMessageContent{
				MessageText:        escapeTruncated(r.Text, maxMessageUnits),
				ParseMode:          models.ParseModeHTML,
				LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
			},
		})
		if len(articles) == inlineMax {
			break
		}
	}
	params := &tgbot.AnswerInlineQueryParams{
		InlineQueryID: t.inlineID,
		Results:       articles,
		CacheTime:     inlineCacheTime,
		IsPersonal:    false,
	}
	return b.call(ctx, callSpec{method: "answerInlineQuery", chatID: t.chatID}, func(ctx context.Context) error {
		_, err := b.api.AnswerInlineQuery(ctx, params)
		return err
	})
}

// escapeTruncated HTML-escapes s, cutting it (with "…") so the escaped
// text fits limit UTF-16 units.
func escapeTruncated(s string, limit int) string {
	if esc := html.EscapeString(s); utf16Len(esc) <= limit {
		return esc
	}
	return html.EscapeString(splitPlain(s, limit-1)[0]) + "…"
}

// truncateUnits cuts plain s to at most limit UTF-16 units, marking the
// cut with "…".
func truncateUnits(s string, limit int) string {
	if utf16Len(s) <= limit {
		return s
	}
	units := 0
	for i, r := range s {
		if units+runeUnits(r) > limit-1 {
			return s[:i] + "…"
		}
		units += runeUnits(r)
	}
	return s
}
