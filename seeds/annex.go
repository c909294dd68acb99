package seeds

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// An 实施办法 written as a regulation (issue 20) may name no contact in its
// articles and give every contact in its closing chapter (附则), by the
// articles each unit answers for:
//
//	第三十九条　本办法第五条至第九条由区税务局负责解释，联系人：…，咨询电话：…。
//	第四十条　本办法下列条款由所列单位负责解释：（一）第十条、第十二条至第十六条，
//	区人社局，联系人：甲（第十条、第十二条），电话：…；乙（第十三条至第十六条），
//	电话：…；（二）第四章各条，区商务局、区财政局，联系人：…
//
// An item names articles (one, a list, a range "第十二条至第十六条", a whole
// chapter "第四章各条"), then its units, then its persons and phones
// separated by "；"; a person's bracket limits them to the articles it
// lists, and where an item names as many units as persons they pair in
// order. normalizeAnnexContacts cuts the contacts out of such articles
// (their first clause stays: "本办法第五条至第九条由区税务局负责解释。"), so
// that they are no one's contacts, and appends a contact table one cell per
// line with a row for every article (see decimalContacts), which readTables
// reads as the contacts of the articles the text numbers: 第五条 stays
// measure 5, and an article no item names gets none. Text without such
// articles comes back unchanged.
var (
	// annexArticleAt starts an article: at a line's start or after a
	// sentence's end, never after a bracket ("（一）第十条、…" is a
	// reference).
	annexArticleAt = regexp.MustCompile(`(^|\n|。)[ \t　]*第([` + articleChars + `]+)条[ \t　]*`)
	annexChapterAt = regexp.MustCompile(`(^|\n|。)[ \t　]*第([` + articleChars + `]+)章[ \t　]*`)
	// annexRef is a reference to articles or to a chapter's articles.
	// A range may name 条 once ("第五至九条").
	annexRef = regexp.MustCompile(`第([` + articleChars + `]+)条?(?:[ 　]*[至到—－-][ 　]*第?([` + articleChars + `]+)条)|第([` + articleChars + `]+)章(?:各条|所有条款|全部条款)?|第([` + articleChars + `]+)条`)
	// annexItem opens an item of a list of interpretations.
	annexItem = regexp.MustCompile(`[（(]([一二三四五六七八九十]+)[）)]`)
	// annexContactAt is where an item's contacts begin.
	annexContactAt = regexp.MustCompile(`[，,；;。（(]?[ \t　]*(?:(?:联系人|联系电话|咨询电话|联系方式|电话)[：:]|(?:可)?(?:拨打|致电)[ \t　]*\d)`)
	annexPhone     = regexp.MustCompile(`\d[\d\-－]{3,}\d`)
	annexPerson    = regexp.MustCompile(`^(?:联系人[：:])?[ \t　]*(\p{Han}{2,4}?)[ \t　]*(?:[（(]([^（）()]*)[）)])?[ \t　]*[，,：:]?[ \t　]*(?:(?:联系电话|咨询电话|联系方式|电话)[：:]?)?[ \t　]*\d`)
	// annexDuty is what an interpretation article says of the articles it
	// names: who answers for them.
	annexDuty = regexp.MustCompile(`解释|负责|所列单位|咨询`)
	// annexNotPerson are the words before a phone that name no one.
	annexNotPerson = regexp.MustCompile(`咨询|联系|拨打|致电|热线|电话`)
	annexUnitEnd   = regexp.MustCompile(`(?:局|委|办|中心|院|会|部|所|处|队|站|行|司|室|府)$`)
	// annexNoise are the words of an interpretation clause around its
	// units.
	annexNoise = regexp.MustCompile(`本办法|本细则|本措施|本规定|下列条款|所列单位|负责解释|解释|由|及其|和`)
)

type annexArticle struct{ n, body0, body1 int }

func arts2nums(arts []annexArticle) []int {
	var out []int
	for _, a := range arts {
		out = append(out, a.n)
	}
	return out
}

// annexChapters is the articles of each chapter: from the article its
// heading opens to the one before the next chapter's first article. A
// corrupted copy copies and moves sentences and loses a heading, so the
// chapter is known by the article right after its heading (they share a
// sentence, wherever it went), and a chapter whose next chapter's heading
// was lost has no articles: no chapter reference then gives it another
// chapter's articles. The last chapter runs to the highest article.
func annexChapters(text string, nums []int) map[int][]int {
	first := map[int]int{}
	for _, ch := range annexChapterAt.FindAllStringSubmatchIndex(text, -1) {
		c := articleNumeral(text[ch[4]:ch[5]])
		eol := strings.IndexByte(text[ch[1]:], '\n')
		if c == 0 || eol < 0 {
			continue
		}
		m := annexArticleAt.FindStringSubmatchIndex(text[ch[1]+eol:])
		if m == nil || m[0] != 0 {
			continue
		}
		if n := articleNumeral(text[ch[1]+eol+m[4] : ch[1]+eol+m[5]]); n > 0 && (first[c] == 0 || n < first[c]) {
			first[c] = n
		}
	}
	highest, last := 0, 0
	for _, n := range nums {
		highest = max(highest, n)
	}
	for c := range first {
		last = max(last, c)
	}
	out := map[int][]int{}
	for c, from := range first {
		to := highest
		if c < last {
			if first[c+1] == 0 {
				continue
			}
			to = first[c+1] - 1
		}
		for n := from; n <= to && n-from < 100; n++ {
			out[c] = append(out[c], n)
		}
	}
	return out
}

