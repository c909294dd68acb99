package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestUnitOwnLine: a knowledge base's phone list states each unit's own
// line apart from any measure (seeds.Guide.Units). A question about a unit
// is answered with that line first, then the lines of the measures naming
// the unit; a unit only the list names (区发改局) is answered too. No phone
// the guide does not state is given.
func TestUnitOwnLine(t *testing.T) {
	ix := openSeed(t, "../seeds/testdata/formats/liutang-2023-kb-export/guide.txt")
	for _, tt := range []struct {
		q, unit string
		phones  []string
	}{
		{"区人社局电话多少", "区人社局", []string{"72812200", "0736-72812245", "13907361234"}},
		{"发改局电话", "区发改局", []string{"72811200"}},
		{"工信局的电话是多少", "区工信局", []string{"72813300", "0736-72813318"}},
	} {
		r, err := ix.Search(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Kind != seeds.KindUnit || r.Unit == nil {
			t.Errorf("%q: %s %v, want unit %s", tt.q, r.Kind, r.Measures, tt.unit)
			continue
		}
		if got := r.Unit.Phones(); r.Unit.Name != tt.unit || !slices.Equal(got, tt.phones) {
			t.Errorf("%q: %s %v, want %s %v", tt.q, r.Unit.Name, got, tt.unit, tt.phones)
		}
	}
}
