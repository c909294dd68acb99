package index

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index/jieba"
	"policybot/index/tags"
	"policybot/seeds"
)

// Judging a question against a measure's words: which sentences decide
// it, which parts of the asker's case the measure does not name or rules
// out, and whether the text grants what was asked (the verdict). A verdict
// is given only when the measure itself grants it, directly (not only
// encouraging banks or landlords), from a sentence whose place is certain,
// to an asker whose every named kind and object the measure names; and
// never to an owner describing their own case ("我是…，算不算"): that gets
// the deciding words and whom to ask. The words are data: the case,
// negation*, bound.*, unit and verdict.* sections of cues.txt.

// maxUnnamed is how many unnamed parts of a case a judgment reports.
const maxUnnamed = 2

// Judgment is what a measure's words say about one question asked of it.
type Judgment struct {
	// YesNo: the question asks yes or no. Case: it describes the asker's
	// own situation and asks whether it counts ("我是…，我这种算不算").
	YesNo, Case bool
	// Verdict is "可以。", "有。" or "不会。" when the text grants what
	// was asked to the asker's case; "" otherwise.
	Verdict string
	// Rule is the clause of m's text (never a doubtful sentence) the
	// answer rests on, ending in "。".
	Rule string
	// ForOthers: Rule is about one kind of asker (社会组织) and the asker
	// named none, so quoting it alone would answer for someone else.
	ForOthers bool
	// Encouraged: Rule only encourages or supports (鼓励金融机构…,
	// 支持平台企业…): the guide grants nothing itself.
	Encouraged bool
	// Conditional: Rule grants only under a condition it states first
	// ("…难以确定评标专家的，可依法…"): a verdict holds only under it.
	Conditional bool
	// Clauses are the sentences that answer the question or decide the
	// case, as Quote picks them; for a case or a yes/no question without
	// words of its own, those naming whom the measure is for.
	Clauses []Quoted
	// Excluded are the parts of the asker's case the measure's words rule
	// out ("不在封管控区", "2.4升", "国有房屋" against "非国有房屋").
	Excluded []Exclusion
	// Unsettled are parts of the asker's case whose side of a contrast the
	// text does not settle (the contrast.unknown section: "开发商" to a
	// measure for 国有房屋): neither granted nor ruled out. Key is what the
	// measure is for, Rule its clause.
	Unsettled []Exclusion
	// Standing is the asker's own standing put as a condition ("不是北京户
	// 口") that the measure does not name: Asked as the asker wrote it, Key
	// how the measure sets its condition of place ("在京注册或在京纳税"; ""
	// when it sets none), Rule its clause. The text does not settle it.
	Standing []Exclusion
	// Unnamed are parts of the asker's case the measure does not mention
	// (kinds of askers, the things asked for), at most maxUnnamed, as
	// the asker wrote them ("烟草专卖零售许可证").
	Unnamed []string
	// Named are the kinds of the thing asked for that the measure names
	// when the asker's is not among them (工业产品生产许可证 and
	// 食品经营许可证 for "卫生许可证", which is then Unnamed's first), or
	// when the asker named none ("许可证"), each with a rule of its own.
	Named []string
	// Need: the ask is whether the thing must be obtained at all ("要不要
	// 办许可证"); the kinds a measure names say nothing of that.
	Need bool
	// Capped is the rule's cap on an amount the asker asks to get as it
	// is ("不超过总投资30%" to "能拿到30%吗"): the text sets a maximum, it
	// grants no amount, so no verdict.
	Capped string
	// Doubted are parts of the asker's case that only a follow-up
	// sentence whose place is in doubt mentions: neither granted nor
	// "not mentioned".
	Doubted []string
	// Party is the other party of the asker's story that the measure does
	// not name: the debtor of a debt owed to the asker (Ask.Debtor,
	// "货车司机" to a measure clearing arrears owed to small firms by
	// whom it does not say, or by 政府投资项目). "" otherwise.
	Party string
	// beside is the clause for a kind no trade narrows (所有中小微企业)
	// that kept an asker in who negated the kind of another clause
	// ("不是特困行业"): the clause that decides their case.
	beside string
}

// Exclusion is a part of the asker's case a measure's words rule out.
type Exclusion struct {
	Asked string // as the asker put it
	Rule  string // the clause of the measure it conflicts with
	Key   string // the words of Rule that decide: "国有", "2.0升及以下"
}

// Granted reports whether the judgment answers yes outright.
func (j *Judgment) Granted() bool { return j.Verdict != "" }

// Judge weighs question a (a new question or a follow-up) against measure
// m. context is the conversation's last new question: its words break
// ties between sentences. aspects are those the reply quotes for.
func (ix *Index) Judge(m *seeds.Measure, a *Ask, aspects []Aspect, context string) Judgment {
	q, a := ix.judgedAsk(a)
	// "能问社保吗" asks whether a channel serves 社保, not whether 社保's
	// relief is granted: no yes/no on the measure.
	// "有没有别的办法" asks for another measure, not whether this one
	// grants: no yes/no on it either.
	need := ix.cues.has(q, cueNeed)
	j := Judgment{YesNo: (ix.YesNo(q) || need) && !ix.cues.has(q, cueChannel) && !ix.cues.has(q, cueOtherWay), Need: need, Case: ix.putsCase(q)}
	if !m.HasText() && len(m.Details) == 0 {
		return j
	}
	// Staff named as a party besides the asker (员工说…, 员工要求交) are
	// no words of the asker's case: a sentence on what 职工 may do does
	// not answer the employer.
	own := ix.withoutStaffVoice(q, a.Words)
	// When the owner puts a kind the measure sets apart sentence by
	// sentence ("我们是中型企业", "中型企业到底能不能缓" to 所有中小微企业),
	// that kind's sentence decides, not one sharing a common word (企业职工)
	// with the message.
	if qs, kind := ix.kindQuote(m, q, ""); kind && (j.Case || j.YesNo) {
		j.Clauses = qs
	} else if j.Case {
		// The sentences naming the owner's words decide the case.
		j.Clauses = ix.Quote(m, nil, own, context)
	}
	if len(j.Clauses) == 0 && (slices.Contains(aspects, AspectConditions) || slices.Contains(aspects, AspectWho)) {
		// Conditions set kind by kind: the asker's kind's, or each kind's.
		j.Clauses = ix.KindQuote(m, q, context)
	}
	if len(j.Clauses) == 0 {
		j.Clauses = ix.Quote(m, aspects, own, context)
	}
	if len(j.Clauses) == 0 && len(aspects) == 0 {
		// "大企业呢" of a measure that sets kinds apart: that kind's clause.
		if qs, own := ix.kindQuote(m, q, ""); own {
			j.Clauses = qs
		}
	}
	if len(j.Clauses) == 0 && (j.Case || j.YesNo && len(aspects) == 0) {
		// Nothing names the asker's words: whom the measure is for.
		j.Clauses = ix.Quote(m, []Aspect{AspectWho, AspectConditions}, nil, context)
	}
	ix.weighCase(&j, m, q, a)
	if d := a.Debtor; d != "" {
		if full, part := ix.mentions(measureWords(m), d); !full && !part && !ix.kindWord(measureWords(m), d) {
			j.Party = d
		}
	}
	if j.beside != "" && len(j.Excluded) == 0 {
		// "不是特困行业，也能缓吗": the clause that keeps the asker in.
		j.Clauses = []Quoted{{Text: j.beside}}
	}
	if len(j.Clauses) > 0 {
		// An exclusion rests on a sentence that answers the question, or
		// on the measure's own text, which governs all of it: a condition
		// of another of its sentences (the rent withdrawal's 无自有住房)
		// rules nothing out of the sentence asked about (the housing
		// loan's 不影响征信).
		j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool {
			return !strings.Contains(m.Text, x.Key) && !slices.ContainsFunc(j.Clauses, func(c Quoted) bool { return strings.Contains(c.Text, x.Key) })
		})
	}
	words := ix.subjects(q)
	asker := len(words) > 0
	if !asker {
		words = ix.related(ix.withoutStaffVoice(q, a.Terms))
	} else {
		// "我们算中型企业，能缓吗": the kind section says which of the
		// guide's words take in the asker's kind (中小微企业 holds 中型),
		// so the clause for them is the rule, as it is for 小微企业.
		text := measureWords(m)
		for _, k := range ix.askerKinds(q) {
			if g := firstAffirmed(text, k.guide); g != "" {
				words = seeds.AppendNew(words, g)
			}
		}
	}
	var rule sentence
	object := askedObject(m, a.Words)
	if object == "" {
		// "那能顺延6个月吗" after "我们的食品经营许可证到期了…": the kind
		// told before is the thing asked of, not another kind's rule.
		object = ix.toldKind(m, q, context)
	}
	j.Rule, rule = ix.ruleClause(m, words, object, ix.affirmed(q, a.Words))
	j.Encouraged = ix.encouraged(j.Rule, rule.text)
	if !j.Encouraged && ix.onlySupports(strings.TrimSuffix(j.Rule, "。")) {
		// "支持落地一批…项目，对…给予…20%的奖励": the grant is the rule.
		if c := ix.grantClause(rule.text, words); c != "" {
			j.Rule = c
		}
	}
	// The kind of asker may stand in an earlier clause of the sentence
	// ("临时招用…停工行业从业人员，兼职参与…，并给予适当补贴").
	j.ForOthers = !asker && (len(ix.subjects(j.Rule)) > 0 || len(ix.subjects(rule.text)) > 0)
	if c := ix.condition(rule.text, j.Rule); c != "" {
		j.Rule, j.Conditional = c+"，"+j.Rule, true
	} else if first, _, more := strings.Cut(j.Rule, "，"); more && ix.endsWith(first, cueDepend) {
		// The rule opens with its own condition ("封管控区内无法及时换发…的，
		// 有效期顺延…"): a verdict holds only under it.
		j.Conditional = true
	}
	if !j.Conditional && ix.cues.has(j.Rule, cueHardship) && !ix.cues.has(q, cueHardship) && !ix.cues.has(q, cueHardshipTold) {
		// "对受疫情影响未能及时缴费的小微企业…欠费不停供" to "水费没交上 会
		// 不会停水": the rule is for those the epidemic set back, which
		// the asker has not said; a verdict holds only under it.
		j.Conditional = true
	}
	if !j.Conditional && ix.cues.has(j.Rule, cueScope) {
		// "对纳入…支持范围的餐饮企业，最高给予…50%" to "我们小饭馆能申请吗":
		// only a firm admitted to that scope gets it.
		j.Conditional = true
	}
	if j.YesNo && len(j.Named) == 0 && len(j.Excluded) == 0 {
		// "许可证到期能顺延吗" of a measure with a rule per licence: no
		// one rule is the answer.
		j.Named = ix.kindsApart(q, m)
	}
	// A verdict rests on a clause that is about the question: it mentions
	// most of its words, not only a common one (单位, 企业).
	about := asker || len(a.Words) == 0 || ix.textShare(j.Rule, a.Words) >= ix.tuning.MinTopicCover
	// A verdict affirms no number of the ask the rule does not state
	// ("能顺延6个月吗" of a rule of 30日), and rests on a sentence that
	// grants, not one that organises the work ("组建房租减免工作专班").
	about = about && statesNumbers(j.Rule, ix.askingPart(a))
	grants := !ix.organised(rule.text)
	if j.YesNo && about {
		// "能拿到30%吗" of "给予不超过总投资30%的分档支持": a cap, not a grant.
		j.Capped = ix.capOf(j.Rule, ix.askingPart(a))
	}
	if j.YesNo && j.Capped == "" && !j.Case && !j.Encouraged && j.Party == "" && len(j.Excluded) == 0 && len(j.Unsettled) == 0 && len(j.Standing) == 0 && len(j.Unnamed) == 0 && len(j.Doubted) == 0 && len(j.Named) == 0 && j.Rule != "" && about && grants {
		j.Verdict = ix.Verdict(q, j.Rule)
	}
	return j
}

// Unnamed is Judge(m, a, nil, "").Unnamed, found without the rest of the
// judgment: what of the asker's case (a kind of asker, a thing asked
// for) m does not name. A bot serving several guides asks it of each.
func (ix *Index) Unnamed(m *seeds.Measure, a *Ask) []string {
	if !m.HasText() && len(m.Details) == 0 {
		return nil
	}
	q, a := ix.judgedAsk(a)
	j := Judgment{Case: ix.putsCase(q)}
	ix.weighCase(&j, m, q, a)
	return j.Unnamed
}

