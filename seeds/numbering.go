package seeds

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// parenItem is a bracket number and what follows it in its sentence.
var parenItem = regexp.MustCompile(`[（(]([一二三四五六七八九十]+)[）)]`)

// detectParens reports whether the guide numbers its measures （一）（二）…
// inside its sections rather than using （一） for subsection headings over
// measures 1. 2. …: a subsection heading is a short title that the first
// measure's number follows in the same sentence, while a bracket-numbered
// measure runs to the end of its sentence without one.
func detectParens(sents []sentence) bool {
	items, headings := 0, 0
	for i, s := range sents {
		for _, loc := range parenItem.FindAllStringIndex(s.text, -1) {
			if loc[0] > 0 && !precedesStart(s.text[:loc[0]]) {
				continue
			}
			after := s.text[loc[1]:]
			if n := numberAhead.FindStringIndex(after); n != nil && n[0] < 120 {
				headings++
			} else if len([]rune(after)) > 12 || titleSentence(after) && dutyFollows(sents[i+1:]) {
				items++
			}
		}
	}
	return items >= 2 && items > headings
}

// titleSentence reports whether the text after a bracket number is a
// measure's short title ended as a sentence ("（一）全面落实留抵退税。"): a
// heading's title ends with no 。.
func titleSentence(after string) bool {
	t := strings.TrimSpace(after)
	return strings.HasSuffix(t, "。") && len([]rune(t)) >= 5
}

// dutyFollows reports whether a duty bracket ("（牵头单位：…）") closes the
// sentences ahead before any other numbered start: a short title ended
// with 。 is then a measure's, not a heading's.
func dutyFollows(ahead []sentence) bool {
	for k, s := range ahead {
		// The bracket may share its sentence with the next measure's
		// number ("…）（二）减征…。"): it comes first.
		duty, next := dutyOpen.FindStringIndex(s.text), parenItem.FindStringIndex(s.text)
		if duty != nil && (next == nil || duty[0] < next[0]) {
			return true
		}
		if k >= 8 || next != nil || numberedLine.MatchString(s.text) {
			return false
		}
	}
	return false
}

// numberedLine is a sentence opening with "1." or "1．".
var numberedLine = regexp.MustCompile(`(?m)^[ \t　]*\d{1,3}[.．]`)

// precedesStart reports whether text before a bracket number can end where
// a heading or measure starts: nothing, a section heading, or a block's
// last phone, address or clause.
func precedesStart(before string) bool {
	if sectionHead.MatchString(before) {
		return true
	}
	r := []rune(before)
	last := r[len(r)-1]
	return last >= '0' && last <= '9' || last >= 'a' && last <= 'z' || last >= 'A' && last <= 'Z' || last == '）' || last == ')'
}

