package index

// FoldSearcher answers the example bank's questions for cross-validation:
// each with its fold left out of the index's example fields and word
// statistics, decided by a model trained on the other folds.
type FoldSearcher struct {
	ix     *Index
	models []*model
	fold   map[string]int
}

// CrossValidation trains one model per fold of the example bank (each
// without that fold) and returns the searcher that answers with them and
// the examples it can answer: every usable example once, in bank order.
// The index itself is left as it was.
func (ix *Index) CrossValidation() (*FoldSearcher, []Example, error) {
	rows, err := ix.rows()
	if err != nil {
		return nil, nil, err
	}
	s := &FoldSearcher{ix: ix, fold: map[string]int{}}
	for k := 0; k < ix.tuning.Folds; k++ {
		m, err := ix.train(rows, k)
		if err != nil {
			return nil, nil, err
		}
		s.models = append(s.models, m)
	}
	var exs []Example
	for i, e := range ix.examples {
		if _, dup := s.fold[e.Text]; dup || !ix.usable(e) {
			continue
		}
		s.fold[e.Text] = ix.fold[i]
		exs = append(exs, e)
	}
	return s, exs, nil
}

// Search answers an example question with its fold left out and that
// fold's model.
func (s *FoldSearcher) Search(q string) (Result, error) {
	k := s.fold[q]
	r, _, err := s.ix.understand(s.ix.firstPart(q), k, s.models[k])
	return r, err
}
