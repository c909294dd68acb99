package seeds

import (
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// keptPieces returns the seed's sentences without duplicates, read for
// structure, as the parser sees them.
func keptPieces(t *testing.T, src []byte) []piece {
	t.Helper()
	text, err := Decode(src)
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := dedupe(splitSentences(text))
	var ps []piece
	for i, s := range kept {
		ps = append(ps, readPiece(i, s, false))
	}
	return ps
}

func sameGuide(t *testing.T, got, want *Guide) {
	t.Helper()
	// Which follow-ups are doubtful depends on the evidence, which a copy
	// changes; where they go must not.
	got, want = withoutDoubts(got), withoutDoubts(want)
	if !reflect.DeepEqual(got.Measures, want.Measures) {
		for i := range want.Measures {
			if i >= len(got.Measures) || !reflect.DeepEqual(got.Measures[i], want.Measures[i]) {
				t.Fatalf("measure %d differs:\n got %+v\nwant %+v", want.Measures[i].Number, got.Measure(want.Measures[i].Number), want.Measures[i])
			}
		}
		t.Fatalf("measures differ: %d vs %d", len(got.Measures), len(want.Measures))
	}
	if !reflect.DeepEqual(got.Sections, want.Sections) || !reflect.DeepEqual(got.Subsections, want.Subsections) {
		t.Errorf("headings differ:\n got %+v %+v\nwant %+v %+v", got.Sections, got.Subsections, want.Sections, want.Subsections)
	}
	if got.Title != want.Title || got.Published != want.Published || got.Issuer != want.Issuer {
		t.Errorf("preamble differs: %q %q %q", got.Title, got.Published, got.Issuer)
	}
	if !reflect.DeepEqual(got.Report.MissingText, want.Report.MissingText) || !reflect.DeepEqual(got.Report.MissingContact, want.Report.MissingContact) {
		t.Errorf("gaps differ")
	}
}

// TestCleanReorderedCopy puts the seed's sentences back in their recovered
// order (each measure's start, then its follow-ups) without duplicates; the
// result must be the same guide, now with every follow-up placed by position
// (a measure whose text is lost keeps its follow-ups before its contact
// block).
func TestCleanReorderedCopy(t *testing.T) {
	want := mustEmbedded(t)
	ps := keptPieces(t, embedded)
	byStart := map[int]string{}
	var preamble []string
	for _, p := range ps {
		if p.start > 0 {
			byStart[p.start] = p.text
		} else if !p.structural() && len(byStart) == 0 {
			preamble = append(preamble, p.text)
		}
	}
	var b strings.Builder
	for _, s := range preamble {
		b.WriteString(s + "\n")
	}
	for _, m := range want.Measures {
		if s, ok := byStart[m.Number]; ok {
			b.WriteString(s + "\n")
		}
		for _, d := range m.Details {
			b.WriteString(d + "\n")
		}
	}
	got, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	sameGuide(t, got, want)
	if len(got.Report.Duplicates) != 0 {
		t.Errorf("clean copy has duplicates: %d", len(got.Report.Duplicates))
	}
	for _, o := range got.Report.Orphans {
		if o.Method != ByPosition && o.Method != ByContactBlock {
			t.Errorf("in the clean copy %q was placed by %s", Clip(o.Sentence, 15), o.Method)
		}
	}
}

// rawPiece is one sentence of the seed as it stands, duplicates included.
type rawPiece struct {
	piece
	first bool // the first copy of its text: the one the parser keeps
}

func rawPieces(t *testing.T, src []byte) []rawPiece {
	t.Helper()
	text, err := Decode(src)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var ps []rawPiece
	for i, s := range splitSentences(text) {
		ps = append(ps, rawPiece{readPiece(i, s, false), !seen[s.text]})
		seen[s.text] = true
	}
	return ps
}

// TestRescrambledCopy corrupts the seed again the way it was corrupted: new
// duplicate sentences, measure sentences moved elsewhere, newlines sprinkled.
// It works on the seed as it stands, duplicates included, because some
// follow-ups' evidence is in a copy (a follow-up displaced together with a
// copy of its measure's contact block). Moves and insertions keep the
// evidence the parser relies on for follow-ups: a moved sentence has one
// copy, neither of its neighbours is a follow-up or a dropped copy, and it
// lands between two such sentences; a duplicate never lands directly after a
// follow-up. (A follow-up displaced to between a measure's start and that
// measure's own contact block is indistinguishable from a real one;
// TestDisplacedFollowUp covers displacement to an untrustworthy spot.)
func TestRescrambledCopy(t *testing.T) {
	// Parallel: it changes no package state; it runs beside the figure
	// tests once the sequential tests (which turn the fallback off) are done.
	t.Parallel()
	want := mustEmbedded(t)
	count := map[string]int{}
	for _, p := range rawPieces(t, embedded) {
		count[p.text]++
	}
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, 42))
		ps := rawPieces(t, embedded)
		first := 0
		for first < len(ps) && !ps[first].structural() {
			first++
		}
		// solid: a structural first copy, so the parser sees it where it is.
		solid := func(i int) bool { return i >= first && i < len(ps) && ps[i].structural() && ps[i].first }
		edge := func(i int) bool { return i < first || i >= len(ps) || solid(i) }
		for moves := 0; moves < 15; {
			i := first + rng.IntN(len(ps)-first)
			if !solid(i) || count[ps[i].text] > 1 || !edge(i-1) || !edge(i+1) {
				continue
			}
			p := ps[i]
			ps = append(ps[:i:i], ps[i+1:]...)
			j := first + 1 + rng.IntN(len(ps)-first-1)
			if !solid(j-1) || !edge(j) {
				ps = append(ps[:i:i], append([]rawPiece{p}, ps[i:]...)...) // put it back, try again
				continue
			}
			ps = append(ps[:j:j], append([]rawPiece{p}, ps[j:]...)...)
			moves++
		}
		for dups := 0; dups < 20; {
			i := rng.IntN(len(ps))
			j := i + 1 + rng.IntN(len(ps)-i)
			if !ps[j-1].structural() {
				continue
			}
			dup := ps[i]
			dup.first = false
			ps = append(ps[:j:j], append([]rawPiece{dup}, ps[j:]...)...)
			dups++
		}
		var b strings.Builder
		for _, p := range ps {
			for _, r := range p.text {
				if rng.IntN(40) == 0 {
					b.WriteString("\n")
				}
				b.WriteRune(r)
			}
		}
		got, err := Parse([]byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		sameGuide(t, got, want)
		if len(got.Report.Duplicates) == 0 {
			t.Errorf("seed %d: no duplicates reported", seed)
		}
	}
}

