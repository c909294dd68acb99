package clause

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// unit is a statement or an ask under construction, in message order.
type unit struct {
	clauses []Clause
	ask     bool
	contact bool
	subject bool // the ask names its own subject
	// ellipsis: the unit is one "X呢" clause so far.
	ellipsis bool
	implied  bool // the message asks nothing: this last statement stands for the ask
	// open: an ask opened by a connective or lead-in without a question
	// of its own yet ("还有，我新招了两个农村的小伙子"): the statements after
	// it and the question that ends them belong to it.
	open bool
	// told: the ask is a clause ending on a lead-in and a colon, before
	// any other ask ("替儿子问问："): the story it opens is situation (see
	// group).
	told bool
	need bool // the ask is a need voiced as a statement (Ask.Need)
	// speaker: the statement is only the name of who speaks next, before
	// a colon, as a quoted group chat writes it ("大刘：市里有个…"): a
	// report of what they said follows (see reportBefore).
	speaker bool
	opened  bool // a connective or lead-in opens it (Ask.Opened)
	turned  bool // a connective adding to something asked opens it (Ask.Turned)
	// demand: the ask is a demand after a demand heading ("诉求如下：1.暂
	// 缓停气；2.免收滞纳金"): when numbered, the next number starts
	// another; its addressee (请相关部门…) is no part of it.
	demand bool
}

