package seeds

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// epubSample is an EPUB 3 book's files in zip order (ch10 before ch2, the
// preface last): a container, a package document whose manifest ids are
// no file names, a stale linear="no" notice, an NCX with a draft title, a
// nav document, and chapters with a page break in mid-sentence, a ruby,
// a footnote and its reference, a soft hyphen, &nbsp;, an ordered list
// numbered from its start and a subsection heading numbered as measures
// are.
const epubSample = `----- FILE: mimetype -----
application/epub+zip
----- FILE: META-INF/container.xml -----
<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
----- FILE: OEBPS/content.opf -----
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>某区政策汇编</dc:title><dc:creator>某区人民政府办公室</dc:creator><dc:publisher>某区融媒体中心</dc:publisher><dc:date>2022-07-08</dc:date>
<meta property="dcterms:modified">2022-07-09T01:02:03Z</meta></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c-a" href="text/ch1.xhtml" media-type="application/xhtml+xml"/><item id="c-b" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
<item id="c-z" href="text/ch10.xhtml" media-type="application/xhtml+xml"/><item id="old" href="text/old.xhtml" media-type="application/xhtml+xml"/>
<item id="pre" href="text/preface.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="pre"/><itemref idref="c-a"/><itemref idref="c-b"/><itemref idref="old" linear="no"/><itemref idref="c-z"/></spine></package>
----- FILE: OEBPS/toc.ncx -----
<ncx><docTitle><text>某区政策汇编（征求意见稿）</text></docTitle><docAuthor><text>某区营商办</text></docAuthor></ncx>
----- FILE: OEBPS/nav.xhtml -----
<html><body><nav epub:type="toc"><ol><li><a href="text/ch1.xhtml">一、税费&nbsp;支持</a></li></ol></nav></body></html>
----- FILE: OEBPS/text/ch1.xhtml -----
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>某区政策汇编</title></head>
<body epub:type="bodymatter"><section epub:type="chapter"><span epub:type="pagebreak" id="page2" title="2" role="doc-pagebreak"/>
<h1>一、税费支持</h1>
<p class="item"><span class="num">（一）</span><strong>落实留抵退税。</strong>对小微企业按月退还增量留抵税额<a epub:type="noteref" href="#fn1" id="r1">[1]</a>，最高<span epub:type="pagebreak" id="page3" title="3" role="doc-pagebreak"/>不超过100万元，制造业&#173;中小微企业同样适用。</p>
<p class="duty">责任单位：区税务局</p>
</section>
<aside epub:type="footnote" id="fn1"><p>留抵税额：尚未抵扣完的进项税额。</p></aside>
</body></html>
----- FILE: OEBPS/text/ch10.xhtml -----
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>某区政策汇编</title></head>
<body epub:type="bodymatter"><section epub:type="chapter"><h1>三、文旅</h1>
<p class="item"><span class="num">（四）</span><strong>支持景区。</strong>对<ruby>蟳<rp>（</rp><rt>xún</rt><rp>）</rp></ruby>埔民俗文化村等景区给予每人20元补贴，单家不超过20万元。</p>
<p class="duty">责任单位：区文旅局</p></section></body></html>
----- FILE: OEBPS/text/ch2.xhtml -----
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>某区政策汇编</title></head>
<body epub:type="bodymatter"><section epub:type="chapter"><h1>二、房租减免</h1>
<h2>（一）国有房屋</h2>
<ol start="2" class="items"><li><p><strong>减免国有房屋租金。</strong>对承租国有房屋的小微企业减免6个月租金，由出租单位直接减免。</p><p class="duty">责任单位：区国资办</p></li>
<li><p><strong>鼓励非国有房屋减租。</strong>对减免租金的出租人依法减免房产税和城镇土地使用税。</p><p class="duty">责任单位：区税务局、区住建局</p></li></ol>
</section></body></html>
----- FILE: OEBPS/text/old.xhtml -----
<html><body><p>一、2021年春节留工补助每人300元。联系人：人名F，电话：0595-22220000</p></body></html>
----- FILE: OEBPS/text/preface.xhtml -----
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>某区政策汇编</title></head>
<body epub:type="frontmatter"><section><p>某政办〔2022〕31号</p><p>各部门：现将若干措施印发给你们，请认真贯彻执行。</p>
<p>某区人民政府办公室</p><p>2022年6月20日&nbsp;&nbsp;</p></section></body></html>
`

