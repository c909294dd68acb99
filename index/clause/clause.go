package clause

import (
	"slices"
	"strings"
)

// Clause is a piece of the message between punctuation, as written.
type Clause struct {
	Text       string // trimmed, without its punctuation or a leading list number
	Start, End int    // byte offsets of Text in the message
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
	cs := r.classify(text, cut(text))
	return r.group(text, cs)
}
