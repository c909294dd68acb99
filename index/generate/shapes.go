package generate

// This file is the table of question shapes and the domain words they are
// filled with: general to Chinese relief-policy guides, not any one guide.
// Adjust them here.

// Shape is a question form owners use. Text holds slots: {t} a key phrase
// of the measure (or an everyday word for it), {a} the relief action the
// measure offers, {who} an owner describing themselves, {sit} what
// happened to them.
type Shape struct {
	Name string
	Text string
	// When, if set, restricts the shape to measures whose text holds one
	// of these words ("有没有…补贴" only where there is money).
	When []string
}

// DefaultShapes are the forms owners ask in, roughly most common first.
var DefaultShapes = []Shape{
	{Name: "can", Text: "{t}能不能{a}"},
	{Name: "keyword", Text: "{t}"},
	{Name: "how", Text: "{t}怎么办"},
	{Name: "who", Text: "{t}找谁"},
	{Name: "story", Text: "我是{who}，{t}能{a}吗"},
	{Name: "situation", Text: "我们是{who}，{sit}，{t}能不能{a}"},
	{Name: "until", Text: "{t}到什么时候"},
	{Name: "count", Text: "我这种算不算{t}"},
	{Name: "subsidy", Text: "有没有{t}补贴", When: []string{"补贴", "补助", "奖励", "资金", "补偿"}},
	{Name: "can-ma", Text: "{t}可以{a}吗"},
	{Name: "keyword-act", Text: "{t}{a}"},
	{Name: "apply", Text: "{t}怎么申请"},
	{Name: "dept", Text: "{t}{a}找哪个部门"},
	{Name: "story-ask", Text: "我是{who}，想问问{t}的事"},
	{Name: "situation-how", Text: "{sit}，想问一下{t}怎么申请"},
	{Name: "context", Text: "{sit}，{t}这块压力很大，有什么政策吗"},
	{Name: "deadline", Text: "{t}{a}截止到什么时候"},
	{Name: "story-who", Text: "我们是{who}，{t}找谁办"},
	{Name: "situation-who", Text: "我是{who}，{sit}，听说有{t}，我这种能享受吗"},
	{Name: "context-can", Text: "我们是{who}，听说{t}有政策，能申请吗"},
	{Name: "faq-who", Text: "{t}的对象有哪些"},
	{Name: "faq-how", Text: "{t}需要什么材料"},
}

// DefaultActions are the relief verbs a measure may offer, as guides write
// them. The first one found in a measure's text fills {a}; the lexicon's
// everyday words for it (缓缴 → 缓交) are used too.
var DefaultActions = []string{
	"缓缴", "减免", "免收", "减半", "退税", "延期", "顺延", "补贴", "贴息", "奖励",
	"豁免", "降低", "赔付", "担保", "补助", "补偿", "返还", "减征", "免征", "支持",
}

// DefaultOwners fill {who}: everyday self-descriptions that name no
// measure, so the situation-first shapes teach that a story is neutral.
var DefaultOwners = []string{
	"开饭店的", "开超市的", "做物流的", "开小公司的", "个体户", "开厂的", "做装修的", "开民宿的",
}

// DefaultSituations fill {sit}: what owners tell before they ask, in
// everyday words that name no measure, so a story's words teach nothing
// about which measure answers it.
var DefaultSituations = []string{
	"疫情这几个月生意一直不好", "店里十来个员工", "上个月停了半个月工", "账上的钱快周转不开了",
	"今年订单少了一半", "租的门面在街边", "开了五六年了", "这阵子基本没什么收入",
	"去年刚开业", "家里就靠这个店", "现在复工了但客人不多", "老板让我来问问",
}
