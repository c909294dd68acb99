package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexiconLongLine: a line far longer than any entry (300 KB, e.g. a
// file pasted by mistake) is an error naming the file and the line.
func TestLexiconLongLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "synonyms.txt")
	data := "# operator synonyms\n" + strings.Repeat("社保", 50_000) + " => 社会保险\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLexicon(dir, nil)
	if err == nil || !strings.Contains(err.Error(), path+" line 2") || strings.Contains(err.Error(), "token too long") {
		t.Errorf("LoadLexicon: %v", err)
	}
}
