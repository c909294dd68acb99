package index

import (
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"policybot/seeds"
)

// measureDoc is what the index holds for a measure.
type measureDoc struct {
	Type       string `json:"type"`
	Number     string `json:"number"`
	Text       string `json:"text"`
	Details    string `json:"details"`
	Section    string `json:"section"`
	Subsection string `json:"subsection"`
	Lead       string `json:"lead"`
	Support    string `json:"support"`
	Contacts   string `json:"contacts"`
	// Examples holds the example questions of the bank that this measure
	// answers, one field per fold ("f0", "f1", …), so a question's features
	// can be computed without its own fold.
	Examples map[string]string `json:"examples,omitempty"`
}

// unitDoc is what the index holds for a unit.
type unitDoc struct {
	Type        string   `json:"type"`
	Name        string   `json:"name"`
	Aliases     string   `json:"aliases"`
	People      string   `json:"people"`
	Departments string   `json:"departments"`
	Phones      []string `json:"phones"`
	Topics      string   `json:"topics"`
}

func measureID(n int) string      { return "m" + strconv.Itoa(n) }
func unitID(name string) string   { return "u:" + name }
func isMeasureID(id string) bool  { return strings.HasPrefix(id, "m") }
func measureNumber(id string) int { n, _ := strconv.Atoi(strings.TrimPrefix(id, "m")); return n }
func unitName(id string) string   { return strings.TrimPrefix(id, "u:") }

// exampleField is the field path of fold f's examples.
func exampleField(f int) string { return "examples." + foldKey(f) }

func foldKey(f int) string { return "f" + strconv.Itoa(f) }

// newMeasureDoc is measure m's document; examples are its example questions
// by fold (nil for none).
func newMeasureDoc(g *seeds.Guide, m *seeds.Measure, examples map[int][]string) measureDoc {
	var contacts []string
	for _, c := range m.Contacts {
		contacts = append(contacts, c.Department, strings.Join(c.People, " "))
	}
	return measureDoc{
		Type:       typeMeasure,
		Number:     strconv.Itoa(m.Number),
		Text:       m.Text,
		Details:    strings.Join(m.Details, "\n"),
		Section:    sectionTitle(g, m.Section),
		Subsection: subsectionTitle(g, m.Section, m.Subsection),
		Lead:       strings.Join(m.Lead, "、"),
		Support:    strings.Join(m.Support, "、"),
		Contacts:   strings.Join(contacts, " "),
		Examples:   exampleFields(examples),
	}
}

func exampleFields(byFold map[int][]string) map[string]string {
	if len(byFold) == 0 {
		return nil
	}
	out := map[string]string{}
	for f, qs := range byFold {
		out[foldKey(f)] = strings.Join(qs, "\n")
	}
	return out
}

func sectionTitle(g *seeds.Guide, n int) string {
	if s := g.Section(n); s != nil {
		return s.Title
	}
	return ""
}

func subsectionTitle(g *seeds.Guide, sec, n int) string {
	if s := g.Subsection(sec, n); s != nil && n > 0 {
		return s.Title
	}
	return ""
}

func newUnitDoc(g *seeds.Guide, u *Unit) unitDoc {
	var people, depts, topics []string
	for _, c := range u.Contacts {
		people = append(people, c.People...)
		depts = append(depts, c.Department)
	}
	for _, n := range u.Leads {
		if m := g.Measure(n); m != nil {
			topics = append(topics, m.Text)
		}
	}
	return unitDoc{
		Type: typeUnit, Name: u.Name, Aliases: strings.Join(u.Aliases, " "),
		People: strings.Join(people, " "), Departments: strings.Join(depts, " "),
		Phones: u.Phones(), Topics: strings.Join(topics, "\n"),
	}
}

// longestTerms analyzes text and keeps the tokens not contained in a longer
// token (jieba's search mode emits both 社会保险 and 社会, 保险).
func longestTerms(an analysis.Analyzer, text string) []string {
	ts := an.Analyze([]byte(text))
	var out []string
	for _, t := range ts {
		if !inner(ts, t) {
			out = seeds.AppendNew(out, string(t.Term))
		}
	}
	return out
}

// inner reports whether t lies inside a longer token of ts.
func inner(ts analysis.TokenStream, t *analysis.Token) bool {
	for _, o := range ts {
		if o != t && o.Start <= t.Start && o.End >= t.End && o.End-o.Start > t.End-t.Start {
			return true
		}
	}
	return false
}

// BleveType tells bleve which document mapping applies.
func (measureDoc) BleveType() string { return typeMeasure }

// BleveType tells bleve which document mapping applies.
func (unitDoc) BleveType() string { return typeUnit }

// Document is one document of the index without its example questions:
// a measure (Measure > 0) or a unit (Unit != nil), and what bleve stores
// of it. Eval's baseline indexes the same documents another way.
type Document struct {
	ID      string
	Measure int
	Unit    *Unit
	Fields  any // a bleve document; its BleveType says "measure" or "unit"
}

// Documents returns the guide's measure and unit documents, measures first.
func (ix *Index) Documents() []Document {
	var out []Document
	for i := range ix.guide.Measures {
		m := &ix.guide.Measures[i]
		out = append(out, Document{ID: measureID(m.Number), Measure: m.Number, Fields: newMeasureDoc(ix.guide, m, nil)})
	}
	for _, u := range ix.dir.units {
		out = append(out, Document{ID: unitID(u.Name), Unit: u, Fields: newUnitDoc(ix.guide, u)})
	}
	return out
}

// DocumentFields names the text fields of the documents, measures' first.
func DocumentFields() []string {
	var out []string
	for _, f := range measureFields {
		out = append(out, f.name)
	}
	for _, f := range unitFields {
		out = append(out, f.name)
	}
	return out
}

// Tuning returns the values the index was built and decides with.
func (ix *Index) Tuning() Tuning { return ix.tuning }
