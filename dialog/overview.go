package dialog

import (
	"strings"

	"policybot/index"
	"policybot/seeds"
)

// overviewReply answers a broad ask by kind of business ("开理发店的 有啥扶
// 持") as a clerk would: the measures written for that kind, most direct
// first, each one tap from its text and contact. The list is a choice:
// "2" or a button picks one, 还有吗 offers nothing beyond it.
func (t *turn) overviewReply(text string, o *index.Overview) Reply {
	t.st.Question = text
	t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Choosing, 0, "", o.Measures
	t.logQuestion(text, seeds.KindChoice, o.Measures[0])
	lead := "适合您这类（" + strings.Join(o.Kinds, "、") + "）的措施主要有以下几条，各条的适用条件不同，点选可看原文和联系电话："
	if len(o.Measures) == 1 {
		lead = "指南里写明适用于您这类（" + strings.Join(o.Kinds, "、") + "）的措施有这一条，适用条件请点开核对："
	}
	r := t.choiceReply(lead, o.Measures, false)
	if out := ruledOutLines(o.RuledOut); out != "" {
		r.Text += "\n" + out
	}
	return r
}

// ruledOutLines say, for each measure an overview left out, the words of
// its text that exclude what the asker told ("第4条写的是“国有”，“私人”的
// 情况不在其范围内"): the owner who asked broadly learns why the measure
// everyone hears of is not listed.
func ruledOutLines(out []index.RuledOut) string {
	var lines []string
	for _, x := range out {
		lines = append(lines, "（第"+itoa(x.Measure)+"条原文写的是“"+x.Key+"”，“"+x.Asked+"”的情况不在其范围内，未列出。）")
	}
	return strings.Join(lines, "\n")
}

// moreForAsker answers a bare "还有别的吗" with nothing else ranked: the
// other measures for the asker's kind (index.MoreFor), a choice as an
// overview is.
func (t *turn) moreForAsker(o *index.Overview) Reply {
	// The measure discussed stays the topic: "培训机构还有别的政策吗" next
	// asks past it and past this list.
	t.st.Mode, t.st.Candidates = Choosing, o.Measures
	r := t.choiceReply("除了已经谈过的，适合您这类（"+strings.Join(o.Kinds, "、")+"）的措施还有：", o.Measures, false)
	if out := ruledOutLines(o.RuledOut); out != "" {
		r.Text += "\n" + out
	}
	return r
}
