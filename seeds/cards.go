package seeds

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may print its relief policies as form cards (政策明白卡), one
// measure a card, and hand over the PDF's text as `pdftotext -layout`
// gives it: pages separated by form feeds, each with a running head and a
// page number, a cover and an instructions page (使用说明) before the cards:
//
//	明白卡 No.07                                   【卡片 8】
//	NM-ZQ-2022-07                                  NM-ZQ-2022-08
//	政策名称：______稳岗返还______                  政策名称：____一次性留工培训补助____
//	享受对象：☑中小微企业 □个体工商户               享受对象：☑中小微企业 ☑个体工商户
//	支持标准：上年度未裁员或裁员率不高于5.5%的参保   支持标准：对受疫情影响暂时无法正常…
//	          企业……                                         企业，按每名参保职工500元…
//	办理方式：☑免申即享 □依申请                     办理方式：☑免申即享 □依申请
//	截止时间：2022年12月31日                        截止时间：______________
//	责任单位：____区人社局____                      责任单位：______区医疗保障局______
//	联系人：__田俊__  联系电话：__0851-85362219__    联系人：__刘婷婷__  联系电话：__…__
//	备    注：同第8卡                               备    注：______________
//	[二维码]  扫码查看政策原文                      [二维码]  扫码查看政策原文
//
// A card opens with its head (明白卡 No.07, 【卡片 7】: the card's number is
// the measure's) and a form code (no number of the measure); its fields are
// labelled, values written inside underscores (a blank field is underscores
// only) and wrapped over lines (a name split mid-word, its underscores
// closing on the next line); ☑ marks the chosen boxes of a field, □ the
// others; a card has one or more 责任单位 rows, each with its 联系人 and
// 联系电话 (or a hotline alone: 咨询电话); a 备注 may borrow another card's
// contacts (同第3卡). A card reprinted as 修订版 replaces the card of its
// number wherever it stands. Two cards may share a page side by side: each
// text line then holds the left card's line, a run of spaces and the right
// card's line (see layoutColumns), and the cards' fields need not align.
//
// cardText rewrites such a text into the policy list normalizeFields reads
// (the shape kbText writes): the cover's title, its date, the issuer as 来源,
// the area code the instructions state, then per card "N. 政策名称", its
// 支持标准 as 政策内容, a 备注 that is no reference, the chosen boxes
// (适用对象, 办理方式), the deadline as 执行期限 and a duty block. A
// corrupted copy (cut at 。, pieces copied and moved) is read from one copy
// of each piece, the one that keeps the cards in number order (most often
// the last, as the sentence parser keeps it), a moved piece put back among
// the cards of its numbers (see placeCopies); a card read twice keeps its
// last reading unless that one was cut short. Any other text comes back
// unchanged.
var (
	// cardHead is a card's head: "明白卡 No.07", "【卡片 7】", "政策卡 第7号",
	// then what follows the number on its line ("修订版").
	cardHead = regexp.MustCompile(`^(?:【[ \t　]*(?:政策)?(?:明白卡|卡片|卡)[ \t　]*(?:No\.?|NO\.?|№|第)?[ \t　]*0*(\d{1,3})[ \t　]*[号张]?[ \t　]*】|(?:政策明白卡|明白卡|政策卡|卡片)[ \t　]*(?:No\.?|NO\.?|№|编号[：:]?|第)[ \t　]*0*(\d{1,3})[ \t　]*[号张]?(?:[ \t　]|$))[ \t　]*(.*)$`)
	// cardHeadIn is a card's head anywhere in a line (two cards side by
	// side), with the words after its number.
	cardHeadIn = regexp.MustCompile(`(?:【[ \t　]*(?:政策)?(?:明白卡|卡片|卡)[ \t　]*(?:No\.?|NO\.?|№|第)?[ \t　]*0*(\d{1,3})[ \t　]*[号张]?[ \t　]*】|(?:政策明白卡|明白卡|政策卡|卡片)[ \t　]*(?:No\.?|NO\.?|№|编号[：:]?|第)[ \t　]*0*(\d{1,3})[ \t　]*[号张]?)([^\n]{0,6})`)
	// cardLocal is a 7-digit local number without its area code;
	// annexArea7 an area code before 7 digits.
	cardLocal  = regexp.MustCompile(`(^|[^\d\-－])([2-9]\d{6})(?:$|\b)`)
	annexArea7 = regexp.MustCompile(`(0\d{2,3})[-－]\d{7}(?:$|[^\d])`)
	// cardRevised marks a reprint that replaces the card of its number.
	cardRevised = regexp.MustCompile(`修订|更正|更新|替换`)
	// cardReplaces is a 备注 saying the card replaces an earlier one.
	cardReplaces = regexp.MustCompile(`(?:本卡|此卡)?(?:替代|取代|代替|替换)原?第?[ \t　]*\d{1,3}[ \t　]*[号张]?卡|以本卡为准`)
	// cardRef is a 备注 borrowing another card's contacts: "同第3卡".
	cardRef = regexp.MustCompile(`同(?:第[ \t　]*0*(\d{1,3})[ \t　]*[号张]?卡|(?:卡片|明白卡)[ \t　]*(?:No\.?|第)?[ \t　]*0*(\d{1,3}))`)
	// cardRefOnly are the words around a reference that say only what is
	// borrowed ("联系人、联系电话同第3卡").
	cardRefOnly = regexp.MustCompile(`联系人|联系电话|咨询电话|电话|联系方式|[、，,。；;和及与均也相同 \t　]`)
	// cardCode is a form code line ("NM-ZQ-2022-07"): no measure's number.
	cardCode = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+$`)
	// cardQR is the card's closing line: a QR code's placeholder.
	cardQR = regexp.MustCompile(`^\[(?:二维码|QR码?|图片|印章)\]|^扫码|扫码查看`)
	// pageNumberLine is a page's number line: "第 3 页 共 24 页", "- 3 -".
	pageNumberLine = regexp.MustCompile(`^(?:第[ \t　]*\d{1,3}[ \t　]*页(?:[ \t　]*[，,/]?[ \t　]*共[ \t　]*\d{1,3}[ \t　]*页)?|[-—－][ \t　]*\d{1,3}[ \t　]*[-—－]|\d{1,3}[ \t　]*/[ \t　]*\d{1,3})$`)
	cardDate       = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	// cardItem is an instructions item's numeral ("三、"), which the
	// policy list would read as a section.
	cardItem = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}[、.．]`)
	// cardChosen and cardUnchosen are a form's ticked and blank boxes.
	cardChosen   = "☑✅■√✓✔☒▣"
	cardUnchosen = "□☐"
)

