package seeds

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A printed 政策汇编 (policy booklet) exported from PDF to text (issue 20)
// keeps everything the pages carry: a cover, a 目录 listing every measure
// with dot leaders and page numbers, a 前言 and the 印发通知, then pages that
// each open with a running head (the booklet's name) and close with a page
// number ("- 7 -"), the text hard-wrapped inside words and numbers. The
// measures are unnumbered, each opened by a labelled name and followed by
// labelled fields:
//
//	【政策名称】减免国有房屋租金①
//	【政策依据】《…若干措施》（…〔2022〕12号）
//	【政策内容】对承租……
//	【办理流程】
//	1.承租人……
//	【执行期限】2022年12月31日②
//
// and the contacts stand only in footnotes: a marker (①②…, or [注1], counted
// anew on every page) at the end of a name or a field, the footnote under a
// rule line at the foot of the same page ("①咨询：区财政局 企业科 某某
// 0793-…"), or at the foot of the next page as "（接上页注①）…". One
// footnote may serve several measures of its page (they carry the same
// marker), one measure may carry two markers.
//
// normalizeBooklet lifts the page furniture (running heads, page numbers,
// footnote blocks) out of the text, drops the 目录 (its titles are not
// measures), joins each field's wrapped lines, resolves every marker to its
// footnote on its page (or the next, for 接上页) and rewrites the measures
// as a policy list (see normalizeFields): a title "N. name" numbered in
// the 目录's order (booklettoc.go: a corrupted copy moves entries, not the
// order its 目录 prints), else the text's, one labelled line per field with the 政策依据
// and the deadline last, and each footnote's contacts as a duty block. Any other text
// comes back unchanged.
var (
	// bookletName opens a measure: the label of its name.
	bookletName = regexp.MustCompile(`^[ \t　]*【(?:政策名称|政策事项|事项名称|项目名称)】[ \t　：:]*(.*)$`)
	// bookletField is any other labelled field.
	bookletField = regexp.MustCompile(`^[ \t　]*【([^【】\s]{2,8})】[ \t　：:]*(.*)$`)
	// bookletPart is a part heading ("第一部分　税费减免").
	bookletPart = regexp.MustCompile(`^[ \t　]*第([一二三四五六七八九十]+)部分[ \t　：:]*(.*)$`)
	// tocLeader is what a 目录 line holds: dot leaders and a page number
	// (at its end, or before the next title where lines were run together).
	tocLeader = regexp.MustCompile(`(?:…{2,}|\.{4,}|·{4,}|．{4,})[ \t　]*\d{1,3}`)
	// footRule is the rule line above a page's footnotes.
	footRule = regexp.MustCompile(`^[ \t　]*[—─━_－\-]{4,}[ \t　]*$`)
	// footStart opens a footnote: its marker, or the note continued from
	// the page before ("（接上页注①）").
	footStart = regexp.MustCompile(`^[ \t　]*(?:[（(]接上页(?:注)?([①-⑳]|\d{1,2})[）)]|(?:注[：:]?)?([①-⑳])|[\[〔［]注(\d{1,2})[\]〕］])[ \t　：:]*`)
	// trailingMarks are the footnote markers at a line's end.
	// (before the line's last punctuation, if any).
	trailingMarks = regexp.MustCompile(`(?:[①-⑳]|[\[〔［]注\d{1,2}[\]〕］])+[ \t　]*([。；;，,]?)[ \t　]*$`)
	oneMark       = regexp.MustCompile(`[①-⑳]|[\[〔［]注(\d{1,2})[\]〕］]`)
	// footLabel is what a contact footnote's text opens with.
	footLabel = regexp.MustCompile(`^(?:[（(]接上页(?:注)?(?:[①-⑳]|\d{1,2})[）)])?(?:政策)?(?:咨询(?:电话|单位|方式)?|联系(?:方式|电话|人))[：:][ \t　]*`)
	// appendixLine opens the booklet's appendix: no measure after it.
	appendixLine = regexp.MustCompile(`^[ \t　]*附[ \t　]*件[0-9一二三四五六七八九十]*(?:[：:　 \t]|$)`)
)

// bookletMinMeasures is how many labelled names show a booklet.
const bookletMinMeasures = 3

