package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/seeds"
)

func testApp(t *testing.T, seedPath string) *app {
	t.Helper()
	dir, empty := t.TempDir(), ""
	f := appFlags{indexFlags: indexFlags{seeds: &seedPath, dataDir: &dir, dictDir: &empty}}
	a, err := openApp(&environment{ctx: context.Background()}, f, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// TestReloadUnderLoad swaps the guide 20 times while chats keep talking:
// no turn may fail or come back empty.
func TestReloadUnderLoad(t *testing.T) {
	dir := t.TempDir()
	seedA := filepath.Join(dir, "seed.txt")
	orig, err := os.ReadFile(filepath.Join("..", "..", "seeds", seeds.EmbeddedName))
	if err != nil {
		t.Fatal(err)
	}
	variant := append([]byte("本段为测试用的附加说明。\n"), orig...) // another hash, same measures
	os.WriteFile(seedA, orig, 0o644)
	a := testApp(t, seedA)

	stop := make(chan struct{})
	var turns, failures atomic.Int64
	var wg sync.WaitGroup
	for c := int64(1); c <= 4; c++ {
		wg.Add(1)
		go func(chat int64) {
			defer wg.Done()
			qs := []string{"社保能缓交吗", "找谁办", "房租能减免吗", "人社局电话"}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				rs, err := a.engine.Handle(context.Background(), chat, dialog.Event{Kind: dialog.Message, Text: qs[i%len(qs)]})
				turns.Add(1)
				if err != nil || len(rs) == 0 || rs[0].Text == "" {
					failures.Add(1)
					t.Errorf("chat %d turn %d: %v %+v", chat, i, err, rs)
				}
			}
		}(c)
	}
	changed := 0
	for i := 0; i < 20; i++ {
		content := orig
		if i%2 == 0 {
			content = variant
		}
		os.WriteFile(seedA, content, 0o644)
		ok, err := a.reload()
		if err != nil {
			t.Fatalf("reload %d: %v", i, err)
		}
		if ok {
			changed++
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if changed != 20 || failures.Load() > 0 {
		t.Errorf("%d reloads swapped, %d of %d turns failed", changed, failures.Load(), turns.Load())
	}
	t.Logf("%d turns during 20 reloads", turns.Load())

	// A lexicon change loads a new jieba segmenter; the old one is freed
	// once its index is closed. Turns must keep working through it.
	stop2 := make(chan struct{})
	var wg2 sync.WaitGroup
	wg2.Add(1)
	go func() {
		defer wg2.Done()
		for i := 0; ; i++ {
			select {
			case <-stop2:
				return
			default:
			}
			rs, err := a.engine.Handle(context.Background(), 77, dialog.Event{Kind: dialog.Message, Text: "小卖部房租能减吗"})
			if err != nil || len(rs) == 0 || rs[0].Text == "" {
				t.Errorf("turn during lexicon reload: %v %+v", err, rs)
			}
		}
	}()
	for i := 0; i < 3; i++ {
		os.WriteFile(filepath.Join(*a.flags.dataDir, "synonyms.txt"), []byte(fmt.Sprintf("小卖部%d => 零售\n", i)), 0o644)
		if ok, err := a.reload(); !ok || err != nil {
			t.Fatalf("lexicon reload %d: %v %v", i, ok, err)
		}
	}
	close(stop2)
	wg2.Wait()

	// Unchanged seeds: nothing to do.
	if ok, err := a.reload(); ok || err != nil {
		t.Errorf("reload of unchanged seeds: %v %v", ok, err)
	}
	// A seed that fails to parse, or parses to nothing, leaves the running
	// index alone.
	before := a.engine.Index()
	for _, bad := range []string{"\x00\x01binary", "broken", ""} {
		os.WriteFile(seedA, []byte(bad), 0o644)
		if _, err := a.reload(); err == nil || a.engine.Index() != before {
			t.Errorf("bad seed %q: err %v, index swapped %v", bad, err, a.engine.Index() != before)
		}
	}
	rs, _ := a.engine.Handle(context.Background(), 9, dialog.Event{Kind: dialog.Message, Text: "社保能缓交吗"})
	if !strings.Contains(rs[0].Text, "010-69050322") {
		t.Error("index unusable after a failed reload")
	}
}

// TestSecondProcessRefused: a second app on the same data dir fails fast
// with a clear message instead of hanging.
func TestSecondProcessRefused(t *testing.T) {
	dir, empty, seedPath := t.TempDir(), "", ""
	f := appFlags{indexFlags: indexFlags{seeds: &seedPath, dataDir: &dir, dictDir: &empty}}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := openApp(&environment{ctx: context.Background()}, f, logger, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	start := time.Now()
	_, err = openApp(&environment{ctx: context.Background()}, f, logger, nil)
	if err == nil || !strings.Contains(err.Error(), "in use") || time.Since(start) > 10*time.Second {
		t.Fatalf("second open after %v: %v", time.Since(start), err)
	}
}

// TestReloadAddsAndRemovesGuide serves a directory of guides and reloads
// after a guide is added and after one is removed, while chats keep
// talking: no turn fails or comes back empty, the added district answers,
// and a chat whose guide is gone is asked for its district again.
func TestReloadAddsAndRemovesGuide(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "guides")
	src := filepath.Join("..", "..", "seeds", "testdata", "guides")
	add := func(name string) {
		data, err := os.ReadFile(filepath.Join(src, name, "guide.txt"))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, name), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name, "guide.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	add("huairou-2022")
	add("pinggu-2023")
	a := testApp(t, dir)
	if n := len(a.engine.Guides()); n != 2 {
		t.Fatalf("%d guides served, want 2", n)
	}
	say := func(chat int64, text string) dialog.Reply {
		rs, err := a.engine.Handle(context.Background(), chat, dialog.Event{Kind: dialog.Message, Text: text})
		if err != nil || len(rs) == 0 || rs[0].Text == "" {
			t.Errorf("chat %d %q: %v %+v", chat, text, err, rs)
			return dialog.Reply{}
		}
		return rs[0]
	}
	if r := say(2, "我在平谷，首贷有贴息吗"); r.Guide != "pinggu-2023" {
		t.Fatalf("answered from %q, want pinggu-2023", r.Guide)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var turns atomic.Int64
	wg.Go(func() {
		qs := []string{"我在怀柔，社保能缓缴吗", "找谁办", "房租能减免吗", "谢谢"}
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			say(1, qs[i%len(qs)])
			turns.Add(1)
		}
	})
	add("tongzhou-2020")
	if ok, err := a.reload(); !ok || err != nil {
		t.Fatalf("reload after adding a guide: %v %v", ok, err)
	}
	if r := say(3, "我在通州，社保能缓缴吗"); r.Guide != "tongzhou-2020" {
		t.Errorf("the added guide: answered from %q\n%s", r.Guide, r.Text)
	}
	os.RemoveAll(filepath.Join(dir, "pinggu-2023"))
	if ok, err := a.reload(); !ok || err != nil {
		t.Fatalf("reload after removing a guide: %v %v", ok, err)
	}
	close(stop)
	wg.Wait()
	if n := len(a.engine.Guides()); n != 2 {
		t.Errorf("%d guides served after the removal, want 2", n)
	}
	// The removed guide's index and the earlier sets' dictionaries are gone.
	entries, _ := os.ReadDir(filepath.Join(*a.flags.dataDir, "index"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 3 {
		t.Errorf("index directory holds %v, want the two guides' and one dictionary", names)
	}
	if r := say(2, "找谁办"); r.Guide != "" || r.Kind != seeds.KindPlace {
		t.Errorf("a chat whose guide is gone: kind %s from %q, want the district asked\n%s", r.Kind, r.Guide, r.Text)
	}
	t.Logf("%d turns during the reloads", turns.Load())
}
