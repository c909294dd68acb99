package clause

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the cue tables: general Chinese, not any guide's words.
// Matching is by substring, longest cue first where it matters.

// questionWords make a clause a question wherever they occur (with the
// exceptions in notQuestion).
var questionWords = []string{
	"吗", "怎么", "怎样", "如何", "咋", "多少", "多久", "多长", "多大", "多高",
	"几", "什么", "啥", "哪", "谁", "为什么", "为啥", "是否", "能否", "可否",
	"何时", "何地", "有无",
	// "孵化器说能给我们减房租 真的假的": is what was heard true? An
	// either-or without 还是.
	"真的假的", "是真是假",
	// Tianjin's 嘛 for 什么 ("服务包是嘛玩意儿": what is it), which
	// Mandarin's particle 嘛 ("是嘛") never holds before 玩意.
	"嘛玩意",
}

// notQuestion are phrases containing a question word that do not ask
// anything: 十几个员工, 好几年, 哪怕, 没什么, 什么都, 我们几个人, 一直没拿过什么补贴;
// 了几 after a verb tells what was done (招了几个应届生, 关了几个月).
var notQuestion = []string{
	"十几", "几十", "几百", "几千", "几万", "好几", "几乎", "一几", "二几", "两几", "了几",
	// A correction ("不对不对，我说差了"), not the tag question 对不对.
	"不对不对",
	// A decade read approximately (八几年盖的房子, 九几年): told, not asked.
	"三几年", "四几年", "五几年", "六几年", "七几年", "八几年", "九几年", "零几年",
	"这几", "那几", "前几", "近几", "头几", "过几", "隔几", "没几", "就几", "才几", "几个人的", "几家",
	"我们几个", "咱们几个", "我们俩", "还有几样", "还有几个", "没拿过什么", "没享受过什么", "没领过什么",
	"哪怕", "没什么", "没啥", "不怎么", "没怎么", "什么都", "什么的",
	// "有水库之路啥的": "and the like", told (but 做啥的 asks: whatFor).
	"啥的", "谁都", "多少有", "或多或少",
	// 还没还 is "not yet repaid" (还 still), no "X没X" choice: 消费贷还没还完.
	"还没还",
	// A count after a place word is "several" (给区里几个单位做安保, 村里几
	// 户人家); asking it takes a verb first (区里有几个).
	"里几个", "里几家", "里几户",
	// … and after a place beside the asker's (周边几个工地的工人常来).
	"边几个", "边几家", "近几个", "近几家",
	// Concessive "whatever" (不管怎样，房租能减吗): the question word is
	// part of the concession, which asks nothing.
	"不管怎样", "不管怎么", "不管多少", "不管什么", "不管啥", "不管哪", "不管谁",
	"无论如何", "无论怎样", "无论怎么", "无论多少", "无论什么", "无论哪", "无论谁",
	"不论如何", "不论怎样", "不论多少", "不论什么", "不论哪", "不论谁",
	// A question word said twice holds the place of a name the owner does
	// not recall (章上是个什么什么集团有限公司, 叫啥啥中心): told, not asked.
	"什么什么", "啥啥", "哪个哪个", "谁谁",
}

// whatFor ask what something is for ("这个中心是干啥的"), which the 啥的
// of notQuestion would hide.
var whatFor = []string{"做啥的", "干啥的", "是啥的", "搞啥的", "管啥的"}

// leadIns announce a question ("请问", "想问一下社保的事"): the clause
// holding one, or the clause after a lead-in standing alone, is an ask.
var leadIns = append([]string{
	"请问", "想问", "问一下", "问问", "咨询", "想了解", "想知道", "打听", "求问",
	"帮我查", "帮忙查", "告诉我", "请教",
}, demandHeadings...) // "诉求如下：1.暂缓停气；2.免收滞纳金": what follows is asked

// demandHeadings head the demands of a complaint worksheet (本人反映：…诉
// 求如下：…请相关部门予以答复): each numbered demand after one, to the end
// of its sentence, is an ask of its own, and the unnumbered clauses of a
// demand are one ask; a demand asks though it has no question cue
// ("申请撤下公示，恢复信用").
var demandHeadings = []string{"诉求如下", "诉求是", "诉求为", "具体诉求", "主要诉求", "请求如下",
	// A formal application's (申请人系…现特申请如下：一、…；二、…) and a
	// letter's (现将有关事项请示如下) headings do the same.
	"申请如下", "请示如下", "事项如下", "请求事项", "申请事项"}

