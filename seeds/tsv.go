package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// An Excel 政策清单 saved as "文本文件(制表符分隔)" is the CSV list of
// csvlist.go with a TAB between cells: Excel quotes a cell holding a line
// break, a TAB or a quote (a quote doubled), ends rows with CRLF and keeps
// Alt+Enter line breaks inside a cell as bare LF, and pads every row to the
// sheet's width, so the title row before the header is
//
//	贵…政策清单<TAB><TAB>…<TAB>
//
// That padded row tells such a sheet from a table pasted from a web page
// (tabtable.go), whose lines before the header are the notice's text.
//
// A sheet brings its own artefacts: a merged cell exports empty below its
// first row (a 责任单位 over three rows), a row without 序号 under a
// measure holds more of its cells, a formula that found nothing shows
// #N/A, a number too wide for its column is written 2.02E+07 (its digits
// lost), a 合计 row counts the measures and 制表人/审核人 sign the sheet. A
// second sheet may be appended below the list: "附表：咨询电话一览" and a
// 单位/电话 table of the units' own office phones (see cutPhoneList).

// sheetPadded reports whether some row before the list's header (at
// header, width cells wide) is a sheet's title or note row: text in its
// first cell, padded with TABs to the header's width.
func sheetPadded(lines []string, header, width int) bool {
	for _, l := range lines[:header] {
		l = strings.TrimRight(l, "\r")
		first, rest, _ := strings.Cut(l, "\t")
		if strings.Count(l, "\t") == width-1 && strings.TrimSpace(first) != "" && strings.Trim(rest, "\t") == "" {
			return true
		}
	}
	return false
}

// sheetSep returns the separator of text's policy list: a TAB for a sheet
// saved as tab-separated text (see above), else a comma. A sheet saved
// without a title row opens with its header: it is told from a table
// pasted alone by a cell Excel quoted.
func sheetSep(text string) rune {
	if !strings.Contains(text, "\t") {
		return ','
	}
	lines := strings.Split(text, "\n")
	header, roles := findCSVHeader(lines, '\t')
	if header < 0 {
		return ','
	}
	if sheetPadded(lines, header, len(roles)) || strings.TrimSpace(strings.Join(lines[:header], "")) == "" && quotedCell.MatchString(text) {
		return '\t'
	}
	return ','
}

// quotedCell is a cell Excel quoted: a quote opening it, after a TAB or at
// a row's start.
var quotedCell = regexp.MustCompile(`(?m)(?:^|\t)"[^"\t\n]`)

// sheetError is a cell Excel writes for a formula that failed: no content.
var sheetError = regexp.MustCompile(`^#(?:N/A|REF!|VALUE!|DIV/0!|NAME\?|NUM!|NULL!)$`)

// sheetScientific is a number Excel shows in scientific form because its
// column was too narrow ("2.02E+07"): its digits are lost.
var sheetScientific = regexp.MustCompile(`^(\d)(?:\.(\d+))?E\+(\d{1,2})$`)

// phoneListTitle opens a second sheet of units' phones below the list.
var phoneListTitle = regexp.MustCompile(`^[ \t　]*"?(?:附表|附件)\d*[：:]?[^\t]*(?:电话|联系方式|通讯录)`)

// cutPhoneList takes the units' phone list appended below a sheet (a
// title row "附表：咨询电话一览", a header naming a 单位 and a 电话
// column, then a row per unit) out of lines, and returns the rest and the
// units' own lines (Guide.Units): each a unit's office phone, which a
// measure's row may not give. A row whose name is no unit's (a hotline's)
// is reported.
func cutPhoneList(lines []string, sep rune) ([]string, []Contact, []Unread) {
	for i, l := range lines {
		if !phoneListTitle.MatchString(l) || i+1 >= len(lines) {
			continue
		}
		cells := splitCells(lines[i+1], sep)
		unitCol, phoneCol := -1, -1
		for j, c := range cells {
			switch c = strings.Join(strings.Fields(c), ""); {
			case unitCol < 0 && (c == "单位" || c == "单位名称" || c == "部门" || c == "责任单位"):
				unitCol = j
			case phoneCol < 0 && strings.Contains(c, "电话"):
				phoneCol = j
			}
		}
		if unitCol < 0 || phoneCol < 0 {
			continue
		}
		var units []Contact
		var unread []Unread
		end := i + 2
		for ; end < len(lines); end++ {
			cells := splitCells(lines[end], sep)
			if max(unitCol, phoneCol) >= len(cells) {
				break
			}
			name, phones := strings.TrimSpace(cells[unitCol]), kbPhones(cells[phoneCol])
			if name == "" && len(phones) == 0 {
				break
			}
			switch {
			case unitLike(name) && len(phones) > 0:
				units = append(units, Contact{Unit: name, Phones: phones})
			default:
				unread = append(unread, Unread{Line: strings.TrimRight(strings.ReplaceAll(lines[end], "\t", " "), " \r"),
					Why: "a row of the appended phone list naming no unit and its phone"})
			}
		}
		return append(append([]string{}, lines[:i]...), lines[end:]...), units, unread
	}
	return lines, nil, nil
}

// splitCells splits one row into its cells (no quotes: a phone list's
// rows are short).
func splitCells(line string, sep rune) []string {
	return strings.Split(strings.TrimRight(line, "\r"), string(sep))
}

