package dialog

import (
	"sort"
	"strings"
	"unicode/utf8"

	"policybot/seeds"
)

// Answering a follow-up about one aspect of the measure under discussion
// from the measure's own sentences: the sentence(s) that answer it, quoted
// under the measure's title, never the whole measure again; or a plain
// statement that the measure says nothing on it, with that measure's
// contact.

// aspectLabel names an aspect in "第2条没有提到网上办理".
var aspectLabel = map[string]string{
	"apply":      "具体的申请办法",
	"online":     "网上办理",
	"conditions": "具体的申请条件",
	"who":        "适用对象的具体范围",
	"amount":     "具体的金额或比例",
	"credit":     "对信用记录的影响",
	"period":     "具体的期限",
}

// maxQuoted is how many sentences an aspect answer quotes at most.
const maxQuoted = 2

// longSentence is the length above which only the matching clauses of a
// sentence are quoted.
const longSentence = 70

// sentences splits a measure's text and follow-up sentences at 。 and ；.
func sentences(m *seeds.Measure) []string {
	var out []string
	for _, s := range append([]string{m.Text}, m.Details...) {
		for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == '。' || r == '；' }) {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// hits is how well a piece of text answers: answer cues of the aspects
// present, and the message's words it mentions (by length).
func (t *turn) hits(text string, aspects, words []string) (cues, terms int) {
	for _, a := range aspects {
		for _, c := range t.ph.list("answer." + a) {
			if strings.Contains(text, c) {
				cues++
			}
		}
	}
	for _, w := range words {
		switch full, part := t.covers(text, w); {
		case full:
			terms += 2 * utf8.RuneCountInString(w)
		case part:
			terms += utf8.RuneCountInString(w)
		}
	}
	return cues, terms
}

// quote picks the sentences of m that answer the aspects and words: with
// aspects, a sentence needs one of their answer cues; without, one of the
// words. Long sentences are cut to their matching clauses.
func (t *turn) quote(m *seeds.Measure, aspects, words []string) []string {
	type scored struct {
		s          string
		score, ctx int
	}
	context := t.contextWords()
	var best []scored
	for _, s := range sentences(m) {
		cues, terms := t.hits(s, aspects, words)
		if (len(aspects) > 0 && cues == 0) || (len(aspects) == 0 && terms == 0) {
			continue
		}
		// The words of the question that led here only break ties: after
		// "食品生产许可证到期了能顺延吗", "顺延多久" is about that licence.
		_, ctx := t.hits(s, nil, context)
		best = append(best, scored{s, cues + 2*terms, ctx})
	}
	if len(best) == 0 {
		return nil
	}
	sort.SliceStable(best, func(i, j int) bool {
		if best[i].score != best[j].score {
			return best[i].score > best[j].score
		}
		return best[i].ctx > best[j].ctx
	})
	var out []string
	for _, b := range best {
		if len(out) < maxQuoted && 3*b.score >= 2*best[0].score {
			out = append(out, t.narrow(b.s, aspects, words))
		}
	}
	return out
}

// contextWords are the words of the last new question, besides cues.
func (t *turn) contextWords() []string {
	if t.st.Question == "" {
		return nil
	}
	var out []string
	for _, w := range t.ix.Segmenter().Cut(t.st.Question) {
		if utf8.RuneCountInString(w) >= 2 && !t.ph.isCue(w) {
			out = append(out, w)
		}
	}
	return out
}

// narrow keeps the clauses of a long sentence that match, with "……" for
// what was left out.
func (t *turn) narrow(s string, aspects, words []string) string {
	if utf8.RuneCountInString(s) <= longSentence {
		return s
	}
	clauses := strings.Split(s, "，")
	keep := make([]bool, len(clauses))
	any := false
	for i, c := range clauses {
		cues, terms := t.hits(c, aspects, words)
		if terms > 0 || (len(words) == 0 && cues > 0) {
			keep[i], any = true, true
		}
	}
	if !any {
		for i, c := range clauses {
			if cues, _ := t.hits(c, aspects, nil); cues > 0 {
				keep[i], any = true, true
			}
		}
	}
	if !any {
		return clipRunes(s, longSentence)
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

// aspectReply answers a follow-up about measure m: the quoted sentences,
// with a verdict line where one is warranted, or what the measure does not
// say and whom to ask.
func (t *turn) aspectReply(m *seeds.Measure, question string, rd reading) Reply {
	aspects := rd.aspects
	quotable := quotableAspects(aspects)
	if hasAspect(aspects, phDeadline) && len(rd.terms) > 0 {
		// "顺延多久": a period the text states for the thing named, besides
		// the measure's deadline.
		quotable = append(quotable, "period")
	}
	var b strings.Builder
	title := t.measureTitle(m)
	if m.Text == "" && len(m.Details) == 0 {
		b.WriteString(title + "\n指南文件中本条的原文缺失，无法回答这一点。\n")
		b.WriteString(t.contactLines(m))
		return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(b.String()), Contacts: cards(m.Contacts)}
	}
	quoted := t.quote(m, quotable, rd.terms)
	missing := t.missingSubjects(m, question)
	if len(quoted) > 0 {
		if v := t.verdictLine(question, m, strings.Join(quoted, "。")); v != "" && len(missing) == 0 {
			b.WriteString(v + "\n\n")
		}
	}
	b.WriteString(title + "\n")
	withContact := false
	switch {
	case len(quoted) > 0:
		for _, q := range quoted {
			if !strings.HasSuffix(q, "……") {
				q += "。"
			}
			b.WriteString("原文：“" + q + "”\n")
		}
		if len(missing) > 0 {
			b.WriteString(t.notMentioned(m, missing) + "是否适用请向下列单位确认。\n")
			withContact = true
		}
	default:
		var what []string
		for _, a := range quotable {
			what = append(what, aspectLabel[a])
		}
		if len(what) == 0 {
			what = quoteWords(rd.terms)
		}
		if len(what) > 0 {
			b.WriteString("第" + itoa(m.Number) + "条没有提到" + strings.Join(what, "、") + "。如需了解，可以咨询：\n")
		} else {
			b.WriteString("您想了解本条的哪方面？可以问：怎么申请、能不能网上办、找谁、什么时候截止、原文。\n")
		}
		withContact = len(what) > 0
	}
	switch {
	case hasAspect(aspects, phContact):
		b.WriteString(t.contactLines(m))
	case withContact:
		// One line: whom to ask, not the whole contact block again.
		b.WriteString(t.leadContact(m) + "\n")
	}
	if hasAspect(aspects, phDeadline) {
		b.WriteString(t.deadline(m) + "\n")
	}
	reply := Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(b.String())}
	if hasAspect(aspects, phContact) {
		reply.Contacts = cards(m.Contacts)
	}
	reply.Buttons = [][]Button{{t.button("☎ 联系方式", actContact, itoa(m.Number)), t.button("📄 原文", actDetails, itoa(m.Number))}}
	return reply
}

// quotableAspects are those of aspects answered by quoting sentences.
func quotableAspects(aspects []string) []string {
	var out []string
	for _, a := range aspects {
		if _, ok := aspectLabel[a]; ok {
			out = append(out, a)
		}
	}
	return out
}

// aspectLead is the first lines of the answer to a new question that also
// asks an aspect ("首贷贴息能在网上办吗"): the verdict and the sentence that
// answers it, or that the measure does not say; "" when it asks none.
func (t *turn) aspectLead(m *seeds.Measure, question string) string {
	quotable := quotableAspects(t.aspectsOf(question))
	if len(quotable) == 0 || (m.Text == "" && len(m.Details) == 0) {
		return ""
	}
	var what []string
	for _, a := range quotable {
		what = append(what, aspectLabel[a])
	}
	quoted := t.quote(m, quotable, nil)
	if len(quoted) == 0 {
		return "第" + itoa(m.Number) + "条没有提到" + strings.Join(what, "、") + "，可以咨询下列单位。"
	}
	lead := ""
	if len(t.missingSubjects(m, question)) == 0 {
		lead = t.verdictLine(question, m, strings.Join(quoted, "。"))
	}
	q := quoted[0]
	if !strings.HasSuffix(q, "……") {
		q += "。"
	}
	if lead != "" {
		lead += "\n"
	}
	return lead + "关于" + strings.Join(what, "、") + "，原文：“" + q + "”"
}

func hasAspect(aspects []string, a string) bool {
	for _, x := range aspects {
		if x == a {
			return true
		}
	}
	return false
}

func quoteWords(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = "“" + w + "”"
	}
	return out
}

// notMentioned is "第2条没有提到“灵活就业”。".
func (t *turn) notMentioned(m *seeds.Measure, words []string) string {
	return "第" + itoa(m.Number) + "条没有提到" + strings.Join(quoteWords(words), "、") + "，"
}
