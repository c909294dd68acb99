package seeds

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may hand over the relief policies its 12345 hotline answers
// with: the export of the hotline's knowledge base (知识库), saved as text.
// A head (the base's name, a 专题, 导出时间, the filter and sort order,
// 共N条), then one entry per piece of knowledge, entries separated by a
// rule of dashes or equal signs (or only a blank line), each a list of
// labelled fields in no fixed order:
//
//	知识编号：ZSK-2022-0398
//	知识标题：【税费】增值税留抵退税
//	所属目录：助企纾困 > 税费减免
//	关键词：留抵退税;退税
//	适用对象：……
//	答复口径：来电人咨询……的，可告知：……
//	（lines without a label: the answer's paragraphs, 1. 2. points, notes,
//	 "【转办】……请转区人社局（0577-8890xxxx）")
//	承办单位：区税务局货物和劳务税科（联系人：陈某，电话：0577-…）;区财政局……
//	政策依据：……
//	有效期：2022-04-01 至 2022-12-31
//	状态：有效 | 更新时间：2022-06-30 | 点击量：1532
//
// An entry is not always a measure: an expired one (状态：已失效, 已下架)
// stays in the base for reference, an operator's script (【话术提示】) says
// how to answer, and a list of the units' switchboards (咨询电话汇总) is a
// directory; none is numbered. One measure may be split over two entries
// titled （一）… and （二）…, which need not be adjacent: it is one measure,
// numbered where its first part stands. Measures are numbered 1..N in the
// export's order.
//
// kbText rewrites such an export into the policy list normalizeFields reads
// (the shape jsonText writes): the title, 发布日期, the area code where an
// entry states it, then per measure "N. 标题", 政策内容, the detail fields and
// a duty block built from 承办单位 in any of its shapes (unit（联系人：X，电话：Y）,
// unit/person/phone, unit person phone, unit（hotline）, two units separated
// by ; ； or a line break) and from the answer's transfer lines. Entries
// repeated by a corrupted copy are read once, at their last place; an entry
// whose unit lines disagree (a corrupted copy moved another entry's lines
// into it) keeps no contact rather than another's; an answer sentence
// standing after a copied or moved header is the entry's of the last
// header in place before it (see kbRehome). A phone list's unit lines are
// the units' own lines (Guide.Units). Any other text comes back unchanged.

// kbLabels maps the labels a knowledge base writes to the role of the field.
var kbLabels = func() map[string]string {
	m := map[string]string{}
	for role, names := range map[string][]string{
		"id":       {"知识编号", "知识ID", "知识id", "知识库编号", "条目编号", "知识点编号"},
		"title":    {"知识标题", "知识名称", "知识点名称", "条目标题"},
		"answer":   {"答复口径", "答复内容", "标准答复", "标准答案", "知识内容", "解答口径", "回复口径", "答复要点"},
		"unit":     {"承办单位", "承办部门", "责任单位", "责任部门", "主管部门", "联系单位", "咨询单位"},
		"target":   {"适用对象", "服务对象", "适用范围"},
		"channel":  {"办理渠道", "办理方式", "办理途径", "申请方式"},
		"basis":    {"政策依据", "依据文件"},
		"valid":    {"有效期", "有效期限", "有效时间"},
		"until":    {"失效日期", "失效时间", "截止日期", "到期日期"},
		"from":     {"生效日期", "生效时间"},
		"status":   {"状态", "知识状态", "发布状态"},
		"category": {"所属目录", "知识分类", "所属分类", "目录", "分类"},
		"keywords": {"关键词", "关键字"},
		"meta":     {"更新时间", "更新日期", "创建时间", "发布时间", "点击量", "浏览次数", "浏览量", "创建人", "维护人", "审核人", "来源"},
	} {
		for _, n := range names {
			m[n] = role
		}
	}
	return m
}()

