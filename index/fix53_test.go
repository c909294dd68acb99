package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestStoryMatterReferred: "这事" after a story points back at it: the ask
// is about what the story told (a cracked self-built house: 农村危房), not
// about its own words alone (有人管 read as 督查 ranked the rent task force);
// after a connective (另外这事) the ask keeps the subject it names.
func TestStoryMatterReferred(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"俺们村好些老人住的都是自己早年盖的房子，墙裂得老大了，下雨还漏，住着够呛，这事有人管不？", []int{85}},
		{"我家是自己盖的老房子，墙上裂缝越来越大，这件事找谁管", []int{85}},
		// After a connective the ask names its own subject (12345).
		{"想问问欠款方面的政策。给政府投资的项目干的活，尾款一直没结。另外这事打12345企业热线有没有用", []int{22, 18}},
	} {
		if _, got := answeredFirsts(t, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: asks answered with %v, want %v", c.q, got, c.want)
		}
	}
}

// TestOutOfScopeCullingAndCheaperLoan: livestock culled in an animal
// epidemic (扑杀) and which loan charges less interest are no relief the
// guide gives: declined, not answered with the guarantee fee's 补偿 or
// the first-loan interest subsidy.
func TestOutOfScopeCullingAndCheaperLoan(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我弟让我问：他的养鸡场今年闹禽流感，扑杀了一大批鸡，有没有啥补偿？", seeds.KindNone, 0, ""},
		{"创业担保贷款跟普通经营贷比，哪个利息低？", seeds.KindNone, 0, ""},
		// The guarantee fee itself is still answered.
		{"创业担保贷款的担保费能免吗", seeds.KindMeasure, 11, ""},
	})
}
