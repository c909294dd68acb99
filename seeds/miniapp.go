package seeds

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may publish its measures in a WeChat mini-program (政务小程序),
// one 政策详情 page per measure, and a guide may reach the parser as the text
// a clerk copied out of it page by page ("select all → copy", pasted one
// after another):
//
//	9:41                         4G  87%        ← the phone's status bar
//	‹ 返回        某某惠企通        ···  ⊙      ← the capsule line (app name)
//	政策原文 | 政策解读 | 办事指南                ← the page's tabs
//	增值税留抵退税                               ← the page's title
//	#税费减免  #留抵退税                          ← chips
//	发布部门：…  发布日期：…  有效期至：2022-12-31
//	浏览 1.2万 · 收藏 356
//	政策内容 / 申报条件 / 办理流程 … with the body, 展开全文 ▼ part way
//	受理部门：…  联系人：…  咨询电话：点击拨打 0756-…   (in any order)
//	立即申办 >   在线咨询   ☎ 一键拨号   分享       ← buttons
//	相关推荐 + other measures' titles
//	— 已经到底了 —                               ← the page's end
//
// Measures are not numbered: each page is one (the n-th page read is
// measure n), but a page may hold two measures as blocks 【政策一】… /
// 【标题】 each with its own contact (the page's 有效期至 at the top is the
// first one's), a page may be pasted twice (the same title: one measure),
// a page may be cut off at the top (no status bar, no title: the text goes
// on after the previous page's end, and its title is among that page's
// 相关推荐), and a page with no tabs titled 服务说明 (使用说明, 关于…) frames
// the guide: its title, issuer, date, preface and the area code.
//
// miniAppText rewrites such a copy into the policy list normalizeFields
// reads (the shape smsText writes), the UI's chrome dropped: lines of the
// phone and the mini-program, and any short line repeating on most pages.
// A corrupted copy (cut at 。, pieces copied and moved) is first put back
// piece by piece (each piece once, at its last copy); the status bar's
// clock then orders the pages, and the text before a page's status bar in
// its piece (the end of a page: its contact) goes to the page before it in
// that order. Any other text comes back unchanged.
var (
	// maStatusBar is the phone's status bar: a clock (after the carrier
	// on some phones), then the network or the battery ("9:41   4G  87%",
	// "14:20 🔕   5G  52%", "中国移动 4G  8:57   92%").
	maStatusBar = regexp.MustCompile(`^[ \t　]*(?:(?:中国移动|中国联通|中国电信|中国广电)[ \t　]*(?:[2-5]G|HD)?[ \t　]+)?([0-2]?\d):([0-5]\d)(?:[ \t　].*)?(?:\d{1,3}[ \t　]*%|[2-5]G|WiFi|Wi-Fi|WIFI|LTE|📶|▮)`)
	// maCapsule is the mini-program's navigation line with the capsule
	// ("‹ 返回   某某惠企通   ···  ⊙"), or a part of it on its own line.
	maCapsule = regexp.MustCompile(`^[ \t　]*(?:[‹＜][ \t　]*(?:返回)?|<[ \t　]*返回|返回[ \t　]*$)|(?:···|•••|●●●|\.\.\.)[ \t　]*[|｜]?[ \t　]*[⊙◎○●⦿]`)
	// maCapsuleName is the app's name between the capsule's ends.
	maCapsuleName = regexp.MustCompile(`^[ \t　]*[‹＜<][ \t　]*(?:返回)?[ \t　]+(\S+?)[ \t　]*[⌄∨▾]?[ \t　]+(?:···|•••|●●●)`)
	// maFooter ends a page.
	maFooter = regexp.MustCompile(`^[ \t　]*[—\-─～~=·•]*[ \t　]*(?:已经到底了|已经到底啦|到底了|到底啦|没有更多了|没有更多内容了|我是有底线的|已加载全部)[ \t　]*[—\-─～~=·•]*[ \t　]*$`)
	// maTabs is the page's tab bar: short names parted by bars.
	maTabs = regexp.MustCompile(`^[ \t　]*\p{Han}{2,6}(?:[ \t　]*[|｜][ \t　]*\p{Han}{2,6}){1,5}[ \t　]*$`)
	// maStats counts the page's readers ("浏览 1.2万 · 收藏 356").
	maStats = regexp.MustCompile(`^[ \t　]*(?:浏览|阅读|浏览量|阅读量|访问)[ \t　]*[：:]?[ \t　]*[\d.]+[万wW+]?(?:[ \t　]*[·•|｜,，][ \t　]*(?:收藏|点赞|分享|转发|评论)[ \t　]*[：:]?[ \t　]*[\d.]+[万wW+]?)*[ \t　]*$`)
	// maExpand folds the page's text ("展开全文 ▼").
	maExpand = regexp.MustCompile(`^[ \t　]*(?:展开全文|展开全部|查看全文|阅读全文|展开更多|查看更多|收起全文|收起)[ \t　]*[▼▽∨⌄>›↓▾]?[ \t　]*$`)
	// maButtons is a line of buttons ("立即申办 >   在线咨询   ☎ 一键拨号").
	maButtons = regexp.MustCompile(`(?:立即申办|立即办理|我要办理|在线办理|在线申报|马上办|去办理|在线咨询|一键拨号|拨打电话|我要咨询)`)
	// maChips are the page's tags ("#稳岗就业  #社保").
	maChips = regexp.MustCompile(`^[ \t　]*#[^#\s]+(?:[ \t　]+#[^#\s]+)*[ \t　]*$`)
	// maRecommend opens the list of other measures' titles.
	maRecommend = regexp.MustCompile(`^[ \t　]*(?:相关推荐|猜你喜欢|相关政策|推荐阅读|热门推荐|相关阅读|你可能还想看)[ \t　]*[:：]?[ \t　]*$`)
	// maMeta is a page's publishing line.
	maMeta = regexp.MustCompile(`^[ \t　]*(发布部门|发布单位|发文单位|发文机关|来源|发布日期|发布时间|更新时间|有效期至|有效期|截止日期)[ \t　]*[：:][ \t　]*(.*)$`)
	// maBlock is a block's heading on a page holding two measures
	// ("【政策一】小规模纳税人免征增值税", "【一次性扩岗补助】").
	maBlock = regexp.MustCompile(`^[ \t　]*【([^】\n]{1,30})】[ \t　]*(.*)$`)
	// maHeadline is a tab's headline's tag, no block's heading.
	maHeadline = regexp.MustCompile(`^(?:政策解读|解读|图解|一图读懂|热点|置顶|推荐|最新|热门|原文|提示|温馨提示|注意)$`)
	// maOrdinal is a block heading that only counts ("政策一").
	maOrdinal = regexp.MustCompile(`^(?:政策|措施|事项|举措|第)?[一二三四五六七八九十\d]{1,3}(?:项|条)?$`)
	// maFrameTitle is the title of a page framing the guide.
	maFrameTitle = regexp.MustCompile(`^(?:服务说明|使用说明|填报说明|申报说明|说明|关于我们|关于本程序|前言|目录|写在前面)$`)
	// maUnitLine, maPersonLine and maPhoneLine are a contact's labelled
	// lines; a label may be numbered ("受理部门（一）：").
	maUnitLine   = regexp.MustCompile(`^[ \t　]*(?:受理部门|办理部门|咨询部门|受理单位|办理单位|承办单位|责任单位|责任部门|主管部门|经办部门|经办单位|服务窗口|办理窗口)(?:[（(][一二三四五六七八九十\d]{1,2}[）)])?[ \t　]*[：:][ \t　]*(.*)$`)
	maPersonLine = regexp.MustCompile(`^[ \t　]*(?:联系人|经办人|联络人)[ \t　]*[：:][ \t　]*(.*)$`)
	maPhoneLine  = regexp.MustCompile(`^[ \t　]*(?:咨询电话|联系电话|服务电话|办理电话|咨询热线|服务热线|联系方式|电话)[ \t　]*[：:][ \t　]*(.*)$`)
	// maHotline is a line telling the owner to call a hotline.
	maHotline = regexp.MustCompile(`(?:拨打|致电|热线|专线)[^0-9。]{0,12}?((?:12|9[56])\d{3}|0\d{2,3}-?\d{7,8}|\d{7,8})(?:\D|$)`)
	// maPhone is a phone in a contact's value.
	maPhone = regexp.MustCompile(`0\d{2,3}[-－—]?\d{7,8}|1[3-9]\d{9}|\d{7,8}|(?:12|9[56])\d{3}`)
	// maDial are the words a page puts before a phone to dial it.
	maDial = regexp.MustCompile(`(?:点击拨打|点击呼叫|一键拨号|立即拨打|拨打|☎|📞|复制)[ \t　]*`)
	// maPersonTail is a person after a unit's name on its line
	// ("区农业农村和水务局农村经济股  黄志勇").
	maPersonTail = regexp.MustCompile(`^(.+?)[ \t　]{2,}(\p{Han}{2,4})$`)
	// maPersonAfter is a person in brackets after a phone.
	maPersonAfter = regexp.MustCompile(`[（(](\p{Han}{2,4})[）)]`)
	maAside       = regexp.MustCompile(`[ \t　]*[（(][^（()）]*[）)][ \t　]*$`)
	maISODate     = regexp.MustCompile(`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$`)
	maLocal       = regexp.MustCompile(`^(0\d{2,3})[-－—](\d{7,8})$`)
)

