package index

import (
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestJudge: what a measure's words say about a question asked of it.
func TestJudge(t *testing.T) {
	cases := []struct {
		question string
		measure  int
		verdict  string // "" for none
		excluded string // an Exclusion.Asked, "" for none
		unnamed  string // one of Unnamed, "" for none
		encour   bool
		clause   string // in one of Clauses
	}{
		// Granted: every word named, the measure grants it itself.
		{"律师事务所能缓缴社保吗", 2, "可以。", "", "", false, "律师事务所"},
		{"公积金贷款还不上会影响征信吗", 3, "不会。", "", "", false, ""},
		// 还有 opens a second ask; its 有 asks nothing, so no "有。" for a
		// clause that says such penalties 不纳入信用记录.
		{"还有被罚款了影响信用吗", 17, "", "", "", false, ""},
		// An owner describing their own case: the deciding words, no verdict.
		{"我是个体工商户，是以单位方式参保的，我这种算不算", 2, "", "", "", false, "以单位方式参保"},
		{"我们生产的是普通食品，不是特殊食品，也能顺延吗", 16, "", "", "", false, "非特殊食品"},
		// Ruled out: negated by the asker, by the text (非), by a bound, by an opposite.
		// The asker's words are the negation and what it governs, not the clause.
		{"我们厂不在封管控区，只是忙忘了换证，也能顺延吗", 16, "", "不在封管控区", "", false, "封管控区"},
		{"我们孵化器租的是国有房屋，能拿这个50%补贴吗", 5, "", "国有", "", false, "非国有房屋"},
		{"我买的是2.4升排量的SUV，能减半吗", 57, "", "2.4升", "", false, ""},
		{"车价不含增值税35万，能享受减半吗", 57, "", "35万", "", false, ""},
		// A heavy truck is a 货车, no 乘用车 (trial 36's ungranted yes).
		{"我们想换两台新的重卡 购置税能减吗", 57, "", "重卡", "", false, ""},
		{"我们租的是私人的房子，房租能减吗", 4, "", "私人", "", false, ""},
		// An individual landlord said as "个人的" + the premises (trial 57 p3 T6), not only 个人的房.
		{"房子是租的个人的门脸 房租能减不", 4, "", "个人的门脸", "", false, ""},
		{"我们是租个人的铺子，房租能减免吗", 4, "", "个人的铺子", "", false, ""},
		// Outside a sub-case the grant narrows (其中…中高风险地区…的，减免6
		// 个月), the asker keeps the main grant: nothing is ruled out.
		{"减免的租金是3个月还是6个月？我们这不是中高风险地区", 4, "", "", "", false, "减免3个月"},
		// A clause saying how the grant is carried out for chains (以门店
		// 为单位执行) is no condition: a single shop keeps it (trial 47).
		// The lead sentence, which holds the single shop, answers: its 3 or 6
		// months, no doubt on 连锁 (trial 47 p8 T2).
		{"我就一家店 不是连锁 也能减吧？减几个月", 4, "", "", "", false, "减免6个月"},
		{"我们是大型企业，也能欠费不停供吗", 7, "", "大型企业", "", false, "小微企业"},
		// A cause after the negation: 不是因为疫情 against 受疫情影响.
		{"我们不是因为疫情才欠的水电费，也能不停供吗", 7, "", "不是因为疫情才欠的水电费", "", false, ""},
		// No business licence against a measure for registered kinds only;
		// one that also names 个人 rules nothing out.
		{"我摆摊卖水果 没有营业执照 水电欠费能不停吗", 7, "", "没有营业执照", "", false, ""},
		{"没办执照 社保能缓缴吗", 2, "", "没办执照", "", false, ""},
		// 第11条 also waives the fee of 创业担保, for people starting out.
		{"我还没办营业执照，就我自己一个人干，我这种算不算", 11, "", "", "", false, ""},
		// Not one kind the measure names, while it is also for 所有中小微企业.
		{"我们装修公司不是特困行业，也不是大企业，这样也能缓吗", 2, "", "", "", false, ""},
		// 小微 is written only inside 中小微企业, a run of sizes that takes
		// in the medium-sized asker (trial 56, p6 t4); not being 中小微企业
		// itself still rules the asker out of that clause.
		{"60个工人的社保每个月十几万 能缓吗？我们不是小微 算中型企业", 2, "", "", "", false, ""},
		{"我们不是小微企业，是中型企业，社保能缓吗", 2, "", "", "", false, ""},
		{"我们不是中小微企业，社保能缓吗", 2, "", "不是中小微企业", "", false, ""},
		// Not named: the kind or the thing asked for.
		{"我的是烟草专卖零售许可证，也能顺延吗", 16, "", "", "烟草专卖零售", false, "许可证"},
		// 第20条 names no reward: no verdict.
		{"总部企业来落项目有奖励吗", 20, "", "", "奖励", false, ""},
		// A direct rule beside an encouraging clause (第26条) is no encouragement.
		{"投标能用保函替代现金缴纳保证金吗", 26, "", "", "", false, "保函"},
		{"我是美容美发店的，我这种算不算停工行业", 76, "", "", "美容美发店", false, "停工行业"},
		// 外卖骑手 is 新业态 (synonyms.txt), which 第14条 only pushes forward.
		{"我是外卖骑手，能买到这种保险吗", 14, "", "", "", true, ""},
		// Only encouraged: no verdict.
		{"小微企业贷款能延期还本付息吗", 10, "", "", "", true, ""},
		{"冷链物流设施能申请专项债券吗", 35, "", "", "", true, ""},
		// 第42条 supports projects and grants up to 30% or 20%: not only
		// encouraged, and the verdict rests on the grant.
		{"数字化赋能项目能给奖励吗", 42, "可以。", "", "", false, ""},
		// A doubtful sentence is quoted, marked, but no verdict rests on it.
		{"连锁便利店能以门店为单位执行吗", 4, "", "", "", false, "以门店为单位"},
		// "没公司" is no exclusion where the clause names 个体工商户 beside
		// 小微企业 for an owner who says 个体户; where the text names only
		// 企业 the owner's kind is not mentioned, not ruled out (trial 6).
		{"我们就是个体户 没开公司 能不停供吗", 7, "可以。", "", "", false, ""},
		{"我们就是个体户 没公司 能投吗", 25, "", "", "个体户", false, ""},
		// A trade the object takes in: 所有中小微企业 any trade, 服务业 美容院.
		{"社保缓缴我们会展行业能吗", 2, "可以。", "", "", false, ""},
		{"开美容院的 租的国有房子 房租能减吗", 4, "可以。", "", "", false, ""},
		// 服务业小微企业 is narrowed by its trade: a 建筑公司 is not mentioned.
		{"我们是建筑公司 新贷款担保费能按0.5%收吗", 11, "", "", "建筑", false, ""},
		// Vague nouns are no thing of the case.
		{"两区是啥 跟我们有关系吗", 43, "", "", "", true, ""},
		// A licence named before a bare ask is the thing asked.
		{"做美容的卫生许可证快到期了 能顺延吗", 16, "", "", "卫生许可证", false, ""},
		// The text waives what is asked for, or the ask is whether a
		// condition is required: no 有 / 可以.
		{"缓缴期间有滞纳金吗", 2, "没有。", "", "", false, ""},
		{"那滞纳金要交吗", 2, "不用。", "", "", false, ""},
		{"得在北京注册的才行吗", 4, "", "", "", false, ""},
		// 员工 is the text's 职工: no other kind of 公积金 (trial 6, 602 t8).
		{"员工公积金也能缓吗", 3, "", "", "", false, ""},
		// The rule is the sentence saying the ask's words (租住商品房).
		// The rule is the sentence saying the ask's words (租住商品房), with
		// the condition its modal clause (可按…) takes: 无自有住房 (trial 7, 704 t8).
		{"员工租房能提公积金吗", 3, "可以。", "", "", false, "按实际支付房租提取住房公积金"},
		// An ask naming no thing of its own is about its story's: a rule on
		// licences grants nothing about a loan or a business licence, a
		// statement about a word no measure writes (合作社) names the asker
		// (trial 8, 803 t8 and 807 t10); a kind the measure names keeps it.
		{"公司贷款到期了还不上，能延期吗", 16, "", "", "贷款", false, ""},
		{"营业执照快到期了 能自动顺延吗", 16, "", "", "营业执照", false, ""},
		{"合作社用电欠费了 电会不会被停", 7, "", "", "合作社", false, ""},
		{"饭馆用电欠费了 会停吗", 7, "不会。", "", "", false, ""},
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			m := testIndex.Guide().Measure(c.measure)
			a, j := judgeAsked(t, c.question, c.measure)
			if j.Verdict != c.verdict {
				t.Errorf("verdict %q, want %q (%+v)", j.Verdict, c.verdict, j)
			}
			if c.excluded != "" && !slices.ContainsFunc(j.Excluded, func(x Exclusion) bool { return x.Asked == c.excluded }) {
				t.Errorf("excluded %+v, want %q", j.Excluded, c.excluded)
			}
			if c.excluded == "" && len(j.Excluded) > 0 {
				t.Errorf("excluded %+v, want none", j.Excluded)
			}
			if c.unnamed != "" && !slices.Contains(j.Unnamed, c.unnamed) {
				t.Errorf("unnamed %q, want %q", j.Unnamed, c.unnamed)
			}
			if u := testIndex.Unnamed(m, a); !slices.Equal(u, j.Unnamed) {
				t.Errorf("Unnamed %q, Judge's %q", u, j.Unnamed)
			}
			if j.Encouraged != c.encour {
				t.Errorf("encouraged %v, want %v (rule %q)", j.Encouraged, c.encour, j.Rule)
			}
			if c.clause != "" && !slices.ContainsFunc(j.Clauses, func(q Quoted) bool { return strings.Contains(q.Text, c.clause) }) {
				t.Errorf("clauses %+v, want one with %q", j.Clauses, c.clause)
			}
		})
	}
}

