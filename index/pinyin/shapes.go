package pinyin

import (
	_ "embed"
	"strings"
	"sync"
)

// shapesText is the table of characters typed for one another by their
// look (廷 for 延): a slip no reading explains.
//
//go:embed shapes.txt
var shapesText string

// shapeGroups maps a character to the groups of look-alikes it is in.
var shapeGroups = sync.OnceValue(func() map[rune][]int {
	out := map[rune][]int{}
	n := 0
	for _, line := range strings.Split(shapesText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, r := range line {
			out[r] = append(out[r], n)
		}
		n++
	}
	return out
})

// lookAlike reports whether typed and meant are different characters of
// one look-alike group.
func lookAlike(typed, meant rune) bool {
	if typed == meant {
		return false
	}
	gs := shapeGroups()
	for _, g := range gs[typed] {
		for _, h := range gs[meant] {
			if g == h {
				return true
			}
		}
	}
	return false
}