// putsCase reports whether q puts the owner's own case ("我这种算不算",
// "我的是…也能…吗"): weighCase then reads the whole question, not only its ask.
func (ix *Index) putsCase(q string) bool {
	return ix.ownCase(q) || ix.cues.has(q, cueCaseTopic)
}

// ownCase reports whether text holds a case cue ("我是", "我们厂") outside
// the phrases that reopen a correction ("我是说社保缓缴能缓到啥时候" says
// what was meant, not who the asker is).
func (ix *Index) ownCase(text string) bool {
	for _, ph := range ix.cues.list(cueCorrectionThen) {
		if utf8.RuneCountInString(ph) >= 3 {
			text = strings.ReplaceAll(text, ph, "，")
		}
	}
	return ix.cues.has(text, cueCase)
}

// judgedAsk is the question a puts and a itself, the words of its
// situation added: "我们厂不在封管控区，只是忙忘了换证，也能顺延吗" tells
// the case in the situation, the ask only puts it.
func (ix *Index) judgedAsk(a *Ask) (string, *Ask) {
	q := a.Question
	if q == "" {
		q = a.Text
	}
	if a.Situation == "" {
		return q, a
	}
	if !strings.Contains(q, a.Situation) {
		q = joinClauses(a.Situation, q)
	}
	withCase := *a
	words := ix.situationWords(a.Situation)
	withCase.Words = seeds.AppendNew(slices.Clone(a.Words), words...)
	withCase.Terms = seeds.AppendNew(slices.Clone(a.Terms), words...)
	return q, &withCase
}

// ruleClause is the clause of m's certain sentences that mentions most of
// words, preferring one that grants something, and its sentence; "" when
// none mentions any: no verdict rests on a clause about something else.
// When object is set, only sentences writing it are weighed: a synonym
// (许可证) must not let a sentence about another licence decide.
//
// A sentence that writes one of the asker's own words only as its
// negation (affirmed: "特殊食品" against "食品生产许可证（非特殊食品）到期
// 的…") is about the other case: no rule of the asker's comes from it.
func (ix *Index) ruleClause(m *seeds.Measure, words []string, object string, affirmed []string) (string, sentence) {
	var best sentence
	clause, score := "", 0
	for _, s := range sentences(m) {
		if s.doubtful || object != "" && !strings.Contains(s.text, object) {
			continue
		}
		if slices.ContainsFunc(affirmed, func(w string) bool { return utf8.RuneCountInString(w) >= 2 && onlyNegated(s.text, w) }) {
			continue
		}
		// The sentence that says more of the words first ("员工租房能提公
		// 积金吗": 职工…租住商品房…提取住房公积金), then its best clause.
		if c, sc := ix.bestClause(s.text, words); c != "" && (clause == "" || ix.sentenceSays(s.text, words)*1000+sc > score) {
			clause, score, best = c, ix.sentenceSays(s.text, words)*1000+sc, s
		}
	}
	if clause == "" {
		return "", best
	}
	return clause + "。", best
}

// affirmed are the words of the ask q does not negate itself.
func (ix *Index) affirmed(q string, words []string) []string {
	negated := ix.negatedWords(q)
	return slices.DeleteFunc(slices.Clone(words), negated.has)
}

// sentenceSays is how many of words sentence says, as written, through a
// synonym or spelled out (租房 in 租住商品房).
func (ix *Index) sentenceSays(sentence string, words []string) int {
	n := 0
	for _, w := range words {
		if ix.mentionsAny(sentence, w) || spelledOut(sentence, w) != "" {
			n++
		}
	}
	return n
}

// askedObject is the longest of the asker's words (two runes or more)
// that some but not all of m's certain sentences write as it is
// ("食品经营许可证" among licences): the rule must name it. "" when none,
// or when another word as long is written by other sentences only.
func askedObject(m *seeds.Measure, words []string) string {
	var certain []string
	for _, s := range sentences(m) {
		if !s.doubtful {
			certain = append(certain, s.text)
		}
	}
	object, tied := "", false
	for _, w := range words {
		l := utf8.RuneCountInString(w)
		if l < 2 || l < utf8.RuneCountInString(object) {
			continue
		}
		n, both := 0, false
		for _, s := range certain {
			if strings.Contains(s, w) {
				n++
				both = both || object != "" && strings.Contains(s, object)
			}
		}
		switch {
		case n == 0 || n == len(certain):
		case l == utf8.RuneCountInString(object):
			// "投标的时候纸质标书要收钱吗": 投标 and 纸质 are as long and
			// written by different sentences; neither is the object, and
			// the sentence saying more of the words decides.
			tied = tied || !both
		default:
			object, tied = w, false
		}
	}
	if tied {
		return ""
	}
	return object
}

// toldKind is the kind of a thing (食品经营许可证) that context, the
// conversation's last new question, names among those m sets apart by
// kind (the compounds its certain sentences write ending in one head), or
// "" when q names a kind or the head itself, or context names none.
func (ix *Index) toldKind(m *seeds.Measure, q, context string) string {
	if context == "" || context == q {
		return ""
	}
	var certain []string
	for _, s := range sentences(m) {
		if !s.doubtful {
			certain = append(certain, s.text)
		}
	}
	text := strings.Join(certain, "。")
	for _, t := range ix.seg.Tag(context) {
		r := []rune(t.Word)
		if len(r) < 2 || !strings.HasPrefix(t.POS, "n") || ix.personWord(t.Word) {
			continue
		}
		// The head may end a compound the segmenter keeps whole (食品经营许可证).
		for i := 0; i+2 <= len(r); i++ {
			h := string(r[i:])
			named := ix.namedKinds(text, h)
			if len(named) < 2 || strings.Contains(q, h) {
				continue
			}
			for _, k := range named {
				mod := []rune(strings.TrimSuffix(k, h))
				short := string(mod[max(0, len(mod)-2):]) + h // 经营许可证
				if strings.Contains(context, short) {
					return k
				}
			}
		}
	}
	return ""
}

// statesNumbers reports whether rule writes every number asked ("6" of
// "能顺延6个月吗"), each as a whole number.
func statesNumbers(rule, asked string) bool {
	for _, n := range numberRe.FindAllString(asked, -1) {
		found := false
		for _, at := range numberRe.FindAllString(rule, -1) {
			found = found || at == n
		}
		if !found {
			return false
		}
	}
	return true
}

var numberRe = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)

// capOf is the cap rule sets on a number asked ("不超过总投资30%" for
// the 30 of "能拿到30%吗"): an upper bound (bound.upper) standing before
// the number in its clause. "" when none, or when the asker asks about the
// maximum itself ("最高能拿30%吗").
func (ix *Index) capOf(rule, asked string) string {
	if ix.cues.has(asked, cueBoundUpper) {
		return ""
	}
	for _, n := range numberRe.FindAllString(asked, -1) {
		for _, c := range strings.Split(strings.TrimSuffix(rule, "。"), "，") {
			for _, loc := range numberRe.FindAllStringIndex(c, -1) {
				if c[loc[0]:loc[1]] != n {
					continue
				}
				before := c[:loc[0]]
				at := -1
				for _, w := range ix.cues.list(cueBoundUpper) {
					if i := strings.LastIndex(before, w); i > at {
						at = i
					}
				}
				if at < 0 || utf8.RuneCountInString(before[at:]) > 12 {
					continue
				}
				end := loc[1]
				if r, size := utf8.DecodeRuneInString(c[end:]); r == '%' || r == '万' || r == '元' {
					end += size
					if r == '万' && strings.HasPrefix(c[end:], "元") {
						end += len("元")
					}
				}
				return c[at:end]
			}
		}
	}
	return ""
}

// condition is the clause of sentence that sets the condition rule rests
// on ("疫情期间…难以确定评标专家的，可依法由招标人自行确定…"), or "".
func (ix *Index) condition(sentence, rule string) string {
	i := strings.Index(sentence, strings.TrimSuffix(rule, "。"))
	if i <= 0 {
		return ""
	}
	before := strings.Split(strings.TrimSuffix(sentence[:i], "，"), "，")
	// "对购置日期在…乘用车，减半征收…": a framing clause is the condition too,
	// and so is the clause a modal opening takes its subject from ("职工在本市
	// 无自有住房租住商品房，可按实际支付房租提取住房公积金").
	if last := before[len(before)-1]; ix.endsWith(last, cueDepend) || ix.startsWith(last, cueFrame) || ix.startsWith(rule, cueModalStart) {
		return last
	}
	return ""
}

// encouraged reports whether clause, a clause of sentence, only encourages
// or supports rather than grants: its sentence opens with an encouraging
// word that governs all of it ("鼓励金融机构…，不影响征信记录"), or the
// clause encourages or supports and no other clause of the sentence grants
// anything itself ("支持落地一批…项目，对符合条件的…给予…30%的分档支持"
// grants).
func (ix *Index) encouraged(clause, sentence string) bool {
	first, _, _ := strings.Cut(sentence, "，")
	if ix.cues.has(first, cueEncourage) {
		return true
	}
	if !ix.onlySupports(strings.TrimSuffix(clause, "。")) {
		return false
	}
	for _, c := range strings.Split(sentence, "，") {
		if !strings.Contains(clause, c) && ix.grants(c) && !ix.onlySupports(c) {
			return false
		}
	}
	return true
}

// onlyEncourages reports whether every clause of text writing key only
// encourages or supports (see encouraged), and some clause writes it.
func (ix *Index) onlyEncourages(text, key string) bool {
	if key == "" {
		return false
	}
	found := false
	for _, sentence := range splitSentences(text) {
		for _, c := range strings.Split(sentence, "，") {
			if !strings.Contains(c, key) {
				continue
			}
			if !ix.encouraged(c, sentence) || grantedTo(c, key) {
				return false
			}
			found = true
		}
	}
	return found
}

// grantedTo reports whether clause names key as whom it grants to, in the
// frame 对…key…给予: "鼓励结合实际对餐饮企业…防疫支出给予一定补贴"
// encourages the district, but the subsidy is for 餐饮企业, and an asker
// who says they are no 餐饮 is outside it.
func grantedTo(clause, key string) bool {
	i := strings.Index(clause, key)
	return i >= 0 && strings.Contains(clause[:i], "对") && strings.Contains(clause[i+len(key):], "给予")
}

// grantClause is the clause of sentence that grants something itself
// (not only supports) and mentions most of words, ending in "。"; "" if
// none grants.
func (ix *Index) grantClause(sentence string, words []string) string {
	var grants []string
	for _, c := range strings.Split(sentence, "，") {
		if ix.grants(c) && !ix.onlySupports(c) {
			grants = append(grants, c)
		}
	}
	if len(grants) == 0 {
		return ""
	}
	best, _ := ix.bestClause(strings.Join(grants, "；"), words)
	if best == "" {
		best = grants[0]
	}
	return best + "。"
}

// onlySupports reports whether a clause encourages or supports (鼓励,
// 加大…力度, a clause opening 支持) rather than grants.
func (ix *Index) onlySupports(clause string) bool {
	return ix.cues.has(clause, cueEncourage) || ix.cues.has(clause, cueSupports) || ix.startsWith(clause, cueSupportStart)
}

