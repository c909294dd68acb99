package index

import "testing"

func TestSimplified(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"社會保險能緩繳嗎", "社会保险能缓缴吗"},
		{"房租能減免嗎？找誰辦", "房租能减免吗？找谁办"},
		// Simplified text is never converted: 乾 in a simplified name stays.
		{"我开了个理发店叫阿乾美发，房租能减吗", "我开了个理发店叫阿乾美发，房租能减吗"},
		{"社保能缓交吗", "社保能缓交吗"},
		{"shebao 🙂 123", "shebao 🙂 123"},
		{"", ""},
	} {
		if got := simplified(tt.in); got != tt.want {
			t.Errorf("simplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
