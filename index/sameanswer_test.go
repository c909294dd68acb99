package index

import (
	"testing"

	"policybot/seeds"
)

// TestSuggestedAndAnswered: two asks of one message, one answered by the
// measure the other is only suggested, get one reply (the answer).
func TestSuggestedAndAnswered(t *testing.T) {
	ask := func(k seeds.Kind, n int) *Ask {
		return &Ask{Result: Result{Kind: k, Measures: []Hit{{Number: n}}}}
	}
	for _, c := range []struct {
		name string
		a, b *Ask
		want bool
	}{
		{"suggested then answered", ask(seeds.KindMeasure, 85), ask(seeds.KindSuggest, 85), true},
		{"answered then suggested", ask(seeds.KindSuggest, 85), ask(seeds.KindMeasure, 85), true},
		{"another measure", ask(seeds.KindMeasure, 85), ask(seeds.KindSuggest, 4), false},
		{"both suggested", ask(seeds.KindSuggest, 85), ask(seeds.KindSuggest, 85), false},
		{"declined", ask(seeds.KindNone, 85), ask(seeds.KindMeasure, 85), false},
		{"not searched", &Ask{}, ask(seeds.KindMeasure, 85), false},
	} {
		if got := suggestedAndAnswered(c.a, c.b); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
