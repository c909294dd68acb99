package seeds

import (
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A district may keep its guide as a spreadsheet and export it from Excel
// or WPS as "XML 电子表格 2003" (SpreadsheetML): one XML file.
//
//	<?xml version="1.0"?>
//	<?mso-application progid="Excel.Sheet"?>
//	<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="…same…" xmlns:html="http://www.w3.org/TR/REC-html40" …>
//	 <DocumentProperties …>…</DocumentProperties> <Styles>…</Styles>
//	 <Worksheet ss:Name="政策措施">
//	  <Table ss:ExpandedColumnCount="9" …><Column ss:Width="36"/>…
//	   <Row ss:Hidden="1"><Cell><Data ss:Type="Number">17</Data><NamedCell ss:Name="_FilterDatabase"/></Cell>…</Row>
//	   <Row><Cell ss:MergeDown="2"><Data ss:Type="String">房租减免</Data></Cell><Cell ss:Index="4">…&#10;…</Cell>…</Row>
//	  </Table>
//	  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">…</WorksheetOptions>
//	 </Worksheet>
//	</Workbook>
//
// spreadsheetText reads every Worksheet into a grid of cells, as Excel
// shows it: a cell without ss:Index stands after the previous one (after
// the last column of its merge), one with ss:Index="n" in column n; a
// cell's ss:MergeAcross="n" spans n+1 columns (the value in the first),
// its ss:MergeDown="n" covers the n rows below, which write no cell there
// (the value is carried down into them); a Row's ss:Index skips rows and
// its ss:Hidden="1" hides it (a hidden row is no part of the guide: a
// withdrawn draft). A cell's value is its Data's text, every descendant's
// (rich text holds html:Font and B runs), &#10; a line break inside it; a
// cell's Comment and NamedCell are no value, nor are the Styles,
// properties and WorksheetOptions. A Data of ss:Type Number keeps its
// digits as written (1.3912345678E10 written out); DateTime is read as a
// date.
//
// The guide is then found among the sheets by what they hold, not by their
// names:
//   - measures: a sheet with a header row naming a title or content column
//     and a unit column (the names normalizeCSV knows: 措施名称, 政策内容,
//     牵头单位, 联系人, 联系电话, 类别, …, and 序号, 配合单位, 截止时间, 办理时限), with
//     the most rows whose content is a long Chinese text. Its rows may be
//     ordered by category, not by number: each measure's number is its
//     序号 cell, else its place among the rows. A hidden row is dropped; a
//     number two visible rows carry is read from the first (the second is
//     reported); a number only hidden rows carry, below the highest, is
//     written withdrawn (see xmlText). A category repeated later (a measure
//     the compiler filed under an earlier category) opens no new section.
//   - contacts: a sheet whose header names a unit (单位, 部门, …), a person
//     (联系人, 姓名) and one or more phone columns (电话, 手机), its rows
//     unit → department (科室) → person → phones, a remark naming hours
//     (24小时) read as the hours. Its 序号 is a row counter.
//   - the document: a sheet of label/value rows (文件名称, 文号, 发文机关,
//     印发日期, …): the title, 文号, issuer and date. Failing one, the title
//     row above the measures' header names the title and a 〔年〕号 there
//     the 文号.
//
// Any other sheet (a revision log of old values, a chart's data) is not
// read. A measure's contacts are its row's: line i of the 联系人 cell with
// line i of the 联系电话 cell (two phones on a line parted by 、 or /;
// phone lines past the last person are that person's), a person's unit
// and department from the contacts sheet (a parenthesised unit after the
// name otherwise, else the lead unit), a line that names no person (a
// hotline, a mailbox) a contact without one; a cell merged across both
// columns ("纳税缴费服务热线：12366") is read as one line; a line naming a
// department (外经贸科) where the person would be is that department's. A
// measure over several rows — its 序号 cell (without a 序号 column, its
// content cell) merged down over them — has on each row a unit and that
// unit's contacts: the rows' units are its lead units, each row's contacts
// read with its own unit. A measure whose rows name no contact takes the
// contacts sheet's rows of its lead units.
// A phone stored as a Number lost its leading 0 and its dash: it is the
// phone written elsewhere in the workbook whose digits are its digits
// after a 0, else its digits after a 0 with the workbook's area code
// parted off.
//
// The reading is written as the policy list normalizeFields reads, the
// shape sqlText writes (see sqlGuide.render): the title, 发布日期, 来源 and
// 文号 lines, then the measures in the order of their numbers, each
// section's heading where a category first appears, "N. 标题", 政策内容,
// 执行期限, 办理时限, the units and the contacts. An .xlsx workbook's
// unzipped parts are read into the same grid (see xlsxText). Any text that is no SpreadsheetML
// workbook, or one without a measures sheet, comes back unchanged.

// ssNamespace is SpreadsheetML's namespace.
const ssNamespace = "urn:schemas-microsoft-com:office:spreadsheet"

// ssProgID is the processing instruction Excel opens such a file by.
var ssProgID = regexp.MustCompile(`<\?mso-application\s+progid\s*=\s*["']Excel\.Sheet["']\s*\?>`)

// isSpreadsheetML reports whether text is a SpreadsheetML workbook: Excel's
// processing instruction, or a Workbook element in its namespace.
func isSpreadsheetML(text string) bool {
	head := text[:min(len(text), 4000)]
	if ssProgID.MatchString(head) {
		return true
	}
	return strings.Contains(head, ssNamespace) && (strings.Contains(head, "<Workbook") || strings.Contains(head, ":Workbook"))
}

// ssCell is one cell of a sheet's grid.
type ssCell struct {
	text string
	typ  string // the Data's ss:Type: String, Number, DateTime, Boolean
	// num is a Number's value as stored where its text is the value
	// through a number format (an .xlsx cell's, see xlsxText): "431…"
	// shown "0431-…", "10" shown "10个工作日".
	num string
	// covered marks a cell a merge spans: across from the left (its value
	// is the merge's first cell's), or down from above (carried down).
	covered bool
	across  bool // covered by a MergeAcross from the left
}

// ssRow is one row: its cells by 1-based column.
type ssRow struct {
	n      int // 1-based row number
	hidden bool
	cells  map[int]ssCell
}

// ssSheet is one worksheet.
type ssSheet struct {
	name string
	rows []*ssRow
}

// cell is row r's cell in column c (1-based), or an empty one.
func (r *ssRow) cell(c int) ssCell {
	if r == nil || c <= 0 {
		return ssCell{}
	}
	return r.cells[c]
}

// text is row r's text in column c, trimmed; "" for a column < 1.
func (r *ssRow) text(c int) string {
	return strings.TrimSpace(strings.ReplaceAll(r.cell(c).text, "\r", ""))
}

// width is the row's last column with a cell.
func (r *ssRow) width() int {
	w := 0
	for c := range r.cells {
		w = max(w, c)
	}
	return w
}

// errSSDamaged is a workbook whose XML is damaged.
var errSSDamaged = errors.New("the workbook's XML is damaged")

// ssStrayEnd is the decoder's error for an end tag without its start.
// (or for one closing an element of another namespace: the element's).
var ssStrayEnd = regexp.MustCompile(`(?:unexpected end element </|element <)(?:[^>:]*:)?([^>]+)>`)

// attr is the value of the attribute named local in any namespace.
func ssAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// ssInt is an attribute's number, 0 where there is none.
func ssInt(e xml.StartElement, local string) int {
	n, err := strconv.Atoi(strings.TrimSpace(ssAttr(e, local)))
	if err != nil || n < 0 || n > 1<<14 {
		return 0
	}
	return n
}

// readSpreadsheet reads the workbook's sheets (see above). Where the XML
// is damaged (a tag cut off, an end tag without its start) the reading
// steps over the damage and goes on; the error says where the first
// damage was and how many there were.
func readSpreadsheet(text string) ([]*ssSheet, error) {
	var sheets []*ssSheet
	var sheet *ssSheet
	var row *ssRow
	var cell *ssCell
	var data strings.Builder
	col, rowN := 0, 0
	across, down := 0, 0
	// inData and inComment count the open Data and Comment elements (a
	// Comment holds its own Data, which is no value of the cell).
	inData, inComment := 0, 0
	// carry are the values merged down from rows above: by column, the
	// value and the last row it covers.
	type carried struct {
		c    ssCell
		last int
	}
	carry := map[int]carried{}
	endCell := func() {
		if cell == nil || row == nil {
			return
		}
		cell.text = data.String()
		row.cells[col] = *cell
		for k := 1; k <= across; k++ {
			row.cells[col+k] = ssCell{covered: true, across: true}
		}
		for k := 0; k <= across; k++ {
			if down > 0 {
				c := *cell
				if k > 0 {
					c = ssCell{}
				}
				c.covered = true
				carry[col+k] = carried{c, row.n + down}
			}
		}
		col += across
		cell = nil
	}
	endRow := func() {
		endCell()
		if row == nil || sheet == nil {
			return
		}
		for c, v := range carry {
			if v.last < row.n {
				delete(carry, c)
				continue
			}
			if v.last >= row.n && row.cells[c].text == "" && !row.cells[c].covered {
				if _, ok := row.cells[c]; !ok || row.cells[c].typ == "" {
					row.cells[c] = v.c
				}
			}
		}
		sheet.rows = append(sheet.rows, row)
		row = nil
	}
	endSheet := func() {
		endRow()
		sheet = nil
	}
	damage := xlsxWalk(text, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			if n := t.Name.Local; n == "Cell" || n == "Row" || n == "Worksheet" {
				// A Data or Comment whose end was lost ends here.
				inData, inComment = 0, 0
			}
			switch {
			case inComment > 0:
				inComment++
			case inData > 0:
				inData++
				if t.Name.Local == "br" || t.Name.Local == "BR" {
					data.WriteByte('\n')
				}
			case t.Name.Local == "Worksheet":
				endSheet()
				sheet = &ssSheet{name: ssAttr(t, "Name")}
				sheets = append(sheets, sheet)
				rowN = 0
				carry = map[int]carried{}
			case t.Name.Local == "Row" && len(sheets) > 0:
				// A row after its sheet's end (a damaged copy moved
				// the end) is still the last sheet's.
				endRow()
				sheet = sheets[len(sheets)-1]
				if n := ssInt(t, "Index"); n > rowN {
					rowN = n
				} else {
					rowN++
				}
				row = &ssRow{n: rowN, hidden: ssAttr(t, "Hidden") == "1" || strings.EqualFold(ssAttr(t, "Hidden"), "true"), cells: map[int]ssCell{}}
				col = 0
			case t.Name.Local == "Cell" && row != nil:
				endCell()
				if n := ssInt(t, "Index"); n > 0 {
					col = n
				} else {
					col++
				}
				across, down = ssInt(t, "MergeAcross"), ssInt(t, "MergeDown")
				cell = &ssCell{}
				data.Reset()
			case t.Name.Local == "Data" && cell != nil:
				inData = 1
				cell.typ = ssAttr(t, "Type")
			case t.Name.Local == "Comment" && cell != nil:
				inComment = 1
			}
		case xml.EndElement:
			switch {
			case inComment > 0:
				inComment--
			case inData > 0:
				inData--
			case t.Name.Local == "Cell":
				endCell()
			case t.Name.Local == "Row":
				endRow()
			case t.Name.Local == "Worksheet":
				endSheet()
			}
		case xml.CharData:
			if inData > 0 && inComment == 0 {
				data.Write(t)
			}
		}
	})
	endSheet()
	return sheets, damage
}

