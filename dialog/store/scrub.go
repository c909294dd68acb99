package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// Scrubbing. bbolt copies a page on write and never clears the page it
// frees: after /forget deleted a chat's questions, their text (and the text
// of every journaled update, replaced long ago by its tombstone) stays in
// the file's free pages until bbolt happens to reuse them. Overwriting the
// records before deleting them would not help, since the overwrite is a
// copy too. So after a Forget the store takes every free page itself: one
// transaction fills a scratch bucket with zero-filled values, as many pages
// as are free, and the next deletes the bucket, whose pages then hold
// zeros. A page freed while a reader was open stays pending (bbolt does not
// hand it out) until the reader ends; the second round takes those.

// bucketScrub is the scratch bucket; it exists only during a scrub.
var bucketScrub = []byte("scrub")

// scrubRounds is how many fill-and-delete rounds a scrub makes.
const scrubRounds = 2

// scrubFreePages overwrites the file's free pages with zeros. A failure
// (a full disk) is logged: the deletion itself is already durable.
func (s *DB) scrubFreePages() {
	pageSize := s.db.Info().PageSize
	// Four values per page (leaf header 16 bytes, 16+8 per element).
	zero := make([]byte, (pageSize-16)/4-16-8)
	for range scrubRounds {
		st := s.db.Stats()
		pages := st.FreePageN + st.PendingPageN
		if pages == 0 {
			return
		}
		err := s.w.update(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketScrub) != nil { // left by a crash mid-scrub
				if err := tx.DeleteBucket(bucketScrub); err != nil {
					return err
				}
			}
			b, err := tx.CreateBucket(bucketScrub)
			if err != nil {
				return err
			}
			b.FillPercent = 1
			for i := range 4 * pages {
				key := binary.BigEndian.AppendUint64(nil, uint64(i)) // bbolt keeps it until commit
				if err := b.Put(key, zero); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			err = s.w.update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketScrub) })
		}
		if err != nil {
			s.logger.Error("could not overwrite the store's free pages after /forget; the deleted text stays in the file until its pages are reused", "err", err)
			return
		}
	}
}
