package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"policybot/index"
	"policybot/index/eval"
	"policybot/seeds"
)

// indexFlags are the flags of every command that opens the index.
type indexFlags struct {
	seeds, dataDir, dictDir *string
	guide                   *string // with several guides: the one a command reads
}

func addIndexFlags(fs *flagSet) indexFlags {
	return indexFlags{
		seeds:   seedsFlag(fs),
		dataDir: fs.string("data-dir", "./data", "directory for the index, chat state and unpacked dictionaries; operator lexicon files (synonyms.txt …) are read from here too"),
		dictDir: fs.string("dict-dir", "", "load jieba's dictionaries from this directory instead of the copy embedded in the binary"),
	}
}

// open opens the index; done closes it. While another process (a running
// bot) holds the data directory's index, a private copy is built in a
// temporary directory instead, with a note on stderr, and done removes it.
func (f indexFlags) open(env *environment, extra ...index.Option) (ix *index.Index, done func(), err error) {
	gs, err := seeds.LoadGuides(*f.seeds)
	if err != nil {
		return nil, nil, err
	}
	opts := append([]index.Option{index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir)}, extra...)
	ix, err = f.openOne(gs, opts)
	if errors.Is(err, index.ErrLocked) {
		tmp, terr := os.MkdirTemp("", "policybot-index-")
		if terr != nil {
			return nil, nil, fmt.Errorf("%w; and no temporary directory: %v", err, terr)
		}
		fmt.Fprintf(env.stderr, "note: the index in %s is in use by another process (a running bot?); building a temporary one in %s\n", *f.dataDir, tmp)
		ix, err = f.openOne(gs, append(opts, index.WithIndexDir(tmp)))
		if err != nil {
			os.RemoveAll(tmp)
			return nil, nil, err
		}
		return ix, func() { ix.Close(); os.RemoveAll(tmp) }, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return ix, func() { ix.Close() }, nil
}

// addGuideFlag adds --guide, for the commands that read one guide of
// several.
func (f *indexFlags) addGuideFlag(fs *flagSet) {
	f.guide = fs.string("guide", "", "with several guides (--seeds): the id of the one to read, indexed as when all are served (default: the first)")
}

// guideID is --guide, or "" for the first guide.
func (f indexFlags) guideID() string {
	if f.guide == nil {
		return ""
	}
	return *f.guide
}

// openOne opens the index of one guide of gs (--guide, default the
// first): with several, as a bot serving them all does (index.OpenSet),
// the others closed again.
func (f indexFlags) openOne(gs []*seeds.Guide, opts []index.Option) (*index.Index, error) {
	if len(gs) == 1 {
		if f.guideID() != "" && f.guideID() != index.GuideID(gs[0]) {
			return nil, usageError("--guide %s: the seeds hold %s only", f.guideID(), index.GuideID(gs[0]))
		}
		return index.Open(gs[0], opts...)
	}
	plans, err := index.PlanSet(gs, opts...)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, p := range plans {
		ids = append(ids, p.ID)
		if f.guideID() == p.ID || f.guideID() == "" {
			return index.Open(p.Guide, p.Options...)
		}
	}
	return nil, usageError("--guide %s: the seeds hold %s", f.guideID(), strings.Join(ids, ", "))
}

const indexUsage = `usage: policybot index [--seeds PATH] [--data-dir DIR]

Rebuild the search index now. The index is otherwise built on first use and
rebuilt automatically when the seeds or the lexicon files change.

Example:
  policybot index --data-dir /var/lib/policybot`

func runIndex(env *environment, args []string) error {
	fs := newFlagSet("index", indexUsage, env.stderr)
	f := addIndexFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	gs, err := seeds.LoadGuides(*f.seeds)
	if err != nil {
		return err
	}
	ixs, err := index.OpenSet(gs, index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir), index.WithRebuild())
	if errors.Is(err, index.ErrLocked) {
		return fmt.Errorf("%w: stop the bot first (it rebuilds its index itself when the seeds or the lexicon change)", err)
	}
	if err != nil {
		return err
	}
	for _, ix := range ixs {
		defer ix.Close()
		fmt.Fprintf(env.stdout, "index rebuilt: %s (%d measures, %d units)\n", ix.Path(), len(ix.Guide().Measures), len(ix.Units()))
	}
	return nil
}

const askUsage = `usage: policybot ask [--json] QUESTION

Read one message as the bot does, outside a conversation: the typos it
corrected, the asks it found (the situation around them), and for each
ask the decision (measure, unit, choice, suggest or none), the decision
model's probability with each feature's value and contribution, the ranked
measures with their scores and the contacts. Flags may come before or
after the question; everything after -- is the question.

Examples:
  policybot ask 社保能缓交吗
  policybot ask --json 人社局电话
  policybot ask 我是开饭店的，门面是国企的房子，房租能减吗？另外社保能缓交吗
  policybot ask 房租能减免吗 --data-dir /var/lib/policybot`

