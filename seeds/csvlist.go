package seeds

import (
	"encoding/csv"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A 政策清单 kept in Excel and saved as CSV (RFC 4180) is pasted as is
// (issue 20): a title row and a note row padded with commas, a header row
//
//	序号,政策类别,政策名称,政策内容,适用对象,办理方式,责任单位,联系人,联系电话,执行期限
//
// then one record per measure. A cell holding a comma, a quote or a line
// break is quoted (a quote doubled), so a record may run over several
// lines; 政策类别 is written on a category's first row only (merged cells
// export empty), 序号 starts again in each category, "/" marks an empty
// cell, and a cell may list several units, people or phones (、 or a line
// break), paired by position. Rows "备注：…" and "填报单位：…  填报日期：…"
// close the list; they alone name the issuer and the date.
//
// normalizeCSV rewrites such a list into the policy list normalizeFields
// reads: a title line "N. 政策名称" numbered through the file as a reader
// counts, labelled field lines, a section heading for each category, and a
// duty line "责任单位：U 联系人：P 咨询电话：X；…"; the 填报 row becomes the
// 发布日期 and 来源 lines under the title.
//
// A corrupted copy cut the records at 。, copied sentences ahead of their
// places and broke lines after 。: a copy carries half a record and a
// quote, so the text cannot be read as CSV until the copies are gone.
// Copies are dropped first (the last one is kept: the corruption copies
// ahead), and returned for the report; then each record is read from its
// row start ("12," at a line's start) to the next, a line break inside an
// unquoted cell joined back.
var (
	csvRowStart = regexp.MustCompile(`^[ \t]*\d{1,3}[ \t]*,`)
	// tsvRowStart is csvRowStart where a TAB separates the cells (see
	// tsv.go): a TAB then is no padding.
	tsvRowStart = regexp.MustCompile(`^ *\d{1,3} *\t`)
	// A 合计 row counts the measures: it closes the list, as a note does.
	csvTrailer = regexp.MustCompile(`^[ \t]*"?(?:备注|注[：:]|填报单位|填报日期|制表|审核人|合[ 　]*计)`)
	fillDate   = regexp.MustCompile(`(?:填报|制表|更新)日期[：:][ \t　]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?`)
	fillUnit   = regexp.MustCompile(`填报单位[：:][ \t　]*([^ \t　（(,，]+)`)
	// cellSep separates the units, people or phones listed in one cell.
	cellSep = regexp.MustCompile(`[、；;，,\n/]+`)
)

// csvColumns are the header names of a list's columns, by what the
// normalized text makes of them.
var csvColumns = []struct {
	names []string
	label string // the field label written, or a role below
}{
	{[]string{"政策名称", "名称", "事项", "政策事项", "措施名称"}, "title"},
	{[]string{"政策内容", "内容", "主要内容", "支持内容", "具体内容"}, "政策内容"},
	{[]string{"适用对象", "对象", "支持对象", "申报对象"}, "适用对象"},
	// Where to apply is how: a 办理地点 written alike under several
	// measures is then a field the sentence parser knows (a known field
	// repeated is no corrupted copy).
	{[]string{"办理方式", "办理流程", "申报方式", "办理渠道", "办理地点", "受理地点", "办理窗口"}, "办理方式"},
	{[]string{"执行期限", "有效期", "执行时间", "兑现时间"}, "执行期限"},
	{[]string{"责任单位", "牵头单位", "责任部门", "主管部门"}, "unit"},
	{[]string{"联系人"}, "person"},
	{[]string{"联系电话", "咨询电话", "联系方式"}, "phone"},
	{[]string{"政策类别", "类别", "分类"}, "category"},
}

// csvHeader returns the roles of a header row's cells, or nil if the line
// is no list's header (序号 first, a title or content column, a unit).
func csvHeader(line string, sep rune) []string {
	if !strings.Contains(line, "序") || !strings.ContainsRune(line, sep) {
		return nil
	}
	r := csv.NewReader(strings.NewReader(line))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	cells, err := r.Read()
	// A cell's name may be spaced out to fill the cell ("序 号").
	name := func(c string) string { return strings.Join(strings.Fields(strings.TrimPrefix(c, "\uFEFF")), "") }
	if err != nil || len(cells) < 4 || name(cells[0]) != "序号" {
		return nil
	}
	return columnRoles(cells, name, nil)
}

// columnRoles returns the roles of a header row's cells, each read through
// name: what claim gives a cell (when claim is not nil and gives one),
// else the csvColumns role it names that no cell before took; nil unless
// a title or content column and a unit column are among them.
func columnRoles(cells []string, name func(string) string, claim func(string) string) []string {
	roles := make([]string, len(cells))
	found := map[string]bool{}
	for i, c := range cells {
		c = name(c)
		if claim != nil {
			if r := claim(c); r != "" {
				roles[i], found[r] = r, true
				continue
			}
		}
		for _, col := range csvColumns {
			for _, n := range col.names {
				if c == n && !found[col.label] {
					roles[i] = col.label
					found[col.label] = true
				}
			}
		}
	}
	if !(found["title"] || found["政策内容"]) || !found["unit"] {
		return nil
	}
	return roles
}

// findCSVHeader returns the index of the first line that is a CSV header
// and its columns' roles, or -1.
func findCSVHeader(lines []string, sep rune) (int, []string) {
	for i, l := range lines {
		if roles := csvHeader(l, sep); roles != nil {
			return i, roles
		}
	}
	return -1, nil
}

// normalizeCSV rewrites a CSV policy list (see above); it returns the
// rewritten text and the copies it dropped. Any other text comes back
// unchanged.
//
// The same list saved as tab-separated text is read alike (see tsv.go);
// so is a phone list of the units appended below either, returned as the
// units' own lines.
func normalizeCSV(text string) (string, []Duplicate, []Contact, []Unread) {
	sep := sheetSep(text)
	rowStart := csvRowStart
	if sep == '\t' {
		rowStart = tsvRowStart
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if header, _ := findCSVHeader(lines, sep); header < 0 {
		return text, nil, nil, nil
	}
	// The header may share a sentence with a note row ending in 。: the
	// copies are dropped from the whole text before it is looked for again.
	deduped, dups := dropCopies(strings.Join(lines, "\n"))
	lines, units, unread := cutPhoneList(strings.Split(deduped, "\n"), sep)
	header, roles := findCSVHeader(lines, sep)
	if header < 0 {
		return text, nil, nil, nil
	}
	// A column of no known role is a field under its own name ("备注").
	extra, timed := extraColumns(splitHeader(lines[header], sep), roles)
	body := strings.Join(lines[header+1:], "\n")
	var head []string
	for _, l := range lines[:header] {
		if t := csvCell(l, sep); t != "" {
			head = append(head, t)
		}
	}
	var records [][]string
	var trailer []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			records = append(records, readRecord(strings.Join(cur, "\n"), sep, len(roles)))
			cur = nil
		}
	}
	inTrailer := false
	for _, l := range strings.Split(body, "\n") {
		switch {
		case csvHeader(l, sep) != nil:
			// A header repeated (a copy the corruption moved) is no cell.
		case csvTrailer.MatchString(l):
			flush()
			inTrailer = true
			trailer = append(trailer, csvCell(l, sep))
		case rowStart.MatchString(l):
			// A record the corruption moved among the closing rows is
			// still a record.
			flush()
			inTrailer = false
			cur = append(cur, l)
		case inTrailer:
			if t := csvCell(l, sep); t != "" {
				trailer = append(trailer, t)
			}
		default:
			cur = append(cur, l)
		}
	}
	flush()

	var out []string
	if len(head) > 0 {
		out = append(out, head[0])
	}
	// The 填报 row names the issuer and the date, closing the list or
	// under its title.
	tail := strings.Join(append(slices.Clone(head[min(1, len(head)):]), trailer...), "\n")
	if m := fillDate.FindStringSubmatch(tail); m != nil {
		out = append(out, "发布日期："+m[1]+"-"+pad2(m[2])+"-"+pad2(m[3]))
	}
	if m := fillUnit.FindStringSubmatch(tail); m != nil {
		out = append(out, "来源："+m[1]+"。")
	}
	for _, h := range head[min(1, len(head)):] {
		if !fillDate.MatchString(h) && !fillUnit.MatchString(h) {
			out = append(out, h)
		}
	}
	recs := csvNumbered(records, roles)
	unread = append(unread, repairSheet(recs, units)...)
	for _, r := range recs {
		if r.heading != "" {
			out = append(out, r.heading)
		}
		title := oneLine(r.cells["title"])
		if title == "" {
			title = firstClause(oneLine(r.cells["政策内容"]))
		}
		out = append(out, strconv.Itoa(r.number)+". "+title)
		for _, label := range slices.Concat([]string{"政策内容", "适用对象", "办理方式"}, extra, []string{"执行期限"}, timed) {
			if v := oneLine(r.cells[label]); v != "" {
				out = append(out, label+"："+v)
			}
		}
		if r.suspect {
			continue
		}
		duty := csvDuty
		if sep == '\t' {
			duty = sheetDuty
		}
		if d := duty(r.cells["unit"], r.cells["person"], r.cells["phone"]); d != "" {
			out = append(out, d)
		}
	}
	for _, t := range trailer {
		// A 合计 row and the sheet's signatures (制表人, 审核人) are no
		// content, and their names no contacts.
		if !fillDate.MatchString(t) && !fillUnit.MatchString(t) && !sheetClosing.MatchString(t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n"), dups, units, unread
}

// sheetClosing is a list's closing row that says nothing of a measure.
var sheetClosing = regexp.MustCompile(`^(?:合[ 　]*计|(?:制表人|审核人|填表人)[：:])`)

// splitHeader returns a header row's cell names, spaces removed.
func splitHeader(line string, sep rune) []string {
	r := csv.NewReader(strings.NewReader(line))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	cells, _ := r.Read()
	for i, c := range cells {
		cells[i] = strings.Join(strings.Fields(strings.TrimPrefix(c, "\uFEFF")), "")
	}
	return cells
}

// dropCopies drops every copy of a sentence (cut at 。) but the last, and
// returns what it dropped.
func dropCopies(body string) (string, []Duplicate) {
	key := func(s string) string { return strings.Join(strings.Fields(s), "") }
	kept, dups, _ := keepLastCopies(cutAfterStops(body), key, func(string) bool { return true })
	return kept, dups
}

// keepLastCopies joins pieces, each piece dropped whose key a later piece
// shares (only keys counts accepts are compared), and returns the copies
// dropped, for the report, and how many. The line break the corruption
// put after a copy goes with it.
func keepLastCopies(pieces []string, key func(string) string, counts func(string) bool) (string, []Duplicate, int) {
	last := map[string]int{}
	for i, p := range pieces {
		if k := key(p); counts(k) {
			last[k] = i
		}
	}
	var b strings.Builder
	var dups []Duplicate
	at := map[string]int{}
	dropped := 0
	for i, p := range pieces {
		k := key(p)
		if j, ok := last[k]; ok && j != i {
			dropped++
			if d, ok := at[k]; ok {
				dups[d].Copies++
			} else {
				at[k] = len(dups)
				dups = append(dups, Duplicate{Sentence: k, Copies: 1})
			}
			continue
		}
		b.WriteString(p)
	}
	return b.String(), dups, dropped
}

// readRecord reads one record's lines as CSV; a line break the corruption
// put inside an unquoted cell split it into records, joined back here.
// A row already as wide as the header (width cells) is whole: a row after
// it without a 序号 is the record's continuation (Excel merged the cells
// above it), its cells added to the record's cell by cell.
func readRecord(s string, sep rune, width int) []string {
	r := csv.NewReader(strings.NewReader(s))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	recs, _ := r.ReadAll()
	var rows [][]string
	for _, rec := range recs {
		if n := len(rows); n > 0 && len(rows[n-1]) < width && len(rec) > 0 {
			last := rows[n-1]
			last[len(last)-1] += rec[0]
			rows[n-1] = append(last, rec[1:]...)
			continue
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil
	}
	out := rows[0]
	for _, row := range rows[1:] {
		for i, c := range row {
			switch {
			case strings.TrimSpace(c) == "":
			case i >= len(out):
				out = append(out, make([]string, i+1-len(out))...)
				out[i] = c
			case strings.TrimSpace(out[i]) == "":
				out[i] = c
			default:
				out[i] += "\n" + c
			}
		}
	}
	return out
}

// csvCell is a title, note or trailer row's text: its cells joined, the
// padding commas and quotes gone.
func csvCell(line string, sep rune) string {
	r := csv.NewReader(strings.NewReader(line))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	cells, err := r.Read()
	if err != nil {
		return strings.TrimSpace(strings.Trim(line, ", "))
	}
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " ")
}

// oneLine joins a cell's lines: its sub-items "1.…" "2.…" stay inside the
// field (see stepNumber) instead of starting lines read as measures.
func oneLine(s string) string {
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "")
}

// firstClause is a content's opening up to its first comma or stop, as a
// title where the list has no name column.
func firstClause(s string) string {
	if i := strings.IndexAny(s, "，。；"); i > 0 && utf8.RuneCountInString(s[:i]) <= 30 {
		return s[:i]
	}
	return s
}

// csvDuty writes a record's units, people and phones as duty lines that
// readDuty pairs: "责任单位：" with every unit, then either "联系人：" with a
// group per person ("U P 联系电话：X", the i-th person and phone the i-th
// unit's, or the only unit's) or, without people, "咨询电话：" with each
// phone tagged with its unit by position.
func csvDuty(units, people, phones string) string {
	return csvDutyLines(units, people, phones, false)
}

// csvDutyLines writes csvDuty's lines; byPerson writes a sheet's (see
// sheetDuty).
func csvDutyLines(units, people, phones string, byPerson bool) string {
	split := func(s string) []string {
		var out []string
		for _, v := range cellSep.Split(s, -1) {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	us, ps, fs := split(units), split(people), split(phones)
	unitOf := func(i int) string {
		switch {
		case i < len(us) && len(us) > 1:
			return us[i]
		case len(us) == 1 && i == 0:
			return us[0]
		}
		return ""
	}
	var lines []string
	if len(us) > 0 {
		lines = append(lines, "责任单位："+strings.Join(us, "、"))
	}
	switch {
	case len(ps) > 0:
		var groups []string
		for i := range max(len(ps), len(fs)) {
			var g []string
			u := unitOf(i)
			switch {
			case byPerson && i < len(ps):
				g = append(g, ps[i]+personUnit(u, len(us)))
			default:
				if u != "" {
					g = append(g, u)
				}
				if i < len(ps) {
					g = append(g, ps[i])
				}
			}
			if i < len(fs) {
				g = append(g, "联系电话："+fs[i])
			}
			groups = append(groups, strings.Join(g, " "))
		}
		lines = append(lines, "联系人："+strings.Join(groups, "；"))
	case len(fs) > 0:
		var tagged []string
		for i, f := range fs {
			if u := unitOf(i); u != "" && len(us) > 1 {
				if byPerson {
					u = unitBase(u)
				}
				f += "（" + u + "）"
			}
			tagged = append(tagged, f)
		}
		lines = append(lines, "咨询电话："+strings.Join(tagged, "、"))
	}
	return strings.Join(lines, "\n")
}

// csvRecord is one record of a CSV list as normalizeCSV writes it.
type csvRecord struct {
	cells   map[string]string
	seq     int // its 序号, 0 if unreadable
	section int // 1-based: the categories begun up to it
	number  int // as a reader counts through the file
	heading string
	// suspect is set for a record next to one out of its order: a moved
	// sentence carried a record's start with the previous record's last
	// cells, so the cells read next to it may be another record's.
	suspect bool
}

// csvNumbered reads each record's cells and numbers the records as a
// reader counts them: by 序号, counted on through the categories where it
// starts again at 1 in each. A moved sentence carries a record's start
// (with the last cells of the record before it) elsewhere: the record that
// stands between two that follow each other is put back into the gap its
// 序号 fits, and it and the records whose last cells the move exchanged
// are marked suspect (their contacts are not written). Any other record
// out of order is marked suspect with the one before it.
func csvNumbered(records [][]string, roles []string) []csvRecord {
	var recs []csvRecord
	for _, rec := range records {
		r := csvRecord{cells: map[string]string{}}
		for i, c := range rec {
			if i < len(roles) && roles[i] != "" {
				c = strings.TrimSpace(c)
				if c == "/" || c == "／" || c == "-" || c == "—" || c == "无" {
					c = ""
				}
				r.cells[roles[i]] = c
			} else if i == 0 {
				r.seq, _ = strconv.Atoi(strings.TrimSpace(c))
			}
		}
		if r.cells["title"] == "" && r.cells["政策内容"] == "" {
			continue
		}
		recs = append(recs, r)
	}
	// 序号 counted through the file (a category's first row not 1).
	through := false
	for _, r := range recs[min(1, len(recs)):] {
		if r.cells["category"] != "" && r.seq > 1 {
			through = true
		}
	}
	follows := func(a, b csvRecord) bool {
		if a.seq == 0 || b.seq == 0 {
			return true
		}
		if b.cells["category"] != "" && !through {
			return b.seq == 1
		}
		return b.seq == a.seq+1
	}
	moves := 0
	for i := 1; i < len(recs) && moves <= len(recs); i++ {
		r := recs[i]
		// Between two records in a category's order (a category's first
		// row follows any record: no evidence), or the last.
		if i+1 < len(recs) && (recs[i+1].cells["category"] != "" || !follows(recs[i-1], recs[i+1])) ||
			follows(recs[i-1], r) && (i+1 == len(recs) || follows(r, recs[i+1])) {
			continue
		}
		// Displaced: take it out, and put it back where its 序号 fits.
		recs[i-1].suspect = true
		r.suspect = true
		recs = slices.Delete(recs, i, i+1)
		// A gap in the order, else the end of a section (a category's
		// first row follows any record), the nearest to where it stood.
		at, end := -1, -1
		for j := 0; j < len(recs); j++ {
			if !follows(recs[j], r) || j+1 < len(recs) && !follows(r, recs[j+1]) {
				continue
			}
			if j+1 < len(recs) && !follows(recs[j], recs[j+1]) {
				at = j
				break
			}
			if (j+1 == len(recs) || recs[j+1].cells["category"] != "") && (end < 0 || abs(j-i) < abs(end-i)) {
				end = j
			}
		}
		if at < 0 {
			at = end
		}
		if at < 0 {
			// Nowhere else to go: back in its place.
			recs = slices.Insert(recs, i, r)
			continue
		}
		recs[at].suspect = true
		recs = slices.Insert(recs, at+1, r)
		moves++
		i = 0
	}
	for i := 1; i < len(recs); i++ {
		if !follows(recs[i-1], recs[i]) {
			recs[i-1].suspect, recs[i].suspect = true, true
		}
	}
	section, last, offset, sectionMax := 0, 0, 0, 0
	var out []csvRecord
	for _, r := range recs {
		if c := r.cells["category"]; c != "" || section == 0 {
			section++
			offset += sectionMax
			sectionMax = 0
			if c != "" {
				r.heading = Numeral(section) + "、" + categoryNumeral.ReplaceAllString(oneLine(c), "")
			}
		}
		switch {
		case r.seq == 0:
			r.number = last + 1
		case through:
			r.number = r.seq
		default:
			r.number = offset + r.seq
			sectionMax = max(sectionMax, r.seq)
		}
		if r.number <= last {
			continue // a number read twice: the later record is dropped
		}
		last = r.number
		out = append(out, r)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
