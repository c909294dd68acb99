package clause

import "testing"

// shapeCases are stop 48's message shapes, in phrasings of our own: a
// choice between two things ("是A好，还是B好", "选哪个好，A还是B"), a
// lead-in by which the writer asks for someone else ("经理叫我问问，"),
// and a 同时 that is "together with", not a connective.
var shapeCases = []struct{ msg, want string }{
	// The first of two things weighed, told as a clause of its own, is
	// part of the ask its 还是 closes.
	{"我们是做餐饮的，是先办贷款延期好，还是先申请贴息好", "S:我们是做餐饮的 | A:是先办贷款延期好，还是先申请贴息好"},
	{"找担保公司划算，还是直接找银行贷款划算？", "A:找担保公司划算，还是直接找银行贷款划算"},
	// 还是 of "still" weighs nothing.
	{"我们是做餐饮的，还是想问问房租能不能减", "S:我们是做餐饮的 | A:还是想问问房租能不能减"},
	// A "which" naming nothing takes the options after it.
	{"办哪个更省事，房租减免还是水电缓缴？", "A:办哪个更省事，房租减免还是水电缓缴"},
	// On behalf of someone else, after a comma as after a colon: the
	// lead-in opens the story, the question ending it is the ask.
	{"经理叫我问问，咱们厂做包装盒的，去年亏了，税能缓吗", "S:经理叫我问问 | S:咱们厂做包装盒的 | S:去年亏了 | A:税能缓吗 <经理叫我问问/咱们厂做包装盒的/去年亏了>"},
	{"替我舅打听一下，他开了个修车铺，房子是租镇上的，租金能少点不", "S:替我舅打听一下 | S:他开了个修车铺 | S:房子是租镇上的 | A:租金能少点不"},
	// Asking the bot itself, no one else: the lead-in still opens the ask.
	{"帮我问问，房租能减吗", "A:帮我问问，房租能减吗"},
	// "与X同时享受": 同时 is the verb's adverb.
	{"稳岗补贴能不能跟社保缓缴同时享受", "A:稳岗补贴能不能跟社保缓缴同时享受"},
	// After a question, 同时 without a partner still opens another ask.
	{"社保能缓缴吗同时想问下公积金", "A:社保能缓缴吗 | A:同时想问下公积金"},
	// A call to whoever reads is no ask ("有没有懂的朋友"), nor story.
	{"有没有懂行的朋友，小饭馆装修完想申请消费券", "A:小饭馆装修完想申请消费券"},
	{"求指点，个体户水电欠费了会停吗", "A:个体户水电欠费了会停吗"},
	// Stop 51: a plan with a count is told, with or without 我们 before
	// the plan word; the question after it is the ask.
	{"公司做物流的，明年准备添几辆冷藏车，买车有补贴吗", "S:公司做物流的 | S:明年准备添几辆冷藏车 | A:买车有补贴吗"},
}

func TestSplitShapes(t *testing.T) {
	for _, tc := range shapeCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}

// guessCases are stop 49's guessed offices, in phrasings of our own: a
// clause that only guesses who handles what was just told asks about
// that ("我估计是…管吧" joins the statement before it); the guessed office
// names no subject.
var guessCases = []struct{ msg, want string }{
	{"我们村想办个养老驿站，我猜是民政局管吧？", "A:我们村想办个养老驿站，我猜是民政局管吧"},
	{"厂里的锅炉要年检了，应该是找质监站那边的中心吧", "A:厂里的锅炉要年检了，应该是找质监站那边的中心吧"},
	{"水电费缓交的事，是不是得去街道办问？", "A:水电费缓交的事，是不是得去街道办问"},
	// A guess after an ask belongs to it.
	{"留抵退税能退吗？估计得去税务局办吧", "A:留抵退税能退吗？估计得去税务局办吧"},
	// Asking which office is no guess: a contact ask as before.
	{"店里想申请消费券，去哪个部门办？", "C:店里想申请消费券，去哪个部门办"},
}

func TestSplitGuesses(t *testing.T) {
	for _, tc := range guessCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}

