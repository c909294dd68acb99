package seeds

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSlideMeasures: the measures one slide holds, by its title, its
// bullets or its notes.
func TestSlideMeasures(t *testing.T) {
	for _, tt := range []struct {
		name   string
		lines  []string
		notes  []string
		nums   []int
		titles []string
		owner  []int // the measure each notes sentence goes to
	}{
		{name: "numbered title", lines: []string{"政策1：增值税留抵退税", "• 对象：小微企业"}, notes: []string{"留抵退税力度最大。"},
			nums: []int{1}, titles: []string{"增值税留抵退税"}, owner: []int{1}},
		{name: "goes on", lines: []string{"措施6｜创业担保贷款（续上页）", "l 贴息：财政贴息"},
			nums: []int{6}, titles: []string{"创业担保贷款"}},
		// A text box put the title among the bullets.
		{name: "title among bullets", lines: []string{"支持外贸企业稳订单", "– 展位费补贴50%", "• 出口信用保险：保费补贴50%", "政策33：支持外贸企业", "• 境外展会："},
			nums: []int{33}, titles: []string{"支持外贸企业"}},
		{name: "two measures as bullets", lines: []string{"创新融资产品", "• 政策20：“信易贷”信用融资", "– 凭信用信息申请纯信用贷款", "• 政策21：知识产权质押融资贴息", "– 按利息的50%贴息"},
			notes: []string{"知识产权质押融资这一块，专利、商标都可以质押。", "纯信用贷款不用抵押。"},
			nums:  []int{20, 21}, titles: []string{"“信易贷”信用融资", "知识产权质押融资贴息"}, owner: []int{21, 20}},
		{name: "no title", lines: []string{"• 区属专业市场减免1个月摊位费，按减免金额的30%给予补助", "• 申报：2022年10月31日前"}, notes: []string{"这一条是政策27，主要针对专业批发市场。"},
			nums: []int{27}, titles: []string{"区属专业市场减免1个月摊位费"}, owner: []int{27}},
		{name: "no measure", lines: []string{"使用说明", "• 电话未注明区号的，区号均为0533"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			title, body := slideTitle(tt.lines)
			got := slideMeasures(title, body, tt.notes)
			var nums []int
			var titles []string
			for _, e := range got {
				nums = append(nums, e.num)
				titles = append(titles, e.title)
			}
			if !slices.Equal(nums, tt.nums) || !slices.Equal(titles, tt.titles) {
				t.Fatalf("measures %v %q, want %v %q", nums, titles, tt.nums, tt.titles)
			}
			for i, s := range tt.notes {
				if i >= len(tt.owner) {
					break
				}
				for _, e := range got {
					if has := slices.Contains(e.notes, s); has != (e.num == tt.owner[i]) {
						t.Errorf("notes %q on measure %d: %v", s, e.num, has)
					}
				}
			}
		})
	}
}

