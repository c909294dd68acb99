// Package lextest gives the tests of the packages under index the shared
// domain lexicon (index/data) as plain data, and a jieba segmenter that
// keeps its words whole, without importing package index (which imports
// those packages).
package lextest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"policybot/index/jieba"
)

// Synonym is a line of synonyms.txt: everyday words, then the guide's.
type Synonym struct {
	From, To []string
}

// Lexicon is the shared lexicon as the index reads it, without operator
// additions.
type Lexicon struct {
	Synonyms  []Synonym
	Stopwords []string
	UserWords []string // userdict.txt, the words alone
}

// Words returns every word of the lexicon that jieba should keep whole:
// the user words and both sides of every synonym.
func (l Lexicon) Words() []string {
	words := append([]string(nil), l.UserWords...)
	for _, s := range l.Synonyms {
		words = append(words, s.From...)
		words = append(words, s.To...)
	}
	return words
}

// dataDir is index/data, found from this file so tests in any directory
// read the same files.
func dataDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "data")
}

// Load reads the shared lexicon files; it fails tb on a malformed line.
func Load(tb testing.TB) Lexicon {
	tb.Helper()
	var lex Lexicon
	for _, line := range lines(tb, "synonyms.txt") {
		if strings.Contains(line, "~>") {
			// A sense ("房贷 ~> 个人住房, 贷款"), only weighed when the
			// index decides whether a measure names a word: no synonym.
			continue
		}
		from, to, ok := strings.Cut(line, "=>")
		if !ok {
			tb.Fatalf("synonyms.txt: no => in %q", line)
		}
		lex.Synonyms = append(lex.Synonyms, Synonym{From: list(from), To: list(to)})
	}
	lex.Stopwords = lines(tb, "stopwords.txt")
	for _, line := range lines(tb, "userdict.txt") {
		lex.UserWords = append(lex.UserWords, strings.Fields(line)[0])
	}
	return lex
}

// lines returns the meaningful lines of a data file: trimmed, without
// '#' comments and blank lines.
func lines(tb testing.TB, name string) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(dataDir(), name))
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

func list(s string) []string {
	var out []string
	for _, w := range strings.Split(s, ",") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

var (
	once sync.Once
	seg  *jieba.Segmenter
	err  error
)

// Segmenter returns the process's jieba segmenter with the lexicon's words
// as its user dictionary, loaded on first use (about a second). Its
// dictionaries are unpacked in a temporary directory that lives as long as
// the test binary. Do not release it.
func Segmenter(tb testing.TB) *jieba.Segmenter {
	tb.Helper()
	once.Do(func() {
		var dir string
		if dir, err = os.MkdirTemp("", "lextest-"); err != nil {
			return
		}
		var words []string
		for _, w := range Load(tb).Words() {
			if !strings.ContainsAny(w, " |;") {
				words = append(words, w)
			}
		}
		dict := filepath.Join(dir, "user.dict.utf8")
		if err = os.WriteFile(dict, []byte(strings.Join(words, "\n")+"\n"), 0o644); err != nil {
			return
		}
		seg, err = jieba.Open(jieba.WithDataDir(dir), jieba.WithUserDict(dict))
	})
	if err != nil {
		tb.Fatalf("lextest: %v", err)
	}
	return seg
}
