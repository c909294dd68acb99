package index

import (
	"testing"

	"policybot/seeds"
)

// TestBareParts: a message that is one ask and nothing else is bare (see
// suggestFloor); a story, a context or another ask around it is not.
func TestBareParts(t *testing.T) {
	for _, c := range []struct {
		msg  string
		bare []bool
	}{
		{"冷库用电有没有峰谷电价优惠", []bool{true}},
		{"你好，冷库用电有没有峰谷电价优惠？", []bool{true}},
		{"我们是做冷链的，冷库用电有没有峰谷电价优惠", []bool{false}},
		{"冷库用电有优惠吗？仓储用地呢？", []bool{false, false}},
	} {
		ps, _, _ := testIndex.parts(prepare(c.msg))
		if len(ps) != len(c.bare) {
			t.Errorf("%s: %d parts, want %d", c.msg, len(ps), len(c.bare))
			continue
		}
		for i, p := range ps {
			if p.bare != c.bare[i] {
				t.Errorf("%s: part %d (%s) bare %v, want %v", c.msg, i, p.text, p.bare, c.bare[i])
			}
		}
	}
}

// TestProcedureNamesNoSubject: asking what must be done or brought names
// no subject ([procedure]): "要办什么审批手续" after a story is asked of the
// story; with a subject of its own the ask keeps it.
func TestProcedureNamesNoSubject(t *testing.T) {
	for _, c := range []struct {
		ask  string
		want bool
	}{
		{"要办什么审批手续", false},
		{"需要准备哪些材料", false},
		{"社保缓缴要办什么手续", true},
		// The forms of a procedure are asked for the same way.
		{"能把申请表发我一份吗", false},
		{"能发我一下申请书吗", false},
		{"社保缓缴的申请表在哪下", true},
	} {
		if got := testIndex.namesSubject(c.ask); got != c.want {
			t.Errorf("namesSubject(%q) = %v, want %v", c.ask, got, c.want)
		}
	}
}

// TestFormAskedOfStory: a form asked for after a story telling what the
// owner wants to apply for is that measure's procedure.
func TestFormAskedOfStory(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want int
	}{
		{"我们厂想申请社保缓缴，能把申请表发我一份吗", 2},
		{"我们想申请首贷贴息，能发我一下申请书吗", 9},
	} {
		rd := must2(testIndex.Read(c.msg, Context{}))
		if len(rd.Asks) == 0 || rd.Asks[0].Kind != seeds.KindMeasure || rd.Asks[0].Measures[0].Number != c.want {
			t.Errorf("%q: %+v, want measure %d", c.msg, rd.Asks, c.want)
		}
	}
}
