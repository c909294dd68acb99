package indextest

import (
	_ "embed"
	"fmt"
	"strings"

	"policybot/seeds"
)

// districtsFile names the generated guides' issuers, one per line: test
// data, not code, as no place name belongs in code.
//
//go:embed testdata/districts.txt
var districtsFile string

// syntheticDistricts are the lines of districtsFile.
func syntheticDistricts() []string {
	var out []string
	for _, l := range strings.Split(districtsFile, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// SyntheticGuides generates n guides (at most 20) of the given number of
// measures each, copies of the embedded guide's measures that have a text,
// each issued by another district: for benchmarks of a bot serving many
// guides ("generated copies are fine").
func SyntheticGuides(n, measures int) ([]*seeds.Guide, error) {
	districts := syntheticDistricts()
	if n > len(districts) {
		return nil, fmt.Errorf("at most %d synthetic guides", len(districts))
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
		d := districts[i]
		g.Issuer = d + "人民政府"
		_, local, _ := strings.Cut(d, "市")
		g.Title = d + "人民政府关于印发《" + local + "助企纾困若干措施》的通知"
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
