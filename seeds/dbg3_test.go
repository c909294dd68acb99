package seeds
import ("testing";"fmt";"policybot/seeds/scramble")
func TestDbgOps(t *testing.T) {
	cfgs := map[string]scramble.Options{
		"none": {Duplicates: 1e-9, Moves: 1e-9, LostHeadings: -1, LostTexts: -1, Newlines: 1e-9},
		"glue+nl": {Duplicates: 1e-9, Moves: 1e-9, LostHeadings: -1, LostTexts: -1},
		"dups": {Duplicates: 0.33, Moves: 1e-9, LostHeadings: -1, LostTexts: -1},
		"moves": {Duplicates: 1e-9, Moves: 0.03, LostHeadings: -1, LostTexts: -1},
		"lostH": {Duplicates: 1e-9, Moves: 1e-9, LostHeadings: 1, LostTexts: -1},
		"lostT": {Duplicates: 1e-9, Moves: 1e-9, LostHeadings: -1, LostTexts: 1},
	}
	for name, o := range cfgs {
		kept, total := 0, 0
		per := map[string]float64{}
		for g, clean := range measuredGuides(t) {
			want, _ := Parse(clean)
			k0 := 0; n0 := 0
			for seed := 1; seed <= 10; seed++ {
				o.Seed = uint64(seed)
				c := scramble.Scramble(string(clean), o)
				got, _ := Parse([]byte(c.Text))
				for _, w := range want.Measures { n0++; gm := got.Measure(w.Number); var have []string; if gm != nil { have = gm.Details }; if sameSet(have, w.Details) { k0++ } }
			}
			per[g[len(g)-20:]] = float64(k0)/float64(n0); kept += k0; total += n0
		}
		fmt.Printf("%-8s %.3f %v\n", name, float64(kept)/float64(total), per)
	}
}
