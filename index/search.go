package index

import (
	"fmt"
	"math"
	"policybot/index/clause"
	"policybot/index/tags"
	"policybot/seeds"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hit is a ranked measure.
type Hit struct {
	Number   int
	Score    float64 // BM25, comparable within one question only
	Coverage float64 // share of the question's words (by weight) the measure has
	// KnownCoverage is Coverage over only the words some measure uses.
	KnownCoverage float64
}

// Result is the answer of the search layer to one question.
type Result struct {
	Question string
	// Situation is what the message said around the ask (who is asking,
	// what happened), searched along with it; "" for none.
	Situation string
	Kind      seeds.Kind
	// Contact is set when the question asks whom to contact or for a phone.
	Contact bool
	// List is set when the question asks for several measures ("有哪些").
	List bool
	// Deadline is set when the question asks when something ends or starts.
	Deadline bool
	// Related are the measures 还有吗 may offer after the best one: those
	// of Measures covering at least Tuning.RelatedCoverage of what the
	// best covers, best first, not the tail that matched one word.
	Related []int
	// Measures are the ranked candidates, best first (at most
	// Tuning.MaxHits). For seeds.KindChoice they are the choices, for seeds.KindSuggest
	// the closest few; for seeds.KindNone they may still show what came closest
	// (for a question without Chinese, only a likely match).
	Measures []Hit
	// Ranked are the measures the ranking put first (at most
	// Tuning.MaxHits), before any decision trimmed Measures: what the
	// message came nearest to, even when it is declined. A refusal offers
	// their sections (issue 20); the first of them is what the decision
	// weighed and set aside, never offered as if it answered.
	Ranked []int
	// Unit is the unit the question is about (seeds.KindUnit), or the unit it
	// mentions, if any.
	Unit *Unit
	// Called are the words that called the person of Unit by surname and
	// title ("王主任"), "" when the message named no one so: the reply says
	// whom the guide lists that fits them.
	Called string
	// UnitOr is the other office of a guess between two ("找科委还是经信
	// 局"), or nil.
	UnitOr *Unit
	// ByUnit is set when the question asks for a list limited to Unit
	// ("人社方面有哪些补贴"): Measures are the unit's, not a ranking.
	ByUnit bool
	// Terms are the topic words searched, after question cues and stop words.
	Terms []string
	// Asked is the measure number the question names ("第4条", "第六十六条"),
	// or 0. It is set even when the guide has no such measure or lost its
	// text, so the dialog can say so.
	Asked int
	// NotChinese is set when the question has no Chinese characters.
	NotChinese bool
	// Human is set when the question asks for a person rather than a policy.
	Human bool
	// OtherPlace is set when the question names a place other than the
	// guide's own district and city.
	OtherPlace bool
	// Missing is what the ask asks for that its suggested measure does
	// not hold ("停业补偿", "民宿扶持"): the measure is a near miss, and
	// the reply says the guide has nothing on Missing. "" otherwise.
	Missing string
	// MissingBeside are the kinds of Missing's sort that the near measure
	// does name (工业产品生产许可证 for a declined "驾驶员证"), for the
	// refusal to say what it does reach; nil otherwise.
	MissingBeside []string
	// Absent is what a declined ask is about that the guide never writes
	// ("设施农业补贴", "智能快递柜补贴"): the refusal names it. "" otherwise.
	Absent string
	// Probability is the decision model's probability that the best
	// measure answers the question (0 when no model was consulted).
	Probability float64
	// Inputs are the decision model's inputs (nil when the words settled
	// the question before any ranking).
	Inputs *Features
	// Features are the model's inputs by name with their contributions to
	// the log-odds behind Probability, for ask --json (nil when no model
	// was consulted).
	Features []Feature
}

// Search answers a question: it ranks the measures and decides what kind of
// answer fits. The question is plain text: characters such as + - : ^ ~ *
// ? " ( ) have no query meaning. A question it cannot use gets seeds.KindNone; an
// error means the index itself failed and the question got no answer.
func (ix *Index) Search(question string) (Result, error) {
	if ix.closed.Load() {
		return Result{Question: question}, fmt.Errorf("search: %w", ErrClosed)
	}
	r, _, err := ix.understand(part{text: Normalize(question)}, -1, ix.model)
	return r, err
}

// understand runs one ask of a message through the pipeline with fold
// excl of the examples left out (-1: none) and decides with m; p.contact
// reads it as asking for contacts whatever its words, p.situation ranks
// along without counting against it. It also returns the
// model's inputs, or nil when the words settled the question before any
// ranking (a phone, a measure number, a request for a person, a unit). With
// a nil m it ranks and computes the features but decides nothing.
func (ix *Index) understand(p part, excl int, m *model) (Result, *Features, error) {
	r := Result{Question: p.text, Situation: p.situation}
	p.text = ix.pointedContact(p)
	topic, settled := ix.settle(p, &r)
	if settled {
		return r, nil, nil
	}
	tg := ix.tag(strings.TrimSpace(p.situation + " " + p.context + " " + p.text))
	if tg.places == 0 && p.text != "" && (p.situation != "" || p.context != "") {
		// "总部在密云，…，天津那边的社保缓缴政策一样吗": the ask itself is
		// about another place, whatever home the story names.
		if pl := ix.Places(p.text); ix.aboutOtherPlace(p.text, pl) {
			tg.places, tg.other = len(pl.Other), pl.Other
		}
	}
	tg.level = ix.higherLevel(p.text)
	u, name := ix.dir.find(topic)
	if u == nil && r.List {
		// "人社方面有哪些补贴": a list limited to one unit.
		if u, name = ix.dir.scoped(p.text); u != nil && !strings.Contains(topic, name) {
			u = nil // the list cue cut it ("人社有哪些" in "…社有…")
		}
	}
	if u != nil {
		r.Unit = u
		topic = strings.Replace(topic, name, " ", 1)
		if u2, name2 := ix.dir.find(topic); u2 != nil && u2 != u && ix.cues.has(p.text, cueUnitOr) {
			// "找科委还是经信局": a guess between two offices; the
			// second is as little a topic word as the first.
			topic = strings.Replace(topic, name2, " ", 1)
			r.UnitOr = u2
		}
		if placeOf(p.text, name, tg.other) {
			// "XX区税务局电话": another place's office, not the guide's.
			r.Kind, r.OtherPlace = seeds.KindNone, true
			return r, nil, nil
		}
	}
	a, settled := ix.analyseAsk(p, topic, tg, &r, excl)
	if settled {
		return r, nil, nil
	}
	if len(a.concepts) > 0 {
		hits, err := ix.rank(a, excl)
		if err != nil {
			return r, nil, fmt.Errorf("search %q: %w", seeds.Clip(p.text, 40), err)
		}
		r.Measures = hits
		for _, h := range hits {
			r.Ranked = append(r.Ranked, h.Number)
		}
	}
	if tg.places > 0 && len(r.Measures) > 0 && ix.aboutPlacedRule(a, r.Measures[0].Number, tg.other, excl) {
		// "区里和YY那边在准备应急物资中转站": the best measure's own
		// rule names the place (a station outside the district) and more
		// of what the ask names, so the ask is about that rule, not
		// another place's relief.
		tg.places = 0
	}
	r.OtherPlace = tg.places > 0
	x := ix.features(tg, a, r.Measures, &r, excl)
	x.Implied, x.Bare = p.implied, p.bare
	r.Inputs = x
	if m == nil {
		return r, x, nil
	}
	if len(r.Measures) > 0 {
		r.Probability, r.Features = m.predict(x.vector(), ix.shift())
	}
	ix.decide(&r)
	ix.notChinese(&r)
	r.Related = ix.relatedMeasures(r.Measures)
	ix.byUnit(&r)
	ix.weighHead(&r, a, tg.pos, p.context)
	return r, x, nil
}

// settle reads what the words of ask p settle before any ranking: an empty
// ask, a phone or a person's name (a unit), a request for a person, a
// measure number. It sets r's cue flags (contact, list, deadline) and
// returns the topic left after the cues, and whether r is decided.
func (ix *Index) settle(p part, r *Result) (string, bool) {
	q := p.text
	if q == "" {
		r.Kind = seeds.KindNone
		return "", true
	}
	if u, called := ix.contactAsked(q, p.near); u != nil {
		r.Kind, r.Unit, r.Contact, r.Called = seeds.KindUnit, u, true, called
		return "", true
	}
	if u, called := ix.toldPerson(p); u != nil {
		r.Kind, r.Unit, r.Contact, r.Called = seeds.KindUnit, u, true, called
		return "", true
	}
	if ix.cues.has(q, cueWhose) {
		// "有个010-6904xxxx打给我，说是金融办的，是真的吗？是谁": whose the
		// number told in the story is; the guide's lines listing it
		// answer, as they do "010-6904xxxx是谁的电话".
		told := joinClauses(p.context, p.situation)
		cs := ix.dir.byPhone(told)
		if len(cs) == 0 {
			// "有个号码6906开头、尾号6916的，是谁的": the digits told.
			cs = ix.dir.byPhoneDigits(told)
		}
		if len(cs) > 0 {
			r.Kind, r.Unit, r.Contact = seeds.KindUnit, ix.contactUnit(cs), true
			return "", true
		}
	}
	r.NotChinese = !hasHan(q)
	if _, human := cutPhrases(strings.ToLower(q), ix.cues.list(cueHuman)); human && !r.NotChinese {
		r.Kind, r.Human = seeds.KindNone, true
		return "", true
	}
	topic, contact := cutPhrases(q, ix.cues.list(cueContact))
	r.Contact = contact || p.contact
	topic, r.List = cutPhrases(topic, ix.cues.list(cueList))
	topic, r.Deadline = cutPhrases(topic, ix.cues.list(cueDeadline))
	// After the cues, which may hold a connective's words (还有啥).
	topic = clause.TrimConnective(topic)
	n := askedNumber(topic)
	if n == 0 {
		n = ix.shortAskedNumber(topic)
	}
	if n > 0 {
		// "第4条", "第六十六条讲的啥": the words settle it.
		r.Asked, r.Kind = n, seeds.KindNone
		if ix.answerable(n) {
			r.Kind, r.Probability = seeds.KindMeasure, 1
			r.Measures = []Hit{{Number: n, Coverage: 1, KnownCoverage: 1}}
			r.Related = []int{n}
		}
		return topic, true
	}
	return topic, false
}

// analyseAsk analyses the ask's topic words, with the statements it needs
// as its own (its context: a subjectless ask, or one that points back at
// the story) and the rest of the situation at a lower weight, and sets
// r.Terms. It reports whether r is decided: a unit named with nothing
// more to say about it.
func (ix *Index) analyseAsk(p part, topic string, tg tagged, r *Result, excl int) (analysed, bool) {
	tu := &ix.tuning
	a := ix.analyse(topic, excl)
	a.standing = ix.YesNo(p.text) && ix.cues.has(p.text, cueStanding)
	if a.standing {
		s := squeeze(p.text)
		for _, w := range ix.cues.list(cueStanding) {
			if strings.Contains(s, w) {
				a.standingWords = append(a.standingWords, w)
			}
		}
	}
	a.grantAsk = ix.YesNo(p.text) && (ix.cues.has(p.text, cueCutAsk) || ix.grants(p.text)) && !ix.cues.has(p.text, cueOrganise)
	weight := 0.0
	for _, c := range a.concepts {
		r.Terms = append(r.Terms, c.term)
		weight += c.weight
	}
	if r.Unit != nil && weight < tu.MinTopicWeight && (!r.List || r.Contact) && !ix.namesByPointer(p) {
		// "医保局打哪个号": the words besides the unit say nothing more. But
		// "顺义人保局电话" asks for another district's office.
		r.Kind = seeds.KindUnit
		if tg.places > 0 {
			r.Kind, r.OtherPlace = seeds.KindNone, true
		}
		return a, true
	}
	if p.implied && p.context != "" && p.situation != "" && ix.ownWeight(a) < tu.SubjectWeight {
		// "我们厂有一百多万的留抵税额一直压着没退，…，工资都要发不出来了，太
		// 难了": a story that asks nothing and ends on a complaint naming
		// nothing is about the whole story, not only its last statements.
		p.context, p.situation = ix.storyContext(p.situation, p.context)
	}
	if p.context == "" && p.before != "" && ix.YesNo(p.text) {
		p.context, p.situation = ix.hearsayContext(p.situation, p.before, excl)
	}
	if p.context == "" && p.situation != "" && (ix.ownWeight(a) < tu.SubjectWeight || ix.pointedWeight(topic, excl) < tu.SubjectWeight || ix.cues.has(p.text, cueRefer) || ix.startsWith(p.text, cueReferOpen) || r.List && len(ix.ownConcepts(a)) <= 1 ||
		ix.namesTold(p.text, p.before) != "" ||
		ix.kindlessWeight(a) < tu.SubjectWeight) {
		// "…，我去问房东他说不清楚，到底找谁办", "…花了好几十万，这部分钱
		// 能补吗": the ask names nothing the guide knows, or points back at
		// the story; the situation is what it is about. "开民宿，有啥补贴":
		// a list asked in one word is of the measures for whoever the
		// statements describe.
		p.context, p.situation = p.situation, ""
		if told := ix.namesTold(p.text, p.before); told != "" {
			// "…孵化器说区里给补贴他们就减租，…，这个补贴是咋回事": the
			// statement that told what the ask points at is its context;
			// the rest of the story stays situation.
			p.context, p.situation = told, situationWithout(p.context, told)
		} else if p.before != "" && ix.ownWeight(a) >= tu.SubjectWeight && p.before != p.context {
			// "跟银行贷了三十万，这笔贷款能延期吗？水电费也欠着": an ask that
			// names its own subject and points back takes the story told
			// before it; what comes after is situation still.
			p.context, p.situation = p.before, situationAfter(p.context, p.before)
		}
	}
	if p.context != "" && p.situation != "" && ix.cues.has(p.text, cueRefer) && !ix.cues.has(p.context, cueHearsay) {
		// "听说有种商业健康保险，…。我开了间小餐馆，想帮伙计买，是不是有这样
		// 东西": the thing the ask points at is the one the asker heard of,
		// told in a sentence before the ask's own statements.
		if heard := ix.heardClause(p.situation, excl); heard != "" {
			p.context, p.situation = joinClauses(heard, p.context), situationWithout(p.situation, heard)
		}
	}
	a = ix.withSituation(a, p.context, false, excl)
	for _, c := range a.concepts[len(r.Terms):] {
		r.Terms = append(r.Terms, c.term) // the context's words are the ask's
	}
	if len(ix.vocab.negated) > 0 {
		a.negated = ix.negatedWords(joinClauses(p.context, p.text))
		a.options, a.told = ix.options(joinClauses(p.context, p.text))
	}
	return ix.withSituation(a, p.situation, true, excl), false
}

// pointedWeight is the own weight of topic without its clauses that point
// back at the story ("这合理吗？小店能不能先别断": 合理 is said of what the
// story told, so the ask names nothing of its own and takes the story's
// thing, 电费 and 断电); with no such clause, more than any subject weight.
func (ix *Index) pointedWeight(topic string, excl int) float64 {
	rest := clause.WithoutPointed(topic)
	if rest == topic {
		return math.Inf(1)
	}
	return ix.ownWeightOf(rest, excl)
}

// demonstratives point at something told: "这个补贴" after a story that
// said 补贴 is that one.
var demonstratives = []string{"这个", "这项", "这笔", "这种", "这类", "这些", "该"}

// namesTold reports whether ask text points with a demonstrative at a word
// the story before it told ("…孵化器说区里给补贴他们就减租，这个补贴是咋回
// 事"): the ask is about what the story says of it, not about the word
// alone, whatever the word.
func (ix *Index) namesTold(text, before string) string {
	if before == "" {
		return ""
	}
	for _, d := range demonstratives {
		i := strings.Index(text, d)
		if i < 0 {
			continue
		}
		ws := ix.seg.Tag(text[i+len(d):])
		if len(ws) == 0 || !hanWord(ws[0].Word) {
			continue
		}
		// The last statement that told it: the nearest to the ask.
		cs := strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == '，' })
		for j := len(cs) - 1; j >= 0; j-- {
			if strings.Contains(cs[j], ws[0].Word) {
				return cs[j]
			}
		}
	}
	return ""
}

