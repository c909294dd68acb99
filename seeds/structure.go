package seeds

import (
	"regexp"
	"strconv"
	"strings"
)

// piece is one kept sentence read for structure. In the original document a
// measure's contact block is followed, in the same sentence, by any headings
// and the next measure's number and first sentence; so a piece is
// [contact block] [headings] [N. text], each part optional. A block that
// closes its measure (a clause such as "（责任单位：…）") may instead be
// followed by the measure's steps ([block] [tail]) or end a sentence of the
// measure ([pre] [block]).
type piece struct {
	pos      int    // index among kept sentences
	text     string // whole sentence
	raw      string // whole sentence as written (line breaks and spaces kept)
	block    *block // leading contact block, or nil
	headings []heading
	start    int    // number of the measure starting here, 0 if none
	body     string // that measure's first sentence, without its number
	final    bool   // unterminated last piece of the seed
	joined   bool   // the sentence continues the line of the one before it

	paren int    // in a guide that numbers measures （一）（二）…: the bracket number read here
	own   *block // a clause ending the measure's first sentence: the measure's own block
	// trail is a clause ending a sentence without a measure start; pre is
	// that sentence's text before it. tail is the text after a closing
	// block that no heading or measure follows (the measure's steps).
	trail     *block
	pre, tail string
	table     bool   // the sentence belongs to a table (read by readTables)
	junk      string // unreadable words between a block and the next measure
	// alts are the other numbers the digits glued before start may give
	// ("…转80012．" is 2 or 12): fitGlued picks the one the numbering
	// around the piece expects, and the digits left go to junk.
	alts []int
	num  string // the digits read as start, as written, where alts are set
	// phoneDigit is set where the block's last phone, read with a 4-digit
	// area code and 8 digits, stands right before start: a county's
	// 7-digit number glued to the next measure's number ("0730-2123456"
	// and "18．" read "0730-21234561" and "8．"). alts then holds the
	// number that takes the phone's last digit.
	phoneDigit string
}

func (p *piece) structural() bool {
	return p.block != nil || len(p.headings) > 0 || p.start > 0 || p.paren > 0 || p.trail != nil || p.table
}

type heading struct {
	section bool // "一、…" when true, "（一）…" otherwise
	number  int
	title   string
	text    string // what follows the title on its own lines, before any measure
	// inferred: the heading is absent; numbering showed it was lost.
	inferred bool
}

// block is a contact block: 牵头单位 … 配合单位 … 联系人 … 联系方式 …, a duty
// block (责任单位 …) or a closing clause.
type block struct {
	lead, support []string
	contacts      []Contact
	missing       []string // labels the block lacks ("联系人", "联系方式")
	attribution   string   // why phones could not be tied to one unit, if so
	// closing: the block ends the measure before it rather than sharing a
	// sentence with the next one, so where no measure starts after it, its
	// position still names its measure.
	closing bool
}

var (
	leadLabel    = regexp.MustCompile(`^牵头(?:单位|部门)[：:]`)
	supportLabel = regexp.MustCompile(`配合(?:单位|部门)[：:]`)
	peopleLabel  = regexp.MustCompile(`联系人[：:]`)
	phoneLabel   = regexp.MustCompile(`联系(?:方式|电话)[：:]`)

	sectionHead    = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	subsectionHead = regexp.MustCompile(`^[（(]([一二三四五六七八九十]+)[）)]`)
	subsectionAny  = regexp.MustCompile(`[（(][一二三四五六七八九十]+[）)]`)
	anyHead        = regexp.MustCompile(`[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、`)
	measureNumber  = regexp.MustCompile(`^(\d{1,3})[.．]`)
	numberAhead    = regexp.MustCompile(`\d{1,3}[.．]`)
	structureAhead = regexp.MustCompile(`[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,3}[.．]`)
	// yearAfter tells "4.2022年…" (measure 4, text starting with a year)
	// from a decimal such as "2.0升".
	yearAfter = regexp.MustCompile(`^\d{1,3}[.．](?:19|20)\d\d年`)
)

