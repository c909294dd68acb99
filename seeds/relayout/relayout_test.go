package relayout

import (
	"strings"
	"testing"
)

var doc = Doc{Title: "某区关于支持企业的若干措施", Date: "2023-01-01", Intro: "为支持企业，制定以下措施：", Sections: []Section{
	{Title: "减轻负担", Measures: []Measure{
		{Title: "减免租金", Body: []string{"对小微企业减免三个月租金。", "转租的，落实到实际经营者。"},
			Contacts: []Contact{{Unit: "区国资委", Person: "张某", Phone: "010-11111111"}}},
		{Body: []string{"对困难企业缓缴社会保险费。"}, Contacts: []Contact{{Unit: "区人社局", Phone: "12333"}, {Unit: "区税务局"}}},
	}},
	{Title: "金融支持", Measures: []Measure{
		{Title: "贷款贴息", Body: []string{"对首次贷款给予贴息。"}, Contacts: []Contact{{Unit: "区金融办", Person: "李某", Phone: "010-33333333"}}},
	}},
}}

// TestRenderKeepsContent: every perturbation, on every seed, keeps each
// sentence, unit and phone (wrapping aside, which cuts lines), and the same
// seed draws the same text.
func TestRenderKeepsContent(t *testing.T) {
	for _, p := range Perturbations {
		for seed := range uint64(20) {
			st := p.Draw(New(seed))
			text := Render(doc, st)
			if again := Render(doc, p.Draw(New(seed))); again != text {
				t.Fatalf("%s seed %d: not deterministic", p.Name, seed)
			}
			flat := strings.ReplaceAll(text, "\n", "")
			if st.Wrap > 0 {
				flat = strings.NewReplacer("— 1 —", "", "— 2 —", "").Replace(flat)
			}
			for _, s := range doc.Sections {
				for _, m := range s.Measures {
					for _, b := range m.Body {
						if !strings.Contains(flat, b) {
							t.Errorf("%s seed %d %+v: lost %q", p.Name, seed, st, b)
						}
					}
					for _, c := range m.Contacts {
						if !strings.Contains(flat, c.Unit) || !strings.Contains(flat, c.Phone) {
							t.Errorf("%s seed %d %+v: lost %v", p.Name, seed, st, c)
						}
					}
				}
			}
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		style string
		n     int
		want  string
	}{{"（一）", 12, "（十二）"}, {"第一条", 21, "第二十一条"}, {"①", 3, "③"}, {"①", 23, "㉓"}, {"①", 40, "㊵"}, {"1、", 7, "7、"}, {"none", 3, ""}} {
		if got := number(c.style, c.n); got != c.want {
			t.Errorf("number(%q, %d) = %q, want %q", c.style, c.n, got, c.want)
		}
	}
}
