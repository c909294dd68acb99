package seeds

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A duty block names units and their contacts with one label per line:
//
//	责任单位:区人力社保局 社保中心征缴科
//	咨询电话:69361274、69361288(工作日8:30—12:00,13:30—17:30)
//	责任单位:区税务局 社会保险费科
//	咨询电话及服务时间:12366(工作日9:00—17:00)
//
// or only "责任单位：全区各单位", or a phone or e-mail line alone after a
// measure's steps ("咨询电话：010-6601xxxx", "电子邮箱：…"). Each 责任单位
// opens a contact; the labels after it fill it.
var (
	dutyUnitLabel   = regexp.MustCompile(`^(?:责任|联系)(?:单位|部门)[：:]`)
	dutyPeopleLabel = regexp.MustCompile(`^联系人[：:]`)
	dutyPhoneLabel  = regexp.MustCompile(`^(?:(?:咨询|联系|服务|值班)?电话(?:及服务时间)?|联系方式)[：:]`)
	dutyHoursLabel  = regexp.MustCompile(`^服务时间[：:]`)
	dutyEmailLabel  = regexp.MustCompile(`^(?:电子)?邮箱[：:]|^(?i:e-?mail)[：:]`)
	dutyAnyLabel    = regexp.MustCompile(`(?:责任|联系)(?:单位|部门)[：:]|联系人[：:]|(?:(?:咨询|联系|服务|值班)?电话(?:及服务时间)?|联系方式)[：:]|服务时间[：:]|(?:电子)?邮箱[：:]`)

	// dutyUnitPrefix is a label written after its unit: "区税务局咨询电话：",
	// "区商务局联系人：".
	dutyUnitPrefix = regexp.MustCompile(`^([^：:，,。；;\d（）()、]{2,24}?)(?:联系人|(?:咨询|联系|服务|值班)?电话(?:及服务时间)?|联系方式|(?:电子)?邮箱)[：:]`)

	// unitSuffixes end a unit's name where a department follows it without
	// a space ("区税务局货物和劳务税科").
	unitSuffixes = []string{"局", "委", "办", "院", "会", "公司", "政府", "支行", "分行"}

	// governingBody is a party committee or government of one level (区委,
	// 市政府): what follows its name (组织部, 办公室) is a unit, not one of
	// its departments.
	// collectiveUnit names many bodies at once: 各乡镇（街道）, 全区各单位,
	// 相关部门.
	collectiveUnit = regexp.MustCompile(`^(?:各|全区|全市|全县|相关|有关)|各[^、]*(?:单位|部门)$`)

	governingBody = regexp.MustCompile(`^[省市区县镇乡]?(?:委|政府)$`)

	// governedUnit is a unit of a governing body: 区委组织部, 区政府办公室.
	governedUnit = regexp.MustCompile(`^[省市区县镇乡]?(?:委|政府)[^委局办院会]{1,6}(?:部|办|办公室)$`)
)

// startsDuty reports whether s starts a duty block.
func startsDuty(s string) bool {
	return dutyUnitLabel.MatchString(s) || dutyPhoneLabel.MatchString(s) || dutyEmailLabel.MatchString(s) ||
		dutyPeopleLabel.MatchString(s) || unitPrefix(s) != ""
}

// unitPrefix returns the unit written before a contact label at the start
// of s, or "".
func unitPrefix(s string) string {
	m := dutyUnitPrefix.FindStringSubmatch(s)
	if m == nil || !unitLike(m[1]) {
		return ""
	}
	return m[1]
}

// dutyGroup is one 责任单位 line with the contacts written under it.
type dutyGroup struct {
	units string // the 责任单位 value as written, "" for a phone line alone
	pairs []dutyPair
}

// dutyPair is one contact under a 责任单位 line: a 联系人 line and the phone
// lines that follow it. tag is the unit the guide names in brackets after the
// person or phone ("孙某某（区国资委）", "010-6936xxxx（区国资委）"), "" if none.
type dutyPair struct {
	tag    string
	people string
	values contactValues
}

func (p *dutyPair) empty() bool { return p.people == "" && p.values.empty() && p.values.hours == "" }

// cur returns the contact being filled under the last 责任单位 line.
func (g *dutyGroup) cur() *dutyPair {
	if len(g.pairs) == 0 {
		g.pairs = append(g.pairs, dutyPair{})
	}
	return &g.pairs[len(g.pairs)-1]
}

