package index

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sections of the cue lexicon (data/cues.txt).
const (
	cueContact       = "contact"             // asks whom to contact, a phone
	cueUnreachable   = "contact.unreachable" // a phone given was not answered ("打不通")
	cueElsewhere     = "contact.elsewhere"   // the unit called sent the asker on ("说不归他们管")
	cueGiven         = "contact.given"       // the number given, named again ("这个号打不通")
	cueWhich         = "contact.which"       // which number to call, beside a word for a phone ("打哪个")
	cueOtherNumber   = "contact.other"       // another number or way to reach ("还有别的号吗")
	cueList          = "list"                // asks for several measures
	cueDeadline      = "deadline"            // asks when
	cueProcedure     = "procedure"           // asks what must be done or brought (手续, 材料): no subject
	cueHuman         = "human"               // asks for a person
	cueFiller        = "filler"
	cueDetails       = "details"
	cueMore          = "more"
	cueMoreOther     = "more.other"      // "还有别的政策吗" after a subject: that subject's other measures
	cueMoreAsker     = "more.asker"      // "还有别的适合我们的吗": other measures for the asker, not the question's
	cueMoreExcept    = "more.except"     // "除了贷款还能享受啥": a subject set aside before an ask for more
	cueMoreExceptAsk = "more.except.ask" // the ask for more after the lead
	cueSkip          = "skip"
	cueEligible      = "eligible"
	cueSupport       = "support"
	cuePrevious      = "previous"
	cueRecent        = "recent"  // 刚才那个: the topic before, or the one just discussed
	cueSeveral       = "several" // 这两个: each measure the last message was answered with
	cueMatters       = "matters" // 这两个事: each matter the message's story told
	cuePointer       = "pointer" // 那个, 那条: points at a measure already discussed ("那房租那个呢")
	cueGreeting      = "greeting"
	cueThanks        = "thanks"
	cueBye           = "bye"
	cueIdentity      = "identity"
	cueExamples      = "examples"
	cueSubject       = "subject"
	cuePick          = "pick"          // words around a list position ("选", "就")
	cueCase          = "case"          // the asker describes their own case ("我是…", "我们做…")
	cueCaseTopic     = "case.topic"    // … and puts it to the topic ("也行吗", "算不算")
	cueThisMeasure   = "case.this"     // points at the measure discussed itself ("这条", "这项政策")
	cueAlong         = "case.along"    // adds a thing to what the measure discussed grants ("医疗保险也能一起缓吗")
	cueHearsay       = "hearsay"       // a statement tells what the asker heard of ("听说有…"): the ask is about it
	cueSettled       = "settled"       // a statement tells a relief had or out of reach ("房租减不了"): no evidence for another ask's subject
	cueLeave         = "closing.leave" // the asker's next step ("我先去办执照"): with thanks and no question, a goodbye
	cueTogether      = "together"      // asks whether reliefs can be had together ("同时", "叠加"): with one told settled, about both
	cueCompare       = "compare"       // weighs two reliefs against each other ("哪个划算", "选哪个"): each its own ask
	cueCaseVague     = "case.vague"    // nouns that name no thing of the asker's case ("意思", "关系")
	cueOnly          = "verdict.only"  // asks whether a condition is required ("才行吗", "必须"): no 可以
	cueThingChar     = "thing.char"    // one-character things a relief is about ("税" of 能不能抵点税)
	cueEpidemic      = "epidemic"      // words of a measure tied to the epidemic ("核酸")
	cueContrast      = "contrast"      // kinds that exclude each other: "私人, 民营 | 国有"
	// cueContrastUnknown: kinds whose side of a contrast the text does not
	// settle ("开发商 | 国有房屋": a developer may or may not be state-owned).
	cueContrastUnknown = "contrast.unknown"
	// cuePremises: words of the premises a business rents ("租的", "房东");
	// cueOwner: kinds of owners (国企, 私人): one said beside the premises
	// is the landlord's kind, not the asker's.
	cuePremises = "premises"
	cueOwner    = "owner"
	// cueDebtOwed: a debt owed to the asker, said after its debtor
	// ("隔壁工厂欠我们饭钱"): the debtor is the other party of the story.
	cueDebtOwed = "debt.owed"
	cueDebtWage = "debt.wage" // … and the debt is the asker's wage ("欠我们三个月工资"): 欠薪
	cueDebtBill = "debt.bill" // a utility bill the asker owes ("欠的燃气费"): its 拖 and 欠 are 欠费
	// cueDebtDelay: an act withheld after 拖 in its clause ("一直拖着没给减"):
	// the 拖 is a delay of that act, not money owed.
	cueDebtDelay = "debt.delay"
	// cueLeaseDeposit: words of a lease of premises ("房租合同", "房东"): in
	// a message naming one, a bare 押金 is the landlord's deposit.
	cueLeaseDeposit = "deposit.lease"
	// cueHardship: a rule's condition of hardship ("受疫情影响", "确有困难"):
	// a verdict from such a rule holds only for an asker in it, which
	// cueHardshipTold words ("疫情", "困难") in the question say.
	cueHardship     = "verdict.hardship"
	cueHardshipTold = "verdict.hardship.told"
	// cueRefine opens a measure's clause that narrows a sub-case of the
	// grant before it ("其中承租…中高风险地区…的，减免6个月").
	cueRefine = "verdict.refine"
	// cueRefineTail ends a measure's clause that says how a grant is
	// carried out ("连锁超市…以门店为单位执行"), not who gets it.
	cueRefineTail = "verdict.refine.tail"
	// cueScope: a rule for those admitted to a list or scope ("对纳入…
	// 支持范围的餐饮企业"): whether the asker is in it the guide cannot say,
	// so a verdict holds only under it, whatever hardship the asker tells.
	cueScope = "verdict.scope"
	// cueOtherWay: the question asks for another way or measure ("有没有别
	// 的办法"), not whether the one discussed grants: no verdict on it.
	cueOtherWay     = "verdict.other"
	cueKind         = "kind"                 // kinds a measure treats clause by clause: "大型企业 | 大企业, 大公司"
	cueKindPerson   = "kind.person"          // kinds of people a measure is for: "农村劳动力 | 农村户口, 农民"
	cuePersonGood   = "kind.person.good"     // what a measure gives a person, not a business: 岗位, 提取住房公积金
	cueThingApart   = "contrast.thing"       // kinds of a thing one measure states a subject for: "银行贷款 | 公积金贷款"
	cueShortForm    = "short"                // a guide's short form of the asker's word: "还贷 | 贷款"
	cueKindStaff    = "kind.staff"           // people an employer employs, a measure's class word for them: "职工 | 司机, 老师"
	cuePayee        = "payee"                // who gets a measure's money, a body or people: "单位方, 企业 | 机构, 公司"
	cueStaffVoice   = "kind.staff.voice"     // what staff do as a party besides the asker: "员工要求交" (要求)
	cueOnlineNot    = "ask.online.not"       // 网上/线上 of a way of doing business ("网上直播卖蛋糕"): no online ask
	cueJobSeeker    = "kind.seeker"          // an asker looking for work themselves ("想重新出来工作"): a person, no business
	cueKindDocument = "kind.document"        // heads of papers an owner holds, each a kind of the others: 许可证, 执照
	cueKindPaper    = "kind.document.person" // heads of a person's papers for a trade (驾驶员证, 健康证): no firm's licence
	cueKindCost     = "kind.cost"            // heads of a cost a measure pays, each kind named before it: 费用, 支出
	cueHeadAspect   = "head.aspect"          // what a matter costs or yields (费用, 利息): no thing of its own when bare
	cueKindKin      = "kind.kin"             // the asker's family told of (我儿子是跑货车的): whom the case is about, no kind
	cueKindReach    = "kind.reach"           // the reach a text sets before a thing (全市研学基地): where, no kind of it
	cueRefer        = "refer"                // the ask points back at the story told before it ("这部分钱")
	cueReferOpen    = "refer.start"          // … by opening with these ("这块有没有补贴"; not "培训这块能补吗")
	cueGuideSelf    = "guide.self"           // the message names the guide itself ("这个指南")
	cueGuideAge     = "guide.age"            // … and asks whether it is still of use ("还有用吗")
	cueUnitOr       = "unit.or"              // joins two offices a question guesses between ("找科委还是经信局")
	cueUnitLocal    = "unit.local"           // how an owner names the town or street office ("找镇里还是文旅局")
	cueWhose        = "contact.whose"        // asks whose a thing told is ("有个…打给我…是谁"): a phone told is looked up
	// cueCorrection opens a correction ("不是公积金，我说房租"), whose next
	// clause opens with a cueCorrectionThen phrase.
	cueCorrection = "correction"
	// cuePast marks a clause of a correction as what held before ("村委会那是以前的"): no part of the case now
	cuePast = "correction.past"
	// cueDismiss says a measure shown is no use to the asker ("我们用不上"): with thanks it closes the talk
	cueDismiss        = "closing.dismiss"
	cueCorrectionThen = "correction.then"
	// cueCorrectionOpen is a clause saying the reply got it wrong ("你这
	// 说的不对啊"), opening a correction said after it.
	cueCorrectionOpen = "correction.open"
	// cueCorrectionOwn opens a clause in which the owner says they do not
	// do what the measure shown is about ("我不搞直播"): that measure was
	// not meant (correctionWithin).
	cueCorrectionOwn = "correction.own"
	// cueNextAsk opens a new question after the one before was set aside
	// ("算了…我直接去问市场吧。再问一句 …").
	cueNextAsk = "next.ask"
	// cueNumberBefore: words that point at one thing right before "N条"
	// ("我说的是69条 乡村旅游那个"): the number names a measure even with
	// other words in the message, where "新增3条生产线" counts things.
	cueNumberBefore = "number.before"

	cueNegation      = "negation"        // negates what follows in its clause ("不是", "不在")
	cueNegationAfter = "negation.after"  // negates what precedes it ("无关")
	cueNegationAsks  = "negation.asks"   // question phrases holding a negation ("是不是"): they negate nothing
	cueNegationOther = "negation.other"  // a clause's subject that is not the asker's case ("这些都不是…")
	cueNegationCause = "negation.cause"  // a cause word after a negation ("不是因为疫情"): the negation governs what follows it
	cueNegationFill  = "negation.filler" // a dismissive filler after a negation ("不是什么孵化器"): the negation governs what follows it
	cueLicence       = "licence"         // an owner's word for a business licence ("没有营业执照")
	cueLicensed      = "licence.kind"    // a guide's kinds that hold one (个体工商户): an unlicensed asker is none
	cueUnlicensed    = "licence.open"    // a guide's kinds that need none (个人): a measure naming them leaves the asker in
	cueNegationText  = "negation.text"   // a measure's own negated conditions ("不能正常偿还")
	// bound negating prefixes (非) and the copulas after which they negate
	cueNegationBound  = "negation.bound"
	cueNegationCopula = "negation.copula"
	cueModalStart     = "verdict.modal" // a granting clause opening whose subject and condition stand before it ("可按…")
	cueUnit           = "unit"          // units of quantities ("万元", "升")
	cueCount          = "count"         // measure words after a number that counts ("12个人", "8台货车")
	cueBoundUpper     = "bound.upper"   // "不超过", "及以下"
	cueBoundLower     = "bound.lower"   // "不低于", "以上"

	cueAddress  = "address"       // forms of address around small talk ("谢谢师傅") or a greeting ("老师好"): no case
	cueTitle    = "title"         // official titles after a surname ("胡科长", "王主任"): a contact person of that surname
	cueMeans    = "contact.means" // ways to reach an official ("邮箱|邮箱 邮件"): after a person named, that person's contact
	cuePlaceNot = "place.not"     // words with a place's ending that name no place (开发区)
	// cuePlaceStreet ends a street's or village's name (街, 胡同): where
	// the asker is, no condition of a measure.
	cuePlaceStreet = "place.street"
	// cuePlaceAt puts a place after it (在): "在鼓楼西街开了个小饭馆".
	cuePlaceAt  = "place.at"
	cuePlaceAll = "place.all" // places every guide lies in (全国)
	// Levels of government an ask may name (index/level.go): the nation's
	// own programme, the city's (read where a district or county issued
	// the guide), and the guide's own level, which cancels both.
	cueLevelNation    = "level.nation"
	cueLevelCity      = "level.city"
	cueLevelCityAfter = "level.city.after" // after the guide's city's name: "北京市统一…"
	cueLevelLocal     = "level.local"
	// cuePlaceChange asks to answer for another district (换个区): a bot
	// serving several guides forgets the chat's district.
	cuePlaceChange = "place.change"
	// cuePlacePolicy follows a place named only as whose policy it is
	// ("能享受XX的政策吗"): no place the asker is in.
	cuePlacePolicy = "place.policy"
	// cuePlaceRoute tells that the asker drives a route between places
	// ("跑河北承德那条线"): the far end is where they go, not what they ask
	// about.
	cuePlaceRoute = "place.route"
	// cuePlaceProgram follows another place named as the owner of what
	// is asked about ("YY区的消费券在XX能用吗"): that place's
	// programme, wherever the asker would use it.
	cuePlaceProgram = "place.program"

	cueInterrogative = "interrogative"    // question words: a message without them (nor another question cue) asks nothing
	cueYesNo         = "verdict.question" // marks a yes/no question
	// cueConsequence: what may follow from a matter (被罚): an ask of it
	// alone names no matter of its own ("…算不算侵权 会不会被罚").
	cueConsequence = "verdict.consequence"
	// cueGuessMeaning: a reading of the ask before it the asker offers
	// ("是便宜10%还是啥"): part of that ask, no ask of its own.
	cueGuessMeaning = "meaning.guess"
	cueMay          = "verdict.may"       // "may I" questions
	cueDue          = "verdict.due"       // "must we pay" questions ("滞纳金要交吗")
	cueHas          = "verdict.has"       // "is there" questions
	cueHasNot       = "verdict.has.not"   // words whose 有 asks nothing (还有, 国有)
	cueGrant        = "verdict.grant"     // words of a clause that grants something
	cueCutAsk       = "verdict.cut.ask"   // a question asking to pay less
	cueCutGrant     = "verdict.cut.grant" // words of a clause that cuts what is paid
	cueCutNot       = "verdict.cut.not"   // waivers that cut nothing owed (免收滞纳金)
	cuePreamble     = "verdict.preamble"  // clause openings that grant nothing ("按照…")
	cueWill         = "verdict.will"      // "will it…" questions
	cueDepend       = "verdict.dependent" // clause endings that need the next clause
	cueFrame        = "verdict.frame"     // clause openings that need the next clause ("对…项目")
	cueNot          = "verdict.not"       // clauses that rule a consequence out
	cueOrganise     = "verdict.organise"  // clauses that only organise work (组建专班, 协调督查): no grant
	// cueStanding: the asker's own standing a measure may set as a
	// condition (户口, 户籍); cueStandingRule: how a measure's words set
	// such a condition (在京注册, 本市).
	cueStanding     = "standing"
	cueStandingRule = "standing.rule"
	// cueBody: bodies an out-of-scope topic names (幼儿园 of a child's
	// schooling) that an owner may run as an employer (民办幼儿园).
	cueBody = "body"
	// cueWindowDate: words before a window of dates that make it a
	// condition of a date ("购置日期在2022年6月1日至…"); cueWindowVague:
	// words after an asker's year that leave the date open ("以前").
	cueWindowDate = "window.date"
	// cueChannel: asks whether a channel serves a subject ("能问社保吗"):
	// no verdict on the subject.
	cueChannel = "verdict.channel"
	// cueNeed asks whether something must be obtained at all ("要不要办
	// 许可证"), not whether a rule on it grants.
	cueNeed        = "verdict.need"
	cueWindowVague = "window.vague"
	// cueYearStill: words after a year the speaker lives in ("2025年了")
	// that ask, in its clause, whether a measure still holds then.
	cueYearStill = "year.still"
	// cueNow: words that put an ask in the time the owner lives in
	// (现在, 如今); cueStillMay: words after them asking whether something
	// may still be done (还能): together an ask of the period (stillNow).
	cueNow      = "now"
	cueStillMay = "still.may"

	cueEncourage    = "verdict.encourage"     // the clause (or a sentence it opens) only encourages: 鼓励
	cueSupports     = "verdict.support"       // the clause only supports: 力度, 推动
	cueSupportStart = "verdict.support.start" // a clause opening so only supports: 支持…

	// cueContrastOrigin: words after a contrast word that make it a
	// person's origin ("外地员工", "外地人"), which no measure's place rules out.
	cueContrastOrigin = "contrast.origin"

	cueKindCover   = "kind.cover"   // heads of a cover named by its kind: 保险
	cuePlan        = "plan"         // what the asker plans to do: 想, 打算
	cuePlanNot     = "plan.not"     // 想 of the asking itself: 想问, 想了解
	cueHeadGeneric = "head.generic" // policy words that name no head of an ask: 政策, 补贴
	cueHeadMoney   = "head.money"   // an ask for money: 补贴, 扶持, 钱
	cueHeadPays    = "head.pays"    // a measure's words that pay or cut a cost: 补贴, 减免, 赔付

	// cueProvider: asks where a service is had ("哪里能做核酸"): a
	// provider's place, not how to apply for a relief (ask.apply's
	// 哪里办); cueProviderPlace: a measure's words that give such places
	// (地址, 网点).
	cueProvider      = "provider"
	cueProviderPlace = "provider.place"
)

