package pinyin

// This file reads a message typed in pinyin letters ("shebao neng huanjiao
// ma"), as owners do when their input method is off, back into Chinese
// characters, against the same vocabulary the typo corrector uses.

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// WithPhrases adds phrases (question words, "找谁", "怎么申请") that
// FromPinyin may produce besides the vocabulary and the function words;
// they are never corrected.
func WithPhrases(phrases ...string) Option {
	return func(c *config) { c.phrases = append(c.phrases, phrases...) }
}

// speller maps spellings ("she bao": the most common toneless reading of
// each character, joined by spaces) to the word FromPinyin writes for them.
type speller struct {
	words     map[string]spelled
	syllables map[string]bool // every toneless syllable
	longest   int             // in syllables
}

type spelled struct {
	text   string
	weight float64
}

// Kinds of words, by how sure FromPinyin is of writing one for a spelling:
// a phrase or function word of the questions, a vocabulary word, a
// grammatical character.
const (
	weightPhrase   = 1e9
	weightFunction = 1e8
)

func (c *Corrector) buildSpeller() *speller {
	s := &speller{words: map[string]spelled{}, syllables: map[string]bool{}}
	for _, n := range c.table.names {
		s.syllables[n] = true
	}
	add := func(text string, weight float64) {
		for _, key := range c.spellings(text) {
			if w, ok := s.words[key]; !ok || weight > w.weight {
				s.words[key] = spelled{text, weight}
			}
		}
		s.longest = max(s.longest, utf8.RuneCountInString(text))
	}
	var singles []string
	for _, r := range functionChars {
		singles = append(singles, string(r))
	}
	for _, w := range c.words {
		add(w.text, w.weight)
	}
	for _, p := range c.phrases {
		if utf8.RuneCountInString(p) == 1 {
			singles = append(singles, p)
		} else {
			add(p, weightPhrase)
		}
	}
	fn := slices.Sorted(maps.Keys(c.function)) // a map's order, made stable
	for _, w := range fn {
		if utf8.RuneCountInString(w) == 1 {
			singles = append(singles, w)
		} else {
			add(w, weightFunction)
		}
	}
	// One syllable is the first character of the list read so most
	// commonly (ne: 呢, not 那; ni: 你, not 呢), else read so at all
	// (shei: 谁).
	for _, common := range []bool{true, false} {
		for _, ch := range singles {
			rs := c.table.of([]rune(ch)[0])
			if common && len(rs) > 0 {
				rs = rs[:1]
			}
			for _, syl := range rs {
				if key := c.table.names[syl]; s.words[key].text == "" {
					s.words[key] = spelled{ch, weightFunction}
				}
			}
		}
	}
	return s
}

// spellings are text's keys in the speller, one per combination of its
// characters' readings (at most maxCombos); none for text with a
// character of no known reading.
func (c *Corrector) spellings(text string) []string {
	keys := []string{""}
	for i, r := range []rune(text) {
		rs := c.table.of(r)
		if !isHan(r) || len(rs) == 0 {
			return nil
		}
		var next []string
		for _, k := range keys {
			for _, syl := range rs {
				if len(next) == maxCombos {
					break
				}
				if i > 0 {
					next = append(next, k+" "+c.table.names[syl])
				} else {
					next = append(next, c.table.names[syl])
				}
			}
		}
		keys = next
	}
	return keys
}

// FromPinyin reads text typed in toneless pinyin letters ("shebao neng
// huanjiao ma", "SheBao") as the Chinese it spells ("社保能缓交吗"): the
// letters are cut into syllables (fewest first), and the syllables into
// words of the vocabulary, the phrases and the function words, longest
// first. A syllable no word writes ("wo kai le ge xiao mai bu, fangzu
// neng jianmian ma": kai, mai) is left out, as long as fewer than a third
// of the syllables are: the words it does write carry the question. It reports false for text with
// a Chinese character, with letters that are not pinyin ("thanks", "ok"),
// or with too many syllables it cannot write: it never guesses a word.
func (c *Corrector) FromPinyin(text string) (string, bool) {
	s := c.speller()
	var syls []string
	letters := 0
	for _, tok := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return (r < 'a' || r > 'z') && r != 'ü' }) {
		tok = strings.ReplaceAll(tok, "ü", "v")
		cut, ok := s.cut(tok)
		if !ok {
			return "", false
		}
		syls = append(syls, cut...)
		letters += len(tok)
	}
	if len(syls) < 2 {
		return "", false
	}
	for _, r := range text {
		if r > 0x7F && r != 'ü' && isHan(r) {
			return "", false
		}
	}
	out, skipped, ok := s.write(syls, true)
	if !ok || skipped*3 >= len(syls) {
		return "", false
	}
	return out, true
}

