package generate

import (
	"slices"
	"strings"
	"unicode/utf8"

	"policybot/seeds"
)

// Option configures Questions.
type Option func(*config)

type config struct {
	max, phrases int
	shapes       []Shape
	actions      []string
	owners       []string
	situations   []string
}

// WithMax sets the most questions written per measure (default 16).
func WithMax(n int) Option { return func(c *config) { c.max = n } }

// WithPhrases sets how many key phrases of a measure are used first
// (default 3); three more are used where those give too few questions.
func WithPhrases(n int) Option { return func(c *config) { c.phrases = n } }

// WithShapes replaces DefaultShapes.
func WithShapes(s []Shape) Option { return func(c *config) { c.shapes = s } }

// WithActions replaces DefaultActions.
func WithActions(a []string) Option { return func(c *config) { c.actions = a } }

// WithOwners replaces DefaultOwners.
func WithOwners(o []string) Option { return func(c *config) { c.owners = o } }

// WithSituations replaces DefaultSituations.
func WithSituations(s []string) Option { return func(c *config) { c.situations = s } }

// Questions returns example questions for every measure of g with text,
// keyed by measure number: shapes filled with the measure's key phrases
// (or the lexicon's everyday words for them) and its relief action. Every
// question names a key phrase of its measure or an everyday word for one;
// a question that two measures would share is given to neither. A measure
// whose seed lost its text is asked about in the words of its follow-up
// sentences (answerable from them alone: issue 20); one without either
// gets none. The result depends only on the arguments.
func Questions(t Tagger, g *seeds.Guide, lex Lexicon, opts ...Option) map[int][]string {
	cfg := config{max: 16, phrases: 3, shapes: DefaultShapes, actions: DefaultActions, owners: DefaultOwners, situations: DefaultSituations}
	for _, o := range opts {
		o(&cfg)
	}
	keys := KeyPhrases(t, g, lex, cfg.phrases+reserve)
	everyday := invert(lex.Synonyms)
	out := map[int][]string{}
	owners := 0 // rotates DefaultOwners through the guide, in measure order
	for _, m := range g.Measures {
		ps := keys[m.Number]
		if len(ps) == 0 {
			continue
		}
		text := m.Text
		if !m.HasText() {
			text = strings.Join(m.Details, "")
		}
		w := writer{cfg: cfg, text: text, acts: actions(text, cfg.actions, everyday), owner: owners}
		ts := topics(ps)
		w.topics = ts[:min(cfg.phrases, len(ts))]
		qs := w.write()
		if len(ts) > cfg.phrases {
			// The reserve phrases come after: they count only where the
			// first ones gave too few questions of this measure alone.
			w.topics = ts[cfg.phrases:]
			qs = appendNew(qs, w.write()...)
		}
		out[m.Number] = qs
		owners = w.owner
	}
	// Drop what two measures share first, then keep the first cfg.max:
	// measures with overlapping phrases still get their share.
	dropShared(out)
	for n, list := range out {
		out[n] = list[:min(len(list), cfg.max)]
	}
	return out
}

// topics lists the ways to name a measure's key phrases, best first: per
// phrase its shortest everyday word (of two characters or more; 停 or 补
// alone name nothing), then the phrase, then a second everyday word.
func topics(ps []Phrase) [][]string {
	out := make([][]string, 0, len(ps))
	for _, p := range ps {
		ev := slices.DeleteFunc(slices.Clone(p.Everyday), func(e string) bool { return utf8.RuneCountInString(e) < 2 })
		slices.SortStableFunc(ev, func(a, b string) int { return utf8.RuneCountInString(a) - utf8.RuneCountInString(b) })
		names := []string{}
		if len(ev) > 0 {
			names = append(names, ev[0])
		}
		names = append(names, p.Text)
		if len(ev) > 1 {
			names = append(names, ev[1])
		}
		out = append(out, names)
	}
	return out
}

