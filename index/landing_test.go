package index

import (
	"strings"
	"testing"
)

// TestDoubtIsNoLanding: doubt whether the policy is carried out ("真能落地
// 还是就写写") is filler, not the projects a measure has 落地; a question
// about a project's landing still finds that measure.
func TestDoubtIsNoLanding(t *testing.T) {
	for q, landing := range map[string]bool{
		"店里停业一个月了 员工工资照发 你们这些政策真的能落地吗": false,
		"健身房关门好久 房租照交 这政策是写在纸上还是能落到实处": false,
		"我们的产业项目想在这里落地 有什么支持":          true,
	} {
		rd, err := testIndex.Read(q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, a := range rd.Asks {
			if len(a.Measures) > 0 && strings.Contains(testIndex.guide.Measure(a.Measures[0].Number).Text, "落地") {
				got = true
			}
		}
		if got != landing {
			t.Errorf("%q: answered with a measure on 落地 %v, want %v", q, got, landing)
		}
	}
}
