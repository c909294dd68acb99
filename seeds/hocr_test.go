package seeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hocrDoc writes one page's hOCR document: areas of paragraphs of lines
// of words, each word "text@x0,y0,x1,y1,conf".
func hocrDoc(image string, areas ...[][]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name='ocr-system' content='tesseract 4.1.1' /></head><body>
<div class='ocr_page' id='page_1' title='image "` + image + `"; bbox 0 0 2480 3508; ppageno 0'>
`)
	for _, a := range areas {
		b.WriteString("<div class='ocr_carea' id='block_1_1'>\n")
		for _, par := range a {
			b.WriteString(" <p class='ocr_par' id='par_1_1' lang='chi_sim'>\n")
			for _, line := range par {
				cls := "ocr_line"
				if rest, ok := strings.CutPrefix(line, "float:"); ok {
					cls, line = "ocr_textfloat", rest
				}
				b.WriteString("  <span class='" + cls + "' id='line_1_1' title=\"x_size 50\">\n")
				for _, w := range strings.Fields(line) {
					t, geo, _ := strings.Cut(w, "@")
					f := strings.Split(geo, ",")
					b.WriteString("   <span class='ocrx_word' id='word_1_1' title='bbox " + strings.Join(f[:4], " ") + "; x_wconf " + f[4] + "'>" + t + "</span>\n")
				}
				b.WriteString("  </span>\n")
			}
			b.WriteString(" </p>\n")
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</div></body></html>\n")
	return b.String()
}

// hocrSample is two pages given in the wrong order (page 2's document
// first): fax headers, page numbers, a stamp's garbage, a measure cut by
// the page break, a signature date misread, and a table emitted column by
// column with a merged unit cell and two pairs on two lines.
var hocrSample = hocrDoc("page_2.png",
	[][]string{{"2022-06-21@560,63,760,92,90 16:@774,63,810,92,90 05@812,63,840,92,90 FROM:甲区@854,63,1000,92,88 7654321@1014,63,1100,92,91 P.2/2@1130,63,1200,92,90"}},
	[][]string{{"局；配合单位：区财政局）@312,214,1000,266,90"}},
	[][]string{{"序号@280,400,353,440,90", "1@300,478,320,518,90", "2@300,560,320,600,90", "3@300,618,320,658,90", "4@300,676,320,716,90"}},
	[][]string{{"政策条款@390,400,560,440,90", "留抵退税@390,478,560,518,90", "免征增值税@390,560,600,600,90", "所得税优惠@390,618,600,658,90", "缓缴房产税@390,676,600,716,90"}},
	[][]string{{"责任单位@1088,400,1250,440,90", "区税务局@1088,454,1250,494,90", "区财政局@1088,502,1250,542,90"}, {"区税务局@1088,618,1250,658,90"}},
	[][]string{{"联系人@1588,400,1710,440,90", "张某@1588,454,1670,494,90", "李某@1588,502,1670,542,90", "王某@1588,560,1670,600,90", "赵某@1588,618,1670,658,90", "钱某@1588,676,1670,716,90"}},
	[][]string{{"联系电话@1915,400,2075,440,90", "0773-7654301@1915,454,2155,494,90", "7654302@1915,502,2055,542,90", "12366@1915,560,2015,600,90", "0773-765@1915,618,2075,658,90 4303@2095,618,2175,658,90", "0773@1915,676,1995,716,90 -@1995,676,2015,716,80 7654304@2015,676,2155,716,90"}},
	[][]string{{"float:—@1150,3341,1194,3384,90 2@1210,3341,1232,3384,90 —@1248,3341,1292,3384,90"}},
) + hocrDoc("page_1.png",
	[][]string{{"2022-06-21@560,63,760,92,90 16:@774,63,810,92,90 05@812,63,840,92,90 FROM:甲区@854,63,1000,92,88 7654321@1014,63,1100,92,91 P.1/2@1130,63,1200,92,90"}},
	[][]string{{"甲区人民政府办公室关于印发@680,620,1800,690,90"}},
	[][]string{{"蠹@1610,1130,1670,1190,12 鬟蕊@1760,1130,1880,1190,9", "郾@1610,1225,1670,1285,20"}},
	[][]string{{"甲区人民政府办@1500,1245,1850,1296,80 公室@1850,1245,1950,1296,52", "二@1590,1319,1640,1371,80 O@1640,1319,1665,1371,40 二二@1665,1319,1765,1371,85 年六月@1765,1319,1915,1371,88 二十@1915,1319,2015,1371,80 -@2015,1319,2040,1371,35 日@2040,1319,2090,1371,90"}},
	[][]string{{"一、减轻税费负担@412,1800,812,1850,90"}},
	[][]string{{"1.@412,1900,462,1950,90 2022年@462,1900,662,1950,90 对小微企业和制造业等行业企业按月全额退还增量留抵税额，并一次@662,1900,2160,1950,90", "性退还存量留抵税额，退税资金快速直达企业。（责任单位：区税务局；配合单位：区@312,1974,2160,2024,90", "财政局）@312,2048,512,2098,90"},
		{"2.对增值税小规模纳税人免征增值税，对小型微利企业减征所得税，对受影响@412,2122,2160,2172,90", "企业缓缴房产税，缓缴期限为六个月，期间免收滞纳金，所需资料一次提交。（责任单位：区税务@312,3190,2160,3240,90"}},
	[][]string{{"float:—@1150,3341,1194,3384,90 1@1210,3341,1232,3384,90 —@1248,3341,1292,3384,90"}},
)

// TestHOCRText: pages by their image's number, the furniture and the
// stamp dropped, a measure joined across the page break, the date read
// back, and the table's rows rebuilt from heights.
func TestHOCRText(t *testing.T) {
	out, unread, _ := hocrText(hocrSample)
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	for _, want := range []string{
		"2022年6月21日",
		"1.2022年对小微企业",
		"（责任单位：区税务局；配合单位：区财政局）\n2.对增值税",
		"（责任单位：区税务局；配合单位：区财政局）\n序号\t政策条款",
		"1\t留抵退税\t区税务局、区财政局\t张某、李某\t0773-7654301、7654302",
		"2\t免征增值税\t区税务局\t王某\t12366",
		"3\t所得税优惠\t区税务局\t赵某\t0773-765 4303",
		"4\t缓缴房产税\t区税务局\t钱某\t0773-7654304",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"7654321", "FROM", "蠹", "郾", "— 1", "—1—", "二O"} {
		if strings.Contains(out, no) {
			t.Errorf("%q in\n%s", no, out)
		}
	}
}

// TestHOCRDate: a signature date in Chinese numerals is read back through
// OCR's confusions; anything else is left alone.
func TestHOCRDate(t *testing.T) {
	for in, want := range map[string]string{
		"二O二二年六月二十-日": "2022年6月21日",
		"二〇二二年十二月一日":  "2022年12月1日",
		"二0二三年三月十日":   "2023年3月10日",
		"二〇二二年十三月一日":  "二〇二二年十三月一日",
		"二〇二二年六月":     "二〇二二年六月",
		"这是二〇二二年六月一日": "这是二〇二二年六月一日",
	} {
		if got := hocrDate(in); got != want {
			t.Errorf("hocrDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHOCRTextOther: a text that is no hOCR comes back unchanged; a
// truncated or damaged document still gives its words, never a panic.
func TestHOCRTextOther(t *testing.T) {
	for _, s := range []string{"1.减免租金。责任单位：区国资委", "<html><body><p>ocr_page</p></body></html>", `<div class='ocr_page'></div>`} {
		if out, _, _ := hocrText(s); out != s {
			t.Errorf("%q read as %q", s, out)
		}
	}
	cut := hocrSample[:len(hocrSample)*3/4]
	out, _, _ := hocrText(cut)
	if !strings.Contains(out, "区税务局") {
		t.Errorf("truncated read as\n%s", out)
	}
	for _, r := range [][2]string{{"title='bbox 412 1900", "title='bbox x y"}, {"</span>\n  </span>", "</span>"}, {"x_wconf 90'>留抵退税", "x_wconf NaN'>留抵退税"}} {
		if !strings.Contains(hocrSample, r[0]) {
			t.Fatalf("no %q in the sample", r[0])
		}
	}
	damaged := strings.Replace(hocrSample, "title='bbox 412 1900", "title='bbox x y", 1)
	damaged = strings.Replace(damaged, "</span>\n  </span>", "</span>", 3)
	damaged = strings.Replace(damaged, "x_wconf 90'>留抵退税", "x_wconf NaN'>留抵退税", 1)
	if out, _, _ := hocrText(damaged); !strings.Contains(out, "财政局") {
		t.Errorf("damaged read as\n%s", out)
	}
}

// TestHOCRGuide: the format guide reads as its README says: the head
// (the red header's issuer, the signature's misread date), 20 measures
// whose texts start after their number (a year after it is no decimal),
// two measures joined across page breaks, the fax header's, the notice's
// and the printer's phones nobody's, the table's contacts by row.
func TestHOCRGuide(t *testing.T) {
	dir := filepath.Join("testdata", "formats", "yunfeng-2022-hocr")
	b, err := os.ReadFile(filepath.Join(dir, "guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if g.Issuer != "岭川市云峰区人民政府办公室" || g.Published != "2022-07-21" || !strings.Contains(g.Title, "关于印发云峰区稳经济助企纾困政策工作指南的通知") {
		t.Errorf("head %q %q %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 20 || len(g.Sections) != 5 {
		t.Fatalf("%d measures, %d sections", len(g.Measures), len(g.Sections))
	}
	for n, want := range map[int]string{1: "2022年对符合条件", 8: "2022年7月1日至12月31日", 13: "2022年区级政府采购"} {
		if m := g.Measure(n); m == nil || !strings.HasPrefix(m.Text, want) {
			t.Errorf("measure %d: %+v", n, m)
		}
	}
	for n, want := range map[int][]string{
		1:  {"区税务局 梁晓峰 0775-3125561", "区财政局 覃美玲 3128802"},
		2:  {"区税务局 黄志刚 12366"},
		4:  {"区税务局 韦建国 3125573"},
		5:  {"区人社局 蒙晓燕 3136620", "区税务局 廖志强 3125580"},
		6:  {"区就业服务中心 陆春梅 0775-3140216"},
		9:  {"岭川市住房公积金管理中心云峰管理部 罗建华 3159908"},
		17: {"区融资担保公司 潘丽君 rzdb@example.cn"},
		19: {"区工信局 农志勇 3172248", "区商务局 邓海英 0775-3173359"},
		20: {"区营商环境办 12345 （24小时）"},
	} {
		m := g.Measure(n)
		if m == nil || strings.Join(contactLines(m), "|") != strings.Join(want, "|") {
			t.Errorf("measure %d contacts %q, want %q", n, contactLines(m), want)
		}
	}
	// The measures cut by the page breaks keep their unit clauses.
	if m := g.Measure(5); m == nil || strings.Join(m.Support, "、") != "区医保局" {
		t.Errorf("measure 5: %+v", m)
	}
	if m := g.Measure(18); m == nil || strings.Join(m.Support, "、") != "区大数据中心" {
		t.Errorf("measure 18: %+v", m)
	}
	for _, m := range g.Measures {
		for _, c := range m.Contacts {
			for _, no := range []string{"3120000", "3120010", "3166021"} {
				if strings.Contains(c.String(), no) {
					t.Errorf("measure %d has %s: %s", m.Number, no, c.String())
				}
			}
		}
	}
}
