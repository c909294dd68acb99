package bot

import (
	"unicode"
)

// Telegram measures text in UTF-16 code units: message length limits,
// and entity offsets and lengths. A character outside the Basic
// Multilingual Plane (most emoji) counts 2; every CJK character of the
// guide counts 1. These helpers do that arithmetic on Go strings.

// utf16Len returns the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += runeUnits(r)
	}
	return n
}

// runeUnits is the number of UTF-16 code units of r (invalid bytes, which
// range yields as U+FFFD, count 1 like the replacement character).
func runeUnits(r rune) int {
	if r >= 0x10000 && r <= unicode.MaxRune {
		return 2
	}
	return 1
}

// byteOffset converts a UTF-16 offset into s to a byte offset, clamped to
// len(s). An offset inside a surrogate pair moves to the character's end.
func byteOffset(s string, units int) int {
	if units <= 0 {
		return 0
	}
	n := 0
	for i, r := range s {
		if n >= units {
			return i
		}
		n += runeUnits(r)
	}
	return len(s)
}

// sliceUTF16 returns the part of s an entity (offset, length in UTF-16
// units) covers; out-of-range entities give a clamped, possibly empty,
// string rather than a panic, since entities come from the network.
func sliceUTF16(s string, offset, length int) string {
	from := byteOffset(s, offset)
	to := byteOffset(s, offset+max(length, 0))
	if to < from {
		return ""
	}
	return s[from:to]
}

// span is an entity's range in UTF-16 units.
type span struct{ offset, length int }

// removeSpans returns s without the given ranges (which must not overlap
// and must be sorted by offset, as Telegram sends entities).
func removeSpans(s string, spans []span) string {
	out := make([]byte, 0, len(s))
	pos := 0
	for _, sp := range spans {
		from := byteOffset(s, sp.offset)
		to := byteOffset(s, sp.offset+max(sp.length, 0))
		if from < pos {
			from = pos
		}
		if to < from {
			continue
		}
		out = append(out, s[pos:from]...)
		pos = to
	}
	return string(append(out, s[pos:]...))
}
