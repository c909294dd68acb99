package dialog

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// A transcript is a conversation with checks on every turn, in the format
// of ../shared/qa/README.md (dialogs.jsonl), extended with "press" (button
// data prefix to press from the previous reply) and "command".
type transcript struct {
	ID    string `json:"id"`
	Turns []struct {
		User           string   `json:"user"`
		Press          string   `json:"press"`   // press the first button whose data has this action|arg suffix
		Command        string   `json:"command"` // "/list" etc.
		ExpectAny      []string `json:"expect_any"`
		ExpectAll      []string `json:"expect_all"`
		ExpectMeasure  int      `json:"expect_measure"`
		ExpectNone     bool     `json:"expect_none"`
		Choice         bool     `json:"choice"`
		ExpectSmall    bool     `json:"expect_smalltalk"`
		ExpectNoPhone  bool     `json:"expect_no_phone"`
		ExpectKind     string   `json:"expect_kind"`
		ExpectContacts int      `json:"expect_contacts"` // at least this many contact cards
	} `json:"turns"`
}

var phoneRe = regexp.MustCompile(`0\d{2}-?\d{8}|1[3-9]\d{9}`)

func runTranscripts(t *testing.T, file string) {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var chat int64
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var tr transcript
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		chat++
		t.Run(tr.ID, func(t *testing.T) {
			e := newEngine(newMemStore())
			var last []Reply
			for i, turn := range tr.Turns {
				ev := Event{Kind: Message, Text: turn.User}
				label := turn.User
				switch {
				case turn.Press != "":
					ev = Event{Kind: Press, Data: findButton(last, turn.Press)}
					label = "press " + turn.Press
					if ev.Data == "" {
						t.Fatalf("turn %d: no button %q in %+v", i+1, turn.Press, last)
					}
				case turn.Command != "":
					name, args, _ := strings.Cut(strings.TrimPrefix(turn.Command, "/"), " ")
					ev = Event{Kind: Command, Command: name, Text: args}
					label = turn.Command
				}
				replies, err := e.Handle(context.Background(), chat, ev)
				if err != nil {
					t.Errorf("turn %d (%s): %v", i+1, label, err)
				}
				if len(replies) == 0 {
					t.Fatalf("turn %d (%s): no reply", i+1, label)
				}
				last = replies
				text, kind, measures, contacts := flatten(replies)
				fail := func(format string, args ...any) {
					t.Errorf("turn %d (%s): %s\nkind %s measures %v\n%s", i+1, label, fmt.Sprintf(format, args...), kind, measures, text)
				}
				if len(turn.ExpectAny) > 0 && !containsAny(text, turn.ExpectAny) {
					fail("none of %v in the reply", turn.ExpectAny)
				}
				for _, s := range turn.ExpectAll {
					if !strings.Contains(text, s) {
						fail("%q not in the reply", s)
					}
				}
				if turn.ExpectMeasure != 0 && (len(measures) == 0 || measures[0] != turn.ExpectMeasure) {
					fail("want measure %d", turn.ExpectMeasure)
				}
				if turn.ExpectNone && kind != KindNone {
					fail("want none")
				}
				if turn.Choice && kind != KindChoice {
					fail("want a choice")
				}
				if turn.ExpectSmall && kind != KindSmallTalk {
					fail("want small talk")
				}
				if turn.ExpectKind != "" && string(kind) != turn.ExpectKind {
					fail("want kind %s", turn.ExpectKind)
				}
				if turn.ExpectNoPhone && phoneRe.MatchString(text) {
					fail("a phone number in a reply that must have none")
				}
				if contacts < turn.ExpectContacts {
					fail("%d contact cards, want ≥ %d", contacts, turn.ExpectContacts)
				}
			}
		})
	}
}

// flatten gives what a user sees of a turn: all text, with contact cards.
func flatten(rs []Reply) (text string, kind Kind, measures []int, contacts int) {
	var b strings.Builder
	for i, r := range rs {
		if i == 0 {
			kind = r.Kind
		}
		b.WriteString(r.Text + "\n")
		for _, row := range r.Buttons {
			for _, btn := range row {
				b.WriteString("[" + btn.Text + "]")
			}
		}
		for _, c := range r.Contacts {
			b.WriteString("\n" + c.Name + " " + c.Org + " " + strings.Join(c.Phones, " "))
			contacts++
		}
		measures = append(measures, r.Measures...)
	}
	return b.String(), kind, measures, contacts
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// findButton returns the data of the first button whose data ends with
// suffix ("m|4", "b|1").
func findButton(rs []Reply, suffix string) string {
	for _, r := range rs {
		for _, row := range r.Buttons {
			for _, b := range row {
				if strings.HasSuffix(b.Data, "|"+suffix) {
					return b.Data
				}
			}
		}
	}
	return ""
}

func TestSharedDialogs(t *testing.T) { runTranscripts(t, "testdata/dialogs.jsonl") }
func TestOwnDialogs(t *testing.T)    { runTranscripts(t, "testdata/transcripts.jsonl") }