// judgeAsked reads question with measure as the topic and judges its one
// ask against the measure.
func judgeAsked(t *testing.T, question string, measure int) (*Ask, Judgment) {
	t.Helper()
	rd, err := testIndex.Read(question, Context{Topic: measure})
	if err != nil || len(rd.Asks) != 1 {
		t.Fatalf("read: %+v %v", rd, err)
	}
	a := &rd.Asks[0]
	return a, testIndex.Judge(testIndex.Guide().Measure(measure), a, quotedOf(a.Aspects), "")
}

func quotedOf(as []Aspect) []Aspect {
	var out []Aspect
	for _, a := range as {
		if a.Quoted() {
			out = append(out, a)
		}
	}
	return out
}

// TestQuoteMarksDoubtful: a follow-up sentence whose place is in doubt is
// quoted with Doubtful set when the doubt is shown (seeds.Measure.ShowsDoubt;
// 第4条's 门店 sentence is only weakly in doubt, kept before its own contact
// block, so it is quoted unmarked), and never becomes the rule a verdict
// rests on.
func TestQuoteMarksDoubtful(t *testing.T) {
	m := testIndex.Guide().Measure(4)
	if len(m.Doubtful) == 0 {
		t.Skip("measure 4 has no doubtful follow-up sentence in this parse")
	}
	qs := testIndex.Quote(m, nil, []string{"门店"}, "")
	if len(qs) == 0 || qs[0].Doubtful != m.ShowsDoubt(m.Doubtful[0]) || !strings.Contains(qs[0].Text, "门店") {
		t.Errorf("quote %+v, want the 门店 sentence, marked doubtful only if shown (%v)", qs, m.ShowsDoubt(m.Doubtful[0]))
	}
	rule, _ := testIndex.ruleClause(m, []string{"门店"}, "", nil)
	if strings.Contains(rule, "门店") {
		t.Errorf("rule %q rests on the doubtful sentence", rule)
	}
}

