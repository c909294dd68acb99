package seeds

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may push its relief measures as a series of SMS notifications
// (“政策速递”), and a guide may reach the parser as a phone-backup export
// of them (短信导出.txt):
//
//	短信备份助手 v3.6.2 导出                     ← the app's head, a clerk's note
//	—— 2022年6月20日 ——                         ← a day line
//	2022-06-20 15:02:18  发件人: 12366           ← a record's header
//	(1/3)【区税务局】政策速递第1条：标题。正文……   ← its body
//
// Each SMS is signed 【unit】 at its start (some senders sign at its end),
// ends with an opt-out (回T退订, 拒收请回复R) and carries one or two
// measures numbered through the series (政策速递第N条：, 第N条：, 二十一、),
// each closed by a contact (咨询：unit+department person phone；…).
// A carrier splits a long SMS into parts "(k/n)" cut mid-word: the parts
// are joined by sender and k/n before reading, in whatever order they
// arrived, a part received twice read once. The series states its title
// and issuer in an opening SMS (…印发《…》…共N条); a later SMS may correct
// a measure's date (更正：第N条…应为…), remind of one (温馨提示：第N条…即将
// 截止: no new measure) or state the area code once; other SMS (codes,
// balances, warnings, MMS) are no measure and are reported unread.
//
// smsText rewrites such an export into the policy list normalizeFields
// reads (the shape slideText writes). A corrupted copy (cut at 。, pieces
// copied and moved) keeps each header glued to its first sentence, and the
// text before a header (back to the last 。) is the end of the SMS that
// preceded it in the export, ordered by time: that end (the contact, the
// opt-out, a signature) goes to the record before the header in time, not
// to the one the copy put before it. Any other text comes back unchanged.
var (
	// smsHeader is a record's header: a time then the sender
	// ("2022-06-20 15:02:18  发件人: 12366"), or the sender then a time.
	smsHeader      = regexp.MustCompile(`^[ \t　]*\[?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ \t　T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\]?[ \t　]+(?:发件人|发信人|发送人|来自|号码|From|Sender)[ \t　]*[:：]?[ \t　]*(\+?[0-9A-Za-z]{3,20})(?:[ \t　]*$|([^0-9A-Za-z\s].*)$)`)
	smsHeaderAfter = regexp.MustCompile(`^[ \t　]*(?:发件人|发信人|发送人|来自|号码|From|Sender)[ \t　]*[:：]?[ \t　]*(\+?[0-9A-Za-z]{3,20})[ \t　]+(?:时间[:：][ \t　]*)?\[?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ \t　T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\]?[ \t　]*$`)
	// smsDayLine separates the days; smsRule the export's head.
	smsDayLine = regexp.MustCompile(`^[ \t　]*[—\-=─_*]+[ \t　]*\d{4}[年\-/.]\d{1,2}[月\-/.]\d{1,2}日?[ \t　]*(?:星期.|周.)?[ \t　]*[—\-=─_*]+[ \t　]*$`)
	smsRule    = regexp.MustCompile(`^[ \t　]*[=\-—─_*]{4,}[ \t　]*$`)
	// smsExportLine is a line of the app's head, wherever a copy put it.
	smsExportLine = regexp.MustCompile(`^[ \t　]*(?:导出时间|备份时间|会话|格式|共\d+条短信)[：:]|[Vv]\d+(?:\.\d+)+[ \t　]*(?:导出|备份)?[ \t　]*$`)
	// smsPart is a carrier's part marker "(1/3)" at a body's start,
	// before or after the signature.
	smsPart = regexp.MustCompile(`^[ \t　]*((?:【[^】\n]{1,24}】)?)[ \t　]*[（(\[［]?(\d{1,2})/(\d{1,2})[)）\]］][ \t　]*`)
	// smsOptOut is an SMS's opt-out: never part of a measure.
	smsOptOut = regexp.MustCompile(`(?:回复?[A-Za-z]{1,2}退订|退订回复?[A-Za-z]{1,2}|拒收请回复?[A-Za-z]{1,2}|退订请?回复?[A-Za-z]{1,2})`)
	// smsOptOutEnd is an opt-out with the signature after it, if any.
	smsOptOutEnd = regexp.MustCompile(smsOptOut.String() + `(?:[ \t　]*【[^】\n]{1,24}】)?`)
	smsSignHead  = regexp.MustCompile(`^[ \t　]*(?:\[(?:彩信|短信|图片)\][ \t　]*)?【([^】\n]{1,24})】[ \t　]*`)
	smsSignTail  = regexp.MustCompile(`[ \t　]*【([^】\n]{1,24})】[ \t　]*$`)
	// smsStart is a measure's start: a series number "政策速递第12条：",
	// "第9条（末条）：", or a Chinese numeral "二十一、" at the body's
	// start or after a sentence.
	smsStart = regexp.MustCompile(`(?:^|[。！；;])[ \t　]*((?:[^\s。！，,；;：:“”《》（）()]{0,8}?)第([0-9０-９` + numeralChars + `]{1,6})条(?:[（(][^）)\n]{0,8}[）)])?[ \t　]*[：:]|([` + numeralChars + `]{1,5})、)`)
	// smsContactAt opens a measure's contact: "咨询：", "用电咨询：".
	smsContactAt = regexp.MustCompile(`\p{Han}{0,8}?(?:咨询电话|联系电话|联系方式|咨询|联系人|热线)[：:]`)
	// smsTopic is what a contact answers before its unit: "贷款问区科技局…".
	smsTopic = regexp.MustCompile(`^(\p{Han}{2,12})(?:可问|请问|问|找)(\p{Han}{3,})$`)
	// smsHotline is a hotline a measure's text tells the owner to call.
	smsHotline = regexp.MustCompile(`(?:拨打|致电|热线|电话)[^。，,；;]{0,6}?((?:12|9[56])\d{3})(?:\D|$)`)
	// smsLocal7 is a 7-digit local number: the series' area code makes
	// it a phone (see smsDuty).
	smsLocal7     = regexp.MustCompile(`^[2-9]\d{6}$`)
	smsEntryLabel = regexp.MustCompile(`^\p{Han}{1,8}[：:]`)
	smsCorrect    = regexp.MustCompile(`更正|勘误|纠正`)
	smsNewDate    = regexp.MustCompile(`(?:应为|改为|调整为|更正为|延长至|延至)[ \t　]*(\d{4}年\d{1,2}月\d{1,2}日)`)
	smsDeadline   = regexp.MustCompile(`(截止(?:时间|日期)?(?:为|到|至)?[ \t　]*)(\d{4}年\d{1,2}月\d{1,2}日)`)
	smsRefer      = regexp.MustCompile(`第([0-9０-９` + numeralChars + `]{1,6})条`)
	smsIssued     = regexp.MustCompile(`([^，,。；;：:]{2,24}?)(?:联合)?(?:印发|发布|出台|制定)(?:了)?《([^《》\n]{4,80})》`)
	smsTitle      = regexp.MustCompile(`《([^《》\n]{4,80})》`)
	smsDistrict   = regexp.MustCompile(`^(\p{Han}{1,6}?[区县市旗])`)
	smsAreaCode   = regexp.MustCompile(`区号[^。\d]{0,12}?(0\d{2,3})(?:\D|$)|(0\d{2,3})(?:[（(][^）)\d]{0,6}[）)])?[ \t　]*区号`)
	// smsUnitEnd ends a unit's name; what follows it in a contact may be
	// its department (see smsUnitDept).
	smsUnitEnd = []string{"局", "委", "会", "办", "中心", "分中心", "公司", "支行", "分行", "银行", "院", "集团"}
	smsDeptEnd = []string{"科", "股", "室", "处", "组", "窗口", "部", "专班", "大队", "中队"}
)

