package dialog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"policybot/index"
	"policybot/index/tags"
	"policybot/seeds"
)

// turn is one event being handled: the engine, the index it started with,
// the chat's state, and what went wrong along the way.
type turn struct {
	e         *Engine
	set       []*index.Index // every guide served (see guides.go)
	fanouts   *fanoutCache   // the set's answers while a chat's district is unknown; nil: none kept
	ix        *index.Index
	g         *seeds.Guide
	ctx       context.Context
	chatID    int64
	st        *State
	now       time.Time
	tag       string // guide tag in button data
	err       error
	forgotten bool
	failed    error      // the search failed: the turn answers with an error
	asked     []Asked    // written with the state in the turn's Commit
	votes     []Feedback // likewise
	// unshown is the earlier measure a correction took the talk back to
	// ("我说的是卖猪的事 不是电费"), until a reply of the turn shows it:
	// a refusal does not call it 刚才的 (see decline).
	unshown int
}

func (e *Engine) newTurn(ctx context.Context, ix *index.Index, chatID int64, st *State, now time.Time) *turn {
	t := &turn{e: e, ctx: ctx, chatID: chatID, st: st, now: now, set: []*index.Index{ix}}
	t.use(ix)
	return t
}

// use makes ix the guide the turn answers from.
func (t *turn) use(ix *index.Index) {
	t.ix, t.g, t.tag = ix, ix.Guide(), guideTag(ix, len(t.set) > 1)
}

// guideTag is the tag of ix's guide in button data: the start of its
// seed's hash, which changes with the guide. With several guides served it
// also tells them apart (a press goes to its button's guide), so it is a
// hash of the guide's id and seed hash.
func guideTag(ix *index.Index, several bool) string {
	tag := ix.Guide().Hash
	if several {
		sum := sha256.Sum256([]byte(ix.ID() + "\x00" + tag))
		return hex.EncodeToString(sum[:3])
	}
	if len(tag) > 4 {
		tag = tag[:4]
	}
	return tag
}

func (t *turn) handle(ev Event) []Reply {
	if len(t.set) > 1 {
		return t.handleGuides(ev)
	}
	switch ev.Kind {
	case Command:
		return t.command(strings.ToLower(strings.TrimSpace(ev.Command)), strings.TrimSpace(ev.Text))
	case Press:
		return t.press(ev.Data)
	default:
		return t.message(ev.Text)
	}
}

// context is what the conversation knows, for reading a message.
func (t *turn) context() index.Context {
	c := index.Context{Recent: t.st.Topics, Question: t.st.Question, Listed: t.st.Listed, Asker: t.st.Asker}
	if m := t.current(); m != nil {
		c.Topic = m.Number
	}
	switch t.st.Mode {
	case Answered:
		c.Unit, c.Answers = t.st.Unit, t.st.Answers
	case Choosing:
		c.Choices = t.st.Candidates
		c.Interrupted = c.Topic != 0
	case Fallback:
		c.Interrupted = c.Topic != 0
	}
	return c
}

