package seeds

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minSimilarity is the cosine below which an orphan sentence is judged to
// share nothing specific with any measure and is left unattached. Measured on
// the seed: true owners score 0.15 or more.
const minSimilarity = 0.08

// clearSimilarity and clearMargin bound a clear content match: below that
// score, or with a runner-up closer than the margin, an attachment by content
// is reported as weak, for an operator to review, and it does not override
// a contact block's adjacency.
const (
	clearSimilarity = 0.3
	clearMargin     = 0.05
)

// attachOrphans gives every unnumbered follow-up sentence to exactly one
// measure. In the guide a measure reads "N.正文。补充句。…牵头单位：…", and the
// corruption displaced sentences together with their neighbours, so position
// is the evidence, strongest first:
//
//  1. between: the nearest measure start before the sentence and the nearest
//     contact block after it belong to the same measure (both sides agree);
//  2. before-contact: the sentence is directly followed, in the seed, by a
//     contact block, which names its measure through the number glued to its
//     end; this holds whether or not the measure's own text survived;
//  3. content: the measure whose text (with the follow-ups placed between
//     its start and contact) is most similar.
//
// One-sided adjacency (2) can be the accident of a displacement, so it yields
// to content that clearly (see clearMatch) points at another measure.
func (p *parser) attachOrphans(first int) {
	pending := p.collectOrphans(first)
	if len(pending) == 0 {
		return
	}
	nums, vs := p.profiles(pending)
	running := slices.ContainsFunc(p.pieces, func(pc piece) bool { return pc.start > 0 })
	full := p.aboveMedian(pending, nums)
	var blinds []blindOrphan
	for _, k := range pending {
		o := &p.r.Orphans[k]
		if p.closingFrom >= 0 && p.orphanPiece[k] > p.closingFrom {
			// The last section's paragraphs (see closingSection): its text.
			o.Measure, o.Method = 0, Unattached
			if sec := &p.g.Sections[len(p.g.Sections)-1]; sec.Number == p.closingNumber {
				sec.Text += o.Sentence
			}
			continue
		}
		if i := p.orphanPiece[k]; i < p.headTo {
			claimed, settled := p.headClaimed(o, nums, vs)
			if !running || p.frameSentence(i) || !claimed {
				// The guide's frame after a measure's sentence the
				// corruption put in the preamble (see trimPreamble),
				// or a sentence there that no measure claims: the
				// introduction's own.
				o.Measure, o.Method = 0, Unattached
				p.g.Preamble += o.Sentence
				continue
			}
			if settled {
				continue
			}
		}
		if pc := p.pieces[p.orphanPiece[k]]; !running || pc.final && o.Before == 0 && o.Method != ByClause || p.closingWords(p.orphanPiece[k]) {
			// Every measure is a table row: sentences in the running text
			// introduce the table, they follow no measure. And the guide's
			// last words, left without a 。 and before no contact block,
			// are its signature and date.
			o.Measure, o.Method = 0, Unattached
			continue
		}
		if o.Method != ByClause && p.corrupted() && p.speaksOfGuide(o.Sentence) && !p.frameMeasureKeeps(o) {
			// The guide's frame, moved among the measures by the
			// corruption: no measure's rule. A clause beside it names
			// its measure, and a clean text keeps it where it stands.
			o.Measure, o.Method = 0, Unattached
			continue
		}
		if o.Method != ByClause && p.cutFromText(o.Sentence) {
			// A piece of a measure's own sentence, cut short and
			// written again (see cutFromText): no follow-up of any
			// measure. A clean text has none, so this needs no sign
			// of corruption (a layout reader's rewrite can hide it).
			o.Measure, o.Method = 0, Unattached
			continue
		}
		switch o.Method {
		case ByClause:
		case ByPosition:
			p.weighPosition(o, nums, vs, full[o.Measure])
		default:
			if p.lastProvisionKeeps(o) {
				continue
			}
			if b, ok := p.placeByContent(k, nums, vs); ok {
				blinds = append(blinds, b)
			}
		}
	}
	p.placeBlind(blinds, pending)
	p.reclaimField(pending, nums, vs)
	p.placeByField(pending, nums, vs)
	p.continueSteps(pending)
	p.fillStepGaps(pending, nums, vs)
	p.relieveOverfull(pending, nums, vs)
	p.fillHoles(pending, nums, vs)
	p.giveDetails(pending)
}

// minCutRunes is the length from which a sentence found inside a
// measure's text is taken for a piece of it (see cutFromText): shorter
// ones ("详见附件") recur as words of any text.
const minCutRunes = 8