// smsRecord is one SMS of the export (its copies merged).
type smsRecord struct {
	time, sender string
	order        int      // its first header's place in the file
	part, parts  int      // its carrier part marker, 0 if none
	lines        []string // its own text, read after its header
	tails        []string // its end, read before the next header in time
	body         string   // after parts were joined
	date         string   // YYYY-MM-DD
}

// smsHeaderAt reads a header line: its time ("2022-06-20 15:02:18") and
// sender, or ok false.
func smsHeaderAt(l string) (tm, sender, rest string, ok bool) {
	if m := smsHeader.FindStringSubmatch(l); m != nil {
		// A corrupted copy may glue the body's first line to it.
		return smsTime(m[1], m[2], m[3], m[4], m[5], m[6]), m[7], m[8], true
	}
	if m := smsHeaderAfter.FindStringSubmatch(l); m != nil {
		return smsTime(m[2], m[3], m[4], m[5], m[6], m[7]), m[1], "", true
	}
	return "", "", "", false
}

func smsTime(y, mo, d, h, mi, s string) string {
	if s == "" {
		s = "00"
	}
	return y + "-" + pad2(mo) + "-" + pad2(d) + " " + pad2(h) + ":" + mi + ":" + s
}

// smsText: see above.
func smsText(text string) (string, []Unread, []Duplicate) {
	norm := strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	lines := strings.Split(norm, "\n")
	headers := 0
	for _, l := range lines {
		if _, _, _, ok := smsHeaderAt(l); ok {
			headers++
		}
	}
	if headers < 5 {
		return text, nil, nil
	}
	var unread []Unread
	var dups []Duplicate

	// The segments: each header with the lines up to the next one.
	type segment struct {
		time, sender, header string
		text                 string
	}
	var head []string
	var segs []segment
	for _, l := range lines {
		if smsDayLine.MatchString(l) || smsRule.MatchString(l) || smsExportLine.MatchString(l) {
			continue
		}
		if tm, sender, rest, ok := smsHeaderAt(l); ok {
			segs = append(segs, segment{time: tm, sender: sender, header: tm + " " + sender, text: strings.TrimSpace(rest)})
			continue
		}
		if len(segs) == 0 {
			head = append(head, l)
			continue
		}
		s := &segs[len(segs)-1]
		s.text += strings.TrimSpace(l)
	}

	// The records: a header and its first sentence name one SMS, however
	// often the copy repeats them.
	byKey := map[string]*smsRecord{}
	var recs []*smsRecord
	keys := make([]string, len(segs))
	for i, s := range segs {
		first := s.text
		if j := strings.Index(first, "。"); j >= 0 {
			first = first[:j]
		}
		key := s.header + "\x00" + first
		keys[i] = key
		if byKey[key] == nil {
			r := &smsRecord{time: s.time, sender: s.sender, order: i, date: s.time[:10]}
			if m := smsPart.FindStringSubmatch(s.text); m != nil {
				r.part, _ = strconv.Atoi(m[2])
				r.parts, _ = strconv.Atoi(m[3])
			}
			byKey[key] = r
			recs = append(recs, r)
		}
	}
	// The records in time order (parts sent in one second by their
	// number): the export's own order, which a copy disturbs.
	sorted := slices.Clone(recs)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.time != b.time {
			return a.time < b.time
		}
		if a.sender == b.sender && a.part != b.part {
			return a.part < b.part
		}
		return a.order < b.order
	})
	prev := map[*smsRecord]*smsRecord{}
	for i := 1; i < len(sorted); i++ {
		prev[sorted[i]] = sorted[i-1]
	}
	seen := map[*smsRecord]map[string]bool{}
	add := func(r *smsRecord, s string, tail bool) {
		if seen[r] == nil {
			seen[r] = map[string]bool{}
		}
		for _, sent := range cutAfterStops(s) {
			k := stripSpace(sent)
			if k == "" {
				continue
			}
			if seen[r][k] {
				dups = append(dups, Duplicate{Sentence: k, Copies: 1})
				continue
			}
			seen[r][k] = true
			if tail {
				r.tails = append(r.tails, sent)
			} else {
				r.lines = append(r.lines, sent)
			}
		}
	}
	// Each segment's own text and its tail: the end after the last 。
	// was the end of the SMS before the next header in time.
	owns, tails := make([]string, len(segs)), make([]string, len(segs))
	for i, s := range segs {
		owns[i] = s.text
		if i+1 < len(segs) {
			if j := strings.LastIndex(s.text, "。"); j >= 0 {
				owns[i], tails[i] = s.text[:j+len("。")], s.text[j+len("。"):]
			} else {
				owns[i], tails[i] = "", s.text
			}
		}
	}
	// A contact ended by 。 right before the SMS's end (an opt-out, no
	// contact) is that end's: it goes where the end goes.
	for i := range segs {
		sents := cutAfterStops(owns[i])
		if n := len(sents); n > 1 && smsContactAt.MatchString(sents[n-1]) && !smsContactAt.MatchString(tails[i]) && smsOptOut.MatchString(tails[i]) {
			owns[i] = strings.Join(sents[:n-1], "")
			tails[i] = sents[n-1] + tails[i]
		}
	}
	// A sentence a copy repeats stays in one place: with the header it
	// opens, else at its last copy (the copies stand ahead of their
	// places).
	glued, last := map[string]bool{}, map[string]int{}
	for i := range segs {
		for j, sent := range cutAfterStops(owns[i]) {
			if j == 0 {
				glued[stripSpace(sent)] = true
			}
			last[stripSpace(sent)] = i
		}
	}
	for i := range segs {
		r := byKey[keys[i]]
		sents := cutAfterStops(owns[i])
		for j, sent := range sents {
			k := stripSpace(sent)
			switch {
			case j > 0 && smsContactAt.MatchString(sent) && !smsContactHolds(sents, j, tails[i], i+1 == len(segs)):
				// A contact ended by 。 stands before the SMS's end
				// or the next measure of its SMS: elsewhere a copy
				// moved it, and whose it is is not known.
				unread = append(unread, Unread{Line: Clip(sent, 40), Why: "a contact a copy moved away from its SMS"})
			case j == 0 || !glued[k] && last[k] == i || smsStart.MatchString(sent):
				// A measure's start is kept at every copy: which one
				// opens its SMS is read with the SMS (see smsKeep).
				add(r, sent, false)
			case k != "":
				dups = append(dups, Duplicate{Sentence: k, Copies: 1})
			}
		}
		tail := tails[i]
		if ends := smsOptOutEnd.FindAllStringIndex(tail, -1); len(ends) > 0 {
			// An SMS's end with more after it, or two ends: all but the
			// last end came with pieces a copy moved here; only what
			// follows them is the end of the SMS before the header.
			cut := ends[len(ends)-1][1]
			if strings.TrimSpace(tail[cut:]) == "" {
				cut = 0
				if len(ends) >= 2 {
					cut = ends[len(ends)-2][1]
				}
			}
			if cut > 0 {
				unread = append(unread, Unread{Line: Clip(tail[:cut], 40), Why: "an SMS's end a copy moved away from its SMS"})
				tail = tail[cut:]
			}
		}
		if strings.TrimSpace(tail) == "" {
			continue
		}
		next := byKey[keys[i+1]]
		if r.time <= next.time && !smsBetween(sorted, r, next) {
			// The export's order holds here (the SMS before the next
			// header in time, or sent in the same second): its own.
			add(r, tail, true)
		} else if p := prev[next]; p != nil {
			add(p, tail, true)
		} else {
			head = append(head, tail)
		}
	}

	// Parts joined: by sender and part count, in time order; a part
	// received twice is read once.
	type group struct {
		first *smsRecord
		parts map[int]string
	}
	var open []*group
	var out []*smsRecord
	for _, r := range sorted {
		body := strings.Join(r.lines, "") + strings.Join(r.tails, "")
		if r.parts < 2 {
			r.body = body
			out = append(out, r)
			continue
		}
		// The signature each part repeats is kept once, on the first.
		if r.part == 1 {
			body = smsPart.ReplaceAllString(body, "$1")
		} else {
			body = smsPart.ReplaceAllString(body, "")
		}
		var g *group
		for _, o := range open {
			if o.first.sender == r.sender && o.first.parts == r.parts && smsWithin(o.first.time, r.time, 30) {
				if have, ok := o.parts[r.part]; ok {
					if stripSpace(have) == stripSpace(body) {
						dups = append(dups, Duplicate{Sentence: stripSpace(body), Copies: 1})
						g = o
						break
					}
					continue
				}
				g = o
				break
			}
		}
		if g == nil {
			g = &group{first: r, parts: map[int]string{}}
			open = append(open, g)
			out = append(out, r)
		}
		if _, ok := g.parts[r.part]; !ok {
			g.parts[r.part] = body
		}
	}
	for _, g := range open {
		var b strings.Builder
		for k := 1; k <= g.first.parts; k++ {
			b.WriteString(g.parts[k])
		}
		g.first.body = b.String()
	}

	// Each SMS read: measures, the series' opening, corrections, the
	// area code, the rest reported.
	measures := map[int]*smsMeasure{}
	title, issuer, published, areaCode := "", "", "", ""
	var preamble []string
	corrections := map[int]string{}
	firstMeasure := ""
	for _, r := range out {
		body := smsClean(r.body)
		if body == "" {
			continue
		}
		if areaCode == "" {
			if m := smsAreaCode.FindStringSubmatch(body); m != nil {
				areaCode = m[1] + m[2]
			} else if m := areaCodeRe.FindStringSubmatch(body); m != nil {
				areaCode = m[1]
			}
		}
		starts := smsStart.FindAllStringSubmatchIndex(body, -1)
		opens := len(starts) > 0 && strings.TrimSpace(body[:starts[0][2]]) == "" || len(starts) > 0 && starts[0][0] == 0
		if smsCorrect.MatchString(body) && !opens {
			if m := smsRefer.FindStringSubmatch(body); m != nil {
				if d := smsNewDate.FindStringSubmatch(body); d != nil {
					corrections[articleNumeral(m[1])] = d[1]
					continue
				}
			}
		}
		if len(starts) == 0 {
			switch {
			case title == "" && firstMeasure == "" && smsTitle.MatchString(body):
				title = smsTitle.FindStringSubmatch(body)[1]
				if is := smsIssued.FindStringSubmatch(body); is != nil {
					issuer = strings.TrimSpace(is[1])
					// "区政府办公室" under a title naming its district.
					if d := smsDistrict.FindStringSubmatch(title); d != nil && (strings.HasPrefix(issuer, "区") || strings.HasPrefix(issuer, "县")) {
						_, n := utf8.DecodeRuneInString(issuer)
						issuer = d[1] + issuer[n:]
					}
				}
				published = r.date
				preamble = append(preamble, body)
			case smsRefer.MatchString(body):
				unread = append(unread, Unread{Line: Clip(body, 40), Why: "an SMS reminding of a measure, not a measure"})
			case smsAreaCode.MatchString(body):
			default:
				unread = append(unread, Unread{Line: Clip(body, 40), Why: "an SMS that is no measure of the series"})
			}
			continue
		}
		if firstMeasure == "" {
			firstMeasure = r.date
		}
		if !opens {
			// Words before the first start: a sentence a copy moved in.
			unread = append(unread, Unread{Line: Clip(body[:starts[0][2]], 40), Why: "words before an SMS's measure, not its own"})
		}
		// The measures of the SMS: a second one follows the first in the
		// series (2+3, 6+7); another number standing inside it is a
		// sentence a copy displaced: its measure's start only.
		var here []*smsMeasure
		for i, s := range starts {
			numStr := ""
			if s[4] >= 0 {
				numStr = body[s[4]:s[5]]
			} else {
				numStr = body[s[6]:s[7]]
			}
			n := articleNumeral(numStr)
			if n <= 0 {
				continue
			}
			end := len(body)
			if i+1 < len(starts) {
				end = starts[i+1][2]
			}
			first, rest := smsFirstSentence(body[s[3]:end])
			m := &smsMeasure{num: n, title: first, own: opens}
			m.body = rest
			if !opens || len(here) > 0 && n != here[len(here)-1].num+1 {
				// Displaced (an SMS opens with its measure's start, a
				// second one follows in the series): what follows its
				// title stays with the SMS's measure, if any.
				if len(here) > 0 {
					here[len(here)-1].body += rest
				}
				m.body = ""
				smsKeep(measures, m)
				continue
			}
			here = append(here, m)
		}
		for _, m := range here {
			if loc := smsContactAt.FindStringIndex(m.body); loc != nil {
				m.block = strings.TrimSpace(m.body[loc[0]:])
				m.body = m.body[:loc[0]]
				if j := strings.Index(m.block, "。"); j >= 0 {
					// The contact ends at its 。 (a copy may put a
					// sentence after it).
					m.body += m.block[j+len("。"):]
					m.block = m.block[:j]
				}
			}
		}
		if len(here) == 1 && here[0].block != "" {
			// Entries for a topic the measure does not name are for
			// another measure of its SMS (a copy moved its start).
			here[0].block = smsShare(here[0].block, []string{here[0].title + here[0].body}, 0)
		}
		// A measure without a contact of its own shares the next one's:
		// each keeps the entries whose topic names it, and every entry
		// without a topic.
		for i := 0; i < len(here); i++ {
			if here[i].block != "" {
				continue
			}
			j := i
			for j < len(here) && here[j].block == "" {
				j++
			}
			if j == len(here) {
				break
			}
			var texts []string
			for k := i; k <= j; k++ {
				texts = append(texts, here[k].title+here[k].body)
			}
			block := here[j].block
			for k := i; k <= j; k++ {
				here[k].block = smsShare(block, texts, k-i)
			}
			i = j
		}
		for _, m := range here {
			if p := smsKeep(measures, m); p != m {
				// A copy of the SMS: what it adds is kept.
				if p.block == "" {
					p.block = m.block
				}
			}
		}
	}
	if len(measures) < 3 {
		return text, nil, nil
	}
	if published == "" {
		published = firstMeasure
	}
	for n, d := range corrections {
		m := measures[n]
		if m == nil {
			continue
		}
		switch {
		case smsDeadline.MatchString(m.body):
			loc := smsDeadline.FindStringSubmatchIndex(m.body)
			m.body = m.body[:loc[4]] + d + m.body[loc[5]:]
		case smsDeadline.MatchString(m.title):
			loc := smsDeadline.FindStringSubmatchIndex(m.title)
			m.title = m.title[:loc[4]] + d + m.title[loc[5]:]
		default:
			m.body += "截止时间为" + d + "。"
		}
	}
	for _, l := range head {
		if t := strings.TrimSpace(l); t != "" {
			unread = append(unread, Unread{Line: Clip(t, 40), Why: "the export's head, no measure"})
		}
	}

	var b []string
	if title != "" {
		b = append(b, title)
	}
	if published != "" {
		b = append(b, "发布日期："+published)
	}
	if issuer != "" {
		b = append(b, "来源："+issuer+"。")
	}
	for _, p := range preamble {
		b = append(b, ended(p))
	}
	if areaCode != "" {
		b = append(b, "联系电话未标注区号的，区号均为"+areaCode+"。")
	}
	nums := make([]int, 0, len(measures))
	for n := range measures {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		m := measures[n]
		b = append(b, strconv.Itoa(n)+". "+titleText(strings.TrimSuffix(m.title, "。")))
		body := strings.TrimSpace(m.body)
		if body == "" {
			// A copy kept only the measure's title: its text (a title
			// alone opens no measure in a policy list).
			body = strings.TrimSuffix(m.title, "。")
		}
		b = append(b, "政策内容："+ended(body))
		if m.block == "" {
			// A measure naming only a hotline to call.
			var hot []string
			for _, h := range smsHotline.FindAllStringSubmatch(m.title+m.body, -1) {
				hot = AppendNew(hot, h[1])
			}
			if len(hot) > 0 {
				b = append(b, "咨询电话："+strings.Join(hot, "、"))
			}
			continue
		}
		d, ur := smsDuty(smsOthers(m, measures), areaCode)
		unread = append(unread, ur...)
		if d != "" {
			b = append(b, d)
		}
	}
	return strings.Join(b, "\n"), unread, dups
}

