package dialog

import (
	"policybot/index"
	"policybot/seeds"
	"strings"
)

// smallTalk answers a message the index read as small talk ("谢谢啦，再见",
// "你是谁", "转人工").
func (t *turn) smallTalk(f index.Social) Reply {
	switch {
	case f.Human:
		return Reply{Kind: seeds.KindSmallTalk, Text: t.noHuman()}
	case f.Identity:
		return Reply{Kind: seeds.KindSmallTalk, Text: t.introduction()}
	}
	var parts []string
	if f.Greeting && !f.Thanks && !f.Bye {
		parts = append(parts, "您好！我可以解答《"+t.guideName()+"》里的政策问题，例如："+strings.Join(t.examples(), "、")+"。")
	}
	if f.Thanks {
		parts = append(parts, "不客气！")
	}
	if f.Bye {
		parts = append(parts, "再见，祝生意兴隆！")
	} else if f.Thanks {
		parts = append(parts, "还有其他问题可以随时问我。")
	}
	return Reply{Kind: seeds.KindSmallTalk, Text: strings.Join(parts, "")}
}

// whoAnswers says plainly who answers ("你是机器人还是真人", "是不是政府
// 的"), in the introduction and before the answer to a question asked
// along with it (index.Reading.Identity).
const whoAnswers = "回答由程序按指南原文自动给出，不是政府工作人员，也不代表受理部门的认定；能否办理以受理部门答复为准。"

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
	// "你是机器人还是真人", "是不是政府的": say it plainly.
	s += whoAnswers
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
