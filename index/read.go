package index

import (
	"fmt"
	"policybot/index/jieba"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"policybot/index/clause"
	"policybot/index/tags"
	"policybot/seeds"
)

// Reading a message in a conversation: Read is the one place a message is
// read. It finds what the message says besides its topic (small talk, 还有吗,
// 上一个, aspects), searches what it asks, and decides, against what the
// conversation knows (Context), whether the message stays on the topic
// being discussed, picks one of the measures offered, or is a new question.
// The dialog renders the decision and keeps the state; it never reads the
// words again.

// MaxMessageRunes bounds what a message may cost: text beyond it is cut
// off by Normalize before anything reads it. A long story is read in full
// up to it; only its first MaxAnswered asks are searched.
const MaxMessageRunes = 4000

// Normalize is the one normaliser of user text: invalid UTF-8 dropped,
// control characters made spaces, full-width forms folded (NFKC), runs of
// spaces made one, traditional characters made simplified (see
// simplified), trimmed, and cut to MaxMessageRunes.
func Normalize(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	s = norm.NFKC.String(s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > MaxMessageRunes {
		s = string([]rune(s)[:MaxMessageRunes])
	}
	return simplified(s)
}

// Context is what the conversation knows when a message comes.
type Context struct {
	// Topic is the measure under discussion, 0 for none.
	Topic int
	// Unit is the unit under discussion after a unit's contacts were
	// shown, "" for none.
	Unit string
	// Choices are the measures offered to pick from, when the user is
	// choosing (nil otherwise).
	Choices []int
	// Listed is the numbered list shown last, for "2" or "第二个" (nil
	// when the last reply listed nothing to pick).
	Listed []int
	// Recent are the latest topics, oldest first (for 上一个).
	Recent []int
	// Answers are the measures the last reply answered a message of
	// several asks with, in order (nil otherwise): a follow-up is about
	// the one its words fit, not always the last (Ask.About).
	Answers []int
	// Interrupted: the last reply was not about Topic (a refusal, a
	// suggestion), so "刚才那个" means Topic itself.
	Interrupted bool
	// Question is the last new question; a short follow-up ("公积金呢")
	// is read as that question about something else.
	Question string
	// Contact reads the message as asking for contacts, as /contact ARGS does.
	Contact bool
	// Asker is what the owner said of their kind of business or person
	// ("我在密云开了个牙科诊所"), "" for nothing said: its words name the
	// asker, not a subject, in "还有别的能帮到我们诊所的吗".
	Asker string
	// rejected are the measures a correction in the message says the
	// owner did not mean, notMeant its words (see correction.go).
	rejected []int
	notMeant string
	// turned: the message opens by turning to another question ("另外问
	// 下", "再问个", "还有个事"), see turnsToNext.
	turned bool
}

// answered reports whether the conversation has just answered something.
func (c *Context) answered() bool { return c.Topic != 0 || c.Unit != "" }

// Reading is what a message says: message-level cues and its asks.
type Reading struct {
	// Text is the message as read (Normalize).
	Text string
	// Empty is set for a message without letters or digits (punctuation,
	// emoji, spaces).
	Empty bool
	// Social is set for small talk; nothing else is read then.
	Social *Social
	// Identity: a clause of its own besides the question asks who answers
	// ("你们这个是官方的吗？…有没有补贴"); the question is read without it.
	Identity bool
	// ChangePlace: the message asks to answer for another district (换个区).
	ChangePlace bool
	// More: the message only asks for the other candidates (还有吗).
	More bool
	// ForAsker (with More): the message asks for the other measures that
	// fit the asker ("还有别的适合我们的吗"), not the last question's.
	ForAsker bool
	// Except (with ForAsker): the words of a subject the message sets
	// aside ("除了贷款还能享受啥": 贷款); the measures that say them are
	// not what it asks for.
	Except []string
	// Others: the message asks for the measures of a subject it names
	// besides Others, the topic it was answered with ("贷款这块还有别的
	// 政策吗"); its one ask is that subject searched afresh. 0 otherwise.
	Others int
	// Skip: the message only skips a question (不知道, 跳过).
	Skip bool
	// Previous: the message refers to the topic before (上一个).
	// PreviousTopic is that topic (0 when there was none); Recall is set
	// when the message says nothing more about it.
	Previous      bool
	PreviousTopic int
	Recall        bool
	// SetAside is, when a correction takes the talk back to PreviousTopic
	// ("我说的是卖猪的事 不是电费"), the topic it says was not meant: the
	// measure last shown. 0 otherwise.
	SetAside int
	// Rejects is the topic the message only says was not what the owner
	// meant ("不是这个", "不对 不是这条"), 0 otherwise; PreviousTopic is then
	// the topic before it that the dialog may go back to (0 for none).
	Rejects int
	// Several: the message asks what its one bare ask asks (找谁, 截止时间)
	// of each measure the message before was answered with ("这两个分别
	// 找谁"); the ask is read without the words that say so.
	Several bool
	// AboutGuide: the message asks whether the guide itself is still of
	// use ("这个指南现在还有用吗"), and no measure says its other words.
	AboutGuide bool
	// Overview: the message asks broadly what there is for its kind of
	// business ("开理发店的 有啥扶持") and names no measure's topic; nil
	// otherwise. The asks are read as well.
	Overview *Overview
	// Fixes are the typos corrected before reading (社宝 → 社保), in
	// message order, so the reply can say 按“社保”理解.
	Fixes []Fix
	// English is, for a message written mostly in English and read through
	// the English glossary, the Chinese it was read as, phrase by phrase
	// ("留抵退税 截止时间"), for the reply's English line; "" otherwise.
	English string
	// Asks are what the message asks, in the order asked, at most
	// MaxAnswered (none for small talk, 还有吗 or a bare 上一个).
	Asks []Ask
	// Left are the asks beyond MaxAnswered, as typed, not searched;
	// Unanswered counts them (more than Left holds for a message of very
	// many asks).
	Left       []string
	Unanswered int
}

// Ask is one question of a message, decided.
type Ask struct {
	// Result is the search's decision on it as a new question: a
	// follow-up like "公积金呢" already read as the last question about
	// something else, a one-word question several measures cover in full
	// already a choice. Kind is "" when it was not searched (Searched).
	Result
	// Text is the ask's words as typed (after Normalize; after 上一个 is
	// cut): the whole message when it is the one ask, else its clauses.
	Text string
	// Clauses are the ask's own clauses as the clause reader found them,
	// without the situation or context around them (房租能不能减 of a
	// story that ends with it): what `policybot ask` shows as the ask.
	Clauses string
	// Bare: nothing besides cues and filler, no topic of its own.
	Bare bool
	// OnlyContact: only a contact cue and filler ("那找谁办呢").
	OnlyContact bool
	// Unreachable: the asker could not reach a phone given ("电话打不通"),
	// and asks whom else to call; read as asking for the contact.
	Unreachable bool
	// SentOn: the unit the asker called said the matter is not theirs
	// ("打了说不归他们管 到底找谁"); read as asking for the contact.
	SentOn bool
	// Aspects are what it asks about a measure (找谁, 能网上办吗), longest
	// cue first.
	Aspects []Aspect
	// Words are its own topic words: the searched terms that are no cues.
	Words []string
	// OnTopic: it is about the Context's Topic (or the PreviousTopic).
	OnTopic bool
	// Pick is the measure of Context.Choices (or, for a list position,
	// Context.Listed) it picks, 0 for none.
	Pick int
	// AnyContact: it asks whom to call about nothing the guide's words
	// name ("有问题打什么电话", "打哪个电话最省事"): the guide's own
	// hotline answers it, not a refusal.
	AnyContact bool
	// About is, for a follow-up on the topic after a reply that answered
	// several asks (Context.Answers), the other answered measure its words
	// fit alone ("滞纳金呢" after 社保 and 房租 answered: 社保); 0 keeps the
	// topic.
	About int
	// Debtor is who owes the asker, as the message named them before its
	// debt was read as the asker's 被拖欠 (货车司机 of "好多货车司机欠我修车
	// 钱"); "" for none. Left out of the search, it is weighed when judging
	// the measure found (Judgment.Party).
	Debtor string
}

// Searched reports whether the ask was searched: a bare ask in a
// conversation that already has a topic or choices needs no search.
func (a *Ask) Searched() bool { return a.Kind != "" }

// Has reports whether the ask asks about aspect x.
func (a *Ask) Has(x Aspect) bool { return slices.Contains(a.Aspects, x) }

// Only reports whether x is the one aspect asked.
func (a *Ask) Only(x Aspect) bool { return len(a.Aspects) == 1 && a.Aspects[0] == x }

// Read reads a message in the conversation described by c. An error means
// the index itself failed; the message got no decision.
func (ix *Index) Read(text string, c Context) (Reading, error) {
	if ix.closed.Load() {
		return Reading{Text: text}, fmt.Errorf("read: %w", ErrClosed)
	}
	// What is read further is the simplified text: a traditional
	// character is no typo to report.
	// Lettered options (A. … B. …) are a list before anything reads a lone
	// Latin letter as pinyin typed by mistake (A → 啊).
	raw := optionLists(simplified(text))
	rd := Reading{Text: Normalize(text)}
	text = rd.Text
	if squeeze(text) == "" {
		rd.Empty = true
		return rd, nil
	}
	if !hasHan(raw) {
		// "shebao neng huanjiao ma": typed with the input method off.
		if h, ok := ix.corrector.FromPinyin(raw); ok {
			rd.Fixes = append(rd.Fixes, Fix{From: strings.TrimSpace(raw), To: h})
			raw, rd.Text = h, Normalize(h)
			text = rd.Text
		} else if en, ok := ix.english.fromEnglish(raw, c.Topic != 0 || len(c.Choices) > 0); ok {
			// "Can we defer social insurance payments?": read through
			// the English glossary; the reply stays in Chinese.
			rd.English, raw, rd.Text = en.understood, en.text, Normalize(en.text)
			text = rd.Text
		}
	} else if en, ok := ix.english.fromEnglish(raw, c.Topic != 0 || len(c.Choices) > 0); ok {
		// "What's the phone number of 李杰?": mostly English, with the
		// name kept as written.
		rd.English, raw, rd.Text = en.understood, en.text, Normalize(en.text)
		text = rd.Text
	} else if s, ok := ix.english.inChinese(raw); ok {
		// "food 的 license 五月到期": an English word the glossary reads
		// is read as its Chinese before a Latin word is taken for pinyin
		// typed with the input method off (license: 里涔色).
		raw, rd.Text = s, Normalize(s)
		text = rd.Text
		if h, ok := ix.corrector.LatinWords(raw); ok {
			rd.Fixes = append(rd.Fixes, Fix{From: strings.TrimSpace(raw), To: strings.TrimSpace(h)})
			raw, rd.Text = h, Normalize(h)
			text = rd.Text
		}
	} else if h, ok := ix.corrector.LatinWords(raw); ok {
		// "找shui办啊 dianhua": a word or two typed with the input method off.
		rd.Fixes = append(rd.Fixes, Fix{From: strings.TrimSpace(raw), To: strings.TrimSpace(h)})
		raw, rd.Text = h, Normalize(h)
		text = rd.Text
	}
	if s, ok := ix.english.inChinese(raw); ok && hasHan(raw) {
		// "有没有 platform 可以借员工": an English word the glossary
		// reads inside a Chinese message is read as its Chinese.
		raw, rd.Text = s, Normalize(s)
		text = rd.Text
	}
	rd.ChangePlace = ix.cues.has(text, cuePlaceChange)
	if rd.Social = ix.smallTalk(text); rd.Social != nil {
		return rd, nil
	}
	closing := ix.closing(text)
	if s := ix.withoutCourtesy(raw); s != strings.TrimSpace(raw) {
		// "你好 我开理发店的…": the greeting is no part of the question.
		raw, text = s, Normalize(s)
	}
	c.turned = ix.turnsToNext(raw)
	if s, ok := ix.afterSetAside(raw); ok {
		// "算了电费我直接去问市场吧。再问一句 …": only the new question.
		raw, text = s, Normalize(s)
	}
	if s, ok := ix.withoutIdentity(raw); ok {
		raw, text, rd.Identity = s, Normalize(s), true
	}
	if a, ok := ix.readPick(text, c); ok {
		rd.Asks = append(rd.Asks, a)
		return rd, nil
	}
	rd.Skip = ix.cues.only(text, cueSkip)
	if rd.More = ix.cues.only(text, cueMore); rd.More {
		return rd, nil
	}
	asker := c.Asker
	if ix.NamesAsker(text) {
		// The kind told now is the asker's, as the conversation keeps it
		// ("还有别的适合我这种小店的政策吗").
		asker = text
	}
	if except, ok := ix.exceptAsked(text); ok {
		// "不是问贷款了，我们算小微企业，除了贷款还能享受啥": not the subject
		// set aside again, but what else fits the asker, when their kind
		// is known from before or from this message.
		if ix.MoreFor(asker, nil) != nil {
			rd.More, rd.ForAsker = true, true
			rd.Except = ix.notAsker(ix.ownWords(ix.situationWords(except)))
			return rd, nil
		}
	}
	if ix.moreForAsker(text, c.Asker) && ix.MoreFor(asker, nil) != nil {
		// Only when the asker's kind has measures of its own; else the
		// message is searched ("还有别的能帮到我们骑手的吗" finds those for
		// 新业态 workers).
		rd.More, rd.ForAsker = true, true
		return rd, nil
	}
	var shown []int // the measures discussed, when the subject is the asker's kind alone
	if subject, ok := ix.othersAsked(text); ok && c.Topic != 0 {
		// "贷款这块还有别的政策吗": not the topic again, but what else the
		// guide has on the subject named; the subject is searched afresh.
		rd.Others = c.Topic
		if rest, ok := ix.cues.cut(subject, cueBroadWhat); ok && len(ix.ownWords(ix.situationWords(rest))) > 0 {
			// "还有别的吗，比如贷款有没有优惠": 优惠 is what any measure
			// gives, asked of the subject named (贷款), not a subject of
			// its own that 资费 or 税收 discounts would answer.
			subject = rest
		}
		if len(ix.ownWords(ix.situationWords(subject))) == 0 {
			// "培训机构还有别的政策可以享受吗": the subject is the asker's
			// kind, whose overview, less what was discussed or offered,
			// answers.
			shown = slices.Concat(c.Recent, []int{c.Topic}, c.Choices)
		}
		raw, c = subject, Context{Recent: c.Recent}
	}
	if rest, ok := ix.cues.cut(squeeze(text), cueSeveral); ok && ix.cues.bare(rest) && len(ix.cues.aspectsOf(rest)) > 0 {
		// "这两个分别找谁": what the rest asks, of each measure answered.
		rd.Several, raw = true, rest
	}
	if before, recent := ix.refersBack(text), ix.cues.has(text, cueRecent) && utf8.RuneCountInString(squeeze(text)) <= maxReferRunes; before || recent {
		rd.Previous = true
		if rd.PreviousTopic = ix.previousTopic(c, !before); rd.PreviousTopic == 0 {
			return rd, nil
		}
		rest, _ := ix.cues.cut(squeeze(text), cuePrevious, cueRecent)
		if rd.Recall = ix.cues.rest(rest) == ""; rd.Recall {
			return rd, nil
		}
		// "上一个找谁": the rest is about that measure.
		raw, c.Topic, c.Unit, c.Choices = rest, rd.PreviousTopic, "", nil
	}
	if c.Topic != 0 && len(c.Choices) == 0 && ix.rejectsOnly(text) {
		// "不是这个" after one answer: that measure was not meant; the
		// topic before it, if any, is talked about again.
		rd.Rejects, rd.PreviousTopic = c.Topic, ix.beforeRejected(c, []int{c.Topic})
		return rd, nil
	}
	if rest, rejected, ok := ix.correction(text); ok {
		// "不是公积金 我说房租": only what was meant is read, and not
		// against the topic it corrects.
		// "是个体户 不是公司" tells a case: a bare 是 corrects only what
		// the topic or the choices say, with words the topic never says.
		bare := strings.HasPrefix(squeeze(text), "是")
		if cc, ok := ix.rejecting(c, rejected); ok && (!bare || len(cc.rejected) > 0 && ix.saysOther(c.Topic, rest)) {
			if cc.Topic == 0 && c.Topic != 0 && !ix.cues.bare(rest) && askedNumber(rest) == 0 {
				// "不是宽带 我说减房租那个 能不能去现场办": the rest is read
				// against the topic before the one rejected, which its
				// words may name.
				// The dialog takes it up as the topic before (上一个 read).
				// A measure number in the rest (我问的是第4条) settles it.
				// Rest words that topic never says ("不是这个 我说的是那个
				// 担保费0.5%的" after 社保 and then 首贷) name another
				// measure: the rest is then searched on its own.
				if cc.Topic = ix.beforeRejected(c, cc.rejected); cc.Topic != 0 {
					if ws := ix.notAsker(ix.situationWords(rest)); len(ws) > 0 && !ix.Says(ix.guide.Measure(cc.Topic), ws) {
						cc.Topic = 0
					}
				}
				if cc.Topic != 0 && !rd.Previous {
					rd.Previous, rd.PreviousTopic, rd.SetAside = true, cc.Topic, c.Topic
				}
			}
			raw, c = rest, cc
		}
	} else if rest, rejected, ok := ix.correctionWithin(text); ok && c.Topic != 0 && askedNumber(text) == 0 &&
		ix.Says(ix.guide.Measure(c.Topic), ix.notAsker(ix.situationWords(rejected))) {
		// "我以前贷过款 不是首贷 担保费那个优惠还有别的条吗" after the
		// first-loan subsidy, "我不搞直播 …私人市场的租金能减吗" after the
		// live-streaming rent subsidy: the owner says the measure shown is
		// not theirs, in words it says; the rest is asked without it.
		if cc, ok := ix.rejecting(c, rejected); ok && len(cc.rejected) > 0 {
			raw, c = rest, cc
		}
	} else if rest, meant, ok := ix.meantOnly(text); ok && c.Topic != 0 && askedNumber(text) == 0 && ix.shortAskedNumber(text) == 0 {
		// "我是问房租 租农民私人的房子": words the topic never says move off
		// it, as "不是这个" would; a measure number (我问的是69条) settles
		// which one is meant.
		// "我是问除了这个电话还能找谁": asking again for the topic's
		// contact says no words of another topic (电话, 号).
		meant, _ = ix.cues.cut(meant, cueGiven, cueOtherNumber, cueContact, cueUnreachable)
		if ws := ix.notAsker(ix.situationWords(meant)); len(ws) > 0 && !ix.Says(ix.guide.Measure(c.Topic), ws) {
			if cc, ok := ix.rejecting(c, ""); ok {
				raw, c = rest, cc
			}
		}
	}
	fixed, fixes := ix.corrector.Correct(prepare(raw))
	for _, f := range fixes {
		rd.Fixes = append(rd.Fixes, Fix{From: f.From, To: f.To})
	}
	owed, debtors := ix.withoutDebtors(fixed)
	ps, left, unanswered := ix.parts(ix.withoutTellers(ix.withLeaseDeposit(ix.withoutDelays(ix.withBillArrears(owed)))))
	rd.Left, rd.Unanswered = left, unanswered
	if c.Topic != 0 || c.Question != "" || c.Asker != "" || c.Unit != "" || len(c.Recent) > 0 || len(c.Choices) > 0 {
		// In a conversation the turns before are the question's story
		// ("健身房算不算那几个行业" after 社保缓缴): no ask of it is bare.
		for i := range ps {
			ps[i].bare = false
		}
	}
	if err := ix.readParts(&rd, ps, c); err != nil {
		return rd, err
	}
	for i := range rd.Asks {
		// Each ask telling of a debt owed to the asker keeps its debtor,
		// in the order the message told them.
		if len(debtors) > 0 && strings.Contains(rd.Asks[i].Text, owedToUs) {
			rd.Asks[i].Debtor, debtors = debtors[0], debtors[1:]
		}
	}
	rd.AboutGuide = ix.aboutGuide(text, rd.Asks)
	ix.declineStrangeObjects(text, rd.Asks)
	if shown != nil {
		rd.Overview = ix.overviewExcept(text, shown)
	} else {
		rd.Overview = ix.readOverview(text, rd.Asks)
	}
	leaving := len(ps) == 1 && ps[0].implied && ix.cues.has(text, cueLeave)
	if closing != nil && rd.Overview == nil && !rd.AboutGuide && !rd.Previous && (asksNothing(rd.Asks) || ix.cues.has(text, cueDismiss) || leaving) {
		// "算了 我打电话问吧 谢谢": thanks with words that ask nothing the
		// guide answers end the talk, as do thanks after the asker's next
		// step, when the message asks nothing ("我先去办执照，谢谢你啊"); so do thanks after saying the measure
		// shown is no use ("这个是餐饮的，我们用不上。行吧，谢谢"), whatever
		// the words name.
		rd.Social, rd.Asks, rd.Fixes = closing, nil, nil
	}
	return rd, nil
}

// turnsToNext reports whether text opens by turning to another question:
// a next.ask phrase ("另外问下", "再问个") or a connective that adds an ask
// to what was asked before (另外, 还有).
func (ix *Index) turnsToNext(text string) bool {
	s := squeeze(text)
	for _, ph := range ix.cues.list(cueNextAsk) {
		if strings.HasPrefix(s, ph) {
			return true
		}
	}
	return clause.OpensMatter(s)
}

// stillNow reports whether text asks whether something may still be done
// now: a word of the time the owner lives in (现在, 如今, or a year after
// the guide's, "2026年了") and, after it, one asking whether it still may
// be (还能, 还可以), however the question ends ("还能办不").
func (ix *Index) stillNow(text string) bool {
	s := squeeze(text)
	at := -1
	for _, w := range ix.cues.list(cueNow) {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if len(ix.guide.Published) >= 4 {
		for _, m := range yearPattern.FindAllStringSubmatchIndex(s, -1) {
			if m[4] >= 0 && atoi(s[m[2]:m[3]]) > atoi(ix.guide.Published[:4]) && (at < 0 || m[0] < at) {
				at = m[0]
			}
		}
	}
	return at >= 0 && ix.cues.has(s[at:], cueStillMay)
}

// exampleLeads open the subject an ask for other measures names after
// itself ("还有别的吗 比如贷款方面").
var exampleLeads = []string{"比如说", "比如", "例如", "譬如", "像是", "比方说"}

// exampleAfter is the subject s (what follows an ask for other measures)
// names after an example's lead word ("比如房租"), if it names one.
func (ix *Index) exampleAfter(s string) (string, bool) {
	s = strings.TrimLeft(s, "吗呢，,。？?！! ")
	for _, lead := range exampleLeads {
		if rest, ok := strings.CutPrefix(s, lead); ok && len(ix.notAsker(ix.situationWords(rest))) > 0 {
			return rest, true
		}
	}
	return "", false
}

// moreForAsker reports whether text asks for more measures that fit the
// asker ("还有别的适合我们的吗", "还有别的能帮到我们诊所的吗"): a phrase
// of [more] and one of [more.asker], and besides them no word but kinds of
// askers and words of what the asker said they are.
func (ix *Index) moreForAsker(text, asker string) bool {
	s := squeeze(text)
	if !ix.cues.has(s, cueMoreAsker) {
		return false
	}
	rest, more := ix.cues.cut(s, cueMoreAsker, cueMore, cueMoreOther)
	if !more || rest == s {
		return false
	}
	asker = squeeze(asker)
	for _, w := range ix.ownWords(ix.situationWords(ix.cues.rest(rest))) {
		if len(ix.subjects(w)) == 0 && (asker == "" || !strings.Contains(asker, w) && !ix.ownedBy(s, w)) {
			return false
		}
	}
	return true
}

// ownedBy reports whether s names w as what the asker is, right after a
// word that makes it the owner's own ("适合我们回收站的", "我们农户能用上
// 的"): the asker says what they are now, whatever message last said it
// (a later one may have named only a legal form, 个体户 or 有限公司). A
// need ("我们贷款能用上的") is a subject to search, and the people the
// asker employs ("适合我们员工的") are not the asker.
func (ix *Index) ownedBy(s, w string) bool {
	if _, need := ix.ProfileValue(tags.DimNeed, w); need {
		return false
	}
	for _, k := range ix.staffKinds() {
		if slices.Contains(k.asker, w) || slices.Contains(k.guide, w) {
			return false
		}
	}
	for _, o := range ix.cues.list(cueTradeOwn) {
		if strings.Contains(s, o+w) {
			return true
		}
	}
	return false
}

// ExceptAsked reports whether text, one ask of a message, sets a subject
// aside and asks what else there is ("除了社保还有啥" before "房租呢"), and
// returns the subject's own words (社保), as Reading.Except holds them for
// a whole message.
func (ix *Index) ExceptAsked(text string) ([]string, bool) {
	except, ok := ix.exceptAsked(Normalize(text))
	if !ok {
		return nil, false
	}
	words := ix.notAsker(ix.ownWords(ix.situationWords(except)))
	return words, len(words) > 0
}

// exceptAsked reports whether text sets a subject aside and asks what
// else there is ("除了贷款还能享受啥", "我是说除了贷款还有啥别的政策"): a
// [more.except] lead, a [more.except.ask] phrase after it, and after the
// phrase no need and no example of one ("比如水电费" names the subject
// asked for, which othersAsked finds). except is what stands between the
// lead and the phrase (贷款).
func (ix *Index) exceptAsked(text string) (except string, ok bool) {
	s := squeeze(text)
	for _, lead := range ix.cues.list(cueMoreExcept) {
		i := strings.Index(s, lead)
		if i < 0 {
			continue
		}
		for _, p := range ix.cues.list(cueMoreExceptAsk) {
			j := strings.Index(s[i:], p)
			if j < 0 {
				continue
			}
			after := s[i+j+len(p):]
			if _, need := ix.ProfileValue(tags.DimNeed, after); need {
				return "", false
			}
			for _, ex := range exampleLeads {
				if strings.Contains(after, ex) {
					return "", false
				}
			}
			return s[i+len(lead) : i+j], true
		}
	}
	return "", false
}

// othersAsked finds a message asking for the other measures of a subject
// it names before a phrase of the more.other section ("贷款这块还有别的政
// 策吗"): the words before the phrase, when they name something the guide
// writes (not "这个", not a bare 还有别的政策吗, which is 还有吗's).
func (ix *Index) othersAsked(text string) (string, bool) {
	s := squeeze(text)
	for _, p := range ix.cues.list(cueMoreOther) {
		i := strings.Index(s, p)
		if i < 0 {
			continue
		}
		if i == 0 {
			// "还有别的吗 比如贷款方面": the subject follows, after an
			// example's lead word; a bare phrase is 还有吗's.
			after := strings.TrimLeft(s[len(p):], "，,。？?！! ")
			for _, lead := range exampleLeads {
				after = strings.TrimPrefix(after, lead)
			}
			if after == "" || len(ix.notAsker(ix.situationWords(after))) == 0 {
				continue
			}
			return after, true
		}
		if ex, ok := ix.exampleAfter(s[i+len(p):]); ok {
			// "除了这个 直播公司还能享受别的吗 比如房租": the example
			// named after the phrase is the subject asked for, not the
			// kind of asker before it.
			return ex, true
		}
		before := s[:i]
		if len(ix.notAsker(ix.situationWords(before))) == 0 {
			return "", false
		}
		return before, true
	}
	return "", false
}

// asksNothing reports whether no ask was answered, picked or kept on the
// topic: every one searched and answered with nothing, or only guessed at.
func asksNothing(asks []Ask) bool {
	for _, a := range asks {
		if !a.Searched() || a.Pick != 0 {
			return false
		}
		// "好的 谢谢 今天问得挺明白": a guess the search is unsure of, from
		// words that ask no aspect, is no ask beside thanks.
		guess := a.Kind == seeds.KindSuggest && len(a.Aspects) == 0
		if !guess && (a.Kind != seeds.KindNone || a.OnTopic) {
			return false
		}
	}
	return true
}

// aboutGuide reports whether text names the guide itself and asks whether
// it is still of use, while no ask's answer has sentences with the ask's
// own words besides those (and the epidemic's: "疫情都过去了").
func (ix *Index) aboutGuide(text string, asks []Ask) bool {
	if !ix.cues.has(text, cueGuideSelf) || !ix.cues.has(text, cueGuideAge) && !ix.cues.has(text, cueDeadline) {
		return false
	}
	for _, a := range asks {
		if a.Asked != 0 {
			return false
		}
		if (a.Kind == seeds.KindMeasure || a.Kind == seeds.KindChoice) && len(a.Measures) > 0 {
			var own []string
			for _, w := range a.Words {
				if !strings.Contains(w, "指南") && !ix.cues.has(w, cueEpidemic) && !calendarWord(w) {
					own = append(own, w)
				}
			}
			if ix.sentenceCoverage(ix.guide.Measure(a.Measures[0].Number), own) > 0 {
				return false
			}
		}
	}
	return true
}

// calendarWord reports whether w is only a year, month or day ("2022",
// "年"): "这些政策都2022年的了 还有效吗" dates the guide's measures, it
// names no measure, though many measures' deadlines carry that year.
func calendarWord(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && !strings.ContainsRune("年月日号", r) {
			return false
		}
	}
	return w != ""
}

// readParts reads the message's parts in order into rd.Asks: an ask that
// answers the same as the one before, or follows up on its answer, adds
// its aspects to it instead of becoming an ask of its own.
func (ix *Index) readParts(rd *Reading, ps []part, c Context) error {
	fromAsk := false // c.Topic is the answer to the ask before
	// read[i], when not nil, is ps[i] as splitCoordinated read it (with
	// c0, not from an ask): taken again when the loop below would read
	// the very same part in the very same context.
	var read []*Ask
	if len(ps) < MaxAnswered {
		var all []part
		var as []*Ask
		for _, p := range ps {
			qs, rs, err := ix.splitCoordinated(p, c)
			if err != nil {
				return fmt.Errorf("read coordinated subjects: %w", err)
			}
			all = append(all, qs...)
			if rs == nil {
				rs = make([]*Ask, len(qs))
			}
			as = append(as, rs...)
		}
		if len(all) <= MaxAnswered {
			ps, read = all, as
		}
	}
	c0 := c
	atC0 := true // c is c0, unchanged
	earlier, answeredBefore := "", ""
	for i, p := range ps {
		split := p
		p.contact = p.contact || c.Contact
		p.toldSince = fromAsk && len(p.before) > len(answeredBefore) && strings.HasPrefix(p.before, answeredBefore)
		p.earlier, earlier = earlier, joinClauses(earlier, p.context, p.text)
		if p.coordinated || p.item != 0 && i > 0 && ps[i-1].item != 0 && ps[i-1].item != p.item {
			// "社保和公积金能缓交吗": 公积金 is no follow-up on 社保's answer;
			// nor is the owner's second numbered question one on the
			// first's ("1.银行贷款能不能延期 2.有没有卖车的补贴": 车 is no
			// word of the loan measure's 货车司机).
			c, fromAsk, atC0 = c0, false, true
		}
		var a Ask
		if i < len(read) && read[i] != nil && atC0 && !fromAsk && p.contact == split.contact {
			// The part splitCoordinated read, in its context; the
			// earlier asks and toldSince set above are read only of an
			// ask following up on one (fromAsk): the second of two
			// coordinated subjects is that same reading too.
			a = *read[i]
		} else {
			var err error
			if a, err = ix.readAsk(p, c, fromAsk); err != nil {
				return err
			}
		}
		a.Clauses = p.text
		if len(ps) == 1 && !rd.Previous {
			a.Text = rd.Text // one ask: the message as typed is the question
		}
		if p.shown != "" {
			a.Text = p.shown
		}
		if a.Searched() && a.Question == p.text {
			// Answered with who is asking: "我是个体户，…，能缓交吗".
			a.Question = joinClauses(p.situation, p.context, p.text)
		}
		if last := len(rd.Asks) - 1; last >= 0 && foldsInto(&rd.Asks[last], &a) {
			// "这违约金能不交吗？会不会给断电" after a pasted notice: one
			// answer, the refusal of the first ask dropped.
			for _, x := range rd.Asks[last].Aspects {
				if !a.Has(x) {
					a.Aspects = append(a.Aspects, x)
				}
			}
			a.Contact = a.Contact || rd.Asks[last].Contact
			rd.Asks = rd.Asks[:last]
		}
		if last := len(rd.Asks) - 1; last >= 0 && !p.coordinated && ix.asksOfDeclined(&rd.Asks[last], &a) {
			// "这个算不算侵权 会不会被罚": the second ask names no matter
			// of its own; it asks of the first's (侵权), which no measure
			// covers, so it is declined with it, not answered "不会" by a
			// measure on penalties for something else.
			for _, x := range a.Aspects {
				if !rd.Asks[last].Has(x) {
					rd.Asks[last].Aspects = append(rd.Asks[last].Aspects, x)
				}
			}
			continue
		}
		if last := len(rd.Asks) - 1; last >= 0 && !p.coordinated && ix.continuesDeclined(&rd.Asks[last], &a, p.text) {
			// "商标被抢注了怎么申请无效宣告？费用多少？": the second ask
			// names no thing of its own; it asks the fee of the matter
			// declined on evidence just before, not of whatever measure
			// its one word (费用) ranks first.
			for _, x := range a.Aspects {
				if !rd.Asks[last].Has(x) {
					rd.Asks[last].Aspects = append(rd.Asks[last].Aspects, x)
				}
			}
			continue
		}
		if last := len(rd.Asks) - 1; last >= 0 && !p.coordinated && ix.guessOf(&rd.Asks[last], p.text) {
			// "价格扣除是什么意思 是便宜10%还是啥": the reading offered
			// asks whether the measure just found says so; its 10% is
			// not the broadband measure's.
			for _, x := range a.Aspects {
				if !rd.Asks[last].Has(x) {
					rd.Asks[last].Aspects = append(rd.Asks[last].Aspects, x)
				}
			}
			continue
		}
		if last := len(rd.Asks) - 1; last >= 0 && (fromAsk && a.OnTopic || sameAnswer(&a, &rd.Asks[last]) || ix.followsUnitAsk(&a, &rd.Asks[last])) {
			// "房租能减吗？国企的房子能减几个月？": one answer.
			for _, x := range a.Aspects {
				if !rd.Asks[last].Has(x) {
					rd.Asks[last].Aspects = append(rd.Asks[last].Aspects, x)
				}
			}
			if rd.Asks[last].Unit == nil && a.Unit != nil {
				// "白名单找谁办 交通局电话有吗": the unit asked after is
				// part of that one answer, not dropped with the ask.
				rd.Asks[last].Unit = a.Unit
			}
			if a.Contact && a.Searched() {
				// "能派去社区防疫吗 有补贴吗 找谁申请": whom to call about
				// that one answer is asked too.
				rd.Asks[last].Contact = true
			}
			continue
		}
		rd.Asks = append(rd.Asks, a)
		// The next ask follows this one: "社保能缓交吗？公积金呢" reads 公积金
		// as this question about something else.
		c.Question, fromAsk, atC0 = p.text, false, false
		if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 {
			c.Topic, c.Unit, c.Choices, fromAsk = a.Measures[0].Number, "", nil, true
			answeredBefore = p.before
		}
	}
	ix.conditionOfLater(rd, c0)
	if len(ps) == 1 && len(rd.Asks) == 1 && c0.Topic == 0 && len(c0.Choices) == 0 {
		return ix.withSettledTogether(rd, ps[0])
	}
	return nil
}

// followsUnitAsk reports whether ask a, read as on the topic with no
// words of its own, follows ask prev about a unit or its people, not the
// topic: "赵小龙和沙志林是一个科的吗 电话一样 我打哪个" asks which of them
// to call, which the unit's answer shows.
func (ix *Index) followsUnitAsk(a, prev *Ask) bool {
	return a.OnTopic && a.About == 0 && a.Pick == 0 && len(a.Words) == 0 && prev.Kind == seeds.KindUnit && prev.Unit != nil && !prev.OnTopic
}

// conditionOfLater folds an ask into a later ask of the message answered
// with a measure that says its words: an ask read as a follow-up on the
// topic in talk whose words the topic does not say ("我们仓库租的国有的房
// 子 批发算服务业吗 能减房租不" while a road-freight measure is in talk), or
// one only suggested that measure ("五金批发算服务业吗" before "房租能减
// 不"). It puts a condition (服务业) to the measure asked next.
func (ix *Index) conditionOfLater(rd *Reading, c Context) {
	topic := ix.guide.Measure(c.Topic)
	for i := 0; i+1 < len(rd.Asks); i++ {
		a := &rd.Asks[i]
		offTopic := topic != nil && a.OnTopic && a.About == 0 && len(a.Words) > 0 && ix.answerCoverage(topic, a.Words) == 0
		suggested := !a.OnTopic && a.Kind == seeds.KindSuggest && len(a.Measures) > 0
		// "农机维修算不算服务业，国有房子的房租减免我能享受吗": a case put
		// (算不算) that no measure answers surely is the next ask's
		// condition when that ask's measure says its words (服务业).
		putCase := (a.OnTopic || a.Kind != seeds.KindMeasure) && len(a.Words) > 0 && ix.cues.has(a.Text, cueCaseTopic)
		if !offTopic && !suggested && !putCase {
			continue
		}
		for j := i + 1; j < len(rd.Asks); j++ {
			b := &rd.Asks[j]
			if b.OnTopic || b.Kind != seeds.KindMeasure || len(b.Measures) == 0 {
				continue
			}
			says := ix.answerCoverage(ix.guide.Measure(b.Measures[0].Number), a.Words) > 0
			if !(offTopic && says || suggested && a.Measures[0].Number == b.Measures[0].Number || putCase && says) {
				continue
			}
			for _, x := range a.Aspects {
				if !b.Has(x) {
					b.Aspects = append(b.Aspects, x)
				}
			}
			rd.Asks = slices.Delete(rd.Asks, i, i+1)
			if len(rd.Asks) == 1 && !rd.Previous {
				rd.Asks[0].Text = rd.Text
			}
			return
		}
	}
}

// withSettledTogether reads a lone ask whether a relief can be had
// together with another (cueTogether: "同时", "叠加") after a story that
// tells another relief had (cueSettled: "贴息已经拿到了，还能同时申请担保费
// 补贴吗") as asking about both: the settled statement, answered alone
// with confidence by a measure other than the ask's, becomes an ask of its
// own before it, in the order told.
func (ix *Index) withSettledTogether(rd *Reading, p part) error {
	a := &rd.Asks[0]
	if a.Kind != seeds.KindMeasure || len(a.Measures) == 0 || p.before == "" || !ix.cues.has(p.text, cueTogether) {
		return nil
	}
	// Normalize writes the statements' commas half-width.
	for _, c := range strings.FieldsFunc(p.before, func(r rune) bool { return r == ',' || r == '，' }) {
		if !ix.cues.has(c, cueSettled) {
			continue
		}
		r, _, err := ix.understand(part{text: c}, -1, ix.model)
		if err != nil {
			return fmt.Errorf("read settled statement: %w", err)
		}
		if r.Kind != seeds.KindMeasure || len(r.Measures) == 0 || r.Measures[0].Number == a.Measures[0].Number || r.Probability < ix.tuning.AnswerProbability {
			continue
		}
		had := Ask{Result: r, Text: c, Clauses: c, Words: ix.topicWords(&r)}
		rd.Asks = append([]Ask{had}, rd.Asks...)
		return nil
	}
	return nil
}

// unreachable reads an ask saying a phone was not answered ("电话打不通怎么
// 办", "国资委那电话打不通 还有别的办法没") as asking for the contact of
// what it names, if anything, else of the measure in talk: the phrases
// saying so, and asking for another way, give way to 电话; so do those
// saying the unit called sent the asker on ("说不归他们管"): elsewhere.
func (ix *Index) unreachable(text string) (rest string, unreachable, elsewhere bool) {
	s := squeeze(text)
	rest, elsewhere = ix.cues.cut(s, cueElsewhere)
	rest, found := ix.cues.cut(rest, cueUnreachable)
	if !found && !elsewhere {
		return text, false, false
	}
	rest, _ = ix.cues.cut(rest, cueGiven, cueOtherNumber, cueOtherWay, cueMore, "ask.apply")
	return rest + "电话", found, elsewhere
}

// sentWithin reports whether text, a message telling that the unit called
// sent the asker on, names no unit but the units of measure m (its lead
// and supporting ones) and, its names and the cues cut, nothing else the
// guide's measures know: it asks whom m's matter belongs to.
func (ix *Index) sentWithin(m *seeds.Measure, text string) bool {
	units := append(slices.Clone(m.Lead), m.Support...)
	for _, ct := range m.Contacts {
		units = append(units, ct.Unit)
	}
	rest := squeeze(text)
	for {
		u, name := ix.dir.find(rest)
		if u == nil {
			break
		}
		if !slices.Contains(units, u.Name) {
			return false
		}
		rest = strings.Replace(rest, name, " ", 1)
	}
	for _, p := range ix.dir.people {
		if !strings.Contains(rest, p) {
			continue
		}
		if !slices.ContainsFunc(m.Contacts, func(ct seeds.Contact) bool { return slices.Contains(ct.People, p) }) {
			return false
		}
		rest = strings.ReplaceAll(rest, p, " ")
	}
	rest, _ = ix.cues.cut(rest, cueElsewhere, cueUnreachable, cueGiven, cueContact)
	// What is left is how the call went (说, 让我找, 到底): no thing of
	// its own the ask could be about.
	return ix.headlessAsk(ix.concepts(rest), ix.tag(rest).pos)
}

// joinClauses joins the non-empty texts with a comma.
func joinClauses(texts ...string) string {
	var out []string
	for _, t := range texts {
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "，")
}

// sameAnswer reports whether two asks of one message are answered by the
// same measure, so one reply answers both.
func sameAnswer(a, b *Ask) bool {
	return a.Searched() && b.Searched() && a.Kind == seeds.KindMeasure && b.Kind == seeds.KindMeasure &&
		a.Measures[0].Number == b.Measures[0].Number && !a.OnTopic && !b.OnTopic
}

// foldsInto reports whether a declined ask, read with the statements
// before it as its context and naming no topic out of scope or of another
// place, ranks first the measure the next ask of the message (a) is
// answered with: "…电费催缴通知单…逾期将收取违约金…修车铺封控期间停了俩月，
// 这违约金能不交吗？会不会给断电" asks one thing of the story, which the
// utilities measure answers; a refusal beside that answer would deny what
// it grants.
func foldsInto(declined, a *Ask) bool {
	in := declined.Inputs
	return declined.Kind == seeds.KindNone && in != nil && in.Context == 1 && in.OutOfScope == 0 && in.OtherPlaces == 0 &&
		!declined.OnTopic && len(declined.Measures) > 0 &&
		a.Kind == seeds.KindMeasure && !a.OnTopic && len(a.Measures) > 0 && declined.Measures[0].Number == a.Measures[0].Number
}

// asksOfDeclined reports whether ask a, whose own words are only what
// may follow from a matter (cueConsequence: 被罚) or what any measure
// gives (cueBroadWhat: 扶持, 措施), asks of the matter of
// the declined ask before it in the message: a yes/no verdict on it may
// only come from a measure that says the declined ask's words, and a's
// measure says none.
func (ix *Index) asksOfDeclined(declined, a *Ask) bool {
	if len(declined.Words) == 0 || a.OnTopic || a.Question == "" {
		return false
	}
	if declined.OnTopic {
		// "这个算不算侵权" while a measure is in talk: read on the topic,
		// but the topic says none of its words; declined all the same.
		if len(declined.Measures) == 0 || ix.answerCoverage(ix.guide.Measure(declined.Measures[0].Number), declined.Words) > 0 {
			return false
		}
	} else if declined.Kind != seeds.KindNone {
		return false
	}
	if a.Kind != seeds.KindMeasure && a.Kind != seeds.KindSuggest && a.Kind != seeds.KindChoice || len(a.Measures) == 0 || len(a.Words) == 0 {
		return false
	}
	for _, w := range a.Words {
		// "…服务站今年帮扶了多少退役军人创业，有哪些扶持措施": what any
		// measure gives (cueBroadWhat) is asked of the matter declined,
		// not of every measure that gives it.
		if !ix.cues.only(w, cueConsequence) && !ix.cues.only(w, cueBroadWhat) {
			return false
		}
	}
	// The matter is the declined ask's words less what any measure gives
	// (帮扶 of "帮扶了多少退役军人创业"), which a's measure may well say.
	matter := slices.DeleteFunc(slices.Clone(declined.Words), func(w string) bool { return ix.cues.only(w, cueBroadWhat) })
	return len(matter) > 0 && ix.answerCoverage(ix.guide.Measure(a.Measures[0].Number), matter) == 0
}

// continuesDeclined reports whether ask a, whose own clauses (text) name
// no thing of their own, follows an ask of the message declined on
// evidence that the guide does not cover it (an out-of-scope topic,
// another place): "费用多少", "多少天", "还是先公示" after "商标被抢注了怎么
// 申请无效宣告" or "简易注销要登报吗" ask of that matter, which no measure
// covers, whatever measure their generic words rank first. A bare cost
// word (head.aspect: 费用) is the cost of the matter told, no thing of its
// own; an ask naming one ("房租能减吗") is its own question.
func (ix *Index) continuesDeclined(declined, a *Ask, text string) bool {
	in := declined.Inputs
	if declined.Kind != seeds.KindNone || declined.OnTopic || in == nil || in.OutOfScope == 0 && in.OtherPlaces == 0 {
		return false
	}
	if a.OnTopic || !a.Searched() || a.Kind == seeds.KindUnit || a.Contact || a.AnyContact {
		return false
	}
	return ix.headlessAsk(ix.withoutAspects(ix.concepts(text)), ix.tag(text).pos)
}

// guessOf reports whether text only offers a reading of what the ask
// before it (prev) asked (cueGuessMeaning) while prev is answered with a
// measure: the reading is checked against that measure's words.
func (ix *Index) guessOf(prev *Ask, text string) bool {
	return prev.Kind == seeds.KindMeasure && len(prev.Measures) > 0 && ix.cues.has(text, cueGuessMeaning)
}

// maxReferRunes bounds a message that refers to the topic before (上一个,
// 上一个找谁): a longer one tells its own story.
const maxReferRunes = 16

// refersBack reports whether a short message refers to the topic before
// ("上一个", "刚才那个找谁"), not to a time ("上个月停了工").
func (ix *Index) refersBack(text string) bool {
	s := squeeze(text)
	if utf8.RuneCountInString(s) > maxReferRunes {
		return false
	}
	for _, ph := range ix.cues.list(cuePrevious) {
		for i := strings.Index(s, ph); i >= 0; {
			if r, _ := utf8.DecodeRuneInString(s[i+len(ph):]); !strings.ContainsRune("月周星礼季年期", r) {
				return true
			}
			j := strings.Index(s[i+len(ph):], ph)
			if j < 0 {
				break
			}
			i += len(ph) + j
		}
	}
	return false
}

// previousTopic is the most recent topic other than the current one that
// the guide has; with orCurrent ("刚才那个"), the current one when there is
// no other or the conversation turned away from it since (a refusal); 0
// when there is none.
func (ix *Index) previousTopic(c Context, orCurrent bool) int {
	if orCurrent && c.Interrupted && ix.guide.Measure(c.Topic) != nil {
		return c.Topic
	}
	for i := len(c.Recent) - 1; i >= 0; i-- {
		if n := c.Recent[i]; n != c.Topic && ix.guide.Measure(n) != nil {
			return n
		}
	}
	if orCurrent && c.Topic != 0 && ix.guide.Measure(c.Topic) != nil {
		return c.Topic
	}
	return 0
}

// nearContacts are the contact lines of the measures just discussed: the
// topic and the measures the last reply answered.
func (ix *Index) nearContacts(c Context) []seeds.Contact {
	var cs []seeds.Contact
	for _, n := range append([]int{c.Topic}, c.Answers...) {
		if m := ix.guide.Measure(n); n != 0 && m != nil {
			cs = append(cs, m.Contacts...)
		}
	}
	return cs
}

// readAsk reads one ask against the context. sibling: c.Topic is the
// answer to the ask before it in the same message.
func (ix *Index) readAsk(p part, c Context, sibling bool) (Ask, error) {
	p = ix.narrowToEllipsis(p, ix.guide.Measure(c.Topic))
	p = ix.withNamedNumber(p)
	p.near = ix.nearContacts(c)
	asked := p.text
	text, unreachable, elsewhere := ix.unreachable(p.text)
	if !unreachable && !elsewhere && ix.cues.has(p.text, cueOtherNumber) {
		// "电话打了老占线，还有别的号吗": the statement says the phone was
		// not answered, the ask asks for another way.
		if told, u, e := ix.unreachable(joinClauses(p.context, p.situation)); u || e {
			unreachable, elsewhere = u, e
			// "这个号打不通" names the number given, no topic: its 号 is
			// no word of a measure's (带*号).
			p.context, _ = ix.cues.cut(p.context, cueUnreachable, cueGiven)
			p.situation, _ = ix.cues.cut(p.situation, cueUnreachable, cueGiven)
			text, _ = ix.cues.cut(squeeze(p.text), cueGiven, cueOtherNumber, cueOtherWay, cueMore, "ask.apply")
			text += "电话"
			if u, _ := ix.dir.find(text); u == nil && !ix.asksContact(text, p.near) && ix.asksContact(told, p.near) {
				// "打69044615了 没人接，咋办", "李斌的电话没人接，咋办":
				// the statement names whom the asker could not reach;
				// the ask, naming no one itself, is for that contact's
				// other ways. One naming a unit ("经信局还有别的电话吗")
				// asks for that unit's.
				text = told
			}
		}
	}
	if !unreachable && !elsewhere && ix.cues.has(text, cueContact) {
		// "刘建龙电话打过去说不归他们管 让我找国资委 到底归谁": the
		// statement before says the unit called sent the asker on; the
		// ask, whom to turn to, is asked because of it.
		if _, _, e := ix.unreachable(joinClauses(p.context, p.situation)); e {
			elsewhere = true
		}
	}
	if unreachable && !ix.asksContact(text, p.near) {
		if _, named := ix.namedContacts(text, p.near); len(named) > 0 && !ix.dir.isDepartment(named[0]) {
			// "李杰那个电话打不通啊 园区还有别的人能问吗": the person who
			// did not answer is whom the ask is about; where else to ask
			// is the hotline the reply adds.
			text = strings.Join(named, "") + "电话"
		}
	}
	p.text = text
	aspects := ix.cues.aspectsOf(text)
	if p.matter {
		aspects = ix.cues.aspectsOf(joinClauses(p.context, text))
	}
	if !slices.Contains(aspects, AspectDeadline) && ix.stillNow(text) {
		// "社保缓缴那个 现在2026年了还能办不": whether it may still be had
		// now is a question of its period, which the answer must state.
		aspects = append(aspects, AspectDeadline)
	}
	a := Ask{Text: asked, Bare: p.context == "" && ix.cues.bare(text), Aspects: aspects, OnlyContact: ix.cues.only(text, cueContact), Unreachable: unreachable, SentOn: elsewhere}
	if c.Topic != 0 && !sibling && ix.newMatter(ix.guide.Measure(c.Topic), joinClauses(p.situation, p.context, text)) {
		// "再问个 携程上有人恶意差评 还威胁要退款，这种找哪个部门管" while
		// discussing the graduates' insurance subsidy: the owner says a
		// new question comes and tells its matter in nouns the topic never
		// writes (words the guide does not know, which are no cues
		// either); read as a question of its own, not whom to call about
		// the topic, and 这种 points at the matter just told.
		c.Topic, a.Bare = 0, false
	}
	topic := ix.guide.Measure(c.Topic)
	if c.Topic == 0 {
		topic = nil
	}
	choosing := len(c.Choices) > 0
	if elsewhere && topic != nil && !choosing && !sibling && ix.sentWithin(topic, joinClauses(p.situation, p.context, text)) {
		// "…说不归他们管 让我找国资委 到底归谁" after the measure's
		// contact was shown: whom the matter belongs to is the measure's
		// own units (the one sent to among its supporting ones), not a
		// measure the sent-to unit's name finds.
		a.OnTopic, a.Bare = true, true
		if len(a.Aspects) == 0 {
			a.Aspects = ix.cues.aspectsOf("找谁")
		}
		return a, nil
	}
	// "征信" alone: the subject is searched, its cue words the terms. After
	// a measure, a bare "会影响征信吗" stays on it (what it says or not).
	subject := ix.unansweredSubject(topic, a.Aspects, text)
	if topic != nil && !choosing && !sibling {
		// What the clauses around the ask say counts too: "逾期了一回，
		// 留下了不良记录，能撤销吗" asks about the credit record.
		full := joinClauses(p.situation, p.context, text)
		if n := ix.subjectOwner(topic, ix.cues.aspectsOf(full), full); n != 0 {
			// The subject asked is stated by another measure, which
			// the ask's own words point at: about it, the new topic.
			a.OnTopic, a.About = true, n
			return a, nil
		}
	}
	// "…支持比例是多少？我们去年刚评上专精特新，还能享受什么别的扶持": an ask
	// of the same message for other relief than the ask before it got,
	// after a statement told since (what else the asker is), is no
	// follow-up on that answer but a search without it. Without such a
	// statement ("社保能缓交吗？还有别的政策吗") it stays one answer.
	others := sibling && topic != nil && p.toldSince && ix.cues.has(text, cueMoreOther)
	switch {
	case subject && a.Bare && !choosing && topic == nil:
	case others:
	case topic != nil && a.Bare,
		topic == nil && choosing && a.Bare && len(a.Aspects) > 0,
		!choosing && topic == nil && (c.Unit != "" && ix.Unit(c.Unit) != nil && a.OnlyContact || a.Bare && len(a.Aspects) > 0):
		// Nothing to search: about the topic, the choices or the unit.
		a.OnTopic = topic != nil
		if a.OnTopic && !sibling {
			a.About = ix.answeredAbout(c.Answers, topic, &a)
		}
		return a, nil
	}
	r, _, err := ix.understand(p, -1, ix.model)
	if err != nil {
		return a, err
	}
	if sibling && topic != nil && p.situation != "" && p.context == "" && len(r.Measures) > 0 && r.Measures[0].Number == topic.Number &&
		!p.opened && r.Kind == seeds.KindMeasure {
		// "几家药店租的都是国有的门面，免租按店算吗？免了房租之后还能再
		// 办首贷贴息吗": the story of the first ask ranks its answer first
		// for the second too, which would then be dropped as the same
		// question. When the second's own words, read without the story,
		// are answered with another measure the search is sure of, the
		// story was only the first's.
		q := p
		q.situation = ""
		// A restatement ("也就是欠费了还能照常用电吗") or an aspect of the
		// first answer ("缓缴的这段时间有滞纳金吗") is searched elsewhere
		// alone too, but the first answer says its words as well (more of
		// them than the other measure does): it stays one.
		if r2, _, err := ix.understand(q, -1, ix.model); err == nil && r2.Kind == seeds.KindMeasure && len(r2.Measures) > 0 &&
			r2.Measures[0].Number != topic.Number && r2.Probability >= ix.tuning.AnswerProbability &&
			ix.turnsAway(topic, &Ask{Result: r2, Words: ix.topicWords(&r2)}) {
			r = r2
		}
	}
	if sibling && p.opened && topic != nil && p.situation != "" && p.context == "" && len(r.Measures) > 0 && r.Measures[0].Number == topic.Number &&
		r.Inputs != nil && r.Inputs.Coverage == 0 {
		// "食品生产许可证到期了…有效期能顺延吗 还想问社保能不能缓": the
		// story told before the first ask ranks its answer first for the
		// second, which turns to something new ("还想问") in words that
		// answer lacks; the second is read without it. A follow-up that
		// turns to nothing new ("利息怎么算") stays with the story.
		q := p
		q.situation = ""
		if r2, _, err := ix.understand(q, -1, ix.model); err == nil && r2.Kind != seeds.KindNone && len(r2.Measures) > 0 && r2.Measures[0].Number != topic.Number {
			r = r2
		}
	}
	if sibling && p.opened && topic != nil && p.context == "" && len(r.Measures) > 0 && r.Measures[0].Number == topic.Number {
		// "我是孵化器的运营方…房租政府能补多少？还有孵化器里有家企业想评专
		// 精特新，有啥支持": a connective turns to a new ask, which names
		// again where it happens (孵化器), told before; those words rank the
		// first answer first. Read without the words the message said
		// before it, an ask the search answers elsewhere, with words the
		// first answer does not say, is its own question.
		if q, ok := ix.withoutToldWords(p, joinClauses(p.before, p.earlier)); ok {
			if r2, _, err := ix.understand(q, -1, ix.model); err == nil && r2.Kind != seeds.KindNone &&
				len(r2.Measures) > 0 && r2.Measures[0].Number != topic.Number &&
				ix.answerCoverage(ix.guide.Measure(r2.Measures[0].Number), ix.topicWords(&r2)) > ix.answerCoverage(topic, ix.topicWords(&r2)) {
				r = r2
			}
		}
	}
	if told := ix.settledTopic(p, &r); told != nil {
		// "…房子是私人的，房东说租金减不了，…，我这种情况社保能减免吗":
		// the story's subject is settled (out of reach, or had), yet its
		// words rank it first for an ask naming a subject of its own; that
		// ask is read without the story when its own words are answered
		// elsewhere with a subject (社保) that answer says and the story's
		// does not.
		q := p
		q.situation, q.before = "", ""
		if r2, _, err := ix.understand(q, -1, ix.model); err == nil && r2.Kind == seeds.KindMeasure && len(r2.Measures) > 0 &&
			r2.Measures[0].Number != told.Number && ix.saysApart(ix.guide.Measure(r2.Measures[0].Number), told, ix.topicWords(&r2)) {
			r = r2
		}
	}
	if others && len(r.Measures) > 0 && r.Measures[0].Number == topic.Number {
		// The answer before is what the ask sets aside.
		r.Measures, r.Kind, r.Related = r.Measures[1:], seeds.KindNone, nil
	}
	if others && len(r.Measures) > 0 && r.Kind == seeds.KindNone {
		// What else there is for the asker told since: the measure ranked
		// first is offered, as closest rather than sure.
		r.Kind = seeds.KindSuggest
	}
	if a.Unreachable && r.Kind == seeds.KindUnit && r.Unit != nil {
		// A number that was not answered: the guide's other numbers of the
		// same person, with it.
		r.Unit = ix.withOtherLines(r.Unit)
	}
	a.Result = r
	a.Words = ix.topicWords(&r)
	// Words that pick one of the measures offered first ("停业赔付那个"),
	// then the topic, which a suggestion leaves open.
	if choosing && !a.Bare {
		a.Pick = ix.pick(c.Choices, &a)
		if a.Pick != 0 && (a.Kind == seeds.KindMeasure || a.Kind == seeds.KindChoice) && len(a.Measures) > 0 && !slices.Contains(c.Choices, a.Measures[0].Number) {
			// "租的是国企的楼，房租能不能减" among choices whose rent
			// measure is for 非国有房屋: the owner's case rules the
			// choice out, and the search answers with a measure not
			// offered that says the ask as fully; a new question.
			picked, found := ix.guide.Measure(a.Pick), ix.guide.Measure(a.Measures[0].Number)
			if ix.sentenceCoverage(found, a.Words) >= ix.sentenceCoverage(picked, a.Words) && ix.contrasted(picked, joinClauses(p.situation, p.context, text)) {
				a.Pick = 0
			}
		}
		if a.Pick != 0 && a.Kind == seeds.KindChoice && (ix.YesNo(text) || ix.cues.has(text, cueInterrogative)) && ix.choiceBeyondOffered(&a, c.Choices) {
			// "我没贷款。就是摊位费能不能免啊" after 贷款 and 孵化器房租
			// were offered for a vague ask: a question of its own whose
			// words find several measures alike, of which the one
			// offered is only one; a new choice, not the offered one
			// picked. A bare answer to the list ("招毕业生的") picks.
			a.Pick = 0
		}
	}
	pointedAway := false
	if topic != nil && a.Pick == 0 && !sibling {
		if n := ix.statedNumber(p, &a, topic); n != 0 {
			// "我是问房租减免那条，第4条说的服务业小微企业，我们洗浴中心算
			// 不算" while discussing loans: the measure the owner names by
			// its number in the statements around the ask is what the ask
			// is about, whatever the topic says of its words.
			a.OnTopic, a.About = true, n
			return a, nil
		}
		if n := ix.quotedRecent(&a, c, topic); n != 0 {
			// "洗浴算不算服务业小微企业" while discussing loans, after the
			// rent measure: the term quoted is that measure's, word for
			// word, and the topic's nowhere.
			a.OnTopic, a.About = true, n
			return a, nil
		}
		n, named := ix.pointedRecent(&a, c, topic)
		if n != 0 {
			// "贷款那条里说的货车司机 我开出租的算不算" while discussing
			// insurance: about the measure discussed before that the
			// pointer names by its subject, which becomes the topic.
			a.OnTopic, a.About = true, n
			return a, nil
		}
		// "油补那个电话多少" while discussing credit records: the pointer
		// names a thing neither the topic nor any measure discussed says;
		// the topic's phone would answer something not asked, so the ask
		// is searched as a question of its own.
		pointedAway = named
	}
	if topic != nil && a.Pick == 0 && !pointedAway {
		full := joinClauses(p.situation, p.context, p.text)
		ruledOut := ix.contrasted(topic, full)
		// "我是说国有房屋的房租减免" after the measure for 非国有房屋: the ask
		// itself names what rules the topic out, and the search has a
		// measure it does not rule out that says the ask's subject as
		// well; about that one. A case told in the story ("我们是大型企业")
		// and put to the topic ("能享受吗") stays on it.
		instead := ruledOut && ix.contrasted(topic, p.text) && ix.fitsInstead(topic, &a, full)
		// "隔壁饭店的油烟熏得我们没法营业，政府管不管" while discussing the
		// measure for 餐饮企业: a story told with a question that puts
		// nothing to the topic, which shares only the story's kinds, is a
		// new question, read as it would be alone. A statement alone
		// ("这孵化器是区里国企办的，楼也是国有的") tells the case; a second
		// ask of one message ("…做物流的…然后我们司机的饭补有没有") is
		// read against the first's answer as before.
		elsewhere := !sibling && !p.implied && (ix.sharesOnlyKinds(topic, &a, joinClauses(p.situation, p.context)) ||
			ix.storyElsewhere(topic, &a, p.situation) || ix.storyApart(topic, &a, p.situation))
		// "专精特新太远了。我这个厂子想从个体户转成公司，有没有啥优惠": the
		// message sets the topic aside in words of its own; what it asks
		// next is a new question, whatever the topic's name in the
		// statement ties it to.
		elsewhere = elsewhere || ix.setAside(topic, joinClauses(p.situation, p.before))
		a.OnTopic = !elsewhere && (ix.onTopic(topic, &a) && !instead ||
			// "我们是大型企业，员工两千多人，能享受吗" about a measure for
			// 小微企业: the owner's case, which its words rule out.
			a.Kind != seeds.KindMeasure && !a.OtherPlace && ruledOut && !instead &&
				// unless another measure says the ask far better (私企招
				// 毕业生 after the one about state firms).
				!ix.outcovered(topic, &a, ix.answerCoverage(topic, a.Words)))
		if sibling && a.Kind == seeds.KindMeasure && a.Measures[0].Number != topic.Number && a.Probability >= ix.tuning.AnswerProbability &&
			!(a.OnTopic && ix.askerOnly(&a)) {
			// "社保能缓一缓吗？还有水电燃气费也欠着，会不会断": a second
			// ask the guide answers elsewhere is its own question, however
			// the first one's words touch it; not one naming only the
			// asker's kind ("听说有首次贷款贴息 我们个体户能办吗"), which
			// puts the owner's case to the first, whatever measure names
			// that kind.
			a.OnTopic = false
		}
		if !sibling && c.Interrupted && a.Kind == seeds.KindMeasure && a.Measures[0].Number != topic.Number && a.Probability >= ix.tuning.AnswerProbability {
			// "就是农村劳动力找工作 政府有没有管的" after the guide had
			// nothing for the message before: the owner says again what
			// they want, and the search is sure of another measure; the
			// topic kept through the refusal is no longer what they ask.
			a.OnTopic = false
		}
		if others {
			// Other relief than the answer before is no follow-up on it.
			a.OnTopic = false
		}
		if !sibling && a.OnTopic && ix.namesOwnTopic(topic, &a) {
			// "那担保费能不能便宜点，听说有个千分之五的" while discussing the
			// first-loan subsidy, whose text names a 担保费用 rule only in
			// passing: the ask names a subject of its own, which the search,
			// reading it alone, is sure another measure answers at least as
			// fully; the topic is context only for asks naming nothing.
			a.OnTopic = false
		}
		if !sibling && c.turned && a.Asked == 0 && ix.turnsAway(topic, &a) && !ix.along(topic, &a) && !ix.cues.has(a.Text, cueThisMeasure) {
			// "另外问下，我们这种小公司想接政府的采购单子，有没有照顾小企业
			// 的" while discussing arrears: the message opens by turning to
			// another question, and the search ranks elsewhere a measure
			// that says more of its words than the topic does (政府 and 小
			// 企业 are the arrears measure's words too); a question of its
			// own, as a second ask of one message would be. Not one adding
			// a thing to what the topic grants ("还有，员工的医疗保险也能缓
			// 吗" after 社保缓缴) or pointing at the topic itself (这条).
			a.OnTopic = false
		}
		if sibling && p.opened && ix.turnsAway(topic, &a) {
			// "…想申请延期还本付息，能办吗？另外诊所的房子是街道的国有房，
			// 房租能不能减": a connective turns to a new ask; one the search
			// ranks elsewhere, with words the first answer does not say,
			// is its own question even when the search is unsure of it,
			// not a follow-up to drop.
			a.OnTopic = false
		}
	}
	if a.OnTopic && !sibling {
		a.About = ix.answeredAbout(c.Answers, topic, &a)
	}
	var onTopic *Ask
	if a.OnTopic && a.About == 0 && a.Asked == 0 && subject && len(a.Words) > 0 && ix.answerCoverage(topic, a.Words) == 0 {
		// "还贷款晚了会上征信吗" after the utilities measure: words and
		// subject the topic has neither of, searched anew; the topic
		// answers only when the guide has nothing surer.
		keep := a
		onTopic, a.OnTopic = &keep, false
	}
	if a.OnTopic || a.Pick != 0 {
		return a, nil
	}
	if err := ix.asNewQuestion(&a, p, c); err != nil {
		return a, err
	}
	if onTopic != nil && !ix.answersSubject(&a, topic) {
		return *onTopic, nil
	}
	if (a.Kind == seeds.KindNone || a.Kind == seeds.KindSuggest) && !sibling {
		// "缓到几月份" the search declines, after 公积金 and 房租 were
		// answered: about the answer its words fit.
		if n := ix.answeredAbout(c.Answers, topic, &a); n != 0 {
			a.OnTopic, a.About = true, n
		}
	}
	a.AnyContact = a.Kind == seeds.KindNone && !a.OnTopic && a.Contact && a.Unit == nil && !a.OtherPlace && !a.Human && len(a.Terms) == 0
	return a, nil
}

// storyElsewhere reports whether the story told before ask a names
// things (no trade, no kind of asker), and the measure the search puts
// first, told the story, says a fair share of the story's words, twice
// as much as topic m, and the ask's own words as well as m: "站里新来俩今年毕业的大专生
// …签了合同交社保 能领补贴不" while discussing the first-loan subsidy
// (首贷补贴) is about graduates' insurance subsidy, the story's subject,
// however the short ask's 补贴 fits the topic too.
func (ix *Index) storyElsewhere(m *seeds.Measure, a *Ask, story string) bool {
	if story == "" || len(a.Words) == 0 || len(a.Measures) == 0 || a.Measures[0].Number == m.Number {
		return false
	}
	if ix.cues.has(a.Text, cueCaseTopic) || ix.cues.has(a.Text, cueThisMeasure) {
		// "他是个体户，没注册公司，这条个体户能用吗": the story is the case
		// the ask puts to the topic.
		return false
	}
	switch a.Kind {
	case seeds.KindMeasure, seeds.KindChoice, seeds.KindSuggest:
	default:
		return false
	}
	first := ix.guide.Measure(a.Measures[0].Number)
	if first == nil || ix.sentenceCoverage(first, a.Words) < ix.sentenceCoverage(m, a.Words) {
		return false
	}
	// The story's words but its trades, whom it speaks of included (毕业
	// of the graduates hired); it must name some thing besides them.
	var told []string
	for _, w := range ix.topicTerms(ix.analyse(story, -1).terms) {
		if !ix.tradeOf(w) && !slices.Contains(a.Words, w) {
			told = append(told, w)
		}
	}
	things := slices.DeleteFunc(ix.notAsker(told), ix.personWord)
	c := ix.sentenceCoverage(first, told)
	return len(things) > 0 && c >= fairCover && c >= 2*ix.sentenceCoverage(m, told)
}

// storyApart reports whether neither ask a nor the story told before it
// says anything topic m writes, while the story names things of its own:
// "出栏的猪卖不出去压在栏里，政府能不能帮着收一批" while discussing the
// utilities measure asks nothing of utilities, however little of it the
// guide knows; it is read as a question of its own (and may be declined).
func (ix *Index) storyApart(m *seeds.Measure, a *Ask, story string) bool {
	if story == "" || a.Asked != 0 || len(a.Words) > 0 && ix.answerCoverage(m, a.Words) > 0 ||
		ix.cues.has(a.Text, cueCaseTopic) || ix.cues.has(a.Text, cueThisMeasure) || ix.caseOf(a, false) == putToTopic {
		return false
	}
	text := measureWords(m)
	var things []string
	for _, w := range ix.topicTerms(ix.analyse(story, -1).terms) {
		if full, part := ix.mentions(text, w); full || part {
			return false
		}
		if !ix.tradeOf(w) {
			things = append(things, w)
		}
	}
	return len(ix.notAsker(things)) > 0
}

// withoutToldWords is p without its situation and with the words of its
// text that told (what the message said before it) says too: the words
// it asks with besides those, when there are any; ok is false when no
// word of the ask was told before, or every word was.
func (ix *Index) withoutToldWords(p part, told string) (part, bool) {
	if told == "" {
		return p, false
	}
	var b strings.Builder
	dropped, kept := false, false
	for _, t := range ix.seg.Tag(p.text) {
		w := t.Word
		if hanWord(w) && strings.Contains(told, w) {
			dropped = true
			continue
		}
		kept = kept || hanWord(w)
		b.WriteString(w)
	}
	if !dropped || !kept {
		return p, false
	}
	q := p
	q.text, q.situation, q.before = b.String(), "", ""
	return q, true
}

// namesOwnTopic reports whether ask a names a subject of its own rather
// than putting something to topic: it has words, points at no measure
// ("这条", "这个", "我这种算不算"), and the search is sure of another
// measure ranked first whose sentences say a's words at least as fully as
// topic's do, which says some of them too (a tie onTopic keeps). Asks naming nothing ("找谁办", "到什么时候") never do.
func (ix *Index) namesOwnTopic(topic *seeds.Measure, a *Ask) bool {
	if a.Asked != 0 || len(a.Words) == 0 || a.Kind != seeds.KindMeasure || len(a.Measures) == 0 || a.Measures[0].Number == topic.Number ||
		a.Probability < ix.tuning.AnswerProbability {
		return false
	}
	if ix.cues.has(a.Text, cueThisMeasure) || ix.cues.has(a.Text, cueCaseTopic) || strings.Contains(a.Text, "这个") ||
		ix.cues.has(a.Text, cueAlong) || ix.caseOf(a, true) == putToTopic || ix.stillNow(a.Text) {
		// "那现在还管用吗" asks of the topic itself, whatever it tells.
		return false
	}
	if !slices.ContainsFunc(a.Words, ix.namesThing) {
		// A year ("2022年的啊") or a quality ("能便宜多少") names no
		// subject of its own; it asks of the topic's.
		return false
	}
	// Only a subject the topic writes too is left to this rule: one it
	// writes none of is weighed by onTopic already, which keeps an ask
	// of the topic's own ("能便宜多少") with it.
	cur := ix.answerCoverage(topic, a.Words)
	other := ix.guide.Measure(a.Measures[0].Number)
	return cur > 0 && other != nil && ix.sentenceCoverage(other, a.Words) >= cur
}

// namesThing reports whether word w names a thing: Han of two
// characters or more that the tagger reads as a noun (担保费), not a
// quality (便宜) or a number.
func (ix *Index) namesThing(w string) bool {
	if !isHan(w) || utf8.RuneCountInString(w) < 2 || ix.cues.has(w, cueHeadGeneric) {
		return false
	}
	noun := func(t jieba.Tagged) bool { return strings.HasPrefix(t.POS, "n") || t.POS == "vn" }
	for _, x := range ix.vocab.expand[w] {
		// "便宜" the lexicon reads as 降低: an act or a quality, whatever
		// the tagger calls the everyday word.
		if !slices.ContainsFunc(ix.seg.Tag(x), noun) {
			return false
		}
	}
	return slices.ContainsFunc(ix.seg.Tag(w), noun)
}

// turnsAway reports whether ask a, opened by a connective after an ask
// answered with topic, is answered or suggested with another measure whose
// sentences say more of a's words than topic's do.
func (ix *Index) turnsAway(topic *seeds.Measure, a *Ask) bool {
	if a.Kind != seeds.KindMeasure && a.Kind != seeds.KindSuggest || len(a.Measures) == 0 || a.Measures[0].Number == topic.Number {
		return false
	}
	return ix.answerCoverage(ix.guide.Measure(a.Measures[0].Number), a.Words) > ix.answerCoverage(topic, a.Words)
}

// unansweredSubject reports whether aspects ask a subject (Aspect.Subject)
// that the topic, when there is one, has no answer words for: those of
// its answer words the ask itself says, when it says any ("会上征信吗" is
// not answered by 免收滞纳金), else any of them.
func (ix *Index) unansweredSubject(topic *seeds.Measure, aspects []Aspect, text string) bool {
	s := squeeze(text)
	for _, x := range aspects {
		if !x.Subject() {
			continue
		}
		if topic == nil {
			return true
		}
		words := ix.cues.list("answer." + string(x))
		if said := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return !strings.Contains(s, w) }); len(said) > 0 {
			words = said
		}
		text := measureWords(topic)
		if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(text, w) }) {
			return true
		}
	}
	return false
}

