package seeds

import (
	"strings"
	"unicode"
)

// sentence is one 。-terminated piece of the seed with whitespace removed.
type sentence struct {
	text string
	// terminated is false only for a final piece the seed left without 。.
	terminated bool
}

// splitSentences cuts text after every 。 and removes all whitespace:
// newlines were sprinkled into the seed at random, and the guide's Chinese
// text has no meaningful spaces. Empty pieces are dropped.
func splitSentences(text string) []sentence {
	var out []sentence
	for len(text) > 0 {
		i := strings.Index(text, "。")
		var raw string
		term := i >= 0
		if term {
			raw, text = text[:i+len("。")], text[i+len("。"):]
		} else {
			raw, text = text, ""
		}
		if s := stripSpace(raw); s != "" && s != "。" {
			out = append(out, sentence{text: s, terminated: term})
		}
	}
	return out
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// dedupe keeps the first copy of every sentence and reports the others.
func dedupe(in []sentence) (kept []sentence, dups []Duplicate) {
	seen := map[string]int{} // text -> index into dups+1, 0 if seen once
	first := map[string]bool{}
	for _, s := range in {
		if !first[s.text] {
			first[s.text] = true
			kept = append(kept, s)
			continue
		}
		if i := seen[s.text]; i > 0 {
			dups[i-1].Copies++
			continue
		}
		dups = append(dups, Duplicate{Sentence: s.text, Copies: 1})
		seen[s.text] = len(dups)
	}
	return kept, dups
}
