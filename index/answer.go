package index

import (
	"policybot/index/clause"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/seeds"
)

// What a measure says about a question: the sentences that answer an
// aspect (Quote) and the one-word verdict (Verdict); judge.go weighs them
// against the asker's case. The words are data: the answer.*, verdict.*
// and subject sections of cues.txt. The dialog renders what these return.

// maxQuoted is how many sentences an aspect answer quotes at most.
const maxQuoted = 2

// longSentence is the length above which only the matching clauses of a
// sentence are quoted.
const longSentence = 70

// sentence is one sentence of a measure, cut at 。 or ；, with whether it
// comes from a follow-up sentence whose place is in doubt.
type sentence struct {
	text     string
	doubtful bool
	// marked: the doubt is shown to a reader (seeds.Measure.ShowsDoubt);
	// a weak one is not, though the sentence is still no rule.
	marked bool
}

// splitSentences cuts text at 。 and ； (and at ; for a guide typed with
// half-width punctuation).
func splitSentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == '。' || r == '；' || r == ';' })
}

// sentences splits a measure's text and follow-up sentences at 。 and ；
// (and at ; for a guide typed with half-width punctuation).
func sentences(m *seeds.Measure) []sentence {
	var out []sentence
	for i, s := range append([]string{m.Text}, m.Details...) {
		doubtful, marked := i > 0 && m.IsDoubtful(i-1), i > 0 && m.ShowsDoubt(i-1)
		for _, x := range splitSentences(s) {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, sentence{x, doubtful, marked})
			}
		}
	}
	return out
}

// hits is how well a piece of text answers: answer cues of the aspects
// present, and the message's words it mentions (by length).
func (ix *Index) hits(text string, aspects []Aspect, words []string) (cues, terms int) {
	for _, a := range aspects {
		figure := false
		for _, c := range ix.cues.list("answer." + string(a)) {
			if !strings.Contains(text, c) {
				continue
			}
			// A figure is one cue however many digits it has: "10%-20%"
			// answers an amount as well as "200万元…400万元…70%".
			if d := c[0]; len(c) == 1 && d >= '0' && d <= '9' {
				if figure {
					continue
				}
				figure = true
			}
			cues++
		}
	}
	for _, w := range words {
		switch full, part := ix.mentions(text, w); {
		case full:
			terms += 2 * utf8.RuneCountInString(w)
		case part:
			terms += utf8.RuneCountInString(w)
		}
	}
	return cues, terms
}

// Quoted is a sentence of a measure (or the clauses of one) as a reply
// quotes it.
type Quoted struct {
	Text string
	// Doubtful: from a follow-up sentence whose place in the guide the
	// evidence does not settle, and a reader should be told so
	// (seeds.Measure.ShowsDoubt): it is shown marked. Any doubtful
	// sentence, weakly so too, is never the rule a verdict rests on (the
	// judge reads seeds.Measure.IsDoubtful).
	Doubtful bool
}

// Quote picks the sentences of m that answer the aspects (those with
// Quoted) and words: with aspects, a sentence needs one of their answer
// cues (cues.txt's answer.* sections), or, when none has and no aspect is
// exact, one of the words;
// without aspects, one of the words. Long sentences are cut to their
// matching clauses, with "……" for what was left out. The words of
// question, the conversation's last new question, only break ties. Nil
// when no sentence answers.
func (ix *Index) Quote(m *seeds.Measure, aspects []Aspect, words []string, question string) []Quoted {
	out := ix.quote(m, aspects, words, question, true)
	if out == nil && len(words) > 0 && len(aspects) > 0 && !slices.ContainsFunc(aspects, exact) {
		out = ix.quote(m, aspects, words, question, false)
	}
	return out
}

// exact reports whether an aspect is answered only by a sentence that has
// its answer cues: an amount needs a figure, a period a date, however
// many of the question's words a sentence has.
func exact(a Aspect) bool {
	return a == AspectAmount || a == AspectPeriod || a == AspectOnline || a == AspectCredit || a == AspectRepay
}

