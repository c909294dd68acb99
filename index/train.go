package index

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"policybot/index/generate"
)

// row is an example question's model inputs, computed without its fold.
type row struct {
	sample
	example int
	told    bool // the example told after a story (see told)
}

// rows computes the training rows of the example bank: every example is
// run through the pipeline with its own fold left out of the index's
// example fields and word statistics, so the model cannot learn that an
// example matches itself. Examples the words settle (a unit, a measure
// number, a request for a person) have no row.
//
// Every Tuning.ToldEvery-th example is also run told after a story (see
// told), so the model sees owners' stories around questions it knows,
// whether in scope or not, and learns that their words are neutral.
//
// The examples are spread over the CPUs; each row lands at its example's
// place, so the rows come out in the bank's order whatever the timing.
func (ix *Index) rows() ([]row, error) {
	exs := ix.examples
	n := len(exs)
	all := make([]*row, 2*n)
	errs := make([]error, 2*n)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < 2*n; j += workers {
				switch i := j % n; {
				case j < n:
					all[j], errs[j] = ix.row(i, exs[i].Text)
				case ix.tuning.ToldEvery > 0 && i%ix.tuning.ToldEvery == 0:
					all[j], errs[j] = ix.row(i, told(exs[i].Text, i))
					if all[j] != nil {
						all[j].told = true
						all[j].weight *= ix.tuning.ToldWeight
					}
				}
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

// told is question q told after a story of what happened, deterministic
// in i: "我们是开饭店的，今年订单少了一半，社保能缓交吗".
func told(q string, i int) string {
	owners, sits := generate.DefaultOwners, generate.DefaultSituations
	return "我们是" + owners[i%len(owners)] + "，" + sits[(i/len(owners))%len(sits)] + "，" + q
}

// row runs example i's question as text (the example's or told after a
// story) with its fold left out.
func (ix *Index) row(i int, text string) (*row, error) {
	s, err := ix.sampleOf(ix.examples[i], text, ix.fold[i])
	if s == nil || err != nil {
		return nil, err
	}
	return &row{sample: *s, example: i}, nil
}

// sampleOf runs example e's question as text with fold excl left out (-1:
// none) and labels it: nil if e takes no part in training or its words
// settle it.
func (ix *Index) sampleOf(e Example, text string, excl int) (*sample, error) {
	if !ix.usable(e) {
		return nil, nil
	}
	r, x, err := ix.understand(ix.firstPart(text), excl, nil)
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
	return &s, nil
}

// buildModel is the model a new index decides with: a shipped model,
// trained on several guides (the default one where the guide has written
// examples of its own, the day-one one where it has none), unless
// Tuning.OwnModel asks for one trained on the guide's own written bank
// (and it has one).
func (ix *Index) buildModel() (*model, error) {
	if !ix.tuning.OwnModel || !ix.ownBank() {
		shipped := dayOneModel
		if ix.ownBank() {
			shipped = defaultModel
		}
		m, err := shipped()
		switch {
		case err == nil:
			return m, nil
		case ix.ownBank():
			// A shipped model of other features (while it is regenerated
			// with -update; TestDefaultModel fails until it is): the
			// guide's own bank still trains one.
			return ix.train(nil)
		default:
			return train(nil, ix.tuning), nil // untrained: every probability ½
		}
	}
	return ix.train(nil)
}

// train fits the decision model on the rows (computed if nil) whose
// example is not in fold skip (skip < 0: all).
func (ix *Index) train(rows []row, skip ...int) (*model, error) {
	if rows == nil {
		var err error
		if rows, err = ix.rows(); err != nil {
			return nil, err
		}
	}
	var ss []sample
	for _, r := range rows {
		if len(skip) == 0 || ix.fold[r.example] != skip[0] {
			ss = append(ss, r.sample)
		}
	}
	return train(ss, ix.tuning), nil
}

// shift is what the decision adds to the model's log-odds: Tuning.DayOneShift
// on a guide without written examples of its own, else nothing.
func (ix *Index) shift() float64 {
	if ix.written {
		return 0
	}
	return ix.tuning.DayOneShift
}

// ownBank reports whether the bank holds examples written for this guide.
func (ix *Index) ownBank() bool {
	return slices.ContainsFunc(ix.examples, func(e Example) bool { return e.Measure != 0 && !e.Generated })
}

// HasWrittenExamples reports whether the index's example bank holds
// questions written for its guide (enough of them to be kept, see
// Tuning.MinPositives) rather than only generated ones: a guide on its
// first day has none.
func (ix *Index) HasWrittenExamples() bool { return ix.ownBank() }

// Model is a trained answer / suggest / none decision model.
type Model struct{ m *model }

// TrainModel fits a decision model on the example banks of several
// indexes (each example run through its own index with its fold left
// out): a model for guides none of them is. Rows of one index are
// computed once and kept.
func TrainModel(ixs ...*Index) (*Model, error) {
	var ss []sample
	for _, ix := range ixs {
		rows, err := ix.cachedRows()
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			ss = append(ss, r.sample)
		}
		if ix.tuning.DayOne {
			more, err := ix.dayOneSamples()
			if err != nil {
				return nil, err
			}
			ss = append(ss, more...)
		}
	}
	if len(ixs) == 0 {
		return nil, fmt.Errorf("train: no index")
	}
	return &Model{train(ss, ixs[0].tuning)}, nil
}

// dayOneSamples are the training samples of the written examples a
// Tuning.DayOne index left out of its bank, each run through the whole
// index (no fold holds it) as the index would answer it. Examples the
// words settle have none.
func (ix *Index) dayOneSamples() ([]sample, error) {
	var out []sample
	for _, e := range ix.lex.Examples {
		s, err := ix.sampleOf(e, e.Text, -1)
		if err != nil {
			return nil, err
		}
		if s != nil {
			out = append(out, *s)
		}
	}
	return out, nil
}

// cachedRows are the index's training rows, computed on first use.
func (ix *Index) cachedRows() ([]row, error) {
	ix.rowsOnce.Do(func() { ix.rowCache, ix.rowErr = ix.rows() })
	return ix.rowCache, ix.rowErr
}

// Save writes the model as JSON.
func (m *Model) Save(path string) error { return m.m.save(path) }

// Model returns the model the index decides with.
func (ix *Index) Model() *Model { return &Model{ix.model} }

// WithModel returns a view of the index that decides with m: it shares
// everything else with ix, which must stay open while the view is used.
// Closing the view does nothing.
func (ix *Index) WithModel(m *Model) *Index {
	return &Index{knowledge: ix.knowledge, bi: ix.bi, model: m.m, termFields: ix.termFields, fieldNames: ix.fieldNames, path: ix.path, fp: ix.fp, view: true}
}

// answerable reports whether measure n exists with text to answer with
// and is a measure: a provision on the document itself (seeds.Measure.Frame:
// its scope, who interprets it) is never an answer, though the guide's
// period is still read from it (Guide.Term).
func (ix *Index) answerable(n int) bool {
	m := ix.guide.Measure(n)
	return m != nil && m.Answerable()
}

// usable reports whether an example takes part in training and
// cross-validation: out of scope, or for an answerable measure whose
// examples fit it.
func (ix *Index) usable(e Example) bool {
	return e.Measure == 0 || ix.answerable(e.Measure) && !ix.unfit[e.Measure]
}

// Shifted returns a copy of the model whose log-odds are shifted by d, for
// fitting Tuning.DayOneShift: an index deciding with it on a guide without
// written examples adds d to its own shift.
func (m *Model) Shifted(d float64) *Model {
	c := *m.m
	c.Bias += d
	return &Model{&c}
}
