package index

import (
	"policybot/index/tags"
)

// The policy check-up's side of the index: each measure's tags (package
// tags) and the reading of a typed answer to a profile question.

// Tags returns measure n's check-up tags (zero Tags for an unknown number).
func (ix *Index) Tags(n int) tags.Tags { return ix.measureTags[n] }

// ProfileValues returns the values a profile question offers, in order.
func (ix *Index) ProfileValues(dim string) []string { return ix.rules.Values(dim) }

// Match returns the enterprise-facing measures that may apply to p, best
// first (see tags.Match).
func (ix *Index) Match(p tags.Profile) []tags.Hit { return tags.Match(ix.guide, ix.measureTags, p) }

// ProfileValue reads a free-text answer to a profile question ("我们是开饭
// 馆的" → 餐饮): the first value named by the answer, one of its words, or a
// synonym of one.
func (ix *Index) ProfileValue(dim, answer string) (string, bool) {
	words := ix.related(ix.conceptWords(answer))
	for _, v := range ix.rules.Values(dim) {
		if ix.rules.Names(answer, dim, v) {
			return v, true
		}
		for _, w := range words {
			if w == v || ix.rules.Names(w, dim, v) {
				return v, true
			}
		}
	}
	return "", false
}
