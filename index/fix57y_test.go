package index

import (
	"testing"

	"policybot/seeds"
)

// TestCantoneseStories: a story written in Cantonese reads as its Mandarin
// (系咪 是不是, 啲 些, 咗 了, 嘢 东西, 铺头 店铺) and is answered as the
// Mandarin one would be: the rent of a state-owned shop, and a thing the
// owner heard of (听讲有啲…保险) asked after as 呢样嘢.
func TestCantoneseStories(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我哋间铺头系租国企嘅，开糖水铺嘅，听讲可以免三个月租，系咪真㗎？点样申请？", seeds.KindMeasure, 4, ""},
		{"听讲有啲商业健康保险系补充医保嘅，价钱平啲。我喺密云开咗间茶餐厅，想帮啲伙计买，有冇呢样嘢？", seeds.KindMeasure, 13, ""},
	})
}

// TestReferHeard: an ask pointing at "这样东西" after a sentence telling
// what the owner heard of takes that sentence as its context, though its
// own sentence tells more of the story.
func TestReferHeard(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"听说有种商业健康保险，能补充医保。我开了个小饭馆，想给员工买，是不是有这样的东西？", seeds.KindMeasure, 13, ""},
	})
}
