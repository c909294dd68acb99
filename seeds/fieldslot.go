package seeds

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A policy list gives each measure at most one field of each kind (who,
// conditions, how, until when): a follow-up whose field a measure already
// has from a sentence placed with stronger evidence came from another
// measure (a sentence moved by the corruption, or the follow-ups of a
// measure whose start was lost). Other layouts that label such lines (a
// Q&A guide's 政策依据 under each answer, a notice's 办理渠道) write them
// the same way; there the rule applies only where the text shows
// corruption, so that a clean text keeps every line where it was written.

// slotOf returns the group of detailSlots the sentence's label belongs to,
// or -1.
func slotOf(s string) int {
	for i, labels := range detailSlots {
		for _, l := range labels {
			if rest, ok := strings.CutPrefix(s, l); ok && (strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")) {
				return i
			}
		}
	}
	return -1
}

// evidenceRank orders the placing methods by the weight of their evidence.
func evidenceRank(method string) int {
	switch method {
	case ByPosition, ByClause:
		return 3
	case ByContactBlock, ByNumbering:
		return 2
	case BySimilarity:
		return 1
	}
	return 0
}

// placeByField moves a follow-up off a measure that holds two fields of
// its kind (see intruders) to the measure it likely came from (see
// fieldHome), where that measure lacks such a field.
func (p *parser) placeByField(pending []int, nums []int, vs *vectorSpace) {
	if !p.fields && !p.fieldsCorrupted() {
		// Outside a policy list two fields of a kind on one measure may
		// be how the guide wrote it; only corruption makes one an intruder.
		return
	}
	group := p.alternativeSlots(pending, nums)
	held := map[[2]int][]int{} // {measure, slot} -> orphans, in text order
	for _, k := range pending {
		o := p.r.Orphans[k]
		if s := slotOf(o.Sentence); s >= 0 && o.Measure > 0 {
			s = group[s]
			held[[2]int{o.Measure, s}] = append(held[[2]int{o.Measure, s}], k)
		}
	}
	keys := make([][2]int, 0, len(held))
	for key := range held {
		keys = append(keys, key)
	}
	slices.SortFunc(keys, func(a, b [2]int) int { return a[0]*100 + a[1] - b[0]*100 - b[1] })
	for _, key := range keys {
		if len(held[key]) < 2 {
			continue
		}
		for _, k := range p.intruders(held[key], key, held, nums, vs) {
			o := &p.r.Orphans[k]
			to := p.fieldHome(o, key[1], held, nums, vs)
			if to == 0 {
				// No measure lacks such a field: it stays, in doubt.
				o.Doubtful = true
				continue
			}
			held[key] = slices.DeleteFunc(held[key], func(x int) bool { return x == k })
			held[[2]int{to, key[1]}] = append(held[[2]int{to, key[1]}], k)
			o.Measure, o.Method = to, BySimilarity
			// Two alternative fields on one measure tell that one came from
			// elsewhere, not which: the one moved stays in doubt.
			o.Doubtful = !clearMatch(o.Score, o.RunnerUpScore) || merged(group, key[1])
		}
	}
}

// reclaimField moves a labelled field kept between a measure's start and
// contact that shares next to nothing with that measure (below
// foreignSimilarity) to the measure that lacks a field of its kind and
// claims it as an owner usually does (unknownSimilarity), clearMargin
// ahead of the other measures lacking one and of its place; in doubt. A
// field line the corruption moved alone into another measure's text left
// its own measure without that field: among the measures lacking it,
// fewer compete than among all (weighPosition asks movedSimilarity of
// the best of all), so an owner's usual score suffices.
func (p *parser) reclaimField(pending, nums []int, vs *vectorSpace) {
	if len(nums) == 0 || !p.corrupted() || !p.fields && !p.fieldsCorrupted() {
		return
	}
	group := p.alternativeSlots(pending, nums)
	held := map[[2]int]int{} // {measure, slot} -> how many
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Measure > 0 {
			if s := slotOf(o.Sentence); s >= 0 {
				held[[2]int{o.Measure, group[s]}]++
			}
		}
	}
	for _, k := range pending {
		o := &p.r.Orphans[k]
		s := slotOf(o.Sentence)
		if o.Method != ByPosition || s < 0 {
			continue
		}
		s = group[s]
		_, _, scores := vs.rankWithout(grams(o.Sentence), slices.Index(nums, o.Measure))
		own := scoreOf(nums, scores, o.Measure)
		if own >= foreignSimilarity {
			continue
		}
		var lacking []int
		for _, m := range nums {
			if m != o.Measure && held[[2]int{m, s}] == 0 {
				lacking = append(lacking, m)
			}
		}
		to, sc, _, runSc := rankAmong(lacking, nums, scores)
		if to == 0 || sc < unknownSimilarity || sc-max(runSc, own) < clearMargin {
			continue
		}
		held[[2]int{o.Measure, s}]--
		held[[2]int{to, s}]++
		o.Measure, o.Method, o.Score, o.RunnerUp, o.RunnerUpScore, o.Doubtful = to, BySimilarity, sc, o.Measure, own, true
	}
}

