package index

import (
	"context"
	"fmt"
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
	ix *Index
	bi bleve.Index
}

// NewBaseline indexes ix's documents with the CJK bigram analyzer, in memory.
func NewBaseline(ix *Index) (*Baseline, error) {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = cjk.AnalyzerName
	im.TypeField = "type"
	bi, err := bleve.NewMemOnly(im)
	if err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	b := bi.NewBatch()
	for i := range ix.guide.Measures {
		m := &ix.guide.Measures[i]
		if err := b.Index(measureID(m.Number), newMeasureDoc(ix.guide, m, nil)); err != nil {
			return nil, fmt.Errorf("baseline index: %w", err)
		}
	}
	for _, u := range ix.dir.units {
		if err := b.Index(unitID(u.Name), newUnitDoc(ix.guide, u)); err != nil {
			return nil, fmt.Errorf("baseline index: %w", err)
		}
	}
	if err := bi.Batch(b); err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	return &Baseline{ix: ix, bi: bi}, nil
}

// Search ranks every document against the question; the best unit document
// makes a unit answer, otherwise the best measures make a measure answer.
func (b *Baseline) Search(question string) (Result, error) {
	r := Result{Question: question, Kind: seeds.KindNone}
	var qs []query.Query
	for _, f := range append(measureFieldNames(), "name", "aliases", "people", "departments", "topics") {
		mq := bleve.NewMatchQuery(question)
		mq.SetField(f)
		qs = append(qs, mq)
	}
	res, err := b.bi.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), 10, 0, false))
	if err != nil {
		return r, fmt.Errorf("baseline search: %w", err)
	}
	for i, h := range res.Hits {
		if isMeasureID(h.ID) {
			r.Measures = append(r.Measures, Hit{Number: measureNumber(h.ID), Score: h.Score})
		} else if i == 0 {
			r.Unit = b.ix.Unit(unitName(h.ID))
		}
	}
	switch {
	case r.Unit != nil:
		r.Kind = seeds.KindUnit
	case len(r.Measures) > 0:
		r.Kind = seeds.KindMeasure
	}
	if len(r.Measures) > b.ix.tuning.MaxHits {
		r.Measures = r.Measures[:b.ix.tuning.MaxHits]
	}
	return r, nil
}

// Close releases the baseline index.
func (b *Baseline) Close() error { return b.bi.Close() }

func measureFieldNames() []string {
	var out []string
	for _, f := range measureFields {
		out = append(out, f.name)
	}
	return out
}
