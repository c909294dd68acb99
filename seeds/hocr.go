package seeds

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may hand over a scanned guide as the OCR engine's hOCR output
// (hOCR 1.2, as tesseract writes it: XHTML whose elements carry classes and
// a title of properties), one document per scanned page, concatenated:
//
//	<?xml version="1.0" encoding="UTF-8"?> <!DOCTYPE html …> <html …><head>
//	<meta name='ocr-system' content='tesseract 4.1.1' /> …</head><body>
//	<div class='ocr_page' id='page_1' title='image "page_3.png"; bbox 0 0 2480 3508; ppageno 0'>
//	 <div class='ocr_carea' id='block_1_1' title="bbox 310 214 2160 490">
//	  <p class='ocr_par' lang='chi_sim' title="bbox …">
//	   <span class='ocr_line' title="bbox 412 288 2160 341; baseline 0.001 -7; x_size 50; …">
//	    <span class='ocrx_word' title='bbox 412 288 470 341; x_wconf 93'>8.</span>
//	    <span class='ocrx_word' title='bbox 470 290 670 340; x_wconf 88'>2022年</span> …
//
// hocrText reads it by the spec's classes and the bbox geometry, and by
// nothing of one engine's run or one file (no ids: a page OCR'd as a run
// of its own restarts them, and its ppageno):
//   - pages are read in the order of the number in their image's name
//     ("page_3.png") when every page has a distinct one, else as they
//     stand; each document is read on its own (the file as a whole is no
//     XML document), leniently (see xmlTree);
//   - a line's text is its words' texts joined without separator (Chinese
//     has no spaces; the source's indentation between word spans is no
//     text), but two ASCII words apart by a gap keep a space ("0773-312
//     6645");
//   - dropped: a block (ocr_carea) whose words' mean confidence (x_wconf)
//     is below 35 — a stamp or a picture read as garbage —, a page number
//     ("— 3 —", ocr_textfloat or not) in the top or bottom tenth of the
//     page, and a running header or footer: a line in the top or bottom
//     tenth repeated, digits aside, on half the pages or more (a fax
//     header "… FROM:… 3120000 P.2/5", whose number belongs to no measure);
//   - lines are joined into paragraphs by geometry, as a reader sees them:
//     a line that starts at the body's left edge continues the line before
//     it when that one ran to the body's right edge, across an ocr_par and
//     a page break too (a measure cut at the page's foot reads on); lines
//     of a large type set apart from the body (a title over two lines) are
//     one paragraph; any other line opens a paragraph. The body's edges and
//     size are the most common starts, the upper quartile of ends and the
//     median x_size of the long lines;
//   - blocks side by side (three or more, overlapping in height, apart in
//     width) are a table an engine emitted column by column: its rows are
//     rebuilt from the lines' heights, each line in the row of the first
//     column's line nearest it (a cell vertically centred between two
//     lines is read with them); a cell's lines are joined with "、" where
//     two other cells of its row have as many lines (pairs of a unit, a
//     person and a phone, line by line), else without separator (a wrapped
//     name), two numbers on two lines by "、"; an empty cell of a unit
//     column between filled rows takes the filled cell centred among them
//     (a merged cell). The table is written as TAB-separated rows (see
//     normalizeTabTables);
//   - a date in Chinese numerals alone on a line is written in digits, its
//     OCR confusions read back (O or 0 for 〇, "-" for 一: "二O二二年六月
//     二十-日" is 2022年6月21日).
//
// The text is handed to the layout readers as any guide's (see
// numberedText): the notice's title, issuer and date from the head,
// numbered measures, 责任单位 clauses, the contact table. A text that is no
// hOCR comes back unchanged; a damaged document gives the words it holds.

// hocrSign marks hOCR output: its page and word (or line) classes.
var hocrSign = regexp.MustCompile(`ocr_page`)

// hocrImageNumber is the last number in a page's image name.
var hocrImageNumber = regexp.MustCompile(`(\d{1,5})\D*$`)

// hocrWord is one ocrx_word (or a line without words) placed on its page.
type hocrWord struct {
	x0, y0, x1, y1 float64
	conf           float64 // -1 when not given
	text           string
}

