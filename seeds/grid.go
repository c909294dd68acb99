package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A Word or WPS table pasted as text is drawn with box-drawing characters
// (issue 20):
//
//	┌──┬────┬───────┬─────┬───────┐
//	│序号│政策类别│政策内容　　　│责任单位　│联系人及电话　│
//	├──┼────┼───────┼─────┼───────┤
//	│1　│财税支持│减免房屋租金。│区国资中　│冉某 023-677　│
//	│　　│　　　　│对承租……　　│心　　　　│51806　　│
//	├──┤　　　　├───────┼─────┼───────┤
//
// Each record runs over several grid lines, each cell's text wrapped inside
// its column anywhere, even inside a word or a number; a merged cell leaves
// the cells under it blank and the rule under it out; cells are padded
// with full-width spaces by characters, not display width, so a column's
// border stands at different offsets in different lines: cells are found
// by counting the vertical bars of a line, never by offsets. A page break
// closes the grid, leaves a page number and opens it again under a
// repeated header row.
//
// normalizeGrid rewrites such a table into the lines the parser reads, as
// normalizeCSV does: a section heading for each category, the record's
// 政策内容 under its 序号 ("N. …"; a list with a name column: the name as
// the title and the content as a 政策内容 field), the other fields as
// labelled lines, and the duty lines (责任单位, 联系人 … 联系电话) pairing
// the contacts with the units by position. A cell's wrapped lines are
// joined without a space; a merged cell, or one reading "同上" (the same as
// above), is the one above it. The lines above the grid stay above it, its
// centred title lines joined into one title opening the text, the
// signature under the grid written under the title as the 发布日期 and the
// 来源; the other lines after it (备注) stay after it.

var (
	// gridVertical are the bars that separate a grid line's cells.
	gridVertical = "│║┃"
	// gridDate is the signature's date under a grid.
	gridDate = regexp.MustCompile(`^[ \t　]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t　]*$`)
	// gridIssuer is a signature's or head's issuing office.
	gridIssuer = regexp.MustCompile(`^[ \t　]*(\S{2,30}?(?:人民政府办公室|人民政府|办公室|委员会|局|委|办))[ \t　]*$`)
	// gridUnitEnd and gridUnitStart tell a unit cell's two units on their
	// own lines ("…局" / "区…") from one unit wrapped.
	gridUnitEnd   = regexp.MustCompile(`(?:局|委|办|中心|公司|支行|分行|院|所|站|队|部|会)$`)
	gridUnitStart = regexp.MustCompile(`^(?:区|市|县|国家|人民银行|中国|各)`)
	// gridDept is a contact cell's office line, or the office opening a
	// contact ("纳税服务科", "企业服务专窗"): no digits, ending as an office
	// does.
	gridDept = regexp.MustCompile(`^\D{2,20}?(?:科|股|室|处|窗口|专窗|部|中心|大队|中队|所|站)`)
	// gridPhone is a number in a contact cell.
	gridPhone = regexp.MustCompile(`(?:0\d{2,3}[-－—]?)?\d{5,11}(?:[-－—]\d{1,5})?`)
)

// isGridRule reports whether a line is a grid's rule: box-drawing
// characters and spaces only (a merged cell leaves spaces), a horizontal
// stroke among them.
func isGridRule(line string) bool {
	t := strings.TrimSpace(strings.Trim(line, " \t　"))
	if t == "" {
		return false
	}
	horizontal := false
	for _, r := range t {
		switch {
		case r == '─' || r == '═' || r == '━':
			horizontal = true
		case r >= 0x2500 && r <= 0x257F, r == ' ', r == '　', r == '\t':
		default:
			return false
		}
	}
	return horizontal
}

// gridCells returns a content line's cells, or nil if the line is not
// one: it opens with a vertical bar and holds at least three.
func gridCells(line string) []string {
	t := strings.Trim(line, " \t　\r")
	if t == "" || !strings.ContainsRune(gridVertical, []rune(t)[0]) {
		return nil
	}
	bars := 0
	for _, r := range t {
		if strings.ContainsRune(gridVertical, r) {
			bars++
		}
	}
	if bars < 3 {
		return nil
	}
	var cells []string
	var cur []rune
	for _, r := range t {
		if strings.ContainsRune(gridVertical, r) {
			cells = append(cells, string(cur))
			cur = cur[:0]
			continue
		}
		cur = append(cur, r)
	}
	if s := strings.Trim(string(cur), " \t　"); s != "" {
		cells = append(cells, s) // a line cut before its last bar
	}
	cells = cells[1:] // before the first bar
	for i := range cells {
		cells[i] = strings.Trim(cells[i], " \t　")
	}
	return cells
}