// Aspect is what a message asks about a measure besides the measure
// itself.
type Aspect string

// Aspects. The first five have replies of their own; the others are
// answered by quoting the measure's sentences that say it (see Quote),
// each with an "ask.<aspect>" and an "answer.<aspect>" section in cues.txt.
const (
	AspectContact    Aspect = "contact"    // whom to call
	AspectSupport    Aspect = "support"    // lead and supporting units
	AspectDeadline   Aspect = "deadline"   // until when
	AspectDetails    Aspect = "details"    // the full text
	AspectEligible   Aspect = "eligible"   // does it apply to me
	AspectApply      Aspect = "apply"      // how to apply
	AspectOnline     Aspect = "online"     // can it be done online
	AspectConditions Aspect = "conditions" // conditions
	AspectWho        Aspect = "who"        // who qualifies
	AspectAmount     Aspect = "amount"     // how much
	AspectCredit     Aspect = "credit"     // effect on credit records
	AspectRepay      Aspect = "repay"      // how a deferred payment is made up
	// AspectPeriod is a period the text states for the thing named ("顺延
	// 多久", "延多久"): its ask.period cues name a verb of the measure, the
	// deadline cues only when.
	AspectPeriod Aspect = "period"
)

// quotedAspects have ask.* and answer.* sections.
var quotedAspects = []Aspect{AspectApply, AspectOnline, AspectConditions, AspectWho, AspectAmount, AspectCredit, AspectRepay}