// cutFromText reports whether s, a sentence read as a follow-up, is a
// piece of some measure's text cut off inside a sentence: its words
// (without the 。 the cut left) occur in that text and the text goes on
// there within the same sentence. The corruption cut a copy of the
// measure's start where no sentence ends; a follow-up of the guide is a
// sentence of its own, and where one repeats a sentence of a text, the
// text ends that sentence where the follow-up does.
func (p *parser) cutFromText(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), "。")
	if utf8.RuneCountInString(s) < minCutRunes {
		return false
	}
	for _, n := range sortedInts(p.measures) {
		text := p.measures[n].Text
		for i := strings.Index(text, s); i >= 0; {
			r, _ := utf8.DecodeRuneInString(text[i+len(s):])
			if i+len(s) < len(text) && !strings.ContainsRune("。；;！？!?", r) {
				return true
			}
			j := strings.Index(text[i+1:], s)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// frameMeasureKeeps reports whether o, a sentence speaking of the whole
// guide, stands after the start of a measure whose own text speaks of the
// guide too (an article on the guide's scope or term: "本措施所称市场主体…",
// "本措施自印发之日起施行"), before any later start: such a measure's rule
// is the frame's, and its follow-ups are its own. After the last start
// position gives it that measure.
//
// The guide's closing words written into its last measure's block, between
// that measure's start and directly before its contact block, stay there
// too, in doubt (no measure's rule): the corruption interleaves the frame
// with the opening measures, and a sentence moved alone lands directly
// before the last block only by chance.
func (p *parser) frameMeasureKeeps(o *Orphan) bool {
	prev, next := o.Between[0], o.Between[1]
	m := p.measures[prev]
	if o.Method == ByPosition && o.Before == prev && prev == slices.Max(sortedInts(p.measures)) {
		o.Doubtful = true
		return true
	}
	if prev <= 0 || next != prev && next != 0 || m == nil || !m.HasText() || !p.speaksOfGuide(m.Text) {
		return false
	}
	if o.Method == "" {
		o.Measure, o.Method = prev, ByPosition
	}
	return true
}

// lastProvisionKeeps reports whether o, a sentence after the last
// measure's start with no contact block after it, belongs to that measure
// by position because the measure is a provision on the document (its
// text opens as one: "本细则自2022年8月1日起施行…", see frameArticle), and
// gives it that measure. Such an article's further sentences ("国家、省、市
// 出台新规定的，从其规定") share no words with it and would otherwise go by
// content to whichever measure says 规定. In a corrupted text the sentence
// may have been moved there: it stays, in doubt.
func (p *parser) lastProvisionKeeps(o *Orphan) bool {
	prev := o.Between[0]
	if o.Between[1] != 0 || prev <= 0 || prev != slices.Max(sortedInts(p.measures)) {
		return false
	}
	if m := p.measures[prev]; m == nil || !m.HasText() || !frameArticle.MatchString(stripSpace(m.Text)) {
		return false
	}
	o.Measure, o.Method = prev, ByPosition
	o.Doubtful = p.corrupted()
	return true
}

// closingWords reports whether piece i stands after the guide's last
// measure's own block with nothing structural after it: the guide's
// closing words ("企业对政策有其他疑问的，可拨打…热线。"), which follow no
// measure. The unterminated last piece is handled apart (pc.final).
func (p *parser) closingWords(i int) bool {
	prev := -1
	for j := i - 1; j >= 0; j-- {
		if p.pieces[j].structural() {
			prev = j
			break
		}
	}
	if prev < 0 || p.pieces[prev].block == nil || p.pieces[prev].start > 0 {
		return false
	}
	owner, ok := p.owners[p.pieces[prev].pos]
	if !ok || owner != slices.Max(sortedInts(p.measures)) {
		return false
	}
	for _, pc := range p.pieces[i+1:] {
		if pc.structural() {
			return false
		}
	}
	return true
}

// collectOrphans records every unnumbered follow-up sentence from piece
// first on in Report.Orphans with its positional evidence (Between,
// Before) and, where position or a closing clause settles it, its measure
// (ByPosition, ByContactBlock, ByClause). It returns the indexes of the
// records it added.
func (p *parser) collectOrphans(first int) []int {
	var pending []int // indexes into p.r.Orphans of this parse
	for i := first; i < len(p.pieces); i++ {
		pc := &p.pieces[i]
		if pc.table {
			continue
		}
		text := pc.text
		if pc.structural() {
			// The text beside a closing clause belongs to the clause's measure.
			if text = pc.pre + pc.tail; text == "" {
				continue
			}
		}
		prev, next := p.bracket(i)
		o := Orphan{Sentence: text, Between: [2]int{prev, next}}
		if !pc.structural() {
			o.Before = p.blockAfter(i)
		}
		switch owner := p.blockOf[pc.pos]; {
		case pc.structural() && owner > 0:
			o.Measure, o.Method = owner, ByClause
		case o.Before > 0 && p.gluedToDisplaced(i):
			o.Measure, o.Method = o.Before, ByContactBlock
		case prev > 0 && prev == next && p.measures[prev] != nil && p.measures[prev].HasText():
			o.Measure, o.Method = prev, ByPosition
		case o.Before > 0:
			o.Measure, o.Method = o.Before, ByContactBlock
		}
		pending = append(pending, len(p.r.Orphans))
		p.r.Orphans = append(p.r.Orphans, o)
		p.orphanPiece = append(p.orphanPiece, i)
	}
	return pending
}

// gluedToDisplaced reports whether piece i, a follow-up left without its
// 。, was cut from the sentence of the displaced start after it (see
// markDisplaced): the corruption moved the two together, with the contact
// block glued to that start, so the block's measure is its own, not the
// measure whose text they landed in ("…公告》（2022年第14号）咨询部门：…
// 2. 问：…" moved into 7's text: "（2022年第14号）" is 1's). A layout
// reader that ends such a line with 。 hides the cut.
func (p *parser) gluedToDisplaced(i int) bool {
	j := p.next[i]
	return j >= 0 && p.displaced[j] && p.pieces[j].block != nil && !strings.HasSuffix(p.pieces[i].text, "。")
}

// profiles returns the measures with text and a vector space of their
// content profiles: the text and the follow-ups placed between the
// measure's start and contact (or beside its clause). Profiles are built
// once, so the order in which sentences are matched cannot change the
// result; a sentence scored against its own measure's profile is taken out
// of it first (rankWithout).
func (p *parser) profiles(pending []int) ([]int, *vectorSpace) {
	between := map[int][]string{}
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Method == ByPosition || o.Method == ByClause {
			between[o.Measure] = append(between[o.Measure], o.Sentence)
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
		for _, d := range between[n] {
			doc = append(doc, grams(d)...)
		}
		nums, docs = append(nums, n), append(docs, doc)
	}
	return nums, newVectorSpace(docs)
}

// weighPosition records the content evidence of o, placed between its
// measure's start and contact (Score: its own measure, RunnerUp: the best
// other), and moves it only where the text shows corruption, it shares
// next to nothing with this measure (below foreignSimilarity) and plainly
// more with another (movedSimilarity, clearMargin ahead of every other): a
// sentence displaced alone into another measure's text, unless it also
// stands directly before that measure's own contact block. The move stays
// doubtful. Two-sided position otherwise beats content: follow-ups often
// echo a sibling measure's wording ("缓缴期间免收滞纳金").
func (p *parser) weighPosition(o *Orphan, nums []int, vs *vectorSpace, full bool) {
	best, second, scores := vs.rankWithout(grams(o.Sentence), slices.Index(nums, o.Measure))
	own := scoreOf(nums, scores, o.Measure)
	o.Score = own
	if b := otherBest(nums, scores, o.Measure); b >= 0 {
		o.RunnerUp, o.RunnerUpScore = nums[b], scores[b]
	}
	switch {
	case best < 0 || nums[best] == o.Measure || !p.corrupted():
	case own < foreignSimilarity && scores[best] >= movedSimilarity && scores[best]-max(scoreAt(scores, second), own) >= clearMargin && o.Before == o.Measure:
		// Directly before its measure's own block as well: a sentence
		// moved alone lands there only by chance, while the last
		// follow-up of a measure often echoes another measure (a
		// policy list's 办理方式 line). The place stands, in doubt.
		o.Doubtful = true
	case own < foreignSimilarity && scores[best] >= movedSimilarity && scores[best]-max(scoreAt(scores, second), own) >= clearMargin && nearNumber(o.Measure, nums[best]):
		// Between its measure's start and block, and echoing the
		// measure next to it (see nearNumber): the place stands, in
		// doubt.
		o.Doubtful = true
	case own < foreignSimilarity && scores[best] >= movedSimilarity && scores[best]-max(scoreAt(scores, second), own) >= clearMargin:
		o.Measure, o.Method, o.Score, o.RunnerUp, o.RunnerUpScore = nums[best], BySimilarity, scores[best], o.Measure, own
		o.Doubtful = true
	case own < noSimilarity && scores[best] >= unknownSimilarity && full && o.Before != o.Measure:
		// Practically nothing in common with its place, as much with
		// another measure as a true owner usually has, and a place
		// holding more follow-ups than the guide's median measure: a
		// sentence moved alone into its text (one that lands directly
		// before the block is rarer than a measure's last follow-up
		// echoing another). Moved, in doubt.
		o.Measure, o.Method, o.Score, o.RunnerUp, o.RunnerUpScore = nums[best], BySimilarity, scores[best], o.Measure, own
		o.Doubtful = true
	case own < noSimilarity && scores[best] >= unknownSimilarity:
		// Practically nothing in common with its place, and as much with
		// another measure as a true owner usually has: the place stands,
		// in doubt.
		o.Doubtful = true
	}
}

// placeByContent places orphan k, which position did not settle (at most
// a one-sided adjacency to a contact block), weighing content against what
// position allows. Where the measures its place allows include one without
// text, it returns the orphan for placeBlind (true) instead.
//
// One-sided adjacency can be the accident of a displacement, so it yields
// to content that clearly (see clearMatch) points at another measure while
// the block's own measure scores below a true owner's usual score
// (unknownSimilarity); content that only leans elsewhere leaves it
// standing, in doubt.
func (p *parser) placeByContent(k int, nums []int, vs *vectorSpace) (blindOrphan, bool) {
	o := &p.r.Orphans[k]
	best, second, scores := vs.rank(grams(o.Sentence))
	near := p.nearBy(*o)
	if p.blind(near) && (best < 0 || p.adjacent(*o) && scores[best] < decisiveSimilarity || !farClear(near, nums[best], scores[best], max(scoreAt(scores, second), unknownSimilarity))) {
		return p.blindCandidates(k, near, nums, scores)
	}
	if len(near) == 2 && p.adjacent(*o) && (best < 0 || !farClear(near, nums[best], scores[best], scoreAt(scores, second))) {
		// An adjacent stretch whose two measures both kept their text:
		// the corruption kept its order too, the earlier measure's
		// follow-ups first, so its sentences are placed together, in
		// order (see placeBlind), not one by one.
		return p.blindCandidates(k, near, nums, scores)
	}
	if len(near) > 0 && (best < 0 || p.adjacent(*o) && bestAmong(near, nums, scores) >= foreignSimilarity ||
		!farClear(near, nums[best], scores[best], scoreAt(scores, second))) && p.placeAmong(o, near, nums, scores) {
		return blindOrphan{}, false
	}
	if o.Method == ByContactBlock {
		if best < 0 || nums[best] == o.Measure {
			return blindOrphan{}, false
		}
		if !clearMatch(scores[best], scoreAt(scores, second)) || scoreOf(nums, scores, o.Measure) >= unknownSimilarity || nearNumber(o.Measure, nums[best]) {
			// Content leans elsewhere, not clearly, or the block's own
			// measure scores as a true owner usually does (measures on
			// one topic share their words, so another may score higher
			// still), or it names the block's neighbour (see
			// nearNumber): the adjacency stands, in doubt.
			o.Doubtful, o.RunnerUp, o.RunnerUpScore = true, nums[best], scores[best]
			if j := slices.Index(nums, o.Measure); j >= 0 {
				o.Score = scores[j]
			}
			return blindOrphan{}, false
		}
		// Content clearly names another measure: the adjacency is taken
		// for the accident of a displacement.
	}
	if best < 0 || scores[best] < minSimilarity {
		o.Measure, o.Method = 0, Unattached
		if best >= 0 {
			o.Score = scores[best]
		}
		return blindOrphan{}, false
	}
	o.Measure, o.Method, o.Score = nums[best], BySimilarity, scores[best]
	if second >= 0 {
		o.RunnerUp, o.RunnerUpScore = nums[second], scores[second]
	}
	o.Doubtful = o.Weak()
	return blindOrphan{}, false
}

// placeAmong settles o among the measures its position allows (near) when
// content alone is not clear, and reports whether it did: the best of them
// by content takes it, unless o stands before a contact block and the best
// is that block's measure or not clearly ahead of it. A match too weak to
// count leaves a contact block's adjacency standing (settled) and anything
// else to content at large (not settled), except in an adjacent stretch
// (see adjacent), which keeps it, in doubt.
func (p *parser) placeAmong(o *Orphan, near, nums []int, scores []float64) bool {
	c, sc, run, runSc := rankAmong(near, nums, scores)
	if c <= 0 || o.Method == ByContactBlock && (c == o.Measure || sc < runSc+clearMargin) {
		return false
	}
	if sc < minSimilarity && !p.adjacent(*o) {
		return o.Method == ByContactBlock
	}
	o.Measure, o.Method, o.Score, o.RunnerUp, o.RunnerUpScore = c, BySimilarity, sc, run, runSc
	o.Doubtful = !clearMatch(sc, runSc)
	return true
}

// giveDetails appends each attached orphan to its measure's Details, in
// seed order whatever the evidence, and marks the doubtful ones.
func (p *parser) giveDetails(pending []int) {
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Measure > 0 {
			m := p.measure(o.Measure)
			if o.Doubtful {
				m.Doubtful = append(m.Doubtful, len(m.Details))
			}
			if o.Doubtful && o.Method == ByContactBlock && o.RunnerUp > 0 && o.RunnerUpScore < clearSimilarity {
				// The block's adjacency against a lean that is not clear:
				// the doubt is weak (Measure.Leaning).
				m.Leaning = append(m.Leaning, len(m.Details))
			}
			m.Details = append(m.Details, o.Sentence)
		}
	}
}

// nearBy returns the measures o's position allows: from the start before it
// to the measure whose contact follows it, at most three.
func (p *parser) nearBy(o Orphan) []int {
	a, b := o.Between[0], o.Between[1]
	if o.Before > 0 {
		b = o.Before
	}
	if a <= 0 && b > 0 && b == slices.Min(sortedInts(p.measures)) {
		return []int{b} // before the first measure's contact, no start before it
	}
	if a <= 0 || b <= 0 {
		return nil
	}
	lo, hi := min(a, b), max(a, b)
	if hi-lo > 2 {
		return []int{a, b}
	}
	var out []int
	for n := lo; n <= hi; n++ {
		out = append(out, n)
	}
	return out
}

// decisiveSimilarity is the content score that outweighs an adjacent
// stretch (see adjacent) where one of its two measures lost its text: the
// sentence all but repeats another measure's words. Below it, content that
// names a measure far away is a follow-up's echo of a sibling topic as
// often as not, and the stretch, whose lost measure content cannot speak
// for, keeps it.
const decisiveSimilarity = 2 * clearSimilarity

// adjacent reports whether o stands between the start of one measure and
// the contact of the next: a stretch that only those two own, whose
// sentence between them (the first's contact and the second's start) was
// lost or moved away. Content elsewhere does not outweigh that place
// unless the sentence shares next to nothing with either. Where stretches
// of the text were interleaved (p.interleaved), a sentence's neighbours
// may come from the other stretch, and the place proves nothing.
func (p *parser) adjacent(o Orphan) bool {
	if p.interleaved {
		return false
	}
	a, b := o.Between[0], o.Between[1]
	if o.Before > 0 {
		b = o.Before
	}
	return a > 0 && b == a+1
}

func bestAmong(cands, nums []int, scores []float64) float64 {
	_, sc, _, _ := rankAmong(cands, nums, scores)
	return sc
}

// rankAmong returns the best and second best of cands by score.
func rankAmong(cands, nums []int, scores []float64) (best int, score float64, second int, secondScore float64) {
	for _, c := range cands {
		switch sc := scoreOf(nums, scores, c); {
		case best == 0 || sc > score:
			second, secondScore = best, score
			best, score = c, sc
		case second == 0 || sc > secondScore:
			second, secondScore = c, sc
		}
	}
	return best, score, second, secondScore
}

// otherBest returns the index of the best score of a measure other than n,
// or -1.
func otherBest(nums []int, scores []float64, n int) int {
	b := -1
	for j, sc := range scores {
		if nums[j] != n && (b < 0 || sc > scores[b]) {
			b = j
		}
	}
	return b
}

// corrupted reports whether the text shows the corruption that displaces
// sentences: copies of sentences, or measure starts out of order. In a
// text without either, a sentence between a measure's start and its
// contact is where the guide wrote it, whatever its words.
func (p *parser) corrupted() bool {
	return p.copied() || p.interleaved || len(p.displaced) > 0
}

// copied reports whether the text holds copies of sentences that the
// guide would not repeat itself. A policy list repeats some of its fields
// word for word ("办理方式：免申即享。" under several measures): copies of a
// labelled field alone show no corruption. Any layout may cite one source
// document under several measures ("政策依据：《…》" in a Q&A guide), so
// copies of a citation show none either, nor does a short stock phrase
// that closes several measures ("长期执行。").
func (p *parser) copied() bool {
	return slices.ContainsFunc(p.r.Duplicates, func(d Duplicate) bool {
		if utf8.RuneCountInString(d.Sentence) <= stockPhrase {
			return false
		}
		slot := slotOf(d.Sentence)
		return slot < 0 || !p.fields && slot != citationSlot
	})
}

// stockPhrase is the length (in characters, its 。 counted) up to which a
// repeated sentence is a phrase the guide itself repeats.
const stockPhrase = 6

// citationSlot is the detailSlots group of a measure's 政策依据 line.
var citationSlot = slotOf("政策依据：")

// movedSimilarity is the content score that moves a follow-up away from
// its two-sided place when it shares next to nothing with that measure
// (see weighPosition). Measured with the follow-up figure
// (TestFollowUpsByEvidence, 20 seeds): from 0.22 to 0.26 the figure is
// flat and a clear match (0.3) leaves more moved sentences where they
// landed; at 0.2 and below it takes true follow-ups that share nothing
// with their own measure ("…投保上述险种的…") to a measure that shares
// their words.
const movedSimilarity = 0.25

// noSimilarity is the score below which a sentence shares practically no
// words with a measure. Measured on the scrambled copies: of the follow-ups
// kept between a measure's start and contact that score below it there
// and 0.15 elsewhere, about two in five are misplaced (one in forty of all
// kept there); with 0.05 one in five.
const noSimilarity = 0.02

// foreignSimilarity is the score below which a sentence shares next to
// nothing with the measure its position names.
const foreignSimilarity = 0.05

func scoreOf(nums []int, scores []float64, n int) float64 {
	if j := slices.Index(nums, n); j >= 0 {
		return scores[j]
	}
	return 0
}

// clearMatch reports whether a content match is clear enough to stand on its
// own: a good score and a runner-up well behind. Below this the report marks
// an attachment by content WEAK.
// headClaimed reports whether a measure claims o, a sentence
// trimPreamble took out of the preamble, and whether it settled o's
// measure. The contact block that ends the head claims the sentences
// before it (the first measure's start was lost or moved, its follow-ups
// and block stayed), unless content clearly names another measure. Any
// other sentence there is claimed by content: clearly (see clearMatch),
// and then placed as any other orphan, or by a lean towards the guide's
// first measure (its text read), which then takes it, in doubt. The
// corruption puts the first measure's sentences before its start (the
// start moved or lost, or they moved alone), while the introduction's own
// words lean, if anywhere, towards measures far down the guide.
func (p *parser) headClaimed(o *Orphan, nums []int, vs *vectorSpace) (claimed, settled bool) {
	best, second, scores := vs.rank(grams(o.Sentence))
	clear := best >= 0 && clearMatch(scores[best], scoreAt(scores, second))
	if o.Method == "" {
		if b := p.headBlock(); b > 0 && (!clear || nums[best] == b) {
			o.Measure, o.Method, o.Doubtful = b, ByContactBlock, true
			return true, true
		}
	}
	switch {
	case o.Method == ByContactBlock:
		return !clear || nums[best] == o.Measure, false
	case clear:
		return true, false
	case best >= 0 && best == 0 && nums[0] == 1 && scores[best] >= minSimilarity:
		o.Measure, o.Method, o.Score, o.Doubtful = nums[0], BySimilarity, scores[0], true
		if second >= 0 {
			o.RunnerUp, o.RunnerUpScore = nums[second], scores[second]
		}
		return true, true
	}
	return false, false
}

// headBlock returns the measure of the contact block that ends the head
// trimPreamble cut (the guide's first structural piece), 0 if that piece
// holds no block.
func (p *parser) headBlock() int {
	if p.headTo <= 0 || p.headTo >= len(p.pieces) || p.pieces[p.headTo].block == nil {
		return 0
	}
	if owner, ok := p.owners[p.pieces[p.headTo].pos]; ok {
		return owner
	}
	return max(p.pieces[p.headTo].start-1, 0)
}

func clearMatch(score, runnerUp float64) bool {
	return score >= clearSimilarity && score-runnerUp >= clearMargin
}

func scoreAt(scores []float64, i int) float64 {
	if i < 0 {
		return 0
	}
	return scores[i]
}

// bracket returns the measure whose start is the nearest structural piece
// before piece i, and the measure whose contact block (or end, when the next
// measure starts without one) is the nearest structural piece after it.
func (p *parser) bracket(i int) (prev, next int) {
	return p.bracketIn(nil, i)
}

// bracketIn is bracket over the pieces in the order seq (nil: kept order).
func (p *parser) bracketIn(seq []int, i int) (prev, next int) {
	at := func(k int) *piece {
		if seq == nil {
			return &p.pieces[k]
		}
		return &p.pieces[seq[k]]
	}
	k := i
	if seq != nil {
		k = slices.Index(seq, i)
	}
	for j := k - 1; j >= 0; j-- {
		if pc := at(j); pc.structural() && !pc.table && !p.displaced[pc.pos] {
			prev = p.opens(pc)
			break
		}
	}
	for j := k + 1; j < len(p.pieces); j++ {
		pc := at(j)
		if !pc.structural() || pc.table || p.displaced[pc.pos] {
			continue
		}
		next = p.closes(pc)
		break
	}
	return prev, next
}

// closes returns the measure whose text piece pc ends: the owner of its
// contact block or clause, or the measure before the one starting there.
func (p *parser) closes(pc *piece) int {
	if owner, ok := p.owners[pc.pos]; ok {
		return owner
	}
	if pc.trail != nil || pc.block != nil && pc.block.closing && pc.start == 0 {
		return p.blockOf[pc.pos]
	}
	if pc.block == nil && pc.start > 0 {
		return pc.start - 1
	}
	return 0
}

// opens returns the measure that the text after piece pc belongs to: the
// measure starting there, or the one a closing clause there ends (its steps
// may follow the clause).
func (p *parser) opens(pc *piece) int {
	if pc.start > 0 {
		return pc.start
	}
	if pc.trail != nil || pc.block != nil && pc.block.closing {
		return p.blockOf[pc.pos]
	}
	return 0
}

// blockAfter returns the measure whose contact block directly follows piece
// i in the seed, or 0. The seed's sentence order, duplicates included, is
// what counts: a displaced follow-up travels with the sentence after it, and
// a copy of a contact block names the same measure as the original. Of a
// duplicated follow-up the copy that gave it its place is taken (see
// inOrder): the first, or the last where the copies stand ahead of their
// places, and then what follows it among the last copies (an earlier copy
// of the next sentence stands elsewhere).
func (p *parser) blockAfter(i int) int {
	j := p.next[i]
	if j < 0 || p.pieces[j].block == nil {
		return 0
	}
	if owner, ok := p.owners[j]; ok {
		return owner
	}
	return max(p.pieces[j].start-1, 0) // a block whose measure also has another one
}

// lastOrder returns the kept sentences in the order of their last copies in
// the seed, and for each the kept sentence after its last copy (-1 at the
// end).
func lastOrder(all, kept []sentence) (order, next []int) {
	index := make(map[string]int, len(kept))
	for i, s := range kept {
		index[s.text] = i
	}
	last := make([]int, len(kept))
	next = make([]int, len(kept))
	for i, s := range all {
		k := index[s.text]
		last[k], next[k] = i, -1
		if i+1 < len(all) {
			next[k] = index[all[i+1].text]
		}
	}
	order = make([]int, len(kept))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return last[a] - last[b] })
	return order, next
}

