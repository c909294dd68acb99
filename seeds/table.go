package seeds

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A table guide lists its measures in an appendix table written one cell per
// line: a header (序号 / 责任部门 / 政策措施 / 申报时限 / 责任科室 / 联系人 /
// 联系方式 / 备注), then each row's cells in that order, empty cells as empty
// lines (the cells may be separated by blank lines throughout). Columns are
// known by their header's words; any other column becomes a detail
// ("申报时限：2022年7月31日前"). A guide may split the rows into one table
// per section, each under its title with the header again, numbered
// through; a table without a measure column (序号 / 牵头单位 / 联系人 /
// 联系电话) lists the contacts of the units the measures' clauses name.
var (
	colNumber = regexp.MustCompile(`^序号$`)
	// colCategory is the policy area a row belongs to (政策类别): a
	// detail, not the measure's text, though it names 政策.
	colCategory = regexp.MustCompile(`类别|类型|分类`)
	colDept     = regexp.MustCompile(`科室|处室`)
	colUnit     = regexp.MustCompile(`单位|部门`)
	colPhone    = regexp.MustCompile(`联系方式|电话`)
	colPeople   = regexp.MustCompile(`联系人`)
	colText     = regexp.MustCompile(`措施|政策|事项|内容|名称|项目`)
)

// tableLine is one line of a table with the piece it came from.
type tableLine struct {
	text  string // whitespace removed
	piece int
	// group is the row number that placed the line's piece (see
	// byRowNumber), or 0 where the piece holds none.
	group int
}

// readTables finds tables and turns their rows into measures. The pieces a
// table spans are marked and not read otherwise.
//
// A table is read in the order of its sentences' last copies: a copy of a
// row placed ahead of the table would otherwise cut it.
func (p *parser) readTables() {
	for at := 0; at < len(p.byLast); at++ {
		lines := p.linesFrom(at)
		h := headerAt(lines)
		if h < 0 {
			continue
		}
		cols, next, dense := tableHeader(lines, h)
		if cols == nil {
			continue
		}
		own := len(lines) - next
		p.contactRows = p.numberedStarts() >= minNumberedBody
		rows := append(lines[next:len(lines):len(lines)], p.rowsAhead(at, lines[next:])...)
		rows = dropRepeatedHeaders(rows, cols)
		first := p.byLast[at]
		last := p.readRows(cols, p.byRowNumber(rows, own), dense)
		for ; at < len(p.byLast) && p.byLast[at] != last; at++ {
			p.pieces[p.byLast[at]].table = !p.strays[p.byLast[at]]
		}
		if at < len(p.byLast) {
			p.pieces[last].table = !p.strays[last]
		}
		p.keepBeforeAppendix(first, h)
	}
}

// minNumberedBody is how many measure numbers the running text must start
// for a table to be read as the contacts of the measures numbered there
// rather than as measures of its own.
const minNumberedBody = 3

// numberedStarts counts the distinct measure numbers that the guide's
// sentences start ("1." or, in a guide numbering （一）…, a bracket
// number): a table row's number stands alone on its line and starts none.
// Wherever the corruption moved the table, the count is the same.
func (p *parser) numberedStarts() int {
	seen := map[int]bool{}
	for _, pc := range p.pieces {
		switch {
		case pc.table:
		case p.parens && pc.paren > 0:
			seen[pc.paren] = true
		case !p.parens && pc.start > 0:
			seen[pc.start] = true
		}
	}
	return len(seen)
}

// tableTitle is a line that names the table below it (…明细表, …一览表,
// 附件2): a guide with one table per section repeats the header under each
// title.
var tableTitle = regexp.MustCompile(`(?:表|清单|目录)$|^附件\d*[：:]?$`)

