package dialog

import (
	"strings"
	"unicode/utf8"

	"policybot/index"
	"policybot/seeds"
)

// The verdict is the one-line answer to a yes/no question (可以 / 有),
// given only when the measure answers it for the kind of asker the
// question names: "我是个体户，自己按灵活就业交的社保，能缓交吗" gets no
// "可以。" from a measure about 以单位方式参保的个体工商户, but a plain
// statement of what the measure does not mention. The words are data
// (verdict.* and subject sections of data/phrases.txt).

// isYesNo reports whether q asks a yes/no question.
func (t *turn) isYesNo(q string) bool { return t.ph.has(q, phYesNo) }

// subjects are the kinds of askers q names, longest first, each once
// ("个体工商户" is not also "个体户").
func (t *turn) subjects(q string) []string {
	s := squeeze(q)
	var out []string
	for _, w := range t.ph.list(phSubject) {
		if strings.Contains(s, w) {
			out = append(out, w)
			s = strings.ReplaceAll(s, w, " ")
		}
	}
	return out
}

// missingSubjects are the kinds of askers q names that m's sentences do
// not mention.
func (t *turn) missingSubjects(m *seeds.Measure, q string) []string {
	text := measureWords(m)
	var out []string
	for _, w := range t.subjects(q) {
		if full, part := t.covers(text, w); !full && !part {
			out = append(out, w)
		}
	}
	return out
}

// verdictLine is "可以。" / "有。" for a yes/no question that clause
// answers, or "" when it is not such a question or the clause grants
// nothing the question asks for. The caller checks the asker's kind.
func (t *turn) verdictLine(q string, m *seeds.Measure, clause string) string {
	if !t.isYesNo(q) || clause == "" {
		return ""
	}
	switch {
	case t.ph.has(q, phWill) && t.ph.has(clause, phNot):
		return "不会。"
	case t.ph.has(q, phHas) || strings.Contains(squeeze(q), "有") && strings.HasSuffix(squeeze(q), "吗") && !t.ph.has(q, phMay):
		return "有。"
	case t.ph.has(q, phMay) && t.grants(clause):
		return "可以。"
	}
	return ""
}

// grants reports whether text grants something (给予, 减免, 支持…).
func (t *turn) grants(text string) bool {
	for _, w := range t.ph.list(phGrant) {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// verdict is the first line of an answer to a new yes/no question: the
// verdict and the clause of the measure the question's words point at; or,
// when the question names a kind of asker the measure does not, what the
// measure does not mention (and no verdict).
func (t *turn) verdict(m *seeds.Measure, r index.Result) string {
	q := r.Question
	if q == "" || m.Text == "" || r.Contact || !t.isYesNo(q) {
		return ""
	}
	if miss := t.missingSubjects(m, q); len(miss) > 0 {
		return t.notMentioned(m, miss) + "是否适用请先向下列单位确认。"
	}
	// The clause that names the asker's kind answers for it ("个体户" →
	// "…以单位方式参保的个体工商户"); otherwise the one the words point at.
	words := t.subjects(q)
	if len(words) == 0 {
		words = t.ix.Related(r.Terms)
	}
	clause := t.bestClause(m.Text, words)
	word := t.verdictLine(q, m, m.Text) // what the measure grants, the clause says to whom
	if word == "" {
		word = "有相关规定。"
	}
	if len(t.subjects(q)) == 0 && len(t.subjects(clause)) > 0 {
		// The clause is about one kind of asker (社会组织) and the asker
		// named none: quoting it alone would answer for someone else.
		return word + "适用范围见下方原文。"
	}
	return word + clipRunes(clause, 60)
}

// bestClause is the clause of text mentioning most of words, preferring
// one that grants something over a preamble ("按照…要求").
func (t *turn) bestClause(text string, words []string) string {
	best, score := "", -1
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '，' || r == '；' || r == '。' }) {
		s := 0
		for _, w := range words {
			if full, part := t.covers(c, w); full || part {
				s += utf8.RuneCountInString(w)
			}
		}
		if s > 0 && t.grants(c) {
			s += 2
		}
		for _, p := range t.ph.list(phPreamble) {
			if strings.HasPrefix(c, p) {
				s -= 2
				break
			}
		}
		for _, p := range t.ph.list(phDepend) {
			if strings.HasSuffix(c, p) {
				s -= 2
				break
			}
		}
		if s > score {
			best, score = c, s
		}
	}
	return best + "。"
}
