package index

import (
	"strings"
	"testing"

	"policybot/seeds"
)

// TestTopicPersonNamed: an ask naming a person of the topic's contact
// lines is about the topic, whatever its other words lead the search to
// (trial 56 p4 T4: 王楠…要交什么材料 after the state-rent measure was
// refused); naming another measure's person, or none, decides nothing here.
func TestTopicPersonNamed(t *testing.T) {
	for _, c := range []struct {
		q     string
		topic int
		on    bool
	}{
		{"王楠那边是直接打电话申请就行？还是要交什么材料 租赁合同啥的", 4, true},
		{"王楠那边是直接打电话申请就行？还是要交什么材料 租赁合同啥的", 73, false},
	} {
		rd, err := testIndex.Read(c.q, Context{Topic: c.topic, Question: "上一个问题"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%s: %d asks, want 1", c.q, len(rd.Asks))
			continue
		}
		if a := rd.Asks[0]; a.OnTopic != c.on {
			t.Errorf("%s (topic 第%d条): OnTopic %v, want %v", c.q, c.topic, a.OnTopic, c.on)
		}
	}
	m := testIndex.Guide().Measure(4)
	for q, want := range map[string]bool{"王楠那边要交什么材料": true, "沙志林那边要交什么材料": false, "王楠和沙志林谁管": false, "要交什么材料": false} {
		if got := testIndex.namesTopicPerson(m, q); got != want {
			t.Errorf("namesTopicPerson(第4条, %s) = %v, want %v", q, got, want)
		}
	}
}

// TestWhichOfTwoNumbers: "俩号 打哪个" after a person's name asks which of
// that person's numbers to call, as "两个号" does; 俩 and 号 are no words
// of a question of their own (trial 56 p5 T7 was refused).
func TestWhichOfTwoNumbers(t *testing.T) {
	for _, q := range []string{"沙志林 这个电话是俩号 打哪个", "沙志林俩号码打哪个"} {
		r := must(testIndex.Search(q))
		if r.Kind != seeds.KindUnit || r.Unit == nil || r.Unit.Name != "区人保局" || !r.Contact {
			t.Errorf("%s: %s %v contact %v, want 区人保局's contacts", q, r.Kind, r.Unit, r.Contact)
		}
	}
}

// TestMediumFirmClause: a medium firm's case and yes/no question to the
// social-insurance deferral are decided by the clause whose kind takes it
// in (所有中小微企业, the kind section's 中型), quoted first and read as the
// rule, not by one sharing 企业 (企业职工…社会组织), and nothing is ruled out.
func TestMediumFirmClause(t *testing.T) {
	for _, q := range []string{"我们是中型企业，社保能缓吗", "我问的是社保缓缴 中型企业到底能不能缓"} {
		_, j := judgeAsked(t, q, 2)
		if len(j.Clauses) == 0 || !strings.HasPrefix(j.Clauses[0].Text, "全区受疫情影响") {
			t.Errorf("%s: clauses %+v, want the 中小微企业 clause first", q, j.Clauses)
		}
		if len(j.Excluded) > 0 {
			t.Errorf("%s: excluded %+v", q, j.Excluded)
		}
	}
	_, j := judgeAsked(t, "我们是中型企业，社保能缓吗", 2)
	if !strings.Contains(j.Rule, "所有中小微企业") {
		t.Errorf("rule %q, want the 中小微企业 clause", j.Rule)
	}
}