// ssDate reads a DateTime value (2022-06-24T00:00:00.000) or a written
// date (2022年6月24日) as YYYY-MM-DD, or "".
func ssDate(s string) string {
	m := sqlISODate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
}

// ssValue is a cell's value as the guide writes it: a DateTime as a date
// "2022年12月31日", a Number in scientific form written out.
func ssValue(c ssCell) string {
	s := strings.TrimSpace(strings.ReplaceAll(c.text, "\r", ""))
	switch c.typ {
	case "DateTime":
		if d := ssDate(s); d != "" {
			y, m, day := d[:4], strings.TrimPrefix(d[5:7], "0"), strings.TrimPrefix(d[8:], "0")
			return y + "年" + m + "月" + day + "日"
		}
	case "Number":
		if strings.ContainsAny(s, "eE") {
			if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1e15 {
				return strconv.FormatFloat(f, 'f', -1, 64)
			}
		}
	}
	return s
}

// ssHeaderName is a header cell's name, spaces gone.
func ssHeaderName(s string) string { return strings.Join(strings.Fields(s), "") }

// ssClaim gives the roles the CSV lists' columns do not know.
func ssClaim(c string) string {
	switch c {
	case "序号", "编号", "措施序号", "条目", "条款序号":
		return "number"
	case "配合单位", "协办单位", "配合部门", "协同单位":
		return "support"
	case "截止时间", "截止日期", "有效期至", "执行期限", "有效期", "期限":
		return "执行期限"
	case "办理时限", "承诺时限", "办结时限":
		return "办理时限"
	}
	return ""
}

