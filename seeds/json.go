package seeds

import "encoding/json"

// guideJSON is the guide's wire shape; other tools depend on it, so it is
// fixed here rather than derived from the Go types: lists are [] never null,
// unknown section numbers are null.
type guideJSON struct {
	Title          string           `json:"title"`
	Issuer         string           `json:"issuer"`
	Published      string           `json:"published"`
	Sections       []sectionJSON    `json:"sections"`
	Subsections    []subsectionJSON `json:"subsections"`
	Measures       []measureJSON    `json:"measures"`
	AreaCode       string           `json:"area_code"`
	MissingText    []int            `json:"missing_text"`
	MissingContact []int            `json:"missing_contact"`
	// Units are the units' own lines stated apart from any measure
	// (Guide.Units); absent where the guide states none.
	Units []contactJSON `json:"units,omitempty"`
}

type sectionJSON struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	Text   string `json:"text,omitempty"`
}

type subsectionJSON struct {
	Section int    `json:"section"`
	Number  int    `json:"number"`
	Title   string `json:"title"`
}

type measureJSON struct {
	Number     int           `json:"number"`
	Section    *int          `json:"section"`
	Subsection *int          `json:"subsection"`
	Text       string        `json:"text"`
	TextLost   bool          `json:"text_lost"`
	Details    []string      `json:"details"`
	Evidence   []string      `json:"details_evidence"`
	Doubtful   []bool        `json:"details_doubtful"`
	Lead       []string      `json:"lead"`
	Support    []string      `json:"support"`
	Contacts   []contactJSON `json:"contacts"`
	// Frame is set on an article on the document itself (总则, 附则), no
	// measure to answer with; absent otherwise.
	Frame bool `json:"frame,omitempty"`
}

type contactJSON struct {
	Unit       string   `json:"unit"`
	Department string   `json:"department"`
	People     []string `json:"people"`
	Phones     []string `json:"phones"`
	Emails     []string `json:"emails"`
	Hours      string   `json:"hours"`
}

// MarshalJSON encodes the guide in the shape documented for
// `policybot guide --json`. A measure with text_lost true and details keeps
// only those follow-up sentences; details_evidence says, for each detail,
// what placed it there ("before 第52条's contact block", "by content", …).
func (g *Guide) MarshalJSON() ([]byte, error) {
	out := guideJSON{
		Title: g.Title, Issuer: g.Issuer, Published: g.Published,
		Sections: []sectionJSON{}, Subsections: []subsectionJSON{}, Measures: []measureJSON{},
		AreaCode: g.AreaCode, MissingText: OrEmpty(g.Report.MissingText), MissingContact: OrEmpty(g.Report.MissingContact),
	}
	for _, s := range g.Sections {
		out.Sections = append(out.Sections, sectionJSON{s.Number, s.Title, s.Text})
	}
	for _, s := range g.Subsections {
		out.Subsections = append(out.Subsections, subsectionJSON(s))
	}
	evidence := map[string]string{}
	for _, o := range g.Report.Orphans {
		evidence[o.Sentence] = o.Evidence()
	}
	for _, m := range g.Measures {
		mj := measureJSON{
			Number: m.Number, Section: optional(m.Section), Subsection: optional(m.Subsection),
			Text: m.Text, TextLost: !m.HasText(), Details: OrEmpty(m.Details), Evidence: []string{}, Doubtful: []bool{},
			Lead: OrEmpty(m.Lead), Support: OrEmpty(m.Support), Contacts: []contactJSON{}, Frame: m.Frame,
		}
		for i, d := range m.Details {
			ev, ok := evidence[d]
			if !ok {
				ev = "table row" // the only details not placed as follow-ups
			}
			mj.Evidence = append(mj.Evidence, ev)
			mj.Doubtful = append(mj.Doubtful, m.IsDoubtful(i))
		}
		for _, c := range m.Contacts {
			mj.Contacts = append(mj.Contacts, contactJSON{c.Unit, c.Department, OrEmpty(c.People), OrEmpty(c.Phones), OrEmpty(c.Emails), c.Hours})
		}
		out.Measures = append(out.Measures, mj)
	}
	for _, c := range g.Units {
		out.Units = append(out.Units, contactJSON{c.Unit, c.Department, OrEmpty(c.People), OrEmpty(c.Phones), OrEmpty(c.Emails), c.Hours})
	}
	return json.Marshal(out)
}

func optional(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}