// annexContact is one person (or a hotline) an annex item gives.
type annexContact struct {
	unit, person, phones string
}

func normalizeAnnexContacts(text string) string {
	starts := annexArticleAt.FindAllStringSubmatchIndex(text, -1)
	if len(starts) < 3 {
		return text
	}
	// Each article's body.
	chapters := annexChapterAt.FindAllStringSubmatchIndex(text, -1)
	var arts []annexArticle
	for k, s := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1][0] + len(text[starts[k+1][2]:starts[k+1][3]])
		}
		for _, ch := range chapters {
			if ch[0] >= s[1] && ch[0] < end {
				end = ch[0] + len(text[ch[2]:ch[3]])
			}
		}
		arts = append(arts, annexArticle{n: articleNumeral(text[s[4]:s[5]]), body0: s[1], body1: end})
	}
	byChapter := annexChapters(text, arts2nums(arts))
	contacts := map[int][]annexContact{}
	type cut struct{ from, to int }
	var cuts []cut
	highest := 0
	for _, a := range arts {
		highest = max(highest, a.n)
		body := text[a.body0:a.body1]
		ci := annexContactAt.FindStringIndex(body)
		if ci == nil || !annexRef.MatchString(body[:ci[0]]) || !annexDuty.MatchString(body[:ci[0]]) {
			// No interpretation: an article citing another ("参照第九条执行，
			// 咨询电话：…") keeps its own contact.
			continue
		}
		items := splitAnnexItems(body)
		read := false
		for _, it := range items {
			got := readAnnexItem(it, byChapter)
			for n, cs := range got {
				if len(contacts[n]) == 0 {
					contacts[n] = cs
				}
				read = true
			}
		}
		if !read {
			continue
		}
		// The article keeps its first clause: what it says, not whom to
		// call (those are now its articles' contacts).
		keep := ci[0]
		if it := annexItem.FindStringIndex(body); it != nil && it[0] < keep {
			keep = it[0]
		}
		// It ends with the line of its last phone: what follows (the
		// signature after a last article) stays.
		to := a.body1
		if ph := annexPhone.FindAllStringIndex(body, -1); len(ph) > 0 {
			end := ph[len(ph)-1][1]
			if eol := strings.IndexByte(body[end:], '\n'); eol >= 0 {
				to = a.body0 + end + eol
			}
		}
		cuts = append(cuts, cut{a.body0 + keep, to})
	}
	if len(contacts) == 0 {
		return text
	}
	withArea(contacts)
	var b strings.Builder
	last := 0
	for _, c := range cuts {
		if c.from < last {
			continue
		}
		b.WriteString(strings.TrimRight(text[last:c.from], "：:，,； \t　"))
		b.WriteString("。")
		// The line break (and blank lines) that ended the article stay.
		rest := text[c.from:c.to]
		b.WriteString(rest[len(strings.TrimRight(rest, " \t　\n")):])
		last = c.to
	}
	b.WriteString(text[last:])
	out := strings.TrimRight(b.String(), " \t　\n")
	return out + "\n附件：政策咨询联系表\n" + annexTable(contacts, highest)
}

// splitAnnexItems cuts an article's body at its items "（一）…（二）…"
// where they open with a reference; else the body is one item.
func splitAnnexItems(body string) []string {
	var at []int
	for _, m := range annexItem.FindAllStringIndex(body, -1) {
		if strings.HasPrefix(strings.TrimLeft(body[m[1]:], " \t　"), "第") {
			at = append(at, m[0])
		}
	}
	if len(at) == 0 {
		return []string{body}
	}
	var out []string
	for k, i := range at {
		end := len(body)
		if k+1 < len(at) {
			end = at[k+1]
		}
		out = append(out, body[i:end])
	}
	return out
}

