package pinyin

import "testing"

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
		// A syllable no word writes is left out while the rest carries
		// the question; too many such syllables and nothing is read.
		{"wo kai le ge xiao mai bu, fang zu neng jian mian ma", "我了个小卖部房租能减免吗"},
		{"kai mai fangzu", ""},
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
