package index

import (
	"testing"

	"policybot/seeds"
)

func TestUnansweredSubject(t *testing.T) {
	utilities := &seeds.Measure{Number: 7, Text: "对未能及时缴费的小微企业用水、用电“欠费不停供”，缓缴期间免收滞纳金。"}
	loans := &seeds.Measure{Number: 10, Text: "鼓励金融机构对中小微企业贷款实施延期还本付息，支持网上办理，不影响征信记录。"}
	for _, c := range []struct {
		text    string
		topic   *seeds.Measure
		aspects []Aspect
		want    bool
	}{
		{"贷款晚还了会上征信吗", utilities, []Aspect{AspectCredit}, true}, // 滞纳金 is not the 征信 asked
		{"滞纳金要交吗", utilities, []Aspect{AspectCredit}, false},
		{"会上黑名单吗", utilities, []Aspect{AspectCredit}, false}, // asks no answer word: any answers
		{"会上征信吗", loans, []Aspect{AspectCredit}, false},
		{"征信", nil, []Aspect{AspectCredit}, true},
		{"网上能办吗", utilities, []Aspect{AspectOnline}, false}, // not a subject
		{"找谁", utilities, nil, false},
	} {
		if got := testIndex.unansweredSubject(c.topic, c.aspects, c.text); got != c.want {
			t.Errorf("unansweredSubject(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