// TestRestates: a kind told anew on the other side of a contrast replaces
// the case told before; the same side again, or no kind, does not.
func TestRestates(t *testing.T) {
	for _, c := range []struct {
		told, text string
		want       bool
	}{
		{"我那个店是租的商场的铺面 不是国有的房子", "等下 我刚问了房东 说其实是区里国企的房子", true},
		{"房东是私人的", "不对，是国企的", true},
		{"房东是国企", "房东是私人老板，不是国企的房子", true},
		{"房东是私人的", "私人的房子能减吗", false},
		{"不是国有的房子", "那能减几个月", false},
	} {
		if got := testIndex.Restates(c.told, c.text); got != c.want {
			t.Errorf("Restates(%q, %q) = %v, want %v", c.told, c.text, got, c.want)
		}
	}
}

// TestNegatedInside: a word is negated when a longer word holding it is
// ("不是国企的房子" negates 国企), not when only another word is.
func TestNegatedInside(t *testing.T) {
	neg := testIndex.negatedWords("房东是私人的，不是国企的房子")
	if !neg.inside("国企") {
		t.Errorf("国企 not negated in %v", neg)
	}
	if neg.inside("私人") {
		t.Errorf("私人 negated in %v", neg)
	}
}

// TestOutOfBounds: quantities against the bounds a text sets; where it
// bounds alternatives, against the one of the kind asked (inclusively),
// and when none is named, out only if no alternative admits the amount.
func TestOutOfBounds(t *testing.T) {
	car := "对单车价格不超过30万元的2.0升及以下排量乘用车，预留40%以上预算"
	buy := "100万元以上的货物采购项目、300万元以上的工程采购项目中适宜的，预留份额"
	for _, c := range []struct {
		text, q string
		want    []string
	}{
		{car, "2.4升的车", []string{"2.4升"}},
		{car, "1.6升，25万", nil},
		{car, "35万的车，1.5升", []string{"35万"}},
		{car, "是1.5升的 不是2.5升", nil},
		{car, "预留30%", []string{"30%"}},
		{car, "买了三辆车", nil},
		{buy, "150万的货物项目", nil},
		{buy, "100万的货物项目", nil},
		{buy, "150万的工程", []string{"150万"}},
		{buy, "货物采购 不是工程 150万的", nil},
		{buy, "投了150万的项目", nil},
		{buy, "50万的项目", []string{"50万"}},
	} {
		var got []string
		for _, x := range testIndex.outOfBounds(c.q, c.text, testIndex.negatedWords(c.q)) {
			got = append(got, x.Asked)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.q, got, c.want)
		}
	}
}

