package seeds

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may publish its measures only as the subtitles of explainer
// videos: SRT files, one per episode, concatenated on a web page:
//
//	首页 > 政务公开 > 政策解读（breadcrumb, title, 发布时间/来源, 编者按）
//	===== …第1期：税费减免.srt =====
//	1
//	00:00:01,156 --> 00:00:03,839
//	[画面：…]
//
//	2
//	00:00:04,268 --> 00:00:05,537
//	【区税务局 张伟】
//
//	3
//	00:00:05,649 --> 00:00:10,576
//	首先是留抵退税
//	今年国家加大了退税力度
//	…
//	以上政策咨询电话
//	留抵退税 增值税（a topic line）
//	区税务局货物和劳务税科
//
//	张伟 33216601
//
// Cues (a number, a timestamp, one or two short lines) cut sentences
// anywhere and drop the punctuation; speaker cues 【…】 and captions [画面：…]
// [字幕：第N项 …] stand alone. The measures are only in speech: a caption
// "第N项", a word opening an item (首先, 另外一个是, 还有就是, 最后是…), a host's
// question the next speaker answers, or the words after a referral ("具体找
// 区X局Y股") open a measure; items are numbered anew in every episode, so
// the measures are numbered through the document. Each episode ends with a
// list of contacts (unit, person, phone; a topic line may say what a unit
// answers for), which name no measure: a measure's contacts are those its
// own words name (a person, a department, a unit, a phone said in passing),
// the topics its head says, or else its speaker's.
//
// normalizeSubtitles rewrites such a text into the numbered layout
// ("N．…", a section per episode) and a contact table one cell per line
// (see annexTable), and returns the lines it could not read. The cues are
// put in timestamp order (a file's cues may stand out of order), a cue
// without its number is read by its timestamp, a line repeated from the
// cue before is dropped, and a BOM before a cue number is ignored. Any
// other text comes back unchanged.
var (
	srtTime   = regexp.MustCompile(`^[ \t]*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})[ \t]*-->[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*$`)
	srtNumber = regexp.MustCompile(`^[ \t]*\d{1,5}[ \t]*$`)
	// srtFileLine names a file: between rules, or a name ending .srt.
	srtFileLine = regexp.MustCompile(`^[ \t　]*(?:[=\-—]{3,}[ \t　]*(.*?)[ \t　]*[=\-—]{3,}|(\S.{0,80}\.[sS][rR][tT]))[ \t　]*$`)
	// srtTheme is an episode's theme in its file's name.
	srtTheme   = regexp.MustCompile(`第[0-9一二三四五六七八九十]+(?:期|集|讲)[：:_ 　-]*(.+?)(?:\.srt)?$`)
	srtSpeaker = regexp.MustCompile(`^【([^【】]{2,40})】$`)
	// srtCaption is an on-screen caption: its kind and words.
	srtCaption = regexp.MustCompile(`^[\[［]([^\]］：:]{1,6})[：:]([^\]］]*)[\]］]$`)
	srtItem    = regexp.MustCompile(`^第[0-9一二三四五六七八九十]{1,3}(?:项|条|个)[ 　：:]*(.*)$`)
	srtHost    = regexp.MustCompile(`^(?:主持人|主播|记者)`)
	// srtMarker opens an item in speech.
	srtMarker = regexp.MustCompile(`^(?:首先|其次|再次|第[一二三四五六七八九十]{1,3}(?:项|个|条)|另外一(?:个|项|条)|另一(?:个|项|条)|还有一(?:个|项|条)|还有就是|再就是|再有就是|此外|最后(?:一项|一个|一条|是|说|给|提醒|再|还有))`)
	// srtRecap mentions a measure of an earlier episode in passing.
	srtRecap = regexp.MustCompile(`^(?:第[0-9一二三四五六七八九十]+(?:期|集|讲)|上一?(?:期|集|讲)|前面|前几(?:期|集)|刚才)(?:我们)?(?:说|讲|介绍|提到)(?:的|了|过)`)
	// srtCourtesy is a cue of greetings, thanks or a farewell.
	srtCourtesy = regexp.MustCompile(`谢谢|感谢|大家好|朋友好|主持人好|敬请关注|欢迎收看|下一期|下期|到这里|再见`)
	// srtHandOver is the host handing over to a speaker.
	srtHandOver = regexp.MustCompile(`请.{0,24}(?:讲一讲|讲讲|介绍|说说|说一说|谈谈|解读)`)
	// srtReferral ends a measure: where to ask ("具体找区文旅局市场股").
	srtReferral = regexp.MustCompile(`找(?:我们|咱们)?\p{Han}{0,16}(?:局|办|中心|股|科|室|部|公司|行|委)(?:的\p{Han}{2,3})?(?:就行|就可以|办理|咨询|申请)?$`)
	// srtAnswerRefers is an answer naming where to ask: the host's "那……呢"
	// then asked of another measure, not of the one before.
	srtAnswerRefers = regexp.MustCompile(`找|可以问|负责`)
	// srtRefers is a measure's words sending elsewhere: its speaker is
	// then not its contact.
	srtRefers = regexp.MustCompile(`找|可以问|负责|到\p{Han}{2,16}(?:申请|报名|办理|投诉)|交到|拨打|打我们|电话|联系人|向\p{Han}{2,16}投诉`)
	// srtPassing is a phone said in passing, after a word of calling.
	srtPassing = regexp.MustCompile(`(?:拨打|打|电话|热线|致电)[^0-9]{0,8}?(0\d{2,3}-\d{7,8}|\d{7,8}|12\d{3}|9\d{4})`)
	srtPhone   = regexp.MustCompile(`^(?:0\d{2,3}-\d{7,8}|\d{7,8}|12\d{3}|9\d{4}|1[3-9]\d{9})$`)
	// srtListIntro opens an episode's closing list of contacts.
	srtListIntro = regexp.MustCompile(`^(?:以上)?(?:政策)?(?:咨询|联系)(?:电话|方式)(?:如下|汇总)?[：:]?$`)
	// srtAsks ends a question: "最后一项呢" asks for an item, it is none.
	srtAsks = regexp.MustCompile(`(?:呢|吗|么|怎么办|怎么回事|[？?])$`)
	// srtLead is the word opening an item, left out of its first sentence.
	srtLead      = regexp.MustCompile(`^(?:首先|其次|另外一(?:个|项|条)|另一(?:个|项|条)|还有一(?:个|项|条)|还有就是|再就是|最后(?:一(?:项|个|条))?|第[一二三四五六七八九十]{1,3}(?:项|个|条))(?:是|说一下|说说|给|提醒(?:大家|一下)?)?`)
	srtHanDigits = regexp.MustCompile(`[〇零一二三四五六七八九]{7,8}`)
	// srtOrgEnd ends an organisation's name; a department (科, 股, …) may follow.
	srtOrgEnd  = regexp.MustCompile(`(?:委员会|办公室|中心|局|委|办|公司|银行|行|院|所)`)
	srtDeptEnd = regexp.MustCompile(`(?:科|股|部|室|处|所|站|队)$`)
)

