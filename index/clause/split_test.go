package clause

import (
	"fmt"
	"strings"
	"testing"
)

// describe renders a Message for the tables: situation clauses "S:", asks
// "A:" (or "C:" when they ask for a contact) with their context in <…>,
// joined by " | ".
func describe(m Message) string {
	var parts []string
	for _, c := range m.Situation {
		parts = append(parts, "S:"+c.Text)
	}
	for _, a := range m.Asks {
		p := "A:"
		if a.Contact {
			p = "C:"
		}
		p += a.Text
		if len(a.Context) > 0 {
			var cs []string
			for _, c := range a.Context {
				cs = append(cs, c.Text)
			}
			p += " <" + strings.Join(cs, "/") + ">"
		}
		parts = append(parts, p)
	}
	if m.More > 0 {
		parts = append(parts, fmt.Sprintf("+%d", m.More))
	}
	return strings.Join(parts, " | ")
}

// splitCases were written, expectations included, before Split was first
// run; they say what a clerk would read in each message.
var splitCases = []struct{ msg, want string }{
	// Stop 59 (fixAG): a formal application's heading heads its numbered
	// demands, each an ask, and what a connective opened before it is
	// told; a pointer naming what it points at (上述留抵税额) takes the
	// statement naming it as context, not the nearest ones; a
	// self-correction (我是说) puts its question in place of the slip.
	{"本人系某餐饮公司负责人。另，今年以来营业额下降，房租负担较重。现特申请如下：一、请告知国有房屋房租能否减免；二、本公司拟申请缓缴社会保险费，请告知条件。",
		"S:本人系某餐饮公司负责人 | S:今年以来营业额下降 | S:房租负担较重 | A:请告知国有房屋房租能否减免 | A:本公司拟申请缓缴社会保险费，请告知条件"},
	{"经核查，本公司尚有留抵税额未退。另，今年收入下降，社保交不上了，工资也发不出。现申请如下：一、上述税额能否退还",
		"S:经核查 | S:本公司尚有留抵税额未退 | S:今年收入下降 | S:社保交不上了 | S:工资也发不出 | A:上述税额能否退还 <本公司尚有留抵税额未退>"},
	{"能不能不给贴息？我是说能给贴息吗？", "A:能给贴息吗"},
	{"我不是不想交，就是拿不出来。不会没有滞纳金吧……我是说，不会有滞纳金吧？", "S:我不是不想交 | S:就是拿不出来 | A:不会有滞纳金吧"},
	{"我是说过要缓缴社保，现在还能缓缴吗", "S:我是说过要缓缴社保 | A:现在还能缓缴吗 <我是说过要缓缴社保>"},
	// Trial 40 (stop 52): a relief named as a heading would ("贷款延期"),
	// then another a connective adds, are two asks; a connective that
	// asks on about the same relief (还有吗, 还有什么条件, 还有效吗) or
	// tells something (另外我们是…) adds none.
	{"贷款延期 还有 购置税减半", "A:贷款延期 | A:购置税减半"},
	{"贷款延期，还有购置税减半", "A:贷款延期 | A:还有购置税减半"},
	{"社保缓缴另外房租能减吗", "A:社保缓缴 | A:另外房租能减吗"},
	{"贷款延期还有吗", "A:贷款延期还有吗"},
	{"社保缓缴还有什么条件", "A:社保缓缴还有什么条件"},
	{"贷款延期还有效吗", "A:贷款延期还有效吗"},
	{"社保缓缴，还有别的吗", "S:社保缓缴 | A:还有别的吗 <社保缓缴>"},
	{"房租减免，另外我们是国企的房子", "S:房租减免 | A:另外我们是国企的房子"},
	{"听说有创业补助 另外入驻园区场地费有补贴吗", "S:听说有创业补助 | A:另外入驻园区场地费有补贴吗"},
	// Stop 50: "还有别的…吗" after a lead-in's story asks for another of
	// what the story tried, no new matter.
	{"想问问，热线一直占线，还有其他办法吗", "A:热线一直占线，还有其他办法吗"},
	{"再问一下，材料交了没人理，还有没有别的途径", "A:材料交了没人理，还有没有别的途径"},
	// A concessive "whatever" is no question: 不管怎样 asks nothing.
	{"不管怎样，房租能减吗", "S:不管怎样 | A:房租能减吗"},
	{"无论如何，社保能缓几个月", "S:无论如何 | A:社保能缓几个月"},
	// A slip taken back inside the message is not searched: what follows
	// the retraction is what was meant (a lead-in before the slip still
	// opens the ask); a complaint's 不对 and the tag question 对不对 are no
	// retraction.
	{"我想问一下那个首台套不对是新智造的项目能给多少支持", "A:新智造的项目能给多少支持"},
	{"我想问公积金贷款……哦不对，是我们公司的经营贷，能延期吗", "S:是我们公司的经营贷 | A:能延期吗 <是我们公司的经营贷>"},
	// 哦不是 takes back as 哦不对 does, and what was meant may open with
	// a restating lead-in (我是想问) instead of a bare 是.
	{"想打听宽带提速的事，哦不是，我是想问电费，能缓交吗", "A:我是想问电费，能缓交吗"},
	{"补贴发的金额不对，是不是算错了", "S:补贴发的金额不对 | A:是不是算错了 <补贴发的金额不对>"},
	{"这样理解对不对", "A:这样理解对不对"},
	// A detail corrected keeps the subject said before it.
	{"我租的是国企的门面房那个房租能免三个月不对是六个月吧", "A:我租的是国企的门面房那个房租能免三个月不对是六个月吧"},
	{"就是那个我想办个健康证开饭馆要的那个在哪办不对是从业人员那个证", "C:就是那个我想办个健康证开饭馆要的那个在哪办不对是从业人员那个证"},
	// A call told is no contact asked: the story's implied ask is no contact ask.
	{"贷款也还不上了，银行天天打电话", "S:贷款也还不上了 | A:银行天天打电话"},
	// An example after the ask (X什么的, X啥的) names what it asks about.
	{"那水电方面有没有照顾 欠费不停供什么的", "A:那水电方面有没有照顾 欠费不停供什么的"},
	{"贷款上有啥优惠吗，贴息啥的", "A:贷款上有啥优惠吗，贴息啥的"},
	// A count of asks points back at the things told before it.
	{"厂里社保缓交 公积金能缓交吗 两个都问", "A:厂里社保缓交 | A:公积金能缓交吗"},
	{"电费减免，宽带降费，这俩我都想知道", "A:电费减免 | A:宽带降费"},
	// Who the asker is by trade ("…开X的") before a space, then the ask.
	{"菜市场里卖菜的 摊位费能减吗", "S:菜市场里卖菜的 | A:摊位费能减吗"},
	// Short questions.
	{"社保能缓交吗", "A:社保能缓交吗"},
	{"社保能缓交吗？", "A:社保能缓交吗"},
	{"社保缓缴", "A:社保缓缴"},
	{"首贷贴息", "A:首贷贴息"},
	{"社保呢", "A:社保呢"},
	// A final 不 or 没 after a verb asks; after 也 or 都 it states.
	{"水电费交不上会停吗 宽带能便宜点不", "A:水电费交不上会停吗 | A:宽带能便宜点不"},
	{"房东是个人的，能减不", "S:房东是个人的 | A:能减不 <房东是个人的>"},
	{"能不能", "A:能不能"},
	{"电费太贵了", "A:电费太贵了"},
	// The statements before a subjectless ask are its subject, not a
	// later ask's.
	{"店面是国企的房子，能减吗？另外，能缓多久", "S:店面是国企的房子 | A:能减吗 <店面是国企的房子> | A:能缓多久"},
	// Nor is the story before an ask with a subject the subject of an
	// ask a connective opens after it.
	{"我开了家网店，社保能缓交吗？另外，能缓多久", "S:我开了家网店 | A:社保能缓交吗 | A:能缓多久"},
	// "Not a single one" before a final 没有 states; 有补贴没有 asks.
	{"手里一分钱没有，真是愁得睡不着觉", "S:手里一分钱没有 | A:真是愁得睡不着觉"},
	{"店开了两年，有补贴没有", "S:店开了两年 | A:有补贴没有 <店开了两年>"},
	{"个体户算不算小微企业", "A:个体户算不算小微企业"},
	{"我这种算不算", "A:我这种算不算"},
	{"能减几个月？", "A:能减几个月"},
	{"留抵退税到什么时候截止", "A:留抵退税到什么时候截止"},
	{"餐饮企业的核酸检测费用谁出？", "A:餐饮企业的核酸检测费用谁出"},
	{"社保能缓交吗？？？！！！", "A:社保能缓交吗"},
	{"房租、水电、网费能减免吗", "A:房租、水电、网费能减免吗"},
	{"请问12345热线能帮忙协调吗", "A:请问12345热线能帮忙协调吗"},
	// Contact cues.
	{"社保缓缴找谁办", "C:社保缓缴找谁办"},
	{"房租能减吗？找谁办", "C:房租能减吗？找谁办"},
	{"房租能减吗，找谁办，电话多少", "C:房租能减吗，找谁办，电话多少"},
	{"李斌电话", "C:李斌电话"},
	{"李斌，电话多少", "C:李斌，电话多少"},
	{"电话多少", "C:电话多少"},
	{"好的，那找谁办", "C:那找谁办"},
	{"社保  电话", "C:社保  电话"},
	// A pointer's contact ask after an ask and the statement explaining
	// it points at what was asked, not at the statement.
	{"用水呢 冷库也用不少水 这个找谁", "C:用水呢 冷库也用不少水 这个找谁"},
	{"房租能减吗，店面是国企的，这个找谁", "C:房租能减吗，店面是国企的，这个找谁"},
	{"用水呢 冷库也用不少水 找谁", "A:用水呢 | C:冷库也用不少水 找谁"},
	{"社保能缓吗？另外我们有个直播间，这个找谁", "A:社保能缓吗 | C:另外我们有个直播间，这个找谁"},
	{"房东不给减租怎么办，找哪个部门投诉", "C:房东不给减租怎么办，找哪个部门投诉"},
	// Greetings, thanks, nothing to ask.
	{"你好", ""},
	{"谢谢", ""},
	{"在吗？", ""},
	{"😭😭😭", ""},
	{"？？？", ""},
	{"我想咨询一下", ""},
	{"你好，请问社保能缓交吗？谢谢", "A:请问社保能缓交吗"},
	{"在吗？社保能缓交吗", "A:社保能缓交吗"},
	// Lead-ins and connectives.
	{"我想咨询一下房租减免的事", "A:我想咨询一下房租减免的事"},
	{"想问一下，房租减免的事", "A:房租减免的事"},
	{"请问：个体工商户减免房屋租金的对象有哪些？", "A:个体工商户减免房屋租金的对象有哪些"},
	{"顺便问一下，宽带费能降吗", "A:宽带费能降吗"},
	{"还有，孵化器的房租补贴怎么申请", "A:孵化器的房租补贴怎么申请"},
	{"社保能缓交吗？另外，公积金能缓交吗", "A:社保能缓交吗 | A:公积金能缓交吗"},
	{"社保能缓交吗另外公积金能缓交吗", "A:社保能缓交吗 | A:另外公积金能缓交吗"},
	// After a modal that needs its verb (能否, 可否), 同时 and 另外 are
	// adverbs of that verb, no turn to a second ask.
	{"个体户能否同时办理社保缓缴和公积金缓缴", "A:个体户能否同时办理社保缓缴和公积金缓缴"},
	{"小店可否另外申请一笔贴息贷款", "A:小店可否另外申请一笔贴息贷款"},
	// FAQ phrasing.
	{"缓缴社会保险费的条件是什么", "A:缓缴社会保险费的条件是什么"},
	{"首次贷款贴息如何办理？", "A:首次贷款贴息如何办理"},
	{"延期还本付息是否影响征信记录？", "A:延期还本付息是否影响征信记录"},
	{"国有房屋租金减免的申请材料包括哪些", "A:国有房屋租金减免的申请材料包括哪些"},
	// Two or more asks.
	{"房租能减吗？员工社保能缓交吗", "A:房租能减吗 | A:员工社保能缓交吗"},
	{"房租能减吗社保能缓交吗", "A:房租能减吗 | A:社保能缓交吗"},
	{"房租能减吗😭社保能缓吗", "A:房租能减吗 | A:社保能缓吗"},
	{"房租能减吗 社保能缓吗", "A:房租能减吗 | A:社保能缓吗"},
	{"1.房租能减吗 2.社保能缓吗 3.贷款能延期吗", "A:房租能减吗 | A:社保能缓吗 | A:贷款能延期吗"},
	{"1、房租能减吗？2、社保能缓吗？", "A:房租能减吗 | A:社保能缓吗"},
	{"房租能减吗？社保呢？公积金呢？", "A:房租能减吗 | A:社保呢 | A:公积金呢"},
	{"水电气欠费会停吗？滞纳金呢？", "A:水电气欠费会停吗 | A:滞纳金呢"},
	{"第一次贷款有没有贴息，利率多少", "A:第一次贷款有没有贴息 | A:利率多少"},
	// Enumerated asks: each is its own ask; the count and the ordinals
	// only open them.
	{"想问两件事：一是房租减免按门店算还是按公司算，二是电费欠了会不会断电？",
		"A:一是房租减免按门店算还是按公司算 | A:二是电费欠了会不会断电"},
	{"想问两件事：第一，房租能减吗；第二，社保能缓吗", "A:房租能减吗 | A:社保能缓吗"},
	{"房租能减吗？社保能缓吗？公积金能缓吗？贷款能延期吗？水电能欠费吗？宽带能降价吗？首贷有贴息吗？担保费能减吗？疫情险怎么买？留抵退税怎么办？",
		"A:房租能减吗 | A:社保能缓吗 | A:公积金能缓吗 | A:贷款能延期吗 | A:水电能欠费吗 | A:宽带能降价吗 | A:首贷有贴息吗 | A:担保费能减吗 | A:疫情险怎么买 | A:留抵退税怎么办"},
	{"我是开饭店的房租能减吗社保能缓交吗找谁办", "A:我是开饭店的房租能减吗 | C:社保能缓交吗找谁办"},
	// Follow-ups without a subject join the ask before.
	{"房租能减吗？能减几个月？", "A:房租能减吗？能减几个月"},
	{"房租能减吗？要什么材料？找谁办？", "C:房租能减吗？要什么材料？找谁办"},
	{"疫情险怎么理赔\n需要什么材料", "A:疫情险怎么理赔\n需要什么材料"},
	{"疫情期间被罚款了，会影响征信吗，能修复吗", "S:疫情期间被罚款了 | A:会影响征信吗，能修复吗"},
	// Story first.
	{"我是开饭店的，店面是国企的房子，能减吗", "S:我是开饭店的 | S:店面是国企的房子 | A:能减吗 <我是开饭店的/店面是国企的房子>"},
	{"我们厂有十几个工人，疫情停工两个月了，社保交不上了，能缓吗",
		"S:我们厂有十几个工人 | S:疫情停工两个月了 | S:社保交不上了 | A:能缓吗 <我们厂有十几个工人/疫情停工两个月了/社保交不上了>"},
	{"新招了几个学徒，有什么补贴", "S:新招了几个学徒 | A:有什么补贴 <新招了几个学徒>"},
	// 没V几 tells "hardly any"; 还没还 is "not yet repaid": statements.
	{"饭馆这个月没开几天门，房租能减吗", "S:饭馆这个月没开几天门 | A:房租能减吗"},
	{"经营贷还没还完，社保能缓吗", "S:经营贷还没还完 | A:社保能缓吗"},
	// 是A还是B asks which of two; 不管是A还是B tells both.
	{"听说招应届生有补贴，是给企业还是给个人", "S:听说招应届生有补贴 | A:是给企业还是给个人"},
	{"不管是国企还是私企的房子我们都租过", "A:不管是国企还是私企的房子我们都租过"},
	// 再一个就是 turns to a second ask like 另外; a lead-in after a
	// connective's statement puts its question, not a third ask.
	{"房租能减吗？再一个就是想找担保公司借点钱周转，担保费能少点吗",
		"A:房租能减吗 | A:再一个就是想找担保公司借点钱周转，担保费能少点吗"},
	{"社保能缓吗 还有物流车老被拦 想知道通行证咋办", "A:社保能缓吗 | A:还有物流车老被拦 想知道通行证咋办"},
	{"我是做物流的，货车司机的贷款能延期吗", "S:我是做物流的 | A:货车司机的贷款能延期吗"},
	{"我家开了个奶茶店，房东是私人的，租金能减免吗", "S:我家开了个奶茶店 | S:房东是私人的 | A:租金能减免吗"},
	{"我开饭店的疫情停了三个月现在房租都交不起了", "A:我开饭店的疫情停了三个月现在房租都交不起了"},
	// Who the asker is, told before a single space and an ask, is the
	// story, as it is before a comma.
	{"我是开超市的 房租能减吗", "S:我是开超市的 | A:房租能减吗"},
	{"我开了个小书店 想问下房租能不能减", "S:我开了个小书店 | A:想问下房租能不能减"},
	{"开了个小书店 房租能不能减", "S:开了个小书店 | A:房租能不能减"},
	{"我们公司是做软件开发的，去年被认定为专精特新，有没有奖励",
		"S:我们公司是做软件开发的 | S:去年被认定为专精特新 | A:有没有奖励 <我们公司是做软件开发的/去年被认定为专精特新>"},
	{"开饭店的，有什么补贴", "S:开饭店的 | A:有什么补贴 <开饭店的>"},
	{"我是个体户，我这种算不算？", "S:我是个体户 | A:我这种算不算 <我是个体户>"},
	{"我们村的合作社，农产品卖不出去，能不能帮忙对接直播带货", "S:我们村的合作社 | S:农产品卖不出去 | A:能不能帮忙对接直播带货"},
	{"营业执照快到期了。疫情期间能顺延吗？", "S:营业执照快到期了 | A:疫情期间能顺延吗 <营业执照快到期了>"},
	{"我是开理发店的。。。生意太差了！！！房租能不能少交点？？？", "S:我是开理发店的 | S:生意太差了 | A:房租能不能少交点"},
	{"我们是外资企业，研发中心在中关村，技术转让能免税吗", "S:我们是外资企业 | S:研发中心在中关村 | A:技术转让能免税吗"},
	{"你好，我是密云的个体户，开了家小超市，三个员工，疫情这两年生意不好，房租是镇上的房子，想问问房租能减吗，另外员工的社保能缓交吗，都找谁办，谢谢",
		"S:我是密云的个体户 | S:开了家小超市 | S:三个员工 | S:疫情这两年生意不好 | S:房租是镇上的房子 | A:想问问房租能减吗 | C:另外员工的社保能缓交吗，都找谁办"},
	{"能减吗？店面是国企的", "S:店面是国企的 | A:能减吗 <店面是国企的>"},
	// A lead-in naming only the asker opens the story before the question.
	{"我退休了，替儿子问问：他在密云上班，租的商品房，他能提取公积金付房租吗",
		"S:我退休了 | S:替儿子问问 | S:他在密云上班 | S:租的商品房 | A:他能提取公积金付房租吗"},
	{"帮我表哥问问：他的饭馆租的国企的房子，房租能减吗", "S:帮我表哥问问 | S:他的饭馆租的国企的房子 | A:房租能减吗"},
	{"替儿子问问：他能提取公积金付房租吗", "A:替儿子问问：他能提取公积金付房租吗"},
	// A lead-in naming its subject that no question closes asks about
	// that subject; the story told after it stays story.
	{"租的是国企的房子，想问问房租那个事，我们去年就听说能减，一直没去问", "S:租的是国企的房子 | S:我们去年就听说能减 | S:一直没去问 | A:想问问房租那个事"},
	{"想问问房租那个事，我们去年就听说能减，国企的房子能减几个月？", "A:想问问房租那个事，我们去年就听说能减，国企的房子能减几个月"},
	// A lead-in naming nothing leaves the statements after it its ask.
	{"我想咨询一下，我们是个体户，一直没去问", "A:我们是个体户，一直没去问"},
	// A lead-in naming nothing but another matter, then a story that ends
	// in a question naming nothing: the story is told as it is without
	// the lead-in, and is the question's context.
	{"还有个事，好几个工地欠我们钢材款，拖了大半年了，政府管不管",
		"S:好几个工地欠我们钢材款 | S:拖了大半年了 | A:政府管不管 <好几个工地欠我们钢材款/拖了大半年了>"},
	{"好几个工地欠我们钢材款，拖了大半年了，政府管不管",
		"S:好几个工地欠我们钢材款 | S:拖了大半年了 | A:政府管不管 <好几个工地欠我们钢材款/拖了大半年了>"},
	{"还有个闹心事，有家造纸厂欠我废纸款，拖了大半年不给，这种政府管不管",
		"S:有家造纸厂欠我废纸款 | S:拖了大半年不给 | A:这种政府管不管 <有家造纸厂欠我废纸款/拖了大半年不给>"},
	{"另外一个事：店里水电费欠了两个月没交，会不会给停了", "S:店里水电费欠了两个月没交 | A:会不会给停了 <店里水电费欠了两个月没交>"},
	{"再问个事，我们店关了三个月，能补吗", "S:我们店关了三个月 | A:能补吗 <我们店关了三个月>"},
	{"还有件事想问一下，我们店关了三个月，能补吗", "S:我们店关了三个月 | A:能补吗 <我们店关了三个月>"},
	{"房租能减吗？还有个事，我们店关了三个月，能补吗", "S:我们店关了三个月 | A:房租能减吗 | A:能补吗 <我们店关了三个月>"},
	// Read as before: a lead-in without a matter; a matter named (社保的
	// 事); the question right after the matter; a question naming its
	// own subject.
	{"还有，我新招了两个小伙子，签了两年合同，有补贴吗", "A:我新招了两个小伙子，签了两年合同，有补贴吗"},
	{"还有个社保的事，我们店关了三个月，能缓吗", "A:还有个社保的事，我们店关了三个月，能缓吗"},
	{"还有个事，能补吗", "A:能补吗"},
	{"还有个事，我们店关了三个月，房租能减吗", "A:我们店关了三个月，房租能减吗"},
	// "真的假的" asks whether what was heard is true.
	{"孵化器的人说能减房租，真的假的", "S:孵化器的人说能减房租 | A:真的假的 <孵化器的人说能减房租>"},
	// 几个 after a place word counts things: told, not asked.
	{"给村里几个合作社送菜，货款有人管吗", "S:给村里几个合作社送菜 | A:货款有人管吗"},
	// A forum post: its tag, its title label and the greeting to the
	// board ask nothing; a hesitation neither; a count after a place
	// beside the asker's is "several".
	{"【求助】水电费的事\n各位大佬好，小店欠了两个月电费，会停电吗", "S:水电费的事 | S:小店欠了两个月电费 | A:会停电吗"},
	{"题目：公积金能不能缓交？\n大家好，我们公司效益不好", "S:我们公司效益不好 | A:公积金能不能缓交"},
	{"哎，咋说呢，店旁边几家都关门了，社保能缓吗", "S:哎 | S:店旁边几家都关门了 | A:社保能缓吗"},
	// A plan with a count told after the clause naming the asker: "a few".
	{"我们是做装修的，今年打算接几个政府的活，保证金能少交点吗", "S:我们是做装修的 | S:今年打算接几个政府的活 | A:保证金能少交点吗"},
	{"厂里订单多了，准备再招几名工人，有补贴吗", "S:厂里订单多了 | S:准备再招几名工人 | A:有补贴吗 <厂里订单多了/准备再招几名工人>"},
	// 近几 is "the last several", told: 最近几个月 asks nothing.
	{"最近几个月没什么活，房租能减吗", "S:最近几个月没什么活 | A:房租能减吗"},
	// An ask a connective opens names its subject in a later clause:
	// the story before it is not its context.
	{"开了个小店，另外打算买辆小车，车价十二万，购置税能减半吗", "S:开了个小店 | A:另外打算买辆小车，车价十二万，购置税能减半吗"},
	// A question word with 都/也 and a negation after it says "none at
	// all": the story, not an ask.
	{"我爸开了个修车铺，啥手续都没办过，现在补办营业执照要多久", "S:我爸开了个修车铺 | S:啥手续都没办过 | A:现在补办营业执照要多久"},
	{"店里什么补贴也没领过，为啥别人都有", "S:店里什么补贴也没领过 | A:为啥别人都有"},
	// Typed without a stop, a story runs into the ask a lead-in opens
	// ("我想问问"); a greeting before one does not cut it.
	{"我在镇上开了家面馆房子是区属国企的去年关了好几个月我想问问房租减免的事还有员工的社保能不能缓",
		"S:我在镇上开了家面馆房子是区属国企的去年关了好几个月 | A:我想问问房租减免的事 | A:还有员工的社保能不能缓"},
	{"你好我想问问房租能减吗", "A:你好我想问问房租能减吗"},
	// A letter listing its matters by number and asking for a reply asks
	// about each; numbered facts before a question stay its story.
	{"本人受两家企业委托咨询：1.某餐饮公司环境核酸检测费用补贴事宜；2.某小微企业住房公积金缓缴事宜。请予答复。",
		"S:本人受两家企业委托咨询 | A:某餐饮公司环境核酸检测费用补贴事宜 | A:某小微企业住房公积金缓缴事宜"},
	{"我们公司情况如下：1.员工二十人；2.租的是国企的房子。请问房租能减吗？",
		"S:我们公司情况如下 | S:员工二十人 | S:租的是国企的房子 | A:请问房租能减吗"},
	// Set 34 (stop 58): a complaint worksheet (本人反映：…诉求如下：…请相关部门
	// 予以答复) asks its demands; its opening and closing formulae ask
	// nothing, each numbered demand is an ask, and a lone 另 opens the
	// next one.
	{"本人反映：本店系个体工商户，被处以罚款并公示。诉求如下：申请撤下公示，恢复信用。请相关部门予以答复。",
		"S:本店系个体工商户 | S:被处以罚款并公示 | A:申请撤下公示，恢复信用"},
	{"本人反映：燃气公司通知将停气。诉求如下：1.暂缓停气；2.免收滞纳金。另，我单位公积金也未能缴纳，想问能否缓缴。请相关部门予以答复。",
		"S:燃气公司通知将停气 | A:暂缓停气 | A:免收滞纳金 | A:我单位公积金也未能缴纳，想问能否缓缴"},
	{"我公司货款至今未付。诉求如下：请督促付款方尽快付款。恳请有关部门尽快回复。",
		"S:我公司货款至今未付 | A:请督促付款方尽快付款"},
	// A demand's addressee (请相关部门) is asked nothing.
	{"本人反映：我公司货款至今未付。诉求如下：请相关部门督促付款方尽快付款。请相关部门予以答复。",
		"S:我公司货款至今未付 | A:督促付款方尽快付款"},
	// A kind the story told and the ask points at (有这种保险吗) takes the
	// story as its context; the asker's own kind (我们这种小店) or an
	// example before the pointer (专精特新这类企业) does not.
	{"农家乐想买个保险，万一因为疫情封了不让营业，能赔点钱，有这种保险吗？",
		"S:农家乐想买个保险 | S:万一因为疫情封了不让营业 | S:能赔点钱 | A:有这种保险吗 <农家乐想买个保险/万一因为疫情封了不让营业/能赔点钱>"},
	{"我们是一家生物科技公司，区里对专精特新这类企业融资上市有啥扶持？",
		"S:我们是一家生物科技公司 | A:区里对专精特新这类企业融资上市有啥扶持"},
	// "想问两个事" only announces the asks 一是/二是 open.
	{"我们饭店想问两个事：一是房租能不能减，二是社保能不能缓", "S:我们饭店想问两个事 | A:一是房租能不能减 | A:二是社保能不能缓"},
	// The second ask's subject is what was told after the first ask, not
	// the first ask's story.
	{"我姐开了个小吃店，租的是区国资委管的房子，这种国有房能减房租吗？店里员工每周都做核酸，钱能给补点吗？",
		"S:我姐开了个小吃店 | S:租的是区国资委管的房子 | S:店里员工每周都做核酸 | A:这种国有房能减房租吗 <我姐开了个小吃店/租的是区国资委管的房子> | A:钱能给补点吗 <店里员工每周都做核酸>"},
	// "X啥的" is "X and the like"; "干啥的" asks.
	{"听说区里在推乡村旅游线路，有水库之路啥的，我们想加入，具体咋回事",
		"S:听说区里在推乡村旅游线路 | S:有水库之路啥的 | S:我们想加入 | A:具体咋回事"},
	{"这个服务中心是干啥的", "A:这个服务中心是干啥的"},
	// A quoted chat: a bare "这个到底有没有" asks about what the first
	// speaker said, not about the reply doubting it; the names before the
	// colons tell nothing.
	{"老王：区里有个项目，饭店能拿一半的钱\n小李：吹吧你\n——我们店刚装修完，想知道这个到底有没有",
		"S:老王 | S:区里有个项目 | S:饭店能拿一半的钱 | S:小李 | S:吹吧你 | S:我们店刚装修完 | A:想知道这个到底有没有 <区里有个项目/饭店能拿一半的钱/我们店刚装修完>"},
	// The asker asking what they do, answered in the next clause, tells
	// their trade (嘎哈: northeastern 干啥).
	{"我嘎哈的呢，开大货车的，进京的名单咋上", "S:我嘎哈的呢 | S:开大货车的 | A:进京的名单咋上"},
	{"我是干啥的呢，开饭店的。房租能减吗", "S:我是干啥的呢 | S:开饭店的 | A:房租能减吗"},
	// "这两个能办吗" after two needs asks about each; the pointer names
	// nothing and is dropped. With one need it stays the ask.
	{"饭馆停业了，房租交不上了，社保也想缓一缓，这两个能办吗", "S:饭馆停业了 | A:房租交不上了 | A:社保也想缓一缓"},
	{"店里房租交不上了，这两个能办吗", "S:店里房租交不上了 | A:这两个能办吗 <店里房租交不上了>"},
	{"老房子是八几年自己盖的，墙裂了，咋整", "S:老房子是八几年自己盖的 | S:墙裂了 | A:咋整 <老房子是八几年自己盖的/墙裂了>"},
	// A statement pointing at several things, then a bare question.
	{"许可证到期了还没续上，经营贷还逾期了一次，两件事一起来，咋整", "A:许可证到期了还没续上 | A:经营贷还逾期了一次"},
	// Trial 47 (stop 55): a clause of filler (a lead-in with a particle,
	// an interjection however marked) is never an ask of its own.
	{"那我打这个王楠的电话问问吧。另外我俩员工的社保这几个月也交不起，能缓吗", "S:那我打这个王楠的电话 | A:另外我俩员工的社保这几个月也交不起，能缓吗"},
	{"啊？那我这种单独一家的个体便利店就不能减房租了？", "A:那我这种单独一家的个体便利店就不能减房租了"},
	{"哦？社保能缓吗", "A:社保能缓吗"},
	{"请问一下吧，社保能缓吗", "A:社保能缓吗"},
	// Other scripts.
	{"first loan subsidy", "A:first loan subsidy"},
	{"What about 社保?", "A:What about 社保"},
	{"首贷 贴息", "A:首贷 贴息"},
}

