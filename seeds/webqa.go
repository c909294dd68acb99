package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A 政策问答 page copied from a government website (issue 20) opens with the
// site's head: a breadcrumb ("首页>政务公开>…"), the title, a line
// "发布时间：2022-06-17 15:42 来源：某区发展和改革局 浏览次数：…【打印本页】",
// "分享到：", the title again and an 编者按. Its items "N. 问：…？" / "答：…"
// are numbered through the page, and each answer closes with its contact in
// whatever words its writer chose:
//
//	咨询单位：区税务局，联系人：张三，电话：0573-…
//	咨询单位：区税务局（张三，0573-…）；区财政局（李四，8xxxxxxx）
//	（咨询电话：8xxxxxxx，区人力社保局社保科 某某）
//	详询区商务局 某某 8xxxxxxx
//	区交通运输局（咨询电话：…，联系人：…）
//	12345
//	（咨询单位、联系人同上）          — the item before's
//	参照第14问                        — item 14's
//
// normalizeWebQA rewrites the head into title, 发布日期 and 来源 lines (the 来源 a sentence of
// its own, the issuer readPreamble reads), and
// each contact into one duty line "责任单位：U 联系人：P 咨询电话：X；U2 …"
// that readDuty knows, a reference into the contact it refers to. A
// corrupted seed glues a contact's last phone to the next item's number,
// digits on digits ("…电话：820962157. 问："): the number is split off where
// the phone before it keeps a phone's length (see splitGluedNumber). Every
// rewrite reads a line and the item number around it, so a sentence the
// corruption copied is rewritten the same wherever it stands. Any other
// text comes back unchanged.
var (
	qaItemAt = regexp.MustCompile(`(\d{1,12})([.．、][ \t　]*问[：:])`)
	// webHeadLine is the site's line under the title.
	webHeadLine = regexp.MustCompile(`发布(?:时间|日期)[：:][ \t　]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?(?:[ \t　]*\d{1,2}:\d{2}(?::\d{2})?)?(?:[ \t　]*来源[：:][ \t　]*([^ \t　\n【]+?)(?:[ \t　]|浏览|点击|阅读|作者|【|$))?`)
	breadcrumb  = regexp.MustCompile(`^[ \t　]*(?:当前位置[：:][ \t　]*)?首页[ \t　]*[>＞›»]`)
	shareLine   = regexp.MustCompile(`^[ \t　]*(?:分享到|【字体|【打印|【关闭|字号[：:])`)
	closingDate = regexp.MustCompile(`^[ \t　]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t　]*$`)
	// contactOpen opens a closing contact: a label, "详询", a bracketed
	// 咨询/联系 clause, or a unit followed by a bracketed phone.
	contactOpen = regexp.MustCompile(`^(?:咨询单位|联系单位|详询|[（(](?:咨询|联系)|联系人[：:]|(?:咨询|联系)?电话[：:]|(?:咨询|联系)方式[：:]|[^\s。，,：:（(]{2,20}[（(](?:咨询|联系)?电话)`)
	sameAbove   = regexp.MustCompile(`^[（(]?(?:(?:咨询单位[、和及]?联系人|咨询单位|联系人|咨询方式|联系方式)[均也]?)?同上[。]?[）)]?$`)
	referTo     = regexp.MustCompile(`^[（(]?(?:(?:咨询单位[、和及]?联系人|咨询单位|联系人|咨询方式|联系方式)[均也]?)?(?:参照|参见|同|见)第(\d{1,3})[问题条](?:咨询单位|联系方式|咨询方式)?[。]?[）)]?$`)
	// trailingContact is a bracketed contact closing an answer's last
	// paragraph after its 。.
	trailingContact = regexp.MustCompile(`。([（(](?:咨询|联系)[^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*[）)]|(?:咨询单位|详询|联系人[：:]|(?:咨询|联系)电话[：:])[^。]*)[ \t　]*$`)
	phoneAnywhere   = regexp.MustCompile(`0\d{2,3}-\d{7,8}|400-?\d{3}-?\d{4}|\d{5,11}`)
	contactLabels   = regexp.MustCompile(`咨询单位|联系单位|联系人|(?:咨询|联系)?电话|详询|咨询|请拨打|拨打|[：:，,（()）、\s　]+`)
	hotlineWords    = regexp.MustCompile(`拨打|热线`)
	// unitDeptRe is a unit ending in 中心 (which splitUnit takes for a
	// department's end) with its section written after it.
	unitDeptRe = regexp.MustCompile(`^(\S{2,20}?(?:中心|局|委|办))(\S{1,10}(?:科|室|股|处))$`)
	// gluedHeading is a section heading a corrupted seed glued to the
	// contact before it ("…0573-8209621二、金融支持篇").
	gluedHeading = regexp.MustCompile(`([\d）)问])([一二三四五六七八九十]{1,3}、)`)
)

