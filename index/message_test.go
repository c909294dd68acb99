package index

import "testing"

// TestPartsSituation: a statement that is one ask's subject (its context)
// is not the situation of another ask naming its own subject, which it
// would pull towards the first one's answer.
func TestPartsSituation(t *testing.T) {
	cases := []struct {
		msg       string
		situation []string // of each part
	}{
		{"店面是国企的房子，能减吗？另外员工社保能缓交吗", []string{"", ""}},
		{"我们是做餐饮的，房租能减吗？员工社保能缓交吗", []string{"我们是做餐饮的", "我们是做餐饮的"}},
	}
	for _, c := range cases {
		ps, _, _ := testIndex.parts(prepare(c.msg))
		if len(ps) != len(c.situation) {
			t.Errorf("%s: %d parts %+v, want %d", c.msg, len(ps), ps, len(c.situation))
			continue
		}
		for i, p := range ps {
			if p.situation != Normalize(c.situation[i]) {
				t.Errorf("%s: part %d situation %q, want %q", c.msg, i, p.situation, c.situation[i])
			}
		}
	}
}