func runAsk(env *environment, args []string) error {
	fs := newFlagSet("ask", askUsage, env.stderr)
	fs.acceptArgs()
	f := addIndexFlags(fs)
	f.addGuideFlag(fs)
	asJSON := fs.bool("json", false, "print the result as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	question := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(question) == "" {
		return usageError("ask needs a question, e.g. policybot ask 社保能缓交吗")
	}
	ix, done, err := f.open(env)
	if err != nil {
		return err
	}
	defer done()
	rd, err := ix.Read(question, index.Context{})
	if err != nil {
		return err
	}
	var rs []index.Result
	var own []string // each ask's own clauses
	for _, a := range rd.Asks {
		rs = append(rs, a.Result)
		own = append(own, a.Clauses)
	}
	if len(rs) == 0 {
		// Small talk or no words: what the search alone makes of it.
		r, err := ix.Search(question)
		if err != nil {
			return err
		}
		rs, own = append(rs, r), append(own, "")
	}
	if *asJSON {
		asks := []any{}
		for i, r := range rs {
			asks = append(asks, askJSON(ix, r, own[i]))
		}
		// The first ask's fields at the top level, as before several asks
		// were read; every ask under "asks".
		out := map[string]any{}
		b, _ := json.Marshal(askJSON(ix, rs[0], own[0]))
		json.Unmarshal(b, &out)
		out["message"] = rd.Text
		out["fixes"] = seeds.OrEmpty(rd.Fixes)
		if rd.English != "" {
			out["english"] = rd.English
		}
		out["asks"] = asks
		out["left"] = seeds.OrEmpty(rd.Left)
		return writeJSON(env, out)
	}
	if rd.English != "" {
		fmt.Fprintf(env.stdout, "english:  %s\n", rd.English)
	}
	for _, fx := range rd.Fixes {
		fmt.Fprintf(env.stdout, "typo:     %s → %s\n", fx.From, fx.To)
	}
	for i, r := range rs {
		if len(rs) > 1 {
			fmt.Fprintf(env.stdout, "── ask %d of %d\n", i+1, len(rs))
		}
		writeAsk(env, ix, r, own[i])
	}
	if rd.Unanswered > 0 {
		fmt.Fprintf(env.stdout, "── %d more asks not answered: %s\n", rd.Unanswered, strings.Join(rd.Left, " | "))
	}
	return nil
}

type askHit struct {
	Number   int       `json:"number"`
	Score    float64   `json:"score"`
	Coverage float64   `json:"coverage"`
	Text     string    `json:"text"`
	Contacts []contact `json:"contacts"`
}

type contact struct {
	Unit       string   `json:"unit"`
	Department string   `json:"department"`
	People     []string `json:"people"`
	Phones     []string `json:"phones"`
}

// askJSON is one ask's reading; clauses are its own clauses (without the
// situation), "" when the clause reader found none.
func askJSON(ix *index.Index, r index.Result, clauses string) any {
	out := struct {
		Question    string          `json:"question"`
		Ask         string          `json:"ask,omitempty"`
		Situation   string          `json:"situation,omitempty"`
		Kind        string          `json:"kind"`
		Contact     bool            `json:"contact"`
		Asked       int             `json:"asked,omitempty"`
		NotChinese  bool            `json:"not_chinese,omitempty"`
		Human       bool            `json:"human,omitempty"`
		OtherPlace  bool            `json:"other_place,omitempty"`
		Probability float64         `json:"probability"`
		Features    []index.Feature `json:"features"`
		Terms       []string        `json:"terms"`
		Measures    []askHit        `json:"measures"`
		Unit        *string         `json:"unit"`
		Contacts    []contact       `json:"contacts"`
	}{Question: r.Question, Ask: clauses, Situation: r.Situation, Kind: string(r.Kind), Contact: r.Contact, Asked: r.Asked, NotChinese: r.NotChinese, Human: r.Human, OtherPlace: r.OtherPlace,
		Probability: r.Probability, Features: seeds.OrEmpty(r.Features), Terms: seeds.OrEmpty(r.Terms), Measures: []askHit{}, Contacts: []contact{}}
	for _, h := range r.Measures {
		m := ix.Guide().Measure(h.Number)
		out.Measures = append(out.Measures, askHit{h.Number, h.Score, h.Coverage, m.Text, contacts(m.Contacts)})
	}
	switch {
	case r.Unit != nil && r.Kind == seeds.KindUnit:
		out.Unit = &r.Unit.Name
		out.Contacts = contacts(r.Unit.Contacts)
	case (r.Kind == seeds.KindMeasure || r.Kind == seeds.KindChoice) && len(r.Measures) > 0:
		out.Contacts = out.Measures[0].Contacts
	}
	return out
}