// isWebQA reports whether text is a Q&A (three questions and answers) that
// a website's head or its contact wording marks as this layout.
func isWebQA(text string) bool {
	if len(qaItemAt.FindAllStringIndex(text, 3)) < 3 || len(answerAt.FindAllStringIndex(text, 3)) < 3 {
		return false
	}
	if webHeadLine.MatchString(text) && strings.Contains(text, "来源") {
		return true
	}
	cues := 0
	for _, l := range strings.Split(text, "\n") {
		t := strings.Trim(l, " \t　")
		if strings.HasPrefix(t, "咨询单位") || strings.HasPrefix(t, "详询") || sameAbove.MatchString(t) || referTo.MatchString(t) {
			cues++
		}
	}
	return cues >= 3
}

// normalizeWebQA rewrites a website's Q&A page (see above).
func normalizeWebQA(text string) string {
	if !isWebQA(text) {
		return text
	}
	text = questionsOnOwnLine(gluedHeading.ReplaceAllString(splitGluedNumbers(text), "$1\n$2"))
	lines := strings.Split(text, "\n")
	var out []string
	var title, published, source string
	contacts := map[int]string{} // item -> its duty line
	// A corrupted copy may put a reference ("参照第14问") before the item
	// it refers to: the items' own contacts are read first.
	for i, l := range lines {
		if t := strings.Trim(l, " \t　"); isContactClause(t) && !sameAbove.MatchString(t) && !referTo.MatchString(t) {
			if owner := ownerBefore(lines, i); owner > 0 {
				if d := dutyLine(t); d != "" {
					contacts[owner] = d
				}
			}
		}
	}
	item := 0
	head := true
	// The closing signature (issuer, date) when the page has no head line.
	last := len(lines) - 1
	for last >= 0 && strings.TrimSpace(lines[last]) == "" {
		last--
	}
	if last >= 1 {
		if m := closingDate.FindStringSubmatch(lines[last]); m != nil {
			if published == "" {
				published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
			}
			lines = lines[:last]
			if u := strings.Trim(lines[last-1], " \t　"); u != "" && utf8.RuneCountInString(u) <= 30 && !strings.ContainsAny(u, "。？?：:") && unitLike(u) {
				source = u
				lines = lines[:last-1]
			}
		}
	}
	for i, l := range lines {
		t := strings.Trim(l, " \t　")
		if loc := qaItemAt.FindStringSubmatchIndex(t); loc != nil && loc[0] == 0 {
			item, _ = strconv.Atoi(t[loc[2]:loc[3]])
			head = false
		}
		if head {
			switch m := webHeadLine.FindStringSubmatch(t); {
			case breadcrumb.MatchString(t), shareLine.MatchString(t):
				continue
			case m != nil:
				published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
				if m[4] != "" {
					source = m[4]
				}
				continue
			case title == "" && t != "" && !headingLine(t):
				title = t
				continue
			case t == title:
				continue // the title again, above the text
			}
			out = append(out, l)
			continue
		}
		// The item a contact belongs to: the one before the question it
		// is glued to, or else the last question read.
		owner := item
		if n := ownerBefore(lines, i); n > 0 {
			owner = n
		}
		body, clause := t, ""
		if m := trailingContact.FindStringSubmatchIndex(t); m != nil && phoneAnywhere.MatchString(t[m[2]:m[3]]) {
			body, clause = t[:m[2]], t[m[2]:m[3]]
		} else if isContactClause(t) {
			body, clause = "", t
		}
		if clause == "" {
			out = append(out, l)
			continue
		}
		duty := ""
		switch m := referTo.FindStringSubmatch(clause); {
		case sameAbove.MatchString(clause):
			duty = contacts[owner-1]
		case m != nil:
			n, _ := strconv.Atoi(m[1])
			duty = contacts[n]
		default:
			duty = dutyLine(clause)
		}
		if duty == "" {
			out = append(out, l)
			continue
		}
		contacts[owner] = duty
		if body != "" {
			out = append(out, body)
		}
		out = append(out, duty)
	}
	var b strings.Builder
	writeHead(&b, title, published, source)
	b.WriteString(strings.Join(out, "\n"))
	return b.String()
}

// headingLine reports whether t is a section heading "一、…".
func headingLine(t string) bool {
	i := strings.Index(t, "、")
	return i > 0 && ParseNumeral(t[:i]) > 0
}

// isContactClause reports whether a whole line is an answer's closing
// contact: opened as one, or phones alone, or a reference to another
// item's contact.
func isContactClause(t string) bool {
	if t == "" || strings.Contains(t, "。") || utf8.RuneCountInString(t) > 90 {
		return false
	}
	if sameAbove.MatchString(t) || referTo.MatchString(t) {
		return true
	}
	if !phoneAnywhere.MatchString(t) {
		return false
	}
	if contactOpen.MatchString(t) {
		return true
	}
	rest := strings.Trim(phoneAnywhere.ReplaceAllString(t, ""), " \t　、，,；;")
	return rest == ""
}

