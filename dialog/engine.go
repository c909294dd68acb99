package dialog

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"policybot/index"
	"policybot/seeds"
)

// Engine is the conversation state machine: (chat state, event) → (new
// state, replies). It is safe for concurrent use by many chats; events of
// one chat must be handled in order (the caller serializes them).
type Engine struct {
	gen   atomic.Pointer[generation]
	store Store
	clock func() time.Time
	loc   *time.Location // the guide's time zone: deadlines are its days
	day   time.Time      // the day deadlines are judged on; zero: the clock's
}

// generation is the indexes in service: one per guide served, the first
// the default. Turns hold its read lock while they use it, so a reload can
// wait for them before an index is closed.
type generation struct {
	guides  []*index.Index
	fanouts fanoutCache // how these guides answer questions asked before a district
	mu      sync.RWMutex
	retired bool
}

// acquire returns the current generation, read-locked. A turn that loaded
// a generation just as it was retired retries with the new one.
func (e *Engine) acquire() *generation {
	for {
		g := e.gen.Load()
		g.mu.RLock()
		if !g.retired {
			return g
		}
		g.mu.RUnlock()
	}
}

// Option configures an Engine.
type Option func(*Engine)

// WithClock sets the clock the engine judges deadlines and expiry by.
func WithClock(now func() time.Time) Option {
	return func(e *Engine) { e.clock = now }
}

// WithLocation sets the guide's time zone: a period ending on a day of the
// guide lasts until that day ends there. The default is Asia/Shanghai
// (DefaultLocation); nil keeps it.
func WithLocation(loc *time.Location) Option {
	return func(e *Engine) {
		if loc != nil {
			e.loc = loc
		}
	}
}

// WithToday judges deadlines and the guide's age as of day (a date in the
// guide's time zone), whatever the clock says: for transcripts that must
// not change with the calendar. Chat states are still stamped by the clock.
func WithToday(day time.Time) Option {
	return func(e *Engine) { e.day = day }
}

// DefaultLocation is the time zone of the guides the bot is made for,
// Asia/Shanghai: from the system's (or an embedded, time/tzdata) zone
// database, else China Standard Time, which it has been since 1991.
func DefaultLocation() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*60*60)
}

// New returns an engine answering from ix and keeping chat state in store.
func New(ix *index.Index, store Store, opts ...Option) *Engine {
	return NewGuides([]*index.Index{ix}, store, opts...)
}

// NewGuides returns an engine answering from several guides, one index
// each (index.OpenSet), the first the default: each chat is answered from
// its district's guide, chosen by the places it names or by asking (see
// guides.go). With one index it is New. guides must not be empty.
func NewGuides(guides []*index.Index, store Store, opts ...Option) *Engine {
	e := &Engine{store: store, clock: time.Now, loc: DefaultLocation()}
	e.gen.Store(&generation{guides: slices.Clone(guides)})
	for _, o := range opts {
		o(e)
	}
	return e
}

// SetIndex swaps the index answers come from and returns the previous one
// once no turn uses it any more: turns already running finish on the index
// they started with, new turns use ix. The caller closes the old index.
// An engine serving several guides uses SetGuides.
func (e *Engine) SetIndex(ix *index.Index) (old *index.Index) {
	return e.SetGuides([]*index.Index{ix})[0]
}

// SetGuides swaps the guides answers come from (a guide added, removed or
// rebuilt) and returns the previous ones once no turn uses them any more:
// turns already running finish on the guides they started with, new turns
// use guides. The caller closes those of the old ones it does not keep. A
// chat whose guide is gone is asked for its district again.
func (e *Engine) SetGuides(guides []*index.Index) (old []*index.Index) {
	g := e.gen.Swap(&generation{guides: slices.Clone(guides)})
	g.mu.Lock() // waits for the turns in flight
	g.retired = true
	g.mu.Unlock()
	return g.guides
}

// Index returns the index answers currently come from (the first guide's
// when there are several).
func (e *Engine) Index() *index.Index { return e.gen.Load().guides[0] }

// Guides returns the indexes of the guides served, the default first.
func (e *Engine) Guides() []*index.Index { return slices.Clone(e.gen.Load().guides) }

