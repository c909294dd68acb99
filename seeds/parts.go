package seeds

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The 服务包 grouped by department (see partlayouts.go): a part heading
// names a unit and, in brackets or on the line under it, its contact.

var (
	// partHead is a part heading: a numeral, a unit, and a bracket with a
	// contact label (or none: the contact then is on the next line).
	partHead = regexp.MustCompile(`(?m)^[ \t　]*([` + numeralChars + `]+)、([^\n（(【]{2,24}?)((?:[（(][一二三四五六七八九十]{1,2}[）)])?)(?:[（(]((?:联系人|咨询电话|联系电话|服务热线|咨询热线|电话)[：:][^\n]*)[）)])?[ \t　]*$`)
	// partMeasure is a measure numbered in its part, "2.【标题】", at a
	// line's start or right after the sentence or bracket before it (a
	// scrambled copy loses line breaks).
	partMeasure   = regexp.MustCompile(`(^|\n|[。）)])[ \t　]*(\d{1,2})[.．、][ \t　]*【([^【】\n]{1,40})】`)
	deptPartLabel = regexp.MustCompile(`(?:联系人|咨询电话|联系电话|服务热线|咨询热线|电话|咨询方式|联系方式)[：:]`)
	partOwn       = regexp.MustCompile(`具体咨询[：:][ \t　]*([^\n。]+?)[ \t　]*(?:\n|$)`)
	// partTrailer is a measure's own closing bracket in a part of mixed
	// units: "（区应急局，联系人：…，电话：…）".
	partTrailer = regexp.MustCompile(`[（(]([^（）()\n，,：:]{2,20})[，,](联系人[：:][^（）()\n]*)[）)]`)
	partConsult = regexp.MustCompile(`^[ \t　]*(?:咨询方式|联系方式)[：:][ \t　]*(.+)$`)
	// partBracketLine is a part heading's contact bracket left alone on
	// its line (a scrambled copy lost the heading's words before it).
	partBracketLine = regexp.MustCompile(`^[ \t　]*[（(]((?:联系人|咨询电话|联系电话|服务热线|咨询热线)[：:][^\n（）()]*)[）)][ \t　]*$`)
	nameToken       = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// partHeadGlued is a part heading inside a line: after a sentence, a
	// bracket or a phone, before a measure's number or a contact line.
	partHeadGlued = regexp.MustCompile(`(?m)(^|[。）)]|\d)[ \t　]*([一二三四五六七八九十]{1,3}、[^\n（(【。，]{2,24}?(?:[（(][一二三四五六七八九十]{1,2}[）)])?(?:[（(](?:联系人|咨询电话|联系电话|服务热线|咨询热线|电话)[：:][^\n（）()]*[）)])?)[ \t　\n]*(\d{1,2}[.．、][ \t　]*【|咨询方式|联系方式)`)
	// partAfterPhone is a measure's number glued to the phone before it
	// (a part has fewer than ten measures: the last digit is the number).
	partAfterPhone = regexp.MustCompile(`(\d{5,})(\d)([.．、][ \t　]*【)`)
)

// partContact is one unit–people–phones contact of a part or measure.
type partContact struct {
	unit, dept string
	people     []string
	phones     []string
}

func (c partContact) lines() []string {
	u := strings.TrimSpace(c.unit + " " + c.dept)
	var out []string
	if u != "" {
		out = append(out, "责任单位："+u)
	}
	if len(c.people) > 0 {
		out = append(out, "联系人："+strings.Join(c.people, "、"))
	}
	if len(c.phones) > 0 {
		out = append(out, "联系电话："+strings.Join(c.phones, "、"))
	}
	return out
}

// readPartContacts reads a contact bracket's or line's persons and phones
// for unit: "联系人：甲、乙，咨询电话：P1、P2" pairs them by order, "联系人：
// 甲，咨询电话：P1；乙，P2" one pair a segment, a hotline alone no person,
// "登记注册科　徐某　P" a department, a person and a phone.
func readPartContacts(unit, s string) []partContact {
	var people, phones []string
	dept := ""
	for _, seg := range strings.FieldsFunc(deptPartLabel.ReplaceAllString(s, " "), func(r rune) bool {
		return strings.ContainsRune(" \t　，,、；;", r)
	}) {
		switch {
		case phoneIn.FindString(seg) == seg:
			phones = append(phones, seg)
		case officeCell.MatchString(seg) && dept == "" && len(people) == 0:
			dept = seg
		case nameToken.MatchString(seg):
			people = append(people, seg)
		}
	}
	if len(people) > 1 && len(people) == len(phones) {
		var out []partContact
		for i := range people {
			out = append(out, partContact{unit: unit, dept: dept, people: people[i : i+1], phones: phones[i : i+1]})
		}
		return out
	}
	if len(people) == 0 && len(phones) == 0 {
		return nil
	}
	return []partContact{{unit: unit, dept: dept, people: people, phones: phones}}
}

