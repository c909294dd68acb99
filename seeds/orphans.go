package seeds

import (
	"math"
	"unicode"
)

// minSimilarity is the cosine below which an orphan sentence is judged to
// share nothing specific with any measure and is left unattached. Measured on
// the seed: true owners score 0.15 or more.
const minSimilarity = 0.08

// clearSimilarity is the similarity below which an attachment by content is
// reported as weak, for an operator to review.
const clearSimilarity = 0.3

// attachOrphans gives every unnumbered follow-up sentence to exactly one
// measure. First the ones whose position is trustworthy: the nearest
// measure start before them and the nearest contact block after them belong
// to the same measure. The others are then matched by content against the
// measures' text, including the follow-ups already placed.
func (p *parser) attachOrphans(first int) {
	var pending []int // orphan pieces whose position is not trustworthy
	for i := first; i < len(p.pieces); i++ {
		pc := &p.pieces[i]
		if pc.structural() {
			continue
		}
		prev, next := p.bracket(i)
		o := Orphan{Sentence: pc.text, Between: [2]int{prev, next}}
		if prev > 0 && prev == next && p.measures[prev] != nil && p.measures[prev].HasText() {
			o.Measure, o.Method = prev, ByPosition
		}
		pending = append(pending, len(p.r.Orphans))
		p.r.Orphans = append(p.r.Orphans, o)
	}
	if len(pending) == 0 {
		return
	}

	// Profiles are built once, from text and positional follow-ups, so the
	// order in which displaced sentences are matched cannot change the result.
	positional := map[int][]string{}
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Method == ByPosition {
			positional[o.Measure] = append(positional[o.Measure], o.Sentence)
		}
	}
	var nums []int
	var docs [][]string
	for _, n := range sortedInts(p.measures) {
		m := p.measures[n]
		if !m.HasText() {
			continue
		}
		doc := grams(m.Text)
		for _, d := range positional[n] {
			doc = append(doc, grams(d)...)
		}
		nums, docs = append(nums, n), append(docs, doc)
	}
	vs := newVectorSpace(docs)
	for _, k := range pending {
		o := &p.r.Orphans[k]
		q := vs.vector(grams(o.Sentence))
		if o.Method == ByPosition {
			// Position beats content: follow-ups often echo a sibling
			// measure's wording ("缓缴期间免收滞纳金"), so content alone
			// would move them to the wrong measure.
			continue
		}
		best, second := -1, -1
		scores := make([]float64, len(nums))
		for j := range nums {
			scores[j] = cosine(q, vs.docs[j])
			switch {
			case best < 0 || scores[j] > scores[best]:
				best, second = j, best
			case second < 0 || scores[j] > scores[second]:
				second = j
			}
		}
		if best < 0 || scores[best] < minSimilarity {
			o.Method = Unattached
			if best >= 0 {
				o.Score = scores[best]
			}
			continue
		}
		o.Measure, o.Method, o.Score = nums[best], BySimilarity, scores[best]
		if second >= 0 {
			o.RunnerUp, o.RunnerUpScore = nums[second], scores[second]
		}
	}
	// Positional follow-ups first, in seed order, then the displaced ones.
	for _, method := range []string{ByPosition, BySimilarity} {
		for _, k := range pending {
			if o := p.r.Orphans[k]; o.Method == method {
				m := p.measures[o.Measure]
				m.Details = append(m.Details, o.Sentence)
			}
		}
	}
}

// bracket returns the measure whose start is the nearest structural piece
// before piece i, and the measure whose contact block (or end, when the next
// measure starts without one) is the nearest structural piece after it.
func (p *parser) bracket(i int) (prev, next int) {
	for j := i - 1; j >= 0; j-- {
		if pc := &p.pieces[j]; pc.structural() {
			prev = pc.start
			break
		}
	}
	for j := i + 1; j < len(p.pieces); j++ {
		pc := &p.pieces[j]
		if !pc.structural() {
			continue
		}
		if owner, ok := p.owners[pc.pos]; ok {
			next = owner
		} else if pc.block == nil && pc.start > 0 {
			next = pc.start - 1
		}
		break
	}
	return prev, next
}

// grams returns the character bigrams of the CJK runs of s and the ASCII
// letter/digit runs as whole tokens.
func grams(s string) []string {
	var out []string
	var prev rune
	var word []rune
	flush := func() {
		if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			if prev != 0 {
				out = append(out, string([]rune{prev, r}))
			}
			prev = r
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			prev = 0
			word = append(word, r)
		default:
			flush()
			prev = 0
		}
	}
	flush()
	return out
}

// vectorSpace weighs grams by tf-idf over the measures.
type vectorSpace struct {
	idf  map[string]float64
	docs []map[string]float64
}

func newVectorSpace(docs [][]string) *vectorSpace {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, g := range d {
			if !seen[g] {
				seen[g] = true
				df[g]++
			}
		}
	}
	vs := &vectorSpace{idf: map[string]float64{}}
	for g, n := range df {
		vs.idf[g] = math.Log(1 + float64(len(docs))/float64(n))
	}
	for _, d := range docs {
		vs.docs = append(vs.docs, vs.vector(d))
	}
	return vs
}

func (vs *vectorSpace) vector(gs []string) map[string]float64 {
	v := map[string]float64{}
	for _, g := range gs {
		if w, ok := vs.idf[g]; ok {
			v[g] += w
		}
	}
	return v
}

func cosine(a, b map[string]float64) float64 {
	dot := 0.0
	for _, k := range sortedKeys(a) { // fixed summation order keeps scores reproducible
		dot += a[k] * b[k]
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(norm2(a)*norm2(b))
}

func norm2(v map[string]float64) float64 {
	n := 0.0
	for _, k := range sortedKeys(v) {
		n += v[k] * v[k]
	}
	return n
}