// dropRepeatedHeaders removes from a table's rows the header written again
// under a further table's title (the rows go on numbered through all the
// tables), with that title: otherwise they are read as the cells of the row
// before them.
func dropRepeatedHeaders(lines []tableLine, cols []column) []tableLine {
	var out []tableLine
	for k := 0; k < len(lines); k++ {
		end := repeatedHeader(lines, k, cols)
		if end < 0 {
			out = append(out, lines[k])
			continue
		}
		// The title and blank lines just before it go with the header.
		for len(out) > 0 && (out[len(out)-1].text == "" || tableTitle.MatchString(out[len(out)-1].text)) {
			out = out[:len(out)-1]
		}
		k = end - 1
	}
	return out
}

// repeatedHeader returns the index after the header starting at line k (序号
// and the cells of cols in order, blank lines between them allowed), or -1.
func repeatedHeader(lines []tableLine, k int, cols []column) int {
	if !colNumber.MatchString(lines[k].text) {
		return -1
	}
	k++
	for _, c := range cols {
		for k < len(lines) && lines[k].text == "" {
			k++
		}
		if k == len(lines) || lines[k].text != c.name {
			return -1
		}
		k++
	}
	return k
}

// keepBeforeAppendix gives back to the guide what the table's first
// sentence holds before its appendix: a measure's closing clause
// "（区发改局牵头，…配合）" is followed by 附件 (or the table's title) and
// the table without a 。 between them. The sentence is read again without the table's lines.
func (p *parser) keepBeforeAppendix(j, header int) {
	pc := &p.pieces[j]
	if !pc.table {
		return
	}
	raw := strings.Split(pc.raw, "\n")
	cut := -1
	for k := 0; k < min(header, len(raw)); k++ {
		if strings.HasPrefix(stripSpace(raw[k]), appendixWord) {
			cut = k
			break
		}
	}
	// Or by the table's title alone on the line over its header (…一览表,
	// as a long image's contact panel is headed, without 附件).
	if k := min(header, len(raw)) - 1; cut < 0 && k > 0 && tableTitle.MatchString(stripSpace(raw[k])) && !strings.HasPrefix(stripSpace(raw[k]), appendixWord) {
		cut = k
	}
	if cut <= 0 {
		return
	}
	kept := strings.TrimSpace(strings.Join(raw[:cut], "\n"))
	if kept == "" {
		return
	}
	np := readPiece(pc.pos, sentence{text: stripSpace(kept), raw: kept, joined: pc.joined, terminated: true}, p.parens)
	if !np.structural() {
		return // a plain line (实施细则详见附件) stays with the appendix, unread
	}
	p.pieces[j] = np
}

// rowsAhead returns the lines of the sentences before the table (at is
// its header's place in byLast) that hold a row number the table lacks
// (one below its highest, or the next: the last row's), and marks them as the table's. The corruption moved such a sentence, the
// end of one row and the start of the next, ahead of the table; put back
// by its number (see byRowNumber), it joins the two rows it was cut from.
func (p *parser) rowsAhead(at int, table []tableLine) []tableLine {
	have := map[int]bool{}
	top := 0
	for _, l := range table {
		if k := rowNumberOf(l.text); k > 0 {
			have[k], top = true, max(top, k)
		}
	}
	var out []tableLine
	for _, j := range p.byLast[:at] {
		pc := &p.pieces[j]
		lines := strings.Split(pc.raw, "\n")
		if pc.table || pc.joined || !slices.ContainsFunc(lines[1:], func(l string) bool {
			k := rowNumberOf(stripSpace(l))
			return k > 0 && k <= top+1 && !have[k] // top+1: the last row's start
		}) {
			continue
		}
		pc.table = true
		for _, l := range lines {
			out = append(out, tableLine{text: stripSpace(l), piece: j})
		}
	}
	return out
}

// rowNumberOf reads a line that is a row number alone, or 0.
func rowNumberOf(line string) int {
	if k, err := strconv.Atoi(line); err == nil && len(line) <= 3 && k > 0 {
		return k
	}
	return 0
}