// smsMeasure is one measure as the SMS series gives it.
type smsMeasure struct {
	num         int
	title, body string
	block       string // its contact after the label, "" if none
	own         bool   // its start opens its SMS: the header's own sentence
}

// smsKeep keeps a measure read twice (a copy moved its start) once: the
// reading whose start opens its SMS; it returns the one kept.
func smsKeep(measures map[int]*smsMeasure, m *smsMeasure) *smsMeasure {
	p := measures[m.num]
	switch {
	case p == nil:
		measures[m.num] = m
		return m
	case m.own && !p.own || p.body == "" && p.block == "" && (m.body != "" || m.block != ""):
		measures[m.num] = m
		if m.block == "" {
			m.block = p.block
		}
		return m
	}
	return p
}

// smsWithin reports whether b is at most minutes after a (times as
// smsTime writes them).
func smsWithin(a, b string, minutes int) bool {
	if a[:10] != b[:10] {
		return false
	}
	ma := atoi2(a[11:13])*60 + atoi2(a[14:16])
	mb := atoi2(b[11:13])*60 + atoi2(b[14:16])
	return mb-ma <= minutes && mb >= ma
}

func atoi2(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// smsClean drops an SMS's part markers, signatures and opt-outs.
func smsClean(body string) string {
	body = smsOptOut.ReplaceAllString(body, "")
	for {
		t := strings.TrimSpace(body)
		t2 := smsSignHead.ReplaceAllString(t, "")
		t2 = smsSignTail.ReplaceAllString(t2, "")
		t2 = smsPart.ReplaceAllString(t2, "$1")
		if t2 == t {
			return t
		}
		body = t2
	}
}

// smsFirstSentence cuts a measure's text after its start into its title
// and the rest: the first sentence ("增值税留抵退税提速。"), or where that
// is long (the SMS has no title), its first clause.
func smsFirstSentence(s string) (string, string) {
	s = strings.TrimSpace(s)
	first, rest := s, ""
	if i := strings.IndexAny(s, "。！"); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		first, rest = s[:i+n], s[i+n:]
	}
	if utf8.RuneCountInString(first) <= smsTitleMax {
		return first, rest
	}
	for i, r := range first {
		if strings.ContainsRune("，,；;：:", r) {
			if utf8.RuneCountInString(first[:i]) > smsTitleMax {
				break
			}
			_, n := utf8.DecodeRuneInString(first[i:])
			return first[:i], first[i+n:] + rest
		}
	}
	return first, rest
}

