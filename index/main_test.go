package index

import (
	"os"
	"testing"

	"policybot/seeds"
)

// testIndex is one index over the embedded guide shared by the tests: jieba
// costs a second and 130 MB to load, once per process.
var testIndex *Index

func TestMain(m *testing.M) {
	if os.Getenv("POLICYBOT_GUIDE_SET_CHILD") != "" {
		// BenchmarkGuideSet's child measures a set of guides alone.
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "policybot-index-test")
	if err != nil {
		panic(err)
	}
	g, err := seeds.Embedded()
	if err != nil {
		panic(err)
	}
	testIndex, err = Open(g, WithDataDir(dir), WithLexiconDir(""))
	if err != nil {
		panic(err)
	}
	code := m.Run()
	testIndex.Close()
	if otherIx != nil {
		otherIx.Close()
		os.RemoveAll(otherDir)
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// must unwraps a search result; a search error fails the test binary.
func must(r Result, err error) Result {
	if err != nil {
		panic(err)
	}
	return r
}
