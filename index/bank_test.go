package index

import "testing"

// TestBankCoversRetainedMeasures: a measure whose seed lost its text but
// kept follow-up sentences is answerable from them, so it gets generated
// examples like any other (before, it had none: its words matched one
// field of its document and it ranked under measures that merely shared a
// word in their examples). The test guides' scrambled copies hold such
// measures.
func TestBankCoversRetainedMeasures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the test guides' indexes")
	}
	seen := 0
	for _, id := range trainingGuides {
		ix := openGuide(t, id)
		count := map[int]int{}
		for _, e := range ix.examples {
			if e.Generated {
				count[e.Measure]++
			}
		}
		for _, m := range ix.guide.Measures {
			if !m.Retained() {
				continue
			}
			seen++
			if count[m.Number] < ix.tuning.MinExamples {
				t.Errorf("%s measure %d (text lost, %d follow-ups): %d generated examples; want at least %d",
					id, m.Number, len(m.Details), count[m.Number], ix.tuning.MinExamples)
			}
			r := must(ix.Search(m.Details[0]))
			if len(r.Measures) == 0 || r.Measures[0].Number != m.Number {
				t.Errorf("%s measure %d: its own follow-up sentence ranks %v first", id, m.Number, r.Measures)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no test guide has a measure whose text was lost: the test checks nothing")
	}
}
