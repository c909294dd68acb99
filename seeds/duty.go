package seeds

import (
	"regexp"
	"strings"
	"unicode"
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
	dutyUnitLabel   = regexp.MustCompile(`^责任(?:单位|部门)[：:]`)
	dutyPeopleLabel = regexp.MustCompile(`^联系人[：:]`)
	dutyPhoneLabel  = regexp.MustCompile(`^(?:(?:咨询|联系|服务|值班)?电话(?:及服务时间)?|联系方式)[：:]`)
	dutyHoursLabel  = regexp.MustCompile(`^服务时间[：:]`)
	dutyEmailLabel  = regexp.MustCompile(`^(?:电子)?邮箱[：:]|^(?i:e-?mail)[：:]`)
	dutyAnyLabel    = regexp.MustCompile(`责任(?:单位|部门)[：:]|联系人[：:]|(?:(?:咨询|联系|服务|值班)?电话(?:及服务时间)?|联系方式)[：:]|服务时间[：:]|(?:电子)?邮箱[：:]`)

	// dutyUnitPrefix is a label written after its unit: "区税务局咨询电话：",
	// "区商务局联系人：".
	dutyUnitPrefix = regexp.MustCompile(`^([^：:，,。；;\d（）()、]{2,24}?)(?:联系人|(?:咨询|联系|服务|值班)?电话(?:及服务时间)?|联系方式|(?:电子)?邮箱)[：:]`)

	// unitSuffixes end a unit's name where a department follows it without
	// a space ("区税务局货物和劳务税科").
	unitSuffixes = []string{"局", "委", "办", "院", "会", "公司", "政府"}
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

type dutyGroup struct {
	units  string // the 责任单位 value as written, "" for a phone line alone
	people string
	values contactValues
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
			groups = append(groups, dutyGroup{units: v})
		case dutyPeopleLabel.MatchString(s):
			var v string
			v, s = dutyValue(s[len(dutyPeopleLabel.FindString(s)):])
			cur().people = v
		case dutyHoursLabel.MatchString(s):
			var v string
			v, s = dutyValue(s[len(dutyHoursLabel.FindString(s)):])
			cur().values.hours = joinHours(cur().values.hours, v)
		case dutyPhoneLabel.MatchString(s) || dutyEmailLabel.MatchString(s):
			label := dutyPhoneLabel.FindString(s) + dutyEmailLabel.FindString(s)
			v, rest := readContactValues(s[len(label):])
			if v.empty() {
				b.missing = AppendNew(b.missing, strings.TrimRight(label, "：:"))
			}
			g := cur()
			g.values.phones = AppendNew(g.values.phones, v.phones...)
			g.values.emails = AppendNew(g.values.emails, v.emails...)
			g.values.hours = joinHours(g.values.hours, v.hours)
			s = rest
		default:
			b.lead, b.contacts, b.attribution = dutyContacts(groups, raw)
			return b, s
		}
	}
}

// dutyValue returns the value at the start of s: up to the next label, or
// to the first heading or measure number.
func dutyValue(s string) (string, string) {
	end := len(s)
	if loc := dutyAnyLabel.FindStringIndex(s); loc != nil {
		end = loc[0]
	}
	if loc := anyHead.FindStringIndex(s[:end]); loc != nil {
		end = loc[0]
	}
	if loc := numberAhead.FindStringIndex(s[:end]); loc != nil {
		end = loc[0]
	}
	return s[:end], s[end:]
}

func dutyContacts(groups []dutyGroup, raw string) (lead []string, contacts []Contact, note string) {
	for _, g := range groups {
		units := splitList(g.units)
		if len(units) == 0 {
			units = []string{""}
		}
		hasContact := g.people != "" || !g.values.empty() || g.values.hours != ""
		if len(units) > 1 && !g.values.empty() {
			note = "phones written without a unit in a block naming several units"
		}
		for _, u := range units {
			unit, dept := splitUnit(u, raw)
			if unit != "" {
				lead = AppendNew(lead, unit)
			}
			if !hasContact && dept == "" {
				continue
			}
			c := Contact{Unit: unit, Department: dept, People: splitList(g.people), Phones: g.values.phones,
				Emails: g.values.emails, Hours: g.values.hours}
			if len(c.People) == 1 && dept == "" {
				c.Department, c.People = splitPerson(c.People[0])
			}
			contacts = append(contacts, c.normal())
		}
	}
	return lead, contacts, note
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
		if hasAnySuffix(head, unitSuffixes) && len([]rune(rest)) >= 2 && hasAnySuffix(rest, departmentSuffixes) {
			return head, rest
		}
	}
	return v, ""
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
