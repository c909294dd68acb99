package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A district may hand over its guide as the raw HTML source of its web page,
// saved with the browser's "save as" (issue 20): a head of meta, title, link
// and script lines, a navigation list, a breadcrumb, the article (a title, a
// 发布日期 line, the 印发通知, section heads and measures in paragraphs,
// <br> inside sentences, <span>s around parts of words, entities), a
// closing contact table with cells shared by several rows (rowspan), and a
// footer of record numbers and counter scripts. Parts of the page may be
// minified onto one long line, others indented.
//
// htmlText turns such a page into the text a person sees in the browser,
// which the readers then take like any other guide: the head, scripts,
// styles, navigation and footer are dropped, every block element ends a
// line, entities are decoded, and a data table becomes one line per row
// with its cells separated by TABs (the table pasted from a web page that
// normalizeTabTables reads), a cell spanning rows repeated into each of
// them. The document is parsed with an HTML parser, never with regular
// expressions: a corrupted copy (sentences moved and copied across tags)
// is still a tree, read the same way.

// htmlStart is how a saved page begins: a doctype or the <html> tag, after
// an XML declaration or comments.
var htmlStart = regexp.MustCompile(`(?is)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])`)

// htmlBlockTag is a tag that makes a line of its own: the test for a page
// saved without its doctype (most lines are tags).
var htmlBlockTag = regexp.MustCompile(`(?i)<(?:p|div|td|tr|table|br|h[1-6]|li|span)[\s>/]`)

// isHTML reports whether text is a web page's markup rather than text: it
// opens with a doctype or <html>, or most of its lines are tags and some of
// them are block tags.
func isHTML(text string) bool {
	if htmlStart.MatchString(text) {
		return true
	}
	lines, tags := 0, 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		lines++
		if strings.HasPrefix(l, "<") && strings.Contains(l, ">") {
			tags++
		}
	}
	return tags >= 5 && tags*10 >= lines*6 && len(htmlBlockTag.FindAllStringIndex(text, 5)) >= 5
}

// htmlText returns the text a person sees on the page text is the markup
// of (see above), or text unchanged when it is no web page. items counts
// the paragraphs that open with a bold bracket-numbered title ending a
// sentence, "<p><strong>（一）落实留抵退税。</strong>对符合条件的…</p>": the
// page's own mark of a measure, which its text alone does not keep (a short
// title ended with 。 may as well be a sub-item's; see detectParens).
func htmlText(text string) (out string, items int) {
	if !isHTML(text) {
		return text, 0
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return text, 0
	}
	r := pageRender{bold: map[*html.Node]bool{}}
	r.walk(doc)
	r.flush()
	var lines []string
	for _, l := range r.lines {
		if pageChrome.MatchString(l) {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), len(r.bold)
}

// pageChrome is a line of the site around the document rather than of the
// document: the breadcrumb ("您当前的位置：首页 > 政务公开"), the record
// numbers and copyright of the footer (a page may write them outside a
// footer element), the print, close and share links, the links to the
// pages before and after and to related files, the page's editor and its
// counters. After a table, such a line would be read as the last row's
// cells.
var pageChrome = regexp.MustCompile(`^[【\[]?(?:打印本页|关闭窗口|分享到|我要纠错)|^(?:上一篇|下一篇|上一条|下一条|责任编辑|浏览次数|访问量|点击数|阅读次数)[：:]|^(?:相关附件|相关链接|附件下载|相关文件|相关阅读)[：:]?|^扫一扫在手机|^(?:您)?(?:当前|现在|所在)?的?位置[：:]|^首页[ \t　]*[>＞›»]|ICP备|公网安备|网站标识码|版权所有|(?i:copyright)|©`)

// skipTags are the elements whose content a reader does not see as the
// document: the head, scripts and styles, form controls and embedded
// objects, navigation and footer.
var skipTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Object: true, atom.Embed: true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Nav: true, atom.Footer: true, atom.Title: true,
}

// chromeClass are the class and id words of the site's navigation, breadcrumb
// and footer blocks, where the page does not use <nav> and <footer>.
var chromeClass = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "crumb": true, "crumbs": true,
	"breadcrumb": true, "footer": true, "foot": true, "copyright": true, "bottom": true,
}

// blockTags are the elements that end a line before and after them.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Ul: true, atom.Caption: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Body: true, atom.Html: true,
}

// softBreak marks a <br> in a block's text until the block ends and the
// words on both sides are known (see joinBreaks).
const softBreak = '\x00'

// hardBreak separates the lines of a block's text (the source's own line
// breaks are whitespace).
const hardBreak = '\x01'

