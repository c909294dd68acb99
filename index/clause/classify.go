package clause

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a clause does in the message.
type kind int

const (
	statement kind = iota
	question
	contactOnly // asks only whom to contact: joins the clause before
	opener      // a lead-in or connective standing alone: the next clause is an ask
	chat        // greeting or thanks: dropped
)

type classified struct {
	Clause
	kind    kind
	opens   bool // starts with a connective or holds a lead-in: an ask even without a cue
	contact bool // holds a contact cue
	// elaborates: a statement giving an example or the kind of what was
	// just asked ("联合体投标那种").
	elaborates bool
	// ellipsis: a short "X呢" with no question mark after it ("电费呢 有没
	// 有优惠"): the question right after it may be about X.
	ellipsis bool
	// need: a statement voicing a need ("社保交不上了", "想申请缓缴"): an
	// ask when the caller finds the guide answers it (Message.Needs).
	need bool
	// guess: a question that only guesses who handles what the clause
	// before it told ("我估计是医保局管吧"): it asks about that.
	guess bool
	// request: a statement asking for a contact to be given or written
	// ("请把区人保局所有的联系电话完整写出来"): in a message that asks
	// nothing else, what the owner wants.
	request bool
}

// classify decides what each clause does.
func (r *Reader) classify(text string, cs []Clause) []classified {
	out := make([]classified, 0, len(cs))
	asked := false // a question came before
	for _, c := range cs {
		k := classified{Clause: c, contact: containsAny(c.Text, r.contact)}
		if k.contact && !isQuestion(c.Text) && !endsWithQuestionMark(text, c.End) {
			// "银行天天打电话": a call told, not a number asked for.
			k.contact = containsAny(callsTold.Replace(c.Text), r.contact)
		}
		switch {
		case isChatter(c.Text):
			k.kind = chat
		case k.contact && !hasContent(r.contactBlank.Replace(c.Text), ""):
			k.kind = contactOnly
		case noMoney.MatchString(c.Text):
			// "疫情停业那阵哪有钱？": told, whatever mark ends it.
		case selfIntro.MatchString(c.Text) && !endsWithQuestionMark(text, c.End):
			// "我嘎哈的呢，开大货车的": the trade told, as a question.
		case onlyInterjection(c.Text):
			// Told ("哎，咋说呢，…"), it stays situation as before.
			if endsWithQuestionMark(text, c.End) {
				k.kind = chat
			}
		case isQuestion(c.Text) || endsWithQuestionMark(text, c.End):
			k.kind = question
		case !hasContent(openerBlank.Replace(c.Text), spokenParticles):
			// "那我打这个王楠的电话问问吧": 问问吧 is no ask of its own.
			k.kind = opener
		}
		// "区科委工业科李杰的电话请完整写一下": a phone requested as a
		// service, though no question (see group).
		k.request = k.kind == statement && k.contact && containsAny(c.Text, contactRequests)
		k.opens = (connectiveAt(c.Text) > 0 || connectiveAt(afterSpoken(c.Text)) > 0) && (k.kind != statement || asked || !tellsMore(c.Text)) || containsAny(c.Text, leadIns)
		asked = asked || k.kind == question || k.kind == contactOnly
		k.elaborates = k.kind == statement && !k.opens && elaborates(c.Text)
		k.ellipsis = strings.HasSuffix(c.Text, "呢") && utf8.RuneCountInString(c.Text) <= maxEllipsis && !endsWithQuestionMark(text, c.End)
		k.need = k.kind == statement && !k.opens && !k.elaborates && voicesNeed(c.Text)
		k.guess = (k.kind == question || k.kind == statement) && !k.opens && r.onlyGuess(c.Text)
		out = append(out, k)
	}
	for i := 0; i+1 < len(out); i++ {
		if c := &out[i]; c.kind == statement && !c.opens && namesRelief(c.Text) && r.addsAsk(out[i+1:]) {
			// "贷款延期，还有购置税减半": a relief named, then another one a
			// connective adds, are two asks; the first is no story.
			c.kind, c.need = question, false
		}
	}
	presupposed(out)
	return out
}

