package seeds

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may publish its measures only as the transcript of a press
// conference (新闻发布会实录, issue 20): a web page's head (breadcrumb,
// 来源, 发布时间), the conference's title, time and place and its 发布人,
// then turns, each opened by its speaker:
//
//	主持人（区政府新闻办主任 某某）：各位媒体朋友……下面请区发改委副主任某某介绍。
//	区发改委副主任 某某：
//	……我们发改委牵头的主要有三条。一是……。二是……。
//	三是……。
//	区人社局副局长 某某：……第一，……；第二，……。
//	这里我要说明一下，……（the item before, continued）
//	企业有疑问可以拨打我们的咨询电话0xxx-8xxxxxxx，联系人某某。
//	记者提问
//	某某日报记者：请问……？
//	区发改委副主任 某某：谢谢你的提问。……
//	另外，我们还设立了……（a new measure）
//	主持人：……各项政策的咨询电话如下：
//	某某区发展和改革委员会　　某某　　0xxx-8xxxxxxx
//	　　　　某某　　0xxx-8xxxxxxx（the unit's second person）
//	网站标识码：…… 上一篇：…… 下一篇：……
//
// The measures are only inline in the speeches, enumerated "一是……二是……"
// or "第一，……第二，……", numbered anew by each speaker. normalizeSpeech
// rewrites such a transcript into the numbered layout: each item is a
// measure "N．…" numbered through the document, the unnumbered paragraph
// after an item continues it, an answer's "另外，我们还……" is a new measure
// of the answering speaker's and its other words (conditions of an item
// said before) join the item of that speaker they share most words with;
// the host's turns, the reporters' questions, greetings and thanks, the
// page's head and footer are no measure. Each measure's unit is its
// speaker's (the label's unit, "区发改委"), whose contact is the one the
// speaker gave in passing or else the host's closing list's entry for that
// unit's full name (see shortNameOf); the contacts go into a table one cell
// per line (see annexTable).
//
// A speaker's items are numbered after all items of the speakers before
// (in the order of their first turns) by the speaker's own count, and a
// measure an answer adds comes after them all: the transcript's order. A
// corrupted copy (see Parse) copies sentences ahead of their places; of
// each sentence only the last copy is read (see lastCopies), an item a
// speaker's count already passed is a moved sentence, and an item the
// copy lost leaves a gap rather than shifting every number after it. Any
// other text comes back unchanged.
var (
	// hostTurn opens a turn of the host's.
	hostTurn = regexp.MustCompile(`^[ \t　]*主持人[ \t　]*(?:[（(][^（）()\n]{0,40}[）)])?[ \t　]*[：:][ \t　]*(.*)$`)
	// reporterTurn opens a reporter's question.
	reporterTurn = regexp.MustCompile(`^[ \t　]*[^\s：:，,。？?]{0,24}记者[ \t　]*(?:\p{Han}(?:[ 　]?\p{Han}){1,3})?[ \t　]*(?:[（(][^（）()\n]{0,20}[）)])?[ \t　]*[：:][ \t　]*(.*)$`)
	// speakerTurn opens a speaker's turn: a unit, a post and a name.
	speakerTurn = regexp.MustCompile(`^[ \t　]*` + speakerLabel + `[ \t　]*(\p{Han}(?:[ 　]?\p{Han}){1,3})[ \t　]*[：:][ \t　]*(.*)$`)
	// speakerName is a speaker as the host names them.
	speakerName = regexp.MustCompile(`^[ \t　]*` + speakerLabel + `[ \t　]*(\p{Han}{0,4})$`)
	// speechItem is an enumerated item at a sentence's start: "一是",
	// "第一，".
	speechItem = regexp.MustCompile(`(^|[。；;！!：:，,])[ \t　]*(?:([一二三四五六七八九十]{1,3})是[，,：:]?|第([一二三四五六七八九十]{1,3})[，,、：:])`)
	// speechQA opens the reporters' questions.
	speechQA = regexp.MustCompile(`^[ \t　]*(?:【)?记者提问(?:】)?[ \t　]*(?:环节)?[ \t　]*$`)
	// speechFooter is the page's footer.
	speechFooter = regexp.MustCompile(`^[ \t　]*(?:网站标识码|上一篇|下一篇|主办单位|承办单位|版权所有|ICP备|【打印|【关闭|分享到|扫一扫)`)
	// listIntro introduces the host's closing list of contacts.
	listIntro = regexp.MustCompile(`(?:咨询电话|联系电话|联系方式|咨询方式)(?:如下[：:]?|是[：:]|[：:])[ \t　]*$`)
	// newMeasureCue opens an answer's paragraph that adds a measure.
	newMeasureCue = regexp.MustCompile(`^(?:另外|此外|同时|还有|我再补充一点|再补充一点|补充一点)[，,]?[ \t　]*(?:我们(?:区|县|市|局|委|部门|这边)?|我区|我县|区里|县里)?(?:还|也|又|另)(?:将|会|专门|新|另行|额外|同步)*(?:设立|推出|出台|安排|实施|设置|建立|开展|提供|新增|开通|组建|拿出|筹集|筹措)`)
	// speechCourtesy is a sentence of greetings, thanks or transitions.
	speechCourtesy = regexp.MustCompile(`谢谢|感谢|这个问题|这一问题|的提问|大家好|大家上午好|大家下午好|各位记者|各位媒体|介绍到这|就介绍这些|我就先介绍|以上就是|好的[。！!，,]?$`)
	// passingContact is a sentence giving a contact in passing.
	passingContact = regexp.MustCompile(`(?:电话|热线|联系人|拨打|致电)`)
	itemContact    = regexp.MustCompile(`联系人|咨询电话|联系电话`)
	passingPhone   = regexp.MustCompile(`[（(]0\d{2,3}[）)][ \t　]*\d{7,8}|0\d{2,3}[-－]\d{7,8}|1[3-9]\d{9}|\d{7,8}|12\d{3}|9\d{4}`)
	passingPerson  = regexp.MustCompile(`联系人(?:是|为)?[：:]?[ \t　]*(\p{Han}(?:[ 　]?\p{Han}){1,3}?)(?:[，,。；;、 \t　]|电话|$)`)
	// speechConnective is how an answer's new measure opens.
	speechConnective = regexp.MustCompile(`^(?:另外|此外|同时|还有|我再补充一点|再补充一点|补充一点)[，,]?[ \t　]*(?:我们(?:区|县|市|局|委|部门|这边)?|我区|我县|区里|县里)?(?:还|也|又|另)?(?:将|会|专门|新|另行|额外|同步)*`)
	// hostIntro is the host handing over to a speaker.
	hostIntro    = regexp.MustCompile(`请([^，,。；;！!？?：:]{2,40}?)(?:介绍|发布|解读|通报|说明)`)
	speechSource = regexp.MustCompile(`来源[：:][ \t　]*([^ \t　\n【]+)`)
	speechDate   = regexp.MustCompile(`(?:发布时间|发布日期|时间)[：:][ \t　]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})`)
)

