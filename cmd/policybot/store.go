package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"policybot/dialog/store"
)

const storeUsage = `usage: policybot store check [--data-dir DIR | --file FILE]

Check the chat store (<data-dir>/policybot.db, or FILE, e.g. a backup) for
damage: its meta pages and size, the structure of every page, and bbolt's
own consistency check. Prints "ok" or the problems found and exits 1 if
there are any. The bot must be stopped (it holds the store); to check a
running bot's store, check a backup: policybot backup snap.db &&
policybot store check --file snap.db

A damaged store: restore a backup, or start the bot once with
--on-damaged-store=move-aside (it renames the damaged file and starts empty).

Examples:
  policybot store check --data-dir /var/lib/policybot
  policybot store check --file /var/backups/policybot-snapshot.db`

func runStore(env *environment, args []string) error {
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(env.stdout, storeUsage)
			return nil
		}
		return usageError("store needs a subcommand: policybot store check")
	}
	fs := newFlagSet("store check", storeUsage, env.stderr)
	dataDir := fs.string("data-dir", "./data", "data directory holding policybot.db")
	file := fs.String("file", "", "check this store file instead (e.g. a backup)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
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
	if len(problems) == 0 {
		fmt.Fprintf(env.stdout, "%s: ok\n", path)
		return nil
	}
	fmt.Fprintf(env.stdout, "%s: damaged\n", path)
	for _, p := range problems {
		fmt.Fprintf(env.stdout, "  - %v\n", p)
	}
	return fmt.Errorf("%s is damaged (%d problem(s)); restore a backup or start with --on-damaged-store=move-aside", path, len(problems))
}
