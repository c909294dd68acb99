package store

import (
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/seeds"
)

func TestReview(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	loc := time.FixedZone("UTC+8", 8*3600)
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, loc)
	day := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	log := func(chat int64, q string, kind seeds.Kind, measure int, at time.Time) {
		t.Helper()
		logAsked(t, db, dialog.Asked{ChatID: chat, Question: q, Kind: kind, Measure: measure, Time: at})
	}
	log(1, "社保能缓交吗", seeds.KindMeasure, 2, day(0))
	log(2, "社保能缓交吗", seeds.KindMeasure, 2, day(1))
	log(1, "房租能减免吗", seeds.KindMeasure, 20, day(1))
	log(3, "能 办 营业执照吗", seeds.KindNone, 0, day(2))
	log(4, "能 办   营业执照吗", seeds.KindNone, 0, day(0).Add(-time.Hour)) // same after normalizing
	log(4, "打疫苗在哪", seeds.KindNone, 0, day(5))
	log(5, "贷款", "suggest", 10, day(3))
	log(6, "贷款", "suggest", 11, day(0))
	log(7, "很久以前", seeds.KindNone, 0, day(40)) // outside the 30 days; still listed
	logVote(t, db, dialog.Feedback{ChatID: 1, Question: "社保能缓交吗", Measure: 2, Up: true, Time: day(0)})
	logVote(t, db, dialog.Feedback{ChatID: 2, Question: "社保能缓交吗", Measure: 2, Up: false, Time: day(1)})
	logVote(t, db, dialog.Feedback{ChatID: 3, Question: "房租能减免吗", Measure: 20, Up: false, Time: day(0)})

	s, err := db.Summary(now, loc, 30, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Days) != 30 || s.Days[29].Day != "2026-11-30" || s.Days[29].Count != 3 || s.Days[28].Count != 2 || s.Days[0].Day != "2026-11-01" {
		t.Errorf("days: %+v", s.Days)
	}
	if s.Questions != 8 {
		t.Errorf("questions in 30 days = %d, want 8", s.Questions)
	}
	if s.Kinds[0].Kind != "measure" || s.Kinds[0].Count != 3 || s.Kinds[0].Share != 3.0/8 {
		t.Errorf("kinds: %+v", s.Kinds)
	}
	if len(s.TopMeasures) != 4 || s.TopMeasures[0] != (MeasureCount{Measure: 2, Asked: 2, Up: 1, Down: 1}) {
		t.Errorf("top measures: %+v", s.TopMeasures)
	}
	if len(s.Votes) != 2 || s.Votes[0].Measure != 2 || s.Votes[1] != (MeasureCount{Measure: 20, Asked: 1, Down: 1}) {
		t.Errorf("votes: %+v", s.Votes)
	}

	none, err := db.Questions(ReviewNone, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, q := range none {
		texts = append(texts, q.Text)
	}
	if !slices.Equal(texts, []string{"能 办 营业执照吗", "打疫苗在哪", "很久以前"}) || none[0].Count != 2 || !none[0].Last.Equal(day(0).Add(-time.Hour)) {
		t.Errorf("none: %+v", none)
	}
	sug, _ := db.Questions(ReviewSuggest, 10, nil)
	if len(sug) != 1 || sug[0].Count != 2 || !slices.Equal(sug[0].Measures, []int{11, 10}) || sug[0].Kind != "suggest" {
		t.Errorf("suggest: %+v", sug)
	}
	down, _ := db.Questions(ReviewDown, 1, nil)
	if len(down) != 1 || down[0].Text != "房租能减免吗" || !slices.Equal(down[0].Measures, []int{20}) {
		t.Errorf("down, limit 1: %+v", down)
	}
	skipped, _ := db.Questions(ReviewNone, 10, func(q string) bool { return q == "打疫苗在哪" })
	if len(skipped) != 2 {
		t.Errorf("skip: %+v", skipped)
	}
	if q, err := db.Questions("bogus", 10, nil); err != nil || len(q) != 0 {
		t.Errorf("unknown kind: %v %v", q, err)
	}

	// /forget: nothing of chat 4 or 3 remains on any list or count.
	db.Commit(ctx, 4, dialog.Commit{Forget: true})
	db.Commit(ctx, 3, dialog.Commit{Forget: true})
	none, _ = db.Questions(ReviewNone, 10, nil)
	down, _ = db.Questions(ReviewDown, 10, nil)
	s, _ = db.Summary(now, loc, 30, 10)
	if len(none) != 1 || none[0].Text != "很久以前" || len(down) != 1 || s.Questions != 5 {
		t.Errorf("after forget: none %+v, down %+v, %d questions", none, down, s.Questions)
	}
}

