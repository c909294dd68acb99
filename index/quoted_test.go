package index

import (
	"slices"
	"strings"
	"testing"
)

// TestQuotedByOne: the names the embedded guide quotes for one measure
// alone name it; a quoted name two measures hold names neither.
func TestQuotedByOne(t *testing.T) {
	named := quotedByOne(testIndex.guide)
	if n := named["京郊之夏"]; n == 0 || !strings.Contains(measureWords(testIndex.guide.Measure(n)), "京郊之夏") {
		t.Errorf("京郊之夏 names %d", n)
	}
	for name, n := range named {
		for i := range testIndex.guide.Measures {
			if m := &testIndex.guide.Measures[i]; m.Number != n && strings.Contains(measureWords(m), name) {
				t.Errorf("%s named by %d but measure %d says it too", name, n, m.Number)
			}
		}
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"区里那个“京郊之夏”的线路", []string{"京郊之夏"}},
		{"“两区”政策", nil},     // too short to be a name
		{"“房租，社保”都想问", nil}, // a list, not a name
		{"「首台套」和『新智造100』", []string{"首台套", "新智造100"}},
		{"“没有闭合", nil},
	} {
		if got := quotedIn(c.text); !slices.Equal(got, c.want) {
			t.Errorf("quotedIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