// maKind is what a line of a page is.
type maKind int

const (
	maText maKind = iota
	maChrome
	maStatus
	maCapsuleLine
	maFooterLine
	maRecommendLine
	maChipLine
	maMetaLine
	maLabelLine
	maContactLine
	maBlockLine
)

// maContact is one contact of a measure as the page gives it.
type maContact = listContact

// maMeasure is one measure: a page, or a block of a page.
type maMeasure struct {
	title    string
	body     []string // lines: sentences, "label：…" fields
	until    string   // the page's 有效期至, written as a term
	contacts []maContact
	num      int
	// slot marks a measure its page's title names that a corrupted copy
	// left no words of: it keeps its number.
	slot    bool
	ordinal int // a block's ordinal (【政策二】: 2), 0 if none
}

// maPage is one page's lines, in the order read.
type maPage struct {
	time      int // minutes after midnight of its status bar, -1 if none
	lines     []string
	tail      []string // lines another page's piece put before its status bar
	headless  bool     // cut off at the top: no status bar, no title
	parent    *maPage  // a headless page's page before it
	order     int      // its place in the file
	recommend []string
}

// maLineKind classifies a trimmed line.
func maLineKind(t, app string) maKind {
	switch {
	case t == "":
		return maChrome
	case maStatusBar.MatchString(t):
		return maStatus
	case maCapsule.MatchString(t) || app != "" && t == app:
		return maCapsuleLine
	case maFooter.MatchString(t):
		return maFooterLine
	case maRecommend.MatchString(t):
		return maRecommendLine
	case maTabs.MatchString(t) && !strings.ContainsAny(t, "。，"), maStats.MatchString(t), maExpand.MatchString(t),
		t == "分享" || t == "收藏" || t == "返回顶部":
		return maChrome
	case maButtons.MatchString(t) && !strings.ContainsAny(t, "。，：:") && len(strings.Fields(t)) >= 2:
		return maChrome
	case maChips.MatchString(t):
		return maChipLine
	case maMeta.MatchString(t):
		return maMetaLine
	case maUnitLine.MatchString(t) || maPersonLine.MatchString(t) || maPhoneLine.MatchString(t):
		return maContactLine
	case maBlock.MatchString(t):
		return maBlockLine
	}
	if maLabel(t) != "" {
		return maLabelLine
	}
	if !strings.HasSuffix(t, "。") && utf8.RuneCountInString(t) <= 40 && maHotline.MatchString(t) {
		return maContactLine
	}
	return maText
}

