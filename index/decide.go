package index

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"policybot/seeds"
)

// decide turns the model's probability into answer, suggest or none, and
// an answer into one measure or a choice among near ties.
func (ix *Index) decide(r *Result) {
	tu := &ix.tuning
	aboutUnit := r.Unit != nil && (r.Contact || len(r.Terms) == 0) && !r.OtherPlace
	switch {
	case len(r.Measures) == 0 || r.Probability < ix.suggestFloor(r) && !ix.sureRanking(r):
		// "人保局电话", "人保局": about the unit itself. But "医保局报销比例"
		// asks something the guide does not cover, whoever is named in it.
		r.Kind = seeds.KindNone
		if aboutUnit {
			r.Kind = seeds.KindUnit
		}
		return
	case r.Probability < tu.AnswerProbability && !ix.clearLead(r):
		if aboutUnit {
			r.Kind = seeds.KindUnit
			return
		}
		r.Kind = seeds.KindSuggest
		if len(r.Measures) > tu.SuggestMax {
			r.Measures = r.Measures[:tu.SuggestMax]
		}
		return
	}
	best := r.Measures[0]
	words := 0
	for _, t := range r.Terms {
		if utf8.RuneCountInString(t) > 1 {
			words++
		}
	}
	vague := words <= tu.VagueTerms
	benefits := r.List && ix.onlyBenefits(r.Terms)
	var offer []Hit
	for _, h := range r.Measures {
		asGood := h.Coverage >= best.Coverage-1e-9
		switch {
		case h.Number == best.Number:
		case r.List && h.Coverage >= tu.ListCoverage:
			// "有哪些…": the user asked for a list.
		case benefits && h.Coverage > 0:
			// "有什么补贴或者减免": a list of what any measure gives names
			// no topic; the measure naming both words is no better an
			// answer than one naming either.
		case asGood && h.Score >= tu.TieRatio*best.Score:
			// A near tie: guessing would be wrong half the time.
		case asGood && vague && h.Score >= tu.VagueRatio*best.Score:
			// "房租能减免吗": one or two words that several measures
			// answer in full; let the user say which.
		default:
			continue
		}
		offer = append(offer, h)
	}
	if ix.rivalled(r, best.Number) {
		// A near tie by what the ask is about, whatever the scores.
		if i := slices.IndexFunc(r.Measures, func(h Hit) bool { return h.Number == r.Inputs.Rival }); i >= 0 && !slices.ContainsFunc(offer, func(h Hit) bool { return h.Number == r.Inputs.Rival }) {
			offer = append(offer, r.Measures[i])
		}
	}
	if len(offer) > 1 {
		r.Kind, r.Measures = seeds.KindChoice, offer
		return
	}
	r.Kind = seeds.KindMeasure
}

// onlyBenefits reports whether terms are all words for what any measure
// gives (补贴, 减免, 优惠: head.generic or broad.what), one at least.
func (ix *Index) onlyBenefits(terms []string) bool {
	what := ix.cues.list(cueBroadWhat)
	return len(terms) > 0 && !slices.ContainsFunc(terms, func(t string) bool {
		return !ix.isGeneric(t) && !slices.Contains(what, t)
	})
}

// rivalled reports whether, on a guide without written examples of its
// own, measure n faces a rival (Features.Rival) that names enough of what
// the ask is about that n lacks: nothing but the measures' text vouches
// for the ranking on such a guide, so the rival is a near tie, not a
// runner-up, and a suggestion whose sentences happen to hold the ask's
// words is no answer.
func (ix *Index) rivalled(r *Result, n int) bool {
	f := r.Inputs
	return !ix.written && f != nil && f.Rival != 0 && f.Rival != n && f.RivalShare >= ix.tuning.DayOneRivalShare
}

// sureRanking reports whether the ranking is sure of its best measure
// although the decision is not: it leads the runner-up clearly and nothing
// says the guide does not cover the ask (another place, a domain
// out-of-scope word) and it covers some of the ask's words the guide
// knows ("手机怎么截图" leads on a word no measure uses). Such a ranking is
// offered as a suggestion, never thrown away.
func (ix *Index) sureRanking(r *Result) bool {
	f := r.Inputs
	return f != nil && len(r.Measures) > 0 && f.Margin >= ix.tuning.SureMargin && f.CoverageMargin >= 0 &&
		f.Coverage >= ix.tuning.SureCoverage && f.KnownCoverage > 0 && f.OtherPlaces == 0 && f.OutOfScope == 0
}

