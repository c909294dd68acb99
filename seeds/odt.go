package seeds

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A district may hand over its guide as the content.xml of an OpenDocument
// text (.odt, as LibreOffice or WPS writes it), unzipped and saved as text,
// or as a flat OpenDocument file (.fodt): one XML document whose text
// LibreOffice shows only after assembling it:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" …>
//	  <office:automatic-styles>
//	    <style:style style:name="P11" style:family="paragraph" style:list-style-name="L2"/>
//	    <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>…</text:list-style>
//	  </office:automatic-styles>
//	  <office:body><office:text>
//	    <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>…<text:p>6月1日</text:p></text:deletion></text:changed-region></text:tracked-changes>
//	    <text:h text:outline-level="1"><text:bookmark-start …/>一、税费<text:bookmark-end …/></text:h>
//	    <text:list xml:id="list1" text:style-name="L2"><text:list-item><text:p text:style-name="P11">
//	      <text:span text:style-name="T1">标题。</text:span>正文<text:s text:c="2"/>…<text:line-break/><text:span>责任单位：</text:span>区税务局</text:p></text:list-item></text:list>
//	    <text:list text:style-name="L2" text:continue-numbering="true">…</text:list>
//	    <table:table><table:table-header-rows><table:table-row>…</table:table-row></table:table-header-rows>
//	      <table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>区税务局</text:p></table:table-cell>…</table:table-row>
//	      <table:table-row><table:covered-table-cell/>…</table:table-row></table:table>
//	  </office:text></office:body></office:document-content>
//
// The whole document may stand on one line; words, numbers and phones are
// cut into spans wherever the formatting changed, and automatic list
// numbering leaves the measures' numbers out of the text: LibreOffice
// counts them from the lists the items stand in.
//
// odtText turns such a document into the text LibreOffice shows, before any
// layout is chosen (as docxText does for a Word document.xml, whose
// numbering and head it shares: see numberedText), so that the readers take
// it like any other guide:
//   - each paragraph (text:p) and heading (text:h, a heading for the
//     measure list's choice) is a line, the text of its spans, links
//     (text:a), fields and metadata joined in document order; white space
//     in the XML is collapsed as OpenDocument says (a run of spaces, tabs
//     and newlines is one space, none at a paragraph's ends); text:s is
//     its text:c spaces (one by default), text:tab two ideographic spaces
//     (as docxText writes w:tab), text:line-break ends a line inside the
//     paragraph; a text box's paragraphs (draw:text-box) are lines of
//     their own;
//   - tracked changes as LibreOffice shows them accepted: the deletions
//     and the change information (text:tracked-changes) are no text, the
//     marks where a change stands (text:change, change-start, change-end)
//     neither, and the inserted text between them is kept; comments
//     (office:annotation), notes (text:note), bookmarks, reference marks,
//     soft page breaks, the sequence declarations, indexes (a table of
//     contents repeats the headings) and images are no text;
//   - automatic list numbering (text:list, text:list-item) is written in
//     front of an item's first paragraph as LibreOffice counts it: the
//     items of a list at each level, a nested list counted within its
//     parent item; a list continues the numbering of the previous list of
//     its style (text:continue-numbering="true") or of the list it names
//     (text:continue-list, by xml:id), and restarts otherwise, at the
//     style's text:start-value or an item's own. A list without a style
//     takes its parent list's, or the list style of its first paragraph's
//     paragraph style. The number is written as the list style's level
//     shows it (num-prefix, num-format 1 a A i I 一 ① and num-suffix; a
//     bullet level writes nothing, display-levels only keeps a measure
//     number from being written as the style writes it); the list holding the measures is chosen by the
//     evidence, not by its style's name: the style with the most
//     substantial items after the first heading (see docxMeasureList); its
//     top-level items are written in decimal ("1．" where the style writes
//     no decimal, the form the line parser reads as a measure's number).
//     Items of another list written as a heading would be ("（一）"), a
//     保障措施 list, are returned as sub-points (see docxSubpoints): the
//     parser reads them as plain sentences, no headings. An item's further
//     paragraphs carry no number; a list header (text:list-header) none;
//   - a table row (table:table-row, in header rows, row groups or not) is
//     one line, its cells separated by TABs (the table pasted from a web
//     page that normalizeTabTables reads, as docxText writes a Word
//     table): a cell's paragraphs and line breaks joined as cellText joins
//     them, a cell repeated (number-columns-repeated) written again, a cell
//     spanning rows (number-rows-spanned) carrying its value down into the
//     covered cells (table:covered-table-cell) below it, the covered cells
//     of a column span empty; a soft page break between rows is nothing.
//
// The head is docxHead's: the title paragraph (the Title style, or else
// the first paragraph before the first heading that reads as a notice's
// title, "…关于…的通知", its 文号 in brackets after it or not), opened by the issuer of the red header ("…文件")
// or the issue line ("…<text:tab/>2022年6月24日印发"), with the date.
//
// The reader is lenient: it reads with encoding/xml token by token (see
// xmlTree: end tags need not match, after a syntax error reading resumes
// at the next tag), so a damaged document still gives what it holds, and
// a corrupted copy (cut at 。, pieces copied ahead of their places) is read
// from the last copy of each piece. Any text that is no OpenDocument text
// comes back unchanged.

