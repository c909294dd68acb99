package seeds

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// lineMeasure is what a test guide's measure must read as: the start of
// its text, its lead units and its contacts as Contact.String writes them.
type lineMeasure struct {
	n        int
	text     string
	lead     string
	contacts []string
}

// checkEvery checks every measure of g against want, and that g has no
// other. Measures in lost (the scrambled copy lost their start sentence or
// their contact line with another's) must show nothing in place of what
// was lost: no text where the start was lost, no contact where the
// contact was.
func checkEvery(t *testing.T, g *Guide, want []lineMeasure, lostText, lostContact []int) {
	t.Helper()
	if len(g.Measures) != len(want) || g.MaxNumber() != len(want) {
		t.Errorf("%d measures (highest %d), want %d", len(g.Measures), g.MaxNumber(), len(want))
	}
	if len(g.Report.Unread) > 0 {
		t.Errorf("lines not read: %+v", g.Report.Unread)
	}
	for _, w := range want {
		m := g.Measure(w.n)
		if m == nil {
			t.Errorf("measure %d missing", w.n)
			continue
		}
		if slices.Contains(lostText, w.n) {
			if m.Text != "" {
				t.Errorf("measure %d: text %q where the copy lost it", w.n, Clip(m.Text, 15))
			}
		} else if !strings.HasPrefix(m.Text, w.text) {
			t.Errorf("measure %d: text %q, want %q…", w.n, Clip(m.Text, 15), w.text)
		}
		if slices.Contains(lostContact, w.n) {
			if len(m.Contacts) > 0 {
				t.Errorf("measure %d: contacts %q where the copy lost them", w.n, contactLines(m))
			}
			continue
		}
		if got := strings.Join(m.Lead, "、"); got != w.lead {
			t.Errorf("measure %d: lead %q, want %q", w.n, got, w.lead)
		}
		if got := contactLines(m); !reflect.DeepEqual(got, w.contacts) {
			t.Errorf("measure %d: contacts\n got %q\nwant %q", w.n, got, w.contacts)
		}
	}
}