// numberParens numbers bracket-numbered measures. A guide may number them
// through the whole document or anew in each section; in the latter case a
// measure's number is its place in the guide: the highest bracket number of
// every earlier section plus its own. Which of the two, the bracket numbers
// right after the section headings tell (（一） again, or on from the section
// before), so that one displaced （一） does not renumber a guide numbered
// through. A bracket number that does not follow
// the one before it without a section heading between them means the section
// heading was lost; the section is inferred. Pieces are read in the order
// of their last copies.
func (p *parser) numberParens() {
	type ref struct{ i, sec, k int }
	var refs []ref
	sec, lastK, restarts, continues, ones := 0, 0, 0, 0, 0
	maxK := map[int]int{}
	seen := map[int]map[int]bool{} // the bracket numbers read in each section
	afterHeading := -1             // the bracket number before the last section heading, until a bracket number follows it
	clauses := 0                   // closing clauses read since the last bracket number
	var read []int                 // their pieces
	lastStart := -1                // the piece of the last bracket number read
	var open []int                 // the starts no clause followed before the next start
	lastSec, lastSecK := 0, 0      // the section and number of the last bracket number read
	topHeading := 0                // the highest section heading read
	// The last copies' order: a copy of a later measure's sentence placed
	// early would otherwise look like the numbering starting again.
	type lostEnd struct {
		sec, k int
		// moved: the steps after a later clause go on from the steps
		// before it, so that clause was moved in, no measure lost.
		moved bool
		// clauses are the pieces of the clauses read after the
		// section's last start.
		clauses []int
	}
	var ends []lostEnd // sections whose last measure may have lost its start
	var run stepRun    // the steps read since the last bracket number
	type moved struct {
		i, sec int
		own    int  // the section its own heading names, or 0
		open   bool // no clause follows the start: its clause stayed behind
	}
	var away []moved // starts read out of their section's run, placed last
	outOfRun := p.parenChain()
	for at, i := range p.byLast {
		pc := &p.pieces[i]
		if _, out := outOfRun[i]; out {
			// A start outside the guide's longest consistent run: moved
			// here. Its own section heading, if it carries one, says
			// where it belongs; else a section lacking its number does.
			s, own := sec, 0
			for _, h := range pc.headings {
				if h.section && !h.inferred {
					s, own = h.number, h.number
				}
			}
			away = append(away, moved{i, s, own, outOfRun[i]})
			if outOfRun[i] {
				open = append(open, i)
			}
			continue
		}
		explicit, behind := false, 0
		for _, h := range pc.headings {
			if h.section && !h.inferred && h.number <= topHeading {
				// A section heading below one read before: a copy moved
				// after later sections (the guide's headings go up). Its
				// measure is placed in its section; the run goes on.
				behind = h.number
				continue
			}
			if h.section {
				topHeading = max(topHeading, h.number)
				if afterHeading < 0 {
					afterHeading = lastK
				}
				sec, lastK, explicit = h.number, 0, true
			}
		}
		if closesMeasure(pc) {
			clauses++
			read = append(read, i)
		}
		if pc.paren == 0 {
			run.read(pc, clauses)
			continue
		}
		if behind > 0 && !explicit {
			away = append(away, moved{i, behind, 0, false})
			continue
		}
		twoClauses := lastSecK > 0 && clauses >= 2 && len(p.r.Duplicates) > 0
		if (pc.paren == 1 || explicit) && twoClauses {
			// Two closing clauses after a section's last measure: the
			// measure after it may have lost its start sentence (with
			// nothing to show the gap, as the next section numbers
			// anew), the clause glued here being that measure's. Or the
			// clause was moved here from a measure that now lacks one:
			// settled below, once the gaps are known.
			ends = append(ends, lostEnd{lastSec, lastSecK + 1, run.interrupted, read})
		}
		if lastStart >= 0 && clauses == 0 {
			open = append(open, lastStart)
		}
		lastStart = i
		clauses = boolInt(pc.own != nil)
		interrupted, lastRead := run.interrupted, read
		read = nil
		run = stepRun{}
		// What follows a section heading says how the guide numbers: anew
		// (（一）) or on from the last section.
		switch {
		case afterHeading > 0 && pc.paren == 1:
			restarts++
		case afterHeading > 0 && pc.paren == afterHeading+1:
			continues++
		}
		afterHeading = -1
		if pc.paren == 1 && len(refs) > 0 {
			ones++
		}
		if pc.paren <= lastK && !explicit {
			if pc.paren > 1 && p.runGoesOn(at, lastK, pc.paren) || gapSection(seen, maxK, sec, pc.paren) > 0 {
				// A start moved here from elsewhere: the next bracket
				// number goes on from the one before it (a （一） there
				// rather opens a section whose heading was lost), or an earlier
				// section lacks its number between two it has. No
				// heading was lost, and the numbering goes on after it;
				// its section is settled once every section is read.
				away = append(away, moved{i, sec, 0, false})
				continue
			}
			if pc.paren > 1 && twoClauses {
				// A section whose heading and first start were moved or
				// lost begins here: the section before ends as above.
				ends = append(ends, lostEnd{lastSec, lastSecK + 1, interrupted, lastRead})
			}
			sec, lastK = sec+1, 0
			pc.headings = append(pc.headings, heading{section: true, number: sec, inferred: true})
		}
		lastK = pc.paren
		maxK[sec] = max(maxK[sec], pc.paren)
		if seen[sec] == nil {
			seen[sec] = map[int]bool{}
		}
		seen[sec][pc.paren] = true
		lastSec, lastSecK = sec, pc.paren
		refs = append(refs, ref{i, sec, pc.paren})
	}
	if lastSecK > 0 && clauses >= 2 && len(p.r.Duplicates) > 0 {
		// So too two clauses after the guide's last measure.
		ends = append(ends, lostEnd{lastSec, lastSecK + 1, run.interrupted, read})
	}
	if lastStart >= 0 && clauses == 0 {
		open = append(open, lastStart)
	}
	// A section's last start that no clause follows, with the number a
	// section end lacks whose second clause is there: the start was moved
	// on its own (glued to the block before it) and read as the last of a
	// later section, its clause staying where it was, where that clause
	// speaks of what the start grants as an owner's words usually do.
	for _, e := range ends {
		if maxK[e.sec] != e.k-1 {
			continue
		}
		for j := range refs {
			r := &refs[j]
			if r.k != e.k || r.sec == e.sec || maxK[r.sec] != r.k || !slices.Contains(open, r.i) || p.namesSection(r.i) {
				continue
			}
			if p.clauseClaims([][]int{e.clauses}, []int{r.i})[0] < unknownSimilarity {
				continue
			}
			delete(seen[r.sec], r.k)
			maxK[r.sec] = 0
			for k := range seen[r.sec] {
				maxK[r.sec] = max(maxK[r.sec], k)
			}
			r.sec = e.sec
			seen[e.sec][e.k], maxK[e.sec] = true, e.k
			break
		}
	}
	for _, m := range away {
		k := p.pieces[m.i].paren
		s := gapSection(seen, maxK, len(maxK)+1, k)
		if m.own > 0 && seen[m.own] != nil && !seen[m.own][k] && k < maxK[m.own] {
			// Its own heading names a section lacking its number: there,
			// rather than in a later section lacking it too.
			s = m.own
		}
		if s == 0 || m.open {
			// A section whose last start is k-1 and that two clauses end:
			// k's clause stayed there when its start was moved.
			for _, e := range ends {
				if e.k == k && maxK[e.sec] == k-1 && !e.moved {
					// A start whose clause is not with it: the section
					// end its clause closes, before a section lacking k.
					s = e.sec
					maxK[s] = k
					break
				}
			}
		}
		if s == 0 {
			// No section lacks it: read where it stands (a second start
			// of that number, reported as a conflict, not a new section).
			s = m.sec
		}
		if seen[s] == nil {
			seen[s] = map[int]bool{}
		}
		seen[s][k] = true
		refs = append(refs, ref{m.i, s, k})
	}
	// A clause more than the starts read is a start lost, unless a start
	// lacks its clause (the clause was moved) or a gap in a section's
	// numbers already shows the loss. Only the losses left unshown end a
	// section with a measure of its own.
	unshown := p.extraClauses() - gaps(seen, maxK)
	// A section end whose second clause interrupts the steps of the first
	// is taken last: that clause was moved there.
	// Where fewer starts were lost than section ends show two clauses,
	// the end whose clauses best repeat the words of a start no clause
	// follows (one moved away, or one read in its place) holds that
	// start's clause, moved there: it is taken after the others.
	claimed := make([]float64, len(ends))
	if len(ends) > unshown && unshown > 0 {
		pieces := make([][]int, len(ends))
		for j, e := range ends {
			pieces[j] = e.clauses
		}
		claimed = p.clauseClaims(pieces, open)
	}
	order := make([]int, len(ends))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := boolInt(ends[a].moved) - boolInt(ends[b].moved); d != 0 {
			return d
		}
		return cmp.Compare(claimed[a], claimed[b])
	})
	ends = func() []lostEnd {
		out := make([]lostEnd, len(order))
		for j, o := range order {
			out[j] = ends[o]
		}
		return out
	}()
	for _, e := range ends {
		if unshown <= 0 {
			break
		}
		if e.k > maxK[e.sec] {
			maxK[e.sec] = e.k
			unshown--
		}
	}
	secs := sortedInts(maxK)
	sort.Ints(secs)
	base := map[int]int{}
	for j, s := range secs {
		if j > 0 {
			base[s] = base[secs[j-1]] + maxK[secs[j-1]]
		}
	}
	for _, r := range refs {
		pc := &p.pieces[r.i]
		pc.start = r.k
		// Without a section heading to tell, a second （一） does.
		if restarts > continues || restarts+continues == 0 && ones > 0 {
			pc.start = base[r.sec] + r.k
			if p.numSection == nil {
				p.numSection = map[int]int{}
			}
			p.numSection[pc.start] = r.sec
		}
	}
}

