package index_test

import (
	"fmt"
	"os"

	"policybot/index"
	"policybot/seeds"
)

// Search decides what kind of answer a question gets and ranks the
// measures that answer it. A question the guide does not answer directly
// gets the closest measure as a suggestion (no verdict, no phone) or none.
func ExampleIndex_Search() {
	g, err := seeds.Embedded()
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, _ := os.MkdirTemp("", "policybot-example")
	defer os.RemoveAll(dir)
	ix, err := index.Open(g, index.WithDataDir(dir), index.WithLexiconDir(""))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	for _, q := range []string{"社保能缓交吗", "第4条", "护照到期了怎么换"} {
		r, err := ix.Search(q)
		if err != nil {
			fmt.Println(err)
			return
		}
		var best []int
		if r.Kind != seeds.KindNone {
			for _, h := range r.Measures[:min(1, len(r.Measures))] {
				best = append(best, h.Number)
			}
		}
		fmt.Println(q, r.Kind, best)
	}
	// Output:
	// 社保能缓交吗 measure [2]
	// 第4条 measure [4]
	// 护照到期了怎么换 none []
}
