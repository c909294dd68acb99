package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/index/pinyin"
	"policybot/seeds"
)

// A message that names one of the guide's contacts — a person ("李斌电话",
// "找郭森怡"), a department ("“两区”专班电话") or a phone number
// ("138xxxxxxxx是谁的电话") — and asks nothing else asks for that contact.
// It is answered with that contact's lines alone, across every measure
// that lists them, and never with another person's phone.

// phoneInText finds what may be a phone number in a message: a mobile, a
// number with an area code, a local number of 7–8 digits or a hotline of
// 5 digits.
var phoneInText = regexp.MustCompile(`1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{5,8}`)

// contactAsked returns the contact a message asks for by naming it, as a
// Unit holding only that contact's lines (Leads: the measures listing
// them), or nil, and the words that called a person by surname and title
// ("王主任"), "" when none did. A phone is enough; a person or department
// is when the rest of the message (contact cues, the unit's name, filler)
// carries less than Tuning.MinTopicWeight. After a person named, a way to
// reach them ("李科长的邮箱", "王主任的手机") is a contact cue too: it says
// how the owner wants to reach whom they named, not a topic (手机 of the
// guide's consumer measures). near are the contact lines of what the
// conversation is on (nil for none): a surname with a title that several
// of the guide's people share is the one of them among these.
func (ix *Index) contactAsked(q string, near []seeds.Contact) (*Unit, string) {
	if cs := ix.dir.byPhone(q); len(cs) > 0 {
		return ix.contactUnit(cs), ""
	}
	if cs := ix.dir.byPhoneDigits(q); len(cs) > 0 {
		return ix.contactUnit(cs), ""
	}
	cs, named := ix.namedContacts(q, near)
	if len(cs) == 0 {
		return nil, ""
	}
	rest := squeeze(q)
	called, person, full := "", false, false
	for _, n := range named {
		rest = strings.ReplaceAll(rest, squeeze(n), " ")
		if !ix.dir.isDepartment(n) {
			person = true
			if !slices.Contains(ix.dir.people, n) {
				called = n
			}
			if p, _ := ix.dir.soundsLike(n, nil); slices.Contains(ix.dir.people, n) || p != "" {
				full = true
			}
		}
	}
	rest, asked := cutPhrases(rest, ix.cues.list(cueContact))
	if person {
		var means bool
		rest, means = cutPhrases(rest, ix.cues.meansWords)
		asked = asked || means
	}
	if u, name := ix.dir.find(rest); u != nil && u.Name == cs[0].Unit {
		rest = strings.Replace(rest, name, " ", 1)
	}
	weight := 0.0
	for _, c := range ix.analyse(rest, -1).concepts {
		weight += c.weight
	}
	// A person's full name asked for ("城指中心那个郝小松，派单的，电话是啥")
	// is whom the owner wants, whatever else they say of the person's
	// work: no other person's line fits the name better.
	// A measure asked by its number ("42条李斌的电话") is the measure's
	// reply, which shows the person's line with the measure.
	full = full && askedNumber(rest) == 0 && ix.shortAskedNumber(rest) == 0
	if weight >= ix.tuning.MinTopicWeight && !(asked && (full || ix.personsMatter(cs, named, rest))) {
		return nil, ""
	}
	return ix.contactUnit(cs), called
}

// Unlisted is the way to reach an official a message asks for ("张科长的
// 邮箱能给一下吗": 邮箱) that none of the contact lines cs gives, "" when it
// asks none or they give it: an e-mail when no line lists one, a mobile
// when every phone is a landline, any other way (微信, 地址) always, as
// the guides list only phones and e-mail. The reply says so before the
// phones it does give, so they are not taken for what was asked.
func (ix *Index) Unlisted(text string, cs []seeds.Contact) string {
	s := squeeze(text)
	for _, m := range ix.cues.means {
		if !slices.ContainsFunc(m.words, func(w string) bool { return strings.Contains(s, w) }) {
			continue
		}
		switch m.label {
		case "邮箱":
			if slices.ContainsFunc(cs, func(c seeds.Contact) bool { return len(c.Emails) > 0 }) {
				return ""
			}
		case "手机":
			if slices.ContainsFunc(seeds.Phones(cs), isMobile) {
				return ""
			}
		}
		return m.label
	}
	return ""
}

