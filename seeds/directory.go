package seeds

import (
	"regexp"
	"strings"
)

// A guide whose measures name their units in clauses may list the units'
// contacts once, in an appendix:
//
//	附件：各牵头单位联系方式
//	区商务局  流通科  张某某  010-8999xxxx
//
// Each line is a unit, its department, a person and phones; a measure with
// units but no contact gets the lines of its lead units.
//
// The title may follow the notice's sign-off where no 。 ends it
// ("…人民政府办公室2023年3月9日附件：政策咨询电话").
var directoryTitle = regexp.MustCompile(`^(?:.{0,40}?附件\d*[：:]?)?.{0,30}?(?:联系方式|联系电话|咨询电话|通讯录|联系人)[：:]?`)

// bracketedOffice is an office written in brackets after its unit.
var bracketedOffice = regexp.MustCompile(`^[（(]([^（）()]{2,20})[）)]$`)

// readDirectory finds the appendix among the sentences that are not
// structure (or the text after a closing clause) and keeps its lines.
func (p *parser) readDirectory(first int) {
	units := p.knownUnits()
	for i := first; i < len(p.pieces); i++ {
		pc := &p.pieces[i]
		text := pc.text
		switch {
		case pc.table || pc.start > 0 || pc.trail != nil:
			continue
		case pc.structural() && pc.tail == "":
			continue
		case pc.structural():
			text = pc.tail
		}
		cs := readDirectoryText(text, pc.raw, units)
		if len(cs) == 0 {
			continue
		}
		p.directory = append(p.directory, cs...)
		if pc.structural() {
			pc.tail = ""
		} else {
			pc.table = true // not a follow-up
		}
	}
}

// readDirectoryText reads "[title]unit dept person phone…" lines; it
// returns nil unless the whole text is such lines, at least two.
func readDirectoryText(text, raw string, units unitSet) []Contact {
	body := strings.TrimPrefix(text, directoryTitle.FindString(text))
	groups, rest := readPhones(body)
	if len(groups) < 2 || strings.Trim(rest, "。；;") != "" {
		return nil
	}
	var out []Contact
	for _, g := range groups {
		if g.unit == "" {
			return nil
		}
		c := Contact{}
		c.addValues(g.values)
		fields := gapFields(raw, g.unit)
		switch {
		case len(fields) >= 2:
			c.Unit = fields[0]
			c.Department, c.People = splitPerson(strings.Join(fields[1:], ""))
			if len(fields) >= 3 {
				c.Department, c.People = strings.Join(fields[1:len(fields)-1], ""), splitList(fields[len(fields)-1])
			}
		default:
			sp, name := units.at(g.unit)
			if sp == "" {
				name, _ = splitUnit(g.unit, "")
				sp = name
			}
			c.Unit = name
			rest := g.unit[len(sp):]
			if office := bracketedOffice.FindStringSubmatch(strings.TrimSpace(rest)); office != nil {
				// "区人社局（就业促进科）": one unit listed once per office.
				c.Department = office[1]
			} else {
				c.Department, c.People = splitPerson(rest)
			}
		}
		out = append(out, c.normal())
	}
	return out
}

// gapFields finds v in raw, whitespace ignored, and returns it cut at the
// whitespace raw has inside it.
func gapFields(raw, v string) []string {
	var out []string
	for v != "" {
		a, b, ok := gapSplit(raw, v)
		if !ok {
			break
		}
		out = append(out, a)
		v = b
	}
	return append(out, v)
}

// knownUnits is every unit the guide's blocks name.
func (p *parser) knownUnits() unitSet {
	var lists [][]string
	for _, n := range sortedInts(p.measures) {
		lists = append(lists, p.measures[n].Lead, p.measures[n].Support)
	}
	return newUnitSet(lists...)
}

// applyDirectory gives each measure with lead units but no contact the
// appendix lines of its lead units.
func (p *parser) applyDirectory() {
	if len(p.directory) == 0 {
		return
	}
	for _, n := range sortedInts(p.measures) {
		m := p.measures[n]
		if len(m.Contacts) > 0 {
			continue
		}
		for _, u := range m.Lead {
			for _, c := range p.directory {
				if c.Unit == u {
					m.Contacts = append(m.Contacts, c)
				}
			}
		}
	}
}
