package seeds

import (
	"sort"
	"strings"
)

// departmentSuffixes end a department's name; what follows is a person.
var departmentSuffixes = []string{"科", "中心", "室", "组", "专班", "部", "处", "所", "队", "站", "办", "股"}

// unitSet maps every way a unit is written in a block to its name as listed
// in 牵头单位/配合单位: "区政务服务局（区公共资源交易中心）" is also written
// "区政务服务局".
type unitSet struct {
	names []string          // spellings, longest first
	canon map[string]string // spelling -> listed name
}

func newUnitSet(lists ...[]string) unitSet {
	u := unitSet{canon: map[string]string{}}
	add := func(spelling, name string) {
		if spelling == "" {
			return
		}
		if _, ok := u.canon[spelling]; !ok {
			u.canon[spelling] = name
			u.names = append(u.names, spelling)
		}
	}
	for _, l := range lists {
		for _, name := range l {
			add(name, name)
			if i := strings.Index(name, "（"); i > 0 {
				add(name[:i], name)
				add(strings.TrimSuffix(name[i+len("（"):], "）"), name)
			}
		}
	}
	sort.SliceStable(u.names, func(i, j int) bool { return len(u.names[i]) > len(u.names[j]) })
	return u
}

// at returns the unit spelled at the start of s, if any.
func (u unitSet) at(s string) (spelling, name string) {
	for _, n := range u.names {
		if strings.HasPrefix(s, n) {
			return n, u.canon[n]
		}
	}
	return "", ""
}

// segment cuts a 联系人 value such as "区税务局货物和劳务科王振区财政局预算科娄敏"
// at each unit name it knows.
func (u unitSet) segment(s string) (units, rests []string) {
	var cur strings.Builder
	unit := ""
	started := false
	for i := 0; i < len(s); {
		if sp, name := u.at(s[i:]); sp != "" {
			if started || cur.Len() > 0 {
				units, rests = append(units, unit), append(rests, cur.String())
				cur.Reset()
			}
			unit, started = name, true
			i += len(sp)
			continue
		}
		_, size := firstRune(s[i:])
		cur.WriteString(s[i : i+size])
		i += size
	}
	if started || cur.Len() > 0 {
		units, rests = append(units, unit), append(rests, cur.String())
	}
	return units, rests
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// splitPerson splits "社保中心登记征缴科林桂香、弋桂凤" into the department and
// the people. Names are 2 to 4 characters; the shortest name that leaves a
// department ending in a department suffix (or nothing) wins, since
// departments never end in a surname.
func splitPerson(s string) (department string, people []string) {
	parts := splitList(s)
	if len(parts) == 0 {
		return "", nil
	}
	first := []rune(parts[0])
	for l := 2; l <= 4 && l <= len(first); l++ {
		dept := string(first[:len(first)-l])
		if dept == "" || hasAnySuffix(dept, departmentSuffixes) {
			return dept, append([]string{string(first[len(first)-l:])}, parts[1:]...)
		}
	}
	return "", parts
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// buildContacts ties people to units and phones to people. Phones written
// after a unit label go to that unit's contacts; unlabelled phones go to the
// block's contacts when they all belong to one unit. Otherwise the phones are
// kept on every contact and the returned note says attribution is unsure.
func buildContacts(lead, support []string, people string, groups []phoneGroup) ([]Contact, string) {
	units := newUnitSet(lead, support)
	var contacts []Contact
	if people != "" {
		us, rests := units.segment(people)
		for i, rest := range rests {
			unit := us[i]
			if unit == "" && len(lead) == 1 {
				unit = lead[0] // a contact written without its unit belongs to the sole lead unit
			}
			dept, ppl := splitPerson(rest)
			contacts = append(contacts, Contact{Unit: unit, Department: dept, People: ppl})
		}
	}
	var note string
	for _, g := range groups {
		if g.unit == "" {
			if len(contacts) == 0 {
				u := ""
				if len(lead) == 1 {
					u = lead[0]
				}
				contacts = append(contacts, Contact{Unit: u})
			}
			if !oneUnit(contacts) {
				note = "phones written without a unit in a block naming several units"
			}
			for i := range contacts {
				contacts[i].addValues(g.values)
			}
			continue
		}
		name, ok := units.canon[g.unit]
		if !ok {
			name = g.unit
		}
		matched := false
		for i := range contacts {
			if contacts[i].Unit == name {
				contacts[i].addValues(g.values)
				matched = true
			}
		}
		if !matched {
			c := Contact{Unit: name}
			c.addValues(g.values)
			contacts = append(contacts, c)
		}
	}
	for i := range contacts {
		contacts[i] = contacts[i].normal()
	}
	return contacts, note
}

func (c *Contact) addValues(v contactValues) {
	c.Phones = AppendNew(c.Phones, v.phones...)
	c.Emails = AppendNew(c.Emails, v.emails...)
	c.Hours = joinHours(c.Hours, v.hours)
}

// normal returns c with empty People and Phones lists instead of nil ones
// (Emails stays nil when there are none, as in guides that give none).
func (c Contact) normal() Contact {
	c.People, c.Phones = nonNil(c.People), nonNil(c.Phones)
	if len(c.Emails) == 0 {
		c.Emails = nil
	}
	return c
}

func oneUnit(cs []Contact) bool {
	for _, c := range cs[1:] {
		if c.Unit != cs[0].Unit {
			return false
		}
	}
	return true
}