// successors maps each kept sentence to the kept sentence that follows its
// first copy in the seed, or -1 at the end.
func successors(all, kept []sentence) []int {
	index := make(map[string]int, len(kept))
	for i, s := range kept {
		index[s.text] = i
	}
	next := make([]int, len(kept))
	for i := range next {
		next[i] = -1
	}
	seen := make(map[string]bool, len(kept))
	for i, s := range all {
		if seen[s.text] {
			continue
		}
		seen[s.text] = true
		if i+1 < len(all) {
			next[index[s.text]] = index[all[i+1].text]
		}
	}
	return next
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
	idf   map[string]float64
	docs  []map[string]float64
	norms []float64 // norm2 of each doc
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
		v := vs.vector(d)
		vs.docs, vs.norms = append(vs.docs, v), append(vs.norms, norm2(v))
	}
	return vs
}

// rank scores gs against every document and returns the best and second
// best document (-1 if none) with all scores.
func (vs *vectorSpace) rank(gs []string) (best, second int, scores []float64) {
	q := vs.vector(gs)
	qn, keys := norm2(q), sortedKeys(q)
	best, second = -1, -1
	scores = make([]float64, len(vs.docs))
	for j, d := range vs.docs {
		scores[j] = cosineNorm(q, keys, qn, d, vs.norms[j])
		switch {
		case best < 0 || scores[j] > scores[best]:
			best, second = j, best
		case second < 0 || scores[j] > scores[second]:
			second = j
		}
	}
	return best, second, scores
}

