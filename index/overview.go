package index

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"policybot/index/tags"
	"policybot/seeds"
)

// A broad ask by kind of business ("开理发店的 有啥扶持", "酒店能享受哪些纾困
// 政策") names no measure: a clerk answers it with the measures written for
// that kind of business. The trade words and the guide's words for kinds
// come from the cue lexicon ([trade], [kind.general], [kind.object]); the
// measures from the guide's own object sentences.

// MaxOverview bounds the measures an overview lists.
const MaxOverview = 5

// overviewObjectRunes is how far after a kind word ("服务业") its object
// noun ("…小微企业") may stand in the same clause.
const overviewObjectRunes = 30

// Overview answers a broad ask by kind of business: the guide's words for
// the asker's kind that its listed measures name, most direct first, and
// those measures, best first.
type Overview struct {
	Kinds    []string
	Measures []int
	// RuledOut are the measures that would rank among Measures but whose
	// words exclude a kind the message names ("场地是租的私人房东的"
	// against a rent measure for 国有房屋): left out of the list, and told
	// why, as a clerk would rather than offer what the owner cannot get.
	RuledOut []RuledOut
	own      []string // the guide's words for the trade itself that few measures use
	others   []string // the guide's words for trades the message does not name
	person   bool     // the measures for a kind of person the asker says they are (personOverview)
	// unnamed holds the trade's own words when no listed measure names the
	// trade or its broader kinds: the list is only what every small
	// business gets (物流: the guide writes 物流 as a topic, not a kind).
	unnamed []string
}

// RuledOut is a measure an overview leaves out and the exclusion why.
type RuledOut struct {
	Measure int
	Exclusion
}

// maxRareMeasures is how many measures may name a trade's word for a
// measure naming it to be written for that trade (便利店, not 个体工商户).
const maxRareMeasures = 2

// suggestTopicShare is the share of an ask's own words (by weight) a
// suggested measure must name for the suggestion to stand before the
// overview of the asker's trade.
const suggestTopicShare = 0.5

// rareWords are those of words that at most maxRareMeasures measures name.
func (ix *Index) rareWords(words []string) []string {
	var out []string
	for _, w := range words {
		n := 0
		for i := range ix.guide.Measures {
			if strings.Contains(ix.guide.Measures[i].Text, w) {
				n++
			}
		}
		if n > 0 && n <= maxRareMeasures {
			out = append(out, w)
		}
	}
	return out
}

// readOverview is the overview of a broad ask by kind of business, unless
// an ask already answers with one measure written for that very trade
// ("开民宿的 有没有纾困补贴" where a measure subsidises 民宿): that answer,
// with its period and contact, serves better than a list.
func (ix *Index) readOverview(text string, asks []Ask) *Overview {
	o := ix.overview(text)
	if o == nil {
		return nil
	}
	for i, a := range asks {
		if w := ix.unknownObject(text, a); w != "" || !o.person && ix.heldObject(a) {
			// "大棚想扩建 有没有设施农业补贴": the ask names its own object,
			// which no measure names; the list of what every business of
			// the trade gets answers only an ask made of benefit words.
			// The search found nothing for the benefit words alone but
			// the closest measure: declined, by that name, when the
			// benefit asked is that object's (设施农业补贴, or a plan
			// told before a clause of benefit words alone: 想装个智能快递柜
			// 有补贴吗); an object elsewhere (按什么基数算) may be the
			// asker's word for what a measure says otherwise.
			asking := ix.askingClause(a)
			if w != "" && len(asks) == 1 && (a.Kind == seeds.KindNone || a.Kind == seeds.KindSuggest) && a.Missing == "" &&
				(ix.benefitOf(asking, w) || !strings.Contains(asking, w) && ix.benefitOnly(asking)) {
				asks[i].Kind, asks[i].Absent = seeds.KindNone, ix.withBenefit(asking, w)
			}
			return nil
		}
	}
	for _, a := range asks {
		if o.person && len(a.Measures) > 0 && !slices.Contains(o.Measures, a.Measures[0].Number) {
			continue // a measure for businesses answers no person ("没活干了": 停工停业 insurance)
		}
		if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && ix.forTrade(ix.guide.Measure(a.Measures[0].Number), o, text) {
			return nil
		}
		own := slices.DeleteFunc(ix.ownWords(a.Words), func(w string) bool { return ix.countedStaff(text, w) })
		if (a.Kind == seeds.KindMeasure || a.Kind == seeds.KindChoice) && len(a.Measures) > 0 &&
			ix.sentenceCoverage(ix.guide.Measure(a.Measures[0].Number), own) > 0 {
			return nil // "餐饮企业核酸检测有补贴吗": a measure's own topic
		}
		// A suggestion is that too when its measure names most of what the
		// ask names besides the trade ("超市卖米面油蔬菜 保供有没有补助"):
		// the list for the trade would drop the topic the owner named.
		// Only the ask's own clause counts: a story's words ("团都停了，员
		// 工工资都快发不出来了，有啥扶持没") are what a broad ask is about.
		asked := slices.DeleteFunc(slices.Clone(own), func(w string) bool { return !strings.Contains(a.Clauses, w) })
		if !o.person && a.Kind == seeds.KindSuggest && len(a.Measures) > 0 && len(asked) > 0 &&
			ix.sentenceCoverage(ix.guide.Measure(a.Measures[0].Number), asked) >= suggestTopicShare {
			return nil
		}
		// A trade no listed measure is for, named in the ask itself and by
		// the measure it found ("物流有没有什么扶持": 物流基础设施), is that
		// measure's topic.
		if len(o.unnamed) > 0 && (a.Kind == seeds.KindMeasure || a.Kind == seeds.KindChoice) && len(a.Measures) > 0 &&
			containsAny(squeeze(a.Clauses), o.unnamed) && containsAny(ix.guide.Measure(a.Measures[0].Number).Text, o.unnamed) {
			return nil
		}
		// The trade named in the ask's own clause as the object of what it
		// asks, with a word of its own besides the trade and the benefit
		// ("冷库扩建有没有政府支持" from a 冷链仓储 firm: 扩建), and its rare
		// guide word (冷链物流, which at most maxRareMeasures measures write;
		// not 零售, which many do) written in the measure the search found:
		// that measure is about the trade's own business, which a list of
		// what every small business gets would drop.
		// An ask of benefit words alone ("开个便利店 有哪些扶持政策") is the
		// broad ask the list answers, whatever the measure found; so is
		// one whose search offers a choice ("我在菜市场摆了个水果摊 个体户
		// 有啥扶持没": the measures for every small business).
		if !o.person && len(o.own) > 0 && len(own) > 0 && (a.Kind == seeds.KindSuggest || a.Kind == seeds.KindMeasure) && len(a.Measures) > 0 &&
			containsAny(ix.guide.Measure(a.Measures[0].Number).Text, ix.rareWords(o.own)) && ix.namesTrade(squeeze(a.Clauses)) {
			return nil
		}
		// A guide's word for a trade's business (乡村旅游), named in an ask
		// that says no trade itself, and written in the measure it found
		// ("农家院这块呢 乡村旅游有啥支持"): what the business does is that
		// measure's topic, not the asker's kind to list measures for.
		if (a.Kind == seeds.KindMeasure || a.Kind == seeds.KindChoice) && len(a.Measures) > 0 && ix.namesGuideTrade(a, ix.guide.Measure(a.Measures[0].Number)) {
			return nil
		}
	}
	return o
}

