package index

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"policybot/seeds"
)

// Unit is a government unit the guide names, with everything the guide says
// about how to reach it.
type Unit struct {
	Name     string          // as the guide writes it, e.g. "区人保局"
	Aliases  []string        // other names that find it, e.g. "人保局", "人社局"
	Contacts []seeds.Contact // distinct contact lines across the guide
	Leads    []int           // measures it leads
	Supports []int           // measures it supports
}

// Phones returns the unit's phones across all its contacts, without repeats.
func (u *Unit) Phones() []string { return seeds.Phones(u.Contacts) }

// directory is every unit of a guide and every name that finds one.
type directory struct {
	units  []*Unit          // by name
	byName map[string]*Unit // name and alias -> unit
	names  []string         // names and aliases, longest first, for matching
	// short are the units' bare short forms ("人社", "税务"), found only
	// where a question limits itself to a unit (see scoped); shorts are
	// their keys, longest first. A short form two units share is neither's.
	short  map[string]*Unit
	shorts []string
	// contacts are the guide's distinct contact lines; people and
	// departments the names in them, longest first (see whom.go).
	contacts            []seeds.Contact
	people, departments []string
	squeezedDepts       []string // squeeze of each of departments, made once
}

func newDirectory(g *seeds.Guide, aliases map[string]string) *directory {
	d := &directory{byName: map[string]*Unit{}}
	get := func(name string) *Unit {
		u := d.byName[name]
		if u == nil {
			u = &Unit{Name: name}
			d.byName[name] = u
			d.units = append(d.units, u)
		}
		return u
	}
	// A unit's own line, stated apart from any measure (a phone list), is
	// what a question about the unit asks for first: it comes before the
	// lines of the measures that name the unit.
	for _, c := range g.Units {
		if c.Unit == "" || !isUnitName(c.Unit) {
			continue
		}
		u := get(c.Unit)
		if !hasContact(u.Contacts, c) {
			u.Contacts = append(u.Contacts, c)
		}
	}
	for _, m := range g.Measures {
		for _, name := range m.Lead {
			u := get(name)
			u.Leads = appendInt(u.Leads, m.Number)
		}
		for _, name := range m.Support {
			if isUnitName(name) {
				u := get(name)
				u.Supports = appendInt(u.Supports, m.Number)
			}
		}
		for _, c := range m.Contacts {
			if c.Unit == "" {
				continue
			}
			u := get(c.Unit)
			if !hasContact(u.Contacts, c) {
				u.Contacts = append(u.Contacts, c)
			}
		}
	}
	sort.Slice(d.units, func(i, j int) bool { return d.units[i].Name < d.units[j].Name })

	addAlias := func(alias string, u *Unit) {
		if alias == "" || alias == u.Name {
			return
		}
		if _, taken := d.byName[alias]; taken {
			return
		}
		d.byName[alias] = u
		u.Aliases = append(u.Aliases, alias)
	}
	for _, u := range d.units {
		for _, a := range derivedAliases(u.Name) {
			addAlias(a, u)
		}
		for _, a := range unitSuffixedForms(u.Name) {
			addAlias(a, u)
		}
	}
	for alias, name := range aliases {
		if u := d.byName[name]; u != nil && u.Name == name {
			addAlias(alias, u)
		}
	}
	// Names owners still use for a unit (劳动局, 国税局, 住建局 for 区住建委)
	// come after the guide's own aliases, which know the district better.
	for _, u := range d.units {
		for _, a := range swappedSuffixForms(u.Name) {
			addAlias(a, u)
		}
	}
	former := formerAliases(d.units)
	for _, n := range slices.Sorted(maps.Keys(former)) {
		addAlias(n, former[n])
	}
	for n := range d.byName {
		d.names = append(d.names, n)
	}
	longestFirst(d.names)
	d.indexShortForms()
	d.indexContacts(g)
	return d
}

// indexShortForms fills short and shorts from the units' names.
func (d *directory) indexShortForms() {
	d.short = map[string]*Unit{}
	shared := map[string]bool{}
	for _, u := range d.units {
		for _, s := range unitShortForms(u.Name) {
			switch o, ok := d.short[s]; {
			case ok && o != u:
				shared[s] = true
			case !ok:
				d.short[s] = u
			}
		}
	}
	for s := range shared {
		delete(d.short, s)
	}
	for s := range d.short {
		d.shorts = append(d.shorts, s)
	}
	longestFirst(d.shorts)
}

// longestFirst sorts names longest first, then alphabetically.
func longestFirst(names []string) {
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
}

// scoped returns the unit a question limits itself to by a short form
// and a scope marker ("人社方面的补贴", "税务这块有啥优惠", "人社有哪些补贴"),
// and the words to take out of the question for it (the short form, and
// the marker unless it asks for the list); nil when it names none.
func (d *directory) scoped(text string) (*Unit, string) {
	for _, s := range d.shorts {
		for rest := text; ; {
			i := strings.Index(rest, s)
			if i < 0 {
				break
			}
			rest = rest[i+len(s):]
			tail := strings.TrimPrefix(rest, "的")
			for _, m := range unitScopeMarkers {
				switch {
				case !strings.HasPrefix(tail, m):
				case strings.HasPrefix(m, "有") || strings.HasPrefix(m, "都"):
					return d.short[s], s
				default:
					return d.short[s], s + rest[:len(rest)-len(tail)] + m
				}
			}
		}
	}
	return nil, ""
}

// isUnitName tells a unit from a description such as "各镇街地区" or
// "相关行业主管部门", which are support entries but not units anyone can call.
func isUnitName(s string) bool {
	return !strings.HasPrefix(s, "各") && !strings.HasPrefix(s, "相关") && !strings.Contains(s, "等")
}

// derivedAliases are the names the guide's own spelling implies: without
// the leading 区, and each part of "甲（乙）".
func derivedAliases(name string) []string {
	var out []string
	parts := []string{name}
	if i := strings.Index(name, "（"); i > 0 {
		parts = append(parts, name[:i], strings.TrimSuffix(name[i+len("（"):], "）"))
	}
	for _, p := range parts {
		out = append(out, p)
		if t := strings.TrimPrefix(p, "区"); t != p && len([]rune(t)) >= 2 {
			out = append(out, t)
		}
	}
	return out
}

// find returns the unit mentioned in text (longest name first) and the
// name that matched.
func (d *directory) find(text string) (*Unit, string) {
	for _, n := range d.names {
		if strings.Contains(text, n) {
			return d.byName[n], n
		}
	}
	return nil, ""
}

// lookup returns the unit with this name or alias.
func (d *directory) lookup(name string) *Unit {
	return d.byName[strings.TrimSpace(name)]
}

func hasContact(cs []seeds.Contact, c seeds.Contact) bool {
	for _, x := range cs {
		if x.Unit == c.Unit && x.Department == c.Department &&
			strings.Join(x.People, "、") == strings.Join(c.People, "、") &&
			strings.Join(x.Phones, "、") == strings.Join(c.Phones, "、") {
			return true
		}
	}
	return false
}

func appendInt(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