// ErrNotSaved is wrapped by Handle's error when the turn's Commit failed:
// nothing of the turn was stored, so it may be handled again later (an
// adapter retries it until it is saved rather than answer from a state
// that was not kept).
var ErrNotSaved = errors.New("the turn was not saved")

// Handle processes one event of chat chatID and returns the replies to
// send. Everything the turn writes (state, question log, votes, /forget's
// deletion, and with a journaling store ev.ID's replies) is one
// Store.Commit, made before Handle returns, so the replies may be sent as
// soon as it has. An error means the chat state could not be read or
// stored (wrapping ErrNotSaved for the latter); the replies are still
// worth sending (a conversation must go on even when the disk is unhappy).
func (e *Engine) Handle(ctx context.Context, chatID int64, ev Event) ([]Reply, error) {
	now := e.clock()
	st, ok, loadErr := e.store.Load(ctx, chatID)
	if !ok {
		st = State{Mode: Idle}
	}
	gen := e.acquire()
	defer gen.mu.RUnlock()
	t := e.newTurn(ctx, gen.guides[0], chatID, &st, now)
	t.set, t.fanouts = gen.guides, &gen.fanouts
	replies := t.handle(ev)
	c := Commit{Forget: t.forgotten, Asked: t.asked, Feedback: t.votes, EventID: ev.ID, Replies: replies}
	if !t.forgotten {
		st.Updated = now
		c.State = &st
	}
	var commitErr error
	if err := e.store.Commit(ctx, chatID, c); err != nil {
		commitErr = fmt.Errorf("%w: %w", ErrNotSaved, err)
	}
	return replies, errors.Join(loadErr, t.err, commitErr)
}

// InlineResult is one answer offered in inline mode ("@bot 社保").
type InlineResult struct {
	ID          string // stable per measure, e.g. "m2"
	Title       string // e.g. "第2条 社会保险费缓缴"
	Description string // first words of the measure
	Text        string // the message sent when chosen: the measure's answer
}

// Inline returns the best measures for an inline query ("@bot 社保") sent
// by user chatID (Telegram's inline queries come from a user, whose
// private chat has the same id), at most max, each with the answer text to
// send if chosen. With several guides it answers from the guide a message
// would: the district the query names, else the chat's remembered one,
// else every guide that answers it, each result naming its guide (an
// inline query cannot be asked back which district). It never writes the
// chat's state.
func (e *Engine) Inline(ctx context.Context, chatID int64, query string, max int) []InlineResult {
	st, ok, err := e.store.Load(ctx, chatID)
	if !ok || err != nil {
		st = State{Mode: Idle}
	}
	gen := e.acquire()
	defer gen.mu.RUnlock()
	t := e.newTurn(ctx, gen.guides[0], chatID, &st, e.clock())
	t.set = gen.guides
	var lists [][]InlineResult
	for _, ix := range t.inlineGuides(query) {
		t.use(ix)
		q := query
		if len(t.set) > 1 {
			q = ix.WithoutPlaces(query)
		}
		lists = append(lists, t.inlineResults(q, max))
	}
	// Several guides: their results in turn, each guide's best first.
	var out []InlineResult
	for i := 0; len(out) < max; i++ {
		added := false
		for _, l := range lists {
			if i < len(l) && len(out) < max {
				out = append(out, l[i])
				added = true
			}
		}
		if !added {
			break
		}
	}
	return out
}

// inlineResults are the best measures of the turn's guide for query, at
// most max; with several guides served, each names its guide.
func (t *turn) inlineResults(query string, max int) []InlineResult {
	r, err := t.ix.Search(query)
	if err != nil || r.Kind == seeds.KindNone {
		return nil
	}
	several := len(t.set) > 1
	var out []InlineResult
	for _, h := range r.Measures {
		if len(out) == max {
			break
		}
		m := t.g.Measure(h.Number)
		if m == nil || m.Text == "" {
			continue
		}
		res := InlineResult{
			ID:          "m" + strconv.Itoa(m.Number),
			Title:       t.measureTitle(m),
			Description: seeds.Clip(m.Text, 60),
			Text:        t.measureReply(m, nil).Text,
		}
		if several {
			res.ID = t.ix.ID() + "-" + res.ID
			res.Title = t.ix.Name() + " · " + res.Title
			res.Text = "📘 " + t.ix.Label() + "\n" + res.Text
		}
		out = append(out, res)
	}
	return out
}