// speakerLabel is a speaker's unit (group 1) and post.
const speakerLabel = `(\S{2,30}?(?:委员会|办公室|管理局|中心|分局|局|委|办|院|会|行|所|公司|部|处|队|站))(?:党组|党委)?(?:书记、|成员、|委员、)?(?:常务|专职|一级|二级)?副?(?:局长|主任|区长|县长|处长|科长|书记|经理|总经理|行长|董事长|部长|所长|院长|队长|站长|主席|调研员|秘书长|负责人|新闻发言人)`

// speech is a measure read from a transcript: its speaker's unit and text.
type speech struct {
	unit   string
	text   []string
	copied bool // the item stands twice in the transcript
	// speaker is the rank of the unit's first turn, n the item's number
	// (0 for a measure an answer adds): measures are numbered in this
	// order, which is the transcript's where no speaker speaks twice and
	// survives a corrupted copy's moved sentences.
	speaker, n int
	answer     bool
	// pairs caches the text's pairs of Han characters (see pairsOf),
	// computed when text had pairsAt parts.
	pairs   map[string]bool
	pairsAt int
}

// speechReader carries the state of reading a transcript's turns.
type speechReader struct {
	measures []*speech
	cur      *speech // the item a paragraph without a number continues
	// items is each speaker's items by their number: a speaker numbers
	// anew, but never twice alike.
	items map[string]map[int]*speech
	// style is how each speaker numbers ("是" for 一是, "第" for 第一): an
	// item numbered otherwise is a sub-item of the current one.
	style   map[string]string
	rank    map[string]int     // the order of each speaker's first turn
	last    map[string]int     // each speaker's highest item number
	added   map[string]*speech // the measures answers added, by unit and first sentence
	dir     []dirEntry
	passing map[string]dirEntry // a speaker's unit -> the contact they gave
}

