package index

import (
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"

	"policybot/index/jieba"
	"policybot/seeds"
)

// Where a measure has a word: bits 0..Folds-1 are the folds of its example
// questions, then its own text (text, details), then only its subsection
// heading.
type sources uint32

// vocab is the in-memory statistics over the measures behind word weights
// and coverage: which measure has which word where, each word's synonym
// expansions, and each word's inverse document frequency over the measures,
// with every fold of the examples left out in turn.
type vocab struct {
	folds   int
	has     map[int]map[string]sources // measure -> term -> where
	negated map[int]map[string]bool    // terms a measure only uses after 非
	expand  map[string][]string
	// idf[f+1] is the IDF without fold f's examples; idf[0] uses them all.
	idf []map[string]float64
	// support[f+1][t] is, for a term no measure's text uses, the number of
	// example folds of all measures that use it, fold f left out.
	support []map[string]int
	// inText holds the terms some measure's text or heading uses.
	inText map[string]bool
}

func (v *vocab) textBit() sources    { return 1 << v.folds }
func (v *vocab) headingBit() sources { return 1 << (v.folds + 1) }

// allowed is the mask of sources that count when fold excl is left out
// (excl < 0: none is).
func (v *vocab) allowed(excl int) sources {
	m := sources(1)<<(v.folds+2) - 1
	if excl >= 0 {
		m &^= 1 << excl
	}
	return m
}

// level is how much of term t measure n covers: 1 in its text or examples,
// the heading factor in its subsection heading only, 0 otherwise.
func (ix *Index) level(n int, t string, excl int) float64 {
	v := ix.vocab
	s := v.has[n][t] & v.allowed(excl)
	switch {
	case s&^v.headingBit() != 0:
		return 1
	case s != 0:
		return ix.tuning.HeadingFactor
	}
	return 0
}

// levelExpanded is level through the term's synonyms.
func (ix *Index) levelExpanded(n int, t string, excl int) float64 {
	l := ix.level(n, t, excl)
	for _, e := range ix.vocab.expand[t] {
		if l == 1 {
			break
		}
		l = max(l, ix.level(n, e, excl))
	}
	return l
}

func (ix *Index) idf(t string, excl int) (float64, bool) {
	v, ok := ix.vocab.idf[excl+1][t]
	return v, ok
}

// known reports whether any measure's text uses the concept (itself, a
// synonym or an inner word of two characters or more). Example questions
// do not make a word known: a guide with a large written bank would
// otherwise know everyday words a new guide, with generated examples only,
// does not, and the decision would not carry over (issue 20).
func (ix *Index) known(c concept, excl int) bool {
	in := ix.vocab.inText
	if in[c.term] {
		return true
	}
	for _, t := range ix.vocab.expand[c.term] {
		if in[t] {
			return true
		}
	}
	for _, s := range c.subs {
		if in[s] && utf8.RuneCountInString(s) >= 2 {
			return true
		}
	}
	return false
}

// banked reports whether any measure's text or example questions (fold
// excl left out) use the concept, itself or through a synonym.
func (ix *Index) banked(c concept, excl int) bool {
	if _, ok := ix.idf(c.term, excl); ok {
		return true
	}
	for _, t := range ix.vocab.expand[c.term] {
		if _, ok := ix.idf(t, excl); ok {
			return true
		}
	}
	for _, s := range c.subs {
		if _, ok := ix.idf(s, excl); ok && utf8.RuneCountInString(s) >= 2 {
			return true
		}
	}
	return false
}