// odtNamespace marks an OpenDocument document.
var odtNamespace = regexp.MustCompile(`urn:oasis:names:tc:opendocument:xmlns:office:1\.0|<office:document(?:-content)?[\s>]`)

// odtTitle is a notice's title line.
var odtTitle = regexp.MustCompile(`^.{0,40}关于.{2,80}(?:通知|意见|决定|办法|措施|方案|规定)[》」]?(?:[（(][^（）()]{0,20}〔\d{4}〕\d{1,4}号[）)])?$`)

// odtListLevel is how one level of a list style writes its numbers.
type odtListLevel struct {
	format, prefix, suffix string
	start, display         int
	bullet                 bool
}

// odtList is one numbering: the lists that continue each other, counted
// together.
type odtList struct {
	style  string
	counts []int
}

// odtReader walks an OpenDocument body.
type odtReader struct {
	// styles are the list styles by name, each level's format.
	styles map[string][]odtListLevel
	// paraList is a paragraph style's list style (style:list-style-name,
	// through its parent styles).
	paraList map[string]string
	// paraTitle marks the paragraph styles that are a Title.
	paraTitle map[string]bool
	byID      map[string]*odtList // a list's numbering by its xml:id
	last      map[string]*odtList // the last numbering of each style
	paras     []docxPara
}

// isODT reports whether text opens as an OpenDocument document holding
// text paragraphs.
func isODT(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	if !strings.HasPrefix(head, "<") || !strings.Contains(text, "<text:") {
		return false
	}
	return odtNamespace.MatchString(head[:min(len(head), 4000)])
}

