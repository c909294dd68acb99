package dialog

import (
	"policybot/seeds"
	"strings"
)

// Small talk and requests in words: a message made only of greetings,
// thanks, goodbyes, "who are you", a request for a person, and filler, in
// any combination and order ("谢谢啦，再见", "好的谢谢"). Phrases match whole
// segmented words, so "现在" is not "在" and "谢谢，社保能缓交吗" is a question.

var socialSections = []string{phGreeting, phThanks, phBye, phIdentity, phHuman}

// social returns the social sections a message consists of, or nil when it
// says anything else. Social phrases must start and end at word
// boundaries of the segmented message; filler may sit inside a word
// ("我要" is 我 and 要).
func (t *turn) social(text string) map[string]bool {
	s := squeeze(text)
	if s == "" || parseSocial(s, t.ph.social, nil) == nil {
		// Not even made of these phrases: no need to segment it.
		return nil
	}
	boundary := map[int]bool{0: true}
	n := 0
	// Accurate mode: words that tile the message. Search mode (Cut) also
	// yields the words inside longer ones, which would put the boundaries
	// of 早上好 after 早上 and 上好.
	for _, w := range t.ix.Segmenter().Tag(strings.ToLower(text)) {
		n += len(squeeze(w.Word))
		boundary[n] = true
	}
	return parseSocial(s, t.ph.social, boundary)
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

// smallTalk answers a social message; ok is false for anything else.
func (t *turn) smallTalk(text string) (Reply, bool) {
	f := t.social(text)
	if f == nil {
		return Reply{}, false
	}
	switch {
	case f[phHuman]:
		return Reply{Kind: seeds.KindSmallTalk, Text: "我是自动问答助手，不能转接人工。需要人工服务的话，" + t.hotline() + "\n也可以在这里直接提问，我会给出指南原文和对应单位的联系电话。"}, true
	case f[phIdentity]:
		return Reply{Kind: seeds.KindSmallTalk, Text: t.introduction()}, true
	}
	var parts []string
	if f[phGreeting] && !f[phThanks] && !f[phBye] {
		parts = append(parts, "您好！我可以解答《"+t.guideName()+"》里的政策问题，例如："+strings.Join(t.examples(), "、")+"。")
	}
	if f[phThanks] {
		parts = append(parts, "不客气！")
	}
	if f[phBye] {
		parts = append(parts, "再见，祝生意兴隆！")
	} else if f[phThanks] {
		parts = append(parts, "还有其他问题可以随时问我。")
	}
	return Reply{Kind: seeds.KindSmallTalk, Text: strings.Join(parts, "")}, true
}

// introduction says what the bot is and does, from the parsed guide.
func (t *turn) introduction() string {
	with, without := t.textCounts()
	s := "我是助企政策问答助手，依据《" + t.guideName() + "》"
	if t.g.Issuer != "" || t.g.Published != "" {
		s += "（" + t.g.Issuer
		if t.g.Published != "" {
			s += cnDate(t.published()) + "发布"
		}
		s += "）"
	}
	s += "回答企业的问题：有哪些措施、原文怎么说、期限是否已过、找哪个部门、电话多少。"
	s += "指南中可查到" + itoa(with+without) + "条措施，其中" + itoa(with) + "条有原文"
	if without > 0 {
		s += "，" + itoa(without) + "条只有联系方式"
	}
	s += "。\n直接用大白话提问即可，例如：" + strings.Join(t.examples(), "、") + "。"
	return s
}

// textCounts counts the guide's measures with text (or follow-up
// sentences) and those with only a contact block.
func (t *turn) textCounts() (with, without int) {
	for i := range t.g.Measures {
		m := &t.g.Measures[i]
		if m.Text != "" || len(m.Details) > 0 {
			with++
		} else {
			without++
		}
	}
	return with, without
}
