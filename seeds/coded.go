package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A policy list (政策清单, issue 20) may code its measures by a part's
// letter and a number, name each measure's units by their short names and
// give persons and phones only in a closing directory of units by their
// full names:
//
//	A 财税支持类
//	A1：小规模纳税人免征增值税
//	2022年4月1日至12月31日，……免征增值税。
//	责任单位：区税务局
//	A2  ……（two spaces, or one full-width space, after the code）
//	…
//	附：政策咨询服务单位通讯录
//	某市某区人力资源和社会保障局　　张某某　　0371-6xxxxxxx
//	　　　　李某某　　0371-6xxxxxxx          (the unit's second person)
//	国家税务总局某市某区税务局　　王某某　　6xxxxxxx
//	某市某区住房和城乡建设局　　12345
//
// normalizeCoded rewrites such a guide into the numbered layout: measures
// are numbered 1..N in the order of their codes (a code may be skipped:
// A5 after A3 is the next measure), a part heading becomes "一、…", the
// duty lines leave the text, and a contact table one cell per line (see
// decimalContacts) gives each measure its units and the directory entries
// whose full names those short names stand for (see shortNameOf); a unit the
// directory lacks keeps no one's contact. A corrupted copy may glue a code
// or a duty line to the sentence before it, and copies sentences: a duty
// line belongs to the measure before the code that follows it in its
// sentence (as a contact block belongs to the measure before the next
// start), else to the code before it.
var (
	codeAt = regexp.MustCompile(`(^|\n|。)([ \t　]*)([A-Z])(\d{1,2})(?:[：:]|[ ]{2,}|[ ]?　|\t)[ \t　]*([^\n])`)
	// codedPart is a part heading: a code letter alone, a space and a
	// short title.
	codedPart = regexp.MustCompile(`(^|\n|。)([ \t　]*)([A-Z])(?:[、.．][ \t　]*|[ \t　]+)(\p{Han}[^\n。：:]{1,30}?)[ \t　]*(\n|$)`)
	codedDuty = regexp.MustCompile(`(^|\n|。)[ \t　]*责任单位[：:][ \t　]*([^\n。]*)`)
	// directoryHead opens a closing directory of units.
	directoryHead = regexp.MustCompile(`(?m)^[ \t　]*附(?:件)?\d*[：:]?[ \t　]*[^\n。]{0,20}(?:通讯录|联系方式|联系表|联系电话)[ \t　]*$`)
	dirCellSep    = regexp.MustCompile(`[ ]*\t[ \t　]*|[ 　]{2,}|　[ ]+|[ ]+　`)
	dirPhone      = regexp.MustCompile(`^[\d\-－/／、，,]{5,}$`)
)

// codedMinItems is how many distinct codes, across two letters at least,
// make a guide coded by letter and number.
const codedMinItems = 6

type code struct {
	letter byte
	n      int
}

// dirEntry is a line of a directory of units.
type dirEntry struct {
	unit, person, phones string
}

