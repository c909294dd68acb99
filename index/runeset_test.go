package index

import (
	"math/rand"
	"strings"
	"testing"
)

// TestRuneSetNeverMisses checks that the filter passes every phrase a text
// holds, valid UTF-8 or not, so loops using it find what they did without.
func TestRuneSetNeverMisses(t *testing.T) {
	alphabet := []string{"社", "保", "缓", "交", "吗", "a", "B", " ", "，", "\xe4", "\xb8", "\xad", "\xff", "😀", "0"}
	rnd := rand.New(rand.NewSource(1))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rnd.Intn(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		s := word(rnd.Intn(12))
		rs := runesOf(s)
		for _, ph := range []string{word(1 + rnd.Intn(3)), s[rnd.Intn(len(s)+1):]} {
			if strings.Contains(s, ph) && !rs.mayHold(ph) {
				t.Fatalf("filter of %q misses %q", s, ph)
			}
		}
		if len(s) > 0 {
			i := rnd.Intn(len(s))
			ph := s[i : i+rnd.Intn(len(s)-i)+1]
			if !rs.mayHold(ph) {
				t.Fatalf("filter of %q misses its part %q", s, ph)
			}
		}
	}
}

// TestBareShortcut checks bare's early "no" (a character no asking phrase
// holds) against cutting every phrase, over the development questions,
// their halves and the asking phrases themselves.
func TestBareShortcut(t *testing.T) {
	c := testIndex.cues
	full := func(text string) bool {
		s := squeeze(text)
		for _, ph := range c.asking {
			s = strings.ReplaceAll(s, ph, "")
		}
		return s == ""
	}
	var texts []string
	for _, q := range readQuestions(t, "testdata/dev.jsonl", "testdata/heldout4_story.jsonl") {
		r := []rune(q.Q)
		texts = append(texts, q.Q, string(r[:len(r)/2]), string(r[len(r)/2:]))
	}
	texts = append(texts, c.asking...)
	for i := 1; i < len(c.asking); i++ {
		texts = append(texts, c.asking[i-1]+c.asking[i], c.asking[i]+"的")
	}
	bare := 0
	for _, s := range texts {
		if got, want := c.bare(s), full(s); got != want {
			t.Fatalf("bare(%q) = %v, cutting every phrase says %v", s, got, want)
		} else if got {
			bare++
		}
	}
	if bare == 0 {
		t.Fatal("no bare text among the cases")
	}
}