func normalizeSpeech(text string) string {
	lines := strings.Split(text, "\n")
	hosts, speakers, items := 0, 0, 0
	first := -1
	for i, l := range lines {
		switch {
		case hostTurn.MatchString(l):
			hosts++
			// A hand-over names a speaker too.
			if m := hostIntro.FindStringSubmatch(l); m != nil && speakerName.MatchString(m[1]) {
				speakers++
			}
		case speakerTurn.MatchString(l):
			speakers++
		default:
			continue
		}
		if first < 0 {
			first = i
		}
	}
	items = len(speechItem.FindAllStringIndex(text, -1))
	if hosts == 0 || speakers < 2 || items < 3 {
		return text
	}
	text, copies := lastCopies(text)
	lines = strings.Split(text, "\n")
	first = 0
	for first < len(lines) && !hostTurn.MatchString(lines[first]) && !speakerTurn.MatchString(lines[first]) {
		first++
	}
	var title, published, source string
	for _, l := range lines[:first] {
		t := strings.Trim(l, " \t　")
		if m := speechSource.FindStringSubmatch(t); m != nil && source == "" {
			source = m[1]
		}
		if m := speechDate.FindStringSubmatch(t); m != nil && published == "" {
			published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
		}
		if strings.Contains(t, "发布会") && !strings.ContainsAny(t, "：:>＞") && (title == "" || strings.Contains(t, "实录") && !strings.Contains(title, "实录")) {
			title = t
		}
	}
	r := &speechReader{passing: map[string]dirEntry{}, items: map[string]map[int]*speech{}, style: map[string]string{}, rank: map[string]int{}, last: map[string]int{}, added: map[string]*speech{}}
	const (
		none = iota
		host
		reporter
		speaker
	)
	who, unit, qa, inList := none, "", false, false
	listUnit := ""
	for i := first; i < len(lines); i++ {
		l := lines[i]
		t := strings.Trim(l, " \t　")
		if speechFooter.MatchString(t) {
			break
		}
		if t == "" {
			continue
		}
		if inList {
			if e, cont, ok := readContactRow(l); ok {
				if cont {
					e.unit = listUnit
				}
				listUnit = e.unit
				if e.unit != "" {
					r.dir = append(r.dir, e)
				}
				continue
			}
			// A line of the list without a phone ("以上电话工作日拨打") is
			// skipped; a sentence or a turn ends the list.
			if !strings.ContainsAny(t, "。！!？?") && !hostTurn.MatchString(l) && !speakerTurn.MatchString(l) && !reporterTurn.MatchString(l) {
				continue
			}
			inList = false
		}
		if speechQA.MatchString(t) {
			qa, r.cur = true, nil
			continue
		}
		if m := hostTurn.FindStringSubmatch(l); m != nil {
			who, r.cur = host, nil
			t = m[1]
		} else if m := reporterTurn.FindStringSubmatch(l); m != nil {
			who, r.cur, qa = reporter, nil, true
			continue
		} else if m := speakerTurn.FindStringSubmatch(l); m != nil {
			who, r.cur = speaker, nil
			unit = m[1]
			t = m[3]
		}
		if listIntro.MatchString(t) {
			// The host's closing list (read wherever a corrupted copy
			// moved the sentence that opens it).
			inList, listUnit = true, ""
			continue
		}
		if who == host {
			// The host hands over ("下面请区财政局副局长某某介绍……。"): what
			// follows is that speaker's, even where a corrupted copy lost
			// the speaker's own label.
			loc := hostIntro.FindStringSubmatchIndex(t)
			if loc == nil {
				continue
			}
			m := speakerName.FindStringSubmatch(t[loc[2]:loc[3]])
			if m == nil {
				continue
			}
			who, unit, qa, r.cur = speaker, m[1], false, nil
			t = t[loc[1]:]
			if k := strings.Index(t, "。"); k >= 0 {
				t = t[k+len("。"):]
			} else {
				t = ""
			}
		}
		if who != speaker || t == "" {
			continue
		}
		t = r.contact(t, unit)
		if qa {
			r.answer(t, unit)
			continue
		}
		r.speech(t, unit)
	}
	measures, dir, passing := r.measures, r.dir, r.passing
	// The items whose sentence stood twice.
	copiedItems := map[string]bool{}
	for _, c := range copies {
		for _, loc := range speechItem.FindAllStringIndex(c, -1) {
			copiedItems[c[loc[1]:]] = true
		}
	}
	for _, m := range measures {
		if copiedItems[strings.Join(strings.Fields(firstSentence(m.text[0])), "")] {
			m.copied = true
		}
	}
	slices.SortStableFunc(measures, func(a, b *speech) int {
		switch {
		case a.answer != b.answer:
			if a.answer {
				return 1
			}
			return -1
		case a.answer:
			return 0
		case a.speaker != b.speaker:
			return a.speaker - b.speaker
		}
		return a.n - b.n
	})
	if len(measures) == 0 {
		return text
	}
	list := dir
	dir, owner := speakerDirectory(measures, passing, list)
	units := map[int][]string{}
	var b strings.Builder
	writeHead(&b, title, published, source)
	// A speaker's items are numbered after all items of the speakers
	// before, by their own numbers: an item a corrupted copy lost leaves
	// a gap, not a shift of every measure after it.
	highest := map[int]int{}
	for _, m := range measures {
		if !m.answer {
			highest[m.speaker] = max(highest[m.speaker], m.n)
		}
	}
	base := map[int]int{}
	total := 0
	for _, k := range slices.Sorted(maps.Keys(highest)) {
		base[k] = total
		total += highest[k]
	}
	for _, m := range measures {
		n := base[m.speaker] + m.n
		if m.answer {
			total++
			n = total
		}
		units[n] = []string{namedUnit(m, list, owner)}
		line := strconv.Itoa(n) + "．" + strings.Join(m.text, "") + "\n"
		b.WriteString(line)
		if m.copied {
			// The transcript said the item twice (a corrupted copy): the
			// parser reads the copy as such.
			b.WriteString(line)
		}
	}
	b.WriteString("附件：政策咨询联系表\n")
	b.WriteString(codedTable(units, dir, total))
	return b.String()
}