// unknownObject is the first noun of the clause of ask a that asks (the
// last with a broad.ask word) that no measure uses, nor names the asker's kind ("大棚", "快递柜", "干洗机"): what the ask
// is about when the guide has nothing on it; "" when every noun of its
// clauses is the guide's or the asker's (开理发店的 有啥扶持).
func (ix *Index) unknownObject(text string, a Ask) string {
	return ix.unknownIn(text, ix.askingClause(a))
}

// unknownIn is unknownObject for the clause that asks, asking.
func (ix *Index) unknownIn(text, asking string) string {
	if asking == "" {
		return ""
	}
	for _, c := range append(ix.planClauses(text), asking) {
		if w := ix.strangeCompound(c); w != "" {
			return w
		}
	}
	tg := ix.tag(asking)
	subjects := ix.subjects(asking)
	for _, c := range ix.concepts(asking) {
		if c.known || !ix.headWord(c.term, tg.pos, subjects) || verbPhrase(c.term) {
			continue
		}
		if len(ix.ownWords([]string{c.term})) == 0 || ix.countedStaff(text, c.term) {
			continue
		}
		return c.term
	}
	return ""
}

// heldObject reports whether the clause of ask a that asks names an
// object of its own that the measure its search found holds ("有没有技改
// 补贴": 技术改造项目): that measure answers it, not the trade's list.
func (ix *Index) heldObject(a Ask) bool {
	if a.Kind != seeds.KindMeasure && a.Kind != seeds.KindChoice && a.Kind != seeds.KindSuggest || len(a.Measures) == 0 {
		return false
	}
	asking := ix.askingClause(a)
	if asking == "" {
		return false
	}
	tg := ix.tag(asking)
	subjects := ix.subjects(asking)
	for _, c := range ix.concepts(asking) {
		if !c.known || !ix.headWord(c.term, tg.pos, subjects) || verbPhrase(c.term) || len(ix.ownWords([]string{c.term})) == 0 {
			continue
		}
		if ix.measureMentions(a.Measures[0].Number, c.term) {
			return true
		}
	}
	return false
}

// declineStrangeObjects declines each suggestion whose asking clause (or
// a plan told before it) names an object no measure names ("想问电价有没有
// 优惠" offered 第8条 on 宽带资费): the measure was only the closest to the
// benefit word, and the object absent from the guide is the evidence
// that it has nothing on the ask. The refusal names the object.
func (ix *Index) declineStrangeObjects(text string, asks []Ask) {
	for i := range asks {
		a := &asks[i]
		if a.Kind != seeds.KindSuggest || a.Missing != "" {
			continue
		}
		asking := cmp.Or(ix.askingClause(*a), ix.moneyClause(*a))
		if w := ix.unknownIn(asking, asking); w != "" && ix.benefitOf(asking, w) && ix.namesUnknownWord(w) && !ix.heldBesides(*a, asking, w) {
			a.Kind, a.Absent = seeds.KindNone, ix.withBenefit(asking, w)
		}
	}
}

