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
