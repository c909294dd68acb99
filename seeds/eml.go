package seeds

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// A district office may e-mail its guide, and the firm hands over the
// message as saved by its mail client: a raw Internet message (.eml, RFC
// 5322 with MIME, RFC 2045–2047 and 2231), pure ASCII, every line ending in
// CRLF:
//
//	Received: from … (folded onto TAB-indented lines)
//	From: =?GB2312?B?…?= <…>
//	Subject: =?UTF-8?Q?…2022?=
//	 =?UTF-8?Q?=E5=B9=B4…?=
//	MIME-Version: 1.0
//	Content-Type: multipart/mixed; boundary="----=_NextPart_000_…"
//
//	------=_NextPart_000_…
//	Content-Type: multipart/alternative; boundary="----=_NextPart_001_…"
//	  text/plain; charset="GB18030", base64       the forwarder's note, the notice, a signature
//	  text/html; charset="utf-8", quoted-printable the same text again, the contact table, a footer
//	------=_NextPart_000_…
//	Content-Type: text/csv; charset="GBK"; name="=?GB2312?B?…?="
//	Content-Disposition: attachment; filename*=GBK''%C1%AA…csv   the contacts again
//	------=_NextPart_000_…
//	Content-Type: image/png …                                     a logo
//
// emlText turns such a message into the guide's text, before any layout is
// chosen. The MIME structure is read with the standard library (net/mail,
// mime, mime/multipart, mime/quotedprintable, encoding/base64) and each
// text part decoded from the charset it declares (golang.org/x/text); no
// part is decoded by hand. Then it chooses what the common parser reads, so
// that nothing comes twice:
//   - the text once: the text/plain alternative (the one the sender wrote;
//     the HTML is a rendering of it), its signature (after a "--" or a rule
//     of hyphens near its end: the clerk's mobile, office and fax) cut off
//     (see cutSignature), the sender's cover note above the forwarded
//     notice's title dropped and the notice's head read (see cutCoverNote),
//     its closing paragraphs moved to the preamble and its 版记 dropped
//     (see emlClosing); only where no plain alternative is readable, the
//     HTML's text as a browser shows it (see htmlText), up to its first
//     <hr> (the signature and the mail system's footer after it);
//   - the contacts once: the HTML's data tables (see htmlTableLines: the
//     table as htmlText renders it, a row a line, a measure's rowspan rows
//     one row), each with the caption before it; else the CSV attachment's
//     rows (see csvTableLines), a number's repeated rows one row. The
//     tables close the text, where the contact readers look for an
//     appendix.
//
// Images and other attachments are no text. The reader is lenient: a part
// cut off or a message without its closing boundary gives what was read of
// it, a base64 line that does not decode is skipped (the lines around it
// are kept), an unknown charset is read as UTF-8 or GB18030 (see Decode);
// what was lost is reported unread. A text that is no such message comes
// back unchanged.

// emlField is a header field's line: a name of printable ASCII but the
// colon, then the colon.
var emlField = regexp.MustCompile(`^[!-9;-~]+:`)

// emlMaxDepth bounds the nesting of multiparts read: a message nests two
// or three; a damaged one could claim more.
const emlMaxDepth = 8

// isEML reports whether text opens with an Internet message's header block
// declaring MIME: every line up to the first empty one a field or a
// folded continuation, among them MIME-Version and Content-Type, and a
// From or a Date. A thread pasted as text (see mailText) has no
// MIME-Version.
func isEML(text string) bool {
	head := text[:min(len(text), 1<<16)]
	mimeVersion, contentType, origin := false, false, false
	lines := 0
	for l := range strings.SplitSeq(head, "\n") {
		l = strings.TrimSuffix(l, "\r")
		if l == "" {
			break
		}
		lines++
		if l[0] == ' ' || l[0] == '\t' {
			if lines == 1 {
				return false
			}
			continue
		}
		if !emlField.MatchString(l) {
			return false
		}
		name := strings.ToLower(l[:strings.IndexByte(l, ':')])
		switch name {
		case "mime-version":
			mimeVersion = true
		case "content-type":
			contentType = true
		case "from", "date":
			origin = true
		}
	}
	return mimeVersion && contentType && origin
}