// srtCue is one cue: its start (ms) and its text lines.
type srtCue struct {
	start int
	lines []string
}

type srtFile struct {
	name string
	cues []srtCue
}

// srtEntry is a contact of an episode's closing list.
type srtEntry struct {
	unit, org, dept, person, phones, label string
	topics                                 []string
}

type srtMeasure struct {
	title, ask string
	cues       [][]string
	speaker    string // the speaker's label ("区税务局 张伟"), "" for the host
	file       int
}

func (m *srtMeasure) empty() bool { return len(m.cues) == 0 }

// readSRT cuts the text into its head, its files and the lines read as
// neither. ok is false when the text holds too few cues to be subtitles.
func readSRT(text string) (head []string, files []srtFile, unread []Unread, ok bool) {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(strings.ReplaceAll(lines[i], "\ufeff", ""), " \t\r　")
	}
	times := 0
	for _, l := range lines {
		if srtTime.MatchString(l) {
			times++
		}
	}
	if times < 8 {
		return nil, nil, nil, false
	}
	number := map[int]bool{} // lines holding a cue's number
	for i, l := range lines {
		if srtTime.MatchString(l) && i > 0 && srtNumber.MatchString(lines[i-1]) {
			number[i-1] = true
		}
	}
	var cur *srtFile
	started := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := srtFileLine.FindStringSubmatch(l); m != nil {
			files = append(files, srtFile{name: m[1] + m[2]})
			cur, started = &files[len(files)-1], true
			continue
		}
		if m := srtTime.FindStringSubmatch(l); m != nil {
			started = true
			n := 0
			if number[i-1] {
				n, _ = strconv.Atoi(strings.TrimSpace(lines[i-1]))
			}
			if cur == nil || n == 1 && len(cur.cues) > 0 {
				// Files concatenated without a name line: a cue 1 starts one.
				files = append(files, srtFile{})
				cur = &files[len(files)-1]
			}
			h, _ := strconv.Atoi(m[1])
			mi, _ := strconv.Atoi(m[2])
			s, _ := strconv.Atoi(m[3])
			ms, _ := strconv.Atoi(m[4])
			c := srtCue{start: ((h*60+mi)*60+s)*1000 + ms}
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && !number[i+1] && !srtTime.MatchString(lines[i+1]) && !srtFileLine.MatchString(lines[i+1]) {
				i++
				c.lines = append(c.lines, strings.Trim(lines[i], " \t　"))
			}
			cur.cues = append(cur.cues, c)
			continue
		}
		if number[i] {
			continue
		}
		if !started {
			head = append(head, l)
			continue
		}
		switch t := strings.Trim(l, " \t　"); {
		case t == "":
		case strings.HasSuffix(t, "。"):
			// The page's words moved among the files (a corrupted copy).
			head = append(head, t)
		default:
			unread = append(unread, Unread{Line: t, Why: "subtitles: a line outside any cue"})
		}
	}
	return head, files, unread, true
}

