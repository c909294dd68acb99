package seeds

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may hand over its guide as the XML export of a 政务公开
// platform's policy library (政策库, the "导出XML" button): one XML document,
// a header with the document's metadata, the measures as records, and a
// contact directory the records point into:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<?xml-stylesheet …?>  <!-- comments anywhere -->
//	<zcb:PolicyPackage xmlns:zcb="…" xmlns="…" xmlns:dc="…">
//	  <Header><Export>…</Export>
//	    <Document><dc:title>…通知</dc:title><DocNo>…</DocNo><Issuer>…</Issuer>
//	      <IssueDate>2022-06-08</IssueDate><PublishDate>…</PublishDate>
//	      <Enquiry>区政府办公室综合科 0451-…</Enquiry></Document></Header>
//	  <Items><Group code="ZC01" name="…">
//	    <Item id="…" seq="17" status="published|withdrawn">
//	      <Title>…&#8220;…&#8221;</Title><Chapter no="四">四、…</Chapter>
//	      <Content encoding="escaped">&lt;p&gt;…&lt;/p&gt;</Content>   ← or <![CDATA[<p>…<br/>…</p>]]>
//	      <Target>…</Target><Procedure><Step no="1">…</Step></Procedure>
//	      <Deadline>2022-12-31</Deadline>
//	      <ResponsibleUnits><Unit role="lead">…</Unit><Unit role="support">…</Unit></ResponsibleUnits>
//	      <Contacts><ContactRef ref="c07"/></Contacts>
//	      <WithdrawInfo …>…</WithdrawInfo><Remark>已撤回</Remark>
//	    </Item> …</Group></Items>
//	  <ContactDirectory><Contact id="c07"><Org>区人社局</Org><Dept>失业保险科</Dept>
//	    <Name>…</Name><Phone type="office">…</Phone><Email>…</Email></Contact> …</ContactDirectory>
//	</zcb:PolicyPackage>
//
// The records stand in the library's order (by category, then record id),
// not the document's; the measure's number is the record's seq attribute.
// A record's text is HTML, either XML-escaped (so that after XML decoding
// it is HTML source still holding &ldquo; and &nbsp;) or in a CDATA section.
// Some groups may be minified onto one line.
//
// xmlText reads such an export with encoding/xml, token by token and by
// local names (namespace prefixes and the default namespace are ignored,
// so <dc:title> and <Title> are both "title"), and rewrites it as the
// policy list normalizeFields reads (the shape icsText writes): the title,
// a 发布日期 (the publication date, else the issue date) and 来源 (the
// issuer) line, then the measures in the order of their numbers, each
// chapter's heading where the chapter changes, the title line "N. 标题",
// 政策内容 (the HTML unescaped and its tags stripped), the 适用对象, 办理流程
// and 执行期限 fields, the lead and support units and the contacts the
// record points to in the directory. A withdrawn record (status
// withdrawn, revoked or 撤回, a WithdrawInfo) is dropped and reported.
// Comments (a superseded phone), the header's own enquiry phone, the
// categories, attachments and the footer are not read.
//
// The reader is lenient: the tokens are read raw (end tags need not match,
// unknown entities are kept), and after a syntax error reading resumes at
// the next tag, so a damaged export still gives what it holds; a record
// without a number is numbered after the others, in the file's order.
// Any text that is no such export comes back unchanged.

// xmlNode is one element: its local name (lower case), attributes by local
// name, children, and its character data (CDATA included).
type xmlNode struct {
	name  string
	attr  map[string]string
	kids  []*xmlNode
	text  strings.Builder
	start int // the byte offset of its start tag, for the report
}

