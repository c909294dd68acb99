package jieba

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// testDataDir is shared by the whole test binary: the embedded segmenter
// is cached per process, so its unpack directory must outlive any single
// test's t.TempDir().
var testDataDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jieba-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	testDataDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testUserDict is the domain dictionary used by the tests.
const testUserDict = "留抵退税 n\n欠费不停供\n社保缓交 10 v\n"

// openDefault returns the process-wide embedded segmenter.
func openDefault(tb testing.TB) *Segmenter {
	tb.Helper()
	s, err := Open(WithDataDir(testDataDir))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return s
}

// openUser returns the embedded segmenter with testUserDict.
func openUser(tb testing.TB) *Segmenter {
	tb.Helper()
	path := filepath.Join(testDataDir, "user.dict.utf8")
	if err := os.WriteFile(path, []byte(testUserDict), 0o644); err != nil {
		tb.Fatal(err)
	}
	s, err := Open(WithDataDir(testDataDir), WithUserDict(path))
	if err != nil {
		tb.Fatalf("Open with user dict: %v", err)
	}
	return s
}
