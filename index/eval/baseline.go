package eval

import (
	"context"
	"fmt"
	"policybot/index"
	"policybot/seeds"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Baseline is the untuned reference the evaluation compares against: the
// same documents in a bleve index with bleve's built-in CJK bigram analyzer,
// no synonyms, no stop words, no field boosts and no decision (it never
// says "none").
type Baseline struct {
	bi      bleve.Index
	units   map[string]*index.Unit // by document ID
	measure map[string]int         // measure number by document ID
	maxHits int
}

// NewBaseline indexes ix's documents with the CJK bigram analyzer, in memory.
func NewBaseline(ix *index.Index) (*Baseline, error) {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = cjk.AnalyzerName
	im.TypeField = "type"
	bi, err := bleve.NewMemOnly(im)
	if err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	base := &Baseline{bi: bi, units: map[string]*index.Unit{}, measure: map[string]int{}, maxHits: ix.Tuning().MaxHits}
	b := bi.NewBatch()
	for _, d := range ix.Documents() {
		if err := b.Index(d.ID, d.Fields); err != nil {
			return nil, fmt.Errorf("baseline index: %w", err)
		}
		if d.Measure > 0 {
			base.measure[d.ID] = d.Measure
		} else {
			base.units[d.ID] = d.Unit
		}
	}
	if err := bi.Batch(b); err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	return base, nil
}

// Search ranks every document against the question; the best unit document
// makes a unit answer, otherwise the best measures make a measure answer.
func (b *Baseline) Search(question string) (index.Result, error) {
	r := index.Result{Question: question, Kind: seeds.KindNone}
	var qs []query.Query
	for _, f := range index.DocumentFields() {
		mq := bleve.NewMatchQuery(question)
		mq.SetField(f)
		qs = append(qs, mq)
	}
	res, err := b.bi.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), 10, 0, false))
	if err != nil {
		return r, fmt.Errorf("baseline search: %w", err)
	}
	for i, h := range res.Hits {
		if n, ok := b.measure[h.ID]; ok {
			r.Measures = append(r.Measures, index.Hit{Number: n, Score: h.Score})
		} else if i == 0 {
			r.Unit = b.units[h.ID]
		}
	}
	switch {
	case r.Unit != nil:
		r.Kind = seeds.KindUnit
	case len(r.Measures) > 0:
		r.Kind = seeds.KindMeasure
	}
	if len(r.Measures) > b.maxHits {
		r.Measures = r.Measures[:b.maxHits]
	}
	return r, nil
}

// Close releases the baseline index.
func (b *Baseline) Close() error { return b.bi.Close() }
