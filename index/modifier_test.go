package index

import "testing"

// TestLaterYear: a year in the ask after every year the measure names (or
// the guide's own, when it names none) is what the guide lacks; a year the
// speaker lives in ("都2026年了") is not. TestHead checks the replies.
func TestLaterYear(t *testing.T) {
	ix := testIndex
	cases := []struct{ q, text, want string }{
		{"2023年还有房租减免吗", "2022年对承租国有房屋的减免3个月房屋租金", "2023年"},
		{"2022年还有房租减免吗", "2022年对承租国有房屋的减免3个月房屋租金", ""},
		{"2023年还有吗", "缓缴期限为2022年4月至2023年6月", ""},
		{"都2026年了 还能顺延吗", "2022年到期的，有效期顺延", ""},
		// A year the speaker lives in whose own clause asks whether the
		// measure still holds then: the guide cannot say.
		{"2024年了房租减免还有没有", "2022年对承租国有房屋的减免3个月房屋租金", "2024年"},
		{"2024年了，生意还是不好，房租还能减吗", "2022年对承租国有房屋的减免3个月房屋租金", ""},
		{"2023年还能顺延吗", "疫情期间到期的，有效期自动顺延", "2023年"}, // the guide's year (published 2022)
	}
	for _, c := range cases {
		if got := ix.laterYear(c.q, c.text); got != c.want {
			t.Errorf("laterYear(%q, %q) = %q, want %q", c.q, c.text, got, c.want)
		}
	}
}
