package generate

import (
	"path/filepath"
	"testing"

	"policybot/index/internal/lextest"
	"policybot/index/jieba"
	"policybot/seeds"
)

// testLexicon is the shared lexicon (index/data) as this package's plain
// data, and every word of it.
func testLexicon(tb testing.TB) (Lexicon, []string) {
	tb.Helper()
	l := lextest.Load(tb)
	lex := Lexicon{Stopwords: l.Stopwords, Words: l.UserWords}
	for _, s := range l.Synonyms {
		lex.Synonyms = append(lex.Synonyms, Synonym{From: s.From, To: s.To})
	}
	return lex, l.Words()
}

func segmenter(tb testing.TB) *jieba.Segmenter { return lextest.Segmenter(tb) }

func embedded(tb testing.TB) *seeds.Guide {
	tb.Helper()
	g, err := seeds.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func otherGuide(tb testing.TB) *seeds.Guide {
	tb.Helper()
	g, err := seeds.Load(filepath.Join("..", "..", "seeds", "testdata", "other_district.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
