package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/seeds"
)

// Reading a message against the topic. With a measure under discussion a
// message is either about an aspect of it (找谁, 能网上办吗, 价格有限制吗) or
// a new question. A message whose own words (besides question and aspect
// cues) the current measure's sentences cover at least as well as any
// other measure's stays on the topic; one with no words of its own never
// switches it. The same sentence coverage picks one of the measures
// offered and tells a vague one-word question.

// measureWords is the text a measure's sentence coverage is judged on: its
// own sentences, not its heading (the heading of 社保 also names 公积金).
func measureWords(m *seeds.Measure) string {
	return m.Text + strings.Join(m.Details, "")
}

// mentions reports whether text mentions word, through a synonym, or (for
// a longer word) its first two characters (个体户 → 个体工商户, 连锁店 → 连锁).
func (ix *Index) mentions(text, word string) (full, part bool) {
	if strings.Contains(text, word) {
		return true, false
	}
	for _, e := range ix.vocab.expand[word] {
		if e != "" && strings.Contains(text, e) {
			return true, false
		}
	}
	if r := []rune(word); len(r) >= 3 && strings.Contains(text, string(r[:2])) {
		return false, true
	}
	return false, false
}

// sentenceCoverage is the share of words (by weight) a measure's sentences
// mention: fully, or half for a longer word whose start only they have.
// Words weigh by how much they say about a topic (commonFactor): the
// search's coverage works on the index's terms and the example bank, this
// one on the sentences a reply quotes.
func (ix *Index) sentenceCoverage(m *seeds.Measure, words []string) float64 {
	if m == nil {
		return 0
	}
	return ix.textShare(measureWords(m), words)
}

// textShare is the share of words (by weight) text mentions; see
// sentenceCoverage.
func (ix *Index) textShare(text string, words []string) float64 {
	return ix.share(text, words, false)
}

// share is textShare; with negated, a word text only uses negated
// (国有房屋 in "非国有房屋") counts as not there.
func (ix *Index) share(text string, words []string, negated bool) float64 {
	return ix.shareBut(text, words, negated, nil)
}

