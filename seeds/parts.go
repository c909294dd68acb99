package seeds

import (
	"regexp"
	"strconv"
	"strings"
)

// The 服务包 grouped by department (see partlayouts.go): a part heading
// names a unit and, in brackets or on the line under it, its contact.

var (
	// partHead is a part heading: a numeral, a unit, and a bracket with a
	// contact label (or none: the contact then is on the next line).
	partHead = regexp.MustCompile(`(?m)^[ \t　]*([` + numeralChars + `]+)、([^\n（(【]{2,24}?)((?:[（(][一二三四五六七八九十]{1,2}[）)])?)(?:[（(]((?:联系人|咨询电话|联系电话|服务热线|咨询热线|电话)[：:][^\n]*)[）)])?[ \t　]*$`)
	// partMeasure is a measure numbered in its part, "2.【标题】", at a
	// line's start or right after the sentence or bracket before it (a
	// scrambled copy loses line breaks).
	partMeasure   = regexp.MustCompile(`(^|\n|[。）)])[ \t　]*(\d{1,2})[.．、][ \t　]*【([^【】\n]{1,40})】`)
	deptPartLabel = regexp.MustCompile(`(?:联系人|咨询电话|联系电话|服务热线|咨询热线|电话|咨询方式|联系方式)[：:]`)
	partOwn       = regexp.MustCompile(`具体咨询[：:][ \t　]*([^\n。]+?)[ \t　]*(?:\n|$)`)
	// partTrailer is a measure's own closing bracket in a part of mixed
	// units: "（区应急局，联系人：…，电话：…）".
	partTrailer = regexp.MustCompile(`[（(]([^（）()\n，,：:]{2,20})[，,](联系人[：:][^（）()\n]*)[）)]`)
	partConsult = regexp.MustCompile(`^[ \t　]*(?:咨询方式|联系方式)[：:][ \t　]*(.+)$`)
	nameToken   = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// partHeadGlued is a part heading inside a line: after a sentence, a
	// bracket or a phone, before a measure's number or a contact line.
	partHeadGlued = regexp.MustCompile(`([。）)]|\d)[ \t　]*([一二三四五六七八九十]{1,3}、[^\n（(【。，]{2,24}?(?:[（(][一二三四五六七八九十]{1,2}[）)])?(?:[（(](?:联系人|咨询电话|联系电话|服务热线|咨询热线|电话)[：:][^\n（）()]*[）)])?)[ \t　]*(\d{1,2}[.．、][ \t　]*【|咨询方式|联系方式)`)
	// partAfterPhone is a measure's number glued to the phone before it
	// (a part has fewer than ten measures: the last digit is the number).
	partAfterPhone = regexp.MustCompile(`(\d{5,})(\d)([.．、][ \t　]*【)`)
)

// partContact is one unit–people–phones contact of a part or measure.
type partContact struct {
	unit, dept string
	people     []string
	phones     []string
}

func (c partContact) lines() []string {
	u := c.unit
	if c.dept != "" {
		u += " " + c.dept
	}
	out := []string{"责任单位：" + u}
	if len(c.people) > 0 {
		out = append(out, "联系人："+strings.Join(c.people, "、"))
	}
	if len(c.phones) > 0 {
		out = append(out, "联系电话："+strings.Join(c.phones, "、"))
	}
	return out
}

// readPartContacts reads a contact bracket's or line's persons and phones
// for unit: "联系人：甲、乙，咨询电话：P1、P2" pairs them by order, "联系人：
// 甲，咨询电话：P1；乙，P2" one pair a segment, a hotline alone no person,
// "登记注册科　徐某　P" a department, a person and a phone.
func readPartContacts(unit, s string) []partContact {
	var people, phones []string
	dept := ""
	for _, seg := range strings.FieldsFunc(deptPartLabel.ReplaceAllString(s, " "), func(r rune) bool {
		return strings.ContainsRune(" \t　，,、；;", r)
	}) {
		switch {
		case phoneIn.FindString(seg) == seg:
			phones = append(phones, seg)
		case officeCell.MatchString(seg) && dept == "" && len(people) == 0:
			dept = seg
		case nameToken.MatchString(seg):
			people = append(people, seg)
		}
	}
	if len(people) > 1 && len(people) == len(phones) {
		var out []partContact
		for i := range people {
			out = append(out, partContact{unit: unit, dept: dept, people: people[i : i+1], phones: phones[i : i+1]})
		}
		return out
	}
	if len(people) == 0 && len(phones) == 0 {
		return nil
	}
	return []partContact{{unit: unit, dept: dept, people: people, phones: phones}}
}

// readOwnContact reads "unit person phone" (具体咨询) or a closing
// bracket's "unit，联系人：…，电话：…".
func readOwnContact(s string) []partContact {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \t　，,", r) })
	if len(f) == 0 {
		return nil
	}
	return readPartContacts(f[0], strings.Join(f[1:], " "))
}

// part is a part heading's place and what it gives its measures.
type part struct {
	at       int // byte offset of the heading
	unit     string
	contacts []partContact
}