// readPiece parses one sentence for structure. In a guide that numbers its
// measures （一）（二）… (parens), a bracket number opens a measure and "1."
// is a step within one.
func readPiece(pos int, s sentence, parens bool) piece {
	p := piece{pos: pos, text: s.text, raw: s.raw, final: !s.terminated, joined: s.joined}
	rest := s.text
	read := false // a duty block was read after a closing clause
	if pre, at := fieldBeforeDuty(rest); at > 0 {
		p.pre, rest = pre, rest[at:]
	}
	switch {
	case leadLabel.MatchString(rest):
		p.block, rest = readBlock(rest)
	case startsDuty(rest):
		p.block, rest = readDuty(rest, s.raw)
	default:
		if b, n := clauseAt(rest); b != nil {
			p.block, rest = b, rest[n:]
			if startsDuty(rest) {
				// The measure's phone or e-mail line after its clause.
				var d *block
				d, rest = readDuty(rest, s.raw)
				b.contacts, b.missing = append(b.contacts, d.contacts...), d.missing
				read = true
			}
		} else if !startsStructure(rest, parens) {
			if b, pre := trailingClause(rest); b != nil {
				p.trail, p.pre = b, pre
			}
			return p
		}
	}
	if p.block != nil && !parens {
		// The phone took the whole number, or left "0．": "0730-2123456"
		// and "8．" read "0730-21234568" and "．" (see piece.phoneDigit):
		// the phone's last digit goes back to the number.
		if ph := eightAfterArea.FindString(s.text[:len(s.text)-len(rest)]); ph != "" {
			if m := eatenNumber.FindStringSubmatch(rest); m != nil && strings.Trim(ph[len(ph)-1:]+m[1], "0") != "" {
				rest = ph[len(ph)-1:] + rest
				p.block.shortenPhone(ph)
			}
		}
	}
	if p.block != nil && (!p.block.closing || read) && rest != "" && !startsStructure(rest, parens) {
		// Words the block's grammar does not know before the next heading
		// or measure: skipped, and reported. Where no heading or measure
		// follows them, they run to the sentence's end: reported too, as
		// nothing else reads them.
		if at := junkEnd(rest, parens); at > 0 {
			p.junk, rest = rest[:at], rest[at:]
		} else if strings.Trim(rest, "。；;，,、 ") != "" && !strings.HasPrefix(stripSpace(lineOf(s.raw, rest)), rest) {
			// Only on the block's own line: a paragraph on the lines after
			// it (the guide's closing words) is no part of the block.
			p.junk, rest = rest, ""
		}
	}
	p.headings, rest = readHeadings(rest, s.raw, parens)
	if parens {
		if m := subsectionHead.FindStringSubmatch(rest); m != nil {
			p.paren = ParseNumeral(m[1])
			p.body = rest[len(m[0]):]
		}
	} else if m := measureNumber.FindStringSubmatch(rest); m != nil && (p.block != nil || len(p.headings) > 0 || startsStructure(rest, false)) {
		// After a block or heading a number is the next measure's, whatever
		// follows it ("5.2024—2025雪季…").
		if n, _ := strconv.Atoi(m[1]); n > 0 {
			p.start = n
			p.body = rest[len(m[0]):]
			if p.alts = gluedAlts(p.junk, m[1]); p.alts != nil {
				p.num = m[1]
			} else if ph := eightAfterArea.FindString(s.text[:len(s.text)-len(rest)]); ph != "" && p.block != nil && p.junk == "" && len(p.headings) == 0 && len(m[1]) < 3 {
				alt, _ := strconv.Atoi(ph[len(ph)-1:] + m[1])
				p.alts, p.num, p.phoneDigit = []int{alt}, m[1], ph
			}
		}
	}
	switch {
	case p.body != "":
		if b, pre := trailingClause(p.body); b != nil {
			p.own, p.body = b, pre
		}
	case p.block != nil && p.block.closing && len(p.headings) == 0 && rest != "":
		p.tail = rest
	}
	return p
}