// actions returns the relief actions text offers, in text order, each as
// written and with up to two everyday verbs of two characters (缓缴 →
// 缓交, 晚交; longer ones are phrases with their own object: 少交房租).
func actions(text string, acts []string, everyday map[string][]string) [][]string {
	type found struct {
		at  int
		act string
	}
	var fs []found
	for _, a := range acts {
		if i := strings.Index(text, a); i >= 0 {
			fs = append(fs, found{i, a})
		}
	}
	slices.SortStableFunc(fs, func(x, y found) int { return x.at - y.at })
	var out [][]string
	for _, f := range fs {
		names := []string{f.act}
		for _, e := range everyday[f.act] {
			if utf8.RuneCountInString(e) == 2 && len(names) < 3 {
				names = append(names, e)
			}
		}
		out = append(out, names)
	}
	return out
}

// writer fills the shapes for one measure.
type writer struct {
	cfg    config
	text   string
	topics [][]string
	acts   [][]string
	owner  int
}

// reserve is how many more key phrases than WithPhrases are kept for
// measures whose questions other measures share.
const reserve = 3

// rounds is how many times write goes through the shapes, naming the
// topics another way each time.
const rounds = 3

// write goes through the shapes in rounds and returns every distinct
// question, in order; Questions keeps the first cfg.max.
func (w *writer) write() []string {
	var qs []string
	seen := map[string]bool{}
	for round := range rounds {
		for i, s := range w.cfg.shapes {
			if len(s.When) > 0 && !slices.ContainsFunc(s.When, func(x string) bool { return strings.Contains(w.text, x) }) {
				continue
			}
			q, ok := w.fill(s.Text, i, round)
			if ok && !seen[q] {
				seen[q] = true
				qs = append(qs, q)
			}
		}
	}
	return qs
}

// fill writes shape text number i in round r.
func (w *writer) fill(text string, i, r int) (string, bool) {
	topic := w.topics[(i+r)%len(w.topics)]
	t := topic[r%len(topic)]
	q := strings.ReplaceAll(text, "{t}", t)
	if strings.Contains(q, "{a}") {
		if len(w.acts) == 0 {
			return "", false
		}
		act := w.acts[(i+r)%len(w.acts)]
		if overlap(topic, act) {
			return "", false // 延期还本付息 + 延期; 免租 (减免) + 减免
		}
		q = strings.ReplaceAll(q, "{a}", act[(i/2+r)%len(act)])
	}
	if strings.Contains(q, "{sit}") {
		if len(w.cfg.situations) == 0 {
			return "", false
		}
		q = strings.ReplaceAll(q, "{sit}", w.cfg.situations[w.owner%len(w.cfg.situations)])
	}
	if strings.Contains(q, "{who}") {
		if len(w.cfg.owners) == 0 {
			return "", false
		}
		q = strings.ReplaceAll(q, "{who}", w.cfg.owners[w.owner%len(w.cfg.owners)])
	}
	if strings.Contains(text, "{who}") || strings.Contains(text, "{sit}") {
		w.owner++
	}
	return q, true
}

func appendNew(qs []string, more ...string) []string {
	for _, q := range more {
		if !slices.Contains(qs, q) {
			qs = append(qs, q)
		}
	}
	return qs
}

// overlap reports whether a name of the topic holds or is held by a name
// of the action: the action would repeat the topic.
func overlap(topic, act []string) bool {
	for _, t := range topic {
		for _, a := range act {
			if strings.Contains(t, a) || strings.Contains(a, t) {
				return true
			}
		}
	}
	return false
}

// dropShared removes every question written for more than one measure.
func dropShared(qs map[int][]string) {
	count := map[string]int{}
	for _, list := range qs {
		for _, q := range list {
			count[q]++
		}
	}
	for n, list := range qs {
		qs[n] = slices.DeleteFunc(list, func(q string) bool { return count[q] > 1 })
	}
}