// heldBesides reports whether the measure suggested for ask a holds a
// word of the asking clause besides its object w ("小企业投标政府的保洁服务
// 项目有没有优惠": 投标, of the measure on procurement): the measure is
// near for the rest of the ask, and the object may be one of its kind.
// Words of the ask's other clauses (…，学员考证那种) tell a story.
func (ix *Index) heldBesides(a Ask, asking, w string) bool {
	if len(a.Measures) == 0 {
		return false
	}
	for _, x := range ix.ownWords(a.Words) {
		if !strings.Contains(asking, x) || strings.Contains(w, x) || ix.isGeneric(x) || ix.cues.isCue(x) || utf8.RuneCountInString(x) < 2 {
			continue
		}
		if ix.measureMentions(a.Measures[0].Number, x) {
			return true
		}
	}
	return false
}

// namesUnknownWord reports whether w holds a word of two characters or
// more that no measure uses (电价, 职业技能): a thing the guide does not
// know, not a phrase the index cuts into characters (防疫消杀费用 for a
// measure paying 防疫支出), which may be the asker's words for the
// measure's.
func (ix *Index) namesUnknownWord(w string) bool {
	return slices.ContainsFunc(ix.concepts(w), func(c concept) bool {
		return !c.known && utf8.RuneCountInString(c.term) >= 2 && len(ix.ownWords([]string{c.term})) > 0
	})
}

// benefitOf reports whether object w is what the benefit word of the
// asking clause is for: right before it, or before a broad ask and it
// ("电价有没有优惠", "职业技能培训补贴"). An object elsewhere in the clause
// (有没有门路参与, 城市更新方面有没有政策支持) may be the asker's word for
// what a measure calls otherwise.
func (ix *Index) benefitOf(asking, w string) bool {
	i := strings.Index(asking, w)
	if i < 0 {
		return false
	}
	rest := asking[i+len(w):]
	generic := ix.cues.list(cueHeadGeneric)
	opens := func(s string) bool {
		return slices.ContainsFunc(generic, func(g string) bool { return strings.HasPrefix(s, g) })
	}
	if opens(rest) {
		return true
	}
	for _, b := range ix.cues.list(cueBroadAsk) {
		// 有没有 + 优惠; 有补贴 holds its benefit itself.
		if strings.HasPrefix(rest, b) && (opens(rest[len(b):]) || slices.ContainsFunc(generic, func(g string) bool { return strings.Contains(b, g) })) {
			return true
		}
	}
	return false
}

// benefitOnly reports whether clause names nothing but benefits and asks
// for them ("有没有啥优惠", "有补贴吗"): no word of it is a head of an ask.
func (ix *Index) benefitOnly(clause string) bool {
	tg := ix.tag(clause)
	subjects := ix.subjects(clause)
	for _, c := range ix.concepts(clause) {
		if ix.headWord(c.term, tg.pos, subjects) && len(ix.ownWords([]string{c.term})) > 0 {
			return false
		}
	}
	return true
}

// withBenefit is object w with the benefit word the asking clause puts
// right after it ("设施农业补贴"), or w alone.
func (ix *Index) withBenefit(asking, w string) string {
	i := strings.Index(asking, w)
	if i < 0 {
		return w
	}
	rest := asking[i+len(w):]
	for _, g := range ix.cues.list(cueHeadGeneric) {
		if strings.HasPrefix(rest, g) {
			return w + g
		}
	}
	return w
}

// planClauses are the clauses of text that tell what the asker plans to
// do ("大棚想扩建", "我这个厂子想从个体户转成公司"): a broad ask after one
// asks for help with that plan, not for what the trade gets.
func (ix *Index) planClauses(text string) []string {
	var out []string
	for _, c := range clausesOf(text) {
		if rest, _ := ix.cues.cut(squeeze(c), cuePlanNot); ix.cues.has(rest, cuePlan) {
			out = append(out, c)
		}
	}
	return out
}

// strangeCompound is the first run of two or more adjacent words of clause
// that the guide never writes together, one of them a word no measure
// uses or a kind of business ("设施农业", "智能快递柜", "转成公司"): a thing
// the asker names in words of the guide's or the trade's, which no measure
// is about; "" when there is none. Benefit and question words end a run
// (设施农业补贴 is 设施农业 + 补贴); a character a cue section or the
// stop words list does not when the tagger reads it inside a word (蜂业
// 保险, 转成公司).
func (ix *Index) strangeCompound(clause string) string {
	var run []concept
	tg := ix.tag(clause)
	check := func() string {
		defer func() { run = run[:0] }()
		// A business's form or size opening the run says who asks (小公司
		// 第一次贷款, 个体户转成公司): the thing is what follows. A trade's
		// word (养殖保险) says what kind of thing it is.
		for len(run) > 0 && len(ix.ownWords([]string{run[0].term})) == 0 && !ix.namesKind(squeeze(run[0].term)) {
			run = run[1:]
		}
		if len(run) < 2 {
			return ""
		}
		var b strings.Builder
		odd := false
		for i, c := range run {
			b.WriteString(c.term)
			odd = odd || !c.known || len(ix.ownWords([]string{c.term})) == 0
			// A thing ends in a noun (转成公司, 智能快递柜, where jieba
			// tags 快递 a verb); a verb or an adjective last tells what is
			// done with it or how it is (基数算, 疫情造成, 接点灵活), and an
			// adverb or a particle inside joins no thing.
			switch pos := tg.pos[strings.ToLower(c.term)]; {
			case i == len(run)-1 && (pos == "v" || strings.HasPrefix(pos, "a")):
				return ""
			case i > 0 && (pos == "d" || pos == "p" || pos == "c" || strings.HasPrefix(pos, "u")):
				return ""
			}
		}
		w := b.String()
		if !odd || ix.guideWrites(w) {
			return ""
		}
		// A verb and a kind of business (搞民宿, 开饭馆) is the asker's
		// trade, started or run: who asks, not what about.
		last := run[len(run)-1].term
		if len(ix.ownWords([]string{last})) == 0 && !slices.ContainsFunc(run[:len(run)-1], func(c concept) bool { return tg.pos[strings.ToLower(c.term)] != "v" }) {
			return ""
		}
		return w
	}
	for _, c := range ix.concepts(clause) {
		s := squeeze(c.term)
		// Where and when the thing is (小区门口, 今年) and pronouns are no
		// part of it.
		pos := tg.pos[strings.ToLower(c.term)]
		stop := s == "" || pos == "s" || pos == "f" || pos == "t" || pos == "r" || pos == "m" || strings.HasPrefix(pos, "ns") || (ix.stopword[c.term] || ix.cues.isCue(c.term) || ix.cues.isSocial(c.term)) && (utf8.RuneCountInString(c.term) > 1 || pos != "") || ix.isGeneric(c.term) ||
			ix.cues.has(s, cueBroadAsk) || ix.cues.has(s, cueBroadWhat)
		if len(run) > 0 && (stop || !strings.Contains(clause, joinTerms(run)+c.term)) {
			if w := check(); w != "" {
				return w
			}
		}
		if !stop {
			run = append(run, c)
		}
	}
	return check()
}

