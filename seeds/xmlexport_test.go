package seeds

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// xmlSample is a small export: a default namespace and a prefixed one,
// records out of number order (one minified), escaped and CDATA HTML with
// entities, a withdrawn record, a contact directory after the records with
// a stale phone in a comment, a hotline, an e-mail alone and an entry no
// record points to, the header's enquiry phone.
const xmlSample = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/x.xsl"?>
<!-- 导出文件 -->
<z:Package xmlns:z="urn:x" xmlns="urn:x" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <Header><Document><dc:title>某区人民政府办公室关于印发某区若干措施的通知</dc:title>
    <Issuer>某区人民政府办公室</Issuer><IssueDate>2022-06-08</IssueDate><PublishDate>2022-06-10</PublishDate>
    <Enquiry>区政府办公室 0451-86300100</Enquiry></Document></Header>
  <Items>
    <Item id="A2" seq="3" status="published">
      <Title>&#8220;六税两费&#8221;减征</Title><Chapter no="二">二、税费</Chapter>
      <Content encoding="cdata"><![CDATA[<p><span style="font-family:仿宋;">对小规模纳税人减征<span style="color:#c00">50%</span>&ldquo;六税两费&rdquo;。<br/>自行申报享受。</span></p>]]></Content>
      <Procedure mode="免申即享"/><Deadline/>
      <ResponsibleUnits><Unit role="lead">区税务局</Unit></ResponsibleUnits>
      <Contacts><ContactRef ref="c3"/></Contacts>
    </Item>
<Item id="A1" seq="1"><Title>稳岗返还</Title><Chapter no="一">一、就业</Chapter><Content encoding="escaped">&lt;p&gt;&amp;nbsp;&amp;nbsp;稳岗返还&amp;ldquo;免申即享&amp;rdquo;，返还90%。&lt;/p&gt;</Content><Target>参保企业</Target><Procedure><Step no="1">比对</Step><Step no="2">拨付</Step></Procedure><Deadline>2022-12-31</Deadline><ResponsibleUnits><Unit role="lead">区人社局</Unit><Unit role="support" note="配合">区财政局</Unit></ResponsibleUnits><Contacts><ContactRef ref="c1"/><ContactRef ref="c2"/></Contacts></Item>
    <Item id="A3" seq="2" status="withdrawn">
      <!-- 已撤回 -->
      <Title>出租车补贴</Title><Chapter no="一">一、就业</Chapter>
      <Content encoding="escaped">&lt;p&gt;对出租车每月补贴500元。&lt;/p&gt;</Content>
      <ResponsibleUnits><Unit role="lead">区交通运输局</Unit></ResponsibleUnits>
      <Contacts><ContactRef ref="c5"/></Contacts>
      <WithdrawInfo date="2022-07-01">停止执行。</WithdrawInfo><Remark>已撤回</Remark>
    </Item>
    <Item id="A4" seq="4"><Title>外贸</Title><Chapter no="二">二、税费</Chapter><Content><![CDATA[<p>支持外贸。</p>]]></Content>
      <ResponsibleUnits><Unit role="lead">区商务局</Unit></ResponsibleUnits><Contacts><ContactRef ref="c4"/><ContactRef ref="c9"/></Contacts></Item>
  </Items>
  <ContactDirectory>
    <Contact id="c1" kind="person"><Org>区人社局</Org><Dept>失业保险科</Dept><Name>张海涛</Name>
      <!-- 原电话 0451-53625510 已停用 -->
      <Phone type="office">(0451)53625530</Phone><Phone type="mobile">13796612873</Phone></Contact>
    <Contact id="c2" kind="person"><Org>区财政局</Org><Dept>预算科</Dept><Name>孙丽娜</Name><Phone>0451－86303528</Phone></Contact>
    <Contact id="c3" kind="hotline"><Org>纳税缴费服务热线</Org><Dept/><Name/><Phone type="hotline">12366</Phone></Contact>
    <Contact id="c4" kind="mailbox"><Org>区商务局</Org><Dept>外贸科</Dept><Name/><Phone/><Email>wm@163.com</Email></Contact>
    <Contact id="c5" kind="person"><Org>区交通运输局</Org><Name>田野</Name><Phone>0451-86318335</Phone></Contact>
    <Contact id="c6" kind="hotline"><Org>区营商环境局</Org><Phone>0451-86311200</Phone></Contact>
  </ContactDirectory>
  <Footer><Copyright>&#169; 2022</Copyright></Footer>
