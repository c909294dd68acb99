package seeds

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// An operator may hand over a guide as the raw source of a Word document
// saved as RTF: pure ASCII, the Chinese text written as code-page bytes
// (\'b5\'da, GBK under \ansicpg936) or Unicode escapes (\u31532 followed by
// \ucN fallback characters to skip), the text cut into many formatting
// groups, and a header of font, colour and style tables, document info,
// page headers and footers that repeat the title.
//
// rtfText turns such a source into the text Word shows, before any layout
// is chosen (as Decode turns GBK into UTF-8), so that the readers take it
// like any other guide: destinations nobody sees are skipped (tables of
// the header, \info, \header / \footer, field instructions, every \*
// group), a field's result and a footnote's text are kept (the footnote at
// on a line of its own after the paragraph that calls it, "注：…": it
// may hold the only statement of a measure's end date), \par and \line end lines, and a
// table row becomes one line with its cells separated by TABs, the cell's
// own line breaks joined by 、 or directly after a sentence's sign: the
// table pasted from a web page that normalizeTabTables reads (htmlText
// writes a page's tables the same way). No maintained Go RTF reader was at
// hand that handles code pages, \uc scoping, tables and footnotes, so this
// is a small one written to the RTF 1.9 specification; it never panics on
// malformed input (unbalanced braces, truncation: fuzzed by FuzzRTF).

// isRTF reports whether src is an RTF document: it opens with "{\rtf",
// after a BOM or blank space.
func isRTF(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = bytes.TrimLeft(src, " \t\r\n")
	return bytes.HasPrefix(src, []byte(`{\rtf`))
}

// rtfSkipped are the destinations whose text no reader of the document
// sees. Any group starting with \* is skipped too.
var rtfSkipped = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "listtable": true,
	"listoverridetable": true, "revtbl": true, "rsidtbl": true, "xmlnstbl": true, "filetbl": true,
	"pict": true, "object": true, "nonshppict": true, "themedata": true, "colorschememapping": true,
	"latentstyles": true, "datastore": true, "generator": true, "pgdsctbl": true, "mmathPr": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true,
	"fldinst": true, "ftnsep": true, "ftnsepc": true, "ftncn": true, "aftnsep": true, "aftnsepc": true,
	"aftncn": true, "pntxta": true, "pntxtb": true, "pnseclvl": true, "bkmkstart": true, "bkmkend": true,
	"annotation": true, "atnid": true, "atnauthor": true, "atndate": true, "atnref": true,
	"xe": true, "tc": true, "tcn": true, "template": true, "userprops": true, "docvar": true,
	"private": true, "comment": true, "title": true, "author": true, "operator": true,
}

// rtfSymbols are the control words that stand for one character.
var rtfSymbols = map[string]string{
	"ldblquote": "“", "rdblquote": "”", "lquote": "‘", "rquote": "’",
	"emdash": "—", "endash": "–", "bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " ",
	"tab": "　　",
}

// rtfCharsetPage maps a font's \fcharset to its code page.
var rtfCharsetPage = map[int]int{
	0: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258,
	177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
}

// rtfEncoding returns the decoder of a Windows code page; 1252 for one it
// does not know.
func rtfEncoding(cp int) encoding.Encoding {
	switch cp {
	case 936, 54936:
		return simplifiedchinese.GB18030
	case 950:
		return traditionalchinese.Big5
	case 932:
		return japanese.ShiftJIS
	case 949:
		return korean.EUCKR
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 874:
		return charmap.Windows874
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	case 10000:
		return charmap.Macintosh
	case 65001:
		return encoding.Nop
	}
	return charmap.Windows1252
}

// multiByte reports whether a code page writes characters in more than one
// byte (its \'xx escapes come in runs that form one character).
func multiByte(cp int) bool {
	switch cp {
	case 932, 936, 949, 950, 54936, 65001:
		return true
	}
	return false
}

