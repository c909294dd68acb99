package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cut splits text into clauses: at punctuation, emoji and newlines, after
// a 吗 that ends a question without punctuation, at spaces that follow a
// question or a greeting (or runs of two or more), at the spaces between
// the Chinese clauses of a spaced story (spacedStory), and before a
// connective (or a spoken one: 然后) that follows a question or a need.
// List numbers (1. 2、 （3） ②) are
// dropped.
func cut(text string) []Clause {
	var out []Clause
	start := 0
	story := spacedStory(text)
	numbered := false // a list number cut off at its dot ("1.") opens the next clause
	emit := func(end int) {
		c, ok := trim(text, start, end)
		if ok {
			c.numbered = c.numbered || numbered
			out = append(out, c)
		}
		numbered = !ok && onlyNumber(strings.TrimFunc(text[start:end], trimmable))
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch {
		case isSpace(r):
			j := next
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isSpace(r2) {
					break
				}
				j += s2
			}
			if k := skipSpacedFillers(text, j); story && k > j && betweenHan(text, start, i, k) {
				// "我开民宿的 嗯 就是想问一下": the filler between the
				// spaces is one more space.
				emit(i)
				start, j = k, k
			} else if strings.ContainsAny(text[i:j], "\n\r") || j-i > 1 && text[i:j] != "\u3000" || endsAsk(recent(text, start, i)) ||
				(story || needsBeforeSpace(recent(text, start, i))) && betweenHan(text, start, i, j) || isChatter(recent(text, start, i)) {
				// A need typed before a space ("我们公司想缓交社保 听说宽带
				// 降价了是真的吗") ends its clause as a question does.
				emit(i)
				start = j
			}
			next = j
		case isSeparator(text, i, r):
			emit(i)
			start = next
		case r == '吗' && next < len(text) && !startsWithSeparator(text[next:]):
			emit(next)
			start = next
		default:
			if i > start && (connectiveAt(text[i:]) > 0 || hasPrefixAny(text[i:], spokenConnectives)) {
				if s := recent(text, start, i); isQuestion(s) || voicesNeed(s) {
					emit(i)
					start = i
				}
			} else if i > start && hasPrefixAny(text[i:], midLeadIns) && !isQuestion(recent(text, start, i)) && hanRunes(recent(text, start, i)) >= minToldBeforeLeadIn {
				// "…房东是国企的说房租不能减了我想问问房租减免的事还有…":
				// typed without a stop, a story runs into the ask its
				// lead-in opens.
				emit(i)
				start = i
			}
		}
		i = next
	}
	emit(len(text))
	return out
}

// needsBeforeSpace reports whether s, typed before a single space, voices a
// need other than a price complaint: "电费太贵了 工业电价能不能便宜点" and
// "停车场收费太贵了 能投诉吗" are one complaint each, read whole as before.
func needsBeforeSpace(s string) bool {
	return voicesNeed(priceComplaint.Replace(s))
}

// priceComplaint blanks the trouble words that only complain of a price.
var priceComplaint = newBlanker([]string{"太贵", "贵死"})

// midLeadIns are the lead-ins that open an ask in the middle of a clause
// typed without stops: the asker names themselves or asks politely, which
// no story's statement does.
var midLeadIns = []string{"我想问", "我想咨询", "我想了解", "我想知道", "想问一下", "想问问", "想咨询一下", "请问"}

// minToldBeforeLeadIn is how many Chinese characters must come before a
// lead-in inside a clause for it to start a clause of its own: a story, not
// a greeting ("你好请问") or a subject ("房租我想问问能减吗").
const minToldBeforeLeadIn = 8