func contacts(cs []seeds.Contact) []contact {
	out := []contact{}
	for _, c := range cs {
		out = append(out, contact{c.Unit, c.Department, seeds.OrEmpty(c.People), seeds.OrEmpty(c.Phones)})
	}
	return out
}

func writeAsk(env *environment, ix *index.Index, r index.Result, clauses string) {
	w := env.stdout
	fmt.Fprintf(w, "question: %s\n", r.Question)
	if clauses != "" && clauses != r.Question {
		fmt.Fprintf(w, "ask:      %s\n", clauses)
	}
	if r.Situation != "" {
		fmt.Fprintf(w, "situation: %s\n", r.Situation)
	}
	fmt.Fprintf(w, "decision: %s", r.Kind)
	if r.Contact {
		fmt.Fprint(w, " (asks for a contact)")
	}
	switch {
	case r.Human:
		fmt.Fprint(w, " (asks for a person)")
	case r.NotChinese:
		fmt.Fprint(w, " (no Chinese in the question)")
	case r.Asked > 0:
		fmt.Fprintf(w, " (names measure %d)", r.Asked)
	case r.OtherPlace:
		fmt.Fprint(w, " (names a place other than the guide's)")
	}
	fmt.Fprintf(w, "\nterms:    %s\n", strings.Join(r.Terms, " "))
	if len(r.Features) > 0 {
		fmt.Fprintf(w, "probability %.3f (answer / suggest / none by the decision model):\n", r.Probability)
		for _, f := range r.Features {
			fmt.Fprintf(w, "  %-17s %8.3f  %+7.3f\n", f.Name, f.Value, f.Contribution)
		}
	}
	if r.Kind == seeds.KindUnit {
		fmt.Fprintf(w, "unit:     %s\n", r.Unit.Name)
		for _, c := range r.Unit.Contacts {
			fmt.Fprintf(w, "          %s\n", c.String())
		}
		if len(r.Unit.Contacts) == 0 {
			fmt.Fprintln(w, "          (the guide lists no contact for this unit)")
		}
	}
	for i, h := range r.Measures {
		m := ix.Guide().Measure(h.Number)
		fmt.Fprintf(w, "%d. measure %d  score %.3f  coverage %.2f\n   %s\n", i+1, h.Number, h.Score, h.Coverage, seeds.Clip(m.Text, 60))
		for _, c := range m.Contacts {
			fmt.Fprintf(w, "   contact: %s\n", c.String())
		}
		if !m.HasContact() {
			fmt.Fprintln(w, "   contact: (missing from the guide)")
		}
	}
}

const evalUsage = `usage: policybot eval --questions FILE[,FILE…] [--json] [--baseline]
       policybot eval --cv K [--json]
       policybot eval --guides DIR --questions QDIR [--exclude ID,…] [--json]

Run a question set (one JSON object per line: {"id", "q", "kind":
measure|unit|contact|none, "measures", "unit", "phones"}, as in
index/testdata/*.jsonl) and print top-1, top-3 and MRR on measure questions,
accuracy on unit and contact questions (every listed phone in the reply),
precision and recall of "none", the share of out-of-scope questions declined
(none or suggest), the share of suggestions, and query latency. --baseline
also runs bleve's built-in CJK bigram analyzer on the same documents.

--cv K cross-validates on the example bank (the guide's own examples.txt,
built in under index/data/guides/<key>/ plus the data directory's
guides/<key>/examples.txt, and the out-of-scope questions of
outofscope.txt): it is split into K folds, and each fold's questions are
answered by a model trained on the other folds, with their own fold left
out of the index's example fields. It prints the same figures.

Questions with a "style" (short, story, faq, typo, name, oos-story, …) are
also scored per style family (oos-story with story); "asks" lists the
measures of each ask of a message with several (right only when all are
answered, in order); "also_ok" the measures an out-of-scope question may be
answered with. Besides the figures above it prints the share of confident
wrong answers (a measure or unit, wrong) and the AUC of the decision model.

--guides DIR measures what a district gets on day one: each subdirectory
of DIR holds a guide (scrambled-1.txt, else guide.txt), QDIR/<id>.jsonl
its questions; each guide is answered by a model trained on the embedded
guide and the other guides of DIR, never on itself, and with the built-in
lexicon only (operator additions in the data directory are not read for
it). Every guide of DIR not excluded is trained on for the others: leave a
guide that must stay unseen out with --exclude.

Examples:
  policybot eval --questions index/testdata/dev.jsonl --baseline
  policybot eval --cv 5
  policybot eval --guides seeds/testdata/guides --questions index/testdata/guides`

