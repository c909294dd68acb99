package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
	"policybot/seeds"
)

var ctx = context.Background()

func open(t testing.TB, path string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(path, time.Second, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// save, vote and logQ write one thing each through Commit.
func save(db *DB, chat int64, st dialog.State) error {
	return db.Commit(ctx, chat, dialog.Commit{State: &st})
}

func vote(db *DB, f dialog.Feedback) error {
	return db.Commit(ctx, f.ChatID, dialog.Commit{Feedback: []dialog.Feedback{f}})
}

func logQ(db *DB, q dialog.Asked) error {
	return db.Commit(ctx, q.ChatID, dialog.Commit{Asked: []dialog.Asked{q}})
}

func TestStateSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	st := dialog.State{Mode: dialog.Answered, Measure: 2, Candidates: []int{2, 3}, Question: "社保能缓交吗", Updated: time.Now()}
	if err := save(db, 7, st); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = open(t, path)
	defer db.Close()
	got, ok, err := db.Load(ctx, 7)
	if err != nil || !ok || got.Measure != 2 || got.Question != st.Question || len(got.Candidates) != 2 {
		t.Fatalf("after reopen: %+v %v %v", got, ok, err)
	}
	if _, ok, _ := db.Load(ctx, 8); ok {
		t.Error("another chat sees state")
	}
}

func TestCorruptAndOldEntriesDropped(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	for id, raw := range map[int64]string{1: "{not json", 2: `{"v":99,"mode":"answered"}`, 3: ""} {
		db.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketState).Put(chatKey(id), []byte(raw)) })
		st, ok, err := db.Load(ctx, id)
		if ok || err != nil || st.Mode != "" {
			t.Errorf("chat %d: %+v %v %v", id, st, ok, err)
		}
	}
}

func TestExpiry(t *testing.T) {
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	db := open(t, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }))
	defer db.Close()
	save(db, 1, dialog.State{Mode: dialog.Answered, Updated: now.Add(-31 * 24 * time.Hour)})
	save(db, 2, dialog.State{Mode: dialog.Answered, Updated: now.Add(-29 * 24 * time.Hour)})
	if _, ok, _ := db.Load(ctx, 1); ok {
		t.Error("31-day-old state not expired")
	}
	if _, ok, _ := db.Load(ctx, 2); !ok {
		t.Error("29-day-old state expired")
	}
}

func TestForgetDeletesEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	now := time.Now()
	for _, id := range []int64{5, 6} {
		secret := "秘密问题" + strconv.FormatInt(id, 10) + "号"
		// The question went through the journal, as in the bot.
		upd := dialog.Inbound{ID: 100 + id, Raw: []byte(`{"update_id":1,"message":{"text":"` + secret + `"}}`)}
		if _, err := receive(db, []dialog.Inbound{upd}); err != nil {
			t.Fatal(err)
		}
		st := dialog.State{Mode: dialog.Answered, Question: secret, Updated: now}
		if err := db.Commit(ctx, id, dialog.Commit{State: &st, EventID: upd.ID, Replies: []dialog.Reply{{Text: "答"}},
			Asked: []dialog.Asked{{ChatID: id, Question: secret, Kind: seeds.KindMeasure, Measure: 2, Time: now}}}); err != nil {
			t.Fatal(err)
		}
		delivered(t, db, upd.ID, 1, true)
		vote(db, dialog.Feedback{ChatID: id, Question: secret, Measure: 2, Time: now})
	}
	if err := db.Commit(ctx, 5, dialog.Commit{Forget: true}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Load(ctx, 5); ok {
		t.Error("state survived /forget")
	}
	s, _ := db.Stats(10)
	if s.Questions != 1 || s.Chats != 1 || s.DownVotes != 1 {
		t.Errorf("after forgetting chat 5: %+v", s)
	}
	db.Close()
	// Nothing of chat 5 is left in the file, not even in free pages;
	// chat 6's question is still there.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("秘密问题5号")) {
		t.Error("the forgotten question is still readable in the store file")
	}
	if !bytes.Contains(raw, []byte("秘密问题6号")) {
		t.Error("chat 6's question is not in the file: the check proves nothing")
	}
	db = open(t, path)
	defer db.Close()
	if st, ok, _ := db.Load(ctx, 6); !ok || st.Question != "秘密问题6号" {
		t.Errorf("chat 6 after the scrub: %+v %v", st, ok)
	}
}

