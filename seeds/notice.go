package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A county 通知 may number its measures "（1）" … "（40）" — Arabic digits in
// full-width brackets — straight through the document, end each measure with
// "（牵头单位：…；责任单位：…）", and give the contacts once per section, after
// its measures (issue 20):
//
//	（7）开展贷款延期还本付息。……（牵头单位：县金融办；责任单位：…）
//	完成时限：2022年6月底前
//	— 3 —
//	以上第（7）—（11）项政策咨询：县金融办 张某 0730-2xxxxxx；县财政局 李某 0730-2xxxxxx；其中第（9）项：县医保局 王某 0730-2xxxxxx
//
// normalizeBracketNumbers rewrites such a text into the numbered layout the
// parser reads: a start "（7）" becomes "7．", page numbers are dropped, lines
// a PDF or a web page cut inside a sentence are joined, a labelled line left
// unterminated (完成时限：…) is ended with 。, an appendix's own numbered items
// (service windows) lose their numbers so that they are not read as measures
// 1, 2, …, and each section's contact line gives every measure it covers the
// contact whose unit is the measure's 牵头单位 (else the line's first), in
// the measure's clause or as a contact line after it (see
// placeSectionContacts). Any other text comes back unchanged.
var (
	// bracketStart is a measure number in brackets at a line's start.
	bracketStart = regexp.MustCompile(`^[ \t　]*[（(](\d{1,3})[）)][ \t　]*`)
	// dotStart is a line numbered "1．" "1." "1、".
	dotStart = regexp.MustCompile(`^[ \t　]*(\d{1,3})[.．、]`)
	// pageNumber is a page footer copied from a PDF: "— 5 —", "- 5 -".
	pageNumber = regexp.MustCompile(`^[ \t　]*[—－\-]+[ \t　]*\d{1,3}[ \t　]*[—－\-]+[ \t　]*$`)
	// sectionContacts opens a section's contact line: "以上第（1）—（6）项政策咨询：".
	sectionContacts = regexp.MustCompile(`以上第?[（(](\d{1,3})[）)]项?[ \t　]*[—－\-~～至到]+[ \t　]*第?[（(](\d{1,3})[）)]项(?:政策)?(?:咨询|联系)(?:电话|方式)?[：:]`)
	// exceptionAt is an exception inside that line: "其中第（9）项：".
	exceptionAt = regexp.MustCompile(`^其中第?[（(](\d{1,3})[）)](?:[、，,和及]第?[（(](\d{1,3})[）)])*项[：:]`)
	// contactTriple is "unit person phone" (person optional), separated by
	// spaces; the phone may be cut by a line break after its "-".
	contactTriple = regexp.MustCompile(`^([^\s；;：:，,0-9]{2,30})[ \t　]+(?:([^\s；;：:，,0-9]{2,4})[ \t　]*)?((?:0\d{2,3}-[ \t　]*\d{7,8}|1[3-9]\d{9}|[2-9]\d{6,7}|1\d{4})(?:[、/][ \t　]*(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9}|[2-9]\d{6,7}|1\d{4}))*)$`)
	// gluedTriple is a contact whose unit, ending like a unit, runs into
	// the person's name: "县税务局张某某 0730-2xxxxxx".
	gluedTriple = regexp.MustCompile(`^([^\s；;：:，,0-9]{1,28}(?:局|委|办|中心|公司|银行|支行|分局|站|所|院|会|室|科|队))[ \t　]*([^\s；;：:，,0-9]{2,4})[ \t　]*((?:0\d{2,3}-[ \t　]*\d{7,8}|1[3-9]\d{9}|[2-9]\d{6,7}|1\d{4})(?:[、/][ \t　]*(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9}|[2-9]\d{6,7}|1\d{4}))*)$`)
	// gluedBracketStart is a start "（12）" right after a sentence's or a
	// clause's end inside a line; "第（4）项" is a reference, no start.
	gluedBracketStart = regexp.MustCompile(`([。）)])[ \t　]*[（(](\d{1,3})[）)][ \t　]*`)
	// appendixItem is an appendix item's number: "1．", at a line's start or
	// after the words before it, never inside a number ("8.5").
	appendixItem = regexp.MustCompile(`(^|[^\d.．])(\d{1,3})[.．]([^\d]|$)`)
	// clauseLead is the 牵头单位 of a measure's clause.
	clauseLead = regexp.MustCompile(`[（(]牵头(?:单位|部门)[：:]([^；;，,）)、]+)`)
	// labelLine is a short label and its value: "完成时限：2022年6月底前".
	labelLine = regexp.MustCompile(`^[^\s，,。：:（(]{2,6}[：:]`)
	// lineEnd is what ends a line that finishes its sentence or clause.
	lineEnd = regexp.MustCompile(`[。；;！!？?）)：:]$`)
	// sectionLine is a section heading "一、…".
	sectionLine = regexp.MustCompile(`^[ \t　]*[一二三四五六七八九十]+、`)
)