// rtfGroup is the state a group scopes.
type rtfGroup struct {
	skip    bool // inside a destination nobody sees
	uc      int  // fallback characters after \uN
	font    int
	fonttbl bool // inside the font table
}

// rtfReader is the state of one conversion.
type rtfReader struct {
	src   []byte
	i     int
	g     rtfGroup
	stack []rtfGroup
	cp    int         // the document's code page (\ansicpgN)
	fonts map[int]int // font number -> code page
	// pend holds code-page bytes not yet decoded: a run of \'xx forms
	// one multi-byte character.
	pend []byte
	// skipN is how many fallback characters of a \uN are still to skip.
	skipN int
	// high is a UTF-16 high surrogate waiting for its low half.
	high rune
	// fresh is set right after "{": a destination's control word may
	// follow.
	fresh bool
	// starred is set after "{\*".
	starred bool
	inTable bool // the paragraph is a table cell's (\intbl)

	body  strings.Builder
	note  strings.Builder // the footnote being read
	notes []string        // footnotes waiting for their paragraph's end
	cell  strings.Builder // the cell being read
	row   []string        // the cells of the row being read
	depth int             // nesting of groups, for the footnote's end
	fnAt  int             // depth where the footnote began
}

// rtfText returns the text an RTF document shows (see above).
func rtfText(src []byte) string {
	r := &rtfReader{src: src, cp: 1252, fonts: map[int]int{}, g: rtfGroup{uc: 1}, fnAt: -1}
	r.run()
	r.flushBytes()
	r.endRow()
	r.flushNotes()
	return r.body.String()
}

func (r *rtfReader) run() {
	for r.i < len(r.src) {
		c := r.src[r.i]
		switch c {
		case '{':
			// Pending bytes stay pending: a run of escapes split by a
			// group boundary still forms its characters.
			r.i++
			r.skipN = 0
			r.stack = append(r.stack, r.g)
			r.depth++
			r.fresh, r.starred = true, false
			continue
		case '}':
			r.i++
			if len(r.stack) > 0 && r.stack[len(r.stack)-1].skip != r.g.skip || r.fnAt >= 0 && r.depth <= r.fnAt {
				r.flushBytes()
			}
			r.skipN = 0
			r.closeGroup()
			r.fresh, r.starred = false, false
			continue
		case '\\':
			r.control()
			continue
		case '\r', '\n':
			r.i++
			continue
		}
		r.i++
		r.fresh = false
		if r.skipN > 0 {
			r.skipN--
			continue
		}
		if c >= 0x80 {
			r.pend = append(r.pend, c)
			continue
		}
		r.flushBytes()
		if c == '\t' {
			r.emit("\t")
		} else if c >= 0x20 {
			r.emit(string(rune(c)))
		}
	}
}

// closeGroup ends a group: a footnote's end hands its text to the
// paragraph.
func (r *rtfReader) closeGroup() {
	if len(r.stack) == 0 {
		return // unbalanced: more closing braces than opening ones
	}
	r.g = r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
	r.depth--
	if r.fnAt >= 0 && r.depth < r.fnAt {
		if t := strings.Join(strings.Fields(r.note.String()), " "); t != "" {
			r.notes = append(r.notes, t)
		}
		r.note.Reset()
		r.fnAt = -1
	}
}

// control reads a control word or symbol at r.i (a backslash).
func (r *rtfReader) control() {
	r.i++
	if r.i >= len(r.src) {
		return
	}
	c := r.src[r.i]
	if !isLetter(c) {
		r.i++
		r.symbol(c)
		return
	}
	start := r.i
	for r.i < len(r.src) && isLetter(r.src[r.i]) && r.i-start < 32 {
		r.i++
	}
	word := string(r.src[start:r.i])
	param, has := 0, false
	neg := false
	if r.i < len(r.src) && r.src[r.i] == '-' && r.i+1 < len(r.src) && rtfDigit(r.src[r.i+1]) {
		neg = true
		r.i++
	}
	for digits := 0; r.i < len(r.src) && rtfDigit(r.src[r.i]); digits++ {
		if digits < 10 {
			param = param*10 + int(r.src[r.i]-'0')
		}
		has = true
		r.i++
	}
	if neg {
		param = -param
	}
	if r.i < len(r.src) && r.src[r.i] == ' ' {
		r.i++ // the delimiter belongs to the control word
	}
	r.word(word, param, has)
}

