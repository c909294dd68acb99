package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/seeds"
)

// minQuotedName is the fewest characters a quoted name needs to name a
// measure: two (“两区”) are a common word's length, not a name's.
const minQuotedName = 3

// quotePairs are the marks a guide and an owner put around a name.
var quotePairs = [][2]rune{{'“', '”'}, {'「', '」'}, {'『', '』'}, {'"', '"'}}

// quotedIn returns the names text puts in quotation marks, in order, each
// of minQuotedName or more letters, digits or Han characters.
func quotedIn(text string) []string {
	var out []string
	for _, q := range quotePairs {
		rest := text
		for {
			i := strings.IndexRune(rest, q[0])
			if i < 0 {
				break
			}
			rest = rest[i+utf8.RuneLen(q[0]):]
			j := strings.IndexRune(rest, q[1])
			if j < 0 {
				break
			}
			name := rest[:j]
			rest = rest[j+utf8.RuneLen(q[1]):]
			if utf8.RuneCountInString(name) >= minQuotedName && !strings.ContainsFunc(name, func(r rune) bool {
				return !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r)
			}) {
				out = append(out, name)
			}
		}
	}
	return out
}

// quotedByOne returns the names g quotes in the sentences of exactly one
// measure (“京郊之夏” in the rural-tourism measure), each with that
// measure. A name several measures hold (“一网通办”) is a slogan, no
// measure's own.
func quotedByOne(g *seeds.Guide) map[string]int {
	out := map[string]int{}
	for i := range g.Measures {
		m := &g.Measures[i]
		if m.Frame {
			continue // a provision on the document is no measure to name
		}
		for _, name := range quotedIn(measureWords(m)) {
			if n, ok := out[name]; ok && n != m.Number {
				out[name] = -1
				continue
			}
			out[name] = m.Number
		}
	}
	for name, n := range out {
		if n < 0 {
			delete(out, name)
		}
	}
	// A name quoted in one measure but written plainly in another is no
	// more that one's.
	for name, n := range out {
		for i := range g.Measures {
			if m := &g.Measures[i]; m.Number != n && strings.Contains(measureWords(m), name) {
				delete(out, name)
				break
			}
		}
	}
	return out
}

// namedByQuote answers an ask the decision declined or only suggested
// with the measure the owner names by a name the guide quotes for it
// alone (区里那个“京郊之夏”的线路，我们园子能进吗): in the ask itself, or
// in quotation marks anywhere in the message — a quoted name in the story
// is the owner pointing at it, a plain one may only be the story's time
// ("动态清零那阵停业了"). The measure must be ranked; another place or an
// out-of-scope topic in the ask still declines.
func (ix *Index) namedByQuote(a *Ask, ask, message string) {
	if a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest || len(a.Measures) == 0 || len(ix.named) == 0 ||
		a.OtherPlace || a.NotChinese || a.Human || a.Inputs != nil && (a.Inputs.OutOfScope > 0 || a.Inputs.OtherPlaces > 0) {
		return
	}
	quoted := quotedIn(message)
	best, at := 0, len(message)
	for name, n := range ix.named {
		if !strings.Contains(ask, name) && !slices.Contains(quoted, name) {
			continue
		}
		// The name said first, whatever the map's order.
		if i := strings.Index(message, name); i >= 0 && i < at && slices.ContainsFunc(a.Measures, func(h Hit) bool { return h.Number == n }) {
			best, at = n, i
		}
	}
	if best == 0 {
		return
	}
	i := slices.IndexFunc(a.Measures, func(h Hit) bool { return h.Number == best })
	a.Kind, a.Measures = seeds.KindMeasure, append([]Hit{a.Measures[i]}, slices.Delete(slices.Clone(a.Measures), i, i+1)...)
}
