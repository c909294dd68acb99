package eval

import (
	"os"
	"policybot/index"
	"policybot/index/indextest"
	"testing"
)

// testIndex is the shared index of the embedded guide the figures are
// measured on.
var testIndex *index.Index

func TestMain(m *testing.M) {
	var err error
	if testIndex, err = indextest.Get(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func evaluate(t *testing.T, file string) Summary {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Evaluate(testIndex, testIndex.Guide(), qs)
	if err != nil {
		t.Fatal(err)
	}
	s := ev.Summary
	t.Logf("%s: top-1 %.3f top-3 %.3f MRR %.3f unit %.3f contact %.3f none P %.3f R %.3f declined %.3f suggest %.3f",
		file, s.Top1, s.Top3, s.MRR, s.UnitAcc, s.ContactAcc, s.NonePrecision, s.NoneRecall, s.Declined, s.Suggested)
	return s
}

type floor struct {
	name      string
	got, want float64
}

func checkFloors(t *testing.T, floors []floor) {
	t.Helper()
	for _, c := range floors {
		if c.got < c.want {
			t.Errorf("%s %.3f, want ≥ %.2f", c.name, c.got, c.want)
		}
	}
}

// TestDevSet holds the search to the targets on the development questions
// (testdata/dev.jsonl).
func TestDevSet(t *testing.T) {
	s := evaluate(t, "../testdata/dev.jsonl")
	checkFloors(t, []floor{
		{"top-1", s.Top1, 0.96}, {"top-3", s.Top3, 0.99},
		{"none precision", s.NonePrecision, 0.90}, {"none recall", s.NoneRecall, 0.80},
		{"unit accuracy", s.UnitAcc, 0.90}, {"contact accuracy", s.ContactAcc, 0.90},
	})
}

// TestHeldOutSet guards against regressions on questions written
// independently of the lexicon (testdata/heldout.jsonl: long, colloquial
// phrasings). The floors sit a little under what was measured when the set
// arrived; the README has the figures. Out-of-scope questions must be
// declined (none or a suggestion): since a sure ranking is offered as a
// suggestion rather than refused, none recall counts only bare refusals.
func TestHeldOutSet(t *testing.T) {
	s := evaluate(t, "../testdata/heldout.jsonl")
	checkFloors(t, []floor{
		{"top-1", s.Top1, 0.72}, {"unit accuracy", s.UnitAcc, 0.90},
		{"contact accuracy", s.ContactAcc, 0.85}, {"out of scope declined", s.Declined, 0.75},
	})
}

// TestSecondHeldOutSet: dev-style questions written after the tuning and
// never tuned on (testdata/heldout2.jsonl). Floors sit under the first
// measurement; a drop means the pipeline lost generality.
func TestSecondHeldOutSet(t *testing.T) {
	s := evaluate(t, "../testdata/heldout2.jsonl")
	checkFloors(t, []floor{
		{"top-1", s.Top1, 0.95}, {"top-3", s.Top3, 0.98}, {"unit accuracy", s.UnitAcc, 0.90},
		{"contact accuracy", s.ContactAcc, 0.90}, {"none precision", s.NonePrecision, 0.90}, {"none recall", s.NoneRecall, 0.6},
	})
}

// TestThirdHeldOutSet: long, colloquial questions with personas and
// out-of-scope decoys (other districts, national matters, personal
// services), written from the guide alone by someone who never saw the
// lexicon or the example bank (testdata/heldout3.jsonl), and measured once
// when the example bank and the learned decision were done. Floors sit a
// little under that measurement (README); never tune on this set.
func TestThirdHeldOutSet(t *testing.T) {
	s := evaluate(t, "../testdata/heldout3.jsonl")
	checkFloors(t, []floor{
		{"top-1", s.Top1, 0.95}, {"top-3", s.Top3, 0.97}, {"unit accuracy", s.UnitAcc, 0.95},
		{"contact accuracy", s.ContactAcc, 0.95}, {"none precision", s.NonePrecision, 0.90},
		{"out of scope declined", s.Declined, 0.82}, {"at most 12% suggest", 1 - s.Suggested, 0.88},
	})
}
