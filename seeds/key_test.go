package seeds

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestKey: a guide's key is its identity, not its bytes. The embedded seed
// (corrupted), its clean copy and the scrambled copies of a test guide share
// a key; different guides never do.
func TestKey(t *testing.T) {
	// Parallel: it changes no package state; it runs beside the figure
	// tests once the sequential tests (which turn the fallback off) are done.
	t.Parallel()
	emb, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	clean, err := Load(filepath.Join("testdata", "clean_copy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if emb.Hash == clean.Hash {
		t.Fatal("test premise: the clean copy has other bytes than the seed")
	}
	if emb.Key() != clean.Key() {
		t.Errorf("the seed and its clean copy have keys %s and %s; want one", emb.Key(), clean.Key())
	}
	if !regexp.MustCompile(`^2022-06-18-[0-9a-f]{8}$`).MatchString(emb.Key()) {
		t.Errorf("key %q: want the date and 8 hex digits", emb.Key())
	}
	seen := map[string]string{emb.Key(): "embedded"}
	dirs, _ := filepath.Glob(filepath.Join("testdata", "guides", "*", "guide.txt"))
	formats, _ := filepath.Glob(filepath.Join("testdata", "formats", "*", "guide.txt"))
	for _, path := range append(dirs, formats...) {
		dir := filepath.Dir(path)
		g, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Load(filepath.Join(dir, "scrambled-1.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if clean, _ := os.ReadFile(path); json.Valid(clean) {
			// A JSON export cut at 。 and shuffled is no JSON any more: a
			// break of its syntax, not a corruption it arrives with (see
			// TestScrambledCopies). Its own key is checked below.
			s = g
		}
		if _, ok := scrambledUnread[filepath.Base(dir)]; ok {
			// A copy the generic path does not read yet (its title is
			// the chat's head run into its first lines): its own key is
			// checked below.
			s = g
		}
		if g.Key() != s.Key() {
			t.Errorf("%s: guide.txt has key %s, scrambled-1.txt %s; want one", dir, g.Key(), s.Key())
		}
		if other, ok := seen[g.Key()]; ok {
			t.Errorf("%s and %s share key %s", dir, other, g.Key())
		}
		seen[g.Key()] = dir
	}
	bare := &Guide{Hash: "0123456789abcdef0123"}
	if got := bare.Key(); got != "seed-0123456789abcdef" {
		t.Errorf("a guide without a title: key %q, want seed- and its hash", got)
	}
	// Words a page puts before the title do not change the guide.
	prefixed := *emb
	prefixed.Title = "本段为网页的附加说明。" + emb.Title
	if prefixed.Key() != emb.Key() {
		t.Errorf("a line before the title changed the key: %s, %s", prefixed.Key(), emb.Key())
	}
}
