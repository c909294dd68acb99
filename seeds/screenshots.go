package seeds

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A district may publish its guide only as one long 「一图读懂」 image in a
// public-account article; what reaches the bot is then a clerk's phone
// screenshots of it, scrolled through with overlaps, run through PaddleOCR
// and saved one JSON object per screenshot (JSON Lines):
//
//	{"image": "Screenshot_20220623-101512.jpg", "width": 1080, "height": 2400,
//	 "ocr": [[[[94.0, 258.0], [970.0, 257.0], [970.0, 310.0], [94.0, 311.0]], ["1.留抵退税。…", 0.998]], …]}
//
// Each box is one visual text line (or one table cell's line): its four
// corners on the screen and its text and confidence. screenshotText reads
// such a file by geometry alone, as a person scrolling the image would:
//   - boxes are read leniently, by their syntax, so a line cut off or
//     broken by a corrupted copy still gives the boxes it holds; each
//     "image" object opens a screenshot;
//   - the screen's furniture is dropped by its place: the status bar and
//     the article bar at the screen's top (above the content's first
//     twelfth), the toolbar (写留言 分享 赞 在看) at its foot, a square icon
//     box before a heading, and the article's own account-and-time line;
//   - the screenshots are stitched into the one long image they show:
//     each one's scroll from the one before is the offset most pairs of
//     boxes of like text and like x agree on (the same line OCR'd twice
//     with its own noise: matched by similarity, not equality); where two
//     boxes of the stitched image overlap, the better one stays (not cut
//     by the screen's edge, then the more confident), so the overlap is
//     read once. A screenshot matching none is appended below;
//   - boxes are ordered into visual lines by their vertical centres (not
//     by the engine's order, which swaps boxes of one line); lines of two
//     narrow boxes apart (three lines or more: a two-column panel) are
//     read column by column;
//   - a table is the lines under a header line of three cells or more
//     naming 序号/联系人/电话/单位, down to a box that spans columns: each
//     cell box goes to the header column over it and to the row of the
//     first column's cell nearest it (cells are centred in their row); a
//     cell's lines are joined without separator, two numbers on two lines
//     by "、", and a phone's digits apart by a space are joined. A column
//     naming measures ("第2-4条 税费减免") makes it a table of contacts by
//     measure (see odtByMeasure); its row numbers are no measure's;
//   - lines are joined into paragraphs: a line goes on the one before it
//     when that one ran to the right edge of its column and this one
//     starts under it, unless it opens a measure or a heading; a duty
//     clause "（责任单位：…）" goes on its measure;
//   - the article's footer (阅读, 往期推荐, 精选留言 and what follows) and a
//     QR code's caption are no content, and so their phones are no
//     measure's; "【2022】" in a 文号 is read back as "〔2022〕".
//
// A text that is no such file comes back unchanged.

// shotSign marks a screenshot's OCR object.
var shotSign = regexp.MustCompile(`"ocr"\s*:\s*\[\s*\[\s*\[\s*\[`)

// shotStart opens a screenshot's object.
var shotStart = regexp.MustCompile(`\{\s*"image"\s*:`)

// shotNum is a coordinate or a confidence as Python writes a float:
// repr gives up to 17 significant digits (0.9896943737433687).
const shotNum = `(-?\d{1,7}(?:\.\d{0,20})?(?:[eE][-+]?\d{1,3})?)`

// shotBox is one box: four corners, then its text and confidence.
var shotBox = regexp.MustCompile(`\[\s*\[\s*` + shotNum + `\s*,\s*` + shotNum + `\s*\]\s*,\s*\[\s*` + shotNum + `\s*,\s*` + shotNum + `\s*\]\s*,\s*\[\s*` + shotNum + `\s*,\s*` + shotNum + `\s*\]\s*,\s*\[\s*` + shotNum + `\s*,\s*` + shotNum + `\s*\]\s*\]\s*,\s*\[\s*("(?:[^"\\]|\\.)*")\s*,\s*` + shotNum + `\s*\]\s*\]`)