// normalizeParts rewrites a guide grouped by department (see
// partlayouts.go): at least three part headings, measures "N.【…】"
// numbered anew in some part.
func normalizeParts(original string) string {
	// A scrambled copy glues a heading to the sentence before it and the
	// first measure to the heading, and a measure's number to the phone
	// ending the measure before: they go back on lines of their own.
	text := partHeadGlued.ReplaceAllString(original, "$1\n$2\n$3")
	text = partAfterPhone.ReplaceAllString(text, "$1\n$2$3")
	heads := partHead.FindAllStringSubmatchIndex(text, -1)
	if len(heads) < 3 {
		return original
	}
	var parts []part
	withContact := 0
	for _, h := range heads {
		unit := strings.TrimSpace(text[h[4]:h[5]])
		p := part{at: h[0], unit: unit}
		if h[8] >= 0 {
			p.contacts = readPartContacts(unit, text[h[8]:h[9]])
			withContact++
		} else if rest := text[h[1]:]; true {
			// The contact on the line under the heading.
			rest = strings.TrimLeft(rest, "\n")
			line, _, _ := strings.Cut(rest, "\n")
			if m := partConsult.FindStringSubmatch(line); m != nil {
				p.contacts = readPartContacts(unit, m[1])
				withContact++
			}
		}
		parts = append(parts, p)
	}
	starts := partMeasure.FindAllStringSubmatchIndex(text, -1)
	if withContact < 2 || len(starts) < 3 || !restarts(text, starts) {
		return original
	}
	partOf := func(at int) int {
		k := -1
		for i, p := range parts {
			if p.at <= at {
				k = i
			}
		}
		return k
	}
	// Each title's home is its last place (a scrambled copy's duplicates
	// stand before their original); a part's size is its highest local
	// number, and the measures are numbered through the parts in order.
	home := map[string][2]int{} // title → part, local number
	size := make([]int, len(parts))
	for _, s := range starts {
		n, _ := strconv.Atoi(text[s[4]:s[5]])
		k := partOf(s[0])
		home[text[s[6]:s[7]]] = [2]int{k, n}
	}
	for _, h := range home {
		if h[0] >= 0 && h[1] > size[h[0]] {
			size[h[0]] = h[1]
		}
	}
	base := make([]int, len(parts))
	for i := 1; i < len(parts); i++ {
		base[i] = base[i-1] + size[i-1]
	}
	var b strings.Builder
	last := 0
	for i, s := range starts {
		title := text[s[6]:s[7]]
		h := home[title]
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1][0] + len(text[starts[i+1][2]:starts[i+1][3]])
		}
		if k := partOf(end); k >= 0 && parts[k].at > s[1] && parts[k].at < end {
			end = parts[k].at
		}
		// Text up to the measure's number, then its global number.
		b.WriteString(text[last : s[0]+len(text[s[2]:s[3]])])
		b.WriteString("\n")
		g := h[1]
		if h[0] >= 0 {
			g += base[h[0]]
		}
		body := text[s[1]:end]
		var own []partContact
		if m := partOwn.FindStringSubmatchIndex(body); m != nil {
			own = readOwnContact(body[m[2]:m[3]])
			body = body[:m[0]] + body[m[1]:]
		} else if m := partTrailer.FindStringSubmatchIndex(body); m != nil {
			own = readOwnContact(body[m[2]:m[3]] + " " + body[m[4]:m[5]])
			body = body[:m[0]] + body[m[1]:]
		}
		cs := own
		if cs == nil && h[0] >= 0 {
			cs = parts[h[0]].contacts
		}
		// The contacts close the measure's paragraph; what follows a
		// blank line (a closing 附件 line, the date) stays after them.
		rest := ""
		if k := strings.IndexFunc(body, func(r rune) bool { return !strings.ContainsRune("\n \t　", r) }); k >= 0 {
			if j := strings.Index(body[k:], "\n\n"); j >= 0 {
				body, rest = body[:k+j], body[k+j:]
			}
		}
		b.WriteString(strconv.Itoa(g) + "．【" + title + "】")
		b.WriteString(strings.TrimRight(body, "\n \t　"))
		for _, c := range cs {
			b.WriteString("\n" + strings.Join(c.lines(), "\n"))
		}
		b.WriteString("\n" + rest)
		last = end
	}
	b.WriteString(text[last:])
	out := b.String()
	// The headings keep their units as section titles, their contacts
	// given to the measures.
	out = partHead.ReplaceAllStringFunc(out, func(s string) string {
		m := partHead.FindStringSubmatch(s)
		return m[1] + "、" + strings.TrimSpace(m[2]) + m[3]
	})
	// A contact line under a heading was given to its measures.
	lines := strings.Split(out, "\n")
	kept := lines[:0]
	for i, l := range lines {
		if partConsult.MatchString(l) && i > 0 && partHead.MatchString(lines[i-1]) {
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

// restarts reports whether the measures' local numbers start again at 1
// after a higher one at least once.
func restarts(text string, starts [][]int) bool {
	prev := 0
	for _, s := range starts {
		n, _ := strconv.Atoi(text[s[4]:s[5]])
		if n == 1 && prev > 1 {
			return true
		}
		prev = n
	}
	return false
}
