package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"policybot/dialog"
	"policybot/seeds"
)

// TestConversationsThroughChatJSONL runs the persona conversations of
// dialog/testdata through `policybot chat --jsonl`, one process for all,
// each conversation after a /forget, and checks every turn as the dialog
// tests do: at least 95% must be right.
func TestConversationsThroughChatJSONL(t *testing.T) {
	type turn struct {
		User          string   `json:"user"`
		Command       string   `json:"command"`
		ExpectAny     []string `json:"expect_any"`
		ExpectAll     []string `json:"expect_all"`
		ExpectNot     []string `json:"expect_not"`
		ExpectMeasure int      `json:"expect_measure"`
		ExpectNone    bool     `json:"expect_none"`
		Choice        bool     `json:"choice"`
		ExpectSmall   bool     `json:"expect_smalltalk"`
		ExpectNoPhone bool     `json:"expect_no_phone"`
		ExpectKind    string   `json:"expect_kind"`
	}
	f, err := os.Open("../../dialog/testdata/conversations.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var turns []turn
	var input []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c struct{ Turns []turn }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		turns = append(turns, turn{Command: "/forget"})
		input = append(input, "/forget")
		for _, tu := range c.Turns {
			turns = append(turns, tu)
			line := tu.User
			if tu.Command != "" {
				line = tu.Command
			}
			input = append(input, line)
		}
	}
	code, out, stderr := runCmd(t, strings.Join(input, "\n")+"\n", "chat", "--jsonl", "--data-dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != len(input) {
		t.Fatalf("%d input lines, %d output lines", len(input), len(lines))
	}
	phone := regexp.MustCompile(`0\d{2}-?\d{8}|1[3-9]\d{9}`)
	checked, wrong := 0, 0
	for i, l := range lines {
		tu := turns[i]
		if tu.Command != "" {
			continue
		}
		var got jsonTurn
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		text := got.Text
		for _, c := range got.Contacts {
			text += "\n" + c.Name + " " + strings.Join(c.Phones, " ")
		}
		var why []string
		if len(tu.ExpectAny) > 0 && !slicesAny(text, tu.ExpectAny) {
			why = append(why, "none of expect_any")
		}
		for _, s := range tu.ExpectAll {
			if !strings.Contains(text, s) {
				why = append(why, "lacks "+s)
			}
		}
		for _, s := range tu.ExpectNot {
			if strings.Contains(text, s) {
				why = append(why, "has "+s)
			}
		}
		if tu.ExpectMeasure != 0 && (len(got.Measures) == 0 || got.Measures[0] != tu.ExpectMeasure) {
			why = append(why, "wrong measure")
		}
		if (tu.ExpectNone && got.Kind != "none") || (tu.Choice && got.Kind != "choice") || (tu.ExpectSmall && got.Kind != "smalltalk") || (tu.ExpectKind != "" && got.Kind != tu.ExpectKind) {
			why = append(why, "kind "+got.Kind)
		}
		if tu.ExpectNoPhone && phone.MatchString(text) {
			why = append(why, "a phone")
		}
		checked++
		if len(why) > 0 {
			wrong++
			t.Logf("%q: %v\n%s", tu.User, why, got.Text)
		}
	}
	share := float64(checked-wrong) / float64(checked)
	t.Logf("%d of %d turns right through chat --jsonl (%.1f%%)", checked-wrong, checked, 100*share)
	if checked < 120 || share < 0.95 {
		t.Errorf("%d turns, %.1f%% right; want ≥ 120 and ≥ 95%%", checked, 100*share)
	}
}

func slicesAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestTerminalCardOnce: a contact already in the reply's text is not
// printed again as a card; one that is not, is.
func TestTerminalCardOnce(t *testing.T) {
	c := dialog.Contact{Name: "林桂香", Org: "区人保局", Phones: []string{"010-69050322"}}
	var b bytes.Buffer
	printReplies(&b, []dialog.Reply{{Text: "☎ 区人保局 林桂香：010-69050322", Contacts: []dialog.Contact{c}}})
	if strings.Contains(b.String(), "名片") {
		t.Errorf("card repeated:\n%s", b.String())
	}
	b.Reset()
	printReplies(&b, []dialog.Reply{{Text: "请联系：", Contacts: []dialog.Contact{c}}})
	if !strings.Contains(b.String(), "名片：林桂香") {
		t.Errorf("card missing:\n%s", b.String())
	}
}

func TestBannerFromGuide(t *testing.T) {
	g, err := seeds.Load("../../seeds/testdata/other_district.txt")
	if err != nil {
		t.Fatal(err)
	}
	if b := banner(g); strings.Contains(b, "密云") || !strings.Contains(b, "青山区") {
		t.Errorf("banner %q", b)
	}
}
