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
// see spellAsGuide. known is the measures' text and the lexicon's words,
// whose words are never respelt: the lexicon's 制造 (a trade) is no
// misspelling of a guide's coined 智造.
func (k *knowledge) guideSpellings() (spelt map[string][]string, known string) {
	spelt = map[string][]string{}
	var all strings.Builder
	for sec, ws := range k.lex.Cues {
		if sec != cueExamples {
			all.WriteString(strings.Join(ws, "\n") + "\n")
		}
	}
	for _, s := range k.lex.Synonyms {
		all.WriteString(strings.Join(s.From, "\n") + "\n" + strings.Join(s.To, "\n") + "\n")
	}
	all.WriteString(strings.Join(k.lex.UserWords, "\n") + "\n")
	for _, m := range k.guide.Measures {
		for _, t := range append([]string{m.Text}, m.Details...) {
			all.WriteString(t + "\n")
			ts := k.seg.Tag(t)
			for i, w := range ts {
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
	return spelt, all.String()
}

// spellAsGuide writes each two-character word of text that the general
// dictionary knows, and neither the guide nor the lexicon writes, the way
// the guide misspells it, when the guide has one such spelling reading
// alike with one character different: "甜蜜之路" is searched as the
// guide's "甜密之路".
func (ix *Index) spellAsGuide(text string) string {
	if len(ix.spelt) == 0 {
		return text
	}
	for _, w := range ix.seg.Tag(text) {
		rs := []rune(w.Word)
		if len(rs) != 2 || !isHan(w.Word) || strings.Contains(ix.spellKnown, w.Word) {
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
