package seeds

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A district may write its guide in Word and save it with 另存为 → 网页
// (*.htm, "Word HTML"): an <html> declaring Word's namespaces
// (xmlns:w="urn:schemas-microsoft-com:office:word"), a head of metas, a
// <title> (often a draft's: Word keeps the file's first title), XML
// properties in conditional comments, style sheets with list definitions
// and Word's comment script; then a body of MsoNormal paragraphs whose
// text Word cuts into many <span>s, even mid-word, and whose source lines
// it wraps at about 76 characters: inside tags at spaces (so an attribute
// may run over two lines), in text between two Chinese characters with
// no space.
//
// htmlText would read such a page as any web page and lose most of it:
// the automatic list numbers, which Word writes only in a downlevel
// <![if !supportLists]> block; the table of contents, the header and
// footer, tracked deletions, comments and footnotes read as text; the
// contacts table's rows shared by rowspans merged. wordHTMLText turns it
// into the text Word shows, before any layout is chosen, relying on Word's
// own markup only, nothing of one document's text:
//   - conditional comments <!--[if …]>…<![endif]--> are comments (the TOC
//     field code, the PAGE field, the head's XML): dropped. The downlevel
//     blocks <![if !supportLists]>…<![endif]> are no comments: their
//     content is shown, and the list's number in it ("9." and a 7pt tab
//     filler) is the paragraph's visible number;
//   - <o:p> is nothing, spans join without spaces, the source's line
//     breaks between two Chinese characters show as nothing (see
//     collapse), a mso-spacerun space is a space, soft hyphens and
//     zero-width spaces are dropped;
//   - the table of contents (MsoToc* paragraphs, a 目录 line before them),
//     hidden text (display:none, mso-hide:all), the header and footer
//     (mso-element:header / footer), footnotes and endnotes
//     (mso-element:footnote-list / endnote-list) and the references to
//     them ([1]), comments (mso-element:comment-list, the MsoCommentReference
//     and msocomanchor anchors "[A1]") are dropped;
//   - tracked changes: a deletion (<del>, class msoDel) is dropped, an
//     insertion (<ins>, class msoIns) kept: it is the current text;
//   - a page break (<br> styled page-break-before) is nothing: a sentence
//     continues across it;
//   - a measure numbered in a form of its own inside a count the list
//     numbers keep ("（十五）" after "14.", Word's automatic list resuming
//     at "22.") is written in the count's form ("15．"): see
//     wordContinueCount;
//   - a table whose column names each row's measures (对应措施（条）
//     "16—18、21") is read cell by cell, a cell spanning rows carried
//     down into each (never two units' rows merged), a two-character name
//     padded with a full-width space ("韩　静") read without it, and
//     rewritten as contacts by measure (see odtByMeasure) closing the text;
//     other tables as htmlText reads them;
//   - the head written first (see headLines): the visible title (the
//     MsoTitle paragraph, else the first heading or line, never the
//     <title> or <o:Title> unless the body has none), the issuer and date
//     of the line under it ("…办公室　2022年6月24日") or of the signature
//     (an office line before a date line).
//
// The reader is lenient: the HTML parser reads any damaged markup as a
// tree, and a corrupted copy is read from the last copy of each piece
// (see dropEarlierCopies).

var (
	// wordNamespace is Word's namespace, declared by every Word HTML file.
	wordNamespace = regexp.MustCompile(`(?i)urn:schemas-microsoft-com:office:word`)
	// wordMsoClass is a Word paragraph class (class=MsoNormal).
	wordMsoClass = regexp.MustCompile(`(?i)class\s*=\s*["']?Mso(?:Normal|ListParagraph|Title|BodyText|PlainText)\b`)
	// wordMsoStyle is one of Word's own style properties.
	wordMsoStyle = regexp.MustCompile(`(?i)mso-(?:style|list|spacerun|bidi|fareast|element|char-indent|line-height|pagination|yfti)`)
)

// isWordHTML reports whether text is Word's HTML: markup that declares
// Word's namespace or writes Word's paragraph classes and mso- styles.
func isWordHTML(text string) bool {
	if !strings.Contains(text, "<") || !strings.Contains(strings.ToLower(text), "<p") {
		return false
	}
	return wordNamespace.MatchString(text) || wordMsoClass.MatchString(text) && wordMsoStyle.MatchString(text)
}

