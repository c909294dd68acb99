package seeds

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestMonotone: the follow-ups of a stretch go to its measures in order,
// for the highest total score, even where one sentence alone would lean
// back to the earlier measure.
func TestMonotone(t *testing.T) {
	tests := []struct {
		name   string
		scores [][]float64 // per sentence, per candidate measure in order
		want   []int
	}{
		{"each its best", [][]float64{{0.4, 0.1}, {0.0, 0.15}}, []int{0, 1}},
		{"order kept", [][]float64{{0.05, 0.15}, {0.27, 0.15}}, []int{0, 0}},
		{"all later", [][]float64{{0.0, 0.15}, {0.1, 0.15}, {0.0, 0.2}}, []int{1, 1, 1}},
		{"one sentence", [][]float64{{0.1, 0.3, 0.2}}, []int{1}},
	}
	for _, tt := range tests {
		var bs []blindOrphan
		for _, s := range tt.scores {
			bs = append(bs, blindOrphan{near: []int{4, 5, 6}[:len(s)], score: s})
		}
		if got := monotone(bs); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestAdjacentStretchInOrder: 第1条's contact block and 第2条's start were
// moved away together, so 第1条's and 第2条's follow-ups stand between
// 第1条's start and 第2条's contact block, 第1条's first. The first
// sentence shares its words with 第2条 (社会保险补贴), but a sentence after
// it is plainly 第1条's: in that order it is 第1条's too, not 第2条's as it
// would be alone.
func TestAdjacentStretchInOrder(t *testing.T) {
	topics := []string{"", "", "", "对受疫情影响的企业延期申报纳税", "鼓励金融机构对中小微企业贷款延期还本付息", "加快推进平台经济保险试点",
		"对餐饮企业给予防疫消杀补贴", "支持商圈开展促消费活动", "对新升规工业企业给予奖励", "推行容缺受理", "开通企业诉求专线",
		"支持文化企业发展", "保障项目用地"}
	block := func(n int) string {
		return fmt.Sprintf("牵头单位：区%d局联系人：区%d局张%d联系方式：010-6000%04d", n, n, n, n)
	}
	var b strings.Builder
	b.WriteString("一、第一部分（一）甲1.对小微企业减免房屋租金，减免三个月。")
	b.WriteString("已享受社会保险补贴的企业也可申请。")               // 第1条's, echoing 第2条
	b.WriteString("出租人减免租金的可按规定减免当年房产税。")            // 第1条's
	b.WriteString("补贴按季度拨付到企业账户。")                   // 第2条's, before its block
	b.WriteString(block(2) + "3." + topics[3] + "。") // 第2条's block
	for n := 3; n < 12; n++ {
		if n == 6 { // 第1条's block and 第2条's start, moved
			b.WriteString(block(1) + "2.对招用高校毕业生的企业给予社会保险补贴。")
		}
		b.WriteString(block(n) + fmt.Sprintf("%d.", n+1) + topics[n+1] + "。")
	}
	b.WriteString(block(12))
	g, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		1: {"已享受社会保险补贴的企业也可申请。", "出租人减免租金的可按规定减免当年房产税。"},
		2: {"补贴按季度拨付到企业账户。"},
	}
	for n, w := range want {
		if m := g.Measure(n); m == nil || !slices.Equal(m.Details, w) {
			t.Errorf("第%d条: %+v, want details %q", n, m, w)
		}
	}
}
