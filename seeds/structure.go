package seeds

import (
	"regexp"
	"strconv"
	"strings"
)

// piece is one kept sentence read for structure. In the original document a
// measure's contact block is followed, in the same sentence, by any headings
// and the next measure's number and first sentence; so a piece is
// [contact block] [headings] [N. text], each part optional.
type piece struct {
	pos      int    // index among kept sentences
	text     string // whole sentence
	block    *block // leading contact block, or nil
	headings []heading
	start    int    // number of the measure starting here, 0 if none
	body     string // that measure's first sentence, without its number
	final    bool   // unterminated last piece of the seed
}

func (p *piece) structural() bool {
	return p.block != nil || len(p.headings) > 0 || p.start > 0
}

type heading struct {
	section bool // "一、…" when true, "（一）…" otherwise
	number  int
	title   string
}

// block is a contact block: 牵头单位 … 配合单位 … 联系人 … 联系方式 ….
type block struct {
	lead, support []string
	contacts      []Contact
	missing       []string // labels the block lacks ("联系人", "联系方式")
	attribution   string   // why phones could not be tied to one unit, if so
}

var (
	leadLabel    = regexp.MustCompile(`^牵头(?:单位|部门)[：:]`)
	supportLabel = regexp.MustCompile(`配合(?:单位|部门)[：:]`)
	peopleLabel  = regexp.MustCompile(`联系人[：:]`)
	phoneLabel   = regexp.MustCompile(`联系(?:方式|电话)[：:]`)

	sectionHead    = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	subsectionHead = regexp.MustCompile(`^（([一二三四五六七八九十]+)）`)
	subsectionAny  = regexp.MustCompile(`（[一二三四五六七八九十]+）`)
	anyHead        = regexp.MustCompile(`（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、`)
	measureNumber  = regexp.MustCompile(`^(\d{1,3})\.`)
	numberAhead    = regexp.MustCompile(`\d{1,3}\.`)
	// yearAfter tells "4.2022年…" (measure 4, text starting with a year)
	// from a decimal such as "2.0升".
	yearAfter = regexp.MustCompile(`^\d{1,3}\.(?:19|20)\d\d年`)

	// A phone is a Beijing-style landline (area code, dash, 8 digits) or an
	// 11-digit mobile. The next measure's number is glued to the last one, so
	// the patterns are exact-length and anchored.
	phoneAt = regexp.MustCompile(`^(?:0\d{2}-\d{8}|1[3-9]\d{9})`)
)

// readPiece parses one sentence for structure.
func readPiece(pos int, s sentence) piece {
	p := piece{pos: pos, text: s.text, final: !s.terminated}
	rest := s.text
	if leadLabel.MatchString(rest) {
		p.block, rest = readBlock(rest)
	} else if !startsStructure(rest) {
		return p
	}
	p.headings, rest = readHeadings(rest)
	if m := measureNumber.FindStringSubmatch(rest); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n > 0 {
			p.start = n
			p.body = rest[len(m[0]):]
		}
	}
	return p
}

// startsStructure reports whether a sentence without a contact block starts
// a heading or a measure. A bare number opens a measure only if what
// follows is not a decimal digit, unless it is a year ("4.2022年").
func startsStructure(s string) bool {
	if sectionHead.MatchString(s) || subsectionHead.MatchString(s) {
		return true
	}
	m := measureNumber.FindString(s)
	if m == "" {
		return false
	}
	after := s[len(m):]
	return after == "" || after[0] < '0' || after[0] > '9' || yearAfter.MatchString(s)
}

func readHeadings(s string) ([]heading, string) {
	var hs []heading
	for {
		var h heading
		var m []string
		if m = sectionHead.FindStringSubmatch(s); m != nil {
			h.section = true
		} else if m = subsectionHead.FindStringSubmatch(s); m == nil {
			return hs, s
		}
		h.number = ParseNumeral(m[1])
		s = s[len(m[0]):]
		end := len(s)
		if loc := numberAhead.FindStringIndex(s); loc != nil {
			end = loc[0]
		}
		if h.section {
			if loc := subsectionAny.FindStringIndex(s[:end]); loc != nil {
				end = loc[0]
			}
		}
		h.title = s[:end]
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
	phones []string
}

// readPhones reads "[unit]phone[、phone]…[unit]phone…" and returns the groups
// and what follows the last phone. A unit label holds no digits and is not a
// heading, so scanning stops at the glued measure number or heading.
func readPhones(s string) ([]phoneGroup, string) {
	var groups []phoneGroup
	for {
		i := 0
		for i < len(s) && !isDigit(s[i]) {
			i++
		}
		label := s[:i]
		ph := phoneAt.FindString(s[i:])
		if ph == "" || !plausibleLabel(label) {
			return groups, s
		}
		g := phoneGroup{unit: strings.TrimRight(label, "：:，,"), phones: []string{ph}}
		s = s[i+len(ph):]
		for {
			t := strings.TrimLeft(s, "、，,;；/")
			if t == s {
				break
			}
			ph := phoneAt.FindString(t)
			if ph == "" {
				break
			}
			g.phones = append(g.phones, ph)
			s = t[len(ph):]
		}
		groups = append(groups, g)
	}
}

func plausibleLabel(label string) bool {
	if label == "" {
		return true
	}
	return len([]rune(label)) <= 40 && !strings.HasPrefix(label, "（") && !sectionHead.MatchString(label) &&
		!strings.ContainsAny(label, "。；;")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

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

var digitsCN = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ParseNumeral reads a Chinese numeral 一 … 九十九 (Numeral's output) as
// an int; anything else is 0.
func ParseNumeral(s string) int {
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digitsCN[r[0]]
	case len(r) == 2 && r[0] == '十':
		return 10 + digitsCN[r[1]]
	case len(r) == 2 && r[1] == '十':
		return digitsCN[r[0]] * 10
	case len(r) == 3 && r[1] == '十':
		return digitsCN[r[0]]*10 + digitsCN[r[2]]
	}
	return 0
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
