package seeds

import (
	"slices"
	"strings"
	"testing"
)

// TestTSVSheet: a 政策清单 saved as tab-separated text reads as its records,
// numbered through the categories, with the title row's title, the closing
// row's issuer and date, the 说明 row's area code; a row without 序号 is
// more of the measure above, a merged unit cell the unit above, Excel's
// error cells nothing, a scientific-form phone the same person's number,
// and the appended phone list the units' own lines; its corrupted copy
// keeps most measures' contacts.
func TestTSVSheet(t *testing.T) {
	dir := "testdata/formats/huaixi-2022-tsv-sheet/"
	g := mustParseFile(t, dir+"guide.txt")
	if g.Title != "槐溪区稳经济助企纾困惠企政策清单" || g.Issuer != "槐溪区发展和改革局" || g.Published != "2022-08-15" || g.AreaCode != "0739" {
		t.Errorf("title %q issuer %q published %q area %q", g.Title, g.Issuer, g.Published, g.AreaCode)
	}
	if len(g.Measures) != 14 || len(g.Sections) != 4 || g.Sections[0].Title != "减税降费" || g.Measure(8).Section != 3 {
		t.Errorf("%d measures, sections %+v", len(g.Measures), g.Sections)
	}
	has := func(n int, want string) bool {
		m := g.Measure(n)
		return m != nil && (strings.Contains(m.Text, want) || slices.ContainsFunc(m.Details, func(d string) bool { return strings.Contains(d, want) }))
	}
	for _, tt := range []struct {
		n             int
		text, contact string
	}{
		// A doubled quote is one quote.
		{6, `融资担保降费：政府性融资担保机构推行"见贷即保"`, "槐溪区融资担保有限公司 彭丽 52016620"},
		// 1.39E+10 is 邓晓峰's mobile, written right in 7.
		{5, "首次贷款贴息：", "区金融事务中心 邓晓峰 13907395521"},
		// The merged 责任单位 cell: 8's unit, 9's own person.
		{9, "一次性扩岗补助：", "区人社局 谭佳 52018815"},
		// Two lines of each contact cell, paired by position.
		{10, "创业担保贷款：", "区就业服务中心 黄涛 52018830|区金融事务中心 邓晓峰 13907395521"},
		// #N/A as person and phone: the unit's office number.
		{11, "以工代训补贴：", "区人社局 52018800"},
		{12, "发放消费券：", "区商务局 12345"},
		{14, "个体工商户歇业备案：", "区市场监管局 石磊 52017740"},
	} {
		m := g.Measure(tt.n)
		if m == nil || !strings.HasPrefix(m.Text, tt.text) {
			t.Errorf("measure %d: %v", tt.n, m)
			continue
		}
		if got := strings.Join(contactLines(m), "|"); got != tt.contact {
			t.Errorf("measure %d contacts %q, want %q", tt.n, got, tt.contact)
		}
	}
	// The row without 序号 continues 11: its content and its place.
	if !has(11, "补贴期限最长6个月") || !has(11, "或登录“槐溪人社”公众号") || !has(2, "税务机关审核后办理退库") || !has(3, "执行期限：2024年12月31日") {
		t.Errorf("measures 2, 3, 11: %q %q %q", g.Measure(2).Details, g.Measure(3).Details, g.Measure(11).Details)
	}
	for _, m := range g.Measures {
		for _, d := range append([]string{m.Text}, m.Details...) {
			if strings.ContainsAny(d, "#\t") || strings.Contains(d, "合计") || strings.Contains(d, "邹建国") {
				t.Errorf("measure %d keeps a sheet artefact: %q", m.Number, d)
			}
		}
	}
	var units []string
	for _, c := range g.Units {
		units = append(units, c.String())
	}
	if got := strings.Join(units, "|"); got != "区税务局 12366|区财政局 52013300|区金融事务中心 52016600|区人社局 52018800|区商务局 52019900|区市场监管局 52017700" {
		t.Errorf("units %q", got)
	}

	s := mustParseFile(t, dir+"scrambled-1.txt")
	kept := 0
	for _, w := range g.Measures {
		if m := s.Measure(w.Number); m != nil && m.HasContact() && sameContacts(m.Contacts, w.Contacts) {
			kept++
		}
	}
	if len(s.Measures) != len(g.Measures) || kept*10 < len(g.Measures)*8 || s.Title != g.Title || s.Issuer != g.Issuer || s.Published != g.Published || len(s.Units) != len(g.Units) {
		t.Errorf("scrambled: %d measures, %d of %d keep their contacts; title %q issuer %q published %q, %d units",
			len(s.Measures), kept, len(g.Measures), s.Title, s.Issuer, s.Published, len(s.Units))
	}
}

