package index

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"policybot/seeds"
	"slices"
	"sort"
	"strings"
)

//go:embed data/*.txt data/guides
var builtin embed.FS

// Lexicon is the language data behind search. Most of it is domain
// knowledge that holds for any relief-policy guide and is read for every
// guide: jieba's domain words, stop words, synonyms, the cue lexicon and
// out-of-scope questions. The rest belongs to one guide and is read only
// for it (see LoadLexicon): its units' aliases, its example questions and
// the examples shown on greetings. Each is read from the built-in data
// files, merged with same-named files an operator puts in the data
// directory.
type Lexicon struct {
	UserWords []string
	Stopwords []string
	Synonyms  []Synonym
	// Senses ("a ~> b, c") are what an everyday word may also stand for,
	// for telling whether a text names it (namedThrough) without searching
	// those words for it: a second sense that would pull every ask naming
	// the word towards the measures that write it.
	Senses []Synonym
	// English is the English glossary (english.txt): the phrases a message
	// written mostly in English is read through, in file order.
	English []EnglishPhrase
	// Aliases maps another name of a unit to the unit's name in the guide
	// (the guide's own aliases.txt).
	Aliases map[string]string
	// Cues maps a section of the cue lexicon (cues.txt: "contact", "list",
	// "ask.apply", …) to its phrases, lower-cased and longest first (the
	// guide's "examples" section in file order).
	Cues map[string][]string
	// Examples are the example bank: the out-of-scope questions of any
	// guide (outofscope.txt), then the guide's own questions by the measure
	// that answers them and those it does not answer (its examples.txt).
	Examples []Example
	// OutOfScope is the domain's bank of questions no relief guide answers
	// (outofscope.txt [questions]); "{place}" stands for another place.
	OutOfScope []string
	// OutOfScopeTopics are the words of topics no relief guide covers
	// (outofscope.txt [topics]), one list per topic.
	OutOfScopeTopics [][]string
	// NamedPolicies are national relief policies and statuses by their
	// official names (outofscope.txt [named]), one list per policy: an
	// out-of-scope topic for a guide whose text names none of a list's
	// words, a topic of its own for a guide that names one.
	NamedPolicies [][]string
	// NamedAsWritten are more such names (outofscope.txt [named.text]),
	// read in a message as written and never given to the segmenter: a
	// guide writing a longer name (旅游服务质量保证金) keeps the words it
	// is searched by (保证金).
	NamedAsWritten [][]string
	// Guide is the key (seeds.Guide.Key) of the guide whose own data was
	// read, "" when none was.
	Guide string

	hash     string            // over every file read, for index invalidation
	userTags map[string]string // part of speech of user words that give one ("ns")
}

// Synonym maps everyday words to the guide's words.
type Synonym struct {
	From []string // single words, each kept whole by jieba
	To   []string // words or phrases as the guide writes them
}

// EnglishPhrase is a line of english.txt: English phrases and the Chinese
// they are read as, under a section (EnglishSocial, EnglishTopic,
// EnglishStory, EnglishAsk, or EnglishFiller with no Chinese).
type EnglishPhrase struct {
	Section string
	From    []string
	To      string
}

// The sections of english.txt.
const (
	EnglishSocial = "social"
	EnglishTopic  = "topic"
	EnglishStory  = "story"
	EnglishAsk    = "ask"
	EnglishFiller = "filler"
)

// Lexicon file names, in the embedded data/ directory and the data dir.
const (
	userDictFile   = "userdict.txt"
	stopwordsFile  = "stopwords.txt"
	synonymsFile   = "synonyms.txt"
	aliasesFile    = "aliases.txt"
	outOfScopeFile = "outofscope.txt"
	englishFile    = "english.txt"
	// CuesFile is the cue lexicon: every word list that reads a message.
	CuesFile = "cues.txt"
	// GuidesDir, under index/data and under the data directory, holds one
	// directory per guide, named by its key, with the data of that guide
	// alone (see GuideDir).
	GuidesDir = "guides"
)

// domainFiles hold for every guide; guideFiles are kept in each guide's
// directory (cues.txt there has only the [examples] section).
var (
	domainFiles = []string{userDictFile, stopwordsFile, synonymsFile, CuesFile, outOfScopeFile, englishFile}
	guideFiles  = []string{aliasesFile, CuesFile, examplesFile}
)

// retiredFiles are lexicon files of earlier versions whose lines now
// belong in cues.txt: an operator's copy is an error rather than ignored.
var retiredFiles = []string{"intents.txt", "phrases.txt"}

// movedFiles are files an operator kept in the data directory itself
// before data belonged to a guide: read there, they would apply to any
// guide served, so their presence is an error that says where they go.
var movedFiles = []string{examplesFile, aliasesFile}

// GuideDir is the directory under dir that holds the data of guide g
// alone: dir/guides/<key> (see seeds.Guide.Key).
func GuideDir(dir string, g *seeds.Guide) string {
	return filepath.Join(dir, GuidesDir, g.Key())
}