// normalizeSubtitles: see srtTime.
func normalizeSubtitles(text string) (string, []Unread, []Duplicate) {
	head, files, unread, ok := readSRT(text)
	if !ok {
		return text, nil, nil
	}
	// A file standing twice alike (a corrupted copy) is read once, in the
	// place of its last copy; a sentence of the head, once.
	var copies []Duplicate
	last := map[string]int{}
	for k, f := range files {
		last[f.key()] = k
	}
	var once []srtFile
	for k, f := range files {
		if last[f.key()] != k {
			copies = append(copies, Duplicate{Sentence: f.name, Copies: 1})
			continue
		}
		once = append(once, f)
	}
	files = once
	seen := map[string]bool{}
	var lines []string
	for _, l := range head {
		t := strings.Join(strings.Fields(l), "")
		if seen[t] && strings.HasSuffix(t, "。") {
			copies = append(copies, Duplicate{Sentence: t, Copies: 1})
			continue
		}
		seen[t] = true
		lines = append(lines, l)
	}
	head = lines
	var measures []*srtMeasure
	lists := make([][]srtEntry, len(files))
	for k := range files {
		f := &files[k]
		// Timestamps give the order (stable: cues at one time keep theirs).
		slices.SortStableFunc(f.cues, func(a, b srtCue) int { return a.start - b.start })
		// A line the cue before ended with is said once.
		for j := 1; j < len(f.cues); j++ {
			prev, c := f.cues[j-1].lines, f.cues[j].lines
			if len(prev) > 0 && len(c) > 0 && prev[len(prev)-1] == c[0] {
				f.cues[j].lines = c[1:]
			}
		}
		var ms []*srtMeasure
		ms, lists[k], unread = readEpisode(f.cues, k, unread)
		measures = append(measures, ms...)
	}
	if len(measures) == 0 {
		return text, nil, nil
	}
	var b strings.Builder
	srtHead(&b, head)
	contacts := map[int][]srtContact{}
	section := 0
	for n, m := range measures {
		if n == 0 || m.file != measures[n-1].file {
			if mm := srtTheme.FindStringSubmatch(files[m.file].name); mm != nil {
				section++
				b.WriteString(Numeral(section) + "、" + strings.TrimSpace(mm[1]) + "\n")
			}
		}
		b.WriteString(strconv.Itoa(n+1) + "．" + m.body(n+1 == len(measures)) + "\n")
		contacts[n+1] = m.contacts(lists[m.file], lists)
	}
	b.WriteString("附件：政策咨询联系表\n")
	b.WriteString(srtTable(contacts, len(measures)))
	return b.String(), unread, copies
}

