package index

import "testing"

// TestAssentBeforeEitherOr: an assent or thanks opening a question that
// asks which of two ways in its shape (是A还是B, no question word) is a
// question, not small talk closing the chat (trial 57 p1 T14 was answered
// "不客气"); an assent before a plan that asks nothing still closes it.
func TestAssentBeforeEitherOr(t *testing.T) {
	for q, closes := range map[string]bool{
		"行吧 房租减免那个是找街道那个公司直接减还是得先去国资委申请": false,
		"好的谢谢 我先去窗口办": true,
	} {
		rd, err := testIndex.Read(q, Context{Topic: 16, Question: "排水许可证能延期吗"})
		if err != nil {
			t.Fatal(err)
		}
		if got := rd.Social != nil; got != closes {
			t.Errorf("%s: small talk %v, want %v (asks %d)", q, got, closes, len(rd.Asks))
		}
	}
}

// TestUnreachableTypo: a homophone typo of how an owner says a phone went
// unanswered (大不通 for 打不通) is read as the phrase, so the ask is for
// the contact of the measure in talk, not a search for 不通 (trial 57 p4
// T14 got the epidemic-rules measure).
func TestUnreachableTypo(t *testing.T) {
	rd, err := testIndex.Read("这个电话大不通啊 一直没人接", Context{Topic: 19, Question: "政府有没有走访服务企业的 管家那种"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) != 1 {
		t.Fatalf("%d asks, want 1", len(rd.Asks))
	}
	if a := rd.Asks[0]; !a.Unreachable || !a.OnTopic {
		t.Errorf("unreachable %v, on topic %v, want both (fixes %v, kind %s)", a.Unreachable, a.OnTopic, rd.Fixes, a.Kind)
	}
}

// TestCorrectionWithin: a clause saying the measure shown is not the
// owner's ("不是首贷", "我不搞直播") inside a message asking something else
// rejects that measure when it says the words negated; the same clause
// about words the topic never says, or one that asks itself, rejects
// nothing (trial 57 p7 T2, T5 got the measure again).
func TestCorrectionWithin(t *testing.T) {
	for _, c := range []struct {
		q      string
		topic  int
		reject bool
	}{
		{"我不搞直播 就是租金太贵 私人市场的租金能减吗", 62, true},
		{"我以前贷过款 不是首贷 担保费那个优惠还有别的条吗", 9, true},
		{"我以前贷过款 不是首贷 担保费那个优惠还有别的条吗", 2, false},
		{"我们是餐馆 不是国企 房租能减吗", 4, false},
		// The case put to the measure shown: still its topic.
		{"我们是博物馆 不是旅游平台 自己组织能申请这个吗", 68, false},
		{"我们接的是服务采购 不是工程 250万的项目算不算", 24, false},
		{"不是因为疫情 就是我自己忘了 这也不算逾期吗", 17, false},
		{"不是北京的高校，河北的大学毕业生也行吗", 72, false},
	} {
		rest, rejected, ok := testIndex.correctionWithin(c.q)
		got := false
		if ok && testIndex.Says(testIndex.guide.Measure(c.topic), testIndex.notAsker(testIndex.situationWords(rejected))) {
			if cc, ok := testIndex.rejecting(Context{Topic: c.topic}, rejected); ok && len(cc.rejected) > 0 {
				got = true
			}
		}
		if got != c.reject {
			t.Errorf("%s (第%d条): rejects %v, want %v (rest %q, rejected %q)", c.q, c.topic, got, c.reject, rest, rejected)
		}
		rd, err := testIndex.Read(c.q, Context{Topic: c.topic, Question: "上一个问题"})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range rd.Asks {
			if c.reject && (a.OnTopic || len(a.Measures) > 0 && a.Measures[0].Number == c.topic) {
				t.Errorf("%s: still answered with 第%d条", c.q, c.topic)
			}
		}
	}
	if _, _, ok := testIndex.correctionWithin("不是说社保能缓吗 我们是饭店"); ok {
		t.Error("a clause that asks (不是说…吗) read as a correction")
	}
}
