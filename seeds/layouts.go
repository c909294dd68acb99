package seeds

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Two layouts districts publish that the parser reads by rewriting them into
// the numbered layout it knows (issue 20):
//
// Articles (若干措施 written as a regulation): chapters "第一章 总则" and
// articles numbered with Chinese numerals through the whole document,
// "第三条 【短标题】正文…（责任单位：区财政局；联系人：…；联系电话：…）".
// A chapter becomes a section heading ("一、总则") and an article a measure
// ("3．【短标题】正文…"); the trailer is a closing clause (see clauseBlock).
//
// Policy Q&A (惠企政策问答): "N. 问：…？", "答：…", "政策依据：《…》",
// "咨询部门：区税务局 经办科室：…科 联系人：… 咨询电话：…". The 咨询部门 line
// is a duty block (its 经办科室 the unit's department), and the 政策依据
// line is ended with 。 so that it stays a sentence of its own measure
// rather than gluing onto the contact block and the next question.
var (
	numeralChars = `〇零一二两三四五六七八九十百千`
	// articleChars are those of an article's or a chapter's number:
	// Chinese numerals, or digits as some regulations write them ("第5条",
	// half- or full-width); see articleNumeral.
	articleChars = numeralChars + `0-9０-９`
	// articleAt is an article number at the start of a line, or right after
	// the clause or sentence that ends the article before it (a seed's
	// line breaks may be lost); "依照本措施第三条" is a reference, not one.
	articleAt = regexp.MustCompile(`(^|\n|[。）)])([ \t　]*)第([` + articleChars + `]+)条[ \t　]*`)
	chapterAt = regexp.MustCompile(`(?m)^([ \t　]*)第([` + articleChars + `]+)章[ \t　]*`)

	// A corrupted seed may lose the line break before a question, an
	// answer or a label: they are read anywhere.
	questionAt = regexp.MustCompile(`\d{1,3}[.．、][ \t　]*问[：:]`)
	answerAt   = regexp.MustCompile(`答[：:]`)
	basisLine  = regexp.MustCompile(`(政策依据[：:][^\n。]*?)[ \t　]*(\n|$)`)
	// basisTitles is a 政策依据 naming documents by their titles: it ends
	// after the last title even where a corrupted seed lost the line break
	// ("政策依据：《…》14.问：…").
	basisTitles = regexp.MustCompile(`政策依据[：:][ \t　]*(?:《[^《》\n]{1,80}》[、，,及和与]?)+`)
	consultAt   = regexp.MustCompile(`咨询部门[：:]`)
	consultPair = regexp.MustCompile(`(责任单位：[^ \t　；;：:\n]+)[；;]([^ \t　；;：:\n]+[ \t　])`)
	deptLabel   = regexp.MustCompile(`[ \t　]*经办科室[：:][ \t　]*`)
)

// normalizeLayouts rewrites an article or Q&A guide into the numbered
// layout, text copied out of a PDF into its lines (see normalizePDF), a
// TAB-separated table into one cell per line (see
// normalizeTabTables), a public-account article into a policy list (see
// normalizeArticle), a guide numbered （1）（2）… with contacts per section
// into the numbered layout (see normalizeBracketNumbers) and a measure's
// 政策咨询 and 办理渠道 lines into a duty block and sentences (see
// normalizeConsult), a press conference's transcript (see normalizeSpeech)
// and an infographic's text (see normalizePanels) into the numbered layout
// and a contact table; any other text comes back unchanged.
func normalizeLayouts(text string) string {
	text = normalizeConsult(normalizeBracketNumbers(normalizeArticle(normalizeTabTables(normalizeWebQA(normalizeDecimal(normalizeCoded(normalizeScan(normalizeParts(normalizeMarkdown(normalizeSpeech(normalizePanels(normalizeBooklet(normalizeHandbook(text))))))))))))))
	if articles := articleAt.FindAllStringSubmatch(text, -1); len(articles) >= 3 && numeralsRise(articles) {
		text = webArticleHead(normalizeAnnexContacts(text))
		text = articleAt.ReplaceAllStringFunc(text, func(s string) string {
			m := articleAt.FindStringSubmatch(s)
			return m[1] + m[2] + strconv.Itoa(articleNumeral(m[3])) + "．"
		})
		text = chapterAt.ReplaceAllStringFunc(text, func(s string) string {
			m := chapterAt.FindStringSubmatch(s)
			return m[1] + Numeral(articleNumeral(m[2])) + "、"
		})
	}
	if len(questionAt.FindAllStringIndex(text, 3)) >= 3 && len(answerAt.FindAllStringIndex(text, 3)) >= 3 {
		text = endBasis(text)
		text = questionsOnOwnLine(text)
		text = consultAt.ReplaceAllString(text, "责任单位：")
		// "咨询部门：区税务局；区财政局 咨询电话：…": two units, one list.
		text = consultPair.ReplaceAllString(text, "${1}、${2}")
		// The department after its unit, as a 责任单位 line writes it
		// ("区税务局 货物和劳务税科").
		text = deptLabel.ReplaceAllString(text, " ")
	}
	return text
}