// TestEPUBText: the spine's order, not the zip's; no navigation, no stale
// notice, no footnote, page break, ruby reading or soft hyphen; the list
// numbered from its start; the measures written in decimal beside a
// heading numbered （一）; the head from the book and its preface.
func TestEPUBText(t *testing.T) {
	out, items, unread, _ := epubText(epubSample)
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	if items != 0 {
		t.Errorf("%d bold items counted beside decimal numbers", items)
	}
	want := []string{
		"某区政策汇编", "发布日期：2022-06-20", "来源：某区人民政府办公室。", "某政办〔2022〕31号",
		"一、税费支持",
		"1．落实留抵退税。对小微企业按月退还增量留抵税额，最高不超过100万元，制造业中小微企业同样适用。（责任单位：区税务局）",
		"二、房租减免", "（一）国有房屋",
		"2．减免国有房屋租金。对承租国有房屋的小微企业减免6个月租金，由出租单位直接减免。（责任单位：区国资办）",
		"3．鼓励非国有房屋减租。",
		"三、文旅", "4．支持景区。对蟳埔民俗文化村等景区",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(out[at:], w)
		if i < 0 {
			t.Fatalf("no %q (in order) in\n%s", w, out)
		}
		at += i + len(w)
	}
	for _, no := range []string{"征求意见稿", "营商办", "0595-22220000", "留抵税额：", "[1]", "xún", "\u00ad", "2022-07-08", "融媒体", "2021年"} {
		if strings.Contains(out, no) {
			t.Errorf("%q in\n%s", no, out)
		}
	}
}

// TestEPUBTextOther: a text that is no unzipped EPUB comes back unchanged;
// other separator shapes and a missing container are read; a spine item
// whose file is missing is reported.
func TestEPUBTextOther(t *testing.T) {
	for _, s := range []string{"1.减免租金。责任单位：区国资委", "<package><spine/></package>", "----- FILE: a.txt -----\n<manifest/><spine/>", ""} {
		if out, _, _, _ := epubText(s); out != s {
			t.Errorf("%q read as %q", s, out)
		}
	}
	for _, sep := range []string{"=== %s ===", "==> %s <==", "----- %s -----", "### File: %s ###"} {
		s := strings.NewReplacer("----- FILE: META-INF/container.xml -----", "", "----- FILE: OEBPS/", strings.Split(sep, "%s")[0]+"OEBPS/").Replace(epubSample)
		s = strings.ReplaceAll(s, " -----\n", strings.Split(sep, "%s")[1]+"\n")
		s = strings.Replace(s, "----- FILE: mimetype", strings.Split(sep, "%s")[0]+"mimetype", 1)
		out, _, _, _ := epubText(s)
		if !strings.Contains(out, "1．落实留抵退税。") || !strings.Contains(out, "4．支持景区。") || strings.Contains(out, "征求意见稿") {
			t.Errorf("%q: read as\n%s", sep, out)
		}
	}
	missing := strings.Replace(epubSample, "----- FILE: OEBPS/text/ch10.xhtml -----", "----- FILE: OEBPS/text/gone.txt -----", 1)
	out, _, unread, _ := epubText(missing)
	if len(unread) != 1 || !strings.Contains(out, "1．落实留抵退税。") {
		t.Errorf("unread %v; read as\n%s", unread, out)
	}
}

// TestEPUBSpineOnce: a file the spine lists twice (an itemref repeated,
// two manifest items with one href) is read once.
func TestEPUBSpineOnce(t *testing.T) {
	s := `=== OPS/book.opf ===
<package version="2.0"><metadata><dc:title>乙区指南</dc:title></metadata>
<manifest><item id="i1" href="b.html" media-type="application/xhtml+xml"/><item id="i2" href="a.html" media-type="application/xhtml+xml"/><item id="i3" href="b.html" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="i1"/><itemref idref="i2"/><itemref idref="i1"/><itemref idref="i3"/></spine></package>
=== OPS/a.html ===
<html><body><p>2．缓缴社保。阶段性缓缴养老保险单位缴费。</p></body></html>
=== OPS/b.html ===
<html><body><p>1．减免租金。减免3个月租金。</p></body></html>
`
	out, _, _, _ := epubText(s)
	if n := strings.Count(out, "1．减免租金。"); n != 1 || strings.Count(out, "2．缓缴社保。") != 1 {
		t.Errorf("read as\n%s", out)
	}
}

