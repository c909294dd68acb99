package seeds

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district's mini-program may keep its guide in a database, and the
// vendor hand over a dump of it: a mysqldump (MariaDB's is alike), or a
// pg_dump in its INSERT or COPY mode.
//
//	-- MySQL dump 10.13  Distrib 8.0.28, for Linux (x86_64)
//	/*!40101 SET NAMES utf8mb4 */;
//	DROP TABLE IF EXISTS `policy`;
//	CREATE TABLE `policy` (
//	  `id` int(11) NOT NULL AUTO_INCREMENT,
//	  `sort_no` int(11) NOT NULL COMMENT '序号',
//	  `title` varchar(200) …, `content` text …, `lead_unit_ids` varchar(100) …,
//	  `status` tinyint(4) NOT NULL DEFAULT '0', `deleted_at` datetime DEFAULT NULL,
//	  PRIMARY KEY (`id`), KEY `idx_sort` (`sort_no`)
//	) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COMMENT='政策';
//	LOCK TABLES `policy` WRITE;
//	INSERT INTO `policy` VALUES (1,1,3,'增值税留抵退税\"即申即退\"','对…\n…','1','2',1,NULL,…),(2,…);
//	COPY public.policy (id, sort_no, …) FROM stdin;      ← pg_dump: tab-separated rows, \N, "\."
//
// sqlText reads the statements character by character (see sqlScanner):
// quoted strings with MySQL's escapes (\n \r \t \0 \\ \' \" and a doubled
// quote; under pg_dump's standard_conforming_strings a backslash is
// itself outside E'…'), NULL, numbers, backquoted and double-quoted names,
// comments (--, #, /* */ and mysqldump's /*!… */), CREATE TABLE column
// lists with their COMMENTs, INSERT and REPLACE with or without a column
// list and with many rows, and COPY … FROM stdin blocks. A damaged
// statement (a quote left open, a row that does not close) loses only the
// rows from the damage on: a string open across a line that opens a new
// statement ends there, and the rows before it are kept.
//
// The guide is then found among the tables by what their columns hold,
// not by the tables' names; a column's name (English, pinyin or its
// initials, or Chinese, in the name or its COMMENT) settles its role where
// it is one of the usual ones, the values otherwise:
//   - measures: the table with the most rows holding a long Chinese text
//     (the content column; content/neirong/nr/内容, else the longest text)
//     beside a title (title/biaoti/bt/标题/name/mc). The measure's number
//     is a sort column (sort_no/sort/seq/xuhao/xh/序号/排序/bianhao/no),
//     else the integer column, other than the row id, whose kept values
//     count 1…N; never the row id. A row is dropped when a deletion mark
//     says so (is_deleted/del_flag/deleted/sfsc non-zero, deleted_at set)
//     or a publication flag does not (is_valid/enabled/published/sfyx
//     zero), and, for a status column (status/state/zt/状态/fbzt), when its
//     value is not the published one: the words (published/已发布 against
//     draft/草稿/删除), a description in the column's COMMENT ("1=发布,
//     0=草稿"), else the value most rows hold; a negative status is never
//     published. Among kept rows with the same number the latest (updated,
//     then created, then the higher row id) is read and the others
//     reported. A number no kept row has but a dropped one does, below the
//     highest kept, is written withdrawn (see xmlText).
//   - units: the table whose names end as units do (局, 中心, 办, 公司, …)
//     and whose ids the measures' lead and support columns (lead/qiantou/
//     zrdw/牵头/责任 and support/peihe/xieban/配合/协办) list, one or several
//     in a string ('5,6'); of two name columns the shorter (short_name
//     beside name) is the name the guide uses. A measure's unit columns
//     may instead hold the names themselves.
//   - contacts: a table whose cells are phones in most rows, pointing to a
//     unit (an id of the units table, or a unit's name); its person,
//     e-mail and remark columns by name or by their values. Every phone
//     column is read (phone and mobile), and a cell holding two numbers
//     parted by / 、 ; , is two phones. A remark shaped as a department (科,
//     股, 室, …) is the contact's department, one naming hours (24小时,
//     工作日…) its hours; any other note is not read.
//   - the link table: a table pointing from measure rows (by row id, not
//     number) to contacts, with a role (lead/support, 主办/协办, 1/2): a
//     measure's contacts are its rows', lead first, in the table's order.
//     A measure with no link row (or a dump without a link table) takes
//     the contacts of its lead units.
//   - sections: the table the measures' category column points to, in the
//     order of its sort column (else of its ids); a category column may
//     hold the name itself.
//   - the document: a table of few rows whose title is a long Chinese text
//     naming a guide (指南, 政策, 措施, 通知, …), with an issuer, a 文号 and
//     a publication date.
//
// Other tables (users, logs, configuration, feedback) are not read: a
// phone a configuration value holds belongs to no measure. The reading
// is written as the policy list normalizeFields reads, the shape xmlText
// writes (see renderXMLRecords): the title, 发布日期, 来源 and 文号 lines,
// then the measures in the order of their numbers, each section's heading
// where it changes, "N. 标题", 政策内容, the units and the contacts. Any
// text that is no dump, or a dump without a measures table, comes back
// unchanged.

// sqlValue is one cell: a string, a number as written, or NULL.
type sqlValue struct {
	s    string
	null bool
}

// sqlTable is one table: its columns (names and COMMENTs), primary key
// and rows, each as long as the columns.
type sqlTable struct {
	name     string
	cols     []string
	comments []string
	pk       string
	rows     [][]sqlValue
}

var (
	// sqlDumpHead is a dump tool's opening comment.
	sqlDumpHead = regexp.MustCompile(`(?m)^--[ \t]*(?:MySQL dump|MariaDB dump|PostgreSQL database dump|Dump of|Navicat|HeidiSQL)`)
	sqlCreate   = regexp.MustCompile(`(?im)^[ \t]*CREATE[ \t]+(?:TEMPORARY[ \t]+|UNLOGGED[ \t]+)?TABLE\b`)
	sqlInsert   = regexp.MustCompile(`(?im)^[ \t]*(?:(?:INSERT|REPLACE)(?:[ \t]+(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY))?[ \t]+INTO\b|COPY[ \t]+\S+[^\n;]*FROM[ \t]+stdin)`)
	// sqlOpener is a line that opens a statement: a string left open
	// across it was damaged.
	sqlOpener = regexp.MustCompile(`(?i)^[ \t]*(?:INSERT[ \t]+(?:IGNORE[ \t]+)?INTO|REPLACE[ \t]+INTO|CREATE[ \t]+TABLE|DROP[ \t]+TABLE|LOCK[ \t]+TABLES|UNLOCK[ \t]+TABLES|ALTER[ \t]+TABLE|COPY[ \t]|/\*!\d|--[ \t])`)
	// errSQLOpen is a string left open where a new statement starts.
	errSQLOpen = errors.New("a quoted string left open")
)

// isSQLDump reports whether text is a database dump: a dump tool's header,
// or a CREATE TABLE and an INSERT (or COPY) statement at lines' starts.
func isSQLDump(text string) bool {
	head := text[:min(len(text), 4000)]
	if sqlDumpHead.MatchString(head) && (sqlCreate.MatchString(text) || sqlInsert.MatchString(text)) {
		return true
	}
	return sqlCreate.MatchString(text) && sqlInsert.MatchString(text)
}

// sqlTok is one token: kind is 'w' (a bare word), '`' or '"' (a quoted
// name, or a MySQL double-quoted string), '\” (a string), '0' (a number),
// or the punctuation itself.
type sqlTok struct {
	kind byte
	s    string
	pos  int
}

// sqlScanner reads a dump's statements character by character.
type sqlScanner struct {
	text string
	pos  int
	// backslash is whether a backslash escapes in a '…' string (MySQL,
	// and pg_dump with standard_conforming_strings off).
	backslash bool
	// pg is set for a PostgreSQL dump: "…" is a name, # opens no comment.
	pg bool
}

// lineOpensStatement reports whether the line starting at i opens a
// statement (see sqlOpener).
func (s *sqlScanner) lineOpensStatement(i int) bool {
	end := strings.IndexByte(s.text[i:], '\n')
	if end < 0 {
		end = len(s.text) - i
	}
	return sqlOpener.MatchString(s.text[i : i+min(end, 40)])
}

// skipSpace skips white space and comments.
func (s *sqlScanner) skipSpace() {
	for s.pos < len(s.text) {
		c := s.text[s.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			s.pos++
		case strings.HasPrefix(s.text[s.pos:], "--") || c == '#' && !s.pg:
			if i := strings.IndexByte(s.text[s.pos:], '\n'); i >= 0 {
				s.pos += i + 1
			} else {
				s.pos = len(s.text)
			}
		case strings.HasPrefix(s.text[s.pos:], "/*"):
			if i := strings.Index(s.text[s.pos+2:], "*/"); i >= 0 {
				s.pos += i + 4
			} else {
				s.pos = len(s.text)
			}
		default:
			return
		}
	}
}

