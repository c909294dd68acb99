package index

import (
	"slices"
	"strings"

	"policybot/seeds"
)

// Who gets the money. A measure may pay a business (用人单位招用…毕业生，
// …给予社会保险补贴: the employer) or people (临时招用…停工行业从业人员，…
// 并给予适当补贴: the staff hired, not the firm that idled them). An asker
// who wants the money for the business ("培训机构停课有补贴吗", "我是问给
// 机构的") is told when the measure pays only people, and one who wants it
// for themselves or their staff when it pays only the business.

// Payee is who a measure's money goes to, or whom an asker wants it for.
type Payee int

const (
	// PayeeUnknown: the text does not say, or says both.
	PayeeUnknown Payee = iota
	// PayeeBody: the business, institution or employer itself.
	PayeeBody
	// PayeePerson: people (staff, graduates, workers), not their employer.
	PayeePerson
)

// payeeLines are the payee section's lines: the guide's words for a body
// and for people, each with the words an asker uses.
func (ix *Index) payeeLines() (body, person kind) {
	for _, k := range ix.kindLines(cuePayee) {
		switch {
		case len(k.guide) > 0 && k.guide[0] == payeeBodyMark:
			body = kind{k.guide[1:], k.asker}
		case len(k.guide) > 0 && k.guide[0] == payeePersonMark:
			person = kind{k.guide[1:], k.asker}
		}
	}
	return body, person
}

// The first guide word of a payee line says which payee it is.
const (
	payeeBodyMark   = "单位方"
	payeePersonMark = "个人方"
)

// Paid is who measure m's money goes to and the guide's word naming them:
// a body when a sentence that pays (head.money: 补贴, 奖励) names one,
// people when the paying sentences name only people.
func (ix *Index) Paid(m *seeds.Measure) (Payee, string) {
	if m == nil || !m.HasText() {
		return PayeeUnknown, ""
	}
	body, person := ix.payeeLines()
	money := ix.cues.list(cueHeadMoney)
	who, word := PayeeUnknown, ""
	for _, s := range strings.FieldsFunc(measureWords(m), func(r rune) bool { return r == '。' || r == '；' }) {
		if !containsAny(s, money) {
			continue
		}
		if w := firstAffirmed(s, body.guide); w != "" {
			return PayeeBody, w
		}
		if w := longestIn(s, person.guide); w != "" && who == PayeeUnknown {
			who, word = PayeePerson, w
		}
	}
	return who, word
}

// AskedPayee is whom text wants the money for: what follows a correction's
// "我是问"/"我说的是" when it has one ("这个是给老师个人的吧？我是问给机构
// 的"), else the whole text; PayeeUnknown unless it names a body or people
// but not both. word is the asker's word; corrected, whether the text
// says what it asks in a correction.
func (ix *Index) AskedPayee(text string) (who Payee, word string, corrected bool) {
	s := squeeze(text)
	if !containsAny(s, ix.cues.list(cueHeadMoney)) && !strings.Contains(s, "给") {
		return PayeeUnknown, "", false
	}
	for _, ph := range ix.cues.list(cueCorrectionThen) {
		if len([]rune(ph)) < 3 {
			continue // 我说, 是: too common to mark a correction
		}
		i := strings.LastIndex(s, ph)
		if i < 0 {
			continue
		}
		if rest := s[i+len(ph):]; prospective(ph) && !strings.HasPrefix(rest, "的") {
			// "我想问下有没有给餐饮的补贴" opens a question; "我想问
			// 的是给机构的" looks back at one asked (trial 49 p2).
			continue
		}
		s, corrected = s[i+len(ph):], true
		break
	}
	body, person := ix.payeeLines()
	b, p := longestIn(s, body.asker), ""
	for _, w := range person.asker {
		// People an employer's ask names are whom it hired ("招了几个应届
		// 毕业生 有补贴吗"), not whom it wants the money for: only people
		// the money is to go to (给老师, 给员工) or the asker in person
		// (我自己, 我个人) are the payee asked.
		if len(w) > len(p) && (strings.Contains(s, "给"+w) || ownPayee(w) && strings.Contains(s, w)) {
			p = w
		}
	}
	if b == "" && p == "" {
		// "有没有给餐饮的补贴": money for a trade is money for the
		// businesses of it.
		b = ix.tradePaid(s)
	}
	switch {
	case b != "" && p == "":
		// "我问的是给我们老板的": an owner word written with 给 in the
		// payee line (给老板) is the body only where the money goes to
		// it; "老板说要给员工发补贴" is the employer telling.
		return PayeeBody, strings.TrimPrefix(b, "给"), corrected
	case p != "" && b == "":
		return PayeePerson, p, corrected
	}
	return PayeeUnknown, "", corrected
}

