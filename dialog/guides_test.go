package dialog

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"policybot/dialog/dialogtest"
	"policybot/index"
	"policybot/index/indextest"
)

// testGuides is the embedded guide and the four clean test guides, one
// index each sharing a segmenter (index.OpenSet).
func testGuides(t *testing.T) []*index.Index {
	t.Helper()
	set, err := indextest.Guides("../seeds/testdata/guides")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func newGuidesEngine(t *testing.T) *Engine {
	return NewGuides(testGuides(t), newMemStore(), WithClock(func() time.Time { return today }))
}

// TestGuideIDs: the ids the transcripts use come from the guides' issuers
// and dates.
func TestGuideIDs(t *testing.T) {
	var ids []string
	for _, ix := range testGuides(t) {
		ids = append(ids, ix.ID())
	}
	want := "miyun-2022 huairou-2022 pinggu-2023 tongzhou-2020 mentougou-2022"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
}

// TestMultiGuideDialogs runs the multi-district conversations written by
// someone who never saw the code (testdata/multiguide_dialogs.jsonl): at
// least 38 conversations must pass in full (25 of 38 before the follow-up
// work on issue 23; 29 after the merge with the decision rework, where
// "那通州呢" after a rent question in sw-02 is only suggested; 30 since a
// one-word list ask reads its statements as its topic, mx-02; 31 since a
// guide whose measure does not name the asked object is no evidence that
// the districts differ, al-04; 32 since a near tie is broken by who the
// statements say the asker is, pm-01; 33 since "招了几个…" is read as a
// statement, ap-06; 34 since 卖不掉 and 口罩 reach a guide's 收储/收购 and
// 防疫物资, rm-04; 35 with 外摆 in the dictionary, pm-07; 36 since 房屋
// also searches a guide's 房产, sw-02; 38 of 38 since a statement shared by two
// asks breaks no tie against the second's own words, and "这两个分别找谁"
// asks each measure the message before was answered with, mx-01), and
// no reply of any may carry a phone of a guide other than the one it
// answers from.
func TestMultiGuideDialogs(t *testing.T) {
	set := testGuides(t)
	trs, err := dialogtest.Read("testdata/multiguide_dialogs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	phones := guidePhones(set)
	passed := 0
	var failed []string
	for chat, tr := range trs {
		// Wrong turns are logged, not errors: the floor is on the count.
		// A leak is an error whatever the count.
		ok := func() bool {
			e := NewGuides(set, newMemStore(), WithClock(func() time.Time { return today }))
			bad := false
			for i, turn := range tr.Turns {
				replies, err := e.Handle(context.Background(), int64(chat+1), Event{Kind: Message, Text: turn.User})
				if err != nil {
					t.Errorf("%s turn %d (%s): %v", tr.ID, i+1, turn.User, err)
				}
				text, kind, measures, contacts := flatten(replies)
				shown := dialogtest.Shown{Text: text, Kind: string(kind), Measures: measures, Contacts: contacts}
				for _, r := range replies {
					if r.Guide != "" {
						shown.Guide = r.Guide
						break
					}
				}
				for _, ix := range set {
					if ix.ID() == shown.Guide {
						shown.GuideName = ix.Name()
					}
				}
				for _, r := range replies {
					if err := checkGuidePhones(set, r); err != nil {
						t.Errorf("%s turn %d (%s): leak: %v\n%s", tr.ID, i+1, turn.User, err, text)
					}
					if p := otherGuidePhone(phones, r); p != "" {
						t.Errorf("%s turn %d (%s): leak: %s is another guide's phone\n%s", tr.ID, i+1, turn.User, p, text)
					}
				}
				if why := turn.Check(shown); len(why) > 0 {
					bad = true
					t.Logf("%s turn %d (%s): %s\nkind %s guide %s measures %v\n%s", tr.ID, i+1, turn.User, strings.Join(why, "; "), kind, shown.Guide, measures, text)
				}
			}
			return !bad
		}()
		if ok {
			passed++
		} else {
			failed = append(failed, tr.ID)
		}
	}
	t.Logf("%d of %d conversations pass; failing: %v", passed, len(trs), failed)
	if passed < 38 {
		t.Errorf("%d conversations pass, want ≥ 38", passed)
	}
}

// checkGuidePhones is checkPhones across guides: a reply's phones are those
// of the guide it answers from, and a reply from no guide carries none.
func checkGuidePhones(set []*index.Index, r Reply) error {
	for _, ix := range set {
		if ix.ID() == r.Guide {
			return checkPhones(ix, r)
		}
	}
	if r.Guide != "" {
		return fmt.Errorf("reply from unknown guide %q", r.Guide)
	}
	if p := phoneRe.FindString(r.Text); p != "" {
		return fmt.Errorf("phone %s in a reply from no guide", p)
	}
	return nil
}

// otherGuidePhone returns a phone as another guide writes it (8-digit
// local numbers included, which checkPhones's pattern does not see) that
// reply r carries although its own guide does not list it; "" for none.
// Hotlines shorter than 8 digits are left out: guides share them.
func otherGuidePhone(phones map[string]map[string]bool, r Reply) string {
	text := digits(r.Text)
	for _, c := range r.Contacts {
		text += " " + digits(strings.Join(c.Phones, " "))
	}
	for id, ps := range phones {
		if id == r.Guide {
			continue
		}
		for p := range ps {
			if len(p) >= 8 && !phones[r.Guide][p] && strings.Contains(text, p) {
				return p
			}
		}
	}
	return ""
}

// guidePhones are the phones (digits only) each guide of set lists.
func guidePhones(set []*index.Index) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, ix := range set {
		out[ix.ID()] = map[string]bool{}
		for _, m := range ix.Guide().Measures {
			for _, p := range m.Phones() {
				out[ix.ID()][digits(p)] = true
			}
		}
	}
	return out
}

// TestNoLeakSwitchingDistricts switches district mid-conversation, by naming
// one, by "换个区" and by pressing a district: every reply answers from one
// guide, and carries no phone that only another guide lists.
func TestNoLeakSwitchingDistricts(t *testing.T) {
	set := testGuides(t)
	phones := guidePhones(set)
	e := newGuidesEngine(t)
	ctx := context.Background()
	var last []Reply
	steps := []struct {
		msg, press string
		guide      string // the guide the reply answers from; "" for none
		kind       string
	}{
		{msg: "我在怀柔开了家小超市，社保能缓缴吗", guide: "huairou-2022"},
		{msg: "找谁办", guide: "huairou-2022"},
		{msg: "那门头沟呢", guide: "mentougou-2022"},
		{msg: "找谁办", guide: "mentougou-2022"},
		{msg: "配合单位有哪些", guide: "mentougou-2022"},
		{msg: "换个区", kind: "place"},
		{press: "tongzhou-2020", guide: "tongzhou-2020"},
		{msg: "找谁办", guide: "tongzhou-2020"},
		{msg: "我在海淀还有个公司，能缓缴吗", kind: "none"},
		{msg: "密云的房租能减免吗", guide: "miyun-2022"},
		{msg: "1", guide: "miyun-2022"},
		{msg: "找谁", guide: "miyun-2022"},
		{msg: "再回到怀柔，截止到什么时候", guide: "huairou-2022"},
	}
	for i, s := range steps {
		ev := Event{Kind: Message, Text: s.msg}
		label := s.msg
		if s.press != "" {
			ev = Event{Kind: Press, Data: findButton(last, actPlace+"|"+s.press)}
			label = "press " + s.press
			if ev.Data == "" {
				t.Fatalf("step %d: no button for %s in %+v", i+1, s.press, last)
			}
		}
		replies, err := e.Handle(ctx, 7, ev)
		if err != nil {
			t.Fatalf("step %d (%s): %v", i+1, label, err)
		}
		last = replies
		text, kind, _, _ := flatten(replies)
		if s.kind != "" && string(kind) != s.kind {
			t.Errorf("step %d (%s): kind %s, want %s\n%s", i+1, label, kind, s.kind, text)
		}
		for _, r := range replies {
			if r.Guide != s.guide && (r.Text != "" || r.Guide != "") {
				t.Errorf("step %d (%s): reply from guide %q, want %q\n%s", i+1, label, r.Guide, s.guide, r.Text)
			}
			if err := checkGuidePhones(set, r); err != nil {
				t.Errorf("step %d (%s): %v\n%s", i+1, label, err, text)
			}
			var shown []string
			shown = append(shown, phoneRe.FindAllString(r.Text, -1)...)
			for _, c := range r.Contacts {
				shown = append(shown, c.Phones...)
			}
			for _, p := range shown {
				if !phones[r.Guide][digits(p)] {
					t.Errorf("step %d (%s): phone %s is not %q's\n%s", i+1, label, p, r.Guide, text)
				}
			}
			if p := otherGuidePhone(phones, r); p != "" {
				t.Errorf("step %d (%s): %s is another guide's phone\n%s", i+1, label, p, text)
			}
		}
	}
}

// TestGuidesCommands: /about and /list name every guide until the chat's
// district is known; /forget forgets it.
func TestGuidesCommands(t *testing.T) {
	set := testGuides(t)
	e := newGuidesEngine(t)
	ctx := context.Background()
	run := func(ev Event) string {
		rs, err := e.Handle(ctx, 9, ev)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _, _ := flatten(rs)
		return text
	}
	for _, cmd := range []string{"about", "list"} {
		text := run(Event{Kind: Command, Command: cmd})
		for _, ix := range set {
			if !strings.Contains(text, ix.Name()) {
				t.Errorf("/%s does not name %s:\n%s", cmd, ix.Name(), text)
			}
		}
	}
	rs, _ := e.Handle(ctx, 9, Event{Kind: Command, Command: "list"})
	data := findButton(rs, actBrowse+"|")
	if data == "" {
		t.Fatalf("/list has no browse buttons: %+v", rs)
	}
	rs, _ = e.Handle(ctx, 9, Event{Kind: Press, Data: data})
	if len(rs) == 0 || rs[0].Guide != set[0].ID() {
		t.Errorf("browsing the first guide answered from %+v", rs)
	}
	if text := run(Event{Kind: Message, Text: "我在平谷，首贷有贴息吗"}); !strings.Contains(text, "平谷区指南") {
		t.Errorf("answer does not name its guide:\n%s", text)
	}
	if text := run(Event{Kind: Command, Command: "about"}); !strings.Contains(text, "当前按平谷区指南") {
		t.Errorf("/about does not name the chat's guide:\n%s", text)
	}
	run(Event{Kind: Command, Command: "forget"})
	if text := run(Event{Kind: Message, Text: "社保能缓缴吗"}); !strings.Contains(text, "哪个区") {
		t.Errorf("after /forget the district is still known:\n%s", text)
	}
}

// TestGuidesMatchAsksDistrict: the check-up asks the district first when
// it is unknown, and then runs on that district's guide, which the chat
// keeps.
func TestGuidesMatchAsksDistrict(t *testing.T) {
	e := newGuidesEngine(t)
	ctx := context.Background()
	rs, err := e.Handle(ctx, 11, Event{Kind: Command, Command: "match"})
	if err != nil || len(rs) == 0 || rs[0].Kind != "place" {
		t.Fatalf("/match: %v %+v", err, rs)
	}
	data := findButton(rs, actPlace+"|pinggu-2023")
	rs, err = e.Handle(ctx, 11, Event{Kind: Press, Data: data})
	if err != nil || len(rs) == 0 || rs[0].Guide != "pinggu-2023" || !strings.Contains(rs[0].Text, "政策体检") {
		t.Fatalf("district pressed: %v %+v", err, rs)
	}
	rs, _ = e.Handle(ctx, 11, Event{Kind: Message, Text: "首贷有贴息吗"})
	if len(rs) == 0 || rs[0].Guide != "pinggu-2023" {
		t.Errorf("after the check-up's district: %+v", rs)
	}
}

// TestInlineGuides: inline mode answers from the guide a message would
// (the district the query names, else the user's chat's, else every guide
// that answers, each result naming its guide), and never with another
// guide's phone.
func TestInlineGuides(t *testing.T) {
	set := testGuides(t)
	e := NewGuides(set, newMemStore(), WithClock(func() time.Time { return today }))
	ctx := context.Background()
	if _, err := e.Handle(ctx, 7, Event{Kind: Message, Text: "我在怀柔开了家小超市，社保能缓缴吗"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		chat       int64
		query      string
		wantGuides []string // the guides the results come from, in any order; nil: none
	}{
		{7, "社保能缓缴吗", []string{"huairou-2022"}},               // the chat's district
		{8, "门头沟社保能缓缴吗", []string{"mentougou-2022"}},          // named
		{7, "门头沟社保能缓缴吗", []string{"mentougou-2022"}},          // named beats the chat's
		{9, "海淀社保能缓缴吗", nil},                                  // no guide's place
		{9, "社保能缓缴吗", []string{"miyun-2022", "huairou-2022"}}, // unknown: several, labelled
	}
	for _, c := range cases {
		rs := e.Inline(ctx, c.chat, c.query, 10)
		got := map[string]bool{}
		for _, r := range rs {
			id, _, ok := strings.Cut(r.ID, "-m")
			if !ok {
				t.Errorf("%q: result id %q names no guide", c.query, r.ID)
				continue
			}
			got[id] = true
			if err := checkGuidePhones(set, Reply{Guide: id, Text: r.Text, Measures: []int{atoiSuffix(r.ID)}}); err != nil {
				t.Errorf("%q: %v", c.query, err)
			}
		}
		if c.wantGuides == nil && len(rs) > 0 {
			t.Errorf("%q: %d results, want none", c.query, len(rs))
		}
		for _, id := range c.wantGuides {
			if !got[id] {
				t.Errorf("%q (chat %d): no result from %s; got %v", c.query, c.chat, id, got)
			}
		}
		if len(c.wantGuides) == 1 && len(got) != 1 {
			t.Errorf("%q (chat %d): results from %v, want only %s", c.query, c.chat, got, c.wantGuides[0])
		}
	}
}

// atoiSuffix is the number after the last "m" of an inline result id.
func atoiSuffix(id string) int {
	n := 0
	fmt.Sscanf(id[strings.LastIndex(id, "m")+1:], "%d", &n)
	return n
}
