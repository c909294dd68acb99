package index

import (
	"strings"
	"testing"

	"policybot/seeds"
)

// TestQuoteFieldLabels: in a guide of labelled fields (a 政策清单), the
// field that names the asked aspect is the quote, although the measure's
// first sentence has more of the question's words.
func TestQuoteFieldLabels(t *testing.T) {
	m := &seeds.Measure{Number: 1, Text: "阶段性缓缴社会保险费：对受疫情影响的中小微企业缓缴社会保险费，缓缴期间免收滞纳金。",
		Details: []string{"支持对象：受疫情影响生产经营困难的中小微企业和以单位方式参保的个体工商户。",
			"申报方式：登录社会保险网上服务平台提交缓缴申请和书面承诺。", "兑现时间：2022年12月31日。"}}
	for _, c := range []struct {
		aspects []Aspect
		want    string
	}{
		{[]Aspect{AspectConditions}, "支持对象："},
		{[]Aspect{AspectWho}, "支持对象："},
		{[]Aspect{AspectApply}, "申报方式："},
	} {
		qs := testIndex.Quote(m, c.aspects, []string{"社会保险费", "缓缴"}, "")
		if len(qs) == 0 || !strings.HasPrefix(qs[0].Text, c.want) {
			t.Errorf("%v: %+v, want the %s field first", c.aspects, qs, c.want)
		}
	}
	for text, want := range map[string]string{"申报方式：网上": "申报方式", "对受疫情影响的企业：": "", "2022年：": "", "无冒号": ""} {
		if got := fieldLabel(text); got != want {
			t.Errorf("fieldLabel(%q) = %q, want %q", text, got, want)
		}
	}
}
