package index

import (
	"slices"
	"testing"
)

// TestNamesUnnamed checks that a policy name of [named.text] is read in a
// message as written, whatever the segmenter makes of it: the embedded
// guide names no 质量保证金, so an ask naming one is out of its scope,
// and one about the bidding 保证金 it does name is not.
func TestNamesUnnamed(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"旅行社的质量保证金能暂退吗", true},
		{"我们之前交的旅游服务质量保证金能不能先退回来", true},
		{"投标保证金能用保函代替吗", false},
		{"质量好的产品有补贴吗", false},
	}
	for _, tt := range tests {
		if got := testIndex.namesUnnamed(tt.q, 26); got != tt.want {
			t.Errorf("namesUnnamed(%q, 26) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if !slices.Contains(testIndex.unnamedNames, "质量保证金") {
		t.Errorf("unnamedNames %v lack 质量保证金 ([named.text] not read)", testIndex.unnamedNames)
	}
}
