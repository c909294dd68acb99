package index

import (
	"slices"
	"testing"
)

// TestStoryShapes: a lead-in naming its subject mid-story is the ask, the
// story after it stays story; a story that asks nothing and ends on a
// complaint naming nothing is about the whole story, the asker's kind
// aside.
func TestStoryShapes(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the first measure of each ask answered, in order
	}{
		{"我在村口开了个小卖部，是个体户，房子是区里国企的，想问问房租那个事，前年就听人说过，一直没顾上问，最近进货都难。", []int{4}},
		{"我们厂的留抵税额压了一百来万，进项多销项少，现金流越来越紧，工资都快发不出来了，太难了。", []int{1}},
		{"我们农家乐开了五年了，今年的预订全退了，银行那笔贷款下个月就到期，手里一点钱都没有，愁得吃不下饭。", []int{10}},
	}
	for _, c := range cases {
		if _, got := answeredFirsts(t, c.msg); !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
	}
}