// parenChain returns the bracket-numbered starts that the longest
// consistent reading of the guide leaves out: read in the order of the
// last copies, each start is given a section so that within a section the
// numbers rise, a section heading gives its own number (the headings
// rise), and a section whose heading is not there begins where the
// numbers start again. Numbers skipped cost a little (a start lost), a
// section inferred without its heading more than one start kept, in a
// guide that writes its section headings: a start moved after the last
// section would otherwise open a section of its own. What the reading
// leaves out was moved; numberParens places it in the section lacking its
// number.
func (p *parser) parenChain() map[int]bool {
	type node struct {
		i, k, h int
		closed  bool // a clause follows before the next start
	}
	var nodes []node
	topH, headed := 0, 0
	for _, i := range p.byLast {
		pc := &p.pieces[i]
		if pc.paren == 0 {
			if closesMeasure(pc) && len(nodes) > 0 {
				nodes[len(nodes)-1].closed = true
			}
			continue
		}
		h := 0
		for _, hd := range pc.headings {
			if hd.section && !hd.inferred {
				h = hd.number
			}
		}
		if h > 0 {
			headed++
		}
		topH = max(topH, h)
		nodes = append(nodes, node{i, pc.paren, h, pc.own != nil})
	}
	if len(nodes) < 3 {
		return nil
	}
	// A section inferred without its heading costs, in a guide that
	// writes its headings, more than the one start it would keep, less
	// than two: a start moved past the last section does not open one of
	// its own. A section number skipped between two headings costs a
	// start: a whole section is seldom lost.
	inferCost, refund, sectionCost := 0.3, 0.0, 0.0
	if headed >= 2 {
		inferCost, refund, sectionCost = 1.2, 0.8, 1
	}
	// Of two starts of one number, the one its clause follows is kept: a
	// start moved alone left its clause behind.
	const skipCost, closedGain = 0.01, 0.05
	// A start lost besides a heading's own costs as much as the start a
	// reading keeps: the corruption loses a heading and a measure's
	// sentence, and moves a few sentences.
	const lostStartCost = 1.0
	gain := func(n node) float64 {
		if n.closed {
			return 1 + closedGain
		}
		return 1
	}
	S := topH + 3 // sections beyond the last heading: a lost last heading
	const none = -1e9
	type cell struct {
		score        float64
		from, fs, ff int // the node, section and state before; from -1 at the start
	}
	// best[a][s][f]: the best reading ending at node a in section s, f
	// being 1 while s is an inferred section of one start.
	best := make([][][2]cell, len(nodes))
	for a := range nodes {
		best[a] = make([][2]cell, S+1)
		for s := range best[a] {
			best[a][s] = [2]cell{{none, -1, -1, 0}, {none, -1, -1, 0}}
		}
		n := nodes[a]
		s0 := 1
		if n.h > 0 {
			s0 = n.h
		}
		if s0 <= S {
			best[a][s0][0] = cell{gain(n) - skipCost*float64(n.k-1) - sectionCost*float64(s0-1), -1, -1, 0}
		}
		for b := 0; b < a; b++ {
			m := nodes[b]
			for s := 1; s <= S; s++ {
				for f := range 2 {
					prev := best[b][s][f].score
					if prev <= none/2 {
						continue
					}
					try := func(t, tf int, score float64) {
						if t <= S && score > best[a][t][tf].score {
							best[a][t][tf] = cell{score, b, s, f}
						}
					}
					switch {
					case n.h > 0 && n.h > s:
						// A heading opens its section; numbering anew or on.
						gap := n.k - 1
						if n.k > m.k {
							gap = min(gap, n.k-m.k-1)
						}
						try(n.h, 0, prev+gain(n)-skipCost*float64(gap)-sectionCost*float64(n.h-s-1))
					case n.h == 0 && n.k > m.k:
						try(s, 0, prev+gain(n)-skipCost*float64(n.k-m.k-1)+refund*float64(f))
					case n.h == 0:
						// Numbers start again without a heading: it was lost.
						// The heading stood in the sentence of its section's
						// first start, lost with it; a number after （二）
						// needs each start between lost besides.
						try(s+1, 1, prev+gain(n)-inferCost-skipCost*float64(n.k-1)-lostStartCost*float64(max(n.k-2, 0)))
					}
				}
			}
		}
	}
	ba, bs, bf, top := -1, -1, 0, none
	for a := range nodes {
		for s := 1; s <= S; s++ {
			for f := range 2 {
				if best[a][s][f].score > top {
					ba, bs, bf, top = a, s, f, best[a][s][f].score
				}
			}
		}
	}
	kept := map[int]bool{}
	for ba >= 0 {
		kept[nodes[ba].i] = true
		c := best[ba][bs][bf]
		ba, bs, bf = c.from, c.fs, c.ff
	}
	out := map[int]bool{}
	for _, n := range nodes {
		if !kept[n.i] {
			// true: no clause follows it, its own stayed where it was.
			out[n.i] = !n.closed
		}
	}
	return out
}

