package seeds

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// The text pdftotext -layout gives of a PDF that is one table (issue 20)
// lays the cells side by side at character positions, runs of spaces
// between them:
//
//	序号  政策类别  政策措施（内容）        责任单位  联系人  联系电话  执行
//	                                                               期限
//	            减免房屋租金。对承租区属国有
//	  1         房屋的服务业小微企业……      区国资中心  某某  0871-…  2022年12月31
//	            ……减免9个月。                                      日
//
// Every physical line carries fragments of several cells at their
// columns' positions: the long cells wrap inside their column (a unit
// "市人力资源和社会" / "保障局", a date "2022年12月31" / "日"), the short
// ones (序号, 联系人, 联系电话) are centred vertically in the record, so a
// record's number stands on a middle line rather than where its text
// starts; the 政策类别 is a merged cell printed once per category and page,
// centred over the category's lines. A page break leaves a footer (第 N 页
// 共 M 页), a form feed and the header row again, the columns a few
// positions off the last page's.
//
// Positions are counted in characters (runes), CJK or not: pdftotext pads
// each line with spaces up to the column it computed for the next word,
// one character per position whatever its width, so a column's fragments
// start at the same rune offset on every line of a page while their
// display widths differ.
//
// normalizeColumns rewrites such a table into the lines the parser reads,
// as normalizeGrid does: the head's lines, a section heading per category,
// each record's text under its 序号 ("N. …"), its other cells as labelled
// lines, its units, people and phones as the duty lines csvDuty pairs by
// order, then the lines after the table.

// colFrag is a run of text on a physical line, spaces inside it single.
type colFrag struct {
	start, end int // rune positions, end exclusive
	text       string
}

// colFrags cuts a line into fragments at runs of two or more spaces.
func colFrags(line string) []colFrag {
	var out []colFrag
	rs := []rune(line)
	for i := 0; i < len(rs); {
		if isColSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && !(isColSpace(rs[j]) && (j+1 >= len(rs) || isColSpace(rs[j+1]))) {
			j++
		}
		out = append(out, colFrag{start: i, end: j, text: strings.TrimRight(string(rs[i:j]), " 　")})
		i = j
	}
	return out
}

func isColSpace(r rune) bool { return r == ' ' || r == '　' || r == '\t' }

func colRoles(names []string) []string {
	return columnRoles(names, dropSpace, func(c string) string {
		if strings.Contains(c, "联系人") && (strings.Contains(c, "电话") || strings.Contains(c, "方式")) {
			return "contact"
		}
		if strings.Contains(c, "措施") && !strings.Contains(c, "名称") {
			return "政策内容"
		}
		return ""
	})
}

// colTable is one page's part of the table: its columns found from the
// header row above it.
type colTable struct {
	names, roles []string
	hs, he       []int // the header words' spans
	left         []int // where each column's cells start (see colLefts)
}

// colRow is a physical line of the table cut into its columns' cells.
type colRow struct {
	cells []string
	blank bool // no cell but the category's: a line between records
	page  int
}

// headerFrags cuts a header line into its words: at runs of spaces, and
// at single spaces too (two header words one space apart), the letters of
// a word spaced out ("序 号") joined again.
func headerFrags(line string) []colFrag {
	var out []colFrag
	for _, f := range colFrags(line) {
		at := f.start
		for k, w := range strings.Split(f.text, " ") {
			n := len([]rune(w))
			if k > 0 && n == 1 && len(out) > 0 && len([]rune(out[len(out)-1].text)) == 1 && out[len(out)-1].end == at-1 {
				out[len(out)-1].text += w
				out[len(out)-1].end = at + n
			} else if n > 0 {
				out = append(out, colFrag{start: at, end: at + n, text: w})
			}
			at += n + 1
		}
	}
	return out
}

// headerish reports whether a line may hold the rest of a header row's
// wrapped words: short fragments without digits or punctuation.
func headerish(frags []colFrag) bool {
	if len(frags) == 0 {
		return false
	}
	for _, f := range frags {
		if len([]rune(f.text)) > 6 || strings.ContainsAny(f.text, "0123456789。，；：:") {
			return false
		}
	}
	return true
}

