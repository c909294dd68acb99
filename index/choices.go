package index

import (
	"sort"
	"strings"

	"policybot/seeds"
)

// Honest lists: a choice or a suggestion offers the measures whose own
// sentences answer the question, best first, and nothing that does not; a
// list that turns out to have one clear answer is that answer, and an
// answer whose measure says none of the question's words, while the guide
// does not know some of them, is no answer ("离婚手续怎么办" is not the
// measure about 审批手续).

// answerCoverage is sentenceCoverage, except that a word the measure only
// uses negated (国有房屋 in "非国有房屋") counts as not there: the measure
// answers the opposite question.
func (ix *Index) answerCoverage(m *seeds.Measure, words []string) float64 {
	if m == nil || len(words) == 0 {
		return 0
	}
	text := measureWords(m)
	var total, got float64
	for _, w := range words {
		n := ix.commonFactor(w)
		total += n
		if negatedIn(text, w, ix.vocab.expand[w]) {
			continue
		}
		switch full, part := ix.mentions(text, w); {
		case full:
			got += n
		case part:
			got += n / 2
		}
	}
	return got / total
}

// negatedIn reports whether text mentions w, or else one of its guide
// words, only as 非w.
func negatedIn(text, w string, guideWords []string) bool {
	if strings.Contains(text, w) {
		return onlyNegated(text, w)
	}
	for _, e := range guideWords {
		if e != "" && strings.Contains(text, e) {
			return onlyNegated(text, e)
		}
	}
	return false
}

// honest settles a choice, a suggestion or an answer against the words of
// the question (topic words, no cues): see the top of this file.
func (ix *Index) honest(r *Result, words []string) {
	if len(words) == 0 || r.Asked != 0 || r.NotChinese {
		return
	}
	switch r.Kind {
	case seeds.KindMeasure:
		if r.Inputs != nil && r.Inputs.UnknownWeight > 0 && ix.answerCoverage(ix.guide.Measure(r.Measures[0].Number), words) == 0 {
			r.Kind = seeds.KindNone
		}
	case seeds.KindChoice, seeds.KindSuggest:
		ix.honestList(r, words)
	}
}

// honestList orders a choice or a suggestion by how much of words each
// measure's sentences cover and keeps those that answer: for a list ("有
// 哪些"), those covering RelatedCoverage of what the best covers; for a
// suggestion, those covering at least MinTopicCover; for a choice between
// near ties, or when the best covers all the words, those covering as
// much. One left that covers all the words is the answer; several that do,
// or several answering parts of a list, are a choice, not a suggestion;
// none is no answer.
func (ix *Index) honestList(r *Result, words []string) {
	cover := map[int]float64{}
	for _, h := range r.Measures {
		cover[h.Number] = ix.answerCoverage(ix.guide.Measure(h.Number), words)
	}
	hits := append([]Hit(nil), r.Measures...)
	sort.SliceStable(hits, func(i, j int) bool { return cover[hits[i].Number] > cover[hits[j].Number] })
	best := cover[hits[0].Number]
	floor := ix.tuning.MinTopicCover
	switch {
	case r.List:
		// "社保、公积金、水电气有哪些缓缴政策": each may answer a part.
		floor = ix.tuning.RelatedCoverage * best
	case r.Kind == seeds.KindChoice || best >= 1-1e-9:
		// Near ties, or one that has all the words: those as good.
		floor = max(floor, best-1e-9)
	}
	var keep []Hit
	for _, h := range hits {
		if c := cover[h.Number]; c >= floor && c > 0 {
			keep = append(keep, h)
		}
	}
	full := best >= 1-1e-9
	switch {
	case len(keep) == 0:
		r.Kind, r.Measures = seeds.KindNone, nil
		return
	case len(keep) == 1 && full:
		r.Kind = seeds.KindMeasure
	case r.Kind == seeds.KindSuggest && len(keep) > 1 && (full || r.List):
		r.Kind = seeds.KindChoice
	}
	r.Measures = keep
}