var (
	// kbLabelAt is a label at the start of a line (or of a segment of a
	// line written "状态：有效 | 更新时间：…").
	kbLabelAt = regexp.MustCompile(`^[ \t　]*([\p{Han}A-Za-z]{2,6})[ \t　]*[：:][ \t　]*`)
	kbRule    = regexp.MustCompile(`^[ \t　]*[-=—_─━*＝]{8,}[ \t　]*$`)
	// kbSegmentSep separates a meta line's fields.
	kbSegmentSep = regexp.MustCompile(`[ \t　]*[|｜][ \t　]*`)
	// kbTag is a title's topic in brackets ("【税费】").
	kbTag = regexp.MustCompile(`^[ \t　]*[【\[]([^】\]]{1,10})[】\]][ \t　]*`)
	// kbPart is the part of a measure an entry holds: "（一）…", "（二）…",
	// "（上）", "（下）", "（续）", with what the part is about after it.
	kbPart = regexp.MustCompile(`^(.+?)[ \t　]*[（(]([一二三四五六七八九十]|[1-9]|上|中|下|续)[）)][ \t　]*(.*)$`)
	// kbExpired is an entry's state that takes it out of use.
	kbExpired = regexp.MustCompile(`失效|作废|废止|下架|停用|过期|撤销|撤回|停止执行|已归档|草稿|待审`)
	// kbScript is the topic of an entry written for the operators, not
	// about a measure ("【话术提示】", "【座席须知】").
	kbScript = regexp.MustCompile(`话术|座席|坐席|提示|须知|接听规范|工单规范|来电处置`)
	// kbScriptTitle is a title naming the operators' script itself.
	kbScriptTitle = regexp.MustCompile(`话术|座席|坐席`)
	// kbTransfer is an answer's transfer line naming a unit and its phone
	// ("【转办】如需办理请转区人社局（0577-88902200）").
	kbTransfer = regexp.MustCompile(`转(?:至|到|给|交)?([^，,。；;：:（(）)\s转]{2,30}?)[（(](?:电话[：:]?)?([0-9\-－]{5,14})[）)]`)
	// kbCallerLead is the operator's lead-in of an answer ("来电人咨询…的，可告知：").
	kbCallerLead = regexp.MustCompile(`^(?:来电人|来电群众|来电企业|市民|群众|企业)[^。：:]{0,40}?[，,]?(?:可|请)?(?:告知|答复|回复)[：:]`)
	kbRange      = regexp.MustCompile(`[ \t　]*(?:至|到|~|～|—|－)[ \t　]*`)
	kbISODate    = regexp.MustCompile(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)
	kbExportDate = regexp.MustCompile(`导出(?:时间|日期)[：:][ \t　]*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})`)
	kbExportWord = regexp.MustCompile(`[ \t　]*导出(?:清单|结果|文件|数据)?[ \t　]*$`)
	kbLasting    = regexp.MustCompile(`^(?:长期|永久|长期有效|无)$`)
	kbTopic      = regexp.MustCompile(`(?:专题|主题)[：:][ \t　]*([^ \t　]+)`)
	// kbPhone is a phone in a unit's line: area code and number, a mobile,
	// a local number, a hotline.
	kbPhone = regexp.MustCompile(`0\d{2,3}[-－]\d{7,8}|1[3-9]\d{9}|\d{7,8}|1\d{4}|9\d{4}`)
	// kbDirectoryLine is a line of a list of phones: a unit (and what it
	// answers for) and its number.
	kbDirectoryLine = regexp.MustCompile(`^[^：:。]{2,40}[：:][ \t　]*[0-9\-－、/ ]{5,30}$`)
)

// kbEntry is one entry of the export.
type kbEntry struct {
	id, title, status string
	answer            []string
	answerAt          []int  // each answer line's line in the text
	first             string // the line the answer's label opens
	// transfers are the answer's transfer lines without 。, read as
	// fields (see kbItem).
	transfers   []string
	details     map[string]string // detail label (as normalizeFields knows it) → value
	from, until string
	units       []string // the unit lines' chunks, one per unit
	unitLines   []string // the unit fields as written
	// conflict is set when the entry has two unit fields that differ (a
	// corrupted copy moved another entry's lines into it).
	conflict bool
	canon    *kbEntry // the copy the entry's fields go to (see kbCanonical)
}

