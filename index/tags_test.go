package index

import (
	"regexp"
	"slices"
	"testing"
)

func numbers(hs []MatchHit) []int {
	var out []int
	for _, h := range hs {
		out = append(out, h.Number)
	}
	return out
}

func TestMatch(t *testing.T) {
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
		got := numbers(testIndex.Match(tt.p))
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
		if !slices.Contains(testIndex.Tags(n).Values[DimNeed], "房租") {
			t.Errorf("measure %d not tagged 房租: %v", n, testIndex.Tags(n))
		}
	}
}

func TestProfileValue(t *testing.T) {
	for answer, want := range map[string]string{"我们是开饭馆的": "餐饮", "开了个小卖部": "零售", "做物流的": "物流运输", "跑运输": "物流运输"} {
		if got, ok := testIndex.ProfileValue(DimIndustry, answer); !ok || got != want {
			t.Errorf("%s → %q %v, want %s", answer, got, ok, want)
		}
	}
	if got, ok := testIndex.ProfileValue(DimType, "我们是个体户"); !ok || got != "个体工商户" {
		t.Errorf("个体户 → %q", got)
	}
	if _, ok := testIndex.ProfileValue(DimNeed, "今天天气不错"); ok {
		t.Error("nonsense answer accepted")
	}
}

// TestTagRulesHaveNoMeasureNumbers: the rules speak of words, not of
// numbered measures.
func TestTagRulesHaveNoMeasureNumbers(t *testing.T) {
	data, err := builtin.ReadFile("data/tags.txt")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`(?m)^[^#]*\d`)
	if m := code.Find(data); m != nil {
		t.Errorf("a digit in the tag rules: %q", m)
	}
}
