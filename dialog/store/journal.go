package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sync"
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
//	done      every reply was delivered (or given up on); only a tombstone
//	          is kept, so a redelivered update is recognised and dropped
//
// After a restart, received entries are handled again from their bytes,
// and answered ones have their remaining replies sent without running the
// turn again. Tombstones older than tombstoneTTL are removed: Telegram
// keeps an update for at most 24 hours, so nothing older can come again.
//
// Update ids can start over: a reinstalled self-hosted Bot API server
// counts from its own start, and Telegram picks a random next id after a
// week without updates. Every entry therefore keeps a checksum of the
// update's bytes, and an id is a redelivery only with the same bytes. An
// update that reuses the id of a finished entry replaces its tombstone; one
// that reuses the id of an unfinished entry is held (see Stage) until that
// entry is finished.

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
	Sum     uint64        `json:"sum,omitempty"` // checksum of the update's bytes (0 in entries written before it)
	Replies []replyRecord `json:"replies,omitempty"`
	Sent    int           `json:"sent,omitempty"`
	Recv    time.Time     `json:"recv,omitzero"` // when the update was received
	Key     string        `json:"key,omitempty"` // ordering key (etcd store only: its pending index)
	At      time.Time     `json:"at"`            // when the entry last changed
}

// received is when r's update was received (entries written before Recv
// existed: when they last changed).
func (r inboxRecord) received() time.Time {
	if r.Recv.IsZero() {
		return r.At
	}
	return r.Recv
}

var metaLastID = []byte("last_update_id")

func idKey(id int64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, uint64(id))
	return k
}

// checksum identifies an update's bytes in its journal entry.
func checksum(raw []byte) uint64 {
	h := fnv.New64a()
	h.Write(raw)
	return h.Sum64() | 1 // never 0, which means "unknown"
}

var _ dialog.Journal = (*DB)(nil)

// stagedEvent is an update received but not yet durable.
type stagedEvent struct {
	raw    []byte
	key    string // Inbound.Key
	sum    uint64
	at     time.Time // when it was staged
	rewind bool      // its id is below the journal's last one: the ids started over
}

// Stage implements dialog.Journal.
func (s *DB) Stage(evs []dialog.Inbound) (fresh []dialog.Inbound, held []int64, err error) {
	now := s.now()
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	err = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketInbox)
		fresh, held, err = s.admit(evs, now, lastID(tx), func(id int64) (*inboxRecord, bool) {
			v := b.Get(idKey(id))
			if v == nil {
				return nil, false
			}
			var r inboxRecord
			if json.Unmarshal(v, &r) != nil {
				return nil, true
			}
			return &r, true
		})
		return err
	})
	if err != nil {
		return nil, nil, wrap("journal updates", err)
	}
	return fresh, held, nil
}

// stage holds the updates received and not yet durable, by update id:
// the part of the journal both stores keep in memory.
type stage struct {
	stageMu sync.Mutex
	staged  map[int64]*stagedEvent
}

func newStage() stage { return stage{staged: map[int64]*stagedEvent{}} }

// staging returns the staged event id, or nil.
func (s *stage) staging(id int64) *stagedEvent {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	return s.staged[id]
}

// expectCommit reports whether updates are staged: each is made durable
// by its turn's commit (or a Flush), which the writer can wait for.
func (s *stage) expectCommit() bool {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	return len(s.staged) > 0
}

// markDurable ends the staging of ids, which are now on disk.
func (s *stage) markDurable(ids ...int64) {
	s.stageMu.Lock()
	defer s.stageMu.Unlock()
	for _, id := range ids {
		delete(s.staged, id)
	}
}

// admit stages those of evs that are new, stageMu held, and returns them
// as fresh. An update staged or stored before with the same contents is a
// redelivery and dropped, as is one whose stored entry is unreadable or too
// old to tell; one with other contents is held while its id's earlier
// update is staged or not done (a done one's tombstone is replaced).
// stored returns the stored entry of an id (nil: unreadable) and whether
// there is one; last is the highest id journalled: an update below it
// starts a new sequence of ids (its entry is marked rewind), unless the
// batch holds a redelivery. An id that is not positive is an error.
func (s *stage) admit(evs []dialog.Inbound, now time.Time, last int64, stored func(id int64) (*inboxRecord, bool)) (fresh []dialog.Inbound, held []int64, err error) {
	var staged []*stagedEvent
	redelivered := false
	for _, ev := range evs {
		if ev.ID <= 0 {
			return nil, nil, fmt.Errorf("update id %d is not positive", ev.ID)
		}
		sum := checksum(ev.Raw)
		if e := s.staged[ev.ID]; e != nil {
			if e.sum != sum {
				held = append(held, ev.ID)
			} else {
				redelivered = true
			}
			continue
		}
		if r, ok := stored(ev.ID); ok {
			if r == nil || r.Sum == 0 || r.Sum == sum {
				redelivered = true // (or an entry too old to tell)
				continue
			}
			if r.State != entryDone {
				held = append(held, ev.ID)
				continue
			}
			// The tombstone of an earlier sequence's update: replaced.
		}
		e := &stagedEvent{raw: ev.Raw, key: ev.Key, sum: sum, at: now, rewind: ev.ID < last}
		s.staged[ev.ID] = e
		staged = append(staged, e)
		fresh = append(fresh, ev)
	}
	if redelivered {
		// Ids below the last one next to a redelivery are the rest of a
		// batch fetched again after a crash, not a new sequence.
		for _, e := range staged {
			e.rewind = false
		}
	}
	return fresh, held, nil
}

