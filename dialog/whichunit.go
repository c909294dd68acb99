package dialog

import (
	"strings"

	"policybot/seeds"
)

// whichUnit answers "要找镇里还是找文旅局" about the measure in talk: a
// choice between units is asked of its roles, which the guide writes (牵
// 头单位, 配合单位), so the reply says which unit leads and which
// supports, with the lead's contacts, and that the guide lists no phone
// for a supporting unit it gives none for. It reports false unless the
// message offers an alternative (还是) of whom to go to and names at
// least one of the measure's own units; other messages are read as usual.
func (t *turn) whichUnit(text string) (Reply, bool) {
	m := t.current()
	if m == nil || len(m.Lead) == 0 || !strings.Contains(text, "还是") || !strings.ContainsAny(text, "找谁归管办") {
		return Reply{}, false
	}
	var leads, supports []string
	for _, u := range m.Lead {
		if t.namesUnit(text, u) {
			leads = append(leads, u)
		}
	}
	for _, u := range m.Support {
		if t.namesUnit(text, u) {
			supports = append(supports, u)
		}
	}
	if named := len(leads) + len(supports); named == 0 || named < 2 && !t.namesOther(text, m) {
		// "找镇里还是找谁": one party named and no other: no choice
		// between units the roles settle.
		return Reply{}, false
	}
	n := "第" + itoa(m.Number) + "条"
	var b strings.Builder
	b.WriteString(t.measureTitle(m) + "\n")
	b.WriteString(n + "的牵头单位是" + strings.Join(m.Lead, "、"))
	if len(m.Support) > 0 {
		b.WriteString("，配合单位是" + strings.Join(m.Support, "、"))
	}
	b.WriteString("。")
	for _, u := range supports {
		if !hasContactOf(m, u) {
			b.WriteString(n + "没有列出" + u + "的联系人和电话；")
		}
	}
	b.WriteString("办理和咨询请先找牵头单位：\n" + t.leadContact(m))
	t.setAnswered(m.Number, "", nil)
	return Reply{Kind: seeds.KindMeasure, Text: b.String(), Measures: []int{m.Number}}, true
}

// namesUnit reports whether text names unit u: by its name or an alias
// the directory knows, or, for a town or street office (a name with 镇 or
// 街), by a word for the local office (index.Index.NamesLocalOffice).
func (t *turn) namesUnit(text, u string) bool {
	if strings.Contains(text, u) {
		return true
	}
	if x := t.ix.Unit(u); x != nil {
		for _, a := range x.Aliases {
			if a != "" && strings.Contains(text, a) {
				return true
			}
		}
	}
	return strings.ContainsAny(u, "镇街乡") && t.ix.NamesLocalOffice(text)
}

// namesOther reports whether text names a unit of the guide that is not
// one of measure m's.
func (t *turn) namesOther(text string, m *seeds.Measure) bool {
	for _, u := range t.ix.Units() {
		if involves(m, u.Name) {
			continue
		}
		if t.namesUnit(text, u.Name) {
			return true
		}
	}
	return false
}
