package index

import (
	"testing"

	"policybot/seeds"
)

// TestTrial55Procurement: a small firm asking whether public procurement
// favours it, after telling the plan that brings it there, is pointed to
// the procurement measures for small firms, not declined: the plan before
// the space is story, whose own words (接点, 印刷活) the guide does not use.
func TestTrial55Procurement(t *testing.T) {
	for _, q := range []string{"想接点政府的印刷活 政府采购对小厂有照顾吗", "政府采购对小厂有照顾吗"} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%s: %d asks, want 1", q, len(rd.Asks))
			continue
		}
		a := rd.Asks[0]
		if a.Kind == seeds.KindNone || len(a.Measures) == 0 || a.Measures[0].Number != 24 && a.Measures[0].Number != 25 {
			t.Errorf("%s: %s %+v, want 第24条 or 第25条 first", q, a.Kind, a.Measures)
		}
	}
}

// TestTrial55Guarantee: whether the government stands guarantee for a loan
// is the government financing guarantee (第11条), not the first-loan
// measure that names a 担保费用补助 only in a document's title.
func TestTrial55Guarantee(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我想贷点款撑过去 银行说KTV是高风险不给贷 政府有担保吗", seeds.KindMeasure, 11, ""},
		{"贷款政府有担保吗", seeds.KindMeasure, 11, ""},
	})
}
