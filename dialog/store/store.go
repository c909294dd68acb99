// Package store keeps the dialog's per-chat state, feedback and question log
// in a bbolt file, the one piece of the data directory that is written
// while the bot runs.
package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
)

var (
	bucketState    = []byte("state")
	bucketFeedback = []byte("feedback")
	bucketAsked    = []byte("asked")
	bucketInbox    = []byte("inbox") // the update journal, see journal.go
	bucketMeta     = []byte("meta")
)

// Backend is what the bot needs of a chat store. DB (bbolt, one process,
// the default) and Etcd (several replicas on an etcd cluster) implement it.
type Backend interface {
	dialog.Store
	dialog.Journal
	// Backup writes a consistent snapshot of the store to w.
	Backup(w io.Writer) (int64, error)
	// Review reads the review page's summary and question lists.
	Review(q ReviewQuery) (Review, error)
	// Stats summarizes the question log and votes, top n of each list.
	Stats(n int) (Stats, error)
	// Sweep removes what is older than the retention (see DB.Sweep).
	Sweep(keep time.Duration) (Swept, error)
	// RunRetention sweeps every interval until ctx is done.
	RunRetention(ctx context.Context, every, keep time.Duration)
	// Close releases the store (for etcd: its lease, not the client).
	Close() error
}

var (
	_ Backend = (*DB)(nil)
	_ Backend = (*Etcd)(nil)
)

// ErrLocked is returned by Open when another process holds the file.
var ErrLocked = errors.New("the data directory is in use by another policybot process")

// DB is a dialog.Store backed by bbolt. It is safe for concurrent use.
type DB struct {
	db     *bolt.DB
	ttl    time.Duration
	now    func() time.Time
	logger *slog.Logger
	seq    atomic.Uint64 // disambiguates log keys written in the same nanosecond
	w      *writer       // every write goes through it (commit.go)

	stage // updates received, not yet durable (journal.go)

	onDamage DamagePolicy // see open.go
}

// Option configures Open.
type Option func(*DB)

// WithTTL sets how long an idle chat's state is kept (default 30 days).
func WithTTL(d time.Duration) Option { return func(s *DB) { s.ttl = d } }

// WithClock sets the clock used for expiry.
func WithClock(now func() time.Time) Option { return func(s *DB) { s.now = now } }

// WithLogger sets where dropped entries are reported.
func WithLogger(l *slog.Logger) Option { return func(s *DB) { s.logger = l } }

// Open opens (creating if needed) the store at path. If another process
// holds the file, Open fails with ErrLocked after timeout instead of
// waiting forever (bbolt's default). A damaged file is never a panic: Open
// fails with ErrDamaged or, with WithDamagePolicy(MoveAsideOnDamage), sets
// it aside and starts empty.
func Open(path string, timeout time.Duration, opts ...Option) (*DB, error) {
	s := &DB{ttl: 30 * 24 * time.Hour, now: time.Now, logger: slog.Default(), stage: newStage()}
	for _, o := range opts {
		o(s)
	}
	db, err := s.openFile(path, timeout) // checked; damage handled by the DamagePolicy (open.go)
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketState, bucketFeedback, bucketAsked, bucketInbox, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.db = db
	s.w = newWriter(db, s.expectCommit)
	return s, nil
}

// Close waits for the writes in flight and closes the file.
func (s *DB) Close() error {
	s.w.close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Backup writes a consistent snapshot of the whole file to w while the bot
// keeps running (a read transaction), and returns the bytes written.
func (s *DB) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("backup store: %w", err)
	}
	return n, nil
}

func chatKey(chatID int64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, uint64(chatID))
	return k
}