// rankWithout is rank with the grams gs taken out of document j first
// (j < 0: none): a sentence that is part of a document's profile is
// compared with the rest of it.
func (vs *vectorSpace) rankWithout(gs []string, j int) (best, second int, scores []float64) {
	return vs.rankExcluding(gs, gs, j)
}

// rankExcluding is rank of gs with the grams out taken out of document j
// first (j < 0: none).
func (vs *vectorSpace) rankExcluding(gs, out []string, j int) (best, second int, scores []float64) {
	if j < 0 || len(out) == 0 {
		return vs.rank(gs)
	}
	doc, norm := vs.docs[j], vs.norms[j]
	rest := make(map[string]float64, len(doc))
	for g, w := range doc {
		rest[g] = w
	}
	for g, w := range vs.vector(out) {
		if rest[g] -= w; rest[g] < 1e-9 {
			delete(rest, g)
		}
	}
	vs.docs[j], vs.norms[j] = rest, norm2(rest)
	defer func() { vs.docs[j], vs.norms[j] = doc, norm }()
	return vs.rank(gs)
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

// cosineNorm is the cosine of a and b given a's sorted keys and both norms
// (norm2): a fixed summation order keeps scores reproducible.
func cosineNorm(a map[string]float64, keys []string, an float64, b map[string]float64, bn float64) float64 {
	dot := 0.0
	for _, k := range keys {
		dot += a[k] * b[k]
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(an*bn)
}

func norm2(v map[string]float64) float64 {
	n := 0.0
	for _, k := range sortedKeys(v) {
		n += v[k] * v[k]
	}
	return n
}

// stepAt reads the number of a step that opens a sentence ("2.…", "（2）…",
// or "具体流程：1.…" after a short label or two, "具体流程：办理方式：（1）…"),
// or 0.
var stepAt = regexp.MustCompile(`^(?:[^。：:]{1,12}[：:]){0,2}(?:(\d{1,2})[.．]\D|[（(](\d{1,2})[）)])`)

func stepOf(s string) int {
	m := stepAt.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1] + m[2])
	return n
}

