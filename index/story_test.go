package index

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"policybot/seeds"
)

// TestStoryShapes: a lead-in naming its subject mid-story is the ask, the
// story after it stays story; a story that asks nothing and ends on a
// complaint naming nothing is about the whole story, the asker's kind
// aside; two asks joined by a connective are both answered (issue 18).
func TestStoryShapes(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the first measure of each ask answered, in order
	}{
		{"我在村口开了个小卖部，是个体户，房子是区里国企的，想问问房租那个事，前年就听人说过，一直没顾上问，最近进货都难。", []int{4}},
		{"我们厂的留抵税额压了一百来万，进项多销项少，现金流越来越紧，工资都快发不出来了，太难了。", []int{1}},
		{"我们农家乐开了五年了，今年的预订全退了，银行那笔贷款下个月就到期，手里一点钱都没有，愁得吃不下饭。", []int{10}},
		// A second ask a connective opens is kept though the search is
		// unsure of it and the first answer's words touch it.
		{"我们开了家小宠物医院，去年借的经营贷下个月到期，想申请延期还本付息，能办吗？另外我们的门面是街道的国有房，这种小店房租能不能减？", []int{10, 4}},
		// A price complained of before 另外 is a need of its own; the
		// ask after 另外 names its subject in a later clause.
		{"我在村里开了个小超市 店里的宽带每月三百多 太贵了 另外打算年底买辆1.5升的小车 车价十二万 购置税能减半吗", []int{8, 57}},
		// "真的假的" asks whether what was heard is true.
		{"在园区的孵化器里办公 公司刚注册半年 孵化器的人说能给入驻企业减房租 真的假的 另外研发投入有补助吗", []int{5, 41}},
		// The asker negates 国有 too: the measure for 非国有房屋 is theirs.
		{"我们办了个科技型孵化器，楼是从一家私营公司租的，不是国有的。给入孵企业免了两个月租金，政府补贴多少比例？", []int{5}},
		// A demonstrative points at what the story told ("这个补贴"): the
		// statement that told it is the ask's context.
		{"我们在一个孵化器里租了两间办公室，不是国企的房子，孵化器的人说区里要是给补贴他们就给我们减房租，大家知道这个补贴是怎么回事吗", []int{5}},
		{"厂子去年买了台新设备，供应商说可以申请首台套保险补偿，这项保险是怎么回事", []int{41}},
		// 几个 after a place word counts, asks nothing.
		{"我们是做物业的，给区里几个单位做保洁，服务费拖了一年没结，这钱有人管吗？", []int{22}},
		// What is told after the second ask (停业了能赔) is not the
		// first's story.
		{"照相馆 疫情期间欠了三个月电费 想问会不会停电 还有我们这种店能不能买企业疫情险 停业了能赔", []int{7, 12}},
		// Staff counted tell the size of the business, not the thing
		// asked about: the graduate hired is.
		{"我们有6个工人 打算再招个大学生 给补贴不", []int{72}},
		// A wish to apply before 另外 is an ask of its own.
		{"厂里 想申请首贷 另外留抵退税能办吗", []int{9, 1}},
		// An example after the ask (X什么的) is what it asks about.
		{"那交税方面有没有优惠 留抵退税什么的", []int{1}},
		// A count of asks makes asks of the things told before it.
		{"员工社保缓交 公积金能缓吗 两个都问", []int{2, 3}},
		// A story about a divorce whose ask shares one word with a
		// measure (房子) is declined, not answered.
		{"老公要跟我离婚，我们那套房子是用公积金贷款买的，这房子该怎么分？", nil},
		// Two coordinated subjects of different measures are two asks,
		// in the order named; a compound the guide names (城镇职工保险)
		// and subjects one measure covers (社会团体和基金会) stay one.
		{"公积金和社保能不能晚点交", []int{3, 2}},
		{"水电跟房租都拖了两个月", []int{7, 4}},
		// The subjects may be in the story a subjectless ask ("咋整",
		// "有啥办法") takes as its context: two asks all the same.
		{"社保和公积金都交不上了，咋整", []int{2, 3}},
		{"开了个小饭馆，水电和社保都欠着，有啥办法", []int{7, 2}},
		{"新来的农村员工城镇职工保险能交吗", []int{73}},
		{"社会团体和基金会能缓缴社保吗", []int{2}},
		// Latin abbreviations the lexicon knows coordinate as well.
		{"gjj和sb能不能晚点交", []int{3, 2}},
		// An ask naming an out-of-scope topic is no request for the
		// asker's kind's list: declined, not listed.
		{"我是开小超市的个体户，年底个税汇算有没有什么专项扣除", nil},
		// A name the guide quotes for one measure, quoted in the story,
		// names that measure however little the ask itself says.
		{"我们村几户人家合伙搞了个观光果园，区里宣传的“京郊之夏”那些线路，我们能挂上名吗？找谁", []int{69}},
		// A second ask that tells the first's relief as had ("免了房租之后")
		// and names a subject of its own is not dropped as the first
		// again, though the story ranks the first's answer first for it.
		{"我们几家药店租的都是国有的门面，免租是按店算还是按公司算？免了房租之后还能再办首贷贴息吗", []int{4, 9}},
		// A story that tells its rent settled out of reach ("租金减不了")
		// is no evidence for an ask naming 社保: it is answered with 社保
		// once, not with the rent measure as well.
		{"我在镇上开了家理发店，房子是私人的不是国企的，房东说租金减不了，员工的社保也快交不上了，我这种情况社保能减免吗", []int{2}},
		// Whether a relief can be had together with one the story says
		// was had asks about both, in the order told.
		{"我们厂的技改项目拿了区里的支持，还能同时申请首台套的政策吗", []int{42, 41}},
		// An English ask about factor supply (land, water, energy) for a
		// foreign-invested project is read through the glossary, not
		// declined as unreadable.
		{"Which office should we contact about land and energy supply for a foreign investment project in the Two Zones?", []int{43}},
		// Turning a bank loan into a housing-fund loan (商转公) is no
		// deferral of the fund's contributions: declined.
		{"商业银行那笔贷款利率太高了，能不能转为公积金贷款", nil},
		// Shopping for the cheapest personal loan is a bank's product, not
		// the loan-deferral measure: declined.
		{"打算借笔消费贷给家里换套家具，哪个银行的利息最低，要什么条件", nil},
		// Years of 社保 paid in are a person's standing (落户, a house, a
		// pension), not its deferral: both asks declined.
		{"外地户口在这边落户有什么要求，社保得交够几年", nil},
		// 活 alone is work to be had, and 干吗 after 能 is the verb 干 and
		// the particle 吗, no "why": the ask is about jobs.
		{"在家闲了半年，有没有临时的活能干吗", []int{76}},
		// Whether two reliefs, each named, can be had together asks about
		// both, in the order named: the halves around the coordinator are
		// phrases, and may be in the statement before a subjectless ask.
		{"房租减免跟首贷贴息可以叠加享受吗", []int{4, 9}},
		{"嗯那个留抵退税和那个社保缓缴的 能一起办吗", []int{1, 2}},
		{"个体户可否同时享受社保缓缴和水电欠费不停供", []int{2, 7}},
		// 外省 / 外省市 is "another province", no place named: a firm
		// registered there that pays tax in the city is asking here.
		{"公司注册在外省、税在北京交，租的是区里国企的门面，房租能减吗", []int{4}},
		// A subject taken back (哦不是) and restated (我是想问…) is read on
		// the new subject alone.
		{"我想问房租减免，哦不是，我是想问补充医保的那种商业险，小公司能统一给员工上吗", []int{13}},
		// An ask naming only the asker's kind (对中小企业有照顾吗) is about
		// the story before it (政府工程投标), not the kind alone.
		{"我们是小型劳务公司，想参加政府工程投标，门槛高，对中小企业有照顾吗", []int{24}},
		// A list of the nation's programme is not the guide's list for
		// the asker's kind: declined.
		{"我是做餐饮的个体户，想问问明年国家对个体户有哪些新的减免政策", nil},
		// 最近几个月 tells a time (近几, like 前几), asks nothing: the story
		// is the context of the one ask.
		{"我在镇上开了个洗车店，近几个月没什么生意，水费欠了三个月了，自来水公司说要停水，怎么办", []int{7}},
	}
	for _, c := range cases {
		if _, got := answeredFirsts(t, c.msg); !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
	}
}

