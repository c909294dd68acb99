package index

import (
	"math"
	"strings"
)

// Feature names, in the order of the model's weights. Each describes the
// question's relation to the guide, not the question alone.
var featureNames = []string{
	"score",            // ln(1 + 100·BM25) of the best measure
	"margin",           // (best − runner-up) / best, BM25
	"coverage",         // best measure's weighted share of the question
	"known_coverage",   // the same over words some measure uses
	"example_coverage", // best share of the question one example of the best measure holds
	"unknown_weight",   // total weight of words no measure uses
	"unknown_nouns",    // how many of those are nouns
	"other_places",     // place names other than the guide's own district and city
	"contact",          // asks whom to contact
	"list",             // asks for a list
	"deadline",         // asks when
	"unit",             // names a unit of the guide
	"length",           // ln(1 + number of words)
}

// Feature is one input of the decision model for a question: its value and
// what it added to the log-odds.
type Feature struct {
	Name         string  `json:"name"`
	Value        float64 `json:"value"`
	Contribution float64 `json:"contribution"`
}

// features computes the model's inputs for a question whose topic was
// analysed into a and ranked into hits; q is the whole question, for its
// place names.
func (ix *Index) features(q string, a analysed, hits []Hit, r *Result, excl int) []float64 {
	x := make([]float64, len(featureNames))
	set := func(name string, v float64) {
		for i, n := range featureNames {
			if n == name {
				x[i] = v
				return
			}
		}
		panic("index: unknown feature " + name)
	}
	if len(hits) > 0 {
		best := hits[0]
		set("score", math.Log1p(100*best.Score))
		if len(hits) > 1 && best.Score > 0 {
			set("margin", (best.Score-hits[1].Score)/best.Score)
		} else {
			set("margin", 1)
		}
		set("coverage", best.Coverage)
		set("known_coverage", best.KnownCoverage)
		set("example_coverage", ix.exampleCoverage(a.concepts, best.Number, excl))
	}
	pos := map[string]string{}
	places := 0
	for _, w := range ix.seg.Tag(q) {
		pos[strings.ToLower(w.Word)] = w.POS
		if w.POS == "ns" && !ix.ownPlace(w.Word) {
			places++
		}
	}
	unknown, nouns := 0.0, 0
	for _, c := range a.concepts {
		if c.known {
			continue
		}
		unknown += c.weight
		if p := pos[c.term]; strings.HasPrefix(p, "n") && p != "ns" {
			nouns++
		}
	}
	set("unknown_weight", unknown)
	set("unknown_nouns", float64(nouns))
	set("other_places", float64(places))
	set("contact", b2f(r.Contact))
	set("list", b2f(r.List))
	set("deadline", b2f(r.Deadline))
	set("unit", b2f(r.Unit != nil))
	set("length", math.Log1p(float64(len(a.concepts))))
	return x
}

// exampleCoverage is the largest weighted share of the question's concepts
// that one example question of measure n contains (fold excl left out).
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

func anyIn(set map[string]bool, xs []string) bool {
	for _, x := range xs {
		if set[x] {
			return true
		}
	}
	return false
}

// ownPlace reports whether a place name is the guide's own: named in its
// title or by its issuer ("北京市密云区人民政府" owns 北京, 密云, 密云区), or
// used in its text.
func (ix *Index) ownPlace(word string) bool {
	stem := word
	for _, suffix := range []string{"省", "市", "区", "县"} {
		if s, ok := strings.CutSuffix(word, suffix); ok && s != "" {
			stem = s
			break
		}
	}
	return strings.Contains(ix.guide.Title, stem) || strings.Contains(ix.guide.Issuer, stem) || strings.Contains(ix.guideText, word)
}
