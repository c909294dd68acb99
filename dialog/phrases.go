package dialog

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"policybot/index"
)

//go:embed data/phrases.txt
var phrasesFile string

// PhrasesFile is the name of the phrase file, built in and optionally in an
// operator's data directory, whose phrases are added to the built-in ones.
const PhrasesFile = "phrases.txt"

// Phrase sections of data/phrases.txt.
const (
	phFiller   = "filler"
	phContact  = "contact"
	phDetails  = "details"
	phMore     = "more"
	phDeadline = "deadline"
	phSupport  = "support"
	phEligible = "eligible"
	phSkip     = "skip"
	phGreeting = "greeting"
	phThanks   = "thanks"
	phBye      = "bye"
	phIdentity = "identity" // 你是谁 / 你能做什么
	phHuman    = "human"    // asking for a person
	phPrevious = "previous" // 上一个 / 刚才那个
	phExamples = "examples" // example questions for greetings and fallbacks

	// Verdict words (verdict.go).
	phYesNo    = "verdict.question"  // marks a yes/no question
	phMay      = "verdict.may"       // "may I" questions
	phHas      = "verdict.has"       // "is there" questions
	phGrant    = "verdict.grant"     // words of a clause that grants something
	phPreamble = "verdict.preamble"  // clause openings that grant nothing ("按照…")
	phWill     = "verdict.will"      // "will it…" questions
	phDepend   = "verdict.dependent" // clause endings that need the next clause
	phNot      = "verdict.not"       // clauses that rule a consequence out
	phSubject  = "subject"           // kinds of askers: 个体户, 灵活就业, 大企业
)

// aspectNames are the aspects of a measure a follow-up may ask about, each
// with an "ask.<name>" section (cue words in a question) and an
// "answer.<name>" section (words of a sentence that answers it).
var aspectNames = []string{"apply", "online", "conditions", "who", "amount", "credit"}

// knownSection reports whether name is a section the dialog reads; a typo
// in a section name would otherwise switch a feature off silently.
func knownSection(name string) bool {
	switch name {
	case phFiller, phContact, phDetails, phMore, phDeadline, phSupport, phEligible, phSkip,
		phGreeting, phThanks, phBye, phIdentity, phHuman, phPrevious, phExamples,
		phYesNo, phMay, phHas, phGrant, phPreamble, phSubject, phWill, phNot, phDepend:
		return true
	}
	kind, aspect, ok := strings.Cut(name, ".")
	return ok && (kind == "ask" || kind == "answer") && slices.Contains(aspectNames, aspect) ||
		name == "answer.period"
}

// Phrases is the dialog's word lists by section: follow-up cues, small
// talk, filler, verdict words, example questions. The zero value has none;
// use LoadPhrases or the built-in ones.
type Phrases struct {
	m      map[string][]string // section → phrases, longest first
	cues   []cue               // aspect cues, longest first (aspectsOf)
	asking []string            // phrases of the cue sections, in cueSections order
	social []socialPhrase      // small-talk phrases and filler (social)
}

// cue is a phrase that asks about an aspect.
type cue struct{ phrase, aspect string }

// socialPhrase is a small-talk phrase (social) or filler around it.
type socialPhrase struct {
	text   string
	social bool
	sec    string
}