// TestStoryCauses: the causes of stop 37's story misses, each in a shape
// of its own — a question word before 都没 tells, not asks; a story word
// the lexicon reads as the measure's (低保户) is no evidence for none; a
// loan put off (缓缓) is its deferral; what the asker heard of (听说有X) is
// what the yes-no ask after it is about; a run-on typed by voice asks from
// its lead-in or from the pause before its question.
func TestStoryCauses(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the first measure of each ask answered, in order
	}{
		{"我妹妹在网上平台接单跑腿，啥保障都没有，平台经济那个新业态保险试点她能买吗", []int{14}},
		{"我妈是低保户 这两个月菜价肉价一直往上涨 听说涨价了低保户能领临时补贴 她能领吗", []int{81}},
		{"我们是个体户，去年贷的款今年有点还不上，贷款能缓缓不", []int{10}},
		{"我们办营业执照来回跑了好几趟，听说现在有电子证照和电子印章了，能全程网上办理吗", []int{15}},
		{"老板你好我在镇上开了个修车铺开了六年了这两年疫情关关停停亏了不少钱房东是国企的说不给减房租我想问问房租减免的事", []int{4}},
		{"喂就是我问一下啊我姐在镇上开了个小吃店嗯就是那个疫情关了三个月生意不好那个社保啊能不能缓交", []int{2}},
		{"公司规模不大，做建筑分包的，想投政府工程的标，门槛太高了，有没有照顾中小企业的", []int{24}},
	}
	for _, c := range cases {
		rd, got := answeredFirsts(t, c.msg)
		if !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
		for _, a := range rd.Asks {
			// Answered, not suggested: the story is the evidence.
			if a.Kind != seeds.KindMeasure && a.Kind != seeds.KindChoice {
				t.Errorf("Read(%q): ask %q decided %s; want an answer", c.msg, a.Text, a.Kind)
			}
		}
	}
}

