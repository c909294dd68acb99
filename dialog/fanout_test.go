package dialog

import (
	"testing"

	"policybot/index"
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
