package index

import (
	"testing"

	"policybot/seeds"
)

// TestTrial49Lexicon: asks in the owner's words that the guide writes in its
// own; solar panels (装光伏) are green, low-carbon upgrading.
func TestTrial49Lexicon(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"我们冷库想装光伏，搞点绿色低碳，有没有支持", 42},
	} {
		rd, err := testIndex.Read(c.text, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || rd.Asks[0].Kind == seeds.KindNone || len(rd.Asks[0].Measures) == 0 {
			t.Errorf("%s: no answer (%v)", c.text, rd.Asks)
			continue
		}
		if got := rd.Asks[0].Measures[0].Number; got != c.want {
			t.Errorf("%s: 第%d条 first, want 第%d条", c.text, got, c.want)
		}
	}
}