// fieldsCorrupted reports, for a layout that is no policy list, whether
// the text shows corruption beyond what a guide repeats itself: starts out
// of order, or copies of several sentences other than labelled fields. A
// guide may write a field sentence under several measures ("申请方式：向责任
// 单位提交申请材料…") and a list of materials after it, which dedupe keeps
// once, beside another field of its kind, in a clean text too; the
// corruption copies a third of the sentences.
func (p *parser) fieldsCorrupted() bool {
	n := 0
	for _, d := range p.r.Duplicates {
		if utf8.RuneCountInString(d.Sentence) > stockPhrase && slotOf(d.Sentence) < 0 {
			n++
		}
	}
	return p.interleaved || len(p.displaced) > 0 || n >= guideRepeats
}

// guideRepeats is the number of copied sentences from which copies show
// corruption in a layout that is no policy list (see fieldsCorrupted).
const guideRepeats = 3

// alternativeSlots maps each slot to the first slot of its group in this
// guide: two kinds of field that each a good share of the measures hold
// (alternativeShare) but almost never one measure (rareCount) are one
// group, the guide writing either (适用对象 on some measures, 申报条件 on
// the others). A measure holding both then holds a sentence the
// corruption moved there. A text without corruption keeps its fields
// where the guide wrote them, so there every slot is its own group.
func (p *parser) alternativeSlots(pending, nums []int) []int {
	group := make([]int, len(detailSlots))
	for i := range group {
		group[i] = i
	}
	if !p.corrupted() || len(nums) == 0 {
		return group
	}
	has := map[int]map[int]bool{} // measure -> slots it holds
	for _, k := range pending {
		o := p.r.Orphans[k]
		if s := slotOf(o.Sentence); s >= 0 && o.Measure > 0 {
			if has[o.Measure] == nil {
				has[o.Measure] = map[int]bool{}
			}
			has[o.Measure][s] = true
		}
	}
	count := func(x, y int) int {
		c := 0
		for _, h := range has {
			if h[x] && h[y] {
				c++
			}
		}
		return c
	}
	common := alternativeShare * float64(len(nums))
	rare := max(1, rareCount*float64(len(nums)))
	for y := range group {
		for x := range y {
			if group[x] == x && float64(count(x, x)) >= common && float64(count(y, y)) >= common && float64(count(x, y)) <= rare {
				group[y] = x
				break
			}
		}
	}
	return group
}

// merged reports whether slot s heads a group of alternative slots.
func merged(group []int, s int) bool {
	for i, g := range group {
		if g == s && i != s {
			return true
		}
	}
	return false
}

// alternativeShare is the share of the measures with text that must hold
// each of two kinds of field for the guide to be seen writing either.
const alternativeShare = 0.1

// intruders returns which of the follow-ups ks, all fields of one kind on
// measure n, came from elsewhere: those placed with weaker evidence than
// the strongest; of equals in a stretch between two measures, those on the
// other side (the earlier ones belong to the earlier measure); of equals in
// n's own stretch, all but the one whose words tie it to n most against
// the measures that lack such a field (see homePull).
func (p *parser) intruders(ks []int, key [2]int, held map[[2]int][]int, nums []int, vs *vectorSpace) []int {
	n := key[0]
	rank := func(k int) int { return evidenceRank(p.r.Orphans[k].Method) }
	best := 0
	for _, k := range ks {
		best = max(best, rank(k))
	}
	var weak, equal []int
	for _, k := range ks {
		if rank(k) < best {
			weak = append(weak, k)
		} else {
			equal = append(equal, k)
		}
	}
	if len(equal) < 2 {
		return weak
	}
	if b := p.r.Orphans[equal[0]].Between; b[0] != b[1] && b[0] > 0 {
		if n == b[1] {
			return append(weak, equal[:len(equal)-1]...)
		}
		return append(weak, equal[1:]...)
	}
	score := func(k int) float64 {
		_, _, scores := vs.rank(grams(p.r.Orphans[k].Sentence))
		return scoreOf(nums, scores, n) - homePull(n, key[1], held, nums, scores)
	}
	keep := slices.MaxFunc(equal, func(a, b int) int {
		sa, sb := score(a), score(b)
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	})
	return append(weak, slices.DeleteFunc(equal, func(k int) bool { return k == keep })...)
}

// fieldHome returns the measure o likely came from that has no field of
// slot yet, or 0.
func (p *parser) fieldHome(o *Orphan, slot int, held map[[2]int][]int, nums []int, vs *vectorSpace) int {
	free := func(n int) bool { return n > 0 && n != o.Measure && len(held[[2]int{n, slot}]) == 0 }
	for _, n := range []int{o.Before, o.Between[1], o.Between[0]} {
		if free(n) {
			return n
		}
	}
	_, _, scores := vs.rank(grams(o.Sentence))
	best, bestScore := 0, 0.0
	for _, n := range nums {
		if s := scoreOf(nums, scores, n); free(n) && s > bestScore {
			best, bestScore = n, s
		}
	}
	o.Score = bestScore
	return best
}

// homePull is the best score, among the measures other than n that lack
// a field of slot, of a sentence scored scores: how strongly a measure
// that lost such a field claims it.
func homePull(n, slot int, held map[[2]int][]int, nums []int, scores []float64) float64 {
	best := 0.0
	for j, m := range nums {
		if m != n && len(held[[2]int{m, slot}]) == 0 {
			best = max(best, scores[j])
		}
	}
	return best
}
