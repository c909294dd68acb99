package dialog

import (
	"slices"
	"strings"

	"policybot/index"
	"policybot/seeds"
)

// An engine serving several guides (a city's districts) answers each chat
// from its district's guide. Which one:
//
//  1. a place the message names that one guide owns (index.HomePlaces):
//     "我在怀柔开店…", "那通州呢", "门头沟" after the bot asked;
//  2. else the chat's district (State.Guide), remembered until /forget,
//     "换个区" or another district named;
//  3. else every guide reads the question: when none answers it, one
//     decline; when all that answer it answer alike (index.Alike), one
//     answer that says so; otherwise the bot asks the district, with one
//     button per guide, and answers once it knows (State.Pending).
//
// A place no loaded guide owns (another district, another city) is
// declined as not covered. Every reply from one guide names it (its label)
// and carries its id (Reply.Guide); a reply never mixes two guides: the
// measure numbers of the state are those of State.Guide's guide, and are
// dropped when the district changes.

// pendingMatch stands in State.Pending for the policy check-up (/match),
// which runs on the chat's district's guide once it is known: the district
// the check-up asks first is the chat's district from then on.
const pendingMatch = "/match"

// actPlace is the button action "the enterprise is in the district of
// guide <id>".
const actPlace = "p"

// handleGuides handles an event when several guides are served.
func (t *turn) handleGuides(ev Event) []Reply {
	t.use(t.ix) // the tags of several guides
	if g := t.chatGuide(); g != nil {
		t.use(g)
	} else if t.st.Guide != "" {
		t.leave() // the chat's guide is no longer served (a reload)
	}
	var replies []Reply
	switch ev.Kind {
	case Command:
		replies = t.guidesCommand(strings.ToLower(strings.TrimSpace(ev.Command)), strings.TrimSpace(ev.Text))
	case Press:
		replies = t.guidesPress(ev.Data)
	default:
		replies = t.guidesMessage(ev.Text)
	}
	if t.st.Guide != "" && t.st.Question != "" {
		if t.st.Questions == nil {
			t.st.Questions = map[string]string{}
		}
		t.st.Questions[t.st.Guide] = t.st.Question
	}
	return replies
}

// chatGuide is the index of the chat's district's guide, or nil.
func (t *turn) chatGuide() *index.Index { return t.guideByID(t.st.Guide) }

func (t *turn) guideByID(id string) *index.Index {
	if id == "" {
		return nil
	}
	for _, ix := range t.set {
		if ix.ID() == id {
			return ix
		}
	}
	return nil
}

// guidesMessage routes a text message to its guide (see the top of the
// file).
func (t *turn) guidesMessage(text string) []Reply {
	probe := t.ix
	named, unserved := t.placesIn(probe, text)
	switch {
	case len(named) > 0:
		return t.enterWith(named[0], text)
	case probe.ChangesPlace(text):
		t.leave()
		return []Reply{t.askPlace("好的。请问您要问哪个区的政策？")}
	case len(unserved) > 0:
		return []Reply{t.notCovered(probe, text, unserved)}
	case t.chatGuide() != nil:
		return t.labelled(t.message(text))
	}
	return t.unknownGuide(text)
}

// placesIn returns the guides whose districts text names, in the order
// named, and the places it names that no served guide owns.
func (t *turn) placesIn(probe *index.Index, text string) (named []*index.Index, unserved []string) {
	home := map[string]*index.Index{}
	for _, ix := range t.set {
		for _, p := range ix.HomePlaces() {
			home[p] = ix
		}
	}
	for _, name := range probe.PlaceNames(text) {
		if ix := home[name]; ix != nil && !slices.Contains(named, ix) {
			named = append(named, ix)
		}
	}
	if len(named) == 0 {
		unserved = probe.Places(text).Other
	}
	return named, unserved
}

// leave forgets the chat's place in its guide: its measure numbers mean
// nothing in another.
func (t *turn) leave() {
	t.st.Mode, t.st.Measure, t.st.Unit, t.st.Candidates, t.st.Listed, t.st.Topics, t.st.Discussed, t.st.Refused, t.st.Offered, t.st.Step = Idle, 0, "", nil, nil, nil, nil, nil, nil, ""
	t.st.Answers = nil
	t.st.Guide = ""
}

// enter makes ix the chat's guide.
func (t *turn) enter(ix *index.Index) {
	if t.st.Guide != ix.ID() {
		t.leave()
		t.st.Guide = ix.ID()
	}
	t.use(ix)
}

