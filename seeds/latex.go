package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// An operator may hand over a guide as the LaTeX source the district's
// typesetting office wrote (ctexart under XeLaTeX, say), not the PDF it
// compiles to: a preamble of packages, settings and macro definitions,
// comments (a measure's old text, a deleted row), the title block, section
// numbers that \ctexset writes (the source holds no 一、), list labels that
// enumitem counts (（一）… anew in every list), user macros that add words
// (\dianhua{N} → 电话：N), a footnote holding an end date, and the contact
// table as a longtable whose header repeats on every page, whose unit
// cells span rows (\multirow) and whose cells hold two lines (\makecell).
//
// latexText turns such a source into the text a reader of the PDF sees,
// before any layout is chosen (as rtfText does for a Word document's RTF),
// so that the readers take it like any other guide:
//   - the preamble prints nothing; its \newcommand / \def macros (any
//     number of arguments, #1…#9) are expanded in the body, its \ctexset
//     section names and numbers and its \setlist labels are kept;
//   - comments (% to the line's end, not \%) and \iffalse … \fi are
//     dropped; a blank line or \par ends a paragraph, \\ a line;
//   - \section{…} is written with its number as \ctexset sets it (name =
//     {,、}, number = \chinese{section}: 一、…), \section* without one;
//   - an enumerate's \item is written with its label (label=（\chinese*）,
//     \arabic*., start=, resume), counting anew in every list; an explicit
//     \item[（十一）] keeps its own label (and steps no counter);
//   - font and size commands, \textbf{…} and the like are unwrapped;
//     \href{url}{text} is its text, ~ a space (nothing beside a CJK
//     character, as any source space there), -- and --- dashes, \% \&
//     and the other escapes their characters;
//   - a footnote's text follows its paragraph on a line of its own,
//     "注：…", as rtfText writes a Word footnote;
//   - \maketitle writes \title (its \\ lines), \author and \date;
//   - a tabular or longtable row is one line, its cells separated by TABs
//     (the table pasted from a web page that normalizeTabTables reads): the
//     rules (\hline, \toprule, \cline …) dropped, a \multirow cell filled
//     into the empty cells of the rows it spans, a \multicolumn cell
//     followed by the empty cells it covers, a cell's lines (\makecell
//     {A\\B}) joined directly inside a name or by 、 between two numbers
//     or two short names, and a longtable's repeated head (\endhead) and
//     foot (\endfoot, "续下页") read once: the first head only.
//
// No maintained Go LaTeX reader was at hand; this one reads only what a
// guide's source uses and never panics on malformed input (unbalanced
// braces, an environment never closed, recursive macros: expansions are
// counted, nesting is bounded; fuzzed by FuzzLaTeX).

// latexLine is a line that marks a LaTeX source: the document class or the
// document's start.
var latexLine = regexp.MustCompile(`(?m)^[ \t]*\\(?:documentclass|begin\{document\})`)

