package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestCorrectionAfterComplaint: a clause saying the reply got it wrong
// ("你这说的不对啊") opens a correction said after it, which a bare 是 may
// then open even when what was not meant names nothing of the guide's
// (trial 48 p8 t8); a complaint alone, or a guess, corrects nothing.
func TestCorrectionAfterComplaint(t *testing.T) {
	for _, c := range []struct{ text, rest, rejected string }{
		{"你这说的不对啊 是我欠电费 不是别人欠我钱", "我欠电费", "别人欠我钱"},
		{"你说错了，不是公积金 我说房租", "房租", "公积金"},
		{"不是那个意思 我是说药店自己招人 政府给不给补贴", "药店自己招人 政府给不给补贴", "那个意思"},
		{"你说的不对", "", ""},
		{"你说的不对 房租能减吗", "", ""},
	} {
		rest, rejected, ok := testIndex.correction(c.text)
		if ok != (c.rest != "") || rest != c.rest || rejected != c.rejected {
			t.Errorf("correction(%q) = %q, %q, %v; want %q, %q", c.text, rest, rejected, ok, c.rest, c.rejected)
		}
	}
}

// TestRejectingOtherParty: what a correction says was not meant is read as
// the question would read it: "别人欠我钱" is the asker's 被拖欠, which the
// measure on arrears owed to firms says and the one on unpaid bills does
// not; "那个意思" names nothing and points at the topic.
func TestRejectingOtherParty(t *testing.T) {
	for _, c := range []struct {
		rejected  string
		ctx       Context
		wantTopic int
		want      []int
	}{
		{"别人欠我钱", Context{Topic: 22}, 0, []int{22}},
		{"别人欠我钱", Context{Topic: 7}, 7, nil},
		{"那个意思", Context{Topic: 76}, 0, []int{76}},
	} {
		got, ok := testIndex.rejecting(c.ctx, c.rejected)
		if !ok || got.Topic != c.wantTopic || !slices.Equal(got.rejected, c.want) {
			t.Errorf("rejecting(%q, topic %d) = %v topic %d rejected %v; want topic %d rejected %v", c.rejected, c.ctx.Topic, ok, got.Topic, got.rejected, c.wantTopic, c.want)
		}
	}
}