// enterWith answers a message that names the district of guide ix: its
// own question if it has one, else the question waiting for the district
// (Pending), else the chat's last question put to this district.
func (t *turn) enterWith(ix *index.Index, text string) []Reply {
	// The place chose the guide; the guide reads the question without it
	// (its own district's name is no condition of a measure).
	if t.st.Guide == ix.ID() && len(t.st.Pending) == 0 {
		t.use(ix)
		return t.labelled(t.message(ix.WithoutPlaces(text)))
	}
	t.enter(ix)
	pending := t.st.Pending
	t.st.Pending = nil
	if len(pending) == 1 && pending[0] == pendingMatch {
		return t.labelled([]Reply{t.startMatch()})
	}
	rest := ix.WithoutPlaces(text)
	own, topical, aspects := t.asks(rest)
	if ix.ChangesPlace(text) {
		// "换个区，我在怀柔也注册了一家": the question is the one before.
		own, topical = false, false
	}
	if own {
		return t.labelled(t.message(rest))
	}
	var base []string
	switch {
	case len(pending) > 0:
		base = pending
	case aspects && t.st.Questions[ix.ID()] != "":
		base = []string{t.st.Questions[ix.ID()]}
	case t.st.Question != "":
		base = []string{t.st.Question}
	}
	switch {
	case len(base) == 0 && (topical || aspects):
		return t.labelled(t.message(text))
	case len(base) == 0:
		r := t.hint("好的，接下来按" + ix.Label() + "回答。请问您想了解什么？例如：" + strings.Join(t.examples(), "、"))
		return t.labelled([]Reply{r})
	case aspects:
		// "再回到门头沟，申报截止是哪天": the question first, then this.
		t.replay(base)
		return t.labelled(t.message(rest))
	}
	t.replay(base[:len(base)-1])
	return t.labelled(t.message(ix.WithoutPlaces(base[len(base)-1])))
}

// asks reads text in the turn's guide, outside the conversation: own is
// set when it asks something of its own the guide answers, topical when
// it names a topic at all, aspects when it asks about a measure without
// naming one ("申报截止是哪天").
func (t *turn) asks(text string) (own, topical, aspects bool) {
	rd, err := t.ix.Read(text, index.Context{})
	if err != nil || rd.Social != nil || rd.Empty {
		return false, false, false
	}
	for _, a := range rd.Asks {
		if !a.Bare {
			topical = true
			own = own || answers(a.Kind)
		}
		if len(a.Aspects) > 0 {
			aspects = true
		}
	}
	return own, topical, aspects
}

// answers reports whether a decision answers the question.
func answers(k seeds.Kind) bool {
	return k == seeds.KindMeasure || k == seeds.KindUnit || k == seeds.KindChoice
}

// replay runs messages in the turn's guide for the state they lead to,
// without their replies or a second entry in the question log.
func (t *turn) replay(msgs []string) {
	for _, m := range msgs {
		n := len(t.asked)
		t.message(t.ix.WithoutPlaces(m))
		t.asked = t.asked[:n]
	}
}

// unknownGuide answers a message while the chat's district is unknown.
func (t *turn) unknownGuide(text string) []Reply {
	first := t.set[0]
	t.use(first)
	rd, err := first.Read(text, index.Context{})
	if err != nil {
		return []Reply{t.searchFailed(err)}
	}
	if rd.Empty || rd.Social != nil || rd.More || rd.Previous || len(rd.Asks) == 0 {
		return t.message(text)
	}
	if bare(rd) && t.st.Question != "" {
		// "找谁办" after an answer all guides share: whom depends on the district.
		t.st.Pending = []string{t.st.Question, text}
		return []Reply{t.askPlace("各区负责的单位和电话不同。请问您的企业在哪个区？")}
	}
	answering, measures, same := t.answeringGuides(rd, text)
	t.st.Question = text
	switch {
	case len(answering) == 0:
		return []Reply{t.declineAll()}
	case same:
		return []Reply{t.alikeReply(answering, measures[0], text)}
	}
	t.st.Pending = []string{text}
	return []Reply{t.askPlace("这个问题各区的指南规定不同。请问您的企业在哪个区？")}
}

// answeringGuides are the guides whose search answers text (rd is its
// reading in the first guide) and the measure each answers with (nil for
// a choice or a unit), up to the first two that differ. A guide whose
// measure leaves part of the asker's case unnamed ("工业产品生产许可证"
// against a measure on 食品经营许可证) answers only if it says what the
// guides naming it all say: it is no evidence that the districts differ.
// When no guide names it all, those that answer are all there is. same is
// alike(measures), found as they come: each measure is compared with the
// first once.
func (t *turn) answeringGuides(rd index.Reading, text string) (answering []*index.Index, measures []*seeds.Measure, same bool) {
	if f, ok := t.fanouts.get(text); ok {
		return f.answering, f.measures, f.same
	}
	answering, measures, same = t.readGuides(rd, text)
	t.fanouts.put(text, fanout{answering: answering, measures: measures, same: same})
	return answering, measures, same
}