// continueSteps gives a numbered step that only content or a one-sided
// adjacency placed to the measure of the step before it: the corruption
// keeps the order, and "2." continues the list whose "1." came last. Steps
// placed between their measure's start and contact keep that place.
func (p *parser) continueSteps(pending []int) {
	p.listEnds(pending)
	last, lastMeasure := 0, 0 // the last step read and its measure
	for _, k := range pending {
		o := &p.r.Orphans[k]
		n := stepOf(o.Sentence)
		if n == 0 {
			continue
		}
		if n == last+1 && lastMeasure > 0 && o.Measure != lastMeasure && o.Method != ByPosition && o.Method != ByClause {
			o.Measure, o.Method, o.Score, o.RunnerUp, o.RunnerUpScore, o.Doubtful = lastMeasure, ByNumbering, 0, 0, 0, false
		}
		last, lastMeasure = n, o.Measure
	}
}

// listEnds gives a list of numbered steps whose first steps only content
// placed the measure whose contact block directly follows a later step
// of it, before any step that position or a clause settled: the
// corruption keeps the list's order, so the list ends at that block, and
// content (the steps' words echo every measure handled by the same unit)
// is weaker evidence than that end. continueSteps then carries the
// measure along the list.
func (p *parser) listEnds(pending []int) {
	var run []int // the list being read: its steps so far, none settled
	last := 0
	end := func() {
		if len(run) < 2 {
			return
		}
		first := &p.r.Orphans[run[0]]
		for _, k := range run[1:] {
			if o := p.r.Orphans[k]; o.Method == ByContactBlock && o.Measure == o.Before && o.Measure != first.Measure {
				first.Measure, first.Method, first.Score, first.RunnerUp, first.RunnerUpScore, first.Doubtful = o.Measure, ByNumbering, 0, 0, 0, false
				return
			}
		}
	}
	for _, k := range pending {
		o := p.r.Orphans[k]
		n := stepOf(o.Sentence)
		if n == 0 {
			continue
		}
		if n != last+1 || o.Method == ByPosition || o.Method == ByClause {
			end()
			run = run[:0]
		}
		last = n
		if o.Method == ByPosition || o.Method == ByClause {
			continue // a settled step opens no list of this kind
		}
		if n == 1 || len(run) > 0 {
			run = append(run, k)
		}
	}
	end()
}

