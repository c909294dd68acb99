package index

import (
	"slices"
	"testing"
)

// TestNoHedgeOnFiller: words that name no thing of the asker's case are
// never "没有提到" — a quantifier over staff (有的是) — and 网上/线上 of a
// way of doing business (网上直播, 线上教学) asks no online aspect, while
// 网上 of applying still does (trial 35's odd hedges).
func TestNoHedgeOnFiller(t *testing.T) {
	for q, m := range map[string]int{
		"我们厂里工人有的是租房住的 公积金能提出来交房租吗": 3,
	} {
		_, j := judgeAsked(t, q, m)
		if slices.Contains(j.Unnamed, "有的是") || slices.Contains(j.Unnamed, "有的") {
			t.Errorf("%q: unnamed %v", q, j.Unnamed)
		}
	}
	for q, want := range map[string]bool{
		"打算在网上直播卖点心 有没有补贴": false,
		"想搞线上教学 有补贴吗":      false,
		"这个能网上办吗":          true,
		"直播补贴能在线申请吗":       true,
	} {
		if got := slices.Contains(testIndex.cues.aspectsOf(q), AspectOnline); got != want {
			t.Errorf("%q: online aspect %v, want %v", q, got, want)
		}
	}
}
