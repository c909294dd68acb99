package seeds

import (
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gopinyin "github.com/mozillazg/go-pinyin"
	"golang.org/x/net/html"
)

// A district may hand over its guide as the export of a 惠企政策 platform
// (issue 20): the JSON its web service returns, pretty-printed, a top-level
// object with a status (code, msg, total), the list's metadata (title,
// issuer, date, 文号, the phones' area code, a 说明) and a list of records,
// one object per measure. The platforms name a record's fields in one of
// three ways: by the Chinese field names (政策名称, 责任单位), by their
// pinyin initials (zcmc, zrdw), or in English (title, department). A
// record's fields come in any order; a field may be null or "", a phone a
// JSON number; a text may hold HTML (<p>, <br/>, &nbsp;) or line breaks; a
// record may list its contacts as a nested list of objects (unit, person,
// phone), or name two people and two phones in one string each; a record
// may be withdrawn ("sfyx": false) and stay in the list.
//
// jsonText reads such an export and writes it as the policy list that
// normalizeFields reads, the shape normalizeCSV writes too: the title, a
// 发布日期 and a 来源 line, the 说明 (with the area code), then for each
// record, in the order of the file and numbered 1..N in that order, a
// title line "N. 标题", labelled field lines, a section heading where the
// category changes, and a duty block "责任单位：… 联系人：U P 联系电话：X；…".
// A withdrawn record stays a measure and says so in its title, so that no
// answer grants it. The input is parsed with encoding/json, never with
// regular expressions; text that is no JSON (a truncated or corrupted
// export) comes back unchanged, for the text readers.

// jsonRecordRole is what a record's field is, by its key.
type jsonRecordRole struct {
	role  string // title, content, detail, unit, person, phone, contacts, category, seq, valid, status, note
	label string // a detail's label, as normalizeFields knows it
}

// jsonRecordNames are the Chinese names of a record's fields: the column
// headers the CSV and grid readers know (csvColumns) and the field labels
// of a policy list (fields.go), with a few a platform uses besides.
func jsonRecordNames() map[string]jsonRecordRole {
	names := map[string]jsonRecordRole{}
	add := func(r jsonRecordRole, ns ...string) {
		for _, n := range ns {
			if _, ok := names[n]; !ok {
				names[n] = r
			}
		}
	}
	for _, col := range csvColumns {
		switch col.label {
		case "title", "unit", "person", "phone", "category":
			add(jsonRecordRole{role: col.label}, col.names...)
		case "政策内容":
			add(jsonRecordRole{role: "content"}, col.names...)
		default:
			for _, n := range col.names {
				add(jsonRecordRole{role: "detail", label: col.label}, n)
			}
		}
	}
	add(jsonRecordRole{role: "content"}, contentLabels...)
	for _, slot := range detailSlots {
		for _, n := range slot {
			add(jsonRecordRole{role: "detail", label: n}, n)
		}
	}
	add(jsonRecordRole{role: "unit"}, unitLabels...)
	add(jsonRecordRole{role: "unit"}, "单位", "部门", "责任科室", "经办单位", "咨询单位", "单位名称", "部门名称")
	add(jsonRecordRole{role: "person"}, "联系人员", "经办人", "联系人姓名", "姓名")
	add(jsonRecordRole{role: "phone"}, "电话", "咨询热线", "服务电话", "办理电话", "联系号码", "手机", "手机号码", "办公电话", "座机")
	add(jsonRecordRole{role: "title"}, "标题", "政策标题", "事项名称")
	add(jsonRecordRole{role: "category"}, "政策分类", "类型")
	add(jsonRecordRole{role: "seq"}, "序号", "编号")
	add(jsonRecordRole{role: "valid"}, "是否有效", "有效", "是否生效")
	add(jsonRecordRole{role: "status"}, "状态", "政策状态", "执行状态")
	add(jsonRecordRole{role: "note"}, "备注")
	return names
}

