package pinyin

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFromPinyin: a question typed in pinyin letters reads as the Chinese
// it spells, with the guide's words and the question phrases; English,
// mixed text and letters that are no pinyin are left alone.
func TestFromPinyin(t *testing.T) {
	c := embeddedCorrector(t)
	cases := []struct {
		in, want string // want "": not read
	}{
		{"shebao neng huanjiao ma", "社保能缓缴吗"},
		{"SheBao neng huanjiao ma?", "社保能缓缴吗"},
		{"gongjijin ne", "公积金呢"},
		{"fangzu jianmian", "房租减免"},
		{"thanks", ""},
		{"ok", ""},
		{"hello", ""},
		{"社保 neng huanjiao ma", ""},
		{"a", ""},
		{"", ""},
		// Every syllable is written: everyday words from the general
		// table, the guide's where both spell alike (缓缴, not 缓交).
		{"wo kai le ge xiao mai bu, fang zu neng jian mian ma", "我开了个小卖部房租能减免吗"},
		{"shi guoyou de fangzi", "是国有的房子"},
		{"zai mi yun gu bei kou", "在密云古北口"},
		{"cheng shi wei hu de ting dian le", "城市维护的停电了"},
		{"shebaonenghuanjiaoma", "社保能缓缴吗"},
		{"jineng peixun you butie ma", "技能培训有补贴吗"},
		// ü typed as v or as u.
		{"lvxingshe you butie ma", "旅行社有补贴吗"},
		{"luxingshe you butie ma", "旅行社有补贴吗"},
		// A particle typed alone ends no word: 减吗, not 剑麻.
		{"wenhua qiye you buzhu ma", "文化企业有补助吗"},
		// An everyday word far commoner than a word the guide uses once
		// is meant: 问题, not 文体.
		{"mei you wen ti le", "没有问题了"},
		{"dai kuan neng yan qi ma", "贷款能延期吗"},
	}
	for _, tc := range cases {
		got, ok := c.FromPinyin(tc.in)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("FromPinyin(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFromPinyinPhrases: question phrases given with WithPhrases are
// written too ("zhao shei" → 找谁).
func TestFromPinyinPhrases(t *testing.T) {
	c, err := New([]Word{{Text: "社保", Weight: 1}}, WithPhrases("找谁", "电话多少"))
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"zhao shei": "找谁", "shebao dianhua duoshao": "社保电话多少"} {
		if got, ok := c.FromPinyin(in); !ok || got != want {
			t.Errorf("FromPinyin(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestLatinWords: pinyin words inside a Chinese message are written in
// characters; English and letters that no word writes stay as typed.
func TestLatinWords(t *testing.T) {
	c := embeddedCorrector(t)
	cases := []struct{ in, want string }{
		{"找shui办啊", "找谁办啊"},
		{"shebao 能缓缴吗", "社保 能缓缴吗"},
		{"haode 那找shei问", "好的 那找谁问"},
		{"社保缓缴 ok吗", ""},
		{"wifi能减免吗", ""},
		{"社保缓缴吗", ""},
		// Words typed between spaces are read together.
		{"wo de 店 fangzu neng jianmian ma", "我的 店 房租能减免吗"},
		{"房租 zhao shui ban", "房租 找谁办"},
		// Abbreviations in capitals are meant as written (AI is no 爱).
		{"做AI研发有没有支持", ""},
		{"开了个KTV", ""},
		// An English clause beside the Chinese keeps only its lexicon
		// words; a sound like emmm is no pinyin.
		{"who should I call 找谁 电话多少", " 找谁 电话多少"},
		{"can I do it 网上能办吗", " 网上能办吗"},
		{"能不能 apply online", "能不能 "},
		{"emmm 那个社保", ""},
		// "can" and "you" are syllables too (参, 有): a run pinyin spells
		// whole is pinyin, not an English clause.
		{"hai you baozhengjin neng yong baohan ma 扣多少", "还有保证金能用保函吗 扣多少"},
	}
	for _, tc := range cases {
		got, ok := c.LatinWords(tc.in)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("LatinWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFromPinyinWritesEverySyllable: no syllable of the pinyin messages
// is dropped; each is one character of the reading (or stays as letters).
func TestFromPinyinWritesEverySyllable(t *testing.T) {
	c := embeddedCorrector(t)
	s := c.speller()
	for _, m := range pinyinMessages(t) {
		if strings.ContainsFunc(m.typed, isHan) {
			continue
		}
		toks := strings.FieldsFunc(strings.ToLower(m.typed), func(r rune) bool { return r < 'a' || r > 'z' })
		syls, ok := s.cutAll(toks)
		if !ok {
			t.Errorf("%q: not cut into syllables", m.typed)
			continue
		}
		got, ok := c.FromPinyin(m.typed)
		again, _ := c.FromPinyin(m.typed)
		if n := utf8.RuneCountInString(got); !ok || n != len(syls) || got != again {
			t.Errorf("FromPinyin(%q) = %q (%d characters, again %q), %v; want %d characters", m.typed, got, n, again, ok, len(syls))
		}
	}
}

type pinyinMessage struct{ typed, meant string }

// pinyinMessages reads testdata/pinyin_messages.tsv.
func pinyinMessages(t *testing.T) []pinyinMessage {
	t.Helper()
	data, err := os.ReadFile("testdata/pinyin_messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []pinyinMessage
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		typed, meant, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		out = append(out, pinyinMessage{typed, meant})
	}
	return out
}

// TestGeneralTable: the embedded table writes everyday words and a
// character for every common syllable.
func TestGeneralTable(t *testing.T) {
	g, err := general()
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"fang zi": "房子", "gu bei kou": "古北口", "you": "有", "lv xing she": "旅行社", "lu xing she": "旅行社", "yin hang": "银行"} {
		if got, _, ok := g.lookup(key); !ok || got != want {
			t.Errorf("lookup(%q) = %q, %v; want %q", key, got, ok, want)
		}
	}
	for _, key := range []string{"", "fang zi x", "zzz"} {
		if got, _, ok := g.lookup(key); ok {
			t.Errorf("lookup(%q) = %q; want none", key, got)
		}
	}
	if _, err := parseGeneral([]byte("not gzip")); err == nil {
		t.Error("parseGeneral(not gzip): no error")
	}
}

// FuzzFromPinyin: any text is read without a panic, the same way twice;
// a reading has no Latin letters left unless some syllable stayed as
// letters, and LatinWords leaves text without letters as it is.
func FuzzFromPinyin(f *testing.F) {
	for _, s := range []string{"shebao neng huanjiao ma", "fangzunengjianmianma", "wo de 店 fangzu", "lvxingshe", "ü", "a b c", "thanks", "找shui办"} {
		f.Add(s)
	}
	c := embeddedCorrector(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := c.FromPinyin(s)
		if again, ok2 := c.FromPinyin(s); again != got || ok2 != ok {
			t.Fatalf("FromPinyin(%q) = %q, %v then %q, %v", s, got, ok, again, ok2)
		}
		if ok && !utf8.ValidString(got) {
			t.Fatalf("FromPinyin(%q) = %q: not UTF-8", s, got)
		}
		out, changed := c.LatinWords(s)
		if !strings.ContainsFunc(s, isLatinLetter) && (changed || out != s) {
			t.Fatalf("LatinWords(%q) = %q, %v; want it unchanged", s, out, changed)
		}
	})
}
