package index

// This file reads a message written mostly in English ("Can we defer
// social insurance payments?", "What's the phone number of 李杰?") through
// the English glossary (english.txt) into the Chinese the search reads:
// phrase by phrase, longest first, with any Chinese inside it (a person's
// name, a unit) kept as written. Managers of foreign-invested firms write
// so; the reply stays in the guide's Chinese.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// glossary is the English glossary arranged for reading: each phrase, as
// its words are keyed (englishKey), to its entry.
type glossary struct {
	phrases map[string]glossEntry
	longest int // in words
}

type glossEntry struct {
	section, zh string
}

// newGlossary arranges the lexicon's English phrases; a phrase listed
// twice keeps its first line.
func newGlossary(ps []EnglishPhrase) *glossary {
	g := &glossary{phrases: map[string]glossEntry{}}
	for _, p := range ps {
		for _, f := range p.From {
			ws := englishWords(f)
			if len(ws) == 0 {
				continue
			}
			k := strings.Join(ws, " ")
			if _, ok := g.phrases[k]; !ok {
				g.phrases[k] = glossEntry{p.Section, p.To}
			}
			g.longest = max(g.longest, len(ws))
		}
	}
	return g
}

// englishWords are the words of an English phrase as keyed: lower case,
// an apostrophe dropped (what's: whats), a plural's s dropped (payments:
// payment), hyphens kept (state-owned).
func englishWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isASCIILetter(r) && r != '\'' && r != '’' && r != '-' }) {
		w = strings.NewReplacer("'", "", "’", "").Replace(strings.Trim(w, "-"))
		if w != "" {
			out = append(out, singular(w))
		}
	}
	return out
}

