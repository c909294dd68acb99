package seeds

import (
	"html"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The generic path's second reading (issue 20: a district's own guide should
// read on day one). When the readers and the shape fallback leave a text
// poorly read (see poorlyRead), the text is cleaned of what no layout puts
// in a guide's words, whatever the layout: markup residue, a line cut into
// fragments, the prefixes that turn a text into a transcript or a chat
// (times, speakers, message headers, quotes), signs before a label or a
// number; spoken starts and labels are written as a guide writes them. The
// cleaned text is read again by the same pipeline, and the reading whose
// measures pair best with contacts is kept (see betterReading). Nothing is
// guessed per layout: each step applies only where the text shows the
// feature many times, and changes nothing elsewhere.

var (
	// markupTag is a namespaced XML tag (<w:t>, </w:r>, <w:p w:rsidR=…>)
	// or a declaration: what a converter leaves of a document's XML.
	markupTag = regexp.MustCompile(`<\??/?[A-Za-z][\w.-]*:[\w.-]+(?:\s[^<>]*)?/?>|<\?xml[^<>]*\?>|</?[A-Za-z][\w.-]*:[\w.-]+`)
	// markupBreak names the tags that end a paragraph or a cell.
	markupBreak = regexp.MustCompile(`^<\??/?[A-Za-z][\w.-]*:(?:p|body|document|tr|tc|tbl|sectPr|br)(?:[\s/>]|$)`)

	// timePrefix is a time opening a line of a transcript or a subtitle
	// ("[00:03:04] ", "00:03 ").
	timePrefix = regexp.MustCompile(`^[\[【(（]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\]】)）]?[ \t　]*`)
	// speakerPrefix is a short name and a colon opening a line.
	speakerPrefix = regexp.MustCompile(`^([^\s：:，,。；;、\d\[\]【】()（）]{1,10})[：:][ \t　]*`)
	// messageHeader is a chat export's line naming a message's sender
	// and its time ("区人社局-王某  2022-06-18 09:42:35").
	messageHeader = regexp.MustCompile(`^(\S.{0,30}?)[ \t　]+(?:\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?[ \t　]+)?\d{1,2}:\d{2}(?::\d{2})?$`)
	// quoteLine is a chat reply's quotation of an earlier message, and
	// the rule under it.
	quoteLine = regexp.MustCompile(`^「[^「」]*」$|^(?:-[ \t　]*){6,}$`)
	// ruleLine is a line of rule signs, alone or around a date.
	ruleLine = regexp.MustCompile(`^[—\-=_─━]{3,}[ \t　]*(?:\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?[ \t　]*[—\-=_─━]{3,})?$`)
	// keycap is a digit written as a keycap emoji (1️⃣), or ten (🔟).
	keycap = regexp.MustCompile("(?:[0-9]\uFE0F?\u20E3|\U0001F51F)+")
	// spokenStart is an article's number said inside a line ("…。然后第五条，").
	spokenStart = regexp.MustCompile(`第([` + numeralChars + `]+)条[，,：:是]?`)
	// spokenLabel is a contact label said without its colon ("联系人是王某",
	// "电话66033483", "负责单位区住建局").
	spokenLabel = regexp.MustCompile(`(责任单位|牵头单位|负责单位|联系人|联系电话|咨询电话|电话)(?:是|为)?([\p{Han}\d])`)
)

// relaxText returns the cleaned text, or text itself where no step applies.
func relaxText(text string) string {
	t := strings.ReplaceAll(text, "\r\n", "\n")
	t = stripMarkup(t)
	t = joinFragments(t)
	t = dropTurnPrefixes(t)
	t = dropChatChrome(t)
	t = keycapNumbers(t)
	t = leadingSigns(t)
	t = startsOwnLines(t)
	t = spokenStarts(t)
	t = oneNumbering(t)
	t = endNumberLines(t)
	return t
}

// numberMark is a line's opening number and its mark ("12. ", "19、").
var numberMark = regexp.MustCompile(`^(\d{1,3})([.．、）)])[ \t　]*`)

// oneNumbering writes in one shape ("N. ") the numbers that count on from
// each other in two or more shapes (posts that number 1. … 18. and 19、 …
// 30、): one count, whoever wrote each part.
func oneNumbering(text string) string {
	lines := strings.Split(text, "\n")
	var chain []int
	marks := map[string]bool{}
	next := 1
	for i, l := range lines {
		m := numberMark.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		// A number one ahead of the count is taken too: a corrupted
		// copy may have moved one measure's start elsewhere.
		if n, _ := strconv.Atoi(m[1]); n == next || n == next+1 && len(chain) >= 3 {
			chain = append(chain, i)
			marks[m[2]] = true
			next = n + 1
		}
	}
	if len(chain) < 6 || len(marks) < 2 {
		return text
	}
	for _, i := range chain {
		m := numberMark.FindStringSubmatch(lines[i])
		lines[i] = m[1] + ". " + lines[i][len(m[0]):]
	}
	return strings.Join(lines, "\n")
}

// endNumberLines ends with 。 a line that ends in a digit before a line
// that opens with one: the readers take a seed's line breaks for noise,
// and would read the phone and the next measure's number as one number.
func endNumberLines(text string) string {
	lines := strings.Split(text, "\n")
	for i := 0; i+1 < len(lines); i++ {
		l, n := strings.TrimRight(lines[i], " \t　"), strings.TrimLeft(lines[i+1], " \t　")
		if l != "" && n != "" && isDigitByte(l[len(l)-1]) && isDigitByte(n[0]) {
			lines[i] = l + "。"
		}
	}
	return strings.Join(lines, "\n")
}

// stripMarkup drops markup residue where the text holds many tags: a tag
// that ends a paragraph leaves a blank line, any other nothing; entities
// are decoded.
func stripMarkup(text string) string {
	if len(markupTag.FindAllStringIndex(text, 30)) < 30 || isHTML(text) {
		return text
	}
	lines := strings.Split(text, "\n")
	var out []string
	for _, l := range lines {
		// A run's own spaces stay: they may part two words.
		t := strings.TrimSpace(l)
		rest := markupTag.ReplaceAllString(l, "")
		switch {
		case strings.TrimSpace(rest) == "" && t != "" && markupBreak.MatchString(t):
			out = append(out, "")
		case strings.TrimSpace(rest) == "" && t != "":
		default:
			out = append(out, html.UnescapeString(rest))
		}
	}
	return strings.Join(out, "\n")
}

// joinFragments joins the lines of each paragraph (lines between blank
// lines) where most lines are fragments: short, ending inside a sentence,
// and followed by another line of the same paragraph (a document's runs
// written one per line).
func joinFragments(text string) string {
	lines := strings.Split(text, "\n")
	var lens []int
	frag, blank := 0, 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			blank++
			continue
		}
		lens = append(lens, utf8.RuneCountInString(t))
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && !endsSentence(t) {
			frag++
		}
	}
	if len(lens) < 20 || blank*10 < len(lines) {
		return text
	}
	sort.Ints(lens)
	if lens[len(lens)/2] > 12 || frag*2 < len(lens) {
		return text
	}
	var out []string
	open := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			if open {
				out = append(out, "")
			}
			open = false
		case open:
			out[len(out)-1] += l
		default:
			out = append(out, l)
			open = true
		}
	}
	return strings.Join(out, "\n")
}

