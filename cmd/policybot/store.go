package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"policybot/dialog/store"
)

const storeUsage = `usage: policybot store check [--data-dir DIR | --file FILE | --store etcd://…]
       policybot store restore --store etcd://… FILE

Check the chat store (<data-dir>/policybot.db, or FILE, e.g. a backup) for
damage: its meta pages and size, the structure of every page, and bbolt's
own consistency check. Prints "ok" or the problems found and exits 1 if
there are any. The bot must be stopped (it holds the store); to check a
running bot's store, check a backup: policybot backup snap.db &&
policybot store check --file snap.db

With --store etcd://… (and the --etcd-* flags serve uses) the check reads
every key of the bot in etcd, while the replicas run: records that do not
decode, journal entries missing from the pending index and the reverse.
"store restore" replaces the bot's keys in etcd with a snapshot that
"policybot backup --store etcd://… FILE" wrote; stop every replica first.

A damaged store: restore a backup, or start the bot once with
--on-damaged-store=move-aside (it renames the damaged file and starts empty).

Examples:
  policybot store check --data-dir /var/lib/policybot
  policybot store check --file /var/backups/policybot-snapshot.db`

func runStore(env *environment, args []string) error {
	if len(args) > 0 && args[0] == "restore" {
		return runStoreRestore(env, args[1:])
	}
	if len(args) == 0 || args[0] != "check" {
		if len(args) == 0 || args[0] != "-h" && args[0] != "--help" && args[0] != "help" {
			return usageError("store needs a subcommand: policybot store check, policybot store restore")
		}
		args = []string{"check", "--help"} // the usage and every flag
	}
	fs := newFlagSet("store check", storeUsage, env.stderr)
	dataDir := fs.string("data-dir", "./data", "data directory holding policybot.db")
	file := fs.string("file", "", "check this store file instead (e.g. a backup)")
	sf := addStoreFlags(fs)
	eps, err := sf.parse(fs, args[1:])
	if err != nil {
		return err
	}
	if eps != nil {
		return checkEtcd(env, sf, eps)
	}
	path := *file
	if path == "" {
		path = filepath.Join(*dataDir, storeFile)
	}
	problems, err := store.Check(path, lockTimeout)
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("%w: %s; stop the bot, or check a backup (policybot backup snap.db && policybot store check --file snap.db)", store.ErrLocked, path)
	}
	if err != nil {
		return err
	}
	return reportCheck(env, path, problems, "restore a backup or start with --on-damaged-store=move-aside")
}

// reportCheck prints store check's verdict on where and fails when it
// found problems, saying what to do about them.
func reportCheck(env *environment, where string, problems []error, remedy string) error {
	if len(problems) == 0 {
		fmt.Fprintf(env.stdout, "%s: ok\n", where)
		return nil
	}
	fmt.Fprintf(env.stdout, "%s: damaged\n", where)
	for _, p := range problems {
		fmt.Fprintf(env.stdout, "  - %v\n", p)
	}
	return fmt.Errorf("%s is damaged (%d problem(s)); %s", where, len(problems), remedy)
}

// checkEtcd is store check of an etcd store.
func checkEtcd(env *environment, sf storeFlags, eps []string) error {
	s, closeAll, err := sf.openEtcdStore(env.ctx, eps, slog.New(slog.NewTextHandler(env.stderr, nil)))
	if err != nil {
		return err
	}
	defer closeAll()
	problems, err := s.Check(env.ctx)
	if err != nil {
		return err
	}
	return reportCheck(env, *sf.store+" "+*sf.prefix, problems, "restore a backup (policybot store restore)")
}

// runStoreRestore is store restore: a snapshot back into etcd.
func runStoreRestore(env *environment, args []string) error {
	fs := newFlagSet("store restore", storeUsage, env.stderr)
	fs.acceptArgs()
	sf := addStoreFlags(fs)
	eps, err := sf.parse(fs, args)
	if err != nil {
		return err
	}
	if eps == nil || fs.NArg() != 1 {
		return usageError("store restore needs --store etcd://… and one FILE (a bbolt store is restored by copying the file: deploy/README.md §7)")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	s, closeAll, err := sf.openEtcdStore(env.ctx, eps, slog.New(slog.NewTextHandler(env.stderr, nil)))
	if err != nil {
		return err
	}
	defer closeAll()
	n, err := s.RestoreEtcd(env.ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "restored %d keys into %s %s\n", n, *sf.store, *sf.prefix)
	return nil
}
