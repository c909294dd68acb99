package seeds

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A guide may reach the bot as the OCR text of a received fax (传真件): the
// fax machine prints a transmission header on every page ("2022-06-22 09:47
// FROM:… TO:… P.003/014"; a page faxed on again gets a second one, "06/23/2022
// 08:31 … PAGE 04"), a cover sheet (传真封面: 收件单位, 发件单位, 经办人 and
// the clerk's phone, which is no measure's contact) may open it, a page may
// be sent twice, and the OCR adds noise lines ("·  ·  ,", "丨", "■", "_ _ _"),
// reads full-width digits, look-alike characters in field labels
// ("联系入：", "责仼单位："), letters for digits in phones ("552lO318"),
// and a red seal over the signature as symbol salad. The lines are cut at
// the fax page's width anywhere: inside words, numbers and phones, and a
// cut may fall across a page break (footer and headers in between).
//
// faxText, run before any other reader, rewrites such a text into the
// guide it carries: headers, footers and noise lines dropped, the cover
// sheet dropped (its sender becomes the guide's source), a page sent twice
// kept once, lines cut at the width joined again, labels and phones put
// right, the seal's date kept as the guide's date and the seal and a
// handwritten note after it reported as unread. A text without fax
// headers on several pages comes back unchanged.
var (
	// A fax machine's transmission header holds a date and a time
	// (faxStamped) and ends with the page counter (faxCounter); station
	// ids and numbers may stand anywhere between.
	faxStamped = regexp.MustCompile(`(?:^|[^0-9])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}年\d{1,2}月\d{1,2}日)[ \t　]*(?:[A-Za-z]{3}[ \t　]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[^0-9]|$)`)
	faxCounter = regexp.MustCompile(`(?i)[ \t　](?:P(?:AGE|G)?\.?[ \t　]*(\d{1,3})(?:[ \t　]*/[ \t　]*\d{1,3})?|第[ \t　]*(\d{1,3})[ \t　]*页(?:[ \t　]*/?[ \t　]*共[ \t　]*\d{1,3}[ \t　]*页)?|(\d{1,3})[ \t　]*/[ \t　]*\d{1,3})[ \t　]*$`)
	// faxCover names a fax cover sheet.
	faxCover = regexp.MustCompile(`传[ \t　]*真[ \t　]*(?:封[ \t　]*面|首[ \t　]*页|件)|FAX[ \t　]*COVER`)
	// faxSender is the cover sheet's sender.
	faxSender = regexp.MustCompile(`^[ \t　]*(?:发[ \t　]*件[ \t　]*(?:单[ \t　]*位|人|方)|发[ \t　]*文[ \t　]*单[ \t　]*位)[ \t　]*[：:][ \t　]*(\S.*?)[ \t　]*$`)
	// faxCoverField is a labelled field of a cover sheet.
	faxCoverField = regexp.MustCompile(`^[ \t　]*(?:收[ \t　]*件|发[ \t　]*件|收[ \t　]*文|发[ \t　]*文)`)
	// faxStamp holds the symbols a seal's OCR is made of.
	faxStamp = regexp.MustCompile(`[◎※★☆＠@●○◆◇＊*%％·•■□]`)
	// faxNote is a handwritten note after the seal: short, dated month.day.
	faxNote = regexp.MustCompile(`^[ \t　]*\S.{0,24}[ \t　]\d{1,2}[.．/]\d{1,2}[ \t　]*$`)
	faxDate = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)
	// faxUnitLabel opens a contact line.
	faxUnitLabel = regexp.MustCompile(`^[ \t　]*(?:责任单位|牵头单位|主办单位|承办单位|责任部门|牵头部门)[ \t　]*[：:]`)
	// faxSecondUnit is a contact line naming a second unit without the
	// label ("区农业农村局；联系人：曹勇，电话：…").
	faxSecondUnit = regexp.MustCompile(`^[ \t　]*([^ \t　：:；;，,。]{2,30})[；;][ \t　]*联系人[ \t　]*[：:]`)
	// faxLabelEnd is a label at a line's start.
	faxLabelStart = regexp.MustCompile(`^[ \t　]*\p{Han}{2,8}[：:]`)
	// faxPhoneRun is a run of a phone's characters with the letters OCR
	// reads for digits; faxPhoneLine a line holding a phone's label.
	faxPhoneRun  = regexp.MustCompile(`(?:^|[^A-Za-z0-9])([0-9OolIB]{2,4}[-－—][0-9OolIB]{6,9}|[0-9OolIB]{7,12})(?:$|[^A-Za-z0-9])`)
	faxPhoneLine = regexp.MustCompile(`电话|热线|联系方式`)
	// faxComplaint is a complaint hotline's label ("投诉举报电话："), read as
	// a 咨询电话 so that a line naming no unit still gives the measure
	// its phone.
	faxComplaint = regexp.MustCompile(`(^|[；;，,][ \t　]*)\p{Han}{0,4}(?:投诉|举报)\p{Han}{0,4}电话[ \t　]*[：:]`)
	faxDigitSlip = strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1", "B", "8")
	faxWide      = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9")
	faxWideDash  = regexp.MustCompile(`(\d)－(\d)`)
)