// key is the file's name and words.
func (f srtFile) key() string {
	var b strings.Builder
	b.WriteString(f.name)
	for _, c := range f.cues {
		b.WriteString("\x00" + strings.Join(c.lines, "\n"))
	}
	return b.String()
}

// srtHead writes the page's head: the title, date, source and the editor's
// note (which may state the area code), not the breadcrumb or links.
func srtHead(b *strings.Builder, head []string) {
	var title, published, source string
	var note []string
	for _, l := range head {
		t := strings.Trim(l, " \t　")
		if m := speechSource.FindStringSubmatch(t); m != nil && source == "" {
			source = m[1]
		}
		if m := speechDate.FindStringSubmatch(t); m != nil && published == "" {
			published = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
		}
		switch {
		case t == "" || strings.ContainsAny(t, ">＞【") || breadcrumb.MatchString(t):
		case title == "" && !strings.ContainsAny(t, "：:。"):
			title = t
		case strings.HasSuffix(t, "。"):
			note = append(note, t)
		}
	}
	writeHead(b, title, published, source)
	for _, t := range note {
		b.WriteString(t + "\n")
	}
}

// readEpisode reads one file's cues into measures and its closing list.
func readEpisode(cues []srtCue, file int, unread []Unread) ([]*srtMeasure, []srtEntry, []Unread) {
	type event struct {
		kind  int // text, speaker, caption, list
		lines []string
		word  string
	}
	const (
		text = iota
		speaker
		caption
		list
	)
	var evs []event
	var entries []srtEntry
	inList := false
	var pending []string
	for _, c := range cues {
		if len(c.lines) == 0 {
			continue
		}
		joined := strings.Join(c.lines, " ")
		if inList {
			if e, ok := srtListEntry(append(append([]string{}, pending...), c.lines...)); ok {
				entries = append(entries, e)
				pending = nil
				continue
			}
			pending = append(pending, c.lines...)
			continue
		}
		if len(c.lines) == 1 {
			if m := srtSpeaker.FindStringSubmatch(c.lines[0]); m != nil {
				evs = append(evs, event{kind: speaker, word: strings.TrimSpace(m[1])})
				continue
			}
			if m := srtCaption.FindStringSubmatch(c.lines[0]); m != nil {
				if m[1] == "字幕" {
					if im := srtItem.FindStringSubmatch(strings.TrimSpace(m[2])); im != nil {
						evs = append(evs, event{kind: caption, word: strings.TrimSpace(im[1])})
					}
				}
				continue
			}
			if srtListIntro.MatchString(strings.ReplaceAll(joined, " ", "")) {
				inList = true
				continue
			}
		}
		evs = append(evs, event{kind: text, lines: c.lines})
	}
	for _, l := range pending {
		unread = append(unread, Unread{Line: l, Why: "subtitles: a contact without a phone"})
	}
	var out []*srtMeasure
	var cur *srtMeasure
	who, lastSpeaker := "", ""
	// followUp is set while a speaker answers the host's "那……呢" about
	// the measure before: the answer continues it.
	followUp := false
	spoken := false // a speaker spoke in this file (the host's first turn is the welcome)
	afterReferral := false
	open := func() *srtMeasure {
		m := &srtMeasure{speaker: who, file: file}
		out = append(out, m)
		cur = m
		return m
	}
	add := func(lines []string) {
		cur.cues = append(cur.cues, lines)
	}
	// say reads a cue of speech.
	say := func(lines []string) {
		joined := strings.Join(lines, "")
		switch {
		case srtRecap.MatchString(joined):
			return
		case srtCourtesy.MatchString(joined):
			cur, afterReferral = nil, false
			return
		}
		for k, l := range lines {
			if srtMarker.MatchString(l) && (cur == nil || !cur.empty()) {
				if k > 0 && cur != nil {
					add(lines[:k])
				}
				open()
				add(lines[k:])
				afterReferral = srtReferral.MatchString(lines[len(lines)-1])
				return
			}
		}
		if cur == nil || afterReferral && !cur.empty() {
			if who == "" && cur == nil {
				// The host's own words open no measure without a cue.
				return
			}
			open()
		}
		add(lines)
		afterReferral = srtReferral.MatchString(lines[len(lines)-1])
	}
	for i := 0; i < len(evs); i++ {
		e := evs[i]
		switch e.kind {
		case caption:
			if cur == nil || !cur.empty() {
				open()
			}
			cur.title = e.word
			afterReferral = false
		case speaker:
			if srtHost.MatchString(e.word) {
				who = ""
				// The host's turn: the text up to the next speaker or caption.
				j := i + 1
				for j < len(evs) && evs[j].kind == text {
					j++
				}
				turn := evs[i+1 : j]
				marked := false
				for _, t := range turn {
					for _, l := range t.lines {
						marked = marked || srtMarker.MatchString(l)
					}
				}
				answered := j < len(evs) && (evs[j].kind == speaker && !srtHost.MatchString(evs[j].word) || evs[j].kind == caption)
				asks := len(turn) > 0 && srtAsks.MatchString(strings.Join(turn[len(turn)-1].lines, ""))
				if marked && !asks || !answered || !spoken {
					// The host speaks measures, or closes, or welcomes:
					// words without an item's cue open none.
					cur = nil
					continue
				}
				var ask []string
				for _, t := range turn {
					joined := strings.Join(t.lines, "")
					if srtHandOver.MatchString(joined) || srtCourtesy.MatchString(joined) || srtRecap.MatchString(joined) {
						continue
					}
					ask = append(ask, srtJoin(t.lines, "，"))
				}
				i = j - 1
				if len(ask) > 0 && strings.HasPrefix(ask[0], "那") && cur != nil && evs[j].kind == speaker {
					// "那……呢": asked of the measure before, unless the
					// answer sends elsewhere.
					k := j + 1
					refers := false
					for k < len(evs) && evs[k].kind == text {
						refers = refers || srtAnswerRefers.MatchString(strings.Join(evs[k].lines, ""))
						k++
					}
					if !refers {
						followUp = true
						continue
					}
				}
				m := open()
				if len(ask) > 0 && !srtMarker.MatchString(ask[0]) {
					// "最后一项呢" names no measure: the answer does.
					m.ask = strings.Join(ask, "，")
				}
				afterReferral = false
				continue
			}
			spoken = true
			if !followUp && lastSpeaker != e.word && cur != nil && !cur.empty() {
				// Another speaker: the measure before is done.
				cur = nil
			}
			who, lastSpeaker, followUp = e.word, e.word, false
			if cur != nil && cur.empty() {
				cur.speaker = who
			}
			afterReferral = false
		case text:
			say(e.lines)
		}
	}
	var kept []*srtMeasure
	for _, m := range out {
		if !m.empty() || m.title != "" {
			kept = append(kept, m)
		}
	}
	return kept, entries, unread
}

