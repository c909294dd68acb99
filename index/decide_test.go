package index

import (
	"strings"
	"testing"

	"policybot/seeds"
)

// TestAskedNumbers: a measure number is read with 第 anywhere, and without
// it only when the rest of the message is cue words; "N条" counting things
// is no measure number.
func TestAskedNumbers(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"第4条", 4},
		{"第六十六条讲的啥", 66},
		{"85条找谁", 85},
		{"那12条呢", 12},
		{"12条", 12},
		{"新增3条生产线有补贴吗", 0},
		{"我问的是12条 那个有没有补贴", 12},
		{"那个81条是给谁的", 81},
		{"这3条措施有补贴吗", 0},
		{"说的是300条", 0},
		{"1085条", 0},
		{"社保能缓交吗", 0},
		// Which of its phones to call names the measure.
		{"85条的电话是哪个", 85},
		{"85条那个电话到底是哪个？两个号我打哪个", 85},
		{"85条打哪个", 85},
		{"这3条生产线是哪个厂的", 0},
	}
	for _, c := range cases {
		n := askedNumber(c.text)
		if n == 0 {
			n = testIndex.shortAskedNumber(c.text)
		}
		if n != c.want {
			t.Errorf("%q: measure %d, want %d", c.text, n, c.want)
		}
	}
}

// TestSuggestFloor: declining needs evidence. A message that asks nothing
// is suggested down to the lowest floor when the guide knows enough of
// it; another place or an out-of-scope word restores the usual floor, and
// so does a bare question (one ask, nothing told around it).
func TestSuggestFloor(t *testing.T) {
	tu := testIndex.tuning
	cases := []struct {
		name string
		f    Features
		want float64
	}{
		{"implied, known", Features{Implied: true, KnownCoverage: 0.5, Coverage: 0.2}, tu.ImpliedSuggestProbability},
		{"implied, little known", Features{Implied: true, KnownCoverage: 0.2, Coverage: 0.2}, tu.SuggestProbability},
		{"implied, another place", Features{Implied: true, KnownCoverage: 0.9, Coverage: 0.9, OtherPlaces: 1}, tu.SuggestProbability},
		{"implied, out of scope", Features{Implied: true, KnownCoverage: 0.9, Coverage: 0.9, OutOfScope: 1}, tu.SuggestProbability},
		{"asked, covered", Features{KnownCoverage: 0.9, Coverage: 0.5}, tu.OpenSuggestProbability},
		{"asked, little covered", Features{KnownCoverage: 0.9, Coverage: 0.2}, tu.SuggestProbability},
		// A bare question, nothing told around it (stop 49): a doubt is
		// declined plainly.
		{"bare, half covered", Features{KnownCoverage: 0.9, Coverage: 0.5, Bare: true}, tu.SuggestProbability},
		{"bare, covered", Features{KnownCoverage: 0.9, Coverage: 0.8, Bare: true}, tu.OpenSuggestProbability},
	}
	for _, c := range cases {
		if got := testIndex.suggestFloor(&Result{Inputs: &c.f}); got != c.want {
			t.Errorf("%s: floor %v, want %v", c.name, got, c.want)
		}
	}
}

// TestClearLead: just below AnswerProbability, a best measure that leads
// by score and by coverage is answered; a noun the guide lacks, another
// place, an out-of-scope word, a level coverage or a lower probability
// leave it a suggestion.
func TestClearLead(t *testing.T) {
	tu := testIndex.tuning
	p := tu.LeadAnswerProbability
	lead := Features{Margin: tu.SureMargin, CoverageMargin: tu.LeadCoverageMargin, Coverage: 0.6, KnownCoverage: 0.9}
	with := func(change func(*Features)) Features {
		f := lead
		change(&f)
		return f
	}
	cases := []struct {
		name string
		f    Features
		p    float64
		want bool
	}{
		{"clear lead", lead, p, true},
		{"lower probability", lead, p - 0.01, false},
		{"level coverage", with(func(f *Features) { f.CoverageMargin = 0 }), p, false},
		{"close score", with(func(f *Features) { f.Margin = tu.SureMargin - 0.1 }), p, false},
		{"unknown noun", with(func(f *Features) { f.UnknownNouns = 1 }), p, false},
		{"another place", with(func(f *Features) { f.OtherPlaces = 1 }), p, false},
		{"out of scope", with(func(f *Features) { f.OutOfScope = 1 }), p, false},
	}
	for _, c := range cases {
		r := &Result{Inputs: &c.f, Probability: c.p, Measures: []Hit{{Number: 1}}}
		if got := testIndex.clearLead(r); got != c.want {
			t.Errorf("%s: clear lead %v, want %v", c.name, got, c.want)
		}
	}
}

