package index

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Features are the decision model's inputs for an ask. Each describes the
// ask's relation to the measures ranked first, in terms that mean the same
// on any guide: shares and flags rather than scores that grow with one
// guide's example bank. Only the ask's own words count; the situation
// around it ranks along but never counts against it.
type Features struct {
	Score    float64 // ln(1 + 100·BM25) of the best measure
	Margin   float64 // (best − runner-up) / best, BM25, at least −1
	Coverage float64 // best measure's weighted share of the ask's words
	// KnownCoverage is the covered weight divided by the weight of the
	// words some measure uses. The numerator still counts every covered
	// word, one only the examples know too, so it can exceed 1; unlike
	// Hit.KnownCoverage it is kept so because the trained model uses it.
	KnownCoverage float64
	// CoverageMargin is Coverage minus the runner-up's.
	CoverageMargin float64
	// MessageCoverage is Coverage over the ask's words and, at a lower
	// weight, the words of the situation some measure knows.
	MessageCoverage float64
	// MeasureShare is the weighted share of the best measure's distinctive
	// words (its key concepts) that the ask names: normalised by the
	// measure, not by the ask's length.
	MeasureShare float64
	// Specific is the weight of the most specific word of the ask the best
	// measure has, over the largest weight a word can have in this guide.
	Specific      float64
	UnknownWeight float64 // total weight of the ask's words no measure's text uses
	// Unbanked is the total weight of the ask's words (its context's
	// included) that neither a measure's text nor its example questions
	// use: not a model input, but what tells a follow-up in words this
	// guide's owners use ("要准备什么材料") from a question of its own.
	Unbanked     float64
	UnknownNouns float64 // how many of those are nouns
	// OutOfScope: the ask names a word of a domain out-of-scope topic
	// (outofscope.txt) that the best measure lacks.
	OutOfScope float64
	// OtherPlaces: place names other than the guide's own district and
	// city; 1 for a level of government above the guide's that the best
	// measure does not name (index/level.go).
	OtherPlaces float64
	Contact     float64 // 1: asks whom to contact
	List        float64 // 1: asks for a list
	Deadline    float64 // 1: asks when
	Unit        float64 // 1: names a unit of the guide
	Length      float64 // ln(1 + number of the ask's own words)
	Situation   float64 // ln(1 + number of the situation's words some measure knows)
	// Context: 1 when the ask names no subject and is read with the
	// statements before it ("…，这部分钱能补吗").
	Context float64
	// Weight is ln(1 + the total weight of the ask's own words some
	// measure knows): how much the ask itself says.
	Weight float64
	// Implied is set when the message asks nothing (a keyword search, a
	// story that stops): not a model input, but a refusal of it needs
	// the evidence a question gives (see suggestFloor).
	Implied bool
	// Bare is set when the message is this one ask and nothing else: no
	// story, no context, no other ask (see suggestFloor).
	Bare bool
	// Rival is a runner-up among the first three that covers more of the
	// ask's own words than the best measure and names nouns of the ask
	// (what it is about) the best lacks; RivalShare is their weighted
	// share of the ask. Not model inputs: on a guide without written
	// examples they make an answer a choice (see decide).
	Rival      int
	RivalShare float64
}

// featureNames name the model's inputs in the order of vector, for the
// saved model and ask --json.
var featureNames = []string{
	"score", "margin", "coverage", "known_coverage", "coverage_margin", "message_coverage", "measure_share", "specific",
	"unknown_weight", "unknown_nouns", "out_of_scope", "other_places", "contact", "list", "deadline", "unit",
	"length", "situation", "context", "weight",
}