// group turns classified clauses into situation and asks; a clause for
// which asks reports true is read as an ask though it asks nothing (a
// need the caller kept, see Reader.SplitKeeping).
func (r *Reader) group(text string, cs []classified, asks func(classified) bool) Message {
	var us []unit
	open := false    // the previous clause was a lead-in or connective
	heading := false // open, and the opener heads demands (demandHeadings)
	// turn: open, and the opener is a connective turning to another
	// matter standing alone ("另外，每逢重污染天气…能否豁免"): the ask it
	// opens is turned as one holding the connective is.
	turn := false
	// story: the clause before announced another matter and a story
	// follows it that ends in a question naming nothing (see
	// announcesMatter); the statements until that question are told.
	story := false
	requested := map[int]bool{} // the clauses requesting a contact, by start
	for _, c := range cs {
		if c.request {
			requested[c.Start] = true
		}
	}
	for i, c := range cs {
		last := len(us) - 1
		if last >= 0 && us[last].told && len(us[last].clauses) == 1 && (c.kind == statement && !c.opens && !open || connectiveAt(c.Text) > 0) {
			// "我们饭店想问两个事：一是…，二是…": the lead-in only
			// announces the asks its connectives open.
			// "我退休了，替儿子问问：他在密云上班，租的商品房，…，他能不能提
			// 取公积金": a lead-in that names nothing but the asker opens the
			// story, not an ask; the question that ends the story is the ask.
			us[last].ask, us[last].open, us[last].told, us[last].opened = false, false, false, false
		}
		if !story && !open && announcesMatter(c.Text) && r.storyThenBareAsk(cs[i+1:]) {
			// "还有个事，好几个工地欠我们钢材款，拖了大半年了，政府管不
			// 管": the lead-in names nothing but another matter; the story
			// after it is told as a story told without one is, and the
			// question ending it is the ask, with the story its context.
			// Read as one ask, the story's words were all the ask's, and
			// the guide's answer covered too few of them. A lead-in
			// without a matter ("还有，我新招了两个小伙子，…，有补贴吗")
			// still opens one ask.
			story = true
			continue
		}
		if n := askedCount(c.Text); n > 0 {
			// "社保缓交 公积金能缓交吗 两个都问": the clause only says how
			// many things before it are asked.
			r.askNearest(us, n)
			continue
		}
		switch {
		case c.kind == chat:
		case story && c.kind == statement:
			us = append(us, unit{clauses: []Clause{c.Clause}, contact: c.contact})
		case last >= 0 && us[last].ask && !open && us[last].ellipsis && r.asksOfEllipsis(c):
			// "那留抵退税呢，我们小公司能退吗": one ask about 留抵退税.
			us[last].clauses = append(us[last].clauses, c.Clause)
			us[last].contact = us[last].contact || c.contact
			us[last].ellipsis = false
		case c.elaborates && last >= 0 && us[last].ask && !open:
			// "政府工程有照顾吗，联合体投标那种": the kind of what was asked.
			us[last].clauses = append(us[last].clauses, c.Clause)
		case c.kind == opener:
			open, heading, turn = true, containsAny(c.Text, demandHeadings), turning(c.Text)
			if heading && last >= 0 && us[last].ask && us[last].open && !us[last].demand {
				// "另，自今年4月起收入大幅下降，缴纳社保确有困难。现特申请
				// 如下：一、…；二、…": statements a connective opened and no
				// question closed, before the heading of what is asked,
				// tell why it is asked; the demands are the asks.
				told := us[last].clauses
				us = us[:last]
				for _, t := range told {
					us = append(us, unit{clauses: []Clause{t}, contact: containsAny(t.Text, r.contact)})
				}
			}
		case c.kind == question && !open && last >= 0 && !us[last].ask && len(us[last].clauses) == 1 && secondAlternative(us[last].clauses[0].Text, c.Text):
			// "是跟别人联合投标好，还是自己投好": the statement before the
			// 还是 is the first of the two things the ask weighs.
			us[last].clauses = append(us[last].clauses, c.Clause)
			us[last].ask, us[last].contact = true, us[last].contact || c.contact
			us[last].subject = r.hasSubject(us[last].clauses[0].Text) || r.hasSubject(c.Text)
		case !open && last >= 0 && us[last].ask && len(us[last].clauses) == 1 && !strings.Contains(us[last].clauses[0].Text, "还是") &&
			containsAny(us[last].clauses[0].Text, whichWords) && (c.kind == question || c.kind == statement) &&
			connectiveAt(c.Text) == 0 && strings.Contains(c.Text, "还是") && r.hasSubject(c.Text):
			// "先办哪个好，社保缓缴还是公积金缓缴": the options after a
			// "which" are what it asks about.
			us[last].clauses = append(us[last].clauses, c.Clause)
			us[last].contact = us[last].contact || c.contact
			us[last].subject = true
		case !open && r.pointsBackToAsk(us, c) >= 0:
			// "用水呢 冷库也用不少水 这个找谁": a pointer (这个) after an
			// ask and the statements that explain it points at what was
			// asked, not at the statement right before it; the
			// statements join the ask they explain.
			k := r.pointsBackToAsk(us, c)
			for _, u := range us[k+1:] {
				us[k].clauses = append(us[k].clauses, u.clauses...)
			}
			us = us[:k+1]
			us[k].clauses = append(us[k].clauses, c.Clause)
			us[k].contact, us[k].ellipsis = true, false
		case c.guess && last >= 0 && !open:
			// "园区想给员工上普惠型商业健康保险，我估计是医保局管吧": the
			// guess at who handles it asks about what was told before it;
			// the office guessed is no subject (WithoutGuess).
			us[last].clauses = append(us[last].clauses, c.Clause)
			if !us[last].ask {
				us[last].ask, us[last].subject = true, r.hasSubject(us[last].clauses[0].Text)
			}
			us[last].open, us[last].ellipsis = false, false
		case c.kind == contactOnly && last >= 0:
			// 找谁办 asks about what came before; a statement it follows
			// becomes the ask ("李斌，电话多少").
			us[last].clauses = append(us[last].clauses, c.Clause)
			// A contact cue asks: the ask a lead-in opened ("我想找他们问问
			// 进度，怎么联系") is closed by it, not left open for closeOpen
			// to send the cue back to the story.
			us[last].contact, us[last].open = true, false
			if !us[last].ask {
				us[last].ask, us[last].subject = true, r.hasSubject(us[last].clauses[0].Text)
			}
		case last >= 0 && us[last].demand && us[last].clauses[0].numbered && c.numbered && (c.kind == statement || c.kind == question) && !open:
			// "诉求如下：1.暂缓停气；2.免收滞纳金": each number a demand.
			us = append(us, unit{clauses: []Clause{c.Clause}, ask: true, contact: c.contact, subject: r.hasSubject(c.Text),
				opened: true, open: c.kind == statement, demand: true})
		case last >= 0 && us[last].open && us[last].ask && !us[last].demand && !open && c.opens && connectiveAt(c.Text) == 0 &&
			containsAny(c.Text, leadIns) && sentenceBefore(text, c.Start):
			// "还有，上个月没来得及交电费，结果供电那边催着要停电。我就问问，
			// 政策里有没有宽带专线降费的规定": a lead-in opening a sentence
			// of its own puts the question; the statements the connective
			// opened before it tell the story (read as the ask, they made
			// it about electricity, and the broadband ask was declined).
			prev := us[last]
			us = us[:last]
			for _, t := range prev.clauses {
				us = append(us, unit{clauses: []Clause{t}, contact: containsAny(t.Text, r.contact)})
			}
			us = append(us, unit{clauses: []Clause{c.Clause}, ask: true, contact: c.contact, subject: r.hasSubject(c.Text),
				opened: true, turned: prev.turned, open: c.kind == statement})
		case last >= 0 && us[last].open && (c.kind == statement || c.kind == question) && (connectiveAt(c.Text) == 0 && !hasPrefixAny(c.Text, spokenConnectives) || asksForOther(c.Text)) && !open:
			// "还有，我新招了两个小伙子，签了两年合同，有补贴吗": one ask;
			// a lead-in only puts its question ("还有进京老被查 想知道白名
			// 单咋进"), a connective would turn to something new.
			us[last].clauses = append(us[last].clauses, c.Clause)
			us[last].contact = us[last].contact || c.contact
			us[last].open = c.kind == statement
			// "另外想换辆轿车，裸车十五万，车购税能减半不": a clause it takes
			// in may name what it asks; then it needs no story before it.
			us[last].subject = us[last].subject || r.hasSubject(c.Text)
		case c.kind == question || c.kind == contactOnly || c.opens || open || asks(c):
			u := unit{clauses: []Clause{c.Clause}, ask: true, contact: c.contact, subject: r.hasSubject(c.Text), ellipsis: c.ellipsis,
				need: c.kind == statement && !c.opens && !open, opened: c.opens || open || story, turned: turning(c.Text) || open && turn}
			u.open = c.kind == statement && !u.need
			u.demand = heading && open
			u.told = u.open && c.opens && !open && connectiveAt(c.Text) == 0 && leadInEnds(c.Text) && (colonAfter(text, c.End) || onBehalf(c.Text) || addressedLeadIn(c.Text)) && !hasAsk(us)
			if putsCase(c.Text) && !open && !c.opens && last >= 0 && us[last].ask && !us[last].need && !us[last].implied &&
				len(us[last].clauses) == 1 && isQuestion(us[last].clauses[0].Text) && connectiveAt(c.Text) == 0 {
				// "房租能减吗 村集体的房子算不算": the case put to the ask
				// before is told, as "房子是村集体的" would be, not a
				// second ask.
				us = append(us, unit{clauses: []Clause{c.Clause}, contact: c.contact})
				break
			}
			if !u.subject && !open && !c.opens && last >= 0 && us[last].ask {
				// A follow-up without a subject (能减几个月) continues the ask.
				us[last].clauses = append(us[last].clauses, c.Clause)
				us[last].contact = us[last].contact || c.contact
				break
			}
			us = append(us, u)
			open, story, heading, turn = false, false, false, false
		default:
			us = append(us, unit{clauses: []Clause{c.Clause}, contact: c.contact, speaker: speakerLabel(text, c)})
		}
	}
	us = r.closeOpen(us)
	if !hasAsk(us) {
		r.numberedAsks(us)
	}
	if !hasAsk(us) && len(us) > 0 {
		// No question at all ("社保缓缴", a story that stops): the last
		// clause is what the owner wants to know about, or the last that
		// requests a contact ("区科委工业科李杰的电话请完整写一下，带区号，
		// 我要存手机里": what follows it only says how, or why).
		k := len(us) - 1
		for i := len(us) - 1; i >= 0; i-- {
			if slices.ContainsFunc(us[i].clauses, func(c Clause) bool { return requested[c.Start] }) {
				k = i
				break
			}
		}
		u := &us[k]
		u.ask, u.subject, u.implied = true, r.hasSubject(u.clauses[0].Text), true
	}
	return r.build(text, us)
}

