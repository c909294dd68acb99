package seeds

import (
	"slices"
	"strings"
	"testing"
)

// icsSample is a small calendar: folds inside an escape, a phone and an
// item number, a VALARM's DESCRIPTION, two events of one measure out of
// order, an unnumbered SUMMARY, a catch-all event of two measures with a
// contact neither names, and an event with no number at all.
const icsSample = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:某区惠企政策日历\r\n" +
	"X-WR-CALDESC:某区营商办根据《关于印发某区若干措施的通知》整理\\，2022年6月1日印发。\r\n" +
	"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20220701\r\nDTEND;VALUE=DATE:20220702\r\nUID:a\r\n" +
	"SUMMARY:【第2项】缓缴社保费（申报截止）\r\nDESCRIPTION:对困难企业缓缴社保费。\\\r\n n责任单位：区人社局\r\n" +
	"CONTACT:区人社局社保科\\, 张三\\, 0631-52\r\n 31406\r\n" +
	"BEGIN:VALARM\r\nTRIGGER:-P1D\r\nDESCRIPTION:缓缴提醒\r\nEND:VALARM\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20220601\r\nUID:b\r\nSUMMARY:【第2项】缓缴社保费（申请开始）\r\n" +
	"DESCRIPTION:对困难企业缓缴社保费。\\n责任单位：区人社局\r\nCONTACT:区人社局社保科\\, 张三\\, 0631-5231406\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20220605\r\nUID:c\r\nSUMMARY:房租减免第一批\r\nX-SOME-ITEMNO:1\r\n" +
	"DESCRIPTION:政策原文（第1项）：减免房租\\n减免3个月房租\\, 最高10万元。\\n责任单位：区国资中心\r\n" +
	"CONTACT:纳税缴费服务热线 12366\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20221231\r\nUID:d\r\nSUMMARY:其他政策\r\nX-SOME-ITEMNO:3\\,4\r\n" +
	"DESCRIPTION:以下政策长期有效。\\n\\n【第\r\n 3项】甲补贴\\n对甲补贴。\\n联系人：区甲局 李四 0631-5230001\\n\\n【第4项】乙补贴\\n对乙补贴。\\n联系人：区乙局 王五 0631-5230002\r\n" +
	"CONTACT:区甲局\\, 李四\\, 0631-5230001\r\nCONTACT:区乙局\\, 王五\\, 0631-5230002\r\nCONTACT:区丙局\\, 赵六\\, 0631-5230003\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20221001\r\nUID:e\r\nSUMMARY:座谈会\r\nDESCRIPTION:企业座谈会。\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

func TestICSText(t *testing.T) {
	out, unread, _ := icsText(icsSample)
	for _, want := range []string{
		"某区惠企政策日历\n发布日期：2022-06-01\n来源：某区营商办。",
		"1. 减免房租\n政策内容：减免3个月房租, 最高10万元。",
		"咨询电话：12366",
		"2. 缓缴社保费\n政策内容：对困难企业缓缴社保费。\n缓缴社保费办理日程：2022年6月1日（申请开始）；2022年7月1日（申报截止）。\n责任单位：区人社局\n联系人：张三（区人社局社保科）\n联系电话：0631-5231406",
		"3. 甲补贴\n政策内容：对甲补贴。",
		"联系人：李四（区甲局）",
		"4. 乙补贴",
		"联系人：王五（区乙局）",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"缓缴提醒", "Asia/Shanghai", "赵六", "座谈会", "UID"} {
		if strings.Contains(out, no) {
			t.Errorf("%q read into\n%s", no, out)
		}
	}
	if len(unread) != 2 || !strings.Contains(unread[0].Line+unread[1].Line, "赵六") || !strings.Contains(unread[0].Line+unread[1].Line, "座谈会") {
		t.Errorf("unread %v", unread)
	}
	g := parseText(icsSample)
	if len(g.Measures) != 4 || g.Issuer != "某区营商办" || g.Title != "某区惠企政策日历" {
		t.Fatalf("%d measures, issuer %q, title %q", len(g.Measures), g.Issuer, g.Title)
	}
	if m := g.Measure(2); m == nil || len(m.Contacts) != 1 || m.Contacts[0].String() != "区人社局 社保科 张三 0631-5231406" {
		t.Errorf("measure 2: %+v", m)
	}
}