// cardLabels are a card's field labels by role; a longer label comes
// before one it starts with.
var cardLabels = []struct {
	role   string
	labels []string
}{
	{"title", []string{"政策名称", "政策项目", "项目名称", "事项名称", "政策事项"}},
	{"target", []string{"享受对象", "适用对象", "支持对象", "申报对象", "服务对象", "适用范围", "享受主体"}},
	{"content", []string{"支持标准", "政策内容", "支持内容", "扶持标准", "补贴标准", "扶持内容", "享受标准", "优惠内容", "政策标准"}},
	{"method", []string{"办理方式", "申报方式", "申请方式", "兑现方式", "享受方式"}},
	{"until", []string{"截止时间", "截止日期", "有效期限", "有效期", "执行期限", "申报截止"}},
	{"unit", []string{"责任单位", "责任部门", "主管部门", "承办单位", "受理单位", "经办单位", "牵头单位"}},
	{"person", []string{"联系人"}},
	{"phone", []string{"联系电话", "咨询电话", "联系方式", "服务热线", "电话"}},
	{"note", []string{"备注"}},
}

// cardRoleOrder is the order a card's fields come in; unit, person and
// phone repeat among themselves (one row per unit).
var cardRoleOrder = map[string]int{"title": 0, "target": 1, "content": 2, "method": 3, "until": 4, "unit": 5, "person": 5, "phone": 5, "note": 6}

