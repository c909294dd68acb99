package seeds

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A district may keep its guide as an .xlsx workbook (Office Open XML,
// SpreadsheetML 2006) and a clerk may hand it over unzipped: the package's
// XML parts concatenated into one text, each after a line naming its path
// in the zip, in zip order.
//
//	===== [Content_Types].xml =====
//	<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
//	<Types xmlns="…">…</Types>
//	===== xl/workbook.xml =====
//	<?xml …?>
//	<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="…"><sheets><sheet name="说明" sheetId="4" r:id="rId3"/>…<sheet name="旧版" sheetId="3" state="hidden" r:id="rId4"/></sheets></workbook>
//	===== xl/_rels/workbook.xml.rels =====
//	<Relationships …><Relationship Id="rId3" Type="…/worksheet" Target="worksheets/sheet4.xml"/>…</Relationships>
//	===== xl/sharedStrings.xml =====
//	<sst …><si><t>标题</t><phoneticPr …/></si><si><r><t>…</t></r><r><rPr>…</rPr><t>…</t></r></si>…</sst>
//	===== xl/worksheets/sheet4.xml =====
//	<worksheet …><cols><col min="9" max="9" hidden="1"/></cols><sheetData><row r="1"><c r="A1" s="2" t="s"><v>0</v></c></row>…</sheetData><mergeCells><mergeCell ref="A1:D1"/></mergeCells></worksheet>
//
// xlsxText reads such a text into the grid of cells the user sees in
// Excel, then hands it to what spreadsheetText does with an XML
// Spreadsheet 2003 workbook's grid (findMeasures, renderSpreadsheet: the
// measures sheet found by its header, measures by their 序号, contacts by
// unit, the document sheet's title, 文号, issuer and date). It relies on
// the parts and the cells' semantics only, never on a sheet's name:
//   - parts: a line naming a part's path between runs of = - # * (or
//     "==> path <==", or "----- FILE: path -----") starts the part; the
//     part is what stands up to the next such line. A text without such
//     lines is cut at its XML declarations, each part known by its root
//     element. It opens when a worksheet part in the SpreadsheetML 2006
//     main namespace (or its strict twin) holds a sheetData.
//   - sheets: in the tab order of xl/workbook.xml's <sheets>, each r:id
//     mapped to its part through xl/_rels/workbook.xml.rels, never by its
//     file's number; without the rels part a sheet is sheet{sheetId}.xml,
//     and without the workbook part every worksheet part is read in zip
//     order. A sheet whose state is hidden or veryHidden is not read.
//   - rows and columns: a row's r (else the row after the last), a cell's
//     r (else the column after the last) — empty cells are absent; a row
//     hidden="1" is kept marked hidden (spreadsheetText reads no hidden
//     row, a number only hidden rows carry is written withdrawn), a
//     column <col hidden="1"> is dropped with its cells.
//   - cells: t="s" the 0-based item of xl/sharedStrings.xml, an item's
//     text its <t> child's or its rich-text runs' <t>s joined (an <rPh>
//     phonetic reading, a <phoneticPr> never read); t="inlineStr" its <is>
//     read alike; t="str" a formula's cached <v>; t="b" TRUE/FALSE;
//     t="e" an error value (#N/A), no value; t="d" an ISO date; no t (or
//     t="n") a number: shown as Excel shows it, 15 significant digits
//     (3.0000000000000004 is 3), through the cell's number format
//     (s → styles.xml cellXfs → numFmtId → numFmt or a built-in one): a
//     phone kept as a number under 0000\-00000000 gets its 0 and dash
//     back, 0"个工作日" writes its words; where no format does, the
//     phone reading mends it from the same digits written elsewhere (see
//     ssBook.numberPhone). A number is a date where its format is a date
//     format (y, m, d, h, s outside quotes and brackets; built-in ids
//     14–22, 27–36, 45–47, 50–58) or where it stands in a date column
//     (its header, or the label left of it, names a 日期/时间) and is a
//     plausible serial: days since 1899-12-30 (1904-01-01 under
//     date1904). _xHHHH_ escapes are decoded (_x000D_ a carriage return:
//     CR LF is one line break).
//   - merges: <mergeCell ref="A4:A5"/>: the first cell's value is
//     carried into the rows the range covers (the columns it covers to
//     the right are covered, without a value), as SpreadsheetML 2003's
//     MergeDown and MergeAcross are read.
//   - never read: comments (xl/comments*.xml, VML drawings), styles
//     beyond number formats, defined names, docProps, themes, the
//     printer settings and any part the text lacks.
//
// A damaged part (a tag cut, an end tag without its start) is stepped over
// and the reading goes on; a worksheet's rows are read in their rising
// run (see xlsxInOrder) and the shared strings realigned where a piece of
// them was displaced (see realignSST); a shared-strings part that is lost
// leaves its cells empty while inline strings and numbers still read. A
// text that is no such workbook, or whose sheets hold no measures sheet,
// comes back unchanged.

// xlsxNamespaces are SpreadsheetML 2006's main namespace, transitional
// and strict.
var xlsxNamespaces = []string{"http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"}

// xlsxSeparator is a line naming a part: its path (a file name with an
// extension) between runs of separator marks, or after FILE:.
var xlsxSeparator = regexp.MustCompile(`(?m)^[ \t]*(?:[=#*]{3,}|-{3,}|==>|>{3,})[ \t]*(?:(?i:file|part|path|entry|文件)[ \t]*[:：][ \t]*)?([^\s<>"]+?\.(?:xml|rels|vml|bin|png|jpe?g|emf|wmf|gif|bmp|txt))[ \t]*(?:[=#*]{3,}|-{3,}|<==|<{3,})?[ \t]*\r?$`)

// xlsxDecl is an XML declaration, where a text without separator lines is
// cut into parts.
var xlsxDecl = regexp.MustCompile(`<\?xml[^>]{0,200}\?>`)

// xlsxPart is one part of the package: its path in the zip, as the text
// names it ("" where it names none), and its XML.
type xlsxPart struct {
	path, body string
}

// xlsxParts cuts text into its parts (see xlsxText).
func xlsxParts(text string) []xlsxPart {
	var parts []xlsxPart
	if locs := xlsxSeparator.FindAllStringSubmatchIndex(text, -1); len(locs) > 0 {
		for i, l := range locs {
			end := len(text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			parts = append(parts, xlsxPart{path: xlsxClean(text[l[2]:l[3]]), body: text[l[1]:end]})
		}
		return parts
	}
	locs := xlsxDecl.FindAllStringIndex(text, -1)
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		parts = append(parts, xlsxPart{body: text[l[0]:end]})
	}
	if len(locs) == 0 {
		parts = append(parts, xlsxPart{body: text})
	}
	return parts
}

// xlsxClean is a part's path as a zip names it: no leading slash, no
// "./", "../" resolved.
func xlsxClean(p string) string {
	p = strings.ReplaceAll(strings.TrimSpace(p), `\`, "/")
	return strings.TrimPrefix(path.Clean("/"+p), "/")
}

// xlsxRoot is the local name of a part's root element, "" where none is
// found in its first few thousand bytes.
var xlsxRoot = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]`)

func rootOf(body string) string {
	head := body[:min(len(body), 4000)]
	for _, m := range xlsxRoot.FindAllStringSubmatch(head, 8) {
		return m[1]
	}
	return ""
}

// isWorksheet reports whether a part is a worksheet in SpreadsheetML's
// main namespace holding a sheetData.
func isWorksheet(p xlsxPart) bool {
	if p.path != "" && !strings.Contains(strings.ToLower(p.path), "worksheets/") {
		return false
	}
	if rootOf(strings.TrimSpace(xlsxDecl.ReplaceAllString(p.body[:min(len(p.body), 4000)], ""))) != "worksheet" {
		return false
	}
	return xlsxInMain(p.body) && strings.Contains(p.body, "sheetData")
}

// xlsxInMain reports whether body names SpreadsheetML's main namespace.
func xlsxInMain(body string) bool {
	head := body[:min(len(body), 4000)]
	for _, ns := range xlsxNamespaces {
		if strings.Contains(head, ns) {
			return true
		}
	}
	return false
}

// isXLSXParts reports whether text holds an .xlsx package's worksheet
// parts (see xlsxText).
func isXLSXParts(text string) bool {
	if !strings.Contains(text, "sheetData") || !xlsxInMainAnywhere(text) {
		return false
	}
	for _, p := range xlsxParts(text) {
		if isWorksheet(p) {
			return true
		}
	}
	return false
}

func xlsxInMainAnywhere(text string) bool {
	for _, ns := range xlsxNamespaces {
		if strings.Contains(text, ns) {
			return true
		}
	}
	return false
}

// xlsxWalk reads body's tokens, calling fn for each. Where the XML is
// damaged the reading steps over the damage (to the next tag; an end tag
// without its start still ends what it names) and goes on; the error
// says where the first damage was and how many there were.
func xlsxWalk(body string, fn func(xml.Token)) error {
	base := 0
	newDecoder := func(at int) *xml.Decoder {
		base = at
		d := xml.NewDecoder(strings.NewReader(body[at:]))
		d.Strict = false
		d.Entity = xml.HTMLEntity
		return d
	}
	d := newDecoder(0)
	var first error
	damaged := 0
	for {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF || damaged >= 10000 {
				if first != nil {
					return fmt.Errorf("%w (%d places): %v", errSSDamaged, damaged, first)
				}
				return nil
			}
			damaged++
			if first == nil {
				line, _ := d.InputPos()
				first = fmt.Errorf("line %d: %v", strings.Count(body[:base], "\n")+line, err)
			}
			at := base + max(int(d.InputOffset()), 1)
			if m := ssStrayEnd.FindStringSubmatch(err.Error()); m != nil {
				tok = xml.EndElement{Name: xml.Name{Local: m[1]}}
			} else if next := strings.IndexByte(body[min(at, len(body)):], '<'); next >= 0 {
				at += next
			} else {
				at = len(body)
			}
			d = newDecoder(min(at, len(body)))
			if tok == nil {
				continue
			}
		}
		fn(xml.CopyToken(tok))
	}
}

// xlsxEscape is OOXML's escape of a character XML cannot carry:
// _x000D_ a carriage return, _x005F_ an underscore.
var xlsxEscape = regexp.MustCompile(`_x([0-9A-Fa-f]{4})_`)

// xlsxUnescape decodes the _xHHHH_ escapes and makes CR LF (or a lone
// CR) one line break.
func xlsxUnescape(s string) string {
	if strings.Contains(s, "_x") {
		s = xlsxEscape.ReplaceAllStringFunc(s, func(e string) string {
			n, err := strconv.ParseUint(e[2:6], 16, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				return e
			}
			return string(rune(n))
		})
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// xlsxRuns collects a string item's text (a shared string's <si>, an
// inline string's <is>): the <t> that is its child or a run's (<r>)
// child; the <t> of a phonetic run (<rPh>) is a reading, no text.
type xlsxRuns struct {
	stack []string
	b     strings.Builder
}

func (x *xlsxRuns) start(name string) { x.stack = append(x.stack, name) }
func (x *xlsxRuns) end() {
	if len(x.stack) > 0 {
		x.stack = x.stack[:len(x.stack)-1]
	}
}

// text adds chardata met inside the item.
func (x *xlsxRuns) text(s []byte) {
	n := len(x.stack)
	if n == 0 || x.stack[n-1] != "t" {
		return
	}
	for _, e := range x.stack {
		if e == "rPh" {
			return
		}
	}
	if n == 1 || x.stack[n-2] == "r" {
		x.b.Write(s)
	}
}

// readSST reads the shared strings, 0-based.
func readSST(body string) ([]string, error) {
	var out []string
	var item *xlsxRuns
	err := xlsxWalk(body, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "si":
				if item != nil {
					// An item whose end was lost ends here.
					out = append(out, xlsxUnescape(item.b.String()))
				}
				item = &xlsxRuns{}
			case item != nil:
				item.start(t.Name.Local)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "si" && item != nil:
				out = append(out, xlsxUnescape(item.b.String()))
				item = nil
			case item != nil:
				item.end()
			}
		case xml.CharData:
			if item != nil {
				item.text(t)
			}
		}
	})
	if item != nil {
		out = append(out, xlsxUnescape(item.b.String()))
	}
	return out, err
}

