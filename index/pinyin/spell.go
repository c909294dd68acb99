package pinyin

import gopinyin "github.com/mozillazg/go-pinyin"

// Spell writes Chinese characters in toneless pinyin, one reading each
// (the most common), without separators: "门头沟" → "mentougou". Other
// characters are dropped. It names things for people (a guide's id), so
// a heteronym's rarer reading does not matter.
func Spell(s string) string {
	var out string
	for _, syl := range gopinyin.LazyPinyin(s, gopinyin.Args{Style: gopinyin.Normal}) {
		out += syl
	}
	return out
}

// Homophones reports whether two characters share a toneless reading
// (晓 and 小: xiao), as a name typed by its sound may swap one for the
// other. A character without a reading is no one's homophone.
func Homophones(a, b rune) bool {
	if a == b {
		return true
	}
	t := readings()
	for _, x := range t.of(a) {
		for _, y := range t.of(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}
