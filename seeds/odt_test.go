package seeds

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// odtSample is a small content.xml: a tracked deletion before the body, an
// issue line with a tab and change marks, the notice's title (no Title
// style), a list before the measures (L9), measures of L2 split by
// headings and continued by continue-list and continue-numbering, a
// restarted list with a start value, a nested list, a comment, spaces,
// a soft page break, a 责任单位 paragraph, a 保障措施 list (L4, （一）) and a
// table with a row span, a covered cell, two phones and a measure column.
const odtSample = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
	`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">` +
	`<office:automatic-styles><style:style style:name="P11" style:family="paragraph" style:list-style-name="L2"/>` +
	`<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/><text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="1"/></text:list-style>` +
	`<text:list-style style:name="L4"><text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/></text:list-style>` +
	`<text:list-style style:name="L9"><text:list-level-style-number text:level="1" style:num-suffix="）" style:num-format="a"/></text:list-style></office:automatic-styles>` +
	`<office:body><office:text><text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>甲</dc:creator></office:change-info><text:p>6月1日</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
	`<text:p>某区人民政府办公室文件</text:p><text:p>某区人民政府办公室<text:tab/>2022年<text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>6月8日<text:change-end text:change-id="ct2"/>印发</text:p>` +
	`<text:p>某区人民政府办公室关于印发某区措施的通知</text:p>` +
	`<text:list text:style-name="L9"><text:list-item><text:p>中小微企业；</text:p></text:list-item></text:list>` +
	`<text:h text:outline-level="1"><text:bookmark-start text:name="_Toc1"/>一、税费<text:bookmark-end text:name="_Toc1"/></text:h>` +
	`<text:list xml:id="list1" text:style-name="L2"><text:list-item><text:p text:style-name="P11"><text:span>减免房产税。</text:span>对小微企业减免<text:span>房产</text:span>税<text:soft-page-break/>和土地使用税。<text:line-break/><text:span>责任单位：</text:span>区税务局</text:p></text:list-item>` +
	`<text:list-item><text:p text:style-name="P11">缓缴社保费。对特困行业缓缴<office:annotation><dc:creator>乙</dc:creator><text:p>原为3个月</text:p></office:annotation>6个月。</text:p>` +
	`<text:list><text:list-item><text:p>餐饮企业；</text:p></text:list-item><text:list-item><text:p>零售企业。</text:p></text:list-item></text:list>` +
	`<text:p>责任单位：区人社局</text:p></text:list-item></text:list>` +
	`<text:h text:outline-level="1">二、就业</text:h>` +
	`<text:list text:style-name="L2" text:continue-list="list1"><text:list-item><text:p>发放扩岗补助。对招用高校毕业生的企业按每人1500元补助。<text:line-break/>责任单位：区人社局</text:p></text:list-item></text:list>` +
	`<text:list text:style-name="L2" text:continue-numbering="true"><text:list-item><text:p>补贴出口信保。对外贸企业保费全额补贴。<text:line-break/>责任单位：区贸促会</text:p></text:list-item></text:list>` +
	`<text:list text:style-name="L9"><text:list-item text:start-value="3"><text:p>别的清单</text:p></text:list-item></text:list>` +
	`<text:h text:outline-level="1">三、保障措施</text:h>` +
	`<text:list text:style-name="L4"><text:list-item><text:p>加强组织领导。各单位要抓好落实。</text:p></text:list-item><text:list-item><text:p>强化宣传。拨打12345咨询。</text:p></text:list-item></text:list>` +
	`<text:p>附件</text:p><table:table><table:table-column table:number-columns-repeated="5"/>` +
	`<table:table-header-rows><table:table-row><table:table-cell><text:p>责任单位</text:p></table:table-cell><table:table-cell><text:p>联系科室</text:p></table:table-cell><table:table-cell><text:p>联系人</text:p></table:table-cell><table:table-cell><text:p>联系电话</text:p></table:table-cell><table:table-cell><text:p>对应措施</text:p></table:table-cell></table:table-row></table:table-header-rows>` +
	`<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>区人社局</text:p></table:table-cell><table:table-cell><text:p>就业股</text:p></table:table-cell><table:table-cell><text:p>王<text:s text:c="2"/>五</text:p></table:table-cell><table:table-cell><text:p>0451-861<text:span>2903</text:span><text:line-break/>13912345678</text:p></table:table-cell><table:table-cell><text:p>3</text:p></table:table-cell></table:table-row>` +
	`<text:soft-page-break/><table:table-row><table:covered-table-cell/><table:table-cell><text:p>社保股</text:p></table:table-cell><table:table-cell><text:p>赵六</text:p></table:table-cell><table:table-cell><text:p>0451-8612911</text:p></table:table-cell><table:table-cell><text:p>2</text:p></table:table-cell></table:table-row>` +
	`<table:table-row><table:table-cell><text:p>区税务局</text:p></table:table-cell><table:table-cell><text:p>征管科</text:p></table:table-cell><table:table-cell><text:p>钱七</text:p></table:table-cell><table:table-cell><text:p>0451-8612366</text:p></table:table-cell><table:table-cell><text:p>1</text:p></table:table-cell></table:table-row>` +
	`<table:table-row><table:table-cell><text:p>区贸促会</text:p></table:table-cell><table:table-cell><text:p>综合科</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p><text:a xlink:href="mailto:mq@163.com">mq@163.com</text:a></text:p></table:table-cell><table:table-cell><text:p>4</text:p></table:table-cell></table:table-row>` +
	`</table:table></office:text></office:body></office:document-content>`

func TestODTText(t *testing.T) {
	out, points, unread, copies := odtText(odtSample)
	want := "某区人民政府办公室关于印发某区措施的通知\n发布日期：2022-06-08\n" +
		"某区人民政府办公室文件\n某区人民政府办公室　　2022年6月8日印发\n" +
		"a）中小微企业；\n" +
		"一、税费\n1.减免房产税。对小微企业减免房产税和土地使用税。（责任单位：区税务局）\n" +
		"2.缓缴社保费。对特困行业缓缴6个月。\n（1）餐饮企业；\n（2）零售企业。（责任单位：区人社局）\n" +
		"二、就业\n3.发放扩岗补助。对招用高校毕业生的企业按每人1500元补助。（责任单位：区人社局）\n" +
		"4.补贴出口信保。对外贸企业保费全额补贴。（责任单位：区贸促会）\n" +
		"c）别的清单\n" +
		"三、保障措施\n（一）加强组织领导。各单位要抓好落实。\n（二）强化宣传。拨打12345咨询。\n附件\n" +
		"序号\t政策措施\t责任单位\t联系科室\t联系人\t联系电话\n" +
		"1\t/\t区税务局\t征管科\t钱七\t0451-8612366\n" +
		"2\t/\t区人社局\t社保股\t赵六\t0451-8612911\n" +
		"3\t/\t区人社局\t就业股\t王  五\t0451-8612903、13912345678\n" +
		"4\t/\t区贸促会\t综合科\t/\tmq@163.com\n"
	if out != want {
		t.Errorf("read as\n%s\nwant\n%s", out, want)
	}
	if !reflect.DeepEqual(points, []string{"（一）加强组织领导。各单位要抓好落实。", "（二）强化宣传。拨打12345咨询。"}) || len(unread) > 0 || copies != nil {
		t.Errorf("sub-points %q, unread %v, copies %v", points, unread, copies)
	}
	g := parseText(odtSample)
	if len(g.Measures) != 4 || g.Title != "某区人民政府办公室关于印发某区措施的通知" || g.Issuer != "某区人民政府办公室" || g.Published != "2022-06-08" {
		t.Fatalf("%d measures, title %q, issuer %q, published %q", len(g.Measures), g.Title, g.Issuer, g.Published)
	}
	for n, want := range map[int][]string{
		1: {"区税务局 征管科 钱七 0451-8612366"},
		2: {"区人社局 社保股 赵六 0451-8612911"},
		3: {"区人社局 就业股 王五 0451-8612903、13912345678"},
		4: {"区贸促会 综合科 mq@163.com"},
	} {
		if m := g.Measure(n); m == nil || !reflect.DeepEqual(contactLines(m), want) {
			t.Errorf("measure %d: %+v, want %q", n, m, want)
		}
	}
	if m := g.Measure(2); m == nil || m.Text != "缓缴社保费。" || strings.Join(m.Lead, "、") != "区人社局" || strings.Contains(strings.Join(m.Details, ""), "3个月") {
		t.Errorf("measure 2: %+v", m)
	}
}

// TestODTTextOther: a text that is no OpenDocument text comes back
// unchanged: plain text, a Word document.xml, another XML document.
func TestODTTextOther(t *testing.T) {
	for _, s := range []string{"", "1. 甲。\n责任单位：区甲局", docxSample, xmlSample, "<text:p>", `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text></office:text></office:body></office:document-content>`} {
		if got, points, _, copies := odtText(s); got != s || points != nil || copies != nil {
			t.Errorf("%q read as %q", Clip(s, 30), Clip(got, 60))
		}
	}
}

// TestODTTextDamaged: a damaged document reads what it holds: cut short
// inside the table, a bad token, end tags that match nothing.
func TestODTTextDamaged(t *testing.T) {
	cut := odtSample[:strings.Index(odtSample, "<text:p>赵六")]
	out, _, _, _ := odtText(cut)
	if !strings.Contains(out, "4.补贴出口信保。") || !strings.Contains(out, "区人社局\t就业股") {
		t.Errorf("cut document read as\n%s", out)
	}
	bad := strings.Replace(odtSample, "<text:p>发放扩岗补助。", "<text:p>发放扩岗补助。</text:x></text:pp><<1 & 2>", 1)
	out, _, unread, _ := odtText(bad)
	if !strings.Contains(out, "3.发放扩岗补助。") || !strings.Contains(out, "4.补贴出口信保。") || len(unread) == 0 {
		t.Errorf("damaged document read as\n%s\nunread %v", out, unread)
	}
}

// TestODTNumbering: a list restarts unless it continues one; start values
// of the style and of an item; nested levels counted within their item;
// the measures' list is the one with the substantial items, whatever its
// style's name; other formats as their styles write them.
func TestODTNumbering(t *testing.T) {
	doc := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:automatic-styles>` +
		`<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="1" text:start-value="5"/><text:list-level-style-number text:level="2" style:num-format="①, ②, ③, ..."/></text:list-style>` +
		`<text:list-style style:name="L7"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/></text:list-style>` +
		`<text:list-style style:name="L8"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style></office:automatic-styles>` +
		`<office:body><office:text><text:h text:outline-level="1">一、甲</text:h>` +
		`<text:list text:style-name="L7"><text:list-item><text:p>短</text:p></text:list-item></text:list>` +
		`<text:list text:style-name="L1"><text:list-item><text:p>对小微企业减免房产税和城镇土地使用税。</text:p><text:list><text:list-item><text:p>子一</text:p></text:list-item><text:list-item><text:p>子二</text:p></text:list-item></text:list></text:list-item>` +
		`<text:list-item><text:p>对个体工商户减免六个月的房屋租金。</text:p><text:list><text:list-item><text:p>子三</text:p></text:list-item></text:list></text:list-item></text:list>` +
		`<text:list text:style-name="L1"><text:list-item><text:p>重新编号的清单里面的第一个条目。</text:p></text:list-item></text:list>` +
		`<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item text:start-value="9"><text:p>从九开始编号的清单里面的条目。</text:p></text:list-item></text:list>` +
		`<text:list text:style-name="L7"><text:list-item><text:p>短二</text:p></text:list-item></text:list>` +
		`<text:list text:style-name="L8"><text:list-item><text:p>圆点</text:p></text:list-item></text:list>` +
		`</office:text></office:body></office:document-content>`
	out, _, _, _ := odtText(doc)
	want := "一、甲\nI.短\n5、对小微企业减免房产税和城镇土地使用税。\n①子一\n②子二\n6、对个体工商户减免六个月的房屋租金。\n①子三\n" +
		"5、重新编号的清单里面的第一个条目。\n9、从九开始编号的清单里面的条目。\nI.短二\n圆点\n"
	if out != want {
		t.Errorf("read as\n%s\nwant\n%s", out, want)
	}
}

