package store

import (
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
)

// Review kinds: the lists of questions an operator reviews.
const (
	ReviewNone    = "none"    // the bot declined: the guide has no answer it found
	ReviewSuggest = "suggest" // the bot only suggested the closest measures
	ReviewDown    = "down"    // the answer got a 👎
)

// DayCount is the number of questions asked on one day.
type DayCount struct {
	Day   string `json:"day"` // 2006-01-02 in the location asked for
	Count int    `json:"count"`
}

// KindCount is how many questions got one kind of answer.
type KindCount struct {
	Kind  string  `json:"kind"`
	Count int     `json:"count"`
	Share float64 `json:"share"` // of all questions in the period, 0–1
}

// MeasureCount is how often a measure was the answer, and its votes.
type MeasureCount struct {
	Measure int `json:"measure"`
	Asked   int `json:"asked"`
	Up      int `json:"up"`
	Down    int `json:"down"`
}

// Summary is the review page's overview of a period.
type Summary struct {
	Days        []DayCount     `json:"days"`         // every day of the period, oldest first, zeros included
	Kinds       []KindCount    `json:"kinds"`        // most frequent first
	TopMeasures []MeasureCount `json:"top_measures"` // most asked first
	Votes       []MeasureCount `json:"votes"`        // measures with votes, most votes first
	Questions   int            `json:"questions"`    // in the period
}

// ReviewQuestion is one distinct question of a review list.
type ReviewQuestion struct {
	Text     string    `json:"text"`
	Count    int       `json:"count"`    // how often it was asked (for down: voted down)
	Kind     string    `json:"kind"`     // the list it is on
	Measures []int     `json:"measures"` // what the bot answered with, latest first; empty for none
	Last     time.Time `json:"last"`
}

// Summary counts the questions of the last days days up to now (days
// counted in loc), the share of each answer kind among them, the top
// measures answered (at most top) and the votes per measure (all time).
func (s *DB) Summary(now time.Time, loc *time.Location, days, top int) (Summary, error) {
	if days < 1 {
		days = 1
	}
	now = now.In(loc)
	first := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, -(days - 1))
	sum := Summary{Days: make([]DayCount, days)}
	dayIndex := map[string]int{}
	for i := range sum.Days {
		d := first.AddDate(0, 0, i).Format(time.DateOnly)
		sum.Days[i].Day = d
		dayIndex[d] = i
	}
	kinds := map[string]int{}
	measures := map[int]*MeasureCount{}
	measure := func(n int) *MeasureCount {
		m := measures[n]
		if m == nil {
			m = &MeasureCount{Measure: n}
			measures[n] = m
		}
		return m
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		if err := forEachAsked(tx, func(a dialog.Asked) {
			if a.Time.Before(first) {
				return
			}
			i, ok := dayIndex[a.Time.In(loc).Format(time.DateOnly)]
			if !ok {
				return // in the future of now
			}
			sum.Days[i].Count++
			sum.Questions++
			kinds[string(a.Kind)]++
			if a.Measure > 0 {
				measure(a.Measure).Asked++
			}
		}); err != nil {
			return err
		}
		return forEachFeedback(tx, func(f dialog.Feedback) {
			if f.Measure <= 0 {
				return
			}
			if f.Up {
				measure(f.Measure).Up++
			} else {
				measure(f.Measure).Down++
			}
		})
	})
	if err != nil {
		return Summary{}, wrap("review summary", err)
	}
	for k, n := range kinds {
		sum.Kinds = append(sum.Kinds, KindCount{Kind: k, Count: n, Share: float64(n) / float64(sum.Questions)})
	}
	sort.Slice(sum.Kinds, func(i, j int) bool {
		a, b := sum.Kinds[i], sum.Kinds[j]
		return a.Count > b.Count || a.Count == b.Count && a.Kind < b.Kind
	})
	for _, m := range measures {
		if m.Asked > 0 {
			sum.TopMeasures = append(sum.TopMeasures, *m)
		}
		if m.Up+m.Down > 0 {
			sum.Votes = append(sum.Votes, *m)
		}
	}
	sort.Slice(sum.TopMeasures, func(i, j int) bool {
		a, b := sum.TopMeasures[i], sum.TopMeasures[j]
		return a.Asked > b.Asked || a.Asked == b.Asked && a.Measure < b.Measure
	})
	if top > 0 && len(sum.TopMeasures) > top {
		sum.TopMeasures = sum.TopMeasures[:top]
	}
	sort.Slice(sum.Votes, func(i, j int) bool {
		a, b := sum.Votes[i], sum.Votes[j]
		return a.Up+a.Down > b.Up+b.Down || a.Up+a.Down == b.Up+b.Down && a.Measure < b.Measure
	})
	return sum, nil
}

// Questions lists the distinct questions (whitespace-normalized) of one
// review kind, newest first, at most limit: those the bot answered with
// kind none or suggest, or whose answer got a 👎 (kind down). Each carries
// how often it occurred, when last, and the measures the bot answered it
// with. Skip, when not nil, drops questions (those already in the example
// bank). An unknown kind gives an empty list.
func (s *DB) Questions(kind string, limit int, skip func(question string) bool) ([]ReviewQuestion, error) {
	byText := map[string]*ReviewQuestion{}
	add := func(text string, measure int, t time.Time) {
		text = normalize(text)
		if text == "" || skip != nil && skip(text) {
			return
		}
		q := byText[text]
		if q == nil {
			q = &ReviewQuestion{Text: text, Kind: kind}
			byText[text] = q
		}
		q.Count++
		// Keys are ordered by chat, not time: keep measures latest first.
		if measure > 0 && !slices.Contains(q.Measures, measure) {
			if t.After(q.Last) {
				q.Measures = append([]int{measure}, q.Measures...)
			} else {
				q.Measures = append(q.Measures, measure)
			}
		}
		if t.After(q.Last) {
			q.Last = t
		}
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		switch kind {
		case ReviewNone, ReviewSuggest:
			return forEachAsked(tx, func(a dialog.Asked) {
				if string(a.Kind) == kind {
					add(a.Question, a.Measure, a.Time)
				}
			})
		case ReviewDown:
			return forEachFeedback(tx, func(f dialog.Feedback) {
				if !f.Up {
					add(f.Question, f.Measure, f.Time)
				}
			})
		}
		return nil
	})
	if err != nil {
		return nil, wrap("review questions", err)
	}
	out := make([]ReviewQuestion, 0, len(byText))
	for _, q := range byText {
		if q.Measures == nil {
			q.Measures = []int{}
		}
		out = append(out, *q)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Last.Equal(out[j].Last) {
			return out[i].Last.After(out[j].Last)
		}
		return out[i].Text < out[j].Text
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// forEachAsked calls fn with every readable question log entry; entries
// of another schema version or unreadable ones are skipped, as in Stats.
func forEachAsked(tx *bolt.Tx, fn func(dialog.Asked)) error {
	return tx.Bucket(bucketAsked).ForEach(func(_, v []byte) error {
		if e, ok := decodeAsked(v); ok {
			fn(e)
		}
		return nil
	})
}

// forEachFeedback calls fn with every readable vote.
func forEachFeedback(tx *bolt.Tx, fn func(dialog.Feedback)) error {
	return tx.Bucket(bucketFeedback).ForEach(func(_, v []byte) error {
		if e, ok := decodeFeedback(v); ok {
			fn(e)
		}
		return nil
	})
}
