package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index/clause"
	"policybot/seeds"
)

// Corrections: "不是公积金，我说房租", "不是这个 我是问有没有钱补". The
// owner says what they did not mean, then what they meant. What they did
// not mean is dropped from the question; the topic (or the measures
// offered) it names, or points at ("这个"), is no longer carried, and is
// not the answer again. The phrases are the correction sections of
// cues.txt. An owner negating their own kind ("不是国企，是私企") is telling
// their case, not correcting the bot.

// correction splits a message that corrects the bot into what the owner
// meant (rest) and what they did not (rejected); ok is false for any
// other message.
func (ix *Index) correction(text string) (rest, rejected string, ok bool) {
	first, after, split := firstClause(text)
	if split && ix.cues.only(strings.TrimRight(first, "啊呀吧啦嘛哦"), cueCorrectionOpen) {
		// "你这说的不对啊 是我欠电费 不是别人欠我钱": the complaint
		// opens what follows, which is read as the correction; after
		// it, a bare 是 corrects the reply even when what was not meant
		// names nothing of the guide's (别人欠我钱).
		if rest, rejected, ok = ix.correction(after); ok {
			return rest, rejected, ok
		}
		meant, not, split := firstClause(after)
		if rest, cut := strings.CutPrefix(squeeze(meant), "是"); split && cut && rest != "" {
			if rejected, ok := ix.rejectedAfter(squeeze(not)); ok && rejected != "" {
				return rest, rejected, true
			}
		}
		return "", "", false
	}
	if !split {
		return ix.correctionInOne(squeeze(first))
	}
	first = squeeze(first)
	rejected, _ = ix.rejectedAfter(first)
	if rejected == "" {
		if rest, rejected, ok = ix.correctionMeantFirst(first, after); ok {
			return rest, rejected, ok
		}
		return ix.correctionMatterLast(text)
	}
	for _, ph := range ix.cues.list(cueCorrectionThen) {
		if strings.HasPrefix(after, ph) {
			rest = strings.TrimLeftFunc(after[len(ph):], isClauseSep)
			return rest, rejected, rest != ""
		}
	}
	return "", "", false
}

// isClauseSep is a rune that ends a message's first clause.
func isClauseSep(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("，,。！!；;？?、", r)
}

// firstClause splits text (trimmed) at its first clause separator; split is
// false, and first the whole text, when there is none.
func firstClause(text string) (first, after string, split bool) {
	s := strings.TrimSpace(text)
	i := strings.IndexFunc(s, isClauseSep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], strings.TrimLeftFunc(s[i:], isClauseSep), true
}

// rejectedAfter is what s, opening with a correction phrase ("不是"),
// says was not meant, final particles trimmed; ok is false when s opens
// with none.
func (ix *Index) rejectedAfter(s string) (rejected string, ok bool) {
	for _, ph := range ix.cues.list(cueCorrection) {
		if strings.HasPrefix(s, ph) {
			return strings.TrimRight(s[len(ph):], "的啊呀吧啦嘛"), true
		}
	}
	return "", false
}

// correctionMeantFirst reads a correction that says first what was meant
// ("我问的是第4条国有房租减免，不是公积金"): the first clause opens with a
// correction.then phrase of two or more characters (not a bare 是, which
// tells a case) and the rest with a correction phrase.
func (ix *Index) correctionMeantFirst(first, after string) (rest, rejected string, ok bool) {
	for _, ph := range ix.cues.list(cueCorrectionThen) {
		if utf8.RuneCountInString(ph) >= 2 && strings.HasPrefix(first, ph) {
			rest = first[len(ph):]
			break
		}
	}
	if rest == "" {
		return ix.correctionBareMeant(first, after)
	}
	if rejected, ok = ix.rejectedAfter(squeeze(after)); !ok {
		return "", "", false
	}
	return rest, rejected, rejected != ""
}

// correctionInOne reads a correction said in one clause, what was meant
// first ("我问的社保不是公积金"): a correction.then phrase of two or more
// characters, what was meant, then 不是 and what was not, each naming
// something and the last asking nothing ("我想问社保是不是能缓" is no
// correction).
func (ix *Index) correctionInOne(s string) (rest, rejected string, ok bool) {
	for _, ph := range ix.cues.list(cueCorrectionThen) {
		if utf8.RuneCountInString(ph) < 2 || !strings.HasPrefix(s, ph) {
			continue
		}
		meant, not, found := strings.Cut(strings.TrimPrefix(s[len(ph):], "的"), "不是")
		if !found || strings.HasSuffix(meant, "是") {
			return "", "", false
		}
		rejected = strings.TrimRight(not, "的啊呀吧啦嘛")
		if len(ix.situationWords(meant)) == 0 || len(ix.situationWords(rejected)) == 0 || ix.YesNo(rejected) {
			return "", "", false
		}
		return meant, rejected, true
	}
	return "", "", false
}

