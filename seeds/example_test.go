package seeds_test

import (
	"fmt"
	"os"

	"policybot/seeds"
)

// Parse recovers the measures of a guide and says what it could not.
func ExampleParse() {
	src, err := os.ReadFile("testdata/other_district.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := seeds.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	m := g.Measures[0]
	fmt.Println(g.Issuer != "", len(g.Measures) > 0, m.Number, m.HasText(), m.HasContact())
	// Output: true true 1 true true
}
