package index

import (
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Traditional characters: an owner born in Hong Kong or Taiwan types
// 社會保險能緩繳嗎, while the guide and the lexicon are written in simplified
// characters. A message holding a Han character outside GB2312 that the
// conversion changes is read through OpenCC's t2s (phrases first, then
// characters); a message in simplified characters is never converted, so
// a name like 阿乾 in simplified text keeps its 乾.
var script struct {
	once sync.Once
	t2s  *opencc.OpenCC // nil when the tables failed to load
	gb   map[rune]bool  // the Han characters of GB2312
}

func loadScript() {
	// GB2312's Han characters are the two-byte codes B0A1–F7FE; decoding
	// them all once gives the set (GBK decodes GB2312 unchanged).
	var codes []byte
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			codes = append(codes, byte(hi), byte(lo))
		}
	}
	script.gb = map[rune]bool{}
	if s, err := simplifiedchinese.GBK.NewDecoder().Bytes(codes); err == nil {
		for _, r := range string(s) {
			if unicode.Is(unicode.Han, r) {
				script.gb[r] = true
			}
		}
	}
	if cc, err := opencc.New("t2s"); err == nil {
		script.t2s = cc
	}
}

// simplified returns s in simplified characters when it holds traditional
// ones, else s itself. A conversion failure leaves s as typed: the reader
// then meets the characters as unknown words, as before.
func simplified(s string) string {
	script.once.Do(loadScript)
	if script.t2s == nil || !hasTraditional(s) {
		return s
	}
	out, err := script.t2s.Convert(s)
	if err != nil {
		return s
	}
	return out
}

// hasTraditional reports whether s holds a Han character GB2312 does not
// have and t2s changes (后 is in GB2312, 後 is not; 喆 is in neither but
// t2s keeps it).
func hasTraditional(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) || script.gb[r] {
			continue
		}
		if out, err := script.t2s.Convert(string(r)); err == nil && out != string(r) {
			return true
		}
	}
	return false
}
