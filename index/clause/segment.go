package clause

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cut splits text into clauses: at punctuation, emoji and newlines, after
// a 吗 that ends a question without punctuation, at spaces that follow a
// question or a greeting (or runs of two or more), at the spaces between
// the Chinese clauses of a spaced story (spacedStory), and before a
// connective (or a spoken one: 然后) that follows a question or a need.
// List numbers (1. 2、 （3） ②) are
// dropped.
func cut(text string) []Clause {
	var out []Clause
	start := 0
	story := spacedStory(text)
	numbered := false // a list number cut off at its dot ("1.") opens the next clause
	emit := func(end int) {
		// A run-on typed by voice tells its story and asks in one stretch:
		// the ask starts at a lead-in or at the pause before its question.
		for {
			drop, k := runOnCut(text[start:end])
			if k <= 0 {
				break
			}
			if c, ok := trim(text, start+drop, start+k); ok {
				out = append(out, c)
			}
			start += k
		}
		c, ok := trim(text, start, end)
		if ok {
			c.numbered = c.numbered || numbered
			out = append(out, c)
		}
		numbered = !ok && onlyNumber(strings.TrimFunc(text[start:end], trimmable))
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch {
		case isSpace(r):
			j := next
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isSpace(r2) {
					break
				}
				j += s2
			}
			if k := skipSpacedFillers(text, j); story && k > j && betweenHan(text, start, i, k) {
				// "我开民宿的 嗯 就是想问一下": the filler between the
				// spaces is one more space.
				emit(i)
				start, j = k, k
			} else if strings.ContainsAny(text[i:j], "\n\r") || j-i > 1 && text[i:j] != "\u3000" || endsAsk(recent(text, start, i)) && !latinWordSpace(text, i, j) ||
				(story || needsBeforeSpace(recent(text, start, i)) || toldBeforeSpace(text[start:i], text[j:]) || pointerAskAfter(text[j:])) && betweenHan(text, start, i, j) || isChatter(recent(text, start, i)) {
				// A need typed before a space ("我们公司想缓交社保 听说宽带
				// 降价了是真的吗") ends its clause as a question does.
				emit(i)
				start = j
			}
			next = j
		case isSeparator(text, i, r):
			emit(i)
			start = next
		case r == '吗' && next < len(text) && !startsWithSeparator(text[next:]):
			emit(next)
			start = next
		default:
			if i > start && (connectiveAt(text[i:]) > 0 || hasPrefixAny(text[i:], spokenConnectives)) {
				if s := recent(text, start, i); (isQuestion(s) || voicesNeed(s) || asksWithoutCue(s) || namesRelief(text[start:i]) && addsSubject(text[i:])) && !hasSuffixAny(s, headlessModals) && !withPartner(s, text[i:]) {
					emit(i)
					start = i
				}
			} else if i > start && hasPrefixAny(text[i:], midLeadIns) && !isQuestion(recent(text, start, i)) && hanRunes(recent(text, start, i)) >= minToldBeforeLeadIn &&
				!opensWithConnective(text[start:i]) {
				// "…房东是国企的说房租不能减了我想问问房租减免的事还有…":
				// typed without a stop, a story runs into the ask its
				// lead-in opens.
				k := connectiveBefore(text, start, i)
				emit(k)
				start = k
			}
		}
		i = next
	}
	emit(len(text))
	return retract(text, out)
}

