// Package eval measures the index on question sets (index/testdata/*.jsonl)
// and by cross-validation on its example bank, beside an untuned baseline
// (bleve's CJK bigrams), for `policybot eval` and the held-out tests.
package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"policybot/index"
	"policybot/seeds"
	"slices"
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
	// Style is how the question is written (short, story, faq, typo,
	// name, oos-story, …); figures are given per style family (see Family).
	Style string `json:"style,omitempty"`
	// Asks, for a message with several asks, are the measures that answer
	// each, in the order asked: it is right only when every ask is
	// answered, in that order.
	Asks [][]int `json:"asks,omitempty"`
	// AlsoOK are measures that are an acceptable answer to an out-of-scope
	// question (the guide names the matter without the detail asked).
	AlsoOK []int `json:"also_ok,omitempty"`
	Typo   bool  `json:"typo,omitempty"`
}

// Family is the style a question's figures are grouped under: an
// out-of-scope question counts with the questions of its style
// ("oos-story" with "story"), so each family has both kinds.
func (q Question) Family() string {
	if s, ok := strings.CutPrefix(q.Style, "oos-"); ok {
		return s
	}
	return q.Style
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

// MessageReader is a Searcher that reads a whole message into asks, as the
// bot does (index.Index): Evaluate then scores every ask.
type MessageReader interface {
	Read(text string, c index.Context) (index.Reading, error)
}

// Outcome is what a searcher did with one question.
type Outcome struct {
	ID       string   `json:"id"`
	Style    string   `json:"style,omitempty"`
	Kind     string   `json:"kind"` // measure | unit | contact | none | choice | suggest
	Measures []int    `json:"measures"`
	Phones   []string `json:"phones"`
	Reply    string   `json:"reply"`
	Correct  bool     `json:"correct"`
	// Asks are the kind and first measure of each ask the message was read
	// as, when it was read as more than one.
	Asks []string `json:"asks,omitempty"`
	// ConfidentWrong: answered with a measure or a unit, and wrong.
	ConfidentWrong bool `json:"confident_wrong,omitempty"`
	// Probability is the decision model's for the first ask (0: none consulted).
	Probability float64 `json:"probability"`
	latency     time.Duration
}

// Summary holds the evaluation's figures.
type Summary struct {
	Questions int     `json:"questions"`
	MeasureN  int     `json:"measure_questions"`
	Top1      float64 `json:"top1"`
	Top3      float64 `json:"top3"`
	MRR       float64 `json:"mrr"`
	// Ranked1 is the share of measure questions whose measure the search
	// ranks first, whatever the decision: what Top1 would be if the bot
	// never declined.
	Ranked1       float64 `json:"ranked1"`
	UnitN         int     `json:"unit_questions"`
	UnitAcc       float64 `json:"unit_accuracy"`
	ContactN      int     `json:"contact_questions"`
	ContactAcc    float64 `json:"contact_accuracy"`
	NoneN         int     `json:"none_questions"`
	NonePrecision float64 `json:"none_precision"`
	NoneRecall    float64 `json:"none_recall"`
	// Declined is the share of none questions answered none or suggest
	// (or with a measure the question accepts, AlsoOK).
	Declined float64 `json:"none_declined"`
	// Suggested is the share of all questions answered with a suggestion.
	Suggested float64 `json:"suggest_share"`
	// ConfidentWrong is the share of all questions answered with a measure
	// or a unit that is wrong.
	ConfidentWrong float64 `json:"confident_wrong"`
	// TwoAskN counts the messages with several asks; TwoAsk is the share
	// of them with every ask answered, in order (they count in Top1 too).
	TwoAskN int     `json:"multi_ask_questions"`
	TwoAsk  float64 `json:"multi_ask_accuracy"`
	// AUC is how well the decision model's probability separates asks
	// whose best-ranked measure is right from the others (0.5: not at all).
	AUC       float64 `json:"auc"`
	P50Micros float64 `json:"latency_p50_us"`
	P99Micros float64 `json:"latency_p99_us"`
}

// Evaluation is the result of running a question set.
type Evaluation struct {
	Results []Outcome `json:"results"`
	Summary Summary   `json:"summary"`
	// ByStyle are the figures of each style family (Question.Family) when
	// the questions have styles.
	ByStyle map[string]Summary `json:"by_style,omitempty"`
}

// Evaluate runs every question through s and scores the answers. The reply
// is judged the way a user would: a unit or contact question is right only
// if every phone the guide lists appears in it. A suggestion counts for the
// ranking figures (its measures are offered first) but names no phone, and
// declines a none question. A MessageReader's message may hold several
// asks: a measure question is right when one of them ranks the measure
// first, a message with several asks (Question.Asks) when they answer them
// in order. A search error stops the evaluation.
func Evaluate(s Searcher, g *seeds.Guide, qs []Question) (Evaluation, error) {
	var ev Evaluation
	var sc scores
	byStyle := map[string]*scores{}
	for _, q := range qs {
		start := time.Now()
		rs, err := run(s, q.Q)
		if err != nil {
			return ev, fmt.Errorf("evaluate %s: %w", q.ID, err)
		}
		d := time.Since(start)
		o, p := score(g, q, rs)
		o.latency = d
		sc.add(q, o, p, d)
		if q.Style != "" {
			f := q.Family()
			if byStyle[f] == nil {
				byStyle[f] = &scores{}
			}
			byStyle[f].add(q, o, p, d)
		}
		ev.Results = append(ev.Results, o)
	}
	ev.Summary = sc.summary()
	if len(byStyle) > 0 {
		ev.ByStyle = map[string]Summary{}
		for f, s := range byStyle {
			ev.ByStyle[f] = s.summary()
		}
	}
	return ev, nil
}

// run asks s the question: every ask of the message for a MessageReader,
// the one result of Search otherwise. A message without asks (small talk,
// no words) gives one empty result, a decline.
func run(s Searcher, q string) ([]index.Result, error) {
	mr, ok := s.(MessageReader)
	if !ok {
		r, err := s.Search(q)
		return []index.Result{r}, err
	}
	rd, err := mr.Read(q, index.Context{})
	if err != nil {
		return nil, err
	}
	var rs []index.Result
	for _, a := range rd.Asks {
		if a.Searched() {
			rs = append(rs, a.Result)
		}
	}
	if len(rs) == 0 {
		rs = []index.Result{{Question: q, Kind: seeds.KindNone}}
	}
	return rs, nil
}

// pair is one ask's model probability and whether answering with its
// best-ranked measure would have been right, for the AUC.
type pair struct {
	p     float64
	right bool
}

// score judges the results of one question.
func score(g *seeds.Guide, q Question, rs []index.Result) (Outcome, []pair) {
	outs := make([]Outcome, len(rs))
	for i, r := range rs {
		outs[i] = outcome(g, q, r)
	}
	// The ask that answers the question best speaks for it: the one ranking
	// an expected measure highest, else the first.
	best := 0
	for i := range outs {
		if rank(q.Measures, outs[i]) > 0 && (rank(q.Measures, outs[best]) == 0 || rank(q.Measures, outs[i]) < rank(q.Measures, outs[best])) {
			best = i
		}
	}
	o := outs[best]
	o.Style = q.Style
	o.Probability = rs[0].Probability
	if len(rs) > 1 {
		for _, x := range outs {
			m := 0
			if len(x.Measures) > 0 {
				m = x.Measures[0]
			}
			o.Asks = append(o.Asks, fmt.Sprintf("%s %d", x.Kind, m))
		}
		var reply strings.Builder
		for _, x := range outs {
			reply.WriteString(x.Reply + "\n")
		}
		o.Reply = reply.String()
	}
	answered := func(x Outcome) bool { return x.Kind != string(seeds.KindNone) }
	switch q.Kind {
	case "measure":
		if len(q.Asks) > 1 {
			o.Correct = inOrder(q.Asks, outs)
		} else {
			o.Correct = answered(o) && rank(q.Measures, o) == 1
		}
	case "unit", "contact":
		o.Correct = answered(o) && allIn(q.Phones, o.Reply)
		if len(q.Asks) > 1 {
			o.Correct = o.Correct && inOrder(q.Asks, outs)
		}
	case "none":
		o.Correct = true
		for _, x := range outs {
			if answered(x) && x.Kind != string(seeds.KindSuggest) && !contains(q.AlsoOK, first(x)) {
				o.Correct = false
			}
		}
	}
	for _, x := range outs {
		confident := x.Kind == string(seeds.KindMeasure) || x.Kind == "contact" || x.Kind == string(seeds.KindUnit)
		if confident && !o.Correct && !contains(q.Measures, first(x)) {
			o.ConfidentWrong = true
		}
	}
	var ps []pair
	for i, r := range rs {
		if r.Features == nil {
			continue
		}
		want := q.Measures
		if len(q.Asks) > 1 {
			if i >= len(q.Asks) {
				continue
			}
			want = q.Asks[i]
		}
		if q.Kind == "none" {
			want = q.AlsoOK
		}
		ps = append(ps, pair{r.Probability, contains(want, first(outs[i]))})
	}
	return o, ps
}

// inOrder reports whether the asks are answered in order: each expected
// ask by a later answered ask than the one before, with its measure first.
// An expected ask with no measure ([]: the guide does not answer it, "另外
// 商标注册在哪办") is met by a later ask declined (none or a suggestion);
// before, no reply could meet it, and such a message was never right.
func inOrder(asks [][]int, outs []Outcome) bool {
	j := 0
	for _, x := range outs {
		if j >= len(asks) {
			break
		}
		declined := x.Kind == string(seeds.KindNone) || x.Kind == string(seeds.KindSuggest)
		if len(asks[j]) == 0 && declined || x.Kind != string(seeds.KindNone) && contains(asks[j], first(x)) {
			j++
		}
	}
	return j == len(asks)
}

func first(o Outcome) int {
	if len(o.Measures) == 0 {
		return 0
	}
	return o.Measures[0]
}

// rank is the 1-based place of the first expected measure in o, 0 if none.
func rank(want []int, o Outcome) int {
	for i, n := range o.Measures {
		if contains(want, n) {
			return i + 1
		}
	}
	return 0
}

// scores accumulates the figures of a set of questions.
type scores struct {
	sum                                                                 Summary
	rr, top1, top3, unitOK, contactOK, noneTP, nonePred, declined, sugg float64
	wrong, multiOK, ranked1                                             float64
	pairs                                                               []pair
	lat                                                                 []time.Duration
}

func (s *scores) add(q Question, o Outcome, ps []pair, d time.Duration) {
	s.sum.Questions++
	s.lat = append(s.lat, d)
	s.pairs = append(s.pairs, ps...)
	answered := o.Kind != string(seeds.KindNone)
	r := rank(q.Measures, o)
	switch q.Kind {
	case "measure":
		s.sum.MeasureN++
		if len(q.Asks) > 1 {
			s.sum.TwoAskN++
			s.multiOK += b2f(o.Correct)
			s.top1 += b2f(o.Correct)
			s.top3 += b2f(o.Correct)
			s.rr += b2f(o.Correct)
			s.ranked1 += b2f(o.Correct)
			break
		}
		if answered && r == 1 {
			s.top1++
		}
		if r == 1 {
			s.ranked1++
		}
		if answered && r >= 1 && r <= 3 {
			s.top3++
		}
		if answered && r > 0 {
			s.rr += 1 / float64(r)
		}
	case "unit":
		s.sum.UnitN++
		s.unitOK += b2f(o.Correct)
	case "contact":
		s.sum.ContactN++
		s.contactOK += b2f(o.Correct)
	case "none":
		s.sum.NoneN++
		if o.Correct {
			s.declined++
		}
	}
	if o.Kind == string(seeds.KindSuggest) {
		s.sugg++
	}
	if o.ConfidentWrong {
		s.wrong++
	}
	if !answered {
		s.nonePred++
		if q.Kind == "none" {
			s.noneTP++
		}
	}
}

func (s *scores) summary() Summary {
	sum := s.sum
	sum.Top1, sum.Top3, sum.MRR = ratio(s.top1, sum.MeasureN), ratio(s.top3, sum.MeasureN), ratio(s.rr, sum.MeasureN)
	sum.Ranked1 = ratio(s.ranked1, sum.MeasureN)
	sum.UnitAcc, sum.ContactAcc = ratio(s.unitOK, sum.UnitN), ratio(s.contactOK, sum.ContactN)
	sum.NonePrecision, sum.NoneRecall = ratio(s.noneTP, int(s.nonePred)), ratio(s.noneTP, sum.NoneN)
	sum.Declined, sum.Suggested = ratio(s.declined, sum.NoneN), ratio(s.sugg, sum.Questions)
	sum.ConfidentWrong, sum.TwoAsk = ratio(s.wrong, sum.Questions), ratio(s.multiOK, sum.TwoAskN)
	sum.AUC = auc(s.pairs)
	lat := slices.Clone(s.lat)
	slices.Sort(lat)
	if len(lat) > 0 {
		sum.P50Micros = float64(lat[len(lat)/2].Microseconds())
		sum.P99Micros = float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())
	}
	return sum
}

