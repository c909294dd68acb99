package seeds

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may hand over its guide as the word/document.xml of a .docx
// (WordprocessingML), unzipped by a clerk and saved as text: one XML
// document whose text Word shows only after assembling it:
//
//	<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
//	<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" …><w:body>
//	  <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart …/><w:r><w:t>一、税</w:t></w:r><w:r><w:t>费</w:t></w:r>…</w:p>
//	  <w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>
//	    <w:r><w:t>对…（责任单位：区税</w:t></w:r><w:ins …><w:r><w:t>务局</w:t></w:r></w:ins><w:del …><w:r><w:delText>…</w:delText></w:r></w:del>…</w:p>
//	  <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p>…</w:p></w:tc>…</w:tr>…</w:tbl>
//	  <w:sectPr>…</w:sectPr></w:body></w:document>
//
// Its lines are wherever the clerk's tool wrapped them (several paragraphs
// a line, a line break between two runs of one paragraph), words, numbers
// and phones are cut into runs wherever Word's revision ids changed, and
// automatic list numbering leaves the measures' numbers out of the text:
// Word computes them from the list a paragraph belongs to (numbering.xml,
// which a document.xml alone does not carry).
//
// docxText turns such a document into the text Word shows, before any
// layout is chosen (as rtfText does for a Word document saved as RTF), so
// that the readers take it like any other guide:
//   - each paragraph (w:p) is a line, its runs' text (w:t) joined; w:tab is
//     written as two ideographic spaces (as rtfText writes \tab: a right tab
//     stop is no table cell), w:br and w:cr end a line inside the paragraph,
//     w:noBreakHyphen is a hyphen; physical lines and the whitespace
//     between elements are no text;
//   - tracked changes as Word shows them accepted: an insertion (w:ins,
//     w:moveTo) is kept, a deletion (w:del, w:delText, w:moveFrom) dropped;
//   - a field shows its result: a complex field's instructions (w:instrText
//     between fldChar begin and separate) are no text, except that a
//     HYPERLINK "mailto:…" whose result does not show the address adds it;
//     w:fldSimple, w:hyperlink, w:sdt, w:smartTag and w:customXml show
//     their content; of an mc:AlternateContent only the first choice is
//     read (the fallback repeats it); proofing marks, bookmarks, comment
//     ranges and references, rendered page breaks and properties are no
//     text;
//   - automatic list numbering (w:numPr) is written in front of the
//     paragraph as Word counts it: the items of one list (numId) counted in
//     document order through the whole body (headings between them reset
//     nothing), each level (ilvl) counted within its parent item; numId 0
//     is no list. The list holding the measures is chosen by the evidence,
//     not by its id: the one with the most substantial items after the
//     first heading. Its items are written "1．" (numbering.xml is not at
//     hand: the decimal form the line parser reads as a measure's number)
//     and its deeper levels "（1）"; every other list is written "（1）",
//     "①" below, so that its items read as no measure. A paragraph already
//     opening with a typed number keeps it alone;
//   - a table row (w:tr) is one line, its cells (w:tc) separated by TABs
//     (the table pasted from a web page that normalizeTabTables reads): a
//     cell's paragraphs joined as rtfText joins a cell's lines, a cell
//     spanning columns (w:gridSpan, w:gridBefore) followed by the empty
//     cells it covers, a vertically merged cell (w:vMerge without
//     "restart") carrying the value of the cell above it down.
//
// Paragraph styles are kept as evidence: a Title paragraph is the guide's
// title (see the returned title); Heading paragraphs are headings, which
// the measure list's choice looks after.
//
// The reader is lenient: it reads with encoding/xml token by token (see
// xmlTree: end tags need not match, after a syntax error reading resumes
// at the next tag), so a damaged document still gives what it holds, and
// a corrupted copy (cut at 。, pieces copied ahead of their places) is read
// from the last copy of each piece. Any text that is no WordprocessingML
// body (a careless converter's residue whose text stands outside w:t, such
// as guixi-2022-docx-xml) comes back unchanged.

