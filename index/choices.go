package index

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"policybot/index/tags"
	"policybot/seeds"
)

// Honest lists: a choice or a suggestion offers the measures whose own
// sentences answer the question, best first, and nothing that does not; a
// list that turns out to have one clear answer is that answer, and an
// answer whose measure says none of the question's words, while the guide
// does not know some of them, is only a suggestion ("离婚手续怎么办" is not
// the measure about 审批手续; the decision model declines most such).

// answerCoverage is sentenceCoverage, except that a word the measure only
// uses negated (国有房屋 in "非国有房屋") counts as not there: the measure
// answers the opposite question.
func (ix *Index) answerCoverage(m *seeds.Measure, words []string) float64 {
	if m == nil || len(words) == 0 {
		return 0
	}
	return ix.share(measureWords(m), words, true)
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
// the question (topic words, no cues): see the top of this file. A request
// for a list the search cannot answer ("开了个小饭馆，有啥政策") lists the
// measures for the kind, trade or need it names (byProfile).
func (ix *Index) honest(r *Result, words []string, around string, recent []int) {
	if len(words) == 0 || r.Asked != 0 || r.NotChinese || r.ByUnit {
		return
	}
	first := 0
	if len(r.Measures) > 0 {
		first = r.Measures[0].Number
	}
	defer ix.otherKindOfNewBest(r, first)
	defer oneCoveringAll(r)
	defer ix.byProfile(r, words, around)
	switch r.Kind {
	case seeds.KindMeasure:
		m := ix.guide.Measure(r.Measures[0].Number)
		if r.Inputs != nil && r.Inputs.Unbanked > 0 && ix.answerCoverage(m, words) == 0 && ix.answerCoverage(m, ix.situationWords(around)) == 0 {
			// The model is sure, the measure's words are not: offered as
			// the closest, never thrown away ("区里欠我们货款" is 第22条's
			// 账款).
			r.Kind, r.Measures = seeds.KindSuggest, r.Measures[:1]
			break
		}
		ix.bySituation(r, around)
	case seeds.KindChoice, seeds.KindSuggest:
		ix.honestList(r, words, around, recent)
		if r.Kind == seeds.KindChoice && !r.List {
			ix.choiceBySituation(r, around)
		}
	}
}

// otherKindOfNewBest weighs the ask's kind of the head (otherKind: 通行费
// against 资费) against the measure put first after the search weighed
// its best (weighHead), when the reordering put another first: "货车走高
// 速的通行费…" ranked a lorry measure first, whose words hold no fee, and
// the list put the broadband-fee measure before it.
func (ix *Index) otherKindOfNewBest(r *Result, first int) {
	if r.Kind != seeds.KindSuggest && r.Kind != seeds.KindMeasure || r.Missing != "" || len(r.Measures) == 0 || r.Measures[0].Number == first {
		return
	}
	if missing := ix.otherKind(r, ""); missing != "" {
		r.Kind, r.Missing, r.Measures = seeds.KindSuggest, missing, r.Measures[:1]
	}
}

// oneCoveringAll makes a choice of one measure that covers every word of
// the ask the answer: "水电都欠着，有啥办法" listed only 第7条, whose
// 欠费不停供 says all of it; a list of one to pick from is no choice.
func oneCoveringAll(r *Result) {
	if r.Kind == seeds.KindChoice && len(r.Measures) == 1 && r.Measures[0].Coverage >= 1-1e-9 {
		r.Kind = seeds.KindMeasure
	}
}

// bySituation breaks a near tie of an answer by the statements around the
// ask: of two measures scoring alike, the one naming who the statements
// say the asker is ("开了个饭馆" and 餐饮企业) answers, not the one for
// someone else (规模以上工业企业), whatever small share of the ask's own
// words tipped the ranking. A measure first because it covers clearly
// more of the ask (see order) ties with none, however much the statements
// lift another's score: a statement shared by two asks ("租的是区属国企的
// 房子，想问房租减免，还有水电气欠费会不会停供") names the first one's
// landlord, not what the second asks.
func (ix *Index) bySituation(r *Result, around string) {
	if len(r.Measures) < 2 {
		return
	}
	if ix.byStoryObject(r, around) || ix.byAskObject(r) {
		return
	}
	best, next := r.Measures[0], r.Measures[1]
	words := ix.situationWords(around)
	if len(words) == 0 || next.Score < ix.tuning.TieRatio*best.Score || best.Coverage > next.Coverage+ix.tuning.CoverageLead {
		return
	}
	if ix.answerCoverage(ix.guide.Measure(best.Number), words) > 0 || ix.answerCoverage(ix.guide.Measure(next.Number), words) == 0 {
		return
	}
	r.Measures[0], r.Measures[1] = next, best
	r.Related = ix.relatedMeasures(r.Measures)
}

// byStoryObject answers an ask that names no thing of its own ("能延期
// 吗" after "公司贷款到期了还不上") with the first of the next measures
// that names a thing the statements around it name (贷款) when the best
// names none: the shared verb (延期, 顺延) tipped the ranking, but a
// measure about a licence says nothing about a loan. A measure first
// because it covers clearly more of the ask keeps its place. It reports
// whether it reordered.
func (ix *Index) byStoryObject(r *Result, around string) bool {
	if around == "" || !ix.nounless(r.Question) {
		return false
	}
	objects := ix.storyObjects(around)
	if len(objects) == 0 {
		return false
	}
	names := func(h Hit) bool {
		text := measureWords(ix.guide.Measure(h.Number))
		return slices.ContainsFunc(objects, func(w string) bool { return ix.mentionsAny(text, w) && !onlyNegated(text, w) })
	}
	best := r.Measures[0]
	if names(best) {
		return false
	}
	for i, h := range r.Measures[1:min(len(r.Measures), maxStoryRank)] {
		if best.Coverage > h.Coverage+ix.tuning.CoverageLead || !names(h) {
			continue
		}
		r.Measures = slices.Insert(slices.Delete(r.Measures, i+1, i+2), 0, h)
		r.Related = ix.relatedMeasures(r.Measures)
		return true
	}
	return false
}

// byAskObject answers an ask that names a thing ("贷款快到期了，能延期
// 吗") with the first of the next measures that names it and covers more
// of the ask when the best does not name it: the verbs it
// shares (到期, 延期) and the examples written with them tipped the
// ranking, but a measure about a licence says nothing about a loan. A
// measure covering as much of the ask's known words keeps its place: the
// thing may be what the guide lacks (a near miss). Words no measure uses
// do not count: the licence measure's example questions said "下个月"
// too. It reports whether it reordered.
func (ix *Index) byAskObject(r *Result) bool {
	objects := ix.storyObjects(r.Question)
	if len(objects) == 0 {
		return false
	}
	namesWord := func(h Hit, w string) bool {
		text := measureWords(ix.guide.Measure(h.Number))
		return ix.mentionsAny(text, w) && !onlyNegated(text, w)
	}
	best := r.Measures[0]
	// The things the best leaves out: 延期, which the tagger takes for a
	// noun, the licence measure writes as 顺延; 贷款 it does not write.
	missing := slices.DeleteFunc(slices.Clone(objects), func(w string) bool { return namesWord(best, w) })
	if len(missing) == 0 {
		return false
	}
	named := slices.DeleteFunc(slices.Clone(objects), func(w string) bool { return slices.Contains(missing, w) })
	names := func(h Hit) bool {
		// It keeps every thing the best names (社保 in "酒店 住宿业 社保
		// 能缓缴吗": a measure naming 住宿 but not 社保 is about the asker's
		// trade, not the ask).
		return slices.ContainsFunc(missing, func(w string) bool { return namesWord(h, w) }) &&
			!slices.ContainsFunc(named, func(w string) bool { return !namesWord(h, w) })
	}
	for i, h := range r.Measures[1:min(len(r.Measures), maxStoryRank)] {
		if h.KnownCoverage <= best.KnownCoverage || !names(h) {
			continue
		}
		r.Measures = slices.Insert(slices.Delete(r.Measures, i+1, i+2), 0, h)
		r.Related = ix.relatedMeasures(r.Measures)
		return true
	}
	return false
}

// maxStoryRank is how far down the ranking byStoryObject and byAskObject
// look.
const maxStoryRank = 3

// choiceBySituation settles a choice between measures the ask's own words
// cover alike by the statements around it: when one of them names clearly
// more of who or what the statements describe than every other ("租的是区
// 属国企的房子，想问房租减免": the measure on state-owned premises, not the
// incubators' nor the one for 非国有房屋, which counts as not naming
// them), it is the answer. A tie, or statements no choice names, leave
// the choice.
func (ix *Index) choiceBySituation(r *Result, around string) {
	words := ix.situationWords(around)
	if len(words) == 0 || len(r.Measures) < 2 {
		return
	}
	best, second := -1, 0.0
	cover := make([]float64, len(r.Measures))
	for i, h := range r.Measures {
		cover[i] = ix.answerCoverage(ix.guide.Measure(h.Number), words)
		switch {
		case best < 0 || cover[i] > cover[best]:
			if best >= 0 {
				second = max(second, cover[best])
			}
			best = i
		default:
			second = max(second, cover[i])
		}
	}
	if cover[best] < ix.tuning.MinTopicCover || cover[best]-second <= ix.tuning.CoverageLead {
		return
	}
	r.Kind, r.Measures = seeds.KindMeasure, []Hit{r.Measures[best]}
	r.Related = []int{r.Measures[0].Number}
}

// optionOnly reports, for ask q, whether a word is named only among the
// things q weighs (options).
func (ix *Index) optionOnly(q string) func(string) bool {
	opts, told := ix.options(q)
	if len(opts) == 0 {
		return nil
	}
	return analysed{options: opts, told: told}.optionOnly
}

// honestList orders a choice or a suggestion by how much of words each
// measure's sentences cover and keeps those that answer: for a list ("有
// 哪些"), those covering RelatedCoverage of what the best covers; for a
// suggestion, those covering at least MinTopicCover; for a choice between
// near ties, or when the best covers all the words, those covering as
// much. One left that covers all the words is the answer; several that do,
// or several answering parts of a list, are a choice, not a suggestion;
// none is no answer.
func (ix *Index) honestList(r *Result, words []string, around string, recent []int) {
	vague := func(w string) bool { return ix.isGeneric(w) && !slices.Contains(ix.cues.list(cueHeadMoney), w) }
	if specific := slices.DeleteFunc(slices.Clone(words), vague); r.Kind == seeds.KindSuggest && len(specific) > 0 && len(specific) < len(words) &&
		slices.ContainsFunc(r.Measures, func(h Hit) bool { return ix.answerCoverage(ix.guide.Measure(h.Number), specific) > 0 }) {
		// "贷款优惠": 优惠 is what any measure gives (head.generic); the
		// subject named (贷款) decides which measures say the ask, however
		// rare the generic word is in the guide (资费优惠). Money asked
		// for (补贴: head.money) still tells measures that pay apart. Only
		// for a suggestion (the model's doubt): a choice's order stands.
		words = specific
	}
	cover, things := map[int]float64{}, map[int]float64{}
	// The ask's words that are neither the asker nor the asker's trade
	// (疫情险 of "给民宿买个疫情险"): what is asked for.
	asked := slices.DeleteFunc(ix.notAsker(words), ix.tradeOf)
	// A word named only as an option the ask weighs ("是走国企房租减免还是
	// 另有补贴") is asked about, not told: a measure for its negation (非
	// 国有房屋) answers it as well as one naming it.
	plain := ix.optionOnly(r.Question)
	for _, h := range r.Measures {
		text := measureWords(ix.guide.Measure(h.Number))
		cover[h.Number] = ix.shareBut(text, words, true, plain)
		if len(asked) > 0 && len(asked) < len(words) {
			things[h.Number] = ix.shareBut(text, asked, true, plain)
		}
	}
	if len(things) > 0 && ix.cues.has(squeeze(joinClauses(around, r.Question)), cueJobSeeker) {
		// "原来在饭店上班…能帮我找工作吗": the trade is where a person
		// looking for work worked, not theirs to run; a measure saying
		// only it (餐饮企业's rent) answers nothing they ask.
		cover, things = things, map[int]float64{}
	}
	hits := ix.byCoverage(r.Measures, cover, things, ix.statesAsked(r), recent)
	// "要是再遇上封控 蘑菇烂在棚里 有没有啥保险能赔": the story's 封控 is
	// said by the licence and lockdown measures, the thing the asking
	// clause names (保险) by the insurance one alone; what is asked for
	// goes first, and a measure saying none of it answers nothing asked.
	// Only among a choice: a suggestion is one measure in doubt, whose
	// list this would not mend ("电费太贵了 工业电价能不能便宜点" kept the
	// tariff measure for 便宜 alone).
	var own []string
	if r.Kind == seeds.KindChoice {
		own = ix.askedFor(r.Question, asked)
	}
	said := func(h Hit) bool { return ix.answerCoverage(ix.guide.Measure(h.Number), own) > 0 }
	if len(own) > 0 && slices.ContainsFunc(hits, said) {
		hits = slices.Concat(slices.DeleteFunc(slices.Clone(hits), func(h Hit) bool { return !said(h) }),
			slices.DeleteFunc(slices.Clone(hits), said))
	} else {
		own = nil
	}
	best := cover[hits[0].Number]
	floor := ix.tuning.MinTopicCover
	switch {
	case r.List && ix.onlyBenefits(words):
		// "有什么补贴或者减免": words any measure gives are no topic; one
		// naming either answers as well as one naming both.
		floor = 0
	case r.List:
		// "社保、公积金、水电气有哪些缓缴政策": each may answer a part.
		floor = ix.tuning.RelatedCoverage * best
	case r.Kind == seeds.KindChoice || best >= 1-1e-9:
		// Near ties, or one that has all the words: those as good.
		floor = max(floor, best-1e-9)
	}
	var keep []Hit
	for _, h := range hits {
		if c := cover[h.Number]; c >= floor && c > 0 && (own == nil || said(h)) {
			keep = append(keep, h)
		}
	}
	full := best >= 1-1e-9
	if len(keep) == 1 && own != nil && r.Kind == seeds.KindChoice && ix.answerCoverage(ix.guide.Measure(keep[0].Number), own) >= 1-1e-9 {
		// The one measure that says all the asking clause names: the
		// answer, the story's words notwithstanding.
		full = true
	}
	// A suggestion is the model's doubt; sentences that have all the words
	// settle it only when the guide knows every word of the ask (a story
	// about 城管罚款 has one of its words in some sentence, not its topic).
	// A near miss (Missing) is settled already: its measure lacks what
	// was asked, whatever else of the ask its sentences say. So is a
	// doubt with evidence that the guide does not cover the ask (the
	// out_of_scope feature): "哪里能做核酸检测" has all its words in a
	// subsidy for testing costs, which says nothing of where.
	// On a guide without written examples of its own (day one) nothing but
	// the measures' sentences ranked a bare ask, so their having all of its
	// few words is what the doubt was about already, not news that settles
	// it: across the leave-one-guide-out guides such settled bare doubts
	// were wrong five times in six ("贷款到期还不上", "执照快到期了": two
	// measures each say all of it); the suggestion stands. Statements
	// around the ask ("我租的是区属国企的房子") are evidence the model
	// weighed apart, and still let sentences settle the doubt.
	settles := r.Missing == "" && (r.Kind != seeds.KindSuggest || r.Inputs == nil || r.Inputs.Unbanked == 0 && r.Inputs.OutOfScope == 0 && (ix.written || around != ""))
	switch {
	case len(keep) == 0 && len(hits) > 0 && !r.List:
		// No sentence says the words, but the ranking offered them: the
		// closest one alone, as a suggestion, not a list of strangers. A
		// request for a list ("有什么扶持") gets no such one: its profile
		// lists the measures (byProfile), or it is declined.
		r.Kind, r.Measures = seeds.KindSuggest, hits[:1]
		return
	case len(keep) == 0:
		r.Kind, r.Measures = seeds.KindNone, nil
		return
	case len(keep) == 1 && !full && r.Kind == seeds.KindSuggest && r.Missing == "" && ix.storyOutOfScope(r.Question, keep[0].Number):
		// "我失业了能领失业金吗": the ask itself names a topic no relief
		// guide covers (失业金) that the one measure sharing a part of its
		// words (失业保险费缓缴) does not say: declined, not offered as what
		// was probably meant.
		r.Kind, r.Measures = seeds.KindNone, nil
		return
	case len(keep) == 1 && full && settles && r.Kind == seeds.KindSuggest && ix.storyOutOfScope(around, keep[0].Number):
		// The model doubts it and the story is about a topic no guide
		// covers: evidence enough to decline.
		r.Kind = seeds.KindNone
		return
	case len(keep) == 1 && full && settles && !ix.rivalled(r, keep[0].Number):
		// The one that has all the words; those dropped are not offered
		// next either (还有吗).
		r.Kind, r.Related = seeds.KindMeasure, []int{keep[0].Number}
	case r.Kind == seeds.KindSuggest && len(keep) > 1 && (full || r.List) && settles:
		r.Kind = seeds.KindChoice
	}
	r.Measures = keep
}

// storyOutOfScope reports whether the statements around an ask name a
// topic no relief guide covers (离婚, 遗产) that measure n does not say:
// "准备离婚，房子是婚后用公积金贷款买的，这房子该怎么分" is about the
// divorce: the one word its ask shares with a measure (房子) settles no
// suggestion into an answer, and the doubt is declined.
func (ix *Index) storyOutOfScope(around string, n int) bool {
	m := ix.guide.Measure(n)
	if around == "" || m == nil {
		return false
	}
	text := measureWords(m)
	around = strings.ToLower(around)
	if ix.namesUnnamed(around, n) {
		return true
	}
	neg := ix.negatedWords(around)
	for _, c := range ix.concepts(around) {
		// A word the lexicon reads as words the measure says (抽成 as 佣金)
		// is its topic, as for the out_of_scope feature.
		if (ix.oosWords[c.term] || anyIn(ix.oosWords, c.subs)) && !strings.Contains(text, c.term) && !ix.namedThrough(text, c.term) && !neg.has(c.term) && !negatedNear(around, c.term) {
			return true
		}
	}
	return false
}

// statesAsked counts, for each measure of r, the words of the ask's
// question that ask how much (ask.amount: 费率, 标准) and that the
// measure writes: a measure naming the amount asked of it answers it,
// though the cue is no topic word of the ranking. Only the amount: the
// credit cues (影响, 征信) are written by every measure that promises a
// record stays clean, whatever it defers, and would put the housing fund
// before a loan. Phrases of one character say too little.
func (ix *Index) statesAsked(r *Result) map[int]int {
	q := squeeze(r.Question)
	var asked []string
	for _, ph := range ix.cues.list("ask." + string(AspectAmount)) {
		if utf8.RuneCountInString(ph) >= 2 && strings.Contains(q, ph) && !slices.ContainsFunc(asked, func(w string) bool { return strings.Contains(w, ph) }) {
			asked = append(asked, ph)
		}
	}
	if len(asked) == 0 {
		return nil
	}
	out := map[int]int{}
	for _, h := range r.Measures {
		text := measureWords(ix.guide.Measure(h.Number))
		for _, w := range asked {
			if strings.Contains(text, w) {
				out[h.Number]++
			}
		}
	}
	return out
}

// byCoverage orders hits by cover, most first. Among those covering as
// much, one covering more of things (the ask's words that are neither the
// asker nor its trade: 疫情险, not 民宿) comes first, then one the
// conversation discussed lately ("刚才贷款那个"),
// and measures of one subsection keep the guide's order, which puts its
// headline measure before the variants and the work that serves it
// (房租能减免吗: 第4条 before the incubators' 第5条 and the work team of
// 第6条), unless one of them writes more of what the ask asks of it
// (states: 费率 of "担保费率有哪些优惠", a cue and so no topic word, is
// written by the measure that sets the guarantee rate, not by its sibling
// promoting a fee subsidy); otherwise the search's ranking stands.
func (ix *Index) byCoverage(hits []Hit, cover, things map[int]float64, states map[int]int, recent []int) []Hit {
	type keyed struct {
		h          Hit
		cov, thing float64
		states     int
		recent     bool
		group, num int
	}
	ks := make([]keyed, len(hits))
	first := map[[3]int]int{} // coverage bucket and subsection → first rank
	for i, h := range hits {
		m := ix.guide.Measure(h.Number)
		key := [3]int{int(cover[h.Number] * 1e6), i + 1000, 0}
		if m != nil && m.Subsection != 0 {
			key = [3]int{int(cover[h.Number] * 1e6), m.Section, m.Subsection}
		}
		if _, ok := first[key]; !ok {
			first[key] = i
		}
		ks[i] = keyed{h, cover[h.Number], things[h.Number], states[h.Number], slices.Contains(recent, h.Number), first[key], h.Number}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		switch {
		case a.cov != b.cov:
			return a.cov > b.cov
		case a.thing != b.thing:
			// "给民宿买个疫情险": the measure saying the thing asked for
			// before one saying only the asker's trade, however lately
			// that one was discussed.
			return a.thing > b.thing
		case a.recent != b.recent && a.cov > 0:
			// Of measures saying the ask's words alike, the one just
			// discussed; of measures saying none of them ("营业执照" to
			// a search ranking 第15条's 电子证照 first), the search's
			// order stands: lately discussed says nothing of the ask.
			return a.recent
		case a.group != b.group:
			return a.group < b.group
		case a.states != b.states:
			return a.states > b.states
		}
		return a.num < b.num
	})
	out := make([]Hit, len(ks))
	for i, k := range ks {
		out[i] = k.h
	}
	return out
}