// TestWithoutGuess: the topic an owner asks about, without the office they
// guess handles it; a guess with nothing before it, or an office asked
// about without guessing, is left as written.
func TestWithoutGuess(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"社保缓缴应该是找人社局吧？", "社保缓缴"},
		{"我估计首贷贴息是去金融办申请吧", "首贷贴息"},
		{"担保费补贴是不是得去财政局问", "担保费补贴"},
		{"稳岗补贴八成归人社局管", "稳岗补贴"},
		{"我们想办个养老驿站，我猜是民政局管吧", "我们想办个养老驿站"},
		{"是不是得去税务局问？", "是不是得去税务局问？"},
		{"社保缓缴去人社局办吗", "社保缓缴去人社局办吗"},
		{"社保缓缴找哪个局办", "社保缓缴找哪个局办"},
		{"房租减免是不是只有国企的房子才有", "房租减免是不是只有国企的房子才有"},
	} {
		if got := WithoutGuess(c.in); got != c.want {
			t.Errorf("WithoutGuess(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// premiseCases are stop 49's premises, in phrasings of our own: an ask
// drawn from what the owner heard or believes (那我们…, 所以…) takes that
// premise as context though it names a subject of its own; the premise
// names what is asked about, right or wrong. A premise the ask does not
// draw on stays situation.
var premiseCases = []struct{ msg, want string }{
	{"听说区里对直播电商有租金补贴，那我们做短视频的工作室能不能申请场地补助？",
		"S:听说区里对直播电商有租金补贴 | A:那我们做短视频的工作室能不能申请场地补助 <听说区里对直播电商有租金补贴>"},
	{"既然贷款贴息只给制造业，那我们开花店的小门脸就不用想贷款的事了吧？",
		"S:既然贷款贴息只给制造业 | A:那我们开花店的小门脸就不用想贷款的事了吧 <既然贷款贴息只给制造业>"},
	{"我知道稳岗那些钱都是给大厂的，所以我们小作坊招学徒肯定没有补助吧？",
		"S:我知道稳岗那些钱都是给大厂的 | A:所以我们小作坊招学徒肯定没有补助吧 <我知道稳岗那些钱都是给大厂的>"},
	{"听说社保能缓缴，我们是开花店的，公积金能缓吗？", "S:听说社保能缓缴 | S:我们是开花店的 | A:公积金能缓吗"},
}

func TestSplitPremises(t *testing.T) {
	for _, tc := range premiseCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}

// letterCases are stop 49's formal letters, in phrasings of our own: the
// salutation and closing are no situation, and an ask pointing back at
// what the letter told (对此, 上述情况) takes it as context though it
// names a subject of its own.
var letterCases = []struct{ msg, want string }{
	{"尊敬的领导：我公司是一家小型物流企业，上半年为十二名司机垫付了核酸检测费用。请问区里对此有无补贴？望予答复。此致敬礼！",
		"S:我公司是一家小型物流企业 | S:上半年为十二名司机垫付了核酸检测费用 | A:请问区里对此有无补贴 <我公司是一家小型物流企业/上半年为十二名司机垫付了核酸检测费用>"},
	{"各位领导：本店为个体餐馆，疫情期间停业两月。上述情况能否申请房租减免？盼复。",
		"S:本店为个体餐馆 | S:疫情期间停业两月 | A:上述情况能否申请房租减免 <本店为个体餐馆/疫情期间停业两月>"},
}

func TestSplitLetters(t *testing.T) {
	for _, tc := range letterCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}

// pointedCases are stop 50's asks about what someone else said, in
// phrasings of our own: an ask whose subject is a demonstrative ("这是真的
// 吗", "这合理吗") is about the story, and a report in it ("X说，…", "通知上
// 写着…") is what it asks about, though the asker's own case came after;
// a pronoun for people told of ("找他们") points back too, and a contact cue
// closes the ask a lead-in opened. 这 before a noun of its own (这个月,
// 这个政策) points at nothing told; nor does a pointed ask naming its own
// subject when no report was told.
var pointedCases = []struct{ msg, want string }{
	{"社区的人说，餐饮企业可以领消费券补贴，我们是开面馆的，店面二十平，有三个员工，这是真的吗？",
		"S:社区的人说 | S:餐饮企业可以领消费券补贴 | S:我们是开面馆的 | S:店面二十平 | S:有三个员工 | A:这是真的吗 <社区的人说/餐饮企业可以领消费券补贴/有三个员工>"},
	{"银行客户经理讲，小微企业贷款能延期还本，我们去年贷了五十万，下个月到期，这是真的吗？",
		"S:银行客户经理讲 | S:小微企业贷款能延期还本 | S:我们去年贷了五十万 | S:下个月到期 | A:这是真的吗 <银行客户经理讲/小微企业贷款能延期还本/下个月到期>"},
	{"物业通知上写着“水电费欠缴不停供”，可上周还是给我们停了电，这合理吗？",
		"S:物业通知上写着“水电费欠缴不停供 | S:可上周还是给我们停了电 | A:这合理吗 <物业通知上写着“水电费欠缴不停供/可上周还是给我们停了电>"},
	{"朋友说，社保可以先停缴以后再补，我们公司是做服装批发的，员工八个，这样做有风险吗？",
		"S:朋友说 | S:社保可以先停缴以后再补 | S:我们公司是做服装批发的 | S:员工八个 | A:这样做有风险吗 <朋友说/社保可以先停缴以后再补/员工八个>"},
	{"区里有个专班管这个事，我想找他们反映一下进度，怎么联系？",
		"S:区里有个专班管这个事 | C:我想找他们反映一下进度，怎么联系 <区里有个专班管这个事>"},
	{"我这两年生意不好，这个月房租能减吗？", "S:我这两年生意不好 | A:这个月房租能减吗"},
	// An ask checking whether the report is true ("真是…吗") is about it.
	{"听隔壁老板说，交了社保能返一半，我们店有五个员工，去年开的，真是一半吗？",
		"S:听隔壁老板说 | S:交了社保能返一半 | S:我们店有五个员工 | S:去年开的 | A:真是一半吗 <听隔壁老板说/交了社保能返一半/去年开的>"},
	// Without a report, a pointed ask naming its own subject is read as
	// before: the story is its situation.
	{"我们的门面是街道的，这算不算国有房屋？", "S:我们的门面是街道的 | A:这算不算国有房屋"},
	{"这个政策我们能享受吗？", "A:这个政策我们能享受吗"},
}

func TestSplitPointed(t *testing.T) {
	for _, tc := range pointedCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}

// TestWithoutPointed: a clause whose subject stands for the story ("这合理
// 吗") is cut from an ask that asks something else; alone it stays.
func TestWithoutPointed(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"这合理吗？小店能不能先别断", "小店能不能先别断"},
		{"这合理吗", "这合理吗"},
		{"这个政策能申请吗", "这个政策能申请吗"},
		{"房租能减吗", "房租能减吗"},
	} {
		if got := WithoutPointed(c.in); got != c.want {
			t.Errorf("WithoutPointed(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNoMoneyTold: a rhetorical question saying the asker has no money
// ("可那阵停业哪有钱？") is a hardship told, part of the story, not an ask;
// asking where money is to be had still asks.
func TestNoMoneyTold(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"燃气公司说再不交就停气，可停业那阵哪有钱？能不能先别停？", "S:燃气公司说再不交就停气 | S:可停业那阵哪有钱 | A:能不能先别停"},
		{"店里生意不好，哪里有钱领？", "S:店里生意不好 | A:哪里有钱领 <店里生意不好>"},
	} {
		if got := describe(Split(c.msg)); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}

// TestSplitDialectWhat: Tianjin's 嘛 for 什么 ("是嘛玩意儿") asks what a
// thing is, a question of its own, not a statement joined to the next ask.
func TestSplitDialectWhat(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"还有那个“服务包”，是嘛玩意儿，俺们小公司能沾上不？", "A:还有那个“服务包”，是嘛玩意儿 | A:俺们小公司能沾上不"},
		{"你说是嘛，房租能减吗？", "S:你说是嘛 | A:房租能减吗"},
	} {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}
