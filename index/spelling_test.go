package index

import (
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestSpellAsGuide: a word the asker spells right is searched the way the
// guide misspells it (its 甜密之路 for 甜蜜), while words the guide uses,
// and dictionary words with no such misspelling, are left as typed.
func TestSpellAsGuide(t *testing.T) {
	for q, want := range map[string]string{
		"甜蜜之路的旅游线路怎么走":  "甜密之路",
		"甜蜜之路那边能摆摊卖东西吗": "甜密之路",
		"纾困资金怎么申请":      "纾困资金怎么申请",
		"我们的蜂蜜卖不出去":     "我们的蜂蜜卖不出去",
	} {
		if got := testIndex.spellAsGuide(q); !strings.Contains(got, want) {
			t.Errorf("%q: %q, want it to hold %q", q, got, want)
		}
	}
	// Answered, or at least offered when the story names what it does not.
	for q, kinds := range map[string][]seeds.Kind{
		"甜蜜之路是什么":           {seeds.KindMeasure},
		"听说有个甜蜜之路 跟养蜂的有关系吗": {seeds.KindMeasure, seeds.KindSuggest},
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || !slices.Contains(kinds, rd.Asks[0].Kind) || !strings.Contains(testIndex.guide.Measure(rd.Asks[0].Measures[0].Number).Text, "甜密之路") {
			t.Errorf("%q: not answered with the measure naming 甜密之路: %+v", q, rd.Asks)
		}
	}
}
