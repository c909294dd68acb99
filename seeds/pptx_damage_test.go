package seeds

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"policybot/seeds/scramble"
)

// damageFigure reads a format guide's corrupted copies (seeds 1–20) and
// counts the clean reading's measures that keep their number with their
// opening text, and those that keep exactly its contacts.
func damageFigure(t *testing.T, dir string) (total, texted, contacts int) {
	t.Helper()
	clean, err := os.ReadFile(dir + "guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(clean)
	if err != nil {
		t.Fatal(err)
	}
	for seed := 1; seed <= 20; seed++ {
		sc := scramble.Scramble(string(clean), scramble.Options{Seed: uint64(seed)})
		g, err := Parse([]byte(sc.Text))
		if err != nil {
			t.Errorf("seed %d: %v", seed, err)
			continue
		}
		for _, w := range want.Measures {
			total++
			m := g.Measure(w.Number)
			if m == nil {
				t.Logf("seed %d: measure %d missing", seed, w.Number)
				continue
			}
			if strings.HasPrefix(m.Text, w.Text[:min(len(w.Text), 30)]) {
				texted++
			}
			if reflect.DeepEqual(contactLines(m), contactLines(&w)) {
				contacts++
			}
		}
	}
	return total, texted, contacts
}

// TestPPTXDamaged: over seeds 1–20 of songtao-2022-pptx every measure
// keeps its contacts and nearly all their opening text (stop 59: 275 of
// 280; the five misread are starts whose automatic number a moved piece
// shifted, see pptxParagraphs).
func TestPPTXDamaged(t *testing.T) {
	total, texted, contacts := damageFigure(t, "testdata/formats/songtao-2022-pptx/")
	t.Logf("text %d/%d, contacts %d/%d", texted, total, contacts, total)
	if contacts < total || texted*100 < total*98 {
		t.Errorf("text %d/%d, contacts %d/%d", texted, total, contacts, total)
	}
}

// TestPPTXRejoin moves a piece holding a notes slide's start (from the
// last 。 before its part line to the first 。 in it) into a slide's text,
// as a corrupted copy does: the slide's rest would be read as the notes;
// rejoined, the deck reads as the clean one.
func TestPPTXRejoin(t *testing.T) {
	b, err := os.ReadFile("testdata/formats/songtao-2022-pptx/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean := string(b)
	sep := strings.Index(clean, "===== ppt/notesSlides/")
	if sep < 0 {
		t.Fatal("no notes slide")
	}
	piece, rest := pieceAround(clean, sep)
	// After the first sentence of the first slide holding three.
	at := -1
	for _, l := range xlsxSeparator.FindAllStringIndex(rest, -1) {
		body := rest[l[1]:]
		if next := xlsxSeparator.FindStringIndex(body); next != nil {
			body = body[:next[0]]
		}
		if strings.Contains(body, "<p:sld") && strings.Count(body, "。") >= 3 {
			at = l[1] + strings.Index(body, "。") + len("。")
			break
		}
	}
	if at < 0 {
		t.Fatal("no slide with three sentences")
	}
	moved := rest[:at] + piece + rest[at:]
	want, _, _ := pptxText(clean)
	got, unread, _ := pptxText(moved)
	if got != want {
		t.Errorf("read as\n%s\nwant\n%s", got, want)
	}
	if len(unread) == 0 {
		t.Error("the moved piece not reported")
	}
	if _, cut := pptxRejoin(clean); len(cut) > 0 {
		t.Errorf("clean deck: %q moved", cut)
	}
}

// pieceAround cuts out of text the piece a corrupted copy would move
// holding position at: from the last 。 before it to the first 。 after
// it (both sentences are cut there). It returns the piece and the text
// without it.
func pieceAround(text string, at int) (piece, rest string) {
	from := strings.LastIndex(text[:at], "。") + len("。")
	to := at + strings.Index(text[at:], "。") + len("。")
	return text[from:to], text[:from] + text[to:]
}
