package index

import (
	"testing"

	"policybot/seeds"
)

// TestStrangeObjectDeclined: an ask about a thing the guide never writes
// is declined and named (Absent) whether the thing is a compound of
// the guide's and the trade's words (设施农业, 智能快递柜), a plan told
// before the ask (想从个体户转成公司), a noun no measure uses (电价), or a
// cover of a kind no measure writes (蜂业保险); a kind some measure
// writes (工伤保险) stays the guide's.
func TestStrangeObjectDeclined(t *testing.T) {
	for _, c := range []struct {
		q       string
		absent  string // "" for an answer or a suggestion
		measure int    // the answer's measure, 0 for any
	}{
		{"村里的大棚要翻新 有没有设施农业补贴", "设施农业补贴", 0},
		{"小区门口想放个智能快递柜 有补贴吗", "智能快递柜", 0},
		{"我们想从个体户转成公司，有没有啥优惠", "转成公司", 0},
		{"我们车间电价有没有优惠", "电价", 0},
		{"能不能申请职业技能培训补贴", "职业技能培训补贴", 0},
		{"养蜂的 蜂业保险有补贴吗", "蜂业保险", 0},
		{"养鱼的 有没有养殖保险补贴", "养殖保险补贴", 0},
		{"工伤保险费能缓缴吗", "", 2},
		// Not declined: a phrase the index cuts into characters (消杀) for
		// a measure paying 防疫支出; the asker's own kind (小公司) before
		// what the guide says otherwise (第一次贷款: 首次贷款).
		{"饭店的防疫消杀费用有补贴吗", "", 0},
		{"我们小公司第一次贷款有啥优惠", "", 0},
		// The measure holds the rest of the ask (投标): near, whatever
		// kind of service (绿化) it names.
		{"小企业投标政府的绿化服务项目有没有优惠", "", 0},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if rd.Overview != nil && c.absent != "" {
			t.Errorf("%s: the trade's overview, want the ask read", c.q)
			continue
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: no ask", c.q)
			continue
		}
		a := rd.Asks[len(rd.Asks)-1]
		switch {
		case c.absent != "" && (a.Kind != seeds.KindNone || a.Absent != c.absent):
			t.Errorf("%s: %s absent %q, want declined, absent %q", c.q, a.Kind, a.Absent, c.absent)
		case c.measure != 0 && (a.Kind != seeds.KindMeasure || a.Measures[0].Number != c.measure):
			t.Errorf("%s: %s %v, want 第%d条", c.q, a.Kind, a.Measures, c.measure)
		case c.absent == "" && (a.Kind == seeds.KindNone || a.Absent != ""):
			t.Errorf("%s: declined (absent %q), want an answer or a suggestion", c.q, a.Absent)
		}
	}
}
