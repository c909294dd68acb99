package seeds

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBooklet reads the PDF booklet (issue 20): the 目录's titles are no
// measures, the unnumbered 【政策名称】 entries are numbered 1–21 in the
// order of the text, no measure's text or detail holds page furniture
// (running head, page number, footnote marker or footnote), a name keeps
// the body's wording (not the TOC's shorter one), and each footnote's
// contact goes to every measure whose marker points to it: on the same
// page, shared by several measures, two markers on one measure, and a
// footnote continued on the next page (接上页). The appendix of service
// windows gives no measure and no measure's contact.
func TestBooklet(t *testing.T) {
	dir := "testdata/formats/meiling-2022-booklet"
	g := mustParseFile(t, filepath.Join(dir, "guide.txt"))
	if len(g.Measures) != 21 || g.MaxNumber() != 21 || g.Issuer != "梅岭区人民政府办公室" || g.Published != "2022-07-08" {
		t.Fatalf("%d measures (highest %d), issuer %q, published %q", len(g.Measures), g.MaxNumber(), g.Issuer, g.Published)
	}
	furniture := regexp.MustCompile(`汇编（2022年版）|- \d+ -|[①-⑳]|\[注\d|咨询：|————|…`)
	for _, m := range g.Measures {
		for _, s := range append([]string{m.Text}, m.Details...) {
			if furniture.MatchString(s) {
				t.Errorf("measure %d: page furniture in %q", m.Number, s)
			}
		}
	}
	rows := readmeRows(t, dir)
	for _, row := range rows {
		if m := g.Measure(row.n); m == nil || !strings.HasPrefix(m.Text, row.cells[0]+"：") {
			t.Errorf("measure %d does not open with its name %q", row.n, row.cells[0])
		}
	}
	for _, tt := range []struct {
		n    int
		want []string
	}{
		// The TOC's title is shorter; the footnote [注1] on its page.
		{1, []string{"区国资办 产权科 冯晓岚 0793-6235206"}},
		// Two markers ①② at the end of the deadline, on the next page.
		{6, []string{"区住建局 建筑业科 伍志强 62358012", "区人社局 社保征缴科 姜立华 62351377"}},
		// ② shared with measure 6.
		{7, []string{"区人社局 社保征缴科 姜立华 62351377"}},
		// Three measures, one footnote [注1].
		{8, []string{"区人社局 就业促进科 罗思源 62351390"}},
		{10, []string{"区人社局 就业促进科 罗思源 62351390"}},
		// Two units in one footnote, wrapped onto a second line.
		{11, []string{"区金融办 融资服务科 顾明远 0793-6235512", "区财政局 企业科 杜文清 0793-6235118"}},
		{13, []string{"区金融办 融资服务科 顾明远 0793-6235512", "区财政局 企业科 杜文清 0793-6235118"}},
		// The footnote stands on the next page: （接上页注2）.
		{16, []string{"区文旅局 产业科 凌月华 62357745"}},
		{19, []string{"区政务服务中心 企业服务专区 12345"}},
		// No marker; the appendix's windows are no one's contact.
		{21, []string{}},
	} {
		if got := contactLines(g.Measure(tt.n)); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("measure %d: contacts %q, want %q", tt.n, got, tt.want)
		}
	}
	// The steps of a 办理流程 and the deadline stay with their measure.
	if m := g.Measure(12); len(m.Details) != 5 || !strings.HasPrefix(m.Details[4], "执行期限：长期") {
		t.Errorf("measure 12 details %q", m.Details)
	}
}

// TestBookletUnchanged: text without 【政策名称】 entries comes back as is.
func TestBookletUnchanged(t *testing.T) {
	for _, s := range []string{
		"甲。\n- 1 -\n乙。\n- 2 -\n",
		"【政策名称】甲\n【政策内容】乙。\n- 1 -\n",
	} {
		if got := normalizeBooklet(s); got != s {
			t.Errorf("rewritten: %q", got)
		}
	}
}

// TestFootnoteDuty: a footnote's units, departments, people and phones,
// one duty block per unit, whatever separates the units.
func TestFootnoteDuty(t *testing.T) {
	for _, tt := range []struct{ note, want string }{
		{"咨询：区财政局 企业科 陈某某 0793-6235118", "责任单位：区财政局 企业科（联系人：陈某某）|咨询电话：0793-6235118"},
		{"咨询电话：区税务局 12366", "责任单位：区税务局|咨询电话：12366"},
		{"咨询：区金融办 顾某 62355120；区财政局 企业科 62351180、12345", "责任单位：区金融办（联系人：顾某）|咨询电话：62355120|责任单位：区财政局 企业科|咨询电话：62351180、12345"},
		{"联系方式：区商务局 祁某 0793-6235730，区文旅局 凌某 62357745", "责任单位：区商务局（联系人：祁某）|咨询电话：0793-6235730|责任单位：区文旅局（联系人：凌某）|咨询电话：62357745"},
		{"（接上页注2）咨询：区文旅局 产业科 62357745", "责任单位：区文旅局 产业科|咨询电话：62357745"},
		{"区商务局流通科，祁某，0793-6235730", "责任单位：区商务局流通科（联系人：祁某）|咨询电话：0793-6235730"},
		{"本表所列政策以原文为准", ""},
	} {
		if got := strings.Join(footnoteDuty(tt.note), "|"); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.note, got, tt.want)
		}
	}
}

