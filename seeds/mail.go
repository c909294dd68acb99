package seeds

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district's notice may reach the parser as an e-mail thread saved as
// text: the notice forwarded down a chain (government office → a bureau →
// a park → its firms), newest mail first. Each mail has a header block
// (发件人/发送时间/收件人/抄送/主题 or From/Date/To/Cc/Subject), a note,
// a signature (after "--", or a name, a unit and a mobile), perhaps a
// disclaimer in English and Chinese and "附件：file.xlsx (45K)" lines;
// mails are separated by "-------- 原始邮件 --------", "----- Original -----",
// "-----Original Message-----" or "---------- Forwarded message ----------",
// and each older mail is quoted one level deeper ("> ", "> > ", an empty
// quoted line written ">" or "> >"). The mail client hard-wrapped some lines
// (inside a unit's name, a phone, a sentence), and quoted-printable left
// soft breaks ("=" at a line's end).
//
// mailText rewrites such a thread into the notice it carries: the quote
// level holding most numbered lines is the notice's; its region runs from
// the mail header block (or separator) before most of those lines to the
// next one. Outside it, the forwarders' notes, replies and signatures go
// (their phones are no measure's contact); inside it, the quote marks, the
// frames (headers, separators, signatures, attachments, disclaimers) go,
// soft breaks and hard wraps are joined, the notice's head is read as a
// title and a date (see mailHead), a contact line "同上" repeats the one of
// the measure before (see mailSameAbove), each measure's unit line and
// contact line become one unit/phone pair per contact (see mailDuty), and
// the closing paragraphs join the preamble (see mailClosing). A line
// quoted at the notice's level outside its region (a corrupted copy moved
// it) is reported unread. Any other text comes back unchanged.
var (
	// mailQuote is a line's quote marks: "> ", ">>", "> > ".
	mailQuote = regexp.MustCompile(`^[ \t]*((?:>[ \t]?)+)`)
	// mailHeader is a header line of a mail, as a client writes it when
	// it quotes or forwards one.
	mailHeader = regexp.MustCompile(`^[ \t]*(发件人|发信人|发送时间|发送日期|收件人|抄送人?|密送|主题|日期|时间|From|Sent|Date|To|Cc|CC|Bcc|Subject|Reply-To)[ \t]*[:：]`)
	// mailSender and mailSubject are the two headers every block has.
	mailSender  = regexp.MustCompile(`^[ \t]*(发件人|发信人|From)[ \t]*[:：]`)
	mailSubject = regexp.MustCompile(`^[ \t]*(主题|Subject)[ \t]*[:：]`)
	// mailSeparator opens a quoted or forwarded mail.
	mailSeparator = regexp.MustCompile(`(?i)^[ \t]*[-—_=]{2,}[ \t]*(原始邮件|原邮件|转发邮件|转发的邮件|邮件原文|Original(?: Message)?|Forwarded message|转发(?:的)?(?:邮件)?信息)[ \t]*[-—_=]{2,}[ \t]*$`)
	// mailAttachment is an attachment's line: a file name with its
	// extension (a notice's own "附件：…联系表" is its appendix, kept).
	mailAttachment = regexp.MustCompile(`(?i)^[ \t]*(?:附件|Attachments?)[ \t]*(?:\d+[ \t]*个)?[:：].*\.(?:xlsx?|docx?|pdf|wps|et|zip|rar|7z|jpe?g|png|txt|ofd)\b`)
	// mailSigOpen is the line opening a signature.
	mailSigOpen = regexp.MustCompile(`^[ \t]*--[ \t]*$`)
	// mailDisclaimer opens a confidentiality footer; mailWords are the
	// words of its sentences (a corrupted copy may glue a notice's
	// sentence to it: that one stays).
	mailDisclaimer = regexp.MustCompile(`(?i)^[ \t]*(?:This (?:e-?mail|message)|本邮件|此邮件|该邮件|免责声明|保密声明|Disclaimer|CONFIDENTIAL)`)
	mailWords      = regexp.MustCompile(`(?i)邮件|e-?mail|confidential|privileged|recipient|保密|收件人|发件人`)
	// mailNumbered is a line a notice numbers: a measure, a section, an
	// article, an item.
	mailNumbered = regexp.MustCompile(`^[ \t　]*(?:\d{1,3}[.．、]|[一二三四五六七八九十]+、|第[` + articleChars + `]+条|[（(][一二三四五六七八九十]+[）)])`)
	// mailSame is a contact line saying "as above".
	mailSame = regexp.MustCompile(`^([ \t　]*)((?:咨询|联系)(?:电话|方式)|联系人(?:及电话)?)([：:])[ \t　]*同上[。.]?[ \t　]*$`)
	// mailLabel is a label opening a line of its own: "责任单位：".
	mailLabel = regexp.MustCompile(`^[ \t　]*[^\s，,。：:（()]{2,8}[：:]`)
	// mailLineEnd is what ends a line that finishes its sentence, clause
	// or title: a line so ended was not wrapped.
	mailLineEnd = regexp.MustCompile(`[。；;！!？?：:）)”」』》]$`)
	// mailSoftBreak is a quoted-printable soft line break; mailSoftLeft
	// one left at a line's end or between two characters of a word.
	mailSoftBreak = regexp.MustCompile(`[^=]=$`)
	mailSoftLeft  = regexp.MustCompile(`(\p{Han})=(?:$|(\p{Han}))`)
	mailSoftEnd   = regexp.MustCompile(`\p{Han}=$`)
)

