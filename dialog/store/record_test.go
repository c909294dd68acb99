package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"policybot/dialog"
	"policybot/index/tags"
)

// The fixtures in testdata/*_v1.json were written by the store before it
// had its own record format (dialog.State with Go's field names).
func TestVersion1RecordsStillLoad(t *testing.T) {
	when := time.Date(2026, 11, 30, 8, 15, 0, 0, time.UTC)
	db := open(t, filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return when.Add(time.Hour) }))
	defer db.Close()
	read := func(name string) []byte {
		raw, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return []byte(strings.TrimSpace(string(raw)))
	}
	err := db.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketState).Put(chatKey(42), read("state_v1.json")); err != nil {
			return err
		}
		if err := tx.Bucket(bucketAsked).Put(db.logKey(42, when), read("asked_v1.json")); err != nil {
			return err
		}
		return tx.Bucket(bucketFeedback).Put(db.logKey(42, when), read("feedback_v1.json"))
	})
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := db.Load(ctx, 42)
	want := dialog.State{Mode: dialog.Matching, Measure: 2, Unit: "区人保局", Candidates: []int{2, 3, 41}, Question: "社保能缓交吗",
		Profile: tags.Profile{Type: "小微企业", Industry: "餐饮", Need: "资金"}, Step: "need", Updated: when}
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("v1 state: %+v %v %v\nwant %+v", got, ok, err, want)
	}
	st, err := db.Stats(5)
	if err != nil || st.Questions != 1 || st.DownVotes != 1 || st.MostAsked[0].Measure != 2 || st.DownVoted[0].Question != "社保能缓交吗" {
		t.Fatalf("v1 log and votes: %+v %v", st, err)
	}
}

func TestRecordRoundTripAndTags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path)
	want := dialog.State{Mode: dialog.Answered, Measure: 7, Unit: "区商务局", Candidates: []int{7, 9}, Question: "房租减免", Asker: "我是开课外培训班的",
		Offered: []int{4, 5, 6}, Discussed: []int{2, 4, 7}, Refused: []int{43, 62}, Profile: tags.Profile{Type: "个体工商户"}, Step: "industry", Updated: time.Now().UTC().Truncate(time.Second)}
	if err := save(db, 9, want); err != nil {
		t.Fatal(err)
	}
	var raw string
	db.db.View(func(tx *bolt.Tx) error { raw = string(tx.Bucket(bucketState).Get(chatKey(9))); return nil })
	// The record's field names are the store's own, not Go's.
	for _, tag := range []string{`"v":2`, `"mode":"answered"`, `"candidates":[7,9]`, `"asker":"我是开课外培训班的"`, `"offered":[4,5,6]`, `"discussed":[2,4,7]`, `"refused":[43,62]`, `"profile":{"type":"个体工商户"}`} {
		if !strings.Contains(raw, tag) {
			t.Errorf("record %s lacks %s", raw, tag)
		}
	}
	if strings.Contains(raw, `"Mode"`) {
		t.Errorf("record uses Go field names: %s", raw)
	}
	db.Close()
	db = open(t, path)
	defer db.Close()
	got, ok, err := db.Load(ctx, 9)
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip: %+v %v %v", got, ok, err)
	}
}

func TestOneVotePerChatPerMeasure(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	defer db.Close()
	now := time.Now()
	for i := range 50 {
		if err := vote(db, dialog.Feedback{ChatID: 1, Question: "房租", Measure: 5, Up: i%2 == 0, Time: now}); err != nil {
			t.Fatal(err)
		}
	}
	vote(db, dialog.Feedback{ChatID: 1, Question: "社保", Measure: 2, Up: true, Time: now})
	vote(db, dialog.Feedback{ChatID: 2, Question: "房租", Measure: 5, Up: false, Time: now})
	s, err := db.Stats(5)
	// Chat 1's last vote on measure 5 was 👎 (i=49), on 2 👍; chat 2 👎.
	if err != nil || s.UpVotes != 1 || s.DownVotes != 2 {
		t.Fatalf("votes: up %d down %d (%v)", s.UpVotes, s.DownVotes, err)
	}
}

// TestPeekVersion: the records written begin with their version, so
// reading one parses it once; any other layout is still read by parsing.
func TestPeekVersion(t *testing.T) {
	now := time.Now()
	for name, r := range map[string]any{
		"state":    encodeState(dialog.State{Mode: dialog.Answered, Measure: 2, Updated: now}),
		"asked":    encodeAsked(dialog.Asked{ChatID: 1, Question: "社保能缓交吗", Time: now}),
		"feedback": encodeFeedback(dialog.Feedback{ChatID: 1, Measure: 2, Time: now}),
		"inbox":    inboxRecord{V: recordVersion, State: entryReceived, At: now},
	} {
		raw, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(raw, currentPrefix) {
			t.Errorf("%s record does not begin with %s: %s", name, currentPrefix, raw)
		}
	}
	for _, tt := range []struct {
		raw     string
		v       int
		invalid bool // unmarshalState fails
	}{
		{`{"v":2,"mode":"answered"}`, 2, false},
		{`{"mode":"answered","v":2}`, 2, false},
		{`{"v":1,"State":{"Mode":"idle"}}`, 1, false},
		{`{"v":2,"mode":`, 2, true},
		{`{"v":3,"mode":"answered"}`, 3, true},
		{`garbage`, 0, true},
	} {
		v, err := peekVersion([]byte(tt.raw))
		if v != tt.v || (err != nil) != (tt.v == 0) {
			t.Errorf("peekVersion(%s) = %d, %v; want %d", tt.raw, v, err, tt.v)
		}
		if _, err := unmarshalState([]byte(tt.raw)); (err != nil) != tt.invalid {
			t.Errorf("unmarshalState(%s): %v", tt.raw, err)
		}
	}
}
