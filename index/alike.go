package index

import (
	"maps"
	"regexp"
	"unicode"

	"policybot/seeds"
)

// alikeMin is how much of their wording two guides' measures must share
// (Jaccard similarity of their Chinese character bigrams) to be the same
// rule. District guides that implement one city plan copy its measures
// with their own words around them, and differ, where they differ at all,
// in amounts, rates and dates: so the numbers must be the same too.
const alikeMin = 0.45

// Alike reports whether measures a and b, of two guides, state the same
// rule: their texts share at least alikeMin of their character bigrams
// and name the same numbers (amounts, rates, dates). A bot serving several
// guides answers a question once, for all, when every guide that answers
// it answers with measures alike.
func Alike(a, b *seeds.Measure) bool { return AlikeTo(a)(b) }

// AlikeTo returns Alike(a, ·): a's bigrams and numbers are found once, for
// comparing one guide's measure with those of many.
func AlikeTo(a *seeds.Measure) func(b *seeds.Measure) bool {
	if a == nil || !a.HasText() {
		return func(*seeds.Measure) bool { return false }
	}
	x, nums := hanBigrams(a.Text), numbersIn(a.Text)
	return func(b *seeds.Measure) bool {
		if b == nil || !b.HasText() {
			return false
		}
		if b == a {
			return len(x) > 0 // the similarity of a text with bigrams to itself is 1
		}
		return bigramJaccard(x, hanBigrams(b.Text)) >= alikeMin && maps.Equal(nums, numbersIn(b.Text))
	}
}

var number = regexp.MustCompile(`\d+(?:\.\d+)?%?`)

// numbersIn is the set of numbers s writes in digits.
func numbersIn(s string) map[string]bool {
	out := map[string]bool{}
	for _, n := range number.FindAllString(s, -1) {
		out[n] = true
	}
	return out
}

// bigramJaccard is the Jaccard similarity of two sets of bigrams (0 if either is
// empty).
func bigramJaccard(x, y map[[2]rune]bool) float64 {
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	shared := 0
	for g := range x {
		if y[g] {
			shared++
		}
	}
	return float64(shared) / float64(len(x)+len(y)-shared)
}

// hanBigrams are the pairs of adjacent Chinese characters of s.
func hanBigrams(s string) map[[2]rune]bool {
	out := map[[2]rune]bool{}
	var prev rune
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			prev = 0
			continue
		}
		if prev != 0 {
			out[[2]rune{prev, r}] = true
		}
		prev = r
	}
	return out
}
