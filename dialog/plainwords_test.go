package dialog

import (
	"strings"
	"testing"
)

// TestOtherRulePeriod: a measure whose one sentence has an ended period,
// asked about another sentence that has none (第3条's rent withdrawal
// beside its deferral), says whose period the deadline line quotes; asked
// about the sentence with the period, it adds nothing (trial 46 p8 T12).
func TestOtherRulePeriod(t *testing.T) {
	for i, c := range []struct {
		q         string
		want, not string
	}{
		{"快递员想在密云租房子 公积金能提出来交房租吗", "原文未写期限", ""},
		{"公积金能缓缴吗", "缓缴期限为2022年4月至12月", "原文未写期限"},
		{"社保能缓交吗", "2022年12月31日结束", "原文未写期限"},
	} {
		e := newEngine(newMemStore())
		got := allText(say(t, e, int64(i), c.q))
		if !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
			t.Errorf("%s:\n%s", c.q, got)
		}
	}
}

// TestOverviewRuledOutLine: a broad opener telling a private landlord
// lists what fits and says why the rent measure for 国有房屋 is not
// listed (trial 47 p2 T1).
func TestOverviewRuledOutLine(t *testing.T) {
	e := newEngine(newMemStore())
	got := allText(say(t, e, 1, "我是开健身工作室的，在密云鼓楼那边，私教为主，疫情一来会员全退卡了，场地是租的私人房东的。想问问有什么政策能帮帮我们"))
	for _, want := range []string{"适合您这类", "第4条原文写的是“国有”，“私人”的情况不在其范围内"} {
		if !strings.Contains(got, want) {
			t.Errorf("reply lacks %q:\n%s", want, got)
		}
	}
}

// TestStillNowPeriodFirst: "现在…还能办不" about a measure whose period is
// over says so before any sentence it quotes, with the date (trial 51 p4
// T12 quoted 第2条 and never said its deferral ended in 2022).
func TestStillNowPeriodFirst(t *testing.T) {
	e := newEngine(newMemStore())
	say(t, e, 1, "社保能缓交吗")
	got := allText(say(t, e, 1, "谢谢 那社保缓缴那个 现在2026年了还能办不"))
	ended, quoted := strings.Index(got, "已于2022年12月31日结束"), strings.Index(got, "原文：")
	if ended < 0 || quoted >= 0 && quoted < ended {
		t.Errorf("the ended period is not said first:\n%s", got)
	}
}
