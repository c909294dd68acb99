package dialog

import (
	"context"
	"policybot/index"
	"strings"
	"testing"
)

func TestVerdict(t *testing.T) {
	cases := []struct {
		question string
		measure  int
		prefix   string // "" for no verdict
		has      string
		not      string
	}{
		// The period ended in 2022: never a bare 可以; and the text lists
		// whom it is for, under conditions (生产经营困难): the yes says so.
		{"社保能缓交吗", 2, "指南所述期限内、属于原文所列对象且符合其条件时可以", "2022年12月31日结束", "社会组织"},
		// An owner describing their case gets the clause that names it, no verdict.
		{"我是个体户，能缓交社保吗", 2, "", "个体工商户", ""},
		// Trial 23 (car T4, landlord t9): the text names only 以单位方式参保的
		// 个体工商户, so paying by oneself as 灵活就业 is decided, not hedged.
		{"我是个体户，自己按灵活就业交的社保，能缓交吗", 2, "", "“灵活就业”的情况不在本条范围内", "没有提到“灵活就业”"},
		// The guide only encourages insurers.
		{"有没有企业疫情险", 12, "", "鼓励", ""},
		{"我们是大型企业，车辆购置税能减半吗", 57, "", "没有提到“大型企业”", ""},
		{"买2.4升的车购置税能减半吗", 57, "", "“2.4升”的情况不在本条范围内", ""},
		{"研学项目能给补贴吗", 68, "", "没有提到“补贴”", ""},
		{"大企业租国有房屋能减免房租吗", 4, "", "“大企业”的情况不在本条范围内", ""},
		{"首贷贴息怎么申请", 9, "", "", ""},
		// Trials 46 and 47: the other party or the plan of the story that
		// the measure does not name is said, whatever the question's form.
		{"我们这做汽修的 好多货车司机欠我修车钱 货车司机有啥政策吗", 22, "", "第22条没有提到“货车司机”这样的欠款方", ""},
		{"政府欠我们工程款能要回来吗", 22, "", "", "欠款方"},
		{"前阵子给人修洗衣机 人家说修坏了要我赔 不给钱还要去消协投诉 我该咋办", 22, "", "“要我赔”的情况不在本条范围内", ""},
		{"便利店现在想接入美团外卖、做线上，有没有数字化方面的补贴", 42, "", "第42条没有提到“美团外卖”", ""},
	}
	st := State{Mode: Idle}
	tu := newEngine(newMemStore()).newTurn(context.Background(), testIndex, 1, &st, today)
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			rd, err := testIndex.Read(c.question, index.Context{})
			if err != nil || len(rd.Asks) != 1 {
				t.Fatalf("read: %+v, %v", rd, err)
			}
			got := tu.verdict(tu.g.Measure(c.measure), &rd.Asks[0])
			if c.prefix == "" && (strings.HasPrefix(got, "可以") || strings.HasPrefix(got, "有。") || strings.HasPrefix(got, "不会")) {
				t.Errorf("verdict %q, want none", got)
			}
			if c.not != "" && strings.Contains(got, c.not) {
				t.Errorf("verdict %q names %q, a kind the asker did not name", got, c.not)
			}
			if !strings.HasPrefix(got, c.prefix) || !strings.Contains(got, c.has) {
				t.Errorf("verdict %q, want prefix %q containing %q", got, c.prefix, c.has)
			}
		})
	}
}

func TestAspectVerdicts(t *testing.T) {
	cases := []struct {
		first, follow string
		want, not     string
	}{
		// 第10条 only encourages banks: no 不会 / 可以 of its own.
		{"我是货车司机，贷款还不上能延期吗", "会影响征信吗", "鼓励", "不会。"},
		{"我是货车司机，贷款还不上能延期吗", "可以线上申请吗", "支持网上办理", "可以。"},
		// 第3条's period (缓缴期限为2022年4月至12月) binds its own sentence, not
		// the one on loans; that one held in the epidemic: never a bare 不会。
		{"公积金贷款还不上会影响征信吗", "会影响征信吗", "疫情期间不会", "期限内不会"},
		{"公积金能缓缴吗", "还能缓吗", "期限已于2022年12月31日结束", ""},
		{"社保能缓交吗", "能网上办吗", "第2条没有提到网上办理", "可以。"},
		{"国有房屋房租减免", "个体户也行吗", "个体工商户", ""},
		// Not being a chain, which one follow-up sentence names, rules
		// nothing out nor is in doubt: the months the lead sentence grants.
		{"我开了个社区便利店，房租能减吗", "我就一家店 不是连锁 也能减吧？减几个月", "减免3个月", "归属存疑的原文中提到"},
	}
	for i, c := range cases {
		e := newEngine(newMemStore())
		say(t, e, int64(i), c.first)
		got := allText(say(t, e, int64(i), c.follow))
		if !strings.Contains(got, c.want) || (c.not != "" && strings.Contains(got, c.not)) {
			t.Errorf("%s → %s:\n%s", c.first, c.follow, got)
		}
	}
}

// TestPartyHedgeKeepsContact: the hedge on a debtor the arrears measure
// does not name comes with the measure and its lead unit's phone, as the
// guide lists it (trial 46's 汽修厂).
func TestPartyHedgeKeepsContact(t *testing.T) {
	e := newEngine(newMemStore())
	got := allText(say(t, e, 1, "我们这做汽修的 好多货车司机欠我修车钱 货车司机有啥政策吗"))
	for _, want := range []string{"第22条没有提到“货车司机”这样的欠款方", "【第22条】", "010-69045744"} {
		if !strings.Contains(got, want) {
			t.Errorf("reply lacks %q:\n%s", want, got)
		}
	}
}