// maLabel returns the field label a line holds alone ("申报条件"), or "".
func maLabel(t string) string {
	t = strings.TrimRight(t, "：: \t　")
	for _, l := range contentLabels {
		if t == l {
			return l
		}
	}
	for _, slot := range detailSlots {
		for _, l := range slot {
			if t == l {
				return l
			}
		}
	}
	switch t {
	case "政策解读", "政策原文", "办事指南", "政策简介", "支持标准", "补贴标准":
		return t
	}
	return ""
}

// maClock reads a status bar's clock in minutes, or -1.
func maClock(t string) int {
	m := maStatusBar.FindStringSubmatch(t)
	if m == nil {
		return -1
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	return h*60 + mi
}

// miniAppText: see above.
func miniAppText(text string) (string, []Unread, []Duplicate) {
	norm := strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	status, capsules, footers := 0, 0, 0
	app := ""
	for _, l := range strings.Split(norm, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case maStatusBar.MatchString(t):
			status++
		case maCapsule.MatchString(t):
			capsules++
			if m := maCapsuleName.FindStringSubmatch(t); m != nil && app == "" {
				app = m[1]
			}
		case maFooter.MatchString(t):
			footers++
		}
	}
	if status < 3 || capsules < 3 || footers < 3 {
		return text, nil, nil
	}
	var unread []Unread
	var dups []Duplicate

	// A corrupted copy's pieces, each kept once: at its last copy (the
	// copies stand ahead of their places). A clean copy keeps all: a
	// sentence two pages write alike stays on each.
	pieces := cutAfterStops(norm)
	last := map[string]int{}
	copies := 0
	for i, p := range pieces {
		k := stripSpace(p)
		if _, ok := last[k]; ok && k != "" {
			copies++
		}
		last[k] = i
	}
	corrupted := copies*10 >= len(pieces)
	var kept []string
	for i, p := range pieces {
		k := stripSpace(p)
		if corrupted && k != "" && last[k] != i {
			dups = append(dups, Duplicate{Sentence: k, Copies: 1})
			continue
		}
		kept = append(kept, p)
	}

	// Short lines written alike on most pages are the UI's (a button
	// bar, a share line): chrome, whatever words they hold.
	repeats := map[string]int{}
	for _, l := range strings.Split(norm, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.ContainsAny(t, "。，；：:") || utf8.RuneCountInString(t) > 30 {
			continue
		}
		repeats[maRepeatKey(t)]++
	}
	kind := func(t string) maKind {
		k := maLineKind(t, app)
		if k == maText && repeats[maRepeatKey(t)] >= 3 && repeats[maRepeatKey(t)]*2 >= status {
			return maChrome
		}
		return k
	}

	// The pages: a status bar (or a capsule line not under one) opens
	// one; the text before it in its piece is the end of the page before
	// it in time.
	var pages []*maPage
	var cur *maPage
	var head []string
	type tailAt struct {
		lines []string
		page  *maPage
	}
	var tails []tailAt
	// The copy's lines, each with the piece it starts in: a piece not
	// opening a line goes on with the line before it.
	type maLineAt struct {
		text  string
		piece int
	}
	var all0 []maLineAt
	for i, p := range kept {
		for j, l := range strings.Split(p, "\n") {
			if j == 0 && len(all0) > 0 {
				all0[len(all0)-1].text += l
				continue
			}
			all0 = append(all0, maLineAt{l, i})
		}
	}
	var pend []maLineAt
	texts := func(ls []maLineAt) []string {
		var out []string
		for _, l := range ls {
			out = append(out, l.text)
		}
		return out
	}
	for _, ln := range all0 {
		t := strings.TrimSpace(ln.text)
		k := kind(t)
		// A capsule line under a status bar (or under another part of
		// the capsule) goes on with the page the status bar opened.
		opens := k == maStatus
		if k == maCapsuleLine {
			var above []string
			if cur != nil {
				above = cur.lines
			}
			opens = !maCapsuleUnder(append(append([]string{}, above...), texts(pend)...), kind)
		}
		if !opens {
			pend = append(pend, ln)
			continue
		}
		np := &maPage{time: -1, order: len(pages)}
		if k == maStatus {
			np.time = maClock(t)
		}
		// The lines of the status bar's piece before it: the end of
		// the page before it in time.
		cut := len(pend)
		for cut > 0 && pend[cut-1].piece == ln.piece {
			cut--
		}
		if cur == nil {
			head = append(head, texts(pend[:cut])...)
		} else {
			cur.lines = append(cur.lines, texts(pend[:cut])...)
		}
		if cut < len(pend) {
			tails = append(tails, tailAt{texts(pend[cut:]), np})
		}
		pend = nil
		pages = append(pages, np)
		cur = np
		cur.lines = append(cur.lines, ln.text)
	}
	if cur == nil {
		head = append(head, texts(pend)...)
	} else {
		cur.lines = append(cur.lines, texts(pend)...)
	}
	if len(pages) < 3 {
		return text, nil, nil
	}

	// A page cut off at the top goes on after the page before it ends:
	// text after a page's end is its own page.
	var all []*maPage
	for _, pg := range pages {
		all = append(all, pg)
		end := -1
		for i, l := range pg.lines {
			if kind(strings.TrimSpace(l)) == maFooterLine {
				end = i
				break
			}
		}
		if end < 0 {
			continue
		}
		rest := pg.lines[end+1:]
		if !maHasText(rest, kind) {
			continue
		}
		pg.lines = pg.lines[:end+1]
		all = append(all, &maPage{time: pg.time, lines: rest, headless: true, parent: pg, order: pg.order})
	}

	// The pages in the order of their clocks where the clocks rise
	// through the copy (a corrupted copy moves a page's start), else as
	// read; a page cut off stays after its parent.
	rise, pairs := 0, 0
	prev := -1
	for _, pg := range pages {
		if pg.time < 0 {
			continue
		}
		if prev >= 0 {
			pairs++
			if pg.time >= prev {
				rise++
			}
		}
		prev = pg.time
	}
	if pairs > 0 && rise*5 >= pairs*4 {
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i], all[j]
			ta, tb := maSortTime(a), maSortTime(b)
			if ta != tb {
				return ta < tb
			}
			return maSortOrder(a) < maSortOrder(b)
		})
	}
	place := map[*maPage]int{}
	for i, pg := range all {
		place[pg] = i
	}
	for _, t := range tails {
		i := place[t.page]
		if i == 0 {
			head = append(head, t.lines...)
			continue
		}
		all[i-1].tail = append(all[i-1].tail, t.lines...)
	}
	for _, l := range head {
		if t := strings.TrimSpace(l); t != "" && kind(t) == maText {
			unread = append(unread, Unread{Line: Clip(t, 40), Why: "text before the first page of a mini-program copy"})
		}
	}

	// Each page read: the frame page, the measures.
	title, issuer, published, areaCode := "", "", "", ""
	var preamble []string
	var measures []*maMeasure
	byTitle := map[string]*maMeasure{}
	var titles []string
	prevRecommend := []string(nil)
	type pageRead struct {
		pg       *maPage
		ms       []*maMeasure
		frame    bool
		ptitle   string
		metaDate string
	}
	var reads []pageRead
	for _, pg := range all {
		lines := append(append([]string{}, pg.lines...), pg.tail...)
		r := maReadPage(lines, kind, pg.headless)
		pg.recommend = r.recommend
		if m := smsAreaCode.FindStringSubmatch(strings.Join(lines, "")); m != nil && areaCode == "" {
			areaCode = m[1] + m[2]
		}
		reads = append(reads, pageRead{pg: pg, ms: r.measures, frame: r.frame, ptitle: r.title, metaDate: r.published})
		if r.frame {
			if title == "" {
				title, issuer, published = r.guideTitle, r.issuer, r.published
				preamble = append(preamble, r.preamble...)
			}
			continue
		}
		if published == "" || r.published != "" && r.published < published && title == "" {
			published = r.published
		}
		unread = append(unread, r.unread...)
		for _, m := range r.measures {
			if m.title != "" {
				titles = append(titles, m.title)
			}
		}
	}
	for i := range reads {
		r := &reads[i]
		if r.frame {
			prevRecommend = nil
			continue
		}
		if r.pg.headless && len(r.ms) > 0 && r.ms[0].title == "" {
			// Its title is among the page before's recommendations: the
			// one no page is titled, closest to its text.
			best, bestN := "", 0
			text := strings.Join(r.ms[0].body, "")
			for _, c := range prevRecommend {
				if maHasTitle(titles, c) {
					continue
				}
				if n := sharedBigrams(c, text); n > bestN {
					best, bestN = c, n
				}
			}
			r.ms[0].title = best
		}
		prevRecommend = r.pg.recommend
		for _, m := range r.ms {
			if len(m.body) == 0 && len(m.contacts) == 0 && m.title == "" && !m.slot {
				continue
			}
			key := stripSpace(m.title)
			if p := byTitle[key]; key != "" && p != nil {
				// A page pasted twice: one measure, what it adds kept.
				have := map[string]bool{}
				for _, l := range p.body {
					have[stripSpace(l)] = true
				}
				for _, l := range m.body {
					if !have[stripSpace(l)] {
						p.body = append(p.body, l)
					}
				}
				if len(p.contacts) == 0 {
					p.contacts = m.contacts
				}
				if p.until == "" {
					p.until = m.until
				}
				dups = append(dups, Duplicate{Sentence: key, Copies: 1})
				continue
			}
			if key != "" {
				byTitle[key] = m
			}
			measures = append(measures, m)
		}
	}
	if len(measures) < 3 {
		return text, nil, nil
	}
	if title == "" && app != "" {
		title = app
	}

	// A number without its area code: the area code stated, else the
	// one every number written with one shares when those numbers are as
	// long (a city's local numbers have one length).
	local := areaCode
	if local == "" {
		codes, lens := map[string]bool{}, map[int]bool{}
		n := 0
		for _, m := range measures {
			for _, c := range m.contacts {
				for _, p := range append(append([]string{}, c.phones...), c.hotlines...) {
					if lm := maLocal.FindStringSubmatch(p); lm != nil {
						codes[lm[1]] = true
						lens[len(lm[2])] = true
						n++
					}
				}
			}
		}
		if len(codes) == 1 && len(lens) == 1 && n >= 3 {
			for c := range codes {
				local = c
			}
			if !lens[7] {
				local = ""
			}
		}
	}

	var b []string
	if title != "" {
		b = append(b, titleText(title))
	}
	if published != "" {
		b = append(b, "发布日期："+published)
	}
	if issuer != "" {
		b = append(b, "来源："+issuer+"。")
	}
	if len(preamble) > 0 {
		b = append(b, maPreamble(preamble))
	}
	if areaCode != "" {
		b = append(b, "联系电话未标注区号的，区号均为"+areaCode+"。")
	}
	said := map[string]bool{}
	for i, m := range measures {
		m.num = i + 1
		t := m.title
		if m.slot && t == "" && len(m.body) == 0 && len(m.contacts) == 0 {
			unread = append(unread, Unread{Line: strconv.Itoa(m.num), Why: "a measure its page's title counts, whose words a corrupted copy moved"})
			continue
		}
		if t == "" {
			unread = append(unread, Unread{Line: Clip(strings.Join(m.body, ""), 40), Why: "a page cut off at the top: no title found"})
		}
		b = append(b, strconv.Itoa(m.num)+". "+titleText(t))
		body := m.body
		if len(body) == 0 {
			body = []string{t}
		}
		first := true
		for _, l := range body {
			l = maNoNumber(l)
			// A sentence two pages write alike would read as a corrupted
			// copy's: it stays with the first (a measure keeps its own
			// first sentence).
			var keep []string
			for j, sent := range cutAfterStops(l) {
				k := stripSpace(sent)
				if said[k] && utf8.RuneCountInString(k) < 60 && !(first && j == 0) {
					continue
				}
				said[k] = true
				keep = append(keep, sent)
			}
			if l = strings.Join(keep, ""); strings.TrimSpace(l) == "" {
				continue
			}
			if first {
				if _, lab := maSplitLabel(l); lab == "" {
					l = "政策内容：" + l
				}
				first = false
			}
			b = append(b, ended(l))
		}
		if m.until != "" {
			b = append(b, "有效期："+m.until)
		}
		d, ur := maDuty(m.contacts, local)
		unread = append(unread, ur...)
		if d != "" {
			b = append(b, d)
		}
	}
	return strings.Join(b, "\n"), unread, dups
}

