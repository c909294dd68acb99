package index

import (
	"testing"
	"unicode/utf8"
)

// TestIsCueLookup: isCue, answered from the substrings of the asking
// phrases made at build, says what searching every phrase says — for
// every short piece of the development questions, for pieces that are
// not valid UTF-8 and for the empty word — and knows question words.
func TestIsCueLookup(t *testing.T) {
	c := testIndex.cues
	for _, w := range []string{"多少", "找谁", "能不能", "社保", "公积金"} {
		if got, want := c.isCue(w), containsIn(c.asking, w); got != want {
			t.Errorf("isCue(%q) = %v, want %v", w, got, want)
		}
	}
	if !c.isCue("多少") || c.isCue("公积金") {
		t.Errorf("isCue(多少) = %v, isCue(公积金) = %v: want true, false", c.isCue("多少"), c.isCue("公积金"))
	}
	words := []string{"", "\xe5\xa4", "\xa4\x9a", "a\xff"}
	for _, q := range readQuestions(t, "testdata/dev.jsonl") {
		for i := range q.Q {
			for j, n := i, 0; j < len(q.Q) && n < 4; n++ {
				_, size := utf8.DecodeRuneInString(q.Q[j:])
				j += size
				words = append(words, q.Q[i:j], q.Q[i:j-1])
			}
		}
	}
	for _, w := range words {
		if got, want := c.isCue(w), containsIn(c.asking, w); got != want {
			t.Errorf("isCue(%q) = %v, searching the phrases says %v", w, got, want)
		}
	}
}