// jsonRecordEnglish are the English keys of a record's fields, lowercase,
// without "_" and "-".
var jsonRecordEnglish = map[string]jsonRecordRole{
	"title": {role: "title"}, "name": {role: "title"}, "policyname": {role: "title"}, "policytitle": {role: "title"},
	"content": {role: "content"}, "text": {role: "content"}, "description": {role: "content"}, "detail": {role: "content"},
	"details": {role: "content"}, "summary": {role: "content"}, "policycontent": {role: "content"},
	"body": {role: "content"}, "lead": {role: "unit"}, "leadunit": {role: "unit"}, "support": {role: "unit"},
	"supportunits": {role: "unit"}, "material": {role: "detail", label: "申报材料"},
	"target": {role: "detail", label: "适用对象"}, "targets": {role: "detail", label: "适用对象"},
	"applicant": {role: "detail", label: "适用对象"}, "scope": {role: "detail", label: "适用对象"},
	"condition": {role: "detail", label: "申报条件"}, "conditions": {role: "detail", label: "申报条件"},
	"method": {role: "detail", label: "办理方式"}, "procedure": {role: "detail", label: "办理方式"},
	"process": {role: "detail", label: "办理方式"}, "howtoapply": {role: "detail", label: "办理方式"},
	"channel": {role: "detail", label: "办理方式"}, "materials": {role: "detail", label: "申报材料"},
	"term": {role: "detail", label: "执行期限"}, "period": {role: "detail", label: "执行期限"},
	"deadline": {role: "detail", label: "执行期限"}, "validity": {role: "detail", label: "执行期限"},
	"validuntil": {role: "detail", label: "执行期限"}, "basis": {role: "detail", label: "政策依据"},
	"department": {role: "unit"}, "dept": {role: "unit"}, "unit": {role: "unit"}, "units": {role: "unit"},
	"organization": {role: "unit"}, "org": {role: "unit"}, "responsibleunit": {role: "unit"},
	"contact": {role: "person"}, "contactperson": {role: "person"}, "person": {role: "person"}, "linkman": {role: "person"},
	"phone": {role: "phone"}, "tel": {role: "phone"}, "telephone": {role: "phone"}, "mobile": {role: "phone"},
	"contactphone": {role: "phone"}, "hotline": {role: "phone"}, "contacts": {role: "contacts"},
	"category": {role: "category"}, "type": {role: "category"}, "class": {role: "category"},
	"no": {role: "seq"}, "index": {role: "seq"}, "seq": {role: "seq"}, "id": {role: "seq"}, "serial": {role: "seq"},
	"valid": {role: "valid"}, "isvalid": {role: "valid"}, "effective": {role: "valid"}, "active": {role: "valid"},
	"enabled": {role: "valid"}, "status": {role: "status"}, "state": {role: "status"}, "remark": {role: "note"}, "note": {role: "note"},
}

// jsonMetaNames are the Chinese names of the list's metadata, by role.
var jsonMetaNames = map[string][]string{
	"title":  {"标题", "名称", "清单名称", "文件名称", "政策清单", "汇编名称"},
	"issuer": {"发布单位", "发布机关", "发文单位", "发文机关", "制发单位", "来源", "发布部门", "编制单位"},
	"date":   {"发布日期", "发布时间", "日期", "成文日期", "更新时间", "更新日期", "印发日期"},
	"docno":  {"文号", "发文字号", "文件编号"},
	"area":   {"区号", "电话区号", "长途区号"},
	"note":   {"说明", "备注", "注", "填报说明", "编制说明"},
}

var jsonMetaEnglish = map[string]string{
	"title": "title", "name": "title", "issuer": "issuer", "publisher": "issuer", "source": "issuer",
	"date": "date", "publishdate": "date", "published": "date", "publishedat": "date", "pubdate": "date", "releasedate": "date", "updatetime": "date",
	"docno": "docno", "documentno": "docno", "areacode": "area", "phoneareacode": "area",
	"note": "note", "remark": "note", "description": "note", "notes": "note",
}

// keyRoles maps each key a platform may write to its role: the Chinese
// names, their pinyin initials (every reading of a character that has
// several), and the English names.
type keyRoles struct {
	record map[string]jsonRecordRole
	meta   map[string]string
}