// TestODTGuide: the format guide, every measure's lead units and contacts
// exactly (from the 对应措施 column), the head, the sections, the
// sub-points and the closing section.
func TestODTGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/fengqiao-2022-odt/guide.txt")
	if g.Title != "岚川市枫桥区人民政府办公室关于印发《枫桥区助企纾困激发市场活力若干措施》的通知" || g.Issuer != "岚川市枫桥区人民政府办公室" || g.Published != "2022-06-23" {
		t.Errorf("title %q, issuer %q, published %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 27 || len(g.Sections) != 6 || len(g.Subsections) != 3 || len(g.Report.MissingText)+len(g.Report.MissingContact)+len(g.Report.Unread) > 0 {
		t.Fatalf("%d measures, %d sections, %d subsections; report %+v", len(g.Measures), len(g.Sections), len(g.Subsections), g.Report)
	}
	contacts := map[int][]string{
		1:  {"区税务局 货物和劳务税科 韦海澜 0738-5213360"},
		2:  {"区税务局 货物和劳务税科 韦海澜 0738-5213360", "区财政局 预算股 覃立新 0738-5226018"},
		3:  {"区税务局 所得税科 蒙小川 0738-5213371"},
		4:  {"纳税缴费服务热线 12366"},
		5:  {"区税务局 货物和劳务税科 韦海澜 0738-5213360", "区财政局 预算股 覃立新 0738-5226018"},
		6:  {"区财政局 国库股 黎雪梅 5226033"},
		7:  {"区税务局 所得税科 蒙小川 0738-5213371", "区人社局 劳动就业股 莫振华 0738-5231190、13907381126"},
		8:  {"区人社局 社会保险股 农晓燕 0738-5231205"},
		9:  {"区人社局 社会保险股 农晓燕 0738-5231205", "区住房公积金管理部 归集科 韦丽 0738-5240117"},
		10: {"区财政局 国库股 黎雪梅 5226033", "区国资中心 资产管理股 黄启明 0738-5252216"},
		11: {"区税务局 所得税科 蒙小川 0738-5213371", "区国资中心 资产管理股 黄启明 0738-5252216"},
		12: {"区财政局 国库股 黎雪梅 5226033", "区市场监管局 登记注册股 甘子豪 0738-5261129"},
		13: {"区发改局 价格股 廖春生 5270348", "区燃气服务中心 抢修服务热线（24小时） 0738-5289119"},
		14: {"区工信局 运行监测股 潘文杰 13807385521"},
		15: {"区财政局 预算股 覃立新 0738-5226018", "区金融办 吴晓晴 0738-5290056"},
		16: {"区金融办 吴晓晴 0738-5290056"},
		17: {"区金融办 吴晓晴 0738-5290056", "区融资担保公司 业务一部 岑国栋 13974381207"},
		18: {"区财政局 预算股 覃立新 0738-5226018", "区金融办 吴晓晴 0738-5290056"},
		19: {"区农商银行 普惠金融部 陆海峰 0738-5301187"},
		20: {"区商务局 商贸流通股 宁婷婷 0738-5312240"},
		21: {"区商务局 商贸流通股 宁婷婷 0738-5312240"},
		22: {"区商务局 商贸流通股 宁婷婷 0738-5312240", "区交通运输局 运输管理股 覃振宇 0738-5334472"},
		23: {"区市场监管局 登记注册股 甘子豪 0738-5261129", "区文旅体局 旅游股 梁思远 0738-5323361"},
		24: {"区商务局 外贸股 fqswjwmg@163.com"},
		25: {"区人社局 劳动就业股 莫振华 0738-5231190、13907381126"},
		26: {"区人社局 劳动就业股 莫振华 0738-5231190、13907381126"},
		27: {"区财政局 国库股 黎雪梅 5226033", "区就业服务中心 创业服务股 杨柳青 13607385590"}}
	leads := []string{"区税务局", "区税务局、区财政局", "区税务局", "纳税缴费服务热线", "区财政局、区税务局", "区财政局",
		"区人社局、区税务局", "区人社局", "区住房公积金管理部、区人社局", "区国资中心、区财政局", "区国资中心、区税务局", "区市场监管局、区财政局",
		"区发改局、区燃气服务中心", "区工信局", "区金融办、区财政局", "区金融办", "区融资担保公司、区金融办", "区金融办、区财政局", "区农商银行",
		"区商务局", "区商务局", "区商务局、区交通运输局", "区文旅体局、区市场监管局", "区商务局", "区人社局", "区人社局", "区就业服务中心、区财政局"}
	for n := 1; n <= 27; n++ {
		m := g.Measure(n)
		if m == nil {
			t.Errorf("measure %d missing", n)
			continue
		}
		got := contactLines(m)
		slices.Sort(got)
		want := slices.Sorted(slices.Values(contacts[n]))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("measure %d: contacts %q, want %q", n, got, want)
		}
		if lead := strings.Join(m.Lead, "、"); lead != leads[n-1] {
			t.Errorf("measure %d: lead %q, want %q", n, lead, leads[n-1])
		}
	}
	for n, d := range map[int]int{9: 2, 11: 2, 1: 1, 15: 1, 27: 1} {
		if m := g.Measure(n); len(m.Details) != d {
			t.Errorf("measure %d: details %q", n, m.Details)
		}
	}
	// The tracked deletions, the comment and 12345 are nobody's.
	for _, m := range g.Measures {
		all := m.Text + strings.Join(m.Details, "")
		for _, no := range []string{"9月30日", "6月20日", "0738-5252299", "核实", "12345"} {
			if strings.Contains(all, no) || slices.ContainsFunc(contactLines(&m), func(c string) bool { return strings.Contains(c, no) }) {
				t.Errorf("measure %d holds %s", m.Number, no)
			}
		}
	}
	if m := g.Measure(15); !strings.Contains(m.Details[0], "2022年12月31日前到期") {
		t.Errorf("measure 15: %q", m.Details)
	}
	if m := g.Measure(11); !strings.HasPrefix(m.Details[1], "（1）减免租金1个月的") {
		t.Errorf("measure 11: %q", m.Details)
	}
	if s := g.Section(6); s == nil || s.Title != "保障措施" || !strings.Contains(s.Text, "12345") {
		t.Errorf("section 6: %+v", s)
	}
}

