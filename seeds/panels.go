package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may publish its measures as an infographic (一图读懂, issue
// 20) whose text (an image's alt text or its OCR) is all the bot gets: a web
// page's head, the title over several short lines, a 文号, a preamble in
// fragments, then panels, each a number, a theme and a rule:
//
//	01
//	财税支持
//	——————
//	● 增值税留抵退税          (or "▶ …", or a heading "【…】", which may
//	对象：                     run over two lines: "【住房公" / "积金缓缴】")
//	小微企业和制造业等
//	50%                       (figures alone on a line)
//	减                         (an icon's character)
//	▶ 区人社局  某某  0xxx-8xxxxxxx   (a measure's own contact, in one panel)
//	┌ 咨询电话 ┐
//	区税务局  隋　明  0xxx-8xxxxxxx   (the panel's contacts: for each of its measures)
//	区财政局  （0xxx）8xxxxxxx
//	└──────┘
//
// and an ending (来源, 扫码查看政策原文, [二维码], 编辑…审核…). normalizePanels
// rewrites it into the numbered layout: the title's lines joined, the page's
// date and 来源, each panel a section "一、财税支持", each measure "N．heading：
// text" numbered through the document with its fragments joined (a label
// "对象：" after others opens a clause of its own, an icon's lone character
// goes where the text says it anyway, OCR's letter O among digits is a 0),
// and a contact table one cell per line (see annexTable) giving each
// measure its own contact line or else its panel's box. Any other text
// comes back unchanged.
var (
	// panelMark is a panel's number on a line of its own ("01", "PART 2"),
	// or with the panel's theme after it.
	panelMark = regexp.MustCompile(`^[ \t　]*(?:0([1-9])|[1-9]\d|(?:PART|Part|part)[ \t　]*0?([1-9]\d?))(?:[ \t　]+(\S.*))?[ \t　]*$`)
	// panelRule is the rule under a panel's theme.
	panelRule = regexp.MustCompile(`^[ \t　]*[—─━\-_=＝~～·•]{4,}[ \t　]*$`)
	// panelBullet opens a measure (or, ending with a phone, its contact).
	panelBullet  = regexp.MustCompile(`^[ \t　]*[●▶►▷◆■★][ \t　]*(\S.*)$`)
	panelHeading = regexp.MustCompile(`^[ \t　]*【([^【】]*)(】?)[ \t　]*(.*)$`)
	boxOpen      = regexp.MustCompile(`^[ \t　]*┌`)
	boxClose     = regexp.MustCompile(`^[ \t　]*└`)
	// panelEnd is where the ending starts after the last panel.
	panelEnd = regexp.MustCompile(`^[ \t　]*(?:来源[：:]|扫码|扫描二维码|\[二维码\]|【二维码】|编辑[：:]|审核[：:]|责编[：:]|校对[：:]|网站标识码|上一篇|下一篇)`)
	// panelLabel opens a clause: "对象：", "标准：".
	panelLabel = regexp.MustCompile(`^\p{Han}{2,4}[：:]`)
	panelDocNo = regexp.MustCompile(`\p{Han}{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号`)
	// ocrDigitO is a letter O OCR read among digits ("2O22", "1OO万元").
	ocrDigitO = regexp.MustCompile(`\d[OoＯ]+|[OoＯ]+\d`)
	// panelIcons are the characters an infographic sets alone in a circle.
	panelIcons = "减免缓补奖退贷降"
)

// panelMeasure is a measure read from a panel.
type panelMeasure struct {
	heading string
	frags   []string
	own     []annexContact // its own contact lines
	panel   int
	open    bool // the heading has no closing bracket: it may go on
}

// isPanelStart reports whether line i numbers a panel: its theme (on the
// line or the next) and then a rule.
func isPanelStart(lines []string, i int) (theme string, next int, ok bool) {
	m := panelMark.FindStringSubmatch(lines[i])
	if m == nil {
		return "", 0, false
	}
	j := i + 1
	theme = strings.TrimSpace(m[3])
	for ; theme == "" && j < len(lines) && j <= i+2; j++ {
		if t := strings.Trim(lines[j], " \t　"); t != "" && !panelRule.MatchString(t) {
			theme = t
		}
	}
	for ; j < len(lines) && j <= i+3; j++ {
		if panelRule.MatchString(lines[j]) {
			return theme, j + 1, theme != ""
		}
		if strings.TrimSpace(lines[j]) != "" {
			break
		}
	}
	return "", 0, false
}

func normalizePanels(text string) string {
	lines := strings.Split(text, "\n")
	first, panels := -1, 0
	for i := range lines {
		if _, _, ok := isPanelStart(lines, i); ok {
			panels++
			if first < 0 {
				first = i
			}
		}
	}
	if panels < 3 {
		return text
	}
	var themes []string
	var measures []*panelMeasure
	boxes := map[int][]annexContact{}
	var cur *panelMeasure
	// untitled is a panel's text before any measure's opener: the panel's
	// one measure where it has no other (its theme the heading), else an
	// introduction.
	var untitled *panelMeasure
	closePanel := func() {
		if untitled != nil && len(untitled.frags) > 0 && (len(measures) == 0 || measures[len(measures)-1].panel != untitled.panel) {
			measures = append(measures, untitled)
		}
		untitled = nil
	}
	for i := first; i < len(lines); i++ {
		t := strings.Trim(lines[i], " \t　")
		if theme, next, ok := isPanelStart(lines, i); ok {
			closePanel()
			themes = append(themes, theme)
			untitled = &panelMeasure{heading: theme, panel: len(themes)}
			cur = untitled
			i = next - 1
			continue
		}
		if t == "" || len(themes) == 0 {
			continue
		}
		panel := len(themes)
		if panelEnd.MatchString(t) {
			break
		}
		if cur == untitled && (panelBullet.MatchString(t) || panelHeading.MatchString(t)) {
			cur = nil
		}
		if boxOpen.MatchString(t) {
			unit := ""
			// The opener may carry the box's row ("┌ 咨询电话：12345 ┐").
			if row := boxTitle.ReplaceAllString(t, ""); row != "" {
				if e, _, ok := readContactRow(fixOCRDigits(row)); ok {
					boxes[panel] = append(boxes[panel], annexContact{e.unit, e.person, e.phones})
				} else if h := boxHotline(row); h != "" {
					boxes[panel] = append(boxes[panel], annexContact{phones: h})
				}
			}
			for i++; i < len(lines) && !boxClose.MatchString(lines[i]); i++ {
				e, cont, ok := readContactRow(fixOCRDigits(lines[i]))
				if !ok {
					if h := boxHotline(lines[i]); h != "" {
						// "12345政务服务便民热线": the hotline is the
						// contact of the panel's measures.
						boxes[panel] = append(boxes[panel], annexContact{phones: h})
						continue
					}
					// A unit on a line of its own, its person and phone
					// on the next.
					if u := rowBorder.ReplaceAllString(lines[i], ""); rowUnitEnd.MatchString(u) && !strings.ContainsAny(u, " 　：:") {
						unit = u
					}
					continue
				}
				if cont {
					e.unit = unit
				}
				unit = e.unit
				boxes[panel] = append(boxes[panel], annexContact{e.unit, e.person, e.phones})
			}
			cur = nil
			continue
		}
		if m := panelBullet.FindStringSubmatch(t); m != nil {
			if e, _, ok := readContactRow(fixOCRDigits(m[1])); ok && cur != nil && (e.unit != "" || e.person != "" || strings.TrimSpace(m[1]) == e.phones) {
				cur.own = append(cur.own, annexContact{e.unit, e.person, e.phones})
				continue
			}
			cur = &panelMeasure{heading: strings.TrimSpace(m[1]), panel: panel, open: true}
			measures = append(measures, cur)
			continue
		}
		if m := panelHeading.FindStringSubmatch(t); m != nil {
			heading, rest := m[1], m[3]
			if m[2] == "" {
				// A heading over two lines: to its "】".
				for i+1 < len(lines) {
					i++
					n := strings.Trim(lines[i], " \t　")
					if k := strings.Index(n, "】"); k >= 0 {
						heading += n[:k]
						rest = strings.TrimSpace(n[k+len("】"):])
						break
					}
					heading += n
				}
			}
			cur = &panelMeasure{heading: strings.TrimSpace(heading), panel: panel}
			measures = append(measures, cur)
			if rest != "" {
				cur.frags = append(cur.frags, rest)
			}
			continue
		}
		if cur != nil {
			cur.frags = append(cur.frags, t)
		}
	}
	closePanel()
	if len(measures) == 0 {
		return text
	}
	whole := fixOCRDigits(text)
	var b strings.Builder
	b.WriteString(panelsHead(lines[:first]))
	contacts := map[int][]annexContact{}
	panel := 0
	for k, m := range measures {
		for panel < m.panel {
			panel++
			b.WriteString(Numeral(panel) + "、" + themes[panel-1] + "\n")
		}
		b.WriteString(strconv.Itoa(k+1) + "．" + panelText(m, whole) + "\n")
		if len(m.own) > 0 {
			contacts[k+1] = m.own
		} else {
			contacts[k+1] = boxes[m.panel]
		}
	}
	b.WriteString("附件：政策咨询联系表\n")
	b.WriteString(annexTable(contacts, len(measures)))
	return b.String()
}

var (
	// boxTitle is a box's opener and its title: what is left is a row.
	boxTitle = regexp.MustCompile(`^[ \t　]*┌[─━ \t　]*(?:(?:咨询|联系|服务)?(?:电话|热线|方式)[：:]?)?[ \t　]*|[ \t　─━]*┐[ \t　]*$`)
	// boxHotlineAt is a hotline's number with words around it.
	boxHotlineAt = regexp.MustCompile(`(?:^|[^\d])(12\d{3})(?:[^\d]|$)`)
)

// boxHotline is the one hotline (12345, 12366) a box's row names with words
// after it ("12345政务服务便民热线", "12345（24小时）"), which readContactRow
// does not read; "" where the row has another number or a unit's name.
func boxHotline(line string) string {
	t := rowBorder.ReplaceAllString(line, "")
	if len(rowPhone.FindAllString(t, -1)) != 1 || rowUnitEnd.MatchString(t) {
		return ""
	}
	if m := boxHotlineAt.FindStringSubmatch(t); m != nil {
		return m[1]
	}
	return ""
}

// fixOCRDigits reads a letter O among digits as the 0 it stands for.
func fixOCRDigits(s string) string {
	fix := func(m string) string { return strings.NewReplacer("O", "0", "o", "0", "Ｏ", "0").Replace(m) }
	// Twice: a match leaves the O after the digits it took ("O2O").
	return ocrDigitO.ReplaceAllStringFunc(ocrDigitO.ReplaceAllStringFunc(s, fix), fix)
}

// panelText joins a measure's heading and fragments into its text; whole
// is the text (OCR's digits read) a heading cut inside a word is looked up
// in.
func panelText(m *panelMeasure, whole string) string {
	frags := make([]string, 0, len(m.frags))
	for _, f := range m.frags {
		frags = append(frags, fixOCRDigits(f))
	}
	heading := strings.TrimRight(fixOCRDigits(m.heading), "。：: ")
	if m.open && len(frags) > 0 && headingGoesOn(heading, frags, whole) {
		heading += frags[0]
		frags = frags[1:]
	}
	body := ""
	for k, f := range frags {
		if icon(f) {
			pair := k+1 < len(frags) && icon(frags[k+1]) || k > 0 && icon(frags[k-1])
			if !pair && iconSaid(f, frags, k) {
				// An icon's character that the text says anyway.
				continue
			}
		}
		if body != "" && panelLabel.MatchString(f) {
			if r, _ := utf8.DecodeLastRuneInString(body); !strings.ContainsRune("。；，：、", r) {
				body += "；"
			}
		}
		body += f
	}
	body = strings.TrimRight(body, "；，、：: ")
	if body == "" {
		return heading + "。"
	}
	if r, _ := utf8.DecodeLastRuneInString(body); !strings.ContainsRune("。！？", r) {
		body += "。"
	}
	return heading + "：" + body
}

// headingGoesOn reports whether a bullet's heading runs on into the first
// fragment, cut inside a word ("● 住房公" / "积金缓缴"): a short fragment
// without figures or a label whose junction with the heading (its last
// character and the fragment's first) the measure's other fragments say
// too ("…缓缴住房公积金"), or whose word across the cut (two characters
// either side, "房公积金") the whole text says elsewhere (another measure's
// "住房公积金"; the cut itself stands over two lines).
func headingGoesOn(heading string, frags []string, whole string) bool {
	f := frags[0]
	if n := utf8.RuneCountInString(f); n < 2 || n > 6 || !isHanOnly(f) || panelLabel.MatchString(f) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(heading)
	first, _ := utf8.DecodeRuneInString(f)
	junction := string([]rune{last, first})
	if strings.Contains(strings.Join(frags[1:], ""), junction) {
		return true
	}
	hr, fr := []rune(heading), []rune(f)
	if len(hr) < 2 || !isHanOnly(string(hr[len(hr)-2:])) {
		return false
	}
	return strings.Contains(whole, string(hr[len(hr)-2:])+string(fr[:2]))
}

func icon(f string) bool {
	return utf8.RuneCountInString(f) == 1 && strings.Contains(panelIcons, f)
}

// iconSaid reports whether the fragments other than k say f's character.
func iconSaid(f string, frags []string, k int) bool {
	for j, g := range frags {
		if j != k && utf8.RuneCountInString(g) > 1 && strings.Contains(g, f) {
			return true
		}
	}
	return false
}

// panelsHead rewrites the lines above the first panel: the title (the
// lines from "《" to "》" joined, or else the page's title line), the
// page's date and 来源, the 文号 and the preamble's fragments joined.
func panelsHead(head []string) string {
	var title, pageTitle, published, source, docNo string
	var pre []string
	inTitle := false
	for _, l := range head {
		t := strings.Trim(l, " \t　")
		switch {
		case t == "":
			continue
		case breadcrumb.MatchString(t), shareLine.MatchString(t):
			continue
		case inTitle || strings.HasPrefix(t, "《") && title == "":
			inTitle = !strings.Contains(t, "》")
			title += strings.Trim(t, "《》")
			continue
		}
		if m := speechDate.FindStringSubmatch(t); m != nil && published == "" {
			published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
			if s := speechSource.FindStringSubmatch(t); s != nil {
				source = s[1]
			}
			continue
		}
		if m := speechSource.FindStringSubmatch(t); m != nil && source == "" {
			source = m[1]
			continue
		}
		if d := panelDocNo.FindString(t); d != "" && d == t && docNo == "" {
			docNo = d
			continue
		}
		if pageTitle == "" && title == "" {
			pageTitle = t
			continue
		}
		if strings.HasPrefix(t, "一图读懂") && utf8.RuneCountInString(t) <= 6 {
			continue
		}
		if docNo != "" || title != "" {
			pre = append(pre, t)
		}
	}
	if title == "" {
		title = pageTitle
	}
	var b strings.Builder
	for _, l := range []string{title, ifSet("发布日期：", published), ifSet("来源：", source, "。"), docNo} {
		if l != "" {
			b.WriteString(l + "\n")
		}
	}
	if len(pre) > 0 {
		p := strings.Join(pre, "")
		if r, _ := utf8.DecodeLastRuneInString(p); !strings.ContainsRune("。！？", r) {
			p += "。"
		}
		b.WriteString(p + "\n")
	}
	return b.String()
}

// ifSet is prefix+s+suffix, or "" where s is.
func ifSet(prefix, s string, suffix ...string) string {
	if s == "" {
		return ""
	}
	return prefix + s + strings.Join(suffix, "")
}
