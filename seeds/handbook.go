package seeds

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A 惠企政策申报指南汇编 (a compilation of per-measure 办事指南, issue 20) is
// published as a city's web page shows it: the site's head (breadcrumb,
// title, "发布时间：… 来源：… 【字体：大 中 小】", an 索引号/发文机关/文号
// block), the 印发通知 with its signature and date, the compilation's title
// and a 目录 listing every 指南's title (no numbers, no page numbers), then
// the 指南 one after the other:
//
//	桐江市一次性扩岗补助申报指南
//	一、政策依据
//	《…若干措施》
//	二、支持对象
//	……
//	八、咨询方式
//	市人社局就业股　某某　0795-6213301
//	（来源：市人力资源和社会保障局）
//
// The numbered parts 一、二、… are the fields of one measure, numbered anew in
// every 指南 (some parts missing, out of order, a 指南 starting at 四、), never
// measures. normalizeHandbook rewrites such a text as a policy list (see
// normalizeFields): a title "N. 标题" per 指南 (the 目录's titles, or else
// a title line before a part, find each 指南's start, blank line or not),
// one labelled line per field (the 支持标准 first, as the measure's text;
// the 政策依据 and the deadlines last), and the 咨询方式 part's lines as
// duty blocks. A corrupted copy (its titles out of the 目录's order) is
// rewritten line by line where each sentence stands, numbered by the 目录
// (see handbookLines). Any other text comes back unchanged.
var (
	// handbookLabels maps a part's title to the field label the policy
	// list reader knows (fields.go); "" keeps the title as the label.
	handbookLabels = map[string]string{
		"政策依据": "", "文件依据": "政策依据", "办理依据": "政策依据",
		"支持对象": "", "申报对象": "", "适用对象": "", "服务对象": "", "适用范围": "",
		"补贴对象": "支持对象", "奖励对象": "支持对象", "扶持对象": "支持对象", "补助对象": "支持对象",
		"申报条件": "", "申请条件": "", "支持条件": "", "享受条件": "", "补贴条件": "申报条件",
		"支持标准": "政策内容", "补贴标准": "政策内容", "奖励标准": "政策内容", "扶持标准": "政策内容",
		"补助标准": "政策内容", "政策内容": "", "支持内容": "", "主要内容": "",
		"申报材料": "", "申请材料": "", "所需材料": "申报材料", "提交材料": "申报材料",
		"办理流程": "", "申报流程": "", "办理方式": "", "申报方式": "", "申请方式": "",
		"办理程序": "办理流程", "申报程序": "办理流程",
		"办理时限": "", "承诺时限": "办理时限", "申报时间": "", "申报截止日期": "", "申报截止时间": "",
		"咨询方式": "", "咨询渠道": "咨询方式", "联系电话": "咨询方式", "政策咨询": "咨询方式", "咨询电话": "咨询方式", "联系方式": "咨询方式", "咨询单位": "咨询方式", "咨询部门": "咨询方式", "联系人": "咨询方式",
	}
	// handbookPart is a part's title: numbered ("三、申报条件", alone on its
	// line, or followed by "：", a space or a full-width space and its
	// text), or an unnumbered label followed by "：" ("申报截止日期：…").
	handbookPart = regexp.MustCompile(`^[ \t　]*(?:([一二三四五六七八九十]{1,3})[、．.][ \t　]*(` + handbookAlt() + `)(?:[ \t　]*[：:]|[ \t　]+|$)|(` + handbookAlt() + `)[ \t　]*[：:])[ \t　]*(.*)$`)
	// otherPart is a numbered part with another short title.
	otherPart = regexp.MustCompile(`^[ \t　]*[一二三四五六七八九十]{1,3}、[ \t　]*(\p{Han}{2,12})(?:[ \t　]*[：:]|[ \t　]+|$)[ \t　]*(.*)$`)
	// handbookEnd closes a 指南: its source or the page's date.
	handbookEnd = regexp.MustCompile(`^[ \t　]*(?:[（(]来源[：:][^（()）]*[）)]|来源[：:][^（()）\s]{2,30}|发布(?:时间|日期)[：:][ \t　]*\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?(?:[ \t　]*\d{1,2}:\d{2})?)[ \t　]*$`)
	// handbookTitleEnd is the words a 指南's title ends with.
	handbookTitleEnd = regexp.MustCompile(`(?:指南|须知|办事指引)$`)
	// handbookNumber is a 指南 title's number, where the page writes one.
	handbookNumber = regexp.MustCompile(`^[ \t　]*\d{1,3}[.．、][ \t　]*`)
	// handbookFooter is the page's footer after the last 指南.
	handbookFooter = regexp.MustCompile(`打印本页|关闭窗口|相关链接[：:]|主办单位[：:]|承办单位[：:]|ICP备|网站标识码|公网安备`)
	// handbookIndex is the page's 索引号 block above the notice.
	handbookIndex = regexp.MustCompile(`^[ \t　]*(?:索[ \t　]*引[ \t　]*号|发文机关|主题分类|成文日期|文[ \t　]*号[：:])`)
	// handbookNoticeEnd is what follows the notice's text: the attachment
	// line and the note that the document is public.
	handbookNoticeEnd = regexp.MustCompile(`^[ \t　]*(?:附[ \t　]*件[：:]|[（(]此件(?:主动)?公开[）)])`)
	// subPoint is a sub-point's number inside a field ("（二）岗位补贴"),
	// written as a step's (see stepNumbers) so that no sentence of a field
	// starts like a measure numbered （一）（二）….
	subPoint = regexp.MustCompile(`[（(]([一二三四五六七八九十]{1,2})[）)]`)
	// contactPrefix and contactLabel are the words around a 咨询方式 line's
	// unit, person and phone ("请与市农业农村局经管股联系，联系人某某，电话…").
	contactPrefix  = regexp.MustCompile(`^(?:请与|请向|可向|请咨询|可咨询|详询)(.+?)(?:联系|咨询)(?:[，,]|$)`)
	contactLabel   = regexp.MustCompile(`(?:咨询单位|联系单位|咨询部门|联系人|联系电话|咨询电话|办公电话|电话|电子邮箱|邮箱)[：:]?`)
	contactHours   = regexp.MustCompile(`[（(][^（()）]*\d{1,2}[:：]\d{2}[^（()）]*[）)]`)
	contactAddress = regexp.MustCompile(`(?:办公|咨询|受理|办理)?地址[：:][^，,；;\s　]*[，,；;]?`)
	// shortLabel is a short label opening a contact line ("用电：…").
	shortLabel = regexp.MustCompile(`^[^\s：:，,、\d]{1,4}[：:]`)
	// areaLocal is a phone written with its area code and a 7-digit
	// number, bareLocal a 7-digit number without it.
	areaLocal = regexp.MustCompile(`(0\d{3})[-－]\d{7}\b`)
	bareLocal = regexp.MustCompile(`(^|[^\d\-－])([2-9]\d{6})($|[^\d])`)
	emailIn   = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
)