// SaysSubject reports whether a asks a subject (Aspect.Subject) whose
// answer words m has: "会上征信吗" is said by a measure with 征信记录,
// however the rest of its words differ.
func (ix *Index) SaysSubject(m *seeds.Measure, a *Ask) bool {
	return m != nil && slices.ContainsFunc(a.Aspects, Aspect.Subject) && !ix.unansweredSubject(m, a.Aspects, a.Text)
}

// answersSubject reports whether the search of a, an ask of a subject the
// topic has no answer for, found another measure, or a suggestion whose
// words answer the subject (不纳入征信记录 for "会上征信吗").
func (ix *Index) answersSubject(a *Ask, topic *seeds.Measure) bool {
	if len(a.Measures) == 0 || a.Measures[0].Number == topic.Number {
		return false
	}
	switch a.Kind {
	case seeds.KindMeasure, seeds.KindChoice:
		return true
	case seeds.KindSuggest:
		return ix.SaysSubject(ix.guide.Measure(a.Measures[0].Number), a)
	}
	return false
}

// answeredAbout is the measure of answers, other than the topic (the
// last of them), that a short follow-up's words fit alone, or 0: each
// measure scores the answer cues of the follow-up's aspects its sentences
// have and the follow-up's characters only it of the answers has
// ("缓到什么时候": 缓 is 社保缓缴's, not 房租减免's). The topic stays
// unless one other measure scores more than every other.
func (ix *Index) answeredAbout(answers []int, topic *seeds.Measure, a *Ask) int {
	if len(answers) < 2 || topic == nil || a.Asked != 0 || !slices.Contains(answers, topic.Number) ||
		utf8.RuneCountInString(squeeze(a.Text)) > maxReferRunes {
		return 0
	}
	texts := make([]string, len(answers))
	for i, n := range answers {
		if m := ix.guide.Measure(n); m != nil {
			texts[i] = measureWords(m)
		}
	}
	var aspects []Aspect
	for _, x := range a.Aspects {
		if x.Quoted() {
			aspects = append(aspects, x)
		}
	}
	// The characters of a request for a contact ("找谁办": 办) point at
	// no measure; only the rest may.
	own, _ := ix.cues.cut(squeeze(a.Text), cueContact, cueFiller)
	scores := make([]int, len(answers))
	for i, text := range texts {
		if text == "" {
			continue
		}
		if cues, _ := ix.hits(text, aspects, nil); cues > 0 {
			scores[i] += 2
		}
		for _, r := range own {
			if !unicode.Is(unicode.Han, r) || !strings.ContainsRune(text, r) {
				continue
			}
			own := true
			for j, other := range texts {
				if j != i && strings.ContainsRune(other, r) {
					own = false
					break
				}
			}
			if own {
				scores[i]++
			}
		}
	}
	best, tie := -1, false
	for i, s := range scores {
		switch {
		case s == 0:
		case best < 0 || s > scores[best]:
			best, tie = i, false
		case s == scores[best]:
			tie = true // no one measure fits
		}
	}
	if best < 0 || tie || answers[best] == topic.Number {
		return 0
	}
	return answers[best]
}

