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
	if m == nil || !unitLike(m[1]) {
		return "", s
	}
	return m[1], s[len(m[0]):]
}

// taggedRun is people written together, and the unit named after them.
type taggedRun struct {
	items []string
	tag   string
}

// tagged groups a 联系人 list into runs closed by a unit tag:
// "孙某某（区国资委）、李某某（区财政局）" is two runs, "张三、李四（区国资委）"
// one; untagged names after the last tag make a run with no tag.
func tagged(items []string) []taggedRun {
	var runs []taggedRun
	var cur taggedRun
	for _, it := range items {
		name, tag := it, ""
		if i := strings.LastIndexAny(it, "（("); i > 0 {
			if t, rest := unitTag(it[i:]); t != "" && rest == "" {
				name, tag = strings.TrimSpace(it[:i]), t
			}
		}
		cur.items = append(cur.items, name)
		if tag != "" {
			cur.tag = tag
			runs = append(runs, cur)
			cur = taggedRun{}
		}
	}
	if len(cur.items) > 0 {
		runs = append(runs, cur)
	}
	return runs
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