// emlPart is a leaf part of a message: its media type and parameters, its
// disposition and file name, and its body with the transfer encoding
// undone (text parts decoded from their charset into text).
type emlPart struct {
	mediaType string
	params    map[string]string
	attached  bool
	filename  string
	data      []byte
	text      string
}

// emlReader collects a message's leaf parts and the damage met.
type emlReader struct {
	parts  []emlPart
	unread []Unread
}

func (r *emlReader) damage(what string, err error) {
	r.unread = append(r.unread, Unread{Line: what, Why: fmt.Sprintf("e-mail: %v", err)})
}

func emlText(text string) (string, []Unread) {
	if !isEML(text) {
		return text, nil
	}
	msg, err := mail.ReadMessage(strings.NewReader(text))
	if err != nil {
		// The header block is cut or malformed: no body to find.
		return text, []Unread{{Line: "the message's header", Why: fmt.Sprintf("e-mail: %v", err)}}
	}
	r := &emlReader{}
	r.walk(textproto.MIMEHeader(msg.Header), msg.Body, 0)
	out, ok := r.guide()
	if !ok {
		r.damage("the message", errors.New("no readable text part"))
		return "", r.unread
	}
	return out, r.unread
}

// walk reads a part: a multipart's parts in order, or a leaf's body.
func (r *emlReader) walk(h textproto.MIMEHeader, body io.Reader, depth int) {
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if mediaType == "" {
		// RFC 2045: no (readable) Content-Type is plain US-ASCII text.
		mediaType, params = "text/plain", map[string]string{}
		if err != nil && h.Get("Content-Type") != "" {
			mediaType = "application/octet-stream"
		}
	}
	if strings.HasPrefix(mediaType, "multipart/") && params["boundary"] != "" && depth < emlMaxDepth {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				r.damage(mediaType, fmt.Errorf("the parts after the %dth cannot be read: %w", len(r.parts), err))
				return
			}
			r.walk(p.Header, p, depth+1)
		}
	}
	raw, err := io.ReadAll(body)
	if err != nil {
		// A part cut off (no closing boundary): what was read is kept.
		r.damage(mediaType, fmt.Errorf("part cut off after %d bytes: %w", len(raw), err))
	}
	part := emlPart{mediaType: mediaType, params: params}
	if disp, dp, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil || disp != "" {
		part.attached = disp == "attachment"
		part.filename = dp["filename"]
	}
	if part.filename == "" {
		part.filename = emlFilename(h.Get("Content-Disposition"))
	}
	if part.filename == "" {
		part.filename = emlHeaderText(params["name"])
	}
	part.data = r.undoTransfer(mediaType, strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))), raw)
	if strings.HasPrefix(mediaType, "text/") {
		part.text = emlCharset(params["charset"], part.data)
	}
	r.parts = append(r.parts, part)
}

// undoTransfer decodes a body's transfer encoding: base64 line by line (a
// line that does not decode is dropped and reported, the rest kept),
// quoted-printable up to its first fault (reported); 7bit, 8bit and binary
// as they are.
func (r *emlReader) undoTransfer(mediaType, cte string, raw []byte) []byte {
	switch cte {
	case "base64":
		var out bytes.Buffer
		var pending []byte // characters of a group a line break cut
		bad := 0
		for line := range bytes.SplitSeq(raw, []byte("\n")) {
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
			chunk := append(pending, line...)
			n := len(chunk) / 4 * 4
			if bytes.IndexByte(chunk[:n], '=') >= 0 {
				n = len(chunk) // padding ends the data
			}
			dec, err := base64.StdEncoding.DecodeString(string(chunk[:n]))
			if err != nil {
				bad++
				pending = nil
				continue
			}
			out.Write(dec)
			pending = append([]byte(nil), chunk[n:]...)
		}
		if bad > 0 {
			r.damage(mediaType, fmt.Errorf("%d base64 lines do not decode, left out", bad))
		}
		return out.Bytes()
	case "quoted-printable":
		out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		if err != nil {
			r.damage(mediaType, fmt.Errorf("quoted-printable read up to a fault: %w", err))
		}
		return out
	}
	return raw
}