// isLaTeX reports whether text is a LaTeX source (see above).
func isLaTeX(text string) bool {
	return strings.Contains(text, `\`) && latexLine.MatchString(text)
}

// texMacro is a user macro: its arguments (the first optional, with a
// default, where opt is set) and its body.
type texMacro struct {
	args int
	opt  *string
	body string
}

// texSection is how \ctexset writes a sectioning level's number: the words
// before and after it (name = {第,节}) and its number's template.
type texSection struct {
	pre, post, number string
}

// texReader is the state of one conversion.
type texReader struct {
	macros   map[string]texMacro
	envs     map[string][2]string // user environments: begin and end code
	counters map[string]int
	sections map[string]texSection
	labels   map[int]string // enumerate labels per level (\setlist)
	lastItem map[int]int    // each level's last counter (for resume)
	title    string
	author   string
	date     string
	hasDate  bool
	notes    []string // footnotes waiting for their paragraph's end
	budget   int      // macro expansions left
	depth    int      // nesting of processing
	enums    int      // enumerate nesting
	lists    int      // list nesting
	limit    int      // output size limit
	// In a table cell: what \multirow and \multicolumn said; by column,
	// the rows the \multirow cells of the row just read span.
	mrow, mcol int
	spans      map[int]int
	items      int // items opening with a bold title (see latexText)
	// A corrupted copy's numbers (see homeNumbers): the first reading
	// records its headings and items (collect), the second numbers each
	// occurrence as its home does.
	collect        bool
	events         []texEvent
	secOcc, occ    int         // numbered headings and counted items read
	secNum, itemNo map[int]int // occurrence -> number
	// A table's rows naming the items' titles (see tableNumbers): its
	// rows' titles by number, and by an explicit item's occurrence the
	// number to write instead of its label.
	rowTitles  map[string]int
	xocc       int
	explicitNo map[int]int
}

// texEvent is a numbered heading ('s'), a list's start ('l') or a counted
// item ('i') in reading order.
type texEvent struct {
	kind     byte
	explicit bool   // an item with its own label ('i' only)
	title    string // an item's bold title
	key      string // a heading's level and title, an item's first sentence
	level    string // a heading's level
	depth    int    // a list's or item's enumerate level
	start    int    // a list's first number
	resume   bool
	occ      int // the heading's or item's occurrence
}

// texOut is where text is written: the document or a cell.
type texOut struct {
	b     strings.Builder
	last  rune // the last character of the current line, 0 at its start
	space bool // a space is pending
	main  bool // the document: footnotes follow its paragraphs
}

// texSectionLevels are the sectioning commands, outermost first.
var texSectionLevels = []string{"part", "chapter", "section", "subsection", "subsubsection"}

// latexText returns the text a LaTeX source shows (see above), or text
// unchanged when it is no LaTeX source. items counts the list items that
// open with a bold bracket-numbered title ended as a sentence, "\item
// \textbf{标题。}正文…" under the label （一）: the source's own mark of a
// measure, which the text alone does not keep (a short title ended with 。
// may as well be a sub-item's; see detectParens), as htmlText counts a
// page's bold titles.
func latexText(text string) (out string, items int) {
	if !isLaTeX(text) {
		return text, 0
	}
	return readLaTeX(text)
}

// readLaTeX is latexText of a LaTeX source.
func readLaTeX(text string) (out string, items int) {
	src := stripTeXComments(strings.ReplaceAll(text, "\r\n", "\n"))
	r := &texReader{macros: map[string]texMacro{}, envs: map[string][2]string{}, counters: map[string]int{},
		sections: map[string]texSection{}, labels: map[int]string{}, lastItem: map[int]int{}, budget: 20000,
		limit: 4*len(src) + 1<<20}
	if strings.Contains(src, `{ctexbook}`) || strings.Contains(src, `{ctexrep}`) {
		r.sections["chapter"] = texSection{pre: "第", post: "章", number: `\chinese{chapter}`}
	}
	body := src
	if i := strings.Index(src, `\begin{document}`); i >= 0 {
		pre := &texOut{}
		r.process(src[:i], pre)
		body = src[i+len(`\begin{document}`):]
		if j := strings.Index(body, `\end{document}`); j >= 0 {
			body = body[:j]
		}
	}
	// The first reading records the numbered headings and items; the
	// second writes them numbered by their homes (see homeNumbers).
	first := *r
	first.collect = true
	first.macros, first.counters, first.lastItem = cloneMap(r.macros), cloneMap(r.counters), cloneMap(r.lastItem)
	first.process(body, &texOut{main: true})
	r.secNum, r.itemNo = homeNumbers(first.events)
	if no, xno := tableNumbers(first.events, first.rowTitles); no != nil {
		r.itemNo, r.explicitNo = no, xno
	}
	o := &texOut{main: true}
	r.process(body, o)
	r.par(o)
	return strings.TrimLeft(o.b.String(), "\n"), r.items
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// homeNumbers numbers the headings and items of a source whose sentences
// may have been copied ahead of their places (a corrupted copy: the
// copies carry no number, LaTeX counts them). An item or heading counts
// only where its key stands last (its home: a copy stands ahead of it);
// each earlier copy takes its home's number, so that its text is the
// home's word for word, a copy the readers drop. A list restarts its count
// only where its first item is at home (a copied list start splits no
// list). A clean source, where every key stands once, is numbered as
// LaTeX numbers it.
func homeNumbers(events []texEvent) (secNum, itemNo map[int]int) {
	home := map[string]int{}
	for i, e := range events {
		if e.kind != 'l' && !e.explicit {
			home[string(e.kind)+e.key] = i
		}
	}
	secNum, itemNo = map[int]int{}, map[int]int{}
	secs, items := map[string]int{}, map[int]int{}
	secByKey, itemByKey := map[string]int{}, map[string]int{}
	for i, e := range events {
		switch e.kind {
		case 's':
			if home["s"+e.key] == i {
				secs[e.level]++
				deeper := false
				for _, l := range texSectionLevels {
					if deeper {
						secs[l] = 0
					}
					deeper = deeper || l == e.level
				}
				secByKey[e.key] = secs[e.level]
			}
		case 'l':
			restart := true
			for j := i + 1; j < len(events); j++ {
				f := events[j]
				if f.kind == 'i' && f.depth == e.depth && !f.explicit {
					restart = home["i"+f.key] == j
					break
				}
				if f.kind == 'l' && f.depth == e.depth {
					break
				}
			}
			if restart && !e.resume {
				items[e.depth] = e.start - 1
			}
		case 'i':
			if !e.explicit && home["i"+e.key] == i {
				items[e.depth]++
				itemByKey[e.key] = items[e.depth]
			}
		}
	}
	for _, e := range events {
		switch e.kind {
		case 's':
			secNum[e.occ] = secByKey[e.key]
		case 'i':
			if !e.explicit {
				itemNo[e.occ] = itemByKey[e.key]
			}
		}
	}
	return secNum, itemNo
}

// tableNumbers numbers the items by the contact table where its rows name
// them: a guide's table numbers its measures through the document (序号
// 1–41) and names each by its title, the item's bold title. A corrupted
// copy moves items out of their lists, so that LaTeX counts those after
// one short while the table still names them: the text would stand
// beside another measure's contact. Where at least two items in three
// are named by a row and some item stands elsewhere than its row's
// number in reading order, each item is written with its row's number
// (an item no row names with the number after the one before it), the
// labels then counting through the document (（十二）… in every section,
// as a guide numbering its measures through writes them). A source whose
// items stand where the table numbers them is left as LaTeX numbers it.
func tableNumbers(events []texEvent, rows map[string]int) (itemNo, explicitNo map[int]int) {
	if len(rows) < 2 {
		return nil, nil
	}
	keys, named := map[string]bool{}, map[string]bool{}
	num := make([]int, len(events))
	at, moved := 0, false
	for i, e := range events {
		if e.kind != 'i' || e.depth != 1 {
			continue
		}
		at++
		keys[e.key] = true
		if n := titleNumber(rows, e.title); n > 0 {
			num[i] = n
			named[e.key] = true
			moved = moved || n != at
		}
	}
	if !moved || len(named)*3 < len(keys)*2 {
		return nil, nil
	}
	itemNo, explicitNo = map[int]int{}, map[int]int{}
	prev := 0
	for i, e := range events {
		if e.kind != 'i' || e.depth != 1 {
			continue
		}
		n := num[i]
		if n == 0 {
			n = prev + 1
		}
		prev = n
		if e.explicit {
			explicitNo[e.occ] = n
		} else {
			itemNo[e.occ] = n
		}
	}
	return itemNo, explicitNo
}

// itemKey is an item's first sentence as written, blanks removed: a
// corrupted copy's sentence is cut at its 。.
func itemKey(item string) string {
	if k := strings.Index(item, "。"); k >= 0 {
		item = item[:k]
	}
	return strings.Join(strings.Fields(item), "")
}

// stripTeXComments drops every comment: a % not escaped by a backslash, to
// the line's end, with the line break and the next line's leading blanks
// (as TeX reads it: a whole-line comment leaves no line behind).
func stripTeXComments(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		i := unescapedPercent(s)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		nl := strings.IndexByte(s, '\n')
		if nl < 0 {
			break
		}
		s = strings.TrimLeft(s[nl+1:], " \t")
	}
	return b.String()
}

// unescapedPercent returns the index of the first % of s that an odd run
// of backslashes does not escape, or -1.
func unescapedPercent(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		n := 0
		for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return i
		}
	}
	return -1
}

// texScanner reads a source string.
type texScanner struct {
	s string
	i int
}

func (sc *texScanner) eof() bool { return sc.i >= len(sc.s) }

// skipBlank skips spaces, tabs and at most one line break (as TeX does
// between a command and its arguments).
func (sc *texScanner) skipBlank() {
	nl := false
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case ' ', '\t', '\r':
			sc.i++
			continue
		case '\n':
			if nl {
				return
			}
			nl = true
			sc.i++
			continue
		}
		return
	}
}

// name reads a control sequence's name after its backslash: letters (and
// @), or one other character.
func (sc *texScanner) name() string {
	if sc.eof() {
		return ""
	}
	start := sc.i
	for sc.i < len(sc.s) && (isLetter(sc.s[sc.i]) || sc.s[sc.i] == '@') && sc.i-start < 64 {
		sc.i++
	}
	if sc.i > start {
		return sc.s[start:sc.i]
	}
	_, size := utf8.DecodeRuneInString(sc.s[sc.i:])
	sc.i += size
	return sc.s[start:sc.i]
}

// group reads a balanced {…} at sc.i (the braces not included). An
// unclosed group ends at its paragraph's end (a blank line) or the text's:
// a corrupted copy cut a title's "\textbf{…。" from its "}", and the
// group would otherwise take in every section up to some other "}".
func (sc *texScanner) group() string {
	sc.i++ // {
	start, depth := sc.i, 1
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case '\\':
			sc.i += 2
			continue
		case '\n':
			if blankLineAt(sc.s, sc.i) {
				return sc.s[start:sc.i]
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				sc.i++
				return sc.s[start : sc.i-1]
			}
		}
		sc.i++
	}
	sc.i = len(sc.s)
	return sc.s[start:]
}

// blankLineAt reports whether the line break at s[i] ends a paragraph: a
// blank line follows.
func blankLineAt(s string, i int) bool {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return false
}

// arg reads a command's argument: a group, a control sequence or one
// character; "" at the end.
func (sc *texScanner) arg() string {
	sc.skipBlank()
	if sc.eof() {
		return ""
	}
	switch sc.s[sc.i] {
	case '{':
		return sc.group()
	case '\\':
		start := sc.i
		sc.i++
		sc.name()
		return sc.s[start:sc.i]
	case '}':
		return ""
	}
	_, size := utf8.DecodeRuneInString(sc.s[sc.i:])
	sc.i += size
	return sc.s[sc.i-size : sc.i]
}

// opt reads an optional argument [...] if one follows.
func (sc *texScanner) opt() (string, bool) {
	save := sc.i
	sc.skipBlank()
	if sc.eof() || sc.s[sc.i] != '[' {
		sc.i = save
		return "", false
	}
	sc.i++
	start, depth := sc.i, 0
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case '\\':
			sc.i += 2
			continue
		case '{':
			depth++
		case '}':
			depth--
		case ']':
			if depth <= 0 {
				sc.i++
				return sc.s[start : sc.i-1], true
			}
		}
		sc.i++
	}
	sc.i = len(sc.s)
	return sc.s[start:], true
}

// star reads a * if one follows.
func (sc *texScanner) star() bool {
	if sc.i < len(sc.s) && sc.s[sc.i] == '*' {
		sc.i++
		return true
	}
	return false
}

// envBody reads an environment's body up to its \end{name} (nested
// environments of the same name counted); an unclosed one runs to the end.
func (sc *texScanner) envBody(name string) string {
	open, end := `\begin{`+name+`}`, `\end{`+name+`}`
	start, depth := sc.i, 1
	for sc.i < len(sc.s) {
		k := strings.IndexByte(sc.s[sc.i:], '\\')
		if k < 0 {
			break
		}
		sc.i += k
		switch {
		case strings.HasPrefix(sc.s[sc.i:], end):
			depth--
			if depth == 0 {
				body := sc.s[start:sc.i]
				sc.i += len(end)
				return body
			}
			sc.i += len(end)
		case strings.HasPrefix(sc.s[sc.i:], open):
			depth++
			sc.i += len(open)
		default:
			sc.i += 2
		}
	}
	sc.i = len(sc.s)
	return sc.s[start:]
}

// render returns the text src shows, written apart from the document (a
// title, a label, a cell).
func (r *texReader) render(src string) string {
	o := &texOut{}
	r.process(src, o)
	return strings.TrimSpace(o.b.String())
}

// process writes the text src shows to o.
func (r *texReader) process(src string, o *texOut) {
	if r.depth > 64 || o.b.Len() > r.limit {
		o.text(stripTeX(src))
		return
	}
	r.depth++
	defer func() { r.depth-- }()
	sc := &texScanner{s: src}
	for !sc.eof() && o.b.Len() <= r.limit {
		c := sc.s[sc.i]
		switch c {
		case '\\':
			sc.i++
			r.command(sc, o)
			continue
		case '{':
			r.process(sc.group(), o)
			continue
		case '}', '&', '#', '^', '_':
			sc.i++
			continue
		case '%':
			nl := strings.IndexByte(sc.s[sc.i:], '\n')
			if nl < 0 {
				sc.i = len(sc.s)
			} else {
				sc.i += nl + 1
			}
			continue
		case '~':
			sc.i++
			o.space = true
			continue
		case '$':
			sc.i++
			display := sc.i < len(sc.s) && sc.s[sc.i] == '$'
			if display {
				sc.i++
			}
			end := strings.IndexByte(sc.s[sc.i:], '$')
			if end < 0 {
				end = len(sc.s) - sc.i
			}
			r.process(sc.s[sc.i:sc.i+end], o)
			sc.i = min(len(sc.s), sc.i+end+1)
			if display && sc.i < len(sc.s) && sc.s[sc.i] == '$' {
				sc.i++
			}
			continue
		case '\n':
			sc.i++
			j := sc.i
			for j < len(sc.s) && (sc.s[j] == ' ' || sc.s[j] == '\t' || sc.s[j] == '\r') {
				j++
			}
			if j < len(sc.s) && sc.s[j] == '\n' {
				for sc.i < len(sc.s) && strings.IndexByte(" \t\r\n", sc.s[sc.i]) >= 0 {
					sc.i++
				}
				r.par(o)
			} else {
				o.space = true
			}
			continue
		case ' ', '\t', '\r':
			sc.i++
			o.space = true
			continue
		case '-', '`', '\'':
			// TeX ligatures: --- and -- dashes, `` and '' double quotes,
			// ` and ' single ones; the longest first.
			for _, l := range texLigatures {
				if strings.HasPrefix(sc.s[sc.i:], l.tex) {
					sc.i += len(l.tex)
					o.text(l.text)
					break
				}
			}
			continue
		}
		// A run of plain text.
		j := sc.i + 1
		for j < len(sc.s) && strings.IndexByte("\\{}&#^_%~$\n \t\r-`'", sc.s[j]) < 0 {
			j++
		}
		o.text(sc.s[sc.i:j])
		sc.i = j
	}
}