// TestContactLine reads an 实施细则 whose measures are numbered "1．" (a
// full-width dot) through the guide and end with "（责任单位：…）", then
// 具体流程 / 办理方式 steps "（1）" "（2）" and one line of contacts:
// "联系人：区国资委产权管理科 韩某某 联系电话：010-…；区财政局资产管理科 周某某
// 联系电话：010-…" (the unit and department, the person, the phone; further
// pairs after "；" without the 联系人 label), 8-digit local numbers, the
// hotlines 12366 and 12345, a mobile, an e-mail, and measures without a
// contact line. Every measure, on the clean and the scrambled copy.
func TestContactLine(t *testing.T) {
	want := []lineMeasure{
		// Two pairs: each unit from its pair, not from the clause.
		{1, "对承租区属国有企业经营用房", "区国资委、区财政局", []string{"区国资委 产权管理科 韩立明 010-63871025", "区财政局 资产管理科 周雅琴 010-63872210"}},
		// An 8-digit phone with the next number glued to it in the copy.
		{2, "对承租非国有经营用房", "区商务局", []string{"区商务局 流通发展科 邓海峰 63873306"}},
		{3, "对受疫情影响较大的困难行业企业", "区税务局", []string{"区税务局 纳税服务科 孙晓雯 12366"}},
		// An e-mail instead of a phone.
		{4, "自2021年2月起", "区市场监管局", []string{"区市场监管局 特种设备安全监察科 刘建平 tzsb@ytscjg.example.cn"}},
		// No contact line: the clause's units alone.
		{5, "对疫情期间坚持营业", "区商务局、区财政局", []string{}},
		// Three pairs, a bank's branch among the units.
		{6, "引导区内银行机构", "区金融办、人民银行云台支行、云台银保监分局", []string{
			"区金融办 金融服务科 程思远 010-63874401", "人民银行云台支行 货币信贷科 宋佳怡 010-63874512", "云台银保监分局 监管科 钟明辉 010-63874623"}},
		{7, "对新发生的中小微企业贷款", "区金融办、区财政局", []string{"区金融办 金融服务科 程思远 010-63874401"}},
		// The contact's unit is none of the clause's: kept as written.
		{8, "区融资担保公司对受疫情影响", "区金融办、区国资委", []string{"区融资担保公司 业务一部 谭志勇 13910426673"}},
		{9, "发挥应急转贷资金作用", "区金融办", []string{}},
		// 办理方式 on the label's line, no steps; measure 10 after a heading.
		{10, "对不裁员或少裁员的参保企业", "区人力社保局", []string{"区人力社保局 失业保险科 魏红梅 010-63875730"}},
		{11, "对疫情期间组织职工参加线上", "区人力社保局、区财政局", []string{"区人力社保局 职业能力建设科 许文博 63875816", "区财政局 社会保障科 蔡雪莲 63872288"}},
		// Numbers of two digits glued to the phone before them in the copy.
		{12, "对疫情期间生产防疫物资", "区经信局", []string{"区经信局 产业发展科 罗永康 010-63876127"}},
		{13, "对疫情期间承担应急运输任务", "区交通局", []string{"区交通局 运输管理科 龚振华 010-63877034"}},
		{14, "各类企业服务事项推行网上办", "区政务服务局", []string{"区政务服务局 综合科 范丽娟 12345"}},
		{15, "对疫情期间到期的行政许可证件", "区政务服务局、区市场监管局", []string{}},
		// The contact line ends the guide.
		{16, "建立中小微企业诉求快速响应机制", "区发改委", []string{"区发改委 营商环境科 潘文静 010-63878105"}},
	}
	dir := "testdata/formats/yuntai-2021-contact-line"
	for _, tt := range []struct {
		file                  string
		lostText, lostContact []int
	}{
		{"guide.txt", nil, nil},
		// The copy lost measure 7's start sentence, which held measure 6's
		// contact line (glued to "7．").
		{"scrambled-1.txt", []int{7}, []int{6}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join(dir, tt.file))
			checkEvery(t, g, want, tt.lostText, tt.lostContact)
			if tt.file == "guide.txt" && (len(g.Sections) != 4 || len(g.Report.MissingContact) > 0 || len(g.Report.Warnings) > 0) {
				t.Errorf("%d sections, missing contact %v, warnings %+v", len(g.Sections), g.Report.MissingContact, g.Report.Warnings)
			}
		})
	}
}

