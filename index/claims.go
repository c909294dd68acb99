package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/index/clause"
)

// claim is what someone told the asker, quoted after a verb of saying
// ("会计说：“社保缓缴可以，但…要加滞纳金”"): the span inside the quote
// marks, as byte offsets in the message.
type claim struct{ start, end int }

// quoteCloser pairs each opening quote mark with its closing one.
var quoteCloser = map[rune]rune{'“': '”', '「': '」', '『': '』', '"': '"'}

// sayingVerbs end what comes right before a reported claim's quote (a colon
// between them is skipped). A quote after anything else is a name or a
// term (“大桃贷”, “免申即享”), no claim. 问 is left out: a question
// relayed in quotes ("客户问：“…能减吗？”") is the owner's ask itself.
var sayingVerbs = []string{"说", "讲", "称", "表示", "告诉我", "回复", "答复", "说道"}

// minClaimRunes is the shortest quote read as a claim: shorter ones are
// terms or slogans (“欠费不停供”).
const minClaimRunes = 6

// reportedClaims are the claims text quotes after a verb of saying, in
// order.
func reportedClaims(text string) []claim {
	var out []claim
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		closer, ok := quoteCloser[r]
		if !ok {
			i += size
			continue
		}
		open := i + size
		j := strings.IndexRune(text[open:], closer)
		if j < 0 {
			break
		}
		before := strings.TrimRight(text[:i], " :：")
		if slices.ContainsFunc(sayingVerbs, func(v string) bool { return strings.HasSuffix(before, v) }) &&
			utf8.RuneCountInString(squeeze(text[open:open+j])) >= minClaimRunes {
			out = append(out, claim{open, open + j})
		}
		i = open + j + utf8.RuneLen(closer)
	}
	return out
}

// inClaim reports whether clause c lies inside one of claims.
func inClaim(c clause.Clause, claims []claim) bool {
	return slices.ContainsFunc(claims, func(q claim) bool { return c.Start >= q.start && c.End <= q.end })
}

// withoutQuotedAsks reads the asks of msg made only of clauses inside a
// reported claim as situation, when the owner asks something outside the
// quotes: "她还说：“水电燃气欠费也一样，…”" tells what the accountant
// claimed (也一样 would read it as a case asked); the owner's ask is the
// one after it ("她说的这两条对吗").
func withoutQuotedAsks(msg clause.Message, claims []claim) clause.Message {
	quoted := func(a clause.Ask) bool {
		return len(a.Clauses) > 0 && !slices.ContainsFunc(a.Clauses, func(c clause.Clause) bool { return !inClaim(c, claims) })
	}
	if !slices.ContainsFunc(msg.Asks, func(a clause.Ask) bool { return !quoted(a) }) {
		return msg
	}
	var asks []clause.Ask
	sit := slices.Clone(msg.Situation)
	for _, a := range msg.Asks {
		if quoted(a) {
			sit = append(sit, a.Clauses...)
			continue
		}
		asks = append(asks, a)
	}
	if len(asks) == len(msg.Asks) {
		return msg
	}
	slices.SortFunc(sit, func(a, b clause.Clause) int { return a.Start - b.Start })
	msg.Asks, msg.Situation = asks, sit
	return msg
}

// checksClaims reports whether ask text asks whether what was told is so
// ("他这么说合理吗", "真是这样吗", "她说的这两条对吗"): a yes-or-no ask
// that names nothing of its own once the words pointing at the report are
// set aside.
func (ix *Index) checksClaims(text string, excl int) bool {
	if !ix.YesNo(text) {
		return false
	}
	if saidSubject.MatchString(squeeze(text)) {
		// "他这么说合理吗": what was said is the subject; 合理 (a word of
		// the guide's 合理分包) judges it and names nothing asked.
		return true
	}
	rest := clause.WithoutPointed(text)
	return ix.ownWeightOf(rest, excl) < ix.tuning.SubjectWeight
}

// saidSubject matches an ask whose subject is what someone said ("他这么说
// 合理吗", "她讲的对不对", "这样说靠谱吗"): it judges the claim quoted
// before it.
var saidSubject = regexp.MustCompile(`^(?:那|可|但是?|不过)?(?:他|她|他们|她们|对方|人家)?(?:这么|这样|那么|那样)?(?:说|讲)(?:的|得)?(?:话|这些话?|这两条|这几条|这个|这些)?(?:是|都|也|还|到底|真|合理|靠谱|对|算|能|可以|行|有|属|不)`)

// perClaim reads each ask of ps (one per ask of msg, in order) that checks
// the claims quoted before it as that ask of each claim, ranked on its
// own: the claim is the ask's subject ("招标代理公司的人跟我说：“纸质标书
// 200一本…”…他这么说合理吗" asks about tender documents), and two claims
// checked by one ask ("会计说：“社保缓缴…”她还说：“水电燃气欠费…”她说的这两
// 条对吗") are two asks, one search over both folding one into the other.
// The other asks of the message keep their reading; a claim is checked by
// the first ask after it only. It reports whether it read any ask so.
func (ix *Index) perClaim(msg clause.Message, ps []part, claims []claim, excl int) ([]part, bool) {
	if len(ps) > len(msg.Asks) {
		return ps, false
	}
	var out []part
	next := 0
	for i, p := range ps {
		a := msg.Asks[i]
		var mine []claim
		for next < len(claims) && claims[next].end <= a.Start {
			mine = append(mine, claims[next])
			next++
		}
		if len(mine) == 0 || !ix.checksClaims(p.text, excl) {
			out = append(out, p)
			continue
		}
		sit := p.situation
		var told []string
		for _, q := range mine {
			var cs []string
			for _, c := range msg.Situation {
				if c.Start >= q.start && c.End <= q.end {
					cs = append(cs, c.Text)
					sit = situationWithout(sit, Normalize(c.Text))
				}
			}
			told = append(told, Normalize(strings.Join(cs, "，")))
		}
		for _, t := range told {
			if t == "" {
				continue
			}
			out = append(out, part{text: p.text, context: t, before: t, situation: sit, shown: joinClauses(t, p.text),
				contact: p.contact, opened: true, coordinated: len(told) > 1, matter: true, item: p.item})
		}
	}
	if len(out) == len(ps) && slices.EqualFunc(out, ps, func(a, b part) bool { return a.context == b.context }) || len(out) > MaxAnswered {
		// Nothing checked a claim; or more claims than the asks a message
		// may have answered: read as before.
		return ps, false
	}
	return out, true
}