// situationWithout is the statements of situation besides told.
func situationWithout(situation, told string) string {
	var out []string
	for _, c := range strings.FieldsFunc(situation, func(r rune) bool { return r == ',' || r == '，' }) {
		if c != told {
			out = append(out, c)
		}
	}
	return strings.Join(out, "，")
}

// storyContext is the context of an ask that names nothing in a message
// that asks nothing: every statement of the story, in order, besides those
// saying only who the asker is (a kind of asker: "农家乐开了八年了"), which
// stay situation as in any story ("农家乐…，银行的贷款下个月到期，…，真是愁得
// 睡不着觉" is about the loan, not about rural tourism).
func (ix *Index) storyContext(situation, context string) (string, string) {
	var ctx, sit []string
	// Normalize writes the statements' commas half-width.
	for _, c := range strings.FieldsFunc(situation, func(r rune) bool { return r == ',' || r == '，' }) {
		if len(ix.askerKinds(c)) > 0 {
			sit = append(sit, c)
			continue
		}
		ctx = append(ctx, c)
	}
	return joinClauses(strings.Join(ctx, "，"), context), strings.Join(sit, "，")
}

// hearsayContext is the context of a yes-or-no ask told right after a
// statement of what the asker heard of, and the situation left: "…缺个章，
// 听说现在有电子证照、电子印章，能全程网上办吗" asks whether the heard-of
// e-licences do it, not any online procedure. The statement must name
// something the guide knows; otherwise context stays empty.
func (ix *Index) hearsayContext(situation, before string, excl int) (string, string) {
	cs := strings.FieldsFunc(before, func(r rune) bool { return r == ',' || r == '，' })
	if len(cs) == 0 {
		return "", situation
	}
	last := cs[len(cs)-1]
	if !ix.cues.has(last, cueHearsay) || ix.ownWeightOf(last, excl) < ix.tuning.SubjectWeight {
		return "", situation
	}
	rest := strings.Join(cs[:len(cs)-1], "，")
	return last, joinClauses(rest, situationAfter(situation, before))
}