// askedFor are the words of words (the ask's, less the asker and its
// trade) that the clause asking says, when the ask tells more than that
// clause (a story before it in the question or around it) and they name
// a thing, not a generic policy word (补贴, 政策): what is asked for.
// The asking clause is the last one with a question cue, else the last.
func (ix *Index) askedFor(question string, words []string) []string {
	cs := clausesOf(question)
	if len(cs) == 0 {
		return nil
	}
	asking := cs[len(cs)-1]
	for i := len(cs) - 1; i >= 0; i-- {
		if ix.YesNo(cs[i]) || ix.cues.has(cs[i], cueList) {
			asking = cs[i]
			break
		}
	}
	var own []string
	for _, w := range words {
		if strings.Contains(asking, w) && !ix.isGeneric(w) {
			own = append(own, w)
		}
	}
	if len(own) == len(words) {
		return nil
	}
	return own
}

// byProfile turns a list request ("有啥政策") that got no answer into the
// measures the policy check-up finds for the kind of enterprise, the trade
// and the need the question names (index/tags), best first.
// A suggestion whose measure says some of the ask's own words (words)
// stays unless the asker tells a kind of person: "…网费就好几万，小微企业参
// 加政府采购有啥照顾" named its topic, and the story's need (网费) is not
// what it asks; "我是农村的…饭馆关了，有啥政策帮我找工作" is listed for
// that kind (forPersonKind).
func (ix *Index) byProfile(r *Result, words []string, around string) {
	if !r.List || r.Kind != seeds.KindNone && r.Kind != seeds.KindSuggest || r.OtherPlace || r.Human {
		return
	}
	if r.Inputs != nil && r.Inputs.OutOfScope > 0 && ix.outOfScope(ix.concepts(r.Question), 0, nil) {
		// "个体户…汇算个人所得税的时候有没有什么专项减免": the ask itself
		// (not its story: "农村户口…有什么能帮我找活干的") names what the
		// guide does not cover; the asker's kind does not make it a
		// request for everything the guide has for that kind.
		return
	}
	if r.Inputs != nil && r.Inputs.OtherPlaces > 0 {
		// "国家对小微企业有哪些新的税费减免政策": a list of another place's
		// or level's programme (the nation's, the city's, another
		// district's) is not the guide's list for the asker's kind.
		return
	}
	if r.Kind == seeds.KindSuggest && len(r.Measures) > 0 && len(words) > 0 &&
		ix.answerCoverage(ix.guide.Measure(r.Measures[0].Number), ix.notAsker(words)) > 0 {
		if told, _ := ix.personKinds(joinClauses(around, r.Question)); len(told) == 0 {
			return
		}
	}
	// "开了个小超市，…，有啥政策": the words around the ask say who asks.
	text := joinClauses(around, r.Question)
	var p tags.Profile
	p.Type, _ = ix.ProfileValue(tags.DimType, text)
	p.Industry, _ = ix.ProfileValue(tags.DimIndustry, text)
	p.Need, _ = ix.ProfileValue(tags.DimNeed, text)
	if p == (tags.Profile{}) {
		return
	}
	var hits []Hit
	for _, h := range ix.Match(p) {
		if len(hits) == ix.tuning.MaxHits {
			break
		}
		hits = append(hits, Hit{Number: h.Number})
	}
	hits = ix.forPersonKind(hits, text)
	if len(hits) > 0 {
		r.Kind, r.Measures = seeds.KindChoice, hits
	}
}

