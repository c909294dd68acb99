package seeds

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	yaml "go.yaml.in/yaml/v3"
)

// A district may hand over the TOML content config of its self-service
// kiosk (政务服务自助终端): top-level keys, a [document] table with the
// source document's metadata, display settings, a table per contact, and
// the policy list as an array of tables, one per measure:
//
//	updated = 2022-07-01T08:00:00+08:00
//	[document]
//	title = "…"
//	"文号" = "…"
//	published = 2022-06-20
//	area_code = "0851"
//	[ui]                          ← settings: not read
//	marquee = "…12345…"
//	[contacts.jyj]
//	unit = "区就业局"
//	tel = ["0851-8xxxxxxx", "139xxxxxxxx"]
//	[[policy]]
//	no = 7
//	body = """\
//	    lines joined \
//	    without a space"""
//	lead = "区人社局"
//	contact = { ref = "contacts.jyj", person = "罗敏", tel = "139 xxxx xxxx" }
//	[policy.extra]                ← the policy above's
//	[[policy]]
//	no = 28
//	enabled = false               ← withdrawn: read in its place, dropped
//	[[faq]]                       ← restates a measure: its contact is one more
//	related = 11
//	contact = { unit = "…", dept = "…", tel = "…" }
//	[changelog]                   ← old phones: not read
//
// tomlText decodes the file with github.com/BurntSushi/toml (a string
// stays as written: an area code "0851" keeps its 0; a local date is
// written 2022-06-20, an integer in decimal) and builds the decoded
// document as the node tree the YAML reader walks, each table's keys in
// the file's order (see tomlOrder). The policy list is then found and read
// by policyTreeText, as a YAML file's: by its shape, keys by their roles,
// a contact given as a key path ("contacts.tax") or as an inline table
// overriding one (ref = "contacts.jyj") resolved, a withdrawn item
// (enabled = false) dropped and reported, a FAQ's contacts given to the
// measures it restates (by number, or by its tags), settings tables and a
// changelog not read. A damaged file is read table by table and key by key,
// keeping what parses; what does not goes to the report. Any other text
// comes back unchanged.
var (
	// tomlHeader is a table or array-of-tables header line: [a.b], [[policy]].
	tomlHeader = regexp.MustCompile(`^[ \t]*\[\[?[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*[ \t]*\]\]?[ \t]*(?:#.*)?\r?$`)
	// tomlKeyLine is a line opening a key/value pair.
	tomlKeyLine = regexp.MustCompile(`^[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*[ \t]*=[ \t]*\S`)
)

// isTOML reports whether text looks like a TOML document: at least two
// table headers and five key/value lines, and no JSON, XML or HTML.
func isTOML(text string) bool {
	t := strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	if t == "" || strings.ContainsRune("{<", rune(t[0])) {
		return false
	}
	headers, keys := 0, 0
	for _, l := range strings.Split(text, "\n") {
		switch {
		case tomlHeader.MatchString(l):
			headers++
		case tomlKeyLine.MatchString(l):
			keys++
		}
		if headers >= 2 && keys >= 5 {
			return true
		}
	}
	return false
}

// tomlText: see above. It returns what yamlText returns: the policy list,
// the entries it could not read, the units' own lines, the numbers the list
// leaves out and those it marks withdrawn, and the copies a corrupted
// copy's reading dropped; or text unchanged.
func tomlText(text string) (string, []Unread, []Contact, []int, []int, []Duplicate) {
	if !isTOML(text) {
		return text, nil, nil, nil, nil, nil
	}
	// A corrupted copy repeats pieces cut at 。 ahead of their places:
	// each is read at its last place.
	single, copies := dropEarlierCopies(text)
	root, unread := tomlDecode(strings.TrimPrefix(single, "\uFEFF"))
	if root == nil {
		return text, nil, nil, nil, nil, nil
	}
	return policyTreeText(text, []*yaml.Node{root}, unread, copies)
}

// tomlDecode returns the document's tree: the whole file's, or else that
// of the tables and keys of a damaged file that parse (see tomlSalvage).
func tomlDecode(text string) (*yaml.Node, []Unread) {
	if n, err := tomlTree(text); err == nil {
		return n, nil
	}
	good, unread := tomlSalvage(text)
	n, err := tomlTree(good)
	if err != nil {
		return nil, unread
	}
	return n, unread
}

