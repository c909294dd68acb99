package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district's public account (公众号) publishes its guide as an article
// (issue 20): head lines (the account, "原创 … 2022-06-16 18:30 发表于…",
// "收录于合集"), a 导读, the pasted 通知, then sections "01 | 税费减免" with
// measures "政策1：标题" numbered through the article, later sections "▌七、…"
// with unnumbered measures "◆标题", each measure in bracketed parts:
//
//	政策5：国有房屋租金减免
//	【政策内容】对承租……
//	✅ 转租的，……
//	【适用对象】……
//	【办理方式】……
//	【咨询电话】
//	📞 区国资委产权科  王某  0551-6xxxxxxx
//	☎️ 12345
//
// and the account's ending (往期推荐 with 👉 teasers, 来源, 编辑, 审核, 阅读原文).
// normalizeArticle rewrites it into a policy list (see normalizeFields): a
// title "5. 国有房屋租金减免" (an unnumbered measure takes the next number),
// labelled lines "政策内容：…", a contact line as a 责任单位 line with its
// person in brackets and a 咨询电话 line, a section "一、税费减免", the
// publication time as 发布日期; the ending is dropped. Any other text comes
// back unchanged.
var (
	articleTitle  = regexp.MustCompile(`^[ \t　]*政策(\d{1,3})[：:][ \t　]*(\S.*)$`)
	bulletTitle   = regexp.MustCompile(`^[ \t　]*[◆◇●■][ \t　]*(\S.*)$`)
	partLabel     = regexp.MustCompile(`^[ \t　]*【([^【】\s]{2,8})】[ \t　]*(.*)$`)
	numberedHead  = regexp.MustCompile(`^[ \t　]*(\d{1,2})[ \t　]*[|｜丨/／][ \t　]*(\S.*)$`)
	markedHead    = regexp.MustCompile(`^[ \t　]*[▌▍▎▋█][ \t　]*([一二三四五六七八九十]+、.*)$`)
	contactMark   = regexp.MustCompile(`^[ \t　]*(?:📞|☎️|☎|📱|👉)[\x{FE0F} \t　]*(.*)$`)
	bulletMark    = regexp.MustCompile(`^[ \t　]*(?:✅|✔️|✔|▪️|▪|·)[\x{FE0F} \t　]*`)
	publishedLine = regexp.MustCompile(`^[ \t　]*原创\s.*?(\d{4})-(\d{2})-(\d{2})\s+\d{1,2}:\d{2}`)
	// articleEnd is where an account's ending starts: its teasers and
	// credits are no measure's.
	articleEnd = regexp.MustCompile(`^[ \t　]*(?:往期推荐|推荐阅读|往期回顾|相关阅读|阅读原文|(?:来源|编辑|审核|责编|校对|排版|作者)[ \t　]*[：:|｜丨])`)
	// spaced separates a contact line's unit, person and phone.
	spaced = regexp.MustCompile(`[ \t　]{2,}|\t`)
	// contactPartLabels are the parts whose lines below are contacts.
	contactPartLabels = []string{"咨询电话", "联系电话", "咨询方式", "联系方式", "咨询热线"}
)

// isArticleLayout reports whether at least three measure titles are
// followed by a bracketed part.
func isArticleLayout(lines []string) bool {
	n := 0
	for i := 0; i+1 < len(lines); i++ {
		if (articleTitle.MatchString(lines[i]) || bulletTitle.MatchString(lines[i])) && partLabel.MatchString(nextNonBlank(lines, i+1)) {
			n++
		}
	}
	return n >= 3
}

func nextNonBlank(lines []string, i int) string {
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return lines[i]
		}
	}
	return ""
}

