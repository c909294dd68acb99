package pinyin

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"policybot/index/jieba"
	"policybot/seeds"
)

// The tests build their vocabulary as the index would: every word jieba
// finds in the guide's text, weighted by its count, plus the domain
// lexicon's words (index/data). Building it takes jieba's load (~1 s), so
// it is done once per test binary.

// lexiconWords returns the words of the shared lexicon files: the user
// dictionary and both sides of every synonym line.
func lexiconWords(tb testing.TB) []string {
	tb.Helper()
	var words []string
	for _, name := range []string{"userdict.txt", "synonyms.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "data", name))
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			line, _, _ = strings.Cut(line, "#")
			line = strings.NewReplacer("=>", ",").Replace(line)
			for _, w := range strings.Split(line, ",") {
				if f := strings.Fields(w); len(f) > 0 {
					words = append(words, f[0])
				}
			}
		}
	}
	return words
}

// stopWords returns the index's stop words (index/data/stopwords.txt).
func stopWords(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "data", "stopwords.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

var (
	segOnce sync.Once
	seg     *jieba.Segmenter
	segErr  error
)

// segmenter returns jieba with the lexicon's words as its user dictionary.
func segmenter(tb testing.TB) *jieba.Segmenter {
	tb.Helper()
	segOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pinyin-test-")
		if err != nil {
			segErr = err
			return
		}
		dict := filepath.Join(dir, "user.dict.utf8")
		if segErr = os.WriteFile(dict, []byte(strings.Join(lexiconWords(tb), "\n")+"\n"), 0o644); segErr != nil {
			return
		}
		seg, segErr = jieba.Open(jieba.WithDataDir(dir), jieba.WithUserDict(dict))
	})
	if segErr != nil {
		tb.Fatal(segErr)
	}
	return seg
}

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
	s := segmenter(tb)
	count := map[string]float64{}
	for _, t := range guideTexts(g) {
		for _, w := range s.Tag(t) {
			if hanWord(w.Word) {
				count[w.Word]++
			}
		}
	}
	for _, w := range lexiconWords(tb) {
		count[w] += 1
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
	corrOnce sync.Once
	corr     *Corrector
)

// embeddedCorrector is the Corrector for the embedded guide and lexicon.
func embeddedCorrector(tb testing.TB) *Corrector {
	tb.Helper()
	corrOnce.Do(func() {
		c, err := New(vocabulary(tb, loadGuide(tb, "")), WithFunctionWords(stopWords(tb)...))
		if err != nil {
			tb.Fatal(err)
		}
		corr = c
	})
	if corr == nil {
		tb.Fatal("no corrector")
	}
	return corr
}
