package seeds

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A 政策清单 (policy list) writes each measure as a title line followed by
// labelled lines, one field per line:
//
//	3. 减免国有房屋租金
//	政策内容：2022年对承租区属国有房屋的……
//	适用对象：……
//	办理方式：……
//	执行期限：2022年12月31日
//	责任单位：区国资委
//	联系人及电话：韩某某 010-6944xxxx
//
// normalizeFields rewrites such a text into the shapes the sentence parser
// reads (a measure's first sentence, follow-up sentences, a duty block glued
// to the next measure's number), before the text is cut into sentences. It
// works on the corrupted text as well as on a clean one: every rewrite looks
// at a line and its neighbours only, and a sentence copied or moved by the
// corruption is rewritten the same wherever it stands.
//
// The corruption's copies are found by their text, so two fields written
// alike under two measures ("适用对象：小微企业。") are one sentence, kept
// under the later measure. The field before the duty block (most often
// the deadline, the field most often alike) is read with the block and so
// kept under each (see fieldBeforeDuty).

// Field labels, domain knowledge of Chinese policy lists. Each list's order
// matters only in that a longer label must come before a label it starts
// with.
var (
	// contentLabels introduce the measure's text; with the title they are
	// the measure's first sentence.
	contentLabels = []string{"政策内容", "支持内容", "主要内容", "具体内容", "措施内容", "支持政策", "政策措施"}
	// detailSlots are the labels that introduce what stays with the measure
	// as follow-up sentences (who qualifies, on what conditions, how to
	// apply, until when), grouped by what they say: a measure has at most
	// one field of each group.
	detailSlots = [][]string{
		{"适用对象", "支持对象", "申报对象", "服务对象", "适用范围"},
		{"申报条件", "申请条件", "支持条件", "享受条件"},
		{"办理方式", "申报方式", "申请方式", "办理流程", "申报流程", "办理渠道"},
		{"申报材料", "申请材料"},
		{"执行期限", "兑现时间", "有效期", "实施期限", "执行时间", "申报时间", "申报截止日期", "申报截止时间"},
		{"兑现方式"},
		{"政策依据"},
		// How long the office takes once it accepts an application (a
		// 办事指南's 办理时限, see handbook.go).
		{"办理时限", "承诺时限"},
	}
	// unitLabels name the units answering for the measure; all read as a
	// duty block's 责任单位.
	unitLabels = []string{"责任单位", "责任部门", "主管部门", "牵头单位", "牵头部门", "实施单位"}
	// peopleContactLabels introduce people with their phones on one line
	// ("联系人及电话：张某（区税务局）010-…；李某（区财政局）010-…").
	// 联系方式 may also hold a phone alone, which the duty block reads as is.
	peopleContactLabels = []string{"联系人及电话", "联系人及联系方式", "联系人和电话", "联系人及联系电话", "联系方式"}
)

type fieldKind int

const (
	fieldNone fieldKind = iota
	fieldContent
	fieldDetail
	fieldUnit
	fieldContact
)

// fieldAt returns the kind of labelled line t is, and its value.
func fieldAt(t string) (fieldKind, string) {
	for _, l := range []struct {
		kind   fieldKind
		labels []string
	}{{fieldContent, contentLabels}, {fieldDetail, slices.Concat(detailSlots...)}, {fieldUnit, unitLabels}, {fieldContact, peopleContactLabels}} {
		for _, label := range l.labels {
			if rest, ok := strings.CutPrefix(t, label); ok && (strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")) {
				_, n := utf8.DecodeRuneInString(rest)
				return l.kind, strings.TrimSpace(rest[n:])
			}
		}
	}
	if startsDuty(t) {
		return fieldContact, ""
	}
	return fieldNone, ""
}

var (
	// titleEnd is a measure's title standing at the end of a line: its
	// number (1. 1、 （一）) and a short title without a sentence's end.
	titleEnd = regexp.MustCompile(`(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十]+[）)])\s*[^\s\d。：:；;][^。：:；;]{0,40}$`)
	// titleComma is a title numbered "1、", read as "1.".
	titleComma = regexp.MustCompile(`^(\d{1,3})、`)
	// stepNumber is a step's number at the start of a sentence inside a
	// field ("1.企业提出申请。2.银行出具……"): never a measure's number.
	stepNumber = regexp.MustCompile(`(^|[。；;：:])(\s*)(\d{1,3})[.．、]([^\d])`)
)

// isFieldLayout reports whether at least three titles are followed by a
// content or detail line: the text is a policy list.
func isFieldLayout(lines []string) bool {
	n := 0
	for i := 0; i+1 < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		k, _ := fieldAt(strings.TrimSpace(lines[i+1]))
		if (k == fieldContent || k == fieldDetail) && !strings.HasSuffix(t, "。") && titleEnd.MatchString(t) {
			n++
		}
	}
	return n >= 3
}

