package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"policybot/dialog"
	"policybot/dialog/dialogtest"
	"policybot/seeds"
)

// TestConversationsThroughChatJSONL runs the persona conversations of
// dialog/testdata through `policybot chat --jsonl`, one process for all,
// each conversation after a /forget, and checks every turn as the dialog
// tests do: at least 95% must be right.
func TestConversationsThroughChatJSONL(t *testing.T) {
	trs, err := dialogtest.Read("../../dialog/testdata/conversations.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var turns []dialogtest.Turn
	var input []string
	for _, tr := range trs {
		turns = append(turns, dialogtest.Turn{Command: "/forget"})
		input = append(input, "/forget")
		for _, tu := range tr.Turns {
			turns = append(turns, tu)
			line := tu.User
			if tu.Command != "" {
				line = tu.Command
			}
			input = append(input, line)
		}
	}
	code, out, stderr := runCmd(t, strings.Join(input, "\n")+"\n", "chat", "--jsonl", "--data-dir", dataDir(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != len(input) {
		t.Fatalf("%d input lines, %d output lines", len(input), len(lines))
	}
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
		checked++
		if why := tu.Check(dialogtest.Shown{Text: text, Kind: got.Kind, Measures: got.Measures, Contacts: len(got.Contacts)}); len(why) > 0 {
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

// TestChatStopsOnSignal: a chat waiting for input ends when its context is
// cancelled (SIGTERM, ^C), in both modes, instead of blocking on the read.
func TestChatStopsOnSignal(t *testing.T) {
	for _, mode := range [][]string{{"--jsonl"}, {}} {
		pr, pw := io.Pipe()
		defer pw.Close()
		ctx, cancel := context.WithCancel(context.Background())
		var out, errb bytes.Buffer
		env := &environment{ctx: ctx, stdin: pr, stdout: &out, stderr: &errb}
		done := make(chan int, 1)
		args := append([]string{"chat", "--data-dir", dataDir(t)}, mode...)
		go func() { done <- run(env, args) }()
		if _, err := pw.Write([]byte("社保能缓交吗\n")); err != nil {
			t.Fatal(err)
		}
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("chat %v: exit %d after a signal: %s", mode, code, errb.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("chat %v still waiting for input 30 s after its context was cancelled", mode)
		}
	}
}