// linesFrom returns the lines of the piece at position at of byLast and of
// every piece after it.
func (p *parser) linesFrom(at int) []tableLine {
	var out []tableLine
	for k := at; k < len(p.byLast); k++ {
		j := p.byLast[k]
		if k > at && p.pieces[j].joined && sectionHead.MatchString(p.pieces[j].text) {
			// A section heading run on after a cell's 。: the heading's
			// sentence was displaced into the table (a heading never
			// continues a cell), so it is read where it stands, not as
			// cells, and the sentence after it continues the cell.
			p.strays[j] = true
			continue
		}
		for n, l := range strings.Split(p.pieces[j].raw, "\n") {
			if n == 0 && k > at && p.pieces[j].joined && len(out) > 0 {
				out[len(out)-1].text += stripSpace(l) // a cell with a 。 inside
				continue
			}
			out = append(out, tableLine{text: stripSpace(l), piece: j})
		}
		if k == at && !strings.Contains(p.pieces[j].raw, "序号") {
			return nil
		}
	}
	return out
}

// headerAt returns the index of the line 序号 that opens a header, or -1.
func headerAt(lines []tableLine) int {
	for k, l := range lines {
		if k > 0 && lines[k].piece != lines[0].piece {
			return -1
		}
		if colNumber.MatchString(l.text) {
			return k
		}
	}
	return -1
}

// column is one header cell and what its cells hold.
type column struct {
	name string
	kind string // "unit", "dept", "people", "phone", "text" or "" (a detail)
}

// tableHeader reads the header cells from line h up to the first row
// number. It returns nil unless the header names a unit and a phone column.
// dense reports whether the cells follow each other without blank lines, so
// that an empty line is an empty cell.
func tableHeader(lines []tableLine, h int) (cols []column, next int, dense bool) {
	k := h + 1
	dense = true
	blank := false // a blank line after the last cell read
	for ; k < len(lines) && lines[k].text != "1"; k++ {
		t := lines[k].text
		if t == "" {
			blank = true
			continue
		}
		if blank {
			// Blank lines between header cells: so are the row cells.
			// Blank lines after the last one only end the header (rows
			// then end with a blank line each).
			dense = false
		}
		if len([]rune(t)) > 8 {
			return nil, 0, false
		}
		c := column{name: t}
		switch {
		case colCategory.MatchString(t):
		case colDept.MatchString(t):
			c.kind = "dept"
		case colPeople.MatchString(t):
			c.kind = "people"
		case colPhone.MatchString(t):
			c.kind = "phone"
		case colUnit.MatchString(t):
			c.kind = "unit"
		case colText.MatchString(t):
			c.kind = "text"
		}
		cols = append(cols, c)
	}
	kinds := map[string]bool{}
	for _, c := range cols {
		kinds[c.kind] = true
	}
	if !kinds["unit"] || !kinds["phone"] || k == len(lines) {
		return nil, 0, false
	}
	return cols, k, dense
}

// byRowNumber puts the table's sentences back in the order of the row
// numbers they hold. A sentence of a table written one cell per line ends
// inside a row (at the 。 of its text) and holds the cells from there to the
// next row's text: the end of one row and the start of the next, numbered.
// A sentence moved elsewhere in the table is put back after the sentence
// holding the row number before its own; a sentence holding no row number
// (a cell's second sentence) stays after the one it follows. Each line
// records the row number that placed its sentence. The first own lines
// are the table's as read; the rest were found ahead of it (see rowsAhead).
func (p *parser) byRowNumber(lines []tableLine, own int) []tableLine {
	type group struct {
		key   int
		lines []tableLine
		own   int // lines of the sentence holding the key; the rest followed it
	}
	var groups []group
	ending := 0 // the group holding the table's last line as read
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].piece == lines[i].piece {
			j++
		}
		key := 0
		for _, l := range lines[i:j] {
			if k, err := strconv.Atoi(l.text); err == nil && len(l.text) <= 3 && k > 0 {
				key = k
				break
			}
		}
		if key == 0 && len(groups) > 0 {
			last := &groups[len(groups)-1]
			last.lines = append(last.lines, lines[i:j]...)
		} else {
			if i < own {
				ending = len(groups)
			}
			groups = append(groups, group{key, lines[i:j:j], j - i})
		}
		i = j
	}
	keys := make([]int, len(groups))
	for i, g := range groups {
		keys[i] = g.key
	}
	// The sentences after the table's last numbered one end it: they are
	// the last row's last cells, wherever that row's number stands (a
	// sentence found ahead of the table may hold it).
	last, top := &groups[ending], slices.Max(keys)
	if slices.IsSorted(keys) && last.key == top || len(slices.Compact(slices.Sorted(slices.Values(keys)))) != len(keys) {
		// In order, or a number read twice (a cell that is a number):
		// the order read stands.
		return lines
	}
	if last.key != top {
		tail := last.lines[last.own:]
		last.lines = last.lines[:last.own:last.own]
		g := &groups[slices.Index(keys, top)]
		g.lines = append(g.lines, tail...)
	}
	slices.SortStableFunc(groups, func(a, b group) int { return a.key - b.key })
	var out []tableLine
	for _, g := range groups {
		for _, l := range g.lines {
			l.group = g.key
			out = append(out, l)
		}
	}
	return out
}