// pageRender collects the lines of a page.
type pageRender struct {
	lines []string
	cur   strings.Builder // the block being read
	// cell is set while a table cell is read: every <br> ends a line (it
	// separates the cell's units, people or phones).
	cell bool
	// bold holds the bold elements that open a paragraph with a
	// bracket-numbered title (see htmlText).
	bold map[*html.Node]bool
}

func (r *pageRender) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.DataAtom] || isChrome(n) || linkList(n) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			if r.cell {
				r.flush()
			} else {
				r.cur.WriteRune(softBreak)
			}
			return
		case atom.Strong, atom.B, atom.Span, atom.Font:
			if r.bold != nil && isBold(n) {
				if lead, ok := r.lineStart(); ok && !r.inBold(n) && boldTitle(lead, n) {
					r.bold[n] = true
				}
			}
		case atom.Table:
			if dataTable(n) {
				r.flush()
				r.table(n)
				return
			}
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

// flush ends the block being read: its <br>s are resolved, its source
// whitespace collapsed, and its non-empty lines kept.
func (r *pageRender) flush() {
	s := r.cur.String()
	r.cur.Reset()
	for _, l := range strings.Split(joinBreaks(s), string(hardBreak)) {
		if l = cleanLine(l); l != "" {
			r.lines = append(r.lines, l)
		}
	}
}

// htmlSpace is whitespace in the page's source, which the browser collapses
// (a non-breaking space &nbsp; is not).
func htmlSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

// wide reports whether r is a CJK character or full-width sign: the source's
// line breaks and indentation between two such characters show as nothing.
func wide(r rune) bool {
	return r >= 0x2e80 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xffef || r == '“' || r == '”' || r == '—' || r == '…'
}

// collapse replaces each run of source whitespace by one space, or by
// nothing next to a wide character or at either end.
func collapse(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !htmlSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && htmlSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && !wide(rs[i-1]) && !wide(rs[j]) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// cleanLine collapses a line's source whitespace, writes a non-breaking
// space as a space and an em space as the full-width space a pasted page
// shows, and trims the line.
func cleanLine(l string) string {
	l = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0':
			return ' '
		case '\u2002', '\u2003':
			return '\u3000'
		case '\t':
			return ' '
		case '\u200b', '\ufeff':
			return -1
		}
		return r
	}, collapse(l))
	return strings.TrimSpace(l)
}

