package seeds

import "slices"

// A guide gives its measures about as many follow-ups each: a measure
// holding more than all but a few others (rareCount) most likely holds a
// sentence the corruption moved alone into its text, and the one of them
// that shares next to nothing with it and clearly more with another
// measure is that sentence.

// rareCount is the share of the measures with text at or above which a
// number of follow-ups is common in the guide.
const rareCount = 0.05

// relieveOverfull moves, off each measure holding a rare number of
// follow-ups, the one follow-up that shares next to nothing with it
// (below foreignSimilarity) and most with another measure
// (movedOverfull, clearMargin ahead of the rest), in doubt.
func (p *parser) relieveOverfull(pending, nums []int, vs *vectorSpace) {
	held := p.heldBy(pending)
	if len(nums) == 0 || !p.corrupted() {
		return // a text without corruption holds each follow-up where the guide wrote it
	}
	for _, n := range nums {
		ks := held[n]
		if len(ks) < 2 || !p.rareAmong(held, nums, len(ks)) {
			continue
		}
		bestK, bestTo, bestGain := -1, 0, 0.0
		for _, k := range ks {
			o := p.r.Orphans[k]
			_, _, scores := vs.rankWithout(grams(o.Sentence), slices.Index(nums, n))
			own := scoreOf(nums, scores, n)
			var under []int // measures short of the typical count, where it came from
			for _, m := range nums {
				if m != n && len(held[m]) <= len(ks)-2 {
					under = append(under, m)
				}
			}
			to, sc, _, runSc := rankAmong(under, nums, scores)
			if to == 0 || own >= foreignSimilarity || sc < movedOverfull || sc-runSc < clearMargin {
				continue
			}
			if gain := sc - own; gain > bestGain {
				bestK, bestTo, bestGain = k, to, gain
			}
		}
		if bestK < 0 || bestGain < clearMargin {
			continue
		}
		o := &p.r.Orphans[bestK]
		o.Measure, o.Method, o.RunnerUp, o.Doubtful = bestTo, BySimilarity, n, true
	}
}

// movedOverfull is the content score with which another measure claims a
// follow-up of an overfull measure.
const movedOverfull = minSimilarity

// rareAmong reports whether c follow-ups are one more than a typical
// measure with text holds: at most rareCount of them (or one) hold c or more, and
// at least typicalCount hold c-1 or more.
func (p *parser) rareAmong(held map[int][]int, nums []int, c int) bool {
	more, less := 0, 0
	for _, n := range nums {
		if len(held[n]) >= c {
			more++
		}
		if len(held[n]) >= c-1 {
			less++
		}
	}
	return float64(more) <= max(1, rareCount*float64(len(nums))) && float64(less) >= typicalCount*float64(len(nums))
}

// typicalCount is the share of the measures with text that hold a number
// of follow-ups or more for that number to be typical of the guide.
const typicalCount = 0.5

// fillHoles gives each measure with text left without follow-ups, in a
// guide where such a measure is rare (rareAmong), the follow-up of
// another measure holding two or more that shares next to nothing with
// its place (below foreignSimilarity) and most with the hole
// (movedOverfull, clearMargin ahead of the other holes), in doubt: the
// corruption moved the hole's only follow-up alone into another measure's
// text.
func (p *parser) fillHoles(pending, nums []int, vs *vectorSpace) {
	if len(nums) == 0 || !p.corrupted() {
		return
	}
	held := p.heldBy(pending)
	var holes []int
	for _, n := range nums {
		if len(held[n]) == 0 {
			holes = append(holes, n)
		}
	}
	if len(holes) == 0 || float64(len(holes)) > max(1, rareCount*float64(len(nums))) {
		return
	}
	type move struct {
		k, to int
		gain  float64
	}
	var moves []move
	for _, n := range nums {
		if len(held[n]) < 2 {
			continue
		}
		for _, k := range held[n] {
			_, _, scores := vs.rankWithout(grams(p.r.Orphans[k].Sentence), slices.Index(nums, n))
			own := scoreOf(nums, scores, n)
			to, sc, _, runSc := rankAmong(holes, nums, scores)
			if own < foreignSimilarity && sc >= movedOverfull && sc-max(runSc, own) >= clearMargin {
				moves = append(moves, move{k, to, sc - own})
			}
		}
	}
	slices.SortStableFunc(moves, func(a, b move) int {
		switch {
		case a.gain > b.gain:
			return -1
		case a.gain < b.gain:
			return 1
		}
		return 0
	})
	filled := map[int]bool{}
	for _, mv := range moves {
		if filled[mv.to] {
			continue
		}
		filled[mv.to] = true
		o := &p.r.Orphans[mv.k]
		o.Measure, o.Method, o.RunnerUp, o.Doubtful = mv.to, BySimilarity, o.Measure, true
	}
}

// heldBy maps each measure to the orphans of pending placed on it.
func (p *parser) heldBy(pending []int) map[int][]int {
	held := map[int][]int{}
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Measure > 0 {
			held[o.Measure] = append(held[o.Measure], k)
		}
	}
	return held
}
