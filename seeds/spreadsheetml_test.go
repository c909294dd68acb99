package seeds

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSpreadsheetML reads the format guide's workbook: the document
// sheet's title, issuer and date, the measures by their 序号 whatever the
// rows' order, and the traps of its layout.
func TestSpreadsheetML(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/tianshan-2022-spreadsheetml/guide.txt")
	if g.Title != "天山区关于进一步助企纾困稳定经济增长的若干措施" || g.Issuer != "乌鲁木齐市天山区人民政府办公室" || g.Published != "2022-06-17" {
		t.Errorf("title %q, issuer %q, published %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 20 {
		t.Fatalf("%d measures", len(g.Measures))
	}
	for _, c := range []struct {
		n        int
		text     string
		contacts []string
	}{
		// Rich text: every run, the bold one among them.
		{1, "增值税留抵退税：对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额；中型企业存量留抵税额于2022年6月30日前集中退还，大型企业于2022年12月31日前集中退还。",
			[]string{"区税务局 货物和劳务税科 马建新 0991-2316601", "区财政局 预算股 李红梅 0991-2316688"}},
		// A Number phone: the phone written for her in the contacts sheet.
		{5, "一次性留工培训补助：", []string{"区就业服务中心 孙倩 0991-2827745"}},
		// The cell's comment names a stopped phone: not read.
		{6, "一次性扩岗补助：", []string{"区就业服务中心 孙倩 0991-2827745"}},
		// Under a category merged down: its own units.
		{9, "租金减免贷款贴息：", []string{"区国资委 资产科 刘强 0991-2381126"}},
		// The row ends after its deadline: the lead unit's contacts.
		{12, "融资担保降费：", []string{"区融资担保公司 业务部 吴敏 0991-2593318、15199123456"}},
		// A Number phone written nowhere else: the area code restored.
		{14, "餐饮住宿企业稳岗补贴：", []string{"区商务局 郑伟 0991-2675508"}},
		// Not the hidden draft numbered 16.
		{16, "交通运输业纾困：", []string{"区交通运输局 运输管理科 杨帆 0991-2707721", "区交通运输局 0991-2707700 （24小时）"}},
		{17, "水电气“欠费不停供”：", []string{"天山供电分公司 营销部 林峰 0991-2762201", "区供水服务中心 0991-2762299 （24小时）"}},
		// Filed under 金融支持 after 12, numbered 19.
		{19, "企业上市挂牌奖励：", []string{"区金融办 金融服务科 陈晓 0991-2593305"}},
	} {
		m := g.Measure(c.n)
		if m == nil {
			t.Errorf("measure %d missing", c.n)
			continue
		}
		if !strings.HasPrefix(m.Text, c.text) {
			t.Errorf("measure %d: text %q", c.n, m.Text)
		}
		if got := contactLines(m); !reflect.DeepEqual(got, c.contacts) {
			t.Errorf("measure %d: contacts %q, want %q", c.n, got, c.contacts)
		}
	}
	for _, m := range g.Measures {
		for _, c := range m.Contacts {
			for _, p := range c.Phones {
				if strings.Contains(p, "2827799") || strings.Contains(p, "2707799") || strings.Contains(p, "2700000") || p == "12345" {
					t.Errorf("measure %d: %s is no measure's phone", m.Number, p)
				}
			}
		}
		if strings.Contains(m.Text, "货车司机临时补贴") {
			t.Errorf("measure %d reads the hidden draft", m.Number)
		}
	}
}

// TestSpreadsheetMLREADME checks every measure of the format guide against
// its README's table: lead and support units, and each contact in order.
func TestSpreadsheetMLREADME(t *testing.T) {
	checkUnitsContactsREADME(t, "testdata/formats/tianshan-2022-spreadsheetml", 20)
}

// TestSpreadsheetMLScrambled: the corrupted copy (seed 1) reads the same
// title, date and measures; a measure whose row the corruption damaged may
// lose its contacts, never take another's.
func TestSpreadsheetMLScrambled(t *testing.T) {
	dir := "testdata/formats/tianshan-2022-spreadsheetml/"
	want, got := mustParseFile(t, dir+"guide.txt"), mustParseFile(t, dir+"scrambled-1.txt")
	if len(got.Measures) != len(want.Measures) || got.Title != want.Title || got.Published != want.Published || got.Issuer != want.Issuer {
		t.Fatalf("%d measures of %d; %q %q %q", len(got.Measures), len(want.Measures), got.Title, got.Published, got.Issuer)
	}
	same := 0
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil {
			t.Errorf("measure %d missing", w.Number)
			continue
		}
		if reflect.DeepEqual(contactLines(m), contactLines(&w)) {
			same++
		} else if len(m.Contacts) > 0 {
			t.Errorf("measure %d: contacts %q, clean %q", w.Number, contactLines(m), contactLines(&w))
		}
	}
	if same < 18 {
		t.Errorf("%d of %d measures keep their contacts", same, len(want.Measures))
	}
}

