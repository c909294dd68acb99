package seeds

import (
	"regexp"
	"strconv"
	"strings"
)

// A district may hand over its Word guide as the whole .docx unzipped: every
// zip part concatenated into one text, each after a line naming its path
// (as an .xlsx or .pptx package is handed over: see xlsxText, pptxText):
//
//	===== [Content_Types].xml =====
//	<?xml …?>\r\n<Types …>…</Types>
//	===== word/document.xml =====
//	<?xml …?>\r\n<w:document …><w:body>…</w:body></w:document>
//	===== word/numbering.xml =====
//	<?xml …?>\r\n<w:numbering …><w:abstractNum w:abstractNumId="1">…</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="18"/></w:lvlOverride></w:num></w:numbering>
//	===== word/styles.xml =====
//	…<w:style w:styleId="1"><w:name w:val="标题 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>…
//
// With the package at hand the numbers Word shows can be computed as Word
// computes them, which a bare document.xml (see docxText) only guesses:
//   - parts: cut as xlsxParts cuts them; the text opens when it holds a
//     WordprocessingML document part (word/document.xml, or a part whose
//     root is w:document). Only the document part is read for text:
//     headers, footers, footnotes, endnotes, comments (a reviewer's phone),
//     the theme, settings, font table (panose digits), docProps (a stale
//     title a template carried over) are no content.
//   - styles.xml says what a paragraph style is by its name, not its id
//     (Chinese Word's ids are "1", "a3"): "heading N" / "标题 N" is a
//     heading, "Title" / "标题" the title, "toc N" a table-of-contents
//     entry (not read: the TOC repeats the headings with page numbers,
//     as does a content control of the "Table of Contents" gallery). A
//     style's w:numPr numbers every paragraph of the style that carries
//     none of its own (a heading style numbered 一、二、).
//   - numbering.xml: a list item's number is counted as Word counts it,
//     per w:num (its own count where it overrides a level's start: Word's
//     "set numbering value" writes a second w:num with a startOverride,
//     and the count goes on from there), nums sharing an abstractNum
//     without an override counting as one list, each level within its
//     parent item, from the level's w:start. A heading's number is
//     written as its level's lvlText shows it, in Chinese numerals where
//     its numFmt is a Chinese counting ("一、"); other items are labelled
//     as docxText labels them, the measures' list chosen by evidence
//     among the lists, each list the abstractNum its nums share.
//   - a hyperlink (w:hyperlink r:id) to a mailto: target whose text does
//     not show the address adds it (document.xml.rels).
//   - the 版记's 抄送 and printer's (承印) lines are no content (the
//     printer's phone belongs to no measure); the issue line stays, for
//     the date and issuer.
//   - a contact table whose column names each row's measures ("第2、4、14
//     条", the 序号 column only numbering rows) is rewritten as contacts by
//     measure (see odtByMeasure): section divider rows, which name no
//     measure, drop out.
//
// The rest is docxText's: runs, tracked changes, fields, tables with
// vMerge and gridSpan, the head (title, issuer, date). A damaged part is
// read as far as it goes (see xmlTree), a missing numbering.xml or
// styles.xml leaves docxText's guesses, and a corrupted copy is read from
// the last copy of each piece (see dropEarlierCopies). A text that is no
// such package comes back unchanged.

var (
	// docxStyleHeading is a heading style's name, with its level.
	docxStyleHeading = regexp.MustCompile(`^(?i:heading)\s*([1-9])$|^标题\s*([1-9])$`)
	// docxStyleTitle is the Title style's name.
	docxStyleTitle = regexp.MustCompile(`^(?i:title)$|^标题$`)
	// docxStyleTOC is a table-of-contents style's name.
	docxStyleTOC = regexp.MustCompile(`^(?i:toc\s*[1-9]|toc heading|目录\s*[1-9])$`)
	// docxImprint is a 版记 line that is no content: the copy list and the
	// printer's line.
	docxImprint = regexp.MustCompile(`^[（(]?(?:抄送|承印|印刷)[：:]`)
	// docxLevelRef is a level's number in its lvlText.
	docxLevelRef = regexp.MustCompile(`%[1-9]`)
)

// docxStyle is what styles.xml says of a paragraph style.
type docxStyle struct {
	name, basedOn string
	numID         string
	ilvl          int
	hasNum        bool
}

// docxLevel is a list level's definition.
type docxLevel struct {
	start     int
	fmt, text string
}

