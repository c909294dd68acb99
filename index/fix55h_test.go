package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestRumourOfDebtForgiven: a debt heard to need no paying back (不用还了,
// 免掉) is answered with the measure that puts the payment off, which
// corrects the rumour; "这消息靠谱吗" asks of the story and names no topic.
func TestRumourOfDebtForgiven(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"听说受疫情影响的企业，银行贷款都能免掉不用还了？这消息靠谱吗", seeds.KindMeasure, 10, ""},
		{"听说现在欠电费不会断电，欠的钱以后也不用还了？", seeds.KindMeasure, 7, ""},
	})
}

// TestDialectAndSlangAsks: a Tianjin 介 (这) and a penalty "挨了罚" ask
// for the credit record's repair; a driver's route to another province
// ("跑河北那条线") is no sign the ask is about that province; 汽车消费 is
// the car-purchase policy, whose tax relief is the purchase tax.
func TestDialectAndSlangAsks(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"前阵子因为封控没按时年报挨了罚，介记录能不能给消了", seeds.KindMeasure, 17, ""},
		{"我是开大货车的，跑河北那条线，听说有个名单上了进京就能少折腾点？", seeds.KindMeasure, 33, ""},
		{"请问在促进汽车消费方面，有哪些税收方面的优惠？适用条件是什么？", seeds.KindMeasure, 57, ""},
	})
}

// TestPinyinBesideChinese: toneless pinyin runs beside a Chinese ask are
// read as Chinese though "can" and "you" are English words too.
func TestPinyinBesideChinese(t *testing.T) {
	const q = "women xiang can jia zhengfu caigou toubiao, tingshuo xiaowei qiye baojia you kouchu? 扣多少; hai you baozhengjin neng yong baohan ma"
	if _, got := answeredFirsts(t, q); !slices.Equal(got, []int{25, 26}) {
		t.Errorf("%s: asks answered with %v, want [25 26]", q, got)
	}
}