// TestRivalled: on a guide without written examples, a runner-up naming
// enough of what the ask is about that the best measure lacks is a near
// tie; a guide with its own bank trusts its ranking.
func TestRivalled(t *testing.T) {
	day := openOtherDistrict(t)
	share := day.tuning.DayOneRivalShare
	cases := []struct {
		name string
		ix   *Index
		f    *Features
		n    int
		want bool
	}{
		{"day one, rival names the object", day, &Features{Rival: 7, RivalShare: share + 0.1}, 3, true},
		{"day one, rival names little", day, &Features{Rival: 7, RivalShare: share / 2}, 3, false},
		{"day one, the rival itself", day, &Features{Rival: 7, RivalShare: 1}, 7, false},
		{"day one, no rival", day, &Features{}, 3, false},
		{"day one, no inputs", day, nil, 3, false},
		{"own bank", testIndex, &Features{Rival: 7, RivalShare: 1}, 3, false},
	}
	for _, c := range cases {
		if got := c.ix.rivalled(&Result{Inputs: c.f}, c.n); got != c.want {
			t.Errorf("%s: rivalled %v, want %v", c.name, got, c.want)
		}
	}
}

// TestDayOneRivalAnswers: "贷款能延期还吗" on a test guide on its first day
// scores the measure on a construction contract's 工期顺延 first by 延期
// alone; the one on loans, which names 贷款 too, answers.
func TestDayOneRivalAnswers(t *testing.T) {
	ix := openGuide(t, "huairou-2022")
	rd, err := ix.Read("贷款能延期还吗", Context{})
	if err != nil || len(rd.Asks) != 1 {
		t.Fatalf("贷款能延期还吗: %d asks, %v", len(rd.Asks), err)
	}
	r := rd.Asks[0].Result
	if len(r.Measures) == 0 || r.Kind != seeds.KindMeasure && r.Kind != seeds.KindChoice {
		t.Fatalf("贷款能延期还吗 → %s %v, want the loan measure", r.Kind, r.Measures)
	}
	if m := ix.Guide().Measure(r.Measures[0].Number); !strings.Contains(m.Text, "贷款") {
		t.Errorf("贷款能延期还吗 → %s 第%d条 (%s), want the measure on loans", r.Kind, m.Number, seeds.Clip(m.Text, 30))
	}
}

// TestDayOneDoubtStays: a suggestion whose one measure has every word of
// the ask is settled into the answer on a guide with its own written
// examples, but stays a suggestion on a guide without them (day one),
// where the measures' sentences are all that ranked it.
func TestDayOneDoubtStays(t *testing.T) {
	cases := []struct {
		name string
		ix   *Index
		want seeds.Kind
	}{
		{"day one", openGuide(t, "huairou-2022"), seeds.KindSuggest},
		{"own bank", testIndex, seeds.KindMeasure},
	}
	for _, c := range cases {
		rd, err := c.ix.Read("贷款能延期还吗", Context{})
		if err != nil || len(rd.Asks) != 1 {
			t.Fatalf("%s: %d asks, %v", c.name, len(rd.Asks), err)
		}
		a := rd.Asks[0]
		if a.Kind != seeds.KindMeasure || len(a.Words) == 0 {
			t.Fatalf("%s: 贷款能延期还吗 → %s %v, want an answer to doubt", c.name, a.Kind, a.Measures)
		}
		// The same ranking, doubted: the model's probability below the
		// answer, nothing saying the guide does not cover it.
		r := a.Result
		r.Kind, r.Measures, r.Missing = seeds.KindSuggest, r.Measures[:1], ""
		in := *r.Inputs
		in.Unbanked, in.OutOfScope, in.Rival = 0, 0, 0
		r.Inputs = &in
		c.ix.honestList(&r, a.Words, "", nil)
		if r.Kind != c.want {
			t.Errorf("%s: a doubt whose one measure has all the words → %s, want %s", c.name, r.Kind, c.want)
		}
	}
}