// quoted reads a quoted string or name opening at s.pos with q; escapes
// says whether a backslash escapes. A doubled quote is one quote. A string
// still open at a line that opens a statement ends before it, with
// errSQLOpen.
func (s *sqlScanner) quoted(q byte, escapes bool) (string, error) {
	var b strings.Builder
	i := s.pos + 1
	for i < len(s.text) {
		c := s.text[i]
		switch {
		case c == '\\' && escapes && i+1 < len(s.text):
			b.WriteString(sqlEscape(s.text[i+1]))
			i += 2
			continue
		case c == q:
			if i+1 < len(s.text) && s.text[i+1] == q {
				b.WriteByte(q)
				i += 2
				continue
			}
			s.pos = i + 1
			return b.String(), nil
		case c == '\n' && i+1 < len(s.text) && s.lineOpensStatement(i+1):
			s.pos = i + 1
			return b.String(), errSQLOpen
		}
		b.WriteByte(c)
		i++
	}
	s.pos = len(s.text)
	return b.String(), errSQLOpen
}

// sqlEscape is what a backslash and c stand for in a MySQL string.
func sqlEscape(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 'r':
		return "\r"
	case 't':
		return "\t"
	case '0':
		return "\x00"
	case 'b':
		return "\b"
	case 'Z':
		return "\x1a"
	}
	// \\ \' \" and any other character: the character itself (MySQL
	// keeps the backslash of \% and \_, which only LIKE reads).
	if c == '%' || c == '_' {
		return "\\" + string(c)
	}
	return string(c)
}

// next reads the next token; ok is false at the end of the text.
func (s *sqlScanner) next() (t sqlTok, err error, ok bool) {
	s.skipSpace()
	if s.pos >= len(s.text) {
		return sqlTok{}, nil, false
	}
	start := s.pos
	c := s.text[s.pos]
	switch {
	case c == '\'':
		v, err := s.quoted('\'', s.backslash)
		return sqlTok{kind: '\'', s: v, pos: start}, err, true
	case c == '`':
		v, err := s.quoted('`', false)
		return sqlTok{kind: '`', s: v, pos: start}, err, true
	case c == '"':
		v, err := s.quoted('"', !s.pg && s.backslash)
		return sqlTok{kind: '"', s: v, pos: start}, err, true
	case (c == 'E' || c == 'e') && s.pos+1 < len(s.text) && s.text[s.pos+1] == '\'' && s.pg:
		s.pos++
		v, err := s.quoted('\'', true)
		return sqlTok{kind: '\'', s: v, pos: start}, err, true
	case c >= '0' && c <= '9' || (c == '-' || c == '+' || c == '.') && s.pos+1 < len(s.text) && s.text[s.pos+1] >= '0' && s.text[s.pos+1] <= '9':
		i := s.pos + 1
		for i < len(s.text) && (isWordByte(s.text[i]) || s.text[i] == '.' ||
			(s.text[i] == '-' || s.text[i] == '+') && (s.text[i-1] == 'e' || s.text[i-1] == 'E')) {
			i++
		}
		s.pos = i
		return sqlTok{kind: '0', s: s.text[start:i], pos: start}, nil, true
	case isWordByte(c) || c >= utf8.RuneSelf:
		i := s.pos
		for i < len(s.text) && (isWordByte(s.text[i]) || s.text[i] == '$' || s.text[i] >= utf8.RuneSelf) {
			i++
		}
		s.pos = i
		return sqlTok{kind: 'w', s: s.text[start:i], pos: start}, nil, true
	}
	s.pos++
	return sqlTok{kind: c, s: string(c), pos: start}, nil, true
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// statement reads the tokens up to the next ";" (dropped). damaged is set
// when a string was left open: the statement ends there.
func (s *sqlScanner) statement() (toks []sqlTok, damaged bool) {
	for {
		t, err, ok := s.next()
		if !ok {
			return toks, false
		}
		if err != nil {
			return append(toks, t), true
		}
		if t.kind == ';' {
			return toks, false
		}
		toks = append(toks, t)
	}
}

// sqlDump is a dump read: its tables by name, in the file's order.
type sqlDump struct {
	tables []*sqlTable
	byName map[string]*sqlTable
	unread []Unread
}

func (d *sqlDump) table(name string) *sqlTable {
	key := strings.ToLower(name)
	if t := d.byName[key]; t != nil {
		return t
	}
	t := &sqlTable{name: name}
	d.byName[key] = t
	d.tables = append(d.tables, t)
	return t
}

// readSQLDump reads every CREATE TABLE, INSERT and COPY of text.
func readSQLDump(text string) *sqlDump {
	d := &sqlDump{byName: map[string]*sqlTable{}}
	pg := strings.Contains(text[:min(len(text), 4000)], "PostgreSQL database dump")
	s := &sqlScanner{text: text, backslash: !pg, pg: pg}
	for s.pos < len(s.text) {
		start := s.pos
		toks, damaged := s.statement()
		if len(toks) == 0 {
			continue
		}
		if damaged {
			d.unread = append(d.unread, Unread{Line: Clip(strings.TrimSpace(lineAt(text, toks[len(toks)-1].pos)), 40), Why: "a SQL statement with a string left open: read up to it"})
		}
		word := func(i int) string {
			if i < len(toks) && toks[i].kind == 'w' {
				return strings.ToUpper(toks[i].s)
			}
			return ""
		}
		switch {
		case word(0) == "SET" && strings.EqualFold(word(1), "standard_conforming_strings"):
			on := strings.ToLower(sqlJoin(toks[2:]))
			s.backslash = strings.Contains(on, "off")
		case word(0) == "CREATE" && slices.Contains([]string{word(1), word(2)}, "TABLE"):
			d.create(toks)
		case word(0) == "INSERT" || word(0) == "REPLACE":
			d.insert(toks, s, damaged)
		case word(0) == "COPY" && !damaged:
			d.copyRows(s, toks)
		}
		if s.pos == start {
			s.pos++
		}
	}
	return d
}

// sqlJoin is the tokens' text, without spaces.
func sqlJoin(toks []sqlTok) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.s)
	}
	return b.String()
}

// sqlName reads a table's name at toks[i] (schema.table or table): the
// table's part, and the index after it.
func sqlName(toks []sqlTok, i int) (string, int) {
	name := ""
	for i < len(toks) && (toks[i].kind == 'w' || toks[i].kind == '`' || toks[i].kind == '"') {
		name = toks[i].s
		i++
		if i < len(toks) && toks[i].kind == '.' {
			i++
			continue
		}
		break
	}
	return name, i
}

// sqlKeywordDefs are the first words of a CREATE TABLE entry that is no
// column.
var sqlKeywordDefs = map[string]bool{"PRIMARY": true, "KEY": true, "UNIQUE": true, "INDEX": true, "CONSTRAINT": true,
	"FULLTEXT": true, "SPATIAL": true, "CHECK": true, "FOREIGN": true, "EXCLUDE": true, "LIKE": true, "PERIOD": true}

// create reads a CREATE TABLE's columns, their COMMENTs and the primary key.
func (d *sqlDump) create(toks []sqlTok) {
	i := 2
	for i < len(toks) && toks[i].kind == 'w' && slices.Contains([]string{"TABLE", "IF", "NOT", "EXISTS"}, strings.ToUpper(toks[i].s)) {
		i++
	}
	name, i := sqlName(toks, i)
	if name == "" || i >= len(toks) || toks[i].kind != '(' {
		return
	}
	t := d.table(name)
	var cols, comments []string
	depth, entry := 0, []sqlTok{}
	flush := func() {
		defer func() { entry = entry[:0] }()
		if len(entry) == 0 {
			return
		}
		first := entry[0]
		if first.kind == 'w' && sqlKeywordDefs[strings.ToUpper(first.s)] {
			if strings.EqualFold(first.s, "PRIMARY") {
				for _, e := range entry {
					if e.kind == '`' || e.kind == '"' || e.kind == 'w' && !slices.Contains([]string{"PRIMARY", "KEY", "USING", "BTREE"}, strings.ToUpper(e.s)) {
						t.pk = e.s
						break
					}
				}
			}
			return
		}
		if first.kind != 'w' && first.kind != '`' && first.kind != '"' {
			return
		}
		comment := ""
		for j := 1; j+1 < len(entry); j++ {
			if entry[j].kind == 'w' && strings.EqualFold(entry[j].s, "COMMENT") && entry[j+1].kind == '\'' {
				comment = entry[j+1].s
			}
			if entry[j].kind == 'w' && strings.EqualFold(entry[j].s, "PRIMARY") && t.pk == "" {
				t.pk = first.s
			}
		}
		cols = append(cols, first.s)
		comments = append(comments, comment)
	}
	for _, tk := range toks[i+1:] {
		switch tk.kind {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				flush()
				t.cols, t.comments = cols, comments
				return
			}
			depth--
		case ',':
			if depth == 0 {
				flush()
				continue
			}
		}
		entry = append(entry, tk)
	}
	// A CREATE TABLE cut short: the columns read so far.
	flush()
	t.cols, t.comments = cols, comments
}

