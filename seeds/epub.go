package seeds

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A district may publish its guide as an e-book (EPUB 2 or 3) and hand it
// over unzipped, every file of the archive concatenated into one text in
// the zip's order, each opened by a line naming its path:
//
//	----- FILE: OEBPS/content.opf -----      (or "=== path ===", "==> path <==")
//	<package …><metadata><dc:title>…</dc:title><dc:creator>…</dc:creator>…</metadata>
//	  <manifest><item id="c-tax" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>…</manifest>
//	  <spine toc="ncx"><itemref idref="cover"/><itemref idref="c-tax"/>…<itemref idref="old" linear="no"/></spine></package>
//	----- FILE: OEBPS/text/ch1.xhtml -----
//	<?xml …?><!DOCTYPE html><html …><head><title>the book's title</title></head>
//	<body epub:type="bodymatter"><section epub:type="chapter"><span epub:type="pagebreak" title="2"/>
//	  <h1>一、…</h1><p><span>（一）</span><strong>标题。</strong>正文<a epub:type="noteref" href="#fn1">[1]</a>…</p>
//	  <p>责任单位：…</p></section><aside epub:type="footnote" id="fn1">…</aside></body></html>
//
// The zip's order is no reading order (ch10 after ch1, the preface last),
// and the archive holds files no reader reads as text (the mimetype, the
// container, the package document, the NCX and nav tables of contents,
// style sheets).
//
// epubText turns such a text into the text a person reads in an e-book
// reader, before any layout is chosen, so that the layout readers take it
// like any other guide. It relies on the EPUB's own structure and the
// elements' semantics, on nothing of one book's class names or ids:
//   - the files: a separator line naming a path ("----- FILE: p -----",
//     "=== p ===", "==> p <==", "### p ###"; the path a file name with an
//     extension, or mimetype) opens each file, its content running to the
//     next separator;
//   - the package document: container.xml's rootfile full-path, else a file
//     named *.opf, else a file holding <package> with a <spine>; the
//     reading order is its spine: each itemref's idref is a manifest item's
//     id, whose href (percent-decoded, its fragment dropped) is resolved
//     against the package document's directory and matched to a file (by
//     its path, else by the end of its path, case aside); itemrefs marked
//     linear="no" (an auxiliary document a reader only reaches by a link:
//     a stale notice) are left out, and so are items that are no XHTML
//     (an image), the nav document (properties="nav"), the NCX, and the
//     book's cover and colophon or copyright page (a body or section
//     whose epub:type or role says so, an EPUB 2 <guide> reference of that
//     type); a file no spine names is not read;
//   - each spine item is read as HTML (an XHTML chapter's DOCTYPE declares
//     no entities, so &nbsp; would stop a strict XML parser): an element
//     written self-closing that HTML would leave open
//     (<span epub:type="pagebreak" …/>) is closed, the page-break markers
//     (epub:type pagebreak, role doc-pagebreak) are dropped, and so are a
//     ruby's readings (<rt>, <rp>: 蟳<rt>xún</rt>埔 reads 蟳埔), footnotes
//     and endnotes (epub:type footnote, endnote, rearnote, footnotes,
//     endnotes; role doc-footnote, doc-endnote(s)) and the note references
//     pointing at them (epub:type noteref, role doc-noteref, or an <a>
//     whose text is a note mark "[1]" linking to a note), soft hyphens
//     (U+00AD) and zero-width spaces: a sentence continues across all of
//     them. The item's head (its <title> is the book's) is no text;
//   - an ordered list's numbers, which the reader draws (<ol start="10">,
//     CSS ::marker) and the text does not hold, are written in front of
//     each item, counted from its start (or the value an item states), in
//     the form the book types its other measures' numbers ("（十）" after
//     "（九）", else "10．"); the items of a nested list are written
//     "（1）";
//   - the rest as htmlText reads a web page (headings, paragraphs, tables
//     one row a line with TAB-separated cells, a cell spanning rows carried
//     down, two numbers split by <br> joined by "、"), each 责任单位 line
//     written as the clause closing the line before it (see
//     odtDutyClauses). A table whose column names each row's measures
//     (对应条款 "第7、29—31条") is rewritten as contacts by measure (see
//     odtByMeasure) and closes the text, a label standing in the 联系人
//     column ("纳税缴费服务热线", "外贸科（邮箱）") moved to a 科室 column:
//     it names no person;
//   - the head written first (see headLines): the book's title
//     (dc:title, else the first line read), the date and issuer of the
//     document it carries (its signature: an office line before a date
//     line, or an "…印发" line), else the book's dc:creator (else its
//     dc:publisher, who made the book) and dc:date (never
//     dcterms:modified, a file's date), and the first 文号 read where it
//     is no line of its own. The NCX's docTitle and docAuthor (a draft's)
//     are not read.
//
// The reader is lenient: a damaged package document is read with xmlTree
// (reading resumes after an error), a missing container is not needed, a
// spine item whose file is missing is skipped and reported, and a text
// without a package document holding a spine comes back unchanged.

