package dialog

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/index"
	"policybot/seeds"
)

// Answering a follow-up about one aspect of the measure under discussion
// from the measure's own sentences: the sentence(s) that answer it, quoted
// under the measure's title, never the whole measure again; or a plain
// statement that the measure says nothing on it, with that measure's
// contact.

// aspectLabel names an aspect in "第2条没有提到网上办理".
var aspectLabel = map[index.Aspect]string{
	index.AspectApply:      "具体的申请办法",
	index.AspectOnline:     "网上办理",
	index.AspectConditions: "具体的申请条件",
	index.AspectWho:        "适用对象的具体范围",
	index.AspectAmount:     "具体的金额或比例",
	index.AspectCredit:     "对信用记录的影响",
	index.AspectRepay:      "缓缴期满后如何补缴",
	index.AspectPeriod:     "具体的期限",
}

// aspectReply answers a follow-up about measure m: the quoted sentences,
// with a verdict line where the measure grants what was asked; for a
// yes/no question or a case it does not grant, what its words decide and
// whom to ask; or what the measure does not say and whom to ask.
func (t *turn) aspectReply(m *seeds.Measure, question string, a *index.Ask) Reply {
	t.discussed(m.Number)
	quotable := quotableAspects(a.Aspects)
	if a.Has(index.AspectDeadline) && len(a.Words) > 0 {
		// "顺延多久": a period the text states for the thing named, besides
		// the measure's deadline.
		quotable = append(quotable, index.AspectPeriod)
	}
	var b strings.Builder
	title := t.measureTitle(m)
	if m.Text == "" && len(m.Details) == 0 {
		b.WriteString(title + "\n指南文件中本条的原文缺失，无法回答这一点。\n")
		b.WriteString(t.contactLines(m))
		return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(b.String()), Contacts: cards(m.Contacts)}
	}
	j, a := t.judgeCase(m, a, quotable)
	if t.unstatedOnline(m, quotable) {
		j.Verdict = ""
	}
	j.Clauses = append(j.Clauses, t.howQuotes(m, quotable, j.Clauses)...)
	if len(j.Clauses) == 0 && len(j.Excluded) > 0 {
		// "房东是个人的，不是国家的" about a measure for 国有房屋: the
		// clause that rules the case out answers it.
		j.Clauses = []index.Quoted{{Text: strings.TrimSuffix(j.Excluded[0].Rule, "。")}}
	}
	if j.Granted() && len(j.Clauses) > 0 {
		b.WriteString(t.granted(m, &j, false) + "\n\n")
	}
	b.WriteString(title + "\n")
	// "社保缓缴那个 现在2026年了还能办不": an ask of the period of a
	// measure whose period is over is told so first, with the date, before
	// any sentence quoted could read as still open.
	_, over := t.ended(m)
	periodFirst := a.Has(index.AspectDeadline) && over && !j.Granted()
	if periodFirst {
		b.WriteString(t.deadline(m) + "\n")
	}
	switch {
	case len(j.Clauses) > 0:
		b.WriteString(quoteLines(j.Clauses))
		if t.unstatedOnline(m, quotable) {
			b.WriteString("第" + itoa(m.Number) + "条没有提到网上办理，能否网上办请咨询：\n")
		} else if line := t.judgment(m, &j, "以上"); line != "" && !j.Granted() {
			b.WriteString(line + "\n")
		} else if j.YesNo && !j.Granted() {
			b.WriteString(t.unsaid(m, a) + "\n")
		}
	case slices.Contains(quotable, index.AspectAmount) && t.amountSibling(m, a) != "":
		// "能便宜多少" of 联合体投标: the neighbouring measure states it.
		b.WriteString(t.amountSibling(m, a) + "\n")
		m = t.ix.AmountSibling(m, t.topicWords(m, a))
		t.st.Measure = m.Number
	default:
		if qs := numberSentences(m, a.Text); len(quotable) == 0 && len(qs) > 0 {
			// "那是减3个月还是6个月": the sentences that write the numbers
			// asked answer it; no "哪方面" prompt.
			b.WriteString(quoteLines(qs))
			break
		}
		var what []string
		for _, x := range quotable {
			what = append(what, aspectLabel[x])
		}
		if len(what) == 0 {
			what = quoteWords(a.Words)
		}
		if len(what) > 0 {
			b.WriteString("第" + itoa(m.Number) + "条没有提到" + strings.Join(what, "、") + "。如需了解，可以咨询：\n")
		} else {
			b.WriteString("您想了解本条的哪方面？可以问：怎么申请、能不能网上办、找谁、什么时候截止、原文。\n")
		}
	}
	if a.Has(index.AspectContact) {
		b.WriteString(t.contactLines(m))
	} else {
		// One line: whom to ask, not the whole contact block again.
		b.WriteString(t.leadContact(m) + "\n")
	}
	if periodFirst {
		// Said already.
	} else if a.Has(index.AspectDeadline) {
		b.WriteString(t.deadline(m) + "\n")
	} else if j.YesNo && t.ix.Epidemic(m) && age(t.published(), t.today()) >= 1 {
		// "现在疫情早没了，你确定能顺延？": the text was for the epidemic.
		b.WriteString(t.deadline(m) + "\n")
	}
	reply := Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(b.String())}
	if a.Has(index.AspectContact) {
		reply.Contacts = cards(m.Contacts)
	}
	reply.Buttons = [][]Button{{t.button("☎ 联系方式", actContact, itoa(m.Number)), t.button("📄 原文", actDetails, itoa(m.Number))}}
	return reply
}

