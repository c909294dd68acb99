package seeds

import (
	"errors"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestXLSX reads the format guide's unzipped workbook: the document
// sheet's title, 文号, issuer and date (a serial under General, a date by
// its label), the measures by their 序号 in the tab order the rels give,
// and the traps of its layout.
func TestXLSX(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/gusu-2022-xlsx/guide.txt")
	if g.Title != "姑苏区关于助企纾困稳定经济增长的若干政策措施" || g.Issuer != "苏州市姑苏区人民政府办公室" || g.Published != "2022-06-27" {
		t.Errorf("title %q, issuer %q, published %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 18 || len(g.Sections) != 5 {
		t.Fatalf("%d measures, %d sections", len(g.Measures), len(g.Sections))
	}
	for i, m := range g.Measures {
		if m.Number != i+1 {
			t.Fatalf("measure %d numbered %d", i+1, m.Number)
		}
	}
	for _, c := range []struct {
		n        int
		text     string
		detail   string // a follow-up the measure holds (its end)
		contacts []string
	}{
		// Rich text: the runs joined, the bold one among them; a measure
		// over two rows, a unit and its contact on each.
		{1, "增值税留抵退税：对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，存量留抵税额于2022年6月30日前一次性退还，中型企业于2022年12月31日前集中退还。",
			"办理时限：10个工作日。", []string{"区税务局 纳税服务科 顾文杰 0512-65213301", "区财政局 预算科 沈丽华 0512-65213388"}},
		// A label instead of a person: the hotline alone.
		{2, "小规模纳税人免征增值税：", "办理时限：即时办结。", []string{"区税务局 12366 （工作日9:00-17:00）"}},
		// 序号 3.0000000000000004.
		{3, "“六税两费”减征：", "执行期限：2024年12月31日。", []string{"区税务局 纳税服务科 顾文杰 0512-65213301"}},
		// A phone kept as a number under 0000\-00000000; a serial under
		// General in the 截止日期 column is a date.
		{4, "房产税城镇土地使用税减免：", "执行期限：2022年9月30日。", []string{"区人社局 就业促进科 陆建平 0512-65237712"}},
		// One person, two phone lines.
		{5, "阶段性缓缴社会保险费：", "办理时限：5个工作日。", []string{"区社保中心 征缴科 钱晓燕 0512-65237730、13962150012"}},
		// Not the hidden stale row numbered 6 before it.
		{6, "一次性留工培训补助：对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元", "办理时限：免申即享。", []string{"区就业管理中心 朱明 0512-65237745"}},
		// No contact cells: the lead units' rows of 通讯录.
		{7, "一次性扩岗补助：", "", []string{"区商务局 商贸科 徐丹 0512-65248810", "区市场监管局 登记科 王磊 0512-65249920"}},
		// A number phone under General: as 通讯录 writes its digits.
		{8, "国有房屋租金减免：", "", []string{"区住建局 房产科 蒋涛 0512-65256601"}},
		// A number phone written nowhere: the workbook's area code.
		{9, "非国有房屋减租激励：", "执行期限：2022年底。", []string{"区国资办 吴芳 0512-68801234"}},
		// A VLOOKUP's cached text.
		{10, "普惠小微贷款支持：", "", []string{"区金融办 金融科 华磊 0512-65260018"}},
		// Row 16 after row 15 (12).
		{11, "应急转贷资金支持：", "办理时限：3个工作日。", []string{"区融资担保公司 业务部 杨静 0512-65260101"}},
		// #N/A: the person's phone from 通讯录.
		{12, "融资担保降费：", "办理时限：7个工作日。", []string{"区金融办 金融科 华磊 0512-65260018"}},
		// Inline rich text; a phonetic run (严琴 yán) never read.
		{13, "高新技术企业认定奖励：对首次认定的高新技术企业给予一次性奖励20万元，对重新认定的给予5万元奖励", "", []string{"区科技局 高新科 孙浩 0512-65271100", "区工信局 企业科 严琴 0512-65272200"}},
		// A department and an e-mail alone.
		{14, "企业上市挂牌奖励：", "", []string{"区金融办 gsjrb@163.com"}},
		// _x000D_ and a newline: one break; &amp; and &lt;.
		{15, "文旅企业纾困补助：对A级旅游景区、星级饭店和旅行社，按上年度纳税额的10%给予纾困补助，单个企业最高不超过30万元（研发&设计类文创企业同等享受，年营收<100万元的按5万元定额补助）。",
			"旅行社质量保证金暂退比例提高至100%。", []string{"区文旅局 产业科 许婷 65283310"}},
		// Three rows, three utilities, a 24-hour line among them.
		{16, "水电气“欠费不停供”：", "执行期限：疫情期间。", []string{"国网姑苏供电服务中心 周强 13906211234", "苏州水务姑苏营业所 0512-65299000 （24小时）", "港华燃气姑苏服务站 客服部 陈磊 0512-65288123"}},
		{17, "企业开办“一日办结”：", "", []string{"区政务服务办 综合科 邱敏 0512-65300110", "区政务服务办 12345 （24小时）"}},
		{18, "涉企审批容缺受理：", "", []string{"区政务服务办 综合科 邱敏 0512-65300110", "区政务服务办 12345 （24小时）"}},
	} {
		m := g.Measure(c.n)
		if !strings.HasPrefix(m.Text, c.text) {
			t.Errorf("measure %d: text %q", c.n, m.Text)
		}
		// A field written alike under other measures is named by the
		// measure's title (see renderSpreadsheet).
		if c.detail != "" && !slices.ContainsFunc(m.Details, func(d string) bool { return strings.HasSuffix(d, c.detail) }) {
			t.Errorf("measure %d: no %q in %q", c.n, c.detail, m.Details)
		}
		if got := contactLines(m); !reflect.DeepEqual(got, c.contacts) {
			t.Errorf("measure %d: contacts %q, want %q", c.n, got, c.contacts)
		}
	}
	if m := g.Measure(16); !slices.Equal(m.Lead, []string{"国网姑苏供电服务中心", "苏州水务姑苏营业所", "港华燃气姑苏服务站"}) || !slices.Equal(m.Support, []string{"区发改委"}) {
		t.Errorf("measure 16: lead %q, support %q", m.Lead, m.Support)
	}
	// Nothing of the hidden sheet, row and column, the comment, the
	// phonetic reading or the compiler's own phone.
	for _, m := range g.Measures {
		all := m.Text + strings.Join(m.Details, "")
		for _, bad := range []string{"300元标准", "已与税务局核实", "电话格式已改", "yán", "征求意见稿", "个工作日个工作日"} {
			if strings.Contains(all, bad) {
				t.Errorf("measure %d reads %q", m.Number, bad)
			}
		}
		for _, c := range m.Contacts {
			for _, p := range c.Phones {
				if slices.Contains([]string{"0512-65237799", "0512-65248899", "0512-65260099", "0512-65237700", "0512-65200000"}, p) {
					t.Errorf("measure %d: %s is no measure's phone", m.Number, p)
				}
			}
		}
	}
}

// TestXLSXREADME checks every measure of the format guide against its
// README's table: lead and support units, and each contact in order.
func TestXLSXREADME(t *testing.T) {
	checkUnitsContactsREADME(t, "testdata/formats/gusu-2022-xlsx", 18)
}

// TestXLSXScrambled: the corrupted copy (seed 1) reads the same title,
// date and measures, each with the clean reading's contacts.
func TestXLSXScrambled(t *testing.T) {
	dir := "testdata/formats/gusu-2022-xlsx/"
	want, got := mustParseFile(t, dir+"guide.txt"), mustParseFile(t, dir+"scrambled-1.txt")
	if len(got.Measures) != len(want.Measures) || got.Title != want.Title || got.Published != want.Published || got.Issuer != want.Issuer {
		t.Fatalf("%d measures of %d; %q %q %q", len(got.Measures), len(want.Measures), got.Title, got.Published, got.Issuer)
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil {
			t.Errorf("measure %d missing", w.Number)
			continue
		}
		if !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !strings.HasPrefix(m.Text, w.Text[:min(len(w.Text), 30)]) {
			t.Errorf("measure %d: %q %q, clean %q %q", w.Number, m.Text, contactLines(m), w.Text, contactLines(&w))
		}
	}
}

// xlsxSample is a package as another tool unzips it: "==> path <==" lines,
// no sharedStrings part (inline strings only), no rels part (a sheet is
// sheet{sheetId}.xml), cells without r, a hidden sheet, a number format
// with thousands and decimals, a date under a built-in format, a boolean
// and an error cell.
const xlsxSample = `==> xl/workbook.xml <==
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="旧" sheetId="1" state="veryHidden" r:id="rId1"/><sheet name="清单" sheetId="2" r:id="rId2"/></sheets></workbook>

==> xl/worksheets/sheet1.xml <==
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>政策内容</t></is></c><c t="inlineStr"><is><t>责任单位</t></is></c></row><row r="2"><c><v>1</v></c><c t="inlineStr"><is><t>旧稿：对小微企业给予一次性补贴每户三千元，由区商务局统一受理后发放到位。</t></is></c><c t="inlineStr"><is><t>区商务局</t></is></c></row></sheetData></worksheet>

==> xl/styles.xml <==
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="14"/></cellXfs></styleSheet>

==> xl/worksheets/sheet2.xml <==
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>政策内容</t></is></c><c t="inlineStr"><is><t>责任单位</t></is></c><c t="inlineStr"><is><t>联系电话</t></is></c><c t="inlineStr"><is><t>截止时间</t></is></c><c t="inlineStr"><is><t>金额</t></is></c></row>` +
	`<row r="2"><c><v>2</v></c><c t="inlineStr"><is><t>对新招用高校毕业生的企业给予扩岗补助，每招用一人补助一千五百元，由区就业局审核后发放。</t></is></c><c t="inlineStr"><is><t>区就业局</t></is></c><c t="e"><v>#N/A</v></c><c s="2"><v>44926</v></c><c s="1"><v>1234567.5</v></c></row>` +
	`<row><c><v>1</v></c><c t="inlineStr"><is><r><t>对符合条件的纳税人按规定退还增量留抵税额，</t></r><r><rPr><b/></rPr><t>存量留抵税额_x005F_x000D_一次性退还</t></r><r><t>，加快办理进度。</t></r></is></c><c t="inlineStr"><is><t>区税务局</t></is></c><c t="inlineStr"><is><t>020-12345678</t></is></c><c t="b"><v>1</v></c></row></sheetData></worksheet>
`

// TestXLSXParts reads the sample's grid: the hidden sheet left out, the
// visible one found without rels, inline strings without shared strings,
// rows and cells without r, an error cell no value, a date and a
// formatted number.
func TestXLSXParts(t *testing.T) {
	sheets, unread := readXLSX(xlsxSample)
	if len(sheets) != 1 || len(unread) != 0 {
		t.Fatalf("%d sheets, unread %v", len(sheets), unread)
	}
	s := sheets[0]
	if s.name != "清单" || len(s.rows) != 3 {
		t.Fatalf("sheet %q, %d rows", s.name, len(s.rows))
	}
	r2, r3 := s.rows[1], s.rows[2]
	if _, ok := r2.cells[4]; ok {
		t.Errorf("an error cell holds %q", r2.cells[4].text)
	}
	if c := r2.cell(5); c.typ != "DateTime" || ssValue(c) != "2022年12月31日" {
		t.Errorf("date %+v", c)
	}
	if c := r2.cell(6); c.text != "1,234,567.50" || c.num != "1234567.5" {
		t.Errorf("number %+v", c)
	}
	if r3.n != 3 || r3.text(2) != "对符合条件的纳税人按规定退还增量留抵税额，存量留抵税额_x000D_一次性退还，加快办理进度。" || r3.text(5) != "TRUE" {
		t.Errorf("row %d: %q %q", r3.n, r3.text(2), r3.text(5))
	}
	out, _, withdrawn, _ := xlsxText(xlsxSample)
	for _, w := range []string{"1. 对符合条件的纳税人按规定退还增量留抵税额", "执行期限：2022年12月31日", "咨询电话：020-12345678", "2. 对新招用高校毕业生的企业给予扩岗补助"} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%s", w, out)
		}
	}
	if strings.Contains(out, "旧稿") || withdrawn != nil {
		t.Errorf("the hidden sheet read: %v\n%s", withdrawn, out)
	}
	// The same parts under other separator lines.
	for _, sep := range [][2]string{{"===== ", " ====="}, {"----- FILE: ", " -----"}, {"### ", " ###"}} {
		text := strings.NewReplacer("==> ", sep[0], " <==", sep[1]).Replace(xlsxSample)
		if got, _, _, _ := xlsxText(text); got != out {
			t.Errorf("%q: read as\n%s", sep, got)
		}
	}
}

