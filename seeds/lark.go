package seeds

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A district may keep its guide as a Feishu/Lark cloud document and hand
// it over as the raw responses of the docx blocks API
// (GET /open-apis/docx/v1/documents/:document_id/blocks), pretty-printed,
// each after a comment line naming its page, in whatever order the clerk
// saved them:
//
//	// page 2
//	{"code": 0, "data": {"has_more": true, "items": [
//	  {"block_id": "…", "block_type": 2, "parent_id": "…", "text": {"elements": [{"text_run": {"content": "…", "text_element_style": {…}}}], "style": {"align": 1}}},
//	  …], "page_token": "…"}, "msg": "success"}
//	// page 1
//	…
//
// larkText turns such a text into the text a reader of the document sees,
// before any layout is chosen, so that the layout readers take it like
// any other guide. It relies on the blocks API's semantics only, never on
// a guide's words:
//   - blocks: every object holding a "block_id" is a block, wherever it
//     stands (a response may cut the tree anywhere, so that a block's
//     children open the next page, and pages come in any order; one
//     dumped with ensure_ascii holds only \uXXXX escapes). Comment lines
//     (// …) are dropped and a line break a corrupted copy put inside a
//     string is taken out; a block that does not decode is read field by
//     field (see larkSalvage) and reported.
//   - reading order is the block tree's: the page block (block_type 1)
//     and its children depth-first, never the file's order. Without a
//     page block the blocks whose parent is unknown are read in page
//     order.
//   - a rich text is its runs' content joined as they stand (the editor
//     cuts runs mid-word); a struck-through run is deleted text, not
//     read; a mention_doc is its title, a mention_user (an @-mention
//     whose name the export does not carry) nothing. A text block holding
//     an @-mention is an editor's comment to a person: not read.
//   - ordered blocks are numbered by their style's sequence: a number
//     written there, else ("auto") the previous ordered block's number
//     under the same parent plus one, the count going on across headings
//     and other blocks. An ordered block's number is written in front of
//     its text; its child text blocks are its own: its further sentences,
//     and 牵头单位 / 配合单位 / 责任单位 lines written as the closing
//     clause the sentence parser reads ("（牵头单位：…；配合单位：…）").
//   - headings are lines of their own, bullets and quotes lines; callouts
//     (a highlighted aside: a tip, a service line for everyone), dividers,
//     images and other embeds are not read.
//   - tables (block_type 31): table.cells lists the cell blocks row-major
//     (column_size a row), each cell's text its child blocks' joined as
//     cellText joins a cell's paragraphs; merge_info's row_span carries a
//     merged cell's value down over the cells it covers, col_span leaves
//     them empty. A table whose column names each row's measures
//     ("1-2", "5、14", "28—29") is a contact table: rewritten as contacts
//     by measure (see odtByMeasure, its own 序号 column dropped), closing
//     the text; the text blocks after it (its note, the document's 版记)
//     are no content.
//   - the head: the page block's title; the issuer and date of the
//     right-aligned signature (a date line and the line before it), else a
//     版记 "…印发" line; the first 文号.
//
// The reader is lenient: a damaged block is salvaged or skipped, a
// truncated file gives the blocks it holds, and a corrupted copy is read
// from the last copy of each piece (see dropEarlierCopies). A text that
// is no such export, or whose blocks read as nothing, comes back
// unchanged.

// Block types of the docx blocks API that the reader tells apart.
const (
	larkPageBlock     = 1
	larkTextBlock     = 2
	larkHeading1Block = 3
	larkHeading9Block = 11
	larkBulletBlock   = 12
	larkOrderedBlock  = 13
	larkCodeBlock     = 14
	larkQuoteBlock    = 15
	larkTodoBlock     = 17
	larkCalloutBlock  = 19
	larkTableBlock    = 31
	larkCellBlock     = 32
)

// larkBlock is a block as the reader keeps it.
type larkBlock struct {
	id, parent string
	kind       int
	children   []string
	elements   []larkElement
	align      int
	sequence   string
	// table
	cells      []string
	columns    int
	rowSpans   []int
	colSpans   []int
	page, seen int // the page it came in, and its order in the file
}

