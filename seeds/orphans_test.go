package seeds

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// cleanCopy is the seed with its duplicate sentences removed: every sentence
// once, in seed order. Each duplicated sentence keeps its last copy, because
// for three follow-ups (连锁超市…, 工会经费…, 招标人…) the only sentence after
// them that names their measure is a later copy of a contact block: the
// corruption moved [follow-up, contact block] pairs and left the block's
// first copy in place. Keeping first copies instead strips that evidence.
const cleanCopy = "testdata/clean_copy.txt"

func mustParseFile(t *testing.T, name string) *Guide {
	t.Helper()
	_, g := mustReadParse(t, name)
	return g
}

// mustReadParse is mustParseFile that also returns the text as read, for
// tests that scramble it.
func mustReadParse(t *testing.T, name string) ([]byte, *Guide) {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return src, g
}

// TestFollowUpPlacement: each of the seed's 14 follow-up sentences lands on
// its measure, with the evidence that put it there, in the seed and in the
// clean copy.
func TestFollowUpPlacement(t *testing.T) {
	tests := []struct {
		prefix  string
		measure int
		seed    string // evidence in the seed
		clean   string // evidence in the clean copy
	}{
		{"明确困难企业申请条件", 2, ByPosition, ByPosition},
		{"职工在本市无自有住房", 3, ByPosition, ByPosition},
		{"受疫情影响不能正常偿还", 3, ByPosition, ByPosition},
		{"符合条件的首次贷款业务", 9, ByContactBlock, ByContactBlock},
		{"缓缴期间，缴存职工", 3, BySimilarity, ByPosition},
		{"封管控区内无法及时换发", 16, ByContactBlock, BySimilarity},
		{"符合条件的连锁超市", 4, ByContactBlock, ByPosition},
		{"全面推行保函", 26, ByPosition, BySimilarity},
		{"食品生产许可证（非特殊食品）", 16, BySimilarity, BySimilarity},
		{"支持国有资本运营平台", 52, ByContactBlock, ByContactBlock},
		{"优化政府投资项目审批程序", 53, ByPosition, ByPosition},
		{"200万元以上的货物服务采购项目", 25, BySimilarity, BySimilarity},
		{"工会经费等其他公共性经费", 25, ByContactBlock, ByContactBlock},
		{"招标人及其委托代理机构", 26, ByContactBlock, ByContactBlock},
	}
	for _, src := range []struct {
		name  string
		guide *Guide
		clean bool
	}{{"seed", mustEmbedded(t), false}, {"clean copy", mustParseFile(t, cleanCopy), true}} {
		g := src.guide
		var b strings.Builder
		if err := g.Report.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		report := b.String()
		if len(g.Report.Orphans) != len(tests) {
			t.Errorf("%s: %d follow-ups, want %d", src.name, len(g.Report.Orphans), len(tests))
		}
		for _, tt := range tests {
			want := tt.seed
			if src.clean {
				want = tt.clean
			}
			var found *Orphan
			for i, o := range g.Report.Orphans {
				if strings.HasPrefix(o.Sentence, tt.prefix) {
					found = &g.Report.Orphans[i]
				}
			}
			if found == nil {
				t.Errorf("%s: follow-up %s… not reported", src.name, tt.prefix)
				continue
			}
			if found.Measure != tt.measure || found.Method != want {
				t.Errorf("%s: %s… on %d by %s, want %d by %s", src.name, tt.prefix, found.Measure, found.Method, tt.measure, want)
			}
			m := g.Measure(tt.measure)
			if m == nil || !containsString(m.Details, found.Sentence) {
				t.Errorf("%s: measure %d details lack %s…", src.name, tt.measure, tt.prefix)
			}
			if line := fmt.Sprintf("→ 第%d条, %s", tt.measure, found.Evidence()); !strings.Contains(report, line) {
				t.Errorf("%s: report lacks %q", src.name, line)
			}
		}
		// Every follow-up goes to exactly one measure.
		count := map[string]int{}
		for _, m := range g.Measures {
			for _, d := range m.Details {
				count[d]++
			}
		}
		for _, o := range g.Report.Orphans {
			if count[o.Sentence] != 1 {
				t.Errorf("%s: %s attached %d times", src.name, Clip(o.Sentence, 15), count[o.Sentence])
			}
		}
	}
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestCleanCopyIsSeedWithoutDuplicates keeps the test file honest: the seed's
// sentences, each exactly once, in seed order.
func TestCleanCopyIsSeedWithoutDuplicates(t *testing.T) {
	src, err := os.ReadFile(cleanCopy)
	if err != nil {
		t.Fatal(err)
	}
	clean := splitSentences(string(src))
	seed := splitSentences(string(embedded))
	kept, _ := dedupe(seed)
	if len(clean) != len(kept) {
		t.Fatalf("clean copy has %d sentences, the seed %d distinct ones", len(clean), len(kept))
	}
	seen := map[string]bool{}
	j := 0
	for _, s := range clean {
		if seen[s.text] {
			t.Fatalf("clean copy repeats %s", Clip(s.text, 15))
		}
		seen[s.text] = true
		for j < len(seed) && seed[j].text != s.text {
			j++
		}
		if j == len(seed) {
			t.Fatalf("%s is not in the seed, or out of its order", Clip(s.text, 15))
		}
	}
}

// TestDirectlyBeforeContactBlock checks the rule on a small guide: a
// sentence directly before a contact block goes to that block's measure even
// when the measure's own text is lost, and clear content elsewhere overrides
// that one-sided adjacency.
func TestDirectlyBeforeContactBlock(t *testing.T) {
	const src = "一、第一部分（一）甲1.对小微企业减免房屋租金，减免三个月。" +
		"牵头单位：区甲局联系人：区甲局张三联系方式：010-111111112.对招用高校毕业生的企业给予社会保险补贴。" +
		"连锁门店按门店计算。" + // after 第2条's start, directly before 第3条's block (3's text is lost)
		"牵头单位：区丙局联系人：区丙局王五联系方式：010-333333334.对受疫情影响的企业延期申报纳税。" +
		"牵头单位：区丁局联系人：区丁局赵六联系方式：010-444444445.鼓励金融机构对中小微企业贷款延期还本付息。" +
		"高校毕业生社会保险补贴按月发放。" + // directly before 第6条's block, clearly about 第2条
		"牵头单位：区戊局联系人：区戊局钱七联系方式：010-555555557.加快推进平台经济保险试点。"
	g, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m3 := g.Measure(3)
	if m3 == nil || m3.HasText() || !m3.Retained() || len(m3.Details) != 1 || m3.Details[0] != "连锁门店按门店计算。" {
		t.Fatalf("measure 3: %+v", m3)
	}
	for _, o := range g.Report.Orphans {
		switch {
		case strings.HasPrefix(o.Sentence, "连锁门店") && (o.Measure != 3 || o.Method != ByContactBlock || o.Evidence() != "before 第3条's contact block"):
			t.Errorf("连锁门店: %+v (%s)", o, o.Evidence())
		case strings.HasPrefix(o.Sentence, "高校毕业生") && (o.Measure != 2 || o.Method != BySimilarity || o.Before != 6):
			t.Errorf("高校毕业生: %+v", o)
		}
	}
}

// TestRetainedMeasure: the seed lost 第52条's text but kept one follow-up for
// it; the guide keeps it, labelled, in JSON and in the outline.
func TestRetainedMeasure(t *testing.T) {
	g := mustEmbedded(t)
	m := g.Measure(52)
	if m == nil || m.Text != "" || !m.Retained() || len(m.Details) != 1 || !strings.HasPrefix(m.Details[0], "支持国有资本运营平台") {
		t.Fatalf("measure 52: %+v", m)
	}
	for _, n := range g.Report.MissingText {
		if mm := g.Measure(n); mm != nil && n != 52 && mm.Retained() {
			t.Errorf("measure %d retains %v", n, mm.Details)
		}
	}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Measures []struct {
			Number   int      `json:"number"`
			TextLost bool     `json:"text_lost"`
			Details  []string `json:"details"`
			Evidence []string `json:"details_evidence"`
		} `json:"measures"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	for _, mj := range out.Measures {
		if len(mj.Evidence) != len(mj.Details) {
			t.Errorf("measure %d: %d details, %d evidence", mj.Number, len(mj.Details), len(mj.Evidence))
		}
		if mj.Number == 52 && (!mj.TextLost || len(mj.Evidence) != 1 || mj.Evidence[0] != "before 第52条's contact block") {
			t.Errorf("measure 52 JSON: %+v", mj)
		}
	}
	var outline strings.Builder
	if err := g.WriteOutline(&outline); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(outline.String(), "52. (text missing from the seed; the guide retains only the follow-up(s) below)\n       retained: 支持国有资本运营平台") {
		t.Errorf("outline does not show what the guide retains for 52:\n%s", outline.String())
	}
}

// TestOutlineAgreesWithReport: a measure sits under an "unknown" heading in
// the outline exactly when the report lists it as unplaced.
func TestOutlineAgreesWithReport(t *testing.T) {
	for _, g := range []*Guide{mustEmbedded(t), mustParseFile(t, "testdata/other_district.txt")} {
		var b strings.Builder
		if err := g.WriteOutline(&b); err != nil {
			t.Fatal(err)
		}
		unplaced := map[int]bool{}
		for _, n := range g.Report.Unplaced {
			unplaced[n] = true
		}
		section, sub := false, false // the current heading is an "unknown" marker
		seen := 0
		_, body, _ := strings.Cut(b.String(), "\n\n") // after title and counts
		body, _, _ = strings.Cut(body, "\n\n")        // before the report
		for _, line := range strings.Split(body, "\n") {
			switch {
			case !strings.HasPrefix(line, " "):
				section, sub = strings.HasPrefix(line, "(section unknown"), false
			case strings.HasPrefix(line, "  (subsection unknown"):
				sub = true
			case strings.HasPrefix(line, "  （"):
				sub = false
			case strings.HasPrefix(line, "    ") && line[4] >= '0' && line[4] <= '9':
				n := 0
				for _, r := range line[4:] {
					if r < '0' || r > '9' {
						break
					}
					n = n*10 + int(r-'0')
				}
				seen++
				if (section || sub) != unplaced[n] {
					t.Errorf("%s: measure %d shown under a known=%v heading, report unplaced=%v", Clip(g.Title, 10), n, !(section || sub), unplaced[n])
				}
			}
		}
		if seen != len(g.Measures) {
			t.Errorf("outline shows %d measures, guide has %d", seen, len(g.Measures))
		}
	}
}

// TestStepsContinue: a numbered step that only a contact block's adjacency
// places goes with the measure whose step before it came last. Here （二）'s
// start is lost, so "2.…" stands between （一）'s start and （二）'s clause.
func TestStepsContinue(t *testing.T) {
	const src = "一、支持企业\n（一）对承租区属国有房屋的小微企业减免三个月房屋租金。\n（责任单位：区甲局）具体流程：1.企业提交申请表。\n" +
		"2.审核通过后办结。\n（责任单位：区乙局）\n（三）对受疫情影响的个体工商户给予一次性经营补贴。\n（责任单位：区丙局）\n" +
		"（四）对坚持营业的餐饮企业给予防疫消杀费用补贴。\n（责任单位：区丁局）"
	g, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got *Orphan
	for i, o := range g.Report.Orphans {
		if strings.HasPrefix(o.Sentence, "2.") {
			got = &g.Report.Orphans[i]
		}
	}
	if got == nil || got.Measure != 1 || got.Method != ByNumbering || got.Evidence() != "continues 第1条's numbered steps" {
		t.Fatalf("step 2: %+v", got)
	}
	if m := g.Measure(1); m == nil || !slices.Contains(m.Details, "2.审核通过后办结。") {
		t.Errorf("measure 1: %+v", m)
	}
	if m := g.Measure(2); m != nil && len(m.Details) > 0 {
		t.Errorf("measure 2 keeps %v", m.Details)
	}
}

func TestStepOf(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"2.审核通过后办结。", 2},
		{"具体流程：1.企业提交申请表。", 1},
		{"办理方式：1.网上办理。", 1},
		{"具体流程：办理方式：1.网上办理。", 1},
		{"2.5万元以下的免征。", 0},
		{"企业提交申请表。", 0},
		{"对2023年新开业的餐饮门店给予补贴：1.装修补贴。", 0}, // not a short label
	} {
		if got := stepOf(tt.s); got != tt.want {
			t.Errorf("stepOf(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestOpeningLost: a guide whose first heading and first measure's start
// were lost opens on that measure's contact block; the sentences between
// the introduction and the block are the measure's follow-ups, not
// preamble.
func TestOpeningLost(t *testing.T) {
	const src = "北京市某区人民政府关于印发支持企业若干措施的通知\n发布日期：2022-06-20\n" +
		"各街道办事处，区政府各委、办、局：现将措施印发给你们，请认真贯彻执行。\n" +
		"为帮助市场主体纾困解难，结合本区实际，制定本措施。\n" +
		"符合条件的连锁门店以门店为单位执行。\n期间免收滞纳金。\n" +
		"牵头单位：区甲局联系人：区甲局张三联系方式：010-111111112.对招用高校毕业生的企业给予社会保险补贴。\n" +
		"牵头单位：区乙局联系人：区乙局李四联系方式：010-222222223.对受疫情影响的企业延期申报纳税。\n" +
		"牵头单位：区丙局联系人：区丙局王五联系方式：010-33333333"
	g, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(g.Preamble, "连锁门店") || !strings.Contains(g.Preamble, "制定本措施") {
		t.Errorf("preamble: %q", g.Preamble)
	}
	m := g.Measure(1)
	if m == nil || m.HasText() || !slices.Equal(m.Details, []string{"符合条件的连锁门店以门店为单位执行。", "期间免收滞纳金。"}) {
		t.Fatalf("measure 1: %+v", m)
	}
}

// TestOpeningLostIntroInTitle: when the introduction shares the title's
// sentence (no 。 before its "…制定如下措施。"), or the cover letter ends
// with "请认真贯彻执行。", the sentences between it and the first contact
// block or clause still go to the measure whose start was lost; a clause
// before any start closes the measure before the first start.
func TestOpeningLostIntroInTitle(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
		lead      string
	}{
		{"inline clause", "某区人民政府关于印发稳增长若干措施的通知\n发布日期：2016-11-18\n为推动经济平稳发展，结合本区实际，特制定如下政策措施。" +
			"全面推行投资项目网上并联审批。\n年底前建成在线审批平台。\n" +
			"（区政务服务局牵头，区发改局配合）2. 推行容缺受理。对申报材料齐全的审批事项实行容缺受理（区政务服务局牵头）。3. 压缩施工许可时间。施工图审查时限压缩至10个工作日（区住建局牵头）。",
			[]string{"全面推行投资项目网上并联审批。", "年底前建成在线审批平台。"}, "区政务服务局"},
		{"cover letter", "某区人民政府办公室关于印发稳定经济运行若干措施的通知\n发布日期：2020-04-28\n各街道办事处：\n经区政府同意，现将若干措施印发给你们，请认真贯彻执行。" +
			"全区各单位要坚持两手抓。\n每月梳理工作进展。\n" +
			"  责任单位：全区各单位2.建立重点企业服务包制度。\n对重点企业实行一企一策服务。\n  责任单位：区发改委\n  联系电话：010-688691023.免收房屋租金。\n  责任单位：区国资委\n  联系电话：010-68863317",
			[]string{"全区各单位要坚持两手抓。", "每月梳理工作进展。"}, "全区各单位"},
		{"clause first", "某区人民政府办公室关于支持中小微企业若干措施的实施细则\n发布日期：2020-02-25\n为帮助中小微企业共渡难关，结合本区实际，制定本实施细则。" +
			"已缴纳的租金可在后续租期中抵扣。\n（责任单位：区国资委）\n具体流程：1. 承租企业提交减免申请表。\n2. 出租企业审核后签订补充协议。\n" +
			"咨询电话：010-66015532（二）对中小微企业停征特种设备检验费。（责任单位：区市场监管局）\n咨询电话：010-66015533（三）对连锁超市给予一次性补贴。（责任单位：区商务局）\n咨询电话：010-66019873",
			[]string{"已缴纳的租金可在后续租期中抵扣。", "具体流程：1.承租企业提交减免申请表。", "2.出租企业审核后签订补充协议。"}, "区国资委"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			m := g.Measure(1)
			if m == nil || m.HasText() || !slices.Equal(m.Details, tt.want) {
				t.Fatalf("measure 1: %+v\npreamble %q\n%+v", m, g.Preamble, g.Report.Orphans)
			}
			if len(m.Lead) == 0 || m.Lead[0] != tt.lead {
				t.Errorf("measure 1 lead %v, want %s", m.Lead, tt.lead)
			}
		})
	}
}

// TestStepsMovedBack: measure 2's step "2." was moved alone into another
// measure's text. Where its number continues nothing (measure 4 has no
// steps), or repeats a step whose "3." follows the other copy (measure 3),
// or repeats the last step of a list after that step (measure 3 without a
// "3."), it goes back to the list with the hole of its number: the one
// such list, or of several (measure 1 with a list of one step) the one
// whose words it shares, in doubt.
func TestStepsMovedBack(t *testing.T) {
	contact := func(k int) string { return fmt.Sprintf("联系人：张%d\n咨询电话：010-6905%04d\n", k, k) }
	const moved = "2. 社保中心审核后办结缓缴社会保险费。\n"
	const steps1 = "2. 出租方审核后减免。\n"
	const steps3 = "2. 区金融办审核贴息材料。\n3. 区财政局拨付贴息资金。\n"
	for _, tt := range []struct {
		name       string
		steps1     string // measure 1's steps after its "1."
		steps3     string // measure 3's steps after its "1."
		in4        string // what stands in measure 4 before its text
		host, keep int    // the measure it was moved into and how many details that one keeps
		doubtful   bool   // whether its way back is in doubt
	}{
		{"into a measure without steps", steps1, steps3, moved, 4, 1, false},
		{"into a measure with its own step 2", steps1, moved + steps3, "", 3, 3, false},
		{"after its host's own last step 2", steps1, "2. 区金融办审核贴息材料。\n" + moved, "", 3, 2, false},
		{"two lists without a step 2", "", steps3, moved, 4, 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "某区关于支持中小微企业若干措施的实施细则\n发布日期：2020-02-20\n为帮助企业共渡难关，制定本实施细则。\n" +
				"（一）对承租区属国有房屋的中小微企业减免三个月房租。\n（责任单位：区国资委）\n具体流程：\n1. 企业提交减免申请。\n" + tt.steps1 +
				contact(1) + "（二）对生产经营困难的中小微企业缓缴社会保险费。\n（责任单位：区人社局）\n具体流程：\n1. 企业网上提交缓缴申请。\n" +
				contact(2) + "（三）对中小微企业新增贷款给予贷款贴息支持。\n（责任单位：区金融办）\n具体流程：\n1. 企业提交贴息申请。\n" + tt.steps3 +
				contact(3) + "（四）对坚持营业的商户发放消费券给予支持。\n" + tt.in4 + "消费券通过线上平台发放。\n（责任单位：区商务局）\n" + contact(4)
			g, err := Parse([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			m := g.Measure(2)
			if m == nil || !slices.Equal(m.Details, []string{"具体流程：1.企业网上提交缓缴申请。", "2.社保中心审核后办结缓缴社会保险费。"}) {
				t.Fatalf("measure 2: %+v", m)
			}
			if m.IsDoubtful(1) != tt.doubtful {
				t.Errorf("measure 2's step 2 doubtful %v, want %v", m.IsDoubtful(1), tt.doubtful)
			}
			if m := g.Measure(tt.host); m == nil || len(m.Details) != tt.keep || slices.Contains(m.Details, "2.社保中心审核后办结缓缴社会保险费。") {
				t.Errorf("measure %d: %+v", tt.host, m)
			}
		})
	}
}

// TestBlockOwnerScoresAsOwner: a sentence directly before 第6条's contact
// block (6's start was moved ahead, so only the block's adjacency speaks
// for 6) shares more words with 第2条, clearly, but as many with 第6条 as a
// true owner usually does: measures on one topic share their words, and the
// adjacency stands, in doubt.
func TestBlockOwnerScoresAsOwner(t *testing.T) {
	texts := []string{
		"对小微企业减免房屋租金，减免三个月。",
		"对招用高校毕业生的企业给予社会保险补贴，补贴按月计算发放。",
		"对受疫情影响的企业延期申报纳税。",
		"鼓励金融机构对中小微企业贷款延期还本付息。",
		"对不裁员的参保企业返还失业保险费。",
		"对新招用高校毕业生的小微企业给予一次性就业补贴。",
		"加快推进平台经济保险试点。",
		"对文旅企业发放消费券。",
		"对建筑企业降低保证金缴存比例。",
		"对外贸企业给予出口信用保险补贴。",
		"对农业企业给予冷链设施补贴。",
		"对物流企业给予运输补贴。",
	}
	units := []rune("甲乙丙丁戊己庚辛壬癸子丑")
	block := func(k int) string {
		return fmt.Sprintf("牵头单位：区%c局联系人：区%c局张%d联系方式：010-6905%04d", units[k-1], units[k-1], k, k)
	}
	const echo = "高校毕业生社会保险补贴按月计算发放，新招用的小微企业可申请。"
	sents := []string{"某区人民政府关于印发若干措施的通知发布日期：2022-06-18为帮助企业纾困，特制定以下措施："}
	for k := 1; k <= len(texts); k++ {
		s := fmt.Sprintf("%d.%s", k, texts[k-1])
		if k > 1 {
			s = block(k-1) + s
		}
		sents = append(sents, s)
		if k == 5 {
			sents = append(sents, echo)
		}
	}
	sents = append(sents, block(len(texts)))
	moved := sents[7] // 第6条's start, with 第5条's block glued before it
	sents = slices.Insert(slices.Delete(sents, 7, 8), 10, moved)
	g, err := Parse([]byte(strings.Join(sents, "")))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range g.Report.Orphans {
		if o.Sentence == echo && (o.Measure != 6 || o.Method != ByContactBlock || !o.Doubtful || o.RunnerUp != 2) {
			t.Errorf("%+v", o)
		}
	}
}

// TestListEndsAtItsBlock: on scrambled copies of a development guide, a
// list of steps whose measure lost its start ("具体流程：1.…" after a
// section heading) shares its first step's words with the measure before
// it, but its last step stands directly before its own measure's contact
// block: the whole list goes there, not to the measure its first step
// echoes (before: every step on the earlier measure).
func TestListEndsAtItsBlock(t *testing.T) {
	clean, want := mustReadParse(t, "testdata/formats/tongbai-2022-paren/guide.txt")
	for _, tt := range []struct {
		seed    uint64
		measure int
	}{{4, 15}, {5, 5}} {
		sc := scramble.Scramble(string(clean), scramble.Options{Seed: tt.seed})
		got, err := Parse([]byte(sc.Text))
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, d := range want.Measure(tt.measure).Details {
			if stepOf(d) > 0 {
				steps = append(steps, d)
			}
		}
		m := got.Measure(tt.measure)
		if len(steps) < 2 || m == nil {
			t.Fatalf("seed %d: 第%d条 has steps %q, scrambled %+v", tt.seed, tt.measure, steps, m)
		}
		for _, s := range steps {
			if !slices.Contains(m.Details, s) {
				t.Errorf("seed %d: 第%d条 lacks its step %q: %q", tt.seed, tt.measure, Clip(s, 20), m.Details)
			}
		}
	}
}

// TestStockPhraseCopies: a short phrase a clean guide repeats under two
// measures ("长期执行。") is no sign of a corrupted copy: the last
// measure keeps its contact block, which its text does not name.
func TestStockPhraseCopies(t *testing.T) {
	text := "某区若干措施\n一、金融\n1.转贷应急资金。单笔最高1000万元。长期执行。\n责任单位：区工信局\n咨询电话：0731-88128030\n" +
		"2.专精特新奖励。首次认定的一次性奖励50万元。长期执行。\n责任单位：区工信局\n咨询电话：0731-88128047\n" +
		"3.企业诉求渠道。依托热线受理企业诉求。\n责任单位：区政务服务中心\n咨询电话：12345\n"
	g := parseText(text)
	if m := g.Measure(3); m == nil || len(m.Contacts) != 1 || m.Contacts[0].String() != "区政务服务中心 12345" {
		t.Errorf("measure 3: %+v; warnings %v", m, g.Report.Warnings)
	}
}

// TestStepTwins: on scrambled copies of a development guide, a step moved
// alone into another measure's list lands between that list's step 1 and
// its own step 2, or after it: order cannot tell which of the two step 2s
// is the intruder, their words can (the intruder shares next to nothing
// with its host). Before: the host's own last step went to the measure
// lacking a step 2 and the intruder stayed.
func TestStepTwins(t *testing.T) {
	clean, want := mustReadParse(t, "testdata/guides/changping-2022/guide.txt")
	for _, tt := range []struct {
		seed    uint64
		measure int
	}{{4, 4}} {
		sc := scramble.Scramble(string(clean), scramble.Options{Seed: tt.seed})
		got, err := Parse([]byte(sc.Text))
		if err != nil {
			t.Fatal(err)
		}
		m := got.Measure(tt.measure)
		if m == nil {
			t.Fatalf("seed %d: no 第%d条", tt.seed, tt.measure)
		}
		for _, d := range want.Measure(tt.measure).Details {
			if stepOf(d) == 2 && !slices.Contains(m.Details, d) {
				t.Errorf("seed %d: 第%d条 lacks its step %q: %q", tt.seed, tt.measure, Clip(d, 20), m.Details)
			}
		}
		for _, d := range m.Details {
			if stepOf(d) == 2 && !slices.Contains(want.Measure(tt.measure).Details, d) {
				t.Errorf("seed %d: 第%d条 keeps another's step %q", tt.seed, tt.measure, Clip(d, 20))
			}
		}
	}
}

func TestCutFromText(t *testing.T) {
	p := &parser{measures: map[int]*Measure{
		6:  {Number: 6, Text: "个体工商户帮扶：个体工商户可申请免费刻制印章，线上办理营业执照变更登记，全程“零跑腿”；个体工商户年报可延至2022年9月30日。"},
		15: {Number: 15, Text: "对企业发放稳岗补贴。申领截止时间为2022年12月31日。"},
	}}
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"个体工商户可申请免费刻制印章，线上办理营业执照变更登记，全程“。", true}, // cut inside the text's sentence
		{"个体工商户可申请免费刻制印章。", true},
		{"个体工商户可申请免费刻制印章，线上办理营业执照变更登记，全程“零跑腿”。", false}, // the text's clause ends there (；)
		{"申领截止时间为2022年12月31日。", false},                  // a whole sentence of the text
		{"全程“。", false}, // too short to tell
		{"企业可通过线上渠道申请补贴。", false},
	} {
		if got := p.cutFromText(tt.s); got != tt.want {
			t.Errorf("cutFromText(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestCutTextNotFollowUp: the SMS export's copies whose measure 6 text was
// cut inside its sentence (seeds 2, 8, 12, 18) read the measure as the
// clean guide does, with no follow-up.
func TestCutTextNotFollowUp(t *testing.T) {
	clean, err := os.ReadFile("testdata/formats/zhuxi-2022-sms-export/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []int{2, 8, 12, 18} {
		_, g, err := parseScrambled(clean, seed)
		if err != nil {
			t.Fatal(err)
		}
		if m := g.Measure(6); m == nil || len(m.Details) > 0 {
			t.Errorf("seed %d: measure 6 %+v", seed, m)
		}
	}
}