// vector is the model's input in the order of featureNames.
func (f *Features) vector() []float64 {
	return []float64{
		f.Score, f.Margin, f.Coverage, f.KnownCoverage, f.CoverageMargin, f.MessageCoverage, f.MeasureShare, f.Specific,
		f.UnknownWeight, f.UnknownNouns, f.OutOfScope, f.OtherPlaces, f.Contact, f.List, f.Deadline, f.Unit,
		f.Length, f.Situation, f.Context, f.Weight,
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
	// level: the words by which a measure names the level of government
	// above the guide's that the ask itself names (higherLevel), or nil.
	level []string
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

// features computes the model's inputs for an ask whose words were
// analysed into a and ranked into hits.
func (ix *Index) features(tg tagged, a analysed, hits []Hit, r *Result, excl int) *Features {
	var f Features
	own := a.own()
	// "外地户口的员工能缓交社保吗": the asker's standing is a condition
	// put to the measure (see Judgement.Standing), not a topic no measure
	// knows or one the best measure must cover.
	own = ix.withoutStanding(a, own)
	best := 0
	if len(hits) > 0 {
		h := hits[0]
		best = h.Number
		f.Score = math.Log1p(100 * h.Score)
		f.Margin = 1
		if len(hits) > 1 && h.Score > 0 {
			// Clipped: ranking by coverage can put a higher score second.
			f.Margin = max(-1, (h.Score-hits[1].Score)/h.Score)
		}
		f.Coverage, f.KnownCoverage = ix.coverage(own, best, excl)
		f.CoverageMargin = f.Coverage
		if len(hits) > 1 {
			second, _ := ix.coverage(own, hits[1].Number, excl)
			f.CoverageMargin -= second
		}
		f.MessageCoverage, _ = ix.coverage(a.concepts, best, excl)
		f.MeasureShare = ix.measureShare(own, best)
		f.Specific = ix.specific(own, best, excl)
		f.Rival, f.RivalShare = ix.rival(tg, own, hits, f.Coverage, excl)
	}
	// A national policy named in the statements a subjectless ask took as
	// its context ("听说国家有旅行社质量保证金暂退的政策，能退多少") is
	// what it asks about, as if named in the ask.
	var exempt []string
	if a.standing || ix.standingCovered(own, r, best, excl, tg.pos) {
		exempt = ix.cues.list(cueStanding)
	}
	if ix.employerCovered(own, best, excl, tg.pos) {
		exempt = append(slices.Clone(exempt), ix.cues.list(cueBody)...)
	}
	f.OutOfScope = b2f(ix.outOfScope(ix.unnegated(own, r, best, excl, tg.pos), best, exempt) || r != nil && (ix.namesUnnamed(r.Question, best) || ix.asksProvider(r.Question, best)) ||
		a.context && ix.namesUnnamed(a.contextText, best) ||
		ix.headlessAsk(ix.withoutAspects(own), tg.pos) && ix.outOfScope(ix.unnegated(a.concepts, r, best, excl, tg.pos), best, exempt))
	f.Unbanked = a.unbanked
	for _, c := range own {
		if !c.banked {
			f.Unbanked += c.weight
		}
		if c.known {
			continue
		}
		f.UnknownWeight += c.weight
		if p := tg.pos[c.term]; strings.HasPrefix(p, "n") && p != "ns" {
			f.UnknownNouns++
		}
	}
	f.OtherPlaces = float64(tg.places)
	if tg.places == 0 && ix.otherLevel(tg.level, best) {
		// The nation's or the city's own programme, which the best
		// measure does not name, is as far from a district's guide as
		// another district's: the guide does not cover it.
		f.OtherPlaces = 1
	}
	f.Contact = b2f(r.Contact)
	f.List = b2f(r.List)
	f.Deadline = b2f(r.Deadline)
	f.Unit = b2f(r.Unit != nil)
	f.Length = math.Log1p(float64(len(own)))
	f.Situation = math.Log1p(float64(len(a.concepts) - len(own)))
	f.Context = b2f(a.context)
	w := 0.0
	for _, c := range own {
		if c.known {
			w += c.weight
		}
	}
	f.Weight = math.Log1p(w)
	return &f
}

// withoutStanding returns cs without the concepts of the standing words
// the ask names, or cs when they are all it names.
func (ix *Index) withoutStanding(a analysed, cs []concept) []concept {
	if len(a.standingWords) == 0 {
		return cs
	}
	if rest := slices.DeleteFunc(slices.Clone(cs), func(c concept) bool { return ix.standingTerm(a, c.term) }); len(rest) > 0 {
		return rest
	}
	return cs
}

// standingTerm reports whether term is part of a standing word the ask
// names (外地 and 户口 of 外地户口).
func (ix *Index) standingTerm(a analysed, term string) bool {
	for _, w := range a.standingWords {
		if strings.Contains(w, term) {
			return true
		}
	}
	return false
}

// rival returns the runner-up among the first three whose coverage of the
// ask's own words (own) is above the best's (cover) with the largest
// weighted share of the ask in nouns the best measure lacks and it names,
// and that share; 0 when none names such a noun. "贷款能延期还吗" ranks the
// measure on 工期顺延 first by 延期 alone, while the one on loans names 贷款
// as well: the object of the ask decides between them, not the score.
func (ix *Index) rival(tg tagged, own []concept, hits []Hit, cover float64, excl int) (int, float64) {
	total := 0.0
	for _, c := range own {
		total += c.weight
	}
	if total == 0 || len(hits) < 2 {
		return 0, 0
	}
	rival, most := 0, 0.0
	for _, h := range hits[1:min(3, len(hits))] {
		if c, _ := ix.coverage(own, h.Number, excl); c <= cover {
			continue
		}
		share := 0.0
		for _, c := range own {
			if !c.known || !strings.HasPrefix(tg.pos[c.term], "n") {
				continue
			}
			one := []concept{c}
			if lack, _ := ix.coverage(one, hits[0].Number, excl); lack > 0 {
				continue
			}
			if has, _ := ix.coverage(one, h.Number, excl); has > 0 {
				share += c.weight
			}
		}
		if share > most {
			rival, most = h.Number, share
		}
	}
	return rival, most / total
}

// keyConcepts is how many of a measure's words make its key concepts.
const keyConcepts = 6

// measureKeys returns each measure's key concepts: the words of its text
// (and follow-ups) that say most about it, by weight over the measures,
// heaviest first.
func (ix *Index) measureKeys() map[int][]concept {
	out := map[int][]concept{}
	for _, m := range ix.guide.Measures {
		if !ix.answerable(m.Number) {
			continue
		}
		var cs []concept
		for _, c := range ix.concepts(m.Text + "。" + strings.Join(m.Details, "")) {
			if c.known && utf8.RuneCountInString(c.term) >= 2 {
				cs = append(cs, c)
			}
		}
		slices.SortStableFunc(cs, func(x, y concept) int { return cmp.Compare(y.weight, x.weight) })
		out[m.Number] = cs[:min(keyConcepts, len(cs))]
	}
	return out
}

// names reports how much of concept k the ask's concepts name: 1 for the
// word, a synonym or a word holding it; 0.5 for a word inside it.
func (ix *Index) names(own []concept, k concept) float64 {
	best := 0.0
	for _, c := range own {
		switch {
		case c.term == k.term || slices.Contains(ix.vocab.expand[c.term], k.term) || slices.Contains(c.subs, k.term):
			return 1
		case slices.ContainsFunc(k.subs, func(s string) bool { return s == c.term && utf8.RuneCountInString(s) >= 2 }):
			best = 0.5
		}
	}
	return best
}

// measureShare is the weighted share of measure n's key concepts the ask
// names.
func (ix *Index) measureShare(own []concept, n int) float64 {
	var total, got float64
	for _, k := range ix.keys[n] {
		total += k.weight
		got += k.weight * ix.names(own, k)
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// specific is the weight of the heaviest ask word measure n has, over the
// heaviest a word can weigh in this guide (a word only one measure uses).
func (ix *Index) specific(own []concept, n, excl int) float64 {
	top := 0.0
	for _, c := range own {
		if c.weight > top && ix.levelExpanded(n, c.term, excl) > 0 {
			top = c.weight
		}
	}
	if ix.maxWeight == 0 {
		return 0
	}
	return min(1, top/ix.maxWeight)
}

// outOfScope reports whether the ask names a word of a domain out-of-scope
// topic that measure n (0: none) does not have. The words exempt are no
// such evidence: the standing section's when the ask puts the asker's
// standing as a condition ("外地户口能享受吗"), the bodies an owner runs
// when the ask is an employer's (see employerCovered).
func (ix *Index) outOfScope(own []concept, n int, exempt []string) bool {
	text := ""
	if m := ix.guide.Measure(n); m != nil {
		text = measureWords(m)
	}
	for _, c := range own {
		// A word the lexicon reads as words the measure names (公租房 as
		// 公共租赁住房) is the measure's topic, and so are its parts
		// (电梯年检's 年检): no other topic.
		if ix.namedThrough(text, c.term) {
			continue
		}
		for _, w := range append([]string{c.term}, c.subs...) {
			// A part the lexicon reads as the measure's words (低保户's 低保
			// as 社会救助, 价格临时补贴) is its topic too.
			if ix.oosWords[w] && !strings.Contains(text, w) && !ix.namedThrough(text, w) && !slices.Contains(exempt, w) {
				return true
			}
		}
	}
	return false
}

// unnegated returns cs without the words the ask negates as the asker's
// case ("没买房 公积金能取出来交房租吗") when measure n covers the rest
// (Tuning.NegatedCoverage) and the rest has a head of its own (公积金):
// what the asker lacks is then the condition the measure puts (无自有住
// 房), not an out-of-scope topic the ask is about. Otherwise cs as they
// are: "一直没注册商标 现在去注册还来得及吗" is about the 商标 it lacks.
func (ix *Index) unnegated(cs []concept, r *Result, n, excl int, pos map[string]string) []concept {
	if r == nil || n == 0 {
		return cs
	}
	neg := ix.negatedWords(r.Question + "，" + r.Situation)
	if len(neg) == 0 {
		return cs
	}
	rest := slices.DeleteFunc(slices.Clone(cs), func(c concept) bool { return neg.has(c.term) })
	if len(rest) == len(cs) || len(rest) == 0 || ix.headlessAsk(rest, pos) {
		return cs
	}
	if cover, _ := ix.coverage(rest, n, excl); cover < ix.tuning.NegatedCoverage {
		return cs
	}
	return rest
}

// standingCovered reports whether the ask, not put as a yes/no question,
// names a standing word (the standing section: 北京户口) of a person it
// asks about ("我问的是社保补贴啊 北京户口外地读大学的毕业生") while
// measure n covers the rest of its words (Tuning.NegatedCoverage), which
// have a head of their own (毕业生): the
// standing is a condition put to the measure, as in a yes/no question,
// not the 户口 matters the guide does not cover ("户口能迁到这边吗").
func (ix *Index) standingCovered(own []concept, r *Result, n, excl int, pos map[string]string) bool {
	if r == nil || n == 0 || !ix.cues.has(r.Question, cueStanding) {
		return false
	}
	standing := ix.cues.list(cueStanding)
	rest := slices.DeleteFunc(slices.Clone(own), func(c concept) bool {
		return slices.ContainsFunc(standing, func(w string) bool { return strings.Contains(w, c.term) })
	})
	if len(rest) == 0 || len(rest) == len(own) || ix.headlessAsk(rest, pos) {
		return false
	}
	cover, _ := ix.coverage(rest, n, excl)
	return cover >= ix.tuning.NegatedCoverage
}

// employerCovered reports whether the ask names a body an out-of-scope
// topic names that an owner may run (cueBody: 幼儿园) while measure n
// covers the rest of its words (Tuning.NegatedCoverage), which have a
// head of their own (社保): the body is the employer asking about an
// employer's relief ("幼儿园交不上社保怎么办", "我们这种幼儿园社保能不能缓
// 一缓"), not the schooling the guide does not cover ("幼儿园报名什么时候
// 开始", whose rest no measure covers).
func (ix *Index) employerCovered(own []concept, n, excl int, pos map[string]string) bool {
	bodies := ix.cues.list(cueBody)
	if n == 0 || len(bodies) == 0 {
		return false
	}
	rest := slices.DeleteFunc(slices.Clone(own), func(c concept) bool { return slices.Contains(bodies, c.term) })
	if len(rest) == 0 || len(rest) == len(own) || ix.headlessAsk(rest, pos) {
		return false
	}
	cover, _ := ix.coverage(rest, n, excl)
	return cover >= ix.tuning.NegatedCoverage
}

// headlessAsk reports whether an ask's own words name no thing at all
// (only verbs, cues and generic policy words: "需要报批吗 找谁批", "政府给补
// 贴吗"): what it asks about is what the story told, whose out-of-scope
// topic ("想在水库边上飞无人机航拍") is then the ask's.
func (ix *Index) headlessAsk(own []concept, pos map[string]string) bool {
	return !slices.ContainsFunc(own, func(c concept) bool { return ix.headWord(c.term, pos, nil) })
}

// withoutAspects returns cs without the bare words of what a matter costs
// or yields (head.aspect: "能省多少利息" after "我房贷还剩80万"): the ask
// asks them of the matter told, so they are no head of its own. A word
// the dictionary keeps whole with its kind (贷款利息) is another concept
// and stays.
func (ix *Index) withoutAspects(cs []concept) []concept {
	aspects := ix.cues.list(cueHeadAspect)
	if len(aspects) == 0 {
		return cs
	}
	return slices.DeleteFunc(slices.Clone(cs), func(c concept) bool { return slices.Contains(aspects, c.term) })
}

// namesUnnamed reports whether text names, as written, a national policy
// the guide does not name ("旅行社的质量保证金", which segments into 质量
// and 保证金) that measure n (0: none) does not name either.
func (ix *Index) namesUnnamed(text string, n int) bool {
	measure := ""
	if m := ix.guide.Measure(n); m != nil {
		measure = measureWords(m)
	}
	text = strings.ToLower(text)
	for _, w := range ix.unnamedNames {
		if utf8.RuneCountInString(w) >= 3 && strings.Contains(text, w) && !strings.Contains(measure, w) {
			return true
		}
	}
	return false
}

// asksProvider reports whether ask asks where a service is had ("哪里能做
// 核酸检测") while measure n (0: none) gives no such place: a relief
// that pays for a service (a subsidy for testing costs) does not say
// where to get it, so the ask is about a provider the guide does not
// cover, however fully the measure names the service.
func (ix *Index) asksProvider(ask string, n int) bool {
	if !ix.cues.has(ask, cueProvider) {
		return false
	}
	m := ix.guide.Measure(n)
	return m == nil || !ix.cues.has(measureWords(m), cueProviderPlace)
}

// namedThrough reports whether text names every word the synonyms read w
// as (公租房 → 公共租赁住房), or every word of one of its lines: all of
// them, since one part alone (住房) is in many texts about something else.
func (ix *Index) namedThrough(text, w string) bool {
	to := ix.vocab.expand[w]
	if text == "" || len(to) == 0 && len(ix.senses[w]) == 0 {
		return false
	}
	all := func(ts []string) bool {
		return len(ts) > 0 && !slices.ContainsFunc(ts, func(t string) bool { return !strings.Contains(text, t) })
	}
	// A word of two senses (房贷: a housing-fund loan, or a household's
	// mortgage from a bank) is named by a text that names either one; a
	// word with senses only (中型企业 ~> 中小企业) by a text naming one.
	return all(to) || slices.ContainsFunc(ix.senses[w], all)
}

// subjectOutOfScope reports whether concept c of an ask's context names
// a domain out-of-scope topic in the context's last statement, the one
// right before the ask: the subject it asks about ("商标被人抢注了，现在该
// 怎么办"), not a circumstance told earlier ("每个月还得交物业费，听说能改
// 成人才公寓，政府支持吗") nor what it negates ("我也不忍心辞退他们").
func (ix *Index) subjectOutOfScope(context string, c concept) bool {
	if !ix.oosWords[c.term] && !anyIn(ix.oosWords, c.subs) {
		return false
	}
	context = strings.ToLower(context)
	clauses := strings.FieldsFunc(context, func(r rune) bool { return r == ',' || r == '，' })
	for k, clause := range clauses {
		// The last statement is the subject; so is, earlier, what the
		// asker heard of ("听说有稳岗返还，失业保险费能退回来一部分，这个
		// 怎么申请").
		if (k == len(clauses)-1 || ix.cues.has(clause, cueHearsay)) && strings.Contains(clause, c.term) &&
			!ix.negatedWords(clause).has(c.term) && !negatedNear(clause, c.term) {
			return true
		}
	}
	return false
}

// negatedNear reports whether a negating character stands in the few
// characters before w in clause ("不忍心辞退", "没想注销"): the broad 不 the
// negation cues leave out, since 不能 or 交不上 negate no word of the ask.
func negatedNear(clause, w string) bool {
	i := strings.Index(clause, w)
	if i < 0 {
		return false
	}
	before := []rune(clause[:i])
	return strings.ContainsAny(string(before[max(0, len(before)-3):]), "不没别未")
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