// ruleSegments reports, for each column of a rule line, whether the rule
// runs under it: a merged cell leaves only spaces between two junctions.
func ruleSegments(line string) []bool {
	var out []bool
	seg, drawn := false, false
	for _, r := range strings.Trim(line, " \t　") {
		switch r {
		case '─', '═', '━':
			seg, drawn = true, true
		case ' ', '　', '\t':
			seg = true
		default: // a junction or corner
			if seg {
				out = append(out, drawn)
			}
			seg, drawn = false, false
		}
	}
	return out
}

// ruleWidths returns the strokes of each column of a rule line.
func ruleWidths(line string) []int {
	var out []int
	n, seg := 0, false
	for _, r := range strings.Trim(line, " \t　") {
		switch r {
		case '─', '═', '━':
			n, seg = n+1, true
		case ' ', '　', '\t':
			seg = true
		default:
			if seg {
				out = append(out, n)
			}
			n, seg = 0, false
		}
	}
	return out
}

// gridRoles returns the roles of a header row's cells (see csvColumns; a
// cell naming both the person and the phone is "contact"), or nil if the
// row is no policy list's header.
func gridRoles(cells []string) []string {
	if len(cells) < 4 || dropSpace(cells[0]) != "序号" {
		return nil
	}
	return columnRoles(cells, dropSpace, func(c string) string {
		if strings.Contains(c, "联系人") && (strings.Contains(c, "电话") || strings.Contains(c, "方式")) {
			return "contact"
		}
		return ""
	})
}

// gridRow is one row of a grid: each column's lines, and whether the rule
// above it ran under each column.
type gridRow struct {
	lines [][]string
	ruled []bool
	odd   bool // a line of it holds more or fewer cells than the header
	// gapped is set when a unit or contact cell's text stops and starts
	// again lower down: a cell's text runs on from its first line.
	gapped bool
}

// A corrupted copy (see normalizeCSV) cut the text at 。, copied
// sentences ahead of their places, moved a few and broke lines after 。: a
// sentence of a grid holds the end of one cell, the cells beside it and
// the lines below, up to the next 。. Copies are dropped first (the last
// one kept) and returned for the report; a grid line the corruption broke
// (opening with a bar, not closing with one) is joined with the next; a
// record whose lines do not hold the header's cells, a line wider than its
// column, a unit or contact cell whose text starts again after a blank
// line (in a copy known to be corrupted), or whose 序号 stands out of
// order, is suspect: another record's cells may have been moved into
// it, and its contacts are not written.

// normalizeGrid rewrites a box-drawn policy list (see above) and returns
// the copies it dropped; any other text comes back unchanged.
func normalizeGrid(text string) (string, []Duplicate) {
	if _, _, roles := findGrid(strings.Split(text, "\n")); roles == nil {
		return text, nil
	}
	deduped, dups := dropCopies(text)
	lines := joinBrokenGridLines(strings.Split(deduped, "\n"))
	first, last, roles := findGrid(lines)
	if roles == nil {
		return text, nil
	}
	var rows []gridRow
	var cur *gridRow
	var ruled, stopped []bool
	// A column's width: the strokes of the grid's top rule over it. A cell
	// line wider than its column holds a sentence the corruption moved in.
	widths := ruleWidths(lines[first])
	rest := lines[last+1:]
	for i := first; i <= last; i++ {
		l := lines[i]
		if isGridRule(l) {
			ruled, cur = ruleSegments(l), nil
			continue
		}
		cells := gridCells(l)
		if cells == nil {
			// A page number, a blank line between a grid closed at a page
			// break and opened again: nothing of the table's.
			continue
		}
		if cur == nil {
			rows = append(rows, gridRow{lines: make([][]string, len(roles)), ruled: ruled})
			cur = &rows[len(rows)-1]
			stopped = make([]bool, len(roles))
		}
		cur.odd = cur.odd || len(cells) != len(roles)
		for c, v := range cells {
			if c < len(widths) && widths[c] > 0 && displayWidth(v) > float64(widths[c])+1 {
				cur.odd = true
			}
		}
		for c, s := range cells {
			c = min(c, len(roles)-1)
			switch {
			case s != "" && stopped[c]:
				switch roles[c] {
				case "unit", "contact", "person", "phone":
					cur.gapped = true
				}
			case s == "" && len(cur.lines[c]) > 0:
				stopped[c] = true
			}
			if s != "" {
				cur.lines[c] = append(cur.lines[c], s)
			}
		}
	}
	if len(dups) > 0 {
		// A corrupted copy: a unit or contact cell whose text starts again
		// lower down holds a moved sentence's cells.
		for i := range rows {
			rows[i].odd = rows[i].odd || rows[i].gapped
		}
	}
	records := gridRecords(rows, roles)
	if len(records) == 0 {
		return text, nil
	}
	issuer, date, sig := gridSignature(rest)
	if sig >= 0 {
		// The signature goes under the title (see gridHead).
		rest = append(rest[:sig:sig], rest[sig+2:]...)
	}
	out := gridHead(lines[:first], issuer, date)
	for _, r := range records {
		if r.heading != "" {
			out = append(out, r.heading)
		}
		out = append(out, recordLines(r.number, r.cells)...)
		if r.suspect {
			continue
		}
		if d := gridDuty(r.cells["unit"], r.contact, r.cells["person"], r.cells["phone"]); d != "" {
			out = append(out, d)
		}
	}
	out = append(out, rest...)
	return strings.Join(out, "\n"), dups
}