// withNamedNumber moves a measure number the ask's statements name with
// nothing else ("第4条，截止到什么时候") into the ask: the number the owner
// wrote settles which measure the ask is about, before any topic.
func (ix *Index) withNamedNumber(p part) part {
	if askedNumber(p.text) != 0 || ix.shortAskedNumber(p.text) != 0 {
		return p
	}
	for _, s := range []*string{&p.context, &p.situation} {
		if n := ix.pointedNumber(*s); n != 0 {
			// "我说的是69条 乡村旅游那个，有没有补贴": the pointer makes
			// the number the measure meant, whatever else the statement
			// says about it.
			p.text = fmt.Sprintf("第%d条", n) + p.text
			*s = ""
			return p
		}
		loc := askedPattern.FindStringIndex(*s)
		if loc == nil {
			continue
		}
		if rest := (*s)[:loc[0]] + (*s)[loc[1]:]; !ix.cues.bare(rest) {
			continue
		}
		p.text = (*s)[loc[0]:loc[1]] + p.text
		*s = ""
		return p
	}
	return p
}

// asNewQuestion settles an ask that is not about the topic: a short
// follow-up the search alone declines ("公积金呢" after "社保能缓交吗") is
// read as the last question about something else, and a one-word question
// several measures answer in full becomes a choice.
func (ix *Index) asNewQuestion(a *Ask, p part, c Context) error {
	// A one-word "X呢" several measures answer is vague on its own, so
	// read as the last question too.
	ix.vague(&a.Result)
	if (a.Kind == seeds.KindNone || a.Kind == seeds.KindSuggest || a.Kind == seeds.KindChoice) && c.Question != "" &&
		(c.answered() && isEllipsis(a.Text) || c.notMeant != "" && utf8.RuneCountInString(squeeze(a.Text)) <= maxReferRunes) {
		// "不是公积金，我说社保" is likewise the last question about 社保.
		q := strings.ReplaceAll(c.Question, c.notMeant, "")
		for _, h := range a.Measures {
			if h.Number != c.Topic {
				q = ix.dropUnsaid(q, ix.guide.Measure(h.Number))
				break
			}
		}
		if err := ix.reask(a, p, a.Text+" "+q); err != nil {
			return err
		}
	} else if a.Kind != seeds.KindMeasure && c.Question != "" {
		if err := ix.caseToChoices(a, p, c); err != nil {
			return err
		}
	}
	ix.vague(&a.Result)
	ix.pointedChoice(a, c)
	ix.honest(&a.Result, a.Words, joinClauses(p.situation, p.context), c.Recent)
	dropRejected(&a.Result, c.rejected)
	ix.quotedChoice(a, joinClauses(p.situation, p.context, p.text))
	ix.namedByQuote(a, p.text, joinClauses(p.situation, p.context, p.text))
	ix.preferAmountSibling(a)
	ix.preferPayee(a)
	if a.Kind == seeds.KindSuggest && len(a.Words) == 0 && ix.foreignChars(ix.guide.Measure(a.Measures[0].Number), a) {
		// "养狗怎么办狗证": one shared character (证) is no suggestion.
		a.Kind, a.Measures = seeds.KindNone, nil
	}
	declineLaterYear(&a.Result)
	ix.declinePersonPaper(&a.Result, joinClauses(p.situation, p.context, p.text))
	return nil
}

