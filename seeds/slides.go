package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may present its relief policies as a slide deck (政策宣讲
// PPT) and hand over the deck exported to text (the outline view):
//
//	张店区助企纾困政策宣讲（定稿v3）.pptx      ← export residue
//	修改时间：2022/6/27 17:05
//	幻灯片 5
//	政策1：增值税留抵退税                     ← the slide's title
//	• 对象：……                                ← bullets (• – Ø n ▪ …)
//	– 微型企业：……
//	项目<TAB>标准                             ← a table, one row a line
//	• 责任单位：区税务局货物和劳务税科
//	[图表]
//	备注：……联系人吕婷，电话22306615。        ← the speaker's notes
//
// Measures are the slides titled 政策N (措施N, 第N条) — numbered through
// the deck (a deck numbering none has a measure per slide of bullets under
// a title), so slides are not measures: a measure may go on over a second
// slide (…（续）), a slide may be exported twice, two measures may stand as
// bullets "• 政策20：…" on one slide, a slide may lack its title (its
// notes say "这一条是政策27"), a text box may put the title among the
// bullets. Section dividers (第一部分 …) group the measures; each theme
// may close with a 咨询方式 slide of "unit  person  phone" lines whose
// entries belong to the theme's measures that name their unit (short or
// full name, with or without the department). The notes hold details and
// often a contact in a sentence.
//
// slideText rewrites such a deck into the policy list normalizeFields
// reads (the shape kbText writes): the cover's title, a date, the issuers
// as 来源, the area code a slide states, sections "一、…", and per measure
// "N. 标题", its bullets as one sentence (a term written alike under
// several measures then stays with each), its notes' sentences, and a duty
// block. A corrupted copy (cut at 。, pieces copied and moved) is first put
// back piece by piece: each piece once, at the copy that stands among the
// slides in their order. Any other text comes back unchanged.
var (
	// slideHeader is the line opening a slide: "幻灯片 5", "第5张幻灯片",
	// "Slide 5", possibly between rules.
	slideHeader = regexp.MustCompile(`^[ \t　]*(?:[-=—#*]+[ \t　]*)?(?:幻灯片[ \t　]*(\d{1,3})|第[ \t　]*(\d{1,3})[ \t　]*张(?:幻灯片)?|[Ss]lide[ \t　]*(\d{1,3}))[ \t　]*(?:[-=—#*]+)?[ \t　]*$`)
	// slideMeasure is a measure's number and title: "政策12：一次性扩岗补助".
	slideMeasure = regexp.MustCompile(`^(?:政策|措施|举措|条目|第)[ \t　]*(\d{1,3})[ \t　]*条?[ \t　]*[：:｜|、.．][ \t　]*(\S.*)$`)
	// slideNumberIn is a measure's number said in passing ("这一条是政策27").
	slideNumberIn = regexp.MustCompile(`(?:政策|措施|举措|第)[ \t　]*(\d{1,3})(?:条)?`)
	slideGoesOn   = regexp.MustCompile(`[ \t　]*[（(](?:续|续上页|接上页|续前页)[）)][ \t　]*$`)
	slideBullet   = regexp.MustCompile(`^(?:[•●○◆◇■□▪▫►▶➢➤✓✔√·※★☆Ø§ü–—\-*]|[nlqvwuz](?:[ \t　]))[ \t　]*`)
	// slideSecond marks a second-level bullet (en dash, hyphen, circle).
	slideSecond  = regexp.MustCompile(`^[–—\-○◇▫]`)
	slideNotes   = regexp.MustCompile(`^(?:备注|演讲者备注|演讲备注|讲稿|讲解词|Notes|notes)[ \t　]*[：:][ \t　]*`)
	slideNoise   = regexp.MustCompile(`^(?:单击此处添加(?:备注|文本|标题|副标题)|Click to add (?:notes|text|title)|\[(?:图片|图表|表格|SmartArt|视频|音频|图形|公式|图示|Picture|Chart|Image)\])$`)
	slideDivider = regexp.MustCompile(`^(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)、|PART[ \t　]*0?(\d{1,2})|Part[ \t　]*0?(\d{1,2}))[ \t　:：]*(\S.*)$`)
	// slideDirectory is the title of a slide listing contacts.
	slideDirectory = regexp.MustCompile(`^(?:咨询方式|联系方式|咨询电话|联系电话|政策咨询|咨询渠道|联系我们|咨询联系)`)
	// slideFrame is the title of a slide that frames the deck: no measure.
	slideFrame    = regexp.MustCompile(`^(?:目[ \t　]*录|使用说明|说[ \t　]*明|前[ \t　]*言|谢[ \t　]*谢|感谢|欢迎|答疑|交流|Q&A|THANKS|Thanks|结束语|附[ \t　]*件)`)
	slideModified = regexp.MustCompile(`^(?:修改时间|修改日期|保存时间|创建时间|创建日期)[：:][ \t　]*(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})`)
	slideMonth    = regexp.MustCompile(`^(\d{4})年(\d{1,2})月$`)
	slideFullDate = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	// slideUnitLine is a bullet naming the measure's units.
	slideUnitLine = regexp.MustCompile(`^(?:责任单位|责任部门|牵头单位|主管单位|主管部门|主管|负责单位|负责部门|负责|承办单位|受理单位|经办单位)[ \t　]*[：:][ \t　]*(.+)$`)
	slidePhone    = regexp.MustCompile(`0\d{2,3}-\d{7,8}|1[3-9]\d{9}|\d{7,8}|12\d{3}|9[56]\d{3}`)
	// slidePersonLabel is a person named by label: "联系人吕婷", "联系人是魏娜".
	slidePersonLabel = regexp.MustCompile(`联系人(?:是|为)?[：:]?[ \t　]*(\p{Han}{2,3}?)(?:[，,、；;。（(\s]|电话|联系电话|$)`)
	// slidePersonDuty is a person after a department, then the duty or the
	// phone: "…征缴科吕婷负责，电话…", "…业务部邢伟，电话…".
	slidePersonDuty = regexp.MustCompile(`(?:科|部|处|室|股|组|中心|公司|专班)(\p{Han}{2,3}?)(?:负责|受理|[，,]?(?:联系)?电话)`)
	slideDeptAfter  = regexp.MustCompile(`^\p{Han}{1,8}?(?:科|部|处|室|股|组|专班)`)
	slideUnitStart  = regexp.MustCompile(`由([^，,。；;]{3,40}?)(?:负责|受理|审核)`)
	slideLastDigits = regexp.MustCompile(`\d`)
	slideAside      = regexp.MustCompile(`[（(][^（()）]*[）)]`)
	// slideUnitEnds end a unit's name as a deck may shorten it (区残联).
	slideUnitEnds = []string{"局", "委", "办", "院", "会", "联", "公司", "集团", "中心", "政府", "组"}
)

// slide is one slide of the deck.
type slide struct {
	num   int
	lines []string // its lines without the header, notes and noise
	notes []string // its notes, cut into sentences
	raw   string   // its text as read, for the report
}

// slideDeck reports whether at least five lines open a slide.
func slideDeck(lines []string) bool {
	n := 0
	for _, l := range lines {
		if slideHeader.MatchString(l) {
			n++
		}
	}
	return n >= 5
}

func slideNum(l string) int {
	m := slideHeader.FindStringSubmatch(l)
	if m == nil {
		return 0
	}
	for _, s := range m[1:] {
		if s != "" {
			n, _ := strconv.Atoi(s)
			return n
		}
	}
	return 0
}

// slideMeasureEntry is a measure as the deck gives it.
type slideMeasureEntry struct {
	num      int
	title    string
	lines    []string
	notes    []string
	section  int
	slideNum int
}

// slideContact is one line of a 咨询方式 slide, or a contact a measure's
// text gives.
type slideContact struct {
	unit, person string
	phones       []string
	section      int
	at           int // where the measure's text names it, for the order
}

// slideText returns the policy list a slide deck holds (see above), the
// lines it could not read and the copies a corrupted copy held, or text
// unchanged.
func slideText(text string) (string, []Unread, []Duplicate) {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	if !slideDeck(strings.Split(text, "\n")) {
		return text, nil, nil
	}
	head, slides, dups, loose := slidePieces(text)
	var unread []Unread
	// The deck's head: the cover's title, its issuers and date.
	title, issuers, published, areaCode := "", []string{}, "", ""
	modY, modM, modD := "", "", ""
	for _, l := range head {
		if m := slideModified.FindStringSubmatch(l); m != nil {
			modY, modM, modD = m[1], m[2], m[3]
		}
	}
	for _, s := range slides {
		for _, l := range append(slices.Clone(s.lines), s.notes...) {
			if m := areaCodeRe.FindStringSubmatch(l); m != nil && areaCode == "" {
				areaCode = m[1]
			}
		}
	}
	// The measures, sections and directories, in the order of the slides.
	var measures []*slideMeasureEntry
	byNum := map[int]*slideMeasureEntry{}
	var sections []string
	var directory []slideContact
	// plain are the slides of bullets under a title that numbers nothing.
	var plain []*slideMeasureEntry
	section := 0
	seenSlide := map[string]bool{}
	for i, s := range slides {
		if len(s.lines) == 0 && len(s.notes) == 0 {
			continue
		}
		key := strings.Join(s.lines, "\n") + "\x00" + strings.Join(s.notes, "")
		if seenSlide[key] {
			// A slide exported twice: read once.
			dups = append(dups, Duplicate{Sentence: stripSpace(strings.Join(s.lines, "")), Copies: 1})
			continue
		}
		seenSlide[key] = true
		ttl, body := slideTitle(s.lines)
		switch {
		case i == 0 || title == "" && len(measures) == 0 && ttl != "" && !slideFrame.MatchString(ttl) && slideDivider.FindStringSubmatch(ttl) == nil && slideMeasure.FindStringSubmatch(ttl) == nil && !slideDirectory.MatchString(ttl) && !hasBullets(body):
			if title == "" {
				title = ttl
				for _, l := range body {
					switch {
					case slideMonth.MatchString(l) || slideFullDate.MatchString(l):
						if m := slideFullDate.FindStringSubmatch(l); m != nil {
							published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
						} else if m := slideMonth.FindStringSubmatch(l); m != nil && m[1] == modY && m[2] == modM {
							// The cover states the month; the export's
							// date within it gives the day.
							published = modY + "-" + pad2(modM) + "-" + pad2(modD)
						}
					case unitNamed(l) && !strings.HasPrefix(l, "—") && utf8.RuneCountInString(l) <= 30:
						issuers = append(issuers, l)
					}
				}
			}
			continue
		}
		if m := slideDivider.FindStringSubmatch(ttl); m != nil && !hasBullets(body) && slideMeasure.FindStringSubmatch(ttl) == nil {
			section++
			sections = append(sections, Numeral(section)+"、"+strings.TrimSpace(m[5]))
			continue
		}
		if slideDirectory.MatchString(ttl) {
			for _, l := range body {
				if c, ok := slideDirectoryLine(l); ok {
					c.section = section
					directory = append(directory, c)
				} else if l != "" {
					unread = append(unread, Unread{Line: l, Why: "a contact slide's line that is not unit, person and phone"})
				}
			}
			continue
		}
		found := slideMeasures(ttl, body, s.notes)
		if len(found) == 0 {
			if !slideFrame.MatchString(ttl) && hasBullets(s.lines) && ttl != "" && !slideBullet.MatchString(ttl) {
				plain = append(plain, &slideMeasureEntry{title: slideGoesOn.ReplaceAllString(ttl, ""), lines: orderBullets(body), notes: s.notes,
					section: section, slideNum: s.num})
				if len(measures) > 0 {
					unread = append(unread, Unread{Line: firstLine(s.raw), Why: "a slide with bullets but no measure number"})
				}
			}
			continue
		}
		for _, e := range found {
			e.section, e.slideNum = section, s.num
			if prev := byNum[e.num]; prev != nil {
				// The measure goes on over this slide (…（续）).
				for _, l := range e.lines {
					if !slices.Contains(prev.lines, l) {
						prev.lines = append(prev.lines, l)
					}
				}
				for _, l := range e.notes {
					if !slices.Contains(prev.notes, l) {
						prev.notes = append(prev.notes, l)
					}
				}
				continue
			}
			byNum[e.num] = e
			measures = append(measures, e)
		}
	}
	if len(measures) == 0 && len(plain) >= 3 {
		// A deck that numbers no measure: each slide of bullets under a
		// title is one, numbered in the deck's order; a slide going on
		// (…（续）) under the same title joins the one before.
		for _, e := range plain {
			if n := len(measures); n > 0 && measures[n-1].title == e.title {
				measures[n-1].lines = append(measures[n-1].lines, e.lines...)
				measures[n-1].notes = append(measures[n-1].notes, e.notes...)
				continue
			}
			e.num = len(measures) + 1
			measures = append(measures, e)
		}
	}
	if len(measures) == 0 {
		return text, nil, nil
	}
	rehome(measures, loose)
	var out []string
	if title != "" {
		out = append(out, title)
	}
	if published != "" {
		out = append(out, "发布日期："+published)
	}
	if len(issuers) > 0 {
		out = append(out, "来源："+strings.Join(issuers, "、")+"。")
	}
	if areaCode != "" {
		out = append(out, "联系电话未标注区号的，区号均为"+areaCode+"。")
	}
	written := 0
	for _, e := range measures {
		for written < e.section && written < len(sections) {
			out = append(out, sections[written])
			written++
		}
		out = append(out, strconv.Itoa(e.num)+". "+titleText(e.title))
		if body := slideSentence(e.lines); body != "" {
			out = append(out, "政策内容："+body)
		}
		for _, n := range e.notes {
			out = append(out, ended(n))
		}
		if d := slideDuty(e, directory, loose); d != "" {
			out = append(out, d)
		}
	}
	return strings.Join(out, "\n"), unread, dups
}

// rehome places the notes sentences a corrupted copy left standing alone
// (loose) by the units they name: a sentence naming a unit or department
// of its measure's unit lines stays, one naming none of them but those of
// one other measure only goes there; either is then placed, no longer
// loose. A measure without unit lines keeps what stands on it.
func rehome(measures []*slideMeasureEntry, loose map[string]bool) {
	if len(loose) == 0 {
		return
	}
	keys := map[*slideMeasureEntry][]string{}
	for _, e := range measures {
		for _, l := range e.lines {
			m := slideUnitLine.FindStringSubmatch(strings.TrimSpace(slideBullet.ReplaceAllString(l, "")))
			if m == nil {
				continue
			}
			for _, u := range cellList(m[1]) {
				keys[e] = append(keys[e], u)
				if _, dept := splitUnit(u, u); utf8.RuneCountInString(dept) >= 3 {
					keys[e] = append(keys[e], dept)
				}
			}
		}
	}
	names := func(e *slideMeasureEntry, n string) bool {
		for _, k := range keys[e] {
			if strings.Contains(n, k) {
				return true
			}
		}
		return false
	}
	for _, e := range measures {
		var kept []string
		for _, n := range e.notes {
			if !loose[n] || names(e, n) || len(keys[e]) == 0 {
				if names(e, n) {
					delete(loose, n)
				}
				kept = append(kept, n)
				continue
			}
			var owners []*slideMeasureEntry
			for _, o := range measures {
				if names(o, n) {
					owners = append(owners, o)
				}
			}
			if len(owners) == 1 {
				owners[0].notes = append(owners[0].notes, n)
				delete(loose, n)
				continue
			}
			kept = append(kept, n)
		}
		e.notes = kept
	}
}

func hasBullets(lines []string) bool {
	for _, l := range lines {
		if slideBullet.MatchString(l) {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			return t
		}
	}
	return ""
}

// slidePieces cuts the deck into its head (the export's residue before the
// first slide) and its slides, in the order of their numbers. A corrupted
// copy's pieces (cut after each 。) are first read once each: a piece
// opening slides at the copy that stands among the slides in their order
// (the longest rising run of slide numbers), any other piece at its last
// copy that stands between two such slides, else at its last copy; a
// piece without a slide belongs to the slide before it.
func slidePieces(text string) (head []string, slides []*slide, dups []Duplicate, loose map[string]bool) {
	loose = map[string]bool{}
	pieces := cutAfterStops(text)
	keys := make([]string, len(pieces))
	count := map[string]int{}
	for i, p := range pieces {
		keys[i] = stripSpace(p)
		count[keys[i]]++
	}
	// The slide numbers each piece opens.
	nums := make([][]int, len(pieces))
	var headed []int
	for i, p := range pieces {
		for _, l := range strings.Split(p, "\n") {
			if n := slideNum(l); n > 0 {
				nums[i] = append(nums[i], n)
			}
		}
		if len(nums[i]) > 0 {
			headed = append(headed, i)
		}
	}
	inOrder := risingRun(headed, nums)
	keep := make([]bool, len(pieces))
	chosen := map[string]int{}
	for i := range pieces {
		k := keys[i]
		if k == "" {
			continue
		}
		if count[k] == 1 {
			keep[i] = true
			continue
		}
		j, ok := chosen[k]
		good := func(x int) bool {
			if len(nums[x]) > 0 {
				return inOrder[x]
			}
			return betweenInOrder(x, headed, inOrder)
		}
		if !ok || good(i) || !good(j) {
			chosen[k] = i
		}
	}
	for k, i := range chosen {
		keep[i] = true
		dups = append(dups, Duplicate{Sentence: k, Copies: count[k] - 1})
	}
	slices.SortFunc(dups, func(a, b Duplicate) int { return strings.Compare(a.Sentence, b.Sentence) })
	// Read the kept pieces' lines: a line opening a slide starts it; the
	// lines before any slide are the head. A piece opening slides out of
	// their order was moved there alone: the pieces after it go on the
	// slide before it.
	byNum := map[int]*slide{}
	var cur, anchor *slide
	var order []*slide
	for i, p := range pieces {
		if !keep[i] {
			continue
		}
		for _, l := range strings.Split(p, "\n") {
			t := strings.TrimSpace(l)
			if n := slideNum(t); n > 0 {
				if byNum[n] == nil {
					byNum[n] = &slide{num: n}
					order = append(order, byNum[n])
				}
				cur = byNum[n]
				continue
			}
			if t == "" {
				continue
			}
			if cur == nil {
				head = append(head, t)
				continue
			}
			cur.raw += t + "\n"
			if len(cur.notes) > 0 || slideNotes.MatchString(t) {
				t = slideNotes.ReplaceAllString(t, "")
				if slideNoise.MatchString(t) {
					continue
				}
				if len(cur.notes) > 0 && !strings.Contains(t, "。") && slideBullet.MatchString(t) {
					cur.lines = append(cur.lines, t)
					continue
				}
				for _, s := range cutAfterStops(t) {
					if s = strings.TrimSpace(s); s != "" {
						cur.notes = append(cur.notes, s)
						if len(nums[i]) == 0 && len(chosen) > 0 {
							loose[s] = true
						}
					}
				}
				continue
			}
			if slideNoise.MatchString(t) {
				continue
			}
			cur.lines = append(cur.lines, t)
		}
		if len(nums[i]) > 0 {
			if inOrder[i] || anchor == nil {
				anchor = cur
			} else {
				cur = anchor
			}
		}
	}
	slices.SortStableFunc(order, func(a, b *slide) int { return a.num - b.num })
	return head, order, dups, loose
}

// risingRun marks the pieces (of those opening slides) on the longest run
// whose slide numbers rise.
func risingRun(headed []int, nums [][]int) map[int]bool {
	n := len(headed)
	best := make([]int, n)
	prev := make([]int, n)
	for a := range n {
		best[a], prev[a] = 1, -1
		for b := range a {
			if nums[headed[b]][len(nums[headed[b]])-1] < nums[headed[a]][0] && best[b]+1 > best[a] {
				best[a], prev[a] = best[b]+1, b
			}
		}
	}
	end := -1
	for a := range n {
		if end < 0 || best[a] >= best[end] {
			end = a
		}
	}
	out := map[int]bool{}
	for a := end; a >= 0; a = prev[a] {
		out[headed[a]] = true
	}
	return out
}

// betweenInOrder reports whether piece x stands after a piece of the
// rising run with no piece opening a slide out of that run between them.
func betweenInOrder(x int, headed []int, inOrder map[int]bool) bool {
	before := -1
	for _, h := range headed {
		if h < x {
			before = h
		}
	}
	return before >= 0 && inOrder[before]
}

// slideTitle returns a slide's title and its other lines: the line naming
// a measure's number wherever a text box put it, else the first line that
// is no bullet and no table row.
func slideTitle(lines []string) (string, []string) {
	at := -1
	for i, l := range lines {
		if slideMeasure.MatchString(l) {
			at = i
			break
		}
	}
	if at < 0 {
		for i, l := range lines {
			if !slideBullet.MatchString(l) && !strings.Contains(l, "\t") {
				at = i
			}
			break
		}
	}
	if at < 0 {
		return "", lines
	}
	body := append(slices.Clone(lines[:at]), lines[at+1:]...)
	return lines[at], body
}

// slideMeasures reads the measures of one slide: the one its title
// numbers, those its bullets number ("• 政策20：…", each with the lines
// below it), or the one its notes number when it has no title. The notes
// of a slide with several go sentence by sentence to the measure whose
// words they share most.
func slideMeasures(title string, body, notes []string) []*slideMeasureEntry {
	if m := slideMeasure.FindStringSubmatch(title); m != nil {
		n, _ := strconv.Atoi(m[1])
		return []*slideMeasureEntry{{num: n, title: slideGoesOn.ReplaceAllString(m[2], ""), lines: orderBullets(body), notes: notes}}
	}
	var out []*slideMeasureEntry
	var cur *slideMeasureEntry
	var before []string
	lines := body
	if title != "" {
		lines = append([]string{title}, body...)
	}
	for _, l := range lines {
		t := slideBullet.ReplaceAllString(l, "")
		if m := slideMeasure.FindStringSubmatch(t); m != nil && slideBullet.MatchString(l) {
			n, _ := strconv.Atoi(m[1])
			cur = &slideMeasureEntry{num: n, title: slideGoesOn.ReplaceAllString(m[2], "")}
			out = append(out, cur)
			continue
		}
		if cur != nil {
			cur.lines = append(cur.lines, l)
		} else {
			before = append(before, l)
		}
	}
	switch {
	case len(out) == 1:
		out[0].lines = append(before, out[0].lines...)
		out[0].notes = notes
	case len(out) > 1:
		for _, s := range notes {
			best, score := out[len(out)-1], -1
			for _, e := range out {
				if sc := sharedBigrams(s, e.title+strings.Join(e.lines, "")); sc > score {
					best, score = e, sc
				}
			}
			best.notes = append(best.notes, s)
		}
	case title == "" || slideBullet.MatchString(lines[0]):
		// No title: the notes may say which measure it is.
		for _, s := range notes {
			if m := slideNumberIn.FindStringSubmatch(s); m != nil {
				n, _ := strconv.Atoi(m[1])
				first := strings.TrimSpace(slideBullet.ReplaceAllString(lines[0], ""))
				title := firstClause(first)
				if title == first {
					// The bullet is the title whole: said once.
					lines = lines[1:]
				}
				return []*slideMeasureEntry{{num: n, title: title, lines: orderBullets(lines), notes: notes}}
			}
		}
	}
	for _, e := range out {
		e.lines = orderBullets(e.lines)
	}
	return out
}

// orderBullets puts second-level bullets a text box moved before any
// first-level one after the first bullet that announces a list ("…：").
func orderBullets(lines []string) []string {
	var lead, rest []string
	seenFirst := false
	for _, l := range lines {
		if !seenFirst && slideSecond.MatchString(l) {
			lead = append(lead, l)
			continue
		}
		if slideBullet.MatchString(l) {
			seenFirst = true
		}
		rest = append(rest, l)
	}
	if len(lead) == 0 {
		return lines
	}
	for i, l := range rest {
		t := strings.TrimSpace(slideBullet.ReplaceAllString(l, ""))
		if slideBullet.MatchString(l) && !slideSecond.MatchString(l) && (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")) {
			return slices.Concat(rest[:i+1], lead, rest[i+1:])
		}
	}
	return slices.Concat(lead, rest)
}

func sharedBigrams(a, b string) int {
	ra := []rune(a)
	n := 0
	for i := 0; i+1 < len(ra); i++ {
		if unicode.Is(unicode.Han, ra[i]) && strings.Contains(b, string(ra[i:i+2])) {
			n++
		}
	}
	return n
}

// slideSentence writes a measure's bullets as one sentence: bullets
// dropped, a table's rows "cell：cell，cell" (its header row, without
// figures, dropped), parts joined by ； (not after a label's ：).
func slideSentence(lines []string) string {
	var parts []string
	inTable := false
	for _, l := range lines {
		t := strings.TrimSpace(slideBullet.ReplaceAllString(l, ""))
		if strings.Contains(t, "\t") {
			cells := strings.FieldsFunc(t, func(r rune) bool { return r == '\t' })
			if !inTable {
				inTable = true
				if !slideLastDigits.MatchString(t) {
					continue // the header row
				}
			}
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			// "row's name：cell，cell".
			t = cells[0]
			if len(cells) > 1 {
				t += "：" + strings.Join(cells[1:], "，")
			}
		} else {
			inTable = false
		}
		t = strings.TrimRight(t, "。；;，, ")
		if t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	var b strings.Builder
	for i, t := range parts {
		if i > 0 && !strings.HasSuffix(parts[i-1], "：") && !strings.HasSuffix(parts[i-1], ":") {
			b.WriteString("；")
		}
		b.WriteString(t)
	}
	return b.String() + "。"
}

// slideDirectoryLine reads a contact slide's line: "unit  person  phone"
// or "hotline  phone".
func slideDirectoryLine(l string) (slideContact, bool) {
	t := strings.TrimSpace(slideBullet.ReplaceAllString(l, ""))
	parts := spaced.Split(t, -1)
	if len(parts) < 2 || len(parts) > 3 {
		return slideContact{}, false
	}
	phones := slidePhone.FindAllString(parts[len(parts)-1], -1)
	if len(phones) == 0 || strings.Trim(slidePhone.ReplaceAllString(parts[len(parts)-1], ""), "、/，, ") != "" {
		return slideContact{}, false
	}
	c := slideContact{phones: phones}
	// A note in brackets ("区财政局社保科（创业担保贷款贴息）") is no
	// part of the unit's name.
	unit := strings.TrimSpace(slideAside.ReplaceAllString(parts[0], ""))
	switch len(parts) {
	case 3:
		c.unit, c.person = unit, parts[1]
	case 2:
		switch n := utf8.RuneCountInString(unit); {
		case n >= 2 && n <= 3 && !unitNamed(unit):
			c.person = unit
		case unitNamed(unit):
			c.unit = unit
		}
		// Else a hotline's name (纳税服务热线): no unit.
	}
	return c, true
}

// sameUnitName reports whether a and b name one unit, one perhaps short
// for the other (区人社局, 区人力资源和社会保障局): the same first two
// characters, and the shorter's characters in the longer, in order.
func sameUnitName(a, b string) bool {
	if a == b {
		return a != ""
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) < 3 || ra[0] != rb[0] || ra[1] != rb[1] {
		return false
	}
	j := 0
	for _, r := range rb {
		if j < len(ra) && r == ra[j] {
			j++
		}
	}
	return j == len(ra)
}

// unitMentions finds where text names unit (any spelling sameUnitName
// accepts, each length that ends as a unit may) and returns what follows
// each.
func unitMentions(text, unit string) (after []string, at []int) {
	ru := []rune(unit)
	if len(ru) < 3 {
		return nil, nil
	}
	rt := []rune(text)
	for i := 0; i+1 < len(rt); i++ {
		if rt[i] != ru[0] || rt[i+1] != ru[1] {
			continue
		}
		for j := i + 3; j <= min(len(rt), i+len(ru)+6); j++ {
			if cand := string(rt[i:j]); hasAnySuffix(cand, slideUnitEnds) && sameUnitName(cand, unit) {
				after = append(after, string(rt[j:]))
				at = append(at, i)
			}
		}
	}
	return after, at
}

// slideDuty writes a measure's duty block: the contacts its text and notes
// give (a person with the phone said beside, a person the deck's contact
// slides list, a hotline), and the entries of its theme's contact slide
// whose unit (and department, where the text names one) the measure names.
func slideDuty(e *slideMeasureEntry, directory []slideContact, loose map[string]bool) string {
	body := strings.Join(e.lines, "\n")
	all := body + "\n" + strings.Join(e.notes, "\n")
	var found []slideContact
	add := func(c slideContact) {
		for i, f := range found {
			if c.person != "" && f.person == c.person || c.person == "" && f.person == "" && slices.Equal(f.phones, c.phones) {
				if found[i].unit == "" {
					found[i].unit = c.unit
				}
				for _, p := range c.phones {
					found[i].phones = AppendNew(found[i].phones, p)
				}
				return
			}
		}
		found = append(found, c)
	}
	var units []string
	for _, l := range e.lines {
		if m := slideUnitLine.FindStringSubmatch(strings.TrimSpace(slideBullet.ReplaceAllString(l, ""))); m != nil {
			for _, u := range cellList(m[1]) {
				if unitNamed(u) {
					units = AppendNew(units, u)
				}
			}
		}
	}
	// Contacts said in a sentence or a bullet.
	var said []string
	for _, l := range e.lines {
		said = append(said, strings.TrimSpace(slideBullet.ReplaceAllString(l, "")))
	}
	looseAt := map[int]bool{}
	for _, n := range e.notes {
		parts := strings.FieldsFunc(n, func(r rune) bool { return r == '；' || r == ';' })
		for _, part := range parts {
			looseAt[len(said)] = loose[n]
			said = append(said, part)
		}
	}
	offset := 0
	for _, s := range said {
		offset++
		if slideUnitLine.MatchString(s) {
			continue
		}
		phones := slidePhones(s)
		people := slidePeople(s, directory)
		switch {
		case len(people) == 0:
			for _, p := range phones {
				if looseAt[offset-1] && !strings.Contains(body, p) {
					// A corrupted copy's sentence standing alone may
					// have been moved from any slide: a phone no person
					// answers is kept only where the slide shows it.
					continue
				}
				c := slideContact{phones: []string{p}, at: offset}
				for _, d := range directory {
					if d.person == "" && slices.Contains(d.phones, p) {
						c.unit = d.unit
					}
				}
				add(c)
			}
		default:
			for i, who := range people {
				c := slideContact{person: who, at: offset}
				switch {
				case len(people) == len(phones):
					c.phones = []string{phones[i]}
				case len(people) == 1:
					c.phones = phones
				}
				for _, d := range directory {
					if d.person == who {
						c.unit = d.unit
						if len(c.phones) == 0 {
							c.phones = d.phones
						}
					}
				}
				if c.unit == "" {
					if m := slideUnitStart.FindStringSubmatch(s); m != nil && unitNamed(m[1]) {
						c.unit = m[1]
					} else if len(units) == 1 {
						c.unit = units[0]
					}
				}
				if len(c.phones) > 0 {
					add(c)
				}
			}
		}
	}
	// The theme's contact slide: entries whose unit the measure names.
	for _, d := range directory {
		if d.section != e.section || d.unit == "" || d.person == "" {
			continue
		}
		unit, dept := splitUnit(d.unit, d.unit)
		after, at := unitMentions(all, unit)
		for k, a := range after {
			// A department named after the unit must be the entry's.
			if dept != "" && !strings.HasPrefix(a, dept) && slideDeptAfter.MatchString(a) {
				continue
			}
			c := d
			c.at = at[k]
			add(c)
			break
		}
	}
	var lead []string
	for _, c := range found {
		if c.unit != "" {
			lead = AppendNew(lead, c.unit)
		}
	}
	for _, u := range units {
		dup := false
		for _, v := range lead {
			if strings.HasPrefix(v, u) || sameUnitName(u, v) {
				dup = true
			}
		}
		if !dup {
			lead = append(lead, u)
		}
	}
	return slideDutyLines(lead, found)
}

// slideDutyLines writes a duty block: the units, the phones no person
// answers (hotlines) on one 咨询电话 line, then each person, with the unit
// in brackets where there are several, and the person's phones.
func slideDutyLines(lead []string, found []slideContact) string {
	var lines []string
	if len(lead) > 0 {
		lines = append(lines, "责任单位："+strings.Join(lead, "、"))
	}
	var hotlines []string
	for _, c := range found {
		if c.person != "" {
			continue
		}
		for _, p := range c.phones {
			if c.unit != "" && len(lead) > 1 {
				p += "（" + c.unit + "）"
			}
			hotlines = AppendNew(hotlines, p)
		}
	}
	if len(hotlines) > 0 {
		lines = append(lines, "咨询电话："+strings.Join(hotlines, "、"))
	}
	for _, c := range found {
		if c.person == "" {
			continue
		}
		p := c.person
		if c.unit != "" && len(lead) > 1 {
			p += "（" + c.unit + "）"
		}
		lines = append(lines, "联系人："+p, "联系电话："+strings.Join(c.phones, "、"))
	}
	return strings.Join(lines, "\n")
}

// slidePhones finds the phones in a sentence: numbers standing alone, not
// amounts, dates or parts of longer numbers.
func slidePhones(s string) []string {
	var out []string
	for _, loc := range slidePhone.FindAllStringIndex(s, -1) {
		if loc[0] > 0 && isDigitByte(s[loc[0]-1]) || loc[1] < len(s) && isDigitByte(s[loc[1]]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[loc[1]:]); strings.ContainsRune("万元年月日%人个岁天.‰", r) {
			continue
		}
		out = AppendNew(out, s[loc[0]:loc[1]])
	}
	return out
}

// slidePeople finds the people a sentence names: by the label 联系人, by
// their place after a department and before a duty or a phone, or as the
// deck's contact slides list them.
func slidePeople(s string, directory []slideContact) []string {
	type hit struct {
		at  int
		who string
	}
	var hits []hit
	seen := map[string]bool{}
	note := func(at int, who string) {
		if who != "" && !seen[who] {
			seen[who] = true
			hits = append(hits, hit{at, who})
		}
	}
	for _, d := range directory {
		if d.person != "" {
			if i := strings.Index(s, d.person); i >= 0 {
				note(i, d.person)
			}
		}
	}
	for _, m := range slidePersonLabel.FindAllStringSubmatchIndex(s, -1) {
		note(m[2], s[m[2]:m[3]])
	}
	if len(slidePhones(s)) > 0 {
		for _, m := range slidePersonDuty.FindAllStringSubmatchIndex(s, -1) {
			// "…中心归集科负责" names a department, not a person.
			if who := s[m[2]:m[3]]; !hasAnySuffix(who, departmentSuffixes) && !hasAnySuffix(who, slideUnitEnds) {
				note(m[2], who)
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	var out []string
	for _, h := range hits {
		out = append(out, h.who)
	}
	return out
}
