package seeds

import (
	"strings"
	"testing"
)

func TestNormalizeTabTables(t *testing.T) {
	const head = "序号\t政策类别\t政策内容\t责任单位\t联系人\t联系电话\n"
	for _, tt := range []struct {
		name, in, want string
	}{
		{"no table", "1\t减免租金\n", "1\t减免租金\n"},
		{"row and empty cells", head + "1\t\t减免租金。对…\t区国资委\t\t12366\n",
			"序号\n政策类别\n政策内容\n责任单位\n联系人\n联系电话\n1\n\n减免租金。对…\n区国资委\n\n12366\n"},
		// A category row is no measure; trailing TABs are empty cells.
		{"category row", head + "\t财税支持\t\t\t\t\n2\t\t退税。\t区税务局\t\t\n",
			"序号\n政策类别\n政策内容\n责任单位\n联系人\n联系电话\n2\n\n退税。\n区税务局\n\n\n"},
		// A line break sprinkled after a cell's 。 splits a row: joined
		// again while the TABs fit the header.
		{"broken row", head + "3\t\t缓缴社保。\n对困难企业缓缴。\t区人社局\t张某\t0745-82313301\n4\t\t补贴。\t区商务局\t\t\n",
			"序号\n政策类别\n政策内容\n责任单位\n联系人\n联系电话\n3\n\n缓缴社保。对困难企业缓缴。\n区人社局\n张某\n0745-82313301\n4\n\n补贴。\n区商务局\n\n\n"},
		// A row's sentence moved ahead of the header is a row too.
		{"row ahead", "对企业代办。\t区政务中心\t\t12345\n5\t\t代办。\n" + head,
			"对企业代办。\n区政务中心\n\n12345\n5\n\n代办。\n" + strings.ReplaceAll(head, "\t", "\n")},
	} {
		if got := normalizeTabTables(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestNormalizeConsult(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"seed labels unchanged", "牵头单位：区人保局配合单位：区财政局\n联系人：林某\n联系方式：010-69050322\n2.…",
			"牵头单位：区人保局配合单位：区财政局\n联系人：林某\n联系方式：010-69050322\n2.…"},
		{"two pairs and a channel", "（一）减免租金。\n对…减免。\n牵头单位：区国资委；配合单位：区财政局、各镇街\n政策咨询：张某某 023-67811001；李某 023-67811002\n办理渠道：“渝快办”APP\n（二）退税。",
			"（一）减免租金。\n对…减免。\n办理渠道：“渝快办”APP。\n责任单位：区国资委\n配合单位：区财政局、各镇街\n联系人：张某某\n联系电话：023-67811001\n联系人：李某\n联系电话：023-67811002\n（二）退税。"},
		// Whatever the order; the corruption glued the next title on.
		{"channel first, title glued", "办理渠道：政务服务中心窗口\n政策咨询：区人社局就业科 023-67812233\n牵头单位：区人社局（三）补贴。",
			"办理渠道：政务服务中心窗口。\n责任单位：区人社局\n联系人：区人社局就业科\n联系电话：023-67812233（三）补贴。"},
		// Another field between the labels is a sentence too.
		{"field between", "牵头单位：区税务局\n执行期限：2022年12月31日\n政策咨询：12366\n",
			"执行期限：2022年12月31日。\n责任单位：区税务局\n联系电话：12366\n"},
		{"unit alone", "牵头单位：区商务局\n政策咨询：区商务局 023-67813344\n",
			"责任单位：区商务局\n联系电话：023-67813344（区商务局）\n"},
	} {
		if got := normalizeConsult(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestConsultParse: a measure's labelled lines in any order give its
// units, contacts and procedure; the next measure keeps its own.
func TestConsultParse(t *testing.T) {
	g := parseText("某区关于印发《某区稳经济落实细则》的通知\n发布日期：2022-06-15\n为稳住经济，制定本细则。\n一、财税\n" +
		"（一）减免服务业小微企业房屋租金。\n对承租国有房屋的小微企业减免租金。\n办理渠道：“政企通”APP\n政策咨询：周某某 023-67810001；吴某 023-67810002\n牵头单位：区国资委；配合单位：区财政局\n" +
		"（二）加快落实增值税留抵退税政策。\n对符合条件的企业退还留抵税额。\n牵头单位：区税务局\n政策咨询：12366\n" +
		"（三）阶段性缓缴企业社会保险费。\n对困难企业缓缴社会保险费。\n牵头单位：区人社局\n政策咨询：区人社局社保科 023-67810003\n办理方式：社保窗口\n")
	if len(g.Measures) != 3 {
		t.Fatalf("%d measures", len(g.Measures))
	}
	for _, tt := range []struct {
		n                int
		lead, support    string
		contacts, detail string
	}{
		{1, "区国资委", "区财政局", "区国资委 周某某 023-67810001|区国资委 吴某 023-67810002", "办理渠道：“政企通”APP。"},
		{2, "区税务局", "", "区税务局 12366", ""},
		{3, "区人社局", "", "区人社局 社保科 023-67810003", "办理方式：社保窗口。"},
	} {
		m := g.Measure(tt.n)
		if got := strings.Join(m.Lead, "、"); got != tt.lead {
			t.Errorf("%d: lead %q", tt.n, got)
		}
		if got := strings.Join(m.Support, "、"); got != tt.support {
			t.Errorf("%d: support %q", tt.n, got)
		}
		if got := strings.Join(contactLines(m), "|"); got != tt.contacts {
			t.Errorf("%d: contacts %q", tt.n, got)
		}
		if tt.detail != "" && (len(m.Details) == 0 || m.Details[len(m.Details)-1] != tt.detail) {
			t.Errorf("%d: details %q", tt.n, m.Details)
		}
	}
}
