package seeds

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	ical "github.com/arran4/golang-ical"
)

// A district may hand over its policy list as a calendar: an iCalendar
// (.ics, RFC 5545) export of a 政策日历, one VEVENT per date on which a
// measure opens, closes or reminds:
//
//	BEGIN:VCALENDAR
//	X-WR-CALNAME:某区惠企政策日历                 ← the calendar's name
//	X-WR-CALDESC:某办根据《关于印发…的通知》整理…  ← issuer, document, date
//	BEGIN:VTIMEZONE … END:VTIMEZONE
//	BEGIN:VEVENT
//	DTSTART;VALUE=DATE:20220701
//	SUMMARY:【第1项】增值税留抵退税（每月申报期提醒）
//	DESCRIPTION:对符合条件的…\n责任单位：区税务局\n政策依据：…
//	CONTACT:区税务局货物和劳务税科\, 王某\, 0631-5231406
//	X-…-ITEMNO:1
//	BEGIN:VALARM … DESCRIPTION:留抵退税申报提醒 … END:VALARM
//	END:VEVENT
//
// Lines longer than 75 octets are folded (CRLF and a space), anywhere but
// inside a character: inside a word, a number, an escape; TEXT values
// escape \n \, \; and \\. Events stand in date order, not in the
// document's; a measure may have two (its window opens, its deadline), and
// an undated catch-all event may carry several measures, each opening
// with 【第N项】 in its DESCRIPTION.
//
// icsText rewrites such a calendar into the policy list normalizeFields
// reads (the shape smsText writes): the calendar's name as the title, its
// description's date and issuer, then the measures in the document's
// numbering (【第N项】 in SUMMARY, else an X-…ITEMNO property, else a
// "（第N项）：title" line opening the DESCRIPTION), each once with its
// events' dates, its DESCRIPTION as text and its CONTACT lines as the duty
// block. Properties no reader of a policy list reads (UID, DTSTAMP, RRULE,
// STATUS, ORGANIZER, …) and the VTIMEZONE and VALARM blocks are dropped.
// A line is unfolded and unescaped by github.com/arran4/golang-ical; the
// structure is walked here, leniently: a corrupted copy (cut at 。, pieces
// copied and moved) breaks lines no parser of the standard accepts, and
// such a line is read as the rest of the property before it. An event
// that cannot be placed goes to the report. Any other text comes back
// unchanged.
var (
	// icsNumbered is a SUMMARY's or a DESCRIPTION line's item number:
	// 【第N项】, [第N项], 【N】, 第N项：.
	icsNumbered = regexp.MustCompile(`^[ \t　]*(?:[【\[［]第?[ \t　]*(\d{1,3})[ \t　]*[项条号]?[】\]］]|第(\d{1,3})[项条][：:、 \t　])[ \t　]*`)
	// icsSourceLine is a DESCRIPTION's first line naming the item it
	// states: "政策原文（第4项）：title".
	icsSourceLine = regexp.MustCompile(`^[^（(\n]{0,12}[（(]第(\d{1,3})[项条][）)][：:][ \t　]*(.+)$`)
	// icsTag is a SUMMARY's trailing bracket saying which date of the
	// measure the event marks ("（申报截止）", "（第二批）").
	icsTag = regexp.MustCompile(`[（(]([^（()）]*(?:开始|截止|提醒|申报|受理|到期|期|发放|批|专场|季度|半年|拨付|申请|生效|有效|启动|结束)[^（()）]*)[）)][ \t　]*$`)
	// icsDate is a DATE or DATE-TIME value.
	icsDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}Z?)?$`)
	// icsPublished is a date in the calendar's description, with the
	// word saying it is the document's.
	icsPublished = regexp.MustCompile(`(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})日?[ \t　]*(?:印发|发布|公布|制发|出台|起施行|施行)`)
	// icsIssuer is the calendar description's opening organisation,
	// before the verb saying it compiled or issued the calendar.
	icsIssuer = regexp.MustCompile(`^[ \t　]*(?:(?:发布单位|发布机关|编制单位|来源|发文机关)[：:][ \t　]*)?(?:(?:本\p{Han}{0,3}?)?由)?(\p{Han}{2,30}?(?:办公室|人民政府|委员会|局|委|办|中心|专班))(?:[ \t　]*(?:根据|依据|按照|据|编制|整理|发布|制作|汇编|印发|[，,。：:；;]))`)
	// icsPhone is a phone in a CONTACT value: an area code joined by a
	// hyphen (full-width too), a space or brackets, a local number, a
	// mobile, a hotline.
	icsPhone    = regexp.MustCompile(`(?:[（(]\s*(0\d{2,3})\s*[）)]\s*|(0\d{2,3})\s*[-－—‐]\s*|(0\d{2,3})[ \t　]+)?(1[3-9]\d{9}|\d{5,8})`)
	icsAreaCode = regexp.MustCompile(`(?:^|[^\d])(0\d{2,3})[-－]\d{7,8}(?:$|[^\d])`)
	icsLocal7   = regexp.MustCompile(`^[2-9]\d{6}$`)
	// icsPersonRe is a person's name: two to four Han characters.
	icsPersonRe = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// icsHours is service hours in brackets at the end of a unit.
	icsHours = regexp.MustCompile(`[（(]([^（）()]*(?:小时|工作日|\d{1,2}[:：]\d{2}|全天|节假日)[^（）()]*)[）)]\s*$`)
	icsEmail = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// icsPropName opens a content line: a name and a ";" or ":".
	icsPropName = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*)[;:]`)
)

