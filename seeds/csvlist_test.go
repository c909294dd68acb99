package seeds

import (
	"slices"
	"strings"
	"testing"
)

// TestCSVList: a 政策清单 saved as CSV reads as its records, numbered as a
// reader counts them through the categories, each with its title, content,
// fields, end date and contacts paired by position; the 填报 row gives the
// issuer and date; its corrupted copy keeps most measures' own contacts.
func TestCSVList(t *testing.T) {
	dir := "testdata/formats/liuan-2022-csv-list/"
	g := mustParseFile(t, dir+"guide.txt")
	if g.Title != "柳岸区稳住经济大盘助企纾困政策清单" || g.Issuer != "柳岸区发展和改革局" || g.Published != "2022-06-22" {
		t.Errorf("title %q issuer %q published %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Sections) != 5 || g.Sections[1].Title != "金融支持" || g.Measure(5).Section != 2 || g.Measure(17).Section != 5 {
		t.Errorf("sections %+v", g.Sections)
	}
	// Record 2 of 税费减免: sub-items on two lines stay one measure's.
	m := g.Measure(2)
	if !strings.HasPrefix(m.Text, "增值税留抵退税：") || !slices.ContainsFunc(m.Details, func(d string) bool { return strings.Contains(d, "一次性退还存量留抵税额") }) {
		t.Errorf("measure 2: %q %q", m.Text, m.Details)
	}
	if got := strings.Join(contactLines(m), "|"); got != "区税务局 莫振宇 0772-3816201|区财政局 凌佳慧 38129915" {
		t.Errorf("measure 2 contacts: %q", got)
	}
	// Units, people and phones on two lines of their cells, paired.
	if got := strings.Join(contactLines(g.Measure(6)), "|"); got != "区金融办 韦晓东 0772-3817733|区融资担保公司 黎子昂 0772-3819060" {
		t.Errorf("measure 6 contacts: %q", got)
	}
	// "/" for no person; the fields and the end date are the measure's.
	m = g.Measure(3)
	if got := strings.Join(contactLines(m), "|"); got != "区税务局 12366" {
		t.Errorf("measure 3 contacts: %q", got)
	}
	for _, want := range []string{"适用对象：减免租金的出租人", "办理方式：向主管税务机关申请", "执行期限：2022年12月31日"} {
		if !slices.ContainsFunc(m.Details, func(d string) bool { return strings.HasPrefix(d, want) }) {
			t.Errorf("measure 3 lacks %q: %q", want, m.Details)
		}
	}
	// A doubled quote is one quote; "/" is no end date.
	m = g.Measure(11)
	if !slices.ContainsFunc(m.Details, func(d string) bool { return strings.Contains(d, `通过"柳岸人社"公众号`) }) {
		t.Errorf("measure 11: %q", m.Details)
	}
	if slices.ContainsFunc(g.Measure(12).Details, func(d string) bool { return strings.HasPrefix(d, "执行期限") }) {
		t.Errorf("measure 12 has an end date: %q", g.Measure(12).Details)
	}

	s := mustParseFile(t, dir+"scrambled-1.txt")
	kept := 0
	for _, w := range g.Measures {
		if m := s.Measure(w.Number); m != nil && m.HasContact() && sameContacts(m.Contacts, w.Contacts) {
			kept++
		}
	}
	if kept*10 < len(g.Measures)*8 || s.Issuer != g.Issuer || s.Published != g.Published {
		t.Errorf("scrambled: %d of %d measures keep their contacts; issuer %q published %q", kept, len(g.Measures), s.Issuer, s.Published)
	}
}

func TestCSVDuty(t *testing.T) {
	for _, tt := range []struct{ units, people, phones, want string }{
		{"区甲局", "张三", "0771-1234567", "责任单位：区甲局\n联系人：区甲局 张三 联系电话：0771-1234567"},
		{"区甲局、区乙局", "张三\n李四", "0771-1234567、82345678", "责任单位：区甲局、区乙局\n联系人：区甲局 张三 联系电话：0771-1234567；区乙局 李四 联系电话：82345678"},
		// One unit, two people: both the unit's.
		{"区甲局", "张三、李四", "0771-1234567\n0771-1234568", "责任单位：区甲局\n联系人：区甲局 张三 联系电话：0771-1234567；李四 联系电话：0771-1234568"},
		// A third unit without a contact stays a unit.
		{"区甲局、区乙局、区丙局", "张三", "0771-1234567", "责任单位：区甲局、区乙局、区丙局\n联系人：区甲局 张三 联系电话：0771-1234567"},
		// No people: the phones tagged with their units.
		{"区甲局、区乙局", "", "12366、82345678", "责任单位：区甲局、区乙局\n咨询电话：12366（区甲局）、82345678（区乙局）"},
		{"区甲局", "", "12345", "责任单位：区甲局\n咨询电话：12345"},
		{"", "", "12366", "咨询电话：12366"},
		{"", "", "", ""},
	} {
		if got := csvDuty(tt.units, tt.people, tt.phones); got != tt.want {
			t.Errorf("csvDuty(%q, %q, %q) = %q, want %q", tt.units, tt.people, tt.phones, got, tt.want)
		}
	}
}

// TestWebQA: a Q&A page copied from a website takes its title, issuer (来源)
// and date (发布时间) from the page's head, not the breadcrumb; every
// closing contact is read, a reference as the contact it names; its
// corrupted copy, contacts glued digits on digits to the next number, reads
// its items and their contacts.
func TestWebQA(t *testing.T) {
	dir := "testdata/formats/lanhu-2022-web-qa/"
	g := mustParseFile(t, dir+"guide.txt")
	if g.Title != "澜湖区稳经济助企纾困政策问答" || g.Issuer != "澜湖区发展和改革局" || g.Published != "2022-06-18" || g.AreaCode != "0576" {
		t.Errorf("title %q issuer %q published %q area %q", g.Title, g.Issuer, g.Published, g.AreaCode)
	}
	for _, tt := range []struct {
		n    int
		want string
	}{
		{3, "区税务局 财产和行为税科 温晓岚 89612345"}, // after the paragraph's 。
		{4, "区税务局 财产和行为税科 温晓岚 89612345"}, // 同上
		{6, "区金融工作中心 银行科 丁书韵 89615520"},
		{7, "区金融工作中心 邵凯文 89615536"}, // 详询
		{8, "区金融工作中心 邵凯文 89615536"}, // 参照第7问
		{9, "区金融工作中心 邵凯文 89615536|区财政局 柯雨桐 89613377"},
		{17, "12345"},
		{20, "区交通运输局 戚文博 0576-89616630"},
	} {
		if got := strings.Join(contactLines(g.Measure(tt.n)), "|"); got != tt.want {
			t.Errorf("item %d: %q, want %q", tt.n, got, tt.want)
		}
	}
	if m := g.Measure(26); m.HasContact() || !strings.HasPrefix(m.Text, "问：后续还会出台新的政策吗？") || len(m.Details) != 0 {
		t.Errorf("item 26 (the closing signature is no detail): %q %q %v", m.Text, m.Details, m.Contacts)
	}

	s := mustParseFile(t, dir+"scrambled-1.txt")
	kept, with := 0, 0
	for _, w := range g.Measures {
		if !w.HasContact() {
			continue
		}
		with++
		if m := s.Measure(w.Number); m != nil && m.HasContact() && sameContacts(m.Contacts, w.Contacts) {
			kept++
		}
	}
	if len(s.Measures) < len(g.Measures)-2 || kept*10 < with*8 || s.Issuer != g.Issuer || s.Published != g.Published {
		t.Errorf("scrambled: %d items, %d of %d keep their contacts; issuer %q published %q", len(s.Measures), kept, with, s.Issuer, s.Published)
	}
}

func TestSplitGluedNumbers(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"6. 问：甲？电话：820962157. 问：乙？", "6. 问：甲？电话：82096215\n7. 问：乙？"},
		{"1. 问：甲？电话：0576-896123012. 问：乙？", "1. 问：甲？电话：0576-89612301\n2. 问：乙？"},
		// 7 digits after the area code or 8: the number that follows decides.
		{"13. 问：甲？电话：0573-820962114. 问：乙？", "13. 问：甲？电话：0573-8209621\n14. 问：乙？"},
		{"22. 问：甲？1234523．问：乙？", "22. 问：甲？12345\n23．问：乙？"},
		{"1. 问：甲？2. 问：乙？", "1. 问：甲？2. 问：乙？"},
	} {
		if got := splitGluedNumbers(tt.in); got != tt.want {
			t.Errorf("splitGluedNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVNumbered: records are numbered by 序号 through the categories
// (or as written where 序号 runs through the file); a record a moved
// sentence carried into another category goes back into its gap, and the
// records whose last cells the move exchanged are suspect.
func TestCSVNumbered(t *testing.T) {
	roles := []string{"", "category", "title"}
	for _, tt := range []struct {
		name    string
		rows    [][]string
		titles  string // in number order
		numbers []int
		suspect string
	}{
		{"clean", [][]string{{"1", "甲", "a"}, {"2", "", "b"}, {"3", "", "c"}, {"1", "乙", "d"}, {"2", "", "e"}},
			"abcde", []int{1, 2, 3, 4, 5}, ""},
		{"through", [][]string{{"1", "甲", "a"}, {"2", "", "b"}, {"3", "乙", "c"}, {"4", "", "d"}},
			"abcd", []int{1, 2, 3, 4}, ""},
		{"moved", [][]string{{"1", "甲", "a"}, {"3", "", "c"}, {"1", "乙", "d"}, {"2", "", "b"}, {"2", "", "e"}},
			"abcde", []int{1, 2, 3, 4, 5}, "abd"},
		{"moved last", [][]string{{"1", "甲", "a"}, {"3", "", "c"}, {"1", "乙", "d"}, {"2", "", "e"}, {"3", "", "f"}, {"2", "", "b"}},
			"abcdef", []int{1, 2, 3, 4, 5, 6}, "abf"},
	} {
		var titles, suspect string
		var numbers []int
		for _, r := range csvNumbered(tt.rows, roles) {
			titles += r.cells["title"]
			numbers = append(numbers, r.number)
			if r.suspect {
				suspect += r.cells["title"]
			}
		}
		if titles != tt.titles || !slices.Equal(numbers, tt.numbers) || suspect != tt.suspect {
			t.Errorf("%s: %s %v suspect %q, want %s %v %q", tt.name, titles, numbers, suspect, tt.titles, tt.numbers, tt.suspect)
		}
	}
}