// addPeople starts a contact for each run of people with the same unit tag;
// the first fills the current contact while it has neither people nor phones.
func (g *dutyGroup) addPeople(v, raw string) {
	for _, t := range tagged(splitList(v), raw) {
		if c := g.cur(); c.people != "" || !c.values.empty() || c.tag != "" && t.tag != "" && !sameUnit(c.tag, t.tag) {
			g.pairs = append(g.pairs, dutyPair{})
		}
		c := g.cur()
		c.people = strings.Join(t.items, "、")
		if t.tag != "" {
			c.tag = t.tag
		}
	}
}

// addValues adds a phone line's values to a contact: untagged, to the
// current one; tagged, to the last contact of that unit (its 联系人 line
// may list several units' people before their phones), else to the current
// contact while it has no unit and no phones, else to a new contact.
func (g *dutyGroup) addValues(tag string, v contactValues) {
	c := g.cur()
	if tag != "" {
		c = nil
		for i := len(g.pairs) - 1; i >= 0 && c == nil; i-- {
			if sameUnit(g.pairs[i].tag, tag) {
				c = &g.pairs[i]
			}
		}
		if cur := g.cur(); c == nil && cur.tag == "" && cur.values.empty() {
			cur.tag = tag
			c = cur
		}
		if c == nil {
			g.pairs = append(g.pairs, dutyPair{tag: tag})
			c = g.cur()
		}
	}
	c.values.phones = AppendNew(c.values.phones, v.phones...)
	c.values.emails = AppendNew(c.values.emails, v.emails...)
	c.values.hours = joinHours(c.values.hours, v.hours)
}

// readDuty parses a duty block at the start of s (raw is the sentence as
// written, for the space between a unit and its department) and returns it
// with the rest of the sentence.
func readDuty(s, raw string) (*block, string) {
	var groups []dutyGroup
	cur := func() *dutyGroup {
		if len(groups) == 0 {
			groups = append(groups, dutyGroup{})
		}
		return &groups[len(groups)-1]
	}
	b := &block{}
	for {
		switch u := unitPrefix(s); {
		case u != "":
			groups = append(groups, dutyGroup{units: u})
			s = s[len(u):]
		case dutyUnitLabel.MatchString(s):
			var v string
			v, s = dutyValue(s[len(dutyUnitLabel.FindString(s)):])
			v, s = openBracket(v, s)
			groups = append(groups, dutyGroup{units: v})
		case len(groups) > 0 && runSupportLabel.MatchString(s):
			// "责任单位：区税务局 配合单位：区财政局、各镇街" (a 牵头单位 line
			// rewritten, see normalizeConsult): the supporting units.
			var v string
			v, s = dutyValue(s[len(runSupportLabel.FindString(s)):])
			b.support = AppendNew(b.support, splitList(v)...)
		case listSep(s) > 0 && startsDuty(s[listSep(s):]):
			// "…联系电话：010-…；联系人：…": the next contact's label. A phone
			// label there ("…；咨询电话：12366") is a contact of its own,
			// not a second phone of the person before it.
			s = s[listSep(s):]
			if g := cur(); (dutyPhoneLabel.MatchString(s) || dutyEmailLabel.MatchString(s)) && !g.cur().values.empty() {
				g.pairs = append(g.pairs, dutyPair{})
			}
		case listSep(s) > 0 && len(groups) > 0 && nextContact(s[listSep(s):], raw) > 0:
			// "联系人：甲单位某科 韩某某 联系电话：…；乙单位某科 周某某 联系电话：…":
			// a further contact whose 联系人 label the list leaves out.
			t := s[listSep(s):]
			n := nextContact(t, raw)
			cur().addPeople(t[:n], raw)
			s = t[n:]
		case dutyPeopleLabel.MatchString(s):
			var v string
			v, s = dutyValue(s[len(dutyPeopleLabel.FindString(s)):])
			cur().addPeople(v, raw)
		case dutyHoursLabel.MatchString(s):
			var v string
			v, s = dutyValue(s[len(dutyHoursLabel.FindString(s)):])
			c := cur().cur()
			c.values.hours = joinHours(c.values.hours, v)
		case dutyPhoneLabel.MatchString(s) || dutyEmailLabel.MatchString(s):
			label := dutyPhoneLabel.FindString(s) + dutyEmailLabel.FindString(s)
			vs, rest := readTaggedValues(s[len(label):])
			if len(vs) == 0 {
				b.missing = AppendNew(b.missing, strings.TrimRight(label, "：:"))
			}
			for _, v := range vs {
				cur().addValues(v.tag, v.values)
			}
			s = rest
		default:
			b.lead, b.contacts, b.attribution = dutyContacts(groups, raw)
			return b, s
		}
	}
}