// pointsBackToAsk returns the index of the ask in us that contact clause
// c points back at over the statements after it ("用水呢 冷库也用不少水
// 这个找谁"), or -1: c must be a pointer to one thing and a contact cue,
// nothing else, and every unit after the ask a plain statement, neither
// a need (an ask of its own when the guide answers it) nor opened by a
// connective (another matter).
func (r *Reader) pointsBackToAsk(us []unit, c classified) int {
	if !c.contact || c.kind == chat || !r.pointerContact(c.Text) {
		return -1
	}
	for k := len(us) - 1; k >= 0; k-- {
		u := us[k]
		if u.ask {
			if k == len(us)-1 || u.open || u.need {
				// Right after the ask the contact cue joins it already.
				return -1
			}
			return k
		}
		if u.need || len(u.clauses) != 1 || connectiveAt(u.clauses[0].Text) > 0 {
			return -1
		}
	}
	return -1
}

// asksForOther reports whether clause s opens on 还有 asking for another
// of something ("还有别的渠道吗", "还有其他办法没"): a question of its own,
// not the connective 还有 turning to a new matter, so a lead-in's story
// before it ("最后问一下，12345打了说不清楚，还有别的渠道吗") is its story.
func asksForOther(s string) bool {
	rest, ok := strings.CutPrefix(s, "还有")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "没有")
	for _, w := range []string{"别的", "其他", "其它", "另外的"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// onePointers point back at one thing told or asked before.
var onePointers = []string{"这个", "这事", "这件事", "这条", "这项", "这块"}

// pointerContact reports whether s is a pointer to one thing and a
// contact cue, nothing else ("这个找谁", "这事电话多少").
func (r *Reader) pointerContact(s string) bool {
	if containsAny(s, severalPointers) {
		return false
	}
	for _, p := range onePointers {
		if i := strings.Index(s, p); i >= 0 {
			return !hasContent(r.contactBlank.Replace(s[:i]+s[i+len(p):]), "")
		}
	}
	return false
}

// numberedAsks reads the numbered statements of a message that asks
// nothing as its asks, in order, when there are two or more: a letter that
// lists its matters ("一、某公司存量留抵退税事宜；二、某所社保缓缴事宜。
// 烦请逐项答复") asks about each; its last clause alone would stand for one.
func (r *Reader) numberedAsks(us []unit) {
	n := 0
	for _, u := range us {
		if len(u.clauses) == 1 && u.clauses[0].numbered {
			n++
		}
	}
	if n < 2 {
		return
	}
	for i := range us {
		if u := &us[i]; len(u.clauses) == 1 && u.clauses[0].numbered {
			u.ask, u.subject, u.implied = true, r.hasSubject(u.clauses[0].Text), true
		}
	}
}

// bothAsked says how many things told before it a clause asks about,
// nothing else ("两个都问", "这俩我都想知道", "三样都想了解一下").
var bothAsked = regexp.MustCompile(`^(?:这|那|上面|以上)?(两|俩|二|2|三|3)(?:个|样|件|项|条)?(?:问题|事情?)?(?:我)?都(?:想)?(?:问|问问|问一下|了解|了解一下|知道|想知道|要问)(?:下|一下)?[啊呀哈吧哦]?$`)

// askedCount returns the number of asks bothAsked names in s, or 0.
func askedCount(s string) int {
	m := bothAsked.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	if strings.ContainsAny(m[1], "三3") {
		return 3
	}
	return 2
}

// askNearest makes asks of the statements naming a subject nearest
// before the end of us until n asks are there: what a count of asks
// points back at.
func (r *Reader) askNearest(us []unit, n int) {
	have := 0
	for _, u := range us {
		if u.ask {
			have++
		}
	}
	for i := len(us) - 1; i >= 0 && have < n; i-- {
		u := &us[i]
		if u.ask || !r.hasSubject(u.clauses[0].Text) {
			continue
		}
		u.ask, u.subject = true, true
		have++
	}
}

// closeOpen ends each ask a lead-in opens with a subject of its own ("想问
// 问房租那个事") that no question closed: the statements it took in while
// waiting for one go back to the story ("…想问问房租那个事，我们去年就听说
// 能减，一直没去问，今年生意又不好"), where they tell, not ask.
func (r *Reader) closeOpen(us []unit) []unit {
	if !slices.ContainsFunc(us, func(u unit) bool { return u.ask && u.open && len(u.clauses) > 1 }) {
		return us
	}
	out := make([]unit, 0, len(us)+2)
	for i, u := range us {
		if u.ask && u.open && len(u.clauses) > 1 && !u.demand && connectiveAt(u.clauses[0].Text) == 0 && containsAny(u.clauses[0].Text, leadIns) &&
			!r.namesAfterLeadIn(u.clauses[0].Text) && slices.ContainsFunc(us[i+1:], func(v unit) bool { return v.ask }) {
			// "嗯那个我想问一下啊 就是说我在…开了个小面馆 …租的是区里国有
			// 的房子 然后…能减几个月啊": a lead-in naming nothing, whose
			// statements no question closed, announces the question asked
			// later; its statements are that question's story.
			for _, c := range u.clauses {
				out = append(out, unit{clauses: []Clause{c}, contact: containsAny(c.Text, r.contact)})
			}
			continue
		}
		if !u.ask || !u.open || len(u.clauses) < 2 || !r.namesAfterLeadIn(u.clauses[0].Text) {
			out = append(out, u)
			continue
		}
		head := u
		head.clauses, head.open = u.clauses[:1:1], false
		head.contact = containsAny(u.clauses[0].Text, r.contact)
		out = append(out, head)
		for _, c := range u.clauses[1:] {
			out = append(out, unit{clauses: []Clause{c}, contact: containsAny(c.Text, r.contact)})
		}
	}
	return out
}

// namesAfterLeadIn reports whether clause s holds a lead-in with a subject
// named after it ("想问问房租那个事"; not "替儿子问问", "我想咨询一下").
func (r *Reader) namesAfterLeadIn(s string) bool {
	end := -1
	for _, w := range leadIns {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			end = i + len(w)
		}
	}
	return end >= 0 && r.hasSubject(s[end:])
}

