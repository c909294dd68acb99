package index

import (
	"math"
	"strings"
)

// Features are the decision model's inputs for a question. Each describes
// the question's relation to the guide, not the question alone.
type Features struct {
	Score           float64 // ln(1 + 100·BM25) of the best measure
	Margin          float64 // (best − runner-up) / best, BM25, at least −1
	Coverage        float64 // best measure's weighted share of the question
	KnownCoverage   float64 // the same over words some measure uses
	ExampleCoverage float64 // best share of the question one example of the best measure holds
	NoneSimilarity  float64 // weighted Jaccard of the question and its nearest out-of-scope example
	UnknownWeight   float64 // total weight of words no measure uses
	UnknownNouns    float64 // how many of those are nouns
	OtherPlaces     float64 // place names other than the guide's own district and city
	Contact         float64 // 1: asks whom to contact
	List            float64 // 1: asks for a list
	Deadline        float64 // 1: asks when
	Unit            float64 // 1: names a unit of the guide
	Length          float64 // ln(1 + number of words)
}

// featureNames name the fields of Features in the order of vector, for
// the saved model and ask --json.
var featureNames = []string{
	"score", "margin", "coverage", "known_coverage", "example_coverage", "none_similarity",
	"unknown_weight", "unknown_nouns", "other_places", "contact", "list", "deadline", "unit", "length",
}

// vector is the model's input in the order of featureNames.
func (f *Features) vector() []float64 {
	return []float64{
		f.Score, f.Margin, f.Coverage, f.KnownCoverage, f.ExampleCoverage, f.NoneSimilarity,
		f.UnknownWeight, f.UnknownNouns, f.OtherPlaces, f.Contact, f.List, f.Deadline, f.Unit, f.Length,
	}
}

// Feature is one input of the decision model for a question, by name (as
// ask --json shows it): its value and what it added to the log-odds.
type Feature struct {
	Name         string  `json:"name"`
	Value        float64 `json:"value"`
	Contribution float64 `json:"contribution"`
}

// tagged is the question's parts of speech (jieba's tagger) and the
// number of places it names that are not the guide's own.
type tagged struct {
	pos    map[string]string
	places int
	other  []string // the other places it names (Places.Other)
}

// tag tags q's words and counts the other places it is about (see
// AboutOtherPlace).
func (ix *Index) tag(q string) tagged {
	t := tagged{pos: map[string]string{}}
	words := ix.seg.Tag(q)
	for _, w := range words {
		t.pos[strings.ToLower(w.Word)] = w.POS
	}
	p := ix.places(words)
	if t.other = p.Other; ix.aboutOtherPlace(q, p) {
		t.places = len(p.Other)
	}
	return t
}

// features computes the model's inputs for a question whose topic was
// analysed into a and ranked into hits.
func (ix *Index) features(tg tagged, a analysed, hits []Hit, r *Result, excl int) *Features {
	var f Features
	if len(hits) > 0 {
		best := hits[0]
		f.Score = math.Log1p(100 * best.Score)
		f.Margin = 1
		if len(hits) > 1 && best.Score > 0 {
			// Clipped: ranking by coverage can put a higher score second.
			f.Margin = max(-1, (best.Score-hits[1].Score)/best.Score)
		}
		f.Coverage = best.Coverage
		f.KnownCoverage = best.KnownCoverage
		f.ExampleCoverage = ix.exampleCoverage(a.concepts, best.Number, excl)
		f.NoneSimilarity = ix.noneSimilarity(a, excl)
	}
	for _, c := range a.concepts {
		if c.known {
			continue
		}
		f.UnknownWeight += c.weight
		if p := tg.pos[c.term]; strings.HasPrefix(p, "n") && p != "ns" {
			f.UnknownNouns++
		}
	}
	f.OtherPlaces = float64(tg.places)
	f.Contact = b2f(r.Contact)
	f.List = b2f(r.List)
	f.Deadline = b2f(r.Deadline)
	f.Unit = b2f(r.Unit != nil)
	f.Length = math.Log1p(float64(len(a.concepts)))
	return &f
}

// exampleCoverage is the largest weighted share of the question's concepts
// that one example question of measure n (0: one out-of-scope example)
// contains, fold excl left out.
func (ix *Index) exampleCoverage(cs []concept, n, excl int) float64 {
	total := 0.0
	for _, c := range cs {
		total += c.weight
	}
	if total == 0 {
		return 0
	}
	best := 0.0
	for _, i := range ix.byMeasure[n] {
		if ix.fold[i] == excl {
			continue
		}
		terms := ix.exTerms[i]
		got := 0.0
		for _, c := range cs {
			if terms[c.term] || anyIn(terms, ix.vocab.expand[c.term]) {
				got += c.weight
			}
		}
		best = max(best, got/total)
	}
	return best
}

// noneSimilarity is the largest weighted Jaccard similarity between the
// question and one out-of-scope example (fold excl left out): the weight of
// the words they share over the weight of the words either has. A one-word
// question is not near a long example that merely contains its word.
func (ix *Index) noneSimilarity(a analysed, excl int) float64 {
	mine := map[string]bool{}
	total := 0.0
	for _, t := range a.terms {
		mine[t] = true
		for _, e := range ix.vocab.expand[t] {
			mine[e] = true
		}
	}
	for _, c := range a.concepts {
		total += c.weight
	}
	best := 0.0
	for _, i := range ix.byMeasure[0] {
		if ix.fold[i] == excl {
			continue
		}
		terms := ix.exTerms[i]
		shared, extra := 0.0, 0.0
		for _, c := range a.concepts {
			if terms[c.term] || anyIn(terms, ix.vocab.expand[c.term]) {
				shared += c.weight
			}
		}
		for _, c := range ix.exWords[i] {
			if !mine[c.term] && !anyIn(mine, c.subs) {
				extra += c.weight
			}
		}
		if u := total + extra; u > 0 {
			best = max(best, shared/u)
		}
	}
	return best
}

func anyIn(set map[string]bool, xs []string) bool {
	for _, x := range xs {
		if set[x] {
			return true
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
