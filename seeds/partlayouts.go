package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Two more layouts the parser reads by rewriting them into the numbered
// layout with one labelled contact line per field (issue 20):
//
// A Markdown export of an online document: "## 一、…" sections, measures
// as "### N. title" headings numbered through the document (some in bold,
// one perhaps without its number), paragraphs and "- " bullets, and per
// measure a pipe table "| 责任单位 | 联系人 | 联系电话 |" or a bold line
// "**咨询：**unit person phone"; a table after "以上两项：" is the two
// measures'. Markup (quotes, rules, images, the 目录 of anchor links,
// footnotes, escapes) is dropped.
//
// A 服务包 grouped by department (按部门梳理): parts "一、区税务局（联系人：…，
// 咨询电话：…）" whose measures "1.【标题】…" are numbered anew in each part
// and inherit the part's contact unless they name their own ("具体咨询：
// unit person phone", or a closing "（区X局，联系人：…，电话：…）").
// Measures are renumbered through the document, and each is given its
// contact lines, so that the parser reads a measure and its contact as in
// any numbered guide.
//
// Both rewrites work on a scrambled copy too. The Markdown one rewrites
// each line from the text around it alone, so that a duplicated sentence
// stays an exact copy of its original. The 服务包 one cannot: a part's
// local numbers say nothing once headings are copied, moved or lost, so it
// numbers the measures from their originals' order (see numberParts) and
// writes the guide again in that order.

var (
	mdMeasure   = regexp.MustCompile(`^#{3,4}[ \t]+(?:\*\*)?(?:(\d{1,3})[.．、][ \t]*)?(.*?)(?:\*\*)?[ \t]*$`)
	mdSection   = regexp.MustCompile(`^#{1,2}[ \t]+(.*)$`)
	mdTOCLine   = regexp.MustCompile(`^[ \t]*[-*+][ \t]+\[[^\]]*\]\(#[^)]*\)[ \t]*$`)
	mdImage     = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdFootRef   = regexp.MustCompile(`\[\^\d+\]`)
	mdFootDef   = regexp.MustCompile(`^\[\^\d+\]:`)
	mdRule      = regexp.MustCompile(`^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$`)
	mdTableSep  = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$`)
	mdRow       = regexp.MustCompile(`^[ \t]*\|(.*)\|[ \t]*$`)
	mdBullet    = regexp.MustCompile(`^[ \t]*[-*+][ \t]+`)
	mdStepEsc   = regexp.MustCompile(`^[ \t]*(\d{1,2})\\[.．][ \t]*`)
	mdEscape    = regexp.MustCompile(`\\([\\.*_#\-\[\]()!|>+])`)
	mdShared    = regexp.MustCompile(`^[ \t]*以上(?:两|二|三|[2-9])项[：:]?[ \t]*$`)
	mdConsult   = regexp.MustCompile(`^[ \t]*(?:\*\*)?(?:咨询|联系|咨询方式|联系方式|咨询电话)[：:](?:\*\*)?[ \t]*(.+)$`)
	mdItalic    = regexp.MustCompile(`^[ \t]*[*_]([^*_].*?)[*_][ \t]*$`)
	personCell  = regexp.MustCompile(`^\p{Han}{2,4}$`)
	officeCell  = regexp.MustCompile(`(?:窗口|科|室|处|股|大厅|中心|站|所)$`)
	nonePerson  = regexp.MustCompile(`^(?:/|／|-|—|－|无|暂无)?$`)
	byLabelCell = regexp.MustCompile(`(单位|部门)|(联系人|经办人)|(电话|方式|热线)`)
)

// isMarkdownGuide reports whether text is an online document's Markdown
// export numbering its measures as "###" headings.
func isMarkdownGuide(text string) bool {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "### ") || strings.HasPrefix(l, "###\t") {
			n++
		}
	}
	return n >= 3
}

// contactFieldLines writes one contact as labelled lines, the person
// cell read as a person, a department (an office or a window) or nothing.
func contactFieldLines(unit, person, phone string) []string {
	unit, person, phone = strings.TrimSpace(unit), strings.TrimSpace(person), strings.TrimSpace(phone)
	var out []string
	switch {
	case nonePerson.MatchString(person):
		person = ""
	case officeCell.MatchString(person) || !personCell.MatchString(person):
		unit, person = strings.TrimSpace(unit+" "+person), ""
	}
	if unit != "" && !nonePerson.MatchString(unit) {
		out = append(out, "责任单位："+unit)
	}
	if person != "" {
		out = append(out, "联系人："+person)
	}
	if phone != "" && !nonePerson.MatchString(phone) {
		out = append(out, "联系电话："+phone)
	}
	return out
}