// TestHonestLists: a choice or suggestion keeps the measures whose own
// sentences answer, best first; one that has all the words answers.
func TestHonestLists(t *testing.T) {
	cases := []struct {
		question string
		kind     seeds.Kind
		first    int
		without  int // a measure that must not be listed, 0 for none
	}{
		{"房租能减免吗", seeds.KindChoice, 4, 0},              // the headline measure first
		{"国有房屋房租减免", seeds.KindMeasure, 4, 6},           // 第6条 lacks 国有房屋
		{"国企的房子房租减免有几个月", seeds.KindMeasure, 4, 5},      // 第5条 is for 非国有房屋
		{"国有企业招高校毕业生有什么要求", seeds.KindMeasure, 70, 72},  // 有什么 is no list here
		{"社保、公积金、水电气这些有哪些缓缴政策", seeds.KindChoice, 0, 0}, // a list of parts
		{"驾驶证到期怎么换", seeds.KindNone, 0, 0},              // none has 驾驶证
		{"离婚手续怎么办", seeds.KindNone, 0, 0},               // 手续 alone is no answer
	}
	for _, c := range cases {
		rd, err := testIndex.Read(c.question, Context{})
		if err != nil || len(rd.Asks) != 1 {
			t.Fatalf("%s: %+v %v", c.question, rd, err)
		}
		r := rd.Asks[0].Result
		if r.Kind != c.kind {
			t.Errorf("%s: kind %s, want %s (%+v)", c.question, r.Kind, c.kind, r.Measures)
			continue
		}
		if c.first != 0 && (len(r.Measures) == 0 || r.Measures[0].Number != c.first) {
			t.Errorf("%s: first %+v, want %d", c.question, r.Measures, c.first)
		}
		// An answer's Measures are the ranking; what it offers next is Related.
		offered := slices.ContainsFunc(r.Measures, func(h Hit) bool { return h.Number == c.without })
		if r.Kind == seeds.KindMeasure {
			offered = slices.Contains(r.Related, c.without)
		}
		if c.without != 0 && offered {
			t.Errorf("%s: offers %d: %+v related %v", c.question, c.without, r.Measures, r.Related)
		}
	}
}

// TestOrdinal: list positions, and what is not one.
func TestOrdinal(t *testing.T) {
	for text, want := range map[string]int{
		"2": 2, "②": 2, "第二个": 2, "第2个": 2, "选3": 3, "就第一个吧": 1, "三号": 3, "１": 1,
		"第二条": 0, "2.0升": 0, "22345": 0, "二手车": 0, "": 0,
	} {
		if got := testIndex.ordinal(Normalize(text)); got != want {
			t.Errorf("%q: %d, want %d", text, got, want)
		}
	}
	rd, _ := testIndex.Read("2", Context{Listed: []int{5, 6, 4}})
	if len(rd.Asks) != 1 || rd.Asks[0].Pick != 6 {
		t.Errorf("2 of [5 6 4]: %+v", rd.Asks)
	}
	rd, _ = testIndex.Read("5", Context{Listed: []int{5, 6, 4}})
	if len(rd.Asks) != 1 || rd.Asks[0].Pick != 0 || rd.Asks[0].Searched() {
		t.Errorf("5 of three: %+v", rd.Asks)
	}
	// A position, then what to know of it (trial 15: "2 找谁" after a
	// two-item list was searched as a question and found 第57条's 2.0升).
	for text, want := range map[string]struct {
		pick    int
		contact bool
	}{
		"2 找谁": {6, true}, "第二个怎么申请": {6, false}, "3，电话多少": {4, true},
		"2个员工的社保能缓交吗": {0, false}, "2找谁": {0, false},
	} {
		rd, _ := testIndex.Read(text, Context{Listed: []int{5, 6, 4}})
		got := len(rd.Asks) == 1 && rd.Asks[0].Pick == want.pick && (want.pick == 0 || len(rd.Asks[0].Aspects) > 0) && (want.pick == 0 || rd.Asks[0].OnlyContact == want.contact)
		if !got {
			t.Errorf("%q of [5 6 4]: %+v, want pick %d", text, rd.Asks, want.pick)
		}
	}
	// A position as the last sentence after a statement (trial 26: "我不是
	// 货车司机哈，是开驿站的。先看看4吧" got the list's first item); not
	// after a question, and not a number inside a sentence.
	for text, want := range map[string]int{
		"我不是货车司机哈，是开驿站的。先看看4吧": 7, "我是做餐饮的。2": 6, "房租能减吗？2": 0, "我们有2个员工。能缓吗": 0,
	} {
		rd, _ := testIndex.Read(text, Context{Listed: []int{5, 6, 4, 7}})
		if got := len(rd.Asks) == 1 && rd.Asks[0].Pick == want; !got && want != 0 || want == 0 && len(rd.Asks) > 0 && rd.Asks[0].Pick != 0 {
			t.Errorf("%q of [5 6 4 7]: %+v, want measure %d", text, rd.Asks, want)
		}
	}
	// A position closing a message after words naming what the list is
	// about (trial 19: "那贷款那个第二个吧" after a list of loan measures
	// got the first of them); words the list does not write, or a
	// position without 第, pick nothing.
	loans := []int{9, 10, 11, 3}
	for text, want := range map[string]int{
		"那贷款那个第二个吧": 10, "要贷款的第3个": 11, "贷款第一个": 9,
		"水电费那个第二个": 0, "贷款两个": 0, "贷款第二条": 0,
	} {
		if got := testIndex.subjectOrdinal(Normalize(text), loans); got != 0 && loans[got-1] != want || got == 0 && want != 0 {
			t.Errorf("%q of %v: position %d, want measure %d", text, loans, got, want)
		}
	}
}

