package dialog

import (
	"slices"
)

// Topic memory: the measures a chat talked about lately, for "上一个"
// (which of them a message refers to is the index's reading, see
// index.Context.Recent).

// maxTopics is how many recent measures a chat remembers for "上一个".
const maxTopics = 5

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
	return slices.Concat(t.st.Topics, []int{t.st.Measure}, t.st.Offered, more)
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
}