// connectives start another ask: a clause after one is an ask even
// without a question cue, and one met after a question inside a clause
// starts a new clause.
var connectives = []string{
	"另外", "还有就是", "还有", "顺便问一下", "顺便问问", "顺便", "再问一下", "再问问",
	"以及", "同时", "还想问", "还想了解", "还想咨询", "还要问", "此外", "再就是", "另问",
	"再一个就是", "再一个是", "再有就是", "还有一个就是",
	// "想问两个事一个是…另一个是…": the second of two asks announced.
	"另一个就是", "另一个是", "另外一个就是", "另外一个是", "第二个就是", "第二个是",
	// Enumerated asks, as official letters and 12345 worksheets number
	// them: "想问两件事：一是…，二是…".
	"一是", "二是", "三是", "四是", "五是", "其一", "其二", "其三",
}

// headlessModals ask whether something may be done and need the verb
// after them: a connective right after one is an adverb of that verb
// ("可否同时享受", "能否另外申请", "是否还有"), no new ask.
var headlessModals = []string{"可否", "能否", "是否", "能不能", "可不可以", "可以不可以", "会不会", "要不要", "能", "可以"}

// spokenConnectives join asks in speech and in voice input, which types
// no punctuation ("…怎么申请然后就是水电费欠费会不会停"). Unlike the
// connectives they also join the events of a story ("疫情来了然后店就关
// 了"), so they start a new clause only after a question or a need, and a
// clause opening with one is no ask without a cue of its own.
var spokenConnectives = []string{"然后就是", "然后还有", "然后呢", "然后", "再一个"}

// DefaultContactCues are the phrases that ask for whom to contact. A
// clause made of them and filler only (找谁办, 电话多少) is a contact
// clause. See WithContactCues.
var DefaultContactCues = []string{
	"找谁", "问谁", "联系谁", "打给谁", "电话", "号码", "手机号", "座机", "联系方式", "联系人",
	"哪个部门", "什么部门", "哪个单位", "哪个科室", "谁负责", "谁管", "负责人", "怎么联系",
	"如何联系", "怎样联系", "在哪办", "去哪办", "哪里办", "在哪里办", "去哪里办", "到哪办",
	"地址", "办公地点", "在哪",
}

// contactRequests ask for something to be given, written or told: with a
// contact cue ("请把区人保局的联系电话完整写出来", "李杰的电话发我一下")
// the clause asks for that contact, though it holds no question word.
var contactRequests = []string{
	"请把", "请给", "请告诉", "请发", "请写", "请列", "请提供", "请完整", "麻烦把", "麻烦给", "帮我把", "帮忙把",
	"给我", "发我", "发给我", "告诉我", "写出来", "写一下", "写下来", "写全", "列出来", "列一下", "发一下",
	"提供一下", "报一下", "说一下",
}

// contactFiller is what may surround contact cues in a contact clause.
var contactFiller = []string{
	"请问", "麻烦", "那么", "那", "的话", "应该", "需要", "要", "该", "去", "到", "办理", "办",
	"是什么", "是多少", "是", "多少", "吗", "呢", "啊", "呀", "一下", "问", "请", "给", "个",
	"具体", "的", "有没有", "有", "没有", "知道", "告诉", "我", "您", "你们", "你", "什么",
	"哪个", "哪里", "怎么", "谁", "能", "可以", "和", "及", "或者", "还有", "另外", "部门",
	"咨询", "联系", "打", "留", "一个", "发", "我想", "想", "投诉", "反映", "求助", "申请", "举报",
}