// maRepeatKey is a short line's shape: digits and spaces aside.
func maRepeatKey(t string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return '0'
		case r == ' ' || r == '\t' || r == '　':
			return -1
		}
		return r
	}, t)
}

// maCapsuleUnder reports whether the last non-blank line is a status bar
// or a capsule part: a capsule line then continues the page's opening.
func maCapsuleUnder(lines []string, kind func(string) maKind) bool {
	for i := len(lines) - 1; i >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		k := kind(t)
		return k == maStatus || k == maCapsuleLine
	}
	return false
}

// maHasText reports whether lines hold a measure's words.
func maHasText(lines []string, kind func(string) maKind) bool {
	for _, l := range lines {
		switch kind(strings.TrimSpace(l)) {
		case maText, maContactLine, maLabelLine, maBlockLine:
			return true
		}
	}
	return false
}

func maSortTime(p *maPage) int {
	if p.parent != nil {
		return maSortTime(p.parent)
	}
	return p.time
}

// maSortOrder keeps a headless page right after its parent.
func maSortOrder(p *maPage) int {
	if p.parent != nil {
		return maSortOrder(p.parent)*2 + 1
	}
	return p.order * 2
}

// maHasTitle reports whether a page is titled t.
func maHasTitle(titles []string, t string) bool {
	k := stripSpace(t)
	for _, x := range titles {
		if stripSpace(x) == k {
			return true
		}
	}
	return false
}

