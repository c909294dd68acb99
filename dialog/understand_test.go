package dialog

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"policybot/index"
	"policybot/seeds"
)

func newTestTurn() *turn {
	st := State{Mode: Idle}
	return newEngine(newMemStore()).newTurn(context.Background(), testIndex, 1, &st, today)
}

// TestUnderstoodReplies: the replies for what the search understood but
// does not answer with a measure.
func TestUnderstoodReplies(t *testing.T) {
	tt := newTestTurn()
	g := testIndex.Guide()
	date := cnDate(tt.published())
	hotline := tt.hotlineNumber()

	rs, ok := tt.understood(&index.Ask{Result: index.Result{Kind: seeds.KindSuggest, Measures: []index.Hit{{Number: 2}, {Number: 3}}}})
	// A button per measure offered, and the first one's contacts one tap
	// away (not in the text).
	if !ok || rs[0].Kind != seeds.KindSuggest || !strings.HasPrefix(rs[0].Text, "指南里没有直接对应的内容，最接近的是：") || len(rs[0].Buttons) != 3 ||
		!strings.Contains(rs[0].Buttons[2][0].Text, "第2条的联系方式") {
		t.Errorf("suggest: %+v", rs)
	}
	if strings.Contains(rs[0].Text, "010-") || strings.Contains(rs[0].Text, "可以。") {
		t.Errorf("suggest names a phone or a verdict: %s", rs[0].Text)
	}
	if tt.st.Mode != Choosing {
		t.Errorf("suggest: mode %s, want choosing", tt.st.Mode)
	}

	rs, _ = tt.understood(&index.Ask{Result: index.Result{Kind: seeds.KindSuggest, Measures: []index.Hit{{Number: 10}}}})
	if !strings.HasPrefix(rs[0].Text, "您问的可能是这一条") || !strings.Contains(rs[0].Text, "第10条") {
		t.Errorf("one measure suggested: %s", rs[0].Text)
	}

	rs, _ = tt.understood(&index.Ask{Result: index.Result{Kind: seeds.KindNone}})
	if text := rs[0].Text; rs[0].Kind != seeds.KindNone || !strings.Contains(text, date) || !strings.Contains(text, hotline) || strings.Contains(text, "010-") {
		t.Errorf("decline: %s", text)
	}

	// A decline naming the measure of the guide's own period ("2023年还能
	// 再减吗"): a refusal first, the measure named and one tap away, no
	// phone and no quote (after the decline above: worded as a second one).
	rs, _ = tt.understood(&index.Ask{Result: index.Result{Kind: seeds.KindNone, Missing: "2023年", Measures: []index.Hit{{Number: 4}}}})
	if text := rs[0].Text; rs[0].Kind != seeds.KindNone || !strings.HasPrefix(text, "指南里也没有关于“2023年”的内容。") ||
		!strings.Contains(text, "第4条") || !strings.Contains(text, hotline) || strings.Contains(text, "010-") || strings.Contains(text, "原文：") ||
		len(rs[0].Buttons) == 0 || !strings.HasPrefix(rs[0].Buttons[0][0].Text, "第4条") {
		t.Errorf("decline naming a measure: %+v", rs[0])
	}
	if tt.st.Mode != Fallback {
		t.Errorf("decline naming a measure: mode %s, want fallback", tt.st.Mode)
	}

	for _, m := range g.Measures {
		if m.Text != "" || len(m.Details) > 0 {
			continue
		}
		rs, _ = tt.understood(&index.Ask{Result: index.Result{Kind: seeds.KindNone, Asked: m.Number}})
		want := fmt.Sprintf("第%d条的正文在指南中缺失", m.Number)
		if !strings.Contains(rs[0].Text, want) {
			t.Errorf("lost measure %d: %s", m.Number, rs[0].Text)
		}
		for _, p := range m.Phones() {
			if !strings.Contains(rs[0].Text, p) {
				t.Errorf("lost measure %d: phone %s missing: %s", m.Number, p, rs[0].Text)
			}
		}
	}
	rs, _ = tt.understood(&index.Ask{Result: index.Result{Kind: seeds.KindNone, Asked: g.MaxNumber() + 1}})
	if !strings.Contains(rs[0].Text, "指南中没有第") {
		t.Errorf("absent measure: %s", rs[0].Text)
	}
}

// TestUnderstoodDialog: the same through the engine, from the user's words.
func TestUnderstoodDialog(t *testing.T) {
	e := newEngine(newMemStore())
	hotline := newTestTurn().hotlineNumber()
	tests := []struct {
		say  string
		want []string
	}{
		{"hello, can you help me?", []string{"请用中文提问", "Please ask in Chinese"}},
		{"我要转人工", []string{hotline}},
		{"第二条", []string{"【第2条】"}},
	}
	for i, tt := range tests {
		text := allText(say(t, e, int64(100+i), tt.say))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not in %s", tt.say, w, text)
			}
		}
	}
}