// message handles a text message: small talk, a follow-up on the current
// topic, or a new question, as the index read it.
func (t *turn) message(text string) (out []Reply) {
	// "说错了，现在是镇政府的房子，村委会那是以前的": read without the
	// clause naming the old fact, or it would be judged again.
	rd, err := t.ix.Read(t.ix.Current(text), t.context())
	if err == nil && rd.Identity {
		// "你们这个是官方的吗？…有没有补贴": who answers, then the answer,
		// whichever way the question is answered.
		defer func() {
			if len(out) > 0 {
				out[0].Text = "我是助企政策问答助手，" + whoAnswers + "\n" + out[0].Text
			}
		}()
	}
	switch {
	case err != nil:
		return []Reply{t.searchFailed(err)}
	case rd.Empty:
		return []Reply{t.hint("请直接输入您想了解的问题，例如：" + strings.Join(t.examples(), "、"))}
	case rd.Social != nil:
		return []Reply{t.smallTalk(*rd.Social)}
	case rd.AboutGuide:
		return []Reply{t.guideAge()}
	case rd.Rejects != 0:
		return []Reply{t.rejected(rd.Rejects, rd.PreviousTopic)}
	}
	if r, ok := t.payeeCorrection(text); ok {
		// "这个是给老师个人的吧？我是问给机构的": one correction of whom
		// the money is for, not two asks.
		return []Reply{r}
	}
	if r, ok := t.whichUnit(text); ok {
		// "要找镇里还是找文旅局": which of the measure's units to go to,
		// settled by the roles the guide gives them.
		return []Reply{r}
	}
	if t.ix.TakesBack(text) {
		// "说错了 房东是国企": the case told before ("房东是私人的") was
		// taken back; judging later asks by it would rule the owner out
		// for what they no longer say.
		t.st.Case, t.st.CaseOf = "", 0
	}
	if t.st.Case != "" && t.ix.Restates(t.st.Case, text) {
		// "其实是区里国企的房子" after "不是国有的房子": the kind told anew
		// replaces the one told before.
		t.st.Case, t.st.CaseOf = "", 0
	}
	if t.st.Mode == Matching {
		if r, ok := t.matchText(rd); ok {
			return r
		}
		t.st.Mode, t.st.Step = Idle, "" // not an answer: a question
	}
	if t.ix.NamesAsker(text) {
		t.st.Asker = text
	}
	if rd.Overview != nil {
		return []Reply{t.overviewReply(rd.Text, rd.Overview)}
	}
	if rd.More && rd.ForAsker {
		// "还有别的适合我们的吗": what else the guide has for the asker's
		// kind, not the rest of the last question's ranking; when nothing
		// else fits, say so.
		shown := t.seen()
		if len(rd.Except) > 0 {
			// "除了贷款还能享受啥": the measures of the subject set aside
			// are not what is asked for; the ask is put afresh, so what
			// was offered before may be again.
			shown = slices.Concat(t.st.Discussed, t.st.Topics, []int{t.st.Measure})
			for i := range t.g.Measures {
				if m := &t.g.Measures[i]; t.ix.Says(m, rd.Except) {
					shown = append(shown, m.Number)
				}
			}
		}
		if o := t.ix.MoreFor(t.st.Asker, shown); o != nil {
			return []Reply{t.moreForAsker(o)}
		}
		{
			// Everything for the asker's kind was discussed already.
			return []Reply{t.hint("除了已经谈过的，指南里没有更多与您说的情况对应的措施了。其他问题" + t.hotline())}
		}
	}
	if rd.More && strings.Contains(rd.Text, "政策") {
		// "还有别的政策吗" asks for other policies, not the rest of the
		// last question's ranking: what else the guide has for the
		// asker's kind, when the asker said who they are.
		if o := t.ix.MoreFor(t.st.Asker, t.seen()); o != nil {
			return []Reply{t.moreForAsker(o)}
		}
	}
	if rd.More {
		if t.st.Mode == Answered && t.st.Measure != 0 {
			// "还有别的吗" after a measure was discussed asks what else
			// the guide has for the asker, not the rest of the ranking
			// behind a question answered long ago (a rent subsidy for
			// incubators after talk of a tea shop's loans): the measures
			// for the asker's kind not yet discussed, when the kind was
			// told.
			if o := t.moreForKind("", t.seen()); o != nil {
				return []Reply{t.moreForAsker(o)}
			}
		}
		if len(t.st.Candidates) == 0 {
			if o := t.moreForKind("", t.seen()); o != nil {
				// "还有别的吗" after an answer with nothing else ranked:
				// what else the guide has for the asker's kind.
				return []Reply{t.moreForAsker(o)}
			}
			if r, ok := t.moreNear(); ok {
				return []Reply{r}
			}
			return []Reply{t.hint("请先提问，例如：" + strings.Join(t.examples(), "、") + "；或用 /list 浏览全部措施。")}
		}
		return []Reply{t.more()}
	}
	if rd.Others != 0 && len(rd.Asks) == 1 {
		return []Reply{t.others(rd.Others, &rd.Asks[0])}
	}
	if rd.Previous {
		n := rd.PreviousTopic
		if n == 0 {
			return []Reply{t.hint("我们还没有聊过别的措施。请直接说您想了解的政策，例如：" + strings.Join(t.examples(), "、") + "。")}
		}
		picked := false
		for i := range rd.Asks {
			picked = t.recentPick(&rd.Asks[i]) || picked
		}
		if !picked {
			keep := t.st.Candidates
			t.setAnswered(n, "", nil)
			t.st.Candidates = keep
			if rd.SetAside != 0 {
				t.unshown = n
			}
		}
		if rd.Recall {
			return []Reply{t.recallReply(t.g.Measure(n))}
		}
	}
	if rd.Several && len(rd.Asks) == 1 && len(t.st.Answers) > 1 {
		return t.eachAnswered(&rd.Asks[0])
	}
	rd.Asks = t.withUnitGuess(rd.Asks)
	var replies []Reply
	var listed []int   // the last numbered list this message's answers show
	var answered []int // the measure each ask was answered with
	// offered is each ask's one offered measure while every list shown
	// has at most one item: "2" after "① …1. 第7条 ② …1. 第2条" means the
	// second ask's, not a number missing from the last list.
	var offered []int
	single := len(rd.Asks) > 1
	for i := range rd.Asks {
		rs, ok := t.exceptAsk(&rd.Asks[i], len(rd.Asks))
		if !ok {
			rs = t.handleAsk(&rd.Asks[i])
		}
		if slices.ContainsFunc(rs, func(r Reply) bool { return slices.Contains(r.Measures, t.unshown) }) {
			t.unshown = 0
		}
		if rd.Asks[i].SentOn && len(rs) > 0 && !t.answersHotline(rs) {
			// "打了说不归他们管 到底找谁": the same number again is no
			// answer; the hotline takes such matters on, and the measure's
			// supporting units may be the ones meant.
			rs[len(rs)-1].Text += "\n对方说不归其管时，" + t.hotline()
			if m := t.current(); m != nil && len(m.Support) > 0 {
				rs[len(rs)-1].Text += "也可问本条的配合单位：" + strings.Join(m.Support, "、") + "。"
			}
		} else if rd.Asks[i].Unreachable && len(rs) > 0 && !t.answersHotline(rs) {
			// "电话打不通": besides the numbers the guide gives, its hotline;
			// not when the answer is the hotline's own measure ("12345打不通
			// 占线"): the line would send the asker back to the busy number.
			if line := t.hotline(); !strings.Contains(rs[len(rs)-1].Text, line) {
				rs[len(rs)-1].Text += "\n电话打不通时，" + line
			}
		}
		if m := t.current(); m != nil && t.st.Mode == Answered && !slices.Contains(answered, m.Number) {
			answered = append(answered, m.Number)
		}
		if len(rs) > 0 && (rs[0].Kind == seeds.KindChoice || rs[0].Kind == seeds.KindSuggest) && t.st.Listed != nil {
			listed = t.st.Listed
			single = single && len(t.st.Listed) == 1
		}
		switch {
		case len(rs) == 0 || len(rs[0].Measures) == 0:
			single = false
		case single && !slices.Contains(offered, rs[0].Measures[0]):
			offered = append(offered, rs[0].Measures[0])
		}
		if len(rd.Asks) > 1 && len(rs) > 0 && rs[0].Text != "" {
			// Several asks: each answer says which it answers.
			rs[0].Text = fmt.Sprintf("%s 您问：%s\n%s", askMark(i), seeds.Clip(rd.Asks[i].Text, 30), rs[0].Text)
		}
		replies = append(replies, rs...)
	}
	t.st.Answers = nil
	if len(rd.Asks) > 1 && len(answered) > 1 {
		t.st.Answers = answered
	}
	if listed != nil && t.st.Listed == nil {
		// "2" after "① …choice ② …answer" picks from the list shown, which
		// the later ask's answer must not forget.
		t.st.Listed = listed
	}
	if single && listed != nil && len(offered) == len(rd.Asks) {
		t.st.Listed = offered
	}
	if len(rd.Fixes) > 0 && len(replies) > 0 {
		replies[0].Text = understoodAs(rd.Fixes) + "\n" + replies[0].Text
	}
	if rd.English != "" && len(replies) > 0 {
		// A message written in English: one English line on top says
		// the answer is in the guide's Chinese and what was understood.
		replies[0].Text = englishLine(rd.English) + "\n" + replies[0].Text
	}
	if rd.Unanswered > 0 {
		replies = append(replies, t.leftOver(rd))
	}
	return replies
}