// unsaid is the line under quoted sentences that do not settle a yes/no
// follow-up ("担保费0.5%是一年吗", "市场监管局能办吗"): the guide does not
// say it, in plain words and naming the words of the ask the measure
// nowhere writes, then whom to ask. "以上是原文的说法" left the owner to
// find out from the quote that the answer is not in it.
func (t *turn) unsaid(m *seeds.Measure, a *index.Ask) string {
	var missing []string
	for _, w := range a.Words {
		if utf8.RuneCountInString(w) > 1 && !t.ix.Says(m, []string{w}) && !slices.Contains(missing, w) {
			missing = append(missing, w)
		}
	}
	n := "第" + itoa(m.Number) + "条"
	if len(missing) > 0 {
		return n + "没有写到" + strings.Join(quoteWords(missing[:min(len(missing), 3)]), "、") + "，指南对您问的这一点没有说明；具体请咨询："
	}
	return "指南对您问的这一点没有更具体的说明（以上是" + n + "原文的全部相关说法）；具体请咨询："
}

// howQuotes are the sentences of m that answer how to apply or whether
// online ("网上能办吗？找哪个银行": 支持网上办理) when the clauses the
// judgment quotes for the ask's other words have none of those answer
// words; nil otherwise.
func (t *turn) howQuotes(m *seeds.Measure, quotable []index.Aspect, clauses []index.Quoted) []index.Quoted {
	var how []index.Aspect
	for _, x := range quotable {
		if x == index.AspectOnline || x == index.AspectApply {
			how = append(how, x)
		}
	}
	if len(how) == 0 || len(clauses) == 0 {
		return nil
	}
	qs := t.ix.Quote(m, how, nil, t.st.Question)
	var out []index.Quoted
	for _, q := range qs {
		core := strings.Trim(q.Text, "…")
		if !slices.ContainsFunc(clauses, func(c index.Quoted) bool {
			own := strings.Trim(c.Text, "…")
			return strings.Contains(own, core) || strings.Contains(core, own)
		}) {
			out = append(out, q)
		}
	}
	if len(out) == len(qs) {
		return out
	}
	return nil
}

// topicWords are what an ask of m is about: its own words when m writes
// one of them, else those of the conversation's last question ("能便宜多少"
// after "政府采购有啥优惠").
func (t *turn) topicWords(m *seeds.Measure, a *index.Ask) []string {
	if slices.ContainsFunc(a.Words, func(w string) bool { return utf8.RuneCountInString(w) >= 2 && strings.Contains(m.Text, w) }) {
		return a.Words
	}
	return t.ix.ContextWords(t.st.Question)
}