// hocrLine is one line: its words left to right, its class and type size.
type hocrLine struct {
	x0, y0, x1, y1 float64
	size           float64
	text           string
	dropped        bool
}

// hocrArea is one block: its lines by paragraph (ocr_par).
type hocrArea struct {
	x0, y0, x1, y1 float64
	pars           [][]*hocrLine
	table          bool
}

// hocrPage is one page's blocks.
type hocrPage struct {
	number, width, height float64
	numbered              bool
	areas                 []*hocrArea
}

// isHOCR reports whether text opens as hOCR output.
func isHOCR(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	if !strings.HasPrefix(head, "<") {
		return false
	}
	head = head[:min(len(head), 6000)]
	return hocrSign.MatchString(head) && (strings.Contains(text, "ocrx_word") || strings.Contains(text, "ocr_line"))
}

// hocrProps reads an element's title properties ("bbox 1 2 3 4; x_wconf
// 93") by name.
func hocrProps(title string) map[string][]string {
	out := map[string][]string{}
	for _, p := range strings.Split(title, ";") {
		f := strings.Fields(p)
		if len(f) > 0 {
			out[f[0]] = f[1:]
		}
	}
	return out
}

// hocrBox reads a bbox property, ok only for four finite numbers.
func hocrBox(props map[string][]string) (b [4]float64, ok bool) {
	v := props["bbox"]
	if len(v) != 4 {
		return b, false
	}
	for i, s := range v {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return b, false
		}
		b[i] = f
	}
	return b, b[2] >= b[0] && b[3] >= b[1]
}

// hocrClass reports whether n's class list holds class.
func hocrClass(n *xmlNode, class string) bool {
	return slices.Contains(strings.Fields(n.attr["class"]), class)
}

