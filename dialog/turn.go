package dialog

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"policybot/index"
	"policybot/seeds"
)

// turn is one event being handled: the engine, the index it started with,
// the chat's state, and what went wrong along the way.
type turn struct {
	e         *Engine
	ix        *index.Index
	g         *seeds.Guide
	ctx       context.Context
	chatID    int64
	st        *State
	now       time.Time
	tag       string // guide tag in button data
	ph        Phrases
	err       error
	forgotten bool
	failed    error      // the search failed: the turn answers with an error
	asked     []Asked    // written with the state in the turn's Commit
	votes     []Feedback // likewise
}

func (e *Engine) newTurn(ctx context.Context, ix *index.Index, chatID int64, st *State, now time.Time) *turn {
	g := ix.Guide()
	tag := g.Hash
	if len(tag) > 4 {
		tag = tag[:4]
	}
	return &turn{e: e, ix: ix, g: g, ctx: ctx, chatID: chatID, st: st, now: now, tag: tag, ph: e.ph}
}

// maxInput bounds what a message may cost; nobody types more as a question.
const maxInput = 500

func (t *turn) handle(ev Event) []Reply {
	switch ev.Kind {
	case Command:
		return t.command(strings.ToLower(strings.TrimSpace(ev.Command)), strings.TrimSpace(ev.Text))
	case Press:
		return t.press(ev.Data)
	default:
		return t.message(ev.Text)
	}
}

// message handles a text message: small talk, a follow-up on the current
// topic, or a new question.
func (t *turn) message(text string) []Reply {
	text = strings.TrimSpace(strings.ToValidUTF8(text, ""))
	text = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, text)
	if utf8.RuneCountInString(text) > maxInput {
		text = string([]rune(text)[:maxInput])
	}
	if squeeze(text) == "" {
		return []Reply{t.hint("请直接输入您想了解的问题，例如：" + strings.Join(t.examples(), "、"))}
	}
	if r, ok := t.smallTalk(text); ok {
		return []Reply{r}
	}
	if t.st.Mode == Matching {
		if r, ok := t.matchText(text); ok {
			return r
		}
		t.st.Mode, t.st.Step = Idle, "" // not an answer: a question
	}
	replies, r, ok := t.followUp(text)
	if ok {
		return replies
	}
	return t.ask(text, r)
}

func (t *turn) hint(text string) Reply {
	return Reply{Kind: seeds.KindCommand, Text: text}
}

// followUp handles a message in the light of the conversation so far: 还有吗,
// a reference to an earlier topic, or anything about the measure being
// discussed (see topic.go). ok is false for a new question; r is then the
// search already made of it, if any.
func (t *turn) followUp(text string) (replies []Reply, r *index.Result, ok bool) {
	if t.ph.only(text, phMore) {
		if len(t.st.Candidates) == 0 {
			return []Reply{t.hint("请先提问，例如：" + strings.Join(t.examples(), "、") + "；或用 /list 浏览全部措施。")}, nil, true
		}
		return []Reply{t.more()}, nil, true
	}
	if t.ph.has(text, phPrevious) {
		n := t.previousTopic()
		if n == 0 {
			return []Reply{t.hint("我们还没有聊过别的措施。请直接说您想了解的政策，例如：" + strings.Join(t.examples(), "、") + "。")}, nil, true
		}
		keep := t.st.Candidates
		t.setAnswered(n, "", nil)
		t.st.Candidates = keep
		rest, _ := t.ph.cut(squeeze(text), phPrevious)
		if t.ph.rest(rest) == "" {
			return []Reply{t.recallReply(t.g.Measure(n))}, nil, true
		}
		text = rest // "上一个找谁": the rest is about that measure
	}
	m := t.current()
	if m == nil && t.st.Mode == Choosing && len(t.st.Candidates) > 0 {
		if t.bare(text) {
			switch aspects := t.aspectsOf(text); {
			case hasAspect(aspects, phContact):
				// "找谁" while choosing: each candidate with whom to call.
				return []Reply{t.choiceReply("这几条措施的牵头单位和电话：", t.st.Candidates, true)}, nil, true
			case len(aspects) > 0:
				// "补多少": about one of them, but which?
				return []Reply{t.choiceReply("您问的是哪一条？请先选一条：", t.st.Candidates, false)}, nil, true
			}
		}
		n, r := t.pick(text)
		if t.failed != nil {
			return []Reply{t.searchFailed(t.failed)}, nil, true
		}
		if n != 0 {
			keep := t.st.Candidates
			t.setAnswered(n, "", nil)
			t.st.Candidates = keep
			t.logQuestion(text, seeds.KindMeasure, n)
			return []Reply{t.measureReply(t.g.Measure(n), *r)}, nil, true
		} else if r != nil {
			return nil, r, false
		}
	}
	if m == nil {
		switch {
		case t.st.Unit != "" && t.ph.only(text, phContact):
			if u := t.ix.Unit(t.st.Unit); u != nil {
				return []Reply{t.unitReply(u)}, nil, true
			}
		case t.bare(text) && len(t.aspectsOf(text)) > 0:
			return []Reply{t.hint("请先告诉我您想了解哪方面的政策，例如：" + strings.Join(t.examples(), "、") + "。")}, nil, true
		}
		return nil, nil, false
	}
	rd := t.read(text)
	if t.failed != nil {
		return []Reply{t.searchFailed(t.failed)}, nil, true
	}
	if !t.onTopic(m, rd) {
		return nil, rd.r, false
	}
	if rd.r != nil {
		t.logQuestion(text, seeds.KindMeasure, m.Number)
	}
	// One aspect with a reply of its own ("那用水的问题找谁", "缓缴多久"):
	// the message's words only confirmed the topic.
	only := func(a string) bool { return len(rd.aspects) == 1 && rd.aspects[0] == a }
	switch {
	case only(phContact):
		return []Reply{t.contactReply(m)}, nil, true
	case only(phDetails):
		return []Reply{t.detailsReply(m)}, nil, true
	case only(phDeadline) && len(rd.terms) == 0:
		return []Reply{{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: t.measureTitle(m) + "\n" + t.deadline(m)}}, nil, true
	case only(phSupport):
		return []Reply{t.supportReply(m)}, nil, true
	case only(phEligible) && len(rd.terms) == 0:
		return []Reply{t.eligibility(m)}, nil, true
	}
	return []Reply{t.aspectReply(m, text, rd)}, nil, true
}