// quote is Quote; needCue says whether a sentence needs an answer cue of
// the aspects.
func (ix *Index) quote(m *seeds.Measure, aspects []Aspect, words []string, question string, needCue bool) []Quoted {
	type scored struct {
		s          sentence
		score, ctx int
		field      bool // a labelled field naming an asked aspect
	}
	context := ix.contextWords(question)
	var best []scored
	for _, s := range sentences(m) {
		cues, terms := ix.hits(s.text, aspects, words)
		if (needCue && len(aspects) > 0 && cues == 0) || ((!needCue || len(aspects) == 0) && terms == 0) {
			continue
		}
		// The words of the question that led here only break ties: after
		// "食品生产许可证到期了能顺延吗", "顺延多久" is about that licence.
		_, ctx := ix.hits(s.text, nil, context)
		// "支持对象：…", "申报方式：…": the guide's own answer to the
		// aspect, in a list of labelled fields, comes first.
		field := false
		if label := fieldLabel(s.text); label != "" && len(aspects) > 0 {
			c, _ := ix.hits(label, aspects, nil)
			field = c > 0
		}
		best = append(best, scored{s, cues + 2*terms, ctx, field})
	}
	if len(best) == 0 {
		return nil
	}
	sort.SliceStable(best, func(i, j int) bool {
		if best[i].field != best[j].field {
			return best[i].field
		}
		if best[i].score != best[j].score {
			return best[i].score > best[j].score
		}
		return best[i].ctx > best[j].ctx
	})
	var out []Quoted
	for _, b := range best {
		if len(out) < maxQuoted && (b.field || 3*b.score >= 2*best[0].score) {
			out = append(out, Quoted{ix.narrow(b.s.text, aspects, words), b.s.marked})
		}
	}
	return out
}

// fieldLabel is the label of a labelled field sentence ("申报方式：…"):
// two to six Han characters before a colon that opens it; "" otherwise.
func fieldLabel(text string) string {
	label, _, ok := strings.Cut(text, "：")
	if !ok {
		return ""
	}
	n := 0
	for _, r := range label {
		if !unicode.Is(unicode.Han, r) {
			return ""
		}
		n++
	}
	if n < 2 || n > 6 {
		return ""
	}
	return label
}

// ContextWords are the words of a question, besides cues: what a bare
// follow-up ("能便宜多少") is about.
func (ix *Index) ContextWords(question string) []string { return ix.contextWords(question) }

// contextWords are the words of a question, besides cues.
func (ix *Index) contextWords(question string) []string {
	if question == "" {
		return nil
	}
	var out []string
	for _, w := range ix.seg.Cut(question) {
		if utf8.RuneCountInString(w) >= 2 && !ix.cues.isCue(w) {
			out = append(out, w)
		}
	}
	return out
}

// narrow keeps the clauses of a long sentence that match, with "……" for
// what was left out.
func (ix *Index) narrow(s string, aspects []Aspect, words []string) string {
	if utf8.RuneCountInString(s) <= longSentence {
		return s
	}
	clauses := strings.Split(s, "，")
	keep := make([]bool, len(clauses))
	any := false
	// An aspect only its answer cues answer (征信, an amount's figure) keeps
	// the clause that has them beside those naming the words ("…延期还本
	// 付息……不影响征信记录，并免收罚息" for "延期的话会上征信吗").
	exactly := slices.ContainsFunc(aspects, exact)
	for i, c := range clauses {
		cues, terms := ix.hits(c, aspects, words)
		if terms > 0 || ((len(words) == 0 || exactly) && cues > 0) {
			keep[i], any = true, true
		}
	}
	if !any {
		for i, c := range clauses {
			if cues, _ := ix.hits(c, aspects, nil); cues > 0 {
				keep[i], any = true, true
			}
		}
	}
	if !any {
		return seeds.Clip(s, longSentence)
	}
	for i := len(clauses) - 2; i >= 0; i-- {
		// "其中承租…国有房屋的": a condition; its consequence is the
		// next clause ("减免6个月房屋租金").
		if keep[i] && strings.HasSuffix(clauses[i], "的") {
			keep[i+1] = true
		}
	}
	var b strings.Builder
	gap := false
	for i, c := range clauses {
		switch {
		case keep[i]:
			if b.Len() > 0 {
				if gap {
					b.WriteString("……")
				} else {
					b.WriteString("，")
				}
			} else if i > 0 {
				b.WriteString("……")
			}
			b.WriteString(c)
			gap = false
		default:
			gap = true
		}
	}
	if gap {
		b.WriteString("……")
	}
	return b.String()
}

