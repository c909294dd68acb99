package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"policybot/dialog"
	"policybot/dialog/store"
	"policybot/index"
	"policybot/seeds"
)

// appFlags are the flags of every command that runs the dialog.
type appFlags struct {
	indexFlags
	storeFlags
	onDamagedStore *string
}

func addAppFlags(fs *flagSet) appFlags {
	return appFlags{addIndexFlags(fs), addStoreFlags(fs), fs.oneOf("on-damaged-store", "fail", []string{"fail", "move-aside"},
		"when the chat store file is damaged: fail with an error, or move it aside (renamed with a timestamp) and start empty")}
}

// app is the wired pipeline: seeds → index → dialog, with the chat store.
type app struct {
	engine   *dialog.Engine
	store    store.Backend
	etcd     *store.Etcd // the store when it is etcd, else nil
	closeDB  func() error
	reloadMu sync.Mutex
	flags    appFlags
	logger   *slog.Logger
}

// storeFile is the chat store inside the data directory. bbolt's file
// lock on it is what keeps two processes off one data directory.
const storeFile = "policybot.db"

// lockTimeout is how long a second process waits for the data directory.
const lockTimeout = 3 * time.Second

func openApp(env *environment, f appFlags, logger *slog.Logger, etcdOpts ...store.EtcdOption) (*app, error) {
	if err := os.MkdirAll(*f.dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	a := &app{flags: f, logger: logger}
	if err := a.openStore(env, etcdOpts); err != nil {
		return nil, err
	}
	if a.etcd != nil {
		if err := a.takeSharedExamples(env.ctx); err != nil {
			a.closeDB()
			return nil, err
		}
	}
	g, err := loadGuide(*f.seeds)
	if err != nil {
		a.closeDB()
		return nil, err
	}
	ix, err := index.Open(g, index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir), index.WithLogger(logger))
	if err != nil {
		a.closeDB()
		return nil, err
	}
	a.engine = dialog.New(ix, a.store)
	return a, nil
}

// openStore opens the chat store the flags name: the bbolt file in the
// data directory, or the etcd cluster of --store etcd://….
func (a *app) openStore(env *environment, etcdOpts []store.EtcdOption) error {
	f := a.flags
	eps, err := f.etcdEndpoints()
	if err != nil {
		return err
	}
	if eps != nil {
		s, closeAll, err := f.openEtcdStore(env.ctx, eps, a.logger, etcdOpts...)
		if err != nil {
			return err
		}
		a.store, a.etcd, a.closeDB = s, s, closeAll
		return nil
	}
	policy := store.FailOnDamage
	if f.onDamagedStore != nil {
		policy, _ = store.ParseDamagePolicy(*f.onDamagedStore) // checked by the flag
	}
	db, err := store.Open(filepath.Join(*f.dataDir, storeFile), lockTimeout, store.WithLogger(a.logger), store.WithDamagePolicy(policy))
	if err != nil {
		if errors.Is(err, store.ErrLocked) {
			return fmt.Errorf("%w (data dir %s); stop the other process or use another --data-dir", store.ErrLocked, *f.dataDir)
		}
		return err
	}
	a.store, a.closeDB = db, db.Close
	return nil
}

// reload re-reads the seeds and lexicon, builds the new index beside the
// running one and swaps it in; turns in flight finish on the old index,
// which is closed once they have. A seed that fails to parse, or an index
// that fails to build, leaves the running index untouched. Reloads are
// serialized.
func (a *app) reload() (changed bool, err error) {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	g, err := loadGuide(*a.flags.seeds)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	opts := []index.Option{index.WithDataDir(*a.flags.dataDir), index.WithDictDir(*a.flags.dictDir), index.WithoutCleanup(), index.WithLogger(a.logger)}
	fp, err := index.Fingerprint(g, opts...)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	if fp == a.engine.Index().Fingerprint() {
		return false, nil
	}
	ix, err := index.Open(g, opts...)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	old := a.engine.SetIndex(ix)
	if err := old.Close(); err != nil {
		a.logger.Warn("closing the previous index", "err", err)
	}
	// Closing the old index freed its jieba segmenter (~130 MB) if the new
	// one does not share it.
	ix.RemoveStale()
	return true, nil
}

// loadGuide loads the seeds a server may answer from: a guide without a
// single measure is refused, so a broken file cannot replace a good guide.
func loadGuide(path string) (*seeds.Guide, error) {
	g, err := seeds.Load(path)
	if err != nil {
		return nil, err
	}
	if len(g.Measures) == 0 {
		return nil, fmt.Errorf("seed %q has no numbered measures; see policybot guide --seeds for its report", path)
	}
	return g, nil
}

// Close closes the index and the store.
func (a *app) Close() error {
	return errors.Join(a.engine.Index().Close(), a.closeDB())
}

// reloadAndShare is reload for the admin listener: on an etcd store, an
// examples.txt the page changed is then shared with the other replicas.
func (a *app) reloadAndShare() (bool, error) {
	changed, err := a.reload()
	if err != nil || a.etcd == nil || !changed {
		return changed, err
	}
	if err := a.shareExamples(context.Background()); err != nil {
		a.logger.Error("the examples were not shared with the other replicas; add them again later", "error", err)
	}
	return changed, nil
}