// readAnnexItem reads one item: the articles it names and each one's
// contacts.
func readAnnexItem(item string, byChapter map[int][]int) map[int][]annexContact {
	item = strings.TrimSpace(annexItem.ReplaceAllString(item, ""))
	ci := annexContactAt.FindStringIndex(item)
	if ci == nil {
		return nil
	}
	head, tail := item[:ci[0]], item[ci[0]:]
	refs := readAnnexRefs(head, byChapter)
	if len(refs) == 0 {
		return nil
	}
	var units []string
	rest := annexNoise.ReplaceAllString(annexRef.ReplaceAllString(head, "，"), "，")
	for _, seg := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune("，,、；;：:。（）() \t　", r) }) {
		if n := len([]rune(seg)); n >= 3 && n <= 20 && annexUnitEnd.MatchString(seg) {
			units = append(units, seg)
		}
	}
	type entry struct {
		person, phones string
		only           []int
	}
	var entries []entry
	for _, e := range strings.FieldsFunc(strings.TrimLeft(tail, "，,；;。 \t　"), func(r rune) bool { return r == '；' || r == ';' }) {
		e = strings.Trim(e, "，,。（）() \t　")
		phones := annexPhone.FindAllString(e, -1)
		if len(phones) == 0 {
			continue
		}
		en := entry{phones: strings.Join(phones, "、")}
		if m := annexPerson.FindStringSubmatch(e); m != nil && !annexNotPerson.MatchString(m[1]) {
			en.person = m[1]
			if m[2] != "" {
				en.only = readAnnexRefs(m[2], byChapter)
			}
		}
		entries = append(entries, en)
	}
	out := map[int][]annexContact{}
	for _, n := range refs {
		var cs []annexContact
		for k, en := range entries {
			if len(en.only) > 0 && !slices.Contains(en.only, n) {
				continue
			}
			unit := ""
			switch {
			case len(units) == len(entries):
				unit = units[k]
			case len(units) > 0:
				unit = units[0]
			}
			cs = append(cs, annexContact{unit, en.person, en.phones})
		}
		// A unit the item names without a person of its own still
		// answers for the articles: it is named, with no one's phone
		// ("区财政局、区金融办，联系人：丙，电话：…": 丙 is the first
		// unit's, as one contact under two units is elsewhere).
		for _, u := range units {
			if !slices.ContainsFunc(cs, func(c annexContact) bool { return c.unit == u }) {
				cs = append(cs, annexContact{unit: u})
			}
		}
		if len(cs) > 0 {
			out[n] = cs
		}
	}
	return out
}

// readAnnexRefs reads the articles a text names: numbers, ranges and
// chapters ("第四章各条": the articles that chapter holds).
func readAnnexRefs(s string, byChapter map[int][]int) []int {
	var out []int
	add := func(n int) {
		if n > 0 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, m := range annexRef.FindAllStringSubmatch(s, -1) {
		switch {
		case m[3] != "":
			for _, n := range byChapter[articleNumeral(m[3])] {
				add(n)
			}
		case m[2] != "":
			from, to := articleNumeral(m[1]), articleNumeral(m[2])
			for n := from; n <= to && n-from < 100; n++ {
				add(n)
			}
		default:
			add(articleNumeral(m[4]))
		}
	}
	return out
}

// annexTable writes the contact table one cell per line, a row for every
// article 1..n, several contacts of an article separated by "；".
func annexTable(contacts map[int][]annexContact, n int) string {
	var b strings.Builder
	b.WriteString("序号\n政策措施\n责任单位\n联系人\n联系电话\n")
	for k := 1; k <= n; k++ {
		var units, people, phones []string
		for _, c := range contacts[k] {
			units, people, phones = append(units, orNone(c.unit)), append(people, orNone(c.person)), append(phones, orNone(c.phones))
		}
		if len(units) == 0 {
			units, people, phones = []string{"/"}, []string{"/"}, []string{"/"}
		}
		fmt.Fprintf(&b, "%d\n/\n%s\n%s\n%s\n", k, strings.Join(units, "；"), strings.Join(people, "；"), strings.Join(phones, "；"))
	}
	return b.String()
}

// annexArea is a phone with its area code and a 7-digit local number.
var annexArea = regexp.MustCompile(`^(0\d{2,3}[-－])\d{7}$`)

// withArea writes a 7-digit number the annex gives without its area code
// ("电话：5227720") with the area code every other number of the annex
// has ("0593-5221340"): a bare 7-digit number is read as no phone, and it
// is the same exchange's. Nothing changes where the annex's numbers have
// no area code or more than one.
func withArea(contacts map[int][]annexContact) {
	area := ""
	for _, cs := range contacts {
		for _, c := range cs {
			for _, ph := range strings.Split(c.phones, "、") {
				if m := annexArea.FindStringSubmatch(ph); m != nil {
					if area != "" && area != m[1] {
						return
					}
					area = m[1]
				}
			}
		}
	}
	if area == "" {
		return
	}
	for n, cs := range contacts {
		for k, c := range cs {
			phs := strings.Split(c.phones, "、")
			for i, ph := range phs {
				if len(ph) == 7 && localNum.MatchString(ph) {
					phs[i] = area + ph
				}
			}
			contacts[n][k].phones = strings.Join(phs, "、")
		}
	}
}
