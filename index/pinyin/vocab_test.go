package pinyin

import (
	"path/filepath"
	"sync"
	"testing"
	"unicode"

	"policybot/index/internal/lextest"
	"policybot/seeds"
)

// The tests build their vocabulary as the index would: every word jieba
// finds in the guide's text, weighted by its count, plus the domain
// lexicon's words (index/data). Building it takes jieba's load (~1 s), so
// it is done once per test binary.

// guideTexts returns every sentence-like text of g: titles, headings,
// measures and their follow-ups, units.
func guideTexts(g *seeds.Guide) []string {
	texts := []string{g.Title, g.Preamble}
	for _, s := range g.Sections {
		texts = append(texts, s.Title)
	}
	for _, s := range g.Subsections {
		texts = append(texts, s.Title)
	}
	for _, m := range g.Measures {
		texts = append(texts, m.Text)
		texts = append(texts, m.Details...)
		texts = append(texts, m.Lead...)
		texts = append(texts, m.Support...)
		for _, c := range m.Contacts {
			texts = append(texts, c.Unit, c.Department)
		}
	}
	return texts
}

// vocabulary returns the words of g (counted) and of the lexicon.
func vocabulary(tb testing.TB, g *seeds.Guide) []Word {
	tb.Helper()
	s := lextest.Segmenter(tb)
	count := map[string]float64{}
	for _, t := range guideTexts(g) {
		for _, w := range s.Tag(t) {
			if hanWord(w.Word) {
				count[w.Word]++
			}
		}
	}
	for _, w := range lextest.Load(tb).Words() {
		count[w]++
	}
	vocab := make([]Word, 0, len(count))
	for w, n := range count {
		vocab = append(vocab, Word{Text: w, Weight: n})
	}
	return vocab
}

func hanWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2
}

func loadGuide(tb testing.TB, path string) *seeds.Guide {
	tb.Helper()
	var g *seeds.Guide
	var err error
	if path == "" {
		g, err = seeds.Embedded()
	} else {
		g, err = seeds.Load(path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

var (
	corrMu sync.Mutex
	corrs  = map[string]*Corrector{} // by guide path, "" for the embedded guide
)

// correctorFor returns the Corrector for the guide at path ("": the
// embedded one) and the lexicon, built once per test binary.
func correctorFor(tb testing.TB, path string) *Corrector {
	tb.Helper()
	corrMu.Lock()
	defer corrMu.Unlock()
	if c, ok := corrs[path]; ok {
		return c
	}
	c, err := New(vocabulary(tb, loadGuide(tb, path)), WithFunctionWords(lextest.Load(tb).Stopwords...))
	if err != nil {
		tb.Fatal(err)
	}
	corrs[path] = c
	return c
}

// otherPath is the other district's guide.
var otherPath = filepath.Join("..", "..", "seeds", "testdata", "other_district.txt")

func embeddedCorrector(tb testing.TB) *Corrector { return correctorFor(tb, "") }

func otherCorrector(tb testing.TB) *Corrector { return correctorFor(tb, otherPath) }
