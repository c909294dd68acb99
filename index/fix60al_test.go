package index

import (
	"testing"

	"policybot/seeds"
)

// TestTopicOverAskerWord: an ask naming the asker's kind (司机) beside its
// topic (社保) is asked of the topic's measure, not of the short measure
// on that kind of asker that holds only the kind (trial 56 p3 T2); the
// kind's own measure stays first when the ask's topic is its (白名单), and
// a lorry story may still rank along.
func TestTopicOverAskerWord(t *testing.T) {
	for _, c := range []struct {
		q    string
		want int
	}{
		{"司机社保那块呢 6个司机 每月社保好几千", 2},
		{"司机社保能缓交吗", 2},
		{"货车司机贷款能延期吗", 10},
		{"货车司机白名单怎么申请", 33},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 || len(rd.Asks[0].Measures) == 0 || rd.Asks[0].Measures[0].Number != c.want {
			t.Errorf("%s: %v, want 第%d条 first", c.q, firstMeasures(rd), c.want)
		}
	}
}

// TestSuggestOnGrantWordsOnly: an ask whose own nouns the guide never
// writes (燃油, 高速) is declined rather than offered a measure holding only
// its grant words (补贴, 减免: trial 56 p3 T8 got 孵化器房租补贴); a measure
// holding a word of the ask's own (孵化器) is still offered.
func TestSuggestOnGrantWordsOnly(t *testing.T) {
	for _, c := range []struct {
		q    string
		none bool
	}{
		{"有没有燃油补贴 或者高速费减免啥的", true},
		{"孵化器有没有燃油补贴", false},
		// No grant word held: a contact ask is not declined by it.
		{"也不知道该问哪个部门 有没有统一的企业服务热线", false},
	} {
		r, err := testIndex.Search(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Kind == seeds.KindNone; got != c.none {
			t.Errorf("%s: %s %v, want declined %v", c.q, r.Kind, r.Measures, c.none)
		}
	}
}

// firstMeasures is the measure ranked first for each ask of rd (0 for an
// ask with none).
func firstMeasures(rd Reading) []int {
	var out []int
	for _, a := range rd.Asks {
		n := 0
		if len(a.Measures) > 0 {
			n = a.Measures[0].Number
		}
		out = append(out, n)
	}
	return out
}