// colHeaderAt reads the header row whose first line is lines[i]: a line
// opening with 序号, with the line under it and the line above it when
// they hold only the rest of wrapped header words ("执行" / "期限", a word
// centred above and below the others' line). A word of such a line joins
// the column it overlaps, or is a column of its own if it names one. It
// returns the table and how many lines the header takes, or nil.
func colHeaderAt(lines []string, i int) (*colTable, int) {
	frags := func(k int) []colFrag {
		if k < 0 || k >= len(lines) {
			return nil
		}
		return headerFrags(strings.ReplaceAll(lines[k], "\f", ""))
	}
	mid, above := i, false
	if f := frags(i); len(f) == 0 || dropSpace(f[0].text) != "序号" {
		if f := frags(i + 1); !headerish(frags(i)) || len(f) == 0 || dropSpace(f[0].text) != "序号" {
			return nil, 0
		}
		mid, above = i+1, true
	}
	if len(frags(mid)) < 3 {
		return nil, 0
	}
	below := frags(mid + 1)
	tries := [][2]bool{{false, true}, {false, false}}
	if above {
		tries = [][2]bool{{true, true}, {true, false}}
	}
	for _, try := range tries {
		if try[1] && !headerish(below) {
			continue
		}
		var up, down []colFrag
		if try[0] {
			up = frags(i)
		}
		if try[1] {
			down = below
		}
		if t := colHeaderLines(up, frags(mid), down); t != nil {
			n := 1
			for _, used := range try {
				if used {
					n++
				}
			}
			return t, n
		}
	}
	return nil, 0
}

// colHeaderLines builds the columns from a header's middle line and the
// wrapped words above and below it: a word joins the column it overlaps,
// or a column of words above and below at the same place, which must name
// a known column.
func colHeaderLines(up, mid, down []colFrag) *colTable {
	t := &colTable{}
	for _, f := range mid {
		t.names = append(t.names, f.text)
		t.hs = append(t.hs, f.start)
		t.he = append(t.he, f.end)
	}
	added := map[int]bool{} // columns of wrapped words alone
	place := func(f colFrag, before bool) {
		c := -1
		for k := range t.hs {
			if f.start <= t.he[k]+1 && f.end >= t.hs[k]-1 {
				c = k
			}
		}
		if c < 0 {
			k := 0
			for k < len(t.hs) && t.hs[k] < f.start {
				k++
			}
			t.names = slices.Insert(t.names, k, f.text)
			t.hs, t.he = slices.Insert(t.hs, k, f.start), slices.Insert(t.he, k, f.end)
			shifted := map[int]bool{}
			for a := range added {
				if a >= k {
					shifted[a+1] = true
				} else {
					shifted[a] = true
				}
			}
			shifted[k] = true
			added = shifted
			return
		}
		if before {
			t.names[c] = f.text + t.names[c]
		} else {
			t.names[c] += f.text
		}
		t.hs[c], t.he[c] = min(t.hs[c], f.start), max(t.he[c], f.end)
	}
	for _, f := range up {
		place(f, true)
	}
	for _, f := range down {
		place(f, false)
	}
	for _, name := range t.names {
		if len([]rune(name)) > 12 || strings.ContainsAny(name, "0123456789。，；") {
			return nil
		}
	}
	if t.roles = colRoles(t.names); t.roles == nil {
		return nil
	}
	for c := range added {
		if t.roles[c] == "" {
			return nil // a word that names no column
		}
	}
	return t
}

// colLefts finds where each column's cells start on a page: a centred
// header word stands right of its column's left edge, and a cell may start
// left of it. The edge of column c is the leftmost start of a fragment
// starting after the header word of c-1 and not after that of c (a
// number in the 序号 column aside); else the header word's start.
func (t *colTable) colLefts(lines []string) {
	t.left = make([]int, len(t.hs))
	for c := range t.hs {
		t.left[c] = t.hs[c]
		if c == 0 {
			t.left[c] = 0
			continue
		}
		for _, l := range lines {
			for _, f := range colFrags(l) {
				if f.start > t.he[c-1] && f.start < t.left[c] && !(c == 1 && isDigits(f.text)) {
					t.left[c] = f.start
				}
			}
		}
	}
}

