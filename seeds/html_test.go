package seeds

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// savedPage wraps body in a saved page's doctype, head and body.
func savedPage(body string) string {
	return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>标题_网站</title><script>var n=\"0739-28610000\";</script></head>\n<body>" + body + "</body></html>"
}

// TestHTMLText: a saved page is read as the text the browser shows: the
// site's head, navigation and footer dropped, blocks on lines of their own,
// entities decoded, a <br> inside a sentence joined and one after a
// sentence kept, a data table one line per row with TABs, its rowspan cells
// repeated; anything that is no page comes back as it is.
func TestHTMLText(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
		items          int
	}{
		{name: "plain text is no page", in: "一、减轻税负\n（一）落实留抵退税。对<br>符合条件的企业退税。", want: "一、减轻税负\n（一）落实留抵退税。对<br>符合条件的企业退税。"},
		{name: "chrome dropped",
			in: savedPage(`<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul></div>` +
				`<ul><li><a href="/">首页</a></li><li><a href="/b">互动交流</a></li></ul>` +
				`<div class="crumb">您当前的位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/a">政务公开</a></div>` +
				`<h1>关于印发<br>
				若干措施的通知</h1><p>正文第一段。</p><div class="share">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>` +
				`<footer>联系我们 0739-28610001</footer><div id="footer"><p>湘ICP备19004217号-1</p></div><p>网站标识码：4307030013</p>`),
			want: "关于印发若干措施的通知\n正文第一段。"},
		{name: "entities, spans and source whitespace",
			in: savedPage(`<p>&emsp;&emsp;减征&ldquo;六税<span style="color:red">两</span>费&rdquo;&mdash;&mdash;按50%减征，
			    依托&ldquo;柘湾&middot;惠企通&rdquo;平台&#65292;x&nbsp;&nbsp;y and&#32;<b>z</b></p>`),
			want: "减征“六税两费”——按50%减征，依托“柘湾·惠企通”平台，x  y and z"},
		{name: "a <br> inside a sentence joins, one after a sentence or before a label ends a line",
			in: savedPage(`<p><strong>（二）扩大稳岗返还。</strong>返还资金在2022年<br>
				二、三季度拨付到位。<br>申领时间截至年底。</p><p>区政府办公室<br>2022年6月17日</p><p>联系人：张三<br>联系电话：12345</p>`),
			want:  "（二）扩大稳岗返还。返还资金在2022年二、三季度拨付到位。\n申领时间截至年底。\n区政府办公室\n2022年6月17日\n联系人：张三\n联系电话：12345",
			items: 1},
		{name: "a bold sub-heading alone is no measure's title",
			in:   savedPage(`<p><strong>（一）财税支持</strong></p><p><b>（二）落实留抵退税。</b>对符合条件的企业按月退还增量留抵税额。</p>`),
			want: "（一）财税支持\n（二）落实留抵退税。对符合条件的企业按月退还增量留抵税额。", items: 1},
		{name: "a data table: rowspan repeated, <br> in a cell, empty cells, a title row",
			in: savedPage(`<table><tr><td colspan="4">政策咨询联系表</td></tr><tr><th>序号</th><th>责任单位</th><th>联系人</th><th>联系电话</th></tr>` +
				`<tr><td>1</td><td rowspan="3">区税务局</td><td rowspan="2">王&nbsp;丽</td><td rowspan="2">12366</td></tr>` +
				`<tr><td>2</td></tr><tr><td>3</td><td>&nbsp;</td><td>&nbsp;</td></tr>` +
				`<tr><td>4</td><td><p>区发改局</p><p>区财政局</p></td><td>甲<br>乙</td><td>0739-28610355<br>28610488</td></tr></table>`),
			want: "政策咨询联系表\n序号\t责任单位\t联系人\t联系电话\n1\t区税务局\t王 丽\t12366\n2\t区税务局\t王 丽\t12366\n3\t区税务局\t\t\n4\t区发改局、区财政局\t甲、乙\t0739-28610355、28610488"},
		{name: "rows sharing their number are one measure's",
			in: savedPage(`<table><tr><td>序号</td><td>政策条目</td><td>责任单位</td><td>联系电话</td></tr>` +
				`<tr><td rowspan="2">1</td><td rowspan="2">减免租金</td><td>区国资中心</td><td>28617730</td></tr>` +
				`<tr><td>区财政局</td><td>28610472</td></tr><tr><td>2</td><td>贷款贴息</td><td>区金融办</td><td>28619102</td></tr></table>`),
			want: "序号\t政策条目\t责任单位\t联系电话\n1\t减免租金\t区国资中心；区财政局\t28617730；28610472\n2\t贷款贴息\t区金融办\t28619102"},
		{name: "paragraphs split by <br> in one block",
			in: savedPage(`<p>一、减轻税负<br>&emsp;&emsp;<strong>（一）落实留抵退税。</strong>对符合条件的企业按月退还增量留抵税额。<br>` +
				`&emsp;&emsp;<strong>（二）减征六税两费</strong>。对小规模纳税人按50%税额幅度减征。<br><strong>（三）小标题</strong><br>正文很长很长很长很长很长。</p>`),
			want:  "一、减轻税负\n（一）落实留抵退税。对符合条件的企业按月退还增量留抵税额。\n（二）减征六税两费。对小规模纳税人按50%税额幅度减征。\n（三）小标题\n正文很长很长很长很长很长。",
			items: 2},
		{name: "rows without a number under 序号 are dropped: a category, a general hotline",
			in: savedPage(`<p>下表：</p><table><thead><tr><th>序号</th><th>责任单位</th><th>联系电话</th></tr></thead><tbody>` +
				`<tr><td colspan="3">一、财税支持</td></tr><tr><td>1</td><td>区税务局</td><td>12366</td></tr>` +
				`<tr><td colspan="2">其他政策咨询</td><td>12345</td></tr></tbody></table><p>上一篇：<a href="/a">关于某事的通知</a></p><p>相关附件：<a href="/f.doc">联系表.doc</a></p><p>访问量：<span id="c"></span></p>`),
			want: "下表：\n序号\t责任单位\t联系电话\n1\t区税务局\t12366"},
		{name: "a title's number before the bold, bold by style, bold in bold",
			in: savedPage(`<p>（一）<strong>落实留抵退税。</strong>对符合条件的企业按月退还增量留抵税额。</p>` +
				`<p><span style="FONT-WEIGHT: bold">（二）<strong>减征六税两费。</strong></span>对小规模纳税人按50%税额幅度减征。</p>`),
			want:  "（一）落实留抵退税。对符合条件的企业按月退还增量留抵税额。\n（二）减征六税两费。对小规模纳税人按50%税额幅度减征。",
			items: 2},
		{name: "a table holding the article in a cell is the page's layout",
			in:   savedPage(`<table><tr><td>栏目</td><td><p>` + strings.Repeat("正文很长。", 130) + `</p></td></tr><tr><td>甲</td><td>乙</td></tr></table>`),
			want: "栏目\n" + strings.Repeat("正文很长。", 130) + "\n甲\n乙"},
		{name: "a layout table is read as blocks",
			in:   savedPage(`<table><tr><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></td></tr><tr><td>正文。</td></tr></table>`),
			want: "甲\t乙\n丙\t丁\n正文。"},
		{name: "a page without its doctype",
			in:   "<div class=\"article\">\n<h1>关于印发若干措施的通知</h1>\n<p>一、减轻税负</p>\n<p>（一）落实留抵退税。</p>\n<p>（二）减征六税两费。</p>\n<div>正文</div>\n</div>",
			want: "关于印发若干措施的通知\n一、减轻税负\n（一）落实留抵退税。\n（二）减征六税两费。\n正文"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, items := htmlText(tt.in)
			if got != tt.want || items != tt.items {
				t.Errorf("got %d items\n%s\nwant %d\n%s", items, got, tt.items, tt.want)
			}
		})
	}
}