// fillStepGaps moves a numbered step that does not fit the list of the
// measure it was placed on to the measure whose list has the hole of its
// number (the step before it and not its number). A step n does not fit
// where its measure has no step n-1, or has a second step n: the one not
// directly followed by the measure's step n+1, or, where the measure has
// no step n+1, the one not directly after its step n-1. The corruption
// moved the sentence alone into another measure's text, where its number
// continues nothing; the list it left has a hole. Where several lists have
// that hole, the one whose words the step clearly shares most takes it, in
// doubt (numbered steps are the same few clauses in every list, so words
// alone would not move it); where none, or none clearly, it stays.
func (p *parser) fillStepGaps(pending, nums []int, vs *vectorSpace) {
	steps := map[int]map[int]int{} // measure -> step number -> how many
	var order []int                // the numbered steps, in seed order
	for _, k := range pending {
		o := p.r.Orphans[k]
		if n := stepOf(o.Sentence); n > 0 && o.Measure > 0 {
			if steps[o.Measure] == nil {
				steps[o.Measure] = map[int]int{}
			}
			steps[o.Measure][n]++
			order = append(order, k)
		}
	}
	for i, k := range order {
		o := &p.r.Orphans[k]
		n, own := stepOf(o.Sentence), steps[o.Measure]
		fits := n == 1 || own[n-1] > 0
		if own[n] > 1 && own[n+1] > 0 && !p.stepBefore(order[i+1:], o.Measure, n+1) {
			fits = false // the other step n is the one its n+1 follows
		}
		if own[n] > 1 && own[n+1] == 0 && n > 1 && !p.stepAfter(order[:i], o.Measure, n-1) {
			fits = false // the other step n is the one that follows its n-1
		}
		if f, ok := p.twinFits(order, k, nums, vs); own[n] > 1 && ok {
			fits = f
		}
		if fits {
			continue
		}
		var holes []int
		for _, m := range sortedInts(steps) {
			if m != o.Measure && (n == 1 || steps[m][n-1] > 0) && steps[m][n] == 0 && (n > 1 || steps[m][2] > 0) {
				holes = append(holes, m)
			}
		}
		hole, doubtful := 0, false
		switch {
		case len(holes) == 1:
			hole = holes[0]
		case len(holes) > 1:
			// Several lists lack step n: the one whose words the step
			// shares most, clearly, in doubt.
			_, _, scores := vs.rank(grams(o.Sentence))
			c, sc, _, runSc := rankAmong(holes, nums, scores)
			if sc >= minSimilarity && sc-runSc >= clearMargin {
				hole, doubtful = c, true
			}
		}
		if hole <= 0 {
			continue
		}
		own[n]--
		steps[hole][n]++
		o.Measure, o.Method, o.Score, o.RunnerUp, o.RunnerUpScore, o.Doubtful = hole, ByNumbering, 0, 0, 0, doubtful
	}
}

