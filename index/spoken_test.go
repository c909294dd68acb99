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

func TestSpokenDecimals(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"担保费是不是按百分之零点五的费率收", "担保费是不是按0.5%的费率收"},
		{"担保费零点五的那个我们能享受吗", "担保费0.5的那个我们能享受吗"},
		{"补贴百分之二十吗", "补贴20%吗"},
		{"百分之十五", "15%"},
		{"百分之二十五的补助", "25%的补助"},
		{"提高一点五倍", "提高1.5倍"},
		{"降了零点五个百分点", "降了0.5个百分点"},
		{"百分之一百报销吗", "百分之一百报销吗"}, // 百 reads on: left as words
		{"三十万的贷款", "三十万的贷款"},
		{"快一点能批吗", "快一点能批吗"},
		{"一点五个人", "一点五个人"}, // no rate: only 零点 or a multiple
		{"两点半开门", "两点半开门"},
		{"减三个月房租", "减三个月房租"},
		{"三五点钟", "三五点钟"},
		// Per mille, as the guide's percentage.
		{"担保费只收千分之五", "担保费只收0.5%"},
		{"千分之十五的费率", "1.5%的费率"},
		{"千分之一点五", "0.15%"},
		{"", ""},
	} {
		if got := spokenDecimals(c.in); got != c.want {
			t.Errorf("spokenDecimals(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestOptionLists: lettered options of a quiz or a form are one list, in
// order from A; a lone letter or a label out of order stays as written.
func TestOptionLists(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"考你一下，留抵退税先退给谁 A. 制造业 B. 批发零售 C. 住宿餐饮？", "考你一下，留抵退税先退给谁制造业、批发零售、住宿餐饮？"},
		{"贷款贴息的比例是：A、50% B、100%", "贷款贴息的比例是：50%、100%"},
		{"(A)房租 (B)水电", "房租、水电"},
		{"我们是A类企业，能减吗", "我们是A类企业，能减吗"},
		{"B. 社保 A. 房租", "B. 社保 A. 房租"},
		{"A. 房租能减吗", "A. 房租能减吗"},
	} {
		if got := optionLists(tc.in); got != tc.want {
			t.Errorf("optionLists(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
