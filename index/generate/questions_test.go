package generate

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"policybot/index/jieba"
	"policybot/seeds"
)

// fakeTagger cuts at spaces: each field is a word tagged "n", except the
// ones listed in pos.
type fakeTagger map[string]string

func (f fakeTagger) Tag(text string) []jieba.Tagged {
	var out []jieba.Tagged
	for _, w := range strings.Fields(text) {
		pos := f[w]
		if pos == "" {
			pos = "n"
		}
		out = append(out, jieba.Tagged{Word: w, POS: pos})
	}
	return out
}

// tinyGuide has three measures written as space-separated words.
func tinyGuide() *seeds.Guide {
	return &seeds.Guide{Measures: []seeds.Measure{
		{Number: 1, Text: "企业 社会保险费 缓缴 社会保险费 对受 疫情"},
		{Number: 2, Text: "企业 房屋租金 减免 国有房屋 的 疫情"},
		{Number: 3, Text: "企业 宽带 资费 降低 疫情"},
		{Number: 4}, // text lost
		{Number: 5, Details: []string{"首贷 贴息 企业 疫情"}}, // text lost, a follow-up kept
	}}
}

func TestKeyPhrases(t *testing.T) {
	lex := Lexicon{
		Synonyms:  []Synonym{{From: []string{"社保", "五险"}, To: []string{"社会保险费"}}, {From: []string{"房租"}, To: []string{"房屋租金"}}},
		Stopwords: []string{"疫情"},
	}
	got := KeyPhrases(fakeTagger{"的": "uj"}, tinyGuide(), lex, 2)
	if _, ok := got[4]; ok {
		t.Errorf("measure 4 has no words but got phrases %v", got[4])
	}
	// Measure 5 lost its text: its follow-up sentence is all it has.
	for n, want := range map[int][]string{1: {"社会保险费", "缓缴"}, 2: {"房屋租金", "国有房屋"}, 5: {"首贷", "贴息"}} {
		var texts []string
		for _, p := range got[n] {
			texts = append(texts, p.Text)
			if p.Text == "企业" || p.Text == "疫情" || p.Text == "对受" || p.Text == "的" {
				t.Errorf("measure %d: %q is not a key phrase (in every measure, a stop word, glued to 对, or a particle)", n, p.Text)
			}
		}
		if !slices.Equal(texts, want) {
			t.Errorf("measure %d: key phrases %v; want %v", n, texts, want)
		}
	}
	if ev := got[1][0].Everyday; !slices.Equal(ev, []string{"社保", "五险"}) {
		t.Errorf("everyday words for 社会保险费: %v", ev)
	}
}

func TestQuestionsTiny(t *testing.T) {
	lex := Lexicon{Synonyms: []Synonym{{From: []string{"社保"}, To: []string{"社会保险费"}}, {From: []string{"缓交"}, To: []string{"缓缴"}}}}
	qs := Questions(fakeTagger{}, tinyGuide(), lex, WithPhrases(1), WithShapes([]Shape{
		{Name: "can", Text: "{t}能不能{a}"},
		{Name: "story", Text: "我是{who}，{t}找谁"},
		{Name: "subsidy", Text: "有没有{t}补贴", When: []string{"补贴"}},
	}), WithOwners([]string{"开店的"}))
	// One phrase first (社会保险费), then the reserve (缓缴) where the
	// first gives too few; the everyday word before the guide's.
	want := map[int][]string{
		1: {"社保能不能缓缴", "我是开店的，社保找谁", "社会保险费能不能缓交", "我是开店的，社会保险费找谁",
			"我是开店的，缓交找谁", "我是开店的，缓缴找谁"},
		// 国有房屋 and 房屋租金 tie; 国有房屋 sorts first.
		2: {"国有房屋能不能减免", "我是开店的，国有房屋找谁", "房屋租金能不能减免", "我是开店的，减免找谁", "我是开店的，房屋租金找谁"},
		3: {"宽带能不能降低", "我是开店的，宽带找谁", "资费能不能降低", "我是开店的，降低找谁", "我是开店的，资费找谁"},
		// Text lost: asked about in its follow-up sentence's words.
		5: {"首贷能不能贴息", "我是开店的，首贷找谁", "我是开店的，贴息找谁"},
	}
	if !reflect.DeepEqual(qs, want) {
		t.Errorf("Questions:\n got %v\nwant %v", qs, want)
	}
	if qs := Questions(fakeTagger{}, tinyGuide(), lex, WithMax(1)); len(qs[1]) != 1 {
		t.Errorf("WithMax(1): %v", qs[1])
	}
}

