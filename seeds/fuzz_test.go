package seeds

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"policybot/seeds/scramble"
)

// FuzzParse checks that no input panics the parser and that what it returns
// is well formed: measures in increasing order, phones of the documented
// shape and present in the input, gap lists within range, valid JSON.
func FuzzParse(f *testing.F) {
	// Small pieces of the seed: the fuzzer minimizes every new input, which
	// takes minutes for the whole 34 KB file.
	sents := splitSentences(string(embedded))
	for i := 0; i < len(sents); i += 6 {
		var b strings.Builder
		for _, s := range sents[i:min(i+6, len(sents))] {
			b.WriteString(s.text)
		}
		f.Add([]byte(b.String()))
	}
	for _, name := range []string{"testdata/other_district.txt", "testdata/other_district_gbk.txt"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	// The other formats: each test guide's opening and its scrambled copy's,
	// cut short for the same reason.
	// The held-out guides are left out: a failing input would print
	// pieces of them.
	guides, _ := filepath.Glob("testdata/*/*/*.txt")
	// Layouts no reader knows, read by their shape (see byShape).
	shapes, _ := filepath.Glob("testdata/byshape/*.txt")
	for _, name := range append(guides, shapes...) {
		if slices.Contains(heldOutGuides, filepath.Base(filepath.Dir(name))) {
			continue
		}
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b[:min(len(b), 1500)])
		}
	}
	for _, s := range []string{
		"", "。", "1.", "4.2022年", "一、（一）1.文本。", "牵头单位：区甲局配合单位：区乙局联系人：区甲局某科张三联系方式：010-123456782.下一条。",
		"牵头部门：区甲局、区乙局联系人：区甲局张三区乙局李四联系方式：区甲局010-12345678区乙局13912345678（三）标题3.正文。",
		"联系方式：010-1234567812.", "（一）（一）（一）1.2.3.", "九十九、（九十九）999.x。",
		"1.文本。\n责任单位:区甲局 某科\n咨询电话:69361274、12366(工作日9:00—17:00)\n2.文本。",
		"一、甲\n（一）对甲给予补贴。（责任单位：区甲局、各乡镇（街道））\n电子邮箱：a@b.cn\n（二）乙。",
		"1. 甲。（区甲局牵头，区乙局等部门配合）\n附件：各牵头单位联系方式\n区甲局  某科  张三  010-12345678\n区乙局  某科  李四  0871-12345678",
		"序号\n责任部门\n政策措施\n联系人\n联系方式\n1\n区甲局\n补贴。\n\n12366\n3\n区乙局",
		"第一章　总则\n第一条　【甲】对甲补贴。（责任单位：区甲局；联系人：张三；联系电话：0575-12345678）\n第二条　【乙】乙。（责任单位：区乙局）\n第一百零三条　丙。\n附件：政策咨询电话\n区乙局（某科）　0575-12345679\n区乙局（某中心）　12366",
		"一、甲\n1. 问：能缓吗？\n答：能。\n政策依据：《甲》\n咨询部门：区甲局；区乙局 经办科室：某科 联系人：张三 咨询电话：12366；022-12345678\n2. 问：乙？答：乙。咨询电话：12345",
		"1. 甲。对企业补贴（区甲局、区乙局牵头，各街道办事处配合）。\n附件\n政策咨询联系方式\n序号\n牵头单位\n联系人\n联系电话\n1\n区甲局\n张三\n0871-63312345、12345\n2\n区乙局\n\n12366",
		"附件\n甲表\n\n序号\n责任部门\n政策措施\n联系方式\n备注\n\n1\n区甲局、区乙局\n补贴。\n010-61234567、12366\n\n\n乙表\n\n序号\n责任部门\n政策措施\n联系方式\n备注\n\n2\n区丙局\n减免。\n/\n窗口\n",
		"甲区政策清单,,,,,\n序号,政策类别,政策名称,政策内容,责任单位,联系人,联系电话,执行期限\n1,税费,减免,\"1.对甲补贴。\n2.对乙补贴。\",区甲局、区乙局,\"张三\n李四\",\"0771-1234567、\n12345678\",/\n2,,降费,\"对丙\"\"降费\"\"。\",区丙局,/,12345,2022年12月31日\n1,金融,贴息,贴息。\n,区丁局,王五,0771-7654321,/\n备注：以原文为准。,,,\n填报单位：甲局（乙代章）  填报日期：2022年6月20日,,,",
		"首页>政务公开>政策问答\n甲区政策问答\n发布时间：2022-06-17 15:42 来源：甲区发改局 浏览次数：9【打印本页】\n分享到：\n甲区政策问答\n编者按：区号均为0573。\n一、财税篇\n　　1. 问：甲？\n答：甲。\n咨询单位：区甲局，联系人：张三，电话：0573-820962152．问：乙？\n答：乙。（咨询电话：82096216，区乙局某科 李四）\n3.问：丙？\n答：丙。\n（咨询单位、联系人同上）4. 问：丁？答：丁。参照第1问\n5. 问：戊？答：戊。详询区戊局 赵六 820962171234516. 问：以上政策在哪里可以查询？\n甲区发改局\n2022年6月17日",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := Parse(src)
		if err != nil {
			return
		}
		checkParsed(t, src, g)
	})
}