</z:Package>
`

func TestXMLText(t *testing.T) {
	out, unread, withdrawn, copies := xmlText(xmlSample)
	for _, want := range []string{
		"某区人民政府办公室关于印发某区若干措施的通知\n发布日期：2022-06-10\n来源：某区人民政府办公室。",
		"一、就业\n1. 稳岗返还\n政策内容：稳岗返还“免申即享”，返还90%。\n适用对象：参保企业。\n办理流程：1.比对；2.拨付。\n执行期限：截至2022年12月31日。\n" +
			"责任单位：区人社局；配合单位：区财政局\n联系人：张海涛（区人社局失业保险科）\n联系电话：0451-53625530；13796612873\n联系人：孙丽娜（区财政局预算科）\n联系电话：0451-86303528",
		"2. 出租车补贴（已撤回）",
		"二、税费\n3. “六税两费”减征\n政策内容：对小规模纳税人减征50%“六税两费”。自行申报享受。\n办理流程：免申即享。\n责任单位：区税务局\n联系单位：纳税缴费服务热线　　咨询电话：12366",
		"4. 外贸\n政策内容：支持外贸。\n责任单位：区商务局\n电子邮箱：wm@163.com",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"53625510", "86300100", "86311200", "©", "&", "<", "span"} {
		if strings.Contains(out, no) {
			t.Errorf("%q read into\n%s", no, out)
		}
	}
	if !reflect.DeepEqual(withdrawn, []int{2}) || copies != nil {
		t.Errorf("withdrawn %v, copies %v", withdrawn, copies)
	}
	// The reference the directory lacks.
	if len(unread) != 1 || !strings.Contains(unread[0].Why, "c9") {
		t.Errorf("unread %v", unread)
	}
	g := parseText(xmlSample)
	if len(g.Measures) != 3 || g.Measure(2) != nil || g.Title != "某区人民政府办公室关于印发某区若干措施的通知" || g.Issuer != "某区人民政府办公室" || g.Published != "2022-06-10" {
		t.Fatalf("%d measures, title %q, issuer %q, published %q", len(g.Measures), g.Title, g.Issuer, g.Published)
	}
	if !warned(g, WarnWithdrawn, 2) || len(g.Report.MissingText) > 0 {
		t.Errorf("report: missing text %v, warnings %v", g.Report.MissingText, g.Report.Warnings)
	}
	if m := g.Measure(1); m == nil || !reflect.DeepEqual(contactLines(m), []string{"区人社局 失业保险科 张海涛 0451-53625530、13796612873", "区财政局 预算科 孙丽娜 0451-86303528"}) ||
		!reflect.DeepEqual(m.Support, []string{"区财政局"}) {
		t.Errorf("measure 1: %+v", m)
	}
}

// TestXMLTextOther: a text that is no policy export comes back unchanged.
func TestXMLTextOther(t *testing.T) {
	for _, s := range []string{"", "1. 甲。\n责任单位：区甲局", "<?xml version=\"1.0\"?><a><b>x</b></a>",
		"<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body><w:p><w:r><w:t>1. 甲</w:t></w:r></w:p></w:body></w:document>",
		"<!DOCTYPE html><html><body><p>1. 甲</p></body></html>", "<Item>"} {
		if got, unread, w, c := xmlText(s); got != s || unread != nil || w != nil || c != nil {
			t.Errorf("%q read as %q", s, got)
		}
	}
}

// TestXMLTextDamaged: a damaged export reads what it holds: cut short
// inside a record, a bad token, end tags that match nothing.
func TestXMLTextDamaged(t *testing.T) {
	cut := xmlSample[:strings.Index(xmlSample, "<Item id=\"A4\"")+60]
	out, _, _, _ := xmlText(cut)
	if !strings.Contains(out, "1. 稳岗返还") || !strings.Contains(out, "3. “六税两费”减征") {
		t.Errorf("cut export read as\n%s", out)
	}
	bad := strings.Replace(xmlSample, "<Title>稳岗返还</Title>", "<Title>稳岗返还</Titel></Foo><<1 & 2>", 1)
	out, unread, _, _ := xmlText(bad)
	if !strings.Contains(out, "联系人：张海涛") || !strings.Contains(out, "4. 外贸") || len(unread) < 2 {
		t.Errorf("damaged export read as\n%s\nunread %v", out, unread)
	}
}

// TestXMLExportScrambled: the format guide's corrupted copy (cut at 。,
// pieces copied ahead of their places) reads as the clean guide: every
// measure, its units and its contacts.
func TestXMLExportScrambled(t *testing.T) {
	dir := "testdata/formats/songlan-2022-xml"
	want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, filepath.Join(dir, "scrambled-1.txt"))
	if got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published || len(got.Measures) != len(want.Measures) || got.Measure(17) != nil {
		t.Fatalf("scrambled: %q %q %q, %d measures (clean %d)", got.Title, got.Issuer, got.Published, len(got.Measures), len(want.Measures))
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil || !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !reflect.DeepEqual(m.Lead, w.Lead) || !reflect.DeepEqual(m.Support, w.Support) || m.Text != w.Text {
			t.Errorf("measure %d: %+v, clean %+v", w.Number, m, w)
		}
	}
	if len(got.Report.Duplicates) == 0 {
		t.Errorf("no copies reported")
	}
}
