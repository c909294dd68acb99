package seeds

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// TestHandbook reads the compilation of per-measure 办事指南 (issue 20):
// every 指南 once, numbered 1–24 in the 目录's order (the 目录's titles are
// no measures), the numbered parts 一、二、… its fields and never measures
// (nor headings), the 支持标准 the measure's text whatever its part number,
// two subsidies under one 支持标准 one measure, and the contacts of every
// 咨询方式 shape.
func TestHandbook(t *testing.T) {
	dir := "testdata/formats/tongjiang-2022-handbook"
	g := mustParseFile(t, filepath.Join(dir, "guide.txt"))
	if len(g.Measures) != 24 || g.MaxNumber() != 24 || g.Issuer != "桐江市人民政府办公室" || g.Published != "2022-06-20" {
		t.Fatalf("%d measures (highest %d), issuer %q, published %q", len(g.Measures), g.MaxNumber(), g.Issuer, g.Published)
	}
	if len(g.Sections) != 0 || len(g.Report.Headings) > 0 {
		t.Errorf("parts read as sections: %+v, headings %v", g.Sections, g.Report.Headings)
	}
	// No part's title, 目录, source line or page furniture in a measure.
	furniture := regexp.MustCompile(`^[一二三四五六七八九十]+、|咨询方式|目\s*录|（来源|发布时间|打印本页|网站标识码`)
	for _, m := range g.Measures {
		for _, s := range append([]string{m.Text}, m.Details...) {
			if furniture.MatchString(s) {
				t.Errorf("measure %d: %q", m.Number, s)
			}
		}
	}
	for _, row := range readmeRows(t, dir) {
		if m := g.Measure(row.n); m == nil || !strings.HasPrefix(m.Text, row.cells[0]+"：") {
			t.Errorf("measure %d does not open with its title %q and its 支持标准", row.n, row.cells[0])
		}
	}
	for _, tt := range []struct {
		n        int
		text     string // after the title
		detail   string // a detail's prefix, if any
		contacts []string
	}{
		{1, "按企业为新招用人员", "办理时限：受理后20个工作日内办结。", []string{"市人社局 就业股 钟立华 0795-6213301"}},
		// Parts 二、三、五、八、; sub-points inline.
		{4, "小微企业当年新招用", "申报条件：（1）在本市登记注册", []string{"市人社局 创业服务股 黎少东 0795-6213318", "市金融办 涂佩玲 0795-6218820"}},
		// 二、支持标准 before 一、支持对象.
		{5, "对首次纳入规模以上", "支持对象：2022年首次", []string{"市工信局 中小企业股 饶建勇 0795-6225107"}},
		// Parts with "：" and text; a 微信公众号 after the phone.
		{6, "按项目设备投资额的8%", "政策依据：《桐江市推动工业", []string{"市工信局 技术改造股 甘振华 0795-6225136"}},
		{7, "用电、用水、用气欠费", "", []string{"国网桐江市供电公司 客户服务中心 温建平 0795-6231195、95598", "市自来水公司 0795-6232008", "市天然气公司 0795-6233610"}},
		// A full-width space after the part's title; a unit alone.
		{8, "按实际支付利息的30%", "支持对象：在本市登记注册并纳税", []string{"市金融办 0795-6218820"}},
		{10, "按50%税额幅度", "", []string{"12366"}},
		// A 7-digit number: the compilation's area code.
		{11, "按企业上年度营业额", "", []string{"市商务局 商贸流通股 肖丽萍 0795-6227413"}},
		{12, "批发、零售企业", "", []string{"市商务局 商贸流通股 tjswltg@126.com"}},
		// Starting at 四、, right after the 指南 before.
		{13, "对入库的科技型中小企业", "办理流程：（1）企业登录", []string{"市科技局 何振宇 0795-6241150"}},
		{14, "首次认定的奖励20万元", "申报截止日期：2022年9月30日", []string{"市科技局 何振宇 0795-6241150"}},
		// Two subsidies, one measure.
		{15, "（1）旅行社质量保证金补助：对暂退", "", []string{"市文广新旅局 产业股 葛美玲 0795-6252203"}},
		{16, "按实际付息额的50%", "", []string{"市农业农村局 经管股 孔德胜 0795-6263307"}},
		{18, "按首次贷款金额的1%", "", []string{"市金融办 涂佩玲 0795-6218820", "人民银行桐江支行 宁国强 0795-6219016"}},
		{19, "（1）一次性吸纳就业补贴：招用", "", []string{"市人社局 就业股 钟立华 0795-6213301"}},
		{22, "年网络零售额首次突破", "", []string{"市商务局 电商股 龚思远 0795-6227466"}},
		{23, "在沪深北交易所上市的", "", []string{"12345"}},
		{24, "凭政府采购合同", "", []string{"市财政局 政府采购股 汤秀英 0795-6285512"}},
	} {
		m := g.Measure(tt.n)
		if _, text, _ := strings.Cut(m.Text, "："); !strings.HasPrefix(text, tt.text) {
			t.Errorf("measure %d: text %q", tt.n, m.Text)
		}
		if tt.detail != "" && !hasDetail(m, tt.detail) {
			t.Errorf("measure %d: no detail %q in %q", tt.n, tt.detail, m.Details)
		}
		if got := contactLines(m); strings.Join(got, "|") != strings.Join(tt.contacts, "|") {
			t.Errorf("measure %d: contacts %q, want %q", tt.n, got, tt.contacts)
		}
	}
	// The second subsidy of 15 and 19 stays in its measure's text.
	for _, n := range []int{15, 19} {
		if m := g.Measure(n); !strings.Contains(m.Text, "；（2）") {
			t.Errorf("measure %d: text %q", n, m.Text)
		}
	}
}

