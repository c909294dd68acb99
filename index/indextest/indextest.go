// Package indextest opens one index over the embedded guide for the tests
// of the packages built on package index: jieba costs a second and 130 MB
// to load, so a test binary should do it once.
package indextest

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
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

// dirPrefix names the temporary directories; the owning process id follows.
const dirPrefix = "policybot-test-index-"

// Get is Shared for TestMain, where there is no testing.TB. The shared
// index lives as long as the test binary, so its directory cannot be
// removed when a test ends; instead each Get removes the directories of
// test binaries that are no longer running.
func Get() (*index.Index, error) {
	once.Do(func() {
		removeOrphans()
		dir := filepath.Join(os.TempDir(), dirPrefix+strconv.Itoa(os.Getpid()))
		if err = os.MkdirAll(dir, 0o755); err != nil {
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

// removeOrphans deletes the index directories of test processes that have
// exited.
func removeOrphans() {
	entries, _ := os.ReadDir(os.TempDir())
	for _, e := range entries {
		pid, perr := strconv.Atoi(strings.TrimPrefix(e.Name(), dirPrefix))
		if !e.IsDir() || !strings.HasPrefix(e.Name(), dirPrefix) || perr != nil || pid == os.Getpid() {
			continue
		}
		if kerr := syscall.Kill(pid, 0); errors.Is(kerr, syscall.ESRCH) {
			os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
		}
	}
}

// TestGuides are the clean test guides a multi-guide test serves beside
// the embedded one, by directory under seeds/testdata/guides (the held-out
// yanqing-2024 is not among them).
var TestGuides = []string{"huairou-2022", "pinggu-2023", "tongzhou-2020", "mentougou-2022"}

var (
	setOnce sync.Once
	set     []*index.Index
	setErr  error
)

// Guides returns the process's set of indexes (index.OpenSet) over the
// embedded guide and the TestGuides' guide.txt, read from guidesDir (the
// path of seeds/testdata/guides from the calling package), built with the
// built-in lexicon in the temporary directory of Get on first use. Do not
// close them.
func Guides(guidesDir string) ([]*index.Index, error) {
	setOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), dirPrefix+strconv.Itoa(os.Getpid()))
		if setErr = os.MkdirAll(dir, 0o755); setErr != nil {
			return
		}
		removeOrphans()
		emb, err := seeds.Embedded()
		if err != nil {
			setErr = err
			return
		}
		gs := []*seeds.Guide{emb}
		for _, name := range TestGuides {
			g, err := seeds.Load(filepath.Join(guidesDir, name, "guide.txt"))
			if err != nil {
				setErr = err
				return
			}
			gs = append(gs, g)
		}
		set, setErr = index.OpenSet(gs, index.WithDataDir(dir), index.WithLexiconDir(""), index.WithIndexDir(filepath.Join(dir, "set")))
	})
	return set, setErr
}