// retract drops what a message takes back: the words before a retraction
// inside a clause (keeping a lead-in that opened it: "我想问一下那个首台套
// 不对是…" still asks), or the clause before a bare retraction whose next
// clause says what was meant. Told before, the slip would be searched as
// the owner's subject.
func retract(text string, cs []Clause) []Clause {
	var out []Clause
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if bareRetractions[c.Text] && i+1 < len(cs) && hasPrefixAny(cs[i+1].Text, restatements) &&
			!strings.HasPrefix(cs[i+1].Text, "是不") && !strings.HasPrefix(cs[i+1].Text, "是否") {
			if n := len(out); n > 0 && !isQuestion(out[n-1].Text) {
				out = out[:n-1]
			}
			continue
		}
		if k, n := restatesAt(c.Text), len(out); k == len(c.Text) && n > 0 && i+1 < len(cs) {
			// "不会没有滞纳金吧……我是说，不会有滞纳金吧？": the
			// self-correction standing alone puts what follows it in
			// place of the clause before it.
			out = out[:n-1]
			continue
		}
		if n := len(out); n > 0 && isQuestion(out[n-1].Text) {
			if k := restatesAt(c.Text); k > 0 && k < len(c.Text) {
				// "能不能不给贴息？……我是说能给贴息吗？": the question
				// said again is what is asked; the slip before it, read,
				// would ask the opposite (or the same twice).
				out = out[:n-1]
				if r, ok := trim(text, c.Start+k, c.End); ok {
					r.numbered = c.numbered
					out = append(out, r)
				}
				continue
			}
		}
		loc := retraction.FindStringIndex(c.Text)
		if loc == nil || loc[0] == 0 || strings.HasSuffix(c.Text[:loc[0]], "对") ||
			strings.HasPrefix(c.Text[loc[1]:], "不") || strings.HasPrefix(c.Text[loc[1]:], "否") {
			out = append(out, c)
			continue
		}
		before := c.Text[:loc[0]]
		k := leadInEnd(before)
		if !slip(before[k:]) {
			out = append(out, c)
			continue
		}
		if k > 0 {
			if l, ok := trim(text, c.Start, c.Start+k); ok {
				out = append(out, l)
			}
		}
		if r, ok := trim(text, c.Start+loc[1], c.End); ok {
			r.numbered = c.numbered
			out = append(out, r)
		}
	}
	return out
}

// slip reports whether s, said before a retraction, is a name said wrongly
// ("那个首台套", "公积金贷款"), which the words after it replace, rather
// than a detail of an ask or a story ("房租能免三个月", "许可证过期了",
// "缓到什么时候"), which the words after it only correct: those keep the
// subject, so the clause stays whole.
func slip(s string) bool {
	return hanRunes(s) <= maxSlipRunes && !isQuestion(s) && !strings.ContainsAny(s, "了能会要可过")
}

// maxSlipRunes bounds a name said wrongly.
const maxSlipRunes = 10

// leadInEnd returns where the first lead-in of s ends (with the filler
// 一下 and 那个 after it), or 0 when s holds none.
func leadInEnd(s string) int {
	first, end := -1, 0
	for _, w := range leadIns {
		if i := strings.Index(s, w); i >= 0 && (first < 0 || i < first) {
			first, end = i, i+len(w)
		}
	}
	if first < 0 {
		return 0
	}
	for _, f := range []string{"一下", "那个"} {
		if strings.HasPrefix(s[end:], f) {
			end += len(f)
		}
	}
	return end
}

// minRunOnStory is how many Chinese characters a story must hold before a
// run-on's ask is cut from it: a short lead ("那个房子", "我们租的") is the
// ask's own subject.
const minRunOnStory = 8

// minPausedStory is the story a pause must end before it cuts: a pause
// also stops a short subject from its question ("就是我们公司的留抵退税嗯…
// 能退下来吗"), which is no story.
const minPausedStory = 16

// runOnPauses are the spoken pauses before a run-on's question: "…关了好
// 几个月那个房租啊能不能给减点儿" asks from 那个 on.
var runOnPauses = []string{"嗯", "呃", "那个"}

