package seeds

import (
	"regexp"
	"slices"
	"strings"
)

// A 落实细则 closes each measure with labelled lines, one per line and in
// any order (issue 20.3):
//
//	牵头单位：区税务局；配合单位：区财政局、各镇街
//	政策咨询：张某某 023-6781xxxx；李某某 023-6782xxxx
//	办理渠道：“渝快办”APP
//
// The unit line alone is the seed's contact block, whose values run to the
// next label it knows; a 政策咨询 or 办理渠道 line after it ran into its
// units. normalizeConsult rewrites such a run of lines into the shapes the
// sentence parser reads: the procedure lines first, each a sentence of the
// measure, then a duty block (责任单位, 配合单位, one 联系人 and 联系电话
// pair per contact) that shares its sentence with the next measure's
// number, as a contact block does. It looks at a run of adjacent lines
// only, so a sentence copied or moved by the corruption is rewritten the
// same wherever it stands. A run holding only the labels the seed's blocks
// use (牵头单位, 配合单位, 联系人, 联系方式) is left as it is.
var (
	runLeadLabel    = regexp.MustCompile(`^牵头(?:单位|部门)[：:]`)
	runSupportLabel = regexp.MustCompile(`^配合(?:单位|部门)[：:]`)
	// supportAfterLead is a 配合单位 written on the unit line after the
	// lead units and a separator.
	supportAfterLead = regexp.MustCompile(`[；;，,。]?[ \t　]*(配合(?:单位|部门)[：:])`)
	// consultLabel introduces people with their phones, or a phone alone
	// ("政策咨询：张某某 023-…", "咨询方式：12366").
	consultLabel = regexp.MustCompile(`^(?:政策咨询|业务咨询|咨询方式|咨询联系人|联系人及电话|联系人及联系方式)[：:]`)
	// procedureLabel introduces how or where to apply: a sentence of the
	// measure, not part of its contact.
	procedureLabel = regexp.MustCompile(`^(?:办理渠道|办理方式|办理途径|办理地点|申报渠道|申报方式|申报途径|申请渠道|申请方式)[：:]`)
)

// normalizeConsult rewrites the labelled runs of text (see above); a text
// without one comes back unchanged.
func normalizeConsult(text string) string {
	lines := strings.Split(text, "\n")
	if isFieldLayout(lines) {
		return text // a policy list: normalizeFields reads its labels
	}
	var runs [][2]int
	found := false // some run holds a label the seed's blocks do not use
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && runLine(strings.TrimSpace(lines[j])) {
			j++
			if _, tail := cutGluedStart(strings.TrimSpace(lines[j-1])); tail != "" {
				break // the next measure starts on this line: the run ends
			}
		}
		if j == i {
			i++
			continue
		}
		runs = append(runs, [2]int{i, j})
		found = found || newLabels(lines[i:j])
		i = j
	}
	if !found {
		return text
	}
	var out []string
	last := 0
	for _, r := range runs {
		out = append(out, lines[last:r[0]]...)
		out = append(out, rewriteRun(lines[r[0]:r[1]])...)
		last = r[1]
	}
	return strings.Join(append(out, lines[last:]...), "\n")
}

// runLine reports whether a line is one of a measure's labelled lines.
func runLine(t string) bool {
	return runLeadLabel.MatchString(t) || runSupportLabel.MatchString(t) || consultLabel.MatchString(t) ||
		sentenceLine(t) || startsDuty(t)
}

// sentenceLine reports whether a labelled line says how to apply, or
// another of a policy list's fields (适用对象, 执行期限, 政策依据: see
// detailSlots): a sentence of the measure, not part of its contact.
func sentenceLine(t string) bool {
	if procedureLabel.MatchString(t) {
		return true
	}
	k, _ := fieldAt(t)
	return k == fieldDetail
}