// icsProp is one content line, unfolded: its name, parameters and raw
// (still escaped) value.
type icsProp struct {
	name, params, value string
}

// icsEvent is one VEVENT's properties that carry policy text.
type icsEvent struct {
	summary, description string
	start, end           string // DTSTART's and DTEND's values
	endDate              bool   // DTEND is a DATE (exclusive)
	items                []int  // X-…ITEMNO's numbers
	contacts             []string
	line                 string // the SUMMARY, for the report
}

// isICS reports whether text is an iCalendar file: a VCALENDAR holding an
// event.
func isICS(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	if len(head) < 15 || !strings.EqualFold(head[:15], "BEGIN:VCALENDAR") {
		return false
	}
	return strings.Contains(text, "BEGIN:VEVENT") || strings.Contains(text, "BEGIN:VTODO")
}

// icsLines returns the calendar's content lines, unfolded.
func icsLines(text string) []icsProp {
	cs := ical.NewCalendarStream(strings.NewReader(text))
	var out []icsProp
	for {
		l, err := cs.ReadLine()
		if l != nil {
			line := strings.TrimRight(string(*l), "\r")
			if m := icsPropName.FindStringSubmatchIndex(line); m != nil {
				name := strings.ToUpper(line[m[2]:m[3]])
				params, value := icsSplit(line[m[3]:])
				out = append(out, icsProp{name: name, params: params, value: value})
			} else if len(out) > 0 && strings.TrimSpace(line) != "" {
				// A line that opens no property: a corrupted copy's
				// break inside a value.
				out[len(out)-1].value += line
			}
		}
		if err != nil || l == nil {
			// io.EOF ends the text; a reader of a string fails no other way.
			break
		}
	}
	return out
}

// icsSplit cuts ";params:value" at the first colon outside quotes.
func icsSplit(s string) (params, value string) {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				return strings.TrimPrefix(s[:i], ";"), s[i+1:]
			}
		}
	}
	return strings.TrimPrefix(s, ";"), ""
}

// icsUnescape reads a TEXT value.
func icsUnescape(s string) string {
	return strings.TrimSpace(ical.FromText(s))
}

// icsMeasure is one measure gathered from its events.
type icsMeasure struct {
	num      int
	title    string
	text     []string // DESCRIPTION's lines other than the duty lines
	duty     []string // 责任单位 lines as written
	details  []string // detail lines (政策依据：…), each its own sentence
	people   []string // 联系人 lines as written (a catch-all event's)
	contacts []string // CONTACT values, unescaped
	dates    []string // "DTSTART|the date as written", one an event
	// last is, for each sentence of text, the latest event (its place
	// in the file) that gave it: see icsOwnSentences.
	last map[string]int
}

