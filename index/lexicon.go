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

//go:embed data/*.txt
var builtin embed.FS

// Lexicon is the language data behind search: jieba's domain words, stop
// words, synonyms, unit aliases, the cue lexicon and the example bank. It is read from the
// built-in data files, merged with same-named files an operator puts in the
// data directory (see LoadLexicon).
type Lexicon struct {
	UserWords []string
	Stopwords []string
	Synonyms  []Synonym
	// Aliases maps another name of a unit to the unit's name in the guide.
	Aliases map[string]string
	// Cues maps a section of the cue lexicon (cues.txt: "contact", "list",
	// "ask.apply", …) to its phrases, lower-cased and longest first (the
	// "examples" section in file order).
	Cues map[string][]string
	// Examples are the example bank (examples.txt): questions as owners ask
	// them, by the measure that answers them, and out-of-scope ones.
	Examples []Example
	// OutOfScope is the domain's bank of questions no relief guide answers
	// (outofscope.txt [questions]); "{place}" stands for another place.
	OutOfScope []string
	// OutOfScopeTopics are the words of topics no relief guide covers
	// (outofscope.txt [topics]), one list per topic.
	OutOfScopeTopics [][]string

	hash     string            // over every file read, for index invalidation
	userTags map[string]string // part of speech of user words that give one ("ns")
}

// Synonym maps everyday words to the guide's words.
type Synonym struct {
	From []string // single words, each kept whole by jieba
	To   []string // words or phrases as the guide writes them
}

// Lexicon file names, in the embedded data/ directory and the data dir.
const (
	userDictFile  = "userdict.txt"
	stopwordsFile = "stopwords.txt"
	synonymsFile  = "synonyms.txt"
	aliasesFile   = "aliases.txt"
	// outOfScopeFile is the domain's out-of-scope topics and questions.
	outOfScopeFile = "outofscope.txt"
	// CuesFile is the cue lexicon: every word list that reads a message.
	CuesFile = "cues.txt"
)

// retiredFiles are lexicon files of earlier versions whose lines now
// belong in cues.txt: an operator's copy is an error rather than ignored.
var retiredFiles = []string{"intents.txt", "phrases.txt"}

// LoadLexicon reads the built-in lexicon and, when dir is not "", merges
// the files of the same names found in dir: their lines are added to the
// built-in ones. A malformed line is an error naming file and line.
func LoadLexicon(dir string) (*Lexicon, error) {
	lex := &Lexicon{Aliases: map[string]string{}, Cues: map[string][]string{}}
	h := sha256.New()
	for _, name := range retiredFiles {
		if dir == "" {
			break
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return nil, fmt.Errorf("load lexicon: %s is no longer read: move its lines under the same [section] headers into %s", filepath.Join(dir, name), filepath.Join(dir, CuesFile))
		}
	}
	for _, name := range []string{userDictFile, stopwordsFile, synonymsFile, aliasesFile, CuesFile, examplesFile, outOfScopeFile} {
		sources := []struct {
			path string
			read func() ([]byte, error)
		}{{"built-in " + name, func() ([]byte, error) { return builtin.ReadFile("data/" + name) }}}
		if dir != "" {
			p := filepath.Join(dir, name)
			sources = append(sources, struct {
				path string
				read func() ([]byte, error)
			}{p, func() ([]byte, error) { return os.ReadFile(p) }})
		}
		for _, src := range sources {
			data, err := src.read()
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("load lexicon: %w", err)
			}
			fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
			h.Write(data)
			if err := lex.read(name, src.path, string(data)); err != nil {
				return nil, fmt.Errorf("load lexicon: %w", err)
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

func (lex *Lexicon) read(name, path, data string) error {
	err := seeds.EachLine(data, func(n int, section, line string) error {
		bad := func(why string) error { return fmt.Errorf("%s line %d: %s: %q", path, n, why, line) }
		switch name {
		case userDictFile:
			f := strings.Fields(line)
			lex.UserWords = append(lex.UserWords, f[0])
			if len(f) == 3 {
				if lex.userTags == nil {
					lex.userTags = map[string]string{}
				}
				lex.userTags[f[0]] = f[2]
			}
		case stopwordsFile:
			if strings.ContainsAny(line, " \t") {
				return bad("one stop word per line")
			}
			lex.Stopwords = append(lex.Stopwords, line)
		case synonymsFile:
			from, to, ok := strings.Cut(line, "=>")
			if !ok {
				// "a, b, c": the words are equivalent.
				words := seeds.SplitWords(line)
				if len(words) < 2 {
					return bad("want 'a, b => c' or 'a, b, c'")
				}
				lex.Synonyms = append(lex.Synonyms, Synonym{From: words, To: words})
				return nil
			}
			s := Synonym{From: seeds.SplitWords(from), To: seeds.SplitWords(to)}
			if len(s.From) == 0 || len(s.To) == 0 {
				return bad("empty side")
			}
			lex.Synonyms = append(lex.Synonyms, s)
		case aliasesFile:
			from, unit, ok := strings.Cut(line, "=>")
			unit = strings.TrimSpace(unit)
			if !ok || unit == "" || len(seeds.SplitWords(from)) == 0 {
				return bad("want 'alias, alias => unit'")
			}
			for _, a := range seeds.SplitWords(from) {
				lex.Aliases[a] = unit
			}
		case CuesFile:
			switch {
			case section == "":
				return bad("phrase before any [section] header")
			case !knownCueSection(section):
				return bad("unknown section [" + section + "]")
			}
			if section != cueExamples {
				line = strings.ToLower(line)
			}
			if !slices.Contains(lex.Cues[section], line) {
				lex.Cues[section] = append(lex.Cues[section], line)
			}
		case examplesFile:
			if err := lex.readExample(section, line); err != nil {
				return bad(err.Error())
			}
		case outOfScopeFile:
			switch section {
			case "topics":
				lex.OutOfScopeTopics = append(lex.OutOfScopeTopics, seeds.SplitWords(line))
			case "questions":
				lex.OutOfScope = append(lex.OutOfScope, line)
			default:
				return bad("want a line under [topics] or [questions]")
			}
		}
		return nil
	})
	if errors.Is(err, seeds.ErrLineTooLong) {
		return fmt.Errorf("%s %w", path, err)
	}
	return err
}
