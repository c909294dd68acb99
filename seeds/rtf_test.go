package seeds

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

func TestRTFText(t *testing.T) {
	const head = `{\rtf1\ansi\ansicpg936\uc2\deff0{\fonttbl{\f0\froman Times New Roman;}{\f1\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\qj \snext0 \'d5\'fd\'ce\'c4;}}{\info{\title \'b1\'ea\'cc\'e2}}{\*\generator Word;}{\header \pard \'d2\'b3\'c3\'bc\par}{\footer \pard {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}`
	tests := []struct {
		name, body, want string
	}{
		{"gbk runs in groups", `{\f1 \'b5\'da}{\f1 \'d2\'bb\'cc\'f5}\par`, "第一条\n"},
		// A run of escapes split across groups still forms characters.
		{"gbk split across groups", `{\'b5}{\'da}\par`, "第\n"},
		// \uc1 in the run's group: one fallback character skipped.
		{"unicode uc1", `{\uc1 \u31532?\u19968?}\par`, "第一\n"},
		// The document's \uc2 inherited: two fallback bytes skipped.
		{"unicode inherited uc2", `{\u31532\'b5\'da\u19968\'d2\'bb}\par`, "第一\n"},
		// \uc1 ends with its group: the document's \uc2 again.
		{"uc scoped to group", `{\uc1 \u31532?}{\u19968\'d2\'bb}\par`, "第一\n"},
		// Above 32767 the number is negative.
		{"negative unicode", `{\uc1 \u-29409?}\par`, "负\n"},
		{"uc0", `{\uc0 \u31532 \u19968 }\par`, "第一\n"},
		{"symbols", `\ldblquote A\rdblquote 6%\emdash 10%\endash \bullet\par`, "“A”6%—10%–•\n"},
		{"line and tab", `a\line b\tab c\par`, "a\nb　　c\n"},
		{"escaped braces", `\{x\}\\\par`, "{x}\\\n"},
		// A field's result is shown, its instruction is not.
		{"hyperlink", `{\field{\*\fldinst HYPERLINK "http://a.cn"}{\fldrslt {\ul a.cn}}}\par`, "a.cn\n"},
		{"bookmark skipped", `{\*\bkmkstart _Toc1}x{\*\bkmkend _Toc1}\par`, "x\n"},
		// The footnote on a line of its own after its paragraph.
		{"footnote", `a{\super\chftn}{\footnote\pard {\super\chftn}{ \'d7\'a2}}b\par c\par`, "ab\n注：注\nc\n"},
		// Word 2003 defines a row again after its cells; a cell's \line
		// joins with 、.
		{"table", `\trowd\cellx100\cellx200\pard\intbl a\cell b\line c\cell\pard\intbl{\trowd\cellx100\cellx200\row}\pard x\par`, "a\tb、c\nx\n"},
		{"cell paragraphs after a sentence sign", `\trowd\cellx100\pard\intbl a\u12290?\par b\cell\row`, "a。b\n"},
		{"page", `a\par{\page}{\par}b\par`, "a\n\n\nb\n"},
		{"binary skipped", `a{\*\blipuid x}{\pict\bin1 x}b\par`, "ab\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rtfText([]byte(head + tt.body + "}"))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRTFTextMalformed(t *testing.T) {
	for _, src := range []string{
		`{\rtf1`, `{\rtf1 }}}}a`, `{\rtf1 \'`, `{\rtf1 \'b`, `{\rtf1 \u`, `{\rtf1 \u-`, `{\rtf1 \bin99999 a`,
		`{\rtf1 {\footnote a`, `{\rtf1 \cell\cell\row\row`, `{\rtf1 \uc99999999999 \u1`, `{\rtf1 \ud800?\u-1?`,
	} {
		_ = rtfText([]byte(src)) // must not panic
	}
	if got := rtfText([]byte(`{\rtf1 {\b a}}}} b`)); !strings.Contains(got, "a") || !strings.Contains(got, "b") {
		t.Errorf("unbalanced braces: %q", got)
	}
}

func TestIsRTF(t *testing.T) {
	for src, want := range map[string]bool{`{\rtf1\ansi x}`: true, "\xef\xbb\xbf\r\n{\\rtf1 x}": true, `{"rtf": 1}`: false, `1. {\rtf`: false} {
		if isRTF([]byte(src)) != want {
			t.Errorf("isRTF(%q) = %v", src, !want)
		}
	}
}

func TestNumberRowsByTitle(t *testing.T) {
	text := "一、甲\n第一条　缓缴房产税。对企业缓缴。\n第二条　“两费”减免。减征。\n第三条　稳岗补贴。补贴。\n" +
		"序号\t政策措施\t牵头单位\t联系人\t联系电话\n1\t缓缴房产税\t区税务局\t张三\t0851-86230412\n2\t两费减免\t区财政局\t李四\t0851-86231150\n" +
		"二、乙\n第四条　消费券。发放。\n第五条　扩岗补助。补助。\n" +
		"序号\t政策措施\t牵头单位\t联系人\t联系电话\n1\t消费券\t区商务局\t王五\t0851-86228810\n2\t无此措施\t区某局\t赵六\t0851-86228811\n"
	got, unread := numberRowsByTitle(text)
	for _, want := range []string{
		"\n二、乙\n第四条", // the table no longer stands between the sections
		"附件：政策咨询联系表\n序号\n政策措施\n牵头单位\n联系人\n联系电话\n1\n缓缴房产税\n区税务局\n张三\n0851-86230412\n2\n两费减免\n",
		"\n3\n/\n/\n/\n/\n4\n消费券\n区商务局\n王五\n0851-86228810\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if len(unread) != 1 || !strings.Contains(unread[0].Line, "无此措施") {
		t.Errorf("unread %v", unread)
	}
	// Rows numbered as the measures are: left alone.
	plain := "第一条　甲补贴。甲。\n第二条　乙补贴。乙。\n序号\t政策措施\t牵头单位\t联系电话\n1\t甲补贴\t区甲局\t12345\n2\t乙补贴\t区乙局\t12366\n"
	if got, _ := numberRowsByTitle(plain); got != plain {
		t.Errorf("a table numbered as its measures changed:\n%s", got)
	}
}

func FuzzRTF(f *testing.F) {
	for _, s := range []string{
		`{\rtf1\ansi\ansicpg936\uc2 {\f1 \'b5\'da}\u31532\'b5\'da{\uc1\u-29409?}\par}`,
		`{\rtf1 \trowd\cellx1\pard\intbl a\cell\row{\footnote b}{\field{\*\fldinst x}{\fldrslt y}}}`,
		`{\rtf1\ansicpg1252{\fonttbl{\f1\fcharset134 x;}}\f1\'b5\'da\bin2 ab}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_ = rtfText(src)
		_, _ = Decode(src)
	})
}

// toRTF writes text as a Word document's RTF: a paragraph per line, a TAB
// line as a table row, every non-ASCII character as \uN with a GBK
// fallback under \uc2 (the sealed guides' kind of copy: the RTF of a
// corrupted text).
func toRTF(text string) []byte {
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg936\uc2{\fonttbl{\f1\fcharset134 x;}}{\header \pard head\par}` + "\r\n")
	esc := func(s string) string {
		var e strings.Builder
		for _, r := range s {
			switch {
			case r == '\\' || r == '{' || r == '}':
				e.WriteString(`\` + string(r))
			case r < 128:
				e.WriteRune(r)
			default:
				n := int(r)
				if n > 32767 {
					n -= 65536
				}
				fmt.Fprintf(&e, `\u%d??`, n)
			}
		}
		return e.String()
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "\t") {
			b.WriteString(`\trowd\cellx1\cellx2`)
			for _, c := range strings.Split(l, "\t") {
				b.WriteString(`\pard\intbl{\f1 ` + strings.ReplaceAll(esc(c), "、", `\line `) + `}\cell `)
			}
			b.WriteString(`\pard\intbl{\trowd\cellx1\cellx2\row}` + "\r\n")
			continue
		}
		b.WriteString(`\pard{\f1 ` + esc(l) + `}\par` + "\r\n")
	}
	b.WriteString("}")
	return []byte(b.String())
}

// TestRTFScrambledText: the corrupted text of the RTF format guide, written
// as RTF again, keeps its measures' contacts: no measure gets another's,
// and most keep theirs.
func TestRTFScrambledText(t *testing.T) {
	src, err := os.ReadFile("testdata/formats/songxi-2022-rtf/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	text := rtfText(src)
	for seed := uint64(1); seed <= 5; seed++ {
		c := scramble.Scramble(text, scramble.Options{Seed: seed})
		got, err := Parse(toRTF(c.Text))
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, w := range clean.Measures {
			m := got.Measure(w.Number)
			if m == nil || !m.HasContact() {
				continue
			}
			kept++
			if !sameContacts(m.Contacts, w.Contacts) {
				t.Errorf("seed %d, measure %d: contacts %q, clean %q", seed, w.Number, contactLines(m), contactLines(&w))
			}
		}
		if kept*3 < len(clean.Measures)*2 {
			t.Errorf("seed %d: %d of %d measures keep a contact", seed, kept, len(clean.Measures))
		}
	}
}

// TestRTFGuideContactLines: the contact lines a Word guide writes in its
// articles (here as plain text): a 联系单位 label, and an e-mail address
// whose digits are no measure's number.
func TestRTFGuideContactLines(t *testing.T) {
	tests := []struct {
		name, text string
		n          int
		want       []string
	}{
		{"联系单位 label", "一、甲\n1．甲补贴。对企业补贴。\n联系单位：区税务局征收管理科　　咨询电话：12366\n2．乙补贴。对乙补贴。\n3．丙补贴。丙。\n", 1,
			[]string{"区税务局 征收管理科 12366"}},
		// The words after the block are reported, never a measure 163.
		{"mail address digits", "一、甲\n1．甲补贴。对企业补贴。\n联系方式：区金融中心周敏，023-58236685，电子邮箱wzjrfw@163.com。\n2．乙补贴。对乙补贴。\n3．丙补贴。丙。\n", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if g.MaxNumber() != 3 {
				t.Errorf("highest number %d", g.MaxNumber())
			}
			if got := contactLines(g.Measure(tt.n)); tt.want != nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("contacts %q, want %q", got, tt.want)
			}
		})
	}
}