// eachAnswered answers ask a ("找谁" of "这两个分别找谁") about each
// measure the message before was answered with, in that order.
func (t *turn) eachAnswered(a *index.Ask) []Reply {
	var replies []Reply
	for i, n := range t.st.Answers {
		if m := t.g.Measure(n); m != nil {
			r := t.onTopic(m, a)
			r.Text = askMark(i) + " " + r.Text
			replies = append(replies, r)
		}
	}
	return replies
}

// recentPick reads an ask that refers back ("刚才那个社保的呢") and names
// something other than the topic it was read against: the measure it
// names is the best ranked of those discussed lately, if one is. It
// reports whether it found one.
func (t *turn) recentPick(a *index.Ask) bool {
	if a.Pick != 0 || a.OnTopic || !a.Searched() {
		return false
	}
	for _, h := range a.Measures {
		if slices.Contains(t.st.Topics, h.Number) && t.g.Measure(h.Number) != nil {
			a.Pick = h.Number
			return true
		}
	}
	return false
}

// withUnitGuess folds a guess at the unit ("商务局吗") into the ask for
// whom to contact about the topic just before it ("找谁，商务局吗"): one
// question, answered with the topic's own contacts and whether the guide
// names that unit for it, not a second answer about the unit.
func (t *turn) withUnitGuess(asks []index.Ask) []index.Ask {
	for i := 1; i < len(asks); i++ {
		a, p := &asks[i], &asks[i-1]
		if a.Kind == seeds.KindUnit && a.Unit != nil && t.ix.YesNo(a.Text) &&
			p.Has(index.AspectContact) && p.Unit == nil && (p.OnTopic || !p.Searched()) && t.current() != nil {
			p.Unit = a.Unit
			return append(asks[:i:i], asks[i+1:]...)
		}
	}
	return asks
}

// askMark numbers the answers to a message with several asks.
func askMark(i int) string {
	marks := []string{"①", "②", "③", "④", "⑤"}
	if i < len(marks) {
		return marks[i]
	}
	return fmt.Sprintf("(%d)", i+1)
}

