package index

import (
	"policybot/index/tags"
	"testing"
)

func TestProfileValue(t *testing.T) {
	for answer, want := range map[string]string{"我们是开饭馆的": "餐饮", "开了个小卖部": "零售", "做物流的": "物流运输", "跑运输": "物流运输"} {
		if got, ok := testIndex.ProfileValue(tags.DimIndustry, answer); !ok || got != want {
			t.Errorf("%s → %q %v, want %s", answer, got, ok, want)
		}
	}
	if got, ok := testIndex.ProfileValue(tags.DimType, "我们是个体户"); !ok || got != "个体工商户" {
		t.Errorf("个体户 → %q", got)
	}
	if _, ok := testIndex.ProfileValue(tags.DimNeed, "今天天气不错"); ok {
		t.Error("nonsense answer accepted")
	}
}