// docxNum is a w:num: its abstractNum and its levels' start overrides.
type docxNum struct {
	abs      string
	override map[int]int
}

// docxPackage is what the reader needs of a package's parts.
type docxPackage struct {
	styles map[string]docxStyle
	levels map[string]map[int]docxLevel // abstractNum → level → definition
	nums   map[string]docxNum
	mail   map[string]string // relationship id → mailto address
}

// isDocxParts reports whether text holds a .docx package's document part.
func isDocxParts(text string) bool {
	if !strings.Contains(text, "wordprocessingml") || !xlsxSeparator.MatchString(text) {
		return false
	}
	return docxDocumentPart(xlsxParts(text)) >= 0
}

// docxDocumentPart is the index of the document part, -1 where none.
func docxDocumentPart(parts []xlsxPart) int {
	for i, p := range parts {
		if strings.EqualFold(p.path, "word/document.xml") {
			return i
		}
	}
	for i, p := range parts {
		if p.path != "" && strings.HasPrefix(strings.ToLower(p.path), "word/glossary") {
			continue
		}
		if rootOf(strings.TrimSpace(xlsxDecl.ReplaceAllString(p.body[:min(len(p.body), 4000)], ""))) == "document" && strings.Contains(p.body, "<w:body") {
			return i
		}
	}
	return -1
}

