package index

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// scoredDoc is a document bleve found, with its score.
type scoredDoc struct {
	id    string
	score float64
}

// topDocs returns the n best documents q finds, best first: by score, ties
// in index order, as bleve's SearchInContext with a request of size n
// returns them. It runs q's searcher itself rather than through
// SearchInContext, which sets up what this index never asks for (facets,
// knn, score fusion, highlighting, stored fields) and allocates a fresh
// document match for every term searcher of the query on every search:
// a question's query has some fifty term searchers, and those matches
// were a fifth of the bytes a question allocated. Here the matches come
// from a slab reused from search to search (matchSlabs).
func (ix *Index) topDocs(q query.Query, n int) ([]scoredDoc, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open index reader: %w", err)
	}
	defer r.Close()
	m := ix.bi.Mapping()
	s, err := q.Searcher(scoringContext(m), r, m, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	slab := matchSlabs.Get().(*matchSlab)
	defer slab.release()
	pool := slab.pool
	sctx := &search.SearchContext{DocumentMatchPool: pool, IndexReader: r}
	// best holds the n best matches so far, best first; a match scoring
	// no more than the last goes after it (index order breaks ties).
	best := make([]*search.DocumentMatch, 0, n+1)
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		i := len(best)
		for i > 0 && best[i-1].Score < dm.Score {
			i--
		}
		if i >= n {
			pool.Put(dm)
			continue
		}
		best = append(best, nil)
		copy(best[i+1:], best[i:])
		best[i] = dm
		if len(best) > n {
			pool.Put(best[n])
			best = best[:n]
		}
	}
	out := make([]scoredDoc, len(best))
	for i, dm := range best {
		id, err := r.ExternalID(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		out[i] = scoredDoc{id, dm.Score}
	}
	return out, nil
}

// scoringContexts tell a searcher the scoring model, as SearchInContext
// does (by the mapping's ScoringModel); built once, not per search.
var scoringContexts = map[string]context.Context{
	bleveindex.BM25Scoring:         scoringModelContext(bleveindex.BM25Scoring),
	bleveindex.DefaultScoringModel: scoringModelContext(bleveindex.DefaultScoringModel),
}

func scoringModelContext(model string) context.Context {
	return context.WithValue(context.Background(), search.GetScoringModelCallbackKey,
		search.GetScoringModelCallbackFn(func() string { return model }))
}

// scoringContext is the context for searching an index of mapping m.
func scoringContext(m mapping.IndexMapping) context.Context {
	if im, ok := m.(*mapping.IndexMappingImpl); ok && im.ScoringModel == bleveindex.BM25Scoring {
		return scoringContexts[bleveindex.BM25Scoring]
	}
	return scoringContexts[bleveindex.DefaultScoringModel]
}

// matchSlab hands out the document matches of one search from an array
// kept for the next: once the search is done no searcher holds them. Its
// pool (whose TooSmall is get) is kept too, emptied (release), so that
// the matches put back in it during a search need not grow a new list.
type matchSlab struct {
	dms      []search.DocumentMatch
	used     int
	pool     *search.DocumentMatchPool
	draining bool // get returns nil: release is emptying the pool
}

// matchSlabSize covers the matches of all but the longest queries; a
// search needing more allocates the rest.
const matchSlabSize = 128

var matchSlabs = sync.Pool{New: func() any {
	s := &matchSlab{dms: make([]search.DocumentMatch, matchSlabSize)}
	s.pool = &search.DocumentMatchPool{TooSmall: s.get}
	return s
}}

// get is the pool's TooSmall: the next match of the slab, reset.
func (s *matchSlab) get(*search.DocumentMatchPool) *search.DocumentMatch {
	if s.draining {
		return nil
	}
	if s.used == len(s.dms) {
		return &search.DocumentMatch{}
	}
	dm := s.dms[s.used].Reset()
	s.used++
	return dm
}

// release returns the slab for another search.
func (s *matchSlab) release() {
	s.draining = true
	for s.pool.Get() != nil {
	}
	s.draining = false
	s.used = 0
	matchSlabs.Put(s)
}