// coverage is the weighted share of the question's concepts that measure n
// mentions, directly or through a synonym, and the same share over only the
// concepts some measure knows. A concept only partly present (one of its
// inner words) counts half; one in the measure's heading only counts the
// heading factor.
func (ix *Index) coverage(concepts []concept, n, excl int) (all, known float64) {
	neg := ix.vocab.negated[n]
	var total, totalKnown, got float64
	for _, c := range concepts {
		w := c.weight
		total += w
		if c.known {
			totalKnown += w
		}
		if neg[c.term] || anyIn(neg, ix.vocab.expand[c.term]) {
			continue // the measure says 非国有 and the question 国有 (国企): a mismatch
		}
		l := ix.levelExpanded(n, c.term, excl)
		if l == 0 {
			for _, s := range c.subs {
				if utf8.RuneCountInString(s) >= 2 && ix.level(n, s, excl) > 0 {
					l = 0.5
					break
				}
			}
		}
		got += w * l
	}
	if total > 0 {
		all = got / total
	}
	if totalKnown > 0 {
		known = got / totalKnown
	}
	return all, known
}

// weight is a concept's inverse document frequency over the measures,
// through its synonyms. A word no measure has weighs by its rarity in
// general Chinese (jieba's IDF table), between MinWeight and MaxWeight:
// a rare one (护照, 最低工资) is what makes an out-of-scope question fall
// short of coverage, while common chatter (今年, 实在, 说法) must not
// outweigh a question's topic. Single characters carry little meaning
// alone and weigh a fraction.
func (ix *Index) weight(c concept, excl int) float64 {
	tu := &ix.tuning
	w := math.Inf(1)
	if v, ok := ix.idf(c.term, excl); ok && v < w {
		w = v
	}
	for _, t := range ix.vocab.expand[c.term] {
		if v, ok := ix.idf(t, excl); ok && v < w {
			w = v
		}
	}
	if math.IsInf(w, 1) {
		w = ix.generalWeight(c.term)
		for _, s := range c.subs {
			if v, ok := ix.idf(s, excl); ok && utf8.RuneCountInString(s) >= 2 {
				w = (min(v, tu.MaxWeight) + tu.MaxWeight) / 2
				break
			}
		}
	}
	if n := ix.vocab.support[max(excl, -1)+1][c.term]; n > 0 && n < tu.ExampleSupport {
		// Only one owner's example uses it: chatter (这段) as likely as a topic.
		w *= float64(n) / float64(tu.ExampleSupport)
	}
	if utf8.RuneCountInString(c.term) == 1 {
		w *= tu.SingleCharFactor
	} else {
		w *= ix.commonFactor(c.term)
	}
	return w
}

// commonFactor is how much a word says about a topic by its rarity in
// general Chinese, from MinCommonFactor to 1: everyday words (准备, 最高,
// 一起, 企业) say little even where the guide happens to use them rarely;
// a word jieba's table lacks says all.
func (ix *Index) commonFactor(word string) float64 {
	tu := &ix.tuning
	g, ok := jieba.GeneralIDF(word)
	if !ok {
		return 1
	}
	return max(tu.MinCommonFactor, min(1, (g-tu.CommonIDFFloor)/tu.CommonIDFScale))
}

// generalWeight maps jieba's general IDF onto [MinWeight, MaxWeight]; a
// word the table lacks gets MaxWeight.
func (ix *Index) generalWeight(word string) float64 {
	tu := &ix.tuning
	g, ok := jieba.GeneralIDF(word)
	if !ok {
		return tu.MaxWeight
	}
	return max(tu.MinWeight, min(tu.MaxWeight, (g-tu.GeneralIDFFloor)/tu.GeneralIDFScale))
}