// maPageRead is what one page gives.
type maPageRead struct {
	title      string
	frame      bool
	guideTitle string
	issuer     string
	published  string
	preamble   []string
	measures   []*maMeasure
	recommend  []string
	unread     []Unread
}

// maReadPage reads one page's lines (chrome included).
func maReadPage(lines []string, kind func(string) maKind, headless bool) maPageRead {
	var r maPageRead
	tabs := false
	until := ""
	type item struct {
		k maKind
		t string
	}
	var items []item
	inRecommend := false
	var split []string
	for _, l := range lines {
		split = append(split, maGlued(strings.TrimSpace(l))...)
	}
	for _, t := range split {
		k := kind(t)
		if k == maChrome && maTabs.MatchString(t) {
			tabs = true
		}
		switch k {
		case maChrome, maStatus, maCapsuleLine, maChipLine:
			continue
		case maFooterLine:
			inRecommend = false
			continue
		case maRecommendLine:
			inRecommend = true
			continue
		}
		if inRecommend {
			if k == maText && !strings.HasSuffix(t, "。") {
				r.recommend = append(r.recommend, t)
				continue
			}
			inRecommend = false
		}
		items = append(items, item{k, t})
	}
	// The title: the first line of words on a page not cut off.
	start := 0
	if !headless {
		for i, it := range items {
			if it.k == maText || it.k == maBlockLine || it.k == maLabelLine {
				r.title = it.t
				start = i + 1
				break
			}
		}
	}
	items = items[start:]
	units := ""
	for _, it := range items {
		if it.k != maMetaLine {
			continue
		}
		m := maMeta.FindStringSubmatch(it.t)
		switch v := strings.TrimSpace(m[2]); m[1] {
		case "发布部门", "发布单位", "发文单位", "发文机关", "来源":
			units = v
		case "发布日期", "发布时间", "更新时间":
			if d := maISODate.FindStringSubmatch(v); d != nil {
				r.published = d[1] + "-" + pad2(d[2]) + "-" + pad2(d[3])
			}
		case "有效期至", "有效期", "截止日期":
			if d := maISODate.FindStringSubmatch(v); d != nil {
				until = "至" + d[1] + "年" + strings.TrimLeft(d[2], "0") + "月" + strings.TrimLeft(d[3], "0") + "日"
			} else if v != "" {
				until = v
			}
		}
	}
	hasContact := false
	for _, it := range items {
		if it.k == maContactLine {
			hasContact = true
		}
	}
	if !headless && !tabs && !hasContact && until == "" && maFrameTitle.MatchString(stripSpace(r.title)) {
		// The page framing the guide: its first line is the guide's
		// title, the rest its preface.
		r.frame = true
		r.issuer = units
		for _, it := range items {
			switch {
			case it.k == maMetaLine:
			case r.guideTitle == "" && it.k == maText && !strings.HasSuffix(it.t, "。"):
				r.guideTitle = it.t
			default:
				r.preamble = append(r.preamble, it.t)
			}
		}
		return r
	}
	// Blocks: two or more 【…】 headings that are no tab's headline
	// (【政策解读】…).
	var blockAt []int
	for i, it := range items {
		if it.k == maBlockLine && !maHeadline.MatchString(maBlock.FindStringSubmatch(it.t)[1]) {
			blockAt = append(blockAt, i)
		}
	}
	// A page whose title names several measures ("甲 / 乙", "…（两项）")
	// holds as many: one heading a corrupted copy left on it is a block.
	want, parts := maTitleCount(r.title)
	blocks := len(blockAt) >= 2 || len(blockAt) == 1 && want >= 2 && !headless
	cur := &maMeasure{title: r.title, until: until}
	if blocks {
		cur.title = ""
	}
	r.measures = append(r.measures, cur)
	label := ""
	var labelled []string
	flush := func() {
		if label != "" {
			if len(labelled) > 0 {
				cur.body = append(cur.body, label+"："+strings.Join(labelled, ""))
			}
			label, labelled = "", nil
		}
	}
	var c *maContact
	contactDone := false
	for i, it := range items {
		switch it.k {
		case maMetaLine:
			continue
		case maBlockLine:
			if blocks && len(blockAt) > 0 && i >= blockAt[0] && maContainsInt(blockAt, i) {
				flush()
				m := maBlock.FindStringSubmatch(it.t)
				bt := strings.TrimSpace(m[2])
				if !maOrdinal.MatchString(m[1]) && bt == "" {
					bt = m[1]
				} else if bt == "" {
					bt = m[1]
				}
				ord := 0
				if maOrdinal.MatchString(m[1]) {
					ord = ParseNumeral(maOrdinalNum.FindString(m[1]))
				}
				if i == blockAt[0] && cur.title == "" && len(cur.contacts) == 0 && len(cur.body) == 0 {
					cur.title, cur.ordinal = bt, ord
				} else {
					cur = &maMeasure{title: bt, ordinal: ord}
					r.measures = append(r.measures, cur)
				}
				c, contactDone = nil, false
				continue
			}
			// A headline (【政策解读】一图读懂：…): the tab's teaser, no
			// words of the measure. Another block's heading on a page
			// of one measure came with a corrupted copy's moved piece:
			// reported.
			if m := maBlock.FindStringSubmatch(it.t); !maHeadline.MatchString(m[1]) {
				r.unread = append(r.unread, Unread{Line: Clip(it.t, 40), Why: "a block's heading on a page of one measure"})
			}
			continue
		case maLabelLine:
			flush()
			l := maLabel(it.t)
			for _, cl := range contentLabels {
				if l == cl {
					l = ""
				}
			}
			label = l
			continue
		case maContactLine:
			flush()
			c, contactDone = maReadContact(it.t, cur, c, contactDone)
			continue
		}
		if c != nil {
			// Words after a contact: another block's, or the page's;
			// they open no contact of their own.
			contactDone = true
		}
		if label != "" {
			labelled = append(labelled, it.t)
			continue
		}
		cur.body = append(cur.body, it.t)
	}
	flush()
	if blocks && want > len(r.measures) {
		r.measures = maSlots(r.measures, want, parts)
	}
	for _, m := range r.measures {
		if len(m.contacts) == 0 && len(m.body) == 0 {
			continue
		}
		if m.title == "" && !headless {
			r.unread = append(r.unread, Unread{Line: Clip(strings.Join(m.body, ""), 40), Why: "a mini-program page with no title"})
		}
	}
	return r
}

func maContainsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// maReadContact reads a contact line into the measure's contacts, whose
// lines come in any order: a unit, a person or a phone opens a contact
// where the open one has its own already.
func maReadContact(t string, m *maMeasure, c *maContact, done bool) (*maContact, bool) {
	open := func() *maContact {
		m.contacts = append(m.contacts, maContact{})
		return &m.contacts[len(m.contacts)-1]
	}
	if c != nil {
		// m.contacts may have grown: c points into it.
		c = &m.contacts[len(m.contacts)-1]
	}
	switch {
	case maUnitLine.MatchString(t):
		v := strings.TrimSpace(maUnitLine.FindStringSubmatch(t)[1])
		if c == nil || c.unit != "" || done {
			c = open()
		}
		if pm := maPersonTail.FindStringSubmatch(v); pm != nil && !hasAnySuffix(pm[2], departmentSuffixes) {
			v, c.person = pm[1], pm[2]
		}
		for {
			s := maAside.ReplaceAllString(v, "")
			if s == v {
				break
			}
			v = s
		}
		c.unit = strings.TrimSpace(v)
	case maPersonLine.MatchString(t):
		v := strings.TrimSpace(maPersonLine.FindStringSubmatch(t)[1])
		if c == nil || c.person != "" || done {
			c = open()
			if len(m.contacts) > 1 {
				c.unit = m.contacts[len(m.contacts)-2].unit
			}
		}
		ps := maPhones(v)
		for _, p := range ps {
			v = strings.ReplaceAll(v, p, "")
		}
		c.person = strings.Trim(maDial.ReplaceAllString(v, ""), " \t　，,、：:")
		c.phones = AppendNew(c.phones, ps...)
	case maPhoneLine.MatchString(t):
		v := strings.TrimSpace(maPhoneLine.FindStringSubmatch(t)[1])
		ps := maPhones(v)
		if c == nil || len(c.phones) > 0 && c.person != "" || done {
			c = open()
		}
		if pm := maPersonAfter.FindStringSubmatch(maDial.ReplaceAllString(v, "")); pm != nil && c.person == "" {
			c.person = pm[1]
		}
		for _, p := range ps {
			if c.person == "" && maIsHotline(p) {
				c.hotlines = AppendNew(c.hotlines, p)
			} else {
				c.phones = AppendNew(c.phones, p)
			}
		}
	default:
		// A hotline to call besides ("（也可拨打纳税服务热线12366）").
		ps := []string{}
		for _, h := range maHotline.FindAllStringSubmatch(t, -1) {
			ps = AppendNew(ps, h[1])
		}
		if c == nil {
			c = open()
		}
		c.hotlines = AppendNew(c.hotlines, ps...)
	}
	return c, false
}

