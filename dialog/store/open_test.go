package store

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/seeds"
)

// populated writes a store with states, feedback and 400 logged questions
// (several hundred KB over many pages) and returns its bytes.
func populated(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	now := time.Now()
	var wg sync.WaitGroup // concurrent writes share batched transactions: fast
	for w := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 400; i += 40 {
				chat := int64(w)
				q := dialog.Asked{ChatID: chat, Question: fmt.Sprintf("问题%d：%s", i, strings.Repeat("社保能缓交吗", 1+i%30)), Kind: seeds.KindNone, Time: now}
				if err := logQ(db, q); err != nil {
					t.Error(err)
				}
				if i%10 == 0 {
					save(db, chat, dialog.State{Mode: dialog.Answered, Measure: 2, Question: q.Question, Updated: now})
					vote(db, dialog.Feedback{ChatID: chat, Question: q.Question, Measure: 2, Time: now})
				}
			}
		}()
	}
	wg.Wait()
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDamagedStore damages a store file the ways a disk or an operator can.
// Each open must end in a clear error naming the file and the remedy, or,
// when the damage touched nothing bbolt relies on, in a store whose stats
// still read; never a panic. With move-aside the damaged file is renamed
// and the bot starts with an empty store.
func TestDamagedStore(t *testing.T) {
	good := populated(t)
	const page = 4096
	type damage struct {
		name string
		do   func(b []byte) []byte
	}
	cases := []damage{
		{"half-truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"cut to 3 pages", func(b []byte) []byte { return b[:3*page] }},
		{"cut mid-page", func(b []byte) []byte { return b[:len(b)-page/2] }},
		{"zeroed file", func(b []byte) []byte { return make([]byte, len(b)) }},
		{"zeroed meta pages", func(b []byte) []byte { clear(b[:2*page]); return b }},
		{"zeroed meta page 0", func(b []byte) []byte { clear(b[:page]); return b }},
	}
	// Always detected: nothing of the store is left to read.
	refusedAlways := map[string]bool{"empty file": true, "cut to 100 bytes": true}
	cases = append(cases,
		damage{"empty file", func([]byte) []byte { return nil }},
		damage{"cut to 100 bytes", func(b []byte) []byte { return b[:100] }})
	for first := 2; first*page < len(good); first += 7 {
		cases = append(cases, damage{fmt.Sprintf("zeroed pages %d-%d", first, first+2), func(b []byte) []byte {
			clear(b[first*page : min((first+3)*page, len(b))])
			return b
		}})
	}
	for seed := uint64(1); seed <= 100; seed++ {
		cases = append(cases, damage{fmt.Sprintf("200 bit flips #%d", seed), func(b []byte) []byte {
			rng := rand.New(rand.NewPCG(seed, 3))
			for range 200 {
				b[rng.IntN(len(b))] ^= 1 << rng.IntN(8)
			}
			return b
		}})
	}
	var refused, opened, movedAside int
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "policybot.db")
			if err := os.WriteFile(path, c.do(bytes.Clone(good)), 0o600); err != nil {
				t.Fatal(err)
			}
			db, err := Open(path, time.Second)
			switch {
			case err == nil && refusedAlways[c.name]:
				db.Close()
				t.Fatalf("opened as if it were a store")
			case err == nil:
				// Undetectable by bbolt (free pages, values): the store
				// must still read without a panic.
				st, err := db.Stats(10)
				if err != nil {
					t.Logf("stats: %v", err)
				}
				if st.Questions+st.Unreadable > 400 {
					t.Errorf("stats: %d questions + %d unreadable from 400", st.Questions, st.Unreadable)
				}
				db.Close()
				opened++
				return
			case !errors.Is(err, ErrDamaged):
				t.Fatalf("open: %v, want ErrDamaged", err)
			case !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move-aside") || !strings.Contains(err.Error(), "backup"):
				t.Errorf("error does not name the file and the remedies: %v", err)
			}
			refused++

			var logs bytes.Buffer
			db, err = Open(path, time.Second, WithDamagePolicy(MoveAsideOnDamage), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			if err != nil {
				t.Fatalf("move-aside: %v", err)
			}
			defer db.Close()
			if st, err := db.Stats(10); err != nil || st.Questions != 0 {
				t.Errorf("after move-aside: %+v %v", st, err)
			}
			aside, _ := filepath.Glob(path + ".damaged-*")
			if len(aside) != 1 || !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), aside[0]) {
				t.Errorf("moved aside to %v; log %q", aside, logs.String())
			}
			movedAside++
		})
	}
	t.Logf("store damage: %d tried: %d refused with ErrDamaged (then moved aside: %d), %d harmless to bbolt and read; 0 panics",
		len(cases), refused, movedAside, opened)
	if refused < len(cases)/2 {
		t.Errorf("only %d of %d damaged files detected", refused, len(cases))
	}
}

// TestCheck: Check finds the damage Open refuses, and passes a good file.
func TestCheck(t *testing.T) {
	good := populated(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "good.db")
	os.WriteFile(path, good, 0o600)
	if problems, err := Check(path, time.Second); err != nil || len(problems) != 0 {
		t.Errorf("good file: %v %v", problems, err)
	}
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, good[:len(good)/2], 0o600)
	if problems, err := Check(bad, time.Second); err != nil || len(problems) == 0 {
		t.Errorf("half-truncated file: %v %v", problems, err)
	}
	os.WriteFile(bad, nil, 0o600)
	if problems, err := Check(bad, time.Second); err != nil || len(problems) != 1 || !errors.Is(problems[0], errEmpty) {
		t.Errorf("empty file: %v %v", problems, err)
	}
	db := open(t, path)
	defer db.Close()
	if _, err := Check(path, 200*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("check of a store in use: %v", err)
	}
}

func TestDamagePolicyParse(t *testing.T) {
	for in, want := range map[string]DamagePolicy{"fail": FailOnDamage, "": FailOnDamage, "move-aside": MoveAsideOnDamage} {
		if got, err := ParseDamagePolicy(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	if _, err := ParseDamagePolicy("delete"); err == nil {
		t.Error("unknown policy accepted")
	}
}

// TestOpenInUseIsNotDamage: while a bot commits turns to the store, a
// second open (as `policybot stats` or a second bot would) must say the
// store is in use; its checks must not read pages the bot is rewriting as
// damage, and move-aside must never rename the bot's live file.
func TestOpenInUseIsNotDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	os.WriteFile(path, populated(t), 0o600)
	db := open(t, path)
	defer db.Close()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // a bot at work
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			logQ(db, dialog.Asked{ChatID: int64(i % 50), Question: strings.Repeat("房租能减免吗", 1+i%40), Time: time.Now()})
		}
	}()
	for range 5 {
		_, err := Open(path, 100*time.Millisecond, WithDamagePolicy(MoveAsideOnDamage))
		if !errors.Is(err, ErrLocked) || errors.Is(err, ErrDamaged) {
			t.Errorf("second open of a store in use: %v, want ErrLocked", err)
		}
	}
	close(stop)
	<-done
	if matches, _ := filepath.Glob(path + ".damaged-*"); len(matches) > 0 {
		t.Errorf("the live store was moved aside: %v", matches)
	}
}
