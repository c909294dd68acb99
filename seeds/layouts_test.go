package seeds

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLayouts checks the article, Q&A, TAB-table, 政策咨询-line,
// bracketed-duty, PDF-copied, section-contact, public-account, CSV, web-page Q&A, decimal-numbered, letter-coded, 附则-contact, Arabic-numbered article, web-page HTML and platform JSON export guides (issues 20, 20.3) against the tables their READMEs list: every measure,
// its units (lead) and its phones exactly, the people named, and the
// supporting units where the README lists them.
func TestLayouts(t *testing.T) {
	for _, tt := range []struct {
		dir     string
		count   int
		support bool // the README's fifth column lists the 配合单位
	}{
		{"chengchuan-2023-articles", 32, false},
		{"songling-2022-qa", 30, false},
		{"fenglin-2022-tab-table", 24, false},
		{"qingya-2022-consult-lines", 22, true},
		{"tangxi-2022-bracket-duty", 17, true},
		{"minchuan-2022-pdf-wrap", 16, false},
		{"qingpi-2022-section-contacts", 30, true},
		{"lanshan-2022-wechat", 39, false},
		{"liuan-2022-csv-list", 17, false},
		{"lanhu-2022-web-qa", 26, false},
		{"anjiang-2022-decimal-list", 28, false},
		{"chenghu-2022-coded-list", 17, false},
		{"yunyu-2022-chapter-articles", 27, false},
		{"rongxi-2022-arabic-articles", 20, false},
		{"yanming-2022-press", 24, false},
		{"shiwan-2022-infographic", 23, false},
		{"zhewan-2022-html-page", 24, false},
		{"qingfeng-2022-box-table", 24, false},
		{"meiling-2022-booklet", 21, false},
		{"yunshan-2022-json-export", 24, false},
		{"yunling-2022-layout-table", 24, false},
		{"tongjiang-2022-handbook", 24, false},
		{"zaolin-2022-slides", 14, false},
		{"huaixi-2022-tsv-sheet", 14, false},
		{"qinglan-2022-miniapp", 11, false},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata/formats", tt.dir)
			g := mustParseFile(t, filepath.Join(dir, "guide.txt"))
			if len(g.Measures) != tt.count || g.MaxNumber() != tt.count {
				t.Errorf("%d measures (highest %d)", len(g.Measures), g.MaxNumber())
			}
			r := g.Report
			if len(r.MissingText)+len(r.Unread)+len(r.Headings) > 0 {
				t.Errorf("missing text %v, unread %v, headings %v", r.MissingText, r.Unread, r.Headings)
			}
			for row, m := range readmeMeasures(t, g, dir, tt.count) {
				want := readmePhone.FindAllString(row.cells[3], -1)
				var got, people []string
				for _, c := range m.Contacts {
					got = append(got, c.Phones...)
					people = append(people, c.People...)
				}
				if !sameSet(got, want) {
					t.Errorf("measure %d: phones %v, README %v", row.n, got, want)
				}
				if lead := strings.Join(m.Lead, "、"); lead != strings.Trim(row.cells[1], "—") {
					t.Errorf("measure %d: lead %q, README %q", row.n, lead, row.cells[1])
				}
				if p := strings.Join(people, "、"); p != strings.Trim(row.cells[2], "—") {
					t.Errorf("measure %d: people %q, README %q", row.n, p, row.cells[2])
				}
				if tt.support {
					if s := strings.Join(m.Support, "、"); s != strings.Trim(row.cells[4], "—") {
						t.Errorf("measure %d: support %q, README %q", row.n, s, row.cells[4])
					}
				}
			}
		})
	}
}