// prepare computes the vocabulary statistics from the guide and the
// example bank.
func (ix *Index) prepare() *vocab {
	k := ix.tuning.Folds
	v := &vocab{folds: k, has: map[int]map[string]sources{}, negated: map[int]map[string]bool{}, expand: map[string][]string{}}
	add := func(n int, text string, bit sources) {
		set := v.has[n]
		for _, t := range ix.an.Analyze([]byte(text)) {
			set[string(t.Term)] |= bit
		}
	}
	for i := range ix.guide.Measures {
		m := &ix.guide.Measures[i]
		v.has[m.Number] = map[string]sources{}
		doc := newMeasureDoc(ix.guide, m, nil)
		add(m.Number, doc.Text, v.textBit())
		add(m.Number, doc.Details, v.textBit())
		add(m.Number, doc.Subsection, v.headingBit())
		text := map[string]bool{}
		for t, s := range v.has[m.Number] {
			if s&v.textBit() != 0 {
				text[t] = true
			}
		}
		v.negated[m.Number] = negatedTerms(doc.Text+doc.Details, text)
	}
	for i, e := range ix.examples {
		if _, ok := v.has[e.Measure]; ok && !ix.unfit[e.Measure] {
			add(e.Measure, e.Text, 1<<ix.fold[i])
		}
	}
	n := float64(len(ix.guide.Measures))
	v.idf = make([]map[string]float64, k+1)
	for excl := -1; excl < k; excl++ {
		df := map[string]int{}
		for _, set := range v.has {
			for t, s := range set {
				if s&v.allowed(excl) != 0 {
					df[t]++
				}
			}
		}
		idf := make(map[string]float64, len(df))
		for t, d := range df {
			idf[t] = math.Log(1 + n/(float64(d)+0.5))
		}
		v.idf[excl+1] = idf
	}
	v.support = make([]map[string]int, k+1)
	inText := map[string]bool{}
	v.inText = inText
	for _, set := range v.has {
		for t, s := range set {
			if s&(v.textBit()|v.headingBit()) != 0 {
				inText[t] = true
			}
		}
	}
	for excl := -1; excl < k; excl++ {
		sup := map[string]int{}
		for _, set := range v.has {
			for t, s := range set {
				if !inText[t] {
					sup[t] += bits.OnesCount32(uint32(s & v.allowed(excl) &^ (v.textBit() | v.headingBit())))
				}
			}
		}
		v.support[excl+1] = sup
	}
	for _, s := range ix.lex.Synonyms {
		var to []string
		for _, p := range s.To {
			to = seeds.AppendNew(to, longestTerms(ix.an, p)...)
		}
		for _, f := range s.From {
			f = strings.ToLower(f)
			v.expand[f] = seeds.AppendNew(v.expand[f], to...)
		}
	}
	return v
}

// negatedTerms returns the terms a text only ever uses negated by a 非
// prefix (非国有房屋): matching them would answer the opposite question.
func negatedTerms(text string, terms map[string]bool) map[string]bool {
	neg := map[string]bool{}
	for t := range terms {
		if n := strings.Count(text, "非"+t); n > 0 && n == strings.Count(text, t) {
			neg[t] = true
		}
	}
	return neg
}

// related returns the words and their synonyms' guide words, for finding
// where in a measure's text a question's words occur.
func (ix *Index) related(terms []string) []string {
	var out []string
	for _, t := range terms {
		out = seeds.AppendNew(out, t)
		out = seeds.AppendNew(out, ix.vocab.expand[t]...)
	}
	return out
}

// findUnfit returns the measures whose example questions do not fit them:
// on average, the measure's own text covers less than MinExampleFit of
// their words. The built-in bank is written for one guide; run on another
// district's guide, its "[2]" questions (社保) would otherwise attach to
// that guide's measure 2 (电价). The bank's own groups fit their measures
// at 0.4 or more; another guide's at under 0.1.
func (ix *Index) findUnfit() map[int]bool {
	unfit := map[int]bool{}
	for n, idx := range ix.byMeasure {
		if n == 0 || len(idx) == 0 {
			continue
		}
		sum := 0.0
		for _, i := range idx {
			sum += ix.textCoverage(ix.concepts(ix.examples[i].Text), n)
		}
		if sum/float64(len(idx)) < ix.tuning.MinExampleFit {
			unfit[n] = true
		}
	}
	return unfit
}

// textCoverage is the weighted share of the concepts that measure n's own
// text (not its heading, not its examples) has, directly or through a synonym.
func (ix *Index) textCoverage(cs []concept, n int) float64 {
	total, got := 0.0, 0.0
	for _, c := range cs {
		total += c.weight
		for _, t := range append([]string{c.term}, ix.vocab.expand[c.term]...) {
			if ix.vocab.has[n][t]&ix.vocab.textBit() != 0 {
				got += c.weight
				break
			}
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}