// insert reads an INSERT's rows into its table, in the order of the table's
// columns (a column list maps them). A row that does not parse is reported
// and skipped: reading resumes at the next "),(" in the text after it,
// read anew from there (a quote lost or gained pairs the rest of the
// statement's quotes wrongly), and the scanner goes on from where that
// reading ends.
func (d *sqlDump) insert(toks []sqlTok, s *sqlScanner, damaged bool) {
	text := s.text
	i := 1
	for i < len(toks) && toks[i].kind == 'w' && !strings.EqualFold(toks[i].s, "INTO") {
		i++
	}
	name, i := sqlName(toks, i+1)
	if name == "" {
		return
	}
	t := d.table(name)
	var list []string
	if i < len(toks) && toks[i].kind == '(' {
		for i++; i < len(toks) && toks[i].kind != ')'; i++ {
			if toks[i].kind != ',' {
				list = append(list, toks[i].s)
			}
		}
		i++
	}
	if i >= len(toks) || !strings.HasPrefix(strings.ToUpper(toks[i].s), "VALUE") {
		return
	}
	i++
	for i < len(toks) {
		if toks[i].kind == ',' {
			i++
			continue
		}
		if toks[i].kind != '(' {
			// ON DUPLICATE KEY UPDATE …, or the damage's leftovers.
			break
		}
		row, after, ok := sqlTuple(toks, i+1)
		if ok {
			d.addRow(t, list, row, text, toks[i].pos)
			i = after
			continue
		}
		if after >= len(toks) && damaged {
			// The row a string left open cut: reported with its statement.
			break
		}
		d.unread = append(d.unread, Unread{Line: Clip(strings.TrimSpace(snippet(text, toks[i].pos)), 40), Why: "a SQL row that does not parse: skipped"})
		next := strings.Index(text[toks[i].pos+1:], "),(")
		if next < 0 {
			break
		}
		sub := &sqlScanner{text: text, pos: toks[i].pos + 1 + next + 2, backslash: s.backslash, pg: s.pg}
		toks, damaged = sub.statement()
		// The first reading, its quotes paired wrongly, may have read
		// past this statement's end into the next ones: they are read
		// from where this one ends now.
		s.pos = sub.pos
		i = 0
	}
}

