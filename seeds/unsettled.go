package seeds

import (
	"slices"
	"strings"
)

// A block that only its place gives a measure (a clause after the
// measure's text, the unterminated block that ends the text) names the
// measure whose start stands before it, unless a later measure's start was
// lost: the block is then that measure's. For a measure before the last,
// a later number that starts while the next never does shows the loss
// (see nextLost). After the last measure that starts, nothing can: the
// lost start would have been the guide's last. Where the guide glues
// blocks of this kind to the next measure's number, losing that sentence
// takes the last measure's own block with it and leaves the lost
// measure's, which then reads as the last measure's. So in a text that
// shows the corruption, such a block is not given to the last measure:
// a phone shown under a measure it does not belong to is worse than none.

// unsettled reports whether the block of pc, which its place gives to
// measure owner, may as well belong to a lost later measure: the text has
// copies (see copied), the guide glues such blocks to measure numbers,
// owner's start stands in the text, and either no later number starts or
// the appendix follows the block (it then ends the guide's last measure,
// not owner).
func (p *parser) unsettled(pc *piece, owner int) bool {
	if !p.copied() || !p.started[owner] {
		return false
	}
	closing := pc.trail != nil || pc.block != nil && pc.block.closing
	if !p.gluesBlocks(closing) {
		return false
	}
	if strings.HasPrefix(pc.tail, appendixWord) || p.appendixAfter(pc.pos) {
		return true
	}
	if pc.trail != nil && !pc.joined && p.trailsJoined() && !namesUnit(p.measures[owner], pc.trail) {
		// The guide writes a measure on one line, its clause after its
		// last sentence; a clause sentence on a line of its own was moved
		// there, from any measure whose clause it was.
		return true
	}
	for n, ok := range p.started {
		if ok && n > owner {
			return false
		}
	}
	if !closing && p.clauseOf[owner] && unitless(pc.block) {
		// A contact line naming no unit after the last measure's own
		// clause (…（责任单位：区财政局） 办理方式：… 电子邮箱：…): a lost
		// later measure's clause, which stands after its text, apart from
		// its start, would have come between and taken the line.
		return false
	}
	b := pc.block
	if pc.trail != nil {
		b = pc.trail
	}
	return !namesUnit(p.measures[owner], b)
}

// namesUnit reports whether the measure's own words name a lead unit of b
// by its core ("人力社保" of 区人力社保局): the block then settles as the
// measure's.
//
// A block that names no lead unit names its units in its contacts
// ("联系人：区发改委营商环境科 潘某某 联系电话：…"). Those settle it as well
// when each is a lead unit the measure's own clause gave it: a lost later
// measure's clause would have stood after this one's and gone to that
// measure (see readBlockOwner), so the units are this measure's.
func namesUnit(m *Measure, b *block) bool {
	if m == nil || b == nil {
		return false
	}
	text := m.Text + strings.Join(m.Details, "")
	for _, u := range b.lead {
		if c := unitCore(u); c != "" && strings.Contains(text, c) {
			return true
		}
	}
	if len(b.lead) > 0 || len(b.contacts) == 0 {
		return false
	}
	for _, c := range b.contacts {
		if core := unitCore(c.Unit); core == "" || !strings.Contains(text, core) && !slices.Contains(m.Lead, c.Unit) {
			return false
		}
	}
	return true
}

// unitCore strips a unit's level (区, 市) and its kind (局, 委) off its
// name; "" when less than two characters are left.
func unitCore(u string) string {
	u = strings.TrimLeft(u, "区市县")
	for _, s := range unitSuffixes {
		if strings.HasSuffix(u, s) {
			u = strings.TrimSuffix(u, s)
			break
		}
	}
	if len([]rune(u)) < 2 {
		return ""
	}
	return u
}

// appendixWord opens a guide's appendix (附件：各牵头单位联系方式).
const appendixWord = "附件"

