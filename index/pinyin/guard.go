package pinyin

import "strings"

// This file holds the checks that keep correct text correct: a candidate
// fix found by reading alike is only made when nothing says the span was
// meant as written.

// commonIDF is the general-text IDF below which a word is common enough to
// be meant as written even next to a vocabulary word it resembles.
const commonIDF = 10

// acceptable reports whether span run[a:a+l] may be read as m.word.
func (c *Corrector) acceptable(run []rune, a, l int, m match) bool {
	span := run[a : a+l]
	if c.known(span) || c.functionPair(span) {
		return false
	}
	// A function character typed for a content one is only believed inside
	// a long word that reads exactly the same (社会就助 → 社会救助), or as
	// the last of a word of three or more read exactly alike right before a
	// vocabulary word (新业太保险: the adverb 太 takes no noun such as 保险
	// after it; two characters are too few: 能给奖励 is no 能级).
	if (l < 4 || m.kind != sameReading) && !(l >= 3 && m.kind == sameReading && m.changed == 1<<(l-1) && c.vocabAt(run, a+l) > 0) {
		// Nor is a content character typed for a function one (说有 is
		// 说 + 有 after 社区, never a typo of 所有): a grammatical word is
		// no search word worth a guess.
		meant := c.words[m.word].runes
		for i := range span {
			if m.changed&(1<<i) != 0 && (c.fnChars[span[i]] || c.fnChars[meant[i]]) {
				return false
			}
		}
	}
	if c.fnCharAtEdge(span, m.changed) {
		return false
	}
	if swapsOpposite(span, c.words[m.word].runes, m.changed) {
		return false
	}
	if c.straddled(run, a, l, m.changed) || c.knownAtEdge(span, m.changed) || a > 0 && c.commonAtEdge(span, m.changed) {
		return false
	}
	if c.compoundHead(span, m) {
		return false
	}
	if m.kind == noReading && !c.unexplained(run, a, l, m) {
		return false
	}
	if m.changed&(1<<(l-1)) != 0 && countFollows(run, a+l) {
		// "能列几条": the last character takes a counted object (列 几条),
		// as a verb does; the noun it reads like (能力) takes none.
		return false
	}
	return true
}

// functionPair reports whether span is two characters each a function
// word on its own (WithFunctionWords: the index's stop words 在 and 想):
// two grammatical words in a row, meant as written. "我已经在想怎么跟员工开口"
// is 在 + 想 (I am already thinking), never a typo of 在线 (online),
// however alike 想 and 线 read.
func (c *Corrector) functionPair(span []rune) bool {
	return len(span) == 2 && c.function[string(span[0])] && c.function[string(span[1])]
}

// countFollows reports whether run[i:] opens with a count: a numeral and
// a classifier ("几条", "三个", "两项").
func countFollows(run []rune, i int) bool {
	if i+1 >= len(run) {
		return false
	}
	return strings.ContainsRune(numerals, run[i]) && strings.ContainsRune(classifiers, run[i+1])
}

const (
	numerals    = "几一二两三四五六七八九十百0123456789"
	classifiers = "条个项种样件家间位名台辆张"
)

// countedAt reports whether run[a] is a classifier right after a numeral:
// the one in run before it, or a digit before the run (afterDigit).
func countedAt(run []rune, a int, afterDigit bool) bool {
	if !strings.ContainsRune(classifiers, run[a]) {
		return false
	}
	if a == 0 {
		return afterDigit
	}
	return strings.ContainsRune(numerals, run[a-1])
}

// known reports whether rs is written as it is meant: a vocabulary word or
// part of one (改善性 in 改善性住房需求), a word of the general dictionary
// or a function word.
func (c *Corrector) known(rs []rune) bool {
	h := hashRunes(rs, -1)
	if _, ok := c.parts[h]; ok {
		return true // a hash collision only makes the corrector more careful
	}
	return c.word(rs, h)
}

// word reports whether rs, whose hash is h, is a word: in the vocabulary,
// the general dictionary or the function words.
func (c *Corrector) word(rs []rune, h uint64) bool {
	if _, ok := c.lookup(rs, h); ok {
		return true
	}
	s := string(rs)
	if c.function[s] || c.asWritten[s] {
		return true
	}
	_, ok := c.dict(s)
	return ok
}

// maxStraddle is the longest known word looked for around a span.
const maxStraddle = 4

