package index

import (
	"testing"

	"policybot/seeds"
)

// TestOtherKind: a measure holding the ask's head is still a near miss
// when the ask names another kind of it than the measure's own (出口退税
// against 留抵退税; trial 6) or a year after every year the measure names;
// the measure's own kind, the year it names, and a year the speaker lives
// in ("都2026年了") keep the answer.
func TestOtherKind(t *testing.T) {
	cases := []struct {
		q       string
		kind    seeds.Kind
		measure int    // first measure, 0 for none
		missing string // Result.Missing
	}{
		{"做出口的 有退税政策吗", seeds.KindSuggest, 1, "出口退税"},
		{"2023年企业社保还能接着缓缴吗", seeds.KindSuggest, 2, "2023年"},
		{"明年（2023年）买车，车辆购置税还能减半吗", seeds.KindSuggest, 57, "2023年"},
		{"留抵退税怎么办理", seeds.KindMeasure, 1, ""},
		{"账上进项税一直抵不完 能退吗", seeds.KindMeasure, 1, ""},
		{"2022年买车购置税有优惠吗", seeds.KindMeasure, 57, ""},
		{"都2026年了 疫情早过去了 工业产品生产许可证还能顺延吗", seeds.KindMeasure, 16, ""},
		{"存量商办用房可以转换为哪些类型的住房？", seeds.KindMeasure, 60, ""},
		{"疫情这阵子贷款逾期了几天，会不会上征信黑名单", seeds.KindMeasure, 10, ""},
	}
	for _, c := range cases {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: no ask", c.q)
			continue
		}
		a := rd.Asks[len(rd.Asks)-1]
		got := 0
		if a.Kind != seeds.KindNone && len(a.Measures) > 0 {
			got = a.Measures[0].Number
		}
		if a.Kind != c.kind || got != c.measure || a.Missing != c.missing {
			t.Errorf("%s: %s %d missing %q, want %s %d missing %q", c.q, a.Kind, got, a.Missing, c.kind, c.measure, c.missing)
		}
	}
}

func TestLaterYear(t *testing.T) {
	ix := testIndex
	cases := []struct{ q, text, want string }{
		{"2023年还有房租减免吗", "2022年对承租国有房屋的减免3个月房屋租金", "2023年"},
		{"2022年还有房租减免吗", "2022年对承租国有房屋的减免3个月房屋租金", ""},
		{"2023年还有吗", "缓缴期限为2022年4月至2023年6月", ""},
		{"都2026年了 还能顺延吗", "2022年到期的，有效期顺延", ""},
		{"2023年还能顺延吗", "疫情期间到期的，有效期自动顺延", "2023年"}, // the guide's year (published 2022)
	}
	for _, c := range cases {
		if got := ix.laterYear(c.q, c.text); got != c.want {
			t.Errorf("laterYear(%q, %q) = %q, want %q", c.q, c.text, got, c.want)
		}
	}
}
