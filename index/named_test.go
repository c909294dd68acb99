package index

import (
	"testing"

	"policybot/seeds"
)

// TestUnnamedPolicies: a named national policy is out of scope only for a
// guide that names none of its words. The embedded guide has no 稳岗返还
// and no 六税两费; huairou-2022 names 稳岗返还, so there it is a topic.
func TestUnnamedPolicies(t *testing.T) {
	if !testIndex.oosWords["稳岗返还"] || !testIndex.oosWords["六税两费"] {
		t.Error("embedded guide: 稳岗返还 and 六税两费 should be out-of-scope words")
	}
	if testIndex.oosWords["缓缴"] {
		t.Error("embedded guide: 缓缴 is no named policy")
	}
	ix := openGuideFile(t, "huairou-2022", "guide.txt")
	if ix.oosWords["稳岗返还"] {
		t.Error("huairou-2022 names 稳岗返还: it is no out-of-scope word there")
	}
}

// TestPropertyTaxUnnamed: 房产税 and 城镇土地使用税 are named reliefs read as
// written: the embedded guide names neither, so a landlord asking for
// them is declined, not answered with the rent measure; tongzhou-2020
// names both, and there they are no out-of-scope words.
func TestPropertyTaxUnnamed(t *testing.T) {
	if !testIndex.oosWords["房产税"] || !testIndex.oosWords["城镇土地使用税"] {
		t.Error("embedded guide: 房产税 and 城镇土地使用税 should be out-of-scope words")
	}
	if r := must(testIndex.Search("我把自家门面租给别人开店，免了房客三个月租金，房产税能不能少交点？")); r.Kind != seeds.KindNone {
		t.Errorf("a landlord's property tax: %s %v, want none", r.Kind, r.Measures)
	}
	ix := openGuideFile(t, "tongzhou-2020", "guide.txt")
	if ix.oosWords["房产税"] {
		t.Error("tongzhou-2020 names 房产税: it is no out-of-scope word there")
	}
}