// FuzzParseScrambled corrupts any input the way the seed was corrupted
// (seeds/scramble, with the seed and shares the fuzzer picks) and checks
// the parse of the result as FuzzParse does: the corruption is what the
// parser's recovery rules run on, and it reaches code plain inputs rarely
// do.
func FuzzParseScrambled(f *testing.F) {
	// Openings only: the fuzzer minimizes every new input, slowly for
	// long ones.
	for _, name := range []string{cleanCopy, "testdata/formats/xicheng-2020-paren/guide.txt", "testdata/guides/mentougou-2022/guide.txt",
		"testdata/formats/liuan-2022-csv-list/guide.txt", "testdata/formats/lanhu-2022-web-qa/guide.txt"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 600)], uint64(1), uint8(0), uint8(0))
		f.Add(b[:min(len(b), 600)], uint64(7), uint8(30), uint8(5))
	}
	f.Fuzz(func(t *testing.T, src []byte, seed uint64, riffle, moves uint8) {
		text, err := Decode(src)
		if err != nil {
			return
		}
		c := scramble.Scramble(text, scramble.Options{Seed: seed, Riffle: float64(riffle%101) / 100, Moves: float64(moves%21) / 100})
		g, err := Parse([]byte(c.Text))
		if err != nil {
			return // rejected with an error (an empty or binary text), not a crash
		}
		checkParsed(t, []byte(c.Text), g)
	})
}

// FuzzEachLine checks the data-file reader: no panic, and every line it
// hands on is trimmed, non-empty, free of comments, numbered in order.
func FuzzEachLine(f *testing.F) {
	for _, s := range []string{"", "[a]\nx, y # c\n\n[b]\n#only\n  z  ", "[]\n[[x]]\n#\n a#b", strings.Repeat("x", 70<<10)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		last := 0
		err := EachLine(data, func(n int, section, line string) error {
			if n <= last || line == "" || line != strings.TrimSpace(line) || strings.Contains(line, "#") {
				t.Fatalf("line %d after %d: %q", n, last, line)
			}
			last = n
			for _, w := range SplitWords(line) {
				if w == "" || w != strings.TrimSpace(w) {
					t.Fatalf("word %q of %q", w, line)
				}
			}
			return nil
		})
		if err != nil && !errors.Is(err, ErrLineTooLong) {
			t.Fatalf("unexpected error: %v", err)
		}
	})
}

