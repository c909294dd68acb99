package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestOptionsWeighed: the things an alternative question weighs ("是走X还
// 是Y") are asked about, not told of the asker's case; a 还是 of "still"
// weighs nothing.
func TestOptionsWeighed(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"这种是走国企房租减免还是另有补贴", []string{"走国企房租减免", "另有补贴"}},
		{"房租还是减不了", nil},
		{"我们是国企，房租能减吗", nil},
	} {
		if got, _ := testIndex.options(c.text); !slices.Equal(got, c.want) {
			t.Errorf("options(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestOptionNoOpposition: a state-owned landlord named only as one option
// the asker weighs ("是走国企房租减免还是另有补贴") does not put the
// measure for 非国有房屋 last: the story says the landlord is private, and
// that measure answers. Told as the asker's case, 国企 still picks the
// state-owned premises' measure.
func TestOptionNoOpposition(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"孵化器的楼是跟私人房东租的，我们给入驻企业免了房租，这种情况是走国企房租减免还是有别的补贴？", seeds.KindMeasure, 5, ""},
		// A shorter story: the model doubted it (a suggestion) until 这种
		// took the story as the ask's context (stop 58); either way the
		// measure for 非国有房屋, not the state-owned premises' one.
		{"我们办了个科技孵化器，楼是租的私人业主的，给入驻企业减了两个月房租。这种是走国企房租减免还是另有补贴？", seeds.KindMeasure, 5, ""},
		{"我们租的是国企的房子，房租能减免吗", seeds.KindMeasure, 4, ""},
	})
}
