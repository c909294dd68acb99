package seeds

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGridJoin: a cell's wrapped lines are joined without a space; a unit
// cell keeps two units on their own lines apart; a contact cell joins a
// number cut by the wrap and a name or office cut inside, and keeps an
// office line, two contacts and two whole numbers apart.
func TestGridJoin(t *testing.T) {
	for _, tt := range []struct {
		role  string
		lines []string
		want  string
	}{
		{"政策内容", []string{"对小微企业，2022年减免6个月租金；2", "022年下半年再减免3个月。"}, "对小微企业，2022年减免6个月租金；2022年下半年再减免3个月。"},
		{"unit", []string{"国家税务总", "局某某区税", "务局"}, "国家税务总局某某区税务局"},
		{"unit", []string{"区人力社保", "局", "区就业服务", "中心"}, "区人力社保局、区就业服务中心"},
		{"contact", []string{"张某 023-6775", "9240"}, "张某 023-67759240"},
		{"contact", []string{"李某某6786", "1150"}, "李某某67861150"},
		{"contact", []string{"王某 6775331", "0"}, "王某 67753310"},
		{"contact", []string{"纳税服务科", "张某 67759240"}, "纳税服务科\n张某 67759240"},
		{"contact", []string{"区税务局纳税服", "务科", "张某 67759240"}, "区税务局纳税服务科\n张某 67759240"},
		{"contact", []string{"张某 67759240", "李某 67751234"}, "张某 67759240\n李某 67751234"},
		// Two whole numbers, one per line: two phones, not one.
		{"contact", []string{"67759240", "13812345678"}, "67759240\n13812345678"},
		{"contact", []string{"12366", "12345"}, "12366\n12345"},
	} {
		if got := gridJoin(tt.lines, tt.role); got != tt.want {
			t.Errorf("gridJoin(%q, %s) = %q, want %q", tt.lines, tt.role, got, tt.want)
		}
	}
}

func TestParseGridContact(t *testing.T) {
	for _, tt := range []struct {
		cell string
		want []gridContact
	}{
		{"张某 023-67759240", []gridContact{{person: "张某", phones: []string{"023-67759240"}}}},
		{"李某某67861150", []gridContact{{person: "李某某", phones: []string{"67861150"}}}},
		{"纳税服务科\n张某 67759240", []gridContact{{dept: "纳税服务科", person: "张某", phones: []string{"67759240"}}}},
		{"纳税服务科张某 67759240", []gridContact{{dept: "纳税服务科", person: "张某", phones: []string{"67759240"}}}},
		{"12345", []gridContact{{phones: []string{"12345"}}}},
		{"张某 67759240\n李某 67751234", []gridContact{{person: "张某", phones: []string{"67759240"}}, {person: "李某", phones: []string{"67751234"}}}},
		{"张某 67759240；李某 67751234", []gridContact{{person: "张某", phones: []string{"67759240"}}, {person: "李某", phones: []string{"67751234"}}}},
		{"张某 67759240、李某 67751234", []gridContact{{person: "张某", phones: []string{"67759240"}}, {person: "李某", phones: []string{"67751234"}}}},
		{"张某 67759240、67751234", []gridContact{{person: "张某", phones: []string{"67759240", "67751234"}}}},
		{"", nil},
	} {
		got := parseGridContact(tt.cell)
		if !slices.EqualFunc(got, tt.want, func(a, b gridContact) bool {
			return a.dept == b.dept && a.person == b.person && slices.Equal(a.phones, b.phones)
		}) {
			t.Errorf("parseGridContact(%q) = %+v, want %+v", tt.cell, got, tt.want)
		}
	}
}

