package seeds

import (
	"strings"
	"testing"
)

// TestAnnexContacts: an 实施办法 whose articles name no contact gets each
// article's contacts from the 附则's interpretation articles, however an
// item names its articles (a range, a list, a chapter), its units and its
// persons; an article no item names gets none, and the 附则 article keeps
// no one's phone.
func TestAnnexContacts(t *testing.T) {
	head := "某市某区人民政府关于印发《某区稳企实施办法》的通知\n发布日期：2022-06-01\n各街道办事处：\n现印发给你们，请认真贯彻执行。\n某区稳企实施办法\n" +
		"第一章　总则\n第一条　为稳定市场主体，制定本办法。\n" +
		"第二章　减税\n第二条　对小规模纳税人免征增值税。\n第三条　对小微企业减征六税两费。\n" +
		"第三章　就业\n第四条　对参保企业返还失业保险费。\n第五条　对吸纳毕业生的企业给予补贴。\n第六条　对困难企业缓缴社会保险费。\n" +
		"第四章　附则\n"
	for _, tt := range []struct {
		name, annex string
		want        map[int]string // article -> contact lines joined by |
	}{
		{"range and chapter",
			"第七条　本办法第二至三条由区税务局负责解释，联系人：秦某，咨询电话：0555-1234567。\n第八条　本办法第三章各条由区人社局负责解释，咨询电话：12333。\n",
			map[int]string{1: "", 2: "区税务局 秦某 0555-1234567", 3: "区税务局 秦某 0555-1234567", 4: "区人社局 12333", 6: "区人社局 12333", 7: "", 8: ""}},
		{"items, persons with their own articles, two units paired, 7 digits",
			"第七条　本办法下列条款由所列单位负责解释：（一）第二条、第四条至第五条，区人社局，联系人：甲某（第二条），电话：0555-7654321；乙某（第四条至第五条），电话：7654322；（二）第三条，区财政局、区税务局，联系人：丙某，电话：0555-7654323；丁某，电话：0555-7654324。\n",
			map[int]string{2: "区人社局 甲某 0555-7654321", 4: "区人社局 乙某 0555-7654322", 5: "区人社局 乙某 0555-7654322",
				3: "区财政局 丙某 0555-7654323|区税务局 丁某 0555-7654324", 6: "", 7: ""}},
		{"one person under two units: the first unit's, the second named",
			"第七条　本办法第二条至第六条由区财政局、区金融办负责解释，联系人：丙某，电话：0555-7654323。\n",
			map[int]string{2: "区财政局 丙某 0555-7654323|区金融办", 6: "区财政局 丙某 0555-7654323|区金融办", 1: ""}},
		{"an article citing another keeps its own contact",
			"第七条　第五条所列补贴参照第四条执行，咨询电话：0555-7654325。\n",
			map[int]string{4: "", 5: ""}},
		{"bracketed contact, a hotline by 拨打",
			"第七条　本办法第二条由区税务局负责解释（联系人：秦某，电话：0555-1234567）。\n第八条　本办法第三章各条的政策咨询可拨打12345。\n",
			map[int]string{2: "区税务局 秦某 0555-1234567", 3: "", 4: "12345", 5: "12345", 8: ""}},
		{"the interpretation last, before the signature",
			"第七条　本办法自2022年6月1日起施行。\n第八条　本办法第二条至第三条由区税务局负责解释，联系人：秦某，咨询电话：0555-1234567\n",
			map[int]string{2: "区税务局 秦某 0555-1234567", 8: ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := head + tt.annex + "第九条　本办法自2022年6月1日起施行，有效期至2022年12月31日。\n某区人民政府\n2022年6月1日\n"
			if strings.Contains(tt.annex, "第八条　本办法第二条至第三条") {
				text = head + tt.annex + "某区人民政府\n2022年6月1日\n"
			}
			g := parseText(text)
			if !strings.HasPrefix(g.Issuer, "某市某区人民政府") || g.Published != "2022-06-01" {
				t.Errorf("issuer %q, published %q", g.Issuer, g.Published)
			}
			if !strings.Contains(normalizeLayouts(text), "某区人民政府\n2022年6月1日") {
				t.Errorf("the signature was cut")
			}
			for n, want := range tt.want {
				m := g.Measure(n)
				if m == nil {
					t.Fatalf("article %d missing (%d measures)", n, len(g.Measures))
				}
				if got := strings.Join(contactLines(m), "|"); got != want {
					t.Errorf("article %d: %q, want %q", n, got, want)
				}
			}
		})
	}
}
