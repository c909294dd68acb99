package seeds

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// faxPages makes a fax's text: each page opens with a transmission header
// carrying its counter.
func faxPages(pages ...string) string {
	var b strings.Builder
	for i, p := range pages {
		b.WriteString("2022-06-22 09:4" + string(rune('0'+i)) + "  FROM:0556-55201100  TO:0556-55236600   P.00" + string(rune('1'+i)) + "/00" + string(rune('0'+len(pages))) + "\n")
		b.WriteString(p)
		b.WriteString("\n")
	}
	return b.String()
}

// faxCut cuts s after every width CJK characters (an ASCII one half), the
// way a fax's lines are cut.
func faxCut(s string, width int) string {
	var b strings.Builder
	w := 0
	for _, r := range s {
		c := 2
		if r < 0x80 {
			c = 1
		}
		if w+c > 2*width {
			b.WriteString("\n")
			w = 0
		}
		b.WriteRune(r)
		w += c
	}
	return b.String()
}

// TestFaxText: what faxText drops, keeps once, joins and puts right.
func TestFaxText(t *testing.T) {
	// Lines cut at 20 columns (ten CJK characters).
	for _, tt := range []struct {
		name, text string
		want       []string // lines of the output that must be there
		not        []string // substrings that must be gone
		unread     int
		copies     int
	}{
		{name: "headers, footers and noise go; a cut across a page joins",
			text: faxPages(faxCut("　　为帮助中小微企业应对经营困难，经区政府同意，现将我区促进中小微企业平稳发展若干措施的办理部门和联系方式汇总印发，请各单位做好政策宣传和受理工作，企业可直接联系责任单位咨询办理有关事项。", 20)+"\n一、第一部分\n"+faxCut("（一）标题甲。对小微企业给予补贴，按上年度实际缴纳费用的百分之五十给予补贴，最高二十万元。", 20)+"\n·  ·  ,\n"+
				faxCut("责任单位：区财政局；联系人：张三，电话：0556-55201234", 20)+"\n                — 1 —\n",
				faxCut("（二）标题乙。对个体工商户减免房租三个月，对小微企业减免房租六个月，由出租人先行减免后统一申报补贴资金。", 20)+
					"\n_ _ _ _ _\n责任单位：区商务局", "（三）标题丙。长期执行。\n责任单位：区税务局"),
			want: []string{"（一）标题甲。对小微企业给予补贴，按上年度实际缴纳费用的百分之五十给予补贴，最高二十万元。",
				"责任单位：区财政局；联系人：张三，电话：0556-55201234",
				"（二）标题乙。对个体工商户减免房租三个月，对小微企业减免房租六个月，由出租人先行减免后统一申报补贴资金。", "责任单位：区商务局"},
			not: []string{"FROM", "— 1 —", "·", "_ _"}},
		{name: "a cover sheet goes, its sender kept as the source",
			text: faxPages("  传  真  封  面\n收件单位：区直各单位\n发件单位：某区发展和改革局\n经 办 人：王某  电话：0556-55201108",
				"    某区助企纾困措施\n一、第一部分\n（一）标题甲。长期执行。\n责任单位：区财政局；联系人：张三，电话：0556-55201234",
				"（二）标题乙。长期执行。\n经 办 人：王某  电话：0556-55201108\n责任单位：区商务局"),
			want: []string{"某区助企纾困措施", "来源：某区发展和改革局。"},
			not:  []string{"传", "收件单位", "55201108"}},
		{name: "a page sent twice is kept once",
			text:   faxPages("一、第一部分\n（一）标题甲。长期执行。\n责任单位：区财政局", "（二）标题乙。长期执行。\n责任单位：区商务局", "·  ·  ,\n（二）标题乙。长期执行。\n责任单位：区商务局", "（三）标题丙。长期执行。\n责任单位：区税务局"),
			want:   []string{"（二）标题乙。长期执行。", "（三）标题丙。长期执行。"},
			copies: 1},
		{name: "look-alike labels, letters for digits, full-width digits, a second unit's line, a complaint line",
			text: faxPages("一、第一部分\n（一）标题甲。长期执行。\n责仼单位：区财政局；联系入：张三，电话：0556-552lO3l8",
				"（二）标题乙。长期执行。\n责任单位：区商务局；联系人：李四，电话：０５５６－５５２０１２３４\n区农业农村局；联系人：曹某，电话：0556-55282033",
				"（三）标题丙。长期执行。\n投诉举报电话：12345"),
			want: []string{"责任单位：区财政局；联系人：张三，电话：0556-55210318", "责任单位：区商务局；联系人：李四，电话：0556-55201234",
				"责任单位：区农业农村局；联系人：曹某，电话：0556-55282033", "咨询电话：12345"}},
		{name: "the seal's date is the guide's, the seal and a note are reported",
			text: faxPages("    某区助企纾困措施\n一、第一部分\n（一）标题甲。长期执行。\n责任单位：区财政局",
				"（二）标题乙。长期执行。\n责任单位：区商务局",
				"（三）标题丙。长期执行。\n责任单位：区税务局\n\n      ◎某区发■展和*改革局◎\n   2022年6月20日  ※ ＠★\n\n请各单位抓紧落实 6.22"),
			want:   []string{"某区助企纾困措施", "发布日期：2022-06-20"},
			not:    []string{"◎", "6.22"},
			unread: 3},
		{name: "another machine's header: station first, Chinese date, 第n页/共m页",
			text: "某区财政局 FAX:0556-55201100  2022年06月22日 09:47  第1页/共3页\n一、第一部分\n（一）标题甲。长期执行。\n责任单位：区财政局\n" +
				"某区财政局 FAX:0556-55201100  2022年06月22日 09:48  第2页/共3页\n（二）标题乙。长期执行。\n责任单位：区商务局\n" +
				"某区财政局 FAX:0556-55201100  2022年06月22日 09:49  第3页/共3页\n（三）标题丙。长期执行。\n责任单位：区税务局\n",
			want: []string{"（二）标题乙。长期执行。", "责任单位：区税务局"},
			not:  []string{"FAX", "第2页"}},
		{name: "the piece of a sentence a page sent twice left at the break goes; a clause two sentences share stays",
			text: faxPages("一、第一部分\n（一）标题甲。对暂时无法正常生产经营的中小微企业，按每名职工五百元发放补助。\n责任单位：区财政局",
				"（二）标题乙。中小微企业，按每名职工五百元发放补\n（三）标题丙。对企业给予奖励，申请截止2022年12月31日。\n责任单位：区商务局",
				"（四）标题丁。对个体工商户给予补贴。\n申请截止2022年12月31日。\n责任单位：区税务局"),
			want:   []string{"（二）标题乙。", "申请截止2022年12月31日。"},
			not:    []string{"发放补\n"},
			copies: 1},
		{name: "a header with a measure's number glued after it",
			text: faxPages("一、第一部分\n（一）标题甲。长期执行。\n责任单位：区财政局", "（二）标题乙。长期执行。\n责任单位：区商务局") +
				"2022-06-22 09:49  FROM:0556-55201100  TO:0556-55236600   P.003/003（三）标题丙。长期执行。\n责任单位：区税务局\n",
			want: []string{"（三）标题丙。长期执行。"},
			not:  []string{"P.003"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, unread, copies := faxText(tt.text)
			lines := strings.Split(got, "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || strings.TrimSpace(l) == w
				}
				if !found {
					t.Errorf("no line %q in\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%q left in\n%s", n, got)
				}
			}
			if len(unread) != tt.unread || len(copies) != tt.copies {
				t.Errorf("%d unread %v, %d copies", len(unread), unread, len(copies))
			}
		})
	}
}

