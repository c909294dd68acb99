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

// TestSuggestFloor: declining needs evidence. A message that asks nothing
// is suggested down to the lowest floor when the guide knows enough of
// it; another place or an out-of-scope word restores the usual floor.
func TestSuggestFloor(t *testing.T) {
	tu := testIndex.tuning
	cases := []struct {
		name string
		f    Features
		want float64
	}{
		{"implied, known", Features{Implied: true, KnownCoverage: 0.5, Coverage: 0.2}, tu.ImpliedSuggestProbability},
		{"implied, little known", Features{Implied: true, KnownCoverage: 0.2, Coverage: 0.2}, tu.SuggestProbability},
		{"implied, another place", Features{Implied: true, KnownCoverage: 0.9, Coverage: 0.9, OtherPlaces: 1}, tu.SuggestProbability},
		{"implied, out of scope", Features{Implied: true, KnownCoverage: 0.9, Coverage: 0.9, OutOfScope: 1}, tu.SuggestProbability},
		{"asked, covered", Features{KnownCoverage: 0.9, Coverage: 0.5}, tu.OpenSuggestProbability},
		{"asked, little covered", Features{KnownCoverage: 0.9, Coverage: 0.2}, tu.SuggestProbability},
	}
	for _, c := range cases {
		if got := testIndex.suggestFloor(&Result{Inputs: &c.f}); got != c.want {
			t.Errorf("%s: floor %v, want %v", c.name, got, c.want)
		}
	}
}