// normalizeMarkdown rewrites a Markdown export (see isMarkdownGuide).
func normalizeMarkdown(text string) string {
	if !isMarkdownGuide(text) {
		return text
	}
	lines := strings.Split(text, "\n")
	numbers := unnumberedHeadings(lines)
	var out []string
	cols := [3]int{0, 1, 2} // unit, person, phone cells of the last header
	var last []string       // contact lines of the last table read
	shared := false
	current := 0 // the number of the last measure heading read
	head := true // before the first "##" heading
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t\r")
		switch {
		case mdTOCLine.MatchString(l), mdRule.MatchString(l), mdFootDef.MatchString(l), mdTableSep.MatchString(l):
			continue
		case strings.TrimSpace(mdImage.ReplaceAllString(l, "")) == "" && mdImage.MatchString(l):
			continue
		case mdShared.MatchString(l):
			shared = true
			continue
		}
		if m := mdMeasure.FindStringSubmatch(l); m != nil {
			title := strings.TrimSpace(m[2])
			n := numbers[title]
			if m[1] != "" {
				n, _ = strconv.Atoi(m[1])
			}
			if n == 0 {
				out = append(out, title)
				continue
			}
			current = n
			start := strconv.Itoa(n) + "．【" + title + "】"
			// The paragraph under the heading is the measure's text.
			if j := mdNextNonBlank(lines, i+1); j > 0 && proseMarkdown(lines[j]) {
				start += cleanMarkdown(lines[j])
				i = j
			}
			out = append(out, start)
			continue
		}
		if m := mdSection.FindStringSubmatch(l); m != nil {
			if t := strings.TrimSpace(m[1]); t != "目录" {
				out = append(out, strings.Trim(t, "*"))
			}
			continue
		}
		if m := mdRow.FindStringSubmatch(l); m != nil {
			cells := strings.Split(m[1], "|")
			if header(cells, &cols) {
				last = nil
				continue
			}
			get := func(k int) string {
				if cols[k] >= 0 && cols[k] < len(cells) {
					return mdEscape.ReplaceAllString(cells[cols[k]], "$1")
				}
				return ""
			}
			fields := contactFieldLines(get(0), get(1), get(2))
			last = append(last, fields...)
			if !shared {
				out = append(out, fields...)
			} else if i+1 >= len(lines) || !mdRow.MatchString(lines[i+1]) {
				// The two measures are the two before the heading after
				// the table (a scrambled copy puts a copy of the table,
				// and the heading that follows it, after another
				// measure); else the one the table follows and the one
				// before.
				second := current
				if j := mdNextNonBlank(lines, i+1); j > 0 {
					if m := mdMeasure.FindStringSubmatch(strings.TrimRight(lines[j], " \t\r")); m != nil && m[1] != "" {
						n, _ := strconv.Atoi(m[1])
						second = n - 1
					}
				}
				out = shareContacts(out, last, second)
				out = shareContacts(out, last, second-1)
				shared = false
			}
			continue
		}
		if m := mdConsult.FindStringSubmatch(l); m != nil && phoneIn.MatchString(m[1]) {
			f := strings.Fields(strings.ReplaceAll(m[1], "　", " "))
			if len(f) == 3 {
				out = append(out, contactFieldLines(f[0], f[1], f[2])...)
				continue
			}
		}
		if head && strings.HasPrefix(strings.TrimSpace(l), "##") {
			head = false
		}
		if !head {
			out = append(out, cleanMarkdown(l))
			continue
		}
		// The head before the first section: the "# " title, the quote
		// block's fields and the pasted page lines, each a sentence of its
		// own (the preamble reads the title, issuer and date from them);
		// the document's 更新时间 is its date.
		t := cleanMarkdown(strings.TrimPrefix(strings.TrimSpace(l), "# "))
		t = mdDateLabel.ReplaceAllString(t, "发布日期：")
		for _, x := range strings.Split(t, "\n") {
			if x = strings.TrimSpace(x); x != "" && !strings.ContainsAny(x[len(x)-1:], "。！？：；") && !strings.HasSuffix(x, "。") && !strings.HasSuffix(x, "：") && !strings.HasSuffix(x, "；") {
				x += "。"
			}
			out = append(out, x)
		}
	}
	return strings.Join(out, "\n")
}

