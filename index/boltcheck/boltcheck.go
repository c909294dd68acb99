// Package boltcheck finds damage in bbolt files without letting it crash the
// process. bbolt trusts its file: a truncated one faults on memory-mapped
// pages past its end (SIGBUS, fatal in Go), corrupt pages panic, and
// tx.Check reads pages in a goroutine of its own where neither can be
// recovered, and a cycle of pages sends it into endless recursion. So the
// checks here go in order: the meta pages, the file's size and the page
// structure with plain reads (no mapping, no bbolt code), then every
// reachable page through an ordinary read transaction in the caller's
// goroutine with faults turned into panics and panics into errors, and only
// then bbolt's own Check.
package boltcheck

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"
	"time"

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

// ErrLocked is returned by WaitUnlocked when another process held the
// file's lock for the whole timeout.
var ErrLocked = errors.New("the file is locked by another process")

// WaitUnlocked returns once no other process holds bbolt's lock on the
// file at path (nil), or ErrLocked after timeout. Precheck and Validate read
// the file without bbolt and without its lock, so they must run only when
// no writer is active: a writer in another process rewrites freed pages
// under them, which would look like damage.
func WaitUnlocked(path string, timeout time.Duration) error {
	return waitUnlocked(path, timeout)
}

// Precheck reads the file's two meta pages and checks that at least one is
// valid and that the file is long enough for every page it claims, then its
// page structure (Validate), all without mapping the file or calling into
// bbolt. A missing file is reported as the fs error; an empty file is fine
// (bbolt initializes it).
func Precheck(path string) error {
	f, fi, err := openStat(path)
	if err != nil {
		return err
	}
	defer f.Close()
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
	return Validate(path)
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

// Open opens a bbolt file under Guard. If bbolt panics part-way, after it
// took the file lock, the lock is released and the file closed, so that the
// failed open does not hold the file (bbolt never returned the handle to
// close; its memory map of the file is left behind).
func Open(path string, mode os.FileMode, opts bolt.Options) (*bolt.DB, error) {
	var f *os.File
	opts.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		var err error
		f, err = os.OpenFile(name, flag, perm)
		return f, err
	}
	var db *bolt.DB
	err := Guard(func() (err error) {
		db, err = bolt.Open(path, mode, &opts)
		return err
	})
	if errors.Is(err, ErrDamaged) && f != nil {
		unlock(f)
		f.Close()
	}
	return db, err
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

// Page layout (go.etcd.io/bbolt/internal/common).
const (
	branchFlag   = 0x01
	leafFlag     = 0x02
	freelistFlag = 0x10
	bucketLeaf   = 0x01 // leaf element flag: the value is a bucket
	elemSize     = 16   // branch and leaf elements alike
	bucketHeader = 16   // root pgid, sequence
	maxDepth     = 64
)

// validator walks a bbolt file's pages with plain reads and bounds checks
// on every offset, so that cycles, out-of-range pointers and overlapping
// pages are reported instead of sending bbolt into a loop or a fault.
type validator struct {
	f         *os.File
	pageSize  int64
	hwm       uint64
	reachable map[uint64]bool
}

// Validate checks the structure of the bbolt file at path: every page
// reachable from the root once, within the file, of the right type, every
// element within its page, and the freelist disjoint from reachable pages.
// It never maps the file and never calls into bbolt, so any file is safe to
// give it. Precheck calls it after checking the file's size.
func Validate(path string) error {
	f, fi, err := openStat(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if fi.Size() == 0 {
		return nil
	}
	m0, err0 := readMeta(f, 0)
	var best *meta
	if err0 == nil {
		best = &m0
		if m1, err := readMeta(f, int64(m0.pageSize)); err == nil && m1.txid > m0.txid {
			best = &m1
		}
	} else if m1, err := readMeta(f, int64(os.Getpagesize())); err == nil {
		best = &m1
	}
	if best == nil {
		return fmt.Errorf("%w: no valid meta page", ErrDamaged)
	}
	v := &validator{f: f, pageSize: int64(best.pageSize), hwm: best.pgid, reachable: map[uint64]bool{0: true, 1: true}}
	if _, err := v.tree(best.root, 0, nil, nil); err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if best.freelist != noFreelist {
		if err := v.freelist(best.freelist); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
	}
	return nil
}

// page reads page id with its overflow pages.
func (v *validator) page(id uint64) ([]byte, error) {
	if id < 2 || id >= v.hwm {
		return nil, fmt.Errorf("page %d outside the file's %d pages", id, v.hwm)
	}
	if v.reachable[id] {
		return nil, fmt.Errorf("page %d reached twice (cycle or shared page)", id)
	}
	head := make([]byte, pageHeader)
	if _, err := v.f.ReadAt(head, int64(id)*v.pageSize); err != nil {
		return nil, fmt.Errorf("page %d: %v", id, err)
	}
	le := binary.LittleEndian
	if got := le.Uint64(head); got != id {
		return nil, fmt.Errorf("page %d: header says page %d", id, got)
	}
	overflow := uint64(le.Uint32(head[12:]))
	if id+overflow >= v.hwm {
		return nil, fmt.Errorf("page %d: %d overflow pages run past the end", id, overflow)
	}
	for i := id; i <= id+overflow; i++ {
		if v.reachable[i] {
			return nil, fmt.Errorf("page %d reached twice (overlap)", i)
		}
		v.reachable[i] = true
	}
	b := make([]byte, int64(overflow+1)*v.pageSize)
	if _, err := v.f.ReadAt(b, int64(id)*v.pageSize); err != nil {
		return nil, fmt.Errorf("page %d: %v", id, err)
	}
	return b, nil
}

// tree checks the subtree of page id, whose keys must lie in [lo, hi)
// (nil: unbounded), and returns its largest key.
func (v *validator) tree(id uint64, depth int, lo, hi []byte) ([]byte, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("page %d: tree deeper than %d", id, maxDepth)
	}
	b, err := v.page(id)
	if err != nil {
		return nil, err
	}
	return v.node(b, id, depth, lo, hi)
}

// node checks one branch or leaf page (b: the page bytes, header first)
// whose keys must lie in [lo, hi), and returns its subtree's largest key.
// The key order is checked as bbolt's own check does it: with a store
// whose freelist is not written to the file (see the chat store's open),
// bbolt runs that check at every writable open, in a goroutine of its own
// where a violation crashes the process, so Validate must find them all
// first.
func (v *validator) node(b []byte, id uint64, depth int, lo, hi []byte) ([]byte, error) {
	le := binary.LittleEndian
	flags, count := le.Uint16(b[8:]), int(le.Uint16(b[10:]))
	if pageHeader+count*elemSize > len(b) {
		return nil, fmt.Errorf("page %d: %d elements do not fit", id, count)
	}
	prev := lo // the largest key so far (for a branch: of the subtrees before)
	for i := range count {
		e := pageHeader + i*elemSize
		switch flags {
		case branchFlag:
			key, child, err := branchElem(b, e)
			if err != nil {
				return nil, fmt.Errorf("page %d: branch key %d %v", id, i, err)
			}
			if err := keyInOrder(key, prev, hi, i); err != nil {
				return nil, fmt.Errorf("page %d: branch key %d %v", id, i, err)
			}
			next := hi
			if i+1 < count {
				if next, _, err = branchElem(b, e+elemSize); err != nil {
					return nil, fmt.Errorf("page %d: branch key %d %v", id, i+1, err)
				}
			}
			if prev, err = v.tree(child, depth+1, key, next); err != nil {
				return nil, err
			}
		case leafFlag:
			eflags, pos, ksize, vsize := le.Uint32(b[e:]), int(le.Uint32(b[e+4:])), int(le.Uint32(b[e+8:])), int(le.Uint32(b[e+12:]))
			end := e + pos + ksize + vsize
			if end > len(b) || end < e || pos < 0 || ksize < 0 || vsize < 0 {
				return nil, fmt.Errorf("page %d: leaf element %d outside the page", id, i)
			}
			key := b[e+pos : e+pos+ksize]
			if err := keyInOrder(key, prev, hi, i); err != nil {
				return nil, fmt.Errorf("page %d: leaf key %d %v", id, i, err)
			}
			prev = key
			if eflags&bucketLeaf == 0 {
				continue
			}
			val := b[e+pos+ksize : end]
			if len(val) < bucketHeader {
				return nil, fmt.Errorf("page %d: bucket %d header truncated", id, i)
			}
			// A bucket's keys are ordered among themselves.
			if root := le.Uint64(val); root != 0 {
				if _, err := v.tree(root, depth+1, nil, nil); err != nil {
					return nil, err
				}
			} else if inline := val[bucketHeader:]; len(inline) < pageHeader {
				return nil, fmt.Errorf("page %d: inline bucket %d truncated", id, i)
			} else if le.Uint16(inline[8:]) != leafFlag {
				return nil, fmt.Errorf("page %d: inline bucket %d is not a leaf", id, i)
			} else if _, err := v.node(inline, id, depth+1, nil, nil); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("page %d: type %#x where a branch or leaf page belongs", id, flags)
		}
	}
	if count == 0 {
		return nil, nil // as bbolt: an empty page has no largest key
	}
	return prev, nil
}

// branchElem reads the key and child page of the branch element at offset e.
func branchElem(b []byte, e int) (key []byte, child uint64, err error) {
	le := binary.LittleEndian
	pos, ksize := int(le.Uint32(b[e:])), int(le.Uint32(b[e+4:]))
	if e+pos+ksize > len(b) || e+pos+ksize < e || pos < 0 || ksize < 0 {
		return nil, 0, errors.New("outside the page")
	}
	return b[e+pos : e+pos+ksize], le.Uint64(b[e+8:]), nil
}

// keyInOrder checks the i-th key of a page against the key before it
// (for the first, the lower bound from the parent; nil: none) and the
// parent's upper bound hi (nil: none), as bbolt's check does: after the
// key before, at or after the parent's bound, below hi.
func keyInOrder(key, prev, hi []byte, i int) error {
	if prev != nil || i > 0 {
		if c := bytes.Compare(prev, key); c > 0 || c == 0 && i > 0 {
			return errors.New("out of order")
		}
	}
	if hi != nil && bytes.Compare(key, hi) >= 0 {
		return errors.New("beyond its parent's next key")
	}
	return nil
}

func (v *validator) freelist(id uint64) error {
	b, err := v.page(id)
	if err != nil {
		return fmt.Errorf("freelist: %v", err)
	}
	le := binary.LittleEndian
	if le.Uint16(b[8:]) != freelistFlag {
		return fmt.Errorf("freelist page %d has type %#x", id, le.Uint16(b[8:]))
	}
	count, start := uint64(le.Uint16(b[10:])), pageHeader
	if count == 0xFFFF {
		count, start = le.Uint64(b[pageHeader:]), pageHeader+8
	}
	if count > uint64(len(b)-start)/8 {
		return fmt.Errorf("freelist page %d: %d ids do not fit", id, count)
	}
	for i := range int(count) {
		free := le.Uint64(b[start+8*i:])
		if free < 2 || free >= v.hwm {
			return fmt.Errorf("freelist: page %d outside the file", free)
		}
		if v.reachable[free] {
			return fmt.Errorf("freelist: page %d is free and in use", free)
		}
	}
	return nil
}

// openStat opens the file at path for reading and stats it; the caller
// closes the file.
func openStat(path string) (*os.File, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}