// kbField reads a labelled line: the role of its label and the value, or
// "" when the line has no label the export uses.
func kbField(line string) (role, value string) {
	m := kbLabelAt.FindStringSubmatch(line)
	if m == nil {
		return "", ""
	}
	role, ok := kbLabels[m[1]]
	if !ok {
		return "", ""
	}
	return role, strings.TrimSpace(line[len(m[0]):])
}

// isKBExport reports whether at least three entries open with an id or a
// title label and three answers are labelled.
func isKBExport(lines []string) bool {
	ids, titles, answers := 0, 0, 0
	for _, l := range lines {
		switch role, _ := kbField(l); role {
		case "id":
			ids++
		case "title":
			titles++
		case "answer":
			answers++
		}
	}
	return max(ids, titles) >= 3 && answers >= 3 && titles >= 3
}

// kbText returns the policy list a knowledge-base export holds (see above),
// the lines it could not read and the copies it merged, and the units'
// own lines its phone lists give (see kbDirectoryContacts); or text
// unchanged.
func kbText(text string) (string, []Unread, []Duplicate, []Contact) {
	lines := strings.Split(strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n"), "\n")
	if !isKBExport(lines) {
		return text, nil, nil, nil
	}
	head, entries, items := kbRead(lines)
	// A corrupted copy repeats entries: each is read at its last place.
	entries, order, dups := kbCanonical(entries)
	copied := dups != nil
	var unread []Unread
	kbApply(items, entries, order)
	byID := map[string]*kbEntry{}
	for _, e := range order {
		if e.id != "" {
			byID[e.id] = e
		}
	}
	entries = order
	areaCode := ""
	// Which entries are measures, and the parts of a split one.
	var measures []*kbEntry
	var units []Contact
	partOf := map[string]*kbEntry{} // a split measure's title → its first part
	for _, e := range entries {
		body := strings.Join(e.answer, "\n")
		if m := areaCodeRe.FindStringSubmatch(body); m != nil && areaCode == "" {
			areaCode = m[1]
		}
		tag := ""
		if m := kbTag.FindStringSubmatch(e.title); m != nil {
			tag = m[1]
		}
		title := strings.TrimSpace(kbTag.ReplaceAllString(e.title, ""))
		switch {
		case title == "" && len(e.answer) == 0:
			continue
		case kbExpired.MatchString(e.status):
			continue
		case kbScript.MatchString(tag) || kbScriptTitle.MatchString(title):
			continue
		case len(e.units) == 0 && kbDirectory(e.answer):
			units = kbDirectoryContacts(e.answer, units)
			continue
		}
		e.title = title
		if m := kbPart.FindStringSubmatch(title); m == nil {
			// A first part may carry no mark: a later "（二）" continues it.
			if _, ok := partOf[title]; !ok {
				partOf[title] = e
			}
		} else {
			if first, ok := partOf[m[1]]; ok && m[2] != "一" && m[2] != "1" && m[2] != "上" {
				first.answer = append(first.answer, e.answer...)
				for k, v := range e.details {
					if _, ok := first.details[k]; !ok {
						first.details[k] = v
					}
				}
				first.units = append(first.units, e.units...)
				first.transfers = append(first.transfers, e.transfers...)
				first.conflict = first.conflict || e.conflict
				first.unitLines = append(first.unitLines, e.unitLines...)
				if first.until == "" {
					first.until = e.until
				}
				continue
			}
			partOf[m[1]] = e
			e.title = m[1]
		}
		measures = append(measures, e)
	}
	if len(measures) == 0 {
		return text, nil, nil, nil
	}
	out := kbHead(head, areaCode)
	seen := map[string]bool{} // answer lines written, which no later measure repeats
	for i, e := range measures {
		out = append(out, strconv.Itoa(i+1)+". "+titleText(e.title))
		transfers := kbAnswer(e.transfers, byID)
		answer := kbAnswer(e.answer, byID)
		r := jsonRecord{}
		if copied {
			// A transfer line ending a sentence was moved on its own:
			// where it stands says nothing of whose it is.
			r.contacts, unread = kbContacts(e, transfers, unread)
		} else {
			r.contacts, unread = kbContacts(e, append(slices.Clone(answer), transfers...), unread)
		}
		answer = append(answer, transfers...)
		// A line written alike under two measures (a transfer line)
		// would read as a corrupted copy's: it stays with the first.
		answer = slices.DeleteFunc(answer, func(l string) bool {
			dup := seen[l] && utf8.RuneCountInString(l) < 60
			seen[l] = true
			return dup
		})
		for j, l := range answer {
			if j == 0 {
				out = append(out, "政策内容："+l)
			} else {
				out = append(out, l)
			}
		}
		if e.until != "" && e.details["有效期"] == "" {
			switch {
			case kbLasting.MatchString(e.until):
				e.details["有效期"] = e.until
			case e.from == "":
				e.details["有效期"] = "至" + e.until
			default:
				e.details["有效期"] = e.from + "至" + e.until
			}
		}
		// The term last: the field before the duty block is read with the
		// block (see fieldBeforeDuty), so a term written alike under many
		// measures stays with each rather than being taken for a copy.
		for _, slot := range detailSlots {
			for _, label := range slot {
				if v := e.details[label]; v != "" && label != "有效期" && label != "政策依据" {
					out = append(out, label+"："+v)
				}
			}
		}
		// The term and the basis, which many entries write alike, on the
		// line before the duty block, read with it (see fieldBeforeDuty):
		// they stay with each measure rather than being taken for a
		// corrupted copy's.
		var last []string
		if v := e.details["有效期"]; v != "" {
			last = append(last, "有效期："+kbRange.ReplaceAllString(kbISODate.ReplaceAllStringFunc(v, kbDate), "至"))
		}
		if v := e.details["政策依据"]; v != "" {
			last = append(last, "政策依据："+v)
		}
		if len(last) > 0 {
			out = append(out, strings.Join(last, "；"))
		}
		if d := r.duty(); d != "" {
			out = append(out, d)
		}
	}
	return strings.Join(out, "\n"), unread, dups, units
}

// kbItem is a field line other than the header and the answer, waiting
// for its entry. A corrupted copy cuts the text after each 。 and moves
// the pieces: the fields after an answer's last sentence travel with the
// next entry's header, in one piece. So a field with no 。 between it and
// the next header is the field of the entry before that header (in a clean
// export, the entry it stands in); any other field is the entry's it
// stands in.
type kbItem struct {
	role, value string
	at          *kbEntry // the entry it stands in
	next        *kbEntry // the entry whose header follows it in its piece
	end         bool     // it is in the text's last piece
}

// kbRead reads the export's lines into its head, its entries (headers and
// answers) and its other fields.
func kbRead(lines []string) (head []string, entries []*kbEntry, items []*kbItem) {
	var cur *kbEntry
	var pending []*kbItem // fields since the last 。
	var lastUnit *kbItem
	field := "" // the field an unlabelled line continues
	open := func() {
		cur = &kbEntry{details: map[string]string{}}
		entries = append(entries, cur)
		for _, it := range pending {
			it.next = cur
		}
		pending, field = nil, ""
	}
	add := func(role, value string) *kbItem {
		it := &kbItem{role: role, value: value, at: cur}
		items = append(items, it)
		if strings.Contains(value, "。") {
			pending = nil
		} else {
			pending = append(pending, it)
		}
		return it
	}
	answer := func(i int, s string) {
		cur.answer = append(cur.answer, s)
		cur.answerAt = append(cur.answerAt, i)
		if strings.Contains(s, "。") {
			pending = nil
		}
	}
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if kbRule.MatchString(t) {
			cur, field = nil, ""
			continue
		}
		if t == "" {
			continue
		}
		role, value := kbField(t)
		switch {
		case role == "id":
			// The id opens the entry, unless the entry's title came first.
			if cur == nil || cur.id != "" || len(cur.answer) > 0 {
				open()
			}
			cur.id = value
			continue
		case role == "title" && (cur == nil || cur.title != ""):
			open()
		case cur == nil:
			if role == "" || role == "meta" || role == "status" || role == "category" {
				head = append(head, t)
				continue
			}
			open()
		}
		switch role {
		case "title":
			cur.title = value
		case "answer":
			answer(i, value)
			cur.first = value
		case "unit":
			lastUnit = add(role, value)
		case "target", "channel", "basis", "valid", "until", "from":
			add(role, value)
		case "status", "meta", "category", "keywords":
			// A meta line may hold several fields: "状态：有效 | 更新时间：…".
			for _, seg := range kbSegmentSep.Split(t, -1) {
				if r, v := kbField(seg); r == "status" {
					add(r, v)
				}
			}
		default:
			if field == "unit" && lastUnit != nil && kbUnitLine(t) {
				// The next unit, on a line of its own.
				lastUnit.value += "；" + t
				continue
			}
			if kbTransfer.MatchString(t) && !strings.Contains(t, "。") {
				// A transfer line: a field of its own (see kbItem).
				add("transfer", t)
			} else {
				answer(i, t)
			}
			role = "answer"
		}
		if role != "" {
			field = role
		}
	}
	for _, it := range pending {
		it.end = true
	}
	return head, entries, items
}