// parsePhrases reads a phrase file: "[section]" headers, one phrase a line,
// '#' comments. A phrase outside a section or an unknown section name is an
// error naming the file (name) and the line.
func parsePhrases(name, data string, into map[string][]string) error {
	err := index.EachLine(data, func(n int, section, line string) error {
		section = strings.TrimSpace(section)
		switch {
		case section == "":
			return fmt.Errorf("line %d: phrase %q before any [section]", n, line)
		case !knownSection(section):
			return fmt.Errorf("line %d: unknown section [%s]", n, section)
		}
		if section != phExamples {
			line = strings.ToLower(line)
		}
		if !slices.Contains(into[section], line) {
			into[section] = append(into[section], line)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s %w", name, err)
	}
	return nil
}

func newPhrases(files ...[2]string) (Phrases, error) {
	m := map[string][]string{}
	for _, f := range files {
		if err := parsePhrases(f[0], f[1], m); err != nil {
			return Phrases{}, err
		}
	}
	for k := range m {
		if k == phExamples {
			continue // in the operator's order
		}
		sort.SliceStable(m[k], func(i, j int) bool { return len(m[k][i]) > len(m[k][j]) })
	}
	p := Phrases{m: m}
	for _, a := range []string{phContact, phSupport, phDeadline, phDetails, phEligible} {
		for _, ph := range m[a] {
			p.cues = append(p.cues, cue{ph, a})
		}
	}
	for _, a := range aspectNames {
		for _, ph := range m["ask."+a] {
			p.cues = append(p.cues, cue{ph, a})
		}
	}
	sort.SliceStable(p.cues, func(i, j int) bool { return len(p.cues[i].phrase) > len(p.cues[j].phrase) })
	for _, sec := range cueSections() {
		p.asking = append(p.asking, m[sec]...)
	}
	for _, sec := range socialSections {
		for _, ph := range m[sec] {
			p.social = append(p.social, socialPhrase{ph, true, sec})
		}
	}
	for _, sec := range []string{phFiller, phYesNo, phMay} {
		for _, ph := range m[sec] {
			p.social = append(p.social, socialPhrase{ph, false, sec})
		}
	}
	return p, nil
}

// builtinPhrases are the phrases of data/phrases.txt. The embedded file is
// checked by the tests, so it parses.
func builtinPhrases() Phrases {
	p, err := newPhrases([2]string{"data/" + PhrasesFile, phrasesFile})
	if err != nil {
		panic(fmt.Sprintf("built-in phrases: %v", err))
	}
	return p
}

// LoadPhrases returns the built-in phrases merged with dir/phrases.txt if
// the operator has one (dir "" or no such file: the built-in ones alone).
// An unreadable file or an unknown section name is an error.
func LoadPhrases(dir string) (Phrases, error) {
	files := [][2]string{{"data/" + PhrasesFile, phrasesFile}}
	if dir != "" {
		path := filepath.Join(dir, PhrasesFile)
		data, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return Phrases{}, fmt.Errorf("read phrases: %w", err)
		default:
			files = append(files, [2]string{path, string(data)})
		}
	}
	p, err := newPhrases(files...)
	if err != nil {
		return Phrases{}, fmt.Errorf("phrases: %w", err)
	}
	return p, nil
}

// WithPhrases makes the engine use p (from LoadPhrases) instead of the
// built-in phrases.
func WithPhrases(p Phrases) Option {
	return func(e *Engine) {
		if p.m != nil {
			e.ph = p
		}
	}
}

// squeeze lower-cases s and drops spaces and punctuation, so "电话多少？"
// and "电话 多少" read alike.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// list returns a section's phrases, longest first.
func (p Phrases) list(section string) []string { return p.m[section] }

// has reports whether the squeezed message contains a phrase of section.
func (p Phrases) has(msg, section string) bool {
	s := squeeze(msg)
	for _, ph := range p.m[section] {
		if strings.Contains(s, ph) {
			return true
		}
	}
	return false
}

// only reports whether msg consists of phrases from section and filler
// alone, i.e. it says nothing else ("那找谁办呢" is only a contact phrase).
func (p Phrases) only(msg, section string) bool {
	s, found := p.cut(squeeze(msg), section)
	return found && p.rest(s) == ""
}

// cut removes the phrases of the sections from an already squeezed string
// and reports whether any was there.
func (p Phrases) cut(s string, sections ...string) (string, bool) {
	found := false
	for _, sec := range sections {
		for _, ph := range p.m[sec] {
			if strings.Contains(s, ph) {
				s = strings.ReplaceAll(s, ph, "")
				found = true
			}
		}
	}
	return s, found
}

// rest removes filler from an already squeezed string.
func (p Phrases) rest(s string) string {
	s, _ = p.cut(s, phFiller)
	return s
}

// isCue reports whether word is, or is part of, a phrase of a cue section
// (follow-ups, aspects, verdict words, filler): a question word, not a topic.
func (p Phrases) isCue(word string) bool {
	for _, ph := range p.asking {
		if strings.Contains(ph, word) {
			return true
		}
	}
	return false
}

// cutAsking removes every cue phrase from an already squeezed string.
func (p Phrases) cutAsking(s string) string {
	for _, ph := range p.asking {
		if strings.Contains(s, ph) {
			s = strings.ReplaceAll(s, ph, "")
		}
	}
	return s
}

// cueSections are the sections of words that ask rather than name a
// topic; question words and filler come last, being parts of longer cues.
func cueSections() []string {
	s := []string{phContact, phDetails, phMore, phDeadline, phSupport, phEligible, phPrevious}
	for _, a := range aspectNames {
		s = append(s, "ask."+a)
	}
	// Question words and filler last: they are parts of longer cues.
	return append(s, phHas, phYesNo, phWill, phMay, phFiller)
}
