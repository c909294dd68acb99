package index

import (
	"slices"
	"testing"
)

// TestConsequenceOfDeclined: an ask of only what may follow from a matter
// (会不会被罚) asks of the matter of the ask before it; when no measure
// covers that matter (侵权), it is declined with it, not answered "不会" by
// a measure on penalties for something else (第17条, trial 50 p6 t11).
// An ask of a consequence with a matter of its own is answered as before.
func TestConsequenceOfDeclined(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"学生拿教材来整本复印 这个算不算侵权 会不会被罚", nil},
		{"疫情期间被罚了 会影响信用吗", []int{17}},
	} {
		rd, got := answeredFirsts(t, c.q)
		if len(got) != len(c.want) || len(got) > 0 && got[0] != c.want[0] {
			t.Errorf("%s: answered with %v, want %v (%d asks)", c.q, got, c.want, len(rd.Asks))
		}
	}
}

// TestGuessedMeaningJoinsAsk: a reading the asker offers of what they
// just asked ("是便宜10%还是啥") is part of that ask, answered by its
// measure (第25条's 价格扣除), not an ask of its own matched on 10% (第8条
// 宽带, trial 50 p6 t4).
func TestGuessedMeaningJoinsAsk(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"价格扣除是什么意思 是便宜10%还是啥", []int{25}},
	} {
		_, got := answeredFirsts(t, c.q)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: answered with %v, want %v", c.q, got, c.want)
		}
	}
}
