package seeds

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A policy list (政策清单, issue 20) may number its measures by part and
// item, anew in each part, and name their contacts only in an appendix
// table whose rows say which measures they cover:
//
//	一、财税支持政策
//	1.1全面落实……。
//	1.2  免征……。
//	二、金融支持政策
//	2.1 ……
//	…
//	附件：
//	政策咨询联系表
//	序号  政策条目  责任单位  联系人  联系电话
//	1  1.1-1.4  区税务局  周　扬  0577-86312366
//	2	1.5、2.4	区财政局	林晓东	0577-86320115
//	3  第四部分  区商务局  蒋文博  0577-86340317
//
// The measures are numbered 1..N through the guide in the order of their
// part and item numbers: "1.1" is measure 1, "2.1" the one after the first
// part's last item ("3.10" after "3.9", never 3.1). A table row's 政策条目
// is one number, a range ("1.1-1.4"), a list across parts ("1.5、2.4") or
// a whole part ("第六部分"), and its cells are separated by TABs or two or
// more spaces (a name's full-width space, "徐　佳", separates nothing).
// normalizeDecimal rewrites such a guide into the numbered layout: each
// part.item becomes "K．" where it stands, and the table becomes the
// one-cell-per-line contact table readTables knows (附件：政策咨询联系表,
// one row per measure K: 序号 / 政策措施 / 责任单位 / 联系人 / 联系电话),
// several contacts of a measure separated by "；" in each cell (see
// rowContacts). A corrupted copy glues a number to the sentence or the
// heading before it and copies sentences: a number is read after a line's
// start, a sentence's end or a part heading, and each copy is rewritten
// alike.
var (
	// decimalAt is a part.item number with what stands before it on its
	// line; the spaces (and a 、 or ．) after the number go with it.
	decimalAt = regexp.MustCompile(`(?m)(^|[。！？；）)])([ \t　]*(?:[一二三四五六七八九十]+、[^。\n]{0,40}?)?[ \t　]*)(\d{1,2})[.．](\d{1,2})([ \t　]*(?:[、．][ \t　]*)?)([^\n])`)
	// decimalAfter is what a number in a sentence ("1.5倍", "2.5%") is
	// followed by, never a measure's text.
	decimalAfter = regexp.MustCompile(`^[\d%％‰倍万亿元个年月日天小时米平方公吨kKmM.．,，\-—–~～至]`)
	// decimalCellSep separates a pasted table's cells: a TAB or two spaces or
	// more (a name's full-width space is no separator).
	decimalCellSep = regexp.MustCompile(`[ ]*\t[ \t]*|[ ]{2,}`)
	// itemRef is one reference of a 政策条目 cell: a number or a range.
	itemRef = regexp.MustCompile(`^(\d{1,2})[.．](\d{1,2})(?:[ ]*[-—–~～至][ ]*(?:(\d{1,2})[.．])?(\d{1,2}))?$`)
	partRef = regexp.MustCompile(`^第([一二三四五六七八九十]+)(?:部分|章|类)`)
	// refsHeader names the column that says which measures a row covers.
	refsHeader = regexp.MustCompile(`条目|条款|政策编号|对应条|对应政策|政策序号`)
	// splitPhone is a phone cell's "/" between numbers that share an
	// area code ("0576-82419620/82419623").
	areaPrefix = regexp.MustCompile(`^(0\d{2,3}[-－—])\d{7,8}$`)
	localNum   = regexp.MustCompile(`^\d{7,8}$`)
)

// decimalMinItems is how many distinct part.item starts, across two parts
// at least, make a guide numbered by part and item.
const decimalMinItems = 6

type partItem struct{ part, item int }

// decimalRow is a contact table row: the measures it covers and its cells.
type decimalRow struct {
	items               []partItem
	parts               []int
	unit, people, phone string
}