func TestSplit(t *testing.T) {
	if len(splitCases) < 60 {
		t.Fatalf("only %d cases", len(splitCases))
	}
	failed := 0
	for _, tc := range splitCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			failed++
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
	t.Logf("%d of %d messages read as expected", len(splitCases)-failed, len(splitCases))
}

// TestImplied: an ask is implied only when the message asks nothing.
func TestImplied(t *testing.T) {
	for msg, want := range map[string]bool{
		"社保缓缴": true,
		"订单全退了，贷款下个月就到期，手里一分钱没有": true,
		"社保能缓交吗":      false,
		"店开了两年，有补贴没有": false,
	} {
		m := Split(msg)
		if len(m.Asks) != 1 || m.Asks[0].Implied != want {
			t.Errorf("Split(%q): %+v, want one ask, implied %v", msg, m.Asks, want)
		}
	}
}

// TestSplitSpaces: owners on a phone put a single space where they would
// write a comma; it breaks the clause between runs of Chinese, not inside
// Latin words, numbers or a keyword search's short words.
func TestSplitSpaces(t *testing.T) {
	cases := []splitCase{
		{"你好 我在镇上开了个小火锅店 雇了五六个员工 今年疫情闹的生意很差 房子是租的区里国企的 房租能不能减",
			"S:我在镇上开了个小火锅店 | S:雇了五六个员工 | S:今年疫情闹的生意很差 | S:房子是租的区里国企的 | A:房租能不能减"},
		{"您好 店面是国企的房子 租金很高 能减吗", "S:店面是国企的房子 | S:租金很高 | A:能减吗 <店面是国企的房子/租金很高>"},
		{"在吗 我们厂有十几个工人 停工两个月了 社保能缓吗", "S:我们厂有十几个工人 | S:停工两个月了 | A:社保能缓吗"},
		// A need before a space ends its clause as a question does.
		{"店里员工的社保想缓一缓 听说宽带资费降了是真的吗", "S:店里员工的社保想缓一缓 | A:听说宽带资费降了是真的吗"},
		// A price complaint before a space is one complaint with its ask.
		{"门口停车场收费太贵了 能不能便宜点", "A:门口停车场收费太贵了 能不能便宜点"},
		// One space between two parts is no story: read whole, as before.
		{"租的厂房要拆迁了 补偿标准是多少", "A:租的厂房要拆迁了 补偿标准是多少"},
		{"您好 我是开超市的 房租能减吗", "S:我是开超市的 | A:房租能减吗"},
		// An event told with 了 and what it came to before one space is the
		// story; the ask after it is read alone.
		{"疫情那会关了快仨月 房租能减吗", "S:疫情那会关了快仨月 | A:房租能减吗"},
		{"店停了两个月 社保能缓交吗", "S:店停了两个月 | A:社保能缓交吗"},
		// A lead-in said only to the clerk opens the story after it.
		{"老板问一下 我们是搬家公司 8台货车 车贷压力很大 货车司机的贷款能延期吗",
			"S:老板问一下 | S:我们是搬家公司 8台货车 车贷压力很大 | A:货车司机的贷款能延期吗"},
		{"师傅请问，我们饭店停业了，社保能缓交吗", "S:师傅请问 | S:我们饭店停业了 | A:社保能缓交吗"},
		{"老板问一下 社保能缓交吗", "A:老板问一下 社保能缓交吗"},
		// The addressee may be 老板娘, and a particle may close the lead-in.
		{"老板娘问一下哈，我开文具店的，房租是跟国企租的门脸，听说能减房租？？",
			"S:老板娘问一下哈 | S:我开文具店的 | S:房租是跟国企租的门脸 | A:听说能减房租"},
		// A lead-in after a single space opens the ask.
		{"租的是镇上的房子 想问一下房租能减吗", "S:租的是镇上的房子 | A:想问一下房租能减吗"},
		{"打扰一下 我们就是个体户 没开公司 能不停供吗",
			"S:我们就是个体户 | S:没开公司 | A:能不停供吗"},
		{"请问 国有房屋租金怎么减免", "A:国有房屋租金怎么减免"},
		// A plan told before a space is the story of an ask naming its own
		// subject; before a bare ask it is what is asked.
		{"想接点政府的印刷活 政府采购对小厂有照顾吗", "S:想接点政府的印刷活 | A:政府采购对小厂有照顾吗"},
		{"打算再买两辆小面包 买车能减税吗", "S:打算再买两辆小面包 | A:买车能减税吗"},
		// A count inside a clause does not join it to the next.
		{"我们车队有12辆冷藏车 疫情停了两个月 社保能缓吗", "S:我们车队有12辆冷藏车 | S:疫情停了两个月 | A:社保能缓吗"},
		// Not between clauses: a keyword search, Latin words, numbers.
		{"社保 缓缴", "A:社保 缓缴"},
		{"首贷 贴息 条件", "A:首贷 贴息 条件"},
		{"我在app 上申请的社保缓缴", "A:我在app 上申请的社保缓缴"},
		{"贷款 2.5 万能贴息吗", "A:贷款 2.5 万能贴息吗"},
		{"人社局 养老金多少", "A:人社局 养老金多少"},
		{"shebao neng huanjiao ma", "A:shebao neng huanjiao ma"},
	}
	checkSplits(t, cases)
}

