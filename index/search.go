package index

import (
	"context"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"policybot/index/jieba"
)

// Kind is the decision on a question.
type Kind string

// Decisions.
const (
	KindMeasure Kind = "measure" // one measure answers it
	KindUnit    Kind = "unit"    // it asks about a unit (its phones, what it handles)
	KindChoice  Kind = "choice"  // several measures fit about equally: let the user pick
	KindSuggest Kind = "suggest" // not directly covered; Measures are the 1–3 closest
	KindNone    Kind = "none"    // the guide does not cover it
)

// Hit is a ranked measure.
type Hit struct {
	Number   int
	Score    float64 // BM25, comparable within one question only
	Coverage float64 // share of the question's words (by weight) the measure has
}

// Result is the answer of the search layer to one question.
type Result struct {
	Question string
	Kind     Kind
	// Contact is set when the question asks whom to contact or for a phone.
	Contact bool
	// List is set when the question asks for several measures ("有哪些").
	List bool
	// Deadline is set when the question asks when something ends or starts.
	Deadline bool
	// Measures are the ranked candidates, best first (at most MaxHits). For
	// KindChoice they are the choices; for KindNone they may still show
	// what came closest.
	Measures []Hit
	// Unit is the unit the question is about (KindUnit), or the unit it
	// mentions, if any.
	Unit *Unit
	// Terms are the topic words searched, after intents and stop words.
	Terms []string
	// Asked is the measure number the question names ("第4条", "第六十六条"),
	// or 0. It is set even when the guide has no such measure or lost its
	// text, so the dialog can say so.
	Asked int
	// NotChinese is set when the question has no Chinese characters.
	NotChinese bool
	// Human is set when the question asks for a person rather than a policy.
	Human bool
	// Probability is the decision model's probability that the best
	// measure answers the question (0 when no model was consulted).
	Probability float64
}

// Tuning of the decision, calibrated on ../shared/qa/dev.jsonl (see the
// README for the figures). They are variables so tests can probe them.
var (
	// MaxHits is the number of ranked measures returned.
	MaxHits = 5
	// minCoverage: below it the best measure shares too little of the
	// question to be its answer.
	minCoverage = 0.45
	// minTopicWeight: a question naming a unit is about the unit unless
	// the rest of it weighs at least this much (about one specific word).
	minTopicWeight = 1.5
	// sureCoverage and minWeakScore: between minCoverage and sureCoverage
	// the best measure must also score at least minWeakScore (BM25).
	sureCoverage = 0.8
	minWeakScore = 0.014
	// tieRatio: a runner-up scoring at least this share of the best, with
	// as much coverage, makes the question ambiguous.
	tieRatio = 0.85
	// vagueTerms and vagueRatio: a question of at most vagueTerms words
	// that other measures cover as fully as the best, scoring at least
	// vagueRatio of it, is vague: the candidates are offered.
	vagueTerms = 2
	vagueRatio = 0.5
	// A word weighs between minWeight and maxWeight, by jieba's general
	// IDF above generalIDFFloor, scaled down by generalIDFScale.
	maxWeight       = 2.0
	minWeight       = 0.2
	generalIDFFloor = 5.0
	generalIDFScale = 2.5
	// singleCharFactor scales the weight of one-character words.
	singleCharFactor = 0.3
	// A word's weight is scaled by (general IDF - commonIDFFloor) /
	// commonIDFScale, between minCommonFactor and 1.
	commonIDFFloor  = 4.5
	commonIDFScale  = 3.0
	minCommonFactor = 0.3
	// maxQuestionRunes bounds the analysed text: no real question is longer,
	// and it keeps a pasted essay from costing more than a question.
	maxQuestionRunes = 200
)

var phoneInText = regexp.MustCompile(`(?:0\d{2}-?)?\d{8}|1[3-9]\d{9}`)

// Search answers a question: it ranks the measures and decides what kind of
// answer fits. The question is plain text: characters such as + - : ^ ~ *
// ? " ( ) have no query meaning. Search never fails; a question it cannot
// use gets KindNone.
func (ix *Index) Search(question string) Result {
	q := normalize(question)
	r := Result{Question: question}
	if q == "" {
		r.Kind = KindNone
		return r
	}
	if u := ix.unitByPhone(q); u != nil {
		r.Kind, r.Unit, r.Contact = KindUnit, u, true
		return r
	}
	topic := q
	topic, r.Contact = cutPhrases(topic, ix.lex.Intents[IntentContact])
	topic, r.List = cutPhrases(topic, ix.lex.Intents[IntentList])
	topic, r.Deadline = cutPhrases(topic, ix.lex.Intents[IntentDeadline])
	if u, name := ix.dir.find(topic); u != nil {
		r.Unit = u
		topic = strings.Replace(topic, name, " ", 1)
	}
	concepts := ix.concepts(topic)
	for _, c := range concepts {
		r.Terms = append(r.Terms, c.term)
	}
	weight := 0.0
	for _, c := range concepts {
		weight += c.weight
	}
	if r.Unit != nil && weight < minTopicWeight {
		// "医保局打哪个号": the words besides the unit say nothing more.
		r.Kind = KindUnit
		return r
	}
	if len(concepts) > 0 {
		r.Measures = ix.rank(topic, concepts)
	}
	ix.decide(&r)
	return r
}

