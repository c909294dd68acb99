package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policybot/dialog/store"
)

// TestBackupChecksAdminStore: while the local store is locked, backup
// fetches the snapshot from the admin listener, and writes it only if that
// listener serves this data dir's store.
func TestBackupChecksAdminStore(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	db, err := store.Open(filepath.Join(dir, storeFile), time.Second) // the "running bot"
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	otherDB, err := store.Open(filepath.Join(other, storeFile), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	otherDB.Close()
	for _, tt := range []struct {
		name, served string
		ok           bool
		want         string
	}{
		{"same store", storePath(dir), true, ""},
		{"same store, other spelling", filepath.Join(dir, ".", storeFile), true, ""},
		{"another bot's store", storePath(other), false, "serves " + storePath(other)},
		{"no header", "", false, "does not say which store"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.served != "" {
					w.Header().Set(storeHeader, tt.served)
				}
				w.Write([]byte("snapshot"))
			}))
			defer srv.Close()
			dest := filepath.Join(t.TempDir(), "snap.db")
			tokenFile := filepath.Join(t.TempDir(), "admin-token")
			if err := os.WriteFile(tokenFile, []byte("test-admin-token-0123456789\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runCmd(t, "", "backup", "--data-dir", dir, "--admin-url", srv.URL, "--admin-token-file", tokenFile, dest)
			_, statErr := os.Stat(dest)
			if tt.ok && (code != 0 || statErr != nil) {
				t.Errorf("exit %d, %s, %v", code, stderr, statErr)
			}
			if !tt.ok && (code == 0 || statErr == nil || !strings.Contains(stderr, tt.want)) {
				t.Errorf("exit %d, file written: %v, stderr %q", code, statErr == nil, stderr)
			}
		})
	}
}

// A symlink planted where a backup used to stage its file (FILE.tmp) is
// not followed: the backup writes a new file of its own and renames it
// into place, and what the link points to stays untouched.
func TestBackupIgnoresPlantedSymlink(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, storeFile), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("precious"), 0o600)
	dest := filepath.Join(out, "snap.db")
	if err := os.Symlink(victim, dest+".tmp"); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "", "backup", "--data-dir", dir, dest); code != 0 {
		t.Fatalf("backup: exit %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the symlink's target was overwritten: %q", b)
	}
	if problems, err := store.Check(dest, time.Second); err != nil || len(problems) != 0 {
		t.Errorf("the backup: %v %v", problems, err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 { // snap.db and the planted link
		t.Errorf("files left beside the backup: %v", entries)
	}
}
