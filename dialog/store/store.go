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

// schemaVersion is written into every entry; entries of another version
// are dropped on read rather than misread.
const schemaVersion = 1

var (
	bucketState    = []byte("state")
	bucketFeedback = []byte("feedback")
	bucketAsked    = []byte("asked")
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
	s := &DB{ttl: 30 * 24 * time.Hour, now: time.Now, logger: slog.Default()}
	for _, o := range opts {
		o(s)
	}
	db, err := s.openFile(path, timeout) // checked; damage handled by the DamagePolicy (open.go)
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketState, bucketFeedback, bucketAsked} {
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
	return s, nil
}

// Close closes the file.
func (s *DB) Close() error {
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

type stateEntry struct {
	V     int          `json:"v"`
	State dialog.State `json:"state"`
}

func chatKey(chatID int64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, uint64(chatID))
	return k
}

// Load returns the chat's state. A missing, expired, unreadable or
// other-version entry gives ok=false; the last two are deleted and logged.
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
	var e stateEntry
	if err := json.Unmarshal(raw, &e); err != nil || e.V != schemaVersion {
		s.logger.Warn("dropping unreadable chat state", "chat", chatID, "version", e.V, "err", err)
		return dialog.State{}, false, s.deleteState(chatID)
	}
	if s.now().Sub(e.State.Updated) > s.ttl {
		return dialog.State{}, false, s.deleteState(chatID)
	}
	return e.State, true, nil
}

// Save stores the chat's state. Saves from concurrent chats are batched
// into shared transactions, so many chats cost far fewer fsyncs.
func (s *DB) Save(ctx context.Context, chatID int64, st dialog.State) error {
	raw, err := json.Marshal(stateEntry{V: schemaVersion, State: st})
	if err != nil {
		return wrap("save state", err)
	}
	return wrap("save state", s.db.Batch(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketState).Put(chatKey(chatID), raw)
	}))
}

func (s *DB) deleteState(chatID int64) error {
	return wrap("delete state", s.db.Batch(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketState).Delete(chatKey(chatID))
	}))
}

// Delete removes everything stored for the chat (/forget).
func (s *DB) Delete(ctx context.Context, chatID int64) error {
	prefix := chatKey(chatID)
	return wrap("forget chat", s.db.Update(func(tx *bolt.Tx) error {
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
	}))
}

// logKey orders a chat's log entries by time: chat id, time, sequence.
func (s *DB) logKey(chatID int64, t time.Time) []byte {
	k := make([]byte, 24)
	binary.BigEndian.PutUint64(k, uint64(chatID))
	binary.BigEndian.PutUint64(k[8:], uint64(t.UnixNano()))
	binary.BigEndian.PutUint64(k[16:], s.seq.Add(1))
	return k
}

type feedbackEntry struct {
	V int `json:"v"`
	dialog.Feedback
}

type askedEntry struct {
	V int `json:"v"`
	dialog.Asked
}

// AddFeedback records a vote on an answer.
func (s *DB) AddFeedback(ctx context.Context, f dialog.Feedback) error {
	raw, err := json.Marshal(feedbackEntry{schemaVersion, f})
	if err != nil {
		return wrap("save feedback", err)
	}
	key := s.logKey(f.ChatID, f.Time)
	return wrap("save feedback", s.db.Batch(func(tx *bolt.Tx) error { return tx.Bucket(bucketFeedback).Put(key, raw) }))
}

// LogQuestion records a question and how it was answered.
func (s *DB) LogQuestion(ctx context.Context, q dialog.Asked) error {
	raw, err := json.Marshal(askedEntry{schemaVersion, q})
	if err != nil {
		return wrap("log question", err)
	}
	key := s.logKey(q.ChatID, q.Time)
	return wrap("log question", s.db.Batch(func(tx *bolt.Tx) error { return tx.Bucket(bucketAsked).Put(key, raw) }))
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}
