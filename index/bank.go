package index

import (
	"slices"
	"strings"

	"policybot/index/generate"
	"policybot/index/jieba"
)

// The example bank an index searches and trains with: the guide's written
// examples where they are its own, questions generated from the measures
// that have too few (index/generate), and the domain's out-of-scope
// questions with another place filled in.

// placeholder stands for another place in the domain's out-of-scope bank.
const placeholder = "{place}"

// bank returns the example bank for the guide. The written examples are
// kept only when the guide has at least Tuning.MinPositives of its own
// (findUnfit drops groups that do not fit): the built-in bank run on
// another district's guide teaches nothing about it. A measure with fewer
// than Tuning.MinExamples written examples gets generated ones.
func (ix *Index) bank() []Example {
	tu := &ix.tuning
	var written []Example
	count := map[int]int{}
	for _, e := range ix.lex.Examples {
		if e.Measure == 0 || ix.answerable(e.Measure) && !ix.unfit[e.Measure] {
			written = append(written, e)
			if e.Measure != 0 {
				count[e.Measure]++
			}
		}
	}
	positives := 0
	for _, n := range count {
		positives += n
	}
	if positives < tu.MinPositives || tu.DayOne {
		written, count = nil, map[int]int{}
	}
	out := written
	gen := generate.Questions(ix.seg, ix.guide, ix.generateLexicon(), generate.WithMax(tu.GeneratedExamples))
	for _, m := range ix.guide.Measures {
		if count[m.Number] >= tu.MinExamples || !ix.answerable(m.Number) {
			continue
		}
		for _, q := range gen[m.Number] {
			out = append(out, Example{Measure: m.Number, Text: q, Generated: true})
		}
	}
	places := ix.otherPlaces()
	for i, q := range ix.lex.OutOfScope {
		if strings.Contains(q, placeholder) {
			if len(places) == 0 {
				continue
			}
			q = strings.ReplaceAll(q, placeholder, places[i%len(places)])
		}
		out = append(out, Example{Text: q, Generated: true})
	}
	return out
}

// generateLexicon is the lexicon as index/generate reads it.
func (ix *Index) generateLexicon() generate.Lexicon {
	gl := generate.Lexicon{Stopwords: ix.lex.Stopwords, Words: ix.lex.UserWords}
	for _, s := range ix.lex.Synonyms {
		gl.Synonyms = append(gl.Synonyms, generate.Synonym{From: s.From, To: s.To})
	}
	return gl
}

// otherPlaces are places that are not the guide's own, for filling in the
// out-of-scope bank: the lexicon's place words (userdict.txt, tag ns) and
// jieba's most frequent provinces, cities and districts, interleaved.
func (ix *Index) otherPlaces() []string {
	var lexPlaces []string
	for w, tag := range ix.lex.userTags {
		if tag == "ns" && !ix.ownPlace(w) && !strings.ContainsAny(w, "市省") {
			lexPlaces = append(lexPlaces, w)
		}
	}
	slices.Sort(lexPlaces)
	general, _ := jieba.Places(40)
	general = slices.DeleteFunc(general, ix.ownPlace)
	var out []string
	for i := 0; i < max(len(lexPlaces), len(general)); i++ {
		if i < len(lexPlaces) {
			out = append(out, lexPlaces[i])
		}
		if i < len(general) {
			out = append(out, general[i])
		}
	}
	return out
}