// TestReadTrial48: whole messages of trial 48's failures, read in the
// context they came in.
func TestReadTrial48(t *testing.T) {
	for _, c := range []struct {
		text string
		ctx  Context
		kind seeds.Kind
		want []int // the first measure is one of these; nil: no measure
		pick int
	}{
		// A correction naming the other party: the bill, not the arrears.
		{"你这说的不对啊 是我欠电费 不是别人欠我钱", Context{Topic: 22, Recent: []int{7, 22}}, seeds.KindMeasure, []int{7}, 0},
		// A need naming nothing of its own is the ask's story: one ask.
		{"行吧。那水电费呢 摊子的电是从市场接的 欠了俩月了", Context{Topic: 5, Recent: []int{5}}, seeds.KindMeasure, []int{7}, 0},
		// The matter set aside is no story of the question after 再问一句.
		{"算了电费我直接去问市场吧。再问一句 那个12345是管啥的 我这种小事也能打吗", Context{Topic: 7, Recent: []int{7}}, seeds.KindMeasure, []int{18}, 0},
		// Whether to call the person shown is an ask for that contact.
		{"谢谢你了 王楠这个是国资委的吧 我直接打就行？", Context{Topic: 4, Recent: []int{4}}, seeds.KindUnit, nil, 0},
		// New words finding several measures alike do not pick the one
		// offered among them.
		{"我没贷款。就是摊位费能不能免啊 一个月好几百", Context{Choices: []int{10, 5}}, seeds.KindChoice, []int{4, 5, 6}, 0},
	} {
		rd, err := testIndex.Read(c.text, c.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 {
			t.Errorf("%s: %d asks, want 1", c.text, len(rd.Asks))
			continue
		}
		a := rd.Asks[0]
		if a.Kind != c.kind || a.Pick != c.pick || c.want != nil && (len(a.Measures) == 0 || !slices.Contains(c.want, a.Measures[0].Number)) {
			t.Errorf("%s: %s pick %d %v; want %s pick %d first of %v", c.text, a.Kind, a.Pick, a.Measures, c.kind, c.pick, c.want)
		}
	}
}

// TestJudgeTrial48: a measure that grants to one trade (对餐饮企业…给予)
// rules out an owner who says they are none, though the district is only
// encouraged to grant; a factory that guesses it is no 服务业 is outside
// a measure for 服务业.
func TestJudgeTrial48(t *testing.T) {
	for _, c := range []struct {
		question string
		measure  int
		excluded string
	}{
		{"我们不是餐饮 是药店 防疫花的钱能补吗", 66, "不是餐饮"},
		{"我们厂是做加工的 不算服务业吧 那0.5%担保费我们能享受吗", 11, "我们厂"},
	} {
		_, j := judgeAsked(t, c.question, c.measure)
		if !slices.ContainsFunc(j.Excluded, func(x Exclusion) bool { return x.Asked == c.excluded }) {
			t.Errorf("%s: excluded %+v, want %q", c.question, j.Excluded, c.excluded)
		}
	}
}

func TestGrantedTo(t *testing.T) {
	for _, c := range []struct {
		clause, key string
		want        bool
	}{
		{"鼓励结合实际对餐饮企业环境定期核酸检测费用和日常防疫支出给予一定补贴", "餐饮", true},
		{"鼓励旅游平台企业、旅行社开发乡村旅游产品", "旅行社", false},
		{"鼓励金融机构对中小微企业实施延期还本付息", "中小微企业", false},
	} {
		if got := grantedTo(c.clause, c.key); got != c.want {
			t.Errorf("grantedTo(%q, %q) = %v, want %v", c.clause, c.key, got, c.want)
		}
	}
}

func TestAfterSetAside(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"算了电费我直接去问市场吧。再问一句 那个12345是管啥的", "那个12345是管啥的"},
		{"那我直接去问银行吧 顺便问一下 社保能缓吗", "社保能缓吗"},
		// A story before the phrase is the question's own.
		{"我是开饭店的，再问一句 房租能减吗", "我是开饭店的，再问一句 房租能减吗"},
		{"算了 再问一句", "算了 再问一句"},
		// 算了 standing alone drops what came before when what follows
		// asks (trial 54: the 社保 before it sent a unit's phone
		// question to 区人保局's measures).
		{"这跟社保有啥关系…… 算了 税务局电话有吗", "税务局电话有吗"},
		{"不能减就算了，社保能缓吗", "社保能缓吗"},
		// Not reckoning (算了一下), nothing asked after it, or at the start.
		{"我算了一下 房租能减多少", "我算了一下 房租能减多少"},
		{"房租不减那算了吧", "房租不减那算了吧"},
		{"社保能缓吗 算了 谢谢", "社保能缓吗 算了 谢谢"},
		{"算了 社保能缓吗", "算了 社保能缓吗"},
	} {
		if got, _ := testIndex.afterSetAside(c.text); got != c.want {
			t.Errorf("afterSetAside(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSetAsideUnitPhone: a unit's phone asked after 算了 gets that unit,
// whatever the words before it were about.
func TestSetAsideUnitPhone(t *testing.T) {
	rd := must2(testIndex.Read("这跟社保有啥关系…… 算了 税务局电话有吗", Context{}))
	if len(rd.Asks) != 1 || rd.Asks[0].Kind != seeds.KindUnit || rd.Asks[0].Unit == nil || rd.Asks[0].Unit.Name != "区税务局" {
		t.Fatalf("asks %+v, want one unit ask for 区税务局", rd.Asks)
	}
}
