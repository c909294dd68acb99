package seeds

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// ErrEmpty is returned for input with no text at all.
var ErrEmpty = errors.New("empty seed")

// Parse recovers a guide from seed bytes (UTF-8 or GBK/GB18030).
//
// The seed was cut into sentences at 。 and corrupted: sentences were
// duplicated and displaced, newlines sprinkled in. Recovery rests on what
// survived intact:
//   - A sentence is atomic. Exact duplicates (ignoring whitespace) are
//     copies; one is kept, in the place of its last copy (the corruption
//     copied sentences ahead of their places), unless the first copies
//     put the measures more nearly in order.
//   - A measure's contact block and the next measure's start share a
//     sentence ("…联系方式：010-XXXXXXXX30.…"), so the block before the start
//     of measure N+1 belongs to measure N wherever that sentence was moved.
//     Headings sit in the same sentence, before the number they introduce.
//   - Unnumbered follow-up sentences are attached by position where the
//     position is trustworthy (between measure N's start and N's contact
//     block, or directly before N's contact block), by the steps they
//     continue ("2." after the measure's "1."), among the measures their
//     place allows where one of them lost its text, else to the measure
//     closest in content; Report.Orphans keeps the evidence. A measure whose
//     text is lost keeps the follow-ups placed on it (Text "", Details set).
//
// Gaps are reported, never filled from a neighbour. Parse returns an error
// only for input that is not text; text without measures yields an empty
// guide whose report says so.
func Parse(src []byte) (*Guide, error) {
	text, err := Decode(src)
	if err != nil {
		return nil, fmt.Errorf("parse seed: %w", err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("parse seed: %w", ErrEmpty)
	}
	sum := sha256.Sum256(src)
	g := parseText(text)
	g.Hash = hex.EncodeToString(sum[:])
	return g, nil
}

// parser carries the state of one parse.
type parser struct {
	g        *Guide
	r        *Report
	pieces   []piece
	measures map[int]*Measure
	starts   map[int]bool // numbers whose start sentence survived
	events   []headingEvent
	owners   map[int]int // piece pos -> measure whose contact block it holds
	// next is, for each piece, the piece after its first copy in the seed,
	// or, when inOrder read the last copies, the piece after it in that
	// order; -1 at the end.
	next []int
	// byLast is the pieces in the order of their last copies, and nextLast
	// the piece after each one's last copy: a second reading of the
	// positions. Where a sentence was copied ahead of its place, its last
	// copy may still stand in it.
	byLast, nextLast []int
	// blockOf is, for a piece whose closing block was given a measure, that
	// measure (whether or not the block's data was kept): the text beside
	// the block belongs to it.
	blockOf   map[int]int
	tableRows map[int]bool // measures read from a table row
	// contactRows is set while a table's rows are read as the contacts of
	// measures the text before it numbers (see numbersBefore).
	contactRows bool
	// closingFrom is the piece holding the heading of a last section
	// without measures (see closingSection); the sentences after it are
	// that section's, not follow-ups. -1 if none.
	closingFrom   int
	closingNumber int          // that section's number
	strays        map[int]bool // pieces displaced into a table, not read as cells
	// byPosition marks measures whose block only its position gave them.
	byPosition map[int]bool
	started    map[int]bool // numbers some piece starts
	clauseOf   map[int]bool // measures a closing clause was given to by position
	// orphanPiece is, for each of Report.Orphans, the piece it came from.
	orphanPiece []int
	// headTo is the first structural piece where trimPreamble ended the
	// preamble before it (0 otherwise): the frame sentences before it
	// are the preamble's (see attachOrphans).
	headTo    int
	directory []Contact // an appendix listing each unit's contact
	parens    bool      // the guide numbers its measures （一）（二）… (see detectParens)
	// displaced marks the pieces whose measure start stands out of its
	// order (see markDisplaced).
	displaced map[int]bool
	// interleaved is set when many starts stand out of their order:
	// stretches of the text were interleaved, and a follow-up's neighbours
	// may come from the other stretch.
	interleaved bool
	// fields is set when the text is a policy list (see normalizeFields).
	fields bool
	// twoStarts marks the numbers that start twice with different text
	// (see readStructure).
	twoStarts map[int]bool
	// numSection is, in a guide numbering （一） anew in each section, the
	// section each measure number was counted in (see numberParens).
	numSection map[int]int
	// withdrawn are the numbers of records an export marks withdrawn (see
	// xmlText): read in their places, then dropped.
	withdrawn []int
}

func parseText(text string) *Guide {
	g := readText(text)
	// A corrupted copy that holds layout residue (markup, a chat's
	// headers, a transcript's turns) is read again even where the first
	// reading seems to make sense: the readers meet the residue, and the
	// copies of its lines, at random places and may read numbered
	// residue as measures (a transcript's times), so the second reading
	// is kept unless the first pairs clearly more measures with contacts.
	single, copies := dropEarlierCopies(text)
	// An .xlsx package's parts are no residue: xlsxText read their
	// markup, and stripping it (entities decoded inside the styles'
	// attributes) would break the parts it reads.
	residue := copies != nil && holdsResidue(single) && (xlsxOff || !isXLSXParts(single)) && !isPPTXParts(single) && !isDocxParts(single) && !isLarkBlocks(single)
	if !poorlyRead(text, g) && !residue {
		return g
	}
	// Without residue the copies stay: the first reading's own handling
	// of them is the better evidence (a handbook's copy read line by
	// line without them gives units to the wrong 指南).
	if !residue {
		single = text
	}
	relaxed := relaxText(single)
	if relaxed == text {
		return g
	}
	if g2 := readText(relaxed); betterReading(text, g2, g) || residue && readsWell(text, g2) && !betterReading(text, g, g2) {
		if g2.Title == "" {
			// A preamble the reader could not cut (no "为…" after the
			// title): a chat's or a transcript's first line names it.
			for _, l := range strings.Split(relaxed, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					if rest, ok := strings.CutPrefix(g2.Preamble, squeezeSpace(l)); ok {
						g2.Title, g2.Preamble = squeezeSpace(l), rest
					}
					break
				}
			}
		}
		dropUnlikelyPeople(g2)
		// The copies dropped before the cleaning are the reading's too.
		if residue {
			g2.Report.Duplicates = append(copies, g2.Report.Duplicates...)
		}
		g2.Report.warn("layout", nil, "no layout reader read the text well: it was read again without its markup, transcript or chat residue (%d measures, %d with a contact)", len(g2.Measures), paired(g2))
		return g2
	}
	return g
}

