package dialog

import (
	"fmt"
	"strconv"
	"strings"

	"policybot/index"
	"policybot/seeds"
)

// understood renders the results the words of a question settle (a
// request for a person, a message without Chinese, a measure number) and
// the two kinds of not answering: a suggestion and a decline. It reports
// false for an answer the rest of the dialog renders.
func (t *turn) understood(a *index.Ask) ([]Reply, bool) {
	r := &a.Result
	switch {
	case r.Human:
		t.st.Mode, t.st.Unit, t.st.Candidates = Fallback, "", nil
		return []Reply{{Kind: seeds.KindNone, Text: t.noHuman()}}, true
	case r.NotChinese:
		return []Reply{t.notChinese(r)}, true
	case r.Asked > 0 && r.Kind == seeds.KindNone:
		return []Reply{t.askedLost(r.Asked)}, true
	case a.AnyContact:
		// Whom to call about nothing named: the hotline, not a refusal.
		return []Reply{t.anyContact()}, true
	case r.Kind == seeds.KindSuggest && !t.saysAny(a):
		// "小规模纳税人增值税免不免" offered the rent measure for the 纳税
		// of "在京纳税": no measure says a word of the question.
		t.st.Mode, t.st.Unit, t.st.Candidates = Fallback, "", nil
		return []Reply{t.decline(false, a)}, true
	case r.Kind == seeds.KindSuggest:
		var nums []int
		for _, h := range r.Measures {
			nums = append(nums, h.Number)
		}
		if t.ix.SaysOwn(t.g.Measure(nums[0]), a.Words) {
			// "房东是个人，房租能减吗": when the closest measure is about
			// the ask's subject and its words rule the owner's case out,
			// that is the answer.
			if reply, ok := t.excludedChoice(a, nums); ok {
				return []Reply{reply}, true
			}
		}
		t.st.Mode, t.st.Unit, t.st.Candidates = Choosing, "", nums
		lead := "指南里没有直接对应的内容，最接近的是："
		switch {
		case r.Missing != "":
			// A near miss: the measure lacks what was asked ("停业补偿");
			// it is offered as related, never as the answer.
			lead = "指南里没有关于“" + r.Missing + "”的内容；相近的是："
		case len(nums) == 1:
			// One measure the ranking is sure of, whose words differ from
			// the question's: offered, not played down.
			lead = "您问的可能是这一条（指南没有逐字写到您说的情况，请看原文核对）："
		}
		// A suggestion keeps the topic ("那找谁" is still about it) unless
		// the closest measure has sentences with the question's own words:
		// the owner named a new subject, and follow-ups are about it.
		quoted := t.suggestedQuote(a, nums[0])
		if len(quoted) > 0 {
			t.st.Measure = nums[0]
		}
		if q := t.aspectQuote(a, nums[0]); len(q) > 0 && len(quoted) > 0 {
			quoted = q
		}
		if len(quoted) > 0 {
			lead += "\n" + "第" + itoa(nums[0]) + "条" + strings.TrimSuffix(quoteLines(quoted[:1]), "\n")
		}
		reply := t.choiceReply(lead, nums, false)
		reply.Kind = seeds.KindSuggest
		if m := t.g.Measure(nums[0]); m != nil && m.HasContact() {
			// The closest measure's phone one tap away.
			reply.Buttons = append(reply.Buttons, []Button{t.button(fmt.Sprintf("☎ 第%d条的联系方式", m.Number), actContact, strconv.Itoa(m.Number))})
		}
		return []Reply{reply}, true
	case r.Kind == seeds.KindNone:
		near := (*seeds.Measure)(nil)
		if r.Missing != "" && len(r.Measures) > 0 {
			near = t.g.Measure(r.Measures[0].Number)
		}
		if near != nil && t.ix.SaysOwn(near, a.Words) {
			// "2023年的住房公积金还能缓缴吗": the measure about the ask's
			// subject rules the year out in its own words ("2022年4月
			// 至12月"): that ruling is the refusal, as for a suggestion.
			if reply, ok := t.excludedChoice(a, []int{near.Number}); ok {
				return []Reply{reply}, true
			}
		}
		// A refusal keeps the topic: "那找谁" is still about it.
		again := t.st.Mode == Fallback
		t.st.Mode, t.st.Unit, t.st.Candidates = Fallback, "", nil
		if near != nil {
			// "2023年还能再减吗": a refusal that names the measure of
			// the guide's own period.
			if len(r.MissingBeside) > 0 {
				return []Reply{t.declineBeside(again, r.Missing, r.MissingBeside, near, a)}, true
			}
			return []Reply{t.declineNear(again, r.Missing, near, a)}, true
		}
		if r.Absent != "" {
			// "有没有设施农业补贴": what the ask is about, named.
			return []Reply{t.declineWhat(again, r.Absent, a)}, true
		}
		return []Reply{t.decline(again, a)}, true
	}
	return nil, false
}

