package seeds

import "slices"

// markDisplaced marks the measure starts that stand out of their order: a
// start outside every longest rising run of the start numbers, read in the
// order of the pieces, away from the starts numbered next to it (see
// alone). The corruption moved such a sentence, with the contact block
// glued to it, into another measure's text, so it brackets nothing there:
// bracket looks through it.
func (p *parser) markDisplaced() {
	var idx, keys []int
	for i, pc := range p.pieces {
		if pc.start > 0 && !pc.table {
			idx, keys = append(idx, i), append(keys, pc.start)
		}
	}
	p.displaced = map[int]bool{}
	out := outOfRun(keys)
	if n := len(slices.DeleteFunc(slices.Clone(out), func(o bool) bool { return !o })); n*maxMovedShare > len(keys) {
		// So many starts out of order: stretches of the text were
		// interleaved (as in the seed), not sentences moved one by one.
		p.interleaved = true
		return
	}
	for j := range out {
		if out[j] && alone(keys, out, j) {
			p.displaced[idx[j]] = true
		}
	}
}

// maxMovedShare bounds the moves looked through: when more than one start
// in maxMovedShare stands out of order, none is taken for a lone move.
const maxMovedShare = 10

// runNear is how many starts away a neighbouring number may stand for a
// start to count as part of a displaced stretch rather than a lone move.
const runNear = 3

// alone reports whether no other start out of the run (out) that is
// numbered one less than keys[j] stands within runNear starts before it,
// nor one numbered one more within runNear after it. A stretch of the
// text moved or interleaved with another (the seed's measures 1–28 run
// through 30–85) keeps its starts together, in their order and out of the
// run together; a sentence moved alone lands away from its neighbours,
// or near ones that stand in the run (18 moved into 14's text stands
// before 15, 16 and 17), and only it is looked through.
func alone(keys []int, out []bool, j int) bool {
	for d := -runNear; d <= runNear; d++ {
		if i := j + d; d != 0 && i >= 0 && i < len(keys) && out[i] && (d < 0 && keys[i] == keys[j]-1 || d > 0 && keys[i] == keys[j]+1) {
			return false
		}
	}
	return true
}

// outOfRun reports, for each key, whether it belongs to no longest
// strictly rising subsequence of keys. Where two runs are equally long
// (1 2 4 3 5) neither 4 nor 3 is out: which one moved is not known.
func outOfRun(keys []int) []bool {
	n := len(keys)
	ending := make([]int, n)   // longest rising run ending at i
	starting := make([]int, n) // longest rising run starting at i
	longest := 0
	for i := range n {
		ending[i] = 1
		for j := range i {
			if keys[j] < keys[i] {
				ending[i] = max(ending[i], ending[j]+1)
			}
		}
		longest = max(longest, ending[i])
	}
	for i := n - 1; i >= 0; i-- {
		starting[i] = 1
		for j := i + 1; j < n; j++ {
			if keys[j] > keys[i] {
				starting[i] = max(starting[i], starting[j]+1)
			}
		}
	}
	out := make([]bool, n)
	for i := range n {
		out[i] = ending[i]+starting[i]-1 < longest
	}
	return out
}