// epubSeparator is a line opening a file of the concatenation.
var epubSeparator = regexp.MustCompile(`(?m)^[ \t]*(?:(?:-{3,}|={3,}|#{3,}|\*{3,})[ \t]*(?:(?i:file|path|文件)[ \t]*[:：]?[ \t]*)?([^\s<>"|*?][^<>"|*?\n]*?)[ \t]*(?:-{3,}|={3,}|#{3,}|\*{3,})|==>[ \t]*([^<>\n]+?)[ \t]*<==)[ \t]*\r?$`)

// epubPath is a file's path in the archive: a name with an extension, or
// the mimetype file.
var epubPath = regexp.MustCompile(`^(?:[^\s/]+(?: [^\s/]+)*/)*[^\s/]+(?: [^\s/]+)*\.[A-Za-z0-9]{1,8}$|^mimetype$|/mimetype$`)

// epubFile is one file of the concatenation.
type epubFile struct {
	path, content string
	line          int // its separator's line, for the report
}

// epubFiles cuts text at its separator lines (a line of the separator's
// shape naming no path stays in its file).
func epubFiles(text string) []epubFile {
	var files []epubFile
	type sep struct {
		from, to int
		path     string
	}
	var seps []sep
	for _, loc := range epubSeparator.FindAllStringSubmatchIndex(text, -1) {
		p := ""
		switch {
		case loc[2] >= 0:
			p = text[loc[2]:loc[3]]
		case loc[4] >= 0:
			p = text[loc[4]:loc[5]]
		}
		p = strings.TrimPrefix(strings.TrimSpace(p), "./")
		if epubPath.MatchString(p) {
			seps = append(seps, sep{loc[0], loc[1], p})
		}
	}
	for i, s := range seps {
		end := len(text)
		if i+1 < len(seps) {
			end = seps[i+1].from
		}
		start := min(s.to+1, end)
		files = append(files, epubFile{path: s.path, content: text[start:end], line: strings.Count(text[:s.from], "\n") + 1})
	}
	return files
}

// isEPUB reports whether text holds an unzipped EPUB's files: a package
// document with a spine among files opened by separator lines.
func isEPUB(text string) bool {
	if !strings.Contains(text, "<spine") || !strings.Contains(text, "<manifest") {
		return false
	}
	_, ok := epubPackage(epubFiles(text))
	return ok
}

// epubPackage finds the package document (see above).
func epubPackage(files []epubFile) (int, bool) {
	holds := func(i int) bool {
		c := files[i].content
		return strings.Contains(c, "<spine") && strings.Contains(c, "<manifest")
	}
	for _, f := range files {
		if strings.EqualFold(path.Base(f.path), "container.xml") {
			root, _ := xmlTree(f.content)
			for _, r := range root.all(func(n *xmlNode) bool { return n.name == "rootfile" }) {
				if i := epubFind(files, r.attr["full-path"]); i >= 0 && holds(i) {
					return i, true
				}
			}
		}
	}
	for i, f := range files {
		if strings.EqualFold(path.Ext(f.path), ".opf") && holds(i) {
			return i, true
		}
	}
	for i := range files {
		if holds(i) && strings.Contains(files[i].content, "<package") {
			return i, true
		}
	}
	return -1, false
}

