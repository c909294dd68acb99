package seeds

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestOtherDistrict(t *testing.T) {
	g, err := Load("testdata/other_district.txt")
	if err != nil {
		t.Fatal(err)
	}
	if g.Issuer != "云溪市青山区人民政府" || g.Published != "2023-03-15" {
		t.Errorf("issuer %q published %q", g.Issuer, g.Published)
	}
	type want struct {
		text     string
		section  int
		sub      int
		details  int
		contacts string
	}
	tests := map[int]want{
		1: {"对承租区属国有房屋", 1, 1, 1, "[区国资中心 资产管理科 周明远 010-81234567]"},
		2: {"2023年对小微企业用电价格给予2.5%的补贴。", 1, 2, 0, "[区发改委 价格科 吴晓 010-81230001 区电力公司 营销部 何静、孙悦 13812345678、010-81230002]"},
		3: {"用气企业可申请分期缴费", 1, 2, 0, "[]"},
		4: {"对餐饮企业免收垃圾处理费3个月。", 1, 2, 0, "[区城管局 环卫科 郑好 010-81230003]"},
		5: {"对不裁员少裁员的企业", 2, 1, 1, "[区人社局 失业保险科 冯丽 010-81230004、010-81230005]"},
		6: {"招用本区户籍劳动力", 2, 1, 0, "[区人社局 就业科 冯丽 010-81230006]"},
		7: {"创业担保贷款最高额度提高至30万元，个人创业担保贷款额度提高至20万元。", 2, 2, 0, "[区金融服务中心 孙平 010-81230007]"},
		// The block after the last start ends the corrupted text: a
		// measure 9 whose start was lost would have left the same text,
		// so it is withheld and reported (see unsettled).
		8: {"政府采购项目预留份额不低于40%。", 3, 2, 0, "[]"},
	}
	if len(g.Measures) != len(tests) {
		t.Fatalf("%d measures", len(g.Measures))
	}
	for n, w := range tests {
		m := g.Measure(n)
		var cs []string
		for _, c := range m.Contacts {
			cs = append(cs, c.String())
		}
		if got := "[" + strings.Join(cs, " ") + "]"; got != w.contacts {
			t.Errorf("measure %d contacts %s, want %s", n, got, w.contacts)
		}
		if !strings.HasPrefix(m.Text, w.text) || m.Section != w.section || m.Subsection != w.sub || len(m.Details) != w.details {
			t.Errorf("measure %d = %q %d/%d details %v", n, m.Text, m.Section, m.Subsection, m.Details)
		}
	}
	if got := g.Measure(2).Support; len(got) != 0 {
		t.Errorf("block without 配合单位 gave support %v", got)
	}
	if got := g.Measure(1).Support; !reflect.DeepEqual(got, []string{"区财政局"}) {
		t.Errorf("配合部门 read as %v", got)
	}
	if !reflect.DeepEqual(g.Report.MissingContact, []int{3, 8}) || len(g.Report.MissingText) != 0 {
		t.Errorf("gaps %v %v", g.Report.MissingText, g.Report.MissingContact)
	}
	if s := g.Section(3); s == nil || !s.Inferred {
		t.Errorf("lost section 三 not inferred: %+v", g.Sections)
	}
	kinds := map[string]bool{}
	for _, w := range g.Report.Warnings {
		kinds[w.Kind] = true
	}
	if !kinds[WarnPersonPhones] || !kinds[WarnUnsettledContact] {
		t.Errorf("warnings %+v", g.Report.Warnings)
	}
	if !warnedLine(g, WarnUnsettledContact, 8, "联系方式：010-81230007") {
		t.Errorf("the withheld block's line is not reported: %+v", g.Report.Warnings)
	}
}

func TestGBK(t *testing.T) {
	utf, err := Load("testdata/other_district.txt")
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := Load("testdata/other_district_gbk.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(utf.Measures, gbk.Measures) || utf.Title != gbk.Title {
		t.Error("GBK copy parses differently from the UTF-8 one")
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	text, _ := os.ReadFile("../seeds/" + EmbeddedName)
	half := len(text) / 2
	for half < len(text) && text[half]&0xc0 == 0x80 {
		half++ // keep runes whole
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), text[:half], 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), text[half:], 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("ignored"), 0o644)
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := mustEmbedded(t)
	if !reflect.DeepEqual(g.Measures, want.Measures) {
		t.Error("a seed split across files parses differently")
	}
	if g.Hash == want.Hash || g.Hash == "" {
		t.Error("directory hash should differ from the single file's and be set")
	}
}

