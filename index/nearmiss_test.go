package index

import (
	"testing"

	"policybot/seeds"
)

// TestNearMissEvidence checks the evidence that a near miss is out of the
// guide's scope (issue 18): an ask whose words a measure has but whose
// subject it is not — a loan's rate (利率) against a deferral, closing
// one's own account (销户) against an employer's deferral, the national
// farm-machinery subsidy against a car's purchase tax, where to get a
// test done against a subsidy for its cost — gets the out_of_scope
// feature and is not answered with that measure, while the measure's own
// question keeps its answer.
func TestNearMissEvidence(t *testing.T) {
	tests := []struct {
		q       string
		oos     bool
		measure int // the answer wanted; 0: no confident answer
	}{
		{"装修贷利率多少", true, 0},
		{"离职后公积金怎么销户提取", true, 0},
		{"农机购置补贴怎么申请", true, 0},
		{"密云哪里能做核酸检测", true, 0},
		{"餐饮企业核酸检测费用有补贴吗", false, 66},
		{"消费贷款能延期还本付息吗", false, 10},
		{"缓缴住房公积金怎么申请", false, 3},
		// A mortgage's repayments put off is the deferral measure's
		// subject; paying it off early is a bank's business.
		{"家里房贷还不上了，能不能跟银行申请晚点还", false, 10},
		{"提前还房贷要交违约金吗", true, 0},
		{"房贷提前还款怎么申请", true, 0},
	}
	for _, tt := range tests {
		r, err := testIndex.Search(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Inputs == nil {
			t.Errorf("%q: no features", tt.q)
			continue
		}
		if got := r.Inputs.OutOfScope == 1; got != tt.oos {
			t.Errorf("%q: out_of_scope %v, want %v", tt.q, got, tt.oos)
		}
		answered := r.Kind == seeds.KindMeasure && len(r.Measures) > 0
		switch {
		case tt.measure == 0 && answered:
			t.Errorf("%q: answered with measure %d, want no confident answer", tt.q, r.Measures[0].Number)
		case tt.measure != 0 && (!answered || r.Measures[0].Number != tt.measure):
			t.Errorf("%q: %s %v, want measure %d", tt.q, r.Kind, r.Measures, tt.measure)
		}
	}
}