// epubFind is the file at path p: exactly, else case aside, else the only
// file whose path ends in p's last segments.
func epubFind(files []epubFile, p string) int {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" || p == "." {
		return -1
	}
	for i, f := range files {
		if f.path == p {
			return i
		}
	}
	for i, f := range files {
		if strings.EqualFold(f.path, p) {
			return i
		}
	}
	found := -1
	for i, f := range files {
		if strings.HasSuffix(strings.ToLower("/"+f.path), strings.ToLower("/"+path.Base(p))) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// epubMeta is what the package document says of the book.
type epubMeta struct {
	title, creator, publisher, date string
}

// epubItem is a spine item to read.
type epubItem struct {
	id, href string
	file     int
}

// epubText: see above. It returns the text a person reads, the number of
// paragraphs opening with a bold bracket-numbered title (see htmlText),
// what it could not read and the copies a corrupted copy's reading
// dropped (it reads the last copy of each piece: see dropEarlierCopies);
// or text unchanged.
func epubText(text string) (string, int, []Unread, []Duplicate) {
	if !strings.Contains(text, "<spine") || !strings.Contains(text, "<manifest") {
		return text, 0, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	files := epubFiles(single)
	opf, ok := epubPackage(files)
	if !ok {
		return text, 0, nil, nil
	}
	root, unread := xmlTree(files[opf].content)
	dir := path.Dir(files[opf].path)
	var meta epubMeta
	if md := root.find("metadata"); md != nil {
		meta.title = md.value("title")
		for _, c := range md.kids {
			v := squeezeSpace(strings.TrimSpace(c.text.String()))
			switch {
			case c.name == "creator" && meta.creator == "" && (c.attr["role"] == "" || c.attr["role"] == "aut"):
				meta.creator = v
			case c.name == "publisher" && meta.publisher == "":
				meta.publisher = v
			case c.name == "date" && meta.date == "":
				meta.date = v
			}
		}
	}
	manifest := map[string]*xmlNode{}
	for _, it := range root.all(func(n *xmlNode) bool { return n.name == "item" }) {
		if id := it.attr["id"]; id != "" {
			manifest[id] = it
		}
	}
	// The book's cover and colophon by its EPUB 2 guide.
	skipHref := map[int]bool{}
	for _, r := range root.all(func(n *xmlNode) bool { return n.name == "reference" }) {
		if epubSkipType(r.attr["type"]) {
			if i := epubFind(files, epubResolve(dir, r.attr["href"])); i >= 0 {
				skipHref[i] = true
			}
		}
	}
	var items []epubItem
	spine := root.find("spine")
	if spine == nil {
		return text, 0, unread, nil
	}
	inSpine := map[int]bool{}
	for _, ref := range spine.all(func(n *xmlNode) bool { return n.name == "itemref" }) {
		if strings.EqualFold(strings.TrimSpace(ref.attr["linear"]), "no") {
			continue
		}
		it := manifest[ref.attr["idref"]]
		if it == nil {
			unread = append(unread, Unread{Line: Clip("itemref "+ref.attr["idref"], 40), Why: "a spine item the manifest does not list"})
			continue
		}
		mt := strings.ToLower(it.attr["media-type"])
		href := it.attr["href"]
		ext := strings.ToLower(path.Ext(epubUnescape(href)))
		if !strings.Contains(mt, "html") && ext != ".xhtml" && ext != ".html" && ext != ".htm" {
			continue
		}
		if slices.Contains(strings.Fields(it.attr["properties"]), "nav") {
			continue
		}
		i := epubFind(files, epubResolve(dir, href))
		if i < 0 {
			unread = append(unread, Unread{Line: Clip(href, 40), Why: "a spine item whose file the text does not hold"})
			continue
		}
		if skipHref[i] || inSpine[i] {
			// A file the spine lists twice (an itemref repeated, two
			// manifest items with one href) is read once: read again,
			// its measures would stand twice, and a spine of thousands
			// of itemrefs would parse one large chapter thousands of
			// times.
			continue
		}
		inSpine[i] = true
		items = append(items, epubItem{id: ref.attr["idref"], href: href, file: i})
	}
	if len(items) == 0 {
		return text, 0, unread, nil
	}
	docs := make([]*html.Node, 0, len(items))
	for _, it := range items {
		doc, err := html.Parse(strings.NewReader(epubCloseEmpty(files[it.file].content)))
		if err != nil {
			continue
		}
		if epubSkipDoc(doc) || epubApparatus(doc) {
			continue
		}
		epubClean(doc)
		docs = append(docs, doc)
	}
	style := epubNumberStyle(docs)
	if style == "decimal" {
		for _, doc := range docs {
			epubDecimalNumbers(doc)
		}
	}
	var lines, tail []string
	bold := 0
	for _, doc := range docs {
		epubNumberLists(doc, style, 0)
		r := pageRender{bold: map[*html.Node]bool{}}
		r.walk(doc)
		r.flush()
		if style != "decimal" {
			bold += len(r.bold)
		}
		before, byMeasure, after := epubTables(r.lines)
		if byMeasure != nil {
			// Contacts by measure close the text, after the lines of
			// their file before the table (the appendix's heading) and
			// after it (a note under the table): lines after a table
			// read as its last row's cells.
			tail = append(tail, epubDutyClauses(append(before, after...))...)
			for _, row := range byMeasure {
				tail = append(tail, strings.Join(row, "\t"))
			}
			continue
		}
		lines = append(lines, before...)
	}
	lines = epubDutyClauses(lines)
	if len(lines) == 0 && len(tail) == 0 {
		return text, 0, unread, nil
	}
	head := epubHead(meta, lines)
	return strings.Join(append(append(head, lines...), tail...), "\n") + "\n", bold, unread, copies
}

// epubApparatus reports whether a spine item is the book's own apparatus
// after its body (an editor's note, an afterword): back matter (its body's
// or only section's epub:type) holding no table, no list and no paragraph
// opening with a number or naming a 责任单位. Read after the last measure,
// its sentences would be taken for that measure's.
func epubApparatus(doc *html.Node) bool {
	body := epubFindElem(doc, atom.Body)
	if body == nil {
		return false
	}
	back := false
	for _, n := range append([]*html.Node{body}, epubElemKids(body)...) {
		for _, w := range strings.Fields(strings.ToLower(epubAttr(n, "type"))) {
			switch w {
			case "backmatter", "afterword", "epilogue", "acknowledgments", "acknowledgements", "contributors", "other-credits":
				back = true
			}
		}
	}
	if !back || epubFindElem(body, atom.Table) != nil || epubFindElem(body, atom.Ol) != nil {
		return false
	}
	var in, out strings.Builder
	textOf(body, &in, &out, false)
	for _, l := range strings.Split(in.String()+out.String(), "\n") {
		l = cleanLine(l)
		if epubParenNumber.MatchString(l) || epubDotNumber.MatchString(l) || sectionHead.MatchString(l) || strings.Contains(l, "责任单位") {
			return false
		}
	}
	return true
}

// epubElemKids are n's element children.
func epubElemKids(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// epubResolve is href's path in the archive, resolved against dir.
func epubResolve(dir, href string) string {
	href = epubUnescape(href)
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href = href[:i]
	}
	if strings.HasPrefix(href, "/") {
		return strings.TrimPrefix(path.Clean(href), "/")
	}
	return strings.TrimPrefix(path.Join(dir, href), "./")
}

// epubUnescape percent-decodes an href ("contacts%20list.xhtml").
func epubUnescape(href string) string {
	if u, err := url.PathUnescape(href); err == nil {
		return u
	}
	return href
}

// epubSkipType reports whether an epub:type, role or EPUB 2 guide type
// names a part of the book that is no guide text: its cover, its
// colophon or copyright page.
func epubSkipType(v string) bool {
	for _, w := range strings.Fields(strings.ToLower(v)) {
		w = strings.TrimPrefix(w, "doc-")
		switch w {
		case "cover", "colophon", "copyright-page", "imprint", "imprimatur":
			return true
		}
	}
	return false
}

// epubAttr is an element's attribute by its name, a prefixed name
// ("epub:type") matched by its local part.
func epubAttr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		if k == name || name == "type" && strings.HasSuffix(k, ":type") {
			return a.Val
		}
	}
	return ""
}

