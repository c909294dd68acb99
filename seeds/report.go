package seeds

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Report is the integrity report of a parse: what the seed lacked, what was
// dropped or moved to recover it, and what looks inconsistent. Nothing in it
// changes the data; it explains it.
type Report struct {
	Sentences  int         // sentences read, duplicates included
	Duplicates []Duplicate // exact duplicate sentences dropped (first copy kept)

	Missing        []int // numbers from 1 to the highest with neither text nor contact
	MissingText    []int // numbers from 1 to the highest whose text the seed lacks
	MissingContact []int // measures with text but no contact block

	Orphans  []Orphan     // unnumbered follow-up sentences and where they went
	Headings []HeadingGap // headings the seed lost, detected from numbering
	// Unplaced lists measures whose section or subsection is unknown because
	// a heading may have been lost in a gap before them.
	Unplaced []int

	Warnings []Warning
	Unread   []Unread // lines the parser could not read (a table row that does not fit its header, …)
}

func (r *Report) unread(line, why string) {
	r.Unread = append(r.Unread, Unread{Line: line, Why: why})
}

// Duplicate is a sentence that occurred more than once in the seed.
type Duplicate struct {
	Sentence string // the sentence, whitespace removed
	Copies   int    // copies dropped (occurrences - 1)
}

// Attachment methods for orphan sentences: the evidence that placed them,
// strongest first.
const (
	ByPosition     = "position"      // it sat between a measure's start and that measure's contact block
	ByContactBlock = "contact-block" // it sat directly before a measure's contact block
	BySimilarity   = "similarity"    // its position was not conclusive; closest measure by content
	ByClause       = "clause"        // it shares its sentence with the measure's closing clause ("（责任单位：…）")
	ByNumbering    = "numbering"     // a numbered step that continues the steps before it ("2." after the measure's "1.")
	Unattached     = "unattached"    // no measure was close enough; the sentence is kept only in the report
)

// Orphan records where an unnumbered follow-up sentence was attached and why.
type Orphan struct {
	Sentence string
	Measure  int    // the measure it was attached to; 0 if unattached
	Method   string // ByPosition, ByContactBlock, ByClause, ByNumbering, BySimilarity or Unattached
	// Between is the positional evidence: the measure whose start precedes
	// the sentence and the measure whose contact block follows it (0 if none).
	Between [2]int
	// Before is the measure whose contact block directly follows the
	// sentence in the seed, duplicates included (0 if no contact block
	// does). With BySimilarity it is the adjacency that clear content
	// overrode.
	Before int
	// Score and RunnerUp are the content evidence for BySimilarity: the
	// cosine similarity to the chosen measure and the best other candidate.
	Score         float64
	RunnerUp      int
	RunnerUpScore float64
	// Doubtful is set when the evidence does not settle the sentence's
	// place: a weak content match, or a contact block's adjacency that
	// content leans against. It is kept on the likeliest measure, and the
	// measure's Doubtful lists it.
	Doubtful bool
}

// Unread is text the parser could not read as structure, with the reason.
type Unread struct {
	Line string
	Why  string
}

// HeadingGap is a heading the seed lost, detected because the numbering of
// the headings around it does not add up.
type HeadingGap struct {
	Section    int // the section the lost heading belongs to (or is)
	Subsection int // 0 when the lost heading is a section heading
	// Before is the first measure known to come after the lost heading.
	Before int
	Note   string
}