// ssMeasures is the measures sheet found: its header row and columns.
type ssMeasures struct {
	sheet  *ssSheet
	header int            // index into sheet.rows
	cols   map[string]int // role → column
}

// findMeasures finds the measures sheet (see spreadsheetText), or nil.
func findMeasures(sheets []*ssSheet) *ssMeasures {
	var best *ssMeasures
	bestLong := 0
	for _, s := range sheets {
		for i, r := range s.rows {
			if r.hidden {
				continue
			}
			w := r.width()
			if w < 3 || w > 60 {
				continue
			}
			names := make([]string, w)
			for c := 1; c <= w; c++ {
				names[c-1] = r.text(c)
			}
			roles := columnRoles(names, ssHeaderName, ssClaim)
			if roles == nil {
				continue
			}
			cols := map[string]int{}
			for c, role := range roles {
				if _, ok := cols[role]; role != "" && !ok {
					cols[role] = c + 1
				}
			}
			content := cols["政策内容"]
			if content == 0 {
				content = cols["title"]
			}
			long := 0
			for _, r2 := range s.rows[i+1:] {
				if !r2.hidden && hanCount(r2.text(content)) >= 15 {
					long++
				}
			}
			if long >= 2 && long > bestLong {
				best, bestLong = &ssMeasures{sheet: s, header: i, cols: cols}, long
			}
			break
		}
	}
	return best
}