// epubSkipDoc reports whether a spine item is its book's cover or
// colophon by its body's (or its only section's) epub:type or role.
func epubSkipDoc(doc *html.Node) bool {
	body := epubFindElem(doc, atom.Body)
	if body == nil {
		return false
	}
	if epubSkipType(epubAttr(body, "type")) || epubSkipType(epubAttr(body, "role")) {
		return true
	}
	var sections []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			sections = append(sections, c)
		}
	}
	return len(sections) == 1 && (epubSkipType(epubAttr(sections[0], "type")) || epubSkipType(epubAttr(sections[0], "role")))
}

// epubFindElem is the first element under n of the tag a.
func epubFindElem(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := epubFindElem(c, a); f != nil {
			return f
		}
	}
	return nil
}

// epubVoid are the elements HTML writes without an end tag.
var epubVoid = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true}

// epubSelfClosing is an element written self-closing.
var epubSelfClosing = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9:_-]*)((?:\s+[^<>"'/=\s]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*)\s*/>`)

// epubCloseEmpty closes the elements an XHTML file writes self-closing
// that HTML would leave open (<span …/> would hold the rest of the
// paragraph).
func epubCloseEmpty(s string) string {
	return epubSelfClosing.ReplaceAllStringFunc(s, func(m string) string {
		sub := epubSelfClosing.FindStringSubmatch(m)
		if epubVoid[strings.ToLower(sub[1])] {
			return m
		}
		return "<" + sub[1] + sub[2] + "></" + sub[1] + ">"
	})
}

// epubNoteTypes are the epub:type and role words of a note and of a
// reference to one.
var epubNoteTypes = map[string]bool{"footnote": true, "footnotes": true, "endnote": true, "endnotes": true, "rearnote": true,
	"rearnotes": true, "note": true, "notes": true, "noteref": true, "pagebreak": true, "page-break": true}

// epubNoteMark is the text of a link to a note: "[1]", "1", "注1", "*".
var epubNoteMark = regexp.MustCompile(`^[\[［(（]?(?:注)?\d{1,3}[\]］)）]?$|^\*{1,3}$|^[①-⑳]$`)

// epubClean drops the nodes no reader reads as the text (see above) and
// the soft hyphens and zero-width spaces of the text nodes.
func epubClean(doc *html.Node) {
	// The targets of note references: notes, by id.
	targets := map[string]bool{}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A && epubNoteRef(n) {
			if h := epubAttr(n, "href"); strings.HasPrefix(h, "#") {
				targets[h[1:]] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	var drop []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			n.Data = strings.Map(func(r rune) rune {
				if r == '\u00ad' || r == '\u200b' || r == '\u2060' {
					return -1
				}
				return r
			}, n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Rt || n.DataAtom == atom.Rp || epubIsNote(n) || n.DataAtom == atom.A && epubNoteRef(n) ||
				targets[epubAttr(n, "id")] && n.DataAtom != atom.Body && n.DataAtom != atom.Section {
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// epubIsNote reports whether an element is a note or a page-break marker
// by its epub:type or role.
func epubIsNote(n *html.Node) bool {
	for _, v := range []string{epubAttr(n, "type"), epubAttr(n, "role")} {
		for _, w := range strings.Fields(strings.ToLower(v)) {
			if w = strings.TrimPrefix(w, "doc-"); epubNoteTypes[w] && w != "noteref" {
				return true
			}
		}
	}
	return false
}

// epubNoteRef reports whether a link refers to a note: its epub:type or
// role says so, or its text is a note mark linking within the file.
func epubNoteRef(n *html.Node) bool {
	for _, v := range []string{epubAttr(n, "type"), epubAttr(n, "role")} {
		for _, w := range strings.Fields(strings.ToLower(v)) {
			if strings.TrimPrefix(w, "doc-") == "noteref" {
				return true
			}
		}
	}
	if h := epubAttr(n, "href"); !strings.Contains(h, "#") {
		return false
	}
	var in, out strings.Builder
	textOf(n, &in, &out, false)
	return epubNoteMark.MatchString(strings.TrimSpace(in.String() + out.String()))
}

var (
	// epubParenNumber opens a paragraph numbered "（十二）".
	epubParenNumber = regexp.MustCompile(`^[（(][一二三四五六七八九十百]{1,4}[）)]`)
	// epubDotNumber opens a paragraph numbered "12." or "12．".
	epubDotNumber = regexp.MustCompile(`^\d{1,3}[.．、]`)
)

// epubNumberStyle is how the book's measures' numbers are written:
// "paren" (（十二）) or "dot" (12．), whichever opens more paragraphs (no
// headings, no list items), "dot" when none does; "decimal" where the book
// types them "（十二）" through the book (counting back at most once in
// eight: a corrupted copy's moved piece) while its
// headings open with bracket numbers too ("（一）国有房屋租金减免"): the two
// would read alike, so the measures are written "12．" (see
// epubDecimalNumbers), the form the line parser reads as a measure's
// number under the headings 一、 and （一）.
func epubNumberStyle(docs []*html.Node) string {
	paren, dot := 0, 0
	falls, last := 0, 0
	parenHeads := false
	var walk func(n *html.Node, inList bool)
	walk = func(n *html.Node, inList bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.P:
				if !inList {
					t := epubText1(n)
					switch {
					case epubParenNumber.MatchString(t):
						paren++
						k := ParseNumeral(strings.Trim(epubParenNumber.FindString(t), "（()）"))
						if k <= last {
							falls++
						}
						last = k
					case epubDotNumber.MatchString(t):
						dot++
					}
				}
				return
			case atom.Li:
				inList = true
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				parenHeads = parenHeads || epubParenNumber.MatchString(epubText1(n))
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inList)
		}
	}
	for _, d := range docs {
		walk(d, false)
	}
	switch {
	case paren > dot && falls*8 <= paren && parenHeads:
		return "decimal"
	case paren > dot:
		return "paren"
	}
	return "dot"
}

// epubText1 is an element's text on one line.
func epubText1(n *html.Node) string {
	var in, out strings.Builder
	textOf(n, &in, &out, false)
	return cleanLine(in.String() + out.String())
}

// epubDecimalNumbers writes the bracket number opening each paragraph (no
// heading, no list item) as "N．" (see epubNumberStyle).
func epubDecimalNumbers(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Table:
			return
		case atom.P:
			t := epubFirstText(n)
			if t == nil {
				return
			}
			s := strings.TrimLeft(t.Data, " \t\r\n\u00a0\u3000")
			if m := epubParenNumber.FindString(s); m != "" {
				if k := ParseNumeral(strings.Trim(m, "（()）")); k > 0 {
					t.Data = strconv.Itoa(k) + "．" + s[len(m):]
				}
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		epubDecimalNumbers(c)
	}
}

// epubFirstText is the first text node under n holding more than space.
func epubFirstText(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(strings.ReplaceAll(c.Data, "\u00a0", "")) != "" {
			return c
		}
		if c.Type == html.ElementNode {
			if t := epubFirstText(c); t != nil {
				return t
			}
		}
	}
	return nil
}

// epubNumberLists writes each ordered list item's number in front of it
// (see above): depth counts the ordered lists around.
func epubNumberLists(n *html.Node, style string, depth int) {
	if depth > 32 {
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Ol {
		k := 1
		if v, err := strconv.Atoi(strings.TrimSpace(epubAttr(n, "start"))); err == nil && v >= 0 && v < 100000 {
			k = v
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Li {
				continue
			}
			if v, err := strconv.Atoi(strings.TrimSpace(epubAttr(c, "value"))); err == nil && v >= 0 && v < 100000 {
				k = v
			}
			label := strconv.Itoa(k) + "．"
			switch {
			case depth > 0 && style != "decimal":
				label = "（" + strconv.Itoa(k) + "）"
			case style == "paren" && k >= 1 && k <= 99:
				label = "（" + Numeral(k) + "）"
			}
			epubPrefix(c, label)
			k++
			for d := c.FirstChild; d != nil; d = d.NextSibling {
				epubNumberLists(d, style, depth+1)
			}
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		epubNumberLists(c, style, depth)
	}
}

// epubPrefix writes label in front of an item's first text: inside its
// first paragraph when it opens with one.
func epubPrefix(li *html.Node, label string) {
	target := li
	for range 8 {
		c := target.FirstChild
		for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
			c = c.NextSibling
		}
		if c == nil || c.Type != html.ElementNode || !blockTags[c.DataAtom] || c.DataAtom == atom.Ol || c.DataAtom == atom.Ul || c.DataAtom == atom.Table {
			break
		}
		target = c
	}
	target.InsertBefore(&html.Node{Type: html.TextNode, Data: label}, target.FirstChild)
}

// epubRefCell is a cell naming measures as articles: "第7、29—31条".
var epubRefCell = regexp.MustCompile(`^第?\s*(\d{1,3}(?:\s*[-－—–~～至]\s*\d{1,3})?(?:\s*[、，,；;/ ]\s*第?\s*\d{1,3}(?:\s*[-－—–~～至]\s*\d{1,3})?\s*条?)*)\s*条?$`)

// epubLabel is a 联系人 cell naming no person: a hotline, a desk, an
// office's mailbox.
var epubLabel = regexp.MustCompile(`热线|电话|值班|邮箱|信箱|科|室|中心|窗口|专线|平台`)

// epubTables cuts a chapter's lines at its first table whose column
// names each row's measures: the lines before it, that table as contacts
// by measure (see odtByMeasure) and the lines after it; or all the lines
// and nil.
func epubTables(lines []string) (before []string, byMeasure [][]string, after []string) {
	for i := 0; i < len(lines); {
		if !strings.Contains(lines[i], "\t") {
			i++
			continue
		}
		j := i
		var rows [][]string
		for j < len(lines) && strings.Contains(lines[j], "\t") {
			rows = append(rows, strings.Split(lines[j], "\t"))
			j++
		}
		if by := odtByMeasure(epubContactRows(rows)); by != nil {
			return lines[:i], by, lines[j:]
		}
		i = j
	}
	return lines, nil, nil
}

// epubContactRows writes a contact table's article references as numbers
// ("第7、29—31条" → "7、29—31") and moves a 联系人 cell naming no person to
// a 科室 column before it.
func epubContactRows(rows [][]string) [][]string {
	if len(rows) < 2 {
		return rows
	}
	refs, person, dept := -1, -1, -1
	for k, h := range rows[0] {
		h = stripSpace(h)
		switch {
		case odtRefsHeader.MatchString(h):
			refs = k
		case colPeople.MatchString(h) && person < 0:
			person = k
		case colDept.MatchString(h):
			dept = k
		}
	}
	if refs < 0 {
		return rows
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		r = slices.Clone(r)
		if i > 0 && refs < len(r) {
			if m := epubRefCell.FindStringSubmatch(strings.TrimSpace(r[refs])); m != nil {
				r[refs] = strings.NewReplacer("第", "", "条", "").Replace(m[1])
			}
		}
		if person >= 0 && dept < 0 {
			label := ""
			if i == 0 {
				label = "联系科室"
			} else if person < len(r) {
				if v := strings.TrimSpace(r[person]); epubLabel.MatchString(v) || utf8.RuneCountInString(v) > 5 {
					label, r[person] = v, ""
				}
			}
			r = append(r[:person:person], append([]string{label}, r[person:]...)...)
		}
		out[i] = r
	}
	return out
}

// epubDutyClauses writes a 责任单位 line as the clause closing the line
// before it (see odtDutyClauses), not after a heading or a table row.
func epubDutyClauses(lines []string) []string {
	var out []string
	for _, l := range lines {
		if n := len(out); n > 0 && odtDuty.MatchString(l) && !strings.Contains(out[n-1], "\t") &&
			!sectionHead.MatchString(stripSpace(out[n-1])) && !subsectionHead.MatchString(stripSpace(out[n-1])) {
			out[n-1] += "（" + strings.TrimSpace(l) + "）"
			continue
		}
		out = append(out, l)
	}
	return out
}

var (
	// epubDocNo is a 文号: 梁政办发〔2022〕18号.
	epubDocNo = regexp.MustCompile(`\p{Han}{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号`)
	// epubISODate is dc:date's date.
	epubISODate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)
)

// epubHead writes the head lines (see above) from the book's metadata and
// the lines read.
func epubHead(meta epubMeta, lines []string) []string {
	title := meta.title
	if title == "" {
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				title = l
				break
			}
		}
	}
	issuer, date := "", ""
	for i, l := range lines {
		t := stripSpace(l)
		if m := docxIssueLine.FindStringSubmatch(t); m != nil && date == "" {
			date = m[2] + "-" + pad2(m[3]) + "-" + pad2(m[4])
			issuer = m[1]
			break
		}
		if m := docxDateLine.FindStringSubmatch(t); m != nil && i > 0 {
			prev := stripSpace(lines[i-1])
			if signatureLine.MatchString(prev) && !docxDateLine.MatchString(prev) {
				issuer, date = prev, m[1]+"-"+pad2(m[2])+"-"+pad2(m[3])
				break
			}
		}
	}
	// The carried document's own signature names its issuer in full; the
	// book's creator may be shortened (区政府办公室), its publisher is
	// who made the book.
	if issuer == "" {
		issuer = meta.creator
	}
	if issuer == "" {
		issuer = meta.publisher
	}
	if m := epubISODate.FindStringSubmatch(meta.date); m != nil && date == "" {
		date = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
	}
	docno := ""
	for _, l := range lines {
		if m := epubDocNo.FindString(l); m != "" {
			if strings.TrimSpace(l) != m {
				docno = m // a line of its own stays where it stands
			}
			break
		}
	}
	return headLines(squeezeSpace(title), date, issuer, docno)
}
