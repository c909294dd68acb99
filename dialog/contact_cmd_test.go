package dialog

import (
	"context"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestContactCommandReadsArgs: /contact with words besides a unit's name
// reads them as asking for that unit's contacts, not as a question.
func TestContactCommandReadsArgs(t *testing.T) {
	e := newEngine(newMemStore())
	for i, args := range []string{"人社局", "税务局 留抵退税", "区人保局社保缓缴", "不存在的局", "顺义人保局"} {
		rs, err := e.Handle(context.Background(), int64(900+i), Event{Kind: Command, Command: "contact", Text: args})
		if err != nil {
			t.Fatal(err)
		}
		got := rs[0]
		if args == "不存在的局" || args == "顺义人保局" {
			if got.Kind != seeds.KindCommand || !strings.Contains(got.Text, "没有找到") {
				t.Errorf("%s: %+v", args, got)
			}
			continue
		}
		if got.Kind != seeds.KindUnit || len(got.Contacts) == 0 {
			t.Errorf("/contact %s: kind %s, %d contact cards:\n%s", args, got.Kind, len(got.Contacts), got.Text)
		}
	}
}
