package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A layout-independent fallback (issue 20). Each layout reader rewrites one
// layout it was told about into the numbered layout; a district's guide in
// a layout none was told about comes out with no measure, a few, or
// measures without contacts. Such a guide is read again by its shape:
//
//   - measures are the text's repeated blocks: lines that open with the same
//     marker shape (1、 （一） ① 第一条 ◆…, the numbers ignored), or, in a
//     guide that numbers nothing, paragraphs opened by a title line or
//     following the contact lines that close the paragraph before;
//   - headings are lines of another marker shape that stand between blocks;
//   - contacts are unit–person–phone triples wherever they stand, told
//     apart by their shapes (a phone, a unit's suffix, a short name after a
//     label), not by the labels' words: a triple in a measure's block is that
//     measure's; a row that names a measure's number is that measure's; a
//     triple for a unit that a measure names without a phone is that
//     measure's, those under the same heading first.
//
// The fallback runs only when the guide's own evidence says the reading is
// poor (see poorReading) and replaces only what it reads better; what it
// cannot settle goes to Report.Unread.

var (
	// shapeAt reads a line's opening marker: its shape (the numbers
	// replaced) and number.
	shapeMarkers = []struct {
		shape string
		re    *regexp.Regexp
	}{
		{"第N条", regexp.MustCompile(`^第([` + numeralChars + `\d]+)条[ \t　]*`)},
		{"第N部分", regexp.MustCompile(`^第([` + numeralChars + `\d]+)(?:部分|章|篇)[ \t　]*`)},
		{"（N）", regexp.MustCompile(`^[（(]([` + numeralChars + `]+)[）)][ \t　]*`)},
		{"（D）", regexp.MustCompile(`^[（(](\d{1,3})[）)][ \t　]*`)},
		{"D.", regexp.MustCompile(`^(\d{1,3})[.．](?:[ \t　]*)`)},
		{"D、", regexp.MustCompile(`^(\d{1,3})、[ \t　]*`)},
		{"D）", regexp.MustCompile(`^(\d{1,3})[）)][ \t　]*`)},
		{"N、", regexp.MustCompile(`^([` + numeralChars + `]+)、[ \t　]*`)},
		{"N ", regexp.MustCompile(`^([` + numeralChars + `]+)[ \t　]+`)},
		{"①", regexp.MustCompile(`^([①-⑳㉑-㉟㊱-㊿])[ \t　]*`)},
		{"#", regexp.MustCompile(`^(#{1,6})[ \t]+`)},
		{"•", regexp.MustCompile(`^([◆◇■□●○▶►▌▍▎•·★☆※→\-*])[ \t　]*`)},
	}
	// wholeMarked is a line that is all a marked title: 【…】 or **…**.
	wholeMarked = regexp.MustCompile(`^(?:【([^【】]{1,40})】|\*\*([^*]{1,40})\*\*)$`)
	// leadTitle is a title in 【】 opening a measure's text.
	leadTitle = regexp.MustCompile(`^【([^【】]{1,40})】`)
	pageLine  = regexp.MustCompile(`^[—\-–－]*[ \t　]*(?:第[ \t　]*)?\d{1,3}[ \t　]*(?:页)?[ \t　]*[—\-–－]*$`)

	// phoneIn finds phones anywhere, the shapes of phoneAt.
	phoneIn = regexp.MustCompile(`0\d{2,3}-\d{7,8}|400-?\d{3}-?\d{4}|1[3-9]\d{9}|[2-9]\d{7}|12\d{3}|9\d{4}`)
	// contactWord is a label of a contact's part: unit, person, phone.
	contactWord = regexp.MustCompile(`(?:责任|牵头|主管|咨询|联系|配合|承办|经办)(?:单位|部门|科室|处室)|联系人|经办人|对接人|(?:咨询|联系|服务|办公)?(?:电话|方式|热线)|联系方式|政策咨询`)
	// shapeFieldSep parts the fields of a contact line or a table row.
	shapeFieldSep = regexp.MustCompile(`[ \t　|｜；;，,、：:]+`)
	// appendixAt is a line that opens a guide's appendix or closing table.
	// labelOnly is a field that is a contact label's word alone.
	labelOnly      = regexp.MustCompile(`^(?:咨询|联系|电话|热线|咨询热线|服务热线|联系方式|负责|负责人)$`)
	appendixAt     = regexp.MustCompile(`^(?:附件|附表)|^序号(?:[ \t　|｜]|$)`)
	shapeRowNumber = regexp.MustCompile(`^(?:第)?(\d{1,3})(?:项|条)?(?:[ \t　|｜]|$)`)
)

// shapeLine is a line of the text as the fallback sees it.
type shapeLine struct {
	raw   string // trimmed
	shape string // marker shape, "" for none
	num   int
	rest  string // the line after its marker
	// contact and labelled are contactLike(raw) and labelled(rest),
	// read once: pickShapes tries every shape over every line.
	contact, labelled bool
}

func lineShape(l string) shapeLine {
	sl := lineMarker(l)
	sl.contact = contactLike(l)
	sl.labelled = sl.shape != "" && labelled(sl.rest)
	return sl
}

