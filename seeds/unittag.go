package seeds

import (
	"regexp"
	"strings"
)

// unitTagAt matches a unit named in brackets after a person or a phone in a
// duty block that lists several contacts: "孙某某（区国资委）",
// "010-6936xxxx（区国资委）".
var unitTagAt = regexp.MustCompile(`^[（(]([^（）()]{2,30})[）)]`)

// unitTag returns the unit tag at the start of s and what follows it, or ""
// and s when s does not start with a bracketed unit's name.
func unitTag(s string) (string, string) {
	m := unitTagAt.FindStringSubmatch(s)
	if m == nil || !unitLike(m[1]) && !hotlineName(m[1]) {
		return "", s
	}
	return m[1], s[len(m[0]):]
}

// hotlineName reports whether s names a hotline rather than a unit
// ("区政务服务热线", "12345市民服务热线"): in brackets after its number it
// tags the number as a unit's name does.
func hotlineName(s string) bool {
	r := []rune(s)
	return len(r) >= 3 && len(r) <= 20 && strings.HasSuffix(s, "热线") && !strings.ContainsAny(s, "，。；;")
}

// moreValues reports whether s goes on with another phone or e-mail after a
// separator.
func moreValues(s string) bool {
	t := strings.TrimLeft(s, "、，,;；/")
	if t == s {
		return false
	}
	next, _ := readContactValues(t)
	return !next.empty()
}

// taggedRun is people written together, and the unit named after them.
type taggedRun struct {
	items []string
	tag   string
}

// tagged groups a 联系人 list into runs closed by a unit tag:
// "孙某某（区国资委）、李某某（区财政局）" is two runs, "张三、李四（区国资委）"
// one; untagged names after the last tag make a run with no tag. A unit
// written before the people ("区国资委产权管理科 韩某某、李某某") tags the
// run it opens, up to the next such unit; raw is the line as written, whose
// space may part the unit from the person.
func tagged(items []string, raw string) []taggedRun {
	var runs []taggedRun
	var cur taggedRun
	for _, it := range items {
		name, tag := it, ""
		if i := strings.LastIndexAny(it, "（("); i > 0 {
			if t, rest := unitTag(it[i:]); t != "" && rest == "" {
				name, tag = strings.TrimSpace(it[:i]), t
			}
		}
		if tag == "" {
			if t, who := unitBefore(it, raw); t != "" {
				if len(cur.items) > 0 || cur.tag != "" {
					runs = append(runs, cur)
				}
				cur = taggedRun{tag: t}
				if who != "" {
					cur.items = []string{who}
				}
				continue
			}
		}
		cur.items = append(cur.items, name)
		if tag != "" {
			cur.tag = tag
			runs = append(runs, cur)
			cur = taggedRun{}
		}
	}
	if len(cur.items) > 0 || cur.tag != "" {
		runs = append(runs, cur)
	}
	return runs
}

// unitBefore splits a contact written as a unit (with its department)
// before the person: "区国资委产权管理科韩某某" is 区国资委产权管理科 and
// 韩某某. The person is what follows the space raw has there, else what
// splitPerson leaves after a department's name; the unit part must start
// with a unit's name followed by a department (a department alone is the
// measure's unit's, see pairContact), or be a unit's name itself where the
// space parts it. A value that is a unit and department alone (no person)
// comes back as the unit with who "".
func unitBefore(item, raw string) (unit, who string) {
	if a, b, ok := gapSplit(raw, item); ok && personLike(b) && (unitThenDept(a) || hasAnySuffix(a, unitSuffixes) && unitLike(a)) {
		return a, b
	}
	if unitThenDept(item) && hasAnySuffix(item, departmentSuffixes) {
		return item, ""
	}
	if dept, people := splitPerson(item); dept != "" && len(people) == 1 && unitThenDept(dept) {
		return dept, people[0]
	}
	return "", ""
}

// unitThenDept reports whether s is a unit's name followed by one of its
// departments ("区国资委产权管理科").
func unitThenDept(s string) bool {
	u, d := splitUnit(s, "")
	return u != "" && d != "" && unitLike(u) && !collectiveUnit.MatchString(u)
}

// personLike reports whether s can be a person's name: two to four
// characters, none a digit or punctuation.
func personLike(s string) bool {
	r := []rune(s)
	return len(r) >= 2 && len(r) <= 4 && !strings.ContainsAny(s, "0123456789（）()：:，,；;。") && !hasAnySuffix(s, departmentSuffixes)
}

// taggedValues are the phones or e-mails written before one unit tag.
type taggedValues struct {
	tag    string
	values contactValues
}

// readTaggedValues reads a phone line's value at the start of s: phones and
// e-mails as readContactValues reads them, each run optionally followed by
// the unit it belongs to ("010-6936xxxx（区国资委）、010-6936yyyy（区财政局）").
// It returns the runs and what follows the last.
func readTaggedValues(s string) ([]taggedValues, string) {
	var out []taggedValues
	for {
		v, rest := readContactValues(s)
		if v.empty() {
			return out, s
		}
		tag, after := unitTag(rest)
		if tag != "" && !unitLike(tag) && !moreValues(after) {
			// A hotline's name after the line's last number says what
			// the number is ("12366（纳税服务热线）" under a unit's
			// label), not whose: the number stays the unit's.
			return append(out, taggedValues{"", v}), after
		}
		if tag != "" {
			rest = after
			if m := hoursAt.FindStringSubmatch(rest); m != nil {
				v.hours = joinHours(v.hours, m[1])
				rest = rest[len(m[0]):]
			}
		}
		out = append(out, taggedValues{tag, v})
		s = rest
		if tag == "" {
			return out, s
		}
		t := strings.TrimLeft(s, "、，,;；/")
		if t == s {
			return out, s
		}
		if next, _ := readContactValues(t); next.empty() {
			return out, s
		}
		s = t
	}
}