// matterWords name a matter without saying what it is.
var matterWords = []string{"事情", "事儿", "事", "问题"}

// matterBlank blanks what may stand before the matter word of a clause
// that announces one: lead-ins, connectives, counts (一个, 件), spoken
// filler ("对了还有个事", "再问个事") and the words that qualify a matter
// without telling what it is about (还有个闹心事, 再问个急事).
var matterBlank = newBlanker(slices.Concat(leadIns, connectives, openerFiller, matterQualifiers,
	[]string{"再问", "对了", "一个", "一件", "个", "件", "我", "想", "要", "再", "那", "的"}))

// matterQualifiers say how a matter weighs on the asker, not what it is.
var matterQualifiers = []string{
	"闹心", "烦心", "糟心", "揪心", "头疼", "头痛", "麻烦", "着急", "要紧", "重要", "棘手",
	"急", "烦", "小", "大", "私", "别的", "其他", "其它",
}

// announcesMatter reports whether clause s names nothing but another
// matter: a connective or a lead-in, a matter word ending it (还有个事,
// 另外一件事, 再问个事, 还有件事想问一下) and before it nothing but filler
// and words weighing the matter (还有个闹心事; not 还有个社保的事).
func announcesMatter(s string) bool {
	if isQuestion(s) || !containsAny(s, connectives) && !containsAny(s, leadIns) && !strings.Contains(s, "再问") {
		return false
	}
	start, end := -1, -1
	for _, w := range matterWords {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			start, end = i, i+len(w)
		}
	}
	return end >= 0 && !hasContent(openerBlank.Replace(s[end:]), "") && !hasContent(matterBlank.Replace(s[:start]), "")
}