// dutyLine rewrites a contact clause into a duty line: its groups (split at
// ；) each a unit, people and phones, paired by position.
func dutyLine(clause string) string {
	var parts []string
	for _, g := range strings.FieldsFunc(clause, func(r rune) bool { return r == '；' || r == ';' }) {
		phones := phoneAnywhere.FindAllString(g, -1)
		var ok []string
		for _, p := range phones {
			if PhoneShape.MatchString(p) {
				ok = append(ok, p)
			}
		}
		var unit, dept string
		var people []string
		if !hotlineWords.MatchString(g) {
			for _, tok := range strings.Fields(contactLabels.ReplaceAllString(phoneAnywhere.ReplaceAllString(g, " "), " ")) {
				switch {
				case unit == "" && (unitLike(tok) || unitThenDept(tok)):
					unit, dept = splitUnit(tok, "")
					if m := unitDeptRe.FindStringSubmatch(unit); dept == "" && m != nil {
						unit, dept = m[1], m[2]
					}
				case unit != "" && dept == "" && hasAnySuffix(tok, departmentSuffixes):
					dept = tok
				case personLike(tok):
					people = append(people, tok)
				}
			}
		}
		if unit == "" && len(people) == 0 && len(ok) == 0 {
			continue
		}
		var b strings.Builder
		if unit != "" {
			b.WriteString(unit)
			if dept != "" {
				b.WriteString(" " + dept)
			}
		}
		if len(people) > 0 {
			b.WriteString(" 联系人：" + strings.Join(people, "、"))
		}
		if len(ok) > 0 {
			b.WriteString(" 咨询电话：" + strings.Join(ok, "、"))
		}
		parts = append(parts, strings.TrimSpace(b.String()))
	}
	if len(parts) == 0 {
		return ""
	}
	line := strings.Join(parts, "；")
	if !strings.HasPrefix(line, "联系人") && !strings.HasPrefix(line, "咨询电话") {
		line = "责任单位：" + line
	}
	return line
}

// splitGluedNumbers puts a line break between a phone and the next item's
// number glued to it ("…电话：820962157. 问：" is 82096215 then item 7): of
// the splits of the digit run, the one whose phone has a phone's length and
// whose number follows the item before (else the local 8-digit number) is
// taken.
func splitGluedNumbers(text string) string {
	var b strings.Builder
	last, prev := 0, 0
	for _, loc := range qaItemAt.FindAllStringSubmatchIndex(text, -1) {
		digits := text[loc[2]:loc[3]]
		start := loc[2]
		// A phone with its area code: "0573-8209621" + "57".
		areaStart := start
		if i := strings.LastIndex(text[max(0, start-6):start], "-"); i >= 0 {
			pre := text[max(0, start-6) : max(0, start-6)+i]
			if j := strings.LastIndexFunc(pre, func(r rune) bool { return r < '0' || r > '9' }); strings.HasPrefix(pre[j+1:], "0") && len(pre[j+1:]) >= 3 {
				areaStart = max(0, start-6) + j + 1
			}
		}
		cut := -1
		if len(digits) > 3 || digitBefore(text, start) {
			best := -1
			for k := 1; k <= 3 && k < len(digits); k++ {
				phone := text[areaStart : loc[3]-k]
				num := digits[len(digits)-k:]
				n, _ := strconv.Atoi(num)
				if num[0] == '0' || !PhoneShape.MatchString(phone) {
					continue
				}
				score := 1
				if n == prev+1 {
					score = 3
				} else if n > prev && n <= prev+3 {
					score = 2
				}
				if score > best {
					best, cut = score, loc[3]-k
				}
			}
		}
		n, _ := strconv.Atoi(digits)
		if cut >= 0 {
			n, _ = strconv.Atoi(text[cut:loc[3]])
			b.WriteString(text[last:cut])
			b.WriteString("\n")
			last = cut
		}
		if n > 0 && n < 1000 {
			prev = n
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// ownerBefore is the item whose contact line i is when the next line is a
// question: the one before it (0 if the next line is none).
func ownerBefore(lines []string, i int) int {
	if i+1 >= len(lines) {
		return 0
	}
	next := strings.Trim(lines[i+1], " \t　")
	if m := qaItemAt.FindStringSubmatch(next); m != nil && strings.HasPrefix(next, m[0]) {
		if n, _ := strconv.Atoi(m[1]); n > 1 {
			return n - 1
		}
	}
	return 0
}

// writeHead writes the head a rewritten page keeps before its measures:
// the title, the publication date and the source, each when known, in the
// labelled lines the frame reader takes them from.
func writeHead(b *strings.Builder, title, published, source string) {
	if title != "" {
		b.WriteString(title + "\n")
	}
	if published != "" {
		b.WriteString("发布日期：" + published + "\n")
	}
	if source != "" {
		b.WriteString("来源：" + source + "。\n")
	}
}
