package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index"
	"policybot/seeds"
)

// appFlags are the flags of every command that runs the dialog.
type appFlags struct {
	indexFlags
}

func addAppFlags(fs *flagSet) appFlags {
	return appFlags{addIndexFlags(fs)}
}

// app is the wired pipeline: seeds → index → dialog, with the chat store.
type app struct {
	engine *dialog.Engine
	index  *index.Index
	store  *store.DB
	flags  appFlags
	logger *slog.Logger
}

// storeFile is the chat store inside the data directory. bbolt's file
// lock on it is what keeps two processes off one data directory.
const storeFile = "policybot.db"

// lockTimeout is how long a second process waits for the data directory.
const lockTimeout = 3 * time.Second

func openApp(env *environment, f appFlags, logger *slog.Logger) (*app, error) {
	if err := os.MkdirAll(*f.dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	db, err := store.Open(filepath.Join(*f.dataDir, storeFile), lockTimeout, store.WithLogger(logger))
	if err != nil {
		if errors.Is(err, store.ErrLocked) {
			return nil, fmt.Errorf("%w (data dir %s); stop the other process or use another --data-dir", store.ErrLocked, *f.dataDir)
		}
		return nil, err
	}
	ix, err := f.open()
	if err != nil {
		db.Close()
		return nil, err
	}
	return &app{engine: dialog.New(ix, db), index: ix, store: db, flags: f, logger: logger}, nil
}

// reload re-reads the seeds, builds the new index beside the old one and
// swaps it in; turns in flight finish on the old index. A seed that fails
// to parse leaves the running index untouched.
func (a *app) reload() error {
	g, err := seeds.Load(*a.flags.seeds)
	if err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	ix, err := index.Open(g, index.WithDataDir(*a.flags.dataDir), index.WithDictDir(*a.flags.dictDir))
	if err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	old := a.engine.Index()
	a.engine.SetIndex(ix)
	a.index = ix
	if old != ix {
		// In-flight turns hold the old index only for microseconds; give
		// them a moment before closing it.
		time.AfterFunc(5*time.Second, func() { old.Close() })
	}
	return nil
}

// Close closes the index and the store.
func (a *app) Close() error {
	return errors.Join(a.engine.Index().Close(), a.store.Close())
}