// Subject reports whether the aspect is a subject other measures may be
// about, not only a side of the one discussed: "会上征信吗" after a measure
// that says nothing on credit asks the guide, whose credit measures answer
// it; "网上能办吗" asks the measure discussed whatever it says.
func (a Aspect) Subject() bool { return a == AspectCredit }

// Quoted reports whether the aspect is answered by quoting sentences.
func (a Aspect) Quoted() bool { return slices.Contains(quotedAspects, a) || a == AspectPeriod }

// knownCueSection reports whether name is a section the index reads; a
// typo in a section name would otherwise switch a cue off silently.
func knownCueSection(name string) bool {
	switch name {
	case cueNumberBefore, cueContact, cueUnreachable, cueElsewhere, cueGiven, cueWhich, cueOtherNumber, cueList, cueDeadline, cueProcedure, cueHuman, cueFiller, cueDetails, cueMore, cueMoreOther, cueMoreAsker, cueMoreExcept, cueMoreExceptAsk, cueSkip,
		cueEligible, cueSupport, cuePrevious, cueRecent, cueSeveral, cueMatters, cuePointer, cueGreeting, cueThanks, cueBye, cueIdentity, cueExamples,
		cueSubject, cueRefer, cueReferOpen, cuePick, cueCase, cueCaseTopic, cueThisMeasure, cueAlong, cueHearsay, cueSettled, cueTogether, cueCompare, cueCaseVague, cueOnly, cueEpidemic, cueContrast, cuePremises, cueOwner, cueDebtOwed, cueDebtWage, cueDebtBill, cueDebtDelay, cueLeaseDeposit, cueHardship, cueHardshipTold, cueRefine, cueRefineTail, cueScope, cueOtherWay, cueKind, cueNegation, cueNegationAfter, cueNegationAsks, cueNegationOther, cueNegationCause, cueNegationFill, cueLicence, cueLicensed, cueUnlicensed, cueNegationText, cueNegationBound, cueNegationCopula, cueModalStart, cueUnit, cueCount, cueBoundUpper, cueBoundLower,
		cueYesNo, cueConsequence, cueGuessMeaning, cueNeed, cueMay, cueDue, cueHas, cueHasNot, cueGrant, cueCutAsk, cueCutGrant, cueCutNot, cuePreamble, cueWill, cueDepend, cueFrame, cueNot, cueOrganise, cueContrastUnknown, cueContrastOrigin, cueStanding, cueStandingRule, cueBody, cueWindowDate, cueWindowVague, cueYearStill, cueNow, cueStillMay, cueChannel,
		cueEncourage, cueSupports, cueSupportStart, cueHeadGeneric, cueHeadMoney, cueHeadPays, cuePlaceNot, cuePlaceStreet, cuePlaceAt, cuePlaceAll, cueLevelNation, cueLevelCity, cueLevelCityAfter, cueLevelLocal, cueAddress, cueTitle, cueMeans, cuePlaceChange, cuePlacePolicy, cuePlaceRoute, cuePlaceProgram, cueGuideSelf, cueGuideAge, cueUnitOr, cueUnitLocal, cueWhose,
		cueCorrection, cueCorrectionThen, cueCorrectionOpen, cueCorrectionOwn, cueNextAsk, cuePast, cueDismiss, cueLeave, cueBroadAsk, cueBroadWhat, cueTrade, cueTradeHalt, cueTradeOwn, cueTradeUse, cueTradeIdle, cueTradeSelf, cueKindGeneral, cueKindObject, cueKindClass, cueKindPerson, cuePersonGood, cueKindStaff, cuePayee, cueStaffVoice, cueShortForm, cueThingApart, cueJobSeeker, cueKindDocument, cueKindPaper, cueKindCost, cueHeadAspect, cueInterrogative, cueThingChar, cueProvider, cueProviderPlace, cueOnlineNot, cuePlan, cuePlanNot, cueKindCover, cueKindReach, cueKindKin:
		return true
	}
	kind, aspect, ok := strings.Cut(name, ".")
	if a, not := strings.CutSuffix(aspect, ".not"); ok && kind == "ask" && not {
		// Phrases holding an aspect's cue that ask no aspect (cueOnlineNot).
		return slices.Contains(quotedAspects, Aspect(a))
	}
	return ok && (kind == "ask" || kind == "answer") && slices.Contains(quotedAspects, Aspect(aspect)) ||
		name == "answer."+string(AspectPeriod) || name == "ask."+string(AspectPeriod)
}

