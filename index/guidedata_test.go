package index

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"policybot/seeds"
)

// A guide of another district (seeds/testdata/guides/huairou-2022), one
// index shared by the tests that need one, in a data directory of its own.
var (
	otherOnce  sync.Once
	otherIx    *Index
	otherDir   string
	otherError error
)

func otherGuideIndex(t *testing.T) (*Index, string) {
	t.Helper()
	otherOnce.Do(func() {
		var g *seeds.Guide
		if g, otherError = seeds.Load("../seeds/testdata/guides/huairou-2022/guide.txt"); otherError != nil {
			return
		}
		if otherDir, otherError = os.MkdirTemp("", "policybot-other-guide"); otherError != nil {
			return
		}
		otherIx, otherError = Open(g, WithDataDir(otherDir), WithLexiconDir(""))
	})
	if otherError != nil {
		t.Fatal(otherError)
	}
	return otherIx, otherDir
}

// TestGuideDataStaysWithItsGuide: the embedded guide's examples, aliases
// and greeting examples are its own; another guide reads only the domain
// lexicon and the out-of-scope questions of any guide.
func TestGuideDataStaysWithItsGuide(t *testing.T) {
	emb := testIndex
	if emb.lex.Guide != emb.guide.Key() || len(emb.lex.Aliases) == 0 || len(emb.ExampleQuestions()) == 0 {
		t.Fatalf("embedded guide: key %q, %d aliases, examples %v", emb.lex.Guide, len(emb.lex.Aliases), emb.ExampleQuestions())
	}
	measures := 0
	for _, e := range emb.lex.Examples {
		if e.Measure != 0 {
			measures++
		}
	}
	if measures < 900 {
		t.Errorf("embedded guide: %d examples of measures", measures)
	}
	other, _ := otherGuideIndex(t)
	domain, err := LoadLexicon("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if other.lex.Guide != other.guide.Key() || other.lex.Guide == emb.lex.Guide {
		t.Errorf("other guide's data key %q (embedded %q)", other.lex.Guide, emb.lex.Guide)
	}
	if len(other.lex.OutOfScope) != len(domain.OutOfScope) || len(domain.OutOfScope) == 0 || len(domain.Examples) != 0 {
		t.Errorf("other guide: %d out-of-scope questions, want the %d of any guide (and no examples in the domain lexicon, %d)", len(other.lex.OutOfScope), len(domain.OutOfScope), len(domain.Examples))
	}
	for _, e := range other.lex.Examples {
		if e.Measure != 0 {
			t.Errorf("other guide has an example of measure %d: %s", e.Measure, e.Text)
		}
	}
	if len(other.lex.Aliases) > 0 {
		t.Errorf("other guide: aliases %v", other.lex.Aliases)
	}
	// Its greeting examples are written from its own measures, and it
	// answers each.
	shown := other.ExampleQuestions()
	if len(shown) == 0 {
		t.Error("other guide: no greeting examples")
	}
	for _, q := range shown {
		if slices.Contains(emb.ExampleQuestions(), q) {
			t.Errorf("other guide shows the embedded guide's example %q", q)
		}
		if r := must(other.Search(q)); r.Kind != seeds.KindMeasure {
			t.Errorf("other guide's example %q: %s", q, r.Kind)
		}
	}
	former := formerAliases(other.dir.units)
	for alias := range emb.lex.Aliases {
		// A name the other guide's own unit names imply is its own
		// (区人力社保局 is 人社局 there too), not the embedded guide's data;
		// so is a former name of the unit doing the work today (劳动局)
		// and the name with 局 for 委 (科委 and 科技局 aside).
		if u := other.Unit(alias); u != nil && !strings.Contains(u.Name, strings.TrimSuffix(alias, "局")) && !slices.Contains(unitSuffixedForms(u.Name), alias) &&
			!slices.Contains(swappedSuffixForms(u.Name), alias) && former[alias] != u {
			t.Errorf("other guide: the embedded guide's alias %s finds %s", alias, u.Name)
		}
	}
}