// ssContact is one row of the contacts sheet.
type ssContact struct {
	unit, dept, name, hours string
	phones                  []string
}

// ssContactCols finds the contacts sheet's header in s: its unit, person,
// department, remark and phone columns; ok is false for a sheet that is
// no contacts sheet.
func ssContactCols(s *ssSheet) (header, unit, person, dept, note int, phones []int, ok bool) {
	for i, r := range s.rows {
		unit, person, dept, note, phones = 0, 0, 0, 0, nil
		for c := 1; c <= r.width(); c++ {
			switch n := ssHeaderName(r.text(c)); {
			case unit == 0 && (n == "单位" || n == "单位名称" || n == "部门" || n == "责任单位" || n == "牵头单位" || n == "所属单位"):
				unit = c
			case dept == 0 && (n == "科室" || n == "处室" || n == "股室" || n == "科（室）" || n == "内设机构"):
				dept = c
			case person == 0 && (n == "联系人" || n == "姓名" || n == "经办人"):
				person = c
			case note == 0 && (n == "备注" || n == "说明"):
				note = c
			case strings.Contains(n, "电话") || strings.Contains(n, "手机") || n == "联系方式":
				phones = append(phones, c)
			}
		}
		if unit > 0 && person > 0 && len(phones) > 0 {
			return i, unit, person, dept, note, phones, true
		}
		if i > 10 {
			break
		}
	}
	return 0, 0, 0, 0, 0, nil, false
}

// ssLabels name the document sheet's rows.
var ssLabels = []struct {
	role  string
	names []string
}{
	{"title", []string{"文件名称", "文件标题", "文件名", "标题", "政策名称", "文件"}},
	{"docno", []string{"文号", "发文字号", "发文文号"}},
	{"issuer", []string{"发文机关", "发文单位", "印发机关", "印发单位", "制发机关", "发布机关", "发布单位"}},
	{"date", []string{"印发日期", "发文日期", "发布日期", "成文日期", "印发时间", "发布时间"}},
}

// ssDocMeta reads a document sheet of label/value rows, or the measures
// sheet's own title rows.
func ssDocMeta(sheets []*ssSheet, m *ssMeasures, contacts *ssSheet) xmlDocMeta {
	var meta xmlDocMeta
	for _, s := range sheets {
		if s == m.sheet || s == contacts {
			continue
		}
		found := map[string]string{}
		for _, r := range s.rows {
			if r.hidden {
				continue
			}
			// The label, then the first value after it.
			label, value := "", ""
			for c := 1; c <= r.width(); c++ {
				t := r.text(c)
				if t == "" || r.cell(c).covered {
					continue
				}
				if label == "" {
					label = strings.TrimRight(ssHeaderName(t), "：:")
					continue
				}
				value = t
				if r.cell(c).typ == "DateTime" {
					value = ssDate(t)
				}
				break
			}
			for _, l := range ssLabels {
				if _, ok := found[l.role]; !ok && value != "" {
					for _, n := range l.names {
						if label == n {
							found[l.role] = value
						}
					}
				}
			}
		}
		if len(found) < 2 {
			continue
		}
		meta.title, meta.docno, meta.issuer = found["title"], found["docno"], found["issuer"]
		meta.date = ssDate(found["date"])
		break
	}
	// A title 《…》（文号）: the title within the marks, the 文号 after.
	if t := strings.TrimSpace(meta.title); strings.HasPrefix(t, "《") {
		if end := strings.Index(t, "》"); end > 0 {
			rest := strings.TrimSpace(t[end+len("》"):])
			meta.title = t[len("《"):end]
			if meta.docno == "" {
				meta.docno = sqlDocNoFull.FindString(rest)
			}
		}
	}
	if meta.title == "" {
		// The measures sheet's first row above its header.
		for _, r := range m.sheet.rows[:m.header] {
			if t := ssValue(r.cell(firstCol(r))); !r.hidden && hanCount(t) >= 6 {
				if d := sqlDocNoFull.FindString(t); d != "" && meta.docno == "" {
					meta.docno = d
					t = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, "）"), d), "（")
				}
				meta.title = strings.TrimSpace(ssTitleTail.ReplaceAllString(t, ""))
				break
			}
		}
	}
	if meta.docno == "" {
		for _, r := range m.sheet.rows[:m.header] {
			if d := sqlDocNoFull.FindString(r.text(firstCol(r))); d != "" {
				meta.docno = d
				break
			}
		}
	}
	return meta
}