// runOnCut returns where the ask of a clause typed without punctuation
// starts, or 0, and how many bytes of a lead-in opening the clause to drop
// before the story ("喂那个我问一下啊" asks nothing itself, and would make
// the story an ask): at the last lead-in (想问问, 问一下, with the 我 before
// it) or, when none is there, at the last pause (嗯, 那个) whose rest is
// a question, in either case after a story of minRunOnStory characters
// or more that asks nothing and holds no lead-in itself ("…现在房东是国企
// 的说房租不能减了我想问问房租减免的事"). Only the last window bytes are
// searched, which keeps a long message linear.
func runOnCut(s string) (drop, cut int) {
	if strings.ContainsFunc(s, isSpace) {
		return 0, 0 // spaced stories are cut at their spaces
	}
	from := max(0, len(s)-window)
	story := func(k int) bool {
		b := s[:k]
		return hanRunes(b) >= minRunOnStory && !isQuestion(b) && !containsAny(b, leadIns) && !opensWithConnective(b)
	}
	lead, end := -1, 0
	for _, w := range leadIns {
		if i := strings.LastIndex(s[from:], w); i >= 0 && from+i > lead {
			lead, end = from+i, from+i+len(w)
		}
	}
	if head := s[:min(len(s), maxOpener)]; lead < 0 {
		// A lead-in opening a long run-on lies before the window.
		for _, w := range leadIns {
			if i := strings.Index(head, w); i >= 0 && (lead < 0 || i < lead) && hanRunes(s[:i]) <= maxOpenerRunes {
				lead, end = i, i+len(w)
			}
		}
	}
	if lead >= 0 && hanRunes(s[end:]) == 0 {
		// A lead-in that ends the clause announces the clauses after it
		// ("受两家企业委托咨询：1.…"): no ask starts inside this one.
		return 0, 0
	}
	if lead >= 0 {
		// 想问问 holds 问问: the lead-in starts at the earliest one
		// overlapping the last.
		for changed := true; changed; {
			changed = false
			for _, w := range leadIns {
				for k := 1; k < len(w) && k <= lead; k++ {
					if strings.HasPrefix(s[lead-k:], w) && lead-k+len(w) > lead {
						lead, changed = lead-k, true
						break
					}
				}
			}
		}
		for _, p := range []string{"我们", "我", "就"} {
			if strings.HasSuffix(s[:lead], p) {
				lead -= len(p)
				break
			}
		}
		if lead > 0 && story(lead) {
			return 0, lead
		}
		if hanRunes(s[:lead]) > maxOpenerRunes {
			return 0, 0
		}
		// "喂那个我问一下啊就是我儿子…": the lead-in opens the message,
		// and the story after it may end in a pause before the question.
		from = max(from, end)
	}
	best := 0
	for _, w := range runOnPauses {
		if i := strings.LastIndex(s[from:], w); i >= 0 && from+i > best {
			best = from + i
		}
	}
	if best > 0 && isQuestion(s[best:]) && hanRunes(s[best:]) >= 4 && hanRunes(s[end:best]) >= minPausedStory && !isQuestion(s[:best]) {
		return end, best
	}
	return 0, 0
}

// asksWithoutCue reports whether s asks with no question cue: a lead-in
// with its subject after it ("想问社保补贴"), or a connective that opens
// s with one ("还有日常防疫的 消毒啥的"). Voice input types such an ask and
// goes on with a connective ("…想问社保补贴 然后 还有就是农村劳动力…"):
// the connective then turns to the next ask, as after a question.
func asksWithoutCue(s string) bool {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return isSpace(r) || trimmable(r) })
	if n := connectiveAt(s); n > 0 {
		// "还有，我新招了两个小伙子然后签了合同，有补贴吗" tells what
		// happened: the story of the ask it opens, which goes on.
		return hanRunes(s[n:]) >= minOpenedAsk && !strings.Contains(s[n:], "了")
	}
	end := -1
	for _, w := range leadIns {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			end = i + len(w)
		}
	}
	return end >= 0 && hanRunes(s[end:]) >= minOpenedAsk
}

