package bot

import (
	"html"
	"strings"
	"unicode/utf8"

	"policybot/dialog"
)

// Rendering: a dialog reply becomes the HTML texts of one or more messages.
//
// The dialog writes plain Chinese, and the guide's text contains < > & and
// quotes, so everything from the dialog is HTML-escaped and sent with
// parse_mode HTML; the only markup is what this file adds itself (the bold
// heading of the contact block). Telegram refuses texts over 4096 UTF-16
// code units, so longer replies are split, on line boundaries when
// possible (the inline keyboard goes on the last part, see send.go). The
// text always carries the phones too (the adapter appends any the
// dialog's text does not already contain), so nothing is lost if a contact
// card fails.

// maxMessageUnits is Telegram's limit on a message text, in UTF-16 units.
const maxMessageUnits = 4096

// Texts the adapter writes itself.
const (
	hintText       = "目前只能回答文字提问，请直接输入您的问题。"
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
