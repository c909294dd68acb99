package seeds

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// overfullGuide is a guide of n measures, each "N.正文。" with two
// follow-ups (measure from's second repeats its topic) and a contact block glued to the next number, corrupted: the
// first measure's follow-up copied ahead of it (if copied), and the second follow-up
// of measure from moved alone into measure into's text, right after its
// start.
func overfullGuide(n, from, into int, copied bool) string {
	topics := []string{"房租减免", "社保缓缴", "贷款贴息", "稳岗返还", "消费券发放", "技术改造", "上市奖励", "水电缓缴", "招聘补贴", "物流保障", "培训补贴", "展会补贴"}
	block := func(k int) string {
		return fmt.Sprintf("牵头单位：区第%d局联系人：区第%d局张%d联系方式：010-6905%04d", k, k, k, k)
	}
	first := func(k int) string { return fmt.Sprintf("申请材料第%d项按规定提交。", k) }
	second := func(k int) string {
		if k == from {
			return fmt.Sprintf("%s资金由专班审核后拨付。", string([]rune(topics[(k-1)%len(topics)])[:2]))
		}
		return fmt.Sprintf("办理时限为%d个工作日。", k)
	}
	sents := []string{"某区人民政府关于印发若干措施的通知发布日期：2022-06-18为帮助企业纾困，特制定以下措施。"}
	if copied {
		sents = append(sents, first(1))
	}
	for k := 1; k <= n; k++ {
		t := topics[(k-1)%len(topics)]
		start := fmt.Sprintf("%d.对符合条件的企业落实%s政策，%s按季度办理。", k, t, t)
		if k > 1 {
			start = block(k-1) + start
		}
		sents = append(sents, start)
		if k == into {
			sents = append(sents, second(from))
		}
		sents = append(sents, first(k))
		if k != from {
			sents = append(sents, second(k))
		}
	}
	sents = append(sents, block(n))
	return strings.Join(sents, "\n")
}

// TestOverfullRelieved: a measure holding one follow-up more than every
// other gives the one that shares nothing with it to the measure, short of
// one, whose words it repeats, in doubt; without the move nothing changes.
func TestOverfullRelieved(t *testing.T) {
	for _, tt := range []struct {
		name       string
		from, into int
		copied     bool
		want       map[int]string // measure -> a follow-up it must hold
	}{
		{"moved ahead", 9, 3, true, map[int]string{9: "招聘资金由专班审核后拨付。", 3: "办理时限为3个工作日。"}},
		{"moved behind", 2, 11, true, map[int]string{2: "社保资金由专班审核后拨付。", 11: "办理时限为11个工作日。"}},
		// No copies: the text shows no corruption, and the place stands.
		{"clean text", 9, 3, false, map[int]string{3: "招聘资金由专班审核后拨付。"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(overfullGuide(12, tt.from, tt.into, tt.copied)))
			if err != nil {
				t.Fatal(err)
			}
			for n, d := range tt.want {
				m := g.Measure(n)
				if m == nil || !slices.Contains(m.Details, d) {
					t.Errorf("measure %d lacks %q: %+v", n, d, m)
				}
			}
			if !tt.copied {
				return
			}
			if m := g.Measure(tt.into); m == nil || len(m.Details) != 2 {
				t.Errorf("measure %d keeps %d follow-ups, want 2: %q", tt.into, len(m.Details), m.Details)
			}
			moved := tt.want[tt.from]
			i := slices.IndexFunc(g.Report.Orphans, func(o Orphan) bool { return o.Sentence == moved })
			if i < 0 || !g.Report.Orphans[i].Doubtful || g.Report.Orphans[i].Method != BySimilarity {
				t.Errorf("moved follow-up not marked doubtful by content: %+v", g.Report.Orphans[max(i, 0)])
			}
		})
	}
}

