package seeds

import "testing"

// TestNormalizeOCR: a paginated text's duty bracket cut at its ；, by a
// page break (footer and running head) or inside a name is put on one
// line, spaced names and full-width digits are joined, 同上 takes the
// bracket before's person and phone, and a number glued after a bracket
// starts a line; a text without page footers is left alone.
func TestNormalizeOCR(t *testing.T) {
	orig := "— 1 —\n某某细则\n— 2 —\n"
	for _, tt := range []struct{ in, want string }{
		{"甲。（牵头单位：区 人 社 局；\n联系人：王某；电话：０７１９－５８２１５２３）（二）乙。",
			"甲。（牵头单位：区人社局；联系人：王某；电话：0719-5821523）\n（二）乙。"},
		{"甲。（牵头单位：区住房和城乡建\n设局；\n— 2 —\n某某细则\n联系人：李某；电话：0719-5821366）",
			"甲。（牵头单位：区住房和城乡建设局；联系人：李某；电话：0719-5821366）"},
		{"甲。（牵头单位：区金融办；联系人：赵某；电话：0719-5826115）\n乙。（牵头单位：区金融办；联系人、电话同上）",
			"甲。（牵头单位：区金融办；联系人：赵某；电话：0719-5826115）\n乙。（牵头单位：区金融办；联系人：赵某；电话：0719-5826115）"},
	} {
		if got := normalizeOCR(orig+tt.in, tt.in); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
	plain := "甲。（牵头单位：区 人 社 局；\n联系人：王某）"
	if got := normalizeOCR(plain, plain); got != plain {
		t.Errorf("unpaginated text rewritten: %q", got)
	}
}
