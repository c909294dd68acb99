package seeds

import (
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
