package seeds

import (
	"os"
	"strings"
	"testing"
)

// docxPartsSample is a small .docx package: a heading numbered by its
// style, a list whose second num overrides its start (18), a typed number,
// a TOC, a header and a comment with phones, and a contact table naming
// measures in a 涉及条款 column.
const docxPartsSample = "===== word/document.xml =====\n<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
	`<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>某市措施</w:t></w:r></w:p>` +
	`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、税费	2</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
	`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>税费</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>对小微企业减免房产税和土地使用税。</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>2.对小微企业减征六税两费。</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>就业</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>阶段性缓缴社会保险费。</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>线上办理；</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>发放一次性扩岗补助。</w:t></w:r></w:p>` +
	`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>涉及条款</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>联系人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>联系电话</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t>一、税费</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>第1、2条</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市税务局</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>甲某</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2125601</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>第18、19条</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市人社局</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙某</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2138811</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:t>抄送：市委办公室。</w:t></w:r></w:p><w:p><w:r><w:t>某市人民政府办公室</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2022年7月20日印发</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>（承印：某印务公司　电话：2188066）</w:t></w:r></w:p></w:body></w:document>` + "\n" +
	"===== word/header1.xml =====\n<?xml version=\"1.0\"?>\r\n<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:t>电话：2120000</w:t></w:r></w:p></w:hdr>\n" +
	"===== word/comments.xml =====\n<?xml version=\"1.0\"?>\r\n<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:comment w:id=\"0\"><w:p><w:r><w:t>电话2199001</w:t></w:r></w:p></w:comment></w:comments>\n" +
	"===== word/numbering.xml =====\n<?xml version=\"1.0\"?>\r\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="18"/></w:lvlOverride></w:num></w:numbering>` + "\n" +
	"===== word/styles.xml =====\n<?xml version=\"1.0\"?>\r\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
	`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style></w:styles>` + "\n" +
	"===== docProps/core.xml =====\n<?xml version=\"1.0\"?>\r\n<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"y\"><dc:title>去年的标题</dc:title></cp:coreProperties>\n"

func TestDocxPartsText(t *testing.T) {
	out, _, unread, _ := docxPartsText(docxPartsSample)
	for _, want := range []string{"一、税费\n1．对小微企业", "2.对小微企业减征", "二、就业\n18．阶段性缓缴", "（1）线上办理；\n19．发放一次性",
		"1\t/\t市税务局\t/\t甲某\t2125601\n2\t/\t市税务局\t/\t甲某\t2125601\n18\t/\t市人社局\t/\t乙某\t2138811\n19\t/"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, never := range []string{"2120000", "2199001", "2188066", "去年的标题", "抄送", "\t2\n"} {
		if strings.Contains(out, never) {
			t.Errorf("%q read in\n%s", never, out)
		}
	}
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	g := parseText(docxPartsSample)
	if len(g.Measures) != 4 || g.Measure(19) == nil || g.Title != "某市措施" || g.Published != "2022-07-20" || g.Issuer != "某市人民政府办公室" {
		t.Fatalf("%d measures, title %q, published %q, issuer %q", len(g.Measures), g.Title, g.Published, g.Issuer)
	}
	// The contacts by measure come from the table (the full guide's
	// are checked in TestFormats).
	if got := contactLines(g.Measure(1)); len(got) != 1 || got[0] != "市税务局 甲某 2125601" {
		t.Errorf("measure 1's contacts %q", got)
	}
}

// TestDocxPartsDamage: a package without numbering.xml or styles.xml, cut
// inside its document, or holding no document part never panics; what it
// holds is read, and a text that is no package comes back unchanged.
func TestDocxPartsDamage(t *testing.T) {
	noNumbering := docxPartsSample[:strings.Index(docxPartsSample, "===== word/numbering.xml")]
	for name, s := range map[string]string{
		"no numbering or styles": noNumbering,
		"cut in the document":    docxPartsSample[:strings.Index(docxPartsSample, "<w:tbl>")+200],
		"cut in a tag":           docxPartsSample[:strings.Index(docxPartsSample, "发放一次性")-9],
		"bytes dropped":          strings.ReplaceAll(docxPartsSample, "</w:p>", "</w:"),
	} {
		out, _, _, _ := docxPartsText(s)
		if out == s || !strings.Contains(out, "对小微企业减免房产税") {
			t.Errorf("%s: read as\n%s", name, out)
		}
		_ = parseText(s)
	}
	if out, _, _, _ := docxPartsText(noNumbering); !strings.Contains(out, "1．对小微企业") {
		t.Errorf("without numbering.xml the measures' list is not numbered:\n%s", out)
	}
	for _, s := range []string{"", "===== word/styles.xml =====\n<w:styles/>\n", "===== word/document.xml =====\n", "一、税费\n1．对小微企业。\n"} {
		if out, _, _, _ := docxPartsText(s); out != s {
			t.Errorf("%q read as %q", s, out)
		}
	}
}

// TestDocxPartsScrambled: the corrupted copy of erchuan-2022-docx-parts
// reads as the clean guide: every measure, and each with a contact the
// clean reading's.
func TestDocxPartsScrambled(t *testing.T) {
	dir := "testdata/formats/erchuan-2022-docx-parts/"
	want := mustParseFile(t, dir+"guide.txt")
	got := mustParseFile(t, dir+"scrambled-1.txt")
	if len(got.Measures) != len(want.Measures) || got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published {
		t.Fatalf("%d measures %q %q %q, clean %d", len(got.Measures), got.Title, got.Issuer, got.Published, len(want.Measures))
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil || !sameContacts(m.Contacts, w.Contacts) || m.Section != w.Section {
			t.Errorf("measure %d: %v, clean %q", w.Number, m, contactLines(&w))
		}
	}
	b, err := os.ReadFile(dir + "guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	// No phone of a part that is no content, nor the printer's.
	out, _, _, _ := docxPartsText(string(b))
	for _, never := range []string{"2120000", "2199001", "2188066", "02010609030101010101", "2021年稳增长", "6090%"} {
		if strings.Contains(out, never) {
			t.Errorf("%q read", never)
		}
	}
}