// snippet is the text from at on, up to a line's end.
func snippet(text string, at int) string {
	rest := text[min(at, len(text)):]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// sqlTuple reads the values of a row from toks[i] (after its "(") to its
// ")": the values, the index after the ")" (or where it failed), and
// whether it parsed.
func sqlTuple(toks []sqlTok, i int) ([]sqlValue, int, bool) {
	var row []sqlValue
	for i < len(toks) {
		t := toks[i]
		var v sqlValue
		switch t.kind {
		case '\'', '"':
			v.s = t.s
		case '0':
			v.s = t.s
		case 'w':
			switch u := strings.ToUpper(t.s); {
			case u == "NULL":
				v.null = true
			case u == "TRUE":
				v.s = "1"
			case u == "FALSE":
				v.s = "0"
			case strings.HasPrefix(u, "_") && i+1 < len(toks) && toks[i+1].kind == '\'':
				// A charset introducer: _utf8mb4'…', _binary '…'.
				i++
				v.s = toks[i].s
			case (u == "X" || u == "B") && i+1 < len(toks) && toks[i+1].kind == '\'':
				i++
				v.s = toks[i].s
			default:
				v.s = t.s
			}
		case '-', '+':
			// A sign before a word (-NULL never; - 1 with a space).
			if i+1 < len(toks) && toks[i+1].kind == '0' {
				i++
				v.s = t.s + toks[i].s
				if t.kind == '+' {
					v.s = toks[i].s
				}
			} else {
				return row, i, false
			}
		default:
			return row, i, false
		}
		row = append(row, v)
		i++
		// A cast (pg: '2022-06-15'::date) or a function's arguments are
		// not values of their own.
		for i+1 < len(toks) && toks[i].kind == ':' && toks[i+1].kind == ':' {
			i += 3
		}
		if i >= len(toks) {
			return row, i, false
		}
		switch toks[i].kind {
		case ',':
			i++
		case ')':
			return row, i + 1, true
		default:
			return row, i, false
		}
	}
	return row, i, false
}

// addRow stores a row under the table's columns: by the INSERT's column
// list where it has one. A row whose length is not the columns' is
// reported and skipped; a table whose CREATE TABLE was lost is given
// columns c1, c2, … by its first row.
func (d *sqlDump) addRow(t *sqlTable, list []string, row []sqlValue, text string, pos int) {
	if len(t.cols) == 0 {
		if len(list) > 0 {
			t.cols = list
		} else {
			for i := range row {
				t.cols = append(t.cols, "c"+strconv.Itoa(i+1))
			}
		}
		t.comments = make([]string, len(t.cols))
	}
	if len(list) > 0 {
		if len(list) != len(row) {
			d.unread = append(d.unread, Unread{Line: Clip(snippet(text, pos), 40), Why: fmt.Sprintf("a SQL row of %d values for %d columns: skipped", len(row), len(list))})
			return
		}
		full := make([]sqlValue, len(t.cols))
		for i := range full {
			full[i].null = true
		}
		for j, c := range list {
			k := slices.IndexFunc(t.cols, func(x string) bool { return strings.EqualFold(x, c) })
			if k < 0 {
				t.cols = append(t.cols, c)
				t.comments = append(t.comments, "")
				for r := range t.rows {
					t.rows[r] = append(t.rows[r], sqlValue{null: true})
				}
				full = append(full, sqlValue{null: true})
				k = len(t.cols) - 1
			}
			full[k] = row[j]
		}
		row = full
	}
	if len(row) != len(t.cols) {
		d.unread = append(d.unread, Unread{Line: Clip(snippet(text, pos), 40), Why: fmt.Sprintf("a SQL row of %d values for %d columns: skipped", len(row), len(t.cols))})
		return
	}
	t.rows = append(t.rows, row)
}

// copyRows reads a pg_dump COPY block: after the statement, one row a
// line, tab-separated, \N for NULL, up to a line "\.".
func (d *sqlDump) copyRows(s *sqlScanner, toks []sqlTok) {
	name, i := sqlName(toks, 1)
	if name == "" {
		return
	}
	var list []string
	if i < len(toks) && toks[i].kind == '(' {
		for i++; i < len(toks) && toks[i].kind != ')'; i++ {
			if toks[i].kind != ',' {
				list = append(list, toks[i].s)
			}
		}
	}
	t := d.table(name)
	// The rows start on the line after the statement.
	if j := strings.IndexByte(s.text[s.pos:], '\n'); j >= 0 {
		s.pos += j + 1
	} else {
		s.pos = len(s.text)
	}
	for s.pos < len(s.text) {
		end := strings.IndexByte(s.text[s.pos:], '\n')
		line := s.text[s.pos:]
		if end >= 0 {
			line = s.text[s.pos : s.pos+end]
		}
		at := s.pos
		s.pos += len(line) + 1
		line = strings.TrimSuffix(line, "\r")
		if line == `\.` {
			break
		}
		if sqlOpener.MatchString(line) {
			// The block lost its end: the statement is read again.
			s.pos = at
			break
		}
		var row []sqlValue
		for _, f := range strings.Split(line, "\t") {
			if f == `\N` {
				row = append(row, sqlValue{null: true})
				continue
			}
			row = append(row, sqlValue{s: copyUnescape(f)})
		}
		d.addRow(t, list, row, s.text, at)
	}
	s.pos = min(s.pos, len(s.text))
}

// copyUnescape decodes a COPY field's backslash escapes.
func copyUnescape(f string) string {
	if !strings.Contains(f, `\`) {
		return f
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '\\' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch c := f[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		default:
			if c >= '0' && c <= '7' {
				n, j := 0, i
				for ; j < len(f) && j < i+3 && f[j] >= '0' && f[j] <= '7'; j++ {
					n = n*8 + int(f[j]-'0')
				}
				b.WriteByte(byte(n))
				i = j - 1
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// sqlKey is a column's name as the role tables write it: lower case,
// without "_", "-", spaces and quotes.
func sqlKey(s string) string {
	return strings.NewReplacer("_", "", "-", "", " ", "", "`", "", `"`, "").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// sqlRole lists a column role's names: exact keys (English, pinyin, their
// initials) and Chinese words its name or COMMENT may hold.
type sqlRole struct {
	keys  []string
	words []string
}

var (
	sqlNumberRole  = sqlRole{keys: []string{"sortno", "sort", "seq", "seqno", "sequence", "xuhao", "xh", "orderno", "ordernum", "sortorder", "sortnum", "displayorder", "px", "paixu", "pxh", "no", "num", "number", "bianhao", "bh", "itemno", "policyno", "tiao", "serial", "serialno", "idx", "index"}, words: []string{"序号", "排序", "编号", "条号", "顺序"}}
	sqlTitleRole   = sqlRole{keys: []string{"title", "biaoti", "bt", "name", "mc", "mingcheng", "policyname", "policytitle", "zcmc", "zcbt", "subject", "headline", "caption", "doctitle", "wjbt", "wjmc"}, words: []string{"标题", "名称", "题目"}}
	sqlContentRole = sqlRole{keys: []string{"content", "neirong", "nr", "body", "text", "detail", "details", "description", "desc", "zcnr", "policycontent", "summary", "html", "richtext", "zhengwen", "zw"}, words: []string{"内容", "正文", "详情"}}
	sqlLeadRole    = sqlRole{keys: []string{"lead", "leadunit", "leadunits", "leadunitids", "leadunitid", "leadids", "leaddept", "leaddeptids", "qiantou", "qtdw", "qtdwid", "qtdwids", "zrdw", "zrdwid", "zrdwids", "zbdw", "zbdwid", "zhuban", "responsible", "responsibleunit", "unit", "unitid", "unitids", "dept", "deptid", "deptids", "department", "org", "orgid", "danwei", "dw", "dwid", "dwids"}, words: []string{"牵头", "责任单位", "主办", "主管"}}
	sqlSupportRole = sqlRole{keys: []string{"support", "supportunit", "supportunits", "supportunitids", "supportunitid", "supportids", "supportdept", "supportdeptids", "assist", "assistunitids", "cooperate", "peihe", "phdw", "phdwid", "phdwids", "xieban", "xbdw", "xbdwid", "xbdwids"}, words: []string{"配合", "协办", "协助"}}
	sqlCategoryKey = sqlRole{keys: []string{"category", "categoryid", "cate", "cateid", "catid", "cat", "typeid", "type", "lanmu", "lmid", "fenlei", "fl", "flid", "fenleiid", "classid", "class", "section", "sectionid", "chapter", "chapterid", "groupid", "lb", "lbid", "leibie"}, words: []string{"分类", "类别", "栏目", "章节"}}
	sqlSortRole    = sqlRole{keys: []string{"sort", "sortno", "seq", "orderno", "sortorder", "displayorder", "px", "paixu", "xuhao", "xh", "weight", "ordernum", "sortnum"}, words: []string{"排序", "序号", "顺序"}}
	sqlShortRole   = sqlRole{keys: []string{"shortname", "short", "abbr", "abbreviation", "alias", "jiancheng", "jc", "jcmc", "displayname", "showname"}, words: []string{"简称"}}
	sqlPersonRole  = sqlRole{keys: []string{"person", "contact", "contactname", "contactperson", "linkman", "lxr", "lianxiren", "xingming", "xm", "realname", "name", "personname"}, words: []string{"联系人", "姓名"}}
	sqlEmailRole   = sqlRole{keys: []string{"email", "mail", "emailaddress", "youxiang", "yx", "dzyx"}, words: []string{"邮箱", "电子邮件"}}
	sqlDeptRole    = sqlRole{keys: []string{"remark", "remarks", "note", "notes", "beizhu", "bz", "dept", "department", "deptname", "keshi", "ks", "ksmc", "office", "section", "bumen", "bm"}, words: []string{"科室", "备注", "处室", "部门"}}
	sqlIssuerRole  = sqlRole{keys: []string{"issuer", "publisher", "fawenjiguan", "fwjg", "fbdw", "fbjg", "source", "laiyuan", "ly", "author", "issueorg", "issueunit", "org", "unit"}, words: []string{"发文机关", "发布单位", "发布机关", "来源", "发文单位", "印发单位"}}
	sqlDocNoRole   = sqlRole{keys: []string{"docno", "documentno", "fileno", "wenhao", "wh", "fwzh", "fawenzihao", "docnumber"}, words: []string{"文号", "字号"}}
	sqlDateRole    = sqlRole{keys: []string{"publishdate", "pubdate", "publishtime", "publishedat", "releasedate", "issuedate", "fbrq", "fbsj", "fabuRiqi", "cwrq", "yfrq", "date", "publishday"}, words: []string{"发布日期", "发布时间", "印发日期", "成文日期", "日期"}}
	sqlAreaRole    = sqlRole{keys: []string{"areacode", "quhao", "qh", "phoneareacode"}, words: []string{"区号"}}
	sqlIntroRole   = sqlRole{keys: []string{"intro", "introduction", "preface", "foreword", "summary", "jianjie", "jj", "daoyu", "qianyan"}, words: []string{"简介", "导语", "前言", "说明"}}
	sqlUpdatedRole = sqlRole{keys: []string{"updatedat", "updatetime", "updated", "modifiedat", "modifytime", "gmtmodified", "gxsj", "xgsj", "lastmodified", "mtime"}, words: []string{"更新时间", "修改时间"}}
	sqlCreatedRole = sqlRole{keys: []string{"createdat", "createtime", "created", "gmtcreate", "cjsj", "addtime", "ctime", "inserttime"}, words: []string{"创建时间", "添加时间"}}
	sqlLinkRoleCol = sqlRole{keys: []string{"role", "type", "juese", "js", "lx", "leixing", "kind", "duty"}, words: []string{"角色", "类型"}}
)

// is reports whether column i of t has role r: its key is one of r's, or
// its name or COMMENT holds one of r's words.
func (t *sqlTable) is(i int, r sqlRole) bool {
	k := sqlKey(t.cols[i])
	for _, x := range r.keys {
		if k == strings.ToLower(x) {
			return true
		}
	}
	for _, w := range r.words {
		if strings.Contains(t.cols[i], w) || strings.HasPrefix(strings.TrimSpace(t.comments[i]), w) {
			return true
		}
	}
	return false
}

// find is the first column of t with role r that ok accepts, or -1.
func (t *sqlTable) find(r sqlRole, ok func(int) bool) int {
	for i := range t.cols {
		if t.is(i, r) && (ok == nil || ok(i)) {
			return i
		}
	}
	return -1
}

// pkCol is the index of t's row id: its primary key, else a column named
// id.
func (t *sqlTable) pkCol() int {
	for i, c := range t.cols {
		if t.pk != "" && strings.EqualFold(c, t.pk) {
			return i
		}
	}
	for i, c := range t.cols {
		if sqlKey(c) == "id" {
			return i
		}
	}
	return -1
}

// hanCount is the number of Han characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// meanHan is the mean Han count of column i's non-NULL cells.
func (t *sqlTable) meanHan(i int) float64 {
	n, sum := 0, 0
	for _, r := range t.rows {
		if !r[i].null {
			n++
			sum += hanCount(r[i].s)
		}
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

// share is the share of column i's non-NULL, non-empty cells ok accepts
// (0 if there are none).
func (t *sqlTable) share(i int, ok func(string) bool) float64 {
	n, yes := 0, 0
	for _, r := range t.rows {
		if r[i].null || strings.TrimSpace(r[i].s) == "" {
			continue
		}
		n++
		if ok(strings.TrimSpace(r[i].s)) {
			yes++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(yes) / float64(n)
}

var (
	sqlInt = regexp.MustCompile(`^-?\d+$`)
	// sqlIDList is one id or several in a string: '3', '5,6', '10、11'.
	sqlIDList = regexp.MustCompile(`^\s*\d+(?:\s*[,，、;；/|]\s*\d+)*\s*[,，]?\s*$`)
	// sqlPhoneCell is a cell holding phones only: area-coded, local,
	// mobile or hotline numbers, parted by / 、 ; , or spaces.
	sqlPhoneCell = regexp.MustCompile(`^(?:[（(]?0\d{2,3}[）)]?[-－ ]?)?(?:\d{7,8}|1[3-9]\d{9}|1\d{4}|9\d{4})(?:(?:[-－]\d{1,4})?(?:\s*[/／、;；,，]\s*|\s+)(?:[（(]?0\d{2,3}[）)]?[-－ ]?)?(?:\d{7,8}|1[3-9]\d{9}|1\d{4}|9\d{4}))*(?:[-－]\d{1,4})?$`)
	sqlEmail     = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$`)
	// sqlUnitName ends as a unit's name does.
	sqlUnitName = regexp.MustCompile(`(?:局|中心|办|办公室|委|委员会|公司|部|站|所|院|会|队|处|行|厅|署|集团|街道|政府|分局|专班|窗口|管理部|服务部|营业厅)$`)
	// sqlPersonName is a person's name.
	sqlPersonName = regexp.MustCompile(`^\p{Han}{2,4}$`)
	sqlDocNo      = regexp.MustCompile(`[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号`)
	sqlISODate    = regexp.MustCompile(`^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})`)
	sqlHours      = regexp.MustCompile(`7\s*[×x*]\s*24\s*小时|\d+\s*小时|工作日[^，,；;）)]*|\d{1,2}[:：]\d{2}\s*[-—–~至]\s*\d{1,2}[:：]\d{2}`)
	// sqlStatusWords name a published and an unpublished status.
	sqlPublished   = regexp.MustCompile(`(?i)^(?:published|publish|online|active|normal|enabled?|valid|released?|public|approved|passed|on|yes|y|true|已发布|发布|已上线|上线|正常|启用|有效|显示|公开|已公开|通过|审核通过|是)$`)
	sqlUnpublished = regexp.MustCompile(`(?i)^(?:draft|drafts|deleted?|removed|offline|inactive|disabled?|invalid|pending|hidden|withdrawn|revoked|archived|off|no|n|false|草稿|待发布|未发布|待审核|审核中|删除|已删除|下线|已下线|停用|撤回|已撤回|废止|已废止|无效|隐藏|关闭|否)$`)
	// sqlStatusDesc is one "value=meaning" of a status's description.
	sqlStatusDesc = regexp.MustCompile(`(-?\d+)\s*[=:：\-为是]?\s*(已?发布|已?上线|正常|启用|有效|显示|公开|审核通过|草稿|待发布|未发布|待审核?|审核中|已?删除|已?下线|停用|已?撤回|已?废止|无效|隐藏|关闭)`)
)

// isPhoneCell reports whether s holds phones only.
func isPhoneCell(s string) bool { return sqlPhoneCell.MatchString(strings.TrimSpace(s)) }

// sqlGuide is the tables and columns the guide was found in.
type sqlGuide struct {
	d                                 *sqlDump
	m                                 *sqlTable
	mID, mNum, mTitle, mText, mCat    int
	mLead, mSupport                   int
	units                             *sqlTable
	uID, uName                        int
	uFull                             int
	contacts                          *sqlTable
	cID, cUnit, cPerson, cEmail, cDep int
	cPhones                           []int
	link                              *sqlTable
	lMeasure, lContact, lRole         int
	cats                              *sqlTable
	catID, catName, catSort           int
}

// sqlText: see above. It returns the policy list, what it could not read,
// the numbers written withdrawn (see xmlText) and the copies a corrupted
// copy's reading dropped, or text unchanged.
func sqlText(text string) (string, []Unread, []int, []Duplicate) {
	if !isSQLDump(text) {
		return text, nil, nil, nil
	}
	// A corrupted copy (cut at 。, pieces copied ahead of their places)
	// is read from the last copy of each piece: an earlier copy would
	// open a row twice.
	single, copies := dropEarlierCopies(text)
	d := readSQLDump(strings.TrimPrefix(single, "\uFEFF"))
	g := findSQLGuide(d)
	if g == nil {
		return text, nil, nil, nil
	}
	out, unread, withdrawn := g.render()
	if out == "" {
		return text, nil, nil, nil
	}
	return out, append(d.unread, unread...), withdrawn, copies
}

// findSQLGuide finds the measures table and the tables around it, or nil.
func findSQLGuide(d *sqlDump) *sqlGuide {
	g := &sqlGuide{d: d}
	best := 0
	for _, t := range d.tables {
		text, title := t.textColumns()
		if text < 0 || title < 0 {
			continue
		}
		long := 0
		for _, r := range t.rows {
			if !r[text].null && hanCount(r[text].s) >= 20 {
				long++
			}
		}
		score := long * 2
		if t.find(sqlNumberRole, nil) >= 0 {
			score++
		}
		if long >= 2 && score > best {
			best, g.m, g.mText, g.mTitle = score, t, text, title
		}
	}
	if g.m == nil {
		return nil
	}
	m := g.m
	g.mID = m.pkCol()
	g.mNum = m.numberColumn(g.mID, g.mText, g.mTitle)
	g.mCat = m.find(sqlCategoryKey, func(i int) bool { return i != g.mID && i != g.mNum })
	isIDs := func(i int) bool {
		return i != g.mID && i != g.mNum && i != g.mCat && m.share(i, sqlIDList.MatchString) >= 0.8
	}
	isNames := func(i int) bool {
		return i != g.mText && i != g.mTitle && m.share(i, func(s string) bool {
			for _, u := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；", r) }) {
				if !sqlUnitName.MatchString(strings.TrimSpace(u)) {
					return false
				}
			}
			return true
		}) >= 0.8
	}
	either := func(i int) bool { return isIDs(i) || isNames(i) }
	g.mSupport = m.find(sqlSupportRole, either)
	g.mLead = m.find(sqlLeadRole, func(i int) bool { return i != g.mSupport && either(i) })
	g.findUnits()
	g.findContacts()
	g.findLink()
	g.findCategories()
	return g
}