// caseToChoices reads an ask that tells the owner's case while choosing
// ("房东是个人的，不是国家的" among the rent measures), which the words of
// one of the choices rule out, as the question being chosen on with that
// case: a choice between the same measures, that one first.
func (ix *Index) caseToChoices(a *Ask, p part, c Context) error {
	i := slices.IndexFunc(c.Choices, func(n int) bool {
		m := ix.guide.Measure(n)
		return m != nil && ix.contrasted(m, a.Text)
	})
	if i < 0 {
		return nil
	}
	p.text = c.Question + "，" + a.Text
	r, _, err := ix.understand(p, -1, ix.model)
	if err != nil {
		return err
	}
	r.Kind, r.Measures = seeds.KindChoice, nil
	for _, n := range append([]int{c.Choices[i]}, slices.Delete(slices.Clone(c.Choices), i, i+1)...) {
		r.Measures = append(r.Measures, Hit{Number: n})
	}
	a.Result, a.Aspects, a.Words = r, ix.cues.aspectsOf(r.Question), ix.topicWords(&r)
	return nil
}

// reask reads a as question q instead (the last question with the ask's
// words) and keeps that reading when the search answers it.
func (ix *Index) reask(a *Ask, p part, q string) error {
	p.text = q
	r, _, err := ix.understand(p, -1, ix.model)
	if err != nil {
		return err
	}
	if r.Kind != seeds.KindNone && r.Kind != seeds.KindSuggest {
		a.Result = r
		a.Aspects = ix.cues.aspectsOf(r.Question)
		a.Words = ix.topicWords(&r)
	}
	return nil
}