// straddled reports whether a word of two to maxStraddle characters
// overlaps run[a:a+l], reaches outside it and contradicts the fix: it
// holds a character the fix would change, or only one character of a
// span shorter than four (会计师 holds 计师, not a typo of 技师; 街地区
// holds 地区, not 接地).
// A word sharing two unchanged characters with the span is a compound
// around the same word (检测费 and 核酸检测) and does not count. Parts of
// vocabulary words do not count either: they are often fragments of
// phrases (的房 of 公家的房子).
func (c *Corrector) straddled(run []rune, a, l int, changed uint16) bool {
	return c.straddledBy(run, a, l, changed, func(w []rune) bool { return c.word(w, hashRunes(w, -1)) })
}

// acceptableSwap reports whether span run[a:a+l] may be read as m.word, a
// word with two neighbouring characters swapped (swapped). The span must
// be no word as typed, and the swapped characters no function ones (在社
// of 在社区 is no swapped 社在); a word reaching into the span from
// outside contradicts the swap only when it is common or a vocabulary
// word (还款贷 holds 还款, no swapped 贷款), as both its characters are
// changed: a rare word such as 交保 (bail) is no reading of 缓交保社,
// which is 缓交 社保 swapped.
func (c *Corrector) acceptableSwap(run []rune, a, l int, m match) bool {
	span := run[a : a+l]
	if c.known(span) || c.functionPair(span) || c.hasFunctionChar(span) {
		return false
	}
	return !c.straddledBy(run, a, l, m.changed, func(w []rune) bool {
		h := hashRunes(w, -1)
		if _, ok := c.lookup(w, h); ok {
			return true
		}
		s := string(w)
		if c.function[s] || c.asWritten[s] {
			return true
		}
		idf, ok := c.dict(s)
		return ok && idf < commonIDF
	})
}

// straddledBy is straddled with isWord telling the words that count.
func (c *Corrector) straddledBy(run []rune, a, l int, changed uint16, isWord func([]rune) bool) bool {
	for x := max(0, a-maxStraddle+1); x < a+l; x++ {
		for n := 2; n <= maxStraddle && x+n <= len(run); n++ {
			if x+n <= a || (x >= a && x+n <= a+l) {
				continue // disjoint from, or inside, the span
			}
			lo, hi := max(x, a), min(x+n, a+l) // the overlap
			// One character shared with a span of four or more is no
			// other cut of it: three read as the word are left (稳岗反还
			// before 有多少, where 还有 holds its last, unchanged 还).
			contradicts := hi-lo < 2 && l < 4
			for p := lo; p < hi; p++ {
				if changed&(1<<(p-a)) != 0 {
					contradicts = true
				}
			}
			if l >= 3 && x+n > a+l && x+n <= a+l+c.vocabAt(run, a+l) {
				// What it holds after a span of three or more starts a
				// vocabulary word there (太保 of 新业太保险, where 保险
				// follows): no other cut of the run. Two characters are too
				// few (能给补多少 is no 能级).
				continue
			}
			if w := run[x : x+n]; contradicts && isWord(w) {
				return true
			}
		}
	}
	return false
}

// unexplained holds the stricter conditions for a fix whose changed
// character has no pinyin relation to the one meant (公积全 → 公积金):
//   - no character of the span is a function character (交不上 is a phrase
//     of its own, not a typo of 还不上);
//   - the changed character forms no known word with a neighbour;
//   - in a three-character word it is at an edge (应缓尽缓 is not a typo of
//     缓一缓), and the rest of the span is not itself a vocabulary or common
//     word (社保卡 is 社保 plus a suffix, not a typo of 社保费).
func (c *Corrector) unexplained(run []rune, a, l int, m match) bool {
	if c.hasFunctionChar(run[a : a+l]) {
		return false
	}
	p := a
	for m.changed&(1<<(p-a)) == 0 {
		p++
	}
	if p > 0 && c.known(run[p-1:p+1]) || p+1 < len(run) && c.known(run[p:p+2]) {
		return false
	}
	var rest []rune
	switch {
	case p == a:
		rest = run[a+1 : a+l]
	case p == a+l-1:
		rest = run[a : a+l-1]
	default:
		return l >= 4
	}
	if _, ok := c.lookup(rest, hashRunes(rest, -1)); ok {
		return false
	}
	idf, ok := c.dict(string(rest))
	return !ok || idf >= commonIDF
}

func (c *Corrector) hasFunctionChar(rs []rune) bool {
	for _, r := range rs {
		if c.fnChars[r] {
			return true
		}
	}
	return false
}

