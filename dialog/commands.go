package dialog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"policybot/index"
	"policybot/seeds"
)

// command is one /command: its name, its description in the menu and
// /help, and what it does. The one table drives the adapter's menu
// (Commands), /help and dispatch.
type command struct {
	name, description string
	run               func(t *turn, args string) []Reply
}

// commandTable lists the commands in menu order.
func commandTable() []command {
	return []command{
		{"start", "开始：示例问题和菜单", func(t *turn, _ string) []Reply { t.reset(); return []Reply{t.start()} }},
		{"help", "使用说明", func(t *turn, _ string) []Reply { return []Reply{t.help()} }},
		{"list", "按章节浏览工作指南", func(t *turn, _ string) []Reply { return []Reply{t.browse("")} }},
		{"match", "政策体检：看看哪些措施适用于您", func(t *turn, _ string) []Reply { return []Reply{t.startMatch()} }},
		{"contact", "查询单位联系方式：/contact 单位名称", func(t *turn, args string) []Reply { return []Reply{t.contactCommand(args)} }},
		{"about", "关于本指南与数据缺失说明", func(t *turn, _ string) []Reply { return []Reply{t.about()} }},
		{"forget", "删除本对话的全部记录", (*turn).forget},
	}
}

// CommandInfo describes a command for the adapter's command menu.
type CommandInfo struct {
	Name        string // without the slash
	Description string // Chinese, shown in the menu
}

// Commands lists the commands the engine understands, in menu order (for
// an adapter's menu, e.g. Telegram's setMyCommands).
func Commands() []CommandInfo {
	var out []CommandInfo
	for _, c := range commandTable() {
		out = append(out, CommandInfo{Name: c.name, Description: c.description})
	}
	return out
}

// command runs a /command.
func (t *turn) command(name, args string) []Reply {
	for _, c := range commandTable() {
		if c.name == name {
			return c.run(t, args)
		}
	}
	return []Reply{t.hint("没有这个命令。可用的命令：" + commandList() + "。")}
}

// forget deletes the chat's records with the turn's own commit (see
// Commit.Forget): the reply is sent only once they are gone.
func (t *turn) forget(string) []Reply {
	t.forgotten = true
	t.asked, t.votes = nil, nil
	t.reset()
	return []Reply{t.hint("已删除本对话保存的全部记录（对话状态、提问记录和反馈）。")}
}

func (t *turn) reset() {
	*t.st = State{Mode: Idle, Updated: t.now}
}

func commandList() string {
	var names []string
	for _, c := range Commands() {
		names = append(names, "/"+c.Name)
	}
	return strings.Join(names, " ")
}

func (t *turn) start() Reply {
	text := "您好！我是助企政策问答助手，依据《" + t.guideName() + "》" + t.publishedNote() + "回答企业的问题：有哪些措施、说了什么、期限是否已过、找哪个部门、电话多少。\n\n直接用大白话提问即可，例如："
	var buttons [][]Button
	for _, q := range t.examples() {
		text += "\n• " + q
		buttons = append(buttons, []Button{t.button(q, actAsk, q)})
	}
	buttons = append(buttons, []Button{
		t.button("🩺 政策体检", actCommand, "match"),
		t.button("📖 浏览指南", actBrowse, ""),
		t.button("☎ 查联系方式", actCommand, "contact"),
		t.button("ℹ 关于", actCommand, "about"),
	})
	return Reply{Kind: seeds.KindCommand, Text: text, Buttons: buttons}
}

func (t *turn) help() Reply {
	var b strings.Builder
	b.WriteString("使用说明：\n")
	if ex := t.examples(); len(ex) > 0 {
		b.WriteString("• 直接提问，如“" + strings.Join(ex, "”“") + "”。\n")
	}
	b.WriteString("• 回答后可以接着问：“找谁办”“能网上办吗”“怎么申请”“什么时候截止”“配合单位”“原文”“还有吗”“上一个”，或换个话题如“公积金呢”。\n")
	if u := t.exampleUnit(); u != "" {
		b.WriteString("• 问某个单位的电话：“" + u + "电话”，或 /contact " + u + "。\n")
	}
	b.WriteString("命令：\n")
	for _, c := range commandTable() {
		b.WriteString("/" + c.name + " " + c.description + "\n")
	}
	b.WriteString("提示：" + t.periodNote())
	return Reply{Kind: seeds.KindCommand, Text: b.String()}
}