// normalizeDecimal rewrites a guide numbered by part and item (see above);
// any other text comes back unchanged.
func normalizeDecimal(text string) string {
	starts := decimalAt.FindAllStringSubmatchIndex(text, -1)
	seen := map[partItem]bool{}
	maxItem := map[int]int{}
	firsts := 0
	var keep [][]int
	for _, s := range starts {
		if decimalAfter.MatchString(text[s[12]:s[13]]) {
			continue
		}
		p, _ := strconv.Atoi(text[s[6]:s[7]])
		i, _ := strconv.Atoi(text[s[8]:s[9]])
		if p == 0 || i == 0 {
			continue
		}
		keep = append(keep, s)
		if !seen[partItem{p, i}] {
			seen[partItem{p, i}] = true
			if i == 1 {
				firsts++
			}
		}
		maxItem[p] = max(maxItem[p], i)
	}
	if len(seen) < decimalMinItems || len(maxItem) < 2 || firsts < 2 {
		return text
	}
	lines := strings.Split(text, "\n")
	header, rows, end := decimalTable(lines)
	for _, r := range rows {
		for _, it := range r.items {
			if it.part <= len(maxItem)+1 && maxItem[it.part] > 0 {
				maxItem[it.part] = max(maxItem[it.part], it.item)
			}
		}
	}
	parts := mapsKeys(maxItem)
	offset := map[int]int{}
	n := 0
	for _, p := range parts {
		offset[p] = n
		n += maxItem[p]
	}
	number := func(it partItem) int {
		if maxItem[it.part] == 0 || it.item > maxItem[it.part] {
			return 0
		}
		return offset[it.part] + it.item
	}
	body := text
	tail := ""
	if header >= 0 {
		at := len(strings.Join(lines[:header], "\n"))
		body, tail = text[:at], "\n"+decimalContacts(rows, number, maxItem, offset, n)+strings.Join(lines[end:], "\n")
	}
	var b strings.Builder
	last := 0
	for _, s := range keep {
		if s[1] > len(body) {
			break
		}
		p, _ := strconv.Atoi(text[s[6]:s[7]])
		i, _ := strconv.Atoi(text[s[8]:s[9]])
		k := number(partItem{p, i})
		if k == 0 {
			continue
		}
		b.WriteString(text[last:s[6]])
		b.WriteString(strconv.Itoa(k) + "．")
		last = s[11] // the spaces after the number go
		if eol := strings.IndexByte(body[last:], '\n'); eol > 0 && titleOnly(body[last:last+eol]) {
			// A number line holding only a title, its content in
			// sub-items on the lines after: the title is a sentence.
			b.WriteString(strings.TrimRight(body[last:last+eol], " \t　") + "。")
			last += eol
		}
	}
	b.WriteString(body[last:])
	if first := decimalFirst(body); first > 0 {
		// The web page's lines above the notice (see pageHead).
		out := b.String()
		return decimalHead(out[:first]) + out[first:] + tail
	}
	return b.String() + tail
}

