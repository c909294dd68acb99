package dialog

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"policybot/index"
	"policybot/seeds"
)

// guideAnswer is how one guide answers a question put while the chat's
// district is unknown.
type guideAnswer struct {
	answers bool           // its reading answers the question (a measure, a unit, a choice)
	m       *seeds.Measure // the measure it answers with; nil for a unit or a choice
	partial bool           // m leaves part of the asker's case unnamed
}

// answerIn reads text in guide ix (rd, if not nil, is its reading
// already) and says how it answers.
func answerIn(ix *index.Index, rd *index.Reading, text string) guideAnswer {
	var r index.Reading
	if rd != nil {
		r = *rd
	} else {
		var err error
		if r, err = ix.Read(text, index.Context{}); err != nil {
			return guideAnswer{}
		}
	}
	if len(r.Asks) == 0 || !answers(r.Asks[0].Kind) {
		return guideAnswer{}
	}
	out := guideAnswer{answers: true}
	if a := r.Asks[0]; a.Kind == seeds.KindMeasure && len(a.Measures) > 0 {
		out.m = ix.Guide().Measure(a.Measures[0].Number)
		out.partial = len(ix.Unnamed(out.m, &a)) > 0
	}
	return out
}

// eachAnswer calls next with how each guide of set answers text, in the
// order of set, until next returns false; rd is the reading of the first
// guide. The guides are read side by side, one per CPU, the caller taking
// its share while it waits: a guide's answer depends on nothing but the
// guide and the text, so next sees what reading them in turn gives. Once
// next stops, no further guide is started.
func eachAnswer(set []*index.Index, rd index.Reading, text string, next func(i int, a guideAnswer) bool) {
	n := len(set)
	done := make([]chan guideAnswer, n)
	for i := range done {
		done[i] = make(chan guideAnswer, 1)
	}
	var stop atomic.Bool
	var taken atomic.Int64 // guides 1..taken have been started
	take := func() bool {  // reads the next guide not started; false if none is left
		j := int(taken.Add(1))
		if j >= n || stop.Load() {
			return false
		}
		done[j] <- answerIn(set[j], nil, text)
		return true
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0)-1, n-1) {
		wg.Go(func() {
			for take() {
			}
		})
	}
	done[0] <- answerIn(set[0], &rd, text)
	for i := range n {
		var a guideAnswer
	wait:
		for {
			select {
			case a = <-done[i]:
				break wait
			default:
			}
			if !take() {
				a = <-done[i]
				break
			}
		}
		if !next(i, a) {
			break
		}
	}
	stop.Store(true)
	wg.Wait() // no reading outlives the turn (a reload may close its guide)
}

// maxFanouts bounds the questions a fanoutCache remembers: the questions
// owners put before naming a district are few and asked again and again
// ("社保能缓交吗"), and each entry is a few slices.
const maxFanouts = 512

// fanout is how the guides of a generation answer a question put while
// the chat's district is unknown (turn.answeringGuides).
type fanout struct {
	answering []*index.Index
	measures  []*seeds.Measure
	same      bool
}

// fanoutCache remembers the fan-outs of one generation of guides by the
// question's text: a question every guide answers alike is read by all
// of them, the costliest turn there is, and what they answer depends on
// nothing but the guides and the text (eachAnswer), so the next chat that
// asks it needs none of those readings. It lives with its generation: a
// reload starts an empty one. The zero value is ready; a nil cache keeps
// nothing. Safe for concurrent use.
type fanoutCache struct {
	mu    sync.Mutex
	m     map[string]fanout
	order []string // the keys, oldest first: the first goes when full
}

func (c *fanoutCache) get(text string) (fanout, bool) {
	if c == nil {
		return fanout{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.m[text]
	return f, ok
}

func (c *fanoutCache) put(text string, f fanout) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[text]; ok {
		return
	}
	if c.m == nil {
		c.m = map[string]fanout{}
	}
	if len(c.order) == maxFanouts {
		delete(c.m, c.order[0])
		c.order = slices.Delete(c.order, 0, 1)
	}
	c.m[text] = fanout{answering: slices.Clip(f.answering), measures: slices.Clip(f.measures), same: f.same}
	c.order = append(c.order, text)
}
