package pinyin

import (
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"policybot/index/jieba"
)

// Word is one vocabulary entry: a word of the loaded guide or the domain
// lexicon, and how much the caller trusts it (its frequency in the guide,
// say). Weight only breaks ties between two words that fit a span equally
// well; it must not be negative.
type Word struct {
	Text   string
	Weight float64
}

// Option configures New.
type Option func(*config)

type config struct {
	fuzzy    Fuzz
	dict     func(string) (float64, bool)
	function map[string]bool
	known    map[string]bool
	phrases  []string
	noun     func(rune) bool
}

// WithFuzzy sets which input-method confusions count as "reads alike" for
// the one changed character (default FuzzAll). WithFuzzy(0) accepts exact
// homophones only.
func WithFuzzy(f Fuzz) Option { return func(c *config) { c.fuzzy = f } }

// WithDictionary sets the general dictionary that decides whether a span is
// a real word (and so is never corrected): lookup returns a word's inverse
// document frequency in general text and whether it knows the word. The
// default is jieba.GeneralIDF. Vocabulary words are always known.
func WithDictionary(lookup func(word string) (idf float64, ok bool)) Option {
	return func(c *config) { c.dict = lookup }
}

// WithFunctionWords adds words that are never corrected nor produced by a
// correction's changed character, besides the built-in particles and
// pronouns (的 了 吗 我 这 …). The index's stop words are a good choice.
func WithFunctionWords(words ...string) Option {
	return func(c *config) {
		for _, w := range words {
			c.function[w] = true
		}
	}
}

// WithKnownWords adds words meant as written that are no correction's
// target: the lexicon's words for things a guide does not cover (失业金).
// Such a word is never corrected, and a span that is one of them with one
// character more at an edge is that word with a verb or a suffix (领失业金),
// not a typo of a vocabulary word it resembles (返失业金).
func WithKnownWords(words ...string) Option {
	return func(c *config) {
		for _, w := range words {
			c.known[w] = true
		}
	}
}

// WithNounChars sets what tells a character that is a noun on its own in
// general text (柜, 卡: a compound's head, 快递柜), as jieba tags it. Such
// a character, not read like the one meant as that one is usually read,
// ending a span after a word of the general dictionary makes that word's
// compound, typed as meant ("智能快递柜" is no 快递车). Without it no
// character is such a noun.
func WithNounChars(noun func(r rune) bool) Option {
	return func(c *config) { c.noun = noun }
}

// functionChars are grammatical characters no one means as a content word:
// a span whose changed character is one of them is ordinary text (补贴吗 is
// not a typo of 补贴款).
const functionChars = "的地得了着过吗呢吧啊呀么嘛哦啦是在和与及或也都就还又很太不没我你您他她它们这那哪谁啥怎什个些有要会能可以把被让给对从向到为因所但如已才再"

// Corrector corrects typos against one vocabulary. It is immutable and
// safe for concurrent use.
type Corrector struct {
	words  []vword
	byText map[uint64][]int32  // hash of a word's characters → words
	holes  map[uint64][]int32  // hash with one character blanked → words
	homo   map[uint64][]int32  // hash of one reading of every character → words of 4+ characters
	parts  map[uint64]struct{} // hashes of the inner spans (2+ characters) of the words
	// homoPrefix holds the hashes of every prefix of the readings in homo.
	homoPrefix map[uint64]struct{}
	// first and second map a character to the lengths (bit L) of the words
	// that have it first or second.
	first, second map[rune]uint64
	lengths       uint64 // bit L set when some word has L characters
	maxLen        int

	table     *readingTable
	class     []uint16 // syllable → fuzzy class under cfg.fuzzy
	dict      func(string) (float64, bool)
	function  map[string]bool
	asWritten map[string]bool // words meant as written (WithKnownWords)
	fnChars   map[rune]bool
	phrases   []string
	noun      func(rune) bool // WithNounChars; never nil
	// speller reads pinyin letters (FromPinyin), built on the first message
	// with Latin letters: few guides ever get one, and building it costs
	// about 30 ms and the general word table.
	speller func() *speller
}

type vword struct {
	text   string
	runes  []rune
	weight float64
}

// maxWordLen bounds the vocabulary words considered (longer ones are
// names of measures or units, typed by copy and paste).
const maxWordLen = 12

// maxCombos bounds the reading combinations indexed for one word or read
// for one span: polyphonic characters multiply them.
const maxCombos = 16

