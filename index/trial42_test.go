package index

import (
	"testing"

	"policybot/seeds"
)

// TestTrial42Reading: single messages of new-user trial 42 read as a
// clerk reads them. A headcount ("给12个人上社保") is neither the word 个人
// nor a figure a measure dates (2022年4月至12月); a lead-in said only to
// the clerk ("老板问一下") and an event told with 了 before a space open
// the story, so the ask after them is read alone.
func TestTrial42Reading(t *testing.T) {
	tests := []struct {
		msg  string
		kind seeds.Kind // of the last ask
		want int        // its first measure; 0: none
	}{
		{"公司给12个人上社保 能不能缓", seeds.KindMeasure, 2},
		{"我们厂30多个人，社保能缓缴吗", seeds.KindMeasure, 2},
		{"老板问一下 我们是搬家公司 8台货车 都在密云 去年到今年生意不好 车贷压力很大 货车司机的贷款能延期吗", seeds.KindMeasure, 10},
		{"疫请那会关了快仨月 房祖能减吗", seeds.KindMeasure, 4},
	}
	for _, tt := range tests {
		rd, err := testIndex.Read(tt.msg, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) == 0 {
			t.Errorf("%s: no ask", tt.msg)
			continue
		}
		a := rd.Asks[len(rd.Asks)-1]
		if a.Kind != tt.kind || tt.want != 0 && (len(a.Measures) == 0 || a.Measures[0].Number != tt.want) {
			t.Errorf("%s: %s %v, want %s %d first", tt.msg, a.Kind, a.Measures, tt.kind, tt.want)
		}
	}
}