// lineMarker reads the marker opening l.
func lineMarker(l string) shapeLine {
	sl := shapeLine{raw: l, rest: l}
	if m := wholeMarked.FindStringSubmatch(l); m != nil {
		sl.shape, sl.rest = "【】", m[1]+m[2]
		return sl
	}
	for _, k := range shapeMarkers {
		m := k.re.FindStringSubmatch(l)
		if m == nil || len(m[0]) == len(l) {
			continue
		}
		sl.shape, sl.rest = k.shape, l[len(m[0]):]
		switch {
		case k.shape == "①":
			switch r, _ := utf8.DecodeRuneInString(m[1]); {
			case r >= '㊱':
				sl.num = int(r-'㊱') + 36
			case r >= '㉑':
				sl.num = int(r-'㉑') + 21
			default:
				sl.num = int(r-'①') + 1
			}
		case k.shape == "#":
			sl.shape = "#" + strconv.Itoa(len(m[1]))
		case k.shape == "•":
			sl.shape = "•" + m[1]
		default:
			if n, err := strconv.Atoi(m[1]); err == nil {
				sl.num = n
			} else {
				sl.num = ParseNumeral(m[1])
			}
		}
		// A measure's sub-items ("1." steps) are marked too; a shape
		// is told apart by how often and where it recurs (pickShapes).
		return sl
	}
	return sl
}

// contactLike reports whether a line holds a contact: a contact label
// opens it, or a phone stands in it and it is short or labelled (a long
// paragraph's number is more likely an amount or a document's).
func contactLike(l string) bool {
	if loc := contactWord.FindStringIndex(l); loc != nil && loc[0] == 0 {
		return true
	}
	if len(phonesIn(l)) == 0 {
		return false
	}
	return utf8.RuneCountInString(l) <= 80 || contactWord.MatchString(l)
}

// labelled reports whether a contact label opens l.
func labelled(l string) bool {
	loc := contactWord.FindStringIndex(l)
	return loc != nil && loc[0] == 0
}

// proseToo reports whether a contact line is also a paragraph of the
// measure's text ("…可拨打咨询电话12345。").
func proseToo(l string) bool {
	return utf8.RuneCountInString(l) > 40 && strings.Contains(l, "。")
}

// phonesIn returns the phones of s that no other digit touches.
func phonesIn(s string) []string {
	var out []string
	for _, loc := range phoneIn.FindAllStringIndex(s, -1) {
		if loc[0] > 0 && isDigitByte(s[loc[0]-1]) || loc[1] < len(s) && (isDigitByte(s[loc[1]]) || s[loc[1]] == '-') {
			continue
		}
		if loc[0] > 0 && (s[loc[0]-1] == '-' || s[loc[0]-1] == '.') {
			continue
		}
		// A year, a sum or an amount is no phone: "2022年", "12345元".
		if next, _ := utf8.DecodeRuneInString(s[loc[1]:]); strings.ContainsRune("年月日元万亿个%％号期届条项", next) {
			continue
		}
		out = append(out, s[loc[0]:loc[1]])
	}
	return out
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// triples reads the unit–person–phone triples of a contact text: its
// fields, labels dropped, in order; a phone closes a triple with the unit
// and person before it (a unit carries over to the next phone), a unit no
// phone follows stands alone.
func triples(s string) []Contact {
	s = contactWord.ReplaceAllString(s, " ")
	var out []Contact
	var cur Contact
	open := false
	flush := func() {
		if open {
			out = append(out, cur)
		}
		cur, open = Contact{Unit: cur.Unit}, false
	}
	for _, f := range shapeFieldSep.Split(s, -1) {
		f = strings.Trim(f, "（）()[]【】。")
		if f == "" {
			continue
		}
		if labelOnly.MatchString(f) {
			// A label said alone ("咨询：…") names no one.
			continue
		}
		if ph := phonesIn(f); len(ph) > 0 && len(ph[0]) >= len(f)-2 {
			cur.Phones = AppendNew(cur.Phones, ph...)
			open = true
			flush()
			continue
		}
		switch {
		case unitLike(f) && (!personLike(f) || hasAnySuffix(f, unitSuffixes) || utf8.RuneCountInString(f) >= 4),
			collectiveUnit.MatchString(f):
			// 各街道, 相关部门: bodies named by the many, no person
			// though as short as a name.
			if open && len(cur.Phones) == 0 && cur.Unit != "" && cur.Unit != f {
				flush()
			}
			if cur.Unit != f {
				cur.People = nil
			}
			cur.Unit, open = f, true
		case personLike(f) && !strings.ContainsAny(f, "】【*#"):
			cur.People = append(cur.People, f)
			open = true
		}
	}
	if open && (cur.Unit != "" || len(cur.People) > 0) {
		out = append(out, cur)
	}
	// A lone person with neither unit nor phone is a word, not a contact.
	var kept []Contact
	for _, c := range out {
		if c.Unit != "" || len(c.Phones) > 0 {
			kept = append(kept, c)
		}
	}
	return kept
}

// shapeBlock is one measure as the fallback reads it.
type shapeBlock struct {
	section  int
	title    string
	prose    []string
	contacts []Contact
	named    []string // units the block names without a phone
	listed   []int    // contacts read from a line listing several units
	pending  []string // contact lines not yet read (see addContacts)
	lines    []string // its contact lines, for the report
}

type shapeReading struct {
	sections []string
	blocks   []*shapeBlock
	// rows are contact lines outside any block: an appendix or a closing
	// table, with the measure number a row names (0 if none).
	rows []shapeRow
	// units are a directory's rows for units no measure names (see
	// numberedDirectory): the units' own lines, not a measure's.
	units []Contact
}

type shapeRow struct {
	num      int
	section  int // the heading the row stands under (0 in an appendix)
	line     string
	contacts []Contact
	// cell is the row read by the columns its table's header names
	// (unit, department, person, phone), or nil where no header names
	// them (see headerCells).
	cell *Contact
	// dir marks a row of a directory: its contact serves the measures
	// naming its unit, a phone or an e-mail alone.
	dir bool
}

// unwrap joins lines cut at a fixed width (text copied out of a PDF) and
// drops page numbers.
func unwrap(lines []string) []string {
	count := map[int]int{}
	long := 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n >= 15 {
			count[n]++
			long++
		}
	}
	// Lines cut at a width are all at most that long, and many are
	// exactly that long.
	width := 0
	for n := range count {
		width = max(width, n)
	}
	cut := long >= 10 && count[width]*3 >= long
	var out []string
	joining := false
	for _, l := range lines {
		if pageLine.MatchString(l) && strings.ContainsAny(l, "—-–－页") {
			continue
		}
		if joining && l != "" {
			out[len(out)-1] += l
		} else {
			out = append(out, l)
		}
		joining = cut && utf8.RuneCountInString(l) == width && !strings.HasSuffix(l, "。")
	}
	return out
}

