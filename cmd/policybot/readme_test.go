package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"policybot/dialog"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the sample conversation in README.md from chat --jsonl")

// The sample conversation in README.md sits between these markers.
const (
	readmeFile  = "../../README.md"
	readmeBegin = "<!-- chat --jsonl --today " + readmeDay + ": begin -->"
	readmeEnd   = "<!-- chat --jsonl: end -->"
	readmeDay   = "2026-06-18"
)

// TestReadmeConversation: the README's sample conversation is what
// `policybot chat --jsonl --today 2026-06-18` answers to its messages (the
// lines starting with "> "), shown as the terminal shows replies. It cannot
// drift: change the bot, and this fails until the README is regenerated
// with -update-readme.
func TestReadmeConversation(t *testing.T) {
	raw, err := os.ReadFile(readmeFile)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i, j := strings.Index(readme, readmeBegin), strings.Index(readme, readmeEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q block", readmeBegin, readmeEnd)
	}
	block := readme[i+len(readmeBegin) : j]
	var inputs []string
	for _, line := range strings.Split(block, "\n") {
		if in, ok := strings.CutPrefix(line, "> "); ok {
			inputs = append(inputs, in)
		}
	}
	if len(inputs) == 0 {
		t.Fatal("the README's conversation has no messages (lines starting with \"> \")")
	}
	code, out, stderr := runCmd(t, strings.Join(inputs, "\n")+"\n", "chat", "--jsonl", "--today", readmeDay, "--data-dir", dataDir(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "\n```text\n" + renderTranscript(t, out) + "```\n"
	if block == want {
		return
	}
	if *updateReadme {
		if err := os.WriteFile(readmeFile, []byte(readme[:i+len(readmeBegin)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's conversation is not what chat --jsonl prints; run go test ./cmd/policybot -run TestReadmeConversation -update-readme\n--- README\n%s\n--- chat --jsonl\n%s", block, want)
}

// renderTranscript shows chat --jsonl output as the terminal shows it: each
// message after "> ", then its replies (printReplies).
func renderTranscript(t *testing.T, jsonl string) string {
	var b bytes.Buffer
	for n, line := range strings.Split(strings.TrimRight(jsonl, "\n"), "\n") {
		var turn jsonTurn
		if err := json.Unmarshal([]byte(line), &turn); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		r := dialog.Reply{Text: turn.Text}
		for _, row := range turn.Buttons {
			var br []dialog.Button
			for _, x := range row {
				br = append(br, dialog.Button{Text: x.Text, Data: x.Data})
			}
			r.Buttons = append(r.Buttons, br)
		}
		for _, c := range turn.Contacts {
			r.Contacts = append(r.Contacts, dialog.Contact{Name: c.Name, Org: c.Org, Department: c.Department, Phones: c.Phones})
		}
		if n > 0 {
			b.WriteString("\n")
		}
		b.WriteString("> " + turn.Input + "\n")
		printReplies(&b, []dialog.Reply{r})
	}
	return b.String()
}