// smsTitleMax is the longest first sentence read as a measure's title
// (titleEnd reads a title of up to 40 characters).
const smsTitleMax = 30

// smsContact is one entry of a contact: what it is for, the unit with its
// department, the person and the phones; hotlines are phones named after
// a comma ("，或拨打12366").
type smsContact struct {
	topic, unit, person string
	phones, hotlines    []string
}

// smsEntries reads a contact's entries, separated by ；.
func smsEntries(block string) ([]smsContact, []Unread) {
	var out []smsContact
	var unread []Unread
	for _, e := range strings.FieldsFunc(block, func(r rune) bool { return r == '；' || r == ';' }) {
		e = strings.TrimSpace(e)
		if loc := smsContactAt.FindStringIndex(e); loc != nil && loc[0] == 0 {
			e = strings.TrimSpace(e[loc[1]:])
		} else if loc := smsEntryLabel.FindStringIndex(e); loc != nil {
			// "加价投诉：区发改局价格股 …": what the entry is for.
			e = strings.TrimSpace(e[loc[1]:])
		}
		if e == "" {
			continue
		}
		var c smsContact
		clauses := strings.FieldsFunc(e, func(r rune) bool { return r == '，' || r == ',' })
		if len(clauses) == 0 {
			continue
		}
		for _, cl := range clauses[1:] {
			c.hotlines = append(c.hotlines, slidePhones(cl)...)
		}
		main := clauses[0]
		c.phones = slidePhones(main)
		if n := len(c.phones); n > 0 {
			// Words after the last phone are no contact's (a copy glued
			// a sentence to it).
			main = main[:strings.LastIndex(main, c.phones[n-1])+len(c.phones[n-1])]
		}
		if len(c.phones) == 0 && len(c.hotlines) == 0 {
			unread = append(unread, Unread{Line: block, Why: "a contact without a phone: " + e})
			continue
		}
		words := strings.Fields(main)
		var names []string
		for _, w := range words {
			if !strings.ContainsAny(w, "0123456789") {
				names = append(names, w)
			}
		}
		if n := len(names); n > 0 && smsPersonLike(names[n-1]) {
			c.person = names[n-1]
			names = names[:n-1]
		}
		if n := len(names); n > 0 {
			c.unit = names[n-1]
			c.topic = strings.Join(names[:n-1], "")
			if m := smsTopic.FindStringSubmatch(c.unit); m != nil {
				c.topic += m[1]
				c.unit = m[2]
			}
		}
		out = append(out, c)
	}
	return out, unread
}

