package index

import (
	"testing"

	"policybot/seeds"
)

// TestHead: a measure ranked first on shared weak words (疫情, 平台, 补贴)
// that holds none of what the ask is about, or pays nothing for an ask
// for money, is offered as a near miss naming what the guide lacks, or
// declined; asks in other words than the guide's keep their answer.
func TestHead(t *testing.T) {
	cases := []firstAsk{
		// Near misses: the measure lacks the very thing asked for.
		{"疫情那会停业了 有没有停业补偿", seeds.KindSuggest, 12, "停业补偿"},
		{"想搞民宿 有扶持吗", seeds.KindSuggest, 69, "民宿扶持"},
		// An ask for money the best measure does not pay names what
		// the money is for, not the money alone (the guide has subsidies).
		{"农机 租赁 农民 补贴", seeds.KindSuggest, 60, "农机补贴"},
		// Buying farm machinery with a subsidy (买农机 补贴) is the national
		// programme itself, which the guide does not hold (trial 45).
		{"农机 租赁 农民 买农机 补贴", seeds.KindNone, 0, ""},
		// The measure holds none of the ask's head: declined.
		// 农机购置补贴 is a national programme ([named.text]) a guide's
		// 购置 of cars is not (stop 46; it was a near miss of 第57条).
		{"合作社想买拖拉机 有农机购置补贴吗", seeds.KindNone, 0, ""},
		{"想申请高新技术企业认定 要什么条件", seeds.KindNone, 0, ""},
		{"出口信用保险的保费有补贴吗", seeds.KindNone, 0, ""},
		// Everyday words for the guide's own: still answered.
		{"账上进项税一直抵不完 能退吗", seeds.KindMeasure, 1, ""},
		{"建冷库有没有钱支持", seeds.KindMeasure, 35, ""},
		{"政府工程欠我们小公司的钱一直不给 怎么办", seeds.KindMeasure, 22, ""},
		{"头一回找银行借钱 利息有补贴吗", seeds.KindMeasure, 9, ""},
		{"专精特新企业搞数字化改造 给多少奖励", seeds.KindMeasure, 42, ""},
		{"承租疫情中高风险地区国有房屋的，可减免几个月租金？", seeds.KindMeasure, 4, ""},
		{"我们是搞科研的创新公司，想冲专精特新、隐形冠军，区里有啥扶持", seeds.KindMeasure, 21, ""},
		// Another kind of the head than the measure's own (出口退税 against
		// 留抵退税; trial 6) is a near miss; a year after every year the
		// measure names is declined, naming the measure (TestLaterYearDeclined);
		// the measure's own kind, its year and a year the speaker lives in
		// ("都2026年了") keep the answer (modifier.go).
		{"做出口的 有退税政策吗", seeds.KindSuggest, 1, "出口退税"},
		{"2023年企业社保还能接着缓缴吗", seeds.KindNone, 0, "2023年"},
		{"明年（2023年）买车，车辆购置税还能减半吗", seeds.KindNone, 0, "2023年"},
		{"留抵退税怎么办理", seeds.KindMeasure, 1, ""},
		{"账上进项税一直抵不完 能退吗", seeds.KindMeasure, 1, ""},
		{"2022年买车购置税有优惠吗", seeds.KindMeasure, 57, ""},
		{"都2026年了 疫情早过去了 工业产品生产许可证还能顺延吗", seeds.KindMeasure, 16, ""},
		{"都2025年了企业社保缓缴还有没有", seeds.KindNone, 0, "2025年"},
		{"存量商办用房可以转换为哪些类型的住房？", seeds.KindMeasure, 60, ""},
		// A loan repaid late in the epidemic kept off the credit record is
		// 第17条's own rule (延期还贷等失信行为，不纳入…征信记录); 第10条's
		// 不影响征信记录 comes with the banks' deferrals (trial 44's judge).
		{"疫情这阵子贷款逾期了几天，会不会上征信黑名单", seeds.KindMeasure, 17, ""},
		// A near miss holding only the generic word of the ask (补贴), as
		// fully as the measures ranked after it, is declined (trial 43:
		// 价格临时补贴 offered for every kind of subsidy); a near miss
		// ranked alone keeps its offer.
		{"取暖补贴", seeds.KindNone, 0, ""},
		{"加油补贴", seeds.KindNone, 0, ""},
		{"买空调有补贴吗", seeds.KindSuggest, 63, "空调补贴"},
		{"物价涨了有补贴吗", seeds.KindMeasure, 81, ""},
	}
	checkFirstAsks(t, cases)
}

// TestLaterYearDeclined: an ask about a year after the measure's period
// ("2023年还能再减吗") is declined, not offered the measure as the
// closest (issue 18): the guide's measures are of their own period. The
// measure stays first, with the year as Missing, for the refusal to name.
func TestLaterYearDeclined(t *testing.T) {
	for _, c := range []struct {
		q       string
		measure int
		missing string
	}{
		{"我开的小超市租的是国企房子，2022年的房租减免已经享受过了，2023年还能再减吗？", 4, "2023年"},
		{"我们是做物流配送的公司，2022年已经按规定缓缴了住房公积金，可明年生意估计还是不好。2023年一月到三月的公积金还能接着缓缴吗？", 3, "2023年"},
		{"2023年企业社保还能接着缓缴吗", 2, "2023年"},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Fatalf("%s: no ask", c.q)
		}
		a := rd.Asks[0]
		if a.Kind != seeds.KindNone || len(a.Measures) == 0 || a.Measures[0].Number != c.measure || a.Missing != c.missing {
			t.Errorf("%s: %s %v missing %q, want none naming %d missing %q", c.q, a.Kind, a.Measures, a.Missing, c.measure, c.missing)
		}
	}
}

func TestGrow(t *testing.T) {
	cases := []struct {
		q, word string
		terms   []string
		want    string
	}{
		{"有没有停业补偿", "补偿", []string{"停业", "补偿"}, "停业补偿"},
		{"有农机购置补贴吗", "农机", []string{"农机", "购置", "补贴"}, "农机购置补贴"},
		{"想搞民宿 有扶持吗", "扶持", []string{"搞", "民宿", "扶持"}, "扶持"},
		{"别的", "补偿", []string{"补偿"}, "补偿"},
	}
	for _, c := range cases {
		if got := grow(c.q, c.word, c.terms); got != c.want {
			t.Errorf("grow(%q, %q) = %q, want %q", c.q, c.word, got, c.want)
		}
	}
}

// firstAsk is what a message's first ask must come to: its kind, its first
// measure (0 for none) and what it says is missing (Result.Missing).
type firstAsk struct {
	q       string
	kind    seeds.Kind
	measure int
	missing string
}

// checkFirstAsks reads each case's message alone and checks its first ask.
func checkFirstAsks(t *testing.T, cases []firstAsk) {
	t.Helper()
	for _, c := range cases {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: no ask", c.q)
			continue
		}
		a := rd.Asks[0]
		got := 0
		if a.Kind != seeds.KindNone && len(a.Measures) > 0 {
			got = a.Measures[0].Number
		}
		if a.Kind != c.kind || got != c.measure || a.Missing != c.missing {
			t.Errorf("%s: %s %d missing %q, want %s %d missing %q", c.q, a.Kind, got, a.Missing, c.kind, c.measure, c.missing)
		}
	}
}
