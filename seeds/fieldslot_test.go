package seeds

import (
	"slices"
	"testing"
)

// TestFieldIntruderByPull: measure 1 holds two 适用对象 fields, placed
// alike by position. The intruder is the one that a measure without such
// a field (measure 2) claims, even where it shares a word or two with
// measure 1 and measure 1's own field shares less.
func TestFieldIntruderByPull(t *testing.T) {
	text := listOf(
		"1、 减免房屋租金", "政策内容：对承租区属国有房屋的小微企业减免3个月租金。",
		"适用对象：参加本区社会保险、缓缴社会保险费的小微企业。", "适用对象：在本区登记纳税的承租人。",
		"责任单位：区国资委", "联系人及电话：甲某 010-69440011",
		"2、 社会保险费缓缴", "政策内容：参加社会保险的企业可缓缴养老、失业和工伤保险单位缴费。",
		"责任单位：区人力社保局", "联系人及电话：乙某 010-69440022",
		"3、 贷款贴息", "政策内容：按贷款利息的50%给予贴息。", "适用对象：有银行贷款的中小企业。",
		"责任单位：区金融办", "联系人及电话：丙某 010-69440033",
		"4、 稳岗返还", "政策内容：中小微企业返还失业保险费的90%。", "适用对象：不裁员少裁员的企业。",
		"责任单位：区人力社保局", "联系人及电话：丁某 010-69440044",
	)
	g, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		measure int
		detail  string
	}{
		{1, "适用对象：在本区登记纳税的承租人。"},
		{2, "适用对象：参加本区社会保险、缓缴社会保险费的小微企业。"},
	} {
		if m := g.Measure(tt.measure); m == nil || !slices.Contains(m.Details, tt.detail) {
			t.Errorf("measure %d lacks %q: %+v", tt.measure, tt.detail, m)
		}
	}
}