// readText reads text with the layout readers and the shape fallback.
func readText(text string) *Guide {
	g := &Guide{}
	// A raw e-mail message (.eml) is read as the guide it carries: its
	// text once and its contact table once (see emlText).
	text, emlUnread := emlText(text)
	g.Report.Unread = append(g.Report.Unread, emlUnread...)
	// An unzipped e-book's files are read as the text its reader shows,
	// its chapters in spine order (see epubText).
	text, epubItems, epubUnread, epubCopies := epubText(text)
	g.Report.Unread = append(g.Report.Unread, epubUnread...)
	// A Word document's document.xml is read as the text Word shows,
	// its automatic list numbers written out (see docxText).
	text, docxPoints, docxUnread, docxCopies := docxText(text)
	g.Report.Unread = append(g.Report.Unread, docxUnread...)
	// So is a whole .docx's unzipped parts, its numbers counted through
	// numbering.xml and styles.xml (see docxPartsText).
	text, dpPoints, dpUnread, dpCopies := docxPartsText(text)
	g.Report.Unread = append(g.Report.Unread, dpUnread...)
	docxPoints = append(docxPoints, dpPoints...)
	docxCopies = append(docxCopies, dpCopies...)
	// So is an OpenDocument text's content.xml (see odtText).
	text, odtPoints, odtUnread, odtCopies := odtText(text)
	g.Report.Unread = append(g.Report.Unread, odtUnread...)
	docxPoints = append(docxPoints, odtPoints...)
	// So is an OFD document's page content, its glyphs placed on the
	// page (see ofdText).
	text, ofdUnread, ofdCopies := ofdText(text)
	g.Report.Unread = append(g.Report.Unread, ofdUnread...)
	docxCopies = append(docxCopies, ofdCopies...)
	// So is a scanned guide's hOCR output, its words placed on the
	// page (see hocrText).
	text, hocrUnread, hocrCopies := hocrText(text)
	g.Report.Unread = append(g.Report.Unread, hocrUnread...)
	docxCopies = append(docxCopies, hocrCopies...)
	// So are PaddleOCR's results of overlapping phone screenshots of a
	// long image, stitched back into the image (see screenshotText).
	text, shotUnread, shotCopies := screenshotText(text)
	g.Report.Unread = append(g.Report.Unread, shotUnread...)
	docxCopies = append(docxCopies, shotCopies...)
	// So is a PowerPoint deck's unzipped XML parts, its slides in show
	// order (see pptxText).
	text, pptxUnread, pptxCopies := pptxText(text)
	g.Report.Unread = append(g.Report.Unread, pptxUnread...)
	docxCopies = append(docxCopies, pptxCopies...)
	// So is a Feishu/Lark document's blocks API export, its blocks in
	// the tree's order (see larkText).
	text, larkUnread, larkCopies := larkText(text)
	g.Report.Unread = append(g.Report.Unread, larkUnread...)
	docxCopies = append(docxCopies, larkCopies...)
	docxCopies = append(docxCopies, odtCopies...)
	docxCopies = append(docxCopies, epubCopies...)
	// A calendar export (.ics) is read as the policy list its events
	// carry (see icsText).
	text, icsUnread, icsCopies := icsText(text)
	g.Report.Unread = append(g.Report.Unread, icsUnread...)
	// So is a policy library's XML export (see xmlText).
	text, xmlUnread, xmlWithdrawn, xmlCopies := xmlText(text)
	g.Report.Unread = append(g.Report.Unread, xmlUnread...)
	// So is a database dump (see sqlText).
	text, sqlUnread, sqlWithdrawn, sqlCopies := sqlText(text)
	g.Report.Unread = append(g.Report.Unread, sqlUnread...)
	xmlWithdrawn = append(xmlWithdrawn, sqlWithdrawn...)
	xmlCopies = append(xmlCopies, sqlCopies...)
	// So is an Excel XML Spreadsheet 2003 workbook (see spreadsheetText).
	text, ssUnread, ssWithdrawn, ssCopies := spreadsheetText(text)
	g.Report.Unread = append(g.Report.Unread, ssUnread...)
	xmlWithdrawn = append(xmlWithdrawn, ssWithdrawn...)
	xmlCopies = append(xmlCopies, ssCopies...)
	// So is an .xlsx workbook's unzipped XML parts, through the same
	// grid reading (see xlsxText).
	text, xlUnread, xlWithdrawn, xlCopies := xlsxText(text)
	g.Report.Unread = append(g.Report.Unread, xlUnread...)
	xmlWithdrawn = append(xmlWithdrawn, xlWithdrawn...)
	xmlCopies = append(xmlCopies, xlCopies...)
	// A received fax's OCR text is read as the guide it carries (see
	// faxText).
	text, faxUnread, faxCopies := faxText(text)
	g.Report.Unread = append(g.Report.Unread, faxUnread...)
	// A phone-backup export of SMS notifications is read as the policy
	// list its series holds (see smsText); its copies (a part received
	// twice, a corrupted copy's repeats) were merged by its reader and
	// are only reported, as a knowledge base's are (see below).
	text, smsUnread, smsCopies := smsText(text)
	g.Report.Unread = append(g.Report.Unread, smsUnread...)
	// A notice forwarded down an e-mail thread is read as the notice
	// (see mailText).
	text, mailUnread := mailText(text)
	g.Report.Unread = append(g.Report.Unread, mailUnread...)
	// A policy platform's JSON export is read as the policy list it holds
	// (see jsonText).
	text = jsonText(text)
	// So is a mini-program's YAML data file (see yamlText).
	text, yamlUnread, yamlUnits, yamlAbsent, yamlWithdrawn, yamlCopies := yamlText(text)
	g.Report.Unread = append(g.Report.Unread, yamlUnread...)
	// So is a kiosk's TOML content config (see tomlText), through the
	// same tree walk.
	text, tomlUnread, tomlUnits, tomlAbsent, tomlWithdrawn, tomlCopies := tomlText(text)
	g.Report.Unread = append(g.Report.Unread, tomlUnread...)
	yamlUnits = append(yamlUnits, tomlUnits...)
	yamlAbsent = append(yamlAbsent, tomlAbsent...)
	yamlCopies = append(yamlCopies, tomlCopies...)
	// So is a hotline knowledge base's export (see kbText).
	text, kbUnread, kbCopies, kbUnits := kbText(text)
	g.Report.Unread = append(g.Report.Unread, kbUnread...)
	g.Units = append(yamlUnits, kbUnits...)
	// So is a slide deck exported to text (see slideText).
	text, slUnread, slCopies := slideText(text)
	g.Report.Unread = append(g.Report.Unread, slUnread...)
	kbCopies = append(kbCopies, slCopies...)
	// So is a mini-program's pages copied out one after another (see
	// miniAppText).
	text, maUnread, maCopies := miniAppText(text)
	g.Report.Unread = append(g.Report.Unread, maUnread...)
	kbCopies = append(kbCopies, maCopies...)
	// So are form cards printed two to a page (see cardText).
	text, cardUnread, cardCopies := cardText(text)
	g.Report.Unread = append(g.Report.Unread, cardUnread...)
	kbCopies = append(kbCopies, cardCopies...)
	// So is Word's plain-text export: its list numbers, manual line
	// breaks, notes and table rows (see wordText).
	text, wtUnread, wtCopies := wordText(text)
	g.Report.Unread = append(g.Report.Unread, wtUnread...)
	docxCopies = append(docxCopies, wtCopies...)
	// A LaTeX source is read as the text its document shows (see
	// latexText), and a web page's source as the text the page shows (see
	// htmlText): both mark the bold titles of bracket-numbered measures.
	text, texItems := latexText(text)
	// Word's HTML (另存为 网页) is read as the text Word shows, before
	// htmlText would read it as any web page (see wordHTMLText).
	text, wordItems, wordUnread, wordCopies := wordHTMLText(text)
	g.Report.Unread = append(g.Report.Unread, wordUnread...)
	docxCopies = append(docxCopies, wordCopies...)
	text, boldItems := htmlText(text)
	boldItems += texItems + epubItems + wordItems
	raw := text
	text, gridCopies := normalizeGrid(text)
	text, colCopies := normalizeColumns(text)
	text, csvCopies, sheetUnits, sheetUnread := normalizeCSV(text)
	g.Units = append(g.Units, sheetUnits...)
	g.Report.Unread = append(g.Report.Unread, sheetUnread...)
	csvCopies = append(append(gridCopies, colCopies...), csvCopies...)
	// A video's subtitle files are read as the numbered layout their
	// speech holds (see normalizeSubtitles).
	text, srtUnread, srtCopies := normalizeSubtitles(text)
	g.Report.Unread = append(g.Report.Unread, srtUnread...)
	// A Word table's rows naming measures by title (see numberRowsByTitle).
	text, titleUnread := numberRowsByTitle(text)
	g.Report.Unread = append(g.Report.Unread, titleUnread...)
	text, unread, fields := normalizeFields(normalizeLayouts(text))
	g.Report.Unread = append(g.Report.Unread, unread...)
	p := &parser{closingFrom: -1, fields: fields, g: g, r: &g.Report, measures: map[int]*Measure{}, starts: map[int]bool{}, owners: map[int]int{},
		blockOf: map[int]int{}, tableRows: map[int]bool{}, strays: map[int]bool{}, byPosition: map[int]bool{}, clauseOf: map[int]bool{}}
	sents := splitSentences(text)
	p.r.Sentences = len(sents)
	kept, dups := dedupe(sents)
	// A CSV list's copies were dropped before its records could be read
	// (see normalizeCSV).
	p.r.Duplicates = append(csvCopies, dups...)
	parens := detectParens(kept) || boldItems >= 2
	kept, byLast := inOrder(sents, kept, parens)
	p.next = successors(sents, kept)
	p.byLast, p.nextLast = lastOrder(sents, kept)
	if byLast {
		// The order read is that of the last copies: so is what follows
		// a sentence. An earlier copy stands among the copies ahead of
		// their places, so what follows it says nothing.
		for i := range p.next {
			p.next[i] = i + 1
			if i == len(p.next)-1 {
				p.next[i] = -1
			}
		}
	}
	p.parens = parens
	p.withdrawn = append(append(xmlWithdrawn, yamlWithdrawn...), tomlWithdrawn...)
	for i, s := range kept {
		p.pieces = append(p.pieces, readPiece(i, s, parens))
	}
	subpoints(p.pieces, docxPoints)
	p.readTables()
	p.fitGlued()
	if parens {
		p.numberParens()
	}
	first := p.readPreamble()
	g.areaCodeFrom(text)
	p.markDisplaced()
	if f := p.trimPreamble(first); f < first {
		first, p.headTo = f, first
		p.setPreamble(first)
	}
	p.readStructure(first)
	p.readDirectory(first)
	p.attachOrphans(first)
	p.placeMeasures()
	p.withholdMisnumbered()
	p.applyDirectory()
	p.dropAbsent(yamlAbsent)
	p.finish()
	// A knowledge base export's copies were merged by its reader, which
	// settled whose each field is (see kbText), and a subtitle reader's
	// (a head sentence or a file written twice) were dropped before it put
	// the cues in timestamp order (see normalizeSubtitles): neither leaves
	// a sentence out of its place, so neither is counted as copies the
	// sentence parser must be wary of, only reported. Nor are a
	// calendar's, whose reader kept each sentence in the event that gave
	// it last (see icsOwnSentences).
	p.r.Duplicates = append(append(append(append(append(append(append(append(kbCopies, srtCopies...), p.r.Duplicates...), smsCopies...), faxCopies...), yamlCopies...), xmlCopies...), docxCopies...), icsCopies...)
	g.byShape(raw)
	g.markFrame()
	return g
}

