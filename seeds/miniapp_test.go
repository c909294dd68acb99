package seeds

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// maPageText writes one mini-program page as copied: status bar, capsule,
// tabs, the title and chips, meta, the given body and contact lines, the
// buttons and the end.
func maPageText(clock, title, until string, lines ...string) string {
	var b strings.Builder
	b.WriteString(clock + "                       4G  80%\n")
	b.WriteString("‹ 返回        测试惠企通        ···  ⊙\n")
	b.WriteString("政策原文 | 政策解读 | 办事指南\n")
	b.WriteString(title + "\n#标签  #另一标签\n发布部门：区某局\n发布日期：2022-06-10\n")
	if until != "" {
		b.WriteString("有效期至：" + until + "\n")
	}
	b.WriteString("浏览 1.2万 · 收藏 356\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString("立即申办 >      在线咨询      ☎ 一键拨号      分享\n— 已经到底了 —\n\n")
	return b.String()
}

// maBase are three pages every case below adds to (a copy is read once it
// has three pages).
var maBase = []string{
	maPageText("9:41", "国有房屋租金减免", "2022-12-31", "政策内容", "对承租国有房屋的小微企业减免3个月租金。", "展开全文 ▼", "转租的，减免惠及最终承租人。",
		"受理部门：区国资局产权科", "联系人：赵某", "咨询电话：点击拨打 0756-2120001"),
	maPageText("9:45", "稳岗返还", "长期有效", "政策内容", "对不裁员的参保企业返还失业保险费的90%。", "展开全文 ▼",
		"咨询电话：0756-2120002", "联系人：钱某", "受理部门：区人社局就业股"),
	maPageText("9:50", "消费券商户报名", "2022-09-30", "商户均可报名参与核销。", "展开全文 ▼",
		"受理部门：区商务局流通股  孙某", "咨询电话：0756-2120003"),
}

func TestMiniAppText(t *testing.T) {
	frame := "9:40                       4G  81%\n‹ 返回        测试惠企通        ···  ⊙\n服务说明\n某区助企政策服务指南\n发布部门：某区人民政府办公室\n发布日期：2022-06-06\n" +
		"为方便企业查询，现将政策逐条发布。\n说明：\n1.以原文件为准；\n2.未注明区号的电话为0756。\n分享\n— 已经到底了 —\n\n"
	tests := []struct {
		name  string
		pages []string
		check func(t *testing.T, g *Guide)
	}{
		{name: "one measure a page in page order, chrome dropped, contacts in any order, the term kept",
			pages: maBase,
			check: func(t *testing.T, g *Guide) {
				for n, want := range map[int]string{1: "区国资局 产权科 赵某 0756-2120001", 2: "区人社局 就业股 钱某 0756-2120002", 3: "区商务局 流通股 孙某 0756-2120003"} {
					if m := g.Measure(n); m == nil || !slices.Equal(contactLines(m), []string{want}) {
						t.Errorf("measure %d: %v, want %q", n, m, want)
					}
				}
				m := g.Measure(1)
				all := m.Text + strings.Join(m.Details, "")
				if !strings.HasPrefix(m.Text, "国有房屋租金减免") || !strings.Contains(all, "转租的") || !strings.Contains(all, "至2022年12月31日") {
					t.Errorf("measure 1: %q %q", m.Text, m.Details)
				}
				for _, chrome := range []string{"9:4", "返回", "政策原文", "浏览", "展开全文", "立即申办", "已经到底", "#标签", "发布部门"} {
					if strings.Contains(all, chrome) {
						t.Errorf("measure 1 keeps %q: %q", chrome, all)
					}
				}
				if m := g.Measure(2); !strings.Contains(strings.Join(m.Details, ""), "长期有效") {
					t.Errorf("measure 2's term: %q", m.Details)
				}
			}},
		{name: "the frame page gives title, issuer, date and area code; a 7-digit number gets it",
			pages: append([]string{frame}, append(slices.Clone(maBase), maPageText("9:55", "专利贴息", "", "按利息的50%贴息。", "受理部门：区市场监管局知识产权股", "联系人：李某", "咨询电话：2630235"))...),
			check: func(t *testing.T, g *Guide) {
				if g.Title != "某区助企政策服务指南" || g.Issuer != "某区人民政府办公室" || g.Published != "2022-06-06" || g.AreaCode != "0756" {
					t.Errorf("title %q issuer %q published %q area %q", g.Title, g.Issuer, g.Published, g.AreaCode)
				}
				if len(g.Measures) != 4 {
					t.Errorf("%d measures", len(g.Measures))
				}
				if m := g.Measure(4); m == nil || !slices.Equal(m.Phones(), []string{"0756-2630235"}) {
					t.Errorf("measure 4: %v", m)
				}
				if strings.Contains(g.Preamble, "\n") || len(g.Report.Unread) > 0 {
					t.Errorf("preamble %q unread %v", g.Preamble, g.Report.Unread)
				}
			}},
		{name: "no area code stated: the one every coded number shares, when they are as long",
			pages: append(slices.Clone(maBase), maPageText("9:55", "专利贴息", "", "按利息的50%贴息。", "受理部门：区市场监管局知识产权股", "联系人：李某", "咨询电话：2630235")),
			check: func(t *testing.T, g *Guide) {
				if m := g.Measure(4); m == nil || !slices.Equal(m.Phones(), []string{"0756-2630235"}) {
					t.Errorf("measure 4: %v", m)
				}
			}},
		{name: "two blocks with their own contacts are two measures; the page's term is the first's",
			pages: append(slices.Clone(maBase), maPageText("9:55", "留工补助 / 扩岗补助", "2022-12-31", "政策内容", "【一次性留工培训补助】",
				"按每名参保职工500元发放。", "受理部门：区人社局职业能力股", "联系人：周某", "咨询电话：0756-2120004",
				"【一次性扩岗补助】", "展开全文 ▼", "招用高校毕业生每人1500元。", "受理部门：区人社局就业股", "联系人：钱某", "咨询电话：0756-2120002")),
			check: func(t *testing.T, g *Guide) {
				a, b := g.Measure(4), g.Measure(5)
				if a == nil || b == nil || !strings.HasPrefix(a.Text, "一次性留工培训补助") || !strings.HasPrefix(b.Text, "一次性扩岗补助") {
					t.Fatalf("measures 4, 5: %v %v", a, b)
				}
				if !slices.Equal(contactLines(a), []string{"区人社局 职业能力股 周某 0756-2120004"}) || !slices.Equal(contactLines(b), []string{"区人社局 就业股 钱某 0756-2120002"}) {
					t.Errorf("contacts %q %q", contactLines(a), contactLines(b))
				}
				if !strings.Contains(strings.Join(a.Details, ""), "2022年12月31日") || strings.Contains(b.Text+strings.Join(b.Details, ""), "有效期") {
					t.Errorf("terms %q %q", a.Details, b.Details)
				}
			}},
		{name: "a page pasted twice is one measure; a page cut off at the top is titled from the page before's 相关推荐",
			pages: []string{maBase[0], maBase[1],
				strings.Replace(maBase[1], "— 已经到底了 —\n\n", "相关推荐\n国有房屋租金减免\n非国有房屋减租奖补\n— 已经到底了 —\n"+
					"场等非国有房屋出租人减免租金的，按减免总额的30%给予奖补。\n受理部门：区住建局房管股\n联系人：吴某\n咨询电话：0756-2120005\n— 已经到底了 —\n\n", 1),
				maBase[2]},
			check: func(t *testing.T, g *Guide) {
				if len(g.Measures) != 4 {
					t.Fatalf("%d measures", len(g.Measures))
				}
				m := g.Measure(3)
				if !strings.HasPrefix(m.Text, "非国有房屋减租奖补") || !slices.Equal(contactLines(m), []string{"区住建局 房管股 吴某 0756-2120005"}) {
					t.Errorf("measure 3: %q %q", m.Text, contactLines(m))
				}
				if m := g.Measure(4); !strings.HasPrefix(m.Text, "消费券商户报名") {
					t.Errorf("measure 4: %q", m.Text)
				}
			}},
		{name: "a person in brackets after the phone, a hotline beside, a hotline alone",
			pages: append(slices.Clone(maBase),
				maPageText("9:55", "货车司机纾困", "", "车贷延期还本付息。", "受理部门：区交通局运输股", "咨询电话：0756-2120006（郑某）"),
				maPageText("9:58", "留抵退税", "", "符合条件的企业按月退还。", "受理部门：区税务局货劳科", "咨询电话：0756-2120007", "联系人：王某", "（也可拨打纳税服务热线12366）"),
				maPageText("10:02", "诉求直通", "长期有效", "可通过热线反映诉求。", "咨询电话：12345")),
			check: func(t *testing.T, g *Guide) {
				if m := g.Measure(4); m == nil || !slices.Equal(contactLines(m), []string{"区交通局 运输股 郑某 0756-2120006"}) {
					t.Errorf("measure 4: %v", m)
				}
				if m := g.Measure(5); m == nil || !sameSet(m.Phones(), []string{"0756-2120007", "12366"}) {
					t.Errorf("measure 5: %v", m)
				}
				if m := g.Measure(6); m == nil || !slices.Equal(m.Phones(), []string{"12345"}) {
					t.Errorf("measure 6: %v", m)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.pages, "")
			g, err := Parse([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, g)
			// Its corrupted copies keep every measure and no measure gets
			// another's phone.
			for seed := uint64(1); seed <= 5; seed++ {
				c, err := Parse([]byte(scramble.Scramble(text, scramble.Options{Seed: seed}).Text))
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range c.Measures {
					w := g.Measure(m.Number)
					if w == nil || len(m.Contacts) > 0 && !sameSet(m.Phones(), w.Phones()) {
						t.Errorf("seed %d: measure %d %q, clean %v", seed, m.Number, contactLines(&m), w)
					}
				}
			}
		})
	}
}

// TestMiniAppNotPages: text without a mini-program's pages, or with too
// few, comes back unchanged.
func TestMiniAppNotPages(t *testing.T) {
	for _, text := range []string{
		"1. 某措施。\n责任单位：区税务局\n",
		strings.Join(maBase[:2], ""),
		"9:41 会议开始 4G专项\n9:45 发言\n— 已经到底了 —\n",
	} {
		if got, unread, dups := miniAppText(text); got != text || unread != nil || dups != nil {
			t.Errorf("miniAppText changed %q", Clip(text, 20))
		}
	}
}

// TestMiniAppFormatGuide reads the mini-program format guide and its
// scrambled copy against its README: every measure, its title, phones,
// people and units, and the stated end dates.
func TestMiniAppFormatGuide(t *testing.T) {
	dir := filepath.Join("testdata", "formats", "qinglan-2022-miniapp")
	for _, name := range []string{"guide.txt", "scrambled-1.txt"} {
		t.Run(name, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join(dir, name))
			if g.Title != "青岚区稳经济助企纾困政策“掌上查”" || g.Issuer != "溪川市青岚区营商环境建设局" || g.Published != "2022-07-04" {
				t.Errorf("title %q issuer %q published %q", g.Title, g.Issuer, g.Published)
			}
			if name == "guide.txt" && (g.AreaCode != "0779" || len(g.Report.Unread) > 0) {
				t.Errorf("area %q unread %v", g.AreaCode, g.Report.Unread)
			}
			if len(g.Measures) != 11 || len(g.Report.MissingText)+len(g.Report.MissingContact) > 0 {
				t.Errorf("%d measures; missing text %v, contact %v", len(g.Measures), g.Report.MissingText, g.Report.MissingContact)
			}
			for row, m := range readmeMeasures(t, g, dir, 11) {
				if !strings.HasPrefix(m.Text, row.cells[0]) {
					t.Errorf("measure %d: text %q, title %q", row.n, Clip(m.Text, 20), row.cells[0])
				}
				if want := readmePhone.FindAllString(row.cells[3], -1); !sameSet(m.Phones(), want) {
					t.Errorf("measure %d: phones %v, README %v", row.n, m.Phones(), want)
				}
				var people []string
				for _, c := range m.Contacts {
					people = append(people, c.People...)
				}
				if p := strings.Join(people, "、"); p != strings.Trim(row.cells[2], "—") {
					t.Errorf("measure %d: people %q, README %q", row.n, p, row.cells[2])
				}
				if lead := strings.Join(m.Lead, "、"); lead != strings.Trim(row.cells[1], "—") {
					t.Errorf("measure %d: lead %q, README %q", row.n, lead, row.cells[1])
				}
			}
			for n, want := range map[int]string{1: "至2022年12月31日", 2: "至2022年12月31日", 3: "2024年12月31日", 7: "申报截止2022年10月31日", 9: "至2022年11月30日", 11: "长期有效"} {
				if m := g.Measure(n); m == nil || !strings.Contains(m.Text+strings.Join(m.Details, ""), want) {
					t.Errorf("measure %d: no %q", n, want)
				}
			}
		})
	}
}