// stepRun follows the numbered steps read after a measure's start, to tell
// a clause moved into the measure from the clause of a measure whose start
// was lost: the steps after the latter start again, while those after a
// moved clause go on from the ones before it (1. 2. [clause 1.] 3.).
type stepRun struct {
	last        int  // the last step number read
	before, own int  // at a second clause: the step before it, and its own
	pending     bool // a second clause was read, no step after it yet
	interrupted bool // a step after a second clause went on from before it
}

// read takes piece pc, clauses being the closing clauses read so far
// since the start (pc's included).
func (r *stepRun) read(pc *piece, clauses int) {
	if closesMeasure(pc) {
		own := stepOf(pc.tail)
		if clauses >= 2 {
			r.before, r.own, r.pending = r.last, own, true
		}
		r.last = own
		return
	}
	n := stepOf(pc.text)
	if n == 0 {
		return
	}
	if r.pending && n > 1 && n == r.before+1 && n != r.own+1 {
		r.interrupted = true
	}
	r.pending, r.last = false, n
}

// gapSection returns the latest section before sec that lacks bracket
// number k between two numbers it has, or 0.
func gapSection(seen map[int]map[int]bool, maxK map[int]int, sec, k int) int {
	for s := sec - 1; s > 0; s-- {
		if seen[s] != nil && !seen[s][k] && k < maxK[s] {
			return s
		}
	}
	return 0
}

