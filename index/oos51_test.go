package index

import (
	"testing"

	"policybot/seeds"
)

// TestPlaceInsideOtherRegion: a place the guide's text names only inside
// another province or city (河北省承德市, a station of the guide's outside
// the district) is another place when the asker is there; a home place
// named only as whose policy it is puts nobody in it; the ends of a route
// (跑天津到北京的线) are nobody's place.
func TestPlaceInsideOtherRegion(t *testing.T) {
	cases := []struct {
		q     string
		other bool
	}{
		{"承德的企业能享受这边的政策吗", true},
		{"承德的企业能享受密云的政策吗", true},
		{"我们公司在承德市，房租能减免吗", true},
		{"公司在密云，承德的客户欠款怎么办", false},
		{"跑天津到北京的线，车贷能缓缓不", false},
		{"天津的企业能享受这边的政策吗", true},
	}
	for _, c := range cases {
		if got := testIndex.AboutOtherPlace(c.q); got != c.other {
			t.Errorf("AboutOtherPlace(%q) = %v, want %v", c.q, got, c.other)
		}
	}
}

// TestOutOfScopeEvidence: asks the guide does not cover are declined or
// offered as a near miss on evidence the decision can see (another place,
// another kind of paper, an out-of-scope topic in the story), and asks it
// covers, whose subject is in the story, are answered.
func TestOutOfScopeEvidence(t *testing.T) {
	cases := []firstAsk{
		{"承德的企业能享受密云的政策吗", seeds.KindNone, 0, ""},
		// The measure's own rule names the place, and what else is asked.
		{"听说区里和承德那边在准备应急物资中转站，我们做仓储的公司能参与吗", seeds.KindMeasure, 36, ""},
		{"开民宿要办特种行业许可证，这个证怎么办", seeds.KindSuggest, 16, "特种行业许可证"},
		// A yes-or-no ask keeps the measure's verdict on the kinds it lists.
		{"理发店的卫生许可证快到期了 能不能延", seeds.KindMeasure, 16, ""},
		{"宾馆被政府征用做隔离，补偿怎么算", seeds.KindNone, 0, ""},
		{"我租的是国企的门面，想申请房租减免，能发我一下申请表吗", seeds.KindMeasure, 4, ""},
	}
	checkFirstAsks(t, cases)
}
