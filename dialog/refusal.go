package dialog

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"policybot/index"
	"policybot/index/tags"
	"policybot/seeds"
)

// maxGuideButtons is how many of the guide's measures a refusal offers.
const maxGuideButtons = 4

// decline says in two lines that the guide does not cover the question and
// where to turn: the topic still open, the hotline the guide names. It
// gives no measure's phone. Under it, buttons open measures of the loaded
// guide (refusalMeasures) and the guide's outline. again is set when the
// last reply was a refusal too: the wording changes, so two in a row never
// read the same. a is the ask declined (nil: none), whose ranking picks
// the buttons.
func (t *turn) decline(again bool, a *index.Ask) Reply {
	first := "抱歉，指南里没有与这个问题对应的内容。"
	if p := t.published(); !p.IsZero() {
		first = "抱歉，指南（" + cnDate(p) + "发布）里没有与这个问题对应的内容。"
	}
	if again {
		first = "这个问题指南里也没有找到对应的措施。"
	}
	next := "可以换个说法，或看看下面这些措施；" + t.hotline()
	if m := t.current(); m != nil && m.Number != t.unshown {
		// Not a measure a correction went back to without showing it:
		// the one shown last was set aside, and the earlier one is no
		// 刚才的 (trial 47: "我说的是卖猪的事 不是电费" → 刚才的第10条).
		next = "刚才的第" + itoa(m.Number) + "条可以接着问（如“找谁”“怎么申请”）；其他问题" + t.hotline()
	}
	var buttons [][]Button
	for _, n := range t.refusalMeasures(a) {
		buttons = append(buttons, []Button{t.button(t.shortTitle(t.g.Measure(n)), actMeasure, strconv.Itoa(n))})
	}
	buttons = append(buttons, []Button{t.button("📖 浏览指南", actBrowse, "")})
	return Reply{Kind: seeds.KindNone, Text: first + "\n" + next, Buttons: buttons}
}

// declineWhat is a refusal of an ask about a thing the guide never writes
// (what: "设施农业补贴"): it says so by that name, then as decline does.
func (t *turn) declineWhat(again bool, what string, a *index.Ask) Reply {
	r := t.decline(again, a)
	_, next, _ := strings.Cut(r.Text, "\n")
	r.Text = t.nothingOn(again, what) + "\n" + next
	return r
}

// nothingOn is a refusal's first line for an ask about what: the guide
// (with its date when known) has nothing on it; "也" when the last reply
// was a refusal too.
func (t *turn) nothingOn(again bool, what string) string {
	if again {
		return "指南里也没有关于“" + what + "”的内容。"
	}
	if p := t.published(); !p.IsZero() {
		return "抱歉，指南（" + cnDate(p) + "发布）里没有关于“" + what + "”的内容。"
	}
	return "抱歉，指南里没有关于“" + what + "”的内容。"
}

// declineNear is a refusal of an ask the guide does not cover although one
// measure comes near: it says what the guide has nothing on (missing: a
// year after the measure's period) and names measure m as what held
// then, with the period its sentences give, one tap away before the
// guide's other measures. It gives no measure's phone and quotes nothing
// but that period: it is a refusal, not an answer.
func (t *turn) declineNear(again bool, missing string, m *seeds.Measure, a *index.Ask) Reply {
	r := t.decline(again, a)
	first := t.nothingOn(again, missing)
	next := "相近的是" + t.shortTitle(m) + "，那是指南发布时的措施；现行政策" + t.hotline()
	if p := t.period(m); !p.end.IsZero() {
		// What the measure says of its own period answers "还能…吗".
		next = "相近的是" + t.shortTitle(m) + "，原文期限：“" + quote(p.phrase) + "”（至" + cnDate(p.end) + "）；现行政策" + t.hotline()
	}
	buttons := [][]Button{{t.button(t.shortTitle(m), actMeasure, strconv.Itoa(m.Number))}}
	for _, row := range r.Buttons {
		if len(row) == 1 && row[0].Text == t.shortTitle(m) {
			continue
		}
		buttons = append(buttons, row)
	}
	return Reply{Kind: seeds.KindNone, Text: first + "\n" + next, Buttons: buttons}
}

// declineBeside is a refusal of an ask about a paper of another kind
// than the ones measure m names (missing "驾驶员证", beside the 工业产品生产
// 许可证 m extends): it says the guide has nothing on it and what m does
// reach, in its text only. m is no answer and no near match to open: the
// buttons are the refusal's own.
func (t *turn) declineBeside(again bool, missing string, beside []string, m *seeds.Measure, a *index.Ask) Reply {
	r := t.decline(again, a)
	first := "抱歉，指南里没有关于“" + missing + "”的内容。"
	if p := t.published(); !p.IsZero() {
		first = "抱歉，指南（" + cnDate(p) + "发布）里没有关于“" + missing + "”的内容。"
	}
	if again {
		first = "指南里也没有关于“" + missing + "”的内容。"
	}
	next := "相近的是" + t.shortTitle(m) + "，它只写到" + strings.Join(beside, "、") + "，没有提到“" + missing + "”；" + t.hotline()
	return Reply{Kind: seeds.KindNone, Text: first + "\n" + next, Buttons: r.Buttons}
}

