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

// TestUnsureWhomToCall: "有啥不明白的" only says why the owner asks whom to
// call: after a measure the ask is its contact, not a search for 明白;
// and "我弄明白了" is thanks, though it says 明白 instead of 谢谢.
func TestUnsureWhomToCall(t *testing.T) {
	for _, q := range []string{"要是有什么不明白的 打哪个电话", "要是有不懂的 找谁"} {
		rd, err := testIndex.Read(q, Context{Topic: 2})
		if err != nil || len(rd.Asks) != 1 {
			t.Fatalf("%q: %+v %v", q, rd, err)
		}
		if a := rd.Asks[0]; !a.OnTopic || !a.Has(AspectContact) {
			t.Errorf("%q: words %v, on topic %v: want the topic's contact", q, a.Words, a.OnTopic)
		}
	}
	for _, q := range []string{"好 我弄明白了", "搞清楚了 谢谢"} {
		if s := testIndex.smallTalk(q); s == nil || !s.Thanks {
			t.Errorf("%q: small talk %+v, want thanks", q, s)
		}
	}
}

// TestMoneyAskedNamedOtherwise: money asked for (补贴) of a measure that
// pays it under another name (奖励, 分档支持) is nothing the measure leaves
// unnamed (trial 35: "第42条没有提到补贴").
func TestMoneyAskedNamedOtherwise(t *testing.T) {
	for _, q := range []string{"绿色低碳的技改项目有补贴吗", "数字化改造有没有补助"} {
		_, j := judgeAsked(t, q, 42)
		if slices.Contains(j.Unnamed, "补贴") || slices.Contains(j.Unnamed, "补助") {
			t.Errorf("%q: unnamed %v", q, j.Unnamed)
		}
	}
}