// prospective reports whether correction phrase ph says what the asker
// wants to ask (我想问, 我要问), which opens a new question unless 的是
// follows (我想问的是…), rather than what they asked (我是问, 我说的是).
func prospective(ph string) bool {
	return strings.HasSuffix(ph, "想问") || strings.HasSuffix(ph, "要问")
}

// maxPaidTradeRunes bounds what may stand between 给 and 的 for
// tradePaid to read it as a trade.
const maxPaidTradeRunes = 6

// tradePaid is the trade squeezed text s wants money given to ("给餐饮的
// 补贴": 餐饮), or "": what stands between a 给 and the next 的 names a
// trade of the [trade] lines.
func (ix *Index) tradePaid(s string) string {
	for rest := s; ; {
		_, after, ok := strings.Cut(rest, "给")
		if !ok {
			return ""
		}
		if seg, _, ok := strings.Cut(after, "的"); ok && seg != "" && len([]rune(seg)) <= maxPaidTradeRunes && ix.namesTrade(seg) {
			return seg
		}
		rest = after
	}
}

// ownPayee reports whether an asker's word for people names the asker
// in person (我自己, 我个人), the payee wherever it stands; 个人 alone may
// be someone else ("房东是个人").
func ownPayee(w string) bool { return w == "我自己" || w == "我个人" }

// longestIn is the longest of words s contains, or "".
func longestIn(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.Contains(s, w) {
			best = w
		}
	}
	return best
}

// PaysInstead is the measure the search ranks for question, other than
// not, that pays want and says a word of the question besides the money
// and payee words (补贴, 机构: every measure paying a body says those),
// or 0: "我是问给机构的" after 第76条 (which pays staff) asks the question
// again for the body.
func (ix *Index) PaysInstead(question string, not int, want Payee) (int, error) {
	rd, err := ix.Read(question, Context{})
	if err != nil || len(rd.Asks) == 0 {
		return 0, err
	}
	a := rd.Asks[0]
	body, person := ix.payeeLines()
	skip := slices.Concat(ix.cues.list(cueHeadMoney), ix.cues.list(cueHeadGeneric), body.guide, body.asker, person.guide, person.asker)
	for _, h := range a.Measures {
		m := ix.guide.Measure(h.Number)
		if m == nil || h.Number == not {
			continue
		}
		if p, _ := ix.Paid(m); p != want {
			continue
		}
		for _, w := range a.Words {
			if !slices.Contains(skip, w) && ix.mentionsAny(measureWords(m), w) {
				return h.Number, nil
			}
		}
	}
	return 0, nil
}

// preferPayee puts first, for an ask of money for the business itself
// ("有没有给餐饮的补贴"), the best ranked measure that pays a business and
// says every word of the ask, when the best pays only people (临时招用…
// 从业人员…给予适当补贴 names the trade as where the staff come from).
func (ix *Index) preferPayee(a *Ask) {
	if len(a.Measures) < 2 || a.Kind != seeds.KindMeasure && a.Kind != seeds.KindSuggest && a.Kind != seeds.KindChoice {
		return
	}
	if asked, _, _ := ix.AskedPayee(a.Text); asked != PayeeBody {
		return
	}
	if paid, _ := ix.Paid(ix.guide.Measure(a.Measures[0].Number)); paid != PayeePerson {
		return
	}
	for i, h := range a.Measures[1:] {
		m := ix.guide.Measure(h.Number)
		if paid, _ := ix.Paid(m); paid == PayeeBody && len(a.Words) > 0 && ix.sentenceCoverage(m, a.Words) >= 1-1e-9 {
			a.Measures = append([]Hit{h}, slices.Delete(slices.Clone(a.Measures), i+1, i+2)...)
			return
		}
	}
}