// junkEnd returns where a heading or measure starts in rest, within 60
// characters after words a block could not read, or 0. A measure number
// glued to digits ("…转80012．", or a phone the block did not read:
// area code, eight digits, then the number "2．") is the digits a phone
// leaves, not the first three before the dot.
func junkEnd(rest string, parens bool) int {
	loc := structureAhead.FindStringIndex(rest)
	if loc == nil || loc[0] == 0 || len([]rune(rest[:loc[0]])) > 60 || !startsStructure(rest[loc[0]:], parens) {
		return 0
	}
	at := loc[0]
	if c := rest[at-1]; isDigit(rest[at]) && (c == '@' || c == '.' || isLetter(c)) {
		// "wzjrfw@163.com": a mail or web address, not a measure's number.
		return 0
	}
	if isDigit(rest[at-1]) || isDigit(rest[at]) && at > 0 && rest[at-1] == '-' {
		run := at
		for run > 0 && (isDigit(rest[run-1]) || rest[run-1] == '-') {
			run--
		}
		dot := at + strings.IndexAny(rest[at:], ".．")
		if ph := phoneAt.FindString(rest[run:]); ph != "" && run+len(ph) < dot && dot-(run+len(ph)) <= 3 {
			at = run + len(ph)
		}
	}
	return at
}

// gluedAlts returns the numbers other than num that the digits ending
// junk and num itself may give, longer ones first: a number has one to
// three digits and no leading zero. A number after words, or after a
// whole phone, has no others.
func gluedAlts(junk, num string) []int {
	i := len(junk)
	for i > 0 && isDigit(junk[i-1]) {
		i--
	}
	if i == len(junk) {
		return nil // nothing glued before the number
	}
	j := i
	for j > 0 && (isDigit(junk[j-1]) || junk[j-1] == '-') {
		j--
	}
	if ph := phoneAt.FindString(junk[j:]); ph == junk[j:] {
		return nil // a whole phone before it (see junkEnd): the number is what follows
	}
	run, cur := junk[i:]+num, 0
	cur, _ = strconv.Atoi(num)
	var out []int
	for l := min(3, len(run)); l >= 1; l-- {
		d := run[len(run)-l:]
		n, _ := strconv.Atoi(d)
		if d[0] == '0' || n == cur {
			continue
		}
		out = append(out, n)
	}
	return out
}

// fitGlued settles each number read glued to digits before it (see
// piece.alts): of its readings, the one that follows the last number
// before it, else the one that precedes the next number after it; the
// digits it leaves are unread words.
func (p *parser) fitGlued() {
	for i := range p.pieces {
		pc := &p.pieces[i]
		if len(pc.alts) == 0 {
			continue
		}
		prev, next := 0, 0
		for j := i - 1; j >= 0 && prev == 0; j-- {
			prev = p.pieces[j].start
		}
		for j := i + 1; j < len(p.pieces) && next == 0; j++ {
			next = p.pieces[j].start
		}
		pick := 0
		for _, pass := range []func(int) bool{func(n int) bool { return prev > 0 && n == prev+1 }, func(n int) bool { return next > 0 && n == next-1 }} {
			for _, n := range append([]int{pc.start}, pc.alts...) {
				if pick == 0 && pass(n) {
					pick = n
				}
			}
		}
		if pick == 0 || pick == pc.start {
			continue
		}
		if pc.phoneDigit != "" {
			// The phone's last digit is the number's first.
			pc.start, pc.num = pick, strconv.Itoa(pick)
			pc.block.shortenPhone(pc.phoneDigit)
			continue
		}
		// The digits the old reading took and the new one leaves (or the
		// reverse) move between the number and the junk.
		run, now := pc.junk+pc.num, strconv.Itoa(pick)
		pc.junk, pc.start, pc.num = run[:len(run)-len(now)], pick, now
	}
}

