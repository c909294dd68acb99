package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestLexiconStop50: words owners use that the lexicon read wrongly: a
// delivery or logistics van is a goods vehicle (no typo of 快递员); 普惠
// is one word; a staff member's doctor visit is no out-of-scope topic
// against a measure on medical insurance; a stall or counter fee is the
// rent a relief cuts.
func TestLexiconStop50(t *testing.T) {
	tests := []struct {
		q     string
		first []int        // measures accepted first
		kinds []seeds.Kind // decisions accepted (nil: any but none)
	}{
		{"送货车开不进园区 保通保畅的事问谁", []int{33}, []seeds.Kind{seeds.KindMeasure, seeds.KindChoice}},
		{"物流车总被拦在路口 这事归哪管", []int{33}, nil},
		{"店里伙计常去医院看病 想给他们上个普惠的商业险", []int{13}, []seeds.Kind{seeds.KindMeasure}},
		{"市场里的铺位费能少收点吗", []int{4, 5}, nil},
	}
	for _, tt := range tests {
		r, err := testIndex.Search(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Measures) == 0 || !slices.Contains(tt.first, r.Measures[0].Number) {
			t.Errorf("%q: first %v, want one of %v", tt.q, r.Measures, tt.first)
			continue
		}
		if tt.kinds != nil && !slices.Contains(tt.kinds, r.Kind) || r.Kind == seeds.KindNone {
			t.Errorf("%q: decision %s", tt.q, r.Kind)
		}
	}
	// A recycling yard is a trade: its broad ask gets the list for small
	// businesses, not a refusal.
	if o := testIndex.overview(Normalize("我们是收废品的小站 有啥扶持")); o == nil {
		t.Errorf("收废品的小站: no overview")
	}
}
