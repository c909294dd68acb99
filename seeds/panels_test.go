package seeds

import (
	"strings"
	"testing"
)

// TestPanelVariants reads short infographic texts in forms the test guide
// does not use: PART markers, a theme on the marker's line, a bullet's
// heading cut inside a word, a panel without openers (one measure, its
// theme the heading), a box whose unit stands on a line of its own and a
// row with labels and 12345 beside it (a measure's own ▶ contact line, "咨询：" before
// the unit, overrides the box); a box of only a hotline, on the opener's
// line or with words after it ("12345政务服务便民热线"), and a heading cut
// inside a word that only another measure's words say whole.
func TestPanelVariants(t *testing.T) {
	const head = "一图读懂\n《某区关于\n支持企业发展的\n若干措施》\n某政发〔2022〕3号\n为支持企业发展\n制定以下措施。\n"
	for _, tt := range []struct {
		name, text string
		want       []string // each measure: text prefix | contacts joined by |
	}{
		{"PART markers, cut heading, box unit line", head +
			"PART 1\n税费支持\n——————\n● 住房公\n积金缓缴\n企业可申请\n缓缴住房公积金\n期限：12个月\n● 房租减免\n减\n免\n3个月租金\n" +
			"┌ 咨询电话 ┐\n│ 区住建局 │\n│ 王　一  0123-81234567 │\n└──────┘\n" +
			"PART 2\n金融支持\n——————\n▶ 贷款贴息\n按\n50%\n贴息\n▶ 咨询：区金融办 李二 0123-81234568\n▶ 应急转贷\n规模\n1OOO万元\n┌ 咨询电话 ┐\n区金融办  联系人：李二  电话：（0123）81234568\n12345\n└──────┘\n" +
			"PART 3 营商服务\n——————\n企业开办\n一日办结\n全程免费\n┌ 咨询电话 ┐\n12345\n└──────┘\n编辑：某某\n",
			[]string{"住房公积金缓缴：企业可申请缓缴住房公积金；期限：12个月。|区住建局 王一 0123-81234567",
				"房租减免：减免3个月租金。|区住建局 王一 0123-81234567",
				"贷款贴息：按50%贴息。|区金融办 李二 0123-81234568",
				"应急转贷：规模1000万元。|区金融办 李二 0123-81234568|区金融办 12345",
				"营商服务：企业开办一日办结全程免费。|12345"}},
		{"hotline boxes, a cut heading another measure's words join", head +
			"PART 1\n住房保障\n——————\n● 住房公\n积金缓缴\n企业可申请\n缓缴\n期限：12个月\n● 公积金贷款\n缴存住房公积金的\n职工首套房\n贷款额度提高\n" +
			"┌ 咨询电话 ┐\n│ 区住建局 │\n│ 王　一  （0123）81234567 │\n└──────┘\n" +
			"PART 2\n营商服务\n——————\n● 企业开办\n一日办结\n● 免申即享\n资金直达\n┌ 咨询电话：12345 ┐\n└──────┘\n" +
			"PART 3\n政务服务\n——————\n● 一网通办\n全程网办\n┌ 咨询电话 ┐\n12345政务服务便民热线\n└──────┘\n编辑：某某\n",
			[]string{"住房公积金缓缴：企业可申请缓缴；期限：12个月。|区住建局 王一 0123-81234567",
				"公积金贷款：缴存住房公积金的职工首套房贷款额度提高。|区住建局 王一 0123-81234567",
				"企业开办：一日办结。|12345", "免申即享：资金直达。|12345", "一网通办：全程网办。|12345"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Measures) != len(tt.want) || len(g.Sections) != 3 {
				for _, m := range g.Measures {
					t.Logf("%d %q %q", m.Number, m.Text, contactLines(&m))
				}
				t.Fatalf("%d measures, want %d; %d sections", len(g.Measures), len(tt.want), len(g.Sections))
			}
			for k, w := range tt.want {
				prefix, contacts, _ := strings.Cut(w, "|")
				m := g.Measure(k + 1)
				text := m.Text + strings.Join(m.Details, "")
				if !strings.HasPrefix(text, prefix) || strings.Join(contactLines(m), "|") != contacts {
					t.Errorf("measure %d: %q %q, want %q %q", k+1, text, contactLines(m), prefix, contacts)
				}
			}
		})
	}
}

// TestPanelsNotInfographic: numbered lines and rules that are no panels
// leave a text as it is.
func TestPanelsNotInfographic(t *testing.T) {
	for _, text := range []string{
		"01\n税费支持\n● 减免房租\n02\n金融支持\n● 贷款贴息\n03\n就业\n● 补贴\n",
		"一、税费支持\n——————\n1. 减免房租。\n2. 贷款贴息。\n",
	} {
		if got := normalizePanels(text); got != text {
			t.Errorf("rewritten: %q", got)
		}
	}
}

func TestFixOCRDigits(t *testing.T) {
	for in, want := range map[string]string{"2O22年": "2022年", "1OO万元": "100万元", "1OOOO万元": "10000万元", "PART 1": "PART 1", "OK": "OK", "O2O": "020"} {
		if got := fixOCRDigits(in); got != want {
			t.Errorf("fixOCRDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