// markIndex reads a footnote marker ("②", "[注2]", "2") as its number, or
// 0. A numbered marker ("[注2]", or "2" in "（接上页注2）") counts from
// markNumbered, so that it is never taken for a circled one: a corrupted
// copy may bring a page's ① next to another page's [注1].
func markIndex(s string) int {
	if r, _ := utf8.DecodeRuneInString(s); r >= '①' && r <= '⑳' {
		return int(r-'①') + 1
	}
	if m := oneMark.FindStringSubmatch(s); m != nil && m[1] != "" {
		n, _ := strconv.Atoi(m[1])
		return markNumbered + n
	}
	if n, _ := strconv.Atoi(s); n > 0 {
		return markNumbered + n
	}
	return 0
}

// markNumbered is where numbered markers count from (see markIndex).
const markNumbered = 100

type bookletPage struct {
	body   []string
	notes  map[int]string // marker -> footnote text
	number int            // the page number closing it, or 0
}

// bookletPages cuts lines into pages at their page numbers and takes off
// each page's running head (a line opening at least two pages) and its
// footnotes (the lines under its last rule). On a corrupted copy
// (corrupt), whose sentences were moved across pages, a footnote ends at a
// line that ends a sentence or opens a field (a moved sentence is no
// footnote's), and a note continued from the page before (接上页) is that
// page's only when the two pages' numbers follow each other.
func bookletPages(lines []string, corrupt bool) []bookletPage {
	var pages [][]string
	var numbers []int
	var cur []string
	for _, l := range lines {
		if pageFooter.MatchString(l) {
			n, _ := strconv.Atoi(footerNumber.FindString(l))
			pages = append(pages, cur)
			numbers = append(numbers, n)
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	pages = append(pages, cur)
	numbers = append(numbers, 0)
	firstLine := func(p []string) (int, string) {
		for i, l := range p {
			if t := strings.TrimSpace(l); t != "" {
				return i, t
			}
		}
		return -1, ""
	}
	heads := map[string]int{}
	for _, p := range pages {
		if _, t := firstLine(p); t != "" {
			heads[t]++
		}
	}
	out := make([]bookletPage, len(pages))
	for k, p := range pages {
		if i, t := firstLine(p); i >= 0 && heads[t] >= 2 && !sentenceEnd.MatchString(t) && !bookletName.MatchString(t) && !bookletField.MatchString(t) {
			p = p[i+1:]
		}
		out[k].notes = map[int]string{}
		out[k].number = numbers[k]
		rule := -1
		for i, l := range p {
			if footRule.MatchString(l) {
				rule = i
			}
		}
		if rule < 0 {
			out[k].body = p
			continue
		}
		out[k].body = p[:rule]
		mark, cont := 0, false
		for _, l := range p[rule+1:] {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			if corrupt && (sentenceEnd.MatchString(t) || bookletName.MatchString(t) || bookletField.MatchString(t)) {
				mark = 0
				continue
			}
			if m := footStart.FindStringSubmatch(t); m != nil {
				cont = m[1] != ""
				mark = markIndex(m[1] + m[2] + m[3])
				t = t[len(m[0]):]
			}
			if mark == 0 {
				continue
			}
			if cont && k > 0 {
				// The note continued from the page before is that page's.
				if !corrupt || numbers[k-1] > 0 && numbers[k] == numbers[k-1]+1 {
					out[k-1].notes[mark] += t
				}
				continue
			}
			out[k].notes[mark] += t
		}
	}
	return out
}

type bookletMeasure struct {
	title  string
	fields [][2]string // label, value
	notes  []string    // footnote texts, in the order of their markers
	// paged are the same footnotes with their marker and the number of
	// the page where marker and footnote stood: on a corrupted copy, a
	// footnote is kept only where that page lies in the measure's pages
	// by the 目录 (see tocNotes).
	paged []pagedNote
	// reads are, per field ("" the name), the markers read at its end,
	// one entry per time the field was read (see tocNotes).
	reads map[string][]string
	// before is text read between a part heading and this measure.
	before []string
	part   int // a part heading's number
	toc    int // the 目录 entry it matched, from 1, or 0
}

type pagedNote struct {
	mark, note string
	label      string // the field whose line held the marker, "" for the name
	page       int
}

func normalizeBooklet(text string) string {
	lines := strings.Split(text, "\n")
	n := 0
	for _, l := range lines {
		if bookletName.MatchString(l) {
			n++
		}
	}
	if n < bookletMinMeasures {
		return text
	}
	// Pages out of their order: a corrupted copy moved text across them.
	// A marker's page then tells its footnote only where the evidence is
	// clear (see tocNotes); a contact is never guessed.
	corrupt := !pagesRise(lines)
	pages := bookletPages(lines, corrupt)
	var head, tail, out []string
	parts := 0
	// bodyWidth is the body's widest line (the page's width), width
	// that of the lines before the appendix.
	width, bodyWidth := 0.0, 0.0
	partTitle := "" // a part's number whose title is on the next line
	var measures []*bookletMeasure
	var m *bookletMeasure
	mPage := -1 // the page where m's name stands
	inBody, inAppendix, strayAppendix := false, false, false
	names := 0 // the measure names read so far, of n
	for pi, p := range pages {
		for _, l := range p.body {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			if bookletName.MatchString(t) {
				names++
			}
			switch {
			case inAppendix:
				tail = append(tail, t)
				continue
			case !inBody && bookletName.MatchString(t), !inBody && bookletPart.MatchString(t) && !tocLeader.MatchString(t):
				inBody = true
			case !inBody:
				head = append(head, t)
				continue
			case strayAppendix && !bookletName.MatchString(t) && !bookletPart.MatchString(t) && !bookletField.MatchString(t):
				continue
			case appendixLine.MatchString(t) && names < n:
				// The appendix follows the last measure: a copy of its
				// heading ahead of a measure (a corrupted copy's) opens no
				// appendix, and its lines, up to the next measure's name,
				// field or part, are no measure's.
				strayAppendix = true
				continue
			case appendixLine.MatchString(t):
				inAppendix = true
				width = bodyWidth
				tail = append(tail, t)
				continue
			}
			strayAppendix = false
			// A marker whose footnote is on this page (or continued on
			// the next: see bookletPages) points to the contact.
			var notes []string
			var paged []pagedNote
			lineMarks := "" // the line's markers, whether resolved or not
			bodyWidth = max(bodyWidth, displayWidth(t))
			if loc := trailingMarks.FindStringSubmatchIndex(t); loc != nil {
				lineMarks = strings.Join(oneMark.FindAllString(t[loc[0]:loc[1]], -1), "")
				for _, one := range oneMark.FindAllString(t[loc[0]:loc[1]], -1) {
					if note, ok := p.notes[markIndex(one)]; ok {
						notes = append(notes, note)
						label := ""
						if fm := bookletField.FindStringSubmatch(t); fm != nil {
							label = fm[1]
						} else if !bookletName.MatchString(t) && m != nil && len(m.fields) > 0 {
							label = m.fields[len(m.fields)-1][0]
						}
						paged = append(paged, pagedNote{one, note, label, p.number})
					}
				}
				if len(paged) < len(oneMark.FindAllString(lineMarks, -1)) {
					// A marker whose footnote is not on the page: on a
					// corrupted copy the line may be another page's.
					paged = nil
				}
				if len(notes) > 0 || inBody {
					// A marker without its footnote (a copy moved away
					// from its page) is furniture all the same.
					t = strings.TrimSpace(t[:loc[0]] + t[loc[2]:loc[3]])
				}
			}
			if pm := bookletPart.FindStringSubmatch(t); pm != nil {
				parts = max(parts, ParseNumeral(pm[1]))
				if pm[2] == "" {
					// "第一部分" alone: its title is on the next line.
					partTitle = pm[1] + "、"
					m = nil
					continue
				}
				measures = append(measures, &bookletMeasure{title: pm[1] + "、" + pm[2], part: ParseNumeral(pm[1])})
				m = nil
				continue
			}
			if nm := bookletName.FindStringSubmatch(t); nm != nil {
				m, mPage = &bookletMeasure{title: nm[1]}, pi
				m.addNotes(notes, paged)
				m.read("", lineMarks, true)
				measures = append(measures, m)
				continue
			}
			if m != nil {
				if mPage != pi || mixedFields(m, t) {
					// On another page than the name, or after the
					// fields of two measures (a field read twice with
					// different text), a corrupted copy's marker may be
					// another measure's (see tocNotes).
					paged = nil
				}
				m.addNotes(notes, paged)
			}
			if partTitle != "" {
				measures = append(measures, &bookletMeasure{title: partTitle + t, part: ParseNumeral(strings.TrimSuffix(partTitle, "、"))})
				partTitle = ""
				continue
			}
			if m == nil {
				// Text between a part heading and its first measure.
				measures = append(measures, &bookletMeasure{title: t})
				continue
			}
			if fm := bookletField.FindStringSubmatch(t); fm != nil {
				m.fields = append(m.fields, [2]string{fm[1], fm[2]})
				m.read(fm[1], lineMarks, true)
				continue
			}
			if len(m.fields) == 0 {
				m.title += t // the name runs on
				m.read("", lineMarks, false)
				continue
			}
			// A wrapped line runs on in its field, without a space.
			m.fields[len(m.fields)-1][1] += t
			m.read(m.fields[len(m.fields)-1][0], lineMarks, false)
		}
	}
	out = append(out, bookletHead(head, noticeOf(pages))...)
	measures = mergeCopies(measures)
	if toc := bookletTOC(lines); len(toc) > 0 {
		measures = tocOrder(measures, toc)
		if corrupt {
			tocNotes(measures, toc)
		}
	} else if corrupt {
		for _, bm := range measures {
			bm.notes = bm.notes[:0]
		}
	}
	number := 0
	for _, bm := range measures {
		out = append(out, bm.before...)
		if bm.fields == nil && bm.notes == nil {
			out = append(out, bm.title)
			continue
		}
		number++
		out = append(out, fmt.Sprintf("%d. %s", number, strings.TrimRight(bm.title, "。")))
		// A cited document is not the measure's text, and several
		// measures cite it: it goes after the other fields. The
		// deadline, alike under many measures, goes last, before the
		// contacts, where it stays in their sentence (see
		// fieldBeforeDuty).
		var basis, last []string
		for _, f := range bm.fields {
			label, value := f[0], strings.TrimSpace(f[1])
			switch {
			case value == "":
			case label == "政策依据":
				basis = append(basis, label+"："+value)
			case slices.Contains(detailSlots[4], label):
				last = append(last, label+"："+value)
			default:
				out = append(out, label+"："+value)
			}
		}
		out = append(append(out, basis...), last...)
		for _, note := range bm.notes {
			out = append(out, footnoteDuty(note)...)
		}
	}
	return strings.Join(append(out, bookletAppendix(tail, parts, width)...), "\n")
}

// mixedFields reports whether m, with line t to come, holds a field twice
// with different text: text of another measure's moved into it.
func mixedFields(m *bookletMeasure, t string) bool {
	fields := m.fields
	if fm := bookletField.FindStringSubmatch(t); fm != nil {
		fields = append(slices.Clone(fields), [2]string{fm[1], fm[2]})
	}
	seen := map[string]string{}
	for _, f := range fields {
		if v, ok := seen[f[0]]; ok && v != f[1] {
			return true
		}
		seen[f[0]] = f[1]
	}
	return false
}

// read notes the markers (maybe none) read on a line of field label: a
// field's first line opens a new read, a wrapped line adds to it.
func (m *bookletMeasure) read(label, marks string, first bool) {
	if m.reads == nil {
		m.reads = map[string][]string{}
	}
	r := m.reads[label]
	switch {
	case first || len(r) == 0:
		m.reads[label] = append(r, marks)
	case marks != "":
		r[len(r)-1] += marks
	}
}

// addNotes keeps the footnotes a measure's markers point to, each once.
func (m *bookletMeasure) addNotes(notes []string, paged []pagedNote) {
	for _, n := range notes {
		if !slices.Contains(m.notes, n) {
			m.notes = append(m.notes, n)
		}
	}
	for _, n := range paged {
		if !slices.Contains(m.paged, n) {
			m.paged = append(m.paged, n)
		}
	}
}

// bookletHead reads the lines before the first part or measure: the 目录
// (its heading, every line with dot leaders and the lines between them)
// and the cover before it go; the 印发通知's title opens the guide, its
// date after the signature becomes the 发布日期, and wrapped lines of the
// 前言 and the notice are joined.
func bookletHead(head []string, notice [2]string) []string {
	first, last := -1, -1
	for i, t := range head {
		if tocLeader.MatchString(t) || stripSpace(t) == "目录" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		head = head[last+1:]
	}
	// A notice's title wrapped onto a second line ("…的" / "通知") is one.
	for i := 0; i+1 < len(head); i++ {
		if t := stripSpace(head[i] + head[i+1]); !noticeTitle.MatchString(stripSpace(head[i])) && noticeTitle.MatchString(t) && strings.Contains(head[i], "关于") {
			head = append(append(append([]string{}, head[:i]...), t), head[i+2:]...)
			break
		}
	}
	title, date, published := -1, -1, ""
	for i, t := range head {
		switch {
		case title < 0 && noticeTitle.MatchString(stripSpace(t)):
			title = i
		case title >= 0 && date < 0:
			if d := bookletDate(t); d != "" {
				date, published = i, d
			}
		}
	}
	var out []string
	if title >= 0 {
		out = append(out, stripSpace(head[title]))
		if published != "" {
			out = append(out, "发布日期："+published)
		}
	} else if notice[0] != "" {
		// A corrupted copy moved the notice into the body: its title and
		// date still name the guide.
		out = append(out, notice[0])
		if notice[1] != "" {
			out = append(out, "发布日期："+notice[1])
		}
	}
	width := 0.0
	for _, t := range head {
		width = max(width, displayWidth(t))
	}
	for i, t := range head {
		if i == title || i == date {
			continue
		}
		if n := len(out); n > 0 && i > 0 && i-1 != title && i-1 != date && displayWidth(head[i-1]) >= width-2.5 && !sentenceEnd.MatchString(head[i-1]) {
			out[n-1] += t
			continue
		}
		out = append(out, t)
	}
	return out
}

// footnoteDuty rewrites a contact footnote ("咨询：区财政局 企业科 某某
// 0793-6235118；区税务局 12366") into a duty block: per unit a 责任单位 line
// (its department after a space, its person in brackets) and a 咨询电话
// line. A unit's entry ends with its phones; the next unit may follow
// after ；, a comma or a space. A footnote without a phone gives nothing.
func footnoteDuty(note string) []string {
	note = footLabel.ReplaceAllString(strings.TrimSpace(note), "")
	var out []string
	for _, e := range footEntry.FindAllStringSubmatch(note, -1) {
		words := strings.FieldsFunc(footLabel.ReplaceAllString(strings.Trim(e[1], " \t　；;，,、："), ""), func(r rune) bool {
			return r == ' ' || r == '\t' || r == '　' || r == '，' || r == ','
		})
		phones := strings.TrimSpace(e[2])
		person := ""
		if n := len(words); n >= 2 && personCell.MatchString(words[n-1]) && !unitNamed(words[n-1]) {
			person, words = words[n-1], words[:n-1]
		}
		unit := strings.Join(words, " ")
		switch {
		case unit != "" && person != "":
			out = append(out, "责任单位："+unit+"（联系人："+person+"）")
		case unit != "":
			out = append(out, "责任单位："+unit)
		case person != "":
			out = append(out, "联系人："+person)
		}
		out = append(out, "咨询电话："+phones)
	}
	return out
}

// footEntry is one unit's entry in a footnote: the words before its
// phones, and the phones (several joined by 、 or /).
var footEntry = regexp.MustCompile(`([^\d]*?)[ \t　：:]*(\d[\d\-－]{3,}\d(?:[ \t　]*[、/或][ \t　]*\d[\d\-－]{3,}\d)*)`)

// bookletAppendix rewrites the appendix after the last measure (service
// windows with their addresses, hours and phones) as a closing section
// after the parts, so that its lines are read as no measure's: its title
// becomes the heading of the section after the last part, and each
// item's wrapped lines (as wide as the body's widest, width) are joined.
func bookletAppendix(tail []string, parts int, width float64) []string {
	if len(tail) == 0 {
		return nil
	}
	title := strings.TrimSpace(appendixLine.ReplaceAllString(tail[0], ""))
	rest := tail[1:]
	if title == "" && len(rest) > 0 && !ownLine.MatchString(rest[0]) {
		// "附件" alone: its title is the next line.
		title, rest = rest[0], rest[1:]
	}
	if title == "" {
		title = "附件"
	}
	// A line cut at the page's width runs on in the next; any other
	// line (an address, the hours, a phone) is a clause of the section's
	// one paragraph. On lines of their own, an item's number would read
	// as a heading and its phone line as a measure's contact block.
	var b strings.Builder
	for i, t := range rest {
		if i > 0 && !(displayWidth(rest[i-1]) >= width-2.5 && !ownLine.MatchString(t)) && !strings.HasSuffix(rest[i-1], "。") {
			if !sentenceEnd.MatchString(rest[i-1]) && !strings.HasSuffix(rest[i-1], "，") {
				b.WriteString("；")
			}
		}
		b.WriteString(t)
	}
	out := []string{Numeral(parts+1) + "、" + title}
	if b.Len() > 0 {
		out = append(out, ended(b.String()))
	}
	return out
}

// noticeOf is the booklet's notice title and the date after it (or, when
// none follows, the last date), wherever they stand: the fallback of
// bookletHead when the head has no title.
func noticeOf(pages []bookletPage) [2]string {
	var n [2]string
	last := ""
	for _, p := range pages {
		for _, l := range p.body {
			t := stripSpace(l)
			d := bookletDate(t)
			switch {
			case n[0] == "" && noticeTitle.MatchString(t):
				n[0] = t
			case n[0] != "" && n[1] == "" && d != "":
				n[1] = d
			}
			if d != "" {
				last = d
			}
		}
	}
	if n[0] != "" && n[1] == "" {
		n[1] = last
	}
	return n
}

// chineseDate is a date written in Chinese numerals ("二〇二二年七月八日").
var chineseDate = regexp.MustCompile(`^[ \t　]*([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日[ \t　]*$`)

// bookletDate reads a signature's date line, in digits or in Chinese
// numerals, as YYYY-MM-DD, or "".
func bookletDate(t string) string {
	if d := headDate.FindStringSubmatch(t); d != nil {
		return fmt.Sprintf("%s-%s-%s", d[1], pad2(d[2]), pad2(d[3]))
	}
	d := chineseDate.FindStringSubmatch(t)
	if d == nil {
		return ""
	}
	year := strings.Map(func(r rune) rune {
		if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
			return '0' + rune(utf8.RuneCountInString("〇一二三四五六七八九"[:i]))
		}
		if r == '零' || r == '○' || r == 'Ｏ' {
			return '0'
		}
		return r
	}, d[1])
	month, day := ParseNumeral(d[2]), ParseNumeral(d[3])
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", year, month, day)
}

// mergeCopies keeps one entry per measure name: a corrupted copy of the
// text repeats an entry (its sentences copied ahead of their place), and
// an unnumbered measure is known by its name alone. The last copy keeps
// its place; a field it lacks is taken from an earlier copy, and the
// footnotes of every copy are kept.
func mergeCopies(measures []*bookletMeasure) []*bookletMeasure {
	last := map[string]int{}
	for i, m := range measures {
		if m.fields != nil || m.notes != nil {
			last[m.title] = i
		}
	}
	var out []*bookletMeasure
	for i, m := range measures {
		j, ok := last[m.title]
		if !ok || j == i {
			out = append(out, m)
			continue
		}
		keep := measures[j]
		for _, f := range m.fields {
			if !slices.ContainsFunc(keep.fields, func(g [2]string) bool { return g[0] == f[0] }) {
				keep.fields = append(keep.fields, f)
			}
		}
		keep.addNotes(m.notes, m.paged)
		for label, r := range m.reads {
			if keep.reads == nil {
				keep.reads = map[string][]string{}
			}
			keep.reads[label] = append(keep.reads[label], r...)
		}
	}
	return out
}

// footerNumber reads a page footer's number.
var footerNumber = regexp.MustCompile(`\d{1,3}`)

// pagesRise reports whether the page footers of lines count up: each
// above the one before (a page without a footer skips a number), or
// starting again at 1 (a TOC or front matter numbered on its own). A
// number repeated or going back elsewhere is a corrupted copy's.
func pagesRise(lines []string) bool {
	last := 0
	for _, l := range lines {
		if !pageFooter.MatchString(l) {
			continue
		}
		n, _ := strconv.Atoi(footerNumber.FindString(l))
		if n <= last && n != 1 {
			return false
		}
		last = n
	}
	return true
}
