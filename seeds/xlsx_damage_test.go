package seeds

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

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