// repairSheet mends what Excel wrote into a list's records (see above):
// error cells are empty; a unit cell empty under a record that names one
// while the record names a contact is the merged cell's unit; a phone in
// scientific form is the phone the same person has in another record,
// if its digits agree, else none (reported); a record naming a unit and no
// person or phone takes the unit's office phone from the sheet's phone
// list.
func repairSheet(recs []csvRecord, units []Contact) []Unread {
	var unread []Unread
	for _, r := range recs {
		for k, v := range r.cells {
			var parts []string
			// A TAB Excel kept inside a quoted cell parts two items.
			v = strings.ReplaceAll(v, "\t", " ")
			for _, p := range strings.Split(v, "\n") {
				if !sheetError.MatchString(strings.TrimSpace(p)) {
					parts = append(parts, p)
				}
			}
			r.cells[k] = strings.Join(parts, "\n")
		}
	}
	phoneOf := map[string]map[string]bool{}
	for _, r := range recs {
		ps, fs := cellSep.Split(r.cells["person"], -1), cellSep.Split(r.cells["phone"], -1)
		if len(ps) != len(fs) {
			continue
		}
		for i, p := range ps {
			p, f := strings.TrimSpace(p), strings.TrimSpace(fs[i])
			if p == "" || f == "" || sheetScientific.MatchString(f) {
				continue
			}
			if phoneOf[p] == nil {
				phoneOf[p] = map[string]bool{}
			}
			phoneOf[p][f] = true
		}
	}
	for i := range recs {
		r := &recs[i]
		if i > 0 && !r.suspect && !recs[i-1].suspect && strings.TrimSpace(r.cells["unit"]) == "" &&
			(r.cells["person"] != "" || r.cells["phone"] != "") && r.cells["category"] == "" {
			r.cells["unit"] = recs[i-1].cells["unit"]
		}
		if strings.Contains(r.cells["phone"], "E+") {
			ps, fs := cellSep.Split(r.cells["person"], -1), cellSep.Split(r.cells["phone"], -1)
			for j, f := range fs {
				m := sheetScientific.FindStringSubmatch(strings.TrimSpace(f))
				if m == nil {
					continue
				}
				fs[j] = ""
				if j < len(ps) && len(ps) == len(fs) {
					fs[j] = scientificMatch(m, phoneOf[strings.TrimSpace(ps[j])])
				}
				if fs[j] == "" {
					unread = append(unread, Unread{Line: strings.TrimSpace(f),
						Why: "measure " + strconv.Itoa(r.number) + "'s phone as Excel showed it in scientific form, its digits lost; no other row gives the person's number"})
				}
			}
			r.cells["phone"] = strings.Join(fs, "、")
		}
		if u := strings.TrimSpace(r.cells["unit"]); u != "" && strings.TrimSpace(r.cells["person"]) == "" &&
			strings.TrimSpace(r.cells["phone"]) == "" {
			for _, c := range units {
				if c.Unit == u {
					r.cells["phone"] = strings.Join(c.Phones, "、")
					break
				}
			}
		}
	}
	return unread
}

// scientificMatch returns the one phone of phones whose digits Excel's
// scientific form m shows (its leading digits and its length), or "".
func scientificMatch(m []string, phones map[string]bool) string {
	exp, _ := strconv.Atoi(m[3])
	lead := m[1] + m[2]
	found := ""
	for f := range phones {
		digits := strings.ReplaceAll(f, "-", "")
		if len(digits) == exp+1 && len(lead) < len(digits) && roundedDigits(digits, len(lead)) == lead {
			if found != "" {
				return ""
			}
			found = f
		}
	}
	return found
}

// roundedDigits is the first n digits of the number s, rounded as Excel
// rounds them for its scientific form.
func roundedDigits(s string, n int) string {
	v, err := strconv.ParseFloat("0."+s, 64)
	if err != nil {
		return ""
	}
	out := strconv.FormatFloat(v, 'f', n, 64)
	return strings.TrimPrefix(out, "0.")
}

// categoryNumeral is a category's own numbering ("一、财税支持政策"):
// the list's heading numbers it anew.
var categoryNumeral = regexp.MustCompile(`^[` + numeralChars + `]+[、.．][ 　]*`)

// sheetDuty is csvDuty for a sheet, whose units often end in a
// department's suffix (区金融服务中心) or carry a bracket (区人社局（区就业
// 服务中心）): a group "区金融服务中心 江帆 联系电话：…" would read the unit
// as the person's department. The only unit goes without saying (the 责任
// 单位 line names it); of several, each person is tagged with his:
// "江帆（区金融服务中心） 联系电话：…".
func sheetDuty(units, people, phones string) string {
	return csvDutyLines(units, people, phones, true)
}

// personUnit is the tag after a person naming unit u, one of n units.
func personUnit(u string, n int) string {
	if u == "" || n < 2 {
		return ""
	}
	return "（" + unitBase(u) + "）"
}

// unitBase is a unit's name without the bracket after it (区人社局（区就业
// 服务中心）): a tag holds no bracket of its own.
func unitBase(u string) string {
	if i := strings.IndexAny(u, "（("); i > 0 {
		return u[:i]
	}
	return u
}

// extraColumns gives each column of no known role but the first (序号) the
// role of its own name, a field written under it, and returns those names
// as two lists: the others, and the time limits, written last next to the
// duty block, where a field written alike under many measures (a
// deadline) is kept under each (see fieldBeforeDuty).
func extraColumns(names, roles []string) (extra, timed []string) {
	for i, name := range names {
		if i == 0 || i >= len(roles) || roles[i] != "" || name == "" {
			continue
		}
		roles[i] = name
		if slices.Contains(detailSlots[4], name) || strings.HasSuffix(name, "时限") || strings.HasSuffix(name, "期限") {
			timed = append(timed, name)
		} else {
			extra = append(extra, name)
		}
	}
	return extra, timed
}
