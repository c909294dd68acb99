package index

import (
	"strings"
	"unicode/utf8"
)

// runeSet is a filter of the runes of a text, 1,024 bits by the rune's low
// bits: a phrase whose first rune it lacks cannot be in the text, so a loop
// over a list of cue phrases skips most strings.Contains calls (each scans
// the whole text for the lead byte Chinese characters share). It only ever
// answers "may be there" for a phrase that is there, so a loop using it
// finds exactly what it did without.
type runeSet [16]uint64

// runesOf returns the filter of s's runes.
func runesOf(s string) runeSet {
	var rs runeSet
	for _, r := range s {
		rs.add(r)
	}
	return rs
}

func (rs *runeSet) add(r rune) { rs[(r>>6)&15] |= 1 << (r & 63) }

// mayHold reports whether phrase can be in the text: its first rune is in
// the filter. A text holding phrase decodes that rune where phrase starts
// (UTF-8 resynchronises at every lead byte), so one that holds it passes.
// A phrase that starts with a byte that is no rune's start always passes.
func (rs *runeSet) mayHold(phrase string) bool {
	r, size := utf8.DecodeRuneInString(phrase)
	if size <= 1 && r == utf8.RuneError {
		return true // empty, or an invalid first byte: check it
	}
	return rs[(r>>6)&15]&(1<<(r&63)) != 0
}

// containsPhrase is strings.Contains(s, phrase) with the filter rs of s
// (or of a text whose runes include s's) asked first.
func containsPhrase(rs *runeSet, s, phrase string) bool {
	return rs.mayHold(phrase) && strings.Contains(s, phrase)
}