// readRows reads rows numbered 1, 2, … and returns the last piece the table
// spans. A row ends where the next number starts; its cells are its
// non-empty lines. A row with more cells than the header, or whose phone
// cell is not a phone, goes to the report with its text.
func (p *parser) readRows(cols []column, lines []tableLine, dense bool) int {
	at := make(map[int]int, len(p.byLast)) // a piece's place in byLast
	for i, j := range p.byLast {
		at[j] = i
	}
	last := lines[0].piece
	see := func(piece int) { // rows may have been put back in order: the latest piece counts
		if at[piece] > at[last] {
			last = piece
		}
	}
	var row []tableLine
	n := 0
	flush := func() {
		if n > 0 {
			p.tableRow(n, cols, row, dense)
		}
	}
	seen := map[int]bool{}
	top := 0 // the highest row number read
	for _, l := range lines {
		// A unit's second row under a merged 序号 cell (a Word table's
		// vertical merge carries the number down): the row just read is
		// whole, and the same number opens another row of it.
		if k, err := strconv.Atoi(l.text); err == nil && len(l.text) <= 3 && k == n && n > 0 && dense && len(row) == len(cols) {
			flush()
			row = nil
			see(l.piece)
			continue
		}
		// A row number is the next one, or, where rows were displaced,
		// one not read yet and not far beyond the highest read.
		if k, err := strconv.Atoi(l.text); err == nil && len(l.text) <= 3 && k > 0 && !seen[k] && k <= top+10 {
			top = max(top, k)
			if n > 0 && k != n+1 {
				// A row is missing after row n, and its cells may be
				// what follows row n's first cells: unread, rather than a
				// row with another row's phone.
				p.r.unread(strings.Join(cellTexts(row), " | "), fmt.Sprintf("table row %d is followed by row %d: the rows between are lost, and row %d's cells may be theirs", n, k, n))
				n = 0
			}
			flush()
			n, row = k, nil
			seen[k] = true
			see(l.piece)
			continue
		}
		if n > 0 {
			row = append(row, l)
			if l.text != "" {
				see(l.piece)
			}
		}
	}
	flush()
	return last
}