// cardLabelAt finds the labels of a line: at its start or after a space or
// an underscore ("联系人：__张敏__  联系电话：__…__"), a label's characters
// possibly spaced ("备    注："), then ： or :.
var cardLabelAt = func() *regexp.Regexp {
	var alts []string
	for _, l := range cardLabels {
		for _, label := range l.labels {
			var b strings.Builder
			for i, r := range label {
				if i > 0 {
					b.WriteString(`[ \t　]*`)
				}
				b.WriteRune(r)
			}
			alts = append(alts, b.String())
		}
	}
	return regexp.MustCompile(`(?:^|[ \t　_])(` + strings.Join(alts, "|") + `)[ \t　]*[：:]`)
}()

func cardRole(label string) string {
	label = squeezeSpace(label)
	for _, l := range cardLabels {
		if slices.Contains(l.labels, label) {
			return l.role
		}
	}
	return ""
}

// cardField is one labelled value of a card, as written (underscores kept
// until the value is complete: see joinCardValue).
type cardField struct {
	role, value string
}

// card is one form card read.
type card struct {
	num     int
	revised bool
	fields  []cardField
	broken  bool // a field out of the form's order: the rest is another card's
}

func (c *card) value(role string) string {
	for _, f := range c.fields {
		if f.role == role {
			return cardValue(f.value)
		}
	}
	return ""
}

// cardValue is a value without its underscores and spaces.
func cardValue(v string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(v), "_ 　\t"))
}

// joinCardValue continues a field's value with its next line: a value
// wrapped inside its underscores ("…中小企业培__" / "__育奖励____") joins
// without them; a wrapped text joins directly, CJK lines having no space
// between them.
func joinCardValue(v, next string) string {
	next = strings.TrimSpace(next)
	if strings.HasPrefix(next, "_") || strings.HasPrefix(strings.TrimSpace(v), "_") && !strings.HasSuffix(strings.TrimSpace(v), "__") {
		return strings.TrimRight(strings.TrimSpace(v), "_") + strings.TrimLeft(next, "_")
	}
	v = strings.TrimRight(v, " \t　")
	if a, _ := utf8.DecodeLastRuneInString(v); a < utf8.RuneSelf && a != utf8.RuneError && unicode.IsLetter(a) {
		if b, _ := utf8.DecodeRuneInString(next); b < utf8.RuneSelf && unicode.IsLetter(b) {
			return v + " " + next
		}
	}
	return v + next
}

// isCardLayout reports whether lines (a page's columns read one after the
// other) hold at least three card heads, most followed by a labelled
// field within a few lines.
func isCardLayout(lines []string) bool {
	heads, fielded := 0, 0
	for i, l := range lines {
		if cardHead.FindStringSubmatch(strings.TrimSpace(l)) == nil {
			continue
		}
		heads++
		for _, next := range lines[i+1 : min(len(lines), i+4)] {
			if loc := cardLabelAt.FindStringSubmatchIndex(strings.TrimSpace(next)); loc != nil && loc[2] <= 1 {
				fielded++
				break
			}
		}
	}
	return heads >= 3 && fielded*2 > heads
}

