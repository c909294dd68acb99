// Package seeds holds the policy guide's domain types and the parser that
// recovers a clean, structured guide from the corrupted seed text.
//
// The seed is a work guide of numbered measures. Each measure names its lead
// units (牵头单位), optional supporting units (配合单位), contact people
// (联系人) and phones (联系方式). The file we receive was cut into sentences
// at 。, with sentences duplicated, displaced and sprinkled with newlines; see
// Parse for how the structure is recovered and Report for what could not be.
package seeds

import "slices"

// Guide is a parsed policy guide. Measures are ordered by number and include
// every number for which the seed has text or a contact block.
type Guide struct {
	Title     string // the notice's title as written, e.g. "北京市XX区人民政府关于印发《…》的通知"
	Issuer    string // the issuing body, e.g. "北京市XX区人民政府"; "" if not stated
	Published string // publication date as YYYY-MM-DD; "" if not stated
	Preamble  string // the introductory text after the date, before the first heading

	Sections    []Section
	Subsections []Subsection
	Measures    []Measure

	// Units are the units' own contact lines the guide states apart from
	// any measure (a knowledge base's phone list: "区人社局：72812200"),
	// which no measure's contacts hold: a question about such a unit is
	// answered from them. Empty for most layouts.
	Units []Contact

	// AreaCode is the telephone area code the guide states for its local
	// numbers ("区号：010"), or "" when it states none; see Dial.
	AreaCode string

	// Hash identifies the seed content the guide was parsed from (hex
	// SHA-256 of the source bytes); indexes record it to know when to rebuild.
	Hash string

	Report Report
}

// Section is a top-level heading such as "一、持续加力助企纾困…".
type Section struct {
	Number int
	Title  string
	// Text is what the guide writes under the heading on lines of its own
	// before any measure (a table guide describes each policy area so).
	Text string
	// Inferred is set when the heading itself is absent from the seed and its
	// existence was deduced from the numbering of the headings around it;
	// Title is then "".
	Inferred bool
}

// Subsection is a second-level heading such as "（一）留抵退税“直达快享”".
type Subsection struct {
	Section int
	Number  int
	Title   string
}

// Measure is one numbered measure of the guide.
type Measure struct {
	Number int
	// Section and Subsection are the numbers of the headings the measure sits
	// under, or 0 where the seed does not let us know them for certain.
	Section    int
	Subsection int

	Text string // the measure's first sentence, without its number; "" if lost
	// Details are the follow-up sentences placed on the measure, in seed
	// order (Report.Orphans says why each is here). A measure whose Text is
	// lost may still have them; see Retained.
	Details []string

	// Doubtful lists the indexes into Details of follow-up sentences whose
	// place the evidence does not settle: they were put here as the likeliest
	// measure, but should not be quoted as this measure's rule.
	Doubtful []int
	// Leaning lists those of Doubtful kept where they stand, directly
	// before this measure's contact block, whose content leans elsewhere
	// but not clearly (below clearSimilarity): a weak doubt. They are still
	// no rule to quote, but a reader of the measure is not told its
	// sentence may be misplaced (see ShowsDoubt).
	Leaning []int

	Lead     []string // lead units (牵头单位) as written
	Support  []string // supporting units (配合单位) as written
	Contacts []Contact

	// Frame is set on an article that speaks of the document itself, not
	// of a relief an owner may ask for: a general or supplementary
	// provision (总则, 附则: the document's purpose and basis, its scope,
	// its funding, who interprets it, when it takes effect) that names no
	// unit of its own. It keeps its number (the document numbers its
	// articles through, 第五条 stays 5) and its text (Guide.Term reads the
	// guide's period from it), but it is no measure to answer with.
	Frame bool
}

// IsDoubtful reports whether Details[i] is a follow-up whose place the
// evidence does not settle (see Doubtful).
func (m *Measure) IsDoubtful(i int) bool { return slices.Contains(m.Doubtful, i) }

// ShowsDoubt reports whether a reader of the measure should be told that
// Details[i] may be misplaced: it is doubtful, and not only weakly (see
// Leaning).
func (m *Measure) ShowsDoubt(i int) bool { return m.IsDoubtful(i) && !slices.Contains(m.Leaning, i) }

// HasText reports whether the seed kept the measure's text.
func (m *Measure) HasText() bool { return m.Text != "" }

// Retained reports whether the seed lost the measure's text but kept
// follow-up sentences for it: Details are then all the guide retains of the
// measure's wording, and should be shown as such.
func (m *Measure) Retained() bool { return !m.HasText() && len(m.Details) > 0 }

// Answerable reports whether the measure can answer an owner's question:
// the seed kept some of its wording and it is no frame article.
func (m *Measure) Answerable() bool { return !m.Frame && (m.HasText() || len(m.Details) > 0) }

// HasContact reports whether the seed kept the measure's contact block.
func (m *Measure) HasContact() bool { return len(m.Lead) > 0 || len(m.Contacts) > 0 }

// Phones returns every phone of the measure's contacts, in order, without
// repeats.
func (m *Measure) Phones() []string { return Phones(m.Contacts) }

// Phones returns every phone of cs, in order, without repeats.
func Phones(cs []Contact) []string {
	var out []string
	for _, c := range cs {
		out = AppendNew(out, c.Phones...)
	}
	return out
}

// Contact is one line of a contact block: a unit, the department within it,
// the people named and the phones listed for them.
type Contact struct {
	Unit       string   // e.g. "区人保局"
	Department string   // e.g. "社保中心登记征缴科"; "" when the guide names none
	People     []string // e.g. ["林桂香"]
	// Phones are as written: "010-" and 8 digits, an 11-digit mobile, an
	// 8-digit local number without area code (see Guide.Dial), a hotline.
	Phones []string
	Emails []string // e-mail addresses given instead of, or besides, phones
	Hours  string   // service hours as written, e.g. "工作日9:30—17:30"; "" if none
}

// Measure returns the measure with the given number, or nil.
func (g *Guide) Measure(n int) *Measure {
	for i := range g.Measures {
		if g.Measures[i].Number == n {
			return &g.Measures[i]
		}
	}
	return nil
}

// Section returns the section with the given number, or nil.
func (g *Guide) Section(n int) *Section {
	for i := range g.Sections {
		if g.Sections[i].Number == n {
			return &g.Sections[i]
		}
	}
	return nil
}

// Subsection returns the subsection with the given numbers, or nil.
func (g *Guide) Subsection(section, n int) *Subsection {
	for i := range g.Subsections {
		if s := &g.Subsections[i]; s.Section == section && s.Number == n {
			return s
		}
	}
	return nil
}

// MaxNumber returns the highest measure number in the guide, or 0.
func (g *Guide) MaxNumber() int {
	if len(g.Measures) == 0 {
		return 0
	}
	return g.Measures[len(g.Measures)-1].Number
}
