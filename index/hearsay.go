package index

import (
	"strings"
	"unicode/utf8"
)

// heard is how a hearsay phrase naming its teller is read: the plain
// hearsay cue, without the teller.
const heard = "听说"

// withoutTellers reads each hearsay phrase that names who told the asker
// (cueHearsay: 听邻居说, 听同事说) as the bare 听说. The teller is a party
// of the story, never what the ask is about: left in, "听邻居说疫情那年国
// 企的房子能免房租" named 邻居, an out-of-scope topic word (neighbour
// disputes), and the ask about state-owned rent was declined. Only phrases
// of the form 听…说 are read so; others (网上说, 看新闻说) name no person.
func (ix *Index) withoutTellers(s string) string {
	for _, ph := range ix.cues.list(cueHearsay) {
		if utf8.RuneCountInString(ph) > 2 && strings.HasPrefix(ph, "听") && strings.HasSuffix(ph, "说") {
			s = strings.ReplaceAll(s, ph, heard)
		}
	}
	return s
}