// rejecting is c without the topic and the choices that rejected (what a
// correction says the owner did not mean) names, or all of them when it
// only points ("这个"); those are in c.rejected. ok is false when
// rejected names the owner's own kind: no correction then.
func (ix *Index) rejecting(c Context, rejected string) (Context, bool) {
	// "我不是问62条": a measure number names that measure alone, whatever
	// words the text shares with others.
	num := askedNumber(rejected)
	if num == 0 {
		num = ix.shortAskedNumber(rejected)
	}
	// "不是那个意思": a word naming no thing (意思, 情况: case.vague)
	// only points, as 这个 does.
	// "不是别人欠我钱": a debt owed to the asker is their 被拖欠, as
	// the question would read it.
	plain, _ := ix.withoutDebtors(rejected)
	words := slices.DeleteFunc(ix.situationWords(plain), func(w string) bool { return ix.cues.only(w, cueCaseVague) })
	if num == 0 && len(ix.notAsker(words)) < len(words) {
		return c, false
	}
	points := len(words) == 0
	c.notMeant = rejected
	named := func(n int) bool {
		if num != 0 {
			return n == num
		}
		m := ix.guide.Measure(n)
		return m != nil && (points || ix.Says(m, words))
	}
	if c.Topic != 0 && named(c.Topic) {
		c.rejected = append(c.rejected, c.Topic)
		c.Topic, c.Unit, c.Interrupted = 0, "", false
	}
	for _, n := range c.Choices {
		if named(n) {
			c.rejected = append(c.rejected, n)
		}
	}
	if num != 0 && !slices.Contains(c.rejected, num) && ix.guide.Measure(num) != nil {
		// The measure named is not meant even when it is no longer the
		// topic (a list was shown since): it is not the answer again.
		c.rejected = append(c.rejected, num)
	}
	for _, n := range c.Recent {
		// "不是公积金贷款，是诊所的经营贷" after a refusal: a measure
		// discussed lately that says all the words not meant (个人住房公积
		// 金贷款) is not the answer either, though no longer the topic.
		if m := ix.guide.Measure(n); num == 0 && len(words) > 0 && m != nil && !slices.Contains(c.rejected, n) &&
			ix.sentenceCoverage(m, words) >= 1-1e-9 {
			c.rejected = append(c.rejected, n)
		}
	}
	c.Choices = slices.DeleteFunc(slices.Clone(c.Choices), named)
	if len(c.Choices) == 0 {
		c.Choices = nil
	}
	c.Listed = nil
	return c, true
}

// dropRejected removes the measures a correction rejected from a search
// result: an answer that rested on one of them is only a suggestion of
// the rest, and nothing left is no answer.
func dropRejected(r *Result, rejected []int) {
	if len(rejected) == 0 || len(r.Measures) == 0 {
		return
	}
	first := r.Measures[0].Number
	r.Measures = slices.DeleteFunc(slices.Clone(r.Measures), func(h Hit) bool { return slices.Contains(rejected, h.Number) })
	switch {
	case len(r.Measures) == 0:
		r.Kind, r.Measures = seeds.KindNone, nil
	case r.Kind == seeds.KindMeasure && slices.Contains(rejected, first),
		r.Kind == seeds.KindChoice && len(r.Measures) == 1:
		r.Kind = seeds.KindSuggest
	}
}

// correctionBareMeant reads "是商业银行的房贷 不是公积金": what was meant
// after a bare 是, then a correction naming what was not. A bare 是 also
// tells a case ("是个体户 不是公司"), which rejecting turns down; a
// rejection naming nothing ("是的 不是很清楚") is no correction.
func (ix *Index) correctionBareMeant(first, after string) (rest, rejected string, ok bool) {
	rest, cut := strings.CutPrefix(first, "是")
	if !cut || rest == "" || strings.HasPrefix(rest, "的") || strings.HasPrefix(rest, "不是") {
		return "", "", false
	}
	rejected, ok = ix.rejectedAfter(squeeze(after))
	if !ok || len(ix.situationWords(rejected)) == 0 {
		return "", "", false
	}
	return rest, rejected, true
}

// meantOnly reads "我是问房租 租农民私人的房子 我这种算不算": the first
// clause says what was meant (a correction.then phrase with 是), and no
// clause says what was not. rest is the message without the phrase and
// meant the words of the first clause after it.
func (ix *Index) meantOnly(text string) (rest, meant string, ok bool) {
	first, after, _ := firstClause(text)
	first = squeeze(first)
	for _, ph := range ix.cues.list(cueCorrectionThen) {
		if utf8.RuneCountInString(ph) >= 3 && strings.Contains(ph, "是") && strings.HasPrefix(first, ph) {
			meant = first[len(ph):]
			break
		}
	}
	if meant == "" {
		return "", "", false
	}
	return strings.TrimSpace(meant + " " + after), meant, true
}

