package index

import (
	"slices"
	"strings"
	"testing"
)

// TestJudgeScope: the asker's object, kind and amount are weighed against
// the clause of the measure that names them (the fourth new-user trial's
// misses, in new words): a village-owned house is not 国有, a goods van is
// not a 乘用车, an amount is read against the bound for the asked kind,
// and everyday words the text writes another way (用水、用电) are named.
func TestJudgeScope(t *testing.T) {
	cases := []struct {
		question    string
		measure     int
		verdict     string
		excluded    string // a substring of one Exclusion.Asked; "-" for none
		notUnnamed  string // a word that must not be among Unnamed
		rule        string // in Rule, when set
		conditional bool
	}{
		{question: "村集体的房子能减房租吗", measure: 4, excluded: "村集体"},
		{question: "小货车买了购置税能减半吗", measure: 57, excluded: "货车"},
		{question: "200万的货物采购项目能预留给中小企业吗", measure: 25, excluded: "-"},
		{question: "服务采购 不是工程 250万的能预留吗", measure: 25, excluded: "-"},
		{question: "工程采购项目300万的能预留吗", measure: 25, excluded: "300万"},
		{question: "水电欠费会停吗", measure: 7, verdict: "不会。", excluded: "-", notUnnamed: "水电"},
		{question: "没房子租房住 能提公积金吗", measure: 3, excluded: "-", notUnnamed: "租房"},
		{question: "我们不在封控区 食品经营许可证能顺延吗", measure: 16, excluded: "封控区"},
		// The food-business licence sentence decides, under its condition.
		{question: "食品经营许可证过期了能延期吗", measure: 16, verdict: "可以。", rule: "食品经营许可证", conditional: true},
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			var j Judgment
			if _, j = judgeAsked(t, c.question, c.measure); j.Verdict != c.verdict {
				t.Errorf("verdict %q, want %q (%+v)", j.Verdict, c.verdict, j)
			}
			switch c.excluded {
			case "":
			case "-":
				if len(j.Excluded) > 0 {
					t.Errorf("excluded %+v, want none", j.Excluded)
				}
			default:
				if !slices.ContainsFunc(j.Excluded, func(x Exclusion) bool { return strings.Contains(x.Asked, c.excluded) }) {
					t.Errorf("excluded %+v, want %q", j.Excluded, c.excluded)
				}
			}
			if c.notUnnamed != "" && (slices.Contains(j.Unnamed, c.notUnnamed) || slices.Contains(j.Doubted, c.notUnnamed)) {
				t.Errorf("unnamed %q, doubted %q: %q, which the text writes", j.Unnamed, j.Doubted, c.notUnnamed)
			}
			if c.conditional && !j.Conditional {
				t.Errorf("conditional %v, want %v (rule %q)", j.Conditional, c.conditional, j.Rule)
			}
			if c.rule != "" && !strings.Contains(j.Rule, c.rule) {
				t.Errorf("rule %q, want one naming %q", j.Rule, c.rule)
			}
		})
	}
}