// icsText: see above. It returns the policy list, the lines it could not
// place and the copies of sentences it dropped (see icsOwnSentences), or
// text unchanged.
func icsText(text string) (string, []Unread, []Duplicate) {
	if !isICS(text) {
		return text, nil, nil
	}
	props := icsLines(text)
	var (
		events        []*icsEvent
		cur           *icsEvent
		stack         []string
		calName, desc string
		stamps        []string
	)
	for _, p := range props {
		switch p.name {
		case "BEGIN":
			c := strings.ToUpper(strings.TrimSpace(p.value))
			if (c == "VEVENT" || c == "VTODO") && cur != nil {
				// The END of the event before was lost.
				stack = stack[:0]
			}
			stack = append(stack, c)
			if c == "VEVENT" || c == "VTODO" {
				cur = &icsEvent{}
				events = append(events, cur)
			}
			continue
		case "END":
			c := strings.ToUpper(strings.TrimSpace(p.value))
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == c {
					stack = stack[:i]
					break
				}
			}
			if c == "VEVENT" || c == "VTODO" {
				cur = nil
			}
			continue
		}
		inner := ""
		if len(stack) > 0 {
			inner = stack[len(stack)-1]
		}
		if cur == nil || inner != "VEVENT" && inner != "VTODO" {
			// The calendar's own properties; a VALARM's and a
			// VTIMEZONE's are no policy text.
			if inner == "" || inner == "VCALENDAR" {
				switch p.name {
				case "X-WR-CALNAME", "NAME":
					calName = icsUnescape(p.value)
				case "X-WR-CALDESC", "DESCRIPTION":
					desc = icsUnescape(p.value)
				}
			}
			continue
		}
		switch {
		case p.name == "SUMMARY":
			cur.summary = icsUnescape(p.value)
		case p.name == "DESCRIPTION":
			if cur.description == "" {
				cur.description = icsUnescape(p.value)
			}
		case p.name == "CONTACT":
			cur.contacts = append(cur.contacts, icsUnescape(p.value))
		case p.name == "DTSTART":
			cur.start = strings.TrimSpace(p.value)
		case p.name == "DTEND" || p.name == "DUE":
			cur.end = strings.TrimSpace(p.value)
			cur.endDate = strings.Contains(strings.ToUpper(p.params), "VALUE=DATE") && !strings.Contains(strings.ToUpper(p.params), "DATE-TIME") || len(cur.end) == 8
		case p.name == "DTSTAMP":
			stamps = append(stamps, p.value)
		case strings.HasPrefix(p.name, "X-") && (strings.HasSuffix(p.name, "ITEMNO") || strings.HasSuffix(p.name, "ITEM-NO") || strings.HasSuffix(p.name, "ITEMNUM")):
			for _, f := range strings.FieldsFunc(icsUnescape(p.value), func(r rune) bool { return strings.ContainsRune(",;、，； \t", r) }) {
				if n, err := strconv.Atoi(f); err == nil && n > 0 && n < 1000 {
					cur.items = AppendNewInt(cur.items, n)
				}
			}
		}
	}
	if len(events) == 0 {
		return text, nil, nil
	}
	var unread []Unread
	measures := map[int]*icsMeasure{}
	get := func(n int) *icsMeasure {
		if measures[n] == nil {
			measures[n] = &icsMeasure{num: n}
		}
		return measures[n]
	}
	var unnumbered []*icsEvent
	var intros []string       // the catch-all events' introductions
	var foreign []icsFragment // items' text inside another item's event
	whole := map[int]bool{}   // items a catch-all event states in full
	for at, e := range events {
		if parts := icsSplitItems(e.description); len(parts) >= 2 {
			// A catch-all event naming several measures.
			intros = append(intros, icsIntro(e.description)...)
			for _, pt := range parts {
				whole[pt.num] = true
				m := get(pt.num)
				icsAddText(m, pt.title, pt.lines, at)
			}
			icsPlaceContacts(e, parts, measures, &unread)
			continue
		}
		n, title := 0, e.summary
		if m := icsNumbered.FindStringSubmatch(e.summary); m != nil {
			n, _ = strconv.Atoi(m[1] + m[2])
			title = e.summary[len(m[0]):]
		}
		lines := strings.Split(e.description, "\n")
		if m := icsSourceLine.FindStringSubmatch(strings.TrimSpace(lines[0])); m != nil {
			// The document's own title of the item, with its number.
			k, _ := strconv.Atoi(m[1])
			if n == 0 || n == k {
				n, title, lines = k, m[2], lines[1:]
			}
		}
		byItemNo := false
		if n == 0 && len(e.items) == 1 {
			n, byItemNo = e.items[0], true
		}
		if n == 0 {
			unnumbered = append(unnumbered, e)
			continue
		}
		m := get(n)
		title, tag := icsTitle(title)
		tail := m
		if len(e.items) > 1 && !slices.Contains(e.items, n) {
			// The tail of a catch-all event moved into n's: its
			// contacts are no one measure's.
			for _, c := range e.contacts {
				unread = append(unread, Unread{Line: Clip(c, 40), Why: "a contact of a calendar event listing several items, beside another item's text"})
			}
			e.contacts = nil
			var own []string
			for _, l := range lines {
				if k, _ := fieldAt(strings.TrimSpace(l)); k != fieldUnit {
					own = append(own, l)
				}
			}
			lines = own
		}
		if len(e.items) == 1 && e.items[0] != n {
			// The event's number and its X-…ITEMNO disagree: a
			// corrupted copy moved the text after a DESCRIPTION's
			// last 。 (its 责任单位 line, the CONTACT lines, the
			// ITEMNO) into another event. That tail is the ITEMNO's
			// measure's; the SUMMARY and the text before are n's.
			tail = get(e.items[0])
			var own []string
			for _, l := range lines {
				if k, _ := fieldAt(strings.TrimSpace(l)); k == fieldUnit {
					tail.duty = []string{strings.TrimSpace(l)}
					continue
				}
				own = append(own, l)
			}
			lines = own
		}
		had := len(foreign)
		lines = icsForeignItems(n, lines, func(k int, title string, lines []string) {
			// The sentences after the piece run on into the event's
			// tail: its X-…ITEMNO's measure's (see icsGiveFragment).
			foreign = append(foreign, icsFragment{num: k, host: tail.num, title: title, lines: lines, at: at})
		})
		catchAll := byItemNo && len(foreign) > had
		if catchAll {
			// An event numbered by its X-…ITEMNO alone whose
			// DESCRIPTION holds another item's number: a corrupted
			// copy of a catch-all event's head (its SUMMARY, date
			// and the items' opening) ran on into n's tail. The
			// SUMMARY and the date are the catch-all's, not n's.
			title, tag = "", ""
		}
		icsAddText(m, title, lines, at)
		tail.contacts = AppendNew(tail.contacts, e.contacts...)
		if d := icsWhen(e, tag); d != "" && !catchAll {
			m.dates = AppendNew(m.dates, e.start+"|"+d)
		}
	}
	for _, f := range foreign {
		icsGiveFragment(f, get, whole[f.num])
	}
	if len(measures) == 0 {
		// A calendar numbering nothing: each event with its own title
		// is a measure, in the calendar's order.
		for at, e := range unnumbered {
			title, tag := icsTitle(e.summary)
			var m *icsMeasure
			for _, o := range measures {
				if o.title == title {
					m = o
				}
			}
			if m == nil {
				m = get(len(measures) + 1)
			}
			icsAddText(m, title, strings.Split(e.description, "\n"), at)
			m.contacts = AppendNew(m.contacts, e.contacts...)
			if d := icsWhen(e, tag); d != "" {
				m.dates = AppendNew(m.dates, e.start+"|"+d)
			}
		}
	} else {
		for _, e := range unnumbered {
			unread = append(unread, Unread{Line: Clip(e.summary, 40), Why: "a calendar event with no item number"})
		}
	}
	nums := make([]int, 0, len(measures))
	for n := range measures {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	area := icsArea(desc, measures)
	said := append(icsSentences(desc), intros...)
	copies, frame := icsOwnSentences(measures, nums, func(s string) bool {
		return slices.Contains(said, s) || icsSpeaksOfCalendar(calName, s)
	})
	for _, s := range frame {
		// The calendar's sentence a corrupted copy moved into an
		// event: read in the introduction, where it stood.
		if !slices.Contains(said, s) {
			desc += "\n" + s
			said = append(said, s)
		}
	}

	// A line most measures' DESCRIPTIONs repeat (the document they come
	// from) is the calendar's: said once in its introduction (not at all
	// where the description says it), since a sentence standing alike
	// under each would be read as a corrupted copy's.
	common := map[string]int{}
	for _, m := range measures {
		for _, d := range m.details {
			common[d]++
		}
	}
	var shared []string
	for _, n := range nums {
		m := measures[n]
		var own []string
		for _, d := range m.details {
			if len(measures) >= 3 && common[d]*2 > len(measures) {
				shared = AppendNew(shared, d)
			} else {
				own = append(own, d)
			}
		}
		m.details = own
	}

	var b []string
	title := calName
	if title == "" {
		title = "政策日历"
	}
	b = append(b, title)
	if m := icsPublished.FindStringSubmatch(desc); m != nil {
		b = append(b, "发布日期："+m[1]+"-"+pad2(m[2])+"-"+pad2(m[3]))
	} else if d := icsStamp(stamps); d != "" {
		b = append(b, "发布日期："+d)
	}
	if m := icsIssuer.FindStringSubmatch(desc); m != nil {
		b = append(b, "来源："+m[1]+"。")
	}
	for _, l := range strings.Split(desc, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			switch k, v := fieldAt(l); {
			case k == fieldUnit || k == fieldContact:
				// A calendar's description names no measure's
				// duty: a corrupted copy moved an event's tail
				// into it, and read in the introduction the line
				// would end it there, the lines after it read
				// as a measure's.
				continue
			case k == fieldDetail && v != "" && strings.Contains(strings.Replace(desc, l, "", 1), strings.TrimSuffix(v, "。")):
				// A field line (政策依据：…) whose value the
				// description says already: an event's tail
				// moved into it, dropped as a shared line is
				// below; read in the introduction it would be
				// taken for a measure's follow-up.
				continue
			}
			b = append(b, ended(l))
		}
	}
	for _, l := range shared {
		// Said in the calendar's description already, or said there.
		if _, v := fieldAt(l); v != "" && strings.Contains(desc, strings.TrimSuffix(v, "。")) {
			continue
		}
		if len(b) > 0 {
			b[len(b)-1] += l
		}
	}
	for _, n := range nums {
		m := measures[n]
		t := m.title
		if t == "" && len(m.text) > 0 {
			t = icsFirstSentence(m.text[0])
		}
		b = append(b, strconv.Itoa(n)+". "+titleText(strings.TrimSuffix(t, "。")))
		body := strings.Join(m.text, "")
		if body == "" {
			body = t
		}
		b = append(b, "政策内容："+ended(body))
		b = append(b, m.details...)
		// The dates in their order ("20220701|2022年7月1日…").
		sort.Strings(m.dates)
		for i, d := range m.dates {
			_, m.dates[i], _ = strings.Cut(d, "|")
		}
		if len(m.dates) > 0 {
			// Named by its title: two measures' dates may read alike.
			b = append(b, titleText(strings.TrimSuffix(t, "。"))+"办理日程："+strings.Join(m.dates, "；")+"。")
		}
		d, ur := icsDuty(m, area)
		unread = append(unread, ur...)
		b = append(b, d...)
	}
	return strings.Join(b, "\n"), unread, copies
}