var (
	// sqlDocNoFull is a 文号 with its issuer's prefix: 赛政办发〔2022〕21号.
	sqlDocNoFull = regexp.MustCompile(`\p{Han}{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号`)
	// ssTitleTail is a sheet title's "（汇总表）" after the document's name.
	ssTitleTail = regexp.MustCompile(`[（(](?:汇总表|一览表|明细表|清单)[）)]$`)
	// ssEmail is an e-mail address in a cell.
	ssEmail = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// ssNotPerson are words of a line that names a service, not a person.
	ssNotPerson = regexp.MustCompile(`热线|邮箱|电话|专线|窗口|客服|服务|咨询|办公室|信箱|平台|报修`)
	// ssNamed is "name（tag）".
	ssNamed = regexp.MustCompile(`^(.+?)\s*[（(]([^（）()]+)[）)]$`)
	// ssAreaCode is a written phone's area code.
	ssAreaCode = regexp.MustCompile(`(?:^|[^\d])[（(]?(0\d{2,3})[）)]?[-－ ]?\d{7,8}(?:$|[^\d])`)
)

// firstCol is a row's first column with a cell.
func firstCol(r *ssRow) int {
	first := 0
	for c := range r.cells {
		if first == 0 || c < first {
			first = c
		}
	}
	return first
}

// ssBook holds what the phones of a workbook are mended with: every
// written phone by its digits, and the area codes written.
type ssBook struct {
	written map[string]string // digits → the phone as written
	codes   map[string]int    // area code → phones written with it
}

// noteWritten adds the phones written in s.
func (b *ssBook) noteWritten(s string) {
	for _, p := range icsPhones(strings.ReplaceAll(s, "－", "-")) {
		d := digitsOf(p)
		if _, ok := b.written[d]; !ok {
			b.written[d] = p
		}
	}
	for _, m := range ssAreaCode.FindAllStringSubmatch(s, -1) {
		b.codes[m[1]]++
	}
}

// digitsOf is s's ASCII digits.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// numberPhone mends a phone stored as a Number (see spreadsheetText): a
// mobile, a local number or a hotline stays; a longer number lost its
// leading 0 and its dash.
func (b *ssBook) numberPhone(s string) string {
	d := digitsOf(s)
	if d != s || len(d) <= 8 || len(d) == 11 && d[0] == '1' || len(d) > 12 {
		return s
	}
	if w, ok := b.written["0"+d]; ok {
		return w
	}
	best, n := "", 0
	for code, k := range b.codes {
		rest := len(d) + 1 - len(code)
		if strings.HasPrefix("0"+d, code) && rest >= 7 && rest <= 8 && (k > n || k == n && code < best) {
			best, n = code, k
		}
	}
	if best != "" {
		return best + "-" + ("0" + d)[len(best):]
	}
	return "0" + d
}

// area is the area code every written phone of the workbook carries, or
// "" where they name none or several.
func (b *ssBook) area() string {
	if len(b.codes) != 1 {
		return ""
	}
	for c := range b.codes {
		return c
	}
	return ""
}

// dial gives a 7-digit local number the workbook's area code (see icsArea):
// the parser reads such a number with none.
func (b *ssBook) dial(ps []string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if a := b.area(); a != "" && icsLocal7.MatchString(p) {
			p = a + "-" + p
		}
		out = AppendNew(out, p)
	}
	return out
}

// cellPhones reads a phone cell's line: its e-mails and its phones (a
// Number cell's mended).
func (b *ssBook) cellPhones(line string, number bool) (phones, emails []string) {
	emails = ssEmail.FindAllString(line, -1)
	rest := ssEmail.ReplaceAllString(line, " ")
	if number {
		return b.dial([]string{b.numberPhone(strings.TrimSpace(rest))}), emails
	}
	return b.dial(icsPhones(strings.ReplaceAll(rest, "－", "-"))), emails
}

// cellLines are a cell's non-empty lines.
func cellLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splitUnits splits a unit cell into its units.
func splitUnits(s string) []string {
	var out []string
	for _, u := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;\n/／", r) }) {
		if u = strings.TrimSpace(u); u != "" && u != "无" && u != "—" && u != "-" {
			out = append(out, u)
		}
	}
	return out
}

