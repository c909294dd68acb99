package admin

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index"
	"policybot/seeds"
)

// fill logs n questions of size bytes each from 32 writers.
func fill(t *testing.T, db *store.DB, n, size int) {
	t.Helper()
	text := strings.Repeat("填", size/3)
	var wg sync.WaitGroup
	for w := 0; w < 32; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += 32 {
				logAsked(t, db, dialog.Asked{ChatID: int64(100000 + i), Question: text, Kind: seeds.KindNone, Time: time.Now()})
			}
		}(w)
	}
	wg.Wait()
}

// TestStalledBackupDoesNotBlockTurns: a client requests /backup of a 24
// MB store and then reads nothing. Meanwhile the store grows by 12 MB
// (which makes bbolt remap its file, something a read transaction open for
// the whole download would block) and chats keep taking turns: every turn
// must finish while the reader is still stalled.
func TestStalledBackupDoesNotBlockTurns(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 36 MB")
	}
	f := newFixture(t, fixtureConfig{token: testToken})
	fill(t, f.db, 3000, 8<<10)

	conn, err := net.Dial("tcp", f.srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n", testToken)
	br := bufio.NewReaderSize(conn, 1024)
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	status, err := br.ReadString('\n')
	if err != nil || !strings.Contains(status, " 200 ") {
		t.Fatalf("backup status: %q %v", status, err)
	}
	// From here on nothing is read: the server's writes fill the socket
	// buffers and block.

	done := make(chan time.Duration, 1)
	go func() {
		start := time.Now()
		fill(t, f.db, 1500, 8<<10)
		var worst time.Duration
		for i := 0; i < 20; i++ {
			t0 := time.Now()
			f.ask(int64(i%4+1), "社保能缓交吗")
			if d := time.Since(t0); d > worst {
				worst = d
			}
		}
		t.Logf("store grew by 12 MB in %v; worst of 20 turns %v, all while the backup reader stalled",
			time.Since(start).Round(time.Millisecond), worst.Round(time.Microsecond))
		done <- worst
	}()
	select {
	case worst := <-done:
		if worst > 2*time.Second {
			t.Errorf("a turn took %v during a stalled backup", worst)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("turns blocked for 20 s while a backup reader stalled")
	}

	// The stalled download is still complete and consistent once read.
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(io.MultiReader(strings.NewReader(status), br)), nil)
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil || n != resp.ContentLength || n < 20<<20 {
		t.Errorf("backup body: %d of %d bytes, %v", n, resp.ContentLength, err)
	}
	// The handler removes its staging file as it returns.
	for wait := time.Now().Add(2 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		m, _ := filepath.Glob(filepath.Join(f.dir, ".backup-*"))
		if len(m) == 0 {
			break
		}
		if time.Now().After(wait) {
			t.Errorf("staging files left: %v", m)
			break
		}
	}
}

func TestStagingFilesOfEarlierRunsRemoved(t *testing.T) {
	dir := t.TempDir()
	guide := filepath.Join(index.GuidesDir, "2022-06-18-0123abcd")
	os.MkdirAll(filepath.Join(dir, guide), 0o755)
	left := []string{".backup-123.db", filepath.Join(guide, ".examples.txt.456")}
	for _, name := range append(left, filepath.Join(guide, "examples.txt"), "policybot.db") {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	if _, err := New(WithHealth(health), WithDataDir(dir)); err != nil {
		t.Fatal(err)
	}
	for _, name := range left {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s left in place", name)
		}
	}
	for _, name := range []string{filepath.Join(guide, "examples.txt"), "policybot.db"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s removed: %v", name, err)
		}
	}
}
