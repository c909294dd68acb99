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
