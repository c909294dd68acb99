package index

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// analyseByPairs is analyse as it was before spans: every token compared
// with every other. The faster reading must give the same analysis.
func (ix *Index) analyseByPairs(text string, excl int) analysed {
	ts := ix.an.Analyze([]byte(text))
	var a analysed
	for _, t := range ts {
		if ix.counting(text, t) {
			continue
		}
		a.terms = seeds.AppendNew(a.terms, string(t.Term))
		if inner(ts, t) {
			continue
		}
		c := concept{term: string(t.Term)}
		for _, o := range ts {
			if o != t && o.Start >= t.Start && o.End <= t.End {
				c.subs = append(c.subs, string(o.Term))
			}
		}
		if !slices.ContainsFunc(a.concepts, func(x concept) bool { return x.term == c.term }) {
			c.weight = ix.weight(c, excl)
			c.known = ix.known(c, excl)
			c.banked = c.known || ix.banked(c, excl)
			a.concepts = append(a.concepts, c)
		}
	}
	return a
}

func TestAnalyseSameAsPairs(t *testing.T) {
	files, err := filepath.Glob("testdata/heldout*_story.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no story sets: %v", err)
	}
	var texts []string
	var all strings.Builder
	for _, q := range readQuestions(t, files...) {
		texts = append(texts, q.Q)
		all.WriteString(q.Q)
	}
	texts = append(texts, string([]rune(all.String())[:MaxMessageRunes]), "", "社保", "🙂🙂", "a b c")
	for _, text := range texts {
		got, want := testIndex.analyse(text, -1), testIndex.analyseByPairs(text, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("analyse(%.30q) differs from the pairwise reading:\n got %+v\nwant %+v", text, got, want)
		}
	}
}