// webArticleHead drops the lines a web page puts above an article guide's
// notice (see decimalHead) when the head has a breadcrumb or font links:
// the notice's title then opens the guide, and the page's date is its
// publication's. The head ends at the first chapter or article.
func webArticleHead(text string) string {
	end := len(text)
	for _, re := range []*regexp.Regexp{articleAt, chapterAt} {
		if loc := re.FindStringIndex(text); loc != nil {
			end = min(end, loc[0])
		}
	}
	for _, l := range strings.Split(text[:end], "\n") {
		if t := strings.Trim(l, " \t　"); breadcrumb.MatchString(t) || shareLine.MatchString(t) {
			return decimalHead(text[:end]) + text[end:]
		}
	}
	return text
}

// articleNumeral reads an article's or a chapter's number written in
// Chinese numerals or in digits (see articleChars), or 0.
func articleNumeral(s string) int {
	digits := strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, s)
	if n, err := strconv.Atoi(digits); err == nil {
		return n
	}
	return ParseNumeral(s)
}

// numeralsRise reports whether most article numbers read (a reference
// or a seed's displaced sentence aside) are numerals and rise.
func numeralsRise(ms [][]string) bool {
	rising, prev := 0, 0
	for _, m := range ms {
		n := articleNumeral(m[3])
		if n > prev {
			rising++
		}
		if n > 0 {
			prev = n
		}
	}
	return rising*2 > len(ms)
}

// ErrFewMeasures is returned by Load for a text whose numbered starts the
// parser did not read as measures: a layout it does not know. Such a guide
// would load with no measure (or few) and the bot would decline everything.
var ErrFewMeasures = errors.New("far fewer measures read than the text numbers")

// startKinds are the ways a line may number a measure, each with the
// numeral it reads.
var startKinds = []struct {
	name string
	re   *regexp.Regexp
	num  func(string) int
}{
	{"N.", regexp.MustCompile(`(?m)^[ \t　]*(\d{1,3})[.．、]`), func(s string) int { n, _ := strconv.Atoi(s); return n }},
	{"第N条", regexp.MustCompile(`(?m)^[ \t　]*第([` + articleChars + `]+)条`), articleNumeral},
	{"（N）", regexp.MustCompile(`(?m)^[ \t　]*[（(]([` + numeralChars + `]+)[）)]`), ParseNumeral},
}

// checkMeasures returns an error wrapping ErrFewMeasures when the guide
// has no measure, or fewer than half the distinct numbers the text's
// lines start with in one way (steps "1." "2." under each measure number
// few distinct starts, so they do not count against a guide).
func checkMeasures(text string, g *Guide) error {
	most, kind := 0, ""
	for _, k := range startKinds {
		seen := map[int]bool{}
		for _, m := range k.re.FindAllStringSubmatch(text, -1) {
			if n := k.num(m[1]); n > 0 {
				seen[n] = true
			}
		}
		if len(seen) > most {
			most, kind = len(seen), k.name
		}
	}
	switch {
	case len(g.Measures) == 0 && most == 0:
		return fmt.Errorf("%w: no measure read and no numbered line found", ErrFewMeasures)
	case len(g.Measures) == 0 || len(g.Measures)*2 < most:
		return fmt.Errorf("%w: %d measures read, but %d lines numbered %s", ErrFewMeasures, len(g.Measures), most, kind)
	}
	return checkMarkup(text, g)
}

// ErrMarkup is returned by Load for a text whose measures read are mostly
// markup: a file of a format no reader knows (a package's XML parts, a
// web page's source), which the parser took line by line. Served, such a
// guide answers with tags and attribute runs, confidently and wrongly.
var ErrMarkup = errors.New("the measures read are markup, not text")

