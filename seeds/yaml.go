package seeds

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// A district may hand over the YAML data file behind its 惠企政策
// mini-program: one or more YAML documents holding the list's metadata, a
// table of contacts written once as anchors and used by alias, and the
// policy list, a sequence of mappings, one per measure:
//
//	meta: {title: …, issuer: …, publish_date: 2022-06-24, area_code: 0931}
//	contacts:
//	  tax: &tax {unit: 区税务局, dept: 货物和劳务税科, name: 王某, tel: "0931-…"}
//	policies:
//	  - no: 1
//	    title: 增值税留抵退税
//	    content: |
//	      对符合条件的…
//	    condition: >-
//	      folded lines,
//	      joined by a space
//	    deadline: 2022-12-31
//	    units: [区税务局, 区财政局]
//	    contact: [*tax, {<<: *fin, tel: "0931-…"}]
//	# - no: 21          ← a commented-out item: no measure
//	---
//	faq: [{q: …, a: …, policy_no: 1, contact: {…}}]
//	changelog: […]
//
// The keys may be English, Chinese (序号, 政策名称, 联系人) or pinyin
// initials (xh, zcmc): they are read by the roles a JSON export's keys
// have (see jsonKeys). A policy list is recognised by its shape, not its
// key names: the sequence holding the most mappings with a number and a
// title or content. A scalar is read as written (yaml.Node's Value), so
// that an area code 0931 or a phone 8413533 keeps its digits and a key
// "no" stays a key; aliases and merge keys ("<<") are resolved; a folded
// block's space between two Chinese characters is dropped.
//
// yamlText rewrites such a file into the policy list normalizeFields reads
// (the shape icsText writes): the title, 发布日期, 来源, 文号 and the area
// code, then the measures in the document's numbering (the list's order is
// not the document's), each "N. 标题", 政策内容, its conditions and term as
// detail fields, and its duty block (the units listed, then each contact).
// Another list whose entries name a measure by number (a FAQ restating
// it) adds no measure: a contact it gives to a person the measure already
// names adds that person's phones; any other of its contacts is a unit's
// own line (Guide.Units). Comments (an old phone, an item taken out) and
// lists naming no measure (a changelog) are not read. The file is parsed
// by go.yaml.in/yaml/v3; a damaged file is read block by block and item by
// item, keeping what parses, and what does not goes to the report. Any
// other text comes back unchanged.
var (
	// yamlBlockKey is a line opening a block mapping's entry.
	yamlBlockKey = regexp.MustCompile(`(?m)^[ \t]*[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,40}:(?:[ \t]|$)`)
	// yamlItemKey is a line opening a block sequence's mapping item.
	yamlItemKey = regexp.MustCompile(`(?m)^[ \t]*-[ \t]+[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,40}:(?:[ \t]|$)`)
	// yamlNumber is a measure's number as a key holds it: 12, 第12条.
	yamlNumber = regexp.MustCompile(`^(?:第)?[ \t]*(\d{1,3})[ \t]*(?:条|项|号)?$`)
)

// errYAMLBudget stops a walk through aliases that would never end (an
// alias bomb): the file is read no further.
var errYAMLBudget = errors.New("yaml: too many nodes through aliases")

// yamlKV is a mapping's entry, aliases and merge keys resolved.
type yamlKV struct {
	key string
	val *yaml.Node
}

// yamlReader walks a file's node trees within a budget.
type yamlReader struct {
	budget int
	// roots are the file's documents, where a key path written as a
	// string ("contacts.tax") is looked up (see ref).
	roots []*yaml.Node
}

// ref is the mapping a string naming a key path refers to: a TOML file's
// contact = "contacts.tax" names the table [contacts.tax], as a YAML
// alias names its anchor. It is nil for any other string: one without a
// dot, or whose path leads to no mapping.
func (r *yamlReader) ref(s string) *yaml.Node {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, ".") || strings.ContainsAny(s, " \t\n") || len(s) > 120 {
		return nil
	}
	path := strings.Split(s, ".")
	for _, root := range r.roots {
		n := root
		for _, k := range path {
			// The mapping's own keys: a merge or a reference on the
			// way is not followed (two tables naming each other).
			var next *yaml.Node
			if n = r.resolve(n); n != nil && n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == strings.Trim(k, `"'`) {
						next = r.resolve(n.Content[i+1])
						break
					}
				}
			}
			if n = next; n == nil {
				break
			}
		}
		if n != nil && n.Kind == yaml.MappingNode {
			return n
		}
	}
	return nil
}

// yamlRefKeys are the keys of an inline contact naming the contact it
// overrides by key path: {ref = "contacts.jyj", person = …}.
var yamlRefKeys = map[string]bool{"ref": true, "$ref": true, "base": true, "extends": true, "引用": true}

