package index

import "testing"

// TestMoreForAsker checks which messages ask for the other measures that
// fit the asker rather than the last question's: a [more] phrase with a
// [more.asker] one, and no other word than the asker's own.
func TestMoreForAsker(t *testing.T) {
	tests := []struct {
		msg, asker string
		want       bool
	}{
		{"还有别的适合我们的吗", "", true},
		{"还有别的能帮到我们诊所的吗", "我在密云开了个牙科诊所，私人的", true},
		{"还有别的能帮到我们画室的吗", "", false}, // 画室: a word the owner never said they are, and no known trade
		// 诊所 is a trade ([trade]): the message itself names the asker's kind,
		// as "适合我这种小店的" does.
		{"还有别的能帮到我们诊所的吗", "", true},
		{"还有别的吗", "我们是小公司", false},        // the last question's other candidates
		{"社保还有别的要求吗", "我们是小公司", false},    // no asker phrase
		{"贷款还有别的适合我们的吗", "我们是小公司", false}, // names a subject
		// The asker names what they are after 我们, though the message
		// that last said who they are named only a legal form.
		{"好。还有别的适合我们回收站的吗", "我们去年已经改成有限公司了", true},
		{"那还有别的我们农户能用上的吗", "我是个体户", true},
		{"还有别的我们贷款能用上的吗", "我是个体户", false}, // a need after 我们: a subject
		{"还有别的适合我们员工的吗", "我是个体户", false},  // whom the asker employs
	}
	for _, tt := range tests {
		if got := testIndex.moreForAsker(tt.msg, tt.asker); got != tt.want {
			t.Errorf("moreForAsker(%q, %q) = %v, want %v", tt.msg, tt.asker, got, tt.want)
		}
	}
}

// TestExceptAsked checks which messages set a subject aside and ask what
// else there is: a lead (除了), an ask for more after it, and no need or
// example after the ask.
func TestExceptAsked(t *testing.T) {
	tests := []struct {
		msg  string
		want bool
	}{
		{"不是问贷款了，我们算小微企业，除了贷款还能享受啥", true},
		{"我是说除了贷款还有啥别的政策", true},
		{"除了房租，还有没有其他的扶持政策，比如水电费", false}, // an example names the subject
		{"除了贷款还有社保方面的吗", false},           // a need after the ask
		{"贷款还有别的政策吗", false},              // nothing set aside
		{"除了贷款", false},                   // no ask for more
	}
	for _, tt := range tests {
		if _, got := testIndex.exceptAsked(tt.msg); got != tt.want {
			t.Errorf("exceptAsked(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