// openerFiller is what may stand with a lead-in or connective in a clause
// that only opens the next one (还有一个问题, 另外一件事).
var openerFiller = []string{
	"一个问题", "个问题", "问题", "一件事", "件事", "事", "问下", "下",
	// "想问两件事：第一，…；第二，…": the count and the ordinals only open
	// the asks that follow.
	"两件事", "几件事", "三件事", "两个问题", "几个问题", "三个问题", "第一", "第二", "第三", "第四", "第五",
	// Spoken, with the general classifier: "想问两个事：一是…，二是…".
	"两个事", "几个事", "三个事", "两个事情", "几个事情",
	// Spoken filler before a lead-in ("就是想问一下"): it opens nothing more.
	"就是",
	// The written register's adverbs before a heading ("现特申请如下", "现将
	// 有关事项请示如下"): they name no matter.
	"现特", "特此", "现将", "现就", "现",
	// The written connective standing alone ("…2.免收滞纳金。另，我单位…
	// 想问能否缓缴"): it opens the next ask as 另外 does.
	"另",
}

// chatter are whole clauses that carry no request.
var chatter = map[string]bool{
	"你好": true, "您好": true, "你们好": true, "老师好": true, "领导好": true, "在吗": true,
	"在不在": true, "有人吗": true, "有人在吗": true, "谢谢": true, "谢谢你": true, "谢谢您": true,
	"多谢": true, "感谢": true, "非常感谢": true, "谢谢了": true, "麻烦了": true, "麻烦您了": true,
	"麻烦你了": true, "打扰了": true, "打扰一下": true, "辛苦了": true, "好的": true, "嗯": true,
	"嗯嗯": true, "哦": true, "好": true, "行": true, "收到": true, "明白了": true, "知道了": true,
	"ok": true, "OK": true, "哈哈": true, "早上好": true, "上午好": true, "下午好": true, "晚上好": true,
	"您好请问": true, "你好请问": true, "急": true, "在线等": true, "急急急": true,
	// A formal letter's salutation and closing (尊敬的领导：…望予答复。此致
	// 敬礼！) carry no request: told as situation, they were the context
	// of the letter's first subjectless ask.
	"尊敬的领导": true, "尊敬的各位领导": true, "尊敬的工作人员": true, "各位领导": true,
	"望予答复": true, "望予回复": true, "盼复": true, "盼复为谢": true, "望答复": true, "望回复": true,
	"请予答复": true, "恳请答复": true, "此致": true, "敬礼": true, "此致敬礼": true, "此致 敬礼": true,
	// A complaint worksheet's opening (本人反映：…): it names no matter.
	"本人反映": true, "现反映如下": true, "反映如下": true, "反映问题如下": true,
	// A forum post's labels ("标题：…", "【求助】…") and a speaker's
	// hesitation ("唉，怎么说呢，…") announce what follows and ask nothing.
	"标题": true, "主题": true, "题目": true, "求助帖": true, "提问": true,
	"怎么说呢": true, "咋说呢": true, "怎么讲呢": true, "该怎么说呢": true,
}

// aspectWords name an aspect of some measure, not which one: an ask made
// of them and generic words ("要什么材料", "能修复吗", "疫情期间能顺延吗",
// "有没有奖励") has no subject.
var aspectWords = []string{
	// What one asks about a measure.
	"材料", "资料", "手续", "条件", "流程", "程序", "时间", "时候", "期限", "标准",
	"要求", "对象", "范围", "比例", "金额", "额度", "证明", "网址", "网站", "地方",
	"政策", "规定", "办法", "文件", "细节", "具体", "情况", "事情", "事儿", "问题",
	"截止", "开始", "结束", "多久", "多长", "几个月", "怎么办", "怎么样",
	// What any measure gives.
	"奖励", "补贴", "补助", "优惠", "扶持", "支持", "帮助", "好处", "福利", "资金",
	// What one does with any measure.
	"修复", "撤销", "撤回", "退还", "退回", "办理", "申请", "申报", "认定", "审批",
	"顺延", "延期", "延长", "续期", "报销", "领取", "提取", "恢复", "享受", "补缴",
	"减免", "免除", "减半", "缓缴", "缓交",
	// Whether anyone sees to it at all ("这种政府管不管", "有人管吗"):
	// every measure is the government's.
	"政府", "管不管", "有人管", "有没有人管",
	// When.
	"疫情期间", "疫情", "今年", "明年", "去年", "现在", "目前", "这段时间", "这两年",
	"期间", "以后", "之前", "之后", "最近",
}

