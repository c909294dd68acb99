package admin

import (
	"strings"
	"testing"

	"policybot/dialog/store"
)

func TestNiceCeil(t *testing.T) {
	for n, want := range map[int]int{0: 2, 1: 2, 2: 2, 3: 4, 5: 6, 7: 8, 9: 10, 11: 20, 45: 50, 55: 60, 81: 100, 101: 200, 4999: 5000} {
		if got := niceCeil(n); got != want || got%2 != 0 {
			t.Errorf("niceCeil(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestChartsEscapeAndScale(t *testing.T) {
	days := []store.DayCount{{Day: "2026-11-29", Count: 0}, {Day: "2026-11-30", Count: 7}}
	svg := string(dayChart(days))
	if !strings.Contains(svg, `height="0.0"`) || !strings.Contains(svg, ">8</text>") || !strings.Contains(svg, "11-30") {
		t.Errorf("day chart: %s", svg)
	}
	k := string(kindChart([]store.KindCount{{Kind: `<script>`, Count: 1, Share: 1}}))
	if strings.Contains(k, "<script>") || !strings.Contains(k, "k-other") {
		t.Errorf("kind chart does not escape an unknown kind: %s", k)
	}
}