// subjects are the kinds of askers q names, longest first, each once
// ("个体工商户" is not also "个体户").
func (ix *Index) subjects(q string) []string {
	s := squeeze(q)
	var out []string
	for _, w := range ix.cues.list(cueSubject) {
		if strings.Contains(s, w) {
			out = append(out, w)
			s = strings.ReplaceAll(s, w, " ")
		}
	}
	return out
}

// asksOnly reports whether q asks whether a condition is required (the
// verdict.only cues) in a clause that itself asks: "员工说公积金必须交，我们
// 能缓吗" tells what staff demand, and asks only whether the firm may defer.
func (ix *Index) asksOnly(q string) bool {
	if !ix.cues.has(q, cueOnly) {
		return false
	}
	cs := clausesOf(q)
	asking := slices.ContainsFunc(cs, ix.YesNo)
	return slices.ContainsFunc(cs, func(c string) bool {
		return ix.cues.has(c, cueOnly) && (!asking || ix.YesNo(c))
	})
}

// Verdict is "可以。", "有。" or "不会。" for a yes/no question that
// clause answers, or "" when it is not such a question or the clause grants
// nothing the question asks for (有 too needs a clause that grants). The caller checks the asker's kind
// (MissingSubjects).
func (ix *Index) Verdict(q, clause string) string {
	if !ix.YesNo(q) || clause == "" {
		return ""
	}
	if ix.cues.has(q, cueCutAsk) && !ix.cuts(clause) || ix.asksOnly(q) {
		// "水电费能减免吗" against "欠费不停供…免收滞纳金": deferred, not cut.
		// "得在北京注册的才行吗" asks whether a condition is required.
		return ""
	}
	switch {
	case ix.cues.has(q, cueWill) && ix.cues.has(clause, cueNot):
		return "不会。"
	case ix.waives(q, clause) && (ix.cues.has(q, cueHas) || ix.asksHas(q)):
		// "缓缴期间有滞纳金吗" against "缓缴期间免收滞纳金".
		return "没有。"
	case ix.waives(q, clause) && ix.cues.has(q, cueDue):
		// "滞纳金要交吗": waived, so no; never "可以".
		return "不用。"
	case (ix.cues.has(q, cueHas) || ix.asksHas(q) && !ix.cues.has(q, cueMay)) && ix.grants(clause) && !ix.waives(q, clause):
		return "有。"
	case ix.cues.has(q, cueMay) && ix.grants(clause) && !ix.waives(q, clause):
		return "可以。"
	}
	return ""
}

// waives reports whether clause rules out the very thing q asks is there
// ("缓缴期间有滞纳金吗" against "缓缴期间免收滞纳金"): the two characters after
// a verdict.not phrase of clause stand in q, and q does not ask for the
// waiver itself ("有免收滞纳金吗").
func (ix *Index) waives(q, clause string) bool {
	s := squeeze(q)
	for _, p := range ix.cues.list(cueNot) {
		for rest := clause; ; {
			i := strings.Index(rest, p)
			if i < 0 {
				break
			}
			rest = rest[i+len(p):]
			if r := []rune(rest); len(r) >= 2 && strings.Contains(s, string(r[:2])) && !strings.Contains(s, p) {
				return true
			}
		}
	}
	return false
}

// asksHas reports whether q is a "有…吗" question once the words whose 有
// asks nothing (还有, 国有) are set aside.
func (ix *Index) asksHas(q string) bool {
	s := squeeze(q)
	for _, w := range ix.cues.list(cueHasNot) {
		s = strings.ReplaceAll(s, w, " ")
	}
	return strings.Contains(s, "有") && strings.HasSuffix(s, "吗")
}