// kbCanonical merges the copies of each entry into its last (a corrupted
// copy's original stands last) and returns the entries, their order (of
// the ids, where a corrupted copy's last copies mostly rise, since the
// export is sorted by them; else of the text), and the answer lines that
// were copies, each kept at its last place.
func kbCanonical(entries []*kbEntry) ([]*kbEntry, []*kbEntry, []Duplicate) {
	last := map[string]*kbEntry{}
	copied := false
	for _, e := range entries {
		if e.id != "" {
			copied = copied || last[e.id] != nil
			last[e.id] = e
		}
	}
	canon := func(e *kbEntry) *kbEntry {
		if e.id != "" {
			return last[e.id]
		}
		return e
	}
	if copied {
		// Each answer sentence on its own: the copy cut the text at 。,
		// so sentences, not lines, are copied and moved.
		for _, e := range entries {
			var answer []string
			var at []int
			for j, l := range e.answer {
				for k, sent := range kbSentences(l) {
					answer, at = append(answer, sent), append(at, e.answerAt[j]*64+min(k, 63))
				}
			}
			e.answer, e.answerAt = answer, at
			if sents := kbSentences(e.first); len(sents) > 0 {
				e.first = sents[0]
			}
		}
		kbRehome(entries, canon)
	}
	var order []*kbEntry
	for _, e := range entries {
		c := canon(e)
		if c != e {
			c.title = cmp.Or(c.title, e.title)
			c.first = cmp.Or(c.first, e.first)
			c.answer = append(c.answer, e.answer...)
			c.answerAt = append(c.answerAt, e.answerAt...)
			continue
		}
		order = append(order, e)
	}
	for _, e := range entries {
		e.canon = canon(e)
	}
	if !copied {
		return entries, order, nil
	}
	rising, ids := 0, true
	for i, e := range order {
		ids = ids && e.id != ""
		if i > 0 && order[i-1].id < e.id {
			rising++
		}
	}
	if ids && rising*3 >= (len(order)-1)*2 {
		slices.SortStableFunc(order, func(a, b *kbEntry) int { return strings.Compare(a.id, b.id) })
	}
	// Each answer sentence at its last place.
	lastAt := map[string]int{}
	count := map[string]int{}
	for _, e := range order {
		for j, l := range e.answer {
			lastAt[l] = max(lastAt[l], e.answerAt[j])
			count[l]++
		}
	}
	var dups []Duplicate
	for _, e := range order {
		var answer []string
		var at []int
		idx := make([]int, len(e.answer))
		for j := range idx {
			idx[j] = j
		}
		slices.SortStableFunc(idx, func(a, b int) int { return e.answerAt[a] - e.answerAt[b] })
		for _, j := range idx {
			l := e.answer[j]
			if e.answerAt[j] != lastAt[l] || slices.Contains(answer, l) {
				continue
			}
			answer, at = append(answer, l), append(at, e.answerAt[j])
		}
		// The labelled line opens the answer, wherever a copy put it.
		if i := slices.Index(answer, e.first); i > 0 {
			pos := at[i]
			answer = slices.Insert(slices.Delete(answer, i, i+1), 0, e.first)
			at = slices.Insert(slices.Delete(at, i, i+1), 0, pos)
		}
		e.answer, e.answerAt = answer, at
	}
	for l, n := range count {
		if n > 1 {
			dups = append(dups, Duplicate{Sentence: strings.Join(strings.Fields(l), ""), Copies: n - 1})
		}
	}
	slices.SortFunc(dups, func(a, b Duplicate) int { return strings.Compare(a.Sentence, b.Sentence) })
	return entries, order, dups
}

