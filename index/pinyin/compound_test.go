package pinyin

import (
	"slices"
	"strings"
	"testing"
)

// TestCompoundHead: a character unrelated in reading to the one meant,
// ending a span after a word of general text, is that word's compound
// when it is a noun on its own (快递 + 柜) not read like the one meant as
// that one is usually read (柜 reads ju only as 车 rarely does); a
// character of another kind there (全) or one read alike (水 for 税) is
// still a slip.
func TestCompoundHead(t *testing.T) {
	dict := dictOf(map[string]float64{"快递": 10.03, "公积": 10.4, "增值": 7})
	nouns := func(r rune) bool { return strings.ContainsRune("柜卡车水", r) }
	vocab := []Word{{"快递车", 2}, {"公积金", 6}, {"增值税", 8}}
	with, err := New(vocab, WithDictionary(dict), WithNounChars(nouns))
	if err != nil {
		t.Fatal(err)
	}
	without, err := New(vocab, WithDictionary(dict))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c    *Corrector
		text string
		want []Fix
	}{
		{with, "想装个智能快递柜 有补贴吗", nil},
		{without, "想装个智能快递柜 有补贴吗", []Fix{{"快递柜", "快递车", len("想装个智能")}}},
		{with, "公积全怎么提", []Fix{{"公积全", "公积金", 0}}},
		// 水 is a noun, but reads shui as 税 does.
		{with, "增值水怎么退", []Fix{{"增值水", "增值税", 0}}},
	} {
		if _, got := tc.c.Correct(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: fixes %v, want %v", tc.text, got, tc.want)
		}
	}
}