// decimalHead drops the lines a web page puts above the notice (the
// breadcrumb, the font and print links) and keeps of the line under the
// title its date, as 发布日期: the title then opens the guide and the date
// is its publication's. The head holds no 。 before the notice's first
// sentence, so a corrupted copy keeps it in place.
func decimalHead(head string) string {
	lines := strings.Split(head, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.Trim(l, " \t　")
		if breadcrumb.MatchString(t) || shareLine.MatchString(t) {
			continue
		}
		if m := webHeadLine.FindStringSubmatch(t); m != nil && strings.HasPrefix(t, "发布") {
			l = fmt.Sprintf("发布日期：%s-%02s-%02s", m[1], pad2(m[2]), pad2(m[3]))
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// decimalFirst is where the first line numbered by part and item begins.
func decimalFirst(text string) int {
	s := decimalAt.FindStringSubmatchIndex(text)
	if s == nil {
		return 0
	}
	return strings.LastIndex(text[:s[6]], "\n") + 1
}

func mapsKeys(m map[int]int) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// decimalTable finds the contact table: its header line (or -1), its rows
// and the line after its last row.
func decimalTable(lines []string) (header int, rows []decimalRow, end int) {
	header = -1
	var cols []string
	for k, l := range lines {
		cells := decimalCellSep.Split(strings.Trim(l, " \t　"), -1)
		if len(cells) >= 3 && cells[0] == "序号" && slices.ContainsFunc(cells, refsHeader.MatchString) {
			header, cols = k, cells
			break
		}
	}
	if header < 0 {
		return -1, nil, 0
	}
	end = header + 1
	for ; end < len(lines); end++ {
		cells := decimalCellSep.Split(strings.Trim(lines[end], " \t　"), -1)
		if len(cells) < 3 || rowNumberOf(cells[0]) == 0 {
			break
		}
		if len(cells) != len(cols) {
			// An empty cell leaves no trace between separators: the
			// row's cells are known by what they hold.
			rows = append(rows, cellsByContent(cells[1:]))
			continue
		}
		var r decimalRow
		for c, name := range cols {
			v := strings.TrimSpace(cells[c])
			switch {
			case refsHeader.MatchString(name):
				r.items, r.parts = readRefs(v)
			case colPeople.MatchString(name):
				r.people = strings.Join(strings.Fields(strings.ReplaceAll(v, "　", " ")), "")
			case colPhone.MatchString(name):
				r.phone = splitPhones(v)
			case colUnit.MatchString(name):
				r.unit = v
			}
		}
		rows = append(rows, r)
	}
	return header, rows, end
}

// cellsByContent reads a row whose cells do not line up with the header's:
// the measures it covers, a phone, a short name, a unit.
func cellsByContent(cells []string) decimalRow {
	var r decimalRow
	for _, v := range cells {
		v = strings.TrimSpace(v)
		switch items, parts := readRefs(v); {
		case len(items)+len(parts) > 0 && r.items == nil && r.parts == nil:
			r.items, r.parts = items, parts
		case decimalPhone.MatchString(v):
			r.phone = splitPhones(v)
		case decimalUnitEnd.MatchString(v) && r.unit == "":
			r.unit = v
		case decimalPerson.MatchString(v) && r.people == "":
			r.people = strings.Join(strings.Fields(strings.ReplaceAll(v, "　", " ")), "")
		case r.unit == "":
			r.unit = v
		}
	}
	return r
}

var (
	decimalPhone   = regexp.MustCompile(`\d{5,}`)
	decimalUnitEnd = regexp.MustCompile(`(?:局|办|委|中心|院|会|部|所|处|科|站|队|行|司|府)$`)
	// decimalPerson is a person's name (a full-width space may stand
	// inside), never a unit's.
	decimalPerson = regexp.MustCompile(`^[\p{Han}][\p{Han} 　]{1,4}$`)
)

// readRefs reads a 政策条目 cell: numbers, ranges within a part, whole
// parts. A range across parts ("1.4-2.2") keeps its ends only.
func readRefs(v string) (items []partItem, parts []int) {
	for _, ref := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("、，,；;和及 ", r) }) {
		if m := partRef.FindStringSubmatch(ref); m != nil {
			parts = append(parts, ParseNumeral(m[1]))
			continue
		}
		m := itemRef.FindStringSubmatch(ref)
		if m == nil {
			continue
		}
		p, _ := strconv.Atoi(m[1])
		from, _ := strconv.Atoi(m[2])
		to := from
		if m[4] != "" {
			to, _ = strconv.Atoi(m[4])
			if m[3] != "" && m[3] != m[1] {
				q, _ := strconv.Atoi(m[3])
				items = append(items, partItem{p, from}, partItem{q, to})
				continue
			}
		}
		for i := from; i <= to && i-from < 50; i++ {
			items = append(items, partItem{p, i})
		}
	}
	return items, parts
}

// splitPhones writes a phone cell's "0576-82419620/82419623" as two
// numbers, the second with the first's area code.
func splitPhones(v string) string {
	nums := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '／' })
	if len(nums) < 2 {
		return v
	}
	area := ""
	if m := areaPrefix.FindStringSubmatch(strings.TrimSpace(nums[0])); m != nil {
		area = m[1]
	}
	for k, x := range nums {
		x = strings.TrimSpace(x)
		if k > 0 && area != "" && localNum.MatchString(x) {
			x = area + x
		}
		nums[k] = x
	}
	return strings.Join(nums, "、")
}

// decimalContacts writes the contact table one cell per line, a row per
// measure 1..n with the contacts of every row covering it.
func decimalContacts(rows []decimalRow, number func(partItem) int, maxItem, offset map[int]int, n int) string {
	var b strings.Builder
	b.WriteString("序号\n政策措施\n责任单位\n联系人\n联系电话\n")
	for k := 1; k <= n; k++ {
		var units, people, phones []string
		for _, r := range rows {
			covers := slices.ContainsFunc(r.items, func(it partItem) bool { return number(it) == k })
			for _, p := range r.parts {
				if maxItem[p] > 0 && k > offset[p] && k <= offset[p]+maxItem[p] {
					covers = true
				}
			}
			if covers {
				units, people, phones = append(units, orNone(r.unit)), append(people, orNone(r.people)), append(phones, orNone(r.phone))
			}
		}
		if len(units) == 0 {
			units, people, phones = []string{"/"}, []string{"/"}, []string{"/"}
		}
		fmt.Fprintf(&b, "%d\n/\n%s\n%s\n%s\n", k, strings.Join(units, "；"), strings.Join(people, "；"), strings.Join(phones, "；"))
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "/"
	}
	return s
}

// titleOnly reports whether a measure's number line holds a short title
// and no sentence's end.
func titleOnly(line string) bool {
	t := strings.TrimRight(line, " \t　")
	return t != "" && utf8.RuneCountInString(t) <= 30 && !strings.ContainsAny(t, "。！？；：，,;:") && !strings.HasSuffix(t, "）")
}