// singular drops a plural's ending: payments → payment, subsidies →
// subsidy, taxes → tax; words in -ss, -us, -is stay.
func singular(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// englishFunction are English words that mark a clause as English, not
// pinyin typed with the input method off: no pinyin syllable sequence
// spells them, or pinyin never writes them alone.
var englishFunction = map[string]bool{
	"i": true, "you": true, "we": true, "my": true, "our": true, "it": true, "is": true, "are": true, "can": true,
	"do": true, "does": true, "should": true, "who": true, "what": true, "whats": true, "how": true, "where": true,
	"when": true, "which": true, "the": true, "to": true, "for": true, "of": true, "at": true, "please": true,
	"there": true, "any": true, "with": true, "about": true,
}

// englishRead is a message read through the glossary: the Chinese the
// search reads, and the pieces it was written from, for the reply's
// English line.
type englishRead struct {
	text       string // the Chinese the search reads
	understood string // its pieces as shown: "留抵退税 截止时间"
}

// maxUnknownPerRead is how many words the glossary does not know the ask
// of a message may hold for each it reads. The story told before it ("I'm
// the finance manager of …, we have quite a large excess input VAT credit
// sitting on our books") tells more than the glossary knows, as a Chinese
// one does: its unknown words are neutral, and what it names is read as
// the situation.
const maxUnknownPerRead = 3

// englishPart is a piece of a sentence read through the glossary: a
// clause of its story, or its ask.
type englishPart struct {
	zh, shown            string // its Chinese, and its pieces as shown
	read, unknown, named int
	ask                  bool
}

// fromEnglish reads text, a message written mostly in English, through
// the glossary. It reports false for a message that is not mostly English
// (a Chinese question with an English word or clause in it, pinyin, a
// phone number) and for one whose ask the glossary cannot read enough of:
// more of its words unknown than read, or nothing read at all when a
// story comes before it, or nothing named that is asked about (a greeting
// or thanks alone is read).
//
// A message that tells a story and then asks ("We're a foreign-invested
// manufacturer. Our export orders dropped by half. Is there any subsidy
// for export credit insurance?") is read as the Chinese reader reads one:
// the story's clauses first, as the situation, the ask after them.
//
// onTopic is set when the conversation has a topic or choices to refer
// to: an ask alone ("who do I call?") is then read, as its Chinese would be.
func (g *glossary) fromEnglish(text string, onTopic bool) (englishRead, bool) {
	if g == nil || len(g.phrases) == 0 || !mostlyEnglish(text) {
		return englishRead{}, false
	}
	var social []string
	var out, shown []string // each sentence's Chinese, and its pieces as shown
	var parts []englishPart
	type sentenceParts struct {
		end   string
		parts []englishPart
	}
	var sentences []sentenceParts
	for _, sent := range englishSentences(text) {
		clauses := englishClauses(sent.text)
		from := askFrom(clauses, sent.end == "？")
		var ps []englishPart
		if from < 0 {
			// A sentence that asks nothing is read whole, as before:
			// "housing fund deferral" is an ask said short.
			ps = append(ps, g.readPart(strings.Join(clauses, ", "), &social))
		} else {
			for _, c := range clauses[:from] {
				ps = append(ps, g.readPart(c, &social))
			}
			a := g.readPart(strings.Join(clauses[from:], ", "), &social)
			a.ask = true
			ps = append(ps, a)
		}
		parts = append(parts, ps...)
		sentences = append(sentences, sentenceParts{sent.end, ps})
	}
	read, unknown, named := 0, 0, 0
	askRead, askUnknown, asks := 0, 0, 0
	for _, p := range parts {
		read, unknown, named = read+p.read, unknown+p.unknown, named+p.named
		if p.ask {
			askRead, askUnknown, asks = askRead+p.read, askUnknown+p.unknown, asks+1
		}
	}
	if asks == 0 {
		// No sentence asks as English asks ("rent relief for state-owned
		// premises"): the whole message is its ask.
		askRead, askUnknown = read, unknown
	}
	for _, s := range sentences {
		var zh, sh []string
		for _, p := range s.parts {
			if p.zh != "" {
				zh, sh = append(zh, p.zh), append(sh, p.shown)
			}
		}
		if len(zh) > 0 {
			// The story's clauses and the ask are clauses of their
			// own ("外资企业，出口信用保险补贴有没有？"), as the Chinese
			// reader cuts a Chinese message into situation and ask.
			out = append(out, strings.Join(zh, "，")+s.end)
			shown = append(shown, strings.Join(sh, " "))
		}
	}
	// What is asked about must be named ("who do I call about rent
	// relief"), or the message is a greeting or thanks alone: "hello, can
	// you help me?" asks nothing the search reads and gets the notice,
	// unless there is a topic it asks about. An ask after a story must
	// read something itself ("We're a restaurant. What now?" asks nothing
	// the glossary reads).
	if askUnknown > maxUnknownPerRead*askRead || asks > 0 && askRead == 0 ||
		named == 0 && !(onTopic && read > 0) && (read > 0 || len(social) == 0 || unknown > 0) {
		return englishRead{}, false
	}
	if len(social) > 0 {
		// "Hello! Can we …": the greeting is read as Chinese small talk
		// would be, and shown only when it is all there is.
		out = append([]string{strings.Join(social, "，") + "，"}, out...)
		if len(shown) == 0 {
			shown = []string{strings.Join(social, " ")}
		}
	}
	return englishRead{text: strings.TrimSuffix(strings.Join(out, ""), "，"), understood: strings.Join(shown, "; ")}, true
}

// readPart reads a clause (or the ask, several clauses) through the
// glossary: its topics before its asks, each said once; a greeting or
// thanks goes to social.
func (g *glossary) readPart(text string, social *[]string) englishPart {
	var p englishPart
	var topics, asks []string
	seen := map[string]bool{}
	add := func(to *[]string, zh string) {
		if zh == "" || seen[zh] {
			return
		}
		for s := range seen {
			// "excess input VAT credit refunded": 退税 says again
			// what 留抵退税 said.
			if strings.Contains(s, zh) {
				return
			}
		}
		// "we rent from …, can we get rent reduction": 房租减免
		// says what 房租 said, and more.
		*to = slices.DeleteFunc(*to, func(s string) bool {
			if strings.Contains(zh, s) {
				delete(seen, s)
				return true
			}
			return false
		})
		seen[zh] = true
		*to = append(*to, zh)
	}
	for _, seg := range englishSegments(text) {
		if !seg.latin {
			if !namesSomething(seg.text) {
				continue // "alert(1)": a stray digit names nothing
			}
			add(&topics, seg.text) // a name, a unit, a phone number
			p.read++
			p.named++
			continue
		}
		ws := englishWords(seg.text)
		for i := 0; i < len(ws); {
			l := min(g.longest, len(ws)-i)
			for ; l > 0; l-- {
				if _, ok := g.phrases[strings.Join(ws[i:i+l], " ")]; ok {
					break
				}
			}
			if l == 0 {
				p.unknown++
				i++
				continue
			}
			e := g.phrases[strings.Join(ws[i:i+l], " ")]
			switch e.section {
			case EnglishSocial:
				if !slices.Contains(*social, e.zh) {
					*social = append(*social, e.zh)
				}
			case EnglishTopic:
				add(&topics, e.zh)
				p.read++
				p.named++
			case EnglishStory:
				// "we were closed during the lockdown": how the asker
				// fares, read as the Chinese story says it (停业 封控),
				// naming nothing the ask is about.
				add(&topics, e.zh)
				p.read++
			case EnglishAsk:
				add(&asks, e.zh)
				p.read++
			}
			i += l
		}
	}
	// The clause's topics before its asks, as Chinese asks (社保缓缴找谁).
	ps := append(topics, asks...)
	p.zh, p.shown = strings.Join(ps, ""), strings.Join(ps, " ")
	return p
}

// englishClauses cuts a sentence at the marks inside it that end a clause
// (a comma, a colon, a dash between spaces): "Our new plant needs land,
// water and electricity hookups — any support for major projects".
func englishClauses(sentence string) []string {
	var out []string
	for _, c := range strings.FieldsFunc(strings.ReplaceAll(sentence, " - ", " — "), func(r rune) bool {
		return strings.ContainsRune(",，:：—–、()（）", r)
	}) {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// askFrom is the index of the clause at which a sentence's ask begins:
// the first that opens as English asks ("can we …", "is there …", "which
// office …"), or, in a sentence ending with a question mark, its last
// clause; -1 for a sentence that asks nothing (a story's).
func askFrom(clauses []string, question bool) int {
	for i, c := range clauses {
		if opensAsk(englishWords(c)) {
			return i
		}
	}
	if question && len(clauses) > 0 {
		return len(clauses) - 1
	}
	return -1
}

// askOpeners are the words that open an English ask, and askOpenerPhrases
// the longer ways of saying one is coming ("I'd like to know whether …").
var (
	askOpeners = map[string]bool{
		"can": true, "could": true, "may": true, "is": true, "are": true, "am": true, "do": true, "does": true,
		"did": true, "will": true, "would": true, "should": true, "shall": true, "how": true, "what": true,
		"whats": true, "who": true, "whom": true, "whose": true, "which": true, "where": true, "when": true,
		"why": true, "any": true, "please": true, "whether": true, "tell": true,
	}
	askOpenerPhrases = []string{
		"i want to know", "i would like to know", "id like to know", "we want to know", "we would like to know",
		"wed like to know", "i need to know", "we need to know", "i wonder", "we wonder", "i was wondering",
		"we were wondering", "i want to ask", "i would like to ask", "id like to ask", "we want to ask",
		"we would like to ask", "wed like to ask", "let me know", "let us know", "kindly advise", "please advise",
	}
	// askLeads are words that may come before an ask's opener ("and can
	// we …", "so is there …").
	askLeads = map[string]bool{"and": true, "so": true, "but": true, "also": true, "then": true, "now": true, "ok": true, "okay": true, "well": true}
)

// opensAsk reports whether a clause's words open as an English ask.
func opensAsk(ws []string) bool {
	for len(ws) > 0 && askLeads[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return false
	}
	if askOpeners[ws[0]] {
		return true
	}
	s := strings.Join(ws, " ")
	for _, p := range askOpenerPhrases {
		if s == p || strings.HasPrefix(s, p+" ") {
			return true
		}
	}
	return false
}

// englishSentence is a sentence of an English message, and the Chinese mark
// that ends it ("？" for "?"; "" for the last without one).
type englishSentence struct {
	text, end string
}

// englishSentences cuts text at the marks that end a sentence (. ? ! ;
// and their Chinese forms); a point inside a number (1.5) ends none.
func englishSentences(text string) []englishSentence {
	var out []englishSentence
	rs := []rune(text)
	from := 0
	for i, r := range rs {
		end := ""
		switch r {
		case '?', '？':
			end = "？"
		case '!', '！':
			end = "！"
		case ';', '；', '。':
			end = "。"
		case '.':
			if i+1 < len(rs) && unicode.IsDigit(rs[i+1]) {
				continue
			}
			end = "。"
		default:
			continue
		}
		if s := strings.TrimSpace(string(rs[from:i])); s != "" {
			out = append(out, englishSentence{s, end})
		}
		from = i + 1
	}
	if s := strings.TrimSpace(string(rs[from:])); s != "" {
		out = append(out, englishSentence{s, ""})
	}
	return out
}

// englishRun is a run of text: English words (and the spaces and marks
// between them), or anything else (Chinese, digits) kept as written.
type englishRun struct {
	text  string
	latin bool
}

// englishSegments cuts text into runs of English and runs of Chinese,
// digits and the marks inside a phone number; other marks (，？!) end a
// run and are dropped.
func englishSegments(text string) []englishRun {
	var out []englishRun
	var b strings.Builder
	latin := false
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, englishRun{s, latin})
		}
		b.Reset()
	}
	for _, r := range text {
		var isLatin, kept bool
		switch {
		case isASCIILetter(r) || r == '\'' || r == '’':
			isLatin, kept = true, true
		case r == ' ' || r == '-' || r == '&':
			// "R&D expenses": the ampersand joins the words of a phrase.
			isLatin, kept = latin, true
		case unicode.Is(unicode.Han, r) || unicode.IsDigit(r):
			kept = true
		}
		if !kept {
			flush()
			continue
		}
		if isLatin != latin && b.Len() > 0 {
			flush()
		}
		latin = isLatin
		b.WriteRune(r)
	}
	flush()
	return out
}