// bracketNumbered reports whether the text's measures are numbered "（N）" at
// line starts, through the document: at least eight distinct such numbers,
// covering most of 1 to the highest, and more than twice as many as the
// numbers of lines numbered "N．" or "（一）" (a guide numbering its
// measures so writes its steps "（1）（2）", few distinct ones). A corrupted
// seed's copies put numbers out of order, which says nothing here.
func bracketNumbered(lines []string) bool {
	distinct, dots, parens := map[int]bool{}, map[int]bool{}, map[int]bool{}
	highest := 0
	for _, l := range lines {
		if m := bracketStart.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			distinct[n] = true
			highest = max(highest, n)
		} else if m := dotStart.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			dots[n] = true
		} else if m := parenItem.FindStringSubmatchIndex(l); m != nil && strings.TrimLeft(l[:m[0]], " \t　") == "" {
			parens[ParseNumeral(l[m[2]:m[3]])] = true
		}
	}
	return len(distinct) >= 8 && len(distinct)*5 >= highest*4 && len(distinct) > 2*max(len(dots), len(parens))
}

// opensLine reports whether a line opens something of its own (a measure,
// a heading, a label, a section's contacts, an appendix), so that the line
// before it is not continued by it.
func opensLine(t string) bool {
	return t == "" || bracketStart.MatchString(t) || dotStart.MatchString(t) || sectionLine.MatchString(t) ||
		labelLine.MatchString(t) || strings.HasPrefix(t, "以上") || strings.HasPrefix(t, appendixWord) || pageNumber.MatchString(t)
}

func normalizeBracketNumbers(text string) string {
	lines := strings.Split(text, "\n")
	if !bracketNumbered(lines) {
		return text
	}
	first, last := -1, -1
	for i, l := range lines {
		if bracketStart.MatchString(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	// The appendix after the last measure: its numbered items are not
	// measures.
	appendix := len(lines)
	for i := last + 1; i < len(lines); i++ {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), appendixWord) {
			appendix = i
			break
		}
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		t := strings.TrimRight(lines[i], " \t　\r")
		if i >= first && pageNumber.MatchString(t) {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(t), appendixWord) || i > appendix {
			// The appendix's items (a corrupted seed may glue them to its
			// title or to each other) lose their numbers.
			t = appendixItem.ReplaceAllString(t, "$1$3")
		}
		if i >= first && i < appendix && !strings.HasPrefix(strings.TrimSpace(t), appendixWord) {
			// A line cut inside a sentence goes on in the next.
			// A section's contact line ending on "；" lists more
			// contacts on the next line.
			for (!lineEnd.MatchString(t) || sectionContacts.MatchString(t) && strings.HasSuffix(t, "；")) && strings.TrimSpace(t) != "" && i+1 < appendix {
				next := strings.TrimSpace(lines[i+1])
				if pageNumber.MatchString(next) {
					i++
					continue
				}
				if opensLine(next) {
					break
				}
				t += next
				i++
			}
			if labelLine.MatchString(strings.TrimSpace(t)) && !lineEnd.MatchString(t) && !sectionContacts.MatchString(t) {
				t += "。"
			}
			if m := bracketStart.FindStringSubmatch(t); m != nil {
				t = m[1] + "．" + t[len(m[0]):]
			}
			// A start whose line break a corrupted seed lost follows the
			// sentence or clause before it on its line: it goes on a line
			// of its own.
			t = gluedBracketStart.ReplaceAllString(t, "$1\n$2．")
		} else if i >= first {
			// The appendix's lines stand alone: none continues a measure.
			if strings.TrimSpace(t) != "" && !lineEnd.MatchString(t) {
				t += "。"
			}
		}
		out = append(out, t)
	}
	return strings.Join(placeSectionContacts(out), "\n")
}