// hocrText: see above. It returns the text a person reads, what it could
// not read and the copies a corrupted copy's reading dropped (see
// dropEarlierCopies), or text unchanged.
func hocrText(text string) (string, []Unread, []Duplicate) {
	if !isHOCR(text) {
		return text, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	var pages []*hocrPage
	var unread []Unread
	for _, chunk := range ofdChunks(single) {
		root, u := xmlTree(chunk)
		unread = append(unread, u...)
		for _, pg := range root.all(func(n *xmlNode) bool { return hocrClass(n, "ocr_page") }) {
			pages = append(pages, hocrReadPage(pg))
		}
	}
	numbered := len(pages) > 0
	seen := map[float64]bool{}
	for _, p := range pages {
		numbered = numbered && p.numbered && !seen[p.number]
		seen[p.number] = true
	}
	if numbered {
		slices.SortStableFunc(pages, func(a, b *hocrPage) int { return cmp.Compare(a.number, b.number) })
	}
	words := 0
	for _, p := range pages {
		for _, a := range p.areas {
			for _, par := range a.pars {
				words += len(par)
			}
		}
	}
	if words == 0 {
		return text, unread, nil
	}
	hocrDropFurniture(pages)
	paras := hocrParagraphs(pages)
	ofdMarkTitle(paras)
	out, _ := numberedText(ofdDropIssueLine(paras), func(docxPara, int, bool) string { return "" })
	if strings.TrimSpace(out) == "" {
		return text, unread, nil
	}
	return out, unread, copies
}

// hocrReadPage reads a page's blocks, paragraphs, lines and words. An
// element missing from the hierarchy (words straight under a block, a
// page without blocks) is read as if it were there.
func hocrReadPage(pg *xmlNode) *hocrPage {
	props := hocrProps(pg.attr["title"])
	p := &hocrPage{width: 2480, height: 3508}
	if b, ok := hocrBox(props); ok && b[3]-b[1] > 10 {
		p.width, p.height = b[2]-b[0], b[3]-b[1]
	}
	if img := strings.Trim(strings.Join(props["image"], " "), `"'`); img != "" {
		if m := hocrImageNumber.FindStringSubmatch(img); m != nil {
			p.number, _ = strconv.ParseFloat(m[1], 64)
			p.numbered = true
		}
	}
	areas := pg.all(func(n *xmlNode) bool { return hocrClass(n, "ocr_carea") })
	if len(areas) == 0 {
		areas = []*xmlNode{pg}
	}
	for _, an := range areas {
		a := &hocrArea{}
		var confs []float64
		pars := an.all(func(n *xmlNode) bool { return hocrClass(n, "ocr_par") })
		if len(pars) == 0 {
			pars = []*xmlNode{an}
		}
		for _, pn := range pars {
			var lines []*hocrLine
			lns := pn.all(func(n *xmlNode) bool {
				for _, c := range strings.Fields(n.attr["class"]) {
					if c != "ocrx_word" && strings.HasPrefix(c, "ocr_") && c != "ocr_par" && c != "ocr_carea" {
						return true
					}
				}
				return false
			})
			if len(lns) == 0 {
				lns = []*xmlNode{pn}
			}
			for _, ln := range lns {
				l := hocrReadLine(ln)
				if l == nil {
					continue
				}
				for _, w := range l.words {
					if w.conf >= 0 {
						confs = append(confs, w.conf)
					}
				}
				lines = append(lines, &l.hocrLine)
			}
			if len(lines) > 0 {
				a.pars = append(a.pars, lines)
			}
		}
		if len(a.pars) == 0 {
			continue
		}
		if len(confs) > 0 {
			sum := 0.0
			for _, c := range confs {
				sum += c
			}
			if sum/float64(len(confs)) < 35 {
				continue // a stamp or a picture read as garbage
			}
		}
		first := true
		for _, par := range a.pars {
			for _, l := range par {
				if first {
					a.x0, a.y0, a.x1, a.y1 = l.x0, l.y0, l.x1, l.y1
					first = false
				}
				a.x0, a.y0 = min(a.x0, l.x0), min(a.y0, l.y0)
				a.x1, a.y1 = max(a.x1, l.x1), max(a.y1, l.y1)
			}
		}
		p.areas = append(p.areas, a)
	}
	return p
}

// hocrReadLineOut is a line read with its words.
type hocrReadLineOut struct {
	hocrLine
	words []hocrWord
}

// hocrReadLine reads a line's words (or, without word spans, its own
// text), or nil for a line without text.
func hocrReadLine(ln *xmlNode) *hocrReadLineOut {
	props := hocrProps(ln.attr["title"])
	out := &hocrReadLineOut{}
	for _, wn := range ln.all(func(n *xmlNode) bool { return hocrClass(n, "ocrx_word") }) {
		t := hocrFlat(wn)
		if t == "" {
			continue
		}
		wp := hocrProps(wn.attr["title"])
		w := hocrWord{conf: -1, text: t}
		if b, ok := hocrBox(wp); ok {
			w.x0, w.y0, w.x1, w.y1 = b[0], b[1], b[2], b[3]
		}
		if v := wp["x_wconf"]; len(v) > 0 {
			if c, err := strconv.ParseFloat(v[0], 64); err == nil && !math.IsNaN(c) {
				w.conf = c
			}
		}
		out.words = append(out.words, w)
	}
	lb, lok := hocrBox(props)
	if len(out.words) == 0 {
		t := hocrFlat(ln)
		if t == "" {
			return nil
		}
		out.words = []hocrWord{{x0: lb[0], y0: lb[1], x1: lb[2], y1: lb[3], conf: -1, text: t}}
	}
	if lok {
		out.x0, out.y0, out.x1, out.y1 = lb[0], lb[1], lb[2], lb[3]
	} else {
		out.x0, out.y0, out.x1, out.y1 = out.words[0].x0, out.words[0].y0, out.words[0].x1, out.words[0].y1
		for _, w := range out.words {
			out.x0, out.y0 = min(out.x0, w.x0), min(out.y0, w.y0)
			out.x1, out.y1 = max(out.x1, w.x1), max(out.y1, w.y1)
		}
	}
	out.size = out.y1 - out.y0
	if v := props["x_size"]; len(v) > 0 {
		if s, err := strconv.ParseFloat(v[0], 64); err == nil && s > 0 && s < 1000 {
			out.size = s
		}
	}
	out.size = max(out.size, 1)
	out.text = hocrJoin(out.words, out.size)
	return out
}

// hocrFlat is an element's text, its source's line breaks and
// indentation dropped.
func hocrFlat(n *xmlNode) string {
	var b strings.Builder
	var walk func(*xmlNode)
	walk = func(x *xmlNode) {
		b.WriteString(x.text.String())
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return strings.TrimSpace(strings.Join(strings.Fields(b.String()), " "))
}

// hocrJoin writes a line's words left to right without separator, a
// space between two ASCII words apart by a gap.
func hocrJoin(ws []hocrWord, size float64) string {
	ws = slices.Clone(ws)
	slices.SortStableFunc(ws, func(a, b hocrWord) int { return cmp.Compare(a.x0, b.x0) })
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(ws[i-1].text)
			first, _ := utf8.DecodeRuneInString(w.text)
			switch gap := w.x0 - ws[i-1].x1; {
			case gap > 2*size:
				b.WriteString("　　") // a 版记's office and date, a printer and its phone
			case hocrASCIIWord(last) && hocrASCIIWord(first) && gap > size*0.2:
				b.WriteString(" ")
			}
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// hocrASCIIWord reports whether r is an ASCII letter or digit.
func hocrASCIIWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// hocrDropFurniture drops page numbers and running headers and footers
// (see above).
func hocrDropFurniture(pages []*hocrPage) {
	margin := func(p *hocrPage, l *hocrLine) bool {
		return l.y1 < p.height*0.1 || l.y0 > p.height*0.9
	}
	key := func(l *hocrLine) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, l.text)
	}
	seen := map[string]map[int]bool{}
	for i, p := range pages {
		for _, a := range p.areas {
			for _, par := range a.pars {
				for _, l := range par {
					if margin(p, l) {
						k := key(l)
						if seen[k] == nil {
							seen[k] = map[int]bool{}
						}
						seen[k][i] = true
					}
				}
			}
		}
	}
	for _, p := range pages {
		for _, a := range p.areas {
			for _, par := range a.pars {
				for _, l := range par {
					if !margin(p, l) {
						continue
					}
					if ofdPageNumber.MatchString(strings.Join(strings.Fields(l.text), "")) {
						l.dropped = true
					}
					if n := len(seen[key(l)]); len(pages) >= 2 && n >= 2 && n*2 >= len(pages) {
						l.dropped = true
					}
				}
			}
		}
	}
}

// hocrBody is the body's left and right edges and type size (see above).
type hocrBody struct {
	left, right, size float64
}

// hocrMeasureBody finds the body's edges and size from the long lines.
func hocrMeasureBody(pages []*hocrPage) hocrBody {
	var starts, ends, sizes []float64
	for _, p := range pages {
		for _, a := range p.areas {
			if a.table {
				continue
			}
			for _, par := range a.pars {
				for _, l := range par {
					if !l.dropped && utf8.RuneCountInString(l.text) >= 8 {
						starts = append(starts, l.x0)
						ends = append(ends, l.x1)
						sizes = append(sizes, l.size)
					}
				}
			}
		}
	}
	if len(sizes) == 0 {
		return hocrBody{left: math.Inf(-1), right: math.Inf(1), size: 1}
	}
	slices.Sort(sizes)
	size := sizes[len(sizes)/2]
	slices.Sort(ends)
	right := ends[len(ends)*3/4]
	// The left edge: the leftmost start shared (within a third of the
	// type size) by a tenth of the long lines, and two.
	slices.Sort(starts)
	left := starts[0]
	for _, s := range starts {
		n := 0
		for _, t := range starts {
			if math.Abs(t-s) <= size/3 {
				n++
			}
		}
		if n >= 2 && n*10 >= len(starts) {
			left = s
			break
		}
	}
	return hocrBody{left: left, right: right, size: size}
}

// hocrMarkTables marks each page's blocks that stand side by side (see
// above) and returns them by table, each table's blocks left to right.
func hocrMarkTables(p *hocrPage) [][]*hocrArea {
	n := len(p.areas)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := p.areas[i], p.areas[j]
			over := min(a.y1, b.y1) - max(a.y0, b.y0)
			apart := a.x1 <= b.x0 || b.x1 <= a.x0
			if apart && over > 0.5*min(a.y1-a.y0, b.y1-b.y0) && over > 0 {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]*hocrArea{}
	var order []int
	for i, a := range p.areas {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], a)
	}
	var out [][]*hocrArea
	for _, r := range order {
		g := groups[r]
		if len(g) < 3 {
			continue
		}
		slices.SortStableFunc(g, func(a, b *hocrArea) int { return cmp.Compare(a.x0, b.x0) })
		for _, a := range g {
			a.table = true
		}
		out = append(out, g)
	}
	return out
}

