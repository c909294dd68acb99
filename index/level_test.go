package index

import (
	"slices"
	"testing"
)

func TestHigherLevel(t *testing.T) {
	for _, c := range []struct {
		ask  string
		want string // "nation", "city" or ""
	}{
		{"北京市统一发放的消费券怎么抢", "city"},
		{"北京统一组织的技能培训怎么报名", "city"},
		{"市级的首贷贴息政策是什么", "city"},
		{"国家对新能源汽车有什么补贴", "nation"},
		{"全国统一的社保缓缴政策到什么时候", "nation"},
		{"北京的小微企业房租能减吗", ""},       // the city named, not its programme
		{"北京市出台的房租减免政策", ""},       // what the city issued, the district carries out
		{"给员工办北京市工作居住证要什么条件", ""},  // a city's document, not a programme
		{"评上了国家的专精特新，区里还有奖励吗", ""}, // the district's own level named too
		{"国家的政策在密云能享受吗", ""},       // the guide's own district named
		{"国家高新技术企业有奖励吗", ""},       // a designation, not the nation's programme
		{"超市里的员工社保能缓交吗", ""},
	} {
		level := testIndex.higherLevel(c.ask)
		got := ""
		switch {
		case level == nil:
		case slices.Contains(level, "国家"):
			got = "nation"
		case slices.Contains(level, "北京市"):
			got = "city"
		default:
			got = "?"
		}
		if got != c.want {
			t.Errorf("higherLevel(%q) = %v (%s), want %s", c.ask, level, got, c.want)
		}
	}
}

func TestOtherLevel(t *testing.T) {
	city := testIndex.higherLevel("北京市统一出台的政策")
	nation := testIndex.higherLevel("国家的政策")
	for _, c := range []struct {
		level   []string
		measure int
		want    bool
	}{
		{city, 73, false},  // 按北京市统一要求…: the measure names the city
		{city, 4, true},    // the district's rent relief names no city programme
		{nation, 1, false}, // 严格落实国家增值税留抵退税政策
		{nation, 4, true},
		{nil, 4, false},
		{city, 0, true}, // no measure at all
	} {
		if got := testIndex.otherLevel(c.level, c.measure); got != c.want {
			t.Errorf("otherLevel(%v, %d) = %v, want %v", c.level, c.measure, got, c.want)
		}
	}
}
