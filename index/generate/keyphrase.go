package generate

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index/jieba"
	"policybot/seeds"
)

// Tagger segments text into words with their part of speech; a
// *jieba.Segmenter (with the lexicon's user dictionary) is one.
type Tagger interface {
	Tag(text string) []jieba.Tagged
}

// Lexicon is the domain lexicon as plain data, as the index loads it.
type Lexicon struct {
	Synonyms  []Synonym
	Stopwords []string // never key phrases
	Words     []string // domain terms jieba keeps whole (the user dictionary)
}

// Synonym maps everyday words (From) to the guide's words (To).
type Synonym struct {
	From, To []string
}

// Phrase is a key phrase of a measure.
type Phrase struct {
	Text     string
	Score    float64
	Everyday []string // the lexicon's everyday words for Text, in lexicon order
}

// skipPOS are the parts of speech that never make a key phrase: function
// words, numbers, measure words, time and place of position.
var skipPOS = map[string]bool{
	"p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true, "ud": true, "ug": true, "uv": true,
	"d": true, "r": true, "m": true, "q": true, "f": true, "t": true, "y": true, "e": true, "o": true,
	"zg": true, "mq": true,
}

// detailWeight is how much a word of a measure's follow-up sentences
// counts against one of its first sentence: follow-ups are placed by
// evidence and may be another measure's.
const detailWeight = 0.5

// unknownIDF stands for the general IDF of a word jieba's table lacks:
// such words (留抵退税, 首贷) are rare in general text.
const unknownIDF = 12

// lexiconBoost multiplies the score of a word the lexicon knows (a
// synonym's either side or a domain term): owners ask about those.
const lexiconBoost = 2

// edgeChars are function characters that jieba's guesses at unknown words
// glue to a neighbour (对受, 及受, 内且, 之夏): an unknown word starting or
// ending with one is not a phrase.
const edgeChars = "对及且与和或受被在为以之其内等的了有所并将把向从至于"

// KeyPhrases returns, for each measure with words (its text, or only its
// follow-up sentences where the seed lost the text), its n most
// distinctive phrases, best first (ties by text). Phrases are jieba words
// of two or more Han characters that are not stop words.
func KeyPhrases(t Tagger, g *seeds.Guide, lex Lexicon, n int) map[int][]Phrase {
	stop := set(lex.Stopwords)
	known := set(lex.Words)
	for _, s := range lex.Synonyms {
		for _, w := range slices.Concat(s.From, s.To) {
			known[w] = true
		}
	}
	tf := map[int]map[string]float64{}
	df := map[string]int{}
	for _, m := range g.Measures {
		if !m.HasText() && len(m.Details) == 0 {
			continue
		}
		counts := map[string]float64{}
		addWords(t, m.Text, 1, stop, known, counts)
		for _, d := range m.Details {
			addWords(t, d, detailWeight, stop, known, counts)
		}
		tf[m.Number] = counts
		for w := range counts {
			df[w]++
		}
	}
	everyday := invert(lex.Synonyms)
	out := map[int][]Phrase{}
	for num, counts := range tf {
		ps := make([]Phrase, 0, len(counts))
		for w, c := range counts {
			idf, ok := jieba.GeneralIDF(w)
			if !ok {
				idf = unknownIDF
			}
			score := c * math.Log(float64(len(tf))/float64(df[w])) * idf / 10
			if score <= 0 {
				continue // every measure has it
			}
			if known[w] {
				score *= lexiconBoost
			}
			ps = append(ps, Phrase{Text: w, Score: score})
		}
		slices.SortFunc(ps, func(a, b Phrase) int {
			if c := cmp.Compare(b.Score, a.Score); c != 0 {
				return c
			}
			return strings.Compare(a.Text, b.Text)
		})
		ps = ps[:min(n, len(ps))]
		for i := range ps {
			ps[i].Everyday = everyday[ps[i].Text]
		}
		out[num] = ps
	}
	return out
}

// addWords counts text's candidate words into counts, each weighing w: Han
// words of two or more characters, not stop words nor function words, and
// either known (to jieba's general table or the lexicon) or not glued to a
// function character.
func addWords(t Tagger, text string, w float64, stop, known map[string]bool, counts map[string]float64) {
	for _, tw := range t.Tag(text) {
		word := tw.Word
		if skipPOS[tw.POS] || stop[word] || hanCount(word) < 2 || hanCount(word) != utf8.RuneCountInString(word) {
			continue
		}
		if _, ok := jieba.GeneralIDF(word); !ok && !known[word] {
			first, _ := utf8.DecodeRuneInString(word)
			last, _ := utf8.DecodeLastRuneInString(word)
			if strings.ContainsRune(edgeChars, first) || strings.ContainsRune(edgeChars, last) {
				continue
			}
		}
		counts[word] += w
	}
}

// invert maps each of the guide's words in the lexicon to the everyday
// words that stand for it, in lexicon order, without repeats.
func invert(syns []Synonym) map[string][]string {
	out := map[string][]string{}
	for _, s := range syns {
		for _, to := range s.To {
			for _, from := range s.From {
				if from != to && !slices.Contains(out[to], from) {
					out[to] = append(out[to], from)
				}
			}
		}
	}
	return out
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
