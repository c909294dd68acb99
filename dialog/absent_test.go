package dialog

import (
	"context"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestAbsentNamed: an ask about a thing the guide never writes is refused
// by that thing's name (index.Result.Absent), with no measure offered as
// the answer or as near; a second refusal in a row says 也.
func TestAbsentNamed(t *testing.T) {
	e := newEngine(newMemStore())
	for _, c := range []struct {
		q, lead string
	}{
		{"村里的大棚要翻新 有没有设施农业补贴", "里没有关于“设施农业补贴”的内容。"},
		{"养鱼的 有没有养殖保险补贴", "指南里也没有关于“养殖保险补贴”的内容。"},
	} {
		rs, err := e.Handle(context.Background(), 1, Event{Kind: Message, Text: c.q})
		if err != nil || len(rs) == 0 {
			t.Fatalf("%s: no reply", c.q)
		}
		r := rs[0]
		if r.Kind != seeds.KindNone || !strings.Contains(strings.SplitN(r.Text, "\n", 2)[0], c.lead) {
			t.Errorf("%s: %s %q, want a refusal saying %q", c.q, r.Kind, seeds.Clip(r.Text, 60), c.lead)
		}
		if strings.Contains(r.Text, "相近的是") || strings.Contains(r.Text, "【第") {
			t.Errorf("%s: offers a measure: %s", c.q, r.Text)
		}
	}
}