// runGoesOn reports whether the next bracket number read after k, at place
// at of p.byLast, before any section heading, is above lastK and not k+1:
// the section's run goes on past k, so k (not above lastK) was moved there
// rather than opening a section whose heading was lost, whose run k, k+1
// would be.
func (p *parser) runGoesOn(at, lastK, k int) bool {
	for _, j := range p.byLast[at+1:] {
		pc := &p.pieces[j]
		for _, h := range pc.headings {
			if h.section {
				return false
			}
		}
		if pc.paren > 0 {
			return pc.paren > lastK && pc.paren != k+1
		}
	}
	return false
}

// inOrder returns the kept sentences in the order that reads the guide
// best, and whether that is the order of their last copies. Each sentence
// is kept once, in the place of its last copy: a corruption that copied
// sentences ahead of their place leaves the last copies in it. Only where
// the first copies put the measures more nearly in their order do they
// give the places. In a guide numbering （一） anew in each section, a
// section heading moved or lost puts a whole section's numbers under
// another section's, which inversions counts as that many starts out of
// order: the first copies then give the places only where the bracket
// numbers, read without their sections, break their runs at least as
// often in the last copies' order as in theirs (see breaks).
func inOrder(all, kept []sentence, parens bool) (out []sentence, byLast bool) {
	order, _ := lastOrder(all, kept)
	first := make([]int, len(kept))
	for i := range first {
		first[i] = i
	}
	if inversions(kept, order, parens) > inversions(kept, first, parens) && (!parens || breaks(kept, order) >= breaks(kept, first)) {
		return kept, false
	}
	out = make([]sentence, len(kept))
	for i, k := range order {
		out[i] = kept[k]
	}
	return out, true
}

