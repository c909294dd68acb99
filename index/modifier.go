package index

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index/jieba"
)

// A measure can hold the ask's head word and still be about something
// else: "出口退税" against a measure on 留抵退税, "2023年还有房租减免吗"
// against a measure for 2022. The measure names a kind of the head (its
// text writes the head only after a qualifier of its own) and the ask
// names another kind, or the ask names a year after every year the
// measure names. Both are read from the guide's own text; such a measure
// is a near miss.

// qualifiedHead returns the ask's word that names a kind of a head word
// measure text writes only as kinds of its own ("出口退税" against 留抵退税),
// or "". The qualifier is inside one word of the ask, or written before
// the head as a noun that makes one dictionary word with it; the tagger
// reads other adjacent words ("这阵子贷款", "或者分包") too loosely to
// tell a qualifier from an everyday word of the story.
func (ix *Index) qualifiedHead(q, situation, text string) string {
	var measure []jieba.Tagged // the measure's words, tagged when needed
	kinds := func(h string) bool {
		if measure == nil {
			measure = ix.seg.Tag(text)
		}
		return kindsOnly(measure, h)
	}
	words := ix.seg.Tag(strings.TrimSpace(situation + " " + q))
	for _, w := range words {
		if p := ix.splitCompound(w.Word, text, kinds); p != "" {
			return p
		}
	}
	// Written apart, the qualifier comes first and the two make one
	// dictionary word ("做出口的，有退税政策吗": 出口退税). What makes a
	// word a qualifier is checked once per word, the tagger last; the
	// dictionary (a cgo call per pair) is asked only about the pairs left.
	qualifier := make([]int8, len(words)) // 0 not checked yet, 1 a qualifier, -1 not
	isQualifier := func(i int) bool {
		if qualifier[i] == 0 {
			x := words[i].Word
			qualifier[i] = -1
			// A place names where, not what kind ("在北京注册…中风险地区"
			// is no 北京地区 against the measure's 中高风险地区): another
			// place is weighed as such (OtherPlace), the guide's own is
			// no evidence at all.
			if utf8.RuneCountInString(x) >= 2 && ix.foreign(x) && !ix.cues.isCue(x) && !ix.mentionsAny(text, x) && ix.noun(x) && !strings.HasPrefix(words[i].POS, "ns") {
				qualifier[i] = 1
			}
		}
		return qualifier[i] > 0
	}
	for j, h := range words {
		if utf8.RuneCountInString(h.Word) < 2 || !strings.Contains(text, h.Word) {
			continue
		}
		for i, x := range words[:j] {
			// Right before the head of a cover, a kind that no measure of
			// the guide writes with it ("蜂业保险", "养殖保险") is a cover
			// the guide does not have, whatever the measure says of 保险.
			if i == j-1 && ix.coverHead(h.Word) && ix.coverQualifier(x) && !ix.guideWrites(x.Word+h.Word) {
				return x.Word + h.Word
			}
			// Right before the head of a paper an owner holds (the
			// kind.document section), a qualifier no measure and no
			// owner's question uses names a kind of its own whether or
			// not the dictionary knows the pair ("特种行业许可证这个证
			// 怎么办", "动物诊疗许可证需要什么条件" against 工业产品生产
			// 许可证): a permit the guide does not run.
			// A yes-or-no ask ("卫生许可证快到期了 能不能延") is left to
			// the measure's verdict, which names the kinds it lists and
			// says it has no rule for the one asked about.
			adjacent := i == j-1 && !ix.YesNo(q) && ix.documentHead(h.Word) && ix.adjacentQualifier(x, text)
			// A cost the measure pays only of kinds of its own (核酸检测
			// 费用) is another cost when the ask's kind is a word the
			// measure does not use, known to the guide or not ("改造费用
			// 好几万，政府给补贴吗"), asked yes or no as well: a subsidy for
			// X is no answer to one for Y.
			adjacent = adjacent || i == j-1 && ix.costHead(h.Word) && ix.costQualifier(x, text)
			if !adjacent && !isQualifier(i) {
				continue
			}
			if xh := x.Word + h.Word; !strings.Contains(text, xh) && !ix.namedThrough(text, xh) && (adjacent || ix.dictWord(xh)) && kinds(h.Word) {
				return xh
			}
		}
	}
	return ""
}

