package dialog

import (
	"strings"
	"testing"

	"policybot/seeds"
)

// TestSeveralAsks: a message with two asks gets both answers, in the order
// asked, each saying what it answers and with its own contact; ten asks get
// the first three and a line naming what was left; a corrected typo is
// named; a message of only punctuation or emoji gets the short help.
func TestSeveralAsks(t *testing.T) {
	e := newEngine(newMemStore())
	rs := say(t, e, 1, "我在镇上开了个小理发店，门脸是国企的房子，疫情关门一个多月。房租能不能减？另外店里三个员工的社保能不能先缓一缓")
	if len(rs) != 2 {
		t.Fatalf("two asks, %d replies:\n%s", len(rs), allText(rs))
	}
	for i, want := range []struct {
		mark, measure, phone string
	}{{"①", "【第4条】", "010-69043376"}, {"②", "【第2条】", "010-69050322"}} {
		if text := rs[i].Text; !strings.HasPrefix(text, want.mark) || !strings.Contains(text, want.measure) || !strings.Contains(text, want.phone) {
			t.Errorf("reply %d, want %s %s %s:\n%s", i+1, want.mark, want.measure, want.phone, text)
		}
	}

	rs = say(t, e, 2, "房租能减吗？社保能缓吗？公积金能缓吗？贷款能延期吗？水电能欠费吗？宽带能降价吗？首贷有贴息吗？担保费能减吗？疫情险怎么买？留抵退税怎么办？")
	if len(rs) != 4 {
		t.Fatalf("ten asks: %d replies, want three answers and a line:\n%s", len(rs), allText(rs))
	}
	if last := rs[3].Text; !strings.Contains(last, "还有7个问题没有回答") || !strings.Contains(last, "贷款能延期吗") {
		t.Errorf("left-over line: %s", last)
	}

	rs = say(t, e, 3, "社宝缓交到什么时候")
	if text := rs[0].Text; !strings.HasPrefix(text, "（“社宝”按“社保”理解）") || !strings.Contains(text, "【第2条】") {
		t.Errorf("typo: %s", text)
	}

	for _, msg := range []string{"？？！", "😭😭😭", "……", "👍"} {
		rs = say(t, e, 4, msg)
		if len(rs) != 1 || rs[0].Kind == seeds.KindNone || !strings.Contains(rs[0].Text, "例如") {
			t.Errorf("%q: want the short help, got %s %q", msg, rs[0].Kind, rs[0].Text)
		}
	}
}

// TestEachAnswered: "这两个分别找谁" after a message answered with two
// measures asks each of them, in the order answered; after a message of
// one ask, or with words of its own, it is an ordinary question.
func TestEachAnswered(t *testing.T) {
	rent, social := []string{"【第4条】", "010-69043376"}, []string{"【第2条】", "010-69050322"}
	const two = "我在镇上开了个小理发店，门脸是国企的房子，疫情关门一个多月。房租能不能减？另外店里三个员工的社保能不能先缓一缓"
	tests := []struct {
		name, first, follow string
		want                [][]string // per reply, what it must carry
	}{
		{"whom, each", two, "这两个分别找谁", [][]string{rent, social}},
		{"whom, both", two, "两个都找谁办", [][]string{rent, social}},
		{"one ask before", "社保能缓交吗", "这两个分别找谁", [][]string{social}},
		{"own topic", two, "这两个员工的社保找谁", [][]string{social}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine(newMemStore())
			chat := int64(100 + i)
			say(t, e, chat, tt.first)
			rs := say(t, e, chat, tt.follow)
			if len(rs) != len(tt.want) {
				t.Fatalf("%d replies, want %d:\n%s", len(rs), len(tt.want), allText(rs))
			}
			for j, want := range tt.want {
				for _, w := range want {
					if !strings.Contains(rs[j].Text, w) {
						t.Errorf("reply %d lacks %s:\n%s", j+1, w, rs[j].Text)
					}
				}
				if len(tt.want) > 1 && !strings.HasPrefix(rs[j].Text, askMark(j)) {
					t.Errorf("reply %d does not start with %s:\n%s", j+1, askMark(j), rs[j].Text)
				}
			}
		})
	}
}
