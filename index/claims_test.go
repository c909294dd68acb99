package index

import (
	"slices"
	"testing"
)

// TestReportedClaims: a quote after a verb of saying is a claim; a quoted
// term, a short slogan or a relayed question is none.
func TestReportedClaims(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"会计说:“社保缓缴可以，但补交要加滞纳金。”她说得对吗", []string{"社保缓缴可以，但补交要加滞纳金。"}},
		{`房东跟我讲"国企才减租，你这个不算"，真是这样吗`, []string{"国企才减租，你这个不算"}},
		{"会计说:“社保能缓交，不加滞纳金。”她还说:“水电费欠着也不停供。”对吗", []string{"社保能缓交，不加滞纳金。", "水电费欠着也不停供。"}},
		{"有个“大桃贷”的产品，利率多少", nil},
		{"他说:“欠费不停供”", nil},
		{"客户问我:“你们店房租能减吗？”我该怎么回答", nil},
		{"房东说:“国企才减租", nil},
	} {
		var got []string
		for _, q := range reportedClaims(c.text) {
			got = append(got, c.text[q.start:q.end])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("reportedClaims(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPerClaim: an ask checking what someone said ("他们说的对吗", "他这么
// 说合理吗") is asked of each claim quoted before it, the claim its
// subject; an ask with a subject of its own keeps it, and a claim's own
// clauses are no ask. Before, the two claims below were one ask answered
// with the utilities measure alone, and the rent claim was declined.
func TestPerClaim(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int // the first measure of each ask, in order
	}{
		{"银行的客户经理跟我说：“首次贷款的贴息只给大企业，个体户没份。”我朋友还说：“疫情期间水电费欠着也照样停供。”他们说的对吗？", []int{9, 7}},
		{"我们会计说：“社保缓缴可以，但以后补交要加滞纳金。”她还说：“水电燃气欠费也一样。”她说的这两条对吗？", []int{2, 7}},
		{"房东跟我说：“国企的房子才减租，你租的是二房东的不算。”他这么说合理吗？", []int{4}},
	} {
		rd := must2(testIndex.Read(c.q, Context{}))
		var got []int
		for _, a := range rd.Asks {
			if len(a.Measures) > 0 && a.Kind != "none" {
				got = append(got, a.Measures[0].Number)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: asks answer %v, want %v", c.q, got, c.want)
		}
	}
}