// maIsHotline reports whether p is a service hotline (12345, 95598).
func maIsHotline(p string) bool {
	return len(p) == 5 && (strings.HasPrefix(p, "12") || strings.HasPrefix(p, "95") || strings.HasPrefix(p, "96"))
}

// maPhones finds the phones in a contact's value: numbers standing alone.
func maPhones(v string) []string {
	v = maDial.ReplaceAllString(v, "")
	var out []string
	for _, loc := range maPhone.FindAllStringIndex(v, -1) {
		if loc[0] > 0 && isDigitByte(v[loc[0]-1]) || loc[1] < len(v) && isDigitByte(v[loc[1]]) {
			continue
		}
		p := strings.NewReplacer("－", "-", "—", "-").Replace(v[loc[0]:loc[1]])
		out = AppendNew(out, p)
	}
	return out
}

// maDuty writes a measure's contacts as a duty block (see smsDuty): the
// units, the hotlines, then each person with the unit and department in
// brackets and the person's phones; a local number without its area code
// gets local's.
func maDuty(cs []maContact, local string) (string, []Unread) {
	var unread []Unread
	fix := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			if smsLocal7.MatchString(p) {
				if local == "" {
					unread = append(unread, Unread{Line: p, Why: "a 7-digit number and no area code stated"})
					continue
				}
				p = local + "-" + p
			}
			out = append(out, p)
		}
		return out
	}
	for i := range cs {
		cs[i].phones, cs[i].hotlines = fix(cs[i].phones), fix(cs[i].hotlines)
	}
	return strings.Join(listDutyLines(cs, maUnitDept), "\n"), unread
}

