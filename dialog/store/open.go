package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"policybot/index/boltcheck"
)

// ErrDamaged is wrapped by Open's error when the store file is damaged
// (truncated, overwritten, bit flips): bbolt would panic or lose data on it.
var ErrDamaged = errors.New("the chat store file is damaged")

// DamagePolicy is what Open does with a damaged store file.
type DamagePolicy int

const (
	// FailOnDamage makes Open fail with an error wrapping ErrDamaged that
	// names the file and the remedies. The default.
	FailOnDamage DamagePolicy = iota
	// MoveAsideOnDamage renames the damaged file (path.damaged-TIMESTAMP),
	// logs at ERROR, and starts with an empty store.
	MoveAsideOnDamage
)

// ParseDamagePolicy reads "fail" or "move-aside".
func ParseDamagePolicy(s string) (DamagePolicy, error) {
	switch s {
	case "fail", "":
		return FailOnDamage, nil
	case "move-aside":
		return MoveAsideOnDamage, nil
	}
	return FailOnDamage, fmt.Errorf("unknown policy %q (want fail or move-aside)", s)
}

// WithDamagePolicy sets what Open does with a damaged file (default
// FailOnDamage).
func WithDamagePolicy(p DamagePolicy) Option { return func(s *DB) { s.onDamage = p } }

// openFile opens the bbolt file at path for the store, checked: the meta
// pages and size first (without mapping the file), then bbolt's open under
// recover, then every page and bbolt's consistency check. A damaged file is
// handled by the store's DamagePolicy; every error names the file.
func (s *DB) openFile(path string, timeout time.Duration) (*bolt.DB, error) {
	db, err := openChecked(path, timeout)
	if err == nil || !errors.Is(err, ErrDamaged) {
		return db, err
	}
	if s.onDamage != MoveAsideOnDamage {
		return nil, fmt.Errorf("%w; restore a backup (stop the bot, copy it to %s), or start with --on-damaged-store=move-aside to keep the damaged file aside and start with an empty store; `policybot store check` lists the damage", err, path)
	}
	aside := fmt.Sprintf("%s.damaged-%s", path, s.now().UTC().Format("20060102T150405Z"))
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			break
		}
		aside = fmt.Sprintf("%s.damaged-%s-%d", path, s.now().UTC().Format("20060102T150405Z"), i)
	}
	if rerr := os.Rename(path, aside); rerr != nil {
		return nil, fmt.Errorf("%w; moving it aside failed: %v", err, rerr)
	}
	s.logger.Error("chat store damaged; moved it aside and started with an empty store", "file", path, "moved_to", aside, "reason", err.Error())
	return openChecked(path, timeout)
}

// openChecked opens path with bbolt after checking it. Errors wrap
// ErrLocked (another process holds it), ErrDamaged, or the fs error.
func openChecked(path string, timeout time.Duration) (*bolt.DB, error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("open store %s: not a regular file", path)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("open store %s: %w", path, err)
	case err == nil:
		// A bot using the file rewrites pages under the unlocked checks.
		if err := boltcheck.WaitUnlocked(path, timeout); errors.Is(err, boltcheck.ErrLocked) {
			return nil, fmt.Errorf("open store %s: %w", path, ErrLocked)
		}
		if err := precheck(path); err != nil {
			return nil, damaged(path, err)
		}
	}
	// The freelist is not written with each commit (one page fewer to
	// write and sync per turn; a crash loses nothing, as bbolt rebuilds
	// the list from the pages in use). bbolt rebuilds it at every open by
	// running its own check in a goroutine where any damage it finds
	// crashes the process, so precheck has already made that check with
	// plain reads (boltcheck.Validate: bounds, references, key order).
	db, err := boltcheck.Open(path, 0o600, bolt.Options{Timeout: timeout, FreelistType: bolt.FreelistMapType, NoFreelistSync: true})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("open store %s: %w", path, ErrLocked)
	case errors.Is(err, boltcheck.ErrDamaged), errors.Is(err, bolterrors.ErrInvalid),
		errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		return nil, damaged(path, err)
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if errs := boltcheck.Check(db, 5); len(errs) > 0 {
		closeQuietly(db)
		return nil, damaged(path, errors.Join(errs...))
	}
	return db, nil
}

// errEmpty is the damage of a store file with no bytes at all: bbolt would
// quietly start a new store in it, losing whatever it held (a file is
// never empty once created: Open writes its first pages at once).
var errEmpty = errors.New("the file is empty (0 bytes): truncated, not a store")

// precheck is boltcheck.Precheck, with an empty file as damage.
func precheck(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		return errEmpty
	}
	return boltcheck.Precheck(path)
}

func damaged(path string, err error) error {
	return fmt.Errorf("open store %s: %w: %w", path, ErrDamaged, err)
}

func closeQuietly(db *bolt.DB) {
	boltcheck.Guard(db.Close)
}

// Check opens the store file at path read-only and runs the same checks as
// Open, reporting the problems found (nil: the file is consistent). It
// fails with ErrLocked while a bot holds the file: check a backup then.
func Check(path string, timeout time.Duration) ([]error, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("check store: %w", err)
	}
	if err := precheck(path); err != nil {
		return []error{err}, nil
	}
	db, err := boltcheck.Open(path, 0o600, bolt.Options{ReadOnly: true, Timeout: timeout})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("check store %s: %w", path, ErrLocked)
	case err != nil && !errors.Is(err, bolterrors.ErrInvalid) && !errors.Is(err, boltcheck.ErrDamaged) &&
		!errors.Is(err, bolterrors.ErrChecksum) && !errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, fmt.Errorf("check store %s: %w", path, err)
	case err != nil:
		return []error{err}, nil
	}
	defer closeQuietly(db)
	return boltcheck.Check(db, 20), nil
}
