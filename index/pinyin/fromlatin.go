package pinyin

// This file reads a message typed in pinyin letters ("shebao neng huanjiao
// ma"), as owners do when their input method is off, back into Chinese
// characters: against the vocabulary the typo corrector uses, the question
// phrases and function words, and a general word table (general.go).

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

// speller maps spellings ("she bao": a toneless reading of each character,
// joined by spaces) to the word FromPinyin writes for them, from the
// guide's side; the general table answers the spellings it lacks.
type speller struct {
	words     map[string]spelled
	syllables map[string]bool // every toneless syllable
	longest   int             // in syllables
	general   *generalTable   // nil if it could not be read
	particle  map[string]bool // syllables of the particles
}

// spelled is a word and its cost in a reading (generalTable.cost).
type spelled struct {
	text   string
	cost   float64
	weight float64 // the vocabulary's weight; breaks ties
	guide  bool    // from the guide's side, not the general table
}

// The least frequency (in jieba's counts, of 60 million) a word is given
// when written for a spelling: a question phrase, a function word, a
// vocabulary word. A guide's word takes a spelling from the general word
// spelled alike and is read at least as often; a word the general table
// lacks (缓缴, 稳岗) is still read whole rather than as single characters.
//
// A guide's word spelled like a different general word takes that word's
// frequency, as it is the likelier meaning in a question to this bot (减免
// over 见面, 补助 over 不住), but one the guide uses less than guideEdge
// times takes at most guideCap: an everyday word far commoner than that
// is meant ("wen ti" is 问题, not the guide's 文体).
const (
	guideEdge     = 4
	guideCap      = 1e4
	floorPhrase   = 1e5
	floorFunction = 1e4
	floorVocab    = 200
)

func (c *Corrector) buildSpeller() *speller {
	g, _ := general() // no table: the guide's words alone
	s := &speller{words: map[string]spelled{}, syllables: map[string]bool{}, general: g, particle: map[string]bool{}}
	for _, r := range particles {
		if rs := c.table.of(r); len(rs) > 0 {
			s.particle[c.table.names[rs[0]]] = true
		}
	}
	if g != nil {
		s.longest = g.longest
	}
	for _, n := range c.table.names {
		s.syllables[n] = true
	}
	add := func(text string, floor, weight float64) {
		for _, key := range c.spellings(text) {
			f := floor
			if gw, gf, ok := g.lookup(key); ok && gw == text {
				f = max(f, gf)
			} else if ok && weight < guideEdge {
				f = max(f, min(gf, guideCap))
			} else if ok {
				f = max(f, gf)
			}
			w := spelled{text, g.cost(f), weight, true}
			if old, ok := s.words[key]; !ok || w.better(old) {
				s.words[key] = w
			}
		}
		s.longest = max(s.longest, utf8.RuneCountInString(text))
	}
	var singles []string
	for _, w := range c.words {
		// A word the guide uses often is meant more often.
		add(w.text, floorVocab*max(1, min(w.weight, 100)), w.weight)
	}
	for _, p := range c.phrases {
		if utf8.RuneCountInString(p) == 1 {
			singles = append(singles, p)
		} else {
			add(p, floorPhrase, 0)
		}
	}
	for _, w := range slices.Sorted(maps.Keys(c.function)) { // a map's order, made stable
		if utf8.RuneCountInString(w) == 1 {
			singles = append(singles, w)
		} else {
			add(w, floorFunction, 0)
		}
	}
	for _, r := range functionChars {
		singles = append(singles, string(r))
	}
	// A single syllable is the general table's commonest character read
	// so (you: 有, not 又); without the table, the first function
	// character read so most commonly (ne: 呢, not 那), else at all.
	for _, common := range []bool{true, false} {
		for _, ch := range singles {
			rs := c.table.of([]rune(ch)[0])
			if common && len(rs) > 0 {
				rs = rs[:1]
			}
			for _, syl := range rs {
				key := c.table.names[syl]
				if _, ok := s.words[key]; !ok && !g.has(key) {
					s.words[key] = spelled{ch, g.cost(floorFunction), 0, true}
				}
			}
		}
	}
	// Only syllables some word starts with are cut ("jineng" is ji neng,
	// not jin eng: 鞥 is no one's word).
	for syl := range s.syllables {
		if _, ok := s.lookup(syl, 1); !ok {
			delete(s.syllables, syl)
		}
	}
	return s
}