// maSplitLabel returns a field line's label, or "".
func maSplitLabel(l string) (string, string) {
	for _, slot := range detailSlots {
		for _, lab := range slot {
			if rest, ok := strings.CutPrefix(l, lab+"："); ok {
				return rest, lab
			}
		}
	}
	return l, ""
}

// maStepNumber is a numbered point at a line's start ("1.各项政策…").
var maStepNumber = regexp.MustCompile(`^(\d{1,2})[.．、]\s*`)

// maNoNumber writes a point numbered "1." at a line's start as "（1）"
// inside the line: a page's numbered points are no measures.
func maNoNumber(l string) string {
	if m := maStepNumber.FindStringSubmatch(l); m != nil {
		return "第" + m[1] + "点，" + l[len(m[0]):]
	}
	return l
}

// maPreamble joins the frame page's lines into one, its points kept
// inside it.
func maPreamble(lines []string) string {
	var out []string
	for _, l := range lines {
		out = append(out, maNoNumber(l))
	}
	return strings.Join(out, "")
}

// maUnitDept cuts "区人社局社会保险股" into the unit and its department:
// at the first end of a unit's name after which a department's name (or a
// hall: 营业厅) ends
// the text and no 局 stands in it (the last such end would cut
// 区人社局社会|保险股, the first 区人力资源和社会|保障局就业促进股).
func maUnitDept(s string) (unit, dept string) {
	for i := range s {
		for _, end := range smsUnitEnd {
			if strings.HasPrefix(s[i:], end) {
				j := i + len(end)
				rest := s[j:]
				if n := utf8.RuneCountInString(rest); n >= 2 && n <= 12 && (hasAnySuffix(rest, smsDeptEnd) || strings.HasSuffix(rest, "厅")) && !strings.Contains(rest, "局") {
					return s[:j], rest
				}
			}
		}
	}
	return s, ""
}

// maGluedStep is a field's label glued to its first numbered point
// ("申请材料1.身份证…": a corrupted copy drops the line break before a
// line opening with a number).
var maGluedStep = regexp.MustCompile(`^(\p{Han}{2,6}?)[：:]?((?:\d{1,2}[.．、]|[①-⑳])\S.*)$`)

// maGlued returns a line as the lines it holds: a label glued to its
// first point is two.
func maGlued(t string) []string {
	if m := maGluedStep.FindStringSubmatch(t); m != nil && maLabel(m[1]) != "" {
		return []string{m[1], m[2]}
	}
	return []string{t}
}

// maTitleSep and maTitleCountRe read how many measures a page's title
// names: parts parted by a slash, or a count "（两项）".
var (
	maTitleSep     = regexp.MustCompile(`[ \t　]*[/／][ \t　]*`)
	maTitleCountRe = regexp.MustCompile(`[（(]?([两二三四])项[）)]?$`)
	maOrdinalNum   = regexp.MustCompile(`[一二三四五六七八九十\d]+`)
)

// maTitleCount returns how many measures a page's title names, and their
// titles where it writes them.
func maTitleCount(title string) (int, []string) {
	if parts := maTitleSep.Split(strings.TrimSpace(title), -1); len(parts) >= 2 && len(parts) <= 4 {
		return len(parts), parts
	}
	if m := maTitleCountRe.FindStringSubmatch(title); m != nil {
		return ParseNumeral(strings.Replace(m[1], "两", "二", 1)), nil
	}
	return 1, nil
}

// maSlots puts a page's measures in the places its title counts: a
// block by its ordinal (【政策二】) or the title part it shares most with,
// the words before the first block first; a place no measure takes is a
// slot keeping its number (titled where the title writes it).
func maSlots(ms []*maMeasure, want int, parts []string) []*maMeasure {
	out := make([]*maMeasure, want)
	var rest []*maMeasure
	for _, m := range ms {
		i := -1
		if m.ordinal > 0 && m.ordinal <= want {
			i = m.ordinal - 1
		} else if len(parts) == want && m.title != "" {
			best := 0
			for j, p := range parts {
				if n := sharedBigrams(p, m.title); n > best && out[j] == nil {
					i, best = j, n
				}
			}
		}
		if i >= 0 && out[i] == nil {
			out[i] = m
		} else {
			rest = append(rest, m)
		}
	}
	for _, m := range rest {
		if len(m.body) == 0 && len(m.contacts) == 0 && m.title == "" {
			continue
		}
		for i := range out {
			if out[i] == nil {
				out[i] = m
				break
			}
		}
	}
	for i := range out {
		if out[i] == nil {
			out[i] = &maMeasure{slot: true}
			if len(parts) == want {
				out[i].title = parts[i]
			}
		}
	}
	return out
}
