package index

import (
	"reflect"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestSplitCoordinatedReadings checks the readings splitCoordinated hands
// readParts with its parts: each is the part as readAsk reads it in the
// same context, so readParts taking it instead of reading the part again
// changes no answer. Split and kept-whole clauses both.
func TestSplitCoordinatedReadings(t *testing.T) {
	for _, q := range []string{
		"社保和公积金能缓交吗",         // split
		"电子证照和电子印章目前能在网上使用吗", // kept whole: one measure answers both
		"可否同时享受房租减免和担保降费",    // together
		"房租和社保都交不上了，有啥政策",    // subjects in the context
	} {
		t.Run(q, func(t *testing.T) {
			ps, _, _ := testIndex.parts(Normalize(q))
			read := 0
			for _, p := range ps {
				qs, rs, err := testIndex.splitCoordinated(p, Context{})
				if err != nil {
					t.Fatal(err)
				}
				if rs != nil && len(rs) != len(qs) {
					t.Fatalf("%d readings for %d parts", len(rs), len(qs))
				}
				for i, r := range rs {
					if r == nil {
						continue
					}
					read++
					want, err := testIndex.readAsk(qs[i], Context{}, false)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(*r, want) {
						t.Errorf("part %q: reading %+v, read again %+v", qs[i].text, r.Result, want.Result)
					}
					// readParts sets the asks before it; an ask not
					// following up on one does not read them.
					later := qs[i]
					later.earlier, later.toldSince = "社保能缓交吗", true
					if again, err := testIndex.readAsk(later, Context{}, false); err != nil || !reflect.DeepEqual(*r, again) {
						t.Errorf("part %q after an earlier ask: reading %+v, read again %+v (%v)", qs[i].text, r.Result, again.Result, err)
					}
				}
			}
			if read == 0 {
				t.Errorf("no reading handed on for %q", q)
			}
		})
	}
}

// TestContrastSidesSplitOnce checks the contrast lines split when the cues
// are built against splitting them per call, as contrastSides did.
func TestContrastSidesSplitOnce(t *testing.T) {
	var want [][2][]string
	for _, line := range testIndex.cues.list(cueContrast) {
		if left, right, ok := strings.Cut(line, "|"); ok {
			want = append(want, [2][]string{seeds.SplitWords(left), seeds.SplitWords(right)})
		}
	}
	if len(want) == 0 {
		t.Fatal("no contrast lines")
	}
	if got := testIndex.contrastSides(); !reflect.DeepEqual(got, want) {
		t.Errorf("contrastSides = %q, want %q", got, want)
	}
}

// TestKindScoreSkipsUnwritten checks kindScore with the kind words each
// measure writes (kindsIn) against searching the text for every word, for
// each trade's kinds and for all of them at once.
func TestKindScoreSkipsUnwritten(t *testing.T) {
	ix := testIndex
	var groups [][3][]string
	var every [3][]string
	for _, tl := range ix.cues.trades {
		var g [3][]string
		for i, ws := range tl.groups[:min(len(tl.groups), 2)] {
			g[i] = ws
			every[i] = seeds.AppendNew(every[i], ws...)
		}
		g[2] = ix.cues.list(cueKindGeneral)
		groups = append(groups, g)
	}
	every[2] = ix.cues.list(cueKindGeneral)
	groups = append(groups, every)
	if len(groups) < 2 {
		t.Fatal("no trade lines")
	}
	for _, g := range groups {
		kw := newKindWords(g)
		for i := range ix.guide.Measures {
			m := &ix.guide.Measures[i]
			s1, n1 := ix.kindScore(m.Text, kw, nil)
			s2, n2 := ix.kindScore(m.Text, kw, ix.kindsIn[m.Number])
			if s1 != s2 || !reflect.DeepEqual(n1, n2) {
				t.Errorf("第%d条 by %q: %d %q searching every word, %d %q skipping", m.Number, g[0], s1, n1, s2, n2)
			}
		}
	}
}