func joinTerms(cs []concept) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.term)
	}
	return b.String()
}

// askingClause is the last clause of ask a with a broad.ask word, or "":
// the clauses before it say who and where the asker is ("我在菜市场摆了个
// 水果摊 个体户 有啥扶持没").
func (ix *Index) askingClause(a Ask) string { return ix.lastClauseWith(a, cueBroadAsk) }

// moneyClause is the last clause of ask a that asks for money
// (head.money: "能不能申请职业技能培训补贴啊"), or "".
func (ix *Index) moneyClause(a Ask) string { return ix.lastClauseWith(a, cueHeadMoney) }

// lastClauseWith is the last clause of ask a holding a phrase of cue
// section, or "".
func (ix *Index) lastClauseWith(a Ask, section string) string {
	last := ""
	for _, c := range strings.FieldsFunc(a.Clauses, func(r rune) bool { return squeezeRune(r) < 0 }) {
		if ix.cues.has(squeeze(c), section) {
			last = c
		}
	}
	return last
}

// countedStaff reports whether w is the asker's word for the people a
// business employs (kind.staff) and text counts them ("汽修厂 8个师傅"):
// the size of the business told, no topic asked about.
func (ix *Index) countedStaff(text, w string) bool {
	if !slices.ContainsFunc(ix.staffKinds(), func(k kind) bool { return slices.Contains(k.asker, w) }) {
		return false
	}
	for rest := text; ; {
		i := strings.Index(rest, w)
		if i < 0 {
			return false
		}
		before := strings.TrimRight(rest[:i], "个名位多来余")
		if r, _ := utf8.DecodeLastRuneInString(before); before != "" && strings.ContainsRune("一二两三四五六七八九十几百千0123456789", r) {
			return true
		}
		rest = rest[i+len(w):]
	}
}

// forTrade reports whether measure m, which an ask found, is the topic of
// the broad ask text of overview o: it names the owner's trade, and is for
// businesses or written for that trade alone (as measureKindScore counts
// them), or the owner says the business stood idle ([trade.idle]). One
// naming the trade only among others as where the people it is for work
// (临时招用住宿餐饮、文体娱乐…停工行业从业人员) answers no broad ask of an
// owner whose trade went slow ("开了个小招待所…基本没客人，有啥补贴"); the
// overview does, with that measure among its own.
func (ix *Index) forTrade(m *seeds.Measure, o *Overview, text string) bool {
	if !containsAny(m.Text, o.own) {
		return false
	}
	return o.person || ix.measureTags[m.Number].Enterprise || !containsAny(m.Text, o.others) || ix.cues.has(squeeze(text), cueTradeIdle)
}

// ownWords are the words of an ask that name a topic besides the kind of
// business and the broad ask itself.
func (ix *Index) ownWords(words []string) []string {
	var own []string
	for _, w := range words {
		s := squeeze(w)
		if s == "" || ix.cues.has(s, cueBroadAsk) || ix.cues.has(s, cueBroadWhat) || ix.cues.has(s, cueKindGeneral) || ix.cues.has(s, cueKindObject) {
			continue
		}
		if kinds := ix.kindsOf(s); len(kinds[0]) > 0 || len(kinds[1]) > 0 || ix.namesKind(s) {
			continue
		}
		own = append(own, w)
	}
	return own
}

// namesGuideTrade reports whether ask a's own clauses name, without
// saying a trade themselves, a guide's word for a trade (the second part
// of a [trade] line: 乡村旅游) that measure m writes.
func (ix *Index) namesGuideTrade(a Ask, m *seeds.Measure) bool {
	c := squeeze(a.Clauses)
	if m == nil || c == "" {
		return false
	}
	if g := ix.kindsOf(c); len(g[0]) > 0 || len(g[1]) > 0 {
		return false
	}
	for _, w := range a.Words {
		if !strings.Contains(c, w) || !strings.Contains(m.Text, w) {
			continue
		}
		for _, t := range ix.cues.trades {
			if len(t.groups) > 0 && slices.Contains(t.groups[0], w) {
				return true
			}
		}
	}
	return false
}