// weighCase finds the parts of the asker's case the measure rules out or
// does not name: kinds of askers (the subject section), the question's
// own words, and quantities against the bounds the text sets.
func (ix *Index) weighCase(j *Judgment, m *seeds.Measure, q string, a *Ask) {
	text, certain := measureWords(m), certainWords(m)
	// Things only count as the asker's case where the ask itself names
	// them ("我家老头子开货车的，贷款能宽限不" asks about 贷款, not 老头子),
	// or where the owner puts their case ("我的是烟草许可证，也能顺延吗"):
	// the clauses that put it, not the rest of the story ("雇了五六个员工",
	// "今年疫情闹的生意很差"), which tells how things stand, not what is asked.
	asked := ix.askingPart(a)
	if j.Case {
		asked = ix.casePart(q, asked)
	}
	negated := ix.negatedWords(q).within(text)
	subjects := ix.subjects(q)
	pos := ix.tag(q).pos
	var kinds, things []string
	standing := ix.standing(q, text)
	// An ask naming no thing of its own ("公司贷款到期了还不上，能延期吗")
	// asks about what its message named before it: the guide's nouns there
	// are its objects, and a measure that names none of them (a licence's
	// 顺延 for a loan) grants nothing about them.
	bare := ix.namesNoThing(asked, q)
	places := ix.askerPlaces(q) // tagged once, not once per word
	for _, w := range ix.caseWords(q, a.Words, pos) {
		if aside(q, w, pos) || standing != "" && strings.Contains(standing, w) {
			continue
		}
		full, part := ix.mentions(text, w)
		if !full && !part && ix.shortFormOf(text, w) {
			// "贷款" where the text writes "延期还贷": named.
			full = true
		}
		if !full && !part && spelledOut(text, w) != "" && (!negated.has(w) || leads(negated[w].span, w)) {
			// "水电" where the text writes "用水、用电": named. A negation
			// governs the word right after it ("不在封控区"), not one
			// further on ("没房子租房住").
			full = true
		}
		switch {
		case negated.has(w) && (full || part) && ix.qualifiesAside(m, w, a):
			// "我就一家店 不是连锁 也能减吧" to "…服务业小微企业和个体工商户
			// 减免3个月…。符合条件的连锁超市…以门店为单位执行": the lead
			// sentence grants the ask to a kind that holds the asker
			// without naming w; the one other sentence naming w says how
			// those that are w apply it. Not being w rules nothing out,
			// and nothing is in doubt: the lead sentence answers.
			j.beside = cmp.Or(j.beside, strings.TrimSuffix(m.Text, "。"))
		case negated.has(w) && (full || part) && !ix.mentionsAny(certain, w) && spelledOut(certain, w) == "" && !ix.shortFormOf(certain, w):
			// "不是连锁" against a follow-up sentence whose place is in
			// doubt: it may not be this measure's rule, so it rules
			// nothing out (issue 20: doubted sentences are not quoted as
			// a measure's rule in a verdict).
			j.Doubted = append(j.Doubted, w)
		case negated.has(w) && (full || part) && !negated.covered(text, w) && !ix.textNegates(text, ix.guideWord(text, w)) && ix.spanWritten(text, negated[w].span):
			// The asker's "不是w" against a measure for w; one that also
			// says 非w covers it.
			key := ix.guideWord(text, w)
			if !strings.Contains(text, key) {
				key = cmp.Or(spelledOut(text, w), key)
			}
			if !strings.Contains(text, w) && slices.Contains(ix.cues.list(cueKindClass), key) {
				// "不是银行" to a measure for 金融机构: the text names the
				// class, not the member negated; the asker's lender may be
				// another member, so nothing is ruled out.
				break
			}
			j.Excluded = append(j.Excluded, Exclusion{Asked: negated[w].clause, Rule: clauseWith(text, key), Key: key})
		case !negated.has(w) && full && onlyNegated(text, ix.guideWord(text, w)):
			g := ix.guideWord(text, w)
			j.Excluded = append(j.Excluded, Exclusion{Asked: w, Rule: clauseWith(text, "非"+g), Key: "非" + g})
		case (full || part) && !negated.has(w) && !ix.mentionsAny(certain, w) && spelledOut(certain, w) == "" && !ix.shortFormOf(certain, w) && (slices.Contains(subjects, w) || isNoun(pos, w)):
			// Named only in a sentence whose place is in doubt.
			j.Doubted = append(j.Doubted, w)
		case full || part || negated.has(w):
		case slices.ContainsFunc(places, func(p string) bool { return strings.Contains(p, w) }):
			// "鼓楼西街": where the asker is, no kind of asker or thing
			// asked for; a measure's own conditions on place (在京注册)
			// are read as exclusions and standing above, not here.
		case ix.cues.has(w, cueCutAsk) && ix.cuts(text):
			// "优惠" of a measure that cuts a fee (费率, 价格扣除): what it grants.
		case slices.Contains(ix.cues.list(cueHeadMoney), w) && ix.cues.has(text, cueHeadMoney):
			// "补贴" of a measure that pays money in other words (奖励,
			// 资金): money asked for and granted, named as the guide names
			// it. A fee cut (降低资费) is no money paid: the hedge stays.
		case ix.kindWord(text, w):
			// "农家乐" to a measure for 个体工商户: the owner's word for a kind it names.
		case !ix.cues.has(text, cuePremises) && ix.landlordKind(q, w):
			// "房子是租的国企的": the landlord's kind, nothing a measure
			// not about premises says or needs of the asker.
		case slices.Contains(subjects, w):
			kinds = append(kinds, w)
		case ix.anyTrade(m, w) || ix.coversTrade(certain, w):
			// "开便利店的" to a measure for every trade, "会展" to one for
			// 所有中小微企业, "美容院" to one for 服务业: nothing to name.
		case ix.addressed(q, w):
			// "老师好我在农村做直播…": whom the owner greets, no case.
		case ix.selfDetail(m, q, w):
			// "我在果园西路卖水果的", "我开了家母婴店": what the owner sells
			// and where, told in saying who they are; their trade and kind
			// are weighed as such (above and below), the rest is no thing
			// of the case.
		case slices.Contains(ix.cues.list(cueKindKin), w):
			// "我儿子是跑货车的": whom the case is about, told in a family
			// word; the kind is what the story says they do.
		case ix.cues.has(w, cueCaseVague):
			// "啥意思", "关系", "地方": no thing of the asker's case.
		case unitOfMeasure(m, w):
			// "我们用的联通" to a measure whose 配合单位 are 区联通公司…:
			// the provider the measure names as carrying it out, no
			// thing it leaves out.
		case !ix.guideWrites(w) && ix.sharesClause(q, w, text, pos, true):
			// "合作社用电欠费了 电会不会被停": the statement is about 合作社,
			// a word no measure writes, and says the measure's words (用电):
			// the asker, whom the measure does not name.
			kinds = append(kinds, w)
		case (isNoun(pos, w) || pos[w] == "j" && ix.abbreviates(w)) && !verbPhrase(w) && strings.Contains(asked, w) && !aside(asked, w, pos),
			bare && (ix.storyObject(q, w, pos) || ix.sharesClause(q, w, text, pos, false)):
			// A thing the asker has or asks for (烟草专卖零售许可证, 奖励);
			// verbs and numbers the measure words otherwise are no case.
			things = append(things, w)
		}
	}
	j.Excluded = append(j.Excluded, ix.negatedOnly(text, negated, j.Excluded)...)
	// "不是特困行业" to a measure also for 所有中小微企业: the asker may be
	// one of those; the negation rules nothing out.
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool {
		c := ix.kindBeside(text, x.Key)
		j.beside = cmp.Or(j.beside, c)
		return c != ""
	})
	kinds = ix.pruneExcluded(j, text, q, negated, kinds)
	j.Excluded = append(j.Excluded, ix.outOfBounds(q, text, negated)...)
	j.Excluded = append(j.Excluded, ix.outOfWindow(q, certain)...)
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool {
		ok, other := ix.grantBeside(text, x.Key, a.Words)
		j.beside = cmp.Or(j.beside, other)
		return ok
	})
	// "我们这不是中高风险地区" to "减免3个月…，其中承租被列为疫情中高风险地
	// 区…的，减免6个月": the key narrows a sub-case of those granted, and
	// outside it the asker still has the main grant.
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool { return ix.refinesOnly(text, x.Key) })
	// "我们不是小微 算中型企业" to "所有中小微企业": the text writes 小微
	// only inside a wider kind, which takes in the asker's other size.
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool { return ix.insideWiderKind(text, x.Key) })
	// "并非房租事宜" says what the question is not about, not what the
	// asker's case is not: it rules nothing out.
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool { return ix.aboutTalk(x.Asked) })
	j.Excluded = append(j.Excluded, ix.contrasts(q, text, negated)...)
	j.Excluded = append(j.Excluded, ix.heldAgainst(q, text)...)
	j.Excluded = append(j.Excluded, ix.unlicensed(text, negated)...)
	// A clause that only encourages or supports ("鼓励旅游平台企业、旅行社
	// 开发…") names whom it has in mind, not whom it is for: it rules no
	// one out, and the asker's kind it does not name stays unnamed.
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool { return ix.onlyEncourages(text, x.Key) })
	if standing != "" {
		// "外地户口" is the asker's register, not where the business is:
		// no contrast with 在京 rules it out; the text does not settle it.
		j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool {
			return strings.Contains(standing, x.Asked) || strings.Contains(x.Asked, standing)
		})
		key := ix.standingRule(text)
		j.Standing = []Exclusion{{Asked: standing, Rule: clauseWith(text, key), Key: key}}
	}
	if len(j.Excluded) == 0 {
		j.Unsettled = ix.unsettled(q, text, negated)
	}
	if len(kinds) == 0 {
		// A phrase grown from a fragment is weighed whole: "民办" grows to
		// "民办非企业单位", how an owner says a kind the text names
		// (社会服务机构), and is then nothing the measure leaves unnamed.
		kinds = slices.DeleteFunc(ix.phrases(q, things, a.Terms), func(p string) bool { return ix.kindWord(text, p) })
	}
	for _, t := range a.Terms {
		// "那我自己给租户减的房租 能不能抵点税" to a measure that pays a
		// subsidy: the thing asked for (税) is one character, no topic
		// word, and the measure never writes it.
		if utf8.RuneCountInString(t) == 1 && slices.Contains(ix.cues.list(cueThingChar), t) && strings.Contains(asked, t) &&
			!strings.Contains(text, t) && !slices.ContainsFunc(kinds, func(k string) bool { return strings.Contains(k, t) }) {
			kinds = append(kinds, t)
		}
	}
	thing, named := ix.otherKindOf(asked, certain)
	if thing == "" {
		// "医疗保险" to a measure for 养老、失业、工伤保险费: a sibling the
		// text's list leaves out.
		thing, named = otherListedOf(kinds, certain)
	}
	if thing == "" {
		// "医保" to the same list: a short form, by the full name the
		// lexicon gives it (医疗保险).
		thing, named = ix.otherListedByName(kinds, certain)
	}
	if thing == "" && bare {
		// "做美容的卫生许可证快到期了 能顺延吗": an ask naming no thing of
		// its own asks about the one its message named before it.
		thing, named = ix.otherKindOf(q, certain)
	}
	if thing == "" {
		// "营业执照" to a measure for 生产许可证 and 经营许可证: another
		// kind of paper, under another head.
		// An ask naming no thing of its own ("…营业执照快到期了 要不要紧")
		// asks about the paper its message named before it.
		cands := kinds
		if bare {
			for _, t := range ix.seg.Tag(q) {
				if strings.HasPrefix(t.POS, "n") {
					cands = append(cands, t.Word)
				}
			}
		}
		thing, named = ix.otherDocumentOf(cands, certain)
	}
	if thing != "" && ix.actorOf(certain, thing, named) {
		// "银行贷款" to "鼓励金融机构对…货车司机贷款…实施延期还本付息": the
		// asker names who lends, whom the measure names as its actor, not
		// a kind of loan beside the borrowers' it lists.
		kinds = slices.DeleteFunc(kinds, func(k string) bool { return strings.Contains(thing, k) || strings.Contains(k, thing) })
		thing, named = "", nil
	}
	if thing != "" && ix.saysKindOf(q, thing, named) {
		// "我妈农村的老房子…有没有人管危房检查" to a measure for 农村危房:
		// the message says the kind's own modifier (农村), so the asker's
		// 危房 is the kind the text names, not another one it leaves out.
		thing, named = "", nil
	}
	if thing != "" {
		// "卫生许可证" to a measure for 工业产品生产许可证 and 食品经营许可证.
		kinds = slices.DeleteFunc(kinds, func(k string) bool { return strings.Contains(thing, k) || strings.Contains(k, thing) })
		kinds, j.Named = append([]string{thing}, kinds...), named
	}
	// An ask naming a thing of its own the measure holds (技术改造有没有补
	// 贴) is answered by it, whatever plan it was told after (想换新的),
	// unless the plan names something by its name (美团外卖).
	held := slices.ContainsFunc(a.Words, func(w string) bool {
		return strings.Contains(asked, w) && utf8.RuneCountInString(w) >= 2 && !ix.cues.has(w, cueHeadGeneric) && ix.mentionsAny(text, w)
	})
	if len(kinds) == 0 && ix.cues.has(asked, cueHeadGeneric) {
		// "便利店现在想接入美团外卖、做线上，有没有数字化方面的补贴" to a
		// measure rewarding 数字化赋能项目 of 专精特新 firms: the benefit
		// asked is for the plan told, whose words no measure of the guide
		// writes. Only where nothing else is left unnamed, and only words
		// the guide never uses (a plan in the guide's words, 数字化改造, may
		// be what the measure calls otherwise).
		for _, run := range ix.planObjects(q, asked) {
			if (run.name || !held) && !slices.ContainsFunc(run.words, func(x string) bool {
				return ix.guideWrites(x) || ix.mentionsAny(text, x) || slices.Contains(subjects, x) || pos[strings.ToLower(x)] == "ns"
			}) {
				kinds = append(kinds, strings.Join(run.words, ""))
			}
		}
	}
	j.Unnamed = kinds[:min(len(kinds), maxUnnamed)]
}

