package seeds

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ofdSample is two page chunks whose objects stand out of reading order:
// the page number first, a line's digits after its Chinese, a paragraph
// object holding two lines, a sentence cut at the page's foot, a running
// header, and a ruled table whose cells are vertically centred.
const ofdSample = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Doc_0/Pages/Page_1/Content.xml -->
<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="1">
<ofd:TextObject ID="2" Boundary="100 268 20 6" Font="8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 4 5">&#x2014; 2 &#x2014;</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="3" Boundary="90 16 40 5" Font="3" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 5 4">甲区若干措施</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="4" Boundary="28 36 150 6" Font="3" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 9 5">支持餐饮、零售等行业。</ofd:TextCode></ofd:TextObject>
<ofd:PathObject ID="5" Boundary="28 50 100 30"><ofd:AbbreviatedData>M 0 0 L 0 30 M 20 0 L 20 30 M 60 0 L 60 30 M 100 0 L 100 30</ofd:AbbreviatedData></ofd:PathObject>
<ofd:PathObject ID="6" Boundary="28 50 100 1"><ofd:AbbreviatedData>M 0 0 L 100 0 M 0 8 L 100 8 M 0 30 L 100 30</ofd:AbbreviatedData></ofd:PathObject>
<ofd:TextObject ID="7" Boundary="30 52 10 5" Font="4" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4">单位</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="8" Boundary="50 52 10 5" Font="4" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4">电话</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="9" Boundary="92 52 10 5" Font="4" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4">备注</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="10" Boundary="30 59 10 5" Font="3" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">区税务局</ofd:TextCode><ofd:TextCode X="0" Y="9.4">科</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="11" Boundary="50 62 10 5" Font="5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 6 2">1234567</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="12" Boundary="50 67.4 10 5" Font="5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 4 2">12366</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="13" Boundary="92 64 10 5" Font="3" Size="4"><ofd:TextCode X="0" Y="4">无</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="14" Boundary="28 246 150 6" Font="3" Size="5"><ofd:TextCode X="10" Y="5" DeltaX="g 28 5">对受疫情影响的企业给予补贴，补贴标准为每户</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="15" Boundary="138 246 10 6" Font="5" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 2.5">2000</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="16" Boundary="148 246 10 6" Font="3" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 5 5">元，申请截至</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>
<?xml version="1.0" encoding="UTF-8"?>
<!-- Doc_0/Pages/Page_2/Content.xml -->
<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="17">
<ofd:TextObject ID="18" Boundary="28 36 150 16" Font="3" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 29 5">年底，由区财政局统一拨付。</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="19" Boundary="100 268 20 6" Font="8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 4 5">&#x2014; 3 &#x2014;</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>
`

// TestOFDText: positions, not element order, make the text; the page
// number and the running header are dropped, a cell's two numbers are two
// phones.
func TestOFDText(t *testing.T) {
	out, unread, _ := ofdText(ofdSample)
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	for _, want := range []string{"支持餐饮、零售等行业。", "单位\t电话\t备注", "区税务局科\t1234567、12366\t无"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"— 2 —", "2 —", "3 —"} {
		if strings.Contains(out, no) {
			t.Errorf("%q in\n%s", no, out)
		}
	}
	if strings.Count(out, "\n") > 8 {
		t.Errorf("too many lines:\n%s", out)
	}
}

// TestOFDTextOther: a text that is no OFD page content comes back
// unchanged, and a damaged chunk still gives its runs.
func TestOFDTextOther(t *testing.T) {
	for _, s := range []string{"1.减免租金。责任单位：区国资委", `<?xml version="1.0"?><root xmlns="http://www.ofdspec.org/2016"/>`, "<html><body>TextCode</body></html>"} {
		if out, _, _ := ofdText(s); out != s {
			t.Errorf("%q read as %q", s, out)
		}
	}
	damaged := strings.Replace(ofdSample, `</ofd:TextCode></ofd:TextObject>
<ofd:PathObject ID="5"`, `</ofd:TextCode><ofd:PathObject ID="5"`, 1)
	damaged = strings.Replace(damaged, `<ofd:TextObject ID="9" Boundary`, `<ofd:TextObject ID="9 Boundary`, 1)
	out, _, _ := ofdText(damaged)
	if !strings.Contains(out, "支持餐饮、零售等行业。") || !strings.Contains(out, "由区财政局统一拨付") {
		t.Errorf("damaged read as\n%s", out)
	}
}

