package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestOwnWordsOrderStory: a story about a relief not carried out ranks
// the relief itself highest by its words (国有, 房租, 减免), but the ask
// after it (谁来管这事: 督查) names what only the measure overseeing the
// relief has, and that measure covers no less of the whole message: it is
// answered, not the relief, whose coverage of the ask is nil.
func TestOwnWordsOrderStory(t *testing.T) {
	for _, c := range []struct {
		q    string
		want int
	}{
		{"减房租的事到今天一分钱没落实！我在城区租的是一家国企的门面，开小饭馆的，房东公司说没收到文件，一直踢皮球。我想问到底谁来管这事？", 6},
	} {
		_, got := answeredFirsts(t, c.q)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s: asks answered with %v, want 第%d条 first", c.q, got, c.want)
		}
	}
}

// TestOrderOwnCoverage: a hit covering clearly more of the ask's own
// words goes first only when the best-scoring hit covers none of them, it
// covers more of the whole message than that one and no hit covers more;
// otherwise the score decides as before.
func TestOrderOwnCoverage(t *testing.T) {
	lead := testIndex.tuning.CoverageLead
	for _, c := range []struct {
		name string
		hits []Hit
		own  map[int]float64
		want int
	}{
		{"own words decide between close covers", []Hit{{Number: 1, Score: 2, Coverage: 0.6}, {Number: 2, Score: 1, Coverage: 0.6 + lead*0.9}},
			map[int]float64{1: 0, 2: 1}, 2},
		{"the best covers some of the ask", []Hit{{Number: 1, Score: 2, Coverage: 0.6}, {Number: 2, Score: 1, Coverage: 0.6 + lead*0.9}},
			map[int]float64{1: 0.2, 2: 1}, 1},
		{"the other covers less of the message", []Hit{{Number: 1, Score: 2, Coverage: 0.7}, {Number: 2, Score: 1, Coverage: 0.6}},
			map[int]float64{1: 0, 2: 1}, 1},
		{"another hit covers more of the message", []Hit{{Number: 1, Score: 3, Coverage: 0.4}, {Number: 2, Score: 2, Coverage: 0.6}, {Number: 3, Score: 1, Coverage: 0.62}},
			map[int]float64{1: 0, 2: 1, 3: 0}, 1},
		{"a near tie on the message", []Hit{{Number: 1, Score: 2, Coverage: 0.5}, {Number: 2, Score: 1, Coverage: 0.5 + lead/4}},
			map[int]float64{1: 0, 2: 1}, 1},
		{"no story: no own coverage", []Hit{{Number: 1, Score: 2, Coverage: 0.6}, {Number: 2, Score: 1, Coverage: 0.6 + lead*0.9}},
			nil, 1},
	} {
		hs := slices.Clone(c.hits)
		testIndex.order(analysed{}, hs, c.own, nil)
		if hs[0].Number != c.want {
			t.Errorf("%s: %d first, want %d", c.name, hs[0].Number, c.want)
		}
	}
}

// TestFixPLexicon: everyday words the guide writes in its own: the
// countryside and its visitors (乡下, 游客: 乡村旅游), getting owed money
// paid (要账: 账款清欠), and a general VAT payer's refund (一般纳税人 is
// who has 留抵, no out-of-scope status for a measure refunding it).
func TestFixPLexicon(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"能不能帮我们乡下的农户把游客引过来", seeds.KindMeasure, 69, ""},
		{"商贸 一般纳税人 期末留抵30万 存量 月底前能全退", seeds.KindMeasure, 1, ""},
		{"帮小企业要账的政策有吗", seeds.KindMeasure, 22, ""},
	})
	// 一般纳税人 with no VAT credit asked stays a status the guide leaves out.
	checkFirstAsks(t, []firstAsk{{"一般纳税人有什么优惠政策", seeds.KindNone, 0, ""}})
}

// TestReferKindTold: "这种对接的人" after a story of another place's
// 管家 points back at it: the ask is about the service the story told
// (服务包, 管家), and 打哪儿 asks where to call.
func TestReferKindTold(t *testing.T) {
	rd, got := answeredFirsts(t, "朋友说他们那边企业都有政府的“管家”，有事直接找专人，还上门走访。我们的小公司有没有这种对接的人？平时遇到问题打哪儿？")
	if len(got) == 0 || got[0] != 19 {
		t.Errorf("asks answered with %v, want 第19条 first", got)
	}
	if len(rd.Asks) == 0 || rd.Asks[0].Kind != seeds.KindMeasure || !rd.Asks[0].Has(AspectContact) {
		t.Errorf("打哪儿 is no contact ask: %+v", rd.Asks)
	}
}

// TestFoldDeclinedIntoSibling: a declined ask read with the story as its
// context that ranks first the measure the next ask is answered with is
// one answer with it ("这违约金能不交吗？会不会给断电" after a pasted
// arrears notice), while an ask declined for a topic out of scope, or one
// ranking another measure first, stays declined beside the answer.
func TestFoldDeclinedIntoSibling(t *testing.T) {
	rd, err := testIndex.Read("供电公司丨电费催缴通知单\n户名：XX打印店 欠费金额 1,2O0.00 元\n逾期将按规定收取违约金\n第 2 页\n打印店封控期间停了一个月，这违约金能不交吗？会不会给断电", Context{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Asks) != 1 || rd.Asks[0].Kind != seeds.KindMeasure || rd.Asks[0].Measures[0].Number != 7 {
		t.Errorf("notice then two asks: %d asks, want one answered with 第7条", len(rd.Asks))
	}
	ask := func(kind seeds.Kind, n int, in Features) Ask {
		return Ask{Result: Result{Kind: kind, Measures: []Hit{{Number: n}}, Inputs: &in}}
	}
	answered := ask(seeds.KindMeasure, 7, Features{})
	for _, c := range []struct {
		name     string
		declined Ask
		want     bool
	}{
		{"context, same measure", ask(seeds.KindNone, 7, Features{Context: 1}), true},
		{"own subject", ask(seeds.KindNone, 7, Features{}), false},
		{"out of scope", ask(seeds.KindNone, 7, Features{Context: 1, OutOfScope: 1}), false},
		{"another place", ask(seeds.KindNone, 7, Features{Context: 1, OtherPlaces: 1}), false},
		{"another measure", ask(seeds.KindNone, 3, Features{Context: 1}), false},
	} {
		if got := foldsInto(&c.declined, &answered); got != c.want {
			t.Errorf("%s: folds %v, want %v", c.name, got, c.want)
		}
	}
	// An out-of-scope ask keeps its refusal beside the answer.
	if _, got := answeredFirsts(t, "提前还房贷要交违约金吗？社保能缓吗"); !slices.Equal(got, []int{2}) {
		t.Errorf("房贷违约金 and 社保: answered %v, want only 第2条", got)
	}
}
