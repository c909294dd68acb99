package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestUnitShortForms: the short forms people use come from a unit's own
// name by the common abbreviation rules, for any guide's spelling.
func TestUnitShortForms(t *testing.T) {
	for _, c := range []struct {
		name           string
		short, suffixd []string
	}{
		{"区人力资源和社会保障局", []string{"人力资源和社会保障", "人社", "人力社保"}, []string{"人社局", "人力社保局"}},
		{"区人力社保局", []string{"人力社保", "人社"}, []string{"人社局"}},
		{"区人保局", []string{"人保", "人社", "人力社保"}, []string{"人社局", "人力社保局"}},
		{"区税务局", []string{"税务"}, nil},
		{"区发展和改革委员会", []string{"发展和改革", "发改"}, []string{"发改委员会"}},
		{"区规自分局", []string{"规自"}, nil},
		{"区政务服务局（区公共资源交易中心）", []string{"政务服务", "政务"}, []string{"政务局"}},
		{"区文化广电体育和旅游局", []string{"文化广电体育和旅游", "文旅", "文广旅体", "文旅广体"}, []string{"文旅局", "文广旅体局", "文旅广体局"}},
		{"区文化和广电旅游体育局", []string{"文化和广电旅游体育", "文旅", "文广旅体"}, []string{"文旅局", "文广旅体局"}},
		{"区科委", nil, nil}, // 科 alone is no name
		{"北京住房公积金管理中心密云管理部", nil, nil},
		{"各镇街", nil, nil},
	} {
		if got := unitShortForms(c.name); !slices.Equal(got, c.short) {
			t.Errorf("unitShortForms(%s) = %v, want %v", c.name, got, c.short)
		}
		if got := unitSuffixedForms(c.name); !slices.Equal(got, c.suffixd) {
			t.Errorf("unitSuffixedForms(%s) = %v, want %v", c.name, got, c.suffixd)
		}
	}
}

// TestListByUnit: a list limited to one unit ("人社方面有哪些补贴") is that
// unit's measures, of the kind asked when one is named, in the embedded
// guide and in another district's guide, which has no alias file.
func TestListByUnit(t *testing.T) {
	mentougou := openGuide(t, "mentougou-2022")
	for _, c := range []struct {
		ix     *Index
		q      string
		kind   seeds.Kind
		want   []int // nil: not a list by unit
		byUnit bool
	}{
		{testIndex, "人社方面有哪些补贴", seeds.KindMeasure, []int{72}, true}, // 70, 71, 73 pay nothing
		{testIndex, "商务部门有什么补贴", seeds.KindChoice, []int{62, 65}, true},
		{testIndex, "税务方面有哪些政策", seeds.KindMeasure, []int{1}, true},
		{mentougou, "门头沟还有哪些人社方面的补贴", seeds.KindChoice, []int{7, 8, 9, 10}, true},
		{mentougou, "人社有哪些补贴", seeds.KindChoice, []int{7, 8, 9, 10}, true},
		{mentougou, "人社局有哪些政策", seeds.KindChoice, []int{6, 7, 8, 9, 10}, true},
		{mentougou, "税务局有哪些优惠", seeds.KindChoice, []int{1, 2, 4}, true},
		{mentougou, "经信这块有啥扶持", seeds.KindChoice, []int{20, 21}, true},
		// Not lists by unit: a kind the unit offers none of, a contact, a
		// word that only begins with a short form.
		{mentougou, "人社局有哪些贷款", "", nil, false},
		{mentougou, "人社局电话", seeds.KindUnit, nil, false},
		{mentougou, "税务登记有哪些材料", "", nil, false},
	} {
		rd, err := c.ix.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		a := rd.Asks[len(rd.Asks)-1]
		var got []int
		for _, h := range a.Measures {
			got = append(got, h.Number)
		}
		switch {
		case a.ByUnit != c.byUnit:
			t.Errorf("%s: by unit %v, want %v (%s %v)", c.q, a.ByUnit, c.byUnit, a.Kind, got)
		case c.kind != "" && a.Kind != c.kind:
			t.Errorf("%s: %s %v, want %s", c.q, a.Kind, got, c.kind)
		case c.want != nil && !slices.Equal(got, c.want):
			t.Errorf("%s: %v, want %v", c.q, got, c.want)
		}
	}
}

// TestFormerUnitNames: the names owners still use for a unit (国税局 for
// 区税务局, 劳动局 for 区人力社保局) find the unit that does the work today,
// whatever the guide calls it; a name no unit answers to finds none, and
// of a bureau and its centre the bureau.
func TestFormerUnitNames(t *testing.T) {
	units := func(names ...string) []*Unit {
		var us []*Unit
		for _, n := range names {
			us = append(us, &Unit{Name: n})
		}
		return us
	}
	guideA := units("区税务局", "区人力社保局", "区市场监管局", "区住建委", "区经信局", "区文旅局", "区卫健委", "区人力社保局社会保险管理中心")
	guideB := units("区税务局第一税务所", "区人保局", "区市场监督管理局", "区经济和信息化局", "区社会保险事业管理中心", "区文化和旅游局", "区房屋管理局", "区住房和城乡建设局")
	for _, c := range []struct {
		units []*Unit
		name  string
		want  string // "": none
	}{
		{guideA, "国税局", "区税务局"},
		{guideA, "管发票的", "区税务局"},
		{guideA, "工商局", "区市场监管局"},
		{guideA, "物价局", "区市场监管局"},
		{guideA, "劳动局", "区人力社保局"},
		{guideA, "社保局", "区人力社保局社会保险管理中心"},
		{guideA, "房管局", "区住建委"},
		{guideA, "经信委", "区经信局"},
		{guideA, "卫生局", "区卫健委"},
		{guideA, "旅游局", "区文旅局"},
		{guideA, "安监局", ""},
		{guideB, "地税局", "区税务局第一税务所"},
		{guideB, "劳动局", "区人保局"},
		{guideB, "社保局", "区社会保险事业管理中心"},
		{guideB, "质监局", "区市场监督管理局"},
		{guideB, "经信委", "区经济和信息化局"},
		{guideB, "文化局", "区文化和旅游局"},
		{guideB, "房管局", "区房屋管理局"},
		{guideB, "建委", "区住房和城乡建设局"},
		{guideB, "卫生局", ""},
	} {
		got := ""
		if u := formerAliases(c.units)[c.name]; u != nil {
			got = u.Name
		}
		if got != c.want {
			t.Errorf("%s in %v: %q, want %q", c.name, c.units[0].Name, got, c.want)
		}
	}
	for _, c := range []struct {
		name string
		want []string
	}{
		{"区住建委", []string{"住建局"}},
		{"区文旅局", []string{"文旅委"}},
		{"区人力资源和社会保障局", []string{"人力资源和社会保障委", "人社委", "人力社保委"}},
		{"区规自分局", nil},
	} {
		if got := swappedSuffixForms(c.name); !slices.Equal(got, c.want) {
			t.Errorf("swappedSuffixForms(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}
