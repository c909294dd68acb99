package index

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Dates the asker states against the window of dates a measure's text
// sets for the thing done ("购置日期在2022年6月1日至12月31日期间内"): a
// purchase in 2025 falls outside it, whatever the rest of the rule says.
// Only a window the text sets as a condition of a date (the window.date
// section of cues.txt before it: 日期在) or one whose sentence names what
// the asker says they did on that date weighs: a year the asker names for
// something else ("2019年成立的") rules nothing out.

// month counts months from year 0, so windows compare as numbers.
type month int

func monthOf(year, m int) month { return month(year*12 + m - 1) }

// dateWindow is a span of months a text sets, either end open (至2022年底).
type dateWindow struct {
	from, to     month
	open, closed bool // from is unbounded; to is unbounded
	written      string
	start, end   int
}

var (
	// windowRe: 2022年6月1日至12月31日, 2022年4月至12月, 2022年, 至2022年底.
	windowRe = regexp.MustCompile(`(20[0-9]{2})年(?:([0-9]{1,2})月(?:[0-9]{1,2}日)?)?(?:(?:至|到|—|－|-|～)(?:(20[0-9]{2})年)?(?:([0-9]{1,2})月(?:[0-9]{1,2}日)?|(底)))?(底)?`)
	// askedDateRe: the asker's 2025年, 2024年3月.
	askedDateRe = regexp.MustCompile(`(20[0-9]{2})\s*年(?:\s*([0-9]{1,2})\s*月)?`)
)

// dateWindows are the windows of text.
func dateWindows(text string) []dateWindow {
	var out []dateWindow
	for _, m := range windowRe.FindAllStringSubmatchIndex(text, -1) {
		sub := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		y1, _ := strconv.Atoi(sub(1))
		m1, m2 := 1, 12
		if v := sub(2); v != "" {
			m1, _ = strconv.Atoi(v)
		}
		y2 := y1
		if v := sub(3); v != "" {
			y2, _ = strconv.Atoi(v)
		}
		ranged := sub(3) != "" || sub(4) != "" || sub(5) != ""
		if v := sub(4); v != "" {
			m2, _ = strconv.Atoi(v)
		} else if !ranged && sub(2) != "" {
			m2 = m1 // a year and a month alone: that month
		}
		w := dateWindow{from: monthOf(y1, m1), to: monthOf(y2, m2), written: text[m[0]:m[1]], start: m[0], end: m[1]}
		before, after := text[:m[0]], text[m[1]:]
		switch {
		case strings.HasSuffix(before, "至") || strings.HasSuffix(before, "到") || sub(6) != "" || strings.HasPrefix(after, "前") || strings.HasPrefix(after, "以前") || strings.HasPrefix(after, "之前"):
			// 至2022年底, 2022年底前: an end, no start.
			w.open = true
		case strings.HasPrefix(after, "起") || strings.HasPrefix(after, "以来") || strings.HasPrefix(after, "以后") || strings.HasPrefix(after, "之后"):
			w.closed = true
		}
		out = append(out, w)
	}
	return out
}

// outside reports whether month a (or, with wholeYear, any month of its
// year) lies outside w.
func (w dateWindow) outside(a month, wholeYear bool) bool {
	lo, hi := a, a
	if wholeYear {
		lo, hi = a-a%12, a-a%12+11
	}
	return !w.open && hi < w.from || !w.closed && lo > w.to
}

// outOfWindow are the dates of question q that every window of text on
// the same thing rules out, each against the first of them.
func (ix *Index) outOfWindow(q, text string) []Exclusion {
	asked := askedDateRe.FindAllStringSubmatchIndex(q, -1)
	if len(asked) == 0 {
		return nil
	}
	var out []Exclusion
	for _, a := range asked {
		after := strings.TrimSpace(q[a[1]:])
		if ix.startsWith(after, cueWindowVague) {
			// "2022年以前买的": no date to weigh.
			continue
		}
		year, _ := strconv.Atoi(q[a[2]:a[3]])
		at, wholeYear := monthOf(year, 1), true
		if a[4] >= 0 {
			mo, _ := strconv.Atoi(q[a[4]:a[5]])
			at, wholeYear = monthOf(year, mo), false
		}
		var first *dateWindow
		admitted := false
		for _, s := range splitSentences(text) {
			for _, w := range dateWindows(s) {
				if !ix.windowOn(s, w, q, a[1]) {
					continue
				}
				if !w.outside(at, wholeYear) {
					admitted = true
				} else if first == nil {
					w.written = windowClause(s, w)
					first = &w
				}
			}
		}
		if first != nil && !admitted {
			out = append(out, Exclusion{Asked: q[a[0]:a[1]], Rule: clauseWith(text, first.written), Key: first.written})
		}
	}
	return out
}

// windowOn reports whether window w of sentence s is about the date the
// asker states at byte offset at of q: the text sets it as a condition of
// a date (购置日期在…), or one of the two words right after the asker's
// date (租的国有房子) is written in s.
func (ix *Index) windowOn(s string, w dateWindow, q string, at int) bool {
	clause := s[:w.start]
	if i := strings.LastIndexAny(clause, "，、："); i >= 0 {
		clause = clause[i:]
	}
	if ix.cues.has(clause, cueWindowDate) {
		return true
	}
	rest := q[at:]
	if i := strings.IndexAny(rest, "，。？！,?!；;"); i >= 0 {
		rest = rest[:i]
	}
	n := 0
	for _, t := range ix.seg.Tag(rest) {
		word := strings.TrimSpace(t.Word)
		if word == "" || t.POS == "uj" || t.POS == "ul" || t.POS == "x" || t.POS == "m" {
			continue
		}
		if n++; n > 2 {
			break
		}
		// As written (国有 of 国有房子): through a synonym 公司 would be
		// 企业, any asker.
		r := []rune(word)
		if len(r) >= 2 && len(ix.subjects(word)) == 0 && !ix.cues.isCue(word) && (strings.Contains(s, word) || len(r) >= 3 && strings.Contains(s, string(r[:2]))) {
			return true
		}
	}
	return false
}

// windowClause is the words of s that set w: from the clause's start
// (after 对) through the window and a 期间内 right after it.
func windowClause(s string, w dateWindow) string {
	head := s[:w.start]
	if i := strings.LastIndexAny(head, "，、："); i >= 0 {
		head = head[i+len(string([]rune(head[i:])[0])):]
	}
	head = strings.TrimPrefix(head, "对")
	tail := ""
	for _, t := range []string{"期间内", "期间", "之间"} {
		if strings.HasPrefix(s[w.end:], t) {
			tail = t
			break
		}
	}
	if utf8.RuneCountInString(head) > 12 {
		head = ""
	}
	return head + w.written + tail
}
