package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/index/generate"
	"policybot/seeds"
)

// maxShown is how many example questions are written for a guide without
// its own.
const maxShown = 3

// ExampleQuestions are questions the guide answers, for greetings and
// declines: the guide's own (the [examples] section of its cues.txt, in
// file order) or, for a guide without any, up to three written from
// measures spread over the guide (package generate) that the index answers
// with the very measure each was written from. Never another guide's.
func (ix *Index) ExampleQuestions() []string {
	if own := ix.cues.list(cueExamples); len(own) > 0 {
		return slices.Clone(own)
	}
	ix.shownOnce.Do(func() { ix.shown = ix.writeExamples() })
	return slices.Clone(ix.shown)
}

// shownShapes are the forms of the written examples: short, as an owner
// would type them.
var shownShapes = []generate.Shape{{Name: "can", Text: "{t}能不能{a}"}, {Name: "keyword-act", Text: "{t}{a}"}, {Name: "keyword", Text: "{t}"}}

// shownRank orders written questions: a question ("…能不能…") first, then
// longer phrases, a bare word of two characters last.
func shownRank(q string) int {
	switch n := utf8.RuneCountInString(q); {
	case strings.Contains(q, "能不能"):
		return 0
	case n >= 4:
		return 1
	default:
		return 2
	}
}

// writeExamples writes the examples of a guide without its own: for
// measures spread evenly over the guide, the first question of the shapes
// that the index answers with that measure.
func (ix *Index) writeExamples() []string {
	lex := generate.Lexicon{Stopwords: ix.lex.Stopwords, Words: ix.lex.UserWords}
	for _, s := range ix.lex.Synonyms {
		lex.Synonyms = append(lex.Synonyms, generate.Synonym{From: s.From, To: s.To})
	}
	qs := generate.Questions(ix.seg, ix.guide, lex, generate.WithShapes(shownShapes), generate.WithMax(4))
	var nums []int
	for _, m := range ix.guide.Measures {
		if len(qs[m.Number]) > 0 && !m.Frame {
			nums = append(nums, m.Number)
		}
	}
	var out []string
	for i := 0; i < len(nums) && len(out) < maxShown; i++ {
		// Start at evenly spread measures, then fill from the rest.
		n := nums[(i*len(nums)/maxShown+i/maxShown)%len(nums)]
		cands := slices.Clone(qs[n])
		slices.SortStableFunc(cands, func(a, b string) int { return shownRank(a) - shownRank(b) })
		for _, q := range cands {
			r, err := ix.Search(q)
			if err == nil && r.Kind == seeds.KindMeasure && r.Measures[0].Number == n && !slices.Contains(out, q) {
				out = append(out, q)
				break
			}
		}
	}
	return out
}