func endsSentence(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune("。！？!?；;：:", r)
}

// dropTurnPrefixes reads a transcript: lines opened by a time, a speaker's
// name and a colon. Times go; where two or more speakers take turns, the
// turns of the speakers who give the contacts (their turns hold at least a
// quarter of the phones the most giving one's hold) are kept without their
// names, the others' dropped (a caller's questions and echoes).
func dropTurnPrefixes(text string) string {
	lines := strings.Split(text, "\n")
	nonEmpty := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonEmpty++
		}
	}
	if timedLines(lines) {
		for i, l := range lines {
			lines[i] = timePrefix.ReplaceAllString(strings.TrimSpace(l), "")
		}
	}
	count := map[string]int{}
	phones := map[string]int{}
	labelled := 0
	speaker := ""
	for _, l := range lines {
		if m := speakerPrefix.FindStringSubmatch(l); m != nil && !contactWord.MatchString(m[1]) {
			speaker = m[1]
			count[speaker]++
			labelled++
		} else if strings.TrimSpace(l) == "" {
			speaker = ""
		}
		if speaker != "" {
			phones[speaker] += len(phonesIn(l))
		}
	}
	var speakers []string
	most := 0
	for s, c := range count {
		if c >= 3 {
			speakers = append(speakers, s)
			most = max(most, phones[s])
		}
	}
	if len(speakers) < 2 || labelled*5 < nonEmpty*2 || most == 0 {
		return strings.Join(lines, "\n")
	}
	var out []string
	keep := true
	for _, l := range lines {
		if m := speakerPrefix.FindStringSubmatch(l); m != nil && count[m[1]] >= 3 && !contactWord.MatchString(m[1]) {
			keep = phones[m[1]]*4 >= most
			if keep {
				out = append(out, l[len(m[0]):])
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			keep = true
		}
		if keep {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// dropChatChrome reads a chat export: message headers (sender and time)
// recurring through the text. The messages of senders whose messages hold
// no phone are dropped (greetings, questions, sign-up lists), as are
// quotations of earlier messages and the headers and rules themselves.
func dropChatChrome(text string) string {
	lines := strings.Split(text, "\n")
	headers := 0
	for _, l := range lines {
		if messageHeader.MatchString(strings.TrimSpace(l)) {
			headers++
		}
	}
	if headers < 5 {
		return text
	}
	phones := map[string]int{}
	sender := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if m := messageHeader.FindStringSubmatch(t); m != nil {
			sender = m[1]
			continue
		}
		if sender != "" && !quoteLine.MatchString(t) {
			phones[sender] += len(phonesIn(t))
		}
	}
	var out []string
	keep := true
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch m := messageHeader.FindStringSubmatch(t); {
		case m != nil:
			keep = phones[m[1]] > 0
			out = append(out, "")
		case quoteLine.MatchString(t) || ruleLine.MatchString(t):
		case keep:
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// keycapNumbers writes keycap digits opening a line as a number "N. ".
func keycapNumbers(text string) string {
	if len(keycap.FindAllStringIndex(text, 3)) < 3 {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t　")
		loc := keycap.FindStringIndex(t)
		if loc == nil || loc[0] != 0 {
			continue
		}
		digits := strings.Map(func(r rune) rune {
			switch {
			case r >= '0' && r <= '9':
				return r
			case r == '\U0001F51F':
				return 'X'
			}
			return -1
		}, t[:loc[1]])
		digits = strings.ReplaceAll(digits, "X", "10")
		lines[i] = digits + ". " + strings.TrimLeft(t[loc[1]:], " \t　")
	}
	return strings.Join(lines, "\n")
}

// leadingSigns drops the symbols (emoji, pictographs) that open a line
// before a label or a word: "☎️咨询：…" is a contact line.
func leadingSigns(text string) string {
	lines := strings.Split(text, "\n")
	n := 0
	for i, l := range lines {
		t := strings.TrimLeftFunc(l, func(r rune) bool {
			return unicode.Is(unicode.So, r) || r == '\uFE0F' || r == '\u200D' || r == ' ' || r == '　'
		})
		if t != l && t != "" && !unicode.IsSpace([]rune(l)[0]) {
			lines[i] = t
			n++
		}
	}
	if n < 3 {
		return text
	}
	return strings.Join(lines, "\n")
}

// spokenStarts reads articles said inside lines ("…。然后第二条，…"): where
// three or more say the numbers in order, each starts a line of its own
// (the words between the sentence before and the number dropped), and the
// contact labels said without a colon get one, each opening a line, so
// that the numbered layout's readers see them.
func spokenStarts(text string) string {
	locs := spokenStart.FindAllStringSubmatchIndex(text, -1)
	var cuts [][]int
	next := 1
	said := map[int][][]int{}
	for _, loc := range locs {
		n := ParseNumeral(text[loc[2]:loc[3]])
		said[n] = append(said[n], loc)
		// A number one ahead of the count is taken too: a corrupted copy
		// may have moved one article's start elsewhere.
		if n == next || n == next+1 && len(cuts) >= 3 {
			cuts = append(cuts, loc)
			next = n + 1
		}
	}
	if len(cuts) < 3 || len(cuts)*2 < len(locs) {
		return text
	}
	// A number the count skipped, said once and opening a sentence, is
	// that article's start moved elsewhere: it starts a line too, and
	// the readers see a start out of its order.
	for n := 1; n < next; n++ {
		if len(said[n]) != 1 || slices.ContainsFunc(cuts, func(c []int) bool { return ParseNumeral(text[c[2]:c[3]]) == n }) {
			continue
		}
		loc := said[n][0]
		head := text[:loc[0]]
		if i := strings.LastIndexAny(head, "。！？\n"); i >= 0 && utf8.RuneCountInString(head[i:]) <= 6 {
			cuts = append(cuts, loc)
		}
	}
	slices.SortFunc(cuts, func(a, b []int) int { return a[0] - b[0] })
	var b strings.Builder
	last := 0
	for _, loc := range cuts {
		at := loc[0]
		// The words since the last sentence's end ("然后", "接下来").
		head := text[last:at]
		if i := strings.LastIndexAny(head, "。！？\n"); i >= 0 && utf8.RuneCountInString(head[i:]) <= 6 {
			_, w := utf8.DecodeRuneInString(head[i:])
			head = head[:i+w]
		}
		b.WriteString(head)
		if !strings.HasSuffix(head, "\n") && last+len(head) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("第" + text[loc[2]:loc[3]] + "条 ")
		last = loc[1]
	}
	b.WriteString(text[last:])
	return spokenContacts(b.String())
}

// spokenContacts starts a line at the first contact label of a sentence
// that holds a phone, and writes the labels with a colon.
func spokenContacts(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		var b strings.Builder
		for _, s := range strings.SplitAfter(l, "。") {
			loc := spokenLabel.FindStringSubmatchIndex(s)
			// A unit's label says whose the measure is even where the
			// phone follows in the next turn; other labels only beside
			// a phone.
			if loc != nil && (len(phonesIn(s)) > 0 || strings.HasSuffix(s[loc[2]:loc[3]], "单位")) {
				if b.Len()+loc[0] > 0 {
					b.WriteString(s[:loc[0]] + "\n")
					s = s[loc[0]:]
				}
				s = spokenLabel.ReplaceAllStringFunc(s, func(x string) string {
					m := spokenLabel.FindStringSubmatch(x)
					if m[1] == "负责单位" {
						m[1] = "责任单位"
					}
					return m[1] + "：" + m[2]
				})
				// The units the sentence names before its first label
				// ("这条找区人社局，联系人是…") are the contact's.
				if !strings.HasPrefix(s, "责任单位") && !strings.HasPrefix(s, "牵头单位") {
					if us := saidUnits(b.String()); len(us) > 0 {
						s = "责任单位：" + strings.Join(us, "、") + "；" + s
					}
				}

			}
			b.WriteString(s)
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// holdsResidue reports whether text holds what no layout puts in a
// guide's words: markup, a chat's headers or a timed transcript's turns
// (the steps of relaxText that clean them change it). Short lines alone
// are no residue: a handbook's copy has many.
func holdsResidue(text string) bool {
	t := strings.ReplaceAll(text, "\r\n", "\n")
	return stripMarkup(t) != t || dropChatChrome(t) != t || timedLines(strings.Split(t, "\n"))
}

// timedLines reports whether a time opens many of the lines, a third of
// them or more: a transcript's or a subtitle's. (A policy list's labels
// look like speakers' names; its lines carry no times.)
func timedLines(lines []string) bool {
	timed, nonEmpty := 0, 0
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			nonEmpty++
			if timePrefix.MatchString(t) {
				timed++
			}
		}
	}
	return timed >= 5 && timed*3 >= nonEmpty
}

// readsWell reports whether a reading makes sense by the guide's own
// evidence: three measures or more, the numbered lines read, most
// measures with a contact.
func readsWell(text string, g *Guide) bool {
	return len(g.Measures) >= 3 && checkMeasures(text, g) == nil && paired(g)*2 >= len(g.Measures)
}

// paired counts the measures read with both text and a contact.
func paired(g *Guide) int {
	n := 0
	for _, m := range g.Measures {
		if m.HasText() && m.HasContact() {
			n++
		}
	}
	return n
}

// poorlyRead reports, by the guide's own evidence, a reading that makes no
// sense: no or few measures where the text numbers many (see
// checkMeasures), or far more measure starts than contacts (fewer than
// half the measures with one: the starts are wrong, or the contacts were
// not seen).
func poorlyRead(text string, g *Guide) bool {
	if len(g.Measures) < 3 || checkMeasures(text, g) != nil {
		return true
	}
	return paired(g)*2 < len(g.Measures)
}

// betterReading reports whether reading a beats reading b: a reading that
// loads beats one that does not, then the one with more measures paired
// with a contact, by a clear margin, whose measures mostly have one.
func betterReading(text string, a, b *Guide) bool {
	okA, okB := checkMeasures(text, a) == nil, checkMeasures(text, b) == nil
	pa, pb := paired(a), paired(b)
	switch {
	case len(a.Measures) < 3 || pa*2 < len(a.Measures):
		// The cleaned reading makes no sense either.
		return false
	case okA != okB:
		return okA
	}
	return pa*10 >= pb*12 && pa >= pb+3
}

// unitSaid is a unit's name as said in a sentence ("区人社局", "区财金集团").
var unitSaid = regexp.MustCompile(`(?:区|市|县)[\p{Han}]{1,14}?(?:委员会|局|委|办公室|办|中心|公司|集团|联合会|残联|总工会|管理部)`)

// saidUnits returns the units named in the last sentence of s.
func saidUnits(s string) []string {
	if i := strings.LastIndexAny(strings.TrimRight(s, "\n"), "。\n"); i >= 0 {
		s = s[i:]
	}
	var out []string
	for _, u := range unitSaid.FindAllString(s, -1) {
		out = AppendNew(out, u)
	}
	return out
}

// dropUnlikelyPeople removes, from a relaxed reading, "people" that are no
// names: a unit (区残联), a word two measures use in their text (纳税), one
// beside no phone (供电); a spoken "找X" keeps X. A name read wrongly in a guide would
// be shown as a contact, and a word like 纳税 would seem to name that
// guide's person in every other guide's replies.
func dropUnlikelyPeople(g *Guide) {
	// A word two measures' texts use is a word, not a name: a name is
	// written at most in its own measure's text.
	inTexts := func(p string) int {
		n := 0
		for _, m := range g.Measures {
			if strings.Contains(m.Text+strings.Join(m.Details, ""), p) {
				n++
			}
		}
		return n
	}
	for i := range g.Measures {
		for j := range g.Measures[i].Contacts {
			c := &g.Measures[i].Contacts[j]
			if len(c.Phones) == 0 && len(c.Emails) == 0 {
				// No way to reach them: a word read where a name would
				// stand (国网…供电 → 供电), not a person to show.
				c.People = nil
				continue
			}
			var keep []string
			for _, p := range c.People {
				if q, ok := strings.CutPrefix(p, "找"); ok && utf8.RuneCountInString(q) >= 2 {
					p = q
				}
				if !personLike(p) || unitLike(p) || hasAnySuffix(p, unitSuffixes) || strings.IndexAny(p, "区市县") == 0 || inTexts(p) >= 2 {
					continue
				}
				if !slices.Contains(keep, p) {
					keep = append(keep, p)
				}
			}
			c.People = keep
		}
	}
}

// dropEarlierCopies keeps, of a sentence a corrupted copy holds twice or
// more (whitespace aside), only its last copy, and reports whether the
// text is such a copy: one sentence in ten or more repeats another. The
// second reading trusts the order of lines; a corrupted copy repeats its
// sentences ahead of their places (see Parse), each with the lines it
// holds (a message's header, a measure's number, a contact line), so
// that the cleaning would meet a measure start twice and a contact away
// from its measure. A clean text is returned as it is. The copies dropped
// are returned for the report.
func dropEarlierCopies(text string) (string, []Duplicate) {
	pieces := cutAfterStops(text)
	kept, dups, dropped := keepLastCopies(pieces, stripSpace, func(k string) bool { return utf8.RuneCountInString(k) >= 4 })
	if dropped < 5 || dropped*10 < len(pieces) {
		return text, nil
	}
	return kept, dups
}

// gluedNumber is a number and its mark inside a line ("…55744769" then
// "12. "): a corrupted copy drops the line break before a measure's start.
var gluedNumber = regexp.MustCompile(`(\d{1,20})([.．])[ \t　]*[^\d\s.．]`)

// startsOwnLines puts back on a line of its own each measure number a
// corrupted copy glued to the line before it: a number missing from the
// lines' count (1. … 11. lost … 13.), standing in a line right after a
// sentence's end, a bracket or a phone whose digits it was glued to. A
// number the lines already start is left where it is.
func startsOwnLines(text string) string {
	lines := strings.Split(text, "\n")
	have := map[int]bool{}
	top := 0
	for _, l := range lines {
		if m := numberMark.FindStringSubmatch(strings.TrimLeft(l, " \t　")); m != nil {
			n, _ := strconv.Atoi(m[1])
			have[n] = true
			top = max(top, n)
		}
	}
	if len(have) < 6 {
		return sectionsOwnLines(text)
	}
	changed := false
	for i, l := range lines {
		locs := gluedNumber.FindAllStringSubmatchIndex(l, -1)
		var b strings.Builder
		last := 0
		for _, loc := range locs {
			if loc[0] == 0 || strings.TrimSpace(l[:loc[0]]) == "" {
				continue
			}
			d := l[loc[2]:loc[3]]
			at := -1
			for k := 1; k <= 3 && k <= len(d); k++ {
				n, _ := strconv.Atoi(d[len(d)-k:])
				if n == 0 || have[n] || n > top+1 || d[len(d)-k] == '0' {
					continue
				}
				p := d[:len(d)-k]
				before, _ := utf8.DecodeLastRuneInString(l[:loc[2]])
				switch {
				case p == "" && (strings.ContainsRune("。；;）)", before) || unicode.Is(unicode.So, before)):
				case p != "" && PhoneShape.MatchString(p) && !unicode.IsDigit(before):
				default:
					continue
				}
				at = loc[2] + len(p)
				have[n] = true
				break
			}
			if at < 0 {
				continue
			}
			b.WriteString(l[last:at] + "\n")
			last = at
			changed = true
		}
		b.WriteString(l[last:])
		lines[i] = b.String()
	}
	if changed {
		text = strings.Join(lines, "\n")
	}
	return sectionsOwnLines(text)
}

var (
	// headingNumberLine is a section heading's number opening a line ("三、").
	headingNumberLine = regexp.MustCompile(`^[ \t　]*([一二三四五六七八九十]{1,3})、`)
	// gluedSection is one inside a line, after a sentence's end, a
	// bracket, a phone's digits or a sign.
	gluedSection = regexp.MustCompile(`([。；;）)\d]|\p{So})[ \t　]*([一二三四五六七八九十]{1,3})、`)
)

// sectionsOwnLines puts back on a line of its own each section heading a
// corrupted copy glued to the line before it: a heading number right
// after a sentence's end or a phone that continues, in the text's order,
// the count of the headings that open lines (one heading may be lost).
// Three headings or more must be counted so.
func sectionsOwnLines(text string) string {
	lines := strings.Split(text, "\n")
	type cut struct{ line, at int }
	var cuts []cut
	count, cur := 0, 0
	for i, l := range lines {
		if m := headingNumberLine.FindStringSubmatch(l); m != nil {
			if n := ParseNumeral(m[1]); n > cur && n <= cur+2 {
				cur = n
				count++
			}
		}
		for _, loc := range gluedSection.FindAllStringSubmatchIndex(l, -1) {
			if n := ParseNumeral(l[loc[4]:loc[5]]); n > cur && n <= cur+2 {
				cur = n
				count++
				cuts = append(cuts, cut{i, loc[4]})
			}
		}
	}
	if len(cuts) == 0 || count < 3 {
		return text
	}
	for k := len(cuts) - 1; k >= 0; k-- {
		c := cuts[k]
		lines[c.line] = lines[c.line][:c.at] + "\n" + lines[c.line][c.at:]
	}
	return strings.Join(lines, "\n")
}