// auc is the probability that a right pair scores above a wrong one (ties
// half), 0 when either kind is missing.
func auc(ps []pair) float64 {
	sorted := slices.Clone(ps)
	slices.SortFunc(sorted, func(a, b pair) int { return cmp.Compare(a.p, b.p) })
	var pos, neg, sum float64
	for i := 0; i < len(sorted); {
		j := i
		var p, n float64
		for ; j < len(sorted) && sorted[j].p == sorted[i].p; j++ {
			if sorted[j].right {
				p++
			} else {
				n++
			}
		}
		// Each right pair here beats every wrong one below, ties half.
		sum += p * (neg + n/2)
		pos, neg = pos+p, neg+n
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0
	}
	return sum / (pos * neg)
}

// NearMissLead opens the reply to a near miss (index.Result.Missing): the
// guide lacks what was asked, the measure is only related.
const NearMissLead = "指南里没有关于"

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
		if r.Missing != "" {
			fmt.Fprintf(&reply, "%s“%s”的内容；相近的是：", NearMissLead, r.Missing)
		} else {
			reply.WriteString("指南里没有直接对应的内容，最接近的是：")
		}
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
	fmt.Fprintf(w, "  measure questions %3d: top-1 %.3f  top-3 %.3f  MRR %.3f  (ranked first %.3f)\n", s.MeasureN, s.Top1, s.Top3, s.MRR, s.Ranked1)
	if s.TwoAskN > 0 {
		fmt.Fprintf(w, "    of which %d with several asks: %.3f every ask answered in order\n", s.TwoAskN, s.TwoAsk)
	}
	fmt.Fprintf(w, "  unit questions    %3d: accuracy %.3f (every listed phone in the reply)\n", s.UnitN, s.UnitAcc)
	fmt.Fprintf(w, "  contact questions %3d: accuracy %.3f (every listed phone in the reply)\n", s.ContactN, s.ContactAcc)
	fmt.Fprintf(w, "  none questions    %3d: precision %.3f  recall %.3f  declined (none or suggest) %.3f\n", s.NoneN, s.NonePrecision, s.NoneRecall, s.Declined)
	fmt.Fprintf(w, "  suggest: %.3f of all questions; confident wrong: %.3f; AUC %.3f\n", s.Suggested, s.ConfidentWrong, s.AUC)
	fmt.Fprintf(w, "  latency per question: p50 %.0f µs  p99 %.0f µs\n", s.P50Micros, s.P99Micros)
}

