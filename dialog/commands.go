package dialog

import (
	"fmt"
	"strconv"
	"strings"
)

// command runs a /command.
func (t *turn) command(name, args string) []Reply {
	switch name {
	case "start":
		t.reset()
		return []Reply{t.start()}
	case "help":
		return []Reply{t.help()}
	case "list":
		return []Reply{t.browse("")}
	case "match":
		return []Reply{t.startMatch()}
	case "contact":
		return []Reply{t.contactCommand(args)}
	case "about":
		return []Reply{t.about()}
	case "forget":
		if err := t.e.store.Delete(t.ctx, t.chatID); err != nil {
			t.err = err
			return []Reply{t.hint("删除记录时出错，请稍后再试。")}
		}
		t.forgotten = true
		t.reset()
		return []Reply{t.hint("已删除本对话保存的全部记录（对话状态、提问记录和反馈）。")}
	}
	return []Reply{t.hint("没有这个命令。可用的命令：" + commandList() + "。")}
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
	text := "您好！我是密云区助企政策问答助手，依据《" + t.guideName() + "》（" + cnDate(t.published()) + "发布）回答企业的问题：有哪些措施、说了什么、期限是否已过、找哪个部门、电话多少。\n\n直接用大白话提问即可，例如："
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
	return Reply{Kind: KindCommand, Text: text, Buttons: buttons}
}

func (t *turn) help() Reply {
	return Reply{Kind: KindCommand, Text: "使用说明：\n" +
		"• 直接提问，如“社保能缓交吗”“交不起房租怎么办”。\n" +
		"• 回答后可以接着问：“找谁办”“电话多少”“原文”“什么时候截止”“配合单位”“还有吗”，或换个话题如“公积金呢”。\n" +
		"• 问某个单位的电话：“人社局电话”，或 /contact 人社局。\n" +
		"• /match 政策体检：回答三个问题，列出可能适用的措施。\n" +
		"• /list 按章节浏览全部措施；/about 查看指南来源和缺失的数据；/forget 删除本对话的记录。\n" +
		"提示：指南发布于" + cnDate(t.published()) + "，所列期限均在2022年，办理前请先电话确认现行政策。"}
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
		var buttons [][]Button
		var row []Button
		for i, u := range units {
			if len(u.Contacts) == 0 {
				continue
			}
			row = append(row, t.button(strings.TrimPrefix(u.Name, "区"), actUnit, strconv.Itoa(i)))
			if len(row) == 3 {
				buttons, row = append(buttons, row), nil
			}
		}
		if len(row) > 0 {
			buttons = append(buttons, row)
		}
		return Reply{Kind: KindCommand, Text: "请选择单位，或发送 /contact 单位名称（如 /contact 人社局）：", Buttons: buttons}
	}
	u := t.ix.Unit(args)
	if u == nil {
		if r, err := t.ix.Search(args + "电话"); err == nil && r.Kind == "unit" && r.Unit != nil {
			u = r.Unit
		}
	}
	if u == nil {
		return t.hint("指南中没有找到单位“" + clipRunes(args, 20) + "”。发送 /contact 查看指南列出的全部单位。")
	}
	t.setAnswered(0, u.Name, nil)
	return t.unitReply(u)
}

// about names the source document and the gaps the guide has.
func (t *turn) about() Reply {
	r := t.g.Report
	var b strings.Builder
	fmt.Fprintf(&b, "依据：%s\n发布：%s，%s\n", t.g.Title, t.g.Issuer, cnDate(t.published()))
	fmt.Fprintf(&b, "本指南措施编号至第%d条，可查到%d条。收到的文件有损坏，已尽量恢复；缺失情况如实列出：\n", t.g.MaxNumber(), len(t.g.Measures))
	fmt.Fprintf(&b, "• 原文缺失的措施（%d条）：%s\n", len(r.MissingText), numbers(r.MissingText))
	fmt.Fprintf(&b, "• 没有联系人的措施（%d条）：%s\n", len(r.MissingContact), numbers(r.MissingContact))
	b.WriteString("电话号码均照录指南原文，不做推测；指南中的期限均为2022年，现行政策请先电话确认。")
	return Reply{Kind: KindCommand, Text: b.String()}
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
