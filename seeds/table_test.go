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
// back by the row number it holds, and both rows keep their cells.
func TestTableRowMoved(t *testing.T) {
	for _, to := range []int{5, 1} { // after row 4's sentence; before the header
		t.Run(fmt.Sprint(to), func(t *testing.T) { tableRowMovedTo(t, to) })
	}
}

func tableRowMovedTo(t *testing.T, to int) {
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
	// sents[k+1] holds row k-1's tail and row k's start (k ≥ 2); sents[1]
	// the header and row 1's start. Move row 3's to position to.
	s := sents[4]
	sents = slices.Insert(slices.Delete(sents, 4, 5), to, s)
	g, err := Parse([]byte(strings.Join(sents, "")))
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= 5; k++ {
		m := g.Measure(k)
		want := []string{fmt.Sprintf("申报时限：2022年%d月31日前", k+5), fmt.Sprintf("备注：备注第%d项", k)}
		if m == nil || !slices.Equal(m.Details, want) || len(m.Contacts) != 1 || !slices.Equal(m.Contacts[0].Phones, []string{fmt.Sprintf("027-6100%04d", k)}) {
			t.Errorf("measure %d: %+v", k, m)
		}
	}
	if len(g.Report.Unread) > 0 {
		t.Errorf("unread: %+v", g.Report.Unread)
	}
}