var (
	shotWidth  = regexp.MustCompile(`"width"\s*:\s*(\d{2,6}(?:\.\d*)?)`)
	shotHeight = regexp.MustCompile(`"height"\s*:\s*(\d{2,6}(?:\.\d*)?)`)
	// shotToolbar is the article's toolbar at the screen's foot.
	shotToolbar = regexp.MustCompile(`^(?:写留言|留言|分享|赞|在看|收藏|转发)$`)
	// shotIcon is a decorative square read as a character.
	shotIcon = regexp.MustCompile(`^[■□口◆◇●▌▍]$`)
	// shotIconHead is such a square read into a heading.
	shotIconHead = regexp.MustCompile(`^[■□口◆◇●▌▍][ 　]*([一二三四五六七八九十]{1,3}[、.．])`)
	// shotAccountLine is the article's account name and publication time.
	shotAccountLine = regexp.MustCompile(`^\S{0,20}[ 　]*\d{4}-\d{1,2}-\d{1,2}[ 　]+\d{1,2}:\d{2}(?:[ 　]*发表于\S{0,8})?$`)
	// shotFooter opens the article's footer: nothing after it is content.
	shotFooter = regexp.MustCompile(`^(?:阅读[ 　]*[\d.]+万?|往期推荐|精选留言|写留言|阅读原文)`)
	// shotSource is the article's source line, which opens its footer
	// after the image (editors, the account's own phone).
	shotSource = regexp.MustCompile(`^(?:来源|编辑|责编|责任编辑)[：:]`)
	// shotNote opens a note under a table.
	shotNote = regexp.MustCompile(`^(?:注|备注|说明)[：:]`)
	// shotQR opens a QR code's caption: its lines are no content.
	shotQR = regexp.MustCompile(`^(?:扫码|扫一扫|长按识别|长按二维码)`)
	// shotStartLine opens a measure or a heading.
	shotStartLine = regexp.MustCompile(`^(?:[0-9０-９]{1,3}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|附件|注[：:])`)
	// shotClause opens a duty clause.
	shotClause = regexp.MustCompile(`^[（(](?:责任|牵头|主办|配合)单位[：:]`)
	// shotTableHead names a contact table's columns.
	shotTableHead = regexp.MustCompile(`^(?:序号|编号|政策条款|条款|政策措施|对应条款|责任单位|牵头单位|单位|联系人|联系电话|电话|咨询电话|联系方式)$`)
	shotPhoneHead = regexp.MustCompile(`电话|联系方式|手机`)
	// shotRefCell is a cell naming measures: "第2-4条 税费减免".
	shotRefCell = regexp.MustCompile(`^第?[ 　]*([0-9０-９]{1,3}(?:[ 　]*[-－—–~～至、,，][ 　]*第?[0-9０-９]{1,3})*)[ 　]*[条项]`)
	shotDocNo   = regexp.MustCompile(`(\p{Han})【(\d{4})】(\d{1,4}号)`)
	shotDigitSp = regexp.MustCompile(`(\d) +(\d)`)
)

// shotMaxBoxes bounds the boxes read from one screenshot (a screen holds
// about forty lines; a table's cells a few hundred), so that a damaged
// file costs no quadratic time.
const shotMaxBoxes = 400

// shotMaxShots bounds the screenshots read: a guide is a few dozen.
const shotMaxShots = 200

// shotMaxTotal bounds the boxes read from the whole file.
const shotMaxTotal = 12000

// shotBoxT is one OCR box on its screenshot, later on the long image.
type shotBoxT struct {
	x0, y0, x1, y1 float64
	text           string
	conf           float64
	shot           int
	edge           bool // cut by the screen's content edge
	drop           bool
}

func (b *shotBoxT) h() float64  { return max(b.y1-b.y0, 1) }
func (b *shotBoxT) cy() float64 { return (b.y0 + b.y1) / 2 }

// shot is one screenshot's content boxes.
type shot struct {
	width, height float64
	boxes         []*shotBoxT
}

// isScreenshots reports whether text opens as PaddleOCR screenshot results.
func isScreenshots(text string) bool {
	head := strings.TrimLeft(text, "\ufeff \t\r\n")
	if !strings.HasPrefix(head, "{") {
		return false
	}
	head = head[:min(len(head), 8000)]
	return shotSign.MatchString(head) && shotBox.MatchString(head)
}

// screenshotText: see above. It returns the text a person reads, what it
// could not read and the copies a corrupted copy's reading dropped (see
// dropEarlierCopies), or text unchanged.
func screenshotText(text string) (string, []Unread, []Duplicate) {
	if !isScreenshots(text) {
		return text, nil, nil
	}
	single, copies := dropEarlierCopies(text)
	var unread []Unread
	for _, l := range strings.Split(single, "\n") {
		if t := strings.TrimSpace(l); t != "" && !json.Valid([]byte(t)) {
			unread = append(unread, Unread{Line: clip(t, 80), Why: "a screenshot's OCR line that is no whole JSON object: its boxes read by their syntax"})
		}
	}
	shots := readShots(single)
	if len(shots) == 0 {
		return text, unread, nil
	}
	boxes := stitchShots(shots)
	if len(boxes) == 0 {
		return text, unread, nil
	}
	paras := shotParagraphs(boxes, shots[0].width)
	shotHead(paras)
	out, _ := numberedText(paras, func(docxPara, int, bool) string { return "" })
	if strings.TrimSpace(out) == "" {
		return text, unread, nil
	}
	return out, unread, copies
}

