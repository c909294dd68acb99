package index

import "testing"

// TestQualifiedHead: a head the measure names only as kinds of its own
// ("留抵退税") asked with a qualifier that makes another dictionary word
// with it ("做出口的…退税": 出口退税), written apart or as one word, is
// another kind; a qualifier the guide's own words use is none.
func TestQualifiedHead(t *testing.T) {
	for _, c := range []struct{ q, situation, text, want string }{
		{"做出口的，有退税政策吗", "", "增值税留抵退税", "出口退税"},
		{"出口退税怎么办", "", "增值税留抵退税", "出口退税"},
		{"有退税政策吗", "我们是做出口的", "增值税留抵退税", "出口退税"},
		{"有退税政策吗", "", "增值税留抵退税", ""},
		{"做出口的，有退税政策吗", "", "出口企业增值税留抵退税", ""},
	} {
		if got := testIndex.qualifiedHead(c.q, c.situation, c.text); got != c.want {
			t.Errorf("qualifiedHead(%q, %q, %q) = %q, want %q", c.q, c.situation, c.text, got, c.want)
		}
	}
}