func TestQuestionsEmbedded(t *testing.T) {
	lex, _ := testLexicon(t)
	g := embedded(t)
	seg := segmenter(t)
	qs := Questions(seg, g, lex)
	for range 3 { // map order must not matter
		if again := Questions(seg, g, lex); !reflect.DeepEqual(again, qs) {
			t.Fatal("Questions is not deterministic")
		}
	}
	keys := KeyPhrases(seg, g, lex, 3+reserve)
	owner := map[string]int{}
	total, measures := 0, 0
	for _, m := range g.Measures {
		list := qs[m.Number]
		if !m.HasText() && len(m.Details) == 0 {
			if len(list) > 0 {
				t.Errorf("measure %d has no words but got %v", m.Number, list)
			}
			continue
		}
		measures++
		total += len(list)
		if len(list) < 8 {
			t.Errorf("measure %d: only %d questions: %v", m.Number, len(list), list)
		}
		names := phraseNames(keys[m.Number])
		for _, q := range list {
			if !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(q, n) }) {
				t.Errorf("measure %d: %q names none of its phrases %v", m.Number, q, names)
			}
			if n, ok := owner[q]; ok {
				t.Errorf("%q is a question of measures %d and %d", q, n, m.Number)
			}
			owner[q] = m.Number
		}
	}
	t.Logf("%d questions for %d measures with text (%.1f each)", total, measures, float64(total)/float64(measures))
}

func phraseNames(ps []Phrase) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
		out = append(out, p.Everyday...)
	}
	return out
}

// TestNoLeakAcrossGuides generates for the other district's guide and
// checks that no word of the embedded guide that neither the other guide,
// the lexicon nor this package's tables hold shows up in its questions.
func TestNoLeakAcrossGuides(t *testing.T) {
	lex, lexWords := testLexicon(t)
	seg := segmenter(t)
	other, home := otherGuide(t), embedded(t)
	qs := Questions(seg, other, lex)
	if len(qs) == 0 {
		t.Fatal("no questions for the other guide")
	}
	allowed := strings.Join(append(guideTexts(other), lexWords...), "\n") + strings.Join(lex.Stopwords, "\n") +
		strings.Join(DefaultActions, "\n") + strings.Join(DefaultOwners, "\n") + strings.Join(DefaultSituations, "\n")
	for _, s := range DefaultShapes {
		allowed += "\n" + s.Text
	}
	own := map[string]bool{}
	for _, text := range guideTexts(home) {
		for _, w := range seg.Tag(text) {
			if hanCount(w.Word) >= 2 && !strings.Contains(allowed, w.Word) {
				own[w.Word] = true
			}
		}
	}
	if !own["密云"] && !strings.Contains(allowed, "密云") {
		t.Fatalf("the embedded guide's own words were not found (密云 missing): %d words", len(own))
	}
	words := slices.Sorted(maps.Keys(own))
	for n, list := range qs {
		for _, q := range list {
			for _, w := range words {
				if strings.Contains(q, w) {
					t.Errorf("measure %d of the other guide: %q holds %q, a word of the embedded guide only", n, q, w)
				}
			}
		}
	}
	t.Logf("%d measures of the other guide got questions; %d embedded-only words checked", len(qs), len(words))
}

func guideTexts(g *seeds.Guide) []string {
	texts := []string{g.Title, g.Issuer, g.Preamble}
	for _, m := range g.Measures {
		texts = append(texts, m.Text)
		texts = append(texts, m.Details...)
		texts = append(texts, m.Lead...)
		for _, c := range m.Contacts {
			texts = append(texts, c.Unit, c.Department)
			texts = append(texts, c.People...)
		}
	}
	return texts
}

func BenchmarkQuestions(b *testing.B) {
	lex, _ := testLexicon(b)
	g := embedded(b)
	seg := segmenter(b)
	for b.Loop() {
		Questions(seg, g, lex)
	}
}