// New builds a Corrector for vocab. Words that are not two to twelve Han
// characters are skipped (they cannot be typed with one wrong character in
// a way this package reads); duplicates keep their highest weight. It
// returns an error for a negative weight or text that is not UTF-8.
func New(vocab []Word, opts ...Option) (*Corrector, error) {
	cfg := config{fuzzy: FuzzAll, dict: jieba.GeneralIDF, function: map[string]bool{}, known: map[string]bool{}}
	for _, o := range opts {
		o(&cfg)
	}
	c := &Corrector{
		byText:     map[uint64][]int32{},
		holes:      map[uint64][]int32{},
		homo:       map[uint64][]int32{},
		parts:      map[uint64]struct{}{},
		homoPrefix: map[uint64]struct{}{},
		first:      map[rune]uint64{},
		second:     map[rune]uint64{},
		table:      readings(),
		dict:       cfg.dict,
		function:   cfg.function,
		asWritten:  cfg.known,
		fnChars:    map[rune]bool{},
		phrases:    cfg.phrases,
		noun:       cfg.noun,
	}
	if c.noun == nil {
		c.noun = func(rune) bool { return false }
	}
	c.class = c.table.fuzzyClasses(cfg.fuzzy)
	for _, r := range functionChars {
		c.fnChars[r] = true
	}
	for i, w := range vocab {
		if w.Weight < 0 || !utf8.ValidString(w.Text) {
			return nil, fmt.Errorf("pinyin: vocabulary word %d (%q): negative weight or not UTF-8", i, w.Text)
		}
		c.add(w)
	}
	c.speller = sync.OnceValue(c.buildSpeller)
	return c, nil
}

// add indexes one vocabulary word.
func (c *Corrector) add(w Word) {
	rs := []rune(w.Text)
	if len(rs) < 2 || len(rs) > maxWordLen {
		return
	}
	for _, r := range rs {
		if !isHan(r) || len(c.table.of(r)) == 0 {
			return
		}
	}
	h := hashRunes(rs, -1)
	if j, ok := c.lookup(rs, h); ok {
		c.words[j].weight = max(c.words[j].weight, w.Weight)
		return
	}
	id := int32(len(c.words))
	c.words = append(c.words, vword{text: w.Text, runes: rs, weight: w.Weight})
	c.byText[h] = append(c.byText[h], id)
	for i := range rs {
		k := hashRunes(rs, i)
		c.holes[k] = append(c.holes[k], id)
	}
	if len(rs) >= 4 {
		c.eachReading(rs, func(d int, k uint64) {
			c.homoPrefix[k] = struct{}{}
			if d == len(rs) && !slices.Contains(c.homo[k], id) {
				c.homo[k] = append(c.homo[k], id)
			}
		})
	}
	c.first[rs[0]] |= 1 << len(rs)
	c.second[rs[1]] |= 1 << len(rs)
	for i := range rs {
		for j := i + 2; j <= len(rs); j++ {
			if j-i < len(rs) {
				c.parts[hashRunes(rs[i:j], -1)] = struct{}{}
			}
		}
	}
	c.lengths |= 1 << len(rs)
	c.maxLen = max(c.maxLen, len(rs))
}

// lookup returns the vocabulary word spelled rs, whose hash is h.
func (c *Corrector) lookup(rs []rune, h uint64) (int, bool) {
	for _, j := range c.byText[h] {
		if equalRunes(c.words[j].runes, rs) {
			return int(j), true
		}
	}
	return 0, false
}

// eachReading calls fn with the depth and hash of every prefix of each
// combination of the readings of rs (at most maxCombos combinations;
// polyphonic characters beyond that keep their first, most common
// readings). At depth len(rs) the hash is that of a whole reading.
func (c *Corrector) eachReading(rs []rune, fn func(depth int, h uint64)) {
	var walk func(i int, h uint64)
	n := 0
	walk = func(i int, h uint64) {
		if i > 0 {
			fn(i, h)
		}
		if i == len(rs) {
			n++
			return
		}
		for _, s := range c.table.of(rs[i]) {
			if n >= maxCombos {
				return
			}
			walk(i+1, mix(h, uint64(s)+1))
		}
	}
	walk(0, fnvOffset)
}

// FNV-1a's 64-bit offset basis and prime (as in hash/fnv, which does not
// export them), written in hex as the specification gives them.
const (
	fnvOffset = 0xcbf29ce484222325
	fnvPrime  = 0x100000001b3
)

func mix(h, v uint64) uint64 { return (h ^ v) * fnvPrime }

// hashRunes hashes rs with the character at hole (if ≥ 0) blanked.
func hashRunes(rs []rune, hole int) uint64 {
	h := uint64(fnvOffset)
	for i, r := range rs {
		if i == hole {
			r = 0
		}
		h = mix(h, uint64(r))
	}
	return h
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Len returns the number of vocabulary words the Corrector matches against.
func (c *Corrector) Len() int { return len(c.words) }