// TestTakesBack: a message taking back what the owner said, and ones that
// only disagree with nothing of their own.
func TestTakesBack(t *testing.T) {
	for text, want := range map[string]bool{
		"哦不对 说错了 房东是国企": true, "不对，是国企的": true, "口误，是个体户": true, "哦不 是餐饮": true,
		"房东是国企": false, "这个对不对": false, "不对外开放吗": false, "哦 不对 是国企": true, "不是公积金 我说房租": false,
	} {
		if got := testIndex.TakesBack(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// TestJudgeNothingUnnamed: parts of a case the measure's words take in, and
// vague nouns, are never reported as "not mentioned" (trial 6's hedges).
func TestJudgeNothingUnnamed(t *testing.T) {
	cases := []struct {
		question string
		measure  int
	}{
		{"两区是啥 跟我们有关系吗", 43},
		{"价格扣除是啥意思", 25},
		{"员工公积金也能缓吗", 3},
		{"社保缓缴我们会展行业能吗", 2},
		{"美容院算服务业小微吧", 4},
		{"开饭店的 新贷款担保费能按0.5%收吗", 11},
		{"租的是国有的地方 房租能减免吗", 4},
		// Where the asker is (a street, a town) is no condition the
		// measure lacks (trial 11).
		{"我在鼓楼西街开了个小饭馆，电费欠了，会停电吗", 7},
		{"店在溪翁庄镇上，用水欠费了，会不会停水", 7},
		// The money asked for in the owner's word (补贴) of a measure that
		// pays (支持, 奖励); whom the owner greets (老师好); the owner's
		// word for what a measure reserves (份额: 预留) (trial 36).
		{"厂里设备老了想换新的，技术改造有没有补贴", 42},
		{"老师好，政府采购有没有给小企业留份额", 25},
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			_, j := judgeAsked(t, c.question, c.measure)
			if len(j.Unnamed) > 0 || len(j.Excluded) > 0 {
				t.Errorf("unnamed %q, excluded %+v; want none", j.Unnamed, j.Excluded)
			}
		})
	}
}

// TestSpacedStory: an owner's story typed on a phone, with spaces for
// commas and a greeting first, is read as the same story with commas: the
// situation apart, the ask answered with the measure it names, and no
// "does not mention" for the story's filler (开了个, 员工, 生意).
func TestSpacedStory(t *testing.T) {
	cases := []struct {
		msg     string
		measure int
		ask     string // the ask's own clauses
		suggest bool   // a suggestion of the measure will do
	}{
		{"你好 我在镇上开了个小火锅店 雇了五六个员工 今年疫情闹的生意很差 房子是租的区里国企的 房租能不能减", 4, "房租能不能减", false},
		{"你好，我在镇上开了个小火锅店，雇了五六个员工，今年疫情闹的生意很差，房子是租的区里国企的，房租能不能减", 4, "房租能不能减", false},
		{"您好 开了家烧烤店 雇了三个伙计 生意一直不好 员工的社保能缓交吗", 2, "员工的社保能缓交吗", false},
		// The ask puts the asker's kind to the story's topic: the story's
		// words are the ask's (社保, 缓缴), not the kind alone (培训), so
		// the measure is found, if only suggested.
		{"我们公司做企业培训的 线下课停了三个月 听说社保能缓缴 我们这种培训公司也行吗", 2, "我们这种培训公司也行吗", true},
		// An ask opening with 这块 points back at the story (refer.start).
		{"我们是开饭馆的 每周都做环境核酸检测 防疫开支越来越大 这块有没有补贴", 66, "这块有没有补贴", false},
	}
	for _, c := range cases {
		t.Run(c.msg, func(t *testing.T) {
			rd, err := testIndex.Read(c.msg, Context{})
			if err != nil || len(rd.Asks) != 1 {
				t.Fatalf("read: %+v %v", rd, err)
			}
			a := &rd.Asks[0]
			if !(a.Kind == seeds.KindMeasure || c.suggest && a.Kind == seeds.KindSuggest) || a.Measures[0].Number != c.measure {
				t.Fatalf("kind %s %v, want measure %d", a.Kind, a.Measures, c.measure)
			}
			if a.Clauses != c.ask {
				t.Errorf("ask %q, want %q", a.Clauses, c.ask)
			}
			j := testIndex.Judge(testIndex.Guide().Measure(c.measure), a, quotedOf(a.Aspects), "")
			for _, w := range j.Unnamed {
				if strings.Contains(c.msg, w) && !strings.Contains(c.ask, w) {
					t.Errorf("unnamed %q of the story's filler (all: %v)", w, j.Unnamed)
				}
			}
		})
	}
}

// TestGrants: a verdict rests only on a clause that grants something;
// clauses that organise the work behind a measure (a team, a notice of
// contacts, supervision, publicity) grant nothing, whatever grant word
// they hold, and one opening a sentence governs all of it.
func TestGrants(t *testing.T) {
	cases := []struct {
		clause, sentence string
		want             bool
	}{
		{"减免3个月房屋租金", "对承租国有房屋的小微企业减免3个月房屋租金", true},
		{"缓缴期间免收滞纳金", "缓缴期限至年底，缓缴期间免收滞纳金", true},
		{"给予一次性补贴", "对新招用人员的企业，给予一次性补贴", true},
		// Organising clauses: a grant word names the team's work, not a grant.
		{"组建房租减免工作专班", "组建房租减免工作专班，公告联系方式，协调督查政策落实", false},
		{"协调督查政策落实", "组建房租减免工作专班，公告联系方式，协调督查政策落实", false},
		{"公告联系方式", "组建房租减免工作专班，公告联系方式", false},
		{"加强贷款贴息政策的宣传与推广", "加强贷款贴息政策的宣传与推广，提高补贴办理便利度", false},
		// A sentence opened by an organising clause grants nothing after it.
		{"提高补贴办理便利度", "加强贷款贴息政策的宣传与推广，提高补贴办理便利度", false},
		// A grant beside a clause that organises, which does not open it.
		{"给予50%补贴", "对符合条件的企业给予50%补贴，区商务局建立工作专班", true},
		// No grant word at all.
		{"落实实施方案", "落实实施方案，形成项目清单", false},
	}
	for _, c := range cases {
		t.Run(c.clause, func(t *testing.T) {
			// What Judge and bestClause ask of a clause and its sentence.
			if got := testIndex.grants(c.clause) && !testIndex.organised(c.sentence); got != c.want {
				t.Errorf("grants(%q) && !organised(%q) = %v, want %v", c.clause, c.sentence, got, c.want)
			}
		})
	}
}

// TestJudgeGrantSentence: yes/no questions whose best clause only
// organises work, or whose asker's case the text does not settle, get no
// verdict; the case is reported as unsettled or as a condition of standing.
func TestJudgeGrantSentence(t *testing.T) {
	cases := []struct {
		question  string
		measure   int
		verdict   string
		unsettled string // an Unsettled Asked, "" for none
		standing  string // a Standing Asked, "" for none
		key       string // the Key of the first Unsettled or Standing
	}{
		{"房东是开发商 房租能减免吗", 6, "", "", "", ""},
		{"房租减免有专班吗", 6, "", "", "", ""},
		{"首贷补贴能给吗", 9, "", "", "", ""},
		{"房东是开发商 房租能减免吗", 4, "", "开发商", "", "国有房屋"},
		{"租的部队的房子 房租能减免吗", 4, "", "部队", "", "国有房屋"},
		// The asker settles it: 国企 is the measure's side.
		{"房东是开发商 也是国企 房租能减免吗", 4, "可以。", "", "", ""},
		// 私人 is the other side: ruled out, not unsettled.
		{"房东是私人开发商 房租能减免吗", 4, "", "", "", ""},
		// Standing as a condition: the measure's condition of place.
		{"我不是北京户口 能享受吗", 4, "", "", "北京户口", "在京注册或在京纳税"},
		{"外地户口 国有房租能减免吗", 4, "", "", "外地户口", "在京注册或在京纳税"},
		{"不是北京户口 社保能缓缴吗", 2, "", "", "北京户口", ""},
		// A kind asked about (算国有吗) is not the asker stating it: the
		// landlord's kind stays unsettled.
		{"开发商的房子算国有吗", 4, "", "开发商", "", "国有房屋"},
		{"开发商的房子算不算国有房屋", 4, "", "开发商", "", "国有房屋"},
		// Still granted where the text grants and names the case.
		{"开美容院的 租的国有房子 房租能减吗", 4, "可以。", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			_, j := judgeAsked(t, c.question, c.measure)
			if j.Verdict != c.verdict {
				t.Errorf("verdict %q, want %q (rule %q)", j.Verdict, c.verdict, j.Rule)
			}
			got, key := "", ""
			if len(j.Unsettled) > 0 {
				got, key = j.Unsettled[0].Asked, j.Unsettled[0].Key
			}
			if got != c.unsettled {
				t.Errorf("unsettled %+v, want %q", j.Unsettled, c.unsettled)
			}
			st := ""
			if len(j.Standing) > 0 {
				st, key = j.Standing[0].Asked, j.Standing[0].Key
			}
			if st != c.standing {
				t.Errorf("standing %+v, want %q", j.Standing, c.standing)
			}
			if key != c.key {
				t.Errorf("key %q, want %q", key, c.key)
			}
		})
	}
}