// hocrCellLine is one line of a table cell.
type hocrCellLine struct {
	y    float64
	text string
}

// hocrTableRows rebuilds a table's rows (see above).
func hocrTableRows(cols []*hocrArea) [][]string {
	var anchors []float64
	lines := make([][]*hocrLine, len(cols))
	for k, a := range cols {
		for _, par := range a.pars {
			for _, l := range par {
				if !l.dropped && strings.TrimSpace(l.text) != "" {
					lines[k] = append(lines[k], l)
				}
			}
		}
	}
	for _, l := range lines[0] {
		anchors = append(anchors, (l.y0+l.y1)/2)
	}
	slices.Sort(anchors)
	if len(anchors) < 2 {
		return nil
	}
	rowOf := func(y float64) int {
		best := 0
		for i, a := range anchors {
			if math.Abs(y-a) < math.Abs(y-anchors[best]) {
				best = i
			}
		}
		return best
	}
	cells := make([][][]hocrCellLine, len(anchors))
	for r := range cells {
		cells[r] = make([][]hocrCellLine, len(cols))
	}
	for k := range cols {
		for _, l := range lines[k] {
			y := (l.y0 + l.y1) / 2
			r := rowOf(y)
			cells[r][k] = append(cells[r][k], hocrCellLine{y: y, text: strings.TrimSpace(l.text)})
		}
	}
	for r := range cells {
		for k := range cells[r] {
			slices.SortStableFunc(cells[r][k], func(a, b hocrCellLine) int { return cmp.Compare(a.y, b.y) })
		}
	}
	hocrFillMerged(cells)
	rows := make([][]string, len(cells))
	for r, row := range cells {
		rows[r] = make([]string, len(cols))
		for k, c := range row {
			pairs := 0
			for j, o := range row {
				if j != k && j > 0 && len(o) == len(c) {
					pairs++
				}
			}
			rows[r][k] = hocrCellText(c, len(c) > 1 && pairs >= 2 && k > 0)
		}
	}
	return rows
}

