package seeds

import (
	"slices"
	"testing"
)

// TestMonotone: the follow-ups of a stretch go to its measures in order,
// for the highest total score, even where one sentence alone would lean
// back to the earlier measure; a measure owed a follow-up gets one.
func TestMonotone(t *testing.T) {
	tests := []struct {
		name   string
		scores [][]float64 // per sentence, per candidate measure in order
		bonus  []float64   // per candidate given a sentence, once (nil: none)
		want   []int
	}{
		{"each its best", [][]float64{{0.4, 0.1}, {0.0, 0.15}}, nil, []int{0, 1}},
		{"order kept", [][]float64{{0.05, 0.15}, {0.27, 0.15}}, nil, []int{0, 0}},
		{"all later", [][]float64{{0.0, 0.15}, {0.1, 0.15}, {0.0, 0.2}}, nil, []int{1, 1, 1}},
		{"one sentence", [][]float64{{0.1, 0.3, 0.2}}, nil, []int{1}},
		// A measure with text that holds no follow-up elsewhere is owed
		// the first sentence of its stretch, though it shares few words
		// with it, and only one: the rest go to the lost measure.
		{"owed its first", [][]float64{{0.05, 0.15}, {0.0, 0.15}}, []float64{0.15, 0}, []int{0, 1}},
		{"owed, content far ahead", [][]float64{{0.0, 0.4}}, []float64{0.15, 0}, []int{1}},
		{"owed to the later", [][]float64{{0.3, 0.1}, {0.2, 0.1}}, []float64{0, 0.15}, []int{0, 1}},
	}
	for _, tt := range tests {
		var bs []blindOrphan
		for _, s := range tt.scores {
			bs = append(bs, blindOrphan{near: []int{4, 5, 6}[:len(s)], score: s})
		}
		if got := monotoneWith(bs, tt.bonus); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
