package seeds

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// smsExport wraps records ("time|sender|body") as a phone-backup export.
func smsExport(records ...string) string {
	var b strings.Builder
	b.WriteString("短信备份 导出\n导出时间：2022-12-01 10:00:00\n================\n\n")
	for _, r := range records {
		f := strings.SplitN(r, "|", 3)
		b.WriteString(f[0] + "  发件人: " + f[1] + "\n" + f[2] + "\n\n")
	}
	return b.String()
}

// smsBase are three measure SMS every case below adds to (a series is
// read once it has three measures).
var smsBase = []string{
	"2022-06-20 09:00:00|12366|【区税务局】政策速递第1条：留抵退税。符合条件的企业按月退还增量留抵税额。咨询：区税务局货物和劳务税科 陈某 023-62250001 回T退订",
	"2022-06-21 09:00:00|1069000001|【区人社局】政策速递第2条：社保费缓缴。特困行业企业可申请缓缴。第3条：稳岗返还。参保企业按90%返还。咨询：社保缓缴问区社保中心 张某 023-62250002；稳岗返还问区人社局就业科 李某 023-62250003 回T退订",
	"2022-06-22 09:00:00|1069000002|政策速递第4条：消费券。分批发放消费券，申报截止2022年7月15日。咨询：区商务委流通科 王某 023-62250004 回T退订【区商务委】",
	"2022-06-22 10:00:00|10086|【中国移动】尊敬的客户，您的话费余额为23.50元。",
	"2022-06-22 11:00:00|95555|【某银行】您账户0417支出人民币236.00元。",
}

func TestSMSText(t *testing.T) {
	tests := []struct {
		name  string
		extra []string
		check func(t *testing.T, g *Guide)
	}{
		{name: "two measures in one SMS split their contact by topic; an end signature is no text",
			check: func(t *testing.T, g *Guide) {
				for n, want := range map[int]string{1: "区税务局 货物和劳务税科 陈某 023-62250001", 2: "区社保中心 张某 023-62250002",
					3: "区人社局 就业科 李某 023-62250003", 4: "区商务委 流通科 王某 023-62250004"} {
					if m := g.Measure(n); m == nil || !slices.Equal(contactLines(m), []string{want}) {
						t.Errorf("measure %d: %v, want %q", n, m, want)
					}
				}
				if m := g.Measure(4); m == nil || strings.Contains(m.Text+strings.Join(m.Details, ""), "商务委】") {
					t.Errorf("measure 4 keeps the signature: %+v", m)
				}
			}},
		{name: "parts joined by k/n whatever their order, a part received twice once",
			extra: []string{
				"2022-06-23 10:15:21|1069000003|(1/3)【区国资委】政策速递第5条：减免国有房屋租金。对承租国有房屋的小微企业减免3个月租",
				"2022-06-23 10:15:22|1069000003|(3/3)咨询：区国资委产权科 赵某 023-62250005 回T退订",
				"2022-06-23 10:15:24|1069000003|(2/3)金，申请截止2022年8月31日。",
				"2022-06-23 10:20:00|1069000003|(3/3)咨询：区国资委产权科 赵某 023-62250005 回T退订",
			},
			check: func(t *testing.T, g *Guide) {
				m := g.Measure(5)
				if m == nil || !strings.Contains(m.Text+strings.Join(m.Details, ""), "减免3个月租金，申请截止2022年8月31日") ||
					!slices.Equal(contactLines(m), []string{"区国资委 产权科 赵某 023-62250005"}) {
					t.Errorf("measure 5: %+v", m)
				}
				if len(g.Report.Duplicates) == 0 {
					t.Errorf("the part received twice is not reported")
				}
			}},
		{name: "a correction overrides the end date; a reminder and a code are no measures",
			extra: []string{
				"2022-07-01 09:00:00|1069000002|【区商务委】更正：第4条消费券申报截止时间应为2022年7月31日，特此更正。回T退订",
				"2022-07-10 09:00:00|1069000002|温馨提示：第4条消费券即将截止，请抓紧申报。回T退订【区商务委】",
				"2022-07-11 09:00:00|10690571234|【某银行】您的验证码为386104，5分钟内有效。",
			},
			check: func(t *testing.T, g *Guide) {
				m := g.Measure(4)
				all := m.Text + strings.Join(m.Details, "")
				if !strings.Contains(all, "2022年7月31日") || strings.Contains(all, "2022年7月15日") {
					t.Errorf("measure 4 not corrected: %q", all)
				}
				if len(g.Measures) != 4 {
					t.Errorf("%d measures, want 4", len(g.Measures))
				}
				var why []string
				for _, u := range g.Report.Unread {
					why = append(why, u.Why)
				}
				if !slices.Contains(why, "an SMS reminding of a measure, not a measure") || !slices.Contains(why, "an SMS that is no measure of the series") {
					t.Errorf("unread: %v", why)
				}
			}},
		{name: "a Chinese numeral start, a hotline in the text, a 7-digit number with the stated area code",
			extra: []string{
				"2022-06-24 09:00:00|1069000004|【区交通局】五、货车通行。重点物资运输车辆通行证网上申领，遇到问题请拨打12328热线。回T退订",
				"2022-06-25 09:00:00|1069000005|【区住建局】政策速递第6条：保证金缓缴。在建项目可申请缓缴农民工工资保证金。咨询：区住建局建管股 粟某 5526021 回T退订",
				"2022-06-26 09:00:00|1069000006|【区政务服务中心】温馨提示：短信中未加区号的电话，区号均为0736。回T退订",
			},
			check: func(t *testing.T, g *Guide) {
				if m := g.Measure(5); m == nil || !slices.Equal(contactLines(m), []string{"12328"}) {
					t.Errorf("measure 5: %+v", m)
				}
				if m := g.Measure(6); m == nil || !slices.Equal(contactLines(m), []string{"区住建局 建管股 粟某 0736-5526021"}) {
					t.Errorf("measure 6: %+v", m)
				}
			}},
		{name: "the series names the guide's title and issuer, not the app",
			extra: []string{
				"2022-06-19 10:00:00|1069000000|【某区发布】区政府办公室印发《某区助企纾困若干措施》（某府办发〔2022〕1号），共6条。回T退订",
			},
			check: func(t *testing.T, g *Guide) {
				if g.Title != "某区助企纾困若干措施" || g.Issuer != "某区政府办公室" || g.Published != "2022-06-19" {
					t.Errorf("title %q issuer %q published %q", g.Title, g.Issuer, g.Published)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(smsExport(append(slices.Clone(smsBase), tt.extra...)...)))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, g)
		})
	}
}