// storyThenBareAsk reports whether cs, the clauses after a clause
// announcing a matter, tell a story and end it on a question naming no
// subject of its own ("…，拖了大半年了，政府管不管"): the story is what
// it asks about. A question right after the matter, or one naming its
// subject, or a connective turning to yet another matter, is read as
// before.
func (r *Reader) storyThenBareAsk(cs []classified) bool {
	told := 0
	for _, c := range cs {
		switch {
		case c.kind == chat:
		case c.kind == statement && !c.opens && connectiveAt(c.Text) == 0:
			told++
		case c.kind == question && connectiveAt(c.Text) == 0:
			return told > 0 && !r.hasSubject(c.Text)
		default:
			return false
		}
	}
	return false
}

// leadInEnds reports whether a lead-in ends clause s, nothing asked after
// it ("替儿子问问", "帮我表哥咨询一下", "老板娘问一下哈": a spoken particle
// asks nothing; not "想问问房租能减吗").
func leadInEnds(s string) bool {
	end := -1
	for _, w := range leadIns {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			end = i + len(w)
		}
	}
	return end >= 0 && !hasContent(openerBlank.Replace(s[end:]), spokenParticles)
}

// colonAfter reports whether a colon follows the clause ending at
// text[end]: what the clause announces comes after it. Only then does a
// lead-in open the story (see unit.told): read so after a comma as well
// ("做会计的问一下，…"), the example bank's questions read otherwise and
// the day-one decision model's fit moved (TestDayOneShift).
// sentenceBefore reports whether a sentence ends right before offset
// start of text (a full stop, a question or exclamation mark, a line
// break): the clause there opens a sentence.
func sentenceBefore(text string, start int) bool {
	before := strings.TrimRight(text[:start], " ")
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("。.！!？?；;\n", r)
}

func colonAfter(text string, end int) bool {
	rest := strings.TrimLeft(text[end:], " ")
	return strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")
}

func hasAsk(us []unit) bool {
	for _, u := range us {
		if u.ask {
			return true
		}
	}
	return false
}

// build lays the units out as a Message, within the output bounds.
func (r *Reader) build(text string, us []unit) Message {
	var m Message
	unlisted(us)
	for i, u := range us {
		if !u.ask {
			if len(m.Situation) < MaxSituation {
				m.Situation = append(m.Situation, u.clauses[0])
			}
			continue
		}
		if len(m.Asks) == MaxAsks {
			m.More++
			continue
		}
		if n := addressee(u); n > 0 {
			// "诉求如下：请相关部门督促付款方尽快付款": whom the demand
			// addresses is asked nothing; its words (部门) are unknown to
			// every measure.
			u.clauses = slices.Clone(u.clauses)
			u.clauses[0].Text, u.clauses[0].Start = u.clauses[0].Text[n:], u.clauses[0].Start+n
		}
		first, last := u.clauses[0], u.clauses[len(u.clauses)-1]
		a := Ask{
			Text: text[first.Start:last.End], Start: first.Start, End: last.End,
			Clauses: u.clauses, Contact: u.contact, Implied: u.implied, Need: u.need, Opened: u.opened, Turned: u.turned,
		}
		// Only with a report to point at: "这算不算国有房屋" after the
		// asker's own case names its own subject, as before.
		// The same holds for an ask checking whether the report is true
		// ("听哥们说…，真是100%补吗"): what was heard is its subject.
		lead := withoutLeadIn(first.Text)
		pointed := (pointedSubject.MatchString(lead) || truthCheck.MatchString(lead)) && reportBefore(us, i) >= 0
		if !u.subject || premised(us, i) || pointed || slices.ContainsFunc(u.clauses, func(c Clause) bool {
			return containsAny(c.Text, backPointers) || kindPointer.MatchString(c.Text) || u.contact && peoplePointer.MatchString(c.Text)
		}) {
			a.Context = context(us, i, u.opened, u.contact, r.hasSubject)
			if pointed {
				a.Context = withReport(us, i, a.Context)
			}
			a.Context = withReferent(us, i, a.Context)
		}
		m.Asks = append(m.Asks, a)
	}
	return m
}

