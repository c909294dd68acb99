package eval

import "testing"

// TestInOrderDeclinedAsk: an expected ask the guide does not answer ([])
// is met by an ask declined, not by one answered or by none at all.
func TestInOrderDeclinedAsk(t *testing.T) {
	m := func(kind string, n int) Outcome { return Outcome{Kind: kind, Measures: []int{n}} }
	cases := []struct {
		asks [][]int
		outs []Outcome
		want bool
	}{
		{[][]int{{42}, {}}, []Outcome{m("measure", 42), m("none", 1)}, true},
		{[][]int{{42}, {}}, []Outcome{m("measure", 42), m("suggest", 1)}, true},
		{[][]int{{42}, {}}, []Outcome{m("measure", 42), m("measure", 1)}, false},
		{[][]int{{42}, {}}, []Outcome{m("measure", 42)}, false},
		{[][]int{{}, {42}}, []Outcome{m("none", 3), m("measure", 42)}, true},
		{[][]int{{2}, {3}}, []Outcome{m("measure", 2), m("none", 3)}, false},
	}
	for _, c := range cases {
		if got := inOrder(c.asks, c.outs); got != c.want {
			t.Errorf("inOrder(%v, %v) = %v; want %v", c.asks, c.outs, got, c.want)
		}
	}
}