// TestFaxTextLeavesOthers: a text with fewer than three headers, or one
// page's, is no fax.
func TestFaxTextLeavesOthers(t *testing.T) {
	for _, text := range []string{
		"一、第一部分\n（一）标题甲。长期执行。\n责任单位：区财政局\n",
		"2022-06-22 09:40  FROM:0556-55201100   P.001/002\n（一）标题甲。\n2022-06-22 09:41  FROM:0556-55201100   P.002/002\n（二）标题乙。\n",
		"2022-06-22 09:40  P.001/001\n（一）甲。\n2022-06-22 09:40  P.001/001\n（二）乙。\n2022-06-22 09:40  P.001/001\n",
	} {
		if got, _, _ := faxText(text); got != text {
			t.Errorf("changed:\n%s\n→\n%s", text, got)
		}
	}
}

// TestFaxGuide reads the fax format guide and its corrupted copy: every
// measure's contacts as its README lists them, the cover's sender as the
// issuer, the seal's date, the area code stated at the end.
func TestFaxGuide(t *testing.T) {
	want := map[int][]string{
		1:  {"区税务局 财产和行为税科 温可欣 0739-86612208"},
		2:  {"区社会保险服务中心 邹明轩 0739-86615527"},
		5:  {"区金融工作服务中心 蒋晓峰 0739-86617045"},
		6:  {"区金融工作服务中心 蒋晓峰 0739-86617045", "区财政局 金融股 卢婉清 0739-86611136"},
		8:  {"12345"},
		11: {"区人社局 职业能力建设股 甘子墨 0739-86619248"},
		12: {"区工业和信息化局 裴思远 86614405"},
	}
	dir := "testdata/formats/chengxi-2022-fax"
	for _, name := range []string{"guide.txt", "scrambled-1.txt"} {
		t.Run(name, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join(dir, name))
			if g.Issuer != "澄溪区发展和改革局" || g.Published != "2022-07-04" || g.AreaCode != "0739" || g.Title != "澄溪区促进中小微企业平稳发展若干措施办理指引" {
				t.Errorf("title %q issuer %q published %q area code %q", g.Title, g.Issuer, g.Published, g.AreaCode)
			}
			// The corrupted copy loses a heading.
			if len(g.Measures) != 12 || g.MaxNumber() != 12 || len(g.Sections) < 2 {
				t.Errorf("%d measures (highest %d), %d sections", len(g.Measures), g.MaxNumber(), len(g.Sections))
			}
			for n, w := range want {
				m := g.Measure(n)
				if m == nil {
					t.Fatalf("measure %d missing", n)
				}
				if name != "guide.txt" && len(m.Contacts) == 0 {
					// The corrupted copy may withhold a block its place
					// alone gives (see unsettled); never another's.
					continue
				}
				if got := contactLines(m); !reflect.DeepEqual(got, w) {
					t.Errorf("measure %d: contacts %q, want %q", n, got, w)
				}
			}
			if name == "guide.txt" {
				r := g.Report
				if len(r.MissingText)+len(r.MissingContact)+len(r.Headings) > 0 || len(r.Unread) != 3 {
					t.Errorf("missing text %v, contact %v, headings %v; unread %v", r.MissingText, r.MissingContact, r.Headings, r.Unread)
				}
			}
		})
	}
}
