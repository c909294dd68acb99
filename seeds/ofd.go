package seeds

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may hand over its guide as the page-content files of an OFD
// document (GB/T 33190, China's fixed-layout format: Doc_0/Pages/Page_N/
// Content.xml, as a Word→OFD converter writes them), one page or several
// concatenated into one text, each with its own XML declaration:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<!-- Doc_0/Pages/Page_0/Content.xml -->
//	<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area>
//	<ofd:Content><ofd:Layer ID="1" Type="Body">
//	<ofd:TextObject ID="2" Boundary="28 172.3 30 6.8" Font="5" Size="5.6444" Weight="700"><ofd:TextCode X="0" Y="5.1" DeltaX="2.8222">1.</ofd:TextCode></ofd:TextObject>
//	<ofd:TextObject ID="3" Boundary="33.6 172.5 150 6.8" Font="3" Size="5.6444"><ofd:TextCode X="0" Y="4.9" DeltaX="g 24 5.7778">落实…</ofd:TextCode></ofd:TextObject>
//	<ofd:PathObject ID="4" Boundary="28 36 156 200" LineWidth="0.25"><ofd:AbbreviatedData>M 0 0 L 0 200 M 11 0 L 11 200 …</ofd:AbbreviatedData></ofd:PathObject>
//	<ofd:ImageObject ID="5" Boundary="118 150 42 42" ResourceID="77"/>
//	</ofd:Layer></ofd:Content></ofd:Page>
//
// A page holds no text flow, only glyph runs placed on the page, written
// in whatever order the converter chose (a page number or all bold runs
// first, a line's digits after its Chinese, a table column by column):
// the text a person reads is rebuilt from positions alone. ofdText relies
// on this, and on nothing of a particular converter (no font IDs, no
// coordinates of a particular file, no object IDs):
//   - a run (ofd:TextCode) stands at (Boundary.x + X, Boundary.y + Y),
//     Y being its baseline; a code without X or Y goes on where the one
//     before it ended; its glyphs advance by its DeltaX ("g N v" is N
//     advances of v), the last glyph by the object's Size (half of it for
//     an ASCII glyph);
//   - runs whose baselines lie within a third of the body size of each
//     other are one line, read left to right; lines are read top to
//     bottom; a gap of more than two glyphs inside a line is written as
//     two ideographic spaces (a 版记's issuer and its 印发 date);
//   - a page's number ("— 3 —", "- 3 -", "第3页", a bare number at the
//     foot) and a running header or footer (a line written again at the
//     same height on several pages, in the top or bottom tenth of the
//     page) are dropped; PathObjects and ImageObjects are no text;
//   - lines are joined into paragraphs with no separator (Chinese): a
//     line that starts at the body's left edge continues the line before
//     it when that one runs to the body's right edge (a justified line),
//     across a page break too, so a sentence cut at a page's foot reads
//     on; a line indented, or after a short line, opens a paragraph; lines
//     of a large type set apart from the body (a title over two lines),
//     neither indented to the body, are one paragraph; the body's edges
//     are the most common starts and ends of its lines;
//   - a table is found from its vertical rules (PathObject subpaths
//     "M x a L x b" at least a few mm long, in any object, at their
//     absolute positions): their x positions are its column edges, its
//     extent theirs; its rows are the spans between its horizontal rules
//     ("M a y L b y"), so a cell vertically centred in a tall row is read
//     with the row, not by its baseline. Without vertical rules a block of
//     at least three lines cut by wide gaps (one of them into three runs
//     or more; a line between two such lines, a centred cell's other line,
//     is the block's too) is a table, its column edges the x ranges no run
//     covers; without
//     horizontal rules a row starts at each run of the first column (the
//     runs nearest it by baseline its row). A cell's lines are joined
//     without separators, but two numbers on two lines (two phones) by
//     "、". A table continued on the next page is one table; its header
//     row repeated there is dropped;
//   - a table whose column names each row's measures (对应措施 "20、22—25")
//     is rewritten as contacts by measure (see odtByMeasure); any other
//     table is written as TAB-separated rows (see normalizeTabTables).
//
// The text is handed to the layout readers as any guide's: numbered
// measures, 责任单位 lines, the title, issuer, 文号 and date from the head.
// Page chunks are read in the order of their file comment
// (Doc_0/Pages/Page_N), else as they stand; the reader is lenient (see
// xmlTree): a damaged chunk still gives the runs it holds, and a text
// without OFD page content comes back unchanged.