// demandAddressee matches the addressee opening a demand ("请相关部门督促
// …", "恳请有关单位尽快…"), the verb after it left.
var demandAddressee = regexp.MustCompile(`^(?:请|恳请|烦请|望|希望)(?:相关|有关)(?:部门|单位)(?:及时|尽快)?`)

// addressee returns the length of the addressee opening demand u's first
// clause, or 0 when u is no demand or something other than the addressee
// would not be left.
func addressee(u unit) int {
	if !u.demand {
		return 0
	}
	t := u.clauses[0].Text
	n := len(demandAddressee.FindString(t))
	if n == 0 || !hasContent(t[n:], "") {
		return 0
	}
	return n
}

// unlisted clears the list items of us (Clause.Item) unless asks fall in
// two items or more: numbered statements before one question ("1. 外资背
// 景… 2. 专利技术转让… 3. 财务问… 有没有优惠？") are all its story.
func unlisted(us []unit) {
	asked := map[int]bool{}
	for _, u := range us {
		if u.ask && u.clauses[0].Item != 0 {
			asked[u.clauses[0].Item] = true
		}
	}
	if len(asked) >= 2 {
		return
	}
	for i := range us {
		for j := range us[i].clauses {
			us[i].clauses[j].Item = 0
		}
	}
}

// premised reports whether ask us[i] is drawn from a premise told right
// before it ("听说政府采购给小微企业留了份额，那我们这种刚成立的小公司，应该
// 能直接拿到单子吧"): the ask, or the statement just before it, opens as a
// consequence (那我们, 所以) and a statement within MaxContext before
// holds a premise marker. The premise names what is asked about, though
// the ask names a subject of its own: it is the ask's context.
func premised(us []unit, i int) bool {
	if !consequence.MatchString(us[i].clauses[0].Text) && (i == 0 || us[i-1].ask || !consequence.MatchString(us[i-1].clauses[0].Text)) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-MaxContext; j-- {
		if us[j].ask {
			return false
		}
		if containsAny(us[j].clauses[0].Text, premiseMarkers) {
			return true
		}
	}
	return false
}

// reportBefore is the index of the statement nearest before ask us[i],
// within twice MaxContext and after any earlier ask, that reports what
// someone said or the asker heard ("社区网格员说，…", "通知上原文：…", "听说
// …"), or -1.
func reportBefore(us []unit, i int) int {
	for j := i - 1; j >= 0 && j >= i-2*MaxContext; j-- {
		if us[j].ask {
			return -1
		}
		if t := us[j].clauses[0].Text; reportSpeech.MatchString(t) || containsAny(t, premiseMarkers) {
			return j
		}
	}
	// A quoted chat ("大刘：市里有个生活服务业项目…\n小孙：吹吧你\n——…这个
	// 到底有没有"): what the first speaker within reach said is what the
	// chat is about; the replies after it doubt or echo it.
	for j := max(0, i-2*MaxContext); j+1 < i; j++ {
		if us[j].ask {
			return -1
		}
		if us[j].speaker && !us[j+1].ask {
			return j + 1
		}
	}
	return -1
}

// speakerLabel reports whether statement c is only a speaker's name
// before a colon ("大刘：", "群主:"): two to four characters, naming
// neither the asker nor the bot, and no question.
func speakerLabel(text string, c classified) bool {
	n := utf8.RuneCountInString(c.Text)
	return c.kind == statement && n >= 2 && n <= 4 && colonAfter(text, c.End) && !strings.ContainsAny(c.Text, "我你您咱俺") && !isQuestion(c.Text)
}

