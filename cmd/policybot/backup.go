package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"policybot/dialog/store"
)

const backupUsage = `usage: policybot backup [--data-dir DIR] [--admin-url URL] FILE

Write a consistent snapshot of the chat store (<data-dir>/policybot.db: chat
state, feedback, question log) to FILE. While the bot runs it holds the
store's lock, so the snapshot is taken by the running server through its
admin listener (GET /backup); otherwise the store is read directly. The
index and the dictionaries need no backup: they are rebuilt from the seeds.

Restore: stop the bot, copy FILE to <data-dir>/policybot.db, start the bot.

With --store etcd://… (and the --etcd-* flags serve uses) the snapshot is
of the bot's keys in etcd, read at one revision while the replicas run;
policybot store restore --store etcd://… FILE puts it back.

Examples:
  policybot backup /var/backups/policybot-$(date +%F).db
  policybot backup --admin-url http://127.0.0.1:9090 snapshot.db`

func runBackup(env *environment, args []string) error {
	fs := newFlagSet("backup", backupUsage, env.stderr)
	fs.acceptArgs()
	dataDir := fs.string("data-dir", "./data", "data directory holding policybot.db")
	adminURL := fs.string("admin-url", defaultAdminURL(), "admin listener of a running server, used when the store is locked (default: from $POLICYBOT_ADMIN_LISTEN)")
	adminTokenFile := fs.string("admin-token-file", "", "file holding the admin token for --admin-url; empty = use $POLICYBOT_ADMIN_TOKEN")
	sf := addStoreFlags(fs)
	eps, err := sf.parse(fs, args)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("backup needs exactly one FILE")
	}
	dest := fs.Arg(0)
	out, err := createStaging(dest)
	if err != nil {
		return err
	}
	tmp := out.Name()
	var n int64
	var src string
	if eps != nil {
		n, src, err = snapshotEtcd(out, sf, eps, env)
	} else {
		n, src, err = snapshot(out, filepath.Join(*dataDir, storeFile), *adminURL, *adminTokenFile, env)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "backup: %d bytes from %s written to %s\n", n, src, dest)
	return nil
}

// createStaging creates a new, empty file for the snapshot beside dest
// (so that the final rename stays on one file system), under a random name
// and with O_EXCL|O_NOFOLLOW: a file or symlink planted under a name the
// backup would use is never opened, let alone overwritten through.
func createStaging(dest string) (*os.File, error) {
	dir, base := filepath.Split(dest)
	if dir == "" {
		dir = "."
	}
	for range 10 {
		var r [8]byte
		rand.Read(r[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("backup: creating the staging file: %w", err)
		}
		return f, nil
	}
	return nil, fmt.Errorf("backup: no free staging file name in %s", dir)
}

func snapshot(w io.Writer, path, adminURL, tokenFile string, env *environment) (int64, string, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, "", err
	}
	db, err := store.Open(path, 500*time.Millisecond, store.WithLogger(slog.New(slog.NewTextHandler(env.stderr, nil))))
	if err == nil {
		defer db.Close()
		n, err := db.Backup(w)
		return n, path, err
	}
	if !errors.Is(err, store.ErrLocked) {
		return 0, "", err
	}
	req, err := http.NewRequestWithContext(env.ctx, http.MethodGet, adminURL+"/backup", nil)
	if err != nil {
		return 0, "", err
	}
	token, err := readAdminToken(tokenFile)
	if err != nil {
		return 0, "", err
	}
	if token == "" {
		return 0, "", usageError("the store is in use, and fetching it from the admin listener needs the admin token: set %s or pass --admin-token-file", adminTokenEnv)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", fmt.Errorf("the store is in use and the admin listener did not answer: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, "", fmt.Errorf("admin listener: %s", resp.Status)
	}
	if err := sameStore(path, resp.Header.Get(storeHeader), adminURL); err != nil {
		return 0, "", err
	}
	n, err := io.Copy(w, resp.Body)
	return n, adminURL + "/backup", err
}

// defaultAdminURL is the admin listener serve would use with the same
// environment: POLICYBOT_ADMIN_LISTEN, with a wildcard host made local.
func defaultAdminURL() string {
	addr := os.Getenv(envName("admin-listen"))
	if addr == "" {
		addr = "127.0.0.1:9090"
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://127.0.0.1:9090"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// snapshotEtcd writes a snapshot of an etcd store's keys.
func snapshotEtcd(w io.Writer, sf storeFlags, eps []string, env *environment) (int64, string, error) {
	s, closeAll, err := sf.openEtcdStore(env.ctx, eps, slog.New(slog.NewTextHandler(env.stderr, nil)))
	if err != nil {
		return 0, "", err
	}
	defer closeAll()
	n, err := s.Backup(w)
	return n, *sf.store + " " + *sf.prefix, err
}
