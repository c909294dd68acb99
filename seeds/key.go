package seeds

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// Key names the guide for the data kept with it (example questions, unit
// aliases): its publication date and a hash of its name and date, such as
// "2022-06-18-1a2b3c4d". The name is the document's title between 《 and 》
// (else the title from 关于 on, else the whole title), white space
// ignored: not the seed's bytes, nor words a page put before the title. So
// a re-scrambled, re-encoded or repaired copy of the same guide keeps its
// key (and its data: the measures keep their numbers), while another
// guide, or a re-issue under another name or date, gets another key. A
// guide without a title is known by its content alone ("seed-" and its
// Hash).
func (g *Guide) Key() string {
	name := docName(dropSpace(g.Title))
	if name == "" {
		return "seed-" + clipHex(g.Hash, 16)
	}
	sum := sha256.Sum256([]byte(name + "\x00" + g.Published))
	date := g.Published
	if date == "" {
		date = "undated"
	}
	return date + "-" + hex.EncodeToString(sum[:4])
}

// docName is the name of the document a title announces: what stands
// between its first 《 and the matching 》, else the title from 关于 on.
func docName(title string) string {
	if i := strings.Index(title, "《"); i >= 0 {
		if j := strings.LastIndex(title, "》"); j > i {
			return title[i+len("《") : j]
		}
	}
	if i := strings.Index(title, "关于"); i >= 0 {
		return title[i:]
	}
	return title
}

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func clipHex(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