// withoutLeadIn returns s without the lead-in that opens it ("想知道这个
// 到底有没有" → "这个到底有没有").
func withoutLeadIn(s string) string {
	for _, w := range leadIns {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest
		}
	}
	return s
}

// withReport is context cs of ask us[i], whose subject points back at the
// story ("这事是真的吗"), with the report that story holds (reportBefore):
// the report (and, when the speech verb ends it, the statement after it:
// what was said) comes first, and the statements nearest the ask fill the
// rest, within MaxContext, in message order. What the asker was told is
// what they ask about; their own case, told after it, is its situation.
func withReport(us []unit, i int, cs []Clause) []Clause {
	j := reportBefore(us, i)
	if j < 0 {
		return cs
	}
	c := us[j].clauses[0]
	out := []Clause{c}
	if loc := reportSpeech.FindStringIndex(c.Text); loc != nil && !hasContent(c.Text[loc[1]:], "") && j+1 < i && !us[j+1].ask ||
		j > 0 && us[j-1].speaker && j+1 < i && !us[j+1].ask && !us[j+1].speaker {
		// "社区网格员说，停工行业的人可以…": the words said follow; so
		// do a speaker's second words ("大刘：市里有个项目，饭店能拿…").
		out = append(out, us[j+1].clauses[0])
	}
	for k := len(cs) - 1; k >= 0 && len(out) < MaxContext; k-- {
		if !slices.ContainsFunc(out, func(x Clause) bool { return x.Start == cs[k].Start }) {
			out = append(out, cs[k])
		}
	}
	slices.SortFunc(out, func(a, b Clause) int { return a.Start - b.Start })
	return out
}

// namesSubject reports whether the statements cs name a subject.
func namesSubject(cs []Clause, hasSubject func(string) bool) bool {
	if len(cs) == 0 {
		return false
	}
	texts := make([]string, len(cs))
	for k, c := range cs {
		texts[k] = c.Text
	}
	return hasSubject(strings.Join(texts, " "))
}

// context returns the statements nearest before us[i] (or, when there are
// none, right after it, up to the next ask or list item), at most
// MaxContext, in message order.
func context(us []unit, i int, opened, contact bool, hasSubject func(string) bool) []Clause {
	var cs []Clause
	// For a contact ask, statements that name nothing ("找了好几回没结
	// 果", "快撑不住了") do not count towards MaxContext: the complaint
	// told before them is still what a bare "到底该找谁" asks about. Twice
	// MaxContext bounds what is taken. (Other asks keep the nearest three:
	// reaching further back made day-one stories decline.)
	named, limit := 0, MaxContext
	if contact {
		limit = 2 * MaxContext
	}
	for j := i - 1; j >= 0 && named < MaxContext && len(cs) < limit; j-- {
		if us[j].ask && (opened || !us[j].subject || namesSubject(cs, hasSubject)) || us[j].need {
			// "留抵税额，能退吗？另外区里欠的货款，什么时候能还": the
			// statements before a subjectless ask are its subject, not
			// the next one's; nor is a need asked of its own, or what
			// comes before it ("想申请首贷贴息，电和燃气欠了费，会给停吗").
			// An ask a connective opens (另外, 还有) turns away from the
			// asks before it: the story told before one is that ask's
			// ("…租了直播间，直播电商有租金补贴吗？另外去年贷的款下个月
			// 到期，想申请延期还"). What is told between an earlier ask
			// and this one is this one's subject; the story before the
			// earlier ask is that ask's ("…租的是国有的房子，房租能减吗？
			// 她还说店里每周做核酸，钱能报吗") when what was told between
			// names what this one asks about.
			break
		}
		if us[j].speaker {
			continue // a name before a colon tells nothing
		}
		if !us[j].ask {
			cs = append(cs, us[j].clauses[0])
			if !contact || hasSubject(us[j].clauses[0].Text) {
				named++
			}
		}
	}
	if len(cs) > MaxContext {
		// Reached past statements naming nothing: keep what names
		// something (the complaint), then the nearest others, within
		// MaxContext, in message order. cs is nearest first here.
		keep := make([]Clause, 0, MaxContext)
		for _, named := range []bool{true, false} {
			for _, c := range cs {
				if len(keep) < MaxContext && hasSubject(c.Text) == named {
					keep = append(keep, c)
				}
			}
		}
		slices.SortFunc(keep, func(a, b Clause) int { return a.Start - b.Start })
		return keep
	}
	if len(cs) > 0 {
		for l, r := 0, len(cs)-1; l < r; l, r = l+1, r-1 {
			cs[l], cs[r] = cs[r], cs[l]
		}
		return cs
	}
	for j := i + 1; j < len(us) && !us[j].ask && len(cs) < MaxContext; j++ {
		if item := us[i].clauses[0].Item; item != 0 && us[j].clauses[0].Item != item {
			// "1.快递驿站有什么政策 2.驿站房子是街道提供的，房租能减吗":
			// the next list item tells its own ask's story.
			break
		}
		cs = append(cs, us[j].clauses[0])
	}
	return cs
}

