package seeds

import (
	"encoding/csv"
	"regexp"
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
	csvTrailer  = regexp.MustCompile(`^[ \t]*"?(?:备注|注[：:]|填报单位|填报日期|制表|审核人)`)
	fillDate    = regexp.MustCompile(`(?:填报|制表)日期[：:][ \t　]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?`)
	fillUnit    = regexp.MustCompile(`填报单位[：:][ \t　]*([^ \t　（(,，]+)`)
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
	{[]string{"办理方式", "办理流程", "申报方式", "办理渠道"}, "办理方式"},
	{[]string{"执行期限", "有效期", "执行时间", "兑现时间"}, "执行期限"},
	{[]string{"责任单位", "牵头单位", "责任部门", "主管部门"}, "unit"},
	{[]string{"联系人"}, "person"},
	{[]string{"联系电话", "咨询电话", "联系方式"}, "phone"},
	{[]string{"政策类别", "类别", "分类"}, "category"},
}

// csvHeader returns the roles of a header row's cells, or nil if the line
// is no list's header (序号 first, a title or content column, a unit).
func csvHeader(line string) []string {
	if !strings.Contains(line, "序") || !strings.Contains(line, ",") {
		return nil
	}
	r := csv.NewReader(strings.NewReader(line))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	cells, err := r.Read()
	// A cell's name may be spaced out to fill the cell ("序 号").
	name := func(c string) string { return strings.Join(strings.Fields(strings.TrimPrefix(c, "\uFEFF")), "") }
	if err != nil || len(cells) < 4 || name(cells[0]) != "序号" {
		return nil
	}
	roles := make([]string, len(cells))
	found := map[string]bool{}
	for i, c := range cells {
		c = name(c)
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

// normalizeCSV rewrites a CSV policy list (see above); it returns the
// rewritten text and the copies it dropped. Any other text comes back
// unchanged.
func normalizeCSV(text string) (string, []Duplicate) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	header := -1
	var roles []string
	for i, l := range lines {
		if roles = csvHeader(l); roles != nil {
			header = i
			break
		}
	}
	if header < 0 {
		return text, nil
	}
	body, dups := dropCopies(strings.Join(lines[header+1:], "\n"))
	var head []string
	for _, l := range lines[:header] {
		if t := csvCell(l); t != "" {
			head = append(head, t)
		}
	}
	var records [][]string
	var trailer []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			records = append(records, readRecord(strings.Join(cur, "\n")))
			cur = nil
		}
	}
	for _, l := range strings.Split(body, "\n") {
		switch {
		case csvTrailer.MatchString(l):
			flush()
			trailer = append(trailer, csvCell(l))
		case len(trailer) > 0:
			if t := csvCell(l); t != "" {
				trailer = append(trailer, t)
			}
		case csvRowStart.MatchString(l):
			flush()
			cur = append(cur, l)
		default:
			cur = append(cur, l)
		}
	}
	flush()

	var out []string
	if len(head) > 0 {
		out = append(out, head[0])
	}
	tail := strings.Join(trailer, "\n")
	if m := fillDate.FindStringSubmatch(tail); m != nil {
		out = append(out, "发布日期："+m[1]+"-"+pad2(m[2])+"-"+pad2(m[3]))
	}
	if m := fillUnit.FindStringSubmatch(tail); m != nil {
		out = append(out, "来源："+m[1]+"。")
	}
	if len(head) > 1 {
		out = append(out, head[1:]...)
	}
	n, section := 0, 0
	for _, rec := range records {
		cells := map[string]string{}
		for i, c := range rec {
			if i < len(roles) && roles[i] != "" {
				c = strings.TrimSpace(c)
				if c == "/" || c == "／" || c == "-" || c == "—" || c == "无" {
					c = ""
				}
				cells[roles[i]] = c
			}
		}
		if cells["title"] == "" && cells["政策内容"] == "" {
			continue
		}
		if c := cells["category"]; c != "" {
			section++
			out = append(out, Numeral(section)+"、"+oneLine(c))
		}
		n++
		title := oneLine(cells["title"])
		if title == "" {
			title = firstClause(oneLine(cells["政策内容"]))
		}
		out = append(out, strconv.Itoa(n)+". "+title)
		for _, label := range []string{"政策内容", "适用对象", "办理方式", "执行期限"} {
			if v := oneLine(cells[label]); v != "" {
				out = append(out, label+"："+v)
			}
		}
		if d := csvDuty(cells["unit"], cells["person"], cells["phone"]); d != "" {
			out = append(out, d)
		}
	}
	for _, t := range trailer {
		if !fillDate.MatchString(t) && !fillUnit.MatchString(t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n"), dups
}

// dropCopies drops every copy of a sentence (cut at 。) but the last, and
// returns what it dropped.
func dropCopies(body string) (string, []Duplicate) {
	var sents []string
	for body != "" {
		i := strings.Index(body, "。")
		if i < 0 {
			sents = append(sents, body)
			break
		}
		sents = append(sents, body[:i+len("。")])
		body = body[i+len("。"):]
	}
	key := func(s string) string { return strings.Join(strings.Fields(s), "") }
	lastAt := map[string]int{}
	for i, s := range sents {
		lastAt[key(s)] = i
	}
	var b strings.Builder
	var dups []Duplicate
	seen := map[string]int{}
	for i, s := range sents {
		k := key(s)
		if lastAt[k] != i {
			if j, ok := seen[k]; ok {
				dups[j].Copies++
			} else {
				seen[k] = len(dups)
				dups = append(dups, Duplicate{Sentence: k, Copies: 1})
			}
			// The line break the corruption put after the copy goes with it.
			continue
		}
		b.WriteString(s)
	}
	return b.String(), dups
}

// readRecord reads one record's lines as CSV; a line break the corruption
// put inside an unquoted cell split it into records, joined back here.
func readRecord(s string) []string {
	r := csv.NewReader(strings.NewReader(s))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	recs, _ := r.ReadAll()
	var out []string
	for _, rec := range recs {
		if len(out) > 0 && len(rec) > 0 {
			out[len(out)-1] += rec[0]
			rec = rec[1:]
		}
		out = append(out, rec...)
	}
	return out
}

// csvCell is a title, note or trailer row's text: its cells joined, the
// padding commas and quotes gone.
func csvCell(line string) string {
	r := csv.NewReader(strings.NewReader(line))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
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
			if u := unitOf(i); u != "" {
				g = append(g, u)
			}
			if i < len(ps) {
				g = append(g, ps[i])
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
				f += "（" + u + "）"
			}
			tagged = append(tagged, f)
		}
		lines = append(lines, "咨询电话："+strings.Join(tagged, "、"))
	}
	return strings.Join(lines, "\n")
}