var (
	// markupRun is a tag, whole or cut off at the text's end, spaces
	// squeezed out or not (<c r="B5" s="7" t="s">, </t>, <?xml…?>,
	// <Typesxmlns="…">).
	markupRun = regexp.MustCompile(`<[/?!]?[A-Za-z_][^<>]{0,1000}(?:>|$)`)
	// attrRun is an attribute run outside a tag: name="value".
	attrRun = regexp.MustCompile(`[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*')`)
	// markupFormats name the format a markup text likely is, by what its
	// first part says.
	markupFormats = []struct{ sign, name string }{
		{"schemas.openxmlformats.org/spreadsheetml", "an .xlsx workbook's unzipped XML parts (SpreadsheetML 2006)"},
		{"schemas.openxmlformats.org/wordprocessingml", "a .docx document's unzipped XML parts (WordprocessingML)"},
		{"schemas.openxmlformats.org/presentationml", "a .pptx presentation's unzipped XML parts (PresentationML)"},
		{"urn:oasis:names:tc:opendocument", "an OpenDocument file's XML (content.xml)"},
		{"www.ofdspec.org", "an OFD document's XML"},
		{"idpf.org", "an EPUB's unzipped files (OPF and XHTML)"},
		{"application/epub+zip", "an EPUB's unzipped files (OPF and XHTML)"},
		{"urn:schemas-microsoft-com:office:spreadsheet", "an Excel XML Spreadsheet 2003 workbook"},
		{"<html", "a web page's HTML source"},
		{"<HTML", "a web page's HTML source"},
		{"<?xml", "an XML file"},
	}
)

// markupShare is the share of s's non-space bytes that are tags or
// attribute runs.
func markupShare(s string) float64 {
	total := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
			total++
		}
	}
	if total == 0 {
		return 0
	}
	marked := 0
	rest := markupRun.ReplaceAllStringFunc(s, func(m string) string {
		marked += len(strings.Join(strings.Fields(m), ""))
		return " "
	})
	for _, m := range attrRun.FindAllString(rest, -1) {
		marked += len(strings.Join(strings.Fields(m), ""))
	}
	return float64(marked) / float64(total)
}

// likelyFormat names the format a markup text likely is.
func likelyFormat(text string) string {
	head := text[:min(len(text), 20000)]
	for _, f := range markupFormats {
		if strings.Contains(head, f.sign) {
			return f.name
		}
	}
	return "markup (XML or HTML)"
}

// checkMarkup returns an error wrapping ErrMarkup when half the measures
// read or more have a text (or, lacking one, a first follow-up) that is
// mostly tags and attribute runs: the text is a format no reader knows,
// and the measures are its markup.
func checkMarkup(text string, g *Guide) error {
	markup, read := 0, 0
	for _, m := range g.Measures {
		t := m.Text
		if t == "" && len(m.Details) > 0 {
			t = m.Details[0]
		}
		if strings.TrimSpace(t) == "" {
			continue
		}
		read++
		if markupShare(t) >= 0.5 {
			markup++
		}
	}
	if read == 0 || markup*2 < read {
		return nil
	}
	return fmt.Errorf("%w: %d of %d measures read are mostly tags and attributes — the file looks like %s, a layout no reader knows yet", ErrMarkup, markup, read, likelyFormat(text))
}

// endBasis ends each 政策依据 with 。 (see normalizeLayouts): after its
// last title, or else at its line's end.
func endBasis(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range basisTitles.FindAllStringIndex(text, -1) {
		end := loc[1]
		b.WriteString(text[last:end])
		if !strings.HasPrefix(text[end:], "。") {
			b.WriteString("。")
		}
		last = end
	}
	b.WriteString(text[last:])
	return basisLine.ReplaceAllStringFunc(b.String(), func(s string) string {
		m := basisLine.FindStringSubmatch(s)
		return m[1] + "。" + m[2]
	})
}

// questionsOnOwnLine starts every "N. 问：" on a line of its own: a
// corrupted seed glues a question to the title or heading before it
// ("…政策问答一、税费减免类1. 问：…"), and a start inside a line is not
// read as a measure's start, so the first measure lost its text.
func questionsOnOwnLine(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range questionAt.FindAllStringIndex(text, -1) {
		b.WriteString(text[last:loc[0]])
		if loc[0] > 0 && text[loc[0]-1] != '\n' && !digitBefore(text, loc[0]) {
			b.WriteString("\n")
		}
		last = loc[0]
	}
	b.WriteString(text[last:])
	return b.String()
}

// digitBefore reports whether the byte before i is an ASCII digit: the
// match then began inside a longer number ("112. 问" is no "12. 问").
func digitBefore(text string, i int) bool {
	return i > 0 && text[i-1] >= '0' && text[i-1] <= '9'
}