// AppendNewInt appends the ints of xs not yet in dst.
func AppendNewInt(dst []int, xs ...int) []int {
	for _, x := range xs {
		found := false
		for _, d := range dst {
			if d == x {
				found = true
			}
		}
		if !found {
			dst = append(dst, x)
		}
	}
	return dst
}

// icsFirstSentence is s up to its first 。 or ，.
func icsFirstSentence(s string) string {
	if i := strings.IndexAny(s, "。，"); i > 0 {
		return s[:i]
	}
	return Clip(s, 30)
}

// icsTitle cuts a SUMMARY's trailing tag (the date it marks) from the title.
func icsTitle(s string) (title, tag string) {
	s = strings.TrimSpace(s)
	if m := icsTag.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		return strings.TrimSpace(s[:m[0]]), s[m[2]:m[3]]
	}
	return s, ""
}

// icsAddText gives m the title and the DESCRIPTION's lines of one of its
// events: the first event's text stands, another's adds the lines it lacks.
func icsAddText(m *icsMeasure, title string, lines []string, at int) {
	if m.title == "" {
		m.title = strings.TrimSpace(title)
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		switch k, _ := fieldAt(l); {
		case k == fieldUnit:
			// One 责任单位 line a measure: a corrupted copy's last
			// copy of a piece stands in its place, an earlier one
			// beside another measure's text.
			m.duty = []string{l}
		case strings.HasPrefix(l, "联系人：") || strings.HasPrefix(l, "联系人:"):
			m.people = AppendNew(m.people, l)
		case k == fieldDetail:
			m.details = AppendNew(m.details, ended(l))
		default:
			// Sentence by sentence: a corrupted copy's first copy of
			// an event may run on into copied sentences ("A。B。")
			// while its last copy says "A。" alone; the line would
			// say A twice.
			var have []string
			for _, t := range m.text {
				have = append(have, icsSentences(t)...)
			}
			var add string
			for _, s := range icsSentences(ended(l)) {
				if m.last == nil {
					m.last = map[string]int{}
				}
				m.last[s] = max(m.last[s], at)
				if !slices.Contains(have, s) {
					add += s
					have = append(have, s)
				}
			}
			if add != "" {
				m.text = append(m.text, add)
			}
		}
	}
}

