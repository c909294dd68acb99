package index

import (
	"slices"
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

// TestTrial42Hedges: a right answer's "没有提到X" never names what the
// measure says in other words (减税 of a measure halving a tax, 降点 of
// one cutting a fee) or where the asker or landlord is (镇里).
func TestTrial42Hedges(t *testing.T) {
	checkNoHedge(t, []hedgeCase{
		{"我们打算换两台新教练车 买车有没有减税", 57, "减税"},
		{"店里的宽带专线费用能降点吗", 8, "降点"},
		{"我们的房子是租镇里一家国企的，房租能不能减免", 4, "镇里"},
		{"区里有没有房租减免", 4, "区里"},
	})
}

// TestCountWritten: a count the guide writes itself ("17个行业" of the
// social-insurance measure) stays a word of the ask; the asker's own
// headcount does not.
func TestCountWritten(t *testing.T) {
	if a := testIndex.analyse(Normalize("在那17个行业里吗"), -1); !slices.Contains(a.terms, "17") {
		t.Errorf("17个行业: terms %v, want 17 kept", a.terms)
	}
	if a := testIndex.analyse(Normalize("我们有17个员工"), -1); slices.Contains(a.terms, "17") {
		t.Errorf("17个员工: terms %v, want 17 dropped", a.terms)
	}
}
