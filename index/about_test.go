package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestAnsweredAbout checks that a follow-up after a reply of several
// answers reads as about the answer its words fit alone, and that a
// measure number the ask's statements name settles the measure.
func TestAnsweredAbout(t *testing.T) {
	tests := []struct {
		msg     string
		c       Context
		about   int // Ask.About
		measure int // the first measure searched, when about is 0 and the ask is searched
	}{
		{"滞纳金呢", Context{Topic: 4, Question: "国企的门面房租能免吗", Answers: []int{2, 4}}, 2, 0},
		{"缓到什么时候", Context{Topic: 4, Question: "国企的门面房租能免吗", Answers: []int{2, 4}}, 2, 0},
		{"滞纳金收不收", Context{Topic: 8, Question: "宽带能便宜点不", Answers: []int{7, 8}}, 7, 0},
		{"资费降多少", Context{Topic: 8, Question: "宽带能便宜点不", Answers: []int{7, 8}}, 0, 0},
		{"找谁", Context{Topic: 4, Question: "国企的门面房租能免吗", Answers: []int{2, 4}}, 0, 0},
		{"滞纳金呢", Context{Topic: 4, Question: "国企的门面房租能免吗"}, 0, 0},
		{"第4条，截止到什么时候", Context{Topic: 2, Question: "社保能缓吗"}, 0, 4},
		{"第八条 谁负责", Context{Topic: 3, Question: "公积金能晚点交吗"}, 0, 8},
		{"我问的是第4条国有房租减免，不是公积金", Context{Topic: 3, Question: "公积金能缓吗", Recent: []int{4, 3}}, 0, 4},
		{"我说的是第7条，不是社保", Context{Topic: 2, Question: "社保能缓吗"}, 0, 7},
	}
	for _, tt := range tests {
		a, ok := readOne(t, tt.msg, tt.c)
		if !ok {
			continue
		}
		if a.About != tt.about {
			t.Errorf("%s: About %d, want %d", tt.msg, a.About, tt.about)
		}
		if tt.measure != 0 && (len(a.Measures) == 0 || a.Measures[0].Number != tt.measure || a.OnTopic) {
			t.Errorf("%s: measures %v (on topic %v), want %d first", tt.msg, a.Measures, a.OnTopic, tt.measure)
		}
	}
}

// TestDeadlineFollowUp: a bare question about the deadline, however it is
// worded (为止, 啥时候), stays on the topic and asks its deadline; "为止"
// left over from a cut cue once read as an unknown word and was refused.
func TestDeadlineFollowUp(t *testing.T) {
	c := Context{Topic: 2, Question: "社保能缓吗", Recent: []int{2}}
	for _, msg := range []string{"到什么时候为止", "截至哪天为止", "能缓到啥时候", "到什么时候"} {
		if a, ok := readOne(t, msg, c); ok && (!a.OnTopic || !slices.Contains(a.Aspects, AspectDeadline)) {
			t.Errorf("%s: on topic %v, aspects %v, want a deadline ask on the topic", msg, a.OnTopic, a.Aspects)
		}
	}
}

// TestOutOfScopeLeavesTopic: an ask naming a topic no relief guide covers
// and no word the topic measure writes is a question of its own, declined;
// one the measure shares a word with stays a case put to it.
func TestOutOfScopeLeavesTopic(t *testing.T) {
	for _, tt := range []struct {
		msg     string
		c       Context
		onTopic bool
		aspect  Aspect
	}{
		{"我家老人看病 医保报销比例是多少", Context{Topic: 57, Question: "买车有补贴吗", Recent: []int{57}}, false, ""},
		{"个人房贷也算吗", Context{Topic: 10, Question: "贷款能延期吗", Recent: []int{10}}, true, ""},
	} {
		a, ok := readOne(t, tt.msg, tt.c)
		if !ok {
			continue
		}
		if a.OnTopic != tt.onTopic {
			t.Errorf("%s: on topic %v, want %v", tt.msg, a.OnTopic, tt.onTopic)
		}
		if !tt.onTopic && a.Kind != seeds.KindNone {
			t.Errorf("%s: %s %v, want none", tt.msg, a.Kind, a.Measures)
		}
		if tt.aspect != "" && !slices.Contains(a.Aspects, tt.aspect) {
			t.Errorf("%s: aspects %v, want %s", tt.msg, a.Aspects, tt.aspect)
		}
	}
}

// TestClippedNameLeavesTopic: a clipped name (油补 for 燃油补贴) whose
// first character the topic never writes is a new subject, searched
// afresh, while short follow-ups, an amount asked per head and words cut
// apart (钱怎么补) stay on the topic.
func TestClippedNameLeavesTopic(t *testing.T) {
	c := Context{Topic: 72, Question: "招了几个应届毕业生 有补贴吗", Recent: []int{72}}
	for _, tt := range []struct {
		msg     string
		onTopic bool
	}{
		{"油补有吗", false},
		{"房补有吗", false},
		{"饭补有没有", false},
		{"找谁办", true},
		{"到什么时候", true},
		{"我这种算不算", true},
		{"要什么材料", true},
		{"补多少", true},
		{"一人补多少", true},
		{"钱怎么补", true},
	} {
		if a, ok := readOne(t, tt.msg, c); ok && a.OnTopic != tt.onTopic {
			t.Errorf("%s: on topic %v, want %v", tt.msg, a.OnTopic, tt.onTopic)
		}
	}
}

// readOne reads msg in c and returns its one ask; a message read as none
// or several fails the test case.
func readOne(t *testing.T, msg string, c Context) (Ask, bool) {
	t.Helper()
	rd, err := testIndex.Read(msg, c)
	if err != nil {
		t.Fatalf("%s: %v", msg, err)
	}
	if len(rd.Asks) != 1 {
		t.Errorf("%s: %d asks, want 1", msg, len(rd.Asks))
		return Ask{}, false
	}
	return rd.Asks[0], true
}
