package seeds

import (
	"strings"
	"testing"
)

// TestWeakDoubtNotShown: a follow-up kept directly before its own
// measure's contact block, whose content leans elsewhere but not clearly,
// stays doubtful (no rule to quote) but is not shown as misplaced
// (Measure.Leaning): the embedded seed's "符合条件的连锁超市…以门店为单位执
// 行" of 第4条 and "工会经费等其他公共性经费参照执行" of 第25条 read as
// those measures' own. A sentence whose doubt is not weak is still shown.
func TestWeakDoubtNotShown(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		measure int
		detail  string
	}{
		{4, "以门店为单位执行"},
		{25, "工会经费"},
	} {
		m := g.Measure(c.measure)
		i := -1
		for k, d := range m.Details {
			if strings.Contains(d, c.detail) {
				i = k
			}
		}
		if i < 0 {
			t.Fatalf("第%d条: no detail with %q in %q", c.measure, c.detail, m.Details)
		}
		if !m.IsDoubtful(i) || m.ShowsDoubt(i) {
			t.Errorf("第%d条 %q: doubtful %v shown %v, want doubtful, not shown", c.measure, c.detail, m.IsDoubtful(i), m.ShowsDoubt(i))
		}
	}
	for _, o := range g.Report.Orphans {
		if !o.Doubtful || o.Measure <= 0 || o.Method == ByContactBlock && o.RunnerUp > 0 && o.RunnerUpScore < clearSimilarity {
			continue
		}
		m := g.Measure(o.Measure)
		for k, d := range m.Details {
			if d == o.Sentence && !m.ShowsDoubt(k) {
				t.Errorf("第%d条 %q: a doubt that is not weak is not shown", o.Measure, Clip(d, 20))
			}
		}
	}
}