// planObjects are the things the plans q tells before its asking part
// asked are about: each run of nouns after the plan's verb (想, 打算), as
// the words of the run ("便利店现在想接入美团外卖" → 美团 外卖; the asker
// before the verb is no object). A benefit asked after a plan ("…，有没有
// 数字化方面的补贴") is for that plan. A word the tagger does not know is
// a name (美团) unless it is a verb with its classifier (开个, 换台); a
// verb of two characters or more right after a noun may be the noun's
// (美团外卖, 智能快递柜).
func (ix *Index) planObjects(q, asked string) []planRun {
	var out []planRun
	for _, c := range ix.planClauses(q) {
		if asked != "" && (strings.Contains(asked, c) || strings.Contains(c, asked) || strings.Index(q, c) > strings.Index(q, asked)) {
			// The ask's own clause, or a plan told after it ("…有没有支
			// 持？…我们想往这个方向转"), which points back at the ask.
			continue
		}
		at, notPlan := -1, ix.cues.list(cuePlanNot)
		for _, p := range ix.cues.list(cuePlan) {
			i := strings.Index(c, p)
			for i >= 0 && planNotAt(notPlan, c[i:]) {
				j := strings.Index(c[i+len(p):], p)
				if j < 0 {
					i = -1
					break
				}
				i += len(p) + j
			}
			if i >= 0 && (at < 0 || i+len(p) < at) {
				at = i + len(p)
			}
		}
		if at < 0 {
			continue
		}
		var run []string
		tagged, name := false, false // a word of the run is a noun the tagger knows; one it does not know
		flush := func() {
			// A lone word the tagger does not know may be a verb of the
			// plan, not a thing.
			if utf8.RuneCountInString(strings.Join(run, "")) >= 2 && (tagged || len(run) > 1) {
				out = append(out, planRun{words: run, name: name})
			}
			run, tagged, name = nil, false, false
		}
		for _, t := range ix.seg.Tag(c[at:]) {
			n := utf8.RuneCountInString(t.Word)
			noun := strings.HasPrefix(t.POS, "n") && !strings.HasPrefix(t.POS, "nr") ||
				t.POS == "x" && isHan(t.Word) && n >= 2 && !strings.ContainsAny(lastRune(t.Word), planClassifiers) ||
				t.POS == "v" && len(run) > 0 && n >= 2
			if noun && !slices.Contains(ix.lex.Stopwords, t.Word) && !ix.cues.isCue(t.Word) {
				run = append(run, t.Word)
				tagged = tagged || strings.HasPrefix(t.POS, "n")
				name = name || t.POS == "x"
				continue
			}
			flush()
		}
		flush()
	}
	return out
}

// planRun is a run of words a plan is about; name: one of them is a word
// the tagger does not know (美团), a name rather than a thing in general.
type planRun struct {
	words []string
	name  bool
}

// planClassifiers end a verb the tagger does not know when its classifier
// is glued to it (开个, 换台, 装点).
const planClassifiers = "个台家点些把"

// planNotAt reports whether s opens with a phrase of notPlan (想问, 想了解):
// the asker asking, not planning.
func planNotAt(notPlan []string, s string) bool {
	return slices.ContainsFunc(notPlan, func(p string) bool { return strings.HasPrefix(s, p) })
}

// lastRune is the last character of s, or "".
func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// unitOfMeasure reports whether w (two characters or more) names one of
// the units that lead or carry out m: part of its name ("联通" of
// 区联通公司), or that part with an office word an owner says instead
// ("供电局" for 区供电公司).
func unitOfMeasure(m *seeds.Measure, w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	units := slices.Concat(m.Lead, m.Support)
	for _, c := range m.Contacts {
		units = append(units, c.Unit)
	}
	stem := w
	for _, office := range []string{"局", "公司", "所"} {
		if s, ok := strings.CutSuffix(w, office); ok && utf8.RuneCountInString(s) >= 2 {
			stem = s
		}
	}
	return slices.ContainsFunc(units, func(u string) bool { return strings.Contains(u, w) || strings.Contains(u, stem) })
}

// saysKindOf reports whether q says the modifier (two characters or more)
// that one of named, the kinds a measure names, puts before the head it
// shares with thing, the asker's word: "农村" of 农村危房 for 有人管危房.
func (ix *Index) saysKindOf(q, thing string, named []string) bool {
	for _, k := range named {
		for i := range k {
			if head := k[i:]; i > 0 && strings.HasSuffix(thing, head) {
				mod := k[:i]
				if utf8.RuneCountInString(mod) >= 2 && strings.Contains(q, mod) && !strings.Contains(thing, mod) {
					return true
				}
				break
			}
		}
	}
	return false
}

// actorOf reports whether thing's modifier, before the head it shares
// with a kind text names (银行 of 银行贷款 beside 货车司机贷款), is text's
// actor as written or by its class (银行 → 金融机构): the one who provides
// the thing, not a kind of it.
func (ix *Index) actorOf(text, thing string, named []string) bool {
	for _, k := range named {
		for i := range k {
			head := k[i:]
			if i == 0 || !strings.HasSuffix(thing, head) || utf8.RuneCountInString(head) < 2 {
				continue
			}
			if slices.Contains(ix.cues.list(cueBroadWhat), head) {
				// "资金支持" beside "专项债券支持": 支持 is what any
				// measure gives, no kind of it.
				return true
			}
			mod := strings.TrimSuffix(strings.TrimSuffix(thing, head), "的")
			if utf8.RuneCountInString(mod) < 2 {
				break
			}
			if strings.Contains(text, mod) || slices.ContainsFunc(ix.vocab.expand[mod], func(e string) bool { return e != "" && strings.Contains(text, e) }) {
				return true
			}
			break
		}
	}
	return false
}

// shortFormOf reports whether text writes w in a short form of the short
// section ("还贷" for the asker's "贷款").
func (ix *Index) shortFormOf(text, w string) bool {
	return slices.ContainsFunc(ix.shortForms(), func(p [2][]string) bool {
		return slices.Contains(p[1], w) && containsAny(text, p[0])
	})
}

// shortForms are the short section's lines as pairs: the short forms, and
// the full words they stand for.
func (ix *Index) shortForms() [][2][]string {
	var out [][2][]string
	for _, line := range ix.cues.list(cueShortForm) {
		if short, full, ok := strings.Cut(line, "|"); ok {
			out = append(out, [2][]string{seeds.SplitWords(short), seeds.SplitWords(full)})
		}
	}
	return out
}

// askerPlaces are the place names of q, where the asker is: one with an
// administrative ending (XX镇), or a word jieba tags a place with the nouns
// right before it (鼓楼 + 西街) that ends like a street or village
// ([place.street]) or follows 在 ([place.at]). The tag alone is not
// enough: jieba tags some shop words (美容美发店) as places too.
func (ix *Index) askerPlaces(q string) []string {
	tags := ix.seg.Tag(q)
	out := ix.placeNames(tags)
	for i, t := range tags {
		if t.POS != "ns" {
			continue
		}
		name, k := t.Word, i-1
		for ; k >= 0 && strings.HasPrefix(tags[k].POS, "n") && !verbPhrase(tags[k].Word); k-- {
			name = tags[k].Word + name
		}
		at := k >= 0 && slices.Contains(ix.cues.list(cuePlaceAt), tags[k].Word)
		street := slices.ContainsFunc(ix.cues.list(cuePlaceStreet), func(e string) bool { return strings.HasSuffix(name, e) })
		if at || street {
			out = append(out, name)
		}
	}
	return out
}

// aboutTalk reports whether phrase ends in a word of the conversation
// itself (事宜, 问题: the case.vague section): "非房租事宜" names the
// subject of the talk, no part of the asker's case.
func (ix *Index) aboutTalk(phrase string) bool {
	tags := ix.seg.Tag(phrase)
	if n := len(tags); n > 2 && tags[n-2].Word == "的" && (tags[n-1].Word == "事" || tags[n-1].Word == "事儿") {
		// "不是货车的事": what the ask is not about. 事 alone is no
		// vague word: 事业单位 holds it.
		return true
	}
	return len(tags) > 1 && ix.cues.has(tags[len(tags)-1].Word, cueCaseVague)
}

// namesNoThing reports whether asked, the asking part of question q and
// not all of it, names no noun but what a measure grants (顺延, tagged a
// noun): "能延期吗" after "公司贷款到期了还不上".
func (ix *Index) namesNoThing(asked, q string) bool {
	return asked != q && ix.nounless(asked)
}

// nounless reports whether text names no noun but what a measure grants.
func (ix *Index) nounless(text string) bool {
	// 能不能, 要不要紧 (tagged nouns) ask; they name nothing.
	for _, ph := range ix.cues.list(cueYesNo) {
		text = strings.ReplaceAll(text, ph, " ")
	}
	tags := ix.seg.Tag(text)
	epidemic := ix.cues.list(cueEpidemic)
	for i, t := range tags {
		// "疫情期间能顺延吗": a noun a localizer (期间, tagged f) follows
		// is a time the ask sets, no thing it names; so is the epidemic
		// itself ("赶上疫情能不能顺延"), the circumstance of every measure.
		if strings.HasPrefix(t.POS, "n") && !slices.Contains(ix.cues.list(cueGrant), t.Word) && !slices.Contains(epidemic, t.Word) && (i+1 == len(tags) || tags[i+1].POS != "f") {
			return false
		}
	}
	return true
}

// storyObjects are the words of story (the statements around an ask) that
// are things an ask naming none of its own is about (see storyObject).
func (ix *Index) storyObjects(story string) []string {
	pos := ix.tag(story).pos
	var out []string
	for _, t := range ix.seg.Tag(story) {
		if utf8.RuneCountInString(t.Word) < 2 || ix.cues.isCue(t.Word) || ix.countedStaff(story, t.Word) {
			// "站里有5个工人": the size of the business told, no thing.
			continue
		}
		if ix.storyObject(story, t.Word, pos) {
			out = seeds.AppendNew(out, t.Word)
			continue
		}
		// "经营贷" the text never writes: the guide's words it stands for
		// (synonyms.txt: 贷款) are the thing.
		out = seeds.AppendNew(out, ix.guideWordsFor(story, t.Word, pos)...)
	}
	return out
}

// guideWordsFor are the words the synonym lexicon gives for w, a noun of
// q no measure writes, that some measure's text writes: the guide's own
// words for an owner's thing (经营贷 → 贷款).
func (ix *Index) guideWordsFor(q, w string, pos map[string]string) []string {
	if ix.vocab.inText[w] || !isNoun(pos, w) || verbPhrase(w) || aside(q, w, pos) || ix.personWord(w) || len(ix.subjects(w)) > 0 {
		return nil
	}
	if _, tagged := pos[strings.ToLower(w)]; !tagged {
		return nil
	}
	var out []string
	for _, s := range ix.lex.Synonyms {
		if !slices.Contains(s.From, w) {
			continue
		}
		for _, g := range s.To {
			// Kinds of askers (店里 → 门店, 企业) are whoever asks, no thing.
			if g != w && ix.vocab.inText[g] && len(ix.subjects(g)) == 0 && !ix.personWord(g) && !ix.namesKind(g) {
				out = seeds.AppendNew(out, g)
			}
		}
	}
	return out
}

// storyObject reports whether w, a word of question q outside its ask, is
// a thing the ask is about: a noun (not a verb the tagger took for one, a
// time or a count) that some measure's text writes, so the guide has
// rules about it, and no word for a kind of asker (公司: whoever asks).
func (ix *Index) storyObject(q, w string, pos map[string]string) bool {
	if !isNoun(pos, w) || verbPhrase(w) || aside(q, w, pos) || ix.personWord(w) || len(ix.subjects(w)) > 0 {
		return false
	}
	_, tagged := pos[strings.ToLower(w)]
	return tagged && ix.vocab.inText[w]
}

// addressed reports whether w is a form of address (cues: address) that
// q uses to greet ("老师好", "王老师您好") or to open on ("师傅，问一下"),
// not a kind of staff it tells about ("店里三个师傅").
func (ix *Index) addressed(q, w string) bool {
	if !slices.Contains(ix.cues.list(cueAddress), w) {
		return false
	}
	if strings.Contains(q, w+"好") || strings.Contains(q, w+"您好") {
		return true
	}
	// Opening on it, after at most a one-character surname (王老师，…).
	i := strings.Index(q, w)
	if i < 0 || utf8.RuneCountInString(q[:i]) > 1 {
		return false
	}
	rest := q[i+len(w):]
	return rest == "" || strings.HasPrefix(rest, "，") || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " ")
}