// symbol handles a control symbol: \'xx, \*, escaped characters.
func (r *rtfReader) symbol(c byte) {
	fresh := r.fresh
	r.fresh, r.starred = false, false
	switch c {
	case '\'':
		if r.i+2 > len(r.src) {
			r.i = len(r.src)
			return
		}
		h, ok1 := unhex(r.src[r.i])
		l, ok2 := unhex(r.src[r.i+1])
		r.i += 2
		if !ok1 || !ok2 {
			return
		}
		if r.skipN > 0 {
			r.skipN--
			return
		}
		r.pend = append(r.pend, h<<4|l)
		return
	case '*':
		if fresh {
			r.flushBytes()
			// "{\*\dest …}": a destination a reader that does not know it
			// skips; none of them is text a reader of the document sees.
			r.g.skip = true
		}
		r.fresh, r.starred = fresh, true
		return
	}
	if r.skipN > 0 {
		r.skipN--
		return
	}
	switch c {
	case '\\', '{', '}':
		r.emit(string(rune(c)))
	case '~':
		r.emit(" ")
	case '_':
		r.emit("-")
	case '\r', '\n':
		r.paragraph() // "\<newline>" is \par
	case '\t':
		r.emit("\t")
	}
}

// word handles a control word.
func (r *rtfReader) word(w string, n int, has bool) {
	fresh := r.fresh
	r.fresh, r.starred = false, false
	if fresh && rtfSkipped[w] {
		r.flushBytes()
		r.g.skip = true
	}
	switch w {
	case "bin":
		// Binary data of n bytes follows: never text.
		r.flushBytes()
		if n > 0 {
			r.i = min(len(r.src), r.i+n)
		}
		return
	case "u":
		r.flushBytes()
		if r.skipN > 0 {
			r.skipN--
			return
		}
		if n < 0 {
			n += 65536
		}
		r.skipN = max(r.g.uc, 0)
		r.unicode(rune(n))
		return
	case "uc":
		r.g.uc = min(max(n, 0), 8)
		return
	case "ansicpg":
		if n > 0 {
			r.cp = n
		}
		return
	case "mac":
		r.cp = 10000
	case "pc":
		r.cp = 437
	case "pca":
		r.cp = 850
	case "fonttbl":
		r.g.fonttbl = true
	case "f":
		r.flushBytes()
		r.g.font = n
	case "fcharset":
		if r.g.fonttbl {
			if cp, ok := rtfCharsetPage[n]; ok {
				r.fonts[r.g.font] = cp
			}
		}
	case "cpg":
		if r.g.fonttbl && n > 0 {
			r.fonts[r.g.font] = n
		}
	case "footnote":
		if !r.g.skip && r.fnAt < 0 {
			r.flushBytes()
			r.fnAt = r.depth
		}
		return
	case "pard":
		r.inTable = false
		return
	case "intbl":
		r.inTable = true
		return
	}
	if r.skipN > 0 {
		// A control word in a \uN's fallback counts as one character.
		r.skipN--
		return
	}
	if sym, ok := rtfSymbols[w]; ok {
		r.emit(sym)
		return
	}
	switch w {
	case "par", "sect", "page", "column":
		r.paragraph()
	case "line":
		r.lineBreak()
	case "cell", "nestcell":
		r.flushBytes()
		if r.g.skip {
			return
		}
		r.row = append(r.row, r.cell.String())
		r.cell.Reset()
	case "row", "nestrow":
		r.flushBytes()
		if r.g.skip {
			return
		}
		r.endRow()
	}
}

