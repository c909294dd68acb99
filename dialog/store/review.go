package store

import (
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
	"policybot/seeds"
)

// Review kinds: the lists of questions an operator reviews.
// ReviewNone and ReviewSuggest are the answer kinds of those lists.
const (
	ReviewNone               = seeds.KindNone    // the bot declined: the guide has no answer it found
	ReviewSuggest            = seeds.KindSuggest // the bot only suggested the closest measures
	ReviewDown    seeds.Kind = "down"            // the answer got a 👎 (a list, not an answer kind)
)

// DayCount is the number of questions asked on one day.
type DayCount struct {
	Day   string `json:"day"` // 2006-01-02 in the location asked for
	Count int    `json:"count"`
}

// KindCount is how many questions got one kind of answer.
type KindCount struct {
	Kind  seeds.Kind `json:"kind"`
	Count int        `json:"count"`
	Share float64    `json:"share"` // of all questions in the period, 0–1
}

// MeasureCount is how often a measure was the answer, and its votes. A
// bot serving several guides counts each guide's measures apart: Guide is
// the measure's guide's id ("" for one guide), as measure numbers mean
// nothing across guides.
type MeasureCount struct {
	Guide   string `json:"guide,omitempty"`
	Measure int    `json:"measure"`
	Asked   int    `json:"asked"`
	Up      int    `json:"up"`
	Down    int    `json:"down"`
}

// less orders measure counts of equal weight: by guide, then number.
func (m MeasureCount) less(o MeasureCount) bool {
	return m.Guide < o.Guide || m.Guide == o.Guide && m.Measure < o.Measure
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
	Text     string     `json:"text"`
	Count    int        `json:"count"`    // how often it was asked (for down: voted down)
	Kind     seeds.Kind `json:"kind"`     // the list it is on
	Measures []int      `json:"measures"` // what the bot answered with, latest first; empty for none
	Last     time.Time  `json:"last"`
	// Guide is the id of the guide that answered (a bot serving several
	// lists a question once per guide), "" for one guide.
	Guide string `json:"guide,omitempty"`
}

// ReviewQuery says what Review reads.
type ReviewQuery struct {
	Now  time.Time
	Loc  *time.Location // days are counted in it
	Days int            // days of the summary, up to Now (at least 1)
	Top  int            // measures in Summary.TopMeasures (0 = all)
	// Kinds are the question lists wanted (ReviewNone, ReviewSuggest,
	// ReviewDown), each at most Limit long (0 = all).
	Kinds []seeds.Kind
	Limit int
	// Skip, when not nil, drops questions from the lists (those already
	// in the example bank). It gets the whitespace-normalized text.
	Skip func(question string) bool
}

// Review is a summary and question lists.
type Review struct {
	Summary   Summary
	Questions map[seeds.Kind][]ReviewQuestion // by kind
}

// Review reads the question log and the votes once for the review page:
// the summary of the last q.Days days (questions per day, the share of
// each answer kind, the top measures answered; votes per measure of all
// time) and the lists of distinct questions of each of q.Kinds, newest
// first. Lists hold questions the bot answered with kind none or suggest,
// or whose answer got a 👎 (kind down), with how often each occurred, when
// last, and the measures the bot answered it with, latest first. An
// unknown kind gives an empty list.
func (s *DB) Review(q ReviewQuery) (Review, error) {
	return review(q, s.scanLogs)
}

// scanLogs calls asked with every readable question log entry and vote
// with every readable vote, in one read transaction.
func (s *DB) scanLogs(asked func(dialog.Asked), vote func(dialog.Feedback)) error {
	return s.db.View(func(tx *bolt.Tx) error {
		if err := forEachAsked(tx, asked); err != nil {
			return err
		}
		return forEachFeedback(tx, vote)
	})
}

// logScan reads a store's question log and votes (see DB.scanLogs).
type logScan func(asked func(dialog.Asked), vote func(dialog.Feedback)) error

// review is Review over any store's logs.
func review(q ReviewQuery, scan logScan) (Review, error) {
	t := newTally(q)
	if err := scan(t.asked, t.vote); err != nil {
		return Review{}, wrap("review", err)
	}
	return Review{Summary: t.summary(), Questions: t.questions()}, nil
}