// readByShape reads text by its shape.
func readByShape(text string) *shapeReading {
	return readShapes(shapeLines(text))
}

// shapeLines returns the lines of text as the fallback reads them, their
// shapes, and where the appendix begins (len(sls) if none).
func shapeLines(text string) (lines []string, sls []shapeLine, appendix int) {
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		lines = append(lines, strings.TrimSpace(strings.TrimLeft(l, "　")))
	}
	lines = unwrap(lines)
	sls = make([]shapeLine, len(lines))
	for i, l := range lines {
		sls[i] = lineShape(l)
	}
	appendix = len(sls)
	for i, sl := range sls {
		if i > 2 && appendixAt.MatchString(sl.raw) {
			appendix = i
			break
		}
	}
	return lines, sls, appendix
}

// readShapes reads the lines shapeLines returned.
func readShapes(lines []string, sls []shapeLine, appendix int) *shapeReading {
	measure, heading := pickShapes(sls[:appendix])
	r := &shapeReading{}
	var cur *shapeBlock
	section := 0
	started := false
	prevContact := false
	for i := 0; i < appendix; i++ {
		sl := sls[i]
		if sl.raw == "" {
			continue
		}
		switch {
		case heading != "" && sl.shape == heading:
			r.sections = append(r.sections, strings.TrimSpace(sl.rest))
			section = len(r.sections)
			cur, started, prevContact = nil, true, false
			continue
		case measure != "" && sl.shape == measure:
			cur = &shapeBlock{section: section}
			r.blocks = append(r.blocks, cur)
			started = true
			rest := sl.rest
			if m := leadTitle.FindStringSubmatch(rest); m != nil {
				cur.title, rest = m[1], rest[len(m[0]):]
			}
			if rest == "" || isTitleLine(rest) && i+1 < appendix && proseLine(sls[i+1]) {
				cur.title = strings.TrimSpace(rest)
			} else {
				cur.addProse(rest)
			}
			prevContact = false
			continue
		case measure == "" && started && !sl.contact && (cur == nil || prevContact ||
			sl.title() && i+1 < appendix && proseLine(sls[i+1]) && len(cur.prose) > 0):
			// A guide that numbers nothing: a title line, or the first
			// line after a measure's contacts, opens the next measure.
			cur = &shapeBlock{section: section}
			r.blocks = append(r.blocks, cur)
			if sl.title() && i+1 < appendix && proseLine(sls[i+1]) {
				cur.title = sl.raw
			} else {
				cur.addProse(sl.raw)
			}
			prevContact = false
			continue
		}
		if cur == nil {
			if !started && measure == "" && heading == "" && i > 0 && introDone(lines[:i]) {
				started = true
				i--
			}
			continue
		}
		if sl.contact {
			if proseToo(sl.raw) {
				cur.addProse(sl.raw)
			}
			cur.addContacts(sl.raw)
			prevContact = true
			continue
		}
		prevContact = false
		cur.addProse(sl.raw)
	}
	r.readRows(sls[appendix:], lines[appendix:])
	return r
}