// cardText returns the policy list a card layout holds (see above), the
// lines it could not read and the copies it dropped; or text unchanged.
func cardText(text string) (string, []Unread, []Duplicate) {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	if !strings.Contains(text, "：") && !strings.Contains(text, ":") || len(cardHeadIn.FindAllStringIndex(text, 3)) < 3 {
		return text, nil, nil
	}
	if !isCardLayout(readingOrder(text)) {
		return text, nil, nil
	}
	// A corrupted copy's pieces (cut at 。) read at the copies that read
	// best (see placeCopies).
	kept, dups := placeCopies(text)
	head, cards, unread := readCards(readingOrder(kept))
	if len(cards) < 3 {
		return text, nil, nil
	}
	// A card read twice keeps its last reading unless that is a fragment
	// of the earlier; a revision replaces the card of its number, in the
	// place of the number.
	byNum := map[int]*card{}
	var nums []int
	for _, c := range cards {
		// A card whose note says it replaces the card of its number is
		// a revision, whatever its head says.
		c.revised = c.revised || slices.ContainsFunc(c.fields, func(f cardField) bool { return f.role == "note" && cardReplaces.MatchString(f.value) })
		prev, ok := byNum[c.num]
		switch {
		case !ok:
			nums = append(nums, c.num)
		case prev.revised && !c.revised:
			continue
		case !c.revised && len(c.fields) < len(prev.fields) && !prev.broken:
			// A fragment of a card (a copy cut short) does not replace
			// the whole card.
			continue
		}
		byNum[c.num] = c
	}
	sort.Ints(nums)
	out := cardHeadLines(head)
	area := ""
	for _, l := range head {
		if m := areaCodeRe.FindStringSubmatch(l); m != nil {
			area = m[1]
			break
		}
	}
	if area == "" {
		// Else the one area code the cards' numbers are written with.
		for _, c := range byNum {
			for _, f := range c.fields {
				for _, m := range annexArea7.FindAllStringSubmatch(f.value, -1) {
					if area != "" && area != m[1] {
						area = "-"
					} else if area == "" {
						area = m[1]
					}
				}
			}
		}
		if area == "-" {
			area = ""
		}
	}
	for _, n := range nums {
		c := byNum[n]
		title := c.value("title")
		if title == "" {
			unread = append(unread, Unread{Line: strconv.Itoa(n), Why: "a card without its policy's name"})
			continue
		}
		out = append(out, strconv.Itoa(n)+". "+titleText(title))
		if v := c.value("content"); v != "" {
			out = append(out, "政策内容："+ended(v))
		}
		// A note only borrowing another card's contacts, or saying the
		// card replaces one, says nothing to an owner.
		note := c.value("note")
		if cardRefOnly.ReplaceAllString(cardRef.ReplaceAllString(cardReplaces.ReplaceAllString(note, ""), ""), "") == "" {
			note = ""
		}
		if note != "" {
			out = append(out, ended(note))
		}
		// The boxes and the term on one line, the last before the duty
		// block, read with it (see fieldBeforeDuty): fields written alike
		// on many cards (办理方式：依申请) stay with each rather than
		// being taken for a corrupted copy's.
		var fields []string
		if v := boxes(c.value("target")); v != "" {
			fields = append(fields, "适用对象："+v)
		}
		if v := boxes(c.value("method")); v != "" {
			fields = append(fields, "办理方式："+v)
		}
		if v := c.value("until"); v != "" {
			fields = append(fields, "执行期限："+v)
		}
		if len(fields) > 0 {
			out = append(out, strings.Join(fields, "；"))
		}
		rows := cardContacts(c, byNum)
		if area != "" {
			// A 7-digit number written without its area code (which
			// the parser reads as no phone) is the exchange's of the
			// area code the cards state, or of all their numbers.
			for i := range rows {
				rows[i].phones = cardLocal.ReplaceAllString(rows[i].phones, "${1}"+area+"-${2}")
			}
		}
		if d := (jsonRecord{contacts: rows}).duty(); d != "" {
			out = append(out, d)
		}
	}
	return strings.Join(out, "\n"), unread, dups
}