// WriteStyles writes one line of figures per style family.
func (ev Evaluation) WriteStyles(w io.Writer) {
	if len(ev.ByStyle) == 0 {
		return
	}
	fmt.Fprintf(w, "by style:     n  top-1  ranked  multi  unit  contact  noneP  declined  suggest  conf.wrong  AUC\n")
	for _, f := range slices.Sorted(maps.Keys(ev.ByStyle)) {
		s := ev.ByStyle[f]
		fmt.Fprintf(w, "  %-9s %4d  %s  %s  %s  %s  %s  %s  %s    %.3f    %.3f      %s\n", f, s.Questions,
			fig(s.Top1, s.MeasureN), fig(s.Ranked1, s.MeasureN), fig(s.TwoAsk, s.TwoAskN), fig(s.UnitAcc, s.UnitN), fig(s.ContactAcc, s.ContactN),
			fig(s.NonePrecision, s.NoneN), fig(s.Declined, s.NoneN), s.Suggested, s.ConfidentWrong, fig(s.AUC, 1))
	}
}

// fig is a figure, or a dash when nothing was measured.
func fig(x float64, n int) string {
	if n == 0 {
		return "  –  "
	}
	return fmt.Sprintf("%.3f", x)
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

// GuideSet is one guide of a leave-one-guide-out evaluation: its index
// and the questions written for it.
type GuideSet struct {
	Name      string
	Index     *index.Index
	Questions []Question
}

// LeaveOneGuideOut measures what a guide gets on day one: each set's
// questions are answered by its own index deciding with a model trained on
// the banks of every other set and of the base indexes (the embedded
// guide), never on its own. A set whose index holds examples written for
// its guide is an error: the figure would not be the first day's. It
// returns one evaluation per set, in order.
func LeaveOneGuideOut(base []*index.Index, sets []GuideSet) ([]Evaluation, error) {
	for _, s := range sets {
		if s.Index.HasWrittenExamples() {
			return nil, fmt.Errorf("leave out %s: its index has examples written for it (a lexicon directory with guides/<key>/examples.txt?); a guide on its first day has none", s.Name)
		}
	}
	var out []Evaluation
	for i, s := range sets {
		m, err := modelWithout(base, sets, i)
		if err != nil {
			return nil, fmt.Errorf("leave out %s: %w", s.Name, err)
		}
		ev, err := Evaluate(s.Index.WithModel(m), s.Index.Guide(), s.Questions)
		if err != nil {
			return nil, fmt.Errorf("leave out %s: %w", s.Name, err)
		}
		out = append(out, ev)
	}
	return out, nil
}

// modelWithout is the model set i is answered with: trained on the base
// indexes and every other set's.
func modelWithout(base []*index.Index, sets []GuideSet, i int) (*index.Model, error) {
	train := slices.Clone(base)
	for j, o := range sets {
		if j != i {
			train = append(train, o.Index)
		}
	}
	return index.TrainModel(train...)
}
