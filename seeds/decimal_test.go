package seeds

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestReadRefs reads a 政策条目 cell: a number, ranges, lists across
// parts, a whole part; 3.10 is the tenth item, never 3.1.
func TestReadRefs(t *testing.T) {
	for _, tt := range []struct {
		cell  string
		items []partItem
		parts []int
	}{
		{"2.2", []partItem{{2, 2}}, nil},
		{"1.1-1.4", []partItem{{1, 1}, {1, 2}, {1, 3}, {1, 4}}, nil},
		{"1.5、2.4", []partItem{{1, 5}, {2, 4}}, nil},
		{"2.5、3.4、3.9-3.10", []partItem{{2, 5}, {3, 4}, {3, 9}, {3, 10}}, nil},
		{"3.10", []partItem{{3, 10}}, nil},
		{"第六部分", nil, []int{6}},
		{"1.1—1.3", []partItem{{1, 1}, {1, 2}, {1, 3}}, nil},
		{"第二部分（全部）、6.1", []partItem{{6, 1}}, []int{2}},
	} {
		items, parts := readRefs(tt.cell)
		if !reflect.DeepEqual(items, tt.items) || !reflect.DeepEqual(parts, tt.parts) {
			t.Errorf("%s: %v %v", tt.cell, items, parts)
		}
	}
	if got := splitPhones("0576-82419620/82419623"); got != "0576-82419620、0576-82419623" {
		t.Errorf("split phones: %s", got)
	}
}

// TestDecimalList reads the decimal-numbered list on both copies: 28
// measures numbered through the parts, the title-only measure's title a
// sentence of its own, and each measure the contacts of every table row
// whose 政策条目 covers its number (TestLayouts checks the clean copy's
// units and phones against the README; here the scrambled copy's too).
func TestDecimalList(t *testing.T) {
	dir := "testdata/formats/anjiang-2022-decimal-list"
	rows := readmeRows(t, dir)
	for _, file := range []string{"guide.txt", "scrambled-1.txt"} {
		g := mustParseFile(t, filepath.Join(dir, file))
		// The scrambled copy loses a heading (and with it a section).
		if len(g.Measures) != 28 || g.MaxNumber() != 28 || len(g.Sections) < 5 {
			t.Errorf("%s: %d measures (highest %d), %d sections", file, len(g.Measures), g.MaxNumber(), len(g.Sections))
		}
		if g.Issuer != "瓯川市岸江区人民政府办公室" || g.Published != "2022-06-16" {
			t.Errorf("%s: issuer %q published %q", file, g.Issuer, g.Published)
		}
		right := 0
		for _, row := range rows {
			m := g.Measure(row.n)
			if m == nil {
				continue
			}
			var units, people, phones []string
			for _, c := range m.Contacts {
				units = append(units, c.Unit)
				people = append(people, c.People...)
				phones = append(phones, c.Phones...)
			}
			if !strings.HasPrefix(m.Text, row.cells[0]) {
				t.Errorf("%s: measure %d text %q, README %q", file, row.n, Clip(m.Text, 20), row.cells[0])
			}
			if strings.Join(units, "、") == row.cells[1] && strings.Join(people, "、") == row.cells[2] && strings.Join(phones, "、") == row.cells[3] {
				right++
			} else {
				t.Errorf("%s: measure %d contacts %q", file, row.n, contactLines(m))
			}
		}
		if right != 28 {
			t.Errorf("%s: %d of 28 measures' contacts right", file, right)
		}
	}
	if m := mustParseFile(t, filepath.Join(dir, "guide.txt")).Measure(8); m.Text != "实施小微企业贷款贴息。" || len(m.Details) != 3 {
		t.Errorf("title-only measure: %q %q", m.Text, m.Details)
	}
}