// stripTeX is src without its markup, for text nested beyond reason.
func stripTeX(src string) string {
	return strings.NewReplacer("{", "", "}", "", "\\", "").Replace(src)
}

// texDrop are the commands that print nothing, with the number of
// arguments they take (their optional ones are skipped too).
var texDrop = map[string]int{
	"documentclass": 1, "usepackage": 1, "RequirePackage": 1, "zihao": 1, "vspace": 1, "label": 1,
	"pagestyle": 1, "thispagestyle": 1, "pagenumbering": 1, "hypersetup": 1, "geometry": 1, "setmainfont": 1,
	"setCJKmainfont": 1, "setCJKsansfont": 1, "setCJKmonofont": 1, "setsansfont": 1, "setmonofont": 1,
	"color": 1, "fontsize": 2, "linespread": 1, "setlength": 2, "addtolength": 2, "includegraphics": 1,
	"bibliographystyle": 1, "bibliography": 1, "fancyhead": 1, "fancyfoot": 1, "fancyhf": 1, "lhead": 1, "chead": 1,
	"rhead": 1, "lfoot": 1, "cfoot": 1, "rfoot": 1, "ref": 1, "pageref": 1, "eqref": 1, "cite": 1, "input": 1,
	"include": 1, "includeonly": 1, "cline": 1, "cmidrule": 1, "AddEnumerateCounter": 3, "definecolor": 3,
	"newcounter": 1, "newlength": 1, "settowidth": 2, "graphicspath": 1, "rowcolor": 1, "cellcolor": 1,
	"columncolor": 1, "arrayrulecolor": 1, "ding": 1, "rule": 2, "hspace": 1, "addvspace": 1,
	"newgeometry": 1, "CTEXsetup": 1, "titleformat": 5, "titlespacing": 4, "captionsetup": 1, "setmathfont": 1,
	"newfontfamily": 2, "setCJKfamilyfont": 2, "newCJKfontfamily": 2, "pdfbookmark": 2, "bookmark": 1,
	"raisebox": 1, "phantom": 1, "hphantom": 1, "vphantom": 1, "addcontentsline": 3, "setcounter": 2,
	"addtocounter": 2, "stepcounter": 1, "refstepcounter": 1, "nocite": 1, "bibitem": 1, "lstset": 1,
	"tcbset": 1,
}

