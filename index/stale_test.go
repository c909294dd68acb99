package index

import (
	"testing"

	"policybot/seeds"
)

// TestFullAskLeavesTopic: after a measure was discussed, an ask in full
// words naming a subject of its own that the topic does not hold is a new
// question (trials 44 and 45), while short asks with nothing of their own
// stay on the topic.
func TestFullAskLeavesTopic(t *testing.T) {
	for _, tt := range []struct {
		msg     string
		c       Context
		onTopic bool
		first   int // the measure the ask is searched to, when it leaves
	}{
		// "我这种" says who asks; the ask asks what there is for a loan.
		{"想再添五十辆车 得贷款 我这种租车的小公司第一次贷款有啥优惠", Context{Topic: 4, Recent: []int{4}, Interrupted: true}, false, 9},
		// The story names graduates hired; the short ask's 补贴 fits the
		// first-loan subsidy too, the story does not.
		{"站里新来俩今年毕业的大专生 北京的学校 当站长助理 签了合同交社保 能领补贴不", Context{Topic: 9, Recent: []int{9}}, false, 72},
		// A fixed phrase (污水排放) is a thing, not the asker's kind.
		{"再问个 洗车的污水排放证要办吗 去哪办", Context{Topic: 11, Recent: []int{11}}, false, 0},
		// Short asks and the owner's case put to the topic stay.
		{"补多少钱？补几年？", Context{Topic: 72, Recent: []int{72}}, true, 0},
		{"我这种算不算", Context{Topic: 72, Recent: []int{72}}, true, 0},
		{"我们是开民宿的 也行吗", Context{Topic: 2, Recent: []int{2}}, true, 0},
		{"网上怎么办 在哪个网站", Context{Topic: 1, Recent: []int{1}}, true, 0},
	} {
		a, ok := readOne(t, tt.msg, tt.c)
		if !ok {
			continue
		}
		if a.OnTopic != tt.onTopic {
			t.Errorf("%s: on topic %v, want %v", tt.msg, a.OnTopic, tt.onTopic)
		}
		if tt.first != 0 && (len(a.Measures) == 0 || a.Measures[0].Number != tt.first) {
			t.Errorf("%s: %s %v, want %d first", tt.msg, a.Kind, a.Measures, tt.first)
		}
	}
}

// TestPointerNamesNoEarlierMeasure: the words before a pointer name a
// measure discussed before ("贷款那条"), but not a verb whose object the
// pointer is (参加这个), nor the clause before one that opens its own
// (…上了征信，这个能撤销吗).
func TestPointerNamesNoEarlierMeasure(t *testing.T) {
	for _, tt := range []struct {
		msg   string
		c     Context
		about int
	}{
		{"我们不是旅行社 剧场自己办能参加这个吗", Context{Topic: 68, Recent: []int{2, 68}}, 0},
		// The clause before the pointer names 第17条 by its own words
		// (贷款逾期, 征信), not the 第3条 discussed before.
		{"疫情那段时间有笔贷款逾期了，银行说上了征信，这个能撤销吗", Context{Topic: 42, Recent: []int{3, 42}}, 17},
		{"贷款那条里说的货车司机 我开出租的算不算", Context{Topic: 14, Recent: []int{10, 14}}, 10},
	} {
		a, ok := readOne(t, tt.msg, tt.c)
		if !ok {
			continue
		}
		if a.About != tt.about {
			t.Errorf("%s: about %d, want %d", tt.msg, a.About, tt.about)
		}
	}
}

// TestOtherPersonNamed: a person whom the topic's contacts do not list
// asks about the people named, not about the topic.
func TestOtherPersonNamed(t *testing.T) {
	msg := "赵小龙和沙志林是一个科的吗"
	if a, ok := readOne(t, msg, Context{Topic: 72, Recent: []int{72}}); ok && a.OnTopic {
		t.Errorf("%s: on topic, want the people", msg)
	}
	// Which of them to call, with nothing of its own, is the same ask.
	msg = "赵小龙和沙志林是一个科的吗 电话一样 我打哪个"
	if a, ok := readOne(t, msg, Context{Topic: 72, Recent: []int{72}}); ok && (a.OnTopic || a.Kind != seeds.KindUnit) {
		t.Errorf("%s: %s on topic %v, want the unit", msg, a.Kind, a.OnTopic)
	}
	m := testIndex.guide.Measure(72)
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"赵小龙和沙志林是一个科的吗", true},
		{"赵小龙是哪个科的", false}, // the topic's own contact
		{"就业促进科在哪", false},  // a department, no person
	} {
		if got := testIndex.namesOtherPerson(m, tt.msg); got != tt.want {
			t.Errorf("%s: names another person %v, want %v", tt.msg, got, tt.want)
		}
	}
}

// TestCorrectionRejectsDiscussed: "不是X，是Y" after a refusal: a measure
// discussed lately that says X is not offered for Y.
func TestCorrectionRejectsDiscussed(t *testing.T) {
	c := Context{Topic: 42, Recent: []int{3, 42}, Interrupted: true, Question: "疫情那段时间有笔贷款逾期了，上了征信，能撤销吗"}
	rd, err := testIndex.Read("不是公积金贷款，是诊所的经营贷，在农商行贷的", c)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rd.Asks {
		if a.hits(3) {
			t.Errorf("%s: %s %v, want no measure 3", a.Text, a.Kind, a.Measures)
		}
	}
}