// TestSlideOrderBullets: a second-level bullet a text box put before the
// first bullets goes under the bullet announcing a list.
func TestSlideOrderBullets(t *testing.T) {
	got := orderBullets([]string{"支持外贸企业稳订单", "– 展位费补贴50%", "• 出口信用保险", "• 境外展会：", "• 对象：外贸企业"})
	want := []string{"支持外贸企业稳订单", "• 出口信用保险", "• 境外展会：", "– 展位费补贴50%", "• 对象：外贸企业"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
	if got := slideSentence([]string{"• 对象：", "Ø 餐饮企业", "项目\t标准", "一般情形\t3个月\t2022年内", "• 期限：长期"}); got != "对象：餐饮企业；一般情形：3个月，2022年内；期限：长期。" {
		t.Errorf("sentence %q", got)
	}
}

// TestSlideDirectoryLine reads a contact slide's lines.
func TestSlideDirectoryLine(t *testing.T) {
	for _, tt := range []struct {
		line         string
		ok           bool
		unit, person string
		phones       []string
	}{
		{"• 区税务局货物和劳务税科  王浩  22187654", true, "区税务局货物和劳务税科", "王浩", []string{"22187654"}},
		{"▪ 区就业创业服务中心　　许立新　　85390233、13905391234", true, "区就业创业服务中心", "许立新", []string{"85390233", "13905391234"}},
		// A note in brackets is no part of the unit.
		{"• 区财政局社保科（创业担保贷款贴息）  杜鹃  22180329", true, "区财政局社保科", "杜鹃", []string{"22180329"}},
		// A hotline's name is no unit; a unit without person is.
		{"• 纳税服务热线  12366", true, "", "", []string{"12366"}},
		{"• 区交通运输局保通保畅专班（24小时）  22858800", true, "区交通运输局保通保畅专班", "", []string{"22858800"}},
		{"• 联系我们获取更多政策", false, "", "", nil},
	} {
		c, ok := slideDirectoryLine(tt.line)
		if ok != tt.ok || c.unit != tt.unit || c.person != tt.person || !slices.Equal(c.phones, tt.phones) {
			t.Errorf("%q: %v %+v", tt.line, ok, c)
		}
	}
}

// TestSameUnitName: a unit's short and full names, and names that are not
// one unit.
func TestSameUnitName(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"区人社局", "区人力资源和社会保障局", true},
		{"区残联", "区残疾人联合会", true},
		{"区工业和信息化局", "区工信局", true},
		{"区社保中心", "区社会保险事业中心征缴科", true},
		{"区财政局", "区财金控股集团", false},
		{"区商务局", "区市场监督管理局", false},
		{"区财政局", "区税务局", false},
	} {
		if got := sameUnitName(tt.a, tt.b); got != tt.same {
			t.Errorf("sameUnitName(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}

// TestSlidePeople: people and phones said in a notes sentence; amounts
// and dates are no phones, a department no person.
func TestSlidePeople(t *testing.T) {
	dir := []slideContact{{unit: "区商务局商贸流通科", person: "魏娜", phones: []string{"22189041"}}}
	for _, tt := range []struct {
		s              string
		people, phones []string
	}{
		{"这项由区社会保险事业中心征缴科负责，联系人吕婷，电话22306615。", []string{"吕婷"}, []string{"22306615"}},
		{"具体由区就业服务中心创业就业科宋佳负责受理，电话22306630。", []string{"宋佳"}, []string{"22306630"}},
		{"这项由淄博市住房公积金管理中心张店分中心归集科负责，联系人高原，电话0533-23120785，也可以拨打12329住房公积金服务热线。", []string{"高原"}, []string{"0533-23120785", "12329"}},
		{"补助资金由区商务局审核，联系人是商贸流通科魏娜。", []string{"魏娜"}, nil},
		{"缓缴的费款最迟在2023年底前补缴到位，单个企业最高20万元，共2000万元。", nil, nil},
		{"缓缴由区社会保险事业中心负责办理，联系人：蒋丽（电话85390216）。", []string{"蒋丽"}, []string{"85390216"}},
	} {
		if p, ph := slidePeople(tt.s, dir), slidePhones(tt.s); !slices.Equal(p, tt.people) || !slices.Equal(ph, tt.phones) {
			t.Errorf("%s: people %q phones %q", Clip(tt.s, 20), p, ph)
		}
	}
}

// TestSlideDeck reads the slide deck format guide: the cover's title,
// issuers and date, the area code a notes line states, the parts as
// sections; a measure over two slides once, a slide exported twice once,
// two measures of one slide each with its own notes, a slide without
// title by the number its notes say; contacts by notes and by the part's
// contact slide; the closing slide's contact is nobody's. Its scrambled
// copy keeps every measure and the clean copy's contacts.
func TestSlideDeck(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/zaolin-2022-slides/guide.txt")
	if g.Title != "枣林区稳经济促发展政策解读" || g.Published != "2022-07-14" || g.Issuer != "沂川市枣林区人民政府办公室、沂川市枣林区工商业联合会" || g.AreaCode != "0539" {
		t.Errorf("title %q published %q issuer %q area code %q", g.Title, g.Published, g.Issuer, g.AreaCode)
	}
	if len(g.Sections) != 3 || g.Sections[2].Title != "融资和成本" || g.Measure(9).Section != 3 {
		t.Errorf("sections %+v", g.Sections)
	}
	if m := g.Measure(6); !strings.Contains(m.Text, "最高300万元") || !strings.Contains(m.Text, "LPR-150BP") || len(m.Details) != 2 {
		t.Errorf("measure 6 over two slides: %q %q", m.Text, m.Details)
	}
	if m := g.Measure(8); strings.Count(m.Text, "延期不影响征信记录") != 1 || len(m.Details) != 1 {
		t.Errorf("measure 8 (slide copied): %q %q", m.Text, m.Details)
	}
	if m := g.Measure(7); !strings.Contains(m.Text, "每人补贴2000元") || len(m.Details) != 1 {
		t.Errorf("measure 7 (no title): %q %q", m.Text, m.Details)
	}
	if m := g.Measure(9); len(m.Details) != 1 || !strings.Contains(m.Details[0], "转贷资金") {
		t.Errorf("measure 9 details %q", m.Details)
	}
	if m := g.Measure(12); !strings.HasPrefix(m.Text, "水电气欠费不停供：降低用能成本；适用：欠费不停供") {
		t.Errorf("measure 12 (lines in odd order): %q", m.Text)
	}
	for _, m := range g.Measures {
		if slices.Contains(m.Phones(), "85320001") {
			t.Errorf("measure %d has the closing slide's contact", m.Number)
		}
	}
	s := mustParseFile(t, "testdata/formats/zaolin-2022-slides/scrambled-1.txt")
	if len(s.Measures) != 14 || len(s.Report.Duplicates) == 0 {
		t.Fatalf("scrambled: %d measures, %d duplicates", len(s.Measures), len(s.Report.Duplicates))
	}
	for _, m := range g.Measures {
		if got := contactLines(s.Measure(m.Number)); !reflect.DeepEqual(got, contactLines(&m)) {
			t.Errorf("scrambled measure %d: %q, clean %q", m.Number, got, contactLines(&m))
		}
	}
}

// TestSlideUnread: a slide with bullets but no measure's number among the
// measures is reported with its line; a text with few slide lines is no
// deck.
func TestSlideUnread(t *testing.T) {
	var b strings.Builder
	for i, title := range []string{"封面标题", "政策1：甲补贴", "政策2：乙补贴", "其他事项", "政策3：丙补贴", "政策4：丁补贴"} {
		b.WriteString("幻灯片 " + string(rune('1'+i)) + "\n" + title + "\n• 内容：每户补贴1万元\n备注：具体由区商务局负责，联系人王某，电话22001100。\n\n")
	}
	_, unread, _ := slideText(b.String())
	if len(unread) != 1 || unread[0].Line != "其他事项" {
		t.Errorf("unread %+v", unread)
	}
	text := "幻灯片 1\n政策1：甲\n幻灯片 2\n政策2：乙\n"
	if got, _, _ := slideText(text); got != text {
		t.Errorf("not a deck, rewritten: %q", got)
	}
}

// TestSlideUnnumbered: a deck that numbers no measure has one per slide
// of bullets under a title, in the deck's order, a slide going on joined;
// dividers, contact slides and frame slides are none.
func TestSlideUnnumbered(t *testing.T) {
	deck := `幻灯片 1
稳企业政策宣讲
2022年8月

幻灯片 2
第一部分  减税降费

幻灯片 3
留抵退税
• 对象：小微企业
备注：由区税务局货物和劳务税科负责，联系人王某，电话22001100。

幻灯片 4
社保缓缴
• 养老保险缓缴至年底

幻灯片 5
社保缓缴（续）
• 免收滞纳金

幻灯片 6
房租减免
• 减免3个月
• 责任单位：区国资中心

幻灯片 7
咨询方式
• 区国有资产服务中心  李某  22003300
`
	g := parseText(deck)
	var titles []string
	for _, m := range g.Measures {
		titles = append(titles, Clip(m.Text, 4))
	}
	if len(g.Measures) != 3 || g.Measure(2) == nil || !strings.Contains(g.Measure(2).Text, "免收滞纳金") {
		t.Fatalf("measures %q", titles)
	}
	if got := contactLines(g.Measure(3)); len(got) != 1 || !strings.Contains(got[0], "22003300") {
		t.Errorf("measure 3 contacts %q", got)
	}
	if got := contactLines(g.Measure(1)); len(got) != 1 || !strings.Contains(got[0], "王某 22001100") {
		t.Errorf("measure 1 contacts %q", got)
	}
}