// lastCopies keeps of each sentence (text up to a 。, whitespace aside)
// that stands more than once only its last copy, and returns the copies
// dropped (without whitespace). A corrupted seed copied sentences ahead of
// their places (see Parse); the parser keeps the last copies too, but a
// transcript's copies must go before its turns are read: a copied item
// standing in another speaker's turn would be read as that speaker's.
func lastCopies(text string) (string, []string) {
	sents := strings.SplitAfter(text, "。")
	if sents[len(sents)-1] == "" {
		sents = sents[:len(sents)-1]
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	lastAt := map[string]int{}
	for k, s := range sents {
		lastAt[flat(s)] = k
	}
	var b strings.Builder
	var dropped []string
	for k, s := range sents {
		if f := flat(s); lastAt[f] != k && strings.HasSuffix(s, "。") {
			// The line break before a dropped copy stays.
			if strings.HasPrefix(s, "\n") {
				b.WriteString("\n")
			}
			dropped = append(dropped, f)
			continue
		}
		b.WriteString(s)
	}
	return b.String(), dropped
}

// speechSentences cuts a paragraph after each 。！？ (kept).
func speechSentences(t string) []string {
	var out []string
	last := 0
	for i, r := range t {
		if strings.ContainsRune("。！？!?", r) {
			end := i + utf8.RuneLen(r)
			out = append(out, t[last:end])
			last = end
		}
	}
	if s := strings.TrimSpace(t[last:]); s != "" {
		out = append(out, s)
	}
	return out
}

// speechContact takes out of a paragraph the sentences giving a contact
// in passing (a phone and a word of calling), records the first for the
// speaker's unit, and drops greetings and thanks.
func (r *speechReader) contact(t, unit string) string {
	passing := r.passing
	var keep []string
	for _, s := range speechSentences(t) {
		item := speechItem.MatchString(s)
		// An item's own words may name a hotline it is about ("依托12345
		// 热线……"): there only a named person or 咨询电话 gives a contact.
		if phones := passingPhone.FindAllString(s, -1); len(phones) > 0 && passingContact.MatchString(s) && (!item || itemContact.MatchString(s)) {
			if _, ok := passing[unit]; !ok {
				for k, p := range phones {
					phones[k] = phoneAsWritten(p)
				}
				e := dirEntry{phones: strings.Join(phones, "、")}
				if m := passingPerson.FindStringSubmatch(s); m != nil {
					// "李　二": a name spaced out as in the list.
					e.person = strings.Join(strings.Fields(m[1]), "")
				}
				passing[unit] = e
			}
			if !item {
				continue
			}
		}
		if speechCourtesy.MatchString(s) && !item {
			continue
		}
		keep = append(keep, s)
	}
	return strings.Join(keep, "")
}

// speech reads a speech's paragraph: each enumerated item opens a
// measure; the words before the first item continue the item before (or,
// before any, are the speech's background and no measure). An item whose
// number the speaker used already is the same item copied (then its text
// is the same) or a stray sentence, and no new measure.
func (r *speechReader) speech(t, unit string) {
	// A speaker who speaks again and numbers anew is not told from a
	// corrupted copy's stray sentences: a speaker's items are keyed by
	// the unit alone.
	key := unit
	if _, ok := r.rank[key]; !ok {
		r.rank[key] = len(r.rank)
	}
	locs := speechItem.FindAllStringSubmatchIndex(t, -1)
	head := len(t)
	if len(locs) > 0 {
		head = locs[0][3]
	}
	r.continued(t[:head])
	for k, loc := range locs {
		end := len(t)
		if k+1 < len(locs) {
			end = locs[k+1][3]
		}
		s := strings.TrimSpace(t[loc[1]:end])
		if r, n := utf8.DecodeLastRuneInString(s); r == '；' || r == ';' {
			// "第一，……；第二，……": each item a sentence of its own.
			s = s[:len(s)-n] + "。"
		}
		var numeral, style string
		if loc[4] >= 0 {
			numeral, style = t[loc[4]:loc[5]], "是"
		} else {
			numeral, style = t[loc[6]:loc[7]], "第"
		}
		n := ParseNumeral(numeral)
		if st, ok := r.style[key]; ok && st != style {
			// "第一，……。一是……；二是……": the sub-items are the item's text.
			r.continued(t[locs[k][3]:end])
			continue
		}
		r.style[key] = style
		if r.items[key] == nil {
			r.items[key] = map[int]*speech{}
		}
		if m := r.items[key][n]; m != nil {
			if firstSentence(m.text[0]) == firstSentence(s) {
				m.copied = true
				r.cur = m
				r.continued(strings.TrimPrefix(s, firstSentence(s)))
			} else {
				r.cur = nil
			}
			continue
		}
		if n <= r.last[key] {
			// A speaker counts up: an item below the count is a sentence
			// a corrupted copy moved from another speech.
			r.cur = nil
			continue
		}
		r.last[key] = n
		r.cur = &speech{unit: unit, speaker: r.rank[key], n: n}
		r.items[key][n] = r.cur
		r.measures = append(r.measures, r.cur)
		r.continued(s)
	}
}

// continued adds the sentences of s the current item does not say yet.
func (r *speechReader) continued(s string) {
	if r.cur == nil {
		return
	}
	have := strings.Join(r.cur.text, "")
	for _, sent := range speechSentences(s) {
		if sent = strings.TrimSpace(sent); sent != "" && !strings.Contains(have, sent) {
			r.cur.text = append(r.cur.text, sent)
			have += sent
		}
	}
}

// firstSentence is s up to its first 。 (included).
func firstSentence(s string) string {
	if k := strings.Index(s, "。"); k >= 0 {
		return s[:k+len("。")]
	}
	return s
}

// answer reads a paragraph of an answer: a new measure where it says so,
// else the conditions of the speaker's measure it shares most words with
// (or nothing, where it shares none).
func (r *speechReader) answer(t, unit string) {
	r.cur = nil
	if t == "" {
		return
	}
	if newMeasureCue.MatchString(t) {
		t = speechConnective.ReplaceAllString(t, "")
		key := unit + "\x00" + firstSentence(t)
		if m := r.added[key]; m != nil {
			m.copied = true
			return
		}
		r.cur = &speech{unit: unit, answer: true}
		r.added[key] = r.cur
		r.measures = append(r.measures, r.cur)
		r.continued(t)
		return
	}
	var best *speech
	bestScore := 1
	pa := hanPairs(t)
	for _, m := range r.measures {
		if m.unit != unit {
			continue
		}
		pm, shared := m.pairsOf(), 0
		for p := range pa {
			if pm[p] {
				shared++
			}
		}
		if shared > bestScore {
			best, bestScore = m, shared
		}
	}
	if best != nil {
		r.cur = best
		r.continued(t)
		r.cur = nil
	}
}

// hanPairs is the set of pairs of Han characters in s (no punctuation).
func hanPairs(s string) map[string]bool {
	out := map[string]bool{}
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] > 0x2E80 && rs[i+1] > 0x2E80 && !strings.ContainsRune("，。；：、“”（）！？", rs[i]) && !strings.ContainsRune("，。；：、“”（）！？", rs[i+1]) {
			out[string(rs[i:i+2])] = true
		}
	}
	return out
}

