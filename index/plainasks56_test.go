package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestNegatedTopicIsTheAskersLack: an out-of-scope word the asker negates
// ("没买房") is what they lack, the condition the measure puts (无自有住房),
// when the measure covers the rest of the ask; one the ask is about all
// the same ("没注册商标 现在去注册") still declines it.
func TestNegatedTopicIsTheAskersLack(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我自己也是租房住 没买房 公积金能取出来交房租吗 一个月能取多少", seeds.KindMeasure, 3, ""},
		{"一直没注册商标，现在去注册还来得及吗", seeds.KindNone, 0, ""},
	})
}

// TestStandingOfThePersonAsked: a standing word (北京户口) describing the
// person an ask is about, not put as a yes/no question, is a condition
// put to the measure that covers the rest, no 户口 matter: offered, not
// declined (大学 read as 高校 would answer it, but lowered the
// leave-one-guide-out none precision).
func TestStandingOfThePersonAsked(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"？？我问的是社保补贴啊 北京户口外地读大学的毕业生", seeds.KindSuggest, 72, ""},
		{"户口能迁到密云吗", seeds.KindNone, 0, ""},
	})
}

// TestPlainDeferralAndReluctantBank: a payment put off in plain words (往后
// 推推) is the deferral of whatever the ask names (a loan's, the social
// insurance's); a bank unwilling to lend asks for guarantees and first
// loans, not a repayment deferred.
func TestPlainDeferralAndReluctantBank(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"好 还有我们有笔银行贷款这个月要还，能不能往后推推", seeds.KindMeasure, 10, ""},
		{"社保能不能往后推推", seeds.KindMeasure, 2, ""},
	})
	rd, err := testIndex.Read("银行不爱贷 有啥办法", Context{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, h := range rd.Asks[0].Measures {
		got = append(got, h.Number)
	}
	if !slices.Contains(got, 9) || !slices.Contains(got, 11) || slices.Contains(got, 10) {
		t.Errorf("银行不爱贷 有啥办法: %s %v, want 9 and 11 without 10", rd.Asks[0].Kind, got)
	}
}

// TestSentOnStaysOnTheMeasure: after a measure's contact, a message telling
// that the unit called sent the asker on ("说不归他们管 让我找国资委"),
// then asking whom, is about that measure's units (the one sent to among
// its supporting ones), not a measure the sent-to unit's name finds; one
// that names a new subject is searched.
func TestSentOnStaysOnTheMeasure(t *testing.T) {
	for _, c := range []struct {
		q       string
		onTopic bool
	}{
		{"刘建龙电话打过去说不归他们管 让我找国资委 到底归谁", true},
		{"打过去说不归他们管 到底找谁", true},
		{"打了说不归他们管，那房租减免找谁", false},
	} {
		rd, err := testIndex.Read(c.q, Context{Topic: 22})
		if err != nil {
			t.Fatal(err)
		}
		a := rd.Asks[len(rd.Asks)-1]
		if a.OnTopic != c.onTopic || !a.SentOn {
			t.Errorf("%s: on topic %v, sent on %v; want on topic %v, sent on", c.q, a.OnTopic, a.SentOn, c.onTopic)
		}
	}
}
