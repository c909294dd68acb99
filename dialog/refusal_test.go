package dialog

import (
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// refusalButtons are the measure numbers a refusal's buttons open, in order.
func refusalButtons(r Reply) []string {
	var out []string
	for _, row := range r.Buttons {
		for _, b := range row {
			if i := strings.LastIndex(b.Data, "|"+actMeasure+"|"); i >= 0 {
				out = append(out, b.Data[i+len(actMeasure)+2:])
			}
		}
	}
	return out
}

// TestRefusalButtons: the buttons under a refusal follow the ranking of
// the message declined (issue 20), nearest section first, and never open
// the measure the decision weighed and set aside; a message the ranking
// found nothing in gets the guide's first sections' measures.
func TestRefusalButtons(t *testing.T) {
	for _, c := range []struct {
		q     string
		want  []string // the buttons, in order
		never []string // measures no button may open
	}{
		{q: "明天下雨吗", want: []string{"2", "43", "62", "72"}},
		{q: "卖猪有补贴吗", want: []string{"72", "2", "43", "62"}, never: []string{"81"}},
		{q: "我失业了能领失业金吗", never: []string{"2"}},
	} {
		e := newEngine(newMemStore())
		rs := say(t, e, 1, c.q)
		if len(rs) == 0 || rs[0].Kind != seeds.KindNone {
			t.Fatalf("%s: %v, want a refusal", c.q, rs)
		}
		got := refusalButtons(rs[0])
		t.Logf("%s: %v", c.q, got)
		if c.want != nil && !slices.Equal(got, c.want) {
			t.Errorf("%s: buttons %v, want %v", c.q, got, c.want)
		}
		for _, n := range c.never {
			if slices.Contains(got, n) {
				t.Errorf("%s: buttons %v open 第%s条, the measure the decision set aside", c.q, got, n)
			}
		}
	}
}