// genericChars are characters that name no subject on their own: modal
// verbs, the relief verbs every measure uses, particles, pronouns,
// numbers and units.
const genericChars = "能可以会要需想得够否减免少缓延退补交缴办理申请报领拿享受适用算有没是给多还再也都就" +
	"吗呢吧啊呀么嘛哦的了着过我你您他她它们这那个月年天次块钱元万几啥谁哪怎什样如何咋不该应去来到在和" +
	"跟对把被让为从一下点些呗啦么"

// caseEnds close a question that puts a case to the ask before it rather
// than asking something new: "村集体的房子算不算" after "房租能减吗".
var caseEnds = []string{"算不算", "算吗", "算不", "也算", "属不属于", "包不包括", "包括吗", "在内吗", "在不在内", "也行吗", "也可以吗", "也适用吗"}

// putsCase reports whether question s only puts a case to the ask before
// it: it ends with a case cue (caseEnds) after words naming the case
// ("村集体的房子", not a bare "能算吗"), and asks nothing else.
func putsCase(s string) bool {
	t := strings.TrimRight(s, "？?！!。 　吧呀啊呢")
	for _, e := range caseEnds {
		if rest, ok := strings.CutSuffix(t, e); ok {
			n := 0
			for _, c := range rest {
				if unicode.IsLetter(c) && !strings.ContainsRune(genericChars, c) {
					n++
				}
			}
			return n >= 2 && !containsAny(rest, questionWords)
		}
	}
	return false
}

// elaborationStarts and elaborationEnds mark a statement that only gives
// an example or the kind of what the ask before it asks about ("政府工程
// 有照顾吗，联合体投标那种", "还有啥能用的，比如贷款"): it belongs to that ask.
var (
	elaborationStarts = []string{"比如", "例如", "譬如", "像是", "就是那种", "就是"}
	// "…有没有优惠 留抵退税什么的": what is named before 什么的/啥的/等等 is the
	// example of what was asked, not the story.
	elaborationEnds = []string{"那种", "那样的", "这种", "之类的", "之类", "那类", "这类", "那个", "什么的", "啥的", "等等"}
)

// reliefNames end the name of a relief as a guide's heading or a search
// box would put it ("贷款延期", "购置税减半", "房租减免"): a clause that is
// only such a name asks about it as "社保缓缴" alone does.
var reliefNames = []string{
	"延期", "缓缴", "缓交", "减免", "减半", "免征", "补贴", "补助", "贴息", "退税", "返还", "降费", "免租", "减租",
}

// namesRelief reports whether s is only the name of a relief: its subject
// and a relief name (reliefNames), Chinese only, short, told by nobody
// (no 我, no 了 or 过 of something done), no verb of having or hearing
// before it ("听说有创业补助" tells what was heard: the story of the ask
// after it).
func namesRelief(s string) bool {
	s = strings.TrimFunc(s, isSpace)
	n := utf8.RuneCountInString(s)
	if n < minReliefName || n > maxReliefName || hanRunes(s) != n || strings.ContainsAny(s, "我咱了过有") || containsAny(s, wishWords) {
		return false
	}
	for _, w := range reliefNames {
		if rest, ok := strings.CutSuffix(s, w); ok {
			k := 0
			for _, c := range rest {
				if !strings.ContainsRune(genericChars, c) {
					k++
				}
			}
			return k >= 2
		}
	}
	return false
}

// Bounds on the runes of a relief's name (社保缓缴, 中小微企业贷款延期).
const (
	minReliefName = 4
	maxReliefName = 9
)

// wishWords voice what the owner wants done ("想缓一缓", "希望能减一减",
// "需要区里支持"): with a relief verb after them, the clause states a need
// the guide may answer though it asks nothing.
//
// 听说 with a relief verb after it ("听说购置税能减半") is the owner asking
// whether the relief they heard of is there for them.
var wishWords = []string{"想", "希望", "打算", "准备", "需要", "要求", "听说"}

// notWish hold a wish word without wishing anything (没想到, 想法).
var notWish = []string{"没想到", "想不到", "想不通", "想法", "想起", "理想", "想想"}

