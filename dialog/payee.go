package dialog

import (
	"policybot/index"
	"policybot/seeds"
)

// Whom a measure's money goes to (index.Index.Paid): an asker who wants
// it for the business ("培训机构停课有补贴吗") hears when a measure pays
// only the staff it names, and one who wants it for themselves or their
// staff when it pays only the employer; a correction of the recipient
// ("这个是给老师个人的吧？我是问给机构的") asks the question again for the
// recipient meant.

// payeeLine is the first line of an answer with measure m to text when
// text wants the money for another payee than m pays; "" otherwise.
func (t *turn) payeeLine(m *seeds.Measure, text string) string {
	paid, word := t.ix.Paid(m)
	asked, askedWord, _ := t.ix.AskedPayee(text)
	if paid == index.PayeeUnknown || asked == index.PayeeUnknown || paid == asked {
		return ""
	}
	return "第" + itoa(m.Number) + "条的钱给的是“" + word + "”，不是给“" + askerWord(askedWord) + "”的；如有疑问可咨询下列单位。"
}

// askerWord is how a reply names the payee the asker said: 我自己 is the
// asker's, "个人" to the bot.
func askerWord(w string) string {
	if w == "我自己" {
		return "个人"
	}
	return w
}

// payeeCorrection answers a correction of the recipient while measure m
// is discussed ("我是问给机构的" after a measure paying staff): the
// question before asked again for that recipient, answered with the
// measure that pays it, or that the guide pays only the other one. ok is
// false when text corrects no recipient or m pays the one it names.
func (t *turn) payeeCorrection(text string) (Reply, bool) {
	m := t.current()
	if m == nil || t.st.Question == "" {
		return Reply{}, false
	}
	asked, askedWord, corrected := t.ix.AskedPayee(text)
	paid, word := t.ix.Paid(m)
	if !corrected || asked == index.PayeeUnknown || paid == index.PayeeUnknown || paid == asked {
		return Reply{}, false
	}
	askedWord = askerWord(askedWord)
	lead := "第" + itoa(m.Number) + "条的钱给的是“" + word + "”，不是给“" + askedWord + "”的。"
	n, err := t.ix.PaysInstead(t.st.Question, m.Number, asked)
	if err != nil {
		return t.searchFailed(err), true
	}
	if o := t.g.Measure(n); o != nil {
		t.setAnswered(o.Number, "", nil)
		r := t.measureReply(o, nil)
		r.Text = lead + "给“" + askedWord + "”的是下面这条：\n\n" + r.Text
		return r, true
	}
	return t.hint(lead + "指南里没有写给“" + askedWord + "”的这类钱；" + t.measureTitle(m) + "的事项可以接着问，其他问题" + t.hotline()), true
}