// heardClause is the clause of situation that tells what the asker heard
// of (a hearsay cue) and names enough the guide knows to be a subject, or
// "" when none does.
func (ix *Index) heardClause(situation string, excl int) string {
	for _, c := range strings.FieldsFunc(situation, func(r rune) bool { return r == ',' || r == '，' }) {
		if ix.cues.has(c, cueHearsay) && ix.ownWeightOf(c, excl) >= ix.tuning.SubjectWeight {
			return c
		}
	}
	return ""
}

// situationAfter is what situation holds after its start before (the
// clauses told before an ask): the statements told after it.
func situationAfter(situation, before string) string {
	rest, ok := strings.CutPrefix(situation, before)
	if !ok {
		return ""
	}
	return strings.TrimLeft(rest, "，,")
}

// ownWeight is the weight of the analysed words some measure knows,
// besides cues: how much an ask names by itself.
func (ix *Index) ownWeight(a analysed) float64 {
	w := 0.0
	for _, c := range ix.ownConcepts(a) {
		w += c.weight
	}
	return w
}

// topicWeight is ownWeight without the words that name the asker (kinds
// of askers, trades, the nouns a kind ends in): what an ask names besides
// who asks. "我们这种培训公司也行吗" puts the asker to the topic of the story
// before it and names none of its own.
func (ix *Index) topicWeight(a analysed) float64 {
	w := 0.0
	for _, c := range ix.ownConcepts(a) {
		if !ix.namesAsker(c.term) {
			w += c.weight
		}
	}
	return w
}