// better reports whether w is to be written for a spelling rather than
// old: cheaper, else used more in the guide (缓缴 over its synonym 缓交),
// else first in character order.
func (w spelled) better(old spelled) bool {
	if w.cost != old.cost {
		return w.cost < old.cost
	}
	if w.weight != old.weight {
		return w.weight > old.weight
	}
	return w.text < old.text
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

// lookup returns the word written for a spelling: the guide's side first,
// then the general table.
func (s *speller) lookup(key string, syllables int) (spelled, bool) {
	w, guide := s.words[key]
	if s.general == nil || syllables > s.general.longest {
		return w, guide
	}
	text, f, ok := s.general.lookup(key)
	if g := (spelled{text: text, cost: s.general.cost(f)}); ok && (!guide || g.cost < w.cost) {
		return g, true
	}
	return w, guide
}

// FromPinyin reads text typed in toneless pinyin letters ("shebao neng
// huanjiao ma", "SheBao", "fangzunengjianmianma"; ü typed as v or u) as
// the Chinese it spells ("社保能缓缴吗"): the letters are cut into
// syllables (fewest first), and the syllables into the likeliest words:
// the vocabulary's, the phrases, the function words and, for the rest,
// the general table's (房子, 古北口), by frequency. Every syllable is
// written; one no word writes stays as letters. It reports false for text
// with a Chinese character, with letters that are not pinyin ("thanks",
// "ok"), or with a third or more of its syllables left as letters.
func (c *Corrector) FromPinyin(text string) (string, bool) {
	if !strings.ContainsFunc(text, isLatinLetter) {
		return "", false // "1", "……": nothing to read, and no speller to build
	}
	for _, r := range text {
		if isHan(r) {
			return "", false
		}
	}
	s := c.speller()
	toks := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return (r < 'a' || r > 'z') && r != 'ü' })
	syls, ok := s.cutAll(toks)
	if !ok || len(syls) < 2 {
		return "", false
	}
	out, letters := s.write(syls)
	if letters*3 >= len(syls) {
		return "", false
	}
	return out, true
}

// LatinWords writes the pinyin words inside a Chinese message ("找shui办啊
// dianhua", "wo de 店 fangzu" → "找谁办啊 电话", "我的店房租"): each run of
// letters (words joined by spaces read together) that is wholly pinyin and
// written with no syllable left as letters is replaced; other runs
// (English, abbreviations) stay. It reports whether anything was replaced.
func (c *Corrector) LatinWords(text string) (string, bool) {
	if !strings.ContainsFunc(text, isLatinLetter) {
		return text, false
	}
	s := c.speller()
	var b strings.Builder
	changed := false
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !isLatinLetter(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i // the run: letters and the spaces between them
		for k := i; k < len(rs) && (isLatinLetter(rs[k]) || rs[k] == ' '); k++ {
			if isLatinLetter(rs[k]) {
				j = k + 1
			}
		}
		run := string(rs[i:j])
		if kept, ok := c.englishClause(run); ok {
			// "can I do it online 网上能办吗": an English clause beside the
			// Chinese one says it again; only its lexicon words and
			// abbreviations are kept, the rest would read as unknown words.
			b.WriteString(kept)
			changed = true
		} else if c.english(run) || acronym(run) || interjection(run) {
			// "能online办吗": an English word the lexicon knows (online,
			// rent, loan) spells pinyin syllables by chance, not Chinese.
			b.WriteString(run)
		} else if out, ok := s.writeRun(run); ok {
			b.WriteString(out)
			changed = true
		} else {
			b.WriteString(run)
		}
		i = j
	}
	return b.String(), changed
}

// writeRun writes a run of letters and spaces in characters if every
// syllable is written, else reports false.
func (s *speller) writeRun(run string) (string, bool) {
	syls, ok := s.cutAll(strings.Fields(strings.ToLower(run)))
	if !ok {
		return "", false
	}
	out, letters := s.write(syls)
	return out, letters == 0 && len(syls) > 0
}

// english reports whether a run of letters holds a word meant as written
// (WithKnownWords): an English word of the lexicon.
func (c *Corrector) english(run string) bool {
	for _, w := range strings.Fields(strings.ToLower(run)) {
		if c.asWritten[w] {
			return true
		}
	}
	return false
}