func normalizeCoded(text string) string {
	starts := codeAt.FindAllStringSubmatchIndex(text, -1)
	seen := map[code]bool{}
	firsts := map[byte]bool{}
	for _, s := range starts {
		n, _ := strconv.Atoi(text[s[8]:s[9]])
		if n == 0 {
			continue
		}
		c := code{text[s[6]], n}
		seen[c] = true
		if n == 1 {
			firsts[c.letter] = true
		}
	}
	if len(seen) < codedMinItems || len(firsts) < 2 {
		return text
	}
	codes := make([]code, 0, len(seen))
	for c := range seen {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b code) int {
		if a.letter != b.letter {
			return int(a.letter) - int(b.letter)
		}
		return a.n - b.n
	})
	rank := map[code]int{}
	for k, c := range codes {
		rank[c] = k + 1
	}
	// The directory, and where it stands (it leaves the text).
	dir, dir0, dir1 := readUnitDirectory(text)
	body := text
	if dir0 >= 0 {
		body = text[:dir0] + text[dir1:]
	}
	// Units of each measure, from its duty line.
	units := map[int][]string{}
	codesIn := codeAt.FindAllStringSubmatchIndex(body, -1)
	for _, d := range codedDuty.FindAllStringSubmatchIndex(body, -1) {
		owner := 0
		sentEnd := strings.Index(body[d[1]:], "。")
		if sentEnd < 0 {
			sentEnd = len(body) - d[1]
		}
		for _, s := range codesIn {
			n, _ := strconv.Atoi(body[s[8]:s[9]])
			r := rank[code{body[s[6]], n}]
			if r == 0 {
				continue
			}
			if s[0] < d[0] {
				owner = r
				continue
			}
			if s[0] < d[1]+sentEnd {
				owner = r - 1
			}
			break
		}
		if owner > 0 && len(units[owner]) == 0 {
			units[owner] = splitList(strings.Trim(body[d[4]:d[5]], " \t　；;，,"))
		}
	}
	var b strings.Builder
	last := 0
	edit := func(from, to int, s string) {
		b.WriteString(body[last:from])
		b.WriteString(s)
		last = to
	}
	type span struct {
		from, to int
		s        string
	}
	var spans []span
	for _, s := range codesIn {
		n, _ := strconv.Atoi(body[s[8]:s[9]])
		r := rank[code{body[s[6]], n}]
		if r == 0 {
			continue
		}
		head := body[s[2]:s[3]] + body[s[4]:s[5]] + strconv.Itoa(r) + "．"
		to := s[10]
		if eol := strings.IndexByte(body[to:], '\n'); eol > 0 && titleOnly(body[to:to+eol]) {
			// A code line holding only a title, the text on the next
			// line: the title opens the measure's first sentence, as a
			// policy list's title and content do (see normalizeFields).
			// Kept apart, the title would be the measure's sentence and
			// its text a follow-up, which after the last measure no
			// position places.
			title := strings.TrimRight(body[to:to+eol], " \t　")
			next := body[to+eol+1:]
			if nl := strings.IndexByte(next, '\n'); nl >= 0 {
				next = next[:nl]
			}
			if t := strings.Trim(next, " \t　"); t == "" || codedDuty.MatchString("\n"+t) || codeAt.MatchString("\n"+t+"\n") {
				head += title + "。"
				to += eol
			} else {
				head += title + "："
				to += eol + 1 + len(next) - len(strings.TrimLeft(next, " \t　"))
			}
		}
		spans = append(spans, span{s[0], to, head})
	}
	for _, s := range codedPart.FindAllStringSubmatchIndex(body, -1) {
		k := int(body[s[6]]-'A') + 1
		if !firsts[body[s[6]]] && !seen[code{body[s[6]], 2}] {
			continue
		}
		spans = append(spans, span{s[0], s[9], body[s[2]:s[3]] + body[s[4]:s[5]] + Numeral(k) + "、" + body[s[8]:s[9]]})
	}
	for _, d := range codedDuty.FindAllStringSubmatchIndex(body, -1) {
		spans = append(spans, span{d[0], d[1], body[d[2]:d[3]]})
	}
	table := "附件：政策咨询联系表\n" + codedTable(units, dir, len(codes))
	if dir0 >= 0 {
		// The table stands where the directory stood: right after the
		// last measure, it ends that measure's text.
		spans = append(spans, span{dir0, dir0, table})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	for _, s := range spans {
		if s.from < last {
			continue
		}
		edit(s.from, s.to, s.s)
	}
	b.WriteString(body[last:])
	out := b.String()
	if first := strings.Index(out, "\n"+Numeral(1)+"、"); first > 0 {
		// The web page's lines above the notice (see decimalHead).
		out = decimalHead(out[:first]) + out[first:]
	}
	if dir0 >= 0 {
		return out
	}
	return strings.TrimRight(out, " \t　\n") + "\n" + table
}

// readUnitDirectory reads a closing directory of units, one line each:
// full name, person, phone, cells separated by two spaces or more (or a
// TAB); a line opening with spaces is the previous unit's next person.
// It returns the entries and the directory's extent in text (-1 if none).
func readUnitDirectory(text string) ([]dirEntry, int, int) {
	loc := directoryHead.FindStringIndex(text)
	if loc == nil {
		return nil, -1, -1
	}
	var out []dirEntry
	end := loc[1]
	unit, skipped := "", 0
	for end < len(text) {
		eol := strings.IndexByte(text[end+1:], '\n')
		line := text[end+1:]
		if eol >= 0 {
			line = text[end+1 : end+1+eol]
		}
		if strings.TrimSpace(line) == "" && len(out) == 0 {
			end += 1 + len(line)
			continue
		}
		cells := dirCellSep.Split(strings.Trim(line, " \t　"), -1)
		indented := strings.HasPrefix(line, "　") || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
		var e dirEntry
		if len(cells) > 2 && rowNumberOf(cells[0]) > 0 {
			// A numbered row ("1　　某区财政局　　…").
			cells = cells[1:]
		}
		for k, c := range cells {
			c = strings.TrimSpace(c)
			switch {
			case dirPhone.MatchString(c):
				e.phones = strings.Join(strings.FieldsFunc(splitPhones(c), func(r rune) bool { return strings.ContainsRune("、，,", r) }), "、")
			case k == 0 && !indented:
				e.unit = c
			case e.person == "" && utf8.RuneCountInString(c) <= 4:
				e.person = c
			}
		}
		if e.phones == "" {
			if len(out) == 0 && skipped < 2 {
				// A header row ("单位名称　　联系人　　联系电话").
				skipped++
				end += 1 + len(line)
				continue
			}
			break
		}
		if e.unit == "" {
			e.unit = unit
		}
		if e.unit == "" {
			break
		}
		unit = e.unit
		out = append(out, e)
		end += 1 + len(line)
	}
	if len(out) < 2 {
		return nil, -1, -1
	}
	return out, loc[0], end
}