// TestLayoutDetails: an article keeps its title and second sentence, a
// Q&A measure its answer's paragraphs and 政策依据, each under its own
// number; a Q&A's 经办科室 is the contact's department.
func TestLayoutDetails(t *testing.T) {
	a := mustParseFile(t, "testdata/formats/chengchuan-2023-articles/guide.txt")
	if m := a.Measure(3); !strings.HasPrefix(m.Text, "【国有房屋租金减免】对承租") || len(m.Details) != 1 || !strings.HasPrefix(m.Details[0], "转租的") {
		t.Errorf("article 3: %q %q", m.Text, m.Details)
	}
	if len(a.Sections) != 7 || a.Sections[6].Title != "附则" || a.Measure(31).Section != 7 {
		t.Errorf("chapters: %+v", a.Sections)
	}
	// Two offices of one unit in the appendix.
	if got := contactLines(a.Measure(7)); strings.Join(got, "|") != "区人社局 就业促进科 0575-86126601|区人社局 社会保险中心 0575-86126655" {
		t.Errorf("article 7: %q", got)
	}
	// Two units, no person, a phone for each: paired in order.
	if got := contactLines(a.Measure(5)); strings.Join(got, "|") != "区税务局 12366|区财政局 0575-86120588" {
		t.Errorf("article 5: %q", got)
	}
	q := mustParseFile(t, "testdata/formats/songling-2022-qa/guide.txt")
	if got := contactLines(q.Measure(4)); strings.Join(got, "|") != "区税务局 12366|区财政局 022-82713025" {
		t.Errorf("Q&A 4: %q", got)
	}
	m := q.Measure(8)
	if !strings.HasPrefix(m.Text, "问：企业经营困难") || len(m.Details) != 2 || m.Details[1] != "政策依据：《关于扩大阶段性缓缴社会保险费政策实施范围的通知》。" {
		t.Errorf("Q&A 8: %q %q", m.Text, m.Details)
	}
	if got := contactLines(m); len(got) != 1 || got[0] != "区人社局 社会保险事业中心 秦晓岚 022-82718240" {
		t.Errorf("Q&A 8: %q", got)
	}
	for _, m := range q.Measures {
		for _, d := range m.Details {
			if strings.HasPrefix(d, "政策依据") && !strings.Contains(d, "》") {
				t.Errorf("Q&A %d: basis %q", m.Number, d)
			}
		}
	}
}