// kbRehome gives the answer sentences standing after a header out of
// place, its entry's first sentence aside, to the entry of the last header
// in place before them. A header is out of place where it is a copy (the
// entry stands again later: its last copy is its place) or where its last
// copy breaks the export's order of ids (a piece moved alone). A corrupted
// copy interleaves its copies, each a header with its entry's first
// sentence, with the text's first sentences: an original follow-up there
// stands after another entry's copied header, while its own entry's
// header is the last one in place before it. A sentence copied as well is
// then read at its last place (see kbCanonical), wherever it stands.
func kbRehome(entries []*kbEntry, canon func(*kbEntry) *kbEntry) {
	var placed []*kbEntry // the last copies, in the text's order
	ids := true
	for _, e := range entries {
		if canon(e) == e {
			placed = append(placed, e)
			ids = ids && e.id != ""
		}
	}
	inPlace := map[*kbEntry]bool{}
	if chain := kbRisingIDs(placed); ids && len(chain)*3 >= len(placed)*2 {
		for _, e := range chain {
			inPlace[e] = true
		}
	} else {
		for _, e := range placed {
			inPlace[e] = true
		}
	}
	var home *kbEntry
	for _, e := range entries {
		if inPlace[e] {
			home = e
			continue
		}
		if home == nil {
			continue
		}
		var answer []string
		var at []int
		for j, s := range e.answer {
			if s != e.first {
				home.answer, home.answerAt = append(home.answer, s), append(home.answerAt, e.answerAt[j])
				continue
			}
			answer, at = append(answer, s), append(at, e.answerAt[j])
		}
		e.answer, e.answerAt = answer, at
	}
}

