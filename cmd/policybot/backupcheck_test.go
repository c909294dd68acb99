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
