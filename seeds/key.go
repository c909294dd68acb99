package seeds

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// Key names the guide for the data kept with it (example questions, unit
// aliases): its publication date and a hash of its identity — title,
// issuer and date, ignoring white space — such as "2022-06-18-1a2b3c4d".
// It does not depend on the seed's bytes, so a re-scrambled, re-encoded
// or repaired copy of the same guide keeps its key (and its data: the
// measures keep their numbers), while another guide, or a re-issue with
// another title or date, gets another key. A guide without title and
// issuer is known by its content alone ("seed-" and its Hash).
func (g *Guide) Key() string {
	title, issuer := dropSpace(g.Title), dropSpace(g.Issuer)
	if title == "" && issuer == "" {
		return "seed-" + clipHex(g.Hash, 16)
	}
	sum := sha256.Sum256([]byte(title + "\x00" + issuer + "\x00" + g.Published))
	date := g.Published
	if date == "" {
		date = "undated"
	}
	return date + "-" + hex.EncodeToString(sum[:4])
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
