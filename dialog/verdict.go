package dialog

import (
	"strings"
	"time"
	"unicode"

	"policybot/index"
	"policybot/seeds"
)

// The verdict is the one-line answer to a yes/no question (可以 / 有),
// given only when the index judges that the measure grants what was asked
// to the asker's case (index.Index.Judge): not for an owner describing
// their own case, not for a kind or thing the measure does not name, not
// for a measure that only encourages, not from a sentence whose place is
// in doubt, and never bare for a period that has ended. Otherwise the line
// says what the measure's words decide, and whom to ask.

// verdict is the first line of an answer to a new yes/no question or a
// case ("我们是…能享受吗"), or "" for any other question.
func (t *turn) verdict(m *seeds.Measure, a *index.Ask) string {
	if a.Question == "" || !m.HasText() || a.Contact {
		return ""
	}
	if line := t.payeeLine(m, a.Text); line != "" {
		// "培训机构停课有补贴吗" answered with a measure paying the staff
		// it hires: whom it pays, not a hedge on the word 机构.
		return line
	}
	j := t.ix.Judge(m, a, nil, t.st.Question)
	told := t.toldOf(m)
	t.noteCase(m, a, &j)
	j, _ = t.toldCase(m, a, j, told, nil)
	if !j.YesNo && !j.Case && len(j.Excluded) == 0 && j.Party == "" {
		// "人家说修坏了要我赔…我该咋办" answered with a measure for
		// 无分歧欠款: what its words rule out of the story, or a debtor
		// they do not name, is said whatever the question's form;
		// otherwise only a yes/no or a case gets a line.
		return ""
	}
	if j.Granted() {
		return t.granted(m, &j, true)
	}
	return t.judgment(m, &j, "下方")
}

// granted is the verdict line of a granted judgment: the verdict and the
// clause it rests on; when the measure's period has ended, that the
// verdict held within it, and that it has ended.
func (t *turn) granted(m *seeds.Measure, j *index.Judgment, withRule bool) string {
	rule := "：" + seeds.Clip(j.Rule, 60)
	if j.ForOthers || !withRule {
		rule = "（适用范围见原文），"
	}
	if end, over := t.ruleEnded(m, j.Rule); over {
		when := "指南所述期限内"
		switch {
		case j.ForOthers:
			// "对餐饮、零售等5个特困行业…；…生产经营困难的…企业": only for
			// the askers the text lists, under its conditions; one clause
			// quoted alone would name one kind of them as the answer.
			when, rule = when+"、属于原文所列对象且符合其条件时", "（见下方原文），"
		case j.Conditional:
			// "对受疫情影响未能及时缴费的…": within the period and only
			// under the condition the rule states, quoted.
			when, rule = when+"、符合原文所列条件时", "：“"+strings.TrimSuffix(seeds.Clip(j.Rule, 80), "。")+"”，"
		}
		return when + strings.TrimSuffix(j.Verdict, "。") + rule + "但期限已于" + cnDate(end) + "结束，现在能否办理请先电话确认。"
	}
	then := ""
	if years := age(t.published(), t.today()); years >= 1 && t.ix.Epidemic(m) {
		// "疫情期间…到期的，…自动顺延" asked years later: it held in the
		// epidemic, which the text names as its time, not now.
		then = "本条是疫情期间的措施，指南发布已" + itoa(years) + "年多，现在是否仍适用请先电话确认：" + t.callLine(m) + "。"
	}
	switch {
	case j.Conditional && !j.ForOthers:
		// "可以" only under the condition the text states: say so, before
		// any line on the epidemic's time.
		return "符合原文所列条件时" + strings.TrimSuffix(j.Verdict, "。") + "：“" + seeds.Clip(j.Rule, 80) + "”" + then
	case j.ForOthers:
		// The sentence names whom it is for and the asker said nothing of
		// being one: a yes only for them.
		when := ""
		if then != "" {
			when = "疫情期间"
		}
		return "原文只针对所列对象（见下方原文），属于所列对象时" + when + strings.TrimSuffix(j.Verdict, "。") + "。" + then
	case then != "":
		return "指南所述疫情期间" + strings.TrimSuffix(j.Verdict, "。") + rule + then
	}
	if !withRule {
		return j.Verdict
	}
	return j.Verdict + "原文：“" + seeds.Clip(j.Rule, 60) + "”" // not "可以。：…"
}

