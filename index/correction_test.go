package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

func TestCorrection(t *testing.T) {
	for _, c := range []struct {
		text, rest, rejected string
	}{
		{"不是公积金 我说房租 房东是私人的", "房租 房东是私人的", "公积金"},
		{"不是这个，我是问水电费能不能缓", "水电费能不能缓", "这个"},
		{"我问的不是宽带，是首次贷款贴息", "首次贷款贴息", "宽带"},
		{"不是宽带的 是专线", "专线", "宽带"},
		{"是商业银行的房贷 不是公积金", "商业银行的房贷", "公积金"},
		{"是的 不是很清楚", "", ""},
		// Not corrections: a negated case, a negation inside the question.
		{"不是北京户口的学生也行吗", "", ""},
		{"房东是个人的 不是国家的", "", ""},
		{"不是国企 能减房租吗", "", ""},
		{"我不是问62条 我是问别的政策", "别的政策", "62条"},
		{"不是", "", ""},
		// What was meant first, the matter set aside last.
		{"我们主要是想扩建冷库，建冷链设施，不是贷款的事", "我们主要是想扩建冷库，建冷链设施", "贷款"},
		{"想问问门面房租的事，不是水电费的问题啊", "想问问门面房租的事", "水电费"},
		// A kind told, not a matter: no correction.
		{"我们是开饭店的，不是连锁的", "", ""},
		{"我就是问问，不是那个事", "", ""},
	} {
		rest, rejected, ok := testIndex.correction(c.text)
		if ok != (c.rest != "") || rest != c.rest || rejected != c.rejected {
			t.Errorf("correction(%q) = %q, %q, %v; want %q, %q", c.text, rest, rejected, ok, c.rest, c.rejected)
		}
	}
}

func TestRejecting(t *testing.T) {
	for _, c := range []struct {
		rejected     string
		ctx          Context
		wantTopic    int
		wantChoices  []int
		wantRejected []int
		ok           bool
	}{
		{"公积金", Context{Topic: 3}, 0, nil, []int{3}, true},
		{"公积金", Context{Topic: 4}, 4, nil, nil, true}, // the topic never says it
		{"这个", Context{Topic: 2}, 0, nil, []int{2}, true},
		{"公积金", Context{Choices: []int{2, 3, 4}}, 0, []int{2, 4}, []int{3}, true},
		{"国企", Context{Topic: 4}, 4, nil, nil, false}, // the owner's kind: a case, not a correction
		// A measure number names that measure alone, topic or not.
		{"62条", Context{Topic: 62}, 0, nil, []int{62}, true},
		{"第62条", Context{Choices: []int{4, 5, 62}}, 0, []int{4, 5}, []int{62}, true},
		{"62条", Context{Choices: []int{4, 5, 6}}, 0, []int{4, 5, 6}, []int{62}, true},
	} {
		got, ok := testIndex.rejecting(c.ctx, c.rejected)
		if ok != c.ok {
			t.Errorf("rejecting(%q) ok = %v, want %v", c.rejected, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		if got.Topic != c.wantTopic || !slices.Equal(got.Choices, c.wantChoices) || !slices.Equal(got.rejected, c.wantRejected) {
			t.Errorf("rejecting(%q, %+v) = topic %d choices %v rejected %v; want %d %v %v",
				c.rejected, c.ctx, got.Topic, got.Choices, got.rejected, c.wantTopic, c.wantChoices, c.wantRejected)
		}
	}
}

func TestDropRejected(t *testing.T) {
	hits := func(ns ...int) []Hit {
		var hs []Hit
		for _, n := range ns {
			hs = append(hs, Hit{Number: n})
		}
		return hs
	}
	for _, c := range []struct {
		r        Result
		rejected []int
		kind     seeds.Kind
		left     int
	}{
		{Result{Kind: seeds.KindMeasure, Measures: hits(3, 4)}, []int{3}, seeds.KindSuggest, 1},
		{Result{Kind: seeds.KindMeasure, Measures: hits(4, 3)}, []int{3}, seeds.KindMeasure, 1},
		{Result{Kind: seeds.KindChoice, Measures: hits(4, 5, 3)}, []int{3}, seeds.KindChoice, 2},
		{Result{Kind: seeds.KindChoice, Measures: hits(4, 3)}, []int{3}, seeds.KindSuggest, 1},
		{Result{Kind: seeds.KindSuggest, Measures: hits(3)}, []int{3}, seeds.KindNone, 0},
	} {
		r := c.r
		dropRejected(&r, c.rejected)
		if r.Kind != c.kind || len(r.Measures) != c.left || slices.ContainsFunc(r.Measures, func(h Hit) bool { return slices.Contains(c.rejected, h.Number) }) {
			t.Errorf("dropRejected(%v, %v) = %s %v; want %s with %d left", c.r.Measures, c.rejected, r.Kind, r.Measures, c.kind, c.left)
		}
	}
}

func TestWithoutCourtesy(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"你好 我开理发店的 房东是个人 房租能减吗", "我开理发店的 房东是个人 房租能减吗"},
		{"您好，社保能缓交吗", "社保能缓交吗"},
		{"社保能缓交吗 谢谢", "社保能缓交吗"},
		{"好的 那公积金呢", "那公积金呢"},
		{"行政处罚能免吗", "行政处罚能免吗"},       // 行 inside a word is no thanks
		{"你是谁 社保能缓交吗", "你是谁 社保能缓交吗"}, // identity is not courtesy
		{"你好", "你好"},
		{"谢谢师傅 记下了 那这个找谁办", "那这个找谁办"}, // every opening courtesy clause
		{"好的老乡 记住了", "记住了"},           // the last clause stays
	} {
		if got := testIndex.withoutCourtesy(c.text); got != c.want {
			t.Errorf("withoutCourtesy(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCurrent: a message taking something back is read without its clauses
// saying what held before (trial 23 kinder t4); others are kept whole.
func TestCurrent(t *testing.T) {
	cases := []struct{ text, want string }{
		{"哦我说错了，现在这个园址是租的镇政府的房子，村委会那是以前的", "哦我说错了，现在这个园址是租的镇政府的房子"},
		{"说错了 店是租的国企的，原来是私人的房子", "说错了 店是租的国企的"},
		// No taking back: the past is part of the story.
		{"以前的店是租的村委会的，现在搬到镇上了", "以前的店是租的村委会的，现在搬到镇上了"},
		// Taken back, nothing of the past named: as it is.
		{"说错了，房东是国企", "说错了，房东是国企"},
	}
	for _, c := range cases {
		if got := testIndex.Current(c.text); got != c.want {
			t.Errorf("Current(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