// mobile is an 11-digit mobile number, written with or without breaks.
var mobile = regexp.MustCompile(`^1[3-9]\d{9}$`)

// isMobile reports whether a phone as the guide writes it is a mobile.
func isMobile(p string) bool {
	return mobile.MatchString(strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, p))
}

// asksContact reports whether a message asks for a contact by naming it
// (contactAsked).
func (ix *Index) asksContact(q string, near []seeds.Contact) bool {
	u, _ := ix.contactAsked(q, near)
	return u != nil
}

// personsMatter reports whether the rest of a message asking for a person's
// phone ("招投标那块管事的文科长电话多少") only says which matter the person
// handles: a person (not a department) is named, and a measure whose
// contact lines list them says the rest's words. The matter then confirms
// whom the owner means instead of asking about the measure; searched, the
// name's characters are words of the topic (文科).
func (ix *Index) personsMatter(cs []seeds.Contact, named []string, rest string) bool {
	person := false
	for _, n := range named {
		person = person || !ix.dir.isDepartment(n)
	}
	if !person {
		return false
	}
	ws := ix.notAsker(ix.situationWords(rest))
	if len(ws) == 0 {
		return false
	}
	for _, n := range ix.contactUnit(cs).Leads {
		if ix.Says(ix.guide.Measure(n), ws) {
			return true
		}
	}
	return false
}

// namedContacts are the contact lines of the people a message names (or,
// naming none, of the department it names) and every name and department
// found. A unit named too narrows them to its own; a department several
// units have is no answer unless one of them is named.
func (ix *Index) namedContacts(q string, near []seeds.Contact) (cs []seeds.Contact, named []string) {
	unit, uname := ix.dir.find(q)
	within := func(cs []seeds.Contact) []seeds.Contact {
		if unit == nil {
			return cs
		}
		var out []seeds.Contact
		for _, c := range cs {
			if c.Unit == unit.Name {
				out = append(out, c)
			}
		}
		return out
	}
	var byPerson, byDept []seeds.Contact
	bounds := ix.wordBounds(q)
	for _, p := range ix.dir.people {
		if i := strings.Index(q, p); i >= 0 && namedAt(bounds, i, p) {
			named = append(named, p)
			for _, c := range ix.dir.contacts {
				if slices.Contains(c.People, p) {
					byPerson = append(byPerson, c)
				}
			}
		}
	}
	if len(named) == 0 {
		// "城指中心那个郝晓松": a full name typed by its sound.
		if p, written := ix.dir.soundsLike(q, bounds); p != "" {
			named = append(named, written)
			for _, c := range ix.dir.contacts {
				if slices.Contains(c.People, p) {
					byPerson = append(byPerson, c)
				}
			}
		}
	}
	s := squeeze(q)
	for i, d := range ix.dir.departments {
		if strings.Contains(s, ix.dir.squeezedDepts[i]) {
			named = append(named, d)
			for _, c := range ix.dir.contacts {
				if c.Department == d {
					byDept = append(byDept, c)
				}
			}
			break // the longest
		}
	}
	if len(byDept) == 0 && unit != nil {
		// "文旅局审批科的电话": the unit's department by the end of its
		// name (安全管理和行政审批科), said right after the unit.
		if d, short := ix.dir.shortDepartment(s, unit.Name, squeeze(uname)); d != "" {
			named = append(named, short)
			for _, c := range ix.dir.contacts {
				if c.Unit == unit.Name && c.Department == d {
					byDept = append(byDept, c)
				}
			}
		}
	}
	if cs = within(byPerson); len(cs) > 0 {
		return cs, named
	}
	pool := within(byDept)
	if len(pool) == 0 {
		pool = within(ix.dir.contacts)
	}
	if cs, t := ix.titledPerson(q, pool, near); len(cs) > 0 {
		return cs, append(named, t)
	}
	if cs = within(byDept); len(cs) == 0 || unit == nil && !oneUnit(cs) {
		return nil, nil
	}
	return cs, named
}

