package eval

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"policybot/index"
	"policybot/seeds"
)

var (
	misses     = flag.Bool("misses", false, "print the questions held-out sets 4 and 6 and the LOGO guides get wrong, with their features")
	missesSets = flag.String("misses-sets", "set4,set6,logo", "the sets -misses prints: set4, set6, logo (comma-separated)")
)

// TestMisses prints, for held-out sets 4 and 6 and each leave-one-guide-out
// guide, the questions not answered right (an out-of-scope one answered
// with a measure included), with each ask's rank of the right measure,
// probability and features (go test ./index/eval -run TestMisses -misses
// [-misses-sets set6]); without -misses it does nothing.
func TestMisses(t *testing.T) {
	if !*misses {
		t.Skip("no -misses")
	}
	want := strings.Split(*missesSets, ",")
	for _, set := range []struct {
		name, prefix string
		files        []string
	}{
		{"set4", "../testdata/heldout4_", []string{"story", "faq", "typos", "oos"}},
		{"set6", "../testdata/heldout6_", []string{"story", "faq", "typos", "names", "oos"}},
	} {
		if !slices.Contains(want, set.name) {
			continue
		}
		var qs []Question
		for _, f := range set.files {
			qs = append(qs, readFile(t, set.prefix+f+".jsonl")...)
		}
		printMisses(t, set.name, testIndex, qs)
	}
	if !slices.Contains(want, "logo") {
		return
	}
	sets := logoSets(t)
	models := logoModels(t)
	for i, s := range sets {
		printMisses(t, s.Name, s.Index.WithModel(models[i]), s.Questions)
	}
}

func readFile(t *testing.T, name string) []Question {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func printMisses(t *testing.T, label string, ix *index.Index, qs []Question) {
	ev, err := Evaluate(ix, ix.Guide(), qs)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range ev.Results {
		q := qs[i]
		fmt.Printf("ALL %s %s %s %s %v %.3f %v\n", label, q.ID, q.Kind, o.Kind, o.Correct, o.Probability, o.ConfidentWrong)
		if o.Correct {
			continue
		}
		rd, err := ix.Read(q.Q, index.Context{})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("MISS %s %s %s want %v kind %s | %s\n", label, q.ID, q.Style, q.Measures, o.Kind, q.Q)
		for _, a := range rd.Asks {
			var hits []int
			for _, h := range a.Measures {
				hits = append(hits, h.Number)
			}
			rank := slices.IndexFunc(hits, func(n int) bool { return slices.Contains(q.Measures, n) }) + 1
			var fs []string
			for _, f := range a.Features {
				fs = append(fs, fmt.Sprintf("%s=%.2f(%+.2f)", f.Name, f.Value, f.Contribution))
			}
			fmt.Printf("   ask %q kind %s rank %d hits %v p %.2f terms %v sit %q\n      %s\n", a.Text, a.Kind, rank, hits, a.Probability, a.Terms, seeds.Clip(a.Situation, 30), strings.Join(fs, " "))
		}
	}
}