// TestXLSXFormat: numbers through their formats as Excel shows them.
func TestXLSXFormat(t *testing.T) {
	for _, c := range []struct {
		f          float64
		code, want string
	}{
		{3.0000000000000004, "General", "3"},
		{431123456, `0000\-00000000`, "0004-31123456"},
		{43187654321, `0000\-00000000`, "0431-87654321"},
		{10, `0"个工作日"`, "10个工作日"},
		{0.125, "0.00%", "12.50%"},
		{1500, "#,##0", "1,500"},
		{-2.5, "0.0;(0.0)", "(2.5)"},
		{12, "@", "12"},
		{13912345678, "General", "13912345678"},
		{1.5e20, "General", "1.5e+20"},
		{7, "0.00E+00", "7"},
	} {
		if got := xlsxFormat(c.f, c.code); got != c.want {
			t.Errorf("%v through %q: %q, want %q", c.f, c.code, got, c.want)
		}
	}
	for _, c := range []struct {
		code string
		date bool
	}{{`yyyy"年"m"月"d"日"`, true}, {"General", false}, {`0"个工作日"`, false}, {`[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`, true}, {`[Red]0.00`, false}, {`0000\-0000`, false}} {
		if xlsxDateFormat(c.code) != c.date {
			t.Errorf("%q: date %v", c.code, !c.date)
		}
	}
	for serial, want := range map[float64]string{44742: "2022-06-30T00:00:00.000", 1: "1900-01-01T00:00:00.000", 61: "1900-03-01T00:00:00.000", 44742.5: "2022-06-30T12:00:00.000"} {
		if got := xlsxSerialDate(serial, false); got != want {
			t.Errorf("serial %v: %s, want %s", serial, got, want)
		}
	}
	if got := xlsxSerialDate(math.NaN(), false); got != "" {
		t.Errorf("serial NaN: %s, want none", got)
	}
	if got := xlsxUnescape("a_x000D_\nb_x005F_x0009_c_xZZZZ_"); got != "a\nb_x0009_c_xZZZZ_" {
		t.Errorf("unescaped %q", got)
	}
}

