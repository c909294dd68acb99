package seeds

import (
	"slices"
	"strings"
	"testing"
)

// tomlSample is a small kiosk config: a quoted Chinese key, a local date,
// settings naming a hotline, contact tables referenced by key path, an
// inline table overriding one, items out of order, a withdrawn item, a
// [policy.extra] sub-table, a backslash-continued body, a commented-out
// item, a FAQ restating measures by number and by tags, and a changelog
// holding an old phone.
const tomlSample = `# KSK-CMS export
updated = 2022-07-01T08:00:00+08:00
schema = 3

[document]
title = "某区稳经济若干措施"
issuer = "某区人民政府"
"文号" = "某政发〔2022〕1号"
published = 2022-06-20
area_code = "0851"

[ui]
marquee = "便民热线12345"
highlight = 0xFFD54F

[contacts.jia]
unit = "区甲局"
dept = "综合科"
person = "张三"
tel = ["0851-86550188", "13985021746"]

[contacts.yi]
unit = "区乙局"
dept = "业务科"
person = "李四"
tel = "86550360"

[[policy]]
no = 2
title = "乙补贴"
body = """\
    对乙补贴20\
    22年底前。\
    """
deadline = 2022-12-31   # 以通知为准
lead = "区乙局"
support = ["区甲局"]
contact = ["contacts.yi", "contacts.jia"]
[policy.extra]
note = "窗口办理"

[[policy]]
no = 1
title = "“甲”减免"
body = '''
对"甲"减免。'''
lead = "区甲局"
contact = { ref = "contacts.jia", person = "罗敏", tel = "139 8502 6613" }   # 单列

[[policy]]
no = 3
title = "丙补贴"
enabled = false   # 撤回
body = "对丙补贴。"
contact = "contacts.yi"

[[policy]]
no = 4
title = "丁补贴"
body = "对丁补贴，通过\"云闪付\"领取。"
lead = "区乙局"
contact = "contacts.yi"

# [[policy]]
# no = 5
# title = "戊补贴"

[[faq]]
q = "乙补贴找谁？"
related = 2
contact = { unit = "区政务服务中心", dept = "企业服务专窗", tel = "0851-86550299" }

[[faq]]
q = "丁补贴怎么领？"
tags = ["云闪付"]
contact = { unit = "区乙局", dept = "活动专班", tel = "0851-86550230" }

[changelog]
entries = [
  { key = "contacts.yi.tel", old = "63612359", new = "86550360" },
]
`

func TestTOMLText(t *testing.T) {
	out, unread, units, absent, withdrawn, copies := tomlText(tomlSample)
	for _, want := range []string{
		"某区稳经济若干措施\n发布日期：2022-06-20\n来源：某区人民政府。\n某政发〔2022〕1号\n联系电话未标注区号的，区号均为0851。",
		// The inline table's person and phone replace the referenced ones.
		"1. “甲”减免\n政策内容：对\"甲\"减免。\n责任单位：区甲局\n联系人：罗敏（区甲局综合科）\n联系电话：139 8502 6613\n2. 乙补贴",
		// Backslash continuation joins without a space, inside a number.
		"2. 乙补贴\n政策内容：对乙补贴2022年底前。\n执行期限：2022年12月31日。\n责任单位：区乙局、区甲局、区政务服务中心\n咨询电话：0851-86550299（区政务服务中心）\n" +
			"联系人：李四（区乙局业务科）\n联系电话：86550360\n联系人：张三（区甲局综合科）\n联系电话：0851-86550188；13985021746",
		"3. 丙补贴（已撤回）\n政策内容：对丙补贴。\n4. 丁补贴",
		"4. 丁补贴\n政策内容：对丁补贴，通过\"云闪付\"领取。\n责任单位：区乙局\n咨询电话：0851-86550230\n联系人：李四（区乙局业务科）",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"12345", "63612359", "戊补贴", "窗口办理", "16766287", "2022-07-20", "\\"} {
		if strings.Contains(out, no) {
			t.Errorf("%q read into\n%s", no, out)
		}
	}
	if len(unread)+len(units)+len(absent)+len(copies) != 0 || !slices.Equal(withdrawn, []int{3}) {
		t.Errorf("unread %v, units %v, absent %v, withdrawn %v, copies %v", unread, units, absent, withdrawn, copies)
	}
	g := parseText(tomlSample)
	if len(g.Measures) != 3 || g.Issuer != "某区人民政府" || g.Published != "2022-06-20" || g.Measure(3) != nil || len(g.Report.Missing) != 0 {
		t.Fatalf("%d measures, issuer %q, published %q, missing %v", len(g.Measures), g.Issuer, g.Published, g.Report.Missing)
	}
	if !warned(g, WarnWithdrawn, 3) {
		t.Errorf("withdrawn 3 not reported: %+v", g.Report.Warnings)
	}
	if m := g.Measure(1); m == nil || len(m.Contacts) != 1 || m.Contacts[0].String() != "区甲局 综合科 罗敏 13985026613" {
		t.Errorf("measure 1: %+v", m)
	}
}

// TestTOMLTextOther: a text that is no TOML policy list comes back
// unchanged: prose, a YAML list, a TOML file of no policies, an INI file.
func TestTOMLTextOther(t *testing.T) {
	for _, s := range []string{"", "1. 甲。\n责任单位：区甲局", "p:\n  - no: 1\n    title: a\n  - no: 2\n    title: b\n",
		"[package]\nname = \"x\"\nversion = \"1\"\nedition = \"2021\"\n[dependencies]\nserde = \"1\"\ntoml = \"0.8\"\n",
		"[a]\nx = 1\ny = 2\n[b]\nz = 3\nw = 4\nv = [\n", tomlSample[:40]} {
		if got, unread, units, absent, withdrawn, copies := tomlText(s); got != s || unread != nil || units != nil || absent != nil || withdrawn != nil || copies != nil {
			t.Errorf("%q read as %q", s, got)
		}
	}
}

// TestTOMLDamaged: a file that does not parse is read table by table and
// key by key; what does not parse is reported.
func TestTOMLDamaged(t *testing.T) {
	s := strings.Replace(tomlSample, "title = \"丁补贴\"", "title = \"丁补贴", 1)
	s = strings.Replace(s, "[contacts.yi]", "[contacts.yi\n", 1)
	out, unread, _, _, _, _ := tomlText(s)
	for _, want := range []string{"1. “甲”减免\n政策内容：对\"甲\"减免。\n责任单位：区甲局\n联系人：罗敏", "4. 对丁补贴\n政策内容：对丁补贴"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if len(unread) < 2 {
		t.Errorf("unread %v", unread)
	}
}
