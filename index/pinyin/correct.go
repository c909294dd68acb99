package pinyin

import (
	"slices"
	"strings"
	"unicode"
)

// Fix is one correction Correct made: the span From, as typed, was read as
// the vocabulary word To. The bot can say so: 按“社保”理解.
type Fix struct {
	From  string
	To    string
	Start int // byte offset of From in the text given to Correct
}

// Correct returns text with every typo it is sure of replaced by the
// vocabulary word meant, and the fixes in text order. Text without a fix is
// returned unchanged with nil fixes. Only Han characters are read; other
// characters (letters, digits, punctuation, emoji) end a run and are kept
// as they are.
func (c *Corrector) Correct(text string) (string, []Fix) {
	var fixes []Fix
	var run []rune
	var offs []int
	var prev, before rune // the character before the current one, and before the run
	flush := func() {
		if len(run) >= 2 {
			fixes = c.scan(run, offs, unicode.IsDigit(before), fixes)
		}
		run, offs = run[:0], offs[:0]
	}
	for i, r := range text {
		if isHan(r) {
			if len(run) == 0 {
				before = prev
			}
			run = append(run, r)
			offs = append(offs, i)
			prev = r
			continue
		}
		flush()
		prev = r
	}
	flush()
	fixes = slices.DeleteFunc(fixes, func(f Fix) bool {
		slip := c.slip([]rune(f.From), []rune(f.To))
		return slip != 0 && strings.Count(text, string(slip)) > 1
	})
	if len(fixes) == 0 {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, f := range fixes {
		b.WriteString(text[last:f.Start])
		b.WriteString(f.To)
		last = f.Start + len(f.From)
	}
	b.WriteString(text[last:])
	return b.String(), fixes
}

// scan corrects one run of Han characters, left to right, preferring the
// longest span at each position; a vocabulary word found as written is
// skipped whole, so nothing inside it is ever corrected. afterDigit says
// the run follows a digit ("3家店").
func (c *Corrector) scan(run []rune, offs []int, afterDigit bool, fixes []Fix) []Fix {
	for a := 0; a < len(run)-1; {
		if countedAt(run, a, afterDigit) {
			// A classifier after a numeral belongs to the count (3家店 is
			// three shops, not a typo of 家电): no span starts with it.
			a++
			continue
		}
		step, fix := c.at(run, a)
		if fix >= 0 {
			fixes = append(fixes, Fix{From: string(run[a : a+step]), To: c.words[fix].text, Start: offs[a]})
		}
		a += step
	}
	return fixes
}

// slip is the one character of span that differs from meant when the two
// neither read nor look alike (蜂 of 蜂业保险 read as 失业保险), or 0. A
// slip of the finger is not typed twice: a message that writes the
// character elsewhere too ("蜂群冬天死了不少 有没有蜂业保险补贴") means it,
// and Correct keeps the span as typed.
func (c *Corrector) slip(span, meant []rune) rune {
	var typed rune
	for i := range span {
		if i >= len(meant) || span[i] == meant[i] {
			continue
		}
		if typed != 0 || c.likeness(span[i], meant[i], false) != noReading {
			return 0
		}
		typed = span[i]
	}
	return typed
}

// at looks at the spans starting at run[a]. It returns how far to advance
// and the word to put instead of run[a:a+step], or -1.
func (c *Corrector) at(run []rune, a int) (step int, fix int32) {
	// A word of length l that differs from the span in one character
	// shares its first or its second character: lengths no word could
	// have are skipped without hashing.
	first, second := c.first[run[a]], c.second[run[a+1]]
	var homo []match
	if c.lengths>>4 != 0 {
		homo = c.homophonesAt(run, a)
	}
	// A word typed with two neighbours swapped starts with the span's
	// first character or, swapped there, its second.
	swapFirst := first | c.first[run[a+1]]
	for l := min(c.maxLen, len(run)-a); l >= 2; l-- {
		bit := uint64(1) << l
		if (first|second|swapFirst)&bit == 0 && !hasLen(c, homo, l) {
			continue
		}
		span := run[a : a+l]
		if first&bit != 0 {
			if _, ok := c.lookup(span, hashRunes(span, -1)); ok {
				return l, -1
			}
		}
		if m, ok := c.candidate(span, first&bit != 0, second&bit != 0, homo); ok && c.acceptable(run, a, l, m) {
			return l, m.word
		}
		if swapFirst&bit == 0 {
			continue
		}
		if m, ok := c.swapped(span); ok && c.acceptableSwap(run, a, l, m) {
			return l, m.word
		}
	}
	return 1, -1
}

// swapped returns the vocabulary word span is with two neighbouring
// characters typed in the wrong order (保社 for 社保, 公金积 for 公积金):
// a slip as common as one wrong character, and as sure when only one
// such word fits. The two characters are marked changed, so the guards
// of acceptableSwap hold for it (a word of the general dictionary typed
// is meant; 还款贷 holds 还款, not a swapped 贷款).
func (c *Corrector) swapped(span []rune) (match, bool) {
	var found match
	n := 0
	buf := make([]rune, len(span))
	for i := 0; i+1 < len(span); i++ {
		if span[i] == span[i+1] {
			continue
		}
		copy(buf, span)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		if id, ok := c.lookup(buf, hashRunes(buf, -1)); ok {
			found = match{word: int32(id), kind: sameReading, changed: 3 << i, diffs: 2}
			n++
		}
	}
	return found, n == 1
}

func hasLen(c *Corrector, ms []match, l int) bool {
	for _, m := range ms {
		if len(c.words[m.word].runes) == l {
			return true
		}
	}
	return false
}

// Kinds of likeness between a typed character and the one meant; lower is
// closer.
const (
	sameReading  = iota // some toneless reading is the same (曾 ceng/zeng, 增 zeng)
	fuzzyReading        // alike under the enabled Fuzz (刚 gang, 干 gan)
	sameShape           // no pinyin relation, but the two look alike (廷 ting, 延 yan; shapes.txt)
	noReading           // no pinyin relation (全 quan, 金 jin)
)

// match is a vocabulary word that may be meant by a span.
type match struct {
	word    int32
	kind    int    // the loosest likeness among the changed characters
	changed uint16 // bit i: the span's character i is changed
	diffs   int
}

// candidate returns the vocabulary word that span most likely means, if
// one fits clearly better than any other. sameFirst and sameSecond say
// whether some word of span's length shares its first or second
// character; homo are the full homophones found at span's start.
func (c *Corrector) candidate(span []rune, sameFirst, sameSecond bool, homo []match) (match, bool) {
	var ms []match
	for i := range span {
		if i == 0 && !sameSecond || i > 0 && !sameFirst {
			continue
		}
		for _, id := range c.holes[hashRunes(span, i)] {
			w := c.words[id].runes
			if len(w) != len(span) || w[i] == span[i] || !equalExcept(w, span, i) {
				continue
			}
			k := c.likeness(span[i], w[i], len(w) == 2)
			if k == noReading && len(span) < 3 {
				continue
			}
			ms = append(ms, match{word: id, kind: k, changed: 1 << i, diffs: 1})
		}
	}
	for _, m := range homo {
		if len(c.words[m.word].runes) == len(span) {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return match{}, false
	}
	slices.SortFunc(ms, func(x, y match) int {
		if x.kind != y.kind {
			return x.kind - y.kind
		}
		return x.diffs - y.diffs
	})
	best := ms[0]
	for _, m := range ms[1:] {
		if m.kind != best.kind || m.diffs != best.diffs {
			break
		}
		if m.word != best.word && c.words[best.word].weight < 2*c.words[m.word].weight {
			if c.words[m.word].weight >= 2*c.words[best.word].weight {
				best = m
				continue
			}
			return match{}, false // two words fit equally well: say nothing
		}
	}
	return best, true
}

// maxWalk bounds the reading combinations followed from one position.
const maxWalk = 64

// homophonesAt returns the words of 4+ characters that a span starting at
// run[a] reads exactly like, with two to half of their characters
// different. It follows the readings character by character and stops as
// soon as no word's reading starts that way.
func (c *Corrector) homophonesAt(run []rune, a int) []match {
	var ms []match
	steps := 0
	var walk func(d int, h uint64)
	walk = func(d int, h uint64) {
		if d >= 4 && c.lengths&(1<<d) != 0 {
			ms = c.homophoneWords(run[a:a+d], h, ms)
		}
		if d == c.maxLen || a+d == len(run) {
			return
		}
		for _, s := range c.table.of(run[a+d]) {
			if steps++; steps > maxWalk {
				return
			}
			h2 := mix(h, uint64(s)+1)
			if _, ok := c.homoPrefix[h2]; ok {
				walk(d+1, h2)
			}
		}
	}
	walk(0, fnvOffset)
	return ms
}

// homophoneWords appends the words whose reading hashes to h and that span
// reads like with two to half of its characters different.
func (c *Corrector) homophoneWords(span []rune, h uint64, ms []match) []match {
	for _, id := range c.homo[h] {
		w := c.words[id].runes
		if len(w) != len(span) || slices.ContainsFunc(ms, func(m match) bool { return m.word == id }) {
			continue
		}
		m := match{word: id, kind: sameReading}
		for i := range w {
			if w[i] == span[i] {
				continue
			}
			if c.likeness(span[i], w[i], false) != sameReading {
				m.diffs = len(w) // not a homophone after all (hash collision)
				break
			}
			m.diffs++
			m.changed |= 1 << i
		}
		if m.diffs >= 2 && m.diffs <= len(w)/2 {
			ms = append(ms, m)
		}
	}
	return ms
}

func equalExcept(a, b []rune, i int) bool {
	for j := range a {
		if j != i && a[j] != b[j] {
			return false
		}
	}
	return true
}

// likeness says how alike typed and meant read. Every reading of the typed
// character counts (an input method lists 曾 under zeng as well as ceng);
// with firstOnly, only the meant character's most common one does: a
// two-character word is too short to risk its rare readings (区属 is qu
// shu, never qu zhu, so 区住 is not a typo of it).
func (c *Corrector) likeness(typed, meant rune, firstOnly bool) int {
	ts, ms := c.table.of(typed), c.table.of(meant)
	if firstOnly && len(ms) > 1 {
		ms = ms[:1]
	}
	for _, t := range ts {
		if slices.Contains(ms, t) {
			return sameReading
		}
	}
	for _, t := range ts {
		for _, m := range ms {
			if c.class[t] == c.class[m] {
				return fuzzyReading
			}
		}
	}
	if lookAlike(typed, meant) {
		return sameShape
	}
	return noReading
}