// handbookTitles are the part titles the list knows, the longest first.
var handbookTitles = func() []string {
	var ls []string
	for l := range handbookLabels {
		ls = append(ls, l)
	}
	slices.SortFunc(ls, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return ls
}()

// handbookAlt is the part titles as a regular expression's alternatives,
// the longest first.
func handbookAlt() string {
	var ls []string
	for l := range handbookLabels {
		ls = append(ls, regexp.QuoteMeta(l))
	}
	slices.SortFunc(ls, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return strings.Join(ls, "|")
}

// handbookMin is how many 指南 show a compilation: numbered 咨询方式 (or
// other contact) parts.
const handbookMin = 3

type handbookPartLine struct {
	numbered bool
	label    string // as the page writes it
	value    string
}

// readHandbookPart reads a part's title line.
func readHandbookPart(t string) (handbookPartLine, bool) {
	m := handbookPart.FindStringSubmatch(t)
	if m == nil {
		// A part whose title the list does not know ("五、办理地点"):
		// its text stays the measure's under the title as written.
		if m := otherPart.FindStringSubmatch(t); m != nil {
			// A known title with more words ("咨询方式及投诉渠道",
			// "申报材料清单") is that title's part.
			label := m[1]
			for _, known := range handbookTitles {
				if strings.HasPrefix(label, known) {
					label = known
					break
				}
			}
			return handbookPartLine{true, label, strings.TrimSpace(m[2])}, true
		}
		return handbookPartLine{}, false
	}
	if m[1] != "" {
		return handbookPartLine{true, m[2], strings.TrimSpace(m[4])}, true
	}
	return handbookPartLine{false, m[3], strings.TrimSpace(m[4])}, true
}

// knownPart reports whether t is a part's title the list knows.
func knownPart(t string) bool {
	p, ok := readHandbookPart(t)
	_, known := handbookLabels[p.label]
	return ok && known
}

// fieldLabel is the label a part's title is written with in the policy
// list.
func fieldLabel(label string) string {
	if l := handbookLabels[label]; l != "" {
		return l
	}
	return label
}

// isHandbook reports whether lines hold handbookMin numbered contact parts
// and twice as many numbered parts in all, with 一、 opening at least two.
func isHandbook(lines []string) bool {
	contacts, parts := 0, 0
	for _, l := range lines {
		if p, ok := readHandbookPart(l); ok && p.numbered {
			if _, known := handbookLabels[p.label]; !known {
				continue
			}
			parts++
			if fieldLabel(p.label) == "咨询方式" {
				contacts++
			}
		}
	}
	return contacts >= handbookMin && parts >= 2*handbookMin
}

type handbookGuide struct {
	title    string
	fields   [][2]string
	contacts []string
}

// titleKey is a title as the 目录 and the text are compared: without its
// number, dot leaders and page number, and spaces.
func titleKey(t string) string {
	return stripSpace(tocLeader.ReplaceAllString(handbookNumber.ReplaceAllString(t, ""), ""))
}

// handbookTitleLine reports whether t may be a 指南's title: a short line
// without a sentence's end that is no part.
func handbookTitleLine(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || utf8.RuneCountInString(t) > 60 || strings.ContainsAny(t, "。；;：:") || handbookFooter.MatchString(t) {
		return false
	}
	_, part := readHandbookPart(t)
	return !part
}

func normalizeHandbook(text string) string {
	if !isHandbook(strings.Split(text, "\n")) {
		return text
	}
	lines := strings.Split(unglueHandbook(text), "\n")
	// The 目录: its heading, then the titles up to the first title the
	// text repeats (the first 指南's).
	toc := map[string]int{}
	body := -1
	for i, l := range lines {
		if stripSpace(l) != "目录" {
			continue
		}
		lastEntry, lastKey := -1, ""
		for j := i + 1; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if t == "" {
				continue
			}
			k := titleKey(t)
			if _, seen := toc[k]; seen || !handbookTitleLine(t) {
				body = j
				if !seen && lastEntry >= 0 && knownPart(t) {
					// The 目录's entries are written otherwise than
					// the titles (page numbers, say): the line before
					// the first part is the first 指南's title.
					body = lastEntry
					delete(toc, lastKey)
				}
				break
			}
			toc[k] = len(toc) + 1
			lastEntry, lastKey = j, k
		}
		if body >= 0 {
			lines = append(lines[:i:i], lines[body:]...)
			body = i
		}
		break
	}
	if len(toc) == 0 {
		// Without a 目录, the titles the text repeats (a corrupted
		// copy's) are the same 指南's, numbered where they last stand:
		// the corruption copies sentences ahead of their places.
		lastAt := map[string]int{}
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if k := titleKey(t); handbookTitleLine(t) && handbookTitleEnd.MatchString(k) && nextIsPart(lines, i) {
				lastAt[k] = i
			}
		}
		keys := slices.Collect(maps.Keys(lastAt))
		slices.SortFunc(keys, func(a, b string) int { return lastAt[a] - lastAt[b] })
		for n, k := range keys {
			toc[k] = n + 1
		}
	}
	// Without a 目录, the body opens with the title before the first part.
	firstPart := -1
	for i, l := range lines {
		if knownPart(l) && i >= max(body, 0) {
			firstPart = i
			break
		}
	}
	if firstPart < 0 {
		return text
	}
	if body < 0 || body > firstPart {
		body = firstPart
		for k := firstPart - 1; k >= 0; k-- {
			if t := strings.TrimSpace(lines[k]); t != "" {
				if handbookTitleLine(t) {
					body = k
				}
				break
			}
		}
	}
	head := slices.Clone(lines[:body])
	// The compilation's own title ends the head: it is no 指南's.
	for k := len(head) - 1; k >= 0; k-- {
		if t := strings.TrimSpace(head[k]); t != "" {
			if handbookTitleLine(t) && !noticeTitle.MatchString(stripSpace(t)) && !handbookNoticeEnd.MatchString(t) {
				head = head[:k]
			}
			break
		}
	}
	lines = lines[body:]
	// A corrupted copy put copies of the 指南's sentences among the head's:
	// a line the body holds too, or a part's title, is none of the head's.
	inBody := map[string]bool{}
	for _, l := range lines {
		inBody[strings.TrimSpace(l)] = true
	}
	head = slices.DeleteFunc(head, func(l string) bool {
		t := strings.TrimSpace(l)
		return t != "" && (inBody[t] || knownPart(t))
	})

	if !titlesRise(lines, toc) {
		// A corrupted copy: its sentences moved and copied, each is
		// rewritten where it stands (see handbookLines).
		return strings.Join(append(handbookHead(head), handbookLines(lines, toc)...), "\n")
	}
	// The text is clean: each title opens its 指南, in the 目录's order.
	var guides []*handbookGuide
	// owner is the 指南 each line belongs to, label the part it stands in.
	owner := make([]*handbookGuide, len(lines))
	label := make([]string, len(lines))
	var g *handbookGuide
	gLabel := ""
	ended, prevBlank := true, true
	for i := range lines {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			prevBlank = true
			continue
		}
		blank := prevBlank
		prevBlank = false
		switch {
		case handbookFooter.MatchString(t), stripSpace(t) == "目录":
			continue
		case handbookEnd.MatchString(t):
			ended = true
			continue
		}
		k := titleKey(t)
		_, listed := toc[k]
		if listed && nextListed(lines, i, toc) {
			// A 目录 written again in the text: no 指南 starts.
			continue
		}
		if listed || handbookTitleLine(t) && (handbookTitleEnd.MatchString(k) || (ended || blank) && nextIsPart(lines, i)) {
			g = &handbookGuide{title: strings.TrimSpace(handbookNumber.ReplaceAllString(t, ""))}
			guides = append(guides, g)
			gLabel, ended = "", false
			continue
		}
		if p, ok := readHandbookPart(t); ok && !(gLabel == "咨询方式" && !p.numbered && fieldLabel(p.label) == "咨询方式") {
			// (A contact's own label inside the 咨询方式 part, "咨询单位：…
			// 联系人：…", is its text.)
			gLabel = fieldLabel(p.label)
			if gLabel == "咨询方式" && p.value != "" && p.label != "咨询方式" {
				// "咨询电话：12345": the label is the contact's.
				lines[i] = p.label + "：" + p.value
			} else {
				lines[i] = p.value
			}
			owner[i], label[i] = g, "="+gLabel
		} else {
			owner[i], label[i] = g, gLabel
		}
	}
	var areas []string
	for i, l := range lines {
		h := owner[i]
		if h == nil {
			continue
		}
		t := strings.TrimSpace(l)
		lab, opens := strings.CutPrefix(label[i], "=")
		switch {
		case lab == "咨询方式":
			if t != "" && !slices.Contains(h.contacts, t) {
				h.contacts = append(h.contacts, t)
			}
			for _, m := range areaLocal.FindAllStringSubmatch(t, -1) {
				if !slices.Contains(areas, m[1]) {
					areas = append(areas, m[1])
				}
			}
			continue
		case lab == "":
			lab = "政策内容"
		}
		h.addLine(lab, t, opens)
	}
	area := ""
	if len(areas) == 1 {
		// A 7-digit number written without its area code is the same
		// exchange's as every other number of the compilation.
		area = areas[0] + "-"
	}
	out := handbookHead(head)
	for k, g := range guides {
		out = append(out, fmt.Sprintf("%d. %s", k+1, strings.TrimRight(g.title, "。")))
		var content, rest, basis, last []string
		for _, f := range g.fields {
			value := subPoints(strings.TrimSpace(f[1]))
			if value == "" {
				continue
			}
			switch {
			case slices.Contains(contentLabels, f[0]):
				content = append(content, value)
			case f[0] == "政策依据":
				basis = append(basis, f[0]+"："+value)
			case slices.Contains(detailSlots[4], f[0]) || f[0] == "办理时限":
				last = append(last, f[0]+"："+value)
			default:
				rest = append(rest, f[0]+"："+value)
			}
		}
		if len(content) > 0 {
			out = append(out, "政策内容："+strings.Join(content, ""))
		}
		out = append(append(append(out, rest...), basis...), last...)
		for _, c := range g.contacts {
			out = append(out, handbookDuty(c, area)...)
		}
	}
	return strings.Join(out, "\n")
}

