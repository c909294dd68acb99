package dialog

import (
	"context"
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
	ph        phrases
	err       error
	forgotten bool
}

func (e *Engine) newTurn(ctx context.Context, ix *index.Index, chatID int64, st *State, now time.Time) *turn {
	g := ix.Guide()
	tag := g.Hash
	if len(tag) > 4 {
		tag = tag[:4]
	}
	return &turn{e: e, ix: ix, g: g, ctx: ctx, chatID: chatID, st: st, now: now, tag: tag, ph: defaultPhrases}
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
	if r, ok := t.followUp(text); ok {
		return r
	}
	return t.ask(text)
}

func (t *turn) hint(text string) Reply {
	return Reply{Kind: KindCommand, Text: text}
}

func (t *turn) smallTalk(text string) (Reply, bool) {
	switch {
	case t.ph.only(text, phGreeting):
		return Reply{Kind: KindSmallTalk, Text: "您好！我可以解答密云区助企纾困工作指南里的政策问题，例如：" + strings.Join(t.examples(), "、") + "。"}, true
	case t.ph.only(text, phThanks):
		return Reply{Kind: KindSmallTalk, Text: "不客气！还有其他问题可以随时问我。"}, true
	case t.ph.only(text, phBye):
		return Reply{Kind: KindSmallTalk, Text: "再见，祝生意兴隆！"}, true
	}
	return Reply{}, false
}

// followUp answers a message that only refers to the current topic: 找谁,
// 原文, 还有吗, 什么时候截止, 配合单位. Anything with more words in it is a
// new question.
func (t *turn) followUp(text string) ([]Reply, bool) {
	m := t.current()
	switch {
	case t.ph.only(text, phMore):
		if len(t.st.Candidates) == 0 {
			return []Reply{t.hint("请先提问，例如：" + strings.Join(t.examples(), "、") + "；或用 /list 浏览全部措施。")}, true
		}
		return []Reply{t.more()}, true
	case m == nil && t.st.Unit != "" && t.ph.only(text, phContact):
		if u := t.ix.Unit(t.st.Unit); u != nil {
			return []Reply{t.unitReply(u)}, true
		}
	case m == nil:
		for _, s := range []string{phContact, phDetails, phDeadline, phSupport} {
			if t.ph.only(text, s) {
				return []Reply{t.hint("请先告诉我您想了解哪方面的政策，例如：" + strings.Join(t.examples(), "、") + "。")}, true
			}
		}
	case t.ph.only(text, phContact):
		return []Reply{t.contactReply(m)}, true
	case t.ph.only(text, phDetails):
		return []Reply{t.detailsReply(m)}, true
	case t.ph.only(text, phDeadline):
		return []Reply{{Kind: KindMeasure, Measures: []int{m.Number}, Text: t.measureTitle(m) + "\n" + t.deadline(m)}}, true
	case t.ph.only(text, phSupport):
		return []Reply{t.supportReply(m)}, true
	case t.ph.only(text, phEligible):
		return []Reply{t.eligibility(m)}, true
	}
	return nil, false
}

// current is the measure being discussed, if any.
func (t *turn) current() *seeds.Measure {
	if t.st.Mode != Answered || t.st.Measure == 0 {
		return nil
	}
	return t.g.Measure(t.st.Measure)
}

// ask searches a new question and answers it.
func (t *turn) ask(text string) []Reply {
	r, err := t.ix.Search(text)
	if err != nil {
		return []Reply{t.searchFailed(err)}
	}
	if (r.Kind == index.KindNone || r.Kind == index.KindSuggest) && t.st.Mode == Answered && isEllipsis(text) && t.st.Question != "" {
		// "公积金呢" after "社保能缓交吗": the same question about something else.
		if r2, err := t.ix.Search(text + " " + t.st.Question); err == nil && r2.Kind != index.KindNone && r2.Kind != index.KindSuggest {
			r = r2
		}
	}
	if cur := t.current(); cur != nil && r.Kind == index.KindChoice {
		// "那用水的问题找谁" while discussing 水电气欠费不停供: of the
		// candidates, the one being discussed is the one meant.
		for _, h := range r.Measures {
			if h.Number == cur.Number {
				r.Kind, r.Measures = index.KindMeasure, []index.Hit{h}
				break
			}
		}
	}
	t.st.Question = text
	replies := t.answer(r)
	measure := 0
	if len(replies) > 0 && len(replies[0].Measures) > 0 {
		measure = replies[0].Measures[0]
	}
	if err := t.e.store.LogQuestion(t.ctx, Asked{ChatID: t.chatID, Question: text, Kind: replies[0].Kind, Measure: measure, Time: t.now}); err != nil {
		t.err = err
	}
	return replies
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
	case index.KindMeasure:
		m := t.g.Measure(r.Measures[0].Number)
		t.setAnswered(m.Number, "", r.Measures)
		return []Reply{t.measureReply(m, r)}
	case index.KindUnit:
		t.setAnswered(0, r.Unit.Name, nil)
		return []Reply{t.unitReply(r.Unit)}
	case index.KindChoice:
		var nums []int
		for _, h := range r.Measures {
			nums = append(nums, h.Number)
		}
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Choosing, 0, "", nums
		return []Reply{t.choiceReply("这个问题指南里有几条措施都相关，您想了解哪一条？", nums)}
	default:
		t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Fallback, 0, "", nil
		return []Reply{t.fallbackReply(r)}
	}
}

func (t *turn) setAnswered(measure int, unit string, ranking []index.Hit) {
	t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates = Answered, measure, unit, nil
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
	return t.choiceReply("其他可能相关的措施：", rest)
}

// press handles a button. Data the engine did not make gets a polite
// answer; nothing a user can send makes it fail.
func (t *turn) press(data string) []Reply {
	c, ok := parseCallback(data, t.tag)
	if !ok {
		return []Reply{{Kind: KindCommand, Text: "这个按钮无法识别，请重新提问或发送 /start。", Notice: "按钮无效"}}
	}
	if c.stale {
		return []Reply{{Kind: KindCommand, Text: "指南数据已更新，这个按钮已过期。请重新提问或发送 /list 浏览。", Notice: "按钮已过期"}}
	}
	n, _ := strconv.Atoi(c.arg)
	switch c.action {
	case actMeasure, actContact, actDetails:
		m := t.g.Measure(n)
		if m == nil {
			return []Reply{{Kind: KindCommand, Text: "指南中没有这一条措施。", Notice: "未找到"}}
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
			return []Reply{{Kind: KindCommand, Text: "没有找到这个单位。", Notice: "未找到"}}
		}
		t.setAnswered(0, units[n].Name, nil)
		return []Reply{t.unitReply(units[n])}
	case actVoteUp, actVoteDown:
		f := Feedback{ChatID: t.chatID, Question: t.st.Question, Measure: n, Up: c.action == actVoteUp, Time: t.now}
		if err := t.e.store.AddFeedback(t.ctx, f); err != nil {
			t.err = err
		}
		return []Reply{{Kind: KindCommand, Notice: "谢谢您的反馈！"}}
	case actAsk:
		return t.message(c.arg)
	case actCommand:
		return t.command(c.arg, "")
	case actMatch:
		return t.matchPress(c.arg)
	}
	return []Reply{{Kind: KindCommand, Text: "这个按钮无法识别，请重新提问。", Notice: "按钮无效"}}
}