// TestXLSXOther: a text that holds no worksheet part, or one without a
// measures sheet, comes back unchanged.
func TestXLSXOther(t *testing.T) {
	for _, f := range []string{"testdata/formats/tianshan-2022-spreadsheetml/guide.txt", "testdata/formats/liuhu-2022-docx/guide.txt", "testdata/formats/fangshan-2022-duty/guide.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if out, _, _, _ := xlsxText(string(b)); out != string(b) {
			t.Errorf("%s changed", f)
		}
	}
	for _, s := range []string{"", "===== xl/workbook.xml =====\n<workbook/>",
		`==> xl/worksheets/sheet1.xml <==` + "\n" + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="s"><v>99</v></c><c r="XFD1048577"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`} {
		if out, unread, w, _ := xlsxText(s); out != s || w != nil || unread != nil {
			t.Errorf("%q read as %q", s, out)
		}
	}
}

// TestMarkupGuard: with the .xlsx reader off, the format guide and its
// corrupted copy are read line by line and their measures are the parts'
// markup; the load fails naming the likely format, as it does for a text
// without measures. Texts the readers read are not refused.
func TestMarkupGuard(t *testing.T) {
	xlsxOff = true
	t.Cleanup(func() { xlsxOff = false }) // a failure below leaves it on for no other test
	for _, f := range []string{"guide.txt", "scrambled-1.txt"} {
		b, err := os.ReadFile("testdata/formats/gusu-2022-xlsx/" + f)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := Decode(b)
		g := parseText(text)
		err = checkMeasures(text, g)
		if !errors.Is(err, ErrMarkup) || !strings.Contains(err.Error(), "an .xlsx workbook's unzipped XML parts") {
			first := ""
			if len(g.Measures) > 0 {
				first = g.Measures[0].Text
			}
			t.Errorf("%s: %d measures (%.40q…), error %v", f, len(g.Measures), first, err)
		}
	}
	xlsxOff = false
	if _, err := Load("testdata/formats/gusu-2022-xlsx/guide.txt"); err != nil {
		t.Errorf("with the reader: %v", err)
	}
	for _, c := range []struct {
		s     string
		share float64
	}{
		{`<c r="B5" s="7" t="s"><v>12</v></c>`, 0.9},
		{`<Typesxmlns="http://x"><Defaultext="rels"/>`, 0.9},
		{`对年营收<100万元的企业给予补助，<b>每户</b>最高5万元。`, 0},
	} {
		if got := markupShare(c.s); c.share > 0 && got < c.share || c.share == 0 && got > 0.2 {
			t.Errorf("%q: share %.2f", c.s, got)
		}
	}
}