// ofdNamespace marks OFD page content.
var ofdNamespace = regexp.MustCompile(`ofdspec\.org|<ofd:Page[\s>]`)

// ofdPageFile is the comment naming a page's file.
var ofdPageFile = regexp.MustCompile(`Pages/Page_(\d{1,5})/Content\.xml`)

// ofdPageNumber is a page's printed number.
var ofdPageNumber = regexp.MustCompile(`^(?:[—\-－–~～·•]+\s*\d{1,4}\s*[—\-－–~～·•]+|第\s*\d{1,4}\s*页(?:\s*[/，,共]\s*\d{1,4}\s*页?)?|\d{1,4}(?:\s*/\s*\d{1,4})?)$`)

// ofdRun is one TextCode placed on its page.
type ofdRun struct {
	x, y, end, size float64
	text            string
}

// ofdRule is one straight rule: vertical (x, from y0 to y1) or horizontal
// (y, from x0 to x1).
type ofdRule struct {
	at, from, to float64
	vertical     bool
}

// ofdPage is one page's runs and rules.
type ofdPage struct {
	index         int
	runs          []ofdRun
	rules         []ofdRule
	height        float64
	order         int
	hasIndexLabel bool
}

// ofdLine is a line of runs on one baseline (or a table row).
type ofdLine struct {
	page           int
	y, x, end      float64
	size           float64
	text           string
	table          *ofdTable
	dropped, first bool
}

// ofdTable is a table's rows of cells.
type ofdTable struct {
	cols int
	rows [][]string
}

// isOFD reports whether text holds OFD page content with text runs.
func isOFD(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	if !strings.HasPrefix(head, "<") || !strings.Contains(text, "TextCode") {
		return false
	}
	return ofdNamespace.MatchString(head[:min(len(head), 4000)])
}

// ofdText: see above. It returns the text a person reads, what it could
// not read and the copies a corrupted copy's reading dropped (see
// dropEarlierCopies), or text unchanged.
func ofdText(text string) (string, []Unread, []Duplicate) {
	if !isOFD(text) {
		return text, nil, nil
	}
	var pages []*ofdPage
	var unread []Unread
	single, copies := dropEarlierCopies(text)
	for _, chunk := range ofdChunks(single) {
		root, u := xmlTree(chunk)
		unread = append(unread, u...)
		for _, pg := range root.all(func(n *xmlNode) bool { return n.name == "page" }) {
			p := &ofdPage{order: len(pages), height: 297}
			if m := ofdPageFile.FindStringSubmatch(chunk); m != nil {
				p.index, _ = strconv.Atoi(m[1])
				p.hasIndexLabel = true
			}
			if box := ofdNumbers(pg.value("physicalbox")); len(box) == 4 && box[3] > 10 {
				p.height = box[3]
			} else if a := pg.child("area"); a != nil {
				if box := ofdNumbers(a.value("physicalbox")); len(box) == 4 && box[3] > 10 {
					p.height = box[3]
				}
			}
			p.read(pg)
			pages = append(pages, p)
		}
	}
	labelled := true
	for _, p := range pages {
		labelled = labelled && p.hasIndexLabel
	}
	if labelled {
		slices.SortStableFunc(pages, func(a, b *ofdPage) int { return cmp.Compare(a.index, b.index) })
	}
	runs := 0
	for _, p := range pages {
		runs += len(p.runs)
	}
	if runs == 0 {
		return text, unread, nil
	}
	var lines []ofdLine
	for i, p := range pages {
		lines = append(lines, p.lines(i)...)
	}
	ofdDropRepeated(lines, pages)
	paras := ofdParagraphs(lines)
	ofdMarkTitle(paras)
	out, _ := numberedText(paras, func(docxPara, int, bool) string { return "" })
	if strings.TrimSpace(out) == "" {
		return text, unread, nil
	}
	return out, unread, copies
}

// ofdChunks cuts text at each XML declaration: one document each.
func ofdChunks(text string) []string {
	var out []string
	for {
		i := strings.Index(text[min(len(text), 1):], "<?xml")
		if i < 0 {
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return append(out, text)
}

// ofdNumbers reads the numbers of a Boundary or a box.
func ofdNumbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return out
		}
		out = append(out, v)
	}
	return out
}

