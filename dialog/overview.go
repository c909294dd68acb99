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
	return t.choiceReply(lead, o.Measures, false)
}

// moreForAsker answers a bare "还有别的吗" with nothing else ranked: the
// other measures for the asker's kind (index.MoreFor), a choice as an
// overview is.
func (t *turn) moreForAsker(o *index.Overview) Reply {
	// The measure discussed stays the topic: "培训机构还有别的政策吗" next
	// asks past it and past this list.
	t.st.Mode, t.st.Candidates = Choosing, o.Measures
	return t.choiceReply("除了已经谈过的，适合您这类（"+strings.Join(o.Kinds, "、")+"）的措施还有：", o.Measures, false)
}