// sharesClause reports whether w, a noun of question q, stands in a
// clause of q with another word text writes: "营业执照快到期了" beside a
// rule on licences that 到期, so 营业执照 is the thing the ask is about,
// while "今年生意很差" tells only how things stand.
//
// With opening set, w must open its clause (after pronouns: "我们合作社…"):
// the statement is about it.
func (ix *Index) sharesClause(q, w, text string, pos map[string]string, opening bool) bool {
	if !isNoun(pos, w) || verbPhrase(w) || aside(q, w, pos) || ix.personWord(w) || len(ix.subjects(w)) > 0 {
		return false
	}
	for _, c := range clausesOf(q) {
		if !strings.Contains(c, w) {
			continue
		}
		tags := ix.seg.Tag(c)
		if opening {
			rest := c
			for _, t := range tags {
				if !strings.HasPrefix(t.POS, "r") {
					break
				}
				rest = strings.TrimPrefix(rest, t.Word)
			}
			if !strings.HasPrefix(rest, w) {
				continue
			}
		}
		for _, t := range tags {
			if t.Word != w && utf8.RuneCountInString(t.Word) >= 2 && !ix.cues.isCue(t.Word) && ix.mentionsAny(text, t.Word) {
				return true
			}
		}
	}
	return false
}

// guideWrites reports whether some measure of the guide writes w as it is.
func (ix *Index) guideWrites(w string) bool {
	return slices.ContainsFunc(ix.guide.Measures, func(m seeds.Measure) bool { return strings.Contains(measureWords(&m), w) })
}

// qualifiesAside reports whether word w, which an ask negates, is a
// qualifier of one follow-up sentence of m only: its lead sentence does
// not name w, exactly one of its other sentences does, and the lead
// sentence says the ask's other words (the grant asked about). A
// qualifier the lead sentence names (以单位方式, 国有) stays a condition.
func (ix *Index) qualifiesAside(m *seeds.Measure, w string, a *Ask) bool {
	if m.Text == "" || ix.mentionsAny(m.Text, w) || spelledOut(m.Text, w) != "" || ix.shortFormOf(m.Text, w) {
		return false
	}
	n := 0
	for _, d := range m.Details {
		if ix.mentionsAny(d, w) {
			n++
		}
	}
	// The ask's other words, its one-character terms too ("也能减吧"): a
	// follow-up names little besides the qualifier.
	rest := slices.DeleteFunc(slices.Concat(a.Words, a.Terms), func(x string) bool { return strings.Contains(x, w) || strings.Contains(w, x) })
	return n == 1 && (len(rest) == 0 || ix.textShare(m.Text, rest) >= ix.tuning.MinTopicCover)
}

// certainWords is m's text and the follow-up sentences whose place is
// not in doubt.
func certainWords(m *seeds.Measure) string {
	var b strings.Builder
	b.WriteString(m.Text)
	for i, d := range m.Details {
		if !m.IsDoubtful(i) {
			b.WriteString(d)
		}
	}
	return b.String()
}

// mentionsAny reports whether text mentions w fully or in part.
func (ix *Index) mentionsAny(text, w string) bool {
	full, part := ix.mentions(text, w)
	return full || part
}

// isNoun reports whether the tagger took w for a noun (or did not tag it
// alone: a word of the search's own).
func isNoun(pos map[string]string, w string) bool {
	p, ok := pos[strings.ToLower(w)]
	return !ok || strings.HasPrefix(p, "n") || p == "vn" || p == "eng" || p == "l"
}

// verbPhrase reports whether w is a verb with its aspect particle and
// maybe a classifier (开了个, 开了家, 干了), which the tagger may take for a
// noun: what the owner did, never a thing of their case.
func verbPhrase(w string) bool {
	_, rest, ok := strings.Cut(w, "了")
	return ok && !strings.HasPrefix(w, "了") && utf8.RuneCountInString(rest) <= 1
}

// caseWords are the parts of a question that describe the asker's case:
// the kinds of askers it names and its own topic words not inside them,
// but not the guide's own places (密云, 北京: pos are the question's tags).
func (ix *Index) caseWords(q string, words []string, pos map[string]string) []string {
	out := ix.subjects(q)
	for _, w := range words {
		if utf8.RuneCountInString(w) < 2 || ix.cues.isCue(w) || ix.cues.isSocial(w) || pos[strings.ToLower(w)] == "ns" && ix.ownPlace(w) {
			continue
		}
		if !slices.ContainsFunc(out, func(s string) bool { return strings.Contains(s, w) || strings.Contains(w, s) }) {
			out = append(out, w)
		}
	}
	return out
}

// onlyNegated reports whether text mentions w only as 非w (非国有房屋).
func onlyNegated(text, w string) bool {
	n := strings.Count(text, "非"+w)
	return n > 0 && n == strings.Count(text, w)
}

// clauseWith is the clause of text holding w, clipped.
func clauseWith(text, w string) string {
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '，' || r == '。' || r == '；' }) {
		if strings.Contains(c, w) {
			return seeds.Clip(c, 50)
		}
	}
	return w
}

// negation is the words of a question the asker negates, each with the
// clause that negates it and the words negated after the cue.
type negation map[string]negated

type negated struct{ clause, span string }

// negatedWords finds the words a question negates: after a negating word
// in the same clause ("不在封管控区", "不是以单位方式"), or before a
// negating ending ("跟疫情无关"). A question phrase ("是不是", "有没有")
// negates nothing and ends what a negation governs; a clause whose subject
// is only a pointer ("这些都不是针对外资的") speaks of something else; and a
// word the question also says outside what it negates ("经营许可证不是生产
// 许可证": 许可证) is the asker's, not negated. Each word keeps the
// negation and what it governs ("不在封管控区") as the asker put it: the
// deciding words, not the whole clause.
func (ix *Index) negatedWords(q string) negation {
	neg := negation{}
	var spans []string
	asks := slices.Concat(ix.cues.list(cueYesNo), ix.cues.list(cueNegationAsks))
	for _, whole := range strings.FieldsFunc(q, func(r rune) bool { return strings.ContainsRune("，。；,;！？!? ", r) }) {
		if strings.HasSuffix(whole, "吧") {
			// "物流不是服务业吧": a guess put to the bot, not the asker's
			// statement of their case; it rules nothing out.
			continue
		}
		if ix.rhetorical(whole) {
			// "零售不是特困行业吗": a rhetorical question affirms what it
			// seems to negate.
			continue
		}
		cut, _ := cutPhrases(whole, asks)
		for _, clause := range strings.Fields(cut) {
			rest, said, from := "", "", ""
			for _, w := range ix.cues.list(cueNegation) {
				if i := strings.Index(clause, w); i >= 0 && (from == "" || len(clause[i+len(w):]) > len(from)) {
					if ix.pointsElsewhere(clause[:i]) || !ix.negates(clause[:i], w) {
						continue
					}
					from, said = clause[i+len(w):], clause[i:]
				}
			}
			// "不是因为疫情" negates 疫情: the cause word only says the
			// negated thing is a reason, and is no word of the case.
			for _, w := range ix.cues.list(cueNegationCause) {
				if strings.HasPrefix(from, w) {
					from = from[len(w):]
					break
				}
			}
			// "不是什么孵化器" negates 孵化器: the filler only dismisses the
			// kind that follows, and is no word the measure could write.
			for _, w := range ix.cues.list(cueNegationFill) {
				if strings.HasPrefix(from, w) {
					from = from[len(w):]
					break
				}
			}
			rest = ix.negationScope(from)
			for _, w := range ix.cues.list(cueNegationAfter) {
				if i := strings.Index(clause, w); i >= 0 && !ix.pointsElsewhere(clause[:i]) {
					rest += " " + clause[:i]
					said = clause[:i+len(w)]
				}
			}
			if strings.TrimSpace(rest) == "" {
				continue
			}
			spans = append(spans, strings.Fields(rest)...)
			for _, w := range ix.seg.Tag(rest) {
				if utf8.RuneCountInString(w.Word) >= 2 {
					neg[w.Word] = negated{seeds.Clip(said, 20), strings.TrimSpace(rest)}
				}
			}
		}
	}
	outside := q
	for _, s := range spans {
		outside = strings.Replace(outside, s, " ", 1)
	}
	for w := range neg {
		if strings.Contains(outside, w) {
			delete(neg, w)
		}
	}
	return neg
}

// negates reports whether negating word w, after before in its clause,
// negates: a bound prefix (the negation.bound section: 非) negates only at
// the clause's start or after a copula (negation.copula: 是, 属于), as in
// "我们是非国有企业"; inside a name ("民办非企业单位", "民非") it is part
// of the name, no negation of the asker's case.
func (ix *Index) negates(before, w string) bool {
	if !slices.Contains(ix.cues.list(cueNegationBound), w) || before == "" {
		return true
	}
	return slices.ContainsFunc(ix.cues.list(cueNegationCopula), func(c string) bool { return strings.HasSuffix(before, c) })
}

// negationScope is what a negation governs of rest, the words after it in
// its clause: up to a modal particle or interjection (呗, 啊, 嗯), where
// spoken input ends one statement and runs on into the next ("没钱呗那个嗯旅行社员工…" negates 钱, not 旅行社员工).
func (ix *Index) negationScope(rest string) string {
	n := 0
	for _, t := range ix.seg.Tag(rest) {
		if strings.HasPrefix(t.POS, "y") || strings.HasPrefix(t.POS, "e") {
			return rest[:n]
		}
		n += len(t.Word)
	}
	return rest
}

// pointsElsewhere reports whether the words before a negation are only a
// pointer (这些, 那个) and adverbs (都, 也): its clause is about what was
// shown or said, not the asker's case.
func (ix *Index) pointsElsewhere(before string) bool {
	if before == "" {
		return false
	}
	pointer := false
	for _, t := range ix.seg.Tag(before) {
		switch {
		case slices.Contains(ix.cues.list(cueNegationOther), t.Word):
			pointer = true
		case strings.HasPrefix(t.POS, "d"):
		default:
			return false
		}
	}
	return pointer
}

// within drops the words a negation's span goes on to after the case the
// text itself names negated: "非特殊食品的生产许可证" against a text that
// writes 非特殊食品 negates 特殊食品, not the 生产许可证 the asker has.
func (n negation) within(text string) negation {
	out := negation{}
	for w, x := range n {
		if k := negatedKey(text, x.span); k != "" && strings.Contains(text, "非"+k) && !strings.Contains(k, w) {
			continue
		}
		out[w] = x
	}
	return out
}

// has reports whether the asker negates w.
func (n negation) has(w string) bool { _, ok := n[w]; return ok }

// covered reports whether text itself names the negated case of w: "非w"
// or "非" and all the asker negated ("不是特殊食品" against 非特殊食品).
func (n negation) covered(text, w string) bool {
	if strings.Contains(text, "非"+w) || n[w].span != "" && strings.Contains(text, "非"+n[w].span) {
		return true
	}
	// "非特殊食品的生产许可证": the span opens with the case the text names.
	k := negatedKey(text, n[w].span)
	return k != "" && strings.Contains(text, "非"+k)
}

// spanWritten reports whether text mentions every word of a negation's
// span ("不是国企" against 国有房屋): "不是临时招人" negates 临时, which a
// measure for 招用…毕业生 does not write, so its 招用 rules nothing out.
func (ix *Index) spanWritten(text, span string) bool {
	for _, t := range ix.seg.Tag(span) {
		if utf8.RuneCountInString(t.Word) >= 2 && !ix.cues.isCue(t.Word) && !ix.mentionsAny(text, t.Word) {
			return false
		}
	}
	return true
}

// textNegates reports whether a clause of text negates key itself, a
// negating word of the negation.text section before it ("不能正常偿还…贷款"):
// the measure is for the negated case, which the asker's negation puts.
func (ix *Index) textNegates(text, key string) bool {
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，。；", r) }) {
		i := strings.Index(c, key)
		if i < 0 {
			continue
		}
		if slices.ContainsFunc(ix.cues.list(cueNegationText), func(w string) bool { return strings.Contains(c[:i], w) }) {
			return true
		}
	}
	return false
}