// newLabels reports whether a run names its lead units and holds a label
// the seed's blocks do not use (政策咨询, 办理渠道, 咨询电话).
func newLabels(run []string) bool {
	lead, other := false, false
	for _, l := range run {
		t := strings.TrimSpace(l)
		switch {
		case runLeadLabel.MatchString(t):
			lead = true
		case consultLabel.MatchString(t) || procedureLabel.MatchString(t) || dutyPhoneLabel.MatchString(t) && !phoneLabel.MatchString(t):
			other = true
		}
	}
	return lead && other
}

// rewriteRun rewrites one run of labelled lines; a run without a unit line
// comes back as it is.
func rewriteRun(run []string) []string {
	if !slices.ContainsFunc(run, func(l string) bool { return runLeadLabel.MatchString(strings.TrimSpace(l)) }) {
		return run
	}
	var first, units, duty []string
	tail := "" // a heading or measure number glued to the run's last line
	for k, l := range run {
		t := strings.TrimSpace(l)
		if k == len(run)-1 {
			// Procedures go first and units before contacts: what the
			// corruption glued to the last line stays last.
			t, tail = cutGluedStart(t)
		}
		switch {
		case sentenceLine(t):
			if !strings.HasSuffix(t, "。") {
				t += "。"
			}
			first = append(first, stepNumbers(t))
		case runLeadLabel.MatchString(t):
			t = "责任单位：" + t[len(runLeadLabel.FindString(t)):]
			if loc := supportAfterLead.FindStringSubmatchIndex(t); loc != nil {
				units = append(units, t[:loc[0]], t[loc[2]:])
			} else {
				units = append(units, t)
			}
		case runSupportLabel.MatchString(t):
			units = append(units, t)
		case consultLabel.MatchString(t):
			if lines := consultLines(t, t[len(consultLabel.FindString(t)):]); lines != "" {
				duty = append(duty, lines)
			}
		default:
			duty = append(duty, t)
		}
	}
	duty = append(units, duty...)
	if len(duty) == 0 {
		return append(first, tail)
	}
	duty[len(duty)-1] += tail
	return append(first, duty...)
}

// consultLines rewrites a 政策咨询 line into 联系人 and 联系电话 lines (see
// dutyLines); a unit or its section named instead of a person
// ("区人社局就业科 023-…") is written as the unit of the phone line.
func consultLines(line, value string) string {
	var out []string
	for _, entry := range strings.FieldsFunc(value, func(r rune) bool { return r == '；' || r == ';' }) {
		entry = strings.TrimSpace(entry)
		i := strings.IndexFunc(entry, func(r rune) bool { return r >= '0' && r <= '9' })
		who := ""
		if i > 0 {
			who = strings.Trim(entry[:i], " \t\u3000，,、：:")
		}
		// "区商务局" reads as a name too (four characters): a unit's
		// prefix tells it.
		if who != "" && (!personLike(who) || strings.HasPrefix(who, "区") || strings.HasPrefix(who, "市") || strings.HasPrefix(who, "县")) && unitLike(who) && !strings.ContainsAny(who, "（）()") {
			if u, d := splitUnit(who, ""); d == "" && u == who {
				// A unit alone: its phone line, as "区税务局咨询电话：".
				out = append(out, "联系电话："+entry[i:]+"（"+who+"）")
				continue
			}
		}
		lines, _ := dutyLines(line, entry)
		if lines != "" {
			out = append(out, lines)
		}
	}
	return strings.Join(out, "\n")
}

// cutGluedStart splits off a heading or measure number run on after a
// labelled line's value; the line comes back whole where none is.
func cutGluedStart(t string) (string, string) {
	for off := 0; off < len(t); {
		loc := anyHead.FindStringIndex(t[off:]) // a bracket number or section numeral run on
		if loc == nil {
			break
		}
		at := off + loc[0]
		if at > 0 && startsStructure(t[at:], true) {
			return t[:at], t[at:]
		}
		off = off + loc[1]
	}
	return t, ""
}
