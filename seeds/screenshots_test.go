package seeds

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const shotGuide = "testdata/formats/tongxi-2022-screenshots"

// TestScreenshotText: the clean guide's screenshots read as the long image
// once: title panel, every measure with its clause, the panel's two
// columns one after the other, the contact table by measure; no phone of
// the note, the QR caption or the article's footer is a measure's.
func TestScreenshotText(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(shotGuide, "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out, unread, copies := screenshotText(string(src))
	if len(unread) > 0 || copies != nil {
		t.Errorf("clean file: unread %v, copies %v", unread, copies)
	}
	for _, want := range []string{
		"桐溪区稳经济助企纾困政策工作指南\n",
		"桐政办〔2022〕15号\n",
		// A line cut before a digit run goes on: the paragraph is whole.
		"2.小规模纳税人免征增值税。2022年4月1日至12月31日，对增值税小规模纳税人适用3%征收率的应税销售收入免征增值税。（责任单位：区税务局）\n",
		// The right column after the left, its clause over two lines joined.
		"（责任单位：区市场监管局）\n13.住宿业会议补贴。",
		"最高5万元。（责任单位：区文旅局）\n14.",
		// A heading's icon box and the icon read into it are dropped.
		"\n二、社保就业政策\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, furniture := range []string{"写留言", "桐溪发布", "4G", "86%", "···", "往期推荐", "精选留言", "65238800", "65234008", "扫码", "发表于"} {
		if strings.Contains(out, furniture) {
			t.Errorf("text holds furniture %q", furniture)
		}
	}
	// The overlap is read once: every measure starts once.
	seen := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		if seen[l] && len([]rune(l)) > 12 && !strings.Contains(l, "\t") {
			t.Errorf("line read twice: %q", l)
		}
		seen[l] = true
	}
	g, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if g.Title != "桐溪区稳经济助企纾困政策工作指南" || g.Issuer != "岚江市桐溪区人民政府办公室" || g.Published != "2022-06-17" {
		t.Errorf("head %q %q %q", g.Title, g.Issuer, g.Published)
	}
	for _, m := range g.Measures {
		all := strings.Join(append(append([]string{m.Text}, m.Details...), contactLines(&m)...), " ")
		for _, p := range []string{"65230001", "65234008", "65238800"} {
			if strings.Contains(all, p) {
				t.Errorf("measure %d holds %s, no measure's phone", m.Number, p)
			}
		}
	}
}

// TestScreenshotScrambled: the corrupted copy (sentences cut at 。 inside
// the JSON strings, moved and repeated, lines broken) gives every
// measure the clean guide's contacts and units.
func TestScreenshotScrambled(t *testing.T) {
	want := mustParseFile(t, filepath.Join(shotGuide, "guide.txt"))
	got := mustParseFile(t, filepath.Join(shotGuide, "scrambled-1.txt"))
	if len(got.Measures) != len(want.Measures) || len(got.Report.Unread) == 0 {
		t.Fatalf("%d measures (clean %d), %d unread lines", len(got.Measures), len(want.Measures), len(got.Report.Unread))
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil || !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !slices.Equal(m.Lead, w.Lead) {
			t.Errorf("measure %d differs from the clean reading", w.Number)
		}
	}
}

