package seeds

import (
	"os"
	"path/filepath"
	"policybot/seeds/relayout"
	"strings"
	"testing"
)

func TestByShapeDebug(t *testing.T) {
	if os.Getenv("BYSHAPE_DEBUG") == "" {
		t.Skip()
	}
	paths, _ := filepath.Glob("testdata/guides/*/*.txt")
	more, _ := filepath.Glob("testdata/formats/*/*.txt")
	paths = append(paths, more...)
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		text, _ := Decode(src)
		byShapeOff = true
		g := parseText(text)
		byShapeOff = false
		r := readByShape(text)
		rep, fill := poorReading(g, r)
		if rep || fill {
			t.Logf("%s: read %d blocks %d replace %v fill %v", p, len(g.Measures), len(r.blocks), rep, fill)
		}
	}
}

func TestByShapeOne(t *testing.T) {
	name := os.Getenv("BYSHAPE_ONE")
	if name == "" {
		t.Skip()
	}
	names, docs := relayoutDocs(t)
	for i, n := range names {
		if n != name {
			continue
		}
		st := relayout.Style{Number: os.Getenv("NUM"), Restart: os.Getenv("RESTART") != "", Place: os.Getenv("PLACE"), Heading: os.Getenv("HEAD"), Title: os.Getenv("TITLE"), UnitLabel: os.Getenv("UL"), PersonLabel: os.Getenv("PL"), PhoneLabel: os.Getenv("PHL"), Sep: os.Getenv("SEP"), Join: os.Getenv("JOIN")}
		text := relayout.Render(docs[i], st)
		os.WriteFile("/tmp/rl17-one.txt", []byte(text), 0o644)
		byShapeOff = true
		g := parseText(text)
		byShapeOff = false
		r := readByShape(text)
		var rep Report
		r.place(&rep)
		a, b := poorReading(g, r)
		var sls []shapeLine
		for _, l := range strings.Split(text, "\n") {
			sls = append(sls, lineShape(strings.TrimSpace(l)))
		}
		ms, hs := pickShapes(sls)
		t.Logf("shapes %q %q", ms, hs)
		t.Logf("readers %d measures; shape %d blocks, %d sections; replace %v fill %v", len(g.Measures), len(r.blocks), len(r.sections), a, b)
		for j, bl := range r.blocks {
			if j < 6 {
				t.Logf("block %d sec %d title %q prose %d contacts %+v named %v", j, bl.section, bl.title, len(bl.prose), bl.contacts, bl.named)
			}
		}
		t.Log(scoreRelayout(docs[i], text))
		g = parseText(text)
		for _, m := range g.Measures {
			if len(m.Phones()) == 0 || os.Getenv("ALL") != "" {
				t.Logf("no phone: %d %s lead %v contacts %v", m.Number, Clip(m.Text, 20), m.Lead, m.Contacts)
			}
		}
		for _, u := range g.Report.Unread {
			t.Logf("unread %s: %s", u.Line, u.Why)
		}
	}
}