// introDone reports whether the lines before a guide that neither numbers
// nor heads its measures end its introduction: a date or an announcing
// sentence.
func introDone(lines []string) bool {
	l := lines[len(lines)-1]
	return publishedRe.MatchString(l) || introEnd.MatchString(l) || strings.HasSuffix(l, "：")
}

// isTitleLine reports whether l reads as a title: short, without a
// sentence's end or a contact.
func isTitleLine(l string) bool {
	return titleShaped(l) && !contactLike(l)
}

// title is isTitleLine(sl.raw).
func (sl shapeLine) title() bool { return titleShaped(sl.raw) && !sl.contact }

func titleShaped(l string) bool {
	n := utf8.RuneCountInString(l)
	return n >= 2 && n <= 30 && !strings.ContainsAny(l, "。；;")
}

func proseLine(sl shapeLine) bool {
	return sl.shape == "" && !sl.contact && strings.Contains(sl.raw, "。")
}

// pickShapes chooses the marker shape of measures and of headings among
// the text's lines. A measure's block holds its contact (a phone, or a
// label naming its unit), so the measures' shape is the one whose blocks
// most often hold one; of shapes nearly as good, the one with fewer lines
// (a measure's steps "1." "2." split it, and only the last step's block
// holds the contact). Where blocks hold no contacts (they stand in an
// appendix), the shape that recurs most. Headings are a shape that recurs
// less and first stands before the measures' first line.
func pickShapes(sls []shapeLine) (measure, heading string) {
	count := map[string]int{}
	first := map[string]int{}
	for i, sl := range sls {
		if sl.shape == "" || sl.labelled {
			continue
		}
		if _, ok := first[sl.shape]; !ok {
			first[sl.shape] = i
		}
		count[sl.shape]++
	}
	score := map[string]int{}
	best := 0
	for s, c := range count {
		if c < 3 {
			continue
		}
		score[s] = contactBlocks(sls, s)
		best = max(best, score[s])
	}
	for s, c := range count {
		if c < 3 {
			continue
		}
		switch {
		case measure == "":
			measure = s
		case best >= 3:
			good, goodM := score[s]*100 >= best*85, score[measure]*100 >= best*85
			if good && !goodM || good == goodM && (c < count[measure] || c == count[measure] && first[s] < first[measure]) {
				measure = s
			}
		case c > count[measure] || c == count[measure] && first[s] < first[measure]:
			measure = s
		}
	}
	for s, c := range count {
		if s == measure || measure != "" && c >= count[measure] {
			continue
		}
		if measure != "" && first[s] > first[measure] {
			continue
		}
		if heading == "" || c > count[heading] || c == count[heading] && first[s] < first[heading] {
			heading = s
		}
	}
	if measure != "" && contactGroups(sls, measure)*10 >= count[measure]*18 {
		// Each block holds several measures' contacts, each after its
		// paragraph: the shape heads measures that are not numbered.
		return "", measure
	}
	if measure != "" && !rises(sls, measure) && heading == "" && count[measure] < 5 {
		// Unnumbered marks (◆, 【】) recur as measures only when
		// something else heads them or they are many.
		return "", measure
	}
	return measure, heading
}

// contactBlocks counts the blocks opened by lines of shape that hold a
// contact.
func contactBlocks(sls []shapeLine, shape string) int {
	n, in, has := 0, false, false
	for _, sl := range sls {
		if sl.shape == shape && !sl.labelled {
			if in && has {
				n++
			}
			// A contact may close the marked line itself ("第三条 …。
			// （责任单位：…）").
			in, has = true, contactBracket(sl.raw)
			continue
		}
		if in && (sl.contact || contactBracket(sl.raw)) {
			has = true
		}
	}
	if in && has {
		n++
	}
	return n
}

// contactGroups counts, in the blocks opened by lines of shape, the runs
// of contact lines that follow a line of text.
func contactGroups(sls []shapeLine, shape string) int {
	n, in, prev := 0, false, false
	for _, sl := range sls {
		if sl.raw == "" {
			continue
		}
		if sl.shape == shape && !sl.labelled {
			in, prev = true, false
			continue
		}
		c := sl.contact
		if in && c && !prev {
			n++
		}
		prev = c
	}
	return n
}

// contactBracket reports whether a line closes with a bracket holding a
// contact ("…。（责任单位：…）").
func contactBracket(l string) bool {
	i := strings.LastIndexAny(l, "（(")
	if i <= 0 || !strings.HasSuffix(l, "）") && !strings.HasSuffix(l, ")") {
		return false
	}
	in := l[i:]
	return contactWord.MatchString(in) || len(phonesIn(in)) > 0
}

// rises reports whether the numbers of a shape's lines mostly go up by one
// (starting again at 1 is allowed).
func rises(sls []shapeLine, shape string) bool {
	up, all, prev := 0, 0, 0
	for _, sl := range sls {
		if sl.shape != shape {
			continue
		}
		all++
		if sl.num == prev+1 || sl.num == 1 {
			up++
		}
		prev = sl.num
	}
	return all > 0 && up*10 >= all*7
}