// englishClause returns the words of run worth keeping (the lexicon's
// English words, abbreviations) when run is a clause of two or more
// English words that is not pinyin: it has an English function word (I,
// do, who…) and some word is no syllable sequence. A run every word of
// which pinyin spells is pinyin though it has "can" or "you" (参, 有):
// "xiang can jia zhengfu caigou" read as English kept nothing of a
// tender question typed beside a Chinese "扣多少".
func (c *Corrector) englishClause(run string) (string, bool) {
	ws := strings.Fields(run)
	if len(ws) < 2 {
		return "", false
	}
	if _, ok := c.speller().cutAll(strings.Fields(strings.ToLower(run))); ok {
		return "", false
	}
	function := 0
	for _, w := range ws {
		if englishFunction[strings.ToLower(w)] {
			function++
		}
	}
	if function == 0 {
		return "", false
	}
	var kept []string
	for _, w := range ws {
		if c.asWritten[strings.ToLower(w)] || acronym(w) && w != "I" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " "), true
}

// englishFunction are English words no one types as pinyin and that mark
// an English clause: pronouns, auxiliaries, question words, prepositions
// and the few verbs of asking owners use (call, apply, please).
var englishFunction = map[string]bool{
	"i": true, "you": true, "we": true, "my": true, "it": true, "is": true, "are": true, "can": true, "do": true,
	"does": true, "should": true, "who": true, "what": true, "how": true, "where": true, "when": true, "the": true,
	"to": true, "for": true, "of": true, "please": true, "call": true, "apply": true,
}

// interjection reports whether run holds a word with one letter three
// times running (emmm, hmmm): a sound, not pinyin.
func interjection(run string) bool {
	rs := []rune(strings.ToLower(run))
	for i := 2; i < len(rs); i++ {
		if rs[i] == rs[i-1] && rs[i] == rs[i-2] && rs[i] != ' ' {
			return true
		}
	}
	return false
}

// acronym reports whether a run holds a word in capitals of two or more
// letters (AI, APP, KTV, HR): an abbreviation meant as written, never
// pinyin typed with the input method off ("做AI研发" is not 做爱研发).
func acronym(run string) bool {
	for _, w := range strings.Fields(run) {
		if len(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
			return true
		}
	}
	return false
}

func isLatinLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == 'ü' }

// typed is a syllable as cut from the letters, and whether it was typed
// alone, between spaces ("ma" in "jian ma", not in "jianma").
type typed struct {
	syl   string
	alone bool
}

// cutAll cuts tokens of lower-case letters into syllables, or reports
// false if one is not pinyin.
func (s *speller) cutAll(toks []string) ([]typed, bool) {
	var syls []typed
	for _, tok := range toks {
		cut, ok := s.cut(strings.ReplaceAll(tok, "ü", "v"))
		if !ok {
			return nil, false
		}
		for _, syl := range cut {
			syls = append(syls, typed{syl, len(cut) == 1})
		}
	}
	return syls, true
}

// particles are the sentence particles whose syllable, typed alone, ends
// no word of the general table: "jian ma" is 减吗, not 剑麻; "kai de" 开的.
const particles = "吗呢吧啊呀啦嘛的"

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
	slices.Reverse(out)
	return out, true
}

// letterCost is the cost of leaving a syllable as letters: dearer than
// any word.
const letterCost = 40

// write covers the syllables with the likeliest words (least total
// cost, as jieba cuts characters into words). A syllable no word writes
// stays as letters; letters counts them.
func (s *speller) write(syls []typed) (out string, letters int) {
	type cell struct {
		cost    float64
		from    int
		text    string
		ok      bool
		letters int
	}
	best := make([]cell, len(syls)+1)
	best[0].ok = true
	for i := 1; i <= len(syls); i++ {
		for l := 1; l <= s.longest && l <= i; l++ {
			prev := best[i-l]
			if !prev.ok {
				continue
			}
			w, ok := s.lookup(s.key(syls[i-l:i]), l)
			if !ok || !w.guide && l > 1 && syls[i-1].alone && s.particle[syls[i-1].syl] {
				continue
			}
			c := cell{cost: prev.cost + w.cost, from: i - l, text: w.text, ok: true, letters: prev.letters}
			if cur := best[i]; !cur.ok || c.cost < cur.cost {
				best[i] = c
			}
		}
		if prev := best[i-1]; !best[i].ok {
			best[i] = cell{cost: prev.cost + letterCost, from: i - 1, text: syls[i-1].syl, ok: true, letters: prev.letters + 1}
		}
	}
	var parts []string
	for i := len(syls); i > 0; i = best[i].from {
		parts = append(parts, best[i].text)
	}
	slices.Reverse(parts)
	return strings.Join(parts, ""), best[len(syls)].letters
}

// key is the spelling of syllables: joined by spaces.
func (s *speller) key(syls []typed) string {
	var b strings.Builder
	for i, t := range syls {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.syl)
	}
	return b.String()
}