func TestParseNumeral(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"一", 1}, {"十", 10}, {"十二", 12}, {"二十", 20}, {"三十八", 38}, {"九十九", 99},
		{"一百", 100}, {"一百零八", 108}, {"一百一十二", 112}, {"两百", 200}, {"两千〇五十", 2050},
		{"", 0}, {"二〇二二", 0}, {"十十", 0}, {"百", 0}, {"零", 0}, {"三三", 0}, {"一十", 10}, {"五百零", 0}, {"条", 0},
	} {
		if got := ParseNumeral(tt.s); got != tt.want {
			t.Errorf("ParseNumeral(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestFewMeasuresError: a text whose numbered lines the parser does not
// read does not load silently.
func TestFewMeasuresError(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text string
		ok         bool
	}{
		{"none.txt", "某区关于印发《某办法》的通知\n这是一段没有措施的文字。\n", false},
		{"two-articles.txt", "某区关于印发《某办法》的通知\n第一条 为了规范管理制定本办法\n第二条 本办法适用于全区\n", false},
		{"numbered.txt", "某区关于印发《某办法》的通知\n1. 对小微企业减免房租。（责任单位：区国资委）\n2. 对餐饮企业给予补贴。（责任单位：区商务局）\n", true},
	} {
		name := filepath.Join(dir, tt.name)
		if err := os.WriteFile(name, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(name)
		if tt.ok != (err == nil) || err != nil && (!errors.Is(err, ErrFewMeasures) || !strings.Contains(err.Error(), name)) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// TestFewMeasuresParts: a seed in parts, one without measures of its own,
// still loads as one guide (the check applies to the whole).
func TestFewMeasuresParts(t *testing.T) {
	dir := t.TempDir()
	parts := map[string]string{
		"1.txt": "某区关于印发《某办法》的通知\n1. 对小微企业减免房租。（责任单位：区国资委）\n2. 对餐饮企业给予补贴。（责任单位：区商务局）\n",
		"2.txt": "附件：各牵头单位联系方式\n区国资委  产权科  张三  010-12345678\n区商务局  流通科  李四  010-12345679\n",
	}
	for name, text := range parts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gs, err := LoadGuides(dir)
	if err != nil || len(gs) != 1 || len(gs[0].Measures) != 2 {
		t.Fatalf("%d guides, %v", len(gs), err)
	}
}

func TestQuestionsOnOwnLine(t *testing.T) {
	tests := []struct{ in, want string }{
		// A corrupted seed glued the first question to the title and
		// section heading: the start must begin a line to be read.
		{"惠企政策问答一、税费减免类1. 问：留抵退税怎么申请？", "惠企政策问答一、税费减免类\n1. 问：留抵退税怎么申请？"},
		{"政策依据：《某公告》。12．问：能缓缴吗？", "政策依据：《某公告》。\n12．问：能缓缴吗？"},
		// Already on its own line, or at the very start: unchanged.
		{"一、税费\n3. 问：能退吗？", "一、税费\n3. 问：能退吗？"},
		{"1. 问：能退吗？", "1. 问：能退吗？"},
		// Inside a longer number the match is no start: nothing splits.
		{"共计1112. 问：", "共计1112. 问："},
	}
	for _, tt := range tests {
		if got := questionsOnOwnLine(tt.in); got != tt.want {
			t.Errorf("questionsOnOwnLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSectionContactsAndArticle: a county 通知 numbered （1） whose contacts
// come once per section, and a public-account article (issue 20), read
// whole: the section line's exception and its fallback to the first
// contact, a reference "第（4）项" and hard wraps inside a measure, an
// appendix of service windows that are no measures; the article's time as
// the date, its stated area code, a QR code instead of a contact, a hotline
// alone, an aside that is no measure and an ending without contacts.
func TestSectionContactsAndArticle(t *testing.T) {
	c := mustParseFile(t, "testdata/formats/qingpi-2022-section-contacts/guide.txt")
	if c.Issuer != "青陂县人民政府办公室" || c.Published != "2022-05-30" || c.AreaCode != "" || len(c.Sections) != 5 {
		t.Errorf("county: issuer %q published %q area code %q, %d sections", c.Issuer, c.Published, c.AreaCode, len(c.Sections))
	}
	for _, tt := range []struct {
		n        int
		text     string // a part of the text
		contacts string
	}{
		{6, "享受第（4）项政策的企业同样可以申请", "县国资中心 邝建伟 0738-2513067"},
		// The exception on section 二's line.
		{9, "民营医疗机构", "县医保局 戴永红 0738-2519352"},
		{10, "担保费率降至1%以下", "县金融办 符嘉怡 0738-2512290"},
		// Its lead is not on the line: the section's first contact.
		{17, "公益性岗位", "县人社局 骆文彬 0738-2514418"},
		// A line cut after "0738-" and a measure cut inside a sentence.
		{16, "返乡农民工", "县人社局 骆文彬 0738-2514418"},
		{23, "对新认定的县级农产品电商示范企业", "县农业农村局 蒙德胜 0738-2511862"},
		{30, "千名干部联千企", "县工信局 唐志远 0738-2513588"},
	} {
		m := c.Measure(tt.n)
		if m == nil {
			t.Fatalf("county measure %d missing", tt.n)
		}
		if got := strings.Join(contactLines(m), "|"); got != tt.contacts || !strings.Contains(m.Text+strings.Join(m.Details, ""), tt.text) {
			t.Errorf("county measure %d: contacts %q, text %q %q", tt.n, got, m.Text, m.Details)
		}
	}
	if m := c.Measure(1); !slices.Contains(m.Details, "完成时限：2022年6月底前。") {
		t.Errorf("county measure 1: details %q", m.Details)
	}
	for _, m := range c.Measures {
		if strings.Contains(m.Text+strings.Join(m.Details, ""), "迎宾大道") || strings.Contains(m.Text, "— ") {
			t.Errorf("county measure %d holds an appendix line or a page number: %q %q", m.Number, m.Text, m.Details)
		}
	}

	a := mustParseFile(t, "testdata/formats/lanshan-2022-wechat/guide.txt")
	if a.Issuer != "皖川市兰山区人民政府办公室" || a.Published != "2022-06-21" || a.AreaCode != "0556" || len(a.Sections) != 11 {
		t.Errorf("article: issuer %q published %q area code %q, %d sections", a.Issuer, a.Published, a.AreaCode, len(a.Sections))
	}
	if got := a.Dial("52133108"); got != "0556-52133108" {
		t.Errorf("article: Dial = %s", got)
	}
	for _, tt := range []struct {
		n        int
		text     string
		contacts string
	}{
		{1, "增值税留抵退税：对符合条件的", "区税务局 纳税服务科 汪晓岚 0556-5213366、12366"},
		{2, "政策2的同时，小编提醒", "区税务局 税政一科 柯立新 52133108"},
		{4, "残疾人就业保障金", "区残联 52137720"},
		{5, "转租的，由转租方", "区国资委 贺思源 0556-5216018|区城投集团资产管理部 江敏 52160233"},
		// A 7-digit number right before the next measure's number.
		{7, "贷款延期还本付息", "区金融服务中心 骆佳宁 0556-5218801"},
		{8, "扫描下方二维码办理", ""},
		{17, "文旅企业纾困补助", "区文旅局 伍晓燕 0556-5214478"},
		{20, "免申即享", "12345"},
		// The first unnumbered measure after 政策22.
		{23, "工业企业满负荷生产奖励", "区经信局 运行科 杜明辉 52170156"},
		{30, "农民工工资保证金", "区人社局 劳动监察大队 黄晨阳 52191188|区住建局 建筑业科 梁国栋 52176615"},
		{39, "免费入驻电商平台", "区电商服务中心 孔令辉 52135590"},
	} {
		m := a.Measure(tt.n)
		if m == nil {
			t.Fatalf("article measure %d missing", tt.n)
		}
		if got := strings.Join(contactLines(m), "|"); got != tt.contacts || !strings.Contains(m.Text+strings.Join(m.Details, ""), tt.text) {
			t.Errorf("article measure %d: contacts %q, text %q %q", tt.n, got, m.Text, m.Details)
		}
	}
	for _, m := range a.Measures {
		for _, ct := range m.Contacts {
			if slices.Contains(ct.People, "苏曼") || slices.Contains(ct.People, "严立行") {
				t.Errorf("article measure %d: the editor as a contact: %q", m.Number, contactLines(&m))
			}
		}
		if strings.Contains(m.Text+strings.Join(m.Details, ""), "往期推荐") {
			t.Errorf("article measure %d holds the ending: %q", m.Number, m.Details)
		}
	}
}

// TestReadSectionContacts: the entries of a section's contact line, an
// exception among them, a line cut inside an entry, and entries it cannot
// read (the line then stays in the text).
func TestReadSectionContacts(t *testing.T) {
	for _, tt := range []struct {
		in     string
		all    string
		except string
		whole  bool
	}{
		{"县税务局 张某某 0730-2123456；县财政局 李某某 0730-2123457", "县税务局/张某某/0730-2123456|县财政局/李某某/0730-2123457", "", true},
		{"县金融办 王某 0730-2123458；其中第（9）项：县医保局 赵某 0730-2123459", "县金融办/王某/0730-2123458", "9:县医保局/赵某/0730-2123459", true},
		// A unit without a person; a unit glued to its person; a phone
		// glued to the person (a hard wrap's join).
		{"县残联 0730-2123460；县人社局钱某某 0730-2123461；县商务局 孙某0730-2123462", "县残联//0730-2123460|县人社局/钱某某/0730-2123461|县商务局/孙某/0730-2123462", "", true},
		// Cut inside the phone after its "-", then joined with a space.
		{"县人社局 周某 0730- 2123463", "县人社局/周某/0730-2123463", "", true},
		{"县税务局 吴某 0730-2123464；请各单位认真落实", "县税务局/吴某/0730-2123464", "", false},
	} {
		all, except, whole := readSectionContacts(tt.in)
		var a, e []string
		for _, c := range all {
			a = append(a, c.unit+"/"+c.person+"/"+c.phones)
		}
		for n, cs := range except {
			for _, c := range cs {
				e = append(e, strconv.Itoa(n)+":"+c.unit+"/"+c.person+"/"+c.phones)
			}
		}
		if strings.Join(a, "|") != tt.all || strings.Join(e, "|") != tt.except || whole != tt.whole {
			t.Errorf("%s: %q %q %v", tt.in, a, e, whole)
		}
	}
}

// TestContactFields: an article's contact line as duty lines.
func TestContactFields(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"区税务局纳税服务科  王某  0551-63123456", "责任单位：区税务局纳税服务科（联系人：王某）|咨询电话：0551-63123456"},
		{"区残联  63123457", "责任单位：区残联|咨询电话：63123457"},
		{"李某某  63123458", "联系人：李某某|咨询电话：63123458"},
		{"95598", "咨询电话：95598"},
		// No phone at its end: no contact line (a teaser after 👉).
		{"兰山区2022年稳岗就业补贴申领指南", ""},
	} {
		if got := strings.Join(contactFields(tt.in), "|"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSectionContactsWrapped: a section's contact line the page wrapped
// after a "；" goes on in the next line: the measure whose 牵头单位 is named
// there gets that unit's contact, not the line's first.
func TestSectionContactsWrapped(t *testing.T) {
	src, err := os.ReadFile("testdata/formats/qingpi-2022-section-contacts/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	const line = "县文旅广体局 温雅琪 0738-2517716；县农业农村局 蒙德胜 0738-2511862"
	if !strings.Contains(string(src), line) {
		t.Fatal("the test guide's section line changed")
	}
	wrapped := strings.Replace(string(src), line, strings.Replace(line, "；", "；\n", 1), 1)
	g, err := Parse([]byte(wrapped))
	if err != nil {
		t.Fatal(err)
	}
	m := g.Measure(23)
	if m == nil {
		t.Fatal("measure 23 missing")
	}
	if got, want := strings.Join(contactLines(m), "|"), "县农业农村局 蒙德胜 0738-2511862"; got != want {
		t.Errorf("measure 23: contacts %q, want %q", got, want)
	}
}