// readGuides is answeringGuides without the cache: it reads the guides.
func (t *turn) readGuides(rd index.Reading, text string) (answering []*index.Index, measures []*seeds.Measure, same bool) {
	var partial []*index.Index
	var partialMs []*seeds.Measure
	var likeFirst func(*seeds.Measure) bool
	same = true
	eachAnswer(t.set, rd, text, func(i int, a guideAnswer) bool {
		ix := t.set[i]
		switch {
		case !a.answers:
			return true
		case a.partial:
			partial, partialMs = append(partial, ix), append(partialMs, a.m)
			return true
		}
		if likeFirst == nil {
			likeFirst = index.AlikeTo(a.m)
		}
		answering, measures = append(answering, ix), append(measures, a.m)
		// Two guides differ: the district decides; read no more.
		same = a.m != nil && likeFirst(a.m)
		return same
	})
	if !same {
		return answering, measures, false
	}
	if len(answering) == 0 {
		return partial, partialMs, alike(partialMs)
	}
	for i, m := range partialMs {
		if likeFirst(m) { // measures[0] is alike itself: the loop went on
			answering, measures = append(answering, partial[i]), append(measures, m)
		}
	}
	return answering, measures, true
}

// alikeReply answers a question every guide that answers it answers alike
// (measure m of the first of them): the rule once, with the guides it is
// quoted from, and no unit or phone, which differ by district. The chat's
// district stays unknown.
func (t *turn) alikeReply(answering []*index.Index, m *seeds.Measure, question string) Reply {
	t.use(answering[0])
	t.leave()
	t.st.Question = question
	t.logQuestion(question, seeds.KindMeasure, m.Number)
	names := make([]string, len(answering))
	for i, ix := range answering {
		names[i] = ix.Name()
	}
	note := strings.Join(names, "、") + "的指南对此规定相同（以下引自" + answering[0].Label() + "）："
	if len(answering) == 1 {
		note = "已收录的指南中只有" + answering[0].Label() + "有这一项："
	}
	text := note + "\n\n" + t.measureTitle(m) + "\n" + seeds.Clip(measureBody(m, ""), maxMessage/2) +
		"\n\n办理单位和电话各区不同：问“找谁办”时我会先确认企业所在的区。"
	return Reply{Kind: seeds.KindMeasure, Text: text, Measures: []int{m.Number}, Guide: answering[0].ID()}
}

// bare reports whether every ask of rd is a follow-up without a topic of
// its own ("找谁办").
func bare(rd index.Reading) bool {
	for _, a := range rd.Asks {
		if !a.Bare {
			return false
		}
	}
	return len(rd.Asks) > 0
}

// alike reports whether the measures that answer a question in several
// guides say the same (a choice or a unit reply never does).
func alike(ms []*seeds.Measure) bool {
	if len(ms) == 0 {
		return true
	}
	likeFirst := index.AlikeTo(ms[0])
	for _, m := range ms {
		if m == nil || !likeFirst(m) {
			return false
		}
	}
	return true
}

// inlineGuides are the guides an inline query is answered from: the one
// whose district it names, else the chat's, else every guide whose search
// answers it; none for a place no guide owns.
func (t *turn) inlineGuides(query string) []*index.Index {
	if len(t.set) == 1 {
		return t.set
	}
	named, unserved := t.placesIn(t.ix, query)
	switch {
	case len(named) > 0:
		return named[:1]
	case len(unserved) > 0:
		return nil
	case t.chatGuide() != nil:
		return []*index.Index{t.chatGuide()}
	}
	var out []*index.Index
	for _, ix := range t.set {
		if r, err := ix.Search(query); err == nil && r.Kind != seeds.KindNone {
			out = append(out, ix)
		}
	}
	return out
}

// askPlace asks which district, one button per guide.
func (t *turn) askPlace(text string) Reply {
	var buttons []Button
	for _, ix := range t.set {
		buttons = append(buttons, Button{Text: ix.Name(), Data: t.data(actPlace, ix.ID())})
	}
	return Reply{Kind: seeds.KindPlace, Text: text, Buttons: buttonRows(buttons, 3)}
}