// icsInlineItem is an item number inside a line.
var icsInlineItem = regexp.MustCompile(`[【\[［]第?[ \t　]*\d{1,3}[ \t　]*[项条号]?[】\]］]`)

// icsForeignItems returns the lines of measure n's DESCRIPTION up to
// another item's number (【第N项】, a corrupted copy's piece of a catch-all
// event moved into it), and gives the text from there on to that item.
func icsForeignItems(n int, lines []string, give func(k int, title string, lines []string)) []string {
	var own []string
	cur := n
	var title string
	var other []string
	flush := func() {
		if cur != n {
			give(cur, title, other)
		}
	}
	for _, l := range lines {
		for _, piece := range icsCutItems(l) {
			if m := icsNumbered.FindStringSubmatch(piece); m != nil {
				if k, _ := strconv.Atoi(m[1] + m[2]); k > 0 {
					flush()
					cur, other = k, nil
					rest := piece[len(m[0]):]
					title = rest
					if i := strings.Index(rest, "。"); i > 0 {
						title, rest = rest[:i], rest[i+len("。"):]
					} else {
						rest = ""
					}
					if cur == n {
						own = append(own, rest)
					} else if rest != "" {
						other = append(other, rest)
					}
					continue
				}
			}
			if cur == n {
				own = append(own, piece)
			} else {
				other = append(other, piece)
			}
		}
	}
	flush()
	return own
}

