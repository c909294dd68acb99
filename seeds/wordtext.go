package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Word's "Save as Plain Text" (另存为 纯文本, often with the encoding
// "Unicode", which is UTF-16LE: see Decode) writes each paragraph on a
// line and keeps nothing of the formatting but what the text itself holds:
//
//	1.<TAB>全面落实…办结。<CR>（牵头部门：镇税务分局；配合部门：镇财政分局）
//	　　33.对在镇内注册登记的…（牵头部门：镇交通分局）
//	<FF>附件
//	序号<TAB>对应条款<TAB>牵头部门<TAB>联系科室<TAB>联系人<TAB>联系电话
//	1<TAB>第1条<TAB>镇税务分局<TAB>货物和劳务税股<TAB>某某<TAB>8xxxxxxx
//	12366（工作日9:00—17:30）
//	________________
//	[1] 小型微利企业是指…
//
// An automatic list number is written as text followed by a TAB; a list
// restarted by mistake in the middle of the document prints 1. again
// (the true numbers follow from the order); a number typed by hand has no
// TAB; a manual line break (Shift+Enter) is a lone CR inside the
// paragraph; a page break is a form feed, on its own line or glued to
// the next paragraph; footnote marks [n] stay in the text and the notes
// come at the very end after a line of underscores; a table's rows are
// TAB-separated lines, a cell of two paragraphs breaking its row over two
// lines and a vertically merged cell left empty below its first row.
//
// wordText rewrites such a text into the lines the common parser reads:
// paragraphs whole, measures numbered in document order, each footnote
// put after the sentence that marks it, a table inside a measure as
// sentences, and the contact table's rows whole with their merged unit
// cells filled (normalizeTabTables then reads it). A corrupted copy is
// read from the last copy of each piece (see dropEarlierCopies): the
// numbers are counted in the order read. Any other text comes back
// unchanged.

// wordListStart is an automatic list number as Word's text export writes
// it: the number, its dot and a TAB.
var wordListStart = regexp.MustCompile(`^(\d{1,3})[.．]\t+(\S.*)$`)

// wordTypedStart is a measure number typed by hand in an indented
// paragraph: no TAB after it. It is a measure only where the count
// expects that number next.
var wordTypedStart = regexp.MustCompile(`^[ 　]*(\d{1,3})[.．]([^\d\t.．\s].*)$`)

// wordSubList is a lower-level automatic list item (（1）<TAB>…): its TAB
// goes, the item stays a line of the measure.
var wordSubList = regexp.MustCompile(`^([ 　]*(?:[（(]\d{1,2}[）)]|\d{1,2}[)）]|[①-⑳]|[a-z][.)]))\t+`)

// wordNoteRule is the line Word writes above the notes (a row of
// underscores), and wordNote one note: its mark and text.
var (
	wordNoteRule = regexp.MustCompile(`^[ 　]*[_＿]{8,}[ 　]*$`)
	wordNote     = regexp.MustCompile(`^[ 　]*\[(\d{1,2})\][ 　]*(\S.*)$`)
	wordNoteMark = regexp.MustCompile(`\[(\d{1,2})\]`)
)

// wordContactHeader is a table header whose first cell is 序号 and which
// names a unit column: the contact table.
var wordContactHeader = regexp.MustCompile(`^[ 　]*序号[ 　]*\t`)

// wordUnitColumn is the header of a table's unit column, the column Word
// leaves empty under a vertically merged cell.
var wordUnitColumn = regexp.MustCompile(`^(?:牵头|责任|主管|承办|咨询)?(?:部门|单位)$`)

// wordRowStart is a contact-table row's first cell, its 序号.
var wordRowStart = regexp.MustCompile(`^\d{1,3}\t`)

// wordClauseTail is the lead clause closing a measure's paragraph.
var wordClauseTail = regexp.MustCompile(`（(?:牵头|责任|主管|配合)(?:部门|单位)[：:][^（）]*）$`)

