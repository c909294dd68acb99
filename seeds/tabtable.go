package seeds

import (
	"regexp"
	"strings"
)

// A table pasted from a web page writes each row on one line, its cells
// separated by TABs (issue 20.3):
//
//	序号	政策类别	政策内容	责任单位	联系人	联系电话
//		财税支持
//	1		减免房屋租金。对承租……	区国资中心	聂某某	0745-8231xxxx
//
// normalizeTabTables rewrites such a table into the one-cell-per-line table
// readTables knows: each TAB becomes a line break, so that an empty cell
// (two TABs in a row, trailing TABs) is an empty line and the header's
// names decide which cell is what. A row holding only a category in one
// cell, without a number (a separator between the table's parts), is no
// measure and is dropped. Like normalizeFields it looks at a line and its
// neighbours only, so a sentence copied or moved by the corruption is
// rewritten the same wherever it stands.

// tabHeader is a TAB table's header line: its first cell 序号.
var tabHeader = regexp.MustCompile(`^[ 　]*序号[ 　]*\t`)

// normalizeTabTables rewrites the TAB-separated tables of text (see above);
// a text without one comes back unchanged.
func normalizeTabTables(text string) string {
	lines := strings.Split(text, "\n")
	// The header's cells. The corruption may copy or move a row's
	// sentence ahead of the header: every line is read alike.
	cells := 0
	for _, line := range lines {
		if tabHeader.MatchString(line) {
			cells = strings.Count(line, "\t") + 1
			break
		}
	}
	if cells == 0 {
		return text
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if !strings.Contains(line, "\t") {
			out = append(out, line)
			continue
		}
		// A line break sprinkled after a cell's 。 split the row: the
		// row's TABs, counted over both lines, tell the pieces apart from
		// two rows.
		for strings.Count(line, "\t") < cells-1 && strings.HasSuffix(strings.TrimSpace(line), "。") && i+1 < len(lines) &&
			strings.Count(line, "\t")+strings.Count(lines[i+1], "\t") <= cells-1 && !rowStart(lines[i+1]) {
			i++
			line += lines[i]
		}
		if categoryRow(line) {
			continue
		}
		out = append(out, strings.ReplaceAll(line, "\t", "\n"))
	}
	return strings.Join(out, "\n")
}

// rowStart reports whether a line opens a row: a number in its first cell.
func rowStart(line string) bool {
	first, _, ok := strings.Cut(line, "\t")
	return ok && rowNumberOf(strings.TrimSpace(first)) > 0
}

// categoryRow reports whether a TAB-separated line is a separator row: no
// number in the first cell and one short cell filled.
func categoryRow(line string) bool {
	cells := strings.Split(line, "\t")
	if len(cells) < 3 || strings.TrimSpace(cells[0]) != "" {
		return false
	}
	filled := 0
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			filled++
			if len([]rune(c)) > 16 || strings.ContainsAny(c, "。；;") {
				return false
			}
		}
	}
	return filled == 1
}
