package scramble

import (
	"strings"
	"testing"
)

const guide = `某区人民政府关于印发《措施》的通知
发布日期：2022-01-01
为支持企业，制定本措施。
一、减轻负担
（一）房租
1.对小微企业减免房租3个月。转租的，减免落实到实际经营者。
牵头单位：区国资委联系人：区国资委产权科张三联系方式：010-11111111
（二）社保
2.对困难企业缓缴社会保险费。缓缴期间免收滞纳金。
牵头单位：区人保局联系人：区人保局征缴科李四联系方式：010-22222222
二、金融支持
3.对首次贷款给予贴息。
牵头单位：区金融办联系人：区金融办王五联系方式：010-33333333
4.担保费率降至1%以下。
牵头单位：区金融办联系人：区金融办王五联系方式：010-33333333`

func TestScrambleIsDeterministic(t *testing.T) {
	a, b := Scramble(guide, Options{Seed: 7}), Scramble(guide, Options{Seed: 7})
	if a.Text != b.Text {
		t.Fatal("same seed, different copies")
	}
	if c := Scramble(guide, Options{Seed: 8}); c.Text == a.Text {
		t.Error("seeds 7 and 8 give the same copy")
	}
}

func TestScrambleCorrupts(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		c := Scramble(guide, Options{Seed: seed})
		if len(c.LostHeadings) != 1 || len(c.LostSentences) != 1 {
			t.Fatalf("seed %d: lost headings %q, sentences %q", seed, c.LostHeadings, c.LostSentences)
		}
		flat := strings.Join(strings.Fields(c.Text), "")
		if strings.Contains(flat, strings.Join(strings.Fields(c.LostSentences[0]), "")) {
			t.Errorf("seed %d: the lost sentence is still there", seed)
		}
		// Contact blocks are glued to the next measure's number.
		if strings.Contains(c.Text, "33333333\n4.") || strings.Contains(c.Text, "11111111\n（二）") {
			t.Errorf("seed %d: a block is not glued to what follows:\n%s", seed, c.Text)
		}
		// Copies: some sentence occurs twice.
		sents := cut(c.Text)
		seen, dup := map[string]bool{}, false
		for _, s := range sents {
			k := strings.Join(strings.Fields(s), "")
			dup = dup || seen[k]
			seen[k] = true
		}
		if !dup {
			t.Errorf("seed %d: no sentence copied", seed)
		}
		if !strings.HasPrefix(c.Text, "某区人民政府") {
			t.Errorf("seed %d: the title moved", seed)
		}
	}
}

func TestScrambleOff(t *testing.T) {
	c := Scramble(guide, Options{Seed: 1, Duplicates: 1e-9, Moves: 1e-9, Newlines: 1e-9, LostHeadings: -1, LostTexts: -1})
	if got, want := strings.Join(strings.Fields(c.Text), ""), strings.Join(strings.Fields(guide), ""); got != want {
		t.Errorf("with every corruption off the text changed:\n%s", c.Text)
	}
}
