package index

import (
	"testing"

	"policybot/seeds"
)

// TestChoiceBySituation: a choice between measures the ask's own words
// cover alike ("想问房租减免": state-owned premises, incubators, 非国有房屋)
// is the answer the statements around it name (租的是区属国企的房子); with
// no such statement it stays a choice.
func TestChoiceBySituation(t *testing.T) {
	// The clean text: on the scrambled copy the model answers 第2条 (非国有房屋)
	// outright, a known gap: 区属国企 is one word, and the 非 check reads
	// only the ask's own words.
	ix := openGuideFile(t, "tongzhou-2020", "guide.txt")
	for _, c := range []struct {
		q    string
		kind seeds.Kind
		want int
	}{
		{"我租的是区属国企的房子，想问房租减免", seeds.KindMeasure, 1},
		{"想问房租减免", seeds.KindChoice, 0},
	} {
		rd, err := ix.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		a := rd.Asks[len(rd.Asks)-1]
		if a.Kind != c.kind || c.want != 0 && a.Measures[0].Number != c.want {
			t.Errorf("%s: %s %v, want %s %d", c.q, a.Kind, a.Measures, c.kind, c.want)
		}
	}
}