// hocrUnitHeader names a column of units (a merged cell is most often
// one unit serving several rows).
var hocrUnitHeader = regexp.MustCompile(`单位|部门|科室`)

// hocrFillMerged gives an empty cell of a unit column the filled cell
// centred among the empty ones around it: a merged cell, printed once in
// the middle of the rows it spans.
func hocrFillMerged(cells [][][]hocrCellLine) {
	if len(cells) < 3 {
		return
	}
	for k := range cells[0] {
		head := ""
		for _, l := range cells[0][k] {
			head += l.text
		}
		if k == 0 || !hocrUnitHeader.MatchString(head) {
			continue
		}
		empty := func(r int) bool { return len(cells[r][k]) == 0 }
		var fills []struct{ r, e int }
		for r := 1; r < len(cells); r++ {
			if empty(r) {
				continue
			}
			a, b := 0, 0
			for r-a-1 >= 1 && empty(r-a-1) {
				a++
			}
			for r+b+1 < len(cells) && empty(r+b+1) {
				b++
			}
			if e := min(a, b); e > 0 {
				fills = append(fills, struct{ r, e int }{r, e})
			}
		}
		for _, f := range fills {
			for r := f.r - f.e; r <= f.r+f.e; r++ {
				if r != f.r {
					cells[r][k] = slices.Clone(cells[f.r][k])
				}
			}
		}
	}
}

