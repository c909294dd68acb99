package dialog

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"policybot/index"
	"policybot/seeds"
)

// TestEachAnswerInOrder: reading the guides side by side gives next what
// reading them one after another gives, in the guides' order, and stops
// when next says so.
func TestEachAnswerInOrder(t *testing.T) {
	set := testGuides(t)
	for _, q := range []string{"社保能缓交吗", "房租能减免吗", "明天下雨吗", "我们是食品经营户，工业产品生产许可证能延期吗", "找谁办"} {
		rd, err := set[0].Read(q, index.Context{})
		if err != nil {
			t.Fatal(err)
		}
		want := []guideAnswer{answerIn(set[0], &rd, q)}
		for _, ix := range set[1:] {
			want = append(want, answerIn(ix, nil, q))
		}
		var got []guideAnswer
		eachAnswer(set, rd, q, func(i int, a guideAnswer) bool {
			if i != len(got) {
				t.Errorf("%s: guide %d after %d", q, i, len(got))
			}
			got = append(got, a)
			return true
		})
		if len(got) != len(want) {
			t.Fatalf("%s: %d answers, want %d", q, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: guide %s: %+v, read alone %+v", q, set[i].ID(), got[i], want[i])
			}
		}
		calls := 0
		eachAnswer(set, rd, q, func(int, guideAnswer) bool { calls++; return calls < 2 })
		if calls != 2 {
			t.Errorf("%s: next called %d times after it stopped at 2", q, calls)
		}
	}
}

// TestFanoutCache: a question put before the district is known is read
// by the guides once per generation: a second chat asking it gets the same
// reply from the cache, and after a reload that removes guides the reply
// names only the guides served. The cache keeps at most maxFanouts
// questions, dropping the oldest.
func TestFanoutCache(t *testing.T) {
	set := testGuides(t)
	e := NewGuides(set, newMemStore(), WithClock(func() time.Time { return today }))
	ask := func(chat int64, q string) Reply {
		rs, err := e.Handle(context.Background(), chat, Event{Kind: Message, Text: q})
		if err != nil || len(rs) == 0 {
			t.Fatalf("%q: %v %v", q, err, rs)
		}
		return rs[0]
	}
	var before string // the alike reply with every guide served
	for _, c := range []struct {
		q    string
		kind seeds.Kind
		want string
	}{
		{"旅行社质量保证金能暂退多少？", seeds.KindMeasure, "规定相同"},
		{"社保能缓交吗", seeds.KindPlace, "哪个区"},
	} {
		first := ask(1, c.q)
		if c.kind == seeds.KindMeasure {
			before = first.Text
		}
		if _, ok := e.gen.Load().fanouts.get(c.q); !ok {
			t.Errorf("%s: not kept", c.q)
		}
		second := ask(2, c.q)
		if first.Kind != c.kind || !strings.Contains(first.Text, c.want) || second.Text != first.Text || second.Guide != first.Guide {
			t.Errorf("%s: first %s %q\nsecond %s %q", c.q, first.Kind, first.Text, second.Kind, second.Text)
		}
		ask(1, "/forget")
		ask(2, "/forget")
	}
	e.SetGuides(set[:2])
	r := ask(3, "旅行社质量保证金能暂退多少？")
	for _, ix := range set[2:] {
		if strings.Contains(r.Text, ix.Name()) || strings.Contains(r.Text, ix.Label()) {
			t.Errorf("after the reload removed it, %s is named:\n%s", ix.Name(), r.Text)
		}
	}
	if r.Text == before || r.Guide != set[0].ID() && r.Guide != set[1].ID() {
		t.Errorf("after the reload, from %q, the reply of every guide:\n%s", r.Guide, r.Text)
	}

	var c fanoutCache
	for i := range maxFanouts + 1 {
		c.put(strconv.Itoa(i), fanout{same: true})
	}
	if _, ok := c.get("0"); ok || len(c.m) != maxFanouts {
		t.Errorf("%d kept, the oldest kept %v", len(c.m), ok)
	}
	if f, ok := c.get(strconv.Itoa(maxFanouts)); !ok || !f.same {
		t.Errorf("the newest: %+v %v", f, ok)
	}
	var none *fanoutCache
	none.put("x", fanout{})
	if _, ok := none.get("x"); ok {
		t.Error("a nil cache kept a question")
	}
}
