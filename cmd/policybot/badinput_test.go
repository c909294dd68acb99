package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/dialog/store"
)

// TestBadInputs: each bad input an operator can give gets a clear error
// naming what was wrong, never a panic or silent acceptance.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string // in stderr
	}{
		{"negative --top", nil, []string{"stats", "--data-dir", dir, "--top", "-5"}, 2, "--top: must be at least 1"},
		{"zero --top", nil, []string{"stats", "--data-dir", dir, "--top", "0"}, 2, "--top: must be at least 1"},
		{"negative POLICYBOT_TOP", map[string]string{"POLICYBOT_TOP": "-1"}, []string{"stats", "--data-dir", dir}, 2, `POLICYBOT_TOP="-1": must be at least 1`},
		{"non-number POLICYBOT_TOP", map[string]string{"POLICYBOT_TOP": "ten"}, []string{"stats", "--data-dir", dir}, 2, `POLICYBOT_TOP="ten" is not a whole number`},
		{"bad boolean POLICYBOT_JSON", map[string]string{"POLICYBOT_JSON": "yes please"}, []string{"guide"}, 2, `POLICYBOT_JSON="yes please" is not a boolean`},
		{"bad POLICYBOT_ON_DAMAGED_STORE", map[string]string{"POLICYBOT_ON_DAMAGED_STORE": "delete"}, []string{"chat", "--data-dir", dir}, 2, `POLICYBOT_ON_DAMAGED_STORE="delete": must be one of fail, move-aside`},
		{"bad --on-damaged-store", nil, []string{"chat", "--data-dir", dir, "--on-damaged-store", "ignore"}, 2, "--on-damaged-store: must be one of"},
		{"bad --time-zone", nil, []string{"chat", "--data-dir", dir, "--time-zone", "Mars/Olympus"}, 2, `--time-zone: unknown time zone "Mars/Olympus"`},
		{"bad POLICYBOT_TIME_ZONE", map[string]string{"POLICYBOT_TIME_ZONE": "CST+8"}, []string{"chat", "--data-dir", dir}, 2, `POLICYBOT_TIME_ZONE="CST+8": unknown time zone "CST+8"`},
		{"extra argument to stats", nil, []string{"stats", "--data-dir", dir, "extra"}, 2, `stats takes no arguments, got "extra"`},
		{"extra argument to chat", nil, []string{"chat", "--data-dir", dir, "now"}, 2, "chat takes no arguments"},
		{"extra argument to index", nil, []string{"index", "--data-dir", dir, "x", "y"}, 2, `index takes no arguments, got "x y"`},
		{"extra argument to version", nil, []string{"version", "x"}, 2, "version takes no arguments"},
		{"store without subcommand", nil, []string{"store"}, 2, "store needs a subcommand"},
		{"bad --store to stats", nil, []string{"stats", "--data-dir", dir, "--store", "mysql://db:3306"}, 2, `--store must be empty (bbolt) or etcd://host:port`},
		{"bad --store to store check", nil, []string{"store", "check", "--data-dir", dir, "--store", "etcd://"}, 2, `--store must be empty (bbolt) or etcd://host:port`},
		{"bad --store to store restore", nil, []string{"store", "restore", "--store", "etcd://db:2379/x", filepath.Join(dir, "snap.db")}, 2, `--store: "db:2379/x" is not host:port`},
		{"bad --store to backup", nil, []string{"backup", "--data-dir", dir, "--store", "bolt://x", filepath.Join(dir, "snap.db")}, 2, `--store must be empty (bbolt) or etcd://host:port`},
		{"FIFO as seed", nil, []string{"guide", "--seeds", "FIFO"}, 1, "not a regular file"},
	}
	fifo := filepath.Join(t.TempDir(), "seed.txt")
	if err := mkfifo(fifo); err != nil {
		t.Log("no FIFO:", err)
	}
	handled := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			args := append([]string{}, tt.args...)
			for i, a := range args {
				if a == "FIFO" {
					args[i] = fifo
				}
			}
			code, _, stderr := runCmd(t, "", args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
			} else {
				handled++
			}
		})
	}
	t.Logf("bad inputs: %d tried, %d handled with a clear error", len(tests), handled)
}

// TestStatsEscapesUserText: stats shows control characters and bidi
// overrides users typed as escapes, not raw.
func TestStatsEscapesUserText(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, storeFile), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"\x1b[2J\x1b[31m清屏", "社保\u202e吗交缓能", "a\u2066b\u2069c\u200b", "bad\xffutf8"} {
		db.Commit(context.Background(), 1, dialog.Commit{Asked: []dialog.Asked{{ChatID: 1, Question: q, Time: time.Now()}}})
	}
	db.Close()
	code, out, stderr := runCmd(t, "", "stats", "--data-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, raw := range []string{"\x1b", "\u202e", "\u2066", "\u2069", "\u200b", "\xff"} {
		if strings.Contains(out, raw) {
			t.Errorf("stats printed %q raw:\n%s", raw, out)
		}
	}
	for _, esc := range []string{`\u001B[2J`, `社保\u202E吗交缓能`, `a\u2066b\u2069c\u200B`} { // invalid UTF-8 is stored as U+FFFD
		if !strings.Contains(out, esc) {
			t.Errorf("stats lacks %s:\n%s", esc, out)
		}
	}
}

// TestStoreCheckCommand: store check says ok for a good store and lists the
// damage of a damaged one, exit 1; chat refuses a damaged store and, with
// --on-damaged-store=move-aside, starts on an empty one.
func TestStoreCheckCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, storeFile)
	db, err := store.Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		db.Commit(context.Background(), int64(i), dialog.Commit{Asked: []dialog.Asked{{ChatID: int64(i), Question: strings.Repeat("社保能缓交吗", 20), Time: time.Now()}}})
	}
	db.Close()
	if code, out, stderr := runCmd(t, "", "store", "check", "--data-dir", dir); code != 0 || !strings.Contains(out, "ok") {
		t.Fatalf("good store: exit %d %q %q", code, out, stderr)
	}
	b, _ := os.ReadFile(path)
	os.WriteFile(path, b[:len(b)/2], 0o600)
	code, out, stderr := runCmd(t, "", "store", "check", "--file", path)
	if code != 1 || !strings.Contains(out, "damaged") || !strings.Contains(stderr, "move-aside") {
		t.Errorf("damaged store: exit %d %q %q", code, out, stderr)
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	code, out, stderr = runCmd(t, "", "store", "check", "--file", empty)
	if code != 1 || !strings.Contains(out, "empty (0 bytes)") || strings.Contains(out+stderr, "bad file descriptor") {
		t.Errorf("empty store file: exit %d %q %q", code, out, stderr)
	}
	code, _, stderr = runCmd(t, "社保能缓交吗\n", "chat", "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, path) || !strings.Contains(stderr, "damaged") {
		t.Errorf("chat on a damaged store: exit %d %q", code, stderr)
	}
	code, _, stderr = runCmd(t, "", "stats", "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, "damaged") || strings.Contains(stderr, "panic") {
		t.Errorf("stats on a damaged store: exit %d %q", code, stderr)
	}
	code, out, stderr = runCmd(t, "社保能缓交吗\n", "chat", "--data-dir", dir, "--on-damaged-store", "move-aside")
	if code != 0 || !strings.Contains(out, "010-69050322") {
		t.Errorf("chat with move-aside: exit %d %q %q", code, out, stderr)
	}
	if aside, _ := filepath.Glob(path + ".damaged-*"); len(aside) != 1 {
		t.Errorf("moved aside: %v", aside)
	}
}