// pairs is m's hanPairs, kept while its text does not change.
func (m *speech) pairsOf() map[string]bool {
	if m.pairs == nil || m.pairsAt != len(m.text) {
		m.pairs, m.pairsAt = hanPairs(strings.Join(m.text, "")), len(m.text)
	}
	return m.pairs
}

var (
	// rowPhone is a phone in a contact row: with its area code (also in
	// brackets), a mobile, a local number or a hotline.
	rowPhone       = regexp.MustCompile(`[（(]0\d{2,3}[）)][ \t　]*\d{7,8}|0\d{2,3}[-－]\d{7,8}|1[3-9]\d{9}|\d{7,8}|12\d{3}|9\d{4}`)
	rowPhoneSep    = regexp.MustCompile(`^[、，,/／;；\s　]*$`)
	rowBracketArea = regexp.MustCompile(`^[（(](0\d{2,3})[）)][ \t　]*`)
	rowUnitEnd     = regexp.MustCompile(`(?:委员会|办公室|局|委|办|中心|院|会|行|所|公司|部|处|队|站|室|府|科|股)$`)
	rowLabel       = regexp.MustCompile(`^(?:联系人|联系电话|咨询电话|电话|联系方式|咨询热线|热线|手机|座机|咨询|咨询单位|联系单位|单位)$`)
	rowBorder      = regexp.MustCompile(`^[ \t　│┃|]+|[ \t　│┃|]+$`)
)