// mailWrapWidth is the least width (in cells, see displayWidth)
// of a line a mail client wrapped: shorter lines without a closing stop
// (a signature's name, a date) are lines of their own.
const mailWrapWidth = 20

// mailLine is a line of the thread: its quote level and its text without
// the quote marks.
type mailLine struct {
	depth int
	text  string
	frame bool // a mail's header, separator, signature, attachment or disclaimer
	block bool // a header line or separator: where a mail begins
}

func mailText(text string) (string, []Unread) {
	if !strings.Contains(text, ":") && !strings.Contains(text, "：") {
		return text, nil
	}
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	lines := make([]mailLine, 0, len(raw))
	for _, l := range raw {
		ml := mailLine{text: l}
		if m := mailQuote.FindStringSubmatch(l); m != nil {
			ml.depth = strings.Count(m[1], ">")
			ml.text = l[len(m[0]):]
		}
		lines = append(lines, ml)
	}
	if !mailThread(lines) {
		return text, nil
	}
	lines = joinSoftBreaks(lines)
	markFrames(lines)

	// The notice's quote level: the one holding most numbered lines.
	count := map[int]int{}
	depth := 0
	for _, l := range lines {
		if !l.frame && mailNumbered.MatchString(l.text) {
			count[l.depth]++
		}
	}
	for d, c := range count {
		if c > count[depth] || c == count[depth] && d > depth {
			depth = d
		}
	}
	// Its region: after the last mail start before most of its numbered
	// lines, up to the next mail start.
	start, end := -1, len(lines)
	after := 0
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.block && after*2 >= count[depth] && after > 0 {
			start = i
			break
		}
		if !l.frame && l.depth == depth && mailNumbered.MatchString(l.text) {
			after++
		}
	}
	for i := start + 1; i < len(lines); i++ {
		if lines[i].block && lines[i].depth <= depth && !blockAt(lines, i, start) {
			end = i
			break
		}
	}
	var unread []Unread
	var notice []mailLine
	for i, l := range lines {
		inside := i > start && i < end
		switch {
		case l.frame:
		case inside:
			notice = append(notice, l)
		case l.depth >= depth && depth > 0 && strings.TrimSpace(l.text) != "":
			unread = append(unread, Unread{Line: strings.TrimSpace(l.text), Why: "mail: a line quoted at the notice's level outside the notice"})
		}
	}
	out := mailDuty(mailSameAbove(mailHead(unwrapMail(notice))))
	for i, l := range out {
		// A bracketed note would leave its closing bracket a sentence.
		out[i] = mailNoteOpen.ReplaceAllString(mailNote.ReplaceAllString(l, "$1$2"), "$1$2")
		// A line never opens with a closing bracket: one a corrupted
		// copy cut off a note after its 。 goes.
		out[i] = mailStrayClose.ReplaceAllString(out[i], "$1")
		if strings.HasSuffix(out[i], "。）") && strings.Count(out[i], "）") > strings.Count(out[i], "（") {
			out[i] = strings.TrimSuffix(out[i], "）")
		}
	}
	out = mailClosing(out)
	for len(out) > 0 && strings.TrimSpace(out[0]) == "" {
		out = out[1:]
	}
	return strings.Join(out, "\n"), unread
}