func TestBookletDate(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"2022年7月8日", "2022-07-08"},
		{"二〇二二年七月十八日", "2022-07-18"},
		{"二〇二二年七月", ""},
		{"2022年7月8日起施行", ""},
	} {
		if got := bookletDate(tt.line); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestPagesRise: page numbers that count up (with a gap, or starting
// again after a TOC or the front matter) are in order; a number going back
// or repeated is a corrupted copy's.
func TestPagesRise(t *testing.T) {
	for _, tt := range []struct {
		pages []int
		want  bool
	}{
		{[]int{1, 2, 3, 5}, true},
		{[]int{1, 2, 1, 2, 3}, true},
		{[]int{1, 1, 2, 1, 2, 3}, true},
		{[]int{2, 1, 4, 2, 3}, false},
		{[]int{1, 2, 2, 3}, false},
	} {
		var lines []string
		for _, n := range tt.pages {
			lines = append(lines, "正文。", fmt.Sprintf("- %d -", n))
		}
		if got := pagesRise(lines); got != tt.want {
			t.Errorf("%v: %v", tt.pages, got)
		}
	}
}

// TestBookletShapes: a part heading whose title is on the next line, a
// marker before the line's last 。, a footnote continued on the next page
// for a marker whose page has none, an appendix line "附件" alone, a notice
// title over two lines and a TOC whose lines were run together.
func TestBookletShapes(t *testing.T) {
	text := strings.Join([]string{
		"汇编",
		"目　录",
		"第一部分　税费……1一、甲措施……1二、乙措施……1",
		"某区人民政府办公室关于印发《某区惠企政策汇编》的",
		"通知",
		"二〇二二年六月十日",
		"- 1 -",
		"汇编",
		"第一部分",
		"税费支持",
		"【政策名称】甲措施",
		"【政策内容】甲的内容①。",
		"【政策名称】乙措施②",
		"【政策内容】乙的内容。",
		"————",
		"①咨询：区财政局 企业科 陈某 0793-6235118",
		"- 2 -",
		"汇编",
		"【政策名称】丙措施",
		"【政策内容】丙的内容。",
		"————",
		"（接上页注②）咨询：区税务局 12366",
		"- 3 -",
		"附件",
		"服务网点",
		"1．区政务服务中心，电话62350000。",
	}, "\n")
	got := normalizeBooklet(text)
	want := strings.Join([]string{
		"某区人民政府办公室关于印发《某区惠企政策汇编》的通知",
		"发布日期：2022-06-10",
		"一、税费支持",
		"1. 甲措施",
		"政策内容：甲的内容。",
		"责任单位：区财政局 企业科（联系人：陈某）",
		"咨询电话：0793-6235118",
		"2. 乙措施",
		"政策内容：乙的内容。",
		"责任单位：区税务局",
		"咨询电话：12366",
		"3. 丙措施",
		"政策内容：丙的内容。",
		"二、服务网点",
		"1．区政务服务中心，电话62350000。",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestBookletAppendixPhones: service windows written one field a line
// ("一、…" then 地址 / 办公时间 / 咨询电话 lines) give no measure and no
// measure's contact; the last measure, which has no footnote, keeps none.
func TestBookletAppendixPhones(t *testing.T) {
	b, err := os.ReadFile("testdata/formats/meiling-2022-booklet/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	i := strings.Index(src, "附件：政策咨询服务网点")
	if i < 0 {
		t.Fatal("no appendix")
	}
	src = src[:i] + strings.Join([]string{"附件：政策咨询服务网点", "",
		"一、区政务服务中心企业服务专区", "地址：梅岭区滨江大道166号", "办公时间：工作日8:30—17:30", "咨询电话：0793-6235000",
		"二、区税务局办税服务厅", "地址：梅岭区建设路28号", "联系人：张某 联系电话：62350366", "- 12 -", ""}, "\n")
	g, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Measures) != 21 || g.MaxNumber() != 21 {
		t.Errorf("%d measures (highest %d)", len(g.Measures), g.MaxNumber())
	}
	if m := g.Measure(21); len(m.Contacts) != 0 {
		t.Errorf("measure 21: contacts %q", contactLines(m))
	}
}
