package clause

import (
	"slices"
	"strings"
)

// Clause is a piece of the message between punctuation, as written.
type Clause struct {
	Text       string // trimmed, without its punctuation or a leading list number
	Start, End int    // byte offsets of Text in the message
	numbered   bool   // a list number opened it (1. 二、 （3）)
	// Item is the list item the clause falls in when the message numbers
	// two or more and asks in two of them or more (1 from the first list
	// number up to the second, and so on; 0 before the first), else 0:
	// "1.社保能缓交吗 2.驿站房子是街道提供的，房租能减吗" tells the house in
	// item 2, for item 2's ask alone.
	Item int
}

// Ask is one request of the message.
type Ask struct {
	// Text is the ask as written: one clause, or the span from its first
	// to its last clause when contact cues or a follow-up joined it
	// ("房租能减吗，找谁办").
	Text       string
	Start, End int // byte offsets of Text in the message
	Clauses    []Clause
	// Contact is set when the ask asks whom to contact (找谁办, 电话多少).
	Contact bool
	// Context holds, for an ask without a subject of its own (能减吗), the
	// nearest situation clauses (at most MaxContext, in message order) that
	// give it one; nil otherwise.
	Context []Clause
	// Implied is set when the message asks nothing (a keyword search, a
	// story that stops): its last statement stands for what the owner
	// wants to know.
	Implied bool
	// Opened is set when a connective or a lead-in opens the ask (另外,
	// 还想问, 请问): the owner turns to something new.
	Opened bool
	// Turned is set when the connective that opens the ask adds it to
	// something asked before (还有, 另外; see turning): it is no question
	// about a need told right before it.
	Turned bool
	// Need is set when the ask is a need stated, not asked ("社保实在交不
	// 上了", "想申请缓缴"): one of Message.Needs, or one kept by
	// Reader.SplitKeeping.
	Need bool
}

// Query returns the ask's text preceded by its context, space-separated:
// what to search for.
func (a Ask) Query() string {
	if len(a.Context) == 0 {
		return a.Text
	}
	parts := make([]string, 0, len(a.Context)+1)
	for _, c := range a.Context {
		parts = append(parts, c.Text)
	}
	return strings.Join(append(parts, a.Text), " ")
}

// Message is a message read as situation and asks.
type Message struct {
	// Situation are the statements (who is asking, what happened), in
	// order, at most MaxSituation of them (the first ones).
	Situation []Clause
	// Asks are the requests in the order asked, at most MaxAsks.
	Asks []Ask
	// More counts the asks beyond MaxAsks that were dropped.
	More int
	// Needs are the needs the message states among its situation without
	// asking ("…社保实在交不上了想缓一缓，还有电费…会不会断电"), each read
	// as the ask it would be, with its context: a clause with a trouble
	// word (交不上, 还不上, 欠着) or a wish word and a relief verb (想缓一缓,
	// 希望能减), and the subjectless needs after it (想申请缓缴). Only the
	// caller can tell whether the guide answers one with a measure no other
	// ask has; Reader.SplitKeeping reads the message again with the needs
	// it keeps as asks. A need that gives a subjectless ask its context is
	// no candidate: that ask asks about it.
	Needs []Ask
}

// Bounds on Split's output, whatever the length of the message.
const (
	MaxAsks      = 20
	MaxSituation = 20
	MaxContext   = 3
)

// Option configures a Reader.
type Option func(*Reader)

// WithContactCues replaces DefaultContactCues, for example with the
// lexicon's contact intent phrases.
func WithContactCues(cues ...string) Option {
	return func(r *Reader) { r.contact = slices.Clone(cues) }
}

// WithSubject replaces the built-in test of whether an ask names its own
// subject (it does unless it is made only of question words, aspect words
// such as 材料 or 时间, and generic verbs and particles). A caller with a
// vocabulary can do better, for example: "does the text name a concept of
// the guide?".
func WithSubject(hasSubject func(ask string) bool) Option {
	return func(r *Reader) { r.hasSubject = hasSubject }
}

// Reader splits messages. The zero value is not usable; use NewReader.
// A Reader is immutable and safe for concurrent use.
type Reader struct {
	contact      []string
	contactBlank *strings.Replacer // blanks contact cues and filler
	hasSubject   func(string) bool
}

// NewReader returns a Reader configured by opts.
func NewReader(opts ...Option) *Reader {
	r := &Reader{contact: DefaultContactCues}
	r.hasSubject = r.namesSubject
	for _, o := range opts {
		o(r)
	}
	r.contactBlank = newBlanker(slices.Concat(r.contact, contactFiller, connectives, openerFiller))
	return r
}

var defaultReader = NewReader()

// Split reads text with the default cues. See Reader.Split.
func Split(text string) Message { return defaultReader.Split(text) }