// namesKind reports whether word is one of the guide's words for a kind
// in the [trade] lines ("个体工商户", "服务业").
func (ix *Index) namesKind(word string) bool {
	for _, t := range ix.cues.trades {
		if slices.Contains(t.kinds, word) {
			return true
		}
	}
	return false
}

// tradeLine is a [trade] line of the cue lexicon, split into words once
// rather than for every message: "trade words | the guide's words for it |
// broader kinds".
type tradeLine struct {
	trade  []string   // the asker's words for the trade
	groups [][]string // the guide's words for it, its broader kinds, any further part
	kinds  []string   // the words of groups, in order
}

// splitTrades splits the [trade] lines; a line without "|" names no kind
// and is left out, as every reader of the lines skipped it.
func splitTrades(lines []string) []tradeLine {
	var out []tradeLine
	for _, line := range lines {
		parts := strings.Split(line, "|")
		if len(parts) < 2 {
			continue
		}
		t := tradeLine{trade: seeds.SplitWords(parts[0])}
		for _, p := range parts[1:] {
			ws := seeds.SplitWords(p)
			t.groups = append(t.groups, ws)
			t.kinds = append(t.kinds, ws...)
		}
		out = append(out, t)
	}
	return out
}

// Sections of the cue lexicon read for an overview.
const (
	cueBroadAsk    = "broad.ask"    // a question word of a broad ask ("有啥", "哪些")
	cueBroadWhat   = "broad.what"   // … and what it asks for ("政策", "扶持")
	cueTrade       = "trade"        // "trade words | the guide's words for it | broader kinds"
	cueKindGeneral = "kind.general" // kinds every small business belongs to ("小微企业")
	cueKindObject  = "kind.object"  // nouns that make a kind word a measure's object ("企业")
	cueKindClass   = "kind.class"   // class words whose members askers name by a narrower word ("金融机构")
	cueTradeHalt   = "trade.halt"   // words after a trade word that make it an event ("停了": 快递停了)
	cueTradeOwn    = "trade.own"    // words before a trade word that keep it the owner's ("我们": 我们饭店停了)
	cueTradeUse    = "trade.use"    // words before a trade word that make it a service used ("发": 发快递)
	cueTradeIdle   = "trade.idle"   // words saying the asker's business stood idle ("停课")
	cueTradeSelf   = "trade.self"   // words after a trade.own word that open what the asker is ("是": 我们是做出口的)
)

// kindWeights score a measure by how directly it names the asker's kind:
// the trade's own words, its broader kinds, the kinds of any small business.
var kindWeights = [3]int{4, 2, 1}

// overview reads text as a broad ask by kind of business; nil when it is
// not one (no broad question, no kind named, a measure's concept named)
// or the guide names the kind in no measure.
func (ix *Index) overview(text string) *Overview { return ix.overviewExcept(text, nil) }

// overviewExcept is overview without the measures of shown (those the
// conversation has shown when the asker asks what else there is).
func (ix *Index) overviewExcept(text string, shown []int) *Overview {
	s := squeeze(text)
	if !ix.cues.has(s, cueBroadAsk) || !ix.cues.has(s, cueBroadWhat) {
		return nil
	}
	return ix.kindOverview(text, shown)
}

// NamesAsker reports whether text says what kind of business or person
// the asker is (a [trade] or [kind.person] line): what a later bare
// "还有别的吗" is answered for (MoreFor).
func (ix *Index) NamesAsker(text string) bool {
	if told, _ := ix.selfKinds(text); len(told) > 0 {
		return true
	}
	g := ix.kindsOf(squeeze(text))
	return len(g[0]) > 0 || len(g[1]) > 0
}

// MoreFor answers a bare "还有别的吗" that follows no list: the overview
// for the asker that asker (a message NamesAsker accepted) describes, less
// the measures shown; nil when it gives none.
func (ix *Index) MoreFor(asker string, shown []int) *Overview {
	if asker == "" {
		return nil
	}
	// The message that told who the asker is may also have named a need
	// ("我开了个小书店…房租能减免吗"), answered already: what else fits the
	// asker is asked now, whatever that need was.
	return ix.kindOverviewOf(Normalize(asker), shown, true)
}

// kindOverview is the overview for the kind text names, asked broadly or
// not, less the measures of shown.
func (ix *Index) kindOverview(text string, shown []int) *Overview {
	return ix.kindOverviewOf(text, shown, false)
}