// knownAtEdge reports whether the fix changes only the first or the last
// character of span and the rest is a word meant as written (WithKnownWords):
// 领失业金 is 领 + 失业金, never a typo of 返失业金.
func (c *Corrector) knownAtEdge(span []rune, changed uint16) bool {
	l := len(span)
	switch changed {
	case 1:
		return c.asWritten[string(span[1:])]
	case 1 << (l - 1):
		return c.asWritten[string(span[:l-1])]
	}
	return false
}

// commonAtEdge reports whether the fix changes only the first character
// of a span of three or more, whose rest is a word of the vocabulary that
// is common in general text too, and something stands before the span (the
// caller checks): "生意差员工" is 差 + 员工 (business is bad; the staff…),
// never a typo of 借员工, however alike the readings; "自己去税务局排队"
// is 去 + 税务局 (go to the tax office), never a typo of the unit 区税务局.
// A rest of three characters or more need not be common: it is a word the
// guide uses on its own. The everyday word stands whole as written; the
// character before it ends the clause before or leads up to it. A changed
// last character is a slip inside a compound (水电器 for 水电气, 疫情显 for
// 疫情险) and is still read.
func (c *Corrector) commonAtEdge(span []rune, changed uint16) bool {
	if len(span) < 3 || changed != 1 || c.fnChars[span[0]] {
		return false // fnCharAtEdge weighs function characters
	}
	rest := span[1:]
	if _, ok := c.lookup(rest, hashRunes(rest, -1)); !ok {
		return false
	}
	if len(rest) >= 3 {
		// A word of three or more names what it names with or without
		// the character before it, however rare in general text (税务局):
		// the fix would add nothing but a guess.
		return true
	}
	idf, ok := c.dict(string(rest))
	return ok && idf < commonIDF
}

// vocabAt is the length of the longest vocabulary word of two or more
// characters that starts at run[i], or 0.
func (c *Corrector) vocabAt(run []rune, i int) int {
	for l := min(c.maxLen, len(run)-i); l >= 2; l-- {
		if w := run[i : i+l]; c.first[w[0]]&(1<<l) != 0 {
			if _, ok := c.lookup(w, hashRunes(w, -1)); ok {
				return l
			}
		}
	}
	return 0
}

// fnCharAtEdge reports whether the fix changes only a function character at
// the first or the last position of span and the rest is a vocabulary word:
// 交的公积金 is 的 + 公积金, never a typo of 提公积金, however alike 的 and 提
// read (the long-homophone exception above is for a character inside a word).
func (c *Corrector) fnCharAtEdge(span []rune, changed uint16) bool {
	l := len(span)
	var rest []rune
	switch {
	case changed == 1 && c.fnChars[span[0]]:
		rest = span[1:]
	case changed == 1<<(l-1) && c.fnChars[span[l-1]]:
		rest = span[:l-1]
	default:
		return false
	}
	_, ok := c.lookup(rest, hashRunes(rest, -1))
	return ok
}

// compoundHead reports whether the fix changes only the last character of
// a span of three or more into one it does not read like as that
// character is usually read, and the typed character is a noun on its own
// after a word of general text (WithNounChars): a compound named as typed,
// however rare the word (快递 + 柜; that 柜 may be read ju like 车 makes
// 快递柜 no typo of 快递车). 增值水 still is 增值税: 水 reads shui.
func (c *Corrector) compoundHead(span []rune, m match) bool {
	l := len(span)
	if l < 3 || m.changed != 1<<(l-1) || !c.noun(span[l-1]) {
		return false
	}
	if c.likeness(span[l-1], c.words[m.word].runes[l-1], true) < sameShape {
		return false
	}
	_, ok := c.dict(string(span[:l-1]))
	return ok
}

// opposites are pairs of characters that read alike in toneless pinyin
// and say the opposite of each other, each common on its own: one typed
// for the other is a word meant as written, never a typo. "卖车有补贴吗"
// asks of selling cars; read as 买车 it got the car-purchase tax cut
// (trial 49). 授/受 is no such pair: 授理 is a common misspelling of 受理.
var opposites = map[rune]rune{'买': '卖', '卖': '买'}

// swapsOpposite reports whether reading span as meant changes one of its
// characters (a bit of changed) into its opposite.
func swapsOpposite(span, meant []rune, changed uint16) bool {
	for i := range span {
		if i < len(meant) && changed&(1<<i) != 0 && opposites[span[i]] == meant[i] {
			return true
		}
	}
	return false
}
