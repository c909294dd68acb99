package seeds

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A booklet's measures are unnumbered in its body: the order that numbers
// them (and a number is how users and answer keys name a measure) is the
// one its 目录 prints. A corrupted copy moves 【政策名称】 lines and whole
// pages, so the order of the text is not the booklet's; the 目录's is,
// where it survived. bookletTOC reads the 目录, tocOrder numbers each
// body entry by the 目录 entry it matches, and tocNotes keeps, on a
// corrupted copy, only the footnotes whose page lies in the measure's
// pages by the 目录.

// tocEntry is one entry of a booklet's 目录.
type tocEntry struct {
	title string // as printed, spaces and its ordinal taken off
	page  int
	part  int  // the part it stands in (1…), or 0
	ord   int  // its ordinal within the part, or 0
	kind  byte // 'm' a measure, 'p' a part heading, 'o' anything else (前言, 附件)
}

// tocOrdinal is a 目录 title's ordinal, numbered anew in each part.
var tocOrdinal = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、])`)

// tocPage is the page number closing a tocLeader.
var tocPage = regexp.MustCompile(`\d{1,3}$`)

// bookletTOC reads the 目录: from its first line with dot leaders on,
// every line with leaders, a line before one (a title wrapped onto the
// next line) and blank lines. The lines are joined (a copy may have run
// them together) and cut at each leader: the text before a leader is a
// title, the number it ends with the title's page. A title with an ordinal
// (or any under a part heading) is a measure's.
func bookletTOC(lines []string) []tocEntry {
	first := slices.IndexFunc(lines, func(l string) bool { return tocLeader.MatchString(l) })
	if first < 0 {
		return nil
	}
	var b strings.Builder
	for i := first; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || tocLeader.MatchString(t) {
			b.WriteString(stripSpace(t))
			continue
		}
		next := i + 1
		for next < len(lines) && strings.TrimSpace(lines[next]) == "" {
			next++
		}
		if next == len(lines) || !tocLeader.MatchString(lines[next]) || sentenceEnd.MatchString(t) || bookletName.MatchString(t) || pageFooter.MatchString(t) {
			break
		}
		b.WriteString(stripSpace(t))
	}
	s := b.String()
	var out []tocEntry
	part, from := 0, 0
	for _, loc := range tocLeader.FindAllStringIndex(s, -1) {
		title := s[from:loc[0]]
		page, _ := strconv.Atoi(tocPage.FindString(s[loc[0]:loc[1]]))
		from = loc[1]
		e := tocEntry{page: page, kind: 'o'}
		switch pm := bookletPart.FindStringSubmatch(title); {
		case title == "":
			continue
		case pm != nil:
			part = ParseNumeral(pm[1])
			e.kind, e.title = 'p', pm[2]
		case appendixLine.MatchString(title):
			e.title = title
		case tocOrdinal.MatchString(title) || part > 0:
			o := strings.Trim(tocOrdinal.FindString(title), "、．.（()）")
			if e.ord = ParseNumeral(o); e.ord == 0 {
				e.ord, _ = strconv.Atoi(o)
			}
			e.kind, e.title = 'm', tocOrdinal.ReplaceAllString(title, "")
		default:
			e.title = title
		}
		e.part = part
		out = append(out, e)
	}
	return out
}

// tocMatch gives each measure (an entry with fields or notes) the 目录
// entry it matches, each entry once: the same title first, then a title
// that opens the other, then the best overlap of characters in order (the
// 目录 may print a shortened form: 减免国有房屋租金 for 减免小微企业和个体
// 工商户国有房屋租金), at least four in five of the shorter title's.
func tocMatch(measures []*bookletMeasure, toc []tocEntry) {
	used := make([]bool, len(toc))
	title := func(bm *bookletMeasure) string { return stripSpace(strings.TrimRight(bm.title, "。")) }
	real := func(bm *bookletMeasure) bool { return bm.fields != nil || bm.notes != nil }
	for _, pass := range []func(a, b string) bool{
		func(a, b string) bool { return a == b },
		func(a, b string) bool { return strings.HasPrefix(a, b) || strings.HasPrefix(b, a) },
	} {
		for _, bm := range measures {
			if !real(bm) || bm.toc > 0 {
				continue
			}
			for i, e := range toc {
				if e.kind == 'm' && !used[i] && e.title != "" && pass(title(bm), e.title) {
					bm.toc, used[i] = i+1, true
					break
				}
			}
		}
	}
	// Overlap: the best pair first, so that a title close to two entries
	// takes the closer.
	for {
		best, bi, bj := 0.0, -1, -1
		for i, bm := range measures {
			if !real(bm) || bm.toc > 0 {
				continue
			}
			a := []rune(title(bm))
			for j, e := range toc {
				if e.kind != 'm' || used[j] {
					continue
				}
				b := []rune(e.title)
				n := lcs(a, b)
				short := min(len(a), len(b))
				if short == 0 || float64(n) < 0.8*float64(short) {
					continue
				}
				if score := 2 * float64(n) / float64(len(a)+len(b)); score > best {
					best, bi, bj = score, i, j
				}
			}
		}
		if bi < 0 {
			return
		}
		measures[bi].toc, used[bj] = bj+1, true
	}
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// tocOrder puts the measures in the order of the 目录 entries they match;
// a measure the 目录 lacks keeps its place after the measure it follows
// in the text. When that is the text's order, the list comes back as is.
// Otherwise it is rebuilt: each part's heading (the body's, or else the
// 目录's) before the part's first measure, other text between a heading
// and a measure before the measure it preceded, and the body's headings
// nowhere else (a corrupted copy repeats them).
func tocOrder(measures []*bookletMeasure, toc []tocEntry) []*bookletMeasure {
	tocMatch(measures, toc)
	// An ordinal the 目录 skips (a corrupted copy lost the line) is a gap:
	// when the measures it lacks are as many as its gaps, they fill them
	// in the order of the text.
	var gaps []int // toc index (from 1) of the entry after each gap
	prevPart, prevOrd := -1, 0
	for i, e := range toc {
		if e.kind != 'm' {
			continue
		}
		if e.part != prevPart {
			prevPart, prevOrd = e.part, 0
		}
		for o := prevOrd + 1; e.ord > 0 && o < e.ord; o++ {
			gaps = append(gaps, i+1)
		}
		if e.ord > 0 {
			prevOrd = e.ord
		}
	}
	var lacking []*bookletMeasure
	for _, bm := range measures {
		if (bm.fields != nil || bm.notes != nil) && bm.toc == 0 {
			lacking = append(lacking, bm)
		}
	}
	gapOf := map[*bookletMeasure]int{}
	if len(lacking) > 0 && len(lacking) == len(gaps) {
		for i, bm := range lacking {
			gapOf[bm] = gaps[i]
		}
	}
	type keyed struct {
		bm         *bookletMeasure
		key, after int
	}
	var real []keyed
	var before []string
	heads := map[int]string{}
	prev, after := 0, 0
	for _, bm := range measures {
		switch {
		case bm.part > 0:
			if _, ok := heads[bm.part]; !ok {
				heads[bm.part] = bm.title
			}
		case bm.fields == nil && bm.notes == nil:
			before = append(before, bm.title)
		case bm.toc > 0:
			prev, after = 2*bm.toc, 0
			bm.before, before = append(before, bm.before...), nil
			real = append(real, keyed{bm, prev, 0})
		case gapOf[bm] > 0:
			bm.before, before = append(before, bm.before...), nil
			real = append(real, keyed{bm, 2*gapOf[bm] - 1, 0})
		default:
			after++
			bm.before, before = append(before, bm.before...), nil
			real = append(real, keyed{bm, prev, after})
		}
	}
	sorted := slices.Clone(real)
	slices.SortStableFunc(sorted, func(a, b keyed) int {
		if a.key != b.key {
			return a.key - b.key
		}
		return a.after - b.after
	})
	if slices.EqualFunc(real, sorted, func(a, b keyed) bool { return a.bm == b.bm }) {
		for _, k := range real {
			k.bm.before = nil
		}
		return measures
	}
	var out []*bookletMeasure
	part := 0
	for _, k := range sorted {
		p := part
		if k.bm.toc > 0 {
			p = toc[k.bm.toc-1].part
		} else if g := gapOf[k.bm]; g > 0 {
			p = toc[g-1].part
		}
		if p != part && p > 0 {
			title, ok := heads[p]
			if !ok {
				for _, e := range toc {
					if e.kind == 'p' && e.part == p {
						title = Numeral(p) + "、" + e.title
					}
				}
			}
			if title != "" {
				out = append(out, &bookletMeasure{title: title, part: p})
			}
		}
		part = p
		out = append(out, k.bm)
	}
	for _, t := range before {
		out = append(out, &bookletMeasure{title: t})
	}
	return out
}

// tocNotes keeps, on a corrupted copy, a measure's footnote only where the
// evidence is clear: its name, its marker and the footnote stood on one
// physical page (between two page numbers, in whatever order the pages
// came) whose number is the measure's page by the 目录, every copy of
// the name or field that held the marker holding it too (a copy is the
// same text: a field read once with one set of markers and once with
// another holds another measure's, moved), and no marker of the measure was read with
// two different footnotes. A measure the 目录
// lacks keeps none, and so does one whose marker stands on a later page
// than its name (a moved sentence may bring another measure's marker
// there): no contact rather than another page's.
func tocNotes(measures []*bookletMeasure, toc []tocEntry) {
	for _, bm := range measures {
		if bm.notes == nil {
			continue
		}
		bm.notes = bm.notes[:0]
		if bm.toc == 0 {
			continue
		}
		page := toc[bm.toc-1].page
		seen := map[string]string{}
		var keep []string
		clear := true
		for _, n := range bm.paged {
			if n.page != page || !sameReads(bm.reads[n.label]) {
				continue
			}
			if s, ok := seen[n.mark]; ok && s != n.note {
				clear = false
			}
			seen[n.mark] = n.note
			if !slices.Contains(keep, n.note) {
				keep = append(keep, n.note)
			}
		}
		if clear {
			bm.notes = keep
		}
	}
}

// sameReads reports whether every read of a field holds the same markers.
func sameReads(reads []string) bool {
	return !slices.ContainsFunc(reads, func(r string) bool { return r != reads[0] })
}
