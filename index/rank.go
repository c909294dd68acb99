package index

import (
	"fmt"
	"math/bits"
	"policybot/seeds"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// concept is a word of the question: a longest token with the shorter
// tokens jieba's search mode found inside it.
type concept struct {
	term   string
	subs   []string
	weight float64 // see weight; computed once per question
	known  bool    // some measure's text uses it (see known)
	// banked: some measure's text or example questions use it (see
	// banked): a word this guide's owners use, for staying on a topic.
	banked bool
	// situation: the word is the message's situation, not the ask's own
	// (its weight is scaled by Tuning.SituationWeight).
	situation bool
}

// analysed is a question's topic cut once: the tokens the bleve query is
// built from and the concepts coverage and the features are computed on.
type analysed struct {
	terms    []string // distinct tokens, longest and inner alike
	concepts []concept
	// situation are the tokens of the message's situation that some
	// measure knows and the ask lacks: searched at a lower boost.
	situation []string
	// context: the ask took the words of the statements before it;
	// contextText is those statements.
	context     bool
	contextText string
	// unbanked is the weight of the context's words that neither a
	// measure's text nor its example questions use: left out of the
	// search, but the ask's own (Features.Unbanked).
	unbanked float64
	// grantAsk: a yes/no question asking for something granted ("房租能
	// 减免吗"), not about the work behind it (专班, 督查).
	grantAsk bool
	// standing: a yes/no question naming the asker's own standing as a
	// condition ("不是北京户口能享受吗"): a question about a measure's
	// conditions, so its standing words (户口) are no out-of-scope topic.
	standing bool
	// standingWords are the standing words the ask names (外地户口):
	// the condition asked about, no unknown nouns of its topic.
	standingWords []string
	// negated are the words the ask itself negates ("房子…不是国有的"): a
	// measure naming only their negation (非国有房屋) is about its case.
	negated negation
	// options are the things an alternative question weighs ("是走国企房租
	// 减免还是有别的补贴"): asked about, not told of the asker's case.
	options []string
	// told is the ask's text (with its context) without its options.
	told string
}

// withSituation adds the words of text that some measure knows to the
// ask's analysis: the ask's context (the statements a subjectless ask
// needs, "店面是国企的房子，能减吗") as its own words, the message's other
// statements (situation) at Tuning.SituationWeight. They help rank (a
// state-owned landlord, the industry); an everyday word no measure uses is
// neutral, but a word of a domain out-of-scope topic in the statement
// right before a subjectless ask ("商标被人抢注了，现在该怎么办") is the
// ask's own evidence that the guide does not cover it.
func (ix *Index) withSituation(a analysed, text string, situation bool, excl int) analysed {
	if text == "" {
		return a
	}
	s := ix.analyse(text, excl)
	if !situation {
		a.contextText = text
	}
	for _, c := range s.concepts {
		dup := slices.ContainsFunc(a.concepts, func(x concept) bool { return x.term == c.term })
		if !situation && !c.banked && !dup {
			a.unbanked += c.weight
		}
		if dup || !c.known && (situation || !ix.subjectOutOfScope(text, c)) {
			continue
		}
		if situation {
			c.weight *= ix.tuning.SituationWeight
			c.situation = true
		} else {
			a.context = true
		}
		a.concepts = append(a.concepts, c)
		for _, t := range append([]string{c.term}, c.subs...) {
			switch {
			case slices.Contains(a.terms, t):
			case situation:
				a.situation = seeds.AppendNew(a.situation, t)
			default:
				a.terms = append(a.terms, t)
			}
		}
	}
	return a
}

// own returns the ask's own concepts, without the situation's.
func (a analysed) own() []concept {
	out := make([]concept, 0, len(a.concepts))
	for _, c := range a.concepts {
		if !c.situation {
			out = append(out, c)
		}
	}
	return out
}

// smallStream is the most tokens analyse finds again by scanning what it
// kept rather than through maps (a variable so that a test can compare the
// two ways).
var smallStream = 48

func (ix *Index) analyse(text string, excl int) analysed {
	ts := ix.an.Analyze([]byte(text))
	sp := newSpans(ts)
	var a analysed
	// A question's few tokens are looked up in the lists they go to
	// faster than in two maps made for them; a story's thousands need
	// the maps.
	var seenTerm, seenConcept map[string]bool
	if len(ts) > smallStream {
		seenTerm = make(map[string]bool, len(ts))
		seenConcept = make(map[string]bool, len(ts))
	}
	for i, t := range ts {
		term := string(t.Term)
		if ix.counting(text, t) {
			continue
		}
		if seenTerm == nil && !slices.Contains(a.terms, term) || seenTerm != nil && !seenTerm[term] {
			if seenTerm != nil {
				seenTerm[term] = true
			}
			a.terms = append(a.terms, term)
		}
		if sp.inner(i) {
			continue
		}
		c := concept{term: term, subs: sp.subs(i)}
		if seenConcept == nil && !slices.ContainsFunc(a.concepts, func(x concept) bool { return x.term == c.term }) || seenConcept != nil && !seenConcept[c.term] {
			if seenConcept != nil {
				seenConcept[c.term] = true
			}
			c.weight = ix.weight(c, excl)
			c.known = ix.known(c, excl)
			c.banked = c.known || ix.banked(c, excl)
			a.concepts = append(a.concepts, c)
		}
	}
	return a
}

// ownWeightOf is ix.ownWeight(ix.analyse(text, excl)), the same sum in
// the same order, without what ownWeight does not read: analyse weighs,
// and looks up in the bank, every concept, while ownWeight sums only the
// known ones of two characters or more that are no cue, and a clause
// reader asks it of every clause of a message (namesSubject), a tenth of
// a question's reading time.
func (ix *Index) ownWeightOf(text string, excl int) float64 {
	ts := ix.an.Analyze([]byte(text))
	sp := newSpans(ts)
	var seen map[string]bool // as in analyse
	var seenList []string
	if len(ts) > smallStream {
		seen = make(map[string]bool, len(ts))
	}
	w := 0.0
	for i, t := range ts {
		if ix.counting(text, t) || sp.inner(i) {
			continue
		}
		term := string(t.Term)
		if seen == nil {
			if slices.Contains(seenList, term) {
				continue
			}
			seenList = append(seenList, term)
		} else {
			if seen[term] {
				continue
			}
			seen[term] = true
		}
		if utf8.RuneCountInString(term) < 2 || ix.cues.isCue(term) {
			continue
		}
		c := concept{term: term, subs: sp.subs(i)}
		if ix.known(c, excl) {
			w += ix.weight(c, excl)
		}
	}
	return w
}

// counting reports whether token t of text is part of a count ("公司给12个
// 人上社保"): a headcount, which neither a measure for 个人 (individuals:
// 个人住房公积金贷款) nor one dated 2022年4月至12月 is about.
func (ix *Index) counting(text string, t *analysis.Token) bool {
	term := string(t.Term)
	return t.End <= len(text) && (term == "个人" && counted(text[:t.Start]) || ix.counts(term, text[t.End:]))
}

// counts reports whether term is a number that counts what the measure
// word (cues' count section) right after it counts: "12" in "12个人",
// "8" in "8台货车", but not a count a measure writes ("17个行业").
func (ix *Index) counts(term, after string) bool {
	if term == "" || strings.Trim(term, "0123456789") != "" {
		return false
	}
	for _, w := range ix.cues.list(cueCount) {
		if strings.HasPrefix(after, w) {
			// "在那17个行业里吗": a count the guide writes itself
			// ("17个行业") names what it counts there.
			// The character after the measure word says what is counted.
			_, size := utf8.DecodeRuneInString(after[len(w):])
			return !ix.guideWrites(term + after[:len(w)+size])
		}
	}
	return false
}

// spans answers which tokens of a stream lie inside which, in time linear
// in the tokens a token overlaps rather than in the whole stream: a
// 4,000-character story has thousands of tokens, and comparing each with
// every other was most of its reading time.
type spans struct {
	ts     analysis.TokenStream
	order  []int // indices of ts by Start, then by index
	maxLen int   // the longest token, in bytes
}

func newSpans(ts analysis.TokenStream) spans {
	sp := spans{ts: ts, order: make([]int, len(ts))}
	for i, t := range ts {
		sp.order[i] = i
		sp.maxLen = max(sp.maxLen, t.End-t.Start)
	}
	sort.SliceStable(sp.order, func(i, j int) bool { return ts[sp.order[i]].Start < ts[sp.order[j]].Start })
	return sp
}

// first is the position in order of the first token starting at or after start.
func (sp spans) first(start int) int {
	return sort.Search(len(sp.order), func(k int) bool { return sp.ts[sp.order[k]].Start >= start })
}

// inner reports whether a longer token covers token i (see inner).
func (sp spans) inner(i int) bool {
	t := sp.ts[i]
	for k := sp.first(t.Start - sp.maxLen); k < len(sp.order) && sp.ts[sp.order[k]].Start <= t.Start; k++ {
		o := sp.ts[sp.order[k]]
		if o != t && o.End >= t.End && o.End-o.Start > t.End-t.Start {
			return true
		}
	}
	return false
}

// subs returns the terms of the other tokens inside token i, in stream order.
func (sp spans) subs(i int) []string {
	t := sp.ts[i]
	var in []int
	for k := sp.first(t.Start); k < len(sp.order) && sp.ts[sp.order[k]].Start <= t.End; k++ {
		if o := sp.ts[sp.order[k]]; o != t && o.End <= t.End {
			in = append(in, sp.order[k])
		}
	}
	if len(in) == 0 {
		return nil
	}
	slices.Sort(in)
	out := make([]string, len(in))
	for j, k := range in {
		out[j] = string(sp.ts[k].Term)
	}
	return out
}

// concepts cuts text into concepts over the whole vocabulary.
func (ix *Index) concepts(text string) []concept {
	return ix.analyse(text, -1).concepts
}

// conceptWords returns the terms of ix.concepts(text) in order, without
// weighing each concept (what analyse spends
// most of its time on besides cutting the text).
func (ix *Index) conceptWords(text string) []string {
	ts := ix.an.Analyze([]byte(text))
	sp := newSpans(ts)
	var out []string
	seen := make(map[string]bool, len(ts))
	for i, t := range ts {
		if sp.inner(i) {
			continue
		}
		if term := string(t.Term); !seen[term] {
			seen[term] = true
			out = append(out, term)
		}
	}
	return out
}

// query is the bleve query for the analysed terms: per measure field (and
// per fold of examples, but fold excl), a disjunction of the terms, each
// with its synonyms' guide words. It is built from the one analysis rather
// than a match query per field, which would cut the question again each
// time, and only from terms the field holds: a clause that can match
// nothing costs a searcher and changes no ranking. It is nil when no field
// holds any of the terms.
func (ix *Index) query(terms, situation []string, excl int) query.Query {
	// Each term's alternatives (itself, then its synonyms' guide words)
	// and the fields holding each, looked up once for all fields.
	// All terms' alternatives share one list (and their field bits one
	// more), cut per term: two allocations per question, not two per term.
	all := slices.Concat(terms, situation)
	size := len(all)
	for _, t := range all {
		size += len(ix.vocab.expand[t])
	}
	flat := make([]string, 0, size)
	flatHolders := make([]uint32, 0, size)
	alts := make([][]string, len(all))
	holders := make([][]uint32, len(all))
	n := 0 // the term queries at most: one per field holding an alternative
	for i, t := range all {
		start := len(flat)
		flat = append(append(flat, t), ix.vocab.expand[t]...)
		alts[i] = flat[start:len(flat):len(flat)]
		for _, e := range alts[i] {
			flatHolders = append(flatHolders, ix.termFields[e])
			n += bits.OnesCount32(flatHolders[len(flatHolders)-1])
		}
		holders[i] = flatHolders[start:len(flatHolders):len(flatHolders)]
	}
	// The term queries and their boosts come from one array each, not
	// from two allocations per term query (NewTermQuery, SetBoost): a
	// question's query has some fifty. n bounds them, so the arrays never
	// move.
	tqArr := make([]query.TermQuery, 0, n)
	boostArr := make([]query.Boost, 0, n)
	perTerm := func(field int, boost float64) query.Query {
		name, bit := ix.fieldNames[field], uint32(1)<<field
		qs := make([]query.Query, 0, len(all))
		for i, t := range all {
			boost := boost
			if i >= len(terms) {
				boost *= ix.tuning.SituationWeight
			}
			// The term queries of the alternatives this field holds
			// are tqArr[first:]; most terms have one, which needs no
			// disjunction (nor a list of its own).
			first := len(tqArr)
			for j, e := range alts[i] {
				if holders[i][j]&bit != 0 && (e != t || len(tqArr) == first) {
					tqArr = append(tqArr, query.TermQuery{Term: e, FieldVal: name})
				}
			}
			switch len(tqArr) - first {
			case 0:
				continue
			case 1:
				boostArr = append(boostArr, query.Boost(boost))
				tqArr[first].BoostVal = &boostArr[len(boostArr)-1]
				qs = append(qs, &tqArr[first])
			default:
				tqs := make([]query.Query, 0, len(tqArr)-first)
				for k := first; k < len(tqArr); k++ {
					tqs = append(tqs, &tqArr[k])
				}
				d := bleve.NewDisjunctionQuery(tqs...)
				d.SetBoost(boost)
				qs = append(qs, d)
			}
		}
		if len(qs) == 0 {
			return nil
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	var fields []query.Query
	add := func(q query.Query) {
		if q != nil {
			fields = append(fields, q)
		}
	}
	for i, f := range measureFields {
		add(perTerm(i, f.boost))
	}
	for f := 0; f < ix.tuning.Folds; f++ {
		if f != excl {
			add(perTerm(len(measureFields)+f, exampleBoost))
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(fields...)
}

// loadFieldTerms reads the terms of every measure field from the index:
// fieldNames are the measure fields, then each fold's examples, and bit i
// of termFields[t] is set when field i holds term t.
func (ix *Index) loadFieldTerms() error {
	ix.termFields = map[string]uint32{}
	ix.fieldNames = nil
	for _, f := range measureFields {
		ix.fieldNames = append(ix.fieldNames, f.name)
	}
	for f := 0; f < ix.tuning.Folds; f++ {
		ix.fieldNames = append(ix.fieldNames, exampleField(f))
	}
	if len(ix.fieldNames) > 32 {
		return fmt.Errorf("open index: %d fields, more than a term's field bits hold", len(ix.fieldNames))
	}
	for i, name := range ix.fieldNames {
		d, err := ix.bi.FieldDict(name)
		if err != nil {
			return fmt.Errorf("open index: terms of %s: %w", name, err)
		}
		for e, err := d.Next(); e != nil && err == nil; e, err = d.Next() {
			ix.termFields[e.Term] |= 1 << i
		}
		d.Close()
	}
	return nil
}

// rank searches the measures with bleve (BM25) and scores each hit's
// coverage of the question.
func (ix *Index) rank(a analysed, excl int) ([]Hit, error) {
	q := ix.query(a.terms, a.situation, excl)
	if q == nil {
		return nil, nil
	}
	docs, err := ix.topDocs(q, max(10, ix.tuning.MaxHits))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	// "不是北京户口能享受房租减免吗": the asker's standing is a condition
	// put to the measure, not a topic it must cover (as in the features):
	// it would even out the coverage the measure of the topic leads by.
	// An ask naming nothing else ("不是北京户口能享受吗") keeps it: a
	// measure covering a mere 享受 would lead.
	cover := a.concepts
	if rest := ix.withoutStanding(a, a.concepts); ix.ownWeight(analysed{concepts: rest}) >= ix.tuning.SubjectWeight {
		cover = rest
	}
	// The ask's own words, as the features weigh them: a story's
	// statements rank along, but what the ask itself names says which of
	// two measures the story fits equally is asked about.
	own := ix.withoutStanding(a, a.own())
	// Known coverage counts only the words some measure uses: a word
	// found in one measure's example questions alone ("下个月") says
	// nothing about what the measure is about.
	known := slices.DeleteFunc(slices.Clone(cover), func(c concept) bool { return !c.known })
	ownCover := map[int]float64{}
	// The ask's own words besides those naming the asker ("司机社保":
	// 社保 without 司机), when it names both: a measure on the asker's
	// kind (货车司乘人员) says nothing of what the ask is about. Not when
	// the story ranks along or gave the ask its words: a lorry owner's story may well be asked of
	// the measure on lorry drivers.
	topic := slices.DeleteFunc(slices.Clone(own), func(c concept) bool { return ix.namesAsker(c.term) })
	if len(topic) == len(own) || len(own) < len(a.concepts) || a.context || ix.ownWeight(analysed{concepts: topic}) < ix.tuning.SubjectWeight {
		topic = nil
	}
	topicCover := map[int]float64{}
	var hits []Hit
	for _, h := range docs {
		if !isMeasureID(h.id) {
			continue
		}
		n := measureNumber(h.id)
		if !ix.answerable(n) {
			// Found by its example questions or contacts alone: the seed
			// lost its text, so it cannot be an answer.
			continue
		}
		all, _ := ix.coverage(cover, n, excl)
		knownAll, _ := ix.coverage(known, n, excl)
		hits = append(hits, Hit{Number: n, Score: h.score, Coverage: all, KnownCoverage: knownAll})
		if len(own) < len(a.concepts) {
			ownCover[n], _ = ix.coverage(own, n, excl)
		}
		if topic != nil {
			topicCover[n], _ = ix.coverage(topic, n, excl)
		}
	}
	ix.order(a, hits, ownCover, topicCover)
	if len(hits) > ix.tuning.MaxHits {
		hits = hits[:ix.tuning.MaxHits]
	}
	return hits, nil
}

// order sorts hits best first: by BM25 score, except that a measure
// covering the question clearly better (by more than Tuning.CoverageLead)
// goes first, since BM25 favours short texts that repeat one word; and a
// measure for the opposite of what the ask names (非国有 against 国企)
// goes after every other. "Score unless coverage leads" is no transitive
// order (a sort by it depends on the order it starts from), so the hits
// are picked one at a time: next is the best-scoring hit left, or, while
// a hit left covers clearly more than that one, the best-scoring of
// those. No hit then follows one it covers clearly more than.
//
// The first place (what the ask is about) also goes to a hit covering
// clearly more of the ask's own words (own, by measure; empty when the
// ask has no story around it) than one covering none of them, when it
// covers more of the whole message than that one (by half the lead: two
// measures naming one word of a story tie) and no less than any other: "国企的铺面…房东公司说没接到通知…到底谁来管这事" is asked of
// the measure that oversees the relief (谁来管: 督查), though the story's
// 国有, 房租 and 减免 score the relief itself higher and even out the
// message's coverage.
//
// Likewise the first place goes to a hit covering clearly more of the
// ask's topic (topic, by measure: its own words besides those naming the
// asker; empty when it names no asker) than one covering none of it, when
// it covers no less of the whole question than any hit (an ask ranked
// without its story's words): "司机社保那块呢" is
// asked of social insurance (社保), not of the measure on lorry drivers'
// passes that holds only 司机 and scores higher for being short.
func (ix *Index) order(a analysed, hits []Hit, own, topic map[int]float64) {
	var ahead, after []Hit
	for _, h := range hits {
		if ix.opposes(a, h.Number) || ix.namesNegatedCase(a, h.Number) || a.grantAsk && ix.onlyOrganises(h.Number) {
			after = append(after, h)
		} else {
			ahead = append(ahead, h)
		}
	}
	lead := ix.tuning.CoverageLead
	out := hits[:0]
	for _, group := range [][]Hit{ahead, after} {
		// Best score first (ties by number), so that "the best-scoring
		// of those" is the first of them.
		sort.SliceStable(group, func(i, j int) bool {
			if group[i].Score != group[j].Score {
				return group[i].Score > group[j].Score
			}
			return group[i].Number < group[j].Number
		})
		for len(group) > 0 {
			next, most := 0, 0.0
			for _, h := range group {
				most = max(most, h.Coverage)
			}
			for i := 1; i < len(group); i++ {
				h, n := group[i], group[next]
				if h.Coverage > n.Coverage+lead || len(out) == 0 && h.Coverage > n.Coverage+lead/2 && h.Coverage >= most && own[n.Number] == 0 && own[h.Number] > 2*lead ||
					len(out) == 0 && h.Coverage >= n.Coverage && h.Coverage >= most && topic[n.Number] == 0 && topic[h.Number] > 2*lead {
					next = i
				}
			}
			out = append(out, group[next])
			group = slices.Delete(group, next, next+1)
		}
	}
}

// onlyOrganises reports whether measure n only organises work: a sentence
// of its does ("组建房租减免工作专班，公告联系方式，协调督查政策落实") and
// none grants anything. It answers no question whether something is
// granted, so for one it goes after the measures that grant.
func (ix *Index) onlyOrganises(n int) bool {
	m := ix.guide.Measure(n)
	if m == nil {
		return false
	}
	organises := false
	for _, s := range sentences(m) {
		if ix.cues.has(s.text, cueOrganise) {
			organises = true
		} else if ix.grants(s.text) {
			return false
		}
	}
	return organises
}

// opposes reports whether measure n only names the negation of a word the
// ask itself names (its text says 非国有房屋, the ask 国企的房子): it
// answers the opposite question. A word the ask negates too ("不是国有的")
// is no opposition, unless the measure names another word the ask
// negates: the measure is then about the asker's case.
func (ix *Index) opposes(a analysed, n int) bool {
	neg := ix.vocab.negated[n]
	if len(neg) == 0 {
		return false
	}
	for _, c := range a.concepts {
		if !c.situation && !a.optionOnly(c.term) && (neg[c.term] || anyIn(neg, ix.vocab.expand[c.term])) {
			if a.negated.has(c.term) && !ix.namesNegated(a.negated, n, c.term) {
				continue
			}
			return true
		}
	}
	return false
}

// namesNegatedCase reports whether measure n is for the case the ask
// negates while another measure fits the asker's: a word the ask negates
// ("不是国企的房子": 国企, read as 国有) that n names plainly, where
// another measure names only its negation (非国有房屋) and names a word of
// the ask or its story that n lacks. "我们是一家民营孵化器…不是国企的房子
// …政府会补我们吗" is about the incubators' measure (孵化器, 补贴), not the
// state-owned premises'. A landlord's "我这是私房不是国企的房子，我也得给他
// 减吗" names nothing the other measure adds: the state-owned measure is
// what they ask about, and its verdict says it is not theirs.
func (ix *Index) namesNegatedCase(a analysed, n int) bool {
	if len(a.negated) == 0 {
		return false
	}
	m := ix.guide.Measure(n)
	if m == nil {
		return false
	}
	text := measureWords(m)
	for w := range a.negated {
		for _, t := range append([]string{w}, ix.vocab.expand[w]...) {
			if !strings.Contains(text, t) || onlyNegated(text, t) {
				continue
			}
			for k, neg := range ix.vocab.negated {
				if k != n && neg[t] && ix.addsToAsk(a, k, text) {
					return true
				}
			}
		}
	}
	return false
}

// addsToAsk reports whether measure k names a word of the ask or its
// story, not one it negates, that text (another measure's) lacks.
func (ix *Index) addsToAsk(a analysed, k int, text string) bool {
	m := ix.guide.Measure(k)
	if m == nil {
		return false
	}
	other := measureWords(m)
	for _, c := range a.concepts {
		if a.negated.has(c.term) {
			continue
		}
		forms := append([]string{c.term}, ix.vocab.expand[c.term]...)
		named := func(s string) bool {
			return slices.ContainsFunc(forms, func(t string) bool { return utf8.RuneCountInString(t) >= 2 && strings.Contains(s, t) })
		}
		// Named by k in any form and by text in none (房租 is 租金 too).
		if named(other) && !named(text) {
			return true
		}
	}
	return false
}

// optionOnly reports whether the ask names w only among the things it
// weighs (options): "是走国企房租减免还是有别的补贴" asks whether the
// state-owned premises' measure fits, which a measure for 非国有房屋 may
// answer, since the asker never said their landlord is state-owned.
func (a analysed) optionOnly(w string) bool {
	return len(a.options) > 0 && slices.ContainsFunc(a.options, func(o string) bool { return strings.Contains(o, w) }) &&
		!strings.Contains(a.told, w)
}

// namesNegated reports whether measure n's text names, other than after
// 非, a word of neg besides skip: a measure for 非国有房屋 agrees with "不
// 是国有的" but not with "不是国有的，也不在孵化器里" when it is for
// incubators.
func (ix *Index) namesNegated(neg negation, n int, skip string) bool {
	m := ix.guide.Measure(n)
	if m == nil {
		return false
	}
	text := measureWords(m)
	for w := range neg {
		if w != skip && strings.Contains(text, w) && !onlyNegated(text, w) {
			return true
		}
	}
	return false
}