// titledPerson finds a person called by surname and title ("胡科长",
// "王主任") among the contact lines pool (those of the department or unit
// named with it, else the guide's): the lines of the one person there with
// that surname, and the words that named them; none when no person or
// several fit. When several fit, the one among near (the lines just
// discussed) is meant: "贾老师电话" right after a measure whose contact is
// 贾淑瑜 asks for her, as a clerk who just read her name out would take it.
func (ix *Index) titledPerson(q string, pool, near []seeds.Contact) ([]seeds.Contact, string) {
	s := squeeze(q)
	for _, t := range ix.cues.list(cueTitle) {
		i := strings.Index(s, t)
		if i <= 0 {
			continue
		}
		surname, _ := utf8.DecodeLastRuneInString(s[:i])
		person := surnamed(pool, surname)
		if person == "" && len(near) > 0 {
			if p := surnamed(near, surname); p != "" && slices.ContainsFunc(pool, func(c seeds.Contact) bool { return slices.Contains(c.People, p) }) {
				person = p
			}
		}
		if person == "" {
			continue
		}
		var out []seeds.Contact
		for _, c := range pool {
			if slices.Contains(c.People, person) {
				out = append(out, c)
			}
		}
		return out, string(surname) + t
	}
	return nil, ""
}

// surnamed is the one person of the contact lines cs whose name starts
// with surname, "" when none or several are.
func surnamed(cs []seeds.Contact, surname rune) string {
	person := ""
	for _, c := range cs {
		for _, p := range c.People {
			if r, _ := utf8.DecodeRuneInString(p); r != surname || utf8.RuneCountInString(p) < 2 {
				continue
			}
			if person != "" && person != p {
				return "" // two people of that surname
			}
			person = p
		}
	}
	return person
}

// namedAt reports whether the person's name p found at byte i of a message
// with word bounds bounds is meant as the name: as words ("找于平", not
// "关于平台"). A full name of three characters or more needs only one of
// its ends on a bound: jieba may glue its first or last character to the
// word beside it ("联系上林桂香": 上林), and so long a name inside
// ordinary words is no accident of two characters.
func namedAt(bounds map[int]bool, i int, p string) bool {
	if bounds[i] && bounds[i+len(p)] {
		return true
	}
	return utf8.RuneCountInString(p) >= 3 && (bounds[i] || bounds[i+len(p)])
}

// wordBounds marks the byte offsets of q where jieba's words start or
// end, so a name is found as words ("找于平") and not inside others
// ("关于平台").
func (ix *Index) wordBounds(q string) map[int]bool {
	b := map[int]bool{0: true, len(q): true}
	at := 0
	for _, w := range ix.seg.Tag(q) {
		i := strings.Index(q[at:], w.Word)
		if i < 0 {
			continue
		}
		at += i
		b[at] = true
		at += len(w.Word)
		b[at] = true
	}
	return b
}

func oneUnit(cs []seeds.Contact) bool {
	for _, c := range cs {
		if c.Unit != cs[0].Unit {
			return false
		}
	}
	return true
}

// contactUnit is the answer about contact lines: their unit's name (the
// first line's), the lines without repeats, and the measures listing any
// of them.
func (ix *Index) contactUnit(cs []seeds.Contact) *Unit {
	u := &Unit{Name: cs[0].Unit}
	for _, c := range cs {
		if !hasContact(u.Contacts, c) {
			u.Contacts = append(u.Contacts, c)
		}
	}
	for _, m := range ix.guide.Measures {
		for _, c := range m.Contacts {
			if hasContact(u.Contacts, c) {
				u.Leads = appendInt(u.Leads, m.Number)
				break
			}
		}
	}
	return u
}

