package index

import (
	"slices"
	"strings"
)

// Levels of government. A district's guide answers for its district: an
// ask about the nation's own programme or the city's ("国家对新能源车有什么
// 补贴", "<city>统一发放的消费券怎么抢") is not answered by the district's
// measure on the same topic, unless that measure names the level ("落实国家
// …政策", "按<city>统一要求…"). The words are the cue lexicon's [level.*]
// sections; the city is the guide's own, read from its issuer.

// higherLevel returns the words by which a measure would name the level of
// government above the guide's that ask names: the nation's words, or the
// city's where a district or county issued the guide. It returns nil when
// the ask names no such level, or also names the guide's own level ("区里
// 还有奖励吗", its district): then it asks about the district.
func (ix *Index) higherLevel(ask string) []string {
	s := squeeze(ask)
	if s == "" || ix.cues.has(s, cueLevelLocal) || slices.ContainsFunc(ix.homePlaces, func(h string) bool { return strings.Contains(s, h) }) {
		return nil
	}
	if ix.cues.has(s, cueLevelNation) {
		return ix.nationWords()
	}
	city := ix.cityPlaces()
	if len(city) == 0 {
		return nil
	}
	named := ix.cues.has(s, cueLevelCity)
	for _, c := range city {
		for rest := s; !named; {
			_, after, ok := strings.Cut(rest, c)
			if !ok {
				break
			}
			named = slices.ContainsFunc(ix.cues.list(cueLevelCityAfter), func(a string) bool { return strings.HasPrefix(after, a) })
			rest = after
		}
	}
	if !named {
		return nil
	}
	return append(append(slices.Clone(city), ix.cues.list(cueLevelCity)...), "本市", "全市")
}

// nationWords are the words by which a measure names the nation: 国家,
// 中央, 国务院 and the places every guide lies in (全国).
func (ix *Index) nationWords() []string {
	return append([]string{"国家", "中央", "国务院"}, ix.cues.list(cuePlaceAll)...)
}

// cityPlaces are the guide's own places above its home district: the city
// of a district's guide (its city with and without 市), none for a city's
// own guide.
func (ix *Index) cityPlaces() []string {
	if len(ix.homePlaces) == 0 {
		return nil
	}
	var out []string
	for _, p := range ix.ownPlaces {
		if !slices.Contains(ix.homePlaces, p) && !slices.ContainsFunc(ix.homePlaces, func(h string) bool { return strings.Contains(h, p) }) {
			out = append(out, p)
		}
	}
	return out
}

// otherLevel reports whether the ask names a level of government above the
// guide's (higherLevel) that measure n (0: none) does not name: evidence
// that the guide does not answer it, as a domain out-of-scope word is.
func (ix *Index) otherLevel(level []string, n int) bool {
	if len(level) == 0 {
		return false
	}
	m := ix.guide.Measure(n)
	if m == nil {
		return true
	}
	text := measureWords(m)
	return !slices.ContainsFunc(level, func(w string) bool { return strings.Contains(text, w) })
}