// TestDisplacedFollowUp moves a follow-up to where its position proves
// nothing (after measure 74's start, before measure 75's contact block) and
// expects content to bring it home.
func TestDisplacedFollowUp(t *testing.T) {
	const follow = "职工在本市无自有住房租住商品房，可按实际支付房租提取住房公积金，不受缴存人月缴存额限制。"
	text := strings.Replace(stripSpace(string(embedded)), follow, "", -1)
	i := strings.Index(text, "74.深化跨区对接")
	i += strings.Index(text[i:], "。") + len("。")
	text = text[:i] + follow + text[i:]
	g, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range g.Report.Orphans {
		if o.Sentence == follow && (o.Measure != 3 || o.Method != BySimilarity || o.Between != [2]int{74, 75}) {
			t.Errorf("displaced follow-up: %+v", o)
		}
	}
}

func withoutDoubts(g *Guide) *Guide {
	c := *g
	c.Measures = append([]Measure(nil), g.Measures...)
	for i := range c.Measures {
		c.Measures[i].Doubtful, c.Measures[i].Leaning = nil, nil
	}
	return &c
}

// TestMovedIntoStretch moves a follow-up into another measure's text,
// between its start and its contact, where it shares next to nothing with
// that measure and plainly more with its own: in a text that shows the
// corruption (a duplicate) it goes home, in doubt, and the report says so;
// in a text that does not, its place stands.
func TestMovedIntoStretch(t *testing.T) {
	b, err := os.ReadFile("testdata/guides/pinggu-2023/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, "企业对新录用人员开展岗前培训的")
	follow := text[i : i+strings.Index(text[i:], "。")+len("。")]
	text = strings.Replace(text, follow, "", 1)
	i = strings.Index(text, "3. ")
	i += strings.Index(text[i:], "。") + len("。")
	text = text[:i] + follow + text[i:]
	plain, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range plain.Report.Orphans {
		if o.Sentence == follow && (o.Measure != 3 || o.Method != ByPosition || o.Doubtful) {
			t.Errorf("in a text without corruption the place should stand: %+v", o)
		}
	}
	// A copy of measure 1's second sentence ahead of it: the text shows
	// the corruption that moves sentences.
	i = strings.Index(text, "1. ")
	i += strings.Index(text[i:], "。") + len("。")
	second := text[i : i+strings.Index(text[i:], "。")+len("。")]
	text = text[:i] + second + text[i:]
	g, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Report.Duplicates) == 0 {
		t.Fatal("the copy was not read as a duplicate")
	}
	found := false
	for _, o := range g.Report.Orphans {
		if o.Sentence != follow {
			continue
		}
		found = true
		if o.Measure != 12 || o.Method != BySimilarity || !o.Doubtful || o.RunnerUp != 3 {
			t.Errorf("moved follow-up: %+v", o)
		}
		if d := o.describe(); !strings.Contains(d, "DOUBTFUL") {
			t.Errorf("report does not show the doubt: %s", d)
		}
	}
	if !found {
		t.Fatal("follow-up not among the orphans")
	}
	if m := g.Measure(12); m == nil || !slices.ContainsFunc(m.Doubtful, func(i int) bool { return m.Details[i] == follow }) {
		t.Errorf("measure 12 does not list the follow-up as doubtful: %+v", m)
	}
}

// TestDoubtInReport: every follow-up marked doubtful says so in the
// report, whatever placed it.
func TestDoubtInReport(t *testing.T) {
	for _, o := range []Orphan{
		{Measure: 5, Method: ByPosition, Between: [2]int{5, 5}, Before: 5, Score: 0.01, RunnerUp: 9, RunnerUpScore: 0.17, Doubtful: true},
		{Measure: 9, Method: BySimilarity, Between: [2]int{5, 5}, Score: 0.35, RunnerUp: 5, RunnerUpScore: 0.02, Doubtful: true},
		{Measure: 9, Method: BySimilarity, Score: 0.2, RunnerUp: 5, RunnerUpScore: 0.18, Doubtful: true},
		{Measure: 5, Method: ByContactBlock, Before: 5, Score: 0.1, RunnerUp: 9, RunnerUpScore: 0.2, Doubtful: true},
	} {
		if d := o.describe(); !strings.Contains(d, "DOUBTFUL") {
			t.Errorf("%s %+v: report reads %q", o.Method, o, d)
		}
	}
}
