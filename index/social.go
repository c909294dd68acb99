package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policybot/index/clause"
)

// Small talk and requests in words: a message made only of greetings,
// thanks, goodbyes, "who are you", a request for a person, and filler, in
// any combination and order ("谢谢啦，再见", "好的谢谢"). Phrases match whole
// segmented words, so "现在" is not "在" and "谢谢，社保能缓交吗" is a question.

// Social is what a small-talk message consists of.
type Social struct {
	Greeting, Thanks, Bye bool
	Identity              bool // 你是谁 / 你能做什么
	Human                 bool // asks for a person
}

// socialPhrase is a small-talk phrase (social) or filler around it.
type socialPhrase struct {
	text   string
	social bool
	sec    string
}

var socialSections = []string{cueGreeting, cueThanks, cueBye, cueIdentity, cueHuman}

// social returns the social sections a message consists of, or nil when it
// says anything else. Social phrases must start and end at word
// boundaries of the segmented message; filler may sit inside a word
// ("我要" is 我 and 要).
func (ix *Index) social(text string) map[string]bool {
	s := squeeze(text)
	if s == "" || parseSocial(s, ix.cues.social, nil) == nil {
		// Not even made of these phrases: no need to segment it.
		return nil
	}
	boundary := map[int]bool{0: true}
	n := 0
	// Accurate mode: words that tile the message. Search mode (Cut) also
	// yields the words inside longer ones, which would put the boundaries
	// of 早上好 after 早上 and 上好.
	for _, w := range ix.seg.Tag(strings.ToLower(text)) {
		n += len(squeeze(w.Word))
		boundary[n] = true
	}
	return parseSocial(s, ix.cues.social, boundary)
}

// parseSocial reads s as a run of phrases and returns the social sections
// of one reading, or nil if there is none or it has no social phrase. With
// boundary non-nil, social phrases must start and end at its positions.
func parseSocial(s string, phrases []socialPhrase, boundary map[int]bool) map[string]bool {
	// found[i] is the social sections of one way to read s[:i], nil if
	// there is none.
	found := make([]map[string]bool, len(s)+1)
	found[0] = map[string]bool{}
	for i := 0; i < len(s); i++ {
		if found[i] == nil {
			continue
		}
		for _, p := range phrases {
			j := i + len(p.text)
			if !strings.HasPrefix(s[i:], p.text) || (p.social && boundary != nil && !(boundary[i] && boundary[j])) {
				continue
			}
			if found[j] == nil {
				found[j] = map[string]bool{}
			}
			for k := range found[i] {
				found[j][k] = true
			}
			if p.social {
				found[j][p.sec] = true
			}
		}
	}
	end := found[len(s)]
	for _, sec := range socialSections {
		if end[sec] {
			return end
		}
	}
	return nil
}

// smallTalk reads a message as small talk, or returns nil.
func (ix *Index) smallTalk(text string) *Social {
	f := ix.social(text)
	if f == nil {
		return nil
	}
	if f[cueBye] && !f[cueThanks] && !f[cueGreeting] && strings.ContainsAny(text, "吗?？") {
		// "没了吗" asks whether that is all; "没了" ends the talk.
		return nil
	}
	return &Social{Greeting: f[cueGreeting], Thanks: f[cueThanks], Bye: f[cueBye], Identity: f[cueIdentity], Human: f[cueHuman]}
}

// withoutCourtesy drops an opening greeting or thanks ("你好 我开理发店的…",
// "您好，…") and a closing thanks or goodbye ("…找谁 谢谢") that stand as
// clauses of their own from a message that asks something else: they say
// nothing about the question and only weigh against it.
func (ix *Index) withoutCourtesy(text string) string {
	s, _ := ix.withoutSocial(text, func(f map[string]bool) bool { return !f[cueIdentity] && !f[cueHuman] })
	return s
}

// withoutIdentity drops an opening or closing clause asking who answers
// ("你们这个是官方的吗？我们是驾校，…有没有补贴"): the question is read
// without it, which would rank a measure by 官方 or 机器人, and ok tells
// the reply to say what answers (Reading.Identity).
func (ix *Index) withoutIdentity(text string) (string, bool) {
	return ix.withoutSocial(text, func(f map[string]bool) bool { return f[cueIdentity] })
}