// TestDutyPerson reads a 落实指引 whose 责任单位 line names the contact
// person in brackets, "责任单位：区人力社保局失业保险科（联系人：周某某）", and
// the phone on the next line with its hours; two such pairs for some
// measures, two people in one bracket, a unit without a person. Every
// measure, on the clean and the scrambled copy.
func TestDutyPerson(t *testing.T) {
	want := []lineMeasure{
		{1, "严格落实增值税留抵退税政策", "区税务局", []string{"区税务局 货物和劳务税科 施文涛 12366 （工作日9:00—17:00）"}},
		// A space between the unit and its department in one pair.
		{2, "对受疫情影响生产经营困难", "区人力社保局、区税务局", []string{
			"区人力社保局 社保中心征缴科 周慧敏 65091274、65091288 （工作日8:30—12:00，13:30—17:30）",
			"区税务局 社会保险费科 严俊 12366 （工作日9:00—17:00）"}},
		{3, "受疫情影响的企业可申请缓缴住房公积金", "北京住房公积金管理中心石湖管理部", []string{"北京住房公积金管理中心石湖管理部 归集科 冯晓光 65093615"}},
		{4, "对不裁员或少裁员的参保企业", "区人力社保局", []string{"区人力社保局 失业保险科 葛丽萍 65097720 （工作日9:00—17:00）"}},
		// Two people in one bracket.
		{5, "对吸纳登记失业人员就业", "区人力社保局", []string{"区人力社保局 就业促进科 段鹏飞、汤雨欣 65097745"}},
		{6, "鼓励区内银行机构", "区金融办", []string{"区金融办 金融服务科 邹建新 65092188 （工作日9:00—17:00）"}},
		{7, "区级融资担保机构", "区金融办、区财政局", []string{
			"区金融办 金融服务科 邹建新 65092188 （工作日9:00—17:00）", "区财政局 金融科 姜文华 65092310"}},
		// No person.
		{8, "对符合条件的个人和小微企业创业担保贷款", "区人力社保局", []string{"区人力社保局 就业促进科 65097745"}},
		{9, "在全区范围内分批发放数字消费券", "区商务局", []string{"区商务局 消费促进科 于海洋 13911037256"}},
		{10, "对新引进的品牌首店", "区商务局", []string{"区商务局 消费促进科 于海洋 65094416"}},
		{11, "对受疫情影响暂停营业", "区文化和旅游局", []string{"区文化和旅游局 产业发展科 蒋雪梅 65095102 （工作日9:00—17:30）"}},
		{12, "企业开办全程网上办理", "区政务服务局", []string{"区政务服务局 综合窗口科 汪一鸣 12345 （全天）"}},
		// A unit without a department.
		{13, "建立企业诉求“接诉即办”机制", "区营商环境服务中心", []string{"区营商环境服务中心 65096608"}},
		{14, "对涉企行政检查实行", "区司法局", []string{"区司法局 行政执法协调监督科 沈立国 65098231"}},
	}
	dir := "testdata/formats/shihu-2023-duty-person"
	for _, tt := range []struct {
		file                  string
		lostText, lostContact []int
	}{
		{"guide.txt", nil, nil},
		// The copy lost measure 5's start sentence, which held measure 4's
		// block; 14's, the unterminated block after the last start, is
		// withheld (see unsettled).
		{"scrambled-1.txt", []int{5}, []int{4, 14}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join(dir, tt.file))
			checkEvery(t, g, want, tt.lostText, tt.lostContact)
		})
	}
}