// readOwnContact reads "unit person phone" (具体咨询) or a closing
// bracket's "unit，联系人：…，电话：…".
func readOwnContact(s string) []partContact {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \t　，,", r) })
	if len(f) == 0 {
		return nil
	}
	return readPartContacts(f[0], strings.Join(f[1:], " "))
}

// part is a part heading's place and what it gives its measures.
type part struct {
	at       int    // byte offset of the heading
	num      int    // its numeral
	title    string // the heading without its numeral and contact
	unit     string
	contacts []partContact
}

// normalizeParts rewrites a guide grouped by department (see
// partlayouts.go): at least three part headings, measures "N.【…】"
// numbered anew in some part.
func normalizeParts(original string) string {
	// A scrambled copy glues a heading to the sentence before it and the
	// first measure to the heading, and a measure's number to the phone
	// ending the measure before: they go back on lines of their own.
	text := partHeadGlued.ReplaceAllString(original, "$1\n$2\n$3")
	text = partAfterPhone.ReplaceAllString(text, "$1\n$2$3")
	heads := partHead.FindAllStringSubmatchIndex(text, -1)
	if len(heads) < 3 {
		return original
	}
	text = pageHead(text[:heads[0][0]]) + text[heads[0][0]:]
	heads = partHead.FindAllStringSubmatchIndex(text, -1)
	var parts []part
	withContact := 0
	for _, h := range heads {
		unit := strings.TrimSpace(text[h[4]:h[5]])
		p := part{at: h[0], num: ParseNumeral(text[h[2]:h[3]]), unit: unit, title: unit + text[h[6]:h[7]]}
		if h[8] >= 0 {
			p.contacts = readPartContacts(unit, text[h[8]:h[9]])
			withContact++
		} else {
			// The contact on the line under the heading.
			line, _, _ := strings.Cut(strings.TrimLeft(text[h[1]:], "\n"), "\n")
			if m := partConsult.FindStringSubmatch(line); m != nil {
				p.contacts = readPartContacts(unit, m[1])
				withContact++
			}
		}
		parts = append(parts, p)
	}
	starts := partMeasure.FindAllStringSubmatchIndex(text, -1)
	if withContact < 2 || len(starts) < 3 || !restarts(text, starts) {
		return original
	}
	number, partContacts, partOfNumber := numberParts(text, parts, starts)
	// A measure's original is its last place: a scrambled copy's
	// duplicates stand before it.
	lastAt := map[string]int{}
	for i, s := range starts {
		lastAt[text[s[6]:s[7]]] = i
	}
	// A measure's own contact (具体咨询, or its closing bracket in a part
	// of mixed units) is a sentence of its own after the measure's, so a
	// scrambled copy moves it apart from its measure; the sentence holds
	// the next measure's start, though: the contact is the measure
	// numbered one below that one. Else it is the measure it stands after.
	titleOf := map[int]string{}
	for t, n := range number {
		titleOf[n] = t
	}
	ownText := map[string]string{} // the contact as written → its measure
	ownOf := map[string][]partContact{}
	ownSure := map[string]bool{}
	for i, s := range starts {
		end := measureEnd(text, parts, starts, i)
		body := text[s[1]:end]
		raw, cs := ownContact(body)
		if cs == nil {
			continue
		}
		owner, sure := text[s[6]:s[7]], false
		k := strings.Index(body, raw) + len(raw)
		if strings.TrimSpace(body[k:]) == "" && i+1 < len(starts) && end == starts[i+1][0]+len(text[starts[i+1][2]:starts[i+1][3]]) {
			if n, ok := number[text[starts[i+1][6]:starts[i+1][7]]]; ok && titleOf[n-1] != "" {
				owner, sure = titleOf[n-1], true
			}
		}
		if sure || !ownSure[raw] {
			ownText[raw], ownSure[raw], ownOf[raw] = owner, sure, cs
		}
	}
	own := map[string][]partContact{}
	for raw, title := range ownText {
		own[title] = ownOf[raw]
	}
	// The guide is written again in its order: the text before the
	// first part, then each part's heading and its measures by number,
	// each with its text (what stood after its original up to the next
	// measure or heading) and contact lines; what stood elsewhere (a
	// copy's further sentences, text under a heading, the closing lines)
	// follows at the end, to be placed by content. A copy's duplicate of
	// a measure's first sentence stands before the measures, where the
	// parser finds and drops it: in place it would take the contact
	// lines after it to the measure before.
	type written struct {
		title, body string
		contacts    []partContact
	}
	byNumber := map[int]written{}
	var loose, copies []string
	first := len(text)
	if len(parts) > 0 {
		first = parts[0].at
	}
	first = min(first, starts[0][0]+len(text[starts[0][2]:starts[0][3]]))
	preamble := text[:first]
	for i, s := range starts {
		title := text[s[6]:s[7]]
		end := measureEnd(text, parts, starts, i)
		body, _ := cutOwnContact(text[s[1]:end])
		body = dropConsultLines(body)
		g, ok := number[title]
		if lastAt[title] != i || !ok {
			if !ok && lastAt[title] == i {
				loose = append(loose, "【"+title+"】"+body)
			} else if k := strings.Index(body, "。"); k >= 0 {
				// The duplicate stays a sentence of its own, without its
				// number, for the parser to find and drop as a copy.
				copies = append(copies, strconv.Itoa(g)+"．【"+title+"】"+strings.TrimSpace(body[:k+len("。")]))
				loose = append(loose, body[k+len("。"):])
			}
			continue
		}
		// What follows a blank line (a closing 附件 line, the date) is
		// not the measure's.
		if k := strings.IndexFunc(body, func(r rune) bool { return !strings.ContainsRune("\n \t　", r) }); k >= 0 {
			if j := strings.Index(body[k:], "\n\n"); j >= 0 {
				loose = append(loose, body[k+j:])
				body = body[:k+j]
			}
		}
		cs := own[title]
		if cs == nil {
			cs = partContacts[title]
		}
		byNumber[g] = written{title, strings.TrimSpace(body), cs}
	}
	// Text after a heading, before its first measure (its contact line
	// aside).
	for _, p := range parts {
		from := len(text)
		if k := strings.Index(text[p.at:], "\n"); k >= 0 {
			from = p.at + k + 1
		}
		to := len(text)
		for _, s := range starts {
			if s[4] >= from {
				to = min(to, s[4])
				break
			}
		}
		for _, q := range parts {
			if q.at >= from {
				to = min(to, q.at)
				break
			}
		}
		if from >= to {
			continue
		}
		for _, l := range strings.Split(text[from:to], "\n") {
			if strings.TrimSpace(l) != "" && !partConsult.MatchString(l) {
				loose = append(loose, l)
			}
		}
	}
	heading := map[int]string{}
	for _, p := range parts {
		if heading[p.num] == "" {
			heading[p.num] = Numeral(p.num) + "、" + p.title
		}
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(preamble, "\n \t　") + "\n")
	// The duplicates stand before the measures, as the scrambler puts
	// them; after the last measure they would read as a lost measure's.
	for _, l := range copies {
		b.WriteString("\n" + l + "\n")
	}
	nums := slices.Sorted(maps.Keys(byNumber))
	lastPart := 0
	for _, g := range nums {
		w := byNumber[g]
		if p := partOfNumber[w.title]; p != lastPart {
			if h := heading[p]; h != "" {
				b.WriteString("\n" + h + "\n")
			}
			lastPart = p
		}
		b.WriteString("\n" + strconv.Itoa(g) + "．【" + w.title + "】" + w.body)
		for _, c := range w.contacts {
			b.WriteString("\n" + strings.Join(c.lines(), "\n"))
		}
		b.WriteString("\n")
	}
	for _, l := range loose {
		if l = strings.TrimSpace(l); l != "" {
			b.WriteString("\n" + l + "\n")
		}
	}
	return b.String()
}

