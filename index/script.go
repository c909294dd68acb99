package index

import (
	"strings"
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
		return cantonese(s, false)
	}
	out, err := script.t2s.Convert(s)
	if err != nil {
		return s
	}
	return cantonese(traditionalWords.Replace(out), true)
}

// traditionalWords are words traditional text writes with other characters
// than Mandarin's simplified form, which t2s keeps as variants: Taiwan's
// 甚麼 comes out 甚么, a topic word no measure has, where the asker wrote
// 什么 ("有沒有甚麼說法").
var traditionalWords = strings.NewReplacer("甚么", "什么")

// cantoneseWords are Cantonese function words and courtesies with their
// Mandarin counterparts, longest first where one holds another. The guide
// and the lexicon are Mandarin, so "找邊個部門？電話幾多？" (whom, how much)
// or "唔該晒" (thanks) would otherwise read as words no cue knows. Only
// multi-character words and characters Mandarin does not use are here; a
// character common in Mandarin (系, 点, 几) never is.
var cantoneseWords = strings.NewReplacer(
	"唔该晒", "谢谢", "多谢晒", "谢谢", "唔该", "谢谢",
	"边个部门", "哪个部门", "边个单位", "哪个单位", "边个科室", "哪个科室",
	"边个电话", "哪个电话", "边个号码", "哪个号码",
	"边个", "谁", "边度", "哪里", "几多", "多少", "点样", "怎样",
	"乜嘢", "什么", "咩", "什么", "冇", "没有", "嘅", "的", "喺", "在",
	"搵", "找", "揾", "找",
	// "系点计㗎" (how is it reckoned), "我哋" (we), "成日输俾大公司" (always
	// lose to big firms): words the search would read as one-character
	// fragments no measure has.
	"系点计", "是怎么算", "点计", "怎么算", "我哋", "我们", "你哋", "你们", "佢哋", "他们",
	"成日", "总是", "而家", "现在", "听讲", "听说", "但系", "但是", "输俾", "输给", "㗎", "",
)

// cantoneseOnly are characters only Cantonese writes: a message holding one
// is Cantonese even in simplified characters.
const cantoneseOnly = "冇嘅喺咩搵揾乜嘢唔啲咗嚟佢睇哋㗎"

// cantonese reads the Cantonese words of s as Mandarin when s is written
// in traditional characters (traditional says so) or holds a character
// only Cantonese writes. A Mandarin message keeps its words: 那边个体户
// holds 边个 across two words, so plain simplified text is never read.
// Even in Cantonese, 边个 before 体 or 人 (那邊個體戶, 這邊個人) is the
// Mandarin split.
func cantonese(s string, traditional bool) string {
	if !traditional && !strings.ContainsAny(s, cantoneseOnly) {
		return s
	}
	s = strings.NewReplacer("边个体", "边\x00体", "边个人", "边\x00人").Replace(s)
	s = cantoneseWords.Replace(s)
	return strings.ReplaceAll(s, "\x00", "个")
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