// mostlyEnglish reports whether text is written mostly in English: two or
// more English words and no Chinese, or three or more, one of them a
// function word, with either fewer Chinese characters than English words
// or Chinese that only names ("What's the phone number of 区人力社保局?"):
// short runs that ask nothing. "can I do it online 网上能办吗" says its
// question in Chinese too and is read as Chinese.
func mostlyEnglish(text string) bool {
	words, function, han := 0, 0, 0
	names := true // every Chinese run is short and asks nothing
	for _, seg := range englishSegments(text) {
		if !seg.latin {
			n := 0
			for _, r := range seg.text {
				if unicode.Is(unicode.Han, r) {
					n++
				}
			}
			han += n
			if n > maxNameRunes || strings.ContainsAny(seg.text, chineseAsking) {
				names = false
			}
			continue
		}
		for _, w := range englishWords(seg.text) {
			words++
			if englishFunction[w] {
				function++
			}
		}
	}
	return han == 0 && words >= 2 || words >= 3 && function > 0 && (han < words || names)
}

// maxNameRunes is the most Chinese characters a run inside an English
// message may have to be read as a name (a person, a unit and its
// section: 区人力社保局 社保中心), and chineseAsking the characters by
// which a Chinese run asks something itself.
const (
	maxNameRunes  = 12
	chineseAsking = "吗呢么啥谁哪几怎"
)