// whichWords ask which of several things ("哪个好", "选哪种").
var whichWords = []string{"哪个", "哪一个", "哪种", "哪一种", "哪样", "哪边", "哪项", "哪条"}

// firstAlternative matches the first half of "是A好，还是B好" told as a
// clause of its own: opened by 是 (到底是, 究竟是) or closed by a word
// that weighs it (好, 划算, 合适).
var firstAlternative = regexp.MustCompile(`^(?:我们|咱们|我|咱)?(?:到底|究竟)?是[^是]|(?:好|划算|合适|合算|省事|方便)$`)

// secondAlternative reports whether question q, opened by 还是, weighs
// the statement s before it against what it names: "是A好，还是B好".
// 还是 alone also means "still" ("还是想问问"), which no such statement
// comes before.
func secondAlternative(s, q string) bool {
	return strings.HasPrefix(q, "还是") && !strings.HasPrefix(q, "还是想") && !strings.HasPrefix(q, "还是要问") &&
		firstAlternative.MatchString(s) && !isQuestion(s)
}

// addressedLeadIn matches a lead-in said to the one asked and nothing more
// ("老板问一下", "师傅，请问", "领导您好 想咨询一下"): spoken to a clerk the
// way one speaks to a shopkeeper, it names neither the asker nor a matter,
// so the story after it is told (unit.told), as after onBehalf's. A
// spoken particle may close it ("老板娘问一下哈").
var addressedLeadIn = regexp.MustCompile(`^(?:你好|您好)?[ ，,]?(?:老板娘|老板|老师|师傅|领导|同志|美女|帅哥|小哥|小姐姐|大姐|大哥|阿姨|大叔|大爷|大妈|亲)(?:你好|您好)?[ ，,]?(?:我)?(?:想|就是想|就想)?(?:请问|问一下|问下|问问|咨询一下|咨询下|咨询|打听一下|打听下|打听)[哈啊呀哦嘛]?$`).MatchString

// onBehalf matches a lead-in by which the writer asks for someone else
// ("老板让我问问", "厂长叫我打听一下", "帮我妈问一下", "替客户咨询"): it
// names nothing but who asks, so the story after it is told (unit.told),
// after a comma as after a colon. "帮我问问" asks the bot, not for someone.
var onBehalf = regexp.MustCompile(`(?:让|叫|要|托|请|委托|嘱咐)(?:我|俺)(?:来|帮|帮着|帮忙|替[他她]|给[他她])?(?:问|打听|咨询|了解)|(?:帮|替|代)(?:着)?(?:我(?:[爸妈哥姐弟妹叔婶舅姨爷奶姥]|老|家|们[家的老])|[他她]们?|客户|朋友|亲戚|老板|领导|同事|邻居|家里|家人|孩子|儿子|女儿|老公|老婆|媳妇|爱人|老乡)[^，,。：:？?]{0,3}(?:问|打听|咨询|了解)`).MatchString

// referentPointers point back at something told by naming it ("上述未抵扣
// 税额", "前述欠款"): the words after one say which statement is meant.
var referentPointers = []string{"上述", "前述", "上面说的", "前面说的", "刚才说的"}

// withReferent makes sure the context of ask us[i] holds the statement its
// pointer names ("经核查，本公司尚有增值税进项未能抵扣。另，…社会保险费
// 确有困难。现申请如下：一、上述未抵扣税额能否退还"): the nearest told
// clause before the ask sharing two characters running with the few
// after the pointer, in place of the nearest statements, which were about
// another matter.
func withReferent(us []unit, i int, cs []Clause) []Clause {
	t := us[i].clauses[0].Text
	k := -1
	for _, p := range referentPointers {
		if n := strings.Index(t, p); n >= 0 {
			k = n + len(p)
			break
		}
	}
	if k < 0 {
		return cs
	}
	named := []rune(t[k:])
	if len(named) > 6 {
		named = named[:6]
	}
	shares := func(s string) bool {
		for j := 0; j+1 < len(named); j++ {
			if strings.Contains(s, string(named[j:j+2])) {
				return true
			}
		}
		return false
	}
	if slices.ContainsFunc(cs, func(c Clause) bool { return shares(c.Text) }) {
		return cs
	}
	for j := i - 1; j >= 0; j-- {
		if us[j].ask || us[j].speaker || !shares(us[j].clauses[0].Text) {
			continue
		}
		return []Clause{us[j].clauses[0]}
	}
	return cs
}