// opensWithConnective reports whether s opens with a connective, or a
// spoken one (然后) and then maybe a connective: cut after an ask, s names
// the subject of the next ask ("然后那个生活服务业项目也想问问怎么报"), no
// story its lead-in would end.
func opensWithConnective(s string) bool {
	s = strings.TrimLeftFunc(s, isSpace)
	for _, c := range spokenConnectives {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return connectiveAt(s) > 0
}

// addsSubject reports whether s, opening with a connective, names a
// subject of its own before its clause ends ("还有购置税减半", not "还有吗" or
// "还有什么条件", which ask on about what came before).
func addsSubject(s string) bool {
	s = s[connectiveAt(s):]
	end := len(s)
	for i, r := range s {
		if isSeparator(s, i, r) || r == '吗' {
			end = i
			break
		}
	}
	return defaultReader.namesSubject(s[:end])
}

// minOpenedAsk is how many Chinese characters a lead-in or connective must
// be followed by to ask something ("想问一下" alone asks nothing yet).
const minOpenedAsk = 3

// maxOpenerRunes bounds the words before a lead-in that opens a run-on
// ("喂那个我问一下").
const maxOpenerRunes = 4

// needsBeforeSpace reports whether s, typed before a single space, voices a
// need other than a price complaint: "电费太贵了 工业电价能不能便宜点" and
// "停车场收费太贵了 能投诉吗" are one complaint each, read whole as before.
func needsBeforeSpace(s string) bool {
	return voicesNeed(priceComplaint.Replace(s))
}

// priceComplaint blanks the trouble words that only complain of a price.
var priceComplaint = newBlanker([]string{"太贵", "贵死"})

// midLeadIns are the lead-ins that open an ask in the middle of a clause
// typed without stops: the asker names themselves or asks politely, which
// no story's statement does.
var midLeadIns = []string{"我想问", "我想咨询", "我想了解", "我想知道", "想问一下", "想问问", "想咨询一下", "请问"}

// selfTold open a statement of who the asker is ("我开了个小书店", "我们是
// 做物流的"): typed before a single space and an ask, it is the story, not
// part of what is asked.
var selfTold = []string{"我是", "我们是", "我开", "我们开", "我家开", "开了个", "开了家", "开了一家", "开了一个"}

// tradeVerbs say what a business does ("开文具店的", "做餐饮的", "卖菜的").
var tradeVerbs = []string{"开", "做", "卖", "干", "搞", "跑"}

// tradeTold reports whether s says who the asker is by their trade, "…X的"
// after a trade verb ("学校旁边开文具店的"), short enough to be only that.
func tradeTold(s string) bool {
	return strings.HasSuffix(s, "的") && hanRunes(s) <= maxTradeTold && containsAny(s, tradeVerbs)
}

// eventTold reports whether s tells what happened to the asker, a verb
// with 了 and what it lasted or came to ("疫情那会关了快仨月", "店停了两个
// 月"): a statement of the story, long enough (minToldEvent) not to be an
// ask's own words. A 了 ending s is a state or complaint the ask goes on
// about ("收费太贵了 能不能便宜点", "要拆迁了 补偿标准是多少").
func eventTold(s string) bool {
	i := strings.Index(s, "了")
	return i > 0 && hanRunes(s) >= minToldEvent && hanRunes(s[:i]) >= 2 && hanRunes(s[i+len("了"):]) >= 2 && !strings.HasSuffix(s, "的")
}

// minToldEvent is how many Chinese characters an event told before a
// space must have: a clause of its own ("店关了三个月"), not a word.
const minToldEvent = 6

// maxTradeTold bounds a trade told before a space.
const maxTradeTold = 14

// toldBeforeSpace reports whether a single space ends a statement of the
// story and the ask follows it: the part after the space opens with a
// lead-in ("…小书店 想问下房租能不能减"), or the part before tells who the
// asker is, or what they have counted with 几 (haveFew: "我们店有几个外地
// 员工"), and the part after asks ("我开了个小书店 房租能不能减"). A
// message with one space otherwise stays whole (see spacedStory).
func toldBeforeSpace(before, after string) bool {
	if isQuestion(before) {
		return false
	}
	if hasPrefixAny(after, midLeadIns) || hasPrefixAny(after, spacedLeadIns) {
		return true
	}
	plan := planTold(before)
	if !hasPrefixAny(before, selfTold) && !tradeTold(before) && !eventTold(before) && !haveFew.MatchString(before) && !plan {
		return false
	}
	if k := strings.IndexAny(after, " ，。？！,?!；;"); k >= 0 {
		after = after[:k]
	}
	// A plan is the story only before an ask naming a subject of its own
	// ("想接点政府的活 政府采购对小厂有照顾吗"); before a bare one ("想缓交
	// 社保 能行吗") the plan is what is asked.
	return isQuestion(after) && (!plan || defaultReader.namesSubject(after))
}

// planOpeners open a plan the asker tells ("想接点政府的活", "打算再买两辆车").
var planOpeners = []string{"想", "我想", "我们想", "打算", "我打算", "我们打算", "准备", "我准备", "我们准备", "计划"}

// planTold reports whether s, typed before a single space, tells a plan of
// the asker's: the ask after it says what of the plan it asks about, and
// the plan's own words (印刷活, 小面包) are no topic the guide must name.
// A lead-in (想问一下) is no plan.
func planTold(s string) bool {
	return hasPrefixAny(s, planOpeners) && !hasPrefixAny(s, planLeadIns)
}

// planLeadIns open a question, not a plan, after 想.
var planLeadIns = []string{"想问", "想咨询", "想了解", "想知道", "想请教", "我想问", "我想咨询", "我想了解", "我想知道", "我们想问", "我们想了解"}

// pointerAskAfter reports whether the clause s starts is a short contact
// ask opening with a pointer ("冷库也用不少水 这个找谁"): it asks about
// something told or asked before the space, and is a clause of its own.
func pointerAskAfter(s string) bool {
	if !hasPrefixAny(s, onePointers) {
		return false
	}
	end := strings.IndexFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune("。！？；，：,!?;:…～~", r) })
	if end >= 0 {
		s = s[:end]
	}
	return hanRunes(s) <= maxPointerAsk && containsAny(s, DefaultContactCues)
}

