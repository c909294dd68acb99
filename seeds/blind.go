package seeds

import "slices"

// unknownSimilarity stands for the content score of a measure whose text
// was lost: its follow-ups cannot be compared with it, but they score as
// much as a true owner usually does (0.15 or more, measured on the seed).
const unknownSimilarity = 0.15

// blind reports whether the measures near allows include one whose text
// was lost. Content cannot speak for that measure, and its sentences,
// which the corruption left in their order between its neighbour's start
// and its own contact, echo its neighbours: the position is the evidence.
func (p *parser) blind(near []int) bool {
	for _, n := range near {
		if m := p.measures[n]; m != nil && !m.HasText() {
			return true
		}
	}
	return false
}

// farClear reports whether content clearly names measure c away from the
// measures near allows: not one of them nor a measure within two of them,
// whose wording a follow-up often echoes (measures next to each other share
// a topic). A sentence displaced by the corruption lands anywhere, so it
// rarely sits that close to its own measure.
func farClear(near []int, c int, score, runnerUp float64) bool {
	for _, n := range near {
		if c >= n-2 && c <= n+2 {
			return false
		}
	}
	return clearMatch(score, runnerUp)
}

// blindOrphan is a follow-up whose place allows a measure that lost its
// text, or stands in an adjacent stretch (see adjacent): the measures
// allowed, in order, and its score for each.
type blindOrphan struct {
	k     int // index into Report.Orphans
	near  []int
	score []float64
}

// blindCandidates scores orphan k against the measures near allows: a
// measure with text by content, one without by unknownSimilarity, and the
// measure whose contact block directly follows the sentence a little more
// (clearMargin) for that adjacency.
func (p *parser) blindCandidates(k int, near, nums []int, scores []float64) (blindOrphan, bool) {
	o := p.r.Orphans[k]
	b := blindOrphan{k: k, near: slices.DeleteFunc(slices.Clone(near), func(n int) bool { return p.measures[n] == nil })}
	for _, n := range b.near {
		sc := unknownSimilarity
		if p.measures[n].HasText() {
			sc = scoreOf(nums, scores, n)
		}
		if o.Method == ByContactBlock && n == o.Before {
			sc += clearMargin
		}
		b.score = append(b.score, sc)
	}
	return b, len(b.near) > 0
}

// placeBlind places the follow-ups of each stretch between a measure's
// start and a later contact block that allows a measure without text, or
// of an adjacent stretch whose two measures kept their text. The
// corruption kept their order, so the stretch reads the earlier measure's
// follow-ups, then the later one's: of the placements in that order, the
// one whose sentences score highest is taken.
//
// Where content cannot tell where one measure's follow-ups end, the number
// each measure would hold can: a guide writes its measures alike, so the
// measures whose start and contact both survived (held) show how many
// follow-ups a measure has, and a split giving the stretch's measures
// such counts is taken over one that scores the same or barely more by
// content (see withCounts).
func (p *parser) placeBlind(bs []blindOrphan, pending []int) {
	if len(bs) == 0 {
		return
	}
	held, share := p.heldCounts(pending, bs)
	for len(bs) > 0 {
		n := 1
		for n < len(bs) && p.r.Orphans[bs[n].k].Between == p.r.Orphans[bs[0].k].Between && slices.Equal(bs[n].near, bs[0].near) {
			n++
		}
		for i, c := range withCounts(bs[:n], monotone(bs[:n]), held, share) {
			p.placeBlindOne(bs[i], c)
		}
		bs = bs[n:]
	}
}

// heldCounts returns how many follow-ups position or a clause gave each
// measure (held), and the share of the measures with text, none of them
// a candidate of a blind stretch, that hold each count: how many
// follow-ups the guide's intact measures have.
func (p *parser) heldCounts(pending []int, bs []blindOrphan) (map[int]int, map[int]float64) {
	held := map[int]int{}
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Measure > 0 && (o.Method == ByPosition || o.Method == ByClause) {
			held[o.Measure]++
		}
	}
	blind := map[int]bool{}
	for _, b := range bs {
		for _, n := range b.near {
			blind[n] = true
		}
	}
	counts := map[int]int{}
	total := 0
	for n, m := range p.measures {
		if m != nil && m.HasText() && !blind[n] && !p.displacedMeasure(n) {
			counts[held[n]]++
			total++
		}
	}
	share := map[int]float64{}
	if total < minIntact || float64(counts[0]) >= float64(total)/2 {
		// Too few intact measures to show a count, or most hold no
		// follow-up between start and contact (the layout places them
		// otherwise): no count is known.
		return held, share
	}
	for c, k := range counts {
		share[c] = float64(k) / float64(total)
	}
	return held, share
}