// TestOFDGapTable: a table drawn without rules is found by its gaps, its
// centred cells put in their rows by the first column.
func TestOFDGapTable(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>`)
	obj := func(x, y float64, s string) {
		b.WriteString(`<ofd:TextObject Boundary="` + ftoa(x) + ` ` + ftoa(y-4) + ` 40 5" Size="4"><ofd:TextCode X="0" Y="4">` + s + `</ofd:TextCode></ofd:TextObject>`)
	}
	obj(30, 50, "序号")
	obj(60, 50, "单位")
	obj(120, 50, "电话")
	obj(30, 60, "1")
	obj(60, 57.3, "区市场")
	obj(60, 62.7, "监管局")
	obj(120, 60, "7654321")
	obj(30, 70, "2")
	obj(60, 70, "区商务局")
	obj(120, 70, "7651234")
	b.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
	out, _, _ := ofdText(b.String())
	for _, want := range []string{"序号\t单位\t电话", "1\t区市场监管局\t7654321", "2\t区商务局\t7651234"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

func ftoa(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// TestOFDGuide: the format guide reads as its README says: the head (the
// signature's date, not the 版记's), every measure's lead sentence and
// contacts by the table's 对应措施 column (ranges, a range cut over two
// lines, two phones in a cell, a full-width hyphen, a hotline and an
// e-mail row), the closing phone nobody's.
func TestOFDGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/zhanggong-2022-ofd/guide.txt")
	if g.Title != "赣州市章贡区人民政府办公室关于印发章贡区助企纾困稳增长若干措施的通知" || g.Issuer != "赣州市章贡区人民政府办公室" || g.Published != "2022-06-24" {
		t.Errorf("title %q, issuer %q, published %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 14 || len(g.Sections) != 4 || len(g.Report.MissingText)+len(g.Report.MissingContact)+len(g.Report.Unread) > 0 {
		t.Fatalf("%d measures, %d sections; report %+v", len(g.Measures), len(g.Sections), g.Report)
	}
	const shenpi = "区行政审批局 政务服务科 胡婷婷 0797-8325518"
	const jinrong = "区金融办 金融服务科 廖春梅 0797-8297420、13879712056"
	const danbao = "区融资担保&转贷中心 业务部 罗国栋 18979735524"
	contacts := map[int][]string{
		1:  {"区税务局 货物和劳务税科 钟立群 0797-8211046", "区财政局 综合科 曾丽华 0797-8226310", shenpi},
		2:  {"区税务局 货物和劳务税科 钟立群 0797-8211046", "区税务局 征收管理科 赖晓东 8211052"},
		3:  {"区税务局 纳税服务科 12366", "区税务局 征收管理科 赖晓东 8211052"},
		4:  {"区财政局 综合科 曾丽华 0797-8226310", "区残联 就业服务科 刘文斌 0797-8240159"},
		5:  {"区税务局 征收管理科 赖晓东 8211052", "区社保中心 征缴稽核科 谢雨晴 0797-8253307、13907971268", shenpi},
		6:  {"区就业创业服务中心 黄振宇 0797-8262214", shenpi},
		7:  {"区国资中心 资产管理科 温海燕 0797-8270581", "区机关事务服务中心 房产管理科 邱子豪 8273390", shenpi},
		8:  {"章贡供电公司 营销部 朱建平 0797-8281165、95598", "区燃气公司 抢修值班室 0797-8288119"},
		9:  {jinrong},
		10: {jinrong, danbao},
		11: {jinrong, danbao},
		12: {"区商务局 商贸流通科 钟晓燕 0797-8310246", shenpi},
		13: {"区商务局 对外贸易科 叶思远 zgwmk@163.com", shenpi},
		14: {shenpi},
	}
	leads := []string{"落实留抵退税政策。", "减征“六税两费”。", "延缓缴纳部分税费。", "减免政府性基金。", "阶段性缓缴社会保险费。", "发放一次性留工培训补助。",
		"减免国有房屋租金。", "降低水电气成本。", "扩大普惠小微贷款。", "降低融资担保费率。", "设立应急转贷资金。", "发放消费券。", "支持外贸企业稳订单。", "优化涉企审批服务。"}
	for n := 1; n <= 14; n++ {
		m := g.Measure(n)
		if m == nil {
			t.Errorf("measure %d missing", n)
			continue
		}
		if m.Text != leads[n-1] {
			t.Errorf("measure %d: text %q, want %q", n, m.Text, leads[n-1])
		}
		got := contactLines(m)
		slices.Sort(got)
		want := slices.Sorted(slices.Values(contacts[n]))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("measure %d: contacts %q, want %q", n, got, want)
		}
	}
	// Sentences cut at a page's foot read on; the closing phone, the
	// running header and the page numbers are nobody's.
	for n, want := range map[int]string{2: "执行至2024年12月31日。", 12: "电子消费券，重点支持", 7: "县级行政区域内"} {
		if all := strings.Join(g.Measure(n).Details, ""); !strings.Contains(all, want) {
			t.Errorf("measure %d: %q lacks %q", n, all, want)
		}
	}
	for _, m := range g.Measures {
		all := m.Text + strings.Join(m.Details, "") + strings.Join(contactLines(&m), "")
		for _, no := range []string{"— ", "若干措施章贡区", "2022年6月27日"} {
			if strings.Contains(all, no) {
				t.Errorf("measure %d holds %q", m.Number, no)
			}
		}
		// The closing words follow measure 14 with no heading: the parser
		// reads them as its text, but their phone is no contact.
		if strings.Contains(strings.Join(contactLines(&m), ""), "0797-8235071") {
			t.Errorf("measure %d: the closing phone is its contact", m.Number)
		}
	}
}

// TestOFDScrambled: the format guide's corrupted copy reads as the clean
// guide.
func TestOFDScrambled(t *testing.T) {
	dir := "testdata/formats/zhanggong-2022-ofd"
	want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, filepath.Join(dir, "scrambled-1.txt"))
	if got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published || len(got.Measures) != len(want.Measures) {
		t.Fatalf("scrambled: %q %q %q %d measures", got.Title, got.Issuer, got.Published, len(got.Measures))
	}
	for i, m := range want.Measures {
		o := got.Measures[i]
		if o.Number != m.Number || o.Text != m.Text || !reflect.DeepEqual(contactLines(&o), contactLines(&m)) || !reflect.DeepEqual(o.Lead, m.Lead) {
			t.Errorf("measure %d: %q %q %v, clean %q %q %v", m.Number, o.Text, contactLines(&o), o.Lead, m.Text, contactLines(&m), m.Lead)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gen.py")); err != nil {
		t.Error(err)
	}
}