// kindlessWeight is ownWeight without the words that name a kind of
// enterprise or person (subject cues, a kind's noun): "对中小企业有照顾吗"
// after a story of 政府工程投标 names only who may be helped, and the
// story is what it asks about. A trade an ask names (有没有针对乡村旅游的)
// is its topic and keeps its weight.
func (ix *Index) kindlessWeight(a analysed) float64 {
	w := 0.0
	for _, c := range ix.ownConcepts(a) {
		if len(ix.subjects(c.term)) == 0 && !ix.cues.has(c.term, cueKindObject) && !ix.cues.has(c.term, cueKindGeneral) {
			w += c.weight
		}
	}
	return w
}

// namesAsker reports whether word w names a kind of asker: a subject cue,
// a kind's noun (企业, 单位), or a trade (培训, 餐饮).
func (ix *Index) namesAsker(w string) bool {
	if len(ix.subjects(w)) > 0 || ix.cues.has(w, cueKindObject) || ix.cues.has(w, cueKindGeneral) {
		return true
	}
	if slices.Contains(ix.tradeWords(), w) {
		return true // a guide's word for a trade (培训, 住宿)
	}
	_, trade := ix.ProfileValue(tags.DimIndustry, w)
	_, kind := ix.ProfileValue(tags.DimType, w)
	return trade || kind
}