// gridDouble is a grid drawn with the double-line family around single
// inner rules: category rows without 序号, separate 联系人 and 联系电话
// columns, a unit cell merged over two records, a record cut by a page
// break (its rest under the repeated header, without 序号), and 同上.
const gridDouble = `某区助企纾困政策清单
说明：本表电话区号为0571。
╔══╤════╤══════════╤═════╤═════╤══════╗
║序号│类　别│政策内容　　　　　　│责任单位　│联系人　　│联系电话　　║
╟──┼────┼──────────┼─────┼─────┼──────╢
║　　│财税支持│　　　　　　　　　　│　　　　　│　　　　　│　　　　　　║
╟──┼────┼──────────┼─────┼─────┼──────╢
║1　│　　　　│对小微企业减免房租三│区国资办　│张某某　　│8765432　　║
║　　│　　　　│个月，最高5万元。　│　　　　　│　　　　　│1　　　　　║
╟──┼────┼──────────┼─────┼─────┼──────╢
║2　│　　　　│对个体工商户给予一次│区商务局　│李某　　　│87650000　║
║　　│　　　　│性补贴。　　　　　　│　　　　　│　　　　　│　　　　　　║
╚══╧════╧══════════╧═════╧═════╧══════╝

— 2 —

╔══╤════╤══════════╤═════╤═════╤══════╗
║序号│类　别│政策内容　　　　　　│责任单位　│联系人　　│联系电话　　║
╟──┼────┼──────────┼─────┼─────┼──────╢
║　　│　　　　│补贴标准为每户一千元│　　　　　│　　　　　│　　　　　　║
║　　│　　　　│。　　　　　　　　　│　　　　　│　　　　　│　　　　　　║
╟──┼────┼──────────┼　　　　　┼─────┼──────╢
║3　│　　　　│对餐饮企业发放消费券│　　　　　│同上　　　│同上　　　　║
║　　│　　　　│，每张面值50元。　│　　　　　│　　　　　│　　　　　　║
╟──┼────┼──────────┼─────┼─────┼──────╢
║　　│金融支持│　　　　　　　　　　│　　　　　│　　　　　│　　　　　　║
╟──┼────┼──────────┼─────┼─────┼──────╢
║4　│　　　　│对新增贷款给予贴息。│区金融办　│　　　　　│12345　　　║
╚══╧════╧══════════╧═════╧═════╧══════╝
备注：以上政策执行至2022年12月31日。
`

// TestGridLayout: a box-drawn list reads as its records, numbered by 序号,
// in their categories, with their units and contacts; nothing of the head,
// header rows, page break or 备注 is a measure.
func TestGridLayout(t *testing.T) {
	g := parseText(gridDouble)
	if len(g.Measures) != 4 || g.AreaCode != "0571" {
		t.Fatalf("%d measures, area code %q", len(g.Measures), g.AreaCode)
	}
	for _, tt := range []struct {
		n                   int
		section             int
		text, lead, contact string
	}{
		{1, 1, "对小微企业减免房租三个月，最高5万元。", "区国资办", "区国资办 张某某 87654321"},
		{2, 1, "对个体工商户给予一次性补贴。", "区商务局", "区商务局 李某 87650000"},
		// The unit merged over 2 and 3, the contact 同上.
		{3, 1, "对餐饮企业发放消费券，每张面值50元。", "区商务局", "区商务局 李某 87650000"},
		{4, 2, "对新增贷款给予贴息。", "区金融办", "区金融办 12345"},
	} {
		m := g.Measure(tt.n)
		if m == nil {
			t.Errorf("measure %d missing", tt.n)
			continue
		}
		if m.Text != tt.text || m.Section != tt.section || strings.Join(m.Lead, "、") != tt.lead || strings.Join(contactLines(m), "|") != tt.contact {
			t.Errorf("measure %d: %q section %d lead %v contacts %q", tt.n, m.Text, m.Section, m.Lead, contactLines(m))
		}
	}
	// The page break cut record 2: its rest is its own, not a measure.
	if d := g.Measure(2).Details; len(d) != 1 || d[0] != "补贴标准为每户一千元。" {
		t.Errorf("measure 2 details %q", d)
	}
	if len(g.Sections) != 2 || g.Sections[0].Title != "财税支持" || g.Sections[1].Title != "金融支持" {
		t.Errorf("sections %+v", g.Sections)
	}
}