// pick reads a message against the candidates offered: the one whose own
// sentences cover its words clearly best, if any ("停业赔付那个", "国企的房子").
func (t *turn) pick(text string) (int, *index.Result) {
	if t.bare(text) {
		return 0, nil
	}
	r, err := t.ix.Search(text)
	if err != nil {
		t.failed = err
		return 0, nil
	}
	terms := t.topicTerms(&r)
	if len(terms) == 0 || r.Asked != 0 {
		return 0, &r
	}
	best, bestCover, second := 0, 0.0, 0.0
	for _, n := range t.st.Candidates {
		c := t.cover(t.g.Measure(n), terms)
		switch {
		case c > bestCover:
			best, bestCover, second = n, c, bestCover
		case c > second:
			second = c
		}
	}
	if best == 0 || bestCover < minTopicCover || bestCover <= second {
		return 0, &r
	}
	for _, h := range r.Measures {
		if !slices.Contains(t.st.Candidates, h.Number) && t.cover(t.g.Measure(h.Number), terms) > bestCover {
			return 0, &r // a new question after all
		}
	}
	return best, &r
}

// current is the measure being discussed, if any.
func (t *turn) current() *seeds.Measure {
	if t.st.Mode != Answered || t.st.Measure == 0 {
		return nil
	}
	return t.g.Measure(t.st.Measure)
}

// ask answers a new question; r is its search if already made.
func (t *turn) ask(text string, r *index.Result) []Reply {
	if r == nil {
		res, err := t.ix.Search(text)
		if err != nil {
			return []Reply{t.searchFailed(err)}
		}
		r = &res
	}
	if (r.Kind == seeds.KindNone || r.Kind == seeds.KindSuggest) && t.st.Mode == Answered && isEllipsis(text) && t.st.Question != "" {
		// "公积金呢" after "社保能缓交吗": the same question about something else.
		if r2, err := t.ix.Search(text + " " + t.st.Question); err == nil && r2.Kind != seeds.KindNone && r2.Kind != seeds.KindSuggest {
			r = &r2
		}
	}
	t.vague(r)
	t.st.Question = text
	replies := t.answer(*r)
	measure := 0
	if len(replies) > 0 && len(replies[0].Measures) > 0 {
		measure = replies[0].Measures[0]
	}
	t.logQuestion(text, replies[0].Kind, measure)
	return replies
}

func (t *turn) logQuestion(text string, kind seeds.Kind, measure int) {
	t.asked = append(t.asked, Asked{ChatID: t.chatID, Question: text, Kind: kind, Measure: measure, Time: t.now})
}