// suggestedQuote is the sentence of suggested measure n that has the
// ask's own words, or nil.
func (t *turn) suggestedQuote(a *index.Ask, n int) []index.Quoted {
	m := t.g.Measure(n)
	if t.ix.SaysSubject(m, a) {
		// "会上征信吗": the sentence on credit, whatever else it says.
		var subject []index.Aspect
		for _, x := range a.Aspects {
			if x.Subject() {
				subject = append(subject, x)
			}
		}
		return t.ix.Quote(m, subject, nil, "")
	}
	if m == nil {
		return nil
	}
	if len(a.Words) == 0 {
		return nil
	}
	return t.ix.Quote(m, nil, a.Words, "")
}

// aspectQuote is the sentence of suggested measure n that answers the
// side the ask asks ("这个延期还款要啥材料网上能办不": 简化申请手续、支持
// 网上办理), or nil: shown rather than one that only shares its words.
func (t *turn) aspectQuote(a *index.Ask, n int) []index.Quoted {
	m := t.g.Measure(n)
	aspects := quotableAspects(a.Aspects)
	if m == nil || len(aspects) == 0 {
		return nil
	}
	return t.ix.Quote(m, aspects, nil, "")
}

// notChinese asks for the question in Chinese, in Chinese and English, and
// offers the best match if the search found one.
func (t *turn) notChinese(r *index.Result) Reply {
	lead := "请用中文提问。\nPlease ask in Chinese."
	if ex := t.examples(); len(ex) > 0 {
		lead = "请用中文提问，例如：" + ex[0] + "\nPlease ask in Chinese, e.g. " + ex[0]
	}
	if len(r.Measures) == 0 {
		return Reply{Kind: seeds.KindNone, Text: lead}
	}
	nums := []int{r.Measures[0].Number}
	t.st.Mode, t.st.Unit, t.st.Candidates = Choosing, "", nums
	reply := t.choiceReply(lead+"\n\n可能相关的措施 (possibly related):", nums, false)
	reply.Kind = seeds.KindNone
	return reply
}

// askedLost answers a question naming a measure number whose text the
// guide lost, or that the guide does not have, or that is a provision on
// the document (seeds.Measure.Frame): it says so, with the measure's
// contacts if the guide kept them, or the provision's text.
func (t *turn) askedLost(n int) Reply {
	m := t.g.Measure(n)
	if m == nil {
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Fallback, 0, "", nil
		return Reply{Kind: seeds.KindNone, Text: fmt.Sprintf("指南中没有第%d条（措施编号为1至%d）。可用 /list 浏览全部措施。", n, t.g.MaxNumber())}
	}
	if m.Frame && m.HasText() {
		// A provision on the document itself (its scope, who interprets
		// it): quoted as asked, but as no measure with a unit to call.
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Fallback, 0, "", nil
		return Reply{Kind: seeds.KindNone, Text: fmt.Sprintf("第%d条是《%s》关于文件本身的条款（如目的、适用范围、解释或施行时间），不是具体的扶持措施。原文：\n%s", n, t.guideName(), m.Text)}
	}
	t.setAnswered(m.Number, "", nil)
	text := fmt.Sprintf("第%d条的正文在指南中缺失。\n", n) + t.contactLines(m)
	reply := Reply{Kind: seeds.KindMeasure, Measures: []int{n}, Text: strings.TrimSpace(text), Contacts: cards(m.Contacts)}
	if m.HasContact() {
		reply.Buttons = [][]Button{{t.button("☎ 联系方式", actContact, strconv.Itoa(n))}}
	}
	return reply
}

// anyContact answers whom to call about nothing named ("有问题打什么电
// 话"): each measure's own contact is one question away, and the hotline
// the guide names takes the rest. No measure's phone: nothing says which.
func (t *turn) anyContact() Reply {
	return Reply{Kind: seeds.KindNone, Text: "指南里每条措施各有牵头单位和联系电话，问“某某事找谁”就能查到对应的联系人。不确定找哪个部门时，" + t.hotline()}
}

// noHuman answers a request for a person, in small talk or in a question:
// the bot cannot hand over, the guide's hotline can help.
func (t *turn) noHuman() string {
	return "我是自动问答助手，不能转接人工。需要人工服务的话，" + t.hotline() + "\n也可以在这里直接提问，我会给出指南原文和对应单位的联系电话。"
}

// searchFailed is the answer when the search itself failed: an error, not
// a claim that the guide has nothing.
func (t *turn) searchFailed(err error) Reply {
	t.err = err
	return Reply{Kind: seeds.KindError, Text: "系统暂时出错，请稍后再试。"}
}

// saysAny reports whether a suggestion's measures say one of the ask's
// own words outright. An ask of one word or none is not judged: the
// ranking may link it by meaning (线下 to the measure on 线上审批).
func (t *turn) saysAny(a *index.Ask) bool {
	if len(a.Words) < 2 {
		return true
	}
	for _, h := range a.Measures {
		if m := t.g.Measure(h.Number); t.ix.Says(m, a.Words) || t.ix.SaysSubject(m, a) {
			return true
		}
	}
	return false
}