// srtJoin joins a cue's lines and the phrases a line's spaces part (sep
// between lines where neither runs on; see srtSep).
func srtJoin(lines []string, sep string) string {
	var b strings.Builder
	for k, l := range lines {
		parts := strings.Fields(l)
		if k > 0 && len(parts) > 0 {
			b.WriteString(srtSep(b.String(), strings.Join(parts, ""), sep))
		}
		b.WriteString(strings.Join(parts, "，"))
	}
	return b.String()
}

// srtSep is what stands between two pieces of speech a cue or a line
// break parts: nothing where the first asks for a figure the second gives
// ("每人每年最高补贴" / "5000元"), the second goes on with a range ("2022年
// 10月1日" / "至12月31日") or is a word cut off ("前" / "申领"); a comma after
// a word that asks for more ("…的" / "…和"); else def.
func srtSep(prev, next, def string) string {
	if prev == "" || next == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(next)
	last, _ := utf8.DecodeLastRuneInString(prev)
	rest := next[size:]
	switch {
	case strings.ContainsRune("至到", r) && rest != "" && rest[0] >= '0' && rest[0] <= '9':
		return ""
	case r >= '0' && r <= '9' && strings.ContainsRune("高贴励是为到至达按共约计额贷", last):
		return ""
	case utf8.RuneCountInString(next) <= 3 && !strings.ContainsAny(next, "0123456789"):
		return ""
	case strings.HasSuffix(prev, "电话") || strings.HasSuffix(prev, "拨打") || strings.HasSuffix(prev, "打"):
		// The number called.
		return ""
	case strings.ContainsRune("的和与及或从是为按给对由向在", last):
		return "，"
	}
	return def
}