// cues is the cue lexicon arranged for reading messages.
type cues struct {
	m       map[string][]string // section → phrases, longest first
	aspects []aspectCue         // aspect cues, longest first
	asking  []string            // phrases of the asking sections, in askingSections order
	// askingParts holds every substring of the asking phrases that are
	// valid UTF-8 (isCue's question, answered once at build); oddAsking
	// are the phrases that are not, searched as before.
	askingParts map[string]bool
	oddAsking   []string
	social      []socialPhrase    // small-talk phrases and filler
	trades      []tradeLine       // the [trade] lines, split once (overview.go)
	kinds       map[string][]kind // the lines of kindSections, split once (kinds.go)
	means       []means           // the [contact.means] lines, split once (whom.go)
	meansWords  []string          // their words, longest first
	contrasts   [][2][]string     // the [contrast] lines' sides, split once (judge.go)
	// quantity matches a number with a unit of the unit section.
	quantity *regexp.Regexp
}

// aspectCue is a phrase that asks about an aspect.
type aspectCue struct {
	phrase string
	aspect Aspect
}

func newCues(m map[string][]string) *cues {
	c := &cues{m: m, quantity: quantityPattern(m[cueUnit]), trades: splitTrades(m[cueTrade]), kinds: map[string][]kind{}}
	for _, sec := range kindSections {
		c.kinds[sec] = splitKinds(m[sec])
	}
	c.means = splitMeans(m[cueMeans])
	c.contrasts = splitContrasts(m[cueContrast])
	for _, m := range c.means {
		c.meansWords = append(c.meansWords, m.words...)
	}
	slices.SortStableFunc(c.meansWords, func(a, b string) int { return len(b) - len(a) })
	for _, a := range []Aspect{AspectContact, AspectSupport, AspectDeadline, AspectDetails, AspectEligible} {
		for _, ph := range m[string(a)] {
			c.aspects = append(c.aspects, aspectCue{ph, a})
		}
	}
	for _, a := range append(quotedAspects, AspectPeriod) {
		for _, ph := range m["ask."+string(a)] {
			c.aspects = append(c.aspects, aspectCue{ph, a})
		}
	}
	for _, a := range quotedAspects {
		// No aspect: matched before the shorter 网上 (网上直播) or 信用
		// (信用社) so that it asks none.
		for _, ph := range m["ask."+string(a)+".not"] {
			c.aspects = append(c.aspects, aspectCue{ph, ""})
		}
	}
	sort.SliceStable(c.aspects, func(i, j int) bool { return len(c.aspects[i].phrase) > len(c.aspects[j].phrase) })
	for _, sec := range askingSections() {
		c.asking = append(c.asking, m[sec]...)
	}
	c.askingParts, c.oddAsking = substrings(c.asking)
	for _, sec := range socialSections {
		for _, ph := range m[sec] {
			c.social = append(c.social, socialPhrase{ph, true, sec})
		}
	}
	for _, sec := range []string{cueFiller, cueYesNo, cueMay, cueAddress} {
		for _, ph := range m[sec] {
			c.social = append(c.social, socialPhrase{ph, false, sec})
		}
	}
	return c
}