// mailThread reports whether lines hold a mail's header block: a sender
// and a subject among consecutive header lines.
func mailThread(lines []mailLine) bool {
	for i := 0; i < len(lines); i++ {
		sender, subject := false, false
		j := i
		for ; j < len(lines) && mailHeader.MatchString(lines[j].text); j++ {
			sender = sender || mailSender.MatchString(lines[j].text)
			subject = subject || mailSubject.MatchString(lines[j].text)
		}
		if sender && subject {
			return true
		}
		i = j
	}
	return false
}

// blockAt reports whether line i continues the header block that the
// region's start line opens or ends (a separator followed by headers).
func blockAt(lines []mailLine, i, start int) bool {
	if start < 0 {
		return false
	}
	for k := start + 1; k <= i; k++ {
		if !lines[k].block {
			return false
		}
	}
	return true
}

// joinSoftBreaks joins a line ending with a quoted-printable soft break to
// the next line of its quote level.
func joinSoftBreaks(lines []mailLine) []mailLine {
	out := lines[:0]
	soft := false
	for _, l := range lines {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			if prev.depth == l.depth && mailSoftBreak.MatchString(prev.text) && strings.TrimSpace(l.text) != "" {
				prev.text = prev.text[:len(prev.text)-1] + l.text
				soft = true
				continue
			}
		}
		out = append(out, l)
	}
	for _, l := range out {
		soft = soft || mailSoftEnd.MatchString(l.text)
	}
	if !soft {
		return out
	}
	// Quoted-printable text: a break whose rest went elsewhere (a
	// corrupted copy moved or joined the lines) still leaves no "=".
	for i := range out {
		out[i].text = mailSoftLeft.ReplaceAllString(out[i].text, "$1$2")
	}
	return out
}

// markFrames marks each mail's header block, separators, attachment lines,
// signatures (from "--" to the next blank line) and disclaimers; a
// disclaimer keeps its sentences that are no mail's (a corrupted copy's).
func markFrames(lines []mailLine) {
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		switch {
		case mailSeparator.MatchString(l.text):
			l.frame, l.block = true, true
		case mailHeader.MatchString(l.text) && headerBlock(lines, i):
			l.frame, l.block = true, true
		case mailAttachment.MatchString(l.text):
			l.frame = true
		case mailSigOpen.MatchString(l.text):
			d := l.depth
			for ; i < len(lines) && lines[i].depth == d && strings.TrimSpace(lines[i].text) != ""; i++ {
				lines[i].frame = true
			}
			i--
		case mailDisclaimer.MatchString(l.text):
			var kept []string
			for _, s := range cutAfterStops(l.text) {
				if !mailWords.MatchString(s) {
					kept = append(kept, s)
				}
			}
			if len(kept) == 0 {
				l.frame = true
			} else {
				l.text = strings.Join(kept, "")
			}
		}
	}
}

