package index

import (
	"testing"

	"policybot/seeds"
)

// TestTrial55Procurement: a small firm asking whether public procurement
// favours it, after telling the plan that brings it there, is answered with
// the price deduction for small firms: 小厂 is a small firm, and the plan
// before the space is story, whose own words (接点, 印刷活) the guide does
// not use.
func TestTrial55Procurement(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"想接点政府的印刷活 政府采购对小厂有照顾吗", seeds.KindMeasure, 25, ""},
		{"政府采购对小厂有照顾吗", seeds.KindMeasure, 25, ""},
	})
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