// TestOldDataFilesRefused: data an operator kept where an earlier version
// read it for every guide is an error that says where it goes now, never
// applied to whatever guide is served.
func TestOldDataFilesRefused(t *testing.T) {
	g := testIndex.guide
	for _, name := range []string{"examples.txt", "aliases.txt"} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, name), []byte("[2]\n社保咋交\n"), 0o644)
		_, err := LoadLexicon(dir, g)
		if err == nil || !strings.Contains(err.Error(), filepath.Join(GuideDir(dir, g), name)) {
			t.Errorf("%s in the data directory: %v, want an error naming %s", name, err, filepath.Join(GuideDir(dir, g), name))
		}
	}
	// [examples] belongs to a guide, every other section to the domain.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, CuesFile), []byte("[examples]\n社保能缓交吗\n"), 0o644)
	if _, err := LoadLexicon(dir, g); err == nil || !strings.Contains(err.Error(), GuidesDir) {
		t.Errorf("[examples] in the shared cues.txt: %v", err)
	}
	dir = t.TempDir()
	os.MkdirAll(GuideDir(dir, g), 0o755)
	os.WriteFile(filepath.Join(GuideDir(dir, g), CuesFile), []byte("[thanks]\n多谢啦\n"), 0o644)
	if _, err := LoadLexicon(dir, g); err == nil || !strings.Contains(err.Error(), "shared") {
		t.Errorf("[thanks] in a guide's cues.txt: %v", err)
	}
	os.WriteFile(filepath.Join(dir, outOfScopeFile), []byte("[none]\n护照怎么办\n"), 0o644) // only [topics] and [questions]
	os.Remove(filepath.Join(GuideDir(dir, g), CuesFile))
	if _, err := LoadLexicon(dir, g); err == nil || !strings.Contains(err.Error(), outOfScopeFile) {
		t.Errorf("a header in outofscope.txt: %v", err)
	}
}

// TestOperatorGuideData: an operator's examples and aliases for one guide
// (<data-dir>/guides/<key>/) are merged into that guide's lexicon only, and
// only that guide's index fingerprint changes, so only its index rebuilds.
func TestOperatorGuideData(t *testing.T) {
	emb := testIndex.guide
	other, _ := otherGuideIndex(t)
	dir := t.TempDir()
	before := map[string]string{}
	for _, g := range []*seeds.Guide{emb, other.guide} {
		fp, err := Fingerprint(g, WithDataDir(dir))
		if err != nil {
			t.Fatal(err)
		}
		before[g.Key()] = fp
	}
	gd := GuideDir(dir, emb)
	os.MkdirAll(gd, 0o755)
	os.WriteFile(filepath.Join(gd, "examples.txt"), []byte("[2]\n运营商说的那个社保缓缴到底咋回事\n"), 0o644)
	os.WriteFile(filepath.Join(gd, "aliases.txt"), []byte("社保科 => 区人保局\n"), 0o644)
	lex, err := LoadLexicon(dir, emb)
	if err != nil {
		t.Fatal(err)
	}
	if !hasExample(lex, 2, "运营商说的那个社保缓缴到底咋回事") || lex.Aliases["社保科"] != "区人保局" {
		t.Error("the operator's data of the embedded guide is not merged into its lexicon")
	}
	olex, err := LoadLexicon(dir, other.guide)
	if err != nil {
		t.Fatal(err)
	}
	if hasExample(olex, 2, "运营商说的那个社保缓缴到底咋回事") || olex.Aliases["社保科"] != "" {
		t.Error("another guide reads the embedded guide's operator data")
	}
	for _, g := range []*seeds.Guide{emb, other.guide} {
		fp, _ := Fingerprint(g, WithDataDir(dir))
		if changed := fp != before[g.Key()]; changed != (g == emb) {
			t.Errorf("%s: fingerprint changed %v after an example for the embedded guide", g.Key(), changed)
		}
	}
}

func hasExample(lex *Lexicon, n int, text string) bool {
	for _, e := range lex.Examples {
		if e.Measure == n && e.Text == text {
			return true
		}
	}
	return false
}

// TestSharedDataNamesNoGuide: the data that holds for every guide
// (index/data/*.txt) names none of the test guides' districts; each guide's
// own data lives under index/data/guides/<key>/.
func TestSharedDataNamesNoGuide(t *testing.T) {
	paths, _ := filepath.Glob("../seeds/testdata/guides/*/guide.txt")
	formats, _ := filepath.Glob("../seeds/testdata/formats/*/guide.txt")
	guides := []*seeds.Guide{testIndex.guide}
	for _, p := range append(paths, formats...) {
		g, err := seeds.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		guides = append(guides, g)
	}
	files, _ := filepath.Glob("data/*.txt")
	if len(files) < 5 {
		t.Fatalf("shared data files: %v", files)
	}
	for _, g := range guides {
		_, home := ownPlaceNames(g)
		if len(home) == 0 {
			t.Errorf("%s: no district found in its issuer or title", seeds.Clip(g.Title, 30))
		}
		for _, f := range files {
			data := mustRead(t, f)
			for _, place := range home {
				if strings.Contains(string(data), place) {
					t.Errorf("%s names %s, the district of %s", f, place, seeds.Clip(g.Title, 30))
				}
			}
		}
	}
}