// excelSample is the second variant: a workbook as Excel saves it, without
// WPS's NamedCell and AutoFilter, with one sheet whose rows carry every
// contact inline and whose title row names the document; a Number phone
// under a 3-digit area code, a sheet's rows continued after a damaged end.
const excelSample = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="Sheet1">
  <Table>
   <Row><Cell ss:MergeAcross="5"><Data ss:Type="String">某区稳增长若干措施（某政发〔2022〕3号）</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">编号</Data></Cell><Cell><Data ss:Type="String">政策内容</Data></Cell><Cell><Data ss:Type="String">责任单位</Data></Cell><Cell><Data ss:Type="String">联系人</Data></Cell><Cell><Data ss:Type="String">联系电话</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="String">对符合条件的小微企业给予一次性稳岗补贴，每户最高不超过五万元，由区人社局审核发放到位。</Data></Cell><Cell><Data ss:Type="String">区人社局</Data></Cell><Cell><Data ss:Type="String">张明</Data></Cell><Cell><Data ss:Type="Number">2087654321</Data></Cell></Row>
   <Row ss:Hidden="1"><Cell><Data ss:Type="Number">3</Data></Cell><Cell><Data ss:Type="String">草稿：对个体工商户给予一次性房租补贴，每户三千元，由区商务局统一受理后发放。</Data></Cell><Cell><Data ss:Type="String">区商务局</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">对符合条件的纳税人按规定退还增量留抵税额，<html:B>存量留抵税额</html:B>一次性退还到位，加快办理进度。</Data></Cell><Cell><Data ss:Type="String">区税务局</Data></Cell><Cell ss:Index="5"><Data ss:Type="String">020-12345678</Data></Cell></Row>
  </Table>
 </Worksheet>
   <Row><Cell><Data ss:Type="Number">4</Data></Cell><Cell><Data ss:Type="String">对新招用高校毕业生的企业给予扩岗补助，每招用一人补助一千五百元，由区就业局审核。</Data></Cell><Cell><Data ss:Type="String">区就业局</Data></Cell><Cell><Data ss:Type="String">李华</Data></Cell><Cell><Data ss:Type="String">020-12340000</Data></Cell></Row>
</Workbook>
`

// TestSpreadsheetMLExcel reads the second variant: numbers from the 编号
// column, the title row's title and 文号, a hidden row's number withdrawn,
// a Number phone given back its 0 and the area code the workbook writes,
// and a row after its sheet's damaged end.
func TestSpreadsheetMLExcel(t *testing.T) {
	out, unread, withdrawn, _ := spreadsheetText(excelSample)
	for _, w := range []string{"某区稳增长若干措施\n某政发〔2022〕3号\n", "1. 对符合条件的纳税人按规定退还增量留抵税额\n政策内容：对符合条件的纳税人按规定退还增量留抵税额，存量留抵税额一次性退还到位，加快办理进度。\n责任单位：区税务局\n联系单位：区税务局　　咨询电话：020-12345678",
		"联系人：张明（区人社局）\n联系电话：020-87654321", "3. 草稿，对个体工商户给予一次性房租补贴（已撤回）", "4. 对新招用高校毕业生的企业给予扩岗补助"} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%s", w, out)
		}
	}
	if !slices.Equal(withdrawn, []int{3}) || len(unread) != 0 {
		t.Errorf("withdrawn %v, unread %v", withdrawn, unread)
	}
}

// TestSpreadsheetMLOther: a text that is no SpreadsheetML workbook, or one
// without a measures sheet, comes back unchanged.
func TestSpreadsheetMLOther(t *testing.T) {
	for _, f := range []string{"testdata/formats/songlan-2022-xml/guide.txt", "testdata/formats/fengqiao-2022-odt/guide.txt", "testdata/formats/fangshan-2022-duty/guide.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if out, _, _, _ := spreadsheetText(string(b)); out != string(b) {
			t.Errorf("%s changed", f)
		}
	}
	for _, s := range []string{"", `<?mso-application progid="Excel.Sheet"?><Workbook><Worksheet><Table><Row><Cell><Data>甲</Data></Cell></Row></Table></Worksheet></Workbook>`,
		`<?mso-application progid="Excel.Sheet"?><Workbook><Worksheet><Table><Row><Cell ss:Index="99999999"><Data>`} {
		if out, unread, w, _ := spreadsheetText(s); out != s || w != nil || unread != nil {
			t.Errorf("%q read as %q", s, out)
		}
	}
}