// normalizeFields rewrites a policy list's lines (see above) and returns
// the lines it could not read, and whether the text is a policy list. Any
// other text comes back unchanged.
func normalizeFields(text string) (string, []Unread, bool) {
	lines := strings.Split(text, "\n")
	if !isFieldLayout(lines) {
		return text, nil, false
	}
	var unread []Unread
	out := make([]string, 0, len(lines))
	for i, line := range lines {
		t := strings.TrimSpace(line)
		kind, value := fieldAt(t)
		nextKind := fieldNone
		if i+1 < len(lines) {
			nextKind, _ = fieldAt(strings.TrimSpace(lines[i+1]))
		}
		// A title stands before the first field of its measure: at the end
		// of this line when the next opens the measure's fields.
		titled := (nextKind == fieldContent || nextKind == fieldDetail) && !strings.HasSuffix(t, "。")
		switch kind {
		case fieldContent:
			// The title before it, with the content, is the measure's
			// first sentence.
			sep := "："
			if len(out) == 0 || strings.HasSuffix(out[len(out)-1], "。") {
				sep = ""
			}
			t = sep + stepNumbers(value)
		case fieldDetail:
			t = detailLine(t, titled, nextKind == fieldUnit || nextKind == fieldContact)
		case fieldUnit:
			t = "责任单位：" + value
		case fieldContact:
			if value != "" {
				var bad []Unread
				t, bad = dutyLines(t, value)
				unread = append(unread, bad...)
			}
		default:
			t = plainLine(t, titled)
		}
		// A field's value that its line leaves unterminated ends before the
		// next field, unless a duty block (unit, contact) continues it.
		if len(out) > 0 && (kind == fieldDetail || (kind == fieldUnit || kind == fieldContact) && !continuesDuty(out[len(out)-1])) {
			if prev := out[len(out)-1]; prev != "" && !strings.HasSuffix(prev, "。") && !strings.HasSuffix(prev, "：") {
				out[len(out)-1] = prev + "。"
			}
		}
		out = append(out, t)
	}
	return strings.Join(out, "\n"), unread, true
}

// fieldBeforeDuty finds a policy list's field whose value its line left
// unterminated before the measure's duty block ("执行期限：2022年12月31日" then
// "责任单位：…" and the next measure): it returns the field, ended with 。,
// and where the block starts, or 0. The field stays in the sentence of the
// block, which tells it from the same words under another measure.
func fieldBeforeDuty(s string) (string, int) {
	if k, _ := fieldAt(s); k != fieldDetail {
		return "", 0
	}
	loc := dutyAnyLabel.FindStringIndex(s)
	if loc == nil {
		return "", 0
	}
	at := loc[0]
	if !startsDuty(s[at:]) {
		return "", 0
	}
	return strings.TrimRight(s[:at], "，,；;") + "。", at
}

// continuesDuty reports whether a unit or contact line after line prev
// needs no 。 between them: prev names the units or an earlier contact (one
// duty block), or is a field left unterminated, which stays in the block's
// sentence (see fieldBeforeDuty).
func continuesDuty(prev string) bool {
	k, _ := fieldAt(prev)
	return k == fieldUnit || k == fieldContact || k == fieldDetail || startsDuty(prev)
}

// detailLine ends a detail field's value with 。 (unless the duty block
// follows: see fieldBeforeDuty) and renumbers its steps. When titled, the
// next measure's title was glued to the value's end (the line break before
// a number lost): the value ends before the title.
func detailLine(t string, titled, beforeDuty bool) string {
	title := ""
	if titled {
		if i := gluedTitle(t); i >= 0 {
			t, title = t[:i], t[i:]
		}
	}
	t = stepNumbers(t)
	if !strings.HasSuffix(t, "。") && (title != "" || !beforeDuty) {
		t += "。"
	}
	return t + title
}

// gluedTitle returns where a title glued to the end of t starts, or -1. A
// number right after a digit is not taken apart ("…12月3116." may be the
// 31st and measure 16, or the 3rd and measure 116): no measure number is
// guessed from inside a value.
func gluedTitle(t string) int {
	for off := 0; off < len(t); {
		loc := titleEnd.FindStringIndex(t[off:])
		if loc == nil {
			return -1
		}
		i := off + loc[0]
		if i == 0 || !isDigit(t[i-1]) {
			return i
		}
		off = i + 1
	}
	return -1
}

// plainLine renumbers the steps of an unlabelled line (a field's value
// running on after a line break) and reads a title line's "1、" as "1.".
func plainLine(t string, titled bool) string {
	if !titled {
		return stepNumbers(t)
	}
	before, title := "", t
	if i := strings.LastIndex(t, "。"); i >= 0 {
		before, title = t[:i+len("。")], t[i+len("。"):]
	}
	return stepNumbers(before) + titleComma.ReplaceAllString(title, "$1.")
}

// stepNumbers writes the steps' numbers inside a field as "（1）", so that no
// sentence of a field starts like a measure.
func stepNumbers(s string) string {
	return stepNumber.ReplaceAllString(s, "$1$2（$3）$4")
}

// dutyLines rewrites a "联系人及电话：" line into a duty block's 联系人 and
// 联系电话 lines, one pair per contact. A contact is the people (with
// their unit in brackets, if the guide names it) before its first digit,
// then its phones; contacts are separated by ；. A contact without a phone,
// or with a long text before it, is returned as unread and dropped.
func dutyLines(line, value string) (string, []Unread) {
	var out []string
	var unread []Unread
	for _, entry := range strings.FieldsFunc(value, func(r rune) bool { return r == '；' || r == ';' }) {
		entry = strings.TrimSpace(entry)
		i := strings.IndexFunc(entry, func(r rune) bool { return r >= '0' && r <= '9' })
		if i < 0 {
			unread = append(unread, Unread{Line: line, Why: "a contact without a phone: " + entry})
			continue
		}
		people := strings.Trim(entry[:i], " \t\u3000，,、：:")
		if utf8.RuneCountInString(people) > 24 || strings.ContainsAny(people, "。") {
			unread = append(unread, Unread{Line: line, Why: "words before a phone that are not a contact person: " + people})
			continue
		}
		if people != "" {
			out = append(out, "联系人："+people)
		}
		out = append(out, "联系电话："+entry[i:])
	}
	return strings.Join(out, "\n"), unread
}
