package seeds

import (
	"fmt"
	"sort"
)

// headingEvent is the headings that introduce one measure.
type headingEvent struct {
	measure  int
	headings []heading

	// resolved by placeMeasures
	section, subsection int
	newSection          bool // the event opens a section (seen or inferred)
	explicitSection     bool // the section heading itself is in the seed
}

// placeMeasures numbers the headings, detects lost ones and places every
// measure under a section and subsection where the seed lets us know.
//
// A heading sits in the sentence that starts its first measure, so a lost
// start sentence may have taken a heading with it. A measure after such a gap
// keeps its place only when the next heading shows nothing was lost: the
// section is known if the next heading is in the same section or opens the
// next one; the subsection is known if the next heading is the next
// subsection of the same section.
func (p *parser) placeMeasures() {
	p.numberHeadings()
	p.placeUnderHeadings()
}

// numberHeadings walks the heading events in measure order, records the
// sections and subsections they name, infers the headings the numbering
// shows lost (a second （三） means a section heading was lost) and reports
// them, and resolves each event's section and subsection.
func (p *parser) numberHeadings() {
	sort.Slice(p.events, func(i, j int) bool { return p.events[i].measure < p.events[j].measure })
	sec, sub := 0, 0
	for i := range p.events {
		e := &p.events[i]
		for _, h := range e.headings {
			if h.section && h.inferred {
				sec, sub = h.number, 0
				e.newSection = true
				p.addSection(Section{Number: sec, Inferred: true})
				p.lostHeading(sec, 0, e.measure, fmt.Sprintf("section %s heading lost before measure %d: the bracket numbering starts again; section %s inferred, title unknown",
					Numeral(sec), e.measure, Numeral(sec)))
				continue
			}
			if h.section {
				if sec > 0 && h.number > sec+1 {
					for lost := sec + 1; lost < h.number; lost++ {
						p.lostHeading(lost, 0, e.measure, fmt.Sprintf("section %s heading lost before measure %d (section %s follows section %s)",
							Numeral(lost), e.measure, Numeral(h.number), Numeral(sec)))
					}
				}
				sec, sub = h.number, 0
				e.newSection, e.explicitSection = true, true
				p.addSection(Section{Number: sec, Title: h.title, Text: h.text})
				continue
			}
			if !e.explicitSection && h.number <= sub {
				// "（三）" after "（三）": the section heading between them was lost.
				sec, sub = sec+1, 0
				e.newSection = true
				p.addSection(Section{Number: sec, Inferred: true})
				p.lostHeading(sec, 0, e.measure, fmt.Sprintf("section %s heading lost before measure %d: subsection （%s） repeats the numbering of section %s; section %s inferred, title unknown",
					Numeral(sec), e.measure, Numeral(h.number), Numeral(sec-1), Numeral(sec)))
			}
			for lost := sub + 1; lost < h.number; lost++ {
				p.lostHeading(sec, lost, e.measure, fmt.Sprintf("subsection （%s） of section %s lost before measure %d (（%s） follows %s)",
					Numeral(lost), Numeral(sec), e.measure, Numeral(h.number), subName(sub)))
			}
			sub = h.number
			p.g.Subsections = append(p.g.Subsections, Subsection{Section: sec, Number: sub, Title: h.title})
		}
		e.section, e.subsection = sec, sub
	}
}

// placeUnderHeadings gives every measure outside a table the section and
// subsection of the last heading event at or before it, where nothing may
// have been lost between: after a gap in the starts it keeps only what the
// next event proves (see placeMeasures), and is reported unplaced
// otherwise. Sections end up ordered by number.
func (p *parser) placeUnderHeadings() {
	for _, n := range sortedInts(p.measures) {
		m := p.measures[n]
		if p.tableRows[n] {
			continue // a table row sits under no heading
		}
		i := sort.Search(len(p.events), func(i int) bool { return p.events[i].measure > n })
		if i == 0 {
			if len(p.events) > 0 {
				p.r.Unplaced = append(p.r.Unplaced, n)
			}
			continue
		}
		e := p.events[i-1]
		var f *headingEvent
		if i < len(p.events) {
			f = &p.events[i]
		}
		gap := false
		for k := e.measure + 1; k <= n; k++ {
			if !p.starts[k] {
				gap = true
				break
			}
		}
		if !gap {
			m.Section, m.Subsection = e.section, e.subsection
			continue
		}
		if f != nil && (!f.newSection && f.section == e.section || f.explicitSection && f.section == e.section+1) {
			m.Section = e.section
			if !f.newSection && f.subsection == e.subsection+1 {
				m.Subsection = e.subsection
			}
		}
		if m.Section == 0 || m.Subsection == 0 && e.subsection != 0 {
			p.r.Unplaced = append(p.r.Unplaced, n)
		}
	}
	sort.Slice(p.g.Sections, func(i, j int) bool { return p.g.Sections[i].Number < p.g.Sections[j].Number })
}

func subName(n int) string {
	if n == 0 {
		return "the section heading"
	}
	return "（" + Numeral(n) + "）"
}

func (p *parser) addSection(s Section) {
	if p.g.Section(s.Number) == nil {
		p.g.Sections = append(p.g.Sections, s)
	}
}

func (p *parser) lostHeading(section, subsection, before int, note string) {
	p.r.Headings = append(p.r.Headings, HeadingGap{Section: section, Subsection: subsection, Before: before, Note: note})
}

func sortedInts[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
