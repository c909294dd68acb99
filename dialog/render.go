package dialog

import (
	"fmt"
	"regexp"
	"slices"
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
// a is the ask it answers; nil for a measure chosen by a button.
func (t *turn) measureReply(m *seeds.Measure, a *index.Ask) Reply {
	if a == nil {
		a = &index.Ask{}
	}
	r := &a.Result
	var b strings.Builder
	if lead := t.aspectLead(m, a); lead != "" {
		b.WriteString(lead + "\n\n")
	} else if v := t.verdict(m, a); v != "" {
		b.WriteString(v + "\n\n")
	}
	if r.Deadline {
		// "留抵退税什么时候截止": the date first.
		b.WriteString(t.deadline(m) + "\n\n")
	}
	b.WriteString(t.measureTitle(m) + "\n")
	body := measureBody(m, "")
	clipped := false
	if utf8.RuneCountInString(body) > maxMessage/2 {
		body, clipped = seeds.Clip(body, maxMessage/2), true
	}
	b.WriteString(body + "\n")
	if clipped {
		b.WriteString("（内容较长，点“原文”查看全文）\n")
	}
	if !r.Deadline {
		b.WriteString("\n" + t.deadline(m) + t.otherRulePeriod(m, a) + "\n")
	}
	b.WriteString(t.contactLines(m))
	named, unitContacts := t.namedUnitLines(m, a)
	b.WriteString(named)
	reply := Reply{Kind: seeds.KindMeasure, Text: strings.TrimSpace(b.String()), Measures: []int{m.Number}}
	if len(unitContacts) > 0 {
		reply.Unit = a.Unit.Name // the phones given are that unit's
	}
	if r.Contact {
		// Asked for whom to call: the cards come with the answer.
		reply.Contacts = cards(m.Contacts)
		if len(unitContacts) > 0 {
			reply.Contacts = cards(unitContacts)
		}
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

// recallReply goes back to a measure discussed earlier ("上一个"): its
// title, the start of its text and whom to call, not the whole text again.
func (t *turn) recallReply(m *seeds.Measure) Reply {
	text := t.measureTitle(m) + "\n" + seeds.Clip(measureBody(m, ""), 80) + "\n（前面介绍过这一条，全文请点“原文”。）\n" + t.contactLines(m)
	return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(text),
		Buttons: [][]Button{{t.button("☎ 联系方式", actContact, itoa(m.Number)), t.button("📄 原文", actDetails, itoa(m.Number))}}}
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

// published is the guide's date, a day of its time zone; zero if unknown.
func (t *turn) published() time.Time {
	p, err := time.ParseInLocation("2006-01-02", t.g.Published, t.e.loc)
	if err != nil {
		return time.Time{}
	}
	return p
}

// period is what measure m's sentences say about when it applies, in the
// guide's time zone, or, when they say nothing, what the guide says of all
// its measures ("本办法…有效期至2022年12月31日"), quoted as the guide
// writes it.
func (t *turn) period(m *seeds.Measure) period {
	pub := t.published()
	if pub.IsZero() {
		pub = time.Time{}.In(t.e.loc)
	}
	if p := findPeriod(append([]string{m.Text}, m.Details...), pub); !p.end.IsZero() {
		return p
	}
	term := t.ix.Term()
	if term == "" {
		return period{}
	}
	p := findPeriod([]string{term}, pub)
	// The whole sentence, so the quote says whose term it is (本办法…).
	if !p.end.IsZero() {
		p.phrase = term
	}
	return p
}

// today is the current day in the guide's time zone (or the day the
// engine is pinned to, WithToday).
func (t *turn) today() time.Time {
	if !t.e.day.IsZero() {
		return day(t.e.day, t.e.loc)
	}
	return day(t.now, t.e.loc)
}

// ended reports whether the period measure m states has ended by today,
// and its last day.
func (t *turn) ended(m *seeds.Measure) (time.Time, bool) {
	p := t.period(m)
	return p.end, !p.end.IsZero() && p.end.Before(t.today())
}

func (t *turn) deadline(m *seeds.Measure) string {
	return deadlineLine(t.period(m), t.published(), t.today(), t.ix.Epidemic(m), t.callLine(m))
}

// otherRulePeriod notes, after the deadline line of a measure whose period
// has ended, that the period binds another of its sentences than the one
// the question is about ("公积金能提出来交房租吗" of 第3条: 缓缴期限为2022年4月
// 至12月 is the deferral's; the rent withdrawal names no period); "" when
// the rule asked about falls under it, or the ask is no question.
func (t *turn) otherRulePeriod(m *seeds.Measure, a *index.Ask) string {
	if a.Question == "" || a.Contact {
		return ""
	}
	if _, over := t.ended(m); !over {
		return ""
	}
	j := t.ix.Judge(m, a, nil, t.st.Question)
	if j.Rule == "" {
		return ""
	}
	if _, over := t.ruleEnded(m, j.Rule); over {
		return ""
	}
	return "（此期限是“" + quote(t.period(m).phrase) + "”所在规定的；您问的“" + seeds.Clip(strings.TrimSuffix(j.Rule, "。"), 40) + "”原文未写期限。）"
}

// callLine is whom to call about m in a few words: its first contact's
// unit and phone, or the guide's hotline.
func (t *turn) callLine(m *seeds.Measure) string {
	for _, c := range m.Contacts {
		if len(c.Phones) > 0 {
			who := c.Unit
			if who == "" && len(c.People) > 0 {
				who = c.People[0]
			}
			return strings.TrimSpace(who + " " + c.Phones[0])
		}
	}
	if n := t.hotlineNumber(); n != "区政府" {
		return n + "企业服务热线"
	}
	return "区政府相关部门"
}

// contactLines lists the units and contacts as the guide writes them, or
// says the guide lists none and points to the hotline. Never a neighbour's.
func (t *turn) contactLines(m *seeds.Measure) string {
	var b strings.Builder
	if !m.HasContact() {
		b.WriteString("☎ 本条未列联系人（指南未写明牵头单位）。" + t.hotline() + "\n")
		return b.String()
	}
	if len(m.Lead) > 0 {
		b.WriteString("🏛 牵头单位：" + strings.Join(m.Lead, "、"))
		if len(m.Support) > 0 {
			b.WriteString("；配合单位：" + strings.Join(m.Support, "、"))
		}
		b.WriteString("\n")
	}
	for _, c := range mergeContacts(m.Contacts) {
		b.WriteString("☎ " + t.contactLine(c) + "\n")
	}
	return b.String()
}

// mergeContacts folds contact lines with the same unit, department and
// phones into one, so each person and phone is listed once.
func mergeContacts(cs []seeds.Contact) []seeds.Contact {
	var out []seeds.Contact
	for _, c := range cs {
		merged := false
		for i := range out {
			o := &out[i]
			if o.Unit == c.Unit && o.Department == c.Department && slices.Equal(o.Phones, c.Phones) {
				for _, p := range c.People {
					if !slices.Contains(o.People, p) {
						o.People = append(slices.Clone(o.People), p)
					}
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	return out
}

// phoneNote tells, after a contact line, where the guide lists a phone
// of it for someone else while listing the same person with another
// phone in more measures (seeds.Guide.PhoneElsewhere): both as written,
// for the owner to check; "" when nothing is in doubt.
func (t *turn) phoneNote(c seeds.Contact) string {
	for _, ph := range c.Phones {
		usual, others := t.g.PhoneElsewhere(c, ph)
		if len(usual) == 0 {
			continue
		}
		// The person's usual phone is said too, as the guide writes it
		// in its other measures: an owner told only that another number
		// exists asked for it next (trial 43).
		return "（此号码在指南别处列为" + strings.Join(others, "、") + "的电话；" + strings.Join(c.People, "、") + "在指南其他条目中的电话是" + strings.Join(usual, "、") + "，请核实）"
	}
	return ""
}

// contactLine is c as one line, with what the guide says elsewhere of a
// phone in doubt (phoneNote).
func (t *turn) contactLine(c seeds.Contact) string { return contactText(c) + t.phoneNote(c) }

// contactText is c as one line: unit, department, people, phones.
func contactText(c seeds.Contact) string {
	var parts []string
	if c.Unit != "" {
		// A guide may give a phone without saying whose unit it is.
		parts = append(parts, c.Unit)
	}
	if c.Department != "" {
		parts = append(parts, c.Department)
	}
	if len(c.People) > 0 {
		parts = append(parts, strings.Join(c.People, "、"))
	}
	line := strings.Join(parts, " ")
	switch {
	case len(c.Phones) > 0 && len(c.Emails) > 0:
		line += "：" + strings.Join(c.Phones, "、") + "；邮箱 " + strings.Join(c.Emails, "、")
	case len(c.Phones) > 0:
		line += "：" + strings.Join(c.Phones, "、")
	case len(c.Emails) > 0:
		// Some guides give an e-mail address instead of a phone.
		line += "：邮箱 " + strings.Join(c.Emails, "、") + "（指南未列电话）"
	default:
		line += "（指南未列电话）"
	}
	return line
}

// hotlinePattern finds the guide's own enterprise hotline (its measure 18).
var hotlinePattern = regexp.MustCompile(`(\d{5})企业服务热线`)

// guideHotline returns the enterprise hotline the guide itself names and
// the measure naming it, or "" and 0 when it names none.
func (t *turn) guideHotline() (string, int) {
	for _, m := range t.g.Measures {
		if h := hotlinePattern.FindStringSubmatch(m.Text); h != nil {
			return h[1], m.Number
		}
	}
	return "", 0
}

// hotline points to the enterprise service hotline the guide itself names.
func (t *turn) hotline() string {
	if h, n := t.guideHotline(); h != "" {
		return fmt.Sprintf("可拨打%s企业服务热线咨询（见指南第%d条）。", h, n)
	}
	return "可向区政府相关部门咨询。"
}

// contactReply is the measure's contacts as text and as cards.
// Compact: each contact line once; the lead units only where no contact
// line names them; the supporting units are behind 配合单位.
func (t *turn) contactReply(m *seeds.Measure) Reply {
	text := t.measureTitle(m) + "\n"
	if !m.HasContact() {
		text += t.contactLines(m)
	} else {
		var lines, named []string
		for _, c := range mergeContacts(m.Contacts) {
			lines = append(lines, "☎ "+t.contactLine(c))
			named = append(named, c.Unit)
		}
		var unnamed []string
		for _, u := range m.Lead {
			if !slices.Contains(named, u) {
				unnamed = append(unnamed, u)
			}
		}
		if len(unnamed) > 0 {
			text += "🏛 牵头单位：" + strings.Join(unnamed, "、") + "（指南未列其联系人）\n"
		}
		text += strings.Join(lines, "\n") + "\n"
	}
	if len(m.Contacts) > 0 && t.g.Hash != "" {
		text += "（电话均照录指南原文；指南发布于" + cnDate(t.published()) + "，如已变更请拨打" + t.hotlineNumber() + "核实。）"
	}
	return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: strings.TrimSpace(text), Contacts: cards(m.Contacts)}
}

// answersHotline reports whether the replies show the measure that names
// the guide's hotline.
func (t *turn) answersHotline(rs []Reply) bool {
	for _, r := range rs {
		for _, n := range r.Measures {
			if m := t.g.Measure(n); m != nil && hotlinePattern.MatchString(m.Text) {
				return true
			}
		}
	}
	return false
}

// orHotline is "或拨打" and the guide's own hotline, or nothing when the
// guide names none: a reply never names a number the loaded guide does
// not give.
func (t *turn) orHotline() string {
	if h, _ := t.guideHotline(); h != "" {
		return "或拨打" + h
	}
	return ""
}

// hotlineNumber is the guide's own hotline, or 区政府 when it names none.
func (t *turn) hotlineNumber() string {
	if h, _ := t.guideHotline(); h != "" {
		return h
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
	return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: text}
}

// doubtfulMark follows a follow-up sentence whose place in the guide is in
// doubt (seeds.Measure.IsDoubtful): shown, since it is likeliest here, but
// marked, so no one takes it for this measure's rule unasked. A weak doubt
// (seeds.Measure.Leaning: kept before its own contact block, content
// leaning elsewhere only unclearly) is not marked: the sentence most
// likely is this measure's, and the mark would only make an owner doubt
// what they read; the index still quotes no rule from it.
const doubtfulMark = "〔此句在原文件中位置错乱，归属本条存疑〕"

// measureBody is a measure's text and follow-up sentences joined by sep,
// saying so when the guide kept only follow-up sentences or nothing.
func measureBody(m *seeds.Measure, sep string) string {
	details := make([]string, len(m.Details))
	for i, d := range m.Details {
		details[i] = d
		if m.ShowsDoubt(i) {
			details[i] += doubtfulMark
		}
	}
	switch {
	case m.Text == "" && len(m.Details) == 0:
		return "（本条原文在指南文件中缺失。）"
	case m.Text == "":
		return "（本条原文缺失，指南仅保留了本条的以下内容：）" + sep + strings.Join(details, sep)
	}
	return strings.Join(append([]string{m.Text}, details...), sep)
}

// detailsReply is the full text of a measure, split if it is long.
func (t *turn) detailsReply(m *seeds.Measure) Reply {
	text := measureBody(m, "\n")
	return Reply{Kind: seeds.KindMeasure, Measures: []int{m.Number}, Text: t.measureTitle(m) + "\n" + text + "\n\n" + t.deadline(m) + "\n" + t.contactLines(m)}
}

// cards turns a measure's contacts into contact cards: one per person, or
// one for the unit where the guide names no one.
func cards(cs []seeds.Contact) []Contact {
	var out []Contact
	for _, c := range mergeContacts(cs) {
		if len(c.Phones) == 0 {
			continue
		}
		names := c.People
		if len(names) == 0 {
			names = []string{c.Unit}
		}
		for _, n := range names {
			if slices.ContainsFunc(out, func(x Contact) bool { return x.Name == n && slices.Equal(x.Phones, c.Phones) }) {
				continue
			}
			out = append(out, Contact{Name: n, Org: c.Unit, Department: c.Department, Phones: c.Phones})
		}
	}
	return out
}

// unitOf is the line before a unit's contacts asked in the talk of
// measure m: "" when the guide names the unit for m, else that the guide
// names another unit or none for it, so a guess is not taken for the text.
func (t *turn) unitOf(m *seeds.Measure, u *index.Unit) string {
	if slices.Contains(u.Leads, m.Number) {
		return ""
	}
	n := "第" + strconv.Itoa(m.Number) + "条"
	switch {
	case len(m.Lead) == 0:
		return n + "指南未写明牵头单位，" + u.Name + "是否负责，请电话确认。以下是" + u.Name + "的联系方式："
	case slices.Contains(u.Supports, m.Number):
		return n + "的牵头单位是" + strings.Join(m.Lead, "、") + "（" + t.callLine(m) + "），" + u.Name + "是配合单位。以下是" + u.Name + "的联系方式："
	}
	return n + "的牵头单位是" + strings.Join(m.Lead, "、") + "（" + t.callLine(m) + "），不是" + u.Name + "。以下是" + u.Name + "的联系方式："
}

// unitReply is a unit's contacts and the measures it leads.
func (t *turn) unitReply(u *index.Unit) Reply {
	var b strings.Builder
	if u.Name != "" {
		// A person asked by name whose unit the guide does not say.
		b.WriteString("🏛 " + u.Name + "\n")
	}
	if len(u.Contacts) == 0 {
		b.WriteString("指南未列出该单位的联系人和电话。" + t.hotline() + "\n")
	}
	merged := mergeContacts(u.Contacts)
	for _, c := range merged {
		b.WriteString("☎ " + contactText(c) + t.servedBy(c, len(merged)) + t.phoneNote(c) + "\n")
	}
	var buttons [][]Button
	if len(u.Leads) > 0 {
		var nums []string
		for _, n := range u.Leads {
			nums = append(nums, "第"+strconv.Itoa(n)+"条")
		}
		b.WriteString("牵头的措施：" + strings.Join(nums, "、") + "\n")
		var row []Button
		for _, n := range u.Leads[:min(len(u.Leads), 8)] {
			row = append(row, t.button("第"+strconv.Itoa(n)+"条", actMeasure, strconv.Itoa(n)))
		}
		buttons = buttonRows(row, 4)
	}
	if len(u.Contacts) > 0 {
		b.WriteString("（电话均照录指南原文，指南发布于" + cnDate(t.published()) + "。）")
	}
	return Reply{Kind: seeds.KindUnit, Unit: u.Name, Text: strings.TrimSpace(b.String()), Contacts: cards(u.Contacts), Buttons: buttons, Measures: append([]int(nil), u.Leads...)}
}

// whomFound is the line before the contact lines a message asked for by
// naming whom: which person the guide lists for a surname and title
// ("您说的王主任，指南列的是区住建委房屋安全事务中心的王某"), as a clerk
// who looked the name up would say before reading the number out, and that
// the guide gives no e-mail (or mobile, 微信, address) when one was asked
// for, so the phones below are not taken for it. "" when neither applies.
func (t *turn) whomFound(a *index.Ask, u *index.Unit) string {
	var lines []string
	who := ""
	if people := unitPeople(u); len(people) == 1 {
		who = people[0]
	}
	if a.Called != "" && who != "" {
		c := u.Contacts[0]
		lines = append(lines, "您说的"+a.Called+"，指南列的是"+c.Unit+c.Department+"的"+who+"。")
	}
	if way := t.ix.Unlisted(a.Text, u.Contacts); way != "" && len(u.Phones()) > 0 {
		if who == "" {
			who = u.Name
		}
		lines = append(lines, "指南没有列出"+who+"的"+way+"，只列了下面的电话。")
	}
	return strings.Join(lines, "\n")
}

// unitPeople are the people of a unit's contact lines, without repeats.
func unitPeople(u *index.Unit) []string {
	var out []string
	for _, c := range u.Contacts {
		for _, p := range c.People {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// servedBy names the measures whose contact c is, "（第70条）", when the
// unit has several contact lines (of, their number): one called about rent
// should not dial the line the guide gives for graduates' hiring.
func (t *turn) servedBy(c seeds.Contact, of int) string {
	if of < 2 || len(c.Phones) == 0 {
		return ""
	}
	var nums []string
	for _, m := range t.g.Measures {
		if m.Answerable() && slices.ContainsFunc(m.Contacts, func(o seeds.Contact) bool {
			return o.Unit == c.Unit && slices.Contains(o.Phones, c.Phones[0])
		}) {
			nums = append(nums, "第"+strconv.Itoa(m.Number)+"条")
		}
	}
	if len(nums) == 0 || len(nums) > 4 {
		return ""
	}
	return "（" + strings.Join(nums, "、") + "）"
}

// choiceReply lists candidate measures with a button each; withContact
// adds each one's lead unit and phones ("…找谁" fitting several measures).
func (t *turn) choiceReply(lead string, nums []int, withContact bool) Reply {
	var b strings.Builder
	b.WriteString(lead + "\n")
	var buttons [][]Button
	var shown []int
	for _, n := range nums {
		m := t.g.Measure(n)
		if m == nil {
			continue
		}
		shown = append(shown, n)
		i := len(shown)
		fmt.Fprintf(&b, "%d. %s %s\n", i, t.measureTitle(m), seeds.Clip(measureBody(m, ""), 50))
		if withContact {
			b.WriteString("   " + t.leadContact(m) + "\n")
		}
		buttons = append(buttons, []Button{t.button(fmt.Sprintf("%d. 第%d条 %s", i, n, seeds.Clip(measureBody(m, ""), 12)), actMeasure, strconv.Itoa(n))})
	}
	// "2" or "第二个" picks from this list next.
	t.st.Listed = shown
	t.offer(shown)
	return Reply{Kind: seeds.KindChoice, Text: strings.TrimSpace(b.String()), Buttons: buttons, Measures: shown}
}

// leadContact is one line: the lead unit and its contacts' phones, or that
// the guide lists none.
func (t *turn) leadContact(m *seeds.Measure) string {
	if !m.HasContact() {
		return "☎ 本条未列联系人。" + t.hotline()
	}
	var parts []string
	for _, c := range mergeContacts(m.Contacts) {
		parts = append(parts, t.contactLine(c))
	}
	if len(parts) == 0 {
		return "🏛 牵头单位：" + strings.Join(m.Lead, "、") + "（指南未列电话）"
	}
	return "☎ " + strings.Join(parts, "；")
}

// examples are questions the guide answers, for greetings and declines.
func (t *turn) examples() []string {
	return t.ix.ExampleQuestions()
}

func itoa(n int) string { return strconv.Itoa(n) }

// namedUnitLines answers "白名单那个 找交通局行吗" about a measure that
// lists no contact and does not name that unit: the unit's one contact
// line wherever the guide lists it, never another unit's phone, or that
// the measure lists none of the unit's.
func (t *turn) namedUnitLines(m *seeds.Measure, a *index.Ask) (string, []seeds.Contact) {
	if a.Unit == nil || !a.Contact && !a.Has(index.AspectContact) || m.HasContact() || involves(m, a.Unit.Name) {
		return "", nil
	}
	u := a.Unit
	if len(u.Contacts) == 0 {
		return "指南没有写明本条由" + u.Name + "负责，也未列该单位的联系人。\n", nil
	}
	if len(mergeContacts(u.Contacts)) > 1 {
		// Several lines of the unit, none of them this measure's: which
		// one would answer is not written, so none is given.
		return "指南没有写明本条由" + u.Name + "负责，本条未列该单位联系人（该单位在指南中有多位联系人，分管其他措施）。\n", nil
	}
	var b strings.Builder
	b.WriteString("指南没有写明本条由" + u.Name + "负责，本条未列该单位联系人；指南在别处列出的" + u.Name + "联系方式：\n")
	for _, c := range mergeContacts(u.Contacts) {
		b.WriteString("☎ " + t.contactLine(c) + "\n")
	}
	return b.String(), u.Contacts
}