// ofdDeltas reads a DeltaX (or DeltaY): numbers, "g N v" for N advances of v.
func ofdDeltas(s string) []float64 {
	f := strings.Fields(s)
	var out []float64
	for i := 0; i < len(f) && len(out) < 10000; i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, err1 := strconv.Atoi(f[i+1])
			v, err2 := strconv.ParseFloat(f[i+2], 64)
			i += 2
			if err1 != nil || err2 != nil || n < 0 {
				continue
			}
			for range min(n, 10000) {
				out = append(out, v)
			}
			continue
		}
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// read collects a page's runs and rules from every object under it.
func (p *ofdPage) read(pg *xmlNode) {
	for _, o := range pg.all(func(n *xmlNode) bool { return n.name == "textobject" || n.name == "pathobject" }) {
		box := ofdNumbers(o.attr["boundary"])
		for len(box) < 4 {
			box = append(box, 0)
		}
		if o.name == "pathobject" {
			p.readPath(box, o.value("abbreviateddata"))
			continue
		}
		size, err := strconv.ParseFloat(o.attr["size"], 64)
		if err != nil || size <= 0 || size > 200 {
			size = 5
		}
		x, y := 0.0, 0.0
		for _, c := range o.kids {
			if c.name != "textcode" {
				continue
			}
			t := c.text.String()
			t = strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == '\t' {
					return -1
				}
				return r
			}, t)
			if v, err := strconv.ParseFloat(c.attr["x"], 64); err == nil {
				x = v
			}
			if v, err := strconv.ParseFloat(c.attr["y"], 64); err == nil {
				y = v
			}
			d := ofdDeltas(c.attr["deltax"])
			w := 0.0
			rs := []rune(t)
			for i := range rs {
				if i < len(rs)-1 {
					if i < len(d) {
						w += d[i]
					} else {
						w += ofdGlyph(rs[i], size)
					}
				} else {
					w += ofdGlyph(rs[i], size)
				}
			}
			if strings.TrimSpace(t) != "" {
				p.runs = append(p.runs, ofdRun{x: box[0] + x, y: box[1] + y, end: box[0] + x + w, size: size, text: t})
			}
			x += w
		}
	}
}

// ofdGlyph is a glyph's width: a full em, half of it for ASCII.
func ofdGlyph(r rune, size float64) float64 {
	if r < 0x80 {
		return size / 2
	}
	return size
}

// readPath collects the straight rules of a path (M/L subpaths).
func (p *ofdPage) readPath(box []float64, data string) {
	f := strings.Fields(data)
	var cx, cy float64
	have := false
	for i := 0; i < len(f); i++ {
		op := f[i]
		if op != "M" && op != "L" && op != "S" {
			continue
		}
		if i+2 >= len(f) {
			break
		}
		x, err1 := strconv.ParseFloat(f[i+1], 64)
		y, err2 := strconv.ParseFloat(f[i+2], 64)
		i += 2
		if err1 != nil || err2 != nil {
			have = false
			continue
		}
		if op == "L" && have {
			ax, ay, bx, by := box[0]+cx, box[1]+cy, box[0]+x, box[1]+y
			switch {
			case math.Abs(ax-bx) < 0.2 && math.Abs(ay-by) >= 3:
				p.rules = append(p.rules, ofdRule{at: ax, from: min(ay, by), to: max(ay, by), vertical: true})
			case math.Abs(ay-by) < 0.2 && math.Abs(ax-bx) >= 3:
				p.rules = append(p.rules, ofdRule{at: ay, from: min(ax, bx), to: max(ax, bx)})
			}
		}
		cx, cy, have = x, y, true
	}
}

// ofdBaselines groups runs into lines by baseline (see above), each line's
// runs left to right, lines top to bottom.
func ofdBaselines(runs []ofdRun) [][]ofdRun {
	rs := slices.Clone(runs)
	slices.SortStableFunc(rs, func(a, b ofdRun) int { return cmp.Compare(a.y, b.y) })
	var out [][]ofdRun
	for _, r := range rs {
		if n := len(out); n > 0 {
			l := out[n-1]
			if r.y-l[0].y <= max(0.5, min(l[0].size, r.size)/3) {
				out[n-1] = append(l, r)
				continue
			}
		}
		out = append(out, []ofdRun{r})
	}
	for _, l := range out {
		slices.SortStableFunc(l, func(a, b ofdRun) int { return cmp.Compare(a.x, b.x) })
	}
	return out
}

