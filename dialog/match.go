package dialog

import (
	"fmt"
	"strconv"
	"strings"

	"policybot/index"
	"policybot/index/tags"
	"policybot/seeds"
)

// The check-up (政策体检, /match) asks three questions, one at a time with
// buttons, each skippable; then lists the measures that may apply, grouped
// by need, with the contacts to call. The profile stays in the chat state
// (deleted by /forget) for later questions such as "我能申请吗".

var questions = map[string]string{
	tags.DimType:     "您的企业属于哪一类？",
	tags.DimIndustry: "所在行业是？",
	tags.DimNeed:     "目前最需要哪方面的支持？",
}

// Button arguments of actMatch: "<dim>:<value index>", "skip", "restart".
const actMatch = "x"

func (t *turn) startMatch() Reply {
	t.st.Mode, t.st.Profile, t.st.Step = Matching, tags.Profile{}, tags.Dimensions[0]
	return t.matchQuestion("政策体检：回答三个问题（可跳过），看看指南里哪些措施可能适用于您。\n\n")
}

func (t *turn) matchQuestion(lead string) Reply {
	step := t.st.Step
	pos := 1
	for i, d := range tags.Dimensions {
		if d == step {
			pos = i + 1
		}
	}
	var row []Button
	for i, v := range t.ix.ProfileValues(step) {
		row = append(row, t.button(v, actMatch, step+":"+strconv.Itoa(i)))
	}
	buttons := append(buttonRows(row, 3), []Button{t.button("跳过", actMatch, "skip"), t.button("重新开始", actMatch, "restart")})
	text := fmt.Sprintf("%s（%d/%d）%s也可以直接输入，如“我们是开饭馆的”。", lead, pos, len(tags.Dimensions), questions[step])
	return Reply{Kind: seeds.KindCommand, Text: text, Buttons: buttons}
}

// matchPress handles a check-up button.
func (t *turn) matchPress(arg string) []Reply {
	switch arg {
	case "restart":
		return []Reply{t.startMatch()}
	case "skip":
		if t.st.Mode != Matching {
			return []Reply{t.startMatch()}
		}
		return []Reply{t.nextStep("")}
	}
	dim, idx, ok := strings.Cut(arg, ":")
	i, err := strconv.Atoi(idx)
	values := t.ix.ProfileValues(dim)
	if !ok || err != nil || i < 0 || i >= len(values) {
		return []Reply{{Kind: seeds.KindCommand, Text: "这个按钮无法识别，请发送 /match 重新开始。", Notice: "按钮无效"}}
	}
	if t.st.Mode != Matching || t.st.Step != dim {
		// A button of an earlier question: take the answer, go on from there.
		t.st.Mode, t.st.Step = Matching, dim
	}
	return []Reply{t.nextStep(values[i])}
}

// matchText reads a typed answer to the current question. A message that
// answers nothing ends the check-up and is handled as a question.
func (t *turn) matchText(rd index.Reading) ([]Reply, bool) {
	if v, ok := t.ix.ProfileValue(t.st.Step, rd.Text); ok {
		return []Reply{t.nextStep(v)}, true
	}
	if rd.Skip {
		return []Reply{t.nextStep("")}, true
	}
	return nil, false
}

// nextStep records the answer to the current question and asks the next,
// or gives the result after the last.
func (t *turn) nextStep(value string) Reply {
	p := &t.st.Profile
	switch t.st.Step {
	case tags.DimType:
		p.Type = value
	case tags.DimIndustry:
		p.Industry = value
	case tags.DimNeed:
		p.Need = value
	}
	for i, d := range tags.Dimensions {
		if d == t.st.Step && i+1 < len(tags.Dimensions) {
			t.st.Step = tags.Dimensions[i+1]
			return t.matchQuestion("")
		}
	}
	t.st.Step = ""
	return t.matchResult()
}