// appendixAfter reports whether the piece after piece i opens the appendix.
func (p *parser) appendixAfter(i int) bool {
	return i+1 < len(p.pieces) && strings.HasPrefix(p.pieces[i+1].text, appendixWord)
}

// gluesBlocks reports whether some block of the kind asked for (a closing
// clause or not) shares its sentence with the next measure's start.
func (p *parser) gluesBlocks(closing bool) bool {
	for _, pc := range p.pieces {
		if pc.block != nil && pc.block.closing == closing && (pc.start > 0 || pc.paren > 0) {
			return true
		}
	}
	return false
}

// withhold leaves the block of pc, whose owner is not settled (see
// unsettled), off measure owner, and reports it with its sentence as
// written. The text around the block still reads as owner's: only the
// units and phones are withheld.
func (p *parser) withhold(pc *piece, owner int) {
	p.owners[pc.pos] = owner
	p.r.warn(WarnUnsettledContact, []int{owner}, "measure %d: a contact block after its text may belong to a later measure whose start was lost; given to none: %s",
		owner, strings.TrimSpace(pc.raw))
}

// trailsJoined reports whether the guide writes its closing clauses on
// the line of the sentence before them: at least three in four of them
// are.
func (p *parser) trailsJoined() bool {
	joined, all := 0, 0
	for _, pc := range p.pieces {
		if pc.trail != nil || pc.block != nil && pc.block.closing {
			all++
			if pc.joined {
				joined++
			}
		}
	}
	return all >= 4 && joined*4 >= all*3
}

// unitless reports whether b names no unit: no lead or support unit and
// contacts without one.
func unitless(b *block) bool {
	if b == nil || len(b.lead)+len(b.support) > 0 || len(b.contacts) == 0 {
		return false
	}
	for _, c := range b.contacts {
		if c.Unit != "" {
			return false
		}
	}
	return true
}

// withholdTwoStarts leaves a block off measure owner where owner, or the
// measure whose start the block is glued to, starts twice with different
// text in a corrupted text: one of the two starts was moved there from
// another measure, so the text shown under the number may not be the one
// the block's place names, and a phone under a measure it does not belong
// to is worse than none.
func (p *parser) withholdTwoStarts(pc *piece, owner int) {
	p.owners[pc.pos] = owner
	p.r.warn(WarnUnsettledContact, []int{owner}, "measure %d: a contact block whose measure starts twice with different text; given to none: %s",
		owner, strings.TrimSpace(pc.raw))
}

// withholdMisnumbered leaves the blocks off a measure whose start carries a
// section other than the one its number was counted in, in a corrupted
// guide numbering （一） anew in each section: the start was moved into
// another section and read there under a number that is not its own, so
// the block its number's place gives it is another measure's. The block
// glued to that start goes to the measure before the number, equally
// unsettled. The text stays.
func (p *parser) withholdMisnumbered() {
	if p.numSection == nil || !p.copied() {
		return
	}
	nums := make([]int, 0, len(p.measures))
	for n := range p.measures {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var off []int
	for _, n := range nums {
		m := p.measures[n]
		if s := p.numSection[n]; m.HasText() && m.Section > 0 && s > 0 && m.Section != s {
			off = append(off, n)
			if glued := p.measures[n-1]; glued != nil && slices.ContainsFunc(p.pieces, func(pc piece) bool {
				return pc.start == n && pc.block != nil && p.owners[pc.pos] == n-1
			}) {
				off = append(off, n-1)
			}
		}
	}
	slices.Sort(off)
	for _, n := range slices.Compact(off) {
		m := p.measures[n]
		if !m.HasContact() {
			continue
		}
		p.r.warn(WarnUnsettledContact, []int{n}, "measure %d: its number is not settled in a corrupted text (a start read under another section than its heading's); its contact block given to none: %s",
			n, strings.Join(m.Phones(), "、"))
		m.Lead, m.Support, m.Contacts = []string{}, []string{}, []Contact{}
	}
}