// clip cuts s to n runes for a report.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// readShots reads each screenshot's boxes, its furniture dropped.
func readShots(text string) []*shot {
	starts := shotStart.FindAllStringIndex(text, -1)
	if len(starts) == 0 || starts[0][0] > 0 && strings.TrimSpace(text[:starts[0][0]]) != "" {
		starts = append([][]int{{0, 0}}, starts...)
	}
	var out []*shot
	total := 0
	for i, s := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		chunk := text[s[0]:end]
		sh := &shot{width: 1080, height: 2400}
		if m := shotWidth.FindStringSubmatch(chunk); m != nil {
			if v, err := strconv.ParseFloat(m[1], 64); err == nil && v >= 100 {
				sh.width = v
			}
		}
		if m := shotHeight.FindStringSubmatch(chunk); m != nil {
			if v, err := strconv.ParseFloat(m[1], 64); err == nil && v >= 100 {
				sh.height = v
			}
		}
		for _, m := range shotBox.FindAllStringSubmatch(chunk, -1) {
			var pts [8]float64
			ok := true
			for k := range pts {
				v, err := strconv.ParseFloat(m[k+1], 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e6 {
					ok = false
					break
				}
				pts[k] = v
			}
			conf, err := strconv.ParseFloat(m[10], 64)
			if !ok || err != nil || math.IsNaN(conf) {
				continue
			}
			var t string
			raw := strings.NewReplacer("\r", "", "\n", "").Replace(m[9])
			if json.Unmarshal([]byte(raw), &t) != nil {
				t = strings.Trim(raw, `"`)
			}
			t = strings.TrimSpace(t)
			if t == "" {
				continue
			}
			b := &shotBoxT{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), text: t, conf: conf, shot: len(out)}
			for k := 0; k < 8; k += 2 {
				b.x0, b.x1 = min(b.x0, pts[k]), max(b.x1, pts[k])
				b.y0, b.y1 = min(b.y0, pts[k+1]), max(b.y1, pts[k+1])
			}
			sh.boxes = append(sh.boxes, b)
			if len(sh.boxes) >= shotMaxBoxes {
				break // no phone screen holds more lines: no screenshot
			}
		}
		if len(sh.boxes) > 0 {
			out = append(out, sh)
		}
		if total += len(sh.boxes); len(out) >= shotMaxShots || total >= shotMaxTotal {
			break
		}
	}
	shotDropFurniture(out)
	return out
}

// shotDropFurniture drops the bars at the screen's top and foot and the
// icon boxes, and marks boxes cut by the content's edges.
func shotDropFurniture(shots []*shot) {
	for _, sh := range shots {
		topBand := sh.height * 0.0875 // status bar and article bar
		footBand := sh.height * 0.95
		bottom := sh.height * 0.975
		var kept []*shotBoxT
		for _, b := range sh.boxes {
			if b.cy() < topBand {
				continue
			}
			if b.y0 >= footBand && shotToolbar.MatchString(b.text) {
				bottom = min(bottom, b.y0-sh.height*0.025)
				continue
			}
			if shotIcon.MatchString(b.text) {
				continue
			}
			b.text = shotIconHead.ReplaceAllString(b.text, "$1")
			kept = append(kept, b)
		}
		top := math.Inf(1)
		for _, b := range kept {
			top = min(top, b.y0)
		}
		for _, b := range kept {
			b.edge = b.y0 <= top+2 || b.y1 >= bottom-2
		}
		sh.boxes = kept
	}
}

// shotNorm is a box's text as compared: digits and punctuation in one
// width, spaces dropped.
func shotNorm(s string) []rune {
	var out []rune
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = '0' + r - '０'
		case r == '(':
			r = '（'
		case r == ')':
			r = '）'
		case r == ':':
			r = '：'
		case r == ';':
			r = '；'
		case r == ',':
			r = '，'
		case unicode.IsSpace(r):
			continue
		}
		out = append(out, r)
		if len(out) >= 64 {
			break
		}
	}
	return out
}

// shotSimilar is 2·LCS over the lengths of two texts' runes (lcs, as the
// booklet's 目录 matching uses it).
func shotSimilar(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 2 * float64(lcs(a, b)) / float64(len(a)+len(b))
}

