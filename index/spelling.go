package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/index/jieba"
	"policybot/index/pinyin"
)

// guideSpellings finds the guide's own misspellings: two adjacent
// characters jieba leaves single that together are no word, keyed by
// their toneless pinyin (甜密之路 in a guide that meant 甜蜜). An asker
// who spells the word right (甜蜜之路) then still finds the guide's text:
// see spellAsGuide. guideWords are the guide's words, which are never
// respelt.
func (k *knowledge) guideSpellings() (spelt map[string][]string, guideWords map[string]bool) {
	spelt, guideWords = map[string][]string{}, map[string]bool{}
	for _, m := range k.guide.Measures {
		for _, t := range append([]string{m.Text}, m.Details...) {
			ts := k.seg.Tag(t)
			for i, w := range ts {
				guideWords[w.Word] = true
				if i == 0 {
					continue
				}
				a, b := ts[i-1].Word, w.Word
				if utf8.RuneCountInString(a) != 1 || utf8.RuneCountInString(b) != 1 || !isHan(a+b) || k.stopword[a] || k.stopword[b] {
					continue
				}
				g := a + b
				if _, ok := jieba.GeneralIDF(g); ok {
					continue
				}
				if s := pinyin.Spell(g); s != "" && !slices.Contains(spelt[s], g) {
					spelt[s] = append(spelt[s], g)
				}
			}
		}
	}
	return spelt, guideWords
}

// spellAsGuide writes each two-character word of text that the general
// dictionary knows and the guide never uses the way the guide misspells
// it, when the guide has one such spelling reading alike with one
// character different: "甜蜜之路" is searched as the guide's "甜密之路".
func (ix *Index) spellAsGuide(text string) string {
	if len(ix.spelt) == 0 {
		return text
	}
	for _, w := range ix.seg.Tag(text) {
		rs := []rune(w.Word)
		if len(rs) != 2 || !isHan(w.Word) || ix.guideWords[w.Word] {
			continue
		}
		if _, ok := jieba.GeneralIDF(w.Word); !ok {
			continue
		}
		var found []string
		for _, g := range ix.spelt[pinyin.Spell(w.Word)] {
			gs := []rune(g)
			if (gs[0] == rs[0]) != (gs[1] == rs[1]) {
				found = append(found, g)
			}
		}
		if len(found) == 1 {
			text = strings.ReplaceAll(text, w.Word, found[0])
		}
	}
	return text
}