// phrases widens each word to the run of the question's words around it
// that are also among words ("烟草" → "烟草专卖零售"), once each, in
// question order.
func (ix *Index) phrases(q string, words, terms []string) []string {
	terms = slices.DeleteFunc(slices.Clone(terms), func(t string) bool { return !slices.Contains(words, t) })
	type span struct{ from, to int }
	var spans []span
	for _, w := range words {
		i := strings.Index(q, w)
		if i < 0 {
			continue
		}
		from, to := i, i+len(w)
		for grown := true; grown; {
			grown = false
			for _, t := range terms {
				if t == "" {
					continue
				}
				if strings.HasPrefix(q[to:], t) {
					to, grown = to+len(t), true
				}
				if strings.HasSuffix(q[:from], t) {
					from, grown = from-len(t), true
				}
			}
		}
		if slices.ContainsFunc(ix.cues.list(cueNegationBound), func(b string) bool { return strings.HasSuffix(q[:to], b) }) {
			// "民办非" is cut from its name: a bound prefix (非) takes the
			// nouns after it ("民办非企业单位").
			for _, t := range ix.seg.Tag(q[to:]) {
				if !strings.HasPrefix(t.POS, "n") {
					break
				}
				to += len(t.Word)
			}
		}
		spans = append(spans, span{from, to})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	var out []string
	end := -1
	for _, s := range spans {
		if s.from < end {
			continue // inside the last phrase
		}
		out, end = append(out, q[s.from:s.to]), s.to
	}
	return out
}

// contrastSides are the contrast section's lines ("私人, 民营 | 国有"),
// each as its two sides' words, split once when the cues are built
// (splitContrasts): a message's judgement reads them for every measure it
// shows. Callers only read them.
func (ix *Index) contrastSides() [][2][]string { return ix.cues.contrasts }

// splitContrasts splits the contrast section's lines into their sides'
// words. The word lists are clipped, so that an append by a reader copies
// rather than writing into the shared lines.
func splitContrasts(lines []string) [][2][]string {
	var out [][2][]string
	for _, line := range lines {
		if left, right, ok := strings.Cut(line, "|"); ok {
			l, r := seeds.SplitWords(left), seeds.SplitWords(right)
			out = append(out, [2][]string{slices.Clip(l), slices.Clip(r)})
		}
	}
	return out
}

// OtherCase reports whether q names the other side of a contrast whose
// one side told, a case the owner told before, names ("那我自己买辆SUV呢"
// after "想换两台新的重卡": 乘用车 against 货车), as written or through the
// kind section (SUV is a 乘用车): q is about another thing than told, and
// told does not condition it. A q naming no side of told's contrasts
// ("小微企业有照顾吗" after "房东是个人") is still judged with told.
func (ix *Index) OtherCase(q, told string) bool {
	if q == "" || told == "" {
		return false
	}
	qs, ts := squeeze(strings.ToLower(q)), squeeze(strings.ToLower(told))
	said := func(s string, ws []string) bool {
		if containsAny(s, ws) {
			return true
		}
		for _, k := range ix.kinds() {
			if k.said(s) && slices.ContainsFunc(k.guide, func(g string) bool { return slices.Contains(ws, g) }) {
				return true
			}
		}
		return false
	}
	for _, sides := range ix.contrastSides() {
		for i, own := range sides {
			other := sides[1-i]
			if said(ts, own) && !said(ts, other) && said(qs, other) && !said(qs, own) {
				return true
			}
		}
	}
	return false
}

// contrasts are the kinds the asker names that a measure's words exclude
// by naming only their opposites (the contrast section of cues.txt: "私人,
// 民营 | 国有"): "我们租的是私人的房子" against a measure for 国有房屋. A
// word the measure negates (非国有房屋) names the other side.
func (ix *Index) contrasts(q, text string, negated negation) []Exclusion {
	var out []Exclusion
	told := ix.withoutDeniedGuess(toldPart(q))
	for _, sides := range ix.contrastSides() {
		for i, own := range sides {
			other := sides[1-i]
			asked := firstIn(q, own, negated)
			if asked == "" || firstIn(told, other, negated) != "" || firstAffirmed(text, own) != "" || ix.personOrigin(q, asked) {
				continue
			}
			if rule := firstAffirmed(text, other); rule != "" {
				out = append(out, Exclusion{Asked: asked, Rule: clauseWith(text, rule), Key: rule})
			}
		}
	}
	return out
}

// withoutDeniedGuess is told without its clauses that guess the asker is
// not something ("我们厂是做加工的 不算服务业吧"): such a guess rules
// nothing out by itself (negatedWords), but it names the other side of a
// contrast only to deny it, so it does not put the asker on that side.
func (ix *Index) withoutDeniedGuess(told string) string {
	var keep []string
	for _, c := range strings.FieldsFunc(told, func(r rune) bool { return strings.ContainsRune("，。；,;！？!? ", r) }) {
		if strings.HasSuffix(c, "吧") && ix.cues.has(c, cueNegation) {
			if cut, _ := cutPhrases(c, ix.cues.list(cueNegationAsks)); ix.cues.has(cut, cueNegation) {
				continue
			}
		}
		keep = append(keep, c)
	}
	return strings.Join(keep, "，")
}

// personOrigin reports whether every place q names word at is where a
// person comes from ("外地员工能提取公积金吗", "我是外地人"): word followed by a
// contrast.origin word or a staff word ([kind.staff]). Such a person may
// live, work and pay in the guide's city; "外地企业" is a business
// elsewhere, and "在外地交的" a thing done there.
func (ix *Index) personOrigin(q, word string) bool {
	after := ix.cues.list(cueContrastOrigin)
	for _, k := range ix.staffKinds() {
		after = append(after, k.asker...)
	}
	found := false
	for rest := q; ; {
		i := strings.Index(rest, word)
		if i < 0 {
			return found
		}
		before := rest[:i]
		rest = rest[i+len(word):]
		if !slices.ContainsFunc(after, func(w string) bool { return strings.HasPrefix(rest, w) }) && !personSaidFrom(before, rest, after) {
			return false
		}
		found = true
	}
}

// personSaidFrom reports whether a contrast word, with before and rest the
// text around it, ends a clause "…是外地的" whose subject is a person
// ("快递员有的是外地的", "工人都是外地的"): where they come from, said as a
// predicate, as "外地员工" says it before the noun. persons are the words
// naming people (contrast.origin and staff words); a clause naming none of
// them, or a word ending in 员 (快递员, 店员), is about a thing ("公积金是外地的").
func personSaidFrom(before, rest string, persons []string) bool {
	tail, ok := strings.CutPrefix(rest, "的")
	if !ok {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(tail); tail != "" && !strings.ContainsRune("，。；,;！？!? 吗呢啊吧", r) {
		return false
	}
	if k := strings.LastIndexAny(before, "，。；,;！？!? "); k >= 0 {
		before = before[k+1:]
	}
	if !strings.HasSuffix(before, "是") {
		return false
	}
	return strings.Contains(before, "员") || slices.ContainsFunc(persons, func(w string) bool { return w != "的" && strings.Contains(before, w) })
}

// notHaving are characters that, after 无, make no condition of not
// having something (无法, 无需, 无论, 无偿, 无息, 无关).
const notHaving = "法需须论偿息关条限"

// heldAgainst rules a measure out for an asker who states having what its
// condition says the beneficiary has none of ("职工在本市无自有住房租住商品
// 房" to "我有房贷那套房"): a statement clause of the question (no question
// word, no negation) with 有 before a word the object of 无 mentions, itself
// or through a synonym.
func (ix *Index) heldAgainst(q, text string) []Exclusion {
	var out []Exclusion
	for _, c := range clausesOf(text) {
		_, after, ok := strings.Cut(c, "无")
		r := []rune(after)
		if !ok || len(r) < 2 || strings.ContainsRune(notHaving, r[0]) {
			continue
		}
		cond := ix.objectOfNone(string(r[:min(6, len(r))]))
		if cond == "" {
			continue
		}
		for _, qc := range clausesOf(q) {
			_, held, ok := strings.Cut(qc, "有")
			if !ok || ix.cues.has(qc, cueInterrogative) || ix.cues.has(qc, cueNegation) || strings.HasPrefix(held, "没") || strings.HasPrefix(held, "无") {
				continue
			}
			if slices.ContainsFunc(ix.seg.Tag(held), func(t jieba.Tagged) bool {
				full, _ := ix.mentions(cond, t.Word)
				return utf8.RuneCountInString(t.Word) >= 2 && full
			}) {
				out = append(out, Exclusion{Asked: qc, Rule: clauseWith(text, "无"+cond), Key: "无" + cond})
				break
			}
		}
	}
	return out
}

// objectOfNone is what 无 negates at the start of after: its words up to
// and including the first noun. 无自有住房 negates 自有住房, but 无分歧欠款
// negates only 分歧 — undisputed arrears are still arrears the asker has.
func (ix *Index) objectOfNone(after string) string {
	var b strings.Builder
	for _, t := range ix.seg.Tag(after) {
		b.WriteString(t.Word)
		if strings.HasPrefix(t.POS, "n") {
			return b.String()
		}
	}
	return ""
}

// clausesOf cuts a question at its punctuation and spaces: the clauses an
// asker writes, on a phone often with spaces between them.
func clausesOf(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return strings.ContainsRune(" ，。；,;！？!?", r) })
}

// landlordKind reports whether w names a kind of owner (the owner section
// of cues.txt) in a clause of q that speaks of the premises the asker rents
// (the premises section): "房子是租的国企的" names the landlord, not the
// asker.
func (ix *Index) landlordKind(q, w string) bool {
	if !ix.cues.has(w, cueOwner) {
		return false
	}
	for _, c := range clausesOf(q) {
		if strings.Contains(c, w) && ix.cues.has(c, cuePremises) {
			return true
		}
	}
	return false
}

// askedKind is a kind the question asks the asker's case to be ("算国有
// 吗", "算不算国企", "属于国有的吗", "是不是国有"): asked, not told.
var askedKind = regexp.MustCompile(`(?:算不算|属不属于|是不是)[^，,。？?！!\s]{1,8}|(?:算是|算|属于)[^，,。？?！!\s]{1,8}?的?(?:吗|么|嘛)`)

// toldPart is q without the kinds it asks about: what the asker states of
// their case ("村委会的房子算国有吗" states 村委会, asks 国有).
func toldPart(q string) string { return askedKind.ReplaceAllString(q, "") }

// unsettled are the kinds the asker names whose side of a contrast the
// text does not settle (the contrast.unknown section, "开发商 | 国有房屋"),
// against a measure that names the right side and not the asker's word:
// whether the asker is inside it is for the lead unit to say.
func (ix *Index) unsettled(q, text string, negated negation) []Exclusion {
	var out []Exclusion
	s, told := squeeze(q), squeeze(toldPart(q))
	for _, line := range ix.cues.list(cueContrastUnknown) {
		left, right, ok := strings.Cut(line, "|")
		if !ok {
			continue
		}
		asked := firstIn(s, seeds.SplitWords(left), negated)
		if asked == "" || strings.Contains(text, asked) || firstIn(told, seeds.SplitWords(right), negated) != "" || ix.namesContrast(told, negated) {
			continue // "开发商是国企的": the asker settles it
		}
		if key := firstAffirmed(text, seeds.SplitWords(right)); key != "" {
			// "学校的房" names the landlord's kind: 学校.
			asked = strings.TrimSuffix(strings.TrimSuffix(asked, "的房"), "的")
			out = append(out, Exclusion{Asked: asked, Rule: clauseWith(text, key), Key: key})
		}
	}
	return out
}

