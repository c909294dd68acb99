package index

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"policybot/index/boltcheck"
	"policybot/seeds"
)

// The index is derived data: whatever happened to its files, the seeds can
// build it again in seconds. This file makes sure a damaged index is found
// before bleve trusts it, and rebuilt instead of stopping the bot.

// sumsFile lists, in a built index directory, the SHA-256 of the bleve
// files that never change once the build is done: the segments (*.zap) and
// index_meta.json. root.bolt is not listed (bleve writes to it on every
// open); bbolt's own checks and the probe below cover it.
const sumsFile = "policybot-index-sums"

// WithLogger sets where Open reports a damaged index it rebuilds (at ERROR,
// with the reason). Default: slog.Default().
func WithLogger(l *slog.Logger) Option {
	return func(o *options) { o.logger = l }
}

// writeSums records the checksums of the immutable files of the bleve index
// under dir (a build's directory, before the completion marker).
func writeSums(dir string) error {
	files, err := immutableFiles(dir)
	if err != nil {
		return fmt.Errorf("index checksums: %w", err)
	}
	var b strings.Builder
	for _, f := range files {
		sum, err := fileSum(filepath.Join(dir, f))
		if err != nil {
			return fmt.Errorf("index checksums: %w", err)
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, f)
	}
	if err := os.WriteFile(filepath.Join(dir, sumsFile), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("index checksums: %w", err)
	}
	return nil
}

// verifySums checks the files listed by writeSums; the error names the first
// file that is missing, unreadable or changed.
func verifySums(dir string) error {
	f, err := os.Open(filepath.Join(dir, sumsFile))
	if errors.Is(err, os.ErrNotExist) {
		return errNoSums
	}
	if err != nil {
		return fmt.Errorf("checksum list: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || filepath.IsAbs(name) || strings.Contains(name, "..") {
			return fmt.Errorf("checksum list: malformed line %q", sc.Text())
		}
		got, err := fileSum(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("%s: checksum mismatch", name)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("checksum list: %w", err)
	}
	if n == 0 {
		return errors.New("checksum list: empty")
	}
	return nil
}

// errNoSums: the index has no checksum list, as indexes built before
// checksums were introduced; it is rebuilt, without alarm.
var errNoSums = errors.New("no checksum list (built by an older policybot)")

// immutableFiles returns the paths, relative to dir, of the index's segments
// and metadata.
func immutableFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "bleve"), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(d.Name(), ".zap") || d.Name() == "index_meta.json") {
			rel, err := filepath.Rel(dir, path)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	if err == nil && len(out) == 0 {
		err = errors.New("no segment or metadata files")
	}
	return out, err
}

func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// openChecked opens the index at path as openExisting does, but treats
// damage as a reason to rebuild rather than to fail: checksums that do not
// match, an error or a panic from bleve while opening, or a probe that does
// not find every measure. It then logs at ERROR why, and returns (nil, nil)
// so that Open builds a fresh index in the damaged one's place. A lock held
// by another process is not damage; that error is returned.
func openChecked(path string, g *seeds.Guide, logger *slog.Logger) (bleve.Index, error) {
	if logger == nil {
		logger = slog.Default()
	}
	bi, err := openGuarded(path, g)
	switch {
	case err == nil:
		return bi, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("open index %s: %w (another policybot process holds it; stop it or use another --data-dir)", path, ErrLocked)
	case errors.Is(err, errNoSums):
		logger.Warn("search index has no checksums; rebuilding it from the seeds", "index", path, "reason", err.Error())
		return nil, nil
	}
	logger.Error("search index damaged; rebuilding it from the seeds", "index", path, "reason", err.Error())
	return nil, nil
}

// openGuarded opens and probes the index, turning panics (zapx and bbolt
// panic on some corrupt input; memory faults on mapped segments included)
// into errors.
func openGuarded(path string, g *seeds.Guide) (bi bleve.Index, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
			if bi != nil {
				closeQuietly(bi)
				bi = nil
			}
		}
	}()
	if _, err := os.Stat(filepath.Join(path, completeMarker)); err != nil {
		return nil, nil // no marker: not a damaged index but none, or an unfinished build
	}
	if err := verifySums(path); err != nil {
		return nil, err
	}
	if err := checkBolt(filepath.Join(path, "bleve", "store", "root.bolt")); err != nil {
		return nil, err
	}
	bi, err = openExisting(path)
	if err != nil {
		return nil, err
	}
	if err := probe(bi, g); err != nil {
		closeQuietly(bi)
		return nil, err
	}
	return bi, nil
}

// checkBolt checks bleve's root.bolt before bleve opens it for writing: the
// meta pages and size without mapping the file, then every page (read only,
// so a lock held by another process comes back as bbolt's ErrTimeout).
func checkBolt(path string) error {
	// A bot using the index rewrites pages under the unlocked checks.
	if err := boltcheck.WaitUnlocked(path, 3*time.Second); errors.Is(err, boltcheck.ErrLocked) {
		return fmt.Errorf("root.bolt: %w", bolterrors.ErrTimeout)
	}
	if err := boltcheck.Precheck(path); err != nil {
		return fmt.Errorf("root.bolt: %w", err)
	}
	db, err := boltcheck.Open(path, 0o600, bbolt.Options{ReadOnly: true, Timeout: 3 * time.Second})
	if err != nil {
		return fmt.Errorf("root.bolt: %w", err)
	}
	defer db.Close()
	if errs := boltcheck.Check(db, 3); len(errs) > 0 {
		return fmt.Errorf("root.bolt: %w", errors.Join(errs...))
	}
	return nil
}

// probe checks that the opened index holds every measure of the guide.
func probe(bi bleve.Index, g *seeds.Guide) error {
	for i := range g.Measures {
		id := measureID(g.Measures[i].Number)
		doc, err := bi.Document(id)
		if err != nil {
			return fmt.Errorf("probe %s: %w", id, err)
		}
		if doc == nil {
			return fmt.Errorf("probe: measure %d missing", g.Measures[i].Number)
		}
	}
	return nil
}

func closeQuietly(bi bleve.Index) {
	defer func() { recover() }() // closing a damaged index may panic too
	bi.Close()
}