// sectionContact is one "unit person phone" of a section's contact line.
type sectionContact struct {
	unit, person, phones string
}

func (c sectionContact) line() string {
	s := "联系人：" + c.unit
	if c.person != "" {
		s += " " + c.person
	}
	return s + " 联系电话：" + c.phones
}

// readSectionContacts reads the contacts after a section's contact label:
// "；"-separated triples, an exception "其中第（9）项：…" applying to the
// measures it names. It returns the section's contacts, the exceptions and
// whether every entry was read (else the line stays in the text as well).
func readSectionContacts(s string) ([]sectionContact, map[int][]sectionContact, bool) {
	var all []sectionContact
	except := map[int][]sectionContact{}
	ok := true
	for _, entry := range strings.FieldsFunc(s, func(r rune) bool { return r == '；' || r == ';' }) {
		entry = strings.TrimRight(strings.TrimSpace(entry), "。")
		var only []int
		if m := exceptionAt.FindStringSubmatch(entry); m != nil {
			for _, g := range m[1:] {
				if n, err := strconv.Atoi(g); err == nil {
					only = append(only, n)
				}
			}
			entry = strings.TrimSpace(entry[len(m[0]):])
		}
		m := contactTriple.FindStringSubmatch(entry)
		if m == nil || !unitLike(m[1]) {
			// The unit and the person without a space between them
			// ("县税务局张某某 0730-…"), or the person and the phone.
			if g := gluedTriple.FindStringSubmatch(entry); g != nil {
				m = []string{g[0], g[1], g[2], g[3]}
			}
		}
		if m == nil || !unitNamed(m[1]) {
			ok = false
			continue
		}
		c := sectionContact{unit: m[1], person: m[2], phones: strings.Join(strings.Fields(m[3]), "")}
		if only == nil {
			all = append(all, c)
		}
		for _, n := range only {
			except[n] = append(except[n], c)
		}
	}
	return all, except, ok
}