// wordGluedStart is a list number inside a line: a corrupted copy glues
// a measure's start to the clause (and heading) before it.
var wordGluedStart = regexp.MustCompile(`[^\d.．\s]\d{1,3}[.．]\t`)

// wordOwnLines puts each list number a corrupted copy glued to the line
// before it back at the start of a line of its own, and returns the page
// breaks moved with their lines.
func wordOwnLines(lines []string, breaks map[int]bool) ([]string, map[int]bool) {
	var out []string
	moved := map[int]bool{}
	for i, l := range lines {
		if breaks[i] {
			moved[len(out)] = true
		}
		for {
			loc := wordGluedStart.FindStringIndex(l)
			if loc == nil {
				break
			}
			_, size := utf8.DecodeRuneInString(l[loc[0]:])
			out = append(out, l[:loc[0]+size])
			l = l[loc[0]+size:]
		}
		out = append(out, l)
	}
	return out, moved
}

// isWordText tells a Word plain-text export by its list numbers: three
// or more paragraphs opening with a number, its dot and a TAB (or such
// numbers glued inside a corrupted copy's lines).
func isWordText(text string) bool {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if wordListStart.MatchString(strings.TrimRight(strings.TrimLeft(l, "\f"), "\r")) {
			n++
		}
		n += len(wordGluedStart.FindAllStringIndex(l, -1))
		if n >= 3 {
			return true
		}
	}
	return false
}

// wordText reads a Word plain-text export (see above); other text comes
// back as it is. The unread lines are the table rows it could not mend,
// the copies those a corrupted copy repeated.
func wordText(text string) (string, []Unread, []Duplicate) {
	if !isWordText(text) {
		return text, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	lines, breaks := wordParagraphs(single)
	lines, breaks = wordOwnLines(lines, breaks)
	lines, notes := wordNotes(lines)
	out, from := wordHead(lines, breaks)
	var unread []Unread
	var tables [][][]string
	count, offset := 0, 0
	for i := from; i < len(lines); i++ {
		l := lines[i]
		if wordContactHeader.MatchString(l) && strings.Count(l, "\t") >= 2 {
			// The contact table goes last, by measure (see
			// byMeasureLines): what follows it (抄送, 印发) is no cell.
			rows, next, bad := wordContactTable(lines, i)
			tables = append(tables, rows)
			unread = append(unread, bad...)
			i = next - 1
			continue
		}
		if strings.Contains(l, "\t") && !wordListStart.MatchString(l) && !wordSubList.MatchString(l) {
			// A table inside the body (a measure's amounts): its rows as
			// sentences of the measure.
			j := i + 1
			for j < len(lines) && strings.Contains(lines[j], "\t") && !wordListStart.MatchString(lines[j]) && !wordContactHeader.MatchString(lines[j]) {
				j++
			}
			out = append(out, wordBodyTable(lines[i:j])...)
			i = j - 1
			continue
		}
		if m := wordListStart.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			switch {
			case n > count:
				// The list goes on (or resumes its own numbers after a
				// restarted part, or a start was lost).
				offset = 0
			case n == 1 && count >= 2:
				// A list restarted at 1 in the middle of the document:
				// its items go on from the last measure.
				offset = count
			}
			n += offset
			count = max(count, n)
			out = append(out, wordWithNotes(strconv.Itoa(n)+"."+m[2], notes)...)
			continue
		}
		if m := wordTypedStart.FindStringSubmatch(l); m != nil {
			if n, _ := strconv.Atoi(m[1]); n == count+1 && count > 0 {
				count, offset = n, 0
				out = append(out, wordWithNotes(m[1]+"."+m[2], notes)...)
				continue
			}
		}
		l = wordSubList.ReplaceAllString(l, "$1")
		out = append(out, wordWithNotes(l, notes)...)
	}
	out = append(out, byMeasureLines(tables)...)
	return strings.Join(out, "\n") + "\n", unread, copies
}