// readCards reads lines in reading order into the lines before the first
// card, the cards and the lines it could not read.
func readCards(lines []string) (head []string, cards []*card, unread []Unread) {
	var cur *card
	last := -1 // the field of cur the next unlabelled line continues
	closed := false
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		if l == "" {
			continue
		}
		if m := cardHead.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			cur = &card{num: n, revised: cardRevised.MatchString(m[3])}
			cards = append(cards, cur)
			last, closed = -1, false
			continue
		}
		if cur == nil {
			head = append(head, l)
			continue
		}
		switch {
		case cardCode.MatchString(l):
			continue
		case cardQR.MatchString(l):
			closed, last = true, -1
			continue
		}
		locs := cardLabelAt.FindAllStringSubmatchIndex(l, -1)
		if len(locs) == 0 || locs[0][2] > 1 {
			// No label at the line's start: the last field goes on.
			if last < 0 || closed || cur.broken {
				unread = append(unread, Unread{Line: l, Why: "a card's line that continues no field"})
				continue
			}
			cut := len(l)
			if len(locs) > 0 {
				cut = locs[0][2]
			}
			cur.fields[last].value = joinCardValue(cur.fields[last].value, l[:cut])
			if len(locs) == 0 {
				continue
			}
			l = l[cut:]
			locs = cardLabelAt.FindAllStringSubmatchIndex(l, -1)
		}
		for i, loc := range locs {
			end := len(l)
			if i+1 < len(locs) {
				end = locs[i+1][2]
			}
			role := cardRole(l[loc[2]:loc[3]])
			value := l[loc[1]:end]
			if closed || cur.broken {
				unread = append(unread, Unread{Line: l, Why: "a card's field after its end or out of its order"})
				break
			}
			if n := len(cur.fields); n > 0 && cardRoleOrder[role] < cardRoleOrder[cur.fields[n-1].role] {
				// A field before the last one's in the form's order:
				// a corrupted copy put another card's lines here.
				cur.broken = true
				unread = append(unread, Unread{Line: l, Why: "a card's field out of the form's order"})
				break
			}
			if role != "unit" && role != "person" && role != "phone" && slices.ContainsFunc(cur.fields, func(f cardField) bool { return f.role == role }) {
				cur.broken = true
				unread = append(unread, Unread{Line: l, Why: "a card's field given twice"})
				break
			}
			cur.fields = append(cur.fields, cardField{role: role, value: value})
			last = len(cur.fields) - 1
		}
	}
	return head, cards, unread
}

// cardHeadLines reads the lines before the first card (a cover, the
// instructions): the title (with a bracketed subtitle after it), the date,
// the issuer as 来源 and the area code the instructions state.
func cardHeadLines(head []string) []string {
	title, published, issuer, areaCode := "", "", "", ""
	for i, l := range head {
		if m := areaCodeRe.FindStringSubmatch(l); m != nil && areaCode == "" {
			areaCode = m[1]
		}
		switch m := cardDate.FindStringSubmatch(l); {
		case m != nil:
			if published == "" {
				published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
				if i > 0 && issuer == "" && unitNamed(head[i-1]) && utf8.RuneCountInString(head[i-1]) <= 30 {
					issuer = head[i-1]
				}
			}
		case title == "" && !strings.ContainsAny(l, "：:。") && !cardItem.MatchString(l) && utf8.RuneCountInString(l) >= 6:
			title = l
			if i+1 < len(head) && strings.HasPrefix(head[i+1], "（") && strings.HasSuffix(head[i+1], "）") {
				title += squeezeSpace(head[i+1])
			}
		}
	}
	var out []string
	if title != "" {
		out = append(out, title)
	}
	if published != "" {
		out = append(out, "发布日期："+published)
	}
	if issuer != "" {
		out = append(out, "来源："+issuer+"。")
	}
	if areaCode != "" {
		out = append(out, "联系电话未标注区号的，区号均为"+areaCode+"。")
	}
	return out
}

// boxes reads a field of check boxes: the chosen items ("其他：个人创业者"
// its text), joined by 、; a value without boxes as written.
func boxes(v string) string {
	if !strings.ContainsAny(v, cardChosen+cardUnchosen) {
		return strings.Join(strings.Fields(v), " ")
	}
	var chosen []string
	item, on := "", false
	flush := func() {
		t := cardValue(item)
		if _, after, ok := strings.Cut(t, "："); ok {
			t = cardValue(after)
		} else if _, after, ok := strings.Cut(t, ":"); ok {
			t = cardValue(after)
		}
		if on && t != "" {
			chosen = append(chosen, t)
		}
		item, on = "", false
	}
	for _, r := range v {
		switch {
		case strings.ContainsRune(cardChosen, r):
			flush()
			on = true
		case strings.ContainsRune(cardUnchosen, r):
			flush()
		default:
			item += string(r)
		}
	}
	flush()
	return strings.Join(chosen, "、")
}