// textColumns are t's content column (by name, else the one with the most
// Han characters on average) and title column (by name, else the string
// column of short Han text), or -1.
func (t *sqlTable) textColumns() (text, title int) {
	if len(t.rows) == 0 {
		return -1, -1
	}
	text = t.find(sqlContentRole, func(i int) bool { return t.meanHan(i) >= 15 })
	if text < 0 {
		best := 15.0
		for i := range t.cols {
			if h := t.meanHan(i); h > best {
				best, text = h, i
			}
		}
	}
	if text < 0 {
		return -1, -1
	}
	title = t.find(sqlTitleRole, func(i int) bool { return i != text && t.meanHan(i) >= 2 })
	if title < 0 {
		best := 0.0
		for i := range t.cols {
			if h := t.meanHan(i); i != text && h >= 2 && h <= 40 && h > best {
				best, title = h, i
			}
		}
	}
	return text, title
}

// numberColumn is the column numbering the measures: a sort column by
// name, else the integer column (not the row id) whose values count 1…N
// over the rows (or the most of them); -1 if none.
func (t *sqlTable) numberColumn(id, text, title int) int {
	ints := func(i int) bool {
		return i != id && i != text && i != title && t.share(i, sqlInt.MatchString) == 1
	}
	if n := t.find(sqlNumberRole, ints); n >= 0 {
		return n
	}
	best, bestScore := -1, 0
	for i := range t.cols {
		if !ints(i) || sqlKey(t.cols[i]) == "id" || strings.HasSuffix(sqlKey(t.cols[i]), "id") {
			continue
		}
		seen := map[int]bool{}
		top := 0
		for _, r := range t.rows {
			if n, err := strconv.Atoi(r[i].s); err == nil && n > 0 {
				seen[n] = true
				top = max(top, n)
			}
		}
		// Distinct numbers filling most of 1…top.
		if top > 0 && len(seen)*10 >= top*8 && len(seen) > bestScore && len(seen)*2 >= len(t.rows) {
			best, bestScore = i, len(seen)
		}
	}
	return best
}

// ids is the set of column i's integer values.
func (t *sqlTable) ids(i int) map[string]bool {
	out := map[string]bool{}
	if i < 0 {
		return out
	}
	for _, r := range t.rows {
		if !r[i].null {
			out[strings.TrimSpace(r[i].s)] = true
		}
	}
	return out
}