func (b *shapeBlock) addProse(l string) {
	b.flush()
	l = strings.TrimSpace(l)
	// A contact bracket closing the paragraph: "…。（责任单位：…）".
	if contactBracket(l) {
		i := strings.LastIndexAny(l, "（(")
		b.addContacts(l[i:])
		l = strings.TrimSpace(l[:i])
	}
	if l != "" {
		b.prose = append(b.prose, l)
	}
}

// addContacts takes a contact line. Consecutive lines are read together
// (a unit, a person and a phone on lines of their own make one triple);
// a line listing several units' phones is read alone.
func (b *shapeBlock) addContacts(l string) {
	b.lines = append(b.lines, l)
	ts := triples(l)
	units := map[string]bool{}
	for _, c := range ts {
		if len(c.Phones) > 0 {
			units[c.Unit] = true
		}
	}
	if len(units) < 2 {
		b.pending = append(b.pending, l)
		return
	}
	b.flush()
	for _, c := range ts {
		if len(c.Phones) == 0 && len(c.People) == 0 {
			b.named = AppendNew(b.named, c.Unit)
			continue
		}
		// One line listing several units' contacts may be a heading's
		// list (see place).
		b.listed = append(b.listed, len(b.contacts))
		b.contacts = append(b.contacts, c)
	}
}

// flush reads the pending contact lines as one text.
func (b *shapeBlock) flush() {
	if len(b.pending) == 0 {
		return
	}
	for _, c := range triples(strings.Join(b.pending, " ")) {
		if len(c.Phones) == 0 && len(c.People) == 0 {
			b.named = AppendNew(b.named, c.Unit)
			continue
		}
		b.contacts = append(b.contacts, c)
	}
	b.pending = nil
}

// readRows reads an appendix: contact rows, one per line, or one cell per
// line with blank lines between rows.
func (r *shapeReading) readRows(sls []shapeLine, lines []string) {
	var recs []string
	cellPerLine := 0
	for _, l := range lines {
		if l != "" && !strings.ContainsAny(l, "\t|｜") && !strings.Contains(l, " ") {
			cellPerLine++
		}
	}
	if cellPerLine*3 > len(lines)*2 && strings.Count(strings.Join(lines, "\n"), "\n\n") >= 2 {
		var cur []string
		for _, l := range append(lines, "") {
			if l == "" {
				if len(cur) > 0 {
					recs = append(recs, strings.Join(cur, "\t"))
				}
				cur = nil
				continue
			}
			cur = append(cur, l)
		}
	} else {
		recs = lines
	}
	var cols []string // the header's column kinds, if it names them
	for _, rec := range recs {
		if rec == "" || appendixAt.MatchString(rec) {
			if strings.HasPrefix(rec, "序号\t") {
				cols = headerKinds(strings.Split(rec, "\t"))
			}
			continue
		}
		cs := triples(rec)
		if len(cs) == 0 {
			continue
		}
		row := shapeRow{line: rec, contacts: cs, cell: headerCells(cols, rec)}
		if m := shapeRowNumber.FindStringSubmatch(rec); m != nil {
			row.num, _ = strconv.Atoi(m[1])
			// The number is the row's, not a phone's or a unit's.
			cs = triples(strings.TrimPrefix(rec, m[0]))
			row.contacts = cs
		}
		r.rows = append(r.rows, row)
	}
}