// kbRisingIDs returns the longest run of es, in their order, whose ids
// rise: the entries standing in the export's order of ids.
func kbRisingIDs(es []*kbEntry) []*kbEntry {
	if len(es) == 0 {
		return nil
	}
	length, prev := make([]int, len(es)), make([]int, len(es))
	best := 0
	for i := range es {
		length[i], prev[i] = 1, -1
		for j := range i {
			if es[j].id < es[i].id && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if length[i] > length[best] {
			best = i
		}
	}
	var out []*kbEntry
	for i := best; i >= 0; i = prev[i] {
		out = append(out, es[i])
	}
	slices.Reverse(out)
	return out
}

// kbSentences cuts a line after each 。, the sentences after the first
// trimmed.
func kbSentences(l string) []string {
	var out []string
	for i, s := range cutAfterStops(l) {
		if i > 0 {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// kbApply gives each field to its entry (see kbItem): a field two entries'
// copies give differently leaves the entry with a conflict.
func kbApply(items []*kbItem, entries, order []*kbEntry) {
	before := map[*kbEntry]*kbEntry{}
	for i := 1; i < len(order); i++ {
		before[order[i]] = order[i-1]
	}
	for _, it := range items {
		var e *kbEntry
		switch {
		case it.next != nil:
			e = before[it.next.canon]
		case it.end && len(order) > 0:
			e = order[len(order)-1]
		case it.at != nil:
			e = it.at.canon
		}
		if e == nil {
			continue
		}
		switch it.role {
		case "unit":
			if !slices.Contains(e.unitLines, it.value) {
				e.conflict = e.conflict || len(e.unitLines) > 0
				e.unitLines = append(e.unitLines, it.value)
				e.units = append(e.units, kbUnitChunks(it.value)...)
			}
		case "transfer":
			if !slices.Contains(e.transfers, it.value) {
				e.transfers = append(e.transfers, it.value)
			}
		case "status":
			if e.status == "" {
				e.status = it.value
			}
		case "until":
			e.until = cmp.Or(e.until, it.value)
		case "from":
			e.from = cmp.Or(e.from, it.value)
		default:
			label := map[string]string{"target": "适用对象", "channel": "办理渠道", "basis": "政策依据", "valid": "有效期"}[it.role]
			if e.details[label] == "" {
				e.details[label] = it.value
			}
		}
	}
}

// kbHead writes the export's head as a policy list's: its title (the base's
// name and the 专题), the export's date, the area code an entry states.
func kbHead(head []string, areaCode string) []string {
	var out []string
	title, date := "", ""
	for _, h := range head {
		if m := kbExportDate.FindStringSubmatch(h); m != nil && date == "" {
			date = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
		}
		if m := kbTopic.FindStringSubmatch(h); m != nil && title != "" && !strings.Contains(title, m[1]) {
			title += "：" + m[1]
		}
		if title == "" && !strings.ContainsAny(h, "：:") {
			title = strings.TrimSpace(kbExportWord.ReplaceAllString(h, ""))
		}
	}
	if title != "" {
		out = append(out, title)
	}
	if date != "" {
		out = append(out, "发布日期："+date)
	}
	if areaCode != "" {
		out = append(out, "联系电话未标注区号的，区号均为"+areaCode+"。")
	}
	return out
}

// kbDate writes "2022-04-01" as the text of a guide writes a date.
func kbDate(s string) string {
	m := kbISODate.FindStringSubmatch(s)
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return m[1] + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(d) + "日"
}

// kbAnswer returns the answer's lines for a reader: the operator's lead-in
// dropped, another entry's id replaced by its title, tags dropped.
func kbAnswer(lines []string, byID map[string]*kbEntry) []string {
	var out []string
	for i, l := range lines {
		if i == 0 {
			l = kbCallerLead.ReplaceAllString(l, "")
		}
		for id, e := range byID {
			if strings.Contains(l, id) {
				name := strings.TrimSpace(kbTag.ReplaceAllString(e.title, ""))
				l = strings.ReplaceAll(l, id, "“"+titleText(name)+"”")
			}
		}
		l = strings.TrimSpace(kbTag.ReplaceAllString(l, ""))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// kbDirectory reports whether an answer is mostly a list of phones.
func kbDirectory(answer []string) bool {
	n := 0
	for _, l := range answer {
		if kbDirectoryLine.MatchString(l) {
			n++
		}
	}
	return n >= 3 && n*2 >= len(answer)
}

// kbDirectoryContacts adds to units the lines of a phone list entry
// ("区人社局：72812200"): each unit's own line, which no measure names, so
// that a question about the unit is answered from what the guide states.
// A line naming no unit ("其他事项请拨打12345") is none; a unit listed
// again keeps its first line.
func kbDirectoryContacts(answer []string, units []Contact) []Contact {
	for _, l := range answer {
		if !kbDirectoryLine.MatchString(l) {
			continue
		}
		i := strings.IndexAny(l, "：:")
		name, phones := strings.TrimSpace(l[:i]), kbPhones(l[i:])
		if !unitLike(name) || len(phones) == 0 {
			continue
		}
		unit, dept := splitUnit(name, name)
		if slices.ContainsFunc(units, func(c Contact) bool { return c.Unit == unit && c.Department == dept }) {
			continue
		}
		units = append(units, Contact{Unit: unit, Department: dept, Phones: phones})
	}
	return units
}

// kbUnitLine reports whether an unlabelled line after a unit's line is the
// next unit: short, no sentence, with a phone or a unit's name.
func kbUnitLine(t string) bool {
	if utf8.RuneCountInString(t) > 60 || strings.Contains(t, "。") {
		return false
	}
	return len(kbPhones(t)) > 0
}

// kbUnitChunks splits a unit field into one chunk per unit: at ； ; or a
// line break outside brackets ("区人社局（联系人：甲；电话：…）" is one).
func kbUnitChunks(v string) []string {
	var out []string
	depth := 0
	chunks := strings.FieldsFunc(v, func(r rune) bool {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			depth = max(depth-1, 0)
		case '；', ';', '\n':
			return depth == 0
		}
		return false
	})
	for _, c := range chunks {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// kbPhones finds the phones of s, each whole (not part of a longer number).
func kbPhones(s string) []string {
	var out []string
	for _, loc := range kbPhone.FindAllStringIndex(s, -1) {
		if loc[0] > 0 && isDigit(s[loc[0]-1]) || loc[1] < len(s) && (isDigit(s[loc[1]]) || s[loc[1]] == '-') {
			continue
		}
		out = append(out, s[loc[0]:loc[1]])
	}
	return out
}

// kbContacts reads each unit chunk into a contact (unit, people, phones),
// then the answer's transfer lines whose phone no contact has.
func kbContacts(e *kbEntry, answer []string, unread []Unread) ([]jsonContact, []Unread) {
	var out []jsonContact
	if e.conflict {
		// Two unit fields that differ: a corrupted copy's lines. No
		// contact rather than another entry's.
		for _, u := range e.unitLines {
			unread = append(unread, Unread{Line: u, Why: "one of two unit fields of knowledge entry " + e.id})
		}
		return nil, unread
	}
	phones := map[string]bool{}
	for _, c := range e.units {
		jc, ok := kbContact(c)
		if !ok {
			unread = append(unread, Unread{Line: c, Why: "a unit field without a unit"})
			continue
		}
		ps := cellList(jc.phones)
		if len(ps) > 0 && !slices.ContainsFunc(ps, func(p string) bool { return !phones[p] }) {
			// The same contact again (a split measure's second part).
			continue
		}
		for _, p := range ps {
			phones[p] = true
		}
		out = append(out, jc)
	}
	// A transfer line's unit and phone, where no contact is of that unit:
	// a unit's switchboard beside its own department's person would read
	// as that person's second phone.
	for _, l := range answer {
		for _, m := range kbTransfer.FindAllStringSubmatch(l, -1) {
			if phones[m[2]] || slices.ContainsFunc(out, func(c jsonContact) bool { return sameUnit(c.unit, m[1]) }) {
				continue
			}
			phones[m[2]] = true
			out = append(out, jsonContact{unit: m[1], phones: m[2]})
		}
	}
	return out, unread
}

// kbContact reads one unit's chunk: the unit's name up to a bracket, a
// slash or a space, then people (two to four Han characters, labels
// aside) and phones.
func kbContact(c string) (jsonContact, bool) {
	cut := strings.IndexFunc(c, func(r rune) bool {
		return r == '（' || r == '(' || r == '/' || r == '／' || unicode.IsSpace(r) || r == '　' || r == '，' || r == ','
	})
	unit, rest := c, ""
	if cut >= 0 {
		unit, rest = c[:cut], c[cut:]
	}
	unit = strings.TrimSpace(unit)
	if unit == "" || len(kbPhones(unit)) > 0 && kbPhones(unit)[0] == unit {
		return jsonContact{}, false
	}
	jc := jsonContact{unit: unit}
	var people, phones []string
	if len(kbPhones(unit)) > 0 {
		// A hotline named by its number ("12345政务服务便民热线").
		phones = append(phones, kbPhones(unit)...)
	}
	for _, tok := range strings.FieldsFunc(rest, func(r rune) bool {
		return strings.ContainsRune("（）()/／，,、：: \t　;；", r)
	}) {
		if ps := kbPhones(tok); len(ps) > 0 && ps[0] == tok {
			phones = append(phones, tok)
			continue
		}
		if kbPersonName(tok) {
			people = append(people, tok)
		}
	}
	jc.people = strings.Join(people, "、")
	jc.phones = strings.Join(phones, "、")
	return jc, true
}

// kbPersonLabel is a word labelling a person or a phone, not a name.
var kbPersonLabel = regexp.MustCompile(`(?:联系人|人员|电话|热线|手机|座机|方式|号码|传真|邮箱|科室|负责人|经办人)$`)

// kbPersonName reports whether tok is a person's name: two to four Han
// characters and no label.
func kbPersonName(tok string) bool {
	n := utf8.RuneCountInString(tok)
	if n < 2 || n > 4 || kbPersonLabel.MatchString(tok) {
		return false
	}
	for _, r := range tok {
		if !unicode.Is(unicode.Han, r) && r != '·' {
			return false
		}
	}
	return true
}