// splitIDs splits a cell listing ids or names.
func splitIDs(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；/|", r) }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// findUnits finds the units table: names ending as units do, ids the
// measures' unit columns list (when they list ids).
func (g *sqlGuide) findUnits() {
	var want []string
	for _, c := range []int{g.mLead, g.mSupport} {
		if c < 0 {
			continue
		}
		for _, r := range g.m.rows {
			if !r[c].null && sqlIDList.MatchString(r[c].s) {
				want = append(want, splitIDs(r[c].s)...)
			}
		}
	}
	bestScore := 0.0
	for _, t := range g.d.tables {
		if t == g.m || len(t.rows) < 2 {
			continue
		}
		id := t.pkCol()
		var names []int
		for i := range t.cols {
			if i != id && t.share(i, func(s string) bool { return sqlUnitName.MatchString(s) }) >= 0.6 && t.meanRunes(i) >= 3 && t.distinct(i) >= 0.8 {
				names = append(names, i)
			}
		}
		if len(names) == 0 || id < 0 {
			continue
		}
		have := t.ids(id)
		hit := 0
		for _, w := range want {
			if have[w] {
				hit++
			}
		}
		if len(want) > 0 && hit*10 < len(want)*9 {
			continue
		}
		score := float64(len(t.rows)) + float64(hit)
		if score > bestScore {
			bestScore, g.units, g.uID = score, t, id
			// Of two name columns the shorter is the name the guide
			// uses; a short name by name wins.
			g.uName, g.uFull = names[0], -1
			for _, n := range names[1:] {
				if t.meanRunes(n) < t.meanRunes(g.uName) {
					g.uName, g.uFull = n, g.uName
				} else if g.uFull < 0 {
					g.uFull = n
				}
			}
			if s := t.find(sqlShortRole, func(i int) bool { return slices.Contains(names, i) }); s >= 0 && s != g.uName {
				g.uFull, g.uName = g.uName, s
			}
		}
	}
}

// distinct is the share of column i's non-empty cells that no other cell
// repeats: a name column's, not a role's or a flag's.
func (t *sqlTable) distinct(i int) float64 {
	count := map[string]int{}
	n := 0
	for _, r := range t.rows {
		if !r[i].null && r[i].s != "" {
			count[r[i].s]++
			n++
		}
	}
	if n == 0 {
		return 0
	}
	once := 0
	for _, c := range count {
		if c == 1 {
			once++
		}
	}
	return float64(once) / float64(n)
}

// meanRunes is the mean length of column i's non-empty cells.
func (t *sqlTable) meanRunes(i int) float64 {
	n, sum := 0, 0
	for _, r := range t.rows {
		if !r[i].null && r[i].s != "" {
			n++
			sum += utf8.RuneCountInString(r[i].s)
		}
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

// unitName is the name the guide uses for the unit with id (its short name,
// else its full name), or "".
func (g *sqlGuide) unitName(id string) string {
	if g.units == nil {
		return ""
	}
	for _, r := range g.units.rows {
		if strings.TrimSpace(r[g.uID].s) != id {
			continue
		}
		if !r[g.uName].null && strings.TrimSpace(r[g.uName].s) != "" {
			return strings.TrimSpace(r[g.uName].s)
		}
		if g.uFull >= 0 && !r[g.uFull].null {
			return strings.TrimSpace(r[g.uFull].s)
		}
	}
	return ""
}

// unitNames reads a measure's unit cell: ids resolved, names as written.
func (g *sqlGuide) unitNames(v sqlValue) []string {
	var out []string
	if v.null {
		return nil
	}
	if sqlIDList.MatchString(v.s) {
		for _, id := range splitIDs(v.s) {
			if n := g.unitName(id); n != "" {
				out = AppendNew(out, n)
			}
		}
		return out
	}
	for _, n := range strings.FieldsFunc(v.s, func(r rune) bool { return strings.ContainsRune(",，、;；", r) }) {
		if n = strings.TrimSpace(n); n != "" {
			out = AppendNew(out, n)
		}
	}
	return out
}

// findContacts finds the contacts table: phone cells in most rows, and a
// unit by id or by name.
func (g *sqlGuide) findContacts() {
	best := 0
	for _, t := range g.d.tables {
		if t == g.m || t == g.units || len(t.rows) == 0 {
			continue
		}
		id := t.pkCol()
		if id < 0 {
			continue
		}
		var phones []int
		for i := range t.cols {
			if i != id && t.share(i, isPhoneCell) >= 0.6 {
				phones = append(phones, i)
			}
		}
		if len(phones) == 0 {
			continue
		}
		unit := -1
		if g.units != nil {
			have := g.units.ids(g.uID)
			unit = slices.IndexFunc(t.cols, func(c string) bool {
				i := slices.Index(t.cols, c)
				return i != id && !slices.Contains(phones, i) && t.share(i, sqlInt.MatchString) == 1 && t.share(i, func(s string) bool { return have[s] }) >= 0.9
			})
		}
		if unit < 0 {
			for i := range t.cols {
				if i != id && !slices.Contains(phones, i) && t.share(i, func(s string) bool { return sqlUnitName.MatchString(s) }) >= 0.6 {
					unit = i
					break
				}
			}
		}
		if unit < 0 {
			continue
		}
		if n := len(t.rows); n > best {
			best, g.contacts, g.cID, g.cUnit, g.cPhones = n, t, id, unit, phones
		}
	}
	if g.contacts == nil {
		return
	}
	t := g.contacts
	free := func(i int) bool { return i != g.cID && i != g.cUnit && !slices.Contains(g.cPhones, i) }
	g.cEmail = -1
	for i := range t.cols {
		if free(i) && (t.is(i, sqlEmailRole) || t.share(i, sqlEmail.MatchString) >= 0.8) {
			g.cEmail = i
			break
		}
	}
	free2 := func(i int) bool { return free(i) && i != g.cEmail }
	g.cPerson = t.find(sqlPersonRole, func(i int) bool { return free2(i) && t.share(i, sqlPersonName.MatchString) >= 0.5 })
	if g.cPerson < 0 {
		for i := range t.cols {
			if free2(i) && t.share(i, sqlPersonName.MatchString) >= 0.8 && t.share(i, sqlUnitName.MatchString) < 0.2 {
				g.cPerson = i
				break
			}
		}
	}
	g.cDep = t.find(sqlDeptRole, func(i int) bool { return free2(i) && i != g.cPerson && t.meanHan(i) > 0 })
}

// findLink finds the table pointing from measure rows to contacts.
func (g *sqlGuide) findLink() {
	g.lMeasure, g.lContact, g.lRole = -1, -1, -1
	if g.contacts == nil || g.mID < 0 || g.cID < 0 {
		return
	}
	mIDs, cIDs := g.m.ids(g.mID), g.contacts.ids(g.cID)
	within := func(t *sqlTable, i int, set map[string]bool) bool {
		return t.share(i, sqlInt.MatchString) == 1 && t.share(i, func(s string) bool { return set[s] }) >= 0.9
	}
	for _, t := range g.d.tables {
		if t == g.m || t == g.contacts || t == g.units || len(t.rows) == 0 {
			continue
		}
		id := t.pkCol()
		pm, pc := -1, -1
		for i, c := range t.cols {
			k := sqlKey(c)
			switch {
			case i == id:
			case pc < 0 && (strings.Contains(k, "contact") || strings.Contains(k, "lxr") || strings.Contains(c, "联系")) && within(t, i, cIDs):
				pc = i
			case pm < 0 && (strings.Contains(k, "policy") || strings.Contains(k, "measure") || strings.Contains(k, "zc") || strings.Contains(k, "item") || strings.Contains(c, "政策")) && within(t, i, mIDs):
				pm = i
			}
		}
		for i := range t.cols {
			if i == id || i == pm || i == pc {
				continue
			}
			if pm < 0 && within(t, i, mIDs) && (pc >= 0 || !within(t, i, cIDs)) {
				pm = i
			} else if pc < 0 && within(t, i, cIDs) {
				pc = i
			}
		}
		if pm < 0 || pc < 0 {
			continue
		}
		g.link, g.lMeasure, g.lContact = t, pm, pc
		g.lRole = t.find(sqlLinkRoleCol, func(i int) bool { return i != pm && i != pc && i != id })
		return
	}
}

// findCategories finds the table the measures' category column points to.
func (g *sqlGuide) findCategories() {
	if g.mCat < 0 || g.m.share(g.mCat, sqlInt.MatchString) < 1 {
		return
	}
	want := g.m.ids(g.mCat)
	best := -1
	for _, t := range g.d.tables {
		if t == g.m || t == g.units || t == g.contacts || t == g.link || len(t.rows) == 0 {
			continue
		}
		id := t.pkCol()
		if id < 0 {
			continue
		}
		have := t.ids(id)
		ok := true
		for w := range want {
			if !have[w] {
				ok = false
			}
		}
		if !ok {
			continue
		}
		name := t.find(sqlTitleRole, func(i int) bool { return i != id && t.meanHan(i) >= 2 })
		score := 2
		if name < 0 {
			score = 0
			for i := range t.cols {
				if i != id && t.meanHan(i) >= 2 && t.meanRunes(i) <= 12 {
					name = i
					break
				}
			}
		}
		if name < 0 {
			continue
		}
		sortCol := t.find(sqlSortRole, func(i int) bool { return i != id && t.share(i, sqlInt.MatchString) == 1 })
		if sortCol >= 0 {
			score += 2
		}
		// A category's name is short; a table of few columns.
		if t.meanRunes(name) <= 12 {
			score++
		}
		if len(t.cols) <= 6 {
			score++
		}
		if score > best {
			best = score
			g.cats, g.catID, g.catName, g.catSort = t, id, name, sortCol
		}
	}
}

// published says whether each measure row is part of the guide, and why
// not.
func (g *sqlGuide) published() []string {
	m := g.m
	why := make([]string, len(m.rows))
	for i := range m.cols {
		k := sqlKey(m.cols[i])
		switch {
		case strings.Contains(k, "deletedat") || strings.Contains(k, "deletetime") || strings.Contains(k, "deltime") || strings.Contains(k, "deletedtime") || strings.Contains(m.cols[i], "删除时间"):
			for r, row := range m.rows {
				if v := strings.TrimSpace(row[i].s); !row[i].null && v != "" && !strings.HasPrefix(v, "0000") && v != "0" {
					why[r] = m.cols[i] + " " + v
				}
			}
		case slices.Contains([]string{"isdeleted", "isdel", "deleted", "delflag", "deleteflag", "del", "sfsc", "scbz", "isdelete", "removed", "isremoved"}, k) || strings.Contains(m.cols[i], "删除"):
			for r, row := range m.rows {
				if truthy(row[i]) {
					why[r] = m.cols[i] + "=" + row[i].s
				}
			}
		case slices.Contains([]string{"isvalid", "valid", "enabled", "enable", "isenable", "isenabled", "isshow", "show", "visible", "online", "isonline", "ispublish", "ispublished", "published", "sfyx", "yxbz", "sffb", "isrelease"}, k):
			for r, row := range m.rows {
				if !row[i].null && !truthy(row[i]) {
					why[r] = m.cols[i] + "=" + row[i].s
				}
			}
		case slices.Contains([]string{"status", "state", "zt", "fbzt", "publishstatus", "pubstatus", "auditstatus", "shzt", "policystatus", "zczt"}, k) || strings.Contains(m.cols[i], "状态") || strings.HasPrefix(m.comments[i], "状态"):
			ok := g.statusPublished(i)
			for r, row := range m.rows {
				if !ok(row[i]) {
					why[r] = m.cols[i] + "=" + row[i].s
				}
			}
		}
	}
	return why
}

// truthy reports whether a flag's value is set.
func truthy(v sqlValue) bool {
	if v.null {
		return false
	}
	s := strings.ToLower(strings.TrimSpace(v.s))
	switch s {
	case "", "0", "false", "f", "n", "no", "否", "\x00":
		return false
	}
	return true
}

// statusPublished says which values of status column i are published:
// words say so; a description in the column's COMMENT maps numbers; else
// the value most rows hold. A negative number is never published.
func (g *sqlGuide) statusPublished(i int) func(sqlValue) bool {
	m := g.m
	desc := map[string]bool{}
	for _, x := range sqlStatusDesc.FindAllStringSubmatch(m.comments[i], -1) {
		desc[x[1]] = sqlPublished.MatchString(x[2]) || strings.Contains(x[2], "发布") && !strings.Contains(x[2], "未") && !strings.Contains(x[2], "待")
	}
	count := map[string]int{}
	for _, r := range m.rows {
		if !r[i].null {
			count[strings.TrimSpace(r[i].s)]++
		}
	}
	common, most := "", 0
	for v, n := range count {
		if n > most || n == most && v > common {
			common, most = v, n
		}
	}
	return func(v sqlValue) bool {
		if v.null {
			return false
		}
		s := strings.TrimSpace(v.s)
		switch {
		case sqlPublished.MatchString(s):
			return true
		case sqlUnpublished.MatchString(s):
			return false
		case strings.HasPrefix(s, "-"):
			return false
		}
		if p, ok := desc[s]; ok {
			return p
		}
		return s == common
	}
}

// latest reports whether row a of the measures is newer than row b: by
// its update time, its creation time, then its row id.
func (g *sqlGuide) latest(a, b []sqlValue) bool {
	m := g.m
	for _, r := range []sqlRole{sqlUpdatedRole, sqlCreatedRole} {
		if i := m.find(r, nil); i >= 0 && a[i].s != b[i].s {
			return a[i].s > b[i].s
		}
	}
	if g.mID >= 0 {
		x, _ := strconv.Atoi(a[g.mID].s)
		y, _ := strconv.Atoi(b[g.mID].s)
		return x > y
	}
	return false
}

// sqlContact is one contact row read.
type sqlContact struct {
	unit, dept, name, hours string
	phones, emails          []string
}

// sqlRecord is one measure read.
type sqlRecord struct {
	num                     int
	title, chapter, content string
	lead, support           []string
	contacts                []sqlContact
}

// sqlContactOf reads contact row r.
func (g *sqlGuide) sqlContactOf(r []sqlValue) sqlContact {
	c := sqlContact{}
	if v := r[g.cUnit]; !v.null {
		if sqlInt.MatchString(strings.TrimSpace(v.s)) {
			c.unit = g.unitName(strings.TrimSpace(v.s))
		} else {
			c.unit = strings.TrimSpace(v.s)
		}
	}
	if g.cPerson >= 0 && !r[g.cPerson].null {
		c.name = strings.TrimSpace(r[g.cPerson].s)
	}
	for _, i := range g.cPhones {
		if r[i].null {
			continue
		}
		for _, p := range strings.FieldsFunc(r[i].s, func(x rune) bool { return strings.ContainsRune("/／、;；,，", x) }) {
			if p = strings.TrimSpace(p); p != "" {
				c.phones = AppendNew(c.phones, xmlPhone(p))
			}
		}
	}
	if g.cEmail >= 0 && !r[g.cEmail].null && strings.Contains(r[g.cEmail].s, "@") {
		c.emails = append(c.emails, strings.TrimSpace(r[g.cEmail].s))
	}
	hours := ""
	if g.cDep >= 0 && !r[g.cDep].null {
		note := strings.TrimSpace(r[g.cDep].s)
		switch {
		case sqlHours.MatchString(note):
			hours = sqlHours.FindString(note)
		case hasAnySuffix(note, append([]string{"窗口", "科室"}, departmentSuffixes...)) && utf8.RuneCountInString(note) <= 14 && !strings.Contains(note, "热线"):
			c.dept = note
		}
	}
	c.hours = hours
	return c
}

// render writes the guide as a policy list (see sqlText).
func (g *sqlGuide) render() (string, []Unread, []int) {
	m := g.m
	var unread []Unread
	if g.mNum < 0 {
		return "", nil, nil
	}
	why := g.published()
	// The kept row of each number; the numbers only dropped rows have.
	kept := map[int][]sqlValue{}
	dropped := map[int]bool{}
	for r, row := range m.rows {
		n, err := strconv.Atoi(strings.TrimSpace(row[g.mNum].s))
		if err != nil || n <= 0 {
			if why[r] == "" {
				unread = append(unread, Unread{Line: Clip(row[g.mTitle].s, 40), Why: "a measure row without a number: " + row[g.mNum].s})
			}
			continue
		}
		if why[r] != "" {
			dropped[n] = true
			continue
		}
		if old, ok := kept[n]; ok {
			newer, older := row, old
			if !g.latest(row, old) {
				newer, older = old, row
			}
			kept[n] = newer
			unread = append(unread, Unread{Line: Clip(older[g.mTitle].s, 40), Why: fmt.Sprintf("a second published row numbered %d: the latest kept", n)})
			continue
		}
		kept[n] = row
	}
	if len(kept) == 0 {
		return "", nil, nil
	}
	nums := make([]int, 0, len(kept))
	top := 0
	for n := range kept {
		nums = append(nums, n)
		top = max(top, n)
	}
	var withdrawn []int
	for n := range dropped {
		if _, ok := kept[n]; !ok && n < top {
			withdrawn = append(withdrawn, n)
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	sort.Ints(withdrawn)
	// The link rows of each measure row id, lead first.
	links := map[string][][]sqlValue{}
	if g.link != nil {
		for _, l := range g.link.rows {
			links[strings.TrimSpace(l[g.lMeasure].s)] = append(links[strings.TrimSpace(l[g.lMeasure].s)], l)
		}
		for k, ls := range links {
			sort.SliceStable(ls, func(a, b int) bool { return !g.isSupport(ls[a]) && g.isSupport(ls[b]) })
			links[k] = ls
		}
	}
	contactRow := map[string][]sqlValue{}
	if g.contacts != nil {
		for _, r := range g.contacts.rows {
			contactRow[strings.TrimSpace(r[g.cID].s)] = r
		}
	}
	// Sections: each category's rank by its sort column among those the
	// measures name.
	rank := g.sectionRanks(kept)
	var records []sqlRecord
	for _, n := range nums {
		row, ok := kept[n]
		if !ok {
			for _, r := range m.rows {
				if strings.TrimSpace(r[g.mNum].s) == strconv.Itoa(n) {
					row = r
				}
			}
			records = append(records, sqlRecord{num: n, title: strings.TrimSpace(row[g.mTitle].s) + "（已撤回）", content: fieldValue(row[g.mText].s)})
			continue
		}
		rec := sqlRecord{num: n, title: strings.TrimSpace(row[g.mTitle].s), content: fieldValue(strings.ReplaceAll(row[g.mText].s, "\r", ""))}
		if g.mCat >= 0 {
			rec.chapter = rank[strings.TrimSpace(row[g.mCat].s)]
		}
		if g.mLead >= 0 {
			rec.lead = g.unitNames(row[g.mLead])
		}
		if g.mSupport >= 0 {
			rec.support = g.unitNames(row[g.mSupport])
		}
		var ids []string
		if g.mID >= 0 {
			for _, l := range links[strings.TrimSpace(row[g.mID].s)] {
				ids = AppendNew(ids, strings.TrimSpace(l[g.lContact].s))
			}
		}
		if len(ids) == 0 && g.contacts != nil {
			// No link row: the contacts of its lead units.
			for _, r := range g.contacts.rows {
				c := g.sqlContactOf(r)
				if c.unit != "" && slices.Contains(rec.lead, c.unit) {
					ids = append(ids, strings.TrimSpace(r[g.cID].s))
				}
			}
		}
		for _, id := range ids {
			r, ok := contactRow[id]
			if !ok {
				unread = append(unread, Unread{Line: Clip(rec.title, 40), Why: "a contact the contacts table lacks: " + id})
				continue
			}
			rec.contacts = append(rec.contacts, g.sqlContactOf(r))
		}
		records = append(records, rec)
	}
	meta, notes := g.docMeta()
	lines := append(headLines(meta.title, meta.date, meta.issuer, meta.docno), notes...)
	chapter := ""
	for _, r := range records {
		if r.chapter != "" && r.chapter != chapter {
			chapter = r.chapter
			lines = append(lines, chapter)
		}
		_, head := recordHead(r.num, strings.TrimSuffix(r.title, "。"), r.content)
		lines = append(append(lines, head...), sqlDuty(r)...)
	}
	out := strings.Join(lines, "\n")
	return out, unread, withdrawn
}

// sqlDuty writes a measure's duty block as the policy-list reader reads
// it: its lead and support units, then each contact in order: a person as
// "联系人：科室 姓名（单位）" (so that a support unit's department is read
// as one) with the person's phones and hours and e-mail lines after; a
// contact without a person as "联系单位：单位　　咨询电话：号码（时间）" when
// its unit is a lead unit, else as "咨询电话：号码（时间）（单位）" (a 联系单位
// line would make its unit a lead unit).
func sqlDuty(r sqlRecord) []string {
	var lines []string
	if len(r.lead) > 0 {
		u := "责任单位：" + strings.Join(r.lead, "、")
		if len(r.support) > 0 {
			u += "；配合单位：" + strings.Join(r.support, "、")
		}
		lines = append(lines, u)
	}
	for _, c := range r.contacts {
		phones := strings.Join(c.phones, "；")
		if c.hours != "" && phones != "" {
			phones += "（" + c.hours + "）"
		}
		tag := ""
		if c.unit != "" {
			tag = "（" + c.unit + "）"
		}
		switch {
		case c.name != "":
			who := c.name
			if c.dept != "" {
				who = c.dept + " " + who
			}
			lines = append(lines, "联系人："+who+tag)
			if phones != "" {
				lines = append(lines, "联系电话："+phones)
			}
		case phones != "" && slices.Contains(r.lead, c.unit):
			// A lead unit's: read as its own contact, not as the
			// person's before it of the same unit.
			lines = append(lines, "联系单位："+c.unit+"　　咨询电话："+strings.ReplaceAll(phones, "；", "、"))
		case phones != "":
			lines = append(lines, "咨询电话："+strings.ReplaceAll(phones, "；", "、")+tag)
		}
		if len(c.emails) > 0 {
			e := "电子邮箱：" + strings.Join(c.emails, "、")
			if c.name == "" && phones == "" {
				e += tag
			}
			lines = append(lines, e)
		}
	}
	return lines
}

// isSupport reports whether a link row names a supporting contact.
func (g *sqlGuide) isSupport(l []sqlValue) bool {
	if g.lRole < 0 || l[g.lRole].null {
		return false
	}
	s := strings.ToLower(strings.TrimSpace(l[g.lRole].s))
	return strings.Contains(s, "support") || strings.Contains(s, "assist") || strings.Contains(s, "co") || s == "2" ||
		strings.Contains(s, "配合") || strings.Contains(s, "协")
}

// sectionRanks names each category id its section heading ("三、房租减免"),
// numbered by the category's sort column among those the kept rows name.
func (g *sqlGuide) sectionRanks(kept map[int][]sqlValue) map[string]string {
	out := map[string]string{}
	if g.mCat < 0 {
		return out
	}
	used := map[string]bool{}
	for _, r := range kept {
		used[strings.TrimSpace(r[g.mCat].s)] = true
	}
	if g.cats == nil {
		// The column holds the names: numbered by their first measures.
		var nums []int
		for n := range kept {
			nums = append(nums, n)
		}
		sort.Ints(nums)
		k := 0
		for _, n := range nums {
			c := strings.TrimSpace(kept[n][g.mCat].s)
			if _, ok := out[c]; !ok && c != "" && !sqlInt.MatchString(c) {
				k++
				out[c] = Numeral(k) + "、" + sectionNumber.ReplaceAllString(c, "")
			}
		}
		return out
	}
	t := g.cats
	rows := slices.Clone(t.rows)
	key := func(r []sqlValue) int {
		c := g.catID
		if g.catSort >= 0 {
			c = g.catSort
		}
		n, _ := strconv.Atoi(strings.TrimSpace(r[c].s))
		return n
	}
	sort.SliceStable(rows, func(a, b int) bool { return key(rows[a]) < key(rows[b]) })
	k := 0
	for _, r := range rows {
		id := strings.TrimSpace(r[g.catID].s)
		if !used[id] {
			continue
		}
		k++
		out[id] = Numeral(k) + "、" + sectionNumber.ReplaceAllString(strings.TrimSpace(r[g.catName].s), "")
	}
	return out
}

// docMeta finds the document's row: a table of few rows whose title names
// a guide; its issuer, 文号, date, and its introduction and area code as
// notes.
func (g *sqlGuide) docMeta() (xmlDocMeta, []string) {
	var meta xmlDocMeta
	var notes []string
	guideWord := regexp.MustCompile(`指南|政策|措施|通知|办法|清单|意见|方案|细则|汇编|问答`)
	for _, t := range g.d.tables {
		if t == g.m || t == g.units || t == g.contacts || t == g.link || t == g.cats || len(t.rows) == 0 || len(t.rows) > 5 {
			continue
		}
		title := t.find(sqlTitleRole, func(i int) bool {
			return t.share(i, func(s string) bool { return hanCount(s) >= 6 && guideWord.MatchString(s) }) > 0
		})
		if title < 0 {
			continue
		}
		row := t.rows[0]
		for _, r := range t.rows {
			if !r[title].null && guideWord.MatchString(r[title].s) {
				row = r
				break
			}
		}
		get := func(r sqlRole, ok func(string) bool) string {
			for i := range t.cols {
				if i != title && t.is(i, r) && !row[i].null && (ok == nil || ok(row[i].s)) {
					return strings.TrimSpace(row[i].s)
				}
			}
			return ""
		}
		meta.title = strings.TrimSpace(row[title].s)
		meta.issuer = get(sqlIssuerRole, func(s string) bool { return hanCount(s) >= 2 })
		meta.docno = get(sqlDocNoRole, nil)
		if meta.docno == "" {
			for i := range t.cols {
				if !row[i].null && sqlDocNo.MatchString(row[i].s) && utf8.RuneCountInString(row[i].s) <= 30 {
					meta.docno = strings.TrimSpace(row[i].s)
				}
			}
		}
		if x := sqlISODate.FindStringSubmatch(get(sqlDateRole, sqlISODate.MatchString)); x != nil {
			meta.date = x[1] + "-" + pad2(x[2]) + "-" + pad2(x[3])
		}
		if intro := get(sqlIntroRole, func(s string) bool { return hanCount(s) >= 8 }); intro != "" {
			notes = append(notes, ended(fieldValue(intro)))
		}
		if a := get(sqlAreaRole, areaCode.MatchString); a != "" {
			notes = append(notes, "联系电话未标注区号的，区号均为"+a+"。")
		}
		break
	}
	return meta, notes
}