// TestContactLineShapes reads contact lines the test guides do not hold:
// a bracket that also gives the phone, half-width brackets, a further
// pair with an e-mail, and words no label reads, which the report lists
// with the line they stand on. The measure number glued to such words'
// digits is the one the numbering around it expects.
func TestContactLineShapes(t *testing.T) {
	head := "北京市某区人民政府办公室关于印发若干措施的通知\n发布日期：2021-03-01\n为支持企业发展，制定以下措施：\n一、减轻负担\n"
	for _, tt := range []struct {
		name, body string
		n          int
		contacts   []string
		unread     string // a line the report must list ("" for none)
		next       int    // the measure that must follow n
	}{
		{name: "phone inside the bracket",
			body: "1.对小微企业减免房租。\n责任单位：区国资委产权科（联系人：韩立明，电话：010-63871025）\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区国资委 产权科 韩立明 010-63871025"}, next: 2},
		{name: "half-width bracket",
			body: "1.对小微企业减免房租。\n责任单位:区国资委产权科(联系人:韩立明)\n咨询电话:63871025\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区国资委 产权科 韩立明 63871025"}, next: 2},
		{name: "a further pair with an e-mail",
			body: "　　1．对小微企业减免房租。（责任单位：区国资委、区财政局）\n　　联系人：区国资委产权科 韩立明 联系电话：010-63871025；区财政局资产科 周雅琴 电子邮箱：zcgl@example.cn\n　　2．对中小企业给予贴息。（责任单位：区金融办）\n",
			n:    1, contacts: []string{"区国资委 产权科 韩立明 010-63871025", "区财政局 资产科 周雅琴 zcgl@example.cn"}, next: 2},
		{name: "an extension after the phone",
			body: "　　1．对小微企业减免房租。（责任单位：区国资委）\n　　联系人：区国资委产权科 韩立明 联系电话：010-63871025转8001\n　　2．对中小企业给予贴息。（责任单位：区金融办）\n",
			n:    1, contacts: []string{"区国资委 产权科 韩立明 010-63871025"}, unread: "联系人：区国资委产权科 韩立明 联系电话：010-63871025转8001", next: 2},
		{name: "a 7-digit local number and a mobile",
			body: "1.对小微企业减免房租。\n责任单位：区国资委\n联系人：韩立明，联系电话：6628452、13963872516\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区国资委 韩立明 6628452、13963872516"}, next: 2},
		{name: "a 7-digit number after a full one",
			body: "1.对小微企业减免房租。\n责任单位：区国资委\n联系人：韩立明，联系电话：0535-6250178、6250179\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区国资委 韩立明 0535-6250178、6250179"}, next: 2},
		{name: "hotline and unit named after their numbers",
			body: "1.对小微企业减免房租。\n责任单位：区人社局\n联系电话：12345（区政务服务热线）；0535-6218304（区社保中心）\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区政务服务热线 12345", "区社保中心 0535-6218304"}, next: 2},
		{name: "a hotline's kind after the unit's only number",
			body: "1.对小微企业减免房租。\n联系单位：区税务局征收管理科　　咨询电话：12366（纳税服务热线）\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区税务局 征收管理科 12366"}, next: 2},
		{name: "seven digits inside a sentence are no phone",
			body: "1.对小微企业减免房租，全年减免总额2500000元。\n责任单位：区国资委\n联系人：韩立明，联系电话：63871025\n2.对中小企业给予贴息。\n责任单位：区金融办\n",
			n:    1, contacts: []string{"区国资委 韩立明 63871025"}, next: 2},
		{name: "words after the last contact",
			body: "　　1．对小微企业减免房租。（责任单位：区国资委）\n　　联系人：区国资委产权科 韩立明 联系电话：010-63871025（分机转接）\n",
			n:    1, contacts: []string{"区国资委 产权科 韩立明 010-63871025"}, unread: "联系人：区国资委产权科 韩立明 联系电话：010-63871025（分机转接）"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(head + tt.body))
			if err != nil {
				t.Fatal(err)
			}
			m := g.Measure(tt.n)
			if m == nil {
				t.Fatalf("measure %d missing: %d measures", tt.n, len(g.Measures))
			}
			if got := contactLines(m); !reflect.DeepEqual(got, tt.contacts) {
				t.Errorf("contacts\n got %q\nwant %q", got, tt.contacts)
			}
			if tt.next > 0 && (g.Measure(tt.next) == nil || g.MaxNumber() != tt.next) {
				t.Errorf("measures %v, want %d after %d", numbers(g), tt.next, tt.n)
			}
			var lines []string
			for _, u := range g.Report.Unread {
				lines = append(lines, u.Line)
			}
			if tt.unread == "" && len(lines) > 0 || tt.unread != "" && !slices.Contains(lines, tt.unread) {
				t.Errorf("lines not read %q, want %q", lines, tt.unread)
			}
		})
	}
}

func numbers(g *Guide) []int {
	var out []int
	for _, m := range g.Measures {
		out = append(out, m.Number)
	}
	return out
}