func (p *parser) tableRow(n int, cols []column, row []tableLine, dense bool) {
	if len(row) > len(cols) {
		row = p.dropStrays(row)
	}
	for len(row) > len(cols) && (signatureLine.MatchString(row[len(row)-1].text) || tableNote.MatchString(row[len(row)-1].text)) {
		// The guide's signature and date after its last row, or the
		// table's note (注：联系电话如有变动…): no cells.
		row = row[:len(row)-1]
	}
	for i := 1; i < len(row); i++ {
		if a, b := row[i-1].piece, row[i].piece; a != b && row[i].group != n+1 && !p.follows(a, b) {
			// The row's sentences did not follow each other in the seed:
			// its cells may be two rows' halves. Better unread than a
			// wrong phone.
			p.r.unread(strings.Join(cellTexts(row), " | "), fmt.Sprintf("table row %d is pieced from sentences that were apart in the seed", n))
			return
		}
	}
	for len(row) > 0 && row[len(row)-1].text == "" && (!dense || len(row) > len(cols)) {
		row = row[:len(row)-1]
	}
	var cells []string
	if dense && len(row) <= len(cols) {
		// One line per cell: an empty line is an empty cell, and cells
		// missing at the end are empty.
		cells = make([]string, len(cols))
		for i, l := range row {
			cells[i] = l.text
		}
	} else {
		for _, l := range row {
			if l.text != "" {
				cells = append(cells, l.text)
			}
		}
		cells = mergeBroken(cells, len(cols))
		if len(cells) < len(cols) {
			cells = p.alignCells(cols, cells)
		}
	}
	cells = unshiftPhone(cols, cells)
	if len(cells) != len(cols) {
		p.r.unread(strings.Join(cellTexts(row), " | "), fmt.Sprintf("table row %d has %d cells, the header %d", n, len(cells), len(cols)))
		return
	}
	for i, v := range cells {
		if noneCell.MatchString(v) {
			cells[i] = "" // "/": the row has nothing to say here
		}
	}
	if !slices.ContainsFunc(cols, func(c column) bool { return c.kind == "text" }) {
		// No measure column: a contact table (附件 政策咨询联系方式) that
		// the measures' clauses refer to by their lead units.
		contacts, _ := p.rowContacts(n, cols, cells)
		p.directory = append(p.directory, contacts...)
		return
	}
	if p.contactRows {
		// The body numbers the measures and gives their text: the row
		// gives measure n its units and contacts only (附件：政策咨询联系表).
		m := p.measure(n)
		if m.HasContact() || len(m.Lead) > 0 {
			p.r.warn(WarnConflict, []int{n}, "table row %d repeats measure %d's number; kept the first", n, n)
			return
		}
		m.Contacts, m.Lead = p.rowContacts(n, cols, cells)
		return
	}
	if p.measures[n] != nil {
		p.r.warn(WarnConflict, []int{n}, "table row %d repeats measure %d's number; kept the first", n, n)
		return
	}
	m := p.measure(n)
	m.Contacts, m.Lead = p.rowContacts(n, cols, cells)
	for i, col := range cols {
		v := cells[i]
		if v == "" {
			continue
		}
		switch col.kind {
		case "unit", "dept", "people", "phone":
		case "text":
			m.Text = v
		default:
			m.Details = append(m.Details, col.name+"："+v)
		}
	}
	p.tableRows[n] = true
	p.starts[n] = m.Text != ""
}

// signatureLine is a line of the signature a guide ends with: the issuer or
// the date (the appendix table may come last, the signature after it).
var signatureLine = regexp.MustCompile(`^(?:[^，。；：、,;:]{2,40}(?:人民政府|办公室|委员会|领导小组)|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)$`)

// tableNote is a note under a table.
var tableNote = regexp.MustCompile(`^(?:注|备注|说明)[：:]`)

// noneCell is a cell that says there is nothing: "/", "—", "无".
var noneCell = regexp.MustCompile(`^(?:[/／\\—–-]+|无)$`)