// amountSibling says that m states no amount and quotes the sentence of
// its sibling that does (index.Index.AmountSibling); "" when none does.
func (t *turn) amountSibling(m *seeds.Measure, a *index.Ask) string {
	words := t.topicWords(m, a)
	s := t.ix.AmountSibling(m, words)
	if s == nil {
		return ""
	}
	quoted := t.ix.Quote(s, []index.Aspect{index.AspectAmount}, words, t.st.Question)
	if len(quoted) == 0 {
		return ""
	}
	return "第" + itoa(m.Number) + "条没有提到" + aspectLabel[index.AspectAmount] + "；同一部分的第" + itoa(s.Number) + "条写了：\n" +
		strings.TrimSuffix(quoteLines(quoted[:1]), "\n")
}

// quoteLines are quoted sentences, one a line, a doubtful one marked.
func quoteLines(qs []index.Quoted) string {
	var b strings.Builder
	for _, q := range qs {
		text := q.Text
		if !strings.HasSuffix(text, "……") {
			text += "。"
		}
		b.WriteString("原文：“" + text + "”")
		if q.Doubtful {
			b.WriteString(doubtfulMark)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// quotableAspects are those of aspects answered by quoting sentences.
func quotableAspects(aspects []index.Aspect) []index.Aspect {
	var out []index.Aspect
	for _, a := range aspects {
		if a.Quoted() {
			out = append(out, a)
		}
	}
	return out
}

// aspectLead is the first lines of the answer to a new question that also
// asks an aspect ("首贷贴息能在网上办吗"): the verdict and the sentence that
// answers it, or that the measure does not say; "" when it asks none.
func (t *turn) aspectLead(m *seeds.Measure, a *index.Ask) string {
	quotable := quotableAspects(a.Aspects)
	if len(quotable) == 0 || (m.Text == "" && len(m.Details) == 0) {
		return ""
	}
	var what []string
	for _, x := range quotable {
		what = append(what, aspectLabel[x])
	}
	quoted := t.ix.Quote(m, quotable, nil, t.st.Question)
	if a.Has(index.AspectConditions) || a.Has(index.AspectWho) {
		// Conditions set kind by kind: the asker's kind's, or each kind's.
		if byKind := t.ix.KindQuote(m, a.Text, t.st.Question); len(byKind) > 0 {
			quoted = byKind
		}
	}
	if len(quoted) == 0 {
		if line := t.amountSibling(m, a); line != "" && slices.Contains(quotable, index.AspectAmount) {
			// "政府采购能便宜多少" of 联合体投标: the neighbour states it.
			return line
		}
		missing := "第" + itoa(m.Number) + "条没有提到" + strings.Join(what, "、") + "，可以咨询下列单位。"
		// "我们是药店 防疫花的钱能补吗" of a measure for 餐饮企业: what of
		// the asker's case the measure rules out or does not name comes
		// first; the missing amount alone read as if the rest held.
		j := t.ix.Judge(m, a, quotable, t.st.Question)
		j, _ = t.toldCase(m, a, j, t.toldOf(m), quotable)
		if !j.Granted() && (len(j.Excluded) > 0 || len(j.Unnamed) > 0 || len(j.Unsettled) > 0) {
			if line := t.judgment(m, &j, "下方"); line != "" {
				return line + "\n" + missing
			}
		}
		return missing
	}
	j := t.ix.Judge(m, a, quotable, t.st.Question)
	j, _ = t.toldCase(m, a, j, t.toldOf(m), quotable)
	lead := ""
	if t.unstatedOnline(m, quotable) {
		// "怎么申请，网上能办吗": the text tells how to apply, not that it
		// is done online; no yes rests on it.
		lead = "第" + itoa(m.Number) + "条没有提到网上办理，能否网上办请咨询下列单位。\n"
	} else if j.Granted() {
		lead = t.granted(m, &j, false) + "\n"
	} else if line := t.judgment(m, &j, "下方"); line != "" {
		lead = line + "\n"
	}
	if len(quoted) > 1 && (a.Has(index.AspectConditions) || a.Has(index.AspectWho)) {
		return lead + "关于" + strings.Join(what, "、") + "，本条按对象分别规定：\n" + strings.TrimSuffix(quoteLines(quoted), "\n")
	}
	return lead + "关于" + strings.Join(what, "、") + "，" + strings.TrimSuffix(quoteLines(quoted[:1]), "\n")
}

func quoteWords(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = "“" + w + "”"
	}
	return out
}

// unstatedOnline reports whether the question asks, among its aspects,
// whether it can be done online and m's text says nothing of it: a yes
// would rest on the other aspect's sentence.
func (t *turn) unstatedOnline(m *seeds.Measure, quotable []index.Aspect) bool {
	return slices.Contains(quotable, index.AspectOnline) && len(t.ix.Quote(m, []index.Aspect{index.AspectOnline}, nil, "")) == 0
}

// judgeCase judges a follow-up about measure m. One that puts the owner's
// case ("那我这种就没办法了？") is judged with the case they told before
// (State.Case), which it returns as the ask's situation; a case the
// measure's words rule out is remembered for such a follow-up.
func (t *turn) judgeCase(m *seeds.Measure, a *index.Ask, quotable []index.Aspect) (index.Judgment, *index.Ask) {
	j := t.ix.Judge(m, a, quotable, t.st.Question)
	told := t.toldOf(m)
	t.noteCase(m, a, &j)
	if t.ix.OtherCase(a.Text, told) {
		return j, a // another thing than the case told: judged on its own
	}
	if j.Case && told != "" && !strings.Contains(told, a.Text) {
		withCase := *a
		withCase.Situation = strings.Trim(told+"，"+a.Situation, "，")
		a = &withCase
		j = t.ix.Judge(m, a, quotable, t.st.Question)
	}
	return t.toldCase(m, a, j, told, quotable)
}

// toldCase keeps a verdict only if the case the owner told before about
// m (State.Case: "房东是个人，不是国有的") does not fail it: "小微企业有照顾
// 吗" asked next of the same measure is judged with that case, and a case
// the measure's words rule out or leave unsettled takes the verdict away.
func (t *turn) toldCase(m *seeds.Measure, a *index.Ask, j index.Judgment, told string, quotable []index.Aspect) (index.Judgment, *index.Ask) {
	if !j.Granted() || told == "" || strings.Contains(told, a.Text) || t.ix.OtherCase(a.Text, told) {
		return j, a
	}
	withCase := *a
	withCase.Situation = strings.Trim(told+"，"+a.Situation, "，")
	k := t.ix.Judge(m, &withCase, quotable, t.st.Question)
	if len(k.Excluded) == 0 && len(k.Unsettled) == 0 && len(k.Standing) == 0 && len(k.Named) == 0 {
		// Named: the owner's paper (营业执照) is another than those the
		// measure names; a later "网上能办吗" gets no yes for it.
		return j, a
	}
	k.Verdict = ""
	return k, &withCase
}

// toldOf is the case the owner told about m (State.Case), or "".
func (t *turn) toldOf(m *seeds.Measure) string {
	if cmp.Or(t.st.CaseOf, t.st.Measure) != m.Number {
		return ""
	}
	return t.st.Case
}

// noteCase remembers the ask as the owner's case when it has words of its
// own and the judgment found a part of them the measure's words rule out.
func (t *turn) noteCase(m *seeds.Measure, a *index.Ask, j *index.Judgment) {
	if (len(j.Excluded) > 0 || len(j.Unsettled) > 0 || len(j.Named) > 0) && len(a.Words) > 0 {
		t.st.Case, t.st.CaseOf = a.Text, m.Number
		if a.Situation != "" && !strings.Contains(a.Text, a.Situation) {
			t.st.Case = a.Situation + "，" + a.Text
		}
	}
}

// numberSentences are m's sentences that write a number q asks about
// ("是不是减3个月"), each as a whole number (3 is not the 3 of 30), in the
// guide's order; nil when q names no number or m writes none of them.
func numberSentences(m *seeds.Measure, q string) []index.Quoted {
	nums := digitRuns.FindAllString(q, -1)
	if len(nums) == 0 {
		return nil
	}
	writes := func(s string) bool {
		for _, r := range digitRuns.FindAllString(s, -1) {
			if slices.Contains(nums, r) {
				return true
			}
		}
		return false
	}
	var out []index.Quoted
	if m.Text != "" && writes(m.Text) {
		out = append(out, index.Quoted{Text: strings.TrimSuffix(m.Text, "。")})
	}
	for i, d := range m.Details {
		if writes(d) {
			out = append(out, index.Quoted{Text: strings.TrimSuffix(d, "。"), Doubtful: m.ShowsDoubt(i)})
		}
	}
	return out
}

// digitRuns are whole numbers as written (3, 0.5, 20).
var digitRuns = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)