// standing is the asker's standing (the standing section: 北京户口, 户籍)
// q names and text does not, or "".
func (ix *Index) standing(q, text string) string {
	s := squeeze(q)
	for _, w := range ix.cues.list(cueStanding) {
		if strings.Contains(s, w) && !strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// standingRule is how text sets a condition of place (the standing.rule
// section, longest first): "在京注册", or "在京注册或在京纳税" when another
// such phrase follows after 或; "" when it sets none.
func (ix *Index) standingRule(text string) string {
	rules := ix.cues.list(cueStandingRule)
	for _, w := range rules {
		i := strings.Index(text, w)
		if i < 0 {
			continue
		}
		rest := strings.TrimPrefix(text[i+len(w):], "或")
		for _, o := range rules {
			if len(rest) < len(text[i+len(w):]) && strings.HasPrefix(rest, o) {
				return w + "或" + o
			}
		}
		return w
	}
	return ""
}

// namesContrast reports whether q names a word of either side of the
// contrast section (国企, 私人) and does not negate it.
func (ix *Index) namesContrast(q string, negated negation) bool {
	for _, line := range ix.cues.list(cueContrast) {
		if firstIn(q, seeds.SplitWords(strings.ReplaceAll(line, "|", ",")), negated) != "" {
			return true
		}
	}
	return false
}

// Restates reports whether text tells the asker's kind anew on one side of
// a contrast (the contrast section of cues.txt) where told, the case they
// told before, named the other side or negated this one: "其实是区里国企的
// 房子" after "不是国有的房子". The new word replaces the old case.
func (ix *Index) Restates(told, text string) bool {
	tn, nn := ix.negatedWords(told), ix.negatedWords(text)
	for _, sides := range ix.contrastSides() {
		for i, side := range sides {
			if firstIn(text, side, nn) == "" {
				continue
			}
			if firstIn(told, sides[1-i], tn) != "" || slices.ContainsFunc(side, func(w string) bool {
				return strings.Contains(told, w) && tn.inside(w)
			}) {
				return true
			}
		}
	}
	return false
}

// firstIn is the first of words q names and does not negate, or "".
func firstIn(q string, words []string, negated negation) string {
	for _, w := range words {
		if strings.Contains(q, w) && !negated.inside(w) {
			return w
		}
	}
	return ""
}

// inside reports whether w is negated itself or as part of a longer word
// negated ("不是国企的房子" negates 国企 too).
func (n negation) inside(w string) bool {
	if n.has(w) {
		return true
	}
	for k := range n {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// firstAffirmed is the first of words text names other than as 非w, or "".
func firstAffirmed(text string, words []string) string {
	for _, w := range words {
		if strings.Count(text, w) > strings.Count(text, "非"+w) {
			return w
		}
	}
	return ""
}

// guideWord is how text writes w: w itself, or the first of its synonyms'
// guide words it has (国企 → 国有).
func (ix *Index) guideWord(text, w string) string {
	if strings.Contains(text, w) {
		return w
	}
	for _, e := range ix.vocab.expand[w] {
		if e != "" && strings.Contains(text, e) {
			return e
		}
	}
	return w
}

// anyTrade reports whether w names a trade (the check-up's industry words,
// index/tags) and m is for every trade: it names none.
func (ix *Index) anyTrade(m *seeds.Measure, w string) bool {
	if len(ix.Tags(m.Number).Values[tags.DimIndustry]) > 0 {
		return false
	}
	_, trade := ix.ProfileValue(tags.DimIndustry, w)
	return trade
}

// coversTrade reports whether text's object takes in trade word w (the
// trade section): it names w's trade or a broader kind of it (美容院 under
// 服务业), or a kind of business no trade narrows (所有中小微企业, 面向小微
// 企业; not 服务业小微企业).
func (ix *Index) coversTrade(text, w string) bool {
	if !ix.tradeOf(w) {
		return false
	}
	groups := ix.kindsOf(squeeze(w))
	for _, g := range slices.Concat(groups[0], groups[1]) {
		if firstAffirmed(text, []string{g}) != "" {
			return true
		}
	}
	return ix.untradedKind(text)
}

// untradedKind reports whether text names a kind of business no trade
// narrows (所有中小微企业, 面向小微企业; not 服务业小微企业).
func (ix *Index) untradedKind(text string) bool {
	trades := ix.tradeWords()
	for _, g := range ix.cues.list(cueKindGeneral) {
		if !containsAny(g, ix.cues.list(cueKindObject)) {
			continue // 受疫情影响: no kind of business
		}
		for rest, at := text, 0; ; {
			i := strings.Index(rest, g)
			if i < 0 {
				break
			}
			before := strings.TrimSuffix(text[:at+i], "中") // 行业中小微企业
			if !strings.HasSuffix(before, "业") && !slices.ContainsFunc(trades, func(t string) bool { return strings.HasSuffix(before, t) }) {
				return true
			}
			at += i + len(g)
			rest = text[at:]
		}
	}
	return false
}

// kindBeside is the first clause of text that does not hold key and is
// for a kind of business no trade narrows, or "": "对餐饮、零售等5个特困
// 行业…的基础上…；全区…所有中小微企业…" leaves an owner who is "不是特困
// 行业" in the measure, whatever its clause for key says.
func (ix *Index) kindBeside(text, key string) string {
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，。；", r) }) {
		if !strings.Contains(c, key) && ix.untradedKind(c) {
			return c
		}
	}
	return ""
}

// tradeWords are the guide's words for trades and their broader kinds
// (the trade section's second and third columns): 餐饮, 服务业.
func (ix *Index) tradeWords() []string {
	var out []string
	for _, line := range ix.cues.list(cueTrade) {
		parts := strings.Split(line, "|")
		for _, p := range parts[min(1, len(parts)):] {
			out = seeds.AppendNew(out, seeds.SplitWords(p)...)
		}
	}
	return out
}

// aside reports whether w, in the ask, is no thing asked about: a time
// ("那阵子", "那会儿"), a pronoun, or a count's measure word read with
// what follows ("五个人" cut as 五/个人).
func aside(ask, w string, pos map[string]string) bool {
	p := pos[strings.ToLower(w)]
	if strings.HasPrefix(p, "t") || strings.HasPrefix(p, "r") || strings.HasPrefix(p, "m") {
		return true
	}
	for _, end := range []string{"阵子", "时候", "会儿", "那年", "期间"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	i := strings.Index(ask, w)
	return strings.HasPrefix(w, "个") && counted(ask[:i])
}

// counted reports whether a word starting with the measure word 个 that
// follows before is a count's ("五个人", "30多个人", "十来个人", "给12个人
// 上社保"): 个人 there is a number of people, not individuals.
func counted(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && strings.ContainsRune("一二两三四五六七八九十几百千0123456789多来余", r)
}

// askingPart is the part of an ask that asks: without its situation, the
// pieces (between spaces and punctuation) holding a question cue, or all
// of it when none does.
func (ix *Index) askingPart(a *Ask) string {
	asked := a.Question
	if asked == "" {
		asked = a.Text
	}
	if a.Situation != "" {
		asked = strings.Replace(asked, a.Situation, "", 1)
	}
	var parts []string
	for _, seg := range clausesOf(asked) {
		if ix.YesNo(seg) || strings.ContainsAny(seg, "吗啥么怎谁哪几多呢") || strings.HasSuffix(seg, "不") || strings.HasSuffix(seg, "没") {
			parts = append(parts, seg)
		}
	}
	if len(parts) == 0 {
		return asked
	}
	return strings.Join(parts, " ")
}

// casePart is what of question q puts the owner's case: the asking part
// and the clauses holding a case cue ("我的是…", "我们这种…"); q itself when
// no clause but the ask's holds one.
func (ix *Index) casePart(q, asking string) string {
	parts := []string{asking}
	for _, c := range clausesOf(q) {
		if !strings.Contains(asking, c) && (ix.ownCase(c) || ix.cues.has(c, cueCaseTopic)) {
			parts = append(parts, c)
		}
	}
	if len(parts) == 1 && !ix.putsCase(asking) {
		return q
	}
	return strings.Join(parts, " ")
}

// selfDetail reports whether w stands in q only in clauses in which the
// asker says who they are (selfTold) and which ask nothing, is no word for
// a trade or a kind of asker or person, and measure m names no trade (the
// check-up's industry tags): the goods or the place of "我在果园西路卖水果
// 的" (水果) told to a measure for every 小微企业和个体工商户.
func (ix *Index) selfDetail(m *seeds.Measure, q, w string) bool {
	if len(ix.Tags(m.Number).Values[tags.DimIndustry]) > 0 {
		// "我们是建筑公司" to a measure for 服务业小微企业: the owner's
		// business is weighed against the trades the measure names.
		return false
	}
	if ix.tradeOf(w) || len(ix.subjects(w)) > 0 || ix.personWord(w) || ix.kindWord(w, w) {
		return false
	}
	for _, k := range slices.Concat(ix.staffKinds(), ix.kindLines(cueKindPerson)) {
		if k.said(w) {
			return false
		}
	}
	self := false
	for _, c := range clausesOf(q) {
		if !strings.Contains(c, w) {
			continue
		}
		if !ix.selfTold(c) || ix.YesNo(c) || strings.ContainsAny(c, "吗啥么怎谁哪几多呢") {
			// Also in a clause that asks: the ask's own word.
			return false
		}
		self = true
	}
	return self
}

// maxSelfPlace is how far after a place word (在) the owner's saying what
// they do may stand ("我在果园西路卖水果的").
const maxSelfPlace = 8

// selfTold reports whether clause c says what the asker is or does for a
// living: it opens on a [trade.own] word (我, 我们) and a [trade.self] one
// (是, 开, 做, 卖) follows right after it, or after where they are
// ([place.at]: 在…): "我开了家母婴店", "我在果园西路卖水果的", "我们是…小家
// 具厂". Its nouns are the owner's trade and place.
func (ix *Index) selfTold(c string) bool {
	c = squeeze(c)
	for _, o := range ix.cues.list(cueTradeOwn) {
		rest, ok := strings.CutPrefix(c, o)
		if !ok {
			continue
		}
		at := slices.ContainsFunc(ix.cues.list(cuePlaceAt), func(p string) bool { return strings.HasPrefix(rest, p) })
		for _, w := range ix.cues.list(cueTradeSelf) {
			if j := strings.Index(rest, w); j == 0 || j > 0 && at && utf8.RuneCountInString(rest[:j]) <= maxSelfPlace {
				return true
			}
		}
	}
	return false
}

// spelledOut is the span of text that writes w's characters in order,
// within one clause and a few characters more than w ("用水、用电" for
// 水电, "租住商品房" for 租房, "封管控区" for 封控区), or "": an everyday
// short form of the guide's words.
func spelledOut(text, w string) string {
	word := []rune(w)
	if len(word) < 2 || len(word) > 4 {
		return ""
	}
	runes := []rune(text)
	for i, r := range runes {
		if r != word[0] {
			continue
		}
		k, j := 1, i+1
		for ; j < len(runes) && j-i < len(word)+3 && k < len(word); j++ {
			if strings.ContainsRune("，。；,;", runes[j]) {
				break
			}
			if runes[j] == word[k] {
				k++
			}
		}
		if k == len(word) {
			return string(runes[i:j])
		}
	}
	return ""
}

// leads reports whether span opens with w, or with w after one character
// ("在封控区").
func leads(span, w string) bool {
	if strings.HasPrefix(span, w) {
		return true
	}
	_, n := utf8.DecodeRuneInString(span)
	return strings.HasPrefix(span[n:], w)
}

// otherAlternative reports whether key stands in a list of alternatives
// of text ("200万元以上的货物服务采购项目、400万元以上的工程采购项目") and
// q affirms another of them: "货物采购，不是工程" is not ruled out by the
// 工程 item.
func otherAlternative(text, key, q string, negated negation) bool {
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，。；", r) }) {
		items := strings.Split(clause, "、")
		if len(items) < 2 || !strings.Contains(clause, key) {
			continue
		}
		k := slices.IndexFunc(items, func(it string) bool { return strings.Contains(it, key) })
		if k < 0 {
			continue // key spans items ("用水、用电")
		}
		own := items[k]
		for _, it := range items {
			if !strings.Contains(it, key) && parallel(own, key, it) && namesOwn(q, it, slices.DeleteFunc(slices.Clone(items), func(o string) bool { return o == it }), negated) {
				return true
			}
		}
	}
	return false
}

// pruneExcluded drops the exclusions the text does not decide: an
// alternative of a list the asker names ("货物采购，不是工程"), a kind the
// asker says they are beside the excluded one (个体工商户 beside 小微企业),
// and a bare 企业 against an owner whose own kind the text never writes
// ("个体户，没公司" to a measure for 小微企业: that kind joins kinds, the
// kinds the measure does not name).
func (ix *Index) pruneExcluded(j *Judgment, text, q string, negated negation, kinds []string) []string {
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool {
		return otherAlternative(text, x.Key, q, negated) || ix.kindAlternative(text, x.Key, q, negated)
	})
	own := ix.unwrittenKind(text, q, negated)
	if own == "" {
		return kinds
	}
	before := len(j.Excluded)
	j.Excluded = slices.DeleteFunc(j.Excluded, func(x Exclusion) bool { return slices.Contains(ix.cues.list(cueKindObject), x.Key) })
	if len(j.Excluded) < before {
		kinds = seeds.AppendNew(kinds, own)
	}
	return kinds
}

// kindAlternative reports whether a clause of text holding key also names,
// beside it, a kind the asker says they are (the kind section: 个体户 is
// 个体工商户) that key does not cover: "没公司" is not ruled out by the
// 企业 of "小微企业和个体工商户" for an owner who says 个体户.
func (ix *Index) kindAlternative(text, key, q string, negated negation) bool {
	var own []string
	for _, k := range ix.kinds() {
		if firstIn(squeeze(q), k.asker, negated) != "" {
			own = append(own, k.guide...)
		}
	}
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，。；", r) }) {
		if !strings.Contains(clause, key) {
			continue
		}
		for _, g := range own {
			if !strings.Contains(g, key) && !strings.Contains(key, g) && firstAffirmed(clause, []string{g}) != "" && !modifies(clause, g, key) {
				return true
			}
		}
	}
	// Another sentence of the measure is for the asker's own kind ("鼓励非
	// 国有房屋出租人为…减免租金" beside the 孵化器's subsidy): the measure
	// does not leave them out, whatever its clause for key says.
	for _, sentence := range splitSentences(text) {
		if strings.Contains(sentence, key) {
			continue
		}
		for _, g := range own {
			if !strings.Contains(g, key) && !strings.Contains(key, g) && firstAffirmed(sentence, []string{g}) != "" {
				return true
			}
		}
	}
	return false
}

// modifies reports whether g and key stand in one phrase of clause, no
// list word between them (和, 及, 、, 或, 与): one restricts the other.
// "承租非国有房屋的科技型孵化器" writes 非国有 of the premises the 孵化器
// rents, and "以单位方式参保的个体工商户" only those 个体工商户 that pay
// as a unit; an asker of kind g is then no alternative to key.
func modifies(clause, g, key string) bool {
	i, k := strings.Index(clause, g), strings.Index(clause, key)
	if i < 0 || k < 0 {
		return false
	}
	from, to := i+len(g), k
	if k < i {
		from, to = k+len(key), i
	}
	return from <= to && !strings.ContainsAny(clause[from:to], "和及、或与")
}

// unwrittenKind is the first kind of asker (the subject section) q names
// and does not negate that text writes in no form (个体户 to a measure for
// 小微企业), or "".
func (ix *Index) unwrittenKind(text, q string, negated negation) string {
	for _, s := range ix.subjects(q) {
		if negated.has(s) || ix.mentionsAny(text, s) || spelledOut(text, s) != "" || strings.Contains(text, ix.guideWord(text, s)) {
			continue
		}
		return s
	}
	return ""
}

// parallel reports whether item other stands where own does in a list:
// the two characters right after key in own (or right before it) recur in
// other ("工程采购项目" against "货物服务采购项目"), so other names an
// alternative to key, not something beside it.
func parallel(own, key, other string) bool {
	i := strings.Index(own, key)
	after, before := []rune(own[i+len(key):]), []rune(own[:i])
	return len(after) >= 2 && strings.Contains(other, string(after[:2])) ||
		len(before) >= 2 && strings.Contains(other, string(before[len(before)-2:]))
}

// namesOwn reports whether q affirms a two-character run of Han text of
// item that none of others has: the asker names this item, not the rest.
func namesOwn(q, item string, others []string, negated negation) bool {
	r := []rune(item)
	for i := 0; i+1 < len(r); i++ {
		b := string(r[i : i+2])
		if !unicode.Is(unicode.Han, r[i]) || !unicode.Is(unicode.Han, r[i+1]) || !strings.Contains(q, b) {
			continue
		}
		if slices.ContainsFunc(others, func(o string) bool { return strings.Contains(o, b) }) {
			continue
		}
		if !slices.ContainsFunc(slices.Collect(maps.Keys(negated)), func(k string) bool { return strings.Contains(k, b) }) {
			return true
		}
	}
	return false
}

// negatedOnly are the exclusions of what the asker negates right after
// the negation ("不在封控区", however the segmenter cut it) when text
// writes it, as it is or spelled out (封管控区), and no exclusion already
// found has that key.
func (ix *Index) negatedOnly(text string, negated negation, found []Exclusion) []Exclusion {
	var out []Exclusion
	seen := map[string]bool{}
	for _, x := range found {
		seen[x.Key] = true
	}
	for _, w := range slices.Sorted(maps.Keys(negated)) {
		n := negated[w]
		key := negatedKey(text, n.span)
		if key == "" || seen[key] || onlyNegated(text, key) || strings.Contains(text, "非"+key) || ix.textNegates(text, key) {
			continue
		}
		seen[key] = true
		out = append(out, Exclusion{Asked: n.clause, Rule: clauseWith(text, key), Key: key})
	}
	return out
}

// negatedKey is how text writes the longest opening (three or four
// characters, after at most one leading character such as 在) of a
// negated span, or "".
func negatedKey(text, span string) string {
	r := []rune(span)
	for skip := 0; skip <= 1 && skip < len(r); skip++ {
		for n := min(4, len(r)-skip); n >= 3; n-- {
			w := string(r[skip : skip+n])
			if strings.Contains(text, w) {
				return w
			}
			if k := spelledOut(text, w); k != "" {
				return k
			}
		}
	}
	return ""
}

// insideWiderKind reports whether text writes key only inside a longer
// guide word of the kind section that adds to its front (中小微企业 holds
// 小微 and 小微企业): a kind written as a run of sizes, so an asker who is
// not key (不是小微) may still be one of the others (中型). A word that
// only adds after key (小微企业 of 小微) is the same kind, and one the kind
// section does not list (服务业小微企业) narrows it: neither counts.
func (ix *Index) insideWiderKind(text, key string) bool {
	n := strings.Count(text, key)
	if key == "" || n == 0 {
		return false
	}
	inside := 0
	var seen []string
	for _, k := range ix.kinds() {
		for _, g := range k.guide {
			if g == key || !strings.Contains(g, key) || strings.HasPrefix(g, key) || strings.HasPrefix(g, "非") || slices.Contains(seen, g) {
				continue
			}
			seen = append(seen, g)
			inside += strings.Count(text, g) * strings.Count(g, key)
		}
	}
	return inside >= n
}

// refinesOnly reports whether every clause of text that writes key opens
// with a [refine] word (其中) or ends with a [refine.tail] one (以门店为单位
// 执行): key names a sub-case of the grant before it (more months for risk
// areas) or how it is carried out, not a condition of being granted at all.
func (ix *Index) refinesOnly(text, key string) bool {
	if key == "" {
		return false
	}
	found := false
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '，' || r == '。' || r == '；' }) {
		if !strings.Contains(c, key) {
			continue
		}
		if !slices.ContainsFunc(ix.cues.list(cueRefine), func(w string) bool { return strings.HasPrefix(c, w) }) &&
			!slices.ContainsFunc(ix.cues.list(cueRefineTail), func(w string) bool { return strings.HasSuffix(c, w) }) {
			return false
		}
		found = true
	}
	return found
}

