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

// TestSenseLine: "a ~> b, c" is a sense of a, read for naming only: it
// adds nothing to the synonyms the search expands a word with.
func TestSenseLine(t *testing.T) {
	var lex Lexicon
	if err := lex.addSynonym("房贷 ~> 个人住房, 贷款"); err != nil {
		t.Fatal(err)
	}
	if len(lex.Synonyms) != 0 || len(lex.Senses) != 1 || lex.Senses[0].From[0] != "房贷" || len(lex.Senses[0].To) != 2 {
		t.Errorf("synonyms %v senses %v, want one sense and no synonym", lex.Synonyms, lex.Senses)
	}
	if err := lex.addSynonym("房贷 ~> "); err == nil {
		t.Error("an empty sense was read")
	}
}
