package seeds

import (
	"encoding/xml"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may present its guide as a PowerPoint deck (.pptx, Office Open
// XML PresentationML) and a clerk may hand it over unzipped: the package's
// XML parts concatenated into one text, each after a line naming its path
// in the zip, in zip order (as an .xlsx package is handed over: see
// xlsxText).
//
//	===== ppt/presentation.xml =====
//	<?xml …?>
//	<p:presentation xmlns:p="…/presentationml/2006/main" xmlns:r="…"><p:sldIdLst><p:sldId id="256" r:id="rId7"/>…</p:sldIdLst></p:presentation>
//	===== ppt/_rels/presentation.xml.rels =====
//	<Relationships …><Relationship Id="rId7" Type="…/slide" Target="slides/slide1.xml"/>…</Relationships>
//	===== ppt/slides/slide3.xml =====
//	<p:sld …><p:cSld><p:spTree>
//	  <p:sp><p:nvSpPr>…<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>一、税费</a:t></a:r></a:p></p:txBody></p:sp>
//	  <p:sp>…<p:ph idx="1"/>…<p:txBody><a:p><a:pPr><a:buAutoNum type="arabicPeriod" startAt="9"/></a:pPr><a:r><a:t>标</a:t></a:r><a:r><a:t>题。</a:t></a:r>…</a:p></p:txBody></p:sp>
//	  <p:grpSp>…<p:sp>…</p:sp></p:grpSp>
//	  <p:graphicFrame>…<a:tbl><a:tr><a:tc rowSpan="2"><a:txBody>…</a:txBody></a:tc><a:tc vMerge="1">…</a:tc></a:tr></a:tbl></p:graphicFrame>
//	</p:spTree></p:cSld></p:sld>
//
// pptxText turns such a text into the text a person watching the show
// reads, before any layout is chosen, so that the layout readers take it
// like any other guide. It relies on the package's parts and the
// PresentationML / DrawingML semantics only, never on a deck's slide
// titles or shape names:
//   - parts: cut as xlsxParts cuts them (a separator line naming the
//     part's path, else the XML declarations, each part known by its root
//     element). The text opens when it names the PresentationML namespace
//     and holds a slide part (root p:sld).
//   - slides: in show order, ppt/presentation.xml's p:sldIdLst, each r:id
//     resolved through ppt/_rels/presentation.xml.rels (its targets
//     relative to ppt/, or absolute), never by a file's number; without
//     either part (or where no entry resolves) the slide parts are read in
//     zip order. A hidden slide (p:sld show="0") is not read.
//   - a slide's shapes in p:spTree's document order, groups (p:grpSp) and
//     the chosen branch of mc:AlternateContent entered; pictures,
//     connectors, charts and SmartArt frames (their text lives in
//     ppt/diagrams, a summary drawn again) are no text. A shape's
//     placeholder (p:nvPr/p:ph) says what it is: title and ctrTitle are the
//     slide's heading, a line of its own (the first slide's ctrTitle the
//     deck's title); dt, ftr, sldNum and hdr (the date, footer and slide
//     number every slide repeats) are not read; any other shape's
//     paragraphs are lines, a text box's or labelled rectangle's line
//     ending in a word closed by a stop (see pptxStop).
//   - a paragraph (a:p) is its runs' a:t joined as they stand (PowerPoint
//     cuts runs mid-word, wherever the language or formatting changes),
//     a:br a line break, fields (a:fld: the slide number, a date) dropped.
//     Automatic numbering (a:buAutoNum, its type and startAt) is written in
//     front of a paragraph that carries no number of its own: startAt (the
//     list's start, which every paragraph of the list repeats) plus the
//     numbered paragraphs of the same level before it in the text body; a
//     paragraph of a shallower level, or an unnumbered one of the same
//     level, or a change of type or start restarts the count.
//   - a slide whose title ends in （续） (续上页, 接上页) goes on from the one
//     before: its title is not written again and a first paragraph that
//     carries no number of its own is joined to the last line written. A
//     title written just before (a divider slide followed by its first
//     slide) is not written twice. A slide titled 目录 (CONTENTS) lists the
//     headings with their ranges, as a document's table of contents does:
//     not read.
//   - tables (a:tbl): a row a line, its cells TAB-separated, a cell's
//     paragraphs joined as cellText joins them. A cell below a rowSpan
//     (vMerge) carries the value of the cell above it down; a cell covered
//     by a gridSpan (hMerge) is empty. A table whose column names each
//     row's measures ("第1、7项", "第24—29项", "第3条") is a contact table:
//     the slides' such tables under one header read as one (a table
//     continued on the next slides), rewritten as contacts by measure (see
//     odtByMeasure), closing the text; there a 联系人 cell spanning the
//     phone column that holds an e-mail or a number moves to it, and a
//     phone "0766 2281104" gets its hyphen.
//   - the head (see headLines): the title (the first shown slide's ctrTitle
//     or title, else docProps/core.xml's dc:title), the date and issuer of
//     the title slide's lines (an issuer line before a date line) and the
//     first 文号 in them; else the footer placeholders' text as the issuer
//     and dcterms:modified as the date.
//   - never read: slide masters and layouts (their placeholder prompts),
//     themes, notes slides and the notes master (the presenter's remarks),
//     comments and their authors, ppt/diagrams (SmartArt data and
//     drawing), docProps/app.xml, presProps, viewProps, tableStyles,
//     [Content_Types].xml and the relationships beyond the presentation's.
//
// The reader is lenient: a damaged part is read token by token (see
// xlsxWalk: reading steps over the damage), a missing part is done without
// and a corrupted copy is read from the last copy of each piece (see
// dropEarlierCopies). A text that is no such deck, or whose slides read as
// nothing, comes back unchanged.

// pptxNamespaces are PresentationML's main namespace, transitional and
// strict.
var pptxNamespaces = []string{"http://schemas.openxmlformats.org/presentationml/2006/main", "http://purl.oclc.org/ooxml/presentationml/main"}

var (
	// pptxGoesOn is a title marking a slide that continues the one before.
	pptxGoesOn = regexp.MustCompile(`[ \t　]*[（(](?:续|续上页|接上页|续前页|续表)[）)][ \t　]*$`)
	// pptxContents is the title of a table-of-contents slide.
	pptxContents = regexp.MustCompile(`^(?:目[ \t　]*录|(?i:contents?|agenda))$`)
	// pptxRefCell is a cell naming the measures a row serves: "第1、7项",
	// "第24—29项", "3、5", "第12条".
	pptxRefCell = regexp.MustCompile(`^第?\s*(\d{1,3}(?:\s*[-－—–~～至]\s*第?\s*\d{1,3})?(?:\s*[项条款]?\s*[、，,；;/ ]\s*第?\s*\d{1,3}(?:\s*[-－—–~～至]\s*\d{1,3})?)*)\s*[项条款]?$`)
	// pptxDash is a range's dash, written as odtRef reads it.
	pptxDash = strings.NewReplacer("第", "", "项", "", "条", "", "款", "", "–", "-", "—", "-", "－", "-", "~", "-", "～", "-", "至", "-")
)

// pptxLine is a line read off the slides: a heading (a slide's title), a
// paragraph, or a table (rows of cells).
type pptxLine struct {
	text    string
	heading bool
	rows    [][]string
}

// pptxSlide is a slide's reading: its title and placeholder kind, its
// lines in document order and its footers' text.
type pptxSlide struct {
	title    string
	ctrTitle bool
	lines    []pptxLine
	footer   string
	// typedFirst says the first paragraph of the body opens with a
	// number (its own or automatic).
	firstNumbered bool
}

// isPPTXParts reports whether text holds a .pptx package's slide parts.
func isPPTXParts(text string) bool {
	if !strings.Contains(text, "sld") || !pptxInMain(text) {
		return false
	}
	for _, p := range xlsxParts(text) {
		if pptxRoot(p) == "sld" {
			return true
		}
	}
	return false
}

func pptxInMain(text string) bool {
	for _, ns := range pptxNamespaces {
		if strings.Contains(text, ns) {
			return true
		}
	}
	return false
}

// pptxRoot is a part's root element's local name.
func pptxRoot(p xlsxPart) string {
	return rootOf(strings.TrimSpace(xlsxDecl.ReplaceAllString(p.body[:min(len(p.body), 4000)], "")))
}

// pptxTree reads a part into a tree of elements (local names lowercased;
// an attribute in the relationships namespace keyed "r:name"; each
// element's own character data its text), stepping
// over damage as xlsxWalk does.
func pptxTree(body string) (*xmlNode, error) {
	root := &xmlNode{name: "#document", attr: map[string]string{}}
	stack := []*xmlNode{root}
	err := xlsxWalk(body, func(tok xml.Token) {
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 256 {
				return
			}
			n := &xmlNode{name: strings.ToLower(t.Name.Local), attr: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				k := strings.ToLower(a.Name.Local)
				if a.Name.Space == "r" || strings.HasSuffix(a.Name.Space, "/relationships") {
					k = "r:" + k
				}
				n.attr[k] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].name == name {
					stack = stack[:i]
					break
				}
			}
		case xml.CharData:
			top.text.Write(t)
		}
	})
	return root, err
}

