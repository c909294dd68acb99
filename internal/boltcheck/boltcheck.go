// Package boltcheck finds damage in bbolt files without letting it crash the
// process. bbolt trusts its file: a truncated one faults on memory-mapped
// pages past its end (SIGBUS, fatal in Go), corrupt pages panic, and
// tx.Check reads pages in a goroutine of its own where neither can be
// recovered. So the checks here go in order: the meta pages and the file's
// size with plain reads (no mapping), then every reachable page through an
// ordinary read transaction in the caller's goroutine with faults turned
// into panics and panics into errors, and only then bbolt's own Check.
package boltcheck

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged is wrapped by every error that reports damage (as opposed to
// an I/O error or a lock held by another process).
var ErrDamaged = errors.New("damaged bbolt file")

// bbolt's on-disk layout (go.etcd.io/bbolt/internal/common): a 16-byte page
// header, then the meta: magic, version, page size, flags (uint32 each),
// root bucket (pgid, sequence), freelist pgid, high-water pgid, txid,
// checksum (uint64 each, FNV-64a of the bytes before it). bbolt writes in
// native byte order; this reads little-endian (amd64, arm64: what we ship).
const (
	pageHeader   = 16
	metaSumStart = 56 // bytes of meta covered by the checksum
	metaSize     = metaSumStart + 8
	magic        = 0xED0CDAED
	version      = 2
	noFreelist   = ^uint64(0)
)

type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64
	txid     uint64
}

func readMeta(f *os.File, off int64) (meta, error) {
	b := make([]byte, metaSize)
	if _, err := f.ReadAt(b, off+pageHeader); err != nil {
		return meta{}, err
	}
	le := binary.LittleEndian
	h := fnv.New64a()
	h.Write(b[:metaSumStart])
	switch {
	case le.Uint32(b[0:]) != magic:
		return meta{}, errors.New("bad magic")
	case le.Uint32(b[4:]) != version:
		return meta{}, fmt.Errorf("version %d", le.Uint32(b[4:]))
	case le.Uint64(b[metaSumStart:]) != h.Sum64():
		return meta{}, errors.New("checksum mismatch")
	}
	m := meta{pageSize: le.Uint32(b[8:]), root: le.Uint64(b[16:]), freelist: le.Uint64(b[32:]), pgid: le.Uint64(b[40:]), txid: le.Uint64(b[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		return meta{}, fmt.Errorf("page size %d", m.pageSize)
	}
	return m, nil
}

// Precheck reads the file's two meta pages and checks that at least one is
// valid and that the file is long enough for every page it claims, without
// mapping the file. A missing file is reported as the fs error; an empty
// file is fine (bbolt initializes it).
func Precheck(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	size := fi.Size()
	if size == 0 {
		return nil
	}
	var best *meta
	var reasons []error
	m0, err := readMeta(f, 0)
	if err != nil {
		reasons = append(reasons, fmt.Errorf("meta page 0: %w", err))
	} else {
		best = &m0
	}
	// Meta page 1 sits one page in; without a valid page 0, try the usual
	// page sizes.
	sizes := []uint32{uint32(os.Getpagesize()), 4096, 16384, 65536}
	if best != nil {
		sizes = []uint32{best.pageSize}
	}
	for _, ps := range sizes {
		m1, err := readMeta(f, int64(ps))
		if err != nil {
			if errors.Is(err, io.EOF) || len(sizes) > 1 {
				continue
			}
			reasons = append(reasons, fmt.Errorf("meta page 1: %w", err))
			continue
		}
		if best == nil || m1.txid > best.txid {
			best = &m1
		}
		break
	}
	if best == nil {
		return fmt.Errorf("%w: no valid meta page (%v)", ErrDamaged, errors.Join(reasons...))
	}
	need := int64(best.pgid) * int64(best.pageSize)
	switch {
	case best.pgid < 2 || best.root >= best.pgid || best.freelist != noFreelist && best.freelist >= best.pgid:
		return fmt.Errorf("%w: meta page points outside the file (root %d, freelist %d, %d pages)", ErrDamaged, best.root, best.freelist, best.pgid)
	case size < need:
		return fmt.Errorf("%w: truncated: %d bytes, its pages need %d", ErrDamaged, size, need)
	}
	return nil
}

// Guard runs fn, turning a panic or a memory fault in this goroutine into
// an error wrapping ErrDamaged.
func Guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	return fn()
}

// Walk reads every bucket, key and value of db in one read transaction in
// the caller's goroutine (under Guard), so that a damaged page is met here,
// as an error, rather than later by a goroutine that cannot recover.
func Walk(db *bolt.DB) error {
	h := crc32.NewIEEE() // reading every byte is the point; the sum is not used
	return Guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return walkBucket(b, h)
			})
		})
	})
}

func walkBucket(b *bolt.Bucket, h hash.Hash32) error {
	return b.ForEach(func(k, v []byte) error {
		h.Write(k)
		if v == nil {
			if child := b.Bucket(k); child != nil {
				return walkBucket(child, h)
			}
			return nil
		}
		h.Write(v)
		return nil
	})
}

// Check runs Walk and then bbolt's consistency check (free and reachable
// pages, ordering, bounds), returning at most max problems. Nil means the
// file is consistent.
func Check(db *bolt.DB, max int) []error {
	if err := Walk(db); err != nil {
		return []error{err}
	}
	var errs []error
	err := Guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			for e := range tx.Check() {
				if len(errs) < max {
					errs = append(errs, fmt.Errorf("%w: %v", ErrDamaged, e))
				}
			}
			return nil
		})
	})
	if err != nil {
		errs = append(errs, err)
	}
	return errs
}
