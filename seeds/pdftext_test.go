package seeds

import (
	"strings"
	"testing"
)

func TestNormalizePDF(t *testing.T) {
	// Twelve lines cut at 20 cells, as a PDF's text is copied.
	wrapped := strings.Repeat("对符合条件的小微企业按月全额退还增量留抵税\n", 12)
	for _, tt := range []struct {
		name, in, want string
	}{
		{"plain text", "一、总则\n1.减免租金。对企业减免。\n", "一、总则\n1.减免租金。对企业减免。\n"},
		// One footer-like line alone shows no pages.
		{"one footer", "甲。\n— 1 —\n乙。\n", "甲。\n— 1 —\n乙。\n"},
		{"footers and a header", "某区若干措施的通知\n甲\n— 1 —\n某区若干措施\n乙。\n— 2 —\n某区若干措施\n丙。\n",
			"某区若干措施的通知\n甲\n乙。\n丙。\n"},
		// A line that is the document's own heading, not after a footer, stays.
		{"title line kept", "某区若干措施的通知\n某区若干措施\n甲。\n— 1 —\n乙。\n— 2 —\n",
			"某区若干措施的通知\n某区若干措施\n甲。\n乙。\n"},
		{"wrapped lines joined", "（一）减免税费。对符合条件的小微企业和个体\n" + wrapped + "减免。\n二、下一节\n",
			"（一）减免税费。对符合条件的小微企业和个体" + strings.ReplaceAll(wrapped, "\n", "") + "减免。\n二、下一节\n"},
		// A full line before a heading or a bracket number is not joined.
		{"heading not joined", wrapped + "（二）另一条。\n", strings.ReplaceAll(wrapped, "\n", "") + "\n（二）另一条。\n"},
	} {
		if got := normalizePDF(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestPDFTableContacts: a one-cell-per-line table after measures the text
// numbers gives them their contacts; it adds no measures, and the
// sections read from the text stay.
func TestPDFTableContacts(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/minchuan-2022-pdf-wrap/guide.txt")
	if len(g.Sections) != 4 || g.Measure(9).Section != 3 || len(g.Report.Warnings) != 2 {
		t.Errorf("sections %+v, measure 9 in %v, warnings %+v", g.Sections, g.Measure(9).Section, g.Report.Warnings)
	}
	// Numbers cut by the page's width are whole again, the footer and the
	// header inside measure 7 are gone.
	if m := g.Measure(7); !strings.Contains(m.Details[0], "担保费率降至0.8%，降费部分由区财政按季度给予补偿。") {
		t.Errorf("measure 7: %q", m.Details)
	}
	if m := g.Measure(3); !strings.Contains(m.Details[0], "在2022年1月1日至2024年12月31日期间") {
		t.Errorf("measure 3: %q", m.Details)
	}
}

func TestClauseLabels(t *testing.T) {
	for _, tt := range []struct {
		in, lead, support, contacts string
	}{
		{"（牵头单位：区税务局；咨询电话：12366）", "区税务局", "", "区税务局 12366"},
		{"（牵头单位：区人社局，配合单位：区财政局、各街道；咨询电话：025-84001234、12333）", "区人社局", "区财政局、各街道", "区人社局 025-84001234、12333"},
		{"（牵头单位：区商务局，配合单位：区文旅局等部门）", "区商务局", "区文旅局", ""},
		{"（责任单位：区商务局、区文旅局，联系人：张某 025-84005678，李某 025-84005679）", "区商务局、区文旅局", "",
			"区商务局 张某 025-84005678|区文旅局 李某 025-84005679"},
	} {
		b, n := clauseAt(tt.in)
		if b == nil || n != len(tt.in) {
			t.Errorf("%s: not read (%d)", tt.in, n)
			continue
		}
		var cs []string
		for _, c := range b.contacts {
			cs = append(cs, c.String())
		}
		if strings.Join(b.lead, "、") != tt.lead || strings.Join(b.support, "、") != tt.support || strings.Join(cs, "|") != tt.contacts {
			t.Errorf("%s: lead %v support %v contacts %q", tt.in, b.lead, b.support, cs)
		}
	}
}
