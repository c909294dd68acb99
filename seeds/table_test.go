package seeds

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTableRowMoved: in a table written one cell per line, a sentence
// holds the end of one row and the start of the next, up to the 。 of its
// text. Moved elsewhere in the table, or ahead of the table, it is put
// back by the row number it holds, and both rows keep their cells. The
// last row's start moved ahead of the table leaves the table's last cells
// after the row before it: they are still the last row's.
func TestTableRowMoved(t *testing.T) {
	for _, tt := range []struct{ sent, to int }{
		{4, 5}, // after the next row's sentence
		{4, 1}, // before the header
		{5, 1}, // the last row's start, before the header
	} {
		t.Run(fmt.Sprint(tt.sent, "to", tt.to), func(t *testing.T) { tableRowMovedTo(t, tt.sent, tt.to) })
	}
}

func tableRowMovedTo(t *testing.T, sent, to int) {
	var b strings.Builder
	b.WriteString("某区助企纾困若干政策措施的公告\n发布日期：2022-07-05\n为帮助市场主体渡过难关，制定以下政策措施。\n附件\n政策措施明细表\n")
	for _, h := range []string{"序号", "责任部门", "政策措施", "申报时限", "责任科室", "联系人", "联系方式", "备注"} {
		b.WriteString(h + "\n")
	}
	units := []string{"区发改局", "区经信局", "区商务局", "区人社局", "区财政局"}
	for k := 1; k <= 5; k++ {
		fmt.Fprintf(&b, "%d\n%s\n第%d项政策措施按规定给予企业一次性补贴。\n2022年%d月31日前\n第%d科\n张%d\n027-6100%04d\n备注第%d项\n", k, units[k-1], k, k+5, k, k, k, k)
	}
	sents := strings.SplitAfter(b.String(), "。")
	// sents[k] holds row k-1's tail and row k's start (k ≥ 2); sents[1]
	// the header and row 1's start. Move sents[sent] to position to.
	s := sents[sent]
	sents = slices.Insert(slices.Delete(sents, sent, sent+1), to, s)
	g, err := Parse([]byte(strings.Join(sents, "")))
	if err != nil {
		t.Fatal(err)
	}
	// The last row's start moved away: its cells, left after the row
	// before, are put with it, but as sentences that were apart in the
	// seed they go to the report rather than the row (see tableRow); the
	// row before keeps exactly its own.
	lastApart := sent == 5
	for k := 1; k <= 5; k++ {
		m := g.Measure(k)
		if lastApart && k == 5 {
			if m != nil && len(m.Phones()) > 0 || len(g.Report.Unread) != 1 || !strings.Contains(g.Report.Unread[0].Line, "027-61000005") {
				t.Errorf("measure 5: %+v (unread %+v)", m, g.Report.Unread)
			}
			continue
		}
		want := []string{fmt.Sprintf("申报时限：2022年%d月31日前", k+5), fmt.Sprintf("备注：备注第%d项", k)}
		if m == nil || !slices.Equal(m.Details, want) || len(m.Contacts) != 1 || !slices.Equal(m.Contacts[0].Phones, []string{fmt.Sprintf("027-6100%04d", k)}) {
			t.Errorf("measure %d: %+v (unread %+v)", k, m, g.Report.Unread)
		}
	}
	if len(g.Report.Unread) > 0 && !lastApart {
		t.Errorf("unread: %+v", g.Report.Unread)
	}
}

