package index

import (
	"testing"

	"policybot/seeds"
)

// TestLeaseDeposit: 押金 in a message telling of a lease is the landlord's
// deposit (房租押金), which no relief guide covers: declined, not answered
// with the bidding measure the lexicon's 保证金 points at; a bidding
// deposit is still that measure.
func TestLeaseDeposit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"房东说押金不退", "房东说房租押金不退"},
		{"投标押金能不交吗", "投标押金能不交吗"},
		{"租房合同到期了，质保押金能退吗", "租房合同到期了，质保押金能退吗"},
	} {
		if got := testIndex.withLeaseDeposit(c.in); got != c.want {
			t.Errorf("withLeaseDeposit(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	checkFirstAsks(t, []firstAsk{
		{"门面的租房合同还剩一年，想提前退租，押金能退吗", seeds.KindNone, 0, ""},
		{"投标押金能不交吗", seeds.KindMeasure, 26, ""},
	})
	rd, err := testIndex.Read("跟房东签的房租合同还有两年，店能转给别人吗？押金怎么算？", Context{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rd.Asks {
		if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && a.Measures[0].Number == 26 {
			t.Errorf("%s: answered with the bidding measure 26", a.Question)
		}
	}
}