// cardContacts reads a card's rows: each 责任单位 opens one, its 联系人 and
// 联系电话 (or hotline) follow. A card whose rows name no one and no phone
// borrows the rows of the card its 备注 names (同第3卡), under its own unit.
func cardContacts(c *card, byNum map[int]*card) []jsonContact {
	var rows []jsonContact
	for _, f := range c.fields {
		v := cardValue(f.value)
		switch f.role {
		case "unit":
			rows = append(rows, jsonContact{unit: v})
		case "person", "phone":
			if len(rows) == 0 || f.role == "person" && rows[len(rows)-1].people != "" {
				u := ""
				if len(rows) > 0 {
					u = rows[len(rows)-1].unit
				}
				rows = append(rows, jsonContact{unit: u})
			}
			r := &rows[len(rows)-1]
			if v = strings.Join(strings.Fields(v), " "); f.role == "person" {
				r.people = v
			} else {
				r.phones = v
			}
		}
	}
	named := slices.ContainsFunc(rows, func(r jsonContact) bool { return r.people != "" || r.phones != "" })
	if m := cardRef.FindStringSubmatch(c.value("note")); m != nil && !named {
		n, _ := strconv.Atoi(m[1] + m[2])
		if o := byNum[n]; o != nil && o != c {
			// The card's own units keep the people and phones of the
			// other card's rows in order; a card without units takes
			// the other's rows whole.
			theirs := cardContacts(o, nil)
			if len(rows) == 0 {
				return theirs
			}
			for i := range rows {
				if i < len(theirs) {
					rows[i].people, rows[i].phones = theirs[i].people, theirs[i].phones
				}
			}
		}
	}
	return slices.DeleteFunc(rows, func(r jsonContact) bool { return r.unit == "" && r.people == "" && r.phones == "" })
}

