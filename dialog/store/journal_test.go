package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
	"policybot/seeds"
)

func TestJournalLifecycle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	evs := []dialog.Inbound{{ID: 101, Raw: []byte(`{"update_id":101}`)}, {ID: 102, Raw: []byte(`{"update_id":102}`)}, {ID: 103, Raw: []byte(`{"update_id":103}`)}}
	fresh, err := receive(db, evs)
	if err != nil || len(fresh) != 3 {
		t.Fatalf("receive: %v %v", fresh, err)
	}
	// A redelivery of 102 and a new 104: only 104 is fresh.
	fresh, err = receive(db, []dialog.Inbound{evs[1], {ID: 104, Raw: []byte(`{}`)}})
	if err != nil || len(fresh) != 1 || fresh[0].ID != 104 {
		t.Fatalf("redelivery: %v %v", fresh, err)
	}
	st := dialog.State{Mode: dialog.Answered, Measure: 2, Updated: time.Now()}
	replies := []dialog.Reply{{Kind: seeds.KindMeasure, Text: "第2条", Buttons: [][]dialog.Button{{{Text: "👍", Data: "1|ab|+|2"}}},
		Contacts: []dialog.Contact{{Name: "林", Org: "区人保局", Phones: []string{"010-69050322"}}}, Measures: []int{2}}, {Kind: seeds.KindCommand, Text: "b"}}
	// 101: answered, one of two replies sent. 102: answered with no
	// replies (done). 103: answered, all sent. 104: never run.
	if err := db.Commit(ctx, 7, dialog.Commit{State: &st, EventID: 101, Replies: replies}); err != nil {
		t.Fatal(err)
	}
	delivered(t, db, 101, 1, false)
	db.Commit(ctx, 7, dialog.Commit{State: &st, EventID: 102})
	db.Commit(ctx, 8, dialog.Commit{State: &st, EventID: 103, Replies: replies[:1]})
	db.Delivered(103, 1, true, nil)
	db.Close()

	db = open(t, path)
	defer db.Close()
	p, err := db.Unfinished(ctx)
	if err != nil || len(p) != 2 {
		t.Fatalf("unfinished: %+v %v", p, err)
	}
	if p[0].ID != 101 || !p[0].Answered || p[0].Sent != 1 || !reflect.DeepEqual(p[0].Replies, replies) || string(p[0].Raw) != `{"update_id":101}` {
		t.Errorf("101: %+v", p[0])
	}
	if p[1].ID != 104 || p[1].Answered || string(p[1].Raw) != `{}` {
		t.Errorf("104: %+v", p[1])
	}
	if last, err := db.LastID(ctx); last != 104 || err != nil {
		t.Errorf("last id %d %v", last, err)
	}
	// Finished ids are still refused.
	if fresh, _ := receive(db, []dialog.Inbound{evs[2]}); len(fresh) != 0 {
		t.Errorf("finished update accepted again: %v", fresh)
	}
}

func TestTombstonesExpire(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	db := open(t, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }))
	defer db.Close()
	receive(db, []dialog.Inbound{{ID: 1, Raw: []byte(`{}`)}})
	delivered(t, db, 1, 0, true)
	if n, err := db.PruneJournal(ctx); n != 0 || err != nil {
		t.Fatalf("pruned a fresh tombstone: %d %v", n, err)
	}
	now = now.Add(tombstoneTTL + time.Hour)
	if _, err := db.Unfinished(ctx); err != nil {
		t.Fatal(err)
	}
	if fresh, _ := receive(db, []dialog.Inbound{{ID: 1, Raw: []byte(`{}`)}}); len(fresh) != 1 {
		t.Error("tombstone not pruned")
	}
	// A long-running bot prunes with its retention sweep, not only at start.
	delivered(t, db, 1, 0, true)
	now = now.Add(tombstoneTTL + time.Hour)
	if sw, err := db.Sweep(DefaultRetention); err != nil || sw.Journal != 1 {
		t.Errorf("sweep pruned %+v, %v; want one tombstone", sw, err)
	}
}