// listSep returns the length of a list separator (；) at the start of s,
// or 0.
func listSep(s string) int {
	for _, sep := range []string{"；", ";"} {
		if strings.HasPrefix(s, sep) {
			return len(sep)
		}
	}
	return 0
}

// nextContact returns where a phone or e-mail label follows a contact's
// unit and person at the start of s ("区财政局资产管理科周某某联系电话："),
// or a person alone, maybe with the unit in brackets ("李某，联系电话：",
// "李某（区财政局），联系电话："), or 0: the words before the label must read
// as such a contact (see contactWords), so that no sentence is taken for
// one. raw is the line as written: a space may be all that sets the unit
// apart from its person ("区财政局 宋某某  联系电话：").
func nextContact(s, raw string) int {
	loc := dutyAnyLabel.FindStringIndex(s)
	if loc == nil || loc[0] == 0 || !dutyPhoneLabel.MatchString(s[loc[0]:]) && !dutyEmailLabel.MatchString(s[loc[0]:]) {
		return 0
	}
	if !contactWords(s[:loc[0]], raw) {
		return 0
	}
	return loc[0]
}

// contactWords reports whether w, the words before a phone label in a
// contact line, is a contact: a unit with its department and a person
// (see unitBefore), or people's names, each maybe followed by its unit in
// brackets. A separator may end it ("李某，联系电话："). A unit and a person
// with no department between them count when raw sets them apart by a
// space, as the pair before the separator is read.
func contactWords(w, raw string) bool {
	w = strings.TrimRight(strings.TrimSpace(w), "，,、")
	if u, _ := unitBefore(strings.Join(strings.Fields(w), ""), raw); u != "" {
		return true
	}
	items := splitList(w)
	for _, it := range items {
		if i := strings.LastIndexAny(it, "（("); i > 0 {
			if t, rest := unitTag(it[i:]); t != "" && rest == "" {
				it = it[:i]
			}
		}
		if !personLike(it) {
			return false
		}
	}
	return len(items) > 0
}

