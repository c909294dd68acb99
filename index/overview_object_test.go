package index

import "testing"

// TestOverviewNeedsNoObject: the list of what every business of a trade
// gets answers an ask made only of benefit words; an ask naming its own
// object that no measure names ("烘干机", "设备") is no broad ask, and is
// read as usual (declined or answered), never with the trade's list; nor
// is one naming an object the measure its search found holds.
func TestOverviewNeedsNoObject(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"开理发店的 有啥扶持", true},
		{"开洗衣店的 有没有烘干机补贴", false},
		{"开饭店的 想换个新冰柜 有没有设备补贴", false},
		// An object a measure holds (技改: 技术改造项目) is that measure's.
		{"我的车间里有台旧机器想换掉 有没有技改补贴", false},
		{"我是打工的不是老板 员工能享受啥", true},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if got := rd.Overview != nil; got != c.want {
			t.Errorf("%s: overview %v, want %v", c.q, got, c.want)
		}
	}
}

// TestOverviewTradeAsObject: a trade named in the ask's own clause as what
// the ask is about ("冷库扩建有没有政府支持"), whose rare guide word the
// measure the search found writes, is that measure's topic, not a reason
// to list what every small business gets; the trade told only in the
// story keeps the list.
func TestOverviewTradeAsObject(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"我们是一家做冷链仓储的小公司，十来个人。想问问冷库扩建有没有政府支持，资金缺口挺大的", false},
		{"我们是做冷链的，有没有补贴", true},
		{"开个便利店 有哪些扶持政策", true},
		{"我在菜市场摆了个水果摊 个体户 有啥扶持没", true},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if got := rd.Overview != nil; got != c.want {
			t.Errorf("%s: overview %v, want %v", c.q, got, c.want)
		}
	}
}
