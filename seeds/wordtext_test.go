package seeds

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// utf16Bytes encodes s in UTF-16 in the order given, with or without a BOM.
func utf16Bytes(t *testing.T, s string, order unicode.Endianness, bom bool) []byte {
	t.Helper()
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	b, err := unicode.UTF16(order, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecodeUTF16: UTF-16 in either order, with its BOM or with the NULs
// of its ASCII on one side of each unit, decodes to the text; binary
// input with NULs on both sides and UTF-32 are still no text.
func TestDecodeUTF16(t *testing.T) {
	text := "一、落实税费减免政策\r\n1.\t对小微企业一次性补助。（牵头部门：镇税务分局）\r\n联系电话：87331201\r\n"
	for _, tt := range []struct {
		name  string
		order unicode.Endianness
		bom   bool
	}{
		{"LE with BOM", unicode.LittleEndian, true},
		{"BE with BOM", unicode.BigEndian, true},
		{"LE without BOM", unicode.LittleEndian, false},
		{"BE without BOM", unicode.BigEndian, false},
	} {
		got, err := Decode(utf16Bytes(t, text, tt.order, tt.bom))
		if err != nil || got != text {
			t.Errorf("%s: %q, %v", tt.name, got, err)
		}
	}
	// Chinese without ASCII has no NUL: never taken for UTF-16 without a
	// BOM, whatever its bytes (here GBK-like pairs).
	if got, err := Decode([]byte("政策措施")); err != nil || got != "政策措施" {
		t.Errorf("UTF-8: %q, %v", got, err)
	}
	binary := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00\x00\x01sRGB\x00\xae\xce\x1c\xe9")
	for name, b := range map[string][]byte{
		"binary": binary,
		"UTF-32": append([]byte("\xff\xfe\x00\x00"), "1\x00\x00\x00.\x00\x00\x00"...),
		// A file of NULs beside non-text bytes: NULs on one side, but
		// not beside ASCII text.
		"control bytes": []byte(strings.Repeat("\x01\x00\x02\x00\x03\x00\x7f\x00", 20)),
	} {
		if _, err := Decode(b); !errors.Is(err, ErrNotText) {
			t.Errorf("%s: err %v, want ErrNotText", name, err)
		}
	}
}

// TestWordTextGuide: the Word plain-text export of guiwan-2022-utf16-text
// reads with its true numbers (a restarted list, a typed number), its
// notes on the measures that mark them, and none of the phones that
// belong to no measure (the switchboard, the text box's hotline, the
// 印发 office's).
func TestWordTextGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/guiwan-2022-utf16-text/guide.txt")
	if g.Title != "桂湾镇2022年助企纾困政策措施工作指南" {
		t.Errorf("title %q", g.Title)
	}
	starts := map[int]string{
		10: "对2022年新获得首笔银行贷款",   // printed 1.
		13: "引导银行机构",            // printed 4.
		14: "联合商场超市",            // printed 14. again
		15: "对在镇内注册登记的道路货物运输企业", // typed, no TAB
	}
	for n, prefix := range starts {
		if m := g.Measure(n); m == nil || !strings.HasPrefix(m.Text, prefix) {
			t.Errorf("measure %d: %+v", n, m)
		}
	}
	// Notes: the mark goes, the note is the measure's.
	if m := g.Measure(5); m == nil || strings.Contains(m.Text, "[2]") || !strings.Contains(strings.Join(m.Details, ""), "餐饮、零售、旅游") {
		t.Errorf("measure 5 lacks its note: %+v", m)
	}
	// The steps （1）–（3） are measure 12's, its clause alone after them.
	if m := g.Measure(12); m == nil || !strings.Contains(m.Text, "企业向合作银行提出续贷申请") || strings.Join(m.Lead, "、") != "镇金融办" {
		t.Errorf("measure 12: %+v", m)
	}
	// The body table's rows are measure 16's sentences, amounts no phone.
	if m := g.Measure(16); m == nil || !strings.Contains(m.Text+strings.Join(m.Details, ""), "乡村民宿，2000元") || len(m.Contacts) != 1 {
		t.Errorf("measure 16: %+v", m)
	}
	for _, m := range g.Measures {
		for _, c := range m.Contacts {
			for _, p := range c.Phones {
				if strings.Contains(p, "87330000") || strings.Contains(p, "87331088") || strings.Contains(p, "87330001") {
					t.Errorf("measure %d has a phone of no measure: %s", m.Number, c)
				}
			}
		}
	}
}

// TestWordTextScrambled: the corrupted copy (UTF-16 too) gives every
// measure the contacts the clean guide gives it.
func TestWordTextScrambled(t *testing.T) {
	dir := "testdata/formats/guiwan-2022-utf16-text/"
	clean, got := mustParseFile(t, dir+"guide.txt"), mustParseFile(t, dir+"scrambled-1.txt")
	if len(got.Measures) != len(clean.Measures) {
		t.Fatalf("%d measures, the clean guide %d", len(got.Measures), len(clean.Measures))
	}
	for _, w := range clean.Measures {
		m := got.Measure(w.Number)
		if m == nil || !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !reflect.DeepEqual(m.Lead, w.Lead) {
			t.Errorf("measure %d: %+v, want contacts %q", w.Number, m, contactLines(&w))
		}
	}
}

// TestWordTextDamaged: a truncated export (at any byte, half a UTF-16
// unit too) or a malformed table never panics: an error or a partial
// guide, and a row wider than its header is reported.
func TestWordTextDamaged(t *testing.T) {
	src, err := os.ReadFile("testdata/formats/guiwan-2022-utf16-text/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{1, 2, 3, 101, len(src) / 3, len(src)/2 + 1, len(src) - 7} {
		g, err := Parse(src[:cut])
		if err == nil && g == nil {
			t.Errorf("cut at %d: no guide and no error", cut)
		}
	}
	g, err := Parse(src[:len(src)/2])
	if err != nil || len(g.Measures) < 5 {
		t.Errorf("half the file: %v, %d measures", err, len(g.Measures))
	}
	text := "一、甲\n1.\t对甲企业补助。（牵头部门：镇甲局）\n2.\t对乙企业补助。（牵头部门：镇乙局）\n3.\t对丙企业补助。（牵头部门：镇甲局）\n" +
		"序号\t对应条款\t牵头部门\t联系人\t联系电话\n1\t第1、3条\t镇甲局\t张某\t87330011\t多余\t多余\n2\t第2条\t镇乙局\t李某\t87330012\n"
	g = parseText(text)
	if len(g.Measures) != 3 || !hasUnread(g, "wider than its header") {
		t.Errorf("malformed table: %d measures, unread %+v", len(g.Measures), g.Report.Unread)
	}
	if m := g.Measure(2); m == nil || len(m.Contacts) != 1 || m.Contacts[0].Phones[0] != "87330012" {
		t.Errorf("measure 2 after a malformed row: %+v", m)
	}
}

func hasUnread(g *Guide, why string) bool {
	for _, u := range g.Report.Unread {
		if strings.Contains(u.Why, why) {
			return true
		}
	}
	return false
}
