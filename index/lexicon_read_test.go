package index

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLexiconLineRules: each lexicon file's malformed lines are errors
// naming the file, the line and why, in the data directory and in a
// guide's own directory; well-formed lines are read.
func TestLexiconLineRules(t *testing.T) {
	g := testIndex.guide
	for _, c := range []struct {
		name       string
		guide      bool // in the guide's own directory
		file, data string
		why        string
	}{
		{"two stop words", false, stopwordsFile, "的\n地 得\n", "one stop word per line"},
		{"one synonym", false, synonymsFile, "社保\n", "want 'a, b => c' or 'a, b, c'"},
		{"empty synonym side", false, synonymsFile, "社保 =>\n", "empty side"},
		{"cue before a section", false, CuesFile, "电话\n", "phrase before any [section] header"},
		{"unknown cue section", false, CuesFile, "[nosuch]\n电话\n", "unknown section [nosuch]"},
		{"examples shared", false, CuesFile, "[examples]\n社保能缓交吗\n", "the [examples] section belongs to one guide"},
		{"a shared section in a guide", true, CuesFile, "[contact]\n电话\n", "only [examples] belongs to one guide"},
		{"alias without unit", true, aliasesFile, "人社局 =>\n", "want 'alias, alias => unit'"},
		{"out of scope without section", false, outOfScopeFile, "护照\n", "want a line under [topics], [named], [named.text] or [questions]"},
		{"example before a header", true, examplesFile, "社保能缓交吗\n", "question before any [N] or [none] header"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			where := dir
			if c.guide {
				where = GuideDir(dir, g)
			}
			path := filepath.Join(where, c.file)
			if err := os.MkdirAll(where, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(c.data), 0o644); err != nil {
				t.Fatal(err)
			}
			line := strings.Count(strings.TrimSuffix(c.data, "\n"), "\n") + 1
			_, err := LoadLexicon(dir, g)
			if err == nil || !strings.Contains(err.Error(), path+" line "+strconv.Itoa(line)+": "+c.why) {
				t.Errorf("LoadLexicon: %v, want %s line %d: %s", err, path, line, c.why)
			}
		})
	}
}

// TestLexiconReadsLines: well-formed operator lines are added to the
// built-in ones: cues lower-cased and once, stop words, synonyms both
// ways, aliases and out-of-scope topics and questions.
func TestLexiconReadsLines(t *testing.T) {
	g := testIndex.guide
	dir := t.TempDir()
	gd := GuideDir(dir, g)
	if err := os.MkdirAll(gd, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		filepath.Join(dir, stopwordsFile):  "某某词\n",
		filepath.Join(dir, synonymsFile):   "甲词, 乙词 => 丙词\n丁词, 戊词\n",
		filepath.Join(dir, CuesFile):       "[contact]\nWeChat号\nwechat号\n",
		filepath.Join(dir, outOfScopeFile): "[topics]\n护照, 签证\n[questions]\n护照怎么办\n",
		filepath.Join(gd, aliasesFile):     "某局, 某某局 => 某单位\n",
	}
	for path, data := range files {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lex, err := LoadLexicon(dir, g)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(lex.Stopwords, "某某词") {
		t.Error("stop word not read")
	}
	want := []Synonym{{From: []string{"甲词", "乙词"}, To: []string{"丙词"}}, {From: []string{"丁词", "戊词"}, To: []string{"丁词", "戊词"}}}
	for _, w := range want {
		if !slices.ContainsFunc(lex.Synonyms, func(s Synonym) bool { return slices.Equal(s.From, w.From) && slices.Equal(s.To, w.To) }) {
			t.Errorf("synonym %v not read", w)
		}
	}
	if n := strings.Count(strings.Join(lex.Cues[cueContact], "\n"), "wechat号"); n != 1 || slices.Contains(lex.Cues[cueContact], "WeChat号") {
		t.Errorf("cue wechat号 read %d times (lower-cased, once), want 1: %q", n, lex.Cues[cueContact])
	}
	if lex.Aliases["某局"] != "某单位" || lex.Aliases["某某局"] != "某单位" {
		t.Errorf("aliases: %q", lex.Aliases)
	}
	if !slices.ContainsFunc(lex.OutOfScopeTopics, func(ws []string) bool { return slices.Equal(ws, []string{"护照", "签证"}) }) ||
		!slices.Contains(lex.OutOfScope, "护照怎么办") {
		t.Errorf("out of scope: topics %q, questions %q", lex.OutOfScopeTopics, lex.OutOfScope)
	}
}