// icsFragment is the text after an item's number inside another item's
// event: the piece of a catch-all event a corrupted copy moved into it,
// which may run on into the sentences of the event's tail's measure
// (host: the X-…ITEMNO's where it names one, else the event's).
type icsFragment struct {
	num, host int
	title     string
	lines     []string
	at        int // the event's place in the file
}

// icsGiveFragment gives a fragment's text to its item. Where a catch-all
// event states that item in full (whole), the fragment's sentences the
// item's text lacks are no part of it: the piece of the catch-all event
// ended at a 。 and the host event's text ran on after it, up to the
// host's own tail (its 责任单位, CONTACT and X-…ITEMNO), so they are the
// host's.
func icsGiveFragment(f icsFragment, get func(int) *icsMeasure, whole bool) {
	m := get(f.num)
	if !whole {
		icsAddText(m, f.title, f.lines, f.at)
		return
	}
	var have []string
	for _, t := range m.text {
		have = append(have, icsSentences(t)...)
	}
	var own, host []string
	for _, l := range f.lines {
		l = strings.TrimSpace(l)
		k, _ := fieldAt(l)
		if k != fieldNone || strings.HasPrefix(l, "联系人") {
			// A field line the item states already is its copy;
			// another is the host's tail.
			switch h := get(f.host); {
			case slices.Contains(m.duty, l) || slices.Contains(m.people, l) || slices.Contains(m.details, ended(l)):
				own = append(own, l)
			case k != fieldUnit || len(h.duty) == 0:
				// The host's own 责任单位 line, read in its
				// place, stands.
				host = append(host, l)
			}
			continue
		}
		for _, s := range icsSentences(ended(l)) {
			if slices.Contains(have, s) {
				own = append(own, s)
			} else {
				host = append(host, s)
			}
		}
	}
	icsAddText(m, f.title, own, f.at)
	icsAddText(get(f.host), "", host, f.at)
}

// icsCutItems cuts a line before each item number inside it.
func icsCutItems(l string) []string {
	locs := icsInlineItem.FindAllStringIndex(l, -1)
	if len(locs) == 0 {
		return []string{l}
	}
	var out []string
	start := 0
	for _, loc := range locs {
		if loc[0] > start {
			out = append(out, l[start:loc[0]])
		}
		start = loc[0]
	}
	return append(out, l[start:])
}

// icsPart is one measure of a catch-all event.
type icsPart struct {
	num   int
	title string
	lines []string
}

// icsSplitItems cuts a DESCRIPTION at the lines opening with an item
// number (【第N项】); the text before the first is the event's intro.
func icsSplitItems(desc string) []icsPart {
	var parts []icsPart
	for _, l := range strings.Split(desc, "\n") {
		if m := icsNumbered.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			parts = append(parts, icsPart{num: n, title: strings.TrimSpace(l[len(m[0]):])})
			continue
		}
		if len(parts) > 0 && strings.TrimSpace(l) != "" {
			parts[len(parts)-1].lines = append(parts[len(parts)-1].lines, l)
		}
	}
	return parts
}

// icsPlaceContacts gives each CONTACT of a catch-all event to the measure
// whose 联系人 line names its phone or person; one no line names goes to
// the report.
func icsPlaceContacts(e *icsEvent, parts []icsPart, measures map[int]*icsMeasure, unread *[]Unread) {
	for _, c := range e.contacts {
		placed := false
		for _, pt := range parts {
			m := measures[pt.num]
			for _, l := range m.people {
				if icsNames(l, c) {
					m.contacts = AppendNew(m.contacts, c)
					placed = true
				}
			}
		}
		if !placed {
			*unread = append(*unread, Unread{Line: Clip(c, 40), Why: "a catch-all calendar event's contact no measure's 联系人 line names"})
		}
	}
	for _, pt := range parts {
		// The 联系人 lines were read through the CONTACT lines.
		if m := measures[pt.num]; len(m.contacts) > 0 {
			m.people = nil
		}
	}
}

// icsNames reports whether a 联系人 line names the contact: its phone's
// digits, or its person.
func icsNames(line, contact string) bool {
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	ld := digits(line)
	_, person, _, phones, _ := icsContactFields(contact)
	for _, p := range phones {
		if d := digits(p); len(d) >= 5 && strings.Contains(ld, d) {
			return true
		}
	}
	return person != "" && strings.Contains(line, person)
}

