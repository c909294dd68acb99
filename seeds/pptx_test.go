package seeds

import (
	"reflect"
	"strings"
	"testing"
)

// TestPPTXScrambled: the corrupted copy of songtao-2022-pptx reads as the
// clean guide: the same measures, head, contacts and openings.
func TestPPTXScrambled(t *testing.T) {
	dir := "testdata/formats/songtao-2022-pptx/"
	want, got := mustParseFile(t, dir+"guide.txt"), mustParseFile(t, dir+"scrambled-1.txt")
	if len(got.Measures) != len(want.Measures) || got.Title != want.Title || got.Published != want.Published || got.Issuer != want.Issuer {
		t.Fatalf("%d measures of %d; %q %q %q", len(got.Measures), len(want.Measures), got.Title, got.Published, got.Issuer)
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil {
			t.Errorf("measure %d missing", w.Number)
			continue
		}
		if !reflect.DeepEqual(contactLines(m), contactLines(&w)) || !strings.HasPrefix(m.Text, w.Text[:min(len(w.Text), 30)]) {
			t.Errorf("measure %d: %q %q, clean %q %q", w.Number, m.Text, contactLines(m), w.Text, contactLines(&w))
		}
	}
}

// TestPPTXGuide: the head, every measure's number and the exact phones of
// songtao-2022-pptx; nothing of the hidden slide, the notes, the comment,
// the SmartArt, the masters or docProps' stale title.
func TestPPTXGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/songtao-2022-pptx/guide.txt")
	if g.Title != "松涛区稳经济助企纾困政策宣讲" || g.Issuer != "澜川市松涛区发展和改革局" || g.Published != "2022-06-30" {
		t.Errorf("head %q %q %q", g.Title, g.Issuer, g.Published)
	}
	for i, m := range g.Measures {
		if m.Number != i+1 {
			t.Fatalf("measure %d numbered %d", i+1, m.Number)
		}
	}
	var all strings.Builder
	for _, m := range g.Measures {
		all.WriteString(m.Text + strings.Join(m.Details, "") + strings.Join(contactLines(&m), " "))
	}
	for _, stale := range []string{"2289999", "2289998", "95598", "13700009999", "2021年", "母版", "到期贷款延至年底", "赵旧", "留抵退税3.2亿元"} {
		if strings.Contains(all.String()+g.Title, stale) {
			t.Errorf("%q read", stale)
		}
	}
	if m := g.Measure(6); m == nil || !strings.Contains(strings.Join(m.Details, ""), "2022年12月31日") || !strings.Contains(strings.Join(m.Details, ""), "申请方式") {
		t.Errorf("measure 6 not joined over its two slides: %+v", m)
	}
	if m := g.Measure(10); m == nil || !strings.Contains(strings.Join(m.Details, ""), "<500万元") {
		t.Errorf("measure 10: %+v", m)
	}
}

// pptxSample is a deck as another tool cuts it: "==> path <==" lines, no
// presentation.xml (slides in zip order), a hidden slide, automatic
// numbering repeating startAt at two levels, a field, a footer, a group,
// and a table with a row span and a column span.
const pptxSample = `==> ppt/slides/slide2.xml <==
<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" show="0"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>旧稿不读</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>
==> ppt/slides/slide1.xml <==
<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>
<p:sp><p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>一、税</a:t></a:r><a:r><a:t>费</a:t></a:r></a:p></p:txBody></p:sp>
<p:grpSp><p:sp><p:nvSpPr><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr><p:txBody>
<a:p><a:pPr><a:buAutoNum type="arabicPeriod" startAt="5"/></a:pPr><a:r><a:t>甲措</a:t></a:r><a:r><a:t>施。</a:t></a:r><a:br/><a:r><a:t>第二行</a:t></a:r><a:fld type="slidenum"><a:t>3</a:t></a:fld></a:p>
<a:p><a:pPr lvl="1"><a:buAutoNum type="arabicParenBoth" startAt="1"/></a:pPr><a:r><a:t>子项</a:t></a:r></a:p>
<a:p><a:pPr><a:buAutoNum type="arabicPeriod" startAt="5"/></a:pPr><a:r><a:t>乙措施。</a:t></a:r></a:p>
</p:txBody></p:sp></p:grpSp>
<p:sp><p:nvSpPr><p:nvPr><p:ph type="ftr"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>某区某局</a:t></a:r></a:p></p:txBody></p:sp>
<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>单位</a:t></a:r></a:p></a:txBody></a:tc><a:tc gridSpan="2"><a:txBody><a:p><a:r><a:t>电话</a:t></a:r></a:p></a:txBody></a:tc><a:tc hMerge="1"/></a:tr>
<a:tr><a:tc rowSpan="2"><a:txBody><a:p><a:r><a:t>区税务局</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>12366</a:t></a:r></a:p></a:txBody></a:tc><a:tc/></a:tr>
<a:tr><a:tc vMerge="1"/><a:tc><a:txBody><a:p><a:r><a:t>0766-2281101</a:t></a:r></a:p></a:txBody></a:tc><a:tc/></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>
</p:spTree></p:cSld></p:sld>
`

// TestPPTXParts reads pptxSample: zip order without presentation.xml, the
// hidden slide dropped, numbers counted per level from startAt, the field
// and the footer dropped (the footer is the issuer), the row span carried
// down and the column span empty.
func TestPPTXParts(t *testing.T) {
	out, _, _ := pptxText(pptxSample)
	want := []string{"来源：某区某局。", "一、税费", "5.甲措施。\n第二行", "（1）子项", "6.乙措施。", "单位\t电话\t", "区税务局\t12366\t", "区税务局\t0766-2281101"}
	got := strings.Split(strings.TrimSpace(strings.ReplaceAll(out, "\n\n", "\n")), "\n")
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("%q not in\n%s", w, out)
		}
	}
	if strings.Contains(out, "旧稿") || strings.Contains(out, "3\n") {
		t.Errorf("hidden slide or field read:\n%s", out)
	}
}

// TestPPTXOther: a text that is no deck, or an .xlsx package, comes back
// unchanged; a damaged slide still reads what it holds.
func TestPPTXOther(t *testing.T) {
	for _, s := range []string{"", "一、税费\n1. 措施。", xlsxSample, `<p:sld xmlns:p="x"/>`} {
		if out, _, _ := pptxText(s); out != s {
			t.Errorf("%q read as %q", s[:min(len(s), 40)], out)
		}
	}
	damaged := strings.Replace(pptxSample, "<a:r><a:t>乙措施。</a:t></a:r>", "<a:r><a:t>乙措施。</a:r></a:t", 1)
	if out, _, _ := pptxText(damaged); !strings.Contains(out, "乙措施") || !strings.Contains(out, "甲措施") {
		t.Errorf("damaged slide read as\n%s", out)
	}
}
