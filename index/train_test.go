package index

import "testing"

// TestDayOne: an index built with Tuning.DayOne holds no written examples
// (the guide's first day: generated ones only), and TrainModel trains on
// its guide's written questions all the same, read through that bank: an
// in-scope one is labelled an answer only where the day-one ranking puts
// its measure first, which it does not always do.
func TestDayOne(t *testing.T) {
	day := openDayOne(t)
	if day.HasWrittenExamples() {
		t.Fatal("day-one index: written examples in its bank")
	}
	if !testIndex.HasWrittenExamples() {
		t.Fatal("test premise: the embedded guide has written examples")
	}
	for _, e := range day.examples {
		if !e.Generated {
			t.Fatalf("day-one bank holds written example %q", e.Text)
		}
	}
	ss, err := day.dayOneSamples()
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	for _, e := range day.lex.Examples {
		if day.usable(e) {
			written++
		}
	}
	answered, inScope := 0, 0
	for _, s := range ss {
		if s.weight == 1 {
			inScope++
			if s.answer {
				answered++
			}
		}
	}
	if len(ss) < written*9/10 || inScope == 0 || answered == inScope || answered < inScope/2 {
		t.Errorf("day-one samples: %d of %d written examples, %d of %d in scope ranked right; want nearly all, most but not all right",
			len(ss), written, answered, inScope)
	}
	t.Logf("%d samples of %d written examples; %d of %d in scope ranked right on day one", len(ss), written, answered, inScope)
}
