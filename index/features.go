package index

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Feature names, in the order of the model's weights. Each describes the
// question's relation to the guide, not the question alone.
var featureNames = []string{
	"score",            // ln(1 + 100·BM25) of the best measure
	"margin",           // (best − runner-up) / best, BM25, at least −1
	"coverage",         // best measure's weighted share of the question
	"known_coverage",   // the same over words some measure uses
	"example_coverage", // best share of the question one example of the best measure holds
	"none_similarity",  // weighted Jaccard of the question and its nearest out-of-scope example
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

// Feature returns the value of the decision model's input named name (one
// of the names ask --json shows, e.g. "unknown_nouns"); ok is false when no
// model was consulted or there is no such input.
func (r *Result) Feature(name string) (v float64, ok bool) {
	for _, f := range r.Features {
		if f.Name == name {
			return f.Value, true
		}
	}
	return 0, false
}

// tagged is the question's parts of speech (jieba's tagger) and the
// number of places it names that are not the guide's own.
type tagged struct {
	pos    map[string]string
	places int
}

// A question that names the guide's own district as well ("总部在海淀，项目
// 放到XX区", XX being the guide's district) is about the guide's district: other places count only without it.
func (ix *Index) tag(q string) tagged {
	t := tagged{pos: map[string]string{}}
	for _, w := range ix.seg.Tag(q) {
		t.pos[strings.ToLower(w.Word)] = w.POS
		if w.POS == "ns" && !ix.ownPlace(w.Word) {
			t.places++
		}
	}
	for _, p := range ix.ownPlaces {
		if strings.Contains(q, p) {
			t.places = 0
		}
	}
	return t
}

// findOwnPlaces returns the places the guide's issuer (or title) names, as
// written and without their 省/市/区/县 suffix: "北京市XX区人民政府" gives
// 北京市, 北京, XX区, XX.
func (ix *Index) findOwnPlaces() []string {
	source := ix.guide.Issuer
	if source == "" {
		source = ix.guide.Title
	}
	var out []string
	for _, w := range ix.seg.Tag(source) {
		stem, suffixed := cutPlaceSuffix(w.Word)
		if w.POS != "ns" && !suffixed || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		out = appendNew(out, w.Word, stem)
	}
	return out
}

func cutPlaceSuffix(w string) (string, bool) {
	for _, suffix := range []string{"省", "市", "区", "县"} {
		if s, ok := strings.CutSuffix(w, suffix); ok && s != "" {
			return s, true
		}
	}
	return w, false
}

// features computes the model's inputs for a question whose topic was
// analysed into a and ranked into hits.
func (ix *Index) features(tg tagged, a analysed, hits []Hit, r *Result, excl int) []float64 {
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
			// Clipped: ranking by coverage can put a higher score second.
			set("margin", max(-1, (best.Score-hits[1].Score)/best.Score))
		} else {
			set("margin", 1)
		}
		set("coverage", best.Coverage)
		set("known_coverage", best.KnownCoverage)
		set("example_coverage", ix.exampleCoverage(a.concepts, best.Number, excl))
		set("none_similarity", ix.noneSimilarity(a, excl))
	}
	unknown, nouns := 0.0, 0
	for _, c := range a.concepts {
		if c.known {
			continue
		}
		unknown += c.weight
		if p := tg.pos[c.term]; strings.HasPrefix(p, "n") && p != "ns" {
			nouns++
		}
	}
	set("unknown_weight", unknown)
	set("unknown_nouns", float64(nouns))
	set("other_places", float64(tg.places))
	set("contact", b2f(r.Contact))
	set("list", b2f(r.List))
	set("deadline", b2f(r.Deadline))
	set("unit", b2f(r.Unit != nil))
	set("length", math.Log1p(float64(len(a.concepts))))
	return x
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

// ownPlace reports whether a place name is the guide's own: named in its
// title or by its issuer ("北京市XX区人民政府" owns 北京, XX, XX区), or
// used in its text.
func (ix *Index) ownPlace(word string) bool {
	stem, _ := cutPlaceSuffix(word)
	return strings.Contains(ix.guide.Title, stem) || strings.Contains(ix.guide.Issuer, stem) || strings.Contains(ix.guideText, word)
}
