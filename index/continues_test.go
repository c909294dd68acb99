package index

import (
	"slices"
	"testing"
)

// TestContinuesDeclined: an ask naming no thing of its own (费用多少,
// 多少天, 还是先公示) after an ask of the message declined on out-of-scope
// evidence asks of that matter and is declined with it, not answered by
// whatever measure its generic word ranks first (h36o14, h36o16). A bare
// cost or interest word (head.aspect) after a household's 房贷 takes the
// story's evidence (h36o24). An ask with a thing of its own after the
// declined one (房租), or the same bare words after an answerable ask or
// with the enterprise's own loan, is answered as before.
func TestContinuesDeclined(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"商标被人抢注了，怎么申请无效宣告？费用多少？", nil},
		{"营业执照怎么注销？多少天？还是先公示？", nil},
		{"我房贷还剩80万，要是提前还20万，能省多少利息？", nil},
		{"商标被抢注了怎么申请无效宣告？另外国企的房子房租能减免吗？", []int{4}},
		{"核酸检测有补贴吗？费用多少？", []int{66}},
		{"我们小饭馆贷款还剩80万，首贷贴息能省多少利息？", []int{9}},
	} {
		rd, got := answeredFirsts(t, c.q)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: answered with %v, want %v (%d asks)", c.q, got, c.want, len(rd.Asks))
		}
	}
}
