package generate

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"policybot/index/jieba"
	"policybot/seeds"
)

// The tests read the shared lexicon files (index/data) as the index does
// and segment with jieba plus the lexicon's words, once per test binary.

func testLexicon(tb testing.TB) (Lexicon, []string) {
	tb.Helper()
	read := func(name string) []string {
		data, err := os.ReadFile(filepath.Join("..", "data", name))
		if err != nil {
			tb.Fatal(err)
		}
		var lines []string
		for _, line := range strings.Split(string(data), "\n") {
			line, _, _ = strings.Cut(line, "#")
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, line)
			}
		}
		return lines
	}
	var lex Lexicon
	var words []string
	for _, line := range read("synonyms.txt") {
		from, to, ok := strings.Cut(line, "=>")
		if !ok {
			tb.Fatalf("synonyms.txt: %q", line)
		}
		s := Synonym{From: splitList(from), To: splitList(to)}
		lex.Synonyms = append(lex.Synonyms, s)
		words = append(words, s.From...)
		words = append(words, s.To...)
	}
	lex.Stopwords = read("stopwords.txt")
	for _, line := range read("userdict.txt") {
		lex.Words = append(lex.Words, strings.Fields(line)[0])
	}
	words = append(words, lex.Words...)
	return lex, words
}

func splitList(s string) []string {
	var out []string
	for _, w := range strings.Split(s, ",") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

var (
	segOnce sync.Once
	seg     *jieba.Segmenter
	segErr  error
)

func segmenter(tb testing.TB) *jieba.Segmenter {
	tb.Helper()
	segOnce.Do(func() {
		_, words := testLexicon(tb)
		dir, err := os.MkdirTemp("", "generate-test-")
		if err != nil {
			segErr = err
			return
		}
		var user []string
		for _, w := range words {
			if !strings.ContainsAny(w, " |;") {
				user = append(user, w)
			}
		}
		dict := filepath.Join(dir, "user.dict.utf8")
		if segErr = os.WriteFile(dict, []byte(strings.Join(user, "\n")+"\n"), 0o644); segErr != nil {
			return
		}
		seg, segErr = jieba.Open(jieba.WithDataDir(dir), jieba.WithUserDict(dict))
	})
	if segErr != nil {
		tb.Fatal(segErr)
	}
	return seg
}

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