// titlesRise reports whether the titles the 目录 lists stand in the text
// in its order, each once: the text is no corrupted copy.
func titlesRise(lines []string, toc map[string]int) bool {
	last := 0
	for i, l := range lines {
		if n := toc[titleKey(l)]; n > 0 && !nextListed(lines, i, toc) {
			if n <= last {
				return false
			}
			last = n
		}
	}
	return true
}

// handbookLines rewrites the body of a corrupted copy line by line, in its
// order, as a policy list: a title as "N. 标题" (N its place in the 目录),
// a part's title and the line after it as one labelled line, a 咨询方式
// part's lines as duty blocks. A part's title and its text's first line
// are one sentence, and the 咨询方式 part and the next title too: a copied
// or moved sentence is rewritten the same wherever it stands, so the
// sentence parser finds its copies, and a duty block stands before the
// number of the 指南 after its own, wherever the corruption put it.
func handbookLines(lines []string, toc map[string]int) []string {
	area := ""
	var areas []string
	for _, l := range lines {
		for _, m := range areaLocal.FindAllStringSubmatch(l, -1) {
			if !slices.Contains(areas, m[1]) {
				areas = append(areas, m[1])
			}
		}
	}
	if len(areas) == 1 {
		area = areas[0] + "-"
	}
	// A contact is kept where the title of the 指南 after its own (or the
	// page's end) follows it, as it does in the sentence it shares with
	// that title: the sentence parser then gives it to the 指南 before
	// that title. A contact ended with 。 is a sentence of its own, which
	// the corruption may have moved anywhere: away from that title, it
	// is dropped rather than given to whichever 指南 follows.
	anchored := func(s string, i int) []string {
		for _, l := range lines[i+1:] {
			t := strings.TrimSpace(l)
			k := titleKey(t)
			_, listed := toc[k]
			switch {
			case t == "", handbookEnd.MatchString(t), handbookFooter.MatchString(t):
			case listed || handbookTitleLine(t) && handbookTitleEnd.MatchString(k):
				return handbookDuty(s, area)
			case !knownPart(t) && (phoneAnywhere.MatchString(t) || emailIn.MatchString(t)):
				// The block's next contact.
			default:
				return nil
			}
		}
		return handbookDuty(s, area)
	}
	var out []string
	label, pending := "", false // the part's label; its title stood alone
	last := 0
	ended := true
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "", handbookFooter.MatchString(t), stripSpace(t) == "目录":
			continue
		case handbookEnd.MatchString(t):
			ended = true
			continue
		}
		k := titleKey(t)
		n, listed := toc[k]
		if listed && nextListed(lines, i, toc) {
			continue
		}
		if listed || handbookTitleLine(t) && (handbookTitleEnd.MatchString(k) || ended && nextIsPart(lines, i)) {
			if n == 0 {
				n = last + 1
			}
			last = n
			out = append(out, fmt.Sprintf("%d. %s", n, strings.TrimSpace(handbookNumber.ReplaceAllString(t, ""))))
			label, pending, ended = "", false, false
			continue
		}
		if p, ok := readHandbookPart(t); ok && !(label == "咨询方式" && !p.numbered && fieldLabel(p.label) == "咨询方式") {
			label = fieldLabel(p.label)
			pending = p.value == ""
			switch {
			case pending:
			case label == "咨询方式" && p.label != "咨询方式":
				out = append(out, anchored(p.label+"："+p.value, i)...)
			case label == "咨询方式":
				out = append(out, anchored(p.value, i)...)
			default:
				out = append(out, label+"："+subPoints(p.value))
			}
			continue
		}
		switch {
		case label == "咨询方式":
			out = append(out, anchored(t, i)...)
		case pending && label != "":
			out = append(out, label+"："+subPoints(t))
		default:
			out = append(out, subPoints(t))
		}
		pending = false
	}
	return out
}