func TestStats(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	now := time.Now()
	for i, q := range []string{"社保能缓交吗", "社保能缓交吗", "公司注销", "社保能缓交吗"} {
		kind, m := seeds.KindMeasure, 2
		if q == "公司注销" {
			kind, m = seeds.KindNone, 0
		}
		logQ(db, dialog.Asked{ChatID: int64(i), Question: q, Kind: kind, Measure: m, Time: now})
	}
	vote(db, dialog.Feedback{ChatID: 1, Question: "房租", Measure: 5, Up: false, Time: now})
	vote(db, dialog.Feedback{ChatID: 1, Question: "社保", Measure: 2, Up: true, Time: now})
	s, err := db.Stats(5)
	if err != nil {
		t.Fatal(err)
	}
	if s.MostAsked[0].Question != "社保能缓交吗" || s.MostAsked[0].Count != 3 || s.Unanswered[0].Question != "公司注销" ||
		s.DownVoted[0].Question != "房租" || s.UpVotes != 1 {
		t.Errorf("%+v", s)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	defer db.Close()
	start := time.Now()
	_, err := Open(path, 200*time.Millisecond)
	if !errors.Is(err, ErrLocked) || time.Since(start) > 3*time.Second {
		t.Fatalf("second open: %v after %v", err, time.Since(start))
	}
}

func TestBackupWhileWriting(t *testing.T) {
	dir := t.TempDir()
	db := open(t, filepath.Join(dir, "s.db"))
	defer db.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			save(db, int64(i), dialog.State{Mode: dialog.Answered, Measure: i, Updated: time.Now()})
		}
	}()
	var buf bytes.Buffer
	if _, err := db.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	restored := filepath.Join(dir, "restored.db")
	if err := os.WriteFile(restored, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	r := open(t, restored)
	defer r.Close()
	if _, _, err := r.Load(ctx, 0); err != nil {
		t.Fatalf("restored snapshot unreadable: %v", err)
	}
}

// BenchmarkCommitManyChats: 64 chats' turns committed concurrently, each
// a full turn's write (update journaled, state, question, answered mark)
// made durable before the chat's next turn; turns/s is persisted turns
// per second.
func BenchmarkCommitManyChats(b *testing.B) {
	db := open(b, filepath.Join(b.TempDir(), "s.db"))
	defer db.Close()
	st := dialog.State{Mode: dialog.Answered, Measure: 2, Question: "社保能缓交吗", Updated: time.Now()}
	b.SetParallelism(32) // 64 goroutines on 2 CPUs: 64 chats at once
	var id atomic.Int64
	var chatSeq atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		chat := chatSeq.Add(1)
		for pb.Next() {
			ev := id.Add(1)
			if _, _, err := db.Stage([]dialog.Inbound{{ID: ev, Raw: []byte(`{"update_id":1,"message":{}}`)}}); err != nil {
				b.Error(err)
				return
			}
			c := dialog.Commit{State: &st, Asked: []dialog.Asked{{ChatID: chat, Question: "社保能缓交吗", Kind: seeds.KindMeasure, Measure: 2, Time: time.Now()}},
				EventID: ev, Replies: []dialog.Reply{{Kind: seeds.KindMeasure, Text: "答"}}}
			if err := db.Commit(ctx, chat, c); err != nil {
				b.Error(err)
				return
			}
			db.Delivered(ev, 1, true, nil)
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}

// TestStatsByGuide: a bot serving several guides counts a question per
// guide, and the question log keeps the guide's id.
func TestStatsByGuide(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	now := time.Now()
	for i, g := range []string{"huairou-2022", "huairou-2022", "pinggu-2023"} {
		logQ(db, dialog.Asked{ChatID: int64(i), Question: "社保能缓交吗", Kind: seeds.KindMeasure, Measure: 4 + i, Time: now, Guide: g})
	}
	s, err := db.Stats(5)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.MostAsked) != 2 || s.MostAsked[0].Guide != "huairou-2022" || s.MostAsked[0].Count != 2 ||
		s.MostAsked[1].Guide != "pinggu-2023" || s.MostAsked[1].Measure != 6 {
		t.Errorf("%+v", s.MostAsked)
	}
}

// TestReviewByGuide: the review lists keep a question apart per guide.
func TestReviewByGuide(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	now := time.Now()
	for i, g := range []string{"huairou-2022", "pinggu-2023", "pinggu-2023"} {
		logQ(db, dialog.Asked{ChatID: int64(i), Question: "公司注销", Kind: seeds.KindNone, Time: now, Guide: g})
	}
	r, err := db.Review(ReviewQuery{Now: now, Loc: time.UTC, Days: 1, Kinds: []seeds.Kind{ReviewNone}})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, q := range r.Questions[ReviewNone] {
		count[q.Guide] = q.Count
	}
	if len(count) != 2 || count["huairou-2022"] != 1 || count["pinggu-2023"] != 2 {
		t.Errorf("%+v", r.Questions[ReviewNone])
	}
}