// findGrid returns the first and last lines of the grid under the first
// policy list's header row, and the header's roles (nil if none). The grid
// runs on over a page break (a few short lines: blank, a page number, a
// running head) when a rule and a line of as many cells as the header
// follow (the header row repeated, or the next row); any other text ends
// it.
func findGrid(lines []string) (first, last int, roles []string) {
	first, last = -1, -1
	for i, l := range lines {
		// A row opens after a rule or a line that is no grid line: each
		// row is read once.
		if gridCells(l) != nil && (i == 0 || gridCells(lines[i-1]) == nil) {
			if roles = gridRoles(joinRowCells(lines, i)); roles != nil {
				first = i
				break
			}
		}
	}
	if roles == nil {
		return -1, -1, nil
	}
	// The grid opens at the rule above its header row.
	for first > 0 && isGridRule(lines[first-1]) {
		first--
	}
	for i := first; i < len(lines); i++ {
		if isGridRule(lines[i]) || gridCells(lines[i]) != nil {
			last = i
			continue
		}
		j := i
		for j < len(lines) && j-i <= 4 && !isGridRule(lines[j]) && gridCells(lines[j]) == nil && pageBreakLine(lines[j]) {
			j++
		}
		// After the break: the top rule, then the header row again.
		k := j
		for k < len(lines) && isGridRule(lines[k]) {
			k++
		}
		if j == k || k == len(lines) || len(gridCells(lines[k])) != len(roles) {
			break
		}
		i = j - 1
	}
	return first, last, roles
}

// pageBreakLine reports whether a line between two parts of a grid is a
// page break's: blank, a page number, or a short line without a sentence
// (a running head, "（续表）").
func pageBreakLine(l string) bool {
	t := strings.Trim(l, " \t　\r")
	return t == "" || pageFooter.MatchString(t) || len([]rune(t)) <= 30 && !strings.ContainsAny(t, "。；;")
}

// joinBrokenGridLines joins a grid line that opens with a bar and does not
// close with one to the lines after it, up to one that does: a line break
// the corruption put after a 。 inside a cell.
func joinBrokenGridLines(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for gridOpen(l) && !gridClosed(l) && strings.HasSuffix(l, "。") && i+1 < len(lines) && !isGridRule(lines[i+1]) {
			i++
			l += lines[i]
		}
		out = append(out, l)
	}
	return out
}

func gridOpen(l string) bool {
	t := strings.TrimLeft(l, " \t　")
	return t != "" && strings.ContainsRune(gridVertical, []rune(t)[0])
}

func gridClosed(l string) bool {
	t := []rune(strings.TrimRight(l, " \t　\r"))
	return len(t) > 0 && strings.ContainsRune(gridVertical, t[len(t)-1])
}

// joinRowCells reads the row whose first line is lines[i] (up to the next
// rule) and returns its cells, each cell's lines joined. Only a header's
// few lines are read: a header row is short.
func joinRowCells(lines []string, i int) []string {
	var out []string
	for end := min(len(lines), i+8); i < end; i++ {
		cells := gridCells(lines[i])
		if cells == nil {
			break
		}
		for c, s := range cells {
			if c >= len(out) {
				out = append(out, "")
			}
			out[c] += s
		}
	}
	return out
}

