package index

import (
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
	// contacts are the guide's distinct contact lines; people and
	// departments the names in them, longest first (see whom.go).
	contacts            []seeds.Contact
	people, departments []string
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
	}
	for alias, name := range aliases {
		if u := d.byName[name]; u != nil && u.Name == name {
			addAlias(alias, u)
		}
	}
	for n := range d.byName {
		d.names = append(d.names, n)
	}
	sort.Slice(d.names, func(i, j int) bool {
		if len(d.names[i]) != len(d.names[j]) {
			return len(d.names[i]) > len(d.names[j])
		}
		return d.names[i] < d.names[j]
	})
	d.indexContacts(g)
	return d
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