// placeSectionContacts moves each section contact line's contacts to the
// measures it covers (see normalizeBracketNumbers): into the measure's
// clause, before its closing bracket ("（牵头单位：…；联系人：张某；联系电话：…）"),
// where the bracket keeps a phone apart from the next measure's number, or
// else as a contact line after the measure. A line it cannot read whole
// stays where it is.
func placeSectionContacts(lines []string) []string {
	// end[n] is the last line of measure n, clause[n] the line of its
	// clause and lead[n] its 牵头单位.
	end, clause, lead := map[int]int{}, map[int]int{}, map[int]string{}
	cur := 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if m := dotStart.FindStringSubmatch(t); m != nil {
			cur, _ = strconv.Atoi(m[1])
			if _, seen := end[cur]; seen {
				cur = 0 // an appendix or a reference: not a measure's lines
				continue
			}
			end[cur] = i
		} else if t == "" || sectionLine.MatchString(t) || sectionContacts.MatchString(t) || strings.HasPrefix(t, appendixWord) {
			cur = 0
		} else if cur > 0 {
			end[cur] = i
		}
		if cur > 0 {
			if m := clauseLead.FindStringSubmatch(t); m != nil {
				lead[cur] = strings.TrimSpace(m[1])
				clause[cur] = i
			}
		}
	}
	after := map[int][]string{} // line index -> contact lines to write after it
	drop := map[int]bool{}
	// given marks the measures already given their contacts: a copy of the
	// contact line (a corrupted seed's) gives them nothing more.
	given := map[int]bool{}
	// listed are the units any section's line names: a lead listed under
	// another section than the measure's own is no case for the line's
	// first contact (a clause a corrupted seed moved there, most likely).
	listed := map[string]bool{}
	for _, l := range lines {
		if loc := sectionContacts.FindStringIndex(l); loc != nil {
			all, except, _ := readSectionContacts(l[loc[1]:])
			for _, c := range all {
				listed[c.unit] = true
			}
			for _, cs := range except {
				for _, c := range cs {
					listed[c.unit] = true
				}
			}
		}
	}
	for i, l := range lines {
		loc := sectionContacts.FindStringSubmatchIndex(l)
		if loc == nil {
			continue
		}
		from, _ := strconv.Atoi(l[loc[2]:loc[3]])
		to, _ := strconv.Atoi(l[loc[4]:loc[5]])
		all, except, whole := readSectionContacts(l[loc[1]:])
		if len(all) == 0 || to < from || to-from > 100 {
			continue
		}
		placed := false
		for n := from; n <= to; n++ {
			at, known := end[n]
			if !known || given[n] {
				placed = placed || given[n]
				continue
			}
			given[n] = true
			cs, named := except[n], true
			if cs == nil {
				cs, named = []sectionContact{all[0]}, false
				for _, c := range all {
					if c.unit == lead[n] {
						cs, named = []sectionContact{c}, true
						break
					}
				}
			}
			placed = true
			if !named && (listed[lead[n]] || !whole) {
				// A line read in part may have lost this measure's
				// exception: only its lead's contact is sure.
				continue
			}
			// Only a contact the line gives this measure, or its lead's,
			// goes into the clause: in a corrupted seed the clause on the
			// measure's line may be another measure's, whose lead the
			// section's list lacks.
			if k, ok := clause[n]; ok && named {
				if withContacts, ok := intoClause(lines[k], lead[n], cs); ok {
					lines[k] = withContacts
					continue
				}
			}
			for _, c := range cs {
				after[at] = append(after[at], c.line())
			}
		}
		if placed && whole {
			drop[i] = true
			if pre := strings.TrimSpace(l[:loc[0]]); pre != "" {
				lines[i] = pre
				drop[i] = false
			}
		}
	}
	var out []string
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
		out = append(out, after[i]...)
	}
	return out
}

// intoClause writes contacts into the clause naming lead in line, before
// its closing bracket: "；联系人：张某；联系电话：…", the unit in brackets after
// the person when it is not the lead ("联系人：张某（县人社局）").
func intoClause(line, lead string, cs []sectionContact) (string, bool) {
	loc := clauseLead.FindStringIndex(line)
	if loc == nil {
		return line, false
	}
	close := strings.IndexAny(line[loc[1]:], "）)")
	if close < 0 {
		return line, false
	}
	close += loc[1]
	var add strings.Builder
	for _, c := range cs {
		switch {
		case c.person == "" && c.unit == lead:
			add.WriteString("；咨询电话：" + c.phones)
		case c.person == "":
			add.WriteString("；联系人：" + c.unit + "；联系电话：" + c.phones)
		case c.unit == lead:
			add.WriteString("；联系人：" + c.person + "；联系电话：" + c.phones)
		default:
			add.WriteString("；联系人：" + c.person + "（" + c.unit + "）；联系电话：" + c.phones)
		}
	}
	return line[:close] + add.String() + line[close:], true
}

// unitNamed reports whether s names a unit: a unit's name, or a name
// starting with its level ("县残联", "区侨联").
func unitNamed(s string) bool {
	return unitLike(s) || utf8.RuneCountInString(s) >= 3 && strings.ContainsAny(s[:3], "区县市")
}