// subPoints writes a field's sub-points （一）（二） as steps' (see subPoint).
func subPoints(s string) string {
	return subPoint.ReplaceAllStringFunc(s, func(m string) string {
		return fmt.Sprintf("（%d）", ParseNumeral(subPoint.FindStringSubmatch(m)[1]))
	})
}

// addLine adds line t of a part labelled label: a new field where the
// line opens the part (its title's line), else the part's text runs on (a
// sub-point's heading without a sentence's end followed by "："). A line
// the field holds already (a corrupted copy's) is not added twice.
func (h *handbookGuide) addLine(label, t string, opens bool) {
	if opens {
		h.fields = append(h.fields, [2]string{label, t})
		return
	}
	if t == "" {
		return
	}
	f := -1
	for k := len(h.fields) - 1; k >= 0; k-- {
		if h.fields[k][0] == label {
			f = k
			break
		}
	}
	if f < 0 {
		h.fields = append(h.fields, [2]string{label, t})
		return
	}
	v := h.fields[f][1]
	if loc := subPoint.FindStringIndex(t); loc != nil && loc[0] == 0 && strings.HasSuffix(v, "。") {
		// A sub-point after another ("（二）岗位补贴" after "（一）…。") goes
		// on in the same sentence: a sentence opening with a sub-point's
		// number would read as a step of whichever measure numbers steps.
		v = strings.TrimSuffix(v, "。") + "；"
	}
	switch {
	case strings.Contains(v, t):
	case v == "", sentenceEnd.MatchString(v):
		h.fields[f][1] = v + t
	default:
		h.fields[f][1] = v + "：" + t
	}
}