// withOtherLines is u with every other contact line of the guide that
// lists one of its people in the same unit, or, for a line naming no one,
// the same unit and department: the ways the guide gives to reach whom the
// asker could not reach on one number ("打69044615了 没人接，咋办").
func (ix *Index) withOtherLines(u *Unit) *Unit {
	var cs []seeds.Contact
	for _, c := range ix.dir.contacts {
		for _, x := range u.Contacts {
			same := len(x.People) == 0 && len(c.People) == 0 && c.Department == x.Department
			for _, p := range x.People {
				same = same || slices.Contains(c.People, p)
			}
			if same && c.Unit == x.Unit && !hasContact(cs, c) {
				cs = append(cs, c)
			}
		}
	}
	if len(cs) <= len(u.Contacts) {
		return u
	}
	return ix.contactUnit(append(slices.Clone(u.Contacts), cs...))
}

// byPhone returns the contact lines listing a phone the text holds: the
// same digits, or a local number written without its area code.
func (d *directory) byPhone(text string) []seeds.Contact {
	var out []seeds.Contact
	for _, m := range phoneInText.FindAllString(text, -1) {
		asked := strings.ReplaceAll(m, "-", "")
		for _, c := range d.contacts {
			for _, p := range c.Phones {
				if samePhone(p, asked) && !hasContact(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// samePhone reports whether a phone as the guide writes it is the number
// asked (digits only): equal, or one of them a local number (7 digits or
// more) the other has with an area code.
func samePhone(listed, asked string) bool {
	listed = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, listed)
	switch {
	case listed == asked:
		return true
	case len(asked) >= 7 && len(asked) < len(listed):
		return strings.HasSuffix(listed, asked)
	case len(listed) >= 7 && len(listed) < len(asked):
		return strings.HasSuffix(asked, listed)
	}
	return false
}

// indexContacts fills the directory's lists of contact lines, people and
// departments (longest first).
func (d *directory) indexContacts(g *seeds.Guide) {
	for _, m := range g.Measures {
		for _, c := range m.Contacts {
			if hasContact(d.contacts, c) {
				continue
			}
			d.contacts = append(d.contacts, c)
			for _, p := range c.People {
				if utf8.RuneCountInString(p) >= 2 {
					d.people = seeds.AppendNew(d.people, p)
				}
			}
			if utf8.RuneCountInString(squeeze(c.Department)) >= 3 {
				d.departments = seeds.AppendNew(d.departments, c.Department)
			}
		}
	}
	longest := func(a, b string) int { return len(b) - len(a) }
	slices.SortStableFunc(d.people, longest)
	slices.SortStableFunc(d.departments, longest)
	for _, dep := range d.departments {
		d.squeezedDepts = append(d.squeezedDepts, squeeze(dep))
	}
}

// shortDepartment finds a department of unit named by the end of its
// name right after the unit's name as written (s squeezed, name as found:
// "文旅局审批科" for 安全管理和行政审批科): the department and the end
// written, the longest of at least three characters; "" for none.
func (d *directory) shortDepartment(s, unit, name string) (string, string) {
	for _, c := range d.contacts {
		if c.Unit != unit || c.Department == "" {
			continue
		}
		dept := []rune(squeeze(c.Department))
		for k := len(dept) - 1; k >= 3; k-- {
			end := string(dept[len(dept)-k:])
			if strings.Contains(s, name+end) || strings.Contains(s, name+"的"+end) {
				return c.Department, end
			}
		}
	}
	return "", ""
}

// isDepartment reports whether n names a department: in full, or by the
// end of its name (see shortDepartment).
func (d *directory) isDepartment(n string) bool {
	return slices.ContainsFunc(d.squeezedDepts, func(dep string) bool { return strings.HasSuffix(dep, squeeze(n)) })
}

// thirdPersons are the pronouns an ask points back with at a person or an
// office its statements named ("…那个叶明，我打哪个号码能找到他").
var thirdPersons = []string{"他们", "她们", "他", "她"}

// reachVerbs, right before such a pronoun, ask how to reach whom it points
// at ("我怎么找他", "怎么联系上她") though no contact cue is said.
var reachVerbs = []string{"找", "找到", "联系", "联系上", "联络", "打给"}

// pointedContact is ask p's text with the pronoun by which it asks for a
// contact its statements named ("社保中心登记征缴科的林桂香老师，怎么能联
// 系上她", "想给区金融办打个电话问问贷款的事，有他们的号码吗") replaced by
// that contact as the statements wrote it — the unit last named, then the
// department and the person —, so the ask names whom it asks for as a
// clerk hearing it would take it. It is p.text when the ask asks for no
// contact, names one itself, has no such pronoun, or its statements name
// none of the guide's units, departments or people.
func (ix *Index) pointedContact(p part) string {
	told := p.context
	if told == "" {
		told = p.before
	}
	if told == "" {
		return p.text
	}
	if u, _ := ix.dir.find(p.text); u != nil {
		return p.text
	}
	if cs, _ := ix.namedContacts(p.text, p.near); len(cs) > 0 {
		return p.text
	}
	at, pronoun := -1, ""
	for off, w := range ix.words(p.text) {
		if slices.Contains(thirdPersons, w) && (at < 0 || off < at) {
			at, pronoun = off, w
		}
	}
	if at < 0 {
		return p.text
	}
	_, asked := cutPhrases(p.text, ix.cues.list(cueContact))
	reach := slices.ContainsFunc(reachVerbs, func(v string) bool { return strings.HasSuffix(p.text[:at], v) })
	if !asked && !p.contact && !reach {
		return p.text
	}
	var names, people []string
	if uname := ix.dir.lastNamed(told); uname != "" {
		names = append(names, uname)
	}
	if cs, named := ix.namedContacts(told, p.near); len(cs) > 0 {
		for _, n := range named {
			switch {
			case slices.ContainsFunc(names, func(s string) bool { return strings.Contains(s, n) }):
			case ix.dir.isDepartment(n):
				names = append(names, n)
			default:
				people = append(people, n)
			}
		}
	}
	names = append(names, people...)
	if len(names) == 0 {
		return p.text
	}
	return p.text[:at] + strings.Join(names, "的") + p.text[at+len(pronoun):]
}

// words are jieba's words of q by the byte offset each starts at.
func (ix *Index) words(q string) map[int]string {
	out := map[int]string{}
	at := 0
	for _, w := range ix.seg.Tag(q) {
		i := strings.Index(q[at:], w.Word)
		if i < 0 {
			continue
		}
		at += i
		out[at] = w.Word
		at += len(w.Word)
	}
	return out
}

// lastNamed is the name or alias of the unit text names last, as written
// ("区人保局让我找经信局": 经信局, whom a pronoun after it points at), or "".
func (d *directory) lastNamed(text string) string {
	end, name := -1, ""
	for _, n := range d.names { // longest first: of two ending at one place, the longer
		if i := strings.LastIndex(text, n); i >= 0 && i+len(n) > end {
			end, name = i+len(n), n
		}
	}
	return name
}

// means is a line of the [contact.means] section: a way to reach an
// official, by its label (邮箱) and the words that ask for it.
type means struct {
	label string
	words []string
}

// splitMeans splits the [contact.means] lines, "label|words".
func splitMeans(lines []string) []means {
	var out []means
	for _, line := range lines {
		if label, words, ok := strings.Cut(line, "|"); ok {
			out = append(out, means{strings.TrimSpace(label), seeds.SplitWords(words)})
		}
	}
	return out
}

// A phone half remembered is told by its first digits ("1234开头") and/or
// its last ("尾号5678", "5678结尾"). phoneHead finds the first digits,
// phoneTail the last; each needs three digits at least, fewer fit too many
// of a guide's numbers to name one.
var (
	phoneHead = regexp.MustCompile(`(\d{3,})(?:的|是)?(?:开头|打头|起头)`)
	phoneTail = regexp.MustCompile(`(?:尾号|尾数|末尾|后[三四五六]位|最后[三四五六]?位)(?:是|为)?(\d{3,})|(\d{3,})(?:结尾|收尾)`)
)

// byPhoneDigits returns the contact lines whose one phone starts with the
// first digits and ends with the last digits a message tells
// ("有个号码1234开头、尾号5678的"), nil when it tells neither or when the
// digits fit no phone or several: only a phone the guide lists, the
// same digits as told, is ever the answer. The first digits are read
// after an area code too (the local part of an area-coded number).
func (d *directory) byPhoneDigits(text string) []seeds.Contact {
	var head, tail string
	if m := phoneHead.FindStringSubmatch(text); m != nil {
		head = m[1]
	}
	if m := phoneTail.FindStringSubmatch(text); m != nil {
		tail = m[1] + m[2]
	}
	if head == "" && tail == "" {
		return nil
	}
	var out []seeds.Contact
	phone := ""
	for _, c := range d.contacts {
		for _, p := range c.Phones {
			if !phoneFits(p, head, tail) {
				continue
			}
			if digits := digitsOf(p); phone != "" && phone != digits {
				return nil // two numbers fit
			} else {
				phone = digits
			}
			if !hasContact(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// phoneFits reports whether a phone as the guide writes it starts with the
// digits head (in full or after its area code) and ends with tail; an
// empty one fits anything.
func phoneFits(listed, head, tail string) bool {
	all := digitsOf(listed)
	if tail != "" && !strings.HasSuffix(all, tail) {
		return false
	}
	if head == "" || strings.HasPrefix(all, head) {
		return true
	}
	if _, local, ok := strings.Cut(listed, "-"); ok && strings.HasPrefix(digitsOf(local), head) {
		return true
	}
	// An area code written without its dash: 0xx12345678 (area code, then the local number).
	for _, n := range []int{3, 4} {
		if local := len(all) - n; strings.HasPrefix(all, "0") && local >= 7 && local <= 8 && strings.HasPrefix(all[n:], head) {
			return true
		}
	}
	return false
}

// digitsOf is s's digits alone.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// soundsLike finds a person of the guide whose full name (three
// characters or more) q writes by its sound: the same length, every
// character the name's or its homophone, one of them not the name's
// ("郝晓松" for 郝小松). It returns the person and the name as written, ""
// when none or several people fit. bounds are q's word bounds (nil: q is
// the name alone); the name written is found as namedAt finds a name. A
// two-character name typed otherwise may well be another person's: it is
// never read so.
func (d *directory) soundsLike(q string, bounds map[int]bool) (string, string) {
	rs := []rune(q)
	offs := make([]int, len(rs)+1)
	for i, r := range rs {
		offs[i+1] = offs[i] + utf8.RuneLen(r)
	}
	person, written := "", ""
	for _, p := range d.people {
		pr := []rune(p)
		if len(pr) < 3 {
			continue
		}
		for i := 0; i+len(pr) <= len(rs); i++ {
			if bounds == nil && (i > 0 || len(pr) != len(rs)) {
				break
			}
			differ := 0
			for k, r := range pr {
				switch {
				case rs[i+k] == r:
				case pinyin.Homophones(rs[i+k], r):
					differ++
				default:
					differ = len(pr)
				}
			}
			if differ != 1 || bounds != nil && !namedAt(bounds, offs[i], q[offs[i]:offs[i+len(pr)]]) {
				continue
			}
			if person != "" && person != p {
				return "", "" // two people sound alike
			}
			person, written = p, q[offs[i]:offs[i+len(pr)]]
		}
	}
	return person, written
}

// surnameCall finds whom a message calls by surname alone: "姓王的",
// "叫王什么来着", "王什么来着", "老王", "小王" — the last two only before a
// word's end (not 小于10人). Each match's surname is submatch 1–4.
var surnameCall = regexp.MustCompile(`姓(\p{Han})|叫(\p{Han})(?:什么|啥)|(\p{Han})(?:什么|啥)来着|[老小](\p{Han})(?:[的呢吧啊那]|[^\p{Han}\d]|$)`)

// toldPerson answers an ask for a contact ("电话是啥", "电话多少") that
// names no one itself with the person its statements name
// ("城指中心那个郝晓松，派单的，电话是啥": a full name, or one typed by its
// sound) or the ask or its statements call by surname alone
// ("国企房租减免那边有个姓王的，叫王什么来着，电话多少"): the lines of the
// one person of that surname the guide lists, or, when several share it,
// of the one the message's topic names (the first of the best-ranked
// measures whose contact lines list exactly one of them). It returns nil
// when the ask asks for no contact, or no one, or no one person, fits;
// called is how the message called the person when not by their name.
func (ix *Index) toldPerson(p part) (*Unit, string) {
	if _, asked := cutPhrases(p.text, ix.cues.list(cueContact)); !asked {
		return nil, ""
	}
	if cs, _ := ix.namedContacts(p.text, p.near); len(cs) > 0 {
		return nil, ""
	}
	if u, _ := ix.dir.find(p.text); u != nil {
		return nil, "" // the ask names whom it asks for: a unit
	}
	told := p.context
	if told == "" {
		told = p.before
	}
	if all := joinClauses(told, p.text); ix.cues.has(all, cueOtherNumber) || ix.cues.has(all, cueUnreachable) {
		// "李斌那个号一直占线，…还有别的电话吗": not the person's line again.
		return nil, ""
	}
	if told != "" {
		if cs, named := ix.namedContacts(told, p.near); len(cs) > 0 {
			for _, n := range named {
				if ix.dir.isDepartment(n) {
					continue
				}
				if slices.Contains(ix.dir.people, n) {
					return ix.contactUnit(cs), ""
				}
				if person, _ := ix.dir.soundsLike(n, nil); person != "" {
					return ix.contactUnit(cs), n
				}
			}
		}
	}
	text := joinClauses(told, p.text)
	m := surnameCall.FindStringSubmatch(text)
	if m == nil {
		return nil, ""
	}
	surname, _ := utf8.DecodeRuneInString(m[1] + m[2] + m[3] + m[4])
	pool := ix.dir.contacts
	if u, _ := ix.dir.find(text); u != nil {
		var own []seeds.Contact
		for _, c := range pool {
			if c.Unit == u.Name {
				own = append(own, c)
			}
		}
		pool = own
	}
	person := surnamed(pool, surname)
	if person == "" && len(surnamedAll(pool, surname)) > 1 {
		// Several of that surname: the one of the measure the rest names.
		rest, _ := cutPhrases(strings.Replace(text, m[0], " ", 1), ix.cues.list(cueContact))
		if a := ix.analyse(rest, -1); len(a.concepts) > 0 {
			hits, err := ix.rank(a, -1)
			if err == nil {
				for i, h := range hits {
					if i == 3 {
						break
					}
					if person = surnamed(ix.guide.Measure(h.Number).Contacts, surname); person != "" {
						break
					}
				}
			}
		}
	}
	if person == "" {
		return nil, ""
	}
	var cs []seeds.Contact
	for _, c := range pool {
		if slices.Contains(c.People, person) {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return nil, ""
	}
	return ix.contactUnit(cs), "姓" + string(surname) + "的"
}

// surnamedAll are the people of the contact lines cs whose names start
// with surname.
func surnamedAll(cs []seeds.Contact, surname rune) []string {
	var out []string
	for _, c := range cs {
		for _, p := range c.People {
			if r, _ := utf8.DecodeRuneInString(p); r == surname && utf8.RuneCountInString(p) >= 2 && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}