// docxNamespace marks a WordprocessingML document.
var docxNamespace = regexp.MustCompile(`schemas\.openxmlformats\.org/wordprocessingml/2006/main|<w:(?:document|body)[\s>]`)

// docxHeading is a heading style's id (Word's built-in English ids, the
// Chinese 标题 N, or the bare digit Chinese Word gives its heading styles),
// with its level.
var docxHeading = regexp.MustCompile(`^(?i:heading|标题)\s*([1-9])$|^([1-9])$`)

// docxTitle is the Title style's id.
var docxTitle = regexp.MustCompile(`^(?i:title|标题)$`)

// docxTyped is a paragraph that opens with a typed number: automatic
// numbering in front of it would number it twice.
var docxTyped = regexp.MustCompile(`^[\s　]*(?:\d{1,3}[.．、]|[（(]\d{1,3}[)）]|[（(]?[一二三四五六七八九十]{1,3}[、)）]|第[一二三四五六七八九十百\d]+条)`)

// docxMailto is a HYPERLINK field's mailto address.
var docxMailto = regexp.MustCompile(`(?i)HYPERLINK\s+"?mailto:([^"\s?]+)`)

// docxPara is one paragraph (or table row) of the body in document order.
type docxPara struct {
	text    string
	style   string
	numID   string // "" or "0": no list
	ilvl    int
	row     bool // a table row, its cells separated by TABs
	heading bool
	// num is the item's number where its reader counted it (odtText's
	// lists continue across other lists), 0 where numberedText counts it.
	num int
	// title marks the document's title where no Title style says so
	// (odtText: the notice's title line before the first heading).
	title bool
}

// isDocx reports whether text opens as a WordprocessingML document.
func isDocx(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	if !strings.HasPrefix(head, "<") || !strings.Contains(text, "<w:t") {
		return false
	}
	return docxNamespace.MatchString(head[:min(len(head), 4000)])
}