// askingSections are the sections of words that ask rather than name a
// topic; question words and filler come last, being parts of longer cues.
func askingSections() []string {
	s := []string{cueContact, cueDetails, cueMore, cueDeadline, cueSupport, cueEligible, cuePrevious, cueRecent}
	for _, a := range append(quotedAspects, AspectPeriod) {
		s = append(s, "ask."+string(a))
	}
	return append(s, cueHas, cueYesNo, cueWill, cueMay, cueFiller)
}

// squeeze lower-cases s and drops spaces and punctuation, so "电话多少？"
// and "电话 多少" read alike.
func squeeze(s string) string { return strings.Map(squeezeRune, s) }

// squeezeRune is squeeze's mapping: -1 drops the rune. Chinese characters
// of the main block, which most messages are made of, and ASCII letters
// and digits skip the Unicode tables (TestSqueezeRune checks every rune).
func squeezeRune(r rune) rune {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return r
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || emojiMark(r):
		return -1
	}
	return unicode.ToLower(r)
}

// emojiMark reports whether r only shapes an emoji: a variation selector
// (the U+FE0F of ❤️) or the zero-width joiner of 👨‍🍳, which "谢谢❤️" must
// not keep as a letter.
func emojiMark(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r == 0x200D || r >= 0xE0100 && r <= 0xE01EF
}