// eightAfterArea is a phone with a 4-digit area code and 8 digits ending a
// text (see piece.phoneDigit).
var eightAfterArea = regexp.MustCompile(`0\d{3}-\d{8}$`)

// eatenNumber is what such a phone leaves of a measure's number: its dot,
// or a "0" and its dot; a digit after the dot is a decimal, no number.
var eatenNumber = regexp.MustCompile(`^(0?)[.．]([^\d]|$)`)

// shortenPhone drops the last digit of phone wherever the block lists it
// (see piece.phoneDigit).
func (b *block) shortenPhone(phone string) {
	for i := range b.contacts {
		c := &b.contacts[i]
		phones := make([]string, len(c.Phones))
		for j, ph := range c.Phones {
			if ph == phone {
				ph = ph[:len(ph)-1]
			}
			phones[j] = ph
		}
		c.Phones = phones
	}
}

// startsStructure reports whether a sentence without a contact block starts
// a heading or a measure. A bare number opens a measure only if what
// follows is not a decimal digit, unless it is a year ("4.2022年").
func startsStructure(s string, parens bool) bool {
	if sectionHead.MatchString(s) || subsectionHead.MatchString(s) {
		return true
	}
	m := measureNumber.FindString(s)
	if m == "" || parens {
		return false
	}
	after := s[len(m):]
	return after == "" || after[0] < '0' || after[0] > '9' || yearAfter.MatchString(s)
}

// readHeadings reads the headings at the start of s. In parens mode only
// section headings are headings. A title ends at the end of its line in
// raw; what follows it on its own lines, before any measure, is its text.
func readHeadings(s, raw string, parens bool) ([]heading, string) {
	var hs []heading
	for {
		var h heading
		var m []string
		if m = sectionHead.FindStringSubmatch(s); m != nil {
			h.section = true
		} else if m = subsectionHead.FindStringSubmatch(s); m == nil || parens {
			return hs, s
		}
		h.number = ParseNumeral(m[1])
		s = s[len(m[0]):]
		end := len(s)
		if loc := numberAhead.FindStringIndex(s); loc != nil && !parens {
			end = loc[0]
		}
		if h.section {
			if loc := subsectionAny.FindStringIndex(s[:end]); loc != nil {
				end = loc[0]
			}
		}
		h.title = s[:end]
		// A heading over a paragraph rather than a measure: the title is
		// its first line.
		if end == len(s) && strings.HasSuffix(s, "。") {
			if title, text, ok := lineSplit(raw, h.title); ok {
				h.title, h.text = title, text
			}
		}
		s = s[end:]
		hs = append(hs, h)
	}
}

// readBlock parses a contact block at the start of s and returns it with
// the rest of the sentence (headings and the next measure).
func readBlock(s string) (*block, string) {
	b := &block{}
	s = s[len(leadLabel.FindString(s)):]

	// Each label's value runs to the next label. The last value present runs
	// to the phones' end or, if the block is truncated, to the first heading
	// or measure number.
	supLoc := supportLabel.FindStringIndex(s)
	pplLoc := peopleLabel.FindStringIndex(s)
	telLoc := phoneLabel.FindStringIndex(s)
	cut := func(from int, locs ...[]int) (string, int) {
		for _, l := range locs {
			if l != nil && l[0] >= from {
				return s[from:l[0]], l[0]
			}
		}
		v := s[from:]
		end := len(v)
		if loc := anyHead.FindStringIndex(v); loc != nil {
			end = loc[0]
		}
		if loc := numberAhead.FindStringIndex(v); loc != nil && loc[0] < end {
			end = loc[0]
		}
		return v[:end], from + end
	}

	lead, next := cut(0, supLoc, pplLoc, telLoc)
	b.lead = splitList(lead)
	if supLoc != nil && supLoc[0] == next {
		var sup string
		sup, next = cut(supLoc[1], pplLoc, telLoc)
		b.support = splitList(sup)
	}
	var people string
	if pplLoc != nil && pplLoc[0] == next {
		people, next = cut(pplLoc[1], telLoc)
	} else {
		b.missing = append(b.missing, "联系人")
	}
	var labelled []phoneGroup
	rest := s[next:]
	if telLoc != nil && telLoc[0] == next {
		labelled, rest = readPhones(s[telLoc[1]:])
	} else {
		b.missing = append(b.missing, "联系方式")
	}
	b.contacts, b.attribution = buildContacts(b.lead, b.support, people, labelled)
	return b, rest
}