// texText are the commands that stand for characters.
var texText = map[string]string{
	"%": "%", "&": "&", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", "@": "", "/": "", "-": "",
	",": "", ";": " ", ":": " ", "!": "", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": "",
	"ldots": "…", "dots": "…", "textellipsis": "…", "cdots": "…", "textendash": "–", "textemdash": "—",
	"textbullet": "•", "S": "§", "P": "¶", "textbackslash": "\\", "yen": "¥", "textyen": "¥", "checkmark": "√",
	"LaTeX": "LaTeX", "TeX": "TeX", "XeLaTeX": "XeLaTeX", "textasciitilde": "~", "textasciicircum": "^",
	"textbar": "|", "textless": "<", "textgreater": ">", "textquotedblleft": "“", "textquotedblright": "”",
	"textquoteleft": "‘", "textquoteright": "’", "geq": "≥", "ge": "≥", "leq": "≤", "le": "≤", "times": "×",
	"div": "÷", "pm": "±", "sim": "～", "cdot": "·", "approx": "≈", "neq": "≠", "ne": "≠", "to": "→",
	"rightarrow": "→", "Rightarrow": "⇒", "textdegree": "°", "circ": "°", "textcelsius": "℃", "permil": "‰",
	"textperthousand": "‰", "square": "□", "Box": "□", "blacksquare": "■", "textregistered": "®",
	"copyright": "©", "textcopyright": "©", "slash": "/", "nobreakspace": " ",
}

// texWrap are the commands whose last argument is text shown as is.
var texWrap = map[string]int{
	"textbf": 1, "textit": 1, "emph": 1, "underline": 1, "uline": 1, "uuline": 1, "uwave": 1, "sout": 1,
	"textsf": 1, "texttt": 1, "textrm": 1, "textsc": 1, "textup": 1, "textmd": 1, "textnormal": 1, "textsl": 1,
	"mbox": 1, "hbox": 1, "fbox": 1, "text": 1, "textcolor": 2, "colorbox": 2, "fcolorbox": 3, "href": 2,
	"hyperlink": 2, "hyperref": 1, "CJKunderline": 1, "CJKunderdot": 1, "CJKunderwave": 1, "ul": 1,
	"mathrm": 1, "mathbf": 1, "operatorname": 1, "boldsymbol": 1, "textsuperscript": 1,
	"textsubscript": 1, "makebox": 1, "framebox": 1, "parbox": 2, "centerline": 1, "leftline": 1,
	"rightline": 1, "url": 1, "nolinkurl": 1, "enquote": 1, "ensuremath": 1, "emoji": 1,
}