// smsPersonLike reports whether w is a person's name: two to four Han
// characters ending no unit's or department's name.
func smsPersonLike(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 4 {
		return false
	}
	for _, r := range w {
		if r < 0x4e00 || r > 0x9fff {
			return false
		}
	}
	return !hasAnySuffix(w, smsUnitEnd) && !hasAnySuffix(w, smsDeptEnd) && !hasAnySuffix(w, departmentSuffixes)
}

// smsShare keeps of a contact shared by the measures of one SMS (texts,
// in order) the entries for measure idx: those whose topic names it
// best, and those naming no topic or one no measure names.
func smsShare(block string, texts []string, idx int) string {
	var keep []string
	for _, e := range strings.FieldsFunc(block, func(r rune) bool { return r == '；' || r == ';' }) {
		cs, _ := smsEntries(e)
		if len(cs) == 1 && cs[0].topic != "" {
			best, bestN, tie := -1, 0, false
			for i, t := range texts {
				n := sharedBigrams(cs[0].topic, t)
				switch {
				case n > bestN:
					best, bestN, tie = i, n, false
				case n == bestN && n > 0:
					tie = true
				}
			}
			if best >= 0 && !tie && best != idx || best < 0 && len(texts) == 1 {
				// Another measure's, or (an SMS whose second measure a
				// copy moved away) none of this one's.
				continue
			}
		}
		keep = append(keep, e)
	}
	return strings.Join(keep, "；")
}

