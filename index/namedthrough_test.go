package index

import "testing"

// TestNamedThrough: an out-of-scope topic word the synonyms read as words a
// measure names (公租房 as 公共租赁住房) is that measure's topic; one part of
// the reading alone (住房 in 住房公积金) is not, nor is a word without one.
func TestNamedThrough(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"对受疫情影响收入明显下降的公共租赁住房承租家庭，可申请缓交房屋租金", "公租房", true},
		{"可申请缓缴住房公积金", "公租房", false},
		{"对电梯、锅炉等特种设备，定期检验费用按标准的50%收取", "电梯年检", true},
		{"对电梯、锅炉等特种设备减免检测费", "电梯年检", false},
		{"鼓励平台对受疫情影响暂停堂食的商户减免佣金", "抽成", true},
		{"办理护照", "护照", false},
		{"", "公租房", false},
	} {
		if got := testIndex.namedThrough(c.text, c.word); got != c.want {
			t.Errorf("namedThrough(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}