// phoneGroup is the phones written after one unit label ("区水务局010-…"),
// or unlabelled phones (unit "").
type phoneGroup struct {
	unit   string
	values contactValues
}

// readPhones reads "[unit]phone[、phone]…[unit]phone…" and returns the groups
// and what follows the last phone. A unit label holds no digits and is not a
// heading, so scanning stops at the glued measure number or heading.
func readPhones(s string) ([]phoneGroup, string) {
	var groups []phoneGroup
	for {
		i := 0
		for i < len(s) && !isDigit(s[i]) && (i > 0 && isAlnum(s[i-1]) || emailAt.FindString(s[i:]) == "") {
			// An address cannot start right after a letter or digit: the
			// try from there read the same run to the same @ (and a long
			// run tried at every byte is quadratic).
			i++
		}
		label := s[:i]
		v, rest := readContactValues(s[i:])
		if v.empty() || !plausibleLabel(label) {
			return groups, s
		}
		groups = append(groups, phoneGroup{unit: strings.TrimRight(label, "：:，,"), values: v})
		s = rest
	}
}

func plausibleLabel(label string) bool {
	if label == "" {
		return true
	}
	return len([]rune(label)) <= 40 && !strings.HasPrefix(label, "（") && !strings.HasPrefix(label, "(") && !sectionHead.MatchString(label) &&
		!strings.ContainsAny(label, "。；;")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// splitList splits "区财政局、区税务局" into its items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

var (
	digitsCN = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	unitsCN  = map[rune]int{'十': 10, '百': 100, '千': 1000}
)

// ParseNumeral reads a Chinese numeral below 10000 (一, 十二, 九十九,
// 一百零八, 两千〇五十) as an int; anything else, a string of bare digits
// such as a year (二〇二二) included, is 0. Units must fall from left to
// right, each with one digit before it (十 alone leads 十几), and 零 / 〇
// only stands between a unit and a digit.
func ParseNumeral(s string) int {
	r := []rune(s)
	total, digit, unit := 0, -1, 10000
	for i, c := range r {
		if v, ok := digitsCN[c]; ok {
			if digit >= 0 {
				return 0
			}
			digit = v
			continue
		}
		if c == '零' || c == '〇' {
			if digit >= 0 || i == 0 || i == len(r)-1 || unit <= 10 {
				return 0
			}
			continue
		}
		u := unitsCN[c]
		if u == 0 || u >= unit {
			return 0
		}
		if digit < 0 {
			if i != 0 || u != 10 {
				return 0
			}
			digit = 1
		}
		total += digit * u
		unit, digit = u, -1
	}
	if digit >= 0 {
		total += digit
	}
	return total
}

// Numeral writes n (1..99) as a Chinese numeral, as the guide numbers its
// headings: 一, 十二, 九十九. Other numbers come back in Arabic digits.
func Numeral(n int) string {
	names := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return names[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + names[n-10]
	case n%10 == 0:
		return names[n/10] + "十"
	}
	return names[n/10] + "十" + names[n%10]
}
