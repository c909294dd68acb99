package index

import (
	"regexp"
	"strconv"
	"strings"
)

// Quantities in a question against the bounds a measure's text sets
// ("不超过30万元", "2.0升及以下", "40%以上"): a case above an upper bound
// or below a lower one is ruled out. Units and bound words are data (the
// unit and bound.* sections of cues.txt).

// quantity is a number with its unit, where it stands in the text.
type quantity struct {
	value      float64
	unit       string
	start, end int // byte offsets of the whole match
}

// quantityPattern matches a number and one of the units of cues.txt.
func quantityPattern(units []string) *regexp.Regexp {
	if len(units) == 0 {
		return nil
	}
	alts := make([]string, len(units))
	for i, u := range units {
		alts[i] = regexp.QuoteMeta(u)
	}
	return regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)\s*(` + strings.Join(alts, "|") + `)`)
}

// quantities finds the quantities of text.
func (c *cues) quantities(text string) []quantity {
	if c.quantity == nil {
		return nil
	}
	var out []quantity
	for _, m := range c.quantity.FindAllStringSubmatchIndex(text, -1) {
		v, err := strconv.ParseFloat(text[m[2]:m[3]], 64)
		if err == nil {
			out = append(out, quantity{value: v, unit: text[m[4]:m[5]], start: m[0], end: m[1]})
		}
	}
	return out
}

// sameUnit: 万 and 万元 are one unit.
func sameUnit(a, b string) bool { return strings.HasPrefix(a, b) || strings.HasPrefix(b, a) }

// bound reports whether quantity q of text is an upper or a lower bound,
// by the words right before or after it, and the bound as written.
func (c *cues) bound(text string, q quantity) (upper, lower bool, written string) {
	before, after := text[:q.start], text[q.end:]
	from, to := q.start, q.end
	for _, w := range c.list(cueBoundUpper) {
		if strings.HasSuffix(before, w) && !upper {
			upper, from = true, q.start-len(w)
		}
		if strings.HasPrefix(after, w) && !upper {
			upper, to = true, q.end+len(w)
		}
	}
	for _, w := range c.list(cueBoundLower) {
		if strings.HasSuffix(before, w) && !lower && !upper {
			lower, from = true, q.start-len(w)
		}
		if strings.HasPrefix(after, w) && !lower && !upper {
			lower, to = true, q.end+len(w)
		}
	}
	return upper, lower, text[from:to]
}

// outOfBounds are the quantities of question q that a bound of text rules
// out: 2.4升 against "2.0升及以下", 35万 against "不超过30万元".
func (ix *Index) outOfBounds(q, text string) []Exclusion {
	var out []Exclusion
	asked := ix.cues.quantities(q)
	if len(asked) == 0 {
		return nil
	}
	for _, t := range ix.cues.quantities(text) {
		upper, lower, written := ix.cues.bound(text, t)
		if !upper && !lower {
			continue
		}
		for _, a := range asked {
			if sameUnit(a.unit, t.unit) && (upper && a.value > t.value || lower && a.value < t.value) {
				out = append(out, Exclusion{Asked: q[a.start:a.end], Rule: clauseWith(text, written), Key: written})
			}
		}
	}
	return out
}
