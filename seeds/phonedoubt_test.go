package seeds

import (
	"slices"
	"testing"
)

// TestPhoneElsewhere: a person listed once with another unit's phone and
// elsewhere with their own is doubted; two lines of one's own, or a phone
// a unit shares, are not.
func TestPhoneElsewhere(t *testing.T) {
	li := func(ph string) Contact {
		return Contact{Unit: "区经信局", People: []string{"李斌"}, Phones: []string{ph}}
	}
	chen := Contact{Unit: "区商务局", People: []string{"陈晓爽"}, Phones: []string{"010-89089315"}}
	g := &Guide{Measures: []Measure{
		{Number: 1, Contacts: []Contact{li("010-69044615")}},
		{Number: 2, Contacts: []Contact{li("010-69044615")}},
		{Number: 3, Contacts: []Contact{li("010-89089315")}},
		{Number: 4, Contacts: []Contact{chen}},
		{Number: 5, Contacts: []Contact{{Unit: "区人保局", People: []string{"赵小龙"}, Phones: []string{"010-69042124", "010-89037309"}}}},
		{Number: 6, Contacts: []Contact{{Unit: "区人保局", People: []string{"赵小龙"}, Phones: []string{"010-69042124"}}}},
	}}
	cases := []struct {
		c             Contact
		phone         string
		usual, others []string
	}{
		{li("010-89089315"), "010-89089315", []string{"010-69044615"}, []string{"区商务局 陈晓爽"}},
		{li("010-69044615"), "010-69044615", nil, nil},
		{chen, "010-89089315", nil, nil},
		// A second line of one's own, listed less often, is no other's.
		{Contact{Unit: "区人保局", People: []string{"赵小龙"}, Phones: []string{"010-69042124", "010-89037309"}}, "010-89037309", nil, nil},
		{Contact{Unit: "区人保局", Phones: []string{"12345"}}, "12345", nil, nil},
	}
	for _, c := range cases {
		usual, others := g.PhoneElsewhere(c.c, c.phone)
		if !slices.Equal(usual, c.usual) || !slices.Equal(others, c.others) {
			t.Errorf("%v %s: usual %q others %q, want %q %q", c.c.People, c.phone, usual, others, c.usual, c.others)
		}
	}
}