// TestScreenshotDamage: a damaged file gives what is readable, never a
// panic; a text that is no screenshot file comes back unchanged.
func TestScreenshotDamage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(shotGuide, "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	clean := string(src)
	lines := strings.SplitAfter(strings.TrimSpace(clean), "\n")
	reversed := make([]string, len(lines))
	for i, l := range lines {
		// The engine's box order within a screenshot carries nothing:
		// the boxes reversed read the same.
		head, boxes, ok := strings.Cut(strings.TrimSpace(l), `"ocr": [`)
		if !ok {
			t.Fatal("no ocr list")
		}
		bs := strings.Split(strings.TrimSuffix(boxes, "]}"), "]], [[[")
		slices.Reverse(bs)
		for k := range bs {
			bs[k] = strings.TrimSuffix(strings.TrimPrefix(bs[k], "[[["), "]]")
		}
		reversed[i] = head + `"ocr": [[[[` + strings.Join(bs, "]], [[[") + "]]]}\n"
	}
	cleanOut, _, _ := screenshotText(clean)
	if out, _, _ := screenshotText(strings.Join(reversed, "")); out != cleanOut {
		t.Errorf("boxes in reverse order read differently:\n%s", out)
	}
	// Python writes a float with up to 17 significant digits
	// (0.9896943737433687): such confidences and corners read the same.
	long := regexp.MustCompile(`(\d\.\d+)([\],])`).ReplaceAllString(clean, "${1}00000000001$2")
	if long == clean {
		t.Fatal("no float lengthened")
	}
	if out, _, _ := screenshotText(long); out != cleanOut {
		t.Errorf("floats written with 17 digits read differently:\n%s", out)
	}
	for _, tt := range []struct {
		name     string
		text     string
		measures int // at least
		changed  bool
	}{
		// A truncated last line (cut JSON) still gives its boxes.
		{"truncated", clean[:len(clean)*4/5], 12, true},
		{"last line cut mid-box", clean[:strings.LastIndex(clean, "65234006")+4], 14, true},
		// A screenshot lost: the ones around it are appended.
		{"screenshot lost", lines[0] + lines[1] + lines[3] + lines[4], 8, true},
		// A wide box moved into the table (a corrupted copy's sentence
		// with its coordinates) is no cell and does not end the table.
		{"stray box in the table", lines[0] + lines[1] + lines[2] + strings.Replace(lines[3], `"ocr": [`,
			`"ocr": [[[[92.0, 1340.0], [920.0, 1340.0], [920.0, 1390.0], [92.0, 1390.0]], ["企业按上年度实际缴纳失业保险费的", 0.95]], `, 1) + lines[4], 16, true},
		{"one screenshot", lines[0], 3, true},
		{"no boxes", `{"image": "a.jpg", "width": 1080, "height": 2400, "ocr": []}`, 0, false},
		{"bad numbers", `{"image": "a.jpg", "ocr": [[[[NaN, 1], [1e999, 2], [3, 4], [5, 6]], ["1.甲。", 0.9]], [[[1, 1], [2, 1], [2, 2], [1, 2]], ["\ud800乙", "x"]]]}`, 0, false},
		{"no JSON", "一、财税支持\n1.留抵退税。（责任单位：区税务局）\n", 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, _ := screenshotText(tt.text)
			if (out != tt.text) != tt.changed {
				t.Errorf("changed %v, want %v", out != tt.text, tt.changed)
			}
			g := parseText(tt.text)
			if len(g.Measures) < tt.measures {
				t.Errorf("%d measures, want at least %d", len(g.Measures), tt.measures)
			}
			if m := g.Measure(8); tt.name == "stray box in the table" && (m == nil || !slices.Equal(contactLines(m), []string{"区人社局创业指导中心 莫丽华 65231306"})) {
				t.Errorf("a row under the stray box lost its contact: %v", m)
			}
		})
	}
}

// TestShotScroll: the scroll is the shift the whole overlap agrees on,
// not the one a repeated line votes for.
func TestShotScroll(t *testing.T) {
	box := func(y float64, text string) *shotBoxT {
		return &shotBoxT{x0: 92, x1: 900, y0: y, y1: y + 50, text: text, conf: 0.95}
	}
	a := &shot{width: 1080, height: 2400, boxes: []*shotBoxT{
		box(300, "（责任单位：区人社局；配合单位：区财政局）"), box(1000, "甲乙丙丁戊己庚辛壬癸子丑"), box(2000, "（责任单位：区人社局；配合单位：区税务局）"), box(2100, "天地玄黄宇宙洪荒日月盈昃"),
	}}
	b := &shot{width: 1080, height: 2400, boxes: []*shotBoxT{
		box(236, "（责任单位：区人社局；配合单位：区税务局）"), box(336, "天地玄黄宇宙洪荒日月盈昃"), box(900, "（责任单位：区人社局；配合单位：区财政局）"),
	}}
	if d := shotScroll(a, b); d != 1764 {
		t.Errorf("scroll %v, want 1764", d)
	}
}
