package index

import (
	"testing"

	"policybot/seeds"
)

// TestUnnamedPolicyInContext: a national policy the guide does not name,
// told in the statements a subjectless ask takes as its context ("听说国家
// 有旅行社质量保证金暂退的政策，能退多少"), is what the ask is about: out
// of scope, declined, not suggested as the bidding measure's 保证金.
func TestUnnamedPolicyInContext(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我们旅行社这两年基本没接团，听说有旅游服务质量保证金暂退的政策，能退多少？", seeds.KindNone, 0, ""},
		// The bidding deposit itself is still answered.
		{"投标保证金能用保函代替吗", seeds.KindMeasure, 26, ""},
	})
}