// ofdJoin writes a line's runs left to right, a wide gap as two
// ideographic spaces.
func ofdJoin(l []ofdRun) string {
	var b strings.Builder
	for i, r := range l {
		if i > 0 && r.x-l[i-1].end > 2*max(r.size, l[i-1].size) {
			b.WriteString("　　")
		}
		b.WriteString(r.text)
	}
	return b.String()
}

// lines is a page's lines, its tables as lines of their own at their
// place.
func (p *ofdPage) lines(page int) []ofdLine {
	runs := p.runs
	var out []ofdLine
	for _, t := range ofdRuledTables(p) {
		var inside, outside []ofdRun
		for _, r := range runs {
			if r.y > t.top && r.y < t.bottom && r.x >= t.left-1 && r.x < t.right+1 {
				inside = append(inside, r)
			} else {
				outside = append(outside, r)
			}
		}
		runs = outside
		if tb := t.read(inside); tb != nil {
			out = append(out, ofdLine{page: page, y: t.top, table: tb})
		}
	}
	ls := ofdBaselines(runs)
	tables := ofdGapTables(ls)
	for i := 0; i < len(ls); i++ {
		if t, ok := tables[i]; ok {
			out = append(out, ofdLine{page: page, y: ls[i][0].y, table: t.table})
			i = t.last
			continue
		}
		l := ls[i]
		size := 0.0
		for _, r := range l {
			size = max(size, r.size)
		}
		end := l[0].end
		for _, r := range l {
			end = max(end, r.end)
		}
		out = append(out, ofdLine{page: page, y: l[0].y, x: l[0].x, end: end, size: size, text: ofdJoin(l)})
	}
	slices.SortStableFunc(out, func(a, b ofdLine) int { return cmp.Compare(a.y, b.y) })
	return out
}

// ofdGrid is a table's frame: its column edges and row edges.
type ofdGrid struct {
	left, right, top, bottom float64
	cols, rows               []float64
}

// ofdRuledTables finds a page's tables from its vertical rules (see
// above).
func ofdRuledTables(p *ofdPage) []*ofdGrid {
	var vs []ofdRule
	for _, r := range p.rules {
		if r.vertical {
			vs = append(vs, r)
		}
	}
	slices.SortFunc(vs, func(a, b ofdRule) int { return cmp.Compare(a.from, b.from) })
	// Rules overlapping in height are one table's.
	var groups [][]ofdRule
	for _, v := range vs {
		placed := false
		for gi, g := range groups {
			if v.from < g[0].to-1 && v.to > g[0].from+1 {
				groups[gi] = append(g, v)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []ofdRule{v})
		}
	}
	var out []*ofdGrid
	for _, g := range groups {
		t := &ofdGrid{top: g[0].from, bottom: g[0].to}
		var xs []float64
		for _, v := range g {
			t.top, t.bottom = min(t.top, v.from), max(t.bottom, v.to)
			xs = append(xs, v.at)
		}
		t.cols = ofdDistinct(xs, 1)
		if len(t.cols) < 3 {
			continue
		}
		t.left, t.right = t.cols[0], t.cols[len(t.cols)-1]
		var ys []float64
		for _, h := range p.rules {
			if !h.vertical && h.at >= t.top-0.5 && h.at <= t.bottom+0.5 && h.from < t.left+(t.right-t.left)/2 && h.to > t.left+(t.right-t.left)/2 {
				ys = append(ys, h.at)
			}
		}
		ys = append(ys, t.top, t.bottom)
		t.rows = ofdDistinct(ys, 1)
		out = append(out, t)
	}
	return out
}

// ofdDistinct sorts values and merges those within tol of each other.
func ofdDistinct(vs []float64, tol float64) []float64 {
	vs = slices.Clone(vs)
	slices.Sort(vs)
	var out []float64
	for _, v := range vs {
		if len(out) > 0 && v-out[len(out)-1] < tol {
			continue
		}
		out = append(out, v)
	}
	return out
}

// read places a ruled table's runs in its cells: rows between its
// horizontal rules (or, with none inside, by the first column's runs).
func (t *ofdGrid) read(runs []ofdRun) *ofdTable {
	if len(runs) == 0 {
		return nil
	}
	col := func(r ofdRun) int {
		mid := r.x + (r.end-r.x)/2
		for k := 1; k < len(t.cols); k++ {
			if r.x < t.cols[k]-0.3 || mid < t.cols[k] {
				return k - 1
			}
		}
		return len(t.cols) - 2
	}
	rows := t.rows
	if len(rows) <= 2 {
		rows = ofdAnchorRows(runs, col, t.top, t.bottom)
	}
	return ofdCells(runs, col, rows, len(t.cols)-1)
}