// xlsxStyles are the number formats of the cell styles: cellXfs' numFmtId
// by style index, and the workbook's own formats by id.
type xlsxStyles struct {
	xfs  []int
	fmts map[int]string
}

// readStyles reads styles.xml's number formats.
func readStyles(body string) xlsxStyles {
	st := xlsxStyles{fmts: map[int]string{}}
	in := false
	_ = xlsxWalk(body, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(ssAttr(t, "numFmtId")); err == nil {
					st.fmts[id] = ssAttr(t, "formatCode")
				}
			case "cellXfs":
				in = true
			case "xf":
				if in {
					id, _ := strconv.Atoi(ssAttr(t, "numFmtId"))
					st.xfs = append(st.xfs, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				in = false
			}
		}
	})
	return st
}

// xlsxBuiltin are the built-in number formats a workbook uses without
// writing them; the date ones are known by id (see xlsxDateID).
var xlsxBuiltin = map[int]string{0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	11: "0.00E+00", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 48: "##0.0E+0", 49: "@"}

// xlsxDateID reports whether a built-in format id is a date or time.
func xlsxDateID(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// format is style s's number format and whether it is a date.
func (st xlsxStyles) format(s int) (string, bool) {
	if s < 0 || s >= len(st.xfs) {
		return "General", false
	}
	id := st.xfs[s]
	if code, ok := st.fmts[id]; ok {
		return code, xlsxDateFormat(code)
	}
	if xlsxDateID(id) {
		return "", true
	}
	if code, ok := xlsxBuiltin[id]; ok {
		return code, false
	}
	return "General", false
}

// xlsxLiteral are a format's parts that show as written: quoted text, an
// escaped character, a bracketed colour, condition or locale.
var xlsxLiteral = regexp.MustCompile(`"[^"]*"|\\.|\[[^\]]*\]|_.|\*.`)

// xlsxDateFormat reports whether a format code formats a date or time.
func xlsxDateFormat(code string) bool {
	c := xlsxLiteral.ReplaceAllString(strings.SplitN(code, ";", 2)[0], "")
	if strings.EqualFold(strings.TrimSpace(c), "general") {
		return false
	}
	return strings.ContainsAny(c, "yYmMdDhHsS")
}

// xlsxGeneral writes a number as Excel's General format shows it: 15
// significant digits, no trailing zeros.
func xlsxGeneral(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if err != nil {
		r = f
	}
	if a := math.Abs(r); a != 0 && (a >= 1e15 || a < 1e-9) {
		return strconv.FormatFloat(r, 'g', -1, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// xlsxFormat writes number f through format code (see xlsxText): the
// section for its sign, digit placeholders 0 # ? filled from the right
// (a 0 pads), the decimals, a % and a thousands comma, literals as
// written. A code with an exponent, a fraction or none of these is
// written as General.
func xlsxFormat(f float64, code string) string {
	sections := xlsxSections(code)
	sec := sections[0]
	neg := false
	if f < 0 && len(sections) > 1 {
		sec, f = sections[1], -f
	} else if f == 0 && len(sections) > 2 {
		sec = sections[2]
	} else if f < 0 {
		neg = true
		f = -f
	}
	if strings.EqualFold(strings.TrimSpace(sec), "general") || strings.TrimSpace(sec) == "" {
		return xlsxSign(neg) + xlsxGeneral(f)
	}
	// Tokens: a placeholder (one rune of 0#?.,%@) or a literal.
	type tok struct {
		lit string
		ph  byte
	}
	var toks []tok
	for i := 0; i < len(sec); {
		switch c := sec[i]; {
		case c == '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				j = len(sec) - i - 1
			}
			toks = append(toks, tok{lit: sec[i+1 : i+1+j]})
			i += j + 2
		case c == '\\' && i+1 < len(sec):
			_, n := utf8.DecodeRuneInString(sec[i+1:])
			toks = append(toks, tok{lit: sec[i+1 : i+1+n]})
			i += 1 + n
		case c == '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				j = len(sec) - i - 1
			}
			i += j + 1
		case c == '_' || c == '*':
			_, n := utf8.DecodeRuneInString(sec[min(i+1, len(sec)):])
			if c == '_' {
				toks = append(toks, tok{lit: " "})
			}
			i += 1 + n
		case strings.IndexByte("0#?.,%@", c) >= 0:
			toks = append(toks, tok{ph: c})
			i++
		case c == 'E' || c == 'e' || c == '/':
			return xlsxSign(neg) + xlsxGeneral(f)
		default:
			_, n := utf8.DecodeRuneInString(sec[i:])
			toks = append(toks, tok{lit: sec[i : i+n]})
			i += n
		}
	}
	intPh, fracPh, seenDot, comma := 0, 0, false, false
	for _, t := range toks {
		switch t.ph {
		case '0', '#', '?':
			if seenDot {
				fracPh++
			} else {
				intPh++
			}
		case '.':
			seenDot = true
		case ',':
			comma = comma || intPh > 0 && !seenDot
		case '%':
			f *= 100
		}
	}
	if intPh+fracPh == 0 {
		var b strings.Builder
		for _, t := range toks {
			switch t.ph {
			case '@':
				b.WriteString(xlsxGeneral(f))
			case 0:
				b.WriteString(t.lit)
			default:
				if t.ph == '%' {
					b.WriteByte('%')
				}
			}
		}
		return xlsxSign(neg) + b.String()
	}
	if f >= 1e15 {
		return xlsxSign(neg) + xlsxGeneral(f)
	}
	digits := strconv.FormatFloat(f, 'f', fracPh, 64)
	ip, fp, _ := strings.Cut(digits, ".")
	if ip == "0" {
		ip = ""
	}
	if comma && len(ip) > 3 {
		var g []string
		for len(ip) > 3 {
			g = append([]string{ip[len(ip)-3:]}, g...)
			ip = ip[:len(ip)-3]
		}
		ip = strings.Join(append([]string{ip}, g...), ",")
	}
	// The integer placeholders, right to left, each takes one character
	// of ip; the leftmost takes what is left.
	var intAt []byte
	for _, t := range toks {
		if t.ph == '.' {
			break
		}
		if t.ph == '0' || t.ph == '#' || t.ph == '?' {
			intAt = append(intAt, t.ph)
		}
	}
	fill := make([]string, intPh)
	rest := ip
	for k := intPh - 1; k >= 0; k-- {
		switch {
		case rest != "":
			_, sz := utf8.DecodeLastRuneInString(rest)
			fill[k] = rest[len(rest)-sz:]
			rest = rest[:len(rest)-sz]
		case intAt[k] == '0':
			fill[k] = "0"
		case intAt[k] == '?':
			fill[k] = " "
		}
	}
	if intPh > 0 {
		fill[0] = rest + fill[0]
	}
	var b strings.Builder
	b.WriteString(xlsxSign(neg))
	ki, kf, dot := 0, 0, false
	for _, t := range toks {
		switch t.ph {
		case 0:
			b.WriteString(t.lit)
		case '.':
			dot = true
			if fracPh > 0 {
				b.WriteByte('.')
			}
		case '0', '#', '?':
			if !dot {
				b.WriteString(fill[ki])
				ki++
				continue
			}
			if kf < len(fp) {
				b.WriteByte(fp[kf])
			}
			kf++
		case '%':
			b.WriteByte('%')
		case '@':
			b.WriteString(xlsxGeneral(f))
		}
	}
	return b.String()
}

func xlsxSign(neg bool) string {
	if neg {
		return "-"
	}
	return ""
}

// xlsxSections cuts a format code at its ; outside quotes.
func xlsxSections(code string) []string {
	var out []string
	quoted, last := false, 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case ';':
			if !quoted {
				out = append(out, code[last:i])
				last = i + 1
			}
		}
	}
	return append(out, code[last:])
}

