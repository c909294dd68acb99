package seeds

import "slices"

// PhoneElsewhere weighs phone, as contact c lists it, against the rest of
// the guide. usual are the phones the same person of the same unit is
// listed with in more measures than with phone; others are the units and
// people (as "unit person") the guide lists phone for besides. Both are
// nil unless both hold: a person listed once with another unit's phone,
// and elsewhere always with their own, is what a corrupted text shows
// when a phone was moved (the embedded guide's 第42条), while a person
// with two lines of their own, or a phone shared by one office, is not.
func (g *Guide) PhoneElsewhere(c Contact, phone string) (usual, others []string) {
	if len(c.People) == 0 {
		return nil, nil
	}
	counts := map[string]int{} // phone -> measures listing it for one of c's people
	for i := range g.Measures {
		seen := map[string]bool{}
		for _, o := range g.Measures[i].Contacts {
			if o.Unit != c.Unit || !slices.ContainsFunc(o.People, func(p string) bool { return slices.Contains(c.People, p) }) {
				continue
			}
			for _, ph := range o.Phones {
				if !seen[ph] {
					seen[ph] = true
					counts[ph]++
				}
			}
		}
	}
	for ph, n := range counts {
		if ph != phone && n > counts[phone] && !slices.Contains(c.Phones, ph) {
			usual = append(usual, ph)
		}
	}
	if len(usual) == 0 {
		return nil, nil
	}
	slices.Sort(usual)
	for i := range g.Measures {
		for _, o := range g.Measures[i].Contacts {
			if !slices.Contains(o.Phones, phone) || o.Unit == c.Unit {
				continue
			}
			who := o.Unit
			if len(o.People) > 0 {
				who += " " + o.People[0]
			}
			if who != "" && !slices.Contains(others, who) {
				others = append(others, who)
			}
		}
	}
	if len(others) == 0 {
		return nil, nil
	}
	return usual, others
}