// larkElement is a rich text's element: its text, and whether it is
// struck through or an @-mention of a person.
type larkElement struct {
	text    string
	struck  bool
	mention bool
}

// larkWire is a block as the API writes it.
type larkWire struct {
	BlockID   string         `json:"block_id"`
	BlockType int            `json:"block_type"`
	ParentID  string         `json:"parent_id"`
	Children  []string       `json:"children"`
	Table     *larkWireTable `json:"table"`
}

type larkWireTable struct {
	Cells    []string `json:"cells"`
	Property struct {
		ColumnSize int `json:"column_size"`
		MergeInfo  []struct {
			RowSpan int `json:"row_span"`
			ColSpan int `json:"col_span"`
		} `json:"merge_info"`
	} `json:"property"`
}

type larkWireText struct {
	Elements []struct {
		TextRun *struct {
			Content string `json:"content"`
			Style   struct {
				Strikethrough bool `json:"strikethrough"`
			} `json:"text_element_style"`
		} `json:"text_run"`
		MentionDoc *struct {
			Title string `json:"title"`
		} `json:"mention_doc"`
		MentionUser *struct {
			UserID string `json:"user_id"`
		} `json:"mention_user"`
		Equation *struct {
			Content string `json:"content"`
		} `json:"equation"`
	} `json:"elements"`
	Style struct {
		Align    int             `json:"align"`
		Sequence json.RawMessage `json:"sequence"`
	} `json:"style"`
}

var (
	// larkComment is a comment line an export script writes ("// page 2").
	larkComment = regexp.MustCompile(`(?m)^[ \t]*//[^\n]*$`)
	larkPageNo  = regexp.MustCompile(`^[ \t]*//[ \t]*page[ \t]*(\d+)`)
	// larkDutyLine is a child line naming a measure's units.
	larkDutyLine = regexp.MustCompile(`^(?:牵头|配合|责任|协办|主办)(?:单位|部门)[：:]`)
	// larkTextKeys are the payload keys of the rich-text blocks.
	larkTextKeys = []string{"page", "text", "heading1", "heading2", "heading3", "heading4", "heading5", "heading6", "heading7", "heading8", "heading9", "bullet", "ordered", "code", "quote", "todo"}
)

// isLarkBlocks reports whether text holds blocks of a docx blocks API
// export.
func isLarkBlocks(text string) bool {
	return strings.Contains(text, `"block_id"`) && strings.Contains(text, `"block_type"`)
}

// larkText: see above. It returns the text the document shows, what it
// could not read and the copies a corrupted copy's reading dropped, or
// text unchanged.
func larkText(text string) (string, []Unread, []Duplicate) {
	if !isLarkBlocks(text) {
		return text, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	blocks, unread := larkBlocks(single)
	if len(blocks) == 0 {
		return text, nil, nil
	}
	out, more := larkRender(blocks)
	if strings.TrimSpace(out) == "" {
		return text, nil, nil
	}
	return out, append(unread, more...), copies
}

// larkBlocks reads every block of the text (see above), the last copy of
// a block read twice winning.
func larkBlocks(text string) (map[string]*larkBlock, []Unread) {
	var unread []Unread
	clean, pages := larkClean(text)
	blocks := map[string]*larkBlock{}
	starts := larkStarts(clean)
	for k, at := range starts {
		end := len(clean)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		page := 0
		for _, p := range pages {
			if p[0] <= at {
				page = p[1]
			}
		}
		b, err := larkDecode(clean[at:])
		if err != nil {
			b = larkSalvage(clean[at:end])
			if b == nil {
				unread = append(unread, Unread{Line: Clip(strings.TrimSpace(clean[at:end]), 60), Why: "a damaged block: " + err.Error()})
				continue
			}
			unread = append(unread, Unread{Line: Clip(b.id, 40), Why: "a damaged block, read field by field: " + err.Error()})
		}
		b.page, b.seen = page, k
		blocks[b.id] = b
	}
	return blocks, unread
}

// larkClean drops comment lines (noting where each page opens) and takes
// out the line breaks a corrupted copy put after a 。 inside a string: in
// a pretty-printed export no line ends in 。 (a string's line goes on to
// its closing quote). It keeps no count of quotes, which a piece of the
// text moved elsewhere would throw off for everything after it.
func larkClean(text string) (string, [][2]int) {
	var b strings.Builder
	var pages [][2]int
	for _, line := range strings.SplitAfter(text, "\n") {
		if larkComment.MatchString(strings.TrimRight(line, "\r\n")) {
			if m := larkPageNo.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				pages = append(pages, [2]int{b.Len(), n})
			}
			continue
		}
		if t := strings.TrimRight(line, "\r\n"); strings.HasSuffix(t, "。") {
			line = t
		}
		b.WriteString(strings.ReplaceAll(line, "\t", " "))
	}
	return b.String(), pages
}

