package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/dialog/store/etcdtest"
	"policybot/seeds"
)

// The etcd store's tests share one in-process three-member cluster; each
// subtest works under its own key prefix.
func TestEtcd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an etcd cluster")
	}
	cluster := etcdtest.New(t, 3)
	cli := cluster.Client(t)
	var n atomic.Int64
	openE := func(t *testing.T, prefix string, opts ...EtcdOption) *Etcd {
		t.Helper()
		s, err := OpenEtcd(ctx, cli, append([]EtcdOption{WithPrefix(prefix), WithLease(time.Second)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	fresh := func(t *testing.T, opts ...EtcdOption) (*Etcd, string) {
		p := fmt.Sprintf("/t%d/", n.Add(1))
		return openE(t, p, opts...), p
	}
	t.Run("state", func(t *testing.T) { testEtcdState(t, fresh) })
	t.Run("journal", func(t *testing.T) { testEtcdJournal(t, fresh) })
	t.Run("claims", func(t *testing.T) {
		a, p := fresh(t, WithClaims())
		b := openE(t, p, WithClaims())
		testEtcdClaims(t, a, b)
	})
	t.Run("review and stats as bbolt's", func(t *testing.T) {
		now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
		e, _ := fresh(t, WithEtcdClock(func() time.Time { return now }))
		db := open(t, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }))
		defer db.Close()
		testSameReview(t, e, db)
	})
	t.Run("backup, restore, check", func(t *testing.T) {
		a, _ := fresh(t)
		b, _ := fresh(t)
		testEtcdBackup(t, a, b)
	})
	t.Run("campaign", func(t *testing.T) {
		a, p := fresh(t)
		b := openE(t, p)
		testEtcdCampaign(t, a, b)
	})
	t.Run("a member stopped", func(t *testing.T) {
		s, _ := fresh(t)
		cluster.Stop(2)
		defer func() {
			if err := cluster.Restart(2); err != nil {
				t.Fatal(err)
			}
		}()
		st := dialog.State{Mode: dialog.Answered, Measure: 9, Updated: time.Now()}
		if err := s.Commit(ctx, 5, dialog.Commit{State: &st}); err != nil {
			t.Fatalf("commit with one member of three stopped: %v", err)
		}
		if got, ok, err := s.Load(ctx, 5); !ok || err != nil || got.Measure != 9 {
			t.Fatalf("load: %+v %v %v", got, ok, err)
		}
	})
}

type freshFn func(*testing.T, ...EtcdOption) (*Etcd, string)

func testEtcdState(t *testing.T, fresh freshFn) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, _ := fresh(t, WithEtcdClock(func() time.Time { return now }))
	st := dialog.State{Mode: dialog.Answered, Measure: 2, Candidates: []int{2, 3}, Question: "社保能缓交吗", Updated: now}
	c := dialog.Commit{State: &st, Asked: []dialog.Asked{{ChatID: 7, Question: "社保能缓交吗", Kind: seeds.KindMeasure, Measure: 2, Time: now}},
		Feedback: []dialog.Feedback{{ChatID: 7, Measure: 2, Up: false, Question: "社保能缓交吗", Time: now}}}
	if err := s.Commit(ctx, 7, c); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Load(ctx, 7)
	if err != nil || !ok || got.Measure != 2 || got.Question != st.Question || len(got.Candidates) != 2 {
		t.Fatalf("load: %+v %v %v", got, ok, err)
	}
	if _, ok, _ := s.Load(ctx, 8); ok {
		t.Error("another chat sees state")
	}
	// A later vote on the measure replaces the earlier one.
	up := dialog.Commit{Feedback: []dialog.Feedback{{ChatID: 7, Measure: 2, Up: true, Question: "社保能缓交吗", Time: now}}}
	if err := s.Commit(ctx, 7, up); err != nil {
		t.Fatal(err)
	}
	stats, err := s.Stats(10)
	if err != nil || stats.Questions != 1 || stats.UpVotes != 1 || stats.DownVotes != 0 {
		t.Fatalf("stats: %+v %v", stats, err)
	}
	if err := s.Commit(ctx, 7, dialog.Commit{Forget: true}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Load(ctx, 7); ok {
		t.Error("state survived /forget")
	}
	if stats, _ := s.Stats(10); stats.Questions != 0 || stats.UpVotes != 0 {
		t.Errorf("log survived /forget: %+v", stats)
	}
	// Expiry.
	old := dialog.State{Mode: dialog.Answered, Updated: now.Add(-31 * 24 * time.Hour)}
	s.Commit(ctx, 9, dialog.Commit{State: &old})
	if _, ok, _ := s.Load(ctx, 9); ok {
		t.Error("expired state loaded")
	}
}

func testEtcdJournal(t *testing.T, fresh freshFn) {
	s, _ := fresh(t)
	evs := []dialog.Inbound{{ID: 11, Raw: []byte(`{"update_id":11}`), Key: "7"}, {ID: 12, Raw: []byte(`{"update_id":12}`), Key: "7"}}
	got, held, err := s.Stage(evs)
	if err != nil || len(got) != 2 || len(held) != 0 {
		t.Fatalf("stage: %v %v %v", got, held, err)
	}
	if err := s.Flush(ctx, []int64{12}); err != nil {
		t.Fatal(err)
	}
	st := dialog.State{Mode: dialog.Answered, Updated: time.Now()}
	replies := []dialog.Reply{{Kind: seeds.KindMeasure, Text: "a"}, {Kind: seeds.KindMeasure, Text: "b"}}
	if err := s.Commit(ctx, 7, dialog.Commit{State: &st, EventID: 11, Replies: replies}); err != nil {
		t.Fatal(err)
	}
	last, err := s.LastID(ctx)
	if err != nil || last != 12 {
		t.Errorf("last id %d %v", last, err)
	}
	p, err := s.Unfinished(ctx)
	if err != nil || len(p) != 2 || !p[0].Answered || len(p[0].Replies) != 2 || p[1].Answered || p[1].Key != "7" {
		t.Fatalf("unfinished: %+v %v", p, err)
	}
	// Redelivered: dropped; same id with other bytes while unfinished: held.
	got, held, _ = s.Stage([]dialog.Inbound{{ID: 11, Raw: evs[0].Raw}, {ID: 12, Raw: []byte(`{"update_id":12,"x":1}`)}})
	if len(got) != 0 || len(held) != 1 || held[0] != 12 {
		t.Errorf("stage again: fresh %v held %v", got, held)
	}
	done := make(chan error, 3)
	s.Delivered(11, 1, false, func(err error) { done <- err })
	s.Delivered(11, 2, true, func(err error) { done <- err })
	s.Delivered(12, 0, true, func(err error) { done <- err })
	for range 3 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if p, err := s.Unfinished(ctx); err != nil || len(p) != 0 {
		t.Fatalf("unfinished after delivery: %+v %v", p, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	if left, err := s.PendingOf(ctx, "7"); err != nil || len(left) != 0 {
		t.Errorf("pending index after delivery: %v %v", left, err)
	}
}

func testEtcdClaims(t *testing.T, a, b *Etcd) {
	ok, err := a.Claim(ctx, "7")
	if err != nil || !ok {
		t.Fatalf("a's claim: %v %v", ok, err)
	}
	if ok, err := b.Claim(ctx, "7"); err != nil || ok {
		t.Fatalf("b claimed a held chat: %v %v", ok, err)
	}
	// b receives an update of chat 7 and journals it; a must take it.
	ev := dialog.Inbound{ID: 21, Raw: []byte(`{"update_id":21}`), Key: "7"}
	if _, _, err := b.Stage([]dialog.Inbound{ev}); err != nil {
		t.Fatal(err)
	}
	if err := b.Flush(ctx, []int64{21}); err != nil {
		t.Fatal(err)
	}
	left, err := a.Release(ctx, "7")
	if err != nil || len(left) != 1 || left[0] != 21 {
		t.Fatalf("release with an update pending: %v %v", left, err)
	}
	p, err := a.PendingOf(ctx, "7")
	if err != nil || len(p) != 1 || p[0].ID != 21 || string(p[0].Raw) != string(ev.Raw) {
		t.Fatalf("pending of 7: %+v %v", p, err)
	}
	// b cannot write chat 7's turn: a holds it.
	st := dialog.State{Mode: dialog.Answered, Updated: time.Now()}
	if err := b.Commit(ctx, 7, dialog.Commit{State: &st, EventID: 21}); !errors.Is(err, dialog.ErrNotOwner) {
		t.Fatalf("b's commit without the claim: %v", err)
	}
	if err := a.Commit(ctx, 7, dialog.Commit{State: &st, EventID: 21}); err != nil {
		t.Fatal(err)
	}
	if left, err := a.Release(ctx, "7"); err != nil || len(left) != 0 {
		t.Fatalf("release: %v %v", left, err)
	}
	// An orphan: pending, nobody's claim.
	if ok, _ := b.Claim(ctx, "8"); !ok {
		t.Fatal("b could not claim a free chat")
	}
	ev = dialog.Inbound{ID: 22, Raw: []byte(`{"update_id":22}`), Key: "8"}
	b.Stage([]dialog.Inbound{ev})
	if err := b.Flush(ctx, []int64{22}); err != nil {
		t.Fatal(err)
	}
	b.Close() // its lease goes, and its claim with it
	orphans, err := a.Orphans(ctx)
	if err != nil || !reflect.DeepEqual(orphans, []string{"8"}) {
		t.Fatalf("orphans: %v %v", orphans, err)
	}
	if ok, _ := a.Claim(ctx, "8"); !ok {
		t.Fatal("a could not take over the dead replica's chat")
	}
}

func testSameReview(t *testing.T, e *Etcd, db *DB) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for i := range 30 {
		chat := int64(i % 7)
		kind := []seeds.Kind{seeds.KindMeasure, seeds.KindNone, seeds.KindSuggest}[i%3]
		c := dialog.Commit{Asked: []dialog.Asked{{ChatID: chat, Question: fmt.Sprintf("问题%d", i%5), Kind: kind, Measure: i % 4, Time: now.Add(-time.Duration(i) * time.Hour)}}}
		if i%4 == 0 {
			c.Feedback = []dialog.Feedback{{ChatID: chat, Measure: 1 + i%3, Up: i%8 == 0, Question: "问题", Time: now}}
		}
		for _, s := range []dialog.Store{e, db} {
			if err := s.Commit(ctx, chat, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	q := ReviewQuery{Now: now, Days: 3, Kinds: []seeds.Kind{ReviewNone, ReviewSuggest, ReviewDown}}
	re, err1 := e.Review(q)
	rb, err2 := db.Review(q)
	if err1 != nil || err2 != nil || !reflect.DeepEqual(re, rb) {
		t.Errorf("review differs:\netcd  %+v %v\nbbolt %+v %v", re, err1, rb, err2)
	}
	se, _ := e.Stats(5)
	sb, _ := db.Stats(5)
	if !reflect.DeepEqual(se, sb) || se.Questions != 30 {
		t.Errorf("stats differ:\netcd  %+v\nbbolt %+v", se, sb)
	}
	sw, err := e.Sweep(24 * time.Hour)
	if err != nil || sw.Questions != 5 {
		t.Errorf("sweep: %+v %v", sw, err)
	}
}

func testEtcdBackup(t *testing.T, a, b *Etcd) {
	st := dialog.State{Mode: dialog.Answered, Measure: 4, Updated: time.Now()}
	for chat := range int64(5) {
		if err := a.Commit(ctx, chat, dialog.Commit{State: &st, Asked: []dialog.Asked{{ChatID: chat, Question: "问", Time: time.Now()}}}); err != nil {
			t.Fatal(err)
		}
	}
	a.Stage([]dialog.Inbound{{ID: 5, Raw: []byte(`{"update_id":5}`), Key: "1"}})
	a.Flush(ctx, []int64{5})
	var buf bytes.Buffer
	if _, err := a.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	n, err := b.RestoreEtcd(ctx, bytes.NewReader(buf.Bytes()))
	if err != nil || n != 5+5+2+1 {
		t.Fatalf("restore: %d %v", n, err)
	}
	if got, ok, _ := b.Load(ctx, 3); !ok || got.Measure != 4 {
		t.Errorf("restored state: %+v %v", got, ok)
	}
	if p, _ := b.Unfinished(ctx); len(p) != 1 || p[0].ID != 5 {
		t.Errorf("restored journal: %+v", p)
	}
	if problems, err := b.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check of the restored store: %v %v", problems, err)
	}
	if _, err := b.RestoreEtcd(ctx, bytes.NewReader([]byte("SQLite format 3\x00"))); err == nil {
		t.Error("a foreign file was restored")
	}
	// Damage is found.
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	b.cli.Put(cctx, b.prefix+"state/"+hex16(9), "{not json")
	b.cli.Delete(cctx, b.prefix+"pend/1/"+hex16(5))
	if problems, _ := b.Check(ctx); len(problems) != 2 {
		t.Errorf("check found %d problems, want 2: %v", len(problems), problems)
	}
}

func testEtcdCampaign(t *testing.T, a, b *Etcd) {
	la, err := a.Campaign(ctx)
	if err != nil {
		t.Fatal(err)
	}
	won := make(chan context.Context, 1)
	go func() {
		lb, err := b.Campaign(ctx)
		if err == nil {
			won <- lb
		}
	}()
	select {
	case <-won:
		t.Fatal("two leaders at once")
	case <-time.After(300 * time.Millisecond):
	}
	st := dialog.State{Mode: dialog.Answered, Updated: time.Now()}
	if err := a.Commit(ctx, 1, dialog.Commit{State: &st}); err != nil {
		t.Fatalf("the leader's commit: %v", err)
	}
	start := time.Now()
	a.Close() // resigns by revoking the lease
	select {
	case <-won:
		t.Logf("the standby led %v after the leader's lease went", time.Since(start).Round(time.Millisecond))
	case <-time.After(10 * time.Second):
		t.Fatal("the standby never took over")
	}
	<-la.Done()
}