// unglueHandbook puts back on their own lines what a corrupted copy glued
// to the line before (see scramble: the line break before a number goes):
// a part's title, a 指南's numbered title after its predecessor's source
// or date, and a sentence after the 。 of another.
func unglueHandbook(text string) string {
	text = partGlued.ReplaceAllString(text, "$1\n$2")
	text = stepGlued.ReplaceAllString(text, "$1\n$2")
	text = endGlued.ReplaceAllString(text, "$1\n$2")
	return sentenceGlued.ReplaceAllString(text, "$1\n$2")
}

var (
	partGlued     = regexp.MustCompile(`([^\n一二三四五六七八九十])([一二三四五六七八九十]{1,3}、[ \t　]*(?:` + handbookAlt() + `))`)
	stepGlued     = regexp.MustCompile(`((?:^|\n)[ \t　]*[一二三四五六七八九十]{1,3}、[ \t　]*(?:` + handbookAlt() + `))(\d{1,3}[.．]|[（(][一二三四五六七八九十]{1,2}[）)])`)
	endGlued      = regexp.MustCompile(`((?:^|\n)[ \t　]*(?:[（(]来源[：:][^（()）\n]*[）)]|发布(?:时间|日期)[：:][ \t　]*\d{4}-\d{2}-\d{2}))[ \t　]*(\d{1,3}[.．]|[（(]来源)`)
	sentenceGlued = regexp.MustCompile(`(。)([^\n）)”」』])`)
)

