package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestTrial52Lexicon: what new owners said in trial 40 that the lexicon
// did not read, in other words: picking fruit oneself is rural tourism,
// lending idle workers to another works is shared staff, supplying a
// school's uniforms is goods procurement, and export credit insurance is
// a policy this guide does not name.
func TestTrial52Lexicon(t *testing.T) {
	tests := []struct {
		q     string
		first []int // measures accepted first; nil: declined
	}{
		{"秋天想让城里的游客多来园子里摘苹果，有什么办法", []int{69}},
		{"想吸引城里人周末来摘梨，有啥支持", []int{69}},
		{"订单少了工人闲着，能不能借给其他厂干一阵", []int{77}},
		{"我们是给学校做校服的小厂，政府采购对我们有照顾吗", []int{25}},
		{"出口信保的保费政府给不给补", nil},
	}
	for _, tt := range tests {
		r, err := testIndex.Search(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if tt.first == nil {
			if r.Kind != seeds.KindNone {
				t.Errorf("%q: decision %s %v, want none", tt.q, r.Kind, r.Measures)
			}
			continue
		}
		if len(r.Measures) == 0 || !slices.Contains(tt.first, r.Measures[0].Number) || r.Kind == seeds.KindNone {
			t.Errorf("%q: %s %v, want first one of %v", tt.q, r.Kind, r.Measures, tt.first)
		}
	}
	// A campsite that also grills for its guests is a tourism business,
	// not a restaurant.
	o := testIndex.overview(Normalize("我们在山里开了个露营地，也卖烧烤，生意不好，有啥扶持"))
	if o == nil || !slices.Contains(o.Kinds, "旅游") {
		t.Errorf("露营地: overview %+v, want the kind 旅游", o)
	}
}

// TestTitledPersonNear: a surname and a title two of the guide's people
// share ("贾老师") is the one whose lines the conversation just showed; with
// nothing shown it names nobody.
func TestTitledPersonNear(t *testing.T) {
	tests := []struct {
		topic  int
		q      string
		person string // "" for none
	}{
		{65, "贾老师的电话多少", "贾淑瑜"},
		{80, "贾科长是哪个科室的", "贾昆鹏"},
		{0, "贾老师的电话多少", ""},
	}
	for _, tt := range tests {
		rd, err := testIndex.Read(tt.q, Context{Topic: tt.topic})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(rd.Asks) == 1 && rd.Asks[0].Unit != nil {
			for _, c := range rd.Asks[0].Unit.Contacts {
				got += c.People[0]
			}
		}
		if got != tt.person {
			t.Errorf("topic %d %q: %q, want %q", tt.topic, tt.q, got, tt.person)
		}
	}
}

// TestUnnamedTrial52: words that are no part of the asker's case get no
// "第N条没有提到…" hedge: a provider the measure names among the units
// carrying it out (联通 of 区联通公司, 供电局 for 区供电公司), a share
// (部分), a policy word (扶持).
func TestUnnamedTrial52(t *testing.T) {
	checkNoHedge(t, []hedgeCase{
		{"我们店里宽带是联通的，能降资费吗", 8, "联通"},
		{"电费交不上了 供电局会给我们停电吗", 7, "供电局"},
		{"我们饭店装修部分的投资能给支持吗", 65, "部分"},
		{"做乡村旅游的有扶持吗", 69, "扶持"},
	})
}

// hedgeCase is a question, the measure it is judged against, and a word
// the "第N条没有提到…" hedge must not name.
type hedgeCase struct {
	q       string
	measure int
	word    string
}

// checkNoHedge reports every case whose judgement leaves its word unnamed.
func checkNoHedge(t *testing.T, cases []hedgeCase) {
	t.Helper()
	for _, c := range cases {
		_, j := judgeAsked(t, c.q, c.measure)
		if slices.Contains(j.Unnamed, c.word) {
			t.Errorf("%q to 第%d条: unnamed %q", c.q, c.measure, j.Unnamed)
		}
	}
}

// TestBusyLine: a line found busy (占线), said without 一直 or 老, is a
// phone the asker could not reach.
func TestBusyLine(t *testing.T) {
	for _, q := range []string{"打过去占线 还能问谁", "郭洁那边占线 还有别人吗"} {
		rd, err := testIndex.Read(q, Context{Topic: 8})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || !rd.Asks[0].Unreachable {
			t.Errorf("%q: not read as unreachable: %+v", q, rd.Asks)
		}
	}
}