// Concurrent commits from many chats are grouped; each one is durable and
// none is lost or mixed up.
func TestGroupCommitConcurrentChats(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	var wg sync.WaitGroup
	for chat := int64(1); chat <= 64; chat++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 20; i++ {
				st := dialog.State{Mode: dialog.Answered, Measure: i, Updated: time.Now()}
				if err := db.Commit(ctx, chat, dialog.Commit{State: &st, Asked: []dialog.Asked{{ChatID: chat, Question: "q", Time: time.Now()}}}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	db.Close()
	db = open(t, path)
	defer db.Close()
	for chat := int64(1); chat <= 64; chat++ {
		if st, ok, _ := db.Load(ctx, chat); !ok || st.Measure != 20 {
			t.Errorf("chat %d: %+v", chat, st)
		}
	}
	if s, _ := db.Stats(1); s.Questions != 64*20 {
		t.Errorf("%d questions logged", s.Questions)
	}
}

// A failing write in a group fails alone.
func TestGroupFailureIsolated(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	var wg sync.WaitGroup
	errs := make([]error, 40)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = db.w.update(func(tx *bolt.Tx) error {
				if i%10 == 3 {
					tx.Bucket(bucketMeta).Put([]byte("junk"), []byte("x"))
					return errors.New("bad write")
				}
				return tx.Bucket(bucketMeta).Put([]byte(strconv.Itoa(i)), []byte("ok"))
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if (err != nil) != (i%10 == 3) {
			t.Errorf("write %d: %v", i, err)
		}
	}
	db.db.View(func(tx *bolt.Tx) error {
		n := 0
		for i := range errs {
			if tx.Bucket(bucketMeta).Get([]byte(strconv.Itoa(i))) != nil {
				n++
			}
		}
		if n != 36 || tx.Bucket(bucketMeta).Get([]byte("junk")) != nil {
			t.Errorf("%d good writes stored (want 36), junk %q", n, tx.Bucket(bucketMeta).Get([]byte("junk")))
		}
		return nil
	})
}

// A staged update becomes durable with its turn's commit, without a
// write of its own; Flush writes the others.
func TestStagedUpdatesDurableWithTheirTurn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	fresh, _, err := db.Stage([]dialog.Inbound{{ID: 5, Raw: []byte(`{"a":5}`)}, {ID: 6, Raw: []byte(`{"a":6}`)}})
	if err != nil || len(fresh) != 2 {
		t.Fatal(fresh, err)
	}
	if again, held, _ := db.Stage([]dialog.Inbound{{ID: 5, Raw: []byte(`{"a":5}`)}}); len(again) != 0 || len(held) != 0 {
		t.Error("a staged update was accepted twice")
	}
	st := dialog.State{Mode: dialog.Idle, Updated: time.Now()}
	if err := db.Commit(ctx, 1, dialog.Commit{State: &st, EventID: 5, Replies: []dialog.Reply{{Text: "x"}}}); err != nil {
		t.Fatal(err)
	}
	if db.staging(5) != nil {
		t.Error("5 is still staged after its turn's commit")
	}
	if err := db.Flush(ctx, []int64{5, 6}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = open(t, path)
	defer db.Close()
	p, _ := db.Unfinished(ctx)
	if len(p) != 2 || !p[0].Answered || string(p[0].Raw) != `{"a":5}` || p[1].Answered || string(p[1].Raw) != `{"a":6}` {
		t.Errorf("after reopen: %+v", p)
	}
	if last, _ := db.LastID(ctx); last != 6 {
		t.Errorf("last id %d", last)
	}
}

// Update ids that start over (another Bot API server, or Telegram's
// random id after a week without updates): an id is a redelivery only
// with the same bytes. A new update reusing a finished id replaces its
// tombstone; one reusing an unfinished id is held until that is done.
// The journal's last id follows the new sequence.
func TestUpdateIDsStartOver(t *testing.T) {
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	db := open(t, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }))
	defer db.Close()
	old := func(id int64) dialog.Inbound {
		return dialog.Inbound{ID: id, Raw: []byte(`{"update_id":` + strconv.FormatInt(id, 10) + `,"old":1}`)}
	}
	neu := func(id int64) dialog.Inbound {
		return dialog.Inbound{ID: id, Raw: []byte(`{"update_id":` + strconv.FormatInt(id, 10) + `,"new":1}`)}
	}
	if _, err := receive(db, []dialog.Inbound{old(7), old(8), old(900)}); err != nil {
		t.Fatal(err)
	}
	delivered(t, db, 7, 0, true) // 7 finished, 8 and 900 not
	delivered(t, db, 900, 0, true)

	now = now.Add(time.Minute)
	if fresh, held, _ := db.Stage([]dialog.Inbound{old(7)}); len(fresh)+len(held) != 0 {
		t.Errorf("a redelivery of the finished old 7: fresh %v held %v", fresh, held)
	}
	fresh, held, err := db.Stage([]dialog.Inbound{neu(7), neu(8), neu(9)})
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 2 || fresh[0].ID != 7 || string(fresh[0].Raw) != string(neu(7).Raw) || fresh[1].ID != 9 {
		t.Errorf("fresh %+v", fresh)
	}
	if len(held) != 1 || held[0] != 8 {
		t.Errorf("held %v, want [8] (8 of the old sequence is unfinished)", held)
	}
	if err := db.Flush(ctx, []int64{7, 9}); err != nil {
		t.Fatal(err)
	}
	if last, _ := db.LastID(ctx); last != 9 {
		t.Errorf("last id %d after the ids started over, want 9", last)
	}
	// The old 8 finishes; the new 8 is then fresh.
	delivered(t, db, 8, 0, true)
	if fresh, held, _ := db.Stage([]dialog.Inbound{neu(8)}); len(fresh) != 1 || len(held) != 0 {
		t.Errorf("new 8 after the old one finished: fresh %v held %v", fresh, held)
	}
	if err := db.Flush(ctx, []int64{8}); err != nil {
		t.Fatal(err)
	}
	p, err := db.Unfinished(ctx)
	if err != nil || len(p) != 3 {
		t.Fatalf("unfinished %+v %v", p, err)
	}
	for _, e := range p {
		if !strings.Contains(string(e.Raw), `"new"`) || !e.Received.Equal(now) {
			t.Errorf("entry %d: %s received %v", e.ID, e.Raw, e.Received)
		}
	}
	// A redelivery of the new 7 is still refused, and so is a finished
	// entry written before checksums existed, whatever its bytes.
	if fresh, held, _ := db.Stage([]dialog.Inbound{neu(7)}); len(fresh)+len(held) != 0 {
		t.Errorf("redelivery: fresh %v held %v", fresh, held)
	}
	db.w.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInbox).Put(idKey(50), mustJSON(inboxRecord{V: recordVersion, State: entryDone, At: now}))
	})
	if fresh, _, _ := db.Stage([]dialog.Inbound{neu(50)}); len(fresh) != 0 {
		t.Errorf("an id finished before checksums was taken as new")
	}
}