// understoodAs says how typos were read: （“社宝”按“社保”理解）.
func understoodAs(fixes []index.Fix) string {
	var parts []string
	for _, f := range fixes {
		parts = append(parts, fmt.Sprintf("“%s”按“%s”理解", f.From, f.To))
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// englishLine is the English line on top of the reply to a message
// written in English: the Chinese it was read as.
func englishLine(understood string) string {
	return "(The answer below is in Chinese, as the guide writes it. Understood as: " + understood + ")"
}

// leftOver names the asks of a long message that were not answered, so
// the owner can send them again one by one.
func (t *turn) leftOver(rd index.Reading) Reply {
	var b strings.Builder
	fmt.Fprintf(&b, "您这条消息里还有%d个问题没有回答", rd.Unanswered)
	var shown []string
	for _, q := range rd.Left {
		if len(shown) == 3 {
			break
		}
		shown = append(shown, "“"+seeds.Clip(q, 20)+"”")
	}
	if len(shown) > 0 {
		b.WriteString("：" + strings.Join(shown, "、"))
		if len(rd.Left) > len(shown) {
			b.WriteString("等")
		}
	}
	b.WriteString("。请分开发送，我逐一回答。")
	return t.hint(b.String())
}

func (t *turn) hint(text string) Reply {
	return Reply{Kind: seeds.KindCommand, Text: text}
}

// handleAsk answers one ask in the light of the conversation so far:
// about the measure being discussed, a pick among the measures offered,
// or a new question.
func (t *turn) handleAsk(a *index.Ask) []Reply {
	switch {
	case a.Pick != 0:
		// "2", "停业赔付那个": one of the measures offered.
		keep := t.st.Candidates
		t.setAnswered(a.Pick, "", nil)
		t.st.Candidates = keep
		t.logQuestion(a.Text, seeds.KindMeasure, a.Pick)
		return []Reply{t.measureReply(t.g.Measure(a.Pick), a)}
	case !a.Searched() && a.Bare && len(a.Aspects) > 0 && t.st.Mode == Choosing && len(t.st.Candidates) == 1 && t.g.Measure(t.st.Candidates[0]) != nil:
		// "牵头的是谁" after one measure offered as the closest: about it,
		// not about the topic before.
		m := t.g.Measure(t.st.Candidates[0])
		t.setAnswered(m.Number, "", nil)
		return []Reply{t.onTopic(m, a)}
	case !a.Searched() && !a.OnTopic && len(t.st.Listed) > 0 && a.Bare && len(a.Aspects) == 0:
		// A number that is not on the list.
		return []Reply{t.choiceReply("请从下面选一条（回复序号即可）：", t.st.Listed, false)}
	}
	if m := t.current(); m != nil {
		if a.OnTopic && a.About != 0 && t.g.Measure(a.About) != nil {
			// "滞纳金呢" after 社保 and 房租 were answered: about the answer
			// its words fit, which becomes the topic.
			m = t.g.Measure(a.About)
			t.setAnswered(m.Number, "", nil)
		}
		if a.OnTopic {
			return []Reply{t.onTopic(m, a)}
		}
		return t.ask(a)
	}
	if t.st.Mode == Choosing && len(t.st.Candidates) > 0 {
		switch {
		case !a.Searched() && a.Has(index.AspectContact):
			// "找谁" while choosing: each candidate with whom to call.
			return []Reply{t.choiceReply("这几条措施的牵头单位和电话：", t.st.Candidates, true)}
		case !a.Searched():
			// "补多少": about one of them, but which?
			return []Reply{t.choiceReply("您问的是哪一条？请先选一条：", t.st.Candidates, false)}
		}
		return t.ask(a)
	}
	if !a.Searched() {
		if u := t.ix.Unit(t.st.Unit); u != nil && a.OnlyContact {
			return []Reply{t.unitReply(u)}
		}
		return []Reply{t.hint("请先告诉我您想了解哪方面的政策，例如：" + strings.Join(t.examples(), "、") + "。")}
	}
	return t.ask(a)
}

// onTopic answers an ask about measure m, the one being discussed.
func (t *turn) onTopic(m *seeds.Measure, a *index.Ask) Reply {
	if a.Searched() {
		t.logQuestion(a.Text, seeds.KindMeasure, m.Number)
	}
	// One aspect with a reply of its own ("那用水的问题找谁", "缓缴多久"):
	// the message's words only confirmed the topic.
	switch {
	case a.Only(index.AspectContact) && a.Unit != nil && !involves(m, a.Unit.Name):
		// "找谁，商务局吗": the measure's own contacts, and that the guide
		// does not name that unit for it.
		r := t.contactReply(m)
		if named, cs := t.namedUnitLines(m, a); named != "" {
			// A measure with no contact of its own: the unit's line, or
			// that the measure lists none of the unit's.
			r.Text = r.Text + "\n" + strings.TrimSpace(named)
			if len(cs) > 0 {
				r.Unit, r.Contacts = a.Unit.Name, cards(cs)
			}
			return r
		}
		r.Text = "指南没有写明本条由" + a.Unit.Name + "负责。\n" + r.Text
		return r
	case a.Only(index.AspectContact) && a.Unit != nil && !hasContactOf(m, a.Unit.Name) && asksUnit(a.Text, a.Unit):
		// "税务局电话有吗" about a measure that unit supports but lists
		// no contact of: the unit's own contacts and its part in the
		// measure, never the lead's phone under the unit's name. (A
		// guess at whom to ask, "那找谁，税务局吗", asks the measure's
		// contact: see asksUnit.)
		r := t.unitReply(a.Unit)
		if line := t.unitOf(m, a.Unit); line != "" {
			r.Text = line + "\n" + r.Text
		}
		if !slices.Contains(r.Measures, m.Number) {
			r.Measures = append(r.Measures, m.Number)
		}
		return r
	case a.Only(index.AspectContact):
		return t.contactReply(m)
	case a.Only(index.AspectDetails):
		return t.detailsReply(m)
	case a.Only(index.AspectDeadline) && len(a.Words) == 0:
		return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: t.measureTitle(m) + "\n" + t.deadline(m)}
	case a.Only(index.AspectSupport):
		return t.supportReply(m)
	case a.Only(index.AspectEligible) && len(a.Words) == 0:
		return t.eligibility(m)
	}
	return t.aspectReply(m, a.Text, a)
}

// hasContactOf reports whether m lists a contact of unit.
func hasContactOf(m *seeds.Measure, unit string) bool {
	return slices.ContainsFunc(m.Contacts, func(c seeds.Contact) bool { return c.Unit == unit })
}

// asksUnit reports whether text names u by its name or an alias as what
// it asks about ("税务局电话有吗", "税务局的电话"), not as a guess at whom
// to ask ("那找谁，税务局吗", "是税务局吧"): a name followed by nothing
// but a question particle is a guess.
func asksUnit(text string, u *index.Unit) bool {
	asked := false
	for _, name := range append([]string{u.Name}, u.Aliases...) {
		for rest := text; name != ""; {
			i := strings.Index(rest, name)
			if i < 0 {
				break
			}
			rest = rest[i+len(name):]
			after := strings.TrimLeft(rest, " 　")
			if after == "" || strings.ContainsRune("吗吧呢？?", []rune(after)[0]) {
				return false
			}
			asked = true
		}
	}
	return asked
}

// involves reports whether unit leads, supports or is a contact of m.
func involves(m *seeds.Measure, unit string) bool {
	return slices.Contains(m.Lead, unit) || slices.Contains(m.Support, unit) || hasContactOf(m, unit)
}

// current is the measure being discussed, if any: the last one answered,
// also after a refusal or a suggestion since (State.Measure).
func (t *turn) current() *seeds.Measure {
	switch t.st.Mode {
	case Answered, Fallback, Choosing:
		if t.st.Measure != 0 {
			return t.g.Measure(t.st.Measure)
		}
	}
	return nil
}

// ask answers a new question. A question the guide does not answer leaves
// the last answered one as the question follow-ups are read against.
func (t *turn) ask(a *index.Ask) []Reply {
	last := t.st.Question
	t.st.Question, t.st.Listed = a.Text, nil
	replies := t.answer(a)
	measure := 0
	if len(replies) > 0 && len(replies[0].Measures) > 0 {
		measure = replies[0].Measures[0]
	}
	if replies[0].Kind == seeds.KindNone {
		t.st.Question = last
	}
	t.logQuestion(a.Text, replies[0].Kind, measure)
	return replies
}

func (t *turn) logQuestion(text string, kind seeds.Kind, measure int) {
	a := Asked{ChatID: t.chatID, Question: text, Kind: kind, Measure: measure, Time: t.now}
	if len(t.set) > 1 {
		a.Guide = t.ix.ID()
	}
	t.asked = append(t.asked, a)
}

func (t *turn) answer(a *index.Ask) []Reply {
	r := &a.Result
	if cur := t.current(); cur != nil && r.Kind == seeds.KindSuggest && len(r.Measures) > 0 && r.Measures[0].Number == cur.Number && len(quotableAspects(a.Aspects)) > 0 {
		// "咋申请 得去银行柜台吗" suggesting the measure just shown: an
		// aspect of it, answered from its sentences, not offered again.
		return []Reply{t.aspectReply(cur, r.Question, a)}
	}
	if r.Kind == seeds.KindSuggest && r.Missing == "" && len(r.Measures) > 0 && t.verbatimName(a.Text, a.Words, r.Measures[0].Number) != "" {
		// "即采即走是啥意思": a name only that measure writes, word for
		// word, though the segmenter cut it into characters the ranking
		// could not weigh: the measure answers.
		r.Kind, r.Measures = seeds.KindMeasure, r.Measures[:1]
	}
	if r.Kind == seeds.KindChoice && len(r.Measures) == 1 {
		// A "choice" of one is no choice ("有几条措施都相关，您想了解哪一
		// 条？" over one item): it is offered as what was probably meant
		// (one covering every word of the ask is an answer already: see
		// index.Index.honest), unless the model and the ranking are both
		// sure of it (sureChoice).
		r.Kind = seeds.KindSuggest
		if t.sureChoice(r) {
			r.Kind = seeds.KindMeasure
		}
	}
	if replies, ok := t.understood(a); ok {
		return replies
	}
	switch r.Kind {
	case seeds.KindMeasure:
		m := t.g.Measure(r.Measures[0].Number)
		if cur := t.current(); cur != nil && cur.Number == m.Number {
			// The measure just shown: answer what was asked of it rather
			// than print it all again.
			return []Reply{t.aspectReply(m, r.Question, a)}
		}
		t.setAnswered(m.Number, "", r.Related)
		return []Reply{t.measureReply(m, a)}
	case seeds.KindUnit:
		cur := t.current()
		if cur != nil && !involves(cur, r.Unit.Name) {
			// "清欠那个，刘建龙电话打不通" after a message answered with the
			// arrears measure and then another: the unit's is the one meant.
			for _, n := range slices.Backward(t.st.Answers) {
				if m := t.g.Measure(n); m != nil && involves(m, r.Unit.Name) {
					cur = m
					break
				}
			}
		}
		t.setAnswered(0, r.Unit.Name, nil)
		rep := t.unitReply(r.Unit)
		if lead := t.whomFound(a, r.Unit); lead != "" {
			rep.Text = lead + "\n" + rep.Text
		}
		if cur != nil && (a.OnTopic || t.ix.PointsBack(a.Text)) {
			// "这个找谁，是不是商务局？": the unit named is the asker's
			// guess for the measure in talk; say whether the guide bears it out.
			if line := t.unitOf(cur, r.Unit); line != "" {
				// The line names the measure and its own lead's phone.
				rep.Text = line + "\n" + rep.Text
				if !slices.Contains(rep.Measures, cur.Number) {
					rep.Measures = append(rep.Measures, cur.Number)
				}
			}
		}
		return []Reply{rep}
	case seeds.KindChoice:
		var nums []int
		for _, h := range r.Measures {
			nums = append(nums, h.Number)
		}
		if reply, ok := t.excludedChoice(a, nums); ok {
			return []Reply{reply}
		}
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Choosing, 0, "", nums
		if r.Contact {
			return []Reply{t.choiceReply("指南里有几条措施都相关，各自的牵头单位和电话如下，您想了解哪一条？", nums, true)}
		}
		return []Reply{t.choiceReply("这个问题指南里有几条措施都相关，您想了解哪一条？", nums, false)}
	}
	// Every other kind was rendered by understood.
	return []Reply{t.searchFailed(fmt.Errorf("answer: unexpected kind %q", r.Kind))}
}

// sureChoice reports whether a choice of one measure is the answer: the
// model's probability is an answer's and the measure leads the runner-up
// by the margin of a sure ranking. "店面是租的国企的房子…房租压力大 有啥政策"
// asks for a list (有啥政策) of which the state-rent measure alone is
// left; worded "您问的可能是这一条（指南没有逐字写到…）" it played down
// the one measure the ranking was sure of. The answer still quotes what
// the text decides of the owner's case (Judge), so a condition the owner
// may not meet is said, not hidden.
func (t *turn) sureChoice(r *index.Result) bool {
	return t.ix.SureOfOne(r)
}

// exceptAsk answers "除了社保还有啥", one ask of several ("我就4个员工 除了
// 社保还有啥 房租呢"): the subject set aside is not what is asked for, so
// its measures are left out with those discussed, and what else the guide
// has for the asker's kind is listed, as for a whole message of that shape
// (Reading.Except). Searched alone the ask found the subject's own measure
// and answered it again. It reports false for a message of one ask (the
// reading settled that already), an ask of another shape, or an asker of
// unknown kind.
func (t *turn) exceptAsk(a *index.Ask, asks int) ([]Reply, bool) {
	if asks < 2 {
		return nil, false
	}
	words, ok := t.ix.ExceptAsked(a.Text)
	if !ok {
		return nil, false
	}
	shown := t.seen()
	for i := range t.g.Measures {
		if m := &t.g.Measures[i]; t.ix.Says(m, words) {
			shown = append(shown, m.Number)
		}
	}
	o := t.ix.MoreFor(t.st.Asker, shown)
	if o == nil {
		return nil, false
	}
	t.logQuestion(a.Text, seeds.KindChoice, 0)
	return []Reply{t.moreForAsker(o)}, true
}

// excludedChoice answers a question with several candidates whose first
// one's words rule out the asker's case ("房租呢，房东是个人" against a
// measure for 国有房屋) or leave it unsettled ("房东是开发商"): what the
// text decides, quoted, and the measure's contact, then the other
// candidates to pick from. It reports false when the first candidate
// neither rules the case out nor leaves it unsettled.
func (t *turn) excludedChoice(a *index.Ask, nums []int) (Reply, bool) {
	m := t.g.Measure(nums[0])
	if m == nil || !m.HasText() {
		return Reply{}, false
	}
	j := t.ix.Judge(m, a, nil, t.st.Question)
	if len(j.Excluded) == 0 && len(j.Unsettled) == 0 {
		return Reply{}, false
	}
	t.setAnswered(m.Number, "", nums)
	t.noteCase(m, a, &j)
	reply := Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number},
		Text: t.measureTitle(m) + "\n" + t.judgment(m, &j, "下方") + "\n" + t.leadContact(m)}
	if rest := nums[1:]; len(rest) > 0 {
		others := t.choiceReply("其他可能相关的措施：", rest, false)
		reply.Text += "\n\n" + others.Text
		reply.Buttons = others.Buttons
		reply.Measures = append(reply.Measures, others.Measures...)
	}
	return reply, true
}

