package seeds

import "testing"

// TestLineOf checks that lineOf returns the written lines holding a part
// found with whitespace ignored, and that a byte that is no UTF-8 (a
// damaged file) neither moves the offsets nor panics.
func TestLineOf(t *testing.T) {
	for _, c := range []struct{ raw, part, want string }{
		{"第一行\n责任 单位：区税务局\n第三行", "责任单位", "责任 单位：区税务局"},
		{"电话:\xe6\n下一行", "电话", "电话:\xe6"},
		{"\xe6\xe6 电话:\xe6", ":", "\xe6\xe6 电话:\xe6"},
		{"没有这个", "电话", "电话"},
	} {
		if got := lineOf(c.raw, c.part); got != c.want {
			t.Errorf("lineOf(%q, %q) = %q, want %q", c.raw, c.part, got, c.want)
		}
	}
}