// TestMiniAppCopies: the format guide's corrupted copies over seeds 1-20
// keep every measure, and no measure another's phone.
func TestMiniAppCopies(t *testing.T) {
	clean, err := os.ReadFile(filepath.Join("testdata", "formats", "qinglan-2022-miniapp", "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := parseText(string(clean))
	for seed := uint64(1); seed <= 20; seed++ {
		g := parseText(scramble.Scramble(string(clean), scramble.Options{Seed: seed}).Text)
		for _, w := range want.Measures {
			m := g.Measure(w.Number)
			if m == nil || len(m.Contacts) > 0 && !sameSet(m.Phones(), w.Phones()) {
				t.Errorf("seed %d: measure %d %v, clean %v", seed, w.Number, m, w.Phones())
			}
		}
	}
}

// TestMiniAppSlots: a page whose title names two measures keeps both
// numbers when a corrupted copy moved one block's heading away.
func TestMiniAppSlots(t *testing.T) {
	for _, tt := range []struct {
		title string
		lines []string
		first string // measure 4's title, "" if its words were moved
	}{
		{"留工补助 / 扩岗补助", []string{"【一次性扩岗补助】", "招用高校毕业生每人1500元。", "受理部门：区人社局就业股", "联系人：钱某", "咨询电话：0756-2120002"}, "留工补助"},
		{"税费减免（两项）", []string{"【政策二】房产税困难减免", "可申请减免房产税。", "受理部门：区税务局财行科", "联系人：冯某", "咨询电话：0756-2120008"}, ""},
	} {
		pages := append(slices.Clone(maBase), maPageText("9:55", tt.title, "2022-12-31", tt.lines...), maPageText("9:58", "消费券", "", "分批发放。", "受理部门：区商务局流通股", "联系人：孙某", "咨询电话：0756-2120003"))
		g, err := Parse([]byte(strings.Join(pages, "")))
		if err != nil {
			t.Fatal(err)
		}
		if m := g.Measure(4); tt.first != "" && (m == nil || !strings.HasPrefix(m.Text, tt.first)) || tt.first == "" && m != nil && m.HasText() {
			t.Errorf("%s: measure 4 %v", tt.title, m)
		}
		if m := g.Measure(5); m == nil || len(m.Contacts) != 1 || !strings.Contains(m.Text, "1500元") && !strings.Contains(m.Text, "房产税") {
			t.Errorf("%s: measure 5 %v", tt.title, m)
		}
		if m := g.Measure(6); m == nil || !strings.HasPrefix(m.Text, "消费券") {
			t.Errorf("%s: measure 6 %v", tt.title, m)
		}
	}
}

// TestMiniAppUnitDept cuts a contact's unit from its department at the
// first unit's end whose rest is a department.
func TestMiniAppUnitDept(t *testing.T) {
	for _, tt := range []struct{ in, unit, dept string }{
		{"区人社局社会保险股", "区人社局", "社会保险股"},
		{"区人力资源和社会保障局就业促进股", "区人力资源和社会保障局", "就业促进股"},
		{"溪川供电局青岚分局营业厅", "溪川供电局青岚分局", "营业厅"},
		{"香洲区融资担保有限公司", "香洲区融资担保有限公司", ""},
	} {
		if u, d := maUnitDept(tt.in); u != tt.unit || d != tt.dept {
			t.Errorf("%s: %q %q", tt.in, u, d)
		}
	}
}
