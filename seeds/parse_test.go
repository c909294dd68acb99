package seeds

import (
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func mustEmbedded(t testing.TB) *Guide {
	t.Helper()
	g, err := Embedded()
	if err != nil {
		t.Fatalf("Embedded: %v", err)
	}
	return g
}

func TestSeedPreamble(t *testing.T) {
	g := mustEmbedded(t)
	if g.Issuer != "北京市密云区人民政府" || g.Published != "2022-06-18" {
		t.Errorf("issuer %q published %q", g.Issuer, g.Published)
	}
	if !strings.Contains(g.Title, "密云区落实〈北京市统筹疫情防控和稳定经济增长的实施方案〉工作指南") || strings.Contains(g.Title, "发布日期") {
		t.Errorf("title %q", g.Title)
	}
	if !strings.HasPrefix(g.Preamble, "为深入贯彻落实") {
		t.Errorf("preamble %q", Clip(g.Preamble, 20))
	}
}

func TestSeedMeasures(t *testing.T) {
	g := mustEmbedded(t)
	c := func(unit, dept string, people []string, phones ...string) Contact {
		return Contact{Unit: unit, Department: dept, People: people, Phones: phones}
	}
	p := func(names ...string) []string { return append([]string{}, names...) }
	tests := []struct {
		n            int
		textPrefix   string
		lead         []string
		support      []string
		contacts     []Contact
		section, sub int
	}{
		{1, "严格落实国家增值税留抵退税政策", p("区税务局", "区财政局"), p(),
			[]Contact{c("区税务局", "货物和劳务科", p("王振"), "010-89089055"), c("区财政局", "预算科", p("娄敏"), "010-69080381")}, 1, 1},
		{2, "按照国家社会保险费缓缴政策", p("区人保局"), p("区财政局", "区税务局"),
			[]Contact{c("区人保局", "社保中心登记征缴科", p("林桂香"), "010-69050322")}, 1, 2},
		{3, "受疫情影响的企业等用人单位", p("北京住房公积金管理中心密云管理部"), p(),
			[]Contact{c("北京住房公积金管理中心密云管理部", "", p("叶明"), "010-69047748")}, 1, 2},
		{4, "2022年对承租京内各类国有房屋", p("区国资委"), p("区科委", "区财政局", "区商务局", "中关村密云园", "区机关事务管理服务中心"),
			[]Contact{c("区国资委", "产权科", p("王楠"), "010-69043376")}, 1, 3},
		{7, "对受疫情影响未能及时缴费", p("区城管委", "区水务局"), p("区市场监管局", "区自来水公司", "区供电公司", "区燃气公司"),
			[]Contact{c("区城管委", "能源事务中心", p("李月新", "蒋月昌"), "010-69044966"), c("区水务局", "供水和排水科", p("张华"), "010-69046995")}, 1, 4},
		{10, "鼓励金融机构", p("区金融办"), p(), []Contact{c("区金融办", "", p("郑帅"), "010-69041298")}, 1, 5},
		{15, "落实助企纾困优化营商环境", p("区发改委"), p("区政务服务局"),
			[]Contact{c("区发改委", "优化营商环境服务中心", p("杨小峰"), "010-61099519")}, 1, 6},
		{26, "全面推广电子招投标", p("区政务服务局（区公共资源交易中心）"), p("相关行业主管部门"),
			[]Contact{c("区政务服务局（区公共资源交易中心）", "管理协调科", p("文宇"), "010-89087687")}, 1, 6},
		{48, "激发城市更新投资活力", p("区住建委"), p("区发改委", "区规自分局"),
			[]Contact{c("区住建委", "房屋安全事务中心", p("徐士鹏"), "13693508642")}, 0, 0},
		{53, "加强投资项目审批服务", p("区发改委"), p("区规自分局", "区园林绿化局", "区政务服务局", "各审批部门"),
			[]Contact{c("区发改委", "固定资产投资科", p("杜思禹"), "010-69042987")}, 4, 3},
		{62, "落实促进数字消费能级提升", p("区商务局"), p("区经信局", "区人保局"),
			[]Contact{c("区商务局", "商业服务发展科", p("贾淑瑜", "弋桂凤"), "010-89089313", "010-89089303")}, 5, 2},
		{70, "今明两年本区国有企业", p("区国资委", "区委组织部", "区人保局"), p(),
			[]Contact{c("区国资委", "组织人事科", p("郭海"), "010-69021740"), c("区委组织部", "公务员管理科", p("李海滨"), "010-69046313"),
				c("区人保局", "事业单位人事管理科", p("尹玲玲"), "010-89038051")}, 6, 1},
		{72, "用人单位招用毕业年度", p("区人保局"), p("区教委", "区财政局"),
			[]Contact{c("区人保局", "就业促进科", p("赵小龙"), "010-69042124", "010-89037309")}, 6, 1},
		{29, "", p("区复工复产防控组"), p("区国资委", "区住建委", "区经信局", "区商务局", "中关村密云园"),
			[]Contact{c("区复工复产防控组", "", p("杨菲菲"), "010-69049912")}, 2, 1},
		{85, "开展自建房和老旧小区", p(), p(), []Contact{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.n), func(t *testing.T) {
			m := g.Measure(tt.n)
			if m == nil {
				t.Fatalf("measure %d missing", tt.n)
			}
			if !strings.HasPrefix(m.Text, tt.textPrefix) || (tt.textPrefix == "") != (m.Text == "") {
				t.Errorf("text %q, want prefix %q", Clip(m.Text, 20), tt.textPrefix)
			}
			if !reflect.DeepEqual(m.Lead, tt.lead) || !reflect.DeepEqual(m.Support, tt.support) {
				t.Errorf("lead %v support %v, want %v %v", m.Lead, m.Support, tt.lead, tt.support)
			}
			if !reflect.DeepEqual(m.Contacts, tt.contacts) {
				t.Errorf("contacts\n got %+v\nwant %+v", m.Contacts, tt.contacts)
			}
			if m.Section != tt.section || m.Subsection != tt.sub {
				t.Errorf("placed under %d/%d, want %d/%d", m.Section, m.Subsection, tt.section, tt.sub)
			}
		})
	}
}

func TestSeedGaps(t *testing.T) {
	g := mustEmbedded(t)
	wantText := []int{29, 31, 32, 34, 37, 40, 45, 46, 51, 52, 55, 58, 61, 64, 67, 75, 78, 79, 82, 83, 84}
	wantContact := []int{28, 30, 33, 36, 39, 44, 50, 54, 57, 60, 63, 66, 74, 77, 81, 85}
	if !reflect.DeepEqual(g.Report.MissingText, wantText) {
		t.Errorf("missing text %v", g.Report.MissingText)
	}
	if !reflect.DeepEqual(g.Report.MissingContact, wantContact) {
		t.Errorf("missing contact %v", g.Report.MissingContact)
	}
	if want := []int{31, 45, 51, 78, 82, 83}; !reflect.DeepEqual(g.Report.Missing, want) {
		t.Errorf("absent %v", g.Report.Missing)
	}
	if g.MaxNumber() != 85 || len(g.Measures) != 85-6 {
		t.Errorf("max %d, %d measures", g.MaxNumber(), len(g.Measures))
	}
}

func TestSeedHeadings(t *testing.T) {
	g := mustEmbedded(t)
	if len(g.Sections) != 6 {
		t.Fatalf("sections %+v", g.Sections)
	}
	if s := g.Section(4); !s.Inferred || s.Title != "" {
		t.Errorf("section 4 = %+v, want inferred", s)
	}
	if s := g.Section(5); s.Inferred || !strings.HasPrefix(s.Title, "加快恢复大宗消费") {
		t.Errorf("section 5 = %+v", s)
	}
	found := false
	for _, h := range g.Report.Headings {
		if h.Section == 4 && h.Subsection == 0 && h.Before == 53 {
			found = true
		}
	}
	if !found {
		t.Errorf("lost section 四 not reported: %+v", g.Report.Headings)
	}
	// A measure after a gap is placed only where nothing can have been lost.
	for n, want := range map[int][2]int{28: {2, 1}, 30: {2, 1}, 35: {2, 0}, 47: {0, 0}, 54: {4, 3}, 56: {4, 0}, 63: {5, 2}} {
		if m := g.Measure(n); m.Section != want[0] || m.Subsection != want[1] {
			t.Errorf("measure %d placed %d/%d, want %v", n, m.Section, m.Subsection, want)
		}
	}
}

func TestSeedWarnings(t *testing.T) {
	g := mustEmbedded(t)
	var shared, person bool
	for _, w := range g.Report.Warnings {
		if w.Kind == WarnSharedPhone && strings.Contains(w.Text, "010-89089315") && strings.Contains(w.Text, "区经信局") && strings.Contains(w.Text, "区商务局") {
			shared = true
		}
		if w.Kind == WarnPersonPhones && strings.Contains(w.Text, "李斌") {
			person = true
		}
	}
	if !shared || !person {
		t.Errorf("warnings %+v", g.Report.Warnings)
	}
	// Kept as written: 李斌 keeps both phones on the measures that list them.
	if got := g.Measure(42).Phones(); !reflect.DeepEqual(got, []string{"010-89089315"}) {
		t.Errorf("measure 42 phones %v", got)
	}
}

// TestSeedContactsGlued checks the core invariant on every measure: the seed
// has the measure's last phone immediately followed by the next measure's
// number, so no contact was attributed by guesswork.
func TestSeedContactsGlued(t *testing.T) {
	g := mustEmbedded(t)
	raw := stripSpace(string(embedded))
	phone := regexp.MustCompile(`^(?:0\d{2}-\d{8}|1[3-9]\d{9})$`)
	for _, m := range g.Measures {
		phones := m.Phones()
		if !m.HasContact() {
			continue
		}
		if len(phones) == 0 {
			t.Errorf("measure %d: contact without phone", m.Number)
			continue
		}
		for _, p := range phones {
			if !phone.MatchString(p) || !strings.Contains(raw, p) {
				t.Errorf("measure %d: phone %q not as in the seed", m.Number, p)
			}
		}
		last := m.Contacts[len(m.Contacts)-1].Phones
		glued := last[len(last)-1]
		next := strconv.Itoa(m.Number + 1)
		if !regexp.MustCompile(regexp.QuoteMeta(glued) + `(?:[一二三四五六七八九十]+、[^0-9]*|（[一二三四五六七八九十]+）[^0-9]*)?` + next + `\.`).MatchString(raw) {
			t.Errorf("measure %d: %s is not followed by measure %s in the seed", m.Number, glued, next)
		}
	}
}

// trimmedHead is a notice whose first measure's follow-up the corruption
// moved into the preamble, after the cover letter's last sentence and a
// frame sentence, before the measures' title; its second measure's text
// is copied, which shows the corruption.
const trimmedHead = `某市某区人民政府办公室关于印发《某区助企纾困若干措施》的通知
发布日期：2022-06-01
各街道办事处，区政府各部门：
为帮助市场主体纾困解难，现将《某区助企纾困若干措施》印发给你们，请认真贯彻执行。本措施自印发之日起施行，执行至2022年12月31日。出租人为转租方的，应将租金减免落实到实际经营的承租人。
某区助企纾困若干措施
一、减轻企业负担
1. 减免国有房屋租金。对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。
牵头单位：区国资委 联系人：张明 联系电话：010-61234567。
2. 缓缴社会保险费。对生产经营困难的中小微企业，可申请缓缴养老、失业和工伤保险单位缴费，缓缴期限最长6个月。对生产经营困难的中小微企业，可申请缓缴养老、失业和工伤保险单位缴费，缓缴期限最长6个月。
牵头单位：区人社局 联系人：李华 联系电话：010-61234568。
3. 发放留工培训补助。按每名参保职工500元给予一次性留工培训补助。
牵头单位：区人社局 联系人：王强 联系电话：010-61234569。
`

// TestTrimPreamble: in a corrupted copy a measure's sentence standing
// after the introduction's last sentence, before the first start, is read
// as a follow-up (see trimPreamble), while the frame sentences and the
// measures' title there stay in the preamble; a clean text (the copy
// taken out) keeps its preamble whole. On scrambled copies of the test
// guides, the first measure keeps exactly its follow-ups where its start
// was lost or moved, or its sentences moved before it.
func TestTrimPreamble(t *testing.T) {
	const moved = "出租人为转租方的，应将租金减免落实到实际经营的承租人。"
	copied := "对生产经营困难的中小微企业，可申请缓缴养老、失业和工伤保险单位缴费，缓缴期限最长6个月。"
	for _, tt := range []struct {
		name      string
		text      string
		preamble  []string // sentences the preamble holds
		details   []string // measure 1's follow-ups
		corrupted bool
	}{
		{"corrupted", trimmedHead, []string{"本措施自印发之日起施行", "某区助企纾困若干措施"},
			[]string{moved, "对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。"}, true},
		{"clean", strings.Replace(trimmedHead, copied+copied, copied, 1), []string{"本措施自印发之日起施行", "某区助企纾困若干措施", moved},
			[]string{"对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。"}, false},
	} {
		g, err := Parse([]byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tt.preamble {
			if !strings.Contains(g.Preamble, s) {
				t.Errorf("%s: preamble %q lacks %q", tt.name, g.Preamble, s)
			}
		}
		if tt.corrupted && strings.Contains(g.Preamble, moved) {
			t.Errorf("%s: preamble %q holds the moved follow-up", tt.name, g.Preamble)
		}
		if m := g.Measure(1); m == nil || !sameSet(m.Details, tt.details) {
			t.Errorf("%s: measure 1's follow-ups %q, want %q", tt.name, m.Details, tt.details)
		}
	}
	for _, tt := range []struct {
		guide string
		seed  int
	}{
		{"testdata/guides/tongzhou-2020/guide.txt", 19},    // a follow-up moved before the first start
		{"testdata/guides/changping-2022/guide.txt", 10},   // among the cover letter's frame sentences
		{"testdata/guides/wuhou-2022/guide.txt", 20},       // the start moved, its block first (本问答…, 各问答所列… stay)
		{"testdata/formats/chengxi-2022-fax/guide.txt", 9}, // the start moved, its block first
		{"testdata/formats/qingya-2022-consult-lines/guide.txt", 6},
		{"testdata/formats/anjiang-2022-decimal-list/guide.txt", 9}, // a lean towards the first measure
	} {
		clean, err := os.ReadFile(tt.guide)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(clean)
		if err != nil {
			t.Fatal(err)
		}
		sc, got, err := parseScrambled(clean, tt.seed)
		if err != nil {
			t.Fatal(err)
		}
		var have []string
		if m := got.Measure(1); m != nil {
			have = m.Details
		}
		if ok, _ := keeps(have, want.Measure(1), sc.LostSentences); !ok {
			t.Errorf("%s seed %d: measure 1's follow-ups %q, want %q", tt.guide, tt.seed, have, want.Measure(1).Details)
		}
	}
}