var jsonKeys = func() keyRoles {
	k := keyRoles{record: map[string]jsonRecordRole{}, meta: map[string]string{}}
	names := jsonRecordNames()
	// Sorted, so that where two names share their initials the same one
	// wins on every run.
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		k.record[n] = names[n]
	}
	for _, n := range sorted {
		for _, ini := range initials(n) {
			if _, ok := k.record[ini]; !ok {
				k.record[ini] = names[n]
			}
		}
	}
	for e, r := range jsonRecordEnglish {
		if _, ok := k.record[e]; !ok {
			k.record[e] = r
		}
	}
	roles := []string{"title", "issuer", "date", "docno", "area", "note"}
	for _, r := range roles {
		for _, n := range jsonMetaNames[r] {
			k.meta[n] = r
		}
	}
	for _, r := range roles {
		for _, n := range jsonMetaNames[r] {
			for _, ini := range initials(n) {
				if _, ok := k.meta[ini]; !ok {
					k.meta[ini] = r
				}
			}
		}
	}
	for e, r := range jsonMetaEnglish {
		if _, ok := k.meta[e]; !ok {
			k.meta[e] = r
		}
	}
	return k
}()

// initials returns the pinyin initials a platform may abbreviate a field's
// Chinese name to ("政策名称" zcmc): one string per combination of the
// characters' readings (执行 zx, 单位 dw or sw), at most 16.
func initials(name string) []string {
	out := []string{""}
	for _, r := range name {
		readings := gopinyin.Pinyin(string(r), gopinyin.Args{Style: gopinyin.FirstLetter, Heteronym: true})
		if len(readings) == 0 || len(readings[0]) == 0 {
			return nil
		}
		var firsts []string
		for _, p := range readings[0] {
			if p != "" {
				firsts = AppendNew(firsts, p[:1])
			}
		}
		var next []string
		for _, o := range out {
			for _, f := range firsts {
				next = append(next, o+f)
			}
		}
		if len(next) > 16 {
			next = next[:16]
		}
		out = next
	}
	return out
}

// keyName is a key as the role tables write it: trimmed, ASCII lowercase,
// "_" and "-" dropped.
func keyName(k string) string {
	k = strings.TrimSpace(k)
	if strings.IndexFunc(k, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
		return k
	}
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(k))
}

// jsonText returns the policy list an export of a policy platform is
// (see above), or text unchanged when it is no such export.
func jsonText(text string) string {
	t := strings.TrimSpace(strings.TrimPrefix(text, "\uFEFF"))
	if !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		return text
	}
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return text
	}
	// One document: anything after it is no export.
	if _, err := dec.Token(); err == nil {
		return text
	}
	records, path := findRecords(doc, nil)
	if records == nil {
		return text
	}
	if out := renderRecords(readMeta(path), records); out != "" {
		return out
	}
	return text
}

// findRecords returns the list of objects that holds the most records (an
// object with a title or a content field), and the objects on the way to
// it, outermost first; nil if there is none.
func findRecords(v any, path []map[string]any) ([]any, []map[string]any) {
	var best []any
	var bestPath []map[string]any
	bestScore := 0
	var walk func(v any, path []map[string]any)
	walk = func(v any, path []map[string]any) {
		switch v := v.(type) {
		case map[string]any:
			path = append(slices.Clip(path), v)
			for _, k := range sortedKeys(v) {
				walk(v[k], path)
			}
		case []any:
			score := 0
			for _, e := range v {
				if m, ok := e.(map[string]any); ok && isRecord(m) {
					score++
				}
			}
			if score > bestScore {
				best, bestPath, bestScore = v, path, score
			}
			if score > 0 {
				// A record's own lists (its contacts) hold no records.
				return
			}
			for _, e := range v {
				walk(e, path)
			}
		}
	}
	walk(v, path)
	return best, bestPath
}

// isRecord reports whether an object has a title or a content field.
func isRecord(m map[string]any) bool {
	for k := range m {
		if r := jsonKeys.record[keyName(k)]; r.role == "title" || r.role == "content" {
			return true
		}
	}
	return false
}

// jsonMeta is the list's metadata.
type jsonMeta struct {
	title, issuer, date, docno, area string
	notes                            []string
}

var (
	jsonDate = regexp.MustCompile(`^(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})`)
	// areaCode is a phone area code written alone ("0571").
	areaCode = regexp.MustCompile(`^0[1-9]\d{1,2}$`)
)