// TestNearMissReplies: a near miss (the measure lacks what was asked) says
// the guide has nothing on it and offers the measure only as related,
// never as the answer, with no verdict; a question outside the guide on a
// word the ranking shared is declined.
func TestNearMissReplies(t *testing.T) {
	cases := []struct {
		q       string
		kind    seeds.Kind
		lead    string // the reply opens so
		measure int    // offered, 0 for none
	}{
		{"疫情那会停业了 有没有停业补偿", seeds.KindSuggest, "指南里没有关于“停业补偿”的内容；相近的是：", 12},
		{"民宿扶持有吗", seeds.KindSuggest, "指南里没有关于“民宿扶持”的内容；相近的是：", 69},
		// Told as an owner's kind of business ("想搞民宿" + a broad ask), it
		// is the overview of the measures written for 住宿/服务业 firms
		// (index/overview.go), which also never offers 第69条 as the answer.
		{"想搞民宿 有扶持吗", seeds.KindChoice, "适合您这类（住宿", 4},
		{"外卖平台抽成太高了 政府管不管", seeds.KindNone, "抱歉，指南", 0},
	}
	for _, c := range cases {
		e := newEngine(newMemStore())
		rs, err := e.Handle(context.Background(), 1, Event{Kind: Message, Text: c.q})
		if err != nil || len(rs) == 0 {
			t.Fatalf("%s: no reply", c.q)
		}
		r := rs[0]
		if r.Kind != c.kind || !strings.HasPrefix(r.Text, c.lead) {
			t.Errorf("%s: %s %q, want %s opening %q", c.q, r.Kind, seeds.Clip(r.Text, 60), c.kind, c.lead)
		}
		if c.measure != 0 && !strings.Contains(r.Text, fmt.Sprintf("第%d条", c.measure)) {
			t.Errorf("%s: does not offer 第%d条: %s", c.q, c.measure, r.Text)
		}
		if strings.Contains(r.Text, "可以。") || strings.Contains(r.Text, "您问的可能是") {
			t.Errorf("%s: presented as the answer: %s", c.q, r.Text)
		}
	}
}

// TestVerbatimName: a run of four or more Han characters that one measure
// alone writes as a name (quoted, listed), not made of the ask's words,
// names it; a common phrase, a
// shorter run, another measure's words or the ask's own words do not.
func TestVerbatimName(t *testing.T) {
	tt := newTestTurn()
	for _, c := range []struct {
		text  string
		words []string
		n     int
		want  string
	}{
		{"那个即采即走是啥意思 找谁问", nil, 33, "即采即走"},
		{"酒乡之路在哪", []string{"之路"}, 69, "酒乡之路"},
		{"小微企业房租能减吗", nil, 4, ""},                  // written by many measures
		{"即采即走", nil, 69, ""},                      // another measure's words
		{"白名单", nil, 33, ""},                       // too short to name a measure alone
		{"政策落实不到位找谁", []string{"政策", "落实"}, 6, ""}, // weighed by the ranking
		{"政策落实不到位找谁", nil, 6, ""},                  // inside a sentence, no name
	} {
		if got := tt.verbatimName(c.text, c.words, c.n); got != c.want {
			t.Errorf("verbatimName(%q, %v, %d) = %q, want %q", c.text, c.words, c.n, got, c.want)
		}
	}
}

// TestChoiceOfOne: a "choice" the search narrowed to one measure is no
// choice: it is offered as what was probably meant, never headed "几条措施
// 都相关…哪一条".
func TestChoiceOfOne(t *testing.T) {
	tt := newTestTurn()
	rs := tt.answer(&index.Ask{Result: index.Result{Kind: seeds.KindChoice, List: true, Measures: []index.Hit{{Number: 3}}}})
	if len(rs) != 1 || rs[0].Kind != seeds.KindSuggest || strings.Contains(rs[0].Text, "哪一条") || !strings.Contains(rs[0].Text, "第3条") {
		t.Errorf("choice of one: %+v", rs)
	}
	rs = newTestTurn().answer(&index.Ask{Result: index.Result{Kind: seeds.KindChoice, Measures: []index.Hit{{Number: 3}, {Number: 2}}}})
	if len(rs) != 1 || rs[0].Kind != seeds.KindChoice || !strings.Contains(rs[0].Text, "哪一条") {
		t.Errorf("choice of two: %+v", rs)
	}
}

// TestEnglishReplies: a message written in English gets the guide's
// Chinese with one English line on top saying what was understood; one
// whose English the glossary cannot read gets the bilingual notice.
func TestEnglishReplies(t *testing.T) {
	e := newEngine(newMemStore())
	tests := []struct {
		say   string
		first string   // the reply's first line opens so
		want  []string // somewhere in the reply
	}{
		{"Can we put off paying social insurance?", "(The answer below is in Chinese", []string{"Understood as: ", "社保", "【第2条】"}},
		{"Phone of the tax bureau?", "(The answer below is in Chinese", []string{"区税务局", "010-89089055"}},
		{"My cat is sleeping on the sofa again", "请用中文提问", []string{"Please ask in Chinese"}},
	}
	for i, tt := range tests {
		text := allText(say(t, e, int64(200+i), tt.say))
		if !strings.HasPrefix(text, tt.first) {
			t.Errorf("%s: reply opens %q, want %q", tt.say, seeds.Clip(text, 60), tt.first)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not in %s", tt.say, w, text)
			}
		}
	}
}