func (ix *Index) decide(r *Result) {
	good := func(h Hit) bool {
		// Partial coverage with a weak match is more often a question the
		// guide does not answer that shares a word or two with it.
		return h.Coverage >= minCoverage && (h.Coverage >= sureCoverage || h.Score >= minWeakScore)
	}
	if len(r.Measures) == 0 || !good(r.Measures[0]) {
		// "人保局电话", "人保局": about the unit itself. But "医保局报销比例"
		// asks something the guide does not cover, whoever is named in it.
		if r.Unit != nil && (r.Contact || len(r.Terms) == 0) {
			r.Kind = KindUnit
		} else {
			r.Kind = KindNone
		}
		return
	}
	best := r.Measures[0]
	words := 0
	for _, t := range r.Terms {
		if utf8.RuneCountInString(t) > 1 {
			words++
		}
	}
	vague := words <= vagueTerms
	var offer []Hit
	for _, h := range r.Measures {
		asGood := good(h) && h.Coverage >= best.Coverage-1e-9
		switch {
		case h.Number == best.Number:
		case r.List && good(h):
			// "有哪些…": the user asked for a list.
		case asGood && h.Score >= tieRatio*best.Score:
			// A near tie: guessing would be wrong half the time.
		case asGood && vague && h.Score >= vagueRatio*best.Score:
			// "房租能减免吗": one or two words that several measures
			// answer in full; let the user say which.
		default:
			continue
		}
		offer = append(offer, h)
	}
	if len(offer) > 1 {
		r.Kind, r.Measures = KindChoice, offer
		return
	}
	r.Kind = KindMeasure
}

// normalize folds full-width forms, trims and bounds the question.
func normalize(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxQuestionRunes {
		s = string([]rune(s)[:maxQuestionRunes])
	}
	return s
}

// cutPhrases removes every listed phrase (longest first) from s.
func cutPhrases(s string, phrases []string) (string, bool) {
	found := false
	for _, p := range phrases {
		if strings.Contains(s, p) {
			s = strings.ReplaceAll(s, p, " ")
			found = true
		}
	}
	return s, found
}

func (ix *Index) unitByPhone(q string) *Unit {
	for _, m := range phoneInText.FindAllString(q, -1) {
		digits := strings.ReplaceAll(m, "-", "")
		for _, u := range ix.dir.units {
			for _, p := range u.Phones() {
				if strings.ReplaceAll(p, "-", "") == digits || strings.HasSuffix(strings.ReplaceAll(p, "-", ""), digits) && len(digits) == 8 {
					return u
				}
			}
		}
	}
	return nil
}

// concept is a word of the question: a longest token with the shorter
// tokens jieba's search mode found inside it.
type concept struct {
	term   string
	subs   []string
	weight float64 // see weight; computed once per question
}

func (ix *Index) concepts(text string) []concept {
	ts := ix.an.Analyze([]byte(text))
	var out []concept
	for _, t := range ts {
		if inner(ts, t) {
			continue
		}
		c := concept{term: string(t.Term)}
		for _, o := range ts {
			if o != t && o.Start >= t.Start && o.End <= t.End {
				c.subs = append(c.subs, string(o.Term))
			}
		}
		if !slices.ContainsFunc(out, func(x concept) bool { return x.term == c.term }) {
			c.weight = ix.weight(c)
			out = append(out, c)
		}
	}
	return out
}

// rank searches the measure fields with bleve (BM25, synonyms expanded by
// the index) and scores each hit's coverage of the question.
func (ix *Index) rank(topic string, concepts []concept) []Hit {
	var fields []query.Query
	for _, f := range measureFields {
		mq := bleve.NewMatchQuery(topic)
		mq.SetField(f.name)
		mq.SetBoost(f.boost)
		fields = append(fields, mq)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(fields...), 10, 0, false)
	res, err := ix.bi.SearchInContext(context.Background(), req)
	if err != nil || res == nil {
		return nil
	}
	var hits []Hit
	for _, h := range res.Hits {
		if !isMeasureID(h.ID) {
			continue
		}
		n := measureNumber(h.ID)
		hits = append(hits, Hit{Number: n, Score: h.Score, Coverage: ix.coverage(concepts, n)})
	}
	// Rank by score, but a measure that covers the question clearly better
	// goes first: BM25 favours short texts that repeat one word.
	sort.SliceStable(hits, func(i, j int) bool {
		if d := hits[i].Coverage - hits[j].Coverage; math.Abs(d) > 0.25 {
			return d > 0
		}
		return hits[i].Score > hits[j].Score
	})
	if len(hits) > MaxHits {
		hits = hits[:MaxHits]
	}
	return hits
}