// command handles a control sequence after its backslash.
func (r *texReader) command(sc *texScanner, o *texOut) {
	name := sc.name()
	if name == "" {
		return
	}
	letters := isLetter(name[0]) || name[0] == '@'
	if letters && !sc.eof() && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
		// The blank after a command's name is its end, never text.
		for !sc.eof() && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
			sc.i++
		}
	}
	if m, ok := r.macros[name]; ok {
		r.expand(sc, m, o)
		return
	}
	if s, ok := texText[name]; ok {
		if s == " " {
			o.space = true
		} else {
			o.text(s)
		}
		return
	}
	switch name {
	case "\\", "newline", "linebreak", "tabularnewline", "break":
		sc.star()
		if name == "\\" {
			sc.opt()
		}
		o.newline()
		return
	case "par":
		r.par(o)
		return
	case "newpage", "clearpage", "cleardoublepage", "pagebreak", "bigskip", "medskip", "smallskip", "vfill":
		r.par(o)
		return
	case "newcommand", "renewcommand", "providecommand", "DeclareRobustCommand", "NewDocumentCommand":
		r.define(sc, name == "providecommand")
		return
	case "def", "gdef", "edef", "xdef":
		r.def(sc)
		return
	case "newenvironment", "renewenvironment":
		sc.star()
		env := strings.TrimSpace(sc.arg())
		n, _ := sc.opt()
		sc.opt()
		_ = n
		r.envs[env] = [2]string{sc.arg(), sc.arg()}
		return
	case "ctexset":
		r.ctexset(sc.arg())
		return
	case "setlist":
		which, _ := sc.opt()
		r.setlist(which, sc.arg())
		return
	case "title":
		sc.opt()
		r.title = sc.arg()
		return
	case "author":
		r.author = sc.arg()
		return
	case "date":
		r.date, r.hasDate = sc.arg(), true
		return
	case "maketitle":
		r.maketitle(o)
		return
	case "part", "chapter", "section", "subsection", "subsubsection":
		r.heading(sc, name, o)
		return
	case "paragraph", "subparagraph":
		sc.star()
		sc.opt()
		r.par(o)
		r.process(sc.arg(), o)
		o.space = true
		return
	case "begin":
		r.environment(sc, strings.TrimSpace(sc.arg()), o)
		return
	case "end":
		sc.arg()
		return
	case "item":
		// Outside a list (its lists are read by list): a line of its own.
		if lbl, ok := sc.opt(); ok {
			r.par(o)
			r.process(lbl, o)
		} else {
			r.par(o)
		}
		return
	case "footnote", "footnotetext":
		sc.opt()
		if t := strings.Join(strings.Fields(r.render(sc.arg())), " "); t != "" {
			r.notes = append(r.notes, t)
		}
		return
	case "footnotemark":
		sc.opt()
		return
	case "caption":
		sc.opt()
		r.par(o)
		r.process(sc.arg(), o)
		r.par(o)
		return
	case "iffalse":
		// Text between \iffalse and its \fi is never typeset.
		depth := 1
		for !sc.eof() && depth > 0 {
			k := strings.IndexByte(sc.s[sc.i:], '\\')
			if k < 0 {
				sc.i = len(sc.s)
				break
			}
			sc.i += k + 1
			switch w := sc.name(); {
			case w == "fi":
				depth--
			case strings.HasPrefix(w, "if"):
				depth++
			}
		}
		return
	case "verb":
		if !sc.eof() {
			_, size := utf8.DecodeRuneInString(sc.s[sc.i:])
			delim := sc.s[sc.i : sc.i+size]
			sc.i += size
			end := strings.Index(sc.s[sc.i:], delim)
			if end < 0 {
				end = len(sc.s) - sc.i
			}
			o.text(sc.s[sc.i : sc.i+end])
			sc.i = min(len(sc.s), sc.i+end+len(delim))
		}
		return
	case "multirow":
		sc.opt()
		n, _ := strconv.Atoi(strings.TrimSpace(sc.arg()))
		sc.arg() // width
		sc.opt()
		r.mrow = n
		r.process(sc.arg(), o)
		return
	case "multicolumn":
		n, _ := strconv.Atoi(strings.TrimSpace(sc.arg()))
		sc.arg() // column spec
		r.mcol = n
		r.process(sc.arg(), o)
		return
	case "makecell", "thead", "shortstack", "Centerstack":
		sc.opt()
		o.text(joinTeXLines(r.render(sc.arg())))
		return
	case "chinese", "zhnum", "arabic", "alph", "Alph", "roman", "Roman":
		o.text(texNumber(name, r.counters[strings.TrimSpace(sc.arg())]))
		return
	case "setcounter", "addtocounter":
		c := strings.TrimSpace(sc.arg())
		n, _ := strconv.Atoi(strings.TrimSpace(r.render(sc.arg())))
		if name == "setcounter" {
			r.counters[c] = n
		} else {
			r.counters[c] += n
		}
		return
	case "stepcounter", "refstepcounter":
		r.counters[strings.TrimSpace(sc.arg())]++
		return
	case "'", "`", "^", "\"", "~", "=", ".", "H", "c", "v", "u", "d", "b", "r", "t":
		if !letters || len(name) == 1 {
			r.process(sc.arg(), o) // an accent: the letter
			return
		}
	}
	if strings.HasPrefix(name, "the") && len(name) > 3 {
		if _, ok := r.counters[name[3:]]; ok {
			o.text(strconv.Itoa(r.counters[name[3:]]))
			return
		}
	}
	if n, ok := texDrop[name]; ok {
		sc.star()
		for {
			if _, ok := sc.opt(); !ok {
				break
			}
		}
		for k := 0; k < n; k++ {
			sc.arg()
		}
		return
	}
	if n, ok := texWrap[name]; ok {
		sc.star()
		sc.opt()
		for k := 0; k < n-1; k++ {
			sc.arg()
		}
		if n > 0 {
			r.process(sc.arg(), o)
		}
		return
	}
	// Any other command prints nothing; its arguments, if braced, are
	// read as text where they stand (a font switch, a size).
}

// texDate is a date as \date writes it: 2022年7月8日, 2022-07-08.
var texDate = regexp.MustCompile(`^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$`)

// maketitle writes the title block: the title's lines joined into one,
// then the date and the author as a web page's 发布日期 and 来源 lines,
// the shape the other readers give a guide's head (see readPreamble); a
// date that is no date ("\today") or an author of several lines stays text.
func (r *texReader) maketitle(o *texOut) {
	r.par(o)
	title := joinWide(strings.Split(r.render(r.title), "\n"))
	o.text(title)
	r.par(o)
	date := joinWide(strings.Split(r.render(r.date), "\n"))
	if m := texDate.FindStringSubmatch(date); m != nil {
		o.text("发布日期：" + m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3]))
	} else {
		o.text(date)
	}
	r.par(o)
	author := r.render(r.author)
	if a := stripSpace(author); a != "" && !strings.Contains(author, "\n") && !strings.ContainsAny(a, "。，,") {
		o.text("来源：" + a + "。")
	} else {
		o.text(author)
	}
	r.par(o)
}

