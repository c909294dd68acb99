package pinyin

// This file turns go-pinyin's character table into small integer syllable
// ids, once per process, so that reading a message costs a slice index per
// character instead of go-pinyin's per-call regular expressions.

import (
	"strings"
	"sync"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// syllable is a toneless pinyin syllable ("zhong"), numbered in the order
// first met in the table.
type syllable uint16

// readingTable maps characters to their toneless readings. It is derived
// from go-pinyin's table and never changes after it is built.
type readingTable struct {
	names []string // syllable → toneless spelling
	// dense covers denseLo..denseHi (the CJK blocks owners type in):
	// dense[r-denseLo] is an offset<<4|count into flat. Other characters
	// are looked up in sparse.
	dense  []uint32
	flat   []syllable
	sparse map[rune][]syllable
}

const (
	denseLo = 0x3400
	denseHi = 0x9FFF
)

// readings returns the process-wide table, built from go-pinyin on first
// use (about 60 ms). It is immutable, hence shared.
var readings = sync.OnceValue(buildReadingTable)

func buildReadingTable() *readingTable {
	t := &readingTable{
		dense:  make([]uint32, denseHi-denseLo+1),
		sparse: map[rune][]syllable{},
	}
	ids := map[string]syllable{}
	args := gopinyin.Args{Style: gopinyin.Normal, Heteronym: true}
	for code := range gopinyin.PinyinDict {
		r := rune(code)
		var syls []syllable
		for _, s := range gopinyin.SinglePinyin(r, args) {
			id, ok := ids[s]
			if !ok {
				id = syllable(len(t.names))
				ids[s] = id
				t.names = append(t.names, s)
			}
			syls = append(syls, id)
		}
		if len(syls) == 0 {
			continue
		}
		if r >= denseLo && r <= denseHi && len(syls) < 16 {
			t.dense[r-denseLo] = uint32(len(t.flat))<<4 | uint32(len(syls))
			t.flat = append(t.flat, syls...)
		} else {
			t.sparse[r] = syls
		}
	}
	return t
}

// of returns r's toneless readings, most common first, or nil.
func (t *readingTable) of(r rune) []syllable {
	if r >= denseLo && r <= denseHi {
		v := t.dense[r-denseLo]
		off, n := v>>4, v&15
		return t.flat[off : off+n]
	}
	return t.sparse[r]
}

// isHan reports whether r is a Chinese character, the only characters
// the corrector reads.
func isHan(r rune) bool {
	if r >= denseLo && r <= denseHi {
		return true
	}
	return r > 0x7F && unicode.Is(unicode.Han, r)
}

// Fuzz is a set of the pinyin confusions an input method produces, the
// ones a person typing fast or speaking a regional accent makes: typing
// "zi" for 只 (zhi) lists 字 first. See WithFuzzy.
type Fuzz uint16

// The confusions Correct can accept for the changed character of a
// two-character word (and, with less weight, longer words).
const (
	FuzzZhZ   Fuzz = 1 << iota // zh ~ z  (翘舌 / 平舌)
	FuzzChC                    // ch ~ c
	FuzzShS                    // sh ~ s
	FuzzNL                     // n ~ l
	FuzzAnAng                  // an ~ ang, ian ~ iang, uan ~ uang (前后鼻音)
	FuzzEnEng                  // en ~ eng
	FuzzInIng                  // in ~ ing

	// FuzzAll enables every confusion above; it is the default.
	FuzzAll = FuzzZhZ | FuzzChC | FuzzShS | FuzzNL | FuzzAnAng | FuzzEnEng | FuzzInIng
)

// fuzzyClasses numbers the syllables so that two syllables confused under
// f get the same number.
func (t *readingTable) fuzzyClasses(f Fuzz) []uint16 {
	class := make([]uint16, len(t.names))
	byName := map[string]uint16{}
	for i, s := range t.names {
		n := blur(s, f)
		c, ok := byName[n]
		if !ok {
			c = uint16(len(byName))
			byName[n] = c
		}
		class[i] = c
	}
	return class
}

// blur rewrites a toneless syllable to the representative of its class
// under f: the retroflex and n initials become z, c, s, l; the back nasal
// finals become front ones.
func blur(s string, f Fuzz) string {
	initial, final := s, ""
	for _, in := range [...]string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"} {
		if strings.HasPrefix(s, in) && len(s) > len(in) {
			initial, final = in, s[len(in):]
			break
		}
	}
	if final == "" { // a bare final (an, e, ng): no initial to blur
		initial, final = "", s
	}
	switch {
	case initial == "zh" && f&FuzzZhZ != 0:
		initial = "z"
	case initial == "ch" && f&FuzzChC != 0:
		initial = "c"
	case initial == "sh" && f&FuzzShS != 0:
		initial = "s"
	case initial == "n" && f&FuzzNL != 0:
		initial = "l"
	}
	switch {
	case strings.HasSuffix(final, "ang") && f&FuzzAnAng != 0:
		final = strings.TrimSuffix(final, "g")
	case strings.HasSuffix(final, "eng") && f&FuzzEnEng != 0:
		final = strings.TrimSuffix(final, "g")
	case strings.HasSuffix(final, "ing") && f&FuzzInIng != 0:
		final = strings.TrimSuffix(final, "g")
	}
	return initial + final
}
