package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/seeds"
)

// Reading a message against the topic. With a measure under discussion a
// message is either about an aspect of it (找谁, 能网上办吗, 价格有限制吗) or
// a new question. A message whose own words (besides question and aspect
// cues) the current measure's sentences cover at least as well as any
// other measure's stays on the topic; one with no words of its own never
// switches it. The same sentence coverage picks one of the measures
// offered and tells a vague one-word question.

// measureWords is the text a measure's sentence coverage is judged on: its
// own sentences, not its heading (the heading of 社保 also names 公积金).
func measureWords(m *seeds.Measure) string {
	return m.Text + strings.Join(m.Details, "")
}

// mentions reports whether text mentions word, through a synonym, or (for
// a longer word) its first two characters (个体户 → 个体工商户, 连锁店 → 连锁).
func (ix *Index) mentions(text, word string) (full, part bool) {
	if strings.Contains(text, word) {
		return true, false
	}
	for _, e := range ix.vocab.expand[word] {
		if e != "" && strings.Contains(text, e) {
			return true, false
		}
	}
	if r := []rune(word); len(r) >= 3 && strings.Contains(text, string(r[:2])) {
		return false, true
	}
	return false, false
}

// sentenceCoverage is the share of words (by weight) a measure's sentences
// mention: fully, or half for a longer word whose start only they have.
// Words weigh by how much they say about a topic (commonFactor): the
// search's coverage works on the index's terms and the example bank, this
// one on the sentences a reply quotes.
func (ix *Index) sentenceCoverage(m *seeds.Measure, words []string) float64 {
	if m == nil || len(words) == 0 {
		return 0
	}
	text := measureWords(m)
	var total, got float64
	for _, w := range words {
		n := ix.commonFactor(w)
		total += n
		switch full, part := ix.mentions(text, w); {
		case full:
			got += n
		case part:
			got += n / 2
		}
	}
	return got / total
}

// onTopic decides whether an ask is about measure m.
func (ix *Index) onTopic(m *seeds.Measure, a *Ask) bool {
	if len(a.Words) == 0 {
		if a.Asked != 0 {
			return a.Asked == m.Number
		}
		// "人社局电话": about the unit, not the measure; anything else with
		// nothing of its own never switches the topic.
		return a.Kind != seeds.KindUnit || a.Unit == nil
	}
	if a.Asked != 0 {
		return a.Asked == m.Number
	}
	if ix.declinedAspect(a) {
		return true
	}
	cur := ix.sentenceCoverage(m, a.Words)
	if cur < ix.tuning.MinTopicCover {
		return false
	}
	for _, h := range a.Measures {
		if h.Number != m.Number && ix.sentenceCoverage(ix.guide.Measure(h.Number), a.Words) > cur {
			return false
		}
	}
	return true
}

// declinedAspect reports whether an ask asks an aspect ("要准备什么材料",
// "需要多久") in words the guide knows but that make no question of their
// own: the search declines it (or only suggests), and it names no other
// place and no word the guide never uses. Such an ask is about the topic
// being discussed; a
// question the guide does not cover ("医保报销比例多少", "上海的房贷呢")
// keeps its own words and is declined as a new question.
func (ix *Index) declinedAspect(a *Ask) bool {
	if len(a.Aspects) == 0 || a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest || a.OtherPlace || a.NotChinese || a.Human {
		return false
	}
	return a.Inputs != nil && a.Inputs.UnknownWeight == 0
}

// pick reads an ask against the measures offered: the one whose own
// sentences cover its words clearly best, if any ("停业赔付那个", "国企的
// 房子"), or 0.
func (ix *Index) pick(choices []int, a *Ask) int {
	if len(a.Words) == 0 || a.Asked != 0 {
		return 0
	}
	best, bestCover, second := 0, 0.0, 0.0
	for _, n := range choices {
		c := ix.sentenceCoverage(ix.guide.Measure(n), a.Words)
		switch {
		case c > bestCover:
			best, bestCover, second = n, c, bestCover
		case c > second:
			second = c
		}
	}
	if best == 0 || bestCover < ix.tuning.MinTopicCover || bestCover <= second {
		return 0
	}
	for _, h := range a.Measures {
		if !slices.Contains(choices, h.Number) && ix.sentenceCoverage(ix.guide.Measure(h.Number), a.Words) > bestCover {
			return 0 // a new question after all
		}
	}
	return best
}

// vague turns the answer to a one-word question ("贷款", "补贴") that
// several measures cover in full into a choice between them.
func (ix *Index) vague(r *Result) {
	if r.Kind != seeds.KindMeasure || r.Asked != 0 || len(r.Terms) != 1 || utf8.RuneCountInString(r.Terms[0]) < 2 {
		return
	}
	var full []Hit
	for _, h := range r.Measures {
		// Its own sentences, not a heading that names the word in passing.
		if h.Coverage >= 0.999 && ix.sentenceCoverage(ix.guide.Measure(h.Number), r.Terms) >= 0.999 {
			full = append(full, h)
		}
	}
	if len(full) > 1 {
		r.Kind, r.Measures = seeds.KindChoice, full
	}
}