// gridRecord is one record of a grid as normalizeGrid writes it.
type gridRecord struct {
	number  int
	cells   map[string]string
	contact []gridContact
	heading string
	suspect bool // its cells may be another record's (see above)
}

// gridRecords reads the rows' records: header rows (repeated after a page
// break) skipped, a row without 序号 holding only a category a heading, any
// other row without 序号 the rest of the record above (a row cut by a page
// break); a blank cell under a merged one, or a blank category, is the
// cell above; "同上" in any cell the cell above.
func gridRecords(rows []gridRow, roles []string) []gridRecord {
	var out []gridRecord
	var prev []string // the last record's cells' lines, joined per column
	section, category := 0, ""
	afterHeader := false
	for _, row := range rows {
		cells := make([]string, len(roles))
		for c, ls := range row.lines {
			cells[c] = gridJoin(ls, roles[c])
		}
		if gridRoles(cells) != nil {
			afterHeader = true
			continue
		}
		continued := afterHeader || len(row.ruled) > 0 && !row.ruled[0]
		afterHeader = false
		seq := rowNumberOf(strings.TrimRight(dropSpace(toHalfDigits(cells[0])), ".．、"))
		if seq == 0 {
			filled := 0
			for c, v := range cells {
				if v != "" && roles[c] != "category" {
					filled++
				}
			}
			if filled == 0 {
				// A category row: the category of the records below.
				if c := roleCell(cells, roles, "category"); c != "" && c != category {
					category = c
					section++
					out = append(out, gridRecord{heading: Numeral(section) + "、" + c})
				}
				continue
			}
			if len(out) == 0 || out[len(out)-1].number == 0 || !continued {
				// No record above to continue: the rest of a record whose
				// start a corrupted copy moved away; whose it is is not known.
				continue
			}
			// The rest of the record above, cut by a page break (or under
			// its merged 序号 cell).
			r := &out[len(out)-1]
			r.suspect = r.suspect || row.odd
			for c, role := range roles {
				if role != "" && role != "category" && cells[c] != "" {
					r.cells[role] = gridJoin([]string{r.cells[role], cells[c]}, role)
				}
			}
			r.contact = parseGridContact(r.cells["contact"])
			continue
		}
		r := gridRecord{number: seq, cells: map[string]string{}, suspect: row.odd}
		for c, role := range roles {
			v := cells[c]
			if prev != nil && (v == "" && (role == "category" || c < len(row.ruled) && !row.ruled[c]) || dropSpace(v) == "同上") {
				// Under a merged cell, a category carried on, or "同上"
				// (the same as above).
				v = prev[c]
			}
			if role != "" {
				r.cells[role] = v
			}
			cells[c] = v
		}
		if c := r.cells["category"]; c != "" && c != category {
			category = c
			section++
			r.heading = Numeral(section) + "、" + c
		}
		r.contact = parseGridContact(r.cells["contact"])
		prev = cells
		out = append(out, r)
	}
	// A record out of the order of 序号 is suspect, and so is the one
	// before it: a moved sentence carried a record's start with the cells
	// beside it.
	lastN := -1
	for i := range out {
		if out[i].number == 0 {
			continue
		}
		if lastN >= 0 && out[i].number != out[lastN].number+1 {
			out[i].suspect, out[lastN].suspect = true, true
		}
		lastN = i
	}
	// Heading-only entries carry their heading onto the next record; the
	// records are put in the order of their 序号 (a moved record back in
	// its place), a number read twice kept once.
	var recs []gridRecord
	heading := ""
	for _, r := range out {
		if r.number == 0 {
			heading = r.heading
			continue
		}
		if heading != "" {
			r.heading, heading = heading, ""
		}
		recs = append(recs, r)
	}
	slices.SortStableFunc(recs, func(a, b gridRecord) int { return a.number - b.number })
	return slices.CompactFunc(recs, func(a, b gridRecord) bool { return a.number == b.number })
}

func roleCell(cells, roles []string, role string) string {
	for c, r := range roles {
		if r == role && c < len(cells) {
			return cells[c]
		}
	}
	return ""
}

func toHalfDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, s)
}

