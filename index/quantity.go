package index

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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

// outOfBounds are the quantities of question q that the bounds of text
// rule out: 2.4升 against "2.0升及以下", 35万 against "不超过30万元". Where
// the text bounds alternatives ("200万元以上的货物服务采购项目、400万元以上的
// 工程采购项目"), an amount is weighed against the bound of the kind q
// names (not negated), and when it names none, ruled out only if no
// alternative admits it. Bounds are inclusive (以上, 及以下).
func (ix *Index) outOfBounds(q, text string, negated negation) []Exclusion {
	asked := ix.cues.quantities(q)
	if len(asked) == 0 {
		return nil
	}
	var bounds []textBound
	for _, t := range ix.cues.quantities(text) {
		if upper, lower, written := ix.cues.bound(text, t); upper || lower {
			bounds = append(bounds, textBound{t, upper, lower, written, boundItem(text, t)})
		}
	}
	var out []Exclusion
	for _, a := range asked {
		if strings.Contains(text, q[a.start:a.end]) {
			continue // the asker quotes an amount the text writes ("价格扣除10%-20%怎么算")
		}
		if strings.HasSuffix(strings.TrimRight(q[:a.start], " 　"), "不是") {
			continue // "是1.5T的 不是2.5": the amount set aside is not the asker's
		}
		cands := slices.DeleteFunc(slices.Clone(bounds), func(b textBound) bool { return !sameUnit(a.unit, b.t.unit) })
		var items []string
		for _, b := range cands {
			items = append(items, b.item)
		}
		if named := slices.DeleteFunc(slices.Clone(cands), func(b textBound) bool {
			return !namesOwn(q, b.item, slices.DeleteFunc(slices.Clone(items), func(o string) bool { return o == b.item }), negated)
		}); len(named) > 0 {
			cands = named
		}
		if x, ok := ruledOut(a, cands); ok {
			out = append(out, Exclusion{Asked: q[a.start:a.end], Rule: clauseWith(text, x.written), Key: x.written})
		}
	}
	return out
}

// textBound is a bound a text sets and the list item it stands in.
type textBound struct {
	t             quantity
	upper, lower  bool
	written, item string
}

// ruledOut is the first of bounds that rules a out, when every item of
// bounds has one that does (an item admits a when all its bounds do).
func ruledOut(a quantity, bounds []textBound) (textBound, bool) {
	excluded := map[string]bool{}
	var first textBound
	found := false
	for _, b := range bounds {
		if b.upper && a.value > b.t.value || b.lower && a.value < b.t.value {
			if !found {
				first, found = b, true
			}
			excluded[b.item] = true
		}
	}
	for _, b := range bounds {
		if !excluded[b.item] {
			return textBound{}, false
		}
	}
	return first, found
}

// boundItem is the piece of text (between 、，。；) holding quantity t.
func boundItem(text string, t quantity) string {
	from := strings.LastIndexAny(text[:t.start], "、，。；")
	if from < 0 {
		from = 0
	} else {
		_, n := utf8.DecodeRuneInString(text[from:])
		from += n
	}
	to := strings.IndexAny(text[t.end:], "、，。；")
	if to < 0 {
		return text[from:]
	}
	return text[from : t.end+to]
}
