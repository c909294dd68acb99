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