// unicode writes a \uN character, pairing UTF-16 surrogates.
func (r *rtfReader) unicode(c rune) {
	switch {
	case utf16.IsSurrogate(c) && c < 0xdc00:
		r.high = c
		return
	case utf16.IsSurrogate(c):
		if r.high != 0 {
			c = utf16.DecodeRune(r.high, c)
		} else {
			c = utf8.RuneError
		}
	}
	r.high = 0
	if c >= 0x20 || c == '\t' {
		r.emit(string(c))
	}
}

// pageFor is the code page of the current font's text: the document's,
// unless that is a single-byte page and the font's charset names another
// (an English system writing a Chinese font's bytes).
func (r *rtfReader) pageFor() int {
	if !multiByte(r.cp) {
		if cp, ok := r.fonts[r.g.font]; ok {
			return cp
		}
	}
	return r.cp
}

// flushBytes decodes the pending code-page bytes.
func (r *rtfReader) flushBytes() {
	if len(r.pend) == 0 {
		return
	}
	b := r.pend
	r.pend = nil
	out, err := rtfEncoding(r.pageFor()).NewDecoder().Bytes(b)
	if err != nil {
		out = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	r.emit(strings.ToValidUTF8(string(out), "\uFFFD"))
}

// emit writes text where the reader is: a footnote, a table cell or the
// body. Nothing of a skipped destination is written.
func (r *rtfReader) emit(s string) {
	if len(r.pend) > 0 {
		r.flushBytes()
	}
	if r.g.skip || s == "" {
		return
	}
	switch {
	case r.fnAt >= 0:
		r.note.WriteString(s)
	case r.inTable:
		r.cell.WriteString(s)
	default:
		if len(r.row) > 0 || r.cell.Len() > 0 {
			r.endRow() // a row left open: the table ended without \row
		}
		r.body.WriteString(s)
	}
}

// paragraph ends a paragraph (\par): a line of the body, a line inside a
// cell, nothing inside a footnote (its paragraphs run on).
func (r *rtfReader) paragraph() { r.breakLine(true) }

// lineBreak is \line: a line break inside the paragraph.
func (r *rtfReader) lineBreak() { r.breakLine(false) }

// breakLine ends a line; at a paragraph's end the footnotes it called
// follow it.
func (r *rtfReader) breakLine(paragraph bool) {
	r.flushBytes()
	if r.g.skip {
		return
	}
	switch {
	case r.fnAt >= 0:
		r.note.WriteString(" ")
	case r.inTable:
		r.cell.WriteString("\n")
	default:
		if paragraph {
			r.flushNotes()
		}
		r.body.WriteString("\n")
	}
}

// flushNotes writes the footnotes called in the paragraph at its end.
func (r *rtfReader) flushNotes() {
	if len(r.notes) == 0 {
		return
	}
	for _, n := range r.notes {
		if !strings.HasSuffix(r.body.String(), "\n") {
			r.body.WriteString("\n")
		}
		r.body.WriteString("注：" + n)
	}
	r.notes = nil
}

// endRow writes the row read so far as one line, its cells separated by
// TABs (see above).
func (r *rtfReader) endRow() {
	if r.cell.Len() > 0 {
		r.row = append(r.row, r.cell.String())
		r.cell.Reset()
	}
	if len(r.row) == 0 {
		return
	}
	cells := make([]string, len(r.row))
	for k, c := range r.row {
		cells[k] = joinCellLines(c)
	}
	r.row = nil
	if strings.TrimSpace(strings.Join(cells, "")) == "" {
		return
	}
	body := r.body.String()
	if body != "" && !strings.HasSuffix(body, "\n") {
		r.body.WriteString("\n")
	}
	r.flushNotes()
	r.body.WriteString(strings.Join(cells, "\t") + "\n")
}

// joinCellLines writes a cell's lines on one line: joined by 、 (a cell
// listing two units, people or phones, paired by position with the other
// cells' lines), or directly after a sentence's or a list's sign.
func joinCellLines(c string) string {
	var b strings.Builder
	for _, l := range strings.Split(c, "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, "\t", " "))
		if l == "" {
			continue
		}
		if b.Len() > 0 && !strings.ContainsAny(lastRune(b.String()), "。；;，,、：:") {
			b.WriteString("、")
		}
		b.WriteString(l)
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func rtfDigit(c byte) bool { return c >= '0' && c <= '9' }

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// A Word guide may close each section with a contact table whose rows name
// the section's measures by their titles (序号 | 政策措施 | 牵头单位 | 联系人 |
// 联系电话), its 序号 counting anew in every table: the row number is not
// the measure's, and a table standing between two sections would take the
// next section's heading and first measure into its last row.
// numberRowsByTitle takes such TAB tables (the rows rtfText and htmlText
// write) out of the text and appends them as one contact table, one cell
// per line, numbered by the measures whose titles the rows name
// ("第十条　普惠小微贷款延期还本付息。" or "10．…。" in the text), with a row
// "/" for each measure between that has none (its contact is in its own
// text): the 附件 contact table readTables gives each measure's contacts
// from. A table is taken only where at least two rows name a measure's
// title and some row's 序号 is not that measure's number; a row there
// naming no title (or two) is no measure's and goes to the report. Any
// other text comes back unchanged.
var (
	// titledStart is a measure's start with its title sentence: an
	// article or a number at a line's start or after a sentence's end.
	titledStart = regexp.MustCompile(`(?:^|\n|[。）)])[ \t　]*(?:第([` + articleChars + `]+)条|(\d{1,3})[.．、])[ \t　]*([^。\n]{2,40}?)[。\n]`)
	// titleColumn is a header cell naming the measure (not its content
	// or category).
	titleColumn = regexp.MustCompile(`^(?:政策措施|措施名称|政策名称|政策条目|政策事项|事项名称|项目名称|政策|措施|事项)$`)
	// titleNoise is what two writings of one title may differ by.
	titleNoise = regexp.MustCompile(`[\s　“”‘’"'《》〈〉「」『』。，、；：,;:]`)
	// headingAfterCell is a section heading run on after a row's last
	// cell, its line break lost: "023-58223480三、全力稳岗稳就业".
	headingAfterCell = regexp.MustCompile(`[0-9）)]([一二三四五六七八九十]{1,3}、\p{Han}.*)$`)
)

func numberRowsByTitle(text string) (string, []Unread) {
	if !strings.Contains(text, "\t") || !strings.Contains(text, "序号") {
		return text, nil
	}
	titles := map[string]int{} // title -> measure number; -1 where two measures share it
	for _, m := range titledStart.FindAllStringSubmatch(text, -1) {
		n := 0
		if m[1] != "" {
			n = articleNumeral(m[1])
		} else {
			n, _ = strconv.Atoi(m[2])
		}
		t := titleNoise.ReplaceAllString(m[3], "")
		if n <= 0 || len([]rune(t)) < 2 {
			continue
		}
		if old, ok := titles[t]; ok && old != n {
			n = -1
		}
		titles[t] = n
	}
	if len(titles) < 2 {
		return text, nil
	}
	lines := strings.Split(text, "\n")
	tables := titledTables(lines, titles)
	// Decided over all the tables: one whose rows happen to count as its
	// measures do is still of the guide's kind.
	matched, differs := 0, false
	for _, tb := range tables {
		for k, n := range tb.nums {
			if n > 0 {
				matched++
				differs = differs || n != rowNumberOf(stripSpace(strings.Split(lines[tb.start+1+k], "\t")[0]))
			}
		}
	}
	if matched < 2 || !differs {
		return text, nil
	}
	header := strings.Split(lines[tables[0].start], "\t")
	rows := map[int][]string{}
	var unread []Unread
	var out []string
	from := 0
	for _, tb := range tables {
		out = append(out, lines[from:tb.start]...)
		from = tb.end
		if len(strings.Split(lines[tb.start], "\t")) != len(header) {
			out = append(out, lines[tb.start:tb.end]...)
			continue
		}
		for k := tb.start + 1; k < tb.end; k++ {
			cells := strings.Split(lines[k], "\t")
			if m := headingAfterCell.FindStringSubmatchIndex(cells[len(cells)-1]); m != nil {
				// The heading stays in the text, where it stood.
				last := cells[len(cells)-1]
				cells[len(cells)-1] = last[:m[2]]
				out = append(out, last[m[2]:])
			}
			n := tb.nums[k-tb.start-1]
			switch {
			case n > 0:
				if rows[n] == nil {
					cells[0] = strconv.Itoa(n)
					rows[n] = cells
				}
			case strings.TrimSpace(strings.Join(cells, "")) != "":
				unread = append(unread, Unread{Line: strings.Join(cells, " | "), Why: "contact table row names no measure's title (its 序号 counts anew in each table)"})
			}
		}
	}
	out = append(out, lines[from:]...)
	if len(rows) == 0 {
		return text, nil
	}
	top := slices.Max(slices.Collect(maps.Keys(rows)))
	var b strings.Builder
	b.WriteString(strings.Join(out, "\n"))
	b.WriteString("\n附件：政策咨询联系表\n")
	for _, h := range header {
		b.WriteString(strings.TrimSpace(h) + "\n")
	}
	for n := 1; n <= top; n++ {
		cells := rows[n]
		if cells == nil {
			cells = slices.Repeat([]string{"/"}, len(header))
		}
		cells[0] = strconv.Itoa(n)
		for _, c := range cells {
			if c = strings.TrimSpace(c); c == "" {
				c = "/"
			}
			b.WriteString(c + "\n")
		}
	}
	return b.String(), unread
}

// titledTable is a TAB table whose header names a title column: its header
// line, the line after its last row, and the measure number each row's
// title names (0 for none).
type titledTable struct {
	start, end int
	nums       []int
}

// titledTables finds the TAB tables of lines with a title column.
func titledTables(lines []string, titles map[string]int) []titledTable {
	var out []titledTable
	for i := 0; i < len(lines); i++ {
		if !tabHeader.MatchString(lines[i]) {
			continue
		}
		head := strings.Split(lines[i], "\t")
		col := slices.IndexFunc(head, func(c string) bool { return titleColumn.MatchString(stripSpace(c)) })
		end := i + 1
		for end < len(lines) && strings.Contains(lines[end], "\t") && !tabHeader.MatchString(lines[end]) {
			end++
		}
		if col > 0 {
			tb := titledTable{start: i, end: end, nums: make([]int, end-i-1)}
			for k := i + 1; k < end; k++ {
				cells := strings.Split(lines[k], "\t")
				if rowNumberOf(stripSpace(cells[0])) > 0 && col < len(cells) && len(cells) == len(head) {
					tb.nums[k-i-1] = titleNumber(titles, cells[col])
				}
			}
			out = append(out, tb)
		}
		i = end - 1
	}
	return out
}

// titleNumber returns the number of the measure whose title a row's cell
// names: the same words, else the one title holding them or held by them;
// 0 for none or more than one.
func titleNumber(titles map[string]int, cell string) int {
	c := titleNoise.ReplaceAllString(cell, "")
	if len([]rune(c)) < 2 {
		return 0
	}
	if n, ok := titles[c]; ok {
		return max(n, 0)
	}
	if len([]rune(c)) < 4 {
		return 0
	}
	found := 0
	for t, n := range titles {
		if len([]rune(t)) >= 4 && (strings.Contains(t, c) || strings.Contains(c, t)) {
			if found != 0 && found != n || n < 0 {
				return 0
			}
			found = n
		}
	}
	return found
}
