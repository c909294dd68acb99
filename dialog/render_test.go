package dialog

import (
	"context"
	"slices"
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

// TestWhomFound: a person asked by surname and title is answered with whom
// the guide lists for it, named, and a way of reaching them the guide does
// not give (邮箱, a mobile) is said to be missing before the phone it gives.
func TestWhomFound(t *testing.T) {
	for _, tc := range []struct {
		q, lead, phone string
	}{
		{"住建委房屋安全事务中心徐主任的手机是多少", "您说的徐主任，指南列的是区住建委房屋安全事务中心的徐士鹏。", "13693508642"},
		{"国资委产权科王楠的邮箱能给一下吗？想把房租减免的材料发过去", "指南没有列出王楠的邮箱，只列了下面的电话。", "010-69043376"},
		{"王楠的手机是多少", "指南没有列出王楠的手机，只列了下面的电话。", "010-69043376"},
		{"王楠的电话", "🏛 区国资委", "010-69043376"},
	} {
		e := newEngine(newMemStore())
		rs := say(t, e, 1, tc.q)
		if rs[0].Kind != seeds.KindUnit || !strings.HasPrefix(rs[0].Text, tc.lead) ||
			!strings.Contains(rs[0].Text, tc.phone) || len(rs[0].Contacts) != 1 || !slices.Contains(rs[0].Contacts[0].Phones, tc.phone) {
			t.Errorf("%q: %s %q, want a unit reply opening %q with %s", tc.q, rs[0].Kind, rs[0].Text, tc.lead, tc.phone)
		}
	}
}