// list returns a section's phrases, longest first.
func (c *cues) list(section string) []string { return c.m[section] }

// has reports whether the squeezed message contains a phrase of section.
func (c *cues) has(msg, section string) bool {
	s := squeeze(msg)
	rs := runesOf(s)
	for _, ph := range c.m[section] {
		if containsPhrase(&rs, s, ph) {
			return true
		}
	}
	return false
}

// only reports whether msg consists of phrases from section and filler
// alone, i.e. it says nothing else ("那找谁办呢" is only a contact phrase).
func (c *cues) only(msg, section string) bool {
	s, found := c.cut(squeeze(msg), section)
	return found && c.rest(s) == ""
}

// cut removes the phrases of the sections from an already squeezed string
// and reports whether any was there.
func (c *cues) cut(s string, sections ...string) (string, bool) {
	found := false
	rs := runesOf(s) // cutting adds no rune
	for _, sec := range sections {
		for _, ph := range c.m[sec] {
			if containsPhrase(&rs, s, ph) {
				s = strings.ReplaceAll(s, ph, "")
				found = true
			}
		}
	}
	return s, found
}

// rest removes filler from an already squeezed string.
func (c *cues) rest(s string) string {
	s, _ = c.cut(s, cueFiller)
	return s
}

// isCue reports whether word is, or is part of, a phrase of an asking
// section (follow-ups, aspects, verdict words, filler): a question word,
// not a topic.
func (c *cues) isCue(word string) bool {
	if word == "" {
		return len(c.asking) > 0
	}
	if utf8.ValidString(word) {
		if c.askingParts[word] {
			return true
		}
		// A valid word inside a valid phrase starts and ends on rune
		// boundaries, so askingParts has it; only odd phrases are left.
		return containsIn(c.oddAsking, word)
	}
	return containsIn(c.asking, word)
}