// TestHTMLPage reads the guide saved as a page's HTML source on both
// copies: the head, title and date; every measure in document order under
// its section, clean of markup, 二、三季度 inside its sentence; the
// contacts from the table (TestLayouts checks each against the README);
// nothing of the head, navigation or footer a measure or a phone.
func TestHTMLPage(t *testing.T) {
	dir := "testdata/formats/zhewan-2022-html-page"
	markup := regexp.MustCompile(`[<>]|&[a-z#0-9]+;`)
	for _, file := range []string{"guide.txt", "scrambled-1.txt"} {
		g := mustParseFile(t, filepath.Join(dir, file))
		if len(g.Measures) != 24 || g.MaxNumber() != 24 || len(g.Sections) != 5 {
			t.Errorf("%s: %d measures (highest %d), %d sections", file, len(g.Measures), g.MaxNumber(), len(g.Sections))
		}
		if g.Title != "澧川市柘湾区人民政府办公室关于印发柘湾区助企纾困稳增长若干措施的通知" || g.Issuer != "澧川市柘湾区人民政府办公室" || g.Published != "2022-06-18" {
			t.Errorf("%s: title %q issuer %q published %q", file, g.Title, g.Issuer, g.Published)
		}
		rows := readmeRows(t, dir)
		for _, row := range rows {
			m := g.Measure(row.n)
			if m == nil {
				t.Errorf("%s: measure %d missing", file, row.n)
				continue
			}
			if !strings.HasPrefix(m.Text, row.cells[0]) {
				t.Errorf("%s: measure %d text %q, README %q", file, row.n, m.Text, row.cells[0])
			}
			for _, s := range append([]string{m.Text}, m.Details...) {
				if markup.MatchString(s) || strings.Contains(s, "ICP") || strings.Contains(s, "首页") {
					t.Errorf("%s: measure %d: %q", file, m.Number, s)
				}
			}
			for _, p := range m.Phones() {
				if strings.Contains("4307030013 19004217 43070302000318", p) {
					t.Errorf("%s: measure %d: the footer's number %s", file, m.Number, p)
				}
			}
		}
		if m := g.Measure(12); m == nil || !strings.Contains(strings.Join(m.Details, ""), "返还资金在2022年二、三季度集中拨付到位") {
			t.Errorf("%s: measure 12 lost its sentence", file)
		}
		if m := g.Measure(20); m == nil || len(m.Phones()) != 0 || strings.Join(m.Lead, "、") != "区经信局" {
			t.Errorf("%s: measure 20 (an empty cell): %v", file, m)
		}
		if got := strings.Join(contactLines(g.Measure(4)), "|"); got != "区发改局 贺明轩 0739-28610355|区财政局 梅若兰 28610488" {
			t.Errorf("%s: measure 4 (two pairs in one cell each): %q", file, got)
		}
	}
}