// openBracket reads a contact person written in brackets inside a unit's
// line ("责任单位：区人力社保局失业保险科（联系人：周某某）"): the unit's value,
// cut at the label, ends with the open bracket; the bracket is dropped from
// it, and its close from the rest, so that the label inside is read as any
// other. Other values come back as they are.
func openBracket(v, s string) (string, string) {
	unit := strings.TrimRight(v, "（(")
	if unit == v || !dutyPeopleLabel.MatchString(s) {
		return v, s
	}
	end := len(s)
	if loc := dutyAnyLabel.FindStringIndex(s[len(dutyPeopleLabel.FindString(s)):]); loc != nil {
		end = len(dutyPeopleLabel.FindString(s)) + loc[0]
	}
	i := strings.IndexAny(s[:end], "）)")
	if i < 0 {
		// The close may follow a phone inside the bracket: "（联系人：周某某，
		// 电话：6509xxxx）".
		i = strings.IndexAny(s, "）)")
		if j := strings.IndexAny(s, "（("); i < 0 || j >= 0 && j < i {
			return v, s
		}
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return unit, s[:i] + s[i+size:]
}

// dutyValue returns the value at the start of s: up to the next label, or
// to the first heading or measure number.
func dutyValue(s string) (string, string) {
	end := len(s)
	if loc := dutyAnyLabel.FindStringIndex(s); loc != nil {
		end = loc[0]
	}
	if loc := supportLabel.FindStringIndex(s[:end]); loc != nil {
		end = loc[0]
	}
	num := end
	if loc := numberAhead.FindStringIndex(s[:end]); loc != nil {
		num = loc[0]
	}
	// A heading is followed by its title and a measure, not by the next
	// label: in "联系人：张三、李四联系电话：…" 三、 is a name's end.
	if loc := anyHead.FindStringIndex(s[:num]); loc != nil && (num < end || end == len(s)) {
		num = loc[0]
	}
	// "责任单位：区财政局；联系人：…" (labels in one bracket, one line):
	// the separator before the next label is no part of the value.
	return strings.TrimRight(s[:num], "；;"), s[num:]
}

// dutyContacts turns the groups into the block's units and contacts. A
// contact tagged with a unit goes to that unit. An untagged contact under
// several units goes to the first-named unit alone (skipping collectives
// such as 各乡镇（街道）), and the note says so: a 责任单位 list names the
// lead unit first, and a phone shown under a unit it does not belong to is
// worse than a unit shown without one. (A 牵头单位 block gives an
// unlabelled contact to its sole lead unit and leaves it unattributed under
// co-leads, see buildContacts: there the guide itself separates the lead
// from its 配合单位, and co-leads are not ranked.)
func dutyContacts(groups []dutyGroup, raw string) (lead []string, contacts []Contact, note string) {
	for _, g := range groups {
		units := splitList(g.units)
		if len(units) == 0 {
			units = []string{""}
		}
		names, depts := make([]string, len(units)), make([]string, len(units))
		for i, u := range units {
			names[i], depts[i] = splitUnit(u, raw)
			if names[i] != "" {
				lead = AppendNew(lead, names[i])
			}
		}
		pairs := onePerPerson(g.pairs)
		if len(pairs) == 1 && len(units) > 1 && onePhoneEach(pairs[0], len(units)) && !anyCollective(names) {
			// "责任单位：区税务局、区财政局；咨询电话：12366、0575-…": no
			// person, one phone for each unit named, in the units' order.
			p := pairs[0]
			pairs = nil
			for _, ph := range p.values.phones {
				pairs = append(pairs, dutyPair{values: contactValues{phones: []string{ph}, hours: p.values.hours}})
			}
		}
		byOrder := len(units) > 1 && len(pairs) > 1 && untagged(pairs)
		byUnit := make([][]dutyPair, len(units))
		var others []dutyPair // tagged with a unit the 责任单位 line does not name
		var loose []dutyPair  // untagged, under units the order does not match
		for k, p := range pairs {
			i := 0
			switch {
			case p.tag != "":
				i = unitIndex(units, names, p.tag)
			case byOrder && len(pairs) == len(units) && !anyCollective(names):
				// "责任单位：区甲局、区乙局" then "联系人：张三，…；李四，…": the
				// guide names the units in its contacts' order.
				i = k
			case byOrder:
				loose = append(loose, p)
				note = "contacts written without their units, not one for each unit named, are given no unit"
				continue
			case len(units) > 1:
				i = firstSingle(names)
				note = "a contact written without its unit in a block naming several units is given to the first-named unit"
			}
			if i < 0 {
				others = append(others, p)
				continue
			}
			byUnit[i] = append(byUnit[i], p)
		}
		for i := range units {
			if len(byUnit[i]) == 0 && depts[i] != "" {
				contacts = append(contacts, Contact{Unit: names[i], Department: depts[i]}.normal())
			}
			for _, p := range byUnit[i] {
				contacts = append(contacts, pairContact(names[i], depts[i], p))
			}
		}
		for _, p := range others {
			unit, dept := splitUnit(p.tag, "")
			contacts = append(contacts, pairContact(unit, dept, p))
		}
		for _, p := range loose {
			contacts = append(contacts, pairContact("", "", p))
		}
	}
	return lead, contacts, note
}

// onePhoneEach reports whether p, untagged and naming no person, lists
// exactly n phones and nothing else.
func onePhoneEach(p dutyPair, n int) bool {
	return p.tag == "" && p.people == "" && len(p.values.phones) == n && len(p.values.emails) == 0
}

// onePerPerson returns the non-empty pairs, each pair that lists as many
// people as phones ("联系人：张三、李四，联系电话：6255xxxx、6280xxxx") cut into
// one pair per person, who gets the phone in the same place. A pair with
// one phone for several people, or one person with several phones, stays
// as it is.
func onePerPerson(pairs []dutyPair) []dutyPair {
	var out []dutyPair
	for _, p := range pairs {
		if p.empty() {
			continue
		}
		people := splitList(p.people)
		if len(people) < 2 || len(people) != len(p.values.phones) || len(p.values.emails) > 0 {
			out = append(out, p)
			continue
		}
		for i, who := range people {
			out = append(out, dutyPair{tag: p.tag, people: who,
				values: contactValues{phones: []string{p.values.phones[i]}, hours: p.values.hours}})
		}
	}
	return out
}

// untagged reports whether no pair names its unit.
func untagged(pairs []dutyPair) bool {
	for _, p := range pairs {
		if p.tag != "" {
			return false
		}
	}
	return true
}

// anyCollective reports whether a unit of names is a collective such as
// 各乡镇（街道）, which has no one contact to pair by order.
func anyCollective(names []string) bool {
	for _, n := range names {
		if collectiveUnit.MatchString(n) {
			return true
		}
	}
	return false
}

// pairContact is the contact p gives unit. A tag naming a department of the
// unit ("区科委高新技术科") gives the department.
func pairContact(unit, dept string, p dutyPair) Contact {
	if dept == "" && unit != "" && len(p.tag) > len(unit) && strings.HasPrefix(p.tag, unit) {
		dept = p.tag[len(unit):]
	}
	c := Contact{Unit: unit, Department: dept, People: splitList(p.people), Phones: p.values.phones,
		Emails: p.values.emails, Hours: p.values.hours}
	if len(c.People) == 1 && dept == "" {
		c.Department, c.People = splitPerson(c.People[0])
	}
	return c.normal()
}

// unitIndex returns the index of the unit tag names (as written, or its
// name, or its name followed by a department), or -1.
func unitIndex(units, names []string, tag string) int {
	for i := range units {
		if units[i] == tag || names[i] == tag {
			return i
		}
	}
	best := -1
	for i, n := range names {
		if n != "" && strings.HasPrefix(tag, n) && (best < 0 || len(n) > len(names[best])) {
			best = i
		}
	}
	return best
}

// firstSingle returns the index of the first unit that is one body, not a
// collective such as 各乡镇（街道） or 全区各单位, which has no one contact
// person; 0 if every unit is collective.
func firstSingle(names []string) int {
	for i, n := range names {
		if !collectiveUnit.MatchString(n) {
			return i
		}
	}
	return 0
}

// sameUnit reports whether two unit tags name one unit (one may add a
// department to the other).
func sameUnit(a, b string) bool {
	return a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

// splitUnit splits "区人力社保局 社保中心征缴科" into the unit and its
// department: at the space where the guide wrote one, else after the first
// unit suffix that leaves a department's name.
func splitUnit(v, raw string) (unit, dept string) {
	if a, b, ok := gapSplit(raw, v); ok {
		return a, b
	}
	r := []rune(v)
	for i := 1; i < len(r)-1; i++ {
		head, rest := string(r[:i+1]), string(r[i+1:])
		if unitEnd(head, rest) && len([]rune(rest)) >= 2 && hasAnySuffix(rest, departmentSuffixes) {
			return head, rest
		}
	}
	return v, ""
}

// unitEnd reports whether a unit's name can end with head when rest
// follows: at a unit suffix, but not inside "办公室", and not after a
// governing body (区委, 市政府), whose 组织部 or 办公室 is a unit of its own
// ("区委组织部人才工作科" is 区委组织部's 人才工作科).
func unitEnd(head, rest string) bool {
	if governingBody.MatchString(head) || strings.HasSuffix(head, "办") && strings.HasPrefix(rest, "公室") ||
		strings.HasSuffix(head, "社会") {
		// 社会 ends no unit: "区社会保险事务中心征缴科" is one unit and its
		// department, not 区社会's 保险事务中心征缴科.
		return false
	}
	if governedUnit.MatchString(head) {
		return true
	}
	return hasAnySuffix(head, unitSuffixes)
}

// gapSplit finds v in raw, whitespace ignored, and splits it at the first
// whitespace raw has inside it.
func gapSplit(raw, v string) (string, string, bool) { return splitAt(raw, v, unicode.IsSpace) }

// lineSplit is gapSplit at a line break only.
func lineSplit(raw, v string) (string, string, bool) {
	return splitAt(raw, v, func(r rune) bool { return r == '\n' })
}

func splitAt(raw, v string, gap func(rune) bool) (string, string, bool) {
	var flat strings.Builder
	var gapAfter []bool // per flat byte: a gap follows it in raw
	for _, r := range raw {
		if gap(r) {
			if n := len(gapAfter); n > 0 {
				gapAfter[n-1] = true
			}
			continue
		}
		if unicode.IsSpace(r) {
			continue
		}
		flat.WriteRune(r)
		for range len(string(r)) {
			gapAfter = append(gapAfter, false)
		}
	}
	i := strings.Index(flat.String(), v)
	if i < 0 || v == "" {
		return "", "", false
	}
	for k := i; k < i+len(v)-1; k++ {
		if gapAfter[k] {
			return v[:k-i+1], v[k-i+1:], true
		}
	}
	return "", "", false
}