// Load returns the chat's state. A missing, expired, unreadable or
// unknown-version entry gives ok=false; the last two are deleted and logged.
func (s *DB) Load(ctx context.Context, chatID int64) (dialog.State, bool, error) {
	var raw []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketState).Get(chatKey(chatID)); v != nil {
			raw = bytes.Clone(v)
		}
		return nil
	})
	if err != nil || raw == nil {
		return dialog.State{}, false, wrap("load state", err)
	}
	st, err := unmarshalState(raw)
	if err != nil {
		s.logger.Warn("dropping unreadable chat state", "chat", chatID, "err", err)
		return dialog.State{}, false, s.deleteState(chatID)
	}
	if s.now().Sub(st.Updated) > s.ttl {
		return dialog.State{}, false, s.deleteState(chatID)
	}
	return st, true, nil
}

// Commit writes one turn of chatID in a single durable transaction (shared
// with other chats' turns that arrive while one is being written): with
// c.Forget the deletion of everything stored for the chat first, then the
// state, the questions, the votes and, when c.EventID is journaled, the
// event's replies, which mark it answered (see journal.go). A chat's vote
// on a measure replaces its earlier vote on that measure. After a Forget
// the file's free pages are overwritten (see scrub.go), so the deleted
// text cannot be read from the file either.
func (s *DB) Commit(ctx context.Context, chatID int64, c dialog.Commit) error {
	var state []byte
	if c.State != nil {
		var err error
		if state, err = json.Marshal(encodeState(*c.State)); err != nil {
			return wrap("commit turn", err)
		}
	}
	type kv struct{ k, v []byte }
	var asked, votes []kv
	for _, q := range c.Asked {
		raw, err := json.Marshal(encodeAsked(q))
		if err != nil {
			return wrap("commit turn", err)
		}
		asked = append(asked, kv{s.logKey(chatID, q.Time), raw})
	}
	for _, f := range c.Feedback {
		raw, err := json.Marshal(encodeFeedback(f))
		if err != nil {
			return wrap("commit turn", err)
		}
		votes = append(votes, kv{voteKey(chatID, f.Measure), raw})
	}
	answered := s.answeredRecord(c.EventID, c.Replies, s.now())
	err := wrap("commit turn", s.w.update(func(tx *bolt.Tx) error {
		if c.Forget {
			if err := forgetChat(tx, chatID); err != nil {
				return err
			}
		}
		if state != nil {
			if err := tx.Bucket(bucketState).Put(chatKey(chatID), state); err != nil {
				return err
			}
		}
		for _, e := range asked {
			if err := tx.Bucket(bucketAsked).Put(e.k, e.v); err != nil {
				return err
			}
		}
		for _, e := range votes {
			if err := tx.Bucket(bucketFeedback).Put(e.k, e.v); err != nil {
				return err
			}
		}
		return answered(tx)
	}))
	if err != nil {
		return err
	}
	if c.EventID != 0 {
		s.markDurable(c.EventID)
	}
	if c.Forget {
		s.scrubFreePages()
	}
	return nil
}

func (s *DB) deleteState(chatID int64) error {
	return wrap("delete state", s.w.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketState).Delete(chatKey(chatID))
	}))
}

// forgetChat deletes everything stored for the chat: state, votes, log.
func forgetChat(tx *bolt.Tx, chatID int64) error {
	prefix := chatKey(chatID)
	if err := tx.Bucket(bucketState).Delete(prefix); err != nil {
		return err
	}
	for _, name := range [][]byte{bucketFeedback, bucketAsked} {
		b := tx.Bucket(name)
		var keys [][]byte
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// logKey orders a chat's log entries by time: chat id, time, sequence.
func (s *DB) logKey(chatID int64, t time.Time) []byte {
	k := make([]byte, 24)
	binary.BigEndian.PutUint64(k, uint64(chatID))
	binary.BigEndian.PutUint64(k[8:], uint64(t.UnixNano()))
	binary.BigEndian.PutUint64(k[16:], s.seq.Add(1))
	return k
}

// voteKey is a chat's vote on a measure: one per chat and measure. (Votes
// written before had log keys, 24 bytes; they are still counted.)
func voteKey(chatID int64, measure int) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(chatID))
	binary.BigEndian.PutUint64(k[8:], uint64(measure))
	return k
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}