// restarts reports whether the measures' local numbers start again at 1
// after a higher one at least once.
func restarts(text string, starts [][]int) bool {
	prev := 0
	for _, s := range starts {
		n, _ := strconv.Atoi(text[s[4]:s[5]])
		if n == 1 && prev > 1 {
			return true
		}
		prev = n
	}
	return false
}

// measureEnd is where the i-th measure start's text ends: at the next
// start's number or the next part heading.
func measureEnd(text string, parts []part, starts [][]int, i int) int {
	end := len(text)
	if i+1 < len(starts) {
		end = starts[i+1][0] + len(text[starts[i+1][2]:starts[i+1][3]])
	}
	for _, p := range parts {
		if p.at > starts[i][1] && p.at < end {
			end = p.at
		}
	}
	return end
}

// cutOwnContact cuts a measure's own contact (see ownContact) out of
// its text.
func cutOwnContact(body string) (string, []partContact) {
	if m := partOwn.FindStringSubmatchIndex(body); m != nil {
		return body[:m[0]] + body[m[1]:], readOwnContact(body[m[2]:m[3]])
	}
	if m := partTrailer.FindStringSubmatchIndex(body); m != nil {
		return body[:m[0]] + body[m[1]:], readOwnContact(body[m[2]:m[3]] + " " + body[m[4]:m[5]])
	}
	return body, nil
}

