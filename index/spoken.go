package index

import (
	"regexp"
	"strconv"
	"strings"
)

// spokenDigit maps a Chinese numeral read digit by digit to its digit:
// voice input writes a hotline or a year as it is spoken ("一二三四五",
// "二零二二年", "幺幺零"), where the guide writes 12345, 2022年, 110.
var spokenDigit = map[rune]rune{
	'零': '0', '〇': '0', '幺': '1', '一': '1', '二': '2', '三': '3', '四': '4',
	'五': '5', '六': '6', '七': '7', '八': '8', '九': '9',
}

// spokenDigits rewrites the runs of numerals of s that are read digit by
// digit as digits: runs of four or more, or of three holding 零, 〇 or 幺
// (which counting never does). Shorter runs stay: "三四个人", "七八月份"
// count or span, and 十 百 千 万 mark a number read as an amount.
func spokenDigits(s string) string {
	if !strings.ContainsAny(s, "零〇幺一二三四五六七八九") {
		return s // most messages: no copy
	}
	rs := []rune(s)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); {
		j := i
		zero := false
		for j < len(rs) {
			if _, ok := spokenDigit[rs[j]]; !ok {
				break
			}
			zero = zero || rs[j] == '零' || rs[j] == '〇' || rs[j] == '幺'
			j++
		}
		if n := j - i; n >= 4 || n == 3 && zero {
			for _, r := range rs[i:j] {
				b.WriteRune(spokenDigit[r])
			}
			changed = true
			i = j
			continue
		}
		if j == i {
			j++
		}
		b.WriteString(string(rs[i:j]))
		i = j
	}
	if !changed {
		return s
	}
	return b.String()
}

// spokenRate finds a rate or a decimal read aloud: "百分之零点五",
// "百分之二十", "零点五", "一点五倍". Voice input writes them in words where
// the guide writes 0.5%, 20%, 0.5 and 1.5倍, and jieba cuts the words
// (百分之零点 | 五) so that no term matches.
var spokenRate = regexp.MustCompile(`(百分之|千分之)?([零〇一二两三四五六七八九十]+)(?:点([零〇一二三四五六七八九]+))?(倍|个点|个百分点)?`)

// spokenDecimals rewrites the rates and decimals of s read aloud as
// figures: after 百分之 any number up to 一百 ("百分之零点五" 0.5%,
// "百分之二十" 20%), after 千分之 a tenth of it as a percentage, the way
// the guide writes a rate ("千分之五" 0.5%: a fee "只收千分之五"); without it, a decimal whose whole part is 零 ("零点
// 五" 0.5) or that a multiple or a point follows ("一点五倍" 1.5倍). Other
// numbers stay words: "三个月", "快一点", "两点半" (a time).
func spokenDecimals(s string) string {
	if !strings.Contains(s, "点") && !strings.Contains(s, "百分之") && !strings.Contains(s, "千分之") {
		return s // most messages: no copy
	}
	var b strings.Builder
	last := 0
	for _, ix := range spokenRate.FindAllStringSubmatchIndex(s, -1) {
		group := func(k int) string {
			if ix[2*k] < 0 {
				return ""
			}
			return s[ix[2*k]:ix[2*k+1]]
		}
		percent, whole, frac, unit := group(1) != "", group(2), group(3), group(4)
		n, ok := spokenInt(whole)
		// "百分之一百", "三十万": a number read on past the match.
		on := strings.HasPrefix(s[ix[1]:], "百") || strings.HasPrefix(s[ix[1]:], "千")
		if !ok || on || !percent && (frac == "" || whole != "零" && whole != "〇" && unit == "") {
			continue
		}
		b.WriteString(s[last:ix[0]])
		if group(1) == "千分之" {
			// Per mille: the figure over ten, as a percentage.
			v, _ := strconv.ParseFloat(strconv.Itoa(n)+"."+spokenFraction(frac), 64)
			b.WriteString(strconv.FormatFloat(v/10, 'f', -1, 64) + "%" + unit)
			last = ix[1]
			continue
		}
		b.WriteString(strconv.Itoa(n))
		if frac != "" {
			b.WriteByte('.')
			for _, r := range frac {
				b.WriteRune(spokenDigit[r])
			}
		}
		if percent {
			b.WriteByte('%')
		}
		b.WriteString(unit)
		last = ix[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// spokenInt reads a whole number from 0 to 100 written in words (五, 十五,
// 二十, 二十五, 一百 is not read: 百 is not matched); ok is false for
// anything else ("三五" is a span).
func spokenInt(s string) (int, bool) {
	rs := []rune(s)
	digit := func(r rune) (int, bool) {
		if r == '两' {
			return 2, true
		}
		d, ok := spokenDigit[r]
		if !ok || r == '幺' {
			return 0, false
		}
		return int(d - '0'), true
	}
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		d, ok := digit(rs[1])
		return 10 + d, ok && d > 0
	case len(rs) == 2 && rs[1] == '十':
		d, ok := digit(rs[0])
		return 10 * d, ok && d > 1
	case len(rs) == 3 && rs[1] == '十':
		a, ok1 := digit(rs[0])
		b, ok2 := digit(rs[2])
		return 10*a + b, ok1 && ok2 && a > 1 && b > 0
	}
	return 0, false
}

// optionLabel finds a lettered option's label ("A. ", "B、", "(C)") after
// the start, a space or a punctuation mark, with what the option says after
// it.
var optionLabel = regexp.MustCompile(`(^|[\s:：,，?？])[(（]?([A-Da-d])[).）．、]\s*`)

// optionLists rewrites the lettered options of a quiz or a form ("主要面向的
// 是 A. 暑期青少年 B. 退休老人 C. 企业员工培训？") as one list (暑期青少年、
// 退休老人、企业员工培训): the labels are no words (the corrector read a
// lone A as 啊) and their full stops no sentence ends, so the options stay
// one ask with the stem that asks about them. Only a run of labels in
// order from A is read so; a lone "A." stays.
func optionLists(s string) string {
	ms := optionLabel.FindAllStringSubmatchIndex(s, -1)
	if len(ms) < 2 {
		return s
	}
	next := byte('A')
	var keep [][]int
	for _, m := range ms {
		l := s[m[4]] &^ 0x20 // upper case
		if l != next {
			break
		}
		keep = append(keep, m)
		next++
	}
	if len(keep) < 2 {
		return s
	}
	var b strings.Builder
	at := 0
	for k, m := range keep {
		// Up to the label, with the mark before it but no space: a space
		// would cut the list into clauses.
		b.WriteString(strings.TrimRight(s[at:m[3]], " \t\n\u3000"))
		if k > 0 {
			b.WriteString("、")
		}
		at = m[1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// spokenFraction is the digits of a decimal's part read aloud ("五" 5), "0"
// for none.
func spokenFraction(frac string) string {
	if frac == "" {
		return "0"
	}
	var b strings.Builder
	for _, r := range frac {
		b.WriteRune(spokenDigit[r])
	}
	return b.String()
}