// docxPartsText: see above. It returns docxText's results for the
// package's document, or text unchanged.
func docxPartsText(text string) (out string, subpoints []string, unread []Unread, copies []Duplicate) {
	if !isDocxParts(text) {
		return text, nil, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	parts := xlsxParts(single)
	doc := docxDocumentPart(parts)
	if doc < 0 {
		return text, nil, nil, nil
	}
	pkg := readDocxPackage(parts)
	root, unread := xmlTree(parts[doc].body)
	body := root.find("body")
	if body == nil {
		body = root
	}
	docxPrune(body, pkg)
	var paras []docxPara
	docxBlocks(body, &paras)
	paras = pkg.number(paras)
	// An appendix's own short lists (the notes under a contact table)
	// after a heading that follows the last measure are no measures'
	// points: their automatic numbers are not written, so that they do
	// not read as the last measure's sub-items.
	measures := docxMeasureList(paras)
	last, appendix := -1, false
	for i, p := range paras {
		if p.numID == measures && measures != "" {
			last = i
		}
	}
	for i := range paras {
		p := &paras[i]
		if i > last && last >= 0 && p.heading {
			appendix = true
		}
		if appendix && p.numID != "" && p.numID != measures && !p.row {
			p.numID = ""
		}
	}
	paras = docxTablesByMeasure(paras)
	out, subpoints = numberedText(paras, func(p docxPara, n int, measures bool) string { return docxLabel(n, p.ilvl, measures) })
	if out == "" {
		return text, nil, unread, nil
	}
	return out, subpoints, unread, copies
}

// readDocxPackage reads styles.xml, numbering.xml and the document's
// relationships (each may be missing or damaged).
func readDocxPackage(parts []xlsxPart) *docxPackage {
	pkg := &docxPackage{styles: map[string]docxStyle{}, levels: map[string]map[int]docxLevel{}, nums: map[string]docxNum{}, mail: map[string]string{}}
	for _, p := range parts {
		name := strings.ToLower(p.path)
		switch {
		case strings.HasSuffix(name, "word/styles.xml"):
			root, _ := xmlTree(p.body)
			for _, s := range root.all(func(n *xmlNode) bool { return n.name == "style" }) {
				st := docxStyle{name: docxVal(s, "name"), basedOn: docxVal(s, "basedon")}
				if pr := s.child("ppr"); pr != nil {
					if np := pr.child("numpr"); np != nil {
						st.hasNum = true
						st.numID = strings.TrimSpace(docxVal(np, "numid"))
						st.ilvl, _ = strconv.Atoi(strings.TrimSpace(docxVal(np, "ilvl")))
						st.ilvl = min(max(st.ilvl, 0), 8)
					}
				}
				pkg.styles[s.attr["styleid"]] = st
			}
		case strings.HasSuffix(name, "word/numbering.xml"):
			root, _ := xmlTree(p.body)
			for _, a := range root.all(func(n *xmlNode) bool { return n.name == "abstractnum" }) {
				lv := map[int]docxLevel{}
				for _, l := range a.kids {
					if l.name != "lvl" {
						continue
					}
					i, err := strconv.Atoi(l.attr["ilvl"])
					if err != nil || i < 0 || i > 8 {
						continue
					}
					start := 1
					if v, err := strconv.Atoi(docxVal(l, "start")); err == nil {
						start = v
					}
					lv[i] = docxLevel{start: start, fmt: docxVal(l, "numfmt"), text: docxVal(l, "lvltext")}
				}
				pkg.levels[a.attr["abstractnumid"]] = lv
			}
			for _, n := range root.all(func(n *xmlNode) bool { return n.name == "num" }) {
				num := docxNum{abs: docxVal(n, "abstractnumid"), override: map[int]int{}}
				for _, o := range n.kids {
					if o.name != "lvloverride" {
						continue
					}
					i, err := strconv.Atoi(o.attr["ilvl"])
					if v, err2 := strconv.Atoi(docxVal(o, "startoverride")); err == nil && err2 == nil && i >= 0 && i <= 8 {
						num.override[i] = v
					}
				}
				pkg.nums[n.attr["numid"]] = num
			}
		case strings.HasSuffix(name, "word/_rels/document.xml.rels"):
			root, _ := xmlTree(p.body)
			for _, r := range root.all(func(n *xmlNode) bool { return n.name == "relationship" }) {
				if t, ok := strings.CutPrefix(strings.TrimSpace(r.attr["target"]), "mailto:"); ok {
					t, _, _ = strings.Cut(t, "?")
					pkg.mail[r.attr["id"]] = t
				}
			}
		}
	}
	return pkg
}

// style is a paragraph style's definition with what it inherits (its name
// and numbering through w:basedOn).
func (pkg *docxPackage) style(id string) docxStyle {
	st, ok := pkg.styles[id]
	if !ok {
		return docxStyle{}
	}
	for k, base := 0, st.basedOn; k < 8 && base != "" && !st.hasNum; k++ {
		b, ok := pkg.styles[base]
		if !ok {
			break
		}
		if b.hasNum {
			st.numID, st.ilvl, st.hasNum = b.numID, b.ilvl, true
		}
		base = b.basedOn
	}
	return st
}

// docxPrune drops what the document shows but is no content (a table of
// contents) and gives a mailto hyperlink its address (see above).
func docxPrune(n *xmlNode, pkg *docxPackage) {
	kids := n.kids[:0]
	for _, k := range n.kids {
		switch {
		case k.name == "sdt" && docxIsTOC(k):
			continue
		case k.name == "p":
			if pr := k.child("ppr"); pr != nil && docxStyleTOC.MatchString(pkg.style(docxVal(pr, "pstyle")).name) {
				continue
			}
		case k.name == "hyperlink":
			if addr := pkg.mail[k.attr["id"]]; addr != "" && !strings.Contains(docxAllText(k), "@") {
				t := &xmlNode{name: "t", attr: map[string]string{}}
				t.text.WriteString(addr)
				k.kids = append(k.kids, t)
			}
		}
		docxPrune(k, pkg)
		kids = append(kids, k)
	}
	n.kids = kids
}

// docxIsTOC reports whether a content control is a table of contents.
func docxIsTOC(sdt *xmlNode) bool {
	pr := sdt.child("sdtpr")
	if pr == nil {
		return false
	}
	g := pr.find("docpartgallery")
	return g != nil && strings.Contains(strings.ToLower(g.attr["val"]), "table of contents")
}

// docxAllText is the text of n's w:t elements.
func docxAllText(n *xmlNode) string {
	var b strings.Builder
	for _, t := range n.all(func(k *xmlNode) bool { return k.name == "t" }) {
		b.WriteString(t.text.String())
	}
	return b.String()
}

// number gives each paragraph its style's meaning and its list number as
// Word counts it (see above); the 版记's lines that are no content are
// dropped.
func (pkg *docxPackage) number(paras []docxPara) []docxPara {
	counts := map[string][]int{}
	out := paras[:0]
	for _, p := range paras {
		if p.row {
			out = append(out, p)
			continue
		}
		if docxImprint.MatchString(stripSpace(p.text)) {
			continue
		}
		st := pkg.style(p.style)
		switch {
		case docxStyleTitle.MatchString(st.name):
			p.style = "Title"
		case docxStyleHeading.MatchString(st.name):
			p.heading = true
		}
		if p.numID == "" && st.hasNum {
			p.numID, p.ilvl = st.numID, st.ilvl
		}
		num, ok := pkg.nums[p.numID]
		if p.numID == "" || p.numID == "0" || !ok || strings.TrimSpace(p.text) == "" {
			out = append(out, p)
			continue
		}
		// The count: per num where it overrides a start, else per list.
		key := "a" + num.abs
		if len(num.override) > 0 {
			key = "n" + p.numID
		}
		c := counts[key]
		for len(c) <= p.ilvl {
			lvl := len(c)
			start := 1
			if l, ok := pkg.levels[num.abs][lvl]; ok {
				start = l.start
			}
			if v, ok := num.override[lvl]; ok {
				start = v
			}
			c = append(c, start-1)
		}
		c[p.ilvl]++
		c = c[:p.ilvl+1]
		counts[key] = c
		n := c[p.ilvl]
		if p.heading {
			// A heading shows its number as its level writes it.
			if !docxTyped.MatchString(p.text) {
				p.text = pkg.levels[num.abs][p.ilvl].label(n) + strings.TrimLeft(p.text, " \t　")
			}
			p.numID = ""
		} else {
			p.numID, p.num = "a"+num.abs, n
		}
		out = append(out, p)
	}
	return out
}

// label is a heading's number n as the level writes it: its lvlText with
// %1 replaced, a Chinese counting format in Chinese numerals; "一、"
// where the level says nothing usable.
func (l docxLevel) label(n int) string {
	s := strconv.Itoa(n)
	if strings.HasPrefix(strings.ToLower(l.fmt), "chinese") || strings.HasPrefix(strings.ToLower(l.fmt), "ideograph") || l.fmt == "" {
		s = Numeral(n)
	}
	t := docxLevelRef.ReplaceAllString(l.text, s)
	if strings.TrimSpace(t) == "" || !strings.Contains(l.text, "%") {
		return Numeral(n) + "、"
	}
	return t
}

// docxTablesByMeasure rewrites each contact table whose column names each
// row's measures as contacts by measure (see odtByMeasure); its 序号
// column, which numbers rows, is dropped first; such tables close the
// text.
func docxTablesByMeasure(paras []docxPara) []docxPara {
	var out, tail []docxPara
	for i := 0; i < len(paras); {
		if !paras[i].row {
			out = append(out, paras[i])
			i++
			continue
		}
		j := i
		var rows [][]string
		for ; j < len(paras) && paras[j].row; j++ {
			rows = append(rows, strings.Split(paras[j].text, "\t"))
		}
		by := docxByMeasure(rows)
		if by == nil {
			out = append(out, paras[i:j]...)
		} else {
			// Such a table closes the text (as pptxText writes it): the
			// lines after it (a note, the issue line with its tab) would
			// read as cells of its last row.
			for _, r := range by {
				tail = append(tail, docxPara{text: strings.Join(r, "\t"), row: true})
			}
		}
		i = j
	}
	return append(out, tail...)
}

// docxByMeasure is a table's rows by measure, nil where it is no such
// table.
func docxByMeasure(rows [][]string) [][]string {
	if len(rows) < 3 {
		return nil
	}
	col := refsColumn(rows[0])
	if col < 0 {
		return nil
	}
	// The 序号 column numbers the rows, not the measures.
	if serial := strings.Index(strings.Join(rows[0], "\t"), "序号"); serial == 0 && col > 0 && stripSpace(rows[0][0]) == "序号" {
		for i := range rows {
			if len(rows[i]) > 0 {
				rows[i] = rows[i][1:]
			}
		}
		col--
	}
	// Every row as wide as the widest (a damaged row lost cells): the
	// readers after this index cells by the header's columns.
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for i := range rows {
		for len(rows[i]) < width {
			rows[i] = append(rows[i], "")
		}
	}
	// A hotline's name spanning the 科室 and 联系人 columns opens with
	// its number ("12345政务服务便民热线"): the number is its phone's, not
	// a phone misread into the department.
	phone := -1
	for k, h := range rows[0] {
		if colPhone.MatchString(stripSpace(h)) {
			phone = k
			break
		}
	}
	for _, r := range rows[1:] {
		for k := range r {
			if k == col || k == phone || phone < 0 || phone >= len(r) {
				continue
			}
			if m := odtNamedBy.FindStringSubmatch(strings.TrimSpace(r[k])); m != nil && strings.Contains(r[phone], m[1]) {
				r[k] = m[2]
			}
		}
	}
	return odtByMeasure(pptxContactRows(rows, col))
}

// docxVal is the w:val of n's first child named name, "" where none.
func docxVal(n *xmlNode, name string) string {
	if c := n.child(name); c != nil {
		return strings.TrimSpace(c.attr["val"])
	}
	return ""
}
