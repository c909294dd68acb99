package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestComparisonShapes: an ask weighing two reliefs ("A和B哪个划算", "是A
// 好还是B好", "选哪个，A还是B") is two asks, each answered, in the order
// named; "A还是B" whose 还是 means "still" is not (stop 48).
func TestComparisonShapes(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the first measure of each ask answered, in order
	}{
		{"首次贷款贴息跟融资担保费优惠，哪个更划算", []int{9, 11}},
		{"选哪个好，公积金缓缴还是社保缓缴？我们人不多", []int{3, 2}},
		{"我们是开民宿的，是申请国企房租减免好，还是申请孵化器的房租补贴好", []int{4, 5}},
		{"租的国企门面，房租还是减不了吗", []int{4}},
		// 哪个 of a contact cue weighs nothing, and the story's 还是
		// ("国内还是首创") is "still".
		{"我们公司研发了新型智能装备，国内还是首创，听说首台套有支持，能给多少，找哪个部门", []int{41}},
	}
	for _, c := range cases {
		_, got := answeredFirsts(t, c.msg)
		if !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
	}
}

// TestFiguresNotTypos: the figures an owner tells their size with are
// read as written, not corrected to a guide word (年营收 is no 联营收).
func TestFiguresNotTypos(t *testing.T) {
	for _, msg := range []string{"公司四十来人、年营收三千万左右，算小微企业吗", "我们营收掉了一半，社保能缓缴吗"} {
		rd, err := testIndex.Read(msg, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Fixes) > 0 {
			t.Errorf("Read(%q): corrected %v; want the figures as written", msg, rd.Fixes)
		}
	}
}

// TestPlaceNoKind: a place before a head word the measure writes only as
// kinds of its own ("在北京注册…中风险地区" against 中高风险地区) names
// where, not another kind: the answer stands, no near miss.
func TestPlaceNoKind(t *testing.T) {
	for _, msg := range []string{
		"我们饭馆在北京注册的，店所在的小区被划成中风险地区了，国企的门面房租能减多久",
		"在北京注册的小公司，所在的村是中风险地区，租国企的办公室，租金能免几个月",
	} {
		rd, err := testIndex.Read(msg, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || rd.Asks[0].Kind != seeds.KindMeasure || rd.Asks[0].Measures[0].Number != 4 {
			t.Errorf("Read(%q): %+v; want measure 4 answered", msg, rd.Asks)
		}
	}
}

// TestMediumFirmKind: a medium-sized firm ("算中型企业") is one of the
// 中小企业 a measure names (a sense line), not another kind of 企业: the
// answer stands, no near miss.
func TestMediumFirmKind(t *testing.T) {
	for _, msg := range []string{
		"我们是中型企业，一百多人，政府采购有没有给中小企业预留份额",
		"厂子一百二十人，年产值八千万，算中型企业，政府采购给中小企业预留的份额我们能用吗",
	} {
		rd, err := testIndex.Read(msg, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || rd.Asks[0].Kind != seeds.KindMeasure || rd.Asks[0].Measures[0].Number != 25 {
			t.Errorf("Read(%q): %+v; want measure 25 answered", msg, rd.Asks)
		}
	}
}
