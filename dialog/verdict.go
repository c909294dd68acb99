package dialog

import (
	"policybot/index"
	"policybot/seeds"
)

// The verdict is the one-line answer to a yes/no question (可以 / 有),
// given only when the measure answers it for the kind of asker the
// question names: "我是个体户，自己按灵活就业交的社保，能缓交吗" gets no
// "可以。" from a measure about 以单位方式参保的个体工商户, but a plain
// statement of what the measure does not mention. The words are data
// (verdict.* and subject sections of the index's cues.txt).

// verdict is the first line of an answer to a new yes/no question: the
// verdict and the clause of the measure the question's words point at; or,
// when the question names a kind of asker the measure does not, what the
// measure does not mention (and no verdict).
func (t *turn) verdict(m *seeds.Measure, a *index.Ask) string {
	q := a.Question
	if q == "" || m.Text == "" || a.Contact || !t.ix.YesNo(q) {
		return ""
	}
	if miss := t.ix.MissingSubjects(m, q); len(miss) > 0 {
		return t.notMentioned(m, miss) + "是否适用请先向下列单位确认。"
	}
	clause, forOthers := t.ix.Clause(m, q, a.Terms)
	word := t.ix.Verdict(q, m.Text) // what the measure grants, the clause says to whom
	if word == "" {
		word = "有相关规定。"
	}
	if forOthers {
		// The clause is about one kind of asker (社会组织) and the asker
		// named none: quoting it alone would answer for someone else.
		return word + "适用范围见下方原文。"
	}
	return word + seeds.Clip(clause, 60)
}