// headerBlock reports whether the header line i stands in a block of
// header lines with a sender or a subject, or right after a separator.
func headerBlock(lines []mailLine, i int) bool {
	lo, hi := i, i
	for lo > 0 && mailHeader.MatchString(lines[lo-1].text) {
		lo--
	}
	for hi+1 < len(lines) && mailHeader.MatchString(lines[hi+1].text) {
		hi++
	}
	if lo > 0 && mailSeparator.MatchString(lines[lo-1].text) {
		return true
	}
	if hi == lo {
		return false
	}
	for k := lo; k <= hi; k++ {
		if mailSender.MatchString(lines[k].text) || mailSubject.MatchString(lines[k].text) {
			return true
		}
	}
	return false
}

// unwrapMail joins a line the mail client wrapped to the next one: both of
// one quote level, the first as wide as a wrapped line and not ended by a
// stop, the second no start of its own (blank, numbered, a label, a
// section, an indented paragraph).
func unwrapMail(lines []mailLine) []string {
	var out []string
	prevDepth := -1
	for _, l := range lines {
		t := strings.TrimRight(l.text, " \t")
		if n := len(out); n > 0 && l.depth == prevDepth && wrapped(out[n-1], t) {
			out[n-1] += glue(out[n-1], t) + t
			continue
		}
		out = append(out, t)
		prevDepth = l.depth
	}
	return out
}

