package seeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// partFigure is how well one copy of a test guide was read against its
// README: measures read, measures whose text carries the README's title
// under the README's number (numbering in document order), measures whose
// phones and people are the README's exactly, and measures given a phone
// the README does not list for them.
type partFigure struct {
	read, titled, contacts, foreign int
}

func figureAgainstReadme(t *testing.T, g *Guide, dir string) partFigure {
	t.Helper()
	f := partFigure{read: len(g.Measures)}
	for _, row := range readmeRows(t, dir) {
		m := g.Measure(row.n)
		if m == nil {
			continue
		}
		title := row.cells[0]
		if strings.Contains(m.Text+strings.Join(m.Details, ""), title) {
			f.titled++
		}
		wantPhones := readmePhone.FindAllString(row.cells[3], -1)
		var wantPeople []string
		if row.cells[2] != "—" {
			wantPeople = strings.Split(row.cells[2], "、")
		}
		var phones, people []string
		for _, c := range m.Contacts {
			phones = append(phones, c.Phones...)
			people = append(people, c.People...)
		}
		if len(phones) > 0 && sameSet(phones, wantPhones) && sameSet(people, wantPeople) {
			f.contacts++
		}
		for _, p := range phones {
			if !strings.Contains(row.cells[3], p) {
				f.foreign++
				break
			}
		}
	}
	return f
}

// TestPartLayouts reads the two layouts of issue 20 that number or
// contact their measures by parts: a Markdown export of an online document
// (### N. headings, a pipe table of contacts per measure, two measures
// sharing one table) and a 服务包 grouped by department (measures numbered
// anew in each part, the part's heading holding the contact a measure
// inherits unless it names its own). Each guide is read clean and on
// scrambled copies (seeds 1–5): the right count, numbering through the
// document, contacts, and no measure given another's phone.
func TestPartLayouts(t *testing.T) {
	for _, tt := range []struct {
		dir   string
		count int
		// cleanContacts is how many measures of the clean copy have their
		// contacts exactly. On scrambled copies: at least titled measures
		// (of count) keep their title under their number, contacts their
		// contacts, and at most foreign are given a phone not theirs.
		cleanContacts, titled, contacts, foreign int
	}{
		// The clean copy's last measure loses its table: the guide repeats
		// its bullet lines, which reads as a scrambled copy, and the block
		// before the closing paragraph is then not given to the last
		// measure (see unsettled). On seed 2 a measure's sentence is moved
		// between the shared table (以上两项) and its measures, and
		// measure 10's table goes to 11.
		{dir: "jinxi-2022-markdown", count: 33, cleanContacts: 32, titled: 33, contacts: 30, foreign: 1},
		// A part whose heading a copy lost keeps its measures' numbers but
		// not its contact; the last measure's block is withheld in a
		// corrupted text (see unsettled).
		{dir: "tongchuan-2022-by-department", count: 34, cleanContacts: 34, titled: 31, contacts: 30},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata/formats", tt.dir)
			clean, err := os.ReadFile(filepath.Join(dir, "guide.txt"))
			if err != nil {
				t.Fatal(err)
			}
			g, err := Parse(clean)
			if err != nil {
				t.Fatal(err)
			}
			f := figureAgainstReadme(t, g, dir)
			t.Logf("clean: %d read, %d titled, %d contacts right, %d foreign phones", f.read, f.titled, f.contacts, f.foreign)
			if f.read != tt.count || f.titled != tt.count || f.contacts < tt.cleanContacts || f.foreign > 0 {
				t.Errorf("clean: %+v, want %d measures all titled, %d with their contacts", f, tt.count, tt.cleanContacts)
			}
			for seed := uint64(1); seed <= 5; seed++ {
				c := scramble.Scramble(string(clean), scramble.Options{Seed: seed})
				g, err := Parse([]byte(c.Text))
				if err != nil {
					t.Fatal(err)
				}
				f := figureAgainstReadme(t, g, dir)
				t.Logf("seed %d: %d read, %d titled, %d contacts right, %d foreign phones", seed, f.read, f.titled, f.contacts, f.foreign)
				if f.read < tt.count-1 || f.read > tt.count || f.titled < tt.titled || f.contacts < tt.contacts || f.foreign > tt.foreign {
					t.Errorf("seed %d: %+v, want %d measures, %d titled, %d with their contacts, at most %d foreign", seed, f, tt.count, tt.titled, tt.contacts, tt.foreign)
				}
			}
		})
	}
}