// maxPointerAsk bounds a pointer's contact ask ("这个具体找谁办理").
const maxPointerAsk = 8

// spacedLeadIns open an ask after a space, besides midLeadIns.
var spacedLeadIns = []string{"想问下", "想问一下", "问一下", "问下", "咨询一下", "咨询下"}

// minToldBeforeLeadIn is how many Chinese characters must come before a
// lead-in inside a clause for it to start a clause of its own: a story, not
// a greeting ("你好请问") or a subject ("房租我想问问能减吗").
const minToldBeforeLeadIn = 8

// hanRunes counts the Chinese characters of s.
func hanRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// isSeparator reports whether r at text[i] ends a clause.
func isSeparator(text string, i int, r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，', '：', ',', '!', '?', ';', ':', '…', '～', '~', '｡', '﹖', '﹗':
		return true
	case '【', '】':
		// A forum post's tag ("【求助】餐饮店房租的事") stands apart.
		return true
	case '.':
		// A decimal point (2.5%) or a list number's dot (1.房租) is not.
		return !(i > 0 && isDigitByte(text[i-1]) && i+1 < len(text) && isDigitByte(text[i+1]))
	case '、':
		return false // enumeration: 房租、水电、社保能减吗 is one clause
	}
	if r == utf8.RuneError {
		return true
	}
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Cs, r) || r == '\u200d' || r == '\ufe0f' ||
		unicode.Is(unicode.Sk, r) || unicode.IsControl(r)
}

func startsWithSeparator(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isSpace(r) || isSeparator(s, 0, r)
}

// window bounds how far back cut looks for a question before a space or
// a connective (bytes, about 40 characters): enough for any question, and
// it keeps cutting a 4,000-character message without punctuation linear.
const window = 120

// recent returns the last window bytes of text[start:i], from a character
// boundary.
func recent(text string, start, i int) string {
	if i-start <= window {
		return text[start:i]
	}
	j := i - window
	for j < i && !utf8.RuneStart(text[j]) {
		j++
	}
	return text[j:i]
}

// betweenHan reports whether the space text[i:j] stands between two runs
// of Chinese, each long enough to be a clause: owners typing on a phone
// put a space where they would write a comma ("我开了个小饭馆 房子是国企的
// 房租能减吗"). A space inside Latin words, pinyin or numbers ("2.5 万",
// "app 上") is no break, and neither is one after the short words of a
// keyword search ("社保 缓缴", "人社局 养老金多少"), which belong together.
func betweenHan(text string, start, i, j int) bool {
	before, after := 0, 0
	for k := i; k > start && before < minSpacedBefore; {
		r, size := utf8.DecodeLastRuneInString(text[start:k])
		switch {
		case unicode.Is(unicode.Han, r):
			before++
		case before > 0 && r >= '0' && r <= '9':
			// A count inside the clause ("有8辆货车") is part of it;
			// a space right after digits ("2.5 万") is none.
		default:
			k = start
			continue
		}
		k -= size
	}
	for k := j; k < len(text) && after < minSpacedAfter; {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		after++
		k += size
	}
	return before >= minSpacedBefore && after >= minSpacedAfter
}

