package index

import (
	"testing"
)

// TestTrial50Unnamed: what a measure's words leave unnamed of the asker's
// case, from trial 50's messages: "全市研学" names 研学 itself (a word of
// reach, no kind), so a summer student tour is no other kind; what the
// owner sells, told in the clause saying who they are (卖水果的), to a
// measure naming no trade, a family member (儿子) and a lender the guide
// calls 金融机构 (农商行) are nothing the measure leaves out.
func TestTrial50Unnamed(t *testing.T) {
	for _, c := range []struct {
		q       string
		measure int
	}{
		{"暑假想接点学生研学团 住我们民宿 搞点户外活动 有支持吗", 68},
		{"我在果园西路卖水果的 个体户 就我和我老婆两个人 上个月冷库电费交不上了 供电所说要停电 这个有政策吗", 7},
		{"我儿子是跑货车的 贷款买的车 疫情那阵没活 车贷能缓缓吗", 10},
		{"我在农商行有一笔20万的经营贷下个月到期，能帮我申请延期吗", 10},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		a := &rd.Asks[0]
		j := testIndex.Judge(testIndex.Guide().Measure(c.measure), a, quotedOf(a.Aspects), "")
		if len(j.Unnamed) > 0 || len(j.Named) > 0 {
			t.Errorf("%s: 第%d条 unnamed %v named %v, want none", c.q, c.measure, j.Unnamed, j.Named)
		}
	}
}

// TestTrial50KindsStillApart: a kind the text writes with a modifier of
// its own is still another kind than the asker's (特种行业许可证 against
// 工业产品生产许可证, 食品经营许可证), and a thing the owner asks about in
// a clause of their own stays unnamed; only reach (全市) and the owner's
// self-description changed.
func TestTrial50KindsStillApart(t *testing.T) {
	rd, err := testIndex.Read("还有个事 我们旅馆的特种行业许可证快到期了 疫情期间能顺延吗", Context{})
	if err != nil {
		t.Fatal(err)
	}
	a := &rd.Asks[0]
	j := testIndex.Judge(testIndex.Guide().Measure(16), a, quotedOf(a.Aspects), "")
	if len(j.Unnamed) == 0 || j.Unnamed[0] != "特种行业许可证" || len(j.Named) == 0 {
		t.Errorf("unnamed %v named %v, want 特种行业许可证 first and the named licences", j.Unnamed, j.Named)
	}
}

// TestEverydayWordsAreNoTypo: a common word the guide's vocabulary holds
// (员工) with an everyday character beside it (生意差) is text as written,
// not a typo of a three-character guide phrase (借员工); nor is a verb
// before a common unit word a typo of the unit's full name (去税务局).
func TestEverydayWordsAreNoTypo(t *testing.T) {
	for _, s := range []string{"这几个月生意差员工社保都快交不起了", "生意差员工工资发不出",
		// 去 + 税务局 (go to the tax office), no typo of the unit 区税务局.
		"要我自己去税务局排队吗", "敢着阮家己去税务局排队"} {
		if _, fixes := testIndex.corrector.Correct(s); len(fixes) > 0 {
			t.Errorf("Correct(%q) fixed %v, want nothing", s, fixes)
		}
	}
}

// TestNextAskOfNewMatter: "再问个" telling a matter in nouns the topic
// never writes (words the guide does not know) is a question of its own,
// not whom to call about the topic; a follow-up naming the topic's words,
// or none, stays on it.
func TestNextAskOfNewMatter(t *testing.T) {
	for _, c := range []struct {
		q       string
		topic   int
		onTopic bool
	}{
		{"再问个 携程上有人恶意差评 还威胁要退款，这种找哪个部门管", 72, false},
		{"再问个 这个找哪个部门", 72, true},
		{"找谁办", 72, true},
	} {
		rd, err := testIndex.Read(c.q, Context{Topic: c.topic})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || rd.Asks[0].OnTopic != c.onTopic {
			t.Errorf("%s: asks %+v, want one, on topic %v", c.q, rd.Asks, c.onTopic)
		}
	}
}