// joinWide joins lines into one: directly beside a wide character, with
// a space between two narrow ones.
func joinWide(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			pr, _ := utf8.DecodeLastRuneInString(b.String())
			nr, _ := utf8.DecodeRuneInString(l)
			if !wide(pr) && !wide(nr) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// expand writes a user macro's body with its arguments.
func (r *texReader) expand(sc *texScanner, m texMacro, o *texOut) {
	if r.budget <= 0 {
		return
	}
	r.budget--
	args := make([]string, 0, m.args)
	if m.opt != nil {
		if v, ok := sc.opt(); ok {
			args = append(args, v)
		} else {
			args = append(args, *m.opt)
		}
	}
	for len(args) < m.args {
		args = append(args, sc.arg())
	}
	body := m.body
	if m.args > 0 {
		var b strings.Builder
		for i := 0; i < len(body); i++ {
			if body[i] == '#' && i+1 < len(body) && body[i+1] >= '1' && body[i+1] <= '9' {
				if k := int(body[i+1] - '1'); k < len(args) {
					b.WriteString(args[k])
				}
				i++
				continue
			}
			b.WriteByte(body[i])
		}
		body = b.String()
	}
	if m.args == 0 && !sc.eof() && strings.HasPrefix(sc.s[sc.i:], "{}") {
		sc.i += 2 // "\zhinan{}": the empty group ends the name
	}
	r.process(body, o)
}

// define reads \newcommand{\name}[n][default]{body}.
func (r *texReader) define(sc *texScanner, provide bool) {
	sc.star()
	name := strings.TrimSpace(sc.arg())
	name = strings.TrimPrefix(name, `\`)
	m := texMacro{}
	if n, ok := sc.opt(); ok {
		m.args, _ = strconv.Atoi(strings.TrimSpace(n))
		m.args = min(max(m.args, 0), 9)
		if d, ok := sc.opt(); ok {
			m.opt = &d
		}
	}
	m.body = sc.arg()
	if name == "" || provide && r.macros[name].body != "" {
		return
	}
	r.macros[name] = m
}

// def reads \def\name#1#2{body}.
func (r *texReader) def(sc *texScanner) {
	sc.skipBlank()
	if sc.eof() || sc.s[sc.i] != '\\' {
		return
	}
	sc.i++
	name := sc.name()
	start := sc.i
	for sc.i < len(sc.s) && sc.s[sc.i] != '{' && sc.i-start < 40 {
		sc.i++
	}
	if sc.eof() || sc.s[sc.i] != '{' {
		return
	}
	params := sc.s[start:sc.i]
	m := texMacro{args: min(strings.Count(params, "#"), 9), body: sc.group()}
	r.macros[name] = m
}

// keyvals splits a key=value list at its top-level commas.
func keyvals(s string) [][2]string {
	var out [][2]string
	for _, part := range splitTopLevel(s, ',') {
		k, v, _ := strings.Cut(part, "=")
		k = strings.TrimSuffix(strings.TrimSpace(k), "+")
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
			v = v[1 : len(v)-1]
		}
		if k != "" {
			out = append(out, [2]string{strings.TrimSpace(k), v})
		}
	}
	return out
}

// splitTopLevel splits s at sep outside braces and brackets.
func splitTopLevel(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case sep:
			if depth <= 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// ctexset reads the section formats of a \ctexset: name = {pre,post} and
// number.
func (r *texReader) ctexset(s string) {
	set := func(level, key, v string) {
		f, ok := r.sections[level]
		if !ok {
			f = texSection{number: `\arabic{` + level + `}`}
		}
		switch key {
		case "name":
			parts := splitTopLevel(v, ',')
			f.pre = strings.TrimSpace(parts[0])
			f.post = ""
			if len(parts) > 1 {
				f.post = strings.TrimSpace(parts[1])
			}
		case "number":
			f.number = v
		default:
			return
		}
		r.sections[level] = f
	}
	for _, kv := range keyvals(s) {
		if level, key, ok := strings.Cut(kv[0], "/"); ok {
			set(strings.TrimSpace(level), strings.TrimSpace(key), kv[1])
			continue
		}
		for _, in := range keyvals(kv[1]) {
			set(kv[0], in[0], in[1])
		}
	}
}

// setlist reads an enumerate label of \setlist[enumerate,1]{label=…}.
func (r *texReader) setlist(which, s string) {
	level := 1
	if which != "" {
		if !strings.Contains(which, "enumerate") {
			return
		}
		for _, part := range strings.Split(which, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(part)); err == nil && n > 0 && n < 10 {
				level = n
			}
		}
	}
	for _, kv := range keyvals(s) {
		if kv[0] == "label" {
			r.labels[level] = kv[1]
		}
	}
}

// heading writes a sectioning command's title with its number.
func (r *texReader) heading(sc *texScanner, level string, o *texOut) {
	starred := sc.star()
	sc.opt()
	title := sc.arg()
	r.par(o)
	if !starred {
		r.secOcc++
		if r.collect {
			r.events = append(r.events, texEvent{kind: 's', key: level + "|" + strings.Join(strings.Fields(title), ""), level: level, occ: r.secOcc})
		}
		r.counters[level]++
		if n, ok := r.secNum[r.secOcc]; ok && n > 0 {
			r.counters[level] = n
		}
		deeper := false
		for _, l := range texSectionLevels {
			if deeper {
				r.counters[l] = 0
			}
			deeper = deeper || l == level
		}
		f, ok := r.sections[level]
		if !ok {
			f = texSection{number: texDefaultNumber(level)}
		}
		label := f.pre + r.render(f.number) + f.post
		o.text(label)
		if !strings.ContainsAny(lastRune(label), "、．.，,：:）)") {
			o.space = true
		}
	}
	r.process(title, o)
	r.par(o)
}

// texDefaultNumber is a level's number as LaTeX writes it: 1, 1.1, 1.1.1.
func texDefaultNumber(level string) string {
	switch level {
	case "subsection":
		return `\arabic{section}.\arabic{subsection}`
	case "subsubsection":
		return `\arabic{section}.\arabic{subsection}.\arabic{subsubsection}`
	case "part":
		return `\Roman{part}`
	}
	return `\arabic{` + level + `}`
}

// texNumber writes n as a counter's style does.
func texNumber(style string, n int) string {
	switch style {
	case "chinese", "zhnum":
		return Numeral(n)
	case "alph", "Alph":
		if n < 1 || n > 26 {
			return strconv.Itoa(n)
		}
		s := string(rune('a' + n - 1))
		if style == "Alph" {
			s = strings.ToUpper(s)
		}
		return s
	case "roman", "Roman":
		s := romanNumeral(n)
		if style == "roman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

// romanNumeral writes 1..3999 in Roman numerals.
func romanNumeral(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for k, v := range vals {
		for n >= v {
			b.WriteString(syms[k])
			n -= v
		}
	}
	return b.String()
}

// environment reads \begin{name}…\end{name}.
func (r *texReader) environment(sc *texScanner, name string, o *texOut) {
	switch name {
	case "document":
		return // its end is dropped by latexText
	case "comment", "verbatim", "lstlisting", "figure*":
		if name == "verbatim" || name == "lstlisting" {
			sc.opt()
			r.par(o)
			body := sc.envBody(name)
			for _, l := range strings.Split(strings.Trim(body, "\n"), "\n") {
				o.text(l)
				o.newline()
			}
			r.par(o)
			return
		}
		sc.envBody(name)
		return
	case "enumerate", "itemize", "description", "compactenum", "compactitem", "enumerate*", "itemize*", "asparaenum", "inparaenum":
		opts, _ := sc.opt()
		r.list(name, opts, sc.envBody(name), o)
		return
	case "tabular", "tabular*", "tabularx", "tabulary", "longtable", "longtable*", "tabu", "longtabu", "array", "supertabular", "xltabular", "tblr", "longtblr":
		r.table(sc, name, o)
		return
	case "thebibliography":
		sc.arg()
	case "minipage":
		sc.opt()
		sc.opt()
		sc.opt()
		sc.arg()
	case "multicols", "multicols*":
		sc.arg()
	case "table", "table*", "figure", "center", "flushleft", "flushright", "quote", "quotation", "abstract":
		sc.opt()
	}
	body := sc.envBody(name)
	if code, ok := r.envs[name]; ok && r.budget > 0 {
		r.budget--
		body = code[0] + "\n" + body + "\n" + code[1]
	}
	r.par(o)
	r.process(body, o)
	r.par(o)
}

// list writes a list's items with their labels (see above).
func (r *texReader) list(kind, opts, body string, o *texOut) {
	enumerate := strings.Contains(kind, "enum")
	r.lists++
	defer func() { r.lists-- }()
	level := 0
	label := "•"
	start, resume := 1, false
	if enumerate {
		r.enums++
		defer func() { r.enums-- }()
		level = r.enums
		label = []string{`\arabic*.`, `(\alph*)`, `\roman*.`, `\Alph*.`}[min(level, 4)-1]
		if l, ok := r.labels[level]; ok {
			label = l
		}
	}
	for _, kv := range keyvals(opts) {
		switch kv[0] {
		case "label":
			label = kv[1]
		case "start":
			if n, err := strconv.Atoi(strings.TrimSpace(kv[1])); err == nil {
				start = n
			}
		case "resume", "resume*":
			resume = true
		}
		if kv[1] == "" && strings.Contains(kv[0], `*`) && strings.Contains(kv[0], `\`) {
			label = kv[0] // enumerate's short form: [（\chinese*）]
		}
	}
	n := start - 1
	if resume {
		n = r.lastItem[level]
	}
	if enumerate && r.collect {
		r.events = append(r.events, texEvent{kind: 'l', depth: level, start: start, resume: resume})
	}
	items := splitItems(body)
	for k, it := range items {
		isc := &texScanner{s: it}
		r.par(o)
		if k == 0 {
			// The text before the first \item.
			r.process(it, o)
			continue
		}
		var lbl string
		if explicit, ok := isc.opt(); ok {
			lbl = r.render(explicit)
			if enumerate && kind != "description" {
				r.xocc++
				if r.collect {
					r.events = append(r.events, texEvent{kind: 'i', explicit: true, key: itemKey(isc.s[isc.i:]), title: r.itemTitle(isc.s[isc.i:]), depth: level, occ: r.xocc})
				}
				if h, ok := r.explicitNo[r.xocc]; ok && h > 0 {
					lbl = r.itemLabel(label, h)
				}
			}
			if kind == "description" {
				lbl = r.render(`\textbf{` + explicit + `}`)
				o.text(lbl)
				o.space = true
				r.process(isc.s[isc.i:], o)
				continue
			}
		} else if kind == "description" {
			lbl = ""
		} else {
			n++
			if enumerate {
				r.occ++
				if r.collect {
					r.events = append(r.events, texEvent{kind: 'i', key: itemKey(isc.s[isc.i:]), title: r.itemTitle(isc.s[isc.i:]), depth: level, occ: r.occ})
				}
				if h, ok := r.itemNo[r.occ]; ok && h > 0 {
					n = h
				}
				lbl = r.itemLabel(label, n)
			} else {
				lbl = r.render(label)
			}
		}
		o.text(lbl)
		if lbl != "" && !wideLast(lbl) {
			o.space = true
		}
		if r.boldTitle(lbl, isc.s[isc.i:]) {
			r.items++
		}
		r.process(isc.s[isc.i:], o)
	}
	r.par(o)
	if enumerate {
		r.lastItem[level] = n
	}
}

// itemTitle is the bold title an item's text opens with, or "".
func (r *texReader) itemTitle(item string) string {
	sc := &texScanner{s: strings.TrimLeft(item, " \t\n")}
	switch {
	case strings.HasPrefix(sc.s, `\textbf{`):
		sc.i = len(`\textbf`)
	case strings.HasPrefix(sc.s, `{\bfseries`), strings.HasPrefix(sc.s, `{\bf `):
	default:
		return ""
	}
	notes, items := len(r.notes), r.items
	title := r.render(sc.group())
	r.notes, r.items = r.notes[:notes], items // read again where it stands
	return title
}

// boldTitle reports whether an item's text opens with a bold title ended
// as a sentence that with the item's label is a bracket-numbered title
// (see itemTitle), and the measure's text follows it in the paragraph.
func (r *texReader) boldTitle(label, item string) bool {
	sc := &texScanner{s: strings.TrimLeft(item, " \t\n")}
	switch {
	case strings.HasPrefix(sc.s, `\textbf{`):
		sc.i = len(`\textbf`)
	case strings.HasPrefix(sc.s, `{\bfseries`), strings.HasPrefix(sc.s, `{\bf `):
	default:
		return false
	}
	notes, items := len(r.notes), r.items
	title := r.render(sc.group())
	r.notes, r.items = r.notes[:notes], items // read again where it stands
	if !strings.HasSuffix(title, "。") || !itemTitle.MatchString(label+title) {
		return false
	}
	rest := sc.s[sc.i:]
	if k := strings.Index(rest, "\n\n"); k >= 0 {
		rest = rest[:k]
	}
	return utf8.RuneCountInString(strings.TrimSpace(stripTeX(rest))) >= 10
}

// wideLast reports whether s ends in a wide character (a label "（一）"
// is followed by its text directly).
func wideLast(s string) bool {
	rs := []rune(s)
	return len(rs) > 0 && wide(rs[len(rs)-1])
}

// texLabelCounter matches a label template's counter: \arabic*, \chinese*.
var texLabelCounter = regexp.MustCompile(`\\(arabic|chinese|zhnum|alph|Alph|roman|Roman)\*`)

// itemLabel writes an enumerate label template for the item's number.
func (r *texReader) itemLabel(template string, n int) string {
	t := texLabelCounter.ReplaceAllStringFunc(template, func(m string) string {
		return texNumber(strings.TrimSuffix(m[1:], "*"), n)
	})
	return r.render(t)
}

// texSeparator finds a separator at the top level of a list's or table's
// body: outside braces and nested environments. cut reports the
// separator's length at s[i:] (0 for none).
func texSplit(s string, cut func(s string, i int) int) (parts []string, seps []string) {
	depth, env, start := 0, 0, 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '\n':
			if blankLineAt(s, i) {
				depth = 0 // a paragraph ends any group left open (see group)
			}
		case '{':
			depth++
		case '}':
			depth--
		case '\\', '&':
			if depth <= 0 && env <= 0 {
				if n := cut(s, i); n > 0 {
					parts = append(parts, s[start:i])
					seps = append(seps, s[i:i+n])
					i += n
					start = i
					continue
				}
			}
			if s[i] == '&' {
				break
			}
			switch {
			case strings.HasPrefix(s[i:], `\begin{`):
				env++
				i += len(`\begin{`)
				depth++ // the name's brace
				continue
			case strings.HasPrefix(s[i:], `\end{`):
				env--
				i += len(`\end{`)
				depth++
				continue
			}
			i += 2
			continue
		}
		i++
	}
	return append(parts, s[start:]), seps
}

// wordAt reports the length of the control word w at s[i:], 0 if another
// word stands there.
func wordAt(s string, i int, w string) int {
	if !strings.HasPrefix(s[i:], w) {
		return 0
	}
	if j := i + len(w); j < len(s) && isLetter(s[j]) && isLetter(w[len(w)-1]) {
		return 0
	}
	return len(w)
}

// splitItems splits a list's body at its own \item: the text before the
// first item, then each item's (its [label] included).
func splitItems(body string) []string {
	parts, _ := texSplit(body, func(s string, i int) int { return wordAt(s, i, `\item`) })
	return parts
}

// texRowEnds are the separators of a table's rows and a longtable's parts.
var texRowEnds = []string{`\\`, `\tabularnewline`, `\endfirsthead`, `\endhead`, `\endfoot`, `\endlastfoot`}

// table writes a tabular's or longtable's rows (see above).
func (r *texReader) table(sc *texScanner, name string, o *texOut) {
	switch name {
	case "tabular*", "tabularx", "tabulary", "xltabular":
		sc.arg() // width
	case "tblr", "longtblr":
		sc.opt()
	}
	sc.opt()
	sc.arg() // column spec
	body := sc.envBody(name)
	pieces, seps := texSplit(body, func(s string, i int) int {
		for _, w := range texRowEnds {
			if n := wordAt(s, i, w); n > 0 {
				return n
			}
		}
		return 0
	})
	type pending struct {
		text string
		left int
	}
	var (
		part   [][]string // the rows of the part being read
		first  [][]string // \endfirsthead's
		head   [][]string // \endhead's
		lastft [][]string // \endlastfoot's
		fill   = map[int]*pending{}
	)
	for k, piece := range pieces {
		// "\\[2pt]" and "\\*": the row's end, not text.
		if k > 0 && seps[k-1] == `\\` {
			psc := &texScanner{s: piece}
			psc.star()
			if strings.HasPrefix(strings.TrimLeft(piece[psc.i:], " \t\n"), "[") {
				psc.opt()
			}
			piece = piece[psc.i:]
		}
		row := r.tableRow(piece)
		if row != nil {
			for c := range row {
				if p := fill[c]; p != nil && p.left > 0 {
					if row[c] == "" {
						row[c] = p.text
					}
					p.left--
				}
			}
			part = append(part, row)
		}
		if k < len(seps) {
			switch seps[k] {
			case `\endfirsthead`:
				first, part = part, nil
			case `\endhead`:
				head, part = part, nil
			case `\endfoot`:
				part = nil
			case `\endlastfoot`:
				lastft, part = part, nil
			}
		}
		// The span a \multirow opened runs over the next rows; a negative
		// one was written in its last row and fills the rows above.
		if row != nil {
			for c, n := range r.spans {
				switch {
				case n > 1:
					fill[c] = &pending{text: row[c], left: n - 1}
				case n < -1:
					for up := 2; up <= -n && len(part)-up >= 0; up++ {
						if prev := part[len(part)-up]; c < len(prev) && prev[c] == "" {
							prev[c] = row[c]
						}
					}
				}
			}
		}
		r.spans = nil
	}
	rows := first
	if rows == nil {
		rows = head
	}
	if r.collect {
		r.noteRowTitles(append(rows, part...))
	}
	rows = append(append(rows, part...), lastft...)
	r.par(o)
	for _, row := range rows {
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		o.newline()
		o.b.WriteString(strings.Join(row, "\t"))
		o.last = '\t'
		o.newline()
	}
	r.par(o)
}

// noteRowTitles keeps the titles a table's rows name by their 序号 (see
// tableNumbers): a header whose first cell is 序号 and which has a title
// column (see titleColumn); a title two rows name counts for neither.
func (r *texReader) noteRowTitles(rows [][]string) {
	col := -1
	for _, row := range rows {
		if col < 0 {
			if len(row) > 1 && stripSpace(row[0]) == "序号" {
				col = slices.IndexFunc(row, func(c string) bool { return titleColumn.MatchString(stripSpace(c)) })
			}
			continue
		}
		n := rowNumberOf(stripSpace(row[0]))
		if n <= 0 || col >= len(row) {
			continue
		}
		t := titleNoise.ReplaceAllString(row[col], "")
		if len([]rune(t)) < 2 {
			continue
		}
		if r.rowTitles == nil {
			r.rowTitles = map[string]int{}
		}
		if old, ok := r.rowTitles[t]; ok && old != n {
			n = -1
		}
		r.rowTitles[t] = n
	}
}

// tableRow reads a row's cells; nil for a row with no text (rules only).
// r.spans records, by column, the rows a \multirow cell spans.
func (r *texReader) tableRow(piece string) []string {
	cells, _ := texSplit(piece, func(s string, i int) int {
		if s[i] == '&' {
			return 1
		}
		return 0
	})
	var row []string
	spans := map[int]int{}
	width := 0
	for _, c := range cells {
		r.mrow, r.mcol = 0, 0
		t := joinTeXLines(r.render(c))
		t = strings.ReplaceAll(t, "\t", " ")
		if r.mrow != 0 {
			spans[len(row)] = r.mrow
		}
		row = append(row, t)
		for k := 1; k < r.mcol; k++ {
			row = append(row, "")
		}
		width += max(r.mcol, 1)
	}
	r.mrow, r.mcol = 0, 0
	r.spans = spans
	if strings.TrimSpace(strings.Join(row, "")) == "" {
		return nil
	}
	if len(cells) == 1 {
		// A caption or a \multicolumn note over the whole width: a line.
		return []string{row[0]}
	}
	return row
}

// joinTeXLines writes a cell's lines on one line: directly inside a name
// broken over two lines (国家税务总局 / 某区税务局), by 、 between two
// numbers or two short names (see above).
func joinTeXLines(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	prev := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if prev != "" {
			pr, _ := utf8.DecodeLastRuneInString(prev)
			nr, _ := utf8.DecodeRuneInString(l)
			twoNames := utf8.RuneCountInString(prev) <= 3 && utf8.RuneCountInString(l) <= 3 && isHanOnly(prev) && isHanOnly(l)
			switch {
			case strings.ContainsRune("。；;，,、：:", pr):
			case twoNames || !wide(pr) || !wide(nr) || strings.ContainsRune("）)", pr):
				b.WriteString("、")
			}
		}
		b.WriteString(l)
		prev = l
	}
	return b.String()
}

// par ends a paragraph: a line of its own; in the document, the footnotes
// its text called follow it.
func (r *texReader) par(o *texOut) {
	o.newline()
	if !o.main || len(r.notes) == 0 {
		return
	}
	for _, n := range r.notes {
		o.text("注：" + n)
		o.newline()
	}
	r.notes = nil
}

// text writes s: a pending space only between two narrow characters (the
// source's blanks beside a CJK character show as nothing).
func (o *texOut) text(s string) {
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' {
			if o.last != 0 {
				o.space = true
			}
			continue
		}
		if o.space && o.last != 0 && !wide(o.last) && !wide(c) {
			o.b.WriteByte(' ')
		}
		o.space = false
		o.b.WriteRune(c)
		o.last = c
	}
}

// newline ends the current line (nothing at a line's start).
func (o *texOut) newline() {
	o.space = false
	if o.last == 0 {
		return
	}
	o.b.WriteByte('\n')
	o.last = 0
}

// texLigatures are the character runs TeX typesets as one sign, longest
// first within each starting character.
var texLigatures = []struct{ tex, text string }{
	{"---", "—"}, {"--", "–"}, {"-", "-"},
	{"``", "“"}, {"`", "‘"},
	{"''", "”"}, {"'", "’"},
}