// ownConcepts are the analysed words some measure knows, besides cues and
// single characters.
func (ix *Index) ownConcepts(a analysed) []concept {
	var out []concept
	for _, c := range a.concepts {
		if c.known && utf8.RuneCountInString(c.term) >= 2 && !ix.cues.isCue(c.term) {
			out = append(out, c)
		}
	}
	return out
}

// notChinese turns the decision on a question without Chinese into a
// request for Chinese; the best match, if one is likely enough, comes along.
func (ix *Index) notChinese(r *Result) {
	if !r.NotChinese {
		return
	}
	if r.Kind == seeds.KindUnit || r.Kind == seeds.KindNone {
		r.Measures = nil
	} else if len(r.Measures) > ix.tuning.SuggestMax {
		r.Measures = r.Measures[:ix.tuning.SuggestMax]
	}
	r.Kind = seeds.KindNone
}

// relatedMeasures are the hits sharing much of what the best covers.
func (ix *Index) relatedMeasures(hits []Hit) []int {
	var out []int
	for _, h := range hits {
		if h.Coverage >= ix.tuning.RelatedCoverage*hits[0].Coverage {
			out = append(out, h.Number)
		}
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// namesByPointer reports whether p's situation is only a subject pointed
// at ("白名单那个 找交通局行吗"): the ask is about that subject, to which
// the unit is a guess, not about the unit alone.
func (ix *Index) namesByPointer(p part) bool {
	s := squeeze(p.situation)
	if p.context != "" || !ix.endsWith(s, cuePointer) {
		return false
	}
	rest, _ := ix.cues.cut(s, cuePointer)
	weight := 0.0
	for _, c := range ix.analyse(rest, -1).concepts {
		weight += c.weight
	}
	return weight >= ix.tuning.MinTopicWeight
}