// TestJudgeNegatedSentence: a verdict never rests on a sentence that
// writes the asker's own word only as its negation (非特殊食品 for 特殊食品).
func TestJudgeNegatedSentence(t *testing.T) {
	cases := []struct {
		question string
		measure  int
		notRule  string // the rule must not hold this
	}{
		{"特殊食品的生产许可证到期能顺延吗", 16, "非特殊食品"},
		{"我们孵化器租的是国有房屋，能拿这个50%补贴吗", 5, ""},
	}
	// The asker's 非特殊食品 is the text's own case: granted, not ruled out.
	_, j := judgeAsked(t, "非特殊食品的生产许可证到期能顺延吗", 16)
	if len(j.Excluded) > 0 || !strings.Contains(j.Rule, "非特殊食品") || j.Verdict == "" {
		t.Errorf("非特殊食品: excluded %+v, rule %q, verdict %q; want the 非特殊食品 rule granted", j.Excluded, j.Rule, j.Verdict)
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			_, j := judgeAsked(t, c.question, c.measure)
			if c.notRule != "" && strings.Contains(j.Rule, c.notRule) {
				t.Errorf("rule %q holds %q (verdict %q)", j.Rule, c.notRule, j.Verdict)
			}
			if c.notRule != "" && j.Verdict != "" && strings.Contains(j.Rule, c.notRule) {
				t.Errorf("verdict %q rests on %q", j.Verdict, j.Rule)
			}
		})
	}
}