// checkParsed checks what Parse returned for src: measures in increasing
// order, phones and e-mails of the documented shape and present in the
// input, each follow-up on its measure exactly once, gap lists within
// range, valid JSON and outline.
func checkParsed(t *testing.T, src []byte, g *Guide) {
	t.Helper()
	text, _ := Decode(src)
	flat := stripSpace(text)
	// A box-drawn table wraps a phone over two grid lines: the input holds
	// it as its cells read, joined (see normalizeGrid, TestGridJoin).
	if grid, _ := normalizeGrid(text); grid != text {
		flat += "\n" + stripSpace(grid)
	}
	// A fax's OCR writes a phone in full-width digits or with letters for
	// digits, and cuts it across lines and pages: the input holds it as
	// faxText puts it right.
	if fax, _, _ := faxText(text); fax != text {
		flat += "\n" + stripSpace(fax)
	}
	prev := 0
	for _, m := range g.Measures {
		if m.Number <= prev {
			t.Fatalf("measure %d after %d", m.Number, prev)
		}
		prev = m.Number
		if len(m.Doubtful) > len(m.Details) {
			t.Fatalf("measure %d: %d doubtful of %d details", m.Number, len(m.Doubtful), len(m.Details))
		}
		for _, c := range m.Contacts {
			for _, e := range c.Emails {
				if !strings.Contains(flat, e) {
					t.Fatalf("measure %d: e-mail %q invented", m.Number, e)
				}
			}
			for _, p := range c.Phones {
				if !PhoneShape.MatchString(p) || !strings.Contains(flat, p) {
					t.Fatalf("measure %d: phone %q invented", m.Number, p)
				}
			}
		}
	}
	// Every attached follow-up is on its measure exactly once (words a
	// guide repeats under several measures are one follow-up each).
	type onMeasure struct {
		sentence string
		measure  int
	}
	count, orphan := map[onMeasure]int{}, map[string]bool{}
	for _, o := range g.Report.Orphans {
		orphan[o.Sentence] = true
	}
	for _, m := range g.Measures {
		for _, d := range m.Details {
			count[onMeasure{d, m.Number}]++
		}
	}
	for _, o := range g.Report.Orphans {
		if o.Measure > 0 {
			count[onMeasure{o.Sentence, o.Measure}]--
		}
	}
	for k, n := range count {
		if n != 0 && orphan[k.sentence] {
			t.Fatalf("follow-up %q on measure %d %d times more than attached", k.sentence, k.measure, n)
		}
	}
	for _, n := range g.Report.MissingText {
		if n < 1 || n > g.MaxNumber() {
			t.Fatalf("missing_text %d out of range", n)
		}
	}
	if _, err := json.Marshal(g); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := g.WriteOutline(&b); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkParseSeed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzYAML: the YAML data-file reader never panics on any text.
func FuzzYAML(f *testing.F) {
	f.Add(yamlSample)
	for _, s := range []string{
		"a: &a [*a]\nb:\n  - no: 1\n    title: x\n    contact: *a\n  - no: 2\n    title: y\n    contact: {<<: *a}\n",
		"x: 1\ny: 2\nz: 3\nl:\n  - no: 0\n    title: \n  - no: 999\n    content: |\n      。'\n    contact: [{tel: [1, [2]]}, ~]\n",
		"---\n---\np:\n - {no: 1, title: a}\n - {no: 1, title: b}\n - no: 3\n   title: c\n   tel: 0931 8460001\nfaq:\n - {policy_no: 3, contact: {name: 张三}}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _, _, _, _, _ = yamlText(s)
		_ = parseText(s)
	})
}