// shareBut is share, except that a word plain reports true for counts
// wherever text mentions it, negated or not.
func (ix *Index) shareBut(text string, words []string, negated bool, plain func(string) bool) float64 {
	if len(words) == 0 {
		return 0
	}
	var total, got float64
	for _, w := range words {
		n := ix.commonFactor(w)
		total += n
		if negated && (plain == nil || !plain(w)) && negatedIn(text, w, ix.vocab.expand[w]) {
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

// onTopic decides whether an ask is about measure m.
func (ix *Index) onTopic(m *seeds.Measure, a *Ask) bool {
	switch {
	case a.Asked == 0 && ix.leavesFor(m, a, 2) &&
		len(a.Words) > 0 && ix.sentenceCoverage(ix.guide.Measure(a.Measures[0].Number), a.Words) >= ix.answerCoverage(m, a.Words):
		// "担保费太贵了，我们做二手车的能按低费率吗" while discussing the
		// first-loan subsidy, which writes 担保费用 too: the search is sure
		// of a measure that says the ask's words as well as the topic
		// does and also writes what the ask asks of them (费率), which
		// the topic does not; about that measure.
		return false
	case a.Asked != 0:
		return a.Asked == m.Number
	case a.Kind != seeds.KindMeasure && ix.namesTopicPerson(m, a.Text):
		// "王楠那边是直接打电话申请就行？还是要交什么材料" while discussing
		// the measure whose contact is 王楠: the person shown is named, so
		// the ask is about that measure, however its other words (申请,
		// 材料) lead the search elsewhere; only an answer the search is
		// sure of leaves it.
		return true
	case len(a.Words) > 0 && ix.answerCoverage(m, a.Words) == 0 && ix.storyOutOfScope(a.Text, m.Number):
		// "我家老人看病 医保报销比例是多少" while discussing a car tax: a
		// topic no relief guide covers, and no word the measure writes,
		// is a question of its own, not a case put to the measure ("个人
		// 房贷也算吗" about the loan-deferral measure that writes 个人住房
		// 贷款 is).
		return false
	case ix.onlyTradeShared(m, a.Words) && ix.storyOutOfScope(a.Text, m.Number):
		// "旅行社的质量保证金能暂退吗" while discussing the measure that
		// names 旅游 among the trades it hires from: the owner's trade is
		// all it shares with the ask (旅游 of 旅游服务质量保证金 is no
		// mention), whose thing the guide does not cover.
		return false
	case a.Kind == seeds.KindUnit && a.Unit != nil && !unitOf(a.Unit, m.Number) && ix.unitPhoneAsked(a.Text, a.Unit):
		// "卫健委的电话有吗", "国资委还有别的电话吗" while discussing
		// 公积金: the unit's own phone is asked, not whom to call about
		// the topic.
		return false
	case a.Kind == seeds.KindUnit && ix.namesOtherPerson(m, a.Text):
		// "赵小龙和沙志林是一个科的吗" while discussing the measure whose
		// contact is 赵小龙: a person the topic's contacts do not hold
		// is named, so the ask is about the people, not the topic.
		return false
	case a.Kind == seeds.KindUnit && a.Unit != nil && (a.Contact || unitOf(a.Unit, m.Number)) && ix.YesNo(a.Text):
		// "找谁，商务局吗": a guess at whom to call about the topic, not
		// a question about the unit; so is "这个也能找经信局吗" naming a
		// unit that leads or supports the topic.
		return true
	case ix.quotesOtherAmount(m, a):
		// "担保费按0.5%收的那条" while discussing the first-loan subsidy,
		// which also writes 担保费: the amount quoted is another
		// measure's, word for word, never the topic's.
		return false
	case a.Kind == seeds.KindUnit && a.UnitOr != nil && (unitOf(a.Unit, m.Number) || unitOf(a.UnitOr, m.Number)):
		// "找科委还是经信局": a guess between two offices, one of which
		// leads or supports the topic, asks whom to call about it.
		return true
	case len(a.Words) == 0 && ix.foreignChars(m, a):
		// "养狗怎么办狗证" about licences: single-character words most of
		// which the topic never uses are a question of their own.
		return false
	case len(a.Words) == 0 && ix.namesClippedThing(m, a):
		// "油补有吗" while discussing the graduates' insurance subsidy:
		// two characters the segmenter cut apart name a thing in the
		// clipped way (油补 for 燃油补贴) whose first character the topic
		// never writes; a new subject searched afresh, however the
		// second (补) is the topic's too. Cut apart ("钱怎么补") or
		// numbering ("一人补多少"), they put nothing new.
		return false
	case len(a.Words) == 0 && ix.namesNewChar(m, a):
		// "税呢" while discussing 社保: "and X?" naming one thing in one
		// character the topic never writes and the search finds in
		// another measure is that new subject, not the topic reprinted.
		return false
	case len(a.Words) == 0:
		// "人社局电话": about the unit, not the measure; anything else with
		// nothing of its own never switches the topic.
		return a.Kind != seeds.KindUnit || a.Unit == nil
	case ix.declinedAspect(m, a):
		return true
	case ix.along(m, a):
		return true
	case a.Kind == seeds.KindSuggest && len(a.Measures) > 0 && a.Measures[0].Number != m.Number &&
		ix.asksOfOther(ix.guide.Measure(a.Measures[0].Number), m, a, 1):
		// "那要是我把店里注册成单位给我俩交呢？以后能缓不" while discussing
		// the social-insurance deferral: the search only suggests another
		// measure (for 注册), which writes nothing of what the ask asks
		// (缓), and the topic does; the owner's case put to the topic.
		return true
	case ix.askerOnly(a) && ix.leavesFor(m, a, 1):
		// "个体户能贷吗" while discussing utilities: the owner's kind with
		// an act (贷) the topic never writes and the measure the search is
		// sure of does; a new question, not the case put to the topic.
		return false
	case ix.askerOnly(a):
		// "我们是开民宿的 也行吗" puts the owner's trade to the topic; but
		// "那算国有房屋吗" while discussing the rent task force names a
		// thing (房屋) the sure answer writes and the topic never does,
		// however much of it reads as the asker's kind (国有).
		return !ix.ownedElsewhereBy(m, a, false)
	case ix.ownedElsewhere(m, a): // "那水电气能缓交吗" while discussing 社保
		return false
	case ix.quotesOther(m, a):
		// "电影院算不算那5个特困行业" while discussing credit: a term
		// another measure writes word for word, the topic never.
		return false
	}
	// A word the topic only negates (国有房屋 in 非国有房屋) is not its.
	cur := ix.answerCoverage(m, a.Words)
	if cur == 0 && a.Kind == seeds.KindMeasure && a.Measures[0].Number != m.Number && a.Probability >= ix.tuning.AnswerProbability {
		// "贷款能晚点还吗" while discussing rent: the topic says none of its
		// words and the guide answers it elsewhere, surely.
		return false
	}
	floor := ix.tuning.MinTopicCover
	switch ix.caseOf(a, cur > 0) {
	case putToTopic:
		// "我是饭店的服务员，我这种算不算", "个人房贷也算吗": the owner's
		// case put to the topic; only an answer about these words, more
		// than the topic is, takes it away. The owner's kind alone ("我是
		// 个体，不是企业，也能申请吗") is the case, never another subject.
		// Words only part of the kind the owner says they are ("超市" of
		// 我就是个小超市) are the case too.
		own := ix.notAskerIn(a)
		if ix.cues.has(a.Text, cueThisMeasure) {
			// "他是个体户，没注册公司，这条个体户能用吗": the ask points at
			// the measure discussed itself; the story's words (注册公司,
			// which 第4条's 在京注册 holds) describe the case put to it and
			// take nothing away. Only the ask's own words may.
			own = slices.DeleteFunc(slices.Clone(own), func(w string) bool { return !strings.Contains(a.Text, w) })
			if len(own) == 0 {
				return true
			}
		}
		if b := *a; len(own) > 0 && !ix.YesNo(a.Text) {
			// "我这种租车的小公司第一次贷款有啥优惠" while discussing rent:
			// "我这种" says who asks, not that the case is put to the
			// topic; an ask of what there is (no yes or no) whose own
			// words another measure of the search's says far better is
			// a new question.
			b.Words = own
			if ix.outcovered(m, &b, ix.answerCoverage(m, own)) {
				return false
			}
		}
		if len(own) < len(ix.notAsker(a.Words)) {
			b := *a
			b.Words = own
			return len(own) == 0 || !ix.answersElse(m, &b, ix.answerCoverage(m, own))
		}
		return len(own) == 0 || !ix.answersElse(m, a, cur)
	case selfDescribed:
		if cur == 0 {
			// "我们是大型企业，能享受吗": words the topic does not have;
			// unless another measure is about them ("我们欠了供应商的钱，
			// 政府项目也欠我们的款" while discussing broadband).
			return !ix.answersElse(m, a, cur) && !ix.namesOther(m, a, fairCover)
		}
		if ix.outcovered(m, a, cur) {
			// "私企招我的话，公司有补贴吗" while discussing state firms:
			// another measure's sentences say the ask far better.
			return false
		}
		cur, floor = max(cur, floor-1e-9), 0
	case yesNoKnown:
		// "房东是个人，能减不": the topic's, unless the search answers a
		// measure whose words have more of it ("低保户有补贴吗") or one
		// is about it.
		if a.Kind == seeds.KindMeasure && a.Measures[0].Number != m.Number {
			// A tie goes to a sure search when the ask opens by naming
			// its subject ("那留抵退税呢，我们小公司能退吗" while
			// discussing rent for 小微企业).
			c := ix.sentenceCoverage(ix.guide.Measure(a.Measures[0].Number), a.Words)
			// So does one the search is sure of while it ranks the topic
			// nowhere ("贷款能不能往后延一延" while discussing the guarantee
			// fee of loans: both say 贷款, only the other one defers).
			sure := a.Probability >= ix.tuning.AnswerProbability
			if c > cur || c == cur && sure && (opensWithEllipsis(a.Text) || !a.hits(m.Number) && len(a.Aspects) == 0) {
				return false
			}
		}
		if cur == 0 && (ix.namesOther(m, a, ix.tuning.MinTopicCover) || ix.foreignThingAt(m, a, fairCover)) || ix.outcovered(m, a, cur) {
			// "有没有那个商业保险" while discussing live streaming: a thing
			// the topic never mentions and another measure is about. A
			// fair cover will do when the topic says none of the words:
			// "我想贷点款把民宿装修一下 有没有担保费优惠" while discussing
			// 社保 asks of 担保费, which the guarantee measures write; the
			// story's 民宿 and 装修 only dilute their cover.
			return false
		}
		cur, floor = max(cur, floor-1e-9), 0
	}
	if cur < floor {
		return false
	}
	for _, h := range a.Measures {
		if h.Number != m.Number && ix.sentenceCoverage(ix.guide.Measure(h.Number), a.Words) > cur {
			return false
		}
	}
	return true
}

// sharesOnlyKinds reports whether ask a, told after a story (the
// statements around it), asks a question that puts no case to topic m
// (caseOf: no "我们是…能享受吗", no "也算吗", no "这条"), the search does
// not answer it with m (a suggestion of m rests on the kinds alone), and
// every word of a that m's sentences mention names a kind of business or
// person (a trade, a kind of asker) the story says, not the question: what
// the story is about is not m's.
func (ix *Index) sharesOnlyKinds(m *seeds.Measure, a *Ask, story string) bool {
	if story == "" || len(a.Words) == 0 || a.Kind == seeds.KindMeasure && a.Measures[0].Number == m.Number {
		return false
	}
	if ix.caseOf(a, true) != noCase || ix.cues.has(a.Text, cueThisMeasure) {
		return false
	}
	text, shared := measureWords(m), false
	for _, w := range a.Words {
		if full, part := ix.mentions(text, w); !full && !part {
			continue
		}
		if !ix.tradeOf(w) && len(ix.subjects(w)) == 0 && !ix.personWord(w) || strings.Contains(squeeze(a.Text), w) {
			// A thing of the topic's, or a kind the question itself
			// puts to it.
			return false
		}
		shared = true
	}
	return shared
}

// along reports whether ask a adds a thing to what m grants ("医疗保险也能
// 一起缓吗" after the social-insurance deferral): it holds an along cue,
// and its action (a term that is no word of the thing, 缓) is written by
// m and not by the measure the search puts first. The thing is then put
// to m, whose words decide whether it is among those it grants; a measure
// that does write the action ("水电费也能一起缓吗" → 缓缴 of utilities)
// takes the ask as a question of its own.
func (ix *Index) along(m *seeds.Measure, a *Ask) bool {
	if !ix.cues.has(a.Text, cueAlong) || len(a.Measures) == 0 || a.Measures[0].Number == m.Number {
		return false
	}
	own, other := measureWords(m), measureWords(ix.guide.Measure(a.Measures[0].Number))
	acts := 0
	for _, t := range a.Terms {
		if slices.Contains(a.Words, t) {
			continue
		}
		if !strings.Contains(own, t) || strings.Contains(other, t) {
			return false
		}
		acts++
	}
	return acts > 0
}

// leavesFor reports whether the search is sure of a measure other than
// topic m for ask a, which writes what a asks (asksOfOther, terms of
// least characters or more) and does not point at the topic itself
// ("自己组织能申请这个吗": 这个 is the measure discussed; a pointer keeps
// the topic however the other measure's words fit).
func (ix *Index) leavesFor(m *seeds.Measure, a *Ask, least int) bool {
	if a.Kind != seeds.KindMeasure || len(a.Measures) == 0 || a.Measures[0].Number == m.Number || a.Probability < ix.tuning.AnswerProbability ||
		ix.cues.has(a.Text, cueThisMeasure) || ix.cues.has(a.Text, cueCaseTopic) || strings.Contains(a.Text, "这个") {
		return false
	}
	return ix.asksOfOther(m, ix.guide.Measure(a.Measures[0].Number), a, least)
}

// asksOfOther reports whether the terms of ask a that are no topic words
// (the cue words saying what it asks of its thing: 费率 of 能按低费率吗)
// are written by measure other more than by topic m: one of least
// characters or more other writes and m does not, and none the other way
// round.
func (ix *Index) asksOfOther(m, other *seeds.Measure, a *Ask, least int) bool {
	if other == nil {
		return false
	}
	own, theirs := measureWords(m), measureWords(other)
	score := 0
	for _, t := range a.Terms {
		if slices.Contains(a.Words, t) || utf8.RuneCountInString(t) < least || !isHan(t) {
			continue
		}
		switch in, on := strings.Contains(theirs, t), strings.Contains(own, t); {
		case in && !on:
			score++
		case on && !in:
			return false
		}
	}
	return score > 0
}

// contrasted reports whether q names a kind that m's words exclude by a
// contrast of the cue lexicon (大型企业 against a measure for 小微企业).
func (ix *Index) contrasted(m *seeds.Measure, q string) bool {
	return len(ix.contrasts(q, measureWords(m), ix.negatedWords(q))) > 0
}

// answersElse reports whether the search answers a, as a new question,
// with a measure other than m whose sentences are about a's words, and
// more so than cur, m's share of them; a suggestion counts when its
// measure has all the words ("水费也能缓吗" after 社保).
func (ix *Index) answersElse(m *seeds.Measure, a *Ask, cur float64) bool {
	if len(a.Measures) == 0 {
		return false
	}
	n := a.Measures[0].Number
	c := ix.sentenceCoverage(ix.guide.Measure(n), a.Words)
	switch a.Kind {
	case seeds.KindMeasure, seeds.KindChoice:
	case seeds.KindSuggest:
		if c < 1-1e-9 {
			return false
		}
	default:
		return false
	}
	return n != m.Number && c >= ix.tuning.MinTopicCover && c > cur
}

// namesOtherPerson reports whether text names a person of the guide's
// contacts that none of m's contact lines holds.
func (ix *Index) namesOtherPerson(m *seeds.Measure, text string) bool {
	_, named := ix.namedContacts(text, nil)
	for _, n := range named {
		if ix.dir.isDepartment(n) {
			continue
		}
		if !slices.ContainsFunc(m.Contacts, func(c seeds.Contact) bool { return slices.Contains(c.People, n) }) {
			return true
		}
	}
	return false
}

// namesTopicPerson reports whether text names a person of m's contact
// lines, and none of any other line.
func (ix *Index) namesTopicPerson(m *seeds.Measure, text string) bool {
	_, named := ix.namedContacts(text, nil)
	found := false
	for _, n := range named {
		if ix.dir.isDepartment(n) {
			continue
		}
		if !slices.ContainsFunc(m.Contacts, func(c seeds.Contact) bool { return slices.Contains(c.People, n) }) {
			return false
		}
		found = true
	}
	return found
}

// caseKind is how an ask may put the owner's case to the topic.
type caseKind int

const (
	noCase        caseKind = iota
	putToTopic             // points back at it: "也行吗", "算不算", "这条跟我们有关系吗"
	selfDescribed          // describes the owner ("我们是…"), touching the topic or in words the guide knows
	yesNoKnown             // asks yes or no in words the guide knows
)

// caseOf says how an ask its words do not tie to the topic may still put
// the owner's case to it, naming no other place: "护照能办吗", "明天下雨吗"
// (words the guide does not know) are questions of their own. touches: the
// topic shares some of its words.
func (ix *Index) caseOf(a *Ask, touches bool) caseKind {
	if a.NotChinese || a.Human || a.Inputs == nil {
		return noCase
	}
	known := a.Inputs.Unbanked == 0
	switch {
	case ix.cues.has(a.Text, cueCaseTopic):
		return putToTopic
	case a.OtherPlace:
		return noCase
	case ix.ownCase(a.Text) && (touches || known):
		return selfDescribed
	case ix.YesNo(a.Text) && known:
		return yesNoKnown
	}
	return noCase
}

// declinedAspect reports whether an ask asks an aspect ("要准备什么材料",
// "需要多久") in words the guide knows but that make no question of their
// own: the search declines it (or only suggests), and it names no other
// place, no word the guide never uses, and no thing (noun) measure m does
// not mention. Such an
// ask is about the topic being discussed; a question the guide does not
// cover ("医保报销比例多少", "上海的房贷呢", "结婚登记在哪办") keeps its own
// words and is declined as a new question.
func (ix *Index) declinedAspect(m *seeds.Measure, a *Ask) bool {
	if len(a.Aspects) == 0 || a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest || a.OtherPlace || a.NotChinese || a.Human {
		return false
	}
	if a.Inputs == nil || a.Inputs.Unbanked != 0 {
		return false
	}
	pos, text := ix.tag(a.Text).pos, measureWords(m)
	for _, w := range a.Words {
		if full, part := ix.mentions(text, w); !full && !part && isNoun(pos, w) {
			return false
		}
	}
	return true
}

// pick reads an ask against the measures offered: the one whose own
// sentences cover its words clearly best, if any ("停业赔付那个", "国企的
// 房子"), or 0.
//
// Words that only name the asker's kind (个体户) pick nothing when the
// search is sure of a measure not offered: "个体户能贷吗" after the related
// measures of 水电费 were listed asks about loans, which 个体户 alone
// would tie back to the utilities measure that names 个体工商户.
func (ix *Index) pick(choices []int, a *Ask) int {
	if len(a.Words) == 0 || a.Asked != 0 {
		return 0
	}
	if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && !slices.Contains(choices, a.Measures[0].Number) && len(ix.notAsker(a.Words)) == 0 {
		return 0
	}
	best, bestCover, second := 0, 0.0, 0.0
	for _, n := range choices {
		// A word a candidate only negates is not its: "国有房子才减免吗"
		// does not pick the one for tenants of 非国有房屋.
		c := ix.answerCoverage(ix.guide.Measure(n), a.Words)
		switch {
		case c > bestCover:
			best, bestCover, second = n, c, bestCover
		case c > second:
			second = c
		}
	}
	if best == 0 || bestCover < ix.tuning.MinTopicCover || bestCover <= second || ix.ownedElsewhere(ix.guide.Measure(best), a) {
		return 0
	}
	for _, h := range a.Measures {
		if !slices.Contains(choices, h.Number) && ix.sentenceCoverage(ix.guide.Measure(h.Number), a.Words) > bestCover {
			return 0 // a new question after all
		}
	}
	return best
}

// vague turns the answer to a one-word question ("贷款", "补贴") that
// several measures cover in full into a choice between them.
func (ix *Index) vague(r *Result) {
	if r.Kind != seeds.KindMeasure || r.Asked != 0 || len(r.Terms) != 1 || utf8.RuneCountInString(r.Terms[0]) < 2 {
		return
	}
	var full []Hit
	for _, h := range r.Measures {
		// Its own sentences, not a heading that names the word in passing.
		if h.Coverage >= 0.999 && ix.sentenceCoverage(ix.guide.Measure(h.Number), r.Terms) >= 0.999 {
			full = append(full, h)
		}
	}
	if len(full) > 1 {
		r.Kind, r.Measures = seeds.KindChoice, full
	}
}

// fairCover is the share of an ask's words a measure's sentences must
// mention to count as being about them when the topic mentions none.
const fairCover = 0.3

// namesOther reports whether a search hit other than m covers at least
// minCover of the ask and its sentences mention one of the ask's words
// that does not name the asker's kind.
func (ix *Index) namesOther(m *seeds.Measure, a *Ask, minCover float64) bool {
	words := ix.notAsker(a.Words)
	for _, h := range a.Measures {
		if h.Number != m.Number && h.Coverage >= minCover &&
			ix.sentenceCoverage(ix.guide.Measure(h.Number), words) > 0 {
			return true
		}
	}
	return false
}

// foreignThing reports whether ask a names a thing (a noun, no kind of
// asker) that m never writes, not even in part, while the search ranks
// another measure first with a fair coverage of the ask: "那我办营业执照
// 啥的 网上能办吗" while discussing rent is about the licence, which the
// rent measure has nothing of, whatever the guide writes of it.
func (ix *Index) foreignThing(m *seeds.Measure, a *Ask) bool {
	return ix.foreignThingAt(m, a, ix.tuning.MinTopicCover)
}

// foreignThingAt is foreignThing with the first hit's coverage at least
// floor.
func (ix *Index) foreignThingAt(m *seeds.Measure, a *Ask, floor float64) bool {
	if a.Kind != seeds.KindMeasure && a.Kind != seeds.KindSuggest || len(a.Measures) == 0 || a.Measures[0].Number == m.Number ||
		a.Measures[0].Coverage < floor {
		return false
	}
	pos, text := ix.tag(a.Text).pos, measureWords(m)
	for _, w := range ix.notAsker(a.Words) {
		if full, part := ix.mentions(text, w); !full && !part && isNoun(pos, w) {
			return true
		}
	}
	return false
}

// outcovered reports whether a search hit other than m has sentences that
// mention the ask's words at least twice as much as m's (cur), and a fair
// share of them.
func (ix *Index) outcovered(m *seeds.Measure, a *Ask, cur float64) bool {
	const fair = fairCover
	words := ix.notAsker(a.Words)
	if len(words) < len(a.Words) {
		// The owner's own kind (大型企业, 个人) is the case put to the
		// topic, not a new subject.
		return false
	}
	for _, h := range a.Measures {
		if h.Number == m.Number {
			continue
		}
		if c := ix.sentenceCoverage(ix.guide.Measure(h.Number), words); c >= fair && c >= 2*cur {
			return true
		}
	}
	return false
}

// fitsInstead reports whether a search hit other than m, when m is not the
// first, says the ask's subject (its words but the asker's kind) as fully
// as m does and is not ruled out by the owner's case (q) the way m is: the
// owner asks about it, not about m. An ask naming only the asker's kind
// ("大型企业能享受吗") has no subject of its own.
func (ix *Index) fitsInstead(m *seeds.Measure, a *Ask, q string) bool {
	words := ix.notAsker(a.Words)
	if a.Kind != seeds.KindMeasure && a.Kind != seeds.KindChoice || len(a.Measures) == 0 || a.Measures[0].Number == m.Number || len(words) == 0 {
		return false // the search, asked anew, answers nothing
	}
	own := ix.sentenceCoverage(m, words)
	for _, h := range a.Measures {
		// Any hit the search offers (a near tie puts the rent task force
		// before the rent measure itself).
		o := ix.guide.Measure(h.Number)
		if o == nil || h.Number == m.Number {
			continue
		}
		if c := ix.sentenceCoverage(o, words); c >= fairCover && c >= own && !ix.contrasted(o, q) {
			return true
		}
	}
	return false
}

// notAsker is words without those naming a kind of asker (大型, 个人: the
// subject section of cues.txt).
func (ix *Index) notAsker(words []string) []string {
	var out []string
	for _, w := range words {
		if len(ix.subjects(w)) == 0 && !slices.ContainsFunc(ix.cues.list(cueSubject), func(s string) bool { return strings.Contains(s, w) }) {
			out = append(out, w)
		}
	}
	return out
}

// askerOnly reports whether a asks yes or no (or puts the owner's case)
// and its own words name only kinds of askers (个体户, 没公司: the subject,
// contrast and kind sections) or trades (开饭馆: the trade section),
// besides words that name nothing (就是): "我们就是个体户 没公司 能投吗"
// while discussing procurement, "我们是开民宿的 也行吗" while discussing
// 社保 put the owner's kind to the topic and name no subject of their own.
func (ix *Index) askerOnly(a *Ask) bool {
	if !ix.YesNo(a.Text) && !ix.cues.has(a.Text, cueCaseTopic) {
		return false
	}
	pos := ix.tag(a.Text).pos
	asker := false
	for _, w := range a.Words {
		switch {
		case ix.tradeOf(w):
			asker = true
		case len(ix.subjects(w)) > 0 || ix.personWord(w):
			if ix.objectOfVerb(a, w) {
				// "那招农村劳动力有没有啥政策": whom the owner hires or
				// helps, the object of a verb, is the thing asked about,
				// not the owner's kind.
				return false
			}
			asker = true
		case namesThing(pos[strings.ToLower(w)]):
			// "洗车的污水排放证要办吗" while discussing a loan: a fixed
			// phrase (污水排放) or an abbreviation names a thing the
			// tagger calls no noun.
			return false
		case !isNoun(pos, w) && !strings.HasPrefix(pos[strings.ToLower(w)], "v"):
			// an adverb, pronoun or particle ("就是")
		default:
			return false
		}
	}
	return asker
}

// namesThing reports whether a tag other than a noun's names a thing: an
// idiom or fixed phrase (i), an abbreviation (j).
func namesThing(tag string) bool { return tag == "i" || tag == "j" }

// copulas link the asker to the kind they say they are ("我是个体户",
// "算小微企业吗"): the kind after one is the asker's, no verb's object.
var copulas = []string{"是", "算", "属于", "当", "作为", "为", "做"}

// objectOfVerb reports whether person word w stands in ask a right
// after a term that is a verb and no copula ("招农村劳动力", "雇残疾人"):
// the word names whom the verb acts on. Terms are tagged alone, as the
// message's own cut may glue a verb to the word before it (那招).
func (ix *Index) objectOfVerb(a *Ask, w string) bool {
	for _, t := range a.Terms {
		if t == w || slices.Contains(copulas, t) || !strings.Contains(a.Text, t+w) {
			continue
		}
		if tw := ix.seg.Tag(t); len(tw) == 1 && strings.HasPrefix(tw[0].POS, "v") {
			return true
		}
	}
	return false
}

// quotesOtherAmount reports whether ask a quotes an amount (a number with
// a unit of cues.txt: 0.5%, 3个月 is no unit) that m's text does not write
// and the measure the search puts first does.
func (ix *Index) quotesOtherAmount(m *seeds.Measure, a *Ask) bool {
	if len(a.Measures) == 0 || a.Measures[0].Number == m.Number {
		return false
	}
	first := ix.guide.Measure(a.Measures[0].Number)
	if first == nil {
		return false
	}
	own, other := measureWords(m), measureWords(first)
	for _, q := range ix.cues.quantities(a.Text) {
		if w := a.Text[q.start:q.end]; strings.Contains(other, w) && !strings.Contains(own, w) {
			return true
		}
	}
	return false
}

// unitOf reports whether u leads or supports measure n.
func unitOf(u *Unit, n int) bool {
	return slices.Contains(u.Leads, n) || slices.Contains(u.Supports, n)
}

// onlyTradeShared reports whether, of words, m fully mentions only the
// asker's kind or trade, and words name something else besides: a part
// of a longer word (旅游 of 旅游服务质量保证金) is no mention of it.
func (ix *Index) onlyTradeShared(m *seeds.Measure, words []string) bool {
	text, things := measureWords(m), 0
	for _, w := range words {
		if len(ix.subjects(w)) > 0 || ix.tradeOf(w) {
			continue
		}
		if full, _ := ix.mentions(text, w); full {
			return false
		}
		things++
	}
	return things > 0
}

// tradeOf reports whether w names a trade of the trade section (开饭馆).
func (ix *Index) tradeOf(w string) bool {
	groups := ix.kindsOf(squeeze(w))
	return len(groups[0]) > 0 || len(groups[1]) > 0
}

// Says reports whether m's sentences say one of words outright (or
// through a synonym), not only its first characters: 纳税 in "在京纳税"
// says nothing of 纳税人's 增值税. A suggestion resting on no such word
// is no answer.
func (ix *Index) Says(m *seeds.Measure, words []string) bool {
	if m == nil {
		return false
	}
	text := measureWords(m)
	for _, w := range words {
		if full, _ := ix.mentions(text, w); full {
			return true
		}
	}
	return false
}

// SaysOwn is Says for words that do not name a kind of asker: m is about
// the ask's subject (房租 in "房东是个人，房租能减吗"), not only its asker
// (国企).
func (ix *Index) SaysOwn(m *seeds.Measure, words []string) bool {
	return ix.Says(m, ix.notAsker(words))
}

// ellipsisHead cuts text after its first "X呢" (at most ten characters
// with the 呢): "社保呢只说了公积金" gives "社保呢" and "只说了公积金".
func ellipsisHead(text string) (head, rest string, ok bool) {
	i := strings.Index(text, "呢")
	if i < 0 {
		return "", "", false
	}
	head, rest = text[:i+len("呢")], strings.TrimSpace(text[i+len("呢"):])
	if rest == "" || !isEllipsis(head) {
		return "", "", false
	}
	return head, rest, true
}

// narrowToEllipsis makes p's ask its opening "X呢" when that names a
// subject topic's sentences never mention and the search's first measure
// does: "社保呢，刚才只说了公积金" while discussing 公积金 asks about 社保.
// The rest is situation, dropped when it only looks back at the topic.
func (ix *Index) narrowToEllipsis(p part, topic *seeds.Measure) part {
	head, rest, ok := ellipsisHead(p.text)
	if !ok && isEllipsis(p.text) {
		head, ok = p.text, true
	}
	if !ok || topic == nil {
		return p
	}
	r, _, err := ix.understand(part{text: head}, -1, ix.model)
	if err != nil || len(r.Measures) == 0 || r.Measures[0].Number == topic.Number {
		return p
	}
	words := ix.notAsker(ix.topicWords(&r))
	if len(words) == 0 || ix.sentenceCoverage(topic, words) > 0 ||
		ix.sentenceCoverage(ix.guide.Measure(r.Measures[0].Number), words) == 0 {
		return p
	}
	p.text, p.situation = head, joinClauses(p.situation, rest)
	if ix.looksBack(topic, p.situation) {
		p.situation = ""
	}
	return p
}

// looksBack reports whether every topic word of text is one topic's
// sentences mention ("刚才只说了公积金" about 公积金): a remark on the last
// answer, which says nothing about the owner's case.
func (ix *Index) looksBack(topic *seeds.Measure, text string) bool {
	words := ix.situationWords(text)
	if len(words) == 0 {
		return false
	}
	return ix.sentenceCoverage(topic, words) == 1
}

// opensWithEllipsis reports whether text's first clause is an "X呢".
func opensWithEllipsis(text string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	cs := strings.FieldsFunc(first, func(r rune) bool { return strings.ContainsRune("，,。？?！!；;", r) })
	return len(cs) > 0 && isEllipsis(cs[0])
}

// namesNewChar reports whether an elliptic ask ("税呢") has exactly one
// one-character term that is no cue, m's text lacks it, and the search
// ranks first a measure other than m.
func (ix *Index) namesNewChar(m *seeds.Measure, a *Ask) bool {
	if !isEllipsis(a.Text) || len(a.Measures) == 0 || a.Measures[0].Number == m.Number {
		return false
	}
	var chars []string
	for _, t := range a.Terms {
		if utf8.RuneCountInString(t) == 1 && !ix.cues.isCue(t) {
			chars = append(chars, t)
		}
	}
	return len(chars) == 1 && !strings.Contains(measureWords(m), chars[0])
}

// namesClippedThing reports whether two one-character terms of a stand
// side by side in its text, making a clipped name (油补, 房补) that m's
// text does not write, and m never writes the first, which is no cue and
// no numeral: the name of a thing of its own. The second may be a cue
// (补 asks an amount alone, "补多少", and heads the clipped name).
func (ix *Index) namesClippedThing(m *seeds.Measure, a *Ask) bool {
	text := measureWords(m)
	for i := 0; i+1 < len(a.Terms); i++ {
		x, y := a.Terms[i], a.Terms[i+1]
		if utf8.RuneCountInString(x) != 1 || utf8.RuneCountInString(y) != 1 || ix.cues.isCue(x) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(x)
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(numerals, r) {
			continue
		}
		if strings.Contains(a.Text, x+y) && !strings.Contains(text, x+y) && !strings.Contains(text, x) {
			return true
		}
	}
	return false
}

// numerals are the characters that count or number ("一人", "每月"), which
// name no thing of their own.
const numerals = "零一二两三四五六七八九十百千万几每半"

// foreignChars reports whether an ask's one-character terms that are no
// cue number at least two, and m's text lacks more than half of them.
func (ix *Index) foreignChars(m *seeds.Measure, a *Ask) bool {
	text := measureWords(m)
	n, missing := 0, 0
	for _, t := range a.Terms {
		if utf8.RuneCountInString(t) != 1 || ix.cues.isCue(t) {
			continue
		}
		n++
		if !strings.Contains(text, t) {
			missing++
		}
	}
	return n >= 2 && 2*missing > n
}

// ownedElsewhere reports whether the search answers a surely with a
// measure other than m whose sentences write one of a's own words (not
// the asker's kind) that m's sentences neither mention nor spell out:
// "那水电气能缓交吗" names 水电, which 欠费不停供 writes ("用水、用电") and
// 社保 never does. Such a new explicit subject beats the carried topic.
func (ix *Index) ownedElsewhere(m *seeds.Measure, a *Ask) bool {
	return ix.ownedElsewhereBy(m, a, true)
}

// ownedElsewhereBy is ownedElsewhere; trades false leaves out the words
// naming a trade (民宿), which put the owner's case rather than a subject.
func (ix *Index) ownedElsewhereBy(m *seeds.Measure, a *Ask, trades bool) bool {
	if m == nil || a.Kind != seeds.KindMeasure || len(a.Measures) == 0 || a.Probability < ix.tuning.AnswerProbability {
		return false
	}
	other := ix.guide.Measure(a.Measures[0].Number)
	if other == nil || other.Number == m.Number {
		return false
	}
	own, theirs := measureWords(m), measureWords(other)
	// The story around the ask names its subject too: "我们在孵化器里租的
	// 工位，租金能减吗" while discussing live streaming's rent subsidy is
	// about the incubators' measure, which the search is sure of.
	for _, w := range append(ix.notAskerIn(a), ix.situationThings(a.Situation)...) {
		if !trades && ix.tradeOf(w) {
			continue
		}
		if full, part := ix.mentions(own, w); full || part || spelledOut(own, w) != "" {
			continue
		}
		if full, _ := ix.mentions(theirs, w); full || spelledOut(theirs, w) != "" {
			return true
		}
	}
	return false
}

// quotesOther reports whether a writes two of its words side by side
// (特困+行业) as the first measure its search ranks, other than m, writes
// them, while m's text has that term nowhere: the ask quotes the other
// measure's term, which points at it however the ask is phrased.
func (ix *Index) quotesOther(m *seeds.Measure, a *Ask) bool {
	if m == nil || len(a.Measures) == 0 || a.Kind != seeds.KindMeasure && a.Kind != seeds.KindSuggest {
		return false
	}
	other := ix.guide.Measure(a.Measures[0].Number)
	if other == nil || other.Number == m.Number {
		return false
	}
	said, own, theirs := squeeze(a.Text), measureWords(m), measureWords(other)
	words := ix.notAskerIn(a)
	for i := 0; i+1 < len(words); i++ {
		term := words[i] + words[i+1]
		if strings.Contains(said, term) && strings.Contains(theirs, term) && !strings.Contains(own, term) {
			return true
		}
	}
	return false
}

// situationThings are the words of an ask's situation that name neither
// a kind of asker nor a trade, nor only part of a kind the situation says
// the owner is ("小卖部" of 我就是个小卖部): the things the story is about.
func (ix *Index) situationThings(situation string) []string {
	said := squeeze(situation)
	return slices.DeleteFunc(ix.notAsker(ix.situationWords(situation)), func(w string) bool {
		if ix.tradeOf(w) {
			return true
		}
		for _, k := range ix.kinds() {
			for _, p := range k.asker {
				if strings.Contains(p, w) && strings.Contains(said, p) {
					return true
				}
			}
		}
		return false
	})
}

// notAskerIn are a's words that name neither a kind of asker (notAsker) nor
// the kind the ask says the owner is, or only a part of it: "超市" of "我就是
// 个小超市", which the kind section lists as how an owner says 小微企业, and
// "小店" of "我们这种小店" (as situationThings reads a story).
func (ix *Index) notAskerIn(a *Ask) []string {
	said := squeeze(a.Text)
	return slices.DeleteFunc(ix.notAsker(a.Words), func(w string) bool {
		for _, k := range ix.kinds() {
			for _, p := range k.asker {
				if strings.Contains(p, w) && strings.Contains(said, p) {
					return true
				}
			}
		}
		return false
	})
}

// hits reports whether the search ranked measure n among its hits.
func (a *Ask) hits(n int) bool {
	return slices.ContainsFunc(a.Measures, func(h Hit) bool { return h.Number == n })
}

// unitPhoneAsked reports whether text asks for u's phone: a contact cue
// follows u's name as written ("卫健委的电话有吗"), where a guess at whom
// to call about a measure names the unit after the cue or with none
// ("找谁，商务局吗", "这个也能找经信局吗").
func (ix *Index) unitPhoneAsked(text string, u *Unit) bool {
	s := squeeze(text)
	for _, n := range append([]string{u.Name}, u.Aliases...) {
		if i := strings.Index(s, squeeze(n)); i >= 0 && ix.cues.has(s[i+len(squeeze(n)):], cueContact) {
			return true
		}
	}
	return false
}

// newMatter reports whether text, an ask with the story told around it,
// holds a next.ask phrase ("再问个", "顺便问下") and names things in nouns
// of two characters or more, none of which topic m writes, beside its cues
// (找哪个部门): the owner announces a new question and tells what it is
// about.
func (ix *Index) newMatter(m *seeds.Measure, text string) bool {
	rest, ok := ix.cues.cut(text, cueNextAsk)
	if !ok {
		return false
	}
	rest, _ = ix.cues.cut(rest, cueContact, cueGiven, cueOtherNumber, cueUnreachable)
	words := measureWords(m)
	named := false
	for _, t := range ix.seg.Tag(rest) {
		if utf8.RuneCountInString(t.Word) < 2 || !strings.HasPrefix(t.POS, "n") || t.POS == "nr" || ix.cues.isCue(t.Word) || ix.stopword[t.Word] {
			continue
		}
		if ix.mentionsAny(words, t.Word) {
			return false
		}
		named = true
	}
	return named
}
