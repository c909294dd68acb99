// Package indextest opens one index over the embedded guide for the tests
// of the packages built on package index: jieba costs a second and 130 MB
// to load, so a test binary should do it once.
package indextest

import (
	"os"
	"sync"
	"testing"

	"policybot/index"
	"policybot/seeds"
)

var (
	once sync.Once
	ix   *index.Index
	err  error
)

// Shared returns the process's index over the embedded guide, built with
// the built-in lexicon only in a temporary directory on first use. It fails
// tb if the index cannot be built. Do not close it.
func Shared(tb testing.TB) *index.Index {
	tb.Helper()
	ix, err := Get()
	if err != nil {
		tb.Fatalf("test index: %v", err)
	}
	return ix
}

// Get is Shared for TestMain, where there is no testing.TB.
func Get() (*index.Index, error) {
	once.Do(func() {
		var dir string
		if dir, err = os.MkdirTemp("", "policybot-test-index"); err != nil {
			return
		}
		var g *seeds.Guide
		if g, err = seeds.Embedded(); err != nil {
			return
		}
		ix, err = index.Open(g, index.WithDataDir(dir), index.WithLexiconDir(""))
	})
	return ix, err
}