// judgment says what the measure's words decide about a question they do
// not answer yes to: what of the asker's case they rule out or do not
// name, or that the measure only encourages. where says where the quoted
// text stands ("下方", "以上"); the contacts follow it.
func (t *turn) judgment(m *seeds.Measure, j *index.Judgment, where string) string {
	n := "第" + itoa(m.Number) + "条"
	whom := "下列单位"
	rule := ""
	if where == "下方" && j.Rule != "" && !j.ForOthers {
		// A new question: the clause that decides, before the text.
		rule = "原文：“" + seeds.Clip(j.Rule, 60) + "”"
	}
	switch {
	case len(j.Excluded) > 0 && where == "下方":
		x := j.Excluded[0]
		return "按" + n + "原文“" + x.Rule + "”，“" + x.Asked + "”的情况不在本条范围内；如有疑问可咨询" + whom + "。"
	case len(j.Excluded) > 0:
		// The clause is quoted above: its deciding words are enough.
		x := j.Excluded[0]
		return n + "原文写的是“" + x.Key + "”，“" + x.Asked + "”的情况不在本条范围内；如有疑问可咨询" + whom + "。"
	case len(j.Unsettled) > 0 && where == "下方":
		// "房东是开发商" to a measure for 国有房屋: what the measure is
		// for, and that the text does not say which side the asker is on.
		x := j.Unsettled[0]
		return "按" + n + "原文“" + x.Rule + "”，本条针对的是“" + x.Key + "”；“" + x.Asked + "”是否属于，原文没有写明，请向" + whom + "确认。"
	case len(j.Unsettled) > 0:
		x := j.Unsettled[0]
		return n + "原文写的是“" + x.Key + "”，“" + x.Asked + "”是否属于，原文没有写明，请向" + whom + "确认。"
	case j.Party != "":
		// "好多货车司机欠我修车钱" to a measure clearing arrears whose
		// words name no such debtor.
		return n + "没有提到“" + j.Party + "”这样的欠款方，是否适用请向" + whom + "确认。"
	case len(j.Standing) > 0 && j.Standing[0].Key != "":
		// "不是北京户口能享受吗": the measure's condition of place, and
		// that it says nothing of the asker's register.
		x := j.Standing[0]
		return n + "原文的条件是“" + x.Key + "”，没有提到“" + x.Asked + "”；您的情况是否符合，原文没有写明，请向" + whom + "确认。"
	case len(j.Standing) > 0:
		return n + "没有提到“" + j.Standing[0].Asked + "”，是否以此为条件，原文没有写明，请向" + whom + "确认。"
	case j.Capped != "" && where == "下方":
		// "能拿到30%吗" of "给予不超过总投资30%的分档支持": a maximum, not
		// the amount granted.
		return "按" + n + "原文“" + strings.TrimSuffix(seeds.Clip(j.Rule, 80), "。") + "”，“" + j.Capped + "”是上限，原文没有说一定能拿到这个数额；能拿多少以原文所列条件和主管部门的认定为准，可咨询" + whom + "。"
	case j.Capped != "":
		return n + "原文写的是“" + j.Capped + "”，这是上限，原文没有说一定能拿到这个数额；能拿多少以原文所列条件和主管部门的认定为准，可咨询" + whom + "。"
	case len(j.Doubted) > 0:
		return n + "只在一句归属存疑的原文中提到" + strings.Join(quoteWords(j.Doubted), "、") + "，是否适用请向" + whom + "确认。"
	case j.Need && len(j.Named) > 0 && len(j.Unnamed) > 0:
		// "要不要办娱乐场所经营许可证" to a measure extending other
		// licences: it does not say whether any must be had.
		return n + "只写到" + strings.Join(j.Named, "、") + "，没有提到“" + j.Unnamed[0] + "”，也没有规定是否需要办理；是否需要办理请咨询" + whom + t.orHotline() + "。"
	case j.Need && len(j.Named) > 0 && len(j.Unnamed) == 0:
		// "我们这行要不要办什么许可证": what the measure covers, and that
		// it does not say which trade needs one.
		return n + "只规定了" + strings.Join(j.Named, "、") + "的有关事项，没有规定哪些行业需要办理；是否需要办理请咨询" + whom + t.orHotline() + "。"
	case len(j.Named) > 0 && len(j.Unnamed) > 0:
		// "卫生许可证" to a measure for other licences: which it names, and
		// no invitation to match the asker's to them.
		return n + "只写到" + strings.Join(j.Named, "、") + "，没有提到“" + j.Unnamed[0] + "”，对它没有规定；如有疑问可咨询" + whom + "。"
	case len(j.Named) > 0 && len(j.Doubted) == 0 && len(j.Unnamed) == 0:
		// "许可证到期能顺延吗": a rule per kind, and the asker's unknown.
		return n + "按种类分别规定（" + strings.Join(j.Named, "、") + "），请对照原文看您的属于哪一种；如有疑问可咨询" + whom + "。"
	case len(j.Unnamed) > 0:
		return n + "没有提到" + strings.Join(quoteWords(j.Unnamed), "、") + "，是否适用请向" + whom + "确认。"
	case j.Encouraged:
		return n + "是鼓励、支持性的措施，指南并未直接规定。" + rule + "具体能否享受，以相关部门和机构的规定为准，可咨询" + whom + "。"
	case j.Case:
		return rule + "您的情况是否符合" + n + "的条件（见" + where + "原文），以受理部门的认定为准，可咨询" + whom + "。"
	}
	return ""
}

// ruleEnded is ended for the period a verdict's rule falls under: a
// period binds its own sentence and those that point back at it (缓缴期间
// of 缓缴期限为…), not another sentence of the measure (可按实际支付房租提取
// 住房公积金 has no limit).
func (t *turn) ruleEnded(m *seeds.Measure, rule string) (time.Time, bool) {
	end, over := t.ended(m)
	if !over || rule == "" {
		return end, over
	}
	first, _, _ := strings.Cut(strings.TrimSuffix(rule, "。"), "，")
	for _, s := range strings.Split(strings.Join(append([]string{m.Text}, m.Details...), "。"), "。") {
		if first == "" || !strings.Contains(s, first) {
			continue
		}
		p := t.period(m)
		own := findPeriod([]string{s}, t.published())
		return end, !own.end.IsZero() || sharesHanPair(s, p.phrase)
	}
	return end, over
}

// sharesHanPair reports whether a and b have two Han characters in a row
// in common ("缓缴期间" and "缓缴期限为2022年4月至12月").
func sharesHanPair(a, b string) bool {
	r := []rune(b)
	for i := 0; i+1 < len(r); i++ {
		if unicode.Is(unicode.Han, r[i]) && unicode.Is(unicode.Han, r[i+1]) && strings.Contains(a, string(r[i:i+2])) {
			return true
		}
	}
	return false
}
