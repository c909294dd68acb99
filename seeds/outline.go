package seeds

import (
	"fmt"
	"io"
	"strings"
)

// WriteOutline writes a readable outline of the guide: headings, each
// measure's opening words, units and contacts, and the gaps.
func (g *Guide) WriteOutline(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", orDash(g.Title))
	fmt.Fprintf(&b, "Issuer: %s   Published: %s   Measures: %d (highest number %d)\n",
		orDash(g.Issuer), orDash(g.Published), len(g.Measures), g.MaxNumber())
	fmt.Fprintf(&b, "Key: %s (the data kept with this guide alone: <data-dir>/guides/%s/)\n\n", g.Key(), g.Key())
	unplaced := map[int]bool{}
	for _, n := range g.Report.Unplaced {
		unplaced[n] = true
	}
	sec, sub, unknownSub := -1, -1, false
	for _, m := range g.Measures {
		if m.Section != sec {
			sec, sub, unknownSub = m.Section, -1, false
			fmt.Fprintf(&b, "%s\n", g.SectionTitle(m.Section))
		}
		// A measure of a known section whose subsection is unknown is
		// marked as such, not left under the previous subsection's heading:
		// the outline says what the report says.
		unknown := m.Section != 0 && m.Subsection == 0 && unplaced[m.Number]
		if m.Subsection != sub || unknown != unknownSub {
			sub, unknownSub = m.Subsection, unknown
			if unknown {
				fmt.Fprintf(&b, "  (subsection unknown: a heading may have been lost before these measures)\n")
			} else if t := g.SubsectionTitle(m.Section, m.Subsection); t != "" {
				fmt.Fprintf(&b, "  %s\n", t)
			}
		}
		switch {
		case m.HasText():
			fmt.Fprintf(&b, "    %d. %s\n", m.Number, Clip(m.Text, 50))
			if len(m.Details) > 0 {
				fmt.Fprintf(&b, "       + %d follow-up sentence(s)\n", len(m.Details))
			}
		case m.Retained():
			fmt.Fprintf(&b, "    %d. (text missing from the seed; the guide retains only the follow-up(s) below)\n", m.Number)
			for _, d := range m.Details {
				fmt.Fprintf(&b, "       retained: %s\n", Clip(d, 50))
			}
		default:
			fmt.Fprintf(&b, "    %d. (text missing from the seed)\n", m.Number)
		}
		if m.Frame && !m.HasContact() {
			fmt.Fprintf(&b, "       (a provision on the document itself: no measure to answer with)\n")
			continue
		}
		if m.Frame {
			fmt.Fprintf(&b, "       (a provision on the document itself: no measure to answer with)\n")
		}
		if !m.HasContact() {
			fmt.Fprintf(&b, "       contact: (missing from the seed)\n")
			continue
		}
		fmt.Fprintf(&b, "       lead: %s", strings.Join(m.Lead, "、"))
		if len(m.Support) > 0 {
			fmt.Fprintf(&b, "   support: %s", strings.Join(m.Support, "、"))
		}
		b.WriteString("\n")
		for _, c := range m.Contacts {
			fmt.Fprintf(&b, "       contact: %s\n", c.String())
		}
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return g.Report.WriteText(w)
}

// SectionTitle returns the section's heading as written ("一、…"), a
// placeholder for an inferred section, or "" for section 0 (unknown).
func (g *Guide) SectionTitle(n int) string {
	s := g.Section(n)
	switch {
	case n == 0:
		return "(section unknown: a heading may have been lost before these measures)"
	case s == nil || s.Title == "":
		return Numeral(n) + "、(heading lost from the seed)"
	}
	return Numeral(n) + "、" + s.Title
}

// SubsectionTitle returns the subsection's heading as written ("（一）…"), or
// "" when it is unknown.
func (g *Guide) SubsectionTitle(section, n int) string {
	s := g.Subsection(section, n)
	if n == 0 || s == nil {
		return ""
	}
	return "（" + Numeral(n) + "）" + s.Title
}

// String formats the contact as one line: unit, department, people, phones.
func (c Contact) String() string {
	var parts []string
	if c.Unit != "" {
		parts = append(parts, c.Unit)
	}
	if c.Department != "" {
		parts = append(parts, c.Department)
	}
	if len(c.People) > 0 {
		parts = append(parts, strings.Join(c.People, "、"))
	}
	if len(c.Phones) > 0 {
		parts = append(parts, strings.Join(c.Phones, "、"))
	}
	if len(c.Emails) > 0 {
		parts = append(parts, strings.Join(c.Emails, "、"))
	}
	if c.Hours != "" {
		parts = append(parts, "（"+c.Hours+"）")
	}
	return strings.Join(parts, " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