// LoadLexicon reads the domain lexicon and, for guide g (nil: none), the
// data kept with that guide: the built-in files (data/*.txt, then
// data/guides/<key>/*.txt) and, when dir is not "", the files of the same
// names in dir and dir/guides/<key>: their lines are added to the built-in
// ones. No other guide's data is read. A malformed line is an error naming
// file and line, and so is a file left where an earlier version read it
// (examples.txt, aliases.txt or a cues.txt [examples] section in dir).
func LoadLexicon(dir string, g *seeds.Guide) (*Lexicon, error) {
	lex := &Lexicon{Aliases: map[string]string{}, Cues: map[string][]string{}}
	if err := checkOldFiles(dir, g); err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	h := sha256.New()
	load := func(f lexFile) error {
		for _, src := range f.sources(dir) {
			data, err := src.read()
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return fmt.Errorf("load lexicon: %w", err)
			}
			fmt.Fprintf(h, "%s\x00%s\x00%d\x00", f.key, f.name, len(data))
			h.Write(data)
			if err := lex.read(f, src.path, string(data)); err != nil {
				return fmt.Errorf("load lexicon: %w", err)
			}
		}
		return nil
	}
	for _, name := range domainFiles {
		if err := load(lexFile{name: name}); err != nil {
			return nil, err
		}
	}
	if g != nil {
		lex.Guide = g.Key()
		for _, name := range guideFiles {
			if err := load(lexFile{name: name, key: lex.Guide}); err != nil {
				return nil, err
			}
		}
	}
	for k, list := range lex.Cues {
		if k != cueExamples { // in the operator's order
			sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
		}
	}
	lex.hash = hex.EncodeToString(h.Sum(nil))
	return lex, nil
}

// lexFile is one lexicon file: a domain file (key "") or one of guide
// key's own files.
type lexFile struct {
	name, key string
}

type lexSource struct {
	path string
	read func() ([]byte, error)
}

// sources are where f is read from: built in, then the operator's copy.
func (f lexFile) sources(dir string) []lexSource {
	builtinPath, rel := "data/"+f.name, f.name
	if f.key != "" {
		builtinPath = "data/" + GuidesDir + "/" + f.key + "/" + f.name
		rel = filepath.Join(GuidesDir, f.key, f.name)
	}
	out := []lexSource{{"built-in " + builtinPath, func() ([]byte, error) { return builtin.ReadFile(builtinPath) }}}
	if dir != "" {
		p := filepath.Join(dir, rel)
		out = append(out, lexSource{p, func() ([]byte, error) { return os.ReadFile(p) }})
	}
	return out
}

// checkOldFiles fails on files of earlier versions in dir, saying where
// their lines go now.
func checkOldFiles(dir string, g *seeds.Guide) error {
	if dir == "" {
		return nil
	}
	for _, name := range retiredFiles {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s is no longer read: move its lines under the same [section] headers into %s", filepath.Join(dir, name), filepath.Join(dir, CuesFile))
		}
	}
	where := filepath.Join(dir, GuidesDir, "<key>")
	which := "the guide it was written for (policybot guide prints a guide's key)"
	if g != nil {
		where = GuideDir(dir, g)
		which = fmt.Sprintf("this guide (%s)", seeds.Clip(g.Title, 40))
	}
	for _, name := range movedFiles {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("%s is no longer read: %s belong to one guide; if they were written for %s, move the file to %s (questions out of scope for any guide go under [questions] in %s)",
				p, movedWhat(name), which, filepath.Join(where, name), filepath.Join(dir, outOfScopeFile))
		}
	}
	return nil
}

// movedWhat names, for checkOldFiles' message, what a moved file holds.
func movedWhat(name string) string {
	if name == aliasesFile {
		return "unit aliases"
	}
	return "example questions"
}

// read adds the lines of lexicon file f, read from path, to lex. A
// malformed line is an error naming path, line number, why and the line.
func (lex *Lexicon) read(f lexFile, path, data string) error {
	add := lex.lineReader(f)
	err := seeds.EachLine(data, func(n int, section, line string) error {
		if err := add(section, line); err != nil {
			return fmt.Errorf("%s line %d: %s: %q", path, n, err, line)
		}
		return nil
	})
	if errors.Is(err, seeds.ErrLineTooLong) {
		return fmt.Errorf("%s %w", path, err)
	}
	return err
}

// lineReader returns the function that adds one line of file f under
// section to lex; its error says why a line is malformed. Lines of a file
// the lexicon does not know are ignored.
func (lex *Lexicon) lineReader(f lexFile) func(section, line string) error {
	switch f.name {
	case userDictFile:
		return func(_, line string) error { lex.addUserWord(line); return nil }
	case stopwordsFile:
		return func(_, line string) error { return lex.addStopword(line) }
	case synonymsFile:
		return func(_, line string) error { return lex.addSynonym(line) }
	case aliasesFile:
		return func(_, line string) error { return lex.addAlias(line) }
	case CuesFile:
		return func(section, line string) error { return lex.addCue(f.key, section, line) }
	case examplesFile:
		return lex.readExample
	case outOfScopeFile:
		return lex.addOutOfScope
	case englishFile:
		return lex.addEnglish
	}
	return func(_, _ string) error { return nil }
}

