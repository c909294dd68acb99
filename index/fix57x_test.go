package index

import (
	"slices"
	"testing"
)

// TestAskMovesOffTopic (trials 50 and 51, stop 57): the ask's own evidence
// against the measure carried from the turn before. A measure named by
// number in the statements around the ask, or a term a recent measure
// writes word for word and the topic nowhere, is what the ask is about; a
// message opening on another question ("另外问下") whose search says its
// words better elsewhere is a question of its own. Follow-ups naming
// nothing of another measure stay on the topic.
func TestAskMovesOffTopic(t *testing.T) {
	loans := Context{Topic: 10, Recent: []int{4, 2, 16, 10}, Question: "我们有贷款，银行那边能不能延期还"}
	arrears := Context{Topic: 22, Recent: []int{22}, Question: "政府欠我们钱不给，有没有管这个的部门"}
	for _, c := range []struct {
		msg     string
		c       Context
		onTopic bool
		about   int // with onTopic: the measure the ask is about (0: the topic)
	}{
		{"我是问房租减免那条，第4条说的服务业小微企业，我们洗浴中心算不算", loans, true, 4},
		{"洗浴算不算服务业小微企业啊，我们营业执照是个有限公司，十几个人", loans, true, 4},
		{"另外问下，我们这种小公司想接政府的采购单子，有没有照顾小企业的", arrears, false, 0},
		{"再问下 我们这种小公司想接政府的采购单子 有没有照顾", arrears, false, 0},
		// Follow-ups that stay.
		{"个体工商户也能延期吗", loans, true, 0},
		{"另外问下 这个找谁办", arrears, true, 0},
		{"另外问下，政府欠的钱能要回来吗", arrears, true, 0},
		{"还有，员工的医疗保险也能缓吗", Context{Topic: 2, Recent: []int{2}, Question: "社保能缓交吗"}, true, 0},
		// The number the ask itself names settles it as before.
		{"第4条找谁", loans, false, 0},
	} {
		a, ok := readOne(t, c.msg, c.c)
		if !ok {
			continue
		}
		if a.OnTopic != c.onTopic || a.OnTopic && a.About != c.about {
			t.Errorf("%s: on topic %v about %d (measures %v), want %v about %d", c.msg, a.OnTopic, a.About, a.Measures, c.onTopic, c.about)
		}
	}
}

// TestStillNowAsksPeriod: an ask whether something may still be done in
// the time the owner lives in (现在, 如今, a year after the guide's), however
// it ends, asks the period; "还能" alone, or a time word with no 还能 after
// it, does not.
func TestStillNowAsksPeriod(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"谢谢 那社保缓缴那个 现在2026年了还能办不", true},
		{"社保缓缴 2026年了还能办么", true},
		{"如今还可以申请吗", true},
		{"我们是个体户还能办不", false},
		{"现在生意不好 社保能缓吗", false},
		{"2022年还能办吗", false},
	} {
		if got := testIndex.stillNow(c.msg); got != c.want {
			t.Errorf("stillNow(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
	a, ok := readOne(t, "谢谢 那社保缓缴那个 现在2026年了还能办不", Context{Topic: 2, Recent: []int{2}})
	if ok && (!a.OnTopic || !slices.Contains(a.Aspects, AspectDeadline)) {
		t.Errorf("on topic %v aspects %v, want a deadline ask on the topic", a.OnTopic, a.Aspects)
	}
}
