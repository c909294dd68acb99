package index

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestQueryAsBuiltPerTerm checks that query, which takes its term queries
// from one array, builds the query that allocating each term query
// (NewTermQuery, SetBoost) built: the same clauses, fields and boosts.
func TestQueryAsBuiltPerTerm(t *testing.T) {
	ix := testIndex
	checked := 0
	for _, q := range readQuestions(t, "testdata/dev.jsonl", "testdata/heldout4_story.jsonl") {
		for _, excl := range []int{-1, 2} {
			a := ix.analyse(Normalize(q.Q), excl)
			// Situation words, to build their clauses too.
			situation := slices.Clone(a.terms[len(a.terms)/2:])
			got, err := json.Marshal(ix.query(a.terms, situation, excl))
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(perTermQuery(ix, a.terms, situation, excl))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Fatalf("%s (excl %d):\n got %s\nwant %s", q.ID, excl, got, want)
			}
			checked++
		}
	}
	if checked < 200 {
		t.Fatalf("only %d queries checked", checked)
	}
}

// perTermQuery is query as it was built before, one allocation per term
// query and boost.
func perTermQuery(ix *Index, terms, situation []string, excl int) query.Query {
	all := slices.Concat(terms, situation)
	alts := make([][]string, len(all))
	for i, t := range all {
		alts[i] = append([]string{t}, ix.vocab.expand[t]...)
	}
	perTerm := func(field int, boost float64) query.Query {
		name, bit := ix.fieldNames[field], uint32(1)<<field
		var qs []query.Query
		for i, t := range all {
			boost := boost
			if i >= len(terms) {
				boost *= ix.tuning.SituationWeight
			}
			var tqs []query.Query
			for _, e := range alts[i] {
				if ix.termFields[e]&bit != 0 && (e != t || len(tqs) == 0) {
					tq := bleve.NewTermQuery(e)
					tq.SetField(name)
					tqs = append(tqs, tq)
				}
			}
			switch len(tqs) {
			case 0:
				continue
			case 1:
				tqs[0].(*query.TermQuery).SetBoost(boost)
				qs = append(qs, tqs[0])
			default:
				d := bleve.NewDisjunctionQuery(tqs...)
				d.SetBoost(boost)
				qs = append(qs, d)
			}
		}
		if len(qs) == 0 {
			return nil
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	var fields []query.Query
	for i, f := range measureFields {
		if q := perTerm(i, f.boost); q != nil {
			fields = append(fields, q)
		}
	}
	for f := 0; f < ix.tuning.Folds; f++ {
		if q := perTerm(len(measureFields)+f, exampleBoost); f != excl && q != nil {
			fields = append(fields, q)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(fields...)
}