// TestODTScrambled: the format guide's corrupted copy (cut at 。 inside
// text:p, pieces copied ahead of their places) reads as the clean guide:
// the head, every measure's text, units and contacts; one moved piece
// takes measure 9's two follow-ups to measure 8.
func TestODTScrambled(t *testing.T) {
	dir := "testdata/formats/fengqiao-2022-odt"
	want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, filepath.Join(dir, "scrambled-1.txt"))
	if got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published || len(got.Measures) != len(want.Measures) {
		t.Fatalf("scrambled: %q %q %q, %d measures (clean %d)", got.Title, got.Issuer, got.Published, len(got.Measures), len(want.Measures))
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil || !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !reflect.DeepEqual(m.Lead, w.Lead) || m.Text != w.Text {
			t.Errorf("measure %d: %+v, clean %+v", w.Number, m, w)
		}
		if w.Number != 8 && w.Number != 9 && !reflect.DeepEqual(m.Details, w.Details) {
			t.Errorf("measure %d: details %q, clean %q", w.Number, m.Details, w.Details)
		}
	}
	if len(got.Report.Duplicates) == 0 {
		t.Errorf("no copies reported")
	}
}

// TestODTTitle: the notice's title is the first paragraph before the
// first heading that reads as one, its 文号 after it or not.
func TestODTTitle(t *testing.T) {
	for _, s := range []string{"某区人民政府办公室关于印发某区措施的通知", "《某区人民政府办公室关于印发〈某区措施〉的通知》（某政办发〔2022〕41号）"} {
		if !odtTitle.MatchString(s) {
			t.Errorf("%s: no title", s)
		}
	}
	for _, s := range []string{"各乡镇人民政府、街道办事处：", "（此件公开发布）", "某区人民政府办公室文件"} {
		if odtTitle.MatchString(s) {
			t.Errorf("%s: a title", s)
		}
	}
}
