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

// stagedEvent is an update received but not yet durable.
type stagedEvent struct {
	raw     []byte
	durable chan struct{} // closed once written
}

// Stage implements dialog.Journal.
func (s *DB) Stage(evs []dialog.Inbound) ([]dialog.Inbound, error) {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	var fresh []dialog.Inbound
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInbox)
		for _, ev := range evs {
			if ev.ID <= 0 {
				return fmt.Errorf("update id %d is not positive", ev.ID)
			}
			if s.staged[ev.ID] != nil || b.Get(idKey(ev.ID)) != nil {
				continue
			}
			s.staged[ev.ID] = &stagedEvent{raw: ev.Raw, durable: make(chan struct{})}
			fresh = append(fresh, ev)
		}
		return nil
	})
	return fresh, wrap("journal updates", err)
}

// stagedRaw returns the bytes of a staged event, or nil.
func (s *DB) stagedRaw(id int64) []byte {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	if e := s.staged[id]; e != nil {
		return e.raw
	}
	return nil
}

// markDurable ends the staging of ids, which are now on disk.
func (s *DB) markDurable(ids ...int64) {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	for _, id := range ids {
		if e := s.staged[id]; e != nil {
			close(e.durable)
			delete(s.staged, id)
		}
	}
}

// Flush implements dialog.Journal.
func (s *DB) Flush(ctx context.Context, ids []int64) error {
	now := s.now()
	var mine []int64
	for _, id := range ids {
		if s.stagedRaw(id) != nil {
			mine = append(mine, id)
		}
	}
	if len(mine) > 0 {
		err := s.w.update(func(tx *bolt.Tx) error {
			for _, id := range mine {
				raw := s.stagedRaw(id)
				if raw == nil || tx.Bucket(bucketInbox).Get(idKey(id)) != nil {
					continue // written meanwhile
				}
				if err := putEntry(tx, id, inboxRecord{V: recordVersion, State: entryReceived, Raw: raw, At: now}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return wrap("journal updates", err)
		}
		s.markDurable(mine...)
	}
	return s.WaitDurable(ctx, ids)
}

// WaitDurable implements dialog.Journal.
func (s *DB) WaitDurable(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		s.stageMu.Lock()
		e := s.staged[id]
		s.stageMu.Unlock()
		if e == nil {
			continue
		}
		select {
		case <-e.durable:
		case <-ctx.Done():
			return fmt.Errorf("journal updates: %w", ctx.Err())
		}
	}
	return nil
}

// putEntry writes a journal entry and advances the highest id received.
func putEntry(tx *bolt.Tx, id int64, r inboxRecord) error {
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketInbox).Put(idKey(id), raw); err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	if v := meta.Get(metaLastID); len(v) == 8 && int64(binary.BigEndian.Uint64(v)) >= id {
		return nil
	}
	return meta.Put(metaLastID, idKey(id))
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
// than tombstoneTTL (see PruneJournal). An unreadable entry is logged and
// skipped.
func (s *DB) Unfinished(ctx context.Context) ([]dialog.Pending, error) {
	var out []dialog.Pending
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInbox).ForEach(func(k, v []byte) error {
			var r inboxRecord
			if len(k) != 8 || json.Unmarshal(v, &r) != nil {
				s.logger.Error("skipping an unreadable update journal entry", "key", fmt.Sprintf("%x", k))
				return nil
			}
			if r.State == entryReceived || r.State == entryAnswered {
				out = append(out, dialog.Pending{
					Inbound:  dialog.Inbound{ID: int64(binary.BigEndian.Uint64(k)), Raw: bytes.Clone(r.Raw)},
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
	if _, err := s.PruneJournal(ctx); err != nil {
		return out, err
	}
	return out, nil
}

// PruneJournal removes the tombstones of updates finished more than 48
// hours ago (Telegram never delivers an update again after 24 hours) and
// returns how many. Unfinished calls it at start, and Sweep with the
// retention sweep of a long-running process.
func (s *DB) PruneJournal(ctx context.Context) (int, error) {
	cutoff := s.now().Add(-tombstoneTTL)
	n, err := s.sweepBucket(bucketInbox, func(_, v []byte) bool {
		var r inboxRecord
		return json.Unmarshal(v, &r) == nil && r.State == entryDone && r.At.Before(cutoff)
	})
	return n, wrap("prune journal", err)
}

// Delivered implements dialog.Journal. An id that is not journaled is
// ignored (the engine also runs without an adapter journal). A record
// never goes back: a smaller sent count than the stored one is ignored.
func (s *DB) Delivered(id int64, sent int, done bool, then func(error)) {
	now := s.now()
	fn := func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInbox)
		v := b.Get(idKey(id))
		if v == nil {
			raw := s.stagedRaw(id)
			switch {
			case raw == nil:
				return nil // not journaled
			case done:
				return putEntry(tx, id, inboxRecord{V: recordVersion, State: entryDone, At: now})
			default:
				return putEntry(tx, id, inboxRecord{V: recordVersion, State: entryReceived, Raw: raw, Sent: sent, At: now})
			}
		}
		var r inboxRecord
		if err := json.Unmarshal(v, &r); err != nil && !done {
			return fmt.Errorf("journal entry %d: %w", id, err)
		}
		switch {
		case r.State == entryDone:
			return nil
		case done:
			r = inboxRecord{V: recordVersion, State: entryDone, At: now}
		case sent > r.Sent:
			r.Sent, r.At = sent, now
		default:
			return nil
		}
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return b.Put(idKey(id), raw)
	}
	s.w.submit(fn, func(err error) {
		if err == nil {
			s.markDurable(id)
		}
		if then != nil {
			then(wrap("journal delivery", err))
		}
	})
}

// answeredRecord returns the part of a turn's Commit that marks event id
// answered with its replies (done at once when there are none to send).
// The update's bytes are kept: resending needs its chat and message.
func (s *DB) answeredRecord(id int64, replies []dialog.Reply, now time.Time) (func(*bolt.Tx) error, error) {
	if id == 0 {
		return func(*bolt.Tx) error { return nil }, nil
	}
	recs := encodeReplies(replies)
	return func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInbox)
		var r inboxRecord
		if v := b.Get(idKey(id)); v != nil {
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("journal entry %d: %w", id, err)
			}
		} else if r.Raw = s.stagedRaw(id); r.Raw == nil {
			return nil // not journaled: nothing to mark
		}
		r.V, r.At = recordVersion, now
		if len(recs) == 0 {
			r = inboxRecord{V: recordVersion, State: entryDone, At: now}
		} else {
			r.State, r.Replies, r.Sent = entryAnswered, recs, 0
		}
		return putEntry(tx, id, r)
	}, nil
}
