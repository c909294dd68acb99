package store

import (
	"policybot/seeds"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Count is a question and how often it occurred.
type Count struct {
	Question string
	Count    int
	Measure  int // the measure it was last answered with, 0 if none
	// Guide is the id of the guide that answered it (a bot serving several
	// guides counts a question per guide), "" for one guide.
	Guide string
}

// Stats is what operators read to improve the lexicon: what people ask
// most, what the bot could not answer, and which answers were voted down.
type Stats struct {
	Questions  int
	Unreadable int // log entries that could not be decoded (damage, or another version)
	Chats      int
	MostAsked  []Count
	Unanswered []Count
	DownVoted  []Count
	UpVotes    int
	DownVotes  int
}

// Stats summarizes the question log and feedback, top n of each list.
func (s *DB) Stats(n int) (Stats, error) {
	return stats(n, func(asked func([]byte), vote func([]byte)) error {
		return s.db.View(func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketAsked).ForEach(func(_, v []byte) error { asked(v); return nil }); err != nil {
				return err
			}
			return tx.Bucket(bucketFeedback).ForEach(func(_, v []byte) error { vote(v); return nil })
		})
	})
}

// stats is Stats over any store's raw log records.
func stats(n int, scan func(asked func([]byte), vote func([]byte)) error) (Stats, error) {
	var st Stats
	asked := map[string]*Count{}
	none := map[string]*Count{}
	down := map[string]*Count{}
	chats := map[int64]bool{}
	err := scan(func(v []byte) {
		e, err := unmarshalAsked(v)
		if err != nil {
			st.Unreadable++
			return
		}
		st.Questions++
		chats[e.ChatID] = true
		q := normalize(e.Question)
		bump(asked, q, e.Guide, e.Measure)
		if e.Kind == seeds.KindNone {
			bump(none, q, e.Guide, 0)
		}
	}, func(v []byte) {
		e, err := unmarshalFeedback(v)
		if err != nil {
			return
		}
		if e.Up {
			st.UpVotes++
		} else {
			st.DownVotes++
			bump(down, normalize(e.Question), e.Guide, e.Measure)
		}
	})
	if err != nil {
		return st, wrap("stats", err)
	}
	st.Chats = len(chats)
	st.MostAsked, st.Unanswered, st.DownVoted = top(asked, n), top(none, n), top(down, n)
	return st, nil
}

// normalize groups questions that differ only in spacing. It is not the
// index's normaliser (index.Normalize): a logged question keeps what was
// stored, control characters included, so stats can show them escaped.
func normalize(q string) string {
	return strings.Join(strings.Fields(q), " ")
}

func bump(m map[string]*Count, q, guide string, measure int) {
	c := m[guide+"\x00"+q]
	if c == nil {
		c = &Count{Question: q, Guide: guide}
		m[guide+"\x00"+q] = c
	}
	c.Count++
	if measure != 0 {
		c.Measure = measure
	}
}

func top(m map[string]*Count, n int) []Count {
	out := make([]Count, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Guide != out[j].Guide {
			return out[i].Guide < out[j].Guide
		}
		return out[i].Question < out[j].Question
	})
	if len(out) > max(n, 0) {
		out = out[:max(n, 0)]
	}
	return out
}