// minPhoneDigits is the fewest digits a run needs to be a phone number
// (12345 is a hotline).
const minPhoneDigits = 5

// namesSomething reports whether a run kept as written in an English
// message names something: Chinese (a person, a unit) or a phone number.
func namesSomething(s string) bool {
	digits := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits >= minPhoneDigits
}

// latinRun finds a run of words typed in Latin letters, single spaces
// between them.
var latinRun = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*)*`)

// inChinese reads the English words inside a message written mostly in
// Chinese ("有没有 platform 可以借别的店的员工", as a foreigner running a
// shop types): a run of them the glossary reads whole as topics is
// replaced by its Chinese, with the spaces that set it apart; any other
// run stays as written (a name, "pizza", "sorry"). It reports whether it
// replaced anything.
func (g *glossary) inChinese(text string) (string, bool) {
	if g == nil || len(g.phrases) == 0 || mostlyEnglish(text) {
		return text, false
	}
	changed := false
	out := latinRun.ReplaceAllStringFunc(text, func(run string) string {
		ws := englishWords(run)
		var zh []string
		for i := 0; i < len(ws); {
			n := min(g.longest, len(ws)-i)
			for ; n > 0; n-- {
				if e, ok := g.phrases[strings.Join(ws[i:i+n], " ")]; ok && e.section == "topic" {
					zh = append(zh, e.zh)
					break
				}
			}
			if n == 0 {
				return run
			}
			i += n
		}
		changed = true
		return "\x00" + strings.Join(zh, "") + "\x00"
	})
	if !changed {
		return text, false
	}
	// The spaces that set the English apart go with it.
	out = strings.NewReplacer(" \x00", "", "\x00 ", "", "\x00", "").Replace(out)
	return out, true
}