// hanRunes counts the Chinese characters of s.
func hanRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// isSeparator reports whether r at text[i] ends a clause.
func isSeparator(text string, i int, r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，', '：', ',', '!', '?', ';', ':', '…', '～', '~', '｡', '﹖', '﹗':
		return true
	case '.':
		// A decimal point (2.5%) or a list number's dot (1.房租) is not.
		return !(i > 0 && isDigitByte(text[i-1]) && i+1 < len(text) && isDigitByte(text[i+1]))
	case '、':
		return false // enumeration: 房租、水电、社保能减吗 is one clause
	}
	if r == utf8.RuneError {
		return true
	}
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Cs, r) || r == '\u200d' || r == '\ufe0f' ||
		unicode.Is(unicode.Sk, r) || unicode.IsControl(r)
}

func startsWithSeparator(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isSpace(r) || isSeparator(s, 0, r)
}

// window bounds how far back cut looks for a question before a space or
// a connective (bytes, about 40 characters): enough for any question, and
// it keeps cutting a 4,000-character message without punctuation linear.
const window = 120

// recent returns the last window bytes of text[start:i], from a character
// boundary.
func recent(text string, start, i int) string {
	if i-start <= window {
		return text[start:i]
	}
	j := i - window
	for j < i && !utf8.RuneStart(text[j]) {
		j++
	}
	return text[j:i]
}

// betweenHan reports whether the space text[i:j] stands between two runs
// of Chinese, each long enough to be a clause: owners typing on a phone
// put a space where they would write a comma ("我开了个小饭馆 房子是国企的
// 房租能减吗"). A space inside Latin words, pinyin or numbers ("2.5 万",
// "app 上") is no break, and neither is one after the short words of a
// keyword search ("社保 缓缴", "人社局 养老金多少"), which belong together.
func betweenHan(text string, start, i, j int) bool {
	before, after := 0, 0
	for k := i; k > start && before < minSpacedBefore; {
		r, size := utf8.DecodeLastRuneInString(text[start:k])
		switch {
		case unicode.Is(unicode.Han, r):
			before++
		case before > 0 && r >= '0' && r <= '9':
			// A count inside the clause ("有8辆货车") is part of it;
			// a space right after digits ("2.5 万") is none.
		default:
			k = start
			continue
		}
		k -= size
	}
	for k := j; k < len(text) && after < minSpacedAfter; {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		after++
		k += size
	}
	return before >= minSpacedBefore && after >= minSpacedAfter
}

// spacedStory reports whether text is a story told with spaces for commas:
// at least minStorySpaces single spaces stand between runs of Chinese long
// enough to be clauses. A message with one such space ("租的厂房要拆迁了
// 补偿标准是多少") is read whole, as before: its first part may be what
// it asks about, which the guide may not cover.
func spacedStory(text string) bool {
	n := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == ' ' && (i+size >= len(text) || text[i+size] != ' ') && betweenHan(text, 0, i, skipSpacedFillers(text, i+size)) {
			if n++; n >= minStorySpaces {
				return true
			}
		}
		i += size
	}
	return false
}

// minStorySpaces is how many spaces between clauses make a message a
// spaced story: three clauses or more.
const minStorySpaces = 2

// minSpacedBefore and minSpacedAfter are how many Chinese characters must
// stand before and after a single space for it to break the clause: a
// statement of four ("没开公司", "我开饭店") and an ask of three ("能减吗");
// a unit's or topic's name of two or three before a space is a keyword
// search's word.
const (
	minSpacedBefore = 4
	minSpacedAfter  = 3
)

// spokenFillers are the words voice input types between spaces while the
// owner thinks ("我开民宿的 嗯 就是想问一下"): standing alone between
// spaces they are a pause, not a clause.
var spokenFillers = []string{"嗯嗯", "嗯", "呃", "额", "喂", "啊", "哦", "那个", "这个", "就是说", "就是"}