// body is the measure's text: its caption's title, the host's question,
// and its cues, a sentence each unless a cue runs on into the next.
//
// The last measure is written as one sentence: a follow-up sentence is
// placed by the measure start after it, and the last has none.
func (m *srtMeasure) body(last bool) string {
	var b strings.Builder
	if m.title != "" {
		b.WriteString(m.title + "。")
	}
	if m.ask != "" {
		b.WriteString(m.ask + "？")
	}
	for k, c := range m.cues {
		s := srtJoin(c, "，")
		if k == 0 && m.title == "" && m.ask == "" {
			// "另外一个是小规模纳税人": the item's name is its first sentence.
			if t := strings.TrimLeft(srtLead.ReplaceAllString(s, ""), "，"); t != "" && (t[0] < '0' || t[0] > '9') {
				// A figure after "N．" would read as a decimal.
				s = t
			}
		}
		if k+1 < len(m.cues) {
			sep := "。"
			if last {
				sep = "；"
			}
			s += srtSep(s, srtJoin(m.cues[k+1], "，"), sep)
		}
		b.WriteString(s)
	}
	out := b.String()
	if !strings.HasSuffix(out, "。") && !strings.HasSuffix(out, "？") {
		out += "。"
	}
	return out
}

// raw is the measure's words without breaks, Chinese-numeral phones in
// digits.
func (m *srtMeasure) raw() string {
	var b strings.Builder
	b.WriteString(m.title)
	b.WriteString(m.ask)
	for _, c := range m.cues {
		for _, l := range c {
			b.WriteString(strings.ReplaceAll(strings.ReplaceAll(l, " ", ""), "　", ""))
		}
	}
	return hanDigits(b.String())
}

// head is what the measure is about: its title, the question and its
// first cue.
func (m *srtMeasure) head() string {
	s := m.title + m.ask
	if len(m.cues) > 0 {
		s += strings.ReplaceAll(strings.Join(m.cues[0], ""), " ", "")
	}
	return s
}

func hanDigits(s string) string {
	return srtHanDigits.ReplaceAllStringFunc(s, func(d string) string {
		return strings.Map(func(r rune) rune {
			if k := strings.IndexRune("〇一二三四五六七八九", r); k >= 0 {
				return '0' + rune(utf8.RuneCountInString("〇一二三四五六七八九"[:k]))
			}
			if r == '零' {
				return '0'
			}
			return r
		}, d)
	})
}

