package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"policybot/dialog"
	"policybot/index/tags"
	"policybot/seeds"
)

// The store's own record format. Records are JSON with short tagged field
// names fixed here, never derived from the dialog's Go types: renaming a
// field of dialog.State must not silently wipe every conversation. Each
// record carries its format version "v". Version 1 (before this file)
// was dialog.State marshalled with Go's field names; it is still read
// (legacy*), and rewritten as version 2 by the chat's next turn.
//
// To store a new State field: add it to stateRecord with a new tag, and
// to encodeState and decodeState. Old records simply lack it (zero value);
// no version bump is needed for an added field, only for a changed
// meaning.

// recordVersion is the version written.
const recordVersion = 2

// legacyVersion is the oldest version still read.
const legacyVersion = 1

type stateRecord struct {
	V          int           `json:"v"`
	Mode       string        `json:"mode"`
	Measure    int           `json:"measure,omitempty"`
	Unit       string        `json:"unit,omitempty"`
	Candidates []int         `json:"candidates,omitempty"`
	Listed     []int         `json:"listed,omitempty"`
	Question   string        `json:"question,omitempty"`
	Case       string        `json:"case,omitempty"`
	CaseOf     int           `json:"case_of,omitempty"`
	Asker      string        `json:"asker,omitempty"`
	Topics     []int         `json:"topics,omitempty"`
	Discussed  []int         `json:"discussed,omitempty"`
	Refused    []int         `json:"refused,omitempty"`
	Offered    []int         `json:"offered,omitempty"`
	Answers    []int         `json:"answers,omitempty"`
	Profile    profileRecord `json:"profile"`
	Step       string        `json:"step,omitempty"`
	Updated    time.Time     `json:"updated"`
	// A bot serving several guides (issue 23).
	Guide     string            `json:"guide,omitempty"`
	Pending   []string          `json:"pending,omitempty"`
	Questions map[string]string `json:"questions,omitempty"`
}

type profileRecord struct {
	Type     string `json:"type,omitempty"`
	Industry string `json:"industry,omitempty"`
	Need     string `json:"need,omitempty"`
}

// encodeState is the one mapping from dialog.State to its record.
func encodeState(st dialog.State) stateRecord {
	return stateRecord{
		V:          recordVersion,
		Mode:       string(st.Mode),
		Measure:    st.Measure,
		Unit:       st.Unit,
		Candidates: st.Candidates,
		Listed:     st.Listed,
		Question:   st.Question,
		Case:       st.Case,
		CaseOf:     st.CaseOf,
		Asker:      st.Asker,
		Topics:     st.Topics,
		Discussed:  st.Discussed,
		Refused:    st.Refused,
		Offered:    st.Offered,
		Answers:    st.Answers,
		Profile:    profileRecord{Type: st.Profile.Type, Industry: st.Profile.Industry, Need: st.Profile.Need},
		Step:       st.Step,
		Updated:    st.Updated,
		Guide:      st.Guide,
		Pending:    st.Pending,
		Questions:  st.Questions,
	}
}

// decodeState is the one mapping from a record back to dialog.State.
func decodeState(r stateRecord) dialog.State {
	return dialog.State{
		Mode:       dialog.Mode(r.Mode),
		Measure:    r.Measure,
		Unit:       r.Unit,
		Candidates: r.Candidates,
		Listed:     r.Listed,
		Question:   r.Question,
		Case:       r.Case,
		CaseOf:     r.CaseOf,
		Asker:      r.Asker,
		Topics:     r.Topics,
		Discussed:  r.Discussed,
		Refused:    r.Refused,
		Offered:    r.Offered,
		Answers:    r.Answers,
		Profile:    tags.Profile{Type: r.Profile.Type, Industry: r.Profile.Industry, Need: r.Profile.Need},
		Step:       r.Step,
		Updated:    r.Updated,
		Guide:      r.Guide,
		Pending:    r.Pending,
		Questions:  r.Questions,
	}
}