// dropUnsaid cuts from the last question q its topic words that m (the
// first measure other than the topic the follow-up points to) never
// mentions: "社保呢" after "住房公积金可以晚点交吗" asks "社保…可以晚点交吗",
// not about 公积金 again.
func (ix *Index) dropUnsaid(q string, m *seeds.Measure) string {
	if m == nil {
		return q
	}
	r, _, err := ix.understand(part{text: q}, -1, ix.model)
	if err != nil {
		return q
	}
	text := measureWords(m)
	for _, w := range ix.topicWords(&r) {
		if full, part := ix.mentions(text, w); !full && !part {
			q = strings.ReplaceAll(q, w, "")
		}
	}
	return q
}

// situationWords are the topic words of a message's situation (see
// topicWords).
func (ix *Index) situationWords(situation string) []string {
	if situation == "" {
		return nil
	}
	return ix.topicTerms(ix.conceptWords(situation))
}

// isEllipsis: a short message ending in 呢 ("公积金呢", "那个体户呢").
func isEllipsis(text string) bool {
	s := squeeze(text)
	return strings.HasSuffix(s, "呢") && utf8.RuneCountInString(s) <= 10
}

// topicWords are the search's topic words that are not question or aspect
// cues: what the message is about.
func (ix *Index) topicWords(r *Result) []string { return ix.topicTerms(r.Terms) }

