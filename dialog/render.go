package dialog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"policybot/index"
	"policybot/seeds"
)

// maxMessage is the length a phone screen reads comfortably; longer
// measure texts are clipped and the rest is behind the 原文 button.
const maxMessage = 1200

// measureReply is the answer about one measure: an optional one-line
// verdict, the measure and its heading, the text, the deadline and its
// status, the units and the contacts, exactly as the guide lists them.
func (t *turn) measureReply(m *seeds.Measure, r index.Result) Reply {
	var b strings.Builder
	if v := t.verdict(m, r); v != "" {
		b.WriteString(v + "\n\n")
	}
	if r.Deadline {
		// "留抵退税什么时候截止": the date first.
		b.WriteString(t.deadline(m) + "\n\n")
	}
	b.WriteString(t.measureTitle(m) + "\n")
	body := m.Text
	if len(m.Details) > 0 {
		body += strings.Join(m.Details, "")
	}
	clipped := false
	if utf8.RuneCountInString(body) > maxMessage/2 {
		body, clipped = clipRunes(body, maxMessage/2), true
	}
	b.WriteString(body + "\n")
	if clipped {
		b.WriteString("（内容较长，点“原文”查看全文）\n")
	}
	if !r.Deadline {
		b.WriteString("\n" + t.deadline(m) + "\n")
	}
	b.WriteString(t.contactLines(m))
	reply := Reply{Kind: KindMeasure, Text: strings.TrimSpace(b.String()), Measures: []int{m.Number}}
	if r.Contact {
		// Asked for whom to call: the cards come with the answer.
		reply.Contacts = cards(m.Contacts)
	}
	row := []Button{t.button("☎ 联系方式", actContact, strconv.Itoa(m.Number)), t.button("📄 原文", actDetails, strconv.Itoa(m.Number))}
	if len(t.st.Candidates) > 1 {
		row = append(row, t.button("➕ 相关措施", actMore, ""))
	}
	reply.Buttons = [][]Button{row, t.voteRow(m.Number)}
	return reply
}

func (t *turn) voteRow(n int) []Button {
	return []Button{t.button("👍 有用", actVoteUp, strconv.Itoa(n)), t.button("👎 没用", actVoteDown, strconv.Itoa(n))}
}

// measureTitle is "【第2条】社会保险费和住房公积金“应缓尽缓”", with the
// section where the subsection is unknown.
func (t *turn) measureTitle(m *seeds.Measure) string {
	head := t.g.SubsectionTitle(m.Section, m.Subsection)
	if head == "" && m.Section != 0 {
		if s := t.g.Section(m.Section); s != nil && s.Title != "" {
			head = s.Title
		}
	}
	return strings.TrimSpace(fmt.Sprintf("【第%d条】%s", m.Number, head))
}

var (
	yesNoQuestion = regexp.MustCompile(`吗|能不能|可不可以|能否|可否|是否|有没有|会不会|行不行|允许`)
	mayQuestion   = regexp.MustCompile(`能|可以|可否|允许|行`)
	hasQuestion   = regexp.MustCompile(`有没有|有.*吗|有吗`)
	permissive    = regexp.MustCompile(`可|给予|支持|鼓励|减免|免收|免除|缓缴|顺延|补贴|减半|不纳入|不影响|不作|视同|延期`)
)

// verdict is the one-line answer to a yes/no question: 可以 / 有, then the
// clause of the measure that the question's words point at.
func (t *turn) verdict(m *seeds.Measure, r index.Result) string {
	q := r.Question
	if q == "" || !yesNoQuestion.MatchString(q) || m.Text == "" || r.Contact {
		return ""
	}
	word := "有相关规定。"
	switch {
	case hasQuestion.MatchString(q):
		word = "有。"
	case mayQuestion.MatchString(q) && permissive.MatchString(m.Text):
		word = "可以。"
	}
	return word + clipRunes(bestClause(m.Text, t.ix.Related(r.Terms)), 60)
}