// clearLead reports whether an ask just below AnswerProbability is
// answered all the same: its best measure leads the runner-up clearly
// both by score (SureMargin) and by what it covers of the ask
// (LeadCoverageMargin), every noun of the ask is a word the guide uses,
// and nothing says the guide does not cover it (another place, a domain
// out-of-scope word). Suggestions like these had the right first measure
// (issue 18); a lookalike question the guide does not cover usually
// names something no measure mentions or leaves two measures level.
func (ix *Index) clearLead(r *Result) bool {
	f, tu := r.Inputs, &ix.tuning
	return f != nil && len(r.Measures) > 0 && r.Probability >= tu.LeadAnswerProbability &&
		f.Margin >= tu.SureMargin && f.CoverageMargin >= tu.LeadCoverageMargin &&
		f.UnknownNouns == 0 && f.OtherPlaces == 0 && f.OutOfScope == 0
}

// suggestFloor is the probability below which an ask is declined: lower
// when nothing says the guide does not cover it (another place, a domain
// out-of-scope word) and its best measure covers a fair share of it,
// since a refusal needs evidence and a suggestion costs the owner one tap.
// Not for a bare question, a message that is one ask and nothing else
// (Features.Bare: "门头招牌要审批吗", "最低工资标准是多少"), whose best
// measure covers less than BareSuggestCoverage of it: one the model
// doubts is one the guide does not cover more often than not, and is
// declined plainly; a story's ask is doubted for its many words, and a
// bare one its best measure covers nearly in full ("水电费能减免吗") is
// doubted for its few. On a
// guide without written examples of its own (day one) the model doubts
// short questions the guide answers too, and the open floor stays.
func (ix *Index) suggestFloor(r *Result) float64 {
	f := r.Inputs
	switch {
	case f == nil || f.OtherPlaces > 0 || f.OutOfScope > 0:
	case f.Implied && f.KnownCoverage >= ix.tuning.OpenSuggestCoverage:
		return ix.tuning.ImpliedSuggestProbability
	case f.Coverage >= ix.tuning.OpenSuggestCoverage && (!f.Bare || !ix.written || f.Coverage >= ix.tuning.BareSuggestCoverage):
		return ix.tuning.OpenSuggestProbability
	}
	return ix.tuning.SuggestProbability
}

// askedPattern finds a measure number: 第4条, 第 12 条, 第六十六条.
var askedPattern = regexp.MustCompile(`第\s*([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*条`)

// askedNumber returns the measure number the text names, or 0.
func askedNumber(text string) int {
	m := askedPattern.FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	return numeral(m[1])
}

// numeral is the value of digits or a Chinese numeral (两 for 二).
func numeral(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return seeds.ParseNumeral(strings.ReplaceAll(s, "两", "二"))
}

// shortAskedPattern finds a measure number written without 第: "85条".
var shortAskedPattern = regexp.MustCompile(`([0-9]{1,3}|[一二两三四五六七八九十]{1,3})条`)

// shortAskedNumber returns the measure number of a message that is only
// "N条" and cue words ("85条找谁", "那12条呢"), or 0: with words of its
// own, "N条" counts things ("新增3条生产线") unless pointed at
// (pointedNumber).
func (ix *Index) shortAskedNumber(text string) int {
	s := squeeze(text)
	m := shortAskedPattern.FindStringSubmatchIndex(s)
	if m == nil {
		return 0
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); r >= '0' && r <= '9' {
		return 0 // "1085条": no measure number
	}
	n := numeral(s[m[2]:m[3]])
	rest := s[:m[0]] + s[m[1]:]
	if which, ok := ix.cues.cut(rest, cueWhich); ok && (ix.cues.has(rest, cueContact) || ix.cues.rest(which) == "") {
		// "42条那个电话到底是哪个": which of its phones to call (its
		// 电话 may be cut already as the contact asked).
		rest = which
	}
	if rest != "" && !ix.cues.bare(rest) {
		if ix.answerable(n) && ix.cues.bare(ix.withoutContactNames(rest, n)) {
			// "42条李斌的电话": the other words name the measure's own
			// contact, so the number is the measure's.
			return n
		}
		return ix.pointedNumber(text)
	}
	return n
}

// withoutContactNames is squeezed s without the names of measure n's units,
// departments and people.
func (ix *Index) withoutContactNames(s string, n int) string {
	m := ix.guide.Measure(n)
	names := slices.Concat(m.Lead, m.Support)
	for _, c := range m.Contacts {
		names = append(append(names, c.Unit, c.Department), c.People...)
	}
	for _, name := range names {
		if name = squeeze(name); name != "" {
			s = strings.ReplaceAll(s, name, "")
		}
	}
	return s
}

// pointedNumber returns the measure number "N条" names right after a word
// pointing at one thing ("我说的是69条 乡村旅游那个", "那个81条是给谁的"),
// whatever else the text says, or 0: the pointer makes it a measure, not
// a count ("新增3条生产线"), if the guide has that measure.
func (ix *Index) pointedNumber(text string) int {
	s := squeeze(text)
	for _, m := range shortAskedPattern.FindAllStringSubmatchIndex(s, -1) {
		if !ix.endsWith(s[:m[0]], cueNumberBefore) {
			continue
		}
		if n := numeral(s[m[2]:m[3]]); ix.answerable(n) {
			return n
		}
	}
	return 0
}
