package index

import (
	"slices"
	"testing"

	"policybot/index/clause"
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

// TestVoicePlaceholder: a spoken story with two asks, where the owner
// holds a name's place with 什么什么 and pauses with 呃: the placeholder
// is told, not asked, so the second ask (宽带) is answered too.
func TestVoicePlaceholder(t *testing.T) {
	rd, err := testIndex.Read("喂 我开小超市的 嗯 想问两个事 第一个是店面租的国企的房子 呃 合同上是个什么什么集团有限公司 能不能免房租 呃 第二个就是店里的宽带 能便宜点吗", Context{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, a := range rd.Asks {
		if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 {
			got = append(got, a.Measures[0].Number)
		}
	}
	if !slices.Contains(got, 4) || !slices.Contains(got, 8) {
		t.Errorf("asks answered with %v, want 第4条 and 第8条", got)
	}
}

// TestHeardAskEndsNot: "能买不" asks yes or no as 能买吗 does, so the ask
// takes the thing the owner heard of (企业疫情险) as its context; 俺 is
// the dialect's 我, no topic word.
func TestHeardAskEndsNot(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"听说有个企业疫情险，俺这小旅馆能买不", seeds.KindMeasure, 12, ""},
	})
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"俺这小旅馆能买不", true},
		{"有补贴没", true},
		{"我们也不", false},
		{"手里一分钱没有", false},
	} {
		if got := clause.EndsNot(c.q); got != c.want {
			t.Errorf("EndsNot(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

// TestRenovationAndRoadLexicon: 政府给不给钱 asks for funding, not money
// owed (不给钱), so a restaurant asking it gets the measure funding
// restaurants; a road closed and goods cut off is the logistics trouble a
// measure on resumed businesses solves.
func TestRenovationAndRoadLexicon(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"饭馆想装修，政府给不给钱", seeds.KindMeasure, 65, ""},
		{"客户一直欠着货款不给钱", seeds.KindMeasure, 22, ""},
	})
	rd, err := testIndex.Read("我那小超市门口路封了，进不了货，好几天了，找谁管", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if a := rd.Asks[0]; len(a.Measures) == 0 || a.Measures[0].Number != 28 {
		t.Errorf("路封了 进不了货: ranked %v first, want 第28条", a.Measures)
	}
}
