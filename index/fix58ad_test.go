package index

import (
	"strings"
	"testing"

	"policybot/seeds"
)

// TestNamesOwnTopic: an ask naming a subject the topic writes too, which
// the search reading it alone is sure another measure answers, leaves the
// topic (trial 52 p3 T3: 担保费 at 千分之五 after the first-loan subsidy);
// a year (2022年的啊) or a quality (便宜) names no subject of its own, and
// asks naming nothing stay on the topic.
func TestNamesOwnTopic(t *testing.T) {
	for _, c := range []struct {
		q      string
		topic  int
		on     bool
		answer int // the measure ranked first, when not on the topic
	}{
		{"那担保费能不能便宜点，听说有个千分之五的", 9, false, 11},
		{"那担保费呢 我听说找担保公司可以少交点", 9, false, 11},
		{"2022年的啊。。那现在还管用吗，我现在欠了两个月电费", 7, true, 0},
		{"找谁办", 9, true, 0},
		{"到什么时候", 9, true, 0},
	} {
		rd, err := testIndex.Read(c.q, Context{Topic: c.topic, Question: "上一个问题"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%s: %d asks, want 1", c.q, len(rd.Asks))
			continue
		}
		a := rd.Asks[0]
		if a.OnTopic != c.on {
			t.Errorf("%s (topic 第%d条): OnTopic %v, want %v", c.q, c.topic, a.OnTopic, c.on)
		}
		if !c.on && (a.Kind != seeds.KindMeasure || len(a.Measures) == 0 || a.Measures[0].Number != c.answer) {
			t.Errorf("%s: %s %v, want measure %d", c.q, a.Kind, a.Measures, c.answer)
		}
	}
}

// TestNamesThing: a thing is a noun whose lexicon forms are nouns too;
// 便宜 (read as 降低) and a number are not.
func TestNamesThing(t *testing.T) {
	for w, want := range map[string]bool{"担保费": true, "城镇职工社保": true, "便宜": false, "2022": false, "补贴": false} {
		if got := testIndex.namesThing(w); got != want {
			t.Errorf("namesThing(%s) = %v, want %v", w, got, want)
		}
	}
}

// TestSetAsideTurnsToNext: "算了 我问问别的" opens a new question.
func TestSetAsideTurnsToNext(t *testing.T) {
	for q, want := range map[string]bool{
		"算了 我问问别的 我们店里有两个修车师傅是农村的": true,
		"我问问别的，社保能缓吗":              true,
		"社保能缓吗":                    false,
	} {
		if got := testIndex.turnsToNext(q); got != want {
			t.Errorf("turnsToNext(%s) = %v, want %v", q, got, want)
		}
	}
}

// TestOtherKindNoFragment: the kind an ask names and a measure leaves out
// is never cut at a particle or a mark (trial 53 p7 T9: "没有提到“乡镇的，”").
func TestOtherKindNoFragment(t *testing.T) {
	m := testIndex.guide.Measure(4)
	for _, q := range []string{"那我们修理站的房子是租的乡镇的 算国有吗 能减房租不", "房子是乡镇的，算国有吗"} {
		thing, named := testIndex.otherKindOf(q, measureWords(m))
		for _, s := range append([]string{thing}, named...) {
			if strings.ContainsAny(s, "，,。 ") {
				t.Errorf("%s: otherKindOf gave %q %q", q, thing, named)
			}
		}
	}
}