// srtListEntry reads the lines of a closing list's entry: topics, the unit
// (an organisation and its department, maybe over two lines), the person
// and the phones ending it. ok is false when no phone ends the lines.
func srtListEntry(lines []string) (srtEntry, bool) {
	var fields []string
	for _, l := range lines {
		fields = append(fields, strings.Fields(l)...)
	}
	k := len(fields)
	var phones []string
	for k > 0 && srtPhone.MatchString(fields[k-1]) {
		phones = append([]string{fields[k-1]}, phones...)
		k--
	}
	if len(phones) == 0 {
		return srtEntry{}, false
	}
	e := srtEntry{phones: strings.Join(phones, "、")}
	fields = fields[:k]
	if k > 0 && isHanOnly(fields[k-1]) && utf8.RuneCountInString(fields[k-1]) <= 4 && utf8.RuneCountInString(fields[k-1]) >= 2 && !srtOrgEnd.MatchString(fields[k-1]) && !srtDeptEnd.MatchString(fields[k-1]) && !passingContact.MatchString(fields[k-1]) {
		e.person = fields[k-1]
		fields = fields[:k-1]
	}
	var unit, after []string
	for _, f := range fields {
		switch {
		case len(after) == 0 && (srtOrgAt(f) >= 0 || len(unit) > 0 && srtDeptEnd.MatchString(f)):
			// The organisation, and its department on the next line.
			unit = append(unit, f)
		case len(unit) > 0:
			after = append(after, f)
		default:
			e.topics = append(e.topics, f)
		}
	}
	e.unit = strings.Join(unit, "")
	if len(after) > 0 {
		// "国网某某供电公司 24小时服务热线 95598".
		e.label = strings.Join(after, "")
	} else if e.unit == "" && len(e.topics) > 0 {
		// "纳税服务热线 12366": a hotline's label.
		e.label = e.topics[len(e.topics)-1]
		e.topics = e.topics[:len(e.topics)-1]
	}
	if i := srtOrgAt(e.unit); i >= 0 {
		e.org, e.dept = e.unit[:i], e.unit[i:]
	}
	return e, true
}

// srtOrgAt is where a unit's department starts (len(u) for none): after the
// first organisation ending that leaves the rest a department or nothing;
// -1 where u is no unit.
func srtOrgAt(u string) int {
	for _, loc := range srtOrgEnd.FindAllStringIndex(u, -1) {
		rest := u[loc[1]:]
		if rest == "" || srtDeptEnd.MatchString(rest) && utf8.RuneCountInString(rest) >= 2 {
			return loc[1]
		}
	}
	return -1
}

// names reports whether the measure's words name the entry: its person, its
// department, its organisation (in full, as speech shortens it, or by what
// it is named for).
func (e srtEntry) namedIn(raw, head string, orgs map[string]int) bool {
	if e.person != "" && strings.Contains(raw, e.person) {
		return true
	}
	if utf8.RuneCountInString(e.dept) >= 3 && strings.Contains(raw, e.dept) {
		return true
	}
	if e.org == "" || orgs[e.org] > 1 {
		// An organisation listed with several departments: its name says
		// not which.
		return false
	}
	if strings.Contains(raw, e.org) {
		return true
	}
	if bare := strings.TrimLeft(e.org, "区县市"); utf8.RuneCountInString(bare) >= 3 && bare != e.org && strings.Contains(raw, bare) {
		return true
	}
	if rs := []rune(e.org); strings.HasSuffix(e.org, "公司") || strings.HasSuffix(e.org, "银行") {
		// A company or bank named without its brand ("供电公司").
		for i := 1; len(rs)-i >= 4; i++ {
			if strings.Contains(raw, string(rs[i:])) {
				return true
			}
		}
	}
	if stem := unitStem(e.org); utf8.RuneCountInString(stem) >= 4 && (strings.Contains(raw, stem) || stemTailIn(stem, head)) {
		return true
	}
	for _, loc := range unitShort.FindAllStringIndex(raw, -1) {
		for i := loc[0]; i < loc[1]; {
			if same, _ := shortNameOf(raw[i:loc[1]], e.org, ""); same {
				return true
			}
			_, n := utf8.DecodeRuneInString(raw[i:])
			i += n
		}
	}
	return false
}