// wordSection is a section heading (一、…): the head ends before the first.
var wordSection = regexp.MustCompile(`^[ 　]*[一二三四五六七八九十]{1,3}[、．.]\S`)

// wordHead reads the export's head, the lines before the first section
// heading or measure: a red-header notice (…文件, 文号, the notice's
// title, 主送, the letter, signature and date) and, after a page break,
// the guide's own title and preamble. It writes the head the parser
// reads (see headLines: the title, date, issuer and 文号) and the head's
// sentences (the letter, the preamble), and returns the index of the
// first line after the head. The title is the first line after the last
// page break in the head, else the 《…》 the notice's title forwards.
func wordHead(lines []string, breaks map[int]bool) ([]string, int) {
	end := len(lines)
	for i, l := range lines {
		if wordSection.MatchString(l) || wordListStart.MatchString(l) {
			end = i
			break
		}
	}
	head := lines[:end]
	title, at := "", -1
	for i := range head {
		if breaks[i] {
			title, at = "", -1
			for j := i; j < end; j++ {
				if t := strings.TrimSpace(head[j]); t != "" {
					title, at = t, j
					break
				}
			}
		}
	}
	if title == "" || strings.Contains(title, "。") {
		title, at = "", -1
		for _, l := range head {
			if m := wordForwarded.FindStringSubmatch(l); m != nil {
				title = m[1]
				break
			}
		}
	}
	issuer, date, docno := pptxHead(head)
	out := headLines(title, date, issuer, docno)
	for i, l := range head {
		if i != at && strings.Contains(l, "。") {
			out = append(out, l)
		}
	}
	return out, end
}

// wordForwarded is a notice's title forwarding a document: its 《…》.
var wordForwarded = regexp.MustCompile(`关于印发《([^》]+)》`)

// wordParagraphs splits the export into its paragraphs: CRLF (or LF)
// ends one, a lone CR is a manual line break inside it and goes (a space
// between two Latin letters or digits), and a form feed is a page break,
// no text: the lines a page break opened are returned.
func wordParagraphs(text string) ([]string, map[int]bool) {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	breaks := map[int]bool{}
	line := 0
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\r':
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+1:])
			if before < utf8.RuneSelf && after < utf8.RuneSelf && before > ' ' && after > ' ' {
				b.WriteByte(' ')
			}
		case '\f':
			breaks[line] = true
		case '\n':
			line++
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines, breaks
}

// wordNotes takes the notes out of the end of the export: the lines
// [n] … after the underscore rule. Text without a rule keeps its lines.
func wordNotes(lines []string) ([]string, map[string]string) {
	rule := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if wordNoteRule.MatchString(lines[i]) {
			rule = i
			break
		}
	}
	if rule < 0 {
		return lines, nil
	}
	notes := map[string]string{}
	var keep []string
	for _, l := range lines[rule+1:] {
		if m := wordNote.FindStringSubmatch(l); m != nil {
			notes[m[1]] = m[2]
		} else if strings.TrimSpace(l) != "" {
			// Not a note: text the corruption moved here stays.
			keep = append(keep, l)
		}
	}
	if len(notes) == 0 {
		return lines, nil
	}
	return append(lines[:rule:rule], keep...), notes
}

// wordWithNotes puts, after the paragraph l, the notes its marks refer
// to, the marks taken out: before the lead clause closing the paragraph,
// so that the note stays the measure's sentence.
func wordWithNotes(l string, notes map[string]string) []string {
	if len(notes) == 0 || !wordNoteMark.MatchString(l) {
		return []string{l}
	}
	var add []string
	l = wordNoteMark.ReplaceAllStringFunc(l, func(mark string) string {
		n := wordNoteMark.FindStringSubmatch(mark)[1]
		note, ok := notes[n]
		if !ok {
			return mark
		}
		add = append(add, "注："+note)
		return ""
	})
	if loc := wordClauseTail.FindStringIndex(l); loc != nil && loc[0] > 0 {
		return append(append([]string{l[:loc[0]]}, add...), l[loc[0]:])
	}
	return append([]string{l}, add...)
}