// larkBlockKey is a block_id key opening its object, as the API writes
// it (its first key): found without counting quotes, so that a piece a
// corrupted copy moved outside any string is read too.
var larkBlockKey = regexp.MustCompile(`\{\s*"block_id"\s*:`)

// larkStarts are the offsets of the objects holding a "block_id" key:
// those it opens, and those a scan that tracks strings and braces finds
// it in (damage may unbalance them; the innermost open object is taken).
func larkStarts(s string) []int {
	var stack, out []int
	for _, loc := range larkBlockKey.FindAllStringIndex(s, -1) {
		out = append(out, loc[0])
	}
	in, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if in {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				in = false
			}
			continue
		}
		switch c {
		case '"':
			if strings.HasPrefix(s[i:], `"block_id"`) && len(stack) > 0 {
				out = append(out, stack[len(stack)-1])
			}
			in = true
		case '{':
			if len(stack) < 1000 {
				stack = append(stack, i)
			}
		case '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	sort.Ints(out)
	return slices.Compact(out)
}

// larkDecode decodes the block object at the start of s.
func larkDecode(s string) (*larkBlock, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("decode block: %w", err)
	}
	var w larkWire
	for k, dst := range map[string]any{"block_id": &w.BlockID, "block_type": &w.BlockType, "parent_id": &w.ParentID, "children": &w.Children, "table": &w.Table} {
		if v, ok := raw[k]; ok {
			if err := json.Unmarshal(v, dst); err != nil {
				return nil, fmt.Errorf("decode block's %s: %w", k, err)
			}
		}
	}
	if w.BlockID == "" {
		return nil, fmt.Errorf("decode block: no block_id")
	}
	b := &larkBlock{id: w.BlockID, parent: w.ParentID, kind: w.BlockType, children: w.Children}
	for _, k := range larkTextKeys {
		v, ok := raw[k]
		if !ok {
			continue
		}
		var t larkWireText
		if err := json.Unmarshal(v, &t); err != nil {
			return nil, fmt.Errorf("decode block's %s: %w", k, err)
		}
		for _, e := range t.Elements {
			switch {
			case e.TextRun != nil:
				b.elements = append(b.elements, larkElement{text: e.TextRun.Content, struck: e.TextRun.Style.Strikethrough})
			case e.MentionDoc != nil:
				b.elements = append(b.elements, larkElement{text: e.MentionDoc.Title})
			case e.MentionUser != nil:
				b.elements = append(b.elements, larkElement{mention: true})
			case e.Equation != nil:
				b.elements = append(b.elements, larkElement{text: e.Equation.Content})
			}
		}
		b.align = t.Style.Align
		var seq any
		if json.Unmarshal(t.Style.Sequence, &seq) == nil && seq != nil {
			b.sequence = strings.TrimSpace(fmt.Sprint(seq))
		}
		break
	}
	if t := w.Table; t != nil {
		b.cells, b.columns = t.Cells, t.Property.ColumnSize
		for _, m := range t.Property.MergeInfo {
			b.rowSpans = append(b.rowSpans, m.RowSpan)
			b.colSpans = append(b.colSpans, m.ColSpan)
		}
	}
	return b, nil
}

