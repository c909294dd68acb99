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
// character common in Mandarin (点, 几) never is alone, and 系 is read by
// copula, which keeps the Mandarin words that hold it.
var cantoneseWords = strings.NewReplacer(
	"唔该晒", "谢谢", "多谢晒", "谢谢", "唔该", "谢谢",
	"边个部门", "哪个部门", "边个单位", "哪个单位", "边个科室", "哪个科室",
	"边个电话", "哪个电话", "边个号码", "哪个号码",
	"边个", "谁", "边度", "哪里", "几多", "多少", "点样", "怎样",
	"乜嘢", "什么", "咩", "什么", "冇", "没有", "嘅", "的", "喺", "在",
	"揾工", "找工作", "搵工", "找工作", "搵", "找", "揾", "找",
	// "系点计㗎" (how is it reckoned), "我哋" (we), "成日输俾大公司" (always
	// lose to big firms): words the search would read as one-character
	// fragments no measure has.
	"系点计", "是怎么算", "点计", "怎么算", "我哋", "我们", "你哋", "你们", "佢哋", "他们",
	"成日", "总是", "而家", "现在", "听讲", "听说", "但系", "但是", "输俾", "输给", "真㗎", "真的", "㗎", "",
	// Questions and negation: 系咪 / 系唔系 (is it), 唔 (not), 点解 (why),
	// 几时 (when), and how to do a thing ("点申请", "点搞"). 唔 alone is
	// Mandarin's 不 once the courtesies above took 唔该.
	"系唔系", "是不是", "系咪", "是不是", "得唔得", "行不行", "使唔使", "需不需要", "唔系", "不是",
	"唔使", "不用", "唔知", "不知道", "唔识", "不会", "唔好", "不要", "唔", "不",
	"点解", "为什么", "几时", "什么时候", "点申请", "怎么申请", "点办", "怎么办", "点搞", "怎么办", "几钱", "多少钱",
	// Pronouns, demonstratives and particles: 佢 (he), 呢个 / 嗰个 (this,
	// that), 啲 (some), 咗 (the perfective 了), 嘢 (thing), 咁 (so), 乜 (what).
	"佢", "他", "呢个", "这个", "呢样", "这样", "呢度", "这里", "呢啲", "这些", "呢种", "这种",
	"嗰个", "那个", "嗰度", "那里", "嗰啲", "那些", "嗰", "那",
	"平啲", "便宜些", "啲", "些", "咗", "了", "嘢", "东西", "咁", "这么", "噉", "这样", "乜", "什么",
	"仲有", "有", "仲未", "还没", "仲要", "还要", "仲系", "还是", "还唔到", "还不上", "还唔起", "还不起",
	"嚟", "来", "睇", "看", "畀", "给", "俾", "给", "喎", "", "啫", "", "嘞", "",
	// Content words whose Cantonese sense differs from Mandarin's: 铺头 (a
	// shop), 人工 (wages), 小食 (snacks), 老细 (the boss), 返工 (go to work).
	"铺头", "店铺", "间铺", "间店铺", "人工智能", "人工智能", "工人工", "工人工", "人工", "工资",
	"小食", "小吃", "食肆", "餐馆", "老细", "老板", "返工", "上班",
)

// cantoneseOnly are characters only Cantonese writes: a message holding one
// is Cantonese even in simplified characters.
const cantoneseOnly = "冇嘅喺咩搵揾乜嘢唔啲咗嚟佢睇哋㗎嗰畀喎噉啱"

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
	return strings.ReplaceAll(copula(s), "\x00", "个")
}

// copula reads Cantonese's 系 (is: "我哋系做家具嘅") as Mandarin's 是 where
// it is not part of a Mandarin word that keeps it (联系, 关系, 体系, 系统).
func copula(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if r != '系' {
			continue
		}
		if i > 0 && strings.ContainsRune("联关体维派直院世谱星水根父母", rs[i-1]) {
			continue
		}
		if i+1 < len(rs) && strings.ContainsRune("统列数", rs[i+1]) {
			continue
		}
		rs[i] = '是'
	}
	return string(rs)
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
