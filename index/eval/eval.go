// Package eval measures the index on question sets (index/testdata/*.jsonl)
// and by cross-validation on its example bank, beside an untuned baseline
// (bleve's CJK bigrams), for `policybot eval` and the held-out tests.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"policybot/index"
	"policybot/seeds"
	"sort"
	"strings"
	"time"
)

// Question is one line of an evaluation file (index/testdata/*.jsonl):
// a question as a user typed it and what a right answer holds.
type Question struct {
	ID       string   `json:"id"`
	Q        string   `json:"q"`
	Kind     string   `json:"kind"` // measure | unit | contact | none
	Measures []int    `json:"measures,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Phones   []string `json:"phones,omitempty"`
}

// ReadQuestions reads an evaluation file: one JSON object per line.
func ReadQuestions(r io.Reader) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("questions line %d: %w", n, err)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	return qs, nil
}

// Searcher is what an evaluation runs questions against.
type Searcher interface {
	Search(question string) (index.Result, error)
}

// Outcome is what a searcher did with one question.
type Outcome struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"` // measure | unit | contact | none | choice | suggest
	Measures []int    `json:"measures"`
	Phones   []string `json:"phones"`
	Reply    string   `json:"reply"`
	Correct  bool     `json:"correct"`
	latency  time.Duration
}

// Summary holds the evaluation's figures.
type Summary struct {
	Questions     int     `json:"questions"`
	MeasureN      int     `json:"measure_questions"`
	Top1          float64 `json:"top1"`
	Top3          float64 `json:"top3"`
	MRR           float64 `json:"mrr"`
	UnitN         int     `json:"unit_questions"`
	UnitAcc       float64 `json:"unit_accuracy"`
	ContactN      int     `json:"contact_questions"`
	ContactAcc    float64 `json:"contact_accuracy"`
	NoneN         int     `json:"none_questions"`
	NonePrecision float64 `json:"none_precision"`
	NoneRecall    float64 `json:"none_recall"`
	// Declined is the share of none questions answered none or suggest.
	Declined float64 `json:"none_declined"`
	// Suggested is the share of all questions answered with a suggestion.
	Suggested float64 `json:"suggest_share"`
	P50Micros float64 `json:"latency_p50_us"`
	P99Micros float64 `json:"latency_p99_us"`
}

// Evaluation is the result of running a question set.
type Evaluation struct {
	Results []Outcome `json:"results"`
	Summary Summary   `json:"summary"`
}

// Evaluate runs every question through s and scores the answers. The reply
// is judged the way a user would: a unit or contact question is right only
// if every phone the guide lists appears in it. A suggestion counts for the
// ranking figures (its measures are offered first) but names no phone, and
// declines a none question. A search error stops the evaluation.
func Evaluate(s Searcher, g *seeds.Guide, qs []Question) (Evaluation, error) {
	var ev Evaluation
	var sum Summary
	var rr, top1, top3, unitOK, contactOK, noneTP, nonePred, declined, suggested float64
	var lat []time.Duration
	for _, q := range qs {
		start := time.Now()
		r, err := s.Search(q.Q)
		if err != nil {
			return ev, fmt.Errorf("evaluate %s: %w", q.ID, err)
		}
		d := time.Since(start)
		lat = append(lat, d)
		o := outcome(g, q, r)
		o.latency = d
		rank := 0
		for i, n := range o.Measures {
			if contains(q.Measures, n) {
				rank = i + 1
				break
			}
		}
		answered := o.Kind != string(seeds.KindNone)
		switch q.Kind {
		case "measure":
			sum.MeasureN++
			if answered && rank == 1 {
				top1++
			}
			if answered && rank >= 1 && rank <= 3 {
				top3++
			}
			if answered && rank > 0 {
				rr += 1 / float64(rank)
			}
			o.Correct = answered && rank == 1
		case "unit":
			sum.UnitN++
			o.Correct = answered && allIn(q.Phones, o.Reply)
			unitOK += b2f(o.Correct)
		case "contact":
			sum.ContactN++
			o.Correct = answered && allIn(q.Phones, o.Reply)
			contactOK += b2f(o.Correct)
		case "none":
			sum.NoneN++
			o.Correct = !answered
			if r.Kind == seeds.KindNone || r.Kind == seeds.KindSuggest {
				declined++
			}
		}
		if r.Kind == seeds.KindSuggest {
			suggested++
		}
		if !answered {
			nonePred++
			if q.Kind == "none" {
				noneTP++
			}
		}
		ev.Results = append(ev.Results, o)
	}
	sum.Questions = len(qs)
	sum.Top1, sum.Top3, sum.MRR = ratio(top1, sum.MeasureN), ratio(top3, sum.MeasureN), ratio(rr, sum.MeasureN)
	sum.UnitAcc, sum.ContactAcc = ratio(unitOK, sum.UnitN), ratio(contactOK, sum.ContactN)
	sum.NonePrecision, sum.NoneRecall = ratio(noneTP, int(nonePred)), ratio(noneTP, sum.NoneN)
	sum.Declined, sum.Suggested = ratio(declined, sum.NoneN), ratio(suggested, len(qs))
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		sum.P50Micros = float64(lat[len(lat)/2].Microseconds())
		sum.P99Micros = float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())
	}
	ev.Summary = sum
	return ev, nil
}

