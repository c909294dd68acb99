package seeds

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Text copied out of a PDF (issue 20) keeps the PDF's layout: every line is
// cut at the page's width, in the middle of a word or a number ("200" /
// "0元"), a page footer line ("— 3 —") stands every few dozen lines and a
// running header (the document's short title) may open a page, both
// possibly inside a sentence. normalizePDF undoes that before anything
// else reads the text: footers and the headers after them are dropped
// wherever they fall, and a line that fills the page's width without
// ending a sentence is joined to the next one, without inserting anything.
// A text whose lines are not cut at one width (the guide's own paragraphs
// on one line each, or newlines sprinkled at random) keeps its line breaks.
var (
	// pageFooter is a page number line: "— 3 —", "- 3 -", "第3页", "3/12".
	pageFooter = regexp.MustCompile(`^[ \t　]*(?:[—–\-－]{1,2}[ \t　]*\d{1,3}[ \t　]*[—–\-－]{1,2}|第[ \t　]*\d{1,3}[ \t　]*页(?:[ \t　]*[，,]?[ \t　]*共[ \t　]*\d{1,3}[ \t　]*页)?|\d{1,3}[ \t　]*/[ \t　]*\d{1,3})[ \t　]*$`)
	// sentenceEnd is what a line ending a sentence or a labelled line ends
	// with: such a line is never joined to the next.
	sentenceEnd = regexp.MustCompile(`[。！？!?；;：:]["”’」』]?$`)
	// ownLine is what starts a line of its own in a PDF's text: a section
	// heading, a bracket number, a numbered item, an appendix.
	ownLine = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,3}[.．、][^\d]|第[一二三四五六七八九十百]+[条章]|附件)`)
	// headerPunct is what a running header (a title) does not hold.
	headerPunct = regexp.MustCompile(`[，,。；;：:、！？]`)
)

// pdfMinFooters is how many page footers show a paginated text: one such
// line may be anything.
const pdfMinFooters = 2

// pdfMinWrapped is how many lines, at least, must fill the page's width
// for a text to be read as cut at it.
const pdfMinWrapped = 8

// normalizePDF drops page footers and running headers and joins lines cut
// at the page's width (see above); a text without them comes back as is.
func normalizePDF(text string) string {
	lines := strings.Split(text, "\n")
	drop := pageFurniture(lines)
	var kept []string
	for i, l := range lines {
		if !drop[i] {
			kept = append(kept, l)
		}
	}
	width := wrapWidth(kept)
	if len(drop) == 0 && width == 0 {
		return text
	}
	var b strings.Builder
	joined := false // the line runs on from the one before
	for i, l := range kept {
		if joined {
			l = strings.TrimLeft(l, " \t　")
		}
		joined = i < len(kept)-1 && width > 0 && continues(l, kept[i+1], width)
		if joined {
			l = strings.TrimRight(l, " \t　")
		}
		b.WriteString(l)
		if !joined && i < len(kept)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// pageFurniture marks the page footers of a paginated text and the running
// header that opens a page after one: a short line without punctuation that
// repeats after another footer or is part of the document's first line (its
// title).
func pageFurniture(lines []string) map[int]bool {
	var footers []int
	for i, l := range lines {
		if pageFooter.MatchString(l) {
			footers = append(footers, i)
		}
	}
	if len(footers) < pdfMinFooters {
		return nil
	}
	drop := map[int]bool{}
	after := map[string]int{} // the line after each footer -> how many times
	next := map[int]int{}     // footer line -> the line after it, or -1
	for _, f := range footers {
		drop[f] = true
		next[f] = -1
		for j := f + 1; j < len(lines); j++ {
			if t := strings.TrimSpace(lines[j]); t != "" {
				if !pageFooter.MatchString(t) {
					next[f] = j
					after[t]++
				}
				break
			}
		}
	}
	title := ""
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			title = stripSpace(t)
			break
		}
	}
	for _, f := range footers {
		j := next[f]
		if j < 0 {
			continue
		}
		t := strings.TrimSpace(lines[j])
		if headerPunct.MatchString(t) || utf8.RuneCountInString(t) > 40 || utf8.RuneCountInString(t) < 4 || ownLine.MatchString(t) {
			continue
		}
		if after[t] >= 2 || j > 0 && strings.Contains(title, stripSpace(t)) && stripSpace(t) != title {
			drop[j] = true
		}
	}
	return drop
}

// displayWidth is a line's width on the page: a full-width character takes
// one cell, an ASCII one half.
func displayWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// wrapWidth returns the width the text's lines were cut at, or 0 where
// they were not cut at one width: most lines that do not end a sentence
// are within a cell or two of the widest such width shared by several, and
// almost no line is wider.
func wrapWidth(lines []string) float64 {
	var open []float64 // widths of the lines that end no sentence
	nonblank := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		nonblank++
		if !sentenceEnd.MatchString(t) {
			open = append(open, displayWidth(t))
		}
	}
	if len(open) < pdfMinWrapped {
		return 0
	}
	sort.Float64s(open)
	// The cut width: the widest width that pdfMinWrapped open lines reach
	// within two cells.
	width := 0.0
	for i := len(open) - 1; i >= pdfMinWrapped-1; i-- {
		if open[i]-open[i-pdfMinWrapped+1] <= 2 {
			width = open[i]
			break
		}
	}
	if width < 16 {
		return 0
	}
	full, wider := 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		switch w := displayWidth(t); {
		case w > width+1:
			wider++
		case w >= width-2.5 && !sentenceEnd.MatchString(t):
			full++
		}
	}
	// A guide written a paragraph a line has many lines wider than any cut;
	// sprinkled newlines leave lines of every width.
	if wider*20 > nonblank || full*2 < len(open) || full*5 < nonblank {
		return 0
	}
	return width
}

// continues reports whether line, in a text cut at width, runs on in next:
// it fills the width, ends no sentence, and next starts no line of its own.
func continues(line, next string, width float64) bool {
	t, n := strings.TrimSpace(line), strings.TrimSpace(next)
	if t == "" || n == "" || sentenceEnd.MatchString(t) || ownLine.MatchString(n) {
		return false
	}
	return displayWidth(t) >= width-2.5
}