// containsIn reports whether any of phrases contains word.
func containsIn(phrases []string, word string) bool {
	for _, ph := range phrases {
		if strings.Contains(ph, word) {
			return true
		}
	}
	return false
}

// substrings returns every non-empty substring, cut at rune boundaries,
// of the phrases that are valid UTF-8, and the phrases that are not.
func substrings(phrases []string) (map[string]bool, []string) {
	parts := map[string]bool{}
	var odd []string
	for _, ph := range phrases {
		if !utf8.ValidString(ph) {
			odd = append(odd, ph)
			continue
		}
		for i := range ph {
			for j := i + 1; j <= len(ph); j++ {
				if j == len(ph) || utf8.RuneStart(ph[j]) {
					parts[ph[i:j]] = true
				}
			}
		}
	}
	return parts, odd
}

// isSocial reports whether word is a greeting, thanks or goodbye ("您好").
func (c *cues) isSocial(word string) bool {
	w := strings.ToLower(word)
	for _, sec := range []string{cueGreeting, cueThanks, cueBye} {
		if slices.Contains(c.m[sec], w) {
			return true
		}
	}
	return false
}

// bare reports whether a message has nothing besides cues and filler: it
// carries no topic of its own.
func (c *cues) bare(text string) bool {
	s := squeeze(text)
	if len(c.oddAsking) == 0 {
		// A character no asking phrase holds is never cut (the phrases
		// and s are valid UTF-8, so cuts take whole characters): a long
		// story is not bare at its first topic word, without cutting
		// every phrase out of it.
		for i := 0; i < len(s); {
			_, n := utf8.DecodeRuneInString(s[i:])
			if !c.askingParts[s[i:i+n]] {
				return false
			}
			i += n
		}
	}
	rs := runesOf(s) // cutting adds no rune
	for _, ph := range c.asking {
		if containsPhrase(&rs, s, ph) {
			s = strings.ReplaceAll(s, ph, "")
		}
	}
	return s == ""
}

// aspectsOf finds the aspects a message asks about, longest cue first so
// "线上申请" is the online aspect and not also "申请".
func (c *cues) aspectsOf(text string) []Aspect {
	s := squeeze(text)
	rs := runesOf(s)
	rs.add(' ') // what a cut leaves
	var out []Aspect
	for _, a := range c.aspects {
		if containsPhrase(&rs, s, a.phrase) {
			s = strings.ReplaceAll(s, a.phrase, " ")
			if a.aspect != "" && !slices.Contains(out, a.aspect) {
				out = append(out, a.aspect)
			}
		}
	}
	return out
}

// cutPhrases removes every listed phrase (longest first) from s.
func cutPhrases(s string, phrases []string) (string, bool) {
	found := false
	rs := runesOf(s)
	rs.add(' ') // what a cut leaves
	for _, p := range phrases {
		if containsPhrase(&rs, s, p) {
			s = strings.ReplaceAll(s, p, " ")
			found = true
		}
	}
	return s, found
}