// receive stages events and makes them durable.
func receive(db *DB, evs []dialog.Inbound) ([]dialog.Inbound, error) {
	fresh, _, err := db.Stage(evs)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(fresh))
	for i, ev := range fresh {
		ids[i] = ev.ID
	}
	return fresh, db.Flush(ctx, ids)
}

// BenchmarkCommitOneChat: one chat's turns back to back, each persisted
// as the bot does it: the update staged, the turn's commit (which
// journals it), the update finished without waiting.
func BenchmarkCommitOneChat(b *testing.B) {
	db := open(b, filepath.Join(b.TempDir(), "s.db"))
	defer db.Close()
	st := dialog.State{Mode: dialog.Answered, Measure: 2, Question: "社保能缓交吗", Updated: time.Now()}
	for i := range b.N {
		id := int64(i + 1)
		db.Stage([]dialog.Inbound{{ID: id, Raw: []byte(`{"update_id":1}`)}})
		if err := db.Commit(ctx, 7, dialog.Commit{State: &st, Asked: []dialog.Asked{{ChatID: 7, Question: "q", Time: time.Now()}},
			EventID: id, Replies: []dialog.Reply{{Text: "答"}}}); err != nil {
			b.Fatal(err)
		}
		db.Delivered(id, 1, true, nil)
	}
}

