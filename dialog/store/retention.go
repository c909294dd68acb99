package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"log/slog"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DefaultRetention is how long logged questions and votes are kept unless
// the operator chooses otherwise: long enough to tune the lexicon over a
// season, short enough that users' words do not pile up forever.
const DefaultRetention = 180 * 24 * time.Hour

// sweepBatch bounds the deletions of one write transaction, so a sweep of a
// large log never holds the writer long enough to delay a turn noticeably.
const sweepBatch = 1000

// Swept is what one sweep removed.
type Swept struct {
	States    int // chat states idle longer than the TTL (or unreadable)
	Questions int // question-log entries older than the retention
	Votes     int // feedback entries older than the retention
	Journal   int // tombstones of updates finished long ago (PruneJournal)
}

// Sweep removes chat states idle longer than the store's TTL (WithTTL)
// question-log and feedback entries older than keep, and the update
// journal's old tombstones. A state otherwise
// expires only when its chat writes again, and the logs would grow forever.
func (s *DB) Sweep(keep time.Duration) (Swept, error) {
	var out Swept
	now := s.now()
	n, err := s.sweepBucket(bucketState, func(_, v []byte) bool {
		st, err := unmarshalState(v)
		if err != nil {
			return true // Load would drop it too
		}
		return now.Sub(st.Updated) > s.ttl
	})
	out.States = n
	if err != nil {
		return out, fmt.Errorf("sweep states: %w", err)
	}
	cutoff := now.Add(-keep).UnixNano()
	old := func(k, _ []byte) bool { return len(k) >= 16 && int64(binary.BigEndian.Uint64(k[8:16])) < cutoff }
	if out.Questions, err = s.sweepBucket(bucketAsked, old); err != nil {
		return out, fmt.Errorf("sweep question log: %w", err)
	}
	// A vote is keyed by chat and measure (voteKey), so its age is in
	// the record; an unreadable one is as good as gone.
	oldVote := func(_, v []byte) bool {
		f, err := unmarshalFeedback(v)
		return err != nil || f.Time.UnixNano() < cutoff
	}
	if out.Votes, err = s.sweepBucket(bucketFeedback, oldVote); err != nil {
		return out, fmt.Errorf("sweep feedback: %w", err)
	}
	if out.Journal, err = s.PruneJournal(context.Background()); err != nil {
		return out, fmt.Errorf("sweep: %w", err)
	}
	return out, nil
}

// sweepBucket deletes the entries of bucket for which expired holds, at
// most sweepBatch per transaction, and returns how many it deleted.
func (s *DB) sweepBucket(bucket []byte, expired func(k, v []byte) bool) (int, error) {
	total := 0
	var from []byte
	for {
		var keys [][]byte
		var next []byte
		err := s.db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucket)
			if b == nil {
				return nil
			}
			c := b.Cursor()
			k, v := c.First()
			if from != nil {
				k, v = c.Seek(from)
			}
			for ; k != nil; k, v = c.Next() {
				if len(keys) == sweepBatch {
					next = bytes.Clone(k)
					break
				}
				if expired(k, v) {
					keys = append(keys, bytes.Clone(k))
				}
			}
			return nil
		})
		if err != nil {
			return total, err
		}
		if len(keys) > 0 {
			// Through the group-commit writer, like every write of the store.
			err = s.w.update(func(tx *bolt.Tx) error {
				b := tx.Bucket(bucket)
				for _, k := range keys {
					if err := b.Delete(k); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return total, err
			}
			total += len(keys)
		}
		if next == nil {
			return total, nil
		}
		from = next
	}
}

// RunRetention sweeps (see Sweep) at once and then every interval until ctx
// is done, logging what each sweep removed and any failure. Serve runs it
// in its own goroutine.
func (s *DB) RunRetention(ctx context.Context, every, keep time.Duration) {
	runRetention(ctx, s.logger, every, keep, s.Sweep)
}

// runRetention is RunRetention with any store's sweep.
func runRetention(ctx context.Context, logger *slog.Logger, every, keep time.Duration, sweep func(time.Duration) (Swept, error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		sw, err := sweep(keep)
		switch {
		case err != nil:
			logger.Error("retention sweep failed", "error", err)
		case sw != Swept{}:
			logger.Info("retention sweep", "states", sw.States, "questions", sw.Questions, "votes", sw.Votes, "journal", sw.Journal, "keep", keep.String())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