// TestTrimConnective: the connective opening an ask is cut, nothing else.
func TestTrimConnective(t *testing.T) {
	for in, want := range map[string]string{
		"再有就是想问开分店的审批能网上办吗": "想问开分店的审批能网上办吗",
		"再就是水费也欠着 会停水吗":     "水费也欠着 会停水吗",
		"另外":                "另外",
		"房租能减吗":             "房租能减吗",
	} {
		if got := TrimConnective(in); got != want {
			t.Errorf("TrimConnective(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCasePutToAsk: a question that only puts a case to the ask before it
// ("村集体的房子算不算") is told with that ask, not asked apart.
func TestCasePutToAsk(t *testing.T) {
	for _, tc := range []struct {
		text string
		asks int
	}{
		{"房租能减吗 村集体的房子算不算", 1},
		{"社保能缓吗，我们餐饮的算不算？", 1},
		{"房租能减吗 另外个体户算不算", 2},
		{"算不算专精特新", 1},
		// A bare "能算吗" names no case; a need told ("听说社保能缓缴") is
		// no question the case is put to.
		{"听说社保能缓缴 我们这种培训公司也行吗", 1},
	} {
		if m := Split(tc.text); len(m.Asks) != tc.asks {
			t.Errorf("%s: %d asks %+v, want %d", tc.text, len(m.Asks), m.Asks, tc.asks)
		}
	}
}

// splitCase is a message and how Split reads it (describe's form).
type splitCase struct{ msg, want string }

// checkSplits reports every case whose message Split reads otherwise.
func checkSplits(t *testing.T, cases []splitCase) {
	t.Helper()
	for _, c := range cases {
		if got := describe(Split(c.msg)); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}

// TestTurnedByOpener: a connective standing alone before a question
// (另外，…) turns it to another matter as one inside it does; a lead-in
// standing alone does not.
func TestTurnedByOpener(t *testing.T) {
	for _, tc := range []struct {
		msg    string
		turned bool
	}{
		{"区里欠我们工程款两年了。另外，房租能减吗？", true},
		{"区里欠我们工程款两年了。另外房租能减吗？", true},
		{"区里欠我们工程款两年了。请问，房租能减吗？", false},
	} {
		m := Split(tc.msg)
		if len(m.Asks) != 1 || m.Asks[0].Turned != tc.turned {
			t.Errorf("Split(%q): asks %+v, want one turned=%v", tc.msg, m.Asks, tc.turned)
		}
	}
}
