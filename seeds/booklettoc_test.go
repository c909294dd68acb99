package seeds

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// TestBookletTOC reads a 目录 whose lines a corrupted copy ran together,
// with a title wrapped onto the next line, titles numbered anew in each
// part, a line lost (an ordinal skipped) and entries that are no measures
// (前言, 附件).
func TestBookletTOC(t *testing.T) {
	lines := []string{
		"目　　录",
		"前言……………1",
		"第一部分　税费减免……………3一、减免国有房屋租金……………3二、房产税和城镇土地使用税困",
		"　　难减免……………3",
		"第二部分　稳岗就业……………5二、失业保险稳岗返还……………6",
		"附件：服务网点……………12",
		"",
		"正文开始。",
		"第三部分　不在目录里……………9",
	}
	var got []string
	for _, e := range bookletTOC(lines) {
		got = append(got, fmt.Sprintf("%c%d.%d@%d %s", e.kind, e.part, e.ord, e.page, e.title))
	}
	want := []string{"o0.0@1 前言", "p1.0@3 税费减免", "m1.1@3 减免国有房屋租金", "m1.2@3 房产税和城镇土地使用税困难减免",
		"p2.0@5 稳岗就业", "m2.2@6 失业保险稳岗返还", "o2.0@12 附件：服务网点"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestTOCOrder: body entries out of the 目录's order are numbered by it: a
// shortened 目录 title matches by its characters, a measure the 目录 lacks
// fills the ordinal it skips, each part's heading goes before the part's
// first measure, and an order that is the 目录's already comes back as is.
func TestTOCOrder(t *testing.T) {
	toc := bookletTOC([]string{
		"第一部分　税费……1一、减免国有房屋租金……1二、乙措施……1",
		"第二部分　就业……2二、丁措施……2三、戊措施……2",
	})
	f := [][2]string{{"政策内容", "x"}}
	mk := func(titles ...string) []*bookletMeasure {
		var out []*bookletMeasure
		for _, s := range titles {
			if strings.Contains(s, "、") {
				out = append(out, &bookletMeasure{title: s, part: ParseNumeral(s[:strings.Index(s, "、")])})
				continue
			}
			out = append(out, &bookletMeasure{title: s, fields: f})
		}
		return out
	}
	titles := func(ms []*bookletMeasure) string {
		var s []string
		for _, m := range ms {
			s = append(s, m.title)
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct{ in, want string }{
		{"一、税费 乙措施 减免小微企业和个体工商户国有房屋租金 二、就业 戊措施 丙措施 丁措施",
			"一、税费 减免小微企业和个体工商户国有房屋租金 乙措施 二、就业 丙措施 丁措施 戊措施"},
		{"一、税费 减免小微企业和个体工商户国有房屋租金 乙措施 二、就业 丙措施 丁措施 戊措施",
			"一、税费 减免小微企业和个体工商户国有房屋租金 乙措施 二、就业 丙措施 丁措施 戊措施"},
	} {
		if got := titles(tocOrder(mk(strings.Fields(tt.in)...), toc)); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestBookletScrambledOrder: on corrupted copies of the booklet (seeds
// 1-5), every measure has the number the 目录 gives it (the README's), and
// no measure gets a contact that is not its own: a footnote whose evidence
// is not clear is left out.
func TestBookletScrambledOrder(t *testing.T) {
	dir := "testdata/formats/meiling-2022-booklet"
	clean, err := os.ReadFile(filepath.Join(dir, "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := mustParseFile(t, filepath.Join(dir, "guide.txt"))
	rows := readmeRows(t, dir)
	for seed := uint64(1); seed <= 5; seed++ {
		g, err := Parse([]byte(scramble.Scramble(string(clean), scramble.Options{Seed: seed}).Text))
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, row := range rows {
			m := g.Measure(row.n)
			if m == nil || !strings.HasPrefix(m.Text, row.cells[0]) {
				t.Errorf("seed %d: measure %d does not open with %q", seed, row.n, row.cells[0])
				continue
			}
			if len(m.Contacts) == 0 {
				continue
			}
			kept++
			if !sameContacts(m.Contacts, want.Measure(row.n).Contacts) {
				t.Errorf("seed %d: measure %d contacts %q, clean %q", seed, row.n, contactLines(m), contactLines(want.Measure(row.n)))
			}
		}
		if kept < 10 {
			t.Errorf("seed %d: %d measures keep a contact", seed, kept)
		}
	}
}
