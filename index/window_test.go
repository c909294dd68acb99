package index

import (
	"slices"
	"testing"
)

// TestOutOfWindow: a date the asker states against the window of dates a
// text sets for the thing done; a year said of something else, a vague
// one, or one inside the window rules nothing out.
func TestOutOfWindow(t *testing.T) {
	car := "对购置日期在2022年6月1日至12月31日期间内且单车价格不超过30万元的乘用车，减半征收车辆购置税。"
	rent := "2022年对承租京内各类国有房屋的服务业小微企业减免3个月房屋租金。"
	fund := "受疫情影响的企业可按规定申请缓缴住房公积金，缓缴期限为2022年4月至12月。"
	for _, c := range []struct {
		text, q string
		want    []string
	}{
		{car, "去年 是 2025年 买的 小轿车 能 减半 吗", []string{"2025年"}},
		{car, "车是2024年买的 也能减半吗", []string{"2024年"}},
		{car, "2022年3月买的车能减半吗", []string{"2022年3月"}},
		{car, "2022年8月买的车能减半吗", nil},
		{car, "2022年买的车能减半吗", nil},
		{car, "2022年以前买的车能减半吗", nil},
		{car, "能减半吗", nil},
		{rent, "2023年租的国有房子 房租能减免吗", []string{"2023年"}},
		{rent, "我们2019年成立的公司，房租能减免吗", nil},
		{rent, "2022年租的国有房子 能减免吗", nil},
		{fund, "2023年的公积金能缓缴吗", []string{"2023年"}},
		{fund, "我们2023年成立的，公积金能缓缴吗", nil},
		{fund, "2023年缓缴公积金可以吗", []string{"2023年"}},
		{fund, "2022年5月缓缴公积金可以吗", nil},
	} {
		var got []string
		for _, x := range testIndex.outOfWindow(c.q, c.text) {
			got = append(got, x.Asked)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.q, got, c.want)
		}
	}
}

// TestDateWindows: the spans a text's dates set, open at an end where the
// text sets only the other.
func TestDateWindows(t *testing.T) {
	for _, c := range []struct {
		text         string
		from, to     month
		open, closed bool
	}{
		{"购置日期在2022年6月1日至12月31日期间内", monthOf(2022, 6), monthOf(2022, 12), false, false},
		{"缓缴期限为2022年4月至12月", monthOf(2022, 4), monthOf(2022, 12), false, false},
		{"缓缴期限至2022年底", monthOf(2022, 1), monthOf(2022, 12), true, false},
		{"2022年对承租", monthOf(2022, 1), monthOf(2022, 12), false, false},
		{"2021年1月至2023年6月", monthOf(2021, 1), monthOf(2023, 6), false, false},
		{"2022年起", monthOf(2022, 1), monthOf(2022, 12), false, true},
	} {
		ws := dateWindows(c.text)
		if len(ws) != 1 {
			t.Errorf("%s: %d windows", c.text, len(ws))
			continue
		}
		w := ws[0]
		if w.from != c.from || w.to != c.to || w.open != c.open || w.closed != c.closed {
			t.Errorf("%s: %+v", c.text, w)
		}
	}
}

// TestCapOf: an amount asked that the rule only caps is no grant.
func TestCapOf(t *testing.T) {
	rule := "对符合条件的项目给予不超过总投资30%的分档支持。"
	for _, c := range []struct{ rule, asked, want string }{
		{rule, "做数字化改造能拿到30%吗", "不超过总投资30%"},
		{rule, "最高能拿30%吗", ""},
		{rule, "能拿到补贴吗", ""},
		{"最高给予审定实际投资额50%的资金支持。", "能给50%吗", "最高给予审定实际投资额50%"},
		{"减免3个月房屋租金。", "能减免3个月吗", ""},
	} {
		if got := testIndex.capOf(c.rule, c.asked); got != c.want {
			t.Errorf("%s: %q, want %q", c.asked, got, c.want)
		}
	}
}
