package dialog

import (
	"fmt"
	"strconv"
	"strings"

	"policybot/seeds"
)

// browse navigates the guide: "" lists the sections, "3" a section's
// subsections (and measures placed under the section only), "3.2" a
// subsection's measures. Section 0 gathers the measures whose place the
// seed lost. Navigation edits the message it came from.
func (t *turn) browse(arg string) Reply {
	t.st.Mode = Browsing
	sec, sub, hasSub := parseBrowse(arg)
	switch {
	case arg == "" || sec < 0:
		return t.browseRoot()
	case sec != 0 && t.g.Section(sec) == nil, hasSub && t.g.Subsection(sec, sub) == nil:
		// Data no button of this guide carries (forged, or a section
		// the guide no longer has).
		return Reply{Kind: seeds.KindCommand, Edit: true, Text: "没有这一节。",
			Buttons: [][]Button{{t.button("« 返回目录", actBrowse, "")}}}
	case !hasSub:
		return t.browseSection(sec)
	default:
		return t.browseSubsection(sec, sub)
	}
}

func parseBrowse(arg string) (sec, sub int, hasSub bool) {
	a, b, found := strings.Cut(arg, ".")
	sec, err := strconv.Atoi(a)
	if err != nil {
		return -1, 0, false
	}
	if !found {
		return sec, 0, false
	}
	sub, err = strconv.Atoi(b)
	if err != nil {
		return sec, 0, false
	}
	return sec, sub, true
}

func (t *turn) browseRoot() Reply {
	var buttons [][]Button
	count := map[int]int{}
	for _, m := range t.g.Measures {
		count[m.Section]++
	}
	for _, s := range t.g.Sections {
		title := s.Title
		if title == "" {
			title = "（标题缺失）"
		}
		buttons = append(buttons, []Button{t.button(fmt.Sprintf("%s、%s（%d条）", seeds.Numeral(s.Number), seeds.Clip(title, 14), count[s.Number]), actBrowse, strconv.Itoa(s.Number))})
	}
	if count[0] > 0 {
		buttons = append(buttons, []Button{t.button(fmt.Sprintf("章节不明的措施（%d条）", count[0]), actBrowse, "0")})
	}
	return Reply{Kind: seeds.KindCommand, Edit: true, Text: "《" + t.guideName() + "》共" + strconv.Itoa(len(t.g.Sections)) + "部分，请选择：", Buttons: buttons}
}

func (t *turn) browseSection(sec int) Reply {
	var buttons [][]Button
	var loose []*seeds.Measure
	counts := map[int]int{}
	for i := range t.g.Measures {
		m := &t.g.Measures[i]
		if m.Section != sec {
			continue
		}
		if m.Subsection == 0 {
			loose = append(loose, m)
		} else {
			counts[m.Subsection]++
		}
	}
	for _, s := range t.g.Subsections {
		if s.Section == sec && counts[s.Number] > 0 {
			buttons = append(buttons, []Button{t.button(fmt.Sprintf("（%s）%s（%d条）", seeds.Numeral(s.Number), seeds.Clip(s.Title, 14), counts[s.Number]), actBrowse, fmt.Sprintf("%d.%d", sec, s.Number))})
		}
	}
	for _, m := range loose {
		buttons = append(buttons, []Button{t.measureButton(m)})
	}
	buttons = append(buttons, []Button{t.button("« 返回目录", actBrowse, "")})
	title := "章节不明的措施（收到的文件丢失了这些措施前的标题）："
	if sec != 0 {
		title = t.sectionHeading(sec)
	}
	if len(buttons) == 1 {
		title += "\n（本部分没有可查到的措施。）"
	}
	return Reply{Kind: seeds.KindCommand, Edit: true, Text: title, Buttons: buttons}
}

func (t *turn) browseSubsection(sec, sub int) Reply {
	var buttons [][]Button
	for i := range t.g.Measures {
		m := &t.g.Measures[i]
		if m.Section == sec && m.Subsection == sub {
			buttons = append(buttons, []Button{t.measureButton(m)})
		}
	}
	buttons = append(buttons, []Button{t.button("« 返回上级", actBrowse, strconv.Itoa(sec)), t.button("« 目录", actBrowse, "")})
	title := t.sectionHeading(sec) + "\n" + t.g.SubsectionTitle(sec, sub)
	return Reply{Kind: seeds.KindCommand, Edit: true, Text: title, Buttons: buttons}
}

func (t *turn) measureButton(m *seeds.Measure) Button {
	label := seeds.Clip(m.Text, 16)
	switch {
	case m.Text == "" && len(m.Details) > 0:
		label = "（仅存部分内容）" + seeds.Clip(m.Details[0], 8)
	case m.Text == "":
		label = "（原文缺失）"
	}
	return t.button(fmt.Sprintf("第%d条 %s", m.Number, label), actMeasure, strconv.Itoa(m.Number))
}

// sectionHeading is "三、…" for an existing section, with a Chinese
// placeholder where the seed lost its title.
func (t *turn) sectionHeading(sec int) string {
	if s := t.g.Section(sec); s != nil && s.Title != "" {
		return seeds.Numeral(sec) + "、" + s.Title
	}
	return seeds.Numeral(sec) + "、（标题缺失）"
}