// kindOverviewOf is kindOverview; with anyNeed, a need text names does not
// make it a measure's topic to search instead.
func (ix *Index) kindOverviewOf(text string, shown []int, anyNeed bool) *Overview {
	s := squeeze(text)
	if ix.cues.has(s, cueJobSeeker) {
		// "之前在超市当收银 现在想找工作": the trade is where the asker
		// worked, and they ask as a person looking for work, not as its owner.
		return nil
	}
	if told, other := ix.selfKinds(text); len(told) > 0 {
		// "我是饭店服务员 店关门了 有没有能帮我的政策": the asker says
		// which kind of person they are (a trade's employee, a graduate);
		// the measures for people answer them, not those for the
		// business they work in. A need named ("我是服务员 社保有啥政策")
		// is a measure's topic, searched as usual.
		if !anyNeed && ix.namesNeed(text) {
			return nil
		}
		return ix.personOverview(told, other, shown)
	}
	if self := ix.selfTrades(text); self != "" {
		s = self
	}
	groups := ix.kindsOf(s)
	if len(groups[0]) == 0 && len(groups[1]) == 0 {
		return nil
	}
	if !anyNeed && ix.namesNeed(text) {
		return nil // "酒店 社保有啥政策": a measure's topic, searched as usual
	}
	groups[2] = ix.cues.list(cueKindGeneral)
	rare := ix.rareWords(ix.tradeNames(s))
	others := ix.otherTrades(s, groups)
	kw := newKindWords(groups) // the same for every measure
	type scored struct {
		n, score int
		named    []string
		out      []Exclusion // the kinds the message names that the measure excludes
	}
	negated := ix.negatedWords(text)
	var hits []scored
	for i := range ix.guide.Measures {
		m := &ix.guide.Measures[i]
		if m.Text == "" || m.Frame || slices.Contains(shown, m.Number) {
			continue
		}
		score, named := ix.measureKindScore(m, kw, rare, others)
		if score == 0 {
			continue
		}
		hits = append(hits, scored{m.Number, score, named, ix.contrasts(text, measureWords(m), negated)})
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	o := &Overview{own: rare, others: others}
	var named []string
	for _, h := range hits {
		if len(o.Measures) == MaxOverview {
			break
		}
		if len(h.out) > 0 {
			// "私人房东" told, a rent measure for 国有房屋 ranked: out of
			// the list, with the words that rule it out.
			o.RuledOut = append(o.RuledOut, RuledOut{h.n, h.out[0]})
			continue
		}
		o.Measures = append(o.Measures, h.n)
		named = seeds.AppendNew(named, h.named...)
	}
	if len(o.Measures) == 0 {
		return nil
	}
	o.Kinds = ix.kindLabel(groups, named)
	if !slices.ContainsFunc(named, func(w string) bool { return kindRank(groups, w) < 2 }) {
		o.unnamed = groups[0]
	}
	return o
}

// kindLabel names the asker's kind for the reply: the trade's own and
// broader kinds the listed measures name, or else the general kinds that
// are kinds of business (小微企业, not 受疫情影响), at most three.
func (ix *Index) kindLabel(groups [3][]string, named []string) []string {
	sort.SliceStable(named, func(i, j int) bool { return kindRank(groups, named[i]) < kindRank(groups, named[j]) })
	var out []string
	for _, w := range named {
		g := kindRank(groups, w)
		if g < 2 || len(out) == 0 && containsAny(w, ix.cues.list(cueKindObject)) {
			out = append(out, w)
		}
		if g == 2 && len(out) > 0 || len(out) == 3 {
			break
		}
	}
	return out
}

// tradeNames are the first of the guide's words for each trade a squeezed
// message names (民宿 for 开民宿的, not the 住宿 of its other words).
func (ix *Index) tradeNames(s string) []string {
	var out []string
	for _, t := range ix.cues.trades {
		if containsAny(s, t.trade) && len(t.groups[0]) > 0 {
			out = seeds.AppendNew(out, t.groups[0][0])
		}
	}
	return out
}

// otherTrades are the guide's words for the trades a squeezed message does
// not name ([trade] lines it does not match), less the kinds it names.
func (ix *Index) otherTrades(s string, groups [3][]string) []string {
	var out []string
	for _, t := range ix.cues.trades {
		if containsAny(s, t.trade) {
			continue
		}
		for _, w := range t.groups[0] {
			if !slices.Contains(groups[0], w) && !slices.Contains(groups[1], w) {
				out = seeds.AppendNew(out, w)
			}
		}
	}
	return out
}

// measureKindScore scores measure m by how directly its object sentence
// names the asker's kind (see kindScore): more when it is written for the
// trade (a trade's name few measures use, and no other trade named: 精品民
// 宿, not one trade of a list). A measure the check-up rules do not find
// addressed to businesses counts only when it names the trade itself, and
// then, unless written for it, after the measures for the business
// (招用…停工行业从业人员).
func (ix *Index) measureKindScore(m *seeds.Measure, kw *kindWords, rare, others []string) (int, []string) {
	score, named := ix.kindScore(m.Text, kw, ix.kindsIn[m.Number])
	groups := kw.groups
	direct := slices.ContainsFunc(named, func(w string) bool { return slices.Contains(groups[0], w) })
	written := slices.ContainsFunc(named, func(w string) bool { return slices.Contains(rare, w) }) && !containsAny(m.Text, others)
	if written {
		score += kindWeights[1]
	}
	switch {
	case ix.measureTags[m.Number].Enterprise || written:
	case direct:
		score /= 2
	default:
		score = 0
	}
	return score, named
}

// kindsOf returns the guide's words for the kinds a squeezed message
// names through its [trade] lines: the trade's own words, then its broader
// kinds.
func (ix *Index) kindsOf(s string) [3][]string {
	var out [3][]string
	for _, t := range ix.cues.trades {
		if !ix.saysTrade(s, t.trade) {
			continue
		}
		for i, ws := range t.groups[:min(len(t.groups), 2)] {
			out[i] = seeds.AppendNew(out[i], ws...)
		}
	}
	return out
}

// kindWords are the kind words of a message's groups arranged once for
// scoring every measure by them (kindScore).
type kindWords struct {
	groups [3][]string
	words  []kindWord // longest first
	all    []string   // the groups' words in group order
}

// kindWordsIn are the words an overview scores measures by (the [trade]
// lines' guide words and [kind.general]), all, and per measure those its
// text writes.
func kindWordsIn(g *seeds.Guide, c *cues) (map[string]bool, map[int]map[string]bool) {
	all := map[string]bool{}
	for _, t := range c.trades {
		for _, ws := range t.groups {
			for _, w := range ws {
				all[w] = true
			}
		}
	}
	for _, w := range c.m[cueKindGeneral] {
		all[w] = true
	}
	for w := range all {
		if strings.ContainsAny(w, " \x00") {
			delete(all, w) // blanking could make such a word: always searched
		}
	}
	in := make(map[int]map[string]bool, len(g.Measures))
	for i := range g.Measures {
		m := &g.Measures[i]
		set := map[string]bool{}
		for w := range all {
			if strings.Contains(m.Text, w) {
				set[w] = true
			}
		}
		in[m.Number] = set
	}
	return all, in
}

// kindWord is a kind word and the group it came from.
type kindWord struct {
	w     string
	group int
}

func newKindWords(groups [3][]string) *kindWords {
	kw := &kindWords{groups: groups, all: slices.Concat(groups[0], groups[1], groups[2])}
	for g, ws := range groups {
		for _, w := range ws {
			kw.words = append(kw.words, kindWord{w, g})
		}
	}
	sort.SliceStable(kw.words, func(i, j int) bool { return len(kw.words[i].w) > len(kw.words[j].w) })
	return kw
}

// kindScore scores measure text by the kinds of kw it names as its
// object, and returns the words it names. Longer words are matched first
// and blanked, so 中小微企业 does not also count as 小微企业.
//
// in, when not nil, are the words of kindAll that text writes (kindsIn):
// a word of kindAll not in it is not searched for. Blanking writes only
// spaces and NUL bytes, so it makes no kind word appear.
func (ix *Index) kindScore(text string, kw *kindWords, in map[string]bool) (int, []string) {
	words := kw.words
	orig := withoutOthersObjects(text, kw.all)
	text = orig // blanked byte for byte, so an offset in text is one in orig
	score, seen := 0, map[int]bool{}
	var named []string
	for _, w := range words {
		if in != nil && !in[w.w] && ix.kindAll[w.w] {
			continue
		}
		i := strings.Index(text, w.w)
		if i < 0 {
			continue
		}
		ok := w.group == 2 || ix.namesObject(orig[i:])
		text = strings.ReplaceAll(text, w.w, strings.Repeat("\x00", len(w.w)))
		if !ok || slices.Contains(named, w.w) {
			continue
		}
		named = append(named, w.w)
		if !seen[w.group] || w.group < 2 {
			score += kindWeights[w.group]
		}
		seen[w.group] = true
	}
	return score, named
}

// namesObject reports whether the kind word at the start of rest is the
// object of its clause: it is, or is followed within a few characters of
// the same phrase (no 的 between) by, a noun of [kind.object] ("服务业小微企
// 业", "餐饮、零售等5个特困行业"; not "生活服务业发展项目和支持范围的餐饮企业").
func (ix *Index) namesObject(rest string) bool {
	r := []rune(rest)
	end := min(len(r), overviewObjectRunes)
	for i := 0; i < end; i++ {
		if strings.ContainsRune("，。；：,;:的", r[i]) {
			end = i
			break
		}
	}
	return containsAny(string(r[:end]), ix.cues.list(cueKindObject))
}

// withoutOthersObjects blanks kind words right after 为 ("孵化器为中小微企业和
// 个体工商户减免房租"): the measure is for whoever acts for them, not for them.
func withoutOthersObjects(text string, kinds []string) string {
	if !strings.Contains(text, "为") && !strings.Contains(text, " ") && !slices.Contains(kinds, "") {
		return text // nothing to blank and no blank to extend: the common case, checked once
	}
	for _, k := range kinds {
		if strings.Contains(text, "为"+k) {
			text = strings.ReplaceAll(text, "为"+k, "为"+strings.Repeat(" ", utf8.RuneCountInString(k)))
		}
	}
	for _, k := range kinds {
		// "为…和个体工商户": the rest of the list too.
		for _, sep := range []string{"和", "、", "及"} {
			if !strings.Contains(text, sep+k) {
				continue // every pattern below contains sep+k
			}
			for _, other := range kinds {
				pat := strings.Repeat(" ", utf8.RuneCountInString(other)) + sep + k
				text = strings.ReplaceAll(text, pat, strings.Repeat(" ", utf8.RuneCountInString(pat)))
			}
		}
	}
	return text
}

// kindRank orders a kind word by the group it came from.
func kindRank(groups [3][]string, w string) int {
	for g, ws := range groups {
		if slices.Contains(ws, w) {
			return g
		}
	}
	return len(groups)
}

// saysTrade reports whether squeezed s names one of a trade's words
// other than right after a negation: "我不是货车司机" says what the owner is
// not, so it gives no kind.
func (ix *Index) saysTrade(s string, words []string) bool {
	negs := ix.cues.list(cueNegation)
	for _, w := range words {
		if w == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			if !slices.ContainsFunc(negs, func(n string) bool { return strings.HasSuffix(s[:i+j], n) }) && !ix.tradeEvent(s[:i+j], s[i+j+len(w):]) && !ix.tradeUsed(s[:i+j], words) {
				return true
			}
			i += j + len(w)
		}
	}
	return false
}