// adjacentQualifier reports whether word x, written right before a head,
// qualifies it as a kind the measure (text) does not name: two characters
// or more that neither a measure nor an example question uses, a noun or
// a verb of the kind's name (排污, 诊疗), no place and no cue.
func (ix *Index) adjacentQualifier(x jieba.Tagged, text string) bool {
	pos := x.POS
	return utf8.RuneCountInString(x.Word) >= 2 && ix.foreign(x.Word) && !ix.cues.isCue(x.Word) && !ix.mentionsAny(text, x.Word) &&
		(nounTag(pos) || pos == "v") && !strings.HasPrefix(pos, "ns") && !ix.placeWord(x.Word)
}

// costHead reports whether w is the head of a cost (费用, 支出: the
// kind.cost section).
func (ix *Index) costHead(w string) bool {
	return slices.Contains(ix.cues.list(cueKindCost), w)
}

// costQualifier reports whether word x, written right before a cost's
// head, names a kind of cost the measure (text) does not: two characters
// or more, a noun or a verb, which the measure does not mention in any
// form, no place, no cue and no stop word (那些支出 names no kind).
func (ix *Index) costQualifier(x jieba.Tagged, text string) bool {
	pos := x.POS
	return utf8.RuneCountInString(x.Word) >= 2 && !ix.cues.isCue(x.Word) && !ix.stopword[x.Word] && !ix.mentionsAny(text, x.Word) &&
		(nounTag(pos) || pos == "v") && !strings.HasPrefix(pos, "ns") && !ix.placeWord(x.Word)
}

// coverHead reports whether w is the head of a cover named by its kind
// (保险: the kind.cover section).
func (ix *Index) coverHead(w string) bool {
	return slices.Contains(ix.cues.list(cueKindCover), w)
}

// coverQualifier reports whether word x, written right before a cover's
// head, may name its kind: two Han characters or more, no cue, stop word
// or place, a noun naming a field ("养殖", "蜂业" the tagger does not
// know); no distinguishing word (新型保险 is no kind), nor a verb with its
// classifier the tagger does not know (买个保险).
func (ix *Index) coverQualifier(x jieba.Tagged) bool {
	r := []rune(x.Word)
	if len(r) < 2 || !hanWord(x.Word) || ix.cues.isCue(x.Word) || ix.stopword[x.Word] || ix.placeWord(x.Word) {
		return false
	}
	switch {
	case x.POS == "x":
		return !strings.ContainsRune(coverClassifiers, r[len(r)-1])
	case x.POS == "vn":
		return true
	}
	return strings.HasPrefix(x.POS, "n") && x.POS != "ns" && x.POS != "nr"
}

// coverClassifiers end a verb the tagger does not know with the count of
// what it takes (买个, 上份).
const coverClassifiers = "个份种家台项"

// documentHead reports whether w ends in the head of a paper an owner
// holds (许可证, 执照: the kind.document section).
func (ix *Index) documentHead(w string) bool {
	return slices.ContainsFunc(ix.cues.list(cueKindDocument), func(h string) bool { return strings.HasSuffix(w, h) })
}

// dictWord reports whether w is one word to the segmenter's dictionary.
func (ix *Index) dictWord(w string) bool {
	for _, c := range ix.seg.Cut(w) {
		if c == w {
			return true
		}
	}
	return false
}