// TestICSTextOther: a text that is no calendar comes back unchanged.
func TestICSTextOther(t *testing.T) {
	for _, s := range []string{"", "1. 甲。\n责任单位：区甲局", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "BEGIN:VCARD\r\nFN:x\r\nEND:VCARD"} {
		if got, unread, _ := icsText(s); got != s || unread != nil {
			t.Errorf("%q read as %q", s, got)
		}
	}
}

func FuzzICS(f *testing.F) {
	f.Add(icsSample)
	for _, s := range []string{
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:【第1项】x\nEND:VEVENT",
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\nEND:VALARM\r\nDESCRIPTION:\\\r\n\r\nCONTACT:,,,\\;\r\nX-A-ITEMNO:0\\,999\\,1000\r\nDTEND;VALUE=DATE:20220101\r\n",
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=\"a:b\":20220101T100000\nDESCRIPTION:【第1项】\\n【第2项】\\n联系人：\nCONTACT:（0631）\nEND:VEVENT",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _, _ = icsText(s)
		_ = parseText(s)
	})
}

// TestICSIssuer: the organisation that opens the calendar's description
// is its issuer, also after the calendar says of itself who made it
// (本日历由…整理).
func TestICSIssuer(t *testing.T) {
	for _, c := range []struct{ desc, want string }{
		{"某区营商办根据《通知》整理", "某区营商办"},
		{"本日历由某区优化营商环境工作专班办公室根据《通知》整理", "某区优化营商环境工作专班办公室"},
		{"由某区人民政府办公室编制", "某区人民政府办公室"},
		{"发布单位：某区商务局，2022年6月1日", "某区商务局"},
	} {
		m := icsIssuer.FindStringSubmatch(c.desc)
		if m == nil || m[1] != c.want {
			t.Errorf("%q: issuer %v, want %q", c.desc, m, c.want)
		}
	}
}

// TestICSAddTextSentences: a measure's text is kept sentence by sentence,
// so that a corrupted copy's first copy of an event running on into a
// copied sentence ("A。B。") and its last copy ("A。") say A once.
func TestICSAddTextSentences(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines [][]string // the lines of each event, in order
		want  []string
	}{
		{"a copy runs on", [][]string{{"对甲减免。企业网上申领。"}, {"对甲减免。"}}, []string{"对甲减免。企业网上申领。"}},
		{"the last copy adds", [][]string{{"对甲减免。"}, {"对甲减免。企业网上申领。"}}, []string{"对甲减免。", "企业网上申领。"}},
		{"an unended line", [][]string{{"对甲减免"}, {"对甲减免。"}}, []string{"对甲减免。"}},
		{"two events alike", [][]string{{"对甲减免。", "企业网上申领。"}, {"对甲减免。", "企业网上申领。"}}, []string{"对甲减免。", "企业网上申领。"}},
	} {
		m := &icsMeasure{num: 1}
		for at, ls := range c.lines {
			icsAddText(m, "甲", ls, at)
		}
		if !slices.Equal(m.text, c.want) {
			t.Errorf("%s: text %q, want %q", c.name, m.text, c.want)
		}
	}
}