// emlCharset decodes a text part's body from the charset it declares (GBK,
// GB2312 and GB18030 by the WHATWG names, which read GB2312 as GBK); an
// unknown or missing one is guessed as a seed file's is (see Decode).
func emlCharset(charset string, data []byte) string {
	if enc, err := htmlindex.Get(strings.TrimSpace(charset)); err == nil && enc != encoding.Nop {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	if utf8.Valid(data) {
		return string(data)
	}
	if s, err := Decode(data); err == nil {
		return s
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// emlWords decodes RFC 2047 encoded words in any charset the WHATWG index
// knows; whitespace between adjacent encoded words goes, as the RFC says.
var emlWords = &mime.WordDecoder{CharsetReader: func(charset string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, err
	}
	return enc.NewDecoder().Reader(input), nil
}}

// emlHeaderText is a header's or a parameter's text with its encoded words
// decoded (as written where one does not decode).
func emlHeaderText(s string) string {
	if out, err := emlWords.DecodeHeader(s); err == nil {
		return out
	}
	return s
}

// emlExtended is an RFC 2231 extended parameter: filename*=charset'lang'%xx…
// The standard library's ParseMediaType decodes it in UTF-8 and US-ASCII
// only and drops it in any other charset (GBK).
var emlExtended = regexp.MustCompile(`(?i)\bfilename\*=([^';\s]*)'[^']*'([^;\s]+)`)

// emlFilename reads a Content-Disposition's extended file name in the
// charset it names.
func emlFilename(disposition string) string {
	m := emlExtended.FindStringSubmatch(disposition)
	if m == nil {
		return ""
	}
	raw, err := url.PathUnescape(m[2])
	if err != nil {
		return ""
	}
	return emlCharset(m[1], []byte(raw))
}

// guide writes the text the parser reads (see emlText); ok is false when
// no text part was readable.
func (r *emlReader) guide() (string, bool) {
	var plain, page, sheet *emlPart
	for i := range r.parts {
		p := &r.parts[i]
		switch {
		case p.mediaType == "text/plain" && !p.attached && plain == nil && strings.TrimSpace(p.text) != "":
			plain = p
		case p.mediaType == "text/html" && !p.attached && page == nil && strings.TrimSpace(p.text) != "":
			page = p
		case sheet == nil && emlIsCSV(p):
			sheet = p
		}
	}
	var body string
	var tables []string
	switch {
	case plain != nil:
		body = emlClosing(cutCoverNote(cutSignature(plain.text)))
		if page != nil {
			tables = htmlTableLines(page.text)
		}
	case page != nil:
		// The HTML alone: its text holds its tables already.
		body, _ = htmlText(emlBeforeRule(page.text))
	default:
		return "", false
	}
	if plain != nil && len(tables) == 0 && sheet != nil {
		tables = csvTableLines(sheet.text, strings.TrimSuffix(sheet.filename, ".csv"))
	}
	body = strings.TrimRight(strings.ReplaceAll(body, "\r\n", "\n"), "\n ")
	if len(tables) > 0 {
		body += "\n\n" + strings.Join(tables, "\n")
	}
	return body + "\n", true
}

// emlIsCSV reports whether a part is a CSV sheet: by its media type or its
// file name.
func emlIsCSV(p *emlPart) bool {
	switch p.mediaType {
	case "text/csv", "text/comma-separated-values", "application/csv":
		return p.text != "" || len(p.data) > 0
	}
	return strings.HasSuffix(strings.ToLower(p.filename), ".csv") && len(p.data) > 0
}

// emlSigRule is a line opening an e-mail's signature: "-- " (RFC 3676) or
// a rule of hyphens, dashes or underscores.
var emlSigRule = regexp.MustCompile(`^[ \t　]*(?:--|[-—_=－]{5,})[ \t]*$`)

// emlSigLines is the most lines a signature runs to: a name, a unit, a
// few phones, an address, a disclaimer.
const emlSigLines = 12

// cutSignature drops a message's signature: from the last rule line that
// has at most emlSigLines non-empty lines after it, none of them a
// numbered line (a measure, a heading), to the end. The signature's phones
// are the sender's, no measure's.
func cutSignature(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	after := 0
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if emlSigRule.MatchString(lines[i]) {
			return strings.Join(lines[:i], "\n")
		}
		if l == "" {
			continue
		}
		after++
		if after > emlSigLines || mailNumbered.MatchString(l) {
			break
		}
	}
	return text
}

// cutCoverNote drops the sender's note above the document a message
// forwards ("各企业：现将《…》转发给你们…如有疑问请联系本科室…"): the lines
// before the document's title, the last line naming it "关于…" without a
// stop before the first section or measure, when a line above it holds a
// sentence (a notice's head above its title is only its office, 文号 and
// blank lines). The note's phone is the sender's, no measure's. The head
// left is read as mailHead reads a forwarded notice's: the title opens the
// text, the signature's date after it as its 发布日期. Like a forwarder's
// note in a thread (see mailText), it is no line of the guide, so it is not
// reported unread.
func cutCoverNote(text string) string {
	lines := strings.Split(text, "\n")
	title := -1
	for i, l := range lines {
		if sectionLine.MatchString(l) || dotStart.MatchString(l) {
			break
		}
		if noticeTitleLine(l) {
			// The last such line: a corrupted copy may put a copy of
			// the title above the note.
			title = i
		}
	}
	if title <= 0 {
		return text
	}
	sentence := false
	for _, l := range lines[:title] {
		sentence = sentence || strings.ContainsAny(l, "。，")
	}
	if sentence {
		lines = lines[title:]
	}
	return strings.Join(emlHead(lines), "\n")
}

// emlHead reads the forwarded notice's head as ocrHead reads a scan's: the
// red header and the 文号 lines before the first section or measure go, so
// that the title opens the text, and the signature's date (the last date
// line of the head) becomes its 发布日期 right after the title; without a title or a date the lines come
// back as they were.
func emlHead(lines []string) []string {
	title, date := -1, -1
	var out []string
	i := 0
	for ; i < len(lines); i++ {
		l := lines[i]
		if sectionLine.MatchString(l) || dotStart.MatchString(l) {
			break
		}
		switch {
		case redHead.MatchString(l) || docNumber.MatchString(l):
			continue
		case title < 0 && strings.Contains(l, "关于"):
			title = len(out)
		case title >= 0 && headDate.MatchString(l):
			// The last date line: the notice's signature, after any
			// date a corrupted copy left of the sender's note.
			date = len(out)
		}
		out = append(out, l)
	}
	if title < 0 || date < 0 {
		return lines
	}
	m := headDate.FindStringSubmatch(out[date])
	d := fmt.Sprintf("发布日期：%s-%02s-%02s", m[1], pad2(m[2]), pad2(m[3]))
	out = slices.Delete(out, date, date+1)
	out = slices.Insert(out, title+1, d)
	return append(out, lines[i:]...)
}

var (
	// emlColophon is a 版记 line: the addressees copied (抄送), the
	// printing office and date (…2022年6月28日印发), the printer.
	emlColophon = regexp.MustCompile(`^[ \t　]*(?:抄送|抄报)[：:]|^.{2,40}\d{4}年\d{1,2}月\d{1,2}日印发[ \t　]*$|^.{2,30}承印`)
	// emlStartAt is a measure's start on a line, at its opening or glued
	// after the clause or sentence before it (a corrupted copy).
	emlStartAt = regexp.MustCompile(`(?:^|[。）)])[ \t　]*\d{1,3}[.．][ \t　]*\p{Han}`)
)

// emlClosing moves the document's closing paragraphs (its term, "本指南自
// 印发之日起施行…"), the lines after the last measure's, before its first
// section or measure, as mailClosing does for a thread: they speak of the
// whole guide, which the parser reads in the preamble (see Guide.Term);
// left after the last measure, they would be read as its follow-ups. The
// 版记 lines (抄送, 印发) go. Where a line after the last measure is
// numbered or a label (a corrupted copy's displaced text), only the lines
// speaking of the whole guide or its term move (see frameWords, termWords),
// the others stay for the parser to place.
func emlClosing(text string) string {
	lines := strings.Split(text, "\n")
	first, last := -1, -1
	for i, l := range lines {
		if first < 0 && (sectionLine.MatchString(l) || dotStart.MatchString(l)) {
			first = i
		}
		if first >= 0 && emlStartAt.MatchString(l) {
			last = i
		}
	}
	if first < 0 || last < 0 {
		return text
	}
	var tail, stay []string
	displaced := false
	for _, l := range lines[last+1:] {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || emlColophon.MatchString(t):
		case mailNumbered.MatchString(t) || mailLabel.MatchString(t) || emlStartAt.MatchString(t):
			displaced = true
			stay = append(stay, l)
		case frameWords.MatchString(t) || termWords.MatchString(t):
			tail = append(tail, l)
		default:
			stay = append(stay, l)
		}
	}
	if !displaced {
		// Every line after the last measure's is the closing's.
		tail, stay = append(tail, stay...), nil
	}
	out := append([]string{}, lines[:first]...)
	out = append(out, tail...)
	out = append(out, "")
	out = append(out, lines[first:last+1]...)
	return strings.Join(append(out, stay...), "\n")
}