// topicTerms are the terms that name a topic: two characters or more, no
// cue.
func (ix *Index) topicTerms(terms []string) []string {
	var out []string
	for _, w := range terms {
		if utf8.RuneCountInString(w) < 2 || ix.cues.isCue(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// rejectsOnly reports whether text only says the measure in talk was not
// meant: a correction phrase and a pointer ("不是这个", "不对，不是这条"),
// with nothing meant said after it.
func (ix *Index) rejectsOnly(text string) bool {
	s := squeeze(text)
	for _, lead := range []string{"不对", "错了", "也"} {
		for strings.HasPrefix(s, lead) && len(s) > len(lead) {
			s = s[len(lead):]
		}
	}
	rejected, ok := ix.rejectedAfter(s)
	if !ok {
		return false
	}
	rejected = strings.TrimRight(strings.TrimSuffix(rejected, "意思"), "的啊呀吧啦嘛哦")
	return slices.Contains(ix.cues.list(cuePointer), rejected)
}

// beforeRejected is the latest topic of c.Recent that a correction did
// not reject and the guide has, 0 for none.
func (ix *Index) beforeRejected(c Context, rejected []int) int {
	for i := len(c.Recent) - 1; i >= 0; i-- {
		if n := c.Recent[i]; n != c.Topic && !slices.Contains(rejected, n) && ix.guide.Measure(n) != nil {
			return n
		}
	}
	return 0
}

// pointedRecent is the latest measure of c.Recent other than the topic
// that the ask points at by words it writes right before a pointer
// ("贷款那条", "白名单那个", "车贷延期那个"), when the topic mentions one
// of those words in none of its forms; 0 for none. "车贷延期那个" after the
// credit-record measure that writes 延期还贷 names 车贷 too, which that
// measure never says and the loan-deferral one does (贷款): the pointer
// means the measure about the whole phrase, not the last one talked about.
// named reports that the ask points by such a word at all.
func (ix *Index) pointedRecent(a *Ask, c Context, topic *seeds.Measure) (n int, named bool) {
	own := measureWords(topic)
	var words []string
	// The search's terms too: a thing no measure names ("油补": 油, 补)
	// is no topic word, yet points away from the topic all the same.
	for _, w := range ix.pointedWordsIn(a.Text, append(slices.Clone(a.Words), a.Terms...)) {
		if ix.doneTo(a, w) {
			// "办这个要准备啥材料": 办 says what is done to the thing
			// pointed at, not which thing; it names no measure.
			continue
		}
		if !ix.mentionsWord(own, w) || !ix.mentionsWord(ix.statement(topic), w) && (ix.otherStates(c, topic, w) || ix.searchStates(a, topic, w)) {
			// "房租那个电话" after the housing-fund measure, whose
			// follow-up says 房租 in passing (提取公积金付房租), and the
			// rent measure before it: the word is the other's subject.
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return 0, false
	}
	// The measure that mentions most of the words named, the latest of
	// those: 延期 alone fits the credit-record measure too, 车贷延期 only
	// the loan-deferral one. Of two that mention as many, the one whose
	// statement (its text and heading) says them.
	count := func(m *seeds.Measure) int {
		text, head, k := measureWords(m), ix.statement(m), 0
		for _, w := range words {
			if ix.mentionsWord(text, w) {
				k += 2
				if ix.mentionsWord(head, w) {
					k++
				}
			}
		}
		return k
	}
	best, most := 0, 0
	for i := len(c.Recent) - 1; i >= 0; i-- {
		r := c.Recent[i]
		m := ix.guide.Measure(r)
		if r == topic.Number || m == nil || slices.Contains(c.rejected, r) {
			continue
		}
		if k := count(m); k > most {
			best, most = r, k
		}
	}
	if best != 0 && a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && a.Measures[0].Number != best && a.Measures[0].Number != topic.Number {
		// "买车减半那个" long after the car-tax measure left the recent
		// topics: the measure the search answers names more of the words
		// pointed at than any recent one (10 says 消费贷款 of 买车 only);
		// the pointer means it, not the nearest partial match.
		if m := ix.guide.Measure(a.Measures[0].Number); m != nil && count(m) > most {
			return 0, true
		}
	}
	return best, true
}

// statedNumber is the one measure, other than topic, that the statements
// around ask p name by number ("第4条说的服务业小微企业", "那个81条"), or 0:
// none, several, one the guide cannot answer, or an ask the search answers
// surely with a third measure ("上次说第4条不行，那贷款能延期吗").
func (ix *Index) statedNumber(p part, a *Ask, topic *seeds.Measure) int {
	s := joinClauses(p.situation, p.context)
	if s == "" {
		return 0
	}
	var nums []int
	for _, m := range askedPattern.FindAllStringSubmatch(s, -1) {
		if n := numeral(m[1]); !slices.Contains(nums, n) {
			nums = append(nums, n)
		}
	}
	if n := ix.pointedNumber(s); n != 0 && !slices.Contains(nums, n) {
		nums = append(nums, n)
	}
	if len(nums) != 1 || nums[0] == topic.Number || !ix.answerable(nums[0]) {
		return 0
	}
	n := nums[0]
	if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && a.Measures[0].Number != n && a.Measures[0].Number != topic.Number &&
		a.Probability >= ix.tuning.AnswerProbability {
		return 0
	}
	return n
}

// quotedRecent is the latest measure of c.Recent, other than topic, whose
// sentences write a term ask a writes as two of its words side by side
// (服务业+小微企业) while topic's sentences write it nowhere, or 0: "洗浴算
// 不算服务业小微企业" while discussing loans for 中小微企业, after the rent
// measure for 服务业小微企业, asks whether the owner is of that measure's
// kind. A search sure of a third measure writing the term keeps its say.
func (ix *Index) quotedRecent(a *Ask, c Context, topic *seeds.Measure) int {
	said, own := squeeze(a.Text), measureWords(topic)
	// The recent measures' words, latest first, joined once: not again
	// for each pair of a long message's words.
	type recent struct {
		n     int
		words string
	}
	var rs []recent
	for _, n := range slices.Backward(c.Recent) {
		if m := ix.guide.Measure(n); n != topic.Number && m != nil && !slices.Contains(c.rejected, n) {
			rs = append(rs, recent{n, measureWords(m)})
		}
	}
	if len(rs) == 0 {
		return 0
	}
	for i := 0; i+1 < len(a.Words); i++ {
		term := a.Words[i] + a.Words[i+1]
		if !strings.Contains(said, term) || strings.Contains(own, term) {
			continue
		}
		for _, r := range rs {
			n := r.n
			if !strings.Contains(r.words, term) {
				continue
			}
			if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && a.Measures[0].Number != n && a.Measures[0].Number != topic.Number &&
				a.Probability >= ix.tuning.AnswerProbability {
				return 0
			}
			return n
		}
	}
	return 0
}

// statement is what measure m is about: its first sentence and the heading
// it sits under, not the follow-ups that may name other things in passing.
func (ix *Index) statement(m *seeds.Measure) string {
	return m.Text + ix.guide.SubsectionTitle(m.Section, m.Subsection)
}

// searchStates reports whether the measure the search answers ask a with,
// other than the topic, says w in its statement: "房租那个电话" after the
// housing-fund measure when the rent measures were only offered in a
// choice, never discussed.
func (ix *Index) searchStates(a *Ask, topic *seeds.Measure, w string) bool {
	if len(a.Measures) == 0 || a.Measures[0].Number == topic.Number {
		return false
	}
	m := ix.guide.Measure(a.Measures[0].Number)
	return m != nil && ix.mentionsWord(ix.statement(m), w)
}

// otherStates reports whether a measure of c.Recent other than the topic
// says w in its statement.
func (ix *Index) otherStates(c Context, topic *seeds.Measure, w string) bool {
	for _, r := range c.Recent {
		if m := ix.guide.Measure(r); m != nil && r != topic.Number && !slices.Contains(c.rejected, r) && ix.mentionsWord(ix.statement(m), w) {
			return true
		}
	}
	return false
}

// doneTo reports whether w is a verb among a's search terms and none of
// its topic words (办, 弄, 搞, 参加 of "剧场自己办能参加这个吗"): before a
// pointer it says what is done to the thing pointed at, which is the
// pointer's object.
func (ix *Index) doneTo(a *Ask, w string) bool {
	if slices.Contains(a.Words, w) || !slices.Contains(a.Terms, w) {
		return false
	}
	tw := ix.seg.Tag(w)
	return len(tw) == 1 && strings.HasPrefix(tw[0].POS, "v")
}

// mentionsWord reports whether text says w, a longer word also through a
// synonym; one character ("补" of 油补) only as written, as the synonyms of
// a character say little of what was meant.
func (ix *Index) mentionsWord(text, w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return strings.Contains(text, w)
	}
	full, _ := ix.mentions(text, w)
	return full
}

// pointedWordsIn is pointedWords over each clause of text apart: a
// pointer opening a clause ("银行说上了征信，这个能撤销吗") is the subject
// of what follows, naming nothing the clause before it says.
func (ix *Index) pointedWordsIn(text string, words []string) []string {
	var named []string
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，。；：,;:！？!?、", r) }) {
		for _, w := range ix.pointedWords(squeeze(c), words) {
			if !slices.Contains(named, w) {
				named = append(named, w)
			}
		}
	}
	return named
}

// pointedWords are those of words that make up the run of text ending
// right at a pointer cue: "那车贷延期那个" gives 延期 and 车贷, "白名单那个"
// 白名单. The run stops at the first stretch that is none of words (那).
func (ix *Index) pointedWords(s string, words []string) []string {
	var named []string
	for _, p := range ix.cues.list(cuePointer) {
		for from := 0; ; {
			i := strings.Index(s[from:], p)
			if i < 0 {
				break
			}
			head := s[:from+i]
			if after := s[from+i+len(p):]; slices.ContainsFunc(words, func(w string) bool { return w != "" && strings.HasPrefix(after, w) }) {
				// "能报名进这个线路吗": the pointer is a determiner of the
				// word after it; what stands before it (进) is the verb, no
				// thing named.
				from += i + len(p)
				continue
			}
			for {
				j := slices.IndexFunc(words, func(w string) bool { return w != "" && strings.HasSuffix(head, w) })
				if j < 0 {
					break
				}
				if !slices.Contains(named, words[j]) {
					named = append(named, words[j])
				}
				head = head[:len(head)-len(words[j])]
			}
			from += i + len(p)
		}
	}
	return named
}

// pointedChoice answers a choice with the measure of it the chat discussed
// latest when the ask points at one ("那房租那个呢" after the rent measure
// and then another): the owner means the one they were told about, not a
// new pick among all that say 房租.
func (ix *Index) pointedChoice(a *Ask, c Context) {
	if a.Kind != seeds.KindChoice || len(c.Recent) == 0 || !ix.cues.has(a.Text, cuePointer) {
		return
	}
	for i := len(c.Recent) - 1; i >= 0; i-- {
		n := c.Recent[i]
		if slices.Contains(c.rejected, n) {
			continue
		}
		if j := slices.IndexFunc(a.Measures, func(h Hit) bool { return h.Number == n }); j >= 0 {
			ms := append([]Hit{a.Measures[j]}, slices.Delete(slices.Clone(a.Measures), j, j+1)...)
			a.Kind, a.Measures = seeds.KindMeasure, ms
			return
		}
	}
}

// statesSubject reports whether m says one of words (a subject's answer
// words) in a clause that grants or rules rather than only encourages:
// 第17条's "延期还贷等失信行为，不纳入…征信记录" states it, "鼓励金融机构…，
// 不影响征信记录" does not.
func (ix *Index) statesSubject(m *seeds.Measure, words []string) bool {
	for _, s := range splitSentences(measureWords(m)) {
		for _, c := range strings.Split(s, "，") {
			if slices.ContainsFunc(words, func(w string) bool { return strings.Contains(c, w) }) && !ix.encouraged(c, s) {
				return true
			}
		}
	}
	return false
}

// subjectOwner is the measure that states the subject a follow-up asks
// when the topic does not (it names it at most where it only encourages),
// or 0: of the measures stating it, the one the ask's search scores
// highest, above the topic, and only when the ask has words of its own
// beyond the subject's cues that the measure says ("延期还款的话会影响征信吗"
// after the loan-deferral measure: 延期还贷…不纳入征信记录). A bare
// "会影响征信吗" has no such words and stays with its topic.
func (ix *Index) subjectOwner(topic *seeds.Measure, aspects []Aspect, text string) int {
	if topic == nil {
		return 0
	}
	s := squeeze(text)
	for _, x := range aspects {
		if !x.Subject() {
			continue
		}
		all := ix.cues.list("answer." + string(x))
		said := slices.DeleteFunc(slices.Clone(all), func(w string) bool { return !strings.Contains(s, w) })
		if len(said) == 0 {
			said = all
		}
		if ix.statesSubject(topic, said) {
			continue
		}
		an := ix.analyse(text, -1)
		var own []string
		for _, w := range ix.topicTerms(an.terms) {
			if !ix.cues.has(w, cueEpidemic) {
				own = append(own, w)
			}
		}
		if len(own) == 0 {
			continue
		}
		hits, err := ix.rank(an, -1)
		if err != nil {
			continue
		}
		var topicScore float64
		for _, h := range hits {
			if h.Number == topic.Number {
				topicScore = h.Score
			}
		}
		best, bestScore, topicText := 0, topicScore, measureWords(topic)
		for _, h := range hits {
			m := ix.guide.Measure(h.Number)
			if m == nil || h.Number == topic.Number || h.Score <= bestScore || !ix.statesSubject(m, all) {
				continue
			}
			if ix.thingApart(m, text) {
				// "园里有笔银行贷款…会不会上征信": a measure for the other
				// kind (公积金贷款) states the subject for that kind only.
				continue
			}
			text := measureWords(m)
			if !slices.ContainsFunc(own, func(w string) bool { full, part := ix.mentions(text, w); return full || part }) {
				continue
			}
			if kinds := slices.DeleteFunc(slices.Clone(own), func(w string) bool { return slices.Contains(ix.notAsker([]string{w}), w) }); slices.ContainsFunc(kinds, func(w string) bool {
				tf, _ := ix.mentions(topicText, w)
				full, part := ix.mentions(text, w)
				return tf && !full && !part
			}) {
				// "个人房贷能延期不 会不会影响征信" after the loan-deferral
				// measure, which names 个人住房…贷款: the kind of asker (个
				// 人) the topic writes and the one stating the subject
				// never does keeps the ask with the topic.
				continue
			}
			if slices.ContainsFunc(said, func(w string) bool { return strings.Contains(topicText, w) && !strings.Contains(text, w) }) {
				// "延期的话会不会上征信？罚息还要交吗" after the loan-deferral
				// measure: the ask names more of the subject (罚息) than the
				// other measure says, and the topic says it (免收罚息); the
				// topic answers the whole ask, the other only a part.
				continue
			}
			best, bestScore = h.Number, h.Score
		}
		if best != 0 && len(hits) > 0 && hits[0].Number != best && hits[0].Number != topic.Number {
			// "那我这个个体户贷款还不上能延期吗 会不会影响征信": the measure
			// the search ranks first says the subject too (不影响征信记录,
			// where it encourages lenders) and the rest of the ask: a new
			// question, searched as one, not a pointer to the other.
			first := ix.guide.Measure(hits[0].Number)
			if first != nil && slices.ContainsFunc(said, func(w string) bool { return ix.mentionsAny(measureWords(first), w) }) {
				return 0
			}
		}
		if best != 0 {
			return best
		}
	}
	return 0
}

// thingApart reports whether q names a kind of a thing (银行贷款) of the
// contrast.thing section while m names only the other kind (公积金贷款).
func (ix *Index) thingApart(m *seeds.Measure, q string) bool {
	text, s := measureWords(m), squeeze(q)
	for _, line := range ix.cues.list(cueThingApart) {
		left, right, ok := strings.Cut(line, "|")
		if !ok {
			continue
		}
		asked, named := seeds.SplitWords(left), seeds.SplitWords(right)
		if containsAny(s, asked) && !containsAny(s, named) && containsAny(text, named) && !containsAny(text, asked) {
			return true
		}
	}
	return false
}

// quotedChoice answers a choice with the one measure of it whose text
// holds a quantity the ask quotes as written ("0.5%担保费那个": only the
// measure charging 0.5% says 0.5%): the owner names it by its own figure.
func (ix *Index) quotedChoice(a *Ask, text string) {
	if a.Kind != seeds.KindChoice {
		return
	}
	for _, q := range ix.cues.quantities(text) {
		written := text[q.start:q.end]
		j := -1
		for i, h := range a.Measures {
			if m := ix.guide.Measure(h.Number); m != nil && strings.Contains(measureWords(m), written) {
				if j >= 0 {
					j = -2
					break
				}
				j = i
			}
		}
		if j >= 0 {
			a.Kind, a.Measures = seeds.KindMeasure, append([]Hit{a.Measures[j]}, slices.Delete(slices.Clone(a.Measures), j, j+1)...)
			return
		}
	}
}

// saysOther reports whether text has a topic word measure n (the topic,
// if any) never says.
func (ix *Index) saysOther(n int, text string) bool {
	ws := ix.situationWords(text)
	m := ix.guide.Measure(n)
	if m == nil {
		return len(ws) > 0
	}
	for _, w := range ws {
		if !ix.Says(m, []string{w}) {
			return true
		}
	}
	return false
}

// settledTopic is the measure r ranks first for ask p when the story
// around the ask tells that measure's subject settled (a cueSettled
// statement: "租金减不了", "贴息已经拿到") while the ask names a subject of
// its own; nil otherwise. An ask that names nothing of its own is about
// the story, settled or not ("房租减不了，还有别的办法吗").
func (ix *Index) settledTopic(p part, r *Result) *seeds.Measure {
	if p.context != "" || p.situation == "" || r.Kind == seeds.KindNone || len(r.Measures) == 0 || !ix.namesSubject(p.text) {
		return nil
	}
	m := ix.guide.Measure(r.Measures[0].Number)
	if m == nil {
		return nil
	}
	// Normalize writes the statements' commas half-width.
	for _, c := range strings.FieldsFunc(p.situation, func(r rune) bool { return r == ',' || r == '，' }) {
		if ix.cues.has(c, cueSettled) && ix.SaysOwn(m, ix.situationWords(c)) {
			return m
		}
	}
	return nil
}

// setAside reports whether a clause of statements says measure m is no use
// to the asker ([closing.dismiss]: "专精特新太远了", "这个用不上") naming
// m's own words.
func (ix *Index) setAside(m *seeds.Measure, statements string) bool {
	for _, c := range strings.FieldsFunc(statements, func(r rune) bool { return r == ',' || r == '，' || r == '。' }) {
		if ix.cues.has(c, cueDismiss) && ix.SaysOwn(m, ix.situationWords(c)) {
			return true
		}
	}
	return false
}

// saysApart reports whether m says one of words, no kind of asker, that
// other does not say.
func (ix *Index) saysApart(m, other *seeds.Measure, words []string) bool {
	for _, w := range ix.notAsker(words) {
		if ix.Says(m, []string{w}) && !ix.Says(other, []string{w}) {
			return true
		}
	}
	return false
}

// choiceBeyondOffered reports whether a choice a's search settled on holds
// the measure a picks of those offered and, beside it, another not offered
// that says a's words as fully: the words do not single out the offered
// one.
func (ix *Index) choiceBeyondOffered(a *Ask, offered []int) bool {
	picked := ix.guide.Measure(a.Pick)
	if picked == nil || len(a.Words) == 0 {
		return false
	}
	if !slices.ContainsFunc(a.Measures, func(h Hit) bool { return h.Number == a.Pick }) {
		// The offered one is not among those the search settled on:
		// pick reads it as the owner's choice ("我是被辞的员工 想找活干"
		// after the job measures were offered).
		return false
	}
	own := ix.sentenceCoverage(picked, a.Words)
	for _, h := range a.Measures {
		if m := ix.guide.Measure(h.Number); m != nil && !slices.Contains(offered, h.Number) && ix.sentenceCoverage(m, a.Words) >= own {
			return true
		}
	}
	return false
}