// faxMinHeaders is how many transmission headers, on pages with different
// counters, show a fax.
const faxMinHeaders = 3

// faxLabels are the field labels whose OCR look-alikes faxText puts right,
// and faxLookalikes the characters OCR mistakes each character for.
var (
	faxLabels     = []string{"责任单位", "牵头单位", "联系人", "联系电话", "咨询电话", "电话", "经办人", "负责人"}
	faxLookalikes = map[rune][]rune{
		'人': {'入', '八'}, '任': {'仼', '住'}, '责': {'贵'}, '位': {'住'}, '联': {'朕'},
		'系': {'糸'}, '话': {'活'}, '单': {'早'}, '牵': {'牽'}, '负': {'员'}, '经': {'经'},
	}
	faxLabelFix = faxLabelReplacer()
)

// faxLabelReplacer maps every label with one look-alike character, before
// its colon, to the label.
func faxLabelReplacer() *strings.Replacer {
	var pairs []string
	for _, l := range faxLabels {
		rs := []rune(l)
		for i, r := range rs {
			for _, alike := range faxLookalikes[r] {
				if alike == r {
					continue
				}
				v := append([]rune{}, rs...)
				v[i] = alike
				for _, colon := range []string{"：", ":"} {
					pairs = append(pairs, string(v)+colon, l+colon)
				}
			}
		}
	}
	return strings.NewReplacer(pairs...)
}

// faxLine is one line of a fax and what it is.
type faxLine struct {
	text  string
	page  int  // the page counter of the header above it, 0 before any
	drop  bool // furniture, noise, cover or a page's second copy
	blank bool
}