// tradeUsed reports whether a trade word after before is a service the
// asker uses ("发快递": a seller shipping parcels), not the asker's trade:
// a [trade.use] word stands right before it, or before a run of the same
// trade's words that ends right before it ("发快递物流").
func (ix *Index) tradeUsed(before string, words []string) bool {
	for {
		if slices.ContainsFunc(ix.cues.list(cueTradeUse), func(u string) bool { return strings.HasSuffix(before, u) }) {
			return true
		}
		k := slices.IndexFunc(words, func(w string) bool { return w != "" && strings.HasSuffix(before, w) })
		if k < 0 {
			return false
		}
		before = strings.TrimSuffix(before, words[k])
	}
}

// tradeEvent reports whether a trade word between before and after names
// what happened to the asker, not what the asker is: "快递停了" (a service
// halted: a [trade.halt] word follows) is an event of a farm's story; "我
// 们饭店停了三个月" (the owner's word before it) is still the owner's trade.
func (ix *Index) tradeEvent(before, after string) bool {
	if !slices.ContainsFunc(ix.cues.list(cueTradeHalt), func(h string) bool { return strings.HasPrefix(after, h) }) {
		return false
	}
	return !slices.ContainsFunc(ix.cues.list(cueTradeOwn), func(o string) bool { return strings.HasSuffix(before, o) })
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if w != "" && strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// selfKinds are the kinds of person ([kind.person]) text says the asker
// is, in a clause of the asker's own (我/我们 before the word with no 的
// between: "我是饭店服务员", "我们这些打工的", not "我店里的服务员" an owner
// says of staff), and the other kinds.
func (ix *Index) selfKinds(text string) (told, other []kind) {
	all, other := ix.personKinds(text)
	s := squeeze(text)
	for _, k := range all {
		if slices.ContainsFunc(k.asker, func(w string) bool { return saysSelf(s, w) }) {
			told = append(told, k)
		} else {
			other = append(other, k)
		}
	}
	return told, other
}

// saysSelf reports whether squeezed s says word of the asker: a 我 stands
// before it in its clause with no 的 (nor another clause mark) between.
func saysSelf(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		before := s[:i+j]
		if k := strings.LastIndex(before, "我"); k >= 0 && !strings.ContainsAny(before[k:], "的，。；！？,.;!? ") {
			return true
		}
		i += j + len(word)
	}
}