// reliefVerbs are what a relief measure does for an owner: deferring,
// cutting, waiving, extending, subsidising, refunding, insuring, restoring
// credit, placing staff. A wish for something else ("想扩大店面", "想招两
// 个大学生") is the owner's plan: situation.
var reliefVerbs = []string{
	"缓", "减", "免", "延", "补", "退", "降", "贴息", "赔", "担保", "支持", "扶持", "帮",
	"修复", "豁免", "撤", "申请", "申报", "晚点交", "晚交", "少交", "便宜", "借调", "对接", "要回", "讨回", "追回",
}

// troubleWords say the owner cannot pay or owes ("社保交不上了", "燃气费欠
// 着没交"): a need, when the clause names what is owed.
var troubleWords = []string{
	"交不上", "交不起", "交不了", "还不上", "还不起", "还不了", "付不起", "付不上", "付不出", "发不出",
	"欠着", "拖欠", "欠费", "欠了",
	// Owed and overdue, or the money does not stretch to it: 车贷已经逾期了,
	// 月供实在扛不住, 消费贷还没还完 这两个月周转不开.
	// Owed to the owner, unpaid ("工程款欠我们一直不给"): a need to get it back.
	"欠我", "欠咱",
	"逾期", "还没还", "没还完", "没还上", "扛不住", "撑不住", "周转不开", "周转不过来",
	// A price the owner finds too high ("宽带一个月好几百 太贵了"): a need
	// to pay less, which a measure cutting that fee answers.
	"太贵", "贵死",
	// Lapsed and not renewed ("许可证到期了还没续上"): a need to extend it.
	"没续上", "续不上",
	// A cost that runs on while the business earns nothing ("教练工资社保照
	// 发", "房租水电一分没少", "房租压力很大"): a need to be spared it.
	"照发", "照交", "照付", "一分没少", "一分不少", "压力很大", "压力太大", "压力山大",
	// Supplies or goods that cannot move ("饲料进不来", "鸡蛋也拉不出去",
	// "快递车进不了京"): a need to keep freight moving.
	"进不来", "进不去", "进不了", "拉不出去", "运不出去", "运不进来", "送不出去",
}

// retraction matches a slip taken back inside one message and what
// follows it: "首台套不对是新智造的项目", "哦不对，是…", "噢不，是…". Not
// 对不对 (a tag question), not 不对外 or 不对劲, and not "是不是" after it
// (a complaint asking: "金额不对，是不是算错了").
var retraction = regexp.MustCompile(`(?:[哦噢啊呃嗯额]不对?|不对)(?:不对)?[，,、 ]*(?:我说的|我问的|应该)?是`)

// bareRetractions are clauses that only take back the clause before them
// when the next one says what was meant ("我想问公积金贷款……哦不对，是我们
// 公司的经营贷").
var bareRetractions = map[string]bool{
	"不对": true, "不对不对": true, "哦不对": true, "噢不对": true, "啊不对": true, "呃不对": true,
	"嗯不对": true, "哦不": true, "噢不": true, "啊不": true, "说错了": true, "打错了": true,
	"哦说错了": true, "不对说错了": true, "哦不对说错了": true,
	"哦不是": true, "噢不是": true, "啊不是": true, "呃不是": true, "不是不是": true,
}

// restatements open the clause after a bare retraction that says what was
// meant, as a bare 是 does ("哦不是，我是想问那个医保的").
var restatements = []string{"是", "我是想问", "我想问的是", "我问的是", "我是问", "我说的是", "我是说", "我要问的是"}

// guessedOffice matches the end of a clause in which the owner guesses
// who handles what they ask about ("我估计是医保局管吧", "是不是得去政务服
// 务大厅问", "应该是找税务局吧", "…是去法院申请吧"): a guess marker or a
// verb of going to someone, an office's name (a run of Han characters
// ending as offices end, without question words or verbs of going in
// it), an optional verb of handling and a particle. The guess is no part
// of what is asked: the topic is (see WithoutGuess).
var guessedOffice = regexp.MustCompile(`(?:我估计|估计|我猜|猜|应该|大概|可能|八成|多半|是不是|肯定|想必)?[是得要该需只都还就]*(?:去|找|到|归|由|向|是)` +
	`[^\P{Han}哪什么谁啥几是去找到归由向得要该吗吧呢不没和跟与或]{1,10}(?:局|委|厅|办|处|科|所|院|中心|大厅|窗口|街道|政府|部门|银行|法院|专班)` +
	`(?:来|去)?(?:管|办|问|申请|负责|办理|审批|受理|批|咨询|报|交|的事|的)?(?:吧|吗|呢|啊|么|嘛)?$`)

