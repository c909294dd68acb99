package seeds

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// docxSample is a small document.xml: a red header, an issue line with a
// tab, the Title, a list before the measures (numId 2), measures of numId 9
// across two headings, a continuation paragraph with a typed sub-point,
// runs cut inside words and a phone, an insertion and a deletion, a
// comment, a soft break, a field, a table with a vertical merge and a
// mailto field, and a wrap between two runs.
const docxSample = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>` +
	`<w:p><w:r><w:t>某区人民政府办公室文件</w:t></w:r></w:p><w:p/>` +
	`<w:p><w:r><w:t>某区人民政府办公室</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2022年6月8日印发</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>关于印发某区措施的通知</w:t></w:r></w:p>` + "\n" +
	`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>中小微企业；</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="1" w:name="_Toc1"/><w:r><w:t>一、税</w:t></w:r><w:r><w:t>费</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>对小微企业减免房产税</w:t></w:r><w:ins w:author="甲"><w:r><w:t>和土地使用税</w:t></w:r></w:ins>` +
	`<w:del w:author="乙"><w:r><w:delText>，截至7月31日</w:delText></w:r></w:del><w:r><w:t>。（责任单位：区税</w:t></w:r>` + "\n" +
	`<w:r><w:t>务局）</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>二、就业</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>阶段性缓缴社会保险费。</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr><w:r><w:t xml:space="preserve">  （一）餐饮企业缓缴</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>6个月</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>。</w:t></w:r><w:r><w:br/></w:r><w:r><w:lastRenderedPageBreak/><w:t>免收滞纳金。（责任单位：区人社局）</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>对外贸企业给予出口信用保险保费全额补贴。（责任单位：区贸促会）</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>三、要求</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>各单位要抓好落实。</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>附件</w:t></w:r></w:p>` + "\n" +
	`<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>联系人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>联系电话</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>区税务局</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0451-861</w:t></w:r><w:r><w:t>29031</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>86129118</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>12366</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>区贸促会</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>/</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>邮箱：</w:t></w:r>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:mq@163.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>mq</w:t></w:r><w:r><w:t>@163.com</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:t>某区人民政府办公室</w:t></w:r></w:p><w:sectPr/></w:body></w:document>` + "\n"

func TestDocxText(t *testing.T) {
	out, points, unread, copies := docxText(docxSample)
	want := "某区人民政府办公室关于印发某区措施的通知\n发布日期：2022-06-08\n" +
		"某区人民政府办公室文件\n\n某区人民政府办公室　　2022年6月8日印发\n" +
		"（1）中小微企业；\n" +
		"一、税费\n1．对小微企业减免房产税和土地使用税。（责任单位：区税务局）\n" +
		"二、就业\n2．阶段性缓缴社会保险费。\n  （一）餐饮企业缓缴6个月。\n免收滞纳金。（责任单位：区人社局）\n" +
		"3．对外贸企业给予出口信用保险保费全额补贴。（责任单位：区贸促会）\n" +
		"三、要求\n（1）各单位要抓好落实。\n附件\n" +
		"序号\t责任单位\t联系人\t联系电话\n1\t区税务局\t甲\t0451-86129031\n1\t区税务局\t乙\t86129118、12366\n2\t区贸促会\t/\t邮箱：mq@163.com\n" +
		"某区人民政府办公室\n"
	if out != want {
		t.Errorf("read as\n%s\nwant\n%s", out, want)
	}
	if !reflect.DeepEqual(points, []string{"（一）餐饮企业缓缴6个月。免收滞纳金。（责任单位：区人社局）"}) || len(unread) > 0 || copies != nil {
		t.Errorf("sub-points %q, unread %v, copies %v", points, unread, copies)
	}
	g := parseText(docxSample)
	if len(g.Measures) != 3 || g.Title != "某区人民政府办公室关于印发某区措施的通知" || g.Issuer != "某区人民政府办公室" || g.Published != "2022-06-08" {
		t.Fatalf("%d measures, title %q, issuer %q, published %q", len(g.Measures), g.Title, g.Issuer, g.Published)
	}
	if m := g.Measure(1); m == nil || !reflect.DeepEqual(contactLines(m), []string{"区税务局 甲 0451-86129031", "区税务局 乙 86129118、12366"}) {
		t.Errorf("measure 1: %+v", m)
	}
	if m := g.Measure(2); m == nil || m.Text != "阶段性缓缴社会保险费。" || len(m.Details) != 2 || len(g.Subsections) != 0 {
		t.Errorf("measure 2: %+v; subsections %v", m, g.Subsections)
	}
	if m := g.Measure(3); m == nil || !reflect.DeepEqual(contactLines(m), []string{"区贸促会 mq@163.com"}) {
		t.Errorf("measure 3: %+v", m)
	}
}

// TestDocxTextOther: a text that is no WordprocessingML body comes back
// unchanged: plain text, another XML document, a converter's residue
// whose text stands outside w:t (guixi-2022-docx-xml).
func TestDocxTextOther(t *testing.T) {
	guixi, err := os.ReadFile("testdata/formats/guixi-2022-docx-xml/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "1. 甲。\n责任单位：区甲局", xmlSample, string(guixi), "<w:t>", "<?xml?><w:document xmlns:w=\"x\"><w:body></w:body></w:document><w:t>"} {
		if got, points, unread, copies := docxText(s); got != s || points != nil || unread != nil || copies != nil {
			t.Errorf("%q read as %q", Clip(s, 30), Clip(got, 60))
		}
	}
}

// TestDocxTextDamaged: a damaged document reads what it holds: cut short
// inside the table, a bad token, end tags that match nothing.
func TestDocxTextDamaged(t *testing.T) {
	cut := docxSample[:strings.Index(docxSample, "<w:r><w:t>乙</w:t>")]
	out, _, _, _ := docxText(cut)
	if !strings.Contains(out, "3．对外贸企业") || !strings.Contains(out, "1\t区税务局\t甲\t0451-86129031") {
		t.Errorf("cut document read as\n%s", out)
	}
	bad := strings.Replace(docxSample, "<w:t>阶段性缓缴社会保险费。</w:t>", "<w:t>阶段性缓缴社会保险费。</w:x></w:tt><<1 & 2>", 1)
	out, _, unread, _ := docxText(bad)
	if !strings.Contains(out, "2．阶段性缓缴社会保险费。") || !strings.Contains(out, "3．对外贸企业") || len(unread) == 0 {
		t.Errorf("damaged document read as\n%s\nunread %v", out, unread)
	}
}

// TestDocxScrambled: the format guide's corrupted copy (cut at 。 inside
// w:t, pieces copied ahead of their places) reads as the clean guide.
func TestDocxScrambled(t *testing.T) {
	dir := "testdata/formats/liuhu-2022-docx"
	want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, filepath.Join(dir, "scrambled-1.txt"))
	if got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published || len(got.Measures) != len(want.Measures) {
		t.Fatalf("scrambled: %q %q %q, %d measures (clean %d)", got.Title, got.Issuer, got.Published, len(got.Measures), len(want.Measures))
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil || !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !reflect.DeepEqual(m.Lead, w.Lead) || m.Text != w.Text || !reflect.DeepEqual(m.Details, w.Details) {
			t.Errorf("measure %d: %+v, clean %+v", w.Number, m, w)
		}
	}
	if len(got.Report.Duplicates) == 0 {
		t.Errorf("no copies reported")
	}
}
