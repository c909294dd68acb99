package dialog_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index"
	"policybot/index/indextest"
)

// These tests run the engine on the real bbolt store; they live outside the
// package because the store imports it.

func sharedIndex(t testing.TB) *index.Index { return indextest.Shared(t) }

var ctx = context.Background()

func say(t testing.TB, e *dialog.Engine, chat int64, text string) string {
	t.Helper()
	rs, err := e.Handle(ctx, chat, dialog.Event{Kind: dialog.Message, Text: text})
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text + "\n")
	}
	return b.String()
}

func TestStateSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chat.db")
	db, err := store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	say(t, dialog.New(sharedIndex(t), db), 42, "社保能缓交吗")
	db.Close()

	db, err = store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := say(t, dialog.New(sharedIndex(t), db), 42, "找谁办"); !strings.Contains(got, "010-69050322") {
		t.Errorf("topic lost across restart:\n%s", got)
	}
}

// TestTopicsSurviveRestart: the earlier topics (State.Topics) are stored,
// so "上一个" after a restart goes back to the measure before the last.
func TestTopicsSurviveRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chat.db")
	db, err := store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	e := dialog.New(sharedIndex(t), db)
	say(t, e, 7, "社保能缓交吗")
	say(t, e, 7, "公积金呢")
	db.Close()

	db, err = store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := say(t, dialog.New(sharedIndex(t), db), 7, "上一个找谁")
	if !strings.Contains(got, "010-69050322") || strings.Contains(got, "010-69047748") {
		t.Errorf("earlier topic lost across restart:\n%s", got)
	}
}

func TestCorruptEntrySurvived(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chat.db")
	db, err := store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("state")).Put([]byte{0, 0, 0, 0, 0, 0, 0, 9}, []byte("\xff garbage {"))
	})
	raw.Close()
	db, err = store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := say(t, dialog.New(sharedIndex(t), db), 9, "社保能缓交吗"); !strings.Contains(got, "010-69050322") {
		t.Errorf("after a corrupt entry:\n%s", got)
	}
}

// BenchmarkTurnsPersisted runs turns of many chats at once against the
// bbolt store: its batching shares one fsync among concurrent saves.
func BenchmarkTurnsPersisted(b *testing.B) {
	db, err := store.Open(filepath.Join(b.TempDir(), "chat.db"), time.Second)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	e := dialog.New(sharedIndex(b), db)
	qs := []string{"社保能缓交吗", "找谁办", "房租能减免吗", "人社局电话", "公积金呢", "电话多少"}
	var next int64
	var mu sync.Mutex
	b.SetParallelism(64)
	b.RunParallel(func(pb *testing.PB) {
		mu.Lock()
		next++
		chat := next
		mu.Unlock()
		for i := 0; pb.Next(); i++ {
			e.Handle(ctx, chat, dialog.Event{Kind: dialog.Message, Text: qs[i%len(qs)]})
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchmarkTurnDurable times one chat's turns one after another against
// the bbolt store: the answer and its durable commit (fsync), as a user
// waiting for each reply sees it. The conversation exercises every kind of
// turn (benchQuestions).
func BenchmarkTurnDurable(b *testing.B) {
	db, err := store.Open(filepath.Join(b.TempDir(), "chat.db"), time.Second)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ct := &commitTimer{Store: db}
	e := dialog.New(sharedIndex(b), ct)
	qs := []string{"社保能缓交吗", "找谁办", "缓缴多久", "能网上办吗", "房租能减免吗", "1", "我们租的是私人的房子，也能减吗",
		"人社局电话", "公积金呢", "上一个", "谢谢啦，再见", "公司注销流程", "那找谁", "我是货车司机，贷款还不上能延期吗", "会影响征信吗"}
	timeTurns(b, e, qs, ct)
}

// BenchmarkTurnDurableGuides is BenchmarkTurnDurable for a bot serving 20
// guides of 60 measures (generated copies, indextest.SyntheticGuides): the
// district is named, remembered, changed and asked for, and every turn is
// committed to the bbolt store.
func BenchmarkTurnDurableGuides(b *testing.B) {
	gs, err := indextest.SyntheticGuides(20, 60)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	set, err := index.OpenSet(gs, index.WithDataDir(dir), index.WithLexiconDir(""))
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		for _, ix := range set {
			ix.Close()
		}
	}()
	db, err := store.Open(filepath.Join(dir, "chat.db"), time.Second)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ct := &commitTimer{Store: db}
	e := dialog.NewGuides(set, ct)
	qs := []string{"我在海淀，社保能缓交吗", "找谁办", "缓缴多久", "房租能减免吗", "1", "那丰台呢", "找谁", "换个区",
		"社保能缓交吗", "东城区", "公积金呢", "谢谢啦，再见", "公司注销流程", "我是货车司机，贷款还不上能延期吗", "会影响征信吗"}
	timeTurns(b, e, qs, ct)
}

// commitTimer times the Commit of each turn: the store's share of a
// durable turn (encoding, bbolt's page writes and its two fsyncs), which
// on a machine whose disk other work shares varies far more than the
// reading of the question.
type commitTimer struct {
	dialog.Store
	wall []time.Duration
}

func (c *commitTimer) Commit(ctx context.Context, chatID int64, cm dialog.Commit) error {
	start := time.Now()
	err := c.Store.Commit(ctx, chatID, cm)
	c.wall = append(c.wall, time.Since(start))
	return err
}

// timeTurns runs chat 7's conversation qs over and over, one turn at a
// time, and reports the median and 99th percentile of a turn, wall time
// and the process's CPU time (every thread the turn keeps busy: the
// guides read side by side, the store; on Linux only), the same of the
// turn's Commit alone (wall time, from ct), and allocations per turn.
func timeTurns(b *testing.B, e *dialog.Engine, qs []string, ct *commitTimer) {
	lat := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		start, startCPU := time.Now(), processCPU()
		e.Handle(ctx, 7, dialog.Event{Kind: dialog.Message, Text: qs[i%len(qs)]})
		lat = append(lat, time.Since(start))
		cpu = append(cpu, processCPU()-startCPU)
	}
	slices.Sort(lat)
	slices.Sort(cpu)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds()), "p50-cpu-µs")
	b.ReportMetric(float64(cpu[len(cpu)*99/100].Microseconds()), "p99-cpu-µs")
	if n := len(ct.wall); n > 0 {
		slices.Sort(ct.wall)
		b.ReportMetric(float64(ct.wall[n/2].Microseconds()), "commit-p50-µs")
		b.ReportMetric(float64(ct.wall[n*99/100].Microseconds()), "commit-p99-µs")
	}
}