// tally counts the question log and votes for review as they are scanned.
type tally struct {
	q        ReviewQuery                               // Days ≥ 1, Loc set
	first    time.Time                                 // the start of the summary's first day
	sum      Summary                                   // Days and Questions counted
	dayIndex map[string]int                            // a day (time.DateOnly) → its index in sum.Days
	kinds    map[seeds.Kind]int                        // questions in the period by answer kind
	measures map[measureKey]*MeasureCount              // by guide and measure number
	lists    map[seeds.Kind]map[string]*ReviewQuestion // q.Kinds' lists, by guide and text
}

// newTally returns an empty tally of q's period (every day counted zero)
// and lists, after filling in q's defaults.
func newTally(q ReviewQuery) *tally {
	if q.Days < 1 {
		q.Days = 1
	}
	if q.Loc == nil {
		q.Loc = time.UTC
	}
	now := q.Now.In(q.Loc)
	t := &tally{q: q, sum: Summary{Days: make([]DayCount, q.Days)}, dayIndex: map[string]int{},
		kinds: map[seeds.Kind]int{}, measures: map[measureKey]*MeasureCount{}, lists: map[seeds.Kind]map[string]*ReviewQuestion{}}
	t.first = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, q.Loc).AddDate(0, 0, -(q.Days - 1))
	for i := range t.sum.Days {
		d := t.first.AddDate(0, 0, i).Format(time.DateOnly)
		t.sum.Days[i].Day = d
		t.dayIndex[d] = i
	}
	for _, k := range q.Kinds {
		t.lists[k] = map[string]*ReviewQuestion{}
	}
	return t
}

// measureKey names a measure of one guide: numbers mean nothing across guides.
type measureKey struct {
	guide string
	n     int
}

// measure returns guide's measure n's counts, made on first use.
func (t *tally) measure(guide string, n int) *MeasureCount {
	m := t.measures[measureKey{guide, n}]
	if m == nil {
		m = &MeasureCount{Guide: guide, Measure: n}
		t.measures[measureKey{guide, n}] = m
	}
	return m
}

// asked counts a logged question: on kind's list (of any time), and in
// the summary when it was asked within the period.
func (t *tally) asked(a dialog.Asked) {
	t.add(a.Kind, a.Guide, a.Question, a.Measure, a.Time)
	if a.Time.Before(t.first) {
		return
	}
	i, ok := t.dayIndex[a.Time.In(t.q.Loc).Format(time.DateOnly)]
	if !ok {
		return // after now
	}
	t.sum.Days[i].Count++
	t.sum.Questions++
	t.kinds[a.Kind]++
	if a.Measure > 0 {
		t.measure(a.Guide, a.Measure).Asked++
	}
}

// vote counts a vote on its measure (of all time); a 👎 also puts the
// question on the down list.
func (t *tally) vote(f dialog.Feedback) {
	if !f.Up {
		t.add(ReviewDown, f.Guide, f.Question, f.Measure, f.Time)
	}
	if f.Measure <= 0 {
		return
	}
	if f.Up {
		t.measure(f.Guide, f.Measure).Up++
	} else {
		t.measure(f.Guide, f.Measure).Down++
	}
}

// add counts question text of guide, answered with measure (0: none) at
// t, on kind's list when that list was asked for, unless the text is
// empty once normalized or q.Skip drops it.
func (t *tally) add(kind seeds.Kind, guide, text string, measure int, at time.Time) {
	list := t.lists[kind]
	if list == nil {
		return
	}
	text = normalize(text)
	if text == "" {
		return
	}
	r := list[guide+"\x00"+text]
	if r == nil {
		if t.q.Skip != nil && t.q.Skip(text) {
			return
		}
		r = &ReviewQuestion{Text: text, Kind: kind, Measures: []int{}, Guide: guide}
		list[guide+"\x00"+text] = r
	}
	r.Count++
	// Keys are ordered by chat, not time: keep measures latest first.
	if measure > 0 && !slices.Contains(r.Measures, measure) {
		if at.After(r.Last) {
			r.Measures = append([]int{measure}, r.Measures...)
		} else {
			r.Measures = append(r.Measures, measure)
		}
	}
	if at.After(r.Last) {
		r.Last = at
	}
}

