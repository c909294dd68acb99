package index

import "testing"

// TestTopicBeforeOverview: a broad ask that names a topic of its own
// besides the trade is answered with the measure for that topic, even
// when the decision only suggests it; a trade no measure is written for
// (the guide writes 物流 as a topic, not as a kind of business) is the
// topic of the measure the ask found. A trade the guide writes for keeps
// its list.
func TestTopicBeforeOverview(t *testing.T) {
	tests := []struct {
		q        string
		overview bool
	}{
		{"我家小卖部也卖粮油和蔬菜 保供这块有没有补贴", false},
		{"跑物流这一行 有没有什么扶持政策", false},
		{"开理发店的 有啥扶持", true},
		{"我开了个小超市 有没有补贴", true},
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

// TestOtherCase: a case told before conditions a later ask only while the
// ask is about the same thing; one naming the other side of the case's
// contrast (a passenger car after a lorry, directly or through a kind
// word such as SUV) is judged on its own.
func TestOtherCase(t *testing.T) {
	tests := []struct {
		q, told string
		want    bool
	}{
		{"那我家那台越野车呢 能减吗", "公司要添一辆半挂车 购置税减半吗", true},
		{"小轿车可以吗", "拉货的卡车能减购置税吗", true},
		{"那我这种就没办法了", "拉货的卡车能减购置税吗", false},
		{"小微企业有照顾吗", "房东是个人，不是国有的", false},
		{"那重卡呢", "拉货的卡车能减购置税吗", false},
		{"私家车呢", "", false},
	}
	for _, tt := range tests {
		if got := testIndex.OtherCase(tt.q, tt.told); got != tt.want {
			t.Errorf("OtherCase(%q, %q) = %v, want %v", tt.q, tt.told, got, tt.want)
		}
	}
}
