package index

import "testing"

// TestPayee: a measure whose paying sentence names a body pays the body,
// one whose paying sentences name only people pays them; an ask wants
// the money for the body or for people when it names one of them, after
// a correction's 我是问 when there is one.
func TestPayee(t *testing.T) {
	for _, tt := range []struct {
		measure int
		want    Payee
		word    string
	}{
		{72, PayeeBody, "用人单位"},   // 用人单位招用…毕业生…给予社会保险补贴
		{76, PayeePerson, "从业人员"}, // 临时招用…从业人员…并给予适当补贴
		{66, PayeeBody, "企业"},
		{2, PayeeUnknown, ""}, // defers, pays nothing
	} {
		if got, w := testIndex.Paid(testIndex.guide.Measure(tt.measure)); got != tt.want || w != tt.word {
			t.Errorf("第%d条: paid %d %q, want %d %q", tt.measure, got, w, tt.want, tt.word)
		}
	}
	for _, tt := range []struct {
		text      string
		want      Payee
		corrected bool
	}{
		{"培训机构停课有补贴吗", PayeeBody, false},
		{"这个是给老师个人的吧？我是问给机构的", PayeeBody, true},
		{"我是应届毕业生 我自己能领补贴吗", PayeePerson, false},
		{"公司招应届生有补贴吗", PayeeBody, false}, // the firm, for the graduates it hired
		{"招了几个应届毕业生 有补贴吗", PayeeUnknown, false},
		{"老板说要给员工发补贴 有吗", PayeePerson, false},
		{"房东是个人 房租减免有补贴吗", PayeeUnknown, false},
		{"社保能缓交吗", PayeeUnknown, false},
		// Money given to a trade is money for its businesses.
		{"有没有给餐饮的补贴", PayeeBody, false},
		{"给员工的补贴有吗", PayeePerson, false},
		// 我想问 opens a question; only 我想问的是 looks back at one asked.
		{"我想问下有没有给餐饮的补贴", PayeeBody, false},
		{"我要问给员工的补贴", PayeePerson, false},
		{"这个是给老师个人的吧？我想问的是给机构的", PayeeBody, true},
		// The owner named as where the money goes is the body (trial 57).
		{"这个是给员工去社区干活的吧 我问的是给我们老板的", PayeeBody, true},
	} {
		if got, _, c := testIndex.AskedPayee(tt.text); got != tt.want || c != tt.corrected {
			t.Errorf("%s: asked %d (corrected %v), want %d (%v)", tt.text, got, c, tt.want, tt.corrected)
		}
	}
}

// TestPaysInstead: the question asked again for a body finds a measure
// paying a body only when it says a word of the question besides the
// money and payee words (直播电商服务机构 shares only 机构 with a
// training school's ask).
func TestPaysInstead(t *testing.T) {
	for _, tt := range []struct {
		question string
		not      int
		want     int
	}{
		{"培训机构停课有补贴吗", 76, 0},
		{"餐饮企业做核酸检测有补贴吗", 0, 66},
	} {
		if got, err := testIndex.PaysInstead(tt.question, tt.not, PayeeBody); err != nil || got != tt.want {
			t.Errorf("%s: %d (%v), want %d", tt.question, got, err, tt.want)
		}
	}
}

// TestPreferPayee: an ask of money for a trade's businesses is answered by
// the measure paying businesses, not by one paying staff hired from the
// trade, however the story's words (停业) rank that one first.
func TestPreferPayee(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"我开了个早餐店，去年到今年断断续续停业，我想问下有没有给餐饮的补贴", 66},
		// Staff asked for: the measure paying them stays.
		{"餐馆停业了，服务员没活干，给员工有补贴吗", 76},
	} {
		rd, err := testIndex.Read(tt.text, Context{})
		if err != nil || len(rd.Asks) == 0 || len(rd.Asks[0].Measures) == 0 {
			t.Fatalf("%s: %v %v", tt.text, rd.Asks, err)
		}
		if got := rd.Asks[0].Measures[0].Number; got != tt.want {
			t.Errorf("%s: 第%d条 first, want 第%d条", tt.text, got, tt.want)
		}
	}
}