func isDigits(s string) bool {
	s = strings.TrimRight(toHalfDigits(s), ".．、")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// column returns the column a fragment starting at p belongs to: the last
// whose cells start at p or up to a position right of it.
func (t *colTable) column(p int) int {
	c := 0
	for k, l := range t.left {
		if l <= p+1 {
			c = k
		}
	}
	return c
}

// cells cuts a line into its columns' cells. A fragment running into the
// next column with one space between them (pdftotext keeps one at least)
// is cut there: at a single space a few positions short of the next
// column's edge or header word (a centred cell's edge is not known).
func (t *colTable) cells(line string) []string {
	out := make([]string, len(t.roles))
	for _, f := range colFrags(line) {
		rs := []rune(f.text)
		from, c := 0, t.column(f.start)
		for k := 1; k < len(rs); k++ {
			if rs[k-1] == ' ' && c+1 < len(t.left) && f.start+k >= min(t.left[c+1], t.hs[c+1])-3 {
				out[c] += strings.TrimSpace(string(rs[from:k]))
				from, c = k, max(c+1, t.column(f.start+k))
			}
		}
		out[c] += strings.TrimSpace(string(rs[from:]))
	}
	return out
}

var (
	// colTailStart is a line after the table: a note, an annex.
	colTailStart = regexp.MustCompile(`^(?:备注|注[：:]|说明[：:]|附件)`)
	colTerminal  = regexp.MustCompile(`[。；;！!？?][”」』）)]?$`)
)

// normalizeColumns rewrites a pdftotext -layout table (see above) and
// returns the copies it dropped; any other text comes back unchanged.
func normalizeColumns(text string) (string, []Duplicate) {
	if !colTableIn(strings.Split(text, "\n")) {
		return text, nil
	}
	deduped, dups := dropCopies(text)
	lines := strings.Split(deduped, "\n")
	head, rows, tail, _ := colRead(lines, len(dups) > 0)
	if rows == nil {
		return text, nil
	}
	records := colRecords(rows, len(dups) > 0)
	if len(records) == 0 {
		return text, nil
	}
	out := colHead(head, tail)
	category := ""
	section := 0
	for _, r := range records {
		if r.category != "" && r.category != category {
			category = r.category
			section++
			out = append(out, Numeral(section)+"、"+category)
		}
		out = append(out, recordLines(r.number, r.cells)...)
		if r.suspect {
			continue
		}
		contacts := colContacts(r.cells["person"], r.cells["phone"])
		if c := r.cells["contact"]; c != "" {
			// One column of people and phones, read as a grid's is.
			contacts = parseGridContact(c)
		}
		if d := gridDuty(r.cells["unit"], contacts, "", ""); d != "" {
			out = append(out, d)
		}
	}
	for _, l := range tail {
		out = append(out, strings.TrimSpace(l))
	}
	return strings.Join(out, "\n"), dups
}

// colTableIn reports whether lines hold a header row of such a table with
// a line under it cut into cells of at least two columns: cheap enough to
// ask of every text.
func colTableIn(lines []string) bool {
	for i, l := range lines {
		if !strings.Contains(dropSpace(l), "序号") || strings.ContainsAny(l, "\t│┃║,") {
			continue
		}
		if t, _ := colHeaderAt(lines, i); t != nil {
			return true
		}
	}
	return false
}

// colRead reads the table: the lines above its first header row, its rows
// (each page's part cut by the columns of the header row above it), the
// lines after it, and each page's columns. corrupted says the text is a
// scrambled copy: a table line ending with 。 followed by a line that starts
// left of the text column is one line broken after its 。.
func colRead(lines []string, corrupted bool) (head []string, rows []colRow, tail []string, pages []*colTable) {
	start := -1
	for i := range lines {
		if t, _ := colHeaderAt(lines, i); t != nil {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, nil, nil, nil
	}
	head = lines[:start]
	i := start
	for i < len(lines) {
		t, n := colHeaderAt(lines, i)
		if t == nil {
			break
		}
		// The page's lines: up to the next header row or the table's end.
		j := i + n
		var body []string
		end := false
		heads := -1 // short lines skipped since a page's footer, or -1
		for ; j < len(lines); j++ {
			l := strings.ReplaceAll(lines[j], "\f", "")
			if h, _ := colHeaderAt(lines, j); h != nil {
				break
			}
			tr := strings.TrimSpace(l)
			if pageFooter.MatchString(tr) {
				heads = 0
			} else if heads >= 0 && heads < 2 && tr != "" && len([]rune(tr)) <= 30 && !strings.ContainsAny(tr, "。；;") {
				// A running head over the next page's header row ("续表").
				heads++
				continue
			}
			// A corrupted copy breaks lines after a 。: the rest of such a
			// line starts at the margin (see colJoinBroken).
			broken := corrupted && len(body) > 0 && strings.HasSuffix(strings.TrimRight(body[len(body)-1], " 　"), "。")
			if colEnds(lines, j, t, broken) {
				end = true
				break
			}
			body = append(body, l)
		}
		t.colLefts(body)
		if corrupted {
			body = colJoinBroken(body, t)
		}
		pages = append(pages, t)
		for _, l := range body {
			tr := strings.TrimSpace(l)
			if pageFooter.MatchString(tr) {
				continue
			}
			r := colRow{page: len(pages) - 1}
			if tr == "" {
				r.blank = true
				r.cells = make([]string, len(colCanon))
			} else {
				r.cells = colRoleCells(t, t.cells(l))
				r.blank = true
				for k, v := range r.cells {
					if v != "" && colCanon[k] != "category" {
						r.blank = false
					}
				}
			}
			rows = append(rows, r)
		}
		i = j
		if end {
			break
		}
	}
	return head, rows, lines[i:], pages
}

// colCanon are the columns rows are kept in, whatever a page's order.
var colCanon = []string{"seq", "category", "title", "政策内容", "适用对象", "办理方式", "执行期限", "unit", "person", "phone", "contact"}

// colRoleCells puts a page's cells in colCanon's order.
func colRoleCells(t *colTable, cells []string) []string {
	out := make([]string, len(colCanon))
	for c, v := range cells {
		role := t.roles[c]
		if c == 0 {
			role = "seq"
		}
		for k, name := range colCanon {
			if name == role {
				out[k] += v
			}
		}
	}
	return out
}

func colCell(cells []string, role string) string {
	for k, name := range colCanon {
		if name == role {
			return cells[k]
		}
	}
	return ""
}

// colEnds reports whether the table ends at lines[j]: a note or annex
// line, a line opening in the 序号 column with no number and running past
// the text column's header (a paragraph at the margin), a fragment wider
// than two columns, or the
// signature (an office, a date on the next line). broken says the line
// before ends with a 。 in a corrupted copy: a line at the margin may be
// its rest.
func colEnds(lines []string, j int, t *colTable, broken bool) bool {
	l := strings.ReplaceAll(lines[j], "\f", "")
	frags := colFrags(l)
	if len(frags) == 0 || pageFooter.MatchString(strings.TrimSpace(l)) {
		return false
	}
	if colTailStart.MatchString(frags[0].text) {
		return true
	}
	if !broken && len(t.hs) > 2 && frags[0].start < t.hs[1]-1 && !isDigits(frags[0].text) && frags[0].end > t.hs[2] {
		return true
	}
	widest := 0
	for c := 1; c < len(t.hs); c++ {
		widest = max(widest, t.hs[c]-t.hs[c-1])
	}
	for _, f := range frags {
		// A cell's line is at most its column wide, in runes up to twice
		// as many as CJK (digits and Latin are narrower).
		if f.end-f.start > max(2*widest, 40) {
			return true
		}
	}
	if len(frags) == 1 && gridIssuer.MatchString(frags[0].text) {
		for k := j + 1; k < len(lines); k++ {
			if s := strings.TrimSpace(lines[k]); s != "" {
				return gridDate.MatchString(s)
			}
		}
	}
	return false
}

// colJoinBroken joins a line ending with 。 to the next when the next
// starts left of the text column with no number or category there: the
// rest of one physical line, broken after the 。 by a corrupted copy.
func colJoinBroken(body []string, t *colTable) []string {
	text := -1
	for c, r := range t.roles {
		if r == "政策内容" || r == "title" && text < 0 {
			text = c
		}
	}
	if text < 0 {
		return body
	}
	var out []string
	for i := 0; i < len(body); i++ {
		l := body[i]
		for strings.HasSuffix(strings.TrimRight(l, " 　"), "。") && i+1 < len(body) {
			next := colFrags(body[i+1])
			if len(next) == 0 || next[0].start >= t.left[text]-1 || isDigits(next[0].text) ||
				pageFooter.MatchString(strings.TrimSpace(body[i+1])) ||
				next[0].start >= t.left[1]-1 && len([]rune(next[0].text)) <= 6 && !strings.ContainsAny(next[0].text, "。，、；0123456789") {
				break
			}
			i++
			l += body[i]
		}
		out = append(out, l)
	}
	return out
}

// colRecord is one record read from the rows.
type colRecord struct {
	number       int
	cells        map[string]string
	category     string
	at, from, to int  // the rows of its number, its first and last
	suspect      bool // its cells may be another record's (see colRecords)
}

// colRecords splits the rows into records by their numbers and joins each
// record's cells.
//
// A record's number is centred in it, so the lines between two numbers
// belong to the record above (its lower half) or to the one below (its
// upper half). Where they split is chosen for the whole table at once
// (dynamic programming over the splits) by what each split costs: a split
// where no blank line separates the records costs (a page break less), one
// whose text above does not end a sentence costs more (the text column is
// the record's tallest, so a record's text ends where its lines do), a
// split through a short column's cell (a unit or phone over two lines)
// costs, a blank line inside a record costs (a line holding only a 政策类别
// label is none: the merged label is printed where its cell's middle
// falls, between two lines of one record too), and each record costs how
// far its number stands from its middle on its page (a number on the
// record's first line costs little: some are printed there). A record's
// short cells (unit, person, phone, 执行期限) are centred around its own
// number as one run of lines each (a date wrapped over two or three lines
// is one record's: a split through it costs, a date ending above the split
// and one beginning below it mark the records' edge, and two dates in one
// record's run cost): a record whose short column stops and
// starts again on its number's page holds lines of another record (two
// dates joined, a date wrapped over three lines cut off from its record)
// and costs for each run more; a record with no short cell at all, where
// the table has them, is rarely whole (a title sentence alone on its
// number's line, its text going on below).
//
// In a corrupted copy a record whose unit, person or phone cells stop and
// start again lower down holds lines a moved sentence brought in: it is
// suspect, and its contacts are not written.
func colRecords(rows []colRow, corrupted bool) []colRecord {
	var at []int
	for i, r := range rows {
		if n := layoutSeq(colCell(r.cells, "seq")); n > 0 {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	firstRow, lastRow := -1, -1
	for i, r := range rows {
		if !r.blank {
			if firstRow < 0 {
				firstRow = i
			}
			lastRow = i
		}
	}
	textOf := func(i int) string {
		return colCell(rows[i].cells, "政策内容") + colCell(rows[i].cells, "title")
	}
	shortRoles := []string{"unit", "person", "phone", "执行期限"}
	hasShort := false
	for _, r := range rows {
		for _, role := range shortRoles {
			hasShort = hasShort || colCell(r.cells, role) != ""
		}
	}
	// labelOnly: a line holding a 政策类别 label and nothing else.
	labelOnly := func(i int) bool {
		return rows[i].blank && colCell(rows[i].cells, "category") != ""
	}
	// span returns the first and last non-blank rows of [from, to].
	span := func(from, to int) (int, int) {
		for from <= to && rows[from].blank {
			from++
		}
		for to >= from && rows[to].blank {
			to--
		}
		return from, to
	}
	recordCost := func(n, from, to int) float64 {
		s, e := span(from, to)
		if s > e {
			return 100
		}
		cost := 0.0
		// A blank line inside the record: between two of its lines on one
		// page (blank lines closing a page are the page's).
		for i := s + 1; i < e; i++ {
			if !rows[i].blank {
				continue
			}
			before, after := false, false
			for k := i - 1; k >= s && rows[k].page == rows[i].page && !before; k-- {
				before = !rows[k].blank
			}
			for k := i + 1; k <= e && rows[k].page == rows[i].page && !after; k++ {
				after = !rows[k].blank
			}
			if before && after && !labelOnly(i) {
				cost += 5
			}
		}
		// The number's place in the record's lines on its page.
		p := rows[at[n]].page
		for s < at[n] && rows[s].page != p {
			s++
		}
		for e > at[n] && rows[e].page != p {
			e--
		}
		d := math.Abs(float64(2*at[n]-s-e)) / 2
		c := max(0, d-0.5)
		if at[n] == s {
			c = min(c, 0.5)
		}
		if hasShort {
			// Each short column's runs of lines on the number's page
			// (blank lines neither end nor continue a run).
			cells := 0
			for _, role := range shortRoles {
				runs, in := 0, false
				for i := s; i <= e; i++ {
					if rows[i].blank {
						continue
					}
					v := colCell(rows[i].cells, role) != ""
					if v && !in {
						runs++
					}
					in = v
				}
				cells += runs
				if runs > 1 {
					cost += 3 * float64(runs-1)
				}
			}
			// Two dates in one run of the 执行期限 column: one ends (…日)
			// and the next begins on the line under it (2022年…).
			prev := ""
			for i := s; i <= e; i++ {
				v := colCell(rows[i].cells, "执行期限")
				if v != "" && prev != "" && colDateEnds(prev) && colDateStart.MatchString(v) {
					cost += 3
				}
				if v != "" {
					prev = v
				}
			}
			if cells == 0 {
				cost += 2
			}
		}
		return cost + c
	}
	splitCost := func(from, k, to int) float64 {
		// The record above ends at row k, the one below starts after it.
		a, b := k, k+1
		for a >= from && rows[a].blank {
			a--
		}
		for b <= to && rows[b].blank {
			b++
		}
		if a < from || b > to {
			return 0
		}
		cost := 0.0
		switch {
		case b-a > 1 && rows[a].page == rows[b].page:
		case rows[a].page != rows[b].page:
			cost += 0.5
		default:
			cost += 1
			for _, role := range []string{"unit", "person", "phone"} {
				if colCell(rows[a].cells, role) != "" && colCell(rows[b].cells, role) != "" {
					cost++
				}
			}
			// A date wrapped over lines (2022年4月1日 / 至2022年12月 /
			// 31日) is one record's: cutting it costs more, while a date
			// ending above and one beginning below is a record's edge.
			if da, db := colCell(rows[a].cells, "执行期限"), colCell(rows[b].cells, "执行期限"); da != "" && db != "" {
				switch {
				case colDateEnds(da) && colDateStart.MatchString(db):
				case !colDateEnds(da) && !colDateStart.MatchString(db):
					cost += 3
				default:
					cost++
				}
			}
		}
		for i := k; i >= from; i-- {
			if t := textOf(i); t != "" {
				if !colTerminal.MatchString(t) {
					cost += 4
				}
				break
			}
		}
		return cost
	}
	// best[n][k]: the least cost of records 0..n with record n ending at
	// row k (at[n] <= k < at[n+1]); from[n][k] the end of record n-1.
	type choice struct {
		cost float64
		prev int
	}
	best := make([]map[int]choice, len(at))
	for n := range at {
		best[n] = map[int]choice{}
		hi := lastRow
		if n+1 < len(at) {
			hi = at[n+1] - 1
		}
		for k := at[n]; k <= max(hi, at[n]); k++ {
			var sc float64
			if n+1 < len(at) {
				sc = splitCost(at[n], k, at[n+1])
			}
			if n == 0 {
				best[n][k] = choice{recordCost(n, firstRow, k) + sc, -1}
				continue
			}
			c := choice{cost: math.Inf(1)}
			for pk, pc := range best[n-1] {
				if v := pc.cost + recordCost(n, pk+1, k) + sc; v < c.cost || v == c.cost && pk < c.prev {
					c = choice{v, pk}
				}
			}
			best[n][k] = c
		}
	}
	ends := make([]int, len(at))
	last := len(at) - 1
	ends[last] = max(lastRow, at[last])
	for n := last; n > 0; n-- {
		ends[n-1] = best[n][ends[n]].prev
	}
	var out []colRecord
	for n := range at {
		from := firstRow
		if n > 0 {
			from = ends[n-1] + 1
		}
		r := colRecord{number: layoutSeq(colCell(rows[at[n]].cells, "seq")), cells: map[string]string{}, at: at[n]}
		r.from, r.to = span(from, ends[n])
		for k, role := range colCanon {
			var ls []string
			for i := r.from; i <= r.to; i++ {
				if v := rows[i].cells[k]; v != "" {
					ls = append(ls, v)
				}
			}
			if corrupted && (role == "unit" || role == "person" || role == "phone" || role == "contact") {
				seen, gap := false, false
				for i := r.from; i <= r.to; i++ {
					switch v := rows[i].cells[k]; {
					case v != "" && gap:
						r.suspect = true
					case v != "":
						seen = true
					case seen:
						gap = true
					}
				}
			}
			switch role {
			case "seq", "category":
				continue
			case "unit":
				r.cells[role] = gridJoin(ls, "unit")
			case "phone", "contact":
				r.cells[role] = gridJoin(ls, role)
			case "person":
				r.cells[role] = strings.Join(ls, "\n")
			default:
				r.cells[role] = strings.Join(ls, "")
			}
		}
		out = append(out, r)
	}
	colCategories(rows, out)
	if corrupted {
		// A record out of the order of 序号 is suspect, and so is the one
		// before it: a moved sentence carried a record's number with the
		// cells beside it (see gridRecords).
		for i := 1; i < len(out); i++ {
			if out[i].number != out[i-1].number+1 {
				out[i].suspect, out[i-1].suspect = true, true
			}
		}
	}
	// The records in the order of their numbers, a number read twice kept
	// once.
	slices.SortStableFunc(out, func(a, b colRecord) int { return a.number - b.number })
	return slices.CompactFunc(out, func(a, b colRecord) bool { return a.number == b.number })
}

// layoutSeq reads a 序号 cell.
func layoutSeq(s string) int {
	if !isDigits(s) {
		return 0
	}
	return rowNumberOf(strings.TrimRight(dropSpace(toHalfDigits(s)), ".．、"))
}

// colCategories gives each record its category. A category is a merged
// cell printed once on each page it starts on, centred over its records'
// lines there (on a record's line or alone on a blank line between two),
// wrapped over lines of its own: its block is found from the page's end
// up, each label's block ending where the one below starts and starting as
// far above the label's middle as it ends below it. Records above a page's
// first block carry the category of the page before.
func colCategories(rows []colRow, recs []colRecord) {
	type label struct {
		text   string
		centre float64
		page   int
	}
	var labels []label
	for i := 0; i < len(rows); i++ {
		c := colCell(rows[i].cells, "category")
		if c == "" {
			continue
		}
		j := i
		for j+1 < len(rows) && colCell(rows[j+1].cells, "category") != "" && rows[j+1].page == rows[i].page {
			j++
			c += colCell(rows[j].cells, "category")
		}
		labels = append(labels, label{c, float64(i+j) / 2, rows[i].page})
		i = j
	}
	if len(labels) == 0 {
		return
	}
	carried := ""
	for page := 0; page <= rows[len(rows)-1].page; page++ {
		var onPage []int // records whose number is on the page
		for k, r := range recs {
			if rows[r.at].page == page {
				onPage = append(onPage, k)
			}
		}
		var ls []label
		for _, l := range labels {
			if l.page == page {
				ls = append(ls, l)
			}
		}
		if len(onPage) == 0 {
			continue
		}
		// The page's last line of the table.
		last := recs[onPage[len(onPage)-1]].to
		for last > 0 && rows[last].page != page {
			last--
		}
		end := float64(last)
		firstOf := make([]int, len(ls)) // the first record of each block
		limit := len(onPage)
		for b := len(ls) - 1; b >= 0; b-- {
			start := 2*ls[b].centre - end
			// The block's first record: the one whose first line is
			// nearest start, not after the label's own record.
			first := -1
			dist := math.Inf(1)
			for x := 0; x < limit; x++ {
				r := recs[onPage[x]]
				if float64(r.from) > ls[b].centre+0.5 && x > 0 {
					break
				}
				if d := math.Abs(float64(r.from) - start); d < dist {
					first, dist = x, d
				}
			}
			if first < 0 {
				first = 0
			}
			firstOf[b] = first
			limit = first
			end = float64(recs[onPage[first]].from) - 1
		}
		for x := range onPage {
			cat := carried
			for b := range ls {
				if x >= firstOf[b] {
					cat = ls[b].text
				}
			}
			recs[onPage[x]].category = cat
		}
		carried = recs[onPage[len(onPage)-1]].category
	}
}

// colContacts pairs a record's people and phones, one a line in their
// columns, by order: the i-th person's phone is the i-th phone; phones
// beyond the people stand alone.
func colContacts(people, phones string) []gridContact {
	var ps, fs []string
	for _, p := range cellSep.Split(people, -1) {
		// A name pdftotext spaced out ("王 丽").
		if p = dropSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	for _, f := range cellSep.Split(phones, -1) {
		if f = strings.TrimSpace(f); f != "" {
			fs = append(fs, f)
		}
	}
	var out []gridContact
	for i := range max(len(ps), len(fs)) {
		var c gridContact
		if i < len(ps) {
			c.person = ps[i]
		}
		if i < len(fs) {
			c.phones = []string{fs[i]}
		}
		out = append(out, c)
	}
	return out
}

// colHead rewrites the lines above the table as a policy list's head
// gives them: the document's title first (the centred lines naming what it
// is about, "…关于印发…的通知", joined; else the last centred lines above
// the table, its own title), then the signature's date as the 发布日期 and
// its office as the 来源 (the first office and date lines, above the table
// or after it), then the other lines without their centring spaces.
func colHead(head, tail []string) []string {
	var runs [][2]int
	for i := 0; i < len(head); i++ {
		if !centred(strings.ReplaceAll(head[i], "\f", "")) {
			continue
		}
		j := i
		for j+1 < len(head) && centred(head[j+1]) && !gridIssuer.MatchString(head[j+1]) && !gridDate.MatchString(head[j+1]) {
			j++
		}
		runs = append(runs, [2]int{i, j + 1})
		i = j
	}
	title := [2]int{-1, -1}
	for _, r := range runs {
		joined := dropSpace(strings.Join(head[r[0]:r[1]], ""))
		if strings.Contains(joined, "关于") {
			title = r
			break
		}
		if !gridIssuer.MatchString(joined) && !gridDate.MatchString(joined) && !strings.Contains(joined, "〔") {
			title = r
		}
	}
	head = colNote(head)
	var out []string
	if title[0] < 0 {
		for _, l := range head {
			out = append(out, strings.TrimSpace(l))
		}
		return out
	}
	out = append(out, dropSpace(strings.Join(head[title[0]:title[1]], "")))
	issuer, date, sig := gridSignature(head)
	if sig >= 0 {
		out = append(out, "发布日期："+date, "来源："+issuer+"。")
	} else if issuer, date, at := gridSignature(tail); at >= 0 {
		out = append(out, "发布日期："+date, "来源："+issuer+"。")
	}
	for i, l := range head {
		if i >= title[0] && i < title[1] || sig >= 0 && (i == sig || i == sig+1) {
			continue
		}
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

var (
	// colNoteStart opens the table's note above its header row.
	colNoteStart = regexp.MustCompile(`^(?:说明|注|填表说明|编制说明)[：:]`)
	// colNoteItem is an item number inside a note's paragraph: after the
	// label or after the item before it ends.
	colNoteItem = regexp.MustCompile(`([：:；;。])\s*(\d{1,2})[.．、]\s*`)
)

// colNote rewrites the note printed between the table's title and its
// header row (说明：1.…；2.…；3.…) as one line, its item numbers in
// brackets. The note frames the table (the phones' area code is stated
// there) and is kept in the head, but pdftotext wraps it at the page's
// width, and a "1." after its label would read as the list's measure 1.
// head keeps its length: the lines joined become blank, so that the
// indices colHead found still hold.
func colNote(head []string) []string {
	out := slices.Clone(head)
	for i := range out {
		if !colNoteStart.MatchString(strings.TrimSpace(strings.ReplaceAll(out[i], "\f", ""))) {
			continue
		}
		j := i + 1
		for j < len(out) && strings.TrimSpace(out[j]) != "" && !colNoteStart.MatchString(strings.TrimSpace(out[j])) {
			j++
		}
		var b strings.Builder
		for k := i; k < j; k++ {
			b.WriteString(strings.TrimSpace(strings.ReplaceAll(out[k], "\f", "")))
			if k > i {
				out[k] = ""
			}
		}
		out[i] = colNoteItem.ReplaceAllString(b.String(), "$1（$2）")
	}
	return out
}

// colDateStart begins a date cell's text: a year.
var colDateStart = regexp.MustCompile(`^(?:19|20)\d\d(?:年|[-./])`)

// colDateEnds reports whether a 执行期限 fragment ends a date (…31日, 长期)
// rather than breaking it (2022年12月31 / 至2022年12月).
func colDateEnds(s string) bool {
	return strings.HasSuffix(s, "日") || strings.HasSuffix(s, "期") || strings.HasSuffix(s, "止") || !strings.ContainsAny(s, "0123456789至-—")
}