// vague turns the answer to a one-word question ("贷款", "补贴") that
// several measures cover in full into a choice between them.
func (t *turn) vague(r *index.Result) {
	if r.Kind != seeds.KindMeasure || r.Asked != 0 {
		return
	}
	words := 0
	for _, w := range r.Terms {
		if len([]rune(w)) > 1 {
			words++
		}
	}
	if words != 1 || len(r.Terms) != 1 {
		return
	}
	var full []index.Hit
	for _, h := range r.Measures {
		// Its own sentences, not a heading that names the word in passing.
		if h.Coverage >= 0.999 && t.cover(t.g.Measure(h.Number), r.Terms) >= 0.999 {
			full = append(full, h)
		}
	}
	if len(full) > 1 {
		r.Kind, r.Measures = seeds.KindChoice, full
	}
}

// isEllipsis: a short message ending in 呢 ("公积金呢", "那个体户呢").
func isEllipsis(text string) bool {
	s := squeeze(text)
	return strings.HasSuffix(s, "呢") && utf8.RuneCountInString(s) <= 10
}

func (t *turn) answer(r index.Result) []Reply {
	if replies, ok := t.understood(r); ok {
		return replies
	}
	switch r.Kind {
	case seeds.KindMeasure:
		m := t.g.Measure(r.Measures[0].Number)
		if cur := t.current(); cur != nil && cur.Number == m.Number {
			// The measure just shown: answer what was asked of it rather
			// than print it all again.
			terms := t.topicTerms(&r)
			return []Reply{t.aspectReply(m, r.Question, reading{aspects: t.aspectsOf(r.Question), terms: terms, r: &r})}
		}
		t.setAnswered(m.Number, "", r.Measures)
		return []Reply{t.measureReply(m, r)}
	case seeds.KindUnit:
		t.setAnswered(0, r.Unit.Name, nil)
		return []Reply{t.unitReply(r.Unit)}
	case seeds.KindChoice:
		var nums []int
		for _, h := range r.Measures {
			nums = append(nums, h.Number)
		}
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Choosing, 0, "", nums
		if r.Contact {
			return []Reply{t.choiceReply("指南里有几条措施都相关，各自的牵头单位和电话如下，您想了解哪一条？", nums, true)}
		}
		return []Reply{t.choiceReply("这个问题指南里有几条措施都相关，您想了解哪一条？", nums, false)}
	default:
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Fallback, 0, "", nil
		return []Reply{t.fallbackReply(r)}
	}
}

func (t *turn) setAnswered(measure int, unit string, ranking []index.Hit) {
	t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Answered, measure, unit, nil
	t.remember(measure)
	for _, h := range ranking {
		// 还有吗 offers the runners-up that share much of the question,
		// not the tail of the ranking that matched one word of it.
		if h.Coverage >= relatedCoverage*ranking[0].Coverage {
			t.st.Candidates = append(t.st.Candidates, h.Number)
		}
	}
}

// relatedCoverage is the share of the best answer's coverage a runner-up
// needs to be offered under 还有吗.
const relatedCoverage = 0.6

// more offers the other candidates of the last question: the rest of the
// ranking behind an answer, or the other choices after one was picked.
func (t *turn) more() Reply {
	var rest []int
	for _, n := range t.st.Candidates {
		if n != t.st.Measure {
			rest = append(rest, n)
		}
	}
	if len(rest) == 0 {
		return t.hint("没有更多相关的措施了。可以换个说法再问，或用 /list 浏览全部措施。")
	}
	t.st.Mode, t.st.Measure = Choosing, 0
	return t.choiceReply("其他可能相关的措施：", rest, false)
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
		if c.action == actContact {
			return []Reply{t.contactReply(m)}
		}
		if c.action == actDetails {
			return []Reply{t.detailsReply(m)}
		}
		keep := t.st.Candidates // picking one of a choice keeps the others for 还有吗
		t.setAnswered(m.Number, "", nil)
		t.st.Candidates = keep
		return []Reply{t.measureReply(m, index.Result{})}
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
		if n < 0 || n > 0 && t.g.Measure(n) == nil {
			// A forged vote: measure 0 is the fallback answer, anything
			// else must exist, or stats would count invented measures.
			return []Reply{{Kind: seeds.KindCommand, Notice: "按钮无效"}}
		}
		t.votes = append(t.votes, Feedback{ChatID: t.chatID, Question: t.st.Question, Measure: n, Up: c.action == actVoteUp, Time: t.now})
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