// skipSpacedFillers returns where text continues after the spoken fillers
// that stand alone between spaces from j on, or j when none does.
func skipSpacedFillers(text string, j int) int {
	for {
		k := j
		for _, f := range spokenFillers {
			if strings.HasPrefix(text[j:], f) {
				k = j + len(f)
				break
			}
		}
		if k == j || k >= len(text) || text[k] != ' ' {
			return j
		}
		for k < len(text) && text[k] == ' ' {
			k++
		}
		j = k
	}
}

// endsAsk reports whether a space after s ends a clause: s is a question
// ("房租能减吗 社保呢") or only a lead-in ("想问问 农村劳动力…").
func endsAsk(s string) bool {
	if hasSuffixAny(trimSpokenFillers(s), bareModals) {
		// "民宿 能不能 那个 上乡村旅游的线路": the modal's verb follows.
		return false
	}
	// A lead-in standing alone is short; longer text is not blanked.
	return isQuestion(s) || s != "" && len(s) <= maxOpener && !hasContent(openerBlank.Replace(s), "")
}

// trimSpokenFillers cuts the spoken fillers and spaces that end s.
func trimSpokenFillers(s string) string {
	for {
		t := strings.TrimRight(s, " ")
		for _, f := range spokenFillers {
			t = strings.TrimSuffix(t, f)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// bareModals are the A-not-A modals that ask nothing until their verb
// follows: voice input puts a pause after them.
var bareModals = []string{"能不能", "可不可以", "可以不可以", "会不会", "要不要", "让不让", "给不给"}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// maxOpener bounds the bytes of a clause that only opens the next one
// (我想咨询一下 is 18).
const maxOpener = 48

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// connectiveAt returns the length of the connective text starts with, or 0.
// TrimConnective returns s without the connective that opens it ("再有就是
// 想问开分店的审批…" → "想问开分店的审批…"): the words that turn to a new ask
// say nothing about what it asks.
func TrimConnective(s string) string {
	s = strings.TrimSpace(s)
	if n := connectiveAt(s); n > 0 && hasContent(s[n:], "") {
		return strings.TrimLeftFunc(s[n:], trimmable)
	}
	return s
}

func connectiveAt(s string) int {
	for _, c := range connectives {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}

// trim returns the clause text[start:end] without surrounding spaces,
// quotes or list numbers; ok is false when nothing is left that has a
// letter or a digit.
func trim(text string, start, end int) (Clause, bool) {
	numbered := false
	for {
		s := text[start:end]
		t := strings.TrimLeftFunc(s, trimmable)
		start += len(s) - len(t)
		t = strings.TrimRightFunc(t, trimmable)
		end = start + len(t)
		n := listNumber(t)
		if n == 0 {
			break
		}
		start += n
		numbered = true
	}
	t := text[start:end]
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return Clause{}, false
	}
	if onlyNumber(t) {
		return Clause{}, false // a list number standing alone: "2" of "2.社保…"
	}
	return Clause{Text: t, Start: start, End: end, numbered: numbered}, true
}

func trimmable(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’「」『』()（）[]【】<>-—·.、", r)
}

// listNumber returns the length of a list number opening s: "1." "2、"
// "（3）" "3)" "②" "一、".
func listNumber(s string) int {
	i := 0
	open := false
	if strings.HasPrefix(s, "（") {
		i, open = len("（"), true
	} else if strings.HasPrefix(s, "(") {
		i, open = 1, true
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)) || j-i >= 6 {
			break
		}
		j += size
	}
	if r, size := utf8.DecodeRuneInString(s); j == i && r >= '①' && r <= '⑳' {
		return size
	}
	if j == i || j == len(s) {
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	switch {
	case open && (r == '）' || r == ')'):
		return j + size
	case !open && (r == '.' || r == '、' || r == ')' || r == '）'):
		if r == '.' && j+size < len(s) && isDigitByte(s[j+size]) {
			return 0 // a decimal: 2.5万
		}
		return j + size
	}
	return 0
}

func onlyNumber(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩", r)) {
			return false
		}
	}
	return utf8.RuneCountInString(s) <= 2
}