// codedTable writes the contact table one cell per line, a row for every
// measure 1..n: its units and, for each, the directory's entries of that
// unit (see shortNameOf), or the unit alone.
func codedTable(units map[int][]string, dir []dirEntry, n int) string {
	district := directoryDistrict(dir)
	contacts := map[int][]annexContact{}
	for k := 1; k <= n; k++ {
		for _, u := range units[k] {
			full := dirUnit(u, dir, district)
			var cs []annexContact
			if full != "" {
				for _, e := range dir {
					if e.unit == full {
						cs = append(cs, annexContact{u, e.person, e.phones})
					}
				}
			}
			if len(cs) == 0 {
				cs = []annexContact{{unit: u}}
			}
			contacts[k] = append(contacts[k], cs...)
		}
	}
	return annexTable(contacts, n)
}

// dirUnit is the unit of dir that u names (its full name, or u itself): an
// exact short name before an abbreviation; "" where none does or two do
// alike.
func dirUnit(u string, dir []dirEntry, district string) string {
	var full string
	exact := false
	ambiguous := false
	for _, e := range dir {
		same, isExact := shortNameOf(u, e.unit, district)
		switch {
		case !same || e.unit == full:
		case isExact && !exact:
			full, exact, ambiguous = e.unit, true, false
		case isExact == exact && full != "":
			ambiguous = true
		case !exact:
			full = e.unit
		}
	}
	if ambiguous {
		return ""
	}
	return full
}

// unitEnds end the names of government units; 办 and 办公室 are one, and
// so are 委 and 委员会.
var unitEnds = []string{"委员会", "办公室", "管理部", "中心", "分局", "局", "委", "办", "院", "会"}

// fullUnitCore is a unit's name without the place that opens it (all up to
// the first 区 or 县: "河川市澄湖区", "国家税务总局河川市澄湖区", "区"; else
// the district's own name, "澄湖税务局") and without its suffix: the stem and the suffix ("人力资源和社会保障", "局").
func fullUnitCore(name, district string) (string, string) {
	if i := strings.IndexAny(name, "区县"); i >= 0 && i+len("区") < len(name) {
		name = name[i+len("区"):]
	} else if district != "" && strings.HasPrefix(name, district) {
		name = strings.TrimPrefix(name, district)
	}
	for _, s := range unitEnds {
		if stem, ok := strings.CutSuffix(name, s); ok && utf8.RuneCountInString(stem) >= 2 {
			switch s {
			case "办公室":
				s = "办"
			case "委员会":
				s = "委" // 区发改委 ↔ 发展和改革委员会
			}
			return stem, s
		}
	}
	return name, ""
}

// directoryDistrict is the district a directory's full names share
// ("河川市澄湖区…" → "澄湖"): a short name may open with it ("澄湖税务局").
func directoryDistrict(dir []dirEntry) string {
	count := map[string]int{}
	for _, e := range dir {
		i := strings.IndexAny(e.unit, "区县")
		if i < 0 {
			continue
		}
		head := e.unit[:i]
		if j := strings.LastIndex(head, "市"); j >= 0 {
			head = head[j+len("市"):]
		}
		if n := utf8.RuneCountInString(head); n >= 1 && n <= 4 {
			count[head]++
		}
	}
	best := ""
	for d, c := range count {
		if c > count[best] || c == count[best] && d < best {
			best = d
		}
	}
	if count[best]*2 < len(dir) {
		return ""
	}
	return best
}

// shortNameOf reports whether short, a unit as a measure names it, stands for
// full, a directory's full name, and whether exactly: the stems are equal
// after the place and suffix go, or the short stem abbreviates the full one
// as unit names are abbreviated, keeping characters in order from the
// first (人社 for 人力资源和社会保障, 科工信 for 科技和工业信息化, 市场监管
// for 市场监督管理), under the same suffix.
func shortNameOf(short, full, district string) (same, exact bool) {
	fs, fsuf := fullUnitCore(full, district)
	ss, ssuf := fullUnitCore(short, district)
	if fsuf == "" || fsuf != ssuf {
		return false, false
	}
	if ss == fs {
		return true, true
	}
	sr, fr := []rune(ss), []rune(fs)
	if len(sr) < 2 || sr[0] != fr[0] || len(sr) >= len(fr) {
		return false, false
	}
	k := 0
	for _, r := range fr {
		if k < len(sr) && r == sr[k] {
			k++
		}
	}
	return k == len(sr), false
}
