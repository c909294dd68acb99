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
