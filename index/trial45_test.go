package index

import (
	"fmt"
	"slices"
	"testing"

	"policybot/seeds"
)

// TestTrial45OneMessage: single messages of trials 44 and 45 read through
// general mechanisms: a lead-in said to a shopkeeper (老板娘问一下哈) opens
// the story; the asker's standing (外地户口) is a condition put to the
// measure, not a topic no measure knows.
func TestTrial45OneMessage(t *testing.T) {
	tests := []struct {
		q     string
		first []int // measures accepted first; nil: declined
	}{
		{"老板娘问一下哈，我开文具店的，学校停课那阵子基本没生意，房租是跟街道的一个国企租的门脸，听说能减房租？？", []int{4}},
		{"外地户口的员工能缓交社保吗", []int{2}},
		{"我们店有几个外地户口的员工 社保能缓交吗", []int{2}},
		// The guide names no 稳岗 subsidy: declined, whoever the staff are.
		{"我们店有几个外地户口的员工 能享受稳岗补贴吗", nil},
	}
	for _, tt := range tests {
		rd, err := testIndex.Read(tt.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		ok := true
		for _, a := range rd.Asks {
			got = append(got, fmt.Sprintf("%s %v", a.Kind, numbers(a.Measures)))
			answered := a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest && a.Kind != ""
			if tt.first == nil && a.Kind != seeds.KindNone && a.Kind != "" {
				ok = false
			}
			if tt.first != nil && answered && len(a.Measures) > 0 && !slices.Contains(tt.first, a.Measures[0].Number) {
				ok = false
			}
		}
		if tt.first != nil && !slices.ContainsFunc(rd.Asks, func(a Ask) bool {
			return a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest && len(a.Measures) > 0 && slices.Contains(tt.first, a.Measures[0].Number)
		}) {
			ok = false
		}
		if !ok {
			t.Errorf("%q: %v, want first one of %v (nil: declined)", tt.q, got, tt.first)
		}
	}
}

func numbers(hs []Hit) []int {
	var ns []int
	for _, h := range hs {
		ns = append(ns, h.Number)
	}
	return ns
}