// holeGuide is a guide of 12 measures, "N.正文。" with one follow-up (odd
// N) or two (even N), the first measure's copied ahead of it; the only
// follow-up of measure from (odd) repeats its topic and stands moved
// into measure into's text (odd), which then holds two like half the
// others.
func holeGuide(from, into int) string {
	topics := []string{"房租减免", "社保缓缴", "贷款贴息", "稳岗返还", "消费券发放", "技术改造", "上市奖励", "水电缓缴", "招聘补贴", "物流保障", "培训补贴", "展会补贴"}
	block := func(k int) string {
		return fmt.Sprintf("牵头单位：区第%d局联系人：区第%d局张%d联系方式：010-6905%04d", k, k, k, k)
	}
	follow := func(k int) []string {
		if k == from {
			return []string{fmt.Sprintf("%s资金由专班审核后拨付。", string([]rune(topics[k-1])[:2]))}
		}
		out := []string{fmt.Sprintf("申请材料第%d项按规定提交。", k)}
		if k%2 == 0 {
			out = append(out, fmt.Sprintf("办理时限为%d个工作日。", k))
		}
		return out
	}
	sents := []string{"某区人民政府关于印发若干措施的通知发布日期：2022-06-18为帮助企业纾困，特制定以下措施。", follow(1)[0]}
	for k := 1; k <= len(topics); k++ {
		start := fmt.Sprintf("%d.对符合条件的企业落实%s政策，%s按季度办理。", k, topics[k-1], topics[k-1])
		if k > 1 {
			start = block(k-1) + start
		}
		sents = append(sents, start)
		if k == into {
			sents = append(sents, follow(from)...)
		}
		if k != from {
			sents = append(sents, follow(k)...)
		}
	}
	sents = append(sents, block(len(topics)))
	return strings.Join(sents, "\n")
}

// TestHoleFilled: the one measure left without follow-ups, where every
// other has one or two, takes back the follow-up that shares nothing with
// the measure holding it and repeats the hole's topic, in doubt.
func TestHoleFilled(t *testing.T) {
	for _, tt := range []struct {
		from, into int
		want       string
	}{
		{9, 3, "招聘资金由专班审核后拨付。"},
		{3, 11, "贷款资金由专班审核后拨付。"},
	} {
		g, err := Parse([]byte(holeGuide(tt.from, tt.into)))
		if err != nil {
			t.Fatal(err)
		}
		if m := g.Measure(tt.from); m == nil || !slices.Equal(m.Details, []string{tt.want}) || len(m.Doubtful) != 1 {
			t.Errorf("measure %d: %+v, want %q in doubt", tt.from, m, tt.want)
		}
		if m := g.Measure(tt.into); m == nil || slices.Contains(m.Details, tt.want) {
			t.Errorf("measure %d keeps %q: %+v", tt.into, tt.want, m)
		}
	}
}

// TestAboveMedian: the measures that hold more follow-ups between their
// start and contact than the median measure with text; placements by
// other evidence do not count.
func TestAboveMedian(t *testing.T) {
	at := func(ms ...int) []Orphan {
		var out []Orphan
		for _, m := range ms {
			out = append(out, Orphan{Measure: m, Method: ByPosition})
		}
		return out
	}
	for _, c := range []struct {
		name    string
		orphans []Orphan
		nums    []int
		want    []int
	}{
		{"one more than the rest", at(1, 2, 3, 3), []int{1, 2, 3}, []int{3}},
		{"all alike", at(1, 2, 3), []int{1, 2, 3}, nil},
		{"the upper median of an even count", at(1, 1, 2, 3, 3, 3), []int{1, 2, 3, 4}, []int{3}},
		{"by content does not count", append(at(1, 2), Orphan{Measure: 2, Method: BySimilarity}), []int{1, 2}, nil},
		{"no measure with text", at(1), nil, nil},
	} {
		p := &parser{r: &Report{Orphans: c.orphans}}
		pending := make([]int, len(c.orphans))
		for i := range pending {
			pending[i] = i
		}
		var got []int
		for n, ok := range p.aboveMedian(pending, c.nums) {
			if ok {
				got = append(got, n)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: aboveMedian = %v, want %v", c.name, got, c.want)
		}
	}
}