// TestSMSCopyTail: in a corrupted copy the text before a header (back to
// the last 。) is the end of the SMS sent before that header, not of the
// one the copy put above it.
func TestSMSCopyTail(t *testing.T) {
	text := smsExport(
		"2022-06-19 10:00:00|10086|【中国移动】尊敬的客户，您的话费余额为23.50元。",
		"2022-06-20 09:00:00|12366|【区税务局】政策速递第1条：留抵退税。符合条件的企业按月退还增量留抵税额。",
		"2022-06-22 09:00:00|1069000002|【区商务委】政策速递第3条：消费券。分批发放消费券。咨询：区税务局货物和劳务税科 陈某 023-62250001 回T退订",
		"2022-06-21 09:00:00|1069000001|【区人社局】政策速递第2条：社保费缓缴。特困行业企业可申请缓缴。咨询：区商务委流通科 王某 023-62250004 回T退订",
		"2022-06-23 09:00:00|1069000003|【区人社局】政策速递第4条：稳岗返还。参保企业按90%返还。咨询：区人社局就业科 李某 023-62250003 回T退订",
	)
	// The copy put 第3条's SMS between 第1条's and 第2条's: the end before
	// 第2条's header (a contact) is 第1条's, sent before 第2条, and the
	// end before 第4条's is 第3条's; 第2条 lost its end.
	g, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int][]string{1: {"023-62250001"}, 2: nil, 3: {"023-62250004"}, 4: {"023-62250003"}} {
		if m := g.Measure(n); m == nil || !slices.Equal(m.Phones(), want) {
			t.Errorf("measure %d: %v, want %s", n, m, want)
		}
	}
}

// TestSMSNotExport: a text with fewer than five SMS headers is no export.
func TestSMSNotExport(t *testing.T) {
	for _, text := range []string{
		"1. 某措施。\n责任单位：区税务局\n",
		smsExport(smsBase[:2]...),
	} {
		if got, unread, dups := smsText(text); got != text || unread != nil || dups != nil {
			t.Errorf("smsText changed %q", Clip(text, 20))
		}
	}
}

// TestSMSFormatGuide reads the SMS format guide against its README: every
// measure, its phones exactly, its units, the corrected end date.
func TestSMSFormatGuide(t *testing.T) {
	dir := filepath.Join("testdata", "formats", "zhuxi-2022-sms-export")
	g := mustParseFile(t, filepath.Join(dir, "guide.txt"))
	if g.Title != "竹溪区支持市场主体纾困发展十二条措施" || g.Issuer != "竹溪区政府办公室" || g.Published != "2022-05-30" || g.AreaCode != "0736" {
		t.Errorf("title %q issuer %q published %q area %q", g.Title, g.Issuer, g.Published, g.AreaCode)
	}
	if len(g.Measures) != 12 || len(g.Report.MissingText)+len(g.Report.MissingContact) > 0 {
		t.Errorf("%d measures; missing text %v, contact %v", len(g.Measures), g.Report.MissingText, g.Report.MissingContact)
	}
	for row, m := range readmeMeasures(t, g, dir, 12) {
		want := readmePhone.FindAllString(row.cells[2], -1)
		if !sameSet(m.Phones(), want) {
			t.Errorf("measure %d: phones %v, README %v", row.n, m.Phones(), want)
		}
		var units []string
		for _, c := range m.Contacts {
			if c.Unit != "" && len(c.People) > 0 {
				units = AppendNew(units, c.Unit+c.Department)
			}
		}
		var wantUnits []string
		persons := strings.Split(row.cells[1], "; ")
		for i, u := range strings.Split(row.cells[0], "; ") {
			if i < len(persons) && persons[i] != "—" {
				wantUnits = append(wantUnits, u)
			}
		}
		if !sameSet(units, wantUnits) {
			t.Errorf("measure %d: units %v, README %v", row.n, units, wantUnits)
		}
	}
	if m := g.Measure(5); m == nil || !strings.Contains(m.Text+strings.Join(m.Details, ""), "申报截止2022年8月31日") {
		t.Errorf("measure 5 keeps its first end date: %+v", m)
	}
	if m := g.Measure(10); m == nil || !strings.HasPrefix(m.Text, "货车司机帮扶") {
		t.Errorf("measure 10 (十、): %+v", m)
	}
}
