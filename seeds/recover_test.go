package seeds

import (
	"math/rand/v2"
	"reflect"
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
		ps = append(ps, readPiece(i, s))
	}
	return ps
}

func join(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

func sameGuide(t *testing.T, got, want *Guide) {
	t.Helper()
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
// result must be the same guide, now with every follow-up placed by position.
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
		if o.Method != ByPosition {
			t.Errorf("in the clean copy %q was placed by %s", clip(o.Sentence, 15), o.Method)
		}
	}
}

// TestRescrambledCopy corrupts the seed again the way it was corrupted: new
// duplicate sentences, measure sentences moved elsewhere, newlines sprinkled.
// Moves keep the evidence the parser relies on for follow-ups: a moved
// sentence is not one that brackets a follow-up, and it lands between two
// measure sentences. (A follow-up displaced to between a measure's start and
// that measure's own contact block is indistinguishable from a real one;
// TestDisplacedFollowUp covers displacement to an untrustworthy spot.)
func TestRescrambledCopy(t *testing.T) {
	want := mustEmbedded(t)
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, 42))
		ps := keptPieces(t, embedded)
		first := 0
		for first < len(ps) && !ps[first].structural() {
			first++
		}
		structural := func(i int) bool { return i >= first && i < len(ps) && ps[i].structural() }
		for moves := 0; moves < 15; {
			i := first + rng.IntN(len(ps)-first)
			if !structural(i) || !structural(i-1) && i-1 >= first || i+1 < len(ps) && !structural(i+1) {
				continue
			}
			p := ps[i]
			ps = append(ps[:i:i], ps[i+1:]...)
			j := first + 1 + rng.IntN(len(ps)-first-1)
			if !structural(j-1) || j < len(ps) && !structural(j) {
				ps = append(ps[:i:i], append([]piece{p}, ps[i:]...)...) // put it back, try again
				continue
			}
			ps = append(ps[:j:j], append([]piece{p}, ps[j:]...)...)
			moves++
		}
		for dups := 0; dups < 20; dups++ {
			i := rng.IntN(len(ps))
			j := i + 1 + rng.IntN(len(ps)-i)
			ps = append(ps[:j:j], append([]piece{ps[i]}, ps[j:]...)...)
		}
		var b strings.Builder
		for _, r := range join(ps) {
			if rng.IntN(40) == 0 {
				b.WriteString("\n")
			}
			b.WriteRune(r)
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