// spacedStory reports whether text is a story told with spaces for commas:
// at least minStorySpaces single spaces stand between runs of Chinese long
// enough to be clauses. A message with one such space ("租的厂房要拆迁了
// 补偿标准是多少") is read whole, as before: its first part may be what
// it asks about, which the guide may not cover.
func spacedStory(text string) bool {
	n := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == ' ' && (i+size >= len(text) || text[i+size] != ' ') && betweenHan(text, 0, i, skipSpacedFillers(text, i+size)) {
			if n++; n >= minStorySpaces {
				return true
			}
		}
		i += size
	}
	return false
}

// minStorySpaces is how many spaces between clauses make a message a
// spaced story: three clauses or more.
const minStorySpaces = 2

// minSpacedBefore and minSpacedAfter are how many Chinese characters must
// stand before and after a single space for it to break the clause: a
// statement of four ("没开公司", "我开饭店") and an ask of three ("能减吗");
// a unit's or topic's name of two or three before a space is a keyword
// search's word.
const (
	minSpacedBefore = 4
	minSpacedAfter  = 3
)

// spokenFillers are the words voice input types between spaces while the
// owner thinks ("我开民宿的 嗯 就是想问一下"): standing alone between
// spaces they are a pause, not a clause.
var spokenFillers = []string{"嗯嗯", "嗯", "呃", "额", "喂", "啊", "哦", "那个", "这个", "就是说", "就是"}

// skipSpacedFillers returns where text continues after the spoken fillers
// that stand alone between spaces from j on, or j when none does.
func skipSpacedFillers(text string, j int) int {
	for {
		k := j
		for _, f := range spokenFillers {
			if strings.HasPrefix(text[j:], f) {
				k = j + len(f)
				break
			}
		}
		if k == j || k >= len(text) || text[k] != ' ' {
			return j
		}
		for k < len(text) && text[k] == ' ' {
			k++
		}
		j = k
	}
}

// endsAsk reports whether a space after s ends a clause: s is a question
// ("房租能减吗 社保呢") or only a lead-in ("想问问 农村劳动力…").
func endsAsk(s string) bool {
	if hasSuffixAny(trimSpokenFillers(s), bareModals) {
		// "民宿 能不能 那个 上乡村旅游的线路": the modal's verb follows.
		return false
	}
	if slices.Contains(bareAsks, strings.TrimSpace(trimSpokenFillers(s))) {
		// "有没有 platform 可以借员工": a clause that is only the
		// question word asks about what follows the space.
		return false
	}
	// A lead-in standing alone is short; longer text is not blanked.
	return isQuestion(s) || s != "" && len(s) <= maxOpener && !hasContent(openerBlank.Replace(s), "")
}

// trimSpokenFillers cuts the spoken fillers and spaces that end s.
func trimSpokenFillers(s string) string {
	for {
		t := strings.TrimRight(s, " ")
		for _, f := range spokenFillers {
			t = strings.TrimSuffix(t, f)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// bareAsks are question words that, said alone, ask about what follows.
var bareAsks = []string{"有没有", "是不是", "有无", "是否", "请问有没有"}

// bareModals are the A-not-A modals that ask nothing until their verb
// follows: voice input puts a pause after them.
var bareModals = []string{"能不能", "可不可以", "可以不可以", "会不会", "要不要", "让不让", "给不给"}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// maxOpener bounds the bytes of a clause that only opens the next one
// (我想咨询一下 is 18).
const maxOpener = 48

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// connectiveAt returns the length of the connective text starts with, or 0.
// TrimConnective returns s without the connective that opens it ("再有就是
// 想问开分店的审批…" → "想问开分店的审批…"): the words that turn to a new ask
// say nothing about what it asks.
func TrimConnective(s string) string {
	s = strings.TrimSpace(s)
	if n := connectiveAt(s); n > 0 && hasContent(s[n:], "") {
		return strings.TrimLeftFunc(s[n:], trimmable)
	}
	return s
}

func connectiveAt(s string) int {
	for _, c := range connectives {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}

// trim returns the clause text[start:end] without surrounding spaces,
// quotes or list numbers; ok is false when nothing is left that has a
// letter or a digit.
func trim(text string, start, end int) (Clause, bool) {
	numbered := false
	for {
		s := text[start:end]
		t := strings.TrimLeftFunc(s, trimmable)
		start += len(s) - len(t)
		t = strings.TrimRightFunc(t, trimmable)
		end = start + len(t)
		n := listNumber(t)
		if n == 0 {
			break
		}
		start += n
		numbered = true
	}
	t := text[start:end]
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return Clause{}, false
	}
	if onlyNumber(t) {
		return Clause{}, false // a list number standing alone: "2" of "2.社保…"
	}
	return Clause{Text: t, Start: start, End: end, numbered: numbered}, true
}

func trimmable(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’「」『』()（）[]【】<>-—·.、", r)
}

// listNumber returns the length of a list number opening s: "1." "2、"
// "（3）" "3)" "②" "一、".
func listNumber(s string) int {
	i := 0
	open := false
	if strings.HasPrefix(s, "（") {
		i, open = len("（"), true
	} else if strings.HasPrefix(s, "(") {
		i, open = 1, true
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)) || j-i >= 6 {
			break
		}
		j += size
	}
	if r, size := utf8.DecodeRuneInString(s); j == i && r >= '①' && r <= '⑳' {
		return size
	}
	if j == i || j == len(s) {
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	switch {
	case open && (r == '）' || r == ')'):
		return j + size
	case !open && (r == '.' || r == '、' || r == ')' || r == '）'):
		if r == '.' && j+size < len(s) && isDigitByte(s[j+size]) {
			return 0 // a decimal: 2.5万
		}
		return j + size
	}
	return 0
}

func onlyNumber(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩", r)) {
			return false
		}
	}
	return utf8.RuneCountInString(s) <= 2
}