var (
	publishedRe = regexp.MustCompile(`发布日期[：:]?(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?`)
	issuerRe    = regexp.MustCompile(`^(.+?)关于`)
	sourceLine  = regexp.MustCompile(`^\s*来源[：:]([^\s。，]+)。`)
	// introEnd is the sentence that ends a guide's introduction and
	// announces its measures ("…特制定以下措施：", "…制定本实施细则。").
	// A notice that forwards the measures ends its cover letter with the
	// instruction to carry them out ("…印发给你们，请认真贯彻执行。").
	introEnd = regexp.MustCompile(`(?:(?:制定|制订|如下|以下)[^。：:]{0,12}|(?:贯彻执行|贯彻落实|遵照执行|抓好落实))[。：:]$`)
	// coverEnd is a cover letter's last sentence, handing the measures
	// down ("现将《…》印发给你们，请结合实际做好…。").
	coverEnd = regexp.MustCompile(`印发(?:给你们)?[，,]请[^。]*[。：:]$`)
)

// readPreamble takes the plain sentences before the first structural one as
// the preamble: title, date, issuer and introduction. It returns the index
// of the first structural piece.
func (p *parser) readPreamble() int {
	first := len(p.pieces)
	for i := range p.pieces {
		if p.pieces[i].structural() {
			first = i
			break
		}
	}
	if first < len(p.pieces) && len(p.pieces[first].headings) == 0 && p.pieces[first].block != nil {
		// The guide opens on a contact block: its first heading and
		// measure start were lost together, and what stands between the
		// introduction and the block is that measure's follow-ups. The
		// first sentence, which holds the title, stays preamble whole,
		// and may hold the whole introduction.
		for i := first - 1; i >= 0; i-- {
			if introEnd.MatchString(p.pieces[i].text) {
				first = i + 1
				break
			}
		}
	}
	if p.fields {
		// A policy list's field line (适用对象：…) is a measure's, never
		// the introduction's: where the corruption put one before the
		// first start, the introduction ends before it.
		for i := range first {
			if slotOf(p.pieces[i].text) >= 0 {
				first = i
				break
			}
		}
	}
	p.setPreamble(first)
	return first
}