// contacts are the measure's: the phones said in passing, the list's
// entries its words name or its head's topics, and its speaker's entry
// where its words send nowhere else or name none.
func (m *srtMeasure) contacts(own []srtEntry, all [][]srtEntry) []srtContact {
	raw, head := m.raw(), m.head()
	spkUnit, spkName := "", ""
	if f := strings.Fields(m.speaker); len(f) > 0 {
		spkUnit = f[0]
		if len(f) > 1 {
			spkName = f[len(f)-1]
		}
	}
	var out []srtContact
	took := map[int]bool{}
	have := map[string]bool{}
	addEntry := func(e srtEntry) {
		if have[e.phones] {
			return
		}
		have[e.phones] = true
		c := srtContact{unit: e.unit, person: e.person, phones: e.phones}
		if e.dept != "" {
			// "区税务局所得税科": the unit and its department.
			c.unit, c.dept = e.org, e.dept
		}
		if c.unit == "" {
			c.unit = e.label
		}
		out = append(out, c)
	}
	for _, sm := range srtPassing.FindAllStringSubmatch(raw, -1) {
		p := sm[1]
		if have[p] {
			continue
		}
		found := false
		for g, es := range append([][]srtEntry{own}, all...) {
			for k, e := range es {
				if slices.Contains(strings.Split(e.phones, "、"), p) || strings.HasSuffix(e.phones, "-"+p) {
					if e.unit == "" && spkUnit != "" {
						e.unit = spkUnit
					}
					addEntry(e)
					if g == 0 {
						took[k] = true
					}
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			person := spkName
			if len(p) <= 5 {
				person = ""
			}
			have[p] = true
			out = append(out, srtContact{unit: spkUnit, person: person, phones: p})
		}
	}
	// A topic the list gives a contact for names who answers for the
	// measure: its speaker then only introduced it.
	topical := false
	orgs := map[string]int{}
	for _, e := range own {
		orgs[e.org]++
	}
	for k, e := range own {
		if took[k] {
			continue
		}
		named := e.namedIn(raw, head, orgs)
		for _, t := range e.topics {
			if utf8.RuneCountInString(t) >= 2 && strings.Contains(head, t) {
				named, topical = true, true
			}
		}
		if named {
			addEntry(e)
		}
	}
	if spkUnit != "" && (len(out) == 0 || !srtRefers.MatchString(raw) && !topical) {
		for _, e := range own {
			if spkName != "" && e.person == spkName {
				addEntry(e)
				return out
			}
		}
		for _, e := range own {
			if same, _ := shortNameOf(spkUnit, e.org, ""); same || e.org == spkUnit {
				addEntry(e)
				return out
			}
		}
		if len(out) == 0 {
			out = append(out, srtContact{unit: spkUnit, person: spkName})
		}
	}
	return out
}

// srtContact is a measure's contact: a unit and its department, a person,
// phones.
type srtContact struct {
	unit, dept, person, phones string
}

// srtTable is the measures' contacts as a table one cell per line (see
// annexTable), with the units' departments in a column of their own.
func srtTable(contacts map[int][]srtContact, n int) string {
	var b strings.Builder
	b.WriteString("序号\n政策措施\n责任单位\n责任科室\n联系人\n联系电话\n")
	for k := 1; k <= n; k++ {
		var units, depts, people, phones []string
		for _, c := range contacts[k] {
			units, depts = append(units, orNone(c.unit)), append(depts, orNone(c.dept))
			people, phones = append(people, orNone(c.person)), append(phones, orNone(c.phones))
		}
		if len(units) == 0 {
			units, depts, people, phones = []string{"/"}, []string{"/"}, []string{"/"}, []string{"/"}
		}
		fmt.Fprintf(&b, "%d\n/\n%s\n%s\n%s\n%s\n", k, strings.Join(units, "；"), strings.Join(depts, "；"), strings.Join(people, "；"), strings.Join(phones, "；"))
	}
	return b.String()
}
