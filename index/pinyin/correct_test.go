package pinyin

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// dictOf is a stand-in for jieba's general dictionary.
func dictOf(words map[string]float64) func(string) (float64, bool) {
	return func(w string) (float64, bool) {
		idf, ok := words[w]
		return idf, ok
	}
}

// testDict holds the general words the table's texts need.
var testDict = dictOf(map[string]float64{
	"会计": 8.1, "会计师": 8.1, "事务所": 7, "地区": 4.5, "我家": 7.3, "全能": 9.5,
	"公积": 10.4, "社保卡": 9, "能否": 5, "怎么": 4.4, "申请": 5, "还有": 4, "多少": 3,
	"太保": 9, "新业": 11,
})

func TestCorrect(t *testing.T) {
	vocab := []Word{
		{"社保", 10}, {"社保费", 5}, {"补贴", 10}, {"补贴款", 2}, {"增值税", 8},
		{"公积金", 6}, {"技师", 1}, {"接地", 1}, {"家电", 2}, {"留抵退税", 4},
		{"停工", 3}, {"停供", 3}, {"贷款", 9}, {"改善型", 1}, {"改善性住房需求", 1},
		{"社会救助", 2}, {"提公积金", 1}, {"稳岗返还", 2}, {"能力", 3},
		{"新业态", 2}, {"保险", 5}, {"能级", 1},
	}
	c, err := New(vocab, WithDictionary(testDict))
	if err != nil {
		t.Fatal(err)
	}
	exact, err := New(vocab, WithDictionary(testDict), WithFuzzy(0))
	if err != nil {
		t.Fatal(err)
	}
	// 我司 is a function word (the index's stop words); 失业金 is a lexicon
	// word a guide does not cover.
	withRare, err := New(append(slices.Clone(vocab), Word{"司机", 3}, Word{"返失业金", 1}),
		WithDictionary(testDict), WithFunctionWords("我司"), WithKnownWords("失业金"))
	if err != nil {
		t.Fatal(err)
	}
	type fix = Fix
	for _, tc := range []struct {
		name  string
		c     *Corrector
		text  string
		want  string
		fixes []Fix
	}{
		{"homophone", c, "社宝能缓交吗", "社保能缓交吗", []fix{{"社宝", "社保", 0}}},
		// A character taking a count is a verb (列 几条), no noun's typo.
		{"counted object after the changed character", c, "贷款能列几条吗", "贷款能列几条吗", nil},
		{"no count after it", c, "贷款能列吗", "贷款能力吗", []fix{{"能列", "能力", len("贷款")}}},
		{"polyphonic character typed", c, "曾值税怎么退", "增值税怎么退", []fix{{"曾值税", "增值税", 0}}},
		{"two fixes, offsets in bytes", c, "我问：社宝和带款", "我问：社保和贷款",
			[]fix{{"社宝", "社保", len("我问：")}, {"带款", "贷款", len("我问：社宝和")}}},
		{"sh/s confusion", c, "色保能缓吗", "社保能缓吗", []fix{{"色保", "社保", 0}}},
		{"sh/s confusion off", exact, "色保能缓吗", "色保能缓吗", nil},
		{"one character unrelated, at the end", c, "公积全怎么提", "公积金怎么提", []fix{{"公积全", "公积金", 0}}},
		{"unrelated character forms a word with its neighbour", c, "公积全能提吗", "公积全能提吗", nil},
		// A slip of the finger is not typed twice: 全 written elsewhere in
		// the message is meant there and here.
		{"unrelated character typed elsewhere too", c, "全家 公积全怎么提", "全家 公积全怎么提", nil},
		{"word plus a suffix is a word", c, "社保卡丢了", "社保卡丢了", nil},
		{"function character is not a typo", c, "补贴吗", "补贴吗", nil},
		{"function character inside a long homophone", c, "社会就助", "社会救助", []fix{{"社会就助", "社会救助", 0}}},
		{"function character before a vocabulary word", c, "交的公积金", "交的公积金", nil},
		// 太 before 保险 is no adverb, and 太保 is cut off by 保险.
		{"function character read alike before a vocabulary word", c, "新业太保险", "新业态保险", []fix{{"新业太", "新业态", 0}}},
		{"function character read alike before other words", c, "新业太贵", "新业太贵", nil},
		{"two characters before a vocabulary word", c, "能给补贴", "能给补贴", nil},
		{"edge of a known word", c, "会计师事务所", "会计师事务所", nil},
		{"cuts a known word in two", c, "各镇街地区", "各镇街地区", nil},
		{"a word after a long span sharing its last, unchanged character", c, "稳岗反还有多少", "稳岗返还有多少", []fix{{"稳岗反还", "稳岗返还", 0}}},
		{"known word outside the span holds the changed character", c, "我家店的房", "我家店的房", nil},
		{"two words fit equally", c, "停公了", "停公了", nil},
		{"several characters, all homophones", c, "流底退税", "留抵退税", []fix{{"流底退税", "留抵退税", 0}}},
		{"part of a vocabulary word", c, "改善性住房", "改善性住房", nil},
		{"vocabulary word untouched", c, "社保费", "社保费", nil},
		{"no Han text", c, "first loan subsidy?", "first loan subsidy?", nil},
		{"typo next to letters and emoji", c, "😀社宝ok", "😀社保ok", []fix{{"社宝", "社保", len("😀")}}},
		{"empty", c, "", "", nil},
		{"a function word cuts the span after one character", withRare, "我司系一家药店", "我司系一家药店", nil},
		{"two-character word read alike", withRare, "货车司鸡", "货车司机", []fix{{"司鸡", "司机", len("货车")}}},
		{"verb before a word meant as written", withRare, "能领失业金吗", "能领失业金吗", nil},
		{"word meant as written untouched", withRare, "失业金", "失业金", nil},
		{"unrelated edge character without a known word", withRare, "返失业全", "返失业金", []fix{{"返失业全", "返失业金", 0}}},
		{"invalid UTF-8 kept", c, "社宝\xff带款", "社保\xff贷款", []fix{{"社宝", "社保", 0}, {"带款", "贷款", len("社宝\xff")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, fixes := tc.c.Correct(tc.text)
			if got != tc.want || !slices.Equal(fixes, tc.fixes) {
				t.Errorf("Correct(%q) = %q, %v; want %q, %v", tc.text, got, fixes, tc.want, tc.fixes)
			}
		})
	}
}

func TestCorrectWeightBreaksTie(t *testing.T) {
	c, err := New([]Word{{"停工", 10}, {"停供", 1}}, WithDictionary(testDict))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Correct("停公了"); got != "停工了" {
		t.Errorf("Correct(停公了) = %q; want 停工了 (停工 is used ten times as often)", got)
	}
}

func TestNewRejectsBadWords(t *testing.T) {
	for _, w := range []Word{{"社保", -1}, {"社\xff保", 1}} {
		if _, err := New([]Word{w}); err == nil {
			t.Errorf("New(%q, %v): no error", w.Text, w.Weight)
		}
	}
	c, err := New([]Word{{"社", 1}, {"ABC", 1}, {"社保2", 1}, {strings.Repeat("保", 20), 1}, {"社保", 1}, {"社保", 3}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 1 {
		t.Errorf("Len() = %d; want 1 (only 社保 is a word of 2–12 Han characters)", c.Len())
	}
}

func TestWithFunctionWords(t *testing.T) {
	c, err := New([]Word{{"社保", 1}}, WithDictionary(testDict), WithFunctionWords("社宝"))
	if err != nil {
		t.Fatal(err)
	}
	if _, fixes := c.Correct("社宝"); fixes != nil {
		t.Errorf("a function word was corrected: %v", fixes)
	}
}

// TestFunctionPair: two characters each a function word on their own are
// two words as written, whatever vocabulary word they read like; one
// function character beside a content one is still read.
func TestFunctionPair(t *testing.T) {
	c, err := New([]Word{{"在线", 1}, {"社保", 1}}, WithDictionary(testDict), WithFunctionWords("在", "想"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"我已经在想怎么开口", "我已经在想怎么开口"},
		{"能在现申请吗", "能在线申请吗"},
		{"社宝能缓吗", "社保能缓吗"},
	} {
		if got, _ := c.Correct(tc.text); got != tc.want {
			t.Errorf("Correct(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

func TestBlur(t *testing.T) {
	for _, tc := range []struct {
		in   string
		f    Fuzz
		want string
	}{
		{"zhang", FuzzAll, "zan"}, {"chang", FuzzChC, "cang"}, {"shi", FuzzShS, "si"},
		{"nong", FuzzNL, "long"}, {"xiang", FuzzAnAng, "xian"}, {"feng", FuzzEnEng, "fen"},
		{"jing", FuzzInIng, "jin"}, {"ying", FuzzAll, "yin"}, {"ang", FuzzAnAng, "an"},
		{"zhang", 0, "zhang"}, {"ng", FuzzAll, "lg"},
	} {
		if got := blur(tc.in, tc.f); got != tc.want {
			t.Errorf("blur(%q, %b) = %q; want %q", tc.in, tc.f, got, tc.want)
		}
	}
}

func FuzzCorrect(f *testing.F) {
	c, err := New([]Word{{"社保", 3}, {"增值税", 2}, {"留抵退税", 1}, {"公积金", 1}}, WithDictionary(testDict))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"社宝能缓交吗", "曾值税", "流底退税\xff公积全", "", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, fixes := c.Correct(text)
		if len(fixes) == 0 {
			if got != text {
				t.Fatalf("no fix but text changed: %q → %q", text, got)
			}
			return
		}
		last := 0
		for _, fx := range fixes {
			if fx.Start < last || !strings.HasPrefix(text[fx.Start:], fx.From) || utf8.RuneCountInString(fx.From) != utf8.RuneCountInString(fx.To) {
				t.Fatalf("bad fix %+v in %q", fx, text)
			}
			last = fx.Start + len(fx.From)
		}
	})
}

// TestCorrectLookAlike: a character typed for another of the same look
// (廷 for 延) reads as the word meant, though no reading of the two is
// alike; a span that is a word as written stays (货款 is no 贷款), and a
// character with neither reading nor look alike is no fix (晚期).
func TestCorrectLookAlike(t *testing.T) {
	c, err := New([]Word{{"延期", 5}, {"贷款", 9}, {"缓缴", 4}},
		WithDictionary(dictOf(map[string]float64{"货款": 8, "还款": 7})))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"房贷能廷期还吗":  "房贷能延期还吗",
		"欠的货款能要回吗": "欠的货款能要回吗",
		"社保能晚期交吗":  "社保能晚期交吗",
	} {
		if got, _ := c.Correct(text); got != want {
			t.Errorf("Correct(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestCorrectLeavesCountsAndGrammar: a classifier after a numeral belongs to
// the count, and no content character is read as a grammatical one.
func TestCorrectLeavesCountsAndGrammar(t *testing.T) {
	c, err := New([]Word{{"家电", 3}, {"所有", 5}, {"补贴", 10}, {"门店", 4}}, WithDictionary(testDict))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"我们是连锁的 有3家店 按门店算吗", "我们是连锁的 有3家店 按门店算吗"},
		{"开了三家店", "开了三家店"},
		{"社区说有补贴", "社区说有补贴"},
		{"家店以旧换新有补贴吗", "家电以旧换新有补贴吗"}, // no count before it: still a typo
		{"补帖", "补贴"},
	} {
		if got, _ := c.Correct(tc.text); got != tc.want {
			t.Errorf("Correct(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestCorrectLeavesOpposites: a character typed for the one that reads
// alike and says the opposite (卖 for 买) is meant as written.
func TestCorrectLeavesOpposites(t *testing.T) {
	c, err := New([]Word{{"买车", 3}, {"受理", 3}, {"补贴", 10}}, WithDictionary(testDict))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"卖车有补贴吗", "卖车有补贴吗"},
		{"授理", "受理"},         // a misspelling, no opposite
		{"买车有补帖吗", "买车有补贴吗"}, // other typos still read
	} {
		if got, _ := c.Correct(tc.text); got != tc.want {
			t.Errorf("Correct(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestCorrectSwapped: a word typed with two neighbouring characters in the
// wrong order is read as the word, as a one-character typo is; a span that
// is a word as typed, or that a common word reaches into, is left.
func TestCorrectSwapped(t *testing.T) {
	dict := dictOf(map[string]float64{"交保": 13.9, "还款": 8.7, "贴补": 10.4, "缓交": 11})
	c, err := New([]Word{{"社保", 10}, {"贷款", 9}, {"补贴", 10}, {"公积金", 6}, {"租金", 5}, {"社区", 3}},
		WithDictionary(dict), WithFunctionWords("在"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, want string
		fixes      []Fix
	}{
		{"保社能缓交吗", "社保能缓交吗", []Fix{{"保社", "社保", 0}}},
		{"缓交保社到什么时候", "缓交社保到什么时候", []Fix{{"保社", "社保", len("缓交")}}}, // 交保 (bail) is rare
		{"公金积能取吗", "公积金能取吗", []Fix{{"公金积", "公积金", 0}}},
		{"金租能减吗", "租金能减吗", []Fix{{"金租", "租金", 0}}},
		{"还款贷款利息", "还款贷款利息", nil}, // 款贷 is the end of 还款 before 贷款
		{"贴补有吗", "贴补有吗", nil},     // a word as typed
		{"在社区开店", "在社区开店", nil},
	} {
		got, fixes := c.Correct(tc.text)
		if got != tc.want || !slices.Equal(fixes, tc.fixes) {
			t.Errorf("Correct(%q) = %q %v, want %q %v", tc.text, got, fixes, tc.want, tc.fixes)
		}
	}
}

func TestHomophones(t *testing.T) {
	for _, c := range []struct {
		a, b rune
		want bool
	}{
		{'晓', '小', true},
		{'晓', '晓', true},
		{'晓', '松', false},
		{'行', '形', true}, // xing, a heteronym's other reading (hang) aside
		{'a', '小', false},
	} {
		if got := Homophones(c.a, c.b); got != c.want {
			t.Errorf("Homophones(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
