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
