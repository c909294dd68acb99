package index

import (
	"slices"
	"strings"

	"policybot/seeds"
)

// An amount asked of a topic several neighbouring measures share ("政府采购
// 能便宜多少"): the measure that states no amount (联合体投标) gives way to
// its sibling in the same part of the guide whose sentence on the same
// words states one (价格扣除比例提高至10%-20%).

// AmountSibling is the measure of m's part of the guide (same section and
// subsection) whose certain sentence states an amount (a figure, the
// answer.amount cues) and writes every word of words that m writes too,
// when m states none: the closest by number. Nil when m states an amount
// itself, writes none of words, or no sibling does.
func (ix *Index) AmountSibling(m *seeds.Measure, words []string) *seeds.Measure {
	if m == nil || len(ix.Quote(m, []Aspect{AspectAmount}, nil, "")) > 0 {
		return nil
	}
	own := measureWords(m)
	var shared []string
	for _, w := range words {
		if len([]rune(w)) < 2 || ix.cues.isCue(w) {
			continue
		}
		if strings.Contains(own, w) {
			shared = append(shared, w)
			continue
		}
		// The guide's word for an everyday one m matches by it ("做核酸"
		// for 核酸检测): the sibling must write it too.
		if g := guideWordIn(ix.analyse(w, -1), own); g != "" {
			shared = append(shared, g)
		}
	}
	if len(shared) == 0 {
		return nil
	}
	var best *seeds.Measure
	bestN := 0
	for i := range ix.guide.Measures {
		s := &ix.guide.Measures[i]
		if s.Number == m.Number || s.Frame || s.Section != m.Section || s.Subsection != m.Subsection {
			continue
		}
		n := ix.amountWords(s, shared)
		if n < len(shared) {
			// "核酸补贴给多少" is not answered by 餐饮投资的50%.
			continue
		}
		if n > bestN || n > 0 && n == bestN && distance(s.Number, m.Number) < distance(best.Number, m.Number) {
			best, bestN = s, n
		}
	}
	return best
}

// amountWords is how many of words the best certain sentence of s that
// states an amount writes.
func (ix *Index) amountWords(s *seeds.Measure, words []string) int {
	best := 0
	for _, x := range sentences(s) {
		if x.doubtful {
			continue
		}
		if cues, _ := ix.hits(x.text, []Aspect{AspectAmount}, nil); cues == 0 {
			continue
		}
		n := 0
		for _, w := range words {
			if strings.Contains(x.text, w) {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

// guideWordIn is the first synonym of a's words, two characters or more,
// that text writes; "" for none.
func guideWordIn(a analysed, text string) string {
	for _, c := range a.concepts {
		for _, sub := range c.subs {
			if len([]rune(sub)) >= 2 && strings.Contains(text, sub) {
				return sub
			}
		}
	}
	return ""
}

func distance(a, b int) int { return max(a-b, b-a) }

// preferAmountSibling puts first, for an ask of an amount, the sibling
// of the best measure that states one when the best states none.
func (ix *Index) preferAmountSibling(a *Ask) {
	if !a.Has(AspectAmount) || len(a.Measures) == 0 || a.Kind != seeds.KindMeasure && a.Kind != seeds.KindSuggest {
		return
	}
	s := ix.AmountSibling(ix.guide.Measure(a.Measures[0].Number), a.Words)
	if s == nil {
		return
	}
	// Its own hit when ranked, else the best's figures under its number.
	hit := a.Measures[0]
	hit.Number = s.Number
	if i := slices.IndexFunc(a.Measures, func(h Hit) bool { return h.Number == s.Number }); i >= 0 {
		hit = a.Measures[i]
	}
	rest := slices.DeleteFunc(slices.Clone(a.Measures), func(h Hit) bool { return h.Number == s.Number })
	if len(a.Measures) == 1 {
		// The one measure offered answers no amount: the sibling instead.
		rest = nil
	}
	a.Measures = append([]Hit{hit}, rest...)
}