// legacyState is version 1: dialog.State as it was, field names frozen.
type legacyState struct {
	V     int `json:"v"`
	State struct {
		Mode       string `json:"Mode"`
		Measure    int    `json:"Measure"`
		Unit       string `json:"Unit"`
		Candidates []int  `json:"Candidates"`
		Question   string `json:"Question"`
		Profile    struct {
			Type     string `json:"Type"`
			Industry string `json:"Industry"`
			Need     string `json:"Need"`
		} `json:"Profile"`
		Step    string    `json:"Step"`
		Updated time.Time `json:"Updated"`
	} `json:"state"`
}

// unmarshalState reads a state record of any supported version.
func unmarshalState(raw []byte) (dialog.State, error) {
	v, err := peekVersion(raw)
	if err != nil {
		return dialog.State{}, err
	}
	switch v {
	case recordVersion:
		var r stateRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return dialog.State{}, err
		}
		return decodeState(r), nil
	case legacyVersion:
		var l legacyState
		if err := json.Unmarshal(raw, &l); err != nil {
			return dialog.State{}, err
		}
		s := l.State
		return decodeState(stateRecord{
			Mode: s.Mode, Measure: s.Measure, Unit: s.Unit, Candidates: s.Candidates, Question: s.Question,
			Profile: profileRecord{Type: s.Profile.Type, Industry: s.Profile.Industry, Need: s.Profile.Need},
			Step:    s.Step, Updated: s.Updated,
		}), nil
	}
	return dialog.State{}, fmt.Errorf("unknown record version %d", v)
}

// askedRecord is one question of the question log. Version 1 had Go's
// field names beside "v"; legacyAsked reads it.
type askedRecord struct {
	V        int       `json:"v"`
	ChatID   int64     `json:"chat"`
	Question string    `json:"question"`
	Kind     string    `json:"kind"`
	Measure  int       `json:"measure,omitempty"`
	Time     time.Time `json:"time"`
	Guide    string    `json:"guide,omitempty"` // a bot serving several guides
}

type legacyAsked struct {
	ChatID   int64     `json:"ChatID"`
	Question string    `json:"Question"`
	Kind     string    `json:"Kind"`
	Measure  int       `json:"Measure"`
	Time     time.Time `json:"Time"`
}

func encodeAsked(a dialog.Asked) askedRecord {
	return askedRecord{V: recordVersion, ChatID: a.ChatID, Question: a.Question, Kind: string(a.Kind), Measure: a.Measure, Time: a.Time, Guide: a.Guide}
}

func unmarshalAsked(raw []byte) (dialog.Asked, error) {
	v, err := peekVersion(raw)
	if err != nil {
		return dialog.Asked{}, err
	}
	switch v {
	case recordVersion:
		var r askedRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return dialog.Asked{}, err
		}
		return dialog.Asked{ChatID: r.ChatID, Question: r.Question, Kind: seeds.Kind(r.Kind), Measure: r.Measure, Time: r.Time, Guide: r.Guide}, nil
	case legacyVersion:
		var l legacyAsked
		if err := json.Unmarshal(raw, &l); err != nil {
			return dialog.Asked{}, err
		}
		return dialog.Asked{ChatID: l.ChatID, Question: l.Question, Kind: seeds.Kind(l.Kind), Measure: l.Measure, Time: l.Time}, nil
	}
	return dialog.Asked{}, fmt.Errorf("unknown record version %d", v)
}

// feedbackRecord is one vote.
type feedbackRecord struct {
	V        int       `json:"v"`
	ChatID   int64     `json:"chat"`
	Question string    `json:"question"`
	Measure  int       `json:"measure"`
	Up       bool      `json:"up"`
	Time     time.Time `json:"time"`
	Guide    string    `json:"guide,omitempty"` // a bot serving several guides
}

type legacyFeedback struct {
	ChatID   int64     `json:"ChatID"`
	Question string    `json:"Question"`
	Measure  int       `json:"Measure"`
	Up       bool      `json:"Up"`
	Time     time.Time `json:"Time"`
}