// placeCopies keeps each piece of text (cut after 。) at one of its
// copies, whitespace aside, puts back a piece moved out of its place, and
// reports the copies dropped. A corrupted copy puts copies of pieces among
// the text's opening pieces and moves a few: a piece's last copy most
// often stands in its place, but the cards a piece heads tell where it
// belongs (see below). Short pieces, which a text may repeat, stay where
// they are.
func placeCopies(text string) (string, []Duplicate) {
	pieces := cutAfterStops(text)
	at := map[string][]int{}
	var keys []string
	for i, p := range pieces {
		if k := stripSpace(p); utf8.RuneCountInString(k) >= 10 {
			if len(at[k]) == 1 {
				keys = append(keys, k)
			}
			at[k] = append(at[k], i)
		}
	}
	if len(keys) == 0 {
		return text, nil
	}
	// The cards each piece heads. The pieces copied once stand in their
	// places, but for the few a corrupted copy moved: those whose cards
	// stand in number order (see risingRun) are the anchors. A copied
	// piece heading cards is kept at the last copy that stands between
	// the anchors before and after it in number order, as the sentence
	// parser keeps a first copy that puts the measures more nearly in
	// order; a piece copied once but out of that order was moved, and is
	// put back before the first anchor heading later cards.
	heads := make([][]int, len(pieces))
	var once []int // pieces copied once that head cards
	for i, p := range pieces {
		for _, m := range cardHeadIn.FindAllStringSubmatch(p, -1) {
			if !cardRevised.MatchString(m[3]) {
				n, _ := strconv.Atoi(m[1] + m[2])
				heads[i] = append(heads[i], n)
			}
		}
		slices.Sort(heads[i])
		if k := stripSpace(p); len(heads[i]) > 0 && len(at[k]) <= 1 {
			once = append(once, i)
		}
	}
	inRun := risingRun(once, heads)
	var anchors, moved []int
	for _, i := range once {
		if inRun[i] {
			anchors = append(anchors, i)
		} else {
			moved = append(moved, i)
		}
	}
	fits := func(j int) bool {
		lo, hi := heads[j][0], heads[j][len(heads[j])-1]
		k, _ := slices.BinarySearch(anchors, j)
		return (k == 0 || heads[anchors[k-1]][len(heads[anchors[k-1]])-1] < lo) && (k == len(anchors) || hi < heads[anchors[k]][0])
	}
	chosen := map[string]int{}
	for _, k := range keys {
		chosen[k] = at[k][len(at[k])-1]
	}
	// The copied pieces heading cards in the order of their cards: each
	// one kept is an anchor for the next.
	headed := slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return len(heads[chosen[k]]) == 0 })
	slices.SortStableFunc(headed, func(a, b string) int { return heads[chosen[a]][0] - heads[chosen[b]][0] })
	for _, k := range headed {
		if j := chosen[k]; fits(j) {
			anchors = insertSorted(anchors, j)
			continue
		}
		found := false
		for _, j := range slices.Backward(at[k][:len(at[k])-1]) {
			if fits(j) {
				chosen[k], found = j, true
				anchors = insertSorted(anchors, j)
				break
			}
		}
		if !found {
			// No copy stands in order: the piece is put back as a
			// moved one is.
			moved = append(moved, chosen[k])
			chosen[k] = -1
		}
	}
	slices.Sort(moved)
	// before[a] are the moved pieces put back before piece a: the first
	// anchor heading later cards, else the unterminated last piece (the
	// corruption leaves it last).
	before := map[int][]int{}
	end := len(pieces)
	if !strings.HasSuffix(pieces[end-1], "。") {
		end--
	}
	for _, i := range moved {
		to := end
		for _, a := range anchors {
			if heads[a][0] > heads[i][len(heads[i])-1] {
				to = a
				break
			}
		}
		before[to] = append(before[to], i)
	}
	isMoved := map[int]bool{}
	for _, i := range moved {
		isMoved[i] = true
	}
	build := func() string {
		var b strings.Builder
		for i, p := range pieces {
			for _, m := range before[i] {
				b.WriteString(pieces[m])
			}
			if j, ok := chosen[stripSpace(p)]; isMoved[i] || ok && j != i {
				continue
			}
			b.WriteString(p)
		}
		for _, m := range before[len(pieces)] {
			b.WriteString(pieces[m])
		}
		return b.String()
	}
	var dups []Duplicate
	for _, k := range keys {
		dups = append(dups, Duplicate{Sentence: k, Copies: len(at[k]) - 1})
	}
	return build(), dups
}

func insertSorted(xs []int, x int) []int {
	i, _ := slices.BinarySearch(xs, x)
	return slices.Insert(xs, i, x)
}

// readingOrder returns the lines of a text `pdftotext -layout` gave, in
// reading order: each page (pages separated by form feeds) without its
// running head and page number, and a page holding two columns on the
// same lines read as its left column, then its right one (see
// layoutColumns).
func readingOrder(text string) []string {
	pages := strings.Split(text, "\f")
	var split [][]string
	firsts := map[string]int{}
	for _, p := range pages {
		lines := strings.Split(p, "\n")
		split = append(split, lines)
		for _, l := range lines {
			if t := squeezeSpace(l); t != "" {
				firsts[t]++
				break
			}
		}
	}
	// The running head: the first line of most pages.
	runningHead := ""
	for t, n := range firsts {
		if n >= 3 && n*2 >= len(pages) && !cardHead.MatchString(t) {
			runningHead = t
		}
	}
	var out []string
	for _, lines := range split {
		kept := lines[:0:0]
		for _, l := range lines {
			t := strings.TrimSpace(l)
			if runningHead != "" && squeezeSpace(t) == runningHead || pageNumberLine.MatchString(t) {
				continue
			}
			kept = append(kept, l)
		}
		out = append(out, layoutColumns(kept)...)
	}
	return out
}

// columnGap is a run of spaces that may part two columns: four or more.
var columnGap = regexp.MustCompile(`[ \t　]{4,}`)

