package dialog

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"policybot/dialog/dialogtest"
	"policybot/index"
	"policybot/index/indextest"
)

// testGuides is the embedded guide and the four clean test guides, one
// index each sharing a segmenter (index.OpenSet).
func testGuides(t *testing.T) []*index.Index {
	t.Helper()
	set, err := indextest.Guides("../seeds/testdata/guides")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func newGuidesEngine(t *testing.T) *Engine {
	return NewGuides(testGuides(t), newMemStore(), WithClock(func() time.Time { return today }))
}

// TestGuideIDs: the ids the transcripts use come from the guides' issuers
// and dates.
func TestGuideIDs(t *testing.T) {
	var ids []string
	for _, ix := range testGuides(t) {
		ids = append(ids, ix.ID())
	}
	want := "miyun-2022 huairou-2022 pinggu-2023 tongzhou-2020 mentougou-2022"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
}

// TestMultiGuideDialogs runs the multi-district conversations written by
// someone who never saw the code (testdata/multiguide_dialogs.jsonl): at
// least 25 conversations must pass in full, and no reply of any may carry
// a phone of a guide other than the one it answers from.
func TestMultiGuideDialogs(t *testing.T) {
	set := testGuides(t)
	trs, err := dialogtest.Read("testdata/multiguide_dialogs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	passed := 0
	var failed []string
	for chat, tr := range trs {
		// Wrong turns are logged, not errors: the floor is on the count.
		// A leak is an error whatever the count.
		ok := func() bool {
			e := NewGuides(set, newMemStore(), WithClock(func() time.Time { return today }))
			bad := false
			for i, turn := range tr.Turns {
				replies, err := e.Handle(context.Background(), int64(chat+1), Event{Kind: Message, Text: turn.User})
				if err != nil {
					t.Errorf("%s turn %d (%s): %v", tr.ID, i+1, turn.User, err)
				}
				text, kind, measures, contacts := flatten(replies)
				shown := dialogtest.Shown{Text: text, Kind: string(kind), Measures: measures, Contacts: contacts}
				for _, r := range replies {
					if r.Guide != "" {
						shown.Guide = r.Guide
						break
					}
				}
				for _, ix := range set {
					if ix.ID() == shown.Guide {
						shown.GuideName = ix.Name()
					}
				}
				for _, r := range replies {
					if err := checkGuidePhones(set, r); err != nil {
						t.Errorf("%s turn %d (%s): leak: %v\n%s", tr.ID, i+1, turn.User, err, text)
					}
				}
				if why := turn.Check(shown); len(why) > 0 {
					bad = true
					t.Logf("%s turn %d (%s): %s\nkind %s guide %s measures %v\n%s", tr.ID, i+1, turn.User, strings.Join(why, "; "), kind, shown.Guide, measures, text)
				}
			}
			return !bad
		}()
		if ok {
			passed++
		} else {
			failed = append(failed, tr.ID)
		}
	}
	t.Logf("%d of %d conversations pass; failing: %v", passed, len(trs), failed)
	if passed < 25 {
		t.Errorf("%d conversations pass, want ≥ 25", passed)
	}
}

// checkGuidePhones is checkPhones across guides: a reply's phones are those
// of the guide it answers from, and a reply from no guide carries none.
func checkGuidePhones(set []*index.Index, r Reply) error {
	for _, ix := range set {
		if ix.ID() == r.Guide {
			return checkPhones(ix, r)
		}
	}
	if r.Guide != "" {
		return fmt.Errorf("reply from unknown guide %q", r.Guide)
	}
	if p := phoneRe.FindString(r.Text); p != "" {
		return fmt.Errorf("phone %s in a reply from no guide", p)
	}
	return nil
}