// addsAsk reports whether the clauses cs open with a connective that adds
// an ask naming its own subject: a relief's name or a question
// ("还有购置税减半", "另外 房租能减吗"; not "还有别的吗", nor "另外我们是国企的
// 房子", which tells).
func (r *Reader) addsAsk(cs []classified) bool {
	n := connectiveAt(cs[0].Text)
	if n == 0 {
		return false
	}
	rest := strings.TrimLeftFunc(cs[0].Text[n:], isSpace)
	if rest == "" && cs[0].kind == opener && len(cs) > 1 {
		rest = cs[1].Text
	}
	return r.hasSubject(rest) && (namesRelief(rest) || isQuestion(rest))
}

// presupposed marks as a need the statement right before the first ask
// when a connective that adds to something asked (还有, 另外: turning)
// opens that ask and no question comes before it: "共享用工平台那个 我们酒
// 店人多用不上想借出去 然后还有啊 …" asked about the platform first, though
// it asks nothing. Like any need, it is an ask only when the caller finds
// the guide answers it with a measure no other ask has.
func presupposed(cs []classified) {
	for i, c := range cs {
		switch {
		case c.kind == chat:
			continue
		case c.kind != question && c.kind != contactOnly && !c.opens:
			continue
		case !turning(c.Text):
			return
		}
		nearest := true
		for j := i - 1; j >= 0; j-- {
			b := &cs[j]
			if b.kind == chat || b.kind == opener {
				continue
			}
			if b.kind != statement || b.opens || b.elaborates && !namesTopic(b.Text) {
				return
			}
			// The nearest statement, or a topic named before it with a
			// spoken pointer ("共享用工平台那个 我们酒店人多…").
			if nearest || namesTopic(b.Text) {
				b.need = true
			}
			nearest = false
		}
		return
	}
}

// topicPointers end a clause that only names a topic, as speech does ("共
// 享用工平台那个", "首贷贴息的事").
var topicPointers = []string{"那个", "那块", "这块", "的事", "的事儿", "的政策", "那个政策"}

// namesTopic reports whether statement s names a topic with a spoken
// pointer at its end.
func namesTopic(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return r == '啊' || r == '呀' || isSpace(r) })
	return hasSuffixAny(s, topicPointers) && hanRunes(s) > 3
}

// turning reports whether s opens with a connective that adds to something
// asked before it (还有, 另外, 顺便问一下), after a spoken one (然后) or not;
// not one that only lists (以及, 同时, 一是).
func turning(s string) bool {
	for _, t := range []string{s, afterSpoken(s)} {
		if n := connectiveAt(t); n > 0 && !slices.Contains(listingConnectives, t[:n]) {
			return true
		}
	}
	return false
}

// listingConnectives open an ask without adding it to one asked before.
var listingConnectives = []string{"以及", "同时", "一是", "其一"}