// notCovered declines a message about places no served guide owns, and
// keeps its question for when the owner names a district that has one.
func (t *turn) notCovered(probe *index.Index, text string, places []string) Reply {
	if _, topical, _ := t.asksIn(probe, probe.WithoutPlaces(text)); topical {
		t.st.Question = text
	}
	return Reply{Kind: seeds.KindNone, Text: "抱歉，" + strings.Join(places, "、") + "不在本助手收录的范围内：目前收录" + t.guideNames() + "的指南。" +
		"如果您的企业在这些区，请告诉我在哪个区；其他地区的政策请拨打12345咨询。"}
}

// asksIn is asks in guide ix.
func (t *turn) asksIn(ix *index.Index, text string) (own, topical, aspects bool) {
	keep := t.ix
	t.use(ix)
	defer t.use(keep)
	return t.asks(text)
}

// declineAll says that no served guide covers the question.
func (t *turn) declineAll() Reply {
	return Reply{Kind: seeds.KindNone, Text: "抱歉，已收录的" + t.guideNames() + "的指南里都没有与这个问题对应的内容。\n可以换个说法再问；其他问题可拨打12345企业服务热线咨询。"}
}

// guideNames lists the served guides' short names: "密云区、怀柔区".
func (t *turn) guideNames() string {
	names := make([]string, len(t.set))
	for i, ix := range t.set {
		names[i] = ix.Name()
	}
	return strings.Join(names, "、")
}

// labelled marks replies as answered from the turn's guide: the first
// names it, all carry its id. Small talk and button acknowledgements need
// no label.
func (t *turn) labelled(rs []Reply) []Reply {
	for i := range rs {
		rs[i].Guide = t.ix.ID()
	}
	if len(rs) > 0 && rs[0].Text != "" && rs[0].Kind != seeds.KindSmallTalk {
		rs[0].Text = "📘 " + t.ix.Label() + "\n" + rs[0].Text
	}
	return rs
}

// guidesPress handles a button: a district chosen, or a button made for
// one guide's reply, which is answered from that guide.
func (t *turn) guidesPress(data string) []Reply {
	parts := strings.SplitN(data, "|", 4)
	if len(parts) == 4 && parts[2] == actPlace {
		if ix := t.guideByID(parts[3]); ix != nil {
			return t.enterWith(ix, "")
		}
		return []Reply{{Kind: seeds.KindCommand, Text: "这个区的指南已不再提供，请重新选择。", Notice: "按钮已过期"}}
	}
	if len(parts) == 4 {
		for _, ix := range t.set {
			if guideTag(ix, true) == parts[1] {
				t.enter(ix)
				return t.labelled(t.press(data))
			}
		}
	}
	return t.press(data) // stale or forged: the single-guide answers
}

// guidesCommand runs a /command: /about and /list cover every guide until
// the chat's district is known; the others are the chat's guide's.
func (t *turn) guidesCommand(name, args string) []Reply {
	switch {
	case name == "about":
		return []Reply{t.aboutGuides()}
	case name == "list" && t.chatGuide() == nil:
		var rows [][]Button
		for _, ix := range t.set {
			keep := t.ix
			t.use(ix)
			rows = append(rows, []Button{t.button("📖 "+ix.Label(), actBrowse, "")})
			t.use(keep)
		}
		return []Reply{{Kind: seeds.KindCommand, Text: "本助手收录了以下指南，请选择要浏览的一份：", Buttons: rows}}
	case name == "match" && t.chatGuide() == nil:
		t.st.Pending = []string{pendingMatch}
		return []Reply{t.askPlace("政策体检按企业所在区的指南进行。请问您的企业在哪个区？")}
	case name == "forget" || name == "start":
		return t.command(name, args)
	}
	return t.labelled(t.command(name, args))
}

// aboutGuides lists the served guides and the chat's district.
func (t *turn) aboutGuides() Reply {
	var b strings.Builder
	b.WriteString("本助手收录了以下指南，按您企业所在的区回答：\n")
	for _, ix := range t.set {
		g := ix.Guide()
		b.WriteString("• " + ix.Label() + "：" + itoa(len(g.Measures)) + "条措施（" + ix.ID() + "）\n")
	}
	if g := t.chatGuide(); g != nil {
		b.WriteString("当前按" + g.Label() + "回答；说“换个区”或直接说区名即可更换。")
	} else {
		b.WriteString("提问时说明企业所在的区（如“我在" + t.set[0].Name() + "…”），或在我询问时选择。")
	}
	return Reply{Kind: seeds.KindCommand, Text: b.String()}
}
