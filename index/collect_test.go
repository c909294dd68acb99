package index

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestTopDocsAsSearch checks that topDocs finds what bleve's
// SearchInContext finds, in the same order and with the same scores, for
// the queries of the development and story questions, whole and with a
// fold left out, at the sizes rank asks for and at sizes that cut ties.
func TestTopDocsAsSearch(t *testing.T) {
	ix := testIndex
	qs := readQuestions(t, "testdata/dev.jsonl", "testdata/heldout4_story.jsonl")
	checked := 0
	for _, q := range qs {
		for _, excl := range []int{-1, 0, 3} {
			a := ix.analyse(Normalize(q.Q), excl)
			bq := ix.query(a.terms, a.situation, excl)
			if bq == nil {
				continue
			}
			for _, n := range []int{1, 3, 10, 40} {
				got, err := ix.topDocs(bq, n)
				if err != nil {
					t.Fatal(err)
				}
				res, err := ix.bi.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(bq, n, 0, false))
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(res.Hits) {
					t.Fatalf("%s (excl %d, n %d): %d documents, SearchInContext %d", q.ID, excl, n, len(got), len(res.Hits))
				}
				for i, h := range res.Hits {
					if got[i].id != h.ID || got[i].score != h.Score {
						t.Fatalf("%s (excl %d, n %d): #%d is %s %v, SearchInContext %s %v", q.ID, excl, n, i, got[i].id, got[i].score, h.ID, h.Score)
					}
				}
				checked++
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d searches checked", checked)
	}
}

// TestTopDocsConcurrent runs topDocs from several goroutines at once: each
// search has a slab of matches of its own, so the results are those of the
// searches run one at a time.
func TestTopDocsConcurrent(t *testing.T) {
	ix := testIndex
	type search struct {
		q    query.Query
		want []scoredDoc
	}
	var ss []search
	for _, q := range readQuestions(t, "testdata/dev.jsonl") {
		a := ix.analyse(Normalize(q.Q), -1)
		if bq := ix.query(a.terms, a.situation, -1); bq != nil {
			want, err := ix.topDocs(bq, 10)
			if err != nil {
				t.Fatal(err)
			}
			ss = append(ss, search{bq, want})
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for k := range 3 * len(ss) {
				s := ss[(k+g*7)%len(ss)]
				got, err := ix.topDocs(s.q, 10)
				if err != nil || !slices.Equal(got, s.want) {
					errs <- fmt.Sprintf("goroutine %d, search %d: %v %v, want %v", g, k, got, err, s.want)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
