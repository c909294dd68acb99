package index

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"policybot/seeds"
)

// Picking by number: "2", "①" (NFKC makes it "1"), "第二个", "选3" pick
// an item of the numbered list the conversation showed last.

// ordinalPattern is a list position, after filler and pick words are cut:
// 2, 第2, 第二个, 三号. Never "第二条", which names measure 2.
var ordinalPattern = regexp.MustCompile(`^第?([0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:个|项|号)?$`)

// leadingOrdinal is a list position set apart (by a space, a comma or
// 个/项/号) before the rest of a message: "2 找谁", "第二个怎么申请". A
// number glued to words ("2找谁" aside) or "第二条…" does not match.
var leadingOrdinal = regexp.MustCompile(`^(第?(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:个|项|号|[ 　，,、])[ 　，,、]*)(\S.*)$`)

// trailingOrdinal is a list position with 第 closing a message, after
// words that say which list it is in: "那贷款那个第二个吧" (filler and
// pick words cut first). 第 is required, so "贷款2" or "两个" count
// nothing, and "第二条" names a measure, not a position.
var trailingOrdinal = regexp.MustCompile(`^(.+?)的?(第(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:个|项|号)?)$`)

// spokenClause is "第一条", "第二条" in words: a measure's number, except
// right after a numbered list, where a short position in words is the
// list's (the list shows "1. 【第4条】"; nobody types 第一条 to mean the
// guide's first measure at that point).
var spokenClause = regexp.MustCompile(`^第([一二两三四五六七八九十]{1,2})条$`)

// listedClause returns the list position "第一条" names after a numbered
// list of n items, 0 when the number is past the list or the measure of
// that number is itself on the list.
func (ix *Index) listedClause(text string, listed []int) int {
	s, _ := ix.cues.cut(squeeze(text), cuePick)
	s = ix.cues.rest(s)
	m := spokenClause.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n := seeds.ParseNumeral(strings.ReplaceAll(m[1], "两", "二"))
	if n < 1 || n > len(listed) || slices.Contains(listed, n) {
		return 0
	}
	return n
}

// leadingClause is "第一条" in words before the rest of a message
// ("第一条跟我有关系吗"), read as a position only by listedClause.
var leadingClause = regexp.MustCompile(`^(第[一二两三四五六七八九十]{1,2}条)[ 　，,、]*(\S.*)$`)

// asksFitOfPick reports whether the rest of a message after a list position
// only asks whether that item fits the asker ("跟我有关系吗", "我们算不算"):
// a yes/no question with a word putting a case to a measure and no word
// naming a case or a subject of its own.
func (ix *Index) asksFitOfPick(rest string) bool {
	if !ix.YesNo(rest) || !ix.cues.has(rest, cueCaseTopic) {
		return false
	}
	for _, w := range ix.ownWords(ix.situationWords(rest)) {
		if !ix.cues.has(w, cueCaseVague) {
			return false
		}
	}
	return true
}

// ordinal returns the list position a message names and nothing else, or 0.
func (ix *Index) ordinal(text string) int {
	s, _ := ix.cues.cut(squeeze(text), cuePick)
	s = ix.cues.rest(s)
	m := ordinalPattern.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	if n, err := strconv.Atoi(m[1]); err == nil {
		return n
	}
	return seeds.ParseNumeral(strings.ReplaceAll(m[1], "两", "二"))
}

// readPick reads a message that only names a list position against the
// list last shown (c.Listed): an ask picking that item, or one picking
// nothing when the number is not on the list. ok is false for a message
// that is not a bare number, or when no list was shown.
func (ix *Index) readPick(text string, c Context) (a Ask, ok bool) {
	if len(c.Listed) == 0 {
		return Ask{}, false
	}
	n, rest := ix.ordinal(text), ""
	if n == 0 {
		n = ix.subjectOrdinal(text, c.Listed)
	}
	if n == 0 {
		n = ix.closingOrdinal(text)
	}
	if n == 0 {
		n = ix.listedClause(text, c.Listed)
	}
	if n == 0 {
		// "2 找谁", "第二个怎么申请": a position, then what to know of it.
		// "第一个跟我有关系吗": or a position, then whether it fits the
		// asker's case, with no case told.
		m := leadingOrdinal.FindStringSubmatch(strings.TrimSpace(text))
		if m == nil {
			if m = leadingClause.FindStringSubmatch(strings.TrimSpace(text)); m != nil && ix.listedClause(m[1], c.Listed) == 0 {
				m = nil
			}
		}
		if m == nil {
			return Ask{}, false
		}
		switch {
		case ix.cues.bare(m[2]) && len(ix.cues.aspectsOf(m[2])) > 0:
			rest = m[2]
		case ix.asksFitOfPick(m[2]):
		default:
			return Ask{}, false
		}
		if n = ix.ordinal(m[1]); n == 0 {
			n = ix.listedClause(m[1], c.Listed)
		}
		if n == 0 {
			return Ask{}, false
		}
	}
	a = Ask{Text: text, Bare: true}
	if rest != "" {
		a.Aspects, a.OnlyContact = ix.cues.aspectsOf(rest), ix.cues.only(rest, cueContact)
	}
	if n <= len(c.Listed) {
		a.Pick = c.Listed[n-1]
	}
	return a, true
}

// subjectOrdinal reads a position that closes a message after words naming
// what the list was about: "那贷款那个第二个吧" after a list of loan
// measures picks the second. The words must be written by a measure of the
// list (or their synonyms), so a position after a new subject ("社保第二个"
// after loans) is no pick and is read as a question. 0 when it is not one.
func (ix *Index) subjectOrdinal(text string, listed []int) int {
	s, _ := ix.cues.cut(squeeze(text), cuePick)
	s = ix.cues.rest(s)
	m := trailingOrdinal.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	subject := ix.cues.rest(m[1])
	if subject == "" {
		return 0
	}
	named := false
	for _, n := range listed {
		if ix.measureMentions(n, subject) {
			named = true
			break
		}
	}
	if !named {
		return 0
	}
	return ix.ordinal(m[2])
}

// closingOrdinal reads a position that is a message's last sentence after
// statements that ask nothing: "我不是货车司机哈，是开驿站的。先看看4吧"
// corrects what was said and picks the fourth item. 0 when the last
// sentence is no bare position or an earlier one asks something ("2个员工
// 的社保能缓交吗" has no sentence of its own for the number).
func (ix *Index) closingOrdinal(text string) int {
	t := strings.TrimRight(strings.TrimSpace(text), "。！!")
	i := strings.LastIndexAny(t, "。！!；;")
	if i < 0 {
		return 0
	}
	head, last := t[:i], t[i:]
	_, size := utf8.DecodeRuneInString(last)
	last = last[size:]
	if strings.ContainsAny(head, "？?") || ix.YesNo(head) {
		return 0
	}
	return ix.ordinal(last)
}
