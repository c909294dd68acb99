// Package relayout rewrites a known guide's surface while keeping its
// content, deterministically from a seed, so that the parser can be measured
// on layouts it was never told about (issue 20): a district pastes its guide
// from a web page, an office document, a spreadsheet, an online document's
// export or a scanned PDF, and each numbers, heads, titles and labels its
// measures in its own way and puts the contacts where it likes.
//
// It works on content alone (Doc): the caller takes it from a clean parse.
// It is for tests; nothing in the bot uses it.
package relayout

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Doc is a guide's content: what every layout must keep.
type Doc struct {
	Title    string // the notice's title
	Date     string // YYYY-MM-DD, or ""
	Intro    string // the introduction, or ""
	Sections []Section
}

// Section is a group of measures under one heading ("" for none).
type Section struct {
	Title    string
	Measures []Measure
}

// Measure is one measure's content.
type Measure struct {
	Title    string   // a short title, or "" when the guide gives none
	Body     []string // its sentences, in order
	Contacts []Contact
}

// Contact is one unit–person–phone triple; Person or Phone may be "".
type Contact struct {
	Unit, Person, Phone string
}

// Style is one layout. Every field's zero value is the plain layout the
// parser has always read ("1." measures under "一、" sections, the title
// before "：", labelled contact lines after the measure).
type Style struct {
	Number  string // "1." "1、" "1）" "（一）" "(1)" "①" "第一条" "none"
	Restart bool   // numbering starts again in each section
	Heading string // "一、" "第一部分" "【】" "**" "plain" "一 " "■" "##"
	Title   string // "colon" (title：body), "line" (own line), "bracket" (【title】body), "none" (title dropped into the body as a sentence)
	// Place is where contacts sit: "end" (lines after the measure),
	// "inline" (a bracket ending the measure), "line" (one unlabelled line
	// after the measure), "table" (a closing table, one row per measure),
	// "section" (grouped after each section's measures), "unit" (an appendix
	// listing each unit once; measures name only their units), "appendix"
	// (an appendix listing each measure's contacts by its number).
	Place       string
	UnitLabel   string // 责任单位 牵头单位 主管部门 咨询单位 联系部门
	PersonLabel string // 联系人 经办人
	PhoneLabel  string // 联系电话 电话 咨询电话 咨询方式
	Sep         string // between a label and its value: "：" ":" " "
	Join        string // between the fields of one contact line: "" (own lines), "；" " " "|" "\t" "，"
	Cells       string // a table's cell separator: "\t" "|" " | " or "\n" (one cell per line)
	Wrap        int    // cut lines at this many characters (0: none), with page footers
	Indent      string // before every body line
	Blank       bool   // a blank line between measures
}