func TestBadInput(t *testing.T) {
	bin, _ := os.ReadFile("testdata/binary.bin")
	tests := []struct {
		name    string
		src     string
		err     error
		measure int    // a measure that must be there, 0 for none
		warn    string // a warning kind that must be reported
	}{
		{"empty", "", ErrEmpty, 0, ""},
		{"whitespace", " \n\t\n", ErrEmpty, 0, ""},
		{"binary", string(bin), ErrNotText, 0, ""},
		{"nul bytes", "牵头单位\x00\x00", ErrNotText, 0, ""},
		{"no measures", "这是一段没有任何措施的文字。第二句。", nil, 0, WarnNoMeasures},
		{"only a title", "某区人民政府关于印发《某指南》的通知发布日期:2022-01-01", nil, 0, WarnNoMeasures},
		{"truncated block", "一、总则（一）租金1.减免租金。牵头单位：区财政局联系人：区财政局预算科", nil, 1, WarnTruncated},
		{"block without phones", "1.减免租金。牵头单位：区财政局联系人：区财政局预算科张三2.延期缴费。", nil, 2, WarnTruncated},
		{"block without people", "1.减免租金。牵头单位：区财政局联系方式：010-123456782.延期缴费。", nil, 1, ""},
		{"heading only", "一、总则", nil, 0, WarnNoMeasures},
		{"labels only", "牵头单位：联系人：联系方式：", nil, 0, WarnUnattributed},
		{"invalid utf8 tail", "1.减免租金，对承租国有房屋的小微企业免除租金，已缴纳的租金可以抵扣。\xff", nil, 1, ""},
		{"contact before any measure", "牵头单位：区财政局联系人：张三联系方式：010-12345678。", nil, 0, WarnUnattributed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.src))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.measure > 0 && g.Measure(tt.measure) == nil {
				t.Errorf("measure %d missing: %+v", tt.measure, g.Measures)
			}
			if tt.warn != "" {
				found := false
				for _, w := range g.Report.Warnings {
					found = found || w.Kind == tt.warn
				}
				if !found {
					t.Errorf("no %s warning: %+v", tt.warn, g.Report.Warnings)
				}
			}
			if _, err := json.Marshal(g); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestJSONShape(t *testing.T) {
	b, err := json.Marshal(mustEmbedded(t))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	want := []string{"area_code", "issuer", "measures", "missing_contact", "missing_text", "published", "sections", "subsections", "title"}
	if sortStrings(keys); !reflect.DeepEqual(keys, want) {
		t.Errorf("top-level keys %v", keys)
	}
	var measures []map[string]any
	json.Unmarshal(doc["measures"], &measures)
	for _, m := range measures {
		for _, k := range []string{"text", "details", "lead", "support", "contacts"} {
			if m[k] == nil {
				t.Fatalf("measure %v: %s is null", m["number"], k)
			}
		}
		if m["number"].(float64) == 48 && (m["section"] != nil || m["subsection"] != nil) {
			t.Errorf("measure 48 should have null section: %v %v", m["section"], m["subsection"])
		}
		if m["number"].(float64) == 2 && (m["section"].(float64) != 1 || m["subsection"].(float64) != 2) {
			t.Errorf("measure 2 section %v/%v", m["section"], m["subsection"])
		}
	}
	if !strings.Contains(string(doc["missing_contact"]), "85") || string(doc["missing_text"])[0] != '[' {
		t.Errorf("gap lists %s %s", doc["missing_text"], doc["missing_contact"])
	}
	empty, _ := json.Marshal(&Guide{})
	if !strings.Contains(string(empty), `"measures":[]`) || !strings.Contains(string(empty), `"missing_text":[]`) {
		t.Errorf("empty guide: %s", empty)
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestChineseNumerals(t *testing.T) {
	for n := 1; n < 100; n++ {
		if got := ParseNumeral(Numeral(n)); got != n {
			t.Errorf("%d -> %s -> %d", n, Numeral(n), got)
		}
	}
}