// setAnswered records an answer about a measure or a unit; related are
// the measures 还有吗 may offer next (index.Result.Related).
func (t *turn) setAnswered(measure int, unit string, related []int) {
	t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Answered, measure, unit, slices.Clone(related)
	t.st.Offered = nil // a list shown before an answer may be offered again
	t.remember(measure)
}

// more offers the other candidates of the last question: the rest of the
// ranking behind an answer, or the other choices after one was picked.
func (t *turn) more() Reply {
	if t.st.Mode == Choosing {
		// A list is on screen and none was picked: "还有吗" asks past it
		// (the next measures for the asker's kind), not for it again.
		listed := slices.Clone(t.st.Candidates)
		if o := t.moreForKind("", t.seen(listed...)); o != nil {
			r := t.moreForAsker(o)
			// The lists shown so far stay excluded from the next "还有吗".
			t.st.Candidates = append(listed, o.Measures...)
			return r
		}
		return t.hint("除了上面列出的，没有更多相关的措施了。可以换个说法再问，或用 /list 浏览全部措施。")
	}
	var rest []int
	for _, n := range t.st.Candidates {
		if n != t.st.Measure {
			rest = append(rest, n)
		}
	}
	if len(rest) == 0 {
		if o := t.moreForKind("", t.seen()); o != nil {
			// Nothing else ranked for the last question: what else the
			// guide has for the asker's kind, as with no ranking at all.
			return t.moreForAsker(o)
		}
		if r, ok := t.moreNear(); ok {
			return r
		}
		return t.hint("没有更多相关的措施了。可以换个说法再问，或用 /list 浏览全部措施。")
	}
	t.st.Mode, t.st.Measure = Choosing, 0
	return t.choiceReply("其他可能相关的措施：", rest, false)
}