// ownContact finds a measure's own contact in its text, as written and
// as read.
func ownContact(body string) (string, []partContact) {
	if m := partOwn.FindStringSubmatchIndex(body); m != nil {
		return body[m[0]:m[1]], readOwnContact(body[m[2]:m[3]])
	}
	if m := partTrailer.FindStringSubmatchIndex(body); m != nil {
		return body[m[0]:m[1]], readOwnContact(body[m[2]:m[3]] + " " + body[m[4]:m[5]])
	}
	return "", nil
}

// numberParts numbers the measures through the document: a measure is
// its part's offset plus its number in the part. A scrambled copy
// repeats sentences early, moves a few and loses a heading and a
// measure's start, so only each heading's and measure's last place (its
// original) is read, and only the headings whose numerals rise through
// the text mark regions. In a region, the measures numbered 1, 2, 3, … in
// order are its part's; a 1 starting again is a part whose heading was
// lost, if a numeral is missing between the region's and the next one's;
// other measures (moved ones) stay unnumbered. A heading out of order
// (moved with its first measure) gives its part the 1 right after it. A
// part's size is its highest number; each measure takes its part's
// contacts (none for a part whose heading was lost).
func numberParts(text string, parts []part, starts [][]int) (map[string]int, map[string][]partContact, map[string]int) {
	type tok struct {
		at, head, start int
	}
	local := func(i int) int { n, _ := strconv.Atoi(text[starts[i][4]:starts[i][5]]); return n }
	title := func(i int) string { return text[starts[i][6]:starts[i][7]] }
	contacts := map[int][]partContact{}
	maxNum := 0
	lastHead, lastStart := map[int]int{}, map[string]int{}
	for i, p := range parts {
		lastHead[p.num] = i
		maxNum = max(maxNum, p.num)
		if contacts[p.num] == nil {
			contacts[p.num] = p.contacts
		}
	}
	for i := range starts {
		lastStart[title(i)] = i
	}
	var toks []tok
	for num, i := range lastHead {
		_ = num
		toks = append(toks, tok{parts[i].at, i, -1})
	}
	for _, i := range lastStart {
		toks = append(toks, tok{starts[i][0], -1, i})
	}
	slices.SortFunc(toks, func(a, b tok) int { return a.at - b.at })
	// The headings in order: the longest run of rising numerals.
	var heads []int // indices into toks
	for j, tk := range toks {
		if tk.head >= 0 {
			heads = append(heads, j)
		}
	}
	inOrder := map[int]bool{} // toks index
	{
		n := len(heads)
		best, prev := make([]int, n), make([]int, n)
		end := -1
		for i := range n {
			best[i], prev[i] = 1, -1
			for k := range i {
				if parts[toks[heads[k]].head].num < parts[toks[heads[i]].head].num && best[k]+1 > best[i] {
					best[i], prev[i] = best[k]+1, k
				}
			}
			if end < 0 || best[i] > best[end] {
				end = i
			}
		}
		for i := end; i >= 0; i = prev[i] {
			inOrder[heads[i]] = true
		}
	}
	partOf := map[string]int{}
	taken := map[[2]int]bool{}
	assign := func(k, num int) bool {
		key := [2]int{num, local(k)}
		if num <= 0 || taken[key] {
			return false
		}
		taken[key] = true
		partOf[title(k)] = num
		return true
	}
	// Numerals whose heading is in order, or out of order but right
	// before a 1 (moved with it): the others' parts may be the measures
	// numbered from 1 again with no heading before them.
	ordered, anchored := map[int]bool{}, map[int]bool{}
	for j, tk := range toks {
		if tk.head < 0 {
			continue
		}
		if inOrder[j] {
			ordered[parts[tk.head].num] = true
		} else if j+1 < len(toks) && toks[j+1].start >= 0 && local(toks[j+1].start) == 1 {
			anchored[parts[tk.head].num] = true
		}
	}
	chain, expect := 0, 0
	var queue []int // numerals missing in this region
	for j := 0; j < len(toks); j++ {
		tk := toks[j]
		if tk.head >= 0 {
			num := parts[tk.head].num
			if !inOrder[j] {
				if j+1 < len(toks) && toks[j+1].start >= 0 && local(toks[j+1].start) == 1 && assign(toks[j+1].start, num) {
					j++
				}
				continue
			}
			chain, expect = num, 1
			next := maxNum + 1
			for k := j + 1; k < len(toks); k++ {
				if toks[k].head >= 0 && inOrder[k] {
					next = parts[toks[k].head].num
					break
				}
			}
			queue = queue[:0]
			for n := num + 1; n < next; n++ {
				if !ordered[n] && !anchored[n] {
					queue = append(queue, n)
				}
			}
			continue
		}
		l := local(tk.start)
		switch {
		case chain > 0 && (l == expect || l == expect+1):
			// One measure may be missing here (moved, or its start lost).
			if assign(tk.start, chain) {
				expect = l + 1
			}
		case l == 1 && len(queue) > 0:
			chain, expect, queue = queue[0], 2, queue[1:]
			assign(tk.start, chain)
		}
	}
	// A measure left over (moved, or after a lost start) fills a hole
	// in a part's numbers, or else extends a part that ends just below
	// it, the nearest such part's if there are several: so that the part
	// keeps its size and the parts after it their numbers.
	at := map[[2]int]int{} // (part, number) → text offset of its measure
	for t, num := range partOf {
		at[[2]int{num, local(lastStart[t])}] = starts[lastStart[t]][0]
	}
	var left []int
	for _, k := range lastStart {
		if _, ok := partOf[title(k)]; !ok {
			left = append(left, k)
		}
	}
	slices.SortFunc(left, func(a, b int) int {
		if d := local(a) - local(b); d != 0 {
			return d
		}
		return starts[a][0] - starts[b][0]
	})
	for _, k := range left {
		l, pos := local(k), starts[k][0]
		best, bestScore := 0, 0
		for n := 1; n <= maxNum; n++ {
			if taken[[2]int{n, l}] {
				continue
			}
			below, ok := at[[2]int{n, l - 1}]
			if l > 1 && !ok {
				continue
			}
			_, hole := at[[2]int{n, l + 1}]
			score := 1 << 30
			if l > 1 {
				score -= abs(pos - below)
			}
			if hole {
				score += 1 << 40
			}
			if best == 0 || score > bestScore {
				best, bestScore = n, score
			}
		}
		if best > 0 && assign(k, best) {
			at[[2]int{best, l}] = pos
		}
	}
	size := map[int]int{}
	for t, num := range partOf {
		size[num] = max(size[num], local(lastStart[t]))
	}
	offset, sum := map[int]int{}, 0
	for n := 1; n <= maxNum; n++ {
		offset[n] = sum
		sum += size[n]
	}
	number := map[string]int{}
	partContacts := map[string][]partContact{}
	for t, num := range partOf {
		number[t] = offset[num] + local(lastStart[t])
		partContacts[t] = contacts[num]
	}
	return number, partContacts, partOf
}

// dropConsultLines drops a part's contact lines (given to its measures)
// from a measure's text.
func dropConsultLines(body string) string {
	if !strings.Contains(body, "咨询方式") && !strings.Contains(body, "联系方式") && !strings.Contains(body, "（联系人") {
		return body
	}
	lines := strings.Split(body, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !partConsult.MatchString(l) && !partBracketLine.MatchString(l) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// pageHead drops the lines a web page puts above a pasted guide (the
// breadcrumb, the line under the title, the font and print links), so that
// the preamble's first sentence is the notice's title. The page's date is
// not kept: a corrupted copy may move it out of the head, and a guide's key
// must not depend on the copy.
func pageHead(head string) string {
	lines := strings.Split(head, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.Trim(l, " \t　")
		if breadcrumb.MatchString(t) || shareLine.MatchString(t) || webHeadLine.MatchString(t) {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
