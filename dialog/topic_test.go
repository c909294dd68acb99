package dialog

import (
	"context"
	"strings"
	"testing"
)

// TestFollowUpsStayOnEveryMeasure asks every follow-up kind about every
// measure of the guide: a follow-up with no topic of its own stays on the
// measure (the reply is about it), and no reply carries another measure's
// phone.
func TestFollowUpsStayOnEveryMeasure(t *testing.T) {
	followUps := []string{"能网上办吗", "怎么申请", "需要什么条件", "哪些企业可以", "能补多少", "会影响征信吗",
		"找谁", "配合单位有哪些", "什么时候截止", "原文", "谢谢"}
	e := newEngine(newMemStore())
	tag := testIndex.Guide().Hash[:4]
	for i := range testIndex.Guide().Measures {
		m := &testIndex.Guide().Measures[i]
		chat := int64(1000 + m.Number)
		if _, err := e.Handle(context.Background(), chat, Event{Kind: Press, Data: "1|" + tag + "|m|" + itoa(m.Number)}); err != nil {
			t.Fatal(err)
		}
		for _, q := range followUps {
			rs, err := e.Handle(context.Background(), chat, Event{Kind: Message, Text: q})
			if err != nil || len(rs) == 0 {
				t.Fatalf("第%d条, %q: %v, %d replies", m.Number, q, err, len(rs))
			}
			for _, r := range rs {
				if err := checkPhones(testIndex, r); err != nil {
					t.Errorf("第%d条, %q: %v", m.Number, q, err)
				}
			}
			if q == "谢谢" {
				continue
			}
			if len(rs[0].Measures) != 1 || rs[0].Measures[0] != m.Number {
				t.Errorf("第%d条, %q: reply about %v:\n%s", m.Number, q, rs[0].Measures, rs[0].Text)
			}
			if !strings.Contains(rs[0].Text, "第"+itoa(m.Number)+"条") {
				t.Errorf("第%d条, %q: the reply does not name the measure:\n%s", m.Number, q, rs[0].Text)
			}
		}
	}
}