// twinFits settles which of two steps of one number placed on one measure
// is its own when their words tell clearly, and reports whether they did:
// step k fits where the measure's text and follow-ups share clearly more
// (clearMargin) with it than with its twin, and does not where clearly
// less. Order cannot tell them apart: a sentence moved alone lands before
// its twin as often as after it (between step n-1 and n, or between n and
// the contact block), while the intruder shares next to nothing with the
// measure it landed in.
func (p *parser) twinFits(order []int, k int, nums []int, vs *vectorSpace) (fits, ok bool) {
	o := p.r.Orphans[k]
	n := stepOf(o.Sentence)
	twin := -1
	for _, j := range order {
		if q := p.r.Orphans[j]; j != k && q.Measure == o.Measure && stepOf(q.Sentence) == n {
			if twin >= 0 {
				return false, false // three or more: order decides
			}
			twin = j
		}
	}
	if twin < 0 {
		return false, false
	}
	// Each is scored against the measure's other text: without either
	// twin, so that two near copies of one step do not lift each other.
	j := slices.Index(nums, o.Measure)
	if j < 0 {
		return false, false
	}
	var out []string
	for _, x := range []int{k, twin} {
		if q := p.r.Orphans[x]; q.Method == ByPosition || q.Method == ByClause {
			out = append(out, grams(q.Sentence)...)
		}
	}
	_, _, a := vs.rankExcluding(grams(o.Sentence), out, j)
	_, _, b := vs.rankExcluding(grams(p.r.Orphans[twin].Sentence), out, j)
	mine, theirs := a[j], b[j]
	switch {
	case mine-theirs >= clearMargin:
		return true, true
	case theirs-mine >= clearMargin:
		return false, true
	}
	return false, false
}