// mdDateLabel labels a Markdown export's date field.
var mdDateLabel = regexp.MustCompile(`(?:更新时间|发布时间)[：:][ \t]*`)

// header reads a table's header row into cols, reporting whether cells
// were one.
func header(cells []string, cols *[3]int) bool {
	found := [3]int{-1, -1, -1}
	any := false
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if m := byLabelCell.FindStringSubmatch(c); m != nil && utf8.RuneCountInString(c) <= 6 {
			for k := range 3 {
				if m[k+1] != "" && found[k] < 0 {
					found[k], any = i, true
				}
			}
		}
	}
	if any {
		*cols = found
	}
	return any
}

// shareContacts gives measure n the contact lines of the table it
// shares with the measure after it ("以上两项：" then a table after the
// second). The measure is found by its number: in a scrambled copy the
// measure before the table may be another one.
func shareContacts(out, contacts []string, n int) []string {
	prefix := strconv.Itoa(n) + "．【"
	for i := len(out) - 1; i >= 0; i-- {
		if !strings.HasPrefix(out[i], prefix) {
			continue
		}
		j := i + 1
		for j < len(out) && !measureStartLine.MatchString(out[j]) && !isContactField(out[j]) {
			j++
		}
		res := append([]string{}, out[:j]...)
		res = append(res, contacts...)
		return append(res, out[j:]...)
	}
	return out
}

var measureStartLine = regexp.MustCompile(`^\d{1,3}．【`)

func isContactField(l string) bool {
	return strings.HasPrefix(l, "责任单位：") || strings.HasPrefix(l, "联系人：") || strings.HasPrefix(l, "联系电话：")
}

// unnumberedHeadings numbers the "###" headings written without a number
// by their neighbours: one more than the heading before, one less than the
// one after. A scrambled copy repeats a heading elsewhere; every copy
// takes the number most of its places give, so copies stay alike.
func unnumberedHeadings(lines []string) map[string]int {
	type h struct {
		n     int
		title string
	}
	var hs []h
	for _, l := range lines {
		if m := mdMeasure.FindStringSubmatch(strings.TrimRight(l, " \t\r")); m != nil {
			n, _ := strconv.Atoi(m[1])
			hs = append(hs, h{n, strings.TrimSpace(m[2])})
		}
	}
	votes := map[string]map[int]int{}
	for i, x := range hs {
		if x.n != 0 {
			continue
		}
		if votes[x.title] == nil {
			votes[x.title] = map[int]int{}
		}
		if i > 0 && hs[i-1].n > 0 {
			votes[x.title][hs[i-1].n+1]++
		}
		if i+1 < len(hs) && hs[i+1].n > 1 {
			votes[x.title][hs[i+1].n-1]++
		}
	}
	out := map[string]int{}
	for t, v := range votes {
		best, bn := 0, 0
		for n, c := range v {
			if c > best || c == best && n < bn {
				best, bn = c, n
			}
		}
		out[t] = bn
	}
	return out
}

func mdNextNonBlank(lines []string, i int) int {
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// proseMarkdown reports whether a line is a paragraph of text, not markup.
func proseMarkdown(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "|") && !mdBullet.MatchString(l) &&
		!mdShared.MatchString(l) && !mdConsult.MatchString(l) && !mdRule.MatchString(l) && !strings.HasPrefix(t, "!") && !mdStepEsc.MatchString(l)
}

// cleanMarkdown drops a line's markup: quote marks, bullets, bold and
// italics, footnote references, escapes; an escaped step "1\." becomes
// "（1）" so that it is not read as a measure's number.
func cleanMarkdown(l string) string {
	t := strings.TrimSpace(l)
	t = strings.TrimSpace(strings.TrimPrefix(t, ">"))
	if m := mdStepEsc.FindStringSubmatch(t); m != nil {
		t = "（" + m[1] + "）" + t[len(m[0]):]
	}
	t = mdBullet.ReplaceAllString(t, "")
	t = mdFootRef.ReplaceAllString(t, "")
	t = mdImage.ReplaceAllString(t, "")
	t = strings.ReplaceAll(t, "**", "")
	if m := mdItalic.FindStringSubmatch(t); m != nil {
		t = m[1]
	}
	t = mdEscape.ReplaceAllString(t, "$1")
	// A quote block's fields ("发布单位：… | 更新时间：…") one per line.
	if strings.Contains(t, " | ") {
		t = strings.ReplaceAll(t, " | ", "\n")
	}
	return t
}
