package seeds

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDutyPairs reads a guide whose duty blocks list several units and
// several 联系人/联系电话 pairs, each tagged with its unit in brackets, or one
// untagged pair, a hotline alone or no contact: every measure's units,
// departments, people and phones exactly, on the clean and the scrambled
// copy. No phone may be shown under a unit it does not belong to.
func TestDutyPairs(t *testing.T) {
	type contact struct{ unit, dept, people, phones string }
	want := []struct {
		n        int
		lead     string
		contacts []contact
		attrib   bool // the report says an untagged contact went to the first-named unit
	}{
		// Two tagged pairs: each to its own unit, the tag out of the name.
		{n: 1, lead: "区国资委、区财政局", contacts: []contact{
			{"区国资委", "", "孙立新", "010-69741201"}, {"区财政局", "", "李婷", "010-69742310"}}},
		// Three units, two pairs: 区税务局 keeps no contact.
		{n: 2, lead: "区人力社保局、区税务局、区医保局", contacts: []contact{
			{"区人力社保局", "", "马建军", "010-69743021"}, {"区医保局", "", "高晓燕", "010-69743455"}}},
		// One untagged pair under two units: the first-named unit's only.
		{n: 3, lead: "区金融办、区财政局", contacts: []contact{{"区金融办", "", "周建国", "010-69743388"}}, attrib: true},
		// A hotline alone.
		{n: 4, lead: "区税务局", contacts: []contact{{"区税务局", "", "", "12366"}}},
		// No contact.
		{n: 5, lead: "区商务局"},
		// 区委组织部 is a unit, not 区委's department.
		{n: 6, lead: "区委组织部、区人力社保局", contacts: []contact{{"区委组织部", "", "王红", "010-69744567"}}},
		// A unit that does not start with 区.
		{n: 7, lead: "北京住房公积金管理中心昌平管理部", contacts: []contact{{"北京住房公积金管理中心昌平管理部", "", "赵明", "010-69745120"}}},
		// A unit with brackets in its name, and the tagged pair of the other.
		{n: 8, lead: "各乡镇（街道）、区城管委", contacts: []contact{{"区城管委", "", "刘洋", "010-69746789"}}},
		// A hotline alone under two units.
		{n: 9, lead: "区税务局、区财政局", contacts: []contact{{"区税务局", "", "", "12366"}}, attrib: true},
		// Tagged phones without people.
		{n: 10, lead: "区发改委、区经信局", contacts: []contact{{"区发改委", "", "", "010-69747001"}, {"区经信局", "", "", "010-69747002"}}},
		// A tag naming the unit's department.
		{n: 11, lead: "区科委", contacts: []contact{{"区科委", "高新技术科", "陈静", "13911062245"}}},
	}
	dir := "testdata/formats/changping-2021-duty-pairs"
	for _, tt := range []struct {
		file string
		// lost: measures without a contact in the copy: 3's block the
		// scrambler dropped; 11's, the unterminated block after the last
		// measure start, is withheld, as a lost start of a measure 12
		// would have left the same text (see unsettled).
		lost []int
	}{
		{"guide.txt", nil},
		{"scrambled-1.txt", []int{3, 11}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join(dir, tt.file))
			if len(g.Measures) != len(want) {
				t.Errorf("%d measures, want %d", len(g.Measures), len(want))
			}
			if len(g.Report.Unread) > 0 {
				t.Errorf("lines not read: %v", g.Report.Unread)
			}
			for _, w := range want {
				m := g.Measure(w.n)
				if m == nil {
					t.Errorf("measure %d missing", w.n)
					continue
				}
				if slices.Contains(tt.lost, w.n) {
					if m.HasContact() {
						t.Errorf("measure %d: a contact %q %v where the copy lost it", w.n, contactLines(m), m.Lead)
					}
					continue
				}
				if got := strings.Join(m.Lead, "、"); got != w.lead {
					t.Errorf("measure %d: units %q, want %q", w.n, got, w.lead)
				}
				got := []contact{}
				for _, c := range m.Contacts {
					got = append(got, contact{c.Unit, c.Department, strings.Join(c.People, "、"), strings.Join(c.Phones, "、")})
				}
				if w.contacts == nil {
					w.contacts = []contact{}
				}
				if !reflect.DeepEqual(got, w.contacts) {
					t.Errorf("measure %d: contacts\n got %q\nwant %q", w.n, got, w.contacts)
				}
				if warned(g, WarnPhoneAttribution, w.n) != w.attrib {
					t.Errorf("measure %d: attribution warned %v, want %v", w.n, !w.attrib, w.attrib)
				}
			}
		})
	}
}