// stepAfter reports whether the last step of measure m in done is step n.
func (p *parser) stepAfter(done []int, m, n int) bool {
	for _, k := range slices.Backward(done) {
		if o := p.r.Orphans[k]; o.Measure == m {
			return stepOf(o.Sentence) == n
		}
	}
	return false
}

// stepBefore reports whether the next step of measure m in rest is step n.
func (p *parser) stepBefore(rest []int, m, n int) bool {
	for _, k := range rest {
		if o := p.r.Orphans[k]; o.Measure == m {
			return stepOf(o.Sentence) == n
		}
	}
	return false
}

// aboveMedian returns the measures with text that hold more follow-ups
// between their start and contact than the median such measure (the
// upper one of an even count).
func (p *parser) aboveMedian(pending, nums []int) map[int]bool {
	held := map[int]int{}
	for _, k := range pending {
		if o := p.r.Orphans[k]; o.Method == ByPosition {
			held[o.Measure]++
		}
	}
	if len(nums) == 0 {
		return nil
	}
	counts := make([]int, 0, len(nums))
	for _, n := range nums {
		counts = append(counts, held[n])
	}
	slices.Sort(counts)
	median := counts[len(counts)/2]
	out := map[int]bool{}
	for _, n := range nums {
		if held[n] > median {
			out[n] = true
		}
	}
	return out
}

// nearNumber reports whether measure b is measure a or a neighbour of it.
// Measures next to each other share a topic (社保缓缴 for the 特困行业,
// then for the other trades), so a follow-up often echoes its neighbour's
// wording more than its own measure's title-like first sentence; a
// sentence the corruption moved alone lands anywhere, rarely next to its
// own measure. Content naming a neighbour is thus no evidence of a move.
func nearNumber(a, b int) bool { return b >= a-1 && b <= a+1 }
