package store

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policybot/dialog"
)

func TestSweep(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	db := open(t, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return now }), WithTTL(30*24*time.Hour))
	defer db.Close()
	const oldN = 2500 // more than one sweep batch
	var wg sync.WaitGroup
	for w := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < oldN; i += 50 {
				logQ(db, dialog.Asked{ChatID: int64(i % 7), Question: "旧问题", Time: now.Add(-200 * 24 * time.Hour)})
			}
		}()
	}
	wg.Wait()
	logQ(db, dialog.Asked{ChatID: 3, Question: "新问题", Time: now.Add(-10 * 24 * time.Hour)})
	vote(db, dialog.Feedback{ChatID: 3, Question: "旧问题", Measure: 3, Time: now.Add(-181 * 24 * time.Hour)}) // one vote per chat and measure: another measure
	vote(db, dialog.Feedback{ChatID: 3, Question: "新问题", Measure: 2, Up: true, Time: now.Add(-179 * 24 * time.Hour)})
	save(db, 1, dialog.State{Mode: dialog.Answered, Measure: 2, Updated: now.Add(-40 * 24 * time.Hour)})
	save(db, 2, dialog.State{Mode: dialog.Answered, Measure: 3, Updated: now.Add(-time.Hour)})

	sw, err := db.Sweep(DefaultRetention)
	if err != nil {
		t.Fatal(err)
	}
	if sw != (Swept{States: 1, Questions: oldN, Votes: 1}) {
		t.Errorf("swept %+v", sw)
	}
	st, err := db.Stats(10)
	if err != nil || st.Questions != 1 || st.UpVotes != 1 || st.DownVotes != 0 {
		t.Errorf("after sweep: %+v %v", st, err)
	}
	if _, ok, _ := db.Load(ctx, 2); !ok {
		t.Error("a fresh state was swept")
	}
	if sw, _ := db.Sweep(DefaultRetention); sw != (Swept{}) {
		t.Errorf("second sweep removed %+v", sw)
	}
}

func TestRunRetentionStopsAndLogs(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	now := time.Now()
	db := open(t, filepath.Join(t.TempDir(), "s.db"), WithLogger(slog.New(slog.NewTextHandler(&lockedWriter{&logs, &mu}, nil))))
	defer db.Close()
	logQ(db, dialog.Asked{ChatID: 1, Question: "旧", Time: now.Add(-2 * time.Hour)})
	c, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { db.RunRetention(c, time.Hour, time.Hour); close(done) }()
	deadline := time.After(5 * time.Second)
	for {
		mu.Lock()
		s := logs.String()
		mu.Unlock()
		if strings.Contains(s, "retention sweep") && strings.Contains(s, "questions=1") {
			break
		}
		select {
		case <-deadline:
			t.Fatalf("no sweep logged: %q", s)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("RunRetention did not stop")
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