// trimPreamble returns where the preamble read up to first ends in a
// corrupted copy: at the first sentence after the introduction's
// announcing one (introEnd, or a cover letter's "现印发给你们，请…") that is
// neither the guide's frame (speaksOfGuide: "本细则…", the area-code note)
// nor a line without a 。 (the signature, the measures' title over
// them). Such a sentence is a measure's, moved
// before the first start by the corruption or left there by a first
// start it lost, and is read as an orphan; the frame sentences after it
// go back to the preamble (see attachOrphans). A clean text keeps its
// preamble whole: only the corruption puts a measure's sentence there.
func (p *parser) trimPreamble(first int) int {
	if !p.corrupted() {
		return first
	}
	end := slices.IndexFunc(p.pieces[:first], func(pc piece) bool {
		return introEnd.MatchString(pc.text) || coverEnd.MatchString(pc.text)
	})
	if end < 0 {
		return first
	}
	for i := end + 1; i < first; i++ {
		if !p.frameSentence(i) {
			return i
		}
	}
	return first
}

// frameSentence reports whether piece i, in the preamble after its
// introduction, is the guide's: a sentence speaking of the whole guide,
// or a line without a 。 (the signature, the date, the measures' title).
func (p *parser) frameSentence(i int) bool {
	t := p.pieces[i].text
	return p.speaksOfGuide(t) || !strings.HasSuffix(t, "。") && !strings.HasSuffix(t, "）")
}