func wrapped(prev, next string) bool {
	p := strings.TrimRight(prev, " \t　")
	if p == "" || strings.TrimSpace(next) == "" || mailLineEnd.MatchString(p) || displayWidth(p) < mailWrapWidth {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsSpace(r) {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(p); last >= '0' && last <= '9' && (r < '0' || r > '9') && r != '-' {
		// A number is wrapped inside itself (0731-8899 / 6620); after a
		// whole number a line of words is a line of its own.
		return false
	}
	return !mailNumbered.MatchString(next) && !mailLabel.MatchString(next) && !strings.HasPrefix(next, "（注") && !strings.HasPrefix(next, "(注")
}

// glue is what goes between a wrapped line and its rest: a space between
// two Latin words, else nothing.
func glue(prev, next string) string {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	if a < utf8.RuneSelf && unicode.IsLetter(a) && b < utf8.RuneSelf && unicode.IsLetter(b) {
		return " "
	}
	return ""
}

// noticeTitleLine reports whether l may be a forwarded notice's title: a
// short line with 关于 and no sentence end ("…关于印发《…》的通知").
func noticeTitleLine(l string) bool {
	t := strings.TrimSpace(l)
	return strings.Contains(t, "关于") && !strings.Contains(t, "。") && utf8.RuneCountInString(t) <= 80
}

// mailHead reads the notice's head, the lines before its first section or
// measure: the issuing office's line and the 文号 above the title go, so
// that the title opens the guide, and the signature's date follows the
// title as its 发布日期 (see ocrHead).
func mailHead(lines []string) []string {
	title := -1
	for i, l := range lines {
		if sectionLine.MatchString(l) || dotStart.MatchString(l) {
			break
		}
		if noticeTitleLine(l) {
			title = i
			break
		}
	}
	if title < 0 {
		return lines
	}
	for _, l := range lines[:title] {
		// Only the office, the 文号 and blank lines stand above a title.
		if t := strings.TrimSpace(l); strings.ContainsAny(t, "。，") || utf8.RuneCountInString(t) > 40 {
			return ocrHead(lines)
		}
	}
	return ocrHead(lines[title:])
}

// mailSameAbove gives a contact line "咨询电话：同上" the value of the
// nearest line above with the same label, when the unit line above each
// names the same units (in a corrupted copy the line above may be another
// measure's: the 同上 is then left unread rather than given its phones).
func mailSameAbove(lines []string) []string {
	last := map[string]string{}
	lastUnits := map[string]string{}
	for i, l := range lines {
		units := ""
		if i > 0 {
			if d := mailDutyLine.FindStringSubmatch(lines[i-1]); d != nil {
				units = d[1]
			}
		}
		if m := mailSame.FindStringSubmatch(l); m != nil {
			if v, ok := last[m[2]]; ok && sameUnits(units, lastUnits[m[2]]) {
				lines[i] = m[1] + m[2] + m[3] + v
			}
			continue
		}
		t := strings.TrimLeft(l, " \t　")
		if k := strings.IndexAny(t, "：:"); k > 0 {
			label := t[:k]
			_, size := utf8.DecodeRuneInString(t[k:])
			last[label] = strings.TrimSpace(t[k+size:])
			lastUnits[label] = units
		}
	}
	return lines
}

// sameUnits reports whether each unit of the list units is one of those of
// the list above (see mailSameUnit).
func sameUnits(units, above string) bool {
	if units == "" || above == "" {
		return false
	}
	for _, u := range splitOutside(units, "、，,") {
		u = mailBracket.ReplaceAllString(u, "")
		if !slices.ContainsFunc(splitOutside(above, "、，,"), func(a string) bool {
			a = mailBracket.ReplaceAllString(a, "")
			return mailSameUnit(a, u) || mailSameUnit(u, a)
		}) {
			return false
		}
	}
	return true
}

var (
	// mailDutyLine and mailPhoneLine are a measure's unit and contact lines.
	mailDutyLine  = regexp.MustCompile(`^[ \t　]*(?:责任单位|牵头单位|责任部门)[：:][ \t　]*(.+?)[ \t　]*$`)
	mailPhoneLine = regexp.MustCompile(`^[ \t　]*(?:咨询电话|联系电话|咨询方式|联系方式)[：:][ \t　]*(.+?)[ \t　]*$`)
	// mailEntry is one contact of a contact line: an optional unit, an
	// optional person, phones (each perhaps followed by a bracketed person
	// or a bracketed note such as （用电）).
	mailPhone    = regexp.MustCompile(`0\d{2,3}-\d{7,8}|1[3-9]\d{9}|[2-9]\d{6,7}|1\d{4}|9\d{4}`)
	mailBracket  = regexp.MustCompile(`[（(]([^（()）]*)[）)]`)
	mailUnitEnd  = regexp.MustCompile(`(?:局|委|办|中心|公司|队|科|所|站|行|院|会|室|处|部|组|团区委)$`)
	mailPersonRe = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// mailNoPerson is a bracketed note that is no name: what a phone is
	// for, when it answers.
	mailNoPerson = regexp.MustCompile(`用|日|时|转|含|办|号|热线|咨询|服务`)
)

// mailContact is one entry of a contact line.
type mailContact struct {
	unit, person string
	phones       []string
}

// readMailContacts reads a contact line's value, entries separated by ；
// ("区税务局 彭亮 88232041；区财政局 邓佳 0731-…", "0731-…（周琳）",
// "12366；0731-…（刘庆华）"); ok is false when words are left that are
// no unit, person, phone or note.
func readMailContacts(v string) ([]mailContact, bool) {
	var out []mailContact
	for _, e := range splitOutside(v, "；;") {
		var c mailContact
		bracketed := ""
		rest := mailBracket.ReplaceAllStringFunc(e, func(b string) string {
			in := mailBracket.FindStringSubmatch(b)[1]
			if mailPersonRe.MatchString(in) && !mailUnitEnd.MatchString(in) && !mailNoPerson.MatchString(in) {
				bracketed = in
			}
			// A note on what the phone is for ("用电") is dropped.
			return " "
		})
		c.phones = mailPhone.FindAllString(rest, -1)
		words := strings.Fields(mailPhone.ReplaceAllString(rest, " "))
		switch len(words) {
		case 0:
			c.person = bracketed
		case 1:
			c.person = bracketed
			if c.person == "" && mailPersonRe.MatchString(words[0]) && !mailUnitEnd.MatchString(words[0]) {
				c.person = words[0]
			} else if mailUnitEnd.MatchString(words[0]) {
				c.unit = words[0]
			} else {
				return nil, false
			}
		case 2:
			if bracketed != "" || !mailPersonRe.MatchString(words[1]) || !mailUnitEnd.MatchString(words[0]) {
				return nil, false
			}
			c.unit, c.person = words[0], words[1]
		default:
			return nil, false
		}
		if len(c.phones) == 0 {
			return nil, false
		}
		out = append(out, c)
	}
	return out, len(out) > 0
}

// splitOutside splits s at any of seps outside brackets.
func splitOutside(s, seps string) []string {
	var out []string
	depth, last := 0, 0
	for i, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			out = append(out, strings.TrimSpace(s[last:i]))
			last = i + utf8.RuneLen(r)
		}
	}
	if t := strings.TrimSpace(s[last:]); t != "" {
		out = append(out, t)
	}
	return out
}