// readContactRow reads a line of a list of contacts: the unit (its name and
// department, each ending as units do), the person (two to four Han
// characters, whatever spaces stand between them: "隋　明"; a table's
// rules "│" part the cells as spaces do) and the phones
// ending the line. A line without a unit gives the person of the unit above
// (unit "", cont true); a label that is no unit ("政务服务便民热线") is
// dropped (unit "", cont false). It reports ok false for a line that does
// not end with phones.
func readContactRow(line string) (e dirEntry, cont, ok bool) {
	t := rowBorder.ReplaceAllString(line, "")
	locs := rowPhone.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return dirEntry{}, false, false
	}
	// The phones are the row's tail: only separators between them.
	k := len(locs) - 1
	if !rowPhoneSep.MatchString(t[locs[k][1]:]) {
		return dirEntry{}, false, false
	}
	for k > 0 && rowPhoneSep.MatchString(t[locs[k-1][1]:locs[k][0]]) {
		k--
	}
	var phones []string
	for _, loc := range locs[k:] {
		p := t[loc[0]:loc[1]]
		phones = append(phones, phoneAsWritten(p))
	}
	head := strings.TrimRight(t[:locs[k][0]], " \t　：:，,│┃|")
	e.phones = strings.Join(phones, "、")
	var unitParts []string
	person := ""
	for _, f := range strings.FieldsFunc(head, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("：:，,；;（）()│┃|", r) }) {
		switch {
		case rowLabel.MatchString(f):
			// "联系人：", "电话：" name nothing.
		case person == "" && rowUnitEnd.MatchString(f) && utf8.RuneCountInString(f) >= 3:
			unitParts = append(unitParts, f)
		case isHanOnly(f):
			person += f
		default:
			person = "x" // no person's name: a label
		}
	}
	if n := utf8.RuneCountInString(person); n >= 2 && n <= 4 && isHanOnly(person) && !passingContact.MatchString(person) {
		e.person = person
	}
	e.unit = strings.Join(unitParts, " ")
	// A label ("政务服务便民热线", "咨询热线") names no unit and no one.
	return e, e.unit == "" && e.person != "", true
}