// bestClause is the clause of text mentioning most of words, preferring
// one that grants something over a preamble ("按照…要求").
func bestClause(text string, words []string) string {
	best, score := "", -1
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return r == '，' || r == '；' || r == '。' }) {
		s := 0
		for _, w := range words {
			if strings.Contains(c, w) {
				s += utf8.RuneCountInString(w)
			}
		}
		if s > 0 && permissive.MatchString(c) {
			s += 2
		}
		if preamble.MatchString(c) {
			s -= 2
		}
		if s > score {
			best, score = c, s
		}
	}
	return best + "。"
}

var preamble = regexp.MustCompile(`^(按照|根据|为|依据|结合)`)

func (t *turn) published() time.Time {
	p, err := time.ParseInLocation("2006-01-02", t.g.Published, time.Local)
	if err != nil {
		return time.Time{}
	}
	return p
}

func (t *turn) deadline(m *seeds.Measure) string {
	return deadlineLine(findPeriod(append([]string{m.Text}, m.Details...), t.published()), t.published(), t.now)
}

// contactLines lists the units and contacts as the guide writes them, or
// says the guide lists none and points to the hotline. Never a neighbour's.
func (t *turn) contactLines(m *seeds.Measure) string {
	var b strings.Builder
	if !m.HasContact() {
		b.WriteString("☎ 指南未列出本条的牵头单位和联系人。" + t.hotline() + "\n")
		return b.String()
	}
	if len(m.Lead) > 0 {
		b.WriteString("🏛 牵头单位：" + strings.Join(m.Lead, "、"))
		if len(m.Support) > 0 {
			b.WriteString("；配合单位：" + strings.Join(m.Support, "、"))
		}
		b.WriteString("\n")
	}
	for _, c := range m.Contacts {
		b.WriteString("☎ " + contactLine(c) + "\n")
	}
	return b.String()
}

func contactLine(c seeds.Contact) string {
	parts := []string{c.Unit}
	if c.Department != "" {
		parts = append(parts, c.Department)
	}
	if len(c.People) > 0 {
		parts = append(parts, strings.Join(c.People, "、"))
	}
	line := strings.Join(parts, " ")
	if len(c.Phones) > 0 {
		line += "：" + strings.Join(c.Phones, "、")
	} else {
		line += "（指南未列电话）"
	}
	return line
}

// hotlinePattern finds the guide's own enterprise hotline (its measure 18).
var hotlinePattern = regexp.MustCompile(`(\d{5})企业服务热线`)

// hotline points to the enterprise service hotline the guide itself names.
func (t *turn) hotline() string {
	for _, m := range t.g.Measures {
		if h := hotlinePattern.FindStringSubmatch(m.Text); h != nil {
			return fmt.Sprintf("可拨打%s企业服务热线咨询（见指南第%d条）。", h[1], m.Number)
		}
	}
	return "可向区政府相关部门咨询。"
}

// contactReply is the measure's contacts as text and as cards.
func (t *turn) contactReply(m *seeds.Measure) Reply {
	text := t.measureTitle(m) + "\n" + t.contactLines(m)
	if len(m.Contacts) > 0 && t.g.Hash != "" {
		text += "（电话均照录指南原文；指南发布于" + cnDate(t.published()) + "，如已变更请拨打" + t.hotlineNumber() + "核实。）"
	}
	return Reply{Kind: KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(text), Contacts: cards(m.Contacts)}
}

func (t *turn) hotlineNumber() string {
	for _, m := range t.g.Measures {
		if h := hotlinePattern.FindStringSubmatch(m.Text); h != nil {
			return h[1]
		}
	}
	return "区政府"
}

func (t *turn) supportReply(m *seeds.Measure) Reply {
	text := t.measureTitle(m) + "\n"
	switch {
	case !m.HasContact():
		text += "指南未列出本条的牵头和配合单位。"
	case len(m.Support) == 0:
		text += "牵头单位：" + strings.Join(m.Lead, "、") + "；指南未列配合单位。"
	default:
		text += "牵头单位：" + strings.Join(m.Lead, "、") + "\n配合单位：" + strings.Join(m.Support, "、")
	}
	return Reply{Kind: KindMeasure, Measures: []int{m.Number}, Text: text}
}

