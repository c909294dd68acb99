package index

import "testing"

func TestSpokenDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"就是那个一二三四五企业热线能帮我们协调事情吗", "就是那个12345企业热线能帮我们协调事情吗"},
		{"能不能缓到二零二二年年底", "能不能缓到2022年年底"},
		{"打幺幺零", "打110"},
		{"八九零八九三一三是哪个部门的", "89089313是哪个部门的"},
		{"三四个人", "三四个人"},       // a span, not digits
		{"七八月份能办吗", "七八月份能办吗"}, // a span of months
		{"一二三月", "一二三月"},       // three months, counted
		{"减三个月房租", "减三个月房租"},
		{"二十三万", "二十三万"}, // an amount read as one
		{"", ""},
	} {
		if got := spokenDigits(c.in); got != c.want {
			t.Errorf("spokenDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
