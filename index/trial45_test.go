package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"policybot/seeds"
)

// TestTrial45OneMessage: single messages of trials 44 and 45 read through
// general mechanisms: a lead-in said to a shopkeeper (老板娘问一下哈) opens
// the story; the asker's standing (外地户口) is a condition put to the
// measure, not a topic no measure knows; everyday words reach the guide's
// (政府担保, 贷款逾期, 暑假 中小学生 体验课); a trade's subject said by
// the guide's word for it (乡村旅游 of 农家院) asks about that measure;
// national subsidies said by their purchase or place (买农机, 托位) are
// named policies this guide does not hold.
func TestTrial45OneMessage(t *testing.T) {
	tests := []struct {
		q     string
		first []int // measures accepted first; nil: declined
	}{
		{"老板娘问一下哈，我开文具店的，学校停课那阵子基本没生意，房租是跟街道的一个国企租的门脸，听说能减房租？？", []int{4}},
		{"外地户口的员工能缓交社保吗", []int{2}},
		{"我们店有几个外地户口的员工 社保能缓交吗", []int{2}},
		// The guide names no 稳岗 subsidy: declined, whoever the staff are.
		{"我们店有几个外地户口的员工 能享受稳岗补贴吗", nil},
		// A guarantee the government stands behind is the financing
		// guarantee, not the credit-record measure 信用社 would pull in.
		{"鱼塘扩建想贷款二十万 信用社说要抵押 俺们山里房子不值钱 有没有政府担保的", []int{11}},
		{"有没有政府担保的贷款", []int{11}},
		// A loan repaid late and taken off the credit record.
		{"疫情那段时间我们有一笔贷款逾期了一个月，银行说上了征信，这个能撤销吗", []int{17}},
		{"疫情期间贷款逾期了 征信能修复吗", []int{17}},
		// Schoolchildren's summer activities: the 暑期青少年 projects.
		{"暑假想给中小学生办点戏剧体验课 跟旅行社合作那种 这个上面支持不", []int{68}},
		{"暑假想办个小学生夏令营 有支持吗", []int{68}},
		// A trade's subject said again by the guide's word for it.
		{"农家院这块呢 乡村旅游有啥支持 想多招点游客", []int{69}},
		// National subsidies the guide does not hold.
		{"我想再买台焊机和检测设备 听说买农机有国家补贴 这个在哪申请", nil},
		{"听说普惠托育每个托位有补贴 一个位置补多少", nil},
		{"今年2026年还有啥新补贴", nil},
	}
	for _, tt := range tests {
		rd, err := testIndex.Read(tt.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		ok := true
		for _, a := range rd.Asks {
			got = append(got, fmt.Sprintf("%s %v", a.Kind, numbers(a.Measures)))
			answered := a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest && a.Kind != ""
			if tt.first == nil && a.Kind != seeds.KindNone && a.Kind != "" {
				ok = false
			}
			if tt.first != nil && answered && len(a.Measures) > 0 && !slices.Contains(tt.first, a.Measures[0].Number) {
				ok = false
			}
		}
		if tt.first != nil && !slices.ContainsFunc(rd.Asks, func(a Ask) bool {
			return a.Kind != seeds.KindNone && a.Kind != seeds.KindSuggest && len(a.Measures) > 0 && slices.Contains(tt.first, a.Measures[0].Number)
		}) {
			ok = false
		}
		if !ok {
			t.Errorf("%q: %v, want first one of %v (nil: declined)", tt.q, got, tt.first)
		}
	}
}

func numbers(hs []Hit) []int {
	var ns []int
	for _, h := range hs {
		ns = append(ns, h.Number)
	}
	return ns
}

// TestGuideTradeWordNoOverview: an ask naming the guide's word for a trade
// (乡村旅游) that its measure writes is that measure's topic, not a broad ask
// to list the asker's kind of measures for; the trade's own broad ask
// still is.
func TestGuideTradeWordNoOverview(t *testing.T) {
	tests := []struct {
		q        string
		overview bool
	}{
		{"农家院这块呢 乡村旅游有啥支持 想多招点游客", false},
		{"我开农家院的 乡村旅游有啥支持", false},
		{"我开农家院的 有啥支持", true},
		{"饭店呢 餐饮企业有啥补贴", true},
	}
	for _, tt := range tests {
		rd, err := testIndex.Read(tt.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if got := rd.Overview != nil; got != tt.overview {
			t.Errorf("%q: overview %v, want %v", tt.q, got, tt.overview)
		}
	}
}

// TestActsClauseDependent: a clause naming acts (…延期还贷等失信行为) is
// quoted with the next one, which says what is done with them: the grant is
// "不纳入…征信记录", not the acts.
func TestActsClauseDependent(t *testing.T) {
	q := "疫情那段时间我们有一笔贷款逾期了一个月，银行说上了征信，这个能撤销吗"
	rd, err := testIndex.Read(q, Context{})
	if err != nil || len(rd.Asks) == 0 {
		t.Fatalf("%q: %v %v", q, rd.Asks, err)
	}
	j := testIndex.Judge(testIndex.guide.Measure(17), &rd.Asks[0], nil, "")
	if !strings.Contains(j.Rule, "不纳入") {
		t.Errorf("%q: rule %q, want the clause with 不纳入", q, j.Rule)
	}
}
