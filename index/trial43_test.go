package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestBroadBenefitAskLists: a broad ask made only of words for what any
// measure gives (补贴, 减免, 优惠) names no topic: with the owner's trade
// named it is the overview for that trade, and without one a choice among
// the measures naming either word, never the one measure that happens to
// name both.
func TestBroadBenefitAskLists(t *testing.T) {
	for _, c := range []struct {
		q    string
		kind string // a kind the overview must list for
	}{
		{"我开花店的，有什么补贴或者减免吗", "零售"},
		{"开饭馆的 有什么减免", "餐饮"},
		{"我开理发店的，有什么扶持或者减免", "服务业"},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if rd.Overview == nil || !slices.Contains(rd.Overview.Kinds, c.kind) || len(rd.Overview.Measures) < 2 {
			t.Errorf("%s: overview %+v, want one for %s of 2 measures at least", c.q, rd.Overview, c.kind)
		}
	}
	rd, err := testIndex.Read("有什么补贴或者减免吗", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) != 1 || rd.Asks[0].Kind != seeds.KindChoice || len(rd.Asks[0].Measures) < 2 {
		t.Errorf("有什么补贴或者减免吗: %+v, want a choice of 2 measures at least", rd.Asks)
	}
}

// TestPersonOriginNoContrast: 外地 said of a person ("外地员工", "我是外地
// 人") is where they come from, which the measure's 本市 (职工在本市无自有住
// 房) does not rule out; a thing done elsewhere (在外地交的公积金) still
// contrasts.
func TestPersonOriginNoContrast(t *testing.T) {
	for _, c := range []struct {
		q        string
		excluded bool
	}{
		{"外地员工能提取公积金吗", false},
		{"我是外地人，能提取公积金吗", false},
		{"外地来的工人能提取公积金吗", false},
		{"在外地交的公积金能在这提取吗", true},
		// …said as a predicate of people (trial 55), not of a thing.
		{"快递员有的是外地的 在这租房住 公积金能提出来交房租吗", false},
		{"我们工人都是外地的，公积金能提取交房租吗", false},
		{"我们的公积金是外地的，能在这提取吗", true},
	} {
		_, j := judgeAsked(t, c.q, 3)
		if got := len(j.Excluded) > 0; got != c.excluded {
			t.Errorf("%s to 第3条: excluded %+v, want excluded %v", c.q, j.Excluded, c.excluded)
		}
	}
}

// TestGreenEquipment: equipment bought to pollute less is the guide's green,
// low-carbon upgrading, alone or asked after a story.
func TestGreenEquipment(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"买环保设备有补贴吗", seeds.KindMeasure, 42, ""},
		{"去年疫情生意不好，今年打算扩大生产，买环保设备有补贴吗", seeds.KindMeasure, 42, ""},
	})
}

// TestTrial43Held: asks of trial 43 the pipeline already answers stay
// answered: arrears a town government owes (清欠, 第22条) and a loan's
// deferral (延期还本付息, 第10条), not the credit-record measure that only
// names 延期还贷 among failings kept off the record.
func TestTrial43Held(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"镇政府欠我们工程款能要回来吗", seeds.KindMeasure, 22, ""},
		{"乡政府拖欠我们公司的工程款两年了，能要回来吗", seeds.KindMeasure, 22, ""},
		{"贷款能延期还吗", seeds.KindMeasure, 10, ""},
		{"我们公司贷款能延期还吗", seeds.KindMeasure, 10, ""},
	})
}

// TestWithdrawFundWhole: 提取公积金 is one word that searches 提取 and
// 住房公积金, not 提 beside 取公积金.
func TestWithdrawFundWhole(t *testing.T) {
	r, err := testIndex.Search("能提取公积金吗")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(r.Terms, "提") || r.Kind != seeds.KindMeasure || r.Measures[0].Number != 3 {
		t.Errorf("能提取公积金吗: %s %v terms %q, want 第3条 without 提 alone", r.Kind, r.Measures, r.Terms)
	}
}
