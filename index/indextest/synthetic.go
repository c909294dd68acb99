package indextest

import (
	"fmt"

	"policybot/seeds"
)

// syntheticDistricts name the generated guides' issuers: a city-wide bot
// serves a city's districts (Beijing's sixteen), and a benchmark of twenty
// needs four more (Tianjin's).
var syntheticDistricts = []string{
	"北京市东城区", "北京市西城区", "北京市朝阳区", "北京市海淀区", "北京市丰台区", "北京市石景山区", "北京市房山区", "北京市通州区",
	"北京市顺义区", "北京市昌平区", "北京市大兴区", "北京市门头沟区", "北京市怀柔区", "北京市平谷区", "北京市密云区", "北京市延庆区",
	"天津市和平区", "天津市河西区", "天津市南开区", "天津市河东区",
}

// SyntheticGuides generates n guides (at most 20) of the given number of
// measures each, copies of the embedded guide's measures that have a text,
// each issued by another district: for benchmarks of a bot serving many
// guides ("generated copies are fine").
func SyntheticGuides(n, measures int) ([]*seeds.Guide, error) {
	if n > len(syntheticDistricts) {
		return nil, fmt.Errorf("at most %d synthetic guides", len(syntheticDistricts))
	}
	emb, err := seeds.Embedded()
	if err != nil {
		return nil, err
	}
	var base []seeds.Measure
	for _, m := range emb.Measures {
		if m.HasText() && m.HasContact() && len(base) < measures {
			base = append(base, m)
		}
	}
	var out []*seeds.Guide
	for i := 0; i < n; i++ {
		g := *emb
		d := syntheticDistricts[i]
		g.Issuer = d + "人民政府"
		g.Title = d + "人民政府关于印发《" + d[len("北京市"):] + "助企纾困若干措施》的通知"
		g.Published = fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i)
		g.Hash = fmt.Sprintf("synthetic-%02d-%s", i, emb.Hash)
		g.Measures = make([]seeds.Measure, len(base))
		for j, m := range base {
			m.Number = j + 1
			g.Measures[j] = m
		}
		out = append(out, &g)
	}
	return out, nil
}
