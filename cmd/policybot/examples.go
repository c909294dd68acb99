package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"policybot/bot/admin"
	"policybot/index"
	"policybot/seeds"
)

// Shared examples. On an etcd store, the operators' examples of each guide
// (<data-dir>/guides/<key>/examples.txt, the review page's 加入示例) are kept
// in etcd: a replica takes the shared copies into its data directory at
// start, publishes its own after each reload that changed an index (the
// page adds an example and reloads), and writes and reloads whenever
// another replica published a new one.

// exampleFiles are the operator example files of the guides served, as
// names relative to the data directory (the names they are shared under).
func exampleFiles(gs []*seeds.Guide) []string {
	var out []string
	for _, g := range gs {
		out = append(out, filepath.ToSlash(filepath.Join(index.GuidesDir, g.Key(), admin.ExamplesFile)))
	}
	return out
}

// servedExampleFiles are exampleFiles of the guides the engine serves now.
func (a *app) servedExampleFiles() []string {
	var gs []*seeds.Guide
	for _, ix := range a.engine.Guides() {
		gs = append(gs, ix.Guide())
	}
	return exampleFiles(gs)
}

// examplesPath is where the example file name (see exampleFiles) is in the
// data directory.
func (a *app) examplesPath(name string) string {
	return filepath.Join(*a.flags.dataDir, filepath.FromSlash(name))
}

// takeSharedExamples writes the shared example files of the guides into
// the data directory (or shares a local one when there is none yet),
// before the indexes are opened.
func (a *app) takeSharedExamples(ctx context.Context, gs []*seeds.Guide) error {
	for _, name := range exampleFiles(gs) {
		shared, ok, err := a.etcd.SharedFile(ctx, name)
		if err != nil {
			return err
		}
		local, lerr := os.ReadFile(a.examplesPath(name))
		switch {
		case !ok && lerr == nil:
			err = a.etcd.ShareFile(ctx, name, local)
		case ok && !bytes.Equal(shared, local):
			err = writeFileAtomic(a.examplesPath(name), shared)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// shareExamples publishes each local example file that differs from its
// shared copy.
func (a *app) shareExamples(ctx context.Context) error {
	for _, name := range a.servedExampleFiles() {
		local, err := os.ReadFile(a.examplesPath(name))
		if err != nil {
			continue // none here
		}
		shared, ok, err := a.etcd.SharedFile(ctx, name)
		if err != nil {
			return err
		}
		if ok && bytes.Equal(shared, local) {
			continue
		}
		if err := a.etcd.ShareFile(ctx, name, local); err != nil {
			return err
		}
	}
	return nil
}

// followSharedExamples writes each new shared copy of the served guides'
// example files into the data directory and reloads, until ctx is done.
func (a *app) followSharedExamples(ctx context.Context) {
	var wg sync.WaitGroup
	for _, name := range a.servedExampleFiles() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.etcd.WatchFile(ctx, name, func(data []byte) { a.takeExamples(name, data) })
		}()
	}
	wg.Wait()
}

// takeExamples writes a shared copy of example file name and reloads.
func (a *app) takeExamples(name string, data []byte) {
	if local, err := os.ReadFile(a.examplesPath(name)); err == nil && bytes.Equal(local, data) {
		return // ours, or already taken
	}
	if err := writeFileAtomic(a.examplesPath(name), data); err != nil {
		a.logger.Error("could not take the shared examples", "file", name, "error", err)
		return
	}
	changed, err := a.reload()
	if err != nil {
		a.logger.Error("reload with the shared examples failed", "file", name, "error", err)
		return
	}
	a.logger.Info("examples changed on another replica; reloaded", "file", name, "changed", changed)
}

// writeFileAtomic replaces path with data (a temporary file renamed).
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil { // a guide's directory may not exist yet
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