// place gives each block the triples its guide settles: its own, a row
// naming its number, or a triple elsewhere for a unit it names without a
// phone (under the same heading first). Unsettled lines go to report.
func (r *shapeReading) place(rep *Report) {
	// Triples in one block for units the block does not name, while it
	// names some, are a grouped list (a section's contacts after its
	// last measure): they belong to the measures that name their units.
	var pool []shapeRow
	for _, b := range r.blocks {
		b.flush()
	}
	for _, b := range r.blocks {
		if len(b.named) == 0 {
			continue
		}
		var own []Contact
		grouped := false
		for i, c := range b.contacts {
			if c.Unit == "" || containsUnit(b.named, c.Unit) || !slices.Contains(b.listed, i) {
				own = append(own, c)
			} else {
				grouped = true
			}
		}
		if grouped {
			// A line listing units the measure does not name is a
			// heading's list: it serves every measure under the heading
			// that names one of its units, this one's too.
			for _, i := range b.listed {
				if c := b.contacts[i]; c.Unit != "" {
					pool = append(pool, shapeRow{section: b.section, contacts: []Contact{c}})
				}
			}
			own = nil
			for i, c := range b.contacts {
				if !slices.Contains(b.listed, i) || containsUnit(b.named, c.Unit) {
					own = append(own, c)
				}
			}
		}
		b.contacts = own
	}
	// A triple in a block serves the measures under its heading that
	// name its unit without a phone ("以上政策咨询" closing a section
	// with one unit's contact).
	for _, b := range r.blocks {
		for _, c := range b.contacts {
			if c.Unit != "" && len(c.Phones) > 0 {
				pool = append(pool, shapeRow{section: b.section, contacts: []Contact{c}})
			}
		}
	}
	if r.numberedDirectory() {
		// The rows' numbers are only their places in a directory: each
		// row serves the measures naming its unit.
		for i := range r.rows {
			row := &r.rows[i]
			row.num, row.dir = 0, true
			if row.cell != nil {
				row.contacts = []Contact{*row.cell}
			}
		}
	}
	pool = append(pool, r.rows...)
	used := make([]bool, len(pool))
	for i, row := range pool {
		if row.num > 0 && row.num <= len(r.blocks) {
			b := r.blocks[row.num-1]
			if len(b.contacts) == 0 {
				b.contacts = row.contacts
				used[i] = true
			}
		}
	}
	for _, b := range r.blocks {
		for _, u := range b.named {
			if hasUnit(b.contacts, u) {
				continue
			}
			// Every triple listed for the unit: where a unit lists
			// several people, the layout does not say whose the
			// measure is.
			found := false
			seen := map[string]bool{}
			for _, sameSection := range []bool{true, false} {
				for i, row := range pool {
					if row.num > 0 || sameSection && row.section != b.section {
						continue
					}
					for _, c := range row.contacts {
						reach := len(c.Phones) > 0 || row.dir && len(c.Emails) > 0
						if k := c.Unit + strings.Join(c.People, "") + strings.Join(c.Phones, "") + strings.Join(c.Emails, ""); shapeSameUnit(c.Unit, u) && reach && !seen[k] {
							seen[k] = true
							b.contacts = append(b.contacts, c)
							used[i], found = true, true
						}
					}
				}
				if found {
					break
				}
			}
			if !found {
				b.contacts = append(b.contacts, Contact{Unit: u})
			}
		}
	}
	for i, row := range pool {
		if !used[i] && row.dir {
			// A directory's row for a unit no measure names.
			r.units = append(r.units, row.contacts...)
			continue
		}
		if !used[i] && row.line != "" {
			rep.unread(row.line, "contact line read by shape that no measure claims (by number or unit)")
		}
	}
}

func containsUnit(us []string, u string) bool {
	for _, x := range us {
		if shapeSameUnit(x, u) {
			return true
		}
	}
	return false
}

func hasUnit(cs []Contact, u string) bool {
	for _, c := range cs {
		if shapeSameUnit(c.Unit, u) {
			return true
		}
	}
	return false
}