var (
	// xmlRecordNames are the local names of a policy record.
	xmlRecordNames = map[string]bool{"item": true, "record": true, "policy": true, "measure": true}
	// xmlNumberAttrs hold a record's number in the source document.
	xmlNumberAttrs = []string{"seq", "no", "number", "num", "order", "xh"}
	// xmlWithdrawn is a status saying the record no longer applies.
	xmlWithdrawn = regexp.MustCompile(`(?i)withdrawn|revoked|repealed|invalid|abolished|expired|撤回|撤销|废止|失效|停止执行`)
	// xmlISODate is an ISO date, alone or opening a date-time.
	xmlISODate = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})-(\d{1,2})`)
)

// isXMLExport reports whether text opens as an XML document.
func isXMLExport(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	return strings.HasPrefix(head, "<?xml") || strings.HasPrefix(head, "<") && strings.Contains(head[:min(len(head), 2000)], "xmlns")
}

// xmlTree reads text into a tree of elements. It never fails: a syntax
// error is reported and reading resumes at the next "<" after it.
func xmlTree(text string) (*xmlNode, []Unread) {
	return xmlTreeOf(text, false)
}

// xmlTreeOf is xmlTree; with mixed, each run of character data is also a
// child of its own (named "#text", its text the run), in its place among
// the elements: a document whose paragraphs mix text and elements
// (odtText) is read in order.
func xmlTreeOf(text string, mixed bool) (*xmlNode, []Unread) {
	root := &xmlNode{name: "#document", attr: map[string]string{}}
	stack := []*xmlNode{root}
	var unread []Unread
	pos := 0
	for pos < len(text) {
		d := xml.NewDecoder(strings.NewReader(text[pos:]))
		d.Strict = false
		d.Entity = xml.HTMLEntity
		d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
		var err error
		for {
			var tok xml.Token
			off := d.InputOffset()
			tok, err = d.RawToken()
			if err != nil {
				break
			}
			top := stack[len(stack)-1]
			switch t := tok.(type) {
			case xml.StartElement:
				n := &xmlNode{name: strings.ToLower(t.Name.Local), attr: map[string]string{}, start: pos + int(off)}
				for _, a := range t.Attr {
					if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
						n.attr[strings.ToLower(a.Name.Local)] = a.Value
					}
				}
				top.kids = append(top.kids, n)
				stack = append(stack, n)
			case xml.EndElement:
				// Close up to the matching element. An end tag that
				// matches nothing open closes the innermost element if
				// that holds no elements (a misspelt </Titel>), and is
				// dropped otherwise.
				name := strings.ToLower(t.Name.Local)
				i := len(stack) - 1
				for i > 0 && stack[i].name != name {
					i--
				}
				switch {
				case i > 0:
					stack = stack[:i]
				case len(stack) > 1 && len(top.kids) == 0:
					stack = stack[:len(stack)-1]
				}
			case xml.CharData:
				top.text.Write(t)
				if mixed {
					k := &xmlNode{name: "#text", start: pos + int(off)}
					k.text.Write(t)
					top.kids = append(top.kids, k)
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		// A syntax error: resume after the next "<" past the point reached.
		at := pos + max(int(d.InputOffset()), 1)
		unread = append(unread, Unread{Line: Clip(strings.TrimSpace(lineAt(text, at)), 40), Why: fmt.Sprintf("an XML syntax error (%v)", err)})
		next := strings.IndexByte(text[min(at, len(text)):], '<')
		if next < 0 {
			break
		}
		pos = at + next
	}
	return root, unread
}

// lineAt is the line holding byte offset at.
func lineAt(text string, at int) string {
	at = min(max(at, 0), len(text))
	from := strings.LastIndexByte(text[:at], '\n') + 1
	to := strings.IndexByte(text[at:], '\n')
	if to < 0 {
		return text[from:]
	}
	return text[from : at+to]
}

// child is n's first child named name, or nil.
func (n *xmlNode) child(names ...string) *xmlNode {
	for _, k := range n.kids {
		for _, name := range names {
			if k.name == name {
				return k
			}
		}
	}
	return nil
}

// value is the trimmed character data of n's first child named name.
func (n *xmlNode) value(names ...string) string {
	if c := n.child(names...); c != nil {
		return strings.TrimSpace(c.text.String())
	}
	return ""
}

// all is every element under n (n excluded) named name, in document order;
// a record's own elements are not searched for records.
func (n *xmlNode) all(match func(*xmlNode) bool) []*xmlNode {
	var out []*xmlNode
	var walk func(*xmlNode)
	walk = func(x *xmlNode) {
		for _, k := range x.kids {
			if match(k) {
				out = append(out, k)
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return out
}

// xmlContact is one entry of the contact directory.
type xmlContact struct {
	org, dept, name string
	phones, emails  []string
}

// xmlRecord is one record read.
type xmlRecord struct {
	num                     int
	title, chapter, content string
	details                 []string
	lead, support           []string
	contacts                []xmlContact
}

// xmlText: see above. It returns the policy list, what it could not read
// the numbers of the withdrawn records (reported as a warning by the
// parser) and the copies a corrupted copy's reading dropped, or text
// unchanged.
//
// A withdrawn record is written in its place all the same, its title saying
// so: a number missing between two others would be read as a measure whose
// start a corrupted copy lost, and the contact block before it given to it.
// The parser drops these numbers' measures after reading (see finish).
func xmlText(text string) (string, []Unread, []int, []Duplicate) {
	if !isXMLExport(text) {
		return text, nil, nil, nil
	}
	// A corrupted copy (cut at 。, pieces copied ahead of their places)
	// is read from the last copy of each piece: an earlier copy would
	// open a record twice and give it another's tail.
	single, copies := dropEarlierCopies(text)
	root, unread := xmlTree(single)
	items := root.all(func(n *xmlNode) bool {
		return xmlRecordNames[n.name] && (n.child("title", "name") != nil || n.child("content", "text", "body") != nil)
	})
	if len(items) == 0 {
		return text, nil, nil, nil
	}
	dir := map[string]xmlContact{}
	for _, c := range root.all(func(n *xmlNode) bool { return n.name == "contact" && n.attr["id"] != "" }) {
		dir[c.attr["id"]] = readXMLContact(c)
	}
	var records []xmlRecord
	used := map[int]bool{}
	var unnumbered []*xmlNode
	var withdrawn []int
	for _, it := range items {
		why := xmlWithdrawnWhy(it)
		r := readXMLRecord(it, dir, &unread)
		if why != "" {
			if r.num <= 0 || used[r.num] {
				continue
			}
			r.title += "（已撤回）"
			withdrawn = append(withdrawn, r.num)
		}
		if r.title == "" && r.content == "" {
			continue
		}
		if used[r.num] {
			unread = append(unread, Unread{Line: Clip(r.title, 40), Why: "a second record numbered " + strconv.Itoa(r.num) + ": the first kept"})
			continue
		}
		if r.num <= 0 {
			unnumbered = append(unnumbered, it)
			continue
		}
		used[r.num] = true
		records = append(records, r)
	}
	sort.SliceStable(records, func(i, j int) bool { return records[i].num < records[j].num })
	// A record without a number (or one whose number another holds):
	// after the others, in the file's order.
	last := 0
	if len(records) > 0 {
		last = records[len(records)-1].num
	}
	for _, it := range unnumbered {
		r := readXMLRecord(it, dir, nil)
		if r.title == "" && r.content == "" {
			continue
		}
		last++
		r.num = last
		unread = append(unread, Unread{Line: Clip(r.title, 40), Why: "a record without a number of its own: numbered " + strconv.Itoa(last)})
		records = append(records, r)
	}
	if len(records) == len(withdrawn) {
		return text, unread, nil, nil
	}
	return renderXMLRecords(xmlMeta(root, items), records), unread, withdrawn, copies
}

// xmlWithdrawnWhy says why a record no longer applies, or "".
func xmlWithdrawnWhy(it *xmlNode) string {
	for _, a := range []string{"status", "state", "valid"} {
		if v := it.attr[a]; xmlWithdrawn.MatchString(v) || a == "valid" && (v == "false" || v == "0") {
			return a + "=" + v
		}
	}
	if it.child("withdrawinfo", "revokeinfo", "withdrawn") != nil {
		return "withdrawn"
	}
	if s := it.value("status", "state"); xmlWithdrawn.MatchString(s) {
		return Clip(s, 12)
	}
	if s := it.value("remark", "note"); utf8.RuneCountInString(s) <= 12 && xmlWithdrawn.MatchString(s) {
		return s
	}
	return ""
}

// readXMLContact reads a directory entry (or a contact written in a record).
func readXMLContact(c *xmlNode) xmlContact {
	x := xmlContact{org: c.value("org", "unit", "organization", "department"), dept: c.value("dept", "office", "section"),
		name: c.value("name", "person")}
	if x.dept == x.org {
		x.dept = ""
	}
	for _, k := range c.kids {
		v := strings.TrimSpace(k.text.String())
		if v == "" {
			continue
		}
		switch k.name {
		case "phone", "tel", "telephone", "mobile", "hotline":
			x.phones = AppendNew(x.phones, v)
		case "email", "mail":
			x.emails = AppendNew(x.emails, v)
		}
	}
	return x
}

// readXMLRecord reads a record; unresolved contact references are reported
// into unread when it is not nil.
func readXMLRecord(it *xmlNode, dir map[string]xmlContact, unread *[]Unread) xmlRecord {
	r := xmlRecord{title: xmlPlain(it.value("title", "name")), chapter: xmlPlain(it.value("chapter", "section", "category"))}
	for _, a := range xmlNumberAttrs {
		if n, err := strconv.Atoi(strings.TrimSpace(it.attr[a])); err == nil {
			r.num = n
			break
		}
	}
	if r.num == 0 {
		r.num, _ = strconv.Atoi(it.value("seq", "no", "number"))
	}
	if c := it.child("content", "text", "body"); c != nil {
		r.content = xmlHTML(c.text.String())
	}
	if t := xmlPlain(it.value("target", "scope")); t != "" {
		r.details = append(r.details, "适用对象："+ended(t))
	}
	if p := it.child("procedure", "process", "steps"); p != nil {
		var steps []string
		for _, s := range p.kids {
			if v := xmlPlain(s.text.String()); v != "" {
				steps = append(steps, strconv.Itoa(len(steps)+1)+"."+strings.TrimSuffix(v, "。"))
			}
		}
		if len(steps) == 0 {
			if m := p.attr["mode"]; m != "" {
				steps = append(steps, m)
			} else if v := xmlPlain(p.text.String()); v != "" {
				steps = append(steps, v)
			}
		}
		if len(steps) > 0 {
			r.details = append(r.details, "办理流程："+strings.Join(steps, "；")+"。")
		}
	}
	if d := it.value("deadline", "enddate", "expiry"); d != "" {
		if m := xmlISODate.FindStringSubmatch(d); m != nil {
			d = m[1] + "年" + strings.TrimLeft(m[2], "0") + "月" + strings.TrimLeft(m[3], "0") + "日"
		}
		r.details = append(r.details, "执行期限：截至"+ended(xmlPlain(d)))
	}
	if us := it.child("responsibleunits", "units"); us != nil {
		for _, u := range us.kids {
			v := xmlPlain(u.text.String())
			if v == "" {
				continue
			}
			if role := strings.ToLower(u.attr["role"]); role == "support" || role == "assist" || strings.Contains(role, "配合") {
				r.support = AppendNew(r.support, v)
			} else {
				r.lead = AppendNew(r.lead, v)
			}
		}
	}
	if cs := it.child("contacts"); cs != nil {
		for _, c := range cs.kids {
			ref := strings.TrimSpace(c.attr["ref"])
			switch {
			case ref != "":
				if x, ok := dir[ref]; ok {
					r.contacts = append(r.contacts, x)
				} else if unread != nil {
					*unread = append(*unread, Unread{Line: Clip(r.title, 40), Why: "a contact reference the directory lacks: " + ref})
				}
			case c.child("org", "name", "phone") != nil:
				r.contacts = append(r.contacts, readXMLContact(c))
			}
		}
	}
	return r
}

// xmlHTML is a record's HTML text as a reader sees it: entities decoded,
// tags stripped, paragraphs joined.
func xmlHTML(s string) string {
	var parts []string
	for _, l := range strings.Split(fragmentText(s), "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "")
}

// xmlPlain is a plain field's text: leftover HTML entities and tags gone,
// spaces squeezed.
func xmlPlain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	return xmlHTML(s)
}

// xmlDocMeta is the export's metadata.
type xmlDocMeta struct {
	title, issuer, date, docno string
}

// xmlMeta reads the title, issuer, date and 文号 outside the records: the
// first element of each name, the records' own elements not searched.
func xmlMeta(root *xmlNode, items []*xmlNode) xmlDocMeta {
	record := map[*xmlNode]bool{}
	for _, it := range items {
		record[it] = true
	}
	first := map[string]string{}
	var walk func(n *xmlNode)
	walk = func(n *xmlNode) {
		for _, k := range n.kids {
			if record[k] || k.name == "contactdirectory" {
				continue
			}
			if _, ok := first[k.name]; !ok {
				if v := strings.TrimSpace(k.text.String()); v != "" && len(k.kids) == 0 {
					first[k.name] = v
				}
			}
			walk(k)
		}
	}
	walk(root)
	pick := func(names ...string) string {
		for _, n := range names {
			if v := first[n]; v != "" {
				return xmlPlain(v)
			}
		}
		return ""
	}
	m := xmlDocMeta{
		title:  pick("title", "doctitle", "documenttitle", "name"),
		issuer: pick("issuer", "publisher", "creator", "author", "source"),
		docno:  pick("docno", "documentno", "fileno"),
	}
	for _, d := range []string{pick("publishdate", "pubdate", "releasedate", "date"), pick("issuedate", "signdate"), pick("exporttime", "updated")} {
		if x := xmlISODate.FindStringSubmatch(d); x != nil {
			m.date = x[1] + "-" + pad2(x[2]) + "-" + pad2(x[3])
			break
		}
	}
	return m
}

// renderXMLRecords writes the records as a policy list (see xmlText).
func renderXMLRecords(meta xmlDocMeta, records []xmlRecord) string {
	var b []string
	b = append(b, headLines(meta.title, meta.date, meta.issuer, meta.docno)...)
	// A field written alike under two records (适用对象：中小微企业。) is
	// named by its record's title: the parser keeps one copy of a
	// sentence written twice, under the later measure.
	seen := map[string]int{}
	for _, r := range records {
		for _, d := range r.details {
			seen[d]++
		}
	}
	chapter := ""
	for _, r := range records {
		if c := strings.TrimSpace(r.chapter); c != "" && c != chapter {
			chapter = c
			b = append(b, c)
		}
		title, head := recordHead(r.num, strings.TrimSuffix(r.title, "。"), r.content)
		b = append(b, head...)
		for _, d := range r.details {
			if seen[d] > 1 {
				d = title + d
			}
			b = append(b, d)
		}
		b = append(b, xmlDuty(r)...)
	}
	return strings.Join(b, "\n")
}

// xmlDuty writes a record's duty block (see listDutyLines): its lead and
// support units, each person tagged with unit and department and the
// person's phones, a contact without a person on a line of its own with
// its unit (a hotline), e-mail addresses on their own line.
func xmlDuty(r xmlRecord) []string {
	var cs []listContact
	var emails, hot []string
	for _, c := range r.contacts {
		emails = AppendNew(emails, c.emails...)
		unit := c.org + c.dept
		var ps []string
		for _, p := range c.phones {
			ps = AppendNew(ps, xmlPhone(p))
		}
		switch {
		case len(ps) == 0:
		case c.name == "":
			// Written on a line of its own: after 咨询电话 the unit in
			// brackets would be read as a label and the person after it
			// lost.
			hot = append(hot, "联系单位："+unit+"　　咨询电话："+strings.Join(ps, "、"))
		default:
			if len(ps) > 1 {
				// One person's numbers parted by "；" (see icsDuty).
				ps = []string{strings.Join(ps, "；")}
			}
			cs = append(cs, listContact{unit: unit, person: c.name, phones: ps})
		}
	}
	lines := listDutyLines(cs, smsUnitDept)
	if len(lines) > 0 && strings.HasPrefix(lines[0], "责任单位：") {
		lines = lines[1:]
	}
	var units []string
	if len(r.lead) > 0 {
		u := "责任单位：" + strings.Join(r.lead, "、")
		if len(r.support) > 0 {
			u += "；配合单位：" + strings.Join(r.support, "、")
		}
		units = append(units, u)
	}
	lines = append(append(units, lines...), hot...)
	if len(emails) > 0 {
		lines = append(lines, "电子邮箱："+strings.Join(emails, "、"))
	}
	return lines
}

// xmlPhone writes a phone as the duty block reads it: an area code joined
// by a hyphen ("(0451)86281162", "0451 82675340" and "0451－82346519" become
// "0451-…"); anything else as written.
func xmlPhone(p string) string {
	if ps := icsPhones(p); len(ps) == 1 {
		return ps[0]
	}
	return p
}