// BenchmarkReview reads a question log of 100,000 questions (about what
// 10,000 chats leave), as the review page does: the summary and three lists.
func BenchmarkReview(b *testing.B) {
	db := open(b, filepath.Join(b.TempDir(), "s.db"))
	defer db.Close()
	now := time.Now()
	// Through the store's write API, whatever the record format; many
	// writers so their writes share commits.
	var wg sync.WaitGroup
	for w := 0; w < 250; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < 100000; i += 250 {
				kind := seeds.KindMeasure
				if i%7 == 0 {
					kind = seeds.KindNone
				}
				logAsked(b, db, dialog.Asked{ChatID: int64(i % 10000), Question: "问题" + strconv.Itoa(i%3000), Kind: kind, Measure: i % 80, Time: now.Add(-time.Duration(i) * time.Minute)})
			}
		}(w)
	}
	wg.Wait()
	loc := time.FixedZone("UTC+8", 8*3600)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Review(ReviewQuery{Now: now, Loc: loc, Days: 30, Top: 10, Kinds: []seeds.Kind{ReviewNone, ReviewSuggest, ReviewDown}, Limit: 30}); err != nil {
			b.Fatal(err)
		}
	}
}

// logAsked and logVote write through the store's API, as a turn would.
func logAsked(tb testing.TB, db *DB, a dialog.Asked) {
	if err := db.Commit(ctx, a.ChatID, dialog.Commit{Asked: []dialog.Asked{a}}); err != nil {
		tb.Error(err)
	}
}

func logVote(tb testing.TB, db *DB, f dialog.Feedback) {
	if err := db.Commit(ctx, f.ChatID, dialog.Commit{Feedback: []dialog.Feedback{f}}); err != nil {
		tb.Error(err)
	}
}

// TestReviewMeasuresByGuide: with several guides, one measure number in
// two guides is two measures, each counted with its own questions and
// votes.
func TestReviewMeasuresByGuide(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	loc := time.FixedZone("UTC+8", 8*3600)
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, loc)
	logAsked(t, db, dialog.Asked{ChatID: 1, Question: "社保能缓交吗", Kind: seeds.KindMeasure, Measure: 4, Time: now, Guide: "huairou-2022"})
	logAsked(t, db, dialog.Asked{ChatID: 2, Question: "社保能缓交吗", Kind: seeds.KindMeasure, Measure: 4, Time: now, Guide: "huairou-2022"})
	logAsked(t, db, dialog.Asked{ChatID: 3, Question: "房租能减吗", Kind: seeds.KindMeasure, Measure: 4, Time: now, Guide: "miyun-2022"})
	logVote(t, db, dialog.Feedback{ChatID: 3, Question: "房租能减吗", Measure: 4, Up: false, Time: now, Guide: "miyun-2022"})
	s, err := db.Summary(now, loc, 30, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []MeasureCount{{Guide: "huairou-2022", Measure: 4, Asked: 2}, {Guide: "miyun-2022", Measure: 4, Asked: 1, Down: 1}}
	if !slices.Equal(s.TopMeasures, want) {
		t.Errorf("top measures %+v, want %+v", s.TopMeasures, want)
	}
	if !slices.Equal(s.Votes, want[1:]) {
		t.Errorf("votes %+v, want %+v", s.Votes, want[1:])
	}
}