// resolve follows aliases.
func (r *yamlReader) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// pairs returns a mapping's entries, a merge key's mappings resolved
// (keys written beside "<<" override the merged ones).
func (r *yamlReader) pairs(n *yaml.Node, depth int) []yamlKV {
	n = r.resolve(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > 8 {
		return nil
	}
	r.budget -= len(n.Content)
	if r.budget < 0 {
		return nil
	}
	var own, merged []yamlKV
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := r.resolve(n.Content[i]), r.resolve(n.Content[i+1])
		if k == nil || v == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		if yamlRefKeys[strings.ToLower(strings.TrimSpace(k.Value))] && v.Kind == yaml.ScalarNode && depth < 4 {
			// A key path naming the mapping these keys override.
			if target := r.ref(v.Value); target != nil && target != n {
				merged = append(merged, r.pairs(target, depth+1)...)
				continue
			}
		}
		if k.Value == "<<" && k.Style == 0 {
			var srcs []*yaml.Node
			if v.Kind == yaml.SequenceNode {
				srcs = v.Content
			} else {
				srcs = []*yaml.Node{v}
			}
			for _, s := range srcs {
				merged = append(merged, r.pairs(s, depth+1)...)
			}
			continue
		}
		own = append(own, yamlKV{key: strings.TrimSpace(k.Value), val: v})
	}
	out := own
	for _, m := range merged {
		found := false
		for _, o := range out {
			if o.key == m.key {
				found = true
				break
			}
		}
		if !found {
			out = append(out, m)
		}
	}
	return out
}

// items returns a sequence's items, aliases resolved.
func (r *yamlReader) items(n *yaml.Node) []*yaml.Node {
	n = r.resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, c := range n.Content {
		if c = r.resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// yamlScalar is a scalar's text as written (quotes and escapes read), a
// null as ""; a space a folded line break left between two Chinese
// characters is dropped.
func yamlScalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	if n.Tag == "!!null" || n.Style == 0 && (n.Value == "~" || n.Value == "null" || n.Value == "Null" || n.Value == "NULL") {
		return "", true
	}
	return yamlJoinCJK(strings.TrimSpace(n.Value)), true
}

// yamlWide reports whether r is a Chinese character or punctuation.
func yamlWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

// yamlJoinCJK drops a single ASCII space between two Chinese characters
// or punctuation marks: where YAML folded a line break.
func yamlJoinCJK(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, c := range rs {
		if c == ' ' && i > 0 && i+1 < len(rs) && yamlWide(rs[i-1]) && yamlWide(rs[i+1]) {
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// isYAML reports whether text looks like a YAML data file: block mapping
// keys and a block sequence of mappings, and no JSON, XML or HTML.
func isYAML(text string) bool {
	t := strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	if t == "" || strings.ContainsRune("{[<", rune(t[0])) {
		return false
	}
	return len(yamlItemKey.FindAllStringIndex(text, 3)) >= 2 && len(yamlBlockKey.FindAllStringIndex(text, 4)) >= 3
}

// yamlDecode returns the documents of text that parse: all of them, or
// else those of a damaged file read block by block (see yamlSalvage).
func yamlDecode(text string) ([]*yaml.Node, []Unread) {
	if docs, err := yamlDocuments(text); err == nil {
		return docs, nil
	}
	var docs []*yaml.Node
	var unread []Unread
	for _, part := range yamlSplitDocuments(text) {
		if ds, err := yamlDocuments(part); err == nil {
			docs = append(docs, ds...)
			continue
		}
		ds, ur := yamlSalvage(part)
		docs = append(docs, ds...)
		unread = append(unread, ur...)
	}
	return docs, unread
}

// yamlDocuments parses every document of text, or fails.
func yamlDocuments(text string) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(text))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, fmt.Errorf("yaml document %d: %w", len(docs)+1, err)
		}
		if len(n.Content) > 0 {
			docs = append(docs, n.Content[0])
		}
	}
}

