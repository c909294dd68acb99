package seeds

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
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
	evidence := map[string]int{} // cause/evidence class -> misplaced sentences
	// Measures missed, by the best evidence their misplaced sentences
	// carry: content (every one top or lean), numbering (steps besides),
	// none (one or more with no evidence of its measure in its words).
	measureEvidence := map[string]int{}
	guideCause := map[string]map[string]int{}
	measures := map[string]int{} // guide -> measures not kept exactly
	for _, name := range names {
		clean := gs[name]
		want, _ := Parse(clean)
		oracle := newOracle(want)
		for seed := 1 + seedOffset(t); seed <= 20+seedOffset(t); seed++ {
			sc := scramble.Scramble(string(clean), scramble.Options{Seed: uint64(seed)})
			got, _ := Parse([]byte(sc.Text))
			for _, w := range want.Measures {
				var have []string
				if g := got.Measure(w.Number); g != nil {
					have = g.Details
				}
				if ok, _ := keeps(have, &w, sc.LostSentences); !ok {
					measures[filepath.Base(filepath.Dir(name))]++
				}
			}
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
			involved := map[int][]string{} // measure -> evidence of the misplaced sentences it gave or got
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
				ev := "-"
				if len(ow) == 1 {
					ev = oracle.evidence(d, ow[0])
				}
				evidence[cause+" "+ev]++
				if stepOf(d) > 0 && ev != "top" && ev != "lean" {
					ev2 := "step"
					for _, n := range append(slices.Clone(ow), pl...) {
						involved[n] = append(involved[n], ev2)
					}
				} else {
					for _, n := range append(slices.Clone(ow), pl...) {
						involved[n] = append(involved[n], ev)
					}
				}
				g := filepath.Base(filepath.Dir(name))
				if guideCause[g] == nil {
					guideCause[g] = map[string]int{}
				}
				guideCause[g][cause]++
				if o.Doubtful {
					doubt[cause]++
				}
				lines = append(lines, fmt.Sprintf("%-8s %-7s %s s%02d want %v got %v %s between %v before %d score %.2f run %d %.2f doubt %v  %q",
					cause, ev, filepath.Base(filepath.Dir(name)), seed, ow, pl, o.Method, o.Between, o.Before, o.Score, o.RunnerUp, o.RunnerUpScore, o.Doubtful, Clip(d, 40)))
			}
			for _, evs := range involved {
				switch {
				case !slices.ContainsFunc(evs, func(e string) bool { return e != "top" && e != "lean" }):
					measureEvidence["content"]++
				case !slices.ContainsFunc(evs, func(e string) bool { return e != "top" && e != "lean" && e != "step" }):
					measureEvidence["steps"]++
				default:
					measureEvidence["none"]++
				}
			}
		}
	}
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("causes %v doubtful %v", causes, doubt)
	t.Logf("cause and oracle evidence %v", evidence)
	t.Logf("measures touched by a misplaced follow-up, by its evidence %v", measureEvidence)
	for _, g := range slices.Sorted(maps.Keys(guideCause)) {
		t.Logf("guide %-36s measures missed %4d sentences %v", g, measures[g], guideCause[g])
	}
	t.Logf("right %d, of them doubtful %d", right, rightDoubtful)
}

// oracle scores a follow-up against the clean guide's measures (each its
// text and its other follow-ups): the most content can say of a sentence's
// measure, with no corruption in the profiles.
type oracle struct {
	nums []int
	g    *Guide
}

func newOracle(g *Guide) oracle {
	o := oracle{g: g}
	for _, m := range g.Measures {
		o.nums = append(o.nums, m.Number)
	}
	return o
}

// evidence classes sentence d of measure own: "top" where its own measure
// scores best, clearly (clearMargin ahead of the next), "lean" where best
// but not clearly, "none" where the sentence shares no word-pair with its
// own measure's other text (below noSimilarity), "other" where another
// measure scores higher.
func (o oracle) evidence(d string, own int) string {
	var docs [][]string
	for _, m := range o.g.Measures {
		doc := grams(m.Text)
		for _, x := range m.Details {
			if x != d {
				doc = append(doc, grams(x)...)
			}
		}
		docs = append(docs, doc)
	}
	vs := newVectorSpace(docs)
	best, second, scores := vs.rank(grams(d))
	j := slices.Index(o.nums, own)
	switch {
	case j < 0 || best < 0:
		return "none"
	case scores[j] < noSimilarity:
		return "none"
	case best == j && scores[j]-scoreAt(scores, second) >= clearMargin:
		return "top"
	case best == j:
		return "lean"
	}
	return "other"
}

// TestFollowUpDump writes the scrambled copy FOLLOWUP_DUMP=guide.txt:seed
// to /tmp/followup_dump.txt, for reading a copy's parse by hand.
func TestFollowUpDump(t *testing.T) {
	spec := os.Getenv("FOLLOWUP_DUMP")
	if spec == "" {
		t.Skip("FOLLOWUP_DUMP not set")
	}
	path, seed, _ := strings.Cut(spec, ":")
	clean, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(seed)
	sc := scramble.Scramble(string(clean), scramble.Options{Seed: uint64(n)})
	if err := os.WriteFile("/tmp/followup_dump.txt", []byte(sc.Text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("lost headings %q\nlost sentences %q\nmoved %q", sc.LostHeadings, sc.LostSentences, sc.Moved)
}
