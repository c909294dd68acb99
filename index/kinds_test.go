package index

import (
	"policybot/seeds"
	"slices"
	"strings"
	"testing"
)

// TestKindQuote: a measure that sets kinds of askers apart in sentences of
// their own answers a conditions question with the asker's kind's sentence
// (from the question, else from the conversation), or with each kind's
// when the kind is unknown; a measure whose kinds stand in one story
// (国有 landlord and 中小微 tenant) is not set apart.
func TestKindQuote(t *testing.T) {
	cases := []struct {
		measure       int
		q, context    string
		want, wantNot []string // in the quoted text, and nowhere in it
		n             int      // number of sentences quoted; -1 any
	}{
		{measure: 2, q: "那农家乐社保缓交要啥条件", want: []string{"中小微企业", "个体工商户"}, wantNot: []string{"大型企业"}, n: 1},
		{measure: 2, q: "要啥条件", context: "我开小饭馆的 社保能缓交吗", want: []string{"中小微企业"}, wantNot: []string{"大型企业"}, n: 1},
		{measure: 2, q: "我们是大企业 社保缓缴有什么条件", want: []string{"17个行业", "大型企业"}, wantNot: []string{"个体工商户"}, n: 1},
		{measure: 2, q: "律师事务所社保缓缴有条件吗", want: []string{"律师事务所"}, wantNot: []string{"大型企业"}, n: 1},
		{measure: 2, q: "社保缓缴要什么条件", want: []string{"大型企业", "中小微企业", "社会"}, n: 3},
		{measure: 4, q: "房租减免要什么条件", n: 0},
		{measure: 7, q: "欠费不停供要什么条件", n: 0},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			qs := testIndex.KindQuote(testIndex.Guide().Measure(c.measure), c.q, c.context)
			var texts []string
			for _, q := range qs {
				texts = append(texts, q.Text)
			}
			all := strings.Join(texts, "|")
			if c.n >= 0 && len(qs) != c.n {
				t.Fatalf("%d sentences %q, want %d", len(qs), texts, c.n)
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("quoted %q, want %q", texts, w)
				}
			}
			for _, w := range c.wantNot {
				if strings.Contains(all, w) {
					t.Errorf("quoted %q, want no %q", texts, w)
				}
			}
		})
	}
}

// TestOtherKindOf: a licence the measure does not name, where it names
// others, is unnamed with the ones it names; a bare 许可证 gets every kind
// with a rule of its own and no verdict; one it names is not.
func TestOtherKindOf(t *testing.T) {
	cases := []struct {
		q       string
		unnamed string   // first of Unnamed; "" for none of the asked licence
		named   []string // among Named
		verdict string
	}{
		{q: "那卫生许可证快到期了能顺延吗", unnamed: "卫生许可证", named: []string{"工业产品生产许可证", "食品经营许可证"}},
		{q: "卫生许可证到期了 能不能延", unnamed: "卫生许可证", named: []string{"工业产品生产许可证", "食品经营许可证"}},
		{q: "公共场所卫生许可证 美发店的那种 到期能延吗", unnamed: "卫生许可证", named: []string{"工业产品生产许可证"}},
		{q: "营业执照快到期了 要不要紧", unnamed: "营业执照", named: []string{"工业产品生产许可证", "食品经营许可证"}},
		{q: "那我闺女的店 营业执照快到期了 要不要紧", unnamed: "营业执照", named: []string{"工业产品生产许可证", "食品经营许可证"}},
		{q: "药品经营许可证到期了能延期吗", unnamed: "药品经营许可证", named: []string{"食品经营许可证"}},
		// A person's paper for a trade is another kind than a firm's licences.
		{q: "网约车驾驶员证到期了 疫情那阵子没来得及换 能顺延吗", unnamed: "驾驶员证", named: []string{"工业产品生产许可证", "食品经营许可证"}},
		{q: "从业资格证过期了能顺延吗", unnamed: "从业资格证", named: []string{"工业产品生产许可证"}},
		{q: "许可证到期了能顺延吗", named: []string{"工业产品生产许可证", "食品经营许可证"}},
		{q: "工业产品许可证到期能顺延吗", verdict: "可以。"},
		{q: "食品经营许可证过期了能延期吗", verdict: "可以。"},
		{q: "食品生产许可证到期能不能顺延", verdict: "可以。"},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			_, j := judgeAsked(t, c.q, 16)
			if j.Verdict != c.verdict {
				t.Errorf("verdict %q, want %q (rule %q)", j.Verdict, c.verdict, j.Rule)
			}
			if c.unnamed == "" && len(c.named) == 0 {
				if len(j.Named) > 0 {
					t.Errorf("named %q, want none", j.Named)
				}
				return
			}
			if c.unnamed != "" && (len(j.Unnamed) == 0 || j.Unnamed[0] != c.unnamed) {
				t.Errorf("unnamed %q, want %q first", j.Unnamed, c.unnamed)
			}
			for _, n := range c.named {
				if !slices.Contains(j.Named, n) {
					t.Errorf("named %q, want %q among them", j.Named, n)
				}
			}
		})
	}
}