var (
	larkFieldID       = regexp.MustCompile(`"block_id"\s*:\s*"([^"\\]+)"`)
	larkFieldType     = regexp.MustCompile(`"block_type"\s*:\s*(\d+)`)
	larkFieldParent   = regexp.MustCompile(`"parent_id"\s*:\s*"([^"\\]*)"`)
	larkFieldChildren = regexp.MustCompile(`"children"\s*:\s*\[([^\]]*)\]`)
	larkFieldSequence = regexp.MustCompile(`"sequence"\s*:\s*"([^"\\]*)"`)
	larkFieldAlign    = regexp.MustCompile(`"align"\s*:\s*(\d+)`)
	larkFieldString   = regexp.MustCompile(`"([^"\\]*)"`)
	// larkFieldRun is a text run's content and what follows it up to the
	// next element (its style).
	larkFieldRun = regexp.MustCompile(`"(content|title)"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	larkStruck   = regexp.MustCompile(`"strikethrough"\s*:\s*true`)
)

// larkSalvage reads a damaged block field by field: its id, type, parent,
// children, sequence and the text of its runs (a run struck through left
// out); nil without an id and a type. A table is not salvaged.
func larkSalvage(s string) *larkBlock {
	id, kind := larkFieldID.FindStringSubmatch(s), larkFieldType.FindStringSubmatch(s)
	if id == nil || kind == nil {
		return nil
	}
	b := &larkBlock{id: id[1]}
	b.kind, _ = strconv.Atoi(kind[1])
	if b.kind == larkTableBlock {
		return nil
	}
	if m := larkFieldParent.FindStringSubmatch(s); m != nil {
		b.parent = m[1]
	}
	if m := larkFieldChildren.FindStringSubmatch(s); m != nil {
		for _, c := range larkFieldString.FindAllStringSubmatch(m[1], -1) {
			b.children = append(b.children, c[1])
		}
	}
	if m := larkFieldSequence.FindStringSubmatch(s); m != nil {
		b.sequence = m[1]
	}
	if m := larkFieldAlign.FindStringSubmatch(s); m != nil {
		b.align, _ = strconv.Atoi(m[1])
	}
	runs := larkFieldRun.FindAllStringSubmatchIndex(s, -1)
	for k, loc := range runs {
		end := len(s)
		if k+1 < len(runs) {
			end = runs[k+1][0]
		}
		var t string
		if json.Unmarshal([]byte(`"`+s[loc[4]:loc[5]]+`"`), &t) != nil {
			t = s[loc[4]:loc[5]]
		}
		b.elements = append(b.elements, larkElement{text: t, struck: larkStruck.MatchString(s[loc[1]:end])})
	}
	if strings.Contains(s, `"mention_user"`) {
		b.elements = append(b.elements, larkElement{mention: true})
	}
	return b
}

// larkRuns is a rich text's text (see above).
func larkRuns(b *larkBlock) string {
	var s strings.Builder
	for _, e := range b.elements {
		if !e.struck && !e.mention {
			s.WriteString(e.text)
		}
	}
	return strings.ReplaceAll(strings.ReplaceAll(s.String(), "\r", ""), "\n", " ")
}

// larkMentions reports whether a block's text holds an @-mention.
func larkMentions(b *larkBlock) bool {
	for _, e := range b.elements {
		if e.mention {
			return true
		}
	}
	return false
}

// larkOrder is the blocks under the page in reading order: the page
// block's children, depth-first through the blocks read here, or without
// a page block the blocks whose parent is unknown in page and file order.
func larkOrder(blocks map[string]*larkBlock) (*larkBlock, []*larkBlock) {
	var page *larkBlock
	for _, b := range blocks {
		if b.kind == larkPageBlock && (page == nil || b.seen < page.seen) {
			page = b
		}
	}
	if page != nil {
		var top []*larkBlock
		for _, c := range page.children {
			if b := blocks[c]; b != nil && b != page {
				top = append(top, b)
			}
		}
		return page, top
	}
	var top []*larkBlock
	for _, b := range blocks {
		if blocks[b.parent] == nil {
			top = append(top, b)
		}
	}
	sort.Slice(top, func(i, j int) bool {
		if top[i].page != top[j].page {
			return top[i].page < top[j].page
		}
		return top[i].seen < top[j].seen
	})
	return nil, top
}

// larkRender writes the document's text under its head (see above).
func larkRender(blocks map[string]*larkBlock) (string, []Unread) {
	page, top := larkOrder(blocks)
	var lines, heads []string
	var tables [][][]string
	var unread []Unread
	counts := map[string]int{} // the last ordered number under each parent
	afterTable := false
	issuer, date, docno := "", "", ""
	prevRight := ""
	for _, b := range top {
		t := strings.TrimSpace(larkRuns(b))
		if b.kind == larkTextBlock && !larkMentions(b) {
			// The head: a right-aligned date line and the line
			// before it, a 版记 "…印发" line, the first 文号.
			heads = append(heads, t)
			if docno == "" {
				docno = epubDocNo.FindString(t)
			}
			st := stripSpace(t)
			if m := docxDateLine.FindStringSubmatch(st); m != nil && b.align == 3 && date == "" {
				date = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
				issuer = prevRight
			}
			if m := docxIssueLine.FindStringSubmatch(st); m != nil && date == "" {
				issuer, date = m[1], m[2]+"-"+pad2(m[3])+"-"+pad2(m[4])
			}
			prevRight = ""
			if b.align == 3 && !strings.ContainsAny(st, "《》〔〕：:。") {
				prevRight = st
			}
		}
		switch {
		case b.kind == larkTextBlock:
			if afterTable || t == "" || larkMentions(b) {
				continue
			}
			lines = append(lines, t)
		case b.kind >= larkHeading1Block && b.kind <= larkHeading9Block, b.kind == larkBulletBlock, b.kind == larkCodeBlock, b.kind == larkQuoteBlock, b.kind == larkTodoBlock:
			if t != "" {
				lines = append(lines, t)
			}
			lines = append(lines, larkKids(b, blocks, counts, 0)...)
		case b.kind == larkOrderedBlock:
			lines = append(lines, larkMeasure(b, blocks, counts, 0)...)
		case b.kind == larkTableBlock:
			rows := larkTableRows(b, blocks)
			if len(rows) == 0 {
				unread = append(unread, Unread{Line: Clip(b.id, 40), Why: "a table whose cells were not read"})
				continue
			}
			if col := pptxRefColumn(larkDropSerial(rows)); col >= 0 {
				tables = append(tables, pptxContactRows(larkDropSerial(rows), col))
				afterTable = true
				continue
			}
			for _, r := range rows {
				lines = append(lines, strings.Join(r, "\t"))
			}
		}
	}
	byMeasure := byMeasureLines(tables)
	if strings.TrimSpace(strings.Join(lines, "")+strings.Join(byMeasure, "")) == "" {
		return "", unread
	}
	title := ""
	if page != nil {
		title = squeezeSpace(strings.TrimSpace(larkRuns(page)))
	}
	head := headLines(title, date, issuer, docno)
	return strings.Join(append(append(head, lines...), byMeasure...), "\n") + "\n", unread
}

// larkMeasure writes an ordered block: its number and text, its child
// sentences and its units' clause (see above); nested lists follow as
// lines of their own.
func larkMeasure(b *larkBlock, blocks map[string]*larkBlock, counts map[string]int, depth int) []string {
	n := counts[b.parent] + 1
	if v, err := strconv.Atoi(b.sequence); err == nil && v > 0 && v < 10000 {
		n = v
	}
	counts[b.parent] = n
	text := strings.TrimSpace(larkRuns(b))
	var duty []string
	var after []string
	if depth < 16 {
		for _, c := range b.children {
			k := blocks[c]
			if k == nil || k == b {
				continue
			}
			t := strings.TrimSpace(larkRuns(k))
			switch {
			case k.kind == larkTextBlock && (t == "" || larkMentions(k)):
			case k.kind == larkTextBlock && larkDutyLine.MatchString(t):
				duty = append(duty, strings.TrimRight(t, "。；;，, "))
			case k.kind == larkTextBlock:
				text += t
			case k.kind == larkOrderedBlock:
				after = append(after, larkMeasure(k, blocks, counts, depth+1)...)
			case k.kind == larkCalloutBlock || k.kind == larkTableBlock:
			default:
				if t != "" {
					after = append(after, t)
				}
			}
		}
	}
	if len(duty) > 0 {
		if !strings.HasSuffix(text, "。") && text != "" {
			text += "。"
		}
		text += "（" + strings.Join(duty, "；") + "）"
	}
	return append([]string{strconv.Itoa(n) + ". " + text}, after...)
}

// larkKids are the lines of a heading's or a list item's child blocks.
func larkKids(b *larkBlock, blocks map[string]*larkBlock, counts map[string]int, depth int) []string {
	if depth >= 16 {
		return nil
	}
	var out []string
	for _, c := range b.children {
		k := blocks[c]
		if k == nil || k == b || k.kind == larkCalloutBlock || k.kind == larkTableBlock || larkMentions(k) {
			continue
		}
		if k.kind == larkOrderedBlock {
			out = append(out, larkMeasure(k, blocks, counts, depth+1)...)
			continue
		}
		if t := strings.TrimSpace(larkRuns(k)); t != "" {
			out = append(out, t)
		}
		out = append(out, larkKids(k, blocks, counts, depth+1)...)
	}
	return out
}

// larkTableRows reads a table's rows (see above); empty rows are dropped.
func larkTableRows(t *larkBlock, blocks map[string]*larkBlock) [][]string {
	cols := t.columns
	if cols <= 0 || cols > 64 || len(t.cells) == 0 {
		return nil
	}
	nrows := (len(t.cells) + cols - 1) / cols
	if nrows > 5000 {
		return nil
	}
	grid := make([][]string, nrows)
	set := make([][]bool, nrows) // covered by a merge
	for r := range grid {
		grid[r] = make([]string, cols)
		set[r] = make([]bool, cols)
	}
	for i, id := range t.cells {
		r, c := i/cols, i%cols
		if set[r][c] {
			continue
		}
		var paras []docxPara
		if cell := blocks[id]; cell != nil {
			for _, k := range cell.children {
				if kb := blocks[k]; kb != nil {
					paras = append(paras, docxPara{text: larkRuns(kb)})
				}
			}
		}
		v := strings.TrimSpace(cellText(paras))
		grid[r][c] = v
		rs, cs := 1, 1
		if i < len(t.rowSpans) {
			rs = min(max(t.rowSpans[i], 1), nrows-r)
		}
		if i < len(t.colSpans) {
			cs = min(max(t.colSpans[i], 1), cols-c)
		}
		for dr := range rs {
			for dc := range cs {
				if dr == 0 && dc == 0 {
					continue
				}
				set[r+dr][c+dc] = true
				if dc == 0 {
					grid[r+dr][c] = v
				}
			}
		}
	}
	var rows [][]string
	for _, r := range grid {
		if strings.TrimSpace(strings.Join(r, "")) != "" {
			rows = append(rows, r)
		}
	}
	return rows
}

// larkDropSerial drops a table's own 序号 column, its cells the rows'
// numbers 1, 2, 3…: such a column reads as measure references (and
// odtByMeasure's rows would carry it as a second 序号 beside the measure
// numbers).
func larkDropSerial(rows [][]string) [][]string {
	if len(rows) < 2 {
		return rows
	}
	serial := -1
	for k, h := range rows[0] {
		if h = stripSpace(h); h != "序号" && h != "编号" {
			continue
		}
		serial = k
		for i, r := range rows[1:] {
			if k >= len(r) || strings.TrimSpace(r[k]) != strconv.Itoa(i+1) {
				serial = -1
				break
			}
		}
		if serial >= 0 {
			break
		}
	}
	if serial < 0 {
		return rows
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		if serial < len(r) {
			r = append(append([]string(nil), r[:serial]...), r[serial+1:]...)
		}
		out[i] = r
	}
	return out
}
