package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestFrameNotAnswered: an 实施办法's provisions on itself (总则: purpose,
// scope, funding, the platform; 附则: who interprets it, when it takes
// effect) are no answers, whatever the question's words share with them;
// asked by number, the article is no measure; the measures around keep the
// document's numbers and the period is still the 附则's.
func TestFrameNotAnswered(t *testing.T) {
	ix := openSeed(t, "../seeds/testdata/formats/yunyu-2022-chapter-articles/guide.txt")
	frame := []int{1, 2, 3, 4, 24, 25, 26, 27}
	for _, q := range []string{
		"本办法适用于哪些企业",
		"我是个体工商户，在本区登记注册，能享受房租减免吗",
		"补助通过什么平台受理",
		"这个办法由谁负责解释",
		"资金从哪里来，能重复享受吗",
		"小规模纳税人免征增值税到什么时候",
	} {
		r, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Measures {
			if slices.Contains(frame, h.Number) {
				t.Errorf("%q: %s with 第%d条, a provision on the document (%v)", q, r.Kind, h.Number, r.Measures)
			}
		}
	}
	r, err := ix.Search("第二条讲的什么")
	if err != nil {
		t.Fatal(err)
	}
	if r.Asked != 2 || r.Kind != seeds.KindNone {
		t.Errorf("第二条: asked %d, %s", r.Asked, r.Kind)
	}
	r, err = ix.Search("第五条讲的什么")
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != seeds.KindMeasure || len(r.Measures) != 1 || r.Measures[0].Number != 5 {
		t.Errorf("第五条: %s %v", r.Kind, r.Measures)
	}
	if got := ix.Term(); got != "本办法自2022年7月1日起施行，有效期至2022年12月31日" {
		t.Errorf("Term() = %q", got)
	}
}