func normalizeArticle(text string) string {
	lines := strings.Split(text, "\n")
	if !isArticleLayout(lines) {
		return text
	}
	first, last := -1, -1
	for i, l := range lines {
		if articleTitle.MatchString(l) || bulletTitle.MatchString(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	end := len(lines)
	for i := last + 1; i < len(lines); i++ {
		if articleEnd.MatchString(lines[i]) {
			end = i
			break
		}
	}
	var out []string
	number := 0
	// contactsAt is where the current measure's contact lines start in out,
	// -1 before them.
	contactsAt := -1
	for i := 0; i < end; i++ {
		t := strings.TrimSpace(lines[i])
		if i < first {
			if i == 0 {
				out = append(out, articleHead(lines[:first])...)
				i = first - 1
			}
			continue
		}
		if t == "" {
			continue
		}
		if m := articleTitle.FindStringSubmatch(t); m != nil {
			number, _ = strconv.Atoi(m[1])
			out = append(out, m[1]+". "+strings.TrimRight(m[2], "。"))
			contactsAt = -1
			continue
		}
		if m := bulletTitle.FindStringSubmatch(t); m != nil {
			number++
			out = append(out, strconv.Itoa(number)+". "+strings.TrimRight(m[1], "。"))
			contactsAt = -1
			continue
		}
		if m := numberedHead.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			out = append(out, Numeral(n)+"、"+m[2])
			contactsAt = -1
			continue
		}
		if m := markedHead.FindStringSubmatch(t); m != nil {
			out = append(out, m[1])
			contactsAt = -1
			continue
		}
		if m := partLabel.FindStringSubmatch(t); m != nil {
			label, value := m[1], strings.TrimSpace(m[2])
			contactsAt = -1
			if isContactPart(label) {
				if c := contactMark.FindStringSubmatch(value); c != nil {
					value = strings.TrimSpace(c[1]) // "【咨询电话】📞 区税务局…"
				}
				if value == "" {
					contactsAt = len(out)
					continue
				}
				if lines := contactFields(value); lines != nil {
					contactsAt = len(out)
					out = append(out, lines...)
					continue
				}
			}
			// A part whose value stands on the lines below it
			// ("【办理方式】" then "扫描下方二维码办理").
			for value == "" && i+1 < end {
				next := strings.TrimSpace(lines[i+1])
				if next == "" {
					i++
					continue
				}
				if partLabel.MatchString(next) || articleTitle.MatchString(next) || bulletTitle.MatchString(next) ||
					contactMark.MatchString(next) || numberedHead.MatchString(next) || markedHead.MatchString(next) {
					break
				}
				value = next
				i++
			}
			out = append(out, label+"："+ended(value))
			continue
		}
		if m := contactMark.FindStringSubmatch(t); m != nil {
			if lines := contactFields(m[1]); lines != nil {
				if contactsAt < 0 {
					contactsAt = len(out)
				}
				out = append(out, lines...)
				continue
			}
		}
		if m := bulletMark.FindString(t); m != "" {
			t = t[len(m):]
		}
		if contactsAt >= 0 {
			// An aside after the contacts ("政策2的同时，小编提醒：…", a
			// bridge to the next sections) goes before them: the contact
			// block must stay glued to the next measure's number.
			out = slices.Insert(out, contactsAt, ended(t))
			contactsAt++
			continue
		}
		out = append(out, ended(t))
	}
	return strings.Join(out, "\n")
}

func isContactPart(label string) bool {
	for _, l := range contactPartLabels {
		if label == l {
			return true
		}
	}
	return false
}

// ended ends a line with 。 unless it ends a sentence already.
func ended(t string) string {
	if t == "" {
		return t
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("。！？!?；;）)", r) {
		return t
	}
	return t + "。"
}

// contactFields rewrites a contact line's value, "unit  person  phone" (the
// person or the unit may be missing; a phone alone is a hotline), into a
// duty block's lines: "责任单位：unit（联系人：person）" and "咨询电话：phone".
// It returns nil when the value does not end with a phone.
func contactFields(v string) []string {
	parts := spaced.Split(strings.TrimSpace(v), -1)
	if len(parts) == 1 {
		parts = strings.Fields(parts[0])
	}
	if len(parts) == 0 || len(parts) > 3 {
		return nil
	}
	phone := parts[len(parts)-1]
	if vals, rest := readContactValues(phone); vals.empty() || strings.TrimSpace(rest) != "" {
		return nil
	}
	var unit, person string
	switch len(parts) {
	case 3:
		unit, person = parts[0], parts[1]
	case 2:
		// A unit ("区残联" too: a district's unit names its level) or a
		// person's name of two to four characters.
		if unitNamed(parts[0]) || utf8.RuneCountInString(parts[0]) > 4 {
			unit = parts[0]
		} else {
			person = parts[0]
		}
	}
	var out []string
	switch {
	case unit != "" && person != "":
		out = append(out, "责任单位："+unit+"（联系人："+person+"）")
	case unit != "":
		out = append(out, "责任单位："+unit)
	case person != "":
		out = append(out, "联系人："+person)
	}
	return append(out, "咨询电话："+phone)
}

var (
	// noticeTitle is the title of the pasted 通知, naming its issuer.
	noticeTitle = regexp.MustCompile(`^\S{2,40}关于印发\S+的通知$`)
	// accountLine is a line of the account's head: its collection and tags.
	accountLine = regexp.MustCompile(`^(?:收录于|#\S+)`)
)

// articleHead rewrites the lines before an article's first measure: the
// pasted 通知's title first, then the publication time as 发布日期 (so that
// the guide's title and issuer are the notice's, not the account's), then
// the headline, 导读 and notice; the account's name (the line before the
// time), collection and tags are dropped. A section heading "01 | …" there
// becomes "一、…".
func articleHead(head []string) []string {
	var title, published string
	var rest []string
	for i, l := range head {
		t := strings.TrimSpace(l)
		switch m := publishedLine.FindStringSubmatch(t); {
		case m != nil:
			published = "发布日期：" + m[1] + "-" + m[2] + "-" + m[3]
			if n := len(rest); n > 0 && i > 0 && rest[n-1] == strings.TrimSpace(head[i-1]) && utf8.RuneCountInString(rest[n-1]) <= 20 && !strings.ContainsAny(rest[n-1], "，。：") {
				rest = rest[:n-1] // the account's name
			}
		case title == "" && noticeTitle.MatchString(t):
			title = t
		case accountLine.MatchString(t):
		case numberedHead.MatchString(t):
			m := numberedHead.FindStringSubmatch(t)
			n, _ := strconv.Atoi(m[1])
			rest = append(rest, Numeral(n)+"、"+m[2])
		default:
			rest = append(rest, t)
		}
	}
	var out []string
	for _, l := range []string{title, published} {
		if l != "" {
			out = append(out, l)
		}
	}
	return append(out, rest...)
}