// ofdAnchorRows makes row edges halfway between the baselines of the
// first column's lines: each row's runs those nearest its first cell.
func ofdAnchorRows(runs []ofdRun, col func(ofdRun) int, top, bottom float64) []float64 {
	var anchors []float64
	for _, l := range ofdBaselines(runs) {
		for _, r := range l {
			if col(r) == 0 {
				anchors = append(anchors, l[0].y)
				break
			}
		}
	}
	if len(anchors) < 2 {
		return []float64{top, bottom}
	}
	out := []float64{top}
	for i := 1; i < len(anchors); i++ {
		out = append(out, (anchors[i-1]+anchors[i])/2)
	}
	return append(out, bottom)
}

// ofdCells writes runs into rows (between consecutive row edges) and
// columns.
func ofdCells(runs []ofdRun, col func(ofdRun) int, rows []float64, cols int) *ofdTable {
	t := &ofdTable{cols: cols}
	for i := 0; i+1 < len(rows); i++ {
		cells := make([][]ofdRun, cols)
		n := 0
		for _, r := range runs {
			// A run belongs to the row holding its glyphs' middle.
			mid := r.y - r.size*0.35
			if mid >= rows[i] && mid < rows[i+1] || i == 0 && mid < rows[0] || i+2 == len(rows) && mid >= rows[i+1] {
				k := min(max(col(r), 0), cols-1)
				cells[k] = append(cells[k], r)
				n++
			}
		}
		if n == 0 {
			continue
		}
		row := make([]string, cols)
		for k, c := range cells {
			row[k] = ofdCellText(c)
		}
		t.rows = append(t.rows, row)
	}
	if len(t.rows) == 0 {
		return nil
	}
	return t
}