// TestEPUB2: an EPUB 2 book (an NCX only, a <guide> naming its cover, a
// footnote linked by a bare mark, numbers typed 1．) reads in spine order,
// its cover and notes left out.
func TestEPUB2(t *testing.T) {
	s := `=== OPS/book.opf ===
<package version="2.0"><metadata><dc:title>乙区指南</dc:title><dc:publisher>乙区融媒体</dc:publisher></metadata>
<manifest><item id="i0" href="c.html" media-type="application/xhtml+xml"/><item id="i1" href="b.html" media-type="application/xhtml+xml"/><item id="i2" href="a.html" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="i0"/><itemref idref="i1"/><itemref idref="i2"/></spine>
<guide><reference type="cover" href="c.html" title="封面"/></guide></package>
=== OPS/a.html ===
<html><body><p>2．缓缴社保。阶段性缓缴养老保险单位缴费。</p><p>责任单位：区人社局</p></body></html>
=== OPS/b.html ===
<html><body><h1>一、支持</h1><p>1．减免租金。减免3个月租金<a href="#n1"><sup>[1]</sup></a>。</p><p id="n1"><a href="#r1">[1]</a>注：限小微企业。</p></body></html>
=== OPS/c.html ===
<html><body><p>乙区指南封面</p></body></html>
`
	out, _, unread, _ := epubText(s)
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	i, j := strings.Index(out, "1．减免租金。减免3个月租金。"), strings.Index(out, "2．缓缴社保。")
	if !strings.HasPrefix(out, "乙区指南\n来源：乙区融媒体。") || i < 0 || j < i || strings.Contains(out, "封面") || strings.Contains(out, "限小微企业") {
		t.Errorf("read as\n%s", out)
	}
}

