package index

import (
	"cmp"
	"policybot/seeds"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// The head of an ask is what it asks about: its own words once the
// question words, the story, the kinds of askers and the generic policy
// words (补贴, 政策, 扶持: head.generic in cues.txt) are set aside. A
// measure ranked first on shared weak words (疫情, 平台, 补贴) while holding
// none of the head ("外卖平台抽成太高了" against a measure on platform
// insurance) is no answer; nor is one that pays nothing when the ask asks
// for money ("想搞民宿 有扶持吗" against a measure promoting tourist
// routes). Such a measure is at most a near miss, offered as such.

// headCheck is what the best measure holds of an ask's head.
type headCheck struct {
	// Head are the ask's head words, Missing those the measure holds
	// neither as written nor through a synonym.
	Head, Missing []string
	// Held is the weighted share of the head the measure holds (1 when
	// the ask has no head of its own).
	Held float64
	// Unpaid: the ask asks for money (head.money) and the measure's words
	// neither pay nor cut a cost (head.pays).
	Unpaid bool
	// Money is the money word the ask uses ("扶持"), for the reply.
	Money string
	// Story: the measure holds a word of the message's situation, which
	// the ask may point back at.
	Story bool
}

// checkHead weighs ask a (question q, its own concepts analysed, tagged
// pos) against measure n.
func (ix *Index) checkHead(a analysed, q string, pos map[string]string, n int) headCheck {
	hc := headCheck{Held: 1}
	m := ix.guide.Measure(n)
	if m == nil {
		return hc
	}
	text := measureWords(m) + ix.guide.SubsectionTitle(m.Section, m.Subsection)
	subjects := ix.subjects(q)
	var total, held float64
	for _, c := range a.own() {
		// A word no measure uses is neutral (an everyday word of the
		// story, 进项 for 留抵): only the guide's own words can show
		// that the measure is about something else.
		if !c.known || !ix.headWord(c.term, pos, subjects) {
			continue
		}
		hc.Head = append(hc.Head, c.term)
		total += c.weight
		switch full, part := ix.mentions(text, c.term); {
		case full:
			held += c.weight
		case part || slices.ContainsFunc(c.subs, func(s string) bool { return utf8.RuneCountInString(s) >= 2 && strings.Contains(text, s) }):
			held += c.weight / 2
		default:
			hc.Missing = append(hc.Missing, c.term)
		}
	}
	if total > 0 {
		hc.Held = held / total
	}
	for _, c := range a.concepts {
		if c.situation && c.known && ix.headWord(c.term, pos, subjects) && ix.mentionsAny(text, c.term) {
			hc.Story = true // "米面油…，这些东西的价格有没有管控"
		}
	}
	s := squeeze(q)
	for _, w := range ix.cues.list(cueHeadMoney) {
		if strings.Contains(s, w) {
			hc.Money = w
			break
		}
	}
	hc.Unpaid = hc.Money != "" && !strings.Contains(text, hc.Money) && !ix.cues.has(text, cueHeadPays)
	return hc
}

// headWord reports whether term can be the head of an ask: a word of two
// characters or more, a noun to the tagger, neither a cue, a greeting, a
// generic policy word, one of the guide's own places nor (inside) a kind
// of asker the ask names.
func (ix *Index) headWord(term string, pos map[string]string, subjects []string) bool {
	if utf8.RuneCountInString(term) < 2 || !isNoun(pos, term) || pos[term] == "ns" {
		return false
	}
	if ix.cues.isCue(term) || ix.cues.isSocial(term) || slices.Contains(ix.cues.list(cueHeadGeneric), term) {
		return false
	}
	return !slices.ContainsFunc(subjects, func(s string) bool { return strings.Contains(s, term) || strings.Contains(term, s) })
}

// weighHead revises a decision on what the best measure holds of the
// ask's head: an answer holding none of it, or paying nothing for an ask
// for money, or lacking the very kind of money asked for (补偿 against
// 赔付), is a near miss (a suggestion naming what is missing); a
// suggestion holding none of the head is declined.
func (ix *Index) weighHead(r *Result, a analysed, pos map[string]string, context string) {
	if r.Kind != seeds.KindMeasure && r.Kind != seeds.KindSuggest || len(r.Measures) == 0 || r.ByUnit {
		return
	}
	hc := ix.checkHead(a, r.Question, pos, r.Measures[0].Number)
	// An ask read with the statements before it ("…，咋办") has its head
	// in the story, which ranked along: no evidence either way.
	headless := len(hc.Head) > 0 && hc.Held == 0 && !a.context && !hc.Story
	missing := ""
	switch {
	case headless && r.Kind == seeds.KindSuggest && r.Inputs != nil && r.Inputs.Implied:
		// "营业执照网上办" asks nothing: no evidence to decline on.
		return
	case headless && r.Kind == seeds.KindSuggest:
		r.Kind = seeds.KindNone
		return
	case r.Kind == seeds.KindSuggest && len(hc.Head) == 0 && r.Inputs != nil && r.Inputs.UnknownNouns > 0 && !a.context && !hc.Story && ix.holdsOnlyGrant(a, r.Measures[0].Number):
		// "有没有燃油补贴 或者高速费减免": the ask's own nouns are none
		// the guide writes, and the measure holds only its generic
		// words (补贴, 减免): a subsidy for something else altogether
		// (孵化器房租), no near miss.
		r.Kind = seeds.KindNone
		return
	case headless && r.Probability < ix.tuning.HeadlessProbability:
		missing = ix.missingPhrase(r, ix.lastUnheld(a, r.Question, r.Measures[0].Number), "")
	case hc.Unpaid:
		// "农机 租赁 买农机 补贴": the guide has subsidies, not ones for
		// 农机; the money word alone would say there are none.
		missing = ix.missingPhrase(r, hc.Money, cmp.Or(firstHeld(hc), ix.firstOwnNoun(a, r.Question, pos)))
	case hc.Money != "" && !ix.isGeneric(hc.Money) && !ix.measureMentions(r.Measures[0].Number, hc.Money):
		missing = ix.missingPhrase(r, hc.Money, "")
	default:
		if missing = ix.otherKind(r, context); missing == "" {
			return
		}
		if len(r.Measures) > 1 && r.Measures[1].Coverage >= r.Measures[0].Coverage && !ix.holdsOwn(a, r.Question, pos, r.Measures[0].Number) {
			// "取暖补贴", "加油补贴": the measure holds only the generic
			// word (补贴) of the ask, which the next ranked measures hold
			// as fully; the short measures that are little more than that
			// word (价格临时补贴) led every such ranking and were offered
			// as near misses whatever was asked. A tie is no nearness.
			r.Kind = seeds.KindNone
			return
		}
		if ix.coverHead(lastWord(missing, ix.cues.list(cueKindCover))) && strings.Contains(r.Question, missing) {
			// "蜂业保险", typed as one: a cover no measure of the guide
			// writes; the measure that writes 保险 of something else
			// (社会保险补贴) is no nearer than any other.
			r.Kind, r.Absent = seeds.KindNone, missing
			return
		}
	}
	r.Kind, r.Missing, r.Measures = seeds.KindSuggest, missing, r.Measures[:1]
}

// lastWord is the word of words that w ends with, or "".
func lastWord(w string, words []string) string {
	for _, x := range words {
		if strings.HasSuffix(w, x) {
			return x
		}
	}
	return ""
}

// otherKind is what the ask (with the statements it needs, context)
// names that the best measure is not about: a later year than the
// measure's or another kind of the head the measure names
// (qualifiedHead); "" when nothing.
func (ix *Index) otherKind(r *Result, context string) string {
	m := ix.guide.Measure(r.Measures[0].Number)
	if m == nil {
		return ""
	}
	text := measureWords(m) + ix.guide.SubsectionTitle(m.Section, m.Subsection)
	q := strings.TrimSpace(context + " " + r.Question)
	if y := ix.laterYear(r.Situation+" "+q, text); y != "" {
		return y
	}
	return ix.qualifiedHead(q, r.Situation, text)
}

// laterYearMissing is a near miss on a year (otherKind: laterYear).
var laterYearMissing = regexp.MustCompile(`^20[0-9]{2}年$`)

// declineLaterYear turns a near miss on a year after the measure's period
// ("2022年的房租减免享受过了，2023年还能再减吗": Missing 2023年) into a
// decline. A guide's measures are of their own period, so a later year is
// positive evidence that the guide does not answer the ask; offered as
// the closest ("相近的是：第4条") the measure read as if it might, and
// such suggestions were mostly questions the guide does not cover (issue
// 18). The measure stays first in Measures, with Missing, so the refusal
// names it as what held in its time.
func declineLaterYear(r *Result) {
	if r.Kind != seeds.KindSuggest || len(r.Measures) == 0 || !laterYearMissing.MatchString(r.Missing) {
		return
	}
	r.Kind, r.Measures = seeds.KindNone, r.Measures[:1]
}

// declinePersonPaper turns an answer about a person's paper for a trade
// (the kind.document.person section: "网约车驾驶员证到期了 能顺延吗") by a
// measure that names only a firm's papers under another head (工业产品生产
// 许可证, 食品经营许可证) into a decline naming the paper. The measure's
// licences are another kind altogether, no near match the owner might
// hold: it stays first in Measures, with Missing and MissingBeside, so
// the refusal names it in its text only. text is the ask with the
// statements around it (the paper is often told before "能顺延吗").
func (ix *Index) declinePersonPaper(r *Result, text string) {
	if r.Kind != seeds.KindMeasure && r.Kind != seeds.KindSuggest || len(r.Measures) == 0 {
		return
	}
	m := ix.guide.Measure(r.Measures[0].Number)
	if m == nil {
		return
	}
	words := measureWords(m)
	paper := ix.personPaper(text, words)
	if paper == "" {
		return
	}
	for _, h := range ix.cues.list(cueKindDocument) {
		if named := ix.namedKinds(words, h); strings.Contains(words, h) && len(named) > 0 {
			r.Kind, r.Missing, r.MissingBeside, r.Measures = seeds.KindNone, paper, named, r.Measures[:1]
			return
		}
	}
}

// personPaper is the first person's paper for a trade text names, as
// the word the tagger cuts ending in its head (驾驶员证 of 网约车驾驶员证,
// as the Judge names it), whose head measure words do not write; "" when
// none.
func (ix *Index) personPaper(text, words string) string {
	for _, h := range ix.cues.list(cueKindPaper) {
		if !strings.Contains(text, h) || strings.Contains(words, h) {
			continue
		}
		for _, t := range ix.seg.Tag(text) {
			if strings.HasSuffix(t.Word, h) {
				return t.Word
			}
		}
		return h
	}
	return ""
}

// holdsOwn reports whether measure n holds one of the ask's own words
// that is no generic policy or money word (补贴, 扶持).
func (ix *Index) holdsOwn(a analysed, q string, pos map[string]string, n int) bool {
	m := ix.guide.Measure(n)
	if m == nil {
		return false
	}
	text := measureWords(m)
	money := ix.cues.list(cueHeadMoney)
	for _, c := range a.own() {
		if c.known && !ix.isGeneric(c.term) && !slices.Contains(money, c.term) && ix.mentionsAny(text, c.term) {
			return true
		}
	}
	return false
}

// holdsOnlyGrant reports whether, of the ask's own words of two
// characters or more, measure n holds some and only generic policy words,
// money words or words of paying (head.pays: 减免, 补贴): a grant of some
// kind, and nothing the ask is about.
func (ix *Index) holdsOnlyGrant(a analysed, n int) bool {
	m := ix.guide.Measure(n)
	if m == nil {
		return false
	}
	text := measureWords(m)
	money, pays := ix.cues.list(cueHeadMoney), ix.cues.list(cueHeadPays)
	grant := false
	for _, c := range a.own() {
		if !c.known || utf8.RuneCountInString(c.term) < 2 || !ix.mentionsAny(text, c.term) {
			continue
		}
		if !ix.isGeneric(c.term) && !slices.Contains(money, c.term) && !slices.Contains(pays, c.term) {
			return false
		}
		grant = true
	}
	return grant
}

// firstHeld is the first of the head's words the measure holds, or "".
func firstHeld(hc headCheck) string {
	for _, w := range hc.Head {
		if !slices.Contains(hc.Missing, w) {
			return w
		}
	}
	return ""
}

// firstOwnNoun is the first noun of the ask's own words that could be
// its head, known to the guide or not ("农机"), or "".
func (ix *Index) firstOwnNoun(a analysed, q string, pos map[string]string) string {
	subjects := ix.subjects(q)
	for _, c := range a.own() {
		if ix.headWord(c.term, pos, subjects) {
			return c.term
		}
	}
	return ""
}

// missingPhrase is word as the ask writes it, grown by the ask's adjacent
// terms ("补偿" → "停业补偿"), after held when the ask writes them apart
// ("民宿" and "扶持" → "民宿扶持").
func (ix *Index) missingPhrase(r *Result, word, held string) string {
	p := grow(r.Question, word, r.Terms)
	if held != "" && !strings.Contains(p, held) {
		p = held + p
	}
	return p
}

// isGeneric reports whether w is a generic policy word (head.generic).
func (ix *Index) isGeneric(w string) bool {
	return slices.Contains(ix.cues.list(cueHeadGeneric), w)
}

// measureMentions reports whether measure n's words mention w, as written
// or through a synonym.
func (ix *Index) measureMentions(n int, w string) bool {
	m := ix.guide.Measure(n)
	if m == nil {
		return false
	}
	full, _ := ix.mentions(measureWords(m), w)
	return full
}

// grow is word as q writes it with the terms (two characters or more)
// standing right before or after it: "补偿" in "有没有停业补偿" is
// "停业补偿". Just word when q does not write it.
func grow(q, word string, terms []string) string {
	i := strings.Index(q, word)
	if i < 0 {
		return word
	}
	from, to := i, i+len(word)
	for grown := true; grown; {
		grown = false
		for _, t := range terms {
			if utf8.RuneCountInString(t) < 2 || t == word {
				continue
			}
			if strings.HasSuffix(q[:from], t) {
				from, grown = from-len(t), true
			}
			if strings.HasPrefix(q[to:], t) {
				to, grown = to+len(t), true
			}
		}
	}
	return q[from:to]
}

// lastUnheld is the ask's own word (two characters or more) that measure
// n does not mention and that q writes last: the head of a Chinese noun
// phrase, and the ask, come last ("合作社想买拖拉机 有农机购置补贴吗":
// 农机).
func (ix *Index) lastUnheld(a analysed, q string, n int) string {
	text := measureWords(ix.guide.Measure(n))
	last, at := "", -1
	for _, c := range a.own() {
		if utf8.RuneCountInString(c.term) < 2 || ix.isGeneric(c.term) || ix.mentionsAny(text, c.term) {
			continue
		}
		if i := strings.LastIndex(q, c.term); i > at {
			last, at = c.term, i
		}
	}
	return last
}