// addUserWord adds a jieba dictionary line: "word [freq [tag]]".
func (lex *Lexicon) addUserWord(line string) {
	f := strings.Fields(line)
	lex.UserWords = append(lex.UserWords, f[0])
	if len(f) == 3 {
		if lex.userTags == nil {
			lex.userTags = map[string]string{}
		}
		lex.userTags[f[0]] = f[2]
	}
}

// addStopword adds a stop word; a line holds exactly one.
func (lex *Lexicon) addStopword(line string) error {
	if strings.ContainsAny(line, " \t") {
		return errors.New("one stop word per line")
	}
	lex.Stopwords = append(lex.Stopwords, line)
	return nil
}

// addSynonym adds "a, b => c" (everyday words to the guide's), "a, b, c"
// (equivalent words) or "a ~> b, c" (a sense of a, see Lexicon.Senses).
func (lex *Lexicon) addSynonym(line string) error {
	if from, to, ok := strings.Cut(line, "~>"); ok {
		s := Synonym{From: seeds.SplitWords(from), To: seeds.SplitWords(to)}
		if len(s.From) == 0 || len(s.To) == 0 {
			return errors.New("empty side")
		}
		lex.Senses = append(lex.Senses, s)
		return nil
	}
	from, to, ok := strings.Cut(line, "=>")
	if !ok {
		words := seeds.SplitWords(line)
		if len(words) < 2 {
			return errors.New("want 'a, b => c' or 'a, b, c'")
		}
		lex.Synonyms = append(lex.Synonyms, Synonym{From: words, To: words})
		return nil
	}
	s := Synonym{From: seeds.SplitWords(from), To: seeds.SplitWords(to)}
	if len(s.From) == 0 || len(s.To) == 0 {
		return errors.New("empty side")
	}
	lex.Synonyms = append(lex.Synonyms, s)
	return nil
}

// addAlias adds "alias, alias => unit": other names of a unit.
func (lex *Lexicon) addAlias(line string) error {
	from, unit, ok := strings.Cut(line, "=>")
	unit = strings.TrimSpace(unit)
	if !ok || unit == "" || len(seeds.SplitWords(from)) == 0 {
		return errors.New("want 'alias, alias => unit'")
	}
	for _, a := range seeds.SplitWords(from) {
		lex.Aliases[a] = unit
	}
	return nil
}

// addCue adds a phrase of the cue lexicon under section, once. Only the
// [examples] section belongs to one guide (key != ""), and only it keeps
// its case.
func (lex *Lexicon) addCue(key, section, line string) error {
	switch {
	case section == "":
		return errors.New("phrase before any [section] header")
	case !knownCueSection(section):
		return errors.New("unknown section [" + section + "]")
	case key == "" && section == cueExamples:
		return errors.New("the [examples] section belongs to one guide: move it to " + filepath.Join(GuidesDir, "<key>", CuesFile))
	case key != "" && section != cueExamples:
		return errors.New("only [examples] belongs to one guide; [" + section + "] holds for any guide and goes in the shared " + CuesFile)
	}
	if section != cueExamples {
		line = strings.ToLower(line)
	}
	if !slices.Contains(lex.Cues[section], line) {
		lex.Cues[section] = append(lex.Cues[section], line)
	}
	return nil
}

// addEnglish adds a line of english.txt: "phrase, phrase => 中文" under
// [social], [topic], [story] or [ask], or "word, word" under [filler].
func (lex *Lexicon) addEnglish(section, line string) error {
	from, to, arrow := strings.Cut(line, "=>")
	p := EnglishPhrase{Section: section, From: seeds.SplitWords(from), To: strings.TrimSpace(to)}
	switch {
	case section != EnglishSocial && section != EnglishTopic && section != EnglishStory && section != EnglishAsk && section != EnglishFiller:
		return errors.New("want a line under [social], [topic], [story], [ask] or [filler]")
	case len(p.From) == 0:
		return errors.New("no English phrase")
	case section == EnglishFiller && arrow:
		return errors.New("a [filler] line has no => side")
	case section != EnglishFiller && p.To == "":
		return errors.New("want 'phrase, phrase => 中文'")
	}
	lex.English = append(lex.English, p)
	return nil
}

// addOutOfScope adds a line of outofscope.txt: the words of a topic under
// [topics], of a named policy under [named] or [named.text] or a
// question under [questions].
func (lex *Lexicon) addOutOfScope(section, line string) error {
	switch section {
	case "topics":
		lex.OutOfScopeTopics = append(lex.OutOfScopeTopics, seeds.SplitWords(line))
	case "questions":
		lex.OutOfScope = append(lex.OutOfScope, line)
	case "named":
		lex.NamedPolicies = append(lex.NamedPolicies, seeds.SplitWords(line))
	case "named.text":
		lex.NamedAsWritten = append(lex.NamedAsWritten, seeds.SplitWords(line))
	default:
		return errors.New("want a line under [topics], [named], [named.text] or [questions]")
	}
	return nil
}
