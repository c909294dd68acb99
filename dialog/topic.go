package dialog

import (
	"slices"
	"strings"
)

// Topic memory: the measures a chat talked about lately, for "上一个"
// (which of them a message refers to is the index's reading, see
// index.Context.Recent).

// maxTopics is how many recent measures a chat remembers for "上一个".
const maxTopics = 5

// maxDiscussed bounds State.Discussed; a guide has some tens of measures.
const maxDiscussed = 100

// remember records measure n as the latest topic.
// maxOffered is how many offered measures a chat keeps: a choice and what
// else there is after it.
const maxOffered = 10

// offer notes the measures a list shows to pick from.
func (t *turn) offer(nums []int) {
	os := slices.DeleteFunc(slices.Clone(t.st.Offered), func(x int) bool { return slices.Contains(nums, x) })
	os = append(os, nums...)
	if len(os) > maxOffered {
		os = os[len(os)-maxOffered:]
	}
	t.st.Offered = os
}

// seen are the measures "还有别的吗" lists past: those discussed lately,
// the one in talk, those offered lately, and more.
func (t *turn) seen(more ...int) []int {
	return slices.Concat(t.st.Discussed, t.st.Topics, []int{t.st.Measure}, t.st.Offered, more)
}

func (t *turn) remember(n int) {
	if n == 0 {
		return
	}
	ts := slices.DeleteFunc(slices.Clone(t.st.Topics), func(x int) bool { return x == n })
	ts = append(ts, n)
	if len(ts) > maxTopics {
		ts = ts[len(ts)-maxTopics:]
	}
	t.st.Topics = ts
	t.discussed(n)
}

// discussed adds n to State.Discussed, the measures "还有别的吗" lists
// past. An aspect answered of the measure a suggestion left in talk
// ("房租能减几个月" after 第4条 was offered) discusses it, though it is no
// new topic.
func (t *turn) discussed(n int) {
	ds := slices.DeleteFunc(slices.Clone(t.st.Discussed), func(x int) bool { return x == n })
	ds = append(ds, n)
	if len(ds) > maxDiscussed {
		ds = ds[len(ds)-maxDiscussed:]
	}
	t.st.Discussed = ds
}

// rejected answers "不是这个" after measure n was answered: n was not
// meant, so it is no topic any more and is not offered again. The talk
// goes back to the topic before it (prev), which the next question
// ("医疗保险也能缓吗") is read against; without one, the rest of n's
// ranking is offered, or the owner is asked to say it another way.
func (t *turn) rejected(n, prev int) Reply {
	t.st.Topics = slices.DeleteFunc(slices.Clone(t.st.Topics), func(x int) bool { return x == n })
	others := slices.DeleteFunc(slices.Clone(t.st.Candidates), func(x int) bool { return x == n || t.g.Measure(x) == nil })
	lead := "好的，您问的不是第" + itoa(n) + "条。"
	if m := t.g.Measure(prev); prev != 0 && m != nil {
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates, t.st.Listed = Answered, prev, "", nil, nil
		return t.hint(lead + "刚才谈的" + t.measureTitle(m) + "可以接着问；想问别的，请换个说法再说一遍，例如说说您的行业和遇到的困难。")
	}
	if len(others) > 0 {
		others = others[:min(len(others), maxOthers)]
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Choosing, 0, "", others
		return t.choiceReply(lead+"其他可能相关的措施：", others, false)
	}
	t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates, t.st.Listed = Fallback, 0, "", nil, nil
	return t.hint(lead + "请换个说法再说一遍，例如：" + strings.Join(t.examples(), "、") + "；或用 /list 浏览全部措施。")
}