// Warning kinds.
const (
	WarnSharedPhone      = "shared-phone"      // one phone listed for different units or people
	WarnPersonPhones     = "person-phones"     // one person listed with different phones
	WarnConflict         = "conflict"          // two different texts or contacts for one measure
	WarnTruncated        = "truncated-contact" // a contact block missing parts
	WarnUnattributed     = "unattributed"      // a contact block with no measure to belong to
	WarnPhoneAttribution = "phone-attribution" // phones that could not be tied to one unit
	WarnNoMeasures       = "no-measures"       // the text has no numbered measures
	// WarnClauseByPosition: a measure's units come from a clause
	// ("（责任单位：…）") that no measure number in its sentence names; in a
	// corrupted text its place may be a displacement's.
	WarnClauseByPosition = "clause-by-position"
	// WarnUnsettledContact: a contact block that only its place could give
	// a measure, where a lost measure start may own it instead; it is given
	// to none, and the warning quotes its line.
	WarnUnsettledContact = "unsettled-contact"
	// WarnWithdrawn: a record an export marks withdrawn (see xmlText),
	// read in its place and then dropped: no measure answers with it.
	WarnWithdrawn = "withdrawn"
)

// Warning is a consistency problem found in the seed. The data is kept as
// written; the warning tells an operator where to look.
type Warning struct {
	Kind     string
	Measures []int // measures involved, if any
	Text     string
}

func (r *Report) warn(kind string, measures []int, format string, args ...any) {
	r.Warnings = append(r.Warnings, Warning{Kind: kind, Measures: measures, Text: fmt.Sprintf(format, args...)})
}

