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

	"policybot/index"
	"policybot/seeds"
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
		ExpectNot      []string `json:"expect_not"` // none of these in the reply (text already shown, a wrong phone)
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
	runTranscriptsScored(t, file, 1)
}

// runTranscriptsScored runs every transcript of file and fails if fewer
// than minShare of the turns are right. Every wrong turn is logged; with
// minShare 1 each is an error. Whatever the share, every reply must pass
// checkPhones.
func runTranscriptsScored(t *testing.T, file string, minShare float64) {
	var turns, wrong int
	defer func() {
		if turns == 0 {
			return
		}
		share := float64(turns-wrong) / float64(turns)
		t.Logf("%s: %d of %d turns right (%.1f%%)", file, turns-wrong, turns, 100*share)
		if share < minShare {
			t.Errorf("%s: %.1f%% of turns right, want ≥ %.0f%%", file, 100*share, 100*minShare)
		}
	}()
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
				turns++
				bad := false
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
					if !bad {
						wrong++
					}
					bad = true
					msg := fmt.Sprintf("turn %d (%s): %s\nkind %s measures %v\n%s", i+1, label, fmt.Sprintf(format, args...), kind, measures, text)
					if minShare >= 1 {
						t.Error(msg)
					} else {
						t.Log(msg)
					}
				}
				for _, r := range replies {
					if err := checkPhones(testIndex, r); err != nil {
						t.Errorf("turn %d (%s): %v\n%s", i+1, label, err, text)
					}
				}
				for _, s := range turn.ExpectNot {
					if strings.Contains(text, s) {
						fail("%q in the reply", s)
					}
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

// TestConversations runs the persona conversations (restaurant owner,
// truck driver, accountant, machine shop, hiring, tendering…), written
// from the guide's text: at least 95% of their turns must be right.
func TestConversations(t *testing.T) {
	runTranscriptsScored(t, "testdata/conversations.jsonl", 0.95)
}

// checkPhones is the invariant of every reply: each phone it carries, in
// text or cards, belongs to a measure the reply is about (discussed,
// chosen or asked about) or to the unit it is about.
func checkPhones(ix *index.Index, r Reply) error {
	allowed := map[string]bool{}
	for _, n := range r.Measures {
		if m := ix.Guide().Measure(n); m != nil {
			for _, p := range m.Phones() {
				allowed[digits(p)] = true
			}
		}
	}
	if r.Unit != "" {
		if u := ix.Unit(r.Unit); u != nil {
			for _, p := range seeds.Phones(u.Contacts) {
				allowed[digits(p)] = true
			}
		}
	}
	var phones []string
	phones = append(phones, phoneRe.FindAllString(r.Text, -1)...)
	for _, c := range r.Contacts {
		phones = append(phones, c.Phones...)
	}
	for _, p := range phones {
		if !allowed[digits(p)] {
			return fmt.Errorf("phone %s is not of the measures %v or unit %q the reply is about", p, r.Measures, r.Unit)
		}
	}
	return nil
}

func digits(p string) string { return strings.ReplaceAll(p, "-", "") }