// ofdCellText joins a cell's lines without separators, two numbers on
// two lines by 、.
func ofdCellText(runs []ofdRun) string {
	var b strings.Builder
	for _, l := range ofdBaselines(runs) {
		s := strings.TrimSpace(ofdJoin(l))
		if s == "" {
			continue
		}
		if prev := b.String(); prev != "" {
			last, _ := utf8.DecodeLastRuneInString(prev)
			first, _ := utf8.DecodeRuneInString(s)
			if unicode.IsDigit(last) && unicode.IsDigit(first) {
				b.WriteString("、")
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// ofdGapTable is a table found by its gaps: the lines it spans.
type ofdGapTable struct {
	last  int
	table *ofdTable
}

// ofdSegments cuts a line at its wide gaps.
func ofdSegments(l []ofdRun) [][2]float64 {
	var out [][2]float64
	for i, r := range l {
		if i > 0 && r.x-l[i-1].end <= 2*max(r.size, l[i-1].size) {
			out[len(out)-1][1] = max(out[len(out)-1][1], r.end)
			continue
		}
		out = append(out, [2]float64{r.x, r.end})
	}
	return out
}

// ofdGapTables finds tables without rules (see above), by the index of
// their first line.
func ofdGapTables(ls [][]ofdRun) map[int]ofdGapTable {
	out := map[int]ofdGapTable{}
	for i := 0; i < len(ls); {
		// A block of lines cut by wide gaps (one line in three cells or
		// more); a line between two such lines (a centred cell's other
		// line) is the block's too.
		cut := func(k int) bool { return len(ofdSegments(ls[k])) >= 2 }
		j, wide := i, false
		for j < len(ls) {
			if cut(j) {
				wide = wide || len(ofdSegments(ls[j])) >= 3
				j++
				continue
			}
			if j > i && j+1 < len(ls) && cut(j+1) {
				j++
				continue
			}
			if j > i && j+2 < len(ls) && !cut(j+1) && cut(j+2) && ls[j+2][0].y-ls[j][0].y < 4*ls[j][0].size {
				j += 2
				continue
			}
			break
		}
		for j > i && !cut(j-1) {
			j--
		}
		if j-i < 3 || !wide {
			i = max(j, i+1)
			continue
		}
		// Column edges: the x ranges no segment covers.
		var segs [][2]float64
		var runs []ofdRun
		for k := i; k < j; k++ {
			segs = append(segs, ofdSegments(ls[k])...)
			runs = append(runs, ls[k]...)
		}
		slices.SortFunc(segs, func(a, b [2]float64) int { return cmp.Compare(a[0], b[0]) })
		edges := []float64{segs[0][0] - 1}
		reach := segs[0][1]
		for _, s := range segs[1:] {
			if s[0] > reach {
				edges = append(edges, (reach+s[0])/2)
			}
			reach = max(reach, s[1])
		}
		edges = append(edges, reach+1)
		if len(edges) < 4 {
			i = j
			continue
		}
		col := func(r ofdRun) int {
			for k := 1; k < len(edges); k++ {
				if r.x < edges[k] {
					return k - 1
				}
			}
			return len(edges) - 2
		}
		top, bottom := ls[i][0].y-10, ls[j-1][0].y+10
		if t := ofdCells(runs, col, ofdAnchorRows(runs, col, top, bottom), len(edges)-1); t != nil {
			out[i] = ofdGapTable{last: j - 1, table: t}
		}
		i = j
	}
	return out
}

// ofdDropRepeated marks page numbers and running headers and footers (see
// above) as dropped.
func ofdDropRepeated(lines []ofdLine, pages []*ofdPage) {
	height := func(l ofdLine) float64 {
		if l.page < len(pages) {
			return pages[l.page].height
		}
		return 297
	}
	margin := func(l ofdLine) bool {
		h := height(l)
		return l.y < h*0.1 || l.y > h*0.9
	}
	seen := map[string]map[int]bool{}
	key := func(l ofdLine) string {
		return strconv.Itoa(int(math.Round(l.y))) + "|" + strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, l.text)
	}
	for _, l := range lines {
		if l.table == nil && margin(l) {
			k := key(l)
			if seen[k] == nil {
				seen[k] = map[int]bool{}
			}
			seen[k][l.page] = true
		}
	}
	for i := range lines {
		l := &lines[i]
		if l.table != nil {
			continue
		}
		t := strings.TrimSpace(strings.ReplaceAll(l.text, "　", " "))
		if ofdPageNumber.MatchString(strings.Join(strings.Fields(t), "")) && (margin(*l) || l.y > height(*l)*0.8) {
			l.dropped = true
			continue
		}
		if margin(*l) && len(pages) >= 3 && len(seen[key(*l)]) >= 3 {
			l.dropped = true
		}
	}
}

// ofdMode is the most common value of vs rounded to half a mm.
func ofdMode(vs []float64) (float64, bool) {
	count := map[int]int{}
	best, most := 0, 0
	for _, v := range vs {
		k := int(math.Round(v * 2))
		count[k]++
		if count[k] > most || count[k] == most && k < best {
			best, most = k, count[k]
		}
	}
	return float64(best) / 2, most >= 2
}

// ofdSerialHeader names a column of row numbers.
var ofdSerialHeader = regexp.MustCompile(`^(?:序号|编号|行号|No\.?)$`)

// ofdSerial is a row number.
var ofdSerial = regexp.MustCompile(`^\d{1,4}$`)

// ofdDropSerial drops a table's column of row numbers (序号 1, 2, 3 …): the
// contacts by measure number their own rows.
func ofdDropSerial(rows [][]string) [][]string {
	if len(rows) < 2 {
		return rows
	}
	for k, h := range rows[0] {
		if !ofdSerialHeader.MatchString(stripSpace(h)) {
			continue
		}
		for _, r := range rows[1:] {
			if k < len(r) && strings.TrimSpace(r[k]) != "" && !ofdSerial.MatchString(strings.TrimSpace(r[k])) {
				return rows
			}
		}
		out := make([][]string, len(rows))
		for i, r := range rows {
			if k < len(r) {
				r = append(slices.Clone(r[:k]), r[k+1:]...)
			}
			out[i] = r
		}
		return out
	}
	return rows
}

// ofdLeftEdge is the body's left edge: the leftmost start (to half a mm)
// of at least a tenth of the lines, and two.
func ofdLeftEdge(vs []float64) (float64, bool) {
	count := map[int]int{}
	for _, v := range vs {
		count[int(math.Round(v*2))]++
	}
	best, ok := 0, false
	for k, n := range count {
		if n >= 2 && n*10 >= len(vs) && (!ok || k < best) {
			best, ok = k, true
		}
	}
	return float64(best) / 2, ok
}

// ofdMarkTitle marks as the title the first paragraph before the first
// section heading that reads as a notice's title (see odtTitle), and the
// section headings as headings.
func ofdMarkTitle(paras []docxPara) {
	titled := false
	for i := range paras {
		p := &paras[i]
		if p.row {
			continue
		}
		t := stripSpace(p.text)
		if sectionHead.MatchString(t) {
			p.heading = true
			titled = true
			continue
		}
		if !titled && odtTitle.MatchString(t) {
			p.title, titled = true, true
		}
	}
}

// ofdParagraphs joins the lines into paragraphs (see above), a table as
// its rows (a blank line after them), a 责任单位 line as the clause closing
// the paragraph before it (see odtDutyClauses).
func ofdParagraphs(lines []ofdLine) []docxPara {
	var starts, ends, sizes []float64
	for _, l := range lines {
		if l.dropped || l.table != nil || utf8.RuneCountInString(l.text) < 8 {
			continue
		}
		starts = append(starts, l.x)
		ends = append(ends, l.end)
		sizes = append(sizes, l.size)
	}
	left, okL := ofdLeftEdge(starts)
	right, okR := ofdMode(ends)
	body, _ := ofdMode(sizes)
	if body <= 0 {
		body = 5
	}
	var out, tail []docxPara
	var prev *ofdLine
	var tables []*ofdTable
	flushTables := func() {
		if len(tables) == 0 {
			return
		}
		var rows [][]string
		for _, t := range tables {
			for _, r := range t.rows {
				if len(rows) > 0 && slices.Equal(r, rows[0]) {
					continue // the header again, on the next page
				}
				rows = append(rows, r)
			}
		}
		if by := odtByMeasure(ofdDropSerial(rows)); by != nil {
			// Contacts by measure close the text: the lines after a
			// table would read as its last row's cells.
			for _, r := range by {
				tail = append(tail, docxPara{text: strings.Join(r, "\t"), row: true})
			}
			tables = nil
			return
		}
		for _, r := range rows {
			out = append(out, docxPara{text: strings.Join(r, "\t"), row: true})
		}
		out = append(out, docxPara{})
		tables = nil
	}
	for i := range lines {
		l := &lines[i]
		if l.dropped {
			continue
		}
		if l.table != nil {
			if len(tables) > 0 && tables[len(tables)-1].cols != l.table.cols {
				flushTables()
			}
			tables = append(tables, l.table)
			prev = nil
			continue
		}
		flushTables()
		atLeft := okL && math.Abs(l.x-left) < body/2
		cont := false
		if prev != nil && len(out) > 0 {
			size := math.Abs(l.size-prev.size) < 0.3
			switch {
			case okL && okR && atLeft && size && prev.end >= right-body*0.8 && l.size <= body+0.3:
				cont = true // a justified line goes on
			case size && l.size > body+0.5 && !atLeft && l.page == prev.page && l.y-prev.y < 2*l.size:
				cont = true // a title over two lines
			}
		}
		if cont {
			out[len(out)-1].text += strings.TrimSpace(l.text)
		} else {
			out = append(out, docxPara{text: strings.TrimSpace(l.text)})
		}
		prev = l
	}
	flushTables()
	// A 责任单位 paragraph closes the paragraph before it.
	var kept []docxPara
	for _, p := range out {
		if n := len(kept); n > 0 && odtDuty.MatchString(p.text) && !kept[n-1].row && strings.TrimSpace(kept[n-1].text) != "" &&
			!sectionHead.MatchString(stripSpace(kept[n-1].text)) {
			kept[n-1].text += "（" + strings.TrimSpace(p.text) + "）"
			continue
		}
		kept = append(kept, p)
	}
	return append(ofdDropIssueLine(kept), tail...)
}

// ofdDropIssueLine drops a 版记's issue line ("…2022年6月27日印发") after
// the signature's date: the document's date is the signature's (see
// docxHead, which takes an issue line's first).
func ofdDropIssueLine(paras []docxPara) []docxPara {
	signed := false
	var out []docxPara
	for _, p := range paras {
		t := stripSpace(p.text)
		if !p.row && docxDateLine.MatchString(t) {
			signed = true
		}
		if signed && !p.row && docxIssueLine.MatchString(t) {
			continue
		}
		out = append(out, p)
	}
	return out
}
