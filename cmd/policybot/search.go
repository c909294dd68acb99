package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"policybot/index"
	"policybot/seeds"
)

// indexFlags are the flags of every command that opens the index.
type indexFlags struct {
	seeds, dataDir, dictDir *string
}

func addIndexFlags(fs *flagSet) indexFlags {
	return indexFlags{
		seeds:   seedsFlag(fs),
		dataDir: fs.string("data-dir", "./data", "directory for the index, chat state and unpacked dictionaries; operator lexicon files (synonyms.txt …) are read from here too"),
		dictDir: fs.string("dict-dir", "", "load jieba's dictionaries from this directory instead of the copy embedded in the binary"),
	}
}

func (f indexFlags) open(extra ...index.Option) (*index.Index, error) {
	g, err := seeds.Load(*f.seeds)
	if err != nil {
		return nil, err
	}
	opts := append([]index.Option{index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir)}, extra...)
	return index.Open(g, opts...)
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
	ix, err := f.open(index.WithRebuild())
	if err != nil {
		return err
	}
	defer ix.Close()
	fmt.Fprintf(env.stdout, "index rebuilt: %s (%d measures, %d units)\n", ix.Path(), len(ix.Guide().Measures), len(ix.Units()))
	return nil
}

const askUsage = `usage: policybot ask [--json] QUESTION

Search the guide for one question and print the decision (measure, unit,
choice or none), the ranked measures with their scores and the contacts.

Examples:
  policybot ask 社保能缓交吗
  policybot ask --json 人社局电话`

func runAsk(env *environment, args []string) error {
	fs := newFlagSet("ask", askUsage, env.stderr)
	fs.acceptArgs()
	f := addIndexFlags(fs)
	asJSON := fs.bool("json", false, "print the result as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	question := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(question) == "" {
		return usageError("ask needs a question, e.g. policybot ask 社保能缓交吗")
	}
	ix, err := f.open()
	if err != nil {
		return err
	}
	defer ix.Close()
	r := ix.Search(question)
	if *asJSON {
		return writeJSON(env, askJSON(ix, r))
	}
	writeAsk(env, ix, r)
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

func askJSON(ix *index.Index, r index.Result) any {
	out := struct {
		Question string    `json:"question"`
		Kind     string    `json:"kind"`
		Contact  bool      `json:"contact"`
		Terms    []string  `json:"terms"`
		Measures []askHit  `json:"measures"`
		Unit     *string   `json:"unit"`
		Contacts []contact `json:"contacts"`
	}{Question: r.Question, Kind: string(r.Kind), Contact: r.Contact, Terms: orEmpty(r.Terms), Measures: []askHit{}, Contacts: []contact{}}
	for _, h := range r.Measures {
		m := ix.Guide().Measure(h.Number)
		out.Measures = append(out.Measures, askHit{h.Number, h.Score, h.Coverage, m.Text, contacts(m.Contacts)})
	}
	switch {
	case r.Unit != nil && r.Kind == index.KindUnit:
		out.Unit = &r.Unit.Name
		out.Contacts = contacts(r.Unit.Contacts)
	case r.Kind != index.KindNone && len(r.Measures) > 0:
		out.Contacts = out.Measures[0].Contacts
	}
	return out
}

func contacts(cs []seeds.Contact) []contact {
	out := []contact{}
	for _, c := range cs {
		out = append(out, contact{c.Unit, c.Department, orEmpty(c.People), orEmpty(c.Phones)})
	}
	return out
}

func writeAsk(env *environment, ix *index.Index, r index.Result) {
	w := env.stdout
	fmt.Fprintf(w, "question: %s\ndecision: %s", r.Question, r.Kind)
	if r.Contact {
		fmt.Fprint(w, " (asks for a contact)")
	}
	fmt.Fprintf(w, "\nterms:    %s\n", strings.Join(r.Terms, " "))
	if r.Kind == index.KindUnit {
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
		fmt.Fprintf(w, "%d. measure %d  score %.3f  coverage %.2f\n   %s\n", i+1, h.Number, h.Score, h.Coverage, clipRunes(m.Text, 60))
		for _, c := range m.Contacts {
			fmt.Fprintf(w, "   contact: %s\n", c.String())
		}
		if !m.HasContact() {
			fmt.Fprintln(w, "   contact: (missing from the guide)")
		}
	}
}

const evalUsage = `usage: policybot eval --questions FILE [--json] [--baseline]

Run a question set (one JSON object per line, format in ../shared/qa/README.md)
and print top-1, top-3 and MRR on measure questions, accuracy on unit and
contact questions (every listed phone in the reply), precision and recall of
"none", and query latency. --baseline also runs bleve's built-in CJK bigram
analyzer on the same documents, side by side.

Example:
  policybot eval --questions ../shared/qa/dev.jsonl --baseline`

func runEval(env *environment, args []string) error {
	fs := newFlagSet("eval", evalUsage, env.stderr)
	f := addIndexFlags(fs)
	file := fs.string("questions", "", "question file (JSON lines)")
	asJSON := fs.bool("json", false, "print one JSON document")
	baseline := fs.bool("baseline", false, "also evaluate bleve's CJK bigram analyzer on the same documents")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *file == "" {
		return usageError("eval needs --questions FILE")
	}
	fh, err := os.Open(*file)
	if err != nil {
		return err
	}
	qs, err := index.ReadQuestions(fh)
	fh.Close()
	if err != nil {
		return err
	}
	ix, err := f.open()
	if err != nil {
		return err
	}
	defer ix.Close()
	ev := index.Evaluate(ix, ix, qs)
	var base *index.Evaluation
	if *baseline {
		b, err := index.NewBaseline(ix)
		if err != nil {
			return err
		}
		defer b.Close()
		e := index.Evaluate(b, ix, qs)
		base = &e
	}
	if *asJSON {
		out := map[string]any{"results": ev.Results, "summary": ev.Summary}
		if base != nil {
			out["baseline"] = map[string]any{"results": base.Results, "summary": base.Summary}
		}
		return writeJSON(env, out)
	}
	ev.Summary.WriteText(env.stdout, "policybot (jieba + lexicon + decision):")
	if base != nil {
		base.Summary.WriteText(env.stdout, "baseline (bleve CJK bigrams, untuned):")
	}
	var wrong []string
	for i, o := range ev.Results {
		if !o.Correct {
			wrong = append(wrong, fmt.Sprintf("  %-8s %-8s got %-7s %v  %s", o.ID, qs[i].Kind, o.Kind, o.Measures, clipRunes(qs[i].Q, 30)))
		}
	}
	if len(wrong) > 0 {
		fmt.Fprintf(env.stdout, "wrong (%d):\n%s\n", len(wrong), strings.Join(wrong, "\n"))
	}
	return nil
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

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