// nextListed reports whether the next non-blank line after i is a title
// the 目录 lists, or there is none.
func nextListed(lines []string, i int, toc map[string]int) bool {
	for _, l := range lines[i+1:] {
		if strings.TrimSpace(l) != "" {
			_, ok := toc[titleKey(l)]
			return ok
		}
	}
	return true
}

// nextIsPart reports whether the next non-blank line after i is a part's
// title.
func nextIsPart(lines []string, i int) bool {
	for _, l := range lines[i+1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		_, ok := readHandbookPart(l)
		return ok
	}
	return false
}

// handbookHead keeps of the page's head the notice: its title (once), the
// page's date (or the signature's) as 发布日期, the addressees and the
// notice's paragraphs; the breadcrumb, the font links, the 索引号 block, the
// 文号, the attachment line, the signature and the 此件公开 note go.
func handbookHead(head []string) []string {
	title, published := "", ""
	var body []string
	for _, l := range head {
		t := strings.TrimSpace(l)
		switch {
		case t == "", breadcrumb.MatchString(t), shareLine.MatchString(t), handbookIndex.MatchString(t), handbookNoticeEnd.MatchString(t), docNumberLine(t):
		case webHeadLine.MatchString(t) && strings.HasPrefix(t, "发布"):
			if m := webHeadLine.FindStringSubmatch(t); published == "" {
				published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
			}
		case closingDate.MatchString(t):
			if m := closingDate.FindStringSubmatch(t); published == "" {
				published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
			}
			// The signature above the date.
			if n := len(body); n > 0 && unitLike(body[n-1]) && !sentenceEnd.MatchString(body[n-1]) {
				body = body[:n-1]
			}
		case noticeTitle.MatchString(stripSpace(t)) || title == "" && strings.Contains(t, "关于"):
			if title == "" {
				title = stripSpace(t)
			}
		default:
			body = append(body, l)
		}
	}
	var b strings.Builder
	writeHead(&b, title, published, "")
	out := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if title == "" && published == "" {
		out = nil
	}
	return append(out, body...)
}