// TestTableLayouts: the table rules of issue 20, each on a small guide.
func TestTableLayouts(t *testing.T) {
	head := "某区助企纾困若干政策措施的公告\n发布日期：2022-07-05\n一、支持企业\n\n对企业给予支持。\n\n附件\n\n"
	cols := "序号\n责任部门\n政策措施\n申报时限\n责任科室\n联系人\n联系方式\n备注\n\n"
	for _, tt := range []struct {
		name     string
		src      string
		measures int
		n        int      // the measure checked
		lead     string   // its lead units
		contacts []string // its contacts
		unread   int
	}{
		{name: "rows end with a blank line, 备注 empty", measures: 2, n: 1, lead: "区甲局", contacts: []string{"区甲局 甲科 张三 010-61234567"},
			src: head + "甲类明细表\n\n" + cols + "1\n区甲局\n补贴甲。\n常年\n甲科\n张三\n010-61234567\n\n\n2\n区乙局\n补贴乙。\n免申即享\n乙科\n李四\n010-61234568\n备注乙\n"},
		{name: "a second table under its title, the header again", measures: 3, n: 2, lead: "区乙局", contacts: []string{"区乙局 乙科 李四 010-61234568"},
			src: head + "甲类明细表\n\n" + cols + "1\n区甲局\n补贴甲。\n常年\n甲科\n张三\n010-61234567\n\n\n2\n区乙局\n补贴乙。\n常年\n乙科\n李四\n010-61234568\n\n\n乙类明细表\n\n" + cols + "3\n区丙局\n补贴丙。\n常年\n丙科\n王五\n010-61234569\n\n"},
		{name: "two units with a phone each", measures: 1, n: 1, lead: "区甲局、区乙局", contacts: []string{"区甲局 甲科 张三 010-61234567", "区乙局 乙科 李四 010-61234568"},
			src: head + cols + "1\n区甲局、区乙局\n减免。\n常年\n甲科、乙科\n张三、李四\n010-61234567、010-61234568\n\n"},
		{name: "two units, one phone: one contact", measures: 1, n: 1, lead: "区甲局、区乙局", contacts: []string{"区甲局、区乙局 甲科 张三 010-61234567"},
			src: head + cols + "1\n区甲局、区乙局\n减免。\n常年\n甲科\n张三\n010-61234567\n\n"},
		{name: "/ for no person and no phone", measures: 1, n: 1, lead: "区甲局", contacts: []string{"区甲局 甲科"},
			src: head + cols + "1\n区甲局\n减免。\n常年\n甲科\n/\n/\n窗口办理\n"},
		{name: "a phone cell that is no phone is reported", measures: 1, n: 1, lead: "区甲局", contacts: []string{"区甲局 甲科 张三"}, unread: 1,
			src: head + cols + "1\n区甲局\n减免。\n常年\n甲科\n张三\n见窗口\n\n"},
		{name: "a contact table without measures is the lead units' directory", measures: 2, n: 2, lead: "区乙局、区甲局", contacts: []string{"区乙局 12366", "区甲局 张三 0871-63312345、0871-63312346"},
			src: "某区稳增长若干政策措施\n发布日期：2017-04-12\n一、 支持企业\n1. 补贴甲。对企业给予补贴。（区甲局牵头，区丙局配合）\n2. 补贴乙。对企业给予奖励（区乙局、区甲局牵头，各街道办事处配合）。\n附件\n政策咨询联系方式\n序号\n牵头单位\n联系人\n联系电话\n1\n区甲局\n张三\n0871-63312345、0871-63312346\n2\n区乙局\n\n12366\n"},
		{name: "the last clause before 附件 stays with its measure", measures: 2, n: 2, lead: "区乙局", contacts: []string{"区乙局 李四 0871-63312347"},
			src: "某区稳增长若干政策措施\n发布日期：2017-04-12\n一、 支持企业\n1. 补贴甲。对企业给予补贴。（区甲局牵头）\n2. 补贴乙。对企业给予奖励。（区乙局牵头，区丙局配合）\n附件\n政策咨询联系方式\n序号\n牵头单位\n联系人\n联系电话\n1\n区甲局\n张三\n0871-63312345\n2\n区乙局\n李四\n0871-63312347\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Measures) != tt.measures || len(g.Report.Unread) != tt.unread {
				t.Errorf("%d measures, unread %+v", len(g.Measures), g.Report.Unread)
			}
			m := g.Measure(tt.n)
			if m == nil {
				t.Fatalf("measure %d missing", tt.n)
			}
			if lead := strings.Join(m.Lead, "、"); lead != tt.lead {
				t.Errorf("lead %q, want %q", lead, tt.lead)
			}
			if got := contactLines(m); !slices.Equal(got, tt.contacts) {
				t.Errorf("contacts\n got %q\nwant %q", got, tt.contacts)
			}
		})
	}
}

// TestTableRowIntruders: a row whose 备注 is empty hides a cell split by a
// line break after a 。 from the count (the phone then stands under 备注),
// and a section heading's sentence displaced into a row runs on after a
// cell's 。. Both rows keep their own cells: the split cell is joined
// again, and the heading's sentence is not read as cells.
func TestTableRowIntruders(t *testing.T) {
	head := "某区助企纾困若干政策措施的公告\n发布日期：2022-07-05\n为帮助市场主体渡过难关，制定以下政策措施。\n附件\n政策措施明细表\n" +
		"序号\n责任部门\n政策措施\n申报时限\n责任科室\n联系人\n联系方式\n备注\n\n" +
		"1\n区发改局\n项目服务。对重点项目给予服务保障。\n常年\n第1科\n张一\n027-61000001\n备注一\n\n"
	for _, tt := range []struct{ name, row2 string }{
		{"split cell", "2\n区经信局\n企业服务包。\n为重点企业配备服务管家。\n常年\n第2科\n张二\n027-61000002\n\n"},
		{"heading", "2\n区经信局\n企业服务包。二、强化企业服务\n\n建立健全服务企业工作机制。为重点企业配备服务管家。\n常年\n第2科\n张二\n027-61000002\n\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(head + tt.row2))
			if err != nil {
				t.Fatal(err)
			}
			m := g.Measure(2)
			if m == nil || m.Text != "企业服务包。为重点企业配备服务管家。" || !slices.Equal(m.Details, []string{"申报时限：常年"}) ||
				len(m.Contacts) != 1 || !slices.Equal(m.Contacts[0].Phones, []string{"027-61000002"}) {
				t.Errorf("measure 2: %+v (unread %+v)", m, g.Report.Unread)
			}
		})
	}
}