// LatinWords writes the pinyin words inside a Chinese message ("找shui办啊
// dianhua" → "找谁办啊 电话"): each run of letters that is wholly pinyin and
// that the vocabulary, the phrases or the function words write with no
// syllable left out is replaced; other runs (English, abbreviations) stay.
// It reports whether anything was replaced.
func (c *Corrector) LatinWords(text string) (string, bool) {
	if !strings.ContainsFunc(text, isLatinLetter) {
		return text, false
	}
	s := c.speller()
	var b strings.Builder
	changed := false
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isLatinLetter(rs[j]) {
			j++
		}
		if j == i {
			b.WriteRune(rs[i])
			i++
			continue
		}
		tok := strings.ReplaceAll(strings.ToLower(string(rs[i:j])), "ü", "v")
		if cut, ok := s.cut(tok); ok {
			if out, skipped, ok := s.write(cut, false); ok && skipped == 0 {
				b.WriteString(out)
				changed = true
				i = j
				continue
			}
		}
		b.WriteString(string(rs[i:j]))
		i = j
	}
	return b.String(), changed
}

func isLatinLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == 'ü' }

// cut splits a token of letters into the fewest pinyin syllables, or
// reports false.
func (s *speller) cut(tok string) ([]string, bool) {
	const maxSyllable = 6 // "zhuang"
	n := len(tok)
	best := make([]int, n+1) // fewest syllables for tok[:i]; -1 none
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = -1
		for l := 1; l <= maxSyllable && l <= i; l++ {
			if b := best[i-l]; b >= 0 && s.syllables[tok[i-l:i]] && (best[i] < 0 || b+1 < best[i]) {
				best[i], from[i] = b+1, i-l
			}
		}
	}
	if best[n] < 0 {
		return nil, false
	}
	var out []string
	for i := n; i > 0; i = from[i] {
		out = append(out, tok[from[i]:i])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, true
}

// write covers the syllables with words, preferring fewer, longer words
// and then heavier ones; false when some syllable has no word. With skip,
// a syllable no word covers may be left out (counted in skipped) rather
// than fail, at the cost of a word; any written word is preferred to it.
func (s *speller) write(syls []string, skip bool) (out string, skipped int, ok bool) {
	type cell struct {
		words   int
		weight  float64
		from    int
		text    string
		ok      bool
		skipped int
	}
	best := make([]cell, len(syls)+1)
	best[0].ok = true
	for i := 1; i <= len(syls); i++ {
		for l := 1; l <= s.longest && l <= i; l++ {
			prev := best[i-l]
			if !prev.ok {
				continue
			}
			w, ok := s.words[strings.Join(syls[i-l:i], " ")]
			if !ok {
				continue
			}
			c := cell{words: prev.words + 1, weight: prev.weight + w.weight, from: i - l, text: w.text, ok: true, skipped: prev.skipped}
			if cur := best[i]; !cur.ok || c.words < cur.words || c.words == cur.words && c.weight > cur.weight {
				best[i] = c
			}
		}
		if prev := best[i-1]; skip && prev.ok && !best[i].ok {
			best[i] = cell{words: prev.words + 1, weight: prev.weight, from: i - 1, ok: true, skipped: prev.skipped + 1}
		}
	}
	if !best[len(syls)].ok || best[len(syls)].skipped == len(syls) {
		return "", 0, false
	}
	var parts []string
	for i := len(syls); i > 0; i = best[i].from {
		parts = append(parts, best[i].text)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String(), best[len(syls)].skipped, true
}