// mailDuty rewrites a measure's unit line and the contact line after it
// ("责任单位：A（科）、B" / "咨询电话：甲 0731-…；B 乙 8xxxxxxx") into one
// unit line and one phone line per contact, the shape the duty reader
// knows: "责任单位：A 科（联系人：甲）" / "咨询电话：0731-…". A contact
// naming its unit goes to that unit, the others to the remaining units in
// order (one unit takes all); a unit's department in brackets follows it
// after a space. A pair it cannot read stays as written.
func mailDuty(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		d := mailDutyLine.FindStringSubmatch(lines[i])
		if d == nil || i+1 >= len(lines) {
			out = append(out, lines[i])
			continue
		}
		p := mailPhoneLine.FindStringSubmatch(lines[i+1])
		if p == nil {
			out = append(out, lines[i])
			continue
		}
		contacts, ok := readMailContacts(p[1])
		units := splitOutside(d[1], "、，,")
		if !ok || len(units) == 0 {
			out = append(out, lines[i])
			continue
		}
		owner := make([]int, len(contacts))
		taken := make([]bool, len(units))
		for k, c := range contacts {
			owner[k] = -1
			if c.unit == "" {
				continue
			}
			for u, name := range units {
				if mailSameUnit(mailBracket.ReplaceAllString(name, ""), c.unit) {
					owner[k], taken[u] = u, true
					break
				}
			}
		}
		free := []int{}
		for u := range units {
			if !taken[u] {
				free = append(free, u)
			}
		}
		n, foreign := 0, false
		for k, c := range contacts {
			if owner[k] >= 0 {
				continue
			}
			if c.unit != "" {
				// A contact of a unit the line does not list: when
				// each listed unit has its own ("同上" repeating two
				// units' contacts for one of them), not this
				// measure's; else the pair is not understood.
				owner[k], foreign = -2, len(free) > 0
				continue
			}
			switch {
			case len(free) == 0:
				owner[k] = 0
			case n < len(free):
				owner[k] = free[n]
			default:
				owner[k] = free[len(free)-1]
			}
			n++
		}
		if foreign {
			out = append(out, lines[i])
			continue
		}
		// One unit's contacts: a person's phones, hotlines without a
		// person joining the unit's first person.
		type entry struct {
			person string
			phones []string
		}
		byUnit := make([][]entry, len(units))
		for k, c := range contacts {
			u := owner[k]
			if u < 0 {
				continue
			}
			if c.person == "" && len(byUnit[u]) > 0 {
				byUnit[u][0].phones = append(byUnit[u][0].phones, c.phones...)
				continue
			}
			if c.person != "" && len(byUnit[u]) == 1 && byUnit[u][0].person == "" {
				byUnit[u][0].person = c.person
				byUnit[u][0].phones = append(byUnit[u][0].phones, c.phones...)
				continue
			}
			byUnit[u] = append(byUnit[u], entry{c.person, c.phones})
		}
		for u, name := range units {
			name = mailBracket.ReplaceAllString(name, " $1")
			if len(byUnit[u]) == 0 {
				out = append(out, "责任单位："+name)
			}
			for _, e := range byUnit[u] {
				l := "责任单位：" + name
				if e.person != "" {
					l += "（联系人：" + e.person + "）"
				}
				out = append(out, l, "咨询电话："+strings.Join(e.phones, "、"))
			}
		}
		i++
	}
	return out
}

