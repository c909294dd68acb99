package index

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestOrderIsTransitive: the ranking's order does not depend on the order
// the search returned the hits in, and no hit follows one it covers
// clearly (Tuning.CoverageLead) more than. The hits are a cycle under
// "score unless coverage leads": A beats B by score, B beats C by score, C
// beats A by coverage; a comparator sort put them in an order that
// depended on where it started.
func TestOrderIsTransitive(t *testing.T) {
	lead := testIndex.tuning.CoverageLead
	hits := []Hit{
		{Number: 1, Score: 3, Coverage: 0.30},
		{Number: 2, Score: 2, Coverage: 0.45},
		{Number: 3, Score: 1, Coverage: 0.30 + lead + 0.05},
		{Number: 4, Score: 0.5, Coverage: 0.10},
		{Number: 5, Score: 0.5, Coverage: 0.10},
	}
	var want []int
	rng := rand.New(rand.NewPCG(1, 2))
	for try := range 50 {
		hs := slices.Clone(hits)
		rng.Shuffle(len(hs), func(i, j int) { hs[i], hs[j] = hs[j], hs[i] })
		testIndex.order(analysed{}, hs, nil, nil)
		var got []int
		for _, h := range hs {
			got = append(got, h.Number)
		}
		if try == 0 {
			want = got
		} else if !slices.Equal(got, want) {
			t.Fatalf("order %v from one start, %v from another", want, got)
		}
		for i := range hs {
			for _, later := range hs[i+1:] {
				if later.Coverage > hs[i].Coverage+lead {
					t.Errorf("%v: measure %d (coverage %.2f) after %d (%.2f)", got, later.Number, later.Coverage, hs[i].Number, hs[i].Coverage)
				}
			}
		}
	}
	// 3 covers clearly more than 1, the best score; then the scores.
	if !slices.Equal(want, []int{3, 1, 2, 4, 5}) {
		t.Errorf("order %v, want [3 1 2 4 5]", want)
	}
}

// TestOwnWeightOf checks the shortcut against what it stands for: the own
// weight of the analysed text, to the bit, over every question of the
// development and story sets, each clause of them (what namesSubject is
// asked of) and with each fold left out.
func TestOwnWeightOf(t *testing.T) {
	n := 0
	for _, q := range readQuestions(t, "testdata/dev.jsonl", "testdata/heldout4_story.jsonl") {
		texts := append([]string{q.Q}, strings.FieldsFunc(q.Q, func(r rune) bool { return strings.ContainsRune("，。？！,.?!；;", r) })...)
		for _, text := range texts {
			for excl := -1; excl < testIndex.tuning.Folds; excl++ {
				want := testIndex.ownWeight(testIndex.analyse(text, excl))
				if got := testIndex.ownWeightOf(text, excl); got != want {
					t.Errorf("ownWeightOf(%q, %d) = %v, want %v", text, excl, got, want)
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d texts compared", n)
	}
}

// TestAnalyseSmallStream: analysing a few tokens by scanning the kept lists
// gives what the maps give, over the development and story questions and
// their clauses.
func TestAnalyseSmallStream(t *testing.T) {
	var texts []string
	for _, q := range readQuestions(t, "testdata/dev.jsonl", "testdata/heldout4_story.jsonl") {
		texts = append(texts, q.Q)
		texts = append(texts, strings.FieldsFunc(q.Q, func(r rune) bool { return strings.ContainsRune("，。？！,.?!；;", r) })...)
	}
	want := make([]analysed, len(texts))
	wantOwn := make([]float64, len(texts))
	defer func(n int) { smallStream = n }(smallStream)
	smallStream = -1 // maps for every stream
	for i, text := range texts {
		want[i], wantOwn[i] = testIndex.analyse(text, -1), testIndex.ownWeightOf(text, -1)
	}
	smallStream = 1 << 20 // lists for every stream
	for i, text := range texts {
		if got := testIndex.analyse(text, -1); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("analyse(%q) by lists = %+v, by maps %+v", text, got, want[i])
		}
		if got := testIndex.ownWeightOf(text, -1); got != wantOwn[i] {
			t.Errorf("ownWeightOf(%q) by lists = %v, by maps %v", text, got, wantOwn[i])
		}
	}
}