// minIntact is the number of intact measures below which their counts of
// follow-ups say nothing of the guide's.
const minIntact = 5

// displacedMeasure reports whether measure n's start stands out of order
// (see markDisplaced): its stretch holds another measure's sentences.
func (p *parser) displacedMeasure(n int) bool {
	for i := range p.displaced {
		if p.pieces[i].start == n {
			return true
		}
	}
	return false
}

// withCounts weighs the placements of bs (which share their candidates,
// and are their stretch in order) that keep the order, by content plus how
// common the count each candidate ends with is among the guide's intact
// measures (share, worth up to unknownSimilarity a candidate: one
// sentence's score), and returns the best where it beats the content-only
// choice (assigned) by that weighing.
func withCounts(bs []blindOrphan, assigned []int, held map[int]int, share map[int]float64) []int {
	m := len(bs[0].near)
	if m < 2 || m > 3 || len(share) == 0 {
		return assigned
	}
	weigh := func(a []int) float64 {
		w := 0.0
		count := make([]int, m)
		for i, c := range a {
			w += bs[i].score[c]
			count[c]++
		}
		for j, n := range bs[0].near {
			w += unknownSimilarity * share[held[n]+count[j]]
		}
		return w
	}
	best, bestW := assigned, weigh(assigned)
	a := make([]int, len(bs))
	var try func(i, from int)
	try = func(i, from int) {
		if i == len(bs) {
			if w := weigh(a); w > bestW+1e-9 {
				best, bestW = slices.Clone(a), w
			}
			return
		}
		for c := from; c < m; c++ {
			a[i] = c
			try(i+1, c)
		}
	}
	try(0, 0)
	return best
}

// monotone returns, for each of bs (which share their candidates), the
// index of its candidate: never decreasing along bs, with the highest total
// score.
func monotone(bs []blindOrphan) []int {
	m := len(bs[0].near)
	total := make([][]float64, len(bs)) // total[i][j]: best sum of bs[:i+1] with bs[i] on candidate j
	from := make([][]int, len(bs))
	for i, b := range bs {
		total[i], from[i] = make([]float64, m), make([]int, m)
		for j := range m {
			total[i][j], from[i][j] = b.score[j], j
			if i == 0 {
				continue
			}
			best := 0
			for jj := 1; jj <= j; jj++ {
				if total[i-1][jj] > total[i-1][best] {
					best = jj
				}
			}
			total[i][j] += total[i-1][best]
			from[i][j] = best
		}
	}
	out := make([]int, len(bs))
	last := len(bs) - 1
	for j := 1; j < m; j++ {
		if total[last][j] >= total[last][out[last]] {
			out[last] = j
		}
	}
	for i := last; i > 0; i-- {
		out[i-1] = from[i][out[i]]
	}
	return out
}

// placeBlindOne puts b's sentence on its candidate c and records the
// evidence: a contact block's adjacency stands as such; otherwise it is a
// placement by content, in doubt unless clear.
func (p *parser) placeBlindOne(b blindOrphan, c int) {
	o := &p.r.Orphans[b.k]
	second := -1
	for j := range b.near {
		if j != c && (second < 0 || b.score[j] > b.score[second]) {
			second = j
		}
	}
	if b.near[c] == o.Before && o.Method == ByContactBlock {
		// In doubt if another measure allowed scores as an owner would.
		o.Doubtful = second >= 0 && b.score[second] >= unknownSimilarity
		return
	}
	o.Measure, o.Method, o.Score = b.near[c], BySimilarity, b.score[c]
	if second >= 0 {
		o.RunnerUp, o.RunnerUpScore = b.near[second], b.score[second]
	}
	o.Doubtful = second < 0 || !clearMatch(b.score[c], b.score[second])
}