// stitchShots places every screenshot on the long image (see above) and
// returns the boxes kept, the overlaps read once.
func stitchShots(shots []*shot) []*shotBoxT {
	offsets := make([]float64, len(shots))
	for i := 1; i < len(shots); i++ {
		offsets[i] = offsets[i-1] + shotScroll(shots[i-1], shots[i])
	}
	var all, before []*shotBoxT
	for i, sh := range shots {
		for _, b := range sh.boxes {
			b.y0 += offsets[i]
			b.y1 += offsets[i]
		}
		// An overlap: a box on a box already placed is the same line
		// read twice; the better reading stays.
		for _, b := range sh.boxes {
			for _, a := range before {
				if a.drop {
					continue
				}
				ov := min(a.y1, b.y1) - max(a.y0, b.y0)
				xov := min(a.x1, b.x1) - max(a.x0, b.x0)
				if ov < 0.5*min(a.h(), b.h()) || xov < 0.5*min(a.x1-a.x0, b.x1-b.x0) {
					continue
				}
				if shotBetter(b, a) {
					a.drop = true
				} else {
					b.drop = true
					break
				}
			}
			all = append(all, b)
		}
		before = sh.boxes // only consecutive screenshots overlap
	}
	var kept []*shotBoxT
	for _, b := range all {
		if !b.drop {
			kept = append(kept, b)
		}
	}
	return kept
}

// shotBetter reports whether b reads a line better than a: not cut by
// the screen's edge, then the more confident.
func shotBetter(b, a *shotBoxT) bool {
	if a.edge != b.edge {
		return !b.edge
	}
	return b.conf > a.conf
}

