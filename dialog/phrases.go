package dialog

import (
	"bufio"
	_ "embed"
	"sort"
	"strings"
	"unicode"
)

//go:embed data/phrases.txt
var phrasesFile string

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
)

// phrases maps a section to its phrases, longest first.
type phrases map[string][]string

func parsePhrases(data string) phrases {
	p := phrases{}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.Trim(line, "[]")
		case section != "":
			p[section] = append(p[section], strings.ToLower(line))
		}
	}
	for k := range p {
		sort.SliceStable(p[k], func(i, j int) bool { return len(p[k][i]) > len(p[k][j]) })
	}
	return p
}

var defaultPhrases = parsePhrases(phrasesFile)

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

// only reports whether msg consists of phrases from section and filler
// alone, i.e. it says nothing else ("那找谁办呢" is only a contact phrase).
func (p phrases) only(msg, section string) bool {
	s := squeeze(msg)
	found := false
	for _, ph := range p[section] {
		if strings.Contains(s, ph) {
			s = strings.ReplaceAll(s, ph, "")
			found = true
		}
	}
	if !found {
		return false
	}
	return p.rest(s) == ""
}

// rest removes filler from an already squeezed string.
func (p phrases) rest(s string) string {
	for _, f := range p[phFiller] {
		s = strings.ReplaceAll(s, f, "")
	}
	return s
}