// splitCompound returns w when it is one word of qualifier and head
// ("出口退税": 出口, 退税) and text writes the head but neither the word
// nor the qualifier, and writes the head only as kinds of its own; ""
// otherwise.
func (ix *Index) splitCompound(w, text string, kinds func(string) bool) string {
	r := []rune(w)
	// A kind the measure's own kinds hold (中型企业 of 中小企业, a sense
	// line) is no other kind. A word of a cost's head (通行费, 退费补贴)
	// is split whether or not the guide uses it, three characters too
	// (通行费 against 资费): a cost of another kind.
	cost := len(r) >= 3 && (ix.costHead(string(r[len(r)-1:])) || len(r) >= 4 && ix.costHead(string(r[len(r)-2:])))
	if len(r) < 4 && !cost || strings.Contains(text, w) || !cost && !ix.foreign(w) || ix.namedThrough(text, w) {
		return ""
	}
	last := len(r) - 2
	if ix.costHead(string(r[len(r)-1:])) {
		last = len(r) - 1 // a one-character head of a cost (通行费 against 资费)
	}
	for k := 2; k <= last; k++ {
		x, h := string(r[:k]), string(r[k:])
		if strings.Contains(text, h) && ix.foreign(x) && !ix.cues.isCue(x) && !ix.mentionsAny(text, x) && ix.noun(x) && !ix.placeWord(x) && kinds(h) {
			return w
		}
		// A cost is another cost by its kind alone, a word of the guide
		// or not, as costQualifier reads a kind written apart.
		if cost && ix.costHead(h) && strings.Contains(text, h) {
			if t := ix.seg.Tag(x); len(t) == 1 && ix.costQualifier(t[0], text) && kinds(h) {
				return w
			}
		}
	}
	return ""
}

// foreign reports whether neither a measure's text nor an example
// question uses w: a word of the guide or of its owners' questions names
// what the guide is about.
func (ix *Index) foreign(w string) bool {
	_, banked := ix.idf(w, -1)
	return !banked && !ix.vocab.inText[w]
}

// kindsOnly reports whether a measure's words write h only as the end of a longer
// name, after a noun of its own ("工业产品生产许可证", "留抵退税"): the
// measure is about those kinds of h, not h in general.
func kindsOnly(words []jieba.Tagged, h string) bool {
	seen := false
	for i, w := range words {
		if !strings.HasSuffix(w.Word, h) {
			continue
		}
		seen = true
		if w.Word != h {
			continue // "许可证" inside one word "生产许可证"
		}
		if i == 0 || !nounTag(words[i-1].POS) || utf8.RuneCountInString(words[i-1].Word) < 2 {
			return false
		}
	}
	return seen
}

// noun reports whether the tagger reads w alone as one noun.
func (ix *Index) noun(w string) bool {
	t := ix.seg.Tag(w)
	return len(t) == 1 && nounTag(t[0].POS)
}

// nounTag reports whether a part-of-speech tag is a noun's (nouns, verbal
// and adjectival nouns, abbreviations, distinguishing words).
func nounTag(pos string) bool {
	return strings.HasPrefix(pos, "n") || pos == "vn" || pos == "an" || pos == "j" || pos == "b"
}

// anyYear finds a year a measure names.
var anyYear = regexp.MustCompile(`20[0-9]{2}`)

// yearPattern finds a year: 2023年, 2023年度.
var yearPattern = regexp.MustCompile(`(20[0-9]{2})\s*年(了)?`)

// laterYear returns the year q asks about ("2023年") when it is after
// every year measure text names, or, when text names none, after the
// year the guide was published; "" otherwise. A year the speaker lives in
// ("都2026年了") asks nothing about the measure's period, unless its own
// clause goes on to ask whether the measure still holds ("2025年了社保缓
// 缴还有吗": cueYearStill): a guide of an earlier year cannot say that.
func (ix *Index) laterYear(q, text string) string {
	last := 0
	for _, m := range anyYear.FindAllString(text, -1) {
		last = max(last, atoi(m))
	}
	if last == 0 && len(ix.guide.Published) >= 4 {
		last = atoi(ix.guide.Published[:4])
	}
	for _, m := range yearPattern.FindAllStringSubmatchIndex(q, -1) {
		year := q[m[2]:m[3]]
		if last == 0 || atoi(year) <= last {
			continue
		}
		if m[4] < 0 || ix.cues.has(clauseAt(q[m[1]:]), cueYearStill) {
			return year + "年"
		}
	}
	return ""
}

// clauseAt is the start of s up to the first mark or space that ends a
// clause.
func clauseAt(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,。.？?！!；;", r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// atoi is the value of a run of digits (0 for anything else).
func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }))
	if err != nil {
		return 0
	}
	return n
}

// placeWord reports whether the tagger reads w as one place name.
func (ix *Index) placeWord(w string) bool {
	ts := ix.seg.Tag(w)
	return len(ts) == 1 && strings.HasPrefix(ts[0].POS, "ns")
}