// TestLandlordKind: an owner's kind said of the rented premises is the
// landlord's, so a measure not about premises does not hedge on it; the
// same word said of the asker still counts.
func TestLandlordKind(t *testing.T) {
	for _, tt := range []struct {
		q, w string
		want bool
	}{
		{"我开了个小饭馆 房子是租的国企的 员工社保交不上了 能缓缴吗", "国企", true},
		{"租的私人的门面，水电欠费会停吗", "私人", true},
		{"我们是国企 员工社保能缓缴吗", "国企", false},
		{"房子是租的国企的 员工社保能缓缴吗", "社保", false},
	} {
		if got := testIndex.landlordKind(tt.q, tt.w); got != tt.want {
			t.Errorf("landlordKind(%q, %q) = %v, want %v", tt.q, tt.w, got, tt.want)
		}
	}
}

// TestNegatedGuess: a negation put as a guess ("…吧") negates nothing the
// measure could rule out; the same words said as a statement do.
func TestNegatedGuess(t *testing.T) {
	for _, tt := range []struct {
		q    string
		w    string
		want bool
	}{
		{"我们是物流不是服务业吧？算不算", "服务业", false},
		{"我们不是服务业 是做加工的 也能降吗", "服务业", true},
		// A rhetorical question affirms.
		{"零售不是特困行业吗，店员的社保能缓交不", "特困", false},
		{"我们不是特困行业，店员的社保能缓交不", "特困", true},
	} {
		if got := testIndex.negatedWords(tt.q).has(tt.w); got != tt.want {
			t.Errorf("negatedWords(%q) has %s = %v, want %v", tt.q, tt.w, got, tt.want)
		}
	}
}

// TestGrantedBeside: negating one member of a list, or one of two grants
// side by side, rules nothing out when the ask names what the other one
// grants (of two grants, also when it names neither); negating the
// measure's only object does.
func TestGrantedBeside(t *testing.T) {
	for _, c := range []struct {
		text, key string
		words     []string
		want      bool
	}{
		{"鼓励金融机构对中小微企业和个体工商户、货车司机贷款及受疫情影响的个人住房与消费贷款等实施延期还本付息。", "货车", []string{"车贷", "延期"}, true},
		{"鼓励金融机构对中小微企业和个体工商户、货车司机贷款及受疫情影响的个人住房与消费贷款等实施延期还本付息。", "货车", []string{"延期"}, false},
		{"支持落地一批智能化绿色化数字化技术改造项目，对符合条件的“新智造100”项目和绿色低碳项目给予不超过总投资30%的分档支持，对“专精特新”中小企业数字化赋能项目给予不超过合同额20%的奖励。", "专精特新", []string{"技术改造"}, true},
		{"支持落地一批智能化绿色化数字化技术改造项目，对符合条件的“新智造100”项目和绿色低碳项目给予不超过总投资30%的分档支持，对“专精特新”中小企业数字化赋能项目给予不超过合同额20%的奖励。", "专精特新", []string{"数字化赋能"}, false},
		{"支持落地一批智能化绿色化数字化技术改造项目，对符合条件的“新智造100”项目和绿色低碳项目给予不超过总投资30%的分档支持，对“专精特新”中小企业数字化赋能项目给予不超过合同额20%的奖励。", "专精特新", []string{"专精特新", "申请"}, true},
		{"支持落地一批智能化绿色化数字化技术改造项目，对符合条件的“新智造100”项目和绿色低碳项目给予不超过总投资30%的分档支持，对“专精特新”中小企业数字化赋能项目给予不超过合同额20%的奖励。", "专精特新", []string{"专精特新", "奖励"}, false},
		{"2022年对承租京内各类国有房屋的在京注册或在京纳税服务业小微企业和个体工商户减免3个月房屋租金，其中承租被列为疫情中高风险地区国有房屋的，减免6个月房屋租金。", "国有", []string{"房租"}, false},
		{"2022年对承租京内各类国有房屋的在京注册或在京纳税服务业小微企业和个体工商户减免3个月房屋租金。", "服务业", []string{"房租"}, false},
	} {
		if got := testIndex.grantedBeside(c.text, c.key, c.words); got != c.want {
			t.Errorf("grantedBeside(%q, %v) = %v, want %v", c.key, c.words, got, c.want)
		}
	}
}

// TestAsideCounts: 个人 after a count ("30多个人", "十来个人") counts
// people; it is no kind of asker a measure must name.
func TestAsideCounts(t *testing.T) {
	for _, c := range []struct {
		ask, w string
		want   bool
	}{
		{"我们是物流公司 30多个人 能缓交社保吗", "个人", true},
		{"店里十来个人 能缓交吗", "个人", true},
		{"店里五个人 能缓交吗", "个人", true},
		{"个人能缓交社保吗", "个人", false},
		{"我是个人 不是公司", "个人", false},
	} {
		if got := aside(c.ask, c.w, map[string]string{}); got != c.want {
			t.Errorf("aside(%q, %q) = %v, want %v", c.ask, c.w, got, c.want)
		}
	}
}