// delivered calls Delivered and waits until it is durable.
func delivered(t testing.TB, db *DB, id int64, sent int, done bool) {
	t.Helper()
	errc := make(chan error, 1)
	db.Delivered(id, sent, done, func(err error) { errc <- err })
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}

// A batch fetched again after a crash can hold an id below the journal's
// last one that was never written (its turn's commit came first) next to
// ones that were: that is no new sequence, and the last id stays.
func TestRedeliveredBatchIsNoNewSequence(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	ev := func(id int64) dialog.Inbound {
		return dialog.Inbound{ID: id, Raw: []byte(`{"update_id":` + strconv.FormatInt(id, 10) + `}`)}
	}
	if _, err := receive(db, []dialog.Inbound{ev(103), ev(105)}); err != nil {
		t.Fatal(err)
	}
	fresh, err := receive(db, []dialog.Inbound{ev(103), ev(104), ev(105)})
	if err != nil || len(fresh) != 1 || fresh[0].ID != 104 {
		t.Fatalf("fresh %v %v", fresh, err)
	}
	if last, _ := db.LastID(ctx); last != 105 {
		t.Errorf("last id %d, want 105", last)
	}
}

// TestDeliveryRecordSharesTheNextCommit: a delivery record made while
// another chat's update is staged waits for that update's turn and is
// written in the same transaction; with nothing staged it is written at
// once, and a held record that no commit comes for is written anyway.
func TestDeliveryRecordSharesTheNextCommit(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	txid := func() int {
		var id int
		db.db.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil })
		return id
	}
	turn := func(chat, id int64) {
		t.Helper()
		st := dialog.State{Mode: dialog.Answered, Measure: 2, Updated: time.Now()}
		if err := db.Commit(ctx, chat, dialog.Commit{State: &st, EventID: id, Replies: []dialog.Reply{{Text: "答"}}}); err != nil {
			t.Fatal(err)
		}
	}
	record := func(id int64) chan error {
		done := make(chan error, 1)
		db.Delivered(id, 1, true, func(err error) { done <- err })
		return done
	}
	wait := func(done chan error) {
		t.Helper()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("delivery record never written")
		}
	}
	ev := func(id int64) dialog.Inbound {
		return dialog.Inbound{ID: id, Raw: []byte(`{"update_id":` + strconv.FormatInt(id, 10) + `}`)}
	}

	// Nothing staged: the record is written at once, alone.
	db.Stage([]dialog.Inbound{ev(1)})
	turn(1, 1)
	before := txid()
	wait(record(1))
	if got := txid() - before; got != 1 {
		t.Errorf("record alone: %d transactions, want 1", got)
	}

	// Chat 2's update staged: chat 1's record waits for its commit.
	db.w.holdFor = time.Minute // so that a slow machine cannot split them
	db.Stage([]dialog.Inbound{ev(2), ev(3)})
	turn(1, 2)
	before = txid()
	done := record(2)
	time.Sleep(20 * time.Millisecond)
	turn(2, 3)
	wait(done)
	if got := txid() - before; got != 1 {
		t.Errorf("record and the next commit: %d transactions, want 1", got)
	}

	// Staged, but no commit comes: the record is written after holdFor.
	db.w.holdFor = 20 * time.Millisecond
	db.Stage([]dialog.Inbound{ev(4), ev(5)})
	turn(1, 4)
	wait(record(4))
	p, err := db.Unfinished(ctx)
	if err != nil || len(p) != 1 || p[0].ID != 3 { // answered, its record not made
		t.Errorf("unfinished after the records: %+v %v", p, err)
	}
}