// rowContacts reads a row's unit, department, people and phone cells as
// its contacts, and returns the units named. A row naming several units
// ("区税务局、区财政局") with a phone for each (and a department and a
// person for each, or none) is one contact per unit, in order;
// otherwise it is one contact.
func (p *parser) rowContacts(n int, cols []column, cells []string) ([]Contact, []string) {
	if groups := listedContacts(cols, cells); groups != nil {
		var out []Contact
		var units []string
		for _, g := range groups {
			cs, us := p.rowContacts(n, cols, g)
			out = append(out, cs...)
			units = append(units, us...)
		}
		return out, dedupeStrings(units)
	}
	var units, depts, people []string
	var unitCell, deptCell string
	var vals contactValues
	for i, col := range cols {
		v := cells[i]
		if v == "" {
			continue
		}
		switch col.kind {
		case "unit":
			unitCell, units = v, splitList(v)
		case "dept":
			deptCell, depts = v, splitList(v)
		case "people":
			people = splitList(v)
		case "phone":
			var rest string
			vals, rest = readContactValues(v)
			if rest != "" || vals.empty() {
				// A cell in a shape of its own: a label before the
				// value (邮箱：…), an area code in brackets, after a
				// full-width hyphen or a space.
				if w, r := readContactValues(cellPhones(v)); r == "" && !w.empty() {
					vals, rest = w, r
				}
			}
			if rest != "" || vals.empty() {
				p.r.unread(v, fmt.Sprintf("table row %d: %s is not a phone or e-mail", n, col.name))
			}
		}
	}
	k := len(units)
	if k > 1 && len(vals.phones) == k && len(vals.emails) == 0 && (len(depts) == k || len(depts) == 0) {
		if len(people) == k || len(people) == 0 {
			var out []Contact
			for i, u := range units {
				c := Contact{Unit: u, Phones: []string{vals.phones[i]}}
				if len(depts) == k {
					c.Department = depts[i]
				}
				if len(people) == k {
					c.People = []string{people[i]}
				}
				out = append(out, c.normal())
			}
			return out, units
		}
	}
	c := Contact{Unit: unitCell, Department: deptCell, People: people}
	c.addValues(vals)
	if c.Unit == "" && len(c.Phones) == 0 && len(c.Emails) == 0 {
		return nil, units
	}
	return []Contact{c.normal()}, units
}

// listedContacts splits a row whose unit, person and phone cells each list
// the same number of contacts separated by "；" (a measure's contacts
// gathered from several rows, see normalizeDecimal) into one row per
// contact; any other row gives nil.
func listedContacts(cols []column, cells []string) [][]string {
	k := 0
	for i, col := range cols {
		switch col.kind {
		case "unit", "people", "phone":
			if cells[i] == "" {
				continue
			}
			g := len(strings.Split(cells[i], "；"))
			if k != 0 && g != k || g < 2 && col.kind == "unit" {
				return nil
			}
			k = g
		}
	}
	if k < 2 {
		return nil
	}
	out := make([][]string, k)
	for j := range out {
		out[j] = slices.Clone(cells)
		for i, col := range cols {
			switch col.kind {
			case "dept":
				// A department per contact (see srtTable); a cell that
				// lists not one for each stays whole.
				if vs := strings.Split(cells[i], "；"); len(vs) == k {
					v := vs[j]
					if noneCell.MatchString(v) {
						v = ""
					}
					out[j][i] = v
				}
			case "unit", "people", "phone":
				if cells[i] != "" {
					v := strings.Split(cells[i], "；")[j]
					if noneCell.MatchString(v) {
						v = ""
					}
					out[j][i] = v
				}
			}
		}
	}
	return out
}

// follows reports whether piece b came after piece a in the seed, at most
// two sentences between them (sentences inside one cell).
func (p *parser) follows(a, b int) bool {
	for _, next := range [][]int{p.next, p.nextLast} {
		for k, steps := a, 0; k >= 0 && steps < 3; steps++ {
			if k = next[k]; k == b {
				return true
			}
		}
	}
	return false
}

// dropStrays removes from a row with too many lines the sentences that
// stand on one line of their own and end with 。: sentences displaced into
// the table, not cells (a cell's sentences share its line).
func (p *parser) dropStrays(row []tableLine) []tableLine {
	var out []tableLine
	for _, l := range row {
		pc := &p.pieces[l.piece]
		if !strings.Contains(pc.raw, "\n") && !pc.joined && strings.HasSuffix(pc.text, "。") {
			p.strays[l.piece] = true
			continue
		}
		out = append(out, l)
	}
	return out
}