// TestContactList reads a guide whose measures end with "责任单位:区甲局、区乙局"
// and one contact line naming several people: "联系人:张某,联系电话:…;李某,
// 联系电话:…", "联系人:张某、李某,联系电话:…、…", "联系人:张某(区甲局),联系电话:…;
// 李某(区乙局),…", "联系人：张某 联系电话：…；李某 联系电话：…", half- and
// full-width; hotlines alone, a measure without contact, and two people
// under three units. Every person keeps their phone and, where the line or
// the 责任单位 order says so, their unit; no measure gets another's phone.
func TestContactList(t *testing.T) {
	want := []lineMeasure{
		{1, "全面落实企业服务包制度", "全区各单位", []string{}},
		{2, "开通企业复工复产服务专线", "区政务服务局", []string{"区政务服务局 12345"}},
		// Pairs after ";", the second without its label: units in the 责任单位 order.
		{3, "对承租区属国有企业经营用房", "区国资委、区财政局", []string{"区国资委 韦振国 62551234", "区财政局 易嘉欣 010-62805678"}},
		{4, "对受疫情影响较大", "区税务局", []string{"区税务局 12366"}},
		// Two people, two phones: each person the phone in the same place.
		{5, "对受疫情影响生产经营困难", "区人力社保局、区医保局", []string{"区人力社保局 符海涛 62553301", "区医保局 骆晓琳 62553412"}},
		// Each person tagged with the unit.
		{6, "对受疫情影响的中小微企业2020年", "区金融办、区财政局", []string{"区金融办 庞志宏 68891234", "区财政局 岑佳琪 68895678"}},
		// Full-width, a space between a person and the label.
		{7, "发放柳溪区消费券", "区商务局、区财政局", []string{"区商务局 甘立群 62557720", "区财政局 闵思远 62557831"}},
		{8, "对不裁员或少裁员", "区人力社保局", []string{"区人力社保局 戚慧芳 010-62558806"}},
		{9, "对招用本区登记失业人员", "区人力社保局、区财政局", []string{"区人力社保局 路建勋 62558890", "区财政局 阎秋菊 62552290"}},
		// One unit, two people with a phone each (a mobile).
		{10, "对符合条件的个人和小微企业", "区人力社保局", []string{"区人力社保局 单文博 62558817", "区人力社保局 邵雨桐 13911046625"}},
		{11, "推行企业开办", "区政务服务局、区市场监管局", []string{"区政务服务局 顾明远 62559001", "区市场监管局 卓雅婷 62559102"}},
		{12, "建立中小企业诉求快速响应机制", "区发改委", []string{"区发改委 黎文杰 13910257788"}},
		// Three people, three phones, three units.
		{13, "对受疫情影响暂停营业", "区文化和旅游局、区商务局、区体育局", []string{
			"区文化和旅游局 包振华 62550011", "区商务局 屈丽萍 62550022", "区体育局 严家宁 62550033"}},
		// Two people under three units: nothing says whose; no unit.
		{14, "对2020年新落户本区的总部企业", "区发改委、区商务局、区财政局", []string{"任思齐 62556601", "葛雨辰 62556712"}},
	}
	dir := "testdata/formats/liuxi-2020-contact-list"
	for _, tt := range []struct {
		file                  string
		lostText, lostContact []int
	}{
		{"guide.txt", nil, nil},
		// The copy lost the sentence holding measure 4's block and 5's
		// start; 14's, the unterminated block after the last start, is
		// withheld (see unsettled). Measure 1's start, glued with its
		// heading to the introduction ("…以下措施:一、…1.…"), is read.
		{"scrambled-1.txt", []int{5}, []int{4, 14}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join(dir, tt.file))
			checkEvery(t, g, want, tt.lostText, tt.lostContact)
			if tt.file != "guide.txt" {
				return
			}
			for _, m := range g.Measures {
				if warned(g, WarnPhoneAttribution, m.Number) != (m.Number == 14) {
					t.Errorf("measure %d: attribution warned %v", m.Number, warned(g, WarnPhoneAttribution, m.Number))
				}
			}
		})
	}
}

