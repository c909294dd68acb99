package dialog

import (
	"context"
	"errors"
	"strconv"
	"testing"
)

// Votes count only for measures that exist (0 is the fallback answer); a
// forged button for measure 999999 or -7 is refused and stores nothing.
func TestVotesOnlyForExistingMeasures(t *testing.T) {
	s := newMemStore()
	e := newEngine(s)
	say(t, e, 9, "社保能缓交吗")
	tag := testIndex.Guide().Hash[:4]
	for _, n := range []int{999999, -7, 2, 0} {
		rs, err := e.Handle(ctx, 9, Event{Kind: Press, Data: "1|" + tag + "|+|" + strconv.Itoa(n)})
		if err != nil || len(rs) != 1 || rs[0].Notice == "" {
			t.Errorf("vote %d: %+v %v", n, rs, err)
		}
	}
	if len(s.feedback) != 2 || s.feedback[0].Measure != 2 || s.feedback[1].Measure != 0 {
		t.Errorf("feedback stored: %+v", s.feedback)
	}
}

// A turn's state, question and vote reach the store in one Commit that
// names the event.
func TestTurnCommitsOnce(t *testing.T) {
	s := &countingStore{memStore: newMemStore()}
	e := newEngine(s)
	if _, err := e.Handle(ctx, 3, Event{ID: 77, Kind: Message, Text: "社保能缓交吗"}); err != nil {
		t.Fatal(err)
	}
	if len(s.commits) != 1 {
		t.Fatalf("%d commits for one turn", len(s.commits))
	}
	c := s.commits[0]
	if c.EventID != 77 || c.State == nil || c.State.Measure != 2 || len(c.Asked) != 1 || len(c.Replies) == 0 {
		t.Errorf("commit %+v", c)
	}
}

type countingStore struct {
	*memStore
	commits []Commit
}

func (s *countingStore) Commit(c0 context.Context, id int64, c Commit) error {
	s.commits = append(s.commits, c)
	return s.memStore.Commit(c0, id, c)
}

// A vote counts only for a measure the chat was answered with: a chat
// that never asked anything, or got another measure, votes in vain.
func TestVotesOnlyForMeasuresAnswered(t *testing.T) {
	s := newMemStore()
	e := newEngine(s)
	tag := testIndex.Guide().Hash[:4]
	vote := func(chat int64, n int) Reply {
		rs, err := e.Handle(ctx, chat, Event{Kind: Press, Data: "1|" + tag + "|-|" + strconv.Itoa(n)})
		if err != nil || len(rs) != 1 {
			t.Fatalf("vote %d in chat %d: %+v %v", n, chat, rs, err)
		}
		return rs[0]
	}
	for _, n := range []int{2, 0} {
		if r := vote(11, n); r.Notice != "按钮无效" {
			t.Errorf("a chat that never asked voted on %d: %+v", n, r)
		}
	}
	say(t, e, 12, "社保能缓交吗") // answered with 第2条
	if r := vote(12, 3); r.Notice != "按钮无效" {
		t.Errorf("a vote on 第3条 after an answer with 第2条 was taken: %+v", r)
	}
	vote(12, 2)
	if len(s.feedback) != 1 || s.feedback[0].ChatID != 12 || s.feedback[0].Measure != 2 {
		t.Errorf("feedback stored: %+v", s.feedback)
	}
}

// /forget is the turn's one commit: it deletes and writes nothing else.
func TestForgetIsTheTurnsCommit(t *testing.T) {
	s := &countingStore{memStore: newMemStore()}
	e := newEngine(s)
	say(t, e, 5, "社保能缓交吗")
	if _, err := e.Handle(ctx, 5, Event{ID: 9, Kind: Command, Command: "forget"}); err != nil {
		t.Fatal(err)
	}
	c := s.commits[len(s.commits)-1]
	if len(s.commits) != 2 || !c.Forget || c.State != nil || len(c.Asked) != 0 || c.EventID != 9 || len(c.Replies) != 1 {
		t.Errorf("%d commits, last %+v", len(s.commits), c)
	}
	if len(s.states) != 0 || len(s.asked) != 0 {
		t.Errorf("/forget left %d states, %d questions", len(s.states), len(s.asked))
	}
}

// A failed commit is reported as ErrNotSaved, so the adapter can retry.
func TestCommitFailureIsNotSaved(t *testing.T) {
	e := newEngine(failingStore{newMemStore()})
	rs, err := e.Handle(ctx, 6, Event{ID: 1, Kind: Message, Text: "社保能缓交吗"})
	if !errors.Is(err, ErrNotSaved) || len(rs) == 0 {
		t.Errorf("replies %d, error %v", len(rs), err)
	}
}

type failingStore struct{ *memStore }

func (failingStore) Commit(context.Context, int64, Commit) error {
	return errors.New("no space left on device")
}