// tomlTree decodes text and builds its tree.
func tomlTree(text string) (n *yaml.Node, err error) {
	defer func() {
		// The decoder is not known to panic; a text that made it would
		// be read as one that does not parse.
		if p := recover(); p != nil {
			n, err = nil, fmt.Errorf("toml: %v", p)
		}
	}()
	var doc map[string]any
	md, err := toml.Decode(text, &doc)
	if err != nil {
		return nil, fmt.Errorf("toml document: %w", err)
	}
	pos := tomlOrder(md)
	return tomlNode(doc, "", "", pos), nil
}

// tomlSalvage keeps the tables of a damaged text (a header line opens
// one) while the text kept so far with them parses; a table that does
// not is read key by key (a line opening a key/value pair opens one),
// each kept where it parses. A table or key that cannot be kept goes to
// the report.
func tomlSalvage(text string) (string, []Unread) {
	var unread []Unread
	parses := func(s string) bool {
		_, err := tomlTree(s)
		return err == nil
	}
	good := ""
	for _, block := range tomlCut(text, tomlHeader) {
		if parses(good + block) {
			good += block
			continue
		}
		head, rest := "", block
		if l, r, _ := strings.Cut(block, "\n"); tomlHeader.MatchString(l) {
			head, rest = l+"\n", r
		}
		if head != "" && !parses(good+head) {
			unread = append(unread, Unread{Line: Clip(strings.TrimSpace(head), 40), Why: "a TOML table that does not parse"})
			continue
		}
		acc := head
		for _, item := range tomlCut(rest, tomlKeyLine) {
			if parses(good + acc + item) {
				acc += item
			} else if t := strings.TrimSpace(item); t != "" && !strings.HasPrefix(t, "#") {
				unread = append(unread, Unread{Line: Clip(strings.SplitN(t, "\n", 2)[0], 40), Why: "a TOML key that does not parse"})
			}
		}
		good += acc
	}
	return good, unread
}

// tomlCut cuts text before each line opener matches.
func tomlCut(text string, opener *regexp.Regexp) []string {
	var out []string
	cur := ""
	for _, l := range strings.SplitAfter(text, "\n") {
		if cur != "" && opener.MatchString(strings.TrimRight(l, "\n")) {
			out = append(out, cur)
			cur = ""
		}
		cur += l
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// tomlSep parts a path's keys (a key may hold a dot).
const tomlSep = "\x00"

// tomlOrder is the place each key takes in the file, by its path with
// each array-of-tables element's index ("policy#3" then "no"), and by
// its path without the indices (the first place a key of that name
// takes: an inline table's keys, which the decoder does not index).
func tomlOrder(md toml.MetaData) map[string]int {
	pos := map[string]int{}
	count := map[string]int{}
	for i, k := range md.Keys() {
		indexed, plain := "", ""
		for j, part := range k {
			indexed += tomlSep + part
			plain += tomlSep + part
			if md.Type(k[:j+1]...) != "ArrayHash" {
				continue
			}
			if j == len(k)-1 {
				// A [[policy]] header: a new element.
				count[indexed]++
			}
			indexed += "#" + strconv.Itoa(max(count[indexed]-1, 0))
		}
		if _, ok := pos[indexed]; !ok {
			pos[indexed] = i
		}
		if _, ok := pos["="+plain]; !ok {
			pos["="+plain] = i
		}
	}
	return pos
}

// tomlNode builds a decoded value as a YAML node: a table as a mapping
// (its keys in the file's order), an array as a sequence, a string as a
// quoted scalar, a number, boolean or date as a plain scalar written the
// way TOML writes it. indexed and plain are its path (see tomlOrder).
func tomlNode(v any, indexed, plain string, pos map[string]int) *yaml.Node {
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		place := func(k string) int {
			if p, ok := pos[indexed+tomlSep+k]; ok {
				return p
			}
			if p, ok := pos["="+plain+tomlSep+k]; ok {
				return p
			}
			return len(pos)
		}
		sort.SliceStable(keys, func(i, j int) bool {
			pi, pj := place(keys[i]), place(keys[j])
			if pi != pj {
				return pi < pj
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: k}
			n.Content = append(n.Content, key, tomlNode(v[k], indexed+tomlSep+k, plain+tomlSep+k, pos))
		}
		return n
	case []map[string]any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, e := range v {
			n.Content = append(n.Content, tomlNode(e, indexed+"#"+strconv.Itoa(i), plain, pos))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, e := range v {
			n.Content = append(n.Content, tomlNode(e, indexed+"#"+strconv.Itoa(i), plain, pos))
		}
		return n
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: v}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(v, 'f', -1, 64)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case time.Time:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: tomlTime(v)}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
}

// tomlTime writes a date or time as TOML does: a local date 2022-06-20, a
// local time, a local date-time, an offset date-time.
func tomlTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05.999999999")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	}
	return t.Format(time.RFC3339Nano)
}
