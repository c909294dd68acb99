package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// Markup: inline keyboards and contact cards' vCards.

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