// moreNear answers "那还有别的政策吗" when nothing else was ranked and the
// asker's kind is unknown (菌菇大棚 names none the guide knows): the
// measures under the topic's own heading not yet discussed, the nearest
// to what was asked, with a question about the business, which would
// find the measures for its kind. ok is false without a topic or when
// its heading holds nothing else.
func (t *turn) moreNear() (Reply, bool) {
	m := t.g.Measure(t.st.Measure)
	if m == nil {
		return Reply{}, false
	}
	shown := t.seen(m.Number)
	var nums []int
	for i := range t.g.Measures {
		o := &t.g.Measures[i]
		if o.Section == m.Section && o.Subsection == m.Subsection && !slices.Contains(shown, o.Number) && len(nums) < maxOthers {
			nums = append(nums, o.Number)
		}
	}
	if len(nums) == 0 {
		return Reply{}, false
	}
	t.st.Mode, t.st.Measure, t.st.Candidates = Choosing, 0, nums
	r := t.choiceReply("与第"+itoa(m.Number)+"条同属一类的措施还有：", nums, false)
	r.Text += "\n\n也可以告诉我您是做什么生意的、有多少员工、遇到了什么困难，我按您的情况再找找适合的措施。"
	return r, true
}

// moreForKind is the overview for the asker's kind, as told before or, if
// that gives none, as text names it ("我们车行还能享受啥"), less shown;
// nil when neither gives one.
func (t *turn) moreForKind(text string, shown []int) *index.Overview {
	if o := t.ix.MoreFor(t.st.Asker, shown); o != nil {
		return o
	}
	if text != "" && t.ix.NamesAsker(text) {
		return t.ix.MoreFor(text, shown)
	}
	return nil
}

