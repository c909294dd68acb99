// Package scramble corrupts a clean policy guide the way the embedded seed
// was corrupted, deterministically from a seed, so that the parser can be
// measured on guides whose true structure is known.
//
// The embedded seed was cut into sentences at 。; sentences were duplicated
// and displaced, line breaks sprinkled in, each contact block glued to the
// next measure's number, a heading and some measures' text lost. Scramble
// does the same to any guide, working on text alone: it knows headings
// (一、 （一）) and measure numbers (1. or （一） at the start of a line), not
// any guide's units or phones.
package scramble

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Options say how hard to corrupt. The zero value of each field takes the
// default noted, measured on the embedded seed against its clean copy.
type Options struct {
	Seed uint64
	// Duplicates is the share of sentences copied (0.33: the seed has 27
	// copies of its 79 sentences). As in the seed, the copies keep their
	// order and are interleaved with the opening sentences, so the first
	// copy of a later sentence stands early in the text.
	Duplicates float64
	// Moves is the share of sentences moved elsewhere one by one (0.02).
	Moves float64
	// Riffle is the share of the text, from its start, whose sentences are
	// merged at random with the rest's, each part keeping its order (0:
	// none). The seed is so displaced (its sentences of measures 1–28 are
	// interleaved with those of 30–85); a follow-up's neighbours then come
	// from the other part, and its position proves little.
	Riffle float64
	// Newlines is the chance of a line break after a 。 (0.3).
	Newlines float64
	// LostHeadings and LostTexts are how many headings and measure-start
	// sentences are dropped (1 each; -1 for none).
	LostHeadings, LostTexts int
}

func (o Options) withDefaults() Options {
	if o.Duplicates == 0 {
		o.Duplicates = 0.33
	}
	if o.Moves == 0 {
		o.Moves = 0.02
	}
	if o.Newlines == 0 {
		o.Newlines = 0.3
	}
	if o.LostHeadings == 0 {
		o.LostHeadings = 1
	}
	if o.LostTexts == 0 {
		o.LostTexts = 1
	}
	return o
}

// Copy is a corrupted guide and what was done to it.
type Copy struct {
	Text string
	// LostHeadings are the headings removed, as written.
	LostHeadings []string
	// LostSentences are the sentences removed because they started a
	// measure (with whatever shared the sentence).
	LostSentences []string
	// Moved are the sentences displaced.
	Moved []string
}

const numerals = `一二三四五六七八九十`

var (
	// startLine is a line that opens a heading or a measure; the line break
	// before it goes, gluing it to the contact block before it.
	startLine = regexp.MustCompile(`\n[\s\x{3000}]*(?:\d{1,3}[.．]|[（(][` + numerals + `]+[）)]|[` + numerals + `]+、)`)
	// sectionAt and subsectionAt find headings with their titles: to the
	// end of the line, a bracket number or a measure number.
	sectionAt    = regexp.MustCompile(`(?m)^[ \t\x{3000}]*[` + numerals + `]+、[^\n。（(]*?(?:$|[（(]|\d{1,3}[.．])`)
	subsectionAt = regexp.MustCompile(`(?m)^[ \t\x{3000}]*[（(][` + numerals + `]+[）)][^\n。，,；;]{1,30}?(?:$|\d{1,3}[.．])`)
	numberAt     = regexp.MustCompile(`(?m)^[ \t\x{3000}]*\d{1,3}[.．]`)
	parenItemAt  = regexp.MustCompile(`(?m)^[ \t\x{3000}]*[（(][` + numerals + `]+[）)][^\n]*。`)
	tailNumber   = regexp.MustCompile(`(?:[（(]|\d{1,3}[.．])$`)
)

// Scramble returns a corrupted copy of clean.
func Scramble(clean string, o Options) Copy {
	o = o.withDefaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	var c Copy
	text := strings.ReplaceAll(clean, "\r\n", "\n")
	for range max(o.LostHeadings, 0) {
		text = c.loseHeading(text, rng)
	}
	lost := pickStarts(text, max(o.LostTexts, 0), rng)
	text = startLine.ReplaceAllStringFunc(text, func(m string) string { return strings.TrimLeftFunc(m, unicode.IsSpace) })
	sents := cut(text)
	var kept []string
	for _, s := range sents {
		if containsAny(s, lost) {
			c.LostSentences = append(c.LostSentences, s)
			continue
		}
		kept = append(kept, s)
	}
	sents = riffle(kept, o.Riffle, rng)
	for range int(o.Moves*float64(len(sents)) + 0.5) {
		if len(sents) < 3 {
			break
		}
		i := 1 + rng.IntN(len(sents)-1) // the title stays first
		s := sents[i]
		if !strings.HasSuffix(s, "。") {
			continue // the unterminated last piece stays last
		}
		sents = append(sents[:i:i], sents[i+1:]...)
		j := 1 + rng.IntN(len(sents))
		sents = append(sents[:j:j], append([]string{s}, sents[j:]...)...)
		c.Moved = append(c.Moved, s)
	}
	sents = interleaveCopies(sents, int(o.Duplicates*float64(len(sents))+0.5), rng)
	var b strings.Builder
	for _, s := range sents {
		b.WriteString(s)
		if strings.HasSuffix(s, "。") && rng.Float64() < o.Newlines {
			b.WriteString("\n")
		}
	}
	c.Text = b.String()
	return c
}