// docNumberLine reports whether t is a 文号 on its own line (see docNumber).
func docNumberLine(t string) bool { return docNumber.MatchString(t) }

// handbookDuty rewrites one line of a 咨询方式 part into a duty block (see
// footnoteDuty): "单位　某某　电话", "咨询单位：… 联系人：… 电话：…", prose
// ("…股，联系人某某，电话…。", "请与…联系"), a label before the unit
// ("用电：…"), two units after "；", a hotline alone, a unit with its
// e-mail. A 7-digit number gets area (see normalizeHandbook).
func handbookDuty(line, area string) []string {
	t := strings.TrimSpace(line)
	t = strings.TrimRight(t, "。.")
	// Office hours and an address are no unit, person or phone.
	t = contactHours.ReplaceAllString(t, " ")
	t = strings.TrimSpace(contactAddress.ReplaceAllString(t, " "))
	if m := contactPrefix.FindStringSubmatch(t); m != nil {
		t = m[1] + " " + t[len(m[0]):]
	}
	if m := shortLabel.FindString(t); m != "" && !unitNamed(strings.TrimRight(m, "：:")) {
		t = t[len(m):]
	}
	t = contactLabel.ReplaceAllString(t, " ")
	if area != "" {
		t = bareLocal.ReplaceAllString(t, "${1}"+area+"${2}${3}")
	}
	if e := emailIn.FindStringIndex(t); e != nil && !strings.ContainsAny(t[:e[0]], "0123456789") {
		unit := strings.Trim(t[:e[0]], " \t　，,、：:；;")
		if m := unitDeptRe.FindStringSubmatch(unit); m != nil {
			unit = m[1] + " " + m[2]
		}
		var out []string
		if unit != "" {
			out = append(out, "责任单位："+unit)
		}
		return append(out, "电子邮箱："+t[e[0]:e[1]])
	}
	// A unit glued to its section ("市社保中心失业保险股") is written as
	// footnoteDuty reads a department: after a space.
	words := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '\t' || r == '　' || r == '，' || r == ',' })
	for i, w := range words {
		if m := unitDeptRe.FindStringSubmatch(w); m != nil {
			words[i] = m[1] + " " + m[2]
		}
	}
	return footnoteDuty(strings.Join(words, " "))
}