// Split reads text into situation and asks. It never fails: a message
// without words (only punctuation or emoji) gives an empty Message.
func (r *Reader) Split(text string) Message {
	cs := r.classify(text, items(cut(text)))
	if force := askedTogether(cs); force != nil {
		return r.group(text, cs, func(c classified) bool { return force[c.Start] })
	}
	m := r.group(text, cs, never)
	m.Needs = r.needs(text, cs, m)
	return m
}

// SplitKeeping reads text as Split does, with the needs kept (some of
// Split's Message.Needs) read as asks, in message order. When Split found
// only an implied ask, it stays an ask too, joined to the need it takes as
// context when it names no subject of its own.
func (r *Reader) SplitKeeping(text string, kept []Ask) Message {
	cs := r.classify(text, items(cut(text)))
	force := map[int]bool{}
	for _, a := range kept {
		for _, c := range a.Clauses {
			force[c.Start] = true
		}
	}
	if len(force) == 0 {
		return r.Split(text)
	}
	for _, a := range r.group(text, cs, never).Asks {
		if !a.Implied {
			continue
		}
		force[a.Start] = true
		if n := len(a.Context); n > 0 && isNeed(cs, a.Context[n-1]) {
			// "消费贷还没还完 这两个月实在周转不开": a story that stops on
			// a trouble naming nothing asks about the need it follows; read
			// as one ask with it, it is a need beside the kept ones.
			force[a.Context[n-1].Start] = true
		}
	}
	return r.group(text, cs, func(c classified) bool { return force[c.Start] })
}

func never(classified) bool { return false }

// items sets each clause's list item (Clause.Item) when two or more list
// numbers open clauses of cs; it returns cs.
func items(cs []Clause) []Clause {
	n := 0
	for _, c := range cs {
		if c.numbered {
			n++
		}
	}
	if n < 2 {
		return cs
	}
	item := 0
	for i := range cs {
		if cs[i].numbered {
			item++
		}
		cs[i].Item = item
	}
	return cs
}

// askedTogether reads a question that only points back at several things
// ("…房租交不上了，员工社保也想缓一缓，这两个能办吗") as asking about each
// need told before it: the needs are forced to be asks (returned by their
// start) and the pointer, which names nothing, is dropped. Nil when no
// such question follows two needs or more.
func askedTogether(cs []classified) map[int]bool {
	for i, c := range cs {
		if c.kind != question {
			continue
		}
		// "…，两件事一起来，咋整": a statement pointing at several things
		// and a bare question after it ask about them together.
		before := i > 0 && cs[i-1].kind != question && pointsAtSeveral(cs[i-1].Text) && hanRunes(c.Text) <= 4
		if !before && !pointsAtSeveral(c.Text) {
			continue
		}
		force := map[int]bool{}
		for _, b := range cs[:i] {
			if b.need && !(before && b.Start == cs[i-1].Start) {
				force[b.Start] = true
			}
		}
		if len(force) < 2 {
			return nil
		}
		cs[i].kind = chat
		if before {
			cs[i-1].kind = chat
		}
		return force
	}
	return nil
}

// severalPointers point back at several things told before.
var severalPointers = []string{"这两个", "这俩", "这两件", "这两样", "这两项", "这几个", "这几件", "这几样", "两个都", "俩都", "两件事", "几件事"}

// pointsAtSeveral reports whether a short question names nothing but
// several things told before it ("这两个能办吗", "俩都能申请不").
func pointsAtSeveral(s string) bool {
	return containsAny(s, severalPointers) && hanRunes(s) <= 9
}

// isNeed reports whether c is a clause of cs classified as a need.
func isNeed(cs []classified, c Clause) bool {
	i := slices.IndexFunc(cs, func(k classified) bool { return k.Start == c.Start })
	return i >= 0 && cs[i].need
}

// needs reads the need clauses that m holds as situation as asks and
// returns those asks that start with one and are no context of an ask of
// m.
func (r *Reader) needs(text string, cs []classified, m Message) []Ask {
	if !slices.ContainsFunc(cs, func(c classified) bool { return c.need }) {
		return nil
	}
	inAsk := map[int]bool{}
	for _, a := range m.Asks {
		for _, c := range a.Clauses {
			inAsk[c.Start] = true
		}
		if n := len(a.Context); n > 0 && !(a.Implied && !r.hasSubject(a.Text)) {
			// The statement right before a subjectless ask is what it asks
			// about ("社保交不上了，能缓吗"); the ones before may be needs
			// of their own. A story that asks nothing and closes on
			// hardship alone ("…房租水电一分没少，我太难了") asks nothing
			// of that statement: the need told there is one of the
			// story's needs like any other.
			inAsk[a.Context[n-1].Start] = true
		}
	}
	var out []Ask
	for _, a := range r.group(text, cs, func(c classified) bool { return c.need && !inAsk[c.Start] }).Asks {
		if a.Need && !inAsk[a.Start] {
			out = append(out, a)
		}
	}
	return out
}