// TestGridOthersUnchanged: a text without a policy list's grid (a box
// without a 序号 header, a grid under prose) comes back as it is.
func TestGridOthersUnchanged(t *testing.T) {
	for _, text := range []string{
		"┌ 咨询电话 ┐\n│区税务局│张某│12366│\n└──────┘\n",
		"┌──┬──┬──┐\n│名称│单位│电话│\n├──┼──┼──┤\n│甲│区税务局│12366│\n└──┴──┴──┘\n",
		"一、总体要求\n1. 对小微企业减免房租。（责任单位：区国资办）\n",
	} {
		if got, dups := normalizeGrid(text); got != text || dups != nil {
			t.Errorf("normalizeGrid(%q) = %q", text, got)
		}
	}
}

// TestGridFormatGuide: the format guide's traps read right beyond what
// TestLayouts checks: the head's spaced title and the signature's office
// and date, a wrapped measure joined, 同上 across the page break, the 备注
// no measure's.
func TestGridFormatGuide(t *testing.T) {
	dir := "testdata/formats/qingfeng-2022-box-table/"
	g := mustParseFile(t, dir+"guide.txt")
	if g.Title != "青枫区稳经济助企纾困政策措施清单" || g.Issuer != "渝川市青枫区人民政府办公室" || g.Published != "2022-06-14" || g.AreaCode != "023" {
		t.Errorf("title %q issuer %q published %q area %q", g.Title, g.Issuer, g.Published, g.AreaCode)
	}
	if len(g.Sections) != 5 || g.Sections[2].Title != "稳岗就业" || g.Measure(14).Section != 3 {
		t.Errorf("sections %+v", g.Sections)
	}
	m := g.Measure(19)
	if m.Text != "扶持文旅企业。" || len(m.Details) != 1 || m.Details[0] != "对组织游客到区内A级景区游览的旅行社，按每人次20元给予奖励，单家最高10万元。" {
		t.Errorf("measure 19: %q %q", m.Text, m.Details)
	}
	if got := strings.Join(contactLines(g.Measure(14)), "|"); got != "区人力社保局 卢思远 023-67750618" {
		t.Errorf("measure 14 (同上 after the page break): %q", got)
	}
	if got := strings.Join(contactLines(g.Measure(2)), "|"); got != "国家税务总局渝川市青枫区税务局 纳税服务科 向明轩 023-67759240" {
		t.Errorf("measure 2: %q", got)
	}
	b, err := os.ReadFile(filepath.Join(dir, "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "备注") {
		t.Fatal("the guide lost its 备注")
	}
	for _, m := range g.Measures {
		for _, d := range append([]string{m.Text}, m.Details...) {
			if strings.Contains(d, "备注") || strings.Contains(d, "序号") || strings.Contains(d, "—2—") || strings.Contains(d, "人民政府办公室") {
				t.Errorf("measure %d holds %q", m.Number, d)
			}
		}
	}
}

// TestGridPageBreakWithoutHeader: a grid whose next page opens without the
// header row runs on over the page number; 序号 written "1." is read.
func TestGridPageBreakWithoutHeader(t *testing.T) {
	text := `某区助企政策清单
┌──┬──────────┬─────┬───────┐
│序号│政策内容　　　　　　│责任单位　│联系人及电话　│
├──┼──────────┼─────┼───────┤
│1.│对小微企业减免房租三│区国资办　│张某 8765432│
│　　│个月。　　　　　　　│　　　　　│1　　　　　　│
└──┴──────────┴─────┴───────┘
第1页
┌──┬──────────┬─────┬───────┐
│2.│对个体工商户给予一次│区商务局　│李某 87650000│
│　　│性补贴。　　　　　　│　　　　　│　　　　　　　│
├──┼──────────┼─────┼───────┤
│3.│对餐饮企业发放消费券│区商务局　│同上　　　　　│
│　　│。　　　　　　　　　│　　　　　│　　　　　　　│
└──┴──────────┴─────┴───────┘
`
	g := parseText(text)
	if len(g.Measures) != 3 {
		t.Fatalf("%d measures", len(g.Measures))
	}
	for n, want := range map[int]string{1: "区国资办 张某 87654321", 2: "区商务局 李某 87650000", 3: "区商务局 李某 87650000"} {
		if got := strings.Join(contactLines(g.Measure(n)), "|"); got != want {
			t.Errorf("measure %d: %q, want %q", n, got, want)
		}
	}
}