// TestEPUBGuide: the format guide reads as its README says.
func TestEPUBGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/liangxi-2022-epub/guide.txt")
	if g.Title != "梁溪区助企纾困政策汇编（2022版）" || g.Issuer != "无锡市梁溪区人民政府办公室" || g.Published != "2022-06-15" {
		t.Errorf("title %q, issuer %q, published %q", g.Title, g.Issuer, g.Published)
	}
	if !strings.Contains(g.Preamble, "梁政办发〔2022〕18号") {
		t.Errorf("preamble %q lacks the 文号", g.Preamble)
	}
	if len(g.Measures) != 24 || len(g.Sections) != 7 || len(g.Subsections) != 4 || len(g.Report.MissingText)+len(g.Report.MissingContact)+len(g.Report.Unread) > 0 {
		t.Fatalf("%d measures, %d sections, %d subsections; report %+v", len(g.Measures), len(g.Sections), len(g.Subsections), g.Report)
	}
	const zhou, lu, gu, wang, sun = "区税务局 周文涛 0510-82716301", "区财政局 陆海波 0510-82728810", "区人社局 顾建平 0510-82735512", "区人社局 王海峰 0510-82735530", "区金融办 孙立伟 0510-82720055"
	const shen, cheng, zhu, hot = "区国资办 沈一鸣 0510-82701166", "区商务局 程晓东 0510-82719901", "区文旅局 朱晓岚 0510-82786612", "区人社局 劳动保障咨询热线 12333"
	contacts := map[int][]string{
		1: {zhou, lu}, 2: {zhou}, 3: {"区税务局 纳税缴费服务热线 12366"}, 4: {lu, "区残联 华丽萍 0510-82711023"},
		5: {gu, "区社保中心 蒋雪梅 0510-82735577、13961701234"}, 6: {gu, hot}, 7: {"无锡市住房公积金管理中心梁溪分中心 许立新 0510-82759020"},
		8: {shen}, 9: {shen}, 10: {"区住建局 杨志刚 82768830"}, 11: {cheng}, 12: {sun}, 13: {sun, "区融资担保公司 吴海燕 15861590088"},
		14: {gu, lu}, 15: {sun}, 16: {cheng}, 17: {zhu}, 18: {zhu, "区文旅局 文旅市场服务电话 0510-82786600"},
		19: {wang}, 20: {wang, hot}, 21: {wang}, 22: {"区交通运输局 钱卫东 0510-82790133", "区物流保通保畅工作专班 24小时值班电话 0510-82790100"},
		23: {"区商务局 外贸科（邮箱） lxswjwm@163.com"}, 24: {"区行政审批局 马晓丽 0510-82750088、18921345678"},
	}
	leads := []string{"落实增值税留抵退税政策。", "减征“六税两费”。", "延缓缴纳部分税费。", "免征残疾人就业保障金。", "阶段性缓缴社会保险费。", "加大失业保险稳岗返还力度。",
		"缓缴住房公积金。", "减免国有房屋租金。", "简化租金减免办理流程。", "鼓励非国有房屋减免租金。", "支持产业载体减免租金。", "推动贷款延期还本付息。",
		"降低融资担保费率。", "扩大创业担保贷款支持。", "扩大普惠小微贷款投放。", "发放惠民消费券。", "支持景区开展惠民活动。", "暂退旅游服务质量保证金。",
		"发放一次性吸纳就业补贴。", "扩大高校毕业生见习规模。", "开展以工代训。", "保障货运物流畅通。", "支持外贸企业稳订单。", "优化涉企审批服务。"}
	sections := []int{1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7}
	for n := 1; n <= 24; n++ {
		m := g.Measure(n)
		if m == nil {
			t.Errorf("measure %d missing", n)
			continue
		}
		if m.Text != leads[n-1] || m.Section != sections[n-1] {
			t.Errorf("measure %d: text %q section %d, want %q %d", n, m.Text, m.Section, leads[n-1], sections[n-1])
		}
		got := contactLines(m)
		slices.Sort(got)
		want := slices.Sorted(slices.Values(contacts[n]))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("measure %d: contacts %q, want %q", n, got, want)
		}
	}
	// Sentences read on across a page break, a soft hyphen and a ruby;
	// no footnote, note mark, stale notice or colophon phone.
	for n, want := range map[int]string{14: "最高额度为30万元，小微企业最高不超过300万元", 3: "对制造业中小微企业", 15: "普惠小微贷款增速", 17: "对组织鼋头渚等景区", 1: "增量留抵税额，存量"} {
		if all := strings.Join(g.Measure(n).Details, ""); !strings.Contains(all, want) {
			t.Errorf("measure %d: %q lacks %q", n, all, want)
		}
	}
	for _, m := range g.Measures {
		all := m.Text + strings.Join(m.Details, "") + strings.Join(contactLines(&m), "")
		for _, no := range []string{"[1]", "[2]", "[3]", "yuán", "\u00ad", "0510-82700999", "0510-82735500", "担保费率：", "编辑说明", "留工补助", "送审稿"} {
			if strings.Contains(all, no) {
				t.Errorf("measure %d holds %q", m.Number, no)
			}
		}
	}
	if m := g.Measure(8); m.Subsection != 1 || g.Measure(14).Subsection != 2 {
		t.Errorf("subsections: 8 in %d, 14 in %d", m.Subsection, g.Measure(14).Subsection)
	}
}

// TestEPUBScrambled: the format guide's corrupted copy reads as the clean
// guide but for measure 4's lead sentence, which the copy lost.
func TestEPUBScrambled(t *testing.T) {
	dir := "testdata/formats/liangxi-2022-epub"
	want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, filepath.Join(dir, "scrambled-1.txt"))
	if got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published || len(got.Measures) != len(want.Measures) || len(got.Sections) != len(want.Sections) {
		t.Fatalf("scrambled: %q %q %q %d measures %d sections", got.Title, got.Issuer, got.Published, len(got.Measures), len(got.Sections))
	}
	for i, m := range want.Measures {
		o := got.Measures[i]
		text := o.Text == m.Text || m.Number == 4 && o.Text == ""
		if o.Number != m.Number || !text || !reflect.DeepEqual(contactLines(&o), contactLines(&m)) || !reflect.DeepEqual(o.Lead, m.Lead) {
			t.Errorf("measure %d: %q %q %v, clean %q %q %v", m.Number, o.Text, contactLines(&o), o.Lead, m.Text, contactLines(&m), m.Lead)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gen.py")); err != nil {
		t.Error(err)
	}
}
