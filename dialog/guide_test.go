package dialog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policybot/index"
	"policybot/seeds"
)

// TestOtherDistrict runs the dialog on another district's guide: nothing
// the bot says may name the district of the embedded guide, and what it
// says about itself comes from the guide it was given.
func TestOtherDistrict(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a second index")
	}
	g, err := seeds.Load("../seeds/testdata/other_district.txt")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(g, index.WithDataDir(t.TempDir()), index.WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := New(ix, newMemStore(), WithClock(func() time.Time { return today }))
	events := []Event{
		{Kind: Command, Command: "start"}, {Kind: Command, Command: "help"}, {Kind: Command, Command: "about"},
		{Kind: Command, Command: "list"}, {Kind: Command, Command: "match"}, {Kind: Press, Data: "bad"},
		{Kind: Message, Text: "你好"}, {Kind: Message, Text: "你是谁"}, {Kind: Message, Text: "转人工"},
		{Kind: Message, Text: "房租能减免吗"}, {Kind: Message, Text: "找谁"}, {Kind: Message, Text: "什么时候截止"},
		{Kind: Message, Text: "能网上办吗"}, {Kind: Message, Text: "公司注销怎么办"}, {Kind: Message, Text: "谢谢"},
	}
	var all strings.Builder
	for _, ev := range events {
		rs, err := e.Handle(context.Background(), 1, ev)
		if err != nil {
			t.Errorf("%+v: %v", ev, err)
		}
		text, _, _, _ := flatten(rs)
		all.WriteString(text)
		if strings.Contains(text, "密云") {
			t.Errorf("%+v: reply names 密云:\n%s", ev, text)
		}
	}
	if !strings.Contains(all.String(), "青山区") {
		t.Errorf("no reply names the guide's own district:\n%s", all.String())
	}
}

func TestCommandTableDrivesHelp(t *testing.T) {
	e := newEngine(newMemStore())
	rs, _ := e.Handle(context.Background(), 1, Event{Kind: Command, Command: "help"})
	for _, c := range Commands() {
		if !strings.Contains(rs[0].Text, "/"+c.Name+" "+c.Description) {
			t.Errorf("/help lacks /%s", c.Name)
		}
		out, _ := e.Handle(context.Background(), 2, Event{Kind: Command, Command: c.Name})
		if len(out) == 0 || strings.Contains(out[0].Text, "没有这个命令") {
			t.Errorf("/%s in the menu but not dispatched", c.Name)
		}
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
