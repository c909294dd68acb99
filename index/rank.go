package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// concept is a word of the question: a longest token with the shorter
// tokens jieba's search mode found inside it.
type concept struct {
	term   string
	subs   []string
	weight float64 // see weight; computed once per question
	known  bool    // some measure uses it (see known)
}

// analysed is a question's topic cut once: the tokens the bleve query is
// built from and the concepts coverage and the features are computed on.
type analysed struct {
	terms    []string // distinct tokens, longest and inner alike
	concepts []concept
}

func (ix *Index) analyse(text string, excl int) analysed {
	ts := ix.an.Analyze([]byte(text))
	var a analysed
	for _, t := range ts {
		a.terms = appendNew(a.terms, string(t.Term))
		if inner(ts, t) {
			continue
		}
		c := concept{term: string(t.Term)}
		for _, o := range ts {
			if o != t && o.Start >= t.Start && o.End <= t.End {
				c.subs = append(c.subs, string(o.Term))
			}
		}
		if !slices.ContainsFunc(a.concepts, func(x concept) bool { return x.term == c.term }) {
			c.weight = ix.weight(c, excl)
			c.known = ix.known(c, excl)
			a.concepts = append(a.concepts, c)
		}
	}
	return a
}

// concepts cuts text into concepts over the whole vocabulary.
func (ix *Index) concepts(text string) []concept {
	return ix.analyse(text, -1).concepts
}

// query is the bleve query for the analysed terms: per measure field (and
// per fold of examples, but fold excl), a disjunction of the terms, each
// with its synonyms' guide words. It is built from the one analysis rather
// than a match query per field, which would cut the question again each time.
func (ix *Index) query(terms []string, excl int) query.Query {
	perTerm := func(field string, boost float64) query.Query {
		var qs []query.Query
		for _, t := range terms {
			tq := bleve.NewTermQuery(t)
			tq.SetField(field)
			alts := ix.vocab.expand[t]
			if len(alts) == 0 {
				tq.SetBoost(boost)
				qs = append(qs, tq)
				continue
			}
			syn := []query.Query{tq}
			for _, e := range alts {
				if e == t {
					continue
				}
				eq := bleve.NewTermQuery(e)
				eq.SetField(field)
				syn = append(syn, eq)
			}
			d := bleve.NewDisjunctionQuery(syn...)
			d.SetBoost(boost)
			qs = append(qs, d)
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	var fields []query.Query
	for _, f := range measureFields {
		fields = append(fields, perTerm(f.name, f.boost))
	}
	for f := 0; f < ix.tuning.Folds; f++ {
		if f != excl {
			fields = append(fields, perTerm(exampleField(f), exampleBoost))
		}
	}
	return bleve.NewDisjunctionQuery(fields...)
}

// rank searches the measures with bleve (BM25) and scores each hit's
// coverage of the question.
func (ix *Index) rank(a analysed, excl int) ([]Hit, error) {
	req := bleve.NewSearchRequestOptions(ix.query(a.terms, excl), 10, 0, false)
	res, err := ix.bi.SearchInContext(context.Background(), req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var hits []Hit
	for _, h := range res.Hits {
		if !isMeasureID(h.ID) {
			continue
		}
		n := measureNumber(h.ID)
		all, known := ix.coverage(a.concepts, n, excl)
		hits = append(hits, Hit{Number: n, Score: h.Score, Coverage: all, KnownCoverage: known})
	}
	// Rank by score, but a measure that covers the question clearly better
	// goes first: BM25 favours short texts that repeat one word.
	sort.SliceStable(hits, func(i, j int) bool {
		if d := hits[i].Coverage - hits[j].Coverage; math.Abs(d) > 0.25 {
			return d > 0
		}
		return hits[i].Score > hits[j].Score
	})
	if len(hits) > ix.tuning.MaxHits {
		hits = hits[:ix.tuning.MaxHits]
	}
	return hits, nil
}
