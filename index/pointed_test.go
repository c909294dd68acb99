package index

import (
	"slices"
	"testing"
)

// TestPointedClauseTakesStory: an ask whose only word of its own is a
// clause pointing back at the story ("这合理吗？") and a verb without an
// object ("能不能先别断") asks about the story's thing: the utility bills
// and 断电, answered with the arrears measure, not declined.
func TestPointedClauseTakesStory(t *testing.T) {
	msg := "物业来催好几回了，说我们欠了两个月水费和电费，再不交就断水断电，可去年停业哪有钱？这合理吗？小店能不能先别断？"
	if _, got := answeredFirsts(t, msg); !slices.Contains(got, 7) {
		t.Errorf("%s: asks answered with %v, want 7 among them", msg, got)
	}
}
