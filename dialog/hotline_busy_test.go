package dialog

import (
	"context"
	"strings"
	"testing"
)

// TestHotlineBusyNotSentBack: when the number the asker could not reach is
// the guide's hotline itself, the answer (the hotline's measure, its lead
// unit's phone) does not end by sending them back to that hotline; when
// another unit's phone was busy, it still does. When the unit called said
// the matter is not theirs, the answer is not that unit's number alone:
// the hotline, and the measure's supporting units, are named. A busy line
// told before an ask for another number ("还有别的号吗") is read as the ask's,
// and so is one told before "咋办" or an ask for another person: the
// contact named (a number typed, a person) is answered with every number
// the guide gives that person, and the hotline.
func TestHotlineBusyNotSentBack(t *testing.T) {
	e := newEngine(newMemStore())
	for i, c := range []struct {
		turns []string
		want  string // "" for no hotline line
		also  string // a further text the last reply must hold
	}{
		{[]string{"企业服务热线一直占线打不进去怎么办"}, "", ""},
		{[]string{"社保能缓交吗", "找谁办", "打了好几次都打不通"}, "电话打不通时", ""},
		{[]string{"社保能缓交吗", "找谁办", "打过去人家说不是他们负责 推给别的部门了"}, "对方说不归其管时", ""},
		{[]string{"房租减免找谁", "打了说这事不归他们管 到底该找哪"}, "对方说不归其管时", ""},
		// The busy line told, then another number asked for (trial 45).
		{[]string{"社保能缓交吗", "这个电话打了老占线 还有别的号吗"}, "电话打不通时", ""},
		{[]string{"社保能缓交吗", "林桂香的电话打了两天都没人接 还有别的办法吗"}, "电话打不通时", ""},
		// A number typed, then 咋办; a person, then another person asked
		// for (trial 46): the guide's other number of that person too.
		{[]string{"打69044615了 没人接，咋办"}, "电话打不通时", "010-89089315"},
		{[]string{"李斌的电话没人接，咋办"}, "电话打不通时", "010-69044615"},
		{[]string{"李杰那个电话打不通啊 园区还有别的人能问吗"}, "电话打不通时", "010-69059336"},
		{[]string{"技术改造有支持吗", "李斌的电话一直占线 还有其他人吗"}, "电话打不通时", "010-89089315"},
	} {
		var last string
		for _, q := range c.turns {
			rs, err := e.Handle(context.Background(), int64(950+i), Event{Kind: Message, Text: q})
			if err != nil {
				t.Fatal(err)
			}
			last = rs[len(rs)-1].Text
		}
		if c.want == "" && strings.Contains(last, "电话打不通时") || c.want != "" && !strings.Contains(last, c.want) {
			t.Errorf("%v: want %q in the last reply:\n%s", c.turns, c.want, last)
		}
		if !strings.Contains(last, c.also) {
			t.Errorf("%v: want %q in the last reply:\n%s", c.turns, c.also, last)
		}
	}
}
