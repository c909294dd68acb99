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
// ("跑河北那条线") is no sign the ask is about that province.
func TestDialectAndSlangAsks(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"前阵子因为封控没按时年报挨了罚，介记录能不能给消了", seeds.KindMeasure, 17, ""},
		// 免掉, a lexicon form, must not split the word 豁免 ("豁/免掉").
		{"年报晚交了几天被罚了款，这个处罚能豁免掉吗", seeds.KindMeasure, 17, ""},
		{"我是开大货车的，跑河北那条线，听说有个名单上了进京就能少折腾点？", seeds.KindMeasure, 33, ""},
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

// TestNegatedCaseAndQuotedChat: a measure for the case the asker says
// they are not in (不是国企的房子, against the state-owned premises'
// measure) goes after the one for the negation (非国有房屋); a bare "这个
// 到底有没有" after a quoted chat asks about what the first speaker said.
func TestNegatedCaseAndQuotedChat(t *testing.T) {
	checkFirstAsks(t, []firstAsk{
		{"我们是民营孵化器，楼是从个人手里租的，不是国企的房子。给入驻的小企业减免了房租，政府会补我们吗？", seeds.KindMeasure, 5, ""},
		{"老王：市里有个生活服务业项目，饭店能拿投资额一半的钱\n小李：吹吧你\n——我们店刚装修完，想知道这个到底有没有", seeds.KindMeasure, 65, ""},
	})
}