// WriteText writes the report in a form meant for people.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Integrity report\n")
	fmt.Fprintf(&b, "  sentences read: %d, exact duplicates dropped: %d\n", r.Sentences, r.duplicateCopies())
	fmt.Fprintf(&b, "  numbers absent altogether (%d): %s\n", len(r.Missing), ints(r.Missing))
	fmt.Fprintf(&b, "  measures without text (%d): %s\n", len(r.MissingText), ints(r.MissingText))
	if kept := r.retained(); len(kept) > 0 {
		fmt.Fprintf(&b, "  of which the guide retains only follow-up sentences (%d): %s\n", len(kept), ints(kept))
	}
	fmt.Fprintf(&b, "  measures without contact (%d): %s\n", len(r.MissingContact), ints(r.MissingContact))
	if len(r.Unplaced) > 0 {
		fmt.Fprintf(&b, "  measures whose section or subsection is unknown (%d): %s\n", len(r.Unplaced), ints(r.Unplaced))
	}
	if len(r.Headings) > 0 {
		fmt.Fprintf(&b, "  headings lost from the seed:\n")
		for _, h := range r.Headings {
			fmt.Fprintf(&b, "    - %s\n", h.Note)
		}
	}
	if len(r.Orphans) > 0 {
		fmt.Fprintf(&b, "  follow-up sentences (%d):\n", len(r.Orphans))
		for _, o := range r.Orphans {
			fmt.Fprintf(&b, "    - %s\n      → %s\n", Clip(o.Sentence, 40), o.describe())
		}
	}
	if len(r.Unread) > 0 {
		fmt.Fprintf(&b, "  lines not read (%d):\n", len(r.Unread))
		for _, u := range r.Unread {
			fmt.Fprintf(&b, "    - %s\n      → %s\n", Clip(u.Line, 60), u.Why)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(&b, "  warnings (%d):\n", len(r.Warnings))
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "    - [%s] %s\n", w.Kind, w.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (o Orphan) describe() string {
	pos := fmt.Sprintf("after the start of %s, before the contact of %s", num(o.Between[0]), num(o.Between[1]))
	if o.Before > 0 && o.Method != ByContactBlock {
		pos += fmt.Sprintf(", directly before %s's contact block", article(o.Before))
	}
	switch o.Method {
	case ByPosition, ByClause:
		if o.Doubtful {
			return fmt.Sprintf("%s, %s; DOUBTFUL: content leans to %s (similarity %.2f against %.2f)",
				article(o.Measure), o.Evidence(), article(o.RunnerUp), o.RunnerUpScore, o.Score)
		}
		return fmt.Sprintf("%s, %s", article(o.Measure), o.Evidence())
	case ByNumbering:
		return fmt.Sprintf("%s, %s (%s)", article(o.Measure), o.Evidence(), pos)
	case ByContactBlock:
		if o.Doubtful {
			return fmt.Sprintf("%s, %s; DOUBTFUL: content leans to %s (similarity %.2f against %.2f)",
				article(o.Measure), o.Evidence(), article(o.RunnerUp), o.RunnerUpScore, o.Score)
		}
		return fmt.Sprintf("%s, %s", article(o.Measure), o.Evidence())
	case BySimilarity:
		weak := ""
		switch {
		case o.Weak():
			weak = "WEAK (DOUBTFUL) "
		case o.Doubtful:
			weak = "DOUBTFUL "
		}
		return fmt.Sprintf("%s, %s: %ssimilarity %.2f (runner-up %s at %.2f; position not conclusive: %s)",
			article(o.Measure), o.Evidence(), weak, o.Score, articleOr(o.RunnerUp), o.RunnerUpScore, pos)
	default:
		return fmt.Sprintf("unattached (best similarity %.2f; %s)", o.Score, pos)
	}
}

// Evidence names, in a few words, what placed the sentence on its measure:
// "between 第4条's start and its contact", "before 第52条's contact block",
// "by content" or "unattached".
func (o Orphan) Evidence() string {
	switch o.Method {
	case ByPosition:
		return fmt.Sprintf("between %s's start and its contact", article(o.Measure))
	case ByContactBlock:
		return fmt.Sprintf("before %s's contact block", article(o.Measure))
	case ByClause:
		return fmt.Sprintf("beside %s's responsibility clause", article(o.Measure))
	case BySimilarity:
		return "by content"
	case ByNumbering:
		return fmt.Sprintf("continues %s's numbered steps", article(o.Measure))
	}
	return "unattached"
}

// article names measure n as the guide does: 第n条.
func article(n int) string { return "第" + strconv.Itoa(n) + "条" }

func articleOr(n int) string {
	if n == 0 {
		return "none"
	}
	return article(n)
}

// Weak reports whether an attachment by similarity rests on thin evidence:
// a low score, or a runner-up almost as close. Operators should review these.
func (o Orphan) Weak() bool {
	return o.Method == BySimilarity && !clearMatch(o.Score, o.RunnerUpScore)
}

// retained returns the measures without text that follow-ups were placed on.
func (r *Report) retained() []int {
	lost := map[int]bool{}
	for _, n := range r.MissingText {
		lost[n] = true
	}
	var out []int
	seen := map[int]bool{}
	for _, o := range r.Orphans {
		if lost[o.Measure] && !seen[o.Measure] {
			seen[o.Measure] = true
			out = append(out, o.Measure)
		}
	}
	sort.Ints(out)
	return out
}

func (r *Report) duplicateCopies() int {
	n := 0
	for _, d := range r.Duplicates {
		n += d.Copies
	}
	return n
}

func num(n int) string {
	if n == 0 {
		return "none"
	}
	return strconv.Itoa(n)
}

func ints(xs []int) string {
	if len(xs) == 0 {
		return "none"
	}
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lineOf returns the lines of raw, as written, that hold part (found with
// whitespace ignored): what the report shows of words it could not read.
// Where part is not found, it returns part.
func lineOf(raw, part string) string {
	var flat strings.Builder
	var at []int // per flat byte: its offset in raw
	for i := 0; i < len(raw); {
		// The bytes as written, not the rune: a byte that is no UTF-8
		// decodes to U+FFFD, three bytes wide, and would put the offsets
		// past raw's end.
		r, w := utf8.DecodeRuneInString(raw[i:])
		if !unicode.IsSpace(r) {
			flat.WriteString(raw[i : i+w])
			for k := range w {
				at = append(at, i+k)
			}
		}
		i += w
	}
	i := strings.Index(flat.String(), part)
	if i < 0 || part == "" {
		return part
	}
	from, to := at[i], at[i+len(part)-1]+1
	if j := strings.LastIndex(raw[:from], "\n"); j >= 0 {
		from = j + 1
	} else {
		from = 0
	}
	if j := strings.Index(raw[to:], "\n"); j >= 0 {
		to += j
	} else {
		to = len(raw)
	}
	return strings.TrimSpace(raw[from:to])
}