// mailNote is a closing note in brackets: "（注：…。）"; mailNoteOpen one
// whose closing bracket a corrupted copy cut off after its 。.
var (
	mailNote     = regexp.MustCompile(`^([ \t　]*)[（(](注[：:].*[。.])[）)][ \t　]*$`)
	mailNoteOpen = regexp.MustCompile(`^([ \t　]*)[（(](注[：:][^）)]*[。.])[ \t　]*$`)
	// mailStrayClose is a closing bracket opening a line.
	mailStrayClose = regexp.MustCompile(`^([ \t　]*)[）)][ \t　]*`)
	// mailWholeNote is a note on all the notice's contacts: "注：以上…".
	mailWholeNote = regexp.MustCompile(`^[ \t　]*注[：:][ \t　]*以上`)
)

// mailClosing moves the paragraphs after the last measure's contact lines
// (the notice's term, "注：以上咨询电话…区号均为…") before its first section
// or measure: they speak of the whole notice, which the parser reads in
// the preamble (see Guide.Term), and after the last contact line they
// would be read as part of its block.
func mailClosing(lines []string) []string {
	last, first := -1, -1
	for i, l := range lines {
		switch {
		case mailPhoneLine.MatchString(l) || mailDutyLine.MatchString(l):
			last = i
		case first < 0 && mailNumbered.MatchString(l):
			first = i
		}
	}
	if last < 0 || first < 0 || first > last {
		return lines
	}
	// A note on all the contacts stands among the measures only in a
	// corrupted copy: it goes with the closing paragraphs.
	var notes []string
	kept := lines[:first:first]
	for i, l := range lines[first:] {
		if mailWholeNote.MatchString(l) && first+i < last {
			notes = append(notes, l)
			continue
		}
		kept = append(kept, l)
	}
	if len(notes) > 0 {
		last -= len(notes)
		lines = kept
	}
	tail, rest := notes, lines[first:]
	movable := true
	for _, l := range lines[last+1:] {
		if mailNumbered.MatchString(l) || mailLabel.MatchString(l) && !strings.HasPrefix(strings.TrimSpace(l), "注") {
			movable = false
			break
		}
	}
	if movable {
		for _, l := range lines[last+1:] {
			if strings.TrimSpace(l) != "" {
				tail = append(tail, l)
			}
		}
		rest = lines[first : last+1]
		if l := strings.TrimRight(lines[last], " \t　"); !mailLineEnd.MatchString(l) {
			// The text's last line: its block is ended, as every
			// other block is by the next measure's start.
			rest[len(rest)-1] = l + "。"
		}
	}
	if len(tail) == 0 {
		return lines
	}
	out := append([]string{}, lines[:first]...)
	out = append(out, tail...)
	out = append(out, "")
	return append(out, rest...)
}

// mailSameUnit reports whether a contact line's unit names the listed unit
// full: the same name, its start or end (交警大队 of 区公安分局交警大队), or
// its core's characters in order (区人社局 for 区人力资源和社会保障局).
func mailSameUnit(full, named string) bool {
	if strings.HasSuffix(full, named) || strings.HasPrefix(full, named) || strings.HasPrefix(named, full) {
		return true
	}
	core := unitCore(named)
	if core == "" {
		return false
	}
	rest := full
	for _, r := range core {
		k := strings.IndexRune(rest, r)
		if k < 0 {
			return false
		}
		rest = rest[k+utf8.RuneLen(r):]
	}
	return true
}
