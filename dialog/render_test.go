package dialog

import (
	"context"
	"strings"
	"testing"

	"policybot/seeds"
)

func TestMeasureBody(t *testing.T) {
	cases := []struct {
		name string
		m    seeds.Measure
		want []string
		not  []string
	}{
		{"text and details", seeds.Measure{Text: "甲。", Details: []string{"乙。"}}, []string{"甲。", "乙。"}, []string{"缺失"}},
		{"details only", seeds.Measure{Details: []string{"支持国有资本运营平台合理扩大融资规模。"}}, []string{"指南仅保留了本条的以下内容", "支持国有资本运营平台"}, nil},
		{"nothing", seeds.Measure{}, []string{"原文在指南文件中缺失"}, []string{"仅保留"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := measureBody(&c.m, "\n")
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(got, w) {
					t.Errorf("%q has %q", got, w)
				}
			}
		})
	}
}

// TestContactRepliesCompact: each person and phone once, in text and cards,
// for every measure and unit of the guide.
func TestContactRepliesCompact(t *testing.T) {
	e := newEngine(newMemStore())
	st := State{Mode: Idle}
	tu := e.newTurn(context.Background(), testIndex, 1, &st, today)
	check := func(label string, r Reply) {
		seen := map[string]bool{}
		for _, c := range r.Contacts {
			key := c.Name + strings.Join(c.Phones, ",")
			if seen[key] {
				t.Errorf("%s: card %s twice", label, key)
			}
			seen[key] = true
		}
		for _, line := range strings.Split(r.Text, "\n") {
			if !strings.HasPrefix(line, "☎") {
				continue
			}
			if seen[line] {
				t.Errorf("%s: line %q twice", label, line)
			}
			seen[line] = true
		}
	}
	for i := range testIndex.Guide().Measures {
		m := &testIndex.Guide().Measures[i]
		check("measure "+itoa(m.Number), tu.contactReply(m))
	}
	for _, u := range testIndex.Units() {
		check("unit "+u.Name, tu.unitReply(u))
	}
}