var (
	// breakAfter is the end of words a line may end with: a sentence or a
	// clause before a list, a closing bracket or quote after one.
	breakAfter = regexp.MustCompile(`[。！？；：!?;:][”’」』）)]?$`)
	// breakBefore is the start of words that open a line of their own: a
	// label ("联系电话："), an item's number (（一） 1. 第三条), a date
	// alone. A heading's number "二、" is not one: "二、三季度" continues a
	// sentence.
	// brHeading is a heading's whole line: a number and a short title
	// without a sentence's punctuation ("一、减轻税负", "（三）小标题").
	brHeading   = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．])[^。；，,;：:]{1,30}$`)
	breakBefore = regexp.MustCompile(`^(?:\p{Han}{2,8}[：:]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．]\D|第[一二三四五六七八九十百\d]{1,4}[条章]|\d{4}年\d{1,2}月\d{1,2}日$)`)
)

// joinBreaks resolves the <br>s of a block: one ends a line where the page
// shows a line of its own (the words before it end a sentence or a clause
// or are a heading, or the words after it open a line, see breakBefore); one
// inside a sentence (a line the editor broke by hand, "…返还资金在2022年<br>
// 二、三季度拨付") joins its two halves, so that the sentence stays whole
// and its second half starts nothing. The lines are separated by hardBreak.
func joinBreaks(s string) string {
	if !strings.ContainsRune(s, softBreak) {
		return s
	}
	parts := strings.Split(s, string(softBreak))
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			prev := cleanLine(b.String()[strings.LastIndexByte(b.String(), hardBreak)+1:])
			next := cleanLine(p)
			if prev == "" || next == "" || breakAfter.MatchString(prev) || brHeading.MatchString(prev) || breakBefore.MatchString(next) {
				b.WriteByte(hardBreak)
			} else {
				// The source's line break after a <br> is no space.
				p = strings.TrimLeftFunc(p, htmlSpace)
				trimmed := strings.TrimRightFunc(b.String(), htmlSpace)
				b.Reset()
				b.WriteString(trimmed)
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// isChrome reports whether an element is the site's navigation, breadcrumb
// or footer by its class or id (see chromeClass).
func isChrome(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if chromeClass[w] {
				return true
			}
		}
	}
	return false
}

// linkList reports whether a list or a block is made of links only (a
// menu, the site's sections, links to related pages, 【打印本页】【关闭窗口】):
// every item of a list is a link and says nothing else, or a block holds
// two links or more and nothing else but signs. A block that is one link (an
// attachment's name) stays.
func linkList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		if !blockTags[n.DataAtom] || n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Table {
			return false
		}
		var inLink, outside strings.Builder
		textOf(n, &inLink, &outside, false)
		return links(n) >= 2 && strings.TrimSpace(inLink.String()) != "" && onlySigns(outside.String())
	}
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Li {
			return false
		}
		items++
		var inLink, outside strings.Builder
		textOf(c, &inLink, &outside, false)
		if strings.TrimSpace(inLink.String()) == "" || !onlySigns(outside.String()) {
			return false
		}
	}
	return items >= 2
}

// onlySigns reports whether s holds nothing but spaces, punctuation and
// symbols (the separators between links: 【】 | > ·).
func onlySigns(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }) == ""
}

// links counts the links under n.
func links(n *html.Node) int {
	k := 0
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		k++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += links(c)
	}
	return k
}

// textOf writes the text under n into in (inside a link) or out.
func textOf(n *html.Node, in, out *strings.Builder, link bool) {
	if n.Type == html.TextNode {
		if link {
			in.WriteString(n.Data)
		} else {
			out.WriteString(n.Data)
		}
	}
	if n.Type == html.ElementNode && skipTags[n.DataAtom] {
		return
	}
	link = link || n.Type == html.ElementNode && n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, in, out, link)
	}
}

// dataTable reports whether a table holds data rather than the page's
// layout: no table inside it, no cell longer than maxCell (a column of the
// page holding the article), and at least two rows of two cells.
func dataTable(n *html.Node) bool {
	rows, wideRows := 0, 0
	nested := false
	var visit func(*html.Node, bool)
	visit = func(c *html.Node, top bool) {
		if c.Type != html.ElementNode {
			return
		}
		if !top && c.DataAtom == atom.Table {
			nested = true
			return
		}
		if c.DataAtom == atom.Tr {
			rows++
			cells := 0
			for d := c.FirstChild; d != nil; d = d.NextSibling {
				if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) {
					cells++
				}
			}
			if cells >= 2 {
				wideRows++
			}
		}
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			var in, out strings.Builder
			textOf(c, &in, &out, false)
			if len([]rune(cleanLine(in.String()+out.String()))) > maxCell {
				nested = true // a page's column, not a cell
			}
		}
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			visit(d, false)
		}
	}
	visit(n, true)
	return !nested && rows >= 2 && wideRows >= 1
}

// maxCell is the longest text, in runes, of a data table's cell: a
// measure's text in a policy list, not a page's article.
const maxCell = 600

// maxSpan bounds a cell's rowspan and colspan: a page's figure, not a
// damaged attribute's.
const maxSpan = 200

// span reads a cell's rowspan or colspan (1 when absent or unreadable).
func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			if k, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && k > 1 {
				return min(k, maxSpan)
			}
		}
	}
	return 1
}

// table writes a data table one line per row, its cells separated by TABs.
// A cell spanning rows (rowspan) is repeated into each of them, so that
// every row has all its cells in their columns; a cell spanning columns
// leaves the columns after it empty. Rows sharing their first cell, a row
// number (a measure answered by two units, one row each), are one row:
// the cells each row has of its own are listed in it separated by "；" (see
// listedContacts). A row above the header holding one cell (a title over
// the table) is a line of its own.
func (r *pageRender) table(n *html.Node) {
	type cell struct {
		text string
		src  int // the <td> it comes from (0 for a column it spans)
	}
	type carry struct {
		cell
		left int // rows still to fill
	}
	var carries []carry
	var trs []*html.Node
	var collect func(*html.Node)
	collect = func(c *html.Node) {
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			if d.Type != html.ElementNode {
				continue
			}
			if d.DataAtom == atom.Tr {
				trs = append(trs, d)
			} else if d.DataAtom != atom.Table {
				collect(d)
			}
		}
	}
	collect(n)
	type tableRow struct {
		cells  []cell
		shared bool // its first cell is the row's above (rowspan)
	}
	var rows []tableRow
	src := 0
	for _, tr := range trs {
		var row tableRow
		fill := func() { // the cells rows above still hold here
			for len(row.cells) < len(carries) && carries[len(row.cells)].left > 0 {
				k := len(row.cells)
				carries[k].left--
				row.cells = append(row.cells, carries[k].cell)
				row.shared = row.shared || k == 0
			}
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
				continue
			}
			fill()
			src++
			c := cell{r.cellText(td), src}
			rs, cs := span(td, "rowspan"), span(td, "colspan")
			for k := range cs {
				if k > 0 {
					c = cell{}
				}
				for len(carries) <= len(row.cells) {
					carries = append(carries, carry{})
				}
				carries[len(row.cells)] = carry{c, rs - 1}
				row.cells = append(row.cells, c)
			}
		}
		// Cells spanning down into this row after its last own cell.
		last := -1
		for i := len(row.cells); i < len(carries); i++ {
			if carries[i].left > 0 {
				last = i
			}
		}
		for i := len(row.cells); i <= last; i++ {
			c := cell{}
			if carries[i].left > 0 {
				carries[i].left--
				c = carries[i].cell
			}
			row.cells = append(row.cells, c)
		}
		if row.shared && len(rows) > 0 && rowNumberOf(strings.TrimSpace(row.cells[0].text)) > 0 {
			// One measure's second row: its own cells join the first's.
			prev := &rows[len(rows)-1]
			for i, c := range row.cells {
				switch {
				case i >= len(prev.cells):
					prev.cells = append(prev.cells, c)
				case prev.cells[i].src != c.src || c.src == 0:
					prev.cells[i] = cell{prev.cells[i].text + "；" + c.text, -1}
				}
			}
			continue
		}
		rows = append(rows, row)
	}
	header := -1      // the first row of two cells or more
	numbered := false // the header's first cell is 序号
	for k, row := range rows {
		var texts []string
		filled := 0
		for _, c := range row.cells {
			texts = append(texts, c.text)
			if strings.Trim(c.text, "；") != "" {
				filled++
			}
		}
		switch {
		case filled == 0:
		case header < 0 && filled == 1:
			// A title over the table.
			r.lines = append(r.lines, strings.Join(texts, ""))
		case header < 0:
			header, numbered = k, colNumber.MatchString(stripSpace(texts[0]))
			r.lines = append(r.lines, strings.Join(texts, "\t"))
		case numbered && rowNumberOf(stripSpace(texts[0])) == 0:
			// A row without a number under a 序号 header (a category
			// between the rows, a note, a general hotline) is no
			// measure's: written as a row it would be read as more cells
			// of the row above.
		default:
			r.lines = append(r.lines, strings.Join(texts, "\t"))
		}
	}
}

// cellText reads a cell's text on one line: its lines (split by <br> or
// by paragraphs) are joined by 、 (a cell listing two units, people or
// phones), or directly after a sentence's or a list's sign.
func (r *pageRender) cellText(td *html.Node) string {
	sub := pageRender{cell: true}
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		sub.walk(c)
	}
	sub.flush()
	var b strings.Builder
	for i, l := range sub.lines {
		if i > 0 && !strings.ContainsAny(lastRune(b.String()), "。；;，,、：:") {
			b.WriteString("、")
		}
		b.WriteString(l)
	}
	return b.String()
}

// lastRune returns the last character of s as a string, or "".
func lastRune(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return ""
	}
	return string(rs[len(rs)-1])
}

// itemTitle is a bracket-numbered title, ended as a sentence or not:
// "（一）落实增值税留抵退税。".
var itemTitle = regexp.MustCompile(`^[（(][一二三四五六七八九十]{1,3}[）)][^。]{2,40}。?$`)

// lineStart returns what was read since the block or the <br> before,
// trimmed, and whether it is nothing or a bracket number alone (the
// number written before the bold title: "（一）<strong>标题。</strong>").
func (r *pageRender) lineStart() (string, bool) {
	t := r.cur.String()
	t = t[strings.LastIndexByte(t, softBreak)+1:]
	if len(t) > 400 {
		return "", false // words, not indentation and a number: no need to read them all
	}
	t = cleanLine(t)
	return t, t == "" || bracketNumber.MatchString(t)
}

var (
	bracketNumber = regexp.MustCompile(`^[（(][一二三四五六七八九十]{1,3}[）)]$`)
	// boldStyle is an inline style that sets words in bold.
	boldStyle = regexp.MustCompile(`(?i)font-weight\s*:\s*(?:bold|[6-9]00)`)
)

// inBold reports whether an element is inside a bold title already
// counted (<span style="font-weight:bold"><strong>…).
func (r *pageRender) inBold(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if r.bold[a] {
			return true
		}
	}
	return false
}

// isBold reports whether an element sets its words in bold: <strong>,
// <b>, or a <span> or <font> styled so.
func isBold(n *html.Node) bool {
	if n.DataAtom == atom.Strong || n.DataAtom == atom.B {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "style" && boldStyle.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// boldTitle reports whether a bold element that opens a line (after lead,
// its number or nothing) holds a bracket-numbered title (see itemTitle) and
// the measure's text follows it on the line (a sub-heading in bold is a
// line of its own).
func boldTitle(lead string, n *html.Node) bool {
	var in, out strings.Builder
	textOf(n, &in, &out, false)
	if !itemTitle.MatchString(lead + cleanLine(in.String()+out.String())) {
		return false
	}
	var after, rest strings.Builder
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Br || blockTags[c.DataAtom]) {
			break
		}
		textOf(c, &after, &rest, false)
	}
	return len([]rune(cleanLine(after.String()+rest.String()))) >= 10
}