// coverage is the weighted share of the question's concepts that measure n
// mentions, directly or through a synonym. A concept only partly present
// (one of its inner words) counts half.
func (ix *Index) coverage(concepts []concept, n int) float64 {
	terms := ix.terms[n]
	neg := ix.negated[n]
	var total, got float64
	for _, c := range concepts {
		w := c.weight
		total += w
		switch {
		case ix.has(neg, c.term):
			// The measure says 非国有 and the question 国有: a mismatch.
		case ix.has(terms, c.term):
			got += w
		default:
			for _, s := range c.subs {
				if utf8.RuneCountInString(s) >= 2 && ix.has(terms, s) {
					got += w / 2
					break
				}
			}
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

func (ix *Index) has(terms map[string]bool, t string) bool {
	if terms[t] {
		return true
	}
	for _, e := range ix.expand[t] {
		if terms[e] {
			return true
		}
	}
	return false
}

// weight is a concept's inverse document frequency over the measures,
// through its synonyms. A word no measure has weighs by its rarity in
// general Chinese (jieba's IDF table), between minWeight and maxWeight:
// a rare one (护照, 最低工资) is what makes an out-of-scope question fall
// short of coverage, while common chatter (今年, 实在, 说法) must not
// outweigh a question's topic. Single characters carry little meaning
// alone and weigh a fraction.
func (ix *Index) weight(c concept) float64 {
	w := math.Inf(1)
	for _, t := range append([]string{c.term}, ix.expand[c.term]...) {
		if v, ok := ix.idf[t]; ok && v < w {
			w = v
		}
	}
	if math.IsInf(w, 1) {
		w = generalWeight(c.term)
		for _, s := range c.subs {
			if v, ok := ix.idf[s]; ok && utf8.RuneCountInString(s) >= 2 {
				w = (min(v, maxWeight) + maxWeight) / 2
				break
			}
		}
	}
	if utf8.RuneCountInString(c.term) == 1 {
		w *= singleCharFactor
	} else if g, ok := jieba.GeneralIDF(c.term); ok {
		// Everyday words (准备, 最高, 一起, 企业) say little about a topic
		// even where the guide happens to use them rarely.
		w *= max(minCommonFactor, min(1, (g-commonIDFFloor)/commonIDFScale))
	}
	return w
}

// generalWeight maps jieba's general IDF onto [minWeight, maxWeight]; a
// word the table lacks gets maxWeight.
func generalWeight(word string) float64 {
	g, ok := jieba.GeneralIDF(word)
	if !ok {
		return maxWeight
	}
	return max(minWeight, min(maxWeight, (g-generalIDFFloor)/generalIDFScale))
}

// prepare computes the in-memory statistics used by the decision.
func (ix *Index) prepare() {
	ix.terms = map[int]map[string]bool{}
	ix.negated = map[int]map[string]bool{}
	df := map[string]int{}
	for i := range ix.guide.Measures {
		m := &ix.guide.Measures[i]
		set := map[string]bool{}
		doc := newMeasureDoc(ix.guide, m)
		for _, text := range []string{doc.Text, doc.Details, doc.Subsection} {
			for _, t := range ix.an.Analyze([]byte(text)) {
				set[string(t.Term)] = true
			}
		}
		ix.terms[m.Number] = set
		for t := range set {
			df[t]++
		}
		ix.negated[m.Number] = negatedTerms(doc.Text+doc.Details, set)
	}
	n := float64(len(ix.guide.Measures))
	ix.idf = map[string]float64{}
	for t, d := range df {
		ix.idf[t] = math.Log(1 + n/(float64(d)+0.5))
	}
	ix.expand = map[string][]string{}
	for _, s := range ix.lex.Synonyms {
		var to []string
		for _, p := range s.To {
			to = appendNew(to, longestTerms(ix.an, p)...)
		}
		for _, f := range s.From {
			f = strings.ToLower(f)
			ix.expand[f] = appendNew(ix.expand[f], to...)
		}
	}
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

// Related returns the words and their synonyms' guide words, for finding
// where in a measure's text a question's words occur.
func (ix *Index) Related(terms []string) []string {
	var out []string
	for _, t := range terms {
		out = appendNew(out, t)
		out = appendNew(out, ix.expand[t]...)
	}
	return out
}