// smsUnitDept cuts "区税务局货物和劳务税科" into the unit and its
// department: at the last end of a unit's name after which a
// department's name ends the text.
func smsUnitDept(s string) (unit, dept string) {
	best := -1
	for i := range s {
		for _, end := range smsUnitEnd {
			if strings.HasPrefix(s[i:], end) {
				j := i + len(end)
				rest := s[j:]
				if n := utf8.RuneCountInString(rest); n >= 2 && n <= 12 && hasAnySuffix(rest, smsDeptEnd) && j > best {
					best = j
				}
			}
		}
	}
	if best < 0 {
		return s, ""
	}
	return s[:best], s[best:]
}

// smsDuty writes a contact as a duty block (see slideDutyLines): the
// units, the hotlines, then each person with the unit and department in
// brackets and the person's phones; a 7-digit local number (the parser
// reads none without its area code) gets the one the series states.
func smsDuty(block, areaCode string) (string, []Unread) {
	cs, unread := smsEntries(block)
	for i := range cs {
		for _, ps := range []*[]string{&cs[i].phones, &cs[i].hotlines} {
			for j, p := range *ps {
				if smsLocal7.MatchString(p) {
					if areaCode == "" {
						unread = append(unread, Unread{Line: block, Why: "a 7-digit number and no area code stated: " + p})
						continue
					}
					(*ps)[j] = areaCode + "-" + p
				}
			}
		}
	}
	lcs := make([]listContact, len(cs))
	for i, c := range cs {
		lcs[i] = listContact{unit: c.unit, person: c.person, phones: c.phones, hotlines: c.hotlines}
	}
	return strings.Join(listDutyLines(lcs, smsUnitDept), "\n"), unread
}

