package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestWorksheetDemands: a complaint worksheet (本人反映：…诉求如下：…请相关
// 部门予以答复) asks its demands, not its closing formula: each numbered
// demand is an ask, and an ask the written 另 opens after them is one too.
func TestWorksheetDemands(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"本人反映：本店是个体户，因疫情没能按期办手续，被罚款并公示，现在参加不了平台活动。诉求如下：申请撤下公示，恢复信用。请相关部门予以答复。", seeds.KindMeasure, 17, ""},
	})
	rd, err := testIndex.Read("本人反映：我店是一家小饭馆，停业两个月，燃气费没交上，燃气公司说要停气。诉求如下：1.暂缓停气；2.免收滞纳金。另，员工的住房公积金也没缴上，想问能否缓缴。请相关部门予以答复。", Context{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, a := range rd.Asks {
		if a.Kind != seeds.KindNone && len(a.Measures) > 0 {
			got = append(got, a.Measures[0].Number)
		}
	}
	if !slices.Contains(got, 7) || !slices.Contains(got, 3) {
		t.Errorf("numbered demands and the ask after 另: measures %v, want 7 and 3", got)
	}
}

// TestKindPointerAsk: an ask pointing at a kind the story told (有这种保险
// 吗, 有没有相应的保险产品) is about what the story says of it: an
// insurance paying when an epidemic closes the business is the epidemic
// insurance, not the measure the asker's trade names.
func TestKindPointerAsk(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"企业因为突发疫情停产停业有损失，有没有相应的保险产品可以保障？", seeds.KindMeasure, 12, ""},
	})
	rd, err := testIndex.Read("民宿想买个保险，万一因为疫情封了不让营业，能赔点钱，有这种保险吗？", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) == 0 || len(rd.Asks[0].Measures) == 0 || rd.Asks[0].Measures[0].Number != 12 {
		t.Errorf("有这种保险吗 after an epidemic closure: %+v, want 第12条 first", rd.Asks)
	}
}

// TestSlangNoPlace: internet slang holding a city's name (蚌埠住了) or
// addressing the readers (家人们) names no other place and no topic: the
// arrears asked about are answered.
func TestSlangNoPlace(t *testing.T) {
	for _, q := range []string{
		"蚌埠住了，我们店电费欠了两个月，会不会给拉闸啊家人们",
		"蚌埠住了，工作室水费欠着没交，滞纳金能免吗",
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: no ask", q)
			continue
		}
		a := rd.Asks[0]
		if a.OtherPlace || a.Kind == seeds.KindNone || len(a.Measures) == 0 || a.Measures[0].Number != 7 {
			t.Errorf("%s: %s other place %v measures %v, want 第7条 and no other place", q, a.Kind, a.OtherPlace, a.Measures)
		}
	}
}

// TestMachineRenovation: old machines made to go online, "听说有钱补", is
// the technical and digital renovation measure.
func TestMachineRenovation(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"厂里想把几台老机器换成能联网的，听说这种改造有钱补，是真的吗", seeds.KindMeasure, 42, ""},
	})
}
