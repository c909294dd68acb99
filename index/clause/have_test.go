package clause

import "testing"

// TestHaveFewTold: what the owner says they have, counted with 几 ("我们有几
// 个外地员工"), is told, not asked; how many months they have still asks.
func TestHaveFewTold(t *testing.T) {
	checkSplits(t, []splitCase{
		{"我们有几个外地员工，能提取公积金吗", "S:我们有几个外地员工 | A:能提取公积金吗"},
		{"我们店有几个外地户口的员工 能享受稳岗补贴吗", "S:我们店有几个外地户口的员工 | A:能享受稳岗补贴吗"},
		{"我们厂里有几名临时工，社保能缓交吗", "S:我们厂里有几名临时工 | A:社保能缓交吗"},
		{"我们有几个月的缓缴期", "A:我们有几个月的缓缴期"},
		{"你们有几个窗口", "A:你们有几个窗口"},
	})
}