// forPersonKind weighs the asker's told kind of person ([kind.person])
// against measures for another: when text says which kind the asker is
// (and does not deny it), a hit whose sentences name only other kinds is
// dropped and the guide's measures for the told kind come first, in the
// guide's order. Text that tells no kind leaves hits as they are.
func (ix *Index) forPersonKind(hits []Hit, text string) []Hit {
	told, other := ix.personKinds(text)
	if len(told) == 0 {
		return hits
	}
	namesAny := func(n int, ks []kind) bool {
		m := ix.guide.Measure(n)
		return m != nil && slices.ContainsFunc(ks, func(k kind) bool { return k.names(measureWords(m)) })
	}
	var out []Hit
	for i := range ix.guide.Measures {
		if n := ix.guide.Measures[i].Number; ix.answerable(n) && namesAny(n, told) {
			out = append(out, Hit{Number: n})
		}
	}
	for _, h := range hits {
		if !namesAny(h.Number, told) && !namesAny(h.Number, other) {
			out = append(out, h)
		}
	}
	if len(out) > ix.tuning.MaxHits {
		out = out[:ix.tuning.MaxHits]
	}
	return out
}

// personKinds splits the kinds of person ([kind.person]) into those text
// says the asker is (and does not deny) and the others.
func (ix *Index) personKinds(text string) (told, other []kind) {
	s := squeeze(text)
	neg := ix.negatedWords(text)
	denied := func(w string) bool {
		for k := range neg {
			if strings.Contains(k, w) || strings.Contains(w, k) {
				return true
			}
		}
		return false
	}
	for _, k := range ix.kindLines(cueKindPerson) {
		if slices.ContainsFunc(k.asker, func(w string) bool { return strings.Contains(s, w) && !denied(w) }) {
			told = append(told, k)
		} else {
			other = append(other, k)
		}
	}
	return told, other
}

// SureOfOne reports whether r, a choice of which one measure is left, is
// that measure's answer: the model's probability is an answer's and the
// measure leads the runner-up by the margin of a sure ranking.
func (ix *Index) SureOfOne(r *Result) bool {
	tu := ix.Tuning()
	return r.Inputs != nil && r.Missing == "" && r.Probability >= tu.AnswerProbability && r.Inputs.Margin >= tu.SureMargin
}
