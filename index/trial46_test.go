package index

import (
	"slices"
	"strings"
	"testing"
)

// TestTrial46Words: everyday words for a guide's words that trial 46's
// owners used. Old machines replaced (老设备想换新的) are a technical
// renovation; villagers hired (村里的人) are rural labour; 信用 inside a
// lender's name (信用社) asks nothing about a credit record, so a loan
// deferral asked of one is the loan measure's.
func TestTrial46Words(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want []int // the first measure of each ask answered, in order
	}{
		{"我的车间里有台老设备想换新的 有没有技改补贴", []int{42}},
		{"厂里的旧设备想更新一下 区里有支持吗", []int{42}},
		{"我们基地还想招几个村里的人干活，有没有招工补贴", []int{73}},
		{"我们合作社贷款 延期还款能办吗 信用社的贷款", []int{10}},
		// A yes-or-no ask naming only the asker's kind puts the owner's
		// case to the relief heard of beside it, not to a measure that
		// names that kind (房租减免 for 个体户).
		{"听说有首贷贴息 我们个体户能办吗", []int{9}},
		{"谢谢 我再打王楠试试。对了 听说有首次贷款贴息 我们个体户能办吗", []int{9}},
	} {
		if _, got := answeredFirsts(t, c.msg); !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
	}
	for q, want := range map[string]bool{
		"信用社的贷款能延期吗":   false,
		"农信社贷款还不上怎么办":  false,
		"贷款逾期会影响信用吗":   true,
		"疫情期间被罚了 上征信吗": true,
	} {
		if got := slices.Contains(testIndex.cues.aspectsOf(q), AspectCredit); got != want {
			t.Errorf("%q: credit aspect %v, want %v", q, got, want)
		}
	}
}

// TestFirmRuleOfSeveral: of a measure that encourages one thing and rules
// another, the rule judged is the sentence saying more of the ask's words
// (纸质, 标书), not the first sentence writing a word as long (投标): the
// paper tender documents' 不得收取任何费用 is a rule, no encouragement.
func TestFirmRuleOfSeveral(t *testing.T) {
	_, j := judgeAsked(t, "投标的时候纸质标书要收钱吗 上次代理机构收了我们500块", 26)
	if j.Encouraged || !strings.Contains(j.Rule, "电子招标文件") {
		t.Errorf("rule %q, encouraged %v: want the paper documents' rule", j.Rule, j.Encouraged)
	}
	if _, j := judgeAsked(t, "投标保证金能不能免", 26); !j.Encouraged {
		t.Errorf("bid guarantee: rule %q not encouraged", j.Rule)
	}
}

// TestNoHedgeOnPremises: the asker's own premises (店门口, 店里) are where
// the case happens, nothing a measure must name: no "没有提到" of them.
func TestNoHedgeOnPremises(t *testing.T) {
	for q, m := range map[string]int{
		"我们店门口那条街说要改造 搞什么智慧商圈 我们店能参与吗": 38,
		"我店里有个员工是今年刚毕业的大学生 招他有补贴吗":     72,
	} {
		_, j := judgeAsked(t, q, m)
		if slices.ContainsFunc(j.Unnamed, func(w string) bool { return strings.Contains(w, "店里") || strings.Contains(w, "门口") }) {
			t.Errorf("%q: unnamed %v", q, j.Unnamed)
		}
	}
}
