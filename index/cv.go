package index

import "fmt"

// CrossValidate measures the decision on the example bank without a
// held-out set: each fold's questions are answered with that fold left out
// of the index's example fields and word statistics, by a model trained on
// the other folds. It returns the evaluation and the questions it asked
// (in-scope examples as measure questions, out-of-scope ones as none).
func (ix *Index) CrossValidate() (Evaluation, []Question, error) {
	rows, err := ix.rows()
	if err != nil {
		return Evaluation{}, nil, err
	}
	cv := &foldSearcher{ix: ix, fold: map[string]int{}}
	for k := 0; k < ix.tuning.Folds; k++ {
		m, err := ix.train(rows, k)
		if err != nil {
			return Evaluation{}, nil, err
		}
		cv.models = append(cv.models, m)
	}
	var qs []Question
	for i, e := range ix.lex.Examples {
		if _, dup := cv.fold[e.Text]; dup || !ix.usable(e) {
			continue
		}
		cv.fold[e.Text] = ix.fold[i]
		q := Question{ID: fmt.Sprintf("ex%d", i+1), Q: e.Text, Kind: "none"}
		if e.Measure != 0 {
			q.Kind, q.Measures = "measure", []int{e.Measure}
		}
		qs = append(qs, q)
	}
	ev, err := Evaluate(cv, ix, qs)
	return ev, qs, err
}

// foldSearcher answers an example with its fold left out and that fold's model.
type foldSearcher struct {
	ix     *Index
	models []*model
	fold   map[string]int
}

func (s *foldSearcher) Search(q string) (Result, error) {
	k := s.fold[q]
	r, _, err := s.ix.understand(Normalize(q), k, s.models[k], false)
	return r, err
}
