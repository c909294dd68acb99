package dialog

import (
	"context"
	"strings"
	"testing"
)

// TestHotlineBusyNotSentBack: when the number the asker could not reach is
// the guide's hotline itself, the answer (the hotline's measure, its lead
// unit's phone) does not end by sending them back to that hotline; when
// another unit's phone was busy, it still does.
func TestHotlineBusyNotSentBack(t *testing.T) {
	e := newEngine(newMemStore())
	for i, c := range []struct {
		turns []string
		back  bool
	}{
		{[]string{"企业服务热线一直占线打不进去怎么办"}, false},
		{[]string{"社保能缓交吗", "找谁办", "打了好几次都打不通"}, true},
	} {
		var last string
		for _, q := range c.turns {
			rs, err := e.Handle(context.Background(), int64(950+i), Event{Kind: Message, Text: q})
			if err != nil {
				t.Fatal(err)
			}
			last = rs[len(rs)-1].Text
		}
		if got := strings.Contains(last, "电话打不通时"); got != c.back {
			t.Errorf("%v: hotline line %v, want %v:\n%s", c.turns, got, c.back, last)
		}
	}
}