// odtText: see above. It returns the text LibreOffice shows, the
// sub-points (see docxSubpoints and above), what it could not read and the
// copies a corrupted copy's reading dropped, or text unchanged.
func odtText(text string) (out string, subpoints []string, unread []Unread, copies []Duplicate) {
	if !isODT(text) {
		return text, nil, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	root, unread := xmlTreeOf(single, true)
	body := root.find("text")
	if body == nil {
		if body = root.find("body"); body == nil {
			return text, nil, unread, nil
		}
	}
	r := &odtReader{styles: map[string][]odtListLevel{}, paraList: map[string]string{}, paraTitle: map[string]bool{},
		byID: map[string]*odtList{}, last: map[string]*odtList{}}
	r.readStyles(root)
	r.blocks(body, nil, 0)
	if !r.hasTitle() {
		r.guessTitle()
	}
	out, subpoints = numberedText(r.paras, r.label)
	if out == "" {
		return text, nil, unread, nil
	}
	return out, append(subpoints, r.headingItems()...), unread, copies
}

// readStyles reads the list styles and the paragraph styles' list styles
// and Title parents, from the automatic and the common styles alike.
func (r *odtReader) readStyles(root *xmlNode) {
	parent := map[string]string{}
	for _, s := range root.all(func(n *xmlNode) bool { return n.name == "list-style" || n.name == "style" || n.name == "body" }) {
		name := s.attr["name"]
		switch s.name {
		case "list-style":
			var levels []odtListLevel
			for _, l := range s.kids {
				if !strings.HasPrefix(l.name, "list-level-style-") {
					continue
				}
				k, err := strconv.Atoi(l.attr["level"])
				if err != nil || k < 1 || k > 10 {
					continue
				}
				for len(levels) < k {
					levels = append(levels, odtListLevel{format: "1", start: 1, display: 1})
				}
				lv := odtListLevel{format: l.attr["num-format"], prefix: l.attr["num-prefix"], suffix: l.attr["num-suffix"], start: 1, display: 1,
					bullet: l.name != "list-level-style-number"}
				if v, err := strconv.Atoi(l.attr["start-value"]); err == nil && v >= 0 && v < 100000 {
					lv.start = v
				}
				if v, err := strconv.Atoi(l.attr["display-levels"]); err == nil && v > 1 && v <= k {
					lv.display = v
				}
				levels[k-1] = lv
			}
			r.styles[name] = levels
		case "style":
			if f := s.attr["family"]; f != "paragraph" && f != "" {
				continue
			}
			if l := s.attr["list-style-name"]; l != "" {
				r.paraList[name] = l
			}
			parent[name] = s.attr["parent-style-name"]
		}
	}
	// A style takes its parents' list style and Title (a few steps).
	for name := range parent {
		p := name
		for range 8 {
			if docxTitle.MatchString(p) || p == "Title" {
				r.paraTitle[name] = true
			}
			if l, ok := r.paraList[p]; ok && r.paraList[name] == "" {
				r.paraList[name] = l
			}
			if p = parent[p]; p == "" {
				break
			}
		}
	}
}

// odtSkipped are the elements that show no text in the body.
var odtSkipped = map[string]bool{
	"tracked-changes": true, "sequence-decls": true, "variable-decls": true, "user-field-decls": true, "dde-connection-decls": true,
	"forms": true, "annotation": true, "annotation-end": true, "note": true, "deletion": true, "change-info": true,
	"table-of-content": true, "illustration-index": true, "table-index": true, "object-index": true, "user-index": true,
	"alphabetical-index": true, "bibliography": true, "soft-page-break": true, "bookmark": true, "bookmark-start": true,
	"bookmark-end": true, "change": true, "change-start": true, "change-end": true, "reference-mark": true,
	"reference-mark-start": true, "reference-mark-end": true, "toc-mark": true, "toc-mark-start": true, "toc-mark-end": true,
	"alphabetical-index-mark": true, "alphabetical-index-mark-start": true, "alphabetical-index-mark-end": true,
	"image": true, "title": true, "desc": true, "scripts": true, "event-listeners": true,
}

// odtItem is the list item a block stands in: its numbering, level and
// number, and whether its first paragraph was written yet.
type odtItem struct {
	list    *odtList
	level   int
	n       int
	started bool
}

// blocks appends the paragraphs, headings and table rows under a block
// container (the body, a section, a list item, a cell) in document order.
func (r *odtReader) blocks(n *xmlNode, item *odtItem, depth int) {
	if depth > 64 {
		return
	}
	for _, k := range n.kids {
		switch {
		case odtSkipped[k.name] || k.name == "#text":
		case k.name == "p" || k.name == "h":
			p := docxPara{text: odtParagraph(k), style: k.attr["style-name"], heading: k.name == "h"}
			if r.paraTitle[p.style] {
				p.title = true
			}
			if item != nil {
				p.text = odtDutyClauses(p.text)
				if item.started && odtDuty.MatchString(p.text) && len(r.paras) > 0 && !r.paras[len(r.paras)-1].row {
					// An item's 责任单位 paragraph closes the item.
					r.paras[len(r.paras)-1].text += "（" + strings.TrimSpace(p.text) + "）"
					continue
				}
			}
			if item != nil && !item.started {
				item.started = true
				p.numID, p.ilvl, p.num = item.list.style, item.level, item.n
				if p.numID == "" {
					p.numID = "-" // a list without a style: decimal
				}
			}
			r.paras = append(r.paras, p)
		case k.name == "list":
			r.list(k, item, depth)
		case k.name == "table":
			r.table(k, depth)
		default:
			// Sections, change regions' insertions, frames, text
			// boxes and any unknown container hold their blocks.
			r.blocks(k, item, depth+1)
		}
	}
}

// odtDuty is a list item's line naming the units in charge.
var odtDuty = regexp.MustCompile(`^[ 　]*(?:责任|牵头|主管|主责|实施|配合)(?:单位|部门)[：:][^\n（）()]{1,80}$`)

// odtDutyClauses writes a list item's 责任单位 line (after a line break,
// or a paragraph of its own: see blocks) as the clause closing the line
// before it, "…。（责任单位：区税务局、区财政局）", as a Word guide writes
// it: the line parser takes a clause for the end of its measure, while a
// line of its own glues to whatever follows it (a heading, another list).
func odtDutyClauses(text string) string {
	if !strings.Contains(text, "\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	out := lines[:1]
	for _, l := range lines[1:] {
		if odtDuty.MatchString(l) && strings.TrimSpace(out[len(out)-1]) != "" {
			out[len(out)-1] += "（" + strings.TrimSpace(l) + "）"
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// list reads a text:list: its numbering, then its items.
func (r *odtReader) list(l *xmlNode, parent *odtItem, depth int) {
	style := l.attr["style-name"]
	level := 0
	var num *odtList
	if parent != nil {
		// A nested list: counted within its parent item, its style's
		// next level.
		level = parent.level + 1
		if style == "" || style == parent.list.style {
			num = parent.list
		}
	}
	if style == "" && num == nil {
		style = r.firstParaList(l)
	}
	if num == nil {
		switch {
		case l.attr["continue-list"] != "" && r.byID[l.attr["continue-list"]] != nil:
			num = r.byID[l.attr["continue-list"]]
		case l.attr["continue-numbering"] == "true" && r.last[style] != nil:
			num = r.last[style]
		default:
			num = &odtList{style: style}
		}
		if parent == nil {
			r.last[style] = num
		}
	}
	if id := l.attr["id"]; id != "" {
		r.byID[id] = num
	}
	// A level's counter restarts under each new parent item.
	if len(num.counts) > level+1 {
		num.counts = num.counts[:level+1]
	}
	for _, it := range l.kids {
		switch it.name {
		case "list-item":
			for len(num.counts) <= level {
				num.counts = append(num.counts, 0)
			}
			if num.counts[level] == 0 {
				num.counts[level] = r.level(num.style, level).start - 1
			}
			if v, err := strconv.Atoi(it.attr["start-value"]); err == nil && v >= 0 && v < 100000 {
				num.counts[level] = v - 1
			}
			num.counts[level]++
			num.counts = num.counts[:level+1]
			r.blocks(it, &odtItem{list: num, level: level, n: max(num.counts[level], 1)}, depth+1)
		case "list-header":
			r.blocks(it, nil, depth+1)
		}
	}
}

// firstParaList is the list style of a list's first paragraph's style.
func (r *odtReader) firstParaList(l *xmlNode) string {
	if p := l.find("p"); p != nil {
		return r.paraList[p.attr["style-name"]]
	}
	if h := l.find("h"); h != nil {
		return r.paraList[h.attr["style-name"]]
	}
	return ""
}

// level is a list style's level (0-based), the decimal default where the
// style does not say.
func (r *odtReader) level(style string, level int) odtListLevel {
	if ls := r.styles[style]; level < len(ls) {
		return ls[level]
	}
	return odtListLevel{format: "1", start: 1, display: 1}
}

// label writes an item's number as its list style's level shows it (see
// above); the measures' top level in decimal.
func (r *odtReader) label(p docxPara, n int, measures bool) string {
	lv := r.level(p.numID, p.ilvl)
	if measures && p.ilvl == 0 {
		if odtFormat(lv.format) == "" && lv.prefix == "" && (lv.suffix == "." || lv.suffix == "．" || lv.suffix == "、") && lv.display == 1 {
			return strconv.Itoa(n) + lv.suffix
		}
		return strconv.Itoa(n) + "．"
	}
	if lv.bullet {
		return ""
	}
	num := texNumber(odtFormat(lv.format), n)
	if lv.format == "" {
		num = ""
	}
	if strings.HasPrefix(lv.format, "①") && n >= 1 && n <= 20 {
		num = string(rune('①' + n - 1))
	}
	return lv.prefix + num + lv.suffix
}

// odtFormat maps an OpenDocument num-format to texNumber's style ("" for
// decimal).
func odtFormat(f string) string {
	switch {
	case f == "a":
		return "alph"
	case f == "A":
		return "Alph"
	case f == "i":
		return "roman"
	case f == "I":
		return "Roman"
	case strings.HasPrefix(f, "一") || strings.HasPrefix(f, "壹"):
		return "chinese"
	}
	return ""
}

// hasTitle reports whether a paragraph's style is a Title.
func (r *odtReader) hasTitle() bool {
	for _, p := range r.paras {
		if p.title && strings.TrimSpace(p.text) != "" {
			return true
		}
	}
	return false
}

// guessTitle marks as the title the first paragraph before the first
// heading that reads as a notice's title (see above).
func (r *odtReader) guessTitle() {
	for i := range r.paras {
		p := &r.paras[i]
		if p.heading {
			return
		}
		if !p.row && p.numID == "" && odtTitle.MatchString(squeezeSpace(strings.TrimSpace(p.text))) {
			p.title = true
			return
		}
	}
}

// headingItems are the items of lists other than the measures' written as
// headings are ("（一）加强组织领导…"), whitespace removed: the parser reads
// them as plain sentences (see subpoints).
func (r *odtReader) headingItems() []string {
	measures := docxMeasureList(r.paras)
	var out []string
	for _, p := range r.paras {
		if p.num == 0 || p.numID == measures || p.row {
			continue
		}
		t := stripSpace(p.text)
		if sectionHead.MatchString(t) || subsectionHead.MatchString(t) {
			out = append(out, t)
		}
	}
	return out
}

// odtParagraph is the text a paragraph or heading shows (see above).
func odtParagraph(p *xmlNode) string {
	var b strings.Builder
	odtInline(p, &b, 0)
	// White space collapsed: one space for a run, none at the ends of
	// the paragraph's lines (text:s and text:tab are kept: see odtInline).
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		lines = append(lines, strings.Trim(l, " "))
	}
	s := strings.Join(lines, "\n")
	return strings.NewReplacer("\x01", " ", "\x02", "　　").Replace(s)
}

// odtSpace is a run of XML white space.
var odtSpace = regexp.MustCompile(`[ \t\r\n]+`)

// odtInline writes n's inline content; spaces that text:s and text:tab
// write are \x01 and \x02 until the paragraph's white space is collapsed.
func odtInline(n *xmlNode, b *strings.Builder, depth int) {
	if depth > 64 {
		return
	}
	for _, k := range n.kids {
		switch k.name {
		case "#text":
			t := odtSpace.ReplaceAllString(k.text.String(), " ")
			if strings.HasPrefix(t, " ") && (b.Len() == 0 || strings.HasSuffix(b.String(), " ") || strings.HasSuffix(b.String(), "\n")) {
				t = t[1:]
			}
			b.WriteString(t)
		case "s":
			c, err := strconv.Atoi(k.attr["c"])
			if err != nil || c < 1 {
				c = 1
			}
			b.WriteString(strings.Repeat("\x01", min(c, 64)))
		case "tab":
			b.WriteString("\x02")
		case "line-break":
			b.WriteString("\n")
		case "text-box":
			// A text box's paragraphs: lines of their own.
			for _, p := range k.all(func(x *xmlNode) bool { return x.name == "p" || x.name == "h" }) {
				b.WriteString("\n" + odtParagraph(p) + "\n")
			}
		default:
			if !odtSkipped[k.name] {
				// Spans, links, fields, metadata, ruby and frames
				// hold their text.
				odtInline(k, b, depth+1)
			}
		}
	}
}

// odtCarry is a cell spanning rows: its value and how many rows below it
// it still covers.
type odtCarry struct {
	value string
	rows  int
}

// table appends a table's rows (see above).
func (r *odtReader) table(t *xmlNode, depth int) {
	var carry []odtCarry // by column
	var out [][]string
	var rows func(n *xmlNode)
	rows = func(n *xmlNode) {
		for _, tr := range n.kids {
			switch tr.name {
			case "table-header-rows", "table-rows", "table-row-group":
				rows(tr)
				continue
			case "table-row":
			default:
				continue
			}
			var cells []string
			spanLeft := 0 // covered cells of a column span still to come
			for _, tc := range tr.kids {
				if tc.name != "table-cell" && tc.name != "covered-table-cell" {
					continue
				}
				repeat, _ := strconv.Atoi(tc.attr["number-columns-repeated"])
				repeat = min(max(repeat, 1), 64)
				text := ""
				if tc.name == "table-cell" {
					text = r.cell(tc, depth)
				}
				for range repeat {
					col := len(cells)
					for len(carry) <= col {
						carry = append(carry, odtCarry{})
					}
					if tc.name == "covered-table-cell" {
						v := ""
						switch {
						case spanLeft > 0:
							spanLeft--
						case carry[col].rows > 0:
							v = carry[col].value
							carry[col].rows--
						}
						cells = append(cells, v)
						continue
					}
					rs, _ := strconv.Atoi(tc.attr["number-rows-spanned"])
					cs, _ := strconv.Atoi(tc.attr["number-columns-spanned"])
					rs, cs = min(max(rs, 1), 1000), min(max(cs, 1), 64)
					carry[col] = odtCarry{text, rs - 1}
					for c := col + 1; c < col+cs; c++ {
						for len(carry) <= c {
							carry = append(carry, odtCarry{})
						}
						carry[c] = odtCarry{"", rs - 1}
					}
					spanLeft = cs - 1
					cells = append(cells, text)
				}
			}
			if strings.TrimSpace(strings.Join(cells, "")) == "" {
				continue
			}
			out = append(out, cells)
		}
	}
	rows(t)
	if byMeasure := odtByMeasure(out); byMeasure != nil {
		out = byMeasure
	}
	for _, cells := range out {
		r.paras = append(r.paras, docxPara{text: strings.Join(cells, "\t"), row: true})
	}
}

var (
	// odtRefsHeader names a column saying which measures a row serves.
	odtRefsHeader = regexp.MustCompile(`^(?:对应|涉及|适用|相关)(?:措施|条款|政策|条目)(?:序号|编号)?$|^(?:措施|条目|政策)(?:序号|编号)$`)
	// odtRefs is such a cell: measure numbers joined by 、 (or commas,
	// semicolons, spaces), a range "3-5" among them.
	odtRefs = regexp.MustCompile(`^\d{1,3}(?:\s*[-－—~～至]\s*\d{1,3})?(?:\s*[、，,；;/ ]\s*\d{1,3}(?:\s*[-－—~～至]\s*\d{1,3})?)*$`)
	// odtNamedBy is a hotline's name opening with its number.
	odtNamedBy = regexp.MustCompile(`^(\d{5,12})[ 　\-－:：]*(\p{Han}.*热线.*)$`)
	odtRef     = regexp.MustCompile(`(\d{1,3})(?:\s*[-－—~～至]\s*(\d{1,3}))?`)
)

// odtByMeasure rewrites a contact table whose column names each row's
// measures (责任单位 | 联系科室 | 联系人 | 联系电话 | 对应措施 "12、18") as
// the table of contacts by measure that readTables reads by number (as
// decimalContacts writes it): a header 序号 | 政策措施 | the other columns,
// then one row per measure named, in number order, the 政策措施 cell "/"
// and each other cell the cells of the rows naming the measure joined by
// "；" ("/" for an empty one), a hotline's name without the number it opens
// with. A row naming no measure serves none and is dropped. It returns nil for any other table: no such column, or fewer
// than two rows whose cell in it holds measure numbers only.
func odtByMeasure(rows [][]string) [][]string {
	if len(rows) < 3 {
		return nil
	}
	col := refsColumn(rows[0])
	if col < 0 {
		return nil
	}
	serves := map[int][]int{} // measure → rows
	refRows := 0
	for i, row := range rows[1:] {
		if col >= len(row) || !odtRefs.MatchString(strings.TrimSpace(row[col])) {
			continue
		}
		refRows++
		for _, m := range odtRef.FindAllStringSubmatch(row[col], -1) {
			from, _ := strconv.Atoi(m[1])
			to := from
			if m[2] != "" {
				to, _ = strconv.Atoi(m[2])
			}
			for n := from; n <= to && n-from < 100; n++ {
				if n > 0 && !slices.Contains(serves[n], i+1) {
					serves[n] = append(serves[n], i+1)
				}
			}
		}
	}
	if refRows < 2 {
		return nil
	}
	header := []string{"序号", "政策措施"}
	for k, h := range rows[0] {
		if k != col {
			header = append(header, h)
		}
	}
	// A hotline named by its number ("12366纳税缴费服务热线", its phone
	// 12366) is named without it: a number inside a unit's name reads as
	// a phone misread into it.
	unit, phone := -1, -1
	for k, h := range rows[0] {
		switch h = stripSpace(h); {
		case phone < 0 && colPhone.MatchString(h):
			phone = k
		case unit < 0 && colUnit.MatchString(h) && !colDept.MatchString(h):
			unit = k
		}
	}
	if unit >= 0 && phone >= 0 {
		for _, row := range rows[1:] {
			if unit >= len(row) || phone >= len(row) {
				continue
			}
			v := strings.TrimSpace(row[unit])
			if m := odtNamedBy.FindStringSubmatch(v); m != nil && strings.Contains(row[phone], m[1]) {
				row[unit] = m[2]
			}
		}
	}
	out := [][]string{header}
	nums := slices.Sorted(maps.Keys(serves))
	for _, n := range nums {
		cells := []string{strconv.Itoa(n), "/"}
		for k := range rows[0] {
			if k == col {
				continue
			}
			var vs []string
			for _, i := range serves[n] {
				v := ""
				if k < len(rows[i]) {
					v = strings.TrimSpace(rows[i][k])
				}
				vs = append(vs, orNone(v))
			}
			cells = append(cells, strings.Join(vs, "；"))
		}
		out = append(out, cells)
	}
	return out
}

// cell is a cell's text on one line (see cellText); its lists' numbers
// are not written.
func (r *odtReader) cell(tc *xmlNode, depth int) string {
	sub := &odtReader{styles: r.styles, paraList: r.paraList, paraTitle: map[string]bool{}, byID: map[string]*odtList{}, last: map[string]*odtList{}}
	sub.blocks(tc, nil, depth+1)
	return cellText(sub.paras)
}

// refsColumn is the index of the header's column naming the measures a row
// serves (涉及条款, 政策措施), -1 for none.
func refsColumn(header []string) int {
	for k, h := range header {
		if odtRefsHeader.MatchString(stripSpace(h)) {
			return k
		}
	}
	return -1
}

// byMeasureLines writes tables as tab-separated lines, each rewritten by
// measure (odtByMeasure) where it names the measures its rows serve.
func byMeasureLines(tables [][][]string) []string {
	var lines []string
	for _, t := range tables {
		rows := odtByMeasure(t)
		if rows == nil {
			rows = t
		}
		for _, r := range rows {
			lines = append(lines, strings.Join(r, "\t"))
		}
	}
	return lines
}