// xlsxSerialDate is an Excel serial as the ISO date SpreadsheetML 2003
// writes (2022-06-30T00:00:00.000), or "".
func xlsxSerialDate(serial float64, date1904 bool) string {
	if !(serial >= 1 && serial <= 2958465) { // NaN too
		return ""
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case serial < 60:
		// Before Excel's 1900-02-29, which never was.
		base = base.AddDate(0, 0, 1)
	}
	d := base.Add(time.Duration(math.Round(serial*86400)) * time.Second)
	return d.Format("2006-01-02T15:04:05.000")
}

// xlsxSheetRef is one sheet of the workbook: its tab name, part and state.
type xlsxSheetRef struct {
	name, rid, state string
	id               int
}

// readWorkbook reads workbook.xml's sheets in tab order and whether dates
// count from 1904.
func readWorkbook(body string) ([]xlsxSheetRef, bool) {
	var out []xlsxSheetRef
	date1904 := false
	_ = xlsxWalk(body, func(tok xml.Token) {
		if t, ok := tok.(xml.StartElement); ok {
			switch t.Name.Local {
			case "sheet":
				id, _ := strconv.Atoi(ssAttr(t, "sheetId"))
				out = append(out, xlsxSheetRef{name: ssAttr(t, "name"), rid: ssAttr(t, "id"), state: ssAttr(t, "state"), id: id})
			case "workbookPr":
				v := ssAttr(t, "date1904")
				date1904 = v == "1" || strings.EqualFold(v, "true")
			}
		}
	})
	return out, date1904
}