// pptxText: see above. It returns the text the show reads, what it could
// not read and the copies a corrupted copy's reading dropped, or text
// unchanged.
func pptxText(text string) (string, []Unread, []Duplicate) {
	if !isPPTXParts(text) {
		return text, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	single, rejoined := pptxRejoin(single)
	parts := xlsxParts(strings.TrimPrefix(single, "\uFEFF"))
	var unread []Unread
	byPath := map[string]int{}
	for i, p := range parts {
		if p.path != "" {
			byPath[strings.ToLower(p.path)] = i
		}
	}
	tree := func(i int) *xmlNode {
		root, err := pptxTree(parts[i].body)
		if err != nil {
			unread = append(unread, Unread{Line: Clip(parts[i].path, 40), Why: "a damaged part: " + err.Error()})
		}
		return root
	}
	for _, p := range rejoined {
		unread = append(unread, Unread{Line: Clip(p, 40), Why: "a piece of a part that is no slide, moved into a slide: put back at the end"})
	}
	order := pptxOrder(parts, byPath, tree)
	var slides []pptxSlide
	for _, i := range order {
		root := tree(i)
		sld := root.find("sld")
		if sld == nil {
			continue
		}
		if v := sld.attr["show"]; v == "0" || v == "false" {
			continue
		}
		slides = append(slides, readSlide(sld))
	}
	// docProps/core.xml: the title and date where the slides give none.
	var core *xmlNode
	for i, p := range parts {
		if pptxRoot(p) == "coreProperties" {
			core = tree(i)
			break
		}
	}
	out := pptxRender(slides, core)
	if out == "" {
		return text, nil, nil
	}
	return out, unread, copies
}

// pptxSlideEnd is a slide part's closing tag.
var pptxSlideEnd = regexp.MustCompile(`</(?:[A-Za-z_][\w.-]*:)?sld>`)

// pptxRejoin mends a corrupted copy whose piece (cut at 。 on both sides)
// holding the start of a part that is no slide (a notes slide, a comment
// list, SmartArt data) was moved into a slide's text: the part's line
// there cuts the slide in two, and the slide's rest (measures, their
// clauses, the slide's end) would be read as that part, which is never
// read. Such a part shows itself by a slide's closing tag in its body.
// The piece runs from the last 。 before the part's line to the first 。
// in its body (the parts between, holding no 。, travelled with it); it
// is taken out, so that the slide is joined again, and put at the end of
// the text, where the parts it holds are still found whole (slides are
// read in the presentation's order, not the text's) and no slide is cut. It returns the text and the pieces
// moved.
func pptxRejoin(text string) (string, []string) {
	var moved []string
	for range 16 {
		piece := pptxMisplaced(text)
		if piece == nil {
			break
		}
		moved = append(moved, text[piece[0]:piece[1]])
		text = text[:piece[0]] + text[piece[1]:] + "\n" + text[piece[0]:piece[1]]
	}
	return text, moved
}

// pptxMisplaced finds the first piece pptxRejoin moves, nil for none.
func pptxMisplaced(text string) []int {
	locs := xlsxSeparator.FindAllStringSubmatchIndex(text, -1)
	bodyOf := func(i int) string {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		return text[locs[i][1]:end]
	}
	root := func(body string) string {
		return rootOf(strings.TrimSpace(xlsxDecl.ReplaceAllString(body[:min(len(body), 4000)], "")))
	}
	for i, l := range locs {
		body := bodyOf(i)
		closing := pptxSlideEnd.FindStringIndex(body)
		if closing == nil || root(body) == "sld" {
			continue
		}
		from := strings.LastIndex(text[:l[0]], "。")
		to := strings.Index(body, "。")
		if from < 0 || to < 0 || to > closing[0] {
			continue
		}
		return []int{from + len("。"), l[1] + to + len("。")}
	}
	return nil
}

// pptxOrder is the slide parts' indexes in show order (see above).
func pptxOrder(parts []xlsxPart, byPath map[string]int, tree func(int) *xmlNode) []int {
	var zipOrder []int
	pres, rels := -1, -1
	for i, p := range parts {
		switch root := pptxRoot(p); {
		case root == "sld":
			zipOrder = append(zipOrder, i)
		case root == "presentation" && pres < 0:
			pres = i
		case root == "Relationships" && strings.EqualFold(p.path, "ppt/_rels/presentation.xml.rels"):
			rels = i
		}
	}
	if pres < 0 {
		return zipOrder
	}
	targets := map[string]string{}
	if rels >= 0 {
		for _, r := range tree(rels).all(func(n *xmlNode) bool { return n.name == "relationship" }) {
			t := strings.ReplaceAll(r.attr["target"], `\`, "/")
			if strings.HasPrefix(t, "/") {
				t = xlsxClean(t)
			} else {
				t = xlsxClean(path.Join("ppt", t))
			}
			targets[r.attr["id"]] = strings.ToLower(t)
		}
	}
	var order []int
	seen := map[int]bool{}
	for _, s := range tree(pres).all(func(n *xmlNode) bool { return n.name == "sldid" }) {
		i, ok := byPath[targets[s.attr["r:id"]]]
		if !ok || seen[i] || pptxRoot(parts[i]) != "sld" {
			continue
		}
		seen[i] = true
		order = append(order, i)
	}
	if len(order) == 0 {
		return zipOrder
	}
	return order
}

// readSlide reads a slide's shapes (see above).
func readSlide(sld *xmlNode) pptxSlide {
	var s pptxSlide
	tree := sld.find("sptree")
	if tree == nil {
		return s
	}
	s.firstNumbered = true
	first := true
	var shapes func(n *xmlNode, depth int)
	shapes = func(n *xmlNode, depth int) {
		if depth > 32 {
			return
		}
		for _, k := range n.kids {
			switch k.name {
			case "sp":
				kind := ""
				if ph := k.find("ph"); ph != nil {
					if kind = ph.attr["type"]; kind == "" {
						kind = "body"
					}
				}
				body := k.child("txbody")
				if body == nil {
					continue
				}
				switch kind {
				case "dt", "sldnum", "sldNum", "hdr":
				case "ftr":
					if s.footer == "" {
						s.footer = strings.TrimSpace(strings.Join(pptxParagraphs(body), ""))
					}
				case "title", "ctrTitle":
					t := strings.TrimSpace(strings.ReplaceAll(strings.Join(pptxParagraphs(body), ""), "\n", ""))
					if t != "" && s.title == "" {
						s.title, s.ctrTitle = t, kind == "ctrTitle"
						s.lines = append(s.lines, pptxLine{text: t, heading: true})
					}
				default:
					for _, p := range pptxParagraphs(body) {
						if strings.TrimSpace(p) == "" {
							continue
						}
						if kind == "" {
							p = pptxStop(p)
						}
						if first {
							first = false
							s.firstNumbered = docxTyped.MatchString(p)
						}
						s.lines = append(s.lines, pptxLine{text: p})
					}
					// A shape is a block of its own: a label
					// without a stop is not glued to the next
					// shape's first line.
					s.lines = append(s.lines, pptxLine{})
				}
			case "grpsp":
				shapes(k, depth+1)
			case "alternatecontent":
				if c := k.child("choice", "fallback"); c != nil {
					shapes(c, depth+1)
				}
			case "graphicframe":
				if tbl := k.find("tbl"); tbl != nil {
					if rows := pptxTable(tbl); len(rows) > 0 {
						s.lines = append(s.lines, pptxLine{rows: rows})
					}
				}
			}
		}
	}
	shapes(tree, 0)
	return s
}

// pptxStop ends a paragraph of a shape that is no placeholder (a text
// box, a labelled rectangle) with a stop where it ends in a word: such a
// shape is a block of its own, and a label without a stop ("政策依据：…",
// a decoration's word) would be glued to the line after it as a line the
// text wrapped. A heading-shaped line is left as it is.
func pptxStop(p string) string {
	t := strings.TrimRight(p, " \t　\n")
	r, _ := utf8.DecodeLastRuneInString(t)
	if t == "" || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return p
	}
	if last := t[strings.LastIndexByte(t, '\n')+1:]; sectionHead.MatchString(stripSpace(last)) || subsectionHead.MatchString(stripSpace(last)) {
		return p
	}
	return t + "。"
}

// pptxCount is a list level's automatic numbering in a text body.
type pptxCount struct {
	scheme string
	start  int
	n      int
}

// pptxParagraphs are a text body's paragraphs, their automatic numbers
// written (see above).
func pptxParagraphs(body *xmlNode) []string {
	counts := map[int]*pptxCount{}
	var out []string
	for _, p := range body.kids {
		if p.name != "p" {
			continue
		}
		var b strings.Builder
		for _, k := range p.kids {
			switch k.name {
			case "r":
				for _, t := range k.kids {
					if t.name == "t" {
						b.WriteString(t.text.String())
					}
				}
			case "br":
				b.WriteString("\n")
			}
		}
		text := strings.ReplaceAll(b.String(), "\r", "")
		lvl := 0
		var auto *xmlNode
		if ppr := p.child("ppr"); ppr != nil {
			if v, err := strconv.Atoi(ppr.attr["lvl"]); err == nil && v >= 0 && v < 10 {
				lvl = v
			}
			auto = ppr.child("buautonum")
		}
		if strings.TrimSpace(text) == "" {
			out = append(out, text)
			continue
		}
		for l := range counts {
			if l > lvl {
				delete(counts, l)
			}
		}
		if auto == nil {
			delete(counts, lvl)
			out = append(out, text)
			continue
		}
		scheme := auto.attr["type"]
		start, err := strconv.Atoi(auto.attr["startat"])
		if err != nil || start < 1 || start > 32767 {
			start = 1
		}
		c := counts[lvl]
		if c == nil || c.scheme != scheme || c.start != start {
			c = &pptxCount{scheme: scheme, start: start}
			counts[lvl] = c
		}
		n := c.start + c.n
		c.n++
		if !docxTyped.MatchString(text) {
			text = pptxLabel(scheme, n) + strings.TrimLeft(text, " \t　")
		}
		out = append(out, text)
	}
	return out
}

// pptxLabel writes number n as an a:buAutoNum scheme shows it
// (arabicPeriod "9.", arabicParenBoth "(9)", ea1ChsPeriod "九、" …).
func pptxLabel(scheme string, n int) string {
	num := strconv.Itoa(n)
	switch {
	case strings.HasPrefix(scheme, "alphaLc"):
		num = texNumber("alph", n)
	case strings.HasPrefix(scheme, "alphaUc"):
		num = texNumber("Alph", n)
	case strings.HasPrefix(scheme, "romanLc"):
		num = texNumber("roman", n)
	case strings.HasPrefix(scheme, "romanUc"):
		num = texNumber("Roman", n)
	case strings.HasPrefix(scheme, "ea1Chs") || strings.HasPrefix(scheme, "ea1Cht") || strings.HasPrefix(scheme, "ea1Jpn"):
		num = Numeral(n)
		if strings.HasSuffix(scheme, "Plain") || strings.HasSuffix(scheme, "Period") {
			return num + "、"
		}
	case strings.HasPrefix(scheme, "circleNum") && n >= 1 && n <= 20:
		return string(rune('①' + n - 1))
	}
	switch {
	case strings.HasSuffix(scheme, "ParenBoth"):
		return "（" + num + "）"
	case strings.HasSuffix(scheme, "ParenR"):
		return num + "）"
	case strings.HasSuffix(scheme, "Plain"):
		return num + " "
	}
	return num + "."
}

// pptxTable reads a table's rows (see above).
func pptxTable(tbl *xmlNode) [][]string {
	var rows [][]string
	var above []string
	for _, tr := range tbl.kids {
		if tr.name != "tr" {
			continue
		}
		var cells []string
		for _, tc := range tr.kids {
			if tc.name != "tc" {
				continue
			}
			col := len(cells)
			v := ""
			switch {
			case pptxOn(tc.attr["hmerge"]):
			case pptxOn(tc.attr["vmerge"]):
				if col < len(above) {
					v = above[col]
				}
			default:
				if body := tc.child("txbody"); body != nil {
					var ps []docxPara
					for _, p := range pptxParagraphs(body) {
						ps = append(ps, docxPara{text: p})
					}
					v = strings.TrimSpace(cellText(ps))
				}
			}
			cells = append(cells, v)
		}
		if len(cells) > 256 {
			cells = cells[:256]
		}
		above = cells
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		rows = append(rows, cells)
	}
	return rows
}

// pptxOn reports whether an OOXML boolean attribute is set.
func pptxOn(v string) bool {
	return v == "1" || v == "true" || v == "on"
}

// pptxRefColumn is the column of a table naming each row's measures, -1
// where none does: most of its cells below the header are such
// references.
func pptxRefColumn(rows [][]string) int {
	if len(rows) < 2 {
		return -1
	}
	for k := range rows[0] {
		refs, filled := 0, 0
		for _, r := range rows[1:] {
			if k >= len(r) || strings.TrimSpace(r[k]) == "" {
				continue
			}
			filled++
			if pptxRefCell.MatchString(strings.TrimSpace(r[k])) {
				refs++
			}
		}
		if refs >= 1 && refs*5 >= filled*4 && !pptxRefCell.MatchString(strings.TrimSpace(rows[0][k])) {
			return k
		}
	}
	return -1
}

// pptxContactRows writes a contact table's references as numbers under a
// header odtByMeasure knows.
func pptxContactRows(rows [][]string, col int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		r = append([]string(nil), r...)
		if col < len(r) {
			if i == 0 {
				if !odtRefsHeader.MatchString(stripSpace(r[col])) {
					r[col] = "对应条款"
				}
			} else if v := strings.TrimSpace(r[col]); pptxRefCell.MatchString(v) {
				r[col] = pptxDash.Replace(v)
			}
		}
		out[i] = r
	}
	// A cell spanning the 联系人 and 联系电话 columns (gridSpan) that
	// names no person but an e-mail or a number stands in the phone
	// column; a phone written "0766 2281104" gets its hyphen.
	person, phone := -1, -1
	for k, h := range out[0] {
		switch h = stripSpace(h); {
		case phone < 0 && colPhone.MatchString(h):
			phone = k
		case person < 0 && colPeople.MatchString(h):
			person = k
		}
	}
	for _, r := range out[1:] {
		if phone >= 0 && phone < len(r) {
			r[phone] = pptxSpacedPhone.ReplaceAllString(r[phone], "$1-$2")
			if person >= 0 && person < len(r) && strings.TrimSpace(r[phone]) == "" && pptxNoPerson.MatchString(r[person]) {
				r[phone], r[person] = r[person], ""
			}
		}
	}
	return epubContactRows(out)
}

var (
	// pptxSpacedPhone is an area code and a number parted by a space.
	pptxSpacedPhone = regexp.MustCompile(`(?m)^[ 　]*(0\d{2,3})[ 　]+(\d{7,8})[ 　]*$`)
	// pptxNoPerson is a 联系人 cell holding an e-mail or a number.
	pptxNoPerson = regexp.MustCompile(`@|\d{5}`)
)

// pptxRender writes the slides' lines under the head (see above).
func pptxRender(slides []pptxSlide, core *xmlNode) string {
	var lines []string
	var tables [][][]string // contact tables by header, in order
	tableHeads := map[string]int{}
	lastHeading := ""
	title := ""
	var titleLines []string
	footer := ""
	for si, s := range slides {
		if footer == "" {
			footer = s.footer
		}
		if pptxContents.MatchString(stripSpace(s.title)) {
			continue
		}
		goesOn := s.title != "" && pptxGoesOn.MatchString(s.title)
		joinFirst := goesOn && !s.firstNumbered
		for _, l := range s.lines {
			switch {
			case l.heading:
				if si == 0 && title == "" || s.ctrTitle && title == "" {
					title = l.text
					continue
				}
				base := strings.TrimSpace(pptxGoesOn.ReplaceAllString(l.text, ""))
				if goesOn || base == lastHeading {
					lastHeading = base
					continue
				}
				lastHeading = base
				lines = append(lines, l.text)
			case l.rows != nil:
				if col := pptxRefColumn(l.rows); col >= 0 {
					rows := pptxContactRows(l.rows, col)
					key := strings.Join(rows[0], "\t")
					if i, ok := tableHeads[key]; ok {
						tables[i] = append(tables[i], rows[1:]...)
					} else {
						tableHeads[key] = len(tables)
						tables = append(tables, rows)
					}
					continue
				}
				for _, r := range l.rows {
					lines = append(lines, strings.Join(r, "\t"))
				}
			case l.text == "":
				if n := len(lines); n > 0 && lines[n-1] != "" {
					lines = append(lines, "")
				}
			default:
				text := l.text
				if joinFirst && len(lines) > 0 && !strings.Contains(lines[len(lines)-1], "\t") {
					lines[len(lines)-1] += strings.TrimLeft(text, " \t　")
					joinFirst = false
					continue
				}
				joinFirst = false
				if si == 0 {
					titleLines = append(titleLines, strings.Split(text, "\n")...)
				}
				lines = append(lines, text)
			}
		}
	}
	byMeasure := byMeasureLines(tables)
	if strings.TrimSpace(strings.Join(lines, "")+strings.Join(byMeasure, "")) == "" {
		return ""
	}
	issuer, date, docno := pptxHead(titleLines)
	if core != nil {
		if title == "" {
			if t := core.find("title"); t != nil {
				title = strings.TrimSpace(pptxAllText(t))
			}
		}
		if date == "" {
			if m := core.find("modified"); m != nil {
				if d := epubISODate.FindStringSubmatch(pptxAllText(m)); d != nil {
					date = d[1] + "-" + pad2(d[2]) + "-" + pad2(d[3])
				}
			}
		}
	}
	if issuer == "" {
		issuer = footer
	}
	head := headLines(squeezeSpace(title), date, issuer, docno)
	return strings.Join(append(append(head, lines...), byMeasure...), "\n") + "\n"
}

// pptxAllText is an element's own character data.
func pptxAllText(n *xmlNode) string {
	return n.text.String()
}

// pptxHead reads the title slide's lines for an issuer line before a date
// line and a 文号.
func pptxHead(lines []string) (issuer, date, docno string) {
	for i, l := range lines {
		t := stripSpace(l)
		if m := docxIssueLine.FindStringSubmatch(t); m != nil {
			issuer, date = m[1], m[2]+"-"+pad2(m[3])+"-"+pad2(m[4])
			break
		}
		if m := docxDateLine.FindStringSubmatch(t); m != nil {
			date = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
			if i > 0 {
				if prev := stripSpace(lines[i-1]); prev != "" && !docxDateLine.MatchString(prev) && !strings.ContainsAny(prev, "《》〔〕：:。") {
					issuer = prev
				}
			}
			break
		}
	}
	for _, l := range lines {
		if m := epubDocNo.FindString(l); m != "" {
			docno = m
			break
		}
	}
	return issuer, date, docno
}