// maxOthers is how many measures "贷款这块还有别的政策吗" lists at most.
const maxOthers = 5

// others answers a message asking for the other measures of a subject
// after measure answered ("贷款这块还有别的政策吗" after 首贷贴息): those
// of answered's own part of the guide that say the subject's words, then
// those its fresh search relates, without answered; not answered again.
func (t *turn) others(answered int, a *index.Ask) Reply {
	if _, need := t.ix.ProfileValue(tags.DimNeed, a.Text); !need && a.Kind != seeds.KindMeasure && a.Kind != seeds.KindChoice {
		// "还有别的吗？我这店就我跟我媳妇俩人", "还有别的吗 公司二十来个员
		// 工 工资都快发不出来了": what follows the ask names no need and no
		// subject the guide answers surely, only the asker's plight; what
		// else the guide has for the asker's kind, when it is known, serves
		// them better than the neighbours of a guess. A need named ("我想
		// 贷点款进点货") is searched, however unsure the search.
		if o := t.moreForKind(a.Text, t.seen(answered)); o != nil {
			t.logQuestion(a.Text, seeds.KindChoice, 0)
			return t.moreForAsker(o)
		}
	}
	var nums []int
	if a.Kind == seeds.KindMeasure && len(a.Measures) > 0 && a.Measures[0].Number != answered && t.g.Measure(a.Measures[0].Number) != nil {
		// "还有别的吗，跑车的司机经常因为防疫被卡在路上": the search is sure
		// of what the subject asks; it leads the answered one's neighbours.
		nums = append(nums, a.Measures[0].Number)
	}
	words := a.Words
	if m := t.g.Measure(answered); m != nil && m.Subsection != 0 && len(words) > 0 {
		for i := range t.g.Measures {
			o := &t.g.Measures[i]
			if o.Number != answered && o.Section == m.Section && o.Subsection == m.Subsection && t.ix.Says(o, words) {
				nums = append(nums, o.Number)
			}
		}
	}
	related := a.Related
	if a.Kind == seeds.KindChoice || a.Kind == seeds.KindMeasure {
		for _, h := range a.Measures {
			if a.Kind == seeds.KindChoice || slices.Contains(related, h.Number) {
				related = append(related, h.Number)
			}
		}
	}
	for _, n := range related {
		if n != answered && !slices.Contains(nums, n) && t.g.Measure(n) != nil {
			nums = append(nums, n)
		}
	}
	nums = nums[:min(len(nums), maxOthers)]
	t.logQuestion(a.Text, seeds.KindChoice, 0)
	if len(nums) == 0 {
		if o := t.moreForKind(a.Text, t.seen(answered)); o != nil {
			// "还有别的吗 我们小店还能享受点啥": the subject is the
			// asker's kind, for which the guide has more than answered.
			return t.moreForAsker(o)
		}
		return t.hint("除第" + itoa(answered) + "条外，指南里没有这方面的其他措施了。可以换个说法再问，或用 /list 浏览全部措施。")
	}
	lead := "指南里这方面有："
	if t.ix.Says(t.g.Measure(answered), words) {
		// The subject is the answered measure's: the rest of it.
		lead = "除第" + itoa(answered) + "条外，指南里这方面还有："
	}
	t.st.Mode, t.st.Measure, t.st.Candidates = Choosing, 0, nums
	return t.choiceReply(lead, nums, false)
}