// Perturbation is a named family of styles, each seed drawing one of them.
type Perturbation struct {
	Name string
	// HeldOut marks a family the fallback was never fixed against: its
	// figure is reported apart.
	HeldOut bool
	Draw    func(r *rand.Rand) Style
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

var (
	numbers  = []string{"1.", "1、", "1）", "（一）", "(1)", "①", "第一条", "none"}
	headings = []string{"一、", "第一部分", "【】", "**", "plain", "一 ", "■"}
	titles   = []string{"colon", "line", "bracket", "none"}
	places   = []string{"end", "inline", "line", "table", "section", "unit", "appendix"}
	unitL    = []string{"责任单位", "牵头单位", "主管部门", "咨询单位", "联系部门"}
	personL  = []string{"联系人", "经办人"}
	phoneL   = []string{"联系电话", "电话", "咨询电话", "咨询方式"}
	seps     = []string{"：", ":", " "}
	joins    = []string{"", "；", " ", "|", "\t", "，"}
	cells    = []string{"\t", "|", " | ", "\n"}
)

func drawAll(r *rand.Rand) Style {
	return Style{Number: pick(r, numbers...), Restart: r.IntN(2) == 0, Heading: pick(r, headings...), Title: pick(r, titles...),
		Place: pick(r, places...), UnitLabel: pick(r, unitL...), PersonLabel: pick(r, personL...), PhoneLabel: pick(r, phoneL...),
		Sep: pick(r, seps...), Join: pick(r, joins...), Cells: pick(r, cells...), Indent: pick(r, "", "　　", "  "), Blank: r.IntN(2) == 0}
}

// Perturbations are the families measured. Each varies one side of the
// layout (or a district's whole way of pasting) and keeps the rest plain.
var Perturbations = []Perturbation{
	{Name: "numbering", Draw: func(r *rand.Rand) Style {
		return Style{Number: pick(r, numbers...), Restart: r.IntN(2) == 0}
	}},
	{Name: "headings", Draw: func(r *rand.Rand) Style {
		return Style{Heading: pick(r, headings...), Number: pick(r, "1.", "1、", "（一）")}
	}},
	{Name: "titles", Draw: func(r *rand.Rand) Style { return Style{Title: pick(r, titles...)} }},
	{Name: "contacts", Draw: func(r *rand.Rand) Style {
		return Style{Place: pick(r, places...), Cells: pick(r, cells...)}
	}},
	{Name: "labels", Draw: func(r *rand.Rand) Style {
		return Style{UnitLabel: pick(r, unitL...), PersonLabel: pick(r, personL...), PhoneLabel: pick(r, phoneL...),
			Sep: pick(r, seps...), Join: pick(r, joins...)}
	}},
	{Name: "wrap", Draw: func(r *rand.Rand) Style { return Style{Wrap: 26 + r.IntN(16), Number: pick(r, "1.", "（一）")} }},
	// A web page: bullets or circled numbers, titles on their own lines,
	// one unlabelled contact line, indented paragraphs.
	{Name: "webpage", Draw: func(r *rand.Rand) Style {
		return Style{Number: pick(r, "①", "none", "1、"), Heading: pick(r, "■", "【】", "plain"), Title: "line", Place: pick(r, "line", "end"),
			Join: pick(r, " ", "|"), Sep: pick(r, "：", " "), Indent: "　　", Blank: true}
	}},
	// An office document: articles or bracketed numbers, titles in 【】,
	// contacts in a closing table or per section.
	{Name: "office", Draw: func(r *rand.Rand) Style {
		return Style{Number: pick(r, "第一条", "(1)", "（一）"), Restart: r.IntN(2) == 0, Heading: pick(r, "第一部分", "一、", "**"), Title: "bracket",
			Place: pick(r, "table", "section", "unit"), Cells: pick(r, "\t", "\n")}
	}},
	{Name: "mixed", Draw: drawAll},
	// Held out: never looked at while the fallback was written.
	{Name: "heldout-doc", HeldOut: true, Draw: func(r *rand.Rand) Style {
		s := drawAll(r)
		s.Heading, s.Cells = "##", " | "
		return s
	}},
	{Name: "heldout-scan", HeldOut: true, Draw: func(r *rand.Rand) Style {
		s := drawAll(r)
		s.Wrap, s.Indent = 20+r.IntN(24), ""
		return s
	}},
}

// Render writes d in the style s.
func Render(d Doc, s Style) string {
	if s.UnitLabel == "" {
		s.UnitLabel = "责任单位"
	}
	if s.PersonLabel == "" {
		s.PersonLabel = "联系人"
	}
	if s.PhoneLabel == "" {
		s.PhoneLabel = "联系电话"
	}
	if s.Sep == "" {
		s.Sep = "："
	}
	if s.Cells == "" {
		s.Cells = "\t"
	}
	w := &writer{s: s}
	w.line(d.Title)
	if d.Date != "" {
		w.line("发布日期：" + d.Date)
	}
	if d.Intro != "" {
		w.line(d.Intro)
	}
	n := 0
	var all []numbered
	for si, sec := range d.Sections {
		if sec.Title != "" {
			w.line(heading(s.Heading, si+1, sec.Title))
		}
		if s.Restart {
			n = 0
		}
		var inSec []numbered
		for _, m := range sec.Measures {
			n++
			label := number(s.Number, n)
			w.measure(label, m)
			inSec = append(inSec, numbered{label, m})
		}
		all = append(all, inSec...)
		if s.Place == "section" {
			w.group(inSec)
		}
	}
	switch s.Place {
	case "table":
		w.table(all)
	case "unit":
		w.units(all)
	case "appendix":
		w.line("附件：政策咨询联系方式")
		for i, nm := range all {
			for _, c := range nm.m.Contacts {
				w.line(fmt.Sprintf("第%d项%s%s", i+1, s.Join0(), w.contactLine(c, false)))
			}
		}
	}
	return w.text()
}

type numbered struct {
	label string
	m     Measure
}

// Join0 is the separator between a reference and a contact line.
func (s Style) Join0() string {
	if s.Join == "" {
		return " "
	}
	return s.Join
}

type writer struct {
	s     Style
	lines []string
}

func (w *writer) line(l string) { w.lines = append(w.lines, l) }

func (w *writer) measure(label string, m Measure) {
	s := w.s
	if s.Blank {
		w.line("")
	}
	body := strings.Join(m.Body, "")
	prefix := label
	if strings.HasPrefix(label, "第") {
		prefix += "　"
	}
	var text string
	switch {
	case m.Title == "":
		text = prefix + body
	case s.Title == "line":
		w.line(s.Indent + prefix + m.Title)
		text = body
	case s.Title == "bracket":
		text = prefix + "【" + m.Title + "】" + body
	case s.Title == "none":
		text = prefix + m.Title + "。" + body
	default:
		text = prefix + m.Title + "：" + body
	}
	if s.Place == "inline" && len(m.Contacts) > 0 {
		var parts []string
		for _, c := range m.Contacts {
			parts = append(parts, w.contactLine(c, true))
		}
		text += "（" + strings.Join(parts, "；") + "）"
	}
	if text != "" {
		w.line(s.Indent + text)
	}
	switch s.Place {
	case "", "end":
		for _, c := range m.Contacts {
			w.labelled(c)
		}
	case "line":
		for _, c := range m.Contacts {
			w.line(s.Indent + joinNonEmpty(" ", c.Unit, c.Person, c.Phone))
		}
	case "section", "unit", "table", "appendix":
		// The measure names its units; the phones stand elsewhere.
		var units []string
		for _, c := range m.Contacts {
			if c.Unit != "" && !contains(units, c.Unit) {
				units = append(units, c.Unit)
			}
		}
		if len(units) > 0 && s.Place != "table" && s.Place != "appendix" {
			w.line(s.Indent + s.UnitLabel + s.Sep + strings.Join(units, "、"))
		}
	}
}

// labelled writes one contact's labelled fields, on one line or several.
func (w *writer) labelled(c Contact) {
	s := w.s
	f := w.fields(c)
	if s.Join == "" {
		for _, x := range f {
			w.line(s.Indent + x)
		}
		return
	}
	w.line(s.Indent + strings.Join(f, s.Join))
}

// contactLine is one contact on one line: labelled (brief) or not.
func (w *writer) contactLine(c Contact, labelled bool) string {
	if !labelled {
		return joinNonEmpty(" ", c.Unit, c.Person, c.Phone)
	}
	return strings.Join(w.fields(c), "，")
}

// fields are a contact's non-empty fields, each after its label.
func (w *writer) fields(c Contact) []string {
	s := w.s
	var f []string
	if c.Unit != "" {
		f = append(f, s.UnitLabel+s.Sep+c.Unit)
	}
	if c.Person != "" {
		f = append(f, s.PersonLabel+s.Sep+c.Person)
	}
	if c.Phone != "" {
		f = append(f, s.PhoneLabel+s.Sep+c.Phone)
	}
	return f
}

// group writes a section's contacts after its measures, each unit once.
func (w *writer) group(ms []numbered) {
	seen := map[string]bool{}
	var lines []string
	for _, nm := range ms {
		for _, c := range nm.m.Contacts {
			l := w.contactLine(c, false)
			if !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
		}
	}
	if len(lines) == 0 {
		return
	}
	w.line("以上政策咨询：" + strings.Join(lines, "；"))
}

// table writes a closing table, one row per measure.
func (w *writer) table(ms []numbered) {
	s := w.s
	w.line("附件：政策措施联系表")
	row := func(cells ...string) {
		if s.Cells == "\n" {
			for _, c := range cells {
				w.line(c)
			}
			w.line("")
			return
		}
		w.line(strings.Join(cells, s.Cells))
	}
	row("序号", "政策措施", s.UnitLabel, s.PersonLabel, s.PhoneLabel)
	for i, nm := range ms {
		var units, people, phones []string
		for _, c := range nm.m.Contacts {
			units, people, phones = append(units, c.Unit), append(people, c.Person), append(phones, c.Phone)
		}
		name := nm.m.Title
		if name == "" && len(nm.m.Body) > 0 {
			name = clip(nm.m.Body[0], 16)
		}
		row(fmt.Sprint(i+1), name, joinNonEmpty("、", units...), joinNonEmpty("、", people...), joinNonEmpty("、", phones...))
	}
}

// units writes an appendix listing each unit's contacts once.
func (w *writer) units(ms []numbered) {
	w.line("附件：各单位联系方式")
	seen := map[Contact]bool{}
	for _, nm := range ms {
		for _, c := range nm.m.Contacts {
			if c.Unit == "" || seen[c] {
				continue
			}
			seen[c] = true
			w.line(w.contactLine(c, false))
		}
	}
}

func (w *writer) text() string {
	if w.s.Wrap <= 0 {
		return strings.Join(w.lines, "\n") + "\n"
	}
	var out []string
	page := 1
	for i, l := range w.lines {
		r := []rune(l)
		for len(r) > w.s.Wrap {
			out = append(out, string(r[:w.s.Wrap]))
			r = r[w.s.Wrap:]
		}
		out = append(out, string(r))
		if i > 0 && i%25 == 0 {
			out = append(out, "", fmt.Sprintf("— %d —", page), "")
			page++
		}
	}
	return strings.Join(out, "\n") + "\n"
}

const cnDigits = "零一二三四五六七八九"

// numeral writes n (1–99) in Chinese numerals.
func numeral(n int) string {
	d := []rune(cnDigits)
	switch {
	case n < 10:
		return string(d[n])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(d[n%10])
	case n%10 == 0:
		return string(d[n/10]) + "十"
	default:
		return string(d[n/10]) + "十" + string(d[n%10])
	}
}

func number(style string, n int) string {
	switch style {
	case "1、":
		return fmt.Sprintf("%d、", n)
	case "1）":
		return fmt.Sprintf("%d）", n)
	case "（一）":
		return "（" + numeral(n) + "）"
	case "(1)":
		return fmt.Sprintf("(%d)", n)
	case "①":
		switch {
		case n <= 20:
			return string(rune('①' + n - 1))
		case n <= 35:
			return string(rune('㉑' + n - 21))
		case n <= 50:
			return string(rune('㊱' + n - 36))
		}
		return fmt.Sprintf("(%d)", n)
	case "第一条":
		return "第" + numeral(n) + "条"
	case "none":
		return ""
	default:
		return fmt.Sprintf("%d.", n)
	}
}

func heading(style string, n int, title string) string {
	switch style {
	case "第一部分":
		return "第" + numeral(n) + "部分　" + title
	case "【】":
		return "【" + title + "】"
	case "**":
		return "**" + title + "**"
	case "plain":
		return title
	case "一 ":
		return numeral(n) + " " + title
	case "■":
		return "■ " + title
	case "##":
		return "## " + numeral(n) + "、" + title
	default:
		return numeral(n) + "、" + title
	}
}

func joinNonEmpty(sep string, xs ...string) string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, sep)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// New returns the random source for seed: the same seed draws the same
// styles.
func New(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x1a40)) }