// TestICSDescriptionTail: an event's tail a corrupted copy moved into the
// calendar's description (its 责任单位 line, a 政策依据 line the
// description says already) is not read into the introduction, where the
// parser would take it for a measure's; the description's own lines stay.
func TestICSDescriptionTail(t *testing.T) {
	cal := func(desc string) string {
		return "BEGIN:VCALENDAR\r\nX-WR-CALNAME:某区惠企政策日历\r\nX-WR-CALDESC:" + desc + "\r\n" +
			"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20220701\r\nSUMMARY:【第1项】缓缴社保费\r\n" +
			"DESCRIPTION:对困难企业缓缴社保费。\\n责任单位：区人社局\\n政策依据：某政发〔2022〕1号\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	for _, c := range []struct {
		desc     string
		want, no []string
	}{
		{"某区营商办根据《某通知》（某政发〔2022〕1号）整理。\\n责任单位：区甲局\\n政策依据：某政发〔2022〕1号",
			[]string{"某区营商办根据《某通知》（某政发〔2022〕1号）整理。\n1. 缓缴社保费"}, []string{"区甲局", "政策依据"}},
		{"某区营商办整理。\\n备注：每月更新",
			[]string{"某区营商办整理。\n备注：每月更新。\n"}, nil},
	} {
		out, _, _ := icsText(cal(c.desc))
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: no %q in\n%s", c.desc, w, out)
			}
		}
		for _, n := range c.no {
			if strings.Contains(out[:strings.Index(out, "1. ")], n) {
				t.Errorf("%q: %q in the introduction of\n%s", c.desc, n, out)
			}
		}
	}
}

// TestICSOwnSentences: a sentence two measures' events give goes to the
// measure whose event gave it last in the file (a corrupted copy's copies
// stand early); the calendar's own sentences go to none; one event giving
// it to two keeps it with both.
func TestICSOwnSentences(t *testing.T) {
	ms := map[int]*icsMeasure{1: {num: 1}, 2: {num: 2}, 3: {num: 3}}
	icsAddText(ms[2], "乙", []string{"对乙补贴。企业网上申领。"}, 0) // a copy early in the file
	icsAddText(ms[1], "甲", []string{"对甲减免。企业网上申领。日历按时间排列。"}, 5)
	icsAddText(ms[3], "丙", []string{"对丙奖励。共同一句。"}, 3)
	icsAddText(ms[2], "乙", []string{"共同一句。"}, 3)
	copies, frame := icsOwnSentences(ms, []int{1, 2, 3}, func(s string) bool { return s == "日历按时间排列。" })
	if len(copies) != 1 || !slices.Equal(frame, []string{"日历按时间排列。"}) {
		t.Errorf("copies %v, frame %q", copies, frame)
	}
	for n, want := range map[int][]string{1: {"对甲减免。企业网上申领。"}, 2: {"对乙补贴。", "共同一句。"}, 3: {"对丙奖励。共同一句。"}} {
		if !slices.Equal(ms[n].text, want) {
			t.Errorf("measure %d: text %q, want %q", n, ms[n].text, want)
		}
	}
}

// TestICSGiveFragment: a catch-all item's piece inside another item's event
// keeps the sentences the catch-all states for it; the sentences after
// them, up to the host's tail, are the host's.
func TestICSGiveFragment(t *testing.T) {
	ms := map[int]*icsMeasure{}
	get := func(n int) *icsMeasure {
		if ms[n] == nil {
			ms[n] = &icsMeasure{num: n}
		}
		return ms[n]
	}
	icsAddText(get(18), "登记便利化", []string{"推行一网通办。", "责任单位：区审批局"}, 9)
	icsAddText(get(1), "留抵退税", []string{"按月退还留抵税额。", "责任单位：区税务局"}, 4)
	icsGiveFragment(icsFragment{num: 18, host: 1, title: "登记便利化", lines: []string{"推行一网通办。纳税人在申报期内申请。", "责任单位：区税务局"}, at: 2}, get, true)
	if want := []string{"推行一网通办。"}; !slices.Equal(ms[18].text, want) {
		t.Errorf("item 18: text %q, want %q", ms[18].text, want)
	}
	if want := []string{"按月退还留抵税额。", "纳税人在申报期内申请。"}; !slices.Equal(ms[1].text, want) {
		t.Errorf("host: text %q, want %q", ms[1].text, want)
	}
	if want := []string{"责任单位：区审批局"}; !slices.Equal(ms[18].duty, want) {
		t.Errorf("item 18: duty %q, want %q", ms[18].duty, want)
	}
}