// press handles a button. Data the engine did not make gets a polite
// answer; nothing a user can send makes it fail.
func (t *turn) press(data string) []Reply {
	c, ok := parseCallback(data, t.tag)
	if !ok {
		return []Reply{{Kind: seeds.KindCommand, Text: "这个按钮无法识别，请重新提问或发送 /start。", Notice: "按钮无效"}}
	}
	if c.stale {
		return []Reply{{Kind: seeds.KindCommand, Text: "指南数据已更新，这个按钮已过期。请重新提问或发送 /list 浏览。", Notice: "按钮已过期"}}
	}
	n, _ := strconv.Atoi(c.arg)
	switch c.action {
	case actMeasure, actContact, actDetails:
		m := t.g.Measure(n)
		if m == nil {
			return []Reply{{Kind: seeds.KindCommand, Text: "指南中没有这一条措施。", Notice: "未找到"}}
		}
		// The measure pressed is the one in talk now, whichever button:
		// "电话打不通怎么办" after its ☎ asks about its phone, not about
		// the last measure a message of two asks was answered with.
		keep := t.st.Candidates // picking one of a choice keeps the others for 还有吗
		t.setAnswered(m.Number, "", nil)
		t.st.Candidates = keep
		if c.action == actContact {
			return []Reply{t.contactReply(m)}
		}
		if c.action == actDetails {
			return []Reply{t.detailsReply(m)}
		}
		return []Reply{t.measureReply(m, nil)}
	case actMore:
		if len(t.st.Candidates) == 0 {
			return []Reply{t.hint("没有更多相关的措施了。")}
		}
		return []Reply{t.more()}
	case actBrowse:
		return []Reply{t.browse(c.arg)}
	case actUnit:
		units := t.ix.Units()
		if n < 0 || n >= len(units) {
			return []Reply{{Kind: seeds.KindCommand, Text: "没有找到这个单位。", Notice: "未找到"}}
		}
		t.setAnswered(0, units[n].Name, nil)
		return []Reply{t.unitReply(units[n])}
	case actVoteUp, actVoteDown:
		if !t.answeredWith(n) {
			// A forged vote, or one on a measure this chat was never
			// answered with: stats would count invented opinions.
			return []Reply{{Kind: seeds.KindCommand, Notice: "按钮无效"}}
		}
		fb := Feedback{ChatID: t.chatID, Question: t.st.Question, Measure: n, Up: c.action == actVoteUp, Time: t.now}
		if len(t.set) > 1 {
			fb.Guide = t.ix.ID()
		}
		t.votes = append(t.votes, fb)
		return []Reply{{Kind: seeds.KindCommand, Notice: "谢谢您的反馈！"}}
	case actAsk:
		return t.message(c.arg)
	case actCommand:
		return t.command(c.arg, "")
	case actMatch:
		return t.matchPress(c.arg)
	}
	return []Reply{{Kind: seeds.KindCommand, Text: "这个按钮无法识别，请重新提问。", Notice: "按钮无效"}}
}

// answeredWith reports whether the chat may vote on measure n: one of the
// measures it was answered with lately, or 0 (the fallback answer) once it
// has asked something.
func (t *turn) answeredWith(n int) bool {
	if n == 0 {
		return t.st.Question != ""
	}
	return t.g.Measure(n) != nil && (n == t.st.Measure || slices.Contains(t.st.Topics, n))
}

// minVerbatimRunes is the shortest run of Han characters that, written by
// one measure only, names it: four, the length of a slogan or a route's
// name (即采即走, 甜密之路); shorter runs are common words.
const minVerbatimRunes = 4

// verbatimName is the longest run of text's Han characters, at least
// minVerbatimRunes long and not made of the ask's words (unknownName),
// that measure n writes and no other measure of the guide does, or "".
func (t *turn) verbatimName(text string, words []string, n int) string {
	m := t.g.Measure(n)
	if m == nil || !m.HasText() {
		return ""
	}
	own := m.Text + strings.Join(m.Details, "")
	best := ""
	for _, run := range hanRuns(text) {
		for i := range run {
			for j := len(run); j-i >= minVerbatimRunes && j-i > len([]rune(best)); j-- {
				s := string(run[i:j])
				if named(own, s) && unknownName(s, words) && t.writtenOnlyBy(s, n) {
					best = s
					break
				}
			}
		}
	}
	return best
}

// named reports whether text writes s as a name: in quotes or as an item
// of a list ("“即采即走即追”", "…、甜密之路、…"), not inside a sentence
// (协调督查政策落实).
func named(text, s string) bool {
	for i := strings.Index(text, s); i >= 0; {
		before, after := text[:i], text[i+len(s):]
		if strings.HasSuffix(before, "“") || strings.HasSuffix(before, "、") || strings.HasPrefix(after, "、") || strings.HasPrefix(after, "”") {
			return true
		}
		j := strings.Index(after, s)
		if j < 0 {
			break
		}
		i += len(s) + j
	}
	return false
}

// unknownName reports whether the ask's own words (words) of two or more
// characters cover at most half of s: a name the segmenter cut into
// pieces (甜/密/之/路) the ranking could not weigh. A run made of the ask's
// words (政策落实) was weighed already.
func unknownName(s string, words []string) bool {
	covered := 0
	seen := map[string]bool{}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n >= 2 && !seen[w] && strings.Contains(s, w) {
			seen[w] = true
			covered += n
		}
	}
	return 2*covered <= utf8.RuneCountInString(s)
}

// writtenOnlyBy reports whether no measure but n writes s.
func (t *turn) writtenOnlyBy(s string, n int) bool {
	for i := range t.g.Measures {
		m := &t.g.Measures[i]
		if m.Number != n && strings.Contains(m.Text+strings.Join(m.Details, ""), s) {
			return false
		}
	}
	return true
}

// hanRuns are the runs of Han characters of text.
func hanRuns(text string) [][]rune {
	var runs [][]rune
	var cur []rune
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}
