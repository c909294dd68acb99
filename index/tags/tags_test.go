package tags

import (
	"policybot/seeds"
	"regexp"
	"slices"
	"testing"
)

func numbers(hs []Hit) []int {
	var out []int
	for _, h := range hs {
		out = append(out, h.Number)
	}
	return out
}

func TestMatch(t *testing.T) {
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	tagged := map[int]Tags{}
	for i := range g.Measures {
		tagged[g.Measures[i].Number] = r.Tag(&g.Measures[i])
	}
	government := []int{23, 27, 36, 48, 49, 56, 59} // internal budgeting, 动态清零, planning lists
	tests := []struct {
		name    string
		p       Profile
		want    []int
		notWant []int
	}{
		{"small restaurant needing rent", Profile{"小微企业", "餐饮", "房租"}, []int{4}, append([]int{5}, government...)},
		{"sole trader", Profile{Type: "个体工商户"}, []int{2, 4, 5, 7, 10}, government},
		{"foreign R&D centre", Profile{Type: "外资企业", Industry: "科技研发"}, []int{43, 44}, government},
		{"big company", Profile{Type: "大型企业"}, []int{2, 20}, []int{4, 7}},
		{"nothing answered", Profile{}, []int{1, 2, 3, 4, 7, 9, 72}, government},
	}
	for _, tt := range tests {
		got := numbers(Match(g, tagged, tt.p))
		for _, n := range tt.want {
			if !slices.Contains(got, n) {
				t.Errorf("%s: %v lacks %d", tt.name, got, n)
			}
		}
		for _, n := range tt.notWant {
			if slices.Contains(got, n) {
				t.Errorf("%s: %v includes %d", tt.name, got, n)
			}
		}
	}
	for _, n := range []int{4, 5, 6} {
		if !slices.Contains(tagged[n].Values[DimNeed], "房租") {
			t.Errorf("measure %d not tagged 房租: %v", n, tagged[n])
		}
	}
}

// TestTagRulesHaveNoMeasureNumbers: the rules speak of words, not of
// numbered measures.
func TestTagRulesHaveNoMeasureNumbers(t *testing.T) {
	data := builtin
	code := regexp.MustCompile(`(?m)^[^#]*\d`)
	if m := code.Find(data); m != nil {
		t.Errorf("a digit in the tag rules: %q", m)
	}
}
