// Package dialogtest reads transcripts (conversations with a check on
// every turn) and checks what a turn showed against them, for the tests
// that drive the dialog in-process and those that drive `policybot chat
// --jsonl`.
package dialogtest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Transcript is one conversation, in the format of ../shared/qa/README.md
// (dialogs.jsonl) extended with "press", "command" and more checks.
type Transcript struct {
	ID    string `json:"id"`
	Turns []Turn `json:"turns"`
	// Guide is the id of the one guide the conversation is held with
	// ("huairou-2022"); "" for the embedded guide.
	Guide string `json:"guide"`
}

// Turn is one event of a transcript and the checks on its reply.
type Turn struct {
	User           string   `json:"user"`
	Press          string   `json:"press"`   // press the first button whose data has this action|arg suffix
	Command        string   `json:"command"` // "/list" etc.
	ExpectAny      []string `json:"expect_any"`
	ExpectAll      []string `json:"expect_all"`
	ExpectNot      []string `json:"expect_not"`    // none of these (text already shown, a wrong phone)
	ExpectAbsent   []string `json:"expect_absent"` // the shared sets' name for the same check
	ExpectMeasure  int      `json:"expect_measure"`
	ExpectNone     bool     `json:"expect_none"`
	Choice         bool     `json:"choice"`
	ExpectSmall    bool     `json:"expect_smalltalk"`
	ExpectNoPhone  bool     `json:"expect_no_phone"`
	ExpectKind     string   `json:"expect_kind"`
	ExpectContacts int      `json:"expect_contacts"` // at least this many contact cards
	// A bot serving several guides (multiguide_dialogs.jsonl).
	ExpectGuide    string `json:"expect_guide"`     // the reply answers from this guide, and names it
	ExpectAskPlace bool   `json:"expect_ask_place"` // the reply asks which district, answering nothing
}

// Shown is what a user saw of a turn: all text (with buttons and cards
// flattened into it), the first reply's kind, the measures and the number
// of contact cards.
type Shown struct {
	Text     string
	Kind     string
	Measures []int
	Contacts int
	// Guide is the id of the guide the reply answers from ("" for none),
	// GuideName that guide's short name, which the text must hold.
	Guide, GuideName string
}

// Phone matches a phone as the guide writes them: "010-" and 8 digits, or
// an 11-digit mobile.
var Phone = regexp.MustCompile(`0\d{2}-?\d{8}|1[3-9]\d{9}`)

// Read returns the transcripts of a JSONL file, one per non-blank line.
func Read(path string) ([]Transcript, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read transcripts: %w", err)
	}
	defer f.Close()
	var out []Transcript
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var tr Transcript
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
		out = append(out, tr)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read transcripts: %w", err)
	}
	return out, nil
}

// Check returns why the turn's reply is wrong; none if it is right.
func (tu Turn) Check(s Shown) []string {
	var why []string
	if len(tu.ExpectAny) > 0 && !containsAny(s.Text, tu.ExpectAny) {
		why = append(why, fmt.Sprintf("none of %v in the reply", tu.ExpectAny))
	}
	for _, x := range tu.ExpectAll {
		if !strings.Contains(s.Text, x) {
			why = append(why, fmt.Sprintf("%q not in the reply", x))
		}
	}
	for _, x := range append(tu.ExpectNot, tu.ExpectAbsent...) {
		if strings.Contains(s.Text, x) {
			why = append(why, fmt.Sprintf("%q in the reply", x))
		}
	}
	if tu.ExpectMeasure != 0 && (len(s.Measures) == 0 || s.Measures[0] != tu.ExpectMeasure) {
		why = append(why, fmt.Sprintf("want measure %d", tu.ExpectMeasure))
	}
	if tu.ExpectGuide != "" && (s.Guide != tu.ExpectGuide || !strings.Contains(s.Text, s.GuideName)) {
		why = append(why, fmt.Sprintf("want an answer from guide %s, naming it; got guide %q", tu.ExpectGuide, s.Guide))
	}
	if tu.ExpectAskPlace && (s.Kind != "place" || len(s.Measures) > 0) {
		why = append(why, "want the district asked, nothing answered")
	}
	kind := map[string]bool{"none": tu.ExpectNone, "choice": tu.Choice, "smalltalk": tu.ExpectSmall}
	for k, want := range kind {
		if want && s.Kind != k {
			why = append(why, "want "+k)
		}
	}
	if tu.ExpectKind != "" && s.Kind != tu.ExpectKind {
		why = append(why, "want kind "+tu.ExpectKind)
	}
	if tu.ExpectNoPhone && Phone.MatchString(s.Text) {
		why = append(why, "a phone number in a reply that must have none")
	}
	if s.Contacts < tu.ExpectContacts {
		why = append(why, fmt.Sprintf("%d contact cards, want ≥ %d", s.Contacts, tu.ExpectContacts))
	}
	return why
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
