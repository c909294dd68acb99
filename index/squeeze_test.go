package index

import (
	"testing"
	"unicode"
)

// TestSqueezeRune: squeeze's fast paths map every rune as the Unicode
// tables do.
func TestSqueezeRune(t *testing.T) {
	slow := func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r >= 0xFE00 && r <= 0xFE0F || r == 0x200D || r >= 0xE0100 && r <= 0xE01EF {
			return -1
		}
		return unicode.ToLower(r)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := squeezeRune(r), slow(r); got != want {
			t.Fatalf("squeezeRune(%U) = %U, want %U", r, got, want)
		}
	}
	if got := squeeze("谢谢❤️"); got != "谢谢" {
		t.Errorf("squeeze: %q", got)
	}
	if got := squeeze("电话 多少？ABC"); got != "电话多少abc" {
		t.Errorf("squeeze: %q", got)
	}
}
