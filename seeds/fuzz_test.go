package seeds

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

var phoneShape = regexp.MustCompile(`^(?:0\d{2}-\d{8}|1[3-9]\d{9})$`)

// FuzzParse checks that no input panics the parser and that what it returns
// is well formed: measures in increasing order, phones of the documented
// shape and present in the input, gap lists within range, valid JSON.
func FuzzParse(f *testing.F) {
	// Small pieces of the seed: the fuzzer minimizes every new input, which
	// takes minutes for the whole 34 KB file.
	sents := splitSentences(string(embedded))
	for i := 0; i < len(sents); i += 6 {
		var b strings.Builder
		for _, s := range sents[i:min(i+6, len(sents))] {
			b.WriteString(s.text)
		}
		f.Add([]byte(b.String()))
	}
	for _, name := range []string{"testdata/other_district.txt", "testdata/other_district_gbk.txt"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "。", "1.", "4.2022年", "一、（一）1.文本。", "牵头单位：区甲局配合单位：区乙局联系人：区甲局某科张三联系方式：010-123456782.下一条。",
		"牵头部门：区甲局、区乙局联系人：区甲局张三区乙局李四联系方式：区甲局010-12345678区乙局13912345678（三）标题3.正文。",
		"联系方式：010-1234567812.", "（一）（一）（一）1.2.3.", "九十九、（九十九）999.x。",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := Parse(src)
		if err != nil {
			return
		}
		text, _ := Decode(src)
		flat := stripSpace(text)
		prev := 0
		for _, m := range g.Measures {
			if m.Number <= prev {
				t.Fatalf("measure %d after %d", m.Number, prev)
			}
			prev = m.Number
			for _, c := range m.Contacts {
				for _, p := range c.Phones {
					if !phoneShape.MatchString(p) || !strings.Contains(flat, p) {
						t.Fatalf("measure %d: phone %q invented", m.Number, p)
					}
				}
			}
		}
		// Every attached follow-up is on its measure exactly once.
		count := map[string]int{}
		for _, m := range g.Measures {
			for _, d := range m.Details {
				count[d]++
			}
		}
		for _, o := range g.Report.Orphans {
			if want := min(o.Measure, 1); count[o.Sentence] != want {
				t.Fatalf("follow-up %q on %d measures, want %d", o.Sentence, count[o.Sentence], want)
			}
		}
		for _, n := range g.Report.MissingText {
			if n < 1 || n > g.MaxNumber() {
				t.Fatalf("missing_text %d out of range", n)
			}
		}
		if _, err := json.Marshal(g); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := g.WriteOutline(&b); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkParseSeed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