// TestJudgeNamedByClass: what a measure names by a class or a short form
// is no part of the asker's case it leaves unnamed (no "第3条没有提到司机"),
// and a thing asked about in a message whose ask names only a time
// (疫情期间能顺延吗) is still weighed against the kinds the text names.
func TestJudgeNamedByClass(t *testing.T) {
	cases := []struct {
		question string
		measure  int
		not      string // no Unnamed may contain it
		unnamed  string // one of Unnamed, "" for none required
	}{
		// 缴存职工 takes in a firm's drivers, 企业职工 a school's teachers.
		{"缓交期间司机要提公积金付房租受影响吗", 3, "司机", ""},
		{"我们是民办非企业单位，老师的社保能缓交吗", 2, "老师", ""},
		// 民办非企业单位 is a 社会服务机构, which 第2条 names.
		{"我们是民办非企业单位，老师的社保能缓交吗", 2, "民办非企业", ""},
		// A burden felt and a trade 所有中小微企业 takes in.
		{"我们公司员工社保压力也大，30多个人，物流运输业能缓交社保吗", 2, "压力", ""},
		{"我们公司员工社保压力也大，30多个人，物流运输业能缓交社保吗", 2, "运输业", ""},
		// 延期还贷 writes 贷款 short.
		{"就是企业贷款能不能延期还，影不影响征信", 17, "贷款", ""},
		// 灵活用工岗位 are for the workers who fill them.
		{"不是啊 我不是老板 我是被辞的员工 想找活干", 77, "员工", ""},
		// Still unnamed: a worker no class of the text takes in, a licence
		// of another kind.
		{"我是厨师，能减免房租吗", 4, "", "厨师"},
		{"民宿的营业执照 卫生许可快到期了，疫情期间能顺延吗", 16, "", "卫生许可"},
	}
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			m := testIndex.Guide().Measure(c.measure)
			rd, err := testIndex.Read(c.question, Context{Topic: c.measure})
			if err != nil || len(rd.Asks) == 0 {
				t.Fatalf("read: %+v %v", rd, err)
			}
			a := &rd.Asks[len(rd.Asks)-1]
			j := testIndex.Judge(m, a, quotedOf(a.Aspects), "")
			if c.not != "" && slices.ContainsFunc(j.Unnamed, func(u string) bool { return strings.Contains(u, c.not) }) {
				t.Errorf("unnamed %q, want none with %q", j.Unnamed, c.not)
			}
			if c.unnamed != "" && !slices.Contains(j.Unnamed, c.unnamed) {
				t.Errorf("unnamed %q, want %q", j.Unnamed, c.unnamed)
			}
			if c.unnamed != "" && j.Verdict != "" {
				t.Errorf("verdict %q beside an unnamed %q", j.Verdict, c.unnamed)
			}
		})
	}
}

// TestJudgeStaffVoice: staff named as a party besides the asker (员工要求交,
// 工人说) do not choose the rule a verdict rests on: the employer asking
// to defer gets the deferral sentence, not what 职工 may do during it
// (trial 34: "可以" rested on 缴存职工…不受缓缴影响).
func TestJudgeStaffVoice(t *testing.T) {
	for q, want := range map[string]string{
		"公积金我们一直没交，员工要求交，能缓吗": "申请缓缴住房公积金",
		"工人说公积金能缓交吗":          "申请缓缴住房公积金",
		"员工租房能提公积金吗":          "按实际支付房租提取住房公积金",
	} {
		_, j := judgeAsked(t, q, 3)
		if !strings.Contains(j.Rule, want) {
			t.Errorf("%q: rule %q, want the sentence with %q", q, j.Rule, want)
		}
	}
}

// TestStaffSpeechQuoteAndVerdict: what staff say or demand (员工说…必须交)
// is a party's speech beside the owner's ask: the first quote is the
// employer's sentence, not what 职工 may do, and the 必须 inside the
// speech does not turn "我们能缓吗" into a question of a required
// condition; an adverb between staff and verb (工人一直催) keeps them a
// party (stop 48's chat after trial 35).
func TestStaffSpeechQuoteAndVerdict(t *testing.T) {
	for _, q := range []string{
		"员工说公积金必须交，我们能缓吗",
		"工人一直催 说一定要交公积金 我们能缓吗",
	} {
		_, j := judgeAsked(t, q, 3)
		if len(j.Clauses) == 0 || !strings.Contains(j.Clauses[0].Text, "用人单位") {
			t.Errorf("%q: first quote %+v, want the employer's sentence", q, j.Clauses)
		}
		if j.Verdict == "" || !strings.Contains(j.Rule, "用人单位") {
			t.Errorf("%q: verdict %q on %q, want one on the employer's sentence", q, j.Verdict, j.Rule)
		}
	}
	// A condition asked in the asking clause itself still gets no 可以.
	for _, q := range []string{"必须是受疫情影响的企业才能缓吗", "一定要本人去办吗"} {
		if !testIndex.asksOnly(q) {
			t.Errorf("asksOnly(%q) = false", q)
		}
	}
	if testIndex.asksOnly("员工说必须交，我们能缓吗") {
		t.Error("asksOnly read the staff's 必须 as the ask")
	}
}
