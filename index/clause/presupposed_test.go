package clause

import "testing"

// TestPresupposedAsk: an ask a connective adds (还有, 另外, 然后还有)
// presupposes one before it; with no question before it, the statement
// right before it, or a topic named with a spoken pointer, is a need the
// caller may keep. A connective that only lists (同时) presupposes
// nothing.
func TestPresupposedAsk(t *testing.T) {
	cases := []splitCase{
		{"消费券那个 我们超市好多人都没领过 然后还有啊 社保能缓交吗",
			"消费券那个 | 我们超市好多人都没领过 => A:消费券那个 | A:我们超市好多人都没领过 | A:然后还有啊 社保能缓交吗"},
		{"嗯我们打算申请创业担保贷款然后还有房租能不能减",
			"嗯我们打算申请创业担保贷款 => A:嗯我们打算申请创业担保贷款 | A:然后还有房租能不能减"},
		{"我们公司在搞技术改造，另外社保能缓交吗",
			"我们公司在搞技术改造 => A:我们公司在搞技术改造 | A:另外社保能缓交吗"},
		{"我们公司在搞技术改造，同时社保能缓交吗", ""},
	}
	for _, c := range cases {
		if got := describeKept(c.msg); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}

// TestConnectiveHoldingLeadIn: a lead-in inside a connective (还想问) typed
// without a stop cuts the message at the connective and the spoken one
// before it, and 然后还有 opens an ask as 还有 does.
func TestConnectiveHoldingLeadIn(t *testing.T) {
	m := Split("就是我们饭店想申请消费券活动然后还想问一下房租减免怎么申请")
	if got, want := describe(m), "S:就是我们饭店想申请消费券活动 | A:然后还想问一下房租减免怎么申请"; got != want {
		t.Errorf("got: %s\nwant: %s", got, want)
	}
	if len(m.Asks) != 1 || !m.Asks[0].Turned {
		t.Errorf("ask not turned: %+v", m.Asks)
	}
	m = Split("嗯我们想缓交社保然后还有电费是不是能缓交")
	if len(m.Asks) != 1 || !m.Asks[0].Opened || !m.Asks[0].Turned {
		t.Errorf("然后还有 does not open the ask: %+v", m.Asks)
	}
}

// TestSpaceInsideAsk: a question word said alone (有没有) asks about what
// follows the space after it, and a single space after a word typed in
// Latin letters is a space between words, not a pause.
func TestSpaceInsideAsk(t *testing.T) {
	cases := []splitCase{
		{"我们店人手不够，有没有 app 能找临时工", "S:我们店人手不够 | A:有没有 app 能找临时工"},
		{"社保能缓交吗 房租呢", "A:社保能缓交吗 | A:房租呢"},
	}
	checkSplits(t, cases)
}

// TestTellsMore: before any question, 还有 with a count after it tells what
// else there is (还有两间门面); after a question it turns to another matter.
func TestTellsMore(t *testing.T) {
	cases := []splitCase{
		{"我家开了个小超市，还有两间门面租给别人，今年生意不好，房租能减吗",
			"S:我家开了个小超市 | S:还有两间门面租给别人 | S:今年生意不好 | A:房租能减吗"},
		{"房租能减吗？还有两个员工的社保想缓交", "A:房租能减吗 | A:还有两个员工的社保想缓交"},
	}
	checkSplits(t, cases)
}