// readMeta reads the metadata from the string fields of the objects on the
// way to the records (the innermost last, so the nearest wins).
func readMeta(path []map[string]any) jsonMeta {
	var m jsonMeta
	var objs []map[string]any
	for _, obj := range path {
		// A flat object beside the records ("meta": {…}) holds metadata
		// too; the object on the way to the records holds lists.
		for _, k := range sortedKeys(obj) {
			if child, ok := obj[k].(map[string]any); ok && flat(child) {
				objs = append(objs, child)
			}
		}
		objs = append(objs, obj)
	}
	for _, obj := range objs {
		for _, k := range sortedKeys(obj) {
			s, ok := scalar(obj[k])
			if !ok || s == "" {
				continue
			}
			role := jsonKeys.meta[keyName(k)]
			switch {
			case role == "title":
				m.title = oneLine(fragmentText(s))
			case role == "issuer":
				m.issuer = oneLine(fragmentText(s))
			case role == "date":
				if d := dateOf(s); d != "" {
					m.date = d
				}
			case role == "docno":
				m.docno = oneLine(s)
			case role == "area" || areaCode.MatchString(s) && keyName(k) != "code":
				if areaCode.MatchString(s) {
					m.area = s
				}
			case role == "note":
				m.notes = append(m.notes, oneLine(fragmentText(s)))
			}
		}
	}
	return m
}

// flat reports whether an object holds no list or object.
func flat(obj map[string]any) bool {
	for _, v := range obj {
		switch v.(type) {
		case []any, map[string]any:
			return false
		}
	}
	return true
}

// dateOf reads a date written as text or as a Unix time in milliseconds or
// seconds (China Standard Time), as YYYY-MM-DD; "" if s is neither.
func dateOf(s string) string {
	if m := jsonDate.FindStringSubmatch(s); m != nil {
		return m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return ""
	}
	if n > 1e11 {
		n /= 1000
	}
	if n < 1e8 || n > 1e10 {
		return ""
	}
	return time.Unix(n, 0).In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
}

// scalar returns a string, number or boolean value as text.
func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v), true
	case json.Number:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// htmlMarkup is a tag in a field's text.
var htmlMarkup = regexp.MustCompile(`<[A-Za-z/!][^<>]*>`)

// fragmentText returns a field's text as lines a reader sees: HTML read as
// a page's text (htmlText's rendering and cleaning), else its own line
// breaks kept and its entities decoded.
func fragmentText(s string) string { return fragmentLines(s, false) }

// listText returns a field listing units, people or phones, one a line
// (a <br> or a line break between them), as one line separated by 、.
func listText(s string) string {
	return strings.ReplaceAll(fragmentLines(s, true), "\n", "、")
}