// nearSections is how many of the ranking's first measures lend their
// sections to a refusal's buttons: further down it matched a word or two.
const nearSections = 3

// nearTopic is how many measures beside the topic in talk a refusal offers
// first when the ranking came near nothing.
const nearTopic = 2

// refusalMeasures are the measures a refusal of ask a offers (issue 20):
// where the ranking came near anything (index.Result.Ranked), the best
// measure of each section its first measures lie in, nearest first; then
// the first sections' for the rest (as before issue 20). The measure the decision
// weighed and set aside (the ranking's first, the near miss a refusal
// names) is never among them, not even as its section's best: a button
// under "指南里没有…" opening it would read as the answer after all.
func (t *turn) refusalMeasures(a *index.Ask) []int {
	rejected := map[int]bool{}
	var near []int // sections, nearest first
	if a != nil {
		r := &a.Result
		if len(r.Ranked) > 0 {
			rejected[r.Ranked[0]] = true
		}
		if len(r.Measures) > 0 {
			rejected[r.Measures[0].Number] = true
		}
		for _, n := range r.Ranked[:min(len(r.Ranked), nearSections)] {
			if m := t.g.Measure(n); m != nil && m.Section != 0 && !slices.Contains(near, m.Section) {
				near = append(near, m.Section)
			}
		}
	}
	// Trials 55 and 56: the same four buttons under refusal after
	// refusal. What the chat discussed or the last refusal offered is not
	// offered again; each section's next best stands in.
	skip := maps.Clone(rejected)
	for _, n := range slices.Concat(t.st.Discussed, t.st.Refused) {
		skip[n] = true
	}
	var out []int
	if t.st.Asker != "" {
		// "我是开美发店的…钱也周转不过来": a story the guide has no
		// measure for, told by an owner whose kind is known, is served by
		// the measures for that kind before any section's best.
		if o := t.ix.MoreFor(t.st.Asker, slices.Collect(maps.Keys(skip))); o != nil {
			out = append(out, o.Measures[:min(len(o.Measures), nearTopic)]...)
		}
	}
	if m := t.current(); m != nil && m.Subsection != 0 && len(near) == 0 {
		// Trial 52: the same four first sections under every refusal (a
		// barbecue stall offered 两区外资). When the ranking came near
		// nothing, the measures beside the topic in talk (its subsection,
		// "融资纾困直通车" after the first-loan subsidy) come first: near
		// what the owner was asking about.
		for i := range t.g.Measures {
			x := &t.g.Measures[i]
			if x.Section == m.Section && x.Subsection == m.Subsection && x.Number != m.Number && !skip[x.Number] && !slices.Contains(out, x.Number) &&
				x.HasText() && x.HasContact() && len(out) < 2*nearTopic {
				out = append(out, x.Number)
			}
		}
	}
	order, best := t.sectionBest(skip)
	for _, s := range append(near, order...) {
		if n, ok := best[s]; ok && !slices.Contains(out, n) && len(out) < maxGuideButtons {
			out = append(out, n)
		}
	}
	t.st.Refused = out
	return out
}

// sectionBest is each section's measure worth offering to someone whose
// question the guide does not answer: the one addressed to enterprises
// (index.Index.Tags) with a text, a contact and the most needs it serves,
// leaving out those in skip; the sections in the guide's order. They come
// from the guide itself, so on any guide each button opens one of its own
// measures.
func (t *turn) sectionBest(skip map[int]bool) (order []int, best map[int]int) {
	best = map[int]int{}   // section → measure
	needs := map[int]int{} // section → its needs
	for i := range t.g.Measures {
		m := &t.g.Measures[i]
		tg := t.ix.Tags(m.Number)
		if !m.HasText() || !m.HasContact() || !tg.Enterprise || skip[m.Number] {
			continue
		}
		n := len(tg.Values[tags.DimNeed])
		if _, seen := best[m.Section]; !seen {
			order = append(order, m.Section)
		} else if n <= needs[m.Section] {
			continue
		}
		best[m.Section], needs[m.Section] = m.Number, n
	}
	return order, best
}

// shortTitle names a measure on a button: its subsection's title without
// the numbering ("留抵退税“直达快享”"), or the start of its text.
func (t *turn) shortTitle(m *seeds.Measure) string {
	head := ""
	if s := t.g.Subsection(m.Section, m.Subsection); s != nil && m.Subsection != 0 {
		head = s.Title
	}
	if head == "" {
		head = seeds.Clip(m.Text, 14)
	}
	return "第" + itoa(m.Number) + "条 " + head
}