// personOverview lists for a person of the told kinds the measures naming
// their kind, then those giving a person something ([kind.person.good]:
// a job, their own housing fund), in the guide's order, leaving out those
// shown and those for other kinds of person (a graduate's job subsidy for a waiter); nil
// when the guide has none.
func (ix *Index) personOverview(told, other []kind, shown []int) *Overview {
	names := func(m *seeds.Measure, ks []kind) bool {
		return slices.ContainsFunc(ks, func(k kind) bool { return k.names(measureWords(m)) })
	}
	goods := ix.cues.list(cuePersonGood)
	o := &Overview{person: true}
	for pass := 0; pass < 2; pass++ {
		for i := range ix.guide.Measures {
			m := &ix.guide.Measures[i]
			if m.Text == "" || m.Frame || slices.Contains(o.Measures, m.Number) || slices.Contains(shown, m.Number) || len(o.Measures) == MaxOverview {
				continue
			}
			if pass == 0 && names(m, told) || pass == 1 && containsAny(measureWords(m), goods) && !names(m, other) {
				o.Measures = append(o.Measures, m.Number)
			}
		}
	}
	if len(o.Measures) == 0 {
		return nil
	}
	for _, k := range told {
		o.Kinds = seeds.AppendNew(o.Kinds, k.guide[0])
	}
	return o
}

// selfTrades are the squeezed clauses of text in which the asker says what
// they are ("我们是做出口的小外贸公司": a [trade.own] word, then a
// [trade.self] one), when they name a trade beyond a size (小公司); "" when
// none does. The trades of an overview are read from them alone: the
// 物流 of "物流成本涨了很多" is what the exporter's story is about.
func (ix *Index) selfTrades(text string) string {
	general := ix.cues.list(cueKindGeneral)
	var out strings.Builder
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return squeezeRune(r) < 0 }) {
		c = squeeze(c)
		said := false
		for _, o := range ix.cues.list(cueTradeOwn) {
			if i := strings.Index(c, o); i >= 0 && slices.ContainsFunc(ix.cues.list(cueTradeSelf), func(w string) bool { return strings.HasPrefix(c[i+len(o):], w) }) {
				said = true
				break
			}
		}
		if !said {
			continue
		}
		for _, t := range ix.cues.trades {
			if len(t.groups[0]) > 0 && !slices.Contains(general, t.groups[0][0]) && ix.saysTrade(c, t.trade) {
				out.WriteString(c)
				break
			}
		}
	}
	return out.String()
}

// namesNeed reports whether text names a need of the profile's (社保, 房租):
// a measure's topic rather than only a kind of business or person.
func (ix *Index) namesNeed(text string) bool {
	_, specific := ix.ProfileValue(tags.DimNeed, text)
	return specific
}

// namesTrade reports whether squeezed text s names a trade of a [trade]
// line itself (冷库), not only a general kind of business.
func (ix *Index) namesTrade(s string) bool {
	g := ix.kindsOf(s)
	return len(g[0]) > 0
}
