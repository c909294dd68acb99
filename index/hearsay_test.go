package index

import "testing"

// TestWithoutTellers: a hearsay phrase naming its teller is the bare 听说;
// hearsay without a teller and other text stay as told.
func TestWithoutTellers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"听邻居说疫情那年国企的房子能免几个月房租", "听说疫情那年国企的房子能免几个月房租"},
		{"听同事说社保能缓交,听朋友说房租也能减", "听说社保能缓交,听说房租也能减"},
		{"网上说首贷有贴息", "网上说首贷有贴息"},
		{"听说有稳岗返还", "听说有稳岗返还"},
		{"邻居家漏水到我家怎么办", "邻居家漏水到我家怎么办"},
	} {
		if got := testIndex.withoutTellers(c.in); got != c.want {
			t.Errorf("withoutTellers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
