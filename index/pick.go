package index

import (
	"regexp"
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
		// "2 找谁", "第二个怎么申请": a position, then what to know of it.
		m := leadingOrdinal.FindStringSubmatch(strings.TrimSpace(text))
		if m == nil || !ix.cues.bare(m[2]) || len(ix.cues.aspectsOf(m[2])) == 0 {
			return Ask{}, false
		}
		n, rest = ix.ordinal(m[1]), m[2]
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
