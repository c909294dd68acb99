package dialog

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
	ix := openGuideFile(t, "../seeds/testdata/other_district.txt")
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

// TestRefusalButtonsOnOtherGuides: on scrambled copies of two other
// districts' guides, the buttons under a refusal come from that guide, and
// each one, pressed, opens one of its measures with its text; none is a
// question written for the embedded guide.
func TestRefusalButtonsOnOtherGuides(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two more indexes")
	}
	embedded := testIndex.ExampleQuestions()
	for _, name := range []string{"huairou-2022", "pinggu-2023"} {
		t.Run(name, func(t *testing.T) {
			ix := openGuideFile(t, filepath.Join("../seeds/testdata/guides", name, "scrambled-1.txt"))
			e := New(ix, newMemStore(), WithClock(func() time.Time { return today }))
			rs, _ := e.Handle(context.Background(), 1, Event{Kind: Message, Text: "明天会下雨吗"})
			if len(rs) != 1 || rs[0].Kind != seeds.KindNone {
				t.Fatalf("not a refusal: %+v", rs)
			}
			if lines := strings.Count(strings.TrimSpace(rs[0].Text), "\n") + 1; lines > 2 {
				t.Errorf("refusal of %d lines:\n%s", lines, rs[0].Text)
			}
			pressed := 0
			for _, row := range rs[0].Buttons {
				for _, b := range row {
					if slices.Contains(embedded, b.Text) {
						t.Errorf("button %q is an example question of the embedded guide", b.Text)
					}
					c, ok := parseCallback(b.Data, ix.Guide().Hash[:4])
					if !ok || c.action != actMeasure {
						continue
					}
					got, _ := e.Handle(context.Background(), 2, Event{Kind: Press, Data: b.Data})
					n, _ := strconv.Atoi(c.arg)
					m := ix.Guide().Measure(n)
					if len(got) != 1 || got[0].Kind != seeds.KindMeasure || m == nil || !m.HasText() ||
						len(got[0].Measures) == 0 || got[0].Measures[0] != n || !strings.Contains(got[0].Text, m.Text[:len(m.Text)/2]) {
						t.Errorf("button %q opens %+v", b.Text, got)
					}
					pressed++
				}
			}
			if pressed < 2 {
				t.Errorf("%d measure buttons under the refusal, want at least 2: %+v", pressed, rs[0].Buttons)
			}
			again, _ := e.Handle(context.Background(), 1, Event{Kind: Message, Text: "周末去哪玩"})
			if len(again) == 1 && again[0].Text == rs[0].Text {
				t.Errorf("the same refusal twice in a row:\n%s", again[0].Text)
			}
		})
	}
}

// TestGuideTermDeadline: a measure that states no period of its own takes
// the one the guide states for all its measures (本办法…有效期至…), quoted
// as the guide writes it, and a guide stating none still says so; the
// provision stating it is quoted as no measure when asked by number.
func TestGuideTermDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds another index")
	}
	ix := openGuideFile(t, "../seeds/testdata/formats/yunyu-2022-chapter-articles/guide.txt")
	if ix.Term() == "" {
		t.Fatal("test premise: the guide states a term for all its measures")
	}
	e := New(ix, newMemStore(), WithClock(func() time.Time { return today }))
	got := allText(say(t, e, 1, "扩岗补助什么时候截止"))
	if !strings.Contains(got, "有效期至2022年") || !strings.Contains(got, "已于2022年12月31日结束") || strings.Contains(got, "指南未写明期限") {
		t.Errorf("扩岗补助什么时候截止 on a guide with a term:\n%s", got)
	}
	// A provision on the document asked by number is quoted as such, with
	// no unit's phone: no measure (seeds.Measure.Frame).
	got = allText(say(t, e, 2, "第二条讲的什么"))
	if !strings.Contains(got, "第2条是") || !strings.Contains(got, "不是具体的扶持措施") || !strings.Contains(got, "本办法适用于在本区登记注册") || strings.Contains(got, "0593-") {
		t.Errorf("第二条讲的什么 (a provision on the document):\n%s", got)
	}
	if testIndex.Term() != "" {
		t.Fatalf("test premise: the embedded guide states no term for all its measures, got %q", testIndex.Term())
	}
	if got := allText(say(t, New(testIndex, newMemStore(), WithClock(func() time.Time { return today })), 1, "城市更新有什么政策")); !strings.Contains(got, "指南未写明期限") {
		t.Errorf("a guide without a term no longer says so:\n%s", got)
	}
}

// openGuideFile opens an index of the guide at path (built-in lexicon
// only) for the test, closed when it ends.
func openGuideFile(t *testing.T, path string) *index.Index {
	t.Helper()
	g, err := seeds.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(g, index.WithDataDir(t.TempDir()), index.WithLexiconDir(""))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}