// TestSplitUnit: a unit and the department glued to it.
func TestSplitUnit(t *testing.T) {
	for _, tt := range []struct{ in, unit, dept string }{
		{"区税务局货物和劳务税科", "区税务局", "货物和劳务税科"},
		{"区委组织部", "区委组织部", ""},
		{"区委组织部人才工作科", "区委组织部", "人才工作科"},
		{"区委宣传部", "区委宣传部", ""},
		{"区政府办公室", "区政府办公室", ""},
		{"区委办综合科", "区委办", "综合科"},
		{"北京住房公积金管理中心昌平管理部", "北京住房公积金管理中心昌平管理部", ""},
		{"各乡镇（街道）", "各乡镇（街道）", ""},
		// 社会 ends no unit (its 会 is no 委员会).
		{"区社会保险事务中心征缴科", "区社会保险事务中心征缴科", ""},
		{"区人力资源和社会保障局社保中心", "区人力资源和社会保障局", "社保中心"},
	} {
		if u, d := splitUnit(tt.in, ""); u != tt.unit || d != tt.dept {
			t.Errorf("splitUnit(%s) = %q %q, want %q %q", tt.in, u, d, tt.unit, tt.dept)
		}
	}
}

// TestReadTaggedValues: phones each followed by their unit, on one line.
func TestReadTaggedValues(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []taggedValues
		rest string
	}{
		{"010-69741201（区国资委）联系人：", []taggedValues{{"区国资委", contactValues{phones: []string{"010-69741201"}}}}, "联系人："},
		{"010-69741201（区国资委）、010-69742310（区财政局）2.", []taggedValues{
			{"区国资委", contactValues{phones: []string{"010-69741201"}}},
			{"区财政局", contactValues{phones: []string{"010-69742310"}}}}, "2."},
		{"12366（工作日9:00—17:00）", []taggedValues{{"", contactValues{phones: []string{"12366"}, hours: "工作日9:00—17:00"}}}, ""},
		// A hotline's name after the line's last number says what the
		// number is, not whose: read, but no tag.
		{"12366（纳税服务热线）", []taggedValues{{"", contactValues{phones: []string{"12366"}}}}, ""},
		// Before another number it tags its own, as a unit's name does.
		{"12345（区政务服务热线）；0535-6218304（区社保中心）", []taggedValues{
			{"区政务服务热线", contactValues{phones: []string{"12345"}}},
			{"区社保中心", contactValues{phones: []string{"0535-6218304"}}}}, ""},
		// A bracket that names neither is not a tag.
		{"12366（请按2号键）", []taggedValues{{"", contactValues{phones: []string{"12366"}}}}, "（请按2号键）"},
		{"无", nil, "无"},
	} {
		got, rest := readTaggedValues(tt.in)
		if !reflect.DeepEqual(got, tt.want) || rest != tt.rest {
			t.Errorf("readTaggedValues(%s) = %+v, %q; want %+v, %q", tt.in, got, rest, tt.want, tt.rest)
		}
	}
}

// TestReadDutyPairs: contacts tagged with their units on one line or on
// several, and an untagged contact beside a tagged phone.
func TestReadDutyPairs(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
		rest string
	}{
		{"责任单位：区甲局、区乙局联系人：张三（区甲局）、李四（区乙局）联系电话：010-12345678（区甲局）、010-87654321（区乙局）",
			[]string{"区甲局 张三 010-12345678", "区乙局 李四 010-87654321"}, ""},
		{"责任单位：区甲局、区乙局联系人：张三联系电话：010-12345678联系电话：010-87654321（区乙局）",
			[]string{"区甲局 张三 010-12345678", "区乙局 010-87654321"}, ""},
		{"责任单位：区甲局联系人：张三（区甲局）联系电话：010-12345678（区甲局）联系人：李四（区甲局）联系电话：010-87654321（区甲局）",
			[]string{"区甲局 张三 010-12345678", "区甲局 李四 010-87654321"}, ""},
		// A person tagged with a unit the 责任单位 line does not name keeps it.
		{"责任单位：区甲局联系人：王五（区丙局）联系电话：13912345678",
			[]string{"区丙局 王五 13912345678"}, ""},
		{"责任单位：区甲局、区乙局联系人：张三、李四联系电话：010-12345678",
			[]string{"区甲局 张三、李四 010-12345678"}, ""},
		// A collective unit named first has no one contact person.
		{"责任单位：各乡镇（街道）、区城管委联系人：刘洋联系电话：010-12345678", []string{"区城管委 刘洋 010-12345678"}, ""},
		// A heading after the last value is still one.
		{"责任单位：区甲局联系人：王建华二、稳定就业岗位3.对…", []string{"区甲局 王建华"}, "二、稳定就业岗位3.对…"},
	} {
		b, rest := readDuty(tt.in, tt.in)
		got := []string{}
		for _, c := range b.contacts {
			got = append(got, c.String())
		}
		if !reflect.DeepEqual(got, tt.want) || rest != tt.rest {
			t.Errorf("readDuty(%s) = %q, rest %q; want %q", tt.in, got, rest, tt.want)
		}
	}
}