// shotScroll is how far the screen scrolled from a to b: the shift most
// pairs of like boxes agree on, weighted by their length; with no pair,
// a's content height (b follows a without overlap).
func shotScroll(a, b *shot) float64 {
	type vote struct{ d, w float64 }
	var votes []vote
	norms := make([][]rune, len(b.boxes))
	for j, y := range b.boxes {
		norms[j] = shotNorm(y.text)
	}
	// The overlap is less than most of a screen: a's lower and b's upper
	// two thirds hold it.
	for _, x := range a.boxes {
		nx := shotNorm(x.text)
		if len(nx) < 4 || x.y0 < a.height/3 {
			continue
		}
		for j, y := range b.boxes {
			if math.Abs(x.x0-y.x0) > a.width*0.02 || y.y1 > b.height*2/3 || len(votes) >= 2000 {
				continue
			}
			ny := norms[j]
			if len(ny) < 4 || shotSimilar(nx, ny) < 0.7 {
				continue
			}
			w := float64(min(len(nx), len(ny)))
			if !x.edge && !y.edge {
				votes = append(votes, vote{x.y0 - y.y0, w})
			} else {
				votes = append(votes, vote{x.y0 - y.y0, w / 2}, vote{x.y1 - y.y1, w / 2})
			}
		}
	}
	// The shifts most votes agree on are tried first.
	weight := make([]float64, len(votes))
	for i, v := range votes {
		for _, u := range votes {
			if math.Abs(u.d-v.d) <= 6 {
				weight[i] += u.w
			}
		}
	}
	order := make([]int, len(votes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(weight[j], weight[i]) })
	sorted := make([]vote, len(votes))
	for k, i := range order {
		sorted[k] = votes[i]
	}
	votes = sorted
	// Each shift voted for is checked against the whole overlap it
	// implies: a lined-up image repeats like lines at like distances, so
	// a vote alone proves little, but under the true shift every box of
	// b inside a's screen lies on a box of a of like text.
	bottom := math.Inf(-1)
	for _, x := range a.boxes {
		bottom = max(bottom, x.y1)
	}
	best, bestW := 0.0, 0.0
	tried := map[int]bool{}
	for _, v := range votes {
		if v.d <= 0 || tried[int(v.d)] || len(tried) >= 40 {
			continue
		}
		tried[int(v.d)] = true
		score := 0.0
		for j, y := range b.boxes {
			if y.y1+v.d > bottom+2 {
				continue
			}
			ny := norms[j]
			w := float64(len(ny))
			hit := false
			for _, x := range a.boxes {
				if (math.Abs(x.y0-y.y0-v.d) <= 8 || math.Abs(x.y1-y.y1-v.d) <= 8) && min(x.x1, y.x1)-max(x.x0, y.x0) > 0 &&
					shotSimilar(shotNorm(x.text), ny) >= 0.5 {
					hit = true
					break
				}
			}
			if hit {
				score += w
			} else {
				score -= w
			}
		}
		if score > bestW {
			best, bestW = v.d, score
		}
	}
	if bestW > 0 {
		return best
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range a.boxes {
		lo, hi = min(lo, x.y0), max(hi, x.y1)
	}
	if math.IsInf(lo, 0) {
		return 0
	}
	return hi - lo
}

// shotLine is a visual line: its boxes left to right.
type shotLine struct {
	boxes          []*shotBoxT
	x0, y0, x1, y1 float64
}

func (l *shotLine) text() string {
	var b strings.Builder
	for i, x := range l.boxes {
		if i > 0 && x.x0-l.boxes[i-1].x1 > 2*l.size() {
			b.WriteString("　　")
		}
		b.WriteString(x.text)
	}
	return b.String()
}

func (l *shotLine) size() float64 { return max(l.y1-l.y0, 1) }

func newShotLine(bs []*shotBoxT) *shotLine {
	slices.SortStableFunc(bs, func(a, b *shotBoxT) int { return cmp.Compare(a.x0, b.x0) })
	l := &shotLine{boxes: bs, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	for _, b := range bs {
		l.x0, l.y0 = min(l.x0, b.x0), min(l.y0, b.y0)
		l.x1, l.y1 = max(l.x1, b.x1), max(l.y1, b.y1)
	}
	return l
}

// shotLines orders boxes into visual lines by their vertical centres.
func shotLines(boxes []*shotBoxT) []*shotLine {
	bs := slices.Clone(boxes)
	slices.SortStableFunc(bs, func(a, b *shotBoxT) int { return cmp.Compare(a.cy(), b.cy()) })
	var out []*shotLine
	var cur []*shotBoxT
	cy, ch := 0.0, 0.0
	for _, b := range bs {
		if len(cur) > 0 && math.Abs(b.cy()-cy) < 0.5*min(b.h(), ch) {
			cur = append(cur, b)
			continue
		}
		if len(cur) > 0 {
			out = append(out, newShotLine(cur))
		}
		cur, cy, ch = []*shotBoxT{b}, b.cy(), b.h()
	}
	if len(cur) > 0 {
		out = append(out, newShotLine(cur))
	}
	return out
}

// shotParagraphs reads the long image's boxes as paragraphs and table rows
// (see above).
func shotParagraphs(boxes []*shotBoxT, width float64) []docxPara {
	lines := shotLines(boxes)
	// The article's footer ends the content.
	for i, l := range lines {
		if len(l.boxes) == 1 && (shotFooter.MatchString(l.boxes[0].text) || i > len(lines)/2 && shotSource.MatchString(l.boxes[0].text)) {
			lines = lines[:i]
			break
		}
	}
	// The body's right edge: the upper quartile of the long lines' ends.
	var ends []float64
	for _, l := range lines {
		if len(l.boxes) == 1 && utf8.RuneCountInString(l.boxes[0].text) >= 8 {
			ends = append(ends, l.x1)
		}
	}
	right := width * 0.85
	if len(ends) > 0 {
		slices.Sort(ends)
		right = ends[len(ends)*3/4]
	}
	// The body's type size: the median line's height.
	var sizes []float64
	for _, l := range lines {
		sizes = append(sizes, l.size())
	}
	size := 1.0
	if len(sizes) > 0 {
		slices.Sort(sizes)
		size = sizes[len(sizes)/2]
	}
	// The article's head above its account-and-time line (its title as
	// the article lists it) repeats the image's own title panel.
	for i, l := range lines[:min(len(lines), 12)] {
		if shotAccountLine.MatchString(l.text()) || len(l.boxes) >= 2 && shotAccountLine.MatchString(strings.Join([]string{l.boxes[0].text, l.boxes[len(l.boxes)-1].text}, " ")) {
			lines = lines[i+1:]
			break
		}
	}
	var out []docxPara
	var prev *shotLine
	prevRight := right
	measure, inPanel := false, false
	emit := func(l *shotLine, edge float64) {
		t := strings.TrimSpace(shotDocNo.ReplaceAllString(l.text(), "$1〔$2〕$3"))
		if t == "" {
			return
		}
		last := ""
		if len(out) > 0 {
			last = out[len(out)-1].text
		}
		closed := strings.HasSuffix(last, "。") || strings.HasSuffix(last, "）") || strings.HasSuffix(last, ")") ||
			strings.HasSuffix(last, "；") || strings.HasSuffix(last, "：") || strings.HasSuffix(last, "！") || strings.HasSuffix(last, "？")
		centred := func(x *shotLine) bool {
			return math.Abs((x.x0+x.x1)/2-width/2) < x.size() && x.size() > size*1.15
		}
		// A centred line (the title panel's) goes on no line but a
		// centred one of its size.
		alone := func(x *shotLine) bool {
			return !inPanel && math.Abs((x.x0+x.x1)/2-width/2) < x.size() && x.x1 < prevRight-2*x.size()
		}
		switch {
		case prev != nil && len(out) > 0 && !out[len(out)-1].row && shotClause.MatchString(t) && measure:
			out[len(out)-1].text += t
		case prev != nil && len(out) > 0 && !out[len(out)-1].row && !shotStartLine.MatchString(t) && !shotClause.MatchString(t) &&
			!alone(prev) && !alone(l) && (prev.x1 >= prevRight-2*prev.size() || !closed) && l.x0 <= prev.x0+prev.size()/2 && l.x0 >= prev.x0-3*prev.size() &&
			l.size() < prev.size()*1.3 && l.size() > prev.size()*0.7 && l.y0-prev.y1 < prev.size():
			out[len(out)-1].text += t
		case prev != nil && len(out) > 0 && shotNote.MatchString(last) && !shotStartLine.MatchString(t) &&
			math.Abs(l.x0-prev.x0) < prev.size()/2 && math.Abs(l.size()-prev.size()) < prev.size()*0.15 && l.y0-prev.y1 < prev.size():
			out[len(out)-1].text += t // a note's lines are one block: its phones are the note's
		case prev != nil && len(out) > 0 && centred(prev) && centred(l) && math.Abs(l.size()-prev.size()) < size*0.15 && l.y0-prev.y1 < prev.size():
			out[len(out)-1].text += t // a title over two centred lines
		default:
			t = shotFullDigits(t)
			out = append(out, docxPara{text: t})
			measure = shotStartLine.MatchString(t) && unicode.IsDigit([]rune(t)[0])
		}
		prev, prevRight = l, edge
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if len(l.boxes) == 1 && shotAccountLine.MatchString(l.boxes[0].text) || len(l.boxes) >= 2 && shotAccountLine.MatchString(l.text()) {
			continue
		}
		if len(l.boxes) == 1 && shotQR.MatchString(l.boxes[0].text) {
			// The caption: this line and the lines under it at its left.
			j := i + 1
			for j < len(lines) && math.Abs(lines[j].x0-l.x0) < l.size() && lines[j].y0-lines[j-1].y1 < 2*l.size() {
				j++
			}
			i = j - 1
			prev = nil
			continue
		}
		if n := shotTableAt(lines, i); n > 0 {
			for _, r := range shotTable(lines[i:i+n], width) {
				out = append(out, docxPara{text: strings.Join(r, "\t"), row: true})
			}
			out = append(out, docxPara{})
			i += n - 1
			prev, measure = nil, false
			continue
		}
		if n, cut := shotPanelAt(lines, i, width); n > 0 {
			var left, rightCol []*shotBoxT
			for _, pl := range lines[i : i+n] {
				for _, b := range pl.boxes {
					if b.x0 < cut {
						left = append(left, b)
					} else {
						rightCol = append(rightCol, b)
					}
				}
			}
			for _, col := range [][]*shotBoxT{left, rightCol} {
				cls := shotLines(col)
				edge := 0.0
				for _, c := range cls {
					edge = max(edge, c.x1)
				}
				prev, inPanel = nil, true
				for _, c := range cls {
					emit(c, edge)
				}
				inPanel = false
			}
			i += n - 1
			continue
		}
		if len(l.boxes) == 2 && l.boxes[1].x0-l.boxes[0].x1 > 2*l.size() {
			// Two boxes far apart (a 文号 and a date): two paragraphs.
			for _, b := range l.boxes {
				prev = nil
				emit(newShotLine([]*shotBoxT{b}), right)
			}
			prev = nil
			continue
		}
		emit(l, right)
	}
	return out
}

// shotFullDigits writes a measure number's full-width digits in ASCII.
func shotFullDigits(t string) string {
	rs := []rune(t)
	for k, r := range rs {
		switch {
		case r >= '０' && r <= '９':
			rs[k] = '0' + r - '０'
		case k > 0 && (r == '.' || r == '．' || r == '、'):
			return string(rs)
		default:
			return t
		}
	}
	return t
}

// shotPanelAt is the number of lines from i that are a two-column panel,
// and the x that parts the columns, or 0: three lines or more of two
// narrow boxes apart, lines of one narrow box among them.
func shotPanelAt(lines []*shotLine, i int, width float64) (int, float64) {
	split := func(l *shotLine) (float64, bool) {
		if len(l.boxes) != 2 {
			return 0, false
		}
		a, b := l.boxes[0], l.boxes[1]
		if a.x1-a.x0 > width*0.5 || b.x1-b.x0 > width*0.5 || b.x0-a.x1 < 2*l.size()*0.5 || b.x0 < width*0.35 {
			return 0, false
		}
		return (a.x1 + b.x0) / 2, true
	}
	cut, ok := split(lines[i])
	if !ok {
		return 0, 0
	}
	n, splits := 0, 0
	for j := i; j < len(lines); j++ {
		l := lines[j]
		if c, ok := split(l); ok {
			cut = (cut + c) / 2
			splits++
			n = j - i + 1
			continue
		}
		if len(l.boxes) == 1 && l.x1-l.x0 < width*0.5 && (l.x1 < cut || l.x0 > cut) && lines[j].y0-lines[j-1].y1 < 2*l.size() {
			continue
		}
		break
	}
	// Single lines after the last two-box line still belong to the panel
	// when they sit in a column and close to it.
	for j := i + n; j < len(lines) && j > 0; j++ {
		l := lines[j]
		if len(l.boxes) == 1 && l.x1-l.x0 < width*0.5 && (l.x1 < cut || l.x0 > cut) && l.y0-lines[j-1].y1 < l.size() {
			n++
			continue
		}
		break
	}
	if splits < 3 {
		return 0, 0
	}
	return n, cut
}

// shotTableAt is the number of lines from i that are a table: a header
// line of three cells or more naming a table's columns, down to a line
// with a box spanning two columns; 0 for none.
func shotTableAt(lines []*shotLine, i int) int {
	h := lines[i]
	if len(h.boxes) < 3 {
		return 0
	}
	named := 0
	for _, b := range h.boxes {
		if shotTableHead.MatchString(stripSpace(b.text)) {
			named++
		}
	}
	if named < 3 {
		return 0
	}
	n := 1
	for j := i + 1; j < len(lines); j++ {
		spans := slices.ContainsFunc(lines[j].boxes, func(b *shotBoxT) bool { return shotSpans(h, b) })
		if spans {
			// A box moved in by a corrupted copy (a sentence with its
			// coordinates) spans the columns too: the table goes on where
			// a row of three cells or more follows close under it.
			more := false
			for k := j + 1; k < min(j+4, len(lines)); k++ {
				if len(lines[k].boxes) >= 3 && !slices.ContainsFunc(lines[k].boxes, func(b *shotBoxT) bool { return shotSpans(h, b) }) {
					more = true
				}
			}
			if !more {
				break
			}
		}
		n++
	}
	return n
}

// shotSpans reports whether box b spans two columns of header line h or
// more: no cell does.
func shotSpans(h *shotLine, b *shotBoxT) bool {
	cols := 0
	for _, hb := range h.boxes {
		if min(b.x1, hb.x1)-max(b.x0, hb.x0) > -h.size()*0.5 && hb.x0 < b.x1 && hb.x1 > b.x0 || b.x0 < (hb.x0+hb.x1)/2 && b.x1 > (hb.x0+hb.x1)/2 {
			cols++
		}
	}
	return cols >= 2
}

// shotTable reads a table's cells by the header's columns and the first
// column's rows (see above).
func shotTable(lines []*shotLine, width float64) [][]string {
	head := lines[0].boxes
	k := len(head)
	bounds := make([]float64, k+1)
	bounds[0], bounds[k] = math.Inf(-1), math.Inf(1)
	for c := 1; c < k; c++ {
		bounds[c] = ((head[c-1].x0+head[c-1].x1)/2 + (head[c].x0+head[c].x1)/2) / 2
	}
	colOf := func(b *shotBoxT) int {
		x := (b.x0 + b.x1) / 2
		for c := 0; c < k; c++ {
			if x < bounds[c+1] {
				return c
			}
		}
		return k - 1
	}
	var boxes []*shotBoxT
	for _, l := range lines[1:] {
		for _, b := range l.boxes {
			if !shotSpans(lines[0], b) {
				boxes = append(boxes, b)
			}
		}
	}
	var anchors []float64
	for _, b := range boxes {
		if colOf(b) == 0 {
			anchors = append(anchors, b.cy())
		}
	}
	slices.Sort(anchors)
	rows := [][]string{make([]string, k)}
	for c, b := range head {
		rows[0][c] = stripSpace(b.text)
	}
	if len(anchors) == 0 {
		return rows
	}
	cells := make([][][]*shotBoxT, len(anchors))
	for r := range cells {
		cells[r] = make([][]*shotBoxT, k)
	}
	for _, b := range boxes {
		best := 0
		for r, a := range anchors {
			if math.Abs(b.cy()-a) < math.Abs(b.cy()-anchors[best]) {
				best = r
			}
		}
		c := colOf(b)
		cells[best][c] = append(cells[best][c], b)
	}
	for _, row := range cells {
		r := make([]string, k)
		for c, cell := range row {
			slices.SortStableFunc(cell, func(a, b *shotBoxT) int { return cmp.Compare(a.cy(), b.cy()) })
			var sb strings.Builder
			for j, b := range cell {
				t := strings.TrimSpace(b.text)
				if shotPhoneHead.MatchString(rows[0][c]) {
					t = shotDigitSp.ReplaceAllString(t, "$1$2")
				}
				if j > 0 {
					last, _ := utf8.DecodeLastRuneInString(sb.String())
					first, _ := utf8.DecodeRuneInString(t)
					if unicode.IsDigit(last) && unicode.IsDigit(first) {
						sb.WriteString("、")
					}
				}
				sb.WriteString(t)
			}
			r[c] = sb.String()
		}
		rows = append(rows, r)
	}
	return shotByMeasure(rows)
}

// shotByMeasure rewrites a table whose column names each row's measures
// ("第2-4条 税费减免") as contacts by measure (see odtByMeasure), its row
// numbers dropped; any other table comes back as it is.
func shotByMeasure(rows [][]string) [][]string {
	ref, seq := -1, -1
	for c := range rows[0] {
		n, nums := 0, 0
		for _, r := range rows[1:] {
			if shotRefCell.MatchString(r[c]) {
				n++
			}
			if _, err := strconv.Atoi(r[c]); err == nil {
				nums++
			}
		}
		if ref < 0 && n*2 > len(rows)-1 {
			ref = c
		}
		if seq < 0 && nums*2 > len(rows)-1 {
			seq = c
		}
	}
	if ref < 0 {
		return rows
	}
	var t [][]string
	for i, r := range rows {
		var nr []string
		for c, v := range r {
			switch {
			case c == seq:
				continue
			case c == ref && i == 0:
				v = "对应条款"
			case c == ref:
				m := shotRefCell.FindStringSubmatch(v)
				if m == nil {
					v = ""
					break
				}
				v = strings.NewReplacer("第", "", "，", "、", ",", "、", " ", "", "　", "").Replace(shotFullDigits(m[1]))
				v = strings.Map(func(r rune) rune {
					if r >= '０' && r <= '９' {
						return '0' + r - '０'
					}
					return r
				}, v)
			}
			nr = append(nr, v)
		}
		t = append(t, nr)
	}
	if by := odtByMeasure(t); by != nil {
		return by
	}
	return rows
}

// String describes a box for debugging.
func (b *shotBoxT) String() string {
	return fmt.Sprintf("%q@(%.0f,%.0f)", b.text, b.x0, b.y0)
}

// shotHead marks the title panel's title (the first paragraph before the
// first heading or measure that names a guide's kind) and puts the
// issuer's line before the date's, as a signature reads (see docxHead):
// the panel writes the 文号 between them.
func shotHead(paras []docxPara) {
	end := slices.IndexFunc(paras, func(p docxPara) bool { return p.row || shotStartLine.MatchString(p.text) })
	if end < 0 {
		end = len(paras)
	}
	title, issuer, date := -1, -1, -1
	for i, p := range paras[:end] {
		t := stripSpace(p.text)
		switch {
		case title < 0 && shotTitle.MatchString(t):
			title = i
		case issuer < 0 && title >= 0 && signatureLine.MatchString(t) && !docxDateLine.MatchString(t):
			issuer = i
		case date < 0 && docxDateLine.MatchString(t):
			date = i
		}
	}
	if title < 0 {
		ofdMarkTitle(paras)
		return
	}
	paras[title].title = true
	if issuer >= 0 && date > issuer+1 {
		p := paras[issuer]
		copy(paras[issuer:date-1], paras[issuer+1:date])
		paras[date-1] = p
	}
}

// shotTitle is a guide's title: it names the kind of document.
var shotTitle = regexp.MustCompile(`^.{4,60}(?:指南|措施|办法|清单|细则|通知|政策|方案|汇编|问答|若干规定)$`)