// faxText rewrites a fax's OCR text into the guide it carries (see above);
// any other text comes back unchanged.
func faxText(text string) (string, []Unread, []Duplicate) {
	var raw []string
	for _, l := range strings.Split(text, "\n") {
		raw = append(raw, faxSplitHeader(l)...)
	}
	pages := map[int]bool{}
	headers := 0
	for _, l := range raw {
		if n, ok := faxPage(l); ok {
			headers++
			pages[n] = true
		}
	}
	if headers < faxMinHeaders || len(pages) < 2 {
		return text, nil, nil
	}
	var unread []Unread
	var dups []Duplicate
	lines := make([]faxLine, len(raw))
	page := 0
	for i, l := range raw {
		l = strings.TrimRight(l, " \t　\r")
		lines[i] = faxLine{text: l, page: page, blank: strings.TrimSpace(l) == ""}
		if n, ok := faxPage(l); ok {
			page = n
			lines[i].page, lines[i].drop = n, true
			continue
		}
		if pageFooter.MatchString(l) || faxNoise(l) {
			lines[i].drop = true
		}
	}
	// The cover sheet: the lines before the first page that holds none of
	// its fields, when one names itself a fax cover. Its lines repeated
	// later (a corrupted copy's) go too.
	issuer := ""
	cover := map[string]bool{}
	if end := faxCoverEnd(lines); end > 0 {
		for i := range end {
			if t := squeezeSpace(lines[i].text); t != "" && !lines[i].drop {
				cover[t] = true
				if m := faxSender.FindStringSubmatch(lines[i].text); m != nil && issuer == "" {
					issuer = squeezeSpace(m[1])
				}
			}
			lines[i].drop = true
		}
		for i := end; i < len(lines); i++ {
			if cover[squeezeSpace(lines[i].text)] {
				lines[i].drop = true
			}
		}
	}
	// A page sent twice: its second copy (the same text, noise aside) goes.
	seen := map[string]bool{}
	for start := 0; start < len(lines); {
		end := start + 1
		for end < len(lines) && !(lines[end].drop && faxIsHeader(lines[end].text) && !faxIsHeader(lines[end-1].text)) {
			end++
		}
		var b strings.Builder
		for i := start; i < end; i++ {
			if !lines[i].drop {
				b.WriteString(squeezeSpace(lines[i].text))
			}
		}
		if k := b.String(); k != "" {
			if seen[k] {
				for i := start; i < end; i++ {
					lines[i].drop = true
				}
				dups = append(dups, Duplicate{Sentence: k, Copies: 1})
			}
			seen[k] = true
		}
		start = end
	}
	// The seal and what is written after it.
	date := ""
	stamped := false
	for i := range lines {
		l := &lines[i]
		if l.drop || l.blank {
			continue
		}
		switch {
		case faxSeal(l.text):
			if m := faxDate.FindStringSubmatch(l.text); m != nil && date == "" {
				date = fmt.Sprintf("%s-%02s-%02s", m[1], pad2(m[2]), pad2(m[3]))
			}
			stamped = true
			l.drop = true
			unread = append(unread, Unread{Line: strings.TrimSpace(l.text), Why: "a seal's OCR on a faxed page"})
		case stamped && faxNote.MatchString(l.text) && !faxUnitLabel.MatchString(l.text):
			l.drop = true
			unread = append(unread, Unread{Line: strings.TrimSpace(l.text), Why: "a handwritten note on a faxed page"})
		}
	}
	// Blank lines next to dropped furniture are the page's margins.
	var kept []faxLine
	for i, l := range lines {
		if l.drop {
			continue
		}
		if l.blank && (faxNearDrop(lines, i, -1) || faxNearDrop(lines, i, 1)) {
			continue
		}
		l.text = faxFixLine(l.text)
		kept = append(kept, l)
	}
	var texts []string
	for _, l := range kept {
		if !l.blank {
			texts = append(texts, l.text)
		}
	}
	width := faxWrapWidth(texts)
	var out []string
	for i := 0; i < len(kept); i++ {
		l := kept[i].text
		for width > 0 && i+1 < len(kept) && faxContinues(l, kept[i+1], width) {
			i++
			l = strings.TrimRight(l, " \t　") + strings.TrimLeft(kept[i].text, " \t　")
		}
		l = faxFixPhones(l)
		if len(out) > 0 && faxSecondUnit.MatchString(l) && !faxUnitLabel.MatchString(l) {
			// A second unit's contact on a line of its own, its label
			// left to the line above's.
			if m := faxUnitLabel.FindString(out[len(out)-1]); m != "" {
				l = strings.TrimSpace(m) + strings.TrimLeft(l, " \t　")
			}
		}
		out = append(out, l)
	}
	out, cut := faxCutCopies(out)
	dups = append(dups, cut...)
	out = faxHead(out, date, issuer)
	return strings.Join(out, "\n"), unread, dups
}

// faxPage reads a transmission header's page counter: a short line
// with a date and a time, no sentence's punctuation, ending with the
// counter.
func faxPage(l string) (int, bool) {
	if len(l) > 160 || strings.ContainsAny(l, "，。；、！？") {
		return 0, false
	}
	m := faxCounter.FindStringSubmatchIndex(l)
	if m == nil || !faxStamped.MatchString(l[:m[0]]) {
		return 0, false
	}
	for k := 2; k+1 < len(m); k += 2 {
		if m[k] >= 0 {
			n, _ := strconv.Atoi(l[m[k]:m[k+1]])
			return n, true
		}
	}
	return 0, false
}

func faxIsHeader(l string) bool {
	_, ok := faxPage(l)
	return ok
}

// faxNoise reports whether a line is OCR noise: a few dots, bars, blocks
// or underscores and nothing else.
func faxNoise(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || utf8.RuneCountInString(t) > 40 {
		return false
	}
	strong := false
	for _, r := range t {
		switch r {
		case '·', '•', '・', '丨', '|', '■', '□', '▪', '_', '＿', '¦':
			strong = true
		case ' ', '\t', '　', '.', ',', '，', '、', '\'', '`', '-', '‐', '~', '：', ':', ';', '；':
		default:
			return false
		}
	}
	return strong
}