// yamlSplitDocuments cuts text at its "---" lines.
func yamlSplitDocuments(text string) []string {
	var parts []string
	var cur []string
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimRight(l, " \t\r"); t == "---" || strings.HasPrefix(t, "--- ") || t == "..." {
			parts = append(parts, strings.Join(cur, "\n"))
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	return append(parts, strings.Join(cur, "\n"))
}

// yamlSalvage reads a document that does not parse: its top-level blocks
// (a line at the margin opens one) are kept while the text kept so far
// with them parses; a block that does not is read item by item (its lines
// at its items' indentation open one), each kept where it parses. A block
// or item that cannot be kept goes to the report.
func yamlSalvage(doc string) ([]*yaml.Node, []Unread) {
	var unread []Unread
	parses := func(s string) bool {
		_, err := yamlDocuments(s)
		return err == nil
	}
	good := ""
	for _, block := range yamlCut(doc, 0) {
		if parses(good + block) {
			good += block
			continue
		}
		head, rest, _ := strings.Cut(block, "\n")
		acc := head + "\n"
		if !parses(good + acc) {
			unread = append(unread, Unread{Line: Clip(strings.TrimSpace(head), 40), Why: "a YAML block that does not parse"})
			continue
		}
		for _, item := range yamlCut(rest, -1) {
			if parses(good + acc + item) {
				acc += item
			} else if t := strings.TrimSpace(item); t != "" {
				unread = append(unread, Unread{Line: Clip(strings.SplitN(t, "\n", 2)[0], 40), Why: "a YAML item that does not parse"})
			}
		}
		good += acc
	}
	docs, _ := yamlDocuments(good)
	return docs, unread
}

// yamlCut cuts text before each line indented by indent (-1: that of its
// first line that is no comment) that is no comment; at the margin, only
// before a line opening a key, an item or a document (a corrupted copy's
// stray quote there belongs to the block before).
var yamlOpener = regexp.MustCompile(`^(?:[\p{L}\p{N}_][^:#\n]*:(?:[ \t\r\n]|$)|-[ \t\r\n]|---)`)

func yamlCut(text string, indent int) []string {
	lines := strings.SplitAfter(text, "\n")
	ind := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	meaningful := func(l string) bool {
		t := strings.TrimSpace(l)
		return t != "" && !strings.HasPrefix(t, "#")
	}
	if indent < 0 {
		for _, l := range lines {
			if meaningful(l) {
				indent = ind(l)
				break
			}
		}
	}
	var out []string
	cur := ""
	for _, l := range lines {
		if meaningful(l) && ind(l) == indent && cur != "" && (indent > 0 || yamlOpener.MatchString(l)) {
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

// yamlRole is the role of a record's key (see jsonKeys), "" if unknown.
func yamlRole(k string) jsonRecordRole {
	if r := jsonKeys.record[keyName(k)]; r.role != "" {
		return r
	}
	return containedRole(k)
}

// yamlContactRoles are a contact mapping's keys by role: the unit, its
// department, the person, phones, e-mail addresses and service hours.
var yamlContactRoles = func() map[string]string {
	m := map[string]string{}
	for role, keys := range map[string][]string{
		"unit":   {"unit", "org", "organization", "organisation", "company", "agency", "单位", "单位名称", "责任单位", "dw", "dwmc", "zrdw"},
		"dept":   {"dept", "department", "division", "section", "office", "科室", "处室", "部门", "ks", "bm", "cs"},
		"person": {"name", "person", "contact", "contactperson", "linkman", "联系人", "姓名", "经办人", "xm", "lxr"},
		"phone": {"tel", "phone", "telephone", "mobile", "hotline", "phones", "tels", "电话", "联系电话", "手机", "热线", "咨询电话",
			"服务电话", "dh", "lxdh", "sj", "rx", "zxdh"},
		"email": {"email", "mail", "emails", "邮箱", "电子邮箱", "电子邮件", "yx", "dzyx"},
		"hours": {"hours", "time", "servicehours", "服务时间", "办公时间", "工作时间"},
	} {
		for _, k := range keys {
			m[k] = role
		}
	}
	return m
}()

// yamlContact is one contact as a mapping gives it.
type yamlContact struct {
	unit, dept, person, hours string
	phones, hotlines, emails  []string
}

// yamlMeasure is one policy mapping read.
type yamlMeasure struct {
	num             int
	title, content  string
	details         [][2]string
	units           []string
	contacts        []yamlContact
	line            int
	numberFromPlace bool
	// withdrawn: the item says it no longer applies (enabled = false,
	// a status 撤回): written in its place, then dropped.
	withdrawn bool
	// spliced: a text ends in a quote no YAML scalar of its style
	// holds after its 。 (a corrupted copy joined another item's tail
	// there); the fields after it were not read.
	spliced bool
}

// yamlText: see above. It returns the policy list, the entries it could
// not read, the units' own lines, the numbers the list leaves out and those
// it marks withdrawn, and the copies a corrupted copy's reading dropped, or
// text unchanged.
func yamlText(text string) (string, []Unread, []Contact, []int, []int, []Duplicate) {
	if !isYAML(text) {
		return text, nil, nil, nil, nil, nil
	}
	// A corrupted copy repeats pieces cut at 。 ahead of their places:
	// each is read at its last place.
	single, copies := dropEarlierCopies(text)
	docs, unread := yamlDecode(single)
	return policyTreeText(text, docs, unread, copies)
}

// policyTreeText writes the policy list a data file's trees hold (YAML
// documents, or a TOML document built as one, see tomlText): the list
// found by its shape, its items read by their keys' roles, the contacts
// they reference resolved, the measures another list restates given its
// contacts. It returns text unchanged when the trees hold no policy list.
func policyTreeText(text string, docs []*yaml.Node, unread []Unread, copies []Duplicate) (string, []Unread, []Contact, []int, []int, []Duplicate) {
	r := &yamlReader{budget: 1 << 20, roots: docs}
	list, root := r.policyList(docs)
	if list == nil {
		return text, nil, nil, nil, nil, nil
	}
	var measures []*yamlMeasure
	byNum := map[int]*yamlMeasure{}
	var unnumbered []*yamlMeasure
	damaged := len(copies) > 0 || len(unread) > 0
	afterSplice := false
	for _, it := range r.items(list) {
		m := r.readPolicy(it)
		if m == nil {
			continue
		}
		if damaged && afterSplice && (len(m.contacts) > 0 || len(m.units) > 0) {
			// The item after a spliced one may hold its tail: its
			// units and contacts are no measure's for certain.
			unread = append(unread, Unread{Line: Clip(strconv.Itoa(m.num)+". "+m.title, 40), Why: "the units and contacts of a YAML item after one a corrupted copy spliced"})
			m.contacts, m.units = nil, nil
		}
		afterSplice = m.spliced
		if m.spliced {
			unread = append(unread, Unread{Line: Clip(strconv.Itoa(m.num)+". "+m.title, 40), Why: "a YAML item a corrupted copy spliced after its text: the fields after it not read"})
		}
		switch {
		case m.num == 0:
			unnumbered = append(unnumbered, m)
		case byNum[m.num] != nil:
			unread = append(unread, Unread{Line: Clip(strconv.Itoa(m.num)+". "+m.title, 40), Why: "a YAML policy numbered as one before it"})
		default:
			byNum[m.num] = m
			measures = append(measures, m)
		}
	}
	if len(measures) == 0 {
		// A list numbering nothing: its order is the numbering.
		for i, m := range unnumbered {
			m.num = i + 1
			byNum[m.num] = m
			measures = append(measures, m)
		}
	} else {
		for _, m := range unnumbered {
			unread = append(unread, Unread{Line: Clip(m.title+m.content, 40), Why: "a YAML policy with no number"})
		}
	}
	if r.budget < 0 {
		unread = append(unread, Unread{Line: "", Why: errYAMLBudget.Error()})
	}
	sort.Slice(measures, func(i, j int) bool { return measures[i].num < measures[j].num })
	var withdrawn []int
	for _, m := range measures {
		if m.withdrawn {
			withdrawn = append(withdrawn, m.num)
		}
	}
	meta := readMeta(r.metaPath(root))
	units := r.restated(docs, list, byNum)

	var out []string
	out = append(out, headLines(meta.title, meta.date, meta.issuer, meta.docno)...)
	area := meta.area
	if area == "" {
		area = yamlArea(measures)
	}
	if area != "" {
		out = append(out, "联系电话未标注区号的，区号均为"+area+"。")
	}
	var guideUnits []Contact
	for _, c := range units {
		guideUnits = append(guideUnits, Contact{Unit: c.unit, Department: c.dept, People: nonEmpty(c.person), Phones: yamlDial(append(c.phones, c.hotlines...), area), Emails: c.emails, Hours: c.hours})
	}
	// A detail several measures state alike ("执行期限：2022年12月31日")
	// is named by its measure's title: the same sentence under each would
	// be read as a corrupted copy's.
	seen := map[[2]string]int{}
	for _, m := range measures {
		for i, d := range m.details {
			if d[0] == "执行期限" {
				m.details[i][1] = yamlDay(d[1])
			}
			seen[m.details[i]]++
		}
	}
	// A number the list leaves out (an item commented out) stands as a
	// placeholder start: without it the parser takes the contact block
	// before the gap for the left-out measure's, whose start it thinks
	// lost. dropAbsent removes the placeholders from the reading.
	var absent []int
	last := 0
	for _, m := range measures {
		if gap := m.num - last - 1; gap > 0 && gap <= len(measures) {
			for n := last + 1; n < m.num; n++ {
				absent = append(absent, n)
			}
		}
		last = m.num
	}
	next := 0
	for _, m := range measures {
		for ; next < len(absent) && absent[next] < m.num; next++ {
			n := strconv.Itoa(absent[next])
			out = append(out, n+". 空缺条目", "政策内容：第"+n+"条"+yamlAbsentTitle+"。")
		}
		if m.withdrawn {
			// Written in its place, its title saying so, and dropped
			// after reading (as an XML export's, see xmlText): a number
			// missing between two others would be read as a measure a
			// corrupted copy lost the start of.
			_, head := recordHead(m.num, m.title+"（已撤回）", m.content)
			out = append(out, head...)
			continue
		}
		title, head := recordHead(m.num, m.title, m.content)
		out = append(out, head...)
		for _, d := range m.details {
			if seen[d] > 1 {
				out = append(out, title+d[0]+"："+ended(d[1]))
			} else {
				out = append(out, d[0]+"："+ended(d[1]))
			}
		}
		out = append(out, yamlDuty(m, area)...)
	}
	return strings.Join(out, "\n"), unread, guideUnits, absent, withdrawn, copies
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// policyList finds the policy list: the sequence, in any document, with
// the most mappings holding a number and a title or a content; it
// returns it and its document's root.
func (r *yamlReader) policyList(docs []*yaml.Node) (*yaml.Node, *yaml.Node) {
	var best, bestRoot *yaml.Node
	bestScore := 0
	for _, d := range docs {
		yamlSequences(d, nil, func(n *yaml.Node) bool {
			score, maps := 0, 0
			for _, it := range n.Content {
				if it.Kind != yaml.MappingNode {
					continue
				}
				maps++
				num, text := false, false
				for _, kv := range r.pairs(it, 0) {
					switch yamlRole(kv.key).role {
					case "seq":
						s, _ := yamlScalar(kv.val)
						num = num || yamlNumber.MatchString(s)
					case "title", "content":
						text = true
					}
				}
				if num && text {
					score++
				}
			}
			if score >= 2 && score*2 >= maps && score > bestScore {
				best, bestRoot, bestScore = n, d, score
			}
			// A list of policies holds no other list of them.
			return score == 0
		})
	}
	return best, bestRoot
}

// metaPath is the document root's scalars and its flat mappings' (meta:),
// as readMeta reads a JSON export's.
func (r *yamlReader) metaPath(root *yaml.Node) []map[string]any {
	top := map[string]any{}
	for _, kv := range r.pairs(root, 0) {
		if s, ok := yamlScalar(kv.val); ok {
			top[kv.key] = s
			continue
		}
		if kv.val.Kind == yaml.MappingNode {
			child := map[string]any{}
			flat := true
			for _, c := range r.pairs(kv.val, 0) {
				if s, ok := yamlScalar(c.val); ok {
					child[c.key] = s
				} else {
					flat = false
				}
			}
			if flat || len(child) > 0 && !yamlHasNested(r, kv.val) {
				top[kv.key] = child
			}
		}
	}
	return []map[string]any{top}
}

// yamlHasNested reports whether a mapping holds a mapping of mappings (a
// contacts table), which is no metadata.
func yamlHasNested(r *yamlReader, n *yaml.Node) bool {
	for _, kv := range r.pairs(n, 0) {
		if kv.val.Kind == yaml.MappingNode || kv.val.Kind == yaml.SequenceNode {
			return true
		}
	}
	return false
}

// readPolicy reads one policy mapping by its keys' roles.
func (r *yamlReader) readPolicy(n *yaml.Node) *yamlMeasure {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	m := &yamlMeasure{line: n.Line}
	var extra []string
	for _, kv := range r.pairs(n, 0) {
		if m.spliced {
			break
		}
		role := yamlRole(kv.key)
		if s, ok := yamlScalar(kv.val); ok {
			if s == "" {
				continue
			}
			if kv.val.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && (strings.HasSuffix(s, "。\"") || strings.HasSuffix(s, "。'")) {
				s = strings.TrimRight(s, "\"'")
				m.spliced = true
			}
			if role.role == "" {
				role = roleByValue(s)
				if role.role != "content" {
					// A short value of no known key (an icon, a
					// page's path, a flag) is no policy text.
					continue
				}
				extra = append(extra, fieldValue(s))
				continue
			}
			switch role.role {
			case "seq":
				if mm := yamlNumber.FindStringSubmatch(s); mm != nil && m.num == 0 {
					m.num, _ = strconv.Atoi(mm[1])
				}
			case "title":
				if m.title == "" {
					m.title = oneLine(s)
				}
			case "content":
				m.content += fieldValue(s)
			case "detail":
				m.details = append(m.details, [2]string{role.label, fieldValue(s)})
			case "unit":
				for _, u := range cellList(s) {
					m.units = AppendNew(m.units, u)
				}
			case "valid":
				switch strings.ToLower(s) {
				case "false", "0", "no", "off", "否", "无效":
					m.withdrawn = true
				}
			case "status":
				if xmlWithdrawn.MatchString(s) || stopped(s) {
					m.withdrawn = true
				}
			case "person", "phone", "contacts":
				if c := r.ref(s); c != nil {
					m.contacts = yamlAddContact(m.contacts, r.contact(c))
					continue
				}
				if role.role == "contacts" {
					continue
				}
				if c, ok := yamlContactString(s, role.role); ok {
					m.contacts = yamlAddContact(m.contacts, c)
				}
			}
			continue
		}
		// A list or a mapping.
		switch role.role {
		case "unit":
			for _, it := range r.items(kv.val) {
				if s, ok := yamlScalar(it); ok && s != "" {
					m.units = AppendNew(m.units, s)
				}
			}
		case "person", "phone", "contacts", "":
			for _, c := range r.contacts(kv.val, role.role == "") {
				m.contacts = yamlAddContact(m.contacts, c)
			}
		case "content", "detail":
			var parts []string
			for _, it := range r.items(kv.val) {
				if s, ok := yamlScalar(it); ok && s != "" {
					parts = append(parts, s)
				}
			}
			// A mapping of lists (material.required, material.optional):
			// their items in order.
			for _, c := range r.pairs(kv.val, 0) {
				for _, it := range append(r.items(c.val), c.val) {
					if s, ok := yamlScalar(it); ok && s != "" {
						parts = append(parts, s)
					}
				}
			}
			if v := fieldValue(strings.Join(parts, "\n")); v != "" {
				if role.role == "content" {
					m.content += v
				} else {
					m.details = append(m.details, [2]string{role.label, v})
				}
			}
		}
	}
	if m.content == "" && len(extra) > 0 {
		m.content = strings.Join(extra, "")
	}
	sort.SliceStable(m.details, func(i, j int) bool { return detailOrder(m.details[i][0]) < detailOrder(m.details[j][0]) })
	if m.title == "" && m.content == "" {
		return nil
	}
	return m
}

// contacts reads a contact value: a mapping, a list of them (or of
// strings). Under a key of no known name, only mappings that name a
// person or a phone are contacts.
func (r *yamlReader) contacts(n *yaml.Node, strict bool) []yamlContact {
	n = r.resolve(n)
	if n == nil {
		return nil
	}
	var nodes []*yaml.Node
	if n.Kind == yaml.SequenceNode {
		nodes = r.items(n)
	} else {
		nodes = []*yaml.Node{n}
	}
	var out []yamlContact
	for _, it := range nodes {
		if s, ok := yamlScalar(it); ok {
			// A key path naming a contact table, a contact written as
			// one string, or (under a key of no known name) nothing.
			if c := r.ref(s); c != nil {
				it = c
			} else {
				if c, ok := yamlContactString(s, "person"); ok && !strict {
					out = append(out, c)
				}
				continue
			}
		}
		if it.Kind != yaml.MappingNode {
			continue
		}
		c := r.contact(it)
		if strict && c.person == "" && len(c.phones) == 0 && len(c.hotlines) == 0 && len(c.emails) == 0 {
			continue
		}
		if c.unit != "" || c.dept != "" || c.person != "" || len(c.phones)+len(c.hotlines)+len(c.emails) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// contact reads one contact mapping.
func (r *yamlReader) contact(n *yaml.Node) yamlContact {
	var c yamlContact
	label := ""
	for _, kv := range r.pairs(n, 0) {
		role := yamlContactRoles[keyName(kv.key)]
		var vals []string
		if s, ok := yamlScalar(kv.val); ok {
			vals = []string{s}
		} else {
			for _, it := range r.items(kv.val) {
				if s, ok := yamlScalar(it); ok {
					vals = append(vals, s)
				}
			}
		}
		for _, s := range vals {
			if s == "" {
				continue
			}
			rl := role
			if rl == "" {
				switch {
				case icsEmail.MatchString(s):
					rl = "email"
				case PhoneShape.MatchString(s):
					rl = "phone"
				default:
					continue
				}
			}
			switch rl {
			case "unit":
				c.unit = s
			case "dept":
				c.dept = s
			case "person":
				if contactPersonName.MatchString(s) {
					c.person = s
				} else {
					// "政务服务便民热线": a hotline's name, not a person.
					label = s
				}
			case "phone":
				ps := icsPhones(s)
				if len(ps) == 0 {
					ps = []string{s}
				}
				if keyName(kv.key) == "hotline" || strings.Contains(kv.key, "热线") {
					c.hotlines = AppendNew(c.hotlines, ps...)
				} else {
					c.phones = AppendNew(c.phones, ps...)
				}
			case "email":
				c.emails = AppendNew(c.emails, icsEmail.FindAllString(s, -1)...)
			case "hours":
				c.hours = s
			}
		}
	}
	if label != "" && c.unit == "" && !strings.Contains(label, "热线") && unitLike(label) {
		c.unit = label
	}
	return c
}

// yamlContactString reads a contact written as one string ("区税务局,
// 张某, 0931-…"), or a person's name or a phone alone.
func yamlContactString(s, role string) (yamlContact, bool) {
	unit, person, hours, phones, emails := icsContactFields(s)
	if role == "phone" && len(phones) == 0 {
		phones = []string{s}
	}
	c := yamlContact{unit: unit, person: person, hours: hours, phones: phones, emails: emails}
	if person == "" && unit != "" && contactPersonName.MatchString(unit) && len(phones) == 0 {
		c.unit, c.person = "", unit
	}
	return c, c.unit != "" || c.person != "" || len(phones)+len(emails) > 0
}

// yamlAddContact adds c, or its phones to the same person of the same
// unit.
func yamlAddContact(cs []yamlContact, c yamlContact) []yamlContact {
	for i, o := range cs {
		if o.person != "" && o.person == c.person && (o.unit == c.unit || c.unit == "") && (o.dept == c.dept || c.dept == "") {
			cs[i].phones = AppendNew(cs[i].phones, c.phones...)
			cs[i].hotlines = AppendNew(cs[i].hotlines, c.hotlines...)
			cs[i].emails = AppendNew(cs[i].emails, c.emails...)
			return cs
		}
	}
	return append(cs, c)
}

// restated reads the other lists whose entries name a measure by number
// (a FAQ restating it) or, without a number, by tags its text holds (tags
// = ["消费券", "云闪付"]: the one measure holding the most of them): a
// contact given to a person the measure names adds the person's phones; a
// contact without a person (a unit's desk and phone) is the measure's
// contact too; another is returned as a unit's own line. The entries'
// texts are not read, nor is a withdrawn measure restated.
func (r *yamlReader) restated(docs []*yaml.Node, list *yaml.Node, byNum map[int]*yamlMeasure) []yamlContact {
	var units []yamlContact
	visit := func(n *yaml.Node) bool {
		for _, it := range n.Content {
			if it.Kind != yaml.MappingNode {
				continue
			}
			num := 0
			var cs []yamlContact
			var tags []string
			for _, kv := range r.pairs(it, 0) {
				k := keyName(kv.key)
				if s, ok := yamlScalar(kv.val); ok && num == 0 && yamlRefKey(k) {
					if mm := yamlNumber.FindStringSubmatch(s); mm != nil {
						num, _ = strconv.Atoi(mm[1])
					}
					continue
				}
				if yamlTagKey(k) {
					for _, t := range r.items(kv.val) {
						if s, ok := yamlScalar(t); ok && utf8.RuneCountInString(s) >= 2 {
							tags = append(tags, s)
						}
					}
					continue
				}
				if role := yamlRole(kv.key).role; role == "person" || role == "contacts" {
					if s, ok := yamlScalar(kv.val); !ok || r.ref(s) != nil {
						cs = append(cs, r.contacts(kv.val, false)...)
					}
				}
			}
			if len(cs) == 0 {
				continue
			}
			m := byNum[num]
			if num == 0 {
				m = yamlTagged(byNum, tags)
			}
			if m == nil || m.withdrawn {
				continue
			}
			for _, c := range cs {
				known := false
				for _, o := range m.contacts {
					known = known || c.person != "" && o.person == c.person
				}
				switch {
				case known:
					m.contacts = yamlAddContact(m.contacts, c)
				case c.person == "" && c.unit != "" && len(c.phones)+len(c.hotlines)+len(c.emails) > 0:
					if !yamlHasContact(m.contacts, c) {
						m.contacts = append(m.contacts, c)
					}
				case c.unit != "":
					units = append(units, c)
				}
			}
		}
		return false
	}
	for _, d := range docs {
		yamlSequences(d, list, visit)
	}
	return units
}

// yamlTagKey reports whether a key (keyName's form) lists an entry's tags.
func yamlTagKey(k string) bool {
	switch k {
	case "tags", "tag", "keywords", "labels", "标签", "关键词", "关键字":
		return true
	}
	return false
}

// yamlTagged is the one measure whose title and content hold the most of
// tags (at least one), nil if none does or two hold as many.
func yamlTagged(byNum map[int]*yamlMeasure, tags []string) *yamlMeasure {
	var best *yamlMeasure
	bestScore, ties := 0, 0
	for _, m := range byNum {
		score := 0
		for _, t := range tags {
			if strings.Contains(m.title+m.content, t) {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, ties = m, score, 0
		case score == bestScore && score > 0:
			ties++
		}
	}
	if ties > 0 {
		return nil
	}
	return best
}

// yamlHasContact reports whether cs holds c's unit, department and phones.
func yamlHasContact(cs []yamlContact, c yamlContact) bool {
	for _, o := range cs {
		if o.unit == c.unit && o.dept == c.dept && o.person == c.person && slices.Equal(o.phones, c.phones) && slices.Equal(o.emails, c.emails) {
			return true
		}
	}
	return false
}

// yamlSequences calls visit for each sequence under n, walking mapping
// values to a depth of 6 and skipping the node skip; visit says whether
// to walk into the sequence's items too.
func yamlSequences(n, skip *yaml.Node, visit func(seq *yaml.Node) bool) {
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || n == skip || depth > 6 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i], depth+1)
			}
		case yaml.SequenceNode:
			if visit(n) {
				for _, it := range n.Content {
					walk(it, depth+1)
				}
			}
		}
	}
	walk(n, 0)
}

// yamlRefKey reports whether a key (keyName's form) names a measure's
// number in another list: policy_no, measure_id, 政策编号, 对应条款.
func yamlRefKey(k string) bool {
	if k == "related" || k == "relatedno" || k == "relatedpolicy" || k == "relatedmeasure" || k == "对应政策" || k == "相关政策" {
		return true
	}
	for _, w := range []string{"policy", "measure", "item", "ref", "政策", "条款", "措施", "zc"} {
		if strings.Contains(k, w) {
			for _, e := range []string{"no", "id", "num", "number", "编号", "序号", "条", "bh", "xh", "ref"} {
				if strings.HasSuffix(k, e) {
					return true
				}
			}
		}
	}
	return false
}

// yamlArea is the one area code the contacts' phones carry, if they agree.
func yamlArea(ms []*yamlMeasure) string {
	codes := map[string]bool{}
	for _, m := range ms {
		for _, c := range m.contacts {
			for _, p := range c.phones {
				if mm := icsAreaCode.FindStringSubmatch(p); mm != nil {
					codes[mm[1]] = true
				}
			}
		}
	}
	if len(codes) != 1 {
		return ""
	}
	for c := range codes {
		return c
	}
	return ""
}

// yamlDial gives a 7-digit local number the area code.
func yamlDial(ps []string, area string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if area != "" && icsLocal7.MatchString(p) {
			p = area + "-" + p
		}
		out = AppendNew(out, p)
	}
	return out
}

// yamlDuty writes a measure's duty block (see listDutyLines): the units
// its list names, the hotlines, each person with the unit and department
// and the person's phones, e-mail addresses on their own line.
func yamlDuty(m *yamlMeasure, area string) []string {
	var cs []listContact
	var emails []string
	for _, c := range m.contacts {
		emails = AppendNew(emails, c.emails...)
		lc := listContact{unit: c.unit + c.dept, person: c.person, phones: yamlDial(c.phones, area), hotlines: yamlDial(c.hotlines, area)}
		if c.hours != "" {
			for i := range lc.phones {
				lc.phones[i] += "（" + c.hours + "）"
			}
		}
		if len(lc.phones) > 1 {
			// One person's numbers parted by "；" (see icsDuty).
			lc.phones = []string{strings.Join(lc.phones, "；")}
		}
		if lc.unit == "" && lc.person == "" && len(lc.phones)+len(lc.hotlines) == 0 {
			continue
		}
		cs = append(cs, lc)
	}
	units := m.units
	for _, c := range m.contacts {
		// A unit's desk without a person, of a unit the list does not
		// name (a FAQ's 区政务服务中心 企业服务专窗): the unit alone,
		// named with the units, or its phone would stand under a unit
		// the block lacks.
		if c.person == "" && c.unit != "" && len(units) > 0 && len(c.phones) > 0 && !slices.Contains(units, c.unit) {
			for j := range cs {
				if cs[j].unit == c.unit+c.dept && cs[j].person == "" {
					cs[j].unit = c.unit
				}
			}
			units = append(slices.Clip(units), c.unit)
		}
	}
	lines := listDutyLines(cs, smsUnitDept)
	if len(units) > 0 {
		if len(lines) > 0 && strings.HasPrefix(lines[0], "责任单位：") {
			lines = lines[1:]
		}
		lines = append([]string{"责任单位：" + strings.Join(units, "、")}, lines...)
	}
	if len(emails) > 0 {
		lines = append(lines, "电子邮箱："+strings.Join(emails, "、"))
	}
	return lines
}

// yamlISODate is a date as YAML writes one: 2022-12-31.
var yamlISODate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// yamlDay writes a YAML date as a reader does (2022年12月31日); any other
// value as it is.
func yamlDay(s string) string {
	m := yamlISODate.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return s
	}
	return m[1] + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(d) + "日"
}

// yamlAbsentTitle is the placeholder start of a number a YAML list leaves
// out (see yamlText).
const yamlAbsentTitle = "未列入数据文件"

// dropAbsent removes the placeholder measures yamlText wrote for the
// numbers its list leaves out: the report then names them absent.
func (p *parser) dropAbsent(absent []int) {
	for _, n := range absent {
		if m := p.measures[n]; m != nil && strings.Contains(m.Text, yamlAbsentTitle) && !m.HasContact() {
			delete(p.measures, n)
		}
	}
}
