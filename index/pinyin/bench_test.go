package pinyin

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// story200 is a 200-character message with two typos.
const story200 = "你好，我在镇上开了一家小饭馆，十来个员工，疫情以来生意一直不好，去年开始就亏钱。" +
	"想问一下社宝能不能缓交，房东是区里国企的，房租能减免几个月？另外银行的带款下个月到期，" +
	"还不上会不会影响征信？有没有首贷贴息或者担保费的补贴？我们这种小微企业能不能申请留抵退税，" +
	"要准备什么材料，找哪个部门办，电话多少？谢谢！顺便问问水电费欠了会不会停。" +
	"还有，员工里有两个是今年的应届毕业生，招他们有没有社保补贴？麻烦您了。"

func BenchmarkCorrect(b *testing.B) {
	c := embeddedCorrector(b)
	if n := utf8.RuneCountInString(story200); n < 190 || n > 210 {
		b.Fatalf("story has %d characters", n)
	}
	if _, fixes := c.Correct(story200); len(fixes) != 2 {
		b.Fatalf("fixes = %v; want 社宝 and 带款", fixes)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Correct(story200)
	}
}

// syntheticVocab returns n distinct words of two to four characters cut
// from the embedded guide's text, standing in for a large guide.
func syntheticVocab(b *testing.B, n int) []Word {
	seen := map[string]bool{}
	var out []Word
	for _, t := range guideTexts(loadGuide(b, "")) {
		rs := []rune(t)
		for l := 2; l <= 4; l++ {
			for i := 0; i+l <= len(rs) && len(out) < n; i++ {
				w := string(rs[i : i+l])
				if !seen[w] && hanWord(w) {
					seen[w] = true
					out = append(out, Word{Text: w, Weight: float64(len(out)%7 + 1)})
				}
			}
		}
	}
	if len(out) < n {
		b.Fatalf("only %d words", len(out))
	}
	return out
}

func BenchmarkNew(b *testing.B) {
	for _, n := range []int{1500, 5000} {
		vocab := syntheticVocab(b, n)
		readings() // the process-wide table is built once, not per guide
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(vocab); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReadingTable(b *testing.B) {
	for b.Loop() {
		buildReadingTable()
	}
}

// pinyinStory is a 45-syllable message typed in pinyin letters.
const pinyinStory = "ni hao wo shi zai miyun chengli kai fanguan de jinnian shengyi bu hao fangzu jiao bu qi le " +
	"fangdong shi guoyou qiye xiang wenwen neng bu neng jianmian fangzu zhao shui ban dianhua duoshao"

func BenchmarkFromPinyin(b *testing.B) {
	c := embeddedCorrector(b)
	for name, text := range map[string]string{"short": "shebao neng huanjiao ma", "story": pinyinStory} {
		if _, ok := c.FromPinyin(text); !ok {
			b.Fatalf("%q not read", text)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.FromPinyin(text)
			}
		})
	}
}

// BenchmarkLatinWordsChinese: a Chinese question passes LatinWords
// untouched and at once (no letters, no table).
func BenchmarkLatinWordsChinese(b *testing.B) {
	c := embeddedCorrector(b)
	b.ReportAllocs()
	for b.Loop() {
		c.LatinWords(story200)
	}
}

// BenchmarkGeneralTable is the cost of unpacking the general word table,
// paid once per process on the first message typed in letters.
func BenchmarkGeneralTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseGeneral(wordsGz); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSpeller is the cost of a guide's speller (its words' spellings
// and their place against the general table), paid on the guide's first
// message typed in letters.
func BenchmarkSpeller(b *testing.B) {
	c := embeddedCorrector(b)
	if _, err := general(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.buildSpeller()
	}
}