// phoneAsWritten is a phone with its area code as the guide writes it, in
// the form the parser reads: "（0532）88997031" and "0532－88997031" are
// "0532-88997031".
func phoneAsWritten(p string) string {
	if m := rowBracketArea.FindStringSubmatch(p); m != nil {
		p = m[1] + "-" + p[len(m[0]):]
	}
	return strings.ReplaceAll(p, "－", "-")
}

func isHanOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 0x3400 || strings.ContainsRune("，。；：、“”（）！？【】", r) {
			return false
		}
	}
	return true
}

// speakerDirectory gives each speaker's unit its contacts under the name the
// speaker's label calls it ("区人社局"): the contact the speaker gave in
// passing, then every person the host's closing list gives for the unit's
// full name (a unit may list two persons, each with his own phone), a
// contact said twice (in passing and in the list) kept once. owner maps a
// list unit so taken to the speaker's unit; the list's other entries stay
// as they are. Taking the list's entries out keeps the speaker's name from
// matching both its passing contact and the list's row alike (see
// dirUnit), which would give it none.
func speakerDirectory(measures []*speech, passing map[string]dirEntry, list []dirEntry) ([]dirEntry, map[string]string) {
	district := directoryDistrict(list)
	owner := map[string]string{}
	var dir []dirEntry
	seen := map[string]bool{}
	var units []string
	for _, m := range measures {
		if !seen[m.unit] {
			seen[m.unit] = true
			units = append(units, m.unit)
		}
	}
	slices.Sort(units)
	for _, u := range units {
		var own []dirEntry
		if e, ok := passing[u]; ok {
			e.unit = u
			own = append(own, e)
		}
		if full := dirUnit(u, list, district); full != "" {
			if _, taken := owner[full]; !taken {
				owner[full] = u
				for _, e := range list {
					if e.unit == full {
						e.unit = u
						own = addContact(own, e)
					}
				}
			}
		}
		dir = append(dir, own...)
	}
	for _, e := range list {
		if _, taken := owner[e.unit]; !taken {
			dir = append(dir, e)
		}
	}
	return dir, owner
}