// matterEnds are the endings that make "不是X的事" name a matter the owner
// is not asking about, not their own kind ("是个体户 不是公司").
var matterEnds = []string{"的事情", "的事儿", "的事", "的问题"}

// correctionMatterLast reads a correction that tells what was meant in
// its own words first and sets a matter aside in its last clause ("我们主要
// 是想扩建冷库，建冷链设施，不是贷款的事"): the last clause opens with a
// correction phrase and ends with 的事 (or 的问题), which makes what it
// negates a matter, not the asker's kind; what comes before it is what
// was meant, and must name something.
func (ix *Index) correctionMatterLast(text string) (rest, rejected string, ok bool) {
	s := strings.TrimRightFunc(strings.TrimSpace(text), isClauseSep)
	i := strings.LastIndexFunc(s, isClauseSep)
	if i < 0 {
		return "", "", false
	}
	meant, last := strings.TrimRightFunc(s[:i], isClauseSep), squeeze(s[i:])
	last = strings.TrimRight(last, "啊呀吧啦嘛哦")
	// rejectedAfter trims only particles, so the ending goes first.
	for _, end := range matterEnds {
		if strings.HasSuffix(last, end) {
			not, ok := ix.rejectedAfter(strings.TrimSuffix(last, end))
			if !ok || len(ix.situationWords(not)) == 0 || len(ix.situationWords(meant)) == 0 {
				return "", "", false
			}
			return meant, not, true
		}
	}
	return "", "", false
}

// correctionWithin reads a correction said in a clause of its own anywhere
// in a message that asks something in its other clauses: "不是X" ("我以前贷
// 过款 不是首贷 担保费那个优惠还有别的条吗") or the owner saying they do
// not do X ("我不搞直播 就是租金太贵 私人市场的租金能减吗"). rest is the
// message without that clause, rejected is X. The clause must ask nothing
// itself ("不是说能缓吗" asks), and X must name something; whether X is
// what the topic is about is the caller's to judge (a "不是X" about
// anything else tells the owner's case). A "不是X" after "…是Y" tells the
// case, and so does the rest pointing at the measure shown (这个), asking
// whether the case counts (算不算) or counts too (也行吗): none of those is
// read here.
func (ix *Index) correctionWithin(text string) (rest, rejected string, ok bool) {
	clauses := strings.FieldsFunc(strings.TrimSpace(text), isClauseSep)
	if len(clauses) < 2 {
		return "", "", false
	}
	for i, cl := range clauses {
		s := strings.TrimRight(squeeze(cl), "啊呀吧啦嘛哦")
		not, found := ix.rejectedAfter(s)
		if !found {
			for _, ph := range ix.cues.list(cueCorrectionOwn) {
				if strings.HasPrefix(s, ph) {
					not, found = strings.TrimRight(s[len(ph):], "的了啊呀吧啦嘛"), true
					break
				}
			}
		}
		if !found || not == "" || len(ix.situationWords(not)) == 0 || ix.YesNo(s) || ix.cues.has(s, cueInterrogative) {
			continue
		}
		if i > 0 && strings.Contains(strings.ReplaceAll(clauses[i-1], "不是", ""), "是") {
			// "我们是博物馆 不是旅游平台", "接的是服务采购 不是工程": 是Y
			// 不是X tells the owner's case, to be judged against the topic.
			return "", "", false
		}
		others := slices.Concat(clauses[:i:i], clauses[i+1:])
		rest = strings.Join(others, " ")
		if strings.ContainsAny(rest, "这也") || strings.Contains(rest, "算不算") || ix.cues.has(rest, cueEligible) {
			// "…这也不算逾期吗", "…250万的项目算不算", "不是北京的高校，河北
			// 的大学毕业生也行吗": the owner puts their case to the measure
			// shown, which is still the topic.
			return "", "", false
		}
		if !slices.ContainsFunc(others, ix.asks) {
			// Nothing else asked: the clause tells the case, or is a
			// correction the readers above take.
			return "", "", false
		}
		return rest, not, true
	}
	return "", "", false
}

// asks reports whether a clause asks something by its words or shape: a
// question word, a yes/no cue or shape, or an either-or.
func (ix *Index) asks(s string) bool {
	return ix.YesNo(s) || ix.cues.has(s, cueInterrogative) || clause.AsksYesNo(s) || clause.AsksEitherOr(s) || strings.ContainsAny(s, "?？")
}