// emlBeforeRule is an HTML body up to its first <hr>: what follows a rule
// in a mail is its signature and the mail system's footer.
func emlBeforeRule(page string) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return page
	}
	var hr *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && hr == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Hr {
				hr = c
				return
			}
			find(c)
		}
	}
	find(doc)
	if hr == nil {
		return page
	}
	// Everything after the rule, at its level and at every level above.
	for n := hr; n != nil && n.Parent != nil; n = n.Parent {
		for c := n.NextSibling; c != nil; {
			next := c.NextSibling
			n.Parent.RemoveChild(c)
			c = next
		}
	}
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		return page
	}
	return b.String()
}

// htmlTableLines are an HTML body's data tables as htmlText renders them (a
// row a line, cells TAB-separated, a cell spanning rows repeated, a
// measure's rows one row: see pageRender.table), each after the caption
// line before it (a paragraph of at most emlCaption runes, "附：…一览表")
// written as an appendix's (see emlAppendix).
func htmlTableLines(page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil
	}
	var out []string
	var caption string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipTags[c.DataAtom] {
				continue
			}
			if c.DataAtom == atom.Table && dataTable(c) {
				r := pageRender{}
				r.table(c)
				if len(r.lines) > 0 {
					out = append(out, emlAppendix(caption))
					out = append(out, r.lines...)
				}
				caption = ""
				continue
			}
			if blockTags[c.DataAtom] && c.DataAtom != atom.Body && c.DataAtom != atom.Html && c.DataAtom != atom.Div {
				r := pageRender{}
				r.walk(c)
				r.flush()
				if len(r.lines) == 1 && utf8.RuneCountInString(r.lines[0]) <= emlCaption {
					caption = r.lines[0]
				} else if len(r.lines) > 0 {
					caption = ""
				}
				continue
			}
			visit(c)
		}
	}
	visit(doc)
	return out
}