// TestHandbookPart reads a part's title in its shapes.
func TestHandbookPart(t *testing.T) {
	for _, tt := range []struct {
		line, label, value string
		ok                 bool
	}{
		{"三、申报条件", "申报条件", "", true},
		{"一、政策依据：《某办法》", "政策依据", "《某办法》", true},
		{"一、支持对象　在本市注册的企业。", "支持对象", "在本市注册的企业。", true},
		{"申报截止日期：2022年9月30日", "申报截止日期", "2022年9月30日", true},
		// A known title with more words; one the list does not know.
		{"八、咨询方式及投诉渠道", "咨询方式", "", true},
		{"五、办理地点", "办理地点", "", true},
		// A sentence numbered 一、 is no part; nor is a label without "："
		// and without a number.
		{"一、对符合条件的企业给予补贴。", "", "", false},
		{"支持对象为小微企业。", "", "", false},
	} {
		p, ok := readHandbookPart(tt.line)
		if ok != tt.ok || ok && (p.label != tt.label || p.value != tt.value) {
			t.Errorf("%s: %+v %v", tt.line, p, ok)
		}
	}
}

func mustParseText(t *testing.T, b []byte) *Guide {
	t.Helper()
	g, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func hasDetail(m *Measure, prefix string) bool {
	for _, d := range m.Details {
		if strings.HasPrefix(d, prefix) {
			return true
		}
	}
	return false
}

// TestHandbookVariants reads the compilation without its 目录 (each 指南
// found by its title before its first part) and with a 目录 that writes
// dot leaders and page numbers: every 指南 once, in order, with its
// contact; and its corrupted copies (seeds 1-10) give no measure another's
// contact and keep three in four.
func TestHandbookVariants(t *testing.T) {
	b, err := os.ReadFile("testdata/formats/tongjiang-2022-handbook/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean := string(b)
	from := strings.Index(clean, "目　　录")
	to := from + strings.Index(clean[from:], "\n\n")
	paged := strings.Split(clean[from:to], "\n")
	for i := 1; i < len(paged); i++ {
		paged[i] += "……" + strconv.Itoa(2*i+1)
	}
	want := mustParseText(t, b)
	for name, text := range map[string]string{
		"no 目录":    clean[:from] + clean[to+2:],
		"paged 目录": clean[:from] + strings.Join(paged, "\n") + clean[to:],
	} {
		g := mustParseText(t, []byte(text))
		if len(g.Measures) != 24 || g.MaxNumber() != 24 {
			t.Errorf("%s: %d measures (highest %d)", name, len(g.Measures), g.MaxNumber())
			continue
		}
		for _, w := range want.Measures {
			if m := g.Measure(w.Number); m.Text != w.Text || strings.Join(contactLines(m), "|") != strings.Join(contactLines(&w), "|") {
				t.Errorf("%s: measure %d %q %q", name, w.Number, Clip(m.Text, 20), contactLines(m))
			}
		}
	}
	total := 0
	for seed := 1; seed <= 10; seed++ {
		c := scramble.Scramble(clean, scramble.Options{Seed: uint64(seed)})
		g := mustParseText(t, []byte(c.Text))
		kept := 0
		for _, w := range want.Measures {
			m := g.Measure(w.Number)
			if m == nil || len(m.Contacts) == 0 {
				continue
			}
			kept++
			if !sameContacts(m.Contacts, w.Contacts) {
				t.Errorf("seed %d: measure %d has %q, clean %q", seed, w.Number, contactLines(m), contactLines(&w))
			}
		}
		total += kept
	}
	// 195 of 240 at stop 46: a copy whose sentence bearing a title moved
	// ahead of the title before it loses the measures after it (seed 8:
	// 10 of 24).
	if total*4 < 3*10*len(want.Measures) {
		t.Errorf("%d of %d measures keep a contact over seeds 1-10", total, 10*len(want.Measures))
	}
}

// TestHandbookDuty reads each shape of a 咨询方式 line as a duty block.
func TestHandbookDuty(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"市人社局就业股　某某某　0795-6213301", "责任单位：市人社局 就业股（联系人：某某某）|咨询电话：0795-6213301"},
		{"咨询单位：市商务局电商股  联系人：某某  电话：6227466", "责任单位：市商务局 电商股（联系人：某某）|咨询电话：0795-6227466"},
		{"市社保中心失业保险股，联系人某某某，电话0795-6213356。", "责任单位：市社保中心 失业保险股（联系人：某某某）|咨询电话：0795-6213356"},
		{"请与市农业农村局经管股联系，联系人某某某，电话0795-6263307。", "责任单位：市农业农村局 经管股（联系人：某某某）|咨询电话：0795-6263307"},
		{"市工信局技术改造股，联系人：某某，电话：0795-6225136，也可关注“某某工信”微信公众号留言咨询。", "责任单位：市工信局 技术改造股（联系人：某某）|咨询电话：0795-6225136"},
		{"用水：市自来水公司　0795-6232008", "责任单位：市自来水公司|咨询电话：0795-6232008"},
		{"市金融办　某某某　0795-6218820；人民银行某某支行　某某某　0795-6219016", "责任单位：市金融办（联系人：某某某）|咨询电话：0795-6218820|责任单位：人民银行某某支行（联系人：某某某）|咨询电话：0795-6219016"},
		{"12366", "咨询电话：12366"},
		{"咨询电话：12345", "咨询电话：12345"},
		{"市商务局商贸流通股　电子邮箱：abc@126.com", "责任单位：市商务局 商贸流通股|电子邮箱：abc@126.com"},
		// Office hours and an address give no phone.
		{"市税务局纳税服务股　0795-6201234（工作日9:00-17:00）", "责任单位：市税务局 纳税服务股|咨询电话：0795-6201234"},
		{"受理地址：市民服务中心3楼，市人社局就业股　0795-6213301", "责任单位：市人社局 就业股|咨询电话：0795-6213301"},
	} {
		if got := strings.Join(handbookDuty(tt.line, "0795-"), "|"); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.line, got, tt.want)
		}
	}
}

// TestHandbookUnchanged: a text without three numbered 咨询方式 parts comes
// back as is, and so does every other layout's test guide.
func TestHandbookUnchanged(t *testing.T) {
	for _, s := range []string{
		"一、支持对象\n小微企业。\n二、咨询方式\n某局　12345\n",
		"某某指南\n一、支持对象\n甲。\n八、咨询方式\n12345\n某某指南\n一、支持对象\n乙。\n八、咨询方式\n12366\n",
	} {
		if got := normalizeHandbook(s); got != s {
			t.Errorf("rewritten: %q", got)
		}
	}
	dirs, err := filepath.Glob("testdata/formats/*/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("testdata/guides/*/guide.txt")
	for _, f := range append(dirs, more...) {
		if strings.Contains(f, "handbook") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := normalizeHandbook(string(b)); got != string(b) {
			t.Errorf("%s rewritten", f)
		}
	}
}