// alignCells places a short row's cells: the phone cell goes under the
// phone column and the cells around it fill the columns in order; cells
// after the last column are empty.
func (p *parser) alignCells(cols []column, cells []string) []string {
	phoneCol, phoneCell := -1, -1
	for i, c := range cols {
		if c.kind == "phone" {
			phoneCol = i
		}
	}
	for i, v := range cells {
		if vals, rest := readContactValues(v); !vals.empty() && rest == "" {
			phoneCell = i
			break
		}
	}
	if phoneCol < 0 || phoneCell < 0 || phoneCell > phoneCol || len(cells)-phoneCell > len(cols)-phoneCol {
		return cells
	}
	out := make([]string, len(cols))
	copy(out, cells[:phoneCell])
	// Missing cells before the phone are the ones just before it (联系人 is
	// the cell a row most often leaves empty).
	copy(out[phoneCol:], cells[phoneCell:])
	return out
}

// unshiftPhone repairs a row whose phone stands one column after the phone
// column while the phone column holds none: a line break sprinkled after a
// 。 split a cell before it, and the row's empty last cell (备注) hid the
// extra cell from the count. The broken cell is joined to the next one and
// the row ends with an empty cell again.
func unshiftPhone(cols []column, cells []string) []string {
	pc := slices.IndexFunc(cols, func(c column) bool { return c.kind == "phone" })
	if pc < 0 || pc+1 >= len(cells) || len(cells) != len(cols) || isContactCell(cells[pc]) || !isContactCell(cells[pc+1]) {
		return cells
	}
	i := slices.IndexFunc(cells[:pc], func(c string) bool { return strings.HasSuffix(c, "。") })
	if i < 0 || cells[i+1] == "" {
		return cells
	}
	return append(slices.Concat(cells[:i], []string{cells[i] + cells[i+1]}, cells[i+2:]), "")
}

// isContactCell reports whether a cell holds phones and nothing else.
func isContactCell(v string) bool {
	vals, rest := readContactValues(v)
	return !vals.empty() && rest == ""
}

// mergeBroken joins a cell that ends a sentence to the cell after it while
// the row has more cells than the header: a line break sprinkled after a 。
// inside a cell split it.
func mergeBroken(cells []string, n int) []string {
	for len(cells) > n {
		i := slices.IndexFunc(cells[:len(cells)-1], func(c string) bool { return strings.HasSuffix(c, "。") })
		if i < 0 {
			break
		}
		cells = slices.Concat(cells[:i], []string{cells[i] + cells[i+1]}, cells[i+2:])
	}
	return cells
}

func cellTexts(ls []tableLine) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

var (
	// cellLabel is a label a phone cell may open with.
	cellLabel = regexp.MustCompile(`^(?:电子邮箱|邮箱|E-?mail|电话|手机|座机|热线)[：:]`)
	// cellMailNote is an e-mail and a short note in brackets after it
	// ("…@example.cn（邮件咨询）"): the note says how to use it.
	cellMailNote = regexp.MustCompile(`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)[ 　]*[（(][^（）()]{1,10}[）)]$`)
	// cellArea is an area code in brackets, or before a full-width
	// hyphen or a space the table line lost (12 digits: 4 and 8).
	cellArea = regexp.MustCompile(`[（(](0\d{2,3})[）)]|(0\d{2,3})[－—‐]|^(0\d{3})(\d{8})$`)
)

// cellPhones writes a phone cell that readContactValues does not read in
// the shape it reads: the label dropped, the area code joined by a hyphen.
func cellPhones(v string) string {
	v = cellLabel.ReplaceAllString(v, "")
	v = cellMailNote.ReplaceAllString(v, "$1")
	return cellArea.ReplaceAllStringFunc(v, func(m string) string {
		s := cellArea.FindStringSubmatch(m)
		switch {
		case s[1] != "":
			return s[1] + "-"
		case s[2] != "":
			return s[2] + "-"
		}
		return s[3] + "-" + s[4]
	})
}
