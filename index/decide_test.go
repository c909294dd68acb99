package index

import "testing"

// TestAskedNumbers: a measure number is read with 第 anywhere, and without
// it only when the rest of the message is cue words; "N条" counting things
// is no measure number.
func TestAskedNumbers(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"第4条", 4},
		{"第六十六条讲的啥", 66},
		{"85条找谁", 85},
		{"那12条呢", 12},
		{"12条", 12},
		{"新增3条生产线有补贴吗", 0},
		{"1085条", 0},
		{"社保能缓交吗", 0},
	}
	for _, c := range cases {
		n := askedNumber(c.text)
		if n == 0 {
			n = testIndex.shortAskedNumber(c.text)
		}
		if n != c.want {
			t.Errorf("%q: measure %d, want %d", c.text, n, c.want)
		}
	}
}