// withoutSocial drops the opening clauses and the closing one of text
// that are small talk of the kind is accepts, when something else is
// left; ok reports whether any went.
func (ix *Index) withoutSocial(text string, is func(map[string]bool) bool) (string, bool) {
	isSep := func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,。！!；;？?~～、", r) }
	social := func(clause string) bool {
		f := ix.social(clause)
		return f != nil && is(f)
	}
	s := strings.TrimSpace(text)
	dropped := false
	// Each opening clause of courtesy goes ("谢谢师傅 记下了 那找谁办").
	for i := strings.IndexFunc(s, isSep); i > 0 && social(s[:i]); i = strings.IndexFunc(s, isSep) {
		rest := strings.TrimLeftFunc(s[i:], isSep)
		if rest == "" {
			break
		}
		s, dropped = rest, true
	}
	if i := strings.LastIndexFunc(s, isSep); i > 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		if last := s[i+n:]; last != "" && social(last) && strings.TrimRightFunc(s[:i], isSep) != "" {
			s, dropped = strings.TrimRightFunc(s[:i], isSep), true
		}
	}
	return s, dropped
}

// closing reads a message that thanks or says goodbye in a clause of its
// own and asks nothing in the others ("算了 我打电话问吧 谢谢", "好的 明白了
// 我去窗口办"): the small talk it ends the talk with, or nil. Whether the
// other clauses name something the guide answers is the caller's to judge
// (Read searches them); here only their asking is: a question mark, a
// question word, a yes/no cue, an aspect or a question cue keeps it a
// question.
func (ix *Index) closing(text string) *Social {
	isSep := func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,。！!；;~～、", r) }
	if strings.ContainsAny(text, "?？") {
		return nil
	}
	var found *Social
	var rest []string
	for _, clause := range strings.FieldsFunc(text, isSep) {
		if f := ix.social(clause); f != nil && !f[cueIdentity] && !f[cueHuman] {
			if f[cueThanks] || f[cueBye] {
				if found == nil {
					found = &Social{}
				}
				found.Thanks = found.Thanks || f[cueThanks]
				found.Bye = found.Bye || f[cueBye]
			}
			continue
		}
		rest = append(rest, clause)
	}
	if found == nil || len(rest) == 0 {
		return nil
	}
	// "好 俺闺女说让游客来体验做豆腐 区里支持这个不": a clause that asks yes
	// or no in its shape, with no cue word, keeps it a question.
	// "行吧 房租减免那个是找街道那个公司直接减还是得先去国资委申请": an
	// either-or in its shape asks which, so the assent opens a question.
	if slices.ContainsFunc(rest, clause.AsksYesNo) || slices.ContainsFunc(rest, clause.AsksEitherOr) {
		return nil
	}
	r := strings.Join(rest, " ")
	if ix.YesNo(r) ||
		ix.cues.has(r, cueInterrogative) || ix.cues.has(r, cueDeadline) ||
		ix.cues.has(r, cueList) || ix.cues.has(r, cueDetails) || ix.cues.has(r, cueMore) {
		return nil
	}
	return found
}

// afterSetAside is what text asks after a next.ask phrase ("再问一句")
// when the words before it set the matter before aside (算了, or the
// asker's next step: "算了电费我直接去问市场吧。再问一句 那个12345是管啥的"):
// the matter left is no story of the new question, and read with it, its
// words (电费) kept the question on the measure set aside. ok is false,
// and text returned, for any other message: a story told before the
// phrase ("我是开饭店的，再问一句 房租能减吗") is the question's own.
func (ix *Index) afterSetAside(text string) (string, bool) {
	for _, ph := range ix.cues.list(cueNextAsk) {
		i := strings.Index(text, ph)
		if i <= 0 {
			continue
		}
		before, rest := text[:i], strings.TrimLeft(text[i+len(ph):], " 　，,。：:；;！!")
		if rest == "" || !strings.Contains(before, "算了") && !ix.cues.has(before, cueLeave) {
			return text, false
		}
		return rest, true
	}
	if rest, ok := ix.afterStandaloneSetAside(text); ok {
		return rest, true
	}
	return text, false
}

// setAsidePattern finds 算了 standing alone as "never mind" ("这跟社保有啥
// 关系…… 算了 税务局电话有吗", "那算了，房租能减吗"): after the start, a
// break or 那/就 and before a break, not 算了一下 or 不算了 (reckoned, no
// longer counts).
var setAsidePattern = regexp.MustCompile(`(?:^|[\s，,。．.…！!？?；;、~～]|那|就)算了吧?(?:[\s，,。．.…！!；;、~～]+)`)

// afterStandaloneSetAside is what text asks after a 算了 standing alone
// when that asks something of its own (a question word, a yes/no
// question, a contact): the words before it are the matter dropped, and
// read with the new question, they (社保) would pull it back to the
// measure the asker has just given up on.
func (ix *Index) afterStandaloneSetAside(text string) (string, bool) {
	locs := setAsidePattern.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return text, false
	}
	last := locs[len(locs)-1]
	rest := strings.TrimSpace(text[last[1]:])
	if last[0] == 0 || rest == "" {
		return text, false
	}
	if !ix.YesNo(rest) && !ix.cues.has(rest, cueInterrogative) && !ix.cues.has(rest, cueContact) {
		return text, false
	}
	return rest, true
}
