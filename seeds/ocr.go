package seeds

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Text OCR'd from a scanned PDF (issue 20) ends each measure with a duty
// bracket "（牵头单位：…；联系人：…；电话：…）" that the page's lines cut
// anywhere: at its label's ；, inside a unit's name ("区住房和城乡建" /
// "设局；"), and where a page ends inside it, between the page footer
// "— N —" and the running head that opens the next page. The scan spaces
// out some names ("区 人 社 局"), gives full-width digits
// ("０７１９－５８２３６０８") and writes "联系人、电话同上" for the person
// and phone of the bracket before. A corrupted copy also glues the next
// measure's number ("（三）…") right after a bracket's "）".
//
// normalizeOCR, run on a paginated text (page footers on two lines at
// least, as pageFurniture reads them) after normalizePDF, puts each duty
// bracket on one line (dropping the footer and running head inside it),
// joins spaced-out characters and full-width digits inside it, fills in
// 同上 from the bracket before, and starts the measure number after it on
// a line of its own. Any other text comes back unchanged.
var (
	dutyOpen       = regexp.MustCompile(`[（(][ \t　]*(?:牵头|责任)单位[ \t　]*[：:]`)
	dutyBracket    = regexp.MustCompile(`[（(][ \t　]*(?:牵头|责任)单位[ \t　]*[：:][^（()）]*[）)]`)
	spacedHan      = regexp.MustCompile(`\p{Han}(?:[ 　]\p{Han}){2,}`)
	wideDigits     = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9", "－", "-")
	ocrSameAbove   = regexp.MustCompile(`(?:联系人[、和及]?(?:联系)?电话|联系方式)[：:]?[ \t　]*同上`)
	ocrPersonPhone = regexp.MustCompile(`联系人[：:][^；;）)]*[；;][ \t　]*(?:联系)?电话[：:][^；;）)]*`)
	// ocrSlips are characters a scan reads as their look-alikes, in words
	// that have no other reading.
	ocrSlips = strings.NewReplacer("己经", "已经", "巳经", "已经", "个入", "个人")
	// redHead is a document's red header ("某区人民政府办公室文件") and
	// docNumber its 文号 line: neither is the title.
	redHead     = regexp.MustCompile(`^[ \t　]*\S{2,30}文件[ \t　]*$`)
	docNumber   = regexp.MustCompile(`^[ \t　]*\S{1,16}[〔［\[(（]\d{4}[〕］\])）]\d{1,4}号[ \t　]*$`)
	headDate    = regexp.MustCompile(`^[ \t　]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t　]*$`)
	numberAfter = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)`)
)

// normalizeScan is normalizePDF followed by normalizeOCR: the page's
// lines are joined first (a bracket put on one line before would make the
// lines' width look uncut), and whether the text was paginated is read on
// the text as given.
func normalizeScan(text string) string {
	return normalizeOCR(text, normalizePDF(text))
}

// normalizeOCR rewrites the duty brackets of text, normalizePDF's output
// for original, where original is paginated (see above).
func normalizeOCR(original, text string) string {
	footers := 0
	for _, l := range strings.Split(original, "\n") {
		if pageFooter.MatchString(l) {
			footers++
		}
	}
	if footers < pdfMinFooters || !dutyOpen.MatchString(text) {
		return text
	}
	lines := strings.Split(ocrSlips.Replace(text), "\n")
	lines = ocrHead(lines)
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for k := 0; k < 6 && i+1 < len(lines) && openDuty(l, lines[i+1]); k++ {
			i++
			next := lines[i]
			if pageFooter.MatchString(next) {
				// The page ends inside the bracket: the footer and the
				// running head that opens the next page go.
				if i+1 < len(lines) && runningHead(lines[i+1]) {
					i++
				}
				continue
			}
			l = strings.TrimRight(l, " \t　") + strings.TrimLeft(next, " \t　")
		}
		out = append(out, l)
	}
	text = strings.Join(out, "\n")
	var b strings.Builder
	last, prev := 0, ""
	for _, loc := range dutyBracket.FindAllStringIndex(text, -1) {
		br := text[loc[0]:loc[1]]
		br = spacedHan.ReplaceAllStringFunc(br, func(s string) string { return strings.NewReplacer(" ", "", "　", "").Replace(s) })
		br = wideDigits.Replace(br)
		if ocrSameAbove.MatchString(br) && prev != "" {
			br = ocrSameAbove.ReplaceAllLiteralString(br, prev)
		} else if m := ocrPersonPhone.FindString(br); m != "" {
			prev = m
		}
		b.WriteString(text[last:loc[0]])
		b.WriteString(br)
		if numberAfter.MatchString(text[loc[1]:]) {
			b.WriteString("\n")
		}
		last = loc[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// ocrHead reads a scanned document's head, the lines before its first
// part heading: the red header and the 文号 go, so that the notice's title
// opens the guide, and the signature's date becomes its 发布日期 right
// after that title.
func ocrHead(lines []string) []string {
	title, date := -1, -1
	var out []string
	for _, l := range lines {
		if sectionLine.MatchString(l) {
			break
		}
		switch {
		case redHead.MatchString(l) || docNumber.MatchString(l):
			continue
		case title < 0 && strings.Contains(l, "关于"):
			title = len(out)
		case title >= 0 && date < 0 && headDate.MatchString(l):
			m := headDate.FindStringSubmatch(l)
			date = len(out)
			l = fmt.Sprintf("发布日期：%s-%02s-%02s", m[1], pad2(m[2]), pad2(m[3]))
		}
		out = append(out, l)
	}
	if title < 0 || date < 0 {
		return lines
	}
	d := out[date]
	out = slices.Delete(out, date, date+1)
	out = slices.Insert(out, title+1, d)
	return append(out, lines[len(out):]...)
}

// openDuty reports whether line leaves a duty bracket open (or ends on the
// bracket that opens one on the next line).
func openDuty(line, next string) bool {
	t := strings.TrimRight(line, " \t　")
	if strings.HasSuffix(t, "（") || strings.HasSuffix(t, "(") {
		return dutyOpen.MatchString("（" + strings.TrimLeft(next, " \t　"))
	}
	locs := dutyOpen.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return false
	}
	return !strings.ContainsAny(t[locs[len(locs)-1][0]:], "）)")
}

// runningHead reports whether a line after a page footer is the running
// head: short, no punctuation, no number of its own.
func runningHead(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && !headerPunct.MatchString(t) && !ownLine.MatchString(t) && len([]rune(t)) <= 40
}
