package seeds

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one 。-terminated piece of the seed with whitespace removed.
type sentence struct {
	text string
	// raw is the sentence as written, trimmed: its line breaks and spaces
	// separate table cells and a unit from its department.
	raw string
	// joined: no line break before the sentence; its first line continues
	// the line of the sentence before it (a table cell with a 。 inside).
	joined bool
	// terminated is false only for a final piece the seed left without 。.
	terminated bool
}

// splitSentences cuts text after every 。 and removes all whitespace:
// newlines were sprinkled into the seed at random, and the guide's Chinese
// text has no meaningful spaces. Empty pieces are dropped.
func splitSentences(text string) []sentence {
	var out []sentence
	for len(text) > 0 {
		i := strings.Index(text, "。")
		var raw string
		term := i >= 0
		if term {
			raw, text = text[:i+len("。")], text[i+len("。"):]
		} else {
			raw, text = text, ""
		}
		for i, part := range cutAtStructure(raw) {
			if s := stripSpace(part); s != "" && s != "。" {
				lead := part[:len(part)-len(strings.TrimLeftFunc(part, unicode.IsSpace))]
				out = append(out, sentence{text: s, raw: strings.TrimSpace(part), terminated: term || i == 0 && part != raw,
					joined: i == 0 && !strings.Contains(lead, "\n")})
			}
		}
	}
	return out
}

// cutAtStructure cuts a sentence that does not start with structure before
// its first line that does: "…特制定以下措施：" and "一、…1.…" on the next
// lines are two pieces, or the measure would be taken for preamble or for
// a follow-up. A sentence without line breaks (the embedded seed's) is never
// cut.
func cutAtStructure(raw string) []string {
	if startsLine(stripSpace(raw)) {
		return []string{raw}
	}
	if _, at := fieldBeforeDuty(stripSpace(raw)); at > 0 {
		return []string{raw} // a policy list's field stays with its duty block
	}
	// "…特制定以下措施：一、…" with the line break lost: the first section
	// heading after a colon. So too a measure number after an introduction
	// whose heading the corruption lost ("…特制定以下措施：1.…"); a label
	// such as "具体流程：1.…" introduces steps, not measures.
	if loc := firstSectionAfterColon.FindStringIndex(raw); loc != nil {
		return []string{raw[:loc[0]+len("：")], raw[loc[0]+len("："):]}
	}
	if loc := measureAfterColon.FindStringIndex(raw); loc != nil && utf8.RuneCountInString(stripSpace(raw[:loc[0]])) > maxLabel {
		return []string{raw[:loc[0]+len("：")], raw[loc[0]+len("："):]}
	}
	// "…实施细则一、全力减轻市场主体负担（一）…" with the line break after
	// the title lost: the first section heading, a short line of its own
	// that opens the first measure, starts the piece; else the first
	// measure is read as the introduction's words and loses its text.
	if loc := firstSectionGlued.FindStringSubmatchIndex(raw); loc != nil && !strings.ContainsAny(raw[loc[2]:loc[3]], "第其之") {
		return []string{raw[:loc[4]], raw[loc[4]:]}
	}
	// So too the first measure glued to a title whose heading the
	// corruption lost ("…实施细则（一）全面落实…"): a title ends with the
	// kind of document it is.
	if loc := firstGluedToTitle.FindStringSubmatchIndex(raw); loc != nil {
		return []string{raw[:loc[2]], raw[loc[2]:]}
	}
	lines := strings.SplitAfter(raw, "\n")
	if len(lines) < 2 {
		return []string{raw}
	}
	off := len(lines[0])
	for _, l := range lines[1:] {
		if t := stripSpace(l); t != "" && startsLine(t) && stripSpace(raw[:off]) != "" {
			return []string{raw[:off], raw[off:]}
		}
		off += len(l)
	}
	return []string{raw}
}

var (
	firstSectionAfterColon = regexp.MustCompile(`：\s*一、`)
	measureAfterColon      = regexp.MustCompile(`：\s*\d{1,3}[.．]\D`)
	// firstGluedToTitle is a first bracket-numbered measure glued to the
	// title line before it (a line of no punctuation ending with the kind
	// of document), its text running on for a while ("…措施（一）的规定"
	// is a reference).
	firstGluedToTitle = regexp.MustCompile(`(?m)^[ \t　]*[^\s，。；：:、,（()）]{4,60}?(?:细则|措施|办法|方案|清单|意见|政策|指南|规定)[ \t　]*([（(]一[）)])[^，。；：、\n（(]{8}`)
	// firstSectionGlued is the first section heading glued to the words
	// before it, up to the first measure under it: a heading has no
	// sentence punctuation.
	firstSectionGlued = regexp.MustCompile(`([^\s一二三四五六七八九十、：])\s*(一、)[^，。；：、\n]{2,30}?\s*(?:[（(]一[）)]|1[.．]\D)`)
)

// maxLabel is the longest label, in runes, that introduces a list of steps
// ("具体流程", "办理方式及材料"); an introduction is a sentence.
const maxLabel = 12

// startsLine reports whether a line starts a heading, a measure or a block.
func startsLine(t string) bool {
	if startsStructure(t, false) || subsectionHead.MatchString(t) || leadLabel.MatchString(t) || startsDuty(t) {
		return true
	}
	b, _ := clauseAt(t)
	return b != nil
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// dedupe keeps the first copy of every sentence and reports the others.
func dedupe(in []sentence) (kept []sentence, dups []Duplicate) {
	seen := map[string]int{} // text -> index into dups+1, 0 if seen once
	first := map[string]bool{}
	for _, s := range in {
		if !first[s.text] {
			first[s.text] = true
			kept = append(kept, s)
			continue
		}
		if i := seen[s.text]; i > 0 {
			dups[i-1].Copies++
			continue
		}
		dups = append(dups, Duplicate{Sentence: s.text, Copies: 1})
		seen[s.text] = len(dups)
	}
	return kept, dups
}

// cutAfterStops cuts s after each 。, which stays with its sentence; the
// text after the last 。, if any, is the last piece. Nothing is trimmed.
func cutAfterStops(s string) []string {
	var out []string
	for s != "" {
		i := strings.Index(s, "。")
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+len("。")])
		s = s[i+len("。"):]
	}
	return out
}