// icsContactFields reads a CONTACT value, "unit, person, phone" (some
// missing; a phone alone with its hotline's name): the unit, the person,
// the phones and the e-mail addresses.
func icsContactFields(c string) (unit, person, hours string, phones, emails []string) {
	for _, f := range strings.FieldsFunc(c, func(r rune) bool { return r == ',' || r == '，' }) {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if e := icsEmail.FindString(f); e != "" {
			emails = AppendNew(emails, e)
			continue
		}
		if ps := icsPhones(f); len(ps) > 0 {
			phones = AppendNew(phones, ps...)
			rest := strings.TrimSpace(icsPhone.ReplaceAllString(f, ""))
			rest = strings.TrimRight(rest, " \t　;；、/:：")
			if rest != "" && unit == "" && !icsPersonRe.MatchString(rest) && !strings.Contains(rest, "热线") {
				// A hotline's name beside its number is no unit.
				unit = rest
			}
			continue
		}
		if m := icsHours.FindStringSubmatchIndex(f); m != nil {
			// Service hours in brackets after the unit:
			// "区某专班(24小时)".
			hours = f[m[2]:m[3]]
			f = strings.TrimSpace(f[:m[0]])
		}
		switch {
		case person == "" && unit != "" && icsPersonRe.MatchString(f) && !hasAnySuffix(f, smsUnitEnd):
			person = f
		case unit == "":
			unit = f
		}
	}
	return unit, person, hours, phones, emails
}

// icsPhones finds the phones in a field, written as the parser reads them
// (0631-5231406): an area code in brackets, after a space or a full-width
// hyphen joined by "-".
func icsPhones(f string) []string {
	var out []string
	for _, m := range icsPhone.FindAllStringSubmatch(f, -1) {
		code := m[1] + m[2] + m[3]
		if code != "" {
			out = append(out, code+"-"+m[4])
		} else {
			out = append(out, m[4])
		}
	}
	return out
}

// icsArea is the area code the calendar's own phones carry, when they
// agree on one: a 7-digit local number, which the parser reads with none,
// gets it.
func icsArea(desc string, measures map[int]*icsMeasure) string {
	codes := map[string]bool{}
	add := func(s string) {
		for _, m := range icsAreaCode.FindAllStringSubmatch(s, -1) {
			codes[m[1]] = true
		}
	}
	add(strings.ReplaceAll(desc, "－", "-"))
	for _, m := range measures {
		for _, c := range m.contacts {
			_, _, _, ps, _ := icsContactFields(c)
			add(strings.Join(ps, " "))
		}
	}
	if len(codes) != 1 {
		return ""
	}
	for c := range codes {
		return c
	}
	return ""
}

// icsDuty writes a measure's duty block (see listDutyLines): the units
// its DESCRIPTION names, its hotlines, each person with the unit and the
// person's phones, e-mail addresses on their own line.
func icsDuty(m *icsMeasure, area string) ([]string, []Unread) {
	var unread []Unread
	var cs []listContact
	var emails, units []string
	for _, c := range m.contacts {
		unit, person, hours, phones, em := icsContactFields(c)
		emails = AppendNew(emails, em...)
		var ps, hot []string
		for _, p := range phones {
			if icsLocal7.MatchString(p) {
				if area == "" {
					unread = append(unread, Unread{Line: Clip(c, 40), Why: "a 7-digit number and no area code in the calendar: " + p})
					continue
				}
				p = area + "-" + p
			}
			if hours != "" {
				p += "（" + hours + "）"
			}
			if person == "" || len(p) <= 5 {
				hot = append(hot, p)
			} else {
				ps = append(ps, p)
			}
		}
		if person == "" {
			// A unit with a hotline: its phones are the hotlines.
			hot, ps = append(hot, ps...), nil
		}
		if person == "" && unit != "" && len(hot) > 0 {
			// Written on a line of its own: a unit named in brackets
			// after a hotline reads as a label where its name holds
			// one (区燃气热线).
			units = append(units, "联系单位："+unit+"　　咨询电话："+strings.Join(hot, "、"))
			continue
		}
		if len(ps) > 1 {
			// One person's numbers parted by "；": after "、" a 7-digit
			// number and a mobile read as one number cut by a line's end.
			ps = []string{strings.Join(ps, "；")}
		}
		cs = append(cs, listContact{unit: unit, person: person, phones: ps, hotlines: hot})
	}
	lines := append(listDutyLines(cs, smsUnitDept), units...)
	if len(m.duty) > 0 {
		// The DESCRIPTION's own 责任单位 line names the units.
		if len(lines) > 0 && strings.HasPrefix(lines[0], "责任单位：") {
			lines = lines[1:]
		}
		lines = append(append([]string{}, m.duty...), lines...)
	}
	if len(emails) > 0 {
		lines = append(lines, "电子邮箱："+strings.Join(emails, "、"))
	}
	if len(m.contacts) == 0 {
		lines = append(lines, m.people...)
	}
	return lines, unread
}

