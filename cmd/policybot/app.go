package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
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
	timeZone       *string
}

func addAppFlags(fs *flagSet) appFlags {
	f := appFlags{indexFlags: addIndexFlags(fs), storeFlags: addStoreFlags(fs)}
	f.onDamagedStore = fs.oneOf("on-damaged-store", "fail", []string{"fail", "move-aside"},
		"when the chat store file is damaged: fail with an error, or move it aside (renamed with a timestamp) and start empty")
	f.timeZone = fs.string("time-zone", "Asia/Shanghai", "the guide's time zone (IANA name): a deadline lasts until its day ends there")
	fs.checks = append(fs.checks, func() error {
		if _, err := time.LoadLocation(*f.timeZone); err != nil {
			return fmt.Errorf("%s: unknown time zone %q", fs.source("time-zone"), *f.timeZone)
		}
		return nil
	})
	return f
}

// location is the guide's time zone the flags name (checked when parsed).
func (f appFlags) location() *time.Location {
	if f.timeZone == nil {
		return nil
	}
	loc, _ := time.LoadLocation(*f.timeZone)
	return loc
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

// openApp opens the store and the indexes and wires the dialog engine:
// etcdOpts for an etcd store, extra options for the engine (a pinned clock).
func openApp(env *environment, f appFlags, logger *slog.Logger, etcdOpts []store.EtcdOption, extra ...dialog.Option) (*app, error) {
	if err := os.MkdirAll(*f.dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	a := &app{flags: f, logger: logger}
	if err := a.openStore(env, etcdOpts); err != nil {
		return nil, err
	}
	gs, err := loadGuides(*f.seeds)
	if err != nil {
		a.closeDB()
		return nil, err
	}
	if a.etcd != nil {
		if err := a.takeSharedExamples(env.ctx, gs); err != nil {
			a.closeDB()
			return nil, err
		}
	}
	ixs, err := index.OpenSet(gs, index.WithDataDir(*f.dataDir), index.WithDictDir(*f.dictDir), index.WithLogger(logger))
	if err != nil {
		a.closeDB()
		return nil, err
	}
	opts := append([]dialog.Option{dialog.WithLocation(f.location())}, extra...)
	a.engine = dialog.NewGuides(ixs, a.store, opts...)
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

// reload re-reads the seeds and lexicon, builds the new indexes beside the
// running ones and swaps them in; turns in flight finish on the old
// indexes, which are closed once they have. A guide added or removed
// (several guides served) changes every guide's index, as they share one
// dictionary; an unchanged guide keeps its running index. A seed that fails
// to parse, or an index that fails to build, leaves the running indexes
// untouched. Reloads are serialized.
func (a *app) reload() (changed bool, err error) {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	gs, err := loadGuides(*a.flags.seeds)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	plans, err := index.PlanSet(gs, index.WithDataDir(*a.flags.dataDir), index.WithDictDir(*a.flags.dictDir), index.WithoutCleanup(), index.WithLogger(a.logger))
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	running := map[string]*index.Index{}
	for _, ix := range a.engine.Guides() {
		running[ix.Fingerprint()+"\x00"+ix.ID()] = ix
	}
	var next, opened []*index.Index
	for _, p := range plans {
		fp, err := index.Fingerprint(p.Guide, p.Options...)
		if err != nil {
			closeAll(opened)
			return false, fmt.Errorf("reload: %w", err)
		}
		if ix := running[fp+"\x00"+p.ID]; ix != nil {
			next = append(next, ix)
			continue
		}
		ix, err := index.Open(p.Guide, p.Options...)
		if err != nil {
			closeAll(opened)
			return false, fmt.Errorf("reload: %w", err)
		}
		next, opened = append(next, ix), append(opened, ix)
	}
	if len(opened) == 0 && len(next) == len(running) {
		return false, nil
	}
	old := a.engine.SetGuides(next)
	for _, ix := range old {
		if !slices.Contains(next, ix) {
			if err := ix.Close(); err != nil {
				a.logger.Warn("closing a previous index", "guide", ix.ID(), "err", err)
			}
		}
	}
	// Closing the old indexes freed their jieba segmenter (~130 MB) if the
	// new ones do not share it; their directories go now.
	index.RemoveStaleGuides(next)
	return true, nil
}

func closeAll(ixs []*index.Index) {
	for _, ix := range ixs {
		ix.Close()
	}
}

// loadGuides loads the seeds a server may answer from: a guide without a
// single measure is refused, so a broken file cannot replace a good guide.
func loadGuides(spec string) ([]*seeds.Guide, error) {
	gs, err := seeds.LoadGuides(spec)
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		if len(g.Measures) == 0 {
			return nil, fmt.Errorf("seed %q: a guide has no numbered measures; see policybot guide --seeds for its report", spec)
		}
	}
	return gs, nil
}

// Close closes the indexes and the store.
func (a *app) Close() error {
	var errs []error
	for _, ix := range a.engine.Guides() {
		errs = append(errs, ix.Close())
	}
	return errors.Join(append(errs, a.closeDB())...)
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