// spreadsheetText: see above. It returns the policy list, what it could not
// read, the numbers written withdrawn (see xmlText) and the copies a
// corrupted copy's reading dropped, or text unchanged.
func spreadsheetText(text string) (string, []Unread, []int, []Duplicate) {
	if !isSpreadsheetML(text) {
		return text, nil, nil, nil
	}
	// A corrupted copy's earlier copies would open a row twice.
	single, copies := dropEarlierCopies(text)
	sheets, err := readSpreadsheet(strings.TrimPrefix(single, "\uFEFF"))
	var unread []Unread
	if err != nil {
		unread = append(unread, Unread{Line: Clip(err.Error(), 80), Why: "the workbook's XML is damaged: what stands around the damage is read"})
	}
	m := findMeasures(sheets)
	if m == nil {
		return text, nil, nil, nil
	}
	out, more, withdrawn := renderSpreadsheet(sheets, m)
	if out == "" {
		return text, nil, nil, nil
	}
	return out, append(unread, more...), withdrawn, copies
}

// renderSpreadsheet writes the guide the sheets hold (see spreadsheetText).
func renderSpreadsheet(sheets []*ssSheet, m *ssMeasures) (string, []Unread, []int) {
	var unread []Unread
	book := &ssBook{written: map[string]string{}, codes: map[string]int{}}
	for _, s := range sheets {
		for _, r := range s.rows {
			for _, c := range r.cells {
				if c.typ != "Number" && !c.covered {
					book.noteWritten(c.text)
				}
			}
		}
	}
	// The contacts sheet.
	var contactSheet *ssSheet
	var contacts []ssContact
	for _, s := range sheets {
		if s == m.sheet {
			continue
		}
		header, unit, person, dept, note, phoneCols, ok := ssContactCols(s)
		if !ok {
			continue
		}
		contactSheet = s
		for _, r := range s.rows[header+1:] {
			if r.hidden {
				continue
			}
			c := ssContact{unit: r.text(unit), dept: r.text(dept)}
			if p := r.text(person); !ssNotPerson.MatchString(p) {
				c.name = p
			}
			for _, col := range phoneCols {
				for _, l := range cellLines(ssValue(r.cell(col))) {
					ps, _ := book.cellPhones(l, r.cell(col).typ == "Number")
					c.phones = AppendNew(c.phones, ps...)
				}
			}
			if n := r.text(note); sqlHours.MatchString(n) {
				c.hours = sqlHours.FindString(n)
			}
			if c.unit == "" || len(c.phones) == 0 || !unitLike(c.unit) && !sqlUnitName.MatchString(c.unit) {
				continue
			}
			if c.dept != "" && !hasAnySuffix(c.dept, append([]string{"窗口", "科室"}, departmentSuffixes...)) {
				c.dept = ""
			}
			contacts = append(contacts, c)
		}
		break
	}
	byName := func(name string) *ssContact {
		for i := range contacts {
			if name != "" && contacts[i].name == name {
				return &contacts[i]
			}
		}
		return nil
	}
	byPhone := func(phones []string) *ssContact {
		for i := range contacts {
			for _, p := range phones {
				for _, q := range contacts[i].phones {
					if digitsOf(p) == digitsOf(q) && len(digitsOf(p)) >= 5 {
						return &contacts[i]
					}
				}
			}
		}
		return nil
	}

	cols := m.cols
	width := m.sheet.rows[m.header].width()
	type row struct {
		r   *ssRow
		num int
	}
	var rows []row
	hiddenNums := map[int]*ssRow{}
	more := map[*ssRow][]*ssRow{} // a measure's rows after its first
	place := 0
	// A damaged copy may have moved a sheet's start among the measures:
	// the measures' rows after it stand in a sheet without a header of
	// its own, where only rows with the measures' long text are read.
	candidates := m.sheet.rows[m.header+1:]
	other := map[*ssRow]bool{}
	for _, s := range sheets {
		if s != m.sheet && s != contactSheet && !ssHasHeader(s) {
			for _, r := range s.rows {
				if hanCount(r.text(cols["政策内容"])) >= 15 {
					candidates = append(candidates, r)
					other[r] = true
				}
			}
		}
	}
	for _, r := range candidates {
		title, content := r.text(cols["title"]), r.text(cols["政策内容"])
		if hanCount(title+content) < 4 || ssHeaderName(title) == "措施名称" {
			continue
		}
		if content == "" && hanCount(title) < 15 && cols["政策内容"] > 0 {
			continue
		}
		if !r.hidden && len(rows) > 0 && ssContinues(r, cols) {
			// A measure over several rows: its number (or content)
			// merged down, a unit and its contact on each row.
			last := rows[len(rows)-1].r
			more[last] = append(more[last], r)
			continue
		}
		num := 0
		if c := cols["number"]; c > 0 {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(ssNumber(r.cell(c))), ".0"))
			if err != nil || n <= 0 {
				if !r.hidden {
					unread = append(unread, Unread{Line: Clip(oneLine(title+" "+content), 40), Why: "a measure row without a number: " + r.text(c)})
				}
				continue
			}
			num = n
		} else if !r.hidden {
			place++
			num = place
		}
		if r.hidden {
			hiddenNums[num] = r
			continue
		}
		rows = append(rows, row{r, num})
	}
	if len(rows) == 0 {
		return "", nil, nil
	}
	seen := map[int]bool{}
	top := 0
	var kept []row
	for _, x := range rows {
		if seen[x.num] {
			unread = append(unread, Unread{Line: Clip(oneLine(x.r.text(cols["title"])+" "+x.r.text(cols["政策内容"])), 40), Why: fmt.Sprintf("a second row numbered %d: the first kept", x.num)})
			continue
		}
		seen[x.num] = true
		top = max(top, x.num)
		kept = append(kept, x)
	}
	var withdrawn []int
	for n, r := range hiddenNums {
		if !seen[n] && n < top {
			withdrawn = append(withdrawn, n)
			kept = append(kept, row{r, n})
		}
	}
	sort.Ints(withdrawn)
	sort.SliceStable(kept, func(a, b int) bool { return kept[a].num < kept[b].num })

	fieldCount := map[string]int{}
	for _, x := range kept {
		if !x.r.hidden {
			for _, f := range ssFields(x.r, cols) {
				fieldCount[f]++
			}
		}
	}
	// Sections: a category's heading where it first appears in the
	// numbers' order; one filed again later opens none.
	opened := map[string]bool{}
	sections := 0
	var lines []string
	meta := ssDocMeta(sheets, m, contactSheet)
	lines = append(lines, headLines(meta.title, meta.date, meta.issuer, meta.docno)...)
	for _, x := range kept {
		r := x.r
		title := oneLine(r.text(cols["title"]))
		content := fieldValue(r.text(cols["政策内容"]))
		if r.hidden {
			if title == "" {
				title = firstClause(content)
			}
			_, head := recordHead(x.num, title+"（已撤回）", content)
			lines = append(lines, head...)
			continue
		}
		if c := oneLine(r.text(cols["category"])); c != "" && !opened[c] {
			opened[c] = true
			sections++
			lines = append(lines, Numeral(sections)+"、"+sectionNumber.ReplaceAllString(c, ""))
		}
		_, head := recordHead(x.num, strings.TrimSuffix(title, "。"), content)
		lines = append(lines, head...)
		fields := ssFields(r, cols)
		for i, f := range fields {
			if fieldCount[f] > 1 && i < len(fields)-1 {
				// Written alike under two measures and followed by
				// another field, it is a sentence of its own, and the
				// parser keeps one copy of a sentence written twice:
				// named by the title, as renderXMLRecords does. (The
				// row's last field runs on into its units.)
				f = ended(strings.TrimSuffix(title, "。") + f)
			}
			lines = append(lines, f)
		}
		if r.width() > width {
			// A cell past the header's last column: a damaged copy
			// moved another row's cells into this one, so which units
			// and contacts are its own is unknown.
			unread = append(unread, Unread{Line: Clip(oneLine(title), 40), Why: fmt.Sprintf("measure %d's row holds cells past the header's last column: its units and contacts are not read", x.num)})
			continue
		}
		rec := sqlRecord{num: x.num, title: title, content: content,
			lead: splitUnits(r.text(cols["unit"])), support: splitUnits(r.text(cols["support"]))}
		rec.contacts = ssRowContacts(r, cols, rec.lead, book, byName, byPhone)
		for _, r2 := range more[r] {
			if r2.width() > width {
				unread = append(unread, Unread{Line: Clip(oneLine(title), 40), Why: fmt.Sprintf("a row of measure %d holds cells past the header's last column: its units and contacts are not read", x.num)})
				continue
			}
			lead := splitUnits(r2.text(cols["unit"]))
			rec.lead = AppendNew(rec.lead, lead...)
			rec.support = AppendNew(rec.support, splitUnits(r2.text(cols["support"]))...)
			if len(lead) == 0 {
				lead = rec.lead
			}
			rec.contacts = append(rec.contacts, ssRowContacts(r2, cols, lead, book, byName, byPhone)...)
		}
		if len(rec.contacts) == 0 {
			// No contact in the row: its lead units' in the contacts sheet.
			for _, c := range contacts {
				for _, u := range rec.lead {
					if c.unit == u {
						rec.contacts = append(rec.contacts, sqlContact{unit: c.unit, dept: c.dept, name: c.name, hours: c.hours, phones: c.phones})
					}
				}
			}
		}
		lines = append(lines, sqlDuty(rec)...)
	}
	return strings.Join(lines, "\n"), unread, withdrawn
}