// tellsMore reports whether statement s opens with 还有 telling what else
// there is, a count of something after it ("种苹果和桃，还有一小片樱桃",
// "还有两间门面"): before any question the story goes on, no ask turns to
// another matter (after one, "还有三十多个工人的社保…" turns).
func tellsMore(s string) bool {
	rest, ok := strings.CutPrefix(s, "还有")
	if !ok || connectiveAt(s) != len("还有") {
		return false // 还有就是, 还有一个就是: connectives of their own
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("一两二三四五六七八九十几半0123456789", r) && !announcesMatter(s) && !containsAny(rest, []string{"问题", "事"})
}

// afterSpoken is s after a spoken connective that opens it and the spaces
// after that: "然后 还有就是…" is opened by 还有就是 as much as "还有就是…".
// A spoken connective that ends in a connective keeps that one: "然后还有担
// 保费…" is opened by 还有.
func afterSpoken(s string) string {
	for _, c := range spokenConnectives {
		if rest, ok := strings.CutPrefix(s, c); ok {
			for i := range c {
				if i > 0 && connectiveAt(c[i:]) == len(c)-i {
					return c[i:] + rest
				}
			}
			return strings.TrimLeftFunc(rest, isSpace)
		}
	}
	return s
}

// callsTold blanks the phrases a statement tells a call with ("银行天天打
// 电话", "催收电话打个不停"): 电话 in them asks for no number.
var callsTold = newBlanker([]string{"打来电话", "打电话", "来电话", "打来的电话", "催收电话", "催款电话", "电话催", "电话轰炸", "接电话", "接到电话"})

// wishText blanks the phrases that hold a wish word without wishing.
var wishText = newBlanker(notWish)

// voicesNeed reports whether statement s voices a need: a trouble word
// (交不上, 还不上, 欠着), or a wish word with a relief verb after it (想缓一
// 缓, 希望能减一减; not 想扩大店面).
func voicesNeed(s string) bool {
	if containsAny(s, troubleWords) {
		return true
	}
	s = wishText.Replace(s)
	for _, w := range wishWords {
		if i := strings.Index(s, w); i >= 0 && containsAny(s[i+len(w):], reliefVerbs) {
			return true
		}
	}
	return false
}

// questionText blanks the phrases that hold a question word without
// asking anything (十几个, 哪怕).
var questionText = newBlanker(notQuestion)

// isQuestion reports whether s holds a question cue: a question word, an
// "X不X" / "X没X" choice (能不能, 有没有, 减不减), a final 呢, an
// opening 还是 (…还是只针对大企业) or 是A还是B.
func isQuestion(s string) bool {
	if strings.HasPrefix(s, "还是") || choiceOfTwo(s) || containsAny(s, whatFor) {
		return true
	}
	s = notAnyText(notFewText(planFewText(questionText.Replace(s))))
	if containsAny(s, questionWords) {
		return true
	}
	return asksYesNo(s)
}

// AsksYesNo reports whether s asks yes or no without a question word: an
// "X不X" / "X没X" choice (能不能, 减不减), a final 呢, 对吧 or 是吧, or a
// verb and a final 不 or 没 ("区里支持这个不", "有补贴没"). Read so, a
// message opening with an assent ("好 …支持这个不") still asks.
func AsksYesNo(s string) bool {
	return asksYesNo(notAnyText(notFewText(planFewText(questionText.Replace(s)))))
}

// AsksEitherOr reports whether s weighs two things against each other
// in its shape ("是找房东直接减还是得先去国资委申请"): 是A还是B asks which,
// though no question word or final particle says so.
func AsksEitherOr(s string) bool { return choiceOfTwo(s) }

// asksYesNo is AsksYesNo of s with its told phrases blanked.
func asksYesNo(s string) bool {
	var prev [2]rune
	for _, r := range s {
		if prev[1] == '不' || prev[1] == '没' {
			if r == prev[0] && unicode.Is(unicode.Han, r) {
				return true
			}
		}
		prev[0], prev[1] = prev[1], r
	}
	t := strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if strings.HasSuffix(t, "呢") {
		return true
	}
	// A final 对吧 or 是吧 asks the listener to confirm what was said
	// ("最高给百分之五十对吧"): a question, though no question word is in
	// it; "就是吧" is a spoken pause.
	if (strings.HasSuffix(t, "对吧") || strings.HasSuffix(t, "是吧")) && !strings.HasSuffix(t, "就是吧") {
		return true
	}
	return endsNot(t)
}

// EndsNot reports whether s asks yes or no by a verb and a final 不 or 没
// ("俺这小旅馆能买不", "有补贴没"), which no question word or cue shows.
func EndsNot(s string) bool {
	return endsNot(strings.TrimRightFunc(notAnyText(notFewText(planFewText(questionText.Replace(s)))), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
}

// endsNot is EndsNot of t, with its told phrases blanked and its final
// punctuation trimmed.
func endsNot(t string) bool {
	// "宽带能便宜点不", "有补贴没": a verb and a final 不 or 没 ask yes or
	// no; "也不", "都没" end a statement, and so does "not a single one"
	// ("手里一分钱没有").
	for _, neg := range []string{"不", "没", "没有"} {
		if head, ok := strings.CutSuffix(t, neg); ok && utf8.RuneCountInString(head) >= 2 &&
			!strings.HasSuffix(head, "也") && !strings.HasSuffix(head, "都") && !strings.HasSuffix(head, "还") && !strings.HasSuffix(head, "并") &&
			!containsAny(lastRune(head), slipInterjections) &&
			!containsAny(head, notASingle) {
			return true
		}
	}
	return false
}

// slipInterjections before a final 不 take back what was said ("我是A区的
// 哦不"): a correction, not a yes-or-no question.
var slipInterjections = []string{"哦", "噢", "喔", "啊"}

// lastRune is the last character of s, after any spaces.
func lastRune(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// choiceOfTwo reports whether s asks "是A还是B" (是给企业还是给我): a 是
// with more words before 还是 than 还是 itself. 还是 alone also means
// "still" (现在还是关着), which no 是 opens.
func choiceOfTwo(s string) bool {
	i := strings.Index(s, "还是")
	if i <= 0 {
		return false
	}
	j := strings.Index(s[:i], "是")
	// 不管是A还是B, 无论是A还是B: both, told.
	return j >= 0 && i-j > len("是") && !containsAny(s[:j], []string{"不管", "无论", "不论"})
}

// notFewText blanks a 几 one or two characters after 没 (没开几天门, 没挣几
// 个钱): "hardly any", told, not asked.
func notFewText(s string) string {
	if !strings.ContainsRune(s, '几') {
		return s
	}
	rs := []rune(s)
	changed := false
	for i, r := range rs {
		if r != '几' {
			continue
		}
		if i >= 2 && rs[i-2] == '没' || i >= 3 && rs[i-3] == '没' {
			rs[i] = ' '
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// planFew is the owner's plan with a count: a first person, a wish or
// plan word and a verb before 几 and a measure word ("我们要换几台教练车",
// "我还想招几个村里的人"): "a few", told as the story, not asked; "能招
// 几个" (a modal between) and "我们要交几个月" (要 of what must be done:
// paying, waiting) still ask how many.
// A plan word of its own (打算, 准备, 计划) needs no first person: "今年打算
// 招几个应届生" after the company was named is the plan still.
var planFew = regexp.MustCompile(`(?:(?:我|我们|咱|咱们|俺|俺们)(?:还|也|就|都|正|再)?(?:(?:想|打算|准备|计划)(?:再|多)?[^能可该得会几\s，,。？?！!]{1,3}|要(?:再|多)?[^能可该得会几\s，,。？?！!交缴付还等跑填排花用]{1}[^能可该得会几\s，,。？?！!]{0,2})|(?:打算|准备|计划)(?:再|多)?[^能可该得会几\s，,。？?！!]{1,3})(几)(?:个|台|辆|间|名|位|批|套|家|条|块|亩|头|只|部|张|栋|处)`)

// planFewTold is an owner's plan with a count whose first person a clause
// before told ("我们是家小公司，最近想投几个政府的项目"): a wish or plan
// word, a verb and 几 with a measure word. 几个月 after it may ask how long
// ("想延期几个月"), and 要 may say what must be done: neither is read so.
var planFewTold = regexp.MustCompile(`(?:想|打算|准备|计划)(?:再|多)?[^能可该得会几要\s，,。？?！!]{1,3}(几)(?:个[^月天年小]|台|辆|间|名|位|批|套|家|条|块|亩|头|只|部|张|栋|处)`)

// haveFew is what the owner has, counted: a first person, 有 and 几 with
// a measure word for people or things ("我们有几个外地员工", "我有几个问题"):
// "a few", told; nobody asks how many they have themselves. 几个月 and
// the like may ask how long ("我们有几个月的缓缴期") and are not read so.
// Where they are may come between (我们店, 我们厂里).
var haveFew = regexp.MustCompile(`(?:^|[^你您他她])(?:我|我们|咱|咱们|俺|俺们)(?:这边|这里|这儿|店里|厂里|公司里|单位里|站里|村里|店|厂|公司|单位|站|家)?(?:还|也|就|都)?有(几)(?:个[^月天年小星礼周钟]|名|位|台|辆|间|家|套|批|条|处)`)

// fewWithout is a clause opening on a count of people or things that then
// says they lack or do not do something ("几个服务员没活干", "几台车都不能
// 跑"): "a few", the subject of a hardship told, as a to-do list or a
// story writes it; asking how many puts a verb first (有几个没交的).
var fewWithout = regexp.MustCompile(`^(几)(?:个|名|位|台|辆|家)[\p{Han}]{1,4}?(?:都|也|还|就)?(?:没|不)`)

// planFewText blanks the 几 of the owner's plans and holdings (planFew,
// planFewTold, haveFew) and of the counted subjects of a hardship
// (fewWithout).
func planFewText(s string) string {
	if !strings.ContainsRune(s, '几') {
		return s // every pattern needs it
	}
	ms := slices.Concat(planFew.FindAllStringSubmatchIndex(s, -1), planFewTold.FindAllStringSubmatchIndex(s, -1), haveFew.FindAllStringSubmatchIndex(s, -1),
		fewWithout.FindAllStringSubmatchIndex(s, -1))
	if ms == nil {
		return s
	}
	b := []byte(s)
	for _, m := range ms {
		for i := m[2]; i < m[3]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// notAnyText blanks a question word that 都 or 也 and a negation follow a
// few characters later: "啥保险都没有", "什么手续也不用" say "none at all",
// a statement of the story; "为啥我们都没有" still asks why.
func notAnyText(s string) string {
	if !strings.ContainsAny(s, "啥谁哪什") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 0; i < len(rs); i++ {
		n := 0
		switch {
		case rs[i] == '啥' || rs[i] == '谁' || rs[i] == '哪':
			n = 1
		case rs[i] == '什' && i+1 < len(rs) && rs[i+1] == '么':
			n = 2
		default:
			continue
		}
		if i > 0 && rs[i-1] == '为' {
			continue
		}
		// Up to four characters of what is named (保险, 补贴政策) before 都/也.
		for j := i + n; j < len(rs) && j <= i+n+4; j++ {
			if (rs[j] == '都' || rs[j] == '也') && j+1 < len(rs) && (rs[j+1] == '没' || rs[j+1] == '不') {
				for k := i; k < i+n; k++ {
					rs[k] = ' '
				}
				changed = true
				break
			}
			if !unicode.Is(unicode.Han, rs[j]) {
				break
			}
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// notASingle say "not a single one" before a final 没有 ("一分钱没有",
// "一单生意没有"): a statement, not a yes-or-no question.
var notASingle = []string{"一分", "一毛", "一个", "一单", "一笔", "一点", "一件", "一份", "一位", "一桌"}

// endsWithQuestionMark reports whether the clause ending at text[end] is
// followed by a question mark.
func endsWithQuestionMark(text string, end int) bool {
	rest := strings.TrimLeftFunc(text[end:], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“”’）)", r)
	})
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '？' || r == '?' || r == '﹖'
}

func isChatter(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune("啊呀哈啦~～ ", r) })
	return chatter[s] || chatter[strings.ToLower(s)] || appeal.MatchString(s) || closing.MatchString(s)
}

// closing matches the closing formula of a complaint worksheet or a
// letter ("请相关部门予以答复", "恳请有关单位尽快回复"): no demand of its
// own. Read as the worksheet's one ask, its words (部门, 答复) found no
// measure and the demands before it were lost.
var closing = regexp.MustCompile(`^(?:请|望|恳请|敬请|烦请|盼)(?:相关|有关)?(?:部门|单位|领导)?(?:予以|给予|尽快|及时)?(?:答复|回复|反馈)(?:为盼|为谢|是盼)?$`)

// onlyInterjection reports whether s is made of interjections alone
// ("啊", "哦哦"): "啊？那我这种…就不能减了？" voices surprise, and the
// question mark after it asks nothing.
func onlyInterjection(s string) bool {
	return s != "" && strings.TrimFunc(s, func(r rune) bool { return strings.ContainsRune(interjections, r) || isSpace(r) }) == ""
}

// interjections are the characters a clause of mere surprise, assent or
// hesitation is made of (啊, 哦, 诶, 呃…): such a clause is no ask.
const interjections = "啊呀哈啦哦噢喔嗯诶欸哎唉呃额咦哇嘿~～"

// spokenParticles end a clause without adding to it ("问问吧", "咨询一下
// 哈"): a lead-in with one of them still only opens what follows.
const spokenParticles = "吧哈啊呀哦嘛呗啦"

// appeal matches a call to whoever reads ("有没有懂的姐妹", "求科普", "懂
// 行的朋友们"): no ask of its own, though 有没有 would make it one and
// take the ask's place.
var appeal = regexp.MustCompile(`^(?:有没有|有没|有)?(?:懂的|懂行的|知道的|了解的|明白的|内行的)(?:姐妹|家人|朋友|大佬|宝子|老铁|兄弟|前辈|老师|人)?们?(?:吗|嘛|么|没)?$|^求(?:科普|助|解答|指点|指教|解惑)(?:一下)?$|^(?:各位|大家)(?:老板|朋友|大佬|老师|家人|姐妹|兄弟|同行|前辈|街坊)?们?好$`)

func containsAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}

// openerBlank blanks lead-ins, connectives and filler: a clause left
// empty only opens the next one (请问, 另外, 我想咨询一下).
var openerBlank = newBlanker(slices.Concat(leadIns, connectives, contactFiller, openerFiller))

// hasContent reports whether s has a letter or digit outside skip.
func hasContent(s, skip string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return (unicode.IsLetter(r) || unicode.IsNumber(r)) && !strings.ContainsRune(skip, r)
	})
}

// newBlanker returns a Replacer that turns every word of words into a
// space, longest words first.
func newBlanker(words []string) *strings.Replacer {
	ws := sortLongestFirst(words)
	pairs := make([]string, 0, 2*len(ws))
	for _, w := range ws {
		pairs = append(pairs, w, " ")
	}
	return strings.NewReplacer(pairs...)
}

func sortLongestFirst(words []string) []string {
	ws := slices.Clone(words)
	slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	return ws
}

// subjectless blanks what names no subject: question words, lead-ins,
// connectives, contact cues and aspect words.
var subjectless = newBlanker(slices.Concat(questionWords, leadIns, connectives, DefaultContactCues, aspectWords, contactFiller))

// namesSubject is the built-in subject test: after blanking question and
// aspect words, at least two letters or digits that are not generic
// characters remain (社保呢 names 社保; 能减几个月吗 names nothing).
func (r *Reader) namesSubject(s string) bool {
	n := 0
	for _, c := range subjectless.Replace(s) {
		if (unicode.IsLetter(c) || unicode.IsNumber(c)) && !strings.ContainsRune(genericChars, c) {
			n++
		}
	}
	return n >= 2
}

// elaborates reports whether a statement starts or ends with an
// elaboration cue (比如贷款, 联合体投标那种) and is short enough to be only that.
func elaborates(s string) bool {
	if utf8.RuneCountInString(s) > 12 {
		return false
	}
	for _, w := range elaborationStarts {
		if strings.HasPrefix(s, w) && len(s) > len(w) {
			return true
		}
	}
	for _, w := range elaborationEnds {
		if strings.HasSuffix(s, w) && len(s) > len(w) {
			return true
		}
	}
	return false
}

// maxEllipsis bounds the runes of an "X呢" clause ("那留抵退税呢").
const maxEllipsis = 10

// asksOfEllipsis reports whether a question clause after an "X呢" clause
// asks about X: it opens with the asker ("我们小公司能退吗"), names no
// subject of its own, or is only a few characters ("有没有优惠").
func (r *Reader) asksOfEllipsis(c classified) bool {
	if c.kind != question || c.ellipsis || c.opens {
		return false
	}
	for _, p := range []string{"我们", "我", "咱们", "咱"} {
		if strings.HasPrefix(c.Text, p) {
			return true
		}
	}
	return !r.hasSubject(c.Text) || utf8.RuneCountInString(c.Text) <= 5
}
