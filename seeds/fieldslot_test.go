package seeds

import (
	"os"
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

// TestReclaimField: in a corrupted policy list, a field line moved alone
// into another measure's fields, sharing nothing with that measure, goes
// back to the measure that lacks a field of its kind and whose words it
// repeats, in doubt. In the same text uncorrupted it stays where it is.
func TestReclaimField(t *testing.T) {
	measures := func(moved bool) []string {
		own := []string{"适用对象：承租区属国有房屋的餐饮企业"}
		var into []string
		if moved {
			own, into = nil, own
		}
		return slices.Concat(
			[]string{"1、 减免国有房屋租金", "政策内容：对承租区属国有房屋的服务业小微企业免除3个月租金。"}, own,
			[]string{"办理方式：向出租方提交申请", "责任单位：区国资委", "联系人及电话：甲某 010-69440011",
				"2、 餐饮企业纾困补助", "政策内容：对暂停堂食期间坚持营业的餐饮企业给予一次性补助。", "适用对象：区内餐饮企业",
				"办理方式：向所在街道提交申请", "责任单位：区商务局", "联系人及电话：乙某 010-69440022",
				"3、 降低宽带资费", "政策内容：协调电信运营商将宽带和专线资费再降10%。"}, into,
			[]string{"办理方式：免申即享", "责任单位：区经信局", "联系人及电话：丙某 010-69440033",
				"4、 稳岗返还", "政策内容：对不裁员的参保企业返还失业保险费。", "返还资金直接拨付至企业账户。", "适用对象：参保企业",
				"办理方式：免申即享", "责任单位：区人力社保局", "联系人及电话：丁某 010-69440044"})
	}
	const line = "适用对象：承租区属国有房屋的餐饮企业。"
	for _, tt := range []struct {
		name      string
		moved     bool
		corrupted bool
		want      int
		doubtful  bool
	}{
		{"moved, corrupted", true, true, 1, true},
		{"moved, clean text", true, false, 3, false},
		{"in place", false, true, 1, false},
	} {
		ms := measures(tt.moved)
		if tt.corrupted {
			// A copy of a measure's sentence ahead of its place: the
			// corruption that also moves sentences. The line shares
			// words with measure 2 as well (餐饮企业), which holds its own
			// 适用对象: among all measures content is not clear, among
			// those lacking the field it is.
			ms = slices.Insert(ms, 2, "返还资金直接拨付至企业账户。")
		}
		g, err := Parse([]byte(listOf(ms...)))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range g.Measures {
			i := slices.Index(m.Details, line)
			if (i >= 0) != (m.Number == tt.want) {
				t.Errorf("%s: measure %d details %q, want the line on measure %d", tt.name, m.Number, m.Details, tt.want)
			}
			if i >= 0 && m.IsDoubtful(i) != tt.doubtful {
				t.Errorf("%s: measure %d holds the line, doubtful %v, want %v", tt.name, m.Number, m.IsDoubtful(i), tt.doubtful)
			}
		}
	}
}

// TestFieldSlotsOutsideLists: a layout that is no policy list but writes
// one labelled field per measure (a Q&A guide's 政策依据 under each answer,
// a notice's 办理渠道 line) gets a field line the corruption moved into
// another measure's text back to the measure that lacks one, as a policy
// list does (see placeByField). Over seeds 1-20 of the two format guides
// so written, 961 of 1,040 measures kept exactly their follow-ups with the
// rule confined to policy lists, 974 with it.
func TestFieldSlotsOutsideLists(t *testing.T) {
	if testing.Short() {
		t.Skip("twenty scrambled copies of two guides")
	}
	if raceEnabled {
		// A figure over twenty copies, no concurrency: the README's
		// plain run asserts it (see figureSeeds).
		t.Skip("twenty scrambled copies of two guides; asserted by the plain run")
	}
	t.Parallel()
	var all followUpCount
	for _, name := range []string{"testdata/formats/songling-2022-qa/guide.txt", "testdata/formats/qingya-2022-consult-lines/guide.txt"} {
		clean, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c := keptFollowUps(t, clean, 20)
		t.Logf("%s %v", name, c)
		all.add(c)
	}
	if share := float64(all.kept) / float64(all.total); share < 0.935 {
		t.Errorf("follow-ups kept on %.2f%% of measures, want at least 93.5%%", 100*share)
	}
}
