package dialog

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"policybot/index"
	"policybot/index/indextest"
)

// testIndex is one index over the embedded guide for all tests: jieba
// loads once per process.
var testIndex *index.Index

// today is the clock of the tests: the guide's dates are all in 2022.
var today = time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)

func TestMain(m *testing.M) {
	var err error
	if testIndex, err = indextest.Get(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// memStore is an in-memory Store for tests of the state machine itself.
type memStore struct {
	mu       sync.Mutex
	states   map[int64]State
	feedback []Feedback
	asked    []Asked
}

func newMemStore() *memStore { return &memStore{states: map[int64]State{}} }

func (s *memStore) Load(_ context.Context, id int64) (State, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.states[id]
	return st, ok, nil
}

func (s *memStore) Commit(_ context.Context, id int64, c Commit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.Forget {
		s.forget(id)
	}
	if c.State != nil {
		s.states[id] = *c.State
	}
	s.asked = append(s.asked, c.Asked...)
	s.feedback = append(s.feedback, c.Feedback...)
	return nil
}

// forget removes everything of chat id. Callers hold s.mu.
func (s *memStore) forget(id int64) {
	delete(s.states, id)
	var fb []Feedback
	for _, f := range s.feedback {
		if f.ChatID != id {
			fb = append(fb, f)
		}
	}
	s.feedback = fb
	var as []Asked
	for _, a := range s.asked {
		if a.ChatID != id {
			as = append(as, a)
		}
	}
	s.asked = as
}

func newEngine(store Store) *Engine {
	return New(testIndex, store, WithClock(func() time.Time { return today }))
}
