package index

import "strings"

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
