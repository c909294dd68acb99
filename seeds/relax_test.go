package seeds

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelaxedLayouts: three guides in layouts no reader was written for
// (stop 49: a Word document.xml flattened into runs, a 12345 call
// transcript, a WeChat group export) read on day one through the generic
// path's second reading (see relaxText): every measure under its number
// with its title, and the phones of nearly all exactly as their READMEs
// list them. Before it, the first read 102 measures, the second 3 and the
// third did not load.
func TestRelaxedLayouts(t *testing.T) {
	for _, tt := range []struct {
		dir    string
		count  int
		phones int // measures whose phones are exactly the README's
	}{
		{"guixi-2022-docx-xml", 30, 27},
		{"wutong-2022-hotline", 26, 24},
		{"qingyu-2022-group-chat", 30, 29},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata/formats", tt.dir)
			g, err := Load(filepath.Join(dir, "guide.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(warnings(g), "read again") {
				t.Errorf("no warning of the second reading: %s", warnings(g))
			}
			exact := 0
			plain := strings.NewReplacer("“", "", "”", "")
			for row, m := range readmeMeasures(t, g, dir, tt.count) {
				title := []rune(plain.Replace(row.cells[0]))
				if !strings.HasPrefix(plain.Replace(m.Text), string(title[:min(4, len(title))])) {
					t.Errorf("measure %d: text %q, README title %q", row.n, Clip(m.Text, 20), row.cells[0])
				}
				if sameSet(m.Phones(), readmePhone.FindAllString(row.cells[3], -1)) {
					exact++
				}
			}
			if exact < tt.phones {
				t.Errorf("%d measures with the README's phones, want %d", exact, tt.phones)
			}
			if g.MaxNumber() > tt.count+1 {
				t.Errorf("%d measures read (highest %d)", len(g.Measures), g.MaxNumber())
			}
		})
	}
}

func warnings(g *Guide) string {
	var b strings.Builder
	for _, w := range g.Report.Warnings {
		b.WriteString(w.Text + "; ")
	}
	return b.String()
}

// TestDropUnlikelyPeople: a relaxed reading keeps names only, and a short
// non-Han "name" is weighed without slicing inside a rune.
func TestDropUnlikelyPeople(t *testing.T) {
	g := &Guide{Measures: []Measure{
		{Number: 1, Text: "对小微企业纳税人给予支持。", Contacts: []Contact{{Unit: "区税务局", People: []string{"纳税", "找王敏", "ab", "区残联"}, Phones: []string{"12366"}}}},
		{Number: 2, Text: "纳税信用良好的企业。", Contacts: []Contact{{Unit: "区住建局", People: []string{"供电"}}}},
	}}
	dropUnlikelyPeople(g)
	got := strings.Join(g.Measures[0].Contacts[0].People, " ")
	if !strings.Contains(got, "王敏") || strings.Contains(got, "纳税") || strings.Contains(got, "区残联") || strings.Contains(got, "找") {
		t.Errorf("people %q, want 王敏 and neither 纳税 nor 区残联", got)
	}
	if got := g.Measures[1].Contacts[0].People; len(got) != 0 {
		t.Errorf("people beside no phone %q, want none", got)
	}
}

// TestCopyCleaning: a corrupted copy's earlier copies go before the
// second reading, and the measure numbers and section headings it glued
// to the line before start lines again; a clean text is left as it is.
func TestCopyCleaning(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "%d. 措施%d\n内容%d说明文字。\n咨询：区某局 5574%04d\n", i, i, i, i)
	}
	clean := b.String()
	if got, dups := dropEarlierCopies(clean); got != clean || dups != nil {
		t.Errorf("a clean text changed: %d copies", len(dups))
	}
	// Copies of six sentences ahead of their places.
	var copies strings.Builder
	for _, s := range cutAfterStops(clean)[6:12] {
		copies.WriteString(s)
	}
	copied := copies.String() + clean
	if got, dups := dropEarlierCopies(copied); got != clean || len(dups) != 6 {
		t.Errorf("copies not dropped: %d reported\n%s", len(dups), got)
	}
	glued := strings.Replace(clean, "\n7. ", "7. ", 1)
	if got := startsOwnLines(glued); got != clean {
		t.Errorf("glued start not put back:\n%s", got)
	}
	lines := strings.SplitAfter(clean, "\n")
	heads := "一、财税\n" + strings.Join(lines[:6], "") + "本节完。二、成本\n" + strings.Join(lines[6:12], "") + "三、就业\n" + strings.Join(lines[12:], "")
	if got := sectionsOwnLines(heads); !strings.Contains(got, "。\n二、成本") {
		t.Errorf("glued heading not put back:\n%s", got)
	}
}
