package seeds

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// xlsxStale are the format guide's phones no measure has: the hidden
// draft sheet's dead lines, the comment's stopped line and the
// compiler's own.
var xlsxStale = []string{"0512-65213399", "0512-65237799", "0512-65248899", "0512-65256699", "0512-65260099",
	"0512-65283399", "0512-65299099", "0512-65237700", "0512-65200000"}

// xlsxPhoneIn finds phones in a reading's texts.
var xlsxPhoneIn = regexp.MustCompile(`0512-?\d{8}`)

// xlsxBadReading lists what a reading of the format guide must never
// show: a measure number it does not have, a stale phone as a contact or
// in a measure's text.
func xlsxBadReading(g *Guide, top int) []string {
	var bad []string
	for _, m := range g.Measures {
		if m.Number < 1 || m.Number > top {
			bad = append(bad, fmt.Sprintf("measure %d", m.Number))
		}
		for _, c := range m.Contacts {
			for _, p := range c.Phones {
				if slices.Contains(xlsxStale, p) {
					bad = append(bad, fmt.Sprintf("measure %d: contact %s", m.Number, p))
				}
			}
		}
		for _, p := range xlsxPhoneIn.FindAllString(m.Text+strings.Join(m.Details, "\n"), -1) {
			if len(p) == 12 {
				p = p[:4] + "-" + p[4:]
			}
			if slices.Contains(xlsxStale, p) {
				bad = append(bad, fmt.Sprintf("measure %d: text %s", m.Number, p))
			}
		}
	}
	return bad
}

// TestXLSXDamaged reads the format guide's corrupted copies (seeds 1–40):
// displaced pieces of its XML (rows of the hidden draft sheet, which
// numbers its items 101… and carries dead phones, shared strings, a
// sheet element) must never make a measure number the guide does not
// have or serve a stale phone.
func TestXLSXDamaged(t *testing.T) {
	clean, err := os.ReadFile("testdata/formats/gusu-2022-xlsx/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(clean)
	if err != nil {
		t.Fatal(err)
	}
	if bad := xlsxBadReading(want, 18); len(bad) > 0 {
		t.Fatalf("clean: %q", bad)
	}
	badReads, measures, same := 0, 0, 0
	for seed := 1; seed <= 40; seed++ {
		sc := scramble.Scramble(string(clean), scramble.Options{Seed: uint64(seed)})
		g, err := Parse([]byte(sc.Text))
		if err != nil {
			t.Logf("seed %d: %v", seed, err)
			continue
		}
		measures += len(g.Measures)
		for _, w := range want.Measures {
			if m := g.Measure(w.Number); m != nil && reflect.DeepEqual(contactLines(m), contactLines(&w)) {
				same++
			}
		}
		if bad := xlsxBadReading(g, 18); len(bad) > 0 {
			badReads++
			t.Errorf("seed %d: %d measures, %q", seed, len(g.Measures), bad)
		}
	}
	t.Logf("%d of 40 reads bad; %d measures read, %d of 720 with the clean reading's contacts", badReads, measures, same)
}

// TestXLSXSharedStringsRealigned displaces a run of the format guide's
// shared-string items as a corrupted copy does — into another part, later
// in the same part, or copied twice — and reads the workbook as the clean
// one: the gap found against uniqueCount and the columns' shapes.
func TestXLSXSharedStringsRealigned(t *testing.T) {
	b, err := os.ReadFile("testdata/formats/gusu-2022-xlsx/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean := string(b)
	want, _, _, _ := xlsxText(clean)
	// The items' starts; a piece is cut after a 。, so a run starts after
	// an item with one, ends with one, and lands after one.
	var starts []int
	for at := 0; ; {
		k := strings.Index(clean[at:], "<si>")
		if k < 0 {
			break
		}
		at += k + len("<si>")
		starts = append(starts, at-len("<si>"))
	}
	var stops []int // items with a 。, by index
	for k := range starts[:len(starts)-1] {
		if strings.Contains(clean[starts[k]:starts[k+1]], "。") {
			stops = append(stops, k)
		}
	}
	if len(stops) < 12 {
		t.Fatalf("%d items with a 。", len(stops))
	}
	i, j := starts[stops[3]+1], starts[stops[5]+1]
	run := clean[i:j]
	comments := strings.Index(clean, "<commentList>")
	later := starts[stops[10]+1]
	for name, text := range map[string]string{
		"into another part": clean[:i] + clean[j:comments] + run + clean[comments:],
		"later in the part": clean[:i] + clean[j:later] + run + clean[later:],
		"copied twice":      clean[:j] + run + clean[j:],
	} {
		got, unread, _, _ := xlsxText(text)
		if got != want {
			t.Errorf("%s: read as\n%s", name, got)
		}
		if !slices.ContainsFunc(unread, func(u Unread) bool { return strings.Contains(u.Why, "realigned") }) {
			t.Errorf("%s: not reported: %v", name, unread)
		}
	}
	if _, unread, _, _ := xlsxText(clean); len(unread) > 0 {
		t.Errorf("clean: %v", unread)
	}
}

// TestXLSXRowsInOrder: a row whose r repeats or runs backwards is a
// displaced piece; the sheet's rising run is kept.
func TestXLSXRowsInOrder(t *testing.T) {
	for _, c := range []struct{ in, want []int }{
		{[]int{1, 2, 3, 8, 9, 3, 4, 10, 11}, []int{1, 2, 3, 8, 9, 10, 11}},
		{[]int{1, 2, 3, 4, 5, 6, 3, 4, 7}, []int{1, 2, 3, 4, 5, 6, 7}},
	} {
		var seen []*ssRow
		for _, n := range c.in {
			seen = append(seen, &ssRow{n: n})
		}
		var got []int
		for _, r := range xlsxInOrder(seen) {
			got = append(got, r.n)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: kept %v", c.in, got)
		}
	}
	// A hidden sheet's rows 3–4 landed in the measures sheet after its row
	// 5, or ahead of its own 3–4: read without them.
	sheet := func(rows string) string {
		return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
	}
	row := func(r int, v string) string {
		return fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, v)
	}
	for _, rows := range []string{
		row(1, "a") + row(2, "b") + row(3, "c") + row(4, "d") + row(5, "e") + row(3, "旧") + row(4, "旧") + row(6, "f"),
		row(1, "a") + row(2, "b") + row(3, "旧") + row(4, "旧") + row(3, "c") + row(4, "d") + row(5, "e") + row(6, "f"),
	} {
		s, _ := readWorksheet("", sheet(rows), xlsxCtx{})
		var texts []string
		for _, r := range s.rows {
			texts = append(texts, r.text(1))
		}
		if !slices.Equal(texts, []string{"a", "b", "c", "d", "e", "f"}) {
			t.Errorf("read %q", texts)
		}
	}
}