// layoutColumns reads a page of `pdftotext -layout` text whose text lines
// each hold two columns side by side (two form cards, two lists): the left
// column's text, a run of four or more spaces, the right column's text
// starting at about the same width on every line; a line of the right
// column alone starts with a long indent. Where at least three lines part
// at that width the page is read as its left column, then its right one;
// any other page comes back as it is. A line's own spaced-out label
// ("备    注：") is no column gap: a gap follows at least two characters.
//
// A corrupted copy may break a line after a 。 that stood before the gap:
// the next line then starts with the rest of the gap, and is read back
// onto it.
func layoutColumns(lines []string) []string {
	// Widths are measured as the text was laid out: pdftotext pads to a
	// position per character, CJK or not; other tools to a display width
	// (a CJK character two cells). The measure is the one in which the
	// lines part at the most nearly equal widths.
	byChars := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	var width func(string) float64
	spread := -1.0
	for _, w := range []func(string) float64{displayWidth, byChars} {
		starts := columnStarts(lines, w)
		if len(starts) < 3 {
			return lines
		}
		slices.Sort(starts)
		lo, hi, mid := starts[len(starts)/10], starts[len(starts)-1-len(starts)/10], starts[len(starts)/2]
		if sp := (hi - lo) / max(mid, 1); spread < 0 || sp < spread {
			width, spread = w, sp
		}
	}
	starts := columnStarts(lines, width)
	slices.Sort(starts)
	col := starts[len(starts)/2]
	parted := 0
	for _, s := range starts {
		if s >= col*0.7 && s <= col*1.3 {
			parted++
		}
	}
	if parted < 3 {
		return lines
	}
	// A line broken after a 。 before the gap: the next line's indent
	// reaches the right column.
	var fixed []string
	for _, l := range lines {
		if n := len(fixed); n > 0 {
			prev := strings.TrimRight(fixed[n-1], " \t")
			indent := len(l) - len(strings.TrimLeft(l, " "))
			if strings.HasSuffix(prev, "。") && indent > 0 && indent < len(l) && strings.TrimSpace(prev) != "" {
				if w := width(prev + l[:indent]); w >= col*0.7 && w <= col*1.3 && width(l[:indent]) < col*0.6 {
					fixed[n-1] = prev + l
					continue
				}
			}
		}
		fixed = append(fixed, l)
	}
	var left, right []string
	for _, l := range fixed {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " \t　"))
		if width(l[:indent]) >= col*0.6 {
			right = append(right, strings.TrimSpace(l))
			continue
		}
		if from, to := columnGapAt(l, col*0.7, width); to > 0 {
			left = append(left, strings.TrimSpace(l[:from]))
			right = append(right, strings.TrimSpace(l[to:]))
			continue
		}
		left = append(left, strings.TrimSpace(l))
	}
	return append(left, right...)
}

// columnStarts are the widths at which lines part into two (see
// columnGapAt).
func columnStarts(lines []string, width func(string) float64) []float64 {
	var starts []float64
	for _, l := range lines {
		if _, at := columnGapAt(l, 0, width); at > 0 {
			starts = append(starts, width(l[:at]))
		}
	}
	return starts
}

// columnGapAt returns where the first gap of a line that may part two
// columns starts and ends, the next column starting at width from or
// more; -1, -1 if none. A gap after one character is a spaced label's
// ("备    注：") unless it reaches a column known ("。    办理方式：…").
func columnGapAt(l string, from float64, width func(string) float64) (int, int) {
	indent := len(l) - len(strings.TrimLeft(l, " \t　"))
	for _, loc := range columnGap.FindAllStringIndex(l[indent:], -1) {
		if loc[1]+indent == len(l) {
			break
		}
		if chars := utf8.RuneCountInString(strings.TrimSpace(l[indent : indent+loc[0]])); (chars >= 2 || from > 0) && width(l[:indent+loc[1]]) >= from {
			return indent + loc[0], indent + loc[1]
		}
	}
	return -1, -1
}