// fragmentLines is fragmentText; list is set for a field whose every <br>
// separates two items, as in a table's cell.
func fragmentLines(s string, list bool) string {
	if htmlMarkup.MatchString(s) {
		doc, err := html.Parse(strings.NewReader("<body>" + s + "</body>"))
		if err == nil {
			r := pageRender{cell: list}
			r.walk(doc)
			r.flush()
			return strings.Join(r.lines, "\n")
		}
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = cleanLine(html.UnescapeString(l)); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// fieldValue joins a field's lines into one: a line that ends no sentence
// or clause is ended with ；, so that its words do not run into the next
// line's.
func fieldValue(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(fragmentText(s), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			if !strings.ContainsRune("。；;：:！？!?，,、）)”", prev) {
				b.WriteString("；")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// jsonContact is one unit's contact in a record.
type jsonContact struct {
	unit, people, phones string
}

// jsonRecord is a record's fields by role.
type jsonRecord struct {
	title, content, category, status string
	details                          [][2]string // label, value in a fixed order
	units, people, phones            []string
	contacts                         []jsonContact
	withdrawn                        bool
}

// detailOrder is the order detail fields are written in: the slots'.
func detailOrder(label string) int {
	for i, slot := range detailSlots {
		if slices.Contains(slot, label) {
			return i
		}
	}
	return len(detailSlots)
}

// readRecord reads one record's fields by their keys; a key of no known
// name is read by its value: phones, a unit's name, a long text.
func readJSONRecord(obj map[string]any) jsonRecord {
	var r jsonRecord
	var notes []string
	// The keys of known names first, so that a text guessed to be the
	// content from an unknown key's value only adds to the known content.
	keys := sortedKeys(obj)
	known := func(k string) bool { return jsonKeys.record[keyName(k)].role != "" || containedRole(k).role != "" }
	slices.SortStableFunc(keys, func(a, b string) int {
		switch ka, kb := known(a), known(b); {
		case ka && !kb:
			return -1
		case kb && !ka:
			return 1
		}
		return 0
	})
	for _, k := range keys {
		v := obj[k]
		role := jsonKeys.record[keyName(k)]
		if role.role == "" {
			// A Chinese key that names a known field with more words
			// ("政策名称（标题）"): its longest known name inside.
			role = containedRole(k)
		}
		switch nested := v.(type) {
		case []any, map[string]any:
			if role.role == "contacts" || role.role == "phone" || role.role == "unit" || role.role == "person" || role.role == "" {
				r.contacts = append(r.contacts, nestedContacts(nested)...)
				if role.role != "" && role.role != "contacts" {
					// A list of strings under a unit, person or phone key.
					for _, s := range stringList(nested) {
						r.add(role, s)
					}
				}
			}
			continue
		}
		s, ok := scalar(v)
		if !ok || s == "" {
			continue
		}
		if role.role == "" {
			role = roleByValue(s)
		}
		switch role.role {
		case "valid":
			if b, ok := v.(bool); ok && !b || s == "否" || s == "0" || s == "无效" || s == "N" || s == "n" {
				r.withdrawn = true
			}
		case "status":
			if stopped(s) {
				r.withdrawn, r.status = true, oneLine(fragmentText(s))
			}
		case "note":
			if stopped(s) {
				r.withdrawn, r.status = true, oneLine(fragmentText(s))
			} else {
				notes = append(notes, fieldValue(s))
			}
		default:
			r.add(role, s)
		}
	}
	if len(notes) > 0 {
		r.details = append(r.details, [2]string{"备注", strings.Join(notes, "；")})
	}
	sort.SliceStable(r.details, func(i, j int) bool { return detailOrder(r.details[i][0]) < detailOrder(r.details[j][0]) })
	return r
}

func (r *jsonRecord) add(role jsonRecordRole, s string) {
	switch role.role {
	case "title":
		if r.title == "" {
			r.title = oneLine(fragmentText(s))
		}
	case "content":
		if r.content == "" {
			r.content = fieldValue(s)
		} else {
			r.content += fieldValue(s)
		}
	case "detail":
		r.details = append(r.details, [2]string{role.label, fieldValue(s)})
	case "category":
		r.category = oneLine(fragmentText(s))
	case "unit":
		r.units = append(r.units, listText(s))
	case "person":
		r.people = append(r.people, listText(s))
	case "phone":
		s = listText(s)
		if personsWithPhones(s) {
			// "联系方式：张某 0571-…；李某 …": people with their phones.
			for _, e := range strings.FieldsFunc(s, func(r rune) bool { return r == '；' || r == ';' }) {
				i := strings.IndexFunc(e, func(r rune) bool { return r >= '0' && r <= '9' })
				if i < 0 {
					continue
				}
				r.contacts = append(r.contacts, jsonContact{people: strings.Trim(e[:i], " \t　，,、：:"), phones: strings.TrimSpace(e[i:])})
			}
			return
		}
		r.phones = append(r.phones, s)
	}
}

// personsWithPhones reports whether a phone field names people before
// its phones ("张某 0571-86001234").
func personsWithPhones(s string) bool {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	return i > 0 && strings.IndexFunc(s[:i], func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// containedRole is the role of the longest known Chinese name inside a key.
func containedRole(k string) jsonRecordRole {
	best, bestName := jsonRecordRole{}, ""
	for name, r := range jsonKeys.record {
		if utf8.RuneCountInString(name) < 2 || name[0] < 0x80 || !strings.Contains(k, name) {
			continue
		}
		// The longest, the first in order among equals: the same on
		// every run.
		if len(name) > len(bestName) || len(name) == len(bestName) && name < bestName {
			best, bestName = r, name
		}
	}
	return best
}

// stopped reports whether a record's state says it no longer applies.
func stopped(s string) bool {
	for _, w := range []string{"停止执行", "废止", "失效", "已停止", "暂停执行", "已过期", "已到期", "终止"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// roleByValue guesses an unknown key's role from its value: phones, a
// unit's name, or a long text (the content).
func roleByValue(s string) jsonRecordRole {
	parts := cellList(s)
	switch {
	case len(parts) > 0 && all(parts, func(p string) bool { return PhoneShape.MatchString(p) }):
		return jsonRecordRole{role: "phone"}
	case len(parts) > 0 && all(parts, unitLike):
		return jsonRecordRole{role: "unit"}
	case utf8.RuneCountInString(s) >= 30:
		return jsonRecordRole{role: "content"}
	}
	return jsonRecordRole{}
}

func all(xs []string, f func(string) bool) bool {
	for _, x := range xs {
		if !f(x) {
			return false
		}
	}
	return true
}

// cellList splits a field listing several units, people or phones.
func cellList(s string) []string {
	var out []string
	for _, v := range cellSep.Split(s, -1) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// stringList returns the strings of a list (a unit, person or phone key
// holding a list).
func stringList(v any) []string {
	l, ok := v.([]any)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range l {
		if s, ok := scalar(e); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// contactPersonName is a person's name as a contact gives it: two to four Han
// characters, or several joined by 、 or /.
var contactPersonName = regexp.MustCompile(`^\p{Han}{2,4}(?:[、/，,]\p{Han}{2,4})*$`)

// nestedContacts reads a record's contacts written as objects (one per
// unit: its unit, person and phone), in a list or alone.
func nestedContacts(v any) []jsonContact {
	var objs []map[string]any
	switch v := v.(type) {
	case map[string]any:
		objs = append(objs, v)
	case []any:
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				objs = append(objs, m)
			}
		}
	}
	var out []jsonContact
	for _, o := range objs {
		var c jsonContact
		for _, k := range sortedKeys(o) {
			s, ok := scalar(o[k])
			if !ok || s == "" {
				continue
			}
			role := jsonKeys.record[keyName(k)].role
			if role != "unit" && role != "person" && role != "phone" {
				// In a contact, a key of no contact name ("name",
				// "xm") is read by its value: a phone, a unit, a name.
				role = roleByValue(s).role
				if role == "" && contactPersonName.MatchString(s) {
					role = "person"
				}
			}
			s = listText(s)
			switch role {
			case "unit":
				c.unit = s
			case "person":
				c.people = s
			case "phone":
				c.phones = joinList(c.phones, s)
			}
		}
		if c.phones != "" || c.people != "" || c.unit != "" {
			out = append(out, c)
		}
	}
	return out
}

func joinList(a, b string) string {
	if a == "" {
		return b
	}
	return a + "、" + b
}

// titleText is a record's title as a title line holds it: one line, without
// the signs that end a sentence or start a field (see titleEnd).
func titleText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '：', ':', '；', ';':
			return '，'
		case '。':
			return ' '
		}
		return r
	}, s)
	return strings.TrimRight(strings.TrimSpace(s), "，, ")
}

// sectionNumber is a category's own number ("一、财税支持", "（二）金融").
var sectionNumber = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])\s*`)

// headLines writes a data export's metadata as the head lines of a policy
// list, the way the parser reads a guide's head: title, 发布日期, 来源 (the
// issuer) and 文号, each left out when empty.
func headLines(title, date, issuer, docno string) []string {
	var out []string
	if title != "" {
		out = append(out, title)
	}
	if date != "" {
		out = append(out, "发布日期："+date)
	}
	if issuer != "" {
		out = append(out, "来源："+issuer+"。")
	}
	if docno != "" {
		out = append(out, docno)
	}
	return out
}

// recordHead writes a data export's record as the opening of a measure:
// "N. title" (the content's first clause where the record has no title)
// and its 政策内容 line when it has content. It returns the title written,
// which names the record's repeated field lines (see renderXMLRecords).
func recordHead(num int, title, content string) (string, []string) {
	title = titleText(title)
	if title == "" {
		title = titleText(firstClause(content))
	}
	lines := []string{strconv.Itoa(num) + ". " + title}
	if content != "" {
		lines = append(lines, "政策内容："+ended(content))
	}
	return title, lines
}

// renderRecords writes the metadata and the records as a policy list.
func renderRecords(meta jsonMeta, records []any) string {
	var out []string
	out = append(out, headLines(meta.title, meta.date, meta.issuer, meta.docno)...)
	for _, n := range meta.notes {
		if n != "" {
			if !strings.HasSuffix(n, "。") {
				n += "。"
			}
			out = append(out, n)
		}
	}
	if meta.area != "" && !slices.ContainsFunc(meta.notes, func(n string) bool { return areaCodeRe.MatchString(n) }) {
		out = append(out, "联系电话未标注区号的，区号均为"+meta.area+"。")
	}
	number, section, category := 0, 0, ""
	for _, e := range records {
		obj, ok := e.(map[string]any)
		if !ok || !isRecord(obj) {
			continue
		}
		r := readJSONRecord(obj)
		if r.title == "" && r.content == "" {
			continue
		}
		if c := sectionNumber.ReplaceAllString(r.category, ""); c != "" && c != category {
			section++
			category = c
			out = append(out, Numeral(section)+"、"+titleText(c))
		}
		number++
		title := titleText(r.title)
		if title == "" {
			title = titleText(firstClause(r.content))
		}
		if r.withdrawn {
			state := r.status
			if state == "" || utf8.RuneCountInString(state) > 20 {
				state = "已停止执行"
			}
			title += "（" + titleText(state) + "）"
			if r.status != "" && state != r.status {
				r.content = strings.TrimSuffix(r.status, "。") + "。" + r.content
			}
		}
		out = append(out, strconv.Itoa(number)+". "+title)
		if r.content != "" {
			out = append(out, "政策内容："+r.content)
		}
		for _, d := range r.details {
			if d[1] != "" {
				out = append(out, d[0]+"："+d[1])
			}
		}
		if d := r.duty(); d != "" {
			out = append(out, d)
		}
	}
	if number == 0 {
		return ""
	}
	return strings.Join(out, "\n")
}

// duty writes a record's units, people and phones as a duty block: the
// units, then each person with the unit in brackets where there are
// several, and the person's phone; without people, the phones tagged with
// their units. The contacts are the nested ones, or the flat fields paired
// by position.
func (r jsonRecord) duty() string {
	var units []string
	for _, u := range r.units {
		for _, s := range cellList(u) {
			units = AppendNew(units, s)
		}
	}
	contacts := r.contacts
	if len(contacts) == 0 {
		// The flat fields, paired by position: the i-th person and phone
		// are the i-th unit's, or the only unit's.
		ps, fs := cellList(strings.Join(r.people, "、")), cellList(strings.Join(r.phones, "、"))
		for i := range max(len(ps), len(fs)) {
			var c jsonContact
			switch {
			case len(units) == 1:
				c.unit = units[0]
			case i < len(units):
				c.unit = units[i]
			}
			if i < len(ps) {
				c.people = ps[i]
			}
			if i < len(fs) {
				c.phones = fs[i]
			}
			contacts = append(contacts, c)
		}
	}
	withPeople := false
	for _, c := range contacts {
		if c.unit != "" {
			units = AppendNew(units, c.unit)
		}
		withPeople = withPeople || c.people != ""
	}
	var lines []string
	if len(units) > 0 {
		lines = append(lines, "责任单位："+strings.Join(units, "、"))
	}
	var groups []string
	for _, c := range contacts {
		ps, fs := cellList(c.people), cellList(c.phones)
		if !withPeople {
			for _, f := range fs {
				if c.unit != "" && len(units) > 1 {
					f += "（" + c.unit + "）"
				}
				groups = append(groups, f)
			}
			continue
		}
		// Each person and phone tagged with the unit in brackets
		// ("联系人：张某（区X中心）" / "联系电话：…"), as a policy list's
		// 联系人及电话 pairs are read (see dutyLines): a unit named like a
		// department (…中心) starts no group of its own on one line.
		for i := range max(len(ps), len(fs), 1) {
			var g []string
			if i < len(ps) {
				p := ps[i]
				if c.unit != "" && len(units) > 1 {
					p += "（" + c.unit + "）"
				}
				g = append(g, "联系人："+p)
			}
			if i < len(fs) {
				f := fs[i]
				if c.unit != "" && len(units) > 1 && i >= len(ps) {
					f += "（" + c.unit + "）"
				}
				g = append(g, "联系电话："+f)
			}
			groups = append(groups, strings.Join(g, "\n"))
		}
	}
	switch {
	case len(groups) == 0:
	case withPeople:
		lines = append(lines, groups...)
	default:
		lines = append(lines, "咨询电话："+strings.Join(groups, "、"))
	}
	return strings.Join(lines, "\n")
}