// TestReadContactList: one contact line naming several people, each shape
// on its own; what stays together, and what is left unread.
func TestReadContactList(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
		rest     string
	}{
		{"pairs after a separator", "责任单位:区甲局、区乙局联系人:张三,联系电话:62551234;李四,联系电话:010-62805678",
			[]string{"区甲局 张三 62551234", "区乙局 李四 010-62805678"}, ""},
		{"people then phones", "责任单位:区甲局、区乙局联系人:张三、李四,联系电话:62551234、62805678",
			[]string{"区甲局 张三 62551234", "区乙局 李四 62805678"}, ""},
		{"tagged pairs", "责任单位:区甲局、区乙局联系人:张三(区乙局),联系电话:68891234;李四(区甲局),联系电话:68895678",
			[]string{"区甲局 李四 68895678", "区乙局 张三 68891234"}, ""},
		{"full-width", "责任单位：区甲局、区乙局联系人：张三联系电话：62551234；李四联系电话：62805678",
			[]string{"区甲局 张三 62551234", "区乙局 李四 62805678"}, ""},
		{"an e-mail in a further pair", "责任单位：区甲局、区乙局联系人：张三，联系电话：62551234；李四，电子邮箱：ls@example.cn",
			[]string{"区甲局 张三 62551234", "区乙局 李四 ls@example.cn"}, ""},
		{"one unit, two people", "责任单位：区甲局联系人：张三，联系电话：62551234；李四，联系电话：62805678",
			[]string{"区甲局 张三 62551234", "区甲局 李四 62805678"}, ""},
		// Not one for each unit: no unit is guessed.
		{"fewer people than units", "责任单位:区甲局、区乙局、区丙局联系人:张三,联系电话:62551234;李四,联系电话:62805678",
			[]string{"张三 62551234", "李四 62805678"}, ""},
		{"a collective unit", "责任单位:各街道、区乙局联系人:张三,联系电话:62551234;李四,联系电话:62805678",
			[]string{"张三 62551234", "李四 62805678"}, ""},
		// One phone for two people, or two phones for one: kept together.
		{"one phone, two people", "责任单位：区甲局联系人：张三、李四，联系电话：62551234",
			[]string{"区甲局 张三、李四 62551234"}, ""},
		{"two phones, one person", "责任单位：区甲局、区乙局联系人：张三，联系电话：62551234、62805678",
			[]string{"区甲局 张三 62551234、62805678"}, ""},
		// A hotline after the separator is a contact of its own.
		{"a hotline after the separator", "责任单位：区甲局、区税务局联系人：张三，联系电话：62551234；咨询电话：12366",
			[]string{"区甲局 张三 62551234", "区税务局 12366"}, ""},
		{"a hotline after the separator, one unit", "责任单位：区税务局联系人：张三，联系电话：62551234；咨询电话：12366",
			[]string{"区税务局 张三 62551234", "区税务局 12366"}, ""},
		// Words after the separator that are no person: left for the report.
		{"no person after the separator", "责任单位：区甲局联系人：张三，联系电话：62551234；其他事项请咨询所在街道",
			[]string{"区甲局 张三 62551234"}, "；其他事项请咨询所在街道"},
		{"the next measure after the line", "责任单位：区甲局、区乙局联系人：张三，联系电话：62551234；李四，联系电话：628056785.对…",
			[]string{"区甲局 张三 62551234", "区乙局 李四 62805678"}, "5.对…"},
		// A unit and its person set apart by a space in each pair: the
		// second pair is as much a contact as the first.
		{"unit and person pairs", "联系人：区甲局 张三  联系电话：010-62551234；区乙局 李四  联系电话：010-62805678",
			[]string{"区甲局 张三 010-62551234", "区乙局 李四 010-62805678"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, rest := readDuty(tt.in, tt.in)
			got := []string{}
			for _, c := range b.contacts {
				got = append(got, c.String())
			}
			if !reflect.DeepEqual(got, tt.want) || rest != tt.rest {
				t.Errorf("readDuty(%s) = %q, rest %q; want %q, rest %q", tt.in, got, rest, tt.want, tt.rest)
			}
		})
	}
}