// outcome renders a result as the plain reply the evaluation judges: the
// unit's phones for a unit, the best measure's text and phones otherwise.
func outcome(g *seeds.Guide, q Question, r index.Result) Outcome {
	o := Outcome{ID: q.ID, Kind: string(r.Kind), Measures: []int{}, Phones: []string{}}
	for _, h := range r.Measures {
		o.Measures = append(o.Measures, h.Number)
	}
	var reply strings.Builder
	switch r.Kind {
	case seeds.KindUnit:
		fmt.Fprintf(&reply, "%s：", r.Unit.Name)
		o.Phones = r.Unit.Phones()
		for _, c := range r.Unit.Contacts {
			fmt.Fprintf(&reply, "%s；", c.String())
		}
	case seeds.KindSuggest:
		reply.WriteString("指南里没有直接对应的内容，最接近的是：")
		for _, h := range r.Measures {
			fmt.Fprintf(&reply, "第%d条 ", h.Number)
		}
	case seeds.KindMeasure, seeds.KindChoice:
		if r.Kind == seeds.KindMeasure && r.Contact {
			o.Kind = "contact"
		}
		if m := g.Measure(r.Measures[0].Number); m != nil {
			fmt.Fprintf(&reply, "第%d条：%s ", m.Number, m.Text)
			o.Phones = m.Phones()
			for _, c := range m.Contacts {
				fmt.Fprintf(&reply, "%s；", c.String())
			}
		}
	default:
		reply.WriteString("指南未涉及")
	}
	o.Reply = reply.String()
	return o
}

// WriteText writes the summary for people.
func (s Summary) WriteText(w io.Writer, label string) {
	fmt.Fprintf(w, "%s\n", label)
	fmt.Fprintf(w, "  measure questions %3d: top-1 %.3f  top-3 %.3f  MRR %.3f\n", s.MeasureN, s.Top1, s.Top3, s.MRR)
	fmt.Fprintf(w, "  unit questions    %3d: accuracy %.3f (every listed phone in the reply)\n", s.UnitN, s.UnitAcc)
	fmt.Fprintf(w, "  contact questions %3d: accuracy %.3f (every listed phone in the reply)\n", s.ContactN, s.ContactAcc)
	fmt.Fprintf(w, "  none questions    %3d: precision %.3f  recall %.3f  declined (none or suggest) %.3f\n", s.NoneN, s.NonePrecision, s.NoneRecall, s.Declined)
	fmt.Fprintf(w, "  suggest: %.3f of all questions\n", s.Suggested)
	fmt.Fprintf(w, "  latency per question: p50 %.0f µs  p99 %.0f µs\n", s.P50Micros, s.P99Micros)
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func allIn(phones []string, text string) bool {
	for _, p := range phones {
		if !strings.Contains(text, p) {
			return false
		}
	}
	return len(phones) > 0
}

func ratio(x float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return x / float64(n)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// CrossValidate measures the decision on the example bank without a
// held-out set: each fold's questions are answered with that fold left out
// of the index's example fields and word statistics, by a model trained on
// the other folds (index.Index.CrossValidation). It returns the
// evaluation and the questions it asked (in-scope examples as measure
// questions, out-of-scope ones as none).
func CrossValidate(ix *index.Index) (Evaluation, []Question, error) {
	s, exs, err := ix.CrossValidation()
	if err != nil {
		return Evaluation{}, nil, err
	}
	var qs []Question
	for i, e := range exs {
		q := Question{ID: fmt.Sprintf("ex%d", i+1), Q: e.Text, Kind: "none"}
		if e.Measure != 0 {
			q.Kind, q.Measures = "measure", []int{e.Measure}
		}
		qs = append(qs, q)
	}
	ev, err := Evaluate(s, ix.Guide(), qs)
	return ev, qs, err
}