// faxNoisePrefix is noise a corrupted copy glued before a line's text.
var faxNoisePrefix = regexp.MustCompile(`^[ \t　.,，、]*(?:[·•・丨|■□▪_＿][ \t　.,，、]*)+`)

// faxSeal reports whether a line is a seal's OCR: several of its symbols
// and no sentence.
func faxSeal(l string) bool {
	return len(faxStamp.FindAllString(l, -1)) >= 2 && !strings.ContainsAny(l, "。；：，") && !faxUnitLabel.MatchString(l)
}

// faxCoverEnd returns the index of the first line after a cover sheet, or
// 0: the cover is the text before the second page's header, when it names
// itself a fax cover and holds sender or addressee fields.
func faxCoverEnd(lines []faxLine) int {
	first := -1
	for i, l := range lines {
		if !faxIsHeader(l.text) {
			continue
		}
		if first < 0 {
			first = l.page
			continue
		}
		if l.page == first {
			continue
		}
		// i is the second page's header (with any header run before it).
		for i > 0 && faxIsHeader(lines[i-1].text) {
			i--
		}
		named, fields := false, 0
		for _, c := range lines[:i] {
			if faxCover.MatchString(squeezeSpace(c.text)) {
				named = true
			}
			if faxCoverField.MatchString(c.text) {
				fields++
			}
		}
		if named && fields >= 1 {
			return i
		}
		return 0
	}
	return 0
}

// faxNearDrop reports whether the nearest line from i in direction dir that
// is not blank was dropped (or there is none).
func faxNearDrop(lines []faxLine, i, dir int) bool {
	for j := i + dir; j >= 0 && j < len(lines); j += dir {
		if !lines[j].blank {
			return lines[j].drop
		}
	}
	return true
}

// faxFixLine puts right what OCR did to a line: full-width digits, noise
// glued before the text, look-alike label characters and letters read for
// a phone's digits.
func faxFixLine(l string) string {
	if loc := faxNoisePrefix.FindStringIndex(l); loc != nil && loc[1] < len(l) {
		l = l[loc[1]:]
	}
	return l
}

// faxFixPhones puts right, on a joined line holding a phone's label, the
// look-alike label characters and the letters read for a phone's digits.
func faxFixPhones(l string) string {
	l = faxWideDash.ReplaceAllString(faxWide.Replace(l), "$1-$2")
	l = faxWideDash.ReplaceAllString(l, "$1-$2")
	l = faxLabelFix.Replace(l)
	l = faxComplaint.ReplaceAllString(l, "${1}咨询电话：")
	if faxPhoneLine.MatchString(l) {
		l = faxPhoneRun.ReplaceAllStringFunc(l, func(s string) string {
			digits := 0
			for _, r := range s {
				if r >= '0' && r <= '9' {
					digits++
				}
			}
			if digits < 6 {
				return s
			}
			return faxDigitSlip.Replace(s)
		})
	}
	return l
}

// faxContinues reports whether line, cut at width, runs on in next.
func faxContinues(line string, next faxLine, width float64) bool {
	t, n := strings.TrimRight(line, " \t　"), next.text
	if strings.TrimSpace(t) == "" || next.blank || faxWidth(t) < width-0.5 {
		return false
	}
	// A line of its own: a heading, a number, an indented paragraph, a
	// contact line or a second unit's.
	if ownLine.MatchString(strings.TrimSpace(n)) || strings.HasPrefix(n, " ") || strings.HasPrefix(n, "　") || strings.HasPrefix(n, "\t") ||
		faxUnitLabel.MatchString(n) || faxSecondUnit.MatchString(n) {
		return false
	}
	// A sentence that ends flush with the width, then a labelled line.
	if strings.HasSuffix(t, "。") && faxLabelStart.MatchString(n) {
		return false
	}
	return true
}