// hocrCellText joins a cell's lines: by "、" as pairs, else without
// separator, two numbers on two lines by "、".
func hocrCellText(ls []hocrCellLine, pairs bool) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev := b.String()
			last, _ := utf8.DecodeLastRuneInString(prev)
			first, _ := utf8.DecodeRuneInString(l.text)
			if pairs || unicode.IsDigit(last) && unicode.IsDigit(first) {
				b.WriteString("、")
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// hocrItem is a paragraph's line or a table, placed on its page.
type hocrItem struct {
	y     float64
	line  *hocrLine
	rows  [][]string
	table bool
}

// hocrParagraphs joins the pages' lines into paragraphs and writes their
// tables as rows (see above).
func hocrParagraphs(pages []*hocrPage) []docxPara {
	var tables [][][]*hocrArea
	for _, p := range pages {
		tables = append(tables, hocrMarkTables(p))
	}
	body := hocrMeasureBody(pages)
	var out []docxPara
	var prev *hocrLine
	for i, p := range pages {
		var items []hocrItem
		for _, t := range tables[i] {
			if rows := hocrTableRows(t); rows != nil {
				items = append(items, hocrItem{y: t[0].y0, rows: rows, table: true})
				continue
			}
			for _, a := range t {
				a.table = false // not read as a table: its lines as text
			}
		}
		for _, a := range p.areas {
			if a.table {
				continue
			}
			for _, par := range a.pars {
				for _, l := range par {
					if !l.dropped && strings.TrimSpace(l.text) != "" {
						items = append(items, hocrItem{y: l.y0, line: l})
					}
				}
			}
		}
		slices.SortStableFunc(items, func(a, b hocrItem) int { return cmp.Compare(a.y, b.y) })
		for _, it := range items {
			if it.table {
				for _, r := range it.rows {
					out = append(out, docxPara{text: strings.Join(r, "\t"), row: true})
				}
				out = append(out, docxPara{})
				prev = nil
				continue
			}
			l := it.line
			t := hocrDate(strings.TrimSpace(l.text))
			if hocrColophon.MatchString(stripSpace(t)) {
				prev = nil
				continue
			}
			if prev != nil && len(out) > 0 && hocrContinues(prev, l, body) {
				out[len(out)-1].text += t
			} else {
				out = append(out, docxPara{text: t})
			}
			prev = l
		}
	}
	return out
}

// hocrColophon is a line of the 版记 under a document's end: the copies'
// addressees (抄送：…) and the printer (…承印 电话：…), no content; a
// printer's phone belongs to no measure, and after the contact table these
// lines would read as its last row's cells.
var hocrColophon = regexp.MustCompile(`^(?:抄送|抄报)[：:]|^.{2,30}承印(?:[　\s]*电话[：:].*)?$`)

// hocrContinues reports whether line l goes on the paragraph of the line
// before it (see above).
func hocrContinues(prev, l *hocrLine, body hocrBody) bool {
	atLeft := math.Abs(l.x0-body.left) < body.size/2
	sameSize := math.Abs(l.size-prev.size) < body.size*0.15
	// A line under the start of a full line before it goes on too (a
	// note set in a smaller type, wider than the body).
	under := math.Abs(l.x0-prev.x0) < body.size/2 && !atLeft && math.Abs(prev.x0-body.left) >= body.size/2
	if (atLeft || under) && prev.x1 >= body.right-2*body.size && l.size < body.size*1.15 && sameSize {
		return true
	}
	large := l.size > body.size*1.15 && sameSize && !atLeft
	return large && l.y0 > prev.y0 && l.y0-prev.y1 < l.size
}

// hocrDateLine is a date in Chinese numerals alone on a line, with the
// characters OCR puts for 〇 and 一.
var hocrDateLine = regexp.MustCompile(`^([〇零一二三四五六七八九Oo0０Ｏ]{4})年([一二三四五六七八九十\-－—]{1,3})月([一二三四五六七八九十\-－—]{1,4})日$`)

// hocrDate writes a date in Chinese numerals alone on a line in digits
// (see above); any other text comes back unchanged.
func hocrDate(t string) string {
	m := hocrDateLine.FindStringSubmatch(t)
	if m == nil {
		return t
	}
	fix := strings.NewReplacer("O", "〇", "o", "〇", "0", "〇", "０", "〇", "Ｏ", "〇", "-", "一", "－", "一", "—", "一")
	var year strings.Builder
	digits := []rune("〇一二三四五六七八九")
	for _, r := range strings.ReplaceAll(fix.Replace(m[1]), "零", "〇") {
		d := slices.Index(digits, r)
		if d < 0 {
			return t
		}
		year.WriteString(strconv.Itoa(d))
	}
	month, day := ParseNumeral(fix.Replace(m[2])), ParseNumeral(fix.Replace(m[3]))
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return t
	}
	return fmt.Sprintf("%s年%d月%d日", year.String(), month, day)
}