// TestSheetSep: a TAB list is a sheet's only when a row before its header
// is padded to the header's width (a title row); a table pasted into a
// notice, or a category row copied before the header, is no sheet.
func TestSheetSep(t *testing.T) {
	header := "序号\t政策类别\t政策名称\t政策内容\t责任单位\t联系人\t联系电话\n"
	row := "1\t财税\t甲\t对企业给予补贴。\t区财政局\t张三\t12345678\n"
	for _, tt := range []struct {
		name, text string
		want       rune
	}{
		{"sheet", "某区政策清单\t\t\t\t\t\t\r\n\t\t\t\t\t\t\r\n" + header + row, '\t'},
		{"notice", "某区关于印发政策清单的通知\n附件：政策清单\n" + header + row, ','},
		{"category row", "某区政策清单\n\t财税\t\t\t\t\t\n" + header + row, ','},
		{"narrower title row", "某区政策清单\t\t\n" + header + row, ','},
		{"csv", "某区政策清单,,,,,,\n" + strings.ReplaceAll(header+row, "\t", ","), ','},
		// Saved without a title row: the header first, a cell Excel quoted.
		{"header first", "\ufeff" + header + "1\t财税\t甲\t\"对企业给予补贴。\n期限一年。\"\t区财政局\t张三\t12345678\r\n", '\t'},
		{"pasted alone", header + row + row, ','},
	} {
		if got := sheetSep(tt.text); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReadRecordContinuation(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		// A row of the sheet's width without 序号: its cells join the
		// record's.
		{"continuation", "1\t甲\t对企业补贴。\t区财政局\n\t\t期限6个月。\t", []string{"1", "甲", "对企业补贴。\n期限6个月。", "区财政局"}},
		// A row cut after 。 (the corruption): its pieces join back.
		{"cut", "1\t甲\t对企业补贴。\n\t区财政局", []string{"1", "甲", "对企业补贴。", "区财政局"}},
		{"quoted", "1\t甲\t\"对企业\t补贴\n期限\"\"6个月\"\"。\"\t区财政局", []string{"1", "甲", "对企业\t补贴\n期限\"6个月\"。", "区财政局"}},
		{"empty row", "1\t甲\t对企业补贴。\t区财政局\n\t\t\t", []string{"1", "甲", "对企业补贴。", "区财政局"}},
	} {
		if got := readRecord(tt.in, '\t', 4); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestScientificMatch(t *testing.T) {
	for _, tt := range []struct {
		sci    string
		phones []string
		want   string
	}{
		{"2.02E+07", []string{"20216618"}, "20216618"},
		{"1.39E+10", []string{"13907395521"}, "13907395521"},
		// Rounded as Excel rounds: 2.0296… shows as 2.03.
		{"2.03E+07", []string{"20296618"}, "20296618"},
		{"2.02E+07", []string{"20316618"}, ""},
		{"2.02E+07", []string{"0566-2021661"}, ""},
		// Two numbers fit: neither is taken.
		{"2.02E+07", []string{"20216618", "20216625"}, ""},
		{"2.02E+07", nil, ""},
	} {
		m := sheetScientific.FindStringSubmatch(tt.sci)
		phones := map[string]bool{}
		for _, p := range tt.phones {
			phones[p] = true
		}
		if got := scientificMatch(m, phones); got != tt.want {
			t.Errorf("scientificMatch(%s, %v) = %q, want %q", tt.sci, tt.phones, got, tt.want)
		}
	}
}

func TestCutPhoneList(t *testing.T) {
	lines := []string{"1\t甲\t区财政局", "合计\t\t1项", "\t\t", "附表：咨询电话一览\t\t", "单位\t电话\t", "区财政局\t20217700\t",
		"政务服务便民热线\t12345\t", "区税务局\t0566-2021136、12366\t", "\t\t", "制表人：某"}
	rest, units, unread := cutPhoneList(lines, '\t')
	var got []string
	for _, c := range units {
		got = append(got, c.String())
	}
	if strings.Join(got, "|") != "区财政局 20217700|区税务局 0566-2021136、12366" {
		t.Errorf("units %q", got)
	}
	if !slices.Equal(rest, []string{"1\t甲\t区财政局", "合计\t\t1项", "\t\t", "\t\t", "制表人：某"}) {
		t.Errorf("rest %q", rest)
	}
	// A hotline's row is no unit's line: reported.
	if len(unread) != 1 || unread[0].Line != "政务服务便民热线 12345" {
		t.Errorf("unread %+v", unread)
	}
	// No 单位/电话 header: no phone list.
	if rest, units, _ := cutPhoneList([]string{"附件：政策咨询电话", "区财政局 20217700"}, '\t'); len(units) != 0 || len(rest) != 2 {
		t.Errorf("no header: %q %v", rest, units)
	}
}

func TestSheetDuty(t *testing.T) {
	for _, tt := range []struct{ units, people, phones, want string }{
		// The only unit goes without saying: a unit ending in 中心 is no
		// person's department.
		{"区金融服务中心", "江帆", "20215511", "责任单位：区金融服务中心\n联系人：江帆 联系电话：20215511"},
		{"区人社局（区就业服务中心）、区财政局", "程雪、陶静", "20201288、20217723",
			"责任单位：区人社局（区就业服务中心）、区财政局\n联系人：程雪（区人社局） 联系电话：20201288；陶静（区财政局） 联系电话：20217723"},
		{"区甲中心\n区乙局", "", "12366\n82345678", "责任单位：区甲中心、区乙局\n咨询电话：12366（区甲中心）、82345678（区乙局）"},
		{"区甲局", "", "", "责任单位：区甲局"},
	} {
		if got := sheetDuty(tt.units, tt.people, tt.phones); got != tt.want {
			t.Errorf("sheetDuty(%q, %q, %q) = %q, want %q", tt.units, tt.people, tt.phones, got, tt.want)
		}
	}
}

// TestRepairSheet: Excel's artefacts in a sheet's records.
func TestRepairSheet(t *testing.T) {
	rec := func(n int, unit, person, phone string) csvRecord {
		return csvRecord{number: n, cells: map[string]string{"unit": unit, "person": person, "phone": phone, "备注": "#N/A"}}
	}
	recs := []csvRecord{
		rec(1, "区甲局", "张三", "20216618"),
		// The merged unit cell: 区甲局's.
		rec(2, "", "李四", "2.02E+07"),
		// 2.02E+07 is 张三's number.
		rec(3, "区乙局", "张三", "2.02E+07"),
		// No error cell is content; the unit's office number from the list.
		rec(4, "区丙局", "#N/A", "#N/A"),
		rec(5, "区丁局", "", ""),
	}
	unread := repairSheet(recs, []Contact{{Unit: "区丙局", Phones: []string{"20226601"}}})
	var got []string
	for _, r := range recs {
		got = append(got, r.cells["unit"]+" "+r.cells["person"]+" "+r.cells["phone"]+" "+r.cells["备注"])
	}
	want := []string{"区甲局 张三 20216618 ", "区甲局 李四  ", "区乙局 张三 20216618 ", "区丙局  20226601 ", "区丁局   "}
	if !slices.Equal(got, want) {
		t.Errorf("records %q, want %q", got, want)
	}
	// 李四's number is nowhere: reported.
	if len(unread) != 1 || unread[0].Line != "2.02E+07" || !strings.Contains(unread[0].Why, "measure 2") {
		t.Errorf("unread %+v", unread)
	}
}