// icsWhen writes an event's date (and time, or range) with its tag:
// "2022年7月1日（申报截止）".
func icsWhen(e *icsEvent, tag string) string {
	s := icsDay(e.start)
	if s == "" {
		return ""
	}
	if m := icsDate.FindStringSubmatch(e.start); m != nil && m[4] != "" {
		s += m[4] + ":" + m[5]
	}
	if end := icsDay(e.end); end != "" && e.endDate {
		// An all-day event's DTEND is the day after its last.
		if m := icsDate.FindStringSubmatch(e.end); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			y, mo, d = icsDayBefore(y, mo, d)
			if last := strconv.Itoa(y) + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(d) + "日"; last != s {
				s += "至" + last
			}
		}
	}
	if tag != "" {
		s += "（" + tag + "）"
	}
	return s
}

// icsDay writes a DATE value's day as 2022年7月1日; "" for no date.
func icsDay(v string) string {
	m := icsDate.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return m[1] + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(d) + "日"
}

func icsDayBefore(y, m, d int) (int, int, int) {
	if d > 1 {
		return y, m, d - 1
	}
	m--
	if m == 0 {
		return y - 1, 12, 31
	}
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return y, m, days
}

// icsStamp is the most common DTSTAMP's day, as 2022-06-21.
func icsStamp(stamps []string) string {
	count := map[string]int{}
	best := ""
	for _, s := range stamps {
		if m := icsDate.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
			d := m[1] + "-" + m[2] + "-" + m[3]
			count[d]++
			if count[d] > count[best] || count[d] == count[best] && d < best {
				best = d
			}
		}
	}
	return best
}

// icsSentences cuts s after every 。, each piece trimmed.
func icsSentences(s string) []string {
	var out []string
	for s != "" {
		i := strings.Index(s, "。")
		if i < 0 {
			i = len(s) - len("。")
		}
		if p := strings.TrimSpace(s[:i+len("。")]); p != "" {
			out = append(out, p)
		}
		s = s[i+len("。"):]
	}
	return out
}

// icsIntro returns the sentences of a catch-all event's DESCRIPTION before
// its first item number: the event's introduction, no item's text.
func icsIntro(desc string) []string {
	var out []string
	for _, l := range strings.Split(desc, "\n") {
		if icsNumbered.MatchString(l) {
			break
		}
		out = append(out, icsSentences(strings.TrimSpace(l))...)
	}
	return out
}

// icsOwnSentences leaves each sentence of the measures' texts with one
// measure, the calendar's own sentences (its description's, a catch-all
// event's introduction, one speaking of the calendar) with none, and
// returns those as frame. A corrupted copy interleaves copies of
// sentences with the file's opening ones, so an event early in the file
// may hold another measure's sentence (or the calendar's), while the
// sentence's last occurrence stands in its own event: events stand in
// date order and a measure is written in the document's numbering, so
// the policy list would put the copy wherever its number falls, and the
// reader of a corrupted text keeps the later one. A sentence two measures
// share goes to the one whose event gave it last in the file; where one
// event gave it to both, both keep it. It returns the copies it dropped,
// for the report: the parser is not to read them as a copy's corruption
// left in the policy list.
func icsOwnSentences(measures map[int]*icsMeasure, nums []int, calendar func(string) bool) (copies []Duplicate, frame []string) {
	owner := map[string]int{} // sentence -> measure with its latest event, -1 on a tie
	latest := map[string]int{}
	count := map[string]int{}
	for _, n := range nums {
		for s, at := range measures[n].last {
			count[s]++
			switch l, ok := latest[s]; {
			case !ok || at > l:
				owner[s], latest[s] = n, at
			case at == l:
				owner[s] = -1
			}
		}
	}
	for _, n := range nums {
		m := measures[n]
		var text []string
		for _, l := range m.text {
			var keep string
			for _, s := range icsSentences(l) {
				if calendar(s) {
					frame = append(frame, s)
					continue
				}
				if count[s] > 1 && owner[s] >= 0 && owner[s] != n {
					copies = append(copies, Duplicate{Sentence: stripSpace(s), Copies: 1})
					continue
				}
				keep += s
			}
			if keep != "" {
				text = append(text, keep)
			}
		}
		m.text = text
	}
	return copies, frame
}

// icsSpeaksOfCalendar reports whether sentence s of an event speaks of the
// calendar itself: it names the calendar by the word its name ends with
// (环翠区惠企政策日历: 日历). A measure's text speaks of the measure, the
// calendar's description of the calendar ("日历按办理时间排列各项政策"),
// so such a sentence in an event is the description's, moved there by a
// corrupted copy.
func icsSpeaksOfCalendar(calName, s string) bool {
	for _, w := range []string{"日历", "日程表", "行事历"} {
		if strings.HasSuffix(strings.TrimSpace(calName), w) && strings.Contains(s, w) {
			return true
		}
	}
	return false
}