// setPreamble reads the pieces before first as the guide's head: title,
// date, issuer and introduction.
func (p *parser) setPreamble(first int) {
	var pre strings.Builder
	for _, pc := range p.pieces[:first] {
		pre.WriteString(pc.text)
	}
	text := pre.String()
	if loc := publishedRe.FindStringSubmatchIndex(text); loc != nil {
		m := publishedRe.FindStringSubmatch(text)
		p.g.Title = text[:loc[0]]
		p.g.Published = fmt.Sprintf("%s-%02s-%02s", m[1], pad2(m[2]), pad2(m[3]))
		p.g.Preamble = text[loc[1]:]
	} else if i := strings.Index(text, "为"); i > 0 && first > 0 {
		p.g.Title, p.g.Preamble = text[:i], text[i:]
	} else {
		p.g.Preamble = text
	}
	if m := issuerRe.FindStringSubmatch(p.g.Title); m != nil {
		p.g.Issuer = m[1]
		// A title naming only the place ("天山区关于…") under a 来源
		// line naming the office of that place: the office issued it.
		if s := sourceLine.FindStringSubmatch(p.g.Preamble); s != nil && s[1] != m[1] && strings.Contains(s[1], m[1]) {
			p.g.Issuer = s[1]
		}
	} else if m := sourceLine.FindStringSubmatch(p.g.Preamble); m != nil {
		// A page copied from a website names its publisher as 来源
		// (see normalizeWebQA); its title names none.
		p.g.Issuer = m[1]
	}
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func (p *parser) measure(n int) *Measure {
	m := p.measures[n]
	if m == nil {
		m = &Measure{Number: n, Details: []string{}, Lead: []string{}, Support: []string{}, Contacts: []Contact{}}
		p.measures[n] = m
	}
	return m
}

// readStructure reads measure starts, contact blocks and headings.
func (p *parser) readStructure(first int) {
	var pending []heading // headings in a sentence without a measure
	pendingAt := -1       // the piece holding the last of them
	open := 0             // the measure the text read last belongs to
	p.started = map[int]bool{}
	bodies := map[int]string{}
	p.twoStarts = map[int]bool{}
	for i, pc := range p.pieces {
		p.started[pc.start] = pc.start > 0
		if i < first || pc.start == 0 || pc.table {
			continue
		}
		if b, ok := bodies[pc.start]; ok && b != pc.body {
			p.twoStarts[pc.start] = true
		}
		bodies[pc.start] = pc.body
	}
	for i := first; i < len(p.pieces); i++ {
		pc := &p.pieces[i]
		if !pc.structural() || pc.table {
			continue
		}
		if pc.block != nil {
			open = p.readBlockOwner(pc, open)
		}
		if pc.junk != "" {
			p.r.unread(lineOf(pc.raw, pc.junk), "words after a contact block that are not a phone, e-mail, hours or label: "+pc.junk)
		}
		if pc.trail != nil && open > 0 && !p.clauseOf[open] && p.nextLost(pc.pos, open) {
			// As for a clause opening a sentence (readBlockOwner): the
			// next measure's start was lost, and the open measure's own
			// clause with it; the clause closes the text after that start.
			open++
		}
		if pc.trail != nil && open > 0 {
			p.blockOf[pc.pos] = open
			p.clauseOf[open] = true
			if !p.measure(open).HasContact() {
				p.byPosition[open] = true
			}
			if p.unsettled(pc, open) {
				p.withhold(pc, open)
			} else {
				p.giveBlock(open, pc.trail, pc)
			}
		}
		hs := append(pending, pc.headings...)
		pending = nil
		if pc.start == 0 {
			if pending = hs; len(pc.headings) > 0 {
				pendingAt = i
			}
			continue
		}
		m := p.measure(pc.start)
		switch {
		case p.starts[pc.start] && m.Text != pc.body:
			p.r.warn(WarnConflict, []int{pc.start}, "measure %d starts twice with different text; kept the first: %s", pc.start, Clip(m.Text, 30))
			continue
		case p.starts[pc.start]:
			continue
		}
		p.starts[pc.start] = true
		m.Text = pc.body
		if !p.displaced[pc.pos] {
			// A start moved alone into another measure's text brackets
			// nothing there (see markDisplaced): the text after it, a
			// clause included, is still the open measure's.
			open = pc.start
		}
		if pc.own != nil {
			p.giveBlock(pc.start, pc.own, pc)
		}
		if len(hs) > 0 {
			p.events = append(p.events, headingEvent{measure: pc.start, headings: hs})
		}
	}
	switch {
	case len(pending) > 0 && len(p.tableRows) > 0:
		// A table guide's headings introduce policy areas, not measures.
		for _, h := range pending {
			if h.section && p.g.Section(h.number) == nil {
				p.g.Sections = append(p.g.Sections, Section{Number: h.number, Title: h.title, Text: h.text})
			}
		}
	case len(pending) == 1 && pending[0].section && p.closingSection(pendingAt):
		// A last section of paragraphs (五、保障措施): the guide's closing
		// words under their heading, no measure's follow-ups.
		h := pending[0]
		p.addSection(Section{Number: h.number, Title: h.title, Text: h.text})
		p.closingFrom, p.closingNumber = pendingAt, h.number
	case len(pending) > 0:
		p.r.warn(WarnUnattributed, nil, "heading %q is followed by no measure", pending[0].title)
	}
}

// closingSection reports whether the section heading in piece at closes
// the guide: sentences follow it, but no measure, block or heading, and
// the measures before it are numbered in order (a corrupted text's lost
// starts leave the same shape).
func (p *parser) closingSection(at int) bool {
	if at < 0 || p.corrupted() {
		return false
	}
	for _, pc := range p.pieces[at+1:] {
		if pc.structural() && !pc.table {
			// The appendix's contact table after the closing words
			// is no measure of the section.
			return false
		}
	}
	return true
}

// readBlockOwner gives a contact block to the measure before the one that
// starts in its sentence. A closing block (a clause) with no measure after
// it belongs to the measure whose text precedes it (open). Any other block
// with no measure after it belongs to the last measure only if it ends the
// seed unterminated (the original's last words); anywhere else its owner is
// unknown.
func (p *parser) readBlockOwner(pc *piece, open int) int {
	owner := pc.start - 1
	if pc.start == 0 {
		owner = 0
		switch {
		case pc.block.closing && open > 0 && p.clauseOf[open] && !p.started[open+1]:
			// A second clause after the open measure's own, and the next
			// number never starts: that measure's start sentence was lost,
			// its clause and steps remain.
			owner, open = open+1, open+1
		case pc.block.closing && open > 0 && !p.clauseOf[open] && p.nextLost(pc.pos, open):
			owner, open = open+1, open+1
			p.clauseOf[owner] = true
		case pc.block.closing && open > 0 && !p.clauseOf[open]:
			owner = open
			if len(p.measure(open).Lead) > 0 {
				// The open measure has its units already, from the block
				// glued to the next number: that sentence was moved ahead
				// of this clause, which closes a measure still without
				// units whose start stands before it.
				if n := p.unitlessBefore(pc.pos); n > 0 {
					owner, open = n, n
				}
			}
			p.clauseOf[owner] = true
		case pc.block.closing && open == 0:
			// A clause before any measure starts: the first measure's
			// start sentence was lost or moved, its clause and steps
			// remain.
			owner = p.beforeNextStart(pc.pos)
		case pc.final && pc.pos == len(p.pieces)-1:
			for n := range p.starts {
				owner = max(owner, n)
			}
		case !pc.block.closing && p.lastOpen(open):
			// The last measure's own block, followed by the guide's
			// closing words ("本清单由…负责解释。") instead of ending it.
			owner = open
		}
	}
	if owner <= 0 {
		p.r.warn(WarnUnattributed, nil, "contact block with no measure to belong to: %s", Clip(pc.text, 40))
		return open
	}
	p.blockOf[pc.pos] = owner
	if pc.start == 0 && p.unsettled(pc, owner) {
		p.withhold(pc, owner)
		return open
	}
	if pc.start == 0 && pc.block.closing {
		p.byPosition[owner] = true
		if len(p.r.Duplicates) > 0 {
			p.r.warn(WarnClauseByPosition, []int{owner}, "measure %d: its units come from a clause that only its place in a corrupted text gives it: %s", owner, Clip(pc.text, 30))
		}
	} else if p.byPosition[owner] && p.measures[owner] != nil && p.measures[owner].HasContact() && !mergeable(p.measures[owner], pc.block) {
		// A block glued to the next measure's number outweighs one that
		// only its position gave to this measure (a displaced clause).
		p.r.warn(WarnConflict, []int{owner}, "measure %d: a clause placed here by position gave way to the block glued to measure %d", owner, pc.start)
		m := p.measures[owner]
		m.Lead, m.Support, m.Contacts = nil, nil, nil
		delete(p.byPosition, owner)
	}
	p.giveBlock(owner, pc.block, pc)
	return open
}

// unitlessBefore returns the measure of the nearest start before piece i
// whose measure has no units yet, or 0.
func (p *parser) unitlessBefore(i int) int {
	for j := i - 1; j >= 0; j-- {
		if n := p.pieces[j].start; n > 0 && len(p.measure(n).Lead) == 0 && !p.clauseOf[n] {
			return n
		}
	}
	return 0
}

// nextLost reports whether the clause in piece i, read after measure
// open's start, closes open+1, whose start sentence was lost or moved away:
// open+1 never starts though a later number does, or its start stands
// after piece i, displaced, and no other clause stands between
// piece i and the next start. Of two measures' clauses the earlier is the
// one the loss takes: open's clause stands just before open's contact
// block, which the lost sentence holds (glued to open+1's number) unless a
// sentence stood between them; open+1's clause follows open+1's text, after
// the lost sentence. So a lone clause there is open+1's, and of two the
// second (see readBlockOwner).
func (p *parser) nextLost(i, open int) bool {
	if p.started[open+1] && !p.movedAfter(i, open+1) || !p.startsAfter(open+1) {
		return false
	}
	for _, pc := range p.pieces[i+1:] {
		switch {
		case pc.trail != nil || pc.block != nil && pc.block.closing:
			return false
		case pc.start > 0:
			return true
		}
	}
	return false
}

// movedAfter reports whether measure n's start stands after piece i,
// displaced (see markDisplaced): its sentence was moved away from where
// its neighbours' clauses stand.
func (p *parser) movedAfter(i, n int) bool {
	for j := i + 1; j < len(p.pieces); j++ {
		if p.pieces[j].start == n {
			return p.displaced[j]
		}
	}
	return false
}

// lastOpen reports whether open is the last measure of the guide and still
// without units, or with only the units of its own clause: it started, no
// number above it starts anywhere, and no block gave it contacts. A block
// after its text can only be its own (every other block is glued to the
// number after it), also when the guide's closing words follow it.
func (p *parser) lastOpen(open int) bool {
	if open <= 0 || !p.starts[open] || p.startsAfter(open) {
		return false
	}
	m := p.measure(open)
	return !m.HasContact() || p.clauseOf[open] && len(m.Contacts) == 0
}

// startsAfter reports whether a number above n starts somewhere.
func (p *parser) startsAfter(n int) bool {
	for m, ok := range p.started {
		if ok && m > n {
			return true
		}
	}
	return false
}

// beforeNextStart returns the measure before the first one that starts
// after piece i, or 0: the measure whose text a clause there closes when no
// measure started before it (the start sentence was lost or moved).
func (p *parser) beforeNextStart(i int) int {
	for _, pc := range p.pieces[i+1:] {
		if pc.start > 0 {
			return pc.start - 1
		}
	}
	return 0
}

// giveBlock gives b to measure owner. A measure may get its units and its
// phones from two blocks (a clause naming the unit, then a phone line after
// the measure's steps); any other second block is a conflict, reported, and
// the first is kept.
func (p *parser) giveBlock(owner int, b *block, pc *piece) {
	if p.twoStarts[owner] || pc.start > 0 && b == pc.block && p.twoStarts[pc.start] {
		if p.copied() {
			p.withholdTwoStarts(pc, owner)
			return
		}
	}
	m := p.measure(owner)
	switch {
	case !m.HasContact():
		m.Lead, m.Support, m.Contacts = nonNil(b.lead), nonNil(b.support), nonNil(b.contacts)
	case mergeable(m, b):
		if len(m.Lead) == 0 {
			m.Lead, m.Support = nonNil(b.lead), nonNil(b.support)
		}
		m.Contacts = append(m.Contacts, b.contacts...)
	case len(m.Lead) > 0 && unitsOf(m, b):
		m.Lead, m.Support = nonNil(b.lead), nonNil(b.support)
	default:
		if !sameBlock(m, b) {
			p.r.warn(WarnConflict, []int{owner}, "measure %d has two different contact blocks; kept the first", owner)
		}
		return
	}
	p.owners[pc.pos] = owner
	if len(b.missing) > 0 {
		p.r.warn(WarnTruncated, []int{owner}, "measure %d: contact block lacks %s", owner, strings.Join(b.missing, " and "))
	}
	if b.attribution != "" {
		p.r.warn(WarnPhoneAttribution, []int{owner}, "measure %d: %s", owner, b.attribution)
	}
}

// mergeable reports whether b completes m: units without phones on one
// side, phones without units on the other.
func mergeable(m *Measure, b *block) bool {
	unitless := func(cs []Contact) bool {
		for _, c := range cs {
			if c.Unit != "" {
				return false
			}
		}
		return len(cs) > 0
	}
	switch {
	case len(m.Contacts) == 0 && len(b.contacts) > 0 && len(b.support) == 0 && (len(b.lead) == 0 && unitless(b.contacts) || subset(b.lead, m.Lead)):
		return true
	case len(m.Lead) == 0 && unitless(m.Contacts) && len(b.lead) > 0 && len(b.contacts) == 0:
		return true
	}
	return false
}

func subset(xs, of []string) bool {
	for _, x := range xs {
		if !slices.Contains(of, x) {
			return false
		}
	}
	return true
}

// fillUnits gives a contact written without its unit to the measure's sole
// lead unit, and reports it where the measure names several. A contact line
// naming as many people as the clause names units, none with its unit
// (联系人：甲 联系电话：…；联系人：乙 联系电话：…), gives them in the clause's
// order, which is how such lines are written; that too is reported, as the
// text does not say it.
func (p *parser) fillUnits() {
	for _, n := range sortedInts(p.measures) {
		m := p.measures[n]
		if pairedInOrder(m) {
			for i := range m.Contacts {
				m.Contacts[i].Unit = m.Lead[i]
			}
			if p.owners != nil && !p.attributionWarned(n) {
				p.r.warn(WarnPhoneAttribution, []int{n}, "measure %d: contacts written without their units, given the clause's units in order", n)
			}
			continue
		}
		for i := range m.Contacts {
			if m.Contacts[i].Unit != "" || len(m.Lead) == 0 {
				continue
			}
			if len(m.Lead) == 1 {
				m.Contacts[i].Unit = m.Lead[0]
			} else if p.owners != nil && !p.attributionWarned(n) {
				p.r.warn(WarnPhoneAttribution, []int{n}, "measure %d: phones written without a unit for a measure naming several units", n)
			}
		}
	}
}

// pairedInOrder reports whether m's contacts are one person each, none with
// a unit, as many as its lead units (two or more) and no two alike.
func pairedInOrder(m *Measure) bool {
	if len(m.Lead) < 2 || len(m.Contacts) != len(m.Lead) {
		return false
	}
	seen := map[string]bool{}
	for _, c := range m.Contacts {
		if c.Unit != "" || len(c.People) != 1 || len(c.Phones)+len(c.Emails) == 0 || seen[c.People[0]] {
			return false
		}
		seen[c.People[0]] = true
	}
	return true
}

func (p *parser) attributionWarned(n int) bool {
	for _, w := range p.r.Warnings {
		if w.Kind == WarnPhoneAttribution && len(w.Measures) == 1 && w.Measures[0] == n {
			return true
		}
	}
	return false
}

func sameBlock(m *Measure, b *block) bool {
	return fmt.Sprint(m.Lead, m.Support, m.Contacts) == fmt.Sprint(nonNil(b.lead), nonNil(b.support), nonNil(b.contacts))
}

// unitsOf reports whether b only names units and its lead units are
// among those m's contacts already hold (the 责任单位 line of a measure a
// table's row by number gave its units, as its lead, and phones): no
// second block, but where the measure has lead units, the line says which
// units lead and which support (a supporting unit may have no row of its
// own in the table).
func unitsOf(m *Measure, b *block) bool {
	if len(b.contacts) > 0 || len(b.lead) == 0 {
		return false
	}
	for _, u := range b.lead {
		if !hasUnit(m.Contacts, u) {
			return false
		}
	}
	return true
}

func nonNil[T any](xs []T) []T { return OrEmpty(xs) }

// finish orders the measures and fills the report's gap lists.
func (p *parser) finish() {
	p.fillUnits()
	for _, n := range p.withdrawn {
		delete(p.measures, n)
		p.r.warn(WarnWithdrawn, []int{n}, "record %d is marked withdrawn in the export: read in its place, then dropped", n)
	}
	nums := make([]int, 0, len(p.measures))
	for n := range p.measures {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		p.g.Measures = append(p.g.Measures, *p.measures[n])
	}
	r := p.r
	r.Missing, r.MissingText, r.MissingContact = []int{}, []int{}, []int{}
	if len(nums) == 0 {
		r.warn(WarnNoMeasures, nil, "the text has no numbered measures")
		return
	}
	for n := 1; n <= nums[len(nums)-1]; n++ {
		m := p.measures[n]
		switch {
		case slices.Contains(p.withdrawn, n):
		case m == nil:
			r.Missing = append(r.Missing, n)
			r.MissingText = append(r.MissingText, n)
		case !m.HasText():
			r.MissingText = append(r.MissingText, n)
		case !m.HasContact():
			r.MissingContact = append(r.MissingContact, n)
		}
	}
	p.checkConsistency()
}

// checkConsistency warns about phones shared between units or people and
// people listed with different phones. The data stays as written.
func (p *parser) checkConsistency() {
	type use struct {
		measure int
		unit    string
		people  string
		phones  string
	}
	byPhone := map[string][]use{}
	byPerson := map[string][]use{}
	for _, m := range p.g.Measures {
		for _, c := range m.Contacts {
			u := use{m.Number, c.Unit, strings.Join(c.People, "、"), strings.Join(c.Phones, "、")}
			for _, ph := range c.Phones {
				byPhone[ph] = append(byPhone[ph], u)
			}
			for _, who := range c.People {
				byPerson[c.Unit+" "+who] = append(byPerson[c.Unit+" "+who], u)
			}
		}
	}
	for _, ph := range sortedKeys(byPhone) {
		uses := byPhone[ph]
		units, people := distinct(uses, func(u use) string { return u.unit }), distinct(uses, func(u use) string { return u.people })
		if len(units) < 2 && len(people) < 2 {
			continue
		}
		var parts []string
		for _, u := range uses {
			parts = append(parts, fmt.Sprintf("%s %s (measure %d)", u.unit, u.people, u.measure))
		}
		p.r.warn(WarnSharedPhone, measuresOf(uses, func(u use) int { return u.measure }), "phone %s is listed for %s", ph, strings.Join(dedupeStrings(parts), "; "))
	}
	for _, who := range sortedKeys(byPerson) {
		uses := byPerson[who]
		if phones := distinct(uses, func(u use) string { return u.phones }); len(phones) < 2 {
			continue
		}
		var parts []string
		for _, u := range uses {
			parts = append(parts, fmt.Sprintf("%s (measure %d)", u.phones, u.measure))
		}
		p.r.warn(WarnPersonPhones, measuresOf(uses, func(u use) int { return u.measure }), "%s is listed with different phones: %s", who, strings.Join(parts, "; "))
	}
}

func distinct[T any](xs []T, key func(T) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if k := key(x); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func measuresOf[T any](xs []T, key func(T) int) []int {
	var out []int
	seen := map[int]bool{}
	for _, x := range xs {
		if k := key(x); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Ints(out)
	return out
}

func dedupeStrings(xs []string) []string {
	return distinct(xs, func(s string) string { return s })
}