// faxHead joins the title's lines (centred, short, before the first
// sentence) into one and puts the seal's date and the cover's sender after
// it, as a web page's 发布日期 and 来源 (see readPreamble).
func faxHead(lines []string, date, issuer string) []string {
	first := -1
	var title []string
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			if first >= 0 {
				break
			}
			continue
		}
		if headerPunct.MatchString(t) || ownLine.MatchString(t) || l == t || utf8.RuneCountInString(t) > 40 {
			break
		}
		if first < 0 {
			first = i
		}
		title = append(title, t)
	}
	if first < 0 {
		return lines
	}
	head := []string{strings.Join(title, "")}
	if date != "" {
		head = append(head, "发布日期："+date)
	}
	if issuer != "" {
		head = append(head, "来源："+issuer+"。")
	}
	out := append([]string{}, lines[:first]...)
	out = append(out, head...)
	return append(out, lines[first+len(title):]...)
}

// faxWidth is a line's width in a fax's columns: a wide character (CJK,
// full-width forms) takes two, anything else one, the way a fax's text is
// cut ("“" and "—" are narrow there).
func faxWidth(s string) float64 {
	w := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
			w += 2
		default:
			w++
		}
	}
	return float64(w) / 2
}

// faxWrapWidth is the width a fax's lines were cut at: the width most
// lines reach (within half a cell, a wide character that did not fit),
// when at least pdfMinWrapped and a fifth of the lines do; 0 if none.
// Lines wider than it (a corrupted copy glues lines) do not count.
func faxWrapWidth(lines []string) float64 {
	count := map[float64]int{}
	n := 0
	for _, l := range lines {
		if t := strings.TrimRight(l, " \t　"); strings.TrimSpace(t) != "" {
			n++
			if w := faxWidth(t); w >= 16 {
				count[w]++
			}
		}
	}
	best, width := 0, 0.0
	for w, c := range count {
		if c+count[w-0.5] > best || c+count[w-0.5] == best && w > width {
			best, width = c+count[w-0.5], w
		}
	}
	if best < pdfMinWrapped || best*5 < n {
		return 0
	}
	return width
}

// faxSplitHeader splits off the text a corrupted copy glued after a
// transmission header (a measure's number or a heading, whose line break
// went): the header, then that text on a line of its own.
func faxSplitHeader(l string) []string {
	if !strings.Contains(l, ":") || faxIsHeader(l) {
		return []string{l}
	}
	for i := range l {
		if i > 0 && ownLine.MatchString(l[i:]) && faxIsHeader(l[:i]) {
			return []string{l[:i], l[i:]}
		}
	}
	return []string{l}
}

// faxCutCopies drops a piece of a sentence that the text holds whole
// elsewhere: the words of a page sent twice around its page break, which
// a corrupted copy took away from the break (the copy's lines at the
// page's end or start, joined to nothing). A piece is what stands between
// two 。 on a line; a short one, or one with a label, is left alone.
func faxCutCopies(lines []string) ([]string, []Duplicate) {
	var segs []string
	for _, l := range lines {
		for _, s := range strings.SplitAfter(squeezeSpace(l), "。") {
			if s != "" {
				segs = append(segs, s)
			}
		}
	}
	// inside reports whether p stands in a longer piece as its start or
	// inside a word (not after a comma: a clause a sentence may share).
	inside := func(p string) bool {
		for _, s := range segs {
			if len(s) <= len(p) {
				continue
			}
			for off := 0; ; {
				i := strings.Index(s[off:], p)
				if i < 0 {
					break
				}
				at := off + i
				if r, _ := utf8.DecodeLastRuneInString(s[:at]); at == 0 && !strings.HasSuffix(p, "。") || at > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
					return true
				}
				off = at + 1
			}
		}
		return false
	}
	var dups []Duplicate
	var out []string
	for _, l := range lines {
		var kept strings.Builder
		cut := false
		for _, piece := range strings.SplitAfter(l, "。") {
			p := squeezeSpace(piece)
			if utf8.RuneCountInString(p) >= 12 && !faxPhoneLine.MatchString(p) && !strings.ContainsAny(p, "：:") && inside(p) {
				dups = append(dups, Duplicate{Sentence: p, Copies: 1})
				cut = true
				continue
			}
			kept.WriteString(piece)
		}
		if cut && strings.TrimSpace(kept.String()) == "" {
			continue
		}
		out = append(out, kept.String())
	}
	return out, dups
}