// partners name what a thing is had together with ("是否可以与贴息政策同时享
// 受", "能跟社保缓缴同时申请吗").
var partners = []string{"与", "和", "跟"}

// withPartner reports whether the 同时 at the start of rest is "together
// with" a partner the clause before it just named (s ends "…与X"), an
// adverb of the verb after it, not a connective opening another ask.
func withPartner(s, rest string) bool {
	if !strings.HasPrefix(rest, "同时") {
		return false
	}
	rs := []rune(s)
	if len(rs) > maxPartnerRunes {
		rs = rs[len(rs)-maxPartnerRunes:]
	}
	return containsAny(string(rs), partners)
}

// maxPartnerRunes bounds how far back from 同时 its partner is looked for:
// a measure's name ("首次贷款贴息政策") and its 与.
const maxPartnerRunes = 12

// connectiveBefore is where the ask a lead-in at text[i:] opens starts: at
// a connective holding the lead-in ("…研学然后还想问一下": 还想问) and a
// spoken one right before that (然后), not before start; i otherwise.
func connectiveBefore(text string, start, i int) int {
	k := i
	for _, c := range connectives {
		for b := 1; b < len(c) && i-b >= start; b++ {
			if strings.HasPrefix(text[i-b:], c) && i-b+len(c) > i {
				k = min(k, i-b)
				break
			}
		}
	}
	if k == i {
		return i
	}
	for _, c := range spokenConnectives {
		if k-len(c) >= start && strings.HasSuffix(text[:k], c) {
			return k - len(c)
		}
	}
	return k
}

// latinWordSpace reports whether the single space text[i:j] ends a word
// typed in Latin letters inside a Chinese clause ("有没有 platform 可以借员
// 工"): a space between words, as English writes them, no pause.
func latinWordSpace(text string, i, j int) bool {
	if j-i != 1 || i == 0 || j >= len(text) {
		return false
	}
	b := text[i-1]
	r, _ := utf8.DecodeRuneInString(text[j:])
	return (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') && unicode.Is(unicode.Han, r)
}

// OpensMatter reports whether clause text s opens with a connective that
// starts another matter (另外, 还有, 二是): in a story of several matters,
// where the next one begins.
func OpensMatter(s string) bool { return connectiveAt(strings.TrimSpace(s)) > 0 }

// selfCorrections open a clause that says again, better, the question
// just before it ("不会没有滞纳金吧……我是说，不会有滞纳金吧").
var selfCorrections = []string{"我的意思是", "我意思是", "我是想说", "我想说的是", "我是说"}

// restatesAt returns the length of the self-correction opening s, the
// punctuation after it included, or 0.
func restatesAt(s string) int {
	for _, p := range selfCorrections {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}