// gridJoin joins a cell's lines: wrapped text joined without a space
// (Chinese has none; a word or number cut by the wrap is whole again). A
// unit cell keeps two units on their own lines apart ("、"); a contact cell
// keeps its lines (an office, one contact per line) apart, but joins a
// number cut by the wrap and a line cut inside a name or an office.
func gridJoin(ls []string, role string) string {
	var b strings.Builder
	for i, l := range ls {
		if i == 0 || b.Len() == 0 {
			b.WriteString(l)
			continue
		}
		prev := b.String()
		switch role {
		case "unit":
			if gridUnitEnd.MatchString(prev) && gridUnitStart.MatchString(l) {
				b.WriteString("、")
			}
		case "contact", "person", "phone":
			if !contactWrapped(prev, l) {
				b.WriteString("\n")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

var (
	contactSep     = regexp.MustCompile(`[；;，,、]`)
	trailingNumber = regexp.MustCompile(`[0-9０-９][0-9０-９\-－—]*$|[\-－—]$`)
	leadingNumber  = regexp.MustCompile(`^[0-9０-９][0-9０-９\-－—]*`)
)

// contactWrapped reports whether line l of a contact cell continues the
// line before it: a number cut by the wrap (unless both pieces are whole
// numbers: two phones on two lines), or a line without digits that is no
// whole office (a name or an office cut by the wrap).
func contactWrapped(prev, l string) bool {
	lastLine := prev[strings.LastIndex(prev, "\n")+1:]
	a, b := trailingNumber.FindString(lastLine), leadingNumber.FindString(l)
	if a != "" && b != "" {
		return !(wholeNumber(a) && wholeNumber(b))
	}
	if strings.ContainsAny(lastLine, "0123456789") || lastLine == "同上" {
		return false
	}
	// No digits: an office's line stands alone; a cut one runs on.
	return !gridDept.MatchString(lastLine) || gridDept.FindString(lastLine) != lastLine
}

// wholeNumber reports whether a run of digits is a phone number in itself:
// a hotline, a 7- or 8-digit local number, a mobile, or one with its area
// code.
func wholeNumber(s string) bool {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, toHalfDigits(s))
	if strings.ContainsAny(s, "-－—") {
		i := strings.IndexAny(s, "-－—")
		return len(d)-len(toHalfDigits(s[:i])) >= 7
	}
	switch len(d) {
	case 5:
		return d[0] == '1' || d[0] == '9'
	case 7, 8:
		return d[0] != '0'
	case 11:
		return d[0] == '1' || d[0] == '0'
	case 10, 12:
		return d[0] == '0'
	}
	return false
}

// gridContact is one contact of a contact cell.
type gridContact struct {
	dept, person string
	phones       []string
}

// parseGridContact reads a 联系人及电话 cell: per line an office alone
// (the next contact's), or an office, a person and phones, or phones
// alone.
func parseGridContact(cell string) []gridContact {
	if cell == "" {
		return nil
	}
	var out []gridContact
	dept := ""
	for _, l := range strings.Split(cell, "\n") {
		for _, part := range contactSep.Split(l, -1) {
			part = strings.Trim(part, " \t　")
			if part == "" {
				continue
			}
			phones := gridPhone.FindAllString(part, -1)
			if len(phones) > 0 && gridPhone.ReplaceAllString(part, "") == "" && len(out) > 0 && len(out[len(out)-1].phones) > 0 && out[len(out)-1].person != "" {
				// "张某 67759240、67751234": a second phone of the person.
				out[len(out)-1].phones = append(out[len(out)-1].phones, phones...)
				continue
			}
			if len(phones) == 0 {
				if gridDept.FindString(part) == part {
					dept = part
				} else if len(out) > 0 && out[len(out)-1].person == "" {
					out[len(out)-1].person = part
				} else {
					out = append(out, gridContact{dept: dept, person: part})
					dept = ""
				}
				continue
			}
			name := strings.Trim(part[:strings.Index(part, phones[0])], " \t　：:")
			if d := gridDept.FindString(name); d != "" && d != name {
				dept, name = d, strings.Trim(name[len(d):], " \t　")
			} else if d == name && d != "" {
				dept, name = d, ""
			}
			out = append(out, gridContact{dept: dept, person: name, phones: phones})
			dept = ""
		}
	}
	return out
}

// gridDuty writes a record's units and contacts as the duty lines readDuty
// pairs (see csvDuty): "责任单位：" with every unit, then "联系人：" with a
// group per contact ("U office P 联系电话：X"), the i-th contact the i-th
// unit's, or the only unit's; contacts without a person "咨询电话：" with
// each phone tagged with its unit. Separate 联系人 and 联系电话 columns are
// paired as csvDuty pairs them.
func gridDuty(units string, contacts []gridContact, people, phones string) string {
	if contacts == nil && (people != "" || phones != "") {
		return csvDuty(units, people, phones)
	}
	var us []string
	for _, u := range cellSep.Split(units, -1) {
		if u = strings.TrimSpace(u); u != "" {
			us = append(us, u)
		}
	}
	unitOf := func(i int) string {
		switch {
		case i < len(us) && len(us) > 1:
			return us[i]
		case len(us) == 1:
			return us[0]
		}
		return ""
	}
	var lines []string
	if len(us) > 0 {
		lines = append(lines, "责任单位："+strings.Join(us, "、"))
	}
	var groups, bare []string
	for i, c := range contacts {
		u := unitOf(i)
		if c.person == "" {
			for _, f := range c.phones {
				if u != "" && len(us) > 1 {
					f += "（" + u + "）"
				}
				bare = append(bare, f)
			}
			continue
		}
		// Under one unit the contact needs none: the block names it. Under
		// several, each person is tagged with the unit (and office) whose
		// position it holds: "甲（区X局某科），联系电话：…".
		g := c.person
		switch {
		case len(us) > 1 && u != "":
			g += "（" + u + c.dept + "），"
		case c.dept != "":
			g = c.dept + " " + g + " "
		default:
			g += " "
		}
		if len(c.phones) > 0 {
			g += "联系电话：" + strings.Join(c.phones, "、")
		}
		groups = append(groups, strings.TrimSpace(g))
	}
	if len(groups) > 0 {
		lines = append(lines, "联系人："+strings.Join(groups, "；"))
	}
	if len(bare) > 0 {
		lines = append(lines, "咨询电话："+strings.Join(bare, "、"))
	}
	return strings.Join(lines, "\n")
}

// gridHead rewrites the lines above a grid: the first run of centred
// lines (a title spaced out over two lines) joined into one title opening
// the text, the signature's date under the grid (see gridSignature) written
// after it as the 发布日期 and the signature's office as the 来源, as a
// policy list's head gives them; the other lines stay as they are.
func gridHead(head []string, issuer, date string) []string {
	from, to := -1, -1
	for i, l := range head {
		if centred(l) {
			if from < 0 {
				from = i
			}
			to = i + 1
		} else if from >= 0 {
			break
		}
	}
	if from < 0 {
		return head
	}
	var title string
	for _, l := range head[from:to] {
		title += dropSpace(l)
	}
	out := []string{title}
	if date != "" {
		out = append(out, "发布日期："+date)
	}
	if issuer != "" {
		out = append(out, "来源："+issuer+"。")
	}
	out = append(out, head[:from]...)
	return append(out, head[to:]...)
}

// centred reports whether a line is a centred title's: indented by more
// than a paragraph's two full-width spaces, no sentence.
func centred(l string) bool {
	t := strings.TrimLeft(l, " \t　")
	indent := len([]rune(l)) - len([]rune(t))
	return t != "" && indent >= 3 && !strings.ContainsAny(t, "。：:；;，,") && len([]rune(dropSpace(t))) <= 40
}

// gridSignature finds the signature under a grid: an office's line and a
// date's line after it. It returns them and where the office's line is, or
// -1.
func gridSignature(rest []string) (issuer, date string, at int) {
	for i := 0; i+1 < len(rest); i++ {
		m, d := gridIssuer.FindStringSubmatch(rest[i]), gridDate.FindStringSubmatch(rest[i+1])
		if m != nil && d != nil {
			return m[1], d[1] + "-" + pad2(d[2]) + "-" + pad2(d[3]), i
		}
	}
	return "", "", -1
}

// recordLines are a table record's text under its number, as a numbered
// measure is written, then its fields; a list with a name column gives the
// name as the title and its content as a field (see normalizeCSV).
func recordLines(number int, cells map[string]string) []string {
	labels := []string{"适用对象", "办理方式", "执行期限"}
	var out []string
	if title := cells["title"]; title != "" {
		out = append(out, strconv.Itoa(number)+". "+title)
		labels = append([]string{"政策内容"}, labels...)
	} else {
		out = append(out, strconv.Itoa(number)+". "+cells["政策内容"])
	}
	for _, label := range labels {
		if v := cells[label]; v != "" {
			out = append(out, label+"："+v)
		}
	}
	return out
}