// docxText: see above. It returns the text Word shows, the sub-points
// (see docxSubpoints), what it could not read and the copies a corrupted
// copy's reading dropped, or text unchanged.
func docxText(text string) (out string, subpoints []string, unread []Unread, copies []Duplicate) {
	if !isDocx(text) {
		return text, nil, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	root, unread := xmlTree(single)
	body := root.find("body")
	if body == nil {
		body = root
	}
	// The text must stand in runs: a converter's residue (text between
	// the tags, w:t kept only here and there) is no document to read.
	inRuns, stray := docxTextShare(body)
	if inRuns == 0 || stray*5 > inRuns {
		return text, nil, nil, nil
	}
	var paras []docxPara
	docxBlocks(body, &paras)
	out, subpoints = numberedText(paras, func(p docxPara, n int, measures bool) string { return docxLabel(n, p.ilvl, measures) })
	if out == "" {
		return text, nil, unread, nil
	}
	return out, subpoints, unread, copies
}

// numberedText writes a document's paragraphs and table rows as lines, each
// list item's automatic number in front of it (see docxText; odtText
// shares it): an item counts within its list (numID) in document order,
// each level (ilvl) within its parent item, unless its reader counted it
// already (num); label writes the number, knowing whether the item is of
// the list chosen as the measures' (see docxMeasureList). A paragraph
// already opening with a typed number keeps it alone. The head (see
// docxHead) opens the text; the sub-points are docxSubpoints'. It returns
// "" when the document shows no text.
func numberedText(paras []docxPara, label func(p docxPara, n int, measures bool) string) (string, []string) {
	measures := docxMeasureList(paras)
	counts := map[string][]int{}
	var lines []string
	title := -1
	for i := range paras {
		p := &paras[i]
		if p.numID != "" && p.numID != "0" && !p.row {
			n := p.num
			if n == 0 {
				c := counts[p.numID]
				for len(c) <= p.ilvl {
					c = append(c, 0)
				}
				c[p.ilvl]++
				c = c[:p.ilvl+1]
				counts[p.numID] = c
				n = c[p.ilvl]
			}
			if !docxTyped.MatchString(p.text) && strings.TrimSpace(p.text) != "" {
				p.text = label(*p, n, p.numID == measures) + strings.TrimLeft(p.text, " \t　")
			}
		}
		if p.heading || docxTitle.MatchString(p.style) || p.title {
			p.text = strings.TrimSpace(p.text)
		}
		if title < 0 && (docxTitle.MatchString(p.style) || p.title) && strings.TrimSpace(p.text) != "" {
			title = i
			continue
		}
		lines = append(lines, p.text)
	}
	if strings.TrimSpace(strings.Join(lines, "")) == "" && title < 0 {
		return "", nil
	}
	head := docxHead(paras, title)
	return strings.Join(append(head, lines...), "\n") + "\n", docxSubpoints(paras, measures)
}

var (
	// docxIssueLine is a red-header document's issue line: the office,
	// a tab, the date it was printed ("…办公室　　2022年6月10日印发").
	docxIssueLine = regexp.MustCompile(`^(.{2,40}?)[\s　]*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日印发$`)
	// docxRedHeader is a red-header document's first line: "…文件".
	docxRedHeader = regexp.MustCompile(`^(.{2,40}?(?:人民政府|办公室|委员会|局|厅|部|领导小组))文件$`)
	// docxDateLine is a date alone on a line (a signature's).
	docxDateLine = regexp.MustCompile(`^((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日$`)
)

// docxHead writes the lines that say what the document is, in the shape the
// preamble reader reads (as icsText writes them): the Title paragraph,
// opened by the issuer where the title opens with 关于 and the issuer is
// known, then a 发布日期 line, the date of the red header's issue line or
// else the signature's. The issuer is the red header's office ("X文件"),
// the issue line's, or the signature's (a line before its date). Without a
// Title paragraph nothing is written: the text opens as Word shows it.
func docxHead(paras []docxPara, title int) []string {
	if title < 0 {
		return nil
	}
	var issuer, date string
	for i, p := range paras {
		t := strings.TrimSpace(p.text)
		if p.row {
			continue
		}
		if m := docxRedHeader.FindStringSubmatch(stripSpace(t)); m != nil && issuer == "" && i < title {
			issuer = m[1]
		}
		if m := docxIssueLine.FindStringSubmatch(t); m != nil && date == "" {
			date = fmt.Sprintf("%s-%02s-%02s", m[2], pad2(m[3]), pad2(m[4]))
			if issuer == "" {
				issuer = stripSpace(m[1])
			}
		}
	}
	if date == "" || issuer == "" {
		// The signature: an office on the line before a date alone.
		for i := len(paras) - 1; i > title; i-- {
			t := stripSpace(paras[i].text)
			m := docxDateLine.FindStringSubmatch(t)
			if m == nil || paras[i].row {
				continue
			}
			if date == "" {
				date = fmt.Sprintf("%s-%02s-%02s", m[1], pad2(m[2]), pad2(m[3]))
			}
			if prev := stripSpace(paras[i-1].text); issuer == "" && signatureLine.MatchString(prev) && !docxDateLine.MatchString(prev) {
				issuer = prev
			}
			break
		}
	}
	t := squeezeSpace(strings.ReplaceAll(paras[title].text, "\n", ""))
	if issuer != "" && strings.HasPrefix(t, "关于") {
		t = issuer + t
	}
	head := []string{t}
	if date != "" {
		head = append(head, "发布日期："+date)
	}
	if issuer != "" && !strings.HasPrefix(t, issuer) {
		head = append(head, "来源："+issuer+"。")
	}
	return head
}

// docxSubpoints are the paragraphs that continue a list item without a
// number of their own (the measure's list's paragraph style, or any list
// paragraph, no numbering, after an item and before the next heading) and
// open as a heading does ("（一）…", "一、…"): Word shows them indented
// under the item, as its points, not as headings. Their text is returned
// whitespace removed, for the parser to read them so (see readText).
func docxSubpoints(paras []docxPara, measures string) []string {
	var out []string
	style := ""
	in := false
	for _, p := range paras {
		switch {
		case p.heading || p.row:
			in = false
		case p.numID == measures && measures != "":
			in, style = true, p.style
		case p.numID != "" && p.numID != "0":
			in = false
		case in && p.style != "" && p.style == style:
			t := stripSpace(p.text)
			if sectionHead.MatchString(t) || subsectionHead.MatchString(t) {
				out = append(out, t)
			}
		case in && p.style != style:
			in = false
		}
	}
	return out
}

// docxLabel is how an item numbered n at level ilvl is written (see above).
func docxLabel(n, ilvl int, measures bool) string {
	switch {
	case measures && ilvl == 0:
		return strconv.Itoa(n) + "．"
	case ilvl <= 1 && (measures || ilvl == 0):
		return "（" + strconv.Itoa(n) + "）"
	case n >= 1 && n <= 20:
		return string(rune('①' + n - 1))
	}
	return strconv.Itoa(n) + ")"
}

// docxMeasureList is the numId of the list holding the measures: the one
// with the most substantial items (twelve characters or more) after the
// first heading, the earliest on a tie; "" when no list has two.
func docxMeasureList(paras []docxPara) string {
	items := map[string]int{}
	best, most := "", 1
	headed := false
	for _, p := range paras {
		if p.heading {
			headed = true
		}
		if !headed || p.row || p.numID == "" || p.numID == "0" || utf8.RuneCountInString(strings.TrimSpace(p.text)) < 12 {
			continue
		}
		items[p.numID]++
		if items[p.numID] > most {
			best, most = p.numID, items[p.numID]
		}
	}
	if best == "" {
		// A document without heading styles: every list counts.
		for _, p := range paras {
			if p.row || p.numID == "" || p.numID == "0" || utf8.RuneCountInString(strings.TrimSpace(p.text)) < 12 {
				continue
			}
			items[p.numID]++
			if items[p.numID] > most {
				best, most = p.numID, items[p.numID]
			}
		}
	}
	return best
}

// find is the first element under n (n included) named name, depth first.
func (n *xmlNode) find(name string) *xmlNode {
	if n.name == name {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

// docxTextShare counts the characters in text elements (w:t, w:delText,
// w:instrText and the like) and those standing anywhere else, blank space
// aside.
func docxTextShare(n *xmlNode) (inRuns, stray int) {
	k := utf8.RuneCountInString(strings.Join(strings.Fields(n.text.String()), ""))
	switch n.name {
	case "t", "deltext", "instrtext", "delinstrtext":
		inRuns += k
	default:
		stray += k
	}
	for _, c := range n.kids {
		a, s := docxTextShare(c)
		inRuns, stray = inRuns+a, stray+s
	}
	return inRuns, stray
}

// docxBlocks appends the paragraphs and table rows under a block container
// (the body, a content control, a custom XML block) in document order.
func docxBlocks(n *xmlNode, out *[]docxPara) {
	for _, k := range n.kids {
		switch k.name {
		case "p":
			*out = append(*out, docxParagraph(k))
		case "tbl":
			docxTable(k, out)
		case "sdt", "sdtcontent", "customxml", "ins", "moveto", "smarttag":
			docxBlocks(k, out)
		}
	}
}

// docxParagraph reads a paragraph: its properties and the text its runs
// show (a text box's paragraphs as lines of it).
func docxParagraph(p *xmlNode) docxPara {
	var para docxPara
	if pr := p.child("ppr"); pr != nil {
		if s := pr.child("pstyle"); s != nil {
			para.style = s.attr["val"]
		}
		if np := pr.child("numpr"); np != nil {
			if id := np.child("numid"); id != nil {
				para.numID = strings.TrimSpace(id.attr["val"])
			}
			if l := np.child("ilvl"); l != nil {
				para.ilvl, _ = strconv.Atoi(strings.TrimSpace(l.attr["val"]))
				para.ilvl = min(max(para.ilvl, 0), 8)
			}
		}
		if docxHeading.MatchString(para.style) {
			para.heading = true
		} else if ol := pr.child("outlinelvl"); ol != nil {
			if v, err := strconv.Atoi(ol.attr["val"]); err == nil && v < 9 {
				para.heading = true
			}
		}
	}
	r := &docxRun{}
	r.walk(p)
	para.text = r.b.String()
	return para
}

// docxField is an open complex field: its instructions, and whether its
// result is being read.
type docxField struct {
	instr  strings.Builder
	result bool
	shown  strings.Builder // the result's text
}

// docxRun collects the text a paragraph's content shows.
type docxRun struct {
	b      strings.Builder
	fields []*docxField
}

// hidden reports whether text read now is a field's instructions.
func (r *docxRun) hidden() bool {
	for _, f := range r.fields {
		if !f.result {
			return true
		}
	}
	return false
}

// write adds shown text.
func (r *docxRun) write(s string) {
	if r.hidden() {
		return
	}
	r.b.WriteString(s)
	for _, f := range r.fields {
		f.shown.WriteString(s)
	}
}

// walk reads n's content in document order.
func (r *docxRun) walk(n *xmlNode) {
	for _, k := range n.kids {
		switch k.name {
		case "ppr", "rpr", "del", "movefrom", "deltext", "delinstrtext", "fallback", "footnotereference",
			"endnotereference", "commentreference", "annotationref", "prooferr", "bookmarkstart", "bookmarkend",
			"lastrenderedpagebreak", "sectpr", "tblpr":
			// No text a reader sees.
		case "t":
			r.write(k.text.String())
		case "tab", "ptab":
			r.write("　　")
		case "br", "cr":
			r.write("\n")
		case "nobreakhyphen":
			r.write("-")
		case "instrtext":
			if n := len(r.fields); n > 0 && !r.fields[n-1].result {
				r.fields[n-1].instr.WriteString(k.text.String())
			}
		case "fldchar":
			r.fldChar(k.attr["fldchartype"])
		case "alternatecontent":
			// The first choice: the fallback repeats it for older readers.
			if c := k.child("choice"); c != nil {
				r.walk(c)
			}
		case "txbxcontent":
			// A text box's paragraphs: lines of their own.
			for _, p := range k.kids {
				if p.name == "p" {
					s := &docxRun{}
					s.walk(p)
					r.write("\n" + s.b.String() + "\n")
				}
			}
		default:
			// Runs, insertions, hyperlinks, simple fields, content
			// controls, smart tags, math and drawings hold their text.
			r.walk(k)
		}
	}
}

// fldChar opens, separates or closes a complex field.
func (r *docxRun) fldChar(kind string) {
	switch kind {
	case "begin":
		if len(r.fields) < 16 {
			r.fields = append(r.fields, &docxField{})
		}
	case "separate":
		if n := len(r.fields); n > 0 {
			r.fields[n-1].result = true
		}
	case "end":
		n := len(r.fields)
		if n == 0 {
			return
		}
		f := r.fields[n-1]
		r.fields = r.fields[:n-1]
		// A mail link whose result does not show the address gives it.
		if m := docxMailto.FindStringSubmatch(f.instr.String()); m != nil && !strings.Contains(f.shown.String(), "@") {
			if strings.TrimSpace(f.shown.String()) == "" {
				r.write(m[1])
			} else {
				r.write("（" + m[1] + "）")
			}
		}
	}
}

// docxTable appends a table's rows (see above).
func docxTable(t *xmlNode, out *[]docxPara) {
	var above []string // the cells of the row above, by grid column
	for _, tr := range t.kids {
		if tr.name != "tr" {
			continue
		}
		var cells []string
		if pr := tr.child("trpr"); pr != nil {
			if gb := pr.child("gridbefore"); gb != nil {
				n, _ := strconv.Atoi(gb.attr["val"])
				for range min(max(n, 0), 64) {
					cells = append(cells, "")
				}
			}
		}
		for _, tc := range tr.kids {
			if tc.name == "sdt" {
				if c := tc.child("sdtcontent"); c != nil {
					tc = c.child("tc")
				}
				if tc == nil {
					continue
				}
			}
			if tc.name != "tc" {
				continue
			}
			span, merged := 1, false
			if pr := tc.child("tcpr"); pr != nil {
				if gs := pr.child("gridspan"); gs != nil {
					span, _ = strconv.Atoi(gs.attr["val"])
					span = min(max(span, 1), 64)
				}
				if vm := pr.child("vmerge"); vm != nil && vm.attr["val"] != "restart" {
					merged = true
				}
			}
			text := docxCell(tc)
			if merged && strings.TrimSpace(text) == "" && len(cells) < len(above) {
				text = above[len(cells)]
			}
			cells = append(cells, text)
			for range span - 1 {
				cells = append(cells, "")
			}
		}
		above = cells
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		*out = append(*out, docxPara{text: strings.Join(cells, "\t"), row: true})
	}
}

// docxCell is a cell's text on one line: its paragraphs (and line breaks)
// joined as rtfText joins a cell's lines; a nested table's rows are lines
// of the cell.
func docxCell(tc *xmlNode) string {
	var paras []docxPara
	docxBlocks(tc, &paras)
	return cellText(paras)
}

// cellText is a table cell's paragraphs on one line (see docxCell).
func cellText(paras []docxPara) string {
	var lines []string
	for _, p := range paras {
		lines = append(lines, strings.ReplaceAll(p.text, "\t", "\n"))
	}
	return joinCellLines(strings.ReplaceAll(strings.Join(lines, "\n"), "　　", " "))
}

// subpoints reads as plain sentences the pieces that open one of a Word
// document's sub-points (see docxSubpoints): a heading read there ("（二）"
// of a measure's second point) is none. A piece holding more than the
// heading (a measure's start, a contact block) is left as read.
func subpoints(pieces []piece, points []string) {
	if len(points) == 0 {
		return
	}
	for i := range pieces {
		pc := &pieces[i]
		pointHeadings(pc, points)
		if len(pc.headings) == 0 || pc.start > 0 || pc.block != nil || pc.trail != nil || pc.own != nil || pc.paren > 0 || pc.text == "" {
			continue
		}
		for _, pt := range points {
			if strings.HasPrefix(pt, pc.text) || strings.HasPrefix(pc.text, pt) {
				pc.headings = nil
				break
			}
		}
	}
}

// pointHeadings drops from a piece the sub-headings after its first that
// open one of the sub-points ("六、保障措施" then "（一）加强组织领导。",
// glued into one sentence since no 。 ends a heading): the point's words go
// with the heading before it, as its text.
func pointHeadings(pc *piece, points []string) {
	for k := len(pc.headings) - 1; k > 0; k-- {
		h := pc.headings[k]
		if h.section || h.inferred {
			continue
		}
		opening := "（" + Numeral(h.number) + "）" + stripSpace(h.title)
		for _, pt := range points {
			if h.title != "" && strings.HasPrefix(pt, opening) {
				prev := &pc.headings[k-1]
				prev.text = strings.TrimSpace(prev.text + opening + h.text)
				pc.headings = append(pc.headings[:k], pc.headings[k+1:]...)
				break
			}
		}
	}
}
