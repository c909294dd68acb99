package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"policybot/bot/admin"
)

// Shared examples. On an etcd store, the operators' examples.txt (the
// review page's 加入示例) is kept in etcd: a replica takes the shared copy
// into its data directory at start, publishes its own after each reload
// that changed the index (the page adds an example and reloads), and
// writes and reloads whenever another replica published a new one.

// examplesPath is the operator's example bank in the data directory.
func (a *app) examplesPath() string { return filepath.Join(*a.flags.dataDir, admin.ExamplesFile) }

// takeSharedExamples writes the shared examples.txt into the data
// directory (or shares the local one when there is none yet), before the
// index is opened.
func (a *app) takeSharedExamples(ctx context.Context) error {
	shared, ok, err := a.etcd.SharedFile(ctx, admin.ExamplesFile)
	if err != nil {
		return err
	}
	local, lerr := os.ReadFile(a.examplesPath())
	switch {
	case !ok && lerr == nil:
		return a.etcd.ShareFile(ctx, admin.ExamplesFile, local)
	case ok && !bytes.Equal(shared, local):
		return writeFileAtomic(a.examplesPath(), shared)
	}
	return nil
}

// shareExamples publishes the local examples.txt when it differs from
// the shared copy.
func (a *app) shareExamples(ctx context.Context) error {
	local, err := os.ReadFile(a.examplesPath())
	if err != nil {
		return nil // none here
	}
	shared, ok, err := a.etcd.SharedFile(ctx, admin.ExamplesFile)
	if err != nil || ok && bytes.Equal(shared, local) {
		return err
	}
	return a.etcd.ShareFile(ctx, admin.ExamplesFile, local)
}

// followSharedExamples writes each new shared copy into the data
// directory and reloads, until ctx is done.
func (a *app) followSharedExamples(ctx context.Context) {
	a.etcd.WatchFile(ctx, admin.ExamplesFile, func(data []byte) {
		if local, err := os.ReadFile(a.examplesPath()); err == nil && bytes.Equal(local, data) {
			return // ours, or already taken
		}
		if err := writeFileAtomic(a.examplesPath(), data); err != nil {
			a.logger.Error("could not take the shared examples", "error", err)
			return
		}
		changed, err := a.reload()
		if err != nil {
			a.logger.Error("reload with the shared examples failed", "error", err)
			return
		}
		a.logger.Info("examples changed on another replica; reloaded", "changed", changed)
	})
}

// writeFileAtomic replaces path with data (a temporary file renamed).
func writeFileAtomic(path string, data []byte) error {
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