// inversions counts the measure starts that the order seq puts out of
// their order: those outside its longest rising run, so that one start
// displaced far counts once, not once per start it passes. A bracket-numbered measure counts by its section
// (the last section heading before it) and bracket number.
func inversions(kept []sentence, seq []int, parens bool) int {
	var keys []int
	sec := 0
	for _, k := range seq {
		pc := readPiece(k, kept[k], parens)
		for _, h := range pc.headings {
			if h.section {
				sec = h.number
			}
		}
		switch {
		case pc.start > 0:
			keys = append(keys, pc.start)
		case pc.paren > 0:
			keys = append(keys, sec*1000+pc.paren)
		}
	}
	return len(keys) - longestRising(keys)
}

// breaks counts the bracket numbers that the order seq reads neither
// after the number before them nor as a section's first (（一）): a
// number moved alone breaks the run once where it lands and once where it
// left, whichever section heading it reads under. A start read as a
// numbered measure counts as its number.
func breaks(kept []sentence, seq []int) int {
	n, last := 0, 0
	for _, k := range seq {
		pc := readPiece(k, kept[k], true)
		key := pc.paren
		if pc.start > 0 {
			key = pc.start
		}
		if key == 0 {
			continue
		}
		if key != last+1 && key != 1 {
			n++
		}
		last = key
	}
	return n
}

// longestRising returns the length of the longest strictly increasing
// subsequence of keys.
func longestRising(keys []int) int {
	var tails []int // tails[k]: the least last key of a rising run of k+1
	for _, k := range keys {
		i, _ := slices.BinarySearch(tails, k)
		if i == len(tails) {
			tails = append(tails, k)
		} else {
			tails[i] = k
		}
	}
	return len(tails)
}

// extraClauses returns, in the order of the last copies, the closing
// clauses read beyond one per bracket-numbered start, less the starts no
// clause follows before the next start. In a guide whose measures each end
// with a clause, a clause moved from one measure to another leaves one
// start without and one with two, which cancel; a measure whose start
// sentence was lost leaves its clause after the measure before, a clause
// more.
func (p *parser) extraClauses() int {
	n, open, clauses := 0, false, 0
	count := func() {
		switch {
		case !open:
		case clauses == 0:
			n--
		default:
			n += clauses - 1
		}
	}
	for _, i := range p.byLast {
		pc := &p.pieces[i]
		if pc.block != nil && pc.block.closing {
			clauses++ // a leading block closes the measure before
		}
		if pc.paren > 0 {
			count()
			open, clauses = true, boolInt(pc.own != nil)
		}
		if pc.trail != nil {
			clauses++
		}
	}
	count()
	return n
}

// gaps counts the bracket numbers each section lacks below its highest.
func gaps(seen map[int]map[int]bool, maxK map[int]int) int {
	n := 0
	for s, top := range maxK {
		for k := 1; k < top; k++ {
			if !seen[s][k] {
				n++
			}
		}
	}
	return n
}

// closesMeasure reports whether pc holds a clause that closes a measure
// before any measure starting in it: a closing block at its start or a
// clause ending it.
func closesMeasure(pc *piece) bool {
	return pc.block != nil && pc.block.closing || pc.trail != nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// clauseClaims returns, for each set of clause pieces, how closely the
// words of one (the clause and the steps after it) repeat the text of one
// of the starts open (no clause followed them): a clause moved away from
// its measure leaves the measure open and speaks of what it grants.
func (p *parser) clauseClaims(clauses [][]int, open []int) []float64 {
	out := make([]float64, len(clauses))
	if len(open) == 0 {
		return out
	}
	var docs [][]string
	var starts []int
	for i := range p.pieces {
		if p.pieces[i].paren > 0 {
			docs, starts = append(docs, grams(p.pieces[i].body)), append(starts, i)
		}
	}
	vs := newVectorSpace(docs)
	for j, cs := range clauses {
		for _, c := range cs {
			_, _, scores := vs.rank(grams(p.pieces[c].text))
			for d, i := range starts {
				if slices.Contains(open, i) {
					out[j] = max(out[j], scores[d])
				}
			}
		}
	}
	return out
}

// namesSection reports whether piece i carries a section heading of its
// own (not one inferred).
func (p *parser) namesSection(i int) bool {
	return slices.ContainsFunc(p.pieces[i].headings, func(h heading) bool { return h.section && !h.inferred })
}