// TestServiceProcurement: an ask about a government service contract
// (保洁服务项目, 安保服务项目) offers the measure for goods and services
// procurement first, not the one for works (工程) whose bidding words
// (投标) and 降低 (优惠) it happens to share: jieba glues 服务项目 into one
// word the guide never writes, and 服务 alone weighs next to nothing.
func TestServiceProcurement(t *testing.T) {
	want := 0
	for _, m := range testIndex.guide.Measures {
		if strings.Contains(m.Text, "货物服务") && strings.Contains(m.Text, "价格扣除") {
			want = m.Number
		}
	}
	if want == 0 {
		t.Fatal("test premise: a measure on goods and services procurement")
	}
	for _, q := range []string{"小企业投标政府的保洁服务项目有没有优惠", "小企业投标政府的安保服务项目有没有优惠"} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || len(rd.Asks[0].Measures) == 0 || rd.Asks[0].Measures[0].Number != want || rd.Asks[0].Kind == seeds.KindNone {
			t.Errorf("%s: %+v, want measure %d offered first", q, rd.Asks, want)
		}
	}
}

// TestShareOfSubsidy: asked how the levels of government split a subsidy
// (分担), the measure stating each level's share (承担) answers.
func TestShareOfSubsidy(t *testing.T) {
	want := 0
	for _, m := range testIndex.guide.Measures {
		if strings.Contains(m.Text, "孵化器") && strings.Contains(m.Text, "承担") {
			want = m.Number
		}
	}
	if want == 0 {
		t.Fatal("test premise: a measure stating the shares of a subsidy")
	}
	q := "科技型孵化器为在孵企业减免租金的，补贴标准如何确定？市、区两级如何分担？"
	rd, err := testIndex.Read(q, Context{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rd.Asks {
		if a.Kind == seeds.KindNone || len(a.Measures) == 0 || a.Measures[0].Number != want {
			t.Errorf("%s: ask %q %s %v, want measure %d first", q, a.Text, a.Kind, a.Measures, want)
		}
	}
}

// TestEntityContext: in a story of two businesses, each ask's own statements
// are its context, and what another ask holds as its context is no
// situation of this one ("…旅行社想搞研学游，有政策吗？饭馆这边每周测核酸，这
// 钱能补吗？": the study tours are not the test fees' story).
func TestEntityContext(t *testing.T) {
	for _, c := range []struct {
		msg      string
		notIn    []string // per ask, a word its situation must not hold
		measures []int
	}{
		{"我家有两摊生意：一个饭馆，一个小旅行社。旅行社想搞中小学生研学游，有政策吗？饭馆这边每周给员工测核酸，这钱能补吗？", []string{"核酸", "研学"}, []int{68, 66}},
	} {
		rd := must2(testIndex.Read(c.msg, Context{}))
		if len(rd.Asks) != len(c.notIn) {
			t.Fatalf("%q: %d asks, want %d", c.msg, len(rd.Asks), len(c.notIn))
		}
		for i, a := range rd.Asks {
			if strings.Contains(a.Situation, c.notIn[i]) {
				t.Errorf("%q ask %d: situation %q holds %s", c.msg, i+1, a.Situation, c.notIn[i])
			}
			if len(a.Measures) == 0 || a.Measures[0].Number != c.measures[i] {
				t.Errorf("%q ask %d: ranked %v, want %d first", c.msg, i+1, a.Measures, c.measures[i])
			}
		}
	}
}

// TestStoryAskingNothing: a story that asks nothing and closes on
// hardship alone ("愁死了") is answered by the needs it told, each on its
// own, the closing line no ask of its own (fixAF: the closing line was
// read as the question and the need before it as its context).
func TestStoryAskingNothing(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the first measure of each ask answered with confidence
	}{
		{"我们是个小洗衣店，停业一个多月，水电燃气费一分没少，愁死了", []int{7}},
	}
	for _, c := range cases {
		rd, _ := answeredFirsts(t, c.msg)
		var got []int
		for _, a := range rd.Asks {
			if utf8.RuneCountInString(a.Text) <= 5 {
				t.Errorf("Read(%q): the closing hardship %q is an ask", c.msg, a.Text)
			}
			if a.Kind == seeds.KindMeasure {
				got = append(got, a.Measures[0].Number)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with confidence %v; want %v", c.msg, got, c.want)
		}
	}
}