// readRels reads a rels part: Id → the target's path, resolved against
// dir (the folder of the part the rels belong to).
func readRels(body, dir string) map[string]string {
	out := map[string]string{}
	_ = xlsxWalk(body, func(tok xml.Token) {
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "Relationship" {
			if strings.EqualFold(ssAttr(t, "TargetMode"), "External") {
				return
			}
			target := strings.ReplaceAll(ssAttr(t, "Target"), `\`, "/")
			if !strings.HasPrefix(target, "/") {
				target = dir + "/" + target
			}
			out[ssAttr(t, "Id")] = xlsxClean(target)
		}
	})
	return out
}

// xlsxRef reads a cell reference ("B12", "$C$3") as its 1-based row and
// column; 0, 0 where it is none.
func xlsxRef(ref string) (row, col int) {
	i := 0
	ref = strings.ReplaceAll(strings.TrimSpace(ref), "$", "")
	for i < len(ref) && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		c := int(ref[i]|0x20) - 'a' + 1
		col = col*26 + c
		i++
		if col > 1<<14 {
			return 0, 0
		}
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n <= 0 || n > 1<<20 {
		return 0, col
	}
	return n, col
}

// xlsxCtx is what reading a sheet's cells needs of the workbook.
type xlsxCtx struct {
	sst      []string
	styles   xlsxStyles
	date1904 bool
}

// readWorksheet reads one worksheet into a grid (see xlsxText).
func readWorksheet(name, body string, ctx xlsxCtx) (*ssSheet, error) {
	sheet := &ssSheet{name: name}
	rows := map[int]*ssRow{}
	var seen []*ssRow // the rows as they stand in sheetData
	hiddenCols := map[int]bool{}
	type merge struct{ r1, c1, r2, c2 int }
	var merges []merge
	var row *ssRow
	rowN, col := 0, 0
	// The cell being read.
	var (
		inCell      bool
		cellType    string
		cellStyle   int
		vText       strings.Builder
		inV, inF    bool
		inline      *xlsxRuns
		inSheetData bool
		cellCol     int
	)
	endCell := func() {
		if !inCell || row == nil {
			inCell = false
			return
		}
		inCell = false
		v := vText.String()
		c := ssCell{}
		switch cellType {
		case "s":
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 || i >= len(ctx.sst) {
				return
			}
			c.text, c.typ = ctx.sst[i], "String"
		case "inlineStr":
			if inline == nil {
				return
			}
			c.text, c.typ = xlsxUnescape(inline.b.String()), "String"
		case "str":
			c.text, c.typ = xlsxUnescape(v), "String"
		case "b":
			c.text, c.typ = "FALSE", "Boolean"
			if strings.TrimSpace(v) == "1" {
				c.text = "TRUE"
			}
		case "e":
			return
		case "d":
			c.text, c.typ = strings.TrimSpace(v), "DateTime"
		default:
			s := strings.TrimSpace(v)
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				// ParseFloat reads "NaN" and "Inf", which Excel never
				// stores as a number: they are the text written.
				if s == "" {
					return
				}
				c.text, c.typ = s, "String"
				break
			}
			code, date := ctx.styles.format(cellStyle)
			if d := xlsxSerialDate(f, ctx.date1904); date && d != "" {
				c.text, c.typ = d, "DateTime"
				break
			}
			c.typ, c.num = "Number", xlsxGeneral(f)
			c.text = xlsxFormat(f, code)
		}
		if strings.TrimSpace(c.text) == "" {
			return
		}
		row.cells[cellCol] = c
	}
	err := xlsxWalk(body, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			if inline != nil {
				inline.start(t.Name.Local)
				return
			}
			switch t.Name.Local {
			case "sheetData":
				inSheetData = true
			case "col":
				if v := ssAttr(t, "hidden"); v == "1" || strings.EqualFold(v, "true") {
					lo, hi := ssInt(t, "min"), ssInt(t, "max")
					for c := max(lo, 1); c <= min(hi, lo+200); c++ {
						hiddenCols[c] = true
					}
				}
			case "row":
				if !inSheetData {
					return
				}
				endCell()
				if n, err := strconv.Atoi(strings.TrimSpace(ssAttr(t, "r"))); err == nil && n > 0 && n <= 1<<20 {
					rowN = n
				} else {
					rowN++
				}
				v := ssAttr(t, "hidden")
				row = &ssRow{n: rowN, cells: map[int]ssCell{}}
				seen = append(seen, row)
				row.hidden = v == "1" || strings.EqualFold(v, "true")
				col = 0
			case "c":
				if row == nil {
					return
				}
				endCell()
				if _, c := xlsxRef(ssAttr(t, "r")); c > 0 {
					col = c
				} else {
					col++
				}
				inCell, cellCol = true, col
				cellType = ssAttr(t, "t")
				cellStyle, _ = strconv.Atoi(ssAttr(t, "s"))
				vText.Reset()
			case "v":
				inV = inCell
			case "f":
				inF = true
			case "is":
				if inCell {
					inline = &xlsxRuns{}
				}
			case "mergeCell":
				parts := strings.SplitN(ssAttr(t, "ref"), ":", 2)
				r1, c1 := xlsxRef(parts[0])
				r2, c2 := r1, c1
				if len(parts) == 2 {
					r2, c2 = xlsxRef(parts[1])
				}
				if r1 > 0 && c1 > 0 && r2 >= r1 && c2 >= c1 {
					merges = append(merges, merge{r1, c1, min(r2, r1+5000), min(c2, c1+200)})
				}
			}
		case xml.EndElement:
			if inline != nil {
				if t.Name.Local == "is" {
					return
				}
				if t.Name.Local != "c" && t.Name.Local != "row" {
					inline.end()
					return
				}
			}
			switch t.Name.Local {
			case "v":
				inV = false
			case "f":
				inF = false
			case "c":
				endCell()
				inline = nil
			case "row":
				endCell()
				inline = nil
				row = nil
			case "sheetData":
				endCell()
				inSheetData = false
				row = nil
			}
		case xml.CharData:
			switch {
			case inline != nil:
				inline.text(t)
			case inV && !inF:
				vText.Write(t)
			}
		}
	})
	endCell()
	for _, r := range xlsxInOrder(seen) {
		rows[r.n] = r // numbers strictly rising: one row each
	}
	// Merges: the first cell's value carried down the rows it covers.
	// Each merge is clipped (5000 rows, 200 columns), but a damaged or
	// hostile part may hold thousands of them over the same range: past
	// xlsxMergeWork cells in all, the rest are not carried.
	work := 0
	for _, m := range merges {
		if work += (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1); work > xlsxMergeWork {
			break
		}
		top := rows[m.r1]
		if top == nil {
			continue
		}
		v, ok := top.cells[m.c1]
		for c := m.c1 + 1; c <= m.c2; c++ {
			top.cells[c] = ssCell{covered: true, across: true}
		}
		for r := m.r1 + 1; r <= m.r2; r++ {
			below := rows[r]
			if below == nil {
				continue
			}
			if ok {
				cv := v
				cv.covered = true
				below.cells[m.c1] = cv
			} else {
				delete(below.cells, m.c1)
			}
			for c := m.c1 + 1; c <= m.c2; c++ {
				below.cells[c] = ssCell{covered: true, across: true}
			}
		}
	}
	var ns []int
	for n, r := range rows {
		// By the row's cells, not the hidden columns: a part may hide
		// hundreds of thousands of columns no row has a cell in.
		for c := range r.cells {
			if hiddenCols[c] {
				delete(r.cells, c)
			}
		}
		ns = append(ns, n)
	}
	sort.Ints(ns)
	for _, n := range ns {
		sheet.rows = append(sheet.rows, rows[n])
	}
	xlsxDateColumns(sheet, ctx.date1904)
	return sheet, err
}

// xlsxMergeWork bounds the cells a worksheet's merges may cover in all
// (see readWorksheet): a guide's sheet merges a few hundred.
const xlsxMergeWork = 1 << 20

// xlsxInOrder keeps of a sheet's rows, as they stand in its sheetData,
// the longest run whose numbers rise (the later rows where two runs are
// as long: a piece lands ahead of the rows it collides with, as the
// scrambler's copies do). Excel writes a sheet's rows in rising order, so
// a row whose r repeats or runs backwards is a piece a corrupted copy
// displaced — the rows of another sheet (a hidden draft's, numbered
// alike) or a copy of the sheet's own. The scrambler's exact copies are gone before (see
// dropEarlierCopies, which keeps a sentence's last copy: its copies stand
// ahead of it); what is left repeating is a moved piece, which may land
// before or after the rows it collides with, so neither the first nor the
// last copy is right by place — the run that fits the sheet's own order is.
func xlsxInOrder(seen []*ssRow) []*ssRow {
	if len(seen) < 2 {
		return seen
	}
	rising := true
	for i := 1; i < len(seen); i++ {
		if seen[i].n <= seen[i-1].n {
			rising = false
			break
		}
	}
	if rising {
		return seen
	}
	// Longest strictly rising subsequence, patience-style.
	tails := []int{} // index into seen of the smallest tail per length
	prev := make([]int, len(seen))
	for i, r := range seen {
		k := sort.Search(len(tails), func(j int) bool { return seen[tails[j]].n >= r.n })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	out := make([]*ssRow, len(tails))
	for i, k := len(tails)-1, tails[len(tails)-1]; i >= 0; i, k = i-1, prev[k] {
		out[i] = seen[k]
	}
	return out
}

// xlsxDateWord is a header or label naming a date.
var xlsxDateWord = regexp.MustCompile(`(?:日期|时间|截止|有效期至|期限至)[：:]?$`)

// xlsxDateColumns reads a number as a date where its format does not say
// so but its column's header, or the label left of it, names a date, and
// it is a plausible serial (1954–2119).
func xlsxDateColumns(s *ssSheet, date1904 bool) {
	dateCol := map[int]bool{}
	for _, r := range s.rows[:min(len(s.rows), 10)] {
		strs, nums := 0, 0
		for _, c := range r.cells {
			switch {
			case c.typ == "Number":
				nums++
			case c.typ == "String" && !c.covered:
				strs++
			}
		}
		if strs < 3 || nums > 0 {
			continue
		}
		for col, c := range r.cells {
			if c.typ == "String" && utf8.RuneCountInString(strings.TrimSpace(c.text)) <= 10 && xlsxDateWord.MatchString(ssHeaderName(c.text)) {
				dateCol[col] = true
			}
		}
	}
	for _, r := range s.rows {
		for col, c := range r.cells {
			if c.typ != "Number" || c.text != c.num {
				continue
			}
			f, err := strconv.ParseFloat(c.num, 64)
			if err != nil || f < 20000 || f > 80000 {
				continue
			}
			label := dateCol[col]
			if !label {
				// The nearest text left of it in the row.
				for k := col - 1; k >= 1; k-- {
					if l, ok := r.cells[k]; ok && !l.covered {
						label = l.typ == "String" && utf8.RuneCountInString(strings.TrimSpace(l.text)) <= 10 && xlsxDateWord.MatchString(ssHeaderName(l.text))
						break
					}
				}
			}
			if d := xlsxSerialDate(f, date1904); label && d != "" {
				c.text, c.typ, c.num = d, "DateTime", ""
				r.cells[col] = c
			}
		}
	}
}

// errXLSXNoSheets is a package whose worksheets were not found.
var errXLSXNoSheets = errors.New("no worksheet part found")

// readXLSX reads the package's visible sheets in tab order (see xlsxText).
func readXLSX(text string) ([]*ssSheet, []Unread) {
	parts := xlsxParts(text)
	byPath := map[string]string{}
	var unread []Unread
	note := func(what string, err error) {
		if err != nil {
			unread = append(unread, Unread{Line: Clip(what+": "+err.Error(), 80), Why: "the workbook's XML is damaged: what stands around the damage is read"})
		}
	}
	var wbBody, relsBody, sstBody, stylesBody string
	var worksheets []xlsxPart
	for _, p := range parts {
		lp := strings.ToLower(p.path)
		root := rootOf(strings.TrimSpace(xlsxDecl.ReplaceAllString(p.body[:min(len(p.body), 4000)], "")))
		switch {
		case p.path != "":
			byPath[lp] = p.body
		}
		switch {
		case lp == "xl/workbook.xml" || p.path == "" && root == "workbook" || strings.HasSuffix(lp, "/workbook.xml") && wbBody == "":
			wbBody = p.body
		case lp == "xl/_rels/workbook.xml.rels" || strings.HasSuffix(lp, "_rels/workbook.xml.rels"):
			relsBody = p.body
		case lp == "xl/sharedstrings.xml" || strings.HasSuffix(lp, "sharedstrings.xml") || p.path == "" && root == "sst":
			sstBody = p.body
		case lp == "xl/styles.xml" || strings.HasSuffix(lp, "/styles.xml") || p.path == "" && root == "styleSheet":
			stylesBody = p.body
		case isWorksheet(p):
			worksheets = append(worksheets, p)
		}
	}
	ctx := xlsxCtx{}
	if sstBody != "" {
		var err error
		ctx.sst, err = readSST(sstBody)
		note("xl/sharedStrings.xml", err)
		// Items a corrupted copy displaced into another part.
		var stray []string
		for _, p := range parts {
			if p.body == sstBody {
				continue
			}
			if i, j := strings.Index(p.body, "<si>"), strings.LastIndex(p.body, "</si>"); i >= 0 && j > i {
				// The piece ends at the first 。 of its last, open item.
				end := j + len("</si>")
				if o := strings.LastIndex(p.body, "<si>"); o > j {
					if k := strings.Index(p.body[o:], "。"); k >= 0 {
						end = o + k + len("。")
					}
				}
				more, _ := readSST(p.body[i:end])
				stray = append(stray, more...)
			}
		}
		var bodies []string
		for _, w := range worksheets {
			bodies = append(bodies, w.body)
		}
		var moved bool
		if ctx.sst, moved = realignSST(ctx.sst, sstBody, stray, bodies); moved {
			unread = append(unread, Unread{Line: "xl/sharedStrings.xml", Why: "the shared strings were displaced: realigned to their cells' columns"})
		}
	}
	if stylesBody != "" {
		ctx.styles = readStyles(stylesBody)
	}
	var refs []xlsxSheetRef
	if wbBody != "" {
		refs, ctx.date1904 = readWorkbook(wbBody)
	}
	rels := readRels(relsBody, "xl")
	type pick struct {
		name string
		body string
		from string
	}
	var picks []pick
	if len(refs) > 0 {
		for _, s := range refs {
			if s.state == "hidden" || s.state == "veryHidden" {
				continue
			}
			target, ok := rels[s.rid]
			if !ok && relsBody == "" && s.id > 0 {
				target = fmt.Sprintf("xl/worksheets/sheet%d.xml", s.id)
			}
			body, ok := byPath[strings.ToLower(target)]
			if !ok {
				continue
			}
			picks = append(picks, pick{s.name, body, target})
		}
	} else {
		for _, p := range worksheets {
			picks = append(picks, pick{"", p.body, p.path})
		}
	}
	var sheets []*ssSheet
	for _, p := range picks {
		if !isWorksheet(xlsxPart{body: p.body}) {
			continue
		}
		s, err := readWorksheet(p.name, p.body, ctx)
		note(p.from, err)
		sheets = append(sheets, s)
	}
	if len(sheets) == 0 {
		note("worksheets", errXLSXNoSheets)
	}
	return sheets, unread
}

// xlsxOff turns the reader off: tests show what the other readers make of
// a package's parts (see checkMarkup).
var xlsxOff bool

// xlsxText: see above. It returns the policy list, what it could not read,
// the numbers written withdrawn and the copies a corrupted copy's reading
// dropped, or text unchanged.
func xlsxText(text string) (string, []Unread, []int, []Duplicate) {
	if xlsxOff || !isXLSXParts(text) {
		return text, nil, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	sheets, unread := readXLSX(strings.TrimPrefix(single, "\uFEFF"))
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

// A corrupted copy of the parts (sentences duplicated and displaced, cut at
// their 。) moves pieces of XML: a run of shared-string items lands in
// another part or elsewhere in the shared strings, and every t="s" cell
// after the gap then names its neighbour's string — a measure's phone
// becomes the hidden draft's dead one, a unit a person. The shared strings
// are checked and, where the check fails, realigned:
//   - the check: the items read against the part's uniqueCount, and the
//     columns' shapes. Each t="s" cell of every worksheet (hidden ones
//     too: they share the strings) names an item; a column's items share a
//     shape (a phone, a long text with 。, a short name). The misfits are
//     the cells whose item's shape is not their column's usual one.
//   - the repair: of the ways the gap can have been made — k items lost at
//     one place (fewer items than uniqueCount; the items found in another
//     part, as <si>s, are put back there), k items too many at one place
//     (more), a run of items moved to another place (as many) — the one
//     that leaves the fewest misfits, where it leaves at least 3 fewer;
//     else the items stay as read. Where items are too many, a run whose
//     items are all written again elsewhere is the copy (items are unique).
//
// What it cannot do: one gap is repaired, not two; a gap that leaves
// fewer than 3 more misfits stays (a workbook with under 20 t="s" cells
// is not checked); a run moved inside the part is looked for only
// between items with a 。 (a piece's seams), and not where the ways to try
// are too many; an item whose text the piece split keeps the part it has.

// xlsxShape is an item's shape: 1 a phone or number-like text, 2 a long
// text (a 。 or over 30 characters), 4 a date written out, a short one by
// its length (3 up to 3 characters: a name; 5 up to 7; 6 up to 15; 7
// longer); 0 an empty one.
func xlsxShape(s string) int {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return 0
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '-' {
			digits++
		}
	}
	switch {
	case digits >= 4 && strings.ContainsAny(s, "年月日"):
		return 4
	case digits >= 5 && digits*2 >= n:
		return 1
	case strings.Contains(s, "。") || n > 30:
		return 2
	case n <= 3:
		return 3
	case n <= 7:
		return 5
	case n <= 15:
		return 6
	}
	return 7
}

// xlsxSSRef is a t="s" cell: its column's group and the item it names.
type xlsxSSRef struct{ group, idx int }

// xlsxCellRe finds a row's start, a cell's start tag and a value.
var xlsxCellRe = regexp.MustCompile(`<row\b|<c\b([^>]*?)(/?)>|<v>\s*(\d+)\s*</v>`)

// xlsxStringRefs lists the t="s" cells of the worksheet bodies, grouped by
// part and column.
func xlsxStringRefs(bodies []string) []xlsxSSRef {
	var out []xlsxSSRef
	for p, body := range bodies {
		col, isS := 0, false
		for _, m := range xlsxCellRe.FindAllStringSubmatchIndex(body, -1) {
			switch {
			case body[m[0]:m[0]+4] == "<row":
				col, isS = 0, false
			case m[6] >= 0:
				if isS {
					if i, err := strconv.Atoi(body[m[6]:m[7]]); err == nil {
						out = append(out, xlsxSSRef{p*20000 + col, i})
					}
				}
				isS = false
			default:
				attrs := body[m[2]:m[3]]
				if rm := xlsxAttrR.FindStringSubmatch(attrs); rm != nil {
					if _, c := xlsxRef(rm[1]); c > 0 {
						col = c
					} else {
						col++
					}
				} else {
					col++
				}
				isS = m[4] == m[5] && xlsxAttrTS.MatchString(attrs)
			}
		}
	}
	return out
}

var (
	xlsxAttrR  = regexp.MustCompile(`\br="([^"]*)"`)
	xlsxAttrTS = regexp.MustCompile(`\bt="s"`)
)

// xlsxMisfits counts the cells whose item's shape is not their column's
// usual one, under the mapping of cell indexes to items at (groups are
// dense, 0..groups-1; an empty or missing item is a misfit).
func xlsxMisfits(refs []xlsxSSRef, groups int, shapes []int, at func(int) int) int {
	count := make([][8]int, groups)
	for _, r := range refs {
		sh := 0
		if j := at(r.idx); j >= 0 && j < len(shapes) {
			sh = shapes[j]
		}
		count[r.group][sh]++
	}
	bad := 0
	for _, c := range count {
		top, total := 0, 0
		for _, v := range c[1:] {
			top, total = max(top, v), total+v
		}
		bad += total - top + c[0]
	}
	return bad
}

// xlsxUniqueCount is the shared strings' uniqueCount, -1 where none.
var xlsxUniqueCountRe = regexp.MustCompile(`<sst\b[^>]*\buniqueCount="(\d+)"`)

// realignSST checks the shared strings read (items) against the part's
// uniqueCount and the worksheets' columns and repairs one gap (see
// above). stray are the items found outside the shared-strings part.
// It returns the items to read the cells with and whether it moved any.
func realignSST(items []string, sstBody string, stray []string, sheets []string) ([]string, bool) {
	refs := xlsxStringRefs(sheets)
	if len(refs) < 20 || len(items) < 10 || len(items) > 5000 {
		return items, false
	}
	dense := map[int]int{}
	for i, r := range refs {
		g, ok := dense[r.group]
		if !ok {
			g = len(dense)
			dense[r.group] = g
		}
		refs[i].group = g
	}
	groups := len(dense)
	unique := -1
	if m := xlsxUniqueCountRe.FindStringSubmatch(sstBody); m != nil {
		unique, _ = strconv.Atoi(m[1])
	}
	build := func(list []string) []int {
		sh := make([]int, len(list))
		for i, s := range list {
			sh[i] = xlsxShape(s)
		}
		return sh
	}
	same := func(i int) int { return i }
	n := len(items)
	shapes := build(items)
	base := xlsxMisfits(refs, groups, shapes, same)
	if base < 3 {
		return items, false
	}
	best, bestOut := base, items
	try := func(out []string) {
		if s := xlsxMisfits(refs, groups, build(out), same); s < best {
			best, bestOut = s, out
		}
	}
	switch {
	case unique > n && unique-n <= 200:
		k := unique - n
		fill := stray
		if len(fill) != k {
			fill = make([]string, k)
		}
		for p := 0; p <= n; p++ {
			out := make([]string, 0, unique)
			out = append(append(append(out, items[:p]...), fill...), items[p:]...)
			try(out)
		}
	case unique >= 0 && unique < n && n-unique <= 200:
		// Items are unique: a run whose every item is written again
		// elsewhere is a copy; only such runs are tried where there are.
		k := n - unique
		times := map[string]int{}
		for _, s := range items {
			times[s]++
		}
		copied := func(p int) bool {
			for _, s := range items[p : p+k] {
				if times[s] < 2 {
					return false
				}
			}
			return true
		}
		any := false
		for p := 0; p+k <= n && !any; p++ {
			any = copied(p)
		}
		for p := 0; p+k <= n; p++ {
			if any && !copied(p) {
				continue
			}
			out := make([]string, 0, unique)
			out = append(append(out, items[:p]...), items[p+k:]...)
			try(out)
		}
	default:
		// A run moved. As read, it stands after a host item the piece
		// landed in (one with a 。), ends with an item with a 。, and the
		// place it left is after another item with a 。.
		var stops []int
		for i, s := range items {
			if strings.Contains(s, "。") {
				stops = append(stops, i)
			}
		}
		if k := len(stops); k*k*k*len(refs) > 50_000_000 {
			// Too many ways for the time a reading may take.
			return items, false
		}
		for _, h := range stops {
			q := h + 1
			for _, e := range stops {
				if e <= h {
					continue
				}
				k := e - h
				for _, r := range stops {
					var at func(int) int
					switch {
					case r < h:
						// Moved later: it stood after r.
						s, m := r+1, h-r
						at = func(i int) int {
							switch {
							case i < s || i >= q+k:
								return i
							case i < s+k:
								return i + m
							}
							return i - k
						}
					case r > e:
						// Moved earlier: it stood after r.
						m := r - e
						at = func(i int) int {
							switch {
							case i < q || i >= q+m+k:
								return i
							case i < q+m:
								return i + k
							}
							return i - m
						}
					default:
						continue
					}
					if s := xlsxMisfits(refs, groups, shapes, at); s < best {
						out := make([]string, n)
						for i := range out {
							out[i] = items[at(i)]
						}
						best, bestOut = s, out
					}
				}
			}
		}
	}
	if base-best < 3 {
		return items, false
	}
	return bestOut, true
}
