package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
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

Examples:
  policybot backup /var/backups/policybot-$(date +%F).db
  policybot backup --admin-url http://127.0.0.1:9090 snapshot.db`

func runBackup(env *environment, args []string) error {
	fs := newFlagSet("backup", backupUsage, env.stderr)
	fs.acceptArgs()
	dataDir := fs.string("data-dir", "./data", "data directory holding policybot.db")
	adminURL := fs.string("admin-url", defaultAdminURL(), "admin listener of a running server, used when the store is locked (default: from $POLICYBOT_ADMIN_LISTEN)")
	adminTokenFile := fs.string("admin-token-file", "", "file holding the admin token for --admin-url; empty = use $POLICYBOT_ADMIN_TOKEN")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("backup needs exactly one FILE")
	}
	dest := fs.Arg(0)
	tmp := dest + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	n, src, err := snapshot(out, filepath.Join(*dataDir, storeFile), *adminURL, *adminTokenFile, env)
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
