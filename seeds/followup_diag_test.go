package seeds

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// TestFollowUpMisplacedDiag lists the follow-ups misplaced on the scrambled
// copies of TestFollowUpsByEvidence (20 seeds), each with its evidence, and
// counts them by cause: moved alone by the scrambler, in a stretch beside a
// measure that lost its start, a numbered step, beside a clause, other. A
// tool for the next round, run with FOLLOWUP_DIAG=1.
func TestFollowUpMisplacedDiag(t *testing.T) {
	if os.Getenv("FOLLOWUP_DIAG") == "" {
		t.Skip("FOLLOWUP_DIAG not set")
	}
	causes := map[string]int{}
	right, rightDoubtful := 0, 0 // follow-ups on their own measure, and those of them in doubt
	doubt := map[string]int{}
	var lines []string
	names := []string{}
	gs := measuredGuides(t)
	for n := range gs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		clean := gs[name]
		want, _ := Parse(clean)
		for seed := 1; seed <= 20; seed++ {
			sc := scramble.Scramble(string(clean), scramble.Options{Seed: uint64(seed)})
			got, _ := Parse([]byte(sc.Text))
			owner := map[string][]int{}
			for _, w := range want.Measures {
				for _, d := range w.Details {
					if !lostWith(d, &w, sc.LostSentences) {
						owner[d] = append(owner[d], w.Number)
					}
				}
			}
			orph := map[string]Orphan{}
			for _, o := range got.Report.Orphans {
				orph[o.Sentence] = o
				if o.Measure > 0 && slices.Contains(owner[o.Sentence], o.Measure) {
					right++
					if o.Doubtful {
						rightDoubtful++
					}
				}
			}
			placed := map[string][]int{}
			for _, g := range got.Measures {
				for _, d := range g.Details {
					placed[d] = append(placed[d], g.Number)
				}
			}
			seen := map[string]bool{}
			all := []string{}
			for d := range owner {
				all = append(all, d)
			}
			for d := range placed {
				all = append(all, d)
			}
			sort.Strings(all)
			for _, d := range all {
				if seen[d] {
					continue
				}
				seen[d] = true
				ow, pl := slices.Clone(owner[d]), slices.Clone(placed[d])
				slices.Sort(ow)
				slices.Sort(pl)
				if slices.Equal(slices.Compact(ow), slices.Compact(pl)) {
					continue
				}
				o := orph[d]
				textless := func(ns []int) bool {
					for _, n := range ns {
						if m := got.Measure(n); m == nil || !m.HasText() {
							return true
						}
					}
					return false
				}
				cause := "other"
				switch {
				case slices.ContainsFunc(sc.Moved, func(s string) bool { return strings.Contains(stripSpace(s), d) }):
					cause = "moved"
				case textless(ow) || textless(pl) || textless([]int{o.Between[0], o.Between[1]}) && o.Between[0] > 0:
					cause = "lost-start"
				case stepOf(d) > 0:
					cause = "step"
				case o.Method == ByClause:
					cause = "clause"
				}
				if cause == "lost-start" && len(ow) == 1 && len(pl) == 1 {
					// Whether the two measures share their headings: where
					// they do not, the lost measure's own heading was in
					// its lost start sentence.
					if a, b := want.Measure(ow[0]), want.Measure(pl[0]); a != nil && b != nil {
						causes[fmt.Sprintf("lost-start, same heading %v", a.Section == b.Section && a.Subsection == b.Subsection)]++
					}
				}
				causes[cause]++
				if o.Doubtful {
					doubt[cause]++
				}
				lines = append(lines, fmt.Sprintf("%-8s %s s%02d want %v got %v %s between %v before %d score %.2f run %d %.2f doubt %v  %q",
					cause, filepath.Base(filepath.Dir(name)), seed, ow, pl, o.Method, o.Between, o.Before, o.Score, o.RunnerUp, o.RunnerUpScore, o.Doubtful, Clip(d, 40)))
			}
		}
	}
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("causes %v doubtful %v", causes, doubt)
	t.Logf("right %d, of them doubtful %d", right, rightDoubtful)
}