// ssFields are a measure row's field lines: 执行期限 and 办理时限.
func ssFields(r *ssRow, cols map[string]int) []string {
	var out []string
	for _, f := range []string{"执行期限", "办理时限"} {
		if v := oneLine(ssValue(r.cell(cols[f]))); v != "" && cols[f] > 0 {
			out = append(out, f+"："+v)
		}
	}
	return out
}

// ssContinues reports whether row r carries on the measure of the row
// above: its number cell (without a number column, its content cell) is
// covered by a merge from above, its value carried down.
func ssContinues(r *ssRow, cols map[string]int) bool {
	c := cols["number"]
	if c == 0 {
		if c = cols["政策内容"]; c == 0 {
			c = cols["title"]
		}
	}
	cell := r.cell(c)
	return c > 0 && cell.covered && !cell.across && cell.text != ""
}

// ssNumber is a number cell's value as stored (see ssCell.num), or its
// value as written.
func ssNumber(c ssCell) string {
	if c.num != "" {
		return c.num
	}
	return ssValue(c)
}

// ssRowContacts reads a measure row's contacts (see spreadsheetText).
func ssRowContacts(r *ssRow, cols map[string]int, lead []string, book *ssBook, byName func(string) *ssContact, byPhone func([]string) *ssContact) []sqlContact {
	pc, fc := cols["person"], cols["phone"]
	people := cellLines(r.text(pc))
	var phoneLines []string
	number := false
	if fc > 0 && !r.cell(fc).across {
		phoneLines = cellLines(ssValue(r.cell(fc)))
		number = r.cell(fc).typ == "Number"
	}
	var out []sqlContact
	for i := range max(len(people), len(phoneLines)) {
		person, line := "", ""
		if i < len(people) {
			person = people[i]
		}
		if i < len(phoneLines) {
			line = phoneLines[i]
		}
		// A cell merged over both columns: "热线：12366" in one line.
		if line == "" && (fc == 0 || r.cell(fc).across || len(phoneLines) == 0) {
			if ps, es := book.cellPhones(person, false); len(ps)+len(es) > 0 {
				line = person
				person = strings.TrimSpace(strings.TrimRight(icsPhone.ReplaceAllString(ssEmail.ReplaceAllString(person, ""), ""), "：: "))
			}
		}
		phones, emails := book.cellPhones(line, number)
		if i >= len(people) && len(out) > 0 {
			// A phone line past the last person is that person's.
			last := &out[len(out)-1]
			last.phones = AppendNew(last.phones, phones...)
			last.emails = AppendNew(last.emails, emails...)
			continue
		}
		c := sqlContact{phones: phones, emails: emails}
		name, tag := person, ""
		if m := ssNamed.FindStringSubmatch(person); m != nil {
			name, tag = m[1], m[2]
		}
		if ssNotPerson.MatchString(name) || !sqlPersonName.MatchString(name) && utf8.RuneCountInString(name) > 4 {
			name = ""
		}
		if k := byName(name); k == nil && utf8.RuneCountInString(name) >= 3 && hasAnySuffix(name, []string{"科", "室", "股", "处", "中心", "部", "专班"}) {
			// A department named where a person would be: no person.
			c.dept, name = name, ""
		}
		c.name = name
		switch k := byName(name); {
		case k != nil:
			c.unit, c.dept = k.unit, k.dept
			if len(c.phones) == 0 && len(c.emails) == 0 {
				c.phones = k.phones
			}
		case tag != "" && (unitLike(tag) || sqlUnitName.MatchString(tag)):
			c.unit = tag
		default:
			if k := byPhone(phones); k != nil {
				c.unit = k.unit
				if name == "" {
					c.hours = k.hours
				}
			} else if len(lead) > 0 {
				c.unit = lead[0]
			}
		}
		if c.name == "" && len(c.phones) == 0 && len(c.emails) == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// ssHasHeader reports whether one of s's first rows is a header: three or
// more short cells, none a number.
func ssHasHeader(s *ssSheet) bool {
	for _, r := range s.rows[:min(3, len(s.rows))] {
		n := 0
		short := true
		for _, c := range r.cells {
			t := strings.TrimSpace(c.text)
			if t == "" {
				continue
			}
			n++
			if c.typ == "Number" || utf8.RuneCountInString(t) > 8 {
				short = false
			}
		}
		if n >= 3 && short {
			return true
		}
	}
	return false
}