// addContact appends e to own unless own says it already: every phone of
// e's is one of own's (a number said without its area code is the same
// number), with the same person or none (then e's person fills it in, and
// e's phones as written with their area code replace the bare numbers).
func addContact(own []dirEntry, e dirEntry) []dirEntry {
	local := func(p string) string {
		if i := strings.LastIndex(p, "-"); i >= 0 {
			return p[i+1:]
		}
		return p
	}
	phones := strings.Split(e.phones, "、")
	for k, o := range own {
		have := strings.Split(o.phones, "、")
		all := true
		for _, p := range phones {
			all = all && slices.ContainsFunc(have, func(h string) bool { return local(h) == local(p) })
		}
		if !all || o.person != "" && e.person != "" && e.person != o.person {
			continue
		}
		if o.person == "" {
			own[k].person = e.person
		}
		for j, h := range have {
			for _, p := range phones {
				if local(h) == local(p) && len(p) > len(h) {
					have[j] = p
				}
			}
		}
		own[k].phones = strings.Join(have, "、")
		return own
	}
	return append(own, e)
}

// unitShort is a unit as a speech names it: a place's 区/县/市 and a few
// characters to a unit's end ("区住建局").
var unitShort = regexp.MustCompile(`[区县市]\p{Han}{1,10}?(?:委员会|办公室|中心|局|委|办)`)

// namedUnit is the unit that leads a speaker's measure: the speaker's,
// unless the measure's own words name another unit of the host's closing
// list (by its full name, as the speech shortens it, or by the thing it is
// named for: "住房公积金" of a 住房公积金管理中心, and in the item's topic,
// its first clause, the end of that: "公积金缓缴") — a speaker announces
// some measures another body carries out, and that body's contact is the
// one to ask. Names of two characters ("财政", "商务") are too common in a
// measure's words to name their unit.
func namedUnit(m *speech, list []dirEntry, owner map[string]string) string {
	text := strings.Join(m.text, "")
	district := directoryDistrict(list)
	var shorts []string
	for _, loc := range unitShort.FindAllStringIndex(text, -1) {
		// Each start of a short name up to this end.
		for i := loc[0]; i < loc[1]; {
			shorts = append(shorts, text[i:loc[1]])
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
	}
	// The item's first clause, its topic ("公积金阶段性缓缴，……").
	head := text
	if i := strings.IndexAny(head, "，,；;。："); i >= 0 {
		head = head[:i]
	}
	done := map[string]bool{}
	for _, e := range list {
		if e.unit == "" || done[e.unit] {
			continue
		}
		done[e.unit] = true
		target := e.unit
		if u, ok := owner[e.unit]; ok {
			target = u
		}
		if target == m.unit {
			continue
		}
		named := strings.Contains(text, e.unit)
		if stem := unitStem(e.unit); utf8.RuneCountInString(stem) >= 4 && (strings.Contains(text, stem) || stemTailIn(stem, head)) {
			named = true
		}
		for _, s := range shorts {
			if same, _ := shortNameOf(s, e.unit, district); same && !named {
				named = true
			}
		}
		if named {
			return target
		}
	}
	return m.unit
}

// stemTailIn reports whether head says the end of a unit's stem, three
// characters or more, as speech shortens it ("公积金" of "住房公积金"); a
// tail opening with a conjunction ("和改革") is no word.
func stemTailIn(stem, head string) bool {
	rs := []rune(stem)
	for i := 1; len(rs)-i >= 3; i++ {
		if tail := string(rs[i:]); !strings.ContainsRune("和及与", rs[i]) && strings.Contains(head, tail) {
			return true
		}
	}
	return false
}

// unitStem is what a unit is named for: its name without the place before
// it and from its first unit word on ("秦川市住房公积金管理中心雁鸣管理部"
// → "住房公积金").
func unitStem(name string) string {
	end := len(name)
	for _, w := range []string{"管理中心", "管理局", "管理部", "管理处", "委员会", "办公室", "中心", "局", "委", "办", "部", "处", "所", "站"} {
		if i := strings.Index(name, w); i >= 0 && i < end {
			end = i
		}
	}
	head := name[:end]
	if i := strings.LastIndexAny(head, "市区县"); i >= 0 {
		head = head[i+len("区"):]
	}
	return head
}