func encodeFeedback(f dialog.Feedback) feedbackRecord {
	return feedbackRecord{V: recordVersion, ChatID: f.ChatID, Question: f.Question, Measure: f.Measure, Up: f.Up, Time: f.Time, Guide: f.Guide}
}

func unmarshalFeedback(raw []byte) (dialog.Feedback, error) {
	v, err := peekVersion(raw)
	if err != nil {
		return dialog.Feedback{}, err
	}
	switch v {
	case recordVersion:
		var r feedbackRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return dialog.Feedback{}, err
		}
		return dialog.Feedback{ChatID: r.ChatID, Question: r.Question, Measure: r.Measure, Up: r.Up, Time: r.Time, Guide: r.Guide}, nil
	case legacyVersion:
		var l legacyFeedback
		if err := json.Unmarshal(raw, &l); err != nil {
			return dialog.Feedback{}, err
		}
		return dialog.Feedback{ChatID: l.ChatID, Question: l.Question, Measure: l.Measure, Up: l.Up, Time: l.Time}, nil
	}
	return dialog.Feedback{}, fmt.Errorf("unknown record version %d", v)
}

// replyRecord is a reply kept in the journal until it is delivered.
type replyRecord struct {
	Kind     string          `json:"kind,omitempty"`
	Text     string          `json:"text,omitempty"`
	Buttons  [][]buttonRec   `json:"buttons,omitempty"`
	Contacts []contactRecord `json:"contacts,omitempty"`
	Measures []int           `json:"measures,omitempty"`
	Edit     bool            `json:"edit,omitempty"`
	Notice   string          `json:"notice,omitempty"`
}

type buttonRec struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

type contactRecord struct {
	Name       string   `json:"name,omitempty"`
	Org        string   `json:"org,omitempty"`
	Department string   `json:"department,omitempty"`
	Phones     []string `json:"phones,omitempty"`
}

func encodeReplies(rs []dialog.Reply) []replyRecord {
	out := make([]replyRecord, 0, len(rs))
	for _, r := range rs {
		rec := replyRecord{Kind: string(r.Kind), Text: r.Text, Measures: r.Measures, Edit: r.Edit, Notice: r.Notice}
		for _, row := range r.Buttons {
			var rr []buttonRec
			for _, b := range row {
				rr = append(rr, buttonRec(b))
			}
			rec.Buttons = append(rec.Buttons, rr)
		}
		for _, c := range r.Contacts {
			rec.Contacts = append(rec.Contacts, contactRecord(c))
		}
		out = append(out, rec)
	}
	return out
}

func decodeReplies(rs []replyRecord) []dialog.Reply {
	out := make([]dialog.Reply, 0, len(rs))
	for _, r := range rs {
		rep := dialog.Reply{Kind: seeds.Kind(r.Kind), Text: r.Text, Measures: r.Measures, Edit: r.Edit, Notice: r.Notice}
		for _, row := range r.Buttons {
			var rr []dialog.Button
			for _, b := range row {
				rr = append(rr, dialog.Button(b))
			}
			rep.Buttons = append(rep.Buttons, rr)
		}
		for _, c := range r.Contacts {
			rep.Contacts = append(rep.Contacts, dialog.Contact(c))
		}
		out = append(out, rep)
	}
	return out
}

// currentPrefix is how every record of recordVersion begins: "v" is the
// first field of each record type, and encoding/json writes fields in order.
var currentPrefix = fmt.Appendf(nil, `{"v":%d,`, recordVersion)

// peekVersion reads a record's "v". A record written by this version is
// known by its first bytes, without a parse of the whole record before
// the one that decodes it (which then rejects it if it is not JSON).
func peekVersion(raw []byte) (int, error) {
	if bytes.HasPrefix(raw, currentPrefix) {
		return recordVersion, nil
	}
	var h struct {
		V int `json:"v"`
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return 0, err
	}
	return h.V, nil
}