// publishedNote is "（2022年6月18日发布）", or "" when the guide has no date.
func (t *turn) publishedNote() string {
	if t.g.Published == "" {
		return ""
	}
	return "（" + cnDate(t.published()) + "发布）"
}

// periodNote says when the guide was published and which years its
// periods name, read from the guide, with the advice to confirm by phone.
func (t *turn) periodNote() string {
	s := ""
	if t.g.Published != "" {
		s = "指南发布于" + cnDate(t.published()) + "，"
	}
	years := map[int]bool{}
	var list []int
	for i := range t.g.Measures {
		m := &t.g.Measures[i]
		if p := t.period(m); !p.end.IsZero() && !years[p.end.Year()] {
			years[p.end.Year()] = true
			list = append(list, p.end.Year())
		}
	}
	slices.Sort(list)
	if len(list) > 0 {
		ys := make([]string, len(list))
		for i, y := range list {
			ys[i] = strconv.Itoa(y) + "年"
		}
		s += "所列期限在" + strings.Join(ys, "、") + "，"
	}
	return s + "办理前请先电话确认现行政策。"
}

func (t *turn) guideName() string {
	title := t.g.Title
	if i := strings.Index(title, "《"); i >= 0 {
		if j := strings.LastIndex(title, "》"); j > i {
			return title[i+len("《") : j]
		}
	}
	return title
}

func (t *turn) contactCommand(args string) Reply {
	if args == "" {
		units := t.ix.Units()
		var row []Button
		for i, u := range units {
			if len(u.Contacts) > 0 {
				row = append(row, t.button(strings.TrimPrefix(u.Name, "区"), actUnit, strconv.Itoa(i)))
			}
		}
		buttons := buttonRows(row, 3)
		text := "请选择单位，或发送 /contact 单位名称"
		if u := t.exampleUnit(); u != "" {
			text += "（如 /contact " + u + "）"
		}
		return Reply{Kind: seeds.KindCommand, Text: text + "：", Buttons: buttons}
	}
	u := t.ix.Unit(args)
	if u == nil {
		// "/contact 税务局 留抵退税": read as asking for the contacts of
		// the unit named, unless it is another district's.
		rd, err := t.ix.Read(args, index.Context{Contact: true})
		if err == nil && len(rd.Asks) > 0 && !rd.Asks[0].OtherPlace {
			u = rd.Asks[0].Unit
		}
	}
	if u == nil {
		return t.hint("指南中没有找到单位“" + seeds.Clip(args, 20) + "”。发送 /contact 查看指南列出的全部单位。")
	}
	t.setAnswered(0, u.Name, nil)
	return t.unitReply(u)
}

// about names the source document and the gaps the guide has, counting
// measures with text apart from those with only a contact block.
func (t *turn) about() Reply {
	r := t.g.Report
	with, without := t.textCounts()
	var b strings.Builder
	fmt.Fprintf(&b, "依据：%s\n", t.g.Title)
	if t.g.Issuer != "" || t.g.Published != "" {
		fmt.Fprintf(&b, "发布：%s", t.g.Issuer)
		if t.g.Published != "" {
			fmt.Fprintf(&b, "，%s", cnDate(t.published()))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "本指南措施编号至第%d条，收到的文件中可查到%d条：%d条有原文，%d条原文缺失、只有联系方式。收到的文件有损坏，已尽量恢复；缺失情况如实列出：\n", t.g.MaxNumber(), len(t.g.Measures), with, without)
	fmt.Fprintf(&b, "• 原文缺失的措施（%d条）：%s\n", len(r.MissingText), numbers(r.MissingText))
	fmt.Fprintf(&b, "• 没有联系人的措施（%d条）：%s\n", len(r.MissingContact), numbers(r.MissingContact))
	b.WriteString("电话号码均照录指南原文，不做推测。" + t.periodNote())
	return Reply{Kind: seeds.KindCommand, Text: b.String()}
}

func numbers(ns []int) string {
	if len(ns) == 0 {
		return "无"
	}
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return "第" + strings.Join(s, "、") + "条"
}

// exampleUnit is a unit of the guide to show in help texts: the one with
// the shortest name among those with a phone (easy to type), or "".
func (t *turn) exampleUnit() string {
	best := ""
	for _, u := range t.ix.Units() {
		if len(seeds.Phones(u.Contacts)) > 0 && (best == "" || len([]rune(u.Name)) < len([]rune(best))) {
			best = u.Name
		}
	}
	return best
}