// current returns the stored entry of update id, or nil when there is
// none or it belongs to an earlier update with the same id that the
// staged one e replaces.
func current(tx *bolt.Tx, id int64, e *stagedEvent) (*inboxRecord, error) {
	v := tx.Bucket(bucketInbox).Get(idKey(id))
	if v == nil {
		return nil, nil
	}
	var r inboxRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, fmt.Errorf("journal entry %d: %w", id, err)
	}
	if e != nil && r.Sum != 0 && r.Sum != e.sum {
		return nil, nil
	}
	return &r, nil
}

// Flush implements dialog.Journal.
func (s *DB) Flush(ctx context.Context, ids []int64) error {
	now := s.now()
	var mine []int64
	for _, id := range ids {
		if s.staging(id) != nil {
			mine = append(mine, id)
		}
	}
	if len(mine) == 0 {
		return nil
	}
	err := s.w.update(func(tx *bolt.Tx) error {
		for _, id := range mine {
			e := s.staging(id)
			if e == nil {
				continue // written meanwhile
			}
			if r, err := current(tx, id, e); err != nil || r != nil {
				continue // written meanwhile (or unreadable: left alone)
			}
			if err := putEntry(tx, id, e, inboxRecord{V: recordVersion, State: entryReceived, Raw: e.raw, At: now}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return wrap("journal updates", err)
	}
	s.markDurable(mine...)
	return nil
}

// putEntry writes the first entry of the staged update e and advances the
// highest id received, or sets it back to id when the ids started over.
func putEntry(tx *bolt.Tx, id int64, e *stagedEvent, r inboxRecord) error {
	r.Sum, r.Recv = e.sum, e.at
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketInbox).Put(idKey(id), raw); err != nil {
		return err
	}
	if lastID(tx) >= id && !e.rewind {
		return nil
	}
	return tx.Bucket(bucketMeta).Put(metaLastID, idKey(id))
}

// lastID reads the highest id received.
func lastID(tx *bolt.Tx) int64 {
	if v := tx.Bucket(bucketMeta).Get(metaLastID); len(v) == 8 {
		return int64(binary.BigEndian.Uint64(v))
	}
	return 0
}

// LastID implements dialog.Journal.
func (s *DB) LastID(ctx context.Context) (int64, error) {
	var last int64
	err := s.db.View(func(tx *bolt.Tx) error {
		last = lastID(tx)
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
					Received: r.received(),
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
		e := s.staging(id)
		r, err := current(tx, id, e)
		if err != nil && !done {
			return err
		}
		if r == nil {
			switch {
			case e == nil && err == nil:
				return nil // not journaled
			case done:
				if e == nil {
					return tx.Bucket(bucketInbox).Put(idKey(id), mustJSON(inboxRecord{V: recordVersion, State: entryDone, At: now}))
				}
				return putEntry(tx, id, e, inboxRecord{V: recordVersion, State: entryDone, At: now})
			default:
				return putEntry(tx, id, e, inboxRecord{V: recordVersion, State: entryReceived, Raw: e.raw, Sent: sent, At: now})
			}
		}
		switch {
		case r.State == entryDone:
			return nil
		case done:
			*r = inboxRecord{V: recordVersion, State: entryDone, Sum: r.Sum, Recv: r.Recv, At: now}
		case sent > r.Sent:
			r.Sent, r.At = sent, now
		default:
			return nil
		}
		return tx.Bucket(bucketInbox).Put(idKey(id), mustJSON(*r))
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

// mustJSON marshals a journal record, which cannot fail.
func mustJSON(r inboxRecord) []byte {
	raw, err := json.Marshal(r)
	if err != nil {
		panic(err) // the writer turns it into a failed write
	}
	return raw
}

// answeredRecord returns the part of a turn's Commit that marks event id
// answered with its replies (done at once when there are none to send).
// The update's bytes are kept: resending needs its chat and message.
func (s *DB) answeredRecord(id int64, replies []dialog.Reply, now time.Time) func(*bolt.Tx) error {
	if id == 0 {
		return func(*bolt.Tx) error { return nil }
	}
	recs := encodeReplies(replies)
	return func(tx *bolt.Tx) error {
		e := s.staging(id)
		r, err := current(tx, id, e)
		if err != nil {
			return err
		}
		if r == nil {
			if e == nil {
				return nil // not journaled: nothing to mark
			}
			r = &inboxRecord{Raw: e.raw, Sum: e.sum, Recv: e.at}
		}
		r.V, r.At = recordVersion, now
		if len(recs) == 0 {
			*r = inboxRecord{V: recordVersion, State: entryDone, Sum: r.Sum, Recv: r.Recv, At: now}
		} else {
			r.State, r.Replies, r.Sent = entryAnswered, recs, 0
		}
		if e != nil {
			return putEntry(tx, id, e, *r)
		}
		return tx.Bucket(bucketInbox).Put(idKey(id), mustJSON(*r))
	}
}
