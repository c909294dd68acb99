package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestChoiceBySituation: a choice between measures the ask's own words
// cover alike ("想问房租减免": state-owned premises, incubators, 非国有房屋)
// is the answer the statements around it name (租的是区属国企的房子); with
// no such statement it stays a choice.
func TestChoiceBySituation(t *testing.T) {
	// The clean text: on the scrambled copy the model answers 第2条 (非国有房屋)
	// outright, a known gap: 区属国企 is one word, and the 非 check reads
	// only the ask's own words.
	ix := openGuideFile(t, "tongzhou-2020", "guide.txt")
	for _, c := range []struct {
		q    string
		kind seeds.Kind
		want int
	}{
		{"我租的是区属国企的房子，想问房租减免", seeds.KindMeasure, 1},
		{"想问房租减免", seeds.KindChoice, 0},
	} {
		rd, err := ix.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		a := rd.Asks[len(rd.Asks)-1]
		if a.Kind != c.kind || c.want != 0 && a.Measures[0].Number != c.want {
			t.Errorf("%s: %s %v, want %s %d", c.q, a.Kind, a.Measures, c.kind, c.want)
		}
	}
}

// TestSharedStatement: a statement before two asks is the situation of
// both, but it only breaks near ties. "租的是区属国企的房子" picks the rent
// measure for the first ask; for the second, the measure covering its own
// words (水电气欠费不停供, 第8条) stays first, not one that only shares the
// statement's 区属…国有企业 (第27条, on arrears owed by state firms).
func TestSharedStatement(t *testing.T) {
	ix := openGuideFile(t, "tongzhou-2020", "guide.txt")
	for _, c := range []struct {
		q    string
		want []int // the first measure of each ask
	}{
		{"我在通州租的是区属国企的房子，想问房租减免，还有水电气欠费会不会停供", []int{1, 8}},
		{"还有水电气欠费会不会停供", []int{8}},
	} {
		rd, err := ix.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, a := range rd.Asks {
			if a.Kind != seeds.KindMeasure || len(a.Measures) == 0 {
				t.Errorf("%s: ask %q is %s", c.q, a.Text, a.Kind)
				continue
			}
			got = append(got, a.Measures[0].Number)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: measures %v, want %v", c.q, got, c.want)
		}
	}
}

// TestByStoryObject: an ask naming no thing of its own ("能延期吗") is about
// the thing its statements name (贷款): the first measure naming it answers,
// not one a shared verb (延期, 顺延) tipped first; an ask naming its own
// thing keeps its ranking.
func TestByStoryObject(t *testing.T) {
	wantFirstMeasure(t, map[string]int{
		"公司贷款到期了还不上，能延期吗":      10,
		"店里的经营贷快到期了，还不上，能往后推吗": 10,
		"食品经营许可证快到期了，能顺延吗":     16,
		// A word no measure writes stands for the guide's (经营贷 → 贷款).
		"厂里那笔经营贷快到期了 能不能延期": 10,
		"装修贷月底到期了 可以延期吗":    10,
	})
}

// TestByAskObject: an ask naming its own thing (贷款) that the best measure
// does not write is answered by the next measure that writes it and covers
// more of the ask's known words; a licence ask keeps the licence
// measure. A word only an example question of the licence measure uses
// (下个月) does not make it cover more (stop 59's last look).
func TestByAskObject(t *testing.T) {
	wantFirstMeasure(t, map[string]int{
		"我们的贷款也快到期了 能延期吗":    10,
		"贷款到期了能延期吗":          10,
		"贷款下个月到期了 能延期吗":      10,
		"许可证下个月到期了 能延期吗":     16,
		"工业产品生产许可证快到期了 能延期吗": 16,
		"酒店 住宿业 社保能缓缴吗":      2,
	})
}

// wantFirstMeasure checks the measure ranked first for each message's
// last ask.
func wantFirstMeasure(t *testing.T, cases map[string]int) {
	t.Helper()
	for q, want := range cases {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		a := rd.Asks[len(rd.Asks)-1]
		if len(a.Measures) == 0 || a.Measures[0].Number != want {
			t.Errorf("%s: %s %v, want %d first", q, a.Kind, a.Measures, want)
		}
	}
}

// TestStatesAsked: among siblings of one subsection that cover the ask's
// topic words alike (担保费 is written by the rate measure and by the one
// promoting a guarantee-fee subsidy), the one writing the amount asked of
// it (费率: an ask.amount cue, no topic word) comes first; siblings
// writing none of it keep the guide's order (房租能减免吗: 第4条 before 第5条).
func TestStatesAsked(t *testing.T) {
	for _, c := range []struct {
		q     string
		first int
	}{
		{"担保费率有哪些优惠", 11},
		{"记者：在融资支持方面，对服务业小微企业通过政府性融资担保机构获得贷款，担保费率有哪些优惠？", 11},
		{"房租能减免吗", 4},
	} {
		rd := must2(testIndex.Read(c.q, Context{}))
		a := rd.Asks[len(rd.Asks)-1]
		if len(a.Measures) == 0 || a.Measures[0].Number != c.first {
			t.Errorf("%s: %s %v, want %d first", c.q, a.Kind, a.Measures, c.first)
		}
	}
	r := Result{Question: "担保费率有哪些优惠", Measures: []Hit{{Number: 9}, {Number: 11}}}
	if got := testIndex.statesAsked(&r); got[11] != 1 || got[9] != 0 {
		t.Errorf("statesAsked: %v, want 费率 written by 11 alone", got)
	}
	if got := testIndex.statesAsked(&Result{Question: "会影响征信吗", Measures: []Hit{{Number: 3}, {Number: 10}}}); got != nil {
		t.Errorf("statesAsked of a credit ask: %v, want none (only the amount counts)", got)
	}
}