// wordBodyTable writes a table inside the body as sentences: its header
// as a list of the columns, each row's cells after one another.
func wordBodyTable(rows []string) []string {
	var out []string
	for k, r := range rows {
		var cells []string
		for _, c := range strings.Split(r, "\t") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		switch {
		case len(cells) == 0:
		case k == 0:
			out = append(out, strings.Join(cells, "、")+"：")
		default:
			out = append(out, strings.Join(cells, "，")+"。")
		}
	}
	return out
}

// wordContactTable reads the contact table whose header is lines[at]: it
// returns its rows mended, each on one line, and the index of the first
// line after it (a blank line, or text without a TAB once a row ended).
// A line that does not open with a row's 序号 continues the last cell of
// the line before (a cell of two paragraphs: "、" between them); an
// empty unit cell is the merged cell of the row above; a line of TABs
// alone is an empty template row.
func wordContactTable(lines []string, at int) ([][]string, int, []Unread) {
	header := strings.Split(lines[at], "\t")
	unit := -1
	for k, h := range header {
		if wordUnitColumn.MatchString(strings.TrimSpace(h)) {
			unit = k
			break
		}
	}
	out := [][]string{header}
	var rows [][]string
	var unread []Unread
	i := at + 1
	for ; i < len(lines); i++ {
		l := lines[i]
		t := strings.Trim(l, " 　")
		if strings.Trim(t, "\t") == "" {
			if t == "" {
				break
			}
			continue // an empty template row
		}
		if wordRowStart.MatchString(t) {
			rows = append(rows, strings.Split(t, "\t"))
			continue
		}
		if len(rows) == 0 || !strings.Contains(t, "\t") && len(rows[len(rows)-1]) >= len(header) && wordPlainLine(t) {
			// Text after the table (a note, the 抄送 block).
			break
		}
		last := rows[len(rows)-1]
		more := strings.Split(t, "\t")
		if last[len(last)-1] == "" {
			last[len(last)-1] = more[0]
		} else {
			last[len(last)-1] += "、" + more[0]
		}
		rows[len(rows)-1] = append(last, more[1:]...)
	}
	for k, r := range rows {
		if len(r) > len(header) {
			unread = append(unread, Unread{Line: Clip(strings.Join(r, " | "), 40), Why: "a contact-table row wider than its header"})
		}
		if unit >= 0 && unit < len(r) && strings.TrimSpace(r[unit]) == "" && k > 0 && unit < len(rows[k-1]) {
			r[unit] = rows[k-1][unit]
		}
		for c := range r {
			switch {
			case dashOnly(r[c]):
				r[c] = ""
			case wordArticles.MatchString(strings.TrimSpace(r[c])):
				// 第2、4条: the measure numbers refsColumn's cell holds.
				r[c] = wordArticles.FindStringSubmatch(strings.TrimSpace(r[c]))[1]
			}
		}
		out = append(out, r)
	}
	if refsColumn(header) >= 0 && strings.TrimSpace(header[0]) == "序号" {
		// The row's 序号 is no measure number where a column names the
		// measures (row 12 may serve 第17、19条): it goes.
		for k := range out {
			out[k] = out[k][1:]
		}
	}
	return out, i, unread
}

// wordArticles is a cell naming measures as articles: 第2、4条, 第5-7条.
var wordArticles = regexp.MustCompile(`^第([\d、，,；;\-－—~～至 ]+)[条项]$`)

// wordPlainLine is a line of prose: it holds a sentence's or a label's
// punctuation, as no cell's continuation does but the 抄送 line.
func wordPlainLine(t string) bool {
	return strings.ContainsAny(t, "。：:") && !strings.ContainsAny(t, "0123456789@")
}

// dashOnly is a cell holding only dashes (——, —, -, /): no content.
func dashOnly(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "—－-/／") == ""
}