// grantedBeside reports whether the measure grants the ask beside what
// the asker negates (key), so "不是key" rules nothing out: key is one
// member of a list whose other member with the same head names the ask's
// thing ("货车司机贷款及…消费贷款" to "不是货车 那车贷延期算不算"), or one
// of two grants side by side ("…，对A给予…，对B给予…") while the ask's
// thing stands outside B's ("不是专精特新的 做技术改造能支持吗").
func (ix *Index) grantedBeside(text, key string, words []string) bool {
	ok, _ := ix.grantBeside(text, key, words)
	return ok
}

// grantBeside is grantedBeside; other is the grant beside key's when the
// ask names neither ("不是专精特新 也能申请吗"): the clause that keeps the
// asker in, to quote instead of key's.
func (ix *Index) grantBeside(text, key string, words []string) (ok bool, other string) {
	if key == "" {
		return false, ""
	}
	// named: the ask names a word of s (sharing a character with head,
	// when given: 消费贷 with 贷款, not the shared 延期) that own does not
	// write, other than those of skip (the negated key itself).
	named := func(s, own, head string, skip ...string) bool {
		for _, w := range words {
			if utf8.RuneCountInString(w) < 2 || ix.cues.has(w, cueCaseVague) || slices.ContainsFunc(skip, func(k string) bool { return strings.Contains(k, w) || strings.Contains(w, k) }) {
				continue
			}
			for _, e := range append([]string{w}, ix.vocab.expand[w]...) {
				if e != "" && (head == "" || strings.ContainsAny(e, head)) && strings.Contains(s, e) && !strings.Contains(own, e) {
					return true
				}
			}
		}
		return false
	}
	for _, sentence := range splitSentences(text) {
		if !strings.Contains(sentence, key) {
			continue
		}
		clauses := strings.Split(sentence, "，")
		var grants []string
		for _, c := range clauses {
			if strings.HasPrefix(c, "对") && ix.grants(c) {
				grants = append(grants, c)
			}
		}
		for _, c := range grants {
			if len(grants) >= 2 && strings.Contains(c, key) {
				rest := strings.Replace(sentence, c, "", 1)
				if strings.Contains(rest, key) {
					continue
				}
				// Key conditions one grant only: the asker outside it may
				// still have the other ("不是专精特新 也能申请吗"), unless the
				// ask picks key's grant by a word only it writes (赋能).
				if named(rest, c, "") {
					return true, ""
				}
				if !named(c, rest, "", key) {
					for _, g := range grants {
						if !strings.Contains(g, key) {
							return true, g
						}
					}
				}
			}
		}
		for _, c := range clauses {
			if !strings.Contains(c, key) {
				continue
			}
			members := listMembers.Split(c, -1)
			for _, own := range members {
				if !strings.Contains(own, key) {
					continue
				}
				head := []rune(strings.TrimSuffix(own, "等"))
				if len(head) < 2 {
					continue
				}
				h := string(head[len(head)-2:])
				for _, other := range members {
					if other != own && strings.Contains(other, h) && named(other, own, h) {
						return true, ""
					}
				}
			}
		}
	}
	return false, ""
}

// listMembers splits a clause at the marks that join a list's members.
var listMembers = regexp.MustCompile(`、|以及|和|及|与`)

// unlicensed rules the asker out of a measure for registered businesses
// only when they say they hold no business licence ("没有营业执照，摆摊卖
// 蜂蜜"): the kinds of the licence.kind section (个体工商户, 市场主体) are
// registered, so a text naming them, and no kind that needs no licence
// (licence.open: 个人, 从业人员), is not for the asker.
func (ix *Index) unlicensed(text string, negated negation) []Exclusion {
	said := ""
	for w, x := range negated {
		if ix.cues.has(w, cueLicence) && (said == "" || x.clause < said) {
			said = x.clause // the smallest, so that the choice does not depend on map order
		}
	}
	if said == "" || ix.cues.has(text, cueUnlicensed) {
		return nil
	}
	for _, k := range ix.cues.list(cueLicensed) {
		if strings.Contains(text, k) {
			return []Exclusion{{Asked: said, Rule: clauseWith(text, k), Key: k}}
		}
	}
	return nil
}

// rhetorical reports whether clause is a rhetorical question "X不是Y吗"
// (不就是, 不也是): the copula's negation then affirms Y. A clause that
// asks something of its own after the negation ("不是国企能减吗") is no
// rhetorical question.
func (ix *Index) rhetorical(clause string) bool {
	body, ok := strings.CutSuffix(clause, "吗")
	if !ok {
		body, ok = strings.CutSuffix(clause, "嘛")
	}
	if !ok {
		return false
	}
	for _, neg := range []string{"不就是", "不也是", "不是"} {
		if i := strings.Index(body, neg); i >= 0 {
			rest := body[i+len(neg):]
			return rest != "" && !containsAny(rest, ix.cues.list(cueMay)) && !ix.YesNo(rest)
		}
	}
	return false
}

// withoutStaffVoice is terms without the staff words q names as a party
// besides the asker, right before what they do (员工要求, 工人说): whose
// demand it is, not whom the asker's case is about.
func (ix *Index) withoutStaffVoice(q string, terms []string) []string {
	voices := ix.cues.list(cueStaffVoice)
	var staff []string // the kind lines are split once, not per term
	for _, k := range ix.staffKinds() {
		staff = append(staff, k.asker...)
		staff = append(staff, k.guide...)
	}
	return slices.DeleteFunc(slices.Clone(terms), func(t string) bool {
		return slices.Contains(staff, t) && slices.ContainsFunc(voices, func(v string) bool { return staffSays(q, t, v) })
	})
}

// staffSays reports whether staff word t is followed in its clause by voice
// verb v, right after it or a few characters on (员工要求, 工人们一直催):
// the staff speak, whatever adverb stands between.
func staffSays(q, t, v string) bool {
	for _, c := range clausesOf(q) {
		for rest := squeeze(c); ; {
			i := strings.Index(rest, t)
			if i < 0 {
				break
			}
			rest = rest[i+len(t):]
			if j := strings.Index(rest, v); j >= 0 && utf8.RuneCountInString(rest[:j]) <= maxStaffGap {
				return true
			}
		}
	}
	return false
}

// maxStaffGap is how many characters may stand between a staff word and
// its voice verb (们, 一直, 都在).
const maxStaffGap = 3
