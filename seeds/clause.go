package seeds

import (
	"regexp"
	"strings"
)

// A clause names a measure's units in brackets where the measure ends:
// "（责任单位：区市场监管局）", "（区政务服务局牵头，区发改局、区住建局配合）",
// "（区住建局牵头）", "（牵头单位：区人社局，配合单位：区财政局；咨询电话：…）".
// It sits after the measure's last sentence or just before its final 。
// (or on the next line); the measure's steps may follow it.
var (
	clauseRe = regexp.MustCompile(`[（(](?:(?:责任|牵头)(?:单位|部门)[：:]((?:[^（）()]|[（(][^（）()]+[）)])+)|([^（）()：:]{2,80}?)(?:牵头|负责)(?:[，,；;]((?:[^（）()：:]|[（(][^（）()]+[）)])+?)(?:配合|参与|协助|协同))?)[）)]`)
	// supportTail is what a support list may end with: "区水务局等部门".
	supportTail = regexp.MustCompile(`等(?:部门|单位)?$`)
	// clauseSupport is a 配合单位 list inside a labelled clause, after the
	// lead units: "牵头单位：区人社局，配合单位：区财政局、各街道；咨询电话：…".
	clauseSupport = regexp.MustCompile(`[，,；;]?[ \t　]*配合(?:单位|部门)[：:]`)
	// alsoDuty is a 责任单位 list after a clause's 牵头单位.
	alsoDuty = regexp.MustCompile(`[；;，,][ \t　]*责任(?:单位|部门)[：:]`)
	// clausePhone is a phone in one of the shapes phoneAt reads.
	clausePhone = `(?:0\d{2,3}-\d{8}|0\d{3}-\d{7}|1[3-9]\d{9}|[2-9]\d{7}|12\d{3})`
	// personPhone is a person written with a phone in a 联系人 list:
	// "联系人：张某 025-8xxxxxxx，李某 025-8xxxxxxx".
	personPhone = regexp.MustCompile(`([^\s，,、；;：:0-9]{2,4})[ \t　]*(` + clausePhone + `)`)
	// peopleWithPhones is a 联系人 list whose every person carries a phone.
	peopleWithPhones = regexp.MustCompile(`联系人[：:]((?:[^\s，,、；;：:0-9]{2,4}[ \t　]*(?:` + clausePhone + `)[，,、；;]?[ \t　]*)+)$`)
)

// clauseAt parses a clause at the start of s and returns it with the
// clause's length, or nil.
func clauseAt(s string) (*block, int) {
	loc := clauseRe.FindStringSubmatchIndex(s)
	if loc == nil || loc[0] != 0 {
		return nil, 0
	}
	b := clauseBlock(s, loc)
	if b == nil {
		return nil, 0
	}
	return b, loc[1]
}

// trailingClause finds a clause that ends s (before its final 。) and
// returns it with the text before it, the final 。 kept.
func trailingClause(s string) (*block, string) {
	all := clauseRe.FindAllStringSubmatchIndex(s, -1)
	if len(all) == 0 {
		return nil, ""
	}
	loc := all[len(all)-1]
	if end := strings.TrimSuffix(s[loc[1]:], "。"); end != "" || loc[0] == 0 {
		return nil, ""
	}
	b := clauseBlock(s, loc)
	if b == nil {
		return nil, ""
	}
	pre := strings.TrimRight(s[:loc[0]], "。，,；;")
	if strings.HasSuffix(s, "。") {
		pre += "。"
	}
	return b, pre
}

func clauseBlock(s string, loc []int) *block {
	group := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	b := &block{closing: true, contacts: []Contact{}}
	duty := group(1)
	if strings.HasPrefix(s[loc[0]:], "（牵头") || strings.HasPrefix(s[loc[0]:], "(牵头") {
		// "（牵头单位：县税务局；责任单位：县财政局）": after the lead, the
		// units answering with it are its support.
		duty = alsoDuty.ReplaceAllString(duty, "；配合单位：")
	}
	duty, support := cutSupport(duty)
	b.support = support
	if duty != "" && dutyAnyLabel.MatchString(duty) {
		duty = splitPeoplePhones(duty)
		// "（责任单位：区财政局；联系人：…；联系电话：…）": the clause holds
		// the measure's contact block.
		d, rest := readDuty("责任单位："+duty, "责任单位："+duty)
		if strings.Trim(rest, "。；; ") != "" {
			return nil
		}
		b.lead, b.contacts, b.attribution, b.missing = d.lead, OrEmpty(d.contacts), d.attribution, d.missing
	} else if duty != "" {
		b.lead = splitList(duty)
	} else {
		b.lead = splitList(group(2))
		for _, u := range splitList(group(3)) {
			if u = supportTail.ReplaceAllString(u, ""); u != "" {
				b.support = append(b.support, u)
			}
		}
	}
	for _, u := range b.lead {
		if !unitLike(bracketless(u)) {
			return nil
		}
	}
	if len(b.lead) == 0 {
		return nil
	}
	return b
}

// bracketless drops a bracketed note from a unit's name: "各乡镇（街道）".
func bracketless(s string) string {
	if i := strings.IndexAny(s, "（("); i > 0 {
		return s[:i]
	}
	return s
}

// unitLike tells a unit's name ("区住建局", "各街道办事处") from words that
// happen to precede 负责 in a bracket ("由企业自行").
func unitLike(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 30 || strings.ContainsAny(s, "0123456789，。；") {
		return false
	}
	return hasAnySuffix(s, unitSuffixes) || hasAnySuffix(s, departmentSuffixes) ||
		hasAnySuffix(s, []string{"单位", "部门", "园", "分局", "公司", "银行", "集团", "镇", "乡", "街道", "机构"})
}

// cutSupport takes the 配合单位 list out of a labelled clause's text (see
// clauseSupport): the list runs to the next ； or contact label.
func cutSupport(duty string) (rest string, support []string) {
	loc := clauseSupport.FindStringIndex(duty)
	if loc == nil {
		return duty, nil
	}
	val := duty[loc[1]:]
	end := len(val)
	if i := strings.IndexAny(val, "；;"); i >= 0 {
		end = i
	}
	if m := dutyAnyLabel.FindStringIndex(val[:end]); m != nil {
		end = m[0]
	}
	for _, u := range splitList(strings.TrimRight(val[:end], "，, 　")) {
		if u = supportTail.ReplaceAllString(u, ""); u != "" {
			support = append(support, u)
		}
	}
	tail := val[end:]
	if tail != "" && !strings.ContainsAny(tail[:1], "；;") {
		tail = "；" + tail
	}
	return duty[:loc[0]] + tail, support
}

// splitPeoplePhones rewrites a 联系人 list naming each person with a phone
// ("联系人：张某 025-…，李某 025-…") into the pairs a duty block reads
// ("联系人：张某，联系电话：025-…；李某，联系电话：025-…"), so the phones are not
// read as part of the names.
func splitPeoplePhones(duty string) string {
	loc := peopleWithPhones.FindStringSubmatchIndex(duty)
	if loc == nil {
		return duty
	}
	var pairs []string
	for _, m := range personPhone.FindAllStringSubmatch(duty[loc[2]:loc[3]], -1) {
		pairs = append(pairs, m[1]+"，联系电话："+m[2])
	}
	return duty[:loc[2]] + strings.Join(pairs, "；")
}