// summary completes the summary: answer kinds most frequent first, the
// q.Top measures most asked, and the measures with votes, most first.
func (t *tally) summary() Summary {
	sum := t.sum
	for k, n := range t.kinds {
		sum.Kinds = append(sum.Kinds, KindCount{Kind: k, Count: n, Share: float64(n) / float64(sum.Questions)})
	}
	sort.Slice(sum.Kinds, func(i, j int) bool {
		a, b := sum.Kinds[i], sum.Kinds[j]
		return a.Count > b.Count || a.Count == b.Count && a.Kind < b.Kind
	})
	for _, m := range t.measures {
		if m.Asked > 0 {
			sum.TopMeasures = append(sum.TopMeasures, *m)
		}
		if m.Up+m.Down > 0 {
			sum.Votes = append(sum.Votes, *m)
		}
	}
	sort.Slice(sum.TopMeasures, func(i, j int) bool {
		a, b := sum.TopMeasures[i], sum.TopMeasures[j]
		return a.Asked > b.Asked || a.Asked == b.Asked && a.less(b)
	})
	if t.q.Top > 0 && len(sum.TopMeasures) > t.q.Top {
		sum.TopMeasures = sum.TopMeasures[:t.q.Top]
	}
	sort.Slice(sum.Votes, func(i, j int) bool {
		a, b := sum.Votes[i], sum.Votes[j]
		return a.Up+a.Down > b.Up+b.Down || a.Up+a.Down == b.Up+b.Down && a.less(b)
	})
	return sum
}

// questions returns each list asked for, newest first (then by text), at most
// q.Limit long.
func (t *tally) questions() map[seeds.Kind][]ReviewQuestion {
	out := map[seeds.Kind][]ReviewQuestion{}
	for kind, list := range t.lists {
		qs := make([]ReviewQuestion, 0, len(list))
		for _, r := range list {
			qs = append(qs, *r)
		}
		sort.Slice(qs, func(i, j int) bool {
			if !qs[i].Last.Equal(qs[j].Last) {
				return qs[i].Last.After(qs[j].Last)
			}
			return qs[i].Text < qs[j].Text
		})
		if t.q.Limit > 0 && len(qs) > t.q.Limit {
			qs = qs[:t.q.Limit]
		}
		out[kind] = qs
	}
	return out
}

// Summary is Review's summary alone.
func (s *DB) Summary(now time.Time, loc *time.Location, days, top int) (Summary, error) {
	r, err := s.Review(ReviewQuery{Now: now, Loc: loc, Days: days, Top: top})
	return r.Summary, err
}

// Questions is Review's list of one kind alone, at most limit long
// (0 = all).
func (s *DB) Questions(kind seeds.Kind, limit int, skip func(question string) bool) ([]ReviewQuestion, error) {
	r, err := s.Review(ReviewQuery{Now: time.Now(), Kinds: []seeds.Kind{kind}, Limit: limit, Skip: skip})
	if err != nil {
		return nil, err
	}
	if r.Questions[kind] == nil {
		return []ReviewQuestion{}, nil
	}
	return r.Questions[kind], nil
}

// forEachAsked calls fn with every readable question log entry; entries
// of another schema version or unreadable ones are skipped, as in Stats.
func forEachAsked(tx *bolt.Tx, fn func(dialog.Asked)) error {
	return tx.Bucket(bucketAsked).ForEach(func(_, v []byte) error {
		if e, err := unmarshalAsked(v); err == nil {
			fn(e)
		}
		return nil
	})
}

// forEachFeedback calls fn with every readable vote.
func forEachFeedback(tx *bolt.Tx, fn func(dialog.Feedback)) error {
	return tx.Bucket(bucketFeedback).ForEach(func(_, v []byte) error {
		if e, err := unmarshalFeedback(v); err == nil {
			fn(e)
		}
		return nil
	})
}
