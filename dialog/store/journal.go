package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
)

// The update journal (dialog.Journal). An adapter records each update here
// before it acknowledges it to Telegram, so a crash cannot lose it. An
// entry, keyed by the update id, goes through three states:
//
//	received  the update is stored; its turn has not committed
//	answered  its turn committed (in the same transaction as the chat's
//	          state, see Commit) with the replies to send; sent counts
//	          the replies delivered so far
//	done      every reply was delivered; only a tombstone is kept, so a
//	          redelivered update is recognised and dropped
//
// After a restart, received entries are handled again from their bytes,
// and answered ones have their remaining replies sent without running the
// turn again. Tombstones older than tombstoneTTL are removed: Telegram
// keeps an update for at most 24 hours, so nothing older can come again.

// tombstoneTTL is how long a finished update's id is remembered.
const tombstoneTTL = 48 * time.Hour

// Journal entry states.
const (
	entryReceived = "received"
	entryAnswered = "answered"
	entryDone     = "done"
)

type inboxRecord struct {
	V       int           `json:"v"`
	State   string        `json:"state"`
	Raw     []byte        `json:"raw,omitempty"`
	Replies []replyRecord `json:"replies,omitempty"`
	Sent    int           `json:"sent,omitempty"`
	At      time.Time     `json:"at"` // when the entry last changed
}

var metaLastID = []byte("last_update_id")

func idKey(id int64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, uint64(id))
	return k
}

var _ dialog.Journal = (*DB)(nil)

// Receive implements dialog.Journal: new events are stored in one durable
// transaction; events already journaled (pending or finished) are left
// out of the result.
func (s *DB) Receive(ctx context.Context, evs []dialog.Inbound) ([]dialog.Inbound, error) {
	now := s.now()
	recs := make([][]byte, len(evs))
	for i, ev := range evs {
		raw, err := json.Marshal(inboxRecord{V: recordVersion, State: entryReceived, Raw: ev.Raw, At: now})
		if err != nil {
			return nil, wrap("journal updates", err)
		}
		recs[i] = raw
	}
	var fresh []dialog.Inbound
	err := s.w.update(func(tx *bolt.Tx) error {
		fresh = fresh[:0] // the write may run twice (commit.go)
		b := tx.Bucket(bucketInbox)
		meta := tx.Bucket(bucketMeta)
		last := int64(0)
		if v := meta.Get(metaLastID); len(v) == 8 {
			last = int64(binary.BigEndian.Uint64(v))
		}
		for i, ev := range evs {
			if ev.ID <= 0 {
				return fmt.Errorf("update id %d is not positive", ev.ID)
			}
			if b.Get(idKey(ev.ID)) != nil {
				continue
			}
			if err := b.Put(idKey(ev.ID), recs[i]); err != nil {
				return err
			}
			fresh = append(fresh, ev)
			last = max(last, ev.ID)
		}
		return meta.Put(metaLastID, idKey(last))
	})
	if err != nil {
		return nil, wrap("journal updates", err)
	}
	return fresh, nil
}

// LastID implements dialog.Journal.
func (s *DB) LastID(ctx context.Context) (int64, error) {
	var last int64
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaLastID); len(v) == 8 {
			last = int64(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return last, wrap("read journal", err)
}

// Unfinished implements dialog.Journal. It also removes tombstones older
// than tombstoneTTL. An unreadable entry is logged and skipped.
func (s *DB) Unfinished(ctx context.Context) ([]dialog.Pending, error) {
	var out []dialog.Pending
	var stale [][]byte
	cutoff := s.now().Add(-tombstoneTTL)
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInbox).ForEach(func(k, v []byte) error {
			var r inboxRecord
			if len(k) != 8 || json.Unmarshal(v, &r) != nil {
				s.logger.Error("skipping an unreadable update journal entry", "key", fmt.Sprintf("%x", k))
				return nil
			}
			id := int64(binary.BigEndian.Uint64(k))
			switch r.State {
			case entryDone:
				if r.At.Before(cutoff) {
					stale = append(stale, bytes.Clone(k))
				}
			case entryReceived, entryAnswered:
				out = append(out, dialog.Pending{
					Inbound:  dialog.Inbound{ID: id, Raw: bytes.Clone(r.Raw)},
					Answered: r.State == entryAnswered,
					Replies:  decodeReplies(r.Replies),
					Sent:     r.Sent,
				})
			}
			return nil
		})
	})
	if err != nil {
		return nil, wrap("read journal", err)
	}
	if len(stale) > 0 {
		err = s.w.update(func(tx *bolt.Tx) error {
			for _, k := range stale {
				if err := tx.Bucket(bucketInbox).Delete(k); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return out, wrap("prune journal", err)
		}
	}
	return out, nil
}

// Delivered implements dialog.Journal. An id that is not journaled is
// ignored (the engine also runs without an adapter journal).
func (s *DB) Delivered(ctx context.Context, id int64, sent int, done bool) error {
	now := s.now()
	return wrap("journal delivery", s.w.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInbox)
		v := b.Get(idKey(id))
		if v == nil {
			return nil
		}
		var r inboxRecord
		if done {
			r = inboxRecord{V: recordVersion, State: entryDone, At: now}
		} else {
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			r.Sent, r.At = sent, now
		}
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return b.Put(idKey(id), raw)
	}))
}

// answeredRecord returns the part of a turn's Commit that marks event id
// answered with its replies (done at once when there are none to send).
// The update's bytes are kept: resending needs its chat and message.
func answeredRecord(id int64, replies []dialog.Reply, now time.Time) (func(*bolt.Tx) error, error) {
	if id == 0 {
		return func(*bolt.Tx) error { return nil }, nil
	}
	recs := encodeReplies(replies)
	return func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInbox)
		v := b.Get(idKey(id))
		if v == nil {
			return nil // not journaled: nothing to mark
		}
		var r inboxRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("journal entry %d: %w", id, err)
		}
		r.V, r.At = recordVersion, now
		if len(recs) == 0 {
			r = inboxRecord{V: recordVersion, State: entryDone, At: now}
		} else {
			r.State, r.Replies, r.Sent = entryAnswered, recs, 0
		}
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return b.Put(idKey(id), raw)
	}, nil
}