func shapeSameUnit(a, b string) bool {
	return a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

// measures writes the blocks as measures numbered through the guide.
func (r *shapeReading) measures() []Measure {
	var out []Measure
	for i, b := range r.blocks {
		sents := splitSentences(strings.Join(b.prose, "\n"))
		var texts []string
		for _, s := range sents {
			if t := strings.TrimSpace(s.text); t != "" {
				texts = append(texts, t)
			}
		}
		m := Measure{Number: i + 1, Section: b.section}
		switch {
		case len(texts) > 0 && b.title != "":
			m.Text, m.Details = b.title+"："+texts[0], texts[1:]
		case len(texts) > 0:
			m.Text, m.Details = texts[0], texts[1:]
		default:
			m.Text = b.title
		}
		for _, c := range b.contacts {
			if c.Unit != "" {
				m.Lead = AppendNew(m.Lead, c.Unit)
			}
			if len(c.Phones) > 0 || len(c.People) > 0 || len(c.Emails) > 0 {
				m.Contacts = append(m.Contacts, c)
			}
		}
		if len(m.Details) == 0 {
			m.Details = nil
		}
		out = append(out, m)
	}
	return out
}

// poorReading reports, by the guide's own evidence, whether the readers
// left it poorly read: far fewer measures, and far fewer measures with a
// contact, than the text's repeated blocks (replace); or as many measures
// but most without a phone while most blocks hold one (fill).
func poorReading(g *Guide, r *shapeReading) (replace, fill bool) {
	blocks := len(r.blocks)
	if blocks < 3 {
		return false, false
	}
	read, readContact, without := 0, 0, 0
	for _, m := range g.Measures {
		if !m.HasText() {
			continue
		}
		read++
		if m.HasContact() {
			readContact++
		}
		if len(m.Phones()) == 0 {
			without++
		}
	}
	withContact, withPhones := 0, 0
	for _, b := range r.blocks {
		if len(b.contacts) > 0 || len(b.named) > 0 {
			withContact++
		}
		if len(Phones(b.contacts)) > 0 {
			withPhones++
		}
	}
	// A guide of a few blocks may be a corrupted seed's steps; five is
	// fewer than any guide's measures.
	if blocks >= 5 && read*10 < blocks*6 && (readContact*10 < withContact*6 || withContact == 0) {
		return true, false
	}
	// Fill only where the readers clearly missed the contacts: a corrupted
	// seed leaves many measures without theirs, and its shape may hold
	// them elsewhere.
	return false, without*3 >= read*2 && withPhones*2 >= blocks && withPhones >= 3*(read-without)+3
}

// shapeCannotHelp reports, from what the readers produced and a cheap look
// at the lines before the appendix (sls), that byShape would change
// nothing, so that a well-read guide skips the shape reading (most of
// byShape's cost: pickShapes and the triples run the contact patterns over
// every line several times). It is exact, not a guess: byShape changes a
// guide only by replacing its measures (poorReading's replace), by filling
// measures without a phone (fill), or by fixing a measure whose contact
// holds a label or a phone inside a name (misread). Fill needs at least
// two thirds of the measures read without a phone; replace needs fewer
// measures read than six tenths of the shape's blocks, and maxBlocks
// bounds the blocks from above.
func shapeCannotHelp(g *Guide, sls []shapeLine) bool {
	read, without := 0, 0
	for i := range g.Measures {
		m := &g.Measures[i]
		if !m.HasText() {
			continue
		}
		if misread(m.Contacts) {
			return false
		}
		read++
		if len(m.Phones()) == 0 {
			without++
		}
	}
	if without > 0 && without*3 >= read*2 {
		return false
	}
	return maxBlocks(sls)*6 <= read*10
}

// maxBlocks bounds from above the blocks readShapes reads in sls, whatever
// shapes pickShapes chooses. A guide read by a measure shape has a block
// per line of that shape: at most the count of the commonest shape. A
// guide read without one (measures not numbered) opens a block only at a
// line that is no contact line and follows a contact line or a heading (or
// the introduction's end, once), or at a title line before a prose line:
// those lines are counted for each shape that may head it, and for none.
func maxBlocks(sls []shapeLine) int {
	count := map[string]int{}
	for _, sl := range sls {
		if sl.shape != "" {
			count[sl.shape]++
		}
	}
	most := 0
	for _, c := range count {
		most = max(most, c)
	}
	title := make([]bool, len(sls))
	for i, sl := range sls {
		title[i] = sl.title() && i+1 < len(sls) && proseLine(sls[i+1])
	}
	heads := []string{""}
	for s := range count {
		heads = append(heads, s)
	}
	for _, heading := range heads {
		n, prev := 1, -1
		for i, sl := range sls {
			if sl.raw == "" {
				continue
			}
			if heading != "" && sl.shape == heading {
				prev = i
				continue
			}
			if !sl.contact && (title[i] || prev >= 0 && (sls[prev].contact || heading != "" && sls[prev].shape == heading)) {
				n++
			}
			prev = i
		}
		most = max(most, n)
	}
	return most
}

// byShapeOff turns the fallback off: tests compare with the readers alone.
// shapeCheckOff runs it on every guide: tests check shapeCannotHelp.
var byShapeOff, shapeCheckOff bool

// byShape reads text by its shape where the readers left it poorly read
// (see poorReading), replacing the measures or filling their contacts.
func (g *Guide) byShape(text string) {
	if byShapeOff {
		return
	}
	lines, sls, appendix := shapeLines(text)
	if !shapeCheckOff && shapeCannotHelp(g, sls[:appendix]) {
		return
	}
	r := readShapes(lines, sls, appendix)
	var rep Report
	r.place(&rep)
	replace, fill := poorReading(g, r)
	if len(r.blocks) < 3 {
		return
	}
	ms := r.measures()
	if replace {
		g.Measures = ms
		g.Sections = nil
		for i, t := range r.sections {
			g.Sections = append(g.Sections, Section{Number: i + 1, Title: t})
		}
		g.Subsections = nil
		g.Report.Missing, g.Report.MissingText, g.Report.Orphans, g.Report.Headings, g.Report.Unplaced = nil, nil, nil, nil, nil
		g.Report.MissingContact = nil
		for _, m := range g.Measures {
			if !m.HasContact() {
				g.Report.MissingContact = append(g.Report.MissingContact, m.Number)
			}
		}
		g.Units = append(g.Units, r.units...)
		g.Report.warn("layout", nil, "the layout readers read few of the text's %d repeated blocks: the guide was read by its shape", len(ms))
		g.Report.Unread = append(g.Report.Unread, rep.Unread...)
		return
	}
	// Measure by measure: one without a phone while most are so (fill),
	// or one whose contact holds a label or a phone inside a name (the
	// readers took a contact line for a department), takes the contacts
	// its block holds.
	filled, fixed := 0, 0
	for i := range g.Measures {
		m := &g.Measures[i]
		bad := misread(m.Contacts)
		if !m.HasText() || !bad && !(fill && len(m.Phones()) == 0) {
			continue
		}
		fm := sameMeasure(m, ms)
		if fm == nil || len(fm.Phones()) == 0 || misread(fm.Contacts) {
			continue
		}
		if bad {
			m.Lead, m.Contacts = AppendNew(nil, fm.Lead...), fm.Contacts
			fixed++
			continue
		}
		m.Lead = AppendNew(m.Lead, fm.Lead...)
		m.Contacts = append(m.Contacts, fm.Contacts...)
		filled++
	}
	if filled > 0 {
		g.Report.MissingContact = slicesDelete(g.Report.MissingContact, g)
		g.Report.warn("layout", nil, "%d measures had no contact the layout readers could read: their contacts were read by shape", filled)
	}
	if fixed > 0 {
		g.Report.warn("layout", nil, "%d measures' contacts held a label or a phone inside a name: they were read again by shape", fixed)
	}
	if filled+fixed > 0 {
		g.Report.Unread = append(g.Report.Unread, rep.Unread...)
	}
}

// misread reports whether a contact holds a contact label or a phone in
// its unit, department or people: a line read as one field.
func misread(cs []Contact) bool {
	for _, c := range cs {
		names := c.Unit + " " + c.Department + " " + strings.Join(c.People, " ")
		if labelInName.MatchString(names) || len(phonesIn(names)) > 0 {
			return true
		}
	}
	return false
}

// labelInName is a contact label with its colon: a name never holds one.
var labelInName = regexp.MustCompile(`(?:` + contactWord.String() + `)[：:]`)

// sameMeasure returns the measure of ms whose text holds the opening of
// m's, or nil.
func sameMeasure(m *Measure, ms []Measure) *Measure {
	// A title is written 【…】 or before "：": the words compare.
	plain := func(s string) string {
		return strings.NewReplacer("【", "", "】", "", "：", "", ":", "").Replace(squeezeSpace(s))
	}
	key := []rune(plain(m.Text))
	if len(key) > 14 {
		key = key[:14]
	}
	if len(key) < 6 {
		return nil
	}
	for i := range ms {
		if strings.Contains(plain(ms[i].Text+strings.Join(ms[i].Details, "")), string(key)) {
			return &ms[i]
		}
	}
	return nil
}

func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '　' {
			return -1
		}
		return r
	}, s)
}

