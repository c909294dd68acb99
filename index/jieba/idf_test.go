package jieba

import (
	"strconv"
	"testing"
)

// TestIDFWordLengths: the binary search's words (wordAt) are the table's
// words, line by line, and every word of the table is found with its value.
func TestIDFWordLengths(t *testing.T) {
	tab, err := loadIDF()
	if err != nil {
		t.Fatal(err)
	}
	for i := range tab.lines {
		w, v := tab.word(i)
		if got := tab.wordAt(i); got != w {
			t.Fatalf("line %d: wordAt %q, word %q", i, got, w)
		}
		if i%97 != 0 {
			continue
		}
		want, err := strconv.ParseFloat(v, 64)
		if got, ok := GeneralIDF(w); err == nil && (!ok || got != want) {
			t.Errorf("GeneralIDF(%q) = %v %v, want %v", w, got, ok, want)
		}
	}
}