// grants reports whether a clause of text grants something (给予, 减免,
// 支持…). A clause that only organises work ("组建房租减免工作专班") grants
// nothing, whatever grant word it holds.
func (ix *Index) grants(text string) bool {
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '，' || r == '；' || r == '。' }) {
		if ix.cues.has(c, cueOrganise) {
			continue
		}
		for _, w := range ix.cues.list(cueGrant) {
			if strings.Contains(c, w) {
				return true
			}
		}
	}
	return false
}

// organised reports whether sentence only organises work: its first
// clause does ("加强…政策的宣传与推广，…提高首贷补贴办理便利度"), so what
// follows says how the work is done, not what is granted.
func (ix *Index) organised(sentence string) bool {
	first, _, _ := strings.Cut(sentence, "，")
	return ix.cues.has(first, cueOrganise)
}

// bestClause is the clause of text mentioning most of words, preferring
// one that grants something over a preamble ("按照…要求"), with its score;
// "" when no clause mentions any of words. A clause that only sets a
// condition ("…贷款的", "对…项目") comes with the clauses after it up to
// the one that says what follows from it ("…，不作逾期处理").
func (ix *Index) bestClause(text string, words []string) (string, int) {
	clauses := strings.FieldsFunc(text, func(r rune) bool { return r == '，' || r == '；' || r == '。' })
	best, score := -1, 0
	for i, c := range clauses {
		s := 0
		for _, w := range words {
			if full, part := ix.mentions(c, w); full || part {
				s += utf8.RuneCountInString(w)
			}
		}
		if s == 0 {
			continue
		}
		if ix.grants(c) {
			s += 2
		}
		if ix.startsWith(c, cuePreamble) {
			s -= 2
		}
		if ix.endsWith(c, cueDepend) {
			s -= 2
		}
		if best < 0 || s > score {
			best, score = i, s
		}
	}
	if best < 0 {
		return "", 0
	}
	end := best
	for end+1 < len(clauses) && (ix.endsWith(clauses[end], cueDepend) || ix.startsWith(clauses[end], cueFrame) ||
		!ix.grants(clauses[end]) && ix.grants(clauses[end+1]) && !ix.onlySupports(clauses[end+1])) {
		end++
	}
	return strings.Join(clauses[best:end+1], "，"), score
}

// startsWith reports whether s opens with a phrase of section.
func (ix *Index) startsWith(s, section string) bool {
	return slices.ContainsFunc(ix.cues.list(section), func(p string) bool { return strings.HasPrefix(s, p) })
}

// endsWith reports whether s ends with a phrase of section.
func (ix *Index) endsWith(s, section string) bool {
	return slices.ContainsFunc(ix.cues.list(section), func(p string) bool { return strings.HasSuffix(s, p) })
}

// YesNo reports whether q asks a yes/no question: a cue (吗, 能不能) or a
// verb and a final 不 or 没 ("俺这小旅馆能买不"). Asking so for another way
// to reach someone ("电话打不通 还有别的办法没") asks for contacts, not a
// verdict.
func (ix *Index) YesNo(q string) bool {
	return ix.cues.has(q, cueYesNo) || clause.EndsNot(q) && !ix.cues.has(q, cueOtherNumber) && !ix.cues.has(q, cueUnreachable)
}

// PointsBack reports whether q points at a measure already discussed
// ("这个", "那条", "这项政策"): the [pointer] and [case.this] cues.
func (ix *Index) PointsBack(q string) bool {
	return ix.cues.has(q, cuePointer) || ix.cues.has(q, cueThisMeasure)
}

// Epidemic reports whether m is a measure of the epidemic's time: its
// sentences name the epidemic or its controls (the epidemic section of
// cues.txt: 疫情, 核酸, 封管控…).
func (ix *Index) Epidemic(m *seeds.Measure) bool { return ix.cues.has(measureWords(m), cueEpidemic) }

// cuts reports whether a clause cuts what is paid (减免, 减半, 补贴…),
// besides waivers that come with a deferral (免收滞纳金).
func (ix *Index) cuts(clause string) bool {
	for _, w := range ix.cues.list(cueCutNot) {
		clause = strings.ReplaceAll(clause, w, " ")
	}
	for _, w := range ix.cues.list(cueCutGrant) {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}