// TestAmountSibling: an amount asked of a measure that states none comes
// from the sibling in its part of the guide whose sentence on the same
// words states one; not from a sibling about something else.
func TestAmountSibling(t *testing.T) {
	cases := []struct {
		measure int
		words   []string
		want    int // 0 for none
	}{
		{24, []string{"政府", "采购", "便宜"}, 25},
		{25, []string{"政府", "采购"}, 0},            // states one itself
		{66, []string{"餐饮", "核酸", "补贴"}, 0},      // 65's 50% is for investment
		{66, []string{"餐饮企业", "做核酸", "防疫费用"}, 0}, // the guide's words for them
		{76, []string{"社区", "补贴"}, 0},            // no sibling on 社区补贴
		{24, []string{"便宜"}, 0},                  // 24 writes none of the words
	}
	for _, c := range cases {
		s := testIndex.AmountSibling(testIndex.Guide().Measure(c.measure), c.words)
		got := 0
		if s != nil {
			got = s.Number
		}
		if got != c.want {
			t.Errorf("AmountSibling(%d, %q) = %d, want %d", c.measure, c.words, got, c.want)
		}
	}
}

// TestSharedSuffixKinds: a list of words sharing their last character
// (智能化绿色化数字化) is one modifier, however long, and an asker's compound
// opening with one of them is no kind the text leaves out (trial 19: "只写到
// 绿色化数字化技术改造，没有提到“设备改造”" to 智能化设备改造).
func TestSharedSuffixKinds(t *testing.T) {
	text := "支持落地一批智能化绿色化数字化技术改造项目，对符合条件的“新智造100”项目和绿色低碳项目给予不超过总投资30%的分档支持"
	if got := testIndex.namedKinds(text, "改造"); !slices.Contains(got, "智能化绿色化数字化技术改造") {
		t.Errorf("namedKinds 改造: %v, want 智能化绿色化数字化技术改造", got)
	}
	for q, want := range map[string]string{
		"智能化设备改造有补贴吗": "", "数字化升级改造算不算": "",
		"厂房设备改造有补贴吗": "厂房设备改造",
	} {
		if got, _ := testIndex.otherKindOf(q, text); got != want {
			t.Errorf("otherKindOf(%q): %q, want %q", q, got, want)
		}
	}
}

// TestOtherListedByName: a short form (医保) the lexicon spells out as a
// sibling the measure's list leaves out (养老、失业、工伤保险费) is told
// as such, like its full name; one the list names is not.
func TestOtherListedByName(t *testing.T) {
	cases := []struct {
		q       string
		unnamed string // first of Unnamed; "" for none
	}{
		{"医保也能一起缓吗", "医保"},
		{"医疗保险也能缓缴吗", "医疗保险"},
		{"失业保险也能缓缴吗", ""},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			_, j := judgeAsked(t, c.q, 2)
			if c.unnamed == "" {
				if len(j.Named) > 0 || len(j.Unnamed) > 0 {
					t.Errorf("named %q unnamed %q, want none", j.Named, j.Unnamed)
				}
				return
			}
			if len(j.Unnamed) == 0 || j.Unnamed[0] != c.unnamed {
				t.Errorf("unnamed %q, want %q first", j.Unnamed, c.unnamed)
			}
			if !slices.Contains(j.Named, "养老保险") || !slices.Contains(j.Named, "工伤保险") {
				t.Errorf("named %q, want the list's 养老保险 and 工伤保险", j.Named)
			}
		})
	}
}

// TestKindLinesSplitOnce checks that the kind sections, split once when
// the cues are built, hold what splitting each line gives, and that an
// append to a line's words does not write into the shared lines.
func TestKindLinesSplitOnce(t *testing.T) {
	for _, sec := range kindSections {
		var want []kind
		for _, line := range testIndex.cues.list(sec) {
			if left, right, ok := strings.Cut(line, "|"); ok {
				want = append(want, kind{seeds.SplitWords(left), seeds.SplitWords(right)})
			}
		}
		got := testIndex.kindLines(sec)
		if len(want) == 0 || !slices.EqualFunc(got, want, func(a, b kind) bool {
			return slices.Equal(a.guide, b.guide) && slices.Equal(a.asker, b.asker)
		}) {
			t.Fatalf("%s: %d lines, want %d (and some)", sec, len(got), len(want))
		}
		for _, k := range got {
			if cap(k.guide) != len(k.guide) || cap(k.asker) != len(k.asker) {
				t.Fatalf("%s: %v has room past its words: an append would write into the shared line", sec, k)
			}
		}
	}
}

// TestNeedAndTimeHead: an ask whether a licence must be had at all is
// Need, with the asker's kind left unnamed; a span of time (停业期间) is
// no kind beside the text's own (缓缴期间).
func TestNeedAndTimeHead(t *testing.T) {
	cases := []struct {
		q       string
		measure int
		need    bool
		unnamed string // first of Unnamed, "" for any
		named   bool   // Named non-empty
	}{
		{q: "我们开KTV的要不要办娱乐场所经营许可证", measure: 16, need: true, unnamed: "娱乐场所经营许可证", named: true},
		{q: "我们这种小作坊需不需要办什么许可证", measure: 16, need: true, named: true},
		{q: "食品经营许可证到期了能顺延吗", measure: 16},
		{q: "我们饭馆有10个员工，停业期间社保能不能先不交", measure: 2},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			_, j := judgeAsked(t, c.q, c.measure)
			if j.Need != c.need {
				t.Errorf("need %v, want %v", j.Need, c.need)
			}
			if c.unnamed != "" && (len(j.Unnamed) == 0 || j.Unnamed[0] != c.unnamed) {
				t.Errorf("unnamed %q, want %q first", j.Unnamed, c.unnamed)
			}
			if (len(j.Named) > 0) != c.named {
				t.Errorf("named %q, want some: %v", j.Named, c.named)
			}
			if slices.ContainsFunc(j.Unnamed, func(u string) bool { return strings.HasSuffix(u, "期间") }) {
				t.Errorf("unnamed %q holds a span of time", j.Unnamed)
			}
		})
	}
}
