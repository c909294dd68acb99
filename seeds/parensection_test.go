package seeds

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParensPerSection reads tongbai-2022-paren (measures （一）（二）…
// numbered anew in each section, steps 1. / 1． on their own lines, one
// contact line per measure) and its scrambled copy against its README:
// every measure, with its units, people, phones and e-mails. The
// scrambled copy must keep every phone and e-mail the text still holds;
// a unit may be lost there (its clause displaced), as in
// TestScrambledCopies.
func TestParensPerSection(t *testing.T) {
	dir := "testdata/formats/tongbai-2022-paren"
	rows := readmeRows(t, dir)
	if len(rows) != 38 {
		t.Fatalf("README has %d rows", len(rows))
	}
	for _, name := range []string{"guide.txt", "scrambled-1.txt"} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(dir, name)
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			clean := name == "guide.txt"
			g := mustParseFile(t, file)
			if len(g.Measures) != len(rows) {
				t.Errorf("%d measures, want %d", len(g.Measures), len(rows))
			}
			for _, row := range rows {
				// cells: summary, units, persons, phones/e-mails.
				m := g.Measure(row.n)
				if m == nil {
					t.Errorf("measure %d missing", row.n)
					continue
				}
				var want, wantPeople []string
				for _, v := range readmePhone.FindAllString(row.cells[3], -1) {
					if clean || strings.Contains(string(src), v) {
						want = append(want, v)
					}
				}
				if row.cells[2] != "—" {
					wantPeople = strings.Split(row.cells[2], "、")
				}
				var got, people []string
				for _, c := range m.Contacts {
					got = append(got, c.Phones...)
					got = append(got, c.Emails...)
					people = append(people, c.People...)
					// A unit is the clause's, or unknown where the clause
					// names several and the line one person (reported); several
					// people go to the clause's units in order.
					if c.Unit != "" && !strings.Contains(row.cells[1], c.Unit) {
						t.Errorf("measure %d: unit %q, README %q", row.n, c.Unit, row.cells[1])
					}
					if c.Unit == "" && clean && (!strings.Contains(row.cells[1], "、") || len(m.Contacts) > 1) {
						t.Errorf("measure %d: contact %v without the clause's unit %q", row.n, c, row.cells[1])
					}
				}
				if !sameSet(got, want) {
					t.Errorf("measure %d: phones %v, README %v", row.n, got, want)
				}
				if len(got) > 0 && !sameSet(people, wantPeople) {
					t.Errorf("measure %d: people %v, README %v", row.n, people, wantPeople)
				}
				if lead := strings.Join(m.Lead, "、"); clean && lead != row.cells[1] || !clean && lead != "" && lead != row.cells[1] {
					t.Errorf("measure %d: lead %q, README %q", row.n, lead, row.cells[1])
				}
			}
		})
	}
}

// TestCutGluedFirstStart: a corrupted copy that lost the line break after
// the title glues the first section heading, or the first measure whose
// heading was lost, to it; the piece is cut where the structure starts, so
// that the first measure keeps its text.
func TestCutGluedFirstStart(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want []string
	}{
		{"某区助企纾困政策措施实施细则一、全力减轻市场主体负担（一）全面落实留抵退税政策。",
			[]string{"某区助企纾困政策措施实施细则", "一、全力减轻市场主体负担（一）全面落实留抵退税政策。"}},
		{"某区人民政府办公室\n2022年6月20日\n\n某区助企纾困政策措施实施细则（一）全面落实留抵退税政策。",
			[]string{"某区人民政府办公室\n2022年6月20日\n\n某区助企纾困政策措施实施细则", "（一）全面落实留抵退税政策。"}},
		{"结合本区实际,特制定以下措施:一、强化企业服务保障1.全面落实企业服务包制度。",
			[]string{"结合本区实际,特制定以下措施:", "一、强化企业服务保障1.全面落实企业服务包制度。"}},
		// A reference inside a sentence is no start.
		{"符合本细则第一、二项条件的，按（一）执行。", []string{"符合本细则第一、二项条件的，按（一）执行。"}},
		{"按照上述措施（一）的规定执行。", []string{"按照上述措施（一）的规定执行。"}},
	} {
		if got := cutAtStructure(tt.raw); !slices.Equal(got, tt.want) {
			t.Errorf("cutAtStructure(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