// smsBetween reports whether a record other than a and b was sent after a
// and before b.
func smsBetween(sorted []*smsRecord, a, b *smsRecord) bool {
	for _, r := range sorted {
		if r != a && r != b && r.time > a.time && r.time < b.time {
			return true
		}
	}
	return false
}

// smsContactHolds reports whether the contact sentence sents[j] stands in
// its place: before the next measure's start in its SMS, or last before
// the SMS's end (an opt-out, no contact of its own).
func smsContactHolds(sents []string, j int, tail string, last bool) bool {
	if j+1 < len(sents) {
		return smsStart.MatchString(sents[j+1])
	}
	// One ended by 。 before the SMS's end went with that end (see
	// smsText); the export's last SMS has none after it.
	return last && !smsContactAt.MatchString(tail)
}

// smsOthers drops from m's contact the entries whose topic another
// measure's title names better than m's text does ("稳岗返还问…" under
// 第2条 when a copy moved 第3条 稳岗返还's start out of their SMS).
func smsOthers(m *smsMeasure, measures map[int]*smsMeasure) string {
	var keep []string
	for _, e := range strings.FieldsFunc(m.block, func(r rune) bool { return r == '；' || r == ';' }) {
		cs, _ := smsEntries(e)
		if len(cs) == 1 && cs[0].topic != "" {
			text := m.body
			if loc := smsContactAt.FindStringIndex(text); loc != nil {
				text = text[:loc[0]] // a contact's words name no topic of m's
			}
			own := sharedBigrams(cs[0].topic, m.title+text)
			other := false
			for _, o := range measures {
				if o != m && sharedBigrams(cs[0].topic, o.title) > own {
					other = true
				}
			}
			if other {
				continue
			}
		}
		keep = append(keep, e)
	}
	return strings.Join(keep, "；")
}