func profileLabel(p tags.Profile) string {
	var parts []string
	for _, v := range []string{p.Type, p.Industry, p.Need} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	if len(parts) == 0 {
		return "未填写"
	}
	return strings.Join(parts, "·")
}

// matchResult lists the applicable measures grouped by need, one line each,
// with a 详情 button each and the contacts to call, deduplicated.
func (t *turn) matchResult() Reply {
	p := t.st.Profile
	hits := t.ix.Match(p)
	t.st.Mode, t.st.Measure, t.st.Unit = Answered, 0, ""
	t.st.Candidates = nil
	for _, h := range hits {
		t.st.Candidates = append(t.st.Candidates, h.Number)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "政策体检结果（%s）：指南中可能适用的措施共%d条。\n", profileLabel(p), len(hits))
	if len(hits) == 0 {
		b.WriteString("没有找到与您的情况对应的措施。可以跳过部分问题再试（/match），或直接提问。\n" + t.hotline())
		return Reply{Kind: seeds.KindCommand, Text: b.String(), Buttons: [][]Button{{t.button("重新体检", actMatch, "restart")}}}
	}
	groups := map[string][]tags.Hit{}
	var order []string
	for _, h := range hits {
		need := h.Need
		if need == "" {
			need = "其他"
		}
		if groups[need] == nil {
			order = append(order, need)
		}
		groups[need] = append(groups[need], h)
	}
	var row []Button
	var contacts []seeds.Contact
	for _, need := range order {
		fmt.Fprintf(&b, "\n【%s】\n", need)
		for _, h := range groups[need] {
			m := t.g.Measure(h.Number)
			fmt.Fprintf(&b, "• 第%d条 %s\n", m.Number, seeds.Clip(m.Text, 30))
			row = append(row, t.button(fmt.Sprintf("第%d条详情", m.Number), actMeasure, strconv.Itoa(m.Number)))
			for _, c := range m.Contacts {
				if !hasContact(contacts, c) {
					contacts = append(contacts, c)
				}
			}
		}
	}
	buttons := buttonRows(row, 3)
	if len(contacts) > 0 {
		b.WriteString("\n需要咨询时可联系：\n")
		for _, c := range contacts {
			b.WriteString("☎ " + t.contactLine(c) + "\n")
		}
	}
	b.WriteString("\n结果按指南文字匹配，仅供参考；" + t.periodNote())
	buttons = append(buttons, []Button{t.button("重新体检", actMatch, "restart")})
	measures := append([]int(nil), t.st.Candidates...)
	return Reply{Kind: seeds.KindCommand, Text: b.String(), Buttons: buttons, Measures: measures}
}

func hasContact(cs []seeds.Contact, c seeds.Contact) bool {
	for _, x := range cs {
		if x.String() == c.String() {
			return true
		}
	}
	return false
}

// eligibility answers "我能申请吗" about the current measure with the
// stored profile.
func (t *turn) eligibility(m *seeds.Measure) Reply {
	p := t.st.Profile
	if p == (tags.Profile{}) {
		return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: "要判断是否适用，需要了解您的企业情况。可以先做一次政策体检（/match），回答三个问题即可。\n" + t.measureTitle(m) + "\n" + seeds.Clip(m.Text, 120),
			Buttons: [][]Button{{t.button("🩺 政策体检", actCommand, "match")}}}
	}
	fits := false
	for _, h := range t.ix.Match(p) {
		fits = fits || h.Number == m.Number
	}
	verdict := "从指南文字看，这一条没有明确面向您这类企业，可能不适用"
	if fits {
		verdict = "从指南文字看，这一条可能适用于您"
	}
	return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number},
		Text: fmt.Sprintf("按您在政策体检中填写的情况（%s）：%s。\n%s\n%s\n具体条件请以办理部门解释为准：\n%s", profileLabel(p), verdict, t.measureTitle(m), seeds.Clip(m.Text, 200), t.contactLines(m))}
}