// wordHTMLText: see above. It returns the text Word shows, the number of
// paragraphs opening with a bold bracket-numbered title (see htmlText),
// what it could not read and the copies a corrupted copy's reading
// dropped; or text unchanged when it is no Word HTML.
func wordHTMLText(text string) (string, int, []Unread, []Duplicate) {
	if !isWordHTML(text) {
		return text, 0, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	doc, err := html.Parse(strings.NewReader(single))
	if err != nil {
		return text, 0, []Unread{{Line: "Word HTML", Why: "the markup could not be parsed: " + err.Error()}}, nil
	}
	headTitle := ""
	if t := epubFindElem(doc, atom.Title); t != nil {
		headTitle = epubText1(t)
	}
	wordClean(doc)
	title := ""
	if t := wordFindClass(doc, "msotitle"); t != nil {
		title = epubText1(t)
	}
	var tail []string
	var unread []Unread
	for _, t := range wordTables(doc) {
		rows := wordTableRows(t)
		by := odtByMeasure(epubContactRows(rows))
		if by == nil {
			continue
		}
		for k, h := range by[0] {
			// A 责任单位 head would read as a policy list's field label.
			if wordUnitHead.MatchString(stripSpace(h)) {
				by[0][k] = "单位"
			}
		}
		for _, row := range by {
			tail = append(tail, strings.Join(row, "\t"))
		}
		t.Parent.RemoveChild(t)
	}
	body := epubFindElem(doc, atom.Body)
	if body == nil {
		body = doc
	}
	wordNumberHeadings(body)
	r := pageRender{bold: map[*html.Node]bool{}}
	r.walk(body)
	r.flush()
	lines, rewritten := wordContinueCount(r.lines)
	bold := len(r.bold)
	if rewritten > 0 {
		// The bold titles counted open measures now numbered "15．".
		bold = max(0, bold-rewritten)
	}
	lines = epubDutyClauses(lines)
	if len(lines) == 0 && len(tail) == 0 {
		return text, 0, append(unread, Unread{Line: "Word HTML", Why: "no text in the document's body"}), nil
	}
	if title == "" {
		title = headTitle
		if h := epubFindElem(body, atom.H1); h != nil && wordFindClass(doc, "msotoc1") == nil {
			if t := epubText1(h); t != "" && !sectionHead.MatchString(stripSpace(t)) {
				title = t
			}
		}
	}
	if title == "" && len(lines) > 0 {
		title = lines[0]
	}
	issuer, date, at := wordIssueLine(lines, title)
	if at >= 0 {
		lines = append(lines[:at:at], lines[at+1:]...)
	}
	// The title line is the head's.
	for i, l := range lines {
		if i > 3 {
			break
		}
		if stripSpace(l) == stripSpace(title) {
			lines = append(lines[:i:i], lines[i+1:]...)
			break
		}
	}
	head := headLines(squeezeSpace(title), date, issuer, "")
	return strings.Join(append(append(head, lines...), tail...), "\n") + "\n", bold, unread, copies
}

// wordAttr is an element's attribute with its whitespace collapsed (Word
// wraps attribute values over lines), lower-cased.
func wordAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.ToLower(strings.Join(strings.Fields(a.Val), " "))
		}
	}
	return ""
}