// slicesDelete keeps the measures of missing that still have no contact.
func slicesDelete(missing []int, g *Guide) []int {
	var out []int
	for _, n := range missing {
		if m := g.Measure(n); m == nil || !m.HasContact() {
			out = append(out, n)
		}
	}
	return out
}

// numberedDirectory reports whether the appendix's numbered rows are a
// directory of units (序号 | 责任单位 | 联系科室 | 联系人 | 联系电话) rather
// than the contacts of the measures their numbers name: the evidence is
// whether a row's unit is among the units the measure of its number
// names. Where most of the rows that can be compared disagree (row 3
// 区人社局 beside a measure 3 naming only 区税务局), the number is only
// the row's place. A per-measure table (each row the units of its
// measure) agrees and stays read by number. Blocks naming no unit, and
// rows naming none, say nothing either way.
func (r *shapeReading) numberedDirectory() bool {
	compared, agree := 0, 0
	for _, row := range r.rows {
		if row.num <= 0 || row.num > len(r.blocks) {
			continue
		}
		b := r.blocks[row.num-1]
		u := row.unit()
		if u == "" || len(b.named) == 0 {
			continue
		}
		compared++
		if containsUnit(b.named, u) {
			agree++
		}
	}
	return compared >= 3 && agree*2 < compared
}

// unit is the unit a row names: its unit cell, or its first triple's.
func (row shapeRow) unit() string {
	if row.cell != nil {
		return row.cell.Unit
	}
	for _, c := range row.contacts {
		if c.Unit != "" {
			return c.Unit
		}
	}
	return ""
}

// headerKinds reads a TAB table's header cells as column kinds ("unit",
// "dept", "people", "phone", or "" for any other); nil unless it names a
// unit and a phone column.
func headerKinds(header []string) []string {
	kinds := make([]string, len(header))
	unit, phone := false, false
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch {
		case colNumber.MatchString(h):
		case colDept.MatchString(h):
			kinds[i] = "dept"
		case colUnit.MatchString(h):
			kinds[i], unit = "unit", true
		case colPeople.MatchString(h):
			kinds[i] = "people"
		case colPhone.MatchString(h):
			kinds[i], phone = "phone", true
		}
	}
	if !unit || !phone {
		return nil
	}
	return kinds
}

// headerCells reads a TAB row by its header's column kinds (see
// headerKinds): the unit, department, people and the phone cell's phones
// and e-mails, as a contact table's row is read (see rowContacts). It
// returns nil where the row does not have the header's cells or its
// phone cell holds something else.
func headerCells(kinds []string, rec string) *Contact {
	cells := strings.Split(rec, "\t")
	if kinds == nil || len(cells) != len(kinds) {
		return nil
	}
	c := Contact{}
	for i, v := range cells {
		if v = strings.TrimSpace(v); v == "" || noneCell.MatchString(v) {
			continue
		}
		switch kinds[i] {
		case "unit":
			c.Unit = v
		case "dept":
			c.Department = v
		case "people":
			c.People = splitList(v)
		case "phone":
			// The table line may have lost or kept the space after an
			// area code ("0517 83561234"): read without it.
			v = strings.Join(strings.Fields(v), "")
			vals, rest := readContactValues(v)
			if rest != "" || vals.empty() {
				vals, rest = readContactValues(cellPhones(v))
			}
			if rest != "" || vals.empty() {
				return nil
			}
			c.addValues(vals)
		}
	}
	if c.Unit == "" {
		return nil
	}
	c = c.normal()
	return &c
}
