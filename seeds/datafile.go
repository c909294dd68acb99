package seeds

import (
	"errors"
	"fmt"
	"strings"
)

// Data files (the lexicon, cues, tags) share one line format.

// EachLine calls fn for every meaningful line of a data file (the index's
// lexicon files, examples.txt, cues.txt, tags.txt): trimmed, '#' comments and
// blank lines dropped, "[name]" headers turned into the section of the
// lines that follow. n is the 1-based line number; a line longer than 64
// KiB is an error naming it. fn's error stops the reading and is returned.
func EachLine(data string, fn func(n int, section, line string) error) error {
	section := ""
	for n, line := range strings.Split(data, "\n") {
		n++
		if len(line) > maxLineBytes {
			return fmt.Errorf("line %d: %w (%d bytes; at most %d)", n, ErrLineTooLong, len(line), maxLineBytes)
		}
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.Trim(line, "[]")
		default:
			if err := fn(n, section, line); err != nil {
				return err
			}
		}
	}
	return nil
}

// maxLineBytes bounds a data-file line: entries are words and short lists.
const maxLineBytes = 64 << 10

// ErrLineTooLong is returned (wrapped) by EachLine for a line over 64 KiB.
var ErrLineTooLong = errors.New("line too long for a lexicon entry")

// SplitWords splits a data-file list ("a, b，c、d") into its trimmed,
// non-empty words.
func SplitWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}
