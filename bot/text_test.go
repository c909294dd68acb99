package bot

import (
	"testing"
)

func TestUTF16Helpers(t *testing.T) {
	s := "😀 @bot 社保" // 😀 is 2 units
	if n := utf16Len(s); n != 10 {
		t.Errorf("utf16Len = %d, want 10", n)
	}
	if got := sliceUTF16(s, 3, 4); got != "@bot" {
		t.Errorf("slice = %q", got)
	}
	if got := removeSpans(s, []span{{3, 4}}); got != "😀  社保" {
		t.Errorf("removeSpans = %q", got)
	}
	// Out-of-range entities from a hostile client must not panic.
	if got := sliceUTF16(s, 50, 4); got != "" {
		t.Errorf("out of range = %q", got)
	}
	if got := sliceUTF16(s, 1, 1); got != "" { // inside the surrogate pair
		t.Errorf("inside a pair = %q", got)
	}
	_ = removeSpans(s, []span{{8, 100}, {2, 1}, {-5, 3}})
}