// detailsReply is the full text of a measure, split if it is long.
func (t *turn) detailsReply(m *seeds.Measure) Reply {
	text := m.Text
	if text == "" {
		text = "（本条原文在指南文件中缺失。）"
	}
	for _, d := range m.Details {
		text += "\n" + d
	}
	return Reply{Kind: KindMeasure, Measures: []int{m.Number}, Text: t.measureTitle(m) + "\n" + text + "\n\n" + t.deadline(m) + "\n" + t.contactLines(m)}
}

// cards turns a measure's contacts into contact cards: one per person, or
// one for the unit where the guide names no one.
func cards(cs []seeds.Contact) []Contact {
	var out []Contact
	for _, c := range cs {
		if len(c.Phones) == 0 {
			continue
		}
		names := c.People
		if len(names) == 0 {
			names = []string{c.Unit}
		}
		for _, n := range names {
			out = append(out, Contact{Name: n, Org: c.Unit, Department: c.Department, Phones: c.Phones})
		}
	}
	return out
}

// unitReply is a unit's contacts and the measures it leads.
func (t *turn) unitReply(u *index.Unit) Reply {
	var b strings.Builder
	b.WriteString("🏛 " + u.Name + "\n")
	if len(u.Contacts) == 0 {
		b.WriteString("指南未列出该单位的联系人和电话。" + t.hotline() + "\n")
	}
	for _, c := range u.Contacts {
		b.WriteString("☎ " + contactLine(c) + "\n")
	}
	var buttons [][]Button
	if len(u.Leads) > 0 {
		var nums []string
		for _, n := range u.Leads {
			nums = append(nums, "第"+strconv.Itoa(n)+"条")
		}
		b.WriteString("牵头的措施：" + strings.Join(nums, "、") + "\n")
		var row []Button
		for i, n := range u.Leads {
			if i == 8 {
				break
			}
			row = append(row, t.button("第"+strconv.Itoa(n)+"条", actMeasure, strconv.Itoa(n)))
			if len(row) == 4 {
				buttons, row = append(buttons, row), nil
			}
		}
		if len(row) > 0 {
			buttons = append(buttons, row)
		}
	}
	if len(u.Contacts) > 0 {
		b.WriteString("（电话均照录指南原文，指南发布于" + cnDate(t.published()) + "。）")
	}
	return Reply{Kind: KindUnit, Text: strings.TrimSpace(b.String()), Contacts: cards(u.Contacts), Buttons: buttons, Measures: append([]int(nil), u.Leads...)}
}

// choiceReply lists candidate measures with a button each.
func (t *turn) choiceReply(lead string, nums []int) Reply {
	var b strings.Builder
	b.WriteString(lead + "\n")
	var buttons [][]Button
	var shown []int
	for i, n := range nums {
		m := t.g.Measure(n)
		if m == nil {
			continue
		}
		shown = append(shown, n)
		fmt.Fprintf(&b, "%d. %s %s\n", i+1, t.measureTitle(m), clipRunes(m.Text, 50))
		buttons = append(buttons, []Button{t.button(fmt.Sprintf("%d. 第%d条 %s", i+1, n, clipRunes(m.Text, 12)), actMeasure, strconv.Itoa(n))})
	}
	return Reply{Kind: KindChoice, Text: strings.TrimSpace(b.String()), Buttons: buttons, Measures: shown}
}

// fallbackReply says honestly that the guide has no answer, offers example
// questions and the hotline, and never a phone number.
func (t *turn) fallbackReply(r index.Result) Reply {
	var b strings.Builder
	b.WriteString("抱歉，《工作指南》中没有找到与您的问题直接对应的措施，这个问题可能不在本指南范围内。\n")
	b.WriteString("您可以换个说法，或试试这些问题：\n")
	var buttons [][]Button
	for _, q := range t.examples() {
		b.WriteString("• " + q + "\n")
		buttons = append(buttons, []Button{t.button(q, actAsk, q)})
	}
	b.WriteString(t.hotline())
	buttons = append(buttons, []Button{t.button("📖 浏览指南", actBrowse, "")})
	return Reply{Kind: KindNone, Text: b.String(), Buttons: buttons}
}

// examples are questions the guide answers, for greetings and fallbacks.
func (t *turn) examples() []string {
	return []string{"社保能缓交吗", "房租能减免吗", "人社局电话"}
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