// findGuessedOffice is guessedOffice.FindStringIndex(t), without running the
// expression over a text that lacks what every match holds: a verb of
// going to someone (or 是) and the last character of an office's ending.
func findGuessedOffice(t string) []int {
	if !strings.ContainsAny(t, "去找到归由向是") || !strings.ContainsAny(t, "局委厅办处科所院心口道府门行班") {
		return nil
	}
	return guessedOffice.FindStringIndex(t)
}

// guessMarkers say the words after them are a guess, not a question of
// their own.
var guessMarkers = []string{"估计", "猜", "应该", "大概", "可能", "八成", "多半", "是不是", "肯定", "想必"}

// WithoutGuess returns s without the guessed office that ends it (see
// guessedOffice), or s when it ends with none or when nothing would be
// left: "公积金缓缴应该是找人保局吧" asks about 公积金缓缴. The guess must
// be marked as one (估计, 应该, 是不是 …) or end in 吧; "社保缓缴去人社局
// 办吗" is left alone.
func WithoutGuess(s string) string {
	t := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	loc := findGuessedOffice(t)
	if loc == nil {
		return s
	}
	g := t[loc[0]:]
	if !containsAny(g, guessMarkers) && !strings.HasSuffix(g, "吧") {
		return s
	}
	rest := strings.TrimFunc(t[:loc[0]], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	for _, m := range []string{"我估计", "我猜", "估计", "猜"} {
		if r, ok := strings.CutPrefix(rest, m); ok {
			// "我猜信用豁免是去法院申请吧": the marker opens the guess.
			rest = strings.TrimLeftFunc(r, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
			break
		}
	}
	if !hasContent(rest, "") {
		return s
	}
	return rest
}

// onlyGuess reports whether clause s is nothing but a guess at who handles
// what the clause before it told ("我估计是医保局管吧"): it asks about that.
func (r *Reader) onlyGuess(s string) bool {
	t := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	loc := findGuessedOffice(t)
	if loc == nil || !containsAny(t[loc[0]:], guessMarkers) && !strings.HasSuffix(t, "吧") {
		return false
	}
	return !hasContent(r.contactBlank.Replace(t[:loc[0]]), "")
}

// premiseMarkers open what the owner takes for granted, heard or believed
// ("既然房租减免只有国有房子才有", "听说政府采购给小微企业留了份额", "我知道…
// 都是给国企的"): a premise. The ask drawn from it (see consequence) is
// about what the premise names, whether or not the premise is right.
var premiseMarkers = []string{"既然", "听说", "我知道", "据说", "以为", "听人说", "有人说", "都说"}

// consequence matches a clause drawn from what was said before it: "那我
// 们…", "那是不是…", "那么…", "所以…"; not "那个", "那种", "那边" and the
// like, which point at a thing.
var consequence = regexp.MustCompile(`^(?:那么|那就|所以|那(?:[我咱这是不就还也岂]|$))`)

// backPointers point at what the story told ("区里对此是否给予补贴", "上述
// 情况能否减免"): the ask is about that, whatever words of its own it has.
var backPointers = []string{"对此", "就此", "此事", "此种情况", "上述情况", "上述"}

// kindPointer matches a kind the story told, pointed at where the ask
// names what it asks about ("万一因为疫情封了不让营业，能赔点钱，有这种保险
// 吗"; "想把这栋楼改成租赁公寓，这种转型区里支持吗"): the story says which
// insurance or change is meant, the noun alone does not. After a noun or a
// pronoun the pointer names the asker's own kind or an example ("我们这种小
// 采摘园", "专精特新这类企业"), which the ask names itself.
// 相应的 (有没有相应的保险产品) points the same way: "answering to what
// was told".
var kindPointer = regexp.MustCompile(`(?:^|[有是对])(?:这种|这类|此类|这一类|相应的|对应的)`)

// pointedSubject matches an ask whose subject is a demonstrative standing
// for what the story told ("这事是真的吗", "这合理吗", "这俩都算吗", "这样
// 算不算"): whatever words its predicate has (合理, 算), it asks about that.
// 这 followed by a noun of its own (这个政策, 这两年, 这边) does not match;
// 这个 alone does ("这个到底有没有").
var pointedSubject = regexp.MustCompile(`^(?:那|可|但是?|不过)?这(?:事儿?|件事|个事儿?|个|俩|两个|几个|些|样做|样干|样|么做|么干|种做法|个说法|说法|做法)?(?:是|都|也|还|到底|真|合理|靠谱|对|算|能|可以|可不可以|行|有|属|不)`)

// truthCheck matches an ask that opens by asking whether what was told is
// really so ("真是100%补吗", "真的能全额退吗", "当真有这么多吗"): it
// names no subject of its own, whatever words of the report it echoes
// (100%, 补); with a report told before it, the report is what it asks
// about, as for pointedSubject. An ask naming its subject first ("利率真
// 有这么低吗") asks about that subject.
var truthCheck = regexp.MustCompile(`^(?:那|可|但是?|不过)?(?:真的?|当真|果真|难道真的?)(?:是|有|能|会|要|可以|就|都|给|管用|靠谱|行|不)`)

// WithoutPointed returns s without its clauses whose subject stands for
// what the story told (pointedSubject: "这合理吗"), or s when nothing else
// would be left: "这合理吗？小店能不能先别断" asks 能不能先别断 of the
// story's thing, and 合理 is no subject of its own.
func WithoutPointed(s string) string {
	var kept []string
	cut := false
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ，。；,;！？!?", r) }) {
		if pointedSubject.MatchString(c) {
			cut = true
			continue
		}
		kept = append(kept, c)
	}
	if !cut || len(kept) == 0 {
		return s
	}
	return strings.Join(kept, "，")
}

// noMoney matches a rhetorical question ending a clause that says the
// asker has no money ("可疫情停业那阵哪有钱？", "哪交得起"): a hardship
// told, not asked, whatever mark ends it. "哪里有钱领" asks where.
var noMoney = regexp.MustCompile(`(?:哪|哪儿|哪里)(?:有|来|来的)(?:闲|余|那么多)?钱[啊呀啦哇了]*$|哪(?:交|付|还|掏|拿)得(?:起|出)[啊呀啦哇了]*$`)

// selfIntro matches the asker's own question of what they do, which the
// next clause answers ("我嘎哈的呢，开大货车的", "我是干啥的呢，开饭店的"):
// a way of telling one's trade, no ask. 嘎哈 and 干哈 are northeastern
// 干啥. Only the bare clause, ending in 呢 without a question mark.
var selfIntro = regexp.MustCompile(`^(?:我|我们|俺|俺们|咱|咱们)(?:家|这)?(?:是)?(?:干啥|做啥|干什么|做什么|搞啥|嘎哈|干哈|干嘛)(?:的)?呢$`)

// peoplePointer matches a third-person plural pronoun in a contact ask ("我
// 想找他们问问进度，怎么联系"): the people it stands for were named in the
// story told before it, which is the ask's context. (In other asks, "能让
// 他们去吗", the guide's [refer] cues point back as before: read so for
// every ask, day-one stories took a confident wrong answer.)
var peoplePointer = regexp.MustCompile(`他们|她们`)

// reportSpeech matches a statement that tells what someone else said or a
// notice wrote ("社区网格员说，…", "窗口的同志说我们可以…", "通知上原文："):
// what was reported, not the asker's own case. An ask pointing back at the
// story ("这事是真的吗") is about what was reported even when the asker's
// own case was told after it. The speaker names no first or second person
// (我是说 corrects, 你说 asks the bot); 说明/说法/说不… are no speech.
var reportSpeech = regexp.MustCompile(`^[^我你，,。？?]{1,12}?(?:说|讲|告诉|回复|答复|写着|写的|原文)(?:[^明法实白不清定好]|$)`)
