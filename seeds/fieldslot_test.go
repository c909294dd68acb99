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

// TestAlternativeFieldIntruder: the list gives each measure either 适用对象
// or 申报条件, never both. In a corrupted copy (a sentence copied) measure 1
// holds both, placed alike by position: one came from elsewhere, and the
// one that a measure lacking either field claims (measure 6) goes there,
// in doubt. In the same text without the copy nothing moves.
func TestAlternativeFieldIntruder(t *testing.T) {
	moved := "申报条件：受疫情影响停工停产的餐饮企业。"
	measures := func(copied bool) []string {
		extra := []string{"企业可通过网上平台提交申请。"}
		if copied {
			extra = append(extra, extra[0])
		}
		return slices.Concat(
			[]string{"1、 减免房屋租金", "政策内容：对承租区属国有房屋的小微企业减免3个月租金。", "适用对象：承租国有房屋的小微企业。", moved,
				"责任单位：区国资委", "联系人及电话：甲某 010-69440011",
				"2、 贷款贴息", "政策内容：按贷款利息的50%给予贴息。", "申报条件：有银行贷款的中小企业。"}, extra,
			[]string{"责任单位：区金融办", "联系人及电话：乙某 010-69440022",
				"3、 稳岗返还", "政策内容：中小微企业返还失业保险费的90%。", "适用对象：不裁员少裁员的企业。", "办理方式：免申即享。",
				"责任单位：区人力社保局", "联系人及电话：丙某 010-69440033",
				"4、 研发补贴", "政策内容：按研发投入的10%给予补贴。", "申报条件：在本区纳税的科技型企业。", "办理方式：向区科委提交申请。",
				"责任单位：区科委", "联系人及电话：丁某 010-69440044",
				"5、 展会补贴", "政策内容：按展位费的50%给予补贴。", "适用对象：参加境外展会的外贸企业。", "办理方式：展会结束后提交申请。",
				"责任单位：区商务局", "联系人及电话：戊某 010-69440055",
				"6、 餐饮企业复工补助", "政策内容：对受疫情影响停工停产的餐饮企业给予一次性复工补助。", "办理方式：向所在街道提交申请。",
				"责任单位：区商务局", "联系人及电话：己某 010-69440066"})
	}
	for _, tt := range []struct {
		copied bool
		want   int
	}{{false, 1}, {true, 6}} {
		g, err := Parse([]byte(listOf(measures(tt.copied)...)))
		if err != nil {
			t.Fatal(err)
		}
		m := g.Measure(tt.want)
		if m == nil || !slices.Contains(m.Details, moved) {
			t.Errorf("copied %v: measure %d lacks %q: %+v", tt.copied, tt.want, moved, m)
			continue
		}
		if i := slices.Index(m.Details, moved); m.IsDoubtful(i) != tt.copied {
			t.Errorf("copied %v: %q on measure %d doubtful %v", tt.copied, moved, tt.want, m.IsDoubtful(i))
		}
	}
}