// wordStyle is the value of one property of an element's inline style
// ("" when it is not set).
func wordStyle(n *html.Node, prop string) string {
	for _, decl := range strings.Split(wordAttr(n, "style"), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.TrimSpace(k) == prop {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// wordHasClass reports whether an element has a class (lower case).
func wordHasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(wordAttr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// wordFindClass is the first element under n of the class (lower case).
func wordFindClass(n *html.Node, class string) *html.Node {
	if n.Type == html.ElementNode && wordHasClass(n, class) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := wordFindClass(c, class); f != nil {
			return f
		}
	}
	return nil
}

// wordDropElements are the mso-element values of what is no text of the
// document: the header and footer, notes and comments.
var wordDropElements = map[string]bool{"header": true, "footer": true, "footnote-list": true, "endnote-list": true,
	"comment-list": true, "comment": true, "footnote": true, "endnote": true, "field-begin": true, "field-separator": true, "field-end": true}

// wordDropClasses are the classes of comment anchors and of the table of
// contents' heading.
var wordDropClasses = map[string]bool{"msocommentreference": true, "msocomanchor": true, "msocomoff": true, "msocomtxt": true,
	"msodel": true, "msotocheading": true}

// wordNoteRef is a link to a footnote, an endnote or a comment.
var wordNoteRef = regexp.MustCompile(`^#_(?:ftn|edn|msocom_|msoanchor_)\d+$`)

// wordDrop reports whether an element is no text Word shows in the
// document (see above).
func wordDrop(n *html.Node) bool {
	if n.DataAtom == atom.Del || n.Data == "s" && wordHasClass(n, "msodel") {
		return true
	}
	if wordDropElements[wordStyle(n, "mso-element")] {
		return true
	}
	if wordStyle(n, "display") == "none" || wordStyle(n, "mso-hide") == "all" {
		return true
	}
	for _, c := range strings.Fields(wordAttr(n, "class")) {
		if wordDropClasses[c] || strings.HasPrefix(c, "msotoc") {
			return true
		}
	}
	if n.DataAtom == atom.A && (wordStyle(n, "mso-footnote-id") != "" || wordStyle(n, "mso-endnote-id") != "" ||
		wordNoteRef.MatchString(wordAttr(n, "href"))) {
		return true
	}
	if n.DataAtom == atom.Br && (wordStyle(n, "page-break-before") == "always" || wordStyle(n, "mso-break-type") == "section-break") {
		return true
	}
	return false
}

// wordClean drops what Word does not show as the document's text (see
// wordDrop), a 目录 line standing before the table of contents, and the
// soft hyphens and zero-width spaces of the text.
func wordClean(doc *html.Node) {
	var drop []*html.Node
	keep := map[*html.Node]bool{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			n.Data = strings.Map(func(r rune) rune {
				if r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff' {
					return -1
				}
				return r
			}, n.Data)
			return
		case html.ElementNode:
			if wordDrop(n) && !keep[n] {
				if !wordSwallowed(n) {
					drop = append(drop, n)
					return
				}
				for _, k := range wordSalvage(n) {
					keep[k] = true
				}
			}
			if n.DataAtom == atom.P && wordTOCNext(n) && stripSpace(epubText1(n)) == "目录" {
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// wordRegion is an element whose mso-element makes it a region of its own
// outside the document's text (a note, a comment, the header).
func wordRegion(n *html.Node) bool {
	return n.Type == html.ElementNode && wordDropElements[wordStyle(n, "mso-element")] && !strings.HasPrefix(wordStyle(n, "mso-element"), "field-")
}

// wordBodyClasses are the classes of the document's own paragraphs, never
// of a note's, a comment's, a header's or a footer's.
var wordBodyClasses = map[string]bool{"msonormal": true, "msolistparagraph": true, "msotitle": true, "msobodytext": true,
	"msoplaintext": true, "msolistparagraphcxspfirst": true, "msolistparagraphcxspmiddle": true, "msolistparagraphcxsplast": true,
	"msonormalcxspfirst": true, "msonormalcxspmiddle": true, "msonormalcxsplast": true}

// wordSwallowed reports whether a region (see wordRegion) holds the
// document's own paragraphs, headings or tables: a corrupted copy cut at
// 。 moved a piece opening the region (a footnote's start, say) into the
// body, and the region, unclosed there, took in the rest of the body.
// Dropped whole, it would take most measures with it.
func wordSwallowed(n *html.Node) bool {
	if !wordRegion(n) {
		return false
	}
	var body func(c *html.Node, depth int) bool
	body = func(c *html.Node, depth int) bool {
		if depth > 512 {
			return false
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch k.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table:
				return true
			}
			for _, cl := range strings.Fields(wordAttr(k, "class")) {
				if wordBodyClasses[cl] {
					return true
				}
			}
			if body(k, depth+1) {
				return true
			}
		}
		return false
	}
	return body(n, 0)
}

// wordSalvage reads a region that swallowed the body (see wordSwallowed)
// as the moved piece and what it took in: the piece ends at the first 。
// after the region's start (the copy was cut there), so the text up to it
// is the region's own and dropped, and the rest is the document's. It
// returns the elements holding that first 。 (the region's own paragraph,
// whose tail is the body's), which must not be dropped as the region's.
func wordSalvage(n *html.Node) []*html.Node {
	var texts []*html.Node
	var walk func(c *html.Node, depth int)
	walk = func(c *html.Node, depth int) {
		if depth > 512 {
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch k.Type {
			case html.TextNode:
				texts = append(texts, k)
			case html.ElementNode:
				walk(k, depth+1)
			}
		}
	}
	walk(n, 0)
	for i, t := range texts {
		j := strings.Index(t.Data, "。")
		if j < 0 {
			continue
		}
		for _, before := range texts[:i] {
			before.Data = ""
		}
		t.Data = t.Data[j+len("。"):]
		var keep []*html.Node
		for p := t.Parent; p != nil && p != n.Parent; p = p.Parent {
			keep = append(keep, p)
		}
		return keep
	}
	return []*html.Node{n}
}

// wordTOCNext reports whether the element after n is a paragraph of the
// table of contents.
func wordTOCNext(n *html.Node) bool {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, cl := range strings.Fields(wordAttr(c, "class")) {
			if strings.HasPrefix(cl, "msotoc") {
				return true
			}
		}
		return false
	}
	return false
}

// wordTables are the tables of the document that name each row's
// measures in a column (see odtRefsHeader), outermost only.
func wordTables(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			rows := wordTableRows(n)
			if len(rows) > 0 {
				for _, h := range rows[0] {
					if odtRefsHeader.MatchString(stripSpace(h)) {
						out = append(out, n)
						return
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return out
}

var (
	// wordUnitHead names a contact table's unit column.
	wordUnitHead = regexp.MustCompile(`^(?:责任|牵头|主管|主责|实施)(?:单位|部门)$`)
	// wordRefsUnit is a column head's bracketed unit ("对应措施（条）").
	wordRefsUnit = regexp.MustCompile(`^(.+?)[（(](?:条|项|条款|序号|编号)[）)]$`)
	// wordPadded is a short name whose characters a full-width space
	// pads to a longer one's width ("韩　静", "联　系　人").
	// wordSpacedPhone is an area code and a local number a space apart.
	wordSpacedPhone = regexp.MustCompile(`\b(0\d{2,3})[ 　]+(\d{7,8})\b`)
	// wordPhoneNote is a bracketed note after a phone.
	wordPhoneNote = regexp.MustCompile(`(\d)[（(][^（）()\d]{1,12}[）)]`)
	// wordLabelledPhone is a phone cell opening with its line's name.
	wordLabelledPhone = regexp.MustCompile(`^(\p{Han}[\p{Han}（）()]{1,15}?)[：:\s]*(\d[\d\-－]{2,}\d)$`)
	wordPadded        = regexp.MustCompile(`^\p{Han}(?:[ 　\x{00a0}]+\p{Han}){1,3}$`)
)

// wordTableRows reads a table's rows cell by cell: a cell spanning rows
// is carried down into each, one spanning columns leaves the columns
// after it empty, a padded short name is read without its padding, and a
// header naming its unit in brackets ("对应措施（条）") without it.
func wordTableRows(t *html.Node) [][]string {
	var trs []*html.Node
	var collect func(*html.Node, int)
	collect = func(c *html.Node, depth int) {
		if depth > 64 {
			return
		}
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			if d.Type != html.ElementNode {
				continue
			}
			if d.DataAtom == atom.Tr {
				trs = append(trs, d)
			} else if d.DataAtom != atom.Table {
				collect(d, depth+1)
			}
		}
	}
	collect(t, 0)
	type carry struct {
		text string
		left int
	}
	var carries []carry
	var rows [][]string
	r := pageRender{}
	for _, tr := range trs {
		var row []string
		fill := func() {
			for len(row) < len(carries) && carries[len(row)].left > 0 {
				carries[len(row)].left--
				row = append(row, carries[len(row)].text)
			}
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
				continue
			}
			fill()
			text := r.cellText(td)
			if wordPadded.MatchString(text) {
				text = stripSpace(strings.ReplaceAll(text, "\u00a0", ""))
			}
			rs, cs := span(td, "rowspan"), span(td, "colspan")
			for k := range cs {
				if k > 0 {
					text = ""
				}
				for len(carries) <= len(row) {
					carries = append(carries, carry{})
				}
				carries[len(row)] = carry{text, rs - 1}
				row = append(row, text)
			}
		}
		fill()
		for i := len(row); i < len(carries); i++ {
			c := ""
			if carries[i].left > 0 {
				carries[i].left--
				c = carries[i].text
			}
			row = append(row, c)
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return rows
	}
	refs, number, person, phone := -1, -1, -1, -1
	for k, h := range rows[0] {
		if m := wordRefsUnit.FindStringSubmatch(stripSpace(h)); m != nil && odtRefsHeader.MatchString(m[1]) {
			rows[0][k] = m[1]
		}
		switch h = stripSpace(rows[0][k]); {
		case odtRefsHeader.MatchString(h) && refs < 0:
			refs = k
		case colNumber.MatchString(h) && number < 0:
			number = k
		case colPeople.MatchString(h) && person < 0:
			person = k
		case colPhone.MatchString(h) && phone < 0:
			phone = k
		}
	}
	if refs < 0 {
		return rows
	}
	// A row naming no person whose phone cell opens with what the number
	// is ("纳税缴费服务热线12366") names the hotline where the person
	// stands, as a label (see epubContactRows).
	if person >= 0 && phone >= 0 {
		for _, row := range rows[1:] {
			if person < len(row) && phone < len(row) && strings.TrimSpace(row[person]) == "" {
				if m := wordLabelledPhone.FindStringSubmatch(strings.TrimSpace(row[phone])); m != nil {
					row[person], row[phone] = m[1], m[2]
				}
			}
		}
	}
	// The rows' own numbers count units, not measures: the measures are
	// the refs column's. Two numbers or names in one cell are listed with
	// 、: a semicolon separates the rows a measure is named by.
	for i, row := range rows {
		for k := range row {
			row[k] = strings.NewReplacer("；", "、", ";", "、").Replace(row[k])
			if k == phone {
				// "0971 8211406": an area code and a local number.
				row[k] = wordSpacedPhone.ReplaceAllString(row[k], "$1-$2")
				// "0971-8211406（综合窗口）": the window is no number.
				row[k] = wordPhoneNote.ReplaceAllString(row[k], "$1")
			}
		}
		if number >= 0 && number < len(row) {
			row = append(row[:number:number], row[number+1:]...)
		}
		rows[i] = row
	}
	return rows
}

var (
	// wordDotNumber opens a line numbered "12." or "12．".
	wordDotNumber = regexp.MustCompile(`^(\d{1,3})[.．]\s*`)
	// wordParenNumber opens a line numbered "（十二）".
	wordParenNumber = regexp.MustCompile(`^[（(]([一二三四五六七八九十百]{1,4})[）)]\s*`)
)

// wordCountFrom is the count a run of numbered lines must have reached
// before a number in another form is taken as its continuation: a
// measure's few steps (1. 2. 3.) followed by its next sibling (（四）) are
// no count.
const wordCountFrom = 5

// wordContinueCount writes a line numbered "（十五）" as "15．" where it
// continues the count of the lines numbered "N.": 14 was counted, and
// most of 1…14 (a corrupted copy may have lost or moved some), at least
// wordCountFrom of them: Word's automatic list numbers and typed numbers
// in another form counting one series of measures through the document.
// The count is the document's, not the lines' before: a corrupted copy
// moves a piece holding "（十）" ahead of "8." and "9.", and "（十一）"
// then follows no "（十）"; read in order, neither continued the count and
// the series fell apart. So the lines numbered "N." are gathered first and
// the bracket numbers joined to them until none more joins (a run
// "（十）…（十三）" in any order). A bracket number the count already has
// as "N." (a sub-heading "（四）" beside measure 4) is no continuation.
// Every line numbered "N." is written "N．" (a list number's tab filler is
// no column gap). It returns the lines and how many bracket numbers it
// rewrote.
func wordContinueCount(lines []string) (out []string, rewritten int) {
	out = make([]string, len(lines))
	copy(out, lines)
	seen, dots := map[int]bool{}, map[int]bool{}
	for i, l := range out {
		if m := wordDotNumber.FindStringSubmatch(l); m != nil && !startsDigit(l[len(m[0]):]) {
			k, _ := strconv.Atoi(m[1])
			out[i] = m[1] + "．" + l[len(m[0]):]
			seen[k], dots[k] = true, true
		}
	}
	for changed := true; changed; {
		changed = false
		for i, l := range out {
			m := wordParenNumber.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			// Another bracket-numbered line (a sub-heading "（二）…")
			// leaves the count as it is.
			if k := ParseNumeral(m[1]); k > 1 && !dots[k] && seen[k-1] && wordCounted(seen, k-1) {
				out[i] = strconv.Itoa(k) + "．" + l[len(m[0]):]
				seen[k] = true
				rewritten++
				changed = true
			}
		}
	}
	return out, rewritten
}

// wordCounted reports whether most of 1…k were counted, at least
// wordCountFrom of them.
func wordCounted(seen map[int]bool, k int) bool {
	n := 0
	for j := 1; j <= k; j++ {
		if seen[j] {
			n++
		}
	}
	return n >= wordCountFrom && n*4 >= k*3
}

// wordDateOnLine is a line ending in a date, an office before it
// ("…办公室　2022年6月24日").
var wordDateOnLine = regexp.MustCompile(`^(.{2,40}?)[\s　]*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日(?:印发|发布)?$`)

// wordIssueLine reads the issuer and date: the line under the title
// naming an office and a date, else the signature (an office line before
// a date line). It returns the line read under the title (-1 for none or
// the signature, which stays in the text).
func wordIssueLine(lines []string, title string) (issuer, date string, at int) {
	for i, l := range lines {
		if i > 4 {
			break
		}
		t := strings.TrimSpace(l)
		if m := wordDateOnLine.FindStringSubmatch(t); m != nil && stripSpace(t) != stripSpace(title) {
			if who := strings.TrimSpace(m[1]); signatureLine.MatchString(stripSpace(who)) || strings.HasSuffix(who, "局") || strings.HasSuffix(who, "中心") {
				return stripSpace(who), m[2] + "-" + pad2(m[3]) + "-" + pad2(m[4]), i
			}
		}
		if m := docxDateLine.FindStringSubmatch(stripSpace(t)); m != nil {
			date = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
			if i > 0 && signatureLine.MatchString(stripSpace(lines[i-1])) && !docxDateLine.MatchString(stripSpace(lines[i-1])) {
				issuer = stripSpace(lines[i-1])
			}
			return issuer, date, -1
		}
	}
	for i := len(lines) - 1; i > 0; i-- {
		if m := docxDateLine.FindStringSubmatch(stripSpace(lines[i])); m != nil {
			prev := stripSpace(lines[i-1])
			if signatureLine.MatchString(prev) && !docxDateLine.MatchString(prev) {
				return prev, m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3]), -1
			}
		}
	}
	return "", "", -1
}

// startsDigit reports whether s opens with an ASCII digit ("2.5万元" is no
// number and a title).
func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// wordBracketHead is a sub-heading's text in brackets without a number:
// "（税费减免和退税）".
var wordBracketHead = regexp.MustCompile(`^[（(]([^（()）]{2,30})[）)]$`)

// wordNumberHeadings numbers the sub-headings (<h2>…<h6>) written in
// brackets without a number, counted anew under each <h1>: "（一）税费减免和
// 退税". Word's heading level makes them a section's parts; read as they
// are, they would read as a measure's bracketed words.
func wordNumberHeadings(body *html.Node) {
	k := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 || n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.H1:
			k = 0
			return
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			if m := wordBracketHead.FindStringSubmatch(stripSpace(epubText1(n))); m != nil && !anyHead.MatchString(m[0]) && k < 99 {
				k++
				for c := n.FirstChild; c != nil; c = n.FirstChild {
					n.RemoveChild(c)
				}
				n.AppendChild(&html.Node{Type: html.TextNode, Data: "（" + Numeral(k) + "）" + m[1]})
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(body, 0)
}
