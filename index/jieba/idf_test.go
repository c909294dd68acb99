package jieba

import (
	"sort"
	"strconv"
	"testing"
	"unicode/utf8"
)

// TestIDFLookup: the words lookups compare (wordAt) are the table's words,
// line by line, and GeneralIDF answers as a binary search over the sorted
// table does: every word found with its value, and starts of words,
// longer strings and strings between words not found.
func TestIDFLookup(t *testing.T) {
	tab, err := loadIDF()
	if err != nil {
		t.Fatal(err)
	}
	search := func(word string) (float64, bool) {
		i := sort.Search(len(tab.lines), func(i int) bool { w, _ := tab.word(i); return w >= word })
		if i == len(tab.lines) {
			return 0, false
		}
		w, v := tab.word(i)
		if w != word {
			return 0, false
		}
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil
	}
	for i := range tab.lines {
		w, _ := tab.word(i)
		if got := tab.wordAt(i); got != w {
			t.Fatalf("line %d: wordAt %q, word %q", i, got, w)
		}
		if i%5 != 0 {
			continue // a fifth of the table is enough for the probes
		}
		probes := []string{w, w + "\x00", w + "的"}
		if _, size := utf8.DecodeRuneInString(w); size < len(w) {
			probes = append(probes, w[:size])
		}
		for _, p := range probes {
			got, gotOK := GeneralIDF(p)
			if want, wantOK := search(p); got != want || gotOK != wantOK {
				t.Fatalf("GeneralIDF(%q) = %v %v, binary search %v %v", p, got, gotOK, want, wantOK)
			}
		}
	}
}