// emlAppendixMark opens a caption naming an appendix: "附：", "附件2：".
var emlAppendixMark = regexp.MustCompile(`^附(?:件\d*)?[：:][ \t　]*`)

// emlAppendix is the line a table closing the message is written under:
// its caption as an appendix's ("附件：政策条款联系方式一览表"), so that the
// parser gives back to the last measure the clause its sentence would
// share with the table (see keepBeforeAppendix).
func emlAppendix(caption string) string {
	return appendixWord + "：" + emlAppendixMark.ReplaceAllString(caption, "")
}

// emlCaption is the longest caption, in runes, taken over a table.
const emlCaption = 40

// csvTableLines are a CSV attachment's rows as a table pasted from a sheet
// (cells TAB-separated), under an appendix line naming the file: rows repeating
// the row above's first cell, a number (a measure with two contacts), are
// one row, the cells they differ in joined by "；" as htmlText joins a
// measure's rowspan rows. A row that does not parse ends the table (a cut
// attachment).
func csvTableLines(sheet, name string) []string {
	rd := csv.NewReader(strings.NewReader(sheet))
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := rd.Read()
		if err != nil {
			break
		}
		for i := range rec {
			rec[i] = cleanLine(rec[i])
		}
		if len(rows) > 1 && len(rec) > 0 && rec[0] != "" && rowNumberOf(rec[0]) > 0 && rec[0] == rows[len(rows)-1][0] {
			prev := rows[len(rows)-1]
			for i, v := range rec {
				switch {
				case i >= len(prev):
					prev = append(prev, v)
				case prev[i] != v || i >= 2:
					prev[i] += "；" + v
				}
			}
			rows[len(rows)-1] = prev
			continue
		}
		rows = append(rows, rec)
	}
	if len(rows) < 2 {
		return nil
	}
	out := []string{emlAppendix(name)}
	for _, r := range rows {
		out = append(out, strings.Join(r, "\t"))
	}
	return out
}