// FuzzTOML: the TOML config reader never panics on any text, and a text
// it leaves unchanged withdraws nothing.
func FuzzTOML(f *testing.F) {
	f.Add(tomlSample)
	for _, s := range []string{
		"[a]\nx = 1\n[b]\ny = 2\n[[p]]\nno = 1\ntitle = \"x\"\ncontact = \"a\"\n[[p]]\nno = 1\ntitle = \"y\"\ncontact = { ref = \"p\", ref2 = \"a.x\" }\n",
		"[c.x]\nref = \"c.x\"\n[[p]]\nno = 2\nbody = \"\"\"\\\n  a\\\n\"\"\"\ncontact = { ref = \"c.x\" }\n[[p]]\nno = 3\nenabled = false\nbody = 'b'\n[[q]]\ntags = [\"b\"]\ncontact = {unit = \"u\", tel = \"1\"}\n",
		"[[p]]\nno = 99999999999999999999\ntitle = \"a\n[[p]]\nno = -1\ntitle = 1979-05-27T07:32:00\n[p.extra\nk = [1, [2], {a = 1}]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _, _, withdrawn, _ := tomlText(s)
		if out == s && withdrawn != nil {
			t.Errorf("withdrawn %v of a text left unchanged", withdrawn)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzSQLDump: the database dump reader never panics on any text, and a
// text it leaves unchanged withdraws nothing.
func FuzzSQLDump(f *testing.F) {
	f.Add(sqlSample)
	f.Add(pgSample)
	for _, s := range []string{
		"CREATE TABLE t (a int, b text);\nINSERT INTO t VALUES (1,'x\\'),(2,'y\nINSERT INTO t VALUES (3,'z');\n",
		"-- MySQL dump\nCREATE TABLE `p` (`id` int, `sort_no` int, `title` text, `content` text, `status` int);\nINSERT INTO `p` (`content`,`id`) VALUES ('甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸', 1),(2),('x'::date, -);\n",
		"CREATE TABLE p (\nINSERT INTO p VALUES ((1,2),(_utf8mb4'a', X'00', b'1', TRUE);\nCOPY p (a, b) FROM stdin;\n1\t\\N\\0\\777\n\\.\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, withdrawn, _ := sqlText(s)
		if out == s && withdrawn != nil {
			t.Errorf("withdrawn %v of a text left unchanged", withdrawn)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzSpreadsheetML: the SpreadsheetML reader never panics on any text,
// and a text it leaves unchanged withdraws nothing.
func FuzzSpreadsheetML(f *testing.F) {
	f.Add(excelSample)
	for _, s := range []string{
		"<?mso-application progid=\"Excel.Sheet\"?><Workbook><Worksheet><Table><Row><Cell ss:MergeDown=\"3\" ss:MergeAcross=\"2\"><Data ss:Type=\"Number\">1E3</Data></Cell></Row><Row ss:Index=\"0\"/></Table></Worksheet></Workbook>",
		"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Cell></Row><Row><Cell><Data><Comment><Data>x</Data></Cell><Cell ss:Index=\"-2\">",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, withdrawn, _ := spreadsheetText(s)
		if out == s && withdrawn != nil {
			t.Errorf("withdrawn %v of a text left unchanged", withdrawn)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzXLSX: the .xlsx parts reader never panics on any text, and a text
// it leaves unchanged withdraws nothing.
func FuzzXLSX(f *testing.F) {
	f.Add(xlsxSample)
	for _, s := range []string{
		"===== xl/worksheets/sheet1.xml =====\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"0\"><c r=\"$A$0\" t=\"s\"><v>-1</v></c><c s=\"99\"><v>1e400</v></c></row></sheetData><mergeCells><mergeCell ref=\"B2:A1\"/></mergeCells></worksheet>",
		"==> xl/styles.xml <==\n<styleSheet><numFmts><numFmt numFmtId=\"176\" formatCode=\"0;\\\"\"/></numFmts><cellXfs><xf numFmtId=\"176\"/></cellXfs></styleSheet>\n==> xl/worksheets/sheet1.xml <==\n<worksheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><sheetData><row><c s=\"0\"><v>-0</v></c><c t=\"inlineStr\"><is><rPh><t>x</t></is></c></row></sheetData>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, withdrawn, _ := xlsxText(s)
		if out == s && withdrawn != nil {
			t.Errorf("withdrawn %v of a text left unchanged", withdrawn)
		}
		for _, code := range []string{s, "0" + s, s + "0.0"} {
			_ = xlsxFormat(float64(len(s))-7.5, code)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzXML: the XML export reader never panics on any text, and a text it
// leaves unchanged withdraws nothing.
func FuzzXML(f *testing.F) {
	f.Add(xmlSample)
	for _, s := range []string{
		"<?xml version=\"1.0\"?><P><Item seq=\"1\"><Title>x</Title><Contacts><ContactRef ref=\"c1\"/></Contacts></Item><Contact id=\"c1\"><Phone>1</Phone></Contact></P>",
		"<?xml?><Item seq=\"-1\" status=\"withdrawn\"><Title>a</Title></Item><Item seq=\"-1\"><Content><![CDATA[<p>&ldquo;</p>]]></Content></Item><Item><Title>b</Item>",
		"<x xmlns=\"u\"><Item seq=\"99999999999999999999\"><Title>&bad;</Titel></Foo><<1 & 2><Deadline>2022-13-40</Deadline>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, withdrawn, _ := xmlText(s)
		if out == s && withdrawn != nil {
			t.Errorf("withdrawn %v of a text left unchanged", withdrawn)
		}
		if testing.Short() {
			// The parser behind it is fuzzed by FuzzParse; under the
			// fuzzer's coverage it runs seconds on some inputs.
			return
		}
		_ = parseText(s)
	})
}

// FuzzDocx: the Word document.xml reader never panics on any text, and a
// text it leaves unchanged gives no sub-points.
func FuzzDocx(f *testing.F) {
	f.Add(docxSample)
	for _, s := range []string{
		"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p></w:body></w:document>",
		"<w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
		"<w:document><w:body><w:p><w:r><w:fldChar w:fldCharType=\"end\"/><w:fldChar w:fldCharType=\"begin\"/><w:instrText>HYPERLINK \"mailto:a@b.c\"</w:instrText><w:t>&bad;</w:tt></w:x><<1 & 2>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, points, _, _ := docxText(s)
		if out == s && points != nil {
			t.Errorf("sub-points %q of a text left unchanged", points)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzDocxParts: the reader of a .docx's unzipped parts never panics on
// any text, and a text it leaves unchanged gives no sub-points.
func FuzzDocxParts(f *testing.F) {
	f.Add(docxPartsSample)
	f.Add("===== word/document.xml =====\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:ilvl w:val=\"-3\"/><w:numId w:val=\"9\"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>\n===== word/numbering.xml =====\n<w:num w:numId=\"9\"><w:abstractNumId w:val=\"9\"/><w:lvlOverride w:ilvl=\"99\"><w:startOverride w:val=\"-5\"/></w:lvlOverride></w:num>\n===== word/styles.xml =====\n<w:style w:styleId=\"1\"><w:basedOn w:val=\"1\"/></w:style>\n")
	f.Fuzz(func(t *testing.T, s string) {
		out, points, _, _ := docxPartsText(s)
		if out == s && points != nil {
			t.Errorf("sub-points %q of a text left unchanged", points)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzODT: the OpenDocument reader never panics on any text, and a text it
// leaves unchanged gives no sub-points.
func FuzzODT(f *testing.F) {
	f.Add(odtSample)
	for _, s := range []string{
		"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:text><text:list text:continue-list=\"x\" xml:id=\"x\"><text:list-item text:start-value=\"-5\"><text:list><text:list><text:list-item><text:p>甲<text:s text:c=\"99999\"/></text:p></text:list-item></text:list></text:list></text:list-item></text:list>",
		"<office:document><office:body><office:text><table:table><table:table-row><table:covered-table-cell table:number-columns-repeated=\"99999\"/><table:table-cell table:number-rows-spanned=\"99999\" table:number-columns-spanned=\"99999\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>",
		"<office:document-content><office:text><text:p>责任单位：<text:line-break/>责任单位：区甲局</text:p><text:h>&bad;</text:hh></text:x><<1 & 2>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, points, _, _ := odtText(s)
		if out == s && points != nil {
			t.Errorf("sub-points %q of a text left unchanged", points)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzHOCR: the hOCR reader never fails, and a text it does not take
// comes back unchanged.
func FuzzHOCR(f *testing.F) {
	f.Add(hocrSample)
	for _, s := range []string{
		`<div class='ocr_page' title='image "p.png"; bbox 0 0 0 0'><div class='ocr_carea'><span class='ocrx_word' title='bbox NaN 1e308 -5 3; x_wconf -1e308'>甲</span><span class='ocr_line' title='x_size 0'>乙</span></div>`,
		`<?xml?><html><div class='ocr_page ocr_carea ocr_par'><span class='ocr_line ocrx_word' title='bbox 9 9 1 1'>&bad;</span><?xml?><div class='ocr_page'><p class='ocr_par'>丙`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _ := hocrText(s)
		if !isHOCR(s) && out != s {
			t.Errorf("a text no hOCR reader takes changed: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzOFD: the OFD reader never fails, and a text it does not take comes
// back unchanged.
func FuzzOFD(f *testing.F) {
	f.Add(ofdSample)
	for _, s := range []string{
		`<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:TextObject Boundary="NaN 1e308 -5"><ofd:TextCode X="1e308" Y="-1e308" DeltaX="g 99999999 1e308 g -3 x">甲乙</ofd:TextCode></ofd:TextObject><ofd:PathObject Boundary="0 0"><ofd:AbbreviatedData>M 0 0 L 0 100 M 5 0 L 5 100 M 9 0 L 9 100 L</ofd:AbbreviatedData></ofd:PathObject>`,
		`<?xml?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:TextCode>孤</ofd:TextCode><?xml?><ofd:Page><ofd:TextObject Size="0"><ofd:TextCode X="a" Y="b">&bad;</ofd:TextCode>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _ := ofdText(s)
		if !isOFD(s) && out != s {
			t.Errorf("a text no OFD reader takes changed: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

func FuzzEPUB(f *testing.F) {
	f.Add(epubSample)
	for _, s := range []string{
		"==> a.opf <==\n<package><manifest><item id=\"x\" href=\"%zz/../../b.xhtml\"/></manifest><spine><itemref idref=\"x\"/><itemref idref=\"y\" linear=\"no\"/></spine></package>\n==> b.xhtml <==\n<ol start=\"-5\"><li value=\"999999999999\"><ol><li><p/></li></ol></li></ol><span/><ruby><rt/>",
		"=== x.opf ===\n<spine><manifest><item id=\"a\" href=\"x.opf\" media-type=\"application/xhtml+xml\"/></manifest><itemref idref=\"a\"/></spine>\n=== x.opf ===\n<table><tr><td rowspan=\"9\">第1—99条</td><td>对应条款</td></tr></table>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _, _ := epubText(s)
		if !strings.Contains(s, "<spine") && out != s {
			t.Errorf("a text without a spine changed: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzPPTX: the .pptx parts reader never panics on any text, and a text
// that is no deck comes back unchanged.
func FuzzPPTX(f *testing.F) {
	f.Add(pptxSample)
	f.Add("==> ppt/presentation.xml <==\n<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:sldIdLst><p:sldId r:id=\"rId1\"/></p:sldIdLst></p:presentation>")
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _ := pptxText(s)
		if !isPPTXParts(s) && out != s {
			t.Fatalf("no deck changed: %q", s)
		}
	})
}

// FuzzWordHTML: wordHTMLText never fails, leaves any text that is no
// Word HTML unchanged, and the parser takes what it writes.
func FuzzWordHTML(f *testing.F) {
	f.Add(wordSample)
	for _, s := range []string{
		"<p class=MsoNormal style='mso-list:l0'><![if !supportLists]>（十）<![endif]><table><tr><td rowspan=99>对应措施（条）</td><td>联系人</td></tr><tr><td>1—999</td></tr></table>",
		"<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><p class=MsoTitle><del><ins>x</del></ins><h2>（甲）</h2><h1><h3>（乙乙）</h3>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _, _ := wordHTMLText(s)
		if !isWordHTML(s) && out != s {
			t.Errorf("a text that is no Word HTML changed: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzLark: the Feishu/Lark blocks reader never panics on any text, and a
// text holding no block comes back unchanged.
func FuzzLark(f *testing.F) {
	f.Add(larkSample)
	f.Add(`{"block_id":"p","block_type":1,"children":["t","p"],"parent_id":"","page":{"elements":[]}}{"block_id":"t","block_type":31,"parent_id":"p","table":{"cells":["t"],"property":{"column_size":1,"merge_info":[{"row_span":99,"col_span":-3}]}}}`)
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _ := larkText(s)
		if !isLarkBlocks(s) && out != s {
			t.Fatalf("no export changed: %q", s)
		}
	})
}

// FuzzWordText: Word's plain-text export reader never panics, leaves any
// text that is no such export unchanged, and the parser takes what it
// writes.
func FuzzWordText(f *testing.F) {
	for _, s := range []string{
		"一、甲\n1.\t对甲。（牵头部门：镇甲局）\n2.\t乙\r（牵头部门：镇乙局）\n1.\t丙[1]\n\f附件\n序号\t对应条款\t牵头部门\t联系人\t联系电话\n1\t第1、3条\t镇甲局\t某\t87330000\n2\t第2条\t\t某\n某\t87330001\n\t\t\t\t\n\n________________\n[1] 注。",
		"1.\t\t\n2.\t[9]\n3.\tx\n序号\t对应条款\n\t\n1\t第1-999条\n_________",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _ := wordText(s)
		if !isWordText(s) && out != s {
			t.Errorf("a text that is no Word text export changed: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzDecode: Decode never panics, and what it accepts is valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("\xff\xfe1\x00.\x00\t\x00\xf9\x5b"))
	f.Add([]byte("1\x00.\x00\t\x00\xf9\x5b\r\x00\n\x00"))
	f.Add([]byte("\xfe\xff\x00\x31\xd8\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b)
		if err == nil && !utf8.ValidString(s) {
			t.Errorf("Decode(%q) = %q, not UTF-8", b, s)
		}
	})
}

// FuzzEML: the e-mail reader never panics on any text, leaves a text that
// is no raw message unchanged, and what it writes is valid UTF-8 the
// parser takes (not with -short).
func FuzzEML(f *testing.F) {
	b, err := os.ReadFile("testdata/formats/wuxi-2022-eml/guide.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(string(b[:len(b)/2]))
	f.Add("From: a\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!1tDOxA==\r\n--x\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n--x--")
	f.Add("Date: x\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n<table><tr><td rowspan=3D99>1</td><td>=E5=8C=BA</td></tr></table><hr>=ZZ")
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := emlText(s)
		if !isEML(s) && out != s {
			t.Fatalf("a text that is no message changed: %q", s)
		}
		if isEML(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 written: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}

// FuzzScreenshots: the screenshot reader never panics on any text, and a
// text it does not take comes back unchanged.
func FuzzScreenshots(f *testing.F) {
	f.Add(`{"image": "a.jpg", "width": 1080, "height": 2400, "ocr": [[[[92.0, 300.0], [900.0, 300.0], [900.0, 350.0], [92.0, 350.0]], ["1.留抵退税。对符合条件的企业", 0.99]], [[[92.0, 360.0], [400.0, 360.0], [400.0, 400.0], [92.0, 400.0]], ["（责任单位：区税务局）", 0.98]]]}` + "\n" +
		`{"image": "b.jpg", "width": 1080, "height": 2400, "ocr": [[[[92.0, 236.0], [400.0, 236.0], [400.0, 276.0], [92.0, 276.0]], ["（责任单位：区税务局）", 0.7]], [[[20.0, 300.0], [90.0, 300.0], [90.0, 330.0], [20.0, 330.0]], ["序号", 0.99]], [[[98.0, 300.0], [300.0, 300.0], [300.0, 330.0], [98.0, 330.0]], ["政策条款", 0.99]], [[[676.0, 300.0], [786.0, 300.0], [786.0, 330.0], [676.0, 330.0]], ["联系人", 0.99]], [[[794.0, 300.0], [1000.0, 300.0], [1000.0, 330.0], [794.0, 330.0]], ["联系电话", 0.99]]]}`)
	for _, s := range []string{
		`{"ocr": [[[[NaN, 1e308], [-1e308, 0], [0, 0], [0, 0]], ["\u0000", -1]], [[[0, 0], [0, 0], [0, 0], [0, 0]], ["`,
		`{"image"{"image": "x", "height": 0, "width": 1e9, "ocr": [[[[1,1],[1,1],[1,1],[1,1]],["序号",1]],[[[1,1],[1,1],[1,1],[1,1]],["联系人",1]],[[[1,1],[1,1],[1,1],[1,1]],["电话",1]]]}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _, _ := screenshotText(s)
		if !isScreenshots(s) && out != s {
			t.Errorf("a text no screenshot reader takes changed: %q", out)
		}
		if testing.Short() {
			return
		}
		_ = parseText(s)
	})
}
