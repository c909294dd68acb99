package index

import (
	"slices"
	"sort"
	"strings"

	"policybot/seeds"
)

// byUnit answers a list limited to one unit ("人社方面有哪些补贴", "税务局
// 有哪些优惠") with that unit's measures: those it leads, or those it
// supports when it leads none. When the ask names a kind of help besides
// the unit (补贴, not 贷款), only measures whose sentences say it are
// listed, unless none does; a place the ask names ("门头沟还有哪些…")
// picks the guide, not the measures.
func (ix *Index) byUnit(r *Result) {
	u := r.Unit
	if !r.List || u == nil || r.Contact || r.OtherPlace || r.Asked != 0 || r.NotChinese || r.Human {
		return
	}
	nums := u.Leads
	if len(nums) == 0 {
		nums = u.Supports
	}
	nums = slices.DeleteFunc(slices.Clone(nums), func(n int) bool { return !ix.answerable(n) })
	if len(nums) == 0 {
		return
	}
	cover := map[int]float64{}
	kept, kinds := ix.ofKind(nums, ix.topicTerms(r.Terms), ix.PlaceNames(r.Question), cover)
	switch {
	case len(kept) == 0 && kinds:
		// "人社局有哪些贷款": the unit offers none of that kind; the search
		// says what the guide has.
		return
	case len(kept) == 0:
		kept = nums
	}
	sort.SliceStable(kept, func(i, j int) bool { return cover[kept[i]] > cover[kept[j]] })
	hits := make([]Hit, len(kept))
	for i, n := range kept {
		hits[i] = Hit{Number: n, Coverage: cover[n], KnownCoverage: cover[n]}
	}
	r.Kind, r.Measures, r.ByUnit = seeds.KindChoice, hits, true
	if len(hits) == 1 {
		r.Kind = seeds.KindMeasure
	}
	r.Related = kept
}

// helpKinds are the kinds of help an owner asks a list of, each as the
// words a measure offering it uses (补贴 is paid as 补助 or 返还 too).
// Domain knowledge of relief policy, not one guide's words. The first
// names no kind: "有哪些优惠" asks for everything.
var helpKinds = [][]string{
	{"优惠", "政策", "措施", "扶持", "支持", "帮扶", "福利", "好处", "项目"},
	{"补贴", "补助", "奖励", "奖补", "返还", "资金支持", "补偿"},
	{"贷款", "融资", "贴息", "担保", "信贷"},
	{"减免", "免收", "免征", "减征", "减半", "退税", "留抵"},
	{"缓缴", "延期缴纳", "缓交", "顺延"},
}

// ofKind are those of nums whose sentences offer what words ask for:
// every kind of help they name (helpKinds), and some of their other
// words, those of places aside (a place picks the guide, not the
// measures: 门头 of 门头沟 is no topic). cover
// gets each measure's coverage of those other words. Nil when the words
// name nothing to filter by, or no measure fits; kinds reports whether
// they named a kind of help.
func (ix *Index) ofKind(nums []int, words, places []string, cover map[int]float64) (out []int, kinds bool) {
	var named [][]string
	var rest []string
	for _, w := range words {
		switch k := slices.IndexFunc(helpKinds, func(k []string) bool { return slices.Contains(k, w) }); {
		case k > 0:
			named = append(named, helpKinds[k])
		case k < 0 && !slices.ContainsFunc(places, func(p string) bool { return strings.Contains(p, w) }):
			rest = append(rest, w)
		}
	}
	if len(named) == 0 && len(rest) == 0 {
		return nil, false
	}
	for _, n := range nums {
		m := ix.guide.Measure(n)
		text := measureWords(m)
		fits := true
		for _, k := range named {
			fits = fits && slices.ContainsFunc(k, func(w string) bool { return strings.Contains(text, w) })
		}
		if len(rest) > 0 {
			cover[n] = ix.answerCoverage(m, rest)
			fits = fits && cover[n] > 0
		}
		if fits {
			out = append(out, n)
		}
	}
	return out, len(named) > 0
}
