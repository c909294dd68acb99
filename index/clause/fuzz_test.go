package clause

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkMessage verifies what holds for any input: offsets point at the
// texts, every text has content, the output is bounded.
func checkMessage(t *testing.T, text string, m Message) {
	t.Helper()
	clause := func(c Clause) {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End || text[c.Start:c.End] != c.Text {
			t.Fatalf("clause %+v does not match the message %q", c, text)
		}
	}
	if len(m.Asks) > MaxAsks || len(m.Situation) > MaxSituation {
		t.Fatalf("%d asks, %d situation clauses: over the bounds", len(m.Asks), len(m.Situation))
	}
	for _, c := range m.Situation {
		clause(c)
	}
	last := -1
	for _, a := range m.Asks {
		if a.Start < last {
			t.Fatalf("asks out of order in %q", text)
		}
		last = a.End
		clause(Clause{Text: a.Text, Start: a.Start, End: a.End})
		if len(a.Clauses) == 0 || len(a.Context) > MaxContext {
			t.Fatalf("ask %+v: %d clauses, %d context", a, len(a.Clauses), len(a.Context))
		}
		for _, c := range append(a.Clauses, a.Context...) {
			clause(c)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, tc := range splitCases {
		f.Add(tc.msg)
	}
	f.Add("（1）房租？②社保 3.5万元\xff\x00另外 还有 顺便")
	f.Fuzz(func(t *testing.T, text string) {
		checkMessage(t, text, Split(text))
	})
}

func TestSplitTable(t *testing.T) {
	for _, tc := range append(splitCases, lateCases...) {
		checkMessage(t, tc.msg, Split(tc.msg))
	}
}

func TestAskQuery(t *testing.T) {
	m := Split("我是开饭店的，店面是国企的房子，能减吗")
	if len(m.Asks) != 1 {
		t.Fatalf("asks: %s", describe(m))
	}
	if got, want := m.Asks[0].Query(), "我是开饭店的 店面是国企的房子 能减吗"; got != want {
		t.Errorf("Query() = %q; want %q", got, want)
	}
	if got := Split("社保能缓交吗").Asks[0].Query(); got != "社保能缓交吗" {
		t.Errorf("Query() = %q; want the ask alone", got)
	}
}

func TestOptions(t *testing.T) {
	// The lexicon's contact phrases replace the built-in ones.
	r := NewReader(WithContactCues("办事电话"))
	if got := describe(r.Split("社保能缓交吗？办事电话")); got != "C:社保能缓交吗？办事电话" {
		t.Errorf("WithContactCues: %s", got)
	}
	if got := describe(r.Split("社保能缓交吗？找谁办")); got != "A:社保能缓交吗？找谁办" {
		t.Errorf("WithContactCues replaces the defaults (找谁办 is then a follow-up, not a contact); got %s", got)
	}
	// A vocabulary-backed subject test.
	r = NewReader(WithSubject(func(s string) bool { return strings.Contains(s, "利率") }))
	if got := describe(r.Split("贷款能延期吗？利率多少")); got != "A:贷款能延期吗 | A:利率多少" {
		t.Errorf("WithSubject: %s", got)
	}
	if got := describe(r.Split("贷款能延期吗？能减息吗")); got != "A:贷款能延期吗？能减息吗" {
		t.Errorf("WithSubject: %s", got)
	}
}

func TestBounds(t *testing.T) {
	many := strings.Repeat("房租能减吗？我是开店的。", 200)
	m := Split(many)
	checkMessage(t, many, m)
	if len(m.Asks) != MaxAsks || m.More != 200-MaxAsks {
		t.Errorf("%d asks, %d more; want %d and %d", len(m.Asks), m.More, MaxAsks, 200-MaxAsks)
	}
	if len(m.Situation) != MaxSituation {
		t.Errorf("%d situation clauses; want %d", len(m.Situation), MaxSituation)
	}
}

// long4000 returns 4,000-character messages of the worst shapes: a story,
// one clause without punctuation, spaces only, emoji only.
func long4000() map[string]string {
	story := "我是开饭店的，疫情以来生意不好，店面是国企的房子，房租能减吗？员工社保能缓交吗？找谁办，电话多少。"
	cut := func(s string) string {
		rs := []rune(strings.Repeat(s, 4000/utf8.RuneCountInString(s)+1))
		return string(rs[:4000])
	}
	return map[string]string{
		"story":   cut(story),
		"nopunct": cut("我们厂子房租社保贷款另外宽带"),
		"spaces":  cut("社保 缓交 "),
		"emoji":   cut("😭"),
	}
}

func BenchmarkSplit(b *testing.B) {
	for name, msg := range long4000() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Split(msg)
			}
		})
	}
	b.Run("short", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Split("我是开饭店的，店面是国企的房子，能减吗")
		}
	})
}