func runEval(env *environment, args []string) error {
	fs := newFlagSet("eval", evalUsage, env.stderr)
	f := addIndexFlags(fs)
	f.addGuideFlag(fs)
	file := fs.string("questions", "", "question file (JSON lines)")
	asJSON := fs.bool("json", false, "print one JSON document")
	baseline := fs.bool("baseline", false, "also evaluate bleve's CJK bigram analyzer on the same documents")
	cv := fs.int("cv", 0, "cross-validate on the example bank with this many folds (2-16)")
	guides := fs.string("guides", "", "leave-one-guide-out over the guides in this directory (with --questions DIR)")
	exclude := fs.string("exclude", "", "with --guides: guide directories to leave out, comma-separated")
	seedName := fs.string("seed-file", "", "with --guides: the seed file of each guide directory (default scrambled-1.txt, else guide.txt)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *guides != "" {
		if *cv != 0 || *baseline {
			return usageError("eval --guides takes neither --cv nor --baseline")
		}
		return runGuides(env, f, *guides, *file, *exclude, *seedName, *asJSON)
	}
	if *cv != 0 {
		if *file != "" || *baseline {
			return usageError("eval --cv takes neither --questions nor --baseline")
		}
		return runCrossValidation(env, f, *cv, *asJSON)
	}
	if *file == "" {
		return usageError("eval needs --questions FILE or --cv K")
	}
	qs, err := readQuestionFiles(*file)
	if err != nil {
		return err
	}
	ix, done, err := f.open(env)
	if err != nil {
		return err
	}
	defer done()
	ev, err := eval.Evaluate(ix, ix.Guide(), qs)
	if err != nil {
		return err
	}
	var base *eval.Evaluation
	if *baseline {
		b, err := eval.NewBaseline(ix)
		if err != nil {
			return err
		}
		defer b.Close()
		e, err := eval.Evaluate(b, ix.Guide(), qs)
		if err != nil {
			return err
		}
		base = &e
	}
	if *asJSON {
		out := map[string]any{"results": ev.Results, "summary": ev.Summary, "by_style": ev.ByStyle}
		if base != nil {
			out["baseline"] = map[string]any{"results": base.Results, "summary": base.Summary}
		}
		return writeJSON(env, out)
	}
	ev.Summary.WriteText(env.stdout, "policybot (jieba + lexicon + decision):")
	ev.WriteStyles(env.stdout)
	if base != nil {
		base.Summary.WriteText(env.stdout, "baseline (bleve CJK bigrams, untuned):")
	}
	writeWrong(env, ev, qs)
	return nil
}

// readQuestionFiles reads one question file, or several separated by
// commas, in order.
func readQuestionFiles(list string) ([]eval.Question, error) {
	var qs []eval.Question
	for _, name := range strings.Split(list, ",") {
		fh, err := os.Open(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		more, err := eval.ReadQuestions(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		qs = append(qs, more...)
	}
	return qs, nil
}

// runCrossValidation prints the figures of a k-fold cross-validation over
// the example bank. The index's folds are its tuning's: another k needs an
// index of its own, built in a temporary directory.
func runCrossValidation(env *environment, f indexFlags, k int, asJSON bool) error {
	if k < 2 || k > 16 {
		return usageError("--cv wants 2 to 16 folds, not %d", k)
	}
	var extra []index.Option
	if k != index.DefaultTuning().Folds {
		tmp, err := os.MkdirTemp("", "policybot-cv-")
		if err != nil {
			return fmt.Errorf("cross-validate: %w", err)
		}
		defer os.RemoveAll(tmp)
		t := index.DefaultTuning()
		t.Folds = k
		extra = append(extra, index.WithTuning(t), index.WithIndexDir(tmp))
	}
	ix, done, err := f.open(env, extra...)
	if err != nil {
		return err
	}
	defer done()
	ev, qs, err := eval.CrossValidate(ix)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env, map[string]any{"folds": k, "results": ev.Results, "summary": ev.Summary})
	}
	ev.Summary.WriteText(env.stdout, fmt.Sprintf("policybot, %d-fold cross-validation on the example bank:", k))
	writeWrong(env, ev, qs)
	return nil
}

// writeWrong lists the questions an evaluation got wrong.
func writeWrong(env *environment, ev eval.Evaluation, qs []eval.Question) {
	var wrong []string
	for i, o := range ev.Results {
		if !o.Correct {
			wrong = append(wrong, fmt.Sprintf("  %-8s %-8s got %-7s %v  %s", o.ID, qs[i].Kind, o.Kind, o.Measures, seeds.Clip(qs[i].Q, 30)))
		}
	}
	if len(wrong) > 0 {
		fmt.Fprintf(env.stdout, "wrong (%d):\n%s\n", len(wrong), strings.Join(wrong, "\n"))
	}
}

func writeJSON(env *environment, v any) error {
	enc := json.NewEncoder(env.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}
