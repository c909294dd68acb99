package index

import (
	"testing"

	"policybot/seeds"
)

// TestEmployerBody: a body an out-of-scope topic names (幼儿园 of a
// child's schooling) asking an employer's relief the best measure covers
// (社保 缓缴) is the owner who runs it, answered; asked about the
// schooling itself (报名, a child's fees) it is still out of scope.
func TestEmployerBody(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我们这种幼儿园社保能不能缓一缓", seeds.KindMeasure, 2, ""},
		{"幼儿园交不上社保怎么办", seeds.KindMeasure, 2, ""},
		{"幼儿园报名什么时候开始", seeds.KindNone, 0, ""},
		{"孩子上幼儿园有补贴吗", seeds.KindNone, 0, ""},
	})
}

// TestEmployerCovered: the rule itself: the body word must be in the ask
// with a rest that has a head and that the measure covers.
func TestEmployerCovered(t *testing.T) {
	for _, c := range []struct {
		q    string
		n    int
		want bool
	}{
		{"幼儿园社保能缓交吗", 2, true},
		{"社保能缓交吗", 2, false},    // no body named
		{"幼儿园报名", 2, false},     // the rest is no relief of the measure
		{"幼儿园社保能缓交吗", 0, false}, // no measure
	} {
		tg := testIndex.tag(c.q)
		a := testIndex.analyse(c.q, 0)
		if got := testIndex.employerCovered(a.own(), c.n, 0, tg.pos); got != c.want {
			t.Errorf("%s / 第%d条: employerCovered %v, want %v", c.q, c.n, got, c.want)
		}
	}
}

// TestFixAALexicon: everyday forms of what the guide writes: a payment
// not settled (款还没结: 账款清欠), a fine had (罚过一次款 … 修复: 信用豁
// 免), joining what the story told (挂进去 a 乡村旅游线路).
func TestFixAALexicon(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"去年给镇政府做了一批宣传展板，到现在款还没结，这个能找谁", seeds.KindMeasure, 22, ""},
		{"我们被市场监管罚过一次款还公示了，现在投标老被卡，有没有办法修复", seeds.KindMeasure, 17, ""},
		{"景区这边搞乡村旅游线路，我们小卖部能不能挂进去宣传", seeds.KindMeasure, 69, ""},
	})
}