// riffle merges the first share of the sentences (after the title) with
// the rest at random, each part keeping its order. An unterminated last
// piece stays last: anywhere else it would run into the next sentence, a
// join that cutting at 。 cannot make.
func riffle(sents []string, share float64, rng *rand.Rand) []string {
	if share <= 0 || len(sents) < 4 {
		return sents
	}
	var tail []string
	if last := sents[len(sents)-1]; !strings.HasSuffix(last, "。") {
		sents, tail = sents[:len(sents)-1], []string{last}
	}
	cut := 1 + int(share*float64(len(sents)-1))
	out := append([]string{sents[0]}, merge(sents[1:cut], sents[cut:], rng)...)
	return append(out, tail...)
}

// merge interleaves a and b at random, each keeping its order.
func merge(a, b []string, rng *rand.Rand) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && rng.IntN(len(a)-i+len(b)-j) < len(a)-i {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// interleaveCopies copies n sentences, chosen at random and kept in order,
// and merges them with the opening sentences (about two copies to one
// original, the seed's proportion), the title staying first.
func interleaveCopies(sents []string, n int, rng *rand.Rand) []string {
	if n <= 0 || len(sents) < 2 {
		return sents
	}
	// The unterminated last piece is not copied: copied into the middle
	// it would run into the next sentence.
	last := len(sents) - 1
	if strings.HasSuffix(sents[last], "。") {
		last++
	}
	n = min(n, last-1)
	picked := rng.Perm(last - 1)[:n]
	slices.Sort(picked)
	copies := make([]string, n)
	for i, k := range picked {
		copies[i] = sents[k+1]
	}
	front := sents[1:min(1+(n+1)/2, len(sents))]
	out := append([]string{sents[0]}, merge(front, copies, rng)...)
	return append(out, sents[1+len(front):]...)
}

// loseHeading removes one heading's number and title.
func (c *Copy) loseHeading(text string, rng *rand.Rand) string {
	locs := append(sectionAt.FindAllStringIndex(text, -1), subsectionAt.FindAllStringIndex(text, -1)...)
	if len(locs) == 0 {
		return text
	}
	l := locs[rng.IntN(len(locs))]
	h := text[l[0]:l[1]]
	// Keep what ends the title: a measure's number or a bracket.
	if m := tailNumber.FindString(h); m != "" {
		h = h[:len(h)-len(m)]
	}
	c.LostHeadings = append(c.LostHeadings, strings.TrimSpace(h))
	return text[:l[0]] + text[l[0]+len(h):]
}

// pickStarts returns n measure starts (a measure's number and its first
// words) to lose with their sentences. Measures are numbered "1." at the
// start of a line or, in a guide without such numbers, "（一）" at the
// start of a line with a sentence after it.
func pickStarts(text string, n int, rng *rand.Rand) []string {
	locs := numberAt.FindAllStringIndex(text, -1)
	if len(locs) == 0 || repeats(text, locs) {
		// No measure numbers, or numbers that start again (a measure's
		// steps 1. 2.): the measures are numbered （一）（二）….
		locs = parenItemAt.FindAllStringIndex(text, -1)
	}
	var out []string
	for range n {
		if len(locs) == 0 {
			break
		}
		k := rng.IntN(len(locs))
		l := locs[k]
		locs = append(locs[:k:k], locs[k+1:]...)
		end := min(l[0]+60, len(text))
		if i := strings.IndexAny(text[l[0]:end], "。\n"); i > 0 {
			end = l[0] + i
		}
		out = append(out, strings.TrimSpace(text[l[0]:end]))
	}
	return out
}

// repeats reports whether a number occurs twice among the matches.
func repeats(text string, locs [][]int) bool {
	seen := map[string]bool{}
	for _, l := range locs {
		n := strings.TrimSpace(text[l[0]:l[1]])
		if seen[n] {
			return true
		}
		seen[n] = true
	}
	return false
}

// cut splits text after every 。; whatever follows a 。 (a line break,
// indentation) travels with the next sentence.
func cut(text string) []string {
	var out []string
	for text != "" {
		i := strings.Index(text, "。")
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+len("。")])
		text = text[i+len("。"):]
	}
	return out
}

func containsAny(s string, subs []string) bool {
	flat := strings.Join(strings.Fields(s), "")
	for _, x := range subs {
		if x != "" && strings.Contains(flat, strings.Join(strings.Fields(x), "")) {
			return true
		}
	}
	return false
}
