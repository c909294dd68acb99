package dialog

import (
	"context"
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
