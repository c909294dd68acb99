package index

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// row is an example question's model inputs, computed without its fold.
type row struct {
	sample
	example int
}

// rows computes the training rows of the example bank: every example is
// run through the pipeline with its own fold left out of the index's
// example fields and word statistics, so the model cannot learn that an
// example matches itself. Examples the words settle (a unit, a measure
// number, a request for a person) have no row.
//
// The examples are spread over the CPUs; each row lands at its example's
// place, so the rows come out in the bank's order whatever the timing.
func (ix *Index) rows() ([]row, error) {
	exs := ix.lex.Examples
	all := make([]*row, len(exs))
	errs := make([]error, len(exs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(exs); i += workers {
				all[i], errs[i] = ix.row(i)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []row
	for _, r := range all {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out, nil
}

func (ix *Index) row(i int) (*row, error) {
	e := ix.lex.Examples[i]
	if !ix.usable(e) {
		return nil, nil
	}
	r, x, err := ix.understand(ix.firstPart(e.Text), ix.fold[i], nil)
	if err != nil {
		return nil, fmt.Errorf("train: example %q: %w", e.Text, err)
	}
	if x == nil {
		return nil, nil
	}
	s := sample{x: x.vector(), weight: 1}
	if e.Measure == 0 {
		s.weight = ix.tuning.NegativeWeight
	} else {
		s.answer = len(r.Measures) > 0 && r.Measures[0].Number == e.Measure
	}
	return &row{sample: s, example: i}, nil
}

// train fits the decision model on the rows (computed if nil) whose
// example is not in fold skip (skip < 0: all). With fewer than
// Tuning.MinPositives in-scope examples to learn from, the guide's bank is
// not its own (see findUnfit) and the built-in default model is used.
func (ix *Index) train(rows []row, skip ...int) (*model, error) {
	if rows == nil {
		var err error
		if rows, err = ix.rows(); err != nil {
			return nil, err
		}
	}
	positives := 0
	for _, r := range rows {
		if ix.lex.Examples[r.example].Measure != 0 {
			positives++
		}
	}
	if positives < ix.tuning.MinPositives {
		return defaultModel()
	}
	var ss []sample
	for _, r := range rows {
		if len(skip) == 0 || ix.fold[r.example] != skip[0] {
			ss = append(ss, r.sample)
		}
	}
	return train(ss, ix.tuning), nil
}

// answerable reports whether measure n exists with text to answer with.
func (ix *Index) answerable(n int) bool {
	m := ix.guide.Measure(n)
	return m != nil && (m.Text != "" || len(m.Details) > 0)
}

// usable reports whether an example takes part in training and
// cross-validation: out of scope, or for an answerable measure whose
// examples fit it.
func (ix *Index) usable(e Example) bool {
	return e.Measure == 0 || ix.answerable(e.Measure) && !ix.unfit[e.Measure]
}
